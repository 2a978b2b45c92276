/* SPDX-License-Identifier: MIT */
/* ptrmap.c - pointers to integers, for --diff's words and recipients. */
#include "ptrmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

static size_t hash(const void *key, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)key;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h & (cap - 1);
}

void rec_ptrmap_init(rec_ptrmap *m, size_t expect)
{
    size_t cap = 16;
    while (cap < 2 * expect)
        cap *= 2;
    m->cap = cap;
    m->n = 0;
    m->keys = rec_xcalloc(cap * sizeof *m->keys);
    m->values = rec_xmalloc(cap * sizeof *m->values);
}

void rec_ptrmap_free(rec_ptrmap *m)
{
    free(m->keys);
    free(m->values);
    memset(m, 0, sizeof *m);
}

static void grow(rec_ptrmap *m)
{
    rec_ptrmap bigger;
    rec_ptrmap_init(&bigger, m->cap);
    for (size_t i = 0; i < m->cap; i++)
        if (m->keys[i])
            *rec_ptrmap_slot(&bigger, m->keys[i], 0) = m->values[i];
    rec_ptrmap_free(m);
    *m = bigger;
}

uint32_t *rec_ptrmap_slot(rec_ptrmap *m, const void *key, uint32_t dflt)
{
    if (2 * (m->n + 1) > m->cap)
        grow(m);
    size_t i = hash(key, m->cap);
    while (m->keys[i] && m->keys[i] != key)
        i = (i + 1) & (m->cap - 1);
    if (!m->keys[i]) {
        m->keys[i] = key;
        m->values[i] = dflt;
        m->n++;
    }
    return &m->values[i];
}

const uint32_t *rec_ptrmap_get(const rec_ptrmap *m, const void *key)
{
    size_t i = hash(key, m->cap);
    while (m->keys[i]) {
        if (m->keys[i] == key)
            return &m->values[i];
        i = (i + 1) & (m->cap - 1);
    }
    return NULL;
}
