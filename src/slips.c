/* SPDX-License-Identifier: MIT */
/* slips.c - the lines whose reading rests on a guess, and what the editor
 * probably meant.
 *
 * An editor's slip ("•Repeal", "T othe Ministry of Justice:", a blank line
 * inside an item) changes the structure without making the text invalid.
 * Where the reader had to guess, it says what it did and what was probably
 * meant, as gcc's -Wall does, each under its own kind (--strict makes them
 * errors, -Wno-KIND silences one); a fix-it goes with it where there is one.
 * The warnings about nesting (marker-switch, numbering) are the tree
 * builder's (parse.c), which decides the nesting. */
#include "reader.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lang.h"
#include "util.h"

static unsigned long col_of(const rec_reader *r, size_t i, size_t byte)
{
    return rec_line_column(&r->line[i], byte);
}

static unsigned long number_of(const rec_reader *r, size_t i)
{
    return r->line[i].number;
}

/* ---- glued markers --------------------------------------------------------- */

/* "1.Investigate" and "•Repeal" are read as items. A document that glues
 * every number (text copied from a web page) is told once. */
/* "-the Convention", "1.a": a marker glued to a lower-case word is not
 * read as one; say so. */
static void glued_text(rec_reader *r)
{
    for (size_t i = 0; i < r->nlines; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_TEXT || (li->flags & LF_ESCAPED) || li->b - li->a < 2)
            continue;
        const rec_line *l = &r->line[i];
        const char *s = l->text;
        size_t a = li->a, m = 0;
        unsigned char c = (unsigned char)s[a];
        if (strchr("-*", c) && s[a + 1] != '-' && s[a + 1] != '*')
            m = 1;
        else if (c == 'o' && s[a + 1] >= 'A' && s[a + 1] <= 'Z')
            m = 1; /* "oOrgkas": the letter o as a bullet */
        else if (c >= 0x80) {
            size_t len = rec_utf8_step(s + a, li->b - a);
            uint32_t u = rec_utf8_decode(s + a, len);
            if (u == 0x2022 || u == 0xB7 || u == 0x2013 || u == 0x25AA || u == 0x25E6 || u == 0x25CF)
                m = len;
        } else if (c >= '0' && c <= '9') {
            size_t k = a;
            while (k < li->b && s[k] >= '0' && s[k] <= '9' && k - a < 3)
                k++;
            if (k < li->b && (s[k] == '.' || s[k] == ')'))
                m = k + 1 - a;
        } else if (c == '(' && a + 2 < li->b && ((s[a + 1] | 0x20) >= 'a' && (s[a + 1] | 0x20) <= 'z') &&
                   s[a + 2] == ')') {
            m = 3;
        }
        if (!m || a + m >= li->b)
            continue;
        unsigned char next = (unsigned char)s[a + m];
        if (!((next >= 'a' && next <= 'z') || next >= 0xC0 || (c == 'o' && next >= 'A' && next <= 'Z')))
            continue;
        unsigned long at = col_of(r, i, a + m);
        rec_diags_add(r->diags, l->number, col_of(r, i, a), REC_WARNING, REC_KIND_GLUED_MARKER,
                      "'%.*s' is glued to the word after it, so the line was read as text, not as an item: "
                      "did you mean '%.*s %.*s'?",
                      (int)m, s + a, (int)m, s + a, (int)(li->b - a - m < 24 ? li->b - a - m : 24),
                      s + a + m);
        rec_diags_suggest(r->diags, l->number, at, at, " ");
    }
}

