/* SPDX-License-Identifier: MIT */
/* reader.h - the text reader's passes and the state they share.
 *
 * Reading a report is done in passes over the whole document, as cmark
 * reads blocks before inlines (README, "The input format"):
 *
 *   bidi.c    pdftotext's bidi embeddings; right-to-left labels turned
 *   reflow.c  a list run onto one line, split before each marker
 *   lines.c   each line on its own: blank, text, item, header, footnote
 *   contents.c a table of contents, and the title above it
 *   pages.c   page furniture: running heads, page numbers, document symbols
 *   notes.c   footnotes printed as symbols ("*", "†") at the foot of a page
 *   hyphen.c  end-of-line hyphens, decided with the document's own words
 *   blocks.c  lines into blocks: items, prose paragraphs, headers, notes
 *   layout.c  the document as a whole: its layout, numbering, addressees
 *   parse.c   the blocks into the tree
 *
 * Each pass reads what the passes before it wrote and writes its own
 * fields; none goes back to an earlier one, and none is quadratic. */
#ifndef REC_READER_H
#define REC_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "patterns.h"
#include "source.h"

typedef enum {
    L_BLANK,
    L_TEXT,
    L_ITEM,
    L_HEADER,
    L_FOOTNOTE,
    L_FURNITURE,
    L_NOTEREF, /* a note's number alone on its line: the superscript of the
                  block above it, as pdftotext prints one on a heading */
    L_CONTENTS /* a line of a table of contents (contents.c) */
} rec_line_kind;

enum {
    LF_PAGE = 1,     /* a page begins on this line (a form feed) */
    LF_GLUED = 2,    /* item: the marker is glued to its text */
    LF_JOIN = 4,     /* the line's last word goes on at the next content line */
    LF_DEHYPHEN = 8, /* ... and the hyphen that ends this line is dropped */
    LF_COLON = 16,   /* the content ends with a colon */
    LF_ESCAPED = 32, /* the content starts with a backslash: text, whatever
                         it looks like; the backslash is not part of it */
    LF_ENDS = 64,    /* contents: the line ends an entry (or the heading) */
    LF_FRONT = 128,  /* front matter: above a table of contents (a title
                         page), which heads nothing */
};

/* The shape of a list marker. */
typedef enum {
    MK_NONE,
    MK_BULLET,
    MK_ARABIC,
    MK_DECIMAL,
    MK_LALPHA,
    MK_UALPHA,
    MK_LROMAN,
    MK_UROMAN,
    MK_CYRILLIC,
    MK_ABJAD,
    MK_ARABIC_INDIC,
    MK_CJK,
} rec_marker_kind;

typedef struct {
    uint8_t kind;    /* rec_line_kind */
    uint8_t flags;   /* LF_* */
    uint8_t mk;      /* items: rec_marker_kind */
    unsigned indent; /* display columns of leading blanks */
    size_t a, b;     /* the content, blanks trimmed from both ends */
    rec_span s1, s2; /* item: marker, text; header: lead, rest; footnote: label, text */
    long value;      /* items: the marker's rank (12 for "12.", 2 for "(b)",
                         1 for "110.1"), 0 for bullets */
    unsigned page;   /* furniture: the page that begins at its boundary */
} rec_lineinfo;

typedef enum { B_PROSE, B_ITEM, B_HEADER, B_FOOTNOTE, B_PAGE } rec_block_kind;
typedef enum { ROLE_NONE, ROLE_DATE, ROLE_HEADING, ROLE_FINDING, ROLE_LEADIN, ROLE_CONTENTS } rec_role;

typedef struct {
    uint8_t kind;       /* rec_block_kind */
    uint8_t role;       /* prose: rec_role */
    uint8_t response;   /* lead-ins: rec_response */
    bool opens_group;   /* a derived recipient opens a group here */
    bool unmarked;      /* an item read from a paragraph with no marker */
    bool numbered;      /* prose that keeps its line's item marker */
    size_t first, last; /* its lines, [first, last]: blanks and furniture
                              inside are skipped when the text is read */
    size_t text_line;   /* items: the line the text starts on (a number
                              alone on its line takes the next paragraph) */
    rec_span mark;      /* numbered prose (findings, headings): the number
                              as written on line first; text starts after it */
    char *to;           /* the derived addressee, as written; owned */
    unsigned long to_line, to_col;
    size_t to_block; /* 1 + the block whose text names it (a title),
                              or 0: this block */
    char *by;        /* UPR: the recommending States, "; "-separated; owned */
    size_t topic;    /* items: 1 + the block of their thematic heading, or 0 */
    char date[11];   /* ROLE_DATE: ISO date */
} rec_block;

