/* SPDX-License-Identifier: MIT */
/* filelist.c - read the list of --files-from. */
#include "filelist.h"

#include <stdlib.h>
#include <string.h>

#include "source.h"
#include "util.h"

int rec_file_list_read(rec_file_list *l, const char *path, bool nul, size_t max, rec_kind_id *kind,
                       char **err)
{
    memset(l, 0, sizeof *l);
    rec_source src;
    rec_source_init(&src);
    if (rec_source_read(&src, path, max, kind, err) != REC_OK)
        return -1;
    char end = nul || memchr(src.bytes, '\0', src.size) ? '\0' : '\n';
    size_t cap = 0;
    for (size_t i = 0, start = 0; i <= src.size; i++) {
        if (i < src.size && src.bytes[i] != end)
            continue;
        src.bytes[i] = '\0'; /* bytes[size] is the terminating NUL already */
        if (i > start) {
            l->names = rec_grow(l->names, l->n, &cap, sizeof *l->names);
            l->names[l->n++] = src.bytes + start;
        }
        start = i + 1;
    }
    l->bytes = src.bytes;
    src.bytes = NULL;
    rec_source_free(&src);
    return 0;
}

void rec_file_list_free(rec_file_list *l)
{
    free(l->names);
    free(l->bytes);
    memset(l, 0, sizeof *l);
}
