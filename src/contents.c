/* SPDX-License-Identifier: MIT */
/* contents.c - a table of contents: the entries a printed report lists
 * before its text, "To the Government ............ 1".
 *
 * An entry is a line with dot leaders and a page reference (patterns.c);
 * its words may wrap onto up to WRAP lines above the leaders, with no
 * blank between. A table is a run of entries with only blanks and such
 * wrapped words between them, under the heading that stands right above
 * it ("Contents", "Table des matières": lang.c), or two entries at least
 * when there is no heading. Its lines are L_CONTENTS, each entry (and the
 * heading) one block of its own: never an item, a header or a recipient.
 *
 * A table of contents ends the front matter: a header line above it is
 * the title ("Recommendations to the Government of X" on a cover), which
 * heads nothing, so it is read as text, and its lines are marked front
 * matter (LF_FRONT) for the passes that look for headings. Linear: each line is looked at a
 * bounded number of times. */
#include "reader.h"

#include <stdlib.h>

#include "lang.h"
#include "util.h"

#define WRAP 3 /* lines an entry's words may take above its leaders */

static bool content_kind(const rec_lineinfo *li)
{
    return li->kind == L_TEXT || li->kind == L_HEADER || li->kind == L_ITEM;
}

/* Does line i hold a letter (not only a page, leaders and blanks)? */
static bool has_letters(const rec_reader *r, size_t i)
{
    const char *s = r->line[i].text;
    for (size_t k = r->lines[i].a; k < r->lines[i].b; k++) {
        unsigned char c = (unsigned char)s[k];
        if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0xC0)
            return true;
    }
    return false;
}

static bool heading_at(rec_reader *r, size_t i)
{
    const rec_line *l = &r->line[i];
    return content_kind(&r->lines[i]) &&
           rec_match_contents_heading(r->m, r->lang, l->text + r->lines[i].a, r->lines[i].b - r->lines[i].a);
}

/* The first line of the wrapped words of the entry at line e (e itself
 * when none): the non-blank lines right above it, up to WRAP, that are
 * neither entries nor the table's heading. */
static size_t wrapped_from(rec_reader *r, const bool *entry, size_t floor, size_t e)
{
    size_t j = e;
    while (j > floor && e - (j - 1) <= WRAP && content_kind(&r->lines[j - 1]) && !entry[j - 1] &&
           !heading_at(r, j - 1))
        j--;
    return j;
}

void rec_read_contents(rec_reader *r)
{
    size_t n = r->nlines;
    bool *entry = rec_xcalloc(n ? n : 1);
    size_t entries = 0;
    for (size_t i = 0; i < n; i++) {
        const rec_line *l = &r->line[i];
        entry[i] = content_kind(&r->lines[i]) && rec_match_contents_entry(r->m, l->text, l->len);
        entries += entry[i];
    }
    bool first_table = true;
    for (size_t i = 0; i < n && entries; i++) {
        if (!entry[i])
            continue;
        /* the table's heading: above the first entry, past a few blanks
         * and the entry's wrapped words (or a "Paragraphs  Page" line) */
        size_t start = i;
        bool heading = false;
        for (size_t j = i, steps = 0; j > 0 && steps < WRAP + 2; j--, steps++) {
            if (heading_at(r, j - 1)) {
                heading = true;
                start = j - 1;
                break;
            }
            if (r->lines[j - 1].kind != L_BLANK && !content_kind(&r->lines[j - 1]))
                break;
        }
        /* the entries that follow, their wrapped words between them */
        size_t last = i, count = 1;
        for (size_t k = i + 1; k < n;) {
            if (r->lines[k].kind == L_BLANK) {
                k++;
                continue;
            }
            if (entry[k]) {
                last = k++;
                count++;
                continue;
            }
            size_t e = k;
            while (e < n && e - k < WRAP && !entry[e] && content_kind(&r->lines[e]))
                e++;
            if (e < n && entry[e] && wrapped_from(r, entry, k, e) == k) {
                last = e;
                count++;
                k = e + 1;
                continue;
            }
            break;
        }
        if (!heading && count < 2) {
            i = last;
            continue;
        }
        if (first_table) {
            /* the front matter heads nothing */
            for (size_t k = 0; k < start; k++) {
                if (r->lines[k].kind == L_HEADER)
                    r->lines[k].kind = L_TEXT;
                r->lines[k].flags |= LF_FRONT;
            }
            first_table = false;
        }
        /* right to left, pdftotext sets an entry's page and leaders first
         * and its words on the next line */
        bool rtl = rec_langs[r->lang].rtl != 0;
        for (size_t k = start; k <= last; k++) {
            rec_lineinfo *li = &r->lines[k];
            if (li->kind == L_BLANK)
                continue;
            li->kind = L_CONTENTS;
            bool words_after = rtl && entry[k] && !has_letters(r, k) && k + 1 < n &&
                               content_kind(&r->lines[k + 1]) && !entry[k + 1];
            if (words_after) {
                if (k + 1 > last)
                    last = k + 1;
                continue;
            }
            /* each entry and the heading end a block */
            if (entry[k] || k == start || (rtl && k > start && entry[k - 1] && !has_letters(r, k - 1)))
                li->flags |= LF_ENDS;
        }
        i = last;
    }
    free(entry);
}
