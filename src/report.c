/* SPDX-License-Identifier: MIT */
/* report.c - diagnostics in gcc, JSON lines, GitHub and SARIF forms. */
#include "report.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/uri.h>

#include "gcc.h"
#include "kinds.h"
#include "util.h"

int rec_report_format_parse(const char *name)
{
    static const char *const names[] = {"gcc", "json", "github", "sarif"};
    for (int i = 0; i < 4; i++)
        if (strcmp(name, names[i]) == 0)
            return i;
    return -1;
}

static const char *severity(const rec_diag *g)
{
    return g->severity == REC_ERROR ? "error" : "warning";
}

/* ---- what may reach a terminal ------------------------------------------- */

/* Characters that must not reach a terminal or a log as they are: C0 and C1
 * controls and DEL (ESC, CSI and OSC sequences, a newline forging a line),
 * and the invisible ones (bidi overrides reorder what follows them). */
bool rec_char_unprintable(uint32_t c)
{
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || rec_invisible_char(c);
}

/* The length of the run of printable ASCII at s, none of the bytes in
 * special: what needs no escape, written in one go. */
static size_t plain_run(const char *s, size_t n, const char *special)
{
    size_t k = 0;
    while (k < n && (unsigned char)s[k] >= 0x20 && (unsigned char)s[k] < 0x7F && !strchr(special, s[k]))
        k++;
    return k;
}

void rec_escape_write(FILE *out, const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t run = plain_run(s + i, n - i, "");
        if (run) {
            fwrite(s + i, 1, run, out);
            i += run;
            continue;
        }
        size_t len = rec_utf8_valid(s + i, n - i);
        uint32_t c = len ? rec_utf8_decode(s + i, len) : 0;
        if (len == 0)
            fprintf(out, "\\x%02X", (unsigned char)s[i]), len = 1;
        else if (c == '\n' || c == '\t' || c == '\r')
            fprintf(out, "\\%c", c == '\n' ? 'n' : c == '\t' ? 't' : 'r');
        else if (c < 0x20 || c == 0x7F)
            fprintf(out, "\\x%02X", (unsigned)c);
        else if (rec_char_unprintable(c))
            fprintf(out, "\\u%04X", (unsigned)c);
        else
            fwrite(s + i, 1, len, out);
        i += len;
    }
}

char *rec_escape_text(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&buf, &len);
    if (!mem)
        rec_out_of_memory(strlen(s));
    rec_escape_write(mem, s);
    if (fclose(mem) != 0 || !buf)
        rec_out_of_memory(strlen(s));
    return buf;
}

void rec_say(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = rec_vasprintf(fmt, ap);
    va_end(ap);
    fputs("rec2xml: ", out);
    rec_escape_write(out, msg);
    fputc('\n', out);
    free(msg);
}

/* ---- JSON ---------------------------------------------------------------------- */

/* Valid UTF-8 whatever s holds: a byte that is not UTF-8 becomes U+FFFD
 * (a path may hold any byte); control characters (C0, DEL, C1) and the
 * line and paragraph separators (which end a line in JavaScript) are
 * escaped. */
void rec_json_string(FILE *out, const char *s)
{
    size_t n = strlen(s);
    fputc('"', out);
    for (size_t i = 0; i < n;) {
        size_t run = plain_run(s + i, n - i, "\"\\");
        if (run) {
            fwrite(s + i, 1, run, out);
            i += run;
            continue;
        }
        size_t len = rec_utf8_valid(s + i, n - i);
        uint32_t c = len ? rec_utf8_decode(s + i, len) : 0xFFFD;
        if (len == 0)
            fputs("\\ufffd", out), len = 1;
        else if (c == '"' || c == '\\')
            fprintf(out, "\\%c", (char)c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c == '\t')
            fputs("\\t", out);
        else if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || rec_invisible_char(c))
            fprintf(out, "\\u%04x", (unsigned)c);
        else
            fwrite(s + i, 1, len, out);
        i += len;
    }
    fputc('"', out);
}

static void json_number_or_null(FILE *out, unsigned long n)
{
    if (n)
        fprintf(out, "%lu", n);
    else
        fputs("null", out);
}

static void json(FILE *out, const char *path, const rec_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const rec_diag *g = &d->v[i];
        fputs("{\"file\":", out);
        rec_json_string(out, path);
        fputs(",\"line\":", out);
        json_number_or_null(out, g->line);
        fputs(",\"column\":", out);
        json_number_or_null(out, g->col);
        fprintf(out, ",\"severity\":\"%s\",\"kind\":", severity(g));
        rec_json_string(out, g->kind);
        fputs(",\"message\":", out);
        rec_json_string(out, g->message);
        int k = rec_kind_index(g->kind);
        fputs(",\"help\":", out);
        if (k >= 0)
            rec_json_string(out, rec_kinds[k].help);
        else
            fputs("null", out);
        /* the suggested edit: the characters [column, endColumn) of line
         * replaced by text */
        fputs(",\"fix\":", out);
        if (g->fix.text) {
            fprintf(out, "{\"line\":%lu,\"column\":%lu,\"endColumn\":%lu,\"text\":", g->fix.line, g->fix.col,
                    g->fix.end_col);
            rec_json_string(out, g->fix.text);
            fputc('}', out);
        } else {
            fputs("null", out);
        }
        fputs("}\n", out);
    }
}

