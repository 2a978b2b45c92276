/* SPDX-License-Identifier: MIT */
/* input.h - one input, taken from bytes to a validated document.
 *
 * This is the shared path of every mode (convert, --check, batch): read the
 * file, parse it (text through the line parser, XML safely), validate it
 * with the compiled schemas, and keep the diagnostics sorted by position. */
#ifndef REC_INPUT_H
#define REC_INPUT_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "diag.h"
#include "patterns.h"
#include "source.h"
#include "validate.h"
#include "warnings.h"

/* What is compiled once per process and shared read-only by every input. */
typedef struct {
    rec_patterns *patterns;
    rec_schemas *schemas;
} rec_engine;

/* Compile patterns and schemas; on failure returns -1 with *err set (caller
 * frees). rec_engine_free releases what was compiled. */
int rec_engine_init(rec_engine *e, char **err);
void rec_engine_free(rec_engine *e);

typedef struct {
    const char *path; /* as given; not owned */
    rec_source src;   /* the bytes, for quoting in diagnostics */
    bool is_xml;
    xmlDocPtr doc;     /* owned; NULL when it could not be read or parsed */
    rec_diags diags;   /* sorted by position; an unreadable file is an
                             io-error diagnostic */
    rec_status status; /* REC_OK (warnings allowed), REC_INVALID, REC_IOERR */
} rec_input;

typedef struct {
    const char *lang;             /* language of documents made from text; NULL: detected */
    const char *layout;           /* their layout (--layout); NULL: detected */
    const char *recipient;        /* --recipient: for items no header addresses */
    const rec_warnings *warnings; /* which warnings are reported, which are
                              errors (-W, --strict); NULL: all, none */
    size_t max_size;              /* refuse a file larger than this (0: no limit) */
    bool drop_source;             /* free the text once parsed: no diagnostic will
                              quote it (in.src.bytes is NULL afterwards) */
} rec_input_options;

/* Load and validate path ("-" for standard input) into in. m is the calling
 * thread's matcher. Free with rec_input_free. */
void rec_input_load(rec_input *in, const rec_engine *e, rec_matcher *m, const char *path,
                    const rec_input_options *opts);
/* The same for bytes already in memory (a fuzzer, a test); name stands
 * for the path (".xml" at its end selects XML). The bytes are copied. */
void rec_input_load_bytes(rec_input *in, const rec_engine *e, rec_matcher *m, const char *name,
                          const char *bytes, size_t size, const rec_input_options *opts);
void rec_input_free(rec_input *in);

#endif
