#!/bin/bash
# SPDX-License-Identifier: MIT
# regress.sh - every input the fuzzers once broke rec2xml with, replayed
# through rec2xml itself in every output format. A regression passes when
# rec2xml gives a verdict within 10 seconds: exit 0 or 1 for the document
# (valid or not), or, for a translation, 2 with the file refused as a
# translation-syntax error; never any other exit 2 (usage, I/O, internal
# error), a signal, a sanitizer report (an ASan/UBSan build reports with
# exit 99 here) or a hang. What it writes in an XML format (xml, docbook,
# xliff), or --diff's JSON, must be well-formed.
#
#   bash tests/fuzz/regress.sh        ($REC2XML, default ./rec2xml)
#
# Prints "ok NAME" or "FAIL NAME" per input and format, then "N passed, M failed".
set -u
. "$(dirname "$0")/../lib.sh"
cd "$TOP"
export REC2XML
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=99
export UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=99:print_stacktrace=1
count=0
for kind in text xml translation diff; do
    for f in tests/fuzz/regressions/$kind/*; do
        [ -f "$f" ] || continue
        count=$((count + 1))
        fmts="xml html docbook csv text xliff"
        [ $kind = diff ] && fmts=json
        for fmt in $fmts; do
            name="$kind/$(basename "$f") -t $fmt"
            status=0
            if [ $kind = diff ]; then
                timeout 10 sh tests/fuzz/replay.sh diff "$f" >"$WORK/out" 2>"$WORK/err" || status=$?
            else
                timeout 10 sh tests/fuzz/replay.sh $kind "$f" -t $fmt >"$WORK/out" 2>"$WORK/err" || status=$?
            fi
            refused=false
            [ $kind = translation ] && [ $status -eq 2 ] &&
                grep -q 'error: .*\[translation-syntax\]$' "$WORK/err" &&
                ! grep -q 'internal error' "$WORK/err" && refused=true
            if [ $status -gt 1 ] && ! $refused; then
                fail "$name (exit $status)" "$(tail -20 "$WORK/err")"
            elif [ $fmt = json ] && [ -s "$WORK/out" ] &&
                ! python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' \
                    "$WORK/out" 2>"$WORK/err"; then
                fail "$name (the --diff JSON is not valid UTF-8 JSON)" "$(head -4 "$WORK/err")"
            elif [ -s "$WORK/out" ] && { [ $fmt = xml ] || [ $fmt = docbook ] || [ $fmt = xliff ]; } &&
                ! xmllint --noout "$WORK/out" 2>"$WORK/err"; then
                fail "$name (the output is not well-formed XML)" "$(head -4 "$WORK/err")"
            else
                ok "$name"
            fi
        done
    done
done
[ "$count" -ge 5 ] && ok "regressions found: $count inputs" || fail "regressions found" "only $count inputs"
summary
