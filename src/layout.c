/* SPDX-License-Identifier: MIT */
/* layout.c - the document as a whole: how it addresses its recommendations.
 *
 * Real documents name their addressees in several ways (README, "Layouts"):
 *   headers       "To the Government of X" lines over lists (NGO reports)
 *   leadins       a sentence names the addressee and opens a list
 *   treaty-body   UN concluding observations: numbered paragraphs, "the
 *                 State party"; concern paragraphs are findings
 *   upr           UPR reports: numbered lead-ins ("110. The following
 *                 recommendations ... examined by X"), decimal items
 *                 (110.1) that end with the recommending States
 *   special-procedures  numbered paragraphs that each name their addressee
 *   headings      short headings that name the addressee without "To"
 *   paragraphs    none of these
 * The layout is detected from counts over all blocks (or forced with
 * --layout); then each block gets its role: a lead-in that opens a group,
 * a finding, a thematic heading, an item read from an unmarked paragraph.
 * Every step is a single walk over the blocks. */
#include "reader.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lang.h"
#include "states.h"
#include "util.h"

static const char *const layout_names[LAYOUT_COUNT] = {
    [LAYOUT_HEADERS] = "headers",
    [LAYOUT_LEADINS] = "leadins",
    [LAYOUT_TREATY] = "treaty-body",
    [LAYOUT_UPR] = "upr",
    [LAYOUT_SPECIAL] = "special-procedures",
    [LAYOUT_HEADINGS] = "headings",
    [LAYOUT_PARAGRAPHS] = "paragraphs",
};

const char *rec_layout_name(rec_layout l)
{
    return layout_names[l];
}

int rec_layout_find(const char *name)
{
    for (int i = 0; i < LAYOUT_COUNT; i++)
        if (strcmp(layout_names[i], name) == 0)
            return i;
    return -1;
}

/* ---- joined text ---------------------------------------------------------- */

void rec_join(const rec_reader *r, size_t from, size_t to, size_t start_byte, rec_joined *out)
{
    size_t cap = 64, len = 0;
    char *text = rec_xmalloc(cap);
    out->line_at = rec_xmalloc((to - from + 1) * sizeof *out->line_at);
    out->byte_at = rec_xmalloc((to - from + 1) * sizeof *out->byte_at);
    bool any = false, glue = false;
    for (size_t i = from; i <= to; i++) {
        const rec_lineinfo *li = &r->lines[i];
        out->line_at[i - from] = (size_t)-1;
        out->byte_at[i - from] = 0;
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const rec_line *l = &r->line[i];
        size_t a = i == from ? start_byte : li->a, b = li->b;
        if ((li->flags & LF_ESCAPED) && a == li->a)
            a++;
        rec_trim(l->text, l->len, &a, &b);
        if (a == b)
            continue;
        if (li->flags & LF_DEHYPHEN)
            b -= l->text[b - 1] == '-' ? 1 : (unsigned char)l->text[b - 1] == 0xAD ? 2 : 3;
        if (len + (b - a) + 2 > cap) {
            cap = (len + (b - a) + 2) * 2;
            text = rec_xrealloc(text, cap);
        }
        if (any && !glue)
            text[len++] = ' ';
        out->line_at[i - from] = len;
        out->byte_at[i - from] = a;
        for (size_t k = a; k < b; k++)
            text[len++] = l->text[k] == '\f' ? ' ' : l->text[k];
        any = true;
        glue = (li->flags & LF_JOIN) != 0;
    }
    /* zeroed past the end: PCRE2's JIT may read a few bytes beyond a
     * subject (harmlessly), and valgrind would call them uninitialised */
    if (len + 16 > cap)
        text = rec_xrealloc(text, len + 16);
    memset(text + len, 0, 16);
    out->text = text;
    out->len = len;
    out->from = from;
    out->to = to;
}

void rec_joined_free(rec_joined *j)
{
    free(j->text);
    free(j->line_at);
    free(j->byte_at);
    memset(j, 0, sizeof *j);
}

void rec_joined_pos(const rec_reader *r, const rec_joined *j, size_t off, unsigned long *line,
                    unsigned long *col)
{
    size_t best = j->from, start = 0, byte = r->lines[j->from].a;
    for (size_t i = j->from; i <= j->to; i++) {
        size_t at = j->line_at[i - j->from];
        if (at == (size_t)-1 || at > off)
            continue;
        best = i, start = at, byte = j->byte_at[i - j->from];
    }
    const rec_line *l = &r->line[best];
    byte += off - start;
    if (byte > l->len)
        byte = l->len;
    *line = l->number;
    *col = rec_line_column(l, byte);
}

/* The words a block's text has: an item's from its text, numbered prose's
 * after its number, other prose from the start. */
