/* SPDX-License-Identifier: MIT */
/* patterns.h - every PCRE2 pattern of the text format, behind small named
 * matchers. The reader reads like the grammar and never calls pcre2_*.
 *
 * The patterns are compiled once per process (JIT where available) into a
 * read-only rec_patterns: the language-independent ones (markers, footnotes)
 * and, for each row of the language table (lang.h), that language's headers,
 * lead-ins and dates. Each thread matches through its own rec_matcher. */
#ifndef REC_PATTERNS_H
#define REC_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rec_patterns rec_patterns;
typedef struct rec_matcher rec_matcher;

/* Byte offsets into the matched text; start == end is an empty span. */
typedef struct {
    size_t start, end;
} rec_span;

/* Compile every pattern. On failure returns NULL and sets *err (caller
 * frees). The result is freed with rec_patterns_free. */
rec_patterns *rec_patterns_new(char **err);
void rec_patterns_free(rec_patterns *pats);

/* The language table's patterns compile on first use; this compiles every
 * one now and says which does not (the tests run it). 0, or -1 with *err
 * set (caller frees). */
int rec_patterns_check(char **err);

/* Per-thread matching state over shared patterns (which must outlive it). */
rec_matcher *rec_matcher_new(const rec_patterns *pats);
void rec_matcher_free(rec_matcher *m);

/* The texts given to matchers are valid UTF-8 (checked by the source stage).
 * lang is a row of rec_langs. */

/* "  • text", "1. text", "110.1 text", "(iv) text", "а) text", "一、text",
 * "•" alone: the marker and the text (trimmed; empty when the marker stands
 * alone). glued: no blank between marker and text ("1.Investigate"). */
typedef struct {
    rec_span marker, text;
    bool glued;
} rec_item_match;
bool rec_match_item(rec_matcher *m, const char *line, size_t len, rec_item_match *out);

/* "To the Government of X [1]:" - lead ("To the"; empty for a Russian
 * dative header) and the rest without the trailing colon and blanks
 * (footnote markers are left in the rest). */
typedef struct {
    rec_span lead, rest;
} rec_header_match;
bool rec_match_header(rec_matcher *m, int lang, const char *line, size_t len, rec_header_match *out);

/* The header words ("Au", "To the") that start text, known to be a
 * recipient header in lang whatever its length (a translated one). */
bool rec_match_header_words(rec_matcher *m, int lang, const char *text, size_t len, rec_span *lead);

/* "[3] text" starting in column 1: the label ("3") and the text (trimmed,
 * possibly empty). */
typedef struct {
    rec_span label, text;
} rec_footnote_match;
bool rec_match_footnote(rec_matcher *m, const char *line, size_t len, rec_footnote_match *out);

/* A line that is a date and nothing else, in lang or ISO 8601; iso
 * receives "YYYY-MM-DD". */
bool rec_match_date(rec_matcher *m, int lang, const char *line, size_t len, char iso[11]);

/* The next footnote reference "[n]" in s at or after byte from: the whole
 * marker and its label. */
bool rec_find_fnref(rec_matcher *m, const char *s, size_t len, size_t from, rec_span *whole, rec_span *label);

/* Page furniture a line can be on its own: a page number (*page gets its
 * value, -1 for roman numerals) or a UN document symbol or job number. */
enum { REC_FURNITURE_NONE, REC_FURNITURE_PAGENO, REC_FURNITURE_SYMBOL };
int rec_match_furniture(rec_matcher *m, const char *line, size_t len, long *page);

/* A line of a table of contents: an entry's words, dot leaders and a page
 * ("To the Government .......... 1", "I. Introduction ..... 1-4   3"). */
bool rec_match_contents_entry(rec_matcher *m, const char *line, size_t len);
/* The line of an item's recommending States as rec2xml prints it
 * ("Recommended by: Chile; Portugal"). */
/* Does the paragraph text[0, len) start with its addressee as the subject
 * of "should" (lang.h)? The subject in *to. */
bool rec_match_should(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to);
bool rec_match_by_line(rec_matcher *m, int lang, const char *line, size_t len);
/* The heading of a table of contents in lang ("Contents", "Sommaire"). */
bool rec_match_contents_heading(rec_matcher *m, int lang, const char *line, size_t len);

/* Does the text's first non-blank character start a word in lower case
 * (any script)? */
bool rec_match_lowercase_start(rec_matcher *m, const char *line, size_t len);
/* ... in upper case? (Scripts without case are neither.) */
bool rec_match_uppercase_start(rec_matcher *m, const char *line, size_t len);
/* ... starts with a letter of a script without case (Arabic, Chinese)? */
bool rec_match_uncased_start(rec_matcher *m, const char *line, size_t len);

/* ---- whole paragraphs (their lines joined with one space) ---- */

/* A sentence that names the addressee of the list it opens: the addressee
 * as written, its leading article included. */
bool rec_match_leadin(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to);

/* A paragraph that recommends ("The Committee recommends that ...",
 * "The State party should ..."), rather than notes or regrets. */
bool rec_match_recommends(rec_matcher *m, int lang, const char *text, size_t len);

/* Whom a recommending paragraph addresses: "recommends that States ...",
 * "urges the Government of X to": the addressee as written. */
bool rec_match_addressee(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to);

/* Does a short heading name an institution or a group that recommendations
 * address ("Ministry of Health", "Donors")? */
bool rec_match_addressee_word(rec_matcher *m, int lang, const char *text, size_t len);

/* The first mention of the State party in text. */
bool rec_find_state_party(rec_matcher *m, int lang, const char *text, size_t len, rec_span *where);

/* A UN report's title that names the State ("Concluding observations on the
 * initial report of Cambodia"): the State. */
bool rec_match_title(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to);

/* The UPR response a lead-in states. */
typedef enum {
    REC_RESPONSE_NONE,
    REC_RESPONSE_SUPPORTED,
    REC_RESPONSE_NOTED,
    REC_RESPONSE_PENDING
} rec_response;
rec_response rec_match_response(rec_matcher *m, int lang, const char *text, size_t len);

#endif
