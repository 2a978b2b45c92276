/* SPDX-License-Identifier: MIT */
/* translate.c - read translation files (CSV, XLIFF 1.2, PO) and apply them
 * segment by segment, refusing every translation that might not fit. */
#include "translate.h"

#include <libxml/hash.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "l10n.h"
#include "source.h"
#include "tree.h"
#include "lang.h"
#include "util.h"
#include "xmlin.h"

#define XLIFF_NS "urn:oasis:names:tc:xliff:document:1.2"

typedef struct {
    char *id, *source, *target;   /* owned; source and target normalised */
    bool fuzzy;
    unsigned long line;           /* where it stood in the translation file */
} entry;

struct rec_translation {
    entry *v;
    size_t n, cap;
    char *lang;
    char *path;
    char separator;               /* a CSV's column separator; 0 otherwise */
};

/* ---- text helpers ---------------------------------------------------------- */

/* XPath normalize-space: runs of space, tab, CR, LF become one space; trimmed. */
static char *normalize(const char *s, size_t n)
{
    char *out = rec_xmalloc(n + 1);
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

typedef struct {
    char *s;
    size_t n, cap;
} buffer;

static void put(buffer *b, const char *s, size_t n)
{
    if (!b->s || b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->s = rec_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

static void puts_(buffer *b, const char *s)
{
    put(b, s, strlen(s));
}

static bool in_ns(const xmlNode *n, const char *ns, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)ns) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The footnote labels a segment's element cites today, and the footnote
 * each points to: a translation's [n] becomes a reference to the same
 * note. Labels that are symbols (*, †: rec2xml.rng allows them) are found
 * by this list too, since the digit pattern does not see them. */
typedef struct {
    char **label, **ref;          /* owned */
    size_t n;
} citations;

static void citations_of(const xmlNode *container, citations *c)
{
    memset(c, 0, sizeof *c);
    for (const xmlNode *k = container->children; k; k = k->next) {
        if (!in_ns(k, REC_NS, "fnref"))
            continue;
        xmlChar *label = xmlNodeGetContent(k), *ref = xmlGetProp(k, (const xmlChar *)"ref");
        c->label = rec_xrealloc(c->label, (c->n + 1) * sizeof *c->label);
        c->ref = rec_xrealloc(c->ref, (c->n + 1) * sizeof *c->ref);
        c->label[c->n] = normalize(label ? (const char *)label : "", label ? strlen((const char *)label) : 0);
        c->ref[c->n] = rec_xstrdup(ref ? (const char *)ref : "");
        c->n++;
        xmlFree(label);
        xmlFree(ref);
    }
}

static void citations_free(citations *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->label[i]);
        free(c->ref[i]);
    }
    free(c->label);
    free(c->ref);
}

static bool digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* The next footnote marker in s at or after from: [digits] as the text
 * format writes them, or [symbol] for a symbol label c knows. */
static bool next_marker(rec_matcher *m, const citations *c, const char *s, size_t len, size_t from,
                        rec_span *whole, rec_span *label)
{
    bool found = rec_find_fnref(m, s, len, from, whole, label);
    for (size_t i = 0; c && i < c->n; i++) {
        if (digits(c->label[i]) || !*c->label[i])
            continue;
        char *marker = rec_asprintf("[%s]", c->label[i]);
        const char *at = strstr(s + from, marker);
        if (at && (!found || (size_t)(at - s) < whole->start)) {
            found = true;
            whole->start = (size_t)(at - s);
            whole->end = whole->start + strlen(marker);
            label->start = whole->start + 1;
            label->end = whole->end - 1;
        }
        free(marker);
    }
    return found;
}

