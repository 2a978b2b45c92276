/* SPDX-License-Identifier: MIT */
/* diff_pair.c - which old item became which new one (steps 2 and 3 of
 * diff.c): identical words first, per recipient and then across recipients
 * (a move); a UPR number in between; then similar words (a change), best
 * pairs first, among candidates that share a rare word. Linear in the
 * words, or n log n. */
#include "diff_pair.h"

#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrmap.h"
#include "util.h"

#define CHANGED_AT 0.5 /* share of words in common to call it a change */
#define MOVED_AT 0.8   /* ... when the recipient changed as well */
#define COMMON_WORD 64 /* a word in more items than this finds no candidate */
#define CANDIDATES 16  /* items sharing the most words, scored per item */
#define NUMBER_AT 0.3  /* share of words that, with the same UPR number, is a change */

/* ---- identical words ------------------------------------------------------- */

/* The key of an item for pair_identical: its interned text, or for the
 * first pass the pair (recipient, text) interned as their two pointers. */
static const char *identity(rec_differ *d, const item *it, bool same_recipient, bool add)
{
    if (!same_recipient)
        return it->text;
    char key[2 * 2 * sizeof(uintptr_t) + 2];
    snprintf(key, sizeof key, "%" PRIxPTR ":%" PRIxPTR, (uintptr_t)it->recipient, (uintptr_t)it->text);
    if (add)
        return rec_differ_intern(d, key, strlen(key));
    return (const char *)xmlDictExists(d->dict, (const xmlChar *)key, (int)strlen(key));
}

/* Pair items of identical text; same_recipient selects the first pass. The
 * unmatched new items of each key wait in a queue, in document order:
 * next[] links them, the map holds each queue's head. */
static void pair_identical(rec_differ *d, bool same_recipient)
{
    side *a = &d->s[0], *b = &d->s[1];
    rec_ptrmap heads;
    rec_ptrmap_init(&heads, b->n);
    size_t *next = rec_xmalloc((b->n + 1) * sizeof *next);
    for (size_t j = b->n; j-- > 0;) {
        if (b->v[j].match >= 0)
            continue;
        uint32_t *head = rec_ptrmap_slot(&heads, identity(d, &b->v[j], same_recipient, true), UINT32_MAX);
        next[j] = *head == UINT32_MAX ? SIZE_MAX : *head;
        *head = (uint32_t)j;
    }
    for (size_t i = 0; i < a->n; i++) {
        if (a->v[i].match >= 0)
            continue;
        const char *key = identity(d, &a->v[i], same_recipient, false);
        uint32_t *head = key ? (uint32_t *)rec_ptrmap_get(&heads, key) : NULL;
        if (!head || *head == UINT32_MAX)
            continue;
        size_t j = *head;
        *head = next[j] == SIZE_MAX ? UINT32_MAX : (uint32_t)next[j];
        a->v[i].match = (long)j;
        b->v[j].match = (long)i;
        a->v[i].how = b->v[j].how =
            same_recipient || a->v[i].recipient == b->v[j].recipient ? PAIR_SAME : PAIR_MOVED;
    }
    free(next);
    rec_ptrmap_free(&heads);
}

/* ---- similar words ------------------------------------------------------------ */

static int by_pointer(const void *x, const void *y)
{
    uintptr_t a = (uintptr_t) * (const char *const *)x, b = (uintptr_t) * (const char *const *)y;
    return a < b ? -1 : a > b;
}

/* An item's words as a sorted multiset, for the Dice coefficient. */
static const char **bag(const item *it)
{
    const char **w = rec_xmalloc((it->nwords + 1) * sizeof *w);
    if (it->nwords) {
        memcpy(w, it->words, it->nwords * sizeof *w);
        qsort(w, it->nwords, sizeof *w, by_pointer);
    }
    return w;
}

