/* SPDX-License-Identifier: MIT */
/* diff.c - the semantic diff of two recommendation documents.
 *
 * 1. Every item of both documents, with its recipient and its words; the
 *    words and recipients are interned in one dictionary (equal words are
 *    equal pointers), and each document may be freed once collected.
 * 2. Identical words pair up first (per recipient, then across recipients:
 *    a move); renumbering and re-wrapping leave the words as they were.
 *    Between the two, a UPR recommendation keeps its number ("110.1"): under
 *    the same recipient, the same number with some words in common is the
 *    same recommendation, edited.
 * 3. What is left pairs by word similarity (a change), best pairs first.
 *    Candidates share one of their rarest words: no pair of items is
 *    compared unless it has one, so the cost follows the words, not the
 *    product of the item counts.
 * 4. The rest was added or removed.
 * Steps 1 and 4 are here, 2 and 3 in diff_pair.c. Every step is linear in
 * the words (or n log n): two identical 12 MB files, 2,000 unrelated items,
 * one item of 100,000 words, 20,000 recipients. */
#include "diff.h"

#include <libxml/dict.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_pair.h"
#include "ptrmap.h"
#include "report.h"
#include "tree.h"
#include "util.h"
#include "wdiff.h"

const char *rec_differ_intern(rec_differ *d, const char *s, size_t n)
{
    const xmlChar *w = xmlDictLookup(d->dict, (const xmlChar *)s, (int)n);
    if (!w)
        rec_out_of_memory(n);
    return (const char *)w;
}

static void split_words(rec_differ *d, item *it)
{
    size_t cap = 0;
    it->words = NULL;
    it->nwords = 0;
    for (const char *p = it->text; *p;) {
        while (*p == ' ')
            p++;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        if (p == start)
            break;
        it->words = rec_grow(it->words, it->nwords, &cap, sizeof *it->words);
        it->words[it->nwords++] = rec_differ_intern(d, start, (size_t)(p - start));
    }
}

/* Items and recipients under root, in document order; without recursion
 * (items nest deep). An item's recipient is its group's. */
static void collect(rec_differ *d, side *s, xmlNodePtr root)
{
    const char *none = rec_differ_intern(d, "", 0), *current = none;
    for (xmlNodePtr k = root ? root->children : NULL; k;) {
        if (k->parent == root)
            current = none;
        if (rec_node_is(k, "group")) {
            char *r = NULL;
            for (xmlNodePtr c = k->children; c && !r; c = c->next)
                if (rec_node_is(c, "recipient"))
                    r = rec_segment_text(c);
            s->recipients = rec_grow(s->recipients, s->nrecipients, &s->rcap, sizeof *s->recipients);
            current = r ? rec_differ_intern(d, r, strlen(r)) : none;
            s->recipients[s->nrecipients++] = current;
            free(r);
        } else if (rec_node_is(k, "item")) {
            s->v = rec_grow(s->v, s->n, &s->cap, sizeof *s->v);
            item *it = &s->v[s->n++];
            memset(it, 0, sizeof *it);
            xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
            it->id = rec_xstrdup(id ? (const char *)id : "");
            xmlFree(id);
            it->recipient = current;
            xmlChar *numbering = xmlGetProp(k, (const xmlChar *)"numbering");
            xmlChar *marker = xmlGetProp(k, (const xmlChar *)"marker");
            if (numbering && marker && xmlStrEqual(numbering, (const xmlChar *)"decimal"))
                it->number = rec_differ_intern(d, (const char *)marker, strlen((const char *)marker));
            xmlFree(numbering);
            xmlFree(marker);
            char *text = NULL;
            for (xmlNodePtr c = k->children; c && !text; c = c->next)
                if (rec_node_is(c, "text"))
                    text = rec_segment_text(c);
            it->text = text ? rec_differ_intern(d, text, strlen(text)) : none;
            free(text);
            unsigned long col;
            rec_pos_get(k, &it->line, &col);
            it->match = -1;
            split_words(d, it);
        }
        /* into groups and items (sub-items), never into their text */
        if ((rec_node_is(k, "group") || rec_node_is(k, "item")) && k->children) {
            k = k->children;
            continue;
        }
        while (k && !k->next)
            k = k->parent && k->parent != root ? k->parent : NULL;
        k = k ? k->next : NULL;
    }
}

rec_differ *rec_differ_new(void)
{
    rec_differ *d = rec_xcalloc(sizeof *d);
    d->dict = xmlDictCreate();
    if (!d->dict)
        rec_out_of_memory(sizeof *d);
    return d;
}

void rec_differ_add(rec_differ *d, int which, xmlDocPtr doc)
{
    collect(d, &d->s[which ? 1 : 0], xmlDocGetRootElement(doc));
}