static void block_text(const rec_reader *r, const rec_block *b, rec_joined *j)
{
    size_t from = b->first, start = r->lines[b->first].a;
    if (b->kind == B_ITEM || b->numbered) {
        from = b->text_line;
        start = from == b->first ? r->lines[from].s2.start : r->lines[from].a;
    }
    if (b->kind == B_PROSE && b->mark.end > b->mark.start && !b->numbered)
        start = b->mark.end;
    rec_join(r, from, b->last, start, j);
}

/* ---- helpers -------------------------------------------------------------- */

/* The next block after k that is not a page. */
static rec_block *next_block(rec_reader *r, size_t k)
{
    for (size_t i = k + 1; i < r->nblocks; i++)
        if (r->blocks[i].kind != B_PAGE)
            return &r->blocks[i];
    return NULL;
}

static bool ends_with_colon(const rec_reader *r, const rec_block *b)
{
    for (size_t i = b->last + 1; i-- > b->first;)
        if (r->lines[i].kind != L_BLANK && r->lines[i].kind != L_FURNITURE)
            return (r->lines[i].flags & LF_COLON) != 0;
    return false;
}

static size_t words_in(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool blank = s[i] == ' ';
        if (!blank && !in)
            w++;
        in = !blank;
    }
    return w;
}

/* A short line that reads as a heading: few words, no sentence end. */
static bool heading_like(const rec_joined *j)
{
    if (j->len == 0 || j->len > 160)
        return false;
    size_t w = words_in(j->text, j->len);
    size_t e = j->len;
    /* its note references aside: "Pretrial detention [3]" */
    while (e > 0 && j->text[e - 1] == ']') {
        size_t k = e - 1;
        while (k > 0 && j->text[k - 1] >= '0' && j->text[k - 1] <= '9')
            k--;
        if (k == 0 || j->text[k - 1] != '[' || k == e - 1)
            break;
        e = k - 1;
        while (e > 0 && j->text[e - 1] == ' ')
            e--;
    }
    if (e == 0)
        return false;
    char last = j->text[e - 1];
    if (strchr(".;:,!?", last))
        return false;
    /* a heading starts in capitals (or in a script without case) */
    unsigned char first = (unsigned char)j->text[0];
    if (first >= 'a' && first <= 'z')
        return false;
    if (j->len >= 3 && memcmp(j->text + j->len - 3, "\xE3\x80\x82", 3) == 0)
        return false;
    /* "Human Rights Watch | December 2013 | 12": a running head, not a heading */
    if (memchr(j->text, '|', j->len) || (last >= '0' && last <= '9'))
        return false;
    bool letter = false; /* "_______": a rule */
    for (size_t i = 0; i < j->len && !letter; i++)
        letter =
            ((j->text[i] | 0x20) >= 'a' && (j->text[i] | 0x20) <= 'z') || (unsigned char)j->text[i] >= 0xC0;
    if (!letter)
        return false;
    return w <= 14 && (w > 1 || j->len <= 60);
}

/* The derived addressee text[to] as a recipient holds it: without a
 * leading article, a preposition fused with the article written back as
 * the article (lang.h). *start is where it begins in text. Caller frees. */
static char *derived(const rec_reader *r, const char *text, rec_span to, size_t *start)
{
    const char *arts = rec_langs[r->lang].articles;
    for (const char *p = arts; p && *p;) {
        size_t n = strcspn(p, " ");
        bool apostrophe = n > 0 && (p[n - 1] == '\'' || (n >= 3 && (unsigned char)p[n - 1] == 0x99));
        if (to.end - to.start > n + 1 && strncasecmp(text + to.start, p, n) == 0 &&
            (apostrophe || text[to.start + n] == ' ')) {
            to.start += n + (apostrophe ? 0 : 1);
            break;
        }
        p += n;
        p += strspn(p, " ");
    }
    *start = to.start;
    char *out = rec_xstrndup(text + to.start, to.end - to.start);
    for (const char *p = rec_langs[r->lang].contractions; p && *p;) {
        size_t n = strcspn(p, " "), eq = strcspn(p, "=");
        if (eq < n && strlen(out) > eq && strncmp(out, p, eq) == 0) {
            size_t m = n - eq - 1, rest = strlen(out) - eq;
            char *t = rec_xmalloc(m + rest + 1);
            memcpy(t, p + eq + 1, m);
            memcpy(t + m, out + eq, rest + 1);
            free(out);
            return t;
        }
        p += n;
        p += strspn(p, " ");
    }
    return out;
}

