/* SPDX-License-Identifier: MIT */
/* tree.c - node positions, and the tree facts every stage shares. */
#include "tree.h"

#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

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