void rec_differ_free(rec_differ *d)
{
    if (!d)
        return;
    for (int w = 0; w < 2; w++) {
        side *s = &d->s[w];
        for (size_t i = 0; i < s->n; i++) {
            free(s->v[i].id);
            free(s->v[i].words);
        }
        free(s->v);
        free(s->recipients);
    }
    xmlDictFree(d->dict);
    free(d);
}

/* ---- output ----------------------------------------------------------------------- */

typedef struct {
    FILE *out;
    bool color, json, first;
    const char *red, *green, *bold, *off;
} printer;

static void print_words(printer *pr, const item *x, const item *y)
{
    size_t n;
    rec_edit *e = rec_word_diff(x->words, x->nwords, y->words, y->nwords, &n);
    if (pr->json) {
        fputs(",\"diff\":[", pr->out);
        for (size_t k = 0; k < n; k++) {
            fprintf(pr->out, "%s{\"op\":\"%c\",\"word\":", k ? "," : "", e[k].op);
            rec_json_string(pr->out, e[k].word);
            fputc('}', pr->out);
        }
        fputc(']', pr->out);
    } else {
        for (size_t k = 0; k < n; k++) {
            fputs(k ? " " : "", pr->out);
            if (e[k].op == '=')
                fputs(e[k].word, pr->out);
            else if (e[k].op == '-')
                fprintf(pr->out, "%s[-%s-]%s", pr->red, e[k].word, pr->off);
            else
                fprintf(pr->out, "%s{+%s+}%s", pr->green, e[k].word, pr->off);
        }
    }
    free(e);
}

static void change(printer *pr, const char *type, const char *recipient, const item *x, const item *y)
{
    if (pr->json) {
        fprintf(pr->out, "%s\n{\"type\":\"%s\",\"recipient\":", pr->first ? "" : ",", type);
        pr->first = false;
        rec_json_string(pr->out, recipient);
        if (x) {
            fputs(",\"old_id\":", pr->out);
            rec_json_string(pr->out, x->id);
            fprintf(pr->out, ",\"old_line\":%lu,\"old_recipient\":", x->line);
            rec_json_string(pr->out, x->recipient);
            fputs(",\"old_text\":", pr->out);
            rec_json_string(pr->out, x->text);
        }
        if (y) {
            fputs(",\"new_id\":", pr->out);
            rec_json_string(pr->out, y->id);
            fprintf(pr->out, ",\"new_line\":%lu,\"new_text\":", y->line);
            rec_json_string(pr->out, y->text);
        }
        if (x && y && strcmp(x->text, y->text))
            print_words(pr, x, y);
        fputc('}', pr->out);
        return;
    }
    const item *at = y ? y : x;
    const char *colour = !strcmp(type, "added") ? pr->green : !strcmp(type, "removed") ? pr->red : "";
    fprintf(pr->out, "  %s%-8s%s %s (line %lu)", colour, type, pr->off, at->id, at->line);
    if (x && y && strcmp(x->id, y->id))
        fprintf(pr->out, ", was %s", x->id);
    if (x && !strcmp(type, "moved"))
        fprintf(pr->out, ", from \"%s\"", x->recipient);
    fputs(": ", pr->out);
    if (x && y && strcmp(x->text, y->text))
        print_words(pr, x, y);
    else
        fputs(at->text, pr->out);
    fputc('\n', pr->out);
}

/* Recipients as small numbers: who[r] is recipient r, in the order they are
 * reported (the new document's, then those only the old one had, then no
 * recipient); in[w][r] says whether side w has it; items[w] lists each
 * side's items recipient by recipient (counting sort, document order kept). */
typedef struct {
    const char **who;
    size_t n;
    bool *in[2];
    size_t *start[2], *items[2];
} by_recipient;

static void group_items(const rec_differ *d, by_recipient *g)
{
    rec_ptrmap rid;
    rec_ptrmap_init(&rid, d->s[0].nrecipients + d->s[1].nrecipients + 1);
    size_t most = d->s[0].nrecipients + d->s[1].nrecipients + 1;
    g->who = rec_xmalloc(most * sizeof *g->who);
    g->n = 0;
    const char *none = (const char *)xmlDictLookup(d->dict, (const xmlChar *)"", 0);
    for (int pass = 0; pass < 3; pass++) {
        const side *s = &d->s[pass == 0 ? 1 : 0];
        size_t count = pass == 2 ? 1 : s->nrecipients;
        for (size_t r = 0; r < count; r++) {
            const char *who = pass == 2 ? none : s->recipients[r];
            uint32_t *v = rec_ptrmap_slot(&rid, who, UINT32_MAX);
            if (*v == UINT32_MAX) {
                *v = (uint32_t)g->n;
                g->who[g->n++] = who;
            }
        }
    }
    for (int w = 0; w < 2; w++) {
        const side *s = &d->s[w];
        g->in[w] = rec_xcalloc(g->n + 1);
        for (size_t r = 0; r < s->nrecipients; r++)
            g->in[w][*rec_ptrmap_get(&rid, s->recipients[r])] = true;
        g->start[w] = rec_xcalloc((g->n + 2) * sizeof *g->start[w]);
        g->items[w] = rec_xmalloc((s->n + 1) * sizeof *g->items[w]);
        for (size_t i = 0; i < s->n; i++)
            g->start[w][*rec_ptrmap_get(&rid, s->v[i].recipient) + 2]++;
        for (size_t r = 2; r < g->n + 2; r++)
            g->start[w][r] += g->start[w][r - 1];
        for (size_t i = 0; i < s->n; i++)
            g->items[w][g->start[w][*rec_ptrmap_get(&rid, s->v[i].recipient) + 1]++] = i;
    }
    rec_ptrmap_free(&rid);
}

