/* SPDX-License-Identifier: MIT */
/* run.c - compile once, plan, take every input through the pipeline,
 * weigh the verdicts. */
#include "run.h"

#include <libxml/parser.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "diff.h"
#include "pipeline.h"
#include "plan.h"
#include "report.h"
#include "tempfile.h"
#include "terminal.h"
#include "transform.h"
#include "translate.h"
#include "util.h"
#include "xmlin.h"

#ifndef REC_VERSION
#define REC_VERSION "0.1.0"
#endif

/* A BCP 47 tag as xml:lang takes it (cli.c checks --lang with it too). */
bool rec_language_tag(const char *s)
{
    size_t run = 0;
    bool first = true;
    for (; *s; s++) {
        bool alpha = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
        bool digit = *s >= '0' && *s <= '9';
        if (*s == '-') {
            if (run == 0)
                return false;
            run = 0;
            first = false;
        } else if ((alpha || (digit && !first)) && ++run <= 8) {
            continue;
        } else {
            return false;
        }
    }
    return run > 0;
}

/* --translation FILE, read once for the run. Returns NULL when it cannot
 * be used (said through r). */
static rec_translation *read_translation(const rec_job *job, rec_reporter *r)
{
    rec_diags td;
    rec_diags_init(&td);
    rec_translation *t = rec_translation_read(job->translation, job->input.max_size, &td);
    rec_diags_sort(&td);
    rec_reporter_put(r, job->translation, &td);
    rec_diags_clear(&td);
    if (!t)
        return NULL;
    const char *declared = rec_translation_lang(t);
    if (!job->target_lang && declared && !rec_language_tag(declared)) {
        rec_reporter_say(r, job->translation, REC_KIND_TRANSLATION_LANGUAGE,
                         "%s says its language is '%s', which is not a language tag; "
                         "give --target-lang",
                         job->translation, declared);
    } else if (!job->target_lang && !declared) {
        rec_reporter_say(r, job->translation, REC_KIND_TRANSLATION_LANGUAGE,
                         "%s does not say its language; give --target-lang", job->translation);
    } else {
        return t;
    }
    rec_translation_free(t);
    return NULL;
}

/* Load input i alone and report it when it could not be read. */
static xmlDocPtr diff_load(const rec_job *job, const rec_engine *engine, rec_matcher *m, int i,
                           rec_reporter *r, rec_input *in)
{
    rec_input_load(in, engine, m, job->inputs[i], &job->input);
    if (!in->doc)
        rec_pipeline_report(job, in, rec_reporter_stream(r));
    return in->doc;
}

/* --diff OLD NEW: 0 no change in the recommendations, 1 changes, 2 when a
 * file cannot be read or parsed. Each document is freed once its items are
 * collected: only one tree is in memory at a time. */
static rec_exit diff(const rec_job *job, const rec_engine *engine, rec_reporter *r)
{
    rec_matcher *m = rec_matcher_new(engine->patterns);
    rec_differ *d = rec_differ_new();
    rec_exit rc = REC_EXIT_OK;
    for (int i = 0; i < 2; i++) {
        rec_input in;
        if (diff_load(job, engine, m, i, r, &in))
            rec_differ_add(d, i, in.doc);
        else
            rc = REC_EXIT_USAGE;
        rec_input_free(&in);
    }
    rec_matcher_free(m);
    if (rc == REC_EXIT_OK) {
        rec_diff_stats st;
        bool color = job->diff_format == REC_DIFF_TEXT && rec_color_wanted(job->color, STDOUT_FILENO);
        bool changed =
            rec_differ_report(d, job->inputs[0], job->inputs[1], job->diff_format, color, stdout, &st);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            rec_reporter_say(r, "<stdout>", REC_KIND_IO_ERROR, "cannot write to standard output");
            rc = REC_EXIT_USAGE;
        } else {
            rc = changed ? REC_EXIT_INVALID : REC_EXIT_OK;
        }
        if (!job->quiet && job->diff_format == REC_DIFF_TEXT && job->report == REC_REPORT_GCC)
            fprintf(r->err,
                    "rec2xml: %zu added, %zu removed, %zu changed, %zu moved, "
                    "%zu unchanged\n",
                    st.added, st.removed, st.changed, st.moved, st.unchanged);
    }
    rec_differ_free(d);
    return rc;
}

/* Every input through the pipeline, on the threads -j allows. */
static rec_exit convert_all(const rec_job *job, const rec_engine *engine, const rec_stylesheets *sheets,
                            rec_reporter *r)
{
    rec_translation *translation = NULL;
    if (job->translation && !(translation = read_translation(job, r)))
        return REC_EXIT_USAGE;
    rec_plan plan;
    rec_exit rc = REC_EXIT_USAGE;
    if (rec_plan_make(&plan, job, r) == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        int jobs = job->jobs ? job->jobs : cpus > 0 ? (int)cpus : 1;
        int n = job->ninputs;
        rec_pipeline p = {
            .job = job,
            .engine = engine,
            .sheets = sheets,
            .translation = translation,
            .plan = &plan,
            /* spare cores (fewer inputs than -j) go to one document's formats */
            .format_threads = jobs > n ? jobs / n : 1,
        };
        rec_tally t;
        memset(&t, 0, sizeof t);
        bool progress = job->caret && !job->quiet && job->mode == REC_MODE_BATCH;
        rec_batch_run(&p, jobs, progress, r, &t);
        if (!job->quiet && job->report == REC_REPORT_GCC)
            rec_tally_print(&t, job->mode, job->outdir, r->err);
        rc = t.worst;
    }
    rec_plan_free(&plan);
    rec_translation_free(translation);
    return rc;
}

rec_exit rec_run(const rec_job *job, FILE *err)
{
    rec_exit rc = REC_EXIT_USAGE;
    rec_reporter r;
    rec_reporter_open(&r, job->report, err);
    r.color = job->color_diags;
    rec_engine engine;
    memset(&engine, 0, sizeof engine);
    rec_diags sheet_diags;
    rec_diags_init(&sheet_diags);
    /* Ctrl-C, kill, an abort: the temporaries go, and rec2xml with them */
    rec_temp_trap_signals();

    rec_xml_checked_memory(); /* before libxml2 allocates anything */
    LIBXML_TEST_VERSION
    xmlInitParser(); /* before any worker thread */
    rec_xml_deny_external_entities();
    rec_transform_init();
    /* the stylesheets compile on a helper thread while the schemas and
     * patterns are set up here */
    rec_stylesheets *sheets = rec_stylesheets_new();
    bool writes = job->mode == REC_MODE_CONVERT || job->mode == REC_MODE_BATCH;
    rec_sheet_loader *loader =
        rec_stylesheets_load_start(sheets, writes ? job->formats : 0u, job->stylesheet);
    char *msg = NULL;
    if (rec_engine_init(&engine, &msg) != 0) {
        rec_stylesheets_load_finish(loader, &sheet_diags);
        fprintf(err, "rec2xml: %s\n", msg);
        free(msg);
        goto cleanup;
    }
    int loaded = rec_stylesheets_load_finish(loader, &sheet_diags);
    if (job->mode == REC_MODE_DIFF)
        rc = diff(job, &engine, &r);
    else if (loaded != 0)
        rec_reporter_put(&r, job->stylesheet ? job->stylesheet : "rec2xml", &sheet_diags);
    else
        rc = convert_all(job, &engine, sheets, &r);
cleanup:
    rec_reporter_close(&r, REC_VERSION);
    rec_temp_release_signals();
    rec_diags_clear(&sheet_diags);
    rec_stylesheets_free(sheets);
    rec_engine_free(&engine);
    return rc;
}
