# rec2xml - plain-text recommendations to validated XML, HTML, DocBook, CSV.
#
#   make run      build, then convert every file in input/ into out/
#   make check    build, then run the whole test suite
#
# Both install missing Debian build/test dependencies first when run as root
# (make deps / make deps-test); otherwise they print the apt-get line.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
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

SRCS := $(filter-out src/embed.c,$(wildcard src/*.c))
OBJS := $(SRCS:src/%.c=build/%.o) build/embedded.o
RESOURCES := schemas/rec2xml.rng schemas/rec2xml.sch $(wildcard stylesheets/*.xsl)

.PHONY: all run check deps deps-test install uninstall clean test
all: rec2xml

rec2xml: $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(PKG_LIBS) -lpthread

build/%.o: src/%.c $(wildcard src/*.h) | build
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

build/embed: src/embed.c | build
	$(CC) $(WARN) $(CFLAGS) -o $@ $<

build/embedded.c: build/embed $(RESOURCES)
	build/embed $@ $(foreach r,$(RESOURCES),$(r)=$(r))

build/embedded.o: build/embedded.c src/resources.h
	$(CC) $(CFLAGS) -Isrc -c -o $@ $<

build:
	mkdir -p build

deps:
	@sh tests/deps.sh build

deps-test:
	@sh tests/deps.sh test

# The main job: every input converted; one bad input does not stop the rest.
run: deps
	@$(MAKE) --no-print-directory rec2xml
	@mkdir -p out
	@status=0; for f in input/*.txt; do \
	    b=$$(basename "$$f" .txt); \
	    ./rec2xml -o "out/$$b.xml" "$$f" || status=1; \
	done; ls out; exit $$status

check: deps-test
	@$(MAKE) --no-print-directory rec2xml
	@bash tests/run.sh

test: rec2xml
	@bash tests/run.sh

install: rec2xml
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 rec2xml $(DESTDIR)$(BINDIR)/rec2xml

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/rec2xml

clean:
	rm -rf build rec2xml out tests/work
