/* SPDX-License-Identifier: MIT */
/* validate.c - run the RELAX NG and Schematron schemas and explain what
 * they report; rules.c applies the rules they leave to C. */
#include "validate.h"

#include <libxml/hash.h>
#include <libxml/relaxng.h>
#include <libxml/schematron.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "libxml2.h"
#include "resources.h"
#include "rules.h"
#include "tree.h"
#include "util.h"

#define RNG_NAME "schemas/rec2xml.rng"
#define SCH_NAME "schemas/rec2xml.sch"

struct rec_schemas {
    xmlRelaxNGPtr rng;
    xmlSchematronPtr sch;
    xmlDocPtr sch_doc; /* the compiled Schematron points into it */
};

/* The Schematron patterns rec2xml applies itself, with hash tables: as
 * XPath 1.0 they compare each footnote with the whole document. */
static const char *const rules_in_c[] = {"unreferenced-footnote", "duplicate-footnote"};

/* ---- compiling ----------------------------------------------------------- */

typedef struct {
    char *first; /* the first compile error, owned */
} compile_errors;

static void on_compile_error(void *data, xmlErrorPtr e)
{
    compile_errors *c = data;
    if (!c->first && e->level >= XML_ERR_ERROR)
        c->first = rec_asprintf("%s:%d: %s", e->file ? e->file : "schema", e->line,
                                e->message ? e->message : "error");
}

static xmlDocPtr builtin_doc(const char *name)
{
    const rec_resource *r = rec_resource_find(name);
    if (!r)
        return NULL;
    char *url = rec_asprintf("%s%s", REC_RESOURCE_SCHEME, name);
    xmlDocPtr doc =
        xmlReadMemory((const char *)r->data, (int)r->size, url, NULL, XML_PARSE_NONET | XML_PARSE_NOCDATA);
    free(url);
    return doc;
}

rec_schemas *rec_schemas_load(char **err)
{
    rec_schemas *s = rec_xmalloc(sizeof *s);
    memset(s, 0, sizeof *s);
    compile_errors c = {NULL};
    xmlSetStructuredErrorFunc(&c, on_compile_error);

    xmlDocPtr rng_doc = builtin_doc(RNG_NAME);
    xmlDocPtr sch_doc = builtin_doc(SCH_NAME);
    /* fnref/@ref is an IDREF in rec2xml.rng; RELAX NG would register every
     * citation in a list per note (libxml2.h, 5). In process the rule is
     * applied by rec_rules_footnotes() with hash tables, and the attribute is
     * plain text. */
    rec_libxml2_plain_idrefs(rng_doc);
    xmlRelaxNGParserCtxtPtr rp = rng_doc ? xmlRelaxNGNewDocParserCtxt(rng_doc) : NULL;
    xmlSchematronParserCtxtPtr sp = NULL;
    if (rp) {
        xmlRelaxNGSetParserStructuredErrors(rp, on_compile_error, &c);
        s->rng = xmlRelaxNGParse(rp);
    }
    if (sch_doc) {
        /* leave out the patterns rec_rules_footnotes() applies */
        xmlNodePtr root = xmlDocGetRootElement(sch_doc);
        for (xmlNodePtr k = root ? root->children : NULL, next; k; k = next) {
            next = k->next;
            xmlChar *id = k->type == XML_ELEMENT_NODE ? xmlGetProp(k, (const xmlChar *)"id") : NULL;
            for (size_t i = 0; id && i < sizeof rules_in_c / sizeof *rules_in_c; i++)
                if (xmlStrEqual(id, (const xmlChar *)rules_in_c[i])) {
                    xmlUnlinkNode(k);
                    xmlFreeNode(k);
                    break;
                }
            xmlFree(id);
        }
        sp = xmlSchematronNewDocParserCtxt(sch_doc);
        if (sp)
            s->sch = xmlSchematronParse(sp);
        s->sch_doc = sch_doc;
        sch_doc = NULL;
    }
    xmlSetStructuredErrorFunc(NULL, NULL);
    xmlSchematronFreeParserCtxt(sp);
    xmlRelaxNGFreeParserCtxt(rp);
    xmlFreeDoc(sch_doc);
    xmlFreeDoc(rng_doc);

    if (!s->rng || !s->sch) {
        *err = rec_asprintf("internal error: the built-in schemas do not compile (%s)",
                            c.first ? c.first : "missing from the build");
        free(c.first);
        rec_schemas_free(s);
        return NULL;
    }
    free(c.first);
    return s;
}

