/* SPDX-License-Identifier: MIT */
/* states.h - the recommending States of a UPR recommendation. */
#ifndef REC_STATES_H
#define REC_STATES_H

#include <stddef.h>

/* The States in the parentheses that end t[0, n): "(Germany);",
 * "(Republic of Korea, Spain).", "(Chile) (Peru)", "(Bolivia
 * (Plurinational State of))", Arabic "(المغرب، السنغال)؛", Chinese
 * "（摩洛哥、塞内加尔）；". They are joined with "; " in the order written.
 * Returns a new string (caller frees), or NULL when the text ends with no
 * such parentheses, or with one that names no State ("(CEDAW)",
 * "(2015)"). */
char *rec_recommending_states(const char *t, size_t n);

#endif
