/* SPDX-License-Identifier: MIT */
/* lines.c - the first pass: what each line is, on its own.
 *
 *   line := blank | footnote-def | item | header | text
 *
 * Later passes may change a line's kind (furniture, a run-in "(f)" that is
 * text) once they have seen the whole document. */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

bool rec_is_blank_at(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\f')
        return true;
    if (c == 0xC2)
        return i + 1 < len && (unsigned char)s[i + 1] == 0xA0;
    if (c == 0xE2) /* narrow NBSP, thin space */
        return i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
               ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89);
    return false;
}

size_t rec_blank_len(const char *s, size_t len, size_t i)
{
    (void)len;
    unsigned char c = (unsigned char)s[i];
    return c == 0xC2 ? 2 : c == 0xE2 ? 3 : 1;
}

void rec_trim(const char *s, size_t len, size_t *a, size_t *b)
{
    while (*a < *b && rec_is_blank_at(s, len, *a))
        *a += rec_blank_len(s, len, *a);
    while (*b > *a) {
        if (s[*b - 1] == ' ' || s[*b - 1] == '\t' || s[*b - 1] == '\f')
            (*b)--;
        else if (*b - *a >= 2 && (unsigned char)s[*b - 2] == 0xC2 && (unsigned char)s[*b - 1] == 0xA0)
            *b -= 2;
        else if (*b - *a >= 3 && rec_is_blank_at(s, len, *b - 3) && (unsigned char)s[*b - 3] == 0xE2)
            *b -= 3;
        else
            break;
    }
}

static int roman_value(const char *s, size_t n)
{
    int v = 0, prev = 0;
    for (size_t i = n; i-- > 0;) {
        int d;
        switch (s[i] | 0x20) {
        case 'i': d = 1; break;
        case 'v': d = 5; break;
        case 'x': d = 10; break;
        case 'l': d = 50; break;
        case 'c': d = 100; break;
        default: return 0;
        }
        v += d < prev ? -d : d;
        if (d > prev)
            prev = d;
    }
    return v;
}

/* Rank of a letter in the order lists use it, 1-based; 0 if absent. */
static long rank_in(const char *order, uint32_t c)
{
    long k = 1;
    for (const char *p = order; *p;) {
        size_t len = rec_utf8_step(p, strlen(p));
        if (rec_utf8_decode(p, len) == c)
            return k;
        p += len;
        k++;
    }
    return 0;
}

static long cjk_value(const char *s, size_t n)
{
    static const char digits[] = "一二三四五六七八九";
    long v = 0, cur = 0;
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_step(s + i, n - i);
        uint32_t c = rec_utf8_decode(s + i, len);
        i += len;
        long d = rank_in(digits, c);
        if (d)
            cur = d;
        else if (c == 0x5341) /* 十 */
            v += (cur ? cur : 1) * 10, cur = 0;
        else if (c >= '0' && c <= '9')
            cur = cur * 10 + (long)(c - '0');
        else if (c >= 0xFF10 && c <= 0xFF19)
            cur = cur * 10 + (long)(c - 0xFF10);
    }
    return v + cur;
}

