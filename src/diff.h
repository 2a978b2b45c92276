/* SPDX-License-Identifier: MIT */
/* diff.h - what changed in the recommendations between two versions of a
 * report, per recipient: added, removed, changed (with a word diff), moved
 * to another recipient. Re-wrapping and renumbering are not changes:
 * items are matched by their words, not by their position or id. */
#ifndef REC_DIFF_H
#define REC_DIFF_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct {
    size_t added, removed, changed, moved, unchanged;
    size_t recipients_added, recipients_removed;
} rec_diff_stats;

typedef enum { REC_DIFF_TEXT, REC_DIFF_JSON } rec_diff_format;

/* The items of both documents, collected one document at a time so that
 * each can be freed before the next is read (two 30 MB versions stay under
 * 1 GiB). which: 0 for the old document, 1 for the new. */
typedef struct rec_differ rec_differ;
rec_differ *rec_differ_new(void);
void rec_differ_add(rec_differ *d, int which, xmlDocPtr doc);
void rec_differ_free(rec_differ *d);

/* Compare what was added (valid or not) and write the changes to out as
 * text (colour when color) or one JSON object. old_name and new_name label
 * them. Fills stats; true when anything changed. Call once. */
bool rec_differ_report(rec_differ *d, const char *old_name, const char *new_name, rec_diff_format format,
                       bool color, FILE *out, rec_diff_stats *stats);

/* The same for two documents at hand. */
bool rec_diff(xmlDocPtr old_doc, xmlDocPtr new_doc, const char *old_name, const char *new_name,
              rec_diff_format format, bool color, FILE *out, rec_diff_stats *stats);

#endif
