/* invisible.c - bidi controls, zero-width characters and separators in
 * recipients and items: a check over the tree, after the parser. */
#include "invisible.h"

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
    {0x200B, "ZERO WIDTH SPACE"},          {0x200C, "ZERO WIDTH NON-JOINER"},
    {0x200D, "ZERO WIDTH JOINER"},         {0x200E, "LEFT-TO-RIGHT MARK"},
    {0x200F, "RIGHT-TO-LEFT MARK"},        {0x202A, "LEFT-TO-RIGHT EMBEDDING"},
    {0x202B, "RIGHT-TO-LEFT EMBEDDING"},   {0x202C, "POP DIRECTIONAL FORMATTING"},
    {0x202D, "LEFT-TO-RIGHT OVERRIDE"},    {0x202E, "RIGHT-TO-LEFT OVERRIDE"},
    {0x2028, "LINE SEPARATOR"},            {0x2029, "PARAGRAPH SEPARATOR"},
    {0x2060, "WORD JOINER"},               {0x2066, "LEFT-TO-RIGHT ISOLATE"},
    {0x2067, "RIGHT-TO-LEFT ISOLATE"},     {0x2068, "FIRST STRONG ISOLATE"},
    {0x2069, "POP DIRECTIONAL ISOLATE"},   {0xFEFF, "ZERO WIDTH NO-BREAK SPACE"},
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
        unsigned char b = (unsigned char)s[i];
        if (b < 0xE2 || b > 0xEF) { /* every one of them is E2 or EF, then two */
            i++;
            continue;
        }
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
    char bytes[3] = {(char)(0xE0 | (c >> 12)), (char)(0x80 | ((c >> 6) & 0x3F)),
                     (char)(0x80 | (c & 0x3F))};
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

static bool rec_element(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)REC_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

void rec_check_invisible(xmlDocPtr doc, const rec_source *src, rec_diags *diags)
{
    /* depth first, without recursion: items may nest deep */
    for (xmlNodePtr n = xmlDocGetRootElement(doc); n;) {
        bool recipient = rec_element(n, "recipient");
        if (recipient || (rec_element(n, "text") && n->parent && rec_element(n->parent, "item"))) {
            uint32_t first = 0;
            size_t count = 0;
            scan_element(n, &count, &first);
            if (count) {
                unsigned long line, col;
                rec_pos_get(n, &line, &col);
                if (src && src->lines)
                    locate(src, first, &line, &col);
                char more[48] = "";
                if (count > 1)
                    snprintf(more, sizeof more, " (and %zu more)", count - 1);
                rec_diags_add(diags, line, col, REC_WARNING, "invisible-character",
                              "this %s holds U+%04X %s%s, which shows as nothing or changes the "
                              "order of what is shown; delete it",
                              recipient ? "recipient" : "item", (unsigned)first, name_of(first),
                              more);
            }
        }
        if (n->type == XML_ELEMENT_NODE && n->children && !recipient) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        n = n ? n->next : NULL;
    }
}
