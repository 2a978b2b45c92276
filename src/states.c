/* SPDX-License-Identifier: MIT */
/* states.c - the recommending States of a UPR recommendation, read from
 * the parentheses that end its text (layout.c asks for them). */
#include "states.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The byte length of the punctuation in PUNCT that ends t[0..n), or 0. */
static size_t ends_with_any(const char *t, size_t n, const char *const *punct)
{
    for (; *punct; punct++) {
        size_t m = strlen(*punct);
        if (n >= m && memcmp(t + n - m, *punct, m) == 0)
            return m;
    }
    return 0;
}

static const char *const trailing[] = {" ",      ";",      ".",      ",",      "\u061b", "\u060c",
                                       "\u06d4", "\uff1b", "\uff0c", "\u3002", NULL};
static const char *const closing[] = {")", "\uff09", NULL};
static const char *const opening[] = {"(", "\uff08", NULL};
static const char *const separators[] = {",", ";", "\u060c", "\u061b", "\u3001", "\uff0c", "\uff1b", NULL};

char *rec_recommending_states(const char *t, size_t n)
{
    for (size_t m; (m = ends_with_any(t, n, trailing)) > 0;)
        n -= m;
    size_t cap = 64, len = 0;
    char *out = NULL;
    const char *groups[16] = {NULL};
    size_t glen[16] = {0}, ng = 0, cl;
    while ((cl = ends_with_any(t, n, closing)) > 0 && ng < 16) {
        int depth = 0;
        size_t i = n, op = 0;
        while (i > 0) {
            size_t m;
            if ((m = ends_with_any(t, i, closing)) > 0)
                depth++;
            else if ((m = ends_with_any(t, i, opening)) > 0 && --depth == 0) {
                op = m;
                break;
            }
            i -= m ? m : 1;
        }
        if (depth != 0 || op == 0)
            break;
        groups[ng] = t + i;
        glen[ng] = n - cl - i;
        ng++;
        n = i - op;
        while (n > 0 && t[n - 1] == ' ')
            n--;
    }
    /* in source order, names split at top-level commas and semicolons */
    for (size_t g = ng; g-- > 0;) {
        const char *s = groups[g];
        size_t m = glen[g], start = 0;
        int depth = 0;
        for (size_t i = 0; i <= m;) {
            size_t sep = 0;
            if (i < m && s[i] == '(')
                depth++;
            else if (i < m && s[i] == ')')
                depth--;
            else if (i < m && depth == 0)
                for (const char *const *q = separators; *q && !sep; q++)
                    if (strncmp(s + i, *q, strlen(*q)) == 0 && i + strlen(*q) <= m)
                        sep = strlen(*q);
            if (i < m && !sep) {
                i++;
                continue;
            }
            size_t a = start, b = i;
            while (a < b && s[a] == ' ')
                a++;
            while (b > a && s[b - 1] == ' ')
                b--;
            start = i + (sep ? sep : 1);
            i = start;
            bool name = b > a && b - a <= 80 && ((s[a] >= 'A' && s[a] <= 'Z') || (unsigned char)s[a] >= 0x80);
            bool lower = false;
            for (size_t k = a; k < b; k++) {
                lower |= (s[k] >= 'a' && s[k] <= 'z') || (unsigned char)s[k] >= 0x80;
                if (s[k] >= '0' && s[k] <= '9')
                    name = false;
            }
            if (!name || !lower) {
                free(out);
                return NULL; /* "(CEDAW)", "(2015)": not a State */
            }
            if (!out)
                out = rec_xmalloc(cap);
            if (len + (b - a) + 3 > cap) {
                cap = (len + (b - a) + 3) * 2;
                out = rec_xrealloc(out, cap);
            }
            if (len) {
                memcpy(out + len, "; ", 2);
                len += 2;
            }
            memcpy(out + len, s + a, b - a);
            len += b - a;
            out[len] = '\0';
        }
    }
    return out;
}
