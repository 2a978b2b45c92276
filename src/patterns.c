/* SPDX-License-Identifier: MIT */
/* patterns.c - the PCRE2 patterns of the text format, compiled once. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "patterns.h"

#include <pcre2.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang.h"
#include "util.h"

/* Blanks inside a line: space, tab, form feed, NBSP, narrow NBSP, thin space. */
#define WS "[ \\t\\f\\x{a0}\\x{202f}\\x{2009}]"

/* Bullets seen in reports and in PDF/Word exports (U+F0B7, U+F0A7, U+F0D8,
 * U+F076 and U+F0FC are Symbol and Wingdings characters of the private use
 * area that PDF extraction leaves behind). */
#define BULLET_NONASCII                                                                                      \
    "\\x{2022}\\x{b7}\\x{25cf}\\x{25aa}\\x{25e6}\\x{25a0}\\x{25ba}\\x{2023}\\x{2043}"                        \
    "\\x{f0b7}\\x{f0a7}\\x{f0d8}\\x{f076}\\x{f0fc}\\x{27a2}\\x{2713}\\x{2714}\\x{25c6}"                      \
    "\\x{25c7}\\x{25cb}\\x{2219}\\x{25b6}\\x{2192}\\x{2794}"
#define BULLET "[" BULLET_NONASCII "\\x{2d}\\x{2013}\\x{2014}*o]"

/* Markers that need a blank after them: bullets (two stacked count as
 * one: "- •"), numbers (12. 12) (12) 12-), UPR decimals (110.1, and
 * 110-1 before Arabic text, as Arabic UN documents write them), letters
 * ((a) a) a. A.), roman numerals ((iv) iv) iv. IV.: "A." and "IV." only
 * in a list, lines.c), Cyrillic and Arabic letters, and
 * Arabic-Indic digits. */
#define SPACED                                                                                               \
    BULLET                                                                                                   \
    "(?:" WS "+" BULLET "(?=" WS "))?"                                                                       \
    "|[0-9]{1,3}(?:\\.[0-9]{1,3}){1,3}\\.?"                                                                  \
    "|[0-9]{1,3}(?:-[0-9]{1,3}){1,2}(?=" WS "+[\\x{600}-\\x{6ff}]|" WS "*$)"                                 \
    "|[0-9]{1,3}[.)\\-]|\\([0-9]{1,3}\\)"                                                                    \
    "|\\([A-Za-z]\\)|[A-Za-z]\\)|[A-Za-z]\\.|[ivxIVX]{2,6}\\."                                               \
    "|\\((?:[ivxlc]{2,7}|[IVXLC]{2,7})\\)|(?:[ivxlc]{2,7}|[IVXLC]{2,7})\\)"                                  \
    "|\\([\\x{430}-\\x{44f}\\x{451}]\\)|[\\x{430}-\\x{44f}\\x{451}]\\)"                                      \
    "|\\([\\x{621}-\\x{64a}]\\x{640}?\\)|[\\x{621}-\\x{64a}]\\x{640}?\\)"                                    \
    "|[\\x{660}-\\x{669}\\x{6f0}-\\x{6f9}]{1,3}[.)\\-]|\\([\\x{660}-\\x{669}\\x{6f0}-\\x{6f9}]{1,3}\\)"
/* Markers an editor may glue to the text ("1.Investigate", "•Repeal"); a
 * number then needs a capital or a letter of a script without case after
 * it, a dash a capital. */
#define GLUED                                                                                                \
    "(?:[0-9]{1,3}[.)]|\\([0-9]{1,3}\\)|\\([A-Za-z]\\)|\\((?:[ivxlc]{2,7})\\)"                               \
    "|[\\x{660}-\\x{669}\\x{6f0}-\\x{6f9}]{1,3}[.)\\-])(?=[\\p{Lu}\\p{Lo}])"                                 \
    "|[" BULLET_NONASCII "](?=[\\p{L}\\x{201c}\"])"                                                          \
    "|[\\x{2d}\\x{2013}*](?=\\p{Lu})"
/* Markers of Chinese documents, which take no blank after them. */
#define CJK                                                                                                  \
    "[一二三四五六七八九十]{1,3}\\x{3001}|[0-9\\x{ff10}-\\x{ff19}]{1,3}\\x{3001}"                  \
    "|\\x{ff08}[一二三四五六七八九十0-9A-Za-z\\x{ff10}-\\x{ff19}]{1,3}\\x{ff09}"                   \
    "|\\([一二三四五六七八九十]{1,3}\\)"

