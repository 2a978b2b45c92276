/* SPDX-License-Identifier: MIT */
/* cli.c - the command line, read into a rec_job; run.c does the rest. */
#include "cli.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filelist.h"
#include "job.h"
#include "kinds.h"
#include "output.h"
#include "parse.h"
#include "report.h"
#include "run.h"
#include "terminal.h"
#include "transform.h"
#include "util.h"
#include "warnings.h"

#ifndef REC_VERSION
#define REC_VERSION "0.1.0"
#endif

/* The command line as it is read: the job it asks for, and what only
 * reading it needs. */
typedef struct {
    rec_job job;            /* what the run does; job.params is owned */
    rec_format format;      /* the first -t FORMAT */
    bool check, diff;       /* --check, --diff: the mode, once all is read */
    const char *files_from; /* --files-from FILE */
    bool null;              /* -0: the list's names end with NUL bytes */
    rec_file_list list;     /* what --files-from read; owned */
    char **all_inputs;      /* the operands and the list's names; owned */
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

static rec_exit usage_error(options *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

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
    case 'k':
    case 'K':
        shift = 10;
        end++;
        break;
    case 'm':
    case 'M':
        shift = 20;
        end++;
        break;
    case 'g':
    case 'G':
        shift = 30;
        end++;
        break;
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

/* The operands, then the names --files-from lists, as o->job.inputs. */
static rec_exit add_listed_inputs(options *o)
{
    char *err = NULL;
    rec_kind_id kind = REC_KIND_IO_ERROR;
    if (rec_file_list_read(&o->list, o->files_from, o->null, o->job.input.max_size, &kind, &err) != 0) {
        /* a list that cannot be read is said as an input that cannot be */
        rec_reporter r;
        rec_reporter_open(&r, o->job.report, o->err);
        rec_reporter_say(&r, strcmp(o->files_from, "-") == 0 ? "<stdin>" : o->files_from, kind,
                         "--files-from: %s", err);
        rec_reporter_close(&r, REC_VERSION);
        free(err);
        return REC_EXIT_USAGE;
    }
    size_t total = (size_t)o->job.ninputs + o->list.n;
    if (total > INT_MAX)
        return usage_error(o, "--files-from lists more than %d names", INT_MAX);
    o->all_inputs = rec_xmalloc((total + 1) * sizeof *o->all_inputs);
    memcpy(o->all_inputs, o->job.inputs, (size_t)o->job.ninputs * sizeof *o->job.inputs);
    memcpy(o->all_inputs + o->job.ninputs, o->list.names, o->list.n * sizeof *o->list.names);
    o->all_inputs[total] = NULL;
    o->job.inputs = o->all_inputs;
    o->job.ninputs = (int)total;
    if (strcmp(o->files_from, "-") == 0)
        for (int i = 0; i < o->job.ninputs; i++)
            if (strcmp(o->job.inputs[i], "-") == 0)
                return usage_error(o, "standard input holds the --files-from list; it cannot "
                                      "be an input too");
    return REC_EXIT_OK;
}

/* A stylesheet parameter NAME=VALUE (both borrowed) after the others. */
static void add_param(rec_job *job, const char *name, const char *value)
{
    job->params = rec_xrealloc(job->params, (job->nparams + 3) * sizeof *job->params);
    job->params[job->nparams++] = name;
    job->params[job->nparams++] = value;
    job->params[job->nparams] = NULL;
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
    o->job.input.max_size = REC_MAX_INPUT_DEFAULT;
    rec_warnings_init(&o->job.warnings);
    o->job.input.warnings = &o->job.warnings;
    optind = 0; /* reset: rec_cli_main may run more than once in a process */
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:t:d:aj:up:fT:cl:sqhVW:0", longopts, NULL)) != -1) {
        switch (c) {
        case 'o': o->job.output = optarg; break;
        case 't':
            for (char *name = strtok(optarg, ","); name; name = strtok(NULL, ",")) {
                int f = rec_format_parse(name);
                if (f < 0)
                    return usage_error(o, "unknown format '%s' (xml, html, docbook, csv, text, xliff)", name);
                if (!o->job.formats)
                    o->format = (rec_format)f;
                o->job.formats |= 1u << f;
            }
            break;
        case 'd': o->job.outdir = optarg; break;
        case 'a': o->job.formats = (1u << REC_FMT_COUNT) - 1; break;
        case 'j': {
            char *end;
            long j = strtol(optarg, &end, 10);
            if (*end || j < 1 || j > 256)
                return usage_error(o, "--jobs takes a number from 1 to 256, not '%s'", optarg);
            o->job.jobs = (int)j;
            break;
        }
        case 'u': o->job.update = true; break;
        case 'S': o->job.stylesheet = optarg; break;
        case 'p': {
            char *eq = strchr(optarg, '=');
            if (!eq || eq == optarg)
                return usage_error(o, "--param takes NAME=VALUE, not '%s'", optarg);
            *eq = '\0'; /* argv is ours to split */
            add_param(&o->job, optarg, eq + 1);
            break;
        }
        case 'f': o->job.force = true; break;
        case 'T': o->job.translation = optarg; break;
        case 'L': o->job.target_lang = optarg; break;
        case 'c': o->check = true; break;
        case 'l': o->job.input.lang = optarg; break;
        case 'Y':
            if (!rec_parse_layout_known(optarg))
                return usage_error(o,
                                   "unknown layout '%s' (headers, leadins, treaty-body, upr, "
                                   "special-procedures, headings, paragraphs)",
                                   optarg);
            o->job.input.layout = optarg;
            break;
        case 'R':
            if (!*optarg)
                return usage_error(o, "--recipient needs a name");
            o->job.input.recipient = optarg;
            break;
        case 's': o->job.warnings.errors = true; break;
        case 'q': o->job.quiet = true; break;
        case 'F': o->diff = true; break;
        case 'I': o->files_from = optarg; break;
        case '0': o->null = true; break;
        case 'M':
            if (parse_size(optarg, &o->job.input.max_size) != 0)
                return usage_error(o,
                                   "--max-input-size takes a size such as 300M, 2G or "
                                   "1048576 (bytes), not '%s'",
                                   optarg);
            break;
        case 'G':
            if (strcmp(optarg, "json") == 0)
                o->job.diff_format = REC_DIFF_JSON;
            else if (strcmp(optarg, "text") == 0)
                o->job.diff_format = REC_DIFF_TEXT;
            else
                return usage_error(o, "unknown diff format '%s' (text, json)", optarg);
            break;
        case 'C': {
            int when = rec_color_parse(optarg);
            if (when < 0)
                return usage_error(o, "--color takes auto, always or never, not '%s'", optarg);
            o->job.color = (rec_color)when;
            break;
        }
        case 'D': {
            int f = rec_report_format_parse(optarg);
            if (f < 0)
                return usage_error(o, "unknown diagnostics format '%s' (gcc, json, github, sarif)", optarg);
            o->job.report = (rec_report_format)f;
            break;
        }
        case 'W': {
            char *msg = NULL;
            if (rec_warnings_option(&o->job.warnings, optarg, &msg) != 0) {
                rec_exit rc = usage_error(o, "%s", msg);
                free(msg);
                return rc;
            }
            break;
        }
        case 'h': *done = true; return print_stdout(o, usage_text);
        case 'V': *done = true; return print_stdout(o, "rec2xml " REC_VERSION "\n");
        case 'K':
            *done = true;
            rec_kinds_print(stdout);
            return print_stdout(o, "");
        case ':': return usage_error(o, "option '%s' needs an argument", argv[optind - 1]);
        default: return usage_error(o, "unknown option '%s'", argv[optind - 1]);
        }
    }
    o->job.inputs = argv + optind;
    o->job.ninputs = argc - optind;
    if (o->null && !o->files_from)
        return usage_error(o, "-0 tells how the names in --files-from end: give --files-from too");
    if (o->files_from && add_listed_inputs(o) != REC_EXIT_OK)
        return REC_EXIT_USAGE;
    if (o->job.ninputs == 0)
        return usage_error(o, "no input file");
    if (o->check && o->job.output)
        return usage_error(o, "--check writes no output; drop '-o %s'", o->job.output);
    if (o->job.stylesheet && o->format == REC_FMT_XML)
        return usage_error(o, "--stylesheet replaces the stylesheet of a format: give -t FORMAT too");
    if (o->diff && (o->job.ninputs != 2 || o->check || o->job.outdir || o->job.output))
        return usage_error(o, "--diff compares two files: rec2xml --diff OLD NEW");
    if (o->diff && o->job.report == REC_REPORT_JSON)
        o->job.diff_format = REC_DIFF_JSON;
    if (!o->job.formats)
        o->job.formats = 1u << REC_FMT_XML;
    if (o->job.outdir && (o->check || o->job.output))
        return usage_error(o, "-d writes one file per input and format: drop %s",
                           o->check ? "--check" : "-o");
    if (!o->job.outdir && !o->check && !o->diff && o->job.ninputs > 1)
        return usage_error(o, "one input at a time when converting (use -d DIR or --check for several)");
    if (!o->job.outdir && (o->job.formats & (o->job.formats - 1)))
        return usage_error(o, "several formats need -d DIR");
    if (!o->job.outdir && (o->job.update || (o->job.jobs && !o->check)))
        return usage_error(o, "--update goes with -d DIR, --jobs with -d DIR or --check");
    if (o->job.target_lang && !o->job.translation) {
        /* the XLIFF export names its target language */
        add_param(&o->job, "target-lang", o->job.target_lang);
    }
    if (o->job.translation && (o->job.outdir || o->check || o->job.ninputs != 1))
        return usage_error(o, "--translation applies to one input converted to one output");
    if (o->job.stylesheet && (o->job.formats & (o->job.formats - 1)))
        return usage_error(o, "--stylesheet replaces the stylesheet of one format: give one -t");
    if (o->job.input.lang && !rec_language_tag(o->job.input.lang))
        return usage_error(o, "--lang needs a language tag such as 'en' or 'pt-BR', not '%s'",
                           o->job.input.lang);
    if (o->job.target_lang && !rec_language_tag(o->job.target_lang))
        return usage_error(o, "--target-lang needs a language tag such as 'fr', not '%s'",
                           o->job.target_lang);
    o->job.mode = o->diff         ? REC_MODE_DIFF
                  : o->job.outdir ? REC_MODE_BATCH
                  : o->check      ? REC_MODE_CHECK
                                  : REC_MODE_CONVERT;
    return REC_EXIT_OK;
}

rec_exit rec_cli_main(int argc, char **argv, FILE *err)
{
    options o;
    memset(&o, 0, sizeof o);
    o.err = err;
    bool done;
    rec_exit rc = parse_options(&o, argc, argv, &done);
    if (rc == REC_EXIT_OK && !done) {
        rec_job *job = &o.job;
        job->caret = isatty(fileno(err));
        job->color_diags = job->report == REC_REPORT_GCC && rec_color_wanted(job->color, fileno(err));
        /* the text is kept for diagnostics only when they quote it */
        job->input.drop_source = !job->caret;
        job->perm = rec_output_default_mode();
        rc = rec_run(job, err);
    }
    rec_file_list_free(&o.list);
    free(o.all_inputs);
    free(o.job.params);
    return rc;
}
