/* SPDX-License-Identifier: MIT */
/* diag.h - diagnostics: collect, sort and print compiler-style messages.
 *
 * Every stage reports into a rec_diags list that belongs to one input; the
 * CLI prints it once the input is done, sorted by position, GNU style:
 *   input/x.txt:14:1: error: footnote [2] is defined twice (first at line 9) [duplicate-footnote]
 */
#ifndef REC_DIAG_H
#define REC_DIAG_H

#include <stdarg.h>
#include <stddef.h>

#include "kinds.h"

typedef enum { REC_WARNING = 1, REC_ERROR = 2 } rec_severity;

/* A fix-it: replace the characters [col, end_col) of line with text
 * (an insertion when col == end_col, a deletion when text is ""). */
typedef struct {
    unsigned long line, col, end_col;
    char *text; /* owned; NULL: no fix */
} rec_fix;

typedef struct {
    unsigned long line; /* 1-based; 0 = the whole file */
    unsigned long col;  /* 1-based, in characters; 0 = unknown */
    rec_severity severity;
    const char *kind; /* its kind's name (rec_kind_name), e.g. "undefined-footnote" */
    char *message;    /* owned */
    rec_fix fix;
} rec_diag;

typedef struct {
    rec_diag *v;
    size_t n, cap;
    size_t errors, warnings;
} rec_diags;

/* Initialise an empty list; rec_diags_clear frees its messages. */
void rec_diags_init(rec_diags *d);
void rec_diags_clear(rec_diags *d);

/* Append one diagnostic; the message is formatted printf-style and copied. */
void rec_diags_add(rec_diags *d, unsigned long line, unsigned long col, rec_severity sev, rec_kind_id kind,
                   const char *fmt, ...) __attribute__((format(printf, 6, 7)));

/* Attach a fix-it to the diagnostic added last (text is copied). */
void rec_diags_suggest(rec_diags *d, unsigned long line, unsigned long col, unsigned long end_col,
                       const char *text);

/* Sort by position, keeping insertion order among equals, and drop exact
 * repeats (same place, kind and message). */
void rec_diags_sort(rec_diags *d);

#endif
