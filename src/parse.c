/* parse.c - the line parser: classifies each line through the named matchers
 * and builds the libxml2 tree directly, keeping every node's position.
 *
 * Grammar (README, "The input format"):
 *   line      := blank | footnote-def | item | header | text
 *   document  := (prose | date | item | footnote)* group*
 *   group     := header (item | prose | footnote)*
 *   item      := marker text continuation*      nesting by indentation
 */
#include "parse.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "tree.h"
#include "util.h"

typedef enum { L_BLANK, L_FOOTNOTE, L_ITEM, L_HEADER, L_TEXT } line_kind;

typedef struct {
    line_kind kind;
    rec_item_match item;
    rec_header_match header;
    rec_footnote_match footnote;
} classified;

typedef enum { OPEN_NONE, OPEN_ITEM, OPEN_PROSE, OPEN_FOOTNOTE, OPEN_HEADER } block_kind;

/* One level of the item stack: an open item that may receive sub-items. */
typedef struct {
    unsigned indent;
    char shape[8];     /* the marker's shape: "•", "1.", "(a)", "(i)" */
    char letter;       /* a lettered marker's letter ('b' for "(b)"), else 0 */
    xmlNodePtr item;
    char *id;          /* owned */
    unsigned long subitems;
} level;

typedef struct {
    const rec_source *src;
    rec_matcher *m;
    rec_diags *diags;
    xmlDocPtr doc;
    xmlNsPtr ns;
    xmlNodePtr root;
    xmlNodePtr group;             /* the current group, NULL at root level */
    char group_id[32];            /* "g3", or "g0" at root level */
    unsigned long groups, prose, group_items;
    bool seen_header, have_date, warned_depth;

    level *stack;
    size_t depth, stack_cap;

    block_kind open;
    xmlNodePtr target;            /* element receiving the open block's text */
    bool target_has_text;
    bool header_may_continue;
    char *pending;                /* text not yet added to target */
    size_t pending_len, pending_cap;

    /* footnote look-ahead: lines before scan_until have the same answer */
    size_t scan_until;
    bool scan_found_item;
} parser;

/* ---- lines -------------------------------------------------------------- */

static bool is_blank_at(const char *s, size_t len, size_t i)
{
    return s[i] == ' ' || s[i] == '\t' || s[i] == '\f' ||
           ((unsigned char)s[i] == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0);
}

static size_t blank_len(const char *s, size_t len, size_t i)
{
    return (unsigned char)s[i] == 0xC2 && i + 1 < len ? 2 : 1;
}

