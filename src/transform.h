/* SPDX-License-Identifier: MIT */
/* transform.h - XSLT: the validated document -> HTML, DocBook, CSV, text.
 *
 * Each format's stylesheet (built in, or the user's --stylesheet) is
 * compiled once per process and applied in process with libxslt, under
 * security preferences that forbid writing files, creating directories and
 * any network access. The stylesheet's xsl:output decides serialisation. */
#ifndef REC_TRANSFORM_H
#define REC_TRANSFORM_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "diag.h"
#include "output.h"

typedef enum {
    REC_FMT_XML,
    REC_FMT_HTML,
    REC_FMT_DOCBOOK,
    REC_FMT_CSV,
    REC_FMT_TEXT,
    REC_FMT_XLIFF,
    REC_FMT_COUNT
} rec_format;

/* "html" -> REC_FMT_HTML; -1 for an unknown name. */
int rec_format_parse(const char *name);
const char *rec_format_name(rec_format f);
/* The file extension of a format's outputs, without the dot ("dbk"). */
const char *rec_format_ext(rec_format f);

typedef struct rec_stylesheets rec_stylesheets;

/* An empty set of compiled stylesheets; free with rec_stylesheets_free.
 * Call rec_transform_init once per process before. */
void rec_transform_init(void);
rec_stylesheets *rec_stylesheets_new(void);
void rec_stylesheets_free(rec_stylesheets *s);

/* Compile the stylesheet for format f: the built-in one, or user_path.
 * Returns 0, or -1 with the reasons in diags (reported against the
 * stylesheet's path). */
int rec_stylesheets_load(rec_stylesheets *s, rec_format f, const char *user_path, rec_diags *diags);

/* The stylesheets of the formats in wanted (bits 1u << format), compiled
 * side by side: _start begins on a helper thread (built-in stylesheets
 * only) and returns at once; _finish compiles what is left on the calling
 * thread, waits, and frees the loader. Returns 0, or -1 with the reasons in
 * diags (in format order). Nothing else may use s in between. Call _start
 * on the main thread before any other thread starts: it also arms the
 * result documents' ID tables (see libxml2.h). */
typedef struct rec_sheet_loader rec_sheet_loader;
rec_sheet_loader *rec_stylesheets_load_start(rec_stylesheets *s, unsigned wanted, const char *user_path);
int rec_stylesheets_load_finish(rec_sheet_loader *l, rec_diags *diags);

/* Apply f's stylesheet (loaded before) to doc with string parameters
 * params (NAME, VALUE, ..., NULL; may be NULL) and serialise the result
 * into out's buffer. Problems go to diags as transform-error; returns 0 or
 * -1 (then nothing usable was written). Safe to call from several threads
 * on different documents. */
int rec_transform(const rec_stylesheets *s, rec_format f, xmlDocPtr doc, const char *const *params,
                  rec_output *out, rec_diags *diags);

#endif
