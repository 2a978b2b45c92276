/* SPDX-License-Identifier: MIT */
/* invisible.h - the invisible-character warning.
 *
 * A bidi control (U+202A-202E, U+2066-2069, U+200E/F), a zero-width
 * character (U+200B-200D, U+2060, U+FEFF) or a line or paragraph separator
 * (U+2028/2029) in a recipient or an item shows as nothing, or reorders what
 * is shown: "Pol<U+200B>ice" and "Police" become two recipients that look
 * the same in every output. One warning per recipient or item, at the text
 * line and column of the first such character; --strict makes it an error. */
#ifndef REC_INVISIBLE_H
#define REC_INVISIBLE_H

#include <libxml/tree.h>

#include "diag.h"
#include "source.h"

/* Check doc's recipients and items. src: the text doc was parsed from, with
 * its lines (columns are found there), or NULL (an XML input: the line of
 * the element). */
void rec_check_invisible(xmlDocPtr doc, const rec_source *src, rec_diags *diags);

#endif
