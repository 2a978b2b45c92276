/* SPDX-License-Identifier: MIT */
/* kinds.h - every diagnostic kind rec2xml reports, with the words that
 * explain it: one list (kinds.def) for the enum that the code reports
 * with, SARIF rules, the help and the man page. */
#ifndef REC_KINDS_H
#define REC_KINDS_H

#include <stddef.h>
#include <stdio.h>

/* REC_KIND_ITEM_WITHOUT_RECIPIENT, ...: the index of the kind in rec_kinds. */
typedef enum {
#define REC_KIND(id, name, level, summary, help) REC_KIND_##id,
#include "kinds.def"
#undef REC_KIND
    REC_KIND_COUNT
} rec_kind_id;

typedef struct {
    const char *name;    /* "undefined-footnote" */
    const char *level;   /* "error" or "warning": its usual severity */
    const char *summary; /* one line */
    const char *help;    /* what to do about it */
} rec_kind;

/* The table, indexed by rec_kind_id and ended by a {NULL} entry. Static
 * storage. */
extern const rec_kind rec_kinds[];

/* The name of kind k ("undefined-footnote"). Static storage. */
const char *rec_kind_name(rec_kind_id k);

/* The index of name in rec_kinds, or -1. */
int rec_kind_index(const char *name);

/* The kinds, warnings first, one per line with its summary (--help-kinds). */
void rec_kinds_print(FILE *out);

#endif
