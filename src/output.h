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
#include <sys/types.h>

typedef struct rec_output rec_output;

/* Open path for writing ("-" or NULL: standard output). mode is the new
 * file's permission bits (0666 less the umask). Returns NULL with *err set
 * (caller frees) on failure. */
rec_output *rec_output_open(const char *path, mode_t mode, char **err);

/* The buffer to serialise into; owned by o. A serialiser that closes it
 * (xmlSaveFormatFileTo, xsltSaveResultTo does not) must be told so through
 * rec_output_closed. */
xmlOutputBufferPtr rec_output_buffer(rec_output *o);

/* Flush, close and (for files) rename into place. Frees o. Returns 0, or -1
 * with *err set (caller frees) - then nothing was left at the target. */
int rec_output_commit(rec_output *o, char **err);

/* Give up: close, remove the temporary file, free o. */
void rec_output_abort(rec_output *o);

/* The permission bits for new files: 0666 less the process umask. Call it
 * once, before any thread starts (umask can only be read by setting it). */
mode_t rec_output_default_mode(void);

/* Ctrl-C, kill, hang-up: while trapped, a signal stops every output at its
 * next write and keeps it from being committed (its temporary file is
 * removed). rec_output_stopped says which signal came (0: none);
 * rec_output_release_signals restores the handlers and re-raises it. */
void rec_output_trap_signals(void);
int rec_output_stopped(void);
void rec_output_release_signals(void);

#endif