/* Dice coefficient of two sorted multisets. */
static double dice(const char **x, size_t nx, const char **y, size_t ny)
{
    if (!nx || !ny)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < nx && j < ny) {
        if (x[i] == y[j])
            common++, i++, j++;
        else if ((uintptr_t)x[i] < (uintptr_t)y[j])
            i++;
        else
            j++;
    }
    return 2.0 * (double)common / (double)(nx + ny);
}

typedef struct {
    double score;
    size_t i, j;
} candidate;

static int by_score(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

/* Items of one side that hold a word, per distinct word: postings in one
 * array (counting sort), the words' slots in a map. */
typedef struct {
    rec_ptrmap slot; /* word -> index in start[] */
    size_t *start;   /* postings of word k: item[start[k]..start[k+1]) */
    size_t *item;
} postings;

static void index_side(const side *s, const char ***bags, postings *p)
{
    rec_ptrmap_init(&p->slot, 1024);
    size_t nwords = 0, total = 0;
    for (size_t i = 0; i < s->n; i++)
        if (bags[i])
            for (size_t k = 0; k < s->v[i].nwords; k++)
                if (k == 0 || bags[i][k] != bags[i][k - 1]) {
                    uint32_t *v = rec_ptrmap_slot(&p->slot, bags[i][k], UINT32_MAX);
                    if (*v == UINT32_MAX)
                        *v = (uint32_t)nwords++;
                    total++;
                }
    p->start = rec_xcalloc((nwords + 2) * sizeof *p->start);
    p->item = rec_xmalloc((total + 1) * sizeof *p->item);
    for (size_t i = 0; i < s->n; i++)
        if (bags[i])
            for (size_t k = 0; k < s->v[i].nwords; k++)
                if (k == 0 || bags[i][k] != bags[i][k - 1])
                    p->start[*rec_ptrmap_get(&p->slot, bags[i][k]) + 2]++;
    for (size_t k = 2; k < nwords + 2; k++)
        p->start[k] += p->start[k - 1];
    for (size_t i = 0; i < s->n; i++)
        if (bags[i])
            for (size_t k = 0; k < s->v[i].nwords; k++)
                if (k == 0 || bags[i][k] != bags[i][k - 1])
                    p->item[p->start[*rec_ptrmap_get(&p->slot, bags[i][k]) + 1]++] = i;
}

static void postings_free(postings *p)
{
    rec_ptrmap_free(&p->slot);
    free(p->start);
    free(p->item);
}

/* Pairs of similar items: every candidate pair is scored, the similar ones
 * are kept. */
typedef struct {
    candidate *v;
    size_t n, cap;
    const char ***bags[2]; /* per side, per unmatched item */
    uint32_t *shared;      /* per item of the other side: words in common */
    size_t *touched;
} finder;

static void consider(finder *f, const rec_differ *d, size_t i, size_t j)
{
    const item *x = &d->s[0].v[i], *y = &d->s[1].v[j];
    /* a Dice of 0.5 needs the shorter to be a third of the longer */
    size_t lo = x->nwords < y->nwords ? x->nwords : y->nwords;
    size_t hi = x->nwords < y->nwords ? y->nwords : x->nwords;
    if (3 * lo < hi)
        return;
    double sc = dice(f->bags[0][i], x->nwords, f->bags[1][j], y->nwords);
    bool same = x->recipient == y->recipient;
    if (sc < (same ? CHANGED_AT : MOVED_AT))
        return;
    f->v = rec_grow(f->v, f->n, &f->cap, sizeof *f->v);
    f->v[f->n++] = (candidate){sc + (same ? 0.001 : 0), i, j};
}

/* Edited in place: the unmatched items of one recipient, old and new, are
 * lined up by their rank; each old item meets the new ones around its
 * place (WINDOW either side). */
#define WINDOW 8

static void near_in_place(finder *f, const rec_differ *d)
{
    rec_ptrmap rid;
    rec_ptrmap_init(&rid, d->s[0].nrecipients + 1);
    /* per recipient: its unmatched items on each side, in document order */
    size_t *start[2], *list[2], nr = 0;
    const side *sides[2] = {&d->s[0], &d->s[1]};
    for (int w = 0; w < 2; w++)
        for (size_t i = 0; i < sides[w]->n; i++) {
            uint32_t *v = rec_ptrmap_slot(&rid, sides[w]->v[i].recipient, UINT32_MAX);
            if (*v == UINT32_MAX)
                *v = (uint32_t)nr++;
        }
    for (int w = 0; w < 2; w++) {
        start[w] = rec_xcalloc((nr + 2) * sizeof *start[w]);
        list[w] = rec_xmalloc((sides[w]->n + 1) * sizeof *list[w]);
        for (size_t i = 0; i < sides[w]->n; i++)
            if (sides[w]->v[i].match < 0)
                start[w][*rec_ptrmap_get(&rid, sides[w]->v[i].recipient) + 2]++;
        for (size_t r = 2; r < nr + 2; r++)
            start[w][r] += start[w][r - 1];
        for (size_t i = 0; i < sides[w]->n; i++)
            if (sides[w]->v[i].match < 0)
                list[w][start[w][*rec_ptrmap_get(&rid, sides[w]->v[i].recipient) + 1]++] = i;
    }
    for (size_t r = 0; r < nr; r++) {
        size_t na = start[0][r + 1] - start[0][r], nb = start[1][r + 1] - start[1][r];
        for (size_t q = 0; q < na && nb; q++) {
            size_t at = q * nb / na;
            size_t from = at > WINDOW ? at - WINDOW : 0, to = at + WINDOW < nb ? at + WINDOW : nb - 1;
            for (size_t p = from; p <= to; p++)
                consider(f, d, list[0][start[0][r] + q], list[1][start[1][r] + p]);
        }
    }
    for (int w = 0; w < 2; w++) {
        free(start[w]);
        free(list[w]);
    }
    rec_ptrmap_free(&rid);
}

/* Moved or edited elsewhere: the items of the other side that share the
 * most of x's words, counting only the words found in at most COMMON_WORD
 * items there (the work is at most that per word); the CANDIDATES items
 * sharing the most are scored. */
static void sharing_words(finder *f, const rec_differ *d, int w, size_t i, const postings *p)
{
    const item *x = &d->s[w].v[i];
    const char **xbag = f->bags[w][i];
    size_t ntouched = 0;
    for (size_t k = 0; k < x->nwords; k++) {
        if (k > 0 && xbag[k] == xbag[k - 1])
            continue;
        const uint32_t *slot = rec_ptrmap_get(&p->slot, xbag[k]);
        if (!slot || p->start[*slot + 1] - p->start[*slot] > COMMON_WORD)
            continue;
        for (size_t q = p->start[*slot]; q < p->start[*slot + 1]; q++)
            if (f->shared[p->item[q]]++ == 0)
                f->touched[ntouched++] = p->item[q];
    }
    /* the CANDIDATES best by words shared (then by position): a partial
     * selection */
    for (size_t k = 0; k < ntouched && k < CANDIDATES; k++) {
        size_t best = k;
        for (size_t q = k + 1; q < ntouched; q++)
            if (f->shared[f->touched[q]] > f->shared[f->touched[best]] ||
                (f->shared[f->touched[q]] == f->shared[f->touched[best]] && f->touched[q] < f->touched[best]))
                best = q;
        size_t t = f->touched[k];
        f->touched[k] = f->touched[best];
        f->touched[best] = t;
        size_t j = f->touched[k];
        if (w == 0)
            consider(f, d, i, j);
        else
            consider(f, d, j, i);
    }
    for (size_t k = 0; k < ntouched; k++)
        f->shared[f->touched[k]] = 0;
}

/* A UPR recommendation is cited by its number: under one recipient, the
 * same number with words in common (NUMBER_AT) is one recommendation,
 * edited, however much. */
static void pair_by_number(rec_differ *d)
{
    side *a = &d->s[0], *b = &d->s[1];
    rec_ptrmap at;
    rec_ptrmap_init(&at, b->n);
    char key[2 * 2 * sizeof(uintptr_t) + 2];
    for (size_t j = 0; j < b->n; j++) {
        if (b->v[j].match >= 0 || !b->v[j].number)
            continue;
        snprintf(key, sizeof key, "%" PRIxPTR ":%" PRIxPTR, (uintptr_t)b->v[j].recipient,
                 (uintptr_t)b->v[j].number);
        uint32_t *slot = rec_ptrmap_slot(&at, rec_differ_intern(d, key, strlen(key)), UINT32_MAX);
        if (*slot == UINT32_MAX)
            *slot = (uint32_t)j; /* the first of a number */
    }
    for (size_t i = 0; i < a->n; i++) {
        item *x = &a->v[i];
        if (x->match >= 0 || !x->number)
            continue;
        snprintf(key, sizeof key, "%" PRIxPTR ":%" PRIxPTR, (uintptr_t)x->recipient, (uintptr_t)x->number);
        const char *k = (const char *)xmlDictExists(d->dict, (const xmlChar *)key, (int)strlen(key));
        uint32_t *slot = k ? (uint32_t *)rec_ptrmap_get(&at, k) : NULL;
        if (!slot || *slot == UINT32_MAX || b->v[*slot].match >= 0)
            continue;
        item *y = &b->v[*slot];
        const char **bx = bag(x), **by = bag(y);
        if (dice(bx, x->nwords, by, y->nwords) >= NUMBER_AT) {
            x->match = (long)*slot;
            y->match = (long)i;
            x->how = y->how = PAIR_CHANGED;
        }
        free(bx);
        free(by);
    }
    rec_ptrmap_free(&at);
}

static void pair_similar(rec_differ *d)
{
    finder f;
    memset(&f, 0, sizeof f);
    for (int w = 0; w < 2; w++) {
        side *s = &d->s[w];
        f.bags[w] = rec_xcalloc((s->n + 1) * sizeof *f.bags[w]);
        for (size_t i = 0; i < s->n; i++)
            if (s->v[i].match < 0)
                f.bags[w][i] = bag(&s->v[i]);
    }
    near_in_place(&f, d);
    postings p[2];
    index_side(&d->s[0], f.bags[0], &p[0]);
    index_side(&d->s[1], f.bags[1], &p[1]);
    for (int w = 0; w < 2; w++) {
        const side *other = &d->s[1 - w];
        f.shared = rec_xcalloc((other->n + 1) * sizeof *f.shared);
        f.touched = rec_xmalloc((other->n + 1) * sizeof *f.touched);
        for (size_t i = 0; i < d->s[w].n; i++)
            if (f.bags[w][i])
                sharing_words(&f, d, w, i, &p[1 - w]);
        free(f.shared);
        free(f.touched);
    }
    if (f.n > 1)
        qsort(f.v, f.n, sizeof *f.v, by_score);
    side *a = &d->s[0], *b = &d->s[1];
    for (size_t k = 0; k < f.n; k++) {
        item *x = &a->v[f.v[k].i], *y = &b->v[f.v[k].j];
        if (x->match >= 0 || y->match >= 0)
            continue;
        x->match = (long)f.v[k].j;
        y->match = (long)f.v[k].i;
        x->how = y->how = PAIR_CHANGED;
    }
    free(f.v);
    for (int w = 0; w < 2; w++) {
        postings_free(&p[w]);
        for (size_t i = 0; i < d->s[w].n; i++)
            free(f.bags[w][i]);
        free(f.bags[w]);
    }
}

void rec_differ_pair(rec_differ *d)
{
    pair_identical(d, true);
    pair_by_number(d);
    pair_identical(d, false);
    pair_similar(d);
}
