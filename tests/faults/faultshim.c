/* SPDX-License-Identifier: MIT */
/* faultshim.c - an LD_PRELOAD shim for tests/faults.sh: makes write(),
 * writev(), close(), rename(), renameat(), fsync() and fdatasync() fail on
 * the Nth matching call, or do something nasty at that moment; fclose() too,
 * for a program that closes standard output through stdio.
 *
 * Built by tests/faults.sh:  cc -shared -fPIC -o faultshim.so faultshim.c -ldl
 *
 * Environment:
 *   FAULT_FUNC    which calls: a comma list of write, writev, close, fclose,
 *                 rename, fsync, fdatasync (rename covers renameat). Required.
 *   FAULT_PATH    fnmatch(3) pattern on the path: the file an fd refers to
 *                 (from /proc/self/fd) or either name of a rename. Without it
 *                 every fd above 2 and every rename match.
 *   FAULT_FD      match this fd number instead of a path (1: standard output).
 *   FAULT_NTH     the first matching call that fails (1-based; default 1).
 *   FAULT_TIMES   how many matching calls fail from there (default 0: all).
 *   FAULT_ERRNO   ENOSPC (default), EIO, EDQUOT, EROFS, ENOENT, EPIPE or a number.
 *   FAULT_PARTIAL for write: the failing call first writes half its bytes and
 *                 returns that short count; the next matching call fails.
 *   FAULT_SHORT   for write: no failure at all, but every matching write
 *                 writes at most this many bytes (short writes are legal).
 *   FAULT_ACTION  instead of failing, at the Nth call: "signal:N" raises
 *                 signal N, then the call proceeds; "rmdir:DIR" removes DIR
 *                 and everything in it, then the call proceeds; "replace:DIR"
 *                 removes DIR and makes a new empty one in its place;
 *                 "touch:FILE" moves FILE's mtime one second later (an edit
 *                 made while rec2xml works), then the call proceeds.
 *   FAULT_LOG     a file that gets one line per injected fault, so the test
 *                 knows the fault was really hit.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "shimlog.h"

static atomic_long counter;
static atomic_int partial_pending;

static const char *env(const char *name)
{
    const char *v = getenv(name);
    return v && *v ? v : NULL;
}

static int wanted(const char *func)
{
    const char *list = env("FAULT_FUNC");
    if (!list)
        return 0;
    size_t n = strlen(func);
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && strncmp(p, func, n) == 0)
            return 1;
        if (!comma)
            break;
        p = comma + 1;
    }
    return 0;
}

static int fault_errno(void)
{
    const char *e = env("FAULT_ERRNO");
    if (!e || strcmp(e, "ENOSPC") == 0)
        return ENOSPC;
    if (strcmp(e, "EIO") == 0)
        return EIO;
    if (strcmp(e, "EDQUOT") == 0)
        return EDQUOT;
    if (strcmp(e, "EROFS") == 0)
        return EROFS;
    if (strcmp(e, "ENOENT") == 0)
        return ENOENT;
    if (strcmp(e, "EPIPE") == 0)
        return EPIPE;
    return atoi(e);
}

/* log with raw syscalls: write() is ours */
static void note(const char *fmt, ...)
{
    const char *log = env("FAULT_LOG");
    if (!log)
        return;
    va_list ap;
    va_start(ap, fmt);
    shim_log(log, fmt, ap);
    va_end(ap);
}

static int fd_matches(int fd, char *path, size_t size)
{
    path[0] = '\0';
    char link[64];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, path, size - 1);
    path[n > 0 ? n : 0] = '\0';
    const char *want_fd = env("FAULT_FD");
    if (want_fd)
        return fd == atoi(want_fd);
    const char *pat = env("FAULT_PATH");
    if (pat)
        return n > 0 && fnmatch(pat, path, 0) == 0;
    return fd > 2;
}

static int path_matches(const char *a, const char *b)
{
    const char *pat = env("FAULT_PATH");
    if (!pat)
        return 1;
    return (a && fnmatch(pat, a, 0) == 0) || (b && fnmatch(pat, b, 0) == 0);
}

static int rm_one(const char *p, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)ftw;
    return flag == FTW_DP ? rmdir(p) : unlink(p);
}

