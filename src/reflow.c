/* SPDX-License-Identifier: MIT */
/* reflow.c - lines as the page had them, before anything else is read.
 *
 * Text copied out of some viewers and web renderings runs a whole list, or
 * a whole page, into one line: "• Release … • Close … • Fund …", or
 * "1. Ratify … 2. Repeal … 3. Close …". Such a line is split before each
 * marker it holds, when it holds a run of them: two bullets standing
 * between blanks, or numbers that count up ("2." after "1.", after the end
 * of a sentence). The pieces keep their line number and their column on
 * it, so diagnostics still point into the file; a warning says the line
 * was split. (A paragraph spread one word per line needs nothing: the
 * lines of a paragraph are joined anyway.)
 *
 * pdftotext -layout sets a note's superscript number on a line of its own
 * above the text it belongs to, at its column: "    1        3" over
 * "• Release all detainees      and close the centers.". In a PDF's text
 * (form feeds), such a line of small numbers over a line of text is read
 * into it: a number past the start of the text is a reference, "[1]",
 * after the word it stands after; a number a column or two left of the
 * text is the label of a note at the foot of the page, "[1] See ...".
 * Numbers glued together ("12" over "Investigate.") that are no note's
 * label are the run of labels they can only be ([1][2]). */
#include "reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LONG_LINE 200 /* shorter lines are not run-together pages */
#define MAX_CUTS 4096
#define MAX_SUPS 8       /* superscripts a line of them holds */
#define MAX_LABEL 999999 /* labels have up to 6 digits, as "[123456]" */

/* ---- superscripts on lines of their own ----------------------------------- */

typedef struct {
    unsigned col;      /* display column */
    size_t start, end; /* the digits */
} sup_number;

/* Display column of byte i of line l (characters; a tab to the next 8). */
static unsigned column_of(const rec_line *l, size_t i)
{
    unsigned c = 0;
    for (size_t k = 0; k < i; k++) {
        unsigned char b = (unsigned char)l->text[k];
        if (b == '\t')
            c = (c / 8 + 1) * 8;
        else if (b != '\f' && (b & 0xC0) != 0x80)
            c++;
    }
    return c;
}

/* The numbers of a line that holds nothing else (1 to 6 digits each, up to
 * MAX_SUPS): their count, or 0. */
static size_t sup_numbers(const rec_line *l, sup_number *out)
{
    size_t n = 0;
    for (size_t i = 0; i < l->len;) {
        if (rec_is_blank_at(l->text, l->len, i)) {
            i += rec_blank_len(l->text, l->len, i);
            continue;
        }
        size_t k = i;
        while (k < l->len && l->text[k] >= '0' && l->text[k] <= '9')
            k++;
        if (k == i || k - i > 6 || n == MAX_SUPS || (k < l->len && !rec_is_blank_at(l->text, l->len, k)))
            return 0;
        out[n].col = column_of(l, i);
        out[n].start = i, out[n].end = k;
        n++;
        i = k;
    }
    return n;
}

static long value_of(const char *s, size_t a, size_t b)
{
    long v = 0;
    while (a < b)
        v = v * 10 + (s[a++] - '0');
    return v;
}

/* The columns where line l's text starts and ends, or false for a blank. */
static bool text_columns(const rec_line *l, unsigned *from, unsigned *to)
{
    size_t a = 0, b = l->len;
    rec_trim(l->text, l->len, &a, &b);
    if (a == b)
        return false;
    *from = column_of(l, a);
    *to = column_of(l, b);
    return true;
}

/* Do the numbers of line i stand as superscripts over line i + 1? Each is
 * past the start of its text (a reference) or, first on the line, one or
 * two columns before it (a note's label). *labels counts the labels. */
static bool over_text(const sup_number *num, size_t n, const rec_line *text, size_t *labels)
{
    unsigned from, to;
    *labels = 0;
    /* a new page under it: the number is the foot of the page before */
    if (memchr(text->text, '\f', text->len) || !text_columns(text, &from, &to))
        return false;
    for (size_t k = 0; k < n; k++) {
        if (num[k].col > from)
            continue;
        if (k == 0 && num[k].col + 8 >= from) { /* left of its note, or over it */
            (*labels)++;
            continue;
        }
        return false;
    }
    return true;
}

