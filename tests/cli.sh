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

# -W: a warning kind off (-Wno-KIND), on again (-WKIND), an error (-Werror=KIND);
# later options win; errors cannot be named
GLUED=tests/diagnostics/glued-marker.txt
printf 'To the Government:\n-Release all detainees.\n- Close the centers.[1]\n\n[1] Cited.\n[2] Never cited.\n' >"$WORK/two-kinds.txt"
expect_status "-Wno-KIND: exit 0" 0 "$REC2XML" --check -Wno-unreferenced-footnote "$WARN"
grep -q '^rec2xml: 1 file checked: 1 valid, 0 invalid; 0 errors, 0 warnings$' "$WORK/err" &&
    ! grep -q 'unreferenced-footnote' "$WORK/err" && ok "-Wno-KIND: the warning is gone, and uncounted" ||
    fail "-Wno-KIND: the warning is gone, and uncounted" "$(cat "$WORK/err")"
expect_status "--strict -Wno-KIND: the warning off is no error" 0 "$REC2XML" --check -q --strict -Wno-unreferenced-footnote "$WARN"
expect_status "-Wno-KIND -WKIND: the last wins" 0 "$REC2XML" --check -q -Wno-unreferenced-footnote -Wunreferenced-footnote "$WARN"
grep -q 'warning: footnote \[2\] is never referenced' "$WORK/err" && ok "-WKIND turns it on again" ||
    fail "-WKIND turns it on again" "$(cat "$WORK/err")"
expect_status "-Werror=KIND: exit 1" 1 "$REC2XML" --check -q -Werror=unreferenced-footnote "$WARN"
grep -q 'error: footnote \[2\] is never referenced \[unreferenced-footnote\]' "$WORK/err" &&
    ok "-Werror=KIND makes that kind an error" || fail "-Werror=KIND makes that kind an error" "$(cat "$WORK/err")"
expect_status "-Werror=KIND leaves other kinds warnings" 0 "$REC2XML" --check -q -Werror=glued-marker "$WARN"
expect_status "--strict -Wno-error=KIND: that kind stays a warning" 0 "$REC2XML" --check -q --strict -Wno-error=unreferenced-footnote "$WARN"
expect_status "-Werror -Wno-error: not strict" 0 "$REC2XML" --check -q -Werror -Wno-error "$WARN"
expect_status "-Wno-all -WKIND: only that kind" 0 "$REC2XML" --check -Wno-all -Wglued-marker "$WORK/two-kinds.txt"
grep -q '\[glued-marker\]' "$WORK/err" && ! grep -q '\[unreferenced-footnote\]' "$WORK/err" &&
    grep -q '0 errors, 1 warning$' "$WORK/err" && ok "-Wno-all -WKIND reports that kind alone" ||
    fail "-Wno-all -WKIND reports that kind alone" "$(cat "$WORK/err")"
expect_status "-Wno-all: no warning" 0 "$REC2XML" --check -Wno-all "$WORK/two-kinds.txt"
grep -q '0 errors, 0 warnings$' "$WORK/err" && ok "-Wno-all silences every warning" || fail "-Wno-all silences every warning" "$(cat "$WORK/err")"
expect_status "-Wno-all -Wall: every warning again" 0 "$REC2XML" --check -Wno-all -Wall "$WORK/two-kinds.txt"
grep -q '0 errors, 2 warnings$' "$WORK/err" && ok "-Wall turns every warning on again" || fail "-Wall turns every warning on again" "$(cat "$WORK/err")"
# the batch (several files, threads) and conversion go the same way
expect_status "-Wno-KIND in a batch check" 0 "$REC2XML" --check -j 2 -Wno-glued-marker "$GLUED" "$GLUED" "$WARN"
grep -q '3 files checked: 3 valid, 0 invalid; 0 errors, 1 warning$' "$WORK/err" && ok "-Wno-KIND in a batch: counted once per file" ||
    fail "-Wno-KIND in a batch: counted once per file" "$(cat "$WORK/err")"
expect_status "-Werror=KIND in -d: no output" 1 "$REC2XML" -q -d "$WORK/wd" -Werror=glued-marker "$GLUED"
[ ! -e "$WORK/wd/glued-marker.xml" ] && ok "-Werror=KIND: an invalid input is not written" || fail "-Werror=KIND: an invalid input is not written"
cat >"$WORK/says.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:import href="rec2xml:/stylesheets/html.xsl"/>
  <xsl:template match="/"><xsl:message>house note</xsl:message><xsl:apply-imports/></xsl:template>
