/* SPDX-License-Identifier: MIT */
/* floor.c - "the library floor" of issues 6 and 18.
 *
 * Does, in one process, only what libxml2/libxslt must do for rec2xml's job,
 * and gives the same bytes as rec2xml for the documents bench/gen.py writes
 * (bench/run.sh checks that it does):
 *   - a naive text -> DOM pass (one loop over the lines, no PCRE, only the
 *     part of the text format that gen.py writes: headers, items, the four
 *     lead-ins that name an addressee, prose, footnotes);
 *   - validation as rec2xml validates: schemas/rec2xml.rng with its IDREFs
 *     checked through the ID table RELAX NG fills (rec2xml does the same:
 *     libxml2 keeps a note's references in a list it searches on every
 *     append, quadratic in the citations of one note), and of
 *     schemas/rec2xml.sch the patterns rec2xml itself runs through libxml2's
 *     Schematron (the two footnote patterns, quadratic as XPath 1.0, are
 *     applied by rec2xml in C with hash tables, as here);
 *   - the XML written, and the stylesheets of --stylesheets applied the way
 *     xsltproc applies them (compiled once, xsltApplyStylesheet,
 *     xsltSaveResultToFilename), each result written to its file.  bench/run.sh
 *     gives it bench/lean/: stylesheets that write rec2xml's bytes for gen.py's
 *     documents and do nothing else.
 * No diagnostics beyond a line per failure, no positions, no atomic output,
 * no threads: it is the yardstick rec2xml is measured against, not a second
 * implementation.
 *
 * --naive is the floor of issue 6: every Schematron pattern and every IDREF
 * as the schemas write them (bench/run.sh runs it with rec2xml's own
 * stylesheets).  Its Schematron footnote rules cost time quadratic in the
 * footnotes, and most of its time at 1 MB: it measures that handicap more
 * than rec2xml.
 *
 *   floor [-d OUTDIR] [-t xml,html,docbook,csv] [--schemas DIR]
 *         [--stylesheets DIR] [--validate-only] [--naive] [--phases] FILE...
 *
 * --phases prints, on standard error, the time spent in each phase (text to
 * DOM, RELAX NG, Schematron, XML writing, each stylesheet with its writing).
 *
 * OUTDIR/NAME.xml, .html, .dbk, .csv for every FILE (rec2xml's names).
 * Exit 0: all valid; 1: some input invalid (nothing written for it);
 * 2: usage or I/O error.
 *
 * Built by bench/run.sh:
 *   cc -O2 $(pkg-config --cflags libxml-2.0 libxslt libexslt) bench/floor.c \
 *      $(pkg-config --libs libxml-2.0 libxslt libexslt)
 */
#define _POSIX_C_SOURCE 200809L
#include <libexslt/exslt.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/schematron.h>
#include <libxml/tree.h>
#include <libxslt/transform.h>
#include <libxslt/xslt.h>
#include <libxslt/xsltInternals.h>
#include <libxslt/xsltutils.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NS "urn:rec2xml:1.0"
#define MAX_DEPTH 50

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("floor: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        die("out of memory");
    return p;
}

/* ---- the naive text -> DOM pass ---------------------------------------- */

typedef struct {
    unsigned indent;
    char shape[8];
    xmlNodePtr item;
    char id[64];
    unsigned long subitems;
} level;

typedef enum { OPEN_NONE, OPEN_TEXT } open_kind;

typedef struct {
    xmlDocPtr doc;
    xmlNsPtr ns;
    xmlNodePtr root, group;
    char group_id[32];
    unsigned long groups, prose, group_items;
    bool seen_header, have_date;
    bool header_group;      /* the open group has a "To ..." header */
    level stack[MAX_DEPTH];
    size_t depth;
    xmlNodePtr target;      /* element receiving the open block's text */
    bool has_text;
    char *buf;              /* pending text */
    size_t len, cap;
} builder;

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

static void pend(builder *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        b->cap = (b->len + n) * 2;
        b->buf = xrealloc(b->buf, b->cap);
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
}

static void flush(builder *b)
{
    if (b->len && b->target)
        xmlAddChild(b->target, xmlNewDocTextLen(b->doc, (const xmlChar *)b->buf, (int)b->len));
    b->len = 0;
}

static void close_block(builder *b)
{
    flush(b);
    b->target = NULL;
    b->has_text = false;
}

