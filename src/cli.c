/* SPDX-License-Identifier: MIT */
/* cli.c - options, modes and verdicts. State lives in one options struct. */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <libxml/parser.h>
#include <libxml/xmlsave.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "diff.h"
#include "filelist.h"
#include "input.h"
#include "output.h"
#include "parse.h"
#include "report.h"
#include "tempfile.h"
#include "terminal.h"
#include "transform.h"
#include "translate.h"
#include "tree.h"
#include "util.h"
#include "warnings.h"
#include "xmlin.h"

#ifndef REC_VERSION
#define REC_VERSION "0.1.0"
#endif

typedef struct {
    const char *output;      /* -o FILE; NULL: standard output */
    rec_format format;       /* -t FORMAT (the first, when several) */
    unsigned formats;        /* every -t FORMAT, as bits (1u << format) */
    const char *outdir;      /* -d DIR: batch mode */
    int jobs;                /* -j N */
    bool update;             /* -u */
    const char *stylesheet;  /* --stylesheet FILE: replaces the built-in one */
    const char **params;     /* --param NAME=VALUE as NAME, VALUE, ..., NULL; owned */
    size_t nparams;
    bool force;              /* --force: write output for invalid inputs too */
    const char *translation; /* --translation FILE */
    const char *target_lang; /* --target-lang LANG */
    bool check;              /* --check: validate only */
    bool diff;               /* --diff OLD NEW */
    rec_diff_format diff_format;
    bool quiet;              /* -q: no summary line */
    bool caret;              /* quote the source line under diagnostics */
    bool color_diags;        /* colour the diagnostics (stderr a terminal) */
    rec_report_format report; /* --diagnostics-format */
    FILE *sarif;             /* SARIF results gathered for the final log */
    rec_input_options input;
    char **inputs;
    int ninputs;
    const char *files_from;  /* --files-from FILE */
    bool null;               /* -0: the list's names end with NUL bytes */
    rec_file_list list;      /* what --files-from read; owned */
    char **all_inputs;       /* the operands and the list's names; owned */
    mode_t mode;             /* permission bits of new files */
    rec_color color;         /* --color */
    FILE *err;
    rec_warnings warnings;   /* -W options, --strict */
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
    "  -d, --output-dir=DIR   batch: write DIR/NAME.EXT for every FILE and format\n"
    "      --diff OLD NEW     the recommendations added, removed, changed or moved\n"
    "                         between two versions (exit 1 when any changed)\n"
    "      --diff-format=F    text (default; coloured as --color says) or json\n"
    "\n"
    "Output:\n"
    "  -t, --to=FORMAT[,...]  xml (default), html, docbook, csv, text, xliff\n"
    "                         (several with -d)\n"
    "  -a, --all              with -d: every format\n"
    "  -j, --jobs=N           with -d or --check: N worker threads (default: the\n"
    "                         online CPUs)\n"
    "  -u, --update           with -d: skip outputs as new as their input\n"
    "  -o, --output=FILE      write to FILE (replaced whole, or left untouched)\n"
    "      --stylesheet=FILE  use FILE instead of the built-in stylesheet for FORMAT\n"
    "                         (it may <xsl:import href=\"rec2xml:/stylesheets/FORMAT.xsl\"/>)\n"
    "  -p, --param=NAME=VALUE pass a string parameter to the stylesheet\n"
    "  -f, --force            write the output even when the input is invalid\n"
    "\n"
    "Translation:\n"
    "      --target-lang=LANG the translation's language (XLIFF export, import)\n"
    "  -T, --translation=FILE apply a translated CSV, XLIFF (.xlf) or PO file to the\n"
    "                         one FILE; stale and missing segments keep the source\n"
    "\n"
    "Input:\n"
    "  -l, --lang=LANG        language of the text (ar, en, es, fr, pt, ru, zh and\n"
    "                         their regions); default: detected from the text\n"
    "      --layout=LAYOUT    how the text addresses its recommendations: headers,\n"
    "                         leadins, treaty-body, upr, special-procedures,\n"
    "                         headings, paragraphs; default: detected\n"
    "      --recipient=NAME   the recipient of the items that no header or\n"
    "                         sentence addresses\n"
    "      --files-from=FILE  read more input names from FILE ('-': standard input),\n"
    "                         one per line, or NUL-terminated (with -0, or when FILE\n"
    "                         holds a NUL byte); for batches of any size\n"
    "  -0, --null             the names in --files-from end with NUL bytes\n"
    "      --max-input-size=SIZE\n"
    "                         refuse an input (or translation, or list) larger than\n"
    "                         SIZE bytes; K, M, G suffixes (default: 256M)\n"
    "\n"
    "Diagnostics:\n"
    "  -s, --strict, -Werror  treat warnings as errors\n"
    "  -Wno-KIND, -WKIND      turn the warning KIND off, or on again (-Wno-all,\n"
    "                         -Wall: every warning)\n"
    "  -Werror=KIND           treat the warning KIND as an error\n"
    "      --help-kinds       list the kinds of diagnostics and exit\n"
    "  -q, --quiet            no summary line (--check, -d), no progress line\n"
    "      --diagnostics-format=FORMAT\n"
    "                         gcc (default), json (one object per line), github\n"
    "                         (workflow commands) or sarif (one SARIF 2.1.0 log);\n"
    "                         only gcc adds summary lines\n"
    "      --color=WHEN       colour the diagnostics and --diff's text: auto\n"
    "                         (default: on a terminal, unless NO_COLOR is set),\n"
    "                         always or never\n"
    "\n"
    "Other:\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          show the version and exit\n"
    "\n"
    "Exit status:\n"
    "  0  every input is valid (warnings allowed)\n"
    "  1  some input is invalid; no output was written for it (unless --force)\n"
    "  2  usage, I/O or internal error\n";

static rec_exit usage_error(options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static rec_exit usage_error(options *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = rec_vasprintf(fmt, ap); /* it quotes the command line */
    va_end(ap);
    rec_say(o->err, "%s", msg);
    fprintf(o->err, "Try 'rec2xml --help' for more information.\n");
    free(msg);
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

/* A BCP 47 tag as xml:lang takes it: letters, then -subtags of 1-8
 * letters or digits. */
static bool language_tag(const char *s)
{
    size_t run = 0;
    bool first = true;
    for (; *s; s++) {
        bool alpha = (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z');
        bool digit = *s >= '0' && *s <= '9';
        if (*s == '-') {
            if (run == 0)
                return false;
            run = 0;
            first = false;
        } else if ((alpha || (digit && !first)) && ++run <= 8) {
            continue;
        } else {
            return false;
        }
    }
    return run > 0;
}

/* "300M", "2G", "64KiB", "1048576": bytes, at least one. */
static int parse_size(const char *s, size_t *size)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (end == s || errno || *s == '-')
        return -1;
    unsigned shift = 0;
    switch (*end) {
    case 'k': case 'K': shift = 10; end++; break;
    case 'm': case 'M': shift = 20; end++; break;
    case 'g': case 'G': shift = 30; end++; break;
    default: break;
    }
    if (shift && strcmp(end, "iB") == 0)
        end += 2;
    else if (shift && *end == 'B')
        end++;
    if (*end || n == 0 || n > (SIZE_MAX >> shift))
        return -1;
    *size = (size_t)n << shift;
    return 0;
}

/* The operands, then the names --files-from lists, as o->inputs. */
static rec_exit add_listed_inputs(options *o)
{
    char *err = NULL;
    if (rec_file_list_read(&o->list, o->files_from, o->null, o->input.max_size, &err) != 0) {
        rec_say(o->err, "--files-from: %s", err);
        free(err);
        return REC_EXIT_USAGE;
    }
    size_t total = (size_t)o->ninputs + o->list.n;
    if (total > INT_MAX)
        return usage_error(o, "--files-from lists more than %d names", INT_MAX);
    o->all_inputs = rec_xmalloc((total + 1) * sizeof *o->all_inputs);
    memcpy(o->all_inputs, o->inputs, (size_t)o->ninputs * sizeof *o->inputs);
    memcpy(o->all_inputs + o->ninputs, o->list.names, o->list.n * sizeof *o->list.names);
    o->all_inputs[total] = NULL;
    o->inputs = o->all_inputs;
    o->ninputs = (int)total;
    if (strcmp(o->files_from, "-") == 0)
        for (int i = 0; i < o->ninputs; i++)
            if (strcmp(o->inputs[i], "-") == 0)
                return usage_error(o, "standard input holds the --files-from list; it cannot "
                                      "be an input too");
    return REC_EXIT_OK;
}

static rec_exit parse_options(options *o, int argc, char **argv, bool *done)
{
    static const struct option longopts[] = {
        {"output", required_argument, NULL, 'o'},
        {"to", required_argument, NULL, 't'},
        {"output-dir", required_argument, NULL, 'd'},
        {"all", no_argument, NULL, 'a'},
        {"jobs", required_argument, NULL, 'j'},
        {"update", no_argument, NULL, 'u'},
        {"stylesheet", required_argument, NULL, 'S'},
        {"param", required_argument, NULL, 'p'},
        {"force", no_argument, NULL, 'f'},
        {"translation", required_argument, NULL, 'T'},
        {"target-lang", required_argument, NULL, 'L'},
        {"check", no_argument, NULL, 'c'},
        {"lang", required_argument, NULL, 'l'},
        {"layout", required_argument, NULL, 'Y'},
        {"recipient", required_argument, NULL, 'R'},
        {"strict", no_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"diagnostics-format", required_argument, NULL, 'D'},
        {"color", required_argument, NULL, 'C'},
        {"diff", no_argument, NULL, 'F'},
        {"diff-format", required_argument, NULL, 'G'},
        {"files-from", required_argument, NULL, 'I'},
        {"null", no_argument, NULL, '0'},
        {"max-input-size", required_argument, NULL, 'M'},
        {"help", no_argument, NULL, 'h'},
        {"help-kinds", no_argument, NULL, 'K'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    int c;
    *done = false;
    o->input.max_size = REC_MAX_INPUT_DEFAULT;
    rec_warnings_init(&o->warnings);
    o->input.warnings = &o->warnings;
    optind = 0; /* reset: rec_cli_main may run more than once in a process */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:t:d:aj:up:fT:cl:sqhVW:0", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->output = optarg; break;
        case 't':
            for (char *name = strtok(optarg, ","); name; name = strtok(NULL, ",")) {
                int f = rec_format_parse(name);
                if (f < 0)
                    return usage_error(o, "unknown format '%s' (xml, html, docbook, csv, text, xliff)",
                                       name);
                if (!o->formats)
                    o->format = (rec_format)f;
                o->formats |= 1u << f;
            }
            break;
        case 'd': o->outdir = optarg; break;
        case 'a': o->formats = (1u << REC_FMT_COUNT) - 1; break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256)
                return usage_error(o, "--jobs takes a number from 1 to 256, not '%s'", optarg);
            o->jobs = (int)j;
            break;
        }
        case 'u': o->update = true; break;
        case 'S': o->stylesheet = optarg; break;
        case 'p': {
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg)
                return usage_error(o, "--param takes NAME=VALUE, not '%s'", optarg);
            *eq = '\0'; /* argv is ours to split */
            o->params = rec_xrealloc(o->params, (o->nparams + 3) * sizeof *o->params);
            o->params[o->nparams++] = optarg;
            o->params[o->nparams++] = eq + 1;
            o->params[o->nparams] = NULL;
            break;
        }
        case 'f': o->force = true; break;
        case 'T': o->translation = optarg; break;
        case 'L': o->target_lang = optarg; break;
        case 'c': o->check = true; break;
        case 'l': o->input.lang = optarg; break;
        case 'Y':
            if (!rec_parse_layout_known(optarg))
                return usage_error(o, "unknown layout '%s' (headers, leadins, treaty-body, upr, "
                                      "special-procedures, headings, paragraphs)", optarg);
            o->input.layout = optarg;
            break;
        case 'R':
            if (!*optarg)
                return usage_error(o, "--recipient needs a name");
            o->input.recipient = optarg;
            break;
        case 's': o->warnings.errors = true; break;
        case 'q': o->quiet = true; break;
        case 'F': o->diff = true; break;
        case 'I': o->files_from = optarg; break;
        case '0': o->null = true; break;
        case 'M':
            if (parse_size(optarg, &o->input.max_size) != 0)
                return usage_error(o, "--max-input-size takes a size such as 300M, 2G or "
                                      "1048576 (bytes), not '%s'", optarg);
            break;
        case 'G':
            if (strcmp(optarg, "json") == 0)
                o->diff_format = REC_DIFF_JSON;
            else if (strcmp(optarg, "text") == 0)
                o->diff_format = REC_DIFF_TEXT;
            else
                return usage_error(o, "unknown diff format '%s' (text, json)", optarg);
            break;
        case 'C': {
            int when = rec_color_parse(optarg);
            if (when < 0)
                return usage_error(o, "--color takes auto, always or never, not '%s'", optarg);
            o->color = (rec_color)when;
            break;
        }
        case 'D': {
            int f = rec_report_format_parse(optarg);
            if (f < 0)
                return usage_error(o, "unknown diagnostics format '%s' (gcc, json, github, sarif)",
                                   optarg);
            o->report = (rec_report_format)f;
            break;
        }
        case 'W': {
            char *msg = NULL;
            if (rec_warnings_option(&o->warnings, optarg, &msg) != 0) {
                rec_exit rc = usage_error(o, "%s", msg);
                free(msg);
                return rc;
            }
            break;
        }
        case 'h':
            *done = true;
            return print_stdout(o, usage_text);
        case 'V':
            *done = true;
            return print_stdout(o, "rec2xml " REC_VERSION "\n");
        case 'K':
            *done = true;
            rec_kinds_print(stdout);
            return print_stdout(o, "");
        case ':':
            return usage_error(o, "option '%s' needs an argument", argv[optind - 1]);
        default:
            return usage_error(o, "unknown option '%s'", argv[optind - 1]);
        }
    }
    o->inputs = argv + optind;
    o->ninputs = argc - optind;
    if (o->null && !o->files_from)
        return usage_error(o, "-0 tells how the names in --files-from end: give --files-from too");
    if (o->files_from && add_listed_inputs(o) != REC_EXIT_OK)
        return REC_EXIT_USAGE;
    if (o->ninputs == 0)
        return usage_error(o, "no input file");
    if (o->check && o->output)
        return usage_error(o, "--check writes no output; drop '-o %s'", o->output);
    if (o->stylesheet && o->format == REC_FMT_XML)
        return usage_error(o, "--stylesheet replaces the stylesheet of a format: give -t FORMAT too");
    if (o->diff && (o->ninputs != 2 || o->check || o->outdir || o->output))
        return usage_error(o, "--diff compares two files: rec2xml --diff OLD NEW");
    if (o->diff && o->report == REC_REPORT_JSON)
        o->diff_format = REC_DIFF_JSON;
    if (!o->formats)
        o->formats = 1u << REC_FMT_XML;
    if (o->outdir && (o->check || o->output))
        return usage_error(o, "-d writes one file per input and format: drop %s",
                           o->check ? "--check" : "-o");
    if (!o->outdir && !o->check && !o->diff && o->ninputs > 1)
        return usage_error(o, "one input at a time when converting (use -d DIR or --check for several)");
    if (!o->outdir && (o->formats & (o->formats - 1)))
        return usage_error(o, "several formats need -d DIR");
    if (!o->outdir && (o->update || (o->jobs && !o->check)))
        return usage_error(o, "--update goes with -d DIR, --jobs with -d DIR or --check");
    if (o->target_lang && !o->translation) {
        /* the XLIFF export names its target language */
        o->params = rec_xrealloc(o->params, (o->nparams + 3) * sizeof *o->params);
        o->params[o->nparams++] = "target-lang";
        o->params[o->nparams++] = o->target_lang;
        o->params[o->nparams] = NULL;
    }
    if (o->translation && (o->outdir || o->check || o->ninputs != 1))
        return usage_error(o, "--translation applies to one input converted to one output");
    if (o->stylesheet && (o->formats & (o->formats - 1)))
        return usage_error(o, "--stylesheet replaces the stylesheet of one format: give one -t");
    if (o->input.lang && !language_tag(o->input.lang))
        return usage_error(o, "--lang needs a language tag such as 'en' or 'pt-BR', not '%s'",
                           o->input.lang);
    if (o->target_lang && !language_tag(o->target_lang))
        return usage_error(o, "--target-lang needs a language tag such as 'fr', not '%s'",
                           o->target_lang);
    return REC_EXIT_OK;
}

