/* SPDX-License-Identifier: MIT */
/* fuzz_translation.c - libFuzzer harness: the bytes are a translation file
 * coming back from a translator.
 *
 * The first byte picks the kind (0: CSV, 1: XLIFF, 2: PO, modulo 3); the
 * rest is the file. Each input is applied to a fresh copy of one fixed,
 * valid document (tests/fuzz/translation-base.txt, or $REC_FUZZ_BASE),
 * which is then validated again, its diagnostics printed and every format
 * written, as `rec2xml --force --translation FILE --target-lang fr BASE`
 * does. Replay an input outside the harness with
 *     tests/fuzz/replay-translation.sh FILE */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz_common.h"
#include "translate.h"

#ifndef REC_FUZZ_BASE
#define REC_FUZZ_BASE "tests/fuzz/translation-base.txt"
#endif

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const names[] = {"fuzz.csv", "fuzz.xlf", "fuzz.po"};

static const char *base_path;
static char *base; /* the document's text, read once */
static size_t base_size;

static void read_base(void)
{
    base_path = getenv("REC_FUZZ_BASE");
    if (!base_path)
        base_path = REC_FUZZ_BASE;
    FILE *f = fopen(base_path, "rb");
    long n = -1;
    if (f && fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0) {
        base_size = (size_t)n;
        base = malloc(base_size + 1);
        if (base && fread(base, 1, base_size, f) != base_size)
            n = -1;
    }
    if (!base || n < 0) {
        perror(base_path);
        abort();
    }
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    rec_fuzz_env *env = rec_fuzz_setup();
    if (!base)
        read_base();
    const char *name = names[data[0] % 3];
    rec_diags td;
    rec_diags_init(&td);
    rec_translation *t = rec_translation_read_bytes(name, (const char *)data + 1, size - 1, &td);
    rec_diags_sort(&td);
    rec_fuzz_report(env, name, &td, NULL);
    rec_diags_clear(&td);
    if (!t)
        return 0;
    (void)rec_translation_lang(t);

    rec_matcher *m = rec_matcher_new(env->engine.patterns);
    rec_input_options opts = {.lang = NULL}; /* the language detected, as rec2xml does */
    rec_input in;
    rec_input_load_bytes(&in, &env->engine, m, base_path, base, base_size, &opts);
    if (!in.doc || in.status != REC_OK) {
        fprintf(stderr, "fuzz: %s is not a valid document\n", base_path);
        abort();
    }
    rec_translation_stats stats;
    rec_translation_apply(t, in.doc, "fr", m, &in.diags, &stats);
    rec_validate(env->engine.schemas, in.doc, &in.diags);
    rec_diags_sort(&in.diags);
    rec_fuzz_finish(env, &in);
    rec_input_free(&in);
    rec_matcher_free(m);
    rec_translation_free(t);
    return 0;
}