static void open_block(builder *b, xmlNodePtr target)
{
    close_block(b);
    b->target = target;
}

static xmlNodePtr element(builder *b, xmlNodePtr parent, const char *name)
{
    xmlNodePtr e = xmlNewDocNode(b->doc, b->ns, (const xmlChar *)name, NULL);
    xmlAddChild(parent, e);
    return e;
}

static void prop(xmlNodePtr e, const char *name, const char *v, size_t n)
{
    xmlChar *s = xmlStrndup((const xmlChar *)v, (int)n);
    xmlNewProp(e, (const xmlChar *)name, s);
    xmlFree(s);
}

/* "[123]" at s[i]: its length, or 0 */
static size_t fnref_at(const char *s, size_t i, size_t end)
{
    if (s[i] != '[')
        return 0;
    size_t j = i + 1;
    while (j < end && j - i <= 6 && s[j] >= '0' && s[j] <= '9')
        j++;
    return j > i + 1 && j - i - 1 <= 6 && j < end && s[j] == ']' ? j + 1 - i : 0;
}

/* Append s[a, e) (trimmed) to the open block, "[n]" becoming fnref. */
static void append(builder *b, const char *s, size_t a, size_t e)
{
    while (a < e && blank(s[a]))
        a++;
    while (e > a && blank(s[e - 1]))
        e--;
    if (a == e || !b->target)
        return;
    if (b->has_text)
        pend(b, " ", 1);
    b->has_text = true;
    size_t from = a;
    for (size_t i = a; i < e; i++) {
        size_t n = fnref_at(s, i, e);
        if (!n)
            continue;
        pend(b, s + from, i - from);
        flush(b);
        xmlNodePtr ref = element(b, b->target, "fnref");
        char id[16];
        snprintf(id, sizeof id, "fn%.*s", (int)(n - 2), s + i + 1);
        xmlNewProp(ref, (const xmlChar *)"ref", (const xmlChar *)id);
        xmlAddChild(ref, xmlNewDocTextLen(b->doc, (const xmlChar *)s + i + 1, (int)(n - 2)));
        i += n - 1;
        from = i + 1;
    }
    pend(b, s + from, e - from);
}

static const char *const bullets[] = {"\xe2\x80\xa2", "\xc2\xb7", "-", "\xe2\x80\x93",
                                      "\xe2\x80\x94", "*", "o", "\xe2\x97\x8f",
                                      "\xe2\x96\xaa", "\xe2\x97\xa6", NULL};

static bool all_in(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(set, s[i]))
            return false;
    return n > 0;
}

/* Is s[0, n) an item marker?  Sets its shape and numbering. */
static bool marker(builder *b, const char *s, size_t n, unsigned indent, char shape[8],
                   const char **numbering)
{
    for (int k = 0; bullets[k]; k++)
        if (n == strlen(bullets[k]) && memcmp(s, bullets[k], n) == 0) {
            memcpy(shape, s, n);
            shape[n] = '\0';
            *numbering = "bullet";
            return true;
        }
    bool paren = n >= 3 && s[0] == '(';
    if (n < 2 || (s[n - 1] != ')' && s[n - 1] != '.'))
        return false;
    const char *body = s + paren;
    size_t bn = n - 1 - paren;
    if (s[n - 1] == '.' && paren)
        return false;
    if (bn >= 1 && bn <= 3 && all_in(body, bn, "0123456789")) {
        snprintf(shape, 8, "%s1%c", paren ? "(" : "", s[n - 1]);
        *numbering = "arabic";
        return true;
    }
    if (s[n - 1] != ')')
        return false;
    bool upper = body[0] >= 'A' && body[0] <= 'Z';
    bool roman = bn >= 2 && bn <= 7 && all_in(body, bn, upper ? "IVXLC" : "ivxlc");
    if (bn == 1 && strchr("ivxIVX", body[0])) {
        roman = true; /* a lone i, v, x is a letter when it continues letters */
        for (size_t j = b->depth; roman && j-- > 0 && b->stack[j].indent == indent;)
            if (strchr(b->stack[j].shape, upper ? 'A' : 'a'))
                roman = false;
    }
    if (!roman && !(bn == 1 && ((body[0] >= 'a' && body[0] <= 'z') || upper)))
        return false;
    char sym = roman ? (upper ? 'I' : 'i') : (upper ? 'A' : 'a');
    snprintf(shape, 8, "%s%c)", paren ? "(" : "", sym);
    *numbering = roman ? (upper ? "upperroman" : "lowerroman")
                       : (upper ? "upperalpha" : "loweralpha");
    return true;
}

