/* SPDX-License-Identifier: MIT */
/* batch.h - the inputs of a run on a pool of threads:
 *
 *   rec2xml -d OUTDIR -t html,csv FILE...   ->  OUTDIR/BASENAME.html, .csv
 *
 * Each worker takes the next input through the pipeline (pipeline.h); the
 * diagnostics are written in input order as the verdicts come in. One
 * input is a batch of one, worked on by the calling thread. */
#ifndef REC_BATCH_H
#define REC_BATCH_H

#include <stdbool.h>

#include "pipeline.h"
#include "report.h"
#include "verdict.h"

/* Run every input of p->job through p on up to jobs threads (>= 1). Each
 * input's diagnostics go to r's stream in input order; with progress, a
 * progress line is kept on r's standard error (a terminal). The verdicts
 * are added to t. */
void rec_batch_run(const rec_pipeline *p, int jobs, bool progress, rec_reporter *r, rec_tally *t);

#endif
