/* SPDX-License-Identifier: MIT */
/* lang.h - the words of each language the reader knows, in one table.
 *
 * Everything language-specific that the text reader matches lives in the
 * rows of rec_langs (lang.c): recipient headers, the sentences that name an
 * addressee, "State party", UPR responses, month names, paragraph numbers.
 * The fields are PCRE2 fragments; patterns.c compiles them once. Adding a
 * language means adding a row, not a branch: nothing else names a language.
 *
 * Named groups the patterns use:
 *   header   lead (the introducing words, may be empty), rest (the recipient
 *            and what follows: footnote markers, a colon)
 *   leadin   to (the addressee as written)
 *   date     d, m (month name) or mo (month number), y */
#ifndef REC_LANG_H
#define REC_LANG_H

#include <stddef.h>

#define REC_LANG_LEADINS 16

typedef struct {
    const char *code; /* BCP 47 primary subtag: "fr" */
    const char *name; /* "French", for messages */
    int rtl;          /* written right to left */

    /* A recipient header line: "Au gouvernement du Cambodge :", matched on
     * the whole line; groups lead and rest (a name may stand twice). */
    const char *header;
    /* Words that start a sentence, never a header, right after the lead
     * ("À la suite de", "A la luz de"): matched at the start of rest. */
    const char *not_header;
    /* Headers go on in lower case (or in a script without case) after the
     * lead: "Au gouvernement du Cambodge". Such a line is a header only when
     * it is short and does not end a sentence. */
    int lower_heads;

    /* Sentences that name the addressee of the list they open, matched on a
     * paragraph's joined text; group to. */
    const char *leadin[REC_LANG_LEADINS];
    /* A paragraph of a UN document that recommends (rather than notes or
     * regrets): "The Committee recommends", "The State party should". */
    const char *recommends;
    /* In a numbered paragraph that recommends, whom it addresses:
     * "recommends that the Government ...", "urges States to"; group to. */
    const char *addressee;
    /* Words that make a short heading an addressee ("Ministry of Health",
     * "Donors") where a document names its recipients without "To". */
    const char *addressees;
    /* The State party, as the UN writes it in this language (any case). */
    const char *state_party;
    /* The title of a UN report names the State: group to. */
    const char *title;
    /* The words that open the line of an item's recommending States, as
     * rec2xml prints it (stylesheets/l10n: "Recommended by:"), anchored. */
    const char *by_line;
    /* A paragraph whose subject is its addressee and whose verb says what
     * it should do: "The National Assembly should amend ...", "Donors
     * must ...", anchored at the paragraph's start; the subject is <to>.
     * Read only where a document has neither header nor list (layout.c). */
    const char *should;
    /* The heading of a table of contents, the whole line: "Contents",
     * "Table des matières" (DocBook XSL's words among them). */
    const char *contents;
    /* UPR responses named in a lead-in. */
    const char *supported, *noted, *pending;

    /* Dates: the whole line; month names by number (caseless alternations). */
    const char *date;
    const char *months[12];

    /* Articles taken off the front of a derived addressee ("the State
     * party" -> "State party"), space-separated; one ending in an
     * apostrophe takes no blank after it. */
    const char *articles;
    /* A preposition fused with the article at the front of a derived
     * addressee, written back as the article: "FROM=TO" pairs,
     * space-separated (Arabic "لل=ال": "للحكومة" -> "الحكومة"). */
    const char *contractions;

    /* Common short words, space-separated, for telling languages of one
     * script apart. */
    const char *stopwords;
} rec_lang;

extern const rec_lang rec_langs[];
extern const size_t rec_nlangs;

/* The row for a BCP 47 tag's primary subtag ("fr-CA" -> fr), or -1. */
int rec_lang_find(const char *tag);

/* The language the text is written in: the row whose script and common
 * words dominate s[0..n) (only the first 64 KB are read); English when
 * nothing tells. */
int rec_lang_detect(const char *s, size_t n);

#endif
