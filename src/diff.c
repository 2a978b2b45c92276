/* SPDX-License-Identifier: MIT */
/* diff.c - the semantic diff of two recommendation documents.
 *
 * 1. Every item of both documents, with its recipient and its words; the
 *    words and recipients are interned in one dictionary (equal words are
 *    equal pointers), and each document may be freed once collected.
 * 2. Identical words pair up first (per recipient, then across recipients:
 *    a move); renumbering and re-wrapping leave the words as they were.
 *    Between the two, a UPR recommendation keeps its number ("110.1"): under
 *    the same recipient, the same number with some words in common is the
 *    same recommendation, edited.
 * 3. What is left pairs by word similarity (a change), best pairs first.
 *    Candidates share one of their rarest words: no pair of items is
 *    compared unless it has one, so the cost follows the words, not the
 *    product of the item counts.
 * 4. The rest was added or removed.
 * Every step is linear in the words (or n log n): two identical 12 MB files,
 * 2,000 unrelated items, one item of 100,000 words, 20,000 recipients. */
#include "diff.h"

#include <inttypes.h>
#include <libxml/dict.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptrmap.h"
#include "report.h"
#include "tree.h"
#include "util.h"
#include "wdiff.h"

#define CHANGED_AT 0.5   /* share of words in common to call it a change */
#define MOVED_AT 0.8     /* ... when the recipient changed as well */
#define COMMON_WORD 64   /* a word in more items than this finds no candidate */
#define CANDIDATES 16    /* items sharing the most words, scored per item */
#define NUMBER_AT 0.3    /* share of words that, with the same UPR number, is a change */

typedef struct {
    char *id;                    /* owned */
    const char *text;            /* interned: identical texts, identical pointers */
    const char *recipient;       /* interned */
    const char *number;          /* interned UPR number ("110.1"), or NULL */
    const char **words;          /* interned; owned array */
    size_t nwords;
    unsigned long line;
    long match;                  /* index in the other side, -1 */
    int how;                     /* 0 none, 1 same, 2 moved, 3 changed */
} item;

typedef struct {
    item *v;
    size_t n, cap;
    const char **recipients;     /* interned, in order of their groups */
    size_t nrecipients, rcap;
} side;

struct rec_differ {
    xmlDictPtr dict;
    side s[2];                   /* old, new */
};

static const char *intern(rec_differ *d, const char *s, size_t n)
{
    const xmlChar *w = xmlDictLookup(d->dict, (const xmlChar *)s, (int)n);
    if (!w)
        rec_out_of_memory(n);
    return (const char *)w;
}

static void split_words(rec_differ *d, item *it)
{
    size_t cap = 0;
    it->words = NULL;
    it->nwords = 0;
    for (const char *p = it->text; *p;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p == start)
            break;
        it->words = rec_grow(it->words, it->nwords, &cap, sizeof *it->words);
        it->words[it->nwords++] = intern(d, start, (size_t)(p - start));
    }
}

/* Items and recipients under root, in document order; without recursion
 * (items nest deep). An item's recipient is its group's. */
static void collect(rec_differ *d, side *s, xmlNodePtr root)
{
    const char *none = intern(d, "", 0), *current = none;
    for (xmlNodePtr k = root ? root->children : NULL; k;) {
        if (k->parent == root)
            current = none;
        if (rec_node_is(k, "group")) {
            char *r = NULL;
            for (xmlNodePtr c = k->children; c && !r; c = c->next)
                if (rec_node_is(c, "recipient"))
                    r = rec_segment_text(c);
            s->recipients = rec_grow(s->recipients, s->nrecipients, &s->rcap, sizeof *s->recipients);
            current = r ? intern(d, r, strlen(r)) : none;
            s->recipients[s->nrecipients++] = current;
            free(r);
        } else if (rec_node_is(k, "item")) {
            s->v = rec_grow(s->v, s->n, &s->cap, sizeof *s->v);
            item *it = &s->v[s->n++];
            memset(it, 0, sizeof *it);
            xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
            it->id = rec_xstrdup(id ? (const char *)id : "");
            xmlFree(id);
            it->recipient = current;
            xmlChar *numbering = xmlGetProp(k, (const xmlChar *)"numbering");
            xmlChar *marker = xmlGetProp(k, (const xmlChar *)"marker");
            if (numbering && marker && xmlStrEqual(numbering, (const xmlChar *)"decimal"))
                it->number = intern(d, (const char *)marker, strlen((const char *)marker));
            xmlFree(numbering);
            xmlFree(marker);
            char *text = NULL;
            for (xmlNodePtr c = k->children; c && !text; c = c->next)
                if (rec_node_is(c, "text"))
                    text = rec_segment_text(c);
            it->text = text ? intern(d, text, strlen(text)) : none;
            free(text);
            unsigned long col;
            rec_pos_get(k, &it->line, &col);
            it->match = -1;
            split_words(d, it);
        }
        /* into groups and items (sub-items), never into their text */
        if ((rec_node_is(k, "group") || rec_node_is(k, "item")) && k->children) {
            k = k->children;
            continue;
        }
        while (k && !k->next)
            k = k->parent && k->parent != root ? k->parent : NULL;
        k = k ? k->next : NULL;
    }
}

