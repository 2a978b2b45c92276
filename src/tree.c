/* SPDX-License-Identifier: MIT */
/* tree.c - segment text and footnote references, the mixed content every
 * stage reads, and the excerpts messages quote; libxml2.c keeps the
 * positions. */
#include "tree.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

bool rec_node_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)REC_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

char *rec_segment_text(const xmlNode *container)
{
    rec_buf b = {NULL, 0, 0};
    rec_buf_puts(&b, "");
    for (const xmlNode *k = container->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            rec_buf_puts(&b, (const char *)k->content);
        } else if (rec_node_is(k, "fnref")) {
            xmlChar *label = xmlNodeGetContent(k);
            rec_buf_puts(&b, "[");
            rec_buf_puts(&b, label ? (const char *)label : "");
            rec_buf_puts(&b, "]");
            xmlFree(label);
        } else if (k->type == XML_ELEMENT_NODE && !rec_node_is(k, "item")) {
            xmlChar *t = xmlNodeGetContent(k);
            rec_buf_puts(&b, t ? (const char *)t : "");
            xmlFree(t);
        }
    }
    char *s = rec_normalize_space(b.s, b.n);
    free(b.s);
    return s;
}

char *rec_footnote_id(const char *label, size_t n, size_t symbol)
{
    if (symbol)
        return rec_asprintf("fnx%zu", symbol);
    return rec_asprintf("fn%.*s", (int)n, label);
}

xmlNodePtr rec_fnref_new(xmlDocPtr doc, xmlNsPtr ns, const char *id, const char *label, size_t n)
{
    xmlNodePtr ref = xmlNewDocNode(doc, ns, (const xmlChar *)"fnref", NULL);
    if (!ref)
        rec_out_of_memory(sizeof *ref);
    xmlNewProp(ref, (const xmlChar *)"ref", (const xmlChar *)id);
    xmlAddChild(ref, xmlNewDocTextLen(doc, (const xmlChar *)label, (int)n));
    return ref;
}

static bool mixed(const xmlNode *n)
{
    static const char *const names[] = {"recipient", "text", "prose", "footnote"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (xmlStrEqual(n->name, (const xmlChar *)names[i]))
            return true;
    return false;
}

void rec_tree_settle(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!mixed(n)) {
            rec_tree_settle(n->children);
            continue;
        }
        bool has_text = false;
        for (xmlNodePtr k = n->children; k && !has_text; k = k->next)
            has_text = k->type == XML_TEXT_NODE;
        if (!has_text && n->children)
            xmlAddPrevSibling(n->children, xmlNewDocText(n->doc, (const xmlChar *)""));
    }
}

char *rec_node_excerpt(const xmlNode *n)
{
    xmlChar *all = xmlNodeGetContent(n);
    const char *s = all ? (const char *)all : "";
    char *out = rec_xmalloc(strlen(s) + 4);
    size_t k = 0, chars = 0;
    bool space = false;
    for (; *s && chars < 60; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ', chars++;
        space = false;
        out[k++] = *s;
        if (((unsigned char)*s & 0xC0) != 0x80)
            chars++;
    }
    if (*s) {
        while (k && ((unsigned char)out[k - 1] & 0xC0) == 0x80)
            k--; /* keep whole characters: drop a cut sequence */
        if (k && (unsigned char)out[k - 1] >= 0xC0)
            k--;
        memcpy(out + k, "…", 3);
        k += 3;
    }
    out[k] = '\0';
    xmlFree(all);
    return out;
}

void rec_node_diag(rec_diags *d, const xmlNode *node, rec_severity sev, rec_kind_id kind, const char *fmt,
                   ...)
{
    unsigned long line = 0, col = 0;
    if (node)
        rec_pos_get(node, &line, &col);
    va_list ap;
    va_start(ap, fmt);
    char *msg = rec_vasprintf(fmt, ap);
    va_end(ap);
    rec_diags_add(d, line, col, sev, kind, "%s", msg);
    free(msg);
}
