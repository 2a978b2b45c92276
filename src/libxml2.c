/* SPDX-License-Identifier: MIT */
/* libxml2.c - where rec2xml reaches into libxml2's and libxslt's
 * structures; libxml2.h lists what each piece assumes of them. */
#include "libxml2.h"

#include <libxml/valid.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>

/* ---- 1. positions -------------------------------------------------------- */

#if UINTPTR_MAX > 0xFFFFFFFFu
#define COL_BITS 24
#else
#define COL_BITS 0 /* 32-bit: keep lines only */
#endif

void rec_pos_set(xmlNodePtr node, unsigned long line, unsigned long col)
{
    uintptr_t packed = (uintptr_t)line;
#if COL_BITS
    if (col >= (1ul << COL_BITS))
        col = (1ul << COL_BITS) - 1;
    packed = (uintptr_t)line << COL_BITS | col;
#else
    (void)col;
#endif
    node->_private = (void *)packed;
    node->line = line > 65535 ? 65535 : (unsigned short)line;
}

void rec_pos_get(const xmlNode *node, unsigned long *line, unsigned long *col)
{
    uintptr_t packed = (uintptr_t)node->_private;
    if (packed && node->type == XML_ELEMENT_NODE) {
#if COL_BITS
        *line = (unsigned long)(packed >> COL_BITS);
        *col = (unsigned long)(packed & ((1ul << COL_BITS) - 1));
#else
        *line = packed;
        *col = 0;
#endif
        return;
    }
    long l = xmlGetLineNo(node);
    *line = l > 0 ? (unsigned long)l : 0;
    *col = 0;
}

void rec_pos_copy(xmlNodePtr node, const xmlNode *from)
{
    node->_private = from->_private;
    node->line = from->line;
}

/* ---- 2. dictionaries ----------------------------------------------------- */

void rec_libxml2_doc_dict(xmlDocPtr doc)
{
    doc->dict = xmlDictCreate();
}

void rec_libxml2_ctxt_dict(xmlParserCtxtPtr ctxt, xmlDictPtr dict)
{
    if (!dict)
        return;
    xmlDictFree(ctxt->dict);
    ctxt->dict = dict;
    xmlDictReference(dict);
}

/* ---- 3. ID tables -------------------------------------------------------- */

xmlHashTablePtr rec_libxml2_id_table(const xmlDoc *doc)
{
    if (doc->ids) {
        /* validated: its own ids are counted; a result has about as many
         * again (HTML: one per citation too) */
        int have = xmlHashSize(doc->ids);
        if (have >= 0 && have < INT_MAX / 2)
            return xmlHashCreate(have < 128 ? 256 : 2 * have);
    }
    int n = 0;
    const xmlNode *cur = doc->children;
    while (cur) {
        if (cur->type == XML_ELEMENT_NODE) {
            if (n < INT_MAX)
                n++;
            if (cur->children) {
                cur = cur->children;
                continue;
            }
        }
        while (cur && !cur->next)
            cur = cur->parent && cur->parent != (const xmlNode *)doc ? cur->parent : NULL;
        cur = cur ? cur->next : NULL;
    }
    n /= 2; /* about half are text elements, which have no id */
    return xmlHashCreate(n < 256 ? 256 : n);
}

/* ---- 4. the result document's ID table -----------------------------------
 *
 * libxml2 registers every id attribute of an HTML result and every xml:id of
 * an XML result in the result document's ID table (xmlAddID), as the result
 * tree is built.  Left to itself it creates that table with 256 buckets,
 * keyed through the transformation's dictionary, and libxml2 2.9.14 grows
 * neither past 16,384 buckets: beyond ~50,000 ids each insertion, and every
 * dictionary lookup the transformation makes, walks longer and longer chains.
 *
 * So the result document gets its table before its first id: a table of its
 * own strings (no dictionary), sized for the input.  The result document is
 * created inside xsltApplyStylesheetUser; libxml2's node-creation callback
 * sees it, and the first document created while a table is pending takes
 * it.  The callback has no user data, hence the thread-local pending table.
 * It is installed for the main thread (xmlRegisterNodeDefault) and for every
 * thread started later (xmlThrDefRegisterNodeDefault: libxml2 keeps such
 * settings per thread, and the first only reaches the main one).  Once
 * installed, libxml2 calls it for every node made or freed; it does nothing
 * while no table is pending. */

static _Thread_local xmlHashTablePtr pending_ids;

static void adopt_ids(xmlNodePtr node)
{
    if (pending_ids && (node->type == XML_DOCUMENT_NODE || node->type == XML_HTML_DOCUMENT_NODE)) {
        xmlDocPtr d = (xmlDocPtr)node;
        if (!d->ids) {
            d->ids = pending_ids;
            pending_ids = NULL;
        }
    }
}

void rec_libxml2_result_ids_arm(void)
{
    xmlRegisterNodeDefault(adopt_ids);
    xmlThrDefRegisterNodeDefault(adopt_ids);
}

const xmlHashTable *rec_libxml2_result_ids_expect(const xmlDoc *source)
{
    if (pending_ids)
        xmlHashFree(pending_ids, NULL);
    /* every result id comes from an element of source (an item, a citation...) */
    pending_ids = rec_libxml2_id_table(source);
    return pending_ids;
}

bool rec_libxml2_result_ids_done(void)
{
    if (!pending_ids)
        return true;
    xmlHashFree(pending_ids, NULL); /* no document was created */
    pending_ids = NULL;
    return false;
}

/* ---- 5. validating again ------------------------------------------------- */

/* libxml2 registers an ID only for an attribute not yet typed as one. */
static void forget_id_types(xmlNodePtr n)
{
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr a = n->properties; a; a = a->next)
                a->atype = 0;
            if (n->children)
                forget_id_types(n->children);
        }
        n = n->next;
    }
}

void rec_libxml2_ids_reset(xmlDocPtr doc)
{
    if (doc->ids) {
        xmlFreeIDTable(doc->ids);
        doc->ids = NULL;
        forget_id_types(xmlDocGetRootElement(doc));
    }
    if (doc->refs) {
        xmlFreeRefTable(doc->refs);
        doc->refs = NULL;
    }
    /* RELAX NG registers each xsd:ID in doc->ids: sized for the document */
    doc->ids = rec_libxml2_id_table(doc);
}

void rec_libxml2_plain_idrefs(xmlDocPtr rng)
{
    for (xmlNodePtr n = rng ? xmlDocGetRootElement(rng) : NULL; n;) {
        if (n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)"data")) {
            xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
            if (type && xmlStrEqual(type, (const xmlChar *)"IDREF"))
                xmlSetProp(n, (const xmlChar *)"type", (const xmlChar *)"string");
            xmlFree(type);
        }
        if (n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent;
        if (n)
            n = n->next;
    }
}
