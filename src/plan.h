/* SPDX-License-Identifier: MIT */
/* plan.h - where each input's outputs go, settled before any work starts:
 * -o FILE or standard output for the one input of a conversion,
 * DIR/NAME.EXT for every input and format with -d, nothing with --check.
 * Two inputs that would write the same files, and an output that would
 * overwrite an input, are refused here, so that a batch never stops half
 * way for them. */
#ifndef REC_PLAN_H
#define REC_PLAN_H

#include <stdio.h>

#include "job.h"
#include "output.h"
#include "report.h"
#include "transform.h"

typedef struct {
    const rec_job *job;
    int dirfd;    /* -d: the output directory, opened once; else -1 */
    char **stems; /* -d: per input, its outputs' name in the directory
                     without the extension ("report"); owned */
} rec_plan;

/* Plan job's outputs: with -d, make the directory when it is missing,
 * open it, and remove what a killed run left of this run's temporaries.
 * Returns 0, or -1 when something is refused (said through r, as a
 * diagnostic of the run's format): then nothing
 * may start. Free with rec_plan_free either way. */
int rec_plan_make(rec_plan *p, const rec_job *job, rec_reporter *r);
void rec_plan_free(rec_plan *p);

/* Open input i's output in format f (see rec_output_open: in the -d
 * directory only regular files are replaced). Returns NULL with *err set
 * (caller frees). */
rec_output *rec_plan_open(const rec_plan *p, int i, rec_format f, char **err);

/* -u: the formats of todo whose output is missing, or older than input i
 * (every output gets its input's mtime as it was read; rec_output_set_mtime). */
unsigned rec_plan_outdated(const rec_plan *p, int i, unsigned todo);

#endif
