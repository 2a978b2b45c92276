/* SPDX-License-Identifier: MIT */
/* diff.c - the semantic diff of two recommendation documents.
 *
 * 1. Every item of both documents, with its recipient and its words.
 * 2. Identical words pair up first (per recipient, then across recipients:
 *    a move); renumbering and re-wrapping leave the words as they were.
 * 3. What is left pairs by word similarity (a change), best pairs first.
 * 4. The rest was added or removed. */
#include "diff.h"

#include <libxml/hash.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "translate.h"
#include "tree.h"
#include "util.h"

/* Above this many unmatched items on a side, similarity pairing (quadratic)
 * is skipped: they are reported as added and removed. */
#define SIMILARITY_LIMIT 2000
#define CHANGED_AT 0.5   /* share of words in common to call it a change */

typedef struct {
    char *id, *recipient, *text; /* owned */
    char **words;                /* pointers into words_buf */
    char *words_buf;
    size_t nwords;
    unsigned long line;
    long match;                  /* index in the other side, -1 */
    int how;                     /* 0 none, 1 same, 2 moved, 3 changed */
} item;

typedef struct {
    item *v;
    size_t n, cap;
    char **recipients;
    size_t nrecipients;
} side;

static bool is_rec(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, (const xmlChar *)REC_NS) &&
           xmlStrEqual(n->name, (const xmlChar *)name);
}

static void split_words(item *it)
{
    it->words_buf = rec_xstrdup(it->text);
    it->nwords = 0;
    it->words = NULL;
    for (char *w = strtok(it->words_buf, " "); w; w = strtok(NULL, " ")) {
        it->words = rec_xrealloc(it->words, (it->nwords + 1) * sizeof *it->words);
        it->words[it->nwords++] = w;
    }
}

static void collect(side *s, xmlNodePtr n, const char *recipient)
{
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (is_rec(k, "group")) {
            char *r = NULL;
            for (xmlNodePtr c = k->children; c && !r; c = c->next)
                if (is_rec(c, "recipient"))
                    r = rec_segment_text(c);
            if (!r)
                r = rec_xstrdup("");
            s->recipients = rec_xrealloc(s->recipients, (s->nrecipients + 1) * sizeof *s->recipients);
            s->recipients[s->nrecipients++] = r;
            collect(s, k, r);
        } else if (is_rec(k, "item")) {
            if (s->n == s->cap) {
                s->cap = s->cap ? 2 * s->cap : 64;
                s->v = rec_xrealloc(s->v, s->cap * sizeof *s->v);
            }
            item *it = &s->v[s->n++];
            memset(it, 0, sizeof *it);
            xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
            it->id = rec_xstrdup(id ? (const char *)id : "");
            xmlFree(id);
            it->recipient = rec_xstrdup(recipient ? recipient : "");
            it->text = rec_xstrdup("");
            for (xmlNodePtr c = k->children; c; c = c->next)
                if (is_rec(c, "text")) {
                    free(it->text);
                    it->text = rec_segment_text(c);
                    break;
                }
            unsigned long col;
            rec_pos_get(k, &it->line, &col);
            it->match = -1;
            split_words(it);
            collect(s, k, recipient);
        }
    }
}

static void side_free(side *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].id);
        free(s->v[i].recipient);
        free(s->v[i].text);
        free(s->v[i].words);
        free(s->v[i].words_buf);
    }
    free(s->v);
    for (size_t i = 0; i < s->nrecipients; i++)
        free(s->recipients[i]);
    free(s->recipients);
}

/* ---- matching ---------------------------------------------------------------- */

/* Pair items of identical text; same_recipient selects the first pass. */
static void pair_identical(side *a, side *b, bool same_recipient)
{
    xmlHashTablePtr index = xmlHashCreate((int)b->n + 1);
    /* the first unmatched new item of each text (and recipient) */
    for (size_t j = b->n; j-- > 0;) {
        if (b->v[j].match >= 0)
            continue;
        const xmlChar *k2 = same_recipient ? (const xmlChar *)b->v[j].recipient : NULL;
        xmlHashRemoveEntry2(index, (const xmlChar *)b->v[j].text, k2, NULL);
        xmlHashAddEntry2(index, (const xmlChar *)b->v[j].text, k2, &b->v[j]);
    }
    for (size_t i = 0; i < a->n; i++) {
        if (a->v[i].match >= 0)
            continue;
        const xmlChar *k2 = same_recipient ? (const xmlChar *)a->v[i].recipient : NULL;
        item *hit = xmlHashLookup2(index, (const xmlChar *)a->v[i].text, k2);
        if (!hit)
            continue;
        long j = hit - b->v;
        a->v[i].match = j;
        b->v[j].match = (long)i;
        a->v[i].how = b->v[j].how = same_recipient || !strcmp(a->v[i].recipient, b->v[j].recipient) ? 1 : 2;
        /* the next item of that text, if any, takes the slot */
        xmlHashRemoveEntry2(index, (const xmlChar *)a->v[i].text, k2, NULL);
        for (size_t k = (size_t)j + 1; k < b->n; k++)
            if (b->v[k].match < 0 && !strcmp(b->v[k].text, a->v[i].text) &&
                (!same_recipient || !strcmp(b->v[k].recipient, a->v[i].recipient))) {
                xmlHashAddEntry2(index, (const xmlChar *)b->v[k].text, k2, &b->v[k]);
                break;
            }
    }
    xmlHashFree(index, NULL);
}