static void glued(rec_reader *r)
{
    size_t glued_n = 0, spaced = 0, first = 0;
    bool cjk = strcmp(rec_langs[r->lang].code, "zh") == 0;
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        if (b->kind != B_ITEM && !(b->kind == B_PROSE && b->numbered))
            continue;
        const rec_lineinfo *li = &r->lines[b->first];
        if (li->mk == MK_CJK || (cjk && li->mk == MK_ARABIC))
            continue;
        if (li->flags & LF_GLUED) {
            if (!glued_n++)
                first = b->first;
        } else if (li->s1.end > li->s1.start) {
            spaced++;
        }
    }
    if (!glued_n)
        return;
    if (glued_n >= 3 && glued_n >= spaced) {
        rec_diags_add(r->diags, number_of(r, first), col_of(r, first, r->lines[first].s1.start), REC_WARNING,
                      REC_KIND_GLUED_MARKER,
                      "%zu list markers are glued to their text, as text copied from a web page has them; "
                      "each was read as a marker",
                      glued_n);
        return;
    }
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        const rec_lineinfo *li = &r->lines[b->first];
        if ((b->kind != B_ITEM && !(b->kind == B_PROSE && b->numbered)) || !(li->flags & LF_GLUED))
            continue;
        const rec_line *l = &r->line[b->first];
        int mk = (int)(li->s1.end - li->s1.start);
        unsigned long at = col_of(r, b->first, li->s1.end);
        rec_diags_add(
            r->diags, l->number, col_of(r, b->first, li->s1.start), REC_WARNING, REC_KIND_GLUED_MARKER,
            "'%.*s' is glued to its text; it was read as a list marker: did you mean '%.*s %.*s'?", mk,
            l->text + li->s1.start, mk, l->text + li->s1.start,
            (int)(li->s2.end - li->s2.start < 24 ? li->s2.end - li->s2.start : 24), l->text + li->s2.start);
        rec_diags_suggest(r->diags, l->number, at, at, " ");
    }
}

/* ---- characters that look like bullets ------------------------------------- */

/* Does a line start with a symbol an editor might take for a bullet ("+ ",
 * "> ", "✗ ", "★ ")? Its length in bytes, or 0. */
static size_t bullet_like(const char *s, size_t a, size_t b)
{
    unsigned char c = (unsigned char)s[a];
    size_t len = 0;
    if (c < 0x80) {
        if (strchr("+>#~=", c))
            len = 1;
    } else {
        len = rec_utf8_step(s + a, b - a);
        uint32_t u = rec_utf8_decode(s + a, len);
        bool symbol = (u >= 0x2190 && u <= 0x21FF) || (u >= 0x2500 && u <= 0x27BF) ||
                      (u >= 0x2B00 && u <= 0x2BFF) || (u >= 0xF000 && u <= 0xF0FF) || u == 0xA7 ||
                      u == 0xB6 || (u >= 0x2010 && u <= 0x2015 && u != 0x2013 && u != 0x2014);
        if (!symbol)
            len = 0;
    }
    if (!len || a + len >= b || !rec_is_blank_at(s, b, a + len))
        return 0;
    return len;
}

static void unknown_bullets(rec_reader *r)
{
    for (size_t i = 0; i < r->nlines; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_TEXT || (li->flags & LF_ESCAPED))
            continue;
        const rec_line *l = &r->line[i];
        size_t n = bullet_like(l->text, li->a, li->b);
        if (!n)
            continue;
        rec_diags_add(r->diags, l->number, col_of(r, i, li->a), REC_WARNING, REC_KIND_UNKNOWN_BULLET,
                      "'%.*s' starts this line like a bullet, but it is not a list marker: the line was "
                      "read as text; did you mean '-'?",
                      (int)n, l->text + li->a);
        rec_diags_suggest(r->diags, l->number, col_of(r, i, li->a), col_of(r, i, li->a + n), "-");
    }
}

/* ---- nearly a header ------------------------------------------------------- */

/* Edit distance (with transpositions) of two short strings, capped. */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 15 || m > 15)
        return 99;
    int d[16][16];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

/* The letters of the first two words of line i, in lower case ("T othe
 * Ministry" -> "tothe"), and the byte where the third word starts. */