/* Trim blanks (space, tab, NBSP) from both ends of s[*a..*b). */
static void trim(const char *s, size_t len, size_t *a, size_t *b)
{
    while (*a < *b && is_blank_at(s, len, *a))
        *a += blank_len(s, len, *a);
    while (*b > *a) {
        if (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\f')
            (*b)--;
        else if (*b - *a >= 2 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0)
            *b -= 2;
        else
            break;
    }
}

static void classify(parser *p, size_t i, classified *c)
{
    const rec_line *l = &p->src->lines[i];
    size_t a = 0, b = l->len;
    trim(l->text, l->len, &a, &b);
    if (a == b)
        c->kind = L_BLANK;
    else if (l->text[strspn(l->text, "\f")] == '[' &&
             rec_match_footnote(p->m, l->text, l->len, &c->footnote))
        c->kind = L_FOOTNOTE;
    else if (rec_match_item(p->m, l->text, l->len, &c->item))
        c->kind = L_ITEM;
    else if (rec_match_header(p->m, l->text, l->len, &c->header))
        c->kind = L_HEADER;
    else
        c->kind = L_TEXT;
}

static unsigned long column(const rec_line *l, size_t byte)
{
    return (unsigned long)rec_utf8_count(l->text, byte) + 1;
}

/* ---- text and footnote references --------------------------------------- */

static void pend(parser *p, const char *s, size_t n)
{
    if (p->pending_len + n + 1 > p->pending_cap) {
        p->pending_cap = (p->pending_len + n + 1) * 2;
        p->pending = rec_xrealloc(p->pending, p->pending_cap);
    }
    for (size_t i = 0; i < n; i++) /* a page break inside text is a space */
        p->pending[p->pending_len + i] = s[i] == '\f' ? ' ' : s[i];
    p->pending_len += n;
}

static void flush_text(parser *p)
{
    if (p->pending_len && p->target)
        xmlAddChild(p->target, xmlNewDocTextLen(p->doc, (const xmlChar *)p->pending,
                                                (int)p->pending_len));
    p->pending_len = 0;
}

static xmlNodePtr element(parser *p, xmlNodePtr parent, const char *name,
                          unsigned long line, unsigned long col)
{
    xmlNodePtr e = xmlNewDocNode(p->doc, p->ns, (const xmlChar *)name, NULL);
    if (!e)
        rec_out_of_memory(sizeof *e);
    xmlAddChild(parent, e);
    rec_pos_set(e, line, col);
    return e;
}

/* An attribute from line bytes; a page break in them is a space, as in
 * text (XML 1.0 cannot hold a form feed). */
static void attr(xmlNodePtr e, const char *name, const char *value, size_t n)
{
    xmlChar *v = xmlStrndup((const xmlChar *)value, (int)n);
    for (xmlChar *c = v; c && *c; c++)
        if (*c == '\f')
            *c = ' ';
    xmlNewProp(e, (const xmlChar *)name, v);
    xmlFree(v);
}

/* "<parent>.<n>", the id of a parent's nth item (g2.3, g2.3.1); written by
 * hand: it is made for every item, and the printf family costs more than
 * the rest of the item's parsing. Caller frees. */
static char *child_id(const char *parent, unsigned long n)
{
    char digits[24];
    size_t nd = 0;
    do
        digits[nd++] = (char)('0' + n % 10);
    while ((n /= 10) != 0);
    size_t plen = strlen(parent);
    char *id = rec_xmalloc(plen + 1 + nd + 1), *o = id + plen;
    memcpy(id, parent, plen);
    *o++ = '.';
    while (nd)
        *o++ = digits[--nd];
    *o = '\0';
    return id;
}

static char *footnote_id(const char *label, size_t n)
{
    return rec_asprintf("fn%.*s", (int)n, label);
}

/* Append line l's bytes [a, b) to the open block, one space after what is
 * already there, turning each "[n]" into an fnref element. */
static void append(parser *p, const rec_line *l, size_t a, size_t b)
{
    trim(l->text, l->len, &a, &b);
    if (a == b)
        return;
    if (p->target_has_text)
        pend(p, " ", 1);
    p->target_has_text = true;

    size_t at = a, counted = 0;
    unsigned long col = 1;
    rec_span whole, label;
    while (rec_find_fnref(p->m, l->text, b, at, &whole, &label)) {
        pend(p, l->text + at, whole.start - at);
        flush_text(p);
        col += (unsigned long)rec_utf8_count(l->text + counted, whole.start - counted);
        counted = whole.start;
        xmlNodePtr ref = element(p, p->target, "fnref", l->number, col);
        char *id = footnote_id(l->text + label.start, label.end - label.start);
        xmlNewProp(ref, (const xmlChar *)"ref", (const xmlChar *)id);
        free(id);
        xmlAddChild(ref, xmlNewDocTextLen(p->doc, (const xmlChar *)l->text + label.start,
                                          (int)(label.end - label.start)));
        at = whole.end;
    }
    pend(p, l->text + at, b - at);
}

static void close_block(parser *p)
{
    flush_text(p);
    p->open = OPEN_NONE;
    p->target = NULL;
    p->target_has_text = false;
    p->header_may_continue = false;
}

static void open_block(parser *p, block_kind kind, xmlNodePtr target)
{
    close_block(p);
    p->open = kind;
    p->target = target;
}

static xmlNodePtr container(parser *p)
{
    return p->group ? p->group : p->root;
}

/* ---- items -------------------------------------------------------------- */

static void pop_to(parser *p, size_t depth)
{
    while (p->depth > depth)
        free(p->stack[--p->depth].id);
}

/* The marker's shape and numbering: "12." -> "1." arabic, "(b)" -> "(a)"
 * loweralpha, "iv)" -> "i)" lowerroman, "•" -> "•" bullet. A single i, v or
 * x is a letter when it continues a lettered list at the same indentation. */
static const char *shape_of(parser *p, const char *mk, size_t n, unsigned indent,
                            char shape[8])
{
    size_t alnum = 0, k = 0;
    bool digit = false, upper = false, roman = true;
    for (size_t i = 0; i < n; i++) {
        char c = mk[i];
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            alnum++;
            digit = c >= '0' && c <= '9';
            upper = c >= 'A' && c <= 'Z';
            if (!strchr("ivxlcIVXLC", c))
                roman = false;
        }
    }
    if (alnum == 0 || (n == 1 && mk[0] == 'o')) {
        snprintf(shape, 8, "%.*s", (int)(n < 7 ? n : 7), mk);
        return "bullet";
    }
    if (alnum == 1 && !digit && roman) {
        /* a lone i, v or x is a letter only when it continues a lettered
         * list at this indentation: "(h)" before "(i)"; after "(a)" it
         * opens a roman sub-list */
        char c = (char)(mk[strcspn(mk, "ivxlcIVXLC")] | 0x20);
        if (c != 'i' && c != 'v' && c != 'x')
            roman = false;
        for (size_t j = p->depth; roman && j-- > 0 && p->stack[j].indent == indent;)
            if (p->stack[j].letter == c - 1)
                roman = false;
    }
    char sym = digit ? '1' : roman ? (upper ? 'I' : 'i') : (upper ? 'A' : 'a');
    bool placed = false;
    for (size_t i = 0; i < n && k < 7; i++) {
        char c = mk[i];
        bool an = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!an)
            shape[k++] = c;
        else if (!placed)
            shape[k++] = sym, placed = true;
    }
    shape[k] = '\0';
    return digit ? "arabic" : roman ? (upper ? "upperroman" : "lowerroman")
                                    : (upper ? "upperalpha" : "loweralpha");
}

