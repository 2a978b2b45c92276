/* SPDX-License-Identifier: MIT */
/* gcc.c - diagnostics for people: gcc's format, colours, the quoted line. */
#include "gcc.h"

#include <string.h>

#include "kinds.h"
#include "terminal.h"
#include "util.h"

/* gcc's own colours (GCC_COLORS' defaults): the place bold, an error red,
 * a warning magenta, a note cyan, the caret green. */
typedef struct {
    const char *locus, *error, *warning, *help, *caret, *off;
} palette;

static const palette plain = {"", "", "", "", "", ""};
static const palette sgr = {"\033[01m", "\033[01;31m", "\033[01;35m", "\033[01;36m", "\033[01;32m", "\033[m"};

/* Quote at most this many bytes either side of the caret: a 10 MB line is
 * not something a terminal should receive. */
#define QUOTE_WINDOW 160

/* Tabs stop every 8 columns, as the reader counts indentation. */
#define TAB 8

static void spaces(FILE *out, unsigned n)
{
    while (n--)
        fputc(' ', out);
}

/* The start of line (1-based) in src and its end, or NULL. */
static const char *find_line(const rec_quote_source *src, unsigned long line, const char **eol)
{
    const char *p = src->bytes, *end = src->bytes + src->size;
    /* lines end as the source stage ends them: LF, CRLF or a lone CR */
    for (unsigned long l = 1; l < line && p < end; l++) {
        while (p < end && *p != '\n' && *p != '\r')
            p++;
        if (p >= end)
            return NULL;
        p += p + 1 < end && p[0] == '\r' && p[1] == '\n' ? 2 : 1;
    }
    if (p >= end)
        return NULL;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    *eol = e;
    return p;
}

/* The line, then a caret under column col (which counts characters). The
 * caret goes by the columns a terminal shows: a CJK character takes two, a
 * combining mark none, a tab runs to the next multiple of 8 (written as
 * spaces, so that both lines agree whatever the terminal's tab stops). */
static void quote_line(FILE *out, const rec_quote_source *src, unsigned long line, unsigned long col,
                       const palette *pal)
{
    const char *eol, *p = find_line(src, line, &eol);
    if (!p)
        return;
    const char *at = p;
    for (unsigned long c = 1; c < col && at < eol; c++)
        at += rec_utf8_step(at, (size_t)(eol - at));
    const char *from = at - p > QUOTE_WINDOW ? at - QUOTE_WINDOW : p;
    while (from > p && ((unsigned char)*from & 0xC0) == 0x80)
        from--;
    const char *to = eol - at > QUOTE_WINDOW ? at + QUOTE_WINDOW : eol;
    while (to < eol && ((unsigned char)*to & 0xC0) == 0x80)
        to++;
    unsigned width = 0, caret = 0;
    fputs("  ", out);
    for (const char *q = from; q < to;) {
        if (q == at)
            caret = width;
        size_t n = rec_utf8_valid(q, (size_t)(to - q));
        uint32_t c = n ? rec_utf8_decode(q, n) : 0;
        /* never send control characters (C0, DEL, C1: ESC, CSI, OSC), bidi
         * overrides or broken UTF-8 to a terminal: each shows as one column */
        if (n == 0) {
            fputc('?', out), n = 1, width++;
        } else if (c == '\t') {
            unsigned stop = (width / TAB + 1) * TAB;
            spaces(out, stop - width);
            width = stop;
        } else if (c < 0x20) {
            fputc(' ', out), width++;
        } else if (rec_char_unprintable(c)) {
            fputc('?', out), width++;
        } else {
            fwrite(q, 1, n, out);
            width += (unsigned)rec_char_width(c);
        }
        q += n;
    }
    if (at >= to)
        caret = width;
    fputs("\n  ", out);
    spaces(out, caret);
    fprintf(out, "%s^%s\n", pal->caret, pal->off);
}

void rec_report_gcc(FILE *out, const char *path, const rec_diags *d, const rec_quote_source *src, bool color)
{
    const palette *pal = color ? &sgr : &plain;
    bool helped[REC_KIND_COUNT] = {false};
    for (size_t i = 0; i < d->n; i++) {
        const rec_diag *g = &d->v[i];
        bool error = g->severity == REC_ERROR;
        const char *tint = error ? pal->error : pal->warning;
        fputs(pal->locus, out);
        rec_escape_write(out, path);
        if (g->line && g->col)
            fprintf(out, ":%lu:%lu:", g->line, g->col);
        else if (g->line)
            fprintf(out, ":%lu:", g->line);
        else
            fputc(':', out);
        fprintf(out, "%s %s%s:%s ", pal->off, tint, error ? "error" : "warning", pal->off);
        rec_escape_write(out, g->message);
        fprintf(out, " [%s%s%s]\n", tint, g->kind, pal->off);
        if (src && g->line && g->col)
            quote_line(out, src, g->line, g->col, pal);
        /* what to do about it, once per kind and file: the same sentence
         * under each of forty hyphens would bury the diagnostics */
        int k = rec_kind_index(g->kind);
        if (k >= 0 && !helped[k]) {
            helped[k] = true;
            fprintf(out, "  %shelp:%s %s\n", pal->help, pal->off, rec_kinds[k].help);
        }
    }
}
