/* SPDX-License-Identifier: MIT */
/* tree.h - facts about the document tree that every stage shares: the
 * namespace, where each node stood in the text (libxml2.h), and the text of
 * a segment with its footnote references, as the parser builds it, the
 * translator replaces it and --diff compares it. */
#ifndef REC_TREE_H
#define REC_TREE_H

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "libxml2.h" /* where each node stood: rec_pos_set, rec_pos_get */

#define REC_NS "urn:rec2xml:1.0"
#define REC_VERSION_ATTR "1.0"

/* Is n an element of rec2xml's namespace named name? */
bool rec_node_is(const xmlNode *n, const char *name);

/* The text of a segment's element (a recipient, an item's text, a prose
 * paragraph, a footnote) as the exports write it: spaces normalised, each
 * fnref written [label], sub-items left out (a recipient's header words
 * are its lead attribute, not its text). Caller frees. */
char *rec_segment_text(const xmlNode *container);

/* The text of n with spaces normalised, cut after 60 characters (with
 * "…"): what a message quotes of the document. Caller frees. */
char *rec_node_excerpt(const xmlNode *n);

/* The id of the footnote labelled label[0..n): "fn12" for "12"; for a note
 * symbol ("*", "**", "†"), which an id cannot hold, "fnx" and its rank
 * among the document's symbols (from 1). symbol: that rank, or 0 when the
 * label is no symbol. Caller frees. */
char *rec_footnote_id(const char *label, size_t n, size_t symbol);

/* A new fnref element of namespace ns that cites the footnote id and shows
 * label[0..n). Unlinked and without a position: the caller places it. */
xmlNodePtr rec_fnref_new(xmlDocPtr doc, xmlNsPtr ns, const char *id, const char *label, size_t n);

/* libxml2 indents an element's children when none of them is text: an
 * element of mixed content holding only fnrefs would gain whitespace the
 * input never had. Give each such element (under n and its siblings) an
 * empty text node first. Done once, before any stylesheet reads the tree:
 * stylesheets must not count on the first child being an element. */
void rec_tree_settle(xmlNodePtr n);

/* Add a diagnostic to d at the place in the source where node stood
 * (line 0 when node is NULL or was not read from text). */
void rec_node_diag(rec_diags *d, const xmlNode *node, rec_severity sev, rec_kind_id kind, const char *fmt,
                   ...) __attribute__((format(printf, 5, 6)));

#endif
