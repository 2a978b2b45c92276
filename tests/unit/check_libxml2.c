/* SPDX-License-Identifier: MIT */
/* check_libxml2.c - what src/libxml2.h assumes of libxml2 and libxslt,
 * checked against the libraries this is built with: an upgrade that breaks
 * one of the facts fails here (make check), not in a user's output.
 *
 * Each check is numbered as the fact in libxml2.h it tests. Some are the
 * reason for a workaround rather than something the code needs (RELAX NG
 * skipping an attribute already typed ID, registering IDREFs): when one of
 * them fails after an upgrade, the workaround may have become useless, and
 * libxml2.h should say so. The bucket counts that make the ID tables worth
 * sizing are not visible through the API; bench/ measures them.
 *
 * Prints "ok ..." or "FAIL ..." per check and "N passed, M failed". */
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/schematron.h>
#include <libxml/valid.h>
#include <libxml/xmlerror.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "libxml2.h"
#include "util.h"

static int passed, failed;

static void check(bool ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void check(bool ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(ok ? "ok " : "FAIL ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    if (ok)
        passed++;
    else
        failed++;
}

static xmlDocPtr parse(const char *xml, int options)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "check.xml", NULL, options | XML_PARSE_NONET);
    if (!doc) {
        fprintf(stderr, "check_libxml2: a built-in document does not parse\n");
        exit(2);
    }
    return doc;
}

static xmlNodePtr first_element(xmlNodePtr n)
{
    while (n && n->type != XML_ELEMENT_NODE)
        n = n->next;
    return n;
}

/* ---- what the validators say -------------------------------------------- */

typedef struct {
    int codes[16];
    char *str1[16];
    int n;
} said;

static void hear(void *data, xmlErrorPtr e)
{
    said *s = data;
    if (s->n < 16) {
        s->codes[s->n] = e->code;
        s->str1[s->n] = e->str1 ? rec_xstrdup(e->str1) : NULL;
        s->n++;
    }
}

static void forget(said *s)
{
    for (int i = 0; i < s->n; i++)
        free(s->str1[i]);
    memset(s, 0, sizeof *s);
}

static bool heard(const said *s, int code)
{
    for (int i = 0; i < s->n; i++)
        if (s->codes[i] == code)
            return true;
    return false;
}

static const char grammar[] =
    "<element name='r' xmlns='http://relaxng.org/ns/structure/1.0'"
    " datatypeLibrary='http://www.w3.org/2001/XMLSchema-datatypes'>"
    "<zeroOrMore><element name='e'><attribute name='id'><data type='ID'/></attribute>"
    "<optional><attribute name='ref'><data type='IDREF'/></attribute></optional>"
    "<text/></element></zeroOrMore></element>";

static xmlRelaxNGPtr compile_grammar(bool plain_idrefs)
{
    xmlDocPtr rng = parse(grammar, 0);
    if (plain_idrefs)
        rec_libxml2_plain_idrefs(rng);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewDocParserCtxt(rng);
    xmlRelaxNGPtr g = xmlRelaxNGParse(pc);
    xmlRelaxNGFreeParserCtxt(pc);
    xmlFreeDoc(rng);
    if (!g) {
        fprintf(stderr, "check_libxml2: the grammar does not compile\n");
        exit(2);
    }
    return g;
}

static int validate(xmlRelaxNGPtr g, xmlDocPtr doc, said *s)
{
    xmlSetStructuredErrorFunc(s, hear); /* a dangling IDREF is said here */
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(g);
    xmlRelaxNGSetValidStructuredErrors(v, hear, s);
    int rc = xmlRelaxNGValidateDoc(v, doc);
    xmlRelaxNGFreeValidCtxt(v);
    xmlSetStructuredErrorFunc(NULL, NULL);
    return rc;
}

/* ---- 1. positions ------------------------------------------------------- */

