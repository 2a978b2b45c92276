/* SPDX-License-Identifier: MIT */
/* translate.c - apply a translation to the document, segment by segment,
 * refusing every translation that might not fit. */
#include "translate.h"

#include <libxml/hash.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "l10n.h"
#include "trans.h"
#include "tree.h"
#include "lang.h"
#include "util.h"

/* The footnote labels a segment's element cites today, and the footnote
 * each points to: a translation's [n] becomes a reference to the same
 * note. Labels that are symbols (*, †: rec2xml.rng allows them) are found
 * by this list too, since the digit pattern does not see them. */
typedef struct {
    char *label, *ref; /* owned */
} citation;

typedef struct {
    citation *v;
    size_t n, cap;
} citations;

static void citations_of(const xmlNode *container, citations *c)
{
    memset(c, 0, sizeof *c);
    for (const xmlNode *k = container->children; k; k = k->next) {
        if (!rec_node_is(k, "fnref"))
            continue;
        xmlChar *label = xmlNodeGetContent(k), *ref = xmlGetProp(k, (const xmlChar *)"ref");
        c->v = rec_grow(c->v, c->n, &c->cap, sizeof *c->v);
        c->v[c->n].label =
            rec_normalize_space(label ? (const char *)label : "", label ? strlen((const char *)label) : 0);
        c->v[c->n].ref = rec_xstrdup(ref ? (const char *)ref : "");
        c->n++;
        xmlFree(label);
        xmlFree(ref);
    }
}

static void citations_free(citations *c)
{
    for (size_t i = 0; i < c->n; i++) {
        free(c->v[i].label);
        free(c->v[i].ref);
    }
    free(c->v);
}

static bool digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* The next footnote marker in s at or after from: [digits] as the text
 * format writes them, or [symbol] for a symbol label c knows. */
static bool next_marker(rec_matcher *m, const citations *c, const char *s, size_t len, size_t from,
                        rec_span *whole, rec_span *label)
{
    bool found = rec_find_fnref(m, s, len, from, whole, label);
    for (size_t i = 0; c && i < c->n; i++) {
        if (digits(c->v[i].label) || !*c->v[i].label)
            continue;
        char *marker = rec_asprintf("[%s]", c->v[i].label);
        const char *at = strstr(s + from, marker);
        if (at && (!found || (size_t)(at - s) < whole->start)) {
            found = true;
            whole->start = (size_t)(at - s);
            whole->end = whole->start + strlen(marker);
            label->start = whole->start + 1;
            label->end = whole->end - 1;
        }
        free(marker);
    }
    return found;
}

