/* input.c - read, parse and validate one input. */
#include "input.h"

#include <stdlib.h>
#include <string.h>

#include "parse.h"
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

void rec_input_load(rec_input *in, const rec_engine *e, rec_matcher *m,
                    const char *path, const rec_input_options *opts)
{
    memset(in, 0, sizeof *in);
    in->path = path;
    rec_source_init(&in->src);
    rec_diags_init(&in->diags);

    const char *url = strcmp(path, "-") == 0 ? "<stdin>" : path;
    in->status = rec_source_read(&in->src, path, &in->ioerr);
    if (in->status != REC_OK)
        return;
    in->is_xml = looks_like_xml(path, &in->src);
    if (in->is_xml) {
        in->doc = rec_xml_read(in->src.bytes, in->src.size, url, &in->diags);
    } else if (rec_source_split(&in->src, &in->diags) == REC_OK) {
        in->doc = rec_parse(&in->src, m, url, opts->lang ? opts->lang : "en", &in->diags);
    }
    if (in->doc)
        rec_validate(e->schemas, in->doc, &in->diags);
    if (opts->strict)
        rec_diags_promote_warnings(&in->diags);
    rec_diags_sort(&in->diags);
    in->status = in->diags.errors || !in->doc ? REC_INVALID : REC_OK;
}

void rec_input_free(rec_input *in)
{
    xmlFreeDoc(in->doc);
    rec_source_free(&in->src);
    rec_diags_clear(&in->diags);
    free(in->ioerr);
    memset(in, 0, sizeof *in);
}