/* Take the derived addressee text[to] into b (derived()), with its place. */
static void set_to(rec_reader *r, rec_block *b, const rec_joined *j, rec_span to)
{
    size_t start;
    free(b->to);
    b->to = derived(r, j->text, to, &start);
    rec_joined_pos(r, j, start, &b->to_line, &b->to_col);
}

/* Two addressees are the same when they differ only in case, blanks and a
 * leading article. */
static bool same_addressee(const char *a, const char *b)
{
    if (!a || !b)
        return false;
    while (*a && *b) {
        if (*a == ' ' && *b == ' ') {
            while (*a == ' ')
                a++;
            while (*b == ' ')
                b++;
            continue;
        }
        char x = (char)(*a >= 'A' && *a <= 'Z' ? *a | 0x20 : *a);
        char y = (char)(*b >= 'A' && *b <= 'Z' ? *b | 0x20 : *b);
        if (x != y)
            return false;
        a++, b++;
    }
    return *a == *b;
}

/* ---- statistics and the choice of layout ---------------------------------- */

typedef struct {
    size_t headers, decimals, main_numbers, state_party, recommending, leadins, responses;
    bool title; /* a UN report's title names the State */
} counts;

/* "12." at a paragraph's margin: a UN paragraph number, in order or not. */
static bool paragraph_number(const rec_reader *r, const rec_block *b)
{
    const rec_lineinfo *li = &r->lines[b->first];
    const rec_line *l = &r->line[b->first];
    return b->kind == B_ITEM && (li->mk == MK_ARABIC || li->mk == MK_ARABIC_INDIC) &&
           li->indent <= r->margin + 12 && l->text[li->s1.start] != '(' && l->text[li->s1.end - 1] != ')';
}

/* Is item block b a paragraph of the document's main numbering, whose last
 * number so far is *last? Paragraph numbers rise through a UN document
 * (a few may be skipped by extraction); lists under them restart at 1. */
static bool main_number(const rec_reader *r, const rec_block *b, long *last)
{
    const rec_lineinfo *li = &r->lines[b->first];
    if (b->kind != B_ITEM || (li->mk != MK_ARABIC && li->mk != MK_ARABIC_INDIC))
        return false;
    /* "12." or "12" alone, not "(12)" or "12)" */
    const rec_line *l = &r->line[b->first];
    char end = l->text[li->s1.end - 1];
    if (l->text[li->s1.start] == '(' || end == ')' || li->indent > r->margin + 12)
        return false;
    /* a paragraph after the last one, or the first of an extract that
     * starts mid-document ("110." over its "110.1") */
    if (li->value > *last &&
        (*last > 0 || li->value <= 3 || li->s2.start == li->s2.end || li->value < 1000)) {
        *last = li->value;
        return true;
    }
    return false;
}

/* The counts choose() weighs. A count it only tests for being nonzero is
 * no longer looked for once found: a long report is not read twice. */
static counts count_blocks(rec_reader *r)
{
    counts c = {0, 0, 0, 0, 0, 0, 0, false};
    long last = 0;
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind == B_HEADER)
            c.headers++;
        if (b->kind == B_ITEM && r->lines[b->first].mk == MK_DECIMAL)
            c.decimals++;
        if ((b->kind != B_ITEM && b->kind != B_PROSE) || b->role == ROLE_CONTENTS)
            continue;
        bool main = main_number(r, b, &last) || paragraph_number(r, b);
        c.main_numbers += main;
        bool title = !c.title && b->kind == B_PROSE && k < 64;
        bool leadin = !c.responses && (b->kind == B_PROSE || main) && ends_with_colon(r, b);
        if (leadin) {
            rec_block *nb = next_block(r, k);
            leadin = nb && nb->kind == B_ITEM;
        }
        if (c.state_party && !title && !(main && !c.recommending) && !leadin)
            continue;
        rec_joined j;
        block_text(r, b, &j);
        rec_span sp;
        if (!c.state_party && rec_find_state_party(r->m, r->lang, j.text, j.len, &sp))
            c.state_party++;
        if (title && rec_match_title(r->m, r->lang, j.text, j.len, &sp))
            c.title = true;
        if (main && !c.recommending && rec_match_recommends(r->m, r->lang, j.text, j.len))
            c.recommending++;
        if (leadin && rec_match_leadin(r->m, r->lang, j.text, j.len, &sp)) {
            c.leadins++;
            if (rec_match_response(r->m, r->lang, j.text, j.len) != REC_RESPONSE_NONE)
                c.responses++;
        }
        rec_joined_free(&j);
    }
    return c;
}

