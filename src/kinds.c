/* SPDX-License-Identifier: MIT */
/* kinds.c - the diagnostic kinds and their help (the list is kinds.def). */
#include "kinds.h"

#include <string.h>

const rec_kind rec_kinds[] = {
#define REC_KIND(id, name, level, summary, help) [REC_KIND_##id] = {name, level, summary, help},
#include "kinds.def"
#undef REC_KIND
    {NULL, NULL, NULL, NULL},
};

_Static_assert(sizeof rec_kinds / sizeof *rec_kinds == REC_KIND_COUNT + 1,
               "rec_kinds: one row per kind of kinds.def, and the end");

const char *rec_kind_name(rec_kind_id k)
{
    return rec_kinds[k].name;
}

int rec_kind_index(const char *name)
{
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].name, name) == 0)
            return i;
    return -1;
}

/* "  name    summary", the summary wrapped at spaces to fit 80 columns. */
static void print_kind(FILE *out, const rec_kind *k)
{
    enum { INDENT = 26, WIDTH = 80 - INDENT };
    fprintf(out, "  %-*s", INDENT - 2, k->name);
    const char *s = k->summary;
    for (;;) {
        size_t n = strlen(s);
        if (n > WIDTH) { /* the summaries are ASCII but for quoted examples */
            n = WIDTH;
            while (n > 0 && s[n] != ' ')
                n--;
            if (n == 0)
                n = strcspn(s, " ");
        }
        fprintf(out, "%.*s\n", (int)n, s);
        s += n;
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        fprintf(out, "%*s", INDENT, "");
    }
}

void rec_kinds_print(FILE *out)
{
    fputs("Warnings (the input is still converted; -Wno-KIND turns one off, -Werror=KIND\n"
          "makes it an error, --strict makes every warning an error):\n",
          out);
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].level, "warning") == 0)
            print_kind(out, &rec_kinds[i]);
    fputs("\nErrors (they cannot be turned off):\n", out);
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].level, "error") == 0)
            print_kind(out, &rec_kinds[i]);
}
