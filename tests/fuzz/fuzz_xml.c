/* SPDX-License-Identifier: MIT */
/* fuzz_xml.c - libFuzzer harness: the bytes are a hand-edited rec2xml XML
 * document ("fuzz.xml").
 *
 * safe XML read (no DOCTYPE, no entities, no network) -> validation ->
 * diagnostics printed -> every stylesheet, valid or not (rec2xml --force).
 * Replay an input outside the harness under a name ending in .xml:
 *     cp crash-... /tmp/c.xml && ./rec2xml --force -t html /tmp/c.xml */
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
    rec_input_load_bytes(&in, &env->engine, m, "fuzz.xml", (const char *)data, size, &opts);
    rec_fuzz_finish(env, &in);
    rec_input_free(&in);
    rec_matcher_free(m);
    return 0;
}
