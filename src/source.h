/* SPDX-License-Identifier: MIT */
/* source.h - the input text: bytes read whole, checked as UTF-8, split into
 * lines with the layout normalised for the parser.
 *
 * bytes -> lines is the first stage of the pipeline; nothing here knows about
 * recipients or items. */
#ifndef REC_SOURCE_H
#define REC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "diag.h"

typedef struct {
    const char *text;     /* the line without its end, as written (tabs and
                             form feeds kept: they are layout the parser
                             reads as blanks); NUL-terminated; owned by
                             rec_source */
    size_t len;           /* bytes in text */
    unsigned long number; /* 1-based line number */
    unsigned long col;    /* characters of the line before text: 0, or more
                             for a part of a line the reader split off */
} rec_line;

typedef struct {
    char *bytes; /* the file as read, NUL-terminated; owned */
    size_t size;
    size_t bom;      /* 3 when the file starts with a UTF-8 BOM, else 0 */
    char *norm;      /* normalised copy the lines point into; owned */
    rec_line *lines; /* owned */
    size_t nlines;
    struct timespec mtime; /* the file's, taken before it was read */
    bool has_mtime;        /* false for a pipe or a device */
} rec_source;

typedef enum { REC_OK = 0, REC_INVALID = 1, REC_IOERR = 2 } rec_status;

/* The most rec2xml reads of one file unless told otherwise
 * (--max-input-size): also what stops an endless device. */
#define REC_MAX_INPUT_DEFAULT ((size_t)256 * 1024 * 1024)

/* Read the whole of path ("-" is standard input) into src->bytes, and no
 * more than max bytes (0: no limit). On failure returns REC_IOERR, sets
 * *err to a message (caller frees) and, when kind is not NULL, *kind to
 * REC_KIND_IO_ERROR or REC_KIND_INPUT_TOO_LARGE. */
rec_status rec_source_read(rec_source *src, const char *path, size_t max, rec_kind_id *kind, char **err);

/* Check that the bytes are UTF-8 text an XML document can hold, and split
 * them into lines. Problems are reported into diags (invalid-utf8,
 * control-character); returns REC_INVALID when there were any. */
rec_status rec_source_split(rec_source *src, rec_diags *diags);

/* Free what only the parser needed (the normalised copy and the lines),
 * and the bytes too unless keep_bytes (diagnostics quote them). */
void rec_source_drop(rec_source *src, bool keep_bytes);

/* Release everything src owns; src can be reused after rec_source_init. */
void rec_source_init(rec_source *src);
void rec_source_free(rec_source *src);

/* The 1-based column of byte of l->text on its line in the file. */
unsigned long rec_line_column(const rec_line *l, size_t byte);

/* Leading whitespace of a line in display columns: tabs to the next
 * multiple of 8, NBSP and space one column, a form feed none. */
unsigned rec_line_indent(const rec_line *line);

#endif
