/* SPDX-License-Identifier: MIT */
/* fuzz_text.c - libFuzzer harness: the bytes are a text input.
 *
 * text -> lines -> parser -> XML -> validation -> diagnostics printed ->
 * every stylesheet, valid or not (rec2xml --force). Bytes that look like
 * XML (a '<' first) take the XML path, as they do in rec2xml.
 * Replay an input outside the harness with
 *     ./rec2xml --force -t html FILE */
#include <stddef.h>
#include <stdint.h>

#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rec_fuzz_env *env = rec_fuzz_setup();
    rec_matcher *m = rec_matcher_new(env->engine.patterns);
    rec_input_options opts = {.lang = NULL}; /* the language detected, as rec2xml does */
    rec_input in;
    rec_input_load_bytes(&in, &env->engine, m, "fuzz.txt", (const char *)data, size, &opts);
    rec_fuzz_finish(env, &in);
    rec_input_free(&in);
    rec_matcher_free(m);
    return 0;
}
