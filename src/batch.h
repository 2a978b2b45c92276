/* SPDX-License-Identifier: MIT */
/* batch.h - many inputs, many formats, one process, every core.
 *
 *   rec2xml -d OUTDIR -t html,csv FILE...   ->  OUTDIR/BASENAME.html, .csv
 *
 * Schemas and stylesheets are compiled once (by the caller) and shared by
 * the workers. Each input is all or nothing: its outputs are written to
 * temporary files in OUTDIR and renamed into place only when every format
 * succeeded; an invalid input gets its diagnostics and no output. */
#ifndef REC_BATCH_H
#define REC_BATCH_H

#include <stdbool.h>
#include <stdio.h>
#include <sys/types.h>

#include "cli.h"
#include "input.h"
#include "report.h"
#include "transform.h"

typedef struct {
    const char *outdir;            /* NULL with check */
    bool check;                    /* --check: validate only, write nothing */
    unsigned formats;              /* bit (1u << rec_format) per format */
    int jobs;                      /* worker threads, >= 1 */
    bool update;                   /* skip outputs newer than their input */
    bool force;                    /* write outputs of invalid inputs too */
    bool quiet;                    /* no summary, no progress */
    bool caret;                    /* quote source lines in diagnostics */
    bool color;                    /* colour them (gcc format) */
    bool progress;                 /* a progress line on stderr (a terminal) */
    rec_input_options input;
    const char *const *params;     /* stylesheet parameters, NULL-terminated */
    mode_t mode;                   /* permission bits of new files */
    rec_report_format report;      /* how diagnostics are written */
    FILE *err;                     /* messages and (but SARIF) diagnostics */
    FILE *sarif;                   /* SARIF results, when report is SARIF */
} rec_batch_options;

/* Convert inputs[0..n) into o->outdir. Returns the worst verdict. */
rec_exit rec_batch_run(const rec_batch_options *o, char *const *inputs, int n,
                       const rec_engine *engine, const rec_stylesheets *sheets);

#endif
