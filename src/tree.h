/* SPDX-License-Identifier: MIT */
/* tree.h - facts about the document tree that every stage shares: the
 * namespace, where each node stood in the text, and the text of a segment
 * with its footnote references, as the parser builds it, the translator
 * replaces it and --diff compares it. */
#ifndef REC_TREE_H
#define REC_TREE_H

#include <libxml/hash.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#define REC_NS "urn:rec2xml:1.0"
#define REC_VERSION_ATTR "1.0"

/* Record that node came from line:col of the text. libxml2's node->line is
 * an unsigned short, so the full position is kept in node->_private (which
 * libxml2 leaves to applications); node->line gets what fits. */
void rec_pos_set(xmlNodePtr node, unsigned long line, unsigned long col);

/* Where node stood: the recorded text position, or for a parsed XML document
 * the parser's line and column 0 (unknown). */
void rec_pos_get(const xmlNode *node, unsigned long *line, unsigned long *col);

/* Give node the position from has (a node made in place of another). */
void rec_pos_copy(xmlNodePtr node, const xmlNode *from);

/* Is n an element of rec2xml's namespace named name? */
bool rec_node_is(const xmlNode *n, const char *name);

/* The text of a segment's element (a recipient, an item's text, a prose
 * paragraph, a footnote) as the exports write it: spaces normalised, each
 * fnref written [label], sub-items left out (a recipient's header words
 * are its lead attribute, not its text). Caller frees. */
char *rec_segment_text(const xmlNode *container);

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

/* A new, empty ID table sized for a document made from doc: twice the ids
 * doc has when it was validated (it has an ID table), else a bucket for
 * every other element (at least 256).  libxml2 creates its ID tables with
 * 256 buckets and grows them no further than 16,384, so a document of
 * 100,000 ids would chain them.  Owned by the caller until it becomes a
 * document's doc->ids. */
xmlHashTablePtr rec_tree_id_table(const xmlDoc *doc);

#endif