static void add_item(builder *b, const char *s, size_t a, size_t mk_end, size_t e,
                     unsigned indent, const char *shape, const char *numbering)
{
    while (b->depth > 0 && b->stack[b->depth - 1].indent > indent)
        b->depth--;
    if (b->depth > 0 && b->stack[b->depth - 1].indent == indent) {
        size_t j = b->depth;
        while (j > 0 && b->stack[j - 1].indent == indent && strcmp(b->stack[j - 1].shape, shape))
            j--;
        if (j > 0 && b->stack[j - 1].indent == indent)
            b->depth = j - 1;
    }
    if (b->depth >= MAX_DEPTH)
        b->depth = MAX_DEPTH - 1;
    xmlNodePtr parent;
    char id[64];
    if (b->depth > 0) {
        level *up = &b->stack[b->depth - 1];
        parent = up->item;
        snprintf(id, sizeof id, "%s.%lu", up->id, ++up->subitems);
    } else {
        parent = b->group ? b->group : b->root;
        snprintf(id, sizeof id, "%s.%lu", b->group_id, ++b->group_items);
    }
    xmlNodePtr item = element(b, parent, "item");
    xmlNewProp(item, (const xmlChar *)"id", (const xmlChar *)id);
    prop(item, "marker", s + a, mk_end - a);
    xmlNewProp(item, (const xmlChar *)"numbering", (const xmlChar *)numbering);
    level *lv = &b->stack[b->depth++];
    lv->indent = indent;
    snprintf(lv->shape, sizeof lv->shape, "%s", shape);
    lv->item = item;
    memcpy(lv->id, id, sizeof id);
    lv->subitems = 0;
    open_block(b, element(b, item, "text"));
    append(b, s, mk_end, e);
}

/* "To the X:", "TO THE X", "Recommendations to the X": lead length, or 0. */
static size_t header_lead(const char *s, size_t a, size_t e)
{
    static const char *const leads[] = {
        "Recommendations to the ", "Recommendations to ", "Recommendation to the ",
        "Recommendation to ", "To the ", "To The ", "TO THE ", "To ", "TO ", NULL};
    for (int k = 0; leads[k]; k++) {
        size_t n = strlen(leads[k]);
        if (e - a > n && memcmp(s + a, leads[k], n) == 0) {
            char c = s[a + n];
            if (c >= 'a' && c <= 'z' && strncmp(s + a + n, "all ", 4) != 0)
                return 0; /* "To ensure ...": a sentence */
            return n - 1;
        }
    }
    return 0;
}

static void add_header(builder *b, const char *s, size_t a, size_t lead, size_t e)
{
    close_block(b);
    b->depth = 0;
    b->seen_header = true;
    b->header_group = true;
    b->group_items = 0;
    snprintf(b->group_id, sizeof b->group_id, "g%lu", ++b->groups);
    b->group = element(b, b->root, "group");
    xmlNewProp(b->group, (const xmlChar *)"id", (const xmlChar *)b->group_id);
    xmlNodePtr r = element(b, b->group, "recipient");
    prop(r, "lead", s + a, lead);
    while (e > a && blank(s[e - 1]))
        e--;
    if (e > a && s[e - 1] == ':')
        e--;
    open_block(b, r);
    append(b, s, a + lead, e);
}

static const char *const months[] = {"January", "February", "March", "April", "May",
                                     "June", "July", "August", "September", "October",
                                     "November", "December"};

