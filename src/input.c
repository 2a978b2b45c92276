/* SPDX-License-Identifier: MIT */
/* input.c - read, parse and validate one input. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

#include "invisible.h"
#include "parse.h"
#include "tree.h"
#include "util.h"
#include "xmlin.h"

int rec_engine_init(rec_engine *e, char **err)
{
    memset(e, 0, sizeof *e);
    e->patterns = rec_patterns_new(err);
    if (!e->patterns)
        return -1;
    e->schemas = rec_schemas_load(err);
    if (!e->schemas) {
        rec_patterns_free(e->patterns);
        e->patterns = NULL;
        return -1;
    }
    return 0;
}

void rec_engine_free(rec_engine *e)
{
    rec_schemas_free(e->schemas);
    rec_patterns_free(e->patterns);
    memset(e, 0, sizeof *e);
}

/* rec2xml XML is named .xml or starts (after a BOM and blanks) with '<'. */
static bool looks_like_xml(const char *path, const rec_source *src)
{
    size_t n = strlen(path);
    if (n >= 4 && strcmp(path + n - 4, ".xml") == 0)
        return true;
    for (size_t i = src->bom; i < src->size; i++) {
        char c = src->bytes[i];
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n')
            return c == '<';
    }
    return false;
}

/* Parse and validate the bytes already in in->src. */
static void judge(rec_input *in, const rec_engine *e, rec_matcher *m, const char *url,
                  const rec_input_options *opts)
{
    in->is_xml = looks_like_xml(in->path, &in->src);
    if (in->is_xml) {
        in->doc = rec_xml_read(in->src.bytes, in->src.size, url, &in->diags);
    } else if (rec_source_split(&in->src, &in->diags) == REC_OK) {
        /* the parser reads the lines, a normalised copy: the bytes go now
         * unless a diagnostic will quote them (100 MB less at the end of
         * the parse, the peak of a --check) */
        if (opts->drop_source) {
            free(in->src.bytes);
            in->src.bytes = NULL;
            in->src.size = in->src.bom = 0;
        }
        rec_parse_options po = {url, opts->lang, opts->layout, opts->recipient};
        in->doc = rec_parse(&in->src, m, &po, &in->diags);
    }
    if (in->doc) /* while the lines are there to find the columns */
        rec_check_invisible(in->doc, in->is_xml ? NULL : &in->src, &in->diags);
    /* the tree holds the words now; the lines go, and the bytes too unless
     * a diagnostic will quote them (100 MB of text: 230 MB less) */
    rec_source_drop(&in->src, !opts->drop_source && !in->is_xml);
    if (in->doc) {
        rec_tree_settle(xmlDocGetRootElement(in->doc));
        rec_validate(e->schemas, in->doc, &in->diags);
    }
    rec_warnings_apply(opts->warnings, &in->diags);
    rec_diags_sort(&in->diags);
    in->status = in->diags.errors || !in->doc ? REC_INVALID : REC_OK;
}

static void start(rec_input *in, const char *path)
{
    memset(in, 0, sizeof *in);
    in->path = path;
    rec_source_init(&in->src);
    rec_diags_init(&in->diags);
}

void rec_input_load(rec_input *in, const rec_engine *e, rec_matcher *m, const char *path,
                    const rec_input_options *opts)
{
    start(in, path);
    char *err = NULL;
    rec_kind_id kind = REC_KIND_IO_ERROR;
    in->status = rec_source_read(&in->src, path, opts->max_size, &kind, &err);
    if (in->status == REC_OK) {
        judge(in, e, m, strcmp(path, "-") == 0 ? "<stdin>" : path, opts);
    } else {
        rec_diags_add(&in->diags, 0, 0, REC_ERROR, kind, "%s", err);
        free(err);
    }
}

void rec_input_load_bytes(rec_input *in, const rec_engine *e, rec_matcher *m, const char *name,
                          const char *bytes, size_t size, const rec_input_options *opts)
{
    start(in, name);
    in->src.bytes = rec_xmalloc(size + 1);
    memcpy(in->src.bytes, bytes, size);
    in->src.bytes[size] = '\0';
    in->src.size = size;
    in->src.bom = size >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    judge(in, e, m, name, opts);
}

void rec_input_free(rec_input *in)
{
    xmlFreeDoc(in->doc);
    rec_source_free(&in->src);
    rec_diags_clear(&in->diags);
    memset(in, 0, sizeof *in);
}