/* ---- GitHub workflow commands ----------------------------------------------------- */

/* Workflow command escaping: data escapes % CR LF; properties also : and ,
 * (what the runner unescapes). Other control characters (ESC colours the
 * log) and bytes that are not UTF-8 become U+FFFD. */
static void github_escaped(FILE *out, const char *s, int property)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_valid(s + i, n - i);
        uint32_t c = len ? rec_utf8_decode(s + i, len) : 0xFFFD;
        if (len == 0)
            len = 1;
        if (c == '%')
            fputs("%25", out);
        else if (c == '\r')
            fputs("%0D", out);
        else if (c == '\n')
            fputs("%0A", out);
        else if (property && c == ':')
            fputs("%3A", out);
        else if (property && c == ',')
            fputs("%2C", out);
        else if (c == 0xFFFD || (c < 0x20 && c != '\t') || (c >= 0x7F && c <= 0x9F) || rec_invisible_char(c))
            fputs("\xEF\xBF\xBD", out);
        else
            fwrite(s + i, 1, len, out);
        i += len;
    }
}

static void github(FILE *out, const char *path, const rec_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const rec_diag *g = &d->v[i];
        fprintf(out, "::%s file=", severity(g));
        github_escaped(out, path, 1);
        if (g->line)
            fprintf(out, ",line=%lu", g->line);
        if (g->col)
            fprintf(out, ",col=%lu", g->col);
        fputs(",title=", out);
        github_escaped(out, g->kind, 1);
        fputs("::", out);
        github_escaped(out, g->message, 0);
        fputc('\n', out);
    }
}

/* ---- SARIF 2.1.0 ------------------------------------------------------------------ */

/* Does a URI path hold a ".." segment? */
static bool climbs(const char *path)
{
    for (const char *p = path; (p = strstr(p, "..")); p += 2)
        if ((p == path || p[-1] == '/') && (p[2] == '\0' || p[2] == '/'))
            return true;
    return false;
}

/* path as a URI reference, as SARIF's artifactLocation.uri takes it:
 * escaped by libxml2 (a ':' cannot pass for a scheme, a '#' for a
 * fragment), with no "." or ".." segments: relative as given while it
 * stays under the working directory, else resolved to an absolute
 * file:// URI (by RFC 3986's rules, with xmlBuildURI). */
static void uri(FILE *out, const char *path)
{
    xmlChar *ref = xmlURIEscapeStr((const xmlChar *)path, (const xmlChar *)"/");
    if (!ref)
        rec_out_of_memory(strlen(path));
    xmlNormalizeURIPath((char *)ref);
    xmlChar *resolved = NULL;
    if (ref[0] == '/' || climbs((const char *)ref)) {
        char *cwd = ref[0] == '/' ? NULL : getcwd(NULL, 0);
        xmlChar *dir = cwd ? xmlURIEscapeStr((const xmlChar *)cwd, (const xmlChar *)"/") : NULL;
        size_t n = dir ? strlen((const char *)dir) : 0;
        char *base =
            rec_asprintf("file://%s%s", dir ? (const char *)dir : "", n && dir[n - 1] == '/' ? "" : "/");
        resolved = xmlBuildURI(ref, (const xmlChar *)base);
        free(base);
        xmlFree(dir);
        free(cwd);
    }
    rec_json_string(out, (const char *)(resolved ? resolved : ref));
    xmlFree(resolved);
    xmlFree(ref);
}

/* A SARIF fix: one replacement in the result's own file. Columns count
 * code points (the run's columnKind); an insertion is an empty region,
 * a deletion has no insertedContent (SARIF 2.1.0, 3.55-3.57). */
static void sarif_fix(FILE *out, const char *path, const rec_fix *f)
{
    char *what = !*f->text              ? rec_xstrdup("Delete the characters")
                 : f->col == f->end_col ? rec_asprintf("Insert '%s'", f->text)
                                        : rec_asprintf("Replace with '%s'", f->text);
    fputs(",\"fixes\":[{\"description\":{\"text\":", out);
    rec_json_string(out, what);
    free(what);
    fputs("},\"artifactChanges\":[{\"artifactLocation\":{\"uri\":", out);
    uri(out, path);
    fprintf(out,
            "},\"replacements\":[{\"deletedRegion\":{\"startLine\":%lu,\"startColumn\":%lu,"
            "\"endColumn\":%lu}",
            f->line, f->col, f->end_col);
    if (*f->text) {
        fputs(",\"insertedContent\":{\"text\":", out);
        rec_json_string(out, f->text);
        fputc('}', out);
    }
    fputs("}]}]}]", out);
}

