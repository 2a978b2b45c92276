/* SPDX-License-Identifier: MIT */
/* util.h - small helpers shared by every module: memory that never returns
 * NULL, growing arrays and strings, formatted strings, UTF-8 decoding, and
 * a list of jobs for threads. */
#ifndef REC_UTIL_H
#define REC_UTIL_H

#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Say "out of memory" on standard error and abort (the SIGABRT handler
 * removes the temporaries). */
void rec_out_of_memory(size_t n) __attribute__((noreturn));

/* Make every libxml2 and libxslt allocation abort as rec_xmalloc does.
 * Call once, before any other libxml2 function. */
void rec_xml_checked_memory(void);

/* Allocation that aborts with a message on exhaustion; caller frees. */
void *rec_xmalloc(size_t n);
void *rec_xcalloc(size_t n); /* zeroed */
void *rec_xrealloc(void *p, size_t n);
char *rec_xstrdup(const char *s);
char *rec_xstrndup(const char *s, size_t n);
char *rec_vasprintf(const char *fmt, va_list ap);
char *rec_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* s[0..n) with runs of space, tab, CR and LF made one space and the ends
 * trimmed (XPath normalize-space); caller frees. */
char *rec_normalize_space(const char *s, size_t n);

/* Room for one more element in the array v of n elements of size bytes,
 * *cap allocated: when full, *cap doubles (16 at first) and v moves.
 *   v = rec_grow(v, n, &cap, sizeof *v); v[n++] = x; */
void *rec_grow(void *v, size_t n, size_t *cap, size_t size);

/* A string that grows as bytes are added; always NUL-terminated once
 * anything (even "") was added. s is owned: free(b.s). */
typedef struct {
    char *s;
    size_t n, cap;
} rec_buf;
void rec_buf_put(rec_buf *b, const char *s, size_t n);
void rec_buf_puts(rec_buf *b, const char *s);
/* Empty b, keeping its memory (s becomes ""). */
void rec_buf_reset(rec_buf *b);

/* Length of the well-formed UTF-8 sequence at s (1..4), or 0 when the bytes
 * there are not UTF-8 (overlong, surrogate, out of range, truncated). */
size_t rec_utf8_valid(const char *s, size_t avail);
/* Bytes to step over one character at s: the sequence length, or 1 for a
 * byte that does not start a valid sequence. Never 0 when avail > 0. */
size_t rec_utf8_step(const char *s, size_t avail);
/* Decode the valid sequence at s (check with rec_utf8_valid first). */
uint32_t rec_utf8_decode(const char *s, size_t len);
/* Characters that change how text around them is shown without showing
 * themselves: bidi controls (U+202A-202E, U+2066-2069, U+200E/F),
 * zero-width characters (U+200B-200D, U+2060, U+FEFF) and the line and
 * paragraph separators U+2028/2029. */
bool rec_invisible_char(uint32_t c);

/* Number of characters in s[0..n) (bytes of broken sequences count one each). */
size_t rec_utf8_count(const char *s, size_t n);

/* Jobs 0..n-1 handed out once each, to whichever thread asks next: the
 * threads that share a small fixed list of work call rec_claim_next until
 * it says -1. */
typedef struct {
    int n, next; /* next: under lock */
    pthread_mutex_t lock;
} rec_claim;
void rec_claim_init(rec_claim *c, int n);
int rec_claim_next(rec_claim *c);
void rec_claim_destroy(rec_claim *c);

#endif
