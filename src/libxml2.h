/* SPDX-License-Identifier: MIT */
/* libxml2.h - the one module that reaches into libxml2's and libxslt's
 * structures, for speed or for what their API does not offer. Everything
 * here was written for libxml2 2.9.14 and libxslt 1.1.35, and rests on the
 * facts below; tests/unit/check_libxml2.c checks each of them against the
 * libraries it is built with (make check), so an upgrade that breaks one
 * fails there first, not in a user's output.
 *
 *  1. Positions. node->_private is the application's: libxml2, RELAX NG,
 *     Schematron and libxslt never write it on a document's elements.
 *     node->line is an unsigned short (65535 = "more"); xmlGetLineNo finds
 *     a parsed element's real line with XML_PARSE_BIG_LINES.
 *  2. Dictionaries. A document whose doc->dict is set before its first node
 *     gets its element and attribute names from that dictionary, and
 *     xmlFreeDoc frees it. A parser context whose dict is swapped before
 *     parsing builds its document on the new one (as libxslt's own loader
 *     does, so that a stylesheet's imports share its dictionary).
 *  3. ID tables. doc->ids is an xmlHashTable of xmlID that xmlAddID fills
 *     and xmlGetID and xmlFreeDoc read, whoever created it: one made here,
 *     without a dictionary, is taken as it is. In 2.9.14 a table never grows
 *     past 16,384 buckets (and xmlAddID starts at 256), so a document of
 *     100,000 ids chains long; a table sized for the document does not.
 *  4. Result documents. libxslt creates its result document with
 *     xmlNewDoc or htmlNewDocNoDtD, which call the node-registration
 *     callback (xmlRegisterNodeDefault) of the creating thread; threads
 *     started later take xmlThrDefRegisterNodeDefault's. The result's first
 *     xmlAddID comes after that.
 *  5. Validating again. RELAX NG registers an xsd:ID attribute in doc->ids
 *     only when attr->atype is not yet XML_ATTRIBUTE_ID: after the tree
 *     changed, the table is rebuilt by freeing it and clearing atype.
 *     RELAX NG registers every IDREF in doc->refs, a list per id searched
 *     on every append (quadratic in the citations of one note): a grammar
 *     whose IDREFs are plain strings registers none.
 *  6. Schematron. Validating with XML_SCHEMATRON_OUT_ERROR (not QUIET), a
 *     failed assert's structured error carries its pattern's id in str1.
 */
#ifndef REC_LIBXML2_H
#define REC_LIBXML2_H

#include <libxml/hash.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>

/* ---- 1. positions -------------------------------------------------------- */

/* Record that node came from line:col of the text. The full position goes
 * into node->_private; node->line gets what fits. */
void rec_pos_set(xmlNodePtr node, unsigned long line, unsigned long col);

/* Where node stood: the recorded text position, or for a parsed XML
 * document the parser's line and column 0 (unknown). */
void rec_pos_get(const xmlNode *node, unsigned long *line, unsigned long *col);

/* Give node the position from has (a node made in place of another). */
void rec_pos_copy(xmlNodePtr node, const xmlNode *from);

/* ---- 2. dictionaries ----------------------------------------------------- */

/* Give doc, new and still empty, a dictionary of its own for its names:
 * one copy of "item" instead of one malloc'd per element. */
void rec_libxml2_doc_dict(xmlDocPtr doc);

/* Make ctxt, not yet parsing, build its document on dict (NULL: its own). */
void rec_libxml2_ctxt_dict(xmlParserCtxtPtr ctxt, xmlDictPtr dict);

/* ---- 3, 4. ID tables ----------------------------------------------------- */

/* A new, empty ID table sized for a document made from doc: twice the ids
 * doc has when it was validated (it has an ID table), else a bucket for
 * every other element (at least 256). Owned by the caller until it
 * becomes a document's doc->ids. */
xmlHashTablePtr rec_libxml2_id_table(const xmlDoc *doc);

/* The result documents of stylesheets get sized ID tables: _arm installs
 * the node-registration callback, once, on the main thread before any
 * other starts (it costs every later node creation a call: only when a
 * stylesheet will run). _expect, on the thread about to run a stylesheet
 * on source, prepares a table for the next document this thread creates
 * and returns it (for tests: the document that takes it owns it); _done,
 * after the run, frees it if no document took it, and says whether one
 * did. */
void rec_libxml2_result_ids_arm(void);
const xmlHashTable *rec_libxml2_result_ids_expect(const xmlDoc *source);
bool rec_libxml2_result_ids_done(void);

/* ---- 5, 6. validation ---------------------------------------------------- */

/* Make doc's ID table new and sized for doc, as before its first
 * validation: a document validated before (and changed since, by a
 * translation) holds id and reference tables that may point at freed
 * attributes. */
void rec_libxml2_ids_reset(xmlDocPtr doc);

/* Make every IDREF of the RELAX NG grammar rng (a parsed .rng document) a
 * string, so that validating registers no references; the caller checks
 * them itself. */
void rec_libxml2_plain_idrefs(xmlDocPtr rng);

#endif
