/* SPDX-License-Identifier: MIT */
/* trans_xliff.c - read a translation in XLIFF 1.2: each trans-unit's source
 * and target, placeholders back to the [n] they stand for. */
#include "trans.h"

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdlib.h>

#include "util.h"
#include "xmlin.h"

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:1.2"

static bool is_xliff(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)XLIFF_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

/* Text of a source/target, placeholders back to [n]. */
static void xliff_text(const xmlNode *n, rec_buf *b)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            rec_buf_puts(b, (const char *)k->content);
        } else if (is_xliff(k, "x") || is_xliff(k, "ph")) {
            /* a placeholder: the marker it stands for */
            xmlChar *eq = xmlGetProp(k, (const xmlChar *)"equiv-text");
            xmlChar *content = eq ? NULL : xmlNodeGetContent(k);
            rec_buf_puts(b, eq ? (const char *)eq : content ? (const char *)content : "");
            xmlFree(eq);
            xmlFree(content);
        } else if (k->type == XML_ELEMENT_NODE) {
            xliff_text(k, b);
        }
    }
}

static char *xliff_string(const xmlNode *n)
{
    rec_buf b = {NULL, 0, 0};
    rec_buf_puts(&b, "");
    if (n)
        xliff_text(n, &b);
    char *s = rec_normalize_space(b.s, b.n);
    free(b.s);
    return s;
}

static void xliff_walk(rec_translation *t, const xmlNode *n)
{
    for (const xmlNode *k = n; k; k = k->next) {
        if (is_xliff(k, "file") && !t->lang) {
            xmlChar *lang = xmlGetProp(k, (const xmlChar *)"target-language");
            if (lang && *lang)
                t->lang = rec_xstrdup((const char *)lang);
            xmlFree(lang);
        }
        if (is_xliff(k, "trans-unit")) {
            const xmlNode *src = NULL, *tgt = NULL;
            for (const xmlNode *c = k->children; c; c = c->next) {
                if (is_xliff(c, "source"))
                    src = c;
                else if (is_xliff(c, "target"))
                    tgt = c;
            }
            xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
            xmlChar *state = tgt ? xmlGetProp(tgt, (const xmlChar *)"state") : NULL;
            bool fuzzy = state && (xmlStrEqual(state, (const xmlChar *)"needs-translation") ||
                                   xmlStrEqual(state, (const xmlChar *)"new"));
            rec_trans_add(t, rec_xstrdup(id ? (const char *)id : ""), xliff_string(src), xliff_string(tgt),
                          fuzzy, (unsigned long)xmlGetLineNo(k));
            xmlFree(id);
            xmlFree(state);
        } else if (k->type == XML_ELEMENT_NODE) {
            xliff_walk(t, k->children);
        }
    }
}

int rec_trans_xliff_read(rec_translation *t, const char *s, size_t n, const char *path, rec_diags *diags)
{
    xmlDocPtr doc = rec_xml_read(s, n, path, diags);
    if (!doc)
        return -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    int rc = 0;
    if (!root || !is_xliff(root, "xliff")) {
        rec_diags_add(diags, root ? (unsigned long)xmlGetLineNo(root) : 0, 0, REC_ERROR,
                      REC_KIND_TRANSLATION_SYNTAX, "this is not an XLIFF 1.2 document (root <xliff> in %s)",
                      XLIFF_NS);
        rc = -1;
    } else {
        xliff_walk(t, root);
    }
    xmlFreeDoc(doc);
    return rc;
}