rec_marker_kind rec_marker_kind_of(const rec_lineinfo *prev, const char *mk, size_t n, long *value)
{
    *value = 0;
    if (n == 1 && mk[0] == 'o')
        return MK_BULLET; /* the letter o as a bullet */
    size_t digits = 0, letters = 0, dots = 0;
    bool after_dot = false;
    long num = 0;
    const char *letter = NULL;
    uint32_t other = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)mk[i];
        if (c >= '0' && c <= '9') {
            if (after_dot) /* the rank of "110.1" is its last part */
                num = 0, after_dot = false;
            num = num * 10 + (c - '0');
            digits++, i++;
            continue;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            if (!letter)
                letter = mk + i;
            letters++, i++;
            continue;
        }
        if ((c == '.' || (c == '-' && i + 1 < n && mk[i + 1] >= '0' && mk[i + 1] <= '9')) && digits)
            dots++, after_dot = true; /* "110.1", Arabic "110-1" */
        size_t len = rec_utf8_step(mk + i, n - i);
        if (c >= 0x80 && !other) {
            uint32_t u = rec_utf8_decode(mk + i, len);
            if ((u >= 0x430 && u <= 0x451) || (u >= 0x600 && u <= 0x6FF) || (u >= 0x4E00 && u < 0xA000) ||
                (u >= 0xFF10 && u <= 0xFF19) || (u >= 0xFF21 && u <= 0xFF5A))
                other = u;
        }
        i += len;
    }
    if (digits) {
        *value = num;
        if (other == 0x3001)
            return MK_ARABIC;
        return dots >= 1 && mk[n - 1] != '.' ? MK_DECIMAL : dots >= 2 ? MK_DECIMAL : MK_ARABIC;
    }
    if (letters == 1 && !strchr("ivxIVX", *letter)) {
        *value = (*letter | 0x20) - 'a' + 1;
        return *letter >= 'a' ? MK_LALPHA : MK_UALPHA;
    }
    if (letters >= 1) {
        bool upper = *letter < 'a';
        if (letters == 1 && prev && prev->kind == L_ITEM && (prev->mk == (upper ? MK_UALPHA : MK_LALPHA)) &&
            prev->value == (*letter | 0x20) - 'a') {
            *value = (*letter | 0x20) - 'a' + 1; /* (h) then (i) */
            return upper ? MK_UALPHA : MK_LALPHA;
        }
        *value = roman_value(letter, letters);
        return upper ? MK_UROMAN : MK_LROMAN;
    }
    if (other >= 0x430 && other <= 0x451) {
        *value = rank_in("абвгдежзиклмнопрстуфхцчшщэюя", other);
        return MK_CYRILLIC;
    }
    if (other >= 0x660 && other <= 0x669) {
        long v = 0;
        for (size_t i = 0; i < n;) {
            size_t len = rec_utf8_step(mk + i, n - i);
            uint32_t u = rec_utf8_decode(mk + i, len);
            if (u >= 0x660 && u <= 0x669)
                v = v * 10 + (long)(u - 0x660);
            else if (u >= 0x6F0 && u <= 0x6F9)
                v = v * 10 + (long)(u - 0x6F0);
            i += len;
        }
        *value = v;
        return MK_ARABIC_INDIC;
    }
    if (other >= 0x600 && other <= 0x6FF) {
        *value = rank_in("أبجدهوزحطيكلمنسعفصقرشتثخذضظغ", other);
        return MK_ABJAD;
    }
    if (other >= 0x4E00 || (other >= 0xFF10 && other <= 0xFF5A)) {
        *value = cjk_value(mk, n);
        return MK_CJK;
    }
    return MK_BULLET;
}

const char *rec_numbering_name(rec_marker_kind k)
{
    static const char *const names[] = {
        [MK_NONE] = "none",
        [MK_BULLET] = "bullet",
        [MK_ARABIC] = "arabic",
        [MK_DECIMAL] = "decimal",
        [MK_LALPHA] = "loweralpha",
        [MK_UALPHA] = "upperalpha",
        [MK_LROMAN] = "lowerroman",
        [MK_UROMAN] = "upperroman",
        [MK_CYRILLIC] = "cyrillic",
        [MK_ABJAD] = "abjad",
        [MK_ARABIC_INDIC] = "arabic-indic",
        [MK_CJK] = "cjk",
    };
    return names[k];
}