void rec_schemas_free(rec_schemas *s)
{
    if (!s)
        return;
    xmlRelaxNGFree(s->rng);
    xmlSchematronFree(s->sch);
    xmlFreeDoc(s->sch_doc);
    free(s);
}

/* ---- capturing what the validators say ----------------------------------- */

typedef struct {
    int domain, code;
    xmlNodePtr node;
    char *str1; /* owned: pattern id, element or attribute name */
    char *str2; /* owned */
} raw_error;

typedef struct {
    raw_error *v;
    size_t n, cap;
} raw_errors;

static void on_validity_error(void *data, xmlErrorPtr e)
{
    raw_errors *r = data;
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 16;
        r->v = rec_xrealloc(r->v, r->cap * sizeof *r->v);
    }
    raw_error *x = &r->v[r->n++];
    x->domain = e->domain;
    x->code = e->code;
    x->node = e->node;
    x->str1 = e->str1 ? rec_xstrdup(e->str1) : NULL;
    x->str2 = e->str2 ? rec_xstrdup(e->str2) : NULL;
}

/* ---- explaining ----------------------------------------------------------- */

static bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, (const xmlChar *)name);
}

static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = n ? xmlGetProp(n, (const xmlChar *)name) : NULL;
    char *s = rec_xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

typedef struct {
    rec_diags *diags;
    xmlDocPtr doc;
} explainer;

/* Does n have a text child with a character other than a blank or NBSP?
 * (the empty-recipient rule of rec2xml.sch) */
static bool has_words(const xmlNode *n)
{
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_TEXT_NODE || !k->content)
            continue;
        for (const unsigned char *c = k->content; *c; c++) {
            if (*c == 0xC2 && c[1] == 0xA0)
                c++;
            else if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
                return true;
        }
    }
    return false;
}

static void explain_duplicate_footnote(explainer *x, const xmlNode *n);