/* The footnote labels cited in s, sorted, joined by commas; caller frees. */
static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *cited(rec_matcher *m, const citations *c, const char *s)
{
    char **labels = NULL;
    size_t n = 0, len = strlen(s), at = 0;
    rec_span whole, label;
    while (next_marker(m, c, s, len, at, &whole, &label)) {
        labels = rec_xrealloc(labels, (n + 1) * sizeof *labels);
        labels[n++] = rec_xstrndup(s + label.start, label.end - label.start);
        at = whole.end;
    }
    if (n > 1)
        qsort(labels, n, sizeof *labels, by_string);
    buffer b = {NULL, 0, 0};
    puts_(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            puts_(&b, ",");
        puts_(&b, labels[i]);
        free(labels[i]);
    }
    free(labels);
    return b.s;
}

static void add(rec_translation *t, char *id, char *source, char *target, bool fuzzy,
                unsigned long line)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 64;
        t->v = rec_xrealloc(t->v, t->cap * sizeof *t->v);
    }
    t->v[t->n++] = (entry){id, source, target, fuzzy, line};
}

/* ---- spreadsheet formulas ------------------------------------------------ */

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

/* s without the export's apostrophe; in place. */
static char *unguard(char *s)
{
    if (s[0] == '\'' && evaluated(s + 1))
        memmove(s, s + 1, strlen(s));
    return s;
}

/* ---- CSV (RFC 4180; the export's header names the columns) ------------- */

/* One field at s[*i], ended by sep or the line: its text goes into into (NULL: read past it); *empty
 * says whether it had any. Returns 0, or -1 for a quoted field never
 * closed. */
static int csv_field(const char *s, size_t n, size_t *i, unsigned long *line, char sep, buffer *into,
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
                    put(into, "\"", 1);
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
                put(into, s + from, at - from);
            *empty = false;
        }
    } else {
        size_t from = at;
        while (at < n && s[at] != sep && s[at] != '\r' && s[at] != '\n')
            at++;
        if (into)
            put(into, s + from, at - from);
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

static int csv_read(rec_translation *t, const char *s, size_t n, rec_diags *diags)
{
    size_t i = n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    unsigned long line = 1;
    char sep = t->separator = csv_separator(s, n, &i, &line);
    long col[C_COUNT] = {-1, -1, -1};
    buffer cell[C_COUNT], head = {NULL, 0, 0};
    memset(cell, 0, sizeof cell);
    bool header = true;
    size_t header_fields = 0;
    int rc = 0;
    if (i >= n) {
        rec_diags_add(diags, 1, 0, REC_ERROR, "translation-syntax", "the CSV file is empty");
        return -1;
    }
    while (i < n) {
        unsigned long at = line;
        size_t k = 0;
        bool first_empty = true;
        for (;; k++) { /* one field */
            buffer *into = header ? &head : NULL;
            for (int c = 0; c < C_COUNT && !header; c++)
                if (col[c] == (long)k)
                    into = &cell[c];
            if (into) {
                into->n = 0;
                put(into, "", 0);
            }
            unsigned long from = line;
            bool empty;
            if (csv_field(s, n, &i, &line, sep, into, &empty) != 0) {
                rec_diags_add(diags, from, 0, REC_ERROR, "translation-syntax",
                              "a quoted CSV field is never closed");
                rc = -1;
                goto done;
            }
            if (k == 0)
                first_empty = empty;
            if (header) {
                if ((strcmp(head.s, "id") == 0 || strcmp(head.s, "location") == 0) &&
                    col[C_ID] < 0)
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
                rec_diags_add(diags, 1, 0, REC_ERROR, "translation-syntax",
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
            rec_diags_add(diags, at, 0, REC_ERROR, "translation-syntax",
                          "this CSV row has %zu fields; the header has %zu", fields, header_fields);
            rc = -1;
            continue;
        }
        add(t, rec_xstrdup(cell[C_ID].s),
            unguard(normalize(cell[C_SOURCE].s, cell[C_SOURCE].n)),
            unguard(normalize(cell[C_TARGET].s, cell[C_TARGET].n)), false, at);
    }
done:
    for (int c = 0; c < C_COUNT; c++)
        free(cell[c].s);
    free(head.s);
    return rc;
}

/* ---- XLIFF 1.2 ------------------------------------------------------------ */

/* Text of a source/target, placeholders back to [n]. */
static void xliff_text(const xmlNode *n, buffer *b)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            puts_(b, (const char *)k->content);
        } else if (in_ns(k, XLIFF_NS, "x") || in_ns(k, XLIFF_NS, "ph")) {
            /* a placeholder: the marker it stands for */
            xmlChar *eq = xmlGetProp(k, (const xmlChar *)"equiv-text");
            xmlChar *content = eq ? NULL : xmlNodeGetContent(k);
            puts_(b, eq ? (const char *)eq : content ? (const char *)content : "");
            xmlFree(eq);
            xmlFree(content);
        } else if (k->type == XML_ELEMENT_NODE) {
            xliff_text(k, b);
        }
    }
}