static void classify(rec_reader *r, size_t i, const rec_lineinfo *prev_item)
{
    const rec_line *l = &r->line[i];
    rec_lineinfo *li = &r->lines[i];
    memset(li, 0, sizeof *li);
    li->a = 0, li->b = l->len;
    rec_trim(l->text, l->len, &li->a, &li->b);
    li->indent = rec_line_indent(l);
    for (size_t k = 0; k < l->len && rec_is_blank_at(l->text, l->len, k);
         k += rec_blank_len(l->text, l->len, k))
        if (l->text[k] == '\f')
            li->flags |= LF_PAGE;
    if (li->a == li->b) {
        li->kind = L_BLANK;
        return;
    }
    if (l->text[li->b - 1] == ':' ||
        (li->b - li->a >= 3 && memcmp(l->text + li->b - 3, "\xEF\xBC\x9A", 3) == 0))
        li->flags |= LF_COLON;

    rec_footnote_match fm;
    rec_item_match im;
    rec_header_match hm;
    if (l->text[li->a] == '\\') {
        /* "\To the Police were told": the canonical text form's escape */
        li->kind = L_TEXT;
        li->flags |= LF_ESCAPED;
    } else if (l->text[strspn(l->text, "\f")] == '[' && rec_match_footnote(r->m, l->text, l->len, &fm)) {
        li->kind = L_FOOTNOTE;
        li->s1 = fm.label, li->s2 = fm.text;
    } else if (r->feeds && l->text[li->a] == '[' &&
               rec_match_footnote(r->m, l->text + li->a, l->len - li->a, &fm)) {
        /* a PDF's text is indented as its page: a note's label stands at
         * the indentation of the text around it */
        li->kind = L_FOOTNOTE;
        li->s1 = (rec_span){fm.label.start + li->a, fm.label.end + li->a};
        li->s2 = (rec_span){fm.text.start + li->a, fm.text.end + li->a};
    } else if (rec_match_item(r->m, l->text, l->len, &im)) {
        li->kind = L_ITEM;
        li->s1 = im.marker, li->s2 = im.text;

        if (im.glued)
            li->flags |= LF_GLUED;
        li->mk = (uint8_t)rec_marker_kind_of(prev_item, l->text + im.marker.start,
                                             im.marker.end - im.marker.start, &li->value);
    } else if (rec_match_header(r->m, r->lang, l->text, l->len, &hm)) {
        li->kind = L_HEADER;
        li->s1 = hm.lead, li->s2 = hm.rest;
    } else {
        li->kind = L_TEXT;
    }
    /* "◦ ", "[1] " alone: the text after the blank is empty, within the
     * content the blanks were trimmed from */
    if (li->s2.start > li->b)
        li->s2.start = li->b;
    if (li->s2.end > li->b)
        li->s2.end = li->b;
    if (li->s2.end < li->s2.start)
        li->s2.end = li->s2.start;
}

/* The Latin letter a Cyrillic one looks like (а с е о р х у), or 0. */
static char latin_twin(uint32_t c)
{
    static const uint32_t cyr[] = {0x430, 0x441, 0x435, 0x43E, 0x440, 0x445, 0x443};
    static const char lat[] = "aceopxy";
    for (size_t k = 0; k < sizeof cyr / sizeof *cyr; k++)
        if (cyr[k] == c)
            return lat[k];
    return 0;
}

/* The Cyrillic letter of a one-letter marker ("а)", "(б)"), or 0. */
static uint32_t cyrillic_letter(const rec_reader *r, const rec_lineinfo *li)
{
    const char *mk = r->line[li - r->lines].text + li->s1.start;
    size_t n = li->s1.end - li->s1.start;
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_step(mk + i, n - i);
        uint32_t c = rec_utf8_decode(mk + i, len);
        if (c >= 0x430 && c <= 0x451)
            return c;
        i += len;
    }
    return 0;
}

/* Russian UN documents letter their lists a), b), c) in Latin letters, and
 * the a, c and e typed are as often Cyrillic (а, с, е): where a document's
 * lettered lists are Latin, those look-alikes are Latin letters too. */
static void latin_twins(rec_reader *r)
{
    size_t latin = 0, cyrillic = 0;
    for (size_t i = 0; i < r->nlines; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (li->kind != L_ITEM)
            continue;
        if (li->mk == MK_LALPHA)
            latin++;
        uint32_t c = li->mk == MK_CYRILLIC ? cyrillic_letter(r, li) : 0;
        if (c && !latin_twin(c))
            cyrillic++;
    }
    if (latin == 0 || latin < cyrillic)
        return;
    for (size_t i = 0; i < r->nlines; i++) {
        rec_lineinfo *li = &r->lines[i];
        char t = li->kind == L_ITEM && li->mk == MK_CYRILLIC ? latin_twin(cyrillic_letter(r, li)) : 0;
        if (t) {
            li->mk = MK_LALPHA;
            li->value = t - 'a' + 1;
        }
    }
}

/* The marker a text line starts with, glued to its text ("iii.a3",
 * "10.d10", "w.b23"): its length, or 0. Numbers, one letter or a roman
 * numeral, then "." or ")", then a letter or digit. */
