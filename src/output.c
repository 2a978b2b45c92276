/* SPDX-License-Identifier: MIT */
/* output.c - checked, atomic output, never through a link or into a device
 * that a directory holds. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tempfile.h"
#include "util.h"

struct rec_output {
    int fd;
    char *path;          /* the target (relative to the -d directory's descriptor);
                          NULL for standard output */
    char *shown;         /* the target as messages name it */
    rec_temp *tmp;       /* the temporary file beside it; NULL: written as it is */
    int error;           /* first errno seen while writing */
    const char *refused; /* why the target was refused, or NULL */
    xmlOutputBufferPtr buf;
    char *pending; /* bytes not written yet (libxml2 hands over 4 KB at a time) */
    size_t npending;
    size_t written; /* bytes handed to write() so far */
    bool stamp;     /* give the file mtime (rec_output_set_mtime) */
    struct timespec mtime;
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

/* What a non-regular entry is, for the message that refuses it. */
static const char *what_it_is(mode_t m)
{
    return S_ISLNK(m)    ? "a symbolic link"
           : S_ISFIFO(m) ? "a FIFO"
           : S_ISCHR(m)  ? "a character device"
           : S_ISBLK(m)  ? "a block device"
           : S_ISSOCK(m) ? "a socket"
           : S_ISDIR(m)  ? "a directory"
                         : "not a regular file";
}

/* The permission bits a replaced file keeps: never set-user-ID, set-group-ID,
 * sticky or world-writable, whoever made the file that was there. */
#define KEPT_BITS 0775

/* Where -o PATH goes when PATH is not a plain file: a link the user named is
 * followed (a regular file at its end is replaced there, atomically, and
 * the link kept); a device, FIFO or terminal is written as it is
 * (/dev/stdout, /dev/null, a named pipe someone reads). Sets o->path, and
 * o->fd for an entry written as it is. Returns 0, or an errno. */
static int named_target(rec_output *o, const char *path, struct stat *st, bool *exists)
{
    if (S_ISLNK(st->st_mode)) {
        if (stat(path, st) != 0)
            return errno; /* a link to nothing, or a loop */
        if (S_ISREG(st->st_mode)) {
            char *real = realpath(path, NULL);
            if (!real)
                return errno;
            o->path = rec_xstrdup(real);
            free(real);
            return 0;
        }
    }
    if (S_ISDIR(st->st_mode))
        return EISDIR;
    if (S_ISREG(st->st_mode)) {
        o->path = rec_xstrdup(path);
        return 0;
    }
    o->fd = open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
    if (o->fd < 0)
        return errno;
    o->path = rec_xstrdup(path);
    *exists = false;
    return 0;
}

/* Remove what a killed run left of the temporaries of a named output. */
static void sweep_beside(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? rec_xstrndup(path, (size_t)(slash - path) + 1) : rec_xstrdup(".");
    const char *name = slash ? slash + 1 : path;
    int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0) {
        rec_temp_sweep(dfd, &name, 1);
        close(dfd);
    }
    free(dir);
}

rec_output *rec_output_open(int dirfd, const char *dir, const char *name, mode_t mode, char **err)
{
    rec_output *o = rec_xcalloc(sizeof *o);
    o->fd = -1;
    if (!name || strcmp(name, "-") == 0) {
        o->fd = STDOUT_FILENO;
    } else {
        bool in_dir = dir != NULL;
        o->shown = in_dir ? rec_asprintf("%s/%s", dir, name) : rec_xstrdup(name);
        struct stat st;
        bool exists = in_dir ? fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 : lstat(name, &st) == 0;
        int e = 0;
        if (exists && in_dir && !S_ISREG(st.st_mode)) {
            /* in an output directory, never through a link, never into a
             * device or a FIFO: an entry someone else put there */
            o->refused = what_it_is(st.st_mode);
            e = EEXIST;
        } else if (exists && !in_dir) {
            e = named_target(o, name, &st, &exists);
        } else {
            o->path = rec_xstrdup(name);
        }
        if (!e && o->fd < 0) {
            if (!in_dir) /* a batch sweeps its directory once, before */
                sweep_beside(o->path);
            o->tmp = rec_temp_create(in_dir ? dirfd : AT_FDCWD, o->path);
            if (!o->tmp)
                e = errno;
            else
                o->fd = rec_temp_fd(o->tmp);
        }
        if (e) {
            if (o->refused)
                *err = rec_asprintf("cannot write '%s': it is %s; rec2xml replaces only "
                                    "regular files in an output directory (remove it)",
                                    o->shown, o->refused);
            else
                *err = rec_asprintf("cannot write '%s': %s", o->shown, strerror(e));
            rec_temp_release(o->tmp);
            free(o->path);
            free(o->shown);
            free(o);
            return NULL;
        }
        if (o->tmp)
            (void)fchmod(o->fd, exists ? (st.st_mode & KEPT_BITS) : mode);
    }
    o->buf = xmlOutputBufferCreateIO(write_all, no_close, o, NULL);
    if (!o->buf) {
        *err = rec_xstrdup("out of memory");
        rec_output_abort(o);
        return NULL;
    }
    return o;
}

void rec_output_set_mtime(rec_output *o, const struct timespec *mtime)
{
    o->stamp = true;
    o->mtime = *mtime;
}

xmlOutputBufferPtr rec_output_buffer(rec_output *o)
{
    return o->buf;
}

static void release(rec_output *o)
{
    if (o->tmp)
        rec_temp_release(o->tmp); /* closes, and removes it unless renamed */
    else if (o->path && o->fd >= 0)
        close(o->fd); /* a device opened as it is */
    free(o->path);
    free(o->shown);
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
    if (!o->error && o->tmp) {
        if (o->stamp) {
            const struct timespec times[2] = {{0, UTIME_OMIT}, o->mtime};
            (void)futimens(o->fd, times);
        }
        o->fd = -1;
        o->error = rec_temp_close(o->tmp);
        if (!o->error)
            o->error = rec_temp_rename(o->tmp, o->path);
    } else if (!o->error && o->path) {
        int fd = o->fd;
        o->fd = -1;
        if (close(fd) != 0)
            o->error = errno;
    }
    if (o->error) {
        *err = rec_asprintf("cannot write '%s': %s", o->shown ? o->shown : "standard output",
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
