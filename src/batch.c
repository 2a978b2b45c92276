/* SPDX-License-Identifier: MIT */
/* batch.c - a pool of workers over the inputs; verdicts reported in input
 * order as they come in. */
#include "batch.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef struct {
    char *text; /* the input's diagnostics, as written; owned */
    rec_verdict verdict;
    bool done;
} result;

typedef struct {
    const rec_pipeline *p;
    int n;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    int next;     /* next input to take */
    int finished; /* workers that have stopped */
    result *results;
} pool;

static void *worker(void *arg)
{
    pool *q = arg;
    rec_matcher *m = rec_matcher_new(q->p->engine->patterns);
    for (;;) {
        pthread_mutex_lock(&q->lock);
        int i = q->next++;
        pthread_mutex_unlock(&q->lock);
        if (i >= q->n)
            break;
        result r = {0};
        size_t len = 0;
        FILE *text = open_memstream(&r.text, &len);
        if (!text)
            rec_out_of_memory(0);
        rec_pipeline_run(q->p, m, i, text, &r.verdict);
        if (fclose(text) != 0)
            rec_out_of_memory(len);
        pthread_mutex_lock(&q->lock);
        r.done = true;
        q->results[i] = r;
        pthread_cond_broadcast(&q->changed);
        pthread_mutex_unlock(&q->lock);
    }
    rec_matcher_free(m);
    pthread_mutex_lock(&q->lock);
    q->finished++;
    pthread_cond_broadcast(&q->changed);
    pthread_mutex_unlock(&q->lock);
    return NULL;
}

static void progress(FILE *err, int printed, int n, size_t failed)
{
    fprintf(err, "\r\033[Krec2xml: %d/%d", printed, n);
    if (failed)
        fprintf(err, ", %zu failed", failed);
    fflush(err);
}

void rec_batch_run(const rec_pipeline *p, int jobs, bool progress_line, rec_reporter *r, rec_tally *t)
{
    int n = p->job->ninputs;
    pool q = {.p = p, .n = n};
    q.results = rec_xmalloc((size_t)n * sizeof *q.results);
    memset(q.results, 0, (size_t)n * sizeof *q.results);
    pthread_mutex_init(&q.lock, NULL);
    pthread_cond_init(&q.changed, NULL);

    jobs = jobs < 1 ? 1 : jobs > n ? n : jobs;
    pthread_t *threads = rec_xmalloc((size_t)jobs * sizeof *threads);
    int started = 0;
    /* One input is worked on right here: glibc gives another thread a heap
     * that grows in steps of at most 64 MB, and a large document's trees
     * paid for it (30 MB to HTML: 10.5 s on a worker, 8.2 s here). */
    for (; n > 1 && started < jobs; started++)
        if (pthread_create(&threads[started], NULL, worker, &q) != 0)
            break;
    if (started == 0) {
        worker(&q); /* one input, or no thread could start: do the work here */
        q.finished = 0;
    }

    /* report verdicts in input order as they come in */
    FILE *err = r->err, *out = rec_reporter_stream(r);
    pthread_mutex_lock(&q.lock);
    for (int i = 0; i < n; i++) {
        while (!q.results[i].done && q.finished < started)
            pthread_cond_wait(&q.changed, &q.lock);
        if (!q.results[i].done)
            break;
        result *res = &q.results[i];
        if (progress_line)
            fputs("\r\033[K", err);
        fputs(res->text ? res->text : "", out);
        rec_tally_add(t, p->job->inputs[i], &res->verdict);
        if (progress_line && i + 1 < n)
            progress(err, i + 1, n, t->invalid + t->unreadable);
    }
    pthread_mutex_unlock(&q.lock);
    for (int k = 0; k < started; k++)
        pthread_join(threads[k], NULL);
    free(threads);
    if (progress_line)
        fputs("\r\033[K", err);

    for (int i = 0; i < n; i++)
        free(q.results[i].text);
    free(q.results);
    pthread_cond_destroy(&q.changed);
    pthread_mutex_destroy(&q.lock);
}
