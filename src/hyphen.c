/* SPDX-License-Identifier: MIT */
/* hyphen.c - hyphens at line ends, decided with the document's own words.
 *
 * A PDF breaks words at line ends ("cred-" / "ible") and also breaks lines
 * after the hyphen of a compound ("non-" / "governmental"). Blind joining
 * corrupts compounds, blind keeping corrupts words; the document itself
 * says which is which (README, "Hyphenation"):
 *   - a soft hyphen (U+00AD) at a line end always joins, and goes;
 *   - keep the hyphen when the second half is capitalised ("Cambodia-" /
 *     "Vietnam"), starts with a digit, or is a conjunction ("pre-" / "and
 *     post-trial": the hyphen is suspended and the space stays);
 *   - keep it when the hyphenated form occurs elsewhere in the document;
 *   - join (dropping it) when the joined word occurs elsewhere, or when
 *     neither half is a word of the document;
 *   - otherwise keep it, and say so: a hyphenation warning at that line.
 * Kept or dropped, the two halves are joined without a space. */
#include "reader.h"

#include <libxml/hash.h>
#include <string.h>

#include "util.h"

#define WORD_MAX 64

static bool is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000) || (c >= 0x3040 && c != 0x3000 && c < 0xFF00);
}

/* ASCII and Latin-1 letters in lower case; others as they are. */
static uint32_t lower(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return c | 0x20;
    if (c >= 0x410 && c <= 0x42F)
        return c + 0x20;
    return c;
}

