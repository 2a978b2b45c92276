/* SPDX-License-Identifier: MIT */
/* fuzz_diff.c - libFuzzer harness: the bytes are two versions of a document.
 *
 * The input is OLD, the line "=====", then NEW (without that line: the
 * same bytes twice). Each version is read as rec2xml reads it (text, or XML
 * when it starts with '<') and, when it gives a document (valid or not),
 * the two are compared as `rec2xml --diff` does: in text, coloured and
 * plain, and in JSON. The JSON must be well-formed, valid UTF-8, and hold no
 * control character (C0 but the newlines between its parts, DEL, C1) and no
 * raw U+2028/2029: it is read by scripts and shown in CI logs.
 * Replay an input outside the harness with
 *     tests/fuzz/replay.sh diff FILE */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff.h"
#include "fuzz_common.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define SEPARATOR "\n=====\n"

static void bad_json(const char *why, const char *json, size_t at)
{
    fprintf(stderr, "fuzz: the --diff JSON %s at byte %zu: %.*s\n", why, at, 200,
            json + (at > 60 ? at - 60 : 0));
    abort();
}

/* A small JSON reader: just enough to say the document is well-formed. */
typedef struct {
    const char *s;
    size_t n, at;
} json;

static void skip_space(json *j)
{
    while (j->at < j->n && strchr(" \n\r\t", j->s[j->at]))
        j->at++;
}

static bool value(json *j, int depth);

static bool string(json *j)
{
    if (j->s[j->at] != '"')
        return false;
    for (j->at++; j->at < j->n; j->at++) {
        unsigned char c = (unsigned char)j->s[j->at];
        if (c == '"') {
            j->at++;
            return true;
        }
        if (c == '\\') {
            j->at++;
            if (j->at >= j->n || !strchr("\"\\/bfnrtu", j->s[j->at]))
                return false;
            if (j->s[j->at] == 'u')
                for (int k = 0; k < 4; k++)
                    if (++j->at >= j->n || !strchr("0123456789abcdefABCDEF", j->s[j->at]))
                        return false;
        } else if (c < 0x20) {
            return false;
        }
    }
    return false;
}

static bool value(json *j, int depth)
{
    skip_space(j);
    if (j->at >= j->n || depth > 16)
        return false;
    char c = j->s[j->at];
    if (c == '"')
        return string(j);
    if (c == '{' || c == '[') {
        char close = c == '{' ? '}' : ']';
        j->at++;
        skip_space(j);
        if (j->at < j->n && j->s[j->at] == close) {
            j->at++;
            return true;
        }
        for (;;) {
            if (c == '{') {
                skip_space(j);
                if (!string(j))
                    return false;
                skip_space(j);
                if (j->at >= j->n || j->s[j->at++] != ':')
                    return false;
            }
            if (!value(j, depth + 1))
                return false;
            skip_space(j);
            if (j->at < j->n && j->s[j->at] == ',') {
                j->at++;
                continue;
            }
            if (j->at < j->n && j->s[j->at] == close) {
                j->at++;
                return true;
            }
            return false;
        }
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        while (j->at < j->n && strchr("-+.eE0123456789", j->s[j->at]))
            j->at++;
        return true;
    }
    for (const char *const *lit = (const char *const[]){"true", "false", "null", NULL}; *lit; lit++)
        if (j->n - j->at >= strlen(*lit) && memcmp(j->s + j->at, *lit, strlen(*lit)) == 0) {
            j->at += strlen(*lit);
            return true;
        }
    return false;
}

static void check_json(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        size_t len = rec_utf8_valid(s + i, n - i);
        if (len == 0)
            bad_json("is not UTF-8", s, i);
        uint32_t c = rec_utf8_decode(s + i, len);
        if ((c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029)
            bad_json("holds a control character or a line separator", s, i);
        i += len;
    }
    json j = {s, n, 0};
    if (!value(&j, 0))
        bad_json("is not well-formed", s, j.at);
    skip_space(&j);
    if (j.at != n)
        bad_json("goes on after its value", s, j.at);
}

static void load(rec_fuzz_env *env, rec_matcher *m, const char *name, const char *bytes, size_t size,
                 rec_input *in)
{
    rec_input_options opts = {.lang = "en"};
    rec_input_load_bytes(in, &env->engine, m, name, bytes, size, &opts);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rec_fuzz_env *env = rec_fuzz_setup();
    const char *bytes = (const char *)data;
    size_t old_size = size, new_at = 0;
    for (size_t i = 0; i + strlen(SEPARATOR) <= size; i++)
        if (memcmp(bytes + i, SEPARATOR, strlen(SEPARATOR)) == 0) {
            old_size = i + 1; /* the old version keeps its last newline */
            new_at = i + strlen(SEPARATOR);
            break;
        }
    rec_matcher *m = rec_matcher_new(env->engine.patterns);
    rec_input in[2];
    load(env, m, "old.txt", bytes, old_size, &in[0]);
    load(env, m, "new.txt", bytes + new_at, size - new_at, &in[1]);
    if (in[0].doc && in[1].doc) {
        rec_diff_stats st;
        (void)rec_diff(in[0].doc, in[1].doc, "old.txt", "new.txt", REC_DIFF_TEXT, false, env->sink, &st);
        (void)rec_diff(in[0].doc, in[1].doc, "old.txt", "new.txt", REC_DIFF_TEXT, true, env->sink, &st);
        char *out = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&out, &len);
        if (!mem)
            abort();
        rec_diff_stats js;
        bool changed = rec_diff(in[0].doc, in[1].doc, "old.txt", "new.txt", REC_DIFF_JSON, false, mem, &js);
        if (fclose(mem) != 0)
            abort();
        check_json(out, len);
        if (changed != (js.added || js.removed || js.changed || js.moved || js.recipients_added ||
                        js.recipients_removed) ||
            js.added != st.added || js.removed != st.removed || js.changed != st.changed)
            abort(); /* the formats disagree */
        free(out);
    }
    rec_input_free(&in[0]);
    rec_input_free(&in[1]);
    rec_matcher_free(m);
    return 0;
}
