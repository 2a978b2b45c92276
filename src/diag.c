/* diag.c - diagnostics: collect, sort and print compiler-style messages. */
#include "diag.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void rec_diags_init(rec_diags *d)
{
    memset(d, 0, sizeof *d);
}

void rec_diags_clear(rec_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        free(d->v[i].message);
    free(d->v);
    rec_diags_init(d);
}

void rec_diags_add(rec_diags *d, unsigned long line, unsigned long col,
                   rec_severity sev, const char *kind, const char *fmt, ...)
{
    va_list ap;
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 8;
        d->v = rec_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    rec_diag *g = &d->v[d->n++];
    g->line = line;
    g->col = col;
    g->severity = sev;
    g->kind = kind;
    va_start(ap, fmt);
    g->message = rec_vasprintf(fmt, ap);
    va_end(ap);
    if (sev == REC_ERROR)
        d->errors++;
    else
        d->warnings++;
}

static int by_position(const void *a, const void *b)
{
    const rec_diag *x = a, *y = b;
    if (x->line != y->line)
        return x->line < y->line ? -1 : 1;
    if (x->col != y->col)
        return x->col < y->col ? -1 : 1;
    /* qsort is not stable: fall back to the order of insertion */
    return x < y ? -1 : x > y;
}

void rec_diags_sort(rec_diags *d)
{
    if (d->n < 2)
        return;
    qsort(d->v, d->n, sizeof *d->v, by_position);
    /* two validators may say the same thing about the same place */
    size_t k = 1;
    for (size_t i = 1; i < d->n; i++) {
        rec_diag *prev = &d->v[k - 1], *g = &d->v[i];
        if (g->line == prev->line && g->col == prev->col && strcmp(g->kind, prev->kind) == 0 &&
            strcmp(g->message, prev->message) == 0) {
            if (g->severity == REC_ERROR)
                d->errors--;
            else
                d->warnings--;
            free(g->message);
        } else {
            d->v[k++] = *g;
        }
    }
    d->n = k;
}

void rec_diags_promote_warnings(rec_diags *d)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->v[i].severity == REC_WARNING)
            d->v[i].severity = REC_ERROR;
    d->errors += d->warnings;
    d->warnings = 0;
}

/* Quote at most this many bytes either side of the caret: a 10 MB line is
 * not something a terminal should receive. */
#define QUOTE_WINDOW 160

static void quote_line(const rec_quote_source *src, unsigned long line,
                       unsigned long col, FILE *out)
{
    const char *p = src->bytes, *end = src->bytes + src->size;
    for (unsigned long l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl)
            return;
        p = nl + 1;
    }
    if (p >= end)
        return;
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (!eol)
        eol = end;
    if (eol > p && eol[-1] == '\r')
        eol--;
    /* find the byte where column col starts (columns count characters) */
    const char *at = p;
    for (unsigned long c = 1; c < col && at < eol; c++)
        at += rec_utf8_step(at, (size_t)(eol - at));
    const char *from = at - p > QUOTE_WINDOW ? at - QUOTE_WINDOW : p;
    while (from > p && ((unsigned char)*from & 0xC0) == 0x80)
        from--;
    const char *to = eol - at > QUOTE_WINDOW ? at + QUOTE_WINDOW : eol;
    while (to < eol && ((unsigned char)*to & 0xC0) == 0x80)
        to++;
    fputs("  ", out);
    for (const char *q = from; q < to;) {
        size_t n = rec_utf8_valid(q, (size_t)(to - q));
        unsigned char ch = (unsigned char)*q;
        /* never send control bytes or broken UTF-8 to a terminal */
        if (n == 0)
            fputc('?', out), n = 1;
        else if (n == 1 && (ch < 0x20 || ch == 0x7F))
            fputc(ch == '\t' ? '\t' : ' ', out);
        else
            fwrite(q, 1, n, out);
        q += n;
    }
    fputs("\n  ", out);
    for (const char *q = from; q < at;) {
        fputc(*q == '\t' ? '\t' : ' ', out);
        q += rec_utf8_step(q, (size_t)(at - q));
    }
    fputs("^\n", out);
}

void rec_diags_print(const rec_diags *d, const char *path,
                     const rec_quote_source *source, FILE *out)
{
    for (size_t i = 0; i < d->n; i++) {
        const rec_diag *g = &d->v[i];
        const char *sev = g->severity == REC_ERROR ? "error" : "warning";
        if (g->line && g->col)
            fprintf(out, "%s:%lu:%lu: %s: %s [%s]\n", path, g->line, g->col,
                    sev, g->message, g->kind);
        else if (g->line)
            fprintf(out, "%s:%lu: %s: %s [%s]\n", path, g->line, sev,
                    g->message, g->kind);
        else
            fprintf(out, "%s: %s: %s [%s]\n", path, sev, g->message, g->kind);
        if (source && g->line && g->col)
            quote_line(source, g->line, g->col, out);
    }
}
