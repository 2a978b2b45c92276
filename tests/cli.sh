#!/bin/bash
# SPDX-License-Identifier: MIT
# cli.sh - the command line as users drive it: stdin, -o, exit codes, several
# files, unreadable files, full disks, --strict, terminal quoting.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt
BAD=tests/diagnostics/undefined-footnote.txt
WARN=tests/diagnostics/unreferenced-footnote.txt

# --help and --version go to stdout and exit 0; misuse goes to stderr, exit 2
expect_status "--help exits 0" 0 "$REC2XML" --help
grep -q '^Usage: rec2xml' "$WORK/out" && ok "--help on stdout" || fail "--help on stdout"
grep -q 'Exit status' "$WORK/out" && ok "--help documents exit status" || fail "--help documents exit status"
expect_status "--version exits 0" 0 "$REC2XML" --version
grep -q '^rec2xml [0-9]' "$WORK/out" && ok "--version prints version" || fail "--version prints version"
expect_status "--help to a full disk fails" 2 sh -c "'$REC2XML' --help > /dev/full"
expect_status "no input is a usage error" 2 "$REC2XML"
grep -q "^rec2xml: no input file" "$WORK/err" && ok "usage error names the problem" || fail "usage error names the problem"
expect_status "unknown option" 2 "$REC2XML" --frobnicate "$SAMPLE"
expect_status "unknown format" 2 "$REC2XML" -t pdf "$SAMPLE"
expect_status "bad --param" 2 "$REC2XML" -t html --param novalue "$SAMPLE"
expect_status "two inputs without --check" 2 "$REC2XML" "$SAMPLE" "$SAMPLE"
expect_status "-Wfoo is unknown" 2 "$REC2XML" -Wfoo "$SAMPLE"

# stdout, stdin and -o give the same bytes
"$REC2XML" "$SAMPLE" >"$WORK/stdout.xml" 2>"$WORK/err"
"$REC2XML" - <"$SAMPLE" >"$WORK/stdin.xml" 2>"$WORK/err"
"$REC2XML" -o "$WORK/o.xml" "$SAMPLE" >"$WORK/o.out" 2>"$WORK/err"
same "stdin gives the same XML" "$WORK/stdout.xml" "$WORK/stdin.xml"
same "-o gives the same XML" "$WORK/stdout.xml" "$WORK/o.xml"
[ -s "$WORK/o.out" ] && fail "-o writes nothing to stdout" || ok "-o writes nothing to stdout"
head -1 "$WORK/stdout.xml" | grep -q '^<?xml version="1.0" encoding="UTF-8"?>$' &&
    ok "XML declaration" || fail "XML declaration"

# an invalid input writes nothing and leaves an existing output untouched
expect_status "invalid input exits 1" 1 "$REC2XML" -o "$WORK/new.xml" "$BAD"
[ -e "$WORK/new.xml" ] && fail "invalid input creates no file" || ok "invalid input creates no file"
echo "previous content" >"$WORK/keep.xml"
expect_status "invalid input, existing output" 1 "$REC2XML" -o "$WORK/keep.xml" "$BAD"
[ "$(cat "$WORK/keep.xml")" = "previous content" ] && ok "existing output untouched" ||
    fail "existing output untouched"
expect_status "invalid input to stdout" 1 "$REC2XML" "$BAD"
[ -s "$WORK/out" ] && fail "invalid input writes no stdout" || ok "invalid input writes no stdout"
ls -a "$WORK" | grep -q '^\.keep\.xml\.' && fail "no temporary file left" || ok "no temporary file left"

# --check: every file gets its verdict, the worst exit code wins
expect_status "--check several, one bad" 1 "$REC2XML" --check "$SAMPLE" "$BAD" "$SAMPLE"
grep -q '^rec2xml: 3 files checked: 2 valid, 1 invalid; 1 error, 0 warnings$' "$WORK/err" &&
    ok "--check summary line" || fail "--check summary line" "$(tail -1 "$WORK/err")"
[ "$(grep -c 'error:' "$WORK/err")" -eq 1 ] && ok "--check reports the bad file once" ||
    fail "--check reports the bad file once"
expect_status "--check all good" 0 "$REC2XML" --check "$SAMPLE" "$SAMPLE"
expect_status "--check -q prints no summary" 0 "$REC2XML" --check -q "$SAMPLE"
[ -s "$WORK/err" ] && fail "-q is quiet" || ok "-q is quiet"
expect_status "--check -o is a usage error" 2 "$REC2XML" --check -o x.xml "$SAMPLE"