static void explain_schematron(explainer *x, const raw_error *e)
{
    /* a pattern's id is the kind it reports (tests/kinds.sh) */
    const char *pattern = e->str1 ? e->str1 : "schema";
    int kind = rec_kind_index(pattern);
    const xmlNode *n = e->node;
    char *a = NULL;
    xmlNodePtr root = x->doc ? xmlDocGetRootElement(x->doc) : NULL;
    if (kind == REC_KIND_ITEM_WITHOUT_RECIPIENT) {
        /* asserted on the root: point at the first such item, count the rest */
        const xmlNode *first = NULL;
        size_t more = 0;
        for (xmlNodePtr k = root ? root->children : NULL; k; k = k->next)
            if (named(k, "item")) {
                if (!first)
                    first = k;
                else
                    more++;
            }
        const xmlNode *text = first ? xmlFirstElementChild((xmlNodePtr)first) : NULL;
        a = rec_node_excerpt(text ? text : first);
        if (more)
            rec_node_diag(x->diags, first, REC_ERROR, REC_KIND_ITEM_WITHOUT_RECIPIENT,
                          "recommendation \"%s\" has no recipient, nor %s %zu more; add a 'To …' header "
                          "above them",
                          a, more == 1 ? "does" : "do", more);
        else
            rec_node_diag(x->diags, first, REC_ERROR, REC_KIND_ITEM_WITHOUT_RECIPIENT,
                          "recommendation \"%s\" has no recipient; add a 'To …' header above it", a);
    } else if (kind == REC_KIND_EMPTY_GROUP) {
        for (xmlNodePtr g = root ? root->children : NULL; g; g = g->next) {
            if (!named(g, "group"))
                continue;
            bool items = false;
            for (xmlNodePtr k = g->children; k && !items; k = k->next)
                items = named(k, "item");
            if (items)
                continue;
            char *who = rec_node_excerpt(xmlFirstElementChild(g));
            if (who[0])
                rec_node_diag(x->diags, g, REC_ERROR, REC_KIND_EMPTY_GROUP,
                              "recipient \"%s\" has no recommendations under it", who);
            else
                rec_node_diag(x->diags, g, REC_ERROR, REC_KIND_EMPTY_GROUP,
                              "this header has no recommendations under it");
            free(who);
        }
    } else if (kind == REC_KIND_EMPTY_RECIPIENT) {
        for (xmlNodePtr g = root ? root->children : NULL; g; g = g->next) {
            xmlNodePtr r = named(g, "group") ? xmlFirstElementChild(g) : NULL;
            if (!named(r, "recipient") || has_words(r))
                continue;
            rec_node_diag(x->diags, r, REC_ERROR, REC_KIND_EMPTY_RECIPIENT,
                          "this header names no recipient; write who the recommendations are for");
        }
    } else if (kind == REC_KIND_EMPTY_DOCUMENT) {
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_EMPTY_DOCUMENT,
                      "no recommendations found: expected 'To …' headers followed by bulleted or "
                      "numbered items");
    } else {
        /* a pattern added to rec2xml.sch that nothing here explains yet
         * (the footnote patterns are applied by rec_rules_footnotes instead) */
        rec_node_diag(x->diags, n, REC_ERROR, kind >= 0 ? (rec_kind_id)kind : REC_KIND_INVALID_STRUCTURE,
                      "the document breaks the schema rule '%s'", pattern);
    }
    free(a);
}

/* " (first at line N)" for the element that first carried id, or "". */
static void first_at(explainer *x, const xmlNode *n, const char *id, char where[48])
{
    xmlAttrPtr first = id[0] ? xmlGetID(x->doc, (const xmlChar *)id) : NULL;
    unsigned long line = 0, col = 0;
    if (first && first->parent && first->parent != n)
        rec_pos_get(first->parent, &line, &col);
    where[0] = '\0';
    if (line)
        snprintf(where, 48, " (first at line %lu)", line);
}

/* Said by RELAX NG (the id fnN twice) and by Schematron (the label twice):
 * both say the same sentence, and the repeat is dropped when sorting. */
static void explain_duplicate_footnote(explainer *x, const xmlNode *n)
{
    char *label = prop(n, "label");
    char *id = rec_footnote_id(label, strlen(label), 0);
    char where[48];
    first_at(x, n, id, where);
    rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_DUPLICATE_FOOTNOTE, "footnote [%s] is defined twice%s",
                  label, where);
    free(id);
    free(label);
}

static void explain_duplicate_id(explainer *x, const raw_error *e)
{
    const xmlNode *n = e->node;
    char *id = prop(n, "id");
    char *label = prop(n, "label");
    char *expected = rec_footnote_id(label, strlen(label), 0);
    if (named(n, "footnote") && strcmp(id, expected) == 0) {
        explain_duplicate_footnote(x, n);
    } else {
        char where[48];
        first_at(x, n, id, where);
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_DUPLICATE_ID, "id '%s' is used twice%s", id, where);
    }
    free(expected);
    free(label);
    free(id);
}

