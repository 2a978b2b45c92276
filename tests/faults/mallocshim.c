/* SPDX-License-Identifier: MIT */
/* mallocshim.c - an LD_PRELOAD shim for the hardening tests: makes malloc()
 * of one size fail from its Nth call on, or raises a signal at that call and
 * says whether the program went on allocating afterwards.
 *
 * Built by the tests:  cc -shared -fPIC -o mallocshim.so mallocshim.c
 *
 * Environment:
 *   MALLOC_SIZE    the request size that matches (120: sizeof(xmlNode) on a
 *                  64-bit system, every element and text node). Required.
 *   MALLOC_NTH     the first matching call affected (1-based; default 1).
 *   MALLOC_ACTION  "fail" (default): that call and every later matching one
 *                  return NULL with ENOMEM; "signal:N": raise signal N at that
 *                  call, then allocate normally, noting in the log when
 *                  MALLOC_AFTER (default 1000) more matching calls were made:
 *                  the program did not stop at the signal; "count": nothing,
 *                  the log gets the number of matching calls at exit.
 *   MALLOC_LOG     a file that gets one line per event.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "shimlog.h"

extern void *__libc_malloc(size_t);

static atomic_long counter;

static long num(const char *name, long dflt)
{
    const char *v = getenv(name);
    return v && *v ? atol(v) : dflt;
}

static void note(const char *fmt, ...)
{
    const char *log = getenv("MALLOC_LOG");
    if (!log || !*log)
        return;
    va_list ap;
    va_start(ap, fmt);
    shim_log(log, fmt, ap);
    va_end(ap);
}

void *malloc(size_t size)
{
    static long want = -1;
    if (want < 0)
        want = num("MALLOC_SIZE", 0);
    if (want == 0 || (long)size != want)
        return __libc_malloc(size);
    long n = atomic_fetch_add(&counter, 1) + 1;
    long nth = num("MALLOC_NTH", 1);
    const char *action = getenv("MALLOC_ACTION");
    if (!action || !*action || strcmp(action, "fail") == 0) {
        if (n < nth)
            return __libc_malloc(size);
        if (n == nth)
            note("malloc(%zu) #%ld: failing from here on", size, n);
        errno = ENOMEM;
        return NULL;
    }
    if (strncmp(action, "signal:", 7) == 0) {
        if (n == nth) {
            note("malloc(%zu) #%ld: raising signal %s", size, n, action + 7);
            raise(atoi(action + 7));
        } else if (n == nth + num("MALLOC_AFTER", 1000)) {
            note("malloc(%zu): %ld more calls after the signal: still working", size, n - nth);
        }
    }
    return __libc_malloc(size);
}

__attribute__((destructor)) static void report(void)
{
    const char *action = getenv("MALLOC_ACTION");
    if (action && strcmp(action, "count") == 0)
        note("%ld", (long)atomic_load(&counter));
}