/* Dot leaders of a table of contents, and the page reference they lead to. */
#define LEADER "(?:(?:\\." WS "?){4,}|\\x{2026}{2,}|(?:\\x{b7}" WS "?){4,})"
#define PAGEREF "(?:[0-9]{1,4}(?:" WS "*[\\-\\x{2013}]" WS "*[0-9]{1,4})?(?:" WS "+[0-9]{1,4})?|[ivxlc]{1,6})"

enum {
    P_ITEM,
    P_FOOTNOTE,
    P_FNREF,
    P_LOWER,
    P_UPPER,
    P_UNCASED,
    P_ISO,
    P_PAGENO,
    P_SYMBOL,
    P_LEADER,
    P_COUNT
};

static const char *const sources[P_COUNT] = {
    /* 1: marker, 2: text, 3: set when glued */
    [P_ITEM] = "^" WS "*(?|(" SPACED ")(?:" WS "+(.*))?"
               "|(" GLUED ")(.+)()"
               "|(" CJK ")" WS "*(.*))$",
    /* 1: label, 2: text (a page break may stand before it) */
    [P_FOOTNOTE] = "^\\f*\\[([0-9]{1,6})\\](?:" WS "+(.*))?$",
    /* 1: label */
    [P_FNREF] = "\\[([0-9]{1,6})\\]",
    [P_LOWER] = "^" WS "*\\p{Ll}",
    [P_UPPER] = "^" WS "*\\p{Lu}",
    /* a letter of a script without case (Arabic, Chinese) */
    [P_UNCASED] = "^" WS "*\\p{Lo}",
    [P_ISO] = "^" WS "*(?<y>[0-9]{4})-(?<mo>[0-9]{2})-(?<d>[0-9]{2})" WS "*$",
    /* a page number alone: "12", "- 12 -", "Page 12 of 40", "12/40", "xiv" */
    [P_PAGENO] =
        "^" WS "*(?:[-\\x{2013}\\x{2014}]" WS "*)?(?:(?i:page|p\\.|pág\\.|página|стр\\.|صفحة)" WS "*)?"
        "(?|([0-9]{1,4})(?:" WS "*(?:/|(?i:of|de|из|من))" WS "*[0-9]{1,4})?|([ivx]{1,6}))"
        "(?:" WS "*[-\\x{2013}\\x{2014}])?" WS "*$",
    /* UN document symbols and job numbers: "A/HRC/26/11", "CCPR/C/KHM/CO/3",
     * "E/C.12/KHM/CO/1", "GE.14-13136  (E)", "14-13136", "*1413136*" */
    [P_SYMBOL] = "^" WS "*(?=.*[0-9])(?:"
                 "(?:[A-Z]{1,8}(?:\\.[0-9]{1,3})?/)+[A-Za-z0-9.\\-/()]+(?:" WS "+\\(?[A-Z][a-z]*\\.?\\)?)?"
                 "|GE\\.[0-9]{2}-[0-9]{4,6}(?:" WS "*\\([A-Z]\\))?(?:" WS "+[0-9]{6}" WS "+[0-9]{6})?"
                 "|[0-9]{2}-[0-9]{5}(?:" WS "*\\([A-Z]\\))?"
                 "|\\*[0-9]{7,}\\*"
                 ")" WS "*$",
    /* an entry of a table of contents: dot leaders and a page (paragraphs
     * and a page in UN reports: "1-4   3"), after the entry's words, or
     * the page before the leaders in a right-to-left text as extracted;
     * or leaders alone, the words and the page on lines of their own */
    [P_LEADER] =
        "^" WS "*(?:.*?" WS "*" LEADER WS "*" PAGEREF "|.*?" PAGEREF WS "*" LEADER ".*?|" LEADER ")" WS "*$",
};

/* One language's patterns, by field of rec_lang. */
enum {
    F_HEADER,
    F_NOT_HEADER,
    F_RECOMMENDS,
    F_ADDRESSEE,
    F_ADDRESSEES,
    F_STATE_PARTY,
    F_TITLE,
    F_SUPPORTED,
    F_NOTED,
    F_PENDING,
    F_DATE,
    F_CONTENTS,
    F_BY_LINE,
    F_SHOULD,
    F_LEADIN,
    F_MONTH = F_LEADIN + REC_LANG_LEADINS,
    F_COUNT = F_MONTH + 12
};