/* "December 9, 2013", "9 December 2013", "2013-12-09" and nothing else. */
static bool date_line(const char *s, size_t a, size_t e, char iso[11])
{
    while (e > a && blank(s[e - 1]))
        e--;
    char line[64];
    if (e - a >= sizeof line)
        return false;
    memcpy(line, s + a, e - a);
    line[e - a] = '\0';
    int y, m = 0, d, n = 0;
    char name[16];
    if (sscanf(line, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == (int)(e - a)) {
    } else if (sscanf(line, "%15[A-Za-z] %d, %4d%n", name, &d, &y, &n) == 3 &&
               n == (int)(e - a)) {
        for (m = 12; m > 0 && strcmp(months[m - 1], name); m--)
            ;
    } else if (sscanf(line, "%d %15[A-Za-z] %4d%n", &d, name, &y, &n) == 3 &&
               n == (int)(e - a)) {
        for (m = 12; m > 0 && strcmp(months[m - 1], name); m--)
            ;
    }
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return false;
    snprintf(iso, 11, "%04d-%02d-%02d", y, m, d);
    return true;
}

/* The lead-ins of bench/gen.py that name their addressee ("We recommend
 * that the authorities:"): the addressee's words, or NULL.  rec2xml reads
 * many more (src/layout.c); these are the ones the workloads hold. */
static const char *leadin(const char *s, size_t a, size_t e, size_t *n)
{
    static const char *const forms[][2] = {
        {"Human Rights Watch urges the ", " to:"},
        {"Human Rights Watch calls on the ", " to take the following steps:"},
        {"We recommend that the ", ":"},
        {"The ", " should:"},
    };
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        size_t pre = strlen(forms[k][0]), post = strlen(forms[k][1]);
        if (e - a > pre + post && memcmp(s + a, forms[k][0], pre) == 0 &&
            memcmp(s + e - post, forms[k][1], post) == 0 &&
            !memchr(s + a + pre, ' ', e - post - a - pre)) {
            *n = e - post - a - pre;
            return s + a + pre;
        }
    }
    return NULL;
}

static void add_prose(builder *b, const char *s, size_t a, size_t e, const char *date)
{
    char id[32];
    snprintf(id, sizeof id, "p%lu", ++b->prose);
    size_t n = 0;
    const char *to = date ? NULL : leadin(s, a, e, &n);
    if (to && !(b->group && b->header_group && b->group_items == 0)) {
        /* a lead-in after items (or outside any group) opens a group of its
         * own, addressed to whom it names */
        b->depth = 0;
        b->group_items = 0;
        b->header_group = false;
        snprintf(b->group_id, sizeof b->group_id, "g%lu", ++b->groups);
        b->group = element(b, b->root, "group");
        xmlNewProp(b->group, (const xmlChar *)"id", (const xmlChar *)b->group_id);
        xmlNodePtr r = element(b, b->group, "recipient");
        xmlNewProp(r, (const xmlChar *)"from", (const xmlChar *)id);
        xmlAddChild(r, xmlNewDocTextLen(b->doc, (const xmlChar *)to, (int)n));
    }
    xmlNodePtr p = element(b, b->group ? b->group : b->root, "prose");
    xmlNewProp(p, (const xmlChar *)"id", (const xmlChar *)id);
    if (to)
        xmlNewProp(p, (const xmlChar *)"role", (const xmlChar *)"leadin");
    if (date) {
        xmlNewProp(p, (const xmlChar *)"date", (const xmlChar *)date);
        xmlNewProp(b->root, (const xmlChar *)"date", (const xmlChar *)date);
    }
    open_block(b, p);
    append(b, s, a, e);
    if (date)
        close_block(b);
}

static void add_footnote(builder *b, const char *s, size_t ref, size_t e)
{
    close_block(b);
    b->group = NULL; /* the notes after the last item: the report's notes */
    b->depth = 0;
    xmlNodePtr fn = element(b, b->root, "footnote");
    char id[16];
    snprintf(id, sizeof id, "fn%.*s", (int)(ref - 2), s + 1);
    xmlNewProp(fn, (const xmlChar *)"id", (const xmlChar *)id);
    prop(fn, "label", s + 1, ref - 2);
    open_block(b, fn);
    append(b, s, ref, e);
}

static void line(builder *b, const char *s, size_t e)
{
    size_t a = 0;
    unsigned indent = 0;
    while (a < e && blank(s[a]))
        indent = s[a++] == '\t' ? (indent / 8 + 1) * 8 : indent + 1;
    if (a == e) {
        close_block(b);
        return;
    }
    size_t ref = fnref_at(s, 0, e);
    if (ref && (ref == e || blank(s[ref]))) {
        add_footnote(b, s, ref, e);
        return;
    }
    size_t t = a;
    while (t < e && !blank(s[t]))
        t++;
    char shape[8];
    const char *numbering;
    if (marker(b, s + a, t - a, indent, shape, &numbering)) {
        add_item(b, s, a, t, e, indent, shape, numbering);
        return;
    }
    size_t lead = header_lead(s, a, e);
    if (lead) {
        add_header(b, s, a, lead, e);
        return;
    }
    if (b->target && b->target->name[0] != 'r') { /* not a recipient */
        append(b, s, a, e);
        return;
    }
    char iso[11];
    if (!b->seen_header && !b->have_date && date_line(s, a, e, iso)) {
        b->have_date = true;
        add_prose(b, s, a, e, iso);
        return;
    }
    add_prose(b, s, a, e, NULL);
}

