#!/bin/bash
# SPDX-License-Identifier: MIT
# diagnostics.sh - one golden .err (exact stderr) and .status (exit code) per
# diagnostic kind: the sentence an editor reads is part of the interface.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
for input in tests/diagnostics/*.txt tests/diagnostics/*.xml; do
    base=${input%.*}
    name=$(basename "$base")
    got=0
    "$REC2XML" --check -q "$input" >"$WORK/out" 2>"$WORK/err" || got=$?
    same "diagnostic $name" "$base.err" "$WORK/err"
    want=$(cat "$base.status")
    if [ "$got" -eq "$want" ]; then ok "diagnostic $name exit $want"; else
        fail "diagnostic $name exit" "exit $got, expected $want"; fi
    [ -s "$WORK/out" ] && fail "diagnostic $name stdout" "--check wrote to stdout"
done
# the kind in brackets is stable: every golden names its own kind
for err in tests/diagnostics/*.err; do
    kind=$(basename "$err" .err)
    if grep -q "\[$kind\]" "$err"; then ok "kind $kind reported"; else fail "kind $kind reported"; fi
done
# rec2xml applies the two footnote patterns of rec2xml.sch itself, with hash
# tables: it must give the verdicts the Schematron gives (run by xmllint)
for xml in tests/schemas/*/*.xml; do
    name=${xml#tests/schemas/}
    "$REC2XML" --check -q "$xml" >/dev/null 2>"$WORK/ours" || true
    xmllint --noout --schematron schemas/rec2xml.sch "$xml" >/dev/null 2>"$WORK/theirs" || true
    for rule in "never referenced:unreferenced-footnote" "defined more than once:duplicate-footnote"; do
        said=${rule%%:*} kind=${rule#*:}
        a=0; b=0
        grep -q "$said" "$WORK/theirs" && a=1
        grep -q "\[$kind\]" "$WORK/ours" && b=1
        [ "$a" = "$b" ] && ok "$kind agrees with the Schematron: $name" ||
            fail "$kind agrees with the Schematron: $name" "schematron $a, rec2xml $b"
    done
done
summary