static void add_item(parser *p, size_t i, const classified *c)
{
    const rec_line *l = &p->src->lines[i];
    unsigned indent = rec_line_indent(l);
    const char *mk = l->text + c->item.marker.start;
    size_t mklen = c->item.marker.end - c->item.marker.start;
    char shape[8];
    const char *numbering = shape_of(p, mk, mklen, indent, shape);

    /* Find the parent: deeper indentation nests; at the same indentation the
     * same marker shape is a sibling, a new shape opens a sub-list and an
     * earlier shape at that indentation closes it again. */
    while (p->depth > 0 && p->stack[p->depth - 1].indent > indent)
        pop_to(p, p->depth - 1);
    if (p->depth > 0 && p->stack[p->depth - 1].indent == indent) {
        size_t j = p->depth;
        while (j > 0 && p->stack[j - 1].indent == indent && strcmp(p->stack[j - 1].shape, shape) != 0)
            j--;
        if (j > 0 && p->stack[j - 1].indent == indent)
            pop_to(p, j - 1);   /* sibling of that earlier item */
    }
    if (p->depth >= REC_MAX_DEPTH) {
        if (!p->warned_depth)
            rec_diags_add(p->diags, l->number, column(l, c->item.marker.start), REC_WARNING,
                          "too-deep", "items nest deeper than %d levels; deeper ones are kept at level %d",
                          REC_MAX_DEPTH, REC_MAX_DEPTH);
        p->warned_depth = true;
        pop_to(p, REC_MAX_DEPTH - 1);
    }

    xmlNodePtr parent;
    char *id;
    if (p->depth > 0) {
        level *up = &p->stack[p->depth - 1];
        parent = up->item;
        id = child_id(up->id, ++up->subitems);
    } else {
        parent = container(p);
        id = child_id(p->group_id, ++p->group_items);
    }

    xmlNodePtr item = element(p, parent, "item", l->number, column(l, c->item.marker.start));
    xmlNewProp(item, (const xmlChar *)"id", (const xmlChar *)id);
    attr(item, "marker", mk, mklen);
    xmlNewProp(item, (const xmlChar *)"numbering", (const xmlChar *)numbering);
    xmlNodePtr text = element(p, item, "text", l->number, column(l, c->item.text.start));

    if (p->depth == p->stack_cap) {
        p->stack_cap = p->stack_cap ? 2 * p->stack_cap : 16;
        p->stack = rec_xrealloc(p->stack, p->stack_cap * sizeof *p->stack);
    }
    level *lv = &p->stack[p->depth++];
    lv->indent = indent;
    memcpy(lv->shape, shape, sizeof shape);
    lv->item = item;
    lv->id = id;
    lv->letter = 0;
    if (strcmp(numbering, "loweralpha") == 0 || strcmp(numbering, "upperalpha") == 0)
        lv->letter = (char)(mk[strcspn(mk, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")] | 0x20);
    lv->subitems = 0;

    open_block(p, OPEN_ITEM, text);
    append(p, l, c->item.text.start, c->item.text.end);
}

/* ---- headers, prose, footnotes ------------------------------------------ */

static bool ends_with_word(const char *s, size_t a, size_t b, const char *word)
{
    size_t n = strlen(word);
    if (b - a < n || (b - a > n && s[b - n - 1] != ' '))
        return false;
    for (size_t i = 0; i < n; i++) /* TO THE MINISTRY OF */
        if ((s[b - n + i] | 0x20) != word[i])
            return false;
    return true;
}

/* A header without a colon goes on when it plainly stops mid-phrase. */
static bool header_unfinished(const rec_line *l, size_t a, size_t b)
{
    static const char *const connectors[] = {"and", "of", "the", "for", "to", "in", "on", "or", "&"};
    if (a == b)
        return false;
    char last = l->text[b - 1];
    if (last == ',' || last == '-')
        return true;
    for (size_t k = 0; k < sizeof connectors / sizeof *connectors; k++)
        if (ends_with_word(l->text, a, b, connectors[k]))
            return true;
    return false;
}

static bool blank_between(const rec_line *l, size_t a, size_t b)
{
    trim(l->text, l->len, &a, &b);
    return a == b;
}

/* The byte of a ':' that stands right before the trailing footnote
 * markers of rest ("Police: [1] [2]"), or 0. */
static size_t marker_colon(parser *p, const rec_line *l, rec_span rest)
{
    size_t at = rest.start, run = 0, last_end = 0;
    bool any = false;
    rec_span whole, label;
    while (rec_find_fnref(p->m, l->text, rest.end, at, &whole, &label)) {
        if (!any || !blank_between(l, last_end, whole.start))
            run = whole.start; /* a new run of markers starts here */
        any = true;
        last_end = at = whole.end;
    }
    if (!any || !blank_between(l, last_end, rest.end))
        return 0;
    size_t a = rest.start, b = run;
    trim(l->text, l->len, &a, &b);
    return b > a && l->text[b - 1] == ':' ? b - 1 : 0;
}

static void add_header(parser *p, size_t i, const classified *c)
{
    const rec_line *l = &p->src->lines[i];
    close_block(p);
    pop_to(p, 0);
    p->seen_header = true;
    p->groups++;
    p->group_items = 0;
    snprintf(p->group_id, sizeof p->group_id, "g%lu", p->groups);

    unsigned long col = column(l, c->header.lead.start);
    p->group = element(p, p->root, "group", l->number, col);
    xmlNewProp(p->group, (const xmlChar *)"id", (const xmlChar *)p->group_id);
    xmlNodePtr recipient = element(p, p->group, "recipient", l->number, col);
    attr(recipient, "lead", l->text + c->header.lead.start,
         c->header.lead.end - c->header.lead.start);

    open_block(p, OPEN_HEADER, recipient);
    /* "To the Police: [1]": the colon belongs to the header even before
     * footnote markers; it is not part of the recipient */
    size_t before_markers = marker_colon(p, l, c->header.rest);
    if (before_markers) {
        append(p, l, c->header.rest.start, before_markers);
        append(p, l, before_markers + 1, c->header.rest.end);
    } else {
        append(p, l, c->header.rest.start, c->header.rest.end);
    }
    /* the colon ends a header; so does a full stop of a phrase */
    size_t a = 0, b = l->len;
    trim(l->text, l->len, &a, &b);
    bool colon = b > a && l->text[b - 1] == ':';
    p->header_may_continue = !colon;
}

static void add_prose(parser *p, size_t i, const char *date)
{
    const rec_line *l = &p->src->lines[i];
    size_t a = 0, b = l->len;
    trim(l->text, l->len, &a, &b);
    char id[32];
    snprintf(id, sizeof id, "p%lu", ++p->prose);
    pop_to(p, 0); /* an item after this prose cannot nest in one before it */
    xmlNodePtr prose = element(p, container(p), "prose", l->number, column(l, a));
    xmlNewProp(prose, (const xmlChar *)"id", (const xmlChar *)id);
    if (date) {
        xmlNewProp(prose, (const xmlChar *)"date", (const xmlChar *)date);
        xmlNewProp(p->root, (const xmlChar *)"date", (const xmlChar *)date);
    }
    open_block(p, OPEN_PROSE, prose);
    append(p, l, a, b);
    if (date)
        close_block(p);
}

/* Does an item come after line i before the next header (or the end)? */
static bool item_follows(parser *p, size_t i)
{
    if (i < p->scan_until)
        return p->scan_found_item;
    size_t j = i + 1;
    classified c = {L_BLANK, {{0, 0}, {0, 0}}, {{0, 0}, {0, 0}}, {{0, 0}, {0, 0}}};
    for (; j < p->src->nlines; j++) {
        classify(p, j, &c);
        if (c.kind == L_ITEM || c.kind == L_HEADER)
            break;
    }
    p->scan_until = j;
    p->scan_found_item = j < p->src->nlines && c.kind == L_ITEM;
    return p->scan_found_item;
}

static void add_footnote(parser *p, size_t i, const classified *c)
{
    const rec_line *l = &p->src->lines[i];
    close_block(p);
    /* The notes after a group's last item are the report's notes: they
     * close the group. A note with items after it stays where it stood. */
    if (p->group && !item_follows(p, i)) {
        p->group = NULL;
        pop_to(p, 0);
        snprintf(p->group_id, sizeof p->group_id, "g0");
        p->group_items = 0;
        for (xmlNodePtr k = p->root->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE && xmlStrEqual(k->name, (const xmlChar *)"item"))
                p->group_items++;
    }
    pop_to(p, 0); /* as prose does, a note closes the open items */
    xmlNodePtr fn = element(p, container(p), "footnote", l->number,
                            column(l, strspn(l->text, "\f")));
    const char *label = l->text + c->footnote.label.start;
    size_t n = c->footnote.label.end - c->footnote.label.start;
    char *id = footnote_id(label, n);
    xmlNewProp(fn, (const xmlChar *)"id", (const xmlChar *)id);
    free(id);
    attr(fn, "label", label, n);
    open_block(p, OPEN_FOOTNOTE, fn);
    append(p, l, c->footnote.text.start, c->footnote.text.end);
}


static void add_text(parser *p, size_t i)
{
    const rec_line *l = &p->src->lines[i];
    char iso[11];
    if (p->open == OPEN_ITEM || p->open == OPEN_FOOTNOTE) {
        append(p, l, 0, l->len);
        return;
    }
    /* the date is a line of its own, even right under a prose line */
    if (!p->seen_header && !p->have_date && rec_match_date(p->m, l->text, l->len, iso)) {
        p->have_date = true;
        add_prose(p, i, iso);
        return;
    }
    if (p->open == OPEN_PROSE) {
        append(p, l, 0, l->len);
        return;
    }
    if (p->open == OPEN_HEADER && p->header_may_continue) {
        const rec_line *prev = &p->src->lines[i - 1];
        size_t a = 0, b = prev->len;
        trim(prev->text, prev->len, &a, &b);
        if (rec_match_lowercase_start(p->m, l->text, l->len) || header_unfinished(prev, a, b)) {
            append(p, l, 0, l->len);
            size_t c = 0, d = l->len;
            trim(l->text, l->len, &c, &d);
            if (d > c && l->text[d - 1] == ':') {
                /* the colon belongs to the header, not to the recipient */
                p->header_may_continue = false;
                if (p->pending_len && p->pending[p->pending_len - 1] == ':') {
                    p->pending_len--;
                    while (p->pending_len && p->pending[p->pending_len - 1] == ' ')
                        p->pending_len--;
                }
            }
            return;
        }
    }
    add_prose(p, i, NULL);
}

xmlDocPtr rec_parse(const rec_source *src, rec_matcher *m, const char *url,
                    const char *lang, rec_diags *diags)
{
    parser p;
    memset(&p, 0, sizeof p);
    p.src = src;
    p.m = m;
    p.diags = diags;
    p.doc = xmlNewDoc((const xmlChar *)"1.0");
    /* element and attribute names from a dictionary, as libxml2's parser
     * does: one copy of "item" instead of a malloc'd one per element */
    p.doc->dict = xmlDictCreate();
    p.doc->URL = xmlStrdup((const xmlChar *)url);
    p.doc->encoding = xmlStrdup((const xmlChar *)"UTF-8"); /* no &#x...; escapes */
    p.root = xmlNewDocNode(p.doc, NULL, (const xmlChar *)"recommendations", NULL);
    p.ns = xmlNewNs(p.root, (const xmlChar *)REC_NS, NULL);
    xmlSetNs(p.root, p.ns);
    xmlDocSetRootElement(p.doc, p.root);
    rec_pos_set(p.root, 1, 1);
    xmlNewProp(p.root, (const xmlChar *)"version", (const xmlChar *)REC_VERSION_ATTR);
    xmlNodeSetLang(p.root, (const xmlChar *)lang);
    snprintf(p.group_id, sizeof p.group_id, "g0");

    for (size_t i = 0; i < src->nlines; i++) {
        classified c;
        classify(&p, i, &c);
        switch (c.kind) {
        case L_BLANK:
            close_block(&p);
            break;
        case L_FOOTNOTE:
            add_footnote(&p, i, &c);
            break;
        case L_ITEM:
            add_item(&p, i, &c);
            break;
        case L_HEADER:
            add_header(&p, i, &c);
            break;
        case L_TEXT:
            add_text(&p, i);
            break;
        }
    }
    close_block(&p);
    pop_to(&p, 0);
    free(p.stack);
    free(p.pending);
    return p.doc;
}
