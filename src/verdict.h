/* SPDX-License-Identifier: MIT */
/* verdict.h - what became of each input, and what the run exits with: the
 * one place where verdicts become exit codes and summary lines. */
#ifndef REC_VERDICT_H
#define REC_VERDICT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "job.h"
#include "source.h"

/* Exit status, documented in --help, the README and the man page. */
typedef enum {
    REC_EXIT_OK = 0,      /* every input valid (warnings allowed) */
    REC_EXIT_INVALID = 1, /* some input invalid; its output not written */
    REC_EXIT_USAGE = 2,   /* usage, I/O or internal error */
} rec_exit;

/* One input's verdict. */
typedef struct {
    rec_status status; /* REC_OK: valid, warnings allowed; REC_INVALID: errors
                             in it, its translation or a transformation;
                             REC_IOERR: it could not be read, or an output
                             not written */
    bool up_to_date;   /* -u: every output was current; nothing was done */
    bool converted;    /* valid, and its outputs are in place */
    unsigned written;  /* files renamed into place */
    size_t errors, warnings;
} rec_verdict;

/* The exit status a verdict calls for (0, 1 or 2). */
rec_exit rec_verdict_exit(const rec_verdict *v);

/* The verdicts of a run, added up in input order. */
#define REC_TALLY_NAMED 10 /* failures the -d summary names */
typedef struct {
    size_t inputs, valid, invalid, unreadable; /* by status */
    size_t converted, current, written;
    size_t errors, warnings;
    const char *failed[REC_TALLY_NAMED]; /* the first failures' names; not owned */
    rec_exit worst;
} rec_tally;

void rec_tally_add(rec_tally *t, const char *name, const rec_verdict *v);

/* The summary of the run, as mode has it: --check's "N files checked",
 * -d's "N inputs: ..." and the failures it names; nothing for one
 * conversion. */
void rec_tally_print(const rec_tally *t, rec_mode mode, const char *outdir, FILE *err);

#endif