/* Do the digits s[a, b) stand for labels of notes, whole or split? */
static bool resolves(const char *s, size_t a, size_t b, const unsigned char *label)
{
    if (label[value_of(s, a, b)])
        return true;
    for (size_t i = a + 1; i < b; i++)
        if (s[i] != '0' && label[value_of(s, a, i)] && resolves(s, i, b, label) && value_of(s, i, b) > 0)
            return true;
    return false;
}

/* Write the label run digits s[a, b) stand for: the number itself when a
 * note has that label, else the ascending labels its digits split into
 * ("12" -> [1][2]), else the number. */
static size_t write_refs(char *o, const char *s, size_t a, size_t b, const unsigned char *label)
{
    long v = value_of(s, a, b);
    size_t n = b - a;
    if (n > 1 && !label[v]) {
        /* two or three parts, each a label, each greater than the last */
        for (size_t i = 1; i < n; i++) {
            long x = value_of(s, a, a + i), y = value_of(s, a + i, b);
            if (s[a + i] != '0' && label[x] && label[y] && y > x)
                return (size_t)sprintf(o, "[%ld][%ld]", x, y);
            for (size_t j = i + 1; j < n; j++) {
                long z = value_of(s, a + j, b);
                y = value_of(s, a + i, a + j);
                if (s[a + i] != '0' && s[a + j] != '0' && label[x] && label[y] && label[z] && x < y && y < z)
                    return (size_t)sprintf(o, "[%ld][%ld][%ld]", x, y, z);
            }
        }
    }
    return (size_t)sprintf(o, "[%ld]", v);
}

/* Line i + 1 with the superscripts of line i read into it, written at o;
 * its length. */
static size_t merge_sups(const rec_line *sup, const sup_number *num, size_t n, const rec_line *text,
                         size_t labels, const unsigned char *label, char *o)
{
    size_t a = 0, b = text->len;
    rec_trim(text->text, text->len, &a, &b);
    char *start = o;
    size_t k = 0;
    /* a form feed before the numbers or the text stays first */
    if (memchr(sup->text, '\f', sup->len))
        *o++ = '\f';
    for (size_t i = 0; i < a; i++)
        if (text->text[i] == '\f')
            *o++ = '\f';
    if (labels) {
        o += write_refs(o, sup->text, num[0].start, num[0].end, label);
        *o++ = ' ';
        k = 1;
    } else {
        /* a citation over a paragraph's first letters: glued to it, so
         * that "[1]is cited above." reads as text, not as note 1, and the
         * paragraph starts at its column */
        unsigned from = column_of(text, a);
        if (n && num[0].col <= from + 2) {
            for (unsigned c = 0; c < num[0].col && c < from; c++)
                *o++ = ' ';
            while (k < n && num[k].col <= from + 2)
                o += write_refs(o, sup->text, num[k].start, num[k].end, label), k++;
        } else {
            for (size_t i = 0; i < a; i++)
                if (text->text[i] != '\f')
                    *o++ = text->text[i];
        }
    }
    size_t i = a;
    while (i < b) {
        /* copy up to the next word's end; a reference whose column the
         * word reaches goes after it */
        size_t w = i;
        while (w < b && !rec_is_blank_at(text->text, text->len, w))
            w++;
        memcpy(o, text->text + i, w - i);
        o += w - i;
        /* a marker alone ("•" under a superscript): the reference is its
         * text, after a blank */
        unsigned char c0 = (unsigned char)text->text[i];
        if (i == a && w == b && w - i <= 4 && k < n && !((c0 | 0x20) >= 'a' && (c0 | 0x20) <= 'z') &&
            !(c0 >= '0' && c0 <= '9'))
            *o++ = ' ';
        size_t next = w;
        while (next < b && rec_is_blank_at(text->text, text->len, next))
            next += rec_blank_len(text->text, text->len, next);
        unsigned next_col = next < b ? column_of(text, next) : ~0u;
        while (k < n && num[k].col < next_col)
            o += write_refs(o, sup->text, num[k].start, num[k].end, label), k++;
        memcpy(o, text->text + w, next - w);
        o += next - w;
        i = next;
    }
    while (k < n)
        o += write_refs(o, sup->text, num[k].start, num[k].end, label), k++;
    *o = '\0';
    return (size_t)(o - start);
}

/* Read the superscript lines of a PDF's text into the lines under them:
 * r->line becomes a new array (caller frees) whose merged lines are in
 * *buffer (caller frees). */
