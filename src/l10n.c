/* SPDX-License-Identifier: MIT */
/* l10n.c - read one message of the built-in message catalogue. */
#include "l10n.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "resources.h"
#include "util.h"

#define L10N_NS "urn:rec2xml:l10n"
#define L10N_DIR "stylesheets/l10n/"

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)L10N_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The built-in catalogue file name ("en.xml"), parsed; NULL when there is
 * none. Caller frees. */
static xmlDocPtr read_file(const char *name)
{
    char *path = rec_asprintf("%s%s", L10N_DIR, name);
    const rec_resource *r = rec_resource_find(path);
    char *url = rec_asprintf("%s%s", REC_RESOURCE_SCHEME, path);
    xmlDocPtr doc = r ? xmlReadMemory((const char *)r->data, (int)r->size, url, "UTF-8",
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                      : NULL;
    free(url);
    free(path);
    return doc;
}

/* The text of the root's <msg key="key">, or NULL. */
static char *find(const xmlDoc *doc, const char *key)
{
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    for (const xmlNode *m = root ? root->children : NULL; m; m = m->next) {
        if (!is(m, "msg"))
            continue;
        xmlChar *k = xmlGetProp(m, (const xmlChar *)"key");
        bool match = k && xmlStrEqual(k, (const xmlChar *)key);
        xmlFree(k);
        if (match) {
            xmlChar *text = xmlNodeGetContent(m);
            char *s = rec_xstrdup(text ? (const char *)text : "");
            xmlFree(text);
            return s;
        }
    }
    return NULL;
}

/* The file en.xml lists for the language code, or NULL. Caller frees. */
static char *file_of(const xmlDoc *en, const char *code)
{
    const xmlNode *root = en ? xmlDocGetRootElement(en) : NULL;
    for (const xmlNode *l = root ? root->children : NULL; l; l = l->next) {
        if (!is(l, "languages"))
            continue;
        for (const xmlNode *k = l->children; k; k = k->next) {
            if (!is(k, "language"))
                continue;
            xmlChar *c = xmlGetProp(k, (const xmlChar *)"code");
            bool match = c && xmlStrcasecmp(c, (const xmlChar *)code) == 0;
            xmlFree(c);
            if (match) {
                xmlChar *f = xmlGetProp(k, (const xmlChar *)"file");
                char *s = f && !strchr((const char *)f, '/') ? rec_xstrdup((const char *)f) : NULL;
                xmlFree(f);
                return s;
            }
        }
    }
    return NULL;
}

char *rec_l10n_message(const char *lang, const char *key)
{
    xmlDocPtr en = read_file("en.xml");
    char *primary = rec_xstrndup(lang ? lang : "", lang ? strcspn(lang, "-_") : 0);
    char *file = file_of(en, primary);
    xmlDocPtr own = file ? read_file(file) : NULL;
    char *s = find(own, key);
    if (!s)
        s = find(en, key);
    xmlFreeDoc(own);
    free(file);
    free(primary);
    xmlFreeDoc(en);
    return s;
}
