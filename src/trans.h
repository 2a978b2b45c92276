/* SPDX-License-Identifier: MIT */
/* trans.h - inside the translation import: the entries every reader
 * appends, and the readers. Included by trans_*.c and translate.c only;
 * everyone else sees translate.h.
 *
 *   trans_read.c   picks the reader by the file's extension, checks what it read
 *   trans_csv.c    CSV as spreadsheets save it (',' ';' or tab)
 *   trans_xliff.c  XLIFF 1.2
 *   trans_po.c     gettext PO, as csv2po and xliff2po write it
 *   translate.c    applies the entries to the document */
#ifndef REC_TRANS_H
#define REC_TRANS_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "translate.h"

/* One translation as the file gave it. */
typedef struct {
    char *id, *source, *target; /* owned; source and target normalised */
    bool fuzzy;
    unsigned long line; /* where it stood in the translation file */
} rec_trans_entry;

struct rec_translation {
    rec_trans_entry *v;
    size_t n, cap;
    char *lang;     /* owned; NULL: the file does not say */
    char *path;     /* owned */
    char separator; /* a CSV's column separator; 0 otherwise */
};

/* Append an entry, taking id, source and target (malloc'd). */
void rec_trans_add(rec_translation *t, char *id, char *source, char *target, bool fuzzy, unsigned long line);

/* s without the apostrophe the CSV export puts before a cell that a
 * spreadsheet would evaluate; in place (trans_csv.c). */
char *rec_trans_unguard(char *s);

/* The readers: each appends the entries of s[0..n) to t and reports what is
 * wrong with the file into diags, at its lines; 0, or -1 when the file
 * cannot be used. The CSV and PO readers take C strings: the caller has
 * refused a NUL byte. */
int rec_trans_csv_read(rec_translation *t, const char *s, size_t n, rec_diags *diags);
int rec_trans_xliff_read(rec_translation *t, const char *s, size_t n, const char *path, rec_diags *diags);
int rec_trans_po_read(rec_translation *t, const char *s, size_t n, rec_diags *diags);

#endif
