/* SPDX-License-Identifier: MIT */
/* kinds.c - the diagnostic kinds and their help (the list is kinds.def). */
#include "kinds.h"

#include <string.h>

const rec_kind rec_kinds[] = {
#define REC_KIND(id, name, level, summary, help) [REC_KIND_##id] = {name, level, summary, help},
#include "kinds.def"
#undef REC_KIND
    {NULL, NULL, NULL, NULL},
};

_Static_assert(sizeof rec_kinds / sizeof *rec_kinds == REC_KIND_COUNT + 1,
               "rec_kinds: one row per kind of kinds.def, and the end");

const char *rec_kind_name(rec_kind_id k)
{
    return rec_kinds[k].name;
}

int rec_kind_index(const char *name)
{
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].name, name) == 0)
            return i;
    return -1;
}
