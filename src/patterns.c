/* SPDX-License-Identifier: MIT */
/* patterns.c - the PCRE2 patterns of the text format, compiled once. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "patterns.h"

#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Blanks inside a line: space, tab and NBSP (form feeds are spaces by now). */
#define WS "[ \\t\\f\\x{a0}]"

/* Bullets seen in reports and in PDF/Word exports (U+F0B7 and U+F0A7 are the
 * Symbol and Wingdings bullets of the private use area). */
#define BULLETS "[\\x{2022}\\x{b7}\\x{2d}\\x{2013}\\x{2014}*o\\x{25cf}\\x{25aa}\\x{25e6}" \
                "\\x{25a0}\\x{25ba}\\x{2023}\\x{2043}\\x{f0b7}\\x{f0a7}]"

enum { P_ITEM, P_HEADER, P_FOOTNOTE, P_DATE, P_FNREF, P_LOWER, P_COUNT };

static const char *const sources[P_COUNT] = {
    /* 1: marker, 2: text */
    [P_ITEM] = "^" WS "*("
               BULLETS
               "|[0-9]{1,3}[.)]"
               "|\\([0-9]{1,3}\\)"
               "|\\([A-Za-z]\\)|[A-Za-z]\\)"
               "|\\((?:[ivxlc]{2,7}|[IVXLC]{2,7})\\)|(?:[ivxlc]{2,7}|[IVXLC]{2,7})\\)"
               ")(?:" WS "+(.*))?$",
    /* 1: lead, 2: rest. A lower-case word right after a bare "To" makes a
     * sentence ("To date, ...", "To ensure ..."), not a header. */
    [P_HEADER] = "^" WS "*("
                 "(?:To|TO)" WS "+(?:the|The|THE)(?=" WS "|:|$)"
                 "|(?:Recommendations?|RECOMMENDATIONS?)" WS "+(?:to|To|TO)"
                 "(?:" WS "+(?:the|The|THE)(?=" WS "|:|$))?"
                 "|(?:To|TO)(?=" WS "*:|" WS "+(?:(?:all|both|each|every|member|members)\\b|(?!\\p{Ll})))"
                 ")(?:" WS "+(.*)|" WS "*:" WS "*$|" WS "*$)",
    /* 1: label, 2: text (a page break may stand before it) */
    [P_FOOTNOTE] = "^\\f*\\[([0-9]{1,6})\\](?:" WS "+(.*))?$",
    /* 1-3: month day year, 4-6: day month year, 7-9: ISO */
    [P_DATE] = "^" WS "*(?:"
               "(?i:(January|February|March|April|May|June|July|August|September|October"
               "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\\.?"
               WS "+([0-9]{1,2})(?:st|nd|rd|th)?,?" WS "+([0-9]{4})"
               "|([0-9]{1,2})(?:st|nd|rd|th)?" WS "+"
               "(?i:(January|February|March|April|May|June|July|August|September|October"
               "|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec))\\.?,?"
               WS "+([0-9]{4})"
               "|([0-9]{4})-([0-9]{2})-([0-9]{2})"
               ")" WS "*$",
    /* 1: label */
    [P_FNREF] = "\\[([0-9]{1,6})\\]",
    [P_LOWER] = "^" WS "*\\p{Ll}",
};

struct rec_patterns {
    pcre2_code *code[P_COUNT];
};

struct rec_matcher {
    const rec_patterns *pats;
    pcre2_match_data *md;
};

rec_patterns *rec_patterns_new(char **err)
{
    rec_patterns *pats = rec_xmalloc(sizeof *pats);
    memset(pats, 0, sizeof *pats);
    for (int i = 0; i < P_COUNT; i++) {
        int code;
        PCRE2_SIZE offset;
        pats->code[i] = pcre2_compile((PCRE2_SPTR)sources[i], PCRE2_ZERO_TERMINATED,
                                      PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK,
                                      &code, &offset, NULL);
        if (!pats->code[i]) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(code, msg, sizeof msg);
            *err = rec_asprintf("internal error: pattern %d does not compile at %zu: %s",
                                i, (size_t)offset, (char *)msg);
            rec_patterns_free(pats);
            return NULL;
        }
        /* JIT is an optimisation: where the platform has none, interpret */
        (void)pcre2_jit_compile(pats->code[i], PCRE2_JIT_COMPLETE);
    }
    return pats;
}

void rec_patterns_free(rec_patterns *pats)
{
    if (!pats)
        return;
    for (int i = 0; i < P_COUNT; i++)
        pcre2_code_free(pats->code[i]);
    free(pats);
}

rec_matcher *rec_matcher_new(const rec_patterns *pats)
{
    rec_matcher *m = rec_xmalloc(sizeof *m);
    m->pats = pats;
    m->md = pcre2_match_data_create(12, NULL);
    if (!m->md) {
        fprintf(stderr, "rec2xml: out of memory\n");
        abort();
    }
    return m;
}

