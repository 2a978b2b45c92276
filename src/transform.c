/* SPDX-License-Identifier: MIT */
/* transform.c - compile the stylesheets once; apply them safely. */
#include "transform.h"

#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxslt/documents.h>
#include <libxslt/security.h>
#include <libxslt/transform.h>
#include <libxslt/variables.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libxml2.h"
#include "resources.h"
#include "shared.h"
#include "source.h"
#include "tree.h"
#include "util.h"

static const struct {
    const char *name, *ext, *builtin;
} formats[REC_FMT_COUNT] = {
    [REC_FMT_XML] = {"xml", "xml", NULL},
    [REC_FMT_HTML] = {"html", "html", "stylesheets/html.xsl"},
    [REC_FMT_DOCBOOK] = {"docbook", "dbk", "stylesheets/docbook.xsl"},
    [REC_FMT_CSV] = {"csv", "csv", "stylesheets/csv.xsl"},
    [REC_FMT_TEXT] = {"text", "txt", "stylesheets/text.xsl"},
    [REC_FMT_XLIFF] = {"xliff", "xlf", "stylesheets/xliff.xsl"},
};

int rec_format_parse(const char *name)
{
    for (int f = 0; f < REC_FMT_COUNT; f++)
        if (strcmp(name, formats[f].name) == 0)
            return f;
    return -1;
}

const char *rec_format_name(rec_format f)
{
    return formats[f].name;
}

const char *rec_format_ext(rec_format f)
{
    return formats[f].ext;
}

struct rec_stylesheets {
    xsltStylesheetPtr sheet[REC_FMT_COUNT];
    xsltSecurityPrefsPtr prefs;
    rec_shared_docs *shared; /* what document() reads, parsed once (shared.c) */
};

/* ---- errors --------------------------------------------------------------- */

/* libxslt reports in printf pieces; gather them, and decide at the end
 * whether they were errors or the stylesheet's own xsl:message output. */
typedef struct {
    rec_diags *diags;
    const char *what; /* "the html stylesheet" */
    char *text;
    size_t len, cap;
} collector;

