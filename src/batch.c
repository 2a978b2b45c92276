/* SPDX-License-Identifier: MIT */
/* batch.c - a pool of workers over the inputs; verdicts printed in input
 * order; outputs renamed into place only when an input fully succeeded. */
#include "batch.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/hash.h>
#include <libxml/xpath.h>

#include "output.h"
#include "tempfile.h"
#include "util.h"

typedef struct {
    char *text;          /* the input's diagnostics, as printed; owned */
    rec_exit verdict;
    bool converted, up_to_date;
    size_t errors, warnings;
    unsigned written;    /* files renamed into place */
    bool done;
} result;

typedef struct {
    const rec_batch_options *o;
    char *const *inputs;
    int n;
    char **bases;        /* output path without extension, per input; owned */
    size_t dirlen;       /* bases[i] + dirlen: the name in the directory */
    int dirfd;           /* the output directory, opened once (-1 with --check) */
    const rec_engine *engine;
    const rec_stylesheets *sheets;
    int format_threads;  /* threads one document's formats may use */
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int next;            /* next input to take */
    int finished;        /* workers that have stopped */
    result *results;
} pool;

static char *output_path(const pool *p, int i, rec_format f)
{
    return rec_asprintf("%s.%s", p->bases[i], rec_format_ext(f));
}

/* The output's name in the output directory (relative to p->dirfd). */
static char *output_name(const pool *p, int i, rec_format f)
{
    return rec_asprintf("%s.%s", p->bases[i] + p->dirlen, rec_format_ext(f));
}

/* "dir/report.txt" -> "report" */
static char *stem(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    const char *dot = strrchr(name, '.');
    return rec_xstrndup(name, dot && dot != name ? (size_t)(dot - name) : strlen(name));
}

static bool older(const struct stat *a, const struct stat *b)
{
    return a->st_mtim.tv_sec < b->st_mtim.tv_sec ||
           (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec < b->st_mtim.tv_nsec);
}

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
    const pool *p;
    format_job jobs[REC_FMT_COUNT];
    int n;
    rec_claim claim;
} format_queue;

static void *drain(void *arg)
{
    format_queue *q = arg;
    for (int k; (k = rec_claim_next(&q->claim)) >= 0;) {
        format_job *j = &q->jobs[k];
        j->rc = rec_transform(q->p->sheets, j->f, j->doc, q->p->o->params, j->out, &j->diags);
    }
    return NULL;
}

/* Apply every format in todo to doc, into outs. When there are fewer
 * inputs than cores, the stylesheets of one document run side by side: the
 * source tree is only read (rec_tree_settle ran before, and XPath's
 * document order is stamped here, once, before the threads start). The
 * costliest formats are taken first, so that the cheap ones fill the gaps
 * (30 MB, two cores: HTML and DocBook take ~5 s each, CSV ~3 s, XML ~0.5 s). */
static int transform_all(const pool *p, xmlDocPtr doc, unsigned todo, rec_output **outs,
                         rec_diags *diags)
{
    static const rec_format by_cost[] = {REC_FMT_DOCBOOK, REC_FMT_HTML,  REC_FMT_XLIFF,
                                         REC_FMT_CSV,     REC_FMT_TEXT,  REC_FMT_XML};
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
                rec_diags_add(diags, g->line, g->col, g->severity, (rec_kind_id)rec_kind_index(g->kind),
                              "%s", g->message);
            }
            rec_diags_clear(&j->diags);
            if (j->rc != 0)
                rc = -1;
        }
    }
    return rc;
}

