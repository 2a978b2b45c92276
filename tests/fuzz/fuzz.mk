# SPDX-License-Identifier: MIT
# tests/fuzz/fuzz.mk - libFuzzer harnesses; included from the top Makefile
# (paths are relative to the repository root).
#
#   make fuzz-build     build/fuzz/fuzz_{text,xml,translation,diff}
#   make fuzz           the regression inputs, then each harness for
#                       FUZZ_SECONDS (default 60) on its corpus
#   make fuzz-ci        the same, each harness about FUZZ_CI_SECONDS (10), on
#                       the seeds alone (a fresh build/fuzz/ci/), so that the
#                       time a run takes does not grow with the local corpus
#   make fuzz-regress   only replay tests/fuzz/regressions/*/ in the harnesses
#
# Findings land in build/fuzz/artifacts/ (crash-*, leak-*, timeout-*, oom-*);
# tests/fuzz/README.md says how to replay one with rec2xml and keep it.

FUZZ_CC         ?= clang
FUZZ_SECONDS    ?= 60
FUZZ_CI_SECONDS ?= 10
FUZZ_FLAGS      ?= -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
FUZZ_DIR        := build/fuzz
FUZZ_HARNESSES  := fuzz_text fuzz_xml fuzz_translation fuzz_diff
FUZZ_BINS       := $(FUZZ_HARNESSES:%=$(FUZZ_DIR)/%)

FUZZ_PKGS       := libxml-2.0 libxslt libexslt libpcre2-8
FUZZ_SAN        := -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
                   -fno-omit-frame-pointer
FUZZ_WARN       := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
                   -Wwrite-strings
ifeq ($(CI),true)
FUZZ_WARN       += -Werror
endif
# recursively expanded: pkg-config runs when a recipe needs it, after deps
FUZZ_CFLAGS      = -std=c11 -g -O1 $(FUZZ_SAN) $(FUZZ_WARN) -D_POSIX_C_SOURCE=200809L \
                   -Isrc -Ibuild -Itests/fuzz $(shell pkg-config --cflags $(FUZZ_PKGS)) \
                   -DREC_FUZZ_BASE='"$(abspath tests/fuzz/translation-base.txt)"'
FUZZ_LIBS        = $(shell pkg-config --libs $(FUZZ_PKGS)) -lpthread

FUZZ_SRCS := $(filter-out src/main.c src/embed.c,$(wildcard src/*.c))
FUZZ_OBJS := $(FUZZ_SRCS:src/%.c=$(FUZZ_DIR)/%.o) $(FUZZ_DIR)/embedded.o \
             $(FUZZ_DIR)/fuzz_common.o

.PHONY: fuzz fuzz-ci fuzz-build fuzz-seeds fuzz-ci-seeds fuzz-regress

fuzz-build: $(FUZZ_BINS)

# static pattern rules: they take precedence over the top Makefile's build/%.o
$(FUZZ_SRCS:src/%.c=$(FUZZ_DIR)/%.o): $(FUZZ_DIR)/%.o: src/%.c $(wildcard src/*.h src/*.def) | $(FUZZ_DIR)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_DIR)/fuzz_common.o $(FUZZ_BINS:%=%.o): $(FUZZ_DIR)/%.o: tests/fuzz/%.c \
		tests/fuzz/fuzz_common.h $(wildcard src/*.h src/*.def) | $(FUZZ_DIR)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

# build/embedded.c is the main Makefile's: the schemas and stylesheets
$(FUZZ_DIR)/embedded.o: build/embedded.c src/resources.h | $(FUZZ_DIR)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -c -o $@ $<

$(FUZZ_BINS): $(FUZZ_DIR)/%: $(FUZZ_DIR)/%.o $(FUZZ_OBJS)
	$(FUZZ_CC) $(FUZZ_SAN) -o $@ $^ $(FUZZ_LIBS)

$(FUZZ_DIR):
	mkdir -p $@

# ./rec2xml --force makes XML seeds of the text seeds
fuzz-seeds: rec2xml
	@sh tests/fuzz/seeds.sh $(FUZZ_DIR)

fuzz-ci-seeds: rec2xml
	@rm -rf $(FUZZ_DIR)/ci
	@sh tests/fuzz/seeds.sh $(FUZZ_DIR)/ci

# Each regression input once through its harness: a crash, a leak or an
# input slower than FUZZ_SLOW seconds fails the target (libFuzzer's own
# -timeout alarm does not always fire when it replays files).
FUZZ_SLOW ?= 10
fuzz-regress: fuzz-build
	@status=0; for h in $(FUZZ_HARNESSES); do \
	    for f in tests/fuzz/regressions/$${h#fuzz_}/*; do \
	        [ -f "$$f" ] || continue; \
	        log=$(FUZZ_DIR)/$$h-regress.log; \
	        if ! $(FUZZ_DIR)/$$h $(FUZZ_FLAGS) "$$f" >$$log 2>&1; then \
	            echo "FAIL $$h $$f"; tail -40 $$log; status=1; continue; \
	        fi; \
	        slow=$$(sed -n 's/^stat::slowest_unit_time_sec: *//p' $$log); \
	        if [ "$${slow:-0}" -ge $(FUZZ_SLOW) ]; then \
	            echo "FAIL $$h $$f: took $$slow s (limit $(FUZZ_SLOW) s)"; status=1; \
	        else \
	            echo "ok $$h $$f"; \
	        fi; \
	    done; \
	done; exit $$status

# $(1): seconds per harness, $(2): the directory of the corpora. Every
# harness runs even when one finds a bug.
define fuzz_run
	@mkdir -p $(FUZZ_DIR)/artifacts
	@status=0; for h in $(FUZZ_HARNESSES); do \
	    echo "== $$h: $(1) s"; \
	    $(FUZZ_DIR)/$$h $(FUZZ_FLAGS) -max_total_time=$(1) \
	        -dict=tests/fuzz/rec2xml.dict \
	        -artifact_prefix=$(FUZZ_DIR)/artifacts/$$h- \
	        $(2)/corpus-$${h#fuzz_} >$(FUZZ_DIR)/$$h.log 2>&1 \
	        || { status=1; echo "FAIL $$h: see $(FUZZ_DIR)/$$h.log"; tail -60 $(FUZZ_DIR)/$$h.log; }; \
	    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec)' \
	        $(FUZZ_DIR)/$$h.log || true; \
	done; exit $$status
endef

fuzz: fuzz-regress fuzz-seeds
	$(call fuzz_run,$(FUZZ_SECONDS),$(FUZZ_DIR))

fuzz-ci: fuzz-regress fuzz-ci-seeds
	$(call fuzz_run,$(FUZZ_CI_SECONDS),$(FUZZ_DIR)/ci)
