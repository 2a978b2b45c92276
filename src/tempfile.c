/* SPDX-License-Identifier: MIT */
/* tempfile.c - temporaries: names, the registry for signal handlers, the
 * sweep of stale ones. */
#define _DEFAULT_SOURCE /* flock */
#include "tempfile.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libxml/hash.h>

#include "util.h"

#ifndef NAME_MAX
#define NAME_MAX 255
#endif
#define SUFFIX ".XXXXXX"
#define SUFFIX_LEN 7

/* ---- the registry ---------------------------------------------------------
 *
 * A signal handler may only call async-signal-safe functions and read what
 * no thread frees under it: the live temporaries' paths live in static
 * slots. A slot is claimed before mkstemp writes the name into it, so the
 * handler also removes a temporary that is being created. More temporaries
 * at once than slots (jobs x formats beyond 1024) are simply not registered:
 * the next run's sweep removes what a signal left of them. */
#define SLOTS 1024

static struct {
    atomic_int used;
    int dirfd; /* path is relative to it (AT_FDCWD) */
    char path[PATH_MAX];
} slots[SLOTS];

/* A signal handler that removes the temporaries must not race a thread
 * creating one: it raises dying, waits (a bounded while) for the
 * creations under way to finish and register, removes what is registered,
 * and no creation starts after. */
static atomic_int dying, creating;
static _Thread_local int in_create; /* this thread is inside a creation */

static int claim(void)
{
    for (int i = 0; i < SLOTS; i++) {
        int free_slot = 0;
        if (atomic_compare_exchange_strong(&slots[i].used, &free_slot, 1))
            return i;
    }
    return -1;
}

struct rec_temp {
    int dirfd;  /* the directory path is relative to; not owned */
    int fd;     /* the data descriptor, -1 once closed */
    int lock;   /* a duplicate holding the flock until release */
    int slot;   /* in slots[], or -1 */
    char *path; /* slots[slot].path, or owned */
    bool created, renamed;
};

/* "dir/NAME" -> "dir/.STEM.XXXXXX", STEM being NAME cut (at a character
 * boundary) so that the temporary's name fits NAME_MAX. */
static size_t stem_len(const char *name)
{
    size_t n = strlen(name);
    if (n + 1 + SUFFIX_LEN <= NAME_MAX)
        return n;
    n = NAME_MAX - 1 - SUFFIX_LEN;
    while (n > 0 && ((unsigned char)name[n] & 0xC0) == 0x80)
        n--;
    return n;
}

/* XXXXXX at the end of name: six letters or digits, new at each call. The
 * name only has to be new (O_EXCL makes the file so); mixing the clock, the
 * process and a counter keeps two processes from trying the same ones. */
static void fill(char *name)
{
    static const char chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    static atomic_uint_fast64_t counter;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    uint64_t x = (uint64_t)now.tv_nsec ^ (uint64_t)now.tv_sec << 20 ^ (uint64_t)getpid() << 40 ^
                 (atomic_fetch_add(&counter, 1) + 1) * 0x9E3779B97F4A7C15ULL;
    char *x6 = name + strlen(name) - 6;
    for (int i = 0; i < 6; i++) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 29;
        x6[i] = chars[x % (sizeof chars - 1)];
    }
}