static void positions(void)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNodePtr e = xmlNewDocNode(doc, NULL, (const xmlChar *)"item", NULL);
    xmlDocSetRootElement(doc, e);
    unsigned long line, col;
    rec_pos_set(e, 70000, 12);
    rec_pos_get(e, &line, &col);
    check(line == 70000 && (col == 12 || sizeof(void *) < 8) && e->line == 65535,
          "1: a position beyond node->line's 65535 is kept whole (got %lu:%lu, line %u)", line, col,
          (unsigned)e->line);
    xmlNodePtr copy = xmlNewDocNode(doc, NULL, (const xmlChar *)"fnref", NULL);
    xmlAddChild(e, copy);
    rec_pos_copy(copy, e);
    rec_pos_get(copy, &line, &col);
    check(line == 70000, "1: rec_pos_copy gives a node the same position");
    xmlFreeDoc(doc);

    /* xmlin.c parses with XML_PARSE_BIG_LINES: a parsed element's line
     * beyond 65535 is still found */
    size_t lines = 70002;
    char *xml = rec_xmalloc(lines * 2 + 64), *o = xml;
    o += sprintf(o, "<r>");
    for (size_t i = 0; i < lines; i++)
        *o++ = '\n';
    sprintf(o, "<e>x</e></r>");
    doc = parse(xml, XML_PARSE_BIG_LINES);
    free(xml);
    e = first_element(xmlDocGetRootElement(doc)->children);
    rec_pos_get(e, &line, &col);
    check(line == lines + 1 && col == 0,
          "1: a parsed element at line %zu is said to be at its line (got %lu)", lines + 1, line);
    xmlFreeDoc(doc);
}

/* _private, where positions live, is left alone by validation and XSLT */
static void positions_survive(void)
{
    xmlDocPtr doc = parse("<r><e id='a'>x</e><e id='b' ref='a'>y</e></r>", 0);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    unsigned long n = 1;
    rec_pos_set(root, n++, 3);
    for (xmlNodePtr k = first_element(root->children); k; k = first_element(k->next))
        rec_pos_set(k, n++, 5);

    xmlRelaxNGPtr g = compile_grammar(false);
    said s = {{0}, {0}, 0};
    validate(g, doc, &s);
    forget(&s);
    xmlRelaxNGFree(g);

    xmlDocPtr sch_doc = parse("<schema xmlns='http://purl.oclc.org/dsdl/schematron'>"
                              "<pattern id='p'><rule context='e'><assert test='@id'>id</assert>"
                              "</rule></pattern></schema>",
                              0);
    xmlSchematronParserCtxtPtr sp = xmlSchematronNewDocParserCtxt(sch_doc);
    xmlSchematronPtr sch = xmlSchematronParse(sp);
    xmlSchematronValidCtxtPtr sv = xmlSchematronNewValidCtxt(sch, XML_SCHEMATRON_OUT_ERROR);
    xmlSchematronValidateDoc(sv, doc);
    xmlSchematronFreeValidCtxt(sv);
    xmlSchematronFree(sch);
    xmlSchematronFreeParserCtxt(sp);
    xmlFreeDoc(sch_doc);

    xmlDocPtr xsl = parse("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                          "<xsl:key name='by' match='e' use='@id'/>"
                          "<xsl:template match='/'><out><xsl:for-each select='//e'>"
                          "<xsl:copy-of select='key(\"by\", @ref)'/><xsl:number/></xsl:for-each>"
                          "</out></xsl:template></xsl:stylesheet>",
                          0);
    xsltStylesheetPtr sheet = xsltParseStylesheetDoc(xsl);
    xmlDocPtr result = sheet ? xsltApplyStylesheet(sheet, doc, NULL) : NULL;
    xmlFreeDoc(result);
    xsltFreeStylesheet(sheet);

    bool kept = true;
    unsigned long line, col, want = 1;
    rec_pos_get(root, &line, &col);
    kept = kept && line == want++ && col == 3;
    for (xmlNodePtr k = first_element(root->children); k; k = first_element(k->next)) {
        rec_pos_get(k, &line, &col);
        kept = kept && line == want++ && col == 5;
    }
    check(kept && sheet, "1: RELAX NG, Schematron and XSLT (keys, xsl:number) leave _private alone");
    xmlFreeDoc(doc);
}

/* ---- 2. dictionaries ---------------------------------------------------- */

static void dictionaries(void)
{
    xmlDocPtr doc = xmlNewDoc((const xmlChar *)"1.0");
    rec_libxml2_doc_dict(doc);
    xmlNodePtr e = xmlNewDocNode(doc, NULL, (const xmlChar *)"item", NULL);
    xmlDocSetRootElement(doc, e);
    xmlAttrPtr a = xmlNewProp(e, (const xmlChar *)"id", (const xmlChar *)"x");
    check(doc->dict && xmlDictOwns(doc->dict, e->name) == 1 && xmlDictOwns(doc->dict, a->name) == 1,
          "2: a new document's names come from the dictionary it was given");
    xmlFreeDoc(doc); /* frees the dictionary: leakcheck and asan would say otherwise */

    xmlDictPtr dict = xmlDictCreate();
    const char xml[] = "<stylesheet/>";
    xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(xml, (int)strlen(xml));
    rec_libxml2_ctxt_dict(ctxt, dict);
    xmlCtxtUseOptions(ctxt, XML_PARSE_NONET); /* as transform.c does */
    xmlParseDocument(ctxt);
    doc = ctxt->myDoc;
    ctxt->myDoc = NULL;
    xmlFreeParserCtxt(ctxt);
    xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
    check(root && doc->dict == dict && xmlDictOwns(dict, root->name) == 1,
          "2: a parser context given a dictionary builds its document on it");
    xmlFreeDoc(doc);
    xmlDictFree(dict);
}

