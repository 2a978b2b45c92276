/* SPDX-License-Identifier: MIT */
/* util.c - memory, growing arrays and strings, UTF-8 helpers. */
#include "util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/xmlmemory.h>

void rec_out_of_memory(size_t n)
{
    fprintf(stderr, "rec2xml: out of memory (asked for %zu bytes)\n", n);
    abort(); /* the SIGABRT handler removes the temporaries (tempfile.c) */
}

void *rec_xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        rec_out_of_memory(n);
    return p;
}

void *rec_xcalloc(size_t n)
{
    void *p = calloc(n ? n : 1, 1);
    if (!p)
        rec_out_of_memory(n);
    return p;
}

void *rec_xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        rec_out_of_memory(n);
    return q;
}

/* libxml2's allocators, checked: libxml2 and libxslt handle a NULL from
 * malloc in most places, and in a few (2.9) they do not; rec2xml's own
 * calls (xmlNewDocNode, xmlNewProp, ...) would crash on one too. Every
 * libxml2 allocation fails the way rec_xmalloc does. */
static void *xml_malloc(size_t n)
{
    void *p = malloc(n);
    if (!p && n)
        rec_out_of_memory(n);
    return p;
}

static void *xml_realloc(void *p, size_t n)
{
    void *q = realloc(p, n);
    if (!q && n)
        rec_out_of_memory(n);
    return q;
}

static char *xml_strdup(const char *s)
{
    return rec_xstrdup(s);
}

void rec_xml_checked_memory(void)
{
    xmlMemSetup(free, xml_malloc, xml_realloc, xml_strdup);
}

char *rec_xstrndup(const char *s, size_t n)
{
    char *d = rec_xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *rec_xstrdup(const char *s)
{
    return rec_xstrndup(s, strlen(s));
}

char *rec_vasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        return rec_xstrdup("(unprintable message)");
    char *s = rec_xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

char *rec_asprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = rec_vasprintf(fmt, ap);
    va_end(ap);
    return s;
}

char *rec_normalize_space(const char *s, size_t n)
{
    char *out = rec_xmalloc(n + 1);
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = k > 0;
            continue;
        }
        if (space)
            out[k++] = ' ';
        space = false;
        out[k++] = c;
    }
    out[k] = '\0';
    return out;
}

void *rec_grow(void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    size_t want = *cap ? *cap : 8;
    if (want > SIZE_MAX / 2 / size)
        rec_out_of_memory(SIZE_MAX);
    *cap = 2 * want;
    return rec_xrealloc(v, *cap * size);
}

void rec_buf_put(rec_buf *b, const char *s, size_t n)
{
    if (!b->s || b->n + n + 1 > b->cap) {
        if (n > SIZE_MAX / 4 - b->n)
            rec_out_of_memory(SIZE_MAX);
        b->cap = (b->n + n + 1) * 2;
        b->s = rec_xrealloc(b->s, b->cap);
    }
    memcpy(b->s + b->n, s, n);
    b->n += n;
    b->s[b->n] = '\0';
}

void rec_buf_puts(rec_buf *b, const char *s)
{
    rec_buf_put(b, s, strlen(s));
}

void rec_buf_reset(rec_buf *b)
{
    b->n = 0;
    rec_buf_put(b, "", 0);
}

size_t rec_utf8_valid(const char *str, size_t avail)
{
    const unsigned char *s = (const unsigned char *)str;
    if (avail == 0)
        return 0;
    if (s[0] < 0x80)
        return 1;
    size_t len;
    uint32_t min;
    if (s[0] >= 0xC2 && s[0] <= 0xDF)
        len = 2, min = 0x80;
    else if (s[0] >= 0xE0 && s[0] <= 0xEF)
        len = 3, min = 0x800;
    else if (s[0] >= 0xF0 && s[0] <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0; /* continuation byte, overlong lead C0/C1, or F5..FF */
    if (avail < len)
        return 0;
    for (size_t i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    uint32_t c = rec_utf8_decode(str, len);
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return len;
}

size_t rec_utf8_step(const char *s, size_t avail)
{
    size_t n = rec_utf8_valid(s, avail);
    return n ? n : 1;
}

uint32_t rec_utf8_decode(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    switch (len) {
    case 1: return s[0];
    case 2: return (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    case 3: return (uint32_t)(s[0] & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
    default:
        return (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 | (uint32_t)(s[2] & 0x3F) << 6 |
               (s[3] & 0x3F);
    }
}

bool rec_invisible_char(uint32_t c)
{
    return (c >= 0x200B && c <= 0x200F) || /* zero-width space, joiners, LRM, RLM */
           (c >= 0x202A && c <= 0x202E) || /* bidi embeddings and overrides */
           (c >= 0x2066 && c <= 0x2069) || /* bidi isolates */
           c == 0x2028 || c == 0x2029 ||   /* line and paragraph separators */
           c == 0x2060 || c == 0xFEFF;     /* word joiner, zero-width no-break space */
}

size_t rec_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

void rec_claim_init(rec_claim *c, int n)
{
    c->n = n;
    c->next = 0;
    pthread_mutex_init(&c->lock, NULL);
}

int rec_claim_next(rec_claim *c)
{
    pthread_mutex_lock(&c->lock);
    int k = c->next < c->n ? c->next++ : -1;
    pthread_mutex_unlock(&c->lock);
    return k;
}

void rec_claim_destroy(rec_claim *c)
{
    pthread_mutex_destroy(&c->lock);
}