static void by_recipient_free(by_recipient *g)
{
    free(g->who);
    for (int w = 0; w < 2; w++) {
        free(g->in[w]);
        free(g->start[w]);
        free(g->items[w]);
    }
}

bool rec_differ_report(rec_differ *d, const char *old_name, const char *new_name, rec_diff_format format,
                       bool color, FILE *out, rec_diff_stats *st)
{
    side *a = &d->s[0], *b = &d->s[1];
    memset(st, 0, sizeof *st);
    rec_differ_pair(d);

    printer pr = {out, color, format == REC_DIFF_JSON, true, "", "", "", ""};
    if (color && !pr.json)
        pr.red = "\033[31m", pr.green = "\033[32m", pr.bold = "\033[1m", pr.off = "\033[m";
    if (pr.json) {
        fputs("{\"old\":", out);
        rec_json_string(out, old_name);
        fputs(",\"new\":", out);
        rec_json_string(out, new_name);
        fputs(",\"changes\":[", out);
    }
    by_recipient g;
    group_items(d, &g);
    for (size_t r = 0; r < g.n; r++) {
        const char *who = g.who[r];
        bool header = false;
        for (int pass = 0; pass < 2; pass++) {
            /* new side: added, changed, moved; old side: removed */
            const side *s = pass == 0 ? b : a;
            int w = pass == 0 ? 1 : 0;
            for (size_t q = g.start[w][r]; q < g.start[w][r + 1]; q++) {
                const item *it = &s->v[g.items[w][q]];
                const char *type = NULL;
                const item *x = NULL, *y = NULL;
                if (pass == 0 && it->match < 0)
                    type = "added", y = it, st->added++;
                else if (pass == 0 && it->how == PAIR_CHANGED)
                    type = "changed", x = &a->v[it->match], y = it, st->changed++;
                else if (pass == 0 && it->how == PAIR_MOVED)
                    type = "moved", x = &a->v[it->match], y = it, st->moved++;
                else if (pass == 1 && it->match < 0)
                    type = "removed", x = it, st->removed++;
                else if (pass == 0)
                    st->unchanged++;
                if (!type)
                    continue;
                if (!header && !pr.json) {
                    const char *status = !g.in[0][r] && *who   ? " (new recipient)"
                                         : !g.in[1][r] && *who ? " (recipient removed)"
                                                               : "";
                    fprintf(out, "%s%s%s%s\n", pr.bold, *who ? who : "(no recipient)", pr.off, status);
                    header = true;
                }
                change(&pr, type, who, x, y);
            }
        }
        if (*who) {
            st->recipients_added += g.in[1][r] && !g.in[0][r];
            st->recipients_removed += g.in[0][r] && !g.in[1][r];
        }
    }
    by_recipient_free(&g);
    if (pr.json)
        fprintf(out,
                "\n],\"summary\":{\"added\":%zu,\"removed\":%zu,\"changed\":%zu,\"moved\":%zu,"
                "\"unchanged\":%zu,\"recipients_added\":%zu,\"recipients_removed\":%zu}}\n",
                st->added, st->removed, st->changed, st->moved, st->unchanged, st->recipients_added,
                st->recipients_removed);
    return st->added || st->removed || st->changed || st->moved || st->recipients_added ||
           st->recipients_removed;
}

bool rec_diff(xmlDocPtr old_doc, xmlDocPtr new_doc, const char *old_name, const char *new_name,
              rec_diff_format format, bool color, FILE *out, rec_diff_stats *st)
{
    rec_differ *d = rec_differ_new();
    rec_differ_add(d, 0, old_doc);
    rec_differ_add(d, 1, new_doc);
    bool changed = rec_differ_report(d, old_name, new_name, format, color, out, st);
    rec_differ_free(d);
    return changed;
}