static rec_layout choose(const counts *c)
{
    /* decimals under 'To' headers number an NGO's own list ("1.1"); a
     * UPR report has no such header, and says how the State responded */
    if (c->responses >= 1 || (c->decimals >= 3 && c->headers == 0))
        return LAYOUT_UPR;
    if (c->headers >= 1)
        return LAYOUT_HEADERS;
    if (c->main_numbers >= 2 && c->state_party >= 1 && (c->recommending >= 1 || c->title))
        return LAYOUT_TREATY;
    if (c->main_numbers >= 3 && c->recommending >= 1)
        return LAYOUT_SPECIAL;
    if (c->leadins >= 1)
        return LAYOUT_LEADINS;
    return LAYOUT_PARAGRAPHS;
}

/* ---- roles ---------------------------------------------------------------- */

static void make_prose(rec_reader *r, rec_block *b, rec_role role)
{
    if (b->kind == B_ITEM) {
        b->numbered = true;
        b->mark = r->lines[b->first].s1;
    }
    b->kind = B_PROSE;
    b->role = (uint8_t)role;
}

/* The State the document names in its title, if it does: the first
 * prose blocks before any numbered paragraph. */
static bool title_state(rec_reader *r, size_t *block, rec_span *to, rec_joined *j)
{
    for (size_t k = 0; k < r->nblocks && k < 64; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind == B_ITEM)
            return false;
        if (b->kind != B_PROSE)
            continue;
        block_text(r, b, j);
        if (rec_match_title(r->m, r->lang, j->text, j->len, to)) {
            *block = k;
            return true;
        }
        rec_joined_free(j);
    }
    return false;
}

/* UN numbered paragraphs (treaty bodies, special procedures, the UPR's
 * lead-ins): recommendations stay items, the rest are findings, and the
 * lists under a finding are part of it. */
static void numbered_paragraphs(rec_reader *r)
{
    long last = 0;
    unsigned long last_line = 0;
    bool finding = false, group_open = false;
    char *addressee = NULL;
    size_t title_block = 0;
    rec_span title_to = {0, 0};
    rec_joined title;
    bool have_title = r->layout == LAYOUT_TREATY && title_state(r, &title_block, &title_to, &title);

    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind == B_HEADER) {
            finding = false;
            continue;
        }
        if (b->kind != B_ITEM)
            continue;
        long before = last;
        if (!main_number(r, b, &last)) {
            const rec_lineinfo *li = &r->lines[b->first];
            const rec_line *l = &r->line[b->first];
            if (before && li->mk == MK_ARABIC && li->indent <= r->margin + 12 &&
                l->text[li->s1.start] != '(' && li->value > before - 3 && li->value <= before)
                rec_diags_add(r->diags, l->number, rec_line_column(l, li->s1.start), REC_WARNING,
                              REC_KIND_NUMBERING,
                              "paragraph '%.*s' does not follow paragraph %ld (at line %lu): it was read as "
                              "part of the paragraph before",
                              (int)(li->s1.end - li->s1.start), l->text + li->s1.start, before, last_line);
            if (finding)
                make_prose(r, b, ROLE_FINDING);
            continue;
        }
        if (before && last > before + 1) {
            const rec_line *l = &r->line[b->first];
            const rec_lineinfo *li = &r->lines[b->first];
            rec_diags_add(r->diags, l->number, rec_line_column(l, li->s1.start), REC_WARNING,
                          REC_KIND_NUMBERING,
                          "paragraph %ld follows paragraph %ld (at line %lu): "
                          "%s missing?",
                          last, before, last_line, last == before + 2 ? "is one" : "are some");
        }
        last_line = r->line[b->first].number;
        rec_joined j;
        block_text(r, b, &j);
        rec_span to;
        if (r->layout == LAYOUT_UPR) {
            /* a numbered lead-in opens a group; other paragraphs report */
            rec_block *nb = next_block(r, k);
            if (ends_with_colon(r, b) && nb && nb->kind == B_ITEM &&
                (rec_match_leadin(r->m, r->lang, j.text, j.len, &to) ||
                 rec_match_response(r->m, r->lang, j.text, j.len) != REC_RESPONSE_NONE)) {
                make_prose(r, b, ROLE_LEADIN);
                b->response = (uint8_t)rec_match_response(r->m, r->lang, j.text, j.len);
                if (rec_match_leadin(r->m, r->lang, j.text, j.len, &to))
                    set_to(r, b, &j, to);
                b->opens_group = true;
                finding = false;
            } else {
                make_prose(r, b, ROLE_FINDING);
                finding = true;
            }
            rec_joined_free(&j);
            continue;
        }
        if (!rec_match_recommends(r->m, r->lang, j.text, j.len)) {
            make_prose(r, b, ROLE_FINDING);
            finding = true;
            rec_joined_free(&j);
            continue;
        }
        finding = false;
        /* a recommendation: whom does it address? */
        bool named = (ends_with_colon(r, b) && rec_match_leadin(r->m, r->lang, j.text, j.len, &to)) ||
                     rec_match_addressee(r->m, r->lang, j.text, j.len, &to) ||
                     rec_find_state_party(r->m, r->lang, j.text, j.len, &to);
        if (r->layout == LAYOUT_TREATY) {
            if (!group_open) {
                if (have_title)
                    set_to(r, b, &title, title_to);
                else if (rec_find_state_party(r->m, r->lang, j.text, j.len, &to) || named)
                    set_to(r, b, &j, to);
                b->opens_group = b->to != NULL;
                group_open = b->opens_group;
            }
        } else if (!named && group_open && r->layout == LAYOUT_SPECIAL) {
            const rec_line *l = &r->line[b->first];
            const rec_lineinfo *li = &r->lines[b->first];
            rec_diags_add(r->diags, l->number, rec_line_column(l, li->s1.start), REC_WARNING,
                          REC_KIND_IMPLICIT_ADDRESSEE,
                          "paragraph %ld names no addressee rec2xml knows: it was filed under '%s' above",
                          last, addressee);
        } else if (named) {
            set_to(r, b, &j, to);
            if (!group_open || !same_addressee(addressee, b->to)) {
                b->opens_group = true;
                group_open = true;
                free(addressee);
                addressee = rec_xstrdup(b->to);
            } else {
                free(b->to);
                b->to = NULL;
            }
        }
        rec_joined_free(&j);
    }
    free(addressee);
    if (have_title) {
        /* the recipient stands where the title named the State */
        for (size_t k = 0; k < r->nblocks; k++)
            if (r->blocks[k].opens_group) {
                r->blocks[k].to_block = title_block + 1;
                break;
            }
        rec_joined_free(&title);
    }
}

