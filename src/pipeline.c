/* SPDX-License-Identifier: MIT */
/* pipeline.c - one input: load, translate, transform, commit, verdict. */
#include "pipeline.h"

#include <libxml/xpath.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "tree.h"
#include "util.h"
#include "warnings.h"

/* The worse of a verdict so far and what a later stage found. */
static void worsen(rec_verdict *v, rec_status s)
{
    if (s > v->status)
        v->status = s;
}

/* ---- translate ------------------------------------------------------------ */

/* Put the translation into in's document and judge it again: a
 * translation's errors make the input invalid. */
static void translate(const rec_pipeline *p, rec_matcher *m, rec_input *in, FILE *out)
{
    const rec_job *job = p->job;
    const char *lang = job->target_lang ? job->target_lang : rec_translation_lang(p->translation);
    rec_translation_stats st = {0, 0, 0, 0, 0};
    size_t errors = in->diags.errors;
    rec_translation_apply(p->translation, in->doc, lang, m, &in->diags, &st);
    rec_tree_settle(xmlDocGetRootElement(in->doc));
    rec_validate(p->engine->schemas, in->doc, &in->diags);
    rec_warnings_apply(&job->warnings, &in->diags);
    rec_diags_sort(&in->diags);
    /* what the reader guessed about the file (a CSV separated by ';') is
     * said here: it is not a problem, so not a diagnostic, which are
     * warnings or errors that --strict, the counts and the exit status
     * weigh; this line is the import's own account */
    const char *note = rec_translation_note(p->translation);
    if (!job->quiet && job->report == REC_REPORT_GCC)
        rec_say(out, "%s: %zu/%zu segments translated, %zu stale, %zu missing%s%s%s", job->translation,
                st.translated, st.segments, st.stale, st.missing,
                st.broken ? ", some with broken footnote references" : "", note ? "; " : "",
                note ? note : "");
    if (in->diags.errors > errors)
        in->status = REC_INVALID;
}

/* ---- transform ------------------------------------------------------------ */

/* One format of one document. */
typedef struct {
    xmlDocPtr doc;
    rec_output *out;
    rec_diags diags;
    rec_format f;
    int rc;
} format_job;

/* The formats of one document, shared by the threads that apply them: each
 * takes the next job until none is left. */
typedef struct {
    const rec_pipeline *p;
    format_job jobs[REC_FMT_COUNT];
    int n;
    rec_claim claim;
} format_queue;

static void *drain(void *arg)
{
    format_queue *q = arg;
    const rec_pipeline *p = q->p;
    for (int k; (k = rec_claim_next(&q->claim)) >= 0;) {
        format_job *j = &q->jobs[k];
        j->rc = rec_transform(p->sheets, j->f, j->doc, p->job->params, j->out, &j->diags);
    }
    return NULL;
}

/* Apply every format in todo to doc, into outs. When there are fewer
 * inputs than cores, the stylesheets of one document run side by side: the
 * source tree is only read (rec_tree_settle ran before, and XPath's
 * document order is stamped here, once, before the threads start). The
 * costliest formats are taken first, so that the cheap ones fill the gaps
 * (30 MB, two cores: HTML and DocBook take ~5 s each, CSV ~3 s, XML ~0.5 s). */
static int transform_all(const rec_pipeline *p, xmlDocPtr doc, unsigned todo, rec_output **outs,
                         rec_diags *diags)
{
    static const rec_format by_cost[] = {REC_FMT_DOCBOOK, REC_FMT_HTML, REC_FMT_XLIFF,
                                         REC_FMT_CSV,     REC_FMT_TEXT, REC_FMT_XML};
    _Static_assert(sizeof by_cost / sizeof by_cost[0] == REC_FMT_COUNT, "every format has a rank");
    format_queue q = {.p = p, .n = 0};
    for (size_t k = 0; k < REC_FMT_COUNT; k++) {
        rec_format f = by_cost[k];
        if (!(todo & (1u << f)))
            continue;
        q.jobs[q.n] = (format_job){doc, outs[f], {0}, f, 0};
        rec_diags_init(&q.jobs[q.n].diags);
        q.n++;
    }
    rec_claim_init(&q.claim, q.n);
    xmlXPathOrderDocElems(doc);
    pthread_t threads[REC_FMT_COUNT];
    int helpers = 0;
    while (helpers + 1 < p->format_threads && helpers + 1 < q.n &&
           pthread_create(&threads[helpers], NULL, drain, &q) == 0)
        helpers++;
    drain(&q); /* this thread takes its share too */
    for (int t = 0; t < helpers; t++)
        pthread_join(threads[t], NULL);
    rec_claim_destroy(&q.claim);

    /* diagnostics in format order, whoever applied them */
    int rc = 0;
    for (int f = 0; f < REC_FMT_COUNT; f++) {
        for (int k = 0; k < q.n; k++) {
            format_job *j = &q.jobs[k];
            if (j->f != (rec_format)f)
                continue;
            for (size_t d = 0; d < j->diags.n; d++) {
                rec_diag *g = &j->diags.v[d];
                rec_diags_add(diags, g->line, g->col, g->severity, (rec_kind_id)rec_kind_index(g->kind), "%s",
                              g->message);
            }
            rec_diags_clear(&j->diags);
            if (j->rc != 0)
                rc = -1;
        }
    }
    return rc;
}

