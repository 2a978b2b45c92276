/* SPDX-License-Identifier: MIT */
/* patterns.h - every PCRE2 pattern of the text format, behind small named
 * matchers. The parser reads like the grammar and never calls pcre2_*.
 *
 * The patterns are compiled once per process (JIT where available) into a
 * read-only rec_patterns; each thread matches through its own rec_matcher. */
#ifndef REC_PATTERNS_H
#define REC_PATTERNS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct rec_patterns rec_patterns;
typedef struct rec_matcher rec_matcher;

/* Byte offsets into the matched line; start == end is an empty span. */
typedef struct {
    size_t start, end;
} rec_span;

/* Compile every pattern. On failure returns NULL and sets *err (caller
 * frees). The result is freed with rec_patterns_free. */
rec_patterns *rec_patterns_new(char **err);
void rec_patterns_free(rec_patterns *pats);

/* Per-thread matching state over shared patterns (which must outlive it). */
rec_matcher *rec_matcher_new(const rec_patterns *pats);
void rec_matcher_free(rec_matcher *m);

/* The lines given to matchers are valid UTF-8 (checked by the source stage). */

/* "  • text", "1. text", "(iv) text", "•" alone: marker and text (trimmed;
 * empty when the marker stands alone). */
typedef struct {
    rec_span marker, text;
} rec_item_match;
bool rec_match_item(rec_matcher *m, const char *line, size_t len, rec_item_match *out);

/* "To the Government of X [1]:" - lead ("To the") and the rest without the
 * trailing colon and blanks (footnote markers are left in the rest). */
typedef struct {
    rec_span lead, rest;
} rec_header_match;
bool rec_match_header(rec_matcher *m, const char *line, size_t len, rec_header_match *out);

/* "[3] text" starting in column 1: the label ("3") and the text (trimmed,
 * possibly empty). */
typedef struct {
    rec_span label, text;
} rec_footnote_match;
bool rec_match_footnote(rec_matcher *m, const char *line, size_t len, rec_footnote_match *out);

/* A line that is a date and nothing else; iso receives "YYYY-MM-DD". */
bool rec_match_date(rec_matcher *m, const char *line, size_t len, char iso[11]);

/* The next footnote reference "[n]" in s at or after byte from: the whole
 * marker and its label. */
bool rec_find_fnref(rec_matcher *m, const char *s, size_t len, size_t from,
                    rec_span *whole, rec_span *label);

/* Does the line's first non-blank character start a word in lower case
 * (any script)? */
bool rec_match_lowercase_start(rec_matcher *m, const char *line, size_t len);

#endif
