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
 * each glued one into a reference.
 *
 * Numbered notes print the same way: a superscript number glued to the
 * text ("centers.12", "detainees12") and, at the foot of the page, the
 * number and the note ("12 Interview with ..."), or the number alone on
 * a line above the note. pdftotext may put the superscript of a heading on
 * a line of its own. Both ends must be found: a number counts as a
 * reference only where notes are numbered in order (the next one, or one
 * cited before), glued after a lower-case letter or punctuation, and only
 * when a note of that number stands at the foot of a page after it. */
#include "reader.h"

#include <stdlib.h>
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
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    for (size_t k = li->a + 1; k < li->b; k++) {
        unsigned char prev = (unsigned char)l->text[k - 1];
        size_t n = rec_note_symbol(l->text, k, li->b);
        /* glued ("Freedonia*"), or spaced at the end of a title ("Nauru *") */
        if (!n || prev == '*' || ((prev == ' ' || prev == '\t') && k + n != li->b))
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
    size_t n = r->nlines;
    for (size_t j = i + 1; j < n && j <= i + NEAR_FOOT; j++)
        if (r->lines[j].kind == L_FURNITURE || (r->lines[j].flags & LF_PAGE))
            return true;
    if (i + NEAR_FOOT >= n)
        return true;
    for (size_t j = i; j-- > 0 && j + 4 > i;) {
        const rec_lineinfo *lj = &r->lines[j];
        const char *t = r->line[j].text;
        if (lj->b - lj->a >= 5 && strspn(t + lj->a, "_") >= lj->b - lj->a)
            return true;
    }
    return false;
}

void rec_read_notes(rec_reader *r)
{
    size_t n = r->nlines;
    /* the candidate labels: symbols that start a line before some text */
    for (size_t i = 0; i < n; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_ITEM && li->kind != L_TEXT)
            continue;
        const rec_line *l = &r->line[i];
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
     * before it. A symbol alone on its line is a superscript pdftotext put
     * on a line of its own (over a title, under a heading). */
    bool referenced[REC_NOTE_SYMBOLS] = {false}, anywhere[REC_NOTE_SYMBOLS] = {false};
    size_t kept = 0;
    size_t alone[REC_NOTE_SYMBOLS * 4] = {0}, nalone = 0;
    /* a web page's copy prints the title's note first: a definition among
     * the document's first lines, cited anywhere after it */
    for (size_t i = 0; i < n; i++)
        if (r->lines[i].kind != L_BLANK && r->lines[i].kind != L_FURNITURE)
            find_refs(r, i, anywhere);
    size_t content = 0;
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const rec_line *l = &r->line[i];
        size_t s = rec_note_symbol(l->text, li->a, li->b);
        int k = s ? label_index(r, l->text + li->a, s) : -1;
        bool top = content++ < 2;
        if (k >= 0 && li->a + s == li->b) {
            referenced[k] = true;
            if (nalone < sizeof alone / sizeof *alone)
                alone[nalone++] = i;
            continue;
        }
        if (k >= 0 && li->a + s < li->b && ((referenced[k] && at_foot(r, i)) || (top && anywhere[k]))) {
            li->kind = L_FOOTNOTE;
            li->s1.start = li->a, li->s1.end = li->a + s;
            li->s2.start = li->a + s, li->s2.end = li->b;
            rec_trim(l->text, l->len, &li->s2.start, &li->s2.end);
            kept |= 1u << k;
        }
        find_refs(r, i, referenced);
    }
    for (size_t a = 0; a < nalone; a++) {
        rec_lineinfo *li = &r->lines[alone[a]];
        const rec_line *l = &r->line[alone[a]];
        int k = label_index(r, l->text + li->a, li->b - li->a);
        if (k >= 0 && (kept & (1u << k)))
            li->kind = L_NOTEREF;
    }
    /* only the symbols that define a note are labels */
    size_t w = 0;
    for (size_t k = 0; k < r->nsymbols; k++)
        if (kept & (1u << k))
            memmove(r->symbols[w++], r->symbols[k], sizeof r->symbols[k]);
    r->nsymbols = w;
}

/* ---- numbered notes -------------------------------------------------------- */

