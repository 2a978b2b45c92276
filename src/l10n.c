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
#define CATALOGUE "stylesheets/l10n.xml"

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns &&
           xmlStrEqual(n->ns->href, (const xmlChar *)L10N_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The text of <msg key="key"> in <lang xml:lang="lang">, or NULL. */
static char *find(const xmlNode *root, const char *lang, const char *key)
{
    for (const xmlNode *l = root->children; l; l = l->next) {
        if (!is(l, "lang"))
            continue;
        xmlChar *tag = xmlNodeGetLang(l);
        bool here = tag && xmlStrcasecmp(tag, (const xmlChar *)lang) == 0;
        xmlFree(tag);
        if (!here)
            continue;
        for (const xmlNode *m = l->children; m; m = m->next) {
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
    }
    return NULL;
}

char *rec_l10n_message(const char *lang, const char *key)
{
    const rec_resource *r = rec_resource_find(CATALOGUE);
    xmlDocPtr doc = r ? xmlReadMemory((const char *)r->data, (int)r->size, REC_RESOURCE_SCHEME CATALOGUE,
                                      "UTF-8", XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                      : NULL;
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    char *primary = rec_xstrndup(lang ? lang : "", lang ? strcspn(lang, "-_") : 0);
    char *s = NULL;
    if (root) {
        s = find(root, primary, key);
        if (!s)
            s = find(root, "en", key);
    }
    free(primary);
    xmlFreeDoc(doc);
    return s;
}
