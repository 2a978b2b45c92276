/* SPDX-License-Identifier: MIT */
/* pages.c - page furniture: what a PDF's pages print around the text.
 *
 * Text extracted from a PDF carries, at every page boundary, the page's
 * furniture: running heads and feet ("HUMAN RIGHTS WATCH | MAY 2014"),
 * page numbers, document symbols ("A/HRC/26/11") and job numbers
 * ("GE.14-13136"). It is never part of an item or a recipient.
 *
 * Boundaries are the form feeds pdftotext writes between pages; without
 * them (text copied out of a viewer), the lines that recur every page
 * and runs of page numbers mark them. Near a boundary - up to FURNITURE
 * lines on each side, blanks aside - a line is furniture when it is a page
 * number, a document symbol or job number, or a line that recurs at other
 * boundaries (digits aside: "12 | HUMAN RIGHTS WATCH") or that repeats
 * the document's title or its first words. The furniture of
 * one boundary becomes one page element carrying the number of the page
 * that begins there. Linear: one hash table of recurring lines. */
#include "reader.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define FURNITURE 4 /* lines of furniture a page prints at its top or foot */
#define KEY_MAX 120 /* longer lines are text, not furniture */
#define HEAD_LINES                                                                                           \
    6 /* lines a page 1 may print above its furniture, before
                         its first item or header */

/* The line's content with digit runs as '#', blanks as one space and ASCII
 * letters in lower case: "12 | Human Rights Watch" -> "# | human rights watch".
 * Returns false for a line too long to be furniture. */
