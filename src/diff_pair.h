/* SPDX-License-Identifier: MIT */
/* diff_pair.h - inside a --diff: the items of both versions, and the pairing
 * that decides which old item became which new one. Shared by diff.c (it
 * collects the items and reports the changes) and diff_pair.c (it pairs
 * them); nothing else looks inside a rec_differ. */
#ifndef REC_DIFF_PAIR_H
#define REC_DIFF_PAIR_H

#include <libxml/xmlstring.h>
#include <libxml/dict.h>
#include <stddef.h>

#include "diff.h"

typedef struct {
    char *id;              /* owned */
    const char *text;      /* interned: identical texts, identical pointers */
    const char *recipient; /* interned */
    const char *number;    /* interned UPR number ("110.1"), or NULL */
    const char **words;    /* interned; owned array */
    size_t nwords;
    unsigned long line;
    long match; /* index in the other side, -1 */
    int how;    /* PAIR_NONE, _SAME, _MOVED, _CHANGED */
} item;

typedef struct {
    item *v;
    size_t n, cap;
    const char **recipients; /* interned, in order of their groups */
    size_t nrecipients, rcap;
} side;

struct rec_differ {
    xmlDictPtr dict;
    side s[2]; /* old, new */
};

/* How an item was paired (item.how). */
enum { PAIR_NONE, PAIR_SAME, PAIR_MOVED, PAIR_CHANGED };

/* s[0..n) in d's dictionary: equal strings are equal pointers. */
const char *rec_differ_intern(rec_differ *d, const char *s, size_t n);

/* Pair the items of d's two sides, setting each item's match and how:
 * identical words under the same recipient, then UPR numbers, then
 * identical words anywhere (a move), then similar words (a change). */
void rec_differ_pair(rec_differ *d);

#endif
