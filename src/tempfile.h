/* SPDX-License-Identifier: MIT */
/* tempfile.h - the temporary files outputs are written to before they are
 * renamed into place: their names, the registry that a fatal signal empties,
 * and the sweep that removes the ones a killed run left behind.
 *
 * A temporary of DIR/NAME is DIR/.NAME.XXXXXX, NAME cut to fit NAME_MAX
 * (a 255-byte NAME gets a 247-byte stem). While it is being written it is
 * locked (flock), so a sweep by another rec2xml never takes a live one. */
#ifndef REC_TEMPFILE_H
#define REC_TEMPFILE_H

#include <stddef.h>

typedef struct rec_temp rec_temp;

/* Create the temporary for target, a path relative to the directory dirfd
 * (AT_FDCWD: the current directory), with O_EXCL and O_NOFOLLOW: always a
 * new file (mode 0600, locked, registered for the signal handlers). Returns
 * NULL with errno set. rec_temp_fd is open for writing, owned by t. */
rec_temp *rec_temp_create(int dirfd, const char *target);
int rec_temp_fd(const rec_temp *t);

/* Close the data descriptor and report the close's error (0 or errno);
 * the lock is kept until rec_temp_release. */
int rec_temp_close(rec_temp *t);

/* Rename the temporary onto target (relative to the same directory). 0 or
 * errno. */
int rec_temp_rename(rec_temp *t, const char *target);

/* Remove the temporary (unless renamed), drop the lock, free t. */
void rec_temp_release(rec_temp *t);

/* SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGXFSZ (each unless ignored when
 * rec2xml started) and SIGABRT: remove every registered temporary, then die
 * of the signal at once, as GNU sort does. Nothing waits for a worker: a
 * blocked read, a FIFO, a long transform all end with the process. Files
 * already renamed into place are complete. _release restores the previous
 * handlers. */
void rec_temp_trap_signals(void);
void rec_temp_release_signals(void);

/* In the directory dirfd (not closed), remove the stale temporaries of the
 * outputs named names[0..n) (entries of it): entries .NAME.XXXXXX that are
 * regular files owned by this user and not locked by a live rec2xml.
 * Nothing else is touched; an unreadable directory is left alone. */
void rec_temp_sweep(int dirfd, const char *const *names, size_t n);

#endif