static bool furniture_key(const rec_reader *r, size_t i, char key[KEY_MAX + 1])
{
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    if (li->b - li->a > 80)
        return false; /* running heads are short */
    size_t k = 0;
    for (size_t j = li->a; j < li->b;) {
        unsigned char c = (unsigned char)l->text[j];
        if (c >= '0' && c <= '9') {
            while (j < li->b && l->text[j] >= '0' && l->text[j] <= '9')
                j++;
            key[k++] = '#';
        } else if (rec_is_blank_at(l->text, l->len, j)) {
            while (j < li->b && rec_is_blank_at(l->text, l->len, j))
                j += rec_blank_len(l->text, l->len, j);
            key[k++] = ' ';
        } else {
            key[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            j++;
        }
    }
    key[k] = '\0';
    return k > 0;
}

static long count_of(xmlHashTablePtr counts, const char *key)
{
    return (long)(intptr_t)xmlHashLookup(counts, (const xmlChar *)key);
}

static void count(xmlHashTablePtr counts, const char *key)
{
    long n = count_of(counts, key) + 1;
    xmlHashUpdateEntry(counts, (const xmlChar *)key, (void *)(intptr_t)n, NULL);
}

/* Lines that may be furniture at all: text (never items, notes or
 * headers, whose furniture-like repetition is the document's own). A
 * header recurring at every boundary is the running title of a printed
 * rec2xml document, so headers count near boundaries. */
static bool candidate(const rec_lineinfo *li, bool near_boundary)
{
    return li->kind == L_TEXT || (near_boundary && li->kind == L_HEADER);
}

typedef struct {
    rec_reader *r;
    xmlHashTablePtr counts;
    bool feeds;                  /* the document has form feeds */
    char title[2 * KEY_MAX + 2]; /* the key of the document's first lines */
    size_t title_end;            /* the line after them */
} pages;

/* The document's first paragraph (its first TITLE_LINES lines at most)
 * is its title; the key of its words, for running heads that repeat it or
 * its start ("Recommendations" over "Recommendations to the Government
 * of X"). */
#define TITLE_LINES 4
static void title_key(pages *p)
{
    rec_reader *r = p->r;
    size_t i = 0, k = 0;
    char key[KEY_MAX + 1];
    while (i < r->nlines && r->lines[i].kind == L_BLANK)
        i++;
    for (size_t n = 0; i < r->nlines && n < TITLE_LINES && r->lines[i].kind == L_TEXT; i++, n++) {
        if (!furniture_key(r, i, key) || k + strlen(key) + 2 > sizeof p->title)
            break;
        if (k)
            p->title[k++] = ' ';
        memcpy(p->title + k, key, strlen(key) + 1);
        k += strlen(key);
        p->title_end = i + 1;
        if (i + 1 < r->nlines && (r->lines[i + 1].flags & LF_PAGE))
            break;
    }
}

/* Does line i, keyed key, repeat the title or its first words? */
static bool repeats_title(const pages *p, size_t i, const char *key)
{
    size_t n = strlen(key);
    return i >= p->title_end && n >= 8 && strncmp(p->title, key, n) == 0 &&
           (p->title[n] == ' ' || p->title[n] == '\0');
}

/* Is line i furniture? *page gets a printed page number (or stays). */
static bool is_furniture(pages *p, size_t i, long *page)
{
    const rec_lineinfo *li = &p->r->lines[i];
    if (!candidate(li, p->feeds))
        return false;
    const rec_line *l = &p->r->line[i];
    long v = 0;
    int f = rec_match_furniture(p->r->m, l->text, l->len, &v);
    if (f == REC_FURNITURE_PAGENO) {
        if (v > 0)
            *page = v;
        return true;
    }
    if (f == REC_FURNITURE_SYMBOL)
        return true;
    char key[KEY_MAX + 1];
    return furniture_key(p->r, i, key) && (count_of(p->counts, key) >= 2 || repeats_title(p, i, key));
}

/* Mark the furniture at the boundary before line b (b itself is the first
 * line of the new page). The page number that begins there is returned. */
static long mark_boundary(pages *p, size_t b, size_t lo, size_t hi, long fallback)
{
    rec_reader *r = p->r;
    long printed_top = 0, printed_foot = 0;
    size_t seen = 0;
    size_t marked[2 * FURNITURE];
    size_t nmarked = 0;
    for (size_t j = b; j < hi && seen < FURNITURE; j++) {
        if (r->lines[j].kind == L_BLANK)
            continue;
        seen++;
        long v = 0;
        if (!is_furniture(p, j, &v))
            break;
        if (v && !printed_top)
            printed_top = v;
        marked[nmarked++] = j;
    }
    seen = 0;
    for (size_t j = b; j-- > lo && seen < FURNITURE;) {
        if (r->lines[j].kind == L_BLANK)
            continue;
        seen++;
        long v = 0;
        if (!is_furniture(p, j, &v))
            break;
        if (v && !printed_foot)
            printed_foot = v;
        marked[nmarked++] = j;
    }
    long page = printed_top ? printed_top : printed_foot ? printed_foot + 1 : fallback;
    for (size_t k = 0; k < nmarked; k++) {
        r->lines[marked[k]].kind = L_FURNITURE;
        r->lines[marked[k]].page = (unsigned)page;
    }
    return page;
}

/* A lone page number, for the runs that mark boundaries without form
 * feeds. */
static bool page_number_at(pages *p, size_t i, long *v)
{
    const rec_line *l = &p->r->line[i];
    return p->r->lines[i].kind == L_TEXT &&
           rec_match_furniture(p->r->m, l->text, l->len, v) == REC_FURNITURE_PAGENO && *v > 0;
}

static size_t letters(const char *key)
{
    size_t n = 0;
    for (; *key; key++)
        n += (*key >= 'a' && *key <= 'z') || (unsigned char)*key >= 0xC0;
    return n;
}

/* A running head recurs a page apart: no two of its occurrences within
 * SPREAD lines (a list's repeated lines are not furniture). */
#define SPREAD 12
static bool spread(pages *p, size_t i, const char *key)
{
    char other[KEY_MAX + 1];
    size_t n = p->r->nlines;
    for (size_t j = i > SPREAD ? i - SPREAD : 0; j < n && j <= i + SPREAD; j++)
        if (j != i && candidate(&p->r->lines[j], false) && furniture_key(p->r, j, other) &&
            strcmp(other, key) == 0)
            return false;
    return true;
}

static bool alone(const rec_reader *r, size_t i)
{
    size_t n = r->nlines;
    return (i == 0 || r->lines[i - 1].kind == L_BLANK || r->lines[i - 1].kind == L_FURNITURE) &&
           (i + 1 >= n || r->lines[i + 1].kind == L_BLANK || r->lines[i + 1].kind == L_FURNITURE);
}

/* Without form feeds, furniture shows itself: a document symbol or job
 * number standing alone, a line recurring a page apart, a run of page
 * numbers; a lone page number next to other furniture. Each cluster of
 * furniture lines (blanks between) is one boundary. */
static void infer_boundaries(pages *p)
{
    rec_reader *r = p->r;
    size_t n = r->nlines;
    char key[KEY_MAX + 1];
    /* lines recurring three times or more, digits aside: only a line that
     * could be a running head (alone between blanks, no stop at its end)
     * is counted */
    for (size_t i = 0; i < n; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (candidate(li, false) && li->b - li->a <= 80 && alone(r, i) &&
            !strchr(".;:,]", r->line[i].text[li->b - 1]) && furniture_key(r, i, key))
            count(p->counts, key);
    }
    long *printed = rec_xcalloc((n ? n : 1) * sizeof *printed);
    /* each line's value as a lone page number, and the next such line
     * within 400 lines (+1, or 0): one look at each line */
    long *printed_value = rec_xcalloc((n ? n : 1) * sizeof *printed_value);
    size_t *next_number = rec_xcalloc((n ? n : 1) * sizeof *next_number);
    for (size_t i = 0; i < n; i++) {
        long v = 0;
        if (page_number_at(p, i, &v))
            printed_value[i] = v;
    }
    for (size_t i = n, next = 0; i-- > 0;) {
        next_number[i] = next && next - 1 < i + 400 ? next : 0;
        if (printed_value[i])
            next = i + 1;
    }
    long last_number = 0;
    size_t blank_lines = 0;
    for (size_t i = 0; i < n; i++)
        blank_lines += r->lines[i].kind == L_BLANK;
    bool blanks = blank_lines * 100 >= n;
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_TEXT)
            continue;
        const rec_line *l = &r->line[i];
        long v = 0;
        int f = rec_match_furniture(r->m, l->text, l->len, &v);
        bool furniture = false;
        if (f == REC_FURNITURE_SYMBOL) {
            /* text copied out of a viewer has no blank lines at all: there
             * a symbol or job number on its own line is furniture anyway */
            furniture = alone(r, i) || !blanks;
        } else if (f == REC_FURNITURE_PAGENO && v > 0) {
            /* the next page number in a run, or the first of one */
            if (last_number && v > last_number && v <= last_number + 3) {
                furniture = true;
            } else {
                size_t j = next_number[i];
                furniture = j && printed_value[j - 1] > v && printed_value[j - 1] <= v + 3;
            }
            if (furniture)
                last_number = v, printed[i] = v;
        }
        if (furniture)
            li->kind = L_FURNITURE;
    }
    /* a running head: short, alone between blanks, no sentence or note of
     * its own, recurring a page apart; and, without form feeds to say where
     * pages end, carrying its page number ("12 | HUMAN RIGHTS WATCH") or
     * standing by other furniture (a report's own sub-headings recur too) */
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_TEXT)
            continue;
        const char *t = r->line[i].text;
        char last = t[li->b - 1];
        if (li->b - li->a > 80 || !alone(r, i) || strchr(".;:,]", last) || !furniture_key(r, i, key) ||
            count_of(p->counts, key) < 3 || letters(key) < 4 || !spread(p, i, key))
            continue;
        bool near = strchr(key, '#') != NULL;
        for (size_t j = i > 3 ? i - 3 : 0; j < n && j <= i + 3 && !near; j++)
            near = j != i && r->lines[j].kind == L_FURNITURE;
        if (near)
            li->kind = L_FURNITURE;
    }
    /* a lone page number beside other furniture */
    for (size_t i = 0; i < n; i++) {
        long v = printed_value[i];
        if (r->lines[i].kind != L_TEXT || v <= 0 || !alone(r, i))
            continue;
        bool near = false;
        for (size_t j = i > 3 ? i - 3 : 0; j < n && j <= i + 3; j++)
            near |= j != i && r->lines[j].kind == L_FURNITURE;
        if (near) {
            r->lines[i].kind = L_FURNITURE;
            printed[i] = v;
        }
    }
    /* clusters: one boundary each, numbered by what they print */
    long page = 1;
    for (size_t i = 0; i < n;) {
        if (r->lines[i].kind != L_FURNITURE) {
            i++;
            continue;
        }
        size_t end = i;
        long number = 0;
        for (size_t j = i; j < n && (r->lines[j].kind == L_FURNITURE || r->lines[j].kind == L_BLANK); j++)
            if (r->lines[j].kind == L_FURNITURE) {
                end = j;
                if (printed[j] && !number)
                    number = printed[j];
            }
        /* a number at the foot is the page ending here; at the head the
         * page beginning: the foot comes first in a cluster */
        page = number ? (end > i && printed[i] ? number + 1 : number) : page + 1;
        /* a cluster among the document's first lines, above any item or
         * header, is the head of page 1 (a UN document's symbol under
         * "United Nations"), not a break */
        size_t before = 0;
        bool body = false;
        for (size_t j = 0; j < i && before <= HEAD_LINES && !body; j++) {
            before += r->lines[j].kind != L_BLANK;
            body = r->lines[j].kind == L_ITEM || r->lines[j].kind == L_HEADER;
        }
        bool head = r->pages == 0 && before <= HEAD_LINES && !body && !(number && page > 1);
        if (head)
            page = 1;
        for (size_t j = i; j <= end; j++)
            if (r->lines[j].kind == L_FURNITURE)
                r->lines[j].page = (unsigned)page;
        if (!head)
            r->pages++;
        i = end + 1;
    }
    free(printed);
    free(printed_value);
    free(next_number);
}

