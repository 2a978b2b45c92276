/* SPDX-License-Identifier: MIT */
/* kinds.c - the diagnostic kinds and their help. */
#include "kinds.h"

#include <string.h>

const rec_kind rec_kinds[] = {
    {"item-without-recipient", "error", "A recommendation stands before any recipient header.",
     "Add a 'To <recipient>' line above the item, or move the item under the header it belongs to."},
    {"empty-recipient", "error", "A recipient header names no recipient.",
     "Write who the recommendations are for after 'To', e.g. 'To the Ministry of Health'."},
    {"empty-group", "error", "A recipient header has no recommendation under it.",
     "Add the items for this recipient, or delete the header."},
    {"undefined-footnote", "error", "A footnote reference [n] has no definition.",
     "Add a line '[n] text' at the end of the document, or correct the reference."},
    {"duplicate-footnote", "error", "A footnote label is defined twice.",
     "Renumber one of the two definitions and its references."},
    {"unreferenced-footnote", "warning", "A footnote is defined but never referenced.",
     "Cite it with [n] where it applies, or delete the definition. --strict makes this an error."},
    {"empty-document", "error", "The document has no recipient and no recommendation.",
     "Check that the file holds the recommendations: 'To ...' headers followed by items."},
    {"invalid-utf8", "error", "The file is not UTF-8.",
     "Save the file as UTF-8 (in most editors: Save As, encoding UTF-8)."},
    {"control-character", "error", "A control character that a document cannot hold.",
     "Delete the character; it usually comes from a PDF or word-processor export."},
    {"hyphenation", "warning", "A hyphen at a line end could join a compound or break a word, and the document does not tell which.",
     "Join the word or keep the hyphen on one line; the hyphen was kept. Where another line of the report writes the word, rec2xml follows it."},
    {"unmarked-item", "warning", "Paragraphs under a recipient have no list markers; each was read as one recommendation.",
     "Put a marker (•, -, 1.) before each recommendation, or check that every paragraph under the recipient is one."},
    {"run-together", "warning", "A line holds a whole list, as a list copied onto one line has it; it was split before each marker.",
     "Put each item on its own line."},
    {"glued-marker", "warning", "A list marker is glued to its text (\"1.Investigate\", \"\u2022Repeal\").",
     "Put a space between the marker and the text; the line was read as an item."},
    {"unknown-bullet", "warning", "A line starts with a symbol that looks like a bullet but is not a list marker.",
     "Use one of the markers (\u2022, -, *, 1., (a)); the line was read as text."},
    {"near-header", "warning", "A line reads almost like a recipient header but is not one.",
     "Write the header as 'To the <recipient>'; the items after the line stay with the recipient before it."},
    {"marker-switch", "warning", "A list changes its marker at the same indentation, which opens a sub-list.",
     "Use the list's own marker for a sibling, or indent a sub-item deeper."},
    {"numbering", "warning", "A numbered list skips, repeats or restarts a number.",
     "Renumber the list, or check that no item was lost or pasted twice."},
    {"empty-item", "warning", "A list marker has no text.",
     "Write the item's text after the marker, or delete the marker."},
    {"page-number", "warning", "An item ends with a number after its last sentence, as a page number would.",
     "Delete the page number that the copy from a PDF glued to the item."},
    {"odd-reference", "warning", "A footnote reference is written in a form rec2xml does not read ([ 1], (1), a superscript).",
     "Write the reference as [n], with no space inside the brackets."},
    {"prose-in-list", "warning", "A paragraph between two items of one list ends the list.",
     "Delete the blank line if the paragraph continues the item above; indent it otherwise."},
    {"recipient-spelling", "warning", "One recipient is written two ways, which makes two recipients.",
     "Spell the recipient the same way in every header."},
    {"invisible-character", "warning",
     "A recipient or an item holds a bidi control, a zero-width character or a line separator.",
     "Delete the character: it shows as nothing or reorders the text, so two names that look the "
     "same differ. --strict makes this an error."},
    {"too-deep", "warning", "Items nest deeper than 50 levels.",
     "Check the indentation; deeper items are kept at level 50."},
    {"duplicate-id", "error", "Two elements of an XML input share an id.",
     "Give each group, item, prose and footnote element its own id."},
    {"invalid-structure", "error", "An XML input does not follow the rec2xml schema.",
     "Compare the element with the vocabulary in the README or schemas/rec2xml.rng."},
    {"xml-syntax", "error", "An XML input is not well-formed.",
     "Fix the markup at the position given (an unclosed or mismatched tag, a stray '&' or '<')."},
    {"doctype-not-allowed", "error", "An XML input declares a DOCTYPE.",
     "Delete the DOCTYPE: rec2xml XML needs none, and entities could read files or expand without bound."},
    {"transform-error", "error", "A stylesheet failed while producing an output.",
     "Read the stylesheet's message; with --stylesheet, fix the stylesheet."},
    {"stylesheet-error", "error", "A stylesheet does not compile.",
     "Fix the XSLT at the position given."},
    {"stylesheet-message", "warning", "A stylesheet said something with xsl:message.",
     "Read the message; it comes from the stylesheet, not from rec2xml."},
    {"stale-translation", "warning", "A translation was made for a text that has changed since.",
     "Send the segment to the translator again; the source text is kept meanwhile."},
    {"missing-translation", "warning", "A segment has no translation.",
     "Have it translated; the source text is kept meanwhile."},
    {"translation-footnotes", "error", "A translation drops or invents a footnote reference.",
     "Keep exactly the source's footnote markers [n] in the translation."},
    {"translation-syntax", "error", "A translation file cannot be read as CSV, XLIFF 1.2 or PO.",
     "Check the file at the position given, or export it again."},
    {"translation-unreadable", "error", "A translation file cannot be opened.",
     "Check the path and the file's extension (.csv, .xlf, .xliff, .po)."},
    {"input-too-large", "error", "An input is larger than --max-input-size.",
     "Check that the file is the report (not a device or a runaway export); if it is, give a "
     "larger --max-input-size."},
    {"io-error", "error", "A file cannot be read or written.",
     "Check the path, the permissions and the free space."},
    {NULL, NULL, NULL, NULL},
};

