/* SPDX-License-Identifier: MIT */
/* xmlin.c - parse rec2xml XML input without trusting it. */
#include "xmlin.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <string.h>

#include "util.h"

typedef struct {
    rec_diags *diags;
    xmlParserCtxtPtr ctxt;
    int doctype; /* a DOCTYPE was refused */
    unsigned long doctype_line;
} reader;

/* libxml2 messages end with a newline and start with a capital letter;
 * ours are one lower-case sentence. */
static char *tidy(const char *msg)
{
    char *s = rec_xstrdup(msg ? msg : "unknown error");
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == ' '))
        s[--n] = '\0';
    if (s[0] >= 'A' && s[0] <= 'Z' && !(s[1] >= 'A' && s[1] <= 'Z'))
        s[0] = (char)(s[0] | 0x20);
    return s;
}

static void on_error(void *data, xmlErrorPtr e)
{
    reader *r = data;
    if (r->doctype || e->level == XML_ERR_WARNING || r->diags->errors)
        return; /* the refusal below says it all; after the first fatal
                   error the parser only repeats itself; warnings are not ours */
    char *msg = tidy(e->message);
    rec_diags_add(r->diags, e->line > 0 ? (unsigned long)e->line : 0,
                  e->int2 > 0 ? (unsigned long)e->int2 : 0, REC_ERROR, REC_KIND_XML_SYNTAX,
                  "the XML is not well-formed: %s", msg);
    free(msg);
}

/* The parser calls its structured handler with the parser context. */
static void on_parser_error(void *data, xmlErrorPtr e)
{
    xmlParserCtxtPtr ctxt = data;
    on_error(ctxt->_private, e);
}

/* SAX internalSubset: the document declared a DOCTYPE. Stop right here:
 * entities declared there could expand without bound or read files. */
static void refuse_doctype(void *data, const xmlChar *name, const xmlChar *ext, const xmlChar *sys)
{
    (void)name, (void)ext, (void)sys;
    xmlParserCtxtPtr ctxt = data;
    reader *r = ctxt->_private;
    r->doctype = 1;
    r->doctype_line = (unsigned long)xmlSAX2GetLineNumber(ctxt);
    xmlStopParser(ctxt);
}

/* No rec2xml element has more than a handful of attributes, and libxml2
 * checks a start tag's attributes for duplicates pairwise (quadratic: a
 * tag of 100,000 attributes does not finish). Count them before parsing,
 * skipping comments, CDATA, processing instructions and quoted values;
 * return the line of the first tag with more than MAX_ATTRIBUTES, or 0. */
#define MAX_ATTRIBUTES 256

static const char *skip_past(const char *p, const char *end, const char *stop)
{
    size_t n = strlen(stop);
    for (; p + n <= end; p++)
        if (memcmp(p, stop, n) == 0)
            return p + n;
    return end;
}

static unsigned long crowded_tag(const char *p, const char *end)
{
    unsigned long line = 1;
    while (p < end) {
        if (*p == '\n')
            line++;
        if (*p != '<') {
            p++;
            continue;
        }
        const char *stop = end - p >= 4 && memcmp(p, "<!--", 4) == 0        ? "-->"
                           : end - p >= 9 && memcmp(p, "<![CDATA[", 9) == 0 ? "]]>"
                           : end - p >= 2 && p[1] == '?'                    ? "?>"
                                                                            : NULL;
        if (stop) {
            const char *q = skip_past(p, end, stop);
            for (; p < q; p++)
                line += *p == '\n';
            continue;
        }
        unsigned long at = line, attributes = 0;
        char quote = 0;
        for (p++; p < end && (quote || *p != '>'); p++) {
            line += *p == '\n';
            if (quote)
                quote = *p == quote ? 0 : quote;
            else if (*p == '"' || *p == '\'')
                quote = *p;
            else if (*p == '=' && ++attributes > MAX_ATTRIBUTES)
                return at;
        }
    }
    return 0;
}

/* DEL and the C1 controls are XML characters, but nothing a person typed:
 * the text reader refuses them (control-character), and so does the XML
 * reader, written as bytes or as character references. Returns the first
 * one in s (UTF-8, as libxml2 stores it), or 0. */
