/* SPDX-License-Identifier: MIT */
/* output.h - outputs written whole or not at all.
 *
 * A file output goes to a temporary file beside its target and is renamed
 * over it only when every byte was written and the file closed without
 * error, so an existing file is either replaced by a complete one or left
 * as it was. Standard output is written as it goes, and every write and the
 * close are checked. */
#ifndef REC_OUTPUT_H
#define REC_OUTPUT_H

#include <libxml/xmlIO.h>
#include <stdbool.h>
#include <sys/types.h>
#include <time.h>

typedef struct rec_output rec_output;

/* Open name for writing ("-" or NULL: standard output). mode is the new
 * file's permission bits (0666 less the umask); a file replaced keeps its
 * own, less set-user-ID, set-group-ID, sticky and world-writable.
 * dir: name is an entry of the -d directory dirfd (dir is its name, for
 * messages), which may hold what others put there: anything but a regular
 * file (a link, a FIFO, a device) is refused, never opened, and everything
 * happens relative to dirfd, so that the directory cannot be swapped under
 * rec2xml. dir NULL: name is a path the user gave (dirfd unused): a link is
 * followed, a device or FIFO written as it is. Returns NULL with *err set
 * (caller frees) on failure. */
rec_output *rec_output_open(int dirfd, const char *dir, const char *name, mode_t mode, char **err);

/* Give the file this modification time when it is committed (-d: the
 * input's, taken before it was read, so that -u sees a later edit). */
void rec_output_set_mtime(rec_output *o, const struct timespec *mtime);

/* The buffer to serialise into; owned by o, which closes it when it is
 * committed or aborted: use a serialiser that leaves it open
 * (xsltSaveResultTo, xmlNodeDumpOutput), not one that closes it
 * (xmlSaveFormatFileTo). */
xmlOutputBufferPtr rec_output_buffer(rec_output *o);

/* Flush, close and (for files) rename into place. Frees o. Returns 0, or -1
 * with *err set (caller frees) - then nothing was left at the target. */
int rec_output_commit(rec_output *o, char **err);

/* Give up: close, remove the temporary file, free o. */
void rec_output_abort(rec_output *o);

/* The permission bits for new files: 0666 less the process umask. Call it
 * once, before any thread starts (umask can only be read by setting it). */
mode_t rec_output_default_mode(void);

#endif
