/* SPDX-License-Identifier: MIT */
/* pipeline.h - one input through every stage, the same in every mode:
 *
 *   load (read, parse, validate) -> translate -> transform -> commit -> verdict
 *
 * A conversion to -o is a batch of one input and one format; --check
 * stops after the load. What the stages compile (patterns, schemas,
 * stylesheets, the translation) is compiled once per run and shared,
 * read-only, by every input and thread. */
#ifndef REC_PIPELINE_H
#define REC_PIPELINE_H

#include <stdio.h>

#include "input.h"
#include "job.h"
#include "plan.h"
#include "transform.h"
#include "translate.h"
#include "verdict.h"

typedef struct {
    const rec_job *job;
    const rec_engine *engine;
    const rec_stylesheets *sheets;      /* the formats of job->formats, compiled */
    const rec_translation *translation; /* --translation; NULL: none */
    const rec_plan *plan;               /* where the outputs go */
    int format_threads;                 /* threads that may apply one document's
                                            formats side by side (>= 1) */
} rec_pipeline;

/* Take input i of p->job through the pipeline, with the calling thread's
 * matcher m. Its diagnostics (and a translation's coverage line) are
 * written to out in the run's format; v gets its verdict. Its outputs are
 * all renamed into place, or none. */
void rec_pipeline_run(const rec_pipeline *p, rec_matcher *m, int i, FILE *out, rec_verdict *v);

/* Write in's diagnostics to out as job asks (its format; the source line
 * quoted on a terminal; standard input named <stdin>). */
void rec_pipeline_report(const rec_job *job, const rec_input *in, FILE *out);

#endif
