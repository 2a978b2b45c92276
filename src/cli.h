/* SPDX-License-Identifier: MIT */
/* cli.h - the command line, callable in process (tests, fuzzers). */
#ifndef REC_CLI_H
#define REC_CLI_H

#include <stdio.h>

#include "verdict.h" /* rec_exit */

/* Run rec2xml with argv; diagnostics and messages go to err. */
rec_exit rec_cli_main(int argc, char **argv, FILE *err);

#endif
