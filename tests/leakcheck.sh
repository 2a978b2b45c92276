#!/bin/bash
# SPDX-License-Identifier: MIT
# leakcheck.sh - every test input through every output format, and the other
# paths (--check, XML input, translation import), under valgrind: any leak,
# invalid read or write fails. One process per input converts it to all
# formats (batch mode), so the threads are under scrutiny too.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
VG=(valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --track-origins=no)

# spec examples become files: the inputs of the text format's specification
/usr/bin/python3 tests/spec.py --extract "$WORK/spec"

inputs=(input/*.txt tests/diagnostics/*.txt tests/diagnostics/*.xml tests/schemas/valid/*.xml
        "$WORK"/spec/*.txt)
# One valgrind process per group of inputs, each converted to every format
# by the batch (threads included): valgrind's start dominates a small file.
groups=("input/*.txt" "tests/diagnostics/*.txt" "tests/diagnostics/*.xml" "tests/schemas/valid/*.xml"
        "$WORK/spec/*.txt")
n=0
for group in "${groups[@]}"; do
    n=$((n + 1))
    # shellcheck disable=SC2206
    files=($group)
    mkdir -p "$WORK/out$n"
    "${VG[@]}" "$REC2XML" --force -q -d "$WORK/out$n" --all -j 2 "${files[@]}" >"$WORK/vg.out" 2>"$WORK/vg.err"
    status=$?
    if [ "$status" -eq 99 ] || grep -q '^==[0-9]*==' "$WORK/vg.err"; then
        fail "valgrind clean: $group" "$(grep '^==' "$WORK/vg.err" | head -30)"
    else
        ok "valgrind clean: $group, ${#files[@]} inputs, every format ($(ls "$WORK/out$n" | wc -l) files)"
    fi
    rm -rf "$WORK/out$n"
done
# one document alone: its formats run side by side on threads
mkdir -p "$WORK/one"
"${VG[@]}" "$REC2XML" -q -d "$WORK/one" --all -j 4 tests/golden/edge-cases.src.txt >/dev/null 2>"$WORK/vg.err"
[ $? -ne 99 ] && ! grep -q '^==[0-9]*==' "$WORK/vg.err" && ok "valgrind clean: one document, formats in parallel" ||
    fail "valgrind clean: one document, formats in parallel" "$(grep '^==' "$WORK/vg.err" | head -20)"

# the other paths: --check over everything at once, conversion to stdout
"${VG[@]}" "$REC2XML" --check "${inputs[@]}" >/dev/null 2>"$WORK/vg.err"
[ $? -ne 99 ] && ! grep -q '^==[0-9]*==' "$WORK/vg.err" && ok "valgrind clean: --check all" ||
    fail "valgrind clean: --check all" "$(grep '^==' "$WORK/vg.err" | head -20)"

# translation import: export, fill, import in each format the import reads
SAMPLE=input/cambodia-drug-detention-2013.txt
"$REC2XML" -t xliff --target-lang fr "$SAMPLE" >"$WORK/t.xlf"
sed 's|<source>\(.*\)</source>|<source>\1</source><target>\1</target>|' "$WORK/t.xlf" >"$WORK/t.fr.xlf"
if command -v xliff2po >/dev/null; then xliff2po "$WORK/t.fr.xlf" "$WORK/t.fr.po" >/dev/null 2>&1; fi
"$REC2XML" -t csv "$SAMPLE" >"$WORK/t.csv"
/usr/bin/python3 tests/gen/fill_csv.py "$WORK/t.csv" "$WORK/t.fr.csv"
for t in "$WORK/t.fr.xlf" "$WORK/t.fr.po" "$WORK/t.fr.csv"; do
    [ -f "$t" ] || continue
    "${VG[@]}" "$REC2XML" --translation "$t" --target-lang fr -t html "$SAMPLE" >/dev/null 2>"$WORK/vg.err"
    [ $? -ne 99 ] && ! grep -q '^==[0-9]*==' "$WORK/vg.err" && ok "valgrind clean: import $(basename "$t")" ||
        fail "valgrind clean: import $(basename "$t")" "$(grep '^==' "$WORK/vg.err" | head -20)"
done

# --diff (text and JSON, with changes of every kind), --files-from, and -o
# over a stale temporary and through a link
vg_ok() { # NAME: the last run was clean
    if [ "$status" -ne 99 ] && ! grep -q '^==[0-9]*==' "$WORK/vg.err"; then ok "valgrind clean: $1"; else
        fail "valgrind clean: $1" "$(grep '^==' "$WORK/vg.err" | head -20)"; fi
}
sed -e 's/in violation of/in breach of/' -e '/Immediately suspend/d' "$SAMPLE" >"$WORK/new.txt"
printf '  \xe2\x80\xa2 One more, added.\n' >>"$WORK/new.txt"
for f in text json; do
    "${VG[@]}" "$REC2XML" --diff --diff-format=$f "$SAMPLE" "$WORK/new.txt" >/dev/null 2>"$WORK/vg.err"
    status=$?
    vg_ok "--diff, $f"
done
python3 tests/gen/diffshapes.py huge 5000 "$WORK/huge.old" "$WORK/huge.new"
"${VG[@]}" "$REC2XML" --diff "$WORK/huge.old" "$WORK/huge.new" >/dev/null 2>"$WORK/vg.err"
status=$?
vg_ok "--diff, one item of 5,000 words"
printf '%s\0' input/*.txt tests/diagnostics/*.txt >"$WORK/list"
mkdir -p "$WORK/fl"
touch "$WORK/fl/.cambodia-drug-detention-2013.xml.Stale1"
"${VG[@]}" "$REC2XML" --force -q -d "$WORK/fl" -t xml,csv --files-from "$WORK/list" >/dev/null 2>"$WORK/vg.err"
status=$?
vg_ok "--files-from, a stale temporary swept"
ln -s "$WORK/fl/cambodia-drug-detention-2013.xml" "$WORK/link.xml"
"${VG[@]}" "$REC2XML" -o "$WORK/link.xml" "$SAMPLE" >/dev/null 2>"$WORK/vg.err"
status=$?
vg_ok "-o through a link"

# diagnostics as people and machines get them: on a pseudo-terminal (the
# quoted line, the caret by display width, colours, help lines) with -W
# options, and the JSON and SARIF fix-its, in the batch's threads too
printf 'To the Government:\n-释放所有被拘留者。[4]\n- Libe\xcc\x81rer\tles de\xcc\x81tenus. 12\n+ Invite.\n' >"$WORK/people.txt"
env TERM=xterm /usr/bin/python3 tests/gen/pty.py stderr "$WORK/tty" "${VG[@]}" --log-file="$WORK/vg.err" \
    "$REC2XML" --check --color=always -Wno-unknown-bullet -Werror=page-number "$WORK/people.txt" tests/diagnostics/*.txt
status=$?
vg_ok "a terminal: quotes, colours, -W options ($(grep -c '\^' "$WORK/tty") carets)"
for f in json sarif; do
    "${VG[@]}" "$REC2XML" --check -j 2 --diagnostics-format=$f -Wno-all -Wglued-marker -Wpage-number \
        "$WORK/people.txt" tests/diagnostics/*.txt >/dev/null 2>"$WORK/vg.out"
    status=$?
    grep '^==' "$WORK/vg.out" >"$WORK/vg.err"
    vg_ok "$f with fix-its, -Wno-all -WKIND"
done
summary