/* The value of the 1-3 digits at s[i] (their length in *n), or 0. */
static long digits_at(const char *s, size_t i, size_t end, size_t *n)
{
    long v = 0;
    size_t k = i;
    while (k < end && k - i < 4 && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + (s[k++] - '0');
    *n = k - i;
    return *n >= 1 && *n <= 3 && v > 0 ? v : 0;
}

/* A definition: "12 Interview with ..." (label and text on one line), or
 * "12" alone with the note on the next line, standing at a page's foot. */
static long definition_at(const rec_reader *r, size_t i, bool *alone)
{
    const rec_lineinfo *li = &r->lines[i];
    const rec_line *l = &r->line[i];
    size_t n;
    if (li->kind != L_TEXT)
        return 0;
    long v = digits_at(l->text, li->a, li->b, &n);
    if (!v)
        return 0;
    *alone = li->a + n == li->b;
    if (!*alone && !rec_is_blank_at(l->text, li->b, li->a + n))
        return 0;
    if (*alone) {
        size_t j = i + 1;
        while (j < r->nlines && j <= i + 2 && r->lines[j].kind == L_BLANK)
            j++;
        if (j >= r->nlines || r->lines[j].kind != L_TEXT)
            return 0;
        size_t m;
        if (digits_at(r->line[j].text, r->lines[j].a, r->lines[j].b, &m) &&
            r->lines[j].a + m == r->lines[j].b)
            return 0;
    }
    return at_foot(r, i) ? v : 0;
}

/* May a superscript number follow the character that ends at s[k)? A
 * lower-case letter of a cased script, closing punctuation or quotes; not
 * a capital ("G20"), a digit, a slash ("CO/3") or a CJK character ("年12"). */
static bool glue_before(const char *s, size_t start, size_t k)
{
    unsigned char c = (unsigned char)s[k - 1];
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c && strchr(".,;:)\"'", c));
    size_t j = k - 1;
    while (j > start && ((unsigned char)s[j] & 0xC0) == 0x80)
        j--;
    uint32_t u = rec_utf8_decode(s + j, k - j);
    return (u >= 0xDF && u <= 0x24F && u != 0xF7) || (u >= 0x430 && u <= 0x45F) || u == 0x2019 ||
           u == 0x201D || u == 0xBB;
}

void rec_read_numbered_notes(rec_reader *r)
{
    size_t n = r->nlines;
    /* the labels some definition has */
    long maxdef = 0;
    for (size_t i = 0; i < n; i++) {
        bool alone;
        long v = definition_at(r, i, &alone);
        maxdef = v > maxdef ? v : maxdef;
    }
    if (!maxdef || maxdef > 999)
        return;
    bool *defined = rec_xcalloc((size_t)maxdef + 1);
    for (size_t i = 0; i < n; i++) {
        bool alone;
        long v = definition_at(r, i, &alone);
        if (v)
            defined[v] = true;
    }
    bool *cited = rec_xcalloc((size_t)maxdef + 1);
    long max = 0; /* the highest number cited so far */
    size_t cap = 0;
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        const rec_line *l = &r->line[i];
        bool alone;
        long v = definition_at(r, i, &alone);
        if (v && cited[v]) {
            li->kind = L_FOOTNOTE;
            size_t m;
            digits_at(l->text, li->a, li->b, &m);
            li->s1.start = li->a, li->s1.end = li->a + m;
            li->s2.start = li->s2.end = li->b;
            if (!alone) {
                li->s2.start = li->a + m;
                rec_trim(l->text, l->len, &li->s2.start, &li->s2.end);
            }
            continue;
        }
        if (li->kind != L_TEXT && li->kind != L_ITEM && li->kind != L_HEADER && li->kind != L_FOOTNOTE)
            continue;
        size_t m;
        long w = li->kind == L_TEXT ? digits_at(l->text, li->a, li->b, &m) : 0;
        if (w && li->a + m == li->b && w <= maxdef && defined[w] && (w == max + 1 || cited[w])) {
            /* a superscript on a line of its own, under a content line */
            size_t j = i;
            while (j > 0 && r->lines[j - 1].kind == L_BLANK)
                j--;
            if (j > 0 && r->lines[j - 1].kind != L_FURNITURE && r->lines[j - 1].kind != L_NOTEREF) {
                li->kind = L_NOTEREF;
                cited[w] = true;
                max = w > max ? w : max;
                continue;
            }
        }
        for (size_t k = li->a + 1; k < li->b; k++) {
            if (l->text[k] < '0' || l->text[k] > '9' || (l->text[k - 1] >= '0' && l->text[k - 1] <= '9'))
                continue;
            /* glued ("were.12"), or after a sentence's stop and one space,
             * as justified text sets it ("were. 12"), ending the line or
             * before the next sentence */
            bool spaced = l->text[k - 1] == ' ' && k >= li->a + 2 && strchr(".,;:)\"", l->text[k - 2]);
            if (!spaced && !glue_before(l->text, li->a, k))
                continue;
            long x = digits_at(l->text, k, li->b, &m);
            size_t e = k + m;
            bool ends = e == li->b || rec_is_blank_at(l->text, li->b, e) || strchr(".,;:)", l->text[e]);
            if (spaced && e < li->b &&
                !(e + 1 < li->b && l->text[e] == ' ' && l->text[e + 1] >= 'A' && l->text[e + 1] <= 'Z'))
                ends = false;
            if (!x || !ends || x > maxdef || !defined[x] || !(x == max + 1 || cited[x])) {
                k += m ? m - 1 : 0;
                continue;
            }
            if (r->nrefs == cap) {
                cap = cap ? 2 * cap : 16;
                r->refs = rec_xrealloc(r->refs, cap * sizeof *r->refs);
            }
            r->refs[r->nrefs].line = i;
            r->refs[r->nrefs].start = k;
            r->refs[r->nrefs].end = e;
            r->nrefs++;
            cited[x] = true;
            max = x > max ? x : max;
            k = e - 1;
        }
    }
    free(defined);
    free(cited);
}