/* Each compiled on its first use, under the lock: a report reads one or
 * two languages and a handful of their sentences, and compiling every
 * pattern of seven languages would cost a small document more than its
 * whole reading. */
typedef struct {
    pcre2_code *code[F_COUNT];
    int ready[F_COUNT]; /* compiled (read with acquire) */
} lang_codes;

struct rec_patterns {
    pcre2_code *code[P_COUNT];
    lang_codes *lang;     /* rec_nlangs rows */
    pthread_mutex_t lock; /* compiles a pattern */
};

struct rec_matcher {
    const rec_patterns *pats;
    pcre2_match_data *md;
};

static pcre2_code *compile(const char *src, uint32_t extra, char **err)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)src, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_NO_UTF_CHECK | PCRE2_DUPNAMES | extra, &code,
                                   &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        *err = rec_asprintf("internal error: pattern \"%.60s...\" does not compile at %zu: %s", src,
                            (size_t)offset, (char *)msg);
        return NULL;
    }
    /* JIT is an optimisation: where the platform has none, interpret */
    (void)pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    return re;
}

/* Compile src into *out when there is a src; false (with *err) on error. */
static bool compile_opt(pcre2_code **out, const char *src, uint32_t extra, char **err)
{
    *out = NULL;
    if (!src)
        return true;
    *out = compile(src, extra, err);
    return *out != NULL;
}

/* The source of field f of a language, and its options. */
static const char *field_source(const rec_lang *l, int f, uint32_t *opts, char **owned)
{
    *opts = 0;
    *owned = NULL;
    switch (f) {
    case F_HEADER: return l->header;
    case F_NOT_HEADER: *opts = PCRE2_ANCHORED; return l->not_header;
    case F_RECOMMENDS: return l->recommends;
    case F_ADDRESSEE: return l->addressee;
    case F_ADDRESSEES: return l->addressees;
    case F_STATE_PARTY: return l->state_party;
    case F_TITLE: return l->title;
    case F_SUPPORTED: return l->supported;
    case F_NOTED: return l->noted;
    case F_PENDING: return l->pending;
    case F_DATE: return l->date;
    case F_BY_LINE: *opts = PCRE2_ANCHORED; return l->by_line;
    case F_SHOULD: *opts = PCRE2_ANCHORED; return l->should;
    case F_CONTENTS:
        if (!l->contents)
            return NULL;
        return *owned = rec_asprintf("^" WS "*(?:%s)" WS "*:?" WS "*$", l->contents);
    default: break;
    }
    if (f >= F_LEADIN && f < F_LEADIN + REC_LANG_LEADINS)
        return l->leadin[f - F_LEADIN];
    if (f >= F_MONTH && f < F_MONTH + 12 && l->months[f - F_MONTH]) {
        *opts = PCRE2_CASELESS;
        return *owned = rec_asprintf("^(?:%s)\\.?$", l->months[f - F_MONTH]);
    }
    return NULL;
}

static void free_lang(lang_codes *lc)
{
    for (int f = 0; f < F_COUNT; f++)
        pcre2_code_free(lc->code[f]);
}

rec_patterns *rec_patterns_new(char **err)
{
    rec_patterns *pats = rec_xcalloc(sizeof *pats);
    pats->lang = rec_xcalloc(rec_nlangs * sizeof *pats->lang);
    pthread_mutex_init(&pats->lock, NULL);
    for (int i = 0; i < P_COUNT; i++) {
        pats->code[i] = compile(sources[i], 0, err);
        if (!pats->code[i]) {
            rec_patterns_free(pats);
            return NULL;
        }
    }
    return pats;
}

/* Field f of language l, compiled now if this is its first use. The
 * table's fragments are the program's own: one that does not compile is
 * a bug, reported and fatal (rec_patterns_check compiles them all, and
 * the test suite runs it). */
