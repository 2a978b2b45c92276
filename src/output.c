/* SPDX-License-Identifier: MIT */
/* output.c - checked, atomic output. */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* The signal that asked rec2xml to stop, or 0: the only state a signal
 * handler may touch. Writes stop at the next chunk and the output is not
 * committed, so the temporary file is removed and no target is touched. */
static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
    stop_signal = sig;
}

static struct sigaction saved[3];
static const int trapped[3] = {SIGINT, SIGTERM, SIGHUP};

void rec_output_trap_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    stop_signal = 0;
    for (int i = 0; i < 3; i++)
        sigaction(trapped[i], &sa, &saved[i]);
}

int rec_output_stopped(void)
{
    return stop_signal;
}

void rec_output_release_signals(void)
{
    for (int i = 0; i < 3; i++)
        sigaction(trapped[i], &saved[i], NULL);
    if (stop_signal)
        raise(stop_signal); /* die of it, as the shell expects */
}

struct rec_output {
    int fd;
    char *path;        /* the target; NULL for standard output */
    char *tmp;         /* the temporary file beside it */
    int error;         /* first errno seen while writing */
    xmlOutputBufferPtr buf;
    char *pending;     /* bytes not written yet (libxml2 hands over 4 KB at a time) */
    size_t npending;
    size_t written;    /* bytes handed to write() so far */
};

/* A large output goes out in chunks of this size: 30 MB is 500 writes, not
 * 7,500. A small one (less than a chunk in all) is written as libxml2 hands
 * it over: a buffer of its own would cost more than the few writes it saves
 * (a batch of small files spent twice the system time in glibc giving the
 * freed buffers back to the kernel). */
#define CHUNK (64 * 1024)

/* On failure the errno is kept and the rest discarded, and libxml2 is told
 * all went well: it would otherwise print "I/O error" itself, and the
 * failure is reported once, by rec_output_commit, in rec2xml's words. */
static void write_out(rec_output *o, const char *data, size_t len)
{
    size_t done = 0;
    if (!o->error && stop_signal)
        o->error = EINTR; /* stopped: this output must not be committed */
    while (!o->error && done < len) {
        ssize_t n = write(o->fd, data + done, len - done);
        if (n > 0)
            done += (size_t)n, o->written += (size_t)n;
        else if (n == 0)
            o->error = EIO; /* nothing taken and no reason given */
        else if (errno != EINTR)
            o->error = errno;
    }
}

/* The pending bytes, written. */
static void flush_pending(rec_output *o)
{
    write_out(o, o->pending, o->npending);
    o->npending = 0;
}

static int write_all(void *ctx, const char *data, int len)
{
    rec_output *o = ctx;
    size_t n = (size_t)len;
    if (!o->error && stop_signal)
        o->error = EINTR;
    if (o->error)
        return len;
    if (o->npending + n > CHUNK)
        flush_pending(o);
    if (n >= CHUNK || (!o->pending && o->written < CHUNK)) {
        write_out(o, data, n);
    } else {
        if (!o->pending)
            o->pending = rec_xmalloc(CHUNK);
        memcpy(o->pending + o->npending, data, n);
        o->npending += n;
    }
    return len;
}

static int no_close(void *ctx)
{
    (void)ctx;
    return 0;
}

mode_t rec_output_default_mode(void)
{
    mode_t mask = umask(022);
    umask(mask);
    return 0666 & ~mask;
}

rec_output *rec_output_open(const char *path, mode_t mode, char **err)
{
    rec_output *o = rec_xmalloc(sizeof *o);
    memset(o, 0, sizeof *o);
    struct stat st;
    bool exists = path && strcmp(path, "-") != 0 && stat(path, &st) == 0;
    if (!path || strcmp(path, "-") == 0) {
        o->fd = STDOUT_FILENO;
    } else if (exists && !S_ISREG(st.st_mode)) {
        /* a device or a pipe (/dev/stdout, a FIFO): write to it as it is;
         * renaming a file over it would replace the device itself */
        o->fd = open(path, O_WRONLY | O_CLOEXEC);
        if (o->fd < 0) {
            *err = rec_asprintf("cannot write '%s': %s", path, strerror(errno));
            free(o);
            return NULL;
        }
        o->path = rec_xstrdup(path);
    } else {
        o->path = rec_xstrdup(path);
        const char *slash = strrchr(path, '/');
        size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
        o->tmp = rec_asprintf("%.*s.%s.XXXXXX", (int)dir, path, path + dir);
        o->fd = mkstemp(o->tmp);
        if (o->fd < 0) {
            *err = rec_asprintf("cannot write '%s': %s", path, strerror(errno));
            free(o->tmp);
            free(o->path);
            free(o);
            return NULL;
        }
        /* a file replaced keeps its permissions (a private file stays
         * private); a new one gets 0666 less the umask */
        (void)fchmod(o->fd, exists ? (st.st_mode & 07777) : mode);
    }
    o->buf = xmlOutputBufferCreateIO(write_all, no_close, o, NULL);
    if (!o->buf) {
        *err = rec_xstrdup("out of memory");
        rec_output_abort(o);
        return NULL;
    }
    return o;
}

xmlOutputBufferPtr rec_output_buffer(rec_output *o)
{
    return o->buf;
}

static void release(rec_output *o)
{
    if (o->tmp) {
        if (o->fd >= 0)
            close(o->fd);
        unlink(o->tmp);
    } else if (o->path && o->fd >= 0) {
        close(o->fd); /* a device opened as it is */
    }
    free(o->tmp);
    free(o->path);
    free(o->pending);
    free(o);
}

int rec_output_commit(rec_output *o, char **err)
{
    int rc = xmlOutputBufferClose(o->buf);
    o->buf = NULL;
    if (rc < 0 && !o->error)
        o->error = EIO;
    flush_pending(o);
    if (!o->error && stop_signal && o->tmp)
        o->error = EINTR;
    if (!o->error && !o->tmp && o->path) {
        int fd = o->fd;
        o->fd = -1;
        if (close(fd) != 0)
            o->error = errno;
    } else if (!o->error && o->tmp) {
        int fd = o->fd;
        o->fd = -1;
        if (close(fd) != 0)
            o->error = errno;
        else if (rename(o->tmp, o->path) != 0)
            o->error = errno;
        else {
            free(o->tmp);
            o->tmp = NULL; /* renamed: nothing to remove */
        }
    }
    if (o->error) {
        *err = rec_asprintf("cannot write '%s': %s", o->path ? o->path : "standard output",
                            strerror(o->error));
        release(o);
        return -1;
    }
    release(o);
    return 0;
}

void rec_output_abort(rec_output *o)
{
    if (!o)
        return;
    if (o->buf)
        xmlOutputBufferClose(o->buf);
    release(o);
}
