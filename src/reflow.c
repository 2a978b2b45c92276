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
 * lines of a paragraph are joined anyway.) */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

#define LONG_LINE 200 /* shorter lines are not run-together pages */
#define MAX_CUTS 4096

/* A bullet between blanks at s[i] (" • "): its length, or 0. */
static size_t bullet_at(const char *s, size_t i, size_t len)
{
    static const char *const bullets[] = {"\xE2\x80\xA2", "\xC2\xB7", "\xE2\x96\xAA", "\xE2\x97\xA6",
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

void rec_read_reflow(rec_reader *r, char **buffer)
{
    const rec_source *src = r->src;
    r->line = src->lines;
    r->nlines = src->nlines;
    *buffer = NULL;
    size_t *cut = rec_xmalloc(MAX_CUTS * sizeof *cut);
    size_t extra = 0, bytes = 0;
    for (size_t i = 0; i < src->nlines; i++) {
        if (src->lines[i].len < LONG_LINE)
            continue;
        size_t n = cuts_of(&src->lines[i], cut);
        extra += n;
        if (n)
            bytes += src->lines[i].len + n + 1;
    }
    if (!extra) {
        free(cut);
        return;
    }
    rec_line *lines = rec_xmalloc((src->nlines + extra) * sizeof *lines);
    char *buf = rec_xcalloc(bytes + 16), *o = buf; /* zeroed: see source.c on the JIT */
    size_t k = 0;
    for (size_t i = 0; i < src->nlines; i++) {
        const rec_line *l = &src->lines[i];
        size_t n = l->len >= LONG_LINE ? cuts_of(l, cut) : 0;
        if (!n) {
            lines[k++] = *l;
            continue;
        }
        rec_diags_add(r->diags, l->number, rec_line_column(l, cut[0]), REC_WARNING, "run-together",
                      "%zu list markers stand inside this line, as a list copied onto one line has them: "
                      "the line was read as %zu lines, one from each marker", n, n + 1);
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
    r->line = lines;
    r->nlines = k;
    *buffer = buf;
}