</xsl:stylesheet>
XSL
expect_status "a stylesheet's message is a warning" 0 "$REC2XML" -t html --stylesheet "$WORK/says.xsl" -o "$WORK/says.html" "$SAMPLE"
grep -q 'house note.*\[stylesheet-message\]' "$WORK/err" && ok "stylesheet-message reported" || fail "stylesheet-message reported" "$(cat "$WORK/err")"
expect_status "-Wno-stylesheet-message" 0 "$REC2XML" -t html -Wno-stylesheet-message --stylesheet "$WORK/says.xsl" -o "$WORK/says.html" "$SAMPLE"
[ ! -s "$WORK/err" ] && ok "-Wno-stylesheet-message silences it" || fail "-Wno-stylesheet-message silences it" "$(cat "$WORK/err")"
mkdir -p "$WORK/says"
expect_status "-Wno-stylesheet-message in -d" 0 "$REC2XML" -q -d "$WORK/says" -t html -Wno-stylesheet-message --stylesheet "$WORK/says.xsl" "$SAMPLE"
[ ! -s "$WORK/err" ] && ok "-Wno-stylesheet-message in a batch" || fail "-Wno-stylesheet-message in a batch" "$(cat "$WORK/err")"
# misuse: an unknown kind says how to list them, and guesses; an error kind is refused
expect_status "-Wno-KIND with an unknown KIND" 2 "$REC2XML" --check -Wno-unreferencd-footnote "$WARN"
grep -qF "rec2xml: unknown warning kind 'unreferencd-footnote' in '-Wno-unreferencd-footnote'; did you mean '-Wno-unreferenced-footnote'? ('rec2xml --help-kinds' lists them)" "$WORK/err" &&
    ok "an unknown kind: a guess, and how to list the kinds" || fail "an unknown kind: a guess, and how to list the kinds" "$(cat "$WORK/err")"
expect_status "-Werror=KIND with an unknown KIND" 2 "$REC2XML" --check -Werror=frobnicate "$WARN"
grep -qF "unknown warning kind 'frobnicate' in '-Werror=frobnicate' ('rec2xml --help-kinds' lists them)" "$WORK/err" &&
    ok "-Werror=unknown names it" || fail "-Werror=unknown names it" "$(cat "$WORK/err")"
expect_status "-Wno-KIND of an error kind" 2 "$REC2XML" --check -Wno-undefined-footnote "$BAD"
grep -qF "'undefined-footnote' is an error, not a warning" "$WORK/err" && ok "an error kind cannot be turned off" ||
    fail "an error kind cannot be turned off" "$(cat "$WORK/err")"
# --help-kinds: every kind of the golden diagnostics, warnings apart, on stdout
expect_status "--help-kinds exits 0" 0 "$REC2XML" --help-kinds
cp "$WORK/out" "$WORK/kinds"
missing=
for err in tests/diagnostics/*.err; do
    k=$(basename "$err" .err)
    grep -qE "^  $k +[A-Z]" "$WORK/kinds" || missing="$missing $k"
done
[ -z "$missing" ] && ok "--help-kinds lists every kind" || fail "--help-kinds lists every kind" "missing:$missing"
sed -n '/^Warnings/,/^$/p' "$WORK/kinds" | grep -q '^  glued-marker ' && sed -n '/^Errors/,$p' "$WORK/kinds" | grep -q '^  undefined-footnote ' &&
    ok "--help-kinds: warnings and errors apart" || fail "--help-kinds: warnings and errors apart" "$(cat "$WORK/kinds")"
awk 'length($0) > 80 { bad = 1 } END { exit bad }' "$WORK/kinds" && ok "--help-kinds fits 80 columns" || fail "--help-kinds fits 80 columns"
expect_status "--help-kinds to a full disk fails" 2 sh -c "'$REC2XML' --help-kinds > /dev/full"
# every -W kind the warnings section lists is accepted
bad=
kinds=$(sed -n '/^Warnings/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$WORK/kinds")
[ "$(echo $kinds | wc -w)" -ge 19 ] && ok "--help-kinds lists the warnings" || fail "--help-kinds lists the warnings" "$kinds"
for k in $kinds; do
    "$REC2XML" --check -q -Wno-$k -Werror=$k "$WARN" >/dev/null 2>&1 || [ $? -eq 1 ] || bad="$bad $k"
done
[ -z "$bad" ] && ok "every listed warning kind is accepted by -W" || fail "every listed warning kind is accepted by -W" "$bad"
# the bash completion offers the same kinds (it writes them out)
sed -n '/^Warnings/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$WORK/kinds" | sort >"$WORK/kinds.help"
bash -c '. contrib/bash-completion/rec2xml 2>/dev/null; printf "%s\n" $_rec2xml_warnings' | sort >"$WORK/kinds.completion"
same "the completion's warning kinds are --help-kinds' warnings" "$WORK/kinds.help" "$WORK/kinds.completion"

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
    NO_COLOR=1 script -qec "'$REC2XML' --check -q '$BAD'" /dev/null >"$WORK/tty" 2>&1 || true
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