static xmlDocPtr text_to_dom(const char *path, const char *s, size_t size)
{
    builder b;
    memset(&b, 0, sizeof b);
    b.doc = xmlNewDoc((const xmlChar *)"1.0");
    b.doc->URL = xmlStrdup((const xmlChar *)path);
    b.doc->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    b.root = xmlNewDocNode(b.doc, NULL, (const xmlChar *)"recommendations", NULL);
    b.ns = xmlNewNs(b.root, (const xmlChar *)NS, NULL);
    xmlSetNs(b.root, b.ns);
    xmlDocSetRootElement(b.doc, b.root);
    xmlNewProp(b.root, (const xmlChar *)"version", (const xmlChar *)"1.0");
    xmlNodeSetLang(b.root, (const xmlChar *)"en");
    strcpy(b.group_id, "g0");
    if (size >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
        s += 3, size -= 3;
    for (size_t i = 0; i < size;) {
        const char *nl = memchr(s + i, '\n', size - i);
        size_t e = nl ? (size_t)(nl - s) : size;
        size_t n = e - i;
        if (n && s[e - 1] == '\r')
            n--;
        line(&b, s + i, n);
        i = e + 1;
    }
    close_block(&b);
    free(b.buf);
    /* gen.py writes "To ..." headers: the layout rec2xml states */
    xmlNewProp(b.root, (const xmlChar *)"layout", (const xmlChar *)"headers");
    return b.doc;
}

/* ---- the job ------------------------------------------------------------ */

enum { F_XML, F_HTML, F_DOCBOOK, F_CSV, F_COUNT };
static const char *const fmt_name[F_COUNT] = {"xml", "html", "docbook", "csv"};
static const char *const fmt_ext[F_COUNT] = {"xml", "html", "dbk", "csv"};

static char *slurp(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap)
            buf = xrealloc(buf, cap *= 2);
        size_t got = fread(buf + n, 1, cap - n, f);
        if (!got)
            break;
        n += got;
    }
    bool err = ferror(f);
    fclose(f);
    if (err) {
        free(buf);
        return NULL;
    }
    *size = n;
    return buf;
}

static char *path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* OUTDIR/stem.ext */
static char *out_path(const char *dir, const char *in, const char *ext)
{
    const char *base = strrchr(in, '/');
    base = base ? base + 1 : in;
    const char *dot = strrchr(base, '.');
    int stem = dot && dot != base ? (int)(dot - base) : (int)strlen(base);
    size_t n = strlen(dir) + (size_t)stem + strlen(ext) + 3;
    char *p = xmalloc(n);
    snprintf(p, n, "%s/%.*s.%s", dir, stem, base, ext);
    return p;
}

/* ---- validation as rec2xml does it --------------------------------------- */

/* The IDREFs of rec2xml.rng as plain strings (checked by dangling_refs). */
static void retype_idrefs(xmlNodePtr n)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (xmlStrEqual(n->name, (const xmlChar *)"data")) {
            xmlChar *type = xmlGetProp(n, (const xmlChar *)"type");
            if (type && xmlStrEqual(type, (const xmlChar *)"IDREF"))
                xmlSetProp(n, (const xmlChar *)"type", (const xmlChar *)"string");
            xmlFree(type);
        }
        retype_idrefs(n->children);
    }
}

/* rec2xml.sch without the patterns rec2xml applies in C. */
static void drop_footnote_patterns(xmlDocPtr sch)
{
    xmlNodePtr root = sch ? xmlDocGetRootElement(sch) : NULL;
    for (xmlNodePtr k = root ? root->children : NULL, next; k; k = next) {
        next = k->next;
        xmlChar *id = k->type == XML_ELEMENT_NODE ? xmlGetProp(k, (const xmlChar *)"id") : NULL;
        if (id && (xmlStrEqual(id, (const xmlChar *)"unreferenced-footnote") ||
                   xmlStrEqual(id, (const xmlChar *)"duplicate-footnote"))) {
            xmlUnlinkNode(k);
            xmlFreeNode(k);
        }
        xmlFree(id);
    }
}

