/* SPDX-License-Identifier: MIT */
/* rules.h - the rules of schemas/ that rec2xml applies in C, where the
 * schemas' XPath would compare every footnote with the whole document:
 * the two footnote patterns of rec2xml.sch (duplicate-footnote,
 * unreferenced-footnote), which rec_schemas_load leaves out of the compiled
 * Schematron, and the references that rec2xml.rng types as IDREFs and that
 * are plain text in process (libxml2.h). tests/diagnostics.sh checks that
 * they give the verdicts xmllint's Schematron gives. */
#ifndef REC_RULES_H
#define REC_RULES_H

#include <libxml/tree.h>

#include "diag.h"

/* Every fnref names a footnote (undefined-footnote, once per footnote at
 * its first reference); no label is defined twice (duplicate-footnote);
 * every footnote is cited (unreferenced-footnote, a warning). */
void rec_rules_footnotes(xmlDocPtr doc, rec_diags *diags);

/* recipient/@from and item/@topic name an id of the document
 * (invalid-structure). Call after RELAX NG has registered doc's ids. */
void rec_rules_references(xmlDocPtr doc, rec_diags *diags);

#endif
