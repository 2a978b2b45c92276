/* SPDX-License-Identifier: MIT */
/* parse.h - the line parser: text lines -> rec2xml document tree.
 *
 * The parser is faithful, not judgmental: it writes what it read (an item
 * before any header becomes an item outside any group, a reference to an
 * undefined footnote stays a reference) and leaves judging to validation.
 * Every element it creates carries its text position (see tree.h). */
#ifndef REC_PARSE_H
#define REC_PARSE_H

#include <libxml/tree.h>

#include "diag.h"
#include "patterns.h"
#include "source.h"

/* Items nested deeper than this are kept, as siblings at this depth, with a
 * warning: no report nests that deep, and ids stay short. */
#define REC_MAX_DEPTH 50

/* Build the document for src, whose lines are split and valid. url becomes
 * doc->URL; lang the root's xml:lang. Returns a new document (caller frees
 * with xmlFreeDoc). Parser-level remarks (too-deep nesting) go to diags. */
xmlDocPtr rec_parse(const rec_source *src, rec_matcher *m, const char *url,
                    const char *lang, rec_diags *diags);

#endif