/* Convert input i; fill its result (diagnostics as text). */
static void convert_one(pool *p, rec_matcher *m, int i, result *r)
{
    const rec_batch_options *o = p->o;
    const char *path = p->inputs[i];
    char *buf = NULL;
    size_t len = 0;
    FILE *text = open_memstream(&buf, &len);
    unsigned todo = o->formats;

    if (o->update) {
        /* every output is given its input's mtime as it was read (see
         * rec_output_set_mtime): an output as old as its input is current;
         * an edit made while it was converted is newer */
        struct stat in_st, out_st;
        if (stat(path, &in_st) == 0) {
            for (int f = 0; f < REC_FMT_COUNT; f++) {
                if (!(todo & (1u << f)))
                    continue;
                char *out = output_name(p, i, (rec_format)f);
                if (fstatat(p->dirfd, out, &out_st, AT_SYMLINK_NOFOLLOW) == 0 &&
                    S_ISREG(out_st.st_mode) && !older(&out_st, &in_st))
                    todo &= ~(1u << f);
                free(out);
            }
        }
        if (!todo) {
            r->up_to_date = true;
            fclose(text);
            r->text = buf;
            return;
        }
    }

    rec_input in;
    rec_input_load(&in, p->engine, m, path, &o->input);
    rec_diags extra;  /* transform and write problems: file-level */
    rec_diags_init(&extra);
    if (in.status == REC_IOERR) {
        r->verdict = REC_EXIT_USAGE;
    } else {
        r->verdict = in.status == REC_INVALID ? REC_EXIT_INVALID : REC_EXIT_OK;
        if (!o->check && in.doc && (in.status == REC_OK || o->force)) {
            rec_output *outs[REC_FMT_COUNT] = {0};
            char *err = NULL;
            bool ok = true;
            for (int f = 0; f < REC_FMT_COUNT && ok; f++) {
                if (!(todo & (1u << f)))
                    continue;
                char *target = output_name(p, i, (rec_format)f);
                outs[f] = rec_output_open(p->dirfd, o->outdir, target, o->mode, &err);
                free(target);
                if (outs[f] && in.src.has_mtime)
                    rec_output_set_mtime(outs[f], &in.src.mtime);
                if (!outs[f]) {
                    rec_diags_add(&extra, 0, 0, REC_ERROR, REC_KIND_IO_ERROR, "%s", err);
                    free(err);
                    err = NULL;
                    ok = false;
                    r->verdict = REC_EXIT_USAGE;
                }
            }
            if (ok && transform_all(p, in.doc, todo, outs, &extra) != 0) {
                ok = false;
                r->verdict = REC_EXIT_INVALID;
            }
            /* all formats or none: rename only when every one was written */
            for (int f = 0; f < REC_FMT_COUNT; f++) {
                if (!outs[f])
                    continue;
                if (!ok) {
                    rec_output_abort(outs[f]);
                } else if (rec_output_commit(outs[f], &err) != 0) {
                    rec_diags_add(&extra, 0, 0, REC_ERROR, REC_KIND_IO_ERROR, "%s", err);
                    free(err);
                    err = NULL;
                    r->verdict = REC_EXIT_USAGE;
                    ok = false;
                } else {
                    r->written++;
                }
            }
            r->converted = ok && in.status == REC_OK;
        }
    }
    rec_warnings_filter(o->input.warnings, &extra); /* after the verdict: no promotion */
    r->errors = in.diags.errors + extra.errors;
    r->warnings = in.diags.warnings + extra.warnings;
    rec_quote_source q = {in.src.bytes ? in.src.bytes + in.src.bom : NULL, in.src.size - in.src.bom};
    rec_report(o->report, text, path, &in.diags, o->caret && !in.is_xml && q.bytes ? &q : NULL,
               o->color);
    rec_report(o->report, text, path, &extra, NULL, o->color);
    rec_diags_clear(&extra);
    rec_input_free(&in);
    fclose(text);
    r->text = buf;
}