static size_t glued_token(const rec_reader *r, size_t i)
{
    const rec_lineinfo *li = &r->lines[i];
    const char *s = r->line[i].text;
    if (li->kind != L_TEXT || (li->flags & LF_ESCAPED))
        return 0;
    size_t k = li->a;
    while (k < li->b && k - li->a < 3 && s[k] >= '0' && s[k] <= '9')
        k++;
    if (k == li->a)
        while (k < li->b && k - li->a < 6 && ((s[k] | 0x20) >= 'a' && (s[k] | 0x20) <= 'z'))
            k++;
    size_t n = k - li->a;
    if (n == 0 || k + 1 >= li->b || (s[k] != '.' && s[k] != ')'))
        return 0;
    if (n > 1 && !(s[li->a] >= '0' && s[li->a] <= '9') && strspn(s + li->a, "ivxlcIVXLC") < n)
        return 0; /* a word, not a numeral */
    unsigned char c = (unsigned char)s[k + 1];
    if (!(c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) && !(c >= '0' && c <= '9'))
        return 0;
    return n + 1;
}

/* DocBook XSL (and other typesetters) print a numbered list's wider
 * labels glued to the text ("iii.a3" under "ii. a2"), which pdftotext
 * keeps. Such a line is an item when the item above or below it is the
 * one before or after it in the same numbering; alone it stays text
 * ("e.g.the" is no list). */
static void glued_in_list(rec_reader *r)
{
    size_t n = r->nlines;
    uint8_t *mk = rec_xcalloc(n ? n : 1);
    long *value = rec_xcalloc((n ? n : 1) * sizeof *value);
    size_t *len = rec_xcalloc((n ? n : 1) * sizeof *len);
    /* the last item or candidate, as an item: "x." after "w.b23" is the
     * letter after w, not ten */
    rec_lineinfo prev = {0};
    bool have_prev = false;
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (li->kind == L_ITEM) {
            size_t m = li->s1.end - li->s1.start;
            const char *t = r->line[i].text + li->s1.start;
            if (have_prev && prev.mk != li->mk && m >= 2 && strchr("ivxIVX", *t) && !strchr("ivxIVX", t[1]))
                li->mk = (uint8_t)rec_marker_kind_of(&prev, t, m, &li->value);
            mk[i] = li->mk, value[i] = li->value;
            prev = *li;
            have_prev = true;
            continue;
        }
        len[i] = glued_token(r, i);
        if (len[i]) {
            mk[i] = (uint8_t)rec_marker_kind_of(have_prev ? &prev : NULL, r->line[i].text + li->a, len[i],
                                                &value[i]);
            if (mk[i] == MK_BULLET) {
                len[i] = 0, mk[i] = 0;
            } else {
                memset(&prev, 0, sizeof prev);
                prev.kind = L_ITEM, prev.mk = mk[i], prev.value = value[i];
                have_prev = true;
            }
        } else if (li->kind != L_TEXT && li->kind != L_BLANK) {
            have_prev = false;
        }
    }
    /* a candidate next to its neighbour in the numbering (blanks and a
     * few wrapped lines between) */
    size_t last = (size_t)-1;
    bool *keep = rec_xcalloc(n ? n : 1);
    for (size_t i = 0; i < n; i++) {
        if (!mk[i])
            continue;
        if (last != (size_t)-1 && i - last <= 6 && mk[last] == mk[i] && value[last] + 1 == value[i]) {
            keep[i] = len[i] != 0;
            keep[last] = len[last] != 0;
        }
        last = i;
    }
    for (size_t i = 0; i < n; i++) {
        if (!keep[i])
            continue;
        rec_lineinfo *li = &r->lines[i];
        li->kind = L_ITEM;
        li->flags |= LF_GLUED;
        li->mk = mk[i];
        li->value = value[i];
        li->s1.start = li->a, li->s1.end = li->a + len[i];
        li->s2.start = li->a + len[i], li->s2.end = li->b;
    }
    free(keep);
    free(mk);
    free(value);
    free(len);
}

/* Is line i an item numbered with a capital and a full stop ("B.",
 * "IV."), or with a Chinese numeral and an enumeration comma ("二、"),
 * which number the chapters of a Chinese UN report as "II." does? */
