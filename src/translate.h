/* SPDX-License-Identifier: MIT */
/* translate.h - bring a translator's CSV, XLIFF 1.2 or PO file back into
 * the document, never attaching a translation to the wrong segment.
 *
 * A segment is a recipient, an item's own text, a prose paragraph or a
 * footnote; its id is the element's (a recipient's is its group's) and its
 * source text is the text with spaces normalised and footnote references
 * written [n] - exactly the CSV's and the XLIFF's source. A translation is
 * applied only when its source is the segment's current source: by id, or,
 * when the id no longer fits (items inserted or deleted since the export),
 * by the exact source text, as a translation memory does. */
#ifndef REC_TRANSLATE_H
#define REC_TRANSLATE_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "patterns.h"

typedef struct rec_translation rec_translation;

/* Read path as CSV, XLIFF or PO by its extension (.csv, .xlf/.xliff, .po),
 * refusing a file larger than max bytes (0: no limit). Returns NULL with
 * the problems in diags (against the translation file). */
rec_translation *rec_translation_read(const char *path, size_t max, rec_diags *diags);
/* The same from memory; name gives the kind by its extension. */
rec_translation *rec_translation_read_bytes(const char *name, const char *bytes, size_t size,
                                            rec_diags *diags);
void rec_translation_free(rec_translation *t);

/* The target language the file declares (XLIFF target-language, PO
 * Language header), or NULL. Owned by t. */
const char *rec_translation_lang(const rec_translation *t);

/* What the reader guessed about the file that a user should hear (a CSV
 * whose columns are separated by semicolons or tabs), or NULL. Static. */
const char *rec_translation_note(const rec_translation *t);

typedef struct {
    size_t segments, translated, stale, missing, broken;
} rec_translation_stats;

/* Replace every segment's text in doc by its translation where one fits;
 * report stale-translation, missing-translation (warnings) and
 * translation-footnotes (error: a translation that drops or invents a
 * footnote reference) into diags at the segment's position; set xml:lang
 * to lang. A recipient's segment is its whole header ("To the Government
 * of X"): its translation is split into lead and recipient by
 * rec_translate_split_header, or becomes the recipient with an empty
 * lead.
 * Recommending States (item/@by) are segments too, one per name. */
void rec_translation_apply(const rec_translation *t, xmlDocPtr doc, const char *lang, rec_matcher *m,
                           rec_diags *diags, rec_translation_stats *stats);

/* Where a translated recipient header ends its header words and starts the
 * recipient, in language lang ("Au gouvernement du Cambodge": after "Au"):
 * true with *lead_end set, or false when it cannot tell (then the whole
 * header is the recipient, and lead is empty). The header words are the
 * reader's (lang.c), matched through m. */
bool rec_translate_split_header(rec_matcher *m, const char *lang, const char *text, size_t *lead_end);

#endif