/* Where diagnostics go: standard error, or the SARIF results gathered
 * for one log at the end. */
static FILE *diag_stream(options *o)
{
    return o->report == REC_REPORT_SARIF ? o->sarif : o->err;
}

static void report(options *o, const rec_input *in)
{
    const char *shown = strcmp(in->path, "-") == 0 ? "<stdin>" : in->path;
    rec_quote_source q = {in->src.bytes ? in->src.bytes + in->src.bom : NULL,
                          in->src.size - in->src.bom};
    rec_report(o->report, diag_stream(o), shown, &in->diags,
               o->caret && !in->is_xml && q.bytes ? &q : NULL, o->color_diags);
}

/* Write in's document in the chosen format to -o or standard output.
 * Returns 0, or -1 when nothing (complete) was written. */
static int convert(options *o, const rec_stylesheets *sheets, rec_input *in)
{
    char *err = NULL;
    rec_output *out = rec_output_open(AT_FDCWD, NULL, o->output, o->mode, &err);
    if (out && rec_transform(sheets, o->format, in->doc, o->params, out, &in->diags) != 0) {
        rec_output_abort(out);
        return -1;
    }
    if (!out || rec_output_commit(out, &err) != 0) {
        rec_diags_add(&in->diags, 0, 0, REC_ERROR, REC_KIND_IO_ERROR, "%s", err);
        free(err);
        return -1;
    }
    return 0;
}