/* Every fnref/@ref, recipient/@from and item/@topic names an id that
 * RELAX NG has registered in doc->ids: the number that do not. */
static int dangling_refs(xmlDocPtr doc, xmlNodePtr n)
{
    int bad = 0;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            const char *name = (const char *)a->name;
            if (strcmp(name, "ref") && strcmp(name, "from") && strcmp(name, "topic"))
                continue;
            xmlChar *v = xmlNodeListGetString(doc, a->children, 1);
            if (!v || !xmlGetID(doc, v)) {
                fprintf(stderr, "floor: %s=\"%s\" names no id\n", name, v ? (char *)v : "");
                bad = 1;
            }
            xmlFree(v);
        }
        bad |= dangling_refs(doc, n->children);
    }
    return bad;
}

/* ---- phase timing (--phases) -------------------------------------------- */

enum { PH_PARSE, PH_RNG, PH_SCH, PH_XML, PH_HTML, PH_DOCBOOK, PH_CSV, PH_COUNT };
static const char *const ph_name[PH_COUNT] = {"text to DOM", "RELAX NG", "Schematron",
                                              "XML write", "HTML xslt+write",
                                              "DocBook xslt+write", "CSV xslt+write"};
static double ph_time[PH_COUNT];
static double ph_mark;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void phase_end(int ph)
{
    double t = now();
    ph_time[ph] += t - ph_mark;
    ph_mark = t;
}

