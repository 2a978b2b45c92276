/* SPDX-License-Identifier: MIT */
/* fuzz_common.c - the engine, the stylesheets and the output stages that
 * every harness drives, set up once per process. */
#include "fuzz_common.h"

#include <fcntl.h>
#include <libxml/parser.h>
#include <libxslt/xsltutils.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "output.h"
#include "report.h"
#include "util.h"
#include "xmlin.h"

/* libxml2 and libxslt print what no rec2xml handler took; at tens of
 * thousands of inputs a second that is only noise (and slow). */
static void quiet(void *ctx, const char *fmt, ...)
{
    (void)ctx, (void)fmt;
}

static rec_fuzz_env env;
static bool ready;

rec_fuzz_env *rec_fuzz_setup(void)
{
    if (ready)
        return &env;
    xmlInitParser();
    rec_xml_deny_external_entities();
    rec_transform_init();
    char *err = NULL;
    if (rec_engine_init(&env.engine, &err) != 0) {
        fprintf(stderr, "fuzz: the engine does not build: %s\n", err);
        abort();
    }
    env.sheets = rec_stylesheets_new();
    for (int f = 0; f < REC_FMT_COUNT; f++) {
        rec_diags diags;
        rec_diags_init(&diags);
        /* a stylesheet not written yet is skipped, not fatal: the embedded
         * build picks it up when it appears */
        env.loaded[f] = rec_stylesheets_load(env.sheets, (rec_format)f, NULL, &diags) == 0;
        if (!env.loaded[f])
            fprintf(stderr, "fuzz: no %s output (its stylesheet does not load)\n",
                    rec_format_name((rec_format)f));
        rec_diags_clear(&diags);
    }
    xmlSetGenericErrorFunc(NULL, quiet);
    xsltSetGenericErrorFunc(NULL, quiet);
    env.sink = fopen("/dev/null", "w");
    if (!env.sink)
        abort();
    ready = true;
    return &env;
}

/* ---- the document holds only what XML can hold --------------------------- */

static bool xml_char(uint32_t c)
{
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) ||
           (c >= 0x10000 && c <= 0x10FFFF);
}

static void check_string(const xmlNode *where, const xmlChar *s)
{
    if (!s)
        return;
    size_t n = strlen((const char *)s);
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_valid((const char *)s + i, n - i);
        if (len == 0 || !xml_char(rec_utf8_decode((const char *)s + i, len))) {
            fprintf(stderr, "fuzz: line %ld: <%s> holds %s at byte %zu: \"%s\"\n", xmlGetLineNo(where),
                    where->name ? (const char *)where->name : "?",
                    len ? "a character XML cannot hold" : "bytes that are not UTF-8", i, (const char *)s);
            abort();
        }
        i += len;
    }
}

void rec_fuzz_check_doc(xmlDocPtr doc)
{
    for (xmlNodePtr n = xmlDocGetRootElement(doc); n;) {
        if (n->type == XML_ELEMENT_NODE)
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                for (xmlNodePtr v = a->children; v; v = v->next)
                    check_string(n, v->content);
        else if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
            check_string(n->parent, n->content);
        /* depth first, without recursion: the tree may be deep */
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent->type == XML_ELEMENT_NODE ? n->parent : NULL;
        if (n)
            n = n->next;
    }
}

void rec_fuzz_write_all(rec_fuzz_env *e, xmlDocPtr doc, rec_diags *diags)
{
    for (int f = 0; f < REC_FMT_COUNT; f++) {
        if (!e->loaded[f])
            continue;
        char *err = NULL;
        rec_output *out = rec_output_open(AT_FDCWD, NULL, "/dev/null", 0644, &err);
        if (!out) {
            fprintf(stderr, "fuzz: %s\n", err);
            abort();
        }
        if (rec_transform(e->sheets, (rec_format)f, doc, NULL, out, diags) != 0) {
            rec_output_abort(out);
        } else if (rec_output_commit(out, &err) != 0) {
            fprintf(stderr, "fuzz: %s\n", err);
            abort(); /* /dev/null never fails: this would be a bug */
        }
    }
}

void rec_fuzz_report(rec_fuzz_env *e, const char *path, const rec_diags *diags, const rec_quote_source *src)
{
    /* the terminal's form, quoting the source line, then the machines' */
    rec_report(REC_REPORT_GCC, e->sink, path, diags, src, true);
    rec_report(REC_REPORT_JSON, e->sink, path, diags, NULL, false);
    rec_report(REC_REPORT_GITHUB, e->sink, path, diags, NULL, false);
    char *results = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&results, &size);
    if (!mem)
        abort();
    rec_report(REC_REPORT_SARIF, mem, path, diags, NULL, false);
    if (fclose(mem) != 0)
        abort();
    rec_report_sarif_log(e->sink, results, "fuzz");
    free(results);
}

void rec_fuzz_finish(rec_fuzz_env *e, rec_input *in)
{
    /* an XML input's bytes are freed once parsed: nothing to quote */
    rec_quote_source q = {in->src.bytes ? in->src.bytes + in->src.bom : NULL, in->src.size - in->src.bom};
    rec_fuzz_report(e, in->path, &in->diags, in->is_xml || !q.bytes ? NULL : &q);
    if (in->doc) {
        rec_fuzz_check_doc(in->doc);
        rec_fuzz_write_all(e, in->doc, &in->diags);
    }
}
