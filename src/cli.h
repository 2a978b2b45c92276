/* SPDX-License-Identifier: MIT */
/* cli.h - the command line, callable in process (tests, fuzzers). */
#ifndef REC_CLI_H
#define REC_CLI_H

#include <stdio.h>

/* Exit status, documented in --help, the README and the man page. */
typedef enum {
    REC_EXIT_OK = 0,       /* every input valid (warnings allowed) */
    REC_EXIT_INVALID = 1,  /* some input invalid; its output not written */
    REC_EXIT_USAGE = 2,    /* usage, I/O or internal error */
} rec_exit;

/* Run rec2xml with argv; diagnostics and messages go to err. */
rec_exit rec_cli_main(int argc, char **argv, FILE *err);

#endif