/* Put the translation into in's document and judge it again. Returns 0, or
 * -1 when the translated document has errors (in.status says so). */
static int apply_translation(options *o, const rec_translation *t, rec_matcher *m,
                             const rec_engine *engine, rec_input *in)
{
    const char *lang = o->target_lang ? o->target_lang : rec_translation_lang(t);
    rec_translation_stats st = {0, 0, 0, 0, 0};
    size_t errors = in->diags.errors;
    rec_translation_apply(t, in->doc, lang, m, &in->diags, &st);
    rec_tree_settle(xmlDocGetRootElement(in->doc));
    rec_validate(engine->schemas, in->doc, &in->diags);
    rec_warnings_apply(&o->warnings, &in->diags);
    rec_diags_sort(&in->diags);
    /* what the reader guessed about the file (a CSV separated by ';') is
     * said here: it is not a problem, so not a diagnostic, which are
     * warnings or errors that --strict, the counts and the exit status
     * weigh; this line is the import's own account */
    const char *note = rec_translation_note(t);
    if (!o->quiet && o->report == REC_REPORT_GCC)
        rec_say(o->err, "%s: %zu/%zu segments translated, %zu stale, %zu missing%s%s%s",
                o->translation, st.translated, st.segments, st.stale, st.missing,
                st.broken ? ", some with broken footnote references" : "", note ? "; " : "",
                note ? note : "");
    if (in->diags.errors > errors) {
        in->status = REC_INVALID;
        return -1;
    }
    return 0;
}