static void collect(void *data, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void collect(void *data, const char *fmt, ...)
{
    collector *c = data;
    va_list ap;
    va_start(ap, fmt);
    char *piece = rec_vasprintf(fmt, ap);
    va_end(ap);
    size_t n = strlen(piece);
    if (c->len + n + 1 > c->cap) {
        c->cap = (c->len + n + 1) * 2;
        c->text = rec_xrealloc(c->text, c->cap);
    }
    memcpy(c->text + c->len, piece, n + 1);
    c->len += n;
    free(piece);
}

/* libxslt's generic error handler (xsltSetGenericErrorFunc) is one for the
 * whole process, while stylesheets compile on several threads: it is set
 * once to route_generic, which hands each message to the collector of the
 * thread it comes from, or to stderr as libxslt's default would. */
static _Thread_local collector *current_collector;

static void route_generic(void *data, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void route_generic(void *data, const char *fmt, ...)
{
    (void)data;
    va_list ap;
    va_start(ap, fmt);
    char *piece = rec_vasprintf(fmt, ap);
    va_end(ap);
    if (current_collector)
        collect(current_collector, "%s", piece);
    else
        fputs(piece, stderr);
    free(piece);
}

/* One diagnostic per collected line; then start afresh. */
static void emit(collector *c, rec_severity sev, rec_kind_id kind)
{
    const char *p = c->text;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        while (n && p[n - 1] == ' ')
            n--;
        if (n)
            rec_diags_add(c->diags, 0, 0, sev, kind, "%s: %.*s", c->what, (int)n, p);
        p = nl ? nl + 1 : p + strlen(p);
    }
    free(c->text);
    c->text = NULL;
    c->len = c->cap = 0;
}

static void collect_structured(void *data, xmlErrorPtr e)
{
    collector *c = data;
    if (e->level == XML_ERR_WARNING)
        return;
    if (e->file && e->line)
        collect(c, "%s:%d: %s", e->file, e->line, e->message ? e->message : "error\n");
    else
        collect(c, "%s", e->message ? e->message : "error\n");
}

/* The result of sheet on doc, built with a pre-sized ID table; NULL when
 * libxslt gives none.  The caller owns (frees) the result. */
static xmlDocPtr apply(xsltStylesheetPtr sheet, xmlDocPtr doc, xsltTransformContextPtr ctxt)
{
    rec_libxml2_result_ids_expect(doc);
    xmlDocPtr result = xsltApplyStylesheetUser(sheet, doc, NULL, NULL, NULL, ctxt);
    rec_libxml2_result_ids_done();
    return result;
}

/* ---- loading: built-in sheets from memory, user sheets from their files,
 *      nothing else ---------------------------------------------------------- */

static xmlDocPtr parse_with_dict(xmlParserCtxtPtr pctxt, xmlDictPtr dict, int options, const char *url)
{
    if (!pctxt)
        return NULL;
    rec_libxml2_ctxt_dict(pctxt, dict);
    xmlCtxtUseOptions(pctxt, options | XML_PARSE_NONET);
    xmlParseDocument(pctxt);
    xmlDocPtr doc = pctxt->myDoc;
    if (!pctxt->wellFormed) {
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc && url) {
        xmlFree((xmlChar *)doc->URL);
        doc->URL = xmlStrdup((const xmlChar *)url);
    }
    pctxt->myDoc = NULL;
    xmlFreeParserCtxt(pctxt);
    return doc;
}

/* A user's stylesheet file, parsed from memory: libxml2's own file loading
 * goes through the external entity loader, which refuses everything. */
static xmlDocPtr parse_user_file(const char *path, xmlDictPtr dict, int options)
{
    rec_source src;
    rec_source_init(&src);
    char *err = NULL;
    xmlDocPtr doc = NULL;
    if (rec_source_read(&src, path, REC_MAX_INPUT_DEFAULT, NULL, &err) == REC_OK && src.size <= 0x7fffffff)
        doc = parse_with_dict(xmlCreateMemoryParserCtxt(src.bytes, (int)src.size), dict, options, path);
    else if (err)
        xsltGenericError(xsltGenericErrorContext, "%s\n", err);
    if (doc && doc->intSubset) {
        /* entities are never expanded here, but a stylesheet that declares
         * them is asking for files: refuse it, as XML input is refused */
        xsltGenericError(xsltGenericErrorContext,
                         "a DOCTYPE is not allowed in a stylesheet (its entities could read "
                         "files); delete it\n");
        xmlFreeDoc(doc);
        doc = NULL;
    }
    free(err);
    rec_source_free(&src);
    return doc;
}

static xmlDocPtr load(const xmlChar *uri, xmlDictPtr dict, int options, void *ctxt, xsltLoadType type)
{
    const char *u = (const char *)uri;
    const rec_resource *r = rec_resource_find(u);
    /* document() of a built-in document: a transformation's context holds
     * the set it shares (rec_transform) */
    if (r && type == XSLT_LOAD_DOCUMENT && ctxt && ((xsltTransformContextPtr)ctxt)->_private)
        return rec_shared_docs_load(((xsltTransformContextPtr)ctxt)->_private, u);
    if (r)
        return parse_with_dict(xmlCreateMemoryParserCtxt((const char *)r->data, (int)r->size), dict, options,
                               u);
    if (type != XSLT_LOAD_STYLESHEET)
        return NULL; /* document(): the security preferences said why */
    /* a user stylesheet's own imports: local files only */
    if (strncmp(u, "file://", 7) == 0)
        u += 7;
    if (strstr(u, "://") || strncmp(u, REC_RESOURCE_SCHEME, strlen(REC_RESOURCE_SCHEME)) == 0)
        return NULL;
    return parse_user_file(u, dict, options);
}

void rec_transform_init(void)
{
    xsltSetGenericErrorFunc(NULL, route_generic);
    exsltRegisterAll();
    xsltSetLoaderFunc(load);
}

/* document() may read what is built into the binary (the stylesheets'
 * message catalogue, rec2xml:/stylesheets/l10n/LANG.xml) and nothing else.
 * libxslt asks this for every URI whose scheme is not file: (it counts them
 * all as network); names that are no built-in resource are refused here,
 * before load() is ever asked for them. */
static int read_builtin_only(xsltSecurityPrefsPtr sec, xsltTransformContextPtr ctxt, const char *url)
{
    (void)sec;
    (void)ctxt;
    return url && strncmp(url, REC_RESOURCE_SCHEME, strlen(REC_RESOURCE_SCHEME)) == 0 &&
           rec_resource_find(url) != NULL;
}

rec_stylesheets *rec_stylesheets_new(void)
{
    rec_stylesheets *s = rec_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    s->shared = rec_shared_docs_new();
    s->prefs = xsltNewSecurityPrefs();
    xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_WRITE_FILE, xsltSecurityForbid);
    xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_CREATE_DIRECTORY, xsltSecurityForbid);
    xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_READ_NETWORK, read_builtin_only);
    xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_WRITE_NETWORK, xsltSecurityForbid);
    xsltSetSecurityPrefs(s->prefs, XSLT_SECPREF_READ_FILE, xsltSecurityForbid);
    return s;
}