/* The footnote labels cited in s, sorted, joined by commas; caller frees. */
static int by_string(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *cited(rec_matcher *m, const citations *c, const char *s)
{
    char **labels = NULL;
    size_t n = 0, cap = 0, len = strlen(s), at = 0;
    rec_span whole, label;
    while (next_marker(m, c, s, len, at, &whole, &label)) {
        labels = rec_grow(labels, n, &cap, sizeof *labels);
        labels[n++] = rec_xstrndup(s + label.start, label.end - label.start);
        at = whole.end;
    }
    if (n > 1)
        qsort(labels, n, sizeof *labels, by_string);
    rec_buf b = {NULL, 0, 0};
    rec_buf_puts(&b, "");
    for (size_t i = 0; i < n; i++) {
        if (i)
            rec_buf_puts(&b, ",");
        rec_buf_puts(&b, labels[i]);
        free(labels[i]);
    }
    free(labels);
    return b.s;
}

typedef struct {
    const rec_translation *t;
    xmlHashTablePtr by_id, by_source;
    xmlHashTablePtr current; /* the document's segment sources, or NULL */
    rec_matcher *m;
    rec_diags *diags;
    rec_translation_stats *stats;
    const char *lang;       /* the translation's language */
    char *lead_sep;         /* between a header's words and the recipient, in
                                    the source's language (l10n/LANG.xml: lead.sep) */
    xmlHashTablePtr states; /* State name -> its translation (or &ambiguous:
                                    none), once it has been looked up */
    bool noting;            /* the first walk: only note the sources */
} applier;

/* A marker for a source text whose entries disagree on the translation. */
static rec_trans_entry ambiguous;

bool rec_translate_split_header(rec_matcher *m, const char *lang, const char *text, size_t *lead_end)
{
    /* the reader's header words of the translation's language (lang.c) */
    int l = rec_lang_find(lang);
    rec_span lead;
    if (l < 0 || !rec_match_header_words(m, l, text, strlen(text), &lead))
        return false;
    *lead_end = lead.end;
    return true;
}

/* The segment's source text as the exports write it: a recipient header is
 * its words, the separator and the recipient. Caller frees. */
static char *segment_source(const applier *a, const xmlNode *container)
{
    char *text = rec_segment_text(container);
    xmlChar *lead =
        rec_node_is(container, "recipient") ? xmlGetProp(container, (const xmlChar *)"lead") : NULL;
    char *words = lead ? rec_normalize_space((const char *)lead, strlen((const char *)lead)) : NULL;
    xmlFree(lead);
    if (words && *words && *text) {
        char *header = rec_asprintf("%s%s%s", words, a->lead_sep, text);
        free(text);
        text = header;
    }
    free(words);
    return text;
}

static void replace_text(applier *a, xmlNodePtr container, const char *text)
{
    citations c;
    citations_of(container, &c);
    xmlNodePtr k = container->children;
    while (k) {
        xmlNodePtr next = k->next;
        if (!rec_node_is(k, "item")) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
        k = next;
    }
    xmlNodePtr first = container->children; /* sub-items stay after the text */
    size_t len = strlen(text), at = 0;
    rec_span whole, label;
    xmlNsPtr ns = container->ns;
    while (true) {
        bool found = next_marker(a->m, &c, text, len, at, &whole, &label);
        size_t end = found ? whole.start : len;
        if (end > at) {
            xmlNodePtr tn = xmlNewDocTextLen(container->doc, (const xmlChar *)text + at, (int)(end - at));
            first ? xmlAddPrevSibling(first, tn) : xmlAddChild(container, tn);
        }
        if (!found)
            break;
        /* the note this label pointed to in the source (fnx1 for "*"), else
         * the text format's fn + label */
        char *id = rec_footnote_id(text + label.start, label.end - label.start, 0);
        for (size_t i = 0; i < c.n; i++)
            if (strlen(c.v[i].label) == label.end - label.start &&
                memcmp(c.v[i].label, text + label.start, label.end - label.start) == 0 && *c.v[i].ref) {
                free(id);
                id = rec_xstrdup(c.v[i].ref);
                break;
            }
        xmlNodePtr ref = rec_fnref_new(container->doc, ns, id, text + label.start, label.end - label.start);
        free(id);
        rec_pos_copy(ref, container);
        first ? xmlAddPrevSibling(first, ref) : xmlAddChild(container, ref);
        at = whole.end;
    }
    citations_free(&c);
}

/* A recipient header's translation: its words go back into lead when the
 * language's header words are known; otherwise the whole header is the
 * recipient and lead is empty, as for a language whose header is the
 * recipient itself ("Правительству ..."): it stays a header, which the text
 * form writes as its own line, and is not taken for a recipient given on
 * the command line (no lead at all). A derived recipient (from) has no
 * words of its own to split. */
static void replace_recipient(applier *a, xmlNodePtr recipient, const char *header)
{
    size_t end = 0;
    if (!xmlHasProp(recipient, (const xmlChar *)"lead")) {
        replace_text(a, recipient, header);
        return;
    }
    const char *rest = header;
    if (rec_translate_split_header(a->m, a->lang, header, &end) && end > 0 && end < strlen(header)) {
        rest = header + end;
        rest += strspn(rest, " ");
    }
    if (rest != header && *rest) {
        char *words = rec_normalize_space(header, end);
        xmlSetProp(recipient, (const xmlChar *)"lead", (const xmlChar *)words);
        free(words);
        replace_text(a, recipient, rest);
    } else {
        xmlSetProp(recipient, (const xmlChar *)"lead", (const xmlChar *)"");
        replace_text(a, recipient, header);
    }
}

static void segment(applier *a, const char *id, xmlNodePtr container)
{
    rec_translation_stats *st = a->stats;
    unsigned long line, col;
    rec_pos_get(container, &line, &col);
    st->segments++;
    char *source = segment_source(a, container);
    rec_trans_entry *byid = xmlHashLookup(a->by_id, (const xmlChar *)id);
    rec_trans_entry *use = NULL;
    if (byid && strcmp(byid->source, source) == 0)
        use = byid;
    else {
        rec_trans_entry *same = *source ? xmlHashLookup(a->by_source, (const xmlChar *)source) : NULL;
        if (same && same != &ambiguous)
            use = same; /* moved: the id no longer fits, the words do */
    }
    /* an entry whose source is still some segment's (that segment moved
     * here from elsewhere) is not stale: this segment is simply new */
    bool elsewhere = byid && a->current && xmlHashLookup(a->current, (const xmlChar *)byid->source);
    if (!use && byid && !elsewhere) {
        st->stale++;
        rec_diags_add(a->diags, line, col, REC_WARNING, REC_KIND_STALE_TRANSLATION,
                      "the translation of %s (line %lu of %s) is for a text that has changed "
                      "since the export; the source text is kept",
                      id, byid->line, a->t->path);
    } else if (!use || !*use->target || use->fuzzy) {
        st->missing++;
        rec_diags_add(a->diags, line, col, REC_WARNING, REC_KIND_MISSING_TRANSLATION,
                      use && *use->target ? "%s has only a fuzzy translation, not confirmed by the "
                                            "translator; the source text is kept"
                                          : "%s has no translation; the source text is kept",
                      id);
    } else {
        citations c;
        citations_of(container, &c);
        char *want = cited(a->m, &c, source), *got = cited(a->m, &c, use->target);
        citations_free(&c);
        if (strcmp(want, got) != 0) {
            st->broken++;
            rec_diags_add(a->diags, line, col, REC_ERROR, REC_KIND_TRANSLATION_FOOTNOTES,
                          "the translation of %s cites footnotes [%s] where the source cites [%s]; "
                          "the source text is kept",
                          id, got, want);
        } else {
            if (rec_node_is(container, "recipient"))
                replace_recipient(a, container, use->target);
            else
                replace_text(a, container, use->target);
            st->translated++;
        }
        free(want);
        free(got);
    }
    free(source);
}

/* The recommending States an item names (by: "Republic of Korea; Spain")
 * are segments of their own, one per name in the whole document, with the
 * id of their first item + ".by" + rank (segments.xsl). Each name is
 * looked up once, by that id or by its words, and its translation goes
 * into every by that names it; by is rewritten with "; " between names. */
static void states(applier *a, const char *id, xmlNodePtr item)
{
    xmlChar *by = xmlGetProp(item, (const xmlChar *)"by");
    if (!by)
        return;
    rec_translation_stats *st = a->stats;
    rec_buf out = {NULL, 0, 0};
    rec_buf_puts(&out, "");
    size_t rank = 0;
    for (const char *p = (const char *)by; *p;) {
        size_t n = strcspn(p, ";");
        char *name = rec_normalize_space(p, n);
        p += n + (p[n] == ';');
        if (!*name) {
            free(name);
            continue;
        }
        rank++;
        if (a->noting) {
            xmlHashAddEntry(a->current, (const xmlChar *)name, a);
            free(name);
            continue;
        }
        rec_trans_entry *use = xmlHashLookup(a->states, (const xmlChar *)name);
        if (!use) { /* its first item */
            char *state_id = rec_asprintf("%s.by%zu", id, rank);
            rec_trans_entry *byid = xmlHashLookup(a->by_id, (const xmlChar *)state_id);
            if (byid && strcmp(byid->source, name) == 0 && *byid->target && !byid->fuzzy)
                use = byid;
            else
                use = xmlHashLookup(a->by_source, (const xmlChar *)name);
            if (!use || use == &ambiguous) {
                use = &ambiguous;
                unsigned long line, col;
                rec_pos_get(item, &line, &col);
                st->missing++;
                rec_diags_add(a->diags, line, col, REC_WARNING, REC_KIND_MISSING_TRANSLATION,
                              "%s has no translation; the source text is kept", state_id);
            } else {
                st->translated++;
            }
            st->segments++;
            xmlHashAddEntry(a->states, (const xmlChar *)name, use);
            free(state_id);
        }
        if (out.n)
            rec_buf_puts(&out, "; ");
        rec_buf_puts(&out, use != &ambiguous ? use->target : name);
        free(name);
    }
    if (!a->noting)
        xmlSetProp(item, (const xmlChar *)"by", (const xmlChar *)out.s);
    free(out.s);
    xmlFree(by);
}

/* Each segment in document order: id and the element holding its text. */
typedef void (*visit)(applier *a, const char *id, xmlNodePtr container);

static void note_source(applier *a, const char *id, xmlNodePtr container)
{
    (void)id;
    char *source = segment_source(a, container);
    xmlHashAddEntry(a->current, (const xmlChar *)source, a); /* a: any non-NULL */
    free(source);
}

static void walk(applier *a, xmlNodePtr n, const char *group_id, visit fn)
{
    for (xmlNodePtr k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE || !k->ns || !xmlStrEqual(k->ns->href, (const xmlChar *)REC_NS))
            continue;
        xmlChar *id = xmlGetProp(k, (const xmlChar *)"id");
        const char *name = (const char *)k->name;
        if (strcmp(name, "group") == 0) {
            walk(a, k, id ? (const char *)id : "", fn);
        } else if (strcmp(name, "recipient") == 0) {
            fn(a, group_id ? group_id : "", k);
        } else if (strcmp(name, "prose") == 0 || strcmp(name, "footnote") == 0) {
            fn(a, id ? (const char *)id : "", k);
        } else if (strcmp(name, "item") == 0) {
            for (xmlNodePtr c = k->children; c; c = c->next)
                if (rec_node_is(c, "text")) {
                    fn(a, id ? (const char *)id : "", c);
                    break;
                }
            states(a, id ? (const char *)id : "", k);
            walk(a, k, group_id, fn);
        }
        xmlFree(id);
    }
}