rec_differ *rec_differ_new(void)
{
    rec_differ *d = rec_xcalloc(sizeof *d);
    d->dict = xmlDictCreate();
    if (!d->dict)
        rec_out_of_memory(sizeof *d);
    return d;
}

void rec_differ_add(rec_differ *d, int which, xmlDocPtr doc)
{
    collect(d, &d->s[which ? 1 : 0], xmlDocGetRootElement(doc));
}

void rec_differ_free(rec_differ *d)
{
    if (!d)
        return;
    for (int w = 0; w < 2; w++) {
        side *s = &d->s[w];
        for (size_t i = 0; i < s->n; i++) {
            free(s->v[i].id);
            free(s->v[i].words);
        }
        free(s->v);
        free(s->recipients);
    }
    xmlDictFree(d->dict);
    free(d);
}

/* ---- identical words ------------------------------------------------------- */

/* The key of an item for pair_identical: its interned text, or for the
 * first pass the pair (recipient, text) interned as their two pointers. */
static const char *identity(rec_differ *d, const item *it, bool same_recipient, bool add)
{
    if (!same_recipient)
        return it->text;
    char key[2 * 2 * sizeof(uintptr_t) + 2];
    snprintf(key, sizeof key, "%" PRIxPTR ":%" PRIxPTR, (uintptr_t)it->recipient,
             (uintptr_t)it->text);
    if (add)
        return intern(d, key, strlen(key));
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
        uint32_t *head = rec_ptrmap_slot(&heads, identity(d, &b->v[j], same_recipient, true),
                                         UINT32_MAX);
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
            same_recipient || a->v[i].recipient == b->v[j].recipient ? 1 : 2;
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
    rec_ptrmap slot;       /* word -> index in start[] */
    size_t *start;         /* postings of word k: item[start[k]..start[k+1]) */
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
    const char ***bags[2];       /* per side, per unmatched item */
    uint32_t *shared;            /* per item of the other side: words in common */
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
                (f->shared[f->touched[q]] == f->shared[f->touched[best]] &&
                 f->touched[q] < f->touched[best]))
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
        uint32_t *slot = rec_ptrmap_slot(&at, intern(d, key, strlen(key)), UINT32_MAX);
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
            x->how = y->how = 3;
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
        x->how = y->how = 3;
    }
    free(f.v);
    for (int w = 0; w < 2; w++) {
        postings_free(&p[w]);
        for (size_t i = 0; i < d->s[w].n; i++)
            free(f.bags[w][i]);
        free(f.bags[w]);
    }
}

/* ---- output ----------------------------------------------------------------------- */

typedef struct {
    FILE *out;
    bool color, json, first;
    const char *red, *green, *bold, *off;
} printer;

static void print_words(printer *pr, const item *x, const item *y)
{
    size_t n;
    rec_edit *e = rec_word_diff(x->words, x->nwords, y->words, y->nwords, &n);
    if (pr->json) {
        fputs(",\"diff\":[", pr->out);
        for (size_t k = 0; k < n; k++) {
            fprintf(pr->out, "%s{\"op\":\"%c\",\"word\":", k ? "," : "", e[k].op);
            rec_json_string(pr->out, e[k].word);
            fputc('}', pr->out);
        }
        fputc(']', pr->out);
    } else {
        for (size_t k = 0; k < n; k++) {
            fputs(k ? " " : "", pr->out);
            if (e[k].op == '=')
                fputs(e[k].word, pr->out);
            else if (e[k].op == '-')
                fprintf(pr->out, "%s[-%s-]%s", pr->red, e[k].word, pr->off);
            else
                fprintf(pr->out, "%s{+%s+}%s", pr->green, e[k].word, pr->off);
        }
    }
    free(e);
}

