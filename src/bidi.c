/* SPDX-License-Identifier: MIT */
/* bidi.c - right-to-left text as pdftotext gives it.
 *
 * pdftotext wraps each line of an Arabic PDF in bidi embeddings (U+202B
 * ... U+202C) and each left-to-right run inside it (numbers, stops) in
 * U+202A ... U+202C; within those runs it writes what the page shows, so
 * a paragraph's number "4-" comes out "-4", "1." comes out ".1", "(أ)"
 * comes out ")أ(", and brackets in the right-to-left runs come out
 * mirrored: "(آيسلندا)" as ")آيسلندا(". With -layout, a list's label stands where the page put
 * it: at the right, after its text ("text     )أ(").
 *
 * In a PDF's text (form feeds) that holds such embeddings, they are
 * extraction debris, not the report's characters: they go. In a document
 * in a right-to-left language, a label written backwards at the start of
 * a line is turned round, and one standing after its text across a wide
 * gap is brought back to the start. The lines keep their numbers; their
 * text is a copy. Linear: each line is read twice at most. */
#include "reader.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "util.h"

#define LABEL_GAP 3 /* blanks between a text and its label set after it */

/* The bytes of a bidi control at s[i] (U+200E/F, U+202A-E, U+2066-9),
 * or 0. */
static size_t control_at(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 3 > len || u[0] != 0xE2)
        return 0;
    if (u[1] == 0x80 && ((u[2] >= 0xAA && u[2] <= 0xAE) || u[2] == 0x8E || u[2] == 0x8F))
        return 3;
    if (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
        return 3;
    return 0;
}

/* Is s[i] the start of a digit (ASCII, Arabic-Indic, extended)? Its
 * length, or 0. */
static size_t digit_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c >= '0' && c <= '9')
        return 1;
    if (i + 1 < len && ((c == 0xD9 && (unsigned char)s[i + 1] >= 0xA0 && (unsigned char)s[i + 1] <= 0xA9) ||
                        (c == 0xDB && (unsigned char)s[i + 1] >= 0xB0 && (unsigned char)s[i + 1] <= 0xB9)))
        return 2;
    return 0;
}

/* An Arabic letter at s[i] (U+0621-064A): 2, or 0. */
static size_t letter_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (i + 1 < len &&
        ((c == 0xD8 && (unsigned char)s[i + 1] >= 0xA1) || (c == 0xD9 && (unsigned char)s[i + 1] <= 0x8A)))
        return 2;
    return 0;
}

/* A label written as the page shows it, at t[0, n): ".1" "-4" ")1" ")أ("
 * ")أ". Writes it in reading order to out (at most n bytes) and returns
 * its length, or 0 when t is no such label. */
static size_t turn_label(const char *t, size_t n, char *out)
{
    if (n < 2)
        return 0;
    char open = t[0];
    size_t k = 1, m;
    if (open != '.' && open != '-' && open != ')')
        return 0;
    size_t from = k;
    if (digit_at(t, n, k)) {
        for (size_t d = 0; k < n && d < 3 && (m = digit_at(t, n, k)) != 0; d++)
            k += m;
    } else if ((m = letter_at(t, n, k)) != 0 && open == ')') {
        k += m;
    } else {
        return 0;
    }
    size_t body = k - from;
    if (open == ')' && k < n && t[k] == '(') { /* ")أ(" */
        if (k + 1 != n)
            return 0;
        out[0] = '(';
        memcpy(out + 1, t + from, body);
        out[1 + body] = ')';
        return body + 2;
    }
    if (k != n)
        return 0;
    memcpy(out, t + from, body); /* ".1" -> "1.", "-4" -> "4-", ")أ" -> "أ)" */
    out[body] = open;
    return body + 1;
}

/* A label as the page shows it, already in reading order: a UPR number
 * "120-1", "120.1", or "(أ)" once its brackets are mirrored back. Copied to out; its length, or 0 when t[0, n) is no such
 * number. */
