/* SPDX-License-Identifier: MIT */
/* parse.c - the text reader: runs the passes of reader.h over the lines,
 * then builds the libxml2 tree from the blocks, keeping every node's
 * position.
 *
 *   document  := (prose | item | footnote | page)* group*
 *   group     := recipient (item | prose | footnote | page)*
 *   item      := text (item | page)*     nesting by indentation and shape
 *
 * A group's recipient comes from a header ("To the Government of X"), from
 * the sentence or paragraph that names the addressee (derived: from= the
 * id of that node), or from --recipient. */
#include "parse.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "reader.h"
#include "tree.h"
#include "util.h"

/* One level of the item stack: an open item that may receive sub-items. */
typedef struct {
    unsigned indent;
    char shape[8]; /* the marker's shape: "•", "1.", "(a)", "(i)" */
    char letter;   /* a lettered marker's letter ('b' for "(b)"), else 0 */
    long value;    /* the marker's rank */
    xmlNodePtr item;
    char *id; /* owned */
    unsigned long subitems;
} level;

typedef struct {
    rec_reader *r;
    const rec_source *src;
    rec_matcher *m;
    rec_diags *diags;
    xmlDocPtr doc;
    xmlNsPtr ns;
    xmlNodePtr root;
    xmlNodePtr group;  /* the current group, NULL at root level */
    char group_id[32]; /* "g3", or "g0" at root level */
    unsigned long groups, prose, group_items;
    bool warned_depth;
    const char *recipient; /* --recipient */
    char **block_ids;      /* per block: the id of its prose; owned */

    level *stack;
    size_t depth, stack_cap;

    size_t ref;        /* the next of r->refs to place */
    size_t line;       /* the line append() reads */
    xmlNodePtr target; /* element receiving text */
    bool target_has_text;
    char *pending; /* text not yet added to target */
    size_t pending_len, pending_cap;
} parser;

static unsigned long column(const rec_line *l, size_t byte)
{
    return rec_line_column(l, byte);
}

/* ---- text and footnote references --------------------------------------- */

/* Append n bytes of line text: a page break is a space, a soft hyphen
 * goes, and the typographic ligatures of PDFs (U+FB00-FB06) are spelt out. */
static void pend(parser *p, const char *s, size_t n)
{
    if (p->pending_len + 3 * n + 1 > p->pending_cap) {
        p->pending_cap = (p->pending_len + 3 * n + 1) * 2;
        p->pending = rec_xrealloc(p->pending, p->pending_cap);
    }
    static const char *const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    char *o = p->pending + p->pending_len;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\f') {
            *o++ = ' ';
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xAD) {
            i++;
        } else if (c == 0xEF && i + 2 < n && (unsigned char)s[i + 1] == 0xAC &&
                   (unsigned char)s[i + 2] <= 0x86) {
            const char *lig = ligatures[(unsigned char)s[i + 2] - 0x80];
            size_t k = strlen(lig);
            memcpy(o, lig, k);
            o += k;
            i += 2;
        } else {
            *o++ = (char)c;
        }
    }
    p->pending_len = (size_t)(o - p->pending);
}

static void flush_text(parser *p)
{
    if (p->pending_len && p->target)
        xmlAddChild(p->target, xmlNewDocTextLen(p->doc, (const xmlChar *)p->pending, (int)p->pending_len));
    p->pending_len = 0;
}

static xmlNodePtr element(parser *p, xmlNodePtr parent, const char *name, unsigned long line,
                          unsigned long col)
{
    xmlNodePtr e = xmlNewDocNode(p->doc, p->ns, (const xmlChar *)name, NULL);
    if (!e)
        rec_out_of_memory(sizeof *e);
    xmlAddChild(parent, e);
    rec_pos_set(e, line, col);
    return e;
}

/* An attribute from text bytes; a page break in them is a space, as in
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

static void sattr(xmlNodePtr e, const char *name, const char *value)
{
    xmlNewProp(e, (const xmlChar *)name, (const xmlChar *)value);
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

/* "fn12" for the label "12"; "fnx1", "fnx2" for the note symbols "*",
 * "**" (an id cannot hold them), numbered in order of definition. */
static char *footnote_id(const parser *p, const char *label, size_t n)
{
    for (size_t k = 0; k < p->r->nsymbols; k++)
        if (strlen(p->r->symbols[k]) == n && memcmp(p->r->symbols[k], label, n) == 0)
            return rec_footnote_id(label, n, k + 1);
    return rec_footnote_id(label, n, 0);
}

