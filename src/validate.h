/* SPDX-License-Identifier: MIT */
/* validate.h - judge a document against the schemas in schemas/.
 *
 * The schemas are the single source of the rules: RELAX NG (structure, ids,
 * references) and Schematron (the rest). They are compiled once, from the
 * copies built into the binary, and applied to every document; a compiled
 * rec_schemas is read-only and may be shared by threads. What the
 * validators report is turned into diagnostics an editor understands, at the
 * text position of the node concerned. */
#ifndef REC_VALIDATE_H
#define REC_VALIDATE_H

#include <libxml/tree.h>

#include "diag.h"

typedef struct rec_schemas rec_schemas;

/* Compile the built-in schemas. Returns NULL and sets *err (caller frees)
 * when they do not compile. Free with rec_schemas_free. */
rec_schemas *rec_schemas_load(char **err);
void rec_schemas_free(rec_schemas *s);

/* Validate doc, appending one diagnostic per problem to diags.
 * doc gets its ids registered (xmlGetID works afterwards). */
void rec_validate(const rec_schemas *s, xmlDocPtr doc, rec_diags *diags);

#endif
