/* SPDX-License-Identifier: MIT */
/* invisible.c - bidi controls, zero-width characters and separators in
 * recipients and items: a check over the tree, after the parser. */
#include "invisible.h"

#include <libxml/dict.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tree.h"
#include "util.h"

static const struct {
    uint32_t c;
    const char *name;
} names[] = {
    {0x200B, "ZERO WIDTH SPACE"},
    {0x200C, "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZERO WIDTH JOINER"},
    {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},
    {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},
    {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},
    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2028, "LINE SEPARATOR"},
    {0x2029, "PARAGRAPH SEPARATOR"},
    {0x2060, "WORD JOINER"},
    {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},
    {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},
    {0xFEFF, "ZERO WIDTH NO-BREAK SPACE"},
};

static const char *name_of(uint32_t c)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].c == c)
            return names[i].name;
    return "INVISIBLE CHARACTER";
}

/* Count the invisible characters of s[0..n) into *count; the first one
 * seen (while *count is 0) goes to *first. */
static void scan(const char *s, size_t n, size_t *count, uint32_t *first)
{
    for (size_t i = 0; i < n;) {
        /* every one of them starts with E2 or EF */
        const char *lead = strpbrk(s + i, "\xE2\xEF");
        if (!lead)
            return;
        i = (size_t)(lead - s);
        size_t len = rec_utf8_valid(s + i, n - i);
        if (len == 3 && rec_invisible_char(rec_utf8_decode(s + i, 3)) && (*count)++ == 0)
            *first = rec_utf8_decode(s + i, 3);
        i += len ? len : 1;
    }
}

/* Every text below n (fnref labels included). */
static void scan_element(const xmlNode *n, size_t *count, uint32_t *first)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE && k->content)
            scan((const char *)k->content, strlen((const char *)k->content), count, first);
        else if (k->type == XML_ELEMENT_NODE)
            scan_element(k, count, first);
    }
}

/* Where c first stands in the text at or after line:col (the element's
 * start, whose words are on that line and the lines that follow). */
static void locate(const rec_source *src, uint32_t c, unsigned long *line, unsigned long *col)
{
    char bytes[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)), (char)(0x80 | (c & 0x3F))};
    for (size_t l = *line ? *line - 1 : 0; l < src->nlines; l++) {
        const rec_line *ln = &src->lines[l];
        size_t from = 0;
        if (l + 1 == *line) /* skip to the element's column */
            for (unsigned long k = 1; k < *col && from < ln->len; k++)
                from += rec_utf8_step(ln->text + from, ln->len - from);
        for (size_t i = from; i + 3 <= ln->len; i++)
            if (memcmp(ln->text + i, bytes, 3) == 0) {
                *line = ln->number;
                *col = (unsigned long)rec_utf8_count(ln->text, i) + 1;
                return;
            }
    }
}

/* The element names this check looks for; from the document's dictionary
 * when it has one (then a name is one pointer to compare). */
typedef struct {
    const xmlChar *group, *item, *recipient, *text;
} names_in;

static bool rec_element(const xmlNode *n, const xmlChar *name)
{
    return n->type == XML_ELEMENT_NODE && (n->name == name || xmlStrEqual(n->name, name)) && n->ns &&
           xmlStrEqual(n->ns->href, (const xmlChar *)REC_NS);
}

static const xmlChar *name_in(xmlDocPtr doc, const char *name)
{
    const xmlChar *interned = doc->dict ? xmlDictExists(doc->dict, (const xmlChar *)name, -1) : NULL;
    return interned ? interned : (const xmlChar *)name;
}

static void check(const xmlNode *n, bool recipient, const rec_source *src, rec_diags *diags)
{
    uint32_t first = 0;
    size_t count = 0;
    scan_element(n, &count, &first);
    if (!count)
        return;
    unsigned long line, col;
    rec_pos_get(n, &line, &col);
    if (src && src->lines)
        locate(src, first, &line, &col);
    char more[48] = "";
    if (count > 1)
        snprintf(more, sizeof more, " (and %zu more)", count - 1);
    rec_diags_add(diags, line, col, REC_WARNING, REC_KIND_INVISIBLE_CHARACTER,
                  "this %s holds U+%04X %s%s, which shows as nothing or changes the order of "
                  "what is shown; delete it",
                  recipient ? "recipient" : "item", (unsigned)first, name_of(first), more);
}

void rec_check_invisible(xmlDocPtr doc, const rec_source *src, rec_diags *diags)
{
    /* groups and items only, depth first without recursion (items nest
     * deep): their recipient and text children are scanned, nothing else */
    names_in e = {name_in(doc, "group"), name_in(doc, "item"), name_in(doc, "recipient"),
                  name_in(doc, "text")};
    xmlNodePtr root = xmlDocGetRootElement(doc);
    for (xmlNodePtr n = root ? root->children : NULL; n;) {
        bool group = rec_element(n, e.group), item = !group && rec_element(n, e.item);
        if (group || item) {
            for (xmlNodePtr k = n->children; k; k = k->next) {
                if (group && rec_element(k, e.recipient))
                    check(k, true, src, diags);
                else if (item && rec_element(k, e.text))
                    check(k, false, src, diags);
            }
        }
        if ((group || item) && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent != root ? n->parent : NULL;
        n = n ? n->next : NULL;
    }
}
