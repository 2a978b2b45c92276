/* SPDX-License-Identifier: MIT */
/* warnings.h - which warnings are reported, and which count as errors:
 * the -W options, as gcc has them.
 *
 *   -Wno-KIND, -WKIND      the warning KIND off, or on again (all are on)
 *   -Wno-all, -Wall        every warning off, or on again
 *   -Werror, -Wno-error    every warning an error (--strict), or not
 *   -Werror=KIND           KIND an error (and on), -Wno-error=KIND: not
 *
 * Later options win over earlier ones. Only warning kinds can be named:
 * an error is never turned off. */
#ifndef REC_WARNINGS_H
#define REC_WARNINGS_H

#include <stdbool.h>

#include "diag.h"
#include "kinds.h"

typedef struct {
    bool errors;                        /* -Werror, --strict */
    unsigned char kind[REC_KIND_COUNT]; /* per rec_kinds index: W_* bits */
} rec_warnings;

/* Every warning on, none an error. */
void rec_warnings_init(rec_warnings *w);

/* Apply one -W option; arg is what follows "-W". Returns 0, or -1 with
 * *err set to a message that says why and what would do (caller frees). */
int rec_warnings_option(rec_warnings *w, const char *arg, char **err);

/* Drop the warnings that are off and make errors of those that count as
 * errors, keeping d's counts right. w NULL: nothing changes. */
void rec_warnings_apply(const rec_warnings *w, rec_diags *d);

/* Only drop the warnings that are off (diagnostics that come after the
 * verdict, such as a stylesheet's xsl:message). */
void rec_warnings_filter(const rec_warnings *w, rec_diags *d);

#endif