# unreadable inputs: exit 2, named, and the other files still checked
expect_status "missing file" 2 "$REC2XML" --check "$SAMPLE" "$WORK/nope.txt" "$BAD"
grep -q "cannot open '$WORK/nope.txt': No such file or directory" "$WORK/err" &&
    ok "missing file named" || fail "missing file named"
grep -q 'undefined-footnote' "$WORK/err" && ok "files after a missing one are checked" ||
    fail "files after a missing one are checked"
expect_status "directory as input" 2 "$REC2XML" "$WORK"
if [ "$(id -u)" -ne 0 ]; then
    cp "$SAMPLE" "$WORK/secret.txt" && chmod 000 "$WORK/secret.txt"
    expect_status "unreadable file" 2 "$REC2XML" "$WORK/secret.txt"
fi

# output failures: a full disk and a missing directory are reported, exit 2
expect_status "stdout on a full disk" 2 sh -c "'$REC2XML' '$SAMPLE' > /dev/full"
grep -q "cannot write 'standard output': No space left on device" "$WORK/err" &&
    ok "full disk named" || fail "full disk named" "$(cat "$WORK/err")"
grep -q 'I/O error' "$WORK/err" && fail "no raw libxml2 message" || ok "no raw libxml2 message"
expect_status "-o /dev/full" 2 "$REC2XML" -o /dev/full "$SAMPLE"
[ -c /dev/full ] && ok "/dev/full is still a device" || fail "/dev/full is still a device"
expect_status "-o into a missing directory" 2 "$REC2XML" -o "$WORK/no/such/dir.xml" "$SAMPLE"

# warnings: exit 0, unless --strict / -Werror
expect_status "warning alone exits 0" 0 "$REC2XML" --check "$WARN"
expect_status "--strict makes warnings errors" 1 "$REC2XML" --check --strict "$WARN"
grep -q ': error: footnote \[2\] is never referenced' "$WORK/err" && ok "--strict reports an error" ||
    fail "--strict reports an error"
expect_status "-Werror makes warnings errors" 1 "$REC2XML" --check -Werror "$WARN"
expect_status "warning still converts" 0 "$REC2XML" -o "$WORK/warn.xml" "$WARN"
[ -s "$WORK/warn.xml" ] && ok "warning still writes output" || fail "warning still writes output"

# --lang sets xml:lang
"$REC2XML" --lang fr "$SAMPLE" | grep -q 'xml:lang="fr"' && ok "--lang" || fail "--lang"

# rec2xml XML is read back, validated, and passes
expect_status "XML input validates" 0 "$REC2XML" --check "$WORK/o.xml"
sed 's/<fnref ref="fn1">1<\/fnref>/<fnref ref="fn9">9<\/fnref>/' "$WORK/o.xml" >"$WORK/edited.xml"
expect_status "edited XML is judged" 1 "$REC2XML" --check -q "$WORK/edited.xml"
grep -q "edited.xml:5: error: footnote \[9\] is never defined \[undefined-footnote\]" "$WORK/err" &&
    ok "edited XML diagnostic at the XML line" || fail "edited XML diagnostic at the XML line" "$(cat "$WORK/err")"

# on a terminal, the source line is quoted with a caret under the column
if command -v script >/dev/null; then
    script -qec "'$REC2XML' --check -q '$BAD'" /dev/null >"$WORK/tty" 2>&1 || true
    tr -d '\r' <"$WORK/tty" >"$WORK/tty.txt"
    if grep -qx '    • Release the detainees.\[4\]' "$WORK/tty.txt" &&
       grep -qx ' \{28\}\^' "$WORK/tty.txt"; then
        ok "terminal quotes the line with a caret"
    else
        fail "terminal quotes the line with a caret" "$(cat "$WORK/tty.txt")"
    fi
    "$REC2XML" --check -q "$BAD" 2>"$WORK/notty" || true
    grep -q '\^' "$WORK/notty" && fail "no caret when not a terminal" || ok "no caret when not a terminal"
fi
# the language table's patterns compile on first use: all of them, now
if [ -x "$TOP/build/check-patterns" ]; then
    expect_status "every pattern of the language table compiles" 0 "$TOP/build/check-patterns"
else
    fail "build/check-patterns is built (make build/check-patterns)"
fi

summary