static int by_string(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

/* Dice coefficient of the two word multisets. */
static double similarity(const item *x, const item *y)
{
    if (!x->nwords || !y->nwords)
        return 0;
    char **a = rec_xmalloc(x->nwords * sizeof *a), **b = rec_xmalloc(y->nwords * sizeof *b);
    memcpy(a, x->words, x->nwords * sizeof *a);
    memcpy(b, y->words, y->nwords * sizeof *b);
    qsort(a, x->nwords, sizeof *a, by_string);
    qsort(b, y->nwords, sizeof *b, by_string);
    size_t i = 0, j = 0, common = 0;
    while (i < x->nwords && j < y->nwords) {
        int c = strcmp(a[i], b[j]);
        if (c == 0)
            common++, i++, j++;
        else if (c < 0)
            i++;
        else
            j++;
    }
    free(a);
    free(b);
    return 2.0 * (double)common / (double)(x->nwords + y->nwords);
}

typedef struct {
    double score;
    size_t i, j;
} candidate;

static int by_score(const void *x, const void *y)
{
    const candidate *a = x, *b = y;
    if (a->score != b->score)
        return a->score > b->score ? -1 : 1;
    if (a->i != b->i)
        return a->i < b->i ? -1 : 1;
    return a->j < b->j ? -1 : a->j > b->j;
}

static void pair_similar(side *a, side *b)
{
    size_t ua = 0, ub = 0;
    for (size_t i = 0; i < a->n; i++)
        ua += a->v[i].match < 0;
    for (size_t j = 0; j < b->n; j++)
        ub += b->v[j].match < 0;
    if (!ua || !ub || ua > SIMILARITY_LIMIT || ub > SIMILARITY_LIMIT)
        return;
    candidate *c = NULL;
    size_t n = 0;
    for (size_t i = 0; i < a->n; i++) {
        if (a->v[i].match >= 0)
            continue;
        for (size_t j = 0; j < b->n; j++) {
            if (b->v[j].match >= 0)
                continue;
            double sc = similarity(&a->v[i], &b->v[j]);
            /* a change of recipient as well needs words nearly the same */
            bool same = !strcmp(a->v[i].recipient, b->v[j].recipient);
            if (sc >= (same ? CHANGED_AT : 0.8)) {
                c = rec_xrealloc(c, (n + 1) * sizeof *c);
                c[n++] = (candidate){sc + (same ? 0.001 : 0), i, j};
            }
        }
    }
    if (n > 1)
        qsort(c, n, sizeof *c, by_score);
    for (size_t k = 0; k < n; k++) {
        item *x = &a->v[c[k].i], *y = &b->v[c[k].j];
        if (x->match >= 0 || y->match >= 0)
            continue;
        x->match = (long)c[k].j;
        y->match = (long)c[k].i;
        x->how = y->how = 3;
    }
    free(c);
}

/* ---- word diff (LCS) ------------------------------------------------------------ */

typedef struct {
    char op;          /* '=', '-', '+' */
    const char *word;
} edit;

static edit *word_diff(const item *x, const item *y, size_t *nedits)
{
    size_t n = x->nwords, m = y->nwords;
    unsigned *len = rec_xmalloc((n + 1) * (m + 1) * sizeof *len);
#define L(i, j) len[(i) * (m + 1) + (j)]
    for (size_t i = n + 1; i-- > 0;)
        for (size_t j = m + 1; j-- > 0;) {
            if (i == n || j == m)
                L(i, j) = 0;
            else if (!strcmp(x->words[i], y->words[j]))
                L(i, j) = L(i + 1, j + 1) + 1;
            else
                L(i, j) = L(i + 1, j) > L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
        }
    edit *e = rec_xmalloc((n + m + 1) * sizeof *e);
    size_t k = 0, i = 0, j = 0;
    while (i < n || j < m) {
        if (i < n && j < m && !strcmp(x->words[i], y->words[j]))
            e[k++] = (edit){'=', x->words[i]}, i++, j++;
        else if (i < n && (j == m || L(i + 1, j) >= L(i, j + 1)))
            e[k++] = (edit){'-', x->words[i]}, i++; /* what went, then what came */
        else
            e[k++] = (edit){'+', y->words[j]}, j++;
    }
#undef L
    free(len);
    *nedits = k;
    return e;
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
    edit *e = word_diff(x, y, &n);
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

static void change(printer *pr, const char *type, const char *recipient, const item *x,
                   const item *y)
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

static bool has(const side *s, const char *recipient)
{
    for (size_t i = 0; i < s->nrecipients; i++)
        if (!strcmp(s->recipients[i], recipient))
            return true;
    return false;
}

bool rec_diff(xmlDocPtr old_doc, xmlDocPtr new_doc, const char *old_name, const char *new_name,
              rec_diff_format format, bool color, FILE *out, rec_diff_stats *st)
{
    side a = {0}, b = {0};
    memset(st, 0, sizeof *st);
    collect(&a, xmlDocGetRootElement(old_doc), NULL);
    collect(&b, xmlDocGetRootElement(new_doc), NULL);
    pair_identical(&a, &b, true);
    pair_identical(&a, &b, false);
    pair_similar(&a, &b);

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
    /* recipients in the new order, then those only the old document had,
     * then items outside any group */
    size_t nwho = 0;
    const char **whos = rec_xmalloc((a.nrecipients + b.nrecipients + 1) * sizeof *whos);
    for (int pass = 0; pass < 2; pass++) {
        const side *s = pass == 0 ? &b : &a;
        for (size_t r = 0; r < s->nrecipients; r++) {
            bool seen = false;
            for (size_t q = 0; q < nwho; q++)
                seen |= !strcmp(whos[q], s->recipients[r]);
            if (!seen)
                whos[nwho++] = s->recipients[r];
        }
    }
    whos[nwho++] = "";
    for (size_t r = 0; r < nwho; r++) {
        const char *who = whos[r];
        bool header = false;
        for (int pass = 0; pass < 2; pass++) {
            /* new side: added, changed, moved; old side: removed */
            const side *s = pass == 0 ? &b : &a;
            for (size_t i = 0; i < s->n; i++) {
                const item *it = &s->v[i];
                if (strcmp(it->recipient, who) != 0)
                    continue;
                const char *type = NULL;
                const item *x = NULL, *y = NULL;
                if (pass == 0 && it->match < 0)
                    type = "added", y = it, st->added++;
                else if (pass == 0 && it->how == 3)
                    type = "changed", x = &a.v[it->match], y = it, st->changed++;
                else if (pass == 0 && it->how == 2)
                    type = "moved", x = &a.v[it->match], y = it, st->moved++;
                else if (pass == 1 && it->match < 0)
                    type = "removed", x = it, st->removed++;
                else if (pass == 0)
                    st->unchanged++;
                if (!type)
                    continue;
                if (!header && !pr.json) {
                    const char *status = !has(&a, who) && *who ? " (new recipient)"
                                         : !has(&b, who) && *who ? " (recipient removed)" : "";
                    fprintf(out, "%s%s%s%s\n", pr.bold, *who ? who : "(no recipient)", pr.off,
                            status);
                    header = true;
                }
                change(&pr, type, who, x, y);
            }
        }
    }
    free(whos);
    for (size_t r = 0; r < b.nrecipients; r++)
        st->recipients_added += !has(&a, b.recipients[r]);
    for (size_t r = 0; r < a.nrecipients; r++)
        st->recipients_removed += !has(&b, a.recipients[r]);
    if (pr.json)
        fprintf(out, "\n],\"summary\":{\"added\":%zu,\"removed\":%zu,\"changed\":%zu,\"moved\":%zu,"
                     "\"unchanged\":%zu,\"recipients_added\":%zu,\"recipients_removed\":%zu}}\n",
                st->added, st->removed, st->changed, st->moved, st->unchanged,
                st->recipients_added, st->recipients_removed);
    side_free(&a);
    side_free(&b);
    return st->added || st->removed || st->changed || st->moved || st->recipients_added ||
           st->recipients_removed;
}