static void change(printer *pr, const char *type, const char *recipient, const item *x,
                   const item *y)
{
    if (pr->json) {
        fprintf(pr->out, "%s\n{\"type\":\"%s\",\"recipient\":", pr->first ? "" : ",", type);
        pr->first = false;
        rec_json_string(pr->out, recipient);
        if (x) {
            fputs(",\"old_id\":", pr->out);
            rec_json_string(pr->out, x->id);
            fprintf(pr->out, ",\"old_line\":%lu,\"old_recipient\":", x->line);
            rec_json_string(pr->out, x->recipient);
            fputs(",\"old_text\":", pr->out);
            rec_json_string(pr->out, x->text);
        }
        if (y) {
            fputs(",\"new_id\":", pr->out);
            rec_json_string(pr->out, y->id);
            fprintf(pr->out, ",\"new_line\":%lu,\"new_text\":", y->line);
            rec_json_string(pr->out, y->text);
        }
        if (x && y && strcmp(x->text, y->text))
            print_words(pr, x, y);
        fputc('}', pr->out);
        return;
    }
    const item *at = y ? y : x;
    const char *colour = !strcmp(type, "added") ? pr->green : !strcmp(type, "removed") ? pr->red : "";
    fprintf(pr->out, "  %s%-8s%s %s (line %lu)", colour, type, pr->off, at->id, at->line);
    if (x && y && strcmp(x->id, y->id))
        fprintf(pr->out, ", was %s", x->id);
    if (x && !strcmp(type, "moved"))
        fprintf(pr->out, ", from \"%s\"", x->recipient);
    fputs(": ", pr->out);
    if (x && y && strcmp(x->text, y->text))
        print_words(pr, x, y);
    else
        fputs(at->text, pr->out);
    fputc('\n', pr->out);
}

/* Recipients as small numbers: who[r] is recipient r, in the order they are
 * reported (the new document's, then those only the old one had, then no
 * recipient); in[w][r] says whether side w has it; items[w] lists each
 * side's items recipient by recipient (counting sort, document order kept). */
typedef struct {
    const char **who;
    size_t n;
    bool *in[2];
    size_t *start[2], *items[2];
} by_recipient;

static void group_items(const rec_differ *d, by_recipient *g)
{
    rec_ptrmap rid;
    rec_ptrmap_init(&rid, d->s[0].nrecipients + d->s[1].nrecipients + 1);
    size_t most = d->s[0].nrecipients + d->s[1].nrecipients + 1;
    g->who = rec_xmalloc(most * sizeof *g->who);
    g->n = 0;
    const char *none = (const char *)xmlDictLookup(d->dict, (const xmlChar *)"", 0);
    for (int pass = 0; pass < 3; pass++) {
        const side *s = &d->s[pass == 0 ? 1 : 0];
        size_t count = pass == 2 ? 1 : s->nrecipients;
        for (size_t r = 0; r < count; r++) {
            const char *who = pass == 2 ? none : s->recipients[r];
            uint32_t *v = rec_ptrmap_slot(&rid, who, UINT32_MAX);
            if (*v == UINT32_MAX) {
                *v = (uint32_t)g->n;
                g->who[g->n++] = who;
            }
        }
    }
    for (int w = 0; w < 2; w++) {
        const side *s = &d->s[w];
        g->in[w] = rec_xcalloc(g->n + 1);
        for (size_t r = 0; r < s->nrecipients; r++)
            g->in[w][*rec_ptrmap_get(&rid, s->recipients[r])] = true;
        g->start[w] = rec_xcalloc((g->n + 2) * sizeof *g->start[w]);
        g->items[w] = rec_xmalloc((s->n + 1) * sizeof *g->items[w]);
        for (size_t i = 0; i < s->n; i++)
            g->start[w][*rec_ptrmap_get(&rid, s->v[i].recipient) + 2]++;
        for (size_t r = 2; r < g->n + 2; r++)
            g->start[w][r] += g->start[w][r - 1];
        for (size_t i = 0; i < s->n; i++)
            g->items[w][g->start[w][*rec_ptrmap_get(&rid, s->v[i].recipient) + 1]++] = i;
    }
    rec_ptrmap_free(&rid);
}