typedef enum {
    LAYOUT_HEADERS,
    LAYOUT_LEADINS,
    LAYOUT_TREATY,
    LAYOUT_UPR,
    LAYOUT_SPECIAL,
    LAYOUT_HEADINGS,
    LAYOUT_PARAGRAPHS,
    LAYOUT_COUNT
} rec_layout;

#define REC_NOTE_SYMBOLS 8

typedef struct {
    const rec_source *src;
    const rec_line *line; /* the lines read: the source's, or reflow.c's
                              copy with run-together pages split */
    size_t nlines;
    rec_matcher *m;
    rec_diags *diags;
    int lang;            /* row of rec_langs */
    rec_lineinfo *lines; /* one per source line; owned */
    rec_block *blocks;   /* owned */
    size_t nblocks, blocks_cap;
    rec_layout layout;
    bool layout_forced;
    unsigned margin;                   /* the least indentation of a numbered
                              paragraph: pdftotext -layout keeps the
                              page's left margin (layout.c) */
    const char *recipient;             /* --recipient, or NULL; not owned */
    size_t pages;                      /* page boundaries found */
    bool feeds;                        /* the text has form feeds: a PDF's, as pdftotext
                              writes it (lines.c) */
    bool columns;                      /* ... and its lines stand at their columns, as
                              pdftotext -layout sets them */
    char symbols[REC_NOTE_SYMBOLS][8]; /* footnote labels printed as symbols
                                          ("*", "†"), in order of definition */
    size_t nsymbols;
    /* note numbers a PDF printed as superscripts glued to the text
     * ("centers.12"), in document order: line and bytes of each; owned */
    struct rec_glued_ref {
        size_t line, start, end;
    } * refs;
    size_t nrefs;
} rec_reader;

/* Joined text of some lines of a block, for passes that read sentences:
 * lines joined as the tree will join them. Caller frees with free(). */
typedef struct {
    char *text;
    size_t len;
    size_t *line_at; /* for each line in [from, to]: its offset in text,
                              (size_t)-1 for a line that gave nothing */
    size_t *byte_at; /* ... and the byte of the line copied there */
    size_t from, to;
} rec_joined;
void rec_join(const rec_reader *r, size_t from, size_t to, size_t start_byte, rec_joined *out);
void rec_joined_free(rec_joined *j);
/* Line and column of byte off of a joined text. */
void rec_joined_pos(const rec_reader *r, const rec_joined *j, size_t off, unsigned long *line,
                    unsigned long *col);

/* reflow.c: sets r->line, r->nlines; buffers[0..2] (caller frees each)
 * hold the text of merged, split and bidi-cleaned lines, and r->line is a
 * new array (caller frees) when it is not src->lines */
void rec_read_reflow(rec_reader *r, char **buffers);
/* bidi.c: pdftotext's bidi embeddings out, right-to-left labels turned;
 * r->line becomes a new array (the caller frees it when it is not the
 * one it had) whose text is in *buffer (caller frees) */
void rec_read_bidi(rec_reader *r, char **buffer);
/* lines.c */
void rec_read_lines(rec_reader *r);
bool rec_is_blank_at(const char *s, size_t len, size_t i);
size_t rec_blank_len(const char *s, size_t len, size_t i);
void rec_trim(const char *s, size_t len, size_t *a, size_t *b);
/* Does s[a, b) end with a sentence's stop (. ; : ! ? and their CJK and
 * Arabic forms)? */
bool rec_ends_with_stop(const char *s, size_t a, size_t b);
rec_marker_kind rec_marker_kind_of(const rec_lineinfo *prev_same_indent, const char *mk, size_t n,
                                   long *value);
const char *rec_numbering_name(rec_marker_kind k);

/* contents.c */
void rec_read_contents(rec_reader *r);
/* pages.c */
void rec_read_pages(rec_reader *r);
/* notes.c */
void rec_read_notes(rec_reader *r);
void rec_read_numbered_notes(rec_reader *r);
size_t rec_note_symbol(const char *s, size_t i, size_t len);
/* hyphen.c */
void rec_read_hyphens(rec_reader *r);
/* blocks.c */
void rec_read_blocks(rec_reader *r);
rec_block *rec_block_add(rec_reader *r, rec_block_kind kind, size_t first);
/* layout.c */
void rec_read_layout(rec_reader *r);
const char *rec_layout_name(rec_layout l);
/* slips.c */
void rec_read_slips(rec_reader *r);
int rec_layout_find(const char *name);

#endif