static void read_superscripts(rec_reader *r, char **buffer)
{
    const rec_line *line = r->line;
    size_t nl = r->nlines;
    /* pdftotext -layout: form feeds, and lines set at their columns (plain
     * pdftotext starts every line in column 1, and says nothing of where
     * a number stood) */
    bool feeds = false, columns = false;
    for (size_t i = 0; i < nl && !(feeds && columns); i++) {
        feeds = feeds || memchr(line[i].text, '\f', line[i].len) != NULL;
        columns = columns || (line[i].len > 2 && line[i].text[0] == ' ' && line[i].text[1] == ' ' &&
                              line[i].text[line[i].len - 1] != ' ');
    }
    if (!feeds || !columns)
        return;
    unsigned char *label = rec_xcalloc(MAX_LABEL + 1);
    unsigned char *merge = rec_xcalloc(nl ? nl : 1);
    size_t merged = 0, bytes = 0;
    sup_number num[MAX_SUPS] = {0}; /* sup_numbers fills them; the analyzer cannot see it */
    /* the notes at the foot of a page share the column of their labels:
     * a number further right, over the start of a paragraph, cites a note
     * ("1" over "is cited above."), and a line of numbers is read only
     * when each is a note's label (a table's figures are none) */
    unsigned *label_col = rec_xmalloc((nl ? nl : 1) * sizeof *label_col);
    for (size_t i = 0; i < nl; i++) {
        size_t n = i + 1 < nl ? sup_numbers(&line[i], num) : 0;
        size_t labels;
        label_col[i] = ~0u;
        if (n && over_text(num, n, &line[i + 1], &labels)) {
            merge[i] = 1;
            if (labels)
                label_col[i] = num[0].col;
        }
    }
    unsigned page_col = ~0u;
    for (size_t i = nl; i-- > 0;) {
        if (label_col[i] != ~0u) {
            if (page_col == ~0u)
                page_col = label_col[i]; /* the page's last label */
            if (label_col[i] != page_col) {
                merge[i] = 2; /* a citation at a paragraph's start */
            } else {
                sup_numbers(&line[i], num);
                label[value_of(line[i].text, num[0].start, num[0].end)] = 1;
            }
        }
        if (memchr(line[i].text, '\f', line[i].len))
            page_col = ~0u; /* line i starts its page */
    }
    free(label_col);
    for (size_t i = 0; i < nl; i++) {
        if (!merge[i])
            continue;
        size_t n = sup_numbers(&line[i], num);
        if (!n) {
            merge[i] = 0;
            continue;
        }
        for (size_t k = merge[i] == 1 && label[value_of(line[i].text, num[0].start, num[0].end)] ? 1 : 0;
             k < n && merge[i]; k++)
            if (!resolves(line[i].text, num[k].start, num[k].end, label))
                merge[i] = 0;
        if (!merge[i] || (i && merge[i - 1])) {
            merge[i] = 0; /* numbers under numbers: not superscripts */
            continue;
        }
        merged++;
        bytes += line[i + 1].len + 4 + 24 * MAX_SUPS; /* "[123456]" or "[99][99][99]" each at most */
    }
    if (!merged) {
        free(label);
        free(merge);
        return;
    }
    rec_line *lines = rec_xmalloc(nl * sizeof *lines);
    char *buf = rec_xcalloc(bytes + 16), *o = buf; /* zeroed: see source.c on the JIT */
    size_t k = 0;
    for (size_t i = 0; i < nl; i++) {
        if (!merge[i]) {
            lines[k++] = line[i];
            continue;
        }
        size_t n = sup_numbers(&line[i], num), labels = 0;
        over_text(num, n, &line[i + 1], &labels);
        if (merge[i] == 2)
            labels = 0;
        size_t len = merge_sups(&line[i], num, n, &line[i + 1], labels, label, o);
        lines[k] = line[i + 1];
        lines[k].text = o;
        lines[k].len = len;
        k++;
        o += len + 1;
        i++;
    }
    free(label);
    free(merge);
    r->line = lines;
    r->nlines = k;
    *buffer = buf;
}

/* A bullet between blanks at s[i] (" • "): its length, or 0. */
static size_t bullet_at(const char *s, size_t i, size_t len)
{
    static const char *const bullets[] = {"\xE2\x80\xA2", "\xC2\xB7",     "\xE2\x96\xAA", "\xE2\x97\xA6",
                                          "\xE2\x97\x8F", "\xEF\x82\xB7", "\xE2\x9E\xA2", NULL};
    if (i == 0 || !rec_is_blank_at(s, len, i - 1))
        return 0;
    for (int k = 0; bullets[k]; k++) {
        size_t n = strlen(bullets[k]);
        if (i + n < len && memcmp(s + i, bullets[k], n) == 0 && rec_is_blank_at(s, len, i + n))
            return n;
    }
    return 0;
}