/* A matching call: 0 to go ahead, 1 to fail it (errno set). */
static int decide(const char *func, const char *what)
{
    long n = atomic_fetch_add(&counter, 1) + 1;
    long nth = env("FAULT_NTH") ? atol(env("FAULT_NTH")) : 1;
    long times = env("FAULT_TIMES") ? atol(env("FAULT_TIMES")) : 0;
    if (n < nth || (times > 0 && n >= nth + times))
        return 0;
    const char *action = env("FAULT_ACTION");
    if (action) {
        if (n != nth)
            return 0;
        if (strncmp(action, "signal:", 7) == 0) {
            note("%s #%ld %s: raising signal %s", func, n, what, action + 7);
            raise(atoi(action + 7));
        } else if (strncmp(action, "rmdir:", 6) == 0) {
            note("%s #%ld %s: removing %s", func, n, what, action + 6);
            nftw(action + 6, rm_one, 16, FTW_DEPTH | FTW_PHYS);
        } else if (strncmp(action, "touch:", 6) == 0) {
            struct stat st;
            if (stat(action + 6, &st) == 0) {
                struct timespec t[2] = {st.st_atim, st.st_mtim};
                t[1].tv_sec += 1;
                note("%s #%ld %s: %s one second later", func, n, what, action + 6);
                utimensat(AT_FDCWD, action + 6, t, 0);
            }
        } else if (strncmp(action, "replace:", 8) == 0) {
            note("%s #%ld %s: replacing %s", func, n, what, action + 8);
            nftw(action + 8, rm_one, 16, FTW_DEPTH | FTW_PHYS);
            mkdir(action + 8, 0755);
        }
        return 0;
    }
    note("%s #%ld %s: failing with errno %d", func, n, what, fault_errno());
    errno = fault_errno();
    return 1;
}

ssize_t write(int fd, const void *buf, size_t len)
{
    static ssize_t (*real)(int, const void *, size_t);
    if (!real)
        real = (ssize_t (*)(int, const void *, size_t))dlsym(RTLD_NEXT, "write");
    char path[4096];
    if (!wanted("write") || !fd_matches(fd, path, sizeof path))
        return real(fd, buf, len);
    if (env("FAULT_SHORT")) {
        size_t most = (size_t)atol(env("FAULT_SHORT"));
        return real(fd, buf, len < most || most == 0 ? len : most);
    }
    if (atomic_exchange(&partial_pending, 0)) {
        note("write (after a short write) %s: failing with errno %d", path, fault_errno());
        errno = fault_errno();
        return -1;
    }
    if (!decide("write", path))
        return real(fd, buf, len);
    if (env("FAULT_PARTIAL") && len > 1) {
        int saved = errno;
        ssize_t got = real(fd, buf, len / 2);
        errno = saved;
        if (got > 0) {
            atomic_store(&partial_pending, 1);
            return got;
        }
    }
    return -1;
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
    static ssize_t (*real)(int, const struct iovec *, int);
    if (!real)
        real = (ssize_t (*)(int, const struct iovec *, int))dlsym(RTLD_NEXT, "writev");
    char path[4096];
    if (!wanted("writev") || !fd_matches(fd, path, sizeof path) || !decide("writev", path))
        return real(fd, iov, cnt);
    return -1;
}

int close(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "close");
    char path[4096];
    if (!wanted("close") || !fd_matches(fd, path, sizeof path) || !decide("close", path))
        return real(fd);
    /* a failed close still releases the descriptor (Linux semantics) */
    int e = errno;
    real(fd);
    errno = e;
    return -1;
}

int fclose(FILE *f)
{
    static int (*real)(FILE *);
    if (!real)
        real = (int (*)(FILE *))dlsym(RTLD_NEXT, "fclose");
    char path[4096];
    if (!f || !wanted("fclose") || !fd_matches(fileno(f), path, sizeof path) ||
        !decide("fclose", path))
        return real(f);
    int e = errno;
    real(f);
    errno = e;
    return EOF;
}

int fsync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fsync");
    char path[4096];
    if (!wanted("fsync") || !fd_matches(fd, path, sizeof path) || !decide("fsync", path))
        return real(fd);
    return -1;
}

int fdatasync(int fd)
{
    static int (*real)(int);
    if (!real)
        real = (int (*)(int))dlsym(RTLD_NEXT, "fdatasync");
    char path[4096];
    if (!wanted("fdatasync") || !fd_matches(fd, path, sizeof path) ||
        !decide("fdatasync", path))
        return real(fd);
    return -1;
}

int rename(const char *from, const char *to)
{
    static int (*real)(const char *, const char *);
    if (!real)
        real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
    if (!wanted("rename") || !path_matches(from, to) || !decide("rename", to))
        return real(from, to);
    return -1;
}

int renameat(int dfd, const char *from, int tfd, const char *to)
{
    static int (*real)(int, const char *, int, const char *);
    if (!real)
        real = (int (*)(int, const char *, int, const char *))dlsym(RTLD_NEXT, "renameat");
    if (!wanted("rename") || !path_matches(from, to) || !decide("renameat", to))
        return real(dfd, from, tfd, to);
    return -1;
}
