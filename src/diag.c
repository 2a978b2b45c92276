/* SPDX-License-Identifier: MIT */
/* diag.c - diagnostics: collect, sort and print compiler-style messages. */
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

void rec_diags_init(rec_diags *d)
{
    memset(d, 0, sizeof *d);
}

void rec_diags_clear(rec_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        free(d->v[i].message);
        free(d->v[i].fix.text);
    }
    free(d->v);
    rec_diags_init(d);
}

void rec_diags_add(rec_diags *d, unsigned long line, unsigned long col, rec_severity sev, rec_kind_id kind,
                   const char *fmt, ...)
{
    va_list ap;
    if ((unsigned)kind >= REC_KIND_COUNT) {
        fprintf(stderr, "rec2xml: internal error: no diagnostic kind %d\n", (int)kind);
        abort();
    }
    if (d->n == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 8;
        d->v = rec_xrealloc(d->v, d->cap * sizeof *d->v);
    }
    rec_diag *g = &d->v[d->n++];
    g->line = line;
    g->col = col;
    g->severity = sev;
    g->kind = rec_kind_name(kind);
    memset(&g->fix, 0, sizeof g->fix);
    va_start(ap, fmt);
    g->message = rec_vasprintf(fmt, ap);
    va_end(ap);
    if (sev == REC_ERROR)
        d->errors++;
    else
        d->warnings++;
}

void rec_diags_suggest(rec_diags *d, unsigned long line, unsigned long col, unsigned long end_col,
                       const char *text)
{
    if (!d->n)
        return;
    rec_fix *f = &d->v[d->n - 1].fix;
    free(f->text);
    f->line = line;
    f->col = col;
    f->end_col = end_col;
    f->text = rec_xstrdup(text);
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
        rec_diag *g = &d->v[i];
        /* among those kept at the same place (a few: kept in the order
         * they were said) */
        bool said = false;
        for (size_t j = k; j-- > 0 && !said && d->v[j].line == g->line && d->v[j].col == g->col;)
            said = strcmp(g->kind, d->v[j].kind) == 0 && strcmp(g->message, d->v[j].message) == 0;
        if (said) {
            if (g->severity == REC_ERROR)
                d->errors--;
            else
                d->warnings--;
            free(g->message);
            free(g->fix.text);
        } else {
            d->v[k++] = *g;
        }
    }
    d->n = k;
}