static const pcre2_code *field(const rec_matcher *m, int l, int f)
{
    rec_patterns *pats = (rec_patterns *)m->pats;
    lang_codes *lc = &pats->lang[l];
    if (__atomic_load_n(&lc->ready[f], __ATOMIC_ACQUIRE))
        return lc->code[f];
    pthread_mutex_lock(&pats->lock);
    if (!lc->ready[f]) {
        char *err = NULL;
        uint32_t opts;
        char *owned;
        const char *src = field_source(&rec_langs[l], f, &opts, &owned);
        if (!compile_opt(&lc->code[f], src, opts, &err)) {
            fprintf(stderr, "rec2xml: %s (language %s)\n", err, rec_langs[l].code);
            abort();
        }
        free(owned);
        __atomic_store_n(&lc->ready[f], 1, __ATOMIC_RELEASE);
    }
    pthread_mutex_unlock(&pats->lock);
    return lc->code[f];
}

int rec_patterns_check(char **err)
{
    for (size_t l = 0; l < rec_nlangs; l++)
        for (int f = 0; f < F_COUNT; f++) {
            pcre2_code *re = NULL;
            uint32_t opts;
            char *owned;
            const char *src = field_source(&rec_langs[l], f, &opts, &owned);
            bool ok = compile_opt(&re, src, opts, err);
            free(owned);
            pcre2_code_free(re);
            if (!ok) {
                char *why = *err;
                *err = rec_asprintf("%s (language %s)", why, rec_langs[l].code);
                free(why);
                return -1;
            }
        }
    return 0;
}

void rec_patterns_free(rec_patterns *pats)
{
    if (!pats)
        return;
    for (int i = 0; i < P_COUNT; i++)
        pcre2_code_free(pats->code[i]);
    if (pats->lang)
        for (size_t l = 0; l < rec_nlangs; l++)
            free_lang(&pats->lang[l]);
    if (pats->lang)
        pthread_mutex_destroy(&pats->lock);
    free(pats->lang);
    free(pats);
}

rec_matcher *rec_matcher_new(const rec_patterns *pats)
{
    rec_matcher *m = rec_xmalloc(sizeof *m);
    m->pats = pats;
    m->md = pcre2_match_data_create(24, NULL);
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

/* Run re over s[from..len); true on a match. Match limits are the
 * library's; a pattern that errors out counts as no match. */
static bool run_code(rec_matcher *m, const pcre2_code *re, const char *s, size_t len, size_t from,
                     uint32_t opts)
{
    if (!re)
        return false;
    int rc = pcre2_match(re, (PCRE2_SPTR)s, len, from, PCRE2_NO_UTF_CHECK | opts, m->md, NULL);
    return rc > 0;
}

static bool run(rec_matcher *m, int p, const char *s, size_t len, size_t from)
{
    return run_code(m, m->pats->code[p], s, len, from, 0);
}

static bool is_set(const rec_matcher *m, int n)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    uint32_t count = pcre2_get_ovector_count(m->md);
    return (uint32_t)n < count && ov[2 * n] != PCRE2_UNSET;
}

static rec_span group(const rec_matcher *m, int n)
{
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
    rec_span sp = {0, 0};
    if (is_set(m, n)) {
        sp.start = ov[2 * n];
        sp.end = ov[2 * n + 1];
    }
    return sp;
}

/* The span of the named group that took part in the match (a name may
 * stand for several groups); false when none did. */
static bool named(const rec_matcher *m, const pcre2_code *re, const char *name, rec_span *sp)
{
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(re, (PCRE2_SPTR)name, &first, &last);
    if (size < 0)
        return false;
    for (PCRE2_SPTR e = first; e <= last; e += size) {
        int n = (e[0] << 8) | e[1];
        if (is_set(m, n)) {
            *sp = group(m, n);
            return true;
        }
    }
    return false;
}

/* Is the byte at s[i] the start of a blank (space, tab, form feed, NBSP,
 * narrow NBSP, thin space)? Its length, or 0. */