static void *worker(void *arg)
{
    pool *p = arg;
    rec_matcher *m = rec_matcher_new(p->engine->patterns);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        int i = p->next++;
        pthread_mutex_unlock(&p->lock);
        if (i >= p->n)
            break;
        result r = {0};
        convert_one(p, m, i, &r);
        pthread_mutex_lock(&p->lock);
        r.done = true;
        p->results[i] = r;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    rec_matcher_free(m);
    pthread_mutex_lock(&p->lock);
    p->finished++;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* An index in a hash table: 1-based, so that 0 (NULL) is "none". */
#define AS_ENTRY(i) ((void *)(intptr_t)((i) + 1))
#define AS_INDEX(e) ((int)((intptr_t)(e)-1))

/* Remove what a killed run left of this run's outputs: temporaries named
 * after them, and nothing else. */
static void sweep(const pool *p)
{
    size_t n = 0;
    const char **names = rec_xmalloc((size_t)p->n * REC_FMT_COUNT * sizeof *names);
    char **owned = rec_xmalloc((size_t)p->n * REC_FMT_COUNT * sizeof *owned);
    for (int i = 0; i < p->n; i++)
        for (int f = 0; f < REC_FMT_COUNT; f++) {
            if (!(p->o->formats & (1u << f)))
                continue;
            owned[n] = output_name(p, i, (rec_format)f);
            names[n] = owned[n];
            n++;
        }
    rec_temp_sweep(p->dirfd, names, n);
    for (size_t k = 0; k < n; k++)
        free(owned[k]);
    free(owned);
    free(names);
}

/* Refuse, before any work, two inputs that would write the same outputs
 * and an output that would overwrite an input. Linear: the names seen are
 * kept in hash tables (40,000 inputs: 8.8 s with the pairwise comparison). */
static int plan(pool *p)
{
    const rec_batch_options *o = p->o;
    int bad = 0;
    if (o->check)
        return 0; /* nothing is written */
    p->bases = rec_xmalloc((size_t)p->n * sizeof *p->bases);
    p->dirlen = strlen(o->outdir) + 1;
    for (int i = 0; i < p->n; i++) {
        char *s = stem(p->inputs[i]);
        p->bases[i] = rec_asprintf("%s/%s", o->outdir, s);
        free(s);
    }
    int size = p->n < 64 ? 64 : p->n;
    xmlHashTablePtr inputs = xmlHashCreate(size), bases = xmlHashCreate(size);
    if (!inputs || !bases)
        rec_out_of_memory(0);
    for (int i = 0; i < p->n; i++) {
        if (strcmp(p->inputs[i], "-") == 0) {
            fprintf(o->err, "rec2xml: standard input has no name to write outputs under; "
                            "give a file with -d\n");
            bad = 1;
        }
        if (xmlHashAddEntry(inputs, (const xmlChar *)p->inputs[i], AS_ENTRY(i)) != 0) {
            rec_say(o->err, "'%s' is given twice", p->inputs[i]);
            bad = 1;
        } else if (xmlHashAddEntry(bases, (const xmlChar *)p->bases[i], AS_ENTRY(i)) != 0) {
            int j = AS_INDEX(xmlHashLookup(bases, (const xmlChar *)p->bases[i]));
            rec_say(o->err, "'%s' and '%s' would both be written as '%s.*'; "
                            "rename one or convert them separately",
                    p->inputs[j], p->inputs[i], p->bases[i]);
            bad = 1;
        }
        struct stat in_st, out_st;
        if (stat(p->inputs[i], &in_st) != 0)
            continue; /* reported when converting */
        for (int f = 0; f < REC_FMT_COUNT; f++) {
            if (!(o->formats & (1u << f)))
                continue;
            char *out = output_path(p, i, (rec_format)f);
            if (stat(out, &out_st) == 0 && out_st.st_dev == in_st.st_dev &&
                out_st.st_ino == in_st.st_ino) {
                rec_say(o->err, "the %s output of '%s' would overwrite the input "
                                "itself; choose another -d",
                        rec_format_name((rec_format)f), p->inputs[i]);
                bad = 1;
            }
            free(out);
        }
    }
    xmlHashFree(inputs, NULL);
    xmlHashFree(bases, NULL);
    /* the output directory is made when missing (its parent must exist) */
    struct stat d;
    if (stat(o->outdir, &d) != 0 && errno == ENOENT && mkdir(o->outdir, 0777) == 0)
        (void)stat(o->outdir, &d);
    if (stat(o->outdir, &d) != 0) {
        rec_say(o->err, "output directory '%s': %s", o->outdir, strerror(errno));
        bad = 1;
    } else if (!S_ISDIR(d.st_mode)) {
        rec_say(o->err, "output directory '%s': Not a directory", o->outdir);
        bad = 1;
    } else if (!bad) {
        /* every output is made relative to this descriptor: the directory
         * named here is the one written, even if its name is taken away */
        p->dirfd = open(o->outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (p->dirfd < 0) {
            rec_say(o->err, "output directory '%s': %s", o->outdir, strerror(errno));
            bad = 1;
        }
    }
    if (!bad)
        sweep(p);
    return bad ? -1 : 0;
}

static void progress(const pool *p, int printed, int failed)
{
    fprintf(p->o->err, "\r\033[Krec2xml: %d/%d", printed, p->n);
    if (failed)
        fprintf(p->o->err, ", %d failed", failed);
    fflush(p->o->err);
}

/* --check's summary: the same words for one file or many. */
static void check_summary(const pool *p)
{
    size_t valid = 0, invalid = 0, unreadable = 0, errors = 0, warnings = 0;
    for (int i = 0; i < p->n; i++) {
        const result *r = &p->results[i];
        valid += r->verdict == REC_EXIT_OK;
        invalid += r->verdict == REC_EXIT_INVALID;
        unreadable += r->verdict == REC_EXIT_USAGE;
        errors += r->errors;
        warnings += r->warnings;
    }
    FILE *err = p->o->err;
    fprintf(err, "rec2xml: %d file%s checked: %zu valid, %zu invalid", p->n, p->n == 1 ? "" : "s",
            valid, invalid);
    if (unreadable)
        fprintf(err, ", %zu unreadable", unreadable);
    fprintf(err, "; %zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings,
            warnings == 1 ? "" : "s");
}

static void summary(const pool *p, int converted, int failed, int current, unsigned written)
{
    const rec_batch_options *o = p->o;
    if (o->check) {
        check_summary(p);
        return;
    }
    fprintf(o->err, "rec2xml: %d input%s: %d converted, %d failed", p->n, p->n == 1 ? "" : "s",
            converted, failed);
    if (current)
        fprintf(o->err, ", %d up to date", current);
    char *dir = rec_escape_text(o->outdir);
    fprintf(o->err, "; %u file%s written to %s\n", written, written == 1 ? "" : "s", dir);
    free(dir);
    if (failed) {
        int shown = 0;
        fprintf(o->err, "rec2xml: failed:");
        for (int i = 0; i < p->n && shown < 10; i++)
            if (p->results[i].verdict != REC_EXIT_OK) {
                char *shown_path = rec_escape_text(p->inputs[i]);
                fprintf(o->err, " %s", shown_path);
                free(shown_path);
                shown++;
            }
        fprintf(o->err, "%s\n", failed > shown ? " …" : "");
    }
}

rec_exit rec_batch_run(const rec_batch_options *o, char *const *inputs, int n,
                       const rec_engine *engine, const rec_stylesheets *sheets)
{
    pool p = {.o = o, .inputs = inputs, .n = n, .engine = engine, .sheets = sheets, .dirfd = -1};
    rec_exit worst = REC_EXIT_OK;
    if (plan(&p) != 0) {
        worst = REC_EXIT_USAGE;
        goto cleanup;
    }
    p.results = rec_xmalloc((size_t)n * sizeof *p.results);
    memset(p.results, 0, (size_t)n * sizeof *p.results);
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);

    int jobs = o->jobs < 1 ? 1 : o->jobs > n ? n : o->jobs;
    /* spare cores (fewer inputs than -j) go to one document's formats */
    p.format_threads = o->jobs > n ? o->jobs / n : 1;
    pthread_t *threads = rec_xmalloc((size_t)jobs * sizeof *threads);
    int started = 0;
    /* One input is worked on right here: glibc gives another thread a heap
     * that grows in steps of at most 64 MB, and a large document's trees
     * paid for it (30 MB to HTML: 10.5 s on a worker, 8.2 s here). */
    for (; n > 1 && started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
    if (started == 0) {
        worker(&p); /* one input, or no thread could start: do the work here */
        p.finished = 0;
    }

    /* print verdicts in input order as they come in */
    int converted = 0, failed = 0, current = 0;
    unsigned written = 0;
    pthread_mutex_lock(&p.lock);
    for (int i = 0; i < n; i++) {
        while (!p.results[i].done && p.finished < started)
            pthread_cond_wait(&p.changed, &p.lock);
        if (!p.results[i].done)
            break;
        result *r = &p.results[i];
        if (o->progress)
            fputs("\r\033[K", o->err);
        fputs(r->text ? r->text : "", o->report == REC_REPORT_SARIF ? o->sarif : o->err);
        converted += r->converted;
        current += r->up_to_date;
        failed += r->verdict != REC_EXIT_OK;
        written += r->written;
        if (r->verdict > worst)
            worst = r->verdict;
        if (o->progress && i + 1 < n)
            progress(&p, i + 1, failed);
    }
    pthread_mutex_unlock(&p.lock);
    for (int t = 0; t < started; t++)
        pthread_join(threads[t], NULL);
    free(threads);
    if (o->progress)
        fputs("\r\033[K", o->err);

    if (!o->quiet && o->report == REC_REPORT_GCC)
        summary(&p, converted, failed, current, written);
    for (int i = 0; i < n; i++)
        free(p.results[i].text);
    free(p.results);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.lock);
cleanup:
    if (p.dirfd >= 0)
        close(p.dirfd);
    for (int i = 0; p.bases && i < n; i++)
        free(p.bases[i]);
    free(p.bases);
    return worst;
}
