#!/bin/sh
# SPDX-License-Identifier: MIT
# regress.sh - every input the fuzzers once broke rec2xml with, replayed
# through rec2xml itself in every output format. A regression passes when
# rec2xml gives a verdict (exit 0, 1 or 2) within 10 seconds: no signal, no
# sanitizer report (an ASan/UBSan build reports with exit 99 here), no hang;
# and what it writes in an XML format (xml, docbook, xliff) is well-formed.
#
#   sh tests/fuzz/regress.sh          ($REC2XML, default ./rec2xml)
#
# Prints "ok NAME" or "FAIL NAME" per input and format, then "N passed, M failed".
set -u
cd "$(dirname "$0")/../.."
export REC2XML=${REC2XML:-$PWD/rec2xml}
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=99
export UBSAN_OPTIONS=${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=99:print_stacktrace=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for kind in text xml translation diff; do
    for f in tests/fuzz/regressions/$kind/*; do
        [ -f "$f" ] || continue
        fmts="xml html docbook csv text xliff"
        [ $kind = diff ] && fmts=json
        for fmt in $fmts; do
            name="$kind/$(basename "$f") -t $fmt"
            if [ $kind = diff ]; then
                timeout 10 sh tests/fuzz/replay.sh diff "$f" >$tmp/out 2>$tmp/err
            else
                timeout 10 sh tests/fuzz/replay.sh $kind "$f" -t $fmt >$tmp/out 2>$tmp/err
            fi
            status=$?
            # 2 is also what rec2xml says of a stylesheet that is not there yet
            if [ $status -gt 2 ]; then
                fail=$((fail + 1)); echo "FAIL $name (exit $status)"; tail -20 $tmp/err
            elif [ $fmt = json ] && [ -s $tmp/out ] &&
                ! python3 -c 'import json, sys; json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))' $tmp/out 2>$tmp/err; then
                fail=$((fail + 1)); echo "FAIL $name (the --diff JSON is not valid UTF-8 JSON)"
                head -4 $tmp/err
            elif [ -s $tmp/out ] && [ $fmt = xml -o $fmt = docbook -o $fmt = xliff ] &&
                ! xmllint --noout $tmp/out 2>$tmp/err; then
                fail=$((fail + 1)); echo "FAIL $name (the output is not well-formed XML)"
                head -4 $tmp/err
            else
                pass=$((pass + 1)); echo "ok $name"
            fi
        done
    done
done
echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
