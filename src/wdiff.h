/* SPDX-License-Identifier: MIT */
/* wdiff.h - the word diff of a changed recommendation, in linear space.
 *
 * The words in common are found by Myers' O(ND) algorithm with the
 * divide-and-conquer middle snake (memory linear in the words), after the
 * common head and tail are set aside and, in a long item, after the words
 * found once in each version are paired up as anchors (patience diff). A
 * stretch that still needs more than a few hundred edits is reported as
 * replaced whole: time stays linear however the words fall. */
#ifndef REC_WDIFF_H
#define REC_WDIFF_H

#include <stddef.h>

typedef struct {
    char op;          /* '=' kept, '-' removed, '+' added */
    const char *word; /* one of the arguments' words, not owned */
} rec_edit;

/* The edits that turn a[0..n) into b[0..m). Words are interned: equal words
 * are the same pointer. Between two kept words, what went comes before
 * what came. Returns the edits (caller frees) and their number in *nedits. */
rec_edit *rec_word_diff(const char *const *a, size_t n, const char *const *b, size_t m, size_t *nedits);

#endif
