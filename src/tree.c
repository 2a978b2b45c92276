/* SPDX-License-Identifier: MIT */
/* tree.c - node positions, segment text and footnote references: the tree
 * facts every stage shares. */
#include "tree.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>

#include "util.h"

#if UINTPTR_MAX > 0xFFFFFFFFu
#define COL_BITS 24
#else
#define COL_BITS 0 /* 32-bit: keep lines only */
#endif

void rec_pos_set(xmlNodePtr node, unsigned long line, unsigned long col)
{
    uintptr_t packed = (uintptr_t)line;
#if COL_BITS
    if (col >= (1ul << COL_BITS))
        col = (1ul << COL_BITS) - 1;
    packed = (uintptr_t)line << COL_BITS | col;
#else
    (void)col;
#endif
    node->_private = (void *)packed;
    node->line = line > 65535 ? 65535 : (unsigned short)line;
}

void rec_pos_get(const xmlNode *node, unsigned long *line, unsigned long *col)
{
    uintptr_t packed = (uintptr_t)node->_private;
    if (packed && node->type == XML_ELEMENT_NODE) {
#if COL_BITS
        *line = (unsigned long)(packed >> COL_BITS);
        *col = (unsigned long)(packed & ((1ul << COL_BITS) - 1));
#else
        *line = packed;
        *col = 0;
#endif
        return;
    }
    long l = xmlGetLineNo(node);
    *line = l > 0 ? (unsigned long)l : 0;
    *col = 0;
}

void rec_pos_copy(xmlNodePtr node, const xmlNode *from)
{
    node->_private = from->_private;
    node->line = from->line;
}

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

xmlHashTablePtr rec_tree_id_table(const xmlDoc *doc)
{
    if (doc->ids) {
        /* validated: its own ids are counted; a result has about as many
         * again (HTML: one per citation too) */
        int have = xmlHashSize(doc->ids);
        if (have >= 0 && have < INT_MAX / 2)
            return xmlHashCreate(have < 128 ? 256 : 2 * have);
    }
    int n = 0;
    const xmlNode *cur = doc->children;
    while (cur) {
        if (cur->type == XML_ELEMENT_NODE) {
            if (n < INT_MAX)
                n++;
            if (cur->children) {
                cur = cur->children;
                continue;
            }
        }
        while (cur && !cur->next)
            cur = cur->parent && cur->parent != (const xmlNode *)doc ? cur->parent : NULL;
        cur = cur ? cur->next : NULL;
    }
    n /= 2; /* about half are text elements, which have no id */
    return xmlHashCreate(n < 256 ? 256 : n);
}