static void by_recipient_free(by_recipient *g)
{
    free(g->who);
    for (int w = 0; w < 2; w++) {
        free(g->in[w]);
        free(g->start[w]);
        free(g->items[w]);
    }
}

bool rec_differ_report(rec_differ *d, const char *old_name, const char *new_name,
                       rec_diff_format format, bool color, FILE *out, rec_diff_stats *st)
{
    side *a = &d->s[0], *b = &d->s[1];
    memset(st, 0, sizeof *st);
    pair_identical(d, true);
    pair_by_number(d);
    pair_identical(d, false);
    pair_similar(d);

    printer pr = {out, color, format == REC_DIFF_JSON, true, "", "", "", ""};
    if (color && !pr.json)
        pr.red = "\033[31m", pr.green = "\033[32m", pr.bold = "\033[1m", pr.off = "\033[m";
    if (pr.json) {
        fputs("{\"old\":", out);
        rec_json_string(out, old_name);
        fputs(",\"new\":", out);
        rec_json_string(out, new_name);
        fputs(",\"changes\":[", out);
    }
    by_recipient g;
    group_items(d, &g);
    for (size_t r = 0; r < g.n; r++) {
        const char *who = g.who[r];
        bool header = false;
        for (int pass = 0; pass < 2; pass++) {
            /* new side: added, changed, moved; old side: removed */
            const side *s = pass == 0 ? b : a;
            int w = pass == 0 ? 1 : 0;
            for (size_t q = g.start[w][r]; q < g.start[w][r + 1]; q++) {
                const item *it = &s->v[g.items[w][q]];
                const char *type = NULL;
                const item *x = NULL, *y = NULL;
                if (pass == 0 && it->match < 0)
                    type = "added", y = it, st->added++;
                else if (pass == 0 && it->how == 3)
                    type = "changed", x = &a->v[it->match], y = it, st->changed++;
                else if (pass == 0 && it->how == 2)
                    type = "moved", x = &a->v[it->match], y = it, st->moved++;
                else if (pass == 1 && it->match < 0)
                    type = "removed", x = it, st->removed++;
                else if (pass == 0)
                    st->unchanged++;
                if (!type)
                    continue;
                if (!header && !pr.json) {
                    const char *status = !g.in[0][r] && *who ? " (new recipient)"
                                         : !g.in[1][r] && *who ? " (recipient removed)" : "";
                    fprintf(out, "%s%s%s%s\n", pr.bold, *who ? who : "(no recipient)", pr.off,
                            status);
                    header = true;
                }
                change(&pr, type, who, x, y);
            }
        }
        if (*who) {
            st->recipients_added += g.in[1][r] && !g.in[0][r];
            st->recipients_removed += g.in[0][r] && !g.in[1][r];
        }
    }
    by_recipient_free(&g);
    if (pr.json)
        fprintf(out, "\n],\"summary\":{\"added\":%zu,\"removed\":%zu,\"changed\":%zu,\"moved\":%zu,"
                     "\"unchanged\":%zu,\"recipients_added\":%zu,\"recipients_removed\":%zu}}\n",
                st->added, st->removed, st->changed, st->moved, st->unchanged,
                st->recipients_added, st->recipients_removed);
    return st->added || st->removed || st->changed || st->moved || st->recipients_added ||
           st->recipients_removed;
}

bool rec_diff(xmlDocPtr old_doc, xmlDocPtr new_doc, const char *old_name, const char *new_name,
              rec_diff_format format, bool color, FILE *out, rec_diff_stats *st)
{
    rec_differ *d = rec_differ_new();
    rec_differ_add(d, 0, old_doc);
    rec_differ_add(d, 1, new_doc);
    bool changed = rec_differ_report(d, old_name, new_name, format, color, out, st);
    rec_differ_free(d);
    return changed;
}
