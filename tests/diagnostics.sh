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
# counts read as sentences: one more is singular, two more plural
printf -- '- One.\n- Two.\n' >"$WORK/two.txt"
printf -- '- One.\n- Two.\n- Three.\n' >"$WORK/three.txt"
"$REC2XML" --check -q "$WORK/two.txt" "$WORK/three.txt" >/dev/null 2>"$WORK/err"
grep -q 'has no recipient, nor does 1 more; add' "$WORK/err" &&
    grep -q 'has no recipient, nor do 2 more; add' "$WORK/err" &&
    ok "grammar: nor does 1 more, nor do 2 more" || fail "grammar: nor does 1 more, nor do 2 more" "$(cat "$WORK/err")"
/usr/bin/python3 - tests/schemas/valid/rich.xml "$WORK" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read().split("</text>")
for n in (2, 3):  # DEL in n texts
    open("%s/del%d.xml" % (sys.argv[2], n), "w", encoding="utf-8").write(
        s[0] + "".join(("\x7f" if k <= n else "") + "</text>" + s[k] for k in range(1, len(s))))
PY
"$REC2XML" --check -q "$WORK/del2.xml" "$WORK/del3.xml" >/dev/null 2>"$WORK/err"
grep -q '(and in 1 more place); delete it' "$WORK/err" && grep -q '(and in 2 more places); delete it' "$WORK/err" &&
    ok "grammar: 1 more place, 2 more places" || fail "grammar: 1 more place, 2 more places" "$(cat "$WORK/err")"
printf 'id,source,target\nx\n' >"$WORK/one.csv"
"$REC2XML" --translation "$WORK/one.csv" --target-lang fr -o "$WORK/one.xml" input/cambodia-drug-detention-2013.txt 2>"$WORK/err"
grep -q 'this CSV row has 1 field; the header has 3' "$WORK/err" && ok "grammar: 1 field" ||
    fail "grammar: 1 field" "$(cat "$WORK/err")"
# no false guess: a recipient cited with a note, or set in capitals once,
# is the same recipient, not a second spelling
printf 'To the Ministry of Labour [1]:\n- Pay the wages owed.\n\nTO THE MINISTRY OF LABOUR:\n- Inspect the factories.\n\nTo the Ministry of Labour:\n- Publish the inspections.\n\n[1] Since 2019.\n' >"$WORK/same.txt"
got=0
"$REC2XML" --check -q "$WORK/same.txt" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 0 ] && [ ! -s "$WORK/err" ] && ok "recipient-spelling: a note's reference and capitals are no second spelling" ||
    fail "recipient-spelling: a note's reference and capitals are no second spelling" "exit $got: $(cat "$WORK/err")"
summary
