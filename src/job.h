/* SPDX-License-Identifier: MIT */
/* job.h - what one run of rec2xml is asked to do: its mode and the options
 * of its command line. cli.c fills it in; every later stage only reads it.
 * No state of the run lives anywhere else. */
#ifndef REC_JOB_H
#define REC_JOB_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "diff.h"
#include "input.h"
#include "report.h"
#include "terminal.h"
#include "transform.h"
#include "warnings.h"

typedef enum {
    REC_MODE_CONVERT, /* one input in one format, to -o FILE or standard output */
    REC_MODE_CHECK,   /* --check: judge every input, write nothing */
    REC_MODE_BATCH,   /* -d DIR: every input in every format asked for */
    REC_MODE_DIFF,    /* --diff OLD NEW: what changed between two versions */
} rec_mode;

typedef struct {
    rec_mode mode;
    char **inputs; /* the operands, then the names --files-from read */
    int ninputs;
    const char *output;     /* CONVERT: -o FILE; NULL or "-": standard output */
    const char *outdir;     /* BATCH: -d DIR */
    unsigned formats;       /* -t, -a: bits 1u << rec_format (one but in BATCH) */
    int jobs;               /* -j N; 0: as many as online CPUs */
    bool update;            /* -u: skip outputs as new as their input */
    bool force;             /* --force: write the outputs of invalid inputs too */
    bool quiet;             /* -q: no summary line, no progress line */
    const char *stylesheet; /* --stylesheet FILE, for the one format */
    const char **params;    /* --param: NAME, VALUE, ..., NULL; the array is owned */
    size_t nparams;
    const char *translation; /* --translation FILE (CONVERT) */
    const char *target_lang; /* --target-lang LANG */
    rec_diff_format diff_format;
    rec_color color;          /* --color */
    rec_report_format report; /* --diagnostics-format */
    rec_input_options input;  /* how inputs are read; input.warnings is &warnings */
    rec_warnings warnings;    /* -W options, --strict */
    bool caret;               /* standard error is a terminal: quote source lines */
    bool color_diags;         /* colour the diagnostics (gcc format, --color) */
    mode_t perm;              /* permission bits of new files */
} rec_job;

#endif
