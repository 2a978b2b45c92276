/* SPDX-License-Identifier: MIT */
/* warnings.c - the -W options: which warnings are reported, which are errors. */
#include "warnings.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

enum {
    W_OFF = 1,      /* -Wno-KIND */
    W_ERROR = 2,    /* -Werror=KIND */
    W_NO_ERROR = 4, /* -Wno-error=KIND: a warning even with -Werror */
};

void rec_warnings_init(rec_warnings *w)
{
    memset(w, 0, sizeof *w);
}

/* Edit distance of a and b (insertions, deletions, substitutions), or
 * more than cap: kind names are short, so two rows of 64 are enough. */
static size_t distance(const char *a, const char *b, size_t cap)
{
    size_t m = strlen(a), n = strlen(b);
    if (m > 48 || n > 48 || (m > n ? m - n : n - m) > cap)
        return cap + 1;
    size_t row[64], next[64];
    for (size_t j = 0; j <= n; j++)
        row[j] = j;
    for (size_t i = 1; i <= m; i++) {
        next[0] = i;
        for (size_t j = 1; j <= n; j++) {
            size_t best = row[j - 1] + (a[i - 1] != b[j - 1]);
            if (row[j] + 1 < best)
                best = row[j] + 1;
            if (next[j - 1] + 1 < best)
                best = next[j - 1] + 1;
            next[j] = best;
        }
        memcpy(row, next, (n + 1) * sizeof *row);
    }
    return row[n];
}

/* The warning kind closest to name, when one is close: "did you mean". */
static const char *closest_warning(const char *name)
{
    const char *best = NULL;
    size_t best_d = 3; /* at most two slips */
    for (int i = 0; rec_kinds[i].name; i++) {
        if (strcmp(rec_kinds[i].level, "warning") != 0)
            continue;
        size_t d = distance(name, rec_kinds[i].name, best_d - 1);
        if (d < best_d) {
            best_d = d;
            best = rec_kinds[i].name;
        }
    }
    return best;
}

/* The index of the warning kind name, or -1 with *err saying why. */
static int warning_kind(const char *name, const char *arg, char **err)
{
    int k = rec_kind_index(name);
    if (k >= 0 && strcmp(rec_kinds[k].level, "warning") == 0)
        return k;
    if (k >= 0) {
        *err = rec_asprintf("'-W%s': '%s' is an error, not a warning: it cannot be turned "
                            "off or changed ('rec2xml --help-kinds' lists the warnings)",
                            arg, name);
        return -1;
    }
    const char *near = closest_warning(name);
    size_t prefix = (size_t)(name - arg); /* "no-", "error=", ... */
    if (near)
        *err = rec_asprintf("unknown warning kind '%s' in '-W%s'; did you mean '-W%.*s%s'? "
                            "('rec2xml --help-kinds' lists them)",
                            name, arg, (int)prefix, arg, near);
    else
        *err = rec_asprintf("unknown warning kind '%s' in '-W%s' ('rec2xml --help-kinds' lists "
                            "them)",
                            name, arg);
    return -1;
}

int rec_warnings_option(rec_warnings *w, const char *arg, char **err)
{
    bool no = strncmp(arg, "no-", 3) == 0;
    const char *name = no ? arg + 3 : arg;
    if (strcmp(name, "error") == 0) {
        w->errors = !no;
        return 0;
    }
    if (strcmp(name, "all") == 0) {
        for (int i = 0; rec_kinds[i].name; i++)
            w->kind[i] = (unsigned char)(no ? w->kind[i] | W_OFF : w->kind[i] & ~W_OFF);
        return 0;
    }
    if (strncmp(name, "error=", 6) == 0) {
        int k = warning_kind(name + 6, arg, err);
        if (k < 0)
            return -1;
        /* as in gcc, -Werror=KIND also turns KIND on; -Wno-error=KIND does
         * not turn it off */
        w->kind[k] = (unsigned char)(no ? (w->kind[k] & ~W_ERROR) | W_NO_ERROR
                                        : (w->kind[k] & ~(W_OFF | W_NO_ERROR)) | W_ERROR);
        return 0;
    }
    int k = warning_kind(name, arg, err);
    if (k < 0)
        return -1;
    w->kind[k] = (unsigned char)(no ? w->kind[k] | W_OFF : w->kind[k] & ~W_OFF);
    return 0;
}

/* What becomes of one diagnostic: dropped (-1), kept (0), made an error (1). */
static int fate(const rec_warnings *w, const rec_diag *g)
{
    if (g->severity != REC_WARNING)
        return 0;
    int k = rec_kind_index(g->kind);
    unsigned flags = k >= 0 ? w->kind[k] : 0;
    if (flags & W_OFF)
        return -1;
    if (flags & W_ERROR)
        return 1;
    return w->errors && !(flags & W_NO_ERROR) ? 1 : 0;
}

static void apply(const rec_warnings *w, rec_diags *d, bool promote)
{
    if (!w)
        return;
    size_t kept = 0;
    for (size_t i = 0; i < d->n; i++) {
        rec_diag *g = &d->v[i];
        int f = fate(w, g);
        if (f < 0) {
            d->warnings--;
            free(g->message);
            free(g->fix.text);
            continue;
        }
        if (f > 0 && promote) {
            g->severity = REC_ERROR;
            d->warnings--;
            d->errors++;
        }
        d->v[kept++] = *g;
    }
    d->n = kept;
}

void rec_warnings_apply(const rec_warnings *w, rec_diags *d)
{
    apply(w, d, true);
}

void rec_warnings_filter(const rec_warnings *w, rec_diags *d)
{
    apply(w, d, false);
}