static size_t blank_at(const char *s, size_t i, size_t end)
{
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\f')
        return 1;
    if (c == 0xC2 && i + 1 < end && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < end && (unsigned char)s[i + 1] == 0x80 &&
        ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* The length of a blank that ends at s[end) (after start), or 0. */
static size_t blank_before(const char *s, size_t start, size_t end)
{
    if (end == start)
        return 0;
    for (size_t n = 1; n <= 3 && n <= end - start; n++)
        if (blank_at(s, end - n, end) == n)
            return n;
    return 0;
}

/* Blanks at the end of a span; with colon, also a header's colon (ASCII
 * or full-width) and the blanks before it. The patterns take the rest of
 * the line greedily; a lazy (.*?) followed by blanks to the end would try
 * the end at every character of a 10 MB line. */
static void trim_end(const char *line, rec_span *sp, bool colon)
{
    for (;;) {
        size_t n;
        while ((n = blank_before(line, sp->start, sp->end)) != 0)
            sp->end -= n;
        if (!colon || sp->end == sp->start)
            return;
        if (line[sp->end - 1] == ':')
            sp->end--;
        else if (sp->end - sp->start >= 3 && memcmp(line + sp->end - 3, "\xEF\xBC\x9A", 3) == 0)
            sp->end -= 3;
        else
            return;
        colon = false;
    }
}

bool rec_match_item(rec_matcher *m, const char *line, size_t len, rec_item_match *out)
{
    if (!run(m, P_ITEM, line, len, 0))
        return false;
    out->marker = group(m, 1);
    out->text = group(m, 2);
    out->glued = is_set(m, 3);
    if (!is_set(m, 2))
        out->text.start = out->text.end = out->marker.end;
    trim_end(line, &out->text, false);
    return true;
}

/* A header that goes on in lower case is a header only when it reads as
 * a name: short, no sentence ending inside or at its end. */
static bool short_name(const char *s, rec_span sp)
{
    size_t words = 1, chars = 0;
    bool blank = false;
    for (size_t i = sp.start; i < sp.end; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c & 0xC0) != 0x80)
            chars++;
        if (c == ' ' || c == '\t')
            words += !blank, blank = true;
        else
            blank = false;
        if ((c == '.' || c == '!' || c == '?') && i + 1 < sp.end && s[i + 1] == ' ')
            return false;
    }
    if (sp.end > sp.start) {
        char last = s[sp.end - 1];
        if (last == '.' || last == ';' || last == '!' || last == '?')
            return false;
        if (sp.end - sp.start >= 3 && memcmp(s + sp.end - 3, "\xE3\x80\x82", 3) == 0)
            return false; /* 。 */
    }
    return words <= 12 && chars <= (words == 1 ? 40u : 160u);
}

static bool header_in(rec_matcher *m, int lang, const char *line, size_t len, rec_header_match *out);

/* A header in the document's language, or in English: reports in other
 * languages keep English headers often enough (a translation in progress,
 * an English report given --lang for its content). */
bool rec_match_header(rec_matcher *m, int lang, const char *line, size_t len, rec_header_match *out)
{
    int en = rec_lang_find("en");
    return header_in(m, lang, line, len, out) || (lang != en && header_in(m, en, line, len, out));
}

static bool header_in(rec_matcher *m, int lang, const char *line, size_t len, rec_header_match *out)
{
    const pcre2_code *re = field(m, lang, F_HEADER);
    if (!run_code(m, re, line, len, 0, 0))
        return false;
    if (!named(m, re, "lead", &out->lead))
        out->lead.start = out->lead.end = 0;
    if (!named(m, re, "rest", &out->rest))
        out->rest.start = out->rest.end = out->lead.end;
    trim_end(line, &out->rest, true);
    bool empty_lead = out->lead.start == out->lead.end;
    if (out->rest.start == out->rest.end)
        return !empty_lead;
    if (run_code(m, field(m, lang, F_NOT_HEADER), line, out->rest.end, out->rest.start, PCRE2_ANCHORED))
        return false;
    if (empty_lead ||
        (rec_langs[lang].lower_heads &&
         !rec_match_uppercase_start(m, line + out->rest.start, out->rest.end - out->rest.start)))
        return short_name(line, out->rest);
    return true;
}