/* The next footnote reference in s[from, len): "[n]", or a note symbol
 * glued to the word before it ("Freedonia*"). */
static bool next_ref(parser *p, const char *s, size_t len, size_t from, rec_span *whole, rec_span *label)
{
    bool found = rec_find_fnref(p->m, s, len, from, whole, label);
    /* a superscript number the notes pass found on this line */
    while (p->ref < p->r->nrefs && (p->r->refs[p->ref].line < p->line ||
                                    (p->r->refs[p->ref].line == p->line && p->r->refs[p->ref].start < from)))
        p->ref++;
    if (p->ref < p->r->nrefs && p->r->refs[p->ref].line == p->line && p->r->refs[p->ref].end <= len &&
        (!found || p->r->refs[p->ref].start < whole->start)) {
        whole->start = label->start = p->r->refs[p->ref].start;
        whole->end = label->end = p->r->refs[p->ref].end;
        return true;
    }
    if (!p->r->nsymbols)
        return found;
    size_t end = found ? whole->start : len;
    for (size_t k = from > 0 ? from : 1; k < end; k++) {
        unsigned char prev = (unsigned char)s[k - 1];
        size_t n = rec_note_symbol(s, k, len);
        /* glued, or spaced at the end of the line ("Nauru *") */
        if (!n || prev == '*' || ((prev == ' ' || prev == '\t' || prev == '\f') && k + n != len))
            continue;
        for (size_t i = 0; i < p->r->nsymbols; i++)
            if (strlen(p->r->symbols[i]) == n && memcmp(p->r->symbols[i], s + k, n) == 0) {
                whole->start = label->start = k;
                whole->end = label->end = k + n;
                return true;
            }
        k += n - 1;
    }
    return found;
}

/* Append line l's bytes [a, b) to the target, after a space unless glued
 * to what is there, turning each "[n]" into an fnref element. */
static void append(parser *p, const rec_line *l, size_t a, size_t b, bool glued)
{
    p->line = (size_t)(l - p->r->line);
    rec_trim(l->text, l->len, &a, &b);
    if (a == b)
        return;
    if (p->target_has_text && !glued)
        pend(p, " ", 1);
    p->target_has_text = true;

    size_t at = a, counted = 0;
    unsigned long col = l->col + 1;
    rec_span whole, label;
    while (next_ref(p, l->text, b, at, &whole, &label)) {
        pend(p, l->text + at, whole.start - at);
        flush_text(p);
        col += (unsigned long)rec_utf8_count(l->text + counted, whole.start - counted);
        counted = whole.start;
        char *id = footnote_id(p, l->text + label.start, label.end - label.start);
        xmlNodePtr ref = rec_fnref_new(p->doc, p->ns, id, l->text + label.start, label.end - label.start);
        free(id);
        xmlAddChild(p->target, ref);
        rec_pos_set(ref, l->number, col);
        at = whole.end;
    }
    pend(p, l->text + at, b - at);
}

/* The bytes of a hyphen that LF_DEHYPHEN drops from the end of [a, b). */
static size_t hyphen_len(const rec_line *l, size_t b)
{
    if (b == 0)
        return 0;
    if (l->text[b - 1] == '-')
        return 1;
    return (unsigned char)l->text[b - 1] == 0xAD ? 2 : 3;
}

/* Append the content lines [from, to] of a block, the first from byte
 * start, joined as the hyphenation pass decided. colon: a header's lines,
 * whose final colon is not the recipient's. */
static void append_lines(parser *p, size_t from, size_t to, size_t start, bool colon, bool glue)
{
    for (size_t i = from; i <= to; i++) {
        const rec_lineinfo *li = &p->r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const rec_line *l = &p->r->line[i];
        if (li->kind == L_NOTEREF) {
            /* a superscript printed on a line of its own */
            flush_text(p);
            char *id = footnote_id(p, l->text + li->a, li->b - li->a);
            xmlNodePtr ref = rec_fnref_new(p->doc, p->ns, id, l->text + li->a, li->b - li->a);
            free(id);
            xmlAddChild(p->target, ref);
            rec_pos_set(ref, l->number, column(l, li->a));
            glue = true;
            continue;
        }
        size_t a = i == from ? start : li->a, b = li->b;
        if ((li->flags & LF_ESCAPED) && a == li->a)
            a++;
        if (colon && (li->flags & LF_COLON))
            b -= l->text[b - 1] == ':' ? 1 : 3;
        if (li->flags & LF_DEHYPHEN)
            b -= hyphen_len(l, b);
        append(p, l, a, b, glue);
        glue = (li->flags & LF_JOIN) != 0;
    }
}

