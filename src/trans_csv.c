/* SPDX-License-Identifier: MIT */
/* trans_csv.c - read a translation in CSV (RFC 4180), as csv.xsl exports it
 * and as spreadsheets of every locale save it again: the header names the
 * columns, which commas, semicolons or tabs separate. */
#include "trans.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The CSV export neutralises a cell a spreadsheet would evaluate (one that
 * starts with = + - @, a tab or a CR) with a leading apostrophe, as OWASP
 * recommends; a cell that is apostrophes and then one of those gets one
 * more, so that the import can take exactly one off (csv.xsl, 'guard'). */
static bool evaluated(const char *s)
{
    while (*s == '\'')
        s++;
    return *s && strchr("=+-@\t\r", *s);
}

char *rec_trans_unguard(char *s)
{
    if (s[0] == '\'' && evaluated(s + 1))
        memmove(s, s + 1, strlen(s));
    return s;
}

/* One field at s[*i], ended by sep or the line: its text goes into into (NULL: read past it); *empty
 * says whether it had any. Returns 0, or -1 for a quoted field never
 * closed. */
static int csv_field(const char *s, size_t n, size_t *i, unsigned long *line, char sep, rec_buf *into,
                     bool *empty)
{
    size_t at = *i;
    *empty = true;
    if (at < n && s[at] == '"') {
        for (at++;;) {
            if (at >= n)
                return -1;
            if (s[at] == '"' && at + 1 < n && s[at + 1] == '"') {
                if (into)
                    rec_buf_put(into, "\"", 1);
                at += 2;
                *empty = false;
                continue;
            }
            if (s[at] == '"') {
                at++;
                break;
            }
            size_t from = at;
            while (at < n && s[at] != '"')
                *line += s[at++] == '\n';
            if (into)
                rec_buf_put(into, s + from, at - from);
            *empty = false;
        }
    } else {
        size_t from = at;
        while (at < n && s[at] != sep && s[at] != '\r' && s[at] != '\n')
            at++;
        if (into)
            rec_buf_put(into, s + from, at - from);
        *empty = at == from;
    }
    *i = at;
    return 0;
}

/* Rows are read one at a time and only the id, source and target cells are
 * kept: memory follows the entries, not the file (a file of 20 MB of
 * newlines took 1.7 GB when every row and field was kept). */
enum { C_ID, C_SOURCE, C_TARGET, C_COUNT };

/* The column separator of a CSV starting at s[*i]: spreadsheets write ';'
 * where the decimal mark is a comma (most of Europe, Latin America) and
 * tabs when asked for "text". Excel's own "sep=;" first line says it, and
 * is stepped over; otherwise the header line decides: of ',' ';' and tab
 * outside quotes, the most frequent (our header has seven of one, none of
 * the others), a comma when there is none. */
static char csv_separator(const char *s, size_t n, size_t *i, unsigned long *line)
{
    if (n - *i >= 5 && memcmp(s + *i, "sep=", 4) == 0 && strchr(",;\t", s[*i + 4]) &&
        (n - *i == 5 || s[*i + 5] == '\r' || s[*i + 5] == '\n')) {
        char sep = s[*i + 4];
        *i += 5;
        if (*i < n && s[*i] == '\r')
            (*i)++;
        if (*i < n && s[*i] == '\n')
            (*i)++;
        (*line)++;
        return sep;
    }
    size_t count[3] = {0, 0, 0};
    bool quoted = false;
    for (size_t k = *i; k < n && (quoted || (s[k] != '\r' && s[k] != '\n')); k++) {
        if (s[k] == '"')
            quoted = !quoted;
        else if (!quoted)
            count[0] += s[k] == ',', count[1] += s[k] == ';', count[2] += s[k] == '\t';
    }
    return count[1] > count[0] && count[1] >= count[2] ? ';' : count[2] > count[0] ? '\t' : ',';
}

int rec_trans_csv_read(rec_translation *t, const char *s, size_t n, rec_diags *diags)
{
    size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    unsigned long line = 1;
    char sep = t->separator = csv_separator(s, n, &i, &line);
    long col[C_COUNT] = {-1, -1, -1};
    rec_buf cell[C_COUNT], head = {NULL, 0, 0};
    memset(cell, 0, sizeof cell);
    bool header = true;
    size_t header_fields = 0;
    int rc = 0;
    if (i >= n) {
        rec_diags_add(diags, 1, 0, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX, "the CSV file is empty");
        return -1;
    }
    while (i < n) {
        unsigned long at = line;
        size_t k = 0;
        bool first_empty = true;
        for (;; k++) { /* one field */
            rec_buf *into = header ? &head : NULL;
            for (int c = 0; c < C_COUNT && !header; c++)
                if (col[c] == (long)k)
                    into = &cell[c];
            if (into)
                rec_buf_reset(into);
            unsigned long from = line;
            bool empty;
            if (csv_field(s, n, &i, &line, sep, into, &empty) != 0) {
                rec_diags_add(diags, from, 0, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX,
                              "a quoted CSV field is never closed");
                rc = -1;
                goto done;
            }
            if (k == 0)
                first_empty = empty;
            if (header) {
                if ((strcmp(head.s, "id") == 0 || strcmp(head.s, "location") == 0) && col[C_ID] < 0)
                    col[C_ID] = (long)k;
                else if (strcmp(head.s, "source") == 0)
                    col[C_SOURCE] = (long)k;
                else if (strcmp(head.s, "target") == 0)
                    col[C_TARGET] = (long)k;
            }
            if (i < n && s[i] == sep) {
                i++;
                continue;
            }
            if (i < n && s[i] == '\r')
                i++;
            if (i < n && s[i] == '\n')
                i++;
            line++;
            break;
        }
        size_t fields = k + 1;
        if (header) {
            /* the header says which column is which */
            header = false;
            header_fields = fields;
            if (col[C_ID] < 0 || col[C_SOURCE] < 0 || col[C_TARGET] < 0) {
                rec_diags_add(diags, 1, 0, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX,
                              "the CSV header needs 'id' (or 'location'), 'source' and 'target' "
                              "columns");
                rc = -1;
                goto done;
            }
            continue;
        }
        if (fields == 1 && first_empty)
            continue; /* a blank line */
        if ((size_t)col[C_ID] >= fields || (size_t)col[C_SOURCE] >= fields ||
            (size_t)col[C_TARGET] >= fields) {
            rec_diags_add(diags, at, 0, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX,
                          "this CSV row has %zu field%s; the header has %zu", fields, fields == 1 ? "" : "s",
                          header_fields);
            rc = -1;
            continue;
        }
        rec_trans_add(t, rec_xstrdup(cell[C_ID].s),
                      rec_trans_unguard(rec_normalize_space(cell[C_SOURCE].s, cell[C_SOURCE].n)),
                      rec_trans_unguard(rec_normalize_space(cell[C_TARGET].s, cell[C_TARGET].n)), false, at);
    }
done:
    for (int c = 0; c < C_COUNT; c++)
        free(cell[c].s);
    free(head.s);
    return rc;
}