static size_t first_words(const rec_reader *r, size_t i, char out[16])
{
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    size_t k = 0, words = 0, j = li->a;
    while (j < li->b && words < 2) {
        while (j < li->b && !rec_is_blank_at(l->text, li->b, j)) {
            char c = l->text[j];
            if (((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && k < 15)
                out[k++] = (char)(c | 0x20);
            j++;
        }
        words++;
        while (j < li->b && rec_is_blank_at(l->text, li->b, j))
            j += rec_blank_len(l->text, li->b, j);
    }
    out[k] = '\0';
    return j;
}

static bool is_en(const rec_reader *r)
{
    return strcmp(rec_langs[r->lang].code, "en") == 0;
}

/* Line i (whose words run to byte end) reads almost like "To the ...":
 * "T othe Ministry", "To teh Police", "Ot the Army". */
static bool near_to_the(rec_reader *r, size_t i)
{
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    if (!is_en(r) || li->b - li->a > 120 || (li->flags & LF_ESCAPED) || l->text[li->b - 1] == '.' ||
        !rec_match_uppercase_start(r->m, l->text + li->a, li->b - li->a))
        return false;
    char w[16];
    size_t rest = first_words(r, i, w), words = 1;
    for (size_t j = li->a; j < li->b; j++)
        words += l->text[j] == ' ';
    if (words > 16 || rest >= li->b || strlen(w) < 4 ||
        !(distance(w, "tothe") <= 2 || strncmp(w, "tothe", 5) == 0))
        return false;
    /* "On the Rights of Children", "In the provinces": a heading of its
     * own, not a slip of "To the" */
    static const char *const words_of_own[] = {"on", "of", "in", "at", "by",   "so",   "do",   "go", "no",
                                               "or", "as", "it", "is", "if",   "up",   "we",   "us", "an",
                                               "be", "he", "me", "my", "into", "onto", "unto", NULL};
    size_t w1 = 0;
    while (li->a + w1 < li->b && !rec_is_blank_at(l->text, li->b, li->a + w1))
        w1++;
    for (int k = 0; words_of_own[k]; k++)
        if (strlen(words_of_own[k]) == w1 && strncasecmp(l->text + li->a, words_of_own[k], w1) == 0)
            return false;
    int n = (int)(li->b - rest);
    rec_diags_add(r->diags, l->number, col_of(r, i, li->a), REC_WARNING, REC_KIND_NEAR_HEADER,
                  "this line reads almost like a recipient header but is not one: it was read as text, "
                  "so the items after it stay with the recipient before; did you mean 'To the %.*s'?",
                  n > 60 ? 60 : n, l->text + rest);
    rec_diags_suggest(r->diags, l->number, col_of(r, i, li->a), col_of(r, i, rest), "To the ");
    return true;
}

/* Lines [from, to] name an addressee the way the document's "To" headers
 * do, without the "To" ("Ministry of Health:" over a list). */
/* Letters and digits of s[0, n), ASCII in lower case: a name's key. */
static void name_key(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t j = 0; j < n && k + 1 < cap; j++) {
        unsigned char c = (unsigned char)s[j];
        if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            out[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
        else if (c >= 0x80)
            out[k++] = (char)c;
    }
    out[k] = '\0';
}

/* The recipients a table of contents lists with their header words ("To
 * the Prison Service ........ 2"), by key: a heading that names one of
 * them lost its "To". */
static xmlHashTablePtr listed_recipients(rec_reader *r)
{
    xmlHashTablePtr listed = NULL;
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        if (b->kind != B_PROSE || b->role != ROLE_CONTENTS)
            continue;
        rec_joined j;
        rec_join(r, b->first, b->last, r->lines[b->first].a, &j);
        size_t end = 0;
        while (end < j.len &&
               !(j.text[end] == '.' && end + 3 < j.len && memcmp(j.text + end, "....", 4) == 0))
            end++;
        while (end > 0 && j.text[end - 1] == ' ')
            end--;
        rec_header_match hm;
        char key[256];
        if (end && rec_match_header(r->m, r->lang, j.text, end, &hm) && hm.rest.end > hm.rest.start) {
            name_key(j.text + hm.rest.start, hm.rest.end - hm.rest.start, key, sizeof key);
            if (!listed)
                listed = xmlHashCreate(16);
            xmlHashAddEntry(listed, (const xmlChar *)key, listed);
        }
        rec_joined_free(&j);
    }
    return listed;
}

static void missing_to(rec_reader *r, size_t from, size_t to, xmlHashTablePtr listed)
{
    const rec_line *l = &r->line[from];
    const rec_lineinfo *li = &r->lines[from];
    rec_joined jt;
    rec_join(r, from, to, li->a, &jt);
    size_t words = 1;
    for (size_t j = 0; j < jt.len; j++)
        words += jt.text[j] == ' ';
    bool colon = (r->lines[to].flags & LF_COLON) != 0;
    rec_span addressee;
    /* a noun phrase, not a sentence that names its addressee ("The
     * government should:", "We call on the authorities to:") */
    bool named = words <= 12 && jt.len && !strchr(".,;", jt.text[jt.len - 1]) &&
                 (rec_match_uppercase_start(r->m, jt.text, jt.len) || (colon && words <= 5) || words <= 3) &&
                 rec_match_addressee_word(r->m, r->lang, jt.text, jt.len) &&
                 !rec_match_recommends(r->m, r->lang, jt.text, jt.len) &&
                 !rec_match_leadin(r->m, r->lang, jt.text, jt.len, &addressee);
    if (!named && listed && words <= 16) {
        char key[256];
        name_key(jt.text, jt.len - (colon ? 1 : 0), key, sizeof key);
        named = xmlHashLookup(listed, (const xmlChar *)key) != NULL;
    }
    int n = (int)(jt.len - (colon ? 1 : 0));
    if (named)
        rec_diags_add(r->diags, l->number, col_of(r, from, li->a), REC_WARNING, REC_KIND_NEAR_HEADER,
                      "this line names an addressee like the document's 'To' headers but has no 'To': it "
                      "was read as text, so the items after it stay with the recipient before; did you "
                      "mean 'To the %.*s'?",
                      n > 60 ? 60 : n, jt.text);
    rec_joined_free(&jt);
    if (named)
        rec_diags_suggest(r->diags, l->number, col_of(r, from, li->a), col_of(r, from, li->a), "To the ");
}

static void near_headers(rec_reader *r)
{
    xmlHashTablePtr listed = listed_recipients(r);
    size_t headers = 0;
    for (size_t k = 0; k < r->nblocks; k++)
        headers += r->blocks[k].kind == B_HEADER &&
                   r->lines[r->blocks[k].first].s1.end > r->lines[r->blocks[k].first].s1.start;
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        const rec_block *next = NULL;
        for (size_t j = k + 1; j < r->nblocks && !next; j++)
            if (r->blocks[j].kind != B_PAGE &&
                !(r->blocks[j].kind == B_PROSE && r->blocks[j].role == ROLE_HEADING))
                next = &r->blocks[j]; /* a sub-heading may stand between */
        bool list_follows =
            next && (next->kind == B_ITEM || (next->kind == B_PROSE && next->role == ROLE_LEADIN));
        if (b->kind == B_PROSE && b->role != ROLE_DATE && b->role != ROLE_CONTENTS && !b->numbered) {
            if (!near_to_the(r, b->first) && headers && list_follows && b->role != ROLE_LEADIN &&
                b->last - b->first <= 2)
                missing_to(r, b->first, (r->lines[b->first].flags & LF_COLON) ? b->first : b->last, listed);
            continue;
        }
        if (b->kind != B_ITEM && b->kind != B_FOOTNOTE)
            continue;
        /* a header glued under an item reads as the item's text */
        for (size_t i = b->text_line + 1; i <= b->last; i++) {
            if (r->lines[i].kind != L_TEXT)
                continue;
            if (!near_to_the(r, i) && headers && (r->lines[i].flags & LF_COLON) && i == b->last)
                missing_to(r, i, i, listed);
        }
    }
    xmlHashFree(listed, NULL);
}

