/* SPDX-License-Identifier: MIT */
/* blocks.c - lines into blocks: items, paragraphs, headers, notes, pages.
 *
 *   item      := marker text continuation*   (no blank line between)
 *   header    := header-line continuation*   (lower case, or an unfinished phrase)
 *   footnote  := definition continuation*
 *   prose     := text-line+
 *   page      := furniture (a page boundary)
 *
 * A block interrupted by a page break goes on after it when its sentence
 * plainly does (no full stop before the break, or a lower-case start after
 * it); the page's block then follows the interrupted one. A number alone
 * on its line takes the next paragraph as its text, even after a blank
 * line or a page break. A run-in "(f)" that starts a wrapped line inside a
 * sentence, out of sequence, is text. */
#include "reader.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

rec_block *rec_block_add(rec_reader *r, rec_block_kind kind, size_t first)
{
    if (r->nblocks == r->blocks_cap) {
        r->blocks_cap = r->blocks_cap ? 2 * r->blocks_cap : 64;
        r->blocks = rec_xrealloc(r->blocks, r->blocks_cap * sizeof *r->blocks);
    }
    rec_block *b = &r->blocks[r->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = (uint8_t)kind;
    b->first = b->last = b->text_line = first;
    return b;
}

typedef enum { OPEN_NONE, OPEN_ITEM, OPEN_PROSE, OPEN_FOOTNOTE, OPEN_HEADER, OPEN_CONTENTS } open_kind;

typedef struct {
    rec_reader *r;
    open_kind open;
    size_t block;        /* index of the open block */
    size_t last_content; /* its last line that is not blank or furniture */
    bool header_may_continue;
    bool item_wants_text; /* the open item's marker stands alone so far */
    bool seen_header, have_date;
    size_t measure; /* with form feeds (a PDF's text): the widest
                                line, in characters; else 0 */
    /* pages that interrupted the open block, emitted after it: line ranges */
    size_t pending[8][2];
    size_t npending;
    size_t pending_ref;          /* 1 + a note's superscript line printed over
                                the paragraph to come, or 0 */
    long last_value[MK_CJK + 1]; /* the last rank of each marker kind in the list */
    bool double_spaced;          /* a blank line after every line (double_spaced()) */
} builder;

static void emit_page(builder *bd, size_t first, size_t last)
{
    rec_block *b = rec_block_add(bd->r, B_PAGE, first);
    b->last = last;
}

static void close_block(builder *bd)
{
    bd->open = OPEN_NONE;
    bd->header_may_continue = false;
    bd->item_wants_text = false;
    for (size_t k = 0; k < bd->npending; k++)
        emit_page(bd, bd->pending[k][0], bd->pending[k][1]);
    bd->npending = 0;
}

static void open_block(builder *bd, rec_block_kind kind, open_kind open, size_t i)
{
    close_block(bd);
    if (bd->pending_ref && kind == B_PROSE) {
        rec_block_add(bd->r, kind, bd->pending_ref - 1)->last = i;
        bd->pending_ref = 0;
        bd->block = bd->r->nblocks - 1;
        bd->open = open;
        bd->last_content = i;
        return;
    }
    if (bd->pending_ref) /* no paragraph after all: the superscript alone */
        rec_block_add(bd->r, B_PROSE, bd->pending_ref - 1);
    bd->pending_ref = 0;
    rec_block_add(bd->r, kind, i);
    bd->block = bd->r->nblocks - 1;
    bd->open = open;
    bd->last_content = i;
}

static void extend(builder *bd, size_t i)
{
    bd->r->blocks[bd->block].last = i;
    bd->last_content = i;
}

/* Does the text of line i end a sentence or a clause (its note
 * references aside: "detainees.[1]")? */
static bool ends_clause(const rec_reader *r, size_t i)
{
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    size_t b = li->b;
    while (b - li->a >= 3 && l->text[b - 1] == ']') {
        size_t k = b - 1;
        while (k > li->a && l->text[k - 1] >= '0' && l->text[k - 1] <= '9')
            k--;
        if (k == b - 1 || k == li->a || l->text[k - 1] != '[')
            break;
        b = k - 1;
    }
    if (b == li->a)
        return true;
    unsigned char c = (unsigned char)l->text[b - 1];
    if (rec_ends_with_stop(l->text, li->a, b))
        return true;
    if (c == ')' || c == '"' || c == 0x9D /* ” */ || c == 0x99 /* ’ */) {
        /* "(Germany)." is handled above; a closing mark after a full stop */
        for (size_t k = b - 1; k > li->a; k--) {
            unsigned char d = (unsigned char)l->text[k - 1];
            if (strchr(".;:!?", d))
                return true;
            if (d < 0x80 && d != ')' && d != '"')
                break;
        }
        return c == ')';
    }
    return false;
}

/* Does the open block go on at line k, across a page break after its
 * last content line? */
static bool goes_on(const builder *bd, size_t k)
{
    const rec_reader *r = bd->r;
    if (k >= r->nlines || r->lines[k].kind != L_TEXT)
        return false;
    if (bd->open == OPEN_HEADER || bd->open == OPEN_NONE)
        return false;
    if (r->lines[bd->last_content].flags & LF_JOIN)
        return true;
    const rec_line *l = &r->line[k];
    return !ends_clause(r, bd->last_content) || rec_match_lowercase_start(r->m, l->text, l->len);
}

/* A header without a colon goes on when it plainly stops mid-phrase. */
static bool ends_with_word(const char *s, size_t a, size_t b, const char *word)
{
    size_t n = strlen(word);
    if (b - a < n || (b - a > n && s[b - n - 1] != ' '))
        return false;
    for (size_t i = 0; i < n; i++) /* TO THE MINISTRY OF */
        if ((s[b - n + i] | 0x20) != word[i])
            return false;
    return true;
}

static bool header_unfinished(const rec_reader *r, size_t i)
{
    static const char *const connectors[] = {"and", "of", "the", "for", "to",  "in",  "on", "or",
                                             "&",   "de", "du",  "des", "la",  "le",  "et", "del",
                                             "y",   "e",  "do",  "da",  "dos", "das", "и",  NULL};
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    if (li->a == li->b)
        return false;
    char last = l->text[li->b - 1];
    if (last == ',' || last == '-')
        return true;
    for (size_t k = 0; connectors[k]; k++)
        if (ends_with_word(l->text, li->a, li->b, connectors[k]))
            return true;
    return false;
}

/* An item line right under a line of running text: a new item, or a
 * wrapped line that happens to start with "(f)" or "12."? A new item when
 * the text above ends a clause or the marker continues its list. */
static bool run_in(const builder *bd, size_t i)
{
    const rec_lineinfo *li = &bd->r->lines[i];
    const rec_line *l = &bd->r->line[i];
    if (li->mk == MK_BULLET || li->mk == MK_DECIMAL || (li->flags & LF_GLUED))
        return false;
    /* "12." and "12)" start paragraphs; "(12)" and letters are cited in text */
    if ((li->mk == MK_ARABIC || li->mk == MK_ARABIC_INDIC) && l->text[li->s1.start] != '(')
        return false;
    if (ends_clause(bd->r, bd->last_content))
        return false;
    long last = bd->last_value[li->mk];
    bool next = li->value == 1 || (last && (li->value == last + 1 || li->value == last));
    return !next;
}

/* Width of line i's content in characters. */
static size_t width(const rec_reader *r, size_t i)
{
    const rec_lineinfo *li = &r->lines[i];
    size_t w = 0;
    for (size_t k = li->a; k < li->b; k++)
        w += ((unsigned char)r->line[i].text[k] & 0xC0) != 0x80;
    return w;
}

/* pdftotext without -layout sets no blank line between paragraphs; where
 * a line ends a sentence short of the page's measure (the next line's
 * first word would have fitted on it), its paragraph ended there, and a
 * line that does not go on in lower case starts the next one (as a reader
 * sees the ragged end of a paragraph). */
static bool paragraph_ended(const builder *bd, size_t i)
{
    const rec_reader *r = bd->r;
    size_t last = bd->last_content;
    /* pdftotext -layout: a line at the list's own indentation (not under
     * the item's text) after a sentence's end is a paragraph of its own */
    if (r->feeds && r->columns && bd->open == OPEN_ITEM && last + 1 == i && ends_clause(r, last) &&
        r->lines[i].indent <= r->lines[r->blocks[bd->block].first].indent &&
        !rec_match_lowercase_start(r->m, r->line[i].text, r->line[i].len))
        return true;
    /* the line broke early: the next line's first word would have fitted
     * on it (with a twentieth of the measure to spare, as letters differ
     * in width) */
    if (!bd->measure || last + 1 != i || (r->lines[last].flags & LF_FRONT))
        return false; /* a title's large letters fill no measure */
    const rec_line *l = &r->line[i];
    size_t word = 0;
    for (size_t k = r->lines[i].a; k < r->lines[i].b && !rec_is_blank_at(l->text, l->len, k); k++)
        word += ((unsigned char)l->text[k] & 0xC0) != 0x80;
    if (20 * (width(r, last) + 1 + word) > 19 * bd->measure)
        return false;
    if (ends_clause(r, last))
        return !rec_match_lowercase_start(r->m, l->text, l->len);
    /* a short line with no stop is a heading's (or a title's) end, unless
     * it plainly goes on ("... and to"); in a script without case any
     * letter may start what follows */
    return !header_unfinished(r, last) && (rec_match_uppercase_start(r->m, l->text, l->len) ||
                                           rec_match_uncased_start(r->m, l->text, l->len));
}

static bool is_date_line(builder *bd, size_t i, char iso[11])
{
    const rec_line *l = &bd->r->line[i];
    return !bd->seen_header && !bd->have_date && rec_match_date(bd->r->m, bd->r->lang, l->text, l->len, iso);
}

/* Lines [i, k) are blanks and furniture; k is the next content line (or
 * the end). Emit the pages among them, or keep them for after the open
 * block when it goes on at k. */
/* Text set with a blank line after every line, as some web renderings of
 * a PDF give it: a blank line is no paragraph break when the sentence
 * plainly goes on across it. Found when at least three single blank
 * lines, and a quarter of them, stand between a line that ends no clause
 * and one that starts in lower case. */
static bool double_spaced(const rec_reader *r, size_t *first)
{
    size_t gaps = 0, inside = 0;
    for (size_t i = 0; i + 2 < r->nlines; i++) {
        if (r->lines[i + 1].kind != L_BLANK || r->lines[i + 2].kind != L_TEXT ||
            (r->lines[i].kind != L_TEXT && r->lines[i].kind != L_ITEM))
            continue;
        gaps++;
        const rec_line *l = &r->line[i + 2];
        if (!ends_clause(r, i) && rec_match_lowercase_start(r->m, l->text, l->len) && !inside++)
            *first = i + 1;
    }
    return inside >= 3 && 4 * inside >= gaps;
}

static void gap(builder *bd, size_t i, size_t k)
{
    rec_reader *r = bd->r;
    bool furniture = false;
    for (size_t j = i; j < k; j++)
        furniture |= r->lines[j].kind == L_FURNITURE;
    if (!furniture) {
        /* a number alone on its line takes the next paragraph; a note's
         * superscript printed on a line of its own belongs to the block */
        if ((bd->open == OPEN_ITEM || bd->open == OPEN_FOOTNOTE) && bd->item_wants_text && k < r->nlines &&
            r->lines[k].kind == L_TEXT)
            return;
        if (bd->open != OPEN_NONE && k < r->nlines && r->lines[k].kind == L_NOTEREF)
            return;
        if (bd->double_spaced && k == i + 1 && (bd->open == OPEN_ITEM || bd->open == OPEN_PROSE) &&
            goes_on(bd, k))
            return;
        close_block(bd);
        return;
    }
    /* nothing goes on across the head of page 1: no page ended there */
    bool page1 = false;
    for (size_t j = i; j < k && !page1; j++)
        page1 = r->lines[j].kind == L_FURNITURE && r->lines[j].page == 1;
    bool keep =
        !page1 &&
        ((bd->open == OPEN_ITEM && bd->item_wants_text && k < r->nlines && r->lines[k].kind == L_TEXT) ||
         goes_on(bd, k));
    if (!keep)
        close_block(bd);
    /* one page block per boundary: runs of furniture of the same page */
    for (size_t j = i; j < k;) {
        if (r->lines[j].kind != L_FURNITURE) {
            j++;
            continue;
        }
        size_t first = j, last = j;
        unsigned page = r->lines[j].page;
        for (j++; j < k && (r->lines[j].kind == L_BLANK ||
                            (r->lines[j].kind == L_FURNITURE && r->lines[j].page == page));
             j++)
            if (r->lines[j].kind == L_FURNITURE)
                last = j;
        if (keep && bd->npending < sizeof bd->pending / sizeof *bd->pending) {
            bd->pending[bd->npending][0] = first;
            bd->pending[bd->npending][1] = last;
            bd->npending++;
        } else {
            emit_page(bd, first, last);
        }
    }
}

/* A heading set without a blank line between the paragraphs around it
 * (pdftotext does that): after a line that ends a sentence, a line of a
 * few words in capitals' case with no stop of its own, right over a
 * numbered paragraph or an item. */
static bool heading_between(const builder *bd, size_t i)
{
    const rec_reader *r = bd->r;
    const rec_line *l = &r->line[i];
    const rec_lineinfo *li = &r->lines[i];
    size_t next = i + 1;
    while (next < r->nlines && next <= i + 2 && r->lines[next].kind == L_BLANK)
        next++;
    if (bd->last_content + 1 != i || !ends_clause(r, bd->last_content) || next >= r->nlines ||
        r->lines[next].kind != L_ITEM)
        return false;
    const rec_lineinfo *ni = &r->lines[next];
    if (ni->mk == MK_BULLET && ni->indent > li->indent)
        return false; /* a lead-in over its bullets: "The following:" is not this */
    size_t words = 1;
    for (size_t j = li->a; j < li->b; j++) {
        words += l->text[j] == ' ';
        if (l->text[j] == ',' || (l->text[j] == '.' && j + 1 < li->b))
            return false;
    }
    unsigned char last = (unsigned char)l->text[li->b - 1];
    return words <= 7 && !strchr(".;:,!?", last) && !(last >= '0' && last <= '9') &&
           rec_match_uppercase_start(r->m, l->text + li->a, li->b - li->a);
}

static void text_line(builder *bd, size_t i)
{
    rec_reader *r = bd->r;
    const rec_line *l = &r->line[i];
    char iso[11];
    if ((bd->open == OPEN_ITEM || bd->open == OPEN_FOOTNOTE || bd->open == OPEN_PROSE) &&
        !bd->item_wants_text && heading_between(bd, i)) {
        open_block(bd, B_PROSE, OPEN_PROSE, i);
        close_block(bd);
        return;
    }
    if ((bd->open == OPEN_ITEM || bd->open == OPEN_PROSE) && !bd->item_wants_text &&
        (paragraph_ended(bd, i) || rec_match_by_line(r->m, r->lang, l->text, l->len)))
        close_block(bd); /* "Recommended by: ..." under an item is its own line */
    if (bd->open == OPEN_ITEM || bd->open == OPEN_FOOTNOTE) {
        if (bd->item_wants_text)
            r->blocks[bd->block].text_line = i;
        bd->item_wants_text = false;
        extend(bd, i);
        return;
    }
    /* the date is a line of its own, even right under a prose line */
    if (is_date_line(bd, i, iso)) {
        bd->have_date = true;
        open_block(bd, B_PROSE, OPEN_PROSE, i);
        rec_block *b = &r->blocks[bd->block];
        b->role = ROLE_DATE;
        memcpy(b->date, iso, sizeof b->date);
        close_block(bd);
        return;
    }
    if (bd->open == OPEN_PROSE) {
        extend(bd, i);
        return;
    }
    /* a recipient's name goes on in lower case or after "of"; it ends no
     * sentence ("the ministries first." under it is text) */
    if (bd->open == OPEN_HEADER && bd->header_may_continue && bd->last_content + 1 == i &&
        (rec_match_lowercase_start(r->m, l->text, l->len) || header_unfinished(r, bd->last_content)) &&
        !strchr(".!?", l->text[r->lines[i].b - 1])) {
        extend(bd, i);
        if (r->lines[i].flags & LF_COLON)
            bd->header_may_continue = false;
        return;
    }
    open_block(bd, B_PROSE, OPEN_PROSE, i);
}

/* ---- a column of numbers printed before its paragraphs -------------------
 *
 * pdftotext (without -layout) may print a page's paragraph numbers as a
 * column before the paragraphs: "1.", "A.", "2.", "B." on lines of their
 * own, then the texts. A careful reader pairs them in order: a section
 * letter with the next heading, a number with the next paragraph. */

typedef struct {
    size_t *label; /* per line that starts a label's text: label line + 1 */
    size_t *to;    /* ... and the text's last line + 1 */
    bool *taken;   /* per line: a label, or text of one, read elsewhere */
} columns;

/* A label on a line of its own: a marker alone ("12.", "(a)"), or a
 * section letter or numeral ("A.", "II."). */
static bool label_line(const rec_reader *r, size_t i, bool *heading)
{
    const rec_lineinfo *li = &r->lines[i];
    const char *s = r->line[i].text;
    *heading = false;
    if (li->kind == L_ITEM)
        return li->s2.start == li->s2.end && li->mk != MK_BULLET;
    if (li->kind != L_TEXT || li->b - li->a < 2 || li->b - li->a > 6 || s[li->b - 1] != '.')
        return false;
    size_t n = li->b - li->a - 1;
    bool letter = n == 1 && s[li->a] >= 'A' && s[li->a] <= 'Z';
    bool roman = strspn(s + li->a, "IVXL") == n;
    *heading = letter || roman;
    return *heading;
}

static bool short_heading(const rec_reader *r, size_t i)
{
    const rec_lineinfo *li = &r->lines[i];
    const char *s = r->line[i].text;
    size_t words = 1;
    for (size_t j = li->a; j < li->b; j++)
        words += s[j] == ' ';
    return li->kind == L_TEXT && words <= 8 && !strchr(".;:,", s[li->b - 1]) &&
           rec_match_uppercase_start(r->m, s + li->a, li->b - li->a);
}

static bool stops(const rec_reader *r, size_t i)
{
    const rec_lineinfo *li = &r->lines[i];
    return li->b > li->a && strchr(".:;", r->line[i].text[li->b - 1]);
}

/* The paragraph that starts at line at: up to a blank line, a heading, or
 * (when a number follows) the end of a sentence at a line's end. */
static size_t paragraph_end(const rec_reader *r, size_t at, bool split_sentences)
{
    size_t n = r->nlines;
    while (at + 1 < n && r->lines[at + 1].kind == L_TEXT) {
        if (stops(r, at) &&
            (short_heading(r, at + 1) ||
             (split_sentences && rec_match_uppercase_start(r->m, r->line[at + 1].text + r->lines[at + 1].a,
                                                           r->lines[at + 1].b - r->lines[at + 1].a))))
            break;
        at++;
    }
    return at;
}

/* A paragraph no label above claims: after a blank line, under text that
 * ended a sentence (not under a number standing alone, whose text it is). */
static size_t orphan(const rec_reader *r, const columns *c, size_t from)
{
    size_t n = r->nlines;
    for (size_t i = from; i < n && i < from + 400; i++) {
        if (r->lines[i].kind != L_TEXT || c->taken[i] || i == 0 || r->lines[i - 1].kind != L_BLANK ||
            !rec_match_uppercase_start(r->m, r->line[i].text + r->lines[i].a, r->lines[i].b - r->lines[i].a))
            continue;
        size_t p = i - 1;
        while (p > 0 && r->lines[p].kind == L_BLANK)
            p--;
        bool h;
        if (r->lines[p].kind == L_TEXT && stops(r, p) && !label_line(r, p, &h)) {
            size_t q = p;
            while (q > 0 && r->lines[q - 1].kind == L_TEXT)
                q--;
            if (q > 0) {
                size_t above = q - 1;
                while (above > 0 && r->lines[above].kind == L_BLANK)
                    above--;
                if (r->lines[above].kind == L_ITEM || r->lines[above].kind == L_TEXT ||
                    r->lines[above].kind == L_FURNITURE)
                    return i;
            }
        }
    }
    return 0;
}

static void pair(columns *c, size_t label, size_t from, size_t to)
{
    c->label[from] = label + 1;
    c->to[from] = to + 1;
    c->taken[label] = true;
    for (size_t t = from + 1; t <= to; t++)
        c->taken[t] = true;
}

static void find_columns(rec_reader *r, columns *c)
{
    size_t n = r->nlines;
    for (size_t i = 0; i < n; i++) {
        bool h;
        if (!label_line(r, i, &h))
            continue;
        /* the run of labels, blanks between */
        size_t labels[64], nl = 0, j = i;
        bool heading[64];
        while (j < n && nl < 64) {
            if (r->lines[j].kind == L_BLANK) {
                j++;
                continue;
            }
            if (!label_line(r, j, &heading[nl]))
                break;
            labels[nl++] = j++;
        }
        if (nl < 2) {
            i = j;
            continue;
        }
        /* pair them with the paragraphs that follow, in order */
        size_t at = j, k = 0;
        for (; k < nl; k++) {
            while (at < n && r->lines[at].kind == L_BLANK)
                at++;
            if (at >= n || r->lines[at].kind != L_TEXT)
                break;
            if (heading[k]) {
                if (!short_heading(r, at))
                    break;
                pair(c, labels[k], at, at);
                at++;
                continue;
            }
            size_t end = paragraph_end(r, at, k + 1 < nl && !heading[k + 1]);
            pair(c, labels[k], at, end);
            c->taken[at] = false; /* its first line starts the block */
            at = end + 1;
        }
        /* numbers left over: their paragraphs stand further down, after
         * the lists of the paragraphs before them */
        for (; k < nl && !heading[k]; k++) {
            size_t o = orphan(r, c, at);
            if (!o)
                break;
            size_t end = paragraph_end(r, o, false);
            pair(c, labels[k], o, end);
            at = end + 1;
        }
        i = j;
    }
}

/* Line i starts the text of a label set above it: the label's block. */
static void label_block(builder *bd, const columns *c, size_t i)
{
    rec_reader *r = bd->r;
    size_t label = c->label[i] - 1;
    bool heading;
    label_line(r, label, &heading);
    open_block(bd, heading ? B_PROSE : B_ITEM, heading ? OPEN_PROSE : OPEN_ITEM, label);
    rec_block *b = &r->blocks[bd->block];
    b->text_line = i;
    b->last = c->to[i] - 1;
    if (heading) {
        b->numbered = true;
        b->role = ROLE_HEADING;
        b->mark.start = r->lines[label].a;
        b->mark.end = r->lines[label].b;
        r->lines[label].s1 = b->mark;
    }
    close_block(bd);
}

void rec_read_blocks(rec_reader *r)
{
    builder bd;
    memset(&bd, 0, sizeof bd);
    bd.r = r;
    size_t first_blank = 0;
    bd.double_spaced = double_spaced(r, &first_blank);
    if (bd.double_spaced) {
        const rec_line *l = &r->line[first_blank];
        rec_diags_add(r->diags, l->number, 1, REC_WARNING, REC_KIND_PROSE_IN_LIST,
                      "a blank line follows every line of this text: a blank line inside a sentence was read "
                      "as none, the paragraph going on after it");
    }
    size_t n = r->nlines;
    bool feeds = false;
    for (size_t i = 0; i < n && !feeds; i++)
        feeds = (r->lines[i].flags & LF_PAGE) != 0;
    /* the measure: the widest line; a table of contents' dot leaders are
     * narrower than letters: each dot counts two thirds */
    for (size_t i = 0; i < n && feeds; i++) {
        rec_line_kind k = (rec_line_kind)r->lines[i].kind;
        size_t w = k == L_TEXT || k == L_ITEM || k == L_CONTENTS ? width(r, i) : 0;
        if (k == L_CONTENTS) {
            size_t dots = 0;
            for (size_t j = r->lines[i].a; j < r->lines[i].b; j++)
                dots += r->line[i].text[j] == '.';
            w -= dots / 3;
        }
        if (w > bd.measure)
            bd.measure = w;
    }
    columns col = {rec_xcalloc((n ? n : 1) * sizeof *col.label), rec_xcalloc((n ? n : 1) * sizeof *col.to),
                   rec_xcalloc(n ? n : 1)};
    find_columns(r, &col);
    for (size_t i = 0; i < n; i++) {
        rec_lineinfo *li = &r->lines[i];
        if (col.label[i]) {
            label_block(&bd, &col, i);
            continue;
        }
        if (col.taken[i])
            continue;
        switch ((rec_line_kind)li->kind) {
        case L_BLANK:
        case L_FURNITURE: {
            size_t k = i;
            while (k < n && (r->lines[k].kind == L_BLANK || r->lines[k].kind == L_FURNITURE))
                k++;
            gap(&bd, i, k);
            i = k - 1;
            break;
        }
        case L_FOOTNOTE:
            open_block(&bd, B_FOOTNOTE, OPEN_FOOTNOTE, i);
            bd.item_wants_text = li->s2.start == li->s2.end; /* "12" above its note */
            break;
        case L_NOTEREF:
            if (bd.open != OPEN_NONE) {
                extend(&bd, i);
            } else if (r->nblocks && r->blocks[r->nblocks - 1].kind != B_PAGE) {
                r->blocks[r->nblocks - 1].last = i; /* the block before, after a blank */
            } else {
                /* printed over what follows: the next paragraph takes it */
                size_t k = i + 1;
                while (k < n && r->lines[k].kind == L_BLANK)
                    k++;
                if (k < n && r->lines[k].kind == L_TEXT)
                    bd.pending_ref = i + 1;
                else
                    open_block(&bd, B_PROSE, OPEN_PROSE, i);
            }
            break;
        case L_ITEM:
            if ((bd.open == OPEN_ITEM || bd.open == OPEN_PROSE || bd.open == OPEN_FOOTNOTE) &&
                !bd.item_wants_text && bd.last_content + 1 == i && run_in(&bd, i)) {
                li->kind = L_TEXT;
                text_line(&bd, i);
                break;
            }
            open_block(&bd, B_ITEM, OPEN_ITEM, i);
            bd.item_wants_text = li->s2.start == li->s2.end;
            bd.last_value[li->mk] = li->value;
            break;
        case L_HEADER:
            open_block(&bd, B_HEADER, OPEN_HEADER, i);
            bd.seen_header = true;
            bd.header_may_continue = !(li->flags & LF_COLON);
            memset(bd.last_value, 0, sizeof bd.last_value);
            break;
        case L_TEXT:
            if (bd.open == OPEN_CONTENTS)
                close_block(&bd);
            text_line(&bd, i);
            break;
        case L_CONTENTS:
            if (bd.open == OPEN_CONTENTS) {
                extend(&bd, i);
            } else {
                open_block(&bd, B_PROSE, OPEN_CONTENTS, i);
                r->blocks[bd.block].role = ROLE_CONTENTS;
            }
            if (li->flags & LF_ENDS)
                close_block(&bd);
            break;
        }
    }
    close_block(&bd);
    free(col.label);
    free(col.to);
    free(col.taken);
}
