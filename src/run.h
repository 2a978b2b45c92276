/* SPDX-License-Identifier: MIT */
/* run.h - one run of rec2xml, once its command line is a rec_job: compile
 * what the job needs once (patterns, schemas, stylesheets, a translation),
 * plan the outputs, take every input through the pipeline, and weigh the
 * verdicts into one exit status. */
#ifndef REC_RUN_H
#define REC_RUN_H

#include <stdbool.h>
#include <stdio.h>

#include "job.h"
#include "verdict.h"

/* Do what job asks. Diagnostics (in job->report's format) and summary
 * lines go to err; outputs where job->mode puts them. */
rec_exit rec_run(const rec_job *job, FILE *err);

/* Is s a BCP 47 tag as xml:lang takes it: letters, then -subtags of 1-8
 * letters or digits? (--lang, --target-lang, a translation's language) */
bool rec_language_tag(const char *s);

#endif