static void explain_relaxng(explainer *x, const raw_error *e)
{
    const xmlNode *n = e->node;
    /* the element in error, not what the grammar expected there (str1 of
     * an "expecting fnref, got bogus" error names fnref) */
    const char *name = n && n->type == XML_ELEMENT_NODE ? (const char *)n->name : e->str1 ? e->str1 : "?";
    switch (e->code) {
    case XML_RELAXNG_ERR_ATTRVALID:
        /* str1 names the element; libxml2 does not say which attribute */
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_INVALID_STRUCTURE,
                      "<%s> has a missing or invalid attribute (see the vocabulary in the README)",
                      e->str1 ? e->str1 : name);
        break;
    case XML_RELAXNG_ERR_INVALIDATTR:
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_INVALID_STRUCTURE,
                      "attribute '%s' is not allowed on <%s>", e->str1 ? e->str1 : "?", name);
        break;
    case XML_RELAXNG_ERR_NOELEM:
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_INVALID_STRUCTURE, "<%s> is missing in <%s>",
                      e->str1 ? e->str1 : "?", name);
        break;
    case XML_RELAXNG_ERR_DATATYPE:
    case XML_RELAXNG_ERR_VALUE:
    case XML_RELAXNG_ERR_TYPEVAL:
    case XML_RELAXNG_ERR_LIST:
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_INVALID_STRUCTURE,
                      "a value on <%s> is not one rec2xml allows", n ? (const char *)n->name : name);
        break;
    default:
        rec_node_diag(x->diags, n, REC_ERROR, REC_KIND_INVALID_STRUCTURE,
                      "<%s> is not allowed here by the rec2xml schema", name);
        break;
    }
}

void rec_validate(const rec_schemas *s, xmlDocPtr doc, rec_diags *diags)
{
    raw_errors raw = {NULL, 0, 0};
    explainer x = {diags, doc};

    /* A document validated before (and changed since, by a translation)
     * still holds its old id and reference tables, which may point at
     * freed attributes: start afresh, with a table sized for it. */
    rec_libxml2_ids_reset(doc);

    /* libxml2 reports some validity errors through the thread's global
     * handler, the rest through the validator's: catch both. */
    xmlSetStructuredErrorFunc(&raw, on_validity_error);
    xmlRelaxNGValidCtxtPtr rv = xmlRelaxNGNewValidCtxt(s->rng);
    xmlRelaxNGSetValidStructuredErrors(rv, on_validity_error, &raw);
    xmlRelaxNGValidateDoc(rv, doc);
    xmlRelaxNGFreeValidCtxt(rv);

    xmlSchematronValidCtxtPtr sv = xmlSchematronNewValidCtxt(s->sch, XML_SCHEMATRON_OUT_ERROR);
    xmlSchematronSetValidStructuredErrors(sv, on_validity_error, &raw);
    xmlSchematronValidateDoc(sv, doc);
    xmlSchematronFreeValidCtxt(sv);
    xmlSetStructuredErrorFunc(NULL, NULL);
    /* the rules applied in C; the references after RELAX NG, which has
     * registered the document's ids by now */
    rec_rules_footnotes(doc, diags);
    rec_rules_references(doc, diags);

    /* RELAX NG repeats a content error on every ancestor; when something
     * precise was said, the "failed to validate content" echoes add nothing */
    bool precise = false;
    for (size_t i = 0; i < raw.n; i++)
        if (raw.v[i].domain == XML_FROM_RELAXNGV && raw.v[i].code != XML_RELAXNG_ERR_CONTENTVALID)
            precise = true;

    /* no XML_DTD_UNKNOWN_ID: the grammar's IDREFs are strings in process,
     * and rules.c checks the references */
    const xmlNode *last_node = NULL;
    for (size_t i = 0; i < raw.n; i++) {
        raw_error *e = &raw.v[i];
        if (e->code == XML_DTD_ID_REDEFINED || e->code == XML_RELAXNG_ERR_DUPID) {
            explain_duplicate_id(&x, e);
            last_node = e->node; /* RELAX NG goes on about that element */
        } else if (e->domain == XML_FROM_SCHEMATRONV) {
            explain_schematron(&x, e);
        } else if (e->domain == XML_FROM_RELAXNGV) {
            if (e->code == XML_RELAXNG_ERR_CONTENTVALID && precise)
                continue;
            if (e->node && e->node == last_node)
                continue; /* one complaint per element is enough */
            last_node = e->node;
            explain_relaxng(&x, e);
        }
    }
    for (size_t i = 0; i < raw.n; i++) {
        free(raw.v[i].str1);
        free(raw.v[i].str2);
    }
    free(raw.v);
}