static char *xliff_string(const xmlNode *n)
{
    buffer b = {NULL, 0, 0};
    puts_(&b, "");
    if (n)
        xliff_text(n, &b);
    char *s = normalize(b.s, b.n);
    free(b.s);
    return s;
}

static void xliff_walk(rec_translation *t, const xmlNode *n)
{
    for (const xmlNode *k = n; k; k = k->next) {
        if (in_ns(k, XLIFF_NS, "file") && !t->lang) {
            xmlChar *lang = xmlGetProp(k, (const xmlChar *)"target-language");
            if (lang && *lang)
                t->lang = rec_xstrdup((const char *)lang);
            xmlFree(lang);
        }
        if (in_ns(k, XLIFF_NS, "trans-unit")) {
            const xmlNode *src = NULL, *tgt = NULL;
            for (const xmlNode *c = k->children; c; c = c->next) {
                if (in_ns(c, XLIFF_NS, "source"))
                    src = c;
                else if (in_ns(c, XLIFF_NS, "target"))
                    tgt = c;
            }
            xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
            xmlChar *state = tgt ? xmlGetProp(tgt, (const xmlChar *)"state") : NULL;
            bool fuzzy = state && (xmlStrEqual(state, (const xmlChar *)"needs-translation") ||
                                   xmlStrEqual(state, (const xmlChar *)"new"));
            add(t, rec_xstrdup(id ? (const char *)id : ""), xliff_string(src), xliff_string(tgt),
                fuzzy, (unsigned long)xmlGetLineNo(k));
            xmlFree(id);
            xmlFree(state);
        } else if (k->type == XML_ELEMENT_NODE) {
            xliff_walk(t, k->children);
        }
    }
}

static int xliff_read(rec_translation *t, const char *s, size_t n, const char *path,
                      rec_diags *diags)
{
    xmlDocPtr doc = rec_xml_read(s, n, path, diags);
    if (!doc)
        return -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    int rc = 0;
    if (!root || !in_ns(root, XLIFF_NS, "xliff")) {
        rec_diags_add(diags, root ? (unsigned long)xmlGetLineNo(root) : 0, 0, REC_ERROR,
                      "translation-syntax", "this is not an XLIFF 1.2 document (root <xliff> in %s)",
                      XLIFF_NS);
        rc = -1;
    } else {
        xliff_walk(t, root);
    }
    xmlFreeDoc(doc);
    return rc;
}

/* ---- PO (gettext) ------------------------------------------------------------ */

/* Append the C-escaped string literal at *p ("..."), advancing past it. */
static int po_string(const char **p, buffer *b)
{
    const char *s = *p;
    while (*s == ' ' || *s == '\t')
        s++;
    if (*s != '"')
        return -1;
    for (s++; *s && *s != '"'; s++) {
        if (*s != '\\') {
            put(b, s, 1);
            continue;
        }
        s++;
        char c = *s == 'n' ? '\n' : *s == 't' ? '\t' : *s == 'r' ? '\r' : *s;
        if (!c)
            return -1;
        put(b, &c, 1);
    }
    if (*s != '"')
        return -1;
    *p = s + 1;
    return 0;
}

