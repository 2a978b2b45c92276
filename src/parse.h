/* SPDX-License-Identifier: MIT */
/* parse.h - the text reader: text lines -> rec2xml document tree.
 *
 * The reader is faithful, not judgmental: it writes what it read (an item
 * before any recipient becomes an item outside any group, a reference to
 * an undefined footnote stays a reference) and leaves judging to
 * validation. Where its reading rests on a guess it says so with a
 * warning. Every element it creates carries its text position (tree.h).
 * How it reads is in reader.h: passes over the whole document. */
#ifndef REC_PARSE_H
#define REC_PARSE_H

#include <libxml/tree.h>
#include <stdbool.h>

#include "diag.h"
#include "patterns.h"
#include "source.h"

/* Items nested deeper than this are kept, as siblings at this depth, with a
 * warning: no report nests that deep, and ids stay short. */
#define REC_MAX_DEPTH 50

typedef struct {
    const char *url;       /* doc->URL */
    const char *lang;      /* xml:lang and the language read; NULL: detected */
    const char *layout;    /* a layout name (reader.h); NULL: detected */
    const char *recipient; /* the recipient of items no header addresses, or NULL */
} rec_parse_options;

/* Is name one of the layouts the reader knows (headers, leadins, ...)? */
bool rec_parse_layout_known(const char *name);

/* Build the document for src, whose lines are split and valid. Returns a
 * new document (caller frees with xmlFreeDoc). The reader's remarks
 * (guesses, too-deep nesting) go to diags. */
xmlDocPtr rec_parse(const rec_source *src, rec_matcher *m, const rec_parse_options *opts, rec_diags *diags);

#endif