void rec_translation_apply(const rec_translation *t, xmlDocPtr doc, const char *lang, rec_matcher *m,
                           rec_diags *diags, rec_translation_stats *stats)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlChar *source_lang = root ? xmlNodeGetLang(root) : NULL;
    char *lead_sep = rec_l10n_message(source_lang ? (const char *)source_lang : "en", "lead.sep");
    xmlFree(source_lang);
    applier a = {t,
                 xmlHashCreate((int)t->n + 1),
                 xmlHashCreate((int)t->n + 1),
                 xmlHashCreate((int)t->n + 1),
                 m,
                 diags,
                 stats,
                 lang,
                 lead_sep ? lead_sep : rec_xstrdup(" "),
                 xmlHashCreate(16),
                 false};
    memset(stats, 0, sizeof *stats);
    for (size_t i = 0; i < t->n; i++) {
        rec_trans_entry *e = &t->v[i];
        if (*e->id)
            xmlHashAddEntry(a.by_id, (const xmlChar *)e->id, e); /* first wins */
        if (!*e->target || e->fuzzy)
            continue;
        rec_trans_entry *prev = xmlHashLookup(a.by_source, (const xmlChar *)e->source);
        if (!prev)
            xmlHashAddEntry(a.by_source, (const xmlChar *)e->source, e);
        else if (prev != &ambiguous && strcmp(prev->target, e->target) != 0)
            xmlHashUpdateEntry(a.by_source, (const xmlChar *)e->source, &ambiguous, NULL);
    }
    if (root) {
        a.noting = true;
        walk(&a, root, NULL, note_source);
        a.noting = false;
        walk(&a, root, NULL, segment);
    }
    if (root && lang)
        xmlNodeSetLang(root, (const xmlChar *)lang);
    xmlHashFree(a.by_id, NULL);
    xmlHashFree(a.by_source, NULL);
    xmlHashFree(a.current, NULL);
    xmlHashFree(a.states, NULL);
    free(a.lead_sep);
}