/* Sentences that name the addressee of the list they open. */
static void leadins(rec_reader *r)
{
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind != B_PROSE || b->role != ROLE_NONE || !ends_with_colon(r, b))
            continue;
        rec_block *nb = next_block(r, k);
        if (!nb || nb->kind != B_ITEM)
            continue;
        rec_joined j;
        block_text(r, b, &j);
        rec_span to;
        if (rec_match_leadin(r->m, r->lang, j.text, j.len, &to)) {
            b->role = ROLE_LEADIN;
            b->response = (uint8_t)rec_match_response(r->m, r->lang, j.text, j.len);
            set_to(r, b, &j, to);
            b->opens_group = true; /* decided by groups() */
        }
        rec_joined_free(&j);
    }
}

/* A lead-in opens a group of its own unless it introduces the items of
 * the header right above it (a group with no item yet). */
static void groups(rec_reader *r)
{
    bool in_group = false;
    size_t items = 0;
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind == B_HEADER) {
            in_group = true;
            items = 0;
        } else if (b->opens_group && b->to) {
            if (b->kind == B_PROSE && in_group && items == 0 && r->layout != LAYOUT_UPR && k > 0 &&
                r->blocks[k - 1].kind == B_HEADER) {
                b->opens_group = false;
            } else {
                in_group = true;
                items = 0;
            }
            if (b->kind == B_ITEM)
                items++;
        } else if (b->kind == B_ITEM) {
            b->opens_group = false;
            items++;
        } else {
            b->opens_group = false;
        }
    }
}

/* In a document that names no recipient with "To", a short heading that
 * names an institution and stands over a list is the list's recipient. */
static void headings_as_recipients(rec_reader *r)
{
    size_t found = 0;
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind != B_PROSE || b->role != ROLE_NONE || b->numbered || b->last - b->first > 3 ||
            (r->lines[b->first].flags & LF_FRONT))
            continue;
        rec_block *nb = next_block(r, k);
        if (!nb || (nb->kind != B_ITEM && nb->kind != B_PROSE))
            continue;
        rec_joined j;
        block_text(r, b, &j);
        bool heading = heading_like(&j) && words_in(j.text, j.len) <= 16 &&
                       !rec_match_lowercase_start(r->m, j.text, j.len) &&
                       rec_match_addressee_word(r->m, r->lang, j.text, j.len);
        rec_joined_free(&j);
        if (!heading)
            continue;
        rec_lineinfo *li = &r->lines[b->first];
        const rec_line *l = &r->line[b->first];
        rec_diags_add(r->diags, l->number, rec_line_column(l, li->a), REC_WARNING, REC_KIND_NEAR_HEADER,
                      "this heading has no 'To' but names an addressee over a list: it was read as the "
                      "list's recipient");
        b->kind = B_HEADER;
        li->kind = L_HEADER;
        li->s1.start = li->s1.end = li->a;
        li->s2.start = li->a, li->s2.end = li->b;
        found++;
    }
    if (found && !r->layout_forced)
        r->layout = LAYOUT_HEADINGS;
}