/* ---- page numbers, note references ------------------------------------------ */

/* "... the detention centers. 12": a page number that lost its line. */
static void glued_page_numbers(rec_reader *r)
{
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        if (b->kind != B_ITEM)
            continue;
        size_t i = b->last;
        while (i > b->first && (r->lines[i].kind == L_BLANK || r->lines[i].kind == L_FURNITURE))
            i--;
        const rec_line *l = &r->line[i];
        const rec_lineinfo *li = &r->lines[i];
        size_t e = li->b, d = e;
        while (d > li->a && l->text[d - 1] >= '0' && l->text[d - 1] <= '9')
            d--;
        if (d == e || e - d > 3 || d < li->a + 2 || l->text[d - 1] != ' ')
            continue;
        /* the sentence's stop, its note references aside ("held.[1] 12") */
        size_t stop = d - 1;
        while (stop >= li->a + 3 && l->text[stop - 1] == ']') {
            size_t q = stop - 1;
            while (q > li->a && l->text[q - 1] >= '0' && l->text[q - 1] <= '9')
                q--;
            if (q == stop - 1 || q == li->a || l->text[q - 1] != '[')
                break;
            stop = q - 1;
        }
        if (stop == li->a || !strchr(".;:)", l->text[stop - 1]))
            continue;
        size_t from = d - 1;
        rec_diags_add(r->diags, l->number, col_of(r, i, d), REC_WARNING, REC_KIND_PAGE_NUMBER,
                      "'%.*s' ends this item after its last sentence, as a page number would; it was kept "
                      "as the item's text: did you mean to delete it?",
                      (int)(e - d), l->text + d);
        rec_diags_suggest(r->diags, l->number, col_of(r, i, from), col_of(r, i, e), "");
    }
}

