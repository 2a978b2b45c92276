/* SPDX-License-Identifier: MIT */
/* terminal.h - what a terminal needs to know: whether to colour (--color,
 * NO_COLOR) and how many columns a character takes (CJK two, combining
 * marks none), whatever the user's locale. */
#ifndef REC_TERMINAL_H
#define REC_TERMINAL_H

#include <stdbool.h>
#include <stdint.h>

typedef enum { REC_COLOR_AUTO, REC_COLOR_ALWAYS, REC_COLOR_NEVER } rec_color;

/* "auto", "always" or "never"; -1 for anything else. */
int rec_color_parse(const char *when);

/* Colour what goes to fd? always: yes; never: no; auto: when fd is a
 * terminal, TERM is set and not "dumb", and NO_COLOR is unset or empty
 * (https://no-color.org). */
bool rec_color_wanted(rec_color when, int fd);

/* The columns a terminal gives the printable character c: 2 for East
 * Asian wide and fullwidth characters, 0 for combining marks and other
 * zero-width characters, else 1. Read from the C library's tables in a
 * UTF-8 locale of its own (the user's may be "C"); 1 for everything where
 * the system has none. Thread-safe. */
int rec_char_width(uint32_t c);

#endif
