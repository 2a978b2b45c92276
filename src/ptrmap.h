/* SPDX-License-Identifier: MIT */
/* ptrmap.h - a hash map from pointers to integers: open addressing, grown
 * by doubling. Keys are interned strings (an xmlDict's), so equal words are
 * equal pointers and a lookup costs no string compare. */
#ifndef REC_PTRMAP_H
#define REC_PTRMAP_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    const void **keys; /* NULL: a free slot; owned array, keys not owned */
    uint32_t *values;
    size_t cap, n; /* cap: a power of two */
} rec_ptrmap;

/* An empty map with room for about expect keys; free with rec_ptrmap_free. */
void rec_ptrmap_init(rec_ptrmap *m, size_t expect);
void rec_ptrmap_free(rec_ptrmap *m);

/* The value slot of key, added with value dflt when missing (key != NULL).
 * The pointer is valid until the next rec_ptrmap_slot. */
uint32_t *rec_ptrmap_slot(rec_ptrmap *m, const void *key, uint32_t dflt);

/* The value of key, or NULL. */
const uint32_t *rec_ptrmap_get(const rec_ptrmap *m, const void *key);

#endif