void rec_matcher_free(rec_matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->md);
    free(m);
}

/* Run pattern p over s[from..len); true on a match. Match limits are the
 * library's; a pattern that errors out counts as no match. */
static bool run(rec_matcher *m, int p, const char *s, size_t len, size_t from)
{
    int rc = pcre2_match(m->pats->code[p], (PCRE2_SPTR)s, len, from,
                         PCRE2_NO_UTF_CHECK, m->md, NULL);
    return rc > 0;
}

static rec_span group(const rec_matcher *m, int n)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    uint32_t count = pcre2_get_ovector_count(m->md);
    rec_span sp = {0, 0};
    if ((uint32_t)n < count && ov[2 * n] != PCRE2_UNSET) {
        sp.start = ov[2 * n];
        sp.end = ov[2 * n + 1];
    }
    return sp;
}

/* Blanks at the end of a span: space, tab, form feed, NBSP. The patterns
 * take the rest of the line greedily; a lazy (.*?) followed by blanks to
 * the end would try the end at every character of a 10 MB line. */
static void trim_end(const char *line, rec_span *sp, bool colon)
{
    for (;;) {
        while (sp->end > sp->start) {
            unsigned char c = (unsigned char)line[sp->end - 1];
            if (c == ' ' || c == '\t' || c == '\f')
                sp->end--;
            else if (c == 0xA0 && sp->end - sp->start >= 2 && (unsigned char)line[sp->end - 2] == 0xC2)
                sp->end -= 2;
            else
                break;
        }
        if (!colon || sp->end == sp->start || line[sp->end - 1] != ':')
            return;
        sp->end--; /* a header's colon, then the blanks before it */
        colon = false;
    }
}

static bool is_set(const rec_matcher *m, int n)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    return ov[2 * n] != PCRE2_UNSET;
}

bool rec_match_item(rec_matcher *m, const char *line, size_t len, rec_item_match *out)
{
    if (!run(m, P_ITEM, line, len, 0))
        return false;
    out->marker = group(m, 1);
    out->text = group(m, 2);
    if (!is_set(m, 2))
        out->text.start = out->text.end = out->marker.end;
    trim_end(line, &out->text, false);
    return true;
}

bool rec_match_header(rec_matcher *m, const char *line, size_t len, rec_header_match *out)
{
    if (!run(m, P_HEADER, line, len, 0))
        return false;
    out->lead = group(m, 1);
    out->rest = group(m, 2);
    if (!is_set(m, 2))
        out->rest.start = out->rest.end = out->lead.end;
    trim_end(line, &out->rest, true);
    return true;
}

bool rec_match_footnote(rec_matcher *m, const char *line, size_t len, rec_footnote_match *out)
{
    if (!run(m, P_FOOTNOTE, line, len, 0))
        return false;
    out->label = group(m, 1);
    out->text = group(m, 2);
    if (!is_set(m, 2))
        out->text.start = out->text.end = out->label.end + 1;
    trim_end(line, &out->text, false);
    return true;
}

static int month_number(const char *s, size_t n)
{
    static const char *const names[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                        "jul", "aug", "sep", "oct", "nov", "dec"};
    if (n < 3)
        return 0;
    for (int i = 0; i < 12; i++) {
        int same = 1;
        for (int k = 0; k < 3; k++)
            if ((s[k] | 0x20) != names[i][k])
                same = 0;
        if (same)
            return i + 1;
    }
    return 0;
}

static int number(const char *line, rec_span sp)
{
    int v = 0;
    for (size_t i = sp.start; i < sp.end; i++)
        v = v * 10 + (line[i] - '0');
    return v;
}

bool rec_match_date(rec_matcher *m, const char *line, size_t len, char iso[11])
{
    if (!run(m, P_DATE, line, len, 0))
        return false;
    int y, mo, d;
    if (is_set(m, 1)) {
        rec_span ms = group(m, 1);
        mo = month_number(line + ms.start, ms.end - ms.start);
        d = number(line, group(m, 2));
        y = number(line, group(m, 3));
    } else if (is_set(m, 4)) {
        rec_span ms = group(m, 5);
        d = number(line, group(m, 4));
        mo = month_number(line + ms.start, ms.end - ms.start);
        y = number(line, group(m, 6));
    } else {
        y = number(line, group(m, 7));
        mo = number(line, group(m, 8));
        d = number(line, group(m, 9));
    }
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
        return false;
    if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return false;
    snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u,
             (unsigned)d % 100u);
    return true;
}

bool rec_find_fnref(rec_matcher *m, const char *s, size_t len, size_t from,
                    rec_span *whole, rec_span *label)
{
    if (from >= len || !memchr(s + from, '[', len - from))
        return false;
    if (!run(m, P_FNREF, s, len, from))
        return false;
    *whole = group(m, 0);
    *label = group(m, 1);
    return true;
}

bool rec_match_lowercase_start(rec_matcher *m, const char *line, size_t len)
{
    return run(m, P_LOWER, line, len, 0);
}