/* Under a recipient with no marked item, each paragraph is one: the
 * bullets were lost (a PDF extraction), or never written. */
static void lost_bullets(rec_reader *r)
{
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *head = &r->blocks[k];
        if (head->kind != B_HEADER && !head->opens_group)
            continue;
        size_t end = k + 1;
        bool items = head->kind == B_ITEM;
        for (; end < r->nblocks; end++) {
            rec_block *b = &r->blocks[end];
            if (b->kind == B_HEADER || b->opens_group)
                break;
            items |= b->kind == B_ITEM;
        }
        if (items)
            continue;
        size_t converted = 0, first = 0;
        for (size_t i = k + 1; i < end; i++) {
            rec_block *b = &r->blocks[i];
            if (b->kind == B_PAGE)
                continue;
            if (b->kind != B_PROSE || b->role != ROLE_NONE || b->numbered || ends_with_colon(r, b))
                break;
            rec_joined j;
            block_text(r, b, &j);
            bool heading = heading_like(&j);
            rec_joined_free(&j);
            if (heading)
                break;
            b->kind = B_ITEM;
            b->unmarked = true;
            if (!converted++)
                first = i;
        }
        if (converted) {
            const rec_line *l = &r->line[r->blocks[first].first];
            rec_diags_add(r->diags, l->number, rec_line_column(l, r->lines[r->blocks[first].first].a),
                          REC_WARNING, REC_KIND_UNMARKED_ITEM,
                          "no list marker under this recipient: %zu paragraph%s read as recommendation%s, "
                          "one each",
                          converted, converted == 1 ? " was" : "s were", converted == 1 ? "" : "s");
        }
        k = end - 1;
    }
}

/* Paragraphs whose subject is their addressee: "The National Assembly
 * should amend ...", "Donors should ...". Read only in a document with
 * neither header nor list, which would otherwise hold no recommendation,
 * and only when two or more paragraphs read so: each is then one
 * recommendation, a new addressee opening a group (an unmarked-item
 * warning says it was a guess). */
static bool should_paragraphs(rec_reader *r)
{
    if (r->layout != LAYOUT_PARAGRAPHS)
        return false;
    for (size_t k = 0; k < r->nblocks; k++)
        if (r->blocks[k].kind == B_ITEM || r->blocks[k].kind == B_HEADER || r->blocks[k].opens_group)
            return false;
    size_t *found = rec_xmalloc((r->nblocks ? r->nblocks : 1) * sizeof *found);
    rec_span *subject = rec_xmalloc((r->nblocks ? r->nblocks : 1) * sizeof *subject);
    size_t n = 0;
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind != B_PROSE || b->role != ROLE_NONE || b->numbered)
            continue;
        rec_joined j;
        block_text(r, b, &j);
        rec_span to;
        if (rec_match_should(r->m, r->lang, j.text, j.len, &to)) {
            size_t start;
            char *who = derived(r, j.text, to, &start);
            if (rec_match_addressee_word(r->m, r->lang, who, strlen(who))) {
                found[n] = k;
                subject[n++] = to;
            }
            free(who);
        }
        rec_joined_free(&j);
    }
    char *addressee = NULL;
    for (size_t i = 0; n >= 2 && i < n; i++) {
        rec_block *b = &r->blocks[found[i]];
        rec_joined j;
        block_text(r, b, &j);
        set_to(r, b, &j, subject[i]);
        rec_joined_free(&j);
        b->kind = B_ITEM;
        b->unmarked = true;
        if (!addressee || !same_addressee(addressee, b->to)) {
            b->opens_group = true;
            free(addressee);
            addressee = rec_xstrdup(b->to);
        } else {
            free(b->to);
            b->to = NULL;
        }
    }
    if (n >= 2) {
        const rec_block *b = &r->blocks[found[0]];
        const rec_line *l = &r->line[b->first];
        rec_diags_add(r->diags, l->number, rec_line_column(l, r->lines[b->first].a), REC_WARNING,
                      REC_KIND_UNMARKED_ITEM,
                      "no header and no list: %zu paragraphs whose subject is an addressee "
                      "(\"... should ...\") were read as recommendations, one each",
                      n);
    }
    free(addressee);
    free(found);
    free(subject);
    return n >= 2;
}

/* "A. Introduction", "II. Conclusions": a heading's letter or numeral. */
/* The words that number the sections of an Arabic UN report ("ثانياً -
 * الاستنتاجات", "ألف - مقدمة"), as "II." and "A." do in English. */