static size_t put(char *out, size_t k, uint32_t c)
{
    if (c < 0x80) {
        out[k++] = (char)c;
    } else if (c < 0x800) {
        out[k++] = (char)(0xC0 | (c >> 6));
        out[k++] = (char)(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out[k++] = (char)(0xE0 | (c >> 12));
        out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[k++] = (char)(0x80 | (c & 0x3F));
    } else {
        out[k++] = (char)(0xF0 | (c >> 18));
        out[k++] = (char)(0x80 | ((c >> 12) & 0x3F));
        out[k++] = (char)(0x80 | ((c >> 6) & 0x3F));
        out[k++] = (char)(0x80 | (c & 0x3F));
    }
    return k;
}

/* Add the words of s[a..b) to the vocabulary: each run of letters, and each
 * hyphenated compound whole ("non-governmental" and its parts). */
static void learn(xmlHashTablePtr words, const char *s, size_t a, size_t b)
{
    char word[4 * WORD_MAX + 8], part[4 * WORD_MAX + 8];
    size_t wk = 0, pk = 0, wn = 0;
    bool hyphen = false;
    for (size_t i = a; i <= b;) {
        uint32_t c = ' ';
        size_t len = 1;
        if (i < b) {
            len = rec_utf8_step(s + i, b - i);
            c = len > 1 ? rec_utf8_decode(s + i, len) : (unsigned char)s[i];
        }
        if (is_letter(c) && wn < WORD_MAX) {
            wk = put(word, wk, lower(c));
            pk = put(part, pk, lower(c));
            wn++;
            hyphen = false;
        } else if (c == '-' && wk > 0 && !hyphen && i + 1 < b) {
            word[wk++] = '-';
            part[pk] = '\0';
            if (pk)
                xmlHashAddEntry(words, (const xmlChar *)part, (void *)1);
            pk = 0;
            hyphen = true;
        } else {
            if (hyphen && wk)
                wk--; /* "pre- and": the compound ends at its hyphen */
            word[wk] = '\0';
            part[pk] = '\0';
            if (wk)
                xmlHashAddEntry(words, (const xmlChar *)word, (void *)1);
            if (pk)
                xmlHashAddEntry(words, (const xmlChar *)part, (void *)1);
            wk = pk = wn = 0;
            hyphen = false;
        }
        i += len;
    }
}

static bool known(xmlHashTablePtr words, const char *w)
{
    return w[0] && xmlHashLookup(words, (const xmlChar *)w) != NULL;
}

/* The word (letters) that ends at s[end), lowered, into out; its start. */
static size_t word_before(const char *s, size_t start, size_t end, char *out)
{
    size_t i = end, n = 0;
    while (i > start && n < WORD_MAX) {
        size_t j = i - 1;
        while (j > start && ((unsigned char)s[j] & 0xC0) == 0x80)
            j--;
        uint32_t c = rec_utf8_decode(s + j, i - j);
        if (!is_letter(c))
            break;
        i = j;
        n++;
    }
    size_t k = 0;
    for (size_t j = i; j < end;) {
        size_t len = rec_utf8_step(s + j, end - j);
        k = put(out, k, lower(len > 1 ? rec_utf8_decode(s + j, len) : (unsigned char)s[j]));
        j += len;
    }
    out[k] = '\0';
    return i;
}

/* The word (letters) that starts at s[a], lowered, into out; first is its
 * first character as written. */
static void word_after(const char *s, size_t a, size_t b, char *out, uint32_t *first)
{
    size_t k = 0, n = 0;
    *first = 0;
    for (size_t i = a; i < b && n < WORD_MAX;) {
        size_t len = rec_utf8_step(s + i, b - i);
        uint32_t c = len > 1 ? rec_utf8_decode(s + i, len) : (unsigned char)s[i];
        if (!*first)
            *first = c;
        if (!is_letter(c))
            break;
        k = put(out, k, lower(c));
        i += len;
        n++;
    }
    out[k] = '\0';
}

/* Prefixes that make hyphenated compounds ("non-governmental", "self-
 * determination"): never a broken word's first half by themselves. */
static bool compound_prefix(const char *w)
{
    static const char *const words[] = {
        "non",   "pre",   "post",  "anti",   "self", "co",      "cross", "multi",  "inter", "intra", "ex",
        "well",  "semi",  "sub",   "quasi",  "pro",  "counter", "mid",   "over",   "under", "extra", "ultra",
        "micro", "macro", "socio", "para",   "re",   "long",    "short", "high",   "low",   "full",  "part",
        "life",  "child", "state", "gender", "age",  "human",   "law",   "rights", NULL};
    for (int i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    return false;
}

static bool conjunction(const char *w)
{
    static const char *const words[] = {"and", "or", "to",  "nor",  "et", "ou",  "y", "e",
                                        "o",   "u",  "und", "oder", "и",  "или", NULL};
    for (int i = 0; words[i]; i++)
        if (strcmp(w, words[i]) == 0)
            return true;
    return false;
}

/* The next line that would continue line i in a block: the next line, or
 * across a page's furniture the first line after it. */
static size_t continuation(const rec_reader *r, size_t i)
{
    size_t n = r->nlines, j = i + 1;
    bool furniture = false;
    while (j < n && (r->lines[j].kind == L_FURNITURE || (r->lines[j].kind == L_BLANK && j > i + 1) ||
                     (r->lines[j].kind == L_BLANK && j + 1 < n && r->lines[j + 1].kind == L_FURNITURE))) {
        furniture |= r->lines[j].kind == L_FURNITURE;
        j++;
    }
    if (j >= n || r->lines[j].kind != L_TEXT || (j > i + 1 && !furniture))
        return 0;
    return j;
}

/* The bytes of the hyphen that ends line i (U+2010, a soft hyphen or
 * '-'), or 0. */
static size_t hyphen_at_end(const rec_reader *r, size_t i)
{
    const rec_lineinfo *li = &r->lines[i];
    const char *t = r->line[i].text;
    size_t end = li->b;
    if (li->kind == L_BLANK || li->kind == L_FURNITURE || end == li->a)
        return 0;
    if (end >= 2 && (unsigned char)t[end - 2] == 0xC2 && (unsigned char)t[end - 1] == 0xAD)
        return 2;
    if (t[end - 1] == '-')
        return 1;
    if (end >= 3 && memcmp(t + end - 3, "\xE2\x80\x90", 3) == 0)
        return 3; /* U+2010 HYPHEN */
    return 0;
}

/* Is c written without spaces between words: CJK ideographs, kana,
 * hangul syllables, and their full-width punctuation? */
static bool unspaced(uint32_t c)
{
    return (c >= 0x3000 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
           (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF);
}

/* Chinese and Japanese lines wrap anywhere, with no space to stand for
 * the break: a line that ends in such a character goes on with no blank
 * at a next line that starts with one ("结论性" / "意见"). */
static void join_unspaced(rec_reader *r)
{
    for (size_t i = 0; i + 1 < r->nlines; i++) {
        rec_lineinfo *li = &r->lines[i];
        if ((li->kind != L_TEXT && li->kind != L_ITEM && li->kind != L_HEADER && li->kind != L_FOOTNOTE) ||
            li->b - li->a < 3 || (unsigned char)r->line[i].text[li->b - 1] < 0x80)
            continue;
        size_t j = continuation(r, i);
        if (!j)
            continue;
        const char *t = r->line[i].text;
        size_t k = li->b - 1;
        while (k > li->a && ((unsigned char)t[k] & 0xC0) == 0x80)
            k--;
        const rec_lineinfo *nj = &r->lines[j];
        const char *u = r->line[j].text + nj->a;
        size_t m = nj->b - nj->a;
        if (m && unspaced(rec_utf8_decode(t + k, li->b - k)) &&
            unspaced(rec_utf8_decode(u, rec_utf8_step(u, m))))
            li->flags |= LF_JOIN;
    }
}

void rec_read_hyphens(rec_reader *r)
{
    size_t n = r->nlines;
    join_unspaced(r);
    /* most texts break no word at a line end: then there is nothing to learn */
    size_t candidates = 0;
    for (size_t i = 0; i < n && !candidates; i++)
        candidates += hyphen_at_end(r, i) != 0;
    if (!candidates)
        return;
    xmlHashTablePtr words = xmlHashCreate(n < 64 ? 64 : (int)(n < 1000000 ? n : 1000000));
    /* the vocabulary: every word but the halves of words broken at line ends */
    char scratch[4 * WORD_MAX + 8];
    bool broken = false;
    for (size_t i = 0; i < n; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const char *s = r->line[i].text;
        size_t a = li->a, b = li->b;
        if (broken) /* skip the first word: the second half of a broken one */
            while (a < b && !rec_is_blank_at(s, b, a))
                a++;
        broken = b > a && (s[b - 1] == '-' || (b - a >= 2 && (unsigned char)s[b - 1] == 0xAD));
        if (broken)
            b = word_before(s, a, b - (s[b - 1] == '-' ? 1 : 2), scratch);
        learn(words, s, a, b);
    }
    char first[4 * WORD_MAX + 8], second[4 * WORD_MAX + 8], joined[8 * WORD_MAX + 16];
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_BLANK || li->kind == L_FURNITURE)
            continue;
        const rec_line *l = &r->line[i];
        size_t end = li->b, hy = hyphen_at_end(r, i);
        bool soft = hy == 2;
        if (!hy)
            continue;
        size_t start = word_before(l->text, li->a, end - hy, first);
        if (!first[0] || start == end - hy)
            continue; /* "- " or "--": not a broken word */
        size_t j = continuation(r, i);
        if (!j)
            continue;
        const rec_line *nl = &r->line[j];
        uint32_t c0;
        word_after(nl->text, r->lines[j].a, r->lines[j].b, second, &c0);
        if (soft) {
            li->flags |= LF_JOIN | LF_DEHYPHEN;
            continue;
        }
        if (!second[0] || (c0 < 0x80 && !is_letter(c0)))
            continue; /* "1990-" / "2000": a range, kept with its space */
        if (conjunction(second))
            continue;
        li->flags |= LF_JOIN;
        if (lower(c0) != c0)
            continue; /* a capital: "Cambodia-" / "Vietnam" */
        snprintf(joined, sizeof joined, "%s-%s", first, second);
        if (known(words, joined))
            continue;
        snprintf(joined, sizeof joined, "%s%s", first, second);
        if (known(words, joined) ||
            (!known(words, first) && !compound_prefix(first) && !known(words, second))) {
            li->flags |= LF_DEHYPHEN;
            continue;
        }
        rec_diags_add(r->diags, l->number, rec_line_column(l, end - hy), REC_WARNING, REC_KIND_HYPHENATION,
                      "kept the hyphen that ends this line: the document has neither '%s-%s' nor '%s' "
                      "elsewhere to tell whether it joins a compound or breaks a word",
                      first, second, joined);
    }
    xmlHashFree(words, NULL);
}
