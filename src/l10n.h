/* SPDX-License-Identifier: MIT */
/* l10n.h - the stylesheets' message catalogue (stylesheets/l10n/LANG.xml,
 * built into the binary), for the few words the C code must write exactly
 * as the stylesheets do.
 *
 * The stylesheets write a recipient header's segment as its words, the
 * language's separator (lead.sep: a space, none in Chinese) and the
 * recipient; the translation import must compute the same source text to
 * recognise it. One catalogue serves both, so a language added there is
 * added for both. */
#ifndef REC_L10N_H
#define REC_L10N_H

/* The message key in language lang (a BCP 47 tag, of which the primary
 * subtag is looked up in en.xml's list of languages: "fr-CA" reads fr.xml),
 * or in English when the catalogue has no such message in lang, as the
 * stylesheets do; NULL when English has none either. Caller frees. */
char *rec_l10n_message(const char *lang, const char *key);

#endif