/* The value of the 1-6 digits (ASCII or Arabic-Indic) at s[*k], which
 * is moved past them; -1 when there are none. */
static long digits(const char *s, size_t *k, size_t end)
{
    long v = 0;
    size_t n = 0;
    while (*k < end && n < 6) {
        unsigned char c = (unsigned char)s[*k];
        if (c >= '0' && c <= '9') {
            v = v * 10 + (c - '0');
            (*k)++;
        } else if (c == 0xD9 && *k + 1 < end && (unsigned char)s[*k + 1] >= 0xA0 &&
                   (unsigned char)s[*k + 1] <= 0xA9) {
            v = v * 10 + ((unsigned char)s[*k + 1] - 0xA0);
            *k += 2;
        } else {
            break;
        }
        n++;
    }
    return n ? v : -1;
}

/* "[ 1]", "abuses(1)", "abuses¹", "(1) The note.": a note reference or
 * definition in a form the reader does not take for one. "(n)" counts
 * only for a label the document's notes use. */
static void odd_references(rec_reader *r)
{
    /* the labels the document cites or defines */
    xmlHashTablePtr labels = xmlHashCreate(16);
    for (size_t i = 0; i < r->nlines; i++) {
        const rec_lineinfo *li = &r->lines[i];
        const rec_line *l = &r->line[i];
        if (li->kind == L_FOOTNOTE) {
            char *lab = rec_xstrndup(l->text + li->s1.start, li->s1.end - li->s1.start);
            xmlHashAddEntry(labels, (const xmlChar *)lab, (void *)1);
            free(lab);
        }
        rec_span whole, label;
        for (size_t at = li->a;
             li->kind != L_BLANK && rec_find_fnref(r->m, l->text, li->b, at, &whole, &label);
             at = whole.end) {
            char *lab = rec_xstrndup(l->text + label.start, label.end - label.start);
            xmlHashAddEntry(labels, (const xmlChar *)lab, (void *)1);
            free(lab);
        }
    }
    for (size_t i = 0; i < r->nlines; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE || li->kind == L_NOTEREF)
            continue;
        const rec_line *l = &r->line[i];
        const char *s = l->text;
        for (size_t j = li->a; j < li->b; j++) {
            size_t start = j, end = 0, k;
            long v = -1;
            if (s[j] == '[') {
                k = j + 1;
                bool blank = false;
                while (k < li->b && s[k] == ' ')
                    k++, blank = true;
                v = digits(s, &k, li->b);
                while (k < li->b && s[k] == ' ')
                    k++, blank = true;
                bool arabic = (unsigned char)s[j + 1] == 0xD9 || (unsigned char)s[j + 2] == 0xD9;
                if (v >= 0 && (blank || arabic) && k < li->b && s[k] == ']')
                    end = k + 1;
            } else if ((unsigned char)s[j] == 0xC2 && j + 1 < li->b &&
                       ((unsigned char)s[j + 1] == 0xB9 || (unsigned char)s[j + 1] == 0xB2 ||
                        (unsigned char)s[j + 1] == 0xB3)) {
                v = (unsigned char)s[j + 1] == 0xB9 ? 1 : (unsigned char)s[j + 1] - 0xB0;
                end = j + 2; /* ¹ ² ³ */
            } else if ((unsigned char)s[j] == 0xE2 && j + 2 < li->b && (unsigned char)s[j + 1] == 0x81 &&
                       (unsigned char)s[j + 2] >= 0xB4 && (unsigned char)s[j + 2] <= 0xB9) {
                v = (unsigned char)s[j + 2] - 0xB0; /* ⁴ ... ⁹ */
                end = j + 3;
            } else if (s[j] == '(') {
                k = j + 1;
                v = digits(s, &k, li->b);
                if (v >= 0 && k < li->b && s[k] == ')') {
                    char lab[24];
                    snprintf(lab, sizeof lab, "%.*s", (int)(k - j - 1), s + j + 1);
                    if (xmlHashLookup(labels, (const xmlChar *)lab))
                        end = k + 1;
                }
            }
            if (!end)
                continue;
            char fix[32];
            snprintf(fix, sizeof fix, "[%.*s]", (int)(end - start - 2 > 0 ? end - start - 2 : 0),
                     s[start] == '[' || s[start] == '(' ? s + start + 1 : "");
            if (s[start] == '[') {
                size_t a = start + 1, b = end - 1;
                rec_trim(s, li->b, &a, &b);
                snprintf(fix, sizeof fix, "[%.*s]", (int)(b - a), s + a);
            } else if (s[start] != '(') {
                snprintf(fix, sizeof fix, "[%ld]", v);
            }
            bool definition = start == li->a && li->kind == L_ITEM;
            rec_diags_add(r->diags, l->number, col_of(r, i, start), REC_WARNING, REC_KIND_ODD_REFERENCE,
                          definition ? "'%.*s' starts this line like a footnote definition, but a note is "
                                       "written '[n] text': it was read as a list item; did you mean '%s'?"
                                     : "'%.*s' looks like a footnote reference, but a reference is written "
                                       "'[n]': it was kept as text; did you mean '%s'?",
                          (int)(end - start), s + start, fix);
            rec_diags_suggest(r->diags, l->number, col_of(r, i, start), col_of(r, i, end), fix);
            j = end - 1;
        }
    }
    xmlHashFree(labels, NULL);
}

