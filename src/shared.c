/* SPDX-License-Identifier: MIT */
/* shared.c - the built-in documents document() reads, parsed once per
 * thread.
 *
 * Every transformation reads the message catalogue (l10n/en.xml and the
 * document's language): parsing en.xml cost ~400,000 instructions, a fifth
 * of what a small document's HTML costs beyond its own nodes, and it was
 * paid by every format of every file of a batch. libxslt looks for a
 * document in the transformation's list of loaded documents (by URL)
 * before it asks the loader, so each document parsed once here is put in
 * that list before the transformation and taken out again before the
 * context is freed (libxslt frees what the list holds).
 *
 * Each thread has its own copies: libxslt writes into a document it reads
 * (key() marks every node it indexes, node->psvi), so two transformations
 * must not read one document at once. A thread's copies are only ever
 * touched by that thread, and freed with the set once the threads are
 * joined. XPath's document order is stamped once, when a copy is parsed.
 * A stylesheet that strips whitespace (xsl:strip-space) strips loaded
 * documents in place: it gets its own copies, as before. */
#include "shared.h"

#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxslt/documents.h>
#include <libxslt/imports.h>
#include <libxslt/keys.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>

#include "resources.h"
#include "util.h"

#define MAX_DOCS 16    /* the catalogue has seven files */
#define MAX_THREADS 64 /* threads beyond these parse as before */

typedef struct {
    xmlDocPtr doc[MAX_DOCS];
    int n;
} thread_docs;

struct rec_shared_docs {
    thread_docs thread[MAX_THREADS];
};

/* This thread's place in every set: taken on first use, never given back
 * (batch workers live as long as the batch). -1: none left. */
static _Thread_local int slot = -2;
static atomic_int slots_taken;

static thread_docs *mine(rec_shared_docs *s)
{
    if (slot == -2) {
        int k = atomic_fetch_add(&slots_taken, 1);
        slot = k < MAX_THREADS ? k : -1;
    }
    return slot >= 0 ? &s->thread[slot] : NULL;
}

rec_shared_docs *rec_shared_docs_new(void)
{
    return rec_xcalloc(sizeof(rec_shared_docs));
}

void rec_shared_docs_free(rec_shared_docs *s)
{
    if (!s)
        return;
    for (int t = 0; t < MAX_THREADS; t++)
        for (int i = 0; i < s->thread[t].n; i++)
            xmlFreeDoc(s->thread[t].doc[i]);
    free(s);
}

static xmlDocPtr parse(const rec_resource *r, const char *uri)
{
    return xmlReadMemory((const char *)r->data, (int)r->size, uri, NULL,
                         XSLT_PARSE_OPTIONS | XML_PARSE_NONET);
}

xmlDocPtr rec_shared_docs_load(rec_shared_docs *s, const char *uri)
{
    const rec_resource *r = rec_resource_find(uri);
    if (!r)
        return NULL;
    thread_docs *t = mine(s);
    if (!t || t->n == MAX_DOCS)
        return parse(r, uri);
    for (int i = 0; i < t->n; i++)
        if (xmlStrEqual(t->doc[i]->URL, (const xmlChar *)uri))
            return xmlCopyDoc(t->doc[i], 1); /* lent, and still asked for */
    xmlDocPtr doc = parse(r, uri);
    if (!doc)
        return NULL;
    xmlXPathOrderDocElems(doc);
    t->doc[t->n++] = doc;
    return xmlCopyDoc(doc, 1); /* this time: the next ones are lent */
}

void rec_shared_docs_lend(rec_shared_docs *s, xsltTransformContextPtr ctxt)
{
    thread_docs *t = mine(s);
    if (!t || xsltNeedElemSpaceHandling(ctxt))
        return;
    for (int i = 0; i < t->n; i++)
        if (!xsltNewDocument(ctxt, t->doc[i]))
            break;
}

void rec_shared_docs_reclaim(rec_shared_docs *s, xsltTransformContextPtr ctxt)
{
    thread_docs *t = mine(s);
    if (!t)
        return;
    for (xsltDocumentPtr *link = &ctxt->docList; *link;) {
        xsltDocumentPtr d = *link;
        bool lent = false;
        for (int i = 0; i < t->n && !lent; i++)
            lent = d->doc == t->doc[i];
        if (lent) {
            *link = d->next;
            xsltFreeDocumentKeys(d);
            xmlFree(d);
        } else {
            link = &d->next;
        }
    }
}