_Static_assert(sizeof rec_kinds / sizeof rec_kinds[0] <= REC_KIND_MAX + 1,
               "more kinds than REC_KIND_MAX: raise it");

int rec_kind_index(const char *name)
{
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].name, name) == 0)
            return i;
    return -1;
}

/* "  name    summary", the summary wrapped at spaces to fit 80 columns. */
static void print_kind(FILE *out, const rec_kind *k)
{
    enum { INDENT = 26, WIDTH = 80 - INDENT };
    fprintf(out, "  %-*s", INDENT - 2, k->name);
    const char *s = k->summary;
    for (;;) {
        size_t n = strlen(s);
        if (n > WIDTH) { /* the summaries are ASCII but for quoted examples */
            n = WIDTH;
            while (n > 0 && s[n] != ' ')
                n--;
            if (n == 0)
                n = strcspn(s, " ");
        }
        fprintf(out, "%.*s\n", (int)n, s);
        s += n;
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        fprintf(out, "%*s", INDENT, "");
    }
}

void rec_kinds_print(FILE *out)
{
    fputs("Warnings (the input is still converted; -Wno-KIND turns one off, -Werror=KIND\n"
          "makes it an error, --strict makes every warning an error):\n",
          out);
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].level, "warning") == 0)
            print_kind(out, &rec_kinds[i]);
    fputs("\nErrors (they cannot be turned off):\n", out);
    for (int i = 0; rec_kinds[i].name; i++)
        if (strcmp(rec_kinds[i].level, "error") == 0)
            print_kind(out, &rec_kinds[i]);
}
