#!/bin/bash
# SPDX-License-Identifier: MIT
# batch.sh - rec2xml -d: valid and invalid inputs together, colliding names,
# unwritable and full output directories, --update, and an interrupted run.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt
mkdir -p "$WORK/in" "$WORK/in2"
cp "$SAMPLE" "$WORK/in/good.txt"
cp tests/diagnostics/unreferenced-footnote.txt "$WORK/in/warned.txt"
cp tests/diagnostics/undefined-footnote.txt "$WORK/in/bad.txt"
FORMATS=xml

# valid and invalid inputs: outputs for the valid ones only, exit 1, summary
mkdir "$WORK/o1"
expect_status "batch with a bad input exits 1" 1 \
    "$REC2XML" -d "$WORK/o1" -t "$FORMATS" "$WORK/in/good.txt" "$WORK/in/bad.txt" "$WORK/in/warned.txt"
[ -s "$WORK/o1/good.xml" ] && [ -s "$WORK/o1/warned.xml" ] && ok "valid inputs written" ||
    fail "valid inputs written" "$(ls "$WORK/o1")"
[ -e "$WORK/o1/bad.xml" ] && fail "invalid input writes nothing" || ok "invalid input writes nothing"
grep -q "^rec2xml: 3 inputs: 2 converted, 1 failed; 2 files written to $WORK/o1$" "$WORK/err" &&
    ok "batch summary" || fail "batch summary" "$(cat "$WORK/err")"
grep -q "^rec2xml: failed: $WORK/in/bad.txt$" "$WORK/err" && ok "batch names the failure" ||
    fail "batch names the failure"
grep -q "bad.txt:4:27: error: footnote \[4\] is never defined" "$WORK/err" &&
    ok "batch prints the diagnostics" || fail "batch prints the diagnostics"
"$REC2XML" "$WORK/in/good.txt" >"$WORK/single.xml"
same "batch output equals single output" "$WORK/single.xml" "$WORK/o1/good.xml"

# one document's formats side by side (spare cores) write the same bytes
mkdir "$WORK/j1" "$WORK/j4"
"$REC2XML" -q -d "$WORK/j1" --all -j 1 tests/golden/edge-cases.src.txt "$SAMPLE"
"$REC2XML" -q -d "$WORK/j4" --all -j 4 tests/golden/edge-cases.src.txt
"$REC2XML" -q -d "$WORK/j4" --all -j 4 "$SAMPLE"
diff -r "$WORK/j1" "$WORK/j4" >"$WORK/jdiff" && [ "$(ls "$WORK/j1" | wc -l)" -eq 12 ] &&
    ok "parallel formats write the same bytes as one thread" || fail "parallel formats" "$(head "$WORK/jdiff")"

