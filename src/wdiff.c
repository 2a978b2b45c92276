/* SPDX-License-Identifier: MIT */
/* wdiff.c - words in common: head and tail, unique anchors, Myers. */
#include "wdiff.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ptrmap.h"
#include "util.h"

/* The most edits Myers' search looks for in one stretch between anchors:
 * its cost is the stretch's length times this. */
#define COST_LIMIT 512
/* Items shorter than this (both versions together) get Myers alone: the
 * fewest edits, as a person would mark them. */
#define ANCHOR_FROM (4 * COST_LIMIT)

typedef struct {
    size_t *i, *j; /* the words in common, in order */
    size_t n, cap;
    long *vf, *vb; /* Myers' frontiers, 2 * COST_LIMIT + 3 each */
} common;

static void keep(common *c, size_t i, size_t j)
{
    if (c->n == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 64;
        c->i = rec_xrealloc(c->i, c->cap * sizeof *c->i);
        c->j = rec_xrealloc(c->j, c->cap * sizeof *c->j);
    }
    c->i[c->n] = i;
    c->j[c->n] = j;
    c->n++;
}

typedef struct {
    const char *const *a, *const *b;
} words;

/* Myers' middle snake of a[alo..ahi) and b[blo..bhi): an optimal path
 * goes through the snake (*x0,*y0)-(*x1,*y1) (relative to alo, blo).
 * Returns false when more than COST_LIMIT edits are needed. */
static bool middle_snake(const words *w, common *c, size_t alo, size_t ahi, size_t blo, size_t bhi, long *x0,
                         long *y0, long *x1, long *y1)
{
    const long n = (long)(ahi - alo), m = (long)(bhi - blo), delta = n - m;
    const bool odd = delta & 1;
    const long off = COST_LIMIT + 1;
    long *vf = c->vf, *vb = c->vb;
    vf[off + 1] = 0;
    vb[off + 1] = 0;
    for (long d = 0; d <= (n + m + 1) / 2; d++) {
        if (2 * d > COST_LIMIT)
            return false;
        for (long k = -d; k <= d; k += 2) { /* forward */
            long x = k == -d || (k != d && vf[off + k - 1] < vf[off + k + 1]) ? vf[off + k + 1]
                                                                              : vf[off + k - 1] + 1;
            long y = x - k, sx = x, sy = y;
            while (x < n && y < m && w->a[alo + (size_t)x] == w->b[blo + (size_t)y])
                x++, y++;
            vf[off + k] = x;
            long kr = delta - k; /* the same diagonal, seen from the end */
            if (odd && kr >= -(d - 1) && kr <= d - 1 && x + vb[off + kr] >= n) {
                *x0 = sx, *y0 = sy, *x1 = x, *y1 = y;
                return true;
            }
        }
        for (long k = -d; k <= d; k += 2) { /* backward, on the reversed words */
            long x = k == -d || (k != d && vb[off + k - 1] < vb[off + k + 1]) ? vb[off + k + 1]
                                                                              : vb[off + k - 1] + 1;
            long y = x - k, sx = x, sy = y;
            while (x < n && y < m && w->a[ahi - 1 - (size_t)x] == w->b[bhi - 1 - (size_t)y])
                x++, y++;
            vb[off + k] = x;
            long kf = delta - k;
            if (!odd && kf >= -d && kf <= d && x + vf[off + kf] >= n) {
                *x0 = n - x, *y0 = m - y, *x1 = n - sx, *y1 = m - sy;
                return true;
            }
        }
    }
    return false;
}

/* The words in common of a[alo..ahi) and b[blo..bhi), in order. */
static void lcs(const words *w, common *c, size_t alo, size_t ahi, size_t blo, size_t bhi)
{
    while (alo < ahi && blo < bhi && w->a[alo] == w->b[blo])
        keep(c, alo++, blo++);
    size_t tail = 0;
    while (alo < ahi - tail && blo < bhi - tail && w->a[ahi - 1 - tail] == w->b[bhi - 1 - tail])
        tail++;
    long x0, y0, x1, y1;
    if (alo < ahi - tail && blo < bhi - tail &&
        middle_snake(w, c, alo, ahi - tail, blo, bhi - tail, &x0, &y0, &x1, &y1)) {
        lcs(w, c, alo, alo + (size_t)x0, blo, blo + (size_t)y0);
        for (long k = 0; k < x1 - x0; k++)
            keep(c, alo + (size_t)(x0 + k), blo + (size_t)(y0 + k));
        lcs(w, c, alo + (size_t)x1, ahi - tail, blo + (size_t)y1, bhi - tail);
    } /* else: replaced whole (or one side is empty) */
    for (size_t k = tail; k > 0; k--)
        keep(c, ahi - k, bhi - k);
}

/* Anchors: the words found exactly once in each of a[alo..ahi) and
 * b[blo..bhi), the longest run of them in the same order in both
 * (patience sorting, O(k log k)). Their positions in *ai, *bj; returns k. */
