/* SPDX-License-Identifier: MIT */
/* main.c - rec2xml: plain-text recommendations to validated XML. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

int main(int argc, char **argv)
{
    rec_exit rc = rec_cli_main(argc, argv, stderr);
    /* outputs to standard output went through its descriptor: an error
     * that the system reports only when it is closed is still an error */
    if (fclose(stdout) != 0 && errno != EBADF) {
        fprintf(stderr, "rec2xml: cannot write 'standard output': %s\n", strerror(errno));
        return REC_EXIT_USAGE;
    }
    return (int)rc;
}