static const char *const arabic_marks[] = {
    "أولاً",  "ثانياً", "ثالثاً", "رابعاً", "خامساً", "سادساً", "سابعاً", "ثامناً", "تاسعاً", "عاشراً", "أولا",
    "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا", "ألف",   "باء",
    "جيم",   "دال",   "هاء",   "واو",   "زاي",   "حاء",   "طاء",   "ياء",   NULL};

/* "二、" (a Chinese numeral and U+3001), or an Arabic section word with the
 * dash after it, at t[a..b): the length of the mark, or 0. */
static size_t wide_mark(const char *t, size_t a, size_t b)
{
    static const char han[] = "一二三四五六七八九十"; /* 3 bytes each */
    size_t i = a;
    for (bool more = true; more && i + 3 <= b;) {
        more = false;
        for (size_t k = 0; k + 3 < sizeof han && !more; k += 3)
            more = memcmp(han + k, t + i, 3) == 0;
        if (more)
            i += 3;
    }
    if (i > a && i - a <= 9 && i + 3 <= b && memcmp(t + i, "\u3001", 3) == 0)
        return i + 3 - a;
    for (const char *const *w = arabic_marks; *w; w++) {
        size_t n = strlen(*w);
        if (b - a > n + 2 && memcmp(t + a, *w, n) == 0) {
            size_t j = a + n;
            while (j < b && t[j] == ' ')
                j++;
            if (j + 1 <= b && t[j] == '-')
                return j + 1 - a;
            if (j + 3 <= b && (memcmp(t + j, "\u2013", 3) == 0 || memcmp(t + j, "\u2014", 3) == 0))
                return j + 3 - a;
        }
    }
    return 0;
}

static rec_span heading_mark(const rec_reader *r, const rec_block *b)
{
    const rec_line *l = &r->line[b->first];
    const rec_lineinfo *li = &r->lines[b->first];
    rec_span sp = {li->a, li->a};
    size_t w = (unsigned char)l->text[li->a] >= 0x80 ? wide_mark(l->text, li->a, li->b) : 0;
    if (w) {
        sp.end = li->a + w;
        return sp;
    }
    size_t i = li->a;
    while (i < li->b && ((l->text[i] >= 'A' && l->text[i] <= 'Z')))
        i++;
    size_t n = i - li->a;
    bool roman = n >= 1 && n <= 6 && strspn(l->text + li->a, "IVXL") >= n;
    if ((n == 1 || roman) && i + 1 < li->b && l->text[i] == '.' &&
        (rec_is_blank_at(l->text, li->b, i + 1) || (l->text[i + 1] >= 'A' && l->text[i + 1] <= 'Z')))
        sp.end = i + 1; /* "C. Principal", or glued as a web page has it: "A.Introduction" */
    return sp;
}

/* "1. Justice" over "1.1 Repeal ...": a numbered heading over the
 * decimals that number the recommendations under it. */
static bool numbered_heading(rec_reader *r, size_t k)
{
    const rec_block *b = &r->blocks[k];
    const rec_lineinfo *li = &r->lines[b->first];
    if (b->kind != B_ITEM || li->mk != MK_ARABIC || b->last != b->first)
        return false;
    const rec_block *nb = next_block(r, k);
    if (!nb || nb->kind != B_ITEM || r->lines[nb->first].mk != MK_DECIMAL)
        return false;
    const char *mk = r->line[b->first].text + li->s1.start;
    const rec_lineinfo *ni = &r->lines[nb->first];
    const char *next = r->line[nb->first].text + ni->s1.start;
    size_t digits = strspn(mk, "0123456789"), n = ni->s1.end - ni->s1.start;
    if (digits == 0 || digits >= n || memcmp(mk, next, digits) != 0 || next[digits] != '.')
        return false;
    rec_joined j;
    block_text(r, b, &j);
    bool heading = heading_like(&j);
    rec_joined_free(&j);
    return heading;
}

/* Short lines standing over items are thematic headings: the items under
 * them take them as their topic. */