void rec_stylesheets_free(rec_stylesheets *s)
{
    if (!s)
        return;
    for (int f = 0; f < REC_FMT_COUNT; f++)
        xsltFreeStylesheet(s->sheet[f]);
    xsltFreeSecurityPrefs(s->prefs);
    rec_shared_docs_free(s->shared);
    free(s);
}

int rec_stylesheets_load(rec_stylesheets *s, rec_format f, const char *user_path, rec_diags *diags)
{
    if (s->sheet[f] || (f == REC_FMT_XML && !user_path))
        return 0;
    char *what = user_path ? rec_asprintf("stylesheet '%s'", user_path)
                           : rec_asprintf("the built-in %s stylesheet", formats[f].name);
    collector c = {diags, what, NULL, 0, 0};
    xmlSetStructuredErrorFunc(&c, collect_structured);
    current_collector = &c;

    xmlDocPtr doc;
    if (user_path) {
        doc = parse_user_file(user_path, NULL, XML_PARSE_NOCDATA);
    } else {
        const rec_resource *r = rec_resource_find(formats[f].builtin);
        char *url = rec_asprintf("%s%s", REC_RESOURCE_SCHEME, formats[f].builtin);
        doc = r ? parse_with_dict(xmlCreateMemoryParserCtxt((const char *)r->data, (int)r->size), NULL,
                                  XML_PARSE_NOCDATA, url)
                : NULL;
        free(url);
    }
    if (doc) {
        s->sheet[f] = xsltParseStylesheetDoc(doc);
        if (!s->sheet[f])
            xmlFreeDoc(doc);
        else if (s->sheet[f]->errors) {
            xsltFreeStylesheet(s->sheet[f]);
            s->sheet[f] = NULL;
        }
    }
    emit(&c, REC_ERROR, REC_KIND_STYLESHEET_ERROR);
    current_collector = NULL;
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!s->sheet[f] && diags->errors == 0)
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_STYLESHEET_ERROR, "%s cannot be read", what);
    free(what);
    return s->sheet[f] ? 0 : -1;
}

/* ---- compiling several stylesheets at once -------------------------------
 *
 * The built-in stylesheets take most of a small conversion's start-up (three
 * of them: ~10 M instructions, against ~3.5 M for the schemas and patterns),
 * and they do not depend on one another: a helper thread compiles them from
 * a shared list while the caller sets up the rest, then the caller takes
 * what is left.  Each compilation keeps its own diagnostics, merged in
 * format order at the end. */

struct rec_sheet_loader {
    rec_stylesheets *s;
    const char *user_path;
    rec_format todo[REC_FMT_COUNT];
    rec_diags diags[REC_FMT_COUNT];
    int rc[REC_FMT_COUNT];
    int n;
    rec_claim claim;
    pthread_t helper;
    bool helping;
};

static void *compile_some(void *arg)
{
    rec_sheet_loader *l = arg;
    for (int k; (k = rec_claim_next(&l->claim)) >= 0;)
        l->rc[k] = rec_stylesheets_load(l->s, l->todo[k], l->user_path, &l->diags[k]);
    return NULL;
}

rec_sheet_loader *rec_stylesheets_load_start(rec_stylesheets *s, unsigned wanted, const char *user_path)
{
    rec_sheet_loader *l = rec_xcalloc(sizeof *l);
    l->s = s;
    l->user_path = user_path;
    for (int f = 0; f < REC_FMT_COUNT; f++) {
        if (!(wanted & (1u << f)) || s->sheet[f] || (f == REC_FMT_XML && !user_path))
            continue;
        l->todo[l->n] = (rec_format)f;
        rec_diags_init(&l->diags[l->n]);
        l->n++;
    }
    rec_claim_init(&l->claim, l->n);
    if (l->n > 0) /* stylesheets will run: their results get sized ID tables */
        rec_libxml2_result_ids_arm();
    /* a user's stylesheet is one file (and its imports): nothing to share */
    if (!user_path && l->n > 0)
        l->helping = pthread_create(&l->helper, NULL, compile_some, l) == 0;
    return l;
}

int rec_stylesheets_load_finish(rec_sheet_loader *l, rec_diags *diags)
{
    compile_some(l); /* whatever the helper has not taken yet */
    if (l->helping)
        pthread_join(l->helper, NULL);
    rec_claim_destroy(&l->claim);
    int rc = 0;
    for (int k = 0; k < l->n; k++) {
        for (size_t d = 0; d < l->diags[k].n; d++) {
            const rec_diag *g = &l->diags[k].v[d];
            rec_diags_add(diags, g->line, g->col, g->severity, (rec_kind_id)rec_kind_index(g->kind), "%s",
                          g->message);
        }
        rec_diags_clear(&l->diags[k]);
        if (l->rc[k] != 0)
            rc = -1;
    }
    free(l);
    return rc;
}