static void close_text(parser *p)
{
    flush_text(p);
    p->target = NULL;
    p->target_has_text = false;
}

static void open_text(parser *p, xmlNodePtr target)
{
    close_text(p);
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
/* The marker's shape and numbering: "12." -> "1." arabic, "(b)" -> "(a)"
 * loweralpha, "iv)" -> "i)" lowerroman, "•" -> "•" bullet, "а)" -> "#)"
 * cyrillic. A single i, v or x is a letter when it continues a lettered
 * list at the same indentation. */
static const char *shape_of(parser *p, const char *mk, size_t n, unsigned indent, rec_marker_kind kind,
                            char shape[8])
{
    if (kind == MK_BULLET) {
        snprintf(shape, 8, "%.*s", (int)(n < 7 ? n : 7), mk);
        return "bullet";
    }
    if (kind == MK_DECIMAL) {
        snprintf(shape, 8, "1.1");
        return "decimal";
    }
    bool upper = false, roman = kind == MK_LROMAN || kind == MK_UROMAN;
    size_t letters = 0;
    char letter = 0;
    for (size_t i = 0; i < n; i++) {
        char c = mk[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            letters++;
            letter = (char)(c | 0x20);
            upper = c <= 'Z';
        }
    }
    if (roman && letters == 1) {
        /* a lone i, v or x is a letter only when it continues a lettered
         * list at this indentation: "(h)" before "(i)"; after "(a)" it
         * opens a roman sub-list */
        for (size_t j = p->depth; roman && j-- > 0 && p->stack[j].indent == indent;)
            if (p->stack[j].letter == letter - 1)
                roman = false;
        if (!roman)
            kind = upper ? MK_UALPHA : MK_LALPHA;
    }
    char sym = kind == MK_ARABIC   ? '1'
               : kind == MK_LALPHA ? 'a'
               : kind == MK_UALPHA ? 'A'
               : kind == MK_LROMAN ? 'i'
               : kind == MK_UROMAN ? 'I'
                                   : '#';
    /* punctuation kept, the number or letter (in any script) as sym */
    size_t k = 0;
    bool placed = false;
    for (size_t i = 0; i < n && k < 7;) {
        size_t len = rec_utf8_step(mk + i, n - i);
        uint32_t c = len > 1 ? rec_utf8_decode(mk + i, len) : (unsigned char)mk[i];
        bool punct = c < 0x80 ? !((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                              : c == 0x3001 || c == 0xFF08 || c == 0xFF09 || c == 0x6D4;
        if (punct && len == 1)
            shape[k++] = (char)c;
        else if (punct)
            shape[k++] = '~';
        else if (!placed)
            shape[k++] = sym, placed = true;
        i += len;
    }
    shape[k] = '\0';
    return rec_numbering_name(kind);
}

static level *push(parser *p)
{
    if (p->depth == p->stack_cap) {
        p->stack_cap = p->stack_cap ? 2 * p->stack_cap : 16;
        p->stack = rec_xrealloc(p->stack, p->stack_cap * sizeof *p->stack);
    }
    level *lv = &p->stack[p->depth++];
    memset(lv, 0, sizeof *lv);
    return lv;
}

/* Find the item's parent: a marker that continues an open list is that
 * list's next item, wherever the margin put it (PDF pages move margins);
 * otherwise deeper indentation nests, and at the same indentation a new
 * shape opens a sub-list and an earlier shape closes it again. */
typedef struct {
    bool sibling;  /* it follows an item of its list */
    long previous; /* ... whose rank was this */
    bool switched; /* a new marker shape at one indentation nested it */
    char above[8]; /* ... under an item of this shape */
} placement;

static void place(parser *p, unsigned indent, const char *shape, long value, placement *pl)
{
    memset(pl, 0, sizeof *pl);
    for (size_t j = p->depth; j-- > 0;) {
        if (strcmp(p->stack[j].shape, shape) == 0 && value > 1 && p->stack[j].value == value - 1 &&
            shape[0] != '\0' && strchr("1aAiI#", shape[strcspn(shape, "1aAiI#")])) {
            pl->sibling = true;
            pl->previous = p->stack[j].value;
            pop_to(p, j);
            return;
        }
    }
    while (p->depth > 0 && p->stack[p->depth - 1].indent > indent)
        pop_to(p, p->depth - 1);
    if (p->depth > 0 && p->stack[p->depth - 1].indent == indent) {
        size_t j = p->depth;
        while (j > 0 && p->stack[j - 1].indent == indent && strcmp(p->stack[j - 1].shape, shape) != 0)
            j--;
        if (j > 0 && p->stack[j - 1].indent == indent) {
            pl->sibling = true;
            pl->previous = p->stack[j - 1].value;
            pop_to(p, j - 1); /* sibling of that earlier item */
        } else {
            pl->switched = true;
            memcpy(pl->above, p->stack[p->depth - 1].shape, sizeof pl->above);
        }
    }
}

/* Say what the placement guessed: a list that changes its bullet at one
 * indentation, a numbered list that skips, repeats or restarts. */
static void placement_slips(parser *p, const rec_line *l, const rec_lineinfo *li, const char *shape,
                            const placement *pl)
{
    unsigned long col = column(l, li->s1.start);
    int mk = (int)(li->s1.end - li->s1.start);
    const char *marker = l->text + li->s1.start;
    bool bullet = li->mk == MK_BULLET, above_bullet = !strpbrk(pl->above, "1aAiI#");
    /* "3." under "١.": one list's numbers in two scripts */
    bool numbers = (li->mk == MK_ARABIC || li->mk == MK_ARABIC_INDIC) && strpbrk(pl->above, "1#") &&
                   !strpbrk(pl->above, "aAiI");
    if (pl->switched && ((bullet || above_bullet) || numbers)) {
        rec_diags_add(p->diags, l->number, col, REC_WARNING, REC_KIND_MARKER_SWITCH,
                      "'%.*s' after '%s' items at the same indentation was read as the start of a "
                      "sub-list; did you mean '%s', or to indent it?",
                      mk, marker, pl->above, pl->above);
        if (above_bullet && bullet)
            rec_diags_suggest(p->diags, l->number, col,
                              col + (unsigned long)rec_utf8_count(marker, (size_t)mk), pl->above);
        return;
    }
    if (!pl->sibling || li->mk == MK_BULLET || li->mk == MK_DECIMAL || !li->value)
        return;
    (void)shape;
    const char *what = li->value == pl->previous      ? "repeats the number before it"
                       : li->value == 1               ? "starts the list again at 1"
                       : li->value > pl->previous + 1 ? "skips a number"
                       : li->value < pl->previous     ? "goes back in the list's numbering"
                                                      : NULL;
    if (what)
        rec_diags_add(p->diags, l->number, col, REC_WARNING, REC_KIND_NUMBERING,
                      "'%.*s' %s (the item before is number %ld); it was read as the next item of the "
                      "same list",
                      mk, marker, what, pl->previous);
}

static void open_group(parser *p, unsigned long line, unsigned long col)
{
    close_text(p);
    pop_to(p, 0);
    p->groups++;
    p->group_items = 0;
    snprintf(p->group_id, sizeof p->group_id, "g%lu", p->groups);
    p->group = element(p, p->root, "group", line, col);
    sattr(p->group, "id", p->group_id);
}

static const char *const responses[] = {NULL, "supported", "noted", "pending"};

/* A group whose recipient is derived from the block that names it (from:
 * that block's id), or given with --recipient (from NULL). */
static void derived_group(parser *p, const rec_block *b, const char *from, unsigned long line,
                          unsigned long col)
{
    open_group(p, line, col);
    if (b && b->response)
        sattr(p->group, "response", responses[b->response]);
    xmlNodePtr recipient = element(p, p->group, "recipient", b ? b->to_line : line, b ? b->to_col : col);
    if (from)
        sattr(recipient, "from", from);
    const char *name = b ? b->to : p->recipient;
    xmlAddChild(recipient, xmlNewDocText(p->doc, (const xmlChar *)name));
}

static void add_item(parser *p, size_t k)
{
    const rec_block *b = &p->r->blocks[k];
    const rec_lineinfo *li = &p->r->lines[b->first];
    const rec_line *l = &p->r->line[b->first];
    unsigned indent = li->indent;
    char shape[8] = "";
    const char *numbering = "none";
    const char *mk = l->text + li->s1.start;
    size_t mklen = li->s1.end - li->s1.start;
    if (b->unmarked) {
        pop_to(p, 0);
    } else {
        numbering = shape_of(p, mk, mklen, indent, (rec_marker_kind)li->mk, shape);
        placement pl;
        place(p, indent, shape, li->value, &pl);
        placement_slips(p, l, li, shape, &pl);
    }
    if (b->opens_group) {
        char iid[48]; /* the first item of the group about to open */
        snprintf(iid, sizeof iid, "g%lu.1", p->groups + 1);
        derived_group(p, b, b->to_block ? p->block_ids[b->to_block - 1] : iid, b->to_line, b->to_col);
    } else if (!p->group && p->recipient) {
        derived_group(p, NULL, NULL, l->number, column(l, li->a));
    }
    if (p->depth >= REC_MAX_DEPTH) {
        if (!p->warned_depth)
            rec_diags_add(p->diags, l->number, column(l, li->s1.start), REC_WARNING, REC_KIND_TOO_DEEP,
                          "items nest deeper than %d levels; deeper ones are kept at level %d", REC_MAX_DEPTH,
                          REC_MAX_DEPTH);
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

    size_t text_start = b->text_line == b->first ? li->s2.start : p->r->lines[b->text_line].a;
    const rec_line *tl = &p->r->line[b->text_line];
    xmlNodePtr item = element(p, parent, "item", l->number, column(l, b->unmarked ? li->a : li->s1.start));
    sattr(item, "id", id);
    if (!b->unmarked)
        attr(item, "marker", mk, mklen);
    sattr(item, "numbering", numbering);
    if (b->by)
        sattr(item, "by", b->by);
    if (b->topic && p->block_ids[b->topic - 1])
        sattr(item, "topic", p->block_ids[b->topic - 1]);
    xmlNodePtr text = element(p, item, "text", tl->number, column(tl, b->unmarked ? li->a : text_start));

    level *lv = push(p);
    lv->indent = b->unmarked ? 0 : indent;
    memcpy(lv->shape, shape, sizeof shape);
    lv->item = item;
    lv->id = id;
    lv->value = li->value;
    if (strcmp(numbering, "loweralpha") == 0 || strcmp(numbering, "upperalpha") == 0)
        lv->letter = (char)(mk[strcspn(mk, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")] | 0x20);

    open_text(p, text);
    append_lines(p, b->text_line, b->last, b->unmarked ? li->a : text_start, false, false);
    close_text(p);
}

/* ---- headers, prose, footnotes, pages ----------------------------------- */

static bool blank_between(const rec_line *l, size_t a, size_t b)
{
    rec_trim(l->text, l->len, &a, &b);
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
    rec_trim(l->text, l->len, &a, &b);
    return b > a && l->text[b - 1] == ':' ? b - 1 : 0;
}

static void add_header(parser *p, size_t k)
{
    const rec_block *b = &p->r->blocks[k];
    const rec_lineinfo *li = &p->r->lines[b->first];
    const rec_line *l = &p->r->line[b->first];
    unsigned long col = column(l, li->s1.start == li->s1.end ? li->a : li->s1.start);
    open_group(p, l->number, col);
    xmlNodePtr recipient = element(p, p->group, "recipient", l->number, col);
    attr(recipient, "lead", l->text + li->s1.start, li->s1.end - li->s1.start);

    open_text(p, recipient);
    /* "To the Police: [1]": the colon belongs to the header even before
     * footnote markers; it is not part of the recipient */
    size_t before_markers = marker_colon(p, l, li->s2);
    bool glue = li->flags & LF_JOIN;
    if (before_markers) {
        append(p, l, li->s2.start, before_markers, false);
        append(p, l, before_markers + 1, li->s2.end, false);
    } else {
        size_t end = li->s2.end;
        if ((li->flags & LF_DEHYPHEN) && end == li->b)
            end -= hyphen_len(l, end);
        append(p, l, li->s2.start, end, false);
    }
    if (b->last > b->first) /* continuation lines */
        append_lines(p, b->first + 1, b->last, p->r->lines[b->first + 1].a, true, glue);
    close_text(p);
}

static void add_prose(parser *p, size_t k)
{
    const rec_block *b = &p->r->blocks[k];
    const rec_lineinfo *li = &p->r->lines[b->first];
    const rec_line *l = &p->r->line[b->first];
    char id[32];
    snprintf(id, sizeof id, "p%lu", ++p->prose);
    if (b->opens_group)
        derived_group(p, b, b->to_block ? p->block_ids[b->to_block - 1] : id, b->to_line, b->to_col);
    pop_to(p, 0); /* an item after this prose cannot nest in one before it */
    xmlNodePtr prose = element(p, container(p), "prose", l->number, column(l, li->a));
    sattr(prose, "id", id);
    static const char *const roles[] = {NULL, NULL, "heading", "finding", "leadin", "contents"};
    if (roles[b->role])
        sattr(prose, "role", roles[b->role]);
    p->block_ids[k] = rec_xstrdup(id);
    size_t start = li->a;
    if (b->numbered) {
        attr(prose, "marker", l->text + b->mark.start, b->mark.end - b->mark.start);
        start = b->text_line == b->first ? li->s2.start : p->r->lines[b->text_line].a;
    } else if (b->mark.end > b->mark.start) {
        attr(prose, "marker", l->text + b->mark.start, b->mark.end - b->mark.start);
        start = b->mark.end;
    }
    if (b->role == ROLE_DATE) {
        sattr(prose, "date", b->date);
        sattr(p->root, "date", b->date);
    }
    open_text(p, prose);
    append_lines(p, b->numbered ? b->text_line : b->first, b->last, start, false, false);
    close_text(p);
}

static void add_note(parser *p, const rec_block *b, const rec_lineinfo *li, const rec_line *l,
                     xmlNodePtr parent)
{
    xmlNodePtr fn = element(p, parent, "footnote", l->number, column(l, strspn(l->text, "\f")));
    const char *label = l->text + li->s1.start;
    size_t n = li->s1.end - li->s1.start;
    char *id = footnote_id(p, label, n);
    sattr(fn, "id", id);
    free(id);
    attr(fn, "label", label, n);
    open_text(p, fn);
    append_lines(p, b->first, b->last, li->s2.start, false, false);
    close_text(p);
}

static void add_footnote(parser *p, size_t k, bool item_follows)
{
    const rec_block *b = &p->r->blocks[k];
    const rec_lineinfo *li = &p->r->lines[b->first];
    const rec_line *l = &p->r->line[b->first];
    close_text(p);
    /* A note at the foot of a page, with the list going on after the page:
     * it stands in the open item and does not end the list. */
    size_t after = k + 1;
    while (after < p->r->nblocks && p->r->blocks[after].kind == B_FOOTNOTE)
        after++;
    bool page_note = after < p->r->nblocks && p->r->blocks[after].kind == B_PAGE;
    if (page_note && item_follows && p->depth > 0) {
        add_note(p, b, li, l, p->stack[p->depth - 1].item);
        return;
    }
    /* The notes after a group's last item are the report's notes: they
     * close the group. A note with items after it stays where it stood. */
    if (p->group && !item_follows) {
        p->group = NULL;
        pop_to(p, 0);
        snprintf(p->group_id, sizeof p->group_id, "g0");
        p->group_items = 0;
        for (xmlNodePtr c = p->root->children; c; c = c->next)
            if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, (const xmlChar *)"item"))
                p->group_items++;
    }
    pop_to(p, 0); /* as prose does, a note closes the open items */
    add_note(p, b, li, l, container(p));
}

/* A page boundary: in the innermost open element, where the text broke. */
static void add_page(parser *p, size_t k)
{
    const rec_block *b = &p->r->blocks[k];
    const rec_lineinfo *li = &p->r->lines[b->first];
    const rec_line *l = &p->r->line[b->first];
    xmlNodePtr parent = p->depth > 0 ? p->stack[p->depth - 1].item : container(p);
    xmlNodePtr page = element(p, parent, "page", l->number, column(l, li->a));
    char n[24];
    snprintf(n, sizeof n, "%u", li->page);
    sattr(page, "n", n);
    for (size_t i = b->first; i <= b->last; i++) {
        const rec_lineinfo *fi = &p->r->lines[i];
        if (fi->kind != L_FURNITURE)
            continue;
        const rec_line *fl = &p->r->line[i];
        xmlNodePtr f = element(p, page, "furniture", fl->number, column(fl, fi->a));
        open_text(p, f);
        pend(p, fl->text + fi->a, fi->b - fi->a);
        close_text(p);
    }
}

/* ---- the document -------------------------------------------------------- */

static int reader_lang(const rec_source *src, const char *tag)
{
    int lang = rec_lang_find(tag);
    if (lang >= 0)
        return lang;
    if (tag)
        return rec_lang_find("en"); /* a language with no row reads as English */
    if (src->nlines == 0)
        return rec_lang_find("en");
    const rec_line *last = &src->lines[src->nlines - 1];
    return rec_lang_detect(src->norm, (size_t)(last->text + last->len - src->norm));
}

bool rec_parse_layout_known(const char *name)
{
    return rec_layout_find(name) >= 0;
}

xmlDocPtr rec_parse(const rec_source *src, rec_matcher *m, const rec_parse_options *opts, rec_diags *diags)
{
    rec_reader r;
    memset(&r, 0, sizeof r);
    r.src = src;
    r.m = m;
    r.diags = diags;
    r.lang = reader_lang(src, opts->lang);
    int layout = opts->layout ? rec_layout_find(opts->layout) : -1;
    if (layout >= 0) {
        r.layout = (rec_layout)layout;
        r.layout_forced = true;
    }
    r.recipient = opts->recipient;
    char *reflowed[3];
    rec_read_reflow(&r, reflowed);
    rec_read_lines(&r);
    rec_read_contents(&r);
    rec_read_pages(&r);
    rec_read_notes(&r);
    rec_read_numbered_notes(&r);
    rec_read_hyphens(&r);
    rec_read_blocks(&r);
    rec_read_layout(&r);
    rec_read_slips(&r);

    parser p;
    memset(&p, 0, sizeof p);
    p.r = &r;
    p.src = src;
    p.m = m;
    p.diags = diags;
    p.recipient = opts->recipient;
    p.block_ids = rec_xcalloc((r.nblocks ? r.nblocks : 1) * sizeof *p.block_ids);
    p.doc = xmlNewDoc((const xmlChar *)"1.0");
    /* element and attribute names from a dictionary, as libxml2's parser
     * does: one copy of "item" instead of a malloc'd one per element */
    rec_libxml2_doc_dict(p.doc);
    p.doc->URL = xmlStrdup((const xmlChar *)opts->url);
    p.doc->encoding = xmlStrdup((const xmlChar *)"UTF-8"); /* no &#x...; escapes */
    p.root = xmlNewDocNode(p.doc, NULL, (const xmlChar *)"recommendations", NULL);
    p.ns = xmlNewNs(p.root, (const xmlChar *)REC_NS, NULL);
    xmlSetNs(p.root, p.ns);
    xmlDocSetRootElement(p.doc, p.root);
    rec_pos_set(p.root, 1, 1);
    sattr(p.root, "version", REC_VERSION_ATTR);
    xmlNodeSetLang(p.root, (const xmlChar *)(opts->lang ? opts->lang : rec_langs[r.lang].code));
    snprintf(p.group_id, sizeof p.group_id, "g0");

    /* for each block: does an item come after it before the next group? */
    bool *item_after = rec_xcalloc((r.nblocks ? r.nblocks : 1) * sizeof *item_after);
    bool seen = false;
    for (size_t k = r.nblocks; k-- > 0;) {
        item_after[k] = seen;
        const rec_block *b = &r.blocks[k];
        if (b->kind == B_HEADER || b->opens_group)
            seen = b->kind == B_ITEM;
        else if (b->kind == B_ITEM)
            seen = true;
    }

    for (size_t k = 0; k < r.nblocks; k++) {
        switch ((rec_block_kind)r.blocks[k].kind) {
        case B_HEADER: add_header(&p, k); break;
        case B_ITEM: add_item(&p, k); break;
        case B_PROSE: add_prose(&p, k); break;
        case B_FOOTNOTE: add_footnote(&p, k, item_after[k]); break;
        case B_PAGE: add_page(&p, k); break;
        }
    }
    close_text(&p);
    pop_to(&p, 0);
    sattr(p.root, "layout", rec_layout_name(r.layout));
    free(p.stack);
    free(p.pending);
    for (size_t k = 0; k < r.nblocks; k++) {
        free(p.block_ids[k]);
        free(r.blocks[k].to);
        free(r.blocks[k].by);
    }
    free(p.block_ids);
    free(item_after);
    free(r.blocks);
    free(r.lines);
    free(r.refs);
    if (r.line != src->lines)
        free((void *)r.line);
    free(reflowed[0]);
    free(reflowed[1]);
    free(reflowed[2]);
    return p.doc;
}