static rec_temp *create(int dirfd, const char *target)
{
    const char *slash = strrchr(target, '/');
    size_t dir = slash ? (size_t)(slash - target) + 1 : 0;
    const char *name = target + dir;
    char *template = rec_asprintf("%.*s.%.*s" SUFFIX, (int)dir, target, (int)stem_len(name), name);
    rec_temp *t = rec_xcalloc(sizeof *t);
    t->dirfd = dirfd;
    t->fd = t->lock = -1;
    t->slot = strlen(template) < PATH_MAX ? claim() : -1;
    if (t->slot >= 0) {
        slots[t->slot].dirfd = dirfd;
        t->path = slots[t->slot].path;
        memcpy(t->path, template, strlen(template) + 1);
        free(template);
    } else {
        t->path = template;
    }
    for (int tries = 0; tries < 100 && t->fd < 0; tries++) {
        fill(t->path);
        t->fd = openat(dirfd, t->path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (t->fd < 0 && errno != EEXIST)
            break;
    }
    if (t->fd < 0) {
        int e = errno;
        rec_temp_release(t);
        errno = e;
        return NULL;
    }
    t->created = true;
    /* a sweep takes only an unlocked temporary: the lock is held by a
     * second descriptor, so that the data descriptor can be closed (and its
     * close checked) before the rename */
    t->lock = fcntl(t->fd, F_DUPFD_CLOEXEC, 3);
    if (t->lock >= 0)
        (void)flock(t->lock, LOCK_EX | LOCK_NB);
    return t;
}

rec_temp *rec_temp_create(int dirfd, const char *target)
{
    atomic_fetch_add(&creating, 1);
    in_create = 1;
    rec_temp *t = NULL;
    if (atomic_load(&dying))
        errno = EINTR; /* the process is ending: create nothing it would leave */
    else
        t = create(dirfd, target);
    int e = errno;
    in_create = 0;
    atomic_fetch_sub(&creating, 1);
    errno = e;
    return t;
}

int rec_temp_fd(const rec_temp *t)
{
    return t->fd;
}

int rec_temp_close(rec_temp *t)
{
    int fd = t->fd;
    t->fd = -1;
    return fd >= 0 && close(fd) != 0 ? errno : 0;
}

int rec_temp_rename(rec_temp *t, const char *target)
{
    if (renameat(t->dirfd, t->path, t->dirfd, target) != 0)
        return errno;
    t->renamed = true;
    return 0;
}

void rec_temp_release(rec_temp *t)
{
    if (!t)
        return;
    if (t->fd >= 0)
        close(t->fd);
    if (t->created && !t->renamed)
        unlinkat(t->dirfd, t->path, 0);
    if (t->lock >= 0)
        close(t->lock);
    if (t->slot >= 0)
        atomic_store(&slots[t->slot].used, 0);
    else
        free(t->path);
    free(t);
}

/* ---- signals ----------------------------------------------------------------- */

static const int fatal[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ, SIGABRT};
#define NFATAL (sizeof fatal / sizeof fatal[0])
static struct sigaction saved[NFATAL];
static bool trapped[NFATAL];

static void on_fatal(int sig)
{
    int saved_errno = errno;
    atomic_store(&dying, 1);
    /* other threads' creations under way finish (at most 0.2 s); this
     * thread's own, if the signal came in one, cannot */
    struct timespec tick = {0, 1000000};
    for (int i = 0; i < 200 && atomic_load(&creating) > in_create; i++)
        nanosleep(&tick, NULL);
    for (int i = 0; i < SLOTS; i++)
        if (atomic_load(&slots[i].used))
            unlinkat(slots[i].dirfd, slots[i].path, 0); /* a name being written removes nothing */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig); /* delivered when the handler returns: the process dies of it */
    errno = saved_errno;
}

void rec_temp_trap_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_fatal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NFATAL; i++)
        sigaddset(&sa.sa_mask, fatal[i]);
    for (size_t i = 0; i < NFATAL; i++) {
        trapped[i] = false;
        if (sigaction(fatal[i], NULL, &saved[i]) != 0)
            continue;
        /* a signal ignored by whoever started rec2xml (nohup, a shell's
         * background job) stays ignored */
        if (saved[i].sa_handler == SIG_IGN && fatal[i] != SIGABRT)
            continue;
        trapped[i] = sigaction(fatal[i], &sa, NULL) == 0;
    }
}

void rec_temp_release_signals(void)
{
    for (size_t i = 0; i < NFATAL; i++)
        if (trapped[i])
            sigaction(fatal[i], &saved[i], NULL);
    memset(trapped, 0, sizeof trapped);
}

/* ---- the sweep -------------------------------------------------------------- */

static bool random_suffix(const char *s)
{
    for (int i = 0; i < SUFFIX_LEN - 1; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return false;
    }
    return true;
}

/* Remove dir's entry name when it is a regular file of ours that no live
 * rec2xml holds locked, and it is still the file that was checked. */
static void remove_stale(int dfd, const char *name)
{
    int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat a, b;
    if (fstat(fd, &a) == 0 && S_ISREG(a.st_mode) && a.st_uid == geteuid() &&
        flock(fd, LOCK_EX | LOCK_NB) == 0 && fstatat(dfd, name, &b, AT_SYMLINK_NOFOLLOW) == 0 &&
        a.st_dev == b.st_dev && a.st_ino == b.st_ino)
        (void)unlinkat(dfd, name, 0);
    close(fd);
}

void rec_temp_sweep(int dir, const char *const *names, size_t n)
{
    if (n == 0)
        return;
    xmlHashTablePtr stems = xmlHashCreate(n < 16 ? 16 : n > 1u << 30 ? 1 << 30 : (int)n);
    if (!stems)
        rec_out_of_memory(n);
    for (size_t i = 0; i < n; i++) {
        char *stem = rec_xstrndup(names[i], stem_len(names[i]));
        xmlHashAddEntry(stems, (const xmlChar *)stem, stems);
        free(stem);
    }
    /* a descriptor of its own: closedir closes it */
    int dfd = openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    DIR *d = dfd >= 0 ? fdopendir(dfd) : NULL;
    if (!d) {
        if (dfd >= 0)
            close(dfd);
        xmlHashFree(stems, NULL);
        return;
    }
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 2 + SUFFIX_LEN || e->d_name[0] != '.' || e->d_name[len - SUFFIX_LEN] != '.' ||
            !random_suffix(e->d_name + len - SUFFIX_LEN + 1))
            continue;
        char *stem = rec_xstrndup(e->d_name + 1, len - 1 - SUFFIX_LEN);
        if (xmlHashLookup(stems, (const xmlChar *)stem))
            remove_stale(dirfd(d), e->d_name);
        free(stem);
    }
    closedir(d);
    xmlHashFree(stems, NULL);
}