/* ---- 3. ID tables ------------------------------------------------------- */

static void id_tables(void)
{
    xmlDocPtr doc = parse("<r><e id='a'>x</e></r>", 0);
    xmlHashTablePtr t = rec_libxml2_id_table(doc);
    check(t && xmlHashSize(t) == 0, "3: a sized ID table starts empty");
    doc->ids = t;
    xmlNodePtr e = first_element(xmlDocGetRootElement(doc)->children);
    xmlAttrPtr a = xmlHasProp(e, (const xmlChar *)"id");
    xmlIDPtr id = xmlAddID(NULL, doc, (const xmlChar *)"a", a);
    check(id && doc->ids == t && xmlGetID(doc, (const xmlChar *)"a") == a && xmlHashSize(t) == 1,
          "3: xmlAddID and xmlGetID use the table a document was given");
    xmlFreeDoc(doc); /* frees the table */
}

/* ---- 4. result documents ------------------------------------------------ */

static xsltStylesheetPtr sheet_of(const char *method, const char *id_attr)
{
    char *xsl = rec_asprintf("<xsl:stylesheet version='1.0' xmlns:xsl='http://www.w3.org/1999/XSL/Transform'>"
                             "<xsl:output method='%s'/>"
                             "<xsl:template match='/'><html><body><xsl:for-each select='//e'>"
                             "<p><xsl:attribute name='%s'><xsl:value-of select='@id'/></xsl:attribute>"
                             "<xsl:value-of select='.'/></p></xsl:for-each></body></html>"
                             "</xsl:template></xsl:stylesheet>",
                             method, id_attr);
    xsltStylesheetPtr s = xsltParseStylesheetDoc(parse(xsl, 0));
    free(xsl);
    if (!s) {
        fprintf(stderr, "check_libxml2: a built-in stylesheet does not compile\n");
        exit(2);
    }
    return s;
}

typedef struct {
    xsltStylesheetPtr sheet;
    xmlDocPtr source;
    bool taken;
    const xmlHashTable *table;
    xmlDocPtr result;
} run;

static void *apply(void *arg)
{
    run *r = arg;
    r->table = rec_libxml2_result_ids_expect(r->source);
    r->result = xsltApplyStylesheet(r->sheet, r->source, NULL);
    r->taken = rec_libxml2_result_ids_done();
    return NULL;
}

/* the result holds the table prepared for it, with its two ids */
static bool took(const run *r)
{
    return r->taken && r->result && r->result->ids == r->table && xmlHashSize(r->result->ids) == 2 &&
           xmlGetID(r->result, (const xmlChar *)"a") && xmlGetID(r->result, (const xmlChar *)"b");
}

static void result_documents(void)
{
    rec_libxml2_result_ids_arm();
    xmlDocPtr source = parse("<r><e id='a'>x</e><e id='b'>y</e></r>", 0);
    struct {
        const char *method, *attr;
    } cases[] = {{"html", "id"}, {"xml", "xml:id"}};
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        run r = {sheet_of(cases[c].method, cases[c].attr), source, false, NULL, NULL};
        apply(&r);
        check(took(&r), "4: an %s result takes the table prepared for it, and its ids are in it",
              cases[c].method);
        xmlFreeDoc(r.result);

        run t = {r.sheet, source, false, NULL, NULL};
        pthread_t thread;
        bool started = pthread_create(&thread, NULL, apply, &t) == 0;
        if (started)
            pthread_join(thread, NULL);
        check(started && took(&t), "4: ... on a thread started later too (%s)", cases[c].method);
        xmlFreeDoc(t.result);
        xsltFreeStylesheet(r.sheet);
    }
    rec_libxml2_result_ids_expect(source);
    check(!rec_libxml2_result_ids_done(), "4: a table no document took is freed");
    xmlFreeDoc(source);
}

/* ---- 5. validating again ------------------------------------------------ */

