/* SPDX-License-Identifier: MIT */
/* terminal.c - colour or not, and the width of a character on a terminal. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include "terminal.h"

#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

int rec_color_parse(const char *when)
{
    static const char *const names[] = {"auto", "always", "never"};
    for (int i = 0; i < 3; i++)
        if (strcmp(when, names[i]) == 0)
            return i;
    return -1;
}

bool rec_color_wanted(rec_color when, int fd)
{
    if (when != REC_COLOR_AUTO)
        return when == REC_COLOR_ALWAYS;
    const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
    if (no_color && *no_color)
        return false;
    return term && *term && strcmp(term, "dumb") != 0 && isatty(fd);
}

/* wcwidth() answers for the calling thread's locale: a UTF-8 one of our
 * own, made once and switched to for the call only, so that neither the
 * user's locale nor the process's is read or changed. */
static locale_t utf8 = (locale_t)0;
static pthread_once_t utf8_once = PTHREAD_ONCE_INIT;

static void make_utf8(void)
{
    utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

int rec_char_width(uint32_t c)
{
    if (c < 0x300)
        return 1; /* ASCII and Latin-1: no combining mark, nothing wide */
    pthread_once(&utf8_once, make_utf8);
    if (utf8 == (locale_t)0)
        return 1;
    locale_t was = uselocale(utf8);
    int w = wcwidth((wchar_t)c);
    uselocale(was);
    return w < 0 ? 1 : w; /* unassigned: a terminal shows a box or a '?' */
}
