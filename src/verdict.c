/* SPDX-License-Identifier: MIT */
/* verdict.c - verdicts, the exit status they call for, and the summary
 * lines of a run. */
#include "verdict.h"

#include <stdlib.h>

#include "report.h"

rec_exit rec_verdict_exit(const rec_verdict *v)
{
    switch (v->status) {
    case REC_OK: return REC_EXIT_OK;
    case REC_INVALID: return REC_EXIT_INVALID;
    case REC_IOERR: break;
    }
    return REC_EXIT_USAGE;
}

void rec_tally_add(rec_tally *t, const char *name, const rec_verdict *v)
{
    size_t failures = t->invalid + t->unreadable;
    if (v->status != REC_OK && failures < REC_TALLY_NAMED)
        t->failed[failures] = name;
    t->inputs++;
    t->valid += v->status == REC_OK;
    t->invalid += v->status == REC_INVALID;
    t->unreadable += v->status == REC_IOERR;
    t->converted += v->converted;
    t->current += v->up_to_date;
    t->written += v->written;
    t->errors += v->errors;
    t->warnings += v->warnings;
    rec_exit e = rec_verdict_exit(v);
    if (e > t->worst)
        t->worst = e;
}

static const char *plural(size_t n)
{
    return n == 1 ? "" : "s";
}

void rec_tally_print(const rec_tally *t, rec_mode mode, const char *outdir, FILE *err)
{
    if (mode == REC_MODE_CHECK) {
        fprintf(err, "rec2xml: %zu file%s checked: %zu valid, %zu invalid", t->inputs, plural(t->inputs),
                t->valid, t->invalid);
        if (t->unreadable)
            fprintf(err, ", %zu unreadable", t->unreadable);
        fprintf(err, "; %zu error%s, %zu warning%s\n", t->errors, plural(t->errors), t->warnings,
                plural(t->warnings));
        return;
    }
    if (mode != REC_MODE_BATCH)
        return;
    size_t failed = t->invalid + t->unreadable;
    fprintf(err, "rec2xml: %zu input%s: %zu converted, %zu failed", t->inputs, plural(t->inputs),
            t->converted, failed);
    if (t->current)
        fprintf(err, ", %zu up to date", t->current);
    char *dir = rec_escape_text(outdir);
    fprintf(err, "; %zu file%s written to %s\n", t->written, plural(t->written), dir);
    free(dir);
    if (!failed)
        return;
    fputs("rec2xml: failed:", err);
    size_t shown = 0;
    for (; shown < failed && shown < REC_TALLY_NAMED; shown++) {
        fputc(' ', err);
        rec_escape_write(err, t->failed[shown]);
    }
    fprintf(err, "%s\n", failed > shown ? " …" : "");
}