/* Would -o FILE overwrite the input itself? Input files are never modified;
 * standard input is the file it was opened on (rec2xml - -o f.txt < f.txt). */
static bool output_is_input(const options *o)
{
    struct stat in, out;
    if (!o->output || strcmp(o->output, "-") == 0 || o->ninputs != 1)
        return false;
    int got = strcmp(o->inputs[0], "-") == 0 ? fstat(STDIN_FILENO, &in) : stat(o->inputs[0], &in);
    return got == 0 && stat(o->output, &out) == 0 && S_ISREG(out.st_mode) &&
           in.st_dev == out.st_dev && in.st_ino == out.st_ino;
}

static rec_exit run(options *o, const rec_engine *engine, const rec_stylesheets *sheets)
{
    rec_exit worst = REC_EXIT_OK;
    if (!o->check && output_is_input(o)) {
        rec_say(o->err, "'%s' is the input itself; rec2xml never overwrites its input", o->output);
        return REC_EXIT_USAGE;
    }
    rec_matcher *m = rec_matcher_new(engine->patterns);
    rec_translation *translation = NULL;
    if (o->translation) {
        rec_diags td;
        rec_diags_init(&td);
        translation = rec_translation_read(o->translation, o->input.max_size, &td);
        rec_diags_sort(&td);
        rec_report(o->report, diag_stream(o), o->translation, &td, NULL, o->color_diags);
        rec_diags_clear(&td);
        if (!translation) {
            rec_matcher_free(m);
            return REC_EXIT_USAGE;
        }
        const char *declared = rec_translation_lang(translation);
        if (!o->target_lang && declared && !language_tag(declared)) {
            rec_say(o->err, "%s says its language is '%s', which is not a language tag; "
                            "give --target-lang", o->translation, declared);
            rec_translation_free(translation);
            rec_matcher_free(m);
            return REC_EXIT_USAGE;
        }
        if (!o->target_lang && !declared) {
            rec_say(o->err, "%s does not say its language; give --target-lang", o->translation);
            rec_translation_free(translation);
            rec_matcher_free(m);
            return REC_EXIT_USAGE;
        }
    }
    size_t valid = 0, invalid = 0, unreadable = 0, errors = 0, warnings = 0;

    for (int i = 0; i < o->ninputs; i++) {
        rec_input in;
        rec_exit verdict = REC_EXIT_OK;
        rec_input_load(&in, engine, m, o->inputs[i], &o->input);
        if (in.status == REC_IOERR) {
            unreadable++;
            verdict = REC_EXIT_USAGE;
        } else {
            if (in.status == REC_INVALID) {
                invalid++;
                verdict = REC_EXIT_INVALID;
            } else {
                valid++;
            }
            if (translation && in.doc && (in.status == REC_OK || o->force) &&
                apply_translation(o, translation, m, engine, &in) != 0 && verdict < REC_EXIT_INVALID) {
                verdict = REC_EXIT_INVALID;
                invalid++, valid--;
            }
            bool writable = in.doc && (in.status == REC_OK || o->force);
            if (!o->check && writable) {
                size_t before = in.diags.n;
                if (convert(o, sheets, &in) != 0) {
                    bool io = in.diags.n > before &&
                              strcmp(in.diags.v[in.diags.n - 1].kind, "io-error") == 0;
                    verdict = io ? REC_EXIT_USAGE : REC_EXIT_INVALID;
                }
                /* a stylesheet's xsl:message comes after the verdict: it
                 * can be turned off, not made an error */
                rec_warnings_filter(&o->warnings, &in.diags);
            }
        }
        report(o, &in);
        errors += in.diags.errors;
        warnings += in.diags.warnings;
        if (verdict > worst)
            worst = verdict;
        rec_input_free(&in);
    }
    rec_translation_free(translation);
    rec_matcher_free(m);

    if (o->check && !o->quiet && o->report == REC_REPORT_GCC) {
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

/* --diff OLD NEW: 0 no change in the recommendations, 1 changes, 2 when a
 * file cannot be read or parsed. Each document is freed once its items are
 * collected: only one tree is in memory at a time. */
static rec_exit diff(options *o, const rec_engine *engine)
{
    rec_matcher *m = rec_matcher_new(engine->patterns);
    rec_differ *d = rec_differ_new();
    rec_exit rc = REC_EXIT_OK;
    for (int i = 0; i < 2; i++) {
        rec_input in;
        rec_input_load(&in, engine, m, o->inputs[i], &o->input);
        if (in.doc) {
            rec_differ_add(d, i, in.doc);
        } else {
            report(o, &in);
            rc = REC_EXIT_USAGE;
        }
        rec_input_free(&in);
    }
    rec_matcher_free(m);
    if (rc == REC_EXIT_OK) {
        rec_diff_stats st;
        bool color = o->diff_format == REC_DIFF_TEXT && rec_color_wanted(o->color, STDOUT_FILENO);
        bool changed = rec_differ_report(d, o->inputs[0], o->inputs[1], o->diff_format, color,
                                         stdout, &st);
        if (fflush(stdout) != 0 || ferror(stdout)) {
            rec_say(o->err, "cannot write to standard output");
            rc = REC_EXIT_USAGE;
        } else {
            rc = changed ? REC_EXIT_INVALID : REC_EXIT_OK;
        }
        if (!o->quiet && o->diff_format == REC_DIFF_TEXT)
            fprintf(o->err, "rec2xml: %zu added, %zu removed, %zu changed, %zu moved, "
                            "%zu unchanged\n",
                    st.added, st.removed, st.changed, st.moved, st.unchanged);
    }
    rec_differ_free(d);
    return rc;
}

rec_exit rec_cli_main(int argc, char **argv, FILE *err)
{
    options o;
    memset(&o, 0, sizeof o);
    o.err = err;
    bool done;
    rec_stylesheets *sheets = NULL;
    rec_engine engine;
    memset(&engine, 0, sizeof engine);
    rec_diags sheet_diags;
    rec_diags_init(&sheet_diags);
    char *sarif_text = NULL;
    size_t sarif_len = 0;

    rec_exit rc = parse_options(&o, argc, argv, &done);
    if (rc != REC_EXIT_OK || done)
        goto cleanup;
    o.caret = isatty(fileno(err));
    o.color_diags = o.report == REC_REPORT_GCC && rec_color_wanted(o.color, fileno(err));
    /* the text is kept for diagnostics only when they quote it */
    o.input.drop_source = !o.caret;
    o.mode = rec_output_default_mode();
    /* Ctrl-C, kill, an abort: the temporaries go, and rec2xml with them */
    rec_temp_trap_signals();

    rec_xml_checked_memory(); /* before libxml2 allocates anything */
    LIBXML_TEST_VERSION
    xmlInitParser(); /* before any worker thread */
    rec_xml_deny_external_entities();
    rec_transform_init();
    /* the stylesheets compile on a helper thread while the schemas and
     * patterns are set up here */
    sheets = rec_stylesheets_new();
    rec_sheet_loader *loader = rec_stylesheets_load_start(
        sheets, o.check || o.diff ? 0u : o.formats, o.stylesheet);
    char *msg = NULL;
    if (rec_engine_init(&engine, &msg) != 0) {
        rec_stylesheets_load_finish(loader, &sheet_diags);
        fprintf(err, "rec2xml: %s\n", msg);
        free(msg);
        rc = REC_EXIT_USAGE;
        goto cleanup;
    }
    int loaded = rec_stylesheets_load_finish(loader, &sheet_diags);
    if (o.diff) {
        rc = diff(&o, &engine);
        goto cleanup;
    }
    if (o.report == REC_REPORT_SARIF)
        o.sarif = open_memstream(&sarif_text, &sarif_len);
    if (loaded != 0) {
        rec_report(o.report, o.report == REC_REPORT_SARIF ? o.sarif : err,
                   o.stylesheet ? o.stylesheet : "rec2xml", &sheet_diags, NULL, o.color_diags);
        rc = REC_EXIT_USAGE;
    } else if (o.outdir || (o.check && o.ninputs > 1)) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        rec_batch_options b = {
            .outdir = o.outdir,
            .check = o.check,
            .formats = o.formats,
            .jobs = o.jobs ? o.jobs : cpus > 0 ? (int)cpus : 1,
            .update = o.update,
            .force = o.force,
            .quiet = o.quiet,
            .caret = o.caret,
            .color = o.color_diags,
            .progress = o.caret && !o.quiet && !o.check,
            .input = o.input,
            .params = o.params,
            .mode = o.mode,
            .report = o.report,
            .err = err,
            .sarif = o.sarif,
        };
        rc = rec_batch_run(&b, o.inputs, o.ninputs, &engine, sheets);
    } else {
        rc = run(&o, &engine, sheets);
    }
    if (o.sarif) {
        fclose(o.sarif);
        rec_report_sarif_log(err, sarif_text, REC_VERSION);
        free(sarif_text);
    }
cleanup:
    rec_temp_release_signals();
    rec_diags_clear(&sheet_diags);
    rec_stylesheets_free(sheets);
    rec_engine_free(&engine);
    rec_file_list_free(&o.list);
    free(o.all_inputs);
    free(o.params);
    return rc;
}
