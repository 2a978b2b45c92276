/* SPDX-License-Identifier: MIT */
/* check_patterns.c - compile every pattern of the language table.
 *
 * rec2xml compiles a language's patterns on first use; a fragment of
 * src/lang.c that does not compile would only show when a document in
 * that language needs it. This compiles them all; exit 0 when they do. */
#include <stdio.h>
#include <stdlib.h>

#include "lang.h"
#include "patterns.h"

int main(void)
{
    char *err = NULL;
    if (rec_patterns_check(&err) != 0) {
        fprintf(stderr, "check_patterns: %s\n", err);
        free(err);
        return 1;
    }
    printf("check_patterns: %zu languages, every pattern compiles\n", rec_nlangs);
    return 0;
}
