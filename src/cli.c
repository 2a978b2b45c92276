/* cli.c - options, modes and verdicts. State lives in one options struct. */
#include "cli.h"

#include <getopt.h>
#include <stdarg.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "input.h"
#include "output.h"
#include "util.h"
#include "xmlin.h"

#ifndef REC_VERSION
#define REC_VERSION "0.1.0"
#endif

typedef struct {
    const char *output;      /* -o FILE; NULL: standard output */
    bool check;              /* --check: validate only */
    bool quiet;              /* -q: no summary line */
    bool caret;              /* quote the source line under diagnostics */
    rec_input_options input;
    char **inputs;
    int ninputs;
    mode_t mode;             /* permission bits of new files */
    FILE *err;
} options;

static const char usage_text[] =
    "Usage: rec2xml [OPTION]... FILE...\n"
    "Convert plain-text recommendations (To <recipient> headers, items, footnotes)\n"
    "into validated rec2xml XML. FILE may be '-' for standard input; a FILE named\n"
    "*.xml or starting with '<' is read as rec2xml XML and validated.\n"
    "\n"
    "Modes:\n"
    "  (default)              convert one FILE, write the XML to standard output\n"
    "  -c, --check            validate every FILE, write nothing, print a summary\n"
    "\n"
    "Output:\n"
    "  -o, --output=FILE      write to FILE (replaced whole, or left untouched)\n"
    "\n"
    "Input:\n"
    "  -l, --lang=LANG        language of the text, for xml:lang (default: en)\n"
    "\n"
    "Diagnostics:\n"
    "  -s, --strict, -Werror  treat warnings as errors\n"
    "  -q, --quiet            no summary line with --check\n"
    "\n"
    "Other:\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "Exit status:\n"
    "  0  every input is valid (warnings allowed)\n"
    "  1  some input is invalid; no output was written for it\n"
    "  2  usage, I/O or internal error\n";

static rec_exit usage_error(options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static rec_exit usage_error(options *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(o->err, "rec2xml: ");
    vfprintf(o->err, fmt, ap);
    fprintf(o->err, "\nTry 'rec2xml --help' for more information.\n");
    va_end(ap);
    return REC_EXIT_USAGE;
}

/* Print to standard output and make sure it got there (--help, --version). */
static rec_exit print_stdout(options *o, const char *text)
{
    fputs(text, stdout);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(o->err, "rec2xml: cannot write to standard output\n");
        return REC_EXIT_USAGE;
    }
    return REC_EXIT_OK;
}

static rec_exit parse_options(options *o, int argc, char **argv, bool *done)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"check", no_argument, NULL, 'c'},
        {"lang", required_argument, NULL, 'l'},
        {"strict", no_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    *done = false;
    optind = 0; /* reset: rec_cli_main may run more than once in a process */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:cl:sqhVW:", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 'c': o->check = true; break;
        case 'l': o->input.lang = optarg; break;
        case 's': o->input.strict = true; break;
        case 'q': o->quiet = true; break;
        case 'W':
            if (strcmp(optarg, "error") != 0)
                return usage_error(o, "unknown option '-W%s'", optarg);
            o->input.strict = true;
            break;
        case 'h':
            *done = true;
            return print_stdout(o, usage_text);
        case 'V':
            *done = true;
            return print_stdout(o, "rec2xml " REC_VERSION "\n");
        case ':':
            return usage_error(o, "option '%s' needs an argument", argv[optind - 1]);
        default:
            return usage_error(o, "unknown option '%s'", argv[optind - 1]);
        }
    }
    o->inputs = argv + optind;
    o->ninputs = argc - optind;
    if (o->ninputs == 0)
        return usage_error(o, "no input file");
    if (o->check && o->output)
        return usage_error(o, "--check writes no output; drop '-o %s'", o->output);
    if (!o->check && o->ninputs > 1)
        return usage_error(o, "one input at a time when converting (use --check for several)");
    if (o->input.lang && !*o->input.lang)
        return usage_error(o, "--lang needs a language tag such as 'en' or 'fr'");
    return REC_EXIT_OK;
}

static void report(options *o, const rec_input *in)
{
    const char *shown = strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
    if (in->status == REC_IOERR) {
        fprintf(o->err, "rec2xml: %s\n", in->ioerr);
        return;
    }
    rec_quote_source q = {in->src.bytes + in->src.bom, in->src.size - in->src.bom};
    rec_diags_print(&in->diags, shown, o->caret && !in->is_xml ? &q : NULL, o->err);
}

static int write_xml(options *o, xmlDocPtr doc)
{
    char *err = NULL;
    rec_output *out = rec_output_open(o->output, o->mode, &err);
    if (!out) {
        fprintf(o->err, "rec2xml: %s\n", err);
        free(err);
        return -1;
    }
    xmlOutputBufferPtr buf = rec_output_buffer(out);
    xmlOutputBufferWriteString(buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xmlNodeDumpOutput(buf, doc, xmlDocGetRootElement(doc), 0, 1, "UTF-8");
    xmlOutputBufferWriteString(buf, "\n");
    if (rec_output_commit(out, &err) != 0) {
        fprintf(o->err, "rec2xml: %s\n", err);
        free(err);
        return -1;
    }
    return 0;
}

static rec_exit run(options *o, const rec_engine *engine)
{
    rec_exit worst = REC_EXIT_OK;
    rec_matcher *m = rec_matcher_new(engine->patterns);
    size_t valid = 0, invalid = 0, unreadable = 0, errors = 0, warnings = 0;

    for (int i = 0; i < o->ninputs; i++) {
        rec_input in;
        rec_input_load(&in, engine, m, o->inputs[i], &o->input);
        report(o, &in);
        errors += in.diags.errors;
        warnings += in.diags.warnings;
        if (in.status == REC_IOERR) {
            unreadable++;
            worst = REC_EXIT_USAGE;
        } else if (in.status == REC_INVALID) {
            invalid++;
            if (worst < REC_EXIT_INVALID)
                worst = REC_EXIT_INVALID;
        } else {
            valid++;
            if (!o->check && write_xml(o, in.doc) != 0)
                worst = REC_EXIT_USAGE;
        }
        rec_input_free(&in);
    }
    rec_matcher_free(m);

    if (o->check && !o->quiet) {
        size_t files = valid + invalid + unreadable;
        fprintf(o->err, "rec2xml: %zu file%s checked: %zu valid, %zu invalid",
                files, files == 1 ? "" : "s", valid, invalid);
        if (unreadable)
            fprintf(o->err, ", %zu unreadable", unreadable);
        fprintf(o->err, "; %zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s",
                warnings, warnings == 1 ? "" : "s");
    }
    return worst;
}

rec_exit rec_cli_main(int argc, char **argv, FILE *err)
{
    options o;
    memset(&o, 0, sizeof o);
    o.err = err;
    bool done;
    rec_exit rc = parse_options(&o, argc, argv, &done);
    if (rc != REC_EXIT_OK || done)
        return rc;
    o.caret = isatty(fileno(err));
    o.mode = rec_output_default_mode();

    LIBXML_TEST_VERSION
    rec_xml_deny_external_entities();
    rec_engine engine;
    char *msg = NULL;
    if (rec_engine_init(&engine, &msg) != 0) {
        fprintf(err, "rec2xml: %s\n", msg);
        free(msg);
        return REC_EXIT_USAGE;
    }
    rc = run(&o, &engine);
    rec_engine_free(&engine);
    return rc;
}