static size_t anchors(const words *w, size_t alo, size_t ahi, size_t blo, size_t bhi, size_t **ai,
                      size_t **bj)
{
    /* per distinct word: count in a (bits 0-1), in b (bits 2-3), capped at 2 */
    rec_ptrmap seen;
    rec_ptrmap_init(&seen, ahi - alo + bhi - blo);
    size_t *pos_b = rec_xmalloc((bhi - blo + 1) * sizeof *pos_b);
    for (size_t i = alo; i < ahi; i++) {
        uint32_t *v = rec_ptrmap_slot(&seen, w->a[i], 0);
        if ((*v & 3) < 2)
            (*v)++;
    }
    for (size_t j = blo; j < bhi; j++) {
        uint32_t *v = rec_ptrmap_slot(&seen, w->b[j], 0);
        if ((*v >> 2 & 3) < 2)
            *v += 4;
        if ((*v >> 2 & 3) == 1)
            *v = (*v & 15) | (uint32_t)(j - blo) << 4; /* where it stands in b */
    }
    /* the unique pairs in a's order; the b positions to sort into piles */
    size_t k = 0;
    size_t *pa = rec_xmalloc((ahi - alo + 1) * sizeof *pa);
    for (size_t i = alo; i < ahi; i++) {
        const uint32_t *v = rec_ptrmap_get(&seen, w->a[i]);
        if ((*v & 15) == (1 | 1 << 2)) {
            pa[k] = i;
            pos_b[k] = blo + (*v >> 4);
            k++;
        }
    }
    rec_ptrmap_free(&seen);
    /* longest increasing run of pos_b: piles[t] = index of the smallest
     * tail of a run of length t+1; back[] links each to its predecessor */
    size_t *piles = rec_xmalloc((k + 1) * sizeof *piles), *back = rec_xmalloc((k + 1) * sizeof *back);
    size_t npiles = 0;
    for (size_t q = 0; q < k; q++) {
        size_t lo = 0, hi = npiles;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (pos_b[piles[mid]] < pos_b[q])
                lo = mid + 1;
            else
                hi = mid;
        }
        back[q] = lo ? piles[lo - 1] : SIZE_MAX;
        piles[lo] = q;
        if (lo == npiles)
            npiles++;
    }
    *ai = rec_xmalloc((npiles + 1) * sizeof **ai);
    *bj = rec_xmalloc((npiles + 1) * sizeof **bj);
    for (size_t t = npiles, q = npiles ? piles[npiles - 1] : SIZE_MAX; t > 0; t--, q = back[q]) {
        (*ai)[t - 1] = pa[q];
        (*bj)[t - 1] = pos_b[q];
    }
    free(piles);
    free(back);
    free(pa);
    free(pos_b);
    return npiles;
}

rec_edit *rec_word_diff(const char *const *a, size_t n, const char *const *b, size_t m, size_t *nedits)
{
    words w = {a, b};
    common c;
    memset(&c, 0, sizeof c);
    c.vf = rec_xmalloc((2 * COST_LIMIT + 3) * sizeof *c.vf);
    c.vb = rec_xmalloc((2 * COST_LIMIT + 3) * sizeof *c.vb);
    size_t head = 0, tail = 0;
    while (head < n && head < m && a[head] == b[head])
        keep(&c, head, head), head++;
    while (tail < n - head && tail < m - head && a[n - 1 - tail] == b[m - 1 - tail])
        tail++;
    if (n + m - 2 * head - 2 * tail < ANCHOR_FROM) {
        lcs(&w, &c, head, n - tail, head, m - tail);
    } else {
        size_t *ai, *bj;
        size_t k = anchors(&w, head, n - tail, head, m - tail, &ai, &bj);
        size_t pi = head, pj = head;
        for (size_t q = 0; q < k; q++) {
            lcs(&w, &c, pi, ai[q], pj, bj[q]);
            keep(&c, ai[q], bj[q]);
            pi = ai[q] + 1;
            pj = bj[q] + 1;
        }
        lcs(&w, &c, pi, n - tail, pj, m - tail);
        free(ai);
        free(bj);
    }
    for (size_t k = tail; k > 0; k--)
        keep(&c, n - k, m - k);

    rec_edit *e = rec_xmalloc((n + m + 1) * sizeof *e);
    size_t k = 0, i = 0, j = 0;
    for (size_t q = 0; q <= c.n; q++) {
        size_t ti = q < c.n ? c.i[q] : n, tj = q < c.n ? c.j[q] : m;
        while (i < ti)
            e[k++] = (rec_edit){'-', a[i++]};
        while (j < tj)
            e[k++] = (rec_edit){'+', b[j++]};
        if (q < c.n)
            e[k++] = (rec_edit){'=', a[i++]}, j++;
    }
    free(c.i);
    free(c.j);
    free(c.vf);
    free(c.vb);
    *nedits = k;
    return e;
}
