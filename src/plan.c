/* SPDX-License-Identifier: MIT */
/* plan.c - the outputs of a run, named and checked before any work. */
#include "plan.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/hash.h>

#include "report.h"
#include "tempfile.h"
#include "util.h"

/* "dir/report.txt" -> "report" */
static char *stem(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    const char *dot = strrchr(name, '.');
    return rec_xstrndup(name, dot && dot != name ? (size_t)(dot - name) : strlen(name));
}

/* Input i's output in format f: its name in the -d directory, or with
 * the directory's name in front (for stat before the directory is open,
 * and for messages). Caller frees. */
static char *output_name(const rec_plan *p, int i, rec_format f)
{
    return rec_asprintf("%s.%s", p->stems[i], rec_format_ext(f));
}

static char *output_path(const rec_plan *p, int i, rec_format f)
{
    return rec_asprintf("%s/%s.%s", p->job->outdir, p->stems[i], rec_format_ext(f));
}

/* How diagnostics name an input: standard input is <stdin>. */
static const char *shown(const char *input)
{
    return strcmp(input, "-") == 0 ? "<stdin>" : input;
}

static bool same_file(const struct stat *a, const struct stat *b)
{
    return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Would -o FILE overwrite the input itself? Input files are never modified;
 * standard input is the file it was opened on (rec2xml - -o f.txt < f.txt). */
static int plan_output(const rec_plan *p, rec_reporter *r)
{
    const rec_job *job = p->job;
    struct stat in, out;
    if (!job->output || strcmp(job->output, "-") == 0)
        return 0;
    const char *input = job->inputs[0];
    int got = strcmp(input, "-") == 0 ? fstat(STDIN_FILENO, &in) : stat(input, &in);
    if (got == 0 && stat(job->output, &out) == 0 && S_ISREG(out.st_mode) && same_file(&in, &out)) {
        rec_reporter_say(r, shown(input), REC_KIND_OUTPUT_CONFLICT,
                         "'%s' is the input itself; rec2xml never overwrites its input", job->output);
        return -1;
    }
    return 0;
}

/* An index in a hash table: 1-based, so that 0 (NULL) is "none". */
#define AS_ENTRY(i) ((void *)(intptr_t)((i) + 1))
#define AS_INDEX(e) ((int)((intptr_t)(e)-1))

/* Two inputs that would write the same outputs, an output that would
 * overwrite an input. Linear: the names seen are kept in hash tables
 * (40,000 inputs: 8.8 s with the pairwise comparison). */
static int refuse_clashes(const rec_plan *p, rec_reporter *r)
{
    const rec_job *job = p->job;
    int bad = 0, n = job->ninputs;
    int size = n < 64 ? 64 : n;
    xmlHashTablePtr inputs = xmlHashCreate(size), stems = xmlHashCreate(size);
    if (!inputs || !stems)
        rec_out_of_memory(0);
    for (int i = 0; i < n; i++) {
        const char *input = job->inputs[i];
        if (strcmp(input, "-") == 0) {
            rec_reporter_say(r, shown(input), REC_KIND_OUTPUT_CONFLICT,
                             "standard input has no name to write outputs under; "
                             "give a file with -d");
            bad = 1;
        }
        if (xmlHashAddEntry(inputs, (const xmlChar *)input, AS_ENTRY(i)) != 0) {
            rec_reporter_say(r, shown(input), REC_KIND_OUTPUT_CONFLICT, "'%s' is given twice", input);
            bad = 1;
        } else if (xmlHashAddEntry(stems, (const xmlChar *)p->stems[i], AS_ENTRY(i)) != 0) {
            int j = AS_INDEX(xmlHashLookup(stems, (const xmlChar *)p->stems[i]));
            rec_reporter_say(r, input, REC_KIND_OUTPUT_CONFLICT,
                             "'%s' and '%s' would both be written as '%s/%s.*'; "
                             "rename one or convert them separately",
                             job->inputs[j], input, job->outdir, p->stems[i]);
            bad = 1;
        }
        struct stat in_st, out_st;
        if (stat(input, &in_st) != 0)
            continue; /* reported when converting */
        for (int f = 0; f < REC_FMT_COUNT; f++) {
            if (!(job->formats & (1u << f)))
                continue;
            char *out = output_path(p, i, (rec_format)f);
            if (stat(out, &out_st) == 0 && same_file(&out_st, &in_st)) {
                rec_reporter_say(r, input, REC_KIND_OUTPUT_CONFLICT,
                                 "the %s output of '%s' would overwrite the input itself; "
                                 "choose another -d",
                                 rec_format_name((rec_format)f), input);
                bad = 1;
            }
            free(out);
        }
    }
    xmlHashFree(inputs, NULL);
    xmlHashFree(stems, NULL);
    return bad ? -1 : 0;
}

/* The output directory, made when missing (its parent must exist), and
 * opened: every output is made relative to this descriptor, so the
 * directory named here is the one written, even if its name is taken
 * away. */
static int open_directory(rec_plan *p, rec_reporter *r)
{
    const char *dir = p->job->outdir;
    struct stat d;
    if (stat(dir, &d) != 0 && errno == ENOENT && mkdir(dir, 0777) == 0)
        (void)stat(dir, &d);
    if (stat(dir, &d) != 0) {
        rec_reporter_say(r, dir, REC_KIND_IO_ERROR, "output directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    if (!S_ISDIR(d.st_mode)) {
        rec_reporter_say(r, dir, REC_KIND_IO_ERROR, "output directory '%s': Not a directory", dir);
        return -1;
    }
    p->dirfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (p->dirfd < 0) {
        rec_reporter_say(r, dir, REC_KIND_IO_ERROR, "output directory '%s': %s", dir, strerror(errno));
        return -1;
    }
    return 0;
}

/* Remove what a killed run left of this run's outputs: temporaries named
 * after them, and nothing else. */
static void sweep(const rec_plan *p)
{
    const rec_job *job = p->job;
    size_t n = 0, most = (size_t)job->ninputs * REC_FMT_COUNT;
    const char **names = rec_xmalloc(most * sizeof *names);
    char **owned = rec_xmalloc(most * sizeof *owned);
    for (int i = 0; i < job->ninputs; i++)
        for (int f = 0; f < REC_FMT_COUNT; f++) {
            if (!(job->formats & (1u << f)))
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

int rec_plan_make(rec_plan *p, const rec_job *job, rec_reporter *r)
{
    memset(p, 0, sizeof *p);
    p->job = job;
    p->dirfd = -1;
    if (job->mode == REC_MODE_CONVERT)
        return plan_output(p, r);
    if (job->mode != REC_MODE_BATCH)
        return 0; /* nothing is written */
    p->stems = rec_xmalloc((size_t)job->ninputs * sizeof *p->stems);
    for (int i = 0; i < job->ninputs; i++)
        p->stems[i] = stem(job->inputs[i]);
    int bad = refuse_clashes(p, r);
    if (open_directory(p, r) != 0 || bad)
        return -1;
    sweep(p);
    return 0;
}

void rec_plan_free(rec_plan *p)
{
    if (p->dirfd >= 0)
        close(p->dirfd);
    for (int i = 0; p->stems && i < p->job->ninputs; i++)
        free(p->stems[i]);
    free(p->stems);
    memset(p, 0, sizeof *p);
    p->dirfd = -1;
}

rec_output *rec_plan_open(const rec_plan *p, int i, rec_format f, char **err)
{
    const rec_job *job = p->job;
    if (job->mode != REC_MODE_BATCH)
        return rec_output_open(AT_FDCWD, NULL, job->output, job->perm, err);
    char *name = output_name(p, i, f);
    rec_output *out = rec_output_open(p->dirfd, job->outdir, name, job->perm, err);
    free(name);
    return out;
}

static bool older(const struct stat *a, const struct stat *b)
{
    return a->st_mtim.tv_sec < b->st_mtim.tv_sec ||
           (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec < b->st_mtim.tv_nsec);
}

unsigned rec_plan_outdated(const rec_plan *p, int i, unsigned todo)
{
    /* an output as old as its input is current; an edit made while it was
     * converted is newer */
    struct stat in_st, out_st;
    if (p->job->mode != REC_MODE_BATCH || stat(p->job->inputs[i], &in_st) != 0)
        return todo;
    for (int f = 0; f < REC_FMT_COUNT; f++) {
        if (!(todo & (1u << f)))
            continue;
        char *out = output_name(p, i, (rec_format)f);
        if (fstatat(p->dirfd, out, &out_st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(out_st.st_mode) &&
            !older(&out_st, &in_st))
            todo &= ~(1u << f);
        free(out);
    }
    return todo;
}