static size_t decimal_label(const char *t, size_t n, char *out)
{
    if (n >= 3 && t[0] == '(' && t[n - 1] == ')' && /* "(أ)", its brackets mirrored back */
        (letter_at(t, n - 1, 1) == n - 2 ||
         (n <= 5 && digit_at(t, n - 1, 1) && strspn(t + 1, "0123456789") == n - 2))) {
        memcpy(out, t, n);
        return n;
    }
    size_t digits = 0, parts = 1;
    for (size_t i = 0; i < n; i++) {
        if (t[i] >= '0' && t[i] <= '9') {
            if (++digits > 3)
                return 0;
        } else if ((t[i] == '-' || t[i] == '.') && digits > 0 && i + 1 < n) {
            digits = 0, parts++;
        } else {
            return 0;
        }
    }
    if (parts < 2 || digits == 0)
        return 0;
    memcpy(out, t, n);
    return n;
}

/* A stop that closes a right-to-left word comes out of pdftotext on the
 * wrong side of the blank after it: "المغرب ،السنغال", "بها :آيسلندا".
 * Put back "المغرب، السنغال" in o[0, n); the length is unchanged. */
static size_t unswap_stops(char *o, size_t n)
{
    for (size_t i = 1; i + 2 < n; i++) {
        if (o[i] != ' ' || o[i - 1] == ' ')
            continue;
        size_t p = 0;
        unsigned char c = (unsigned char)o[i + 1];
        if (c == ',' || c == ';' || c == ':' || c == '.')
            p = 1;
        else if (c == 0xD8 && ((unsigned char)o[i + 2] == 0x8C || (unsigned char)o[i + 2] == 0x9B))
            p = 2; /* U+060C ، U+061B ؛ */
        if (!p || i + 1 + p >= n)
            continue;
        unsigned char next = (unsigned char)o[i + 1 + p];
        if (next == ' ' || next == '.' || next == ':' ||
            (next < 0x80 && !((next | 0x20) >= 'a' && (next | 0x20) <= 'z')))
            continue; /* "X : Y", "... :", numbers and marks: as written */
        memmove(o + i, o + i + 1, p);
        o[i + p] = ' ';
        i += p;
    }
    return n;
}

/* Line l without bidi controls, its label turned and brought to the front
 * when the document reads right to left; written at o (l->len bytes at
 * most). Its length. */
