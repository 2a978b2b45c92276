/* SPDX-License-Identifier: MIT */
/* notes.c - footnotes as PDFs print them.
 *
 * A report written for rec2xml cites notes as [1]. A PDF prints them as
 * symbols: "Freedonia*" in a title and "* Adopted by the Committee ..." at
 * the foot of the page. Such a line would read as a bulleted item; it is a
 * footnote definition when
 *   - its symbol (*, **, ***, †, ††, ‡) is glued to a word before it in
 *     the text (the reference), and
 *   - it stands where notes stand: at the foot of a page (before its
 *     furniture), under a rule of underscores, or at the end of the text.
 * The symbols found are the reader's note labels: the tree builder turns
 * each glued one into a reference. */
#include "reader.h"

#include <string.h>

#include "util.h"

#define NEAR_FOOT 6 /* lines between a note and the foot of its page */

/* The symbol run that starts at s[i] ("*", "**", "†"), its length in bytes,
 * or 0. */
size_t rec_note_symbol(const char *s, size_t i, size_t len)
{
    size_t k = i;
    if (s[k] == '*') {
        while (k < len && s[k] == '*' && k - i < 3)
            k++;
        return k < len && s[k] == '*' ? 0 : k - i;
    }
    /* † U+2020 E2 80 A0, ‡ U+2021 E2 80 A1 */
    while (k + 2 < len && (unsigned char)s[k] == 0xE2 && (unsigned char)s[k + 1] == 0x80 &&
           ((unsigned char)s[k + 2] == 0xA0 || (unsigned char)s[k + 2] == 0xA1) && k - i < 6)
        k += 3;
    return k - i;
}

static int label_index(const rec_reader *r, const char *s, size_t n)
{
    for (size_t k = 0; k < r->nsymbols; k++)
        if (strlen(r->symbols[k]) == n && memcmp(r->symbols[k], s, n) == 0)
            return (int)k;
    return -1;
}

/* Note which symbols stand glued after a word on line i ("Freedonia*"). */
static void find_refs(rec_reader *r, size_t i, bool *referenced)
{
    const rec_line *l = &r->src->lines[i];
    const rec_lineinfo *li = &r->lines[i];
    for (size_t k = li->a + 1; k < li->b; k++) {
        unsigned char prev = (unsigned char)l->text[k - 1];
        if (prev == ' ' || prev == '\t' || prev == '*')
            continue;
        size_t n = rec_note_symbol(l->text, k, li->b);
        if (!n)
            continue;
        for (size_t s = 0; s < r->nsymbols; s++)
            if (strlen(r->symbols[s]) == n && memcmp(r->symbols[s], l->text + k, n) == 0)
                referenced[s] = true;
        k += n - 1;
    }
}

/* Is line i where a note stands: near the foot of a page, under a rule, or
 * near the end? */
static bool at_foot(const rec_reader *r, size_t i)
{
    size_t n = r->src->nlines;
    for (size_t j = i + 1; j < n && j <= i + NEAR_FOOT; j++)
        if (r->lines[j].kind == L_FURNITURE || (r->lines[j].flags & LF_PAGE))
            return true;
    if (i + NEAR_FOOT >= n)
        return true;
    for (size_t j = i; j-- > 0 && j + 4 > i;) {
        const rec_lineinfo *lj = &r->lines[j];
        const char *t = r->src->lines[j].text;
        if (lj->b - lj->a >= 5 && strspn(t + lj->a, "_") >= lj->b - lj->a)
            return true;
    }
    return false;
}

void rec_read_notes(rec_reader *r)
{
    size_t n = r->src->nlines;
    /* the candidate labels: symbols that start a line before some text */
    for (size_t i = 0; i < n; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_ITEM && li->kind != L_TEXT)
            continue;
        const rec_line *l = &r->src->lines[i];
        size_t s = rec_note_symbol(l->text, li->a, li->b);
        if (!s || li->a + s >= li->b || !rec_is_blank_at(l->text, li->b, li->a + s))
            continue;
        if (label_index(r, l->text + li->a, s) < 0 && r->nsymbols < REC_NOTE_SYMBOLS) {
            memcpy(r->symbols[r->nsymbols], l->text + li->a, s);
            r->symbols[r->nsymbols][s] = '\0';
            r->nsymbols++;
        }
    }
    if (!r->nsymbols)
        return;
    /* each line: the symbols cited so far; a definition needs its own cited
     * before it */
    bool referenced[REC_NOTE_SYMBOLS] = {false};
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const rec_line *l = &r->src->lines[i];
        size_t s = rec_note_symbol(l->text, li->a, li->b);
        int k = s ? label_index(r, l->text + li->a, s) : -1;
        if (k >= 0 && referenced[k] && li->a + s < li->b && at_foot(r, i)) {
            li->kind = L_FOOTNOTE;
            li->s1.start = li->a, li->s1.end = li->a + s;
            li->s2.start = li->a + s, li->s2.end = li->b;
            rec_trim(l->text, l->len, &li->s2.start, &li->s2.end);
            kept |= 1u << k;
        }
        find_refs(r, i, referenced);
    }
    /* only the symbols that define a note are labels */
    size_t w = 0;
    for (size_t k = 0; k < r->nsymbols; k++)
        if (kept & (1u << k))
            memmove(r->symbols[w++], r->symbols[k], sizeof r->symbols[k]);
    r->nsymbols = w;
}
