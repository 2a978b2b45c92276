/* SPDX-License-Identifier: MIT */
/* report.h - diagnostics written for people and for machines:
 *   gcc     file:line:col: error: message [kind]   (quoting the line on a terminal)
 *   json    one JSON object per diagnostic per line
 *   github  GitHub Actions workflow commands (::error file=...::...)
 *   sarif   one SARIF 2.1.0 log for the whole run, a rule per kind */
#ifndef REC_REPORT_H
#define REC_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"

typedef enum { REC_REPORT_GCC, REC_REPORT_JSON, REC_REPORT_GITHUB, REC_REPORT_SARIF } rec_report_format;

/* "json" -> REC_REPORT_JSON; -1 for an unknown name. */
int rec_report_format_parse(const char *name);

/* The input's bytes, to quote the offending line (not owned). */
typedef struct {
    const char *bytes;
    size_t size;
} rec_quote_source;

/* Write path's diagnostics to out in format f. For SARIF these are result
 * objects, one per line, for rec_report_sarif_log to gather. src, when not
 * NULL, quotes source lines; color adds colours (gcc format only). */
void rec_report(rec_report_format f, FILE *out, const char *path, const rec_diags *d,
                const rec_quote_source *src, bool color);

/* Write the SARIF 2.1.0 log holding results (result lines as rec_report
 * wrote them, possibly empty). */
void rec_report_sarif_log(FILE *out, const char *results, const char *version);

/* Where one run's diagnostics go, in its one format: standard error as
 * they come, or, for SARIF, gathered until rec_reporter_close writes the
 * log that holds them all. */
typedef struct {
    rec_report_format format;
    FILE *err;     /* standard error: diagnostics (but SARIF's), summaries */
    bool color;    /* gcc: colour them */
    FILE *results; /* SARIF: the results so far; owned */
    char *text;    /* ... their bytes; owned */
    size_t len;
} rec_reporter;

void rec_reporter_open(rec_reporter *r, rec_report_format f, FILE *err);
/* The stream diagnostics are written to: SARIF's results, or err. */
FILE *rec_reporter_stream(const rec_reporter *r);
/* Write path's diagnostics (no source quoted). */
void rec_reporter_put(rec_reporter *r, const char *path, const rec_diags *d);
/* Write one error of kind about path (a file the run cannot use, an
 * output it will not write) in the run's format. */
void rec_reporter_say(rec_reporter *r, const char *path, rec_kind_id kind, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* For SARIF, write the log to err. Releases what r holds. */
void rec_reporter_close(rec_reporter *r, const char *version);

/* s as the gcc format shows it (caller frees): control and invisible
 * characters escaped (\n, \x1B, \u202E), bytes that are not UTF-8 as \xHH.
 * For every message that names a file or quotes the input. */
char *rec_escape_text(const char *s);
/* The same, written to out. */
void rec_escape_write(FILE *out, const char *s);

/* Characters that must not reach a terminal or a log as they are: C0 and
 * C1 controls, DEL and the invisible ones (rec_invisible_char). */
bool rec_char_unprintable(uint32_t c);

/* "rec2xml: " and the formatted message, escaped as rec_escape_text does
 * (it may name files), and a newline: the program's own remarks. */
void rec_say(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Write s as a JSON string literal (quotes and escapes included), valid
 * UTF-8 whatever s holds. */
void rec_json_string(FILE *out, const char *s);

#endif