static uint32_t control_in(const xmlChar *s)
{
    for (; s && *s; s++) {
        if (*s == 0x7F)
            return 0x7F;
        if (*s == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
            return 0x80 | (s[1] & 0x3F);
    }
    return 0;
}

/* Every text, attribute value, comment and processing instruction of doc,
 * without recursion (documents may be deep): -1 with a diagnostic at the
 * first control character (and the count of the nodes holding others). */
static int refuse_controls(xmlDocPtr doc, rec_diags *diags)
{
    unsigned long count = 0, first_line = 0;
    uint32_t first = 0;
    for (xmlNodePtr n = doc->children; n;) {
        uint32_t c = 0;
        if (n->type == XML_ELEMENT_NODE) {
            for (xmlAttrPtr a = n->properties; a && !c; a = a->next)
                for (xmlNodePtr v = a->children; v && !c; v = v->next)
                    c = control_in(v->content);
        } else {
            c = control_in(n->content);
        }
        if (c && count++ == 0) {
            first = c;
            long l = xmlGetLineNo(n);
            first_line = l > 0 ? (unsigned long)l : 0;
        }
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        while (n && !n->next)
            n = n->parent && n->parent != (xmlNodePtr)doc ? n->parent : NULL;
        n = n ? n->next : NULL;
    }
    if (!count)
        return 0;
    if (count == 1)
        rec_diags_add(diags, first_line, 0, REC_ERROR, REC_KIND_CONTROL_CHARACTER,
                      "control character U+%04X cannot be kept in a document; delete it", (unsigned)first);
    else
        rec_diags_add(diags, first_line, 0, REC_ERROR, REC_KIND_CONTROL_CHARACTER,
                      "control character U+%04X cannot be kept in a document (and in %lu more "
                      "place%s); delete it",
                      (unsigned)first, count - 1, count == 2 ? "" : "s");
    return -1;
}

xmlDocPtr rec_xml_read(const char *bytes, size_t size, const char *url, rec_diags *diags)
{
    unsigned long crowded = crowded_tag(bytes, bytes + size);
    if (crowded) {
        rec_diags_add(diags, crowded, 0, REC_ERROR, REC_KIND_INVALID_STRUCTURE,
                      "an element has more than %d attributes; rec2xml elements have at most a "
                      "few",
                      MAX_ATTRIBUTES);
        return NULL;
    }
    reader r = {diags, NULL, 0, 0};
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_XML_SYNTAX, "out of memory reading the XML");
        return NULL;
    }
    r.ctxt = ctxt;
    ctxt->_private = &r;
    ctxt->sax->internalSubset = refuse_doctype;
    ctxt->sax->serror = on_parser_error;
    ctxt->sax->initialized = XML_SAX2_MAGIC;
    xmlSetStructuredErrorFunc(&r, on_error);
    ctxt->vctxt.error = NULL;
    ctxt->vctxt.warning = NULL;

    if (size > (size_t)2147483647) {
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_XML_SYNTAX, "the XML file is larger than 2 GiB");
        xmlFreeParserCtxt(ctxt);
        return NULL;
    }
    /* no NOENT (it enables external entities), no DTDLOAD/DTDATTR, no
     * XInclude; NONET for good measure; the entity loader denies the rest */
    xmlDocPtr doc =
        xmlCtxtReadMemory(ctxt, bytes, (int)size, url, NULL,
                          XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES | XML_PARSE_NOWARNING);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (r.doctype) {
        rec_diags_add(diags, r.doctype_line, 0, REC_ERROR, REC_KIND_DOCTYPE_NOT_ALLOWED,
                      "a DOCTYPE is not allowed in rec2xml XML (it can declare entities that read "
                      "files or expand without bound); delete it");
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc && !ctxt->wellFormed) {
        xmlFreeDoc(doc);
        doc = NULL;
    } else if (doc && refuse_controls(doc, diags) != 0) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    if (!doc && diags->errors == 0)
        rec_diags_add(diags, 0, 0, REC_ERROR, REC_KIND_XML_SYNTAX, "the XML could not be read");
    xmlFreeParserCtxt(ctxt);
    return doc;
}

/* Every external entity, DTD or schema include is refused: rec2xml loads
 * its schemas and stylesheets from memory and reads only the files it is
 * given. libxml2 reports the failure to load as an error of its own. */
static xmlParserInputPtr deny(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url, (void)id, (void)ctxt;
    return NULL;
}

void rec_xml_deny_external_entities(void)
{
    xmlSetExternalEntityLoader(deny);
}