/* rec2xml XML itself: the document as built, indented, UTF-8. */
static int write_xml(xmlDocPtr doc, rec_output *out)
{
    xmlOutputBufferPtr buf = rec_output_buffer(out);
    xmlOutputBufferWriteString(buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xmlNodeDumpOutput(buf, doc, xmlDocGetRootElement(doc), 0, 1, "UTF-8");
    xmlOutputBufferWriteString(buf, "\n");
    return 0; /* write errors are the output's to report */
}

/* The XLIFF file's original attribute names the input the segments come
 * from: its file name (each file of a batch its own), unless --param gave
 * one or the input was standard input. Returns params, or a new list that
 * the caller frees (*name with it) with that parameter added. */
static const char *const *with_original(const char *const *params, const xmlDoc *doc, const char ***list,
                                        char **name)
{
    size_t n = 0;
    for (; params && params[n]; n += 2)
        if (strcmp(params[n], "original") == 0)
            return params;
    const char *url = (const char *)doc->URL;
    if (!url || !*url || strcmp(url, "<stdin>") == 0)
        return params;
    const char *slash = strrchr(url, '/');
    *name = rec_xstrdup(slash ? slash + 1 : url);
    *list = rec_xmalloc((n + 3) * sizeof **list);
    for (size_t i = 0; i < n; i++)
        (*list)[i] = params[i];
    (*list)[n] = "original";
    (*list)[n + 1] = *name;
    (*list)[n + 2] = NULL;
    return *list;
}

int rec_transform(const rec_stylesheets *s, rec_format f, xmlDocPtr doc, const char *const *params,
                  rec_output *out, rec_diags *diags)
{
    if (f == REC_FMT_XML && !s->sheet[f])
        return write_xml(doc, out);
    char what[64];
    snprintf(what, sizeof what, "the %s stylesheet", formats[f].name);
    collector c = {diags, what, NULL, 0, 0};
    size_t errors_before = diags->errors;
    xsltStylesheetPtr sheet = s->sheet[f];
    if (!sheet) {
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_TRANSFORM_ERROR, "%s is not loaded", what);
        return -1;
    }
    xsltTransformContextPtr ctxt = xsltNewTransformContext(sheet, doc);
    if (!ctxt) {
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_TRANSFORM_ERROR, "%s: out of memory", what);
        return -1;
    }
    xsltSetCtxtSecurityPrefs(s->prefs, ctxt);
    ctxt->_private = s->shared;
    rec_shared_docs_lend(s->shared, ctxt);
    /* per context and per thread only: libxslt's generic error handler is
     * a process-wide global that batch workers must not race on */
    xsltSetTransformErrorFunc(ctxt, &c, collect);
    xmlSetStructuredErrorFunc(&c, collect_structured);

    const char **list = NULL;
    char *original = NULL;
    if (f == REC_FMT_XLIFF)
        params = with_original(params, doc, &list, &original);
    int rc = -1;
    if (params && xsltQuoteUserParams(ctxt, (const char **)params) != 0) {
        collect(&c, "a --param value could not be passed\n");
        ctxt->state = XSLT_STATE_ERROR;
    } else {
        xmlDocPtr result = apply(sheet, doc, ctxt);
        /* xsl:message terminate="yes" and runtime errors (a forbidden write
         * among them) leave a partial result: the context's state, not the
         * result, is the verdict */
        if (result && ctxt->state == XSLT_STATE_OK) {
            if (xsltSaveResultTo(rec_output_buffer(out), result, sheet) >= 0)
                rc = 0;
        } else if (ctxt->state == XSLT_STATE_STOPPED) {
            collect(&c, "the stylesheet stopped the transformation (xsl:message terminate)\n");
        }
        xmlFreeDoc(result);
    }
    if (ctxt->state == XSLT_STATE_OK)
        emit(&c, REC_WARNING, REC_KIND_STYLESHEET_MESSAGE);
    else
        emit(&c, REC_ERROR, REC_KIND_TRANSFORM_ERROR);
    xmlSetStructuredErrorFunc(NULL, NULL);
    rec_shared_docs_reclaim(s->shared, ctxt);
    xsltFreeTransformContext(ctxt);
    free(list);
    free(original);
    if (rc != 0 && diags->errors == errors_before)
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_TRANSFORM_ERROR, "%s failed", what);
    return diags->errors == errors_before ? rc : -1;
}