/* ---- lists ---------------------------------------------------------------- */

static bool block_ends_clause(const rec_reader *r, const rec_block *b)
{
    size_t i = b->last;
    while (i > b->first &&
           (r->lines[i].kind == L_BLANK || r->lines[i].kind == L_FURNITURE || r->lines[i].kind == L_NOTEREF))
        i--;
    const rec_lineinfo *li = &r->lines[i];
    const char *s = r->line[i].text;
    size_t e = li->b;
    /* the note references that end it: "... to account.[1]" */
    while (e > li->a && s[e - 1] == ']') {
        size_t k = e - 1;
        while (k > li->a && s[k - 1] >= '0' && s[k - 1] <= '9')
            k--;
        if (k == li->a || s[k - 1] != '[' || k == e - 1)
            break;
        e = k - 1;
        while (e > li->a && s[e - 1] == ' ')
            e--;
    }
    if (e == li->a)
        return true;
    char c = s[e - 1];
    return strchr(".;:!?)", c) != NULL || (unsigned char)c >= 0x80;
}

/* Does line i's item text hold nothing but note references ("•", "• [1]")? */
static bool only_references(const rec_reader *r, size_t i)
{
    const char *s = r->line[i].text;
    size_t k = r->lines[i].s2.start, e = r->lines[i].s2.end;
    while (k < e) {
        if (s[k] == ' ') {
            k++;
            continue;
        }
        if (s[k] != '[')
            return false;
        size_t q = k + 1;
        while (q < e && s[q] >= '0' && s[q] <= '9')
            q++;
        if (q == k + 1 || q >= e || s[q] != ']')
            return false;
        k = q + 1;
    }
    return true;
}

/* A paragraph between two items of one list ends the list; when the item
 * before it stops mid-sentence, or the paragraph starts in lower case, it
 * was probably the item's own text, split by a blank line. Empty items. */