bool rec_match_header_words(rec_matcher *m, int lang, const char *text, size_t len, rec_span *lead)
{
    const pcre2_code *re = field(m, lang, F_HEADER);
    if (!run_code(m, re, text, len, 0, 0) || !named(m, re, "lead", lead))
        return false;
    return lead->end > lead->start;
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

/* The value of a run of digits: ASCII, Arabic-Indic, Eastern
 * Arabic-Indic or full-width. */
static int number(const char *s, rec_span sp)
{
    int v = 0;
    for (size_t i = sp.start; i < sp.end;) {
        size_t len = rec_utf8_step(s + i, sp.end - i);
        uint32_t c = len > 1 ? rec_utf8_decode(s + i, len) : (unsigned char)s[i];
        i += len;
        int d = c >= '0' && c <= '9'         ? (int)(c - '0')
                : c >= 0x660 && c <= 0x669   ? (int)(c - 0x660)
                : c >= 0x6F0 && c <= 0x6F9   ? (int)(c - 0x6F0)
                : c >= 0xFF10 && c <= 0xFF19 ? (int)(c - 0xFF10)
                                             : -1;
        if (d < 0 || v > 100000)
            return -1;
        v = v * 10 + d;
    }
    return v;
}

static int month_number(rec_matcher *m, int lang, const char *s, rec_span sp)
{
    for (int i = 0; i < 12; i++)
        if (run_code(m, field(m, lang, F_MONTH + i), s + sp.start, sp.end - sp.start, 0, 0))
            return i + 1;
    return 0;
}

static bool iso_date(int y, int mo, int d, char iso[11])
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1])
        return false;
    if (mo == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return false;
    snprintf(iso, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)mo % 100u, (unsigned)d % 100u);
    return true;
}

bool rec_match_date(rec_matcher *m, int lang, const char *line, size_t len, char iso[11])
{
    const pcre2_code *re = m->pats->code[P_ISO];
    if (!run_code(m, re, line, len, 0, 0)) {
        re = field(m, lang, F_DATE);
        if (!run_code(m, re, line, len, 0, 0))
            return false;
    }
    rec_span y, mo, d;
    if (!named(m, re, "y", &y) || !named(m, re, "d", &d))
        return false;
    int month;
    if (named(m, re, "mo", &mo)) {
        month = number(line, mo);
    } else if (named(m, re, "m", &mo)) {
        rec_span dd = d, yy = y; /* month_number runs patterns over the match data */
        month = month_number(m, lang, line, mo);
        d = dd, y = yy;
    } else {
        return false;
    }
    return iso_date(number(line, y), month, number(line, d), iso);
}

bool rec_find_fnref(rec_matcher *m, const char *s, size_t len, size_t from, rec_span *whole, rec_span *label)
{
    if (from >= len || !memchr(s + from, '[', len - from))
        return false;
    if (!run(m, P_FNREF, s, len, from))
        return false;
    *whole = group(m, 0);
    *label = group(m, 1);
    return true;
}

int rec_match_furniture(rec_matcher *m, const char *line, size_t len, long *page)
{
    /* furniture is short and has a digit (or is a roman page number):
     * spare the patterns the lines of text */
    size_t a = 0, b = len;
    while (a < b && (line[a] == ' ' || line[a] == '\t' || line[a] == '\f'))
        a++;
    while (b > a && (line[b - 1] == ' ' || line[b - 1] == '\t'))
        b--;
    if (b - a > 48 || b == a)
        return REC_FURNITURE_NONE;
    bool digit = false;
    for (size_t i = a; i < b && !digit; i++)
        digit = line[i] >= '0' && line[i] <= '9';
    if (!digit && b - a > 6)
        return REC_FURNITURE_NONE;
    if (run(m, P_PAGENO, line, len, 0)) {
        rec_span sp = group(m, 1);
        long v = 0;
        bool roman = false;
        for (size_t i = sp.start; i < sp.end; i++) {
            if (line[i] < '0' || line[i] > '9')
                roman = true;
            else
                v = v * 10 + (line[i] - '0');
        }
        *page = roman ? -1 : v;
        return REC_FURNITURE_PAGENO;
    }
    if (run(m, P_SYMBOL, line, len, 0))
        return REC_FURNITURE_SYMBOL;
    return REC_FURNITURE_NONE;
}

/* Does s[0..len) hold the n bytes of w? */
static bool holds(const char *s, size_t len, const char *w, size_t n)
{
    for (size_t i = 0; i + n <= len; i++) {
        const char *p = memchr(s + i, (unsigned char)w[0], len - n - i + 1);
        if (!p)
            return false;
        if (memcmp(p, w, n) == 0)
            return true;
        i = (size_t)(p - s);
    }
    return false;
}