static bool capital_dot(const rec_reader *r, size_t i)
{
    const rec_lineinfo *li = &r->lines[i];
    const char *mk = r->line[i].text + li->s1.start;
    size_t n = li->s1.end - li->s1.start;
    if (li->kind == L_ITEM && li->mk == MK_CJK)
        return n > 3 && memcmp(mk + n - 3, "\u3001", 3) == 0 && (unsigned char)mk[0] >= 0xE4 &&
               !(mk[0] >= '0' && mk[0] <= '9');
    return li->kind == L_ITEM && (li->mk == MK_UALPHA || li->mk == MK_UROMAN) && mk[n - 1] == '.' &&
           mk[0] != '(';
}

/* ... with text after it ("A." alone labels a column of headings: blocks.c) */
static bool capital_dot_item(const rec_reader *r, size_t i)
{
    return capital_dot(r, i) && r->lines[i].s2.start < r->lines[i].s2.end;
}

bool rec_ends_with_stop(const char *s, size_t a, size_t b)
{
    /* 。 ； ： ！ ？ ؛ ۔ */
    static const char *const wide[] = {"\u3002", "\uff1b", "\uff1a", "\uff01", "\uff1f", "\u061b", "\u06d4"};
    if (b <= a)
        return false;
    if (strchr(".;:!?", s[b - 1]))
        return true;
    for (size_t k = 0; k < sizeof wide / sizeof *wide; k++) {
        size_t n = strlen(wide[k]);
        if (b - a >= n && memcmp(s + b - n, wide[k], n) == 0)
            return true;
    }
    return false;
}

static bool ends_stop(const rec_reader *r, size_t i)
{
    return rec_ends_with_stop(r->line[i].text, r->lines[i].a, r->lines[i].b);
}

/* "A." and "IV." number a UN report's sections ("A. Legal framework"):
 * they are items only in a list, next to the one before or after them in
 * the same numbering ("A. ..." then "B. ..."), with nothing between but
 * the first one's wrapped text and blanks. */
static void capital_lists(rec_reader *r)
{
    size_t n = r->nlines;
    size_t prev = (size_t)-1; /* the last capital-dot item, while adjacent */
    bool *keep = rec_xcalloc(n ? n : 1);
    bool after_blank = false;
    for (size_t i = 0; i < n; i++) {
        const rec_lineinfo *li = &r->lines[i];
        if (capital_dot_item(r, i)) {
            /* "A. Ratify ... ." and "B. Legal framework" are an item and a
             * heading: items of one list end alike */
            if (prev != (size_t)-1 && r->lines[prev].mk == li->mk && r->lines[prev].value + 1 == li->value &&
                ends_stop(r, prev) == ends_stop(r, i))
                keep[prev] = keep[i] = true;
            prev = i;
            after_blank = false;
        } else if (li->kind == L_BLANK) {
            after_blank = true;
        } else if (li->kind != L_TEXT || after_blank) {
            prev = (size_t)-1; /* a paragraph or another line between */
        }
    }
    for (size_t i = 0; i < n; i++)
        if (capital_dot(r, i) && !keep[i]) {
            rec_lineinfo *li = &r->lines[i];
            li->kind = L_TEXT;
            li->mk = MK_NONE;
            li->value = 0;
            li->flags &= (uint8_t)~LF_GLUED;
            memset(&li->s1, 0, sizeof li->s1);
            memset(&li->s2, 0, sizeof li->s2);
        }
    free(keep);
}

void rec_read_lines(rec_reader *r)
{
    r->lines = rec_xmalloc((r->nlines ? r->nlines : 1) * sizeof *r->lines);
    for (size_t i = 0; i < r->nlines && !(r->feeds && r->columns); i++) {
        const rec_line *l = &r->line[i];
        r->feeds = r->feeds || memchr(l->text, '\f', l->len) != NULL;
        r->columns = r->columns ||
                     (l->len > 2 && l->text[0] == ' ' && l->text[1] == ' ' && l->text[l->len - 1] != ' ');
    }
    const rec_lineinfo *prev_item = NULL;
    for (size_t i = 0; i < r->nlines; i++) {
        classify(r, i, prev_item);
        if (r->lines[i].kind == L_ITEM)
            prev_item = &r->lines[i];
        else if (r->lines[i].kind == L_HEADER)
            prev_item = NULL;
    }
    glued_in_list(r);
    capital_lists(r);
    latin_twins(r);
}
