#!/bin/bash
# SPDX-License-Identifier: MIT
# install.sh - make install honours PREFIX and DESTDIR, and the installed
# binary works from any directory: its schemas and stylesheets are built in,
# so nothing is read from the current directory.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
root="$WORK/root"
if make -s install DESTDIR="$root" PREFIX=/opt/r2x >"$WORK/make.log" 2>&1; then
    ok "make install with DESTDIR and PREFIX"
else
    fail "make install with DESTDIR and PREFIX" "$(tail -5 "$WORK/make.log")"
fi
bin="$root/opt/r2x/bin/rec2xml"
[ -x "$bin" ] && ok "binary installed under DESTDIR/PREFIX" || fail "binary installed under DESTDIR/PREFIX"
man="$root/opt/r2x/share/man/man1/rec2xml.1"
[ -f "$man" ] && MANWIDTH=80 man -l "$man" 2>/dev/null | grep -q 'rec2xml --check' &&
    ok "man page installed and renders" || fail "man page installed and renders"

# run it from a directory holding decoy schemas that would reject everything
mkdir -p "$WORK/elsewhere/schemas" "$WORK/elsewhere/stylesheets"
printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><notAllowed/></start></grammar>\n' \
    >"$WORK/elsewhere/schemas/rec2xml.rng"
cp input/cambodia-drug-detention-2013.txt "$WORK/elsewhere/report.txt"
(cd "$WORK/elsewhere" && "$bin" --check -q report.txt) >"$WORK/out" 2>&1 &&
    ok "installed binary ignores files in the current directory" ||
    fail "installed binary ignores files in the current directory" "$(cat "$WORK/out")"

if make -s uninstall DESTDIR="$root" PREFIX=/opt/r2x >"$WORK/make.log" 2>&1 && [ ! -e "$bin" ] && [ ! -e "$man" ]; then
    ok "make uninstall removes it"
else
    fail "make uninstall removes it"
fi
summary