/* The number "N." at s[i] after a stop and a blank, before a capital: N,
 * or 0. */
static long number_at(const char *s, size_t i, size_t len)
{
    if (i < 2 || !rec_is_blank_at(s, len, i - 1) || !strchr(".;:", s[i - 2]))
        return 0;
    long v = 0;
    size_t k = i;
    while (k < len && k - i < 3 && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + (s[k++] - '0');
    if (k == i || k + 2 >= len || s[k] != '.' || s[k + 1] != ' ' || !(s[k + 2] >= 'A' && s[k + 2] <= 'Z'))
        return 0;
    return v;
}

/* Where line l would be cut: bytes where a marker starts. */
static size_t cuts_of(const rec_line *l, size_t *cut)
{
    size_t n = 0, bullets = 0;
    for (size_t i = 1; i < l->len && n < MAX_CUTS; i++)
        if (bullet_at(l->text, i, l->len))
            cut[n++] = i, bullets++;
    if (bullets >= 2)
        return n;
    /* numbers counting up from the one the line starts with, or from 1 */
    n = 0;
    long expect = 0;
    size_t a = 0;
    while (a < l->len && rec_is_blank_at(l->text, l->len, a))
        a += rec_blank_len(l->text, l->len, a);
    for (size_t k = a; k < l->len && l->text[k] >= '0' && l->text[k] <= '9' && k - a < 3; k++)
        expect = expect * 10 + (l->text[k] - '0');
    expect = expect ? expect + 1 : 1;
    for (size_t i = a + 1; i < l->len && n < MAX_CUTS; i++) {
        long v = number_at(l->text, i, l->len);
        if (v && v == expect) {
            cut[n++] = i;
            expect++;
        }
    }
    return n >= 2 ? n : 0;
}

void rec_read_reflow(rec_reader *r, char **buffers)
{
    const rec_source *src = r->src;
    r->line = src->lines;
    r->nlines = src->nlines;
    buffers[0] = buffers[1] = buffers[2] = NULL;
    rec_read_bidi(r, &buffers[2]);
    const rec_line *before = r->line;
    read_superscripts(r, &buffers[0]);
    if (r->line != before && before != src->lines)
        free((void *)before);
    const rec_line *in = r->line;
    size_t nin = r->nlines;
    size_t *cut = rec_xmalloc(MAX_CUTS * sizeof *cut);
    size_t extra = 0, bytes = 0;
    for (size_t i = 0; i < nin; i++) {
        if (in[i].len < LONG_LINE)
            continue;
        size_t n = cuts_of(&in[i], cut);
        extra += n;
        if (n)
            bytes += in[i].len + n + 1;
    }
    if (!extra) {
        free(cut);
        return;
    }
    rec_line *lines = rec_xmalloc((nin + extra) * sizeof *lines);
    char *buf = rec_xcalloc(bytes + 16), *o = buf; /* zeroed: see source.c on the JIT */
    size_t k = 0;
    for (size_t i = 0; i < nin; i++) {
        const rec_line *l = &in[i];
        size_t n = l->len >= LONG_LINE ? cuts_of(l, cut) : 0;
        if (!n) {
            lines[k++] = *l;
            continue;
        }
        rec_diags_add(r->diags, l->number, rec_line_column(l, cut[0]), REC_WARNING, REC_KIND_RUN_TOGETHER,
                      "%zu list markers stand inside this line, as a list copied onto one line has them: "
                      "the line was read as %zu lines, one from each marker",
                      n, n + 1);
        size_t from = 0;
        for (size_t c = 0; c <= n; c++) {
            size_t to = c < n ? cut[c] : l->len;
            size_t len = to - from;
            memcpy(o, l->text + from, len);
            o[len] = '\0';
            lines[k].text = o;
            lines[k].len = len;
            lines[k].number = l->number;
            lines[k].col = l->col + (unsigned long)rec_utf8_count(l->text, from);
            k++;
            o += len + 1;
            from = to;
        }
    }
    free(cut);
    if (in != src->lines)
        free((void *)in);
    r->line = lines;
    r->nlines = k;
    buffers[1] = buf;
}
