# SPDX-License-Identifier: MIT
# rec2xml - plain-text recommendations to validated XML, HTML, DocBook, CSV.
#
#   make run      build, then convert every file in input/ into out/
#   make check    build, then run the whole test suite
#
# Both install missing Debian build/test dependencies first when run as root
# (make deps / make deps-test); otherwise they print the apt-get line.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
PKGDATADIR  ?= $(DATADIR)/rec2xml
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
INSTALL ?= install
INSTALL_PROGRAM ?= $(INSTALL)
INSTALL_DATA    ?= $(INSTALL) -m 644
CC      ?= cc
PKGS    := libxml-2.0 libxslt libexslt libpcre2-8
VERSION := 0.1.0

CFLAGS  ?= -O2 -g
WARN    := -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wwrite-strings -Wformat=2
ifeq ($(CI),true)
WARN    += -Werror
endif
# recursively expanded: pkg-config runs when a recipe needs it, after deps
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = $(WARN) $(CFLAGS) -D_POSIX_C_SOURCE=200809L -DREC_VERSION='"$(VERSION)"' \
             -Isrc -Ibuild $(PKG_CFLAGS)

# BUILD is where objects go: build/ for the product, build/asan/ for the
# sanitized twin that `make asan` tests.
BUILD ?= build
BIN   ?= rec2xml
SRCS := $(filter-out src/embed.c,$(wildcard src/*.c))
OBJS := $(SRCS:src/%.c=$(BUILD)/%.o) $(BUILD)/embedded.o
RESOURCES := schemas/rec2xml.rng schemas/rec2xml.sch $(wildcard stylesheets/*.xsl) \
             $(wildcard stylesheets/l10n/*.xml)
SANITIZE := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: all run check deps deps-test deps-dist dist-check install install-strip uninstall clean test asan leakcheck lint hardening format format-check
all: $(BIN)

$(BIN): $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS) -lpthread

# every pattern of the language table compiles (they compile on first use)
$(BUILD)/check-patterns: tests/unit/check_patterns.c $(filter-out $(BUILD)/main.o,$(OBJS))
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lpthread

# what src/libxml2.h assumes of libxml2 and libxslt holds for those installed
$(BUILD)/check-libxml2: tests/unit/check_libxml2.c $(filter-out $(BUILD)/main.o,$(OBJS))
	$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(PKG_LIBS) -lpthread

$(BUILD)/%.o: src/%.c $(wildcard src/*.h src/*.def) | $(BUILD)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/embed: src/embed.c | build
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

build/embedded.c: build/embed $(RESOURCES)
	build/embed $@ $(foreach r,$(RESOURCES),$(r)=$(r))

$(BUILD)/embedded.o: build/embedded.c src/resources.h | $(BUILD)
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<

$(sort build $(BUILD)):
	mkdir -p $@

deps:
	@sh tests/deps.sh build

deps-test:
	@sh tests/deps.sh test

deps-dist:
	@sh tests/deps.sh dist

# The main job: every input in every format, in one batch call on all cores;
# one bad input does not stop the rest (and makes the exit status 1).
run: deps
	@$(MAKE) --no-print-directory rec2xml
	@mkdir -p out
	./rec2xml -d out --all input/*.txt

check: deps-test
	@$(MAKE) --no-print-directory rec2xml build/check-patterns build/check-libxml2
	@bash tests/run.sh

test: rec2xml build/check-patterns build/check-libxml2
	@bash tests/run.sh

# The whole suite again on a build with AddressSanitizer and UBSan.
asan: deps-test
	@$(MAKE) --no-print-directory rec2xml build/check-patterns
	@$(MAKE) --no-print-directory BUILD=build/asan BIN=build/asan/rec2xml \
	    CFLAGS="-O1 -g $(SANITIZE)" LDFLAGS="$(SANITIZE)" build/asan/rec2xml build/asan/check-libxml2
	@REC2XML=$(CURDIR)/build/asan/rec2xml REC2XML_UNIT=$(CURDIR)/build/asan REC2XML_SANITIZED=1 \
	    bash tests/run.sh

# Hostile XML and stylesheets (under strace), injected write/close/rename
# faults and signals, pathological sizes with callgrind scaling checks.
hardening: deps-test
	@$(MAKE) --no-print-directory rec2xml
	@bash tests/run.sh hardening

# The package: LICENSE and SPDX lines, make install/uninstall exactly, bash
# completion through bash-completion's loader, the pre-commit hooks under
# pre-commit, the GitHub Action's steps, the .deb built (in a copy of the
# tree), linted, installed, run and purged. Installing the .deb needs root.
dist-check: deps-dist
	@$(MAKE) --no-print-directory rec2xml
	@bash tests/run.sh dist

# Every test input through every output format under valgrind.
leakcheck: deps-test
	@$(MAKE) --no-print-directory rec2xml
	@bash tests/leakcheck.sh

# Static analysis, zero findings: clang-tidy's analyzer, one file at a time,
# and cppcheck, and the C as .clang-format writes it (format-check).
TIDY_CHECKS := -*,clang-analyzer-*,-clang-analyzer-security.insecureAPI.DeprecatedOrUnsafeBufferHandling
lint: build/embedded.c
	@status=0; for f in $(SRCS); do \
	    out=$$(clang-tidy --quiet -checks='$(TIDY_CHECKS)' $$f -- $(WARN) \
	        -D_POSIX_C_SOURCE=200809L -Isrc -Ibuild $(PKG_CFLAGS) 2>&1 | grep -v 'warnings\? generated'); \
	    if [ -n "$$out" ]; then echo "$$out"; status=1; fi; \
	done; \
	cppcheck --quiet --enable=warning,portability,performance --error-exitcode=1 \
	    --inline-suppr --suppress=missingIncludeSystem -I src -I build $(SRCS) src/embed.c || status=1; \
	$(MAKE) --no-print-directory format-check >/dev/null || { $(MAKE) --no-print-directory format-check; status=1; }; \
	if [ $$status = 0 ]; then echo "lint: clean (clang-tidy, cppcheck, clang-format)"; else echo "lint: findings"; fi; \
	exit $$status

# The style of .clang-format. format-check only reports (the files that
# differ and by how many lines, exit 1 when any does); format rewrites them.
FORMAT_SRCS := $(wildcard src/*.c src/*.h tests/unit/*.c tests/fuzz/*.c tests/fuzz/*.h)
format:
	clang-format -i $(FORMAT_SRCS)

format-check:
	@n=0; for f in $(FORMAT_SRCS); do \
	    d=$$(clang-format "$$f" | diff "$$f" - | grep -c '^>'); \
	    if [ "$$d" -gt 0 ]; then echo "$$f: $$d lines would change"; n=$$((n + 1)); fi; \
	done; \
	if [ $$n = 0 ]; then echo "format-check: clean"; \
	else echo "format-check: $$n files differ from .clang-format ('make format' rewrites them)"; exit 1; fi

# What make install puts where; make uninstall removes exactly these, and
# the directories that are rec2xml's own. The man page names the installed
# schemas, so its /usr/local/share/rec2xml becomes $(PKGDATADIR).
# (the message catalogue, a file per language, with them: the stylesheets
# read it beside them)
STYLESHEETS := $(wildcard stylesheets/*.xsl)
L10N := $(wildcard stylesheets/l10n/*.xml)
install: rec2xml
	$(INSTALL) -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	    $(DESTDIR)$(PKGDATADIR)/stylesheets/l10n $(DESTDIR)$(PKGDATADIR)/contrib/github
	$(INSTALL_PROGRAM) -m 755 rec2xml $(DESTDIR)$(BINDIR)/rec2xml
	sed 's|/usr/local/share/rec2xml|$(PKGDATADIR)|g' rec2xml.1 >$(BUILD)/rec2xml.1
	$(INSTALL_DATA) $(BUILD)/rec2xml.1 $(DESTDIR)$(MANDIR)/man1/rec2xml.1
	$(INSTALL_DATA) schemas/rec2xml.rng schemas/rec2xml.sch $(DESTDIR)$(PKGDATADIR)
	$(INSTALL_DATA) $(STYLESHEETS) $(DESTDIR)$(PKGDATADIR)/stylesheets
	$(INSTALL_DATA) $(L10N) $(DESTDIR)$(PKGDATADIR)/stylesheets/l10n
	$(INSTALL) -m 755 contrib/pre-commit $(DESTDIR)$(PKGDATADIR)/contrib/pre-commit
	$(INSTALL_DATA) contrib/README.md $(DESTDIR)$(PKGDATADIR)/contrib/README.md
	$(INSTALL_DATA) contrib/github/rec2xml.yml $(DESTDIR)$(PKGDATADIR)/contrib/github/rec2xml.yml
	$(INSTALL_DATA) contrib/bash-completion/rec2xml $(DESTDIR)$(BASHCOMPDIR)/rec2xml

# as GNU packages do: the same, with the binary stripped
install-strip:
	$(MAKE) INSTALL_PROGRAM='$(INSTALL_PROGRAM) -s' install

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/rec2xml $(DESTDIR)$(MANDIR)/man1/rec2xml.1 \
	    $(DESTDIR)$(BASHCOMPDIR)/rec2xml \
	    $(DESTDIR)$(PKGDATADIR)/rec2xml.rng $(DESTDIR)$(PKGDATADIR)/rec2xml.sch \
	    $(STYLESHEETS:%=$(DESTDIR)$(PKGDATADIR)/%) $(L10N:%=$(DESTDIR)$(PKGDATADIR)/%) \
	    $(DESTDIR)$(PKGDATADIR)/contrib/pre-commit $(DESTDIR)$(PKGDATADIR)/contrib/README.md \
	    $(DESTDIR)$(PKGDATADIR)/contrib/github/rec2xml.yml
	@for d in $(DESTDIR)$(PKGDATADIR)/contrib/github $(DESTDIR)$(PKGDATADIR)/contrib \
	    $(DESTDIR)$(PKGDATADIR)/stylesheets/l10n $(DESTDIR)$(PKGDATADIR)/stylesheets \
	    $(DESTDIR)$(PKGDATADIR); do \
	    [ ! -d "$$d" ] || rmdir "$$d" 2>/dev/null || echo "uninstall: $$d holds other files: kept"; \
	done

clean:
	rm -rf build rec2xml out tests/work

.PHONY: bench bench-goals rtl-screenshot
# bench/BENCH.md: rec2xml beside the floor and the tools users would run
# instead; bench/GOALS.md: issue 18's goals (instruction ratios, peaks).
bench:
	bash bench/run.sh
	bash bench/goals.sh

bench-goals:
	bash bench/goals.sh

# contrib/html-output-ar.png: the sample translated into Arabic, as headless
# Chromium shows it (tests/rtl.sh takes it and checks the layout).
rtl-screenshot: rec2xml
	RTL_SCREENSHOT=contrib/html-output-ar.png bash tests/rtl.sh
include tests/fuzz/fuzz.mk