static size_t fix_line(const rec_line *l, bool rtl, char *o)
{
    size_t n = 0;
    char label[32];
    size_t ln;
    /* the embeddings open at i: bit k of rtl_at is set when the k-th is
     * right to left (U+202B, U+202E), where the page shows a bracket
     * mirrored and pdftotext writes the mirror: "(آيسلندا)" comes out
     * ")آيسلندا(" */
    unsigned depth = 0;
    uint32_t rtl_at = 0;
    for (size_t i = 0; i < l->len;) {
        size_t c = control_at(l->text, l->len, i);
        if (!c) {
            unsigned char ch = (unsigned char)l->text[i];
            bool mirrored = rtl && depth > 0 && depth <= 32 && (rtl_at >> (depth - 1) & 1);
            if (mirrored && (ch == '(' || ch == ')' || ch == '[' || ch == ']'))
                o[n++] = (char)(ch == '(' ? ')' : ch == ')' ? '(' : ch == '[' ? ']' : '['), i++;
            else if (mirrored && ch == 0xC2 && i + 1 < l->len &&
                     ((unsigned char)l->text[i + 1] == 0xAB || (unsigned char)l->text[i + 1] == 0xBB))
                o[n++] = (char)0xC2, o[n++] = (char)((unsigned char)l->text[i + 1] == 0xAB ? 0xBB : 0xAB),
                i += 2;
            else
                o[n++] = l->text[i++];
            continue;
        }
        unsigned char kind = (unsigned char)l->text[i + 2];
        if (l->text[i + 1] == (char)0x80 && kind >= 0xAA && kind <= 0xAE) {
            if (kind == 0xAC) /* U+202C pops */
                depth -= depth > 0;
            else if (++depth <= 32) /* U+202A, B, D, E push */
                rtl_at = (kind == 0xAB || kind == 0xAE) ? rtl_at | (uint32_t)1 << (depth - 1)
                                                        : rtl_at & ~((uint32_t)1 << (depth - 1));
        }
        i += c;
        /* a left-to-right run that opens the line's words and holds a
         * label backwards: " -4" before "تشعر" */
        bool opens = true;
        for (size_t k = 0; k < n && opens; k++)
            opens = o[k] == ' ' || o[k] == '\f';
        if (!rtl || !opens || (unsigned char)l->text[i - 1] != 0xAA)
            continue;
        size_t end = i;
        while (end < l->len && !control_at(l->text, l->len, end))
            end++;
        size_t a = i, b = end;
        rec_trim(l->text, l->len, &a, &b);
        if (b > a && b - a < sizeof label && (ln = turn_label(l->text + a, b - a, label)) != 0) {
            memcpy(o + n, label, ln);
            n += ln;
            o[n++] = ' ';
            i = end;
        }
    }
    if (!rtl)
        return n;
    n = unswap_stops(o, n);
    size_t a = 0, b = n;
    rec_trim(o, n, &a, &b);
    if (a == b)
        return n;
    /* right to left, -layout's blanks before a line are its distance from
     * the left margin, not an indentation: the line starts at its words
     * (a form feed stays) */
    if (a > 0) {
        size_t keep = memchr(o, '\f', a) ? 1 : 0;
        if (keep)
            o[0] = '\f';
        memmove(o + keep, o + a, n - a);
        n -= a - keep;
        b -= a - keep;
        a = keep;
    }
    /* the last token, after a wide gap: a label set right of its text */
    size_t t = b;
    while (t > a && o[t - 1] != ' ')
        t--;
    size_t gap = t;
    while (gap > a && o[gap - 1] == ' ')
        gap--;
    if (t > a && t - gap >= LABEL_GAP && b - t < sizeof label &&
        ((ln = turn_label(o + t, b - t, label)) != 0 || (ln = decimal_label(o + t, b - t, label)) != 0)) {
        char *text = rec_xmalloc(gap - a + 1);
        memcpy(text, o + a, gap - a);
        size_t tn = gap - a;
        memcpy(o + a, label, ln);
        o[a + ln] = ' ';
        memcpy(o + a + ln + 1, text, tn);
        free(text);
        return a + ln + 1 + tn;
    }
    /* the first token */
    size_t e = a;
    while (e < b && o[e] != ' ')
        e++;
    if (e - a < sizeof label && (ln = turn_label(o + a, e - a, label)) != 0)
        memcpy(o + a, label, ln); /* same length: turned in place */
    return n;
}

void rec_read_bidi(rec_reader *r, char **buffer)
{
    const rec_line *line = r->line;
    size_t nl = r->nlines;
    bool feeds = false, controls = false;
    for (size_t i = 0; i < nl && !feeds; i++)
        feeds = memchr(line[i].text, '\f', line[i].len) != NULL;
    if (!feeds)
        return;
    size_t bytes = 0;
    for (size_t i = 0; i < nl; i++) {
        const rec_line *l = &line[i];
        for (const char *p = l->text; !controls && (p = memchr(p, 0xE2, (size_t)(l->text + l->len - p))); p++)
            controls = control_at(l->text, l->len, (size_t)(p - l->text)) != 0;
        bytes += l->len + 1;
    }
    if (!controls)
        return;
    bool rtl = rec_langs[r->lang].rtl != 0;
    rec_line *lines = rec_xmalloc((nl ? nl : 1) * sizeof *lines);
    char *buf = rec_xcalloc(bytes + 16), *o = buf; /* zeroed: see source.c on the JIT */
    for (size_t i = 0; i < nl; i++) {
        lines[i] = line[i];
        size_t n = fix_line(&line[i], rtl, o);
        o[n] = '\0';
        lines[i].text = o;
        lines[i].len = n;
        o += n + 1;
    }
    r->line = lines;
    *buffer = buf;
}