static void lists(rec_reader *r)
{
    const rec_block *prev = NULL; /* the block before, pages aside */
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        if (b->kind == B_PAGE)
            continue;
        const rec_lineinfo *fi = &r->lines[b->first];
        if (b->kind == B_ITEM && !b->unmarked && b->text_line == b->first && only_references(r, b->first)) {
            const rec_line *l = &r->line[b->first];
            int mk = (int)(fi->s1.end - fi->s1.start);
            const char *m = l->text + fi->s1.start;
            bool refs = fi->s2.end > fi->s2.start;
            if (b->last == b->first && !refs)
                rec_diags_add(r->diags, l->number, col_of(r, b->first, fi->s1.start), REC_WARNING,
                              REC_KIND_EMPTY_ITEM, "the marker '%.*s' has no text: an empty item was kept",
                              mk, m);
            else if (b->last == b->first)
                rec_diags_add(r->diags, l->number, col_of(r, b->first, fi->s1.start), REC_WARNING,
                              REC_KIND_EMPTY_ITEM,
                              "the marker '%.*s' has a note reference and no text: the item "
                              "was kept with nothing to recommend",
                              mk, m);
            else if (refs)
                rec_diags_add(r->diags, l->number, col_of(r, b->first, fi->s1.start), REC_WARNING,
                              REC_KIND_EMPTY_ITEM,
                              "the marker '%.*s' has only a note reference on its line: the "
                              "lines under it were read as its text",
                              mk, m);
        }
        const rec_block *next = NULL;
        for (size_t j = k + 1; j < r->nblocks && !next; j++)
            if (r->blocks[j].kind != B_PAGE)
                next = &r->blocks[j];
        (void)next;
        if (b->kind == B_PROSE && (b->role == ROLE_NONE || b->role == ROLE_HEADING) && !b->numbered && prev &&
            (prev->kind == B_ITEM || prev->numbered) && !prev->unmarked) {
            const rec_line *l = &r->line[b->first];
            const rec_lineinfo *li = &r->lines[b->first];
            bool lower = rec_match_lowercase_start(r->m, l->text + li->a, li->b - li->a);
            /* a heading after an item is no slip: a short line in capitals */
            bool heading =
                b->role == ROLE_HEADING ||
                (b->first == b->last && li->b - li->a <= 60 && !strchr(".;:,", l->text[li->b - 1]) &&
                 rec_match_uppercase_start(r->m, l->text + li->a, li->b - li->a));
            if ((!block_ends_clause(r, prev) || lower) && (lower || !(r->lines[b->last].flags & LF_COLON)) &&
                !heading)
                rec_diags_add(r->diags, l->number, col_of(r, b->first, li->a), REC_WARNING,
                              REC_KIND_PROSE_IN_LIST,
                              "this paragraph after an item was read as prose, which ends the list; %s: "
                              "did you mean it to go on here (no blank line between)?",
                              block_ends_clause(r, prev) ? "it starts in lower case, as a sentence goes on"
                                                         : "the item above stops mid-sentence");
        }
        prev = b;
    }
}

/* ---- recipients ------------------------------------------------------------ */

/* A recipient's key: letters and digits, lower-cased (ASCII); a note's
 * reference ("[1]") is no part of the name. */