static void sarif_results(FILE *out, const char *path, const rec_diags *d)
{
    for (size_t i = 0; i < d->n; i++) {
        const rec_diag *g = &d->v[i];
        fputs("{\"ruleId\":", out);
        rec_json_string(out, g->kind);
        int rule = rec_kind_index(g->kind);
        if (rule >= 0)
            fprintf(out, ",\"ruleIndex\":%d", rule);
        fprintf(out, ",\"level\":\"%s\",\"message\":{\"text\":", severity(g));
        rec_json_string(out, g->message);
        fputc('}', out);
        if (g->line) {
            fputs(",\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":", out);
            uri(out, path);
            fprintf(out, "},\"region\":{\"startLine\":%lu", g->line);
            if (g->col)
                fprintf(out, ",\"startColumn\":%lu", g->col);
            fputs("}}}]", out);
        } else {
            /* about the file as a whole (it cannot be read, an output of
             * it cannot be written): no place in it, so no location, but
             * the artifact the run was given (SARIF 2.1.0, 3.27.7) */
            fputs(",\"analysisTarget\":{\"uri\":", out);
            uri(out, path);
            fputc('}', out);
        }
        if (g->fix.text)
            sarif_fix(out, path, &g->fix);
        fputs("}\n", out);
    }
}

void rec_report_sarif_log(FILE *out, const char *results, const char *version)
{
    fputs("{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\","
          "\"runs\":[{\"tool\":{\"driver\":{\"name\":\"rec2xml\",\"version\":",
          out);
    rec_json_string(out, version);
    fputs(",\"rules\":[", out);
    for (int i = 0; rec_kinds[i].name; i++) {
        const rec_kind *k = &rec_kinds[i];
        fputs(i ? ",\n" : "\n", out);
        fputs("{\"id\":", out);
        rec_json_string(out, k->name);
        fputs(",\"shortDescription\":{\"text\":", out);
        rec_json_string(out, k->summary);
        fputs("},\"fullDescription\":{\"text\":", out);
        rec_json_string(out, k->summary);
        fputs("},\"help\":{\"text\":", out);
        rec_json_string(out, k->help);
        fprintf(out, "},\"defaultConfiguration\":{\"level\":\"%s\"}}", k->level);
    }
    fputs("]}},\"columnKind\":\"unicodeCodePoints\",\"results\":[", out);
    /* results arrive one per line: join them with commas */
    const char *p = results ? results : "";
    bool first = true;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n) {
            fputs(first ? "\n" : ",\n", out);
            fwrite(p, 1, n, out);
            first = false;
        }
        p += n + (nl ? 1 : 0);
    }
    fputs("]}]}\n", out);
}

void rec_report(rec_report_format f, FILE *out, const char *path, const rec_diags *d,
                const rec_quote_source *src, bool color)
{
    switch (f) {
    case REC_REPORT_GCC: rec_report_gcc(out, path, d, src, color); break;
    case REC_REPORT_JSON: json(out, path, d); break;
    case REC_REPORT_GITHUB: github(out, path, d); break;
    case REC_REPORT_SARIF: sarif_results(out, path, d); break;
    }
}

void rec_reporter_open(rec_reporter *r, rec_report_format f, FILE *err)
{
    memset(r, 0, sizeof *r);
    r->format = f;
    r->err = err;
    if (f == REC_REPORT_SARIF && !(r->results = open_memstream(&r->text, &r->len)))
        rec_out_of_memory(0);
}

FILE *rec_reporter_stream(const rec_reporter *r)
{
    return r->format == REC_REPORT_SARIF ? r->results : r->err;
}

void rec_reporter_put(rec_reporter *r, const char *path, const rec_diags *d)
{
    rec_report(r->format, rec_reporter_stream(r), path, d, NULL, r->color);
}

void rec_reporter_say(rec_reporter *r, const char *path, rec_kind_id kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = rec_vasprintf(fmt, ap);
    va_end(ap);
    rec_diags d;
    rec_diags_init(&d);
    rec_diags_add(&d, 0, 0, REC_ERROR, kind, "%s", msg);
    rec_reporter_put(r, path, &d);
    rec_diags_clear(&d);
    free(msg);
}

void rec_reporter_close(rec_reporter *r, const char *version)
{
    if (r->results) {
        if (fclose(r->results) != 0)
            rec_out_of_memory(r->len);
        rec_report_sarif_log(r->err, r->text, version);
    }
    free(r->text);
    memset(r, 0, sizeof *r);
}
