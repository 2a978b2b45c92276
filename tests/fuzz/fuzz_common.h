/* SPDX-License-Identifier: MIT */
/* fuzz_common.h - what every rec2xml fuzz harness shares.
 *
 * The engine (patterns, schemas) and every stylesheet that compiles are set
 * up once per process, as rec2xml does; each fuzz input then goes through
 * the same stages as in `rec2xml --force -t FORMAT`: diagnostics reported
 * in every --diagnostics-format (to /dev/null; gcc quoting the source line)
 * and the document, valid or not, written in every available format. */
#ifndef REC_FUZZ_COMMON_H
#define REC_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdio.h>

#include "input.h"
#include "report.h"
#include "transform.h"

typedef struct {
    rec_engine engine;
    rec_stylesheets *sheets;
    bool loaded[REC_FMT_COUNT]; /* formats that can be written */
    FILE *sink;                 /* /dev/null, for printed diagnostics */
} rec_fuzz_env;

/* The process-wide environment, made on the first call; aborts when the
 * engine cannot be built (that is no fuzz finding). Never freed. */
rec_fuzz_env *rec_fuzz_setup(void);

/* Write diags in every report format (gcc quoting src when not NULL, JSON,
 * GitHub, SARIF) to /dev/null. */
void rec_fuzz_report(rec_fuzz_env *env, const char *path, const rec_diags *diags,
                     const rec_quote_source *src);

/* Report in's diagnostics and, when in has a document, write it in every
 * loaded format to /dev/null (--force semantics: valid or not), after
 * rec_fuzz_check_doc. */
void rec_fuzz_finish(rec_fuzz_env *env, rec_input *in);

/* Abort when a text node or an attribute of doc holds bytes that are not
 * UTF-8 or a character XML cannot hold: every output written from it would
 * be broken. */
void rec_fuzz_check_doc(xmlDocPtr doc);

/* Write doc in every loaded format to /dev/null; problems go to diags. */
void rec_fuzz_write_all(rec_fuzz_env *env, xmlDocPtr doc, rec_diags *diags);

#endif
