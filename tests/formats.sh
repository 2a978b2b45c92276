#!/bin/bash
# SPDX-License-Identifier: MIT
# formats.sh - every output format as users get it from rec2xml (in process,
# the built-in stylesheets), checked by the real consumer of each format
# (tests/consumers.sh: vnu, jing, DocBook XSL, csv2po, csv-parse), compared
# with golden files, round-tripped through -t text, and replaced by a house
# stylesheet with one flag.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"

# 1. the documents: every input/ file as rec2xml writes it, and the samples
mkdir -p "$WORK/docs"
for f in input/*.txt; do
    "$REC2XML" -o "$WORK/docs/$(basename "$f" .txt).xml" "$f" || fail "convert $f"
done
cp tests/samples/*.xml "$WORK/docs/"
# each of the consumers' checks is one of ours
REC2XML_TRANSFORM="$REC2XML --force -t" REC2XML_TRANSFORM_STATUS="0 1" REC2XML_ROUNDTRIP="$REC2XML" \
    sub_checks consumers.sh bash tests/consumers.sh "$WORK/docs"

# 2. golden outputs: what users see, byte for byte
for src in tests/golden/*.src.txt; do
    name=$(basename "$src" .src.txt)
    for fmt in xml html docbook csv text xliff; do
        ext=$(case $fmt in docbook) echo dbk;; text) echo txt;; xliff) echo xlf;; *) echo $fmt;; esac)
        want="tests/golden/$name.$ext"
        [ -f "$want" ] || { fail "golden $name.$ext exists"; continue; }
        extra=()
        [ "$fmt" = xliff ] && extra=(--target-lang fr)
        "$REC2XML" -t "$fmt" "${extra[@]}" -o "$WORK/$name.$ext" "$src" 2>"$WORK/err"
        same "golden $name.$ext" "$want" "$WORK/$name.$ext"
    done
done

# 3. -t text is a formatter: converting its output back gives the same XML,
#    for every spec example that is valid and every input/ file
# (spec.py reads spec.txt: stand-ins decoded, bytes exact)
/usr/bin/python3 tests/spec.py --extract "$WORK/rt" --valid
cp input/*.txt "$WORK/rt/"
# The text form leaves page furniture out (it is the editor's text, not
# the PDF's): the page elements of the first XML are not expected back.
without_pages() {
    /usr/bin/python3 - "$1" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"\n *<page n=\"[0-9]+\"(?:/>|>.*?</page>)", "", s, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
PY
}
roundtrips=0
for f in "$WORK"/rt/*.txt; do
    "$REC2XML" -o "$f.1.xml" "$f" 2>/dev/null || continue   # invalid: nothing to format
    without_pages "$f.1.xml"
    "$REC2XML" -t text -o "$f.2.txt" "$f" 2>/dev/null || { fail "-t text $(basename "$f")"; continue; }
    if "$REC2XML" -o "$f.3.xml" "$f.2.txt" 2>"$WORK/err" && cmp -s "$f.1.xml" "$f.3.xml"; then
        roundtrips=$((roundtrips + 1))
    else
        fail "text round trip $(basename "$f")" "$(diff "$f.1.xml" "$f.3.xml" | head -10)" "$(head -3 "$WORK/err")"
    fi
done
[ "$roundtrips" -gt 60 ] && ok "text round trip gives the same XML ($roundtrips documents)" ||
    fail "text round trip covers the examples" "only $roundtrips documents"

# a recipient named by its lead-in, and a page, write nothing: no blank line
# for them (the text form has no leading or doubled blank line)
printf 'The following recommendations were made to Freedonia:\n\n  1. Ratify the Convention.\n  2. Close the centres.\n' \
    >"$WORK/leadin.txt"
"$REC2XML" -t text -o "$WORK/leadin.out.txt" "$WORK/leadin.txt" 2>/dev/null
"$REC2XML" -t text -o "$WORK/vocabulary.out.txt" tests/schemas/valid/vocabulary-12-14.xml 2>/dev/null
if [ "$(head -c 1 "$WORK/leadin.out.txt")" != "" ] && [ "$(head -1 "$WORK/leadin.out.txt")" != "" ] &&
   ! grep -qzP '\n\n\n' "$WORK/leadin.out.txt" "$WORK/vocabulary.out.txt"; then
    ok "-t text: no blank line for a derived recipient or a page"
else
    fail "-t text: no blank line for a derived recipient or a page" "$(head -4 "$WORK/leadin.out.txt" | cat -A)"
fi

# 4. a house style: a user stylesheet imports the built-in one and overrides
#    one template; parameters pass as xsltproc's --stringparam do
SAMPLE=input/cambodia-drug-detention-2013.txt
cat >"$WORK/house.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0" exclude-result-prefixes="r">
  <xsl:import href="rec2xml:/stylesheets/html.xsl"/>
  <xsl:template match="r:recipient">
    <h2 class="house-style"><xsl:apply-templates/></h2>
  </xsl:template>
</xsl:stylesheet>
XSL
expect_status "--stylesheet importing the built-in sheet" 0 \
    "$REC2XML" -t html --stylesheet "$WORK/house.xsl" -o "$WORK/house.html" "$SAMPLE"
grep -q '<h2 class="house-style">Government of Cambodia' "$WORK/house.html" &&
    grep -q '<title>' "$WORK/house.html" && ! grep -q 'class="lead"' "$WORK/house.html" &&
    ok "house stylesheet overrides and keeps the rest" || fail "house stylesheet overrides and keeps the rest"
expect_status "--param title" 0 "$REC2XML" -t html --param 'title=Cambodia: "drug" centres' -o "$WORK/p.html" "$SAMPLE"
grep -q '<title>Cambodia: "drug" centres</title>' "$WORK/p.html" && ok "--param reaches the stylesheet" ||
    fail "--param reaches the stylesheet" "$(grep -o '<title>.*</title>' "$WORK/p.html")"
cat >"$WORK/stop.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:template match="/"><xsl:message terminate="yes">house rule broken</xsl:message></xsl:template>
</xsl:stylesheet>
XSL
expect_status "xsl:message terminate is an error" 1 \
    "$REC2XML" -t html --stylesheet "$WORK/stop.xsl" -o "$WORK/stop.html" "$SAMPLE"
grep -q 'house rule broken.*\[transform-error\]' "$WORK/err" && ok "the stylesheet's message is reported" ||
    fail "the stylesheet's message is reported" "$(cat "$WORK/err")"
[ -e "$WORK/stop.html" ] && fail "no output when the stylesheet stops" || ok "no output when the stylesheet stops"
printf '<not xsl' >"$WORK/broken.xsl"
expect_status "a broken stylesheet is a usage error" 2 "$REC2XML" -t html --stylesheet "$WORK/broken.xsl" "$SAMPLE"

# 5. invalid input: no output unless --force, which still reports everything
BAD=tests/diagnostics/undefined-footnote.txt
expect_status "-t html of an invalid input" 1 "$REC2XML" -t html -o "$WORK/bad.html" "$BAD"
[ -e "$WORK/bad.html" ] && fail "invalid input: no HTML" || ok "invalid input: no HTML"
expect_status "--force writes it anyway" 1 "$REC2XML" --force -t html -o "$WORK/bad.html" "$BAD"
[ -s "$WORK/bad.html" ] && grep -q 'undefined-footnote' "$WORK/err" && ok "--force writes and reports" ||
    fail "--force writes and reports"
summary