static void usage(void)
{
    fputs("usage: floor [-d OUTDIR] [-t xml,html,docbook,csv] [--schemas DIR]\n"
          "             [--stylesheets DIR] [--validate-only] [--naive] [--phases] FILE...\n",
          stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    const char *outdir = ".", *schemas = "schemas", *sheets_dir = "stylesheets";
    const char *formats = "xml,html,docbook,csv";
    bool validate_only = false, phases = false, naive = false;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--validate-only") == 0)
            validate_only = true;
        else if (strcmp(a, "--phases") == 0)
            phases = true;
        else if (strcmp(a, "--naive") == 0)
            naive = true;
        else if (strcmp(a, "-d") == 0 && i + 1 < argc)
            outdir = argv[++i];
        else if (strcmp(a, "-t") == 0 && i + 1 < argc)
            formats = argv[++i];
        else if (strcmp(a, "--schemas") == 0 && i + 1 < argc)
            schemas = argv[++i];
        else if (strcmp(a, "--stylesheets") == 0 && i + 1 < argc)
            sheets_dir = argv[++i];
        else if (strcmp(a, "--") == 0) {
            i++;
            break;
        } else
            usage();
    }
    if (i == argc)
        usage();

    bool want[F_COUNT] = {false};
    for (const char *f = formats; *f;) {
        size_t n = strcspn(f, ",");
        int k = 0;
        while (k < F_COUNT && !(strlen(fmt_name[k]) == n && strncmp(f, fmt_name[k], n) == 0))
            k++;
        if (k == F_COUNT)
            die("unknown format '%.*s'", (int)n, f);
        want[k] = true;
        f += n + (f[n] == ',');
    }

    xmlLineNumbersDefault(1);
    exsltRegisterAll();

    /* compile the schemas and the stylesheets once, as xsltproc would for one file */
    char *rng_path = path_join(schemas, "rec2xml.rng");
    char *sch_path = path_join(schemas, "rec2xml.sch");
    xmlDocPtr rng_doc = xmlReadFile(rng_path, NULL, XML_PARSE_NONET);
    xmlDocPtr sch_doc = xmlReadFile(sch_path, NULL, XML_PARSE_NONET);
    if (!naive) {
        retype_idrefs(rng_doc ? xmlDocGetRootElement(rng_doc) : NULL);
        drop_footnote_patterns(sch_doc);
    }
    xmlRelaxNGParserCtxtPtr rp = rng_doc ? xmlRelaxNGNewDocParserCtxt(rng_doc) : NULL;
    xmlRelaxNGPtr rng = rp ? xmlRelaxNGParse(rp) : NULL;
    xmlRelaxNGFreeParserCtxt(rp);
    xmlSchematronParserCtxtPtr sp = sch_doc ? xmlSchematronNewDocParserCtxt(sch_doc) : NULL;
    xmlSchematronPtr sch = sp ? xmlSchematronParse(sp) : NULL;
    xmlSchematronFreeParserCtxt(sp);
    xmlFreeDoc(rng_doc);
    if (!rng || !sch)
        die("cannot compile %s or %s", rng_path, sch_path);
    xsltStylesheetPtr sheet[F_COUNT] = {NULL};
    if (!validate_only)
        for (int f = F_HTML; f < F_COUNT; f++) {
            if (!want[f])
                continue;
            char name[32];
            snprintf(name, sizeof name, "%s.xsl", fmt_name[f]);
            char *p = path_join(sheets_dir, name);
            sheet[f] = xsltParseStylesheetFile((const xmlChar *)p);
            if (!sheet[f])
                die("cannot compile %s", p);
            free(p);
        }

    int status = 0;
    for (; i < argc; i++) {
        const char *in = argv[i];
        ph_mark = now();
        size_t size;
        char *text = slurp(in, &size);
        if (!text) {
            fprintf(stderr, "floor: cannot read %s\n", in);
            status = 2;
            continue;
        }
        xmlDocPtr doc = text_to_dom(in, text, size);
        free(text);
        phase_end(PH_PARSE);

        xmlRelaxNGValidCtxtPtr rv = xmlRelaxNGNewValidCtxt(rng);
        int bad = xmlRelaxNGValidateDoc(rv, doc);
        xmlRelaxNGFreeValidCtxt(rv);
        if (!naive)
            bad |= dangling_refs(doc, xmlDocGetRootElement(doc));
        phase_end(PH_RNG);
        xmlSchematronValidCtxtPtr sv = xmlSchematronNewValidCtxt(sch, XML_SCHEMATRON_OUT_ERROR);
        bad |= xmlSchematronValidateDoc(sv, doc);
        xmlSchematronFreeValidCtxt(sv);
        phase_end(PH_SCH);
        if (bad) {
            fprintf(stderr, "floor: %s: invalid\n", in);
            if (status == 0)
                status = 1;
        } else if (!validate_only) {
            if (want[F_XML]) {
                char *p = out_path(outdir, in, fmt_ext[F_XML]);
                if (xmlSaveFormatFileEnc(p, doc, "UTF-8", 1) < 0) {
                    fprintf(stderr, "floor: cannot write %s\n", p);
                    status = 2;
                }
                free(p);
                phase_end(PH_XML);
            }
            for (int f = F_HTML; f < F_COUNT; f++) {
                if (!sheet[f])
                    continue;
                char *p = out_path(outdir, in, fmt_ext[f]);
                xmlDocPtr res = xsltApplyStylesheet(sheet[f], doc, NULL);
                if (!res || xsltSaveResultToFilename(p, res, sheet[f], 0) < 0) {
                    fprintf(stderr, "floor: %s: the %s stylesheet failed\n", in, fmt_name[f]);
                    status = 2;
                }
                xmlFreeDoc(res);
                free(p);
                phase_end(PH_XML + f);
            }
        }
        xmlFreeDoc(doc);
        phase_end(PH_PARSE); /* freeing the tree: part of having built it */
    }

    if (phases) {
        double total = 0;
        for (int k = 0; k < PH_COUNT; k++)
            total += ph_time[k];
        for (int k = 0; k < PH_COUNT; k++)
            if (ph_time[k] > 0)
                fprintf(stderr, "floor: %-20s %8.3f s %5.1f %%\n", ph_name[k], ph_time[k],
                        total > 0 ? 100 * ph_time[k] / total : 0);
        fprintf(stderr, "floor: %-20s %8.3f s\n", "total", total);
    }

    for (int f = 0; f < F_COUNT; f++)
        xsltFreeStylesheet(sheet[f]);
    xmlRelaxNGFree(rng);
    xmlSchematronFree(sch);
    xmlFreeDoc(sch_doc); /* the compiled Schematron points into it */
    free(rng_path);
    free(sch_path);
    xsltCleanupGlobals();
    xmlCleanupParser();
    return status;
}