static void validating_again(void)
{
    xmlRelaxNGPtr g = compile_grammar(false);
    xmlDocPtr doc = parse("<r><e id='a'>x</e><e id='b' ref='a'>y</e></r>", 0);
    said s = {{0}, {0}, 0};

    xmlHashTablePtr t = rec_libxml2_id_table(doc);
    doc->ids = t;
    int rc = validate(g, doc, &s);
    check(rc == 0 && doc->ids == t && xmlGetID(doc, (const xmlChar *)"a"),
          "5: RELAX NG registers xsd:ID attributes in the table the document has");
    check(doc->refs != NULL, "5: RELAX NG registers IDREFs in doc->refs (why rec2xml.rng's become strings)");
    forget(&s);

    /* the reason for clearing atype */
    xmlFreeIDTable(doc->ids);
    doc->ids = NULL;
    xmlFreeRefTable(doc->refs);
    doc->refs = NULL;
    validate(g, doc, &s);
    check(!xmlGetID(doc, (const xmlChar *)"a"),
          "5: RELAX NG skips an attribute already typed ID (why ids_reset clears atype)");
    forget(&s);
    xmlFreeDoc(doc);

    /* validated, then a translation changed the tree: the second element
     * is gone */
    doc = parse("<r><e id='a'>x</e><e id='b' ref='a'>y</e></r>", 0);
    rec_libxml2_ids_reset(doc);
    validate(g, doc, &s);
    forget(&s);
    xmlNodePtr root = xmlDocGetRootElement(doc);
    xmlNodePtr second = first_element(first_element(root->children)->next);
    xmlUnlinkNode(second);
    xmlFreeNode(second);
    rec_libxml2_ids_reset(doc);
    rc = validate(g, doc, &s);
    xmlAttrPtr a = xmlHasProp(first_element(root->children), (const xmlChar *)"id");
    check(rc == 0 && xmlGetID(doc, (const xmlChar *)"a") == a && !xmlGetID(doc, (const xmlChar *)"b"),
          "5: after ids_reset, validating again registers the ids the tree has now");
    forget(&s);
    xmlFreeDoc(doc);

    doc = parse("<r><e id='a'>x</e><e id='a'>y</e></r>", 0);
    rec_libxml2_ids_reset(doc);
    validate(g, doc, &s);
    check(heard(&s, XML_RELAXNG_ERR_DUPID) || heard(&s, XML_DTD_ID_REDEFINED),
          "5: an id used twice is said as XML_RELAXNG_ERR_DUPID or XML_DTD_ID_REDEFINED");
    forget(&s);
    xmlFreeDoc(doc);
    xmlRelaxNGFree(g);

    g = compile_grammar(true);
    doc = parse("<r><e id='a'>x</e><e id='b' ref='nowhere'>y</e></r>", 0);
    rec_libxml2_ids_reset(doc);
    rc = validate(g, doc, &s);
    check(rc == 0 && !doc->refs && !heard(&s, XML_DTD_UNKNOWN_ID),
          "5: with plain_idrefs the grammar registers no reference (the caller checks them)");
    forget(&s);
    xmlFreeDoc(doc);
    xmlRelaxNGFree(g);
}

/* ---- 6. Schematron ------------------------------------------------------ */

static void schematron(void)
{
    xmlDocPtr sch_doc = parse("<schema xmlns='http://purl.oclc.org/dsdl/schematron'>"
                              "<pattern id='empty-group'><rule context='/r'>"
                              "<assert test='not(e)'>no e</assert></rule></pattern></schema>",
                              0);
    xmlSchematronParserCtxtPtr sp = xmlSchematronNewDocParserCtxt(sch_doc);
    xmlSchematronPtr sch = xmlSchematronParse(sp);
    xmlDocPtr doc = parse("<r><e id='a'>x</e></r>", 0);
    said s = {{0}, {0}, 0};
    xmlSchematronValidCtxtPtr sv = xmlSchematronNewValidCtxt(sch, XML_SCHEMATRON_OUT_ERROR);
    xmlSchematronSetValidStructuredErrors(sv, hear, &s);
    int rc = xmlSchematronValidateDoc(sv, doc);
    check(rc > 0 && s.n == 1 && s.str1[0] && strcmp(s.str1[0], "empty-group") == 0,
          "6: a failed assert says its pattern's id in str1 (got %s)",
          s.n && s.str1[0] ? s.str1[0] : "nothing");
    forget(&s);
    xmlSchematronFreeValidCtxt(sv);
    xmlFreeDoc(doc);
    xmlSchematronFree(sch);
    xmlSchematronFreeParserCtxt(sp);
    xmlFreeDoc(sch_doc);
}

int main(void)
{
    xmlInitParser();
    printf("# libxml2 %s, libxslt %s (libxml2.h was written for 2.9.14 and 1.1.35)\n", xmlParserVersion,
           xsltEngineVersion);
    positions();
    positions_survive();
    dictionaries();
    id_tables();
    result_documents();
    validating_again();
    schematron();
    xsltCleanupGlobals();
    xmlCleanupParser();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
