/* SPDX-License-Identifier: MIT */
/* filelist.h - the inputs of --files-from FILE: one path per line, or per
 * NUL byte (-0, or when the list holds any NUL: the form `find -print0`
 * writes, which also carries names with newlines). */
#ifndef REC_FILELIST_H
#define REC_FILELIST_H

#include <stdbool.h>
#include <stddef.h>

#include "kinds.h"

typedef struct {
    char *bytes;  /* the list as read, separators made NULs; owned */
    char **names; /* pointers into bytes; owned */
    size_t n;
} rec_file_list;

/* Read path ("-": standard input), at most max bytes (0: no limit). nul:
 * the names end with NUL bytes; otherwise with newlines, unless the list
 * holds a NUL. Empty names are skipped. Returns 0, or -1 with *err set
 * (caller frees) and *kind the diagnostic's (io-error, input-too-large). Free with rec_file_list_free. */
int rec_file_list_read(rec_file_list *l, const char *path, bool nul, size_t max, rec_kind_id *kind,
                       char **err);
void rec_file_list_free(rec_file_list *l);

#endif
