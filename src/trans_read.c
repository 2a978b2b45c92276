/* SPDX-License-Identifier: MIT */
/* trans_read.c - read a translation file: the reader its extension names,
 * then the same checks for every format (no byte a document cannot hold). */
#include "trans.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "util.h"

void rec_trans_add(rec_translation *t, char *id, char *source, char *target, bool fuzzy, unsigned long line)
{
    t->v = rec_grow(t->v, t->n, &t->cap, sizeof *t->v);
    t->v[t->n++] = (rec_trans_entry){id, source, target, fuzzy, line};
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Is s UTF-8 text that a document can hold: no C0 but tab/LF/CR, no DEL or
 * C1 control, no U+FFFE/U+FFFF (the text reader's rule)? The parsers of CSV
 * and PO take bytes as they come. */
static bool xml_text(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_valid(s + i, n - i);
        if (len == 0)
            return false;
        uint32_t c = rec_utf8_decode(s + i, len);
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) || c == 0xFFFE ||
            c == 0xFFFF)
            return false;
        i += len;
    }
    return true;
}

static int check_text(const rec_translation *t, rec_diags *diags)
{
    int rc = 0;
    for (size_t i = 0; i < t->n; i++) {
        const rec_trans_entry *e = &t->v[i];
        if (!xml_text(e->id) || !xml_text(e->source) || !xml_text(e->target)) {
            rec_diags_add(diags, e->line, 0, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX,
                          "this entry holds bytes that are not UTF-8 or characters a document "
                          "cannot hold (control characters)");
            rc = -1;
        }
    }
    if (t->lang && !xml_text(t->lang))
        rc = -1;
    return rc;
}

/* A NUL byte in a CSV or PO file: an error at its line and column (the file
 * is cut or binary), rather than a target cut short or the rest of the file
 * dropped. */
static bool nul_byte(const char *s, size_t n, rec_diags *diags)
{
    const char *z = memchr(s, '\0', n);
    if (!z)
        return false;
    unsigned long line = 1;
    const char *start = s;
    for (const char *p = s; p < z; p++)
        if (*p == '\n')
            line++, start = p + 1;
    rec_diags_add(diags, line, (unsigned long)rec_utf8_count(start, (size_t)(z - start)) + 1, REC_ERROR,
                  REC_KIND_TRANSLATION_SYNTAX,
                  "a NUL byte: a translation file is text, and this one is cut or binary; "
                  "export it again");
    return true;
}

rec_translation *rec_translation_read_bytes(const char *name, const char *bytes, size_t size,
                                            rec_diags *diags)
{
    rec_translation *t = rec_xmalloc(sizeof *t);
    memset(t, 0, sizeof *t);
    t->path = rec_xstrdup(name);
    int rc;
    if (!(ends_with(name, ".xlf") || ends_with(name, ".xliff")) && nul_byte(bytes, size, diags))
        rc = -1; /* the readers work on C strings: a NUL would cut them short */
    else if (ends_with(name, ".csv"))
        rc = rec_trans_csv_read(t, bytes, size, diags);
    else if (ends_with(name, ".xlf") || ends_with(name, ".xliff"))
        rc = rec_trans_xliff_read(t, bytes, size, name, diags);
    else if (ends_with(name, ".po"))
        rc = rec_trans_po_read(t, bytes, size, diags);
    else {
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_TRANSLATION_UNREADABLE,
                      "a translation file ends in .csv, .xlf, .xliff or .po");
        rc = -1;
    }
    if (rc == 0)
        rc = check_text(t, diags);
    if (rc != 0) {
        rec_translation_free(t);
        return NULL;
    }
    return t;
}

rec_translation *rec_translation_read(const char *path, size_t max, rec_diags *diags)
{
    rec_source src;
    rec_source_init(&src);
    char *err = NULL;
    rec_kind_id kind = REC_KIND_IO_ERROR;
    if (rec_source_read(&src, path, max, &kind, &err) != REC_OK) {
        rec_diags_add(diags, 0, 0, REC_ERROR,
                      kind == REC_KIND_INPUT_TOO_LARGE ? kind : REC_KIND_TRANSLATION_UNREADABLE, "%s", err);
        free(err);
        return NULL;
    }
    rec_translation *t = rec_translation_read_bytes(path, src.bytes, src.size, diags);
    rec_source_free(&src);
    return t;
}

void rec_translation_free(rec_translation *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < t->n; i++) {
        free(t->v[i].id);
        free(t->v[i].source);
        free(t->v[i].target);
    }
    free(t->v);
    free(t->lang);
    free(t->path);
    free(t);
}

const char *rec_translation_lang(const rec_translation *t)
{
    return t->lang;
}

const char *rec_translation_note(const rec_translation *t)
{
    switch (t->separator) {
    case ';': return "CSV columns separated by semicolons";
    case '\t': return "CSV columns separated by tabs";
    default: return NULL;
    }
}