void rec_read_pages(rec_reader *r)
{
    size_t n = r->nlines;
    pages p = {r, xmlHashCreate(64), false, "", 0};
    for (size_t i = 0; i < n && !p.feeds; i++)
        p.feeds = (r->lines[i].flags & LF_PAGE) != 0;
    if (p.feeds)
        title_key(&p);
    if (!p.feeds) {
        infer_boundaries(&p);
        xmlHashFree(p.counts, NULL);
        return;
    }
    /* the lines near boundaries, counted once each: what recurs there is
     * furniture */
    char key[KEY_MAX + 1];
    bool *counted = rec_xcalloc(n);
    size_t prev = 0;
    for (size_t b = 0; b < n; b++) {
        if (!(r->lines[b].flags & LF_PAGE) && b != 0)
            continue; /* the document's start is the top of page 1 */
        size_t seen = 0;
        for (size_t j = b; j < n && seen < FURNITURE; j++) {
            if (r->lines[j].kind == L_BLANK)
                continue;
            seen++;
            if (!counted[j] && candidate(&r->lines[j], true) && furniture_key(r, j, key))
                count(p.counts, key);
            counted[j] = true;
        }
        seen = 0;
        for (size_t j = b; j-- > prev && seen < FURNITURE;) {
            if (r->lines[j].kind == L_BLANK)
                continue;
            seen++;
            if (!counted[j] && candidate(&r->lines[j], true) && furniture_key(r, j, key))
                count(p.counts, key);
            counted[j] = true;
        }
        prev = b;
    }
    free(counted);
    long page = 1;
    prev = 0;
    /* the head of the first page: a document symbol or page number there
     * is furniture too (its number is the first page's) */
    size_t first_break = 0;
    while (first_break < n && !(r->lines[first_break].flags & LF_PAGE))
        first_break++;
    if (first_break > 0) {
        page = mark_boundary(&p, 0, 0, first_break, 1);
        if (page != 1)
            page = 1; /* a printed number at the top of page 1 is not a break */
    }
    for (size_t b = 0; b < n; b++) {
        if (!(r->lines[b].flags & LF_PAGE))
            continue;
        size_t next = b + 1;
        while (next < n && !(r->lines[next].flags & LF_PAGE))
            next++;
        page = mark_boundary(&p, b, prev, next, page + 1);
        r->pages++;
        prev = b;
    }
    xmlHashFree(p.counts, NULL);
}
