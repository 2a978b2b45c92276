/* SPDX-License-Identifier: MIT */
/* gcc.h - diagnostics for people, as gcc writes them:
 *   report.txt:4:27: error: footnote [4] is never defined [undefined-footnote]
 *     • Release the detainees.[4]          (with the source: the line quoted,
 *                             ^             a caret under the column)
 *     help: Add a line '[n] text' at the end of the document, ...
 * The help of a kind follows its first diagnostic in each file. */
#ifndef REC_GCC_H
#define REC_GCC_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

/* Write path's diagnostics to out; src, when not NULL, quotes the source
 * lines; color adds gcc's colours (SGR escape sequences). */
void rec_report_gcc(FILE *out, const char *path, const rec_diags *d, const rec_quote_source *src, bool color);

#endif