typedef struct {
    buffer ctxt, id, str, ref;
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
            add(t, rec_xstrdup(id), unguard(normalize(e->id.s, e->id.n)),
                unguard(normalize(e->str.s ? e->str.s : "", e->str.n)), e->fuzzy, e->line);
        }
    }
    free(e->ctxt.s);
    free(e->id.s);
    free(e->str.s);
    free(e->ref.s);
    memset(e, 0, sizeof *e);
}

static int po_read(rec_translation *t, const char *s, size_t n, rec_diags *diags)
{
    char *copy = rec_xstrndup(s, n);
    po_entry e;
    memset(&e, 0, sizeof e);
    buffer *last = NULL;
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
                put(&e.ref, q, strcspn(q, " "));
            } else if (q[1] == '~') {
                last = NULL; /* obsolete entries are not translations */
            }
            continue;
        }
        if (q[0] == '\0') {
            continue;
        }
        buffer *into = NULL;
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
            rec_diags_add(diags, line, 1, REC_ERROR, "translation-syntax",
                          "this line is not PO: expected msgid, msgstr, msgctxt, a comment or a string");
            rc = -1;
            continue;
        }
        if (!into->s)
            puts_(into, "");
        if (po_string(&q, into) != 0) {
            rec_diags_add(diags, line, 1, REC_ERROR, "translation-syntax",
                          "a PO string must be written between double quotes");
            rc = -1;
        }
        last = into;
    }
    po_flush(t, &e);
    free(copy);
    return rc;
}

/* ---- reading ------------------------------------------------------------------ */

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
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ||
            c == 0xFFFE || c == 0xFFFF)
            return false;
        i += len;
    }
    return true;
}