static void topics(rec_reader *r)
{
    size_t topic = 0;
    bool numbered_layout =
        r->layout == LAYOUT_TREATY || r->layout == LAYOUT_UPR || r->layout == LAYOUT_SPECIAL;
    /* a UN document's front matter (its body, its title) heads nothing:
     * headings start with the numbered paragraphs */
    bool body = !numbered_layout;
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind == B_HEADER) {
            topic = 0;
            continue;
        }
        if (b->kind == B_ITEM && numbered_heading(r, k)) {
            make_prose(r, b, ROLE_HEADING);
            topic = k + 1;
            body = true;
            continue;
        }
        if (b->kind == B_ITEM) {
            b->topic = topic;
            body = true;
            continue;
        }
        if (b->kind == B_PROSE && b->numbered)
            body = true;
        if (!body && !(b->kind == B_PROSE && heading_mark(r, b).end > heading_mark(r, b).start))
            continue; /* front matter, but for a lettered section heading */
        if (b->kind != B_PROSE || b->role != ROLE_NONE || b->numbered || b->last - b->first > 2)
            continue;
        rec_block *nb = next_block(r, k);
        if (!nb)
            continue;
        bool over = nb->kind == B_ITEM ||
                    (numbered_layout && nb->kind == B_PROSE && (nb->numbered || nb->role == ROLE_LEADIN));
        if (!over && numbered_layout && nb->kind == B_PROSE && nb->role == ROLE_NONE &&
            nb->last - nb->first <= 2) {
            /* a section heading over a thematic one: "C. Principal
             * subjects of concern" over "Pretrial detention" */
            rec_joined nj;
            block_text(r, nb, &nj);
            over = heading_like(&nj);
            rec_joined_free(&nj);
        }
        if (!over)
            continue;
        rec_joined j;
        block_text(r, b, &j);
        rec_span sp;
        /* the document's title names the State; it heads no topic */
        bool heading = heading_like(&j) && !rec_match_title(r->m, r->lang, j.text, j.len, &sp);
        rec_joined_free(&j);
        if (!heading)
            continue;
        b->role = ROLE_HEADING;
        b->mark = heading_mark(r, b);
        /* "II. Conclusions and recommendations" is a section of the
         * document; the thematic headings under it are topics, the first
         * one too, before any numbered paragraph */
        topic = b->mark.end > b->mark.start ? 0 : k + 1;
        if (b->mark.end > b->mark.start)
            body = true;
    }
}

static void upr_states(rec_reader *r)
{
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind != B_ITEM)
            continue;
        rec_joined j;
        block_text(r, b, &j);
        b->by = rec_recommending_states(j.text, j.len);
        rec_joined_free(&j);
    }
}

/* A decimal number that starts no UPR list ("1.5 million people") is the
 * start of a sentence. */
static void stray_decimals(rec_reader *r)
{
    for (size_t k = 0; k < r->nblocks; k++) {
        rec_block *b = &r->blocks[k];
        if (b->kind != B_ITEM || r->lines[b->first].mk != MK_DECIMAL)
            continue;
        bool listed = false;
        for (size_t d = 1; d <= 2 && !listed; d++) {
            if (k >= d && r->blocks[k - d].kind == B_ITEM &&
                r->lines[r->blocks[k - d].first].mk == MK_DECIMAL)
                listed = true;
            if (k + d < r->nblocks && r->blocks[k + d].kind == B_ITEM &&
                r->lines[r->blocks[k + d].first].mk == MK_DECIMAL)
                listed = true;
        }
        if (!listed && r->lines[b->first].value != 1) {
            b->kind = B_PROSE;
            r->lines[b->first].kind = L_TEXT;
        }
    }
}

/* The page's left margin, as -layout keeps it: the least indentation of
 * a line numbered "12." (a paragraph number stands at the margin). */
static unsigned numbers_margin(const rec_reader *r)
{
    unsigned least = UINT_MAX;
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        const rec_lineinfo *li = &r->lines[b->first];
        if (b->kind == B_ITEM && (li->mk == MK_ARABIC || li->mk == MK_ARABIC_INDIC) && li->indent < least &&
            r->line[b->first].text[li->s1.start] != '(')
            least = li->indent;
    }
    return least == UINT_MAX || !r->columns ? 0 : least;
}

void rec_read_layout(rec_reader *r)
{
    r->margin = numbers_margin(r);
    counts c = count_blocks(r);
    if (!r->layout_forced)
        r->layout = choose(&c);
    if (r->layout != LAYOUT_UPR)
        stray_decimals(r);
    if (r->layout == LAYOUT_TREATY || r->layout == LAYOUT_UPR || r->layout == LAYOUT_SPECIAL)
        numbered_paragraphs(r);
    leadins(r);
    /* a paragraph that names its addressee outranks a heading above it
     * (rec2xml's own DocBook, printed, titles a section with the
     * recipient that its paragraph names) */
    bool named = should_paragraphs(r);
    /* before groups(): a lead-in under such a heading introduces its items */
    if (!named && c.headers == 0 &&
        (r->layout == LAYOUT_PARAGRAPHS || r->layout == LAYOUT_HEADINGS || r->layout == LAYOUT_LEADINS))
        headings_as_recipients(r);
    groups(r);
    lost_bullets(r);
    topics(r);
    if (r->layout == LAYOUT_UPR)
        upr_states(r);
}
