/* SPDX-License-Identifier: MIT */
/* rules.c - the rules of schemas/ that rec2xml applies in C, with hash
 * tables (see rules.h). */
#include "rules.h"

#include <libxml/hash.h>
#include <libxml/valid.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tree.h"
#include "util.h"

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

/* The footnote patterns of rec2xml.sch, applied with hash tables:
 *   duplicate-footnote     not(@label = preceding::r:footnote/@label)
 *   unreferenced-footnote  @id = //r:fnref/@ref   (a warning) */
typedef struct {
    xmlHashTablePtr refs; /* fnref/@ref values */
    xmlNodePtr *notes;    /* footnotes in document order */
    size_t n, cap;
    xmlNodePtr *cites; /* fnrefs in document order */
    size_t ncites, cites_cap;
} footnote_scan;

static void scan_footnotes(footnote_scan *f, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (named(n, "fnref")) {
            xmlChar *ref = xmlGetProp(n, (const xmlChar *)"ref");
            if (ref)
                xmlHashAddEntry(f->refs, ref, n);
            xmlFree(ref);
            if (f->ncites == f->cites_cap) {
                f->cites_cap = f->cites_cap ? 2 * f->cites_cap : 64;
                f->cites = rec_xrealloc(f->cites, f->cites_cap * sizeof *f->cites);
            }
            f->cites[f->ncites++] = n;
        } else if (named(n, "footnote")) {
            if (f->n == f->cap) {
                f->cap = f->cap ? 2 * f->cap : 64;
                f->notes = rec_xrealloc(f->notes, f->cap * sizeof *f->notes);
            }
            f->notes[f->n++] = n;
        }
        scan_footnotes(f, n->children);
    }
}

void rec_rules_footnotes(xmlDocPtr doc, rec_diags *diags)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!root)
        return;
    footnote_scan f = {xmlHashCreate(64), NULL, 0, 0, NULL, 0, 0};
    xmlHashTablePtr labels = xmlHashCreate(64), ids = xmlHashCreate(64);
    scan_footnotes(&f, root->children);
    /* rec2xml.rng: fnref/@ref names a footnote's id (an IDREF); reported
     * once per footnote, at its first reference */
    for (size_t i = 0; i < f.n; i++) {
        xmlChar *id = xmlGetProp(f.notes[i], (const xmlChar *)"id");
        if (id)
            xmlHashAddEntry(ids, id, f.notes[i]);
        xmlFree(id);
    }
    xmlHashTablePtr told = xmlHashCreate(16);
    for (size_t i = 0; i < f.ncites; i++) {
        xmlChar *ref = xmlGetProp(f.cites[i], (const xmlChar *)"ref");
        if (ref && !xmlHashLookup(ids, ref) && xmlHashAddEntry(told, ref, f.cites[i]) == 0) {
            char *label = rec_node_excerpt(f.cites[i]);
            rec_node_diag(diags, f.cites[i], REC_ERROR, REC_KIND_UNDEFINED_FOOTNOTE,
                          "footnote [%s] is never defined", label);
            free(label);
        }
        xmlFree(ref);
    }
    xmlHashFree(told, NULL);
    xmlHashFree(ids, NULL);
    free(f.cites);
    for (size_t i = 0; i < f.n; i++) {
        xmlNodePtr fn = f.notes[i];
        xmlChar *label = xmlGetProp(fn, (const xmlChar *)"label");
        xmlChar *id = xmlGetProp(fn, (const xmlChar *)"id");
        xmlNodePtr first = label ? xmlHashLookup(labels, label) : NULL;
        if (first) {
            unsigned long line = 0, col = 0;
            rec_pos_get(first, &line, &col);
            char where[48] = "";
            if (line)
                snprintf(where, sizeof where, " (first at line %lu)", line);
            rec_node_diag(diags, fn, REC_ERROR, REC_KIND_DUPLICATE_FOOTNOTE,
                          "footnote [%s] is defined twice%s", (const char *)label, where);
        } else if (label) {
            xmlHashAddEntry(labels, label, fn);
        }
        if (!id || !xmlHashLookup(f.refs, id)) {
            rec_node_diag(diags, fn, REC_WARNING, REC_KIND_UNREFERENCED_FOOTNOTE,
                          "footnote [%s] is never referenced", label ? (const char *)label : "");
        }
        xmlFree(label);
        xmlFree(id);
    }
    xmlHashFree(labels, NULL);
    xmlHashFree(f.refs, NULL);
    free(f.notes);
}

/* rec2xml.rng's other references, recipient/@from and item/@topic, are
 * IDREFs like fnref/@ref and are plain text in process with it (see
 * rec_schemas_load): each must still name an id of the document. */
static void references(xmlDocPtr doc, rec_diags *diags, xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const char *attr = named(n, "recipient") ? "from" : named(n, "item") ? "topic" : NULL;
        xmlChar *ref = attr ? xmlGetProp(n, (const xmlChar *)attr) : NULL;
        if (ref && !xmlGetID(doc, ref))
            rec_node_diag(diags, n, REC_ERROR, REC_KIND_INVALID_STRUCTURE,
                          "%s=\"%s\" on <%s> names no element of the document", attr, (const char *)ref,
                          (const char *)n->name);
        xmlFree(ref);
        references(doc, diags, n->children);
    }
}

void rec_rules_references(xmlDocPtr doc, rec_diags *diags)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (root)
        references(doc, diags, root->children);
}
