/* SPDX-License-Identifier: MIT */
/* kinds.h - every diagnostic kind rec2xml reports, with the words that
 * explain it: one table for SARIF rules, --help-kinds and the man page. */
#ifndef REC_KINDS_H
#define REC_KINDS_H

#include <stddef.h>
#include <stdio.h>

/* More than there are kinds: the size of tables indexed by kind. */
#define REC_KIND_MAX 64

typedef struct {
    const char *name;      /* "undefined-footnote" */
    const char *level;     /* "error" or "warning": its usual severity */
    const char *summary;   /* one line */
    const char *help;      /* what to do about it */
} rec_kind;

/* The table, ended by a {NULL} entry. Static storage. */
extern const rec_kind rec_kinds[];

/* The index of name in rec_kinds, or -1. */
int rec_kind_index(const char *name);

/* The kinds, warnings first, one per line with its summary (--help-kinds). */
void rec_kinds_print(FILE *out);

#endif