static void key_of(const rec_reader *r, const rec_block *b, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = b->first; i <= b->last && k + 1 < cap; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const char *s = r->line[i].text;
        size_t a = i == b->first ? li->s2.start : li->a, e = i == b->first ? li->s2.end : li->b;
        for (size_t j = a; j < e && k + 1 < cap; j++) {
            unsigned char c = (unsigned char)s[j];
            if (c == '[') {
                size_t d = j + 1;
                while (d < e && s[d] >= '0' && s[d] <= '9')
                    d++;
                if (d > j + 1 && d < e && s[d] == ']') {
                    j = d;
                    continue;
                }
            }
            if ((c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
                out[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
            else if (c >= 0x80)
                out[k++] = (char)c;
        }
    }
    out[k] = '\0';
}

/* A recipient as written, without its notes' references ("[1]"). */
static void text_of(const rec_reader *r, const rec_block *b, char *out, size_t cap)
{
    const rec_lineinfo *li = &r->lines[b->first];
    size_t n = li->s2.end - li->s2.start;
    snprintf(out, cap, "%.*s%s", (int)(n < cap - 4 ? n : cap - 4), r->line[b->first].text + li->s2.start,
             b->last > b->first ? " ..." : "");
    size_t k = 0;
    for (size_t i = 0; out[i];) {
        size_t d = i + 1;
        while (out[i] == '[' && out[d] >= '0' && out[d] <= '9')
            d++;
        if (out[i] == '[' && d > i + 1 && out[d] == ']') {
            while (k > 0 && out[k - 1] == ' ')
                k--;
            i = d + 1;
            continue;
        }
        out[k++] = out[i++];
    }
    out[k] = '\0';
}

static bool has_lower(const char *s)
{
    for (; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            return true;
    return false;
}

/* The same recipient under two spellings makes two recipients. */
static void spellings(rec_reader *r)
{
    xmlHashTablePtr seen = xmlHashCreate(64);
    size_t distinct = 0;
    const rec_block **firsts = NULL;
    for (size_t k = 0; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        if (b->kind != B_HEADER)
            continue;
        char key[256], raw[128], other[128];
        key_of(r, b, key, sizeof key);
        text_of(r, b, raw, sizeof raw);
        const rec_block *same = xmlHashLookup(seen, (const xmlChar *)key);
        const rec_block *near = NULL;
        if (!same) {
            /* a letter or two apart ("Justise"), among the first recipients */
            for (size_t j = 0; j < distinct && j < 200 && !near; j++) {
                char k2[256];
                key_of(r, firsts[j], k2, sizeof k2);
                size_t a = strlen(key), c = strlen(k2);
                if (a >= 8 && c >= 8 && (a > c ? a - c : c - a) <= 2 && a <= 15 && c <= 15 &&
                    distance(key, k2) <= 2)
                    near = firsts[j];
                else if (a > 15 && c > 15 && a == c) {
                    size_t diff = 0;
                    for (size_t m = 0; m < a && diff <= 2; m++)
                        diff += key[m] != k2[m];
                    if (diff <= 2)
                        near = firsts[j];
                }
            }
            xmlHashAddEntry(seen, (const xmlChar *)key, (void *)b);
            firsts = rec_xrealloc(firsts, (distinct + 1) * sizeof *firsts);
            firsts[distinct++] = b;
        }
        const rec_block *was = same ? same : near;
        if (!was)
            continue;
        text_of(r, was, other, sizeof other);
        if (strcmp(raw, other) == 0)
            continue; /* the same recipient again: fine */
        if (strcasecmp(raw, other) == 0 && (!has_lower(raw) || !has_lower(other)))
            continue; /* set in capitals once ("TO THE MINISTRY ..."): typography, not a spelling */
        const rec_lineinfo *li = &r->lines[b->first];
        rec_diags_add(r->diags, number_of(r, b->first), col_of(r, b->first, li->s2.start), REC_WARNING,
                      REC_KIND_RECIPIENT_SPELLING,
                      "'%s' is written '%s' at line %lu: two spellings make two recipients; did you mean "
                      "'%s'?",
                      raw, other, number_of(r, was->first), other);
    }
    free(firsts);
    xmlHashFree(seen, NULL);
}

/* A marker alone on its line took the paragraph after it as its text:
 * the PDF layout of numbered paragraphs, or an item whose text was lost. */
static void markers_alone(rec_reader *r)
{
    size_t n = 0, first = 0;
    for (size_t k = 0; k < r->nblocks; k++)
        if ((r->blocks[k].kind == B_ITEM || r->blocks[k].numbered) &&
            r->blocks[k].text_line != r->blocks[k].first && !n++)
            first = k;
    if (!n)
        return;
    for (size_t k = first; k < r->nblocks; k++) {
        const rec_block *b = &r->blocks[k];
        if ((b->kind != B_ITEM && !b->numbered) || b->text_line == b->first)
            continue;
        const rec_line *l = &r->line[b->first];
        const rec_lineinfo *li = &r->lines[b->first];
        if (n >= 3) {
            rec_diags_add(
                r->diags, l->number, col_of(r, b->first, li->s1.start), REC_WARNING, REC_KIND_EMPTY_ITEM,
                "%zu markers stand alone on their lines, as PDF extractions set numbered paragraphs: "
                "each took the paragraph after it as its text",
                n);
            return;
        }
        rec_diags_add(r->diags, l->number, col_of(r, b->first, li->s1.start), REC_WARNING,
                      REC_KIND_EMPTY_ITEM,
                      "the marker '%.*s' stands alone on its line: the paragraph at line %lu was read as "
                      "its text",
                      (int)(li->s1.end - li->s1.start), l->text + li->s1.start, r->line[b->text_line].number);
    }
}

void rec_read_slips(rec_reader *r)
{
    glued(r);
    glued_text(r);
    markers_alone(r);
    unknown_bullets(r);
    near_headers(r);
    glued_page_numbers(r);
    odd_references(r);
    lists(r);
    spellings(r);
}