bool rec_match_contents_entry(rec_matcher *m, const char *line, size_t len)
{
    /* most lines have no leader: spare them the pattern */
    if (!holds(line, len, "....", 4) && !holds(line, len, ". . . .", 7) &&
        !holds(line, len, "\xE2\x80\xA6\xE2\x80\xA6", 6) && !holds(line, len, "\xC2\xB7 \xC2\xB7", 5) &&
        !holds(line, len, "\xC2\xB7\xC2\xB7", 4))
        return false;
    return run(m, P_LEADER, line, len, 0);
}

bool rec_match_by_line(rec_matcher *m, int lang, const char *line, size_t len)
{
    const pcre2_code *re = field(m, lang, F_BY_LINE);
    size_t a = 0;
    while (a < len && (line[a] == ' ' || line[a] == '\t' || line[a] == '\f'))
        a++;
    return re && run_code(m, re, line, len, a, 0);
}

bool rec_match_contents_heading(rec_matcher *m, int lang, const char *line, size_t len)
{
    if (len > 80)
        return false;
    const pcre2_code *re = field(m, lang, F_CONTENTS);
    return re && run_code(m, re, line, len, 0, 0);
}

bool rec_match_lowercase_start(rec_matcher *m, const char *line, size_t len)
{
    return run(m, P_LOWER, line, len, 0);
}

bool rec_match_uppercase_start(rec_matcher *m, const char *line, size_t len)
{
    return run(m, P_UPPER, line, len, 0);
}

bool rec_match_uncased_start(rec_matcher *m, const char *line, size_t len)
{
    return run(m, P_UNCASED, line, len, 0);
}

/* Trim what a named "to" group took: blanks, a trailing comma. */
static bool take_to(const rec_matcher *m, const pcre2_code *re, const char *text, rec_span *to)
{
    if (!named(m, re, "to", to))
        return false;
    size_t n;
    while ((n = blank_at(text, to->start, to->end)) != 0 && to->start < to->end)
        to->start += n;
    for (;;) {
        while ((n = blank_before(text, to->start, to->end)) != 0)
            to->end -= n;
        if (to->end > to->start && text[to->end - 1] == ',')
            to->end--;
        else
            break;
    }
    return to->end > to->start;
}

bool rec_match_leadin(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to)
{
    for (int i = 0; i < REC_LANG_LEADINS && rec_langs[lang].leadin[i]; i++) {
        const pcre2_code *re = field(m, lang, F_LEADIN + i);
        if (run_code(m, re, text, len, 0, 0) && take_to(m, re, text, to))
            return true;
    }
    return false;
}

bool rec_match_recommends(rec_matcher *m, int lang, const char *text, size_t len)
{
    return run_code(m, field(m, lang, F_RECOMMENDS), text, len, 0, 0);
}

bool rec_match_should(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to)
{
    const pcre2_code *re = field(m, lang, F_SHOULD);
    return re && run_code(m, re, text, len, 0, 0) && take_to(m, re, text, to);
}

bool rec_match_addressee(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to)
{
    const pcre2_code *re = field(m, lang, F_ADDRESSEE);
    return run_code(m, re, text, len, 0, 0) && take_to(m, re, text, to);
}

bool rec_match_addressee_word(rec_matcher *m, int lang, const char *text, size_t len)
{
    return run_code(m, field(m, lang, F_ADDRESSEES), text, len, 0, 0);
}

bool rec_find_state_party(rec_matcher *m, int lang, const char *text, size_t len, rec_span *where)
{
    if (!run_code(m, field(m, lang, F_STATE_PARTY), text, len, 0, 0))
        return false;
    *where = group(m, 0);
    return true;
}

bool rec_match_title(rec_matcher *m, int lang, const char *text, size_t len, rec_span *to)
{
    const pcre2_code *re = field(m, lang, F_TITLE);
    return run_code(m, re, text, len, 0, 0) && take_to(m, re, text, to);
}

rec_response rec_match_response(rec_matcher *m, int lang, const char *text, size_t len)
{
    if (run_code(m, field(m, lang, F_NOTED), text, len, 0, 0))
        return REC_RESPONSE_NOTED;
    if (run_code(m, field(m, lang, F_SUPPORTED), text, len, 0, 0))
        return REC_RESPONSE_SUPPORTED;
    if (run_code(m, field(m, lang, F_PENDING), text, len, 0, 0))
        return REC_RESPONSE_PENDING;
    return REC_RESPONSE_NONE;
}
