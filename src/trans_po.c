/* SPDX-License-Identifier: MIT */
/* trans_po.c - read a translation in gettext's PO format, as csv2po and
 * xliff2po write it: msgctxt (or the #: reference) is the segment's id. */
#include "trans.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Append the C-escaped string literal at *p ("..."), advancing past it. */
static int po_string(const char **p, rec_buf *b)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != '"')
        return -1;
    for (s++; *s && *s != '"'; s++) {
        if (*s != '\\') {
            rec_buf_put(b, s, 1);
            continue;
        }
        s++;
        char c = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
        if (!c)
            return -1;
        rec_buf_put(b, &c, 1);
    }
    if (*s != '"')
        return -1;
    *p = s + 1;
    return 0;
}

typedef struct {
    rec_buf ctxt, id, str, ref;
    bool fuzzy, have_id;
    unsigned long line;
} po_entry;

static void po_flush(rec_translation *t, po_entry *e)
{
    if (e->have_id) {
        if (e->id.n == 0) {
            /* the header: "Language: fr\n" */
            const char *lang = e->str.s ? strstr(e->str.s, "Language:") : NULL;
            if (lang && !t->lang) {
                lang += 9;
                while (*lang == ' ')
                    lang++;
                size_t len = strcspn(lang, "\n ");
                if (len) {
                    t->lang = rec_xstrndup(lang, len);
                    for (char *c = t->lang; *c; c++) /* gettext's pt_BR is BCP 47's pt-BR */
                        if (*c == '_')
                            *c = '-';
                }
            }
        } else {
            const char *id = e->ctxt.n ? e->ctxt.s : e->ref.n ? e->ref.s : "";
            /* csv2po keeps the CSV export's formula apostrophe */
            rec_trans_add(t, rec_xstrdup(id), rec_trans_unguard(rec_normalize_space(e->id.s, e->id.n)),
                          rec_trans_unguard(rec_normalize_space(e->str.s ? e->str.s : "", e->str.n)),
                          e->fuzzy, e->line);
        }
    }
    free(e->ctxt.s);
    free(e->id.s);
    free(e->str.s);
    free(e->ref.s);
    memset(e, 0, sizeof *e);
}

int rec_trans_po_read(rec_translation *t, const char *s, size_t n, rec_diags *diags)
{
    char *copy = rec_xstrndup(s, n);
    po_entry e;
    memset(&e, 0, sizeof e);
    rec_buf *last = NULL;
    unsigned long line = 0;
    int rc = 0;
    for (char *p = copy, *next; p && *p; p = next) {
        line++;
        next = strchr(p, '\n');
        if (next)
            *next++ = '\0';
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        const char *q = p;
        /* comments and blank lines come before their entry: they end the
         * one before */
        if ((q[0] == '#' || q[0] == '\0') && e.have_id) {
            po_flush(t, &e);
            last = NULL;
        }
        if (q[0] == '#') {
            if (q[1] == ',' && strstr(q, "fuzzy"))
                e.fuzzy = true;
            else if (q[1] == ':' && e.ref.n == 0) {
                q += 2;
                while (*q == ' ')
                    q++;
                rec_buf_put(&e.ref, q, strcspn(q, " "));
            } else if (q[1] == '~') {
                last = NULL; /* obsolete entries are not translations */
            }
            continue;
        }
        if (q[0] == '\0') {
            continue;
        }
        rec_buf *into = NULL;
        if (strncmp(q, "msgctxt", 7) == 0) {
            if (e.have_id)
                po_flush(t, &e);
            into = &e.ctxt;
            q += 7;
        } else if (strncmp(q, "msgid_plural", 12) == 0) {
            last = NULL;
            continue;
        } else if (strncmp(q, "msgid", 5) == 0) {
            if (e.have_id)
                po_flush(t, &e);
            e.have_id = true;
            e.line = line;
            into = &e.id;
            q += 5;
        } else if (strncmp(q, "msgstr[", 7) == 0) {
            into = strncmp(q, "msgstr[0]", 9) == 0 ? &e.str : NULL;
            q = strchr(q, ']') ? strchr(q, ']') + 1 : q + 7;
            if (!into) {
                last = NULL;
                continue;
            }
        } else if (strncmp(q, "msgstr", 6) == 0) {
            into = &e.str;
            q += 6;
        } else if (q[0] == '"' && last) {
            into = last;
        } else if (q[0] == '"') {
            continue;
        } else {
            rec_diags_add(diags, line, 1, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX,
                          "this line is not PO: expected msgid, msgstr, msgctxt, a comment or a string");
            rc = -1;
            continue;
        }
        if (!into->s)
            rec_buf_puts(into, "");
        if (po_string(&q, into) != 0) {
            rec_diags_add(diags, line, 1, REC_ERROR, REC_KIND_TRANSLATION_SYNTAX,
                          "a PO string must be written between double quotes");
            rc = -1;
        }
        last = into;
    }
    po_flush(t, &e);
    free(copy);
    return rc;
}