/* ---- commit --------------------------------------------------------------- */

/* Write in's document in every format of todo, each to its target: all
 * renamed into place, or none. */
static void write_outputs(const rec_pipeline *p, int i, rec_input *in, unsigned todo, rec_verdict *v)
{
    rec_output *outs[REC_FMT_COUNT] = {0};
    char *err = NULL;
    bool ok = true;
    for (int f = 0; f < REC_FMT_COUNT && ok; f++) {
        if (!(todo & (1u << f)))
            continue;
        outs[f] = rec_plan_open(p->plan, i, (rec_format)f, &err);
        if (!outs[f]) {
            rec_diags_add(&in->diags, 0, 0, REC_ERROR, REC_KIND_IO_ERROR, "%s", err);
            free(err);
            err = NULL;
            worsen(v, REC_IOERR);
            ok = false;
        } else if (p->job->mode == REC_MODE_BATCH && in->src.has_mtime) {
            rec_output_set_mtime(outs[f], &in->src.mtime); /* for -u */
        }
    }
    if (ok && transform_all(p, in->doc, todo, outs, &in->diags) != 0) {
        worsen(v, REC_INVALID);
        ok = false;
    }
    for (int f = 0; f < REC_FMT_COUNT; f++) {
        if (!outs[f])
            continue;
        if (!ok) {
            rec_output_abort(outs[f]);
        } else if (rec_output_commit(outs[f], &err) != 0) {
            rec_diags_add(&in->diags, 0, 0, REC_ERROR, REC_KIND_IO_ERROR, "%s", err);
            free(err);
            err = NULL;
            worsen(v, REC_IOERR);
            ok = false;
        } else {
            v->written++;
        }
    }
    v->converted = ok && in->status == REC_OK;
}

/* ---- the pipeline --------------------------------------------------------- */

void rec_pipeline_run(const rec_pipeline *p, rec_matcher *m, int i, FILE *out, rec_verdict *v)
{
    const rec_job *job = p->job;
    const char *path = job->inputs[i];
    memset(v, 0, sizeof *v);
    unsigned todo = job->mode == REC_MODE_CHECK ? 0 : job->formats;
    if (todo && job->update && !(todo = rec_plan_outdated(p->plan, i, todo))) {
        v->up_to_date = true;
        return;
    }

    rec_input in;
    rec_input_load(&in, p->engine, m, path, &job->input);
    if (in.doc && p->translation && (in.status == REC_OK || job->force))
        translate(p, m, &in, out);
    v->status = in.status;
    if (todo && in.doc && (in.status == REC_OK || job->force))
        write_outputs(p, i, &in, todo, v);
    /* what the stylesheets said comes after the verdict: a warning turned
     * off goes, none becomes an error */
    rec_warnings_filter(&job->warnings, &in.diags);
    v->errors = in.diags.errors;
    v->warnings = in.diags.warnings;

    rec_pipeline_report(job, &in, out);
    rec_input_free(&in);
}

void rec_pipeline_report(const rec_job *job, const rec_input *in, FILE *out)
{
    rec_quote_source q = {in->src.bytes ? in->src.bytes + in->src.bom : NULL, in->src.size - in->src.bom};
    rec_report(job->report, out, strcmp(in->path, "-") == 0 ? "<stdin>" : in->path, &in->diags,
               job->caret && !in->is_xml && q.bytes ? &q : NULL, job->color_diags);
}