# verdicts come in input order whatever the threads did
"$REC2XML" -d "$WORK/o1" -j 2 tests/diagnostics/*.txt 2>"$WORK/order" || true
grep -o '^tests/diagnostics/[a-z0-9-]*\.txt' "$WORK/order" | uniq >"$WORK/order.got"
ls tests/diagnostics/*.txt | grep -v 'unreferenced' >"$WORK/order.want"
grep -v unreferenced "$WORK/order.got" >"$WORK/order.got2"
same "verdicts in input order" "$WORK/order.want" "$WORK/order.got2"

# refused before any work: same basename twice, same file twice, input overwritten
cp "$SAMPLE" "$WORK/in2/good.txt"
mkdir "$WORK/o2"
expect_status "colliding basenames" 2 "$REC2XML" -d "$WORK/o2" "$WORK/in/good.txt" "$WORK/in2/good.txt"
grep -q "would both be written as" "$WORK/err" && ok "collision named" || fail "collision named"
[ -z "$(ls "$WORK/o2")" ] && ok "nothing written on collision" || fail "nothing written on collision"
expect_status "same input twice" 2 "$REC2XML" -d "$WORK/o2" "$WORK/in/good.txt" "$WORK/in/good.txt"
grep -q "is given twice" "$WORK/err" && ok "same input twice named" || fail "same input twice named"
cp "$SAMPLE" "$WORK/in2/self.txt"
expect_status "output over the input refused" 2 "$REC2XML" -d "$WORK/in2" -t text "$WORK/in2/self.txt"
cmp -s "$SAMPLE" "$WORK/in2/self.txt" && ok "input never modified" || fail "input never modified"

# output directory missing, or not a directory
expect_status "missing output directory is made" 0 "$REC2XML" -d "$WORK/made" "$WORK/in/good.txt"
[ -s "$WORK/made/good.xml" ] && ok "output directory made and filled" || fail "output directory made and filled"
expect_status "output directory whose parent is missing" 2 "$REC2XML" -d "$WORK/no/such/dir" "$WORK/in/good.txt"
expect_status "output directory is a file" 2 "$REC2XML" -d "$SAMPLE" "$WORK/in/good.txt"
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$WORK/ro" && chmod 555 "$WORK/ro"
    expect_status "read-only output directory" 2 "$REC2XML" -d "$WORK/ro" "$WORK/in/good.txt"
fi

# a full disk: a tiny tmpfs (as root); no partial and no temporary file left
if [ "$(id -u)" -eq 0 ] && mkdir -p "$WORK/full" && mount -t tmpfs -o size=48k tmpfs "$WORK/full" 2>/dev/null; then
    python3 - "$WORK/in/big.txt" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("To the Government\n\n")
    for i in range(3000):
        f.write(f"  • Recommendation number {i} with enough words to take some room.\n")
PY
    expect_status "full disk fails the big input" 2 "$REC2XML" -d "$WORK/full" -t xml,csv,text \
        "$WORK/in/good.txt" "$WORK/in/big.txt"
    grep -q "No space left on device" "$WORK/err" && ok "full disk named" || fail "full disk named"
    [ -z "$(ls -A "$WORK/full" | grep '^\.')" ] &&
        ok "no temporary file left on a full disk" || fail "no temporary file left on a full disk" "$(ls -A "$WORK/full")"
    [ -e "$WORK/full/big.xml" ] && fail "no partial output on a full disk" || ok "no partial output on a full disk"
    if [ -e "$WORK/full/good.xml" ]; then
        xmllint --noout "$WORK/full/good.xml" && ok "what was written is complete" ||
            fail "what was written is complete"
    fi
    umount "$WORK/full"
else
    echo "skip full-disk test (needs root and tmpfs)"
fi

# --update: only what changed is redone
mkdir "$WORK/upd"
"$REC2XML" -d "$WORK/upd" "$WORK/in/good.txt" "$WORK/in/warned.txt" 2>/dev/null
touch -d '20 seconds ago' "$WORK/in/good.txt" "$WORK/in/warned.txt"
touch -d '10 seconds ago' "$WORK/upd/good.xml" "$WORK/upd/warned.xml"
touch "$WORK/in/warned.txt"
expect_status "--update run" 0 "$REC2XML" -d "$WORK/upd" -u "$WORK/in/good.txt" "$WORK/in/warned.txt"
grep -q "2 inputs: 1 converted, 0 failed, 1 up to date; 1 file written" "$WORK/err" &&
    ok "--update redoes only the changed input" || fail "--update redoes only the changed input" "$(cat "$WORK/err")"

# on a terminal a progress line counts files done and failures; -q silences
# it, and nothing of it reaches a pipe
mkdir "$WORK/prog"
for i in $(seq 1 12); do cp "$SAMPLE" "$WORK/prog/p$i.txt"; done
cp tests/diagnostics/undefined-footnote.txt "$WORK/prog/p5.txt"
if command -v script >/dev/null; then
    script -qec "'$REC2XML' -d '$WORK/prog-out' -j 1 $WORK/prog/*.txt" /dev/null >"$WORK/tty" 2>&1 || true
    grep -q 'rec2xml: [0-9]*/12, 1 failed' "$WORK/tty" && ok "progress line on a terminal" ||
        fail "progress line on a terminal" "$(tr '\r' '\n' <"$WORK/tty" | head -5)"
    script -qec "'$REC2XML' -q -d '$WORK/prog-out' -j 1 $WORK/prog/*.txt" /dev/null >"$WORK/tty" 2>&1 || true
    grep -q '/12' "$WORK/tty" && fail "-q: no progress line" || ok "-q: no progress line"
fi
"$REC2XML" -d "$WORK/prog-out" $WORK/prog/*.txt 2>"$WORK/piped" || true
grep -q '/12' "$WORK/piped" && fail "no progress line into a pipe" || ok "no progress line into a pipe"

# an interrupted batch leaves complete files and no temporaries (TERM: a
# background job of a script ignores SIGINT, and rec2xml keeps it ignored)
mkdir "$WORK/many" "$WORK/intr"
for i in $(seq 1 300); do cp "$WORK/in/big.txt" "$WORK/many/r$i.txt" 2>/dev/null || cp "$SAMPLE" "$WORK/many/r$i.txt"; done
"$REC2XML" -d "$WORK/intr" -t xml,text -j 2 "$WORK"/many/*.txt 2>/dev/null &
pid=$!
sleep 0.3
kill -TERM "$pid" 2>/dev/null
wait "$pid"
status=$?
[ "$status" -ne 0 ] && ok "interrupted batch exits non-zero ($status)" || fail "interrupted batch exits non-zero"
leftovers=$(ls -A "$WORK/intr" | grep -c '^\.' || true)
[ "$leftovers" -eq 0 ] && ok "no temporary file after Ctrl-C" || fail "no temporary file after Ctrl-C" "$leftovers left"
bad=0
for f in "$WORK"/intr/*.xml; do [ -e "$f" ] || continue; xmllint --noout "$f" 2>/dev/null || bad=$((bad + 1)); done
[ "$bad" -eq 0 ] && ok "every file written before Ctrl-C is complete ($(ls "$WORK/intr" | wc -l) files)" ||
    fail "every file written before Ctrl-C is complete" "$bad truncated"
summary