static int check_text(const rec_translation *t, rec_diags *diags)
{
    int rc = 0;
    for (size_t i = 0; i < t->n; i++) {
        const entry *e = &t->v[i];
        if (!xml_text(e->id) || !xml_text(e->source) || !xml_text(e->target)) {
            rec_diags_add(diags, e->line, 0, REC_ERROR, "translation-syntax",
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
    rec_diags_add(diags, line, (unsigned long)rec_utf8_count(start, (size_t)(z - start)) + 1,
                  REC_ERROR, "translation-syntax",
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
        rc = csv_read(t, bytes, size, diags);
    else if (ends_with(name, ".xlf") || ends_with(name, ".xliff"))
        rc = xliff_read(t, bytes, size, name, diags);
    else if (ends_with(name, ".po"))
        rc = po_read(t, bytes, size, diags);
    else {
        rec_diags_add(diags, 0, 0, REC_ERROR, "translation-unreadable",
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
    const char *kind = NULL;
    if (rec_source_read(&src, path, max, &kind, &err) != REC_OK) {
        rec_diags_add(diags, 0, 0, REC_ERROR,
                      strcmp(kind, "input-too-large") == 0 ? kind : "translation-unreadable", "%s",
                      err);
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
    case ';':
        return "CSV columns separated by semicolons";
    case '\t':
        return "CSV columns separated by tabs";
    default:
        return NULL;
    }
}

/* ---- applying ------------------------------------------------------------------ */

typedef struct {
    const rec_translation *t;
    xmlHashTablePtr by_id, by_source;
    xmlHashTablePtr current;     /* the document's segment sources, or NULL */
    rec_matcher *m;
    rec_diags *diags;
    rec_translation_stats *stats;
    const char *lang;            /* the translation's language */
    char *lead_sep;              /* between a header's words and the recipient, in
                                    the source's language (l10n/LANG.xml: lead.sep) */
    xmlHashTablePtr states;      /* State name -> its translation (or &ambiguous:
                                    none), once it has been looked up */
    bool noting;                 /* the first walk: only note the sources */
} applier;

/* A marker for a source text whose entries disagree on the translation. */
static entry ambiguous;

bool rec_translate_split_header(rec_matcher *m, const char *lang, const char *text, size_t *lead_end)
{
    /* the reader's header words of the translation's language (lang.c) */
    int l = rec_lang_find(lang);
    rec_span lead;
    if (l < 0 || !rec_match_header_words(m, l, text, strlen(text), &lead))
        return false;
    *lead_end = lead.end;
    return true;
}

/* The segment's source text as the exports write it: a recipient header is
 * its words, the separator and the recipient. Caller frees. */
static char *segment_source(const applier *a, const xmlNode *container)
{
    char *text = rec_segment_text(container);
    xmlChar *lead = in_ns(container, REC_NS, "recipient")
                        ? xmlGetProp(container, (const xmlChar *)"lead") : NULL;
    char *words = lead ? normalize((const char *)lead, strlen((const char *)lead)) : NULL;
    xmlFree(lead);
    if (words && *words && *text) {
        char *header = rec_asprintf("%s%s%s", words, a->lead_sep, text);
        free(text);
        text = header;
    }
    free(words);
    return text;
}

static void replace_text(applier *a, xmlNodePtr container, const char *text)
{
    citations c;
    citations_of(container, &c);
    xmlNodePtr k = container->children;
    while (k) {
        xmlNodePtr next = k->next;
        if (!in_ns(k, REC_NS, "item")) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
        k = next;
    }
    xmlNodePtr first = container->children; /* sub-items stay after the text */
    size_t len = strlen(text), at = 0;
    rec_span whole, label;
    xmlNsPtr ns = container->ns;
    while (true) {
        bool found = next_marker(a->m, &c, text, len, at, &whole, &label);
        size_t end = found ? whole.start : len;
        if (end > at) {
            xmlNodePtr tn = xmlNewDocTextLen(container->doc, (const xmlChar *)text + at, (int)(end - at));
            first ? xmlAddPrevSibling(first, tn) : xmlAddChild(container, tn);
        }
        if (!found)
            break;
        /* the note this label pointed to in the source (fnx1 for "*"), else
         * the text format's fn + label */
        char *id = rec_footnote_id(text + label.start, label.end - label.start, 0);
        for (size_t i = 0; i < c.n; i++)
            if (strlen(c.label[i]) == label.end - label.start &&
                memcmp(c.label[i], text + label.start, label.end - label.start) == 0 && *c.ref[i]) {
                free(id);
                id = rec_xstrdup(c.ref[i]);
                break;
            }
        xmlNodePtr ref = rec_fnref_new(container->doc, ns, id, text + label.start,
                                       label.end - label.start);
        free(id);
        rec_pos_copy(ref, container);
        first ? xmlAddPrevSibling(first, ref) : xmlAddChild(container, ref);
        at = whole.end;
    }
    citations_free(&c);
}

/* A recipient header's translation: its words go back into lead when the
 * language's header words are known; otherwise the whole header is the
 * recipient and lead is empty, as for a language whose header is the
 * recipient itself ("Правительству ..."): it stays a header, which the text
 * form writes as its own line, and is not taken for a recipient given on
 * the command line (no lead at all). A derived recipient (from) has no
 * words of its own to split. */
static void replace_recipient(applier *a, xmlNodePtr recipient, const char *header)
{
    size_t end = 0;
    if (!xmlHasProp(recipient, (const xmlChar *)"lead")) {
        replace_text(a, recipient, header);
        return;
    }
    const char *rest = header;
    if (rec_translate_split_header(a->m, a->lang, header, &end) && end > 0 && end < strlen(header)) {
        rest = header + end;
        rest += strspn(rest, " ");
    }
    if (rest != header && *rest) {
        char *words = normalize(header, end);
        xmlSetProp(recipient, (const xmlChar *)"lead", (const xmlChar *)words);
        free(words);
        replace_text(a, recipient, rest);
    } else {
        xmlSetProp(recipient, (const xmlChar *)"lead", (const xmlChar *)"");
        replace_text(a, recipient, header);
    }
}

static void segment(applier *a, const char *id, xmlNodePtr container)
{
    rec_translation_stats *st = a->stats;
    unsigned long line, col;
    rec_pos_get(container, &line, &col);
    st->segments++;
    char *source = segment_source(a, container);
    entry *byid = xmlHashLookup(a->by_id, (const xmlChar *)id);
    entry *use = NULL;
    if (byid && strcmp(byid->source, source) == 0)
        use = byid;
    else {
        entry *same = *source ? xmlHashLookup(a->by_source, (const xmlChar *)source) : NULL;
        if (same && same != &ambiguous)
            use = same; /* moved: the id no longer fits, the words do */
    }
    /* an entry whose source is still some segment's (that segment moved
     * here from elsewhere) is not stale: this segment is simply new */
    bool elsewhere = byid && a->current && xmlHashLookup(a->current, (const xmlChar *)byid->source);
    if (!use && byid && !elsewhere) {
        st->stale++;
        rec_diags_add(a->diags, line, col, REC_WARNING, "stale-translation",
                      "the translation of %s (line %lu of %s) is for a text that has changed "
                      "since the export; the source text is kept",
                      id, byid->line, a->t->path);
    } else if (!use || !*use->target || use->fuzzy) {
        st->missing++;
        rec_diags_add(a->diags, line, col, REC_WARNING, "missing-translation",
                      use && *use->target ? "%s has only a fuzzy translation, not confirmed by the "
                                            "translator; the source text is kept"
                                          : "%s has no translation; the source text is kept",
                      id);
    } else {
        citations c;
        citations_of(container, &c);
        char *want = cited(a->m, &c, source), *got = cited(a->m, &c, use->target);
        citations_free(&c);
        if (strcmp(want, got) != 0) {
            st->broken++;
            rec_diags_add(a->diags, line, col, REC_ERROR, "translation-footnotes",
                          "the translation of %s cites footnotes [%s] where the source cites [%s]; "
                          "the source text is kept",
                          id, got, want);
        } else {
            if (in_ns(container, REC_NS, "recipient"))
                replace_recipient(a, container, use->target);
            else
                replace_text(a, container, use->target);
            st->translated++;
        }
        free(want);
        free(got);
    }
    free(source);
}

/* The recommending States an item names (by: "Republic of Korea; Spain")
 * are segments of their own, one per name in the whole document, with the
 * id of their first item + ".by" + rank (segments.xsl). Each name is
 * looked up once, by that id or by its words, and its translation goes
 * into every by that names it; by is rewritten with "; " between names. */
static void states(applier *a, const char *id, xmlNodePtr item)
{
    xmlChar *by = xmlGetProp(item, (const xmlChar *)"by");
    if (!by)
        return;
    rec_translation_stats *st = a->stats;
    buffer out = {NULL, 0, 0};
    puts_(&out, "");
    size_t rank = 0;
    for (const char *p = (const char *)by; *p;) {
        size_t n = strcspn(p, ";");
        char *name = normalize(p, n);
        p += n + (p[n] == ';');
        if (!*name) {
            free(name);
            continue;
        }
        rank++;
        if (a->noting) {
            xmlHashAddEntry(a->current, (const xmlChar *)name, a);
            free(name);
            continue;
        }
        entry *use = xmlHashLookup(a->states, (const xmlChar *)name);
        if (!use) { /* its first item */
            char *state_id = rec_asprintf("%s.by%zu", id, rank);
            entry *byid = xmlHashLookup(a->by_id, (const xmlChar *)state_id);
            if (byid && strcmp(byid->source, name) == 0 && *byid->target && !byid->fuzzy)
                use = byid;
            else
                use = xmlHashLookup(a->by_source, (const xmlChar *)name);
            if (!use || use == &ambiguous) {
                use = &ambiguous;
                unsigned long line, col;
                rec_pos_get(item, &line, &col);
                st->missing++;
                rec_diags_add(a->diags, line, col, REC_WARNING, "missing-translation",
                              "%s has no translation; the source text is kept", state_id);
            } else {
                st->translated++;
            }
            st->segments++;
            xmlHashAddEntry(a->states, (const xmlChar *)name, use);
            free(state_id);
        }
        if (out.n)
            puts_(&out, "; ");
        puts_(&out, use != &ambiguous ? use->target : name);
        free(name);
    }
    if (!a->noting)
        xmlSetProp(item, (const xmlChar *)"by", (const xmlChar *)out.s);
    free(out.s);
    xmlFree(by);
}

/* Each segment in document order: id and the element holding its text. */
typedef void (*visit)(applier *a, const char *id, xmlNodePtr container);

static void note_source(applier *a, const char *id, xmlNodePtr container)
{
    (void)id;
    char *source = segment_source(a, container);
    xmlHashAddEntry(a->current, (const xmlChar *)source, a); /* a: any non-NULL */
    free(source);
}

static void walk(applier *a, xmlNodePtr n, const char *group_id, visit fn)
{
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || !k->ns || !xmlStrEqual(k->ns->href, (const xmlChar *)REC_NS))
            continue;
        xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
        const char *name = (const char *)k->name;
        if (strcmp(name, "group") == 0) {
            walk(a, k, id ? (const char *)id : "", fn);
        } else if (strcmp(name, "recipient") == 0) {
            fn(a, group_id ? group_id : "", k);
        } else if (strcmp(name, "prose") == 0 || strcmp(name, "footnote") == 0) {
            fn(a, id ? (const char *)id : "", k);
        } else if (strcmp(name, "item") == 0) {
            for (xmlNodePtr c = k->children; c; c = c->next)
                if (in_ns(c, REC_NS, "text")) {
                    fn(a, id ? (const char *)id : "", c);
                    break;
                }
            states(a, id ? (const char *)id : "", k);
            walk(a, k, group_id, fn);
        }
        xmlFree(id);
    }
}

void rec_translation_apply(const rec_translation *t, xmlDocPtr doc, const char *lang,
                           rec_matcher *m, rec_diags *diags, rec_translation_stats *stats)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlChar *source_lang = root ? xmlNodeGetLang(root) : NULL;
    char *lead_sep = rec_l10n_message(source_lang ? (const char *)source_lang : "en", "lead.sep");
    xmlFree(source_lang);
    applier a = {t,    xmlHashCreate((int)t->n + 1), xmlHashCreate((int)t->n + 1),
                 xmlHashCreate((int)t->n + 1), m, diags, stats, lang,
                 lead_sep ? lead_sep : rec_xstrdup(" "), xmlHashCreate(16), false};
    memset(stats, 0, sizeof *stats);
    for (size_t i = 0; i < t->n; i++) {
        entry *e = &t->v[i];
        if (*e->id)
            xmlHashAddEntry(a.by_id, (const xmlChar *)e->id, e); /* first wins */
        if (!*e->target || e->fuzzy)
            continue;
        entry *prev = xmlHashLookup(a.by_source, (const xmlChar *)e->source);
        if (!prev)
            xmlHashAddEntry(a.by_source, (const xmlChar *)e->source, e);
        else if (prev != &ambiguous && strcmp(prev->target, e->target) != 0)
            xmlHashUpdateEntry(a.by_source, (const xmlChar *)e->source, &ambiguous, NULL);
    }
    if (root) {
        a.noting = true;
        walk(&a, root, NULL, note_source);
        a.noting = false;
        walk(&a, root, NULL, segment);
    }
    if (root && lang)
        xmlNodeSetLang(root, (const xmlChar *)lang);
    xmlHashFree(a.by_id, NULL);
    xmlHashFree(a.by_source, NULL);
    xmlHashFree(a.current, NULL);
    xmlHashFree(a.states, NULL);
    free(a.lead_sep);
}
