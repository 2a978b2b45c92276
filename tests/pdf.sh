#!/bin/bash
# SPDX-License-Identifier: MIT
# pdf.sh - the PDF path users take: pdftotext report.pdf - | rec2xml -
#
# Three reports laid out as their publishers print them (tests/gen/fo.py:
# a treaty body's concluding observations, a UPR report, an NGO report;
# our sentences, their layouts) are printed with fop, extracted with
# poppler's pdftotext, plain and -layout, and read from standard input.
# Each reading must be what a careful reader takes from the page: the
# layout, the recipients, every item with its marker and its words (no
# running head, page number or job number among them), the recommending
# States of the UPR items, and the notes.
#
# Then rec2xml's own DocBook goes the same way (DocBook XSL -> fop ->
# pdftotext -> rec2xml) and must give back the same recipients, item texts
# and footnotes (tests/gen/readback.py): for input/ and for every valid
# spec example with an item, in both pdftotext modes. All of them are
# printed by one fop run (tests/gen/fobatch.py), with fonts for every
# script they use (tests/gen/fop.xconf).
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"

for tool in fop pdftotext xsltproc; do
    if ! command -v "$tool" >/dev/null; then
        fail "$tool is installed" "apt-get install fop poppler-utils xsltproc"
        summary
        exit 1
    fi
done

# compare READING.xml EXPECT.json: a careful reader's view of the document
compare() {
    /usr/bin/python3 - "$1" "$2" <<'PY'
import json, sys
import xml.etree.ElementTree as ET
NS = "{urn:rec2xml:1.0}"
root = ET.parse(sys.argv[1]).getroot()
want = json.load(open(sys.argv[2], encoding="utf-8"))
words = lambda e: " ".join("".join(e.itertext()).split()) if e is not None else None
why = []
if root.get("layout") != want["layout"]:
    why.append("layout %s, not %s" % (root.get("layout"), want["layout"]))
recipients = [words(g.find(NS + "recipient")) for g in root.iter(NS + "group")]
if recipients != want["recipients"]:
    why.append("recipients %s, not %s" % (recipients, want["recipients"]))
items = []
for it in root.iter(NS + "item"):
    t = it.find(NS + "text")
    # the text without its note references, as the fixture wrote it
    text = (t.text or "") + "".join((c.tail or "") for c in t) if t is not None else ""
    d = {"marker": it.get("marker"), "text": " ".join(text.split())}
    if it.get("by"):
        d["by"] = it.get("by")
    items.append(d)
for k, (got, exp) in enumerate(zip(items, want["items"])):
    if got != exp:
        why.append("item %d: %s, not %s" % (k + 1, got, exp))
if len(items) != len(want["items"]):
    why.append("%d items, not %d" % (len(items), len(want["items"])))
notes = len(list(root.iter(NS + "footnote")))
if notes != want["footnotes"]:
    why.append("%d footnotes, not %d" % (notes, want["footnotes"]))
for f in root.iter(NS + "furniture"):
    for e in list(root.iter(NS + "text")) + list(root.iter(NS + "recipient")):
        if f.text and f.text in (words(e) or "") and len(f.text) > 3:
            why.append("furniture %r in %r" % (f.text, words(e)))
print("; ".join(why))
PY
}

for name in treaty upr ngo; do
    /usr/bin/python3 tests/gen/fo.py "$name" "$WORK/$name.fo" "$WORK/$name.json"
    if ! fop -q "$WORK/$name.fo" "$WORK/$name.pdf" >"$WORK/fop.log" 2>&1; then
        fail "fop prints $name" "$(grep -v WARN "$WORK/fop.log" | head -5)"
        continue
    fi
    for mode in plain layout; do
        flag=()
        [ "$mode" = layout ] && flag=(-layout)
        got=0
        pdftotext "${flag[@]}" "$WORK/$name.pdf" - | "$REC2XML" - >"$WORK/$name.$mode.xml" 2>"$WORK/err" || got=$?
        if [ "$got" -ne 0 ]; then
            fail "pdftotext $mode $name | rec2xml -" "exit $got" "$(head -5 "$WORK/err")"
            continue
        fi
        why=$(compare "$WORK/$name.$mode.xml" "$WORK/$name.json")
        if [ -z "$why" ]; then ok "pdftotext $mode $name | rec2xml -: read as printed"; else
            fail "pdftotext $mode $name | rec2xml -" "$why"; fi
    done
done

# ---- rec2xml's own DocBook, printed and read back --------------------------
for font in /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf /usr/share/fonts/truetype/wqy/wqy-microhei.ttc; do
    if [ ! -r "$font" ]; then
        fail "the round trip's fonts are installed" "no $font: apt-get install fonts-dejavu-core fonts-wqy-microhei"
        summary
        exit 1
    fi
done
DOCBOOK_FO=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/fo/docbook.xsl
FONTS="DejaVu Sans,WenQuanYi Micro Hei"
RT=$WORK/rt
mkdir -p "$RT"
/usr/bin/python3 tests/spec.py --extract "$RT" --valid >/dev/null
for f in input/*.txt; do cp "$f" "$RT/input-$(basename "$f")"; done
docs=()
arabic=0
for t in "$RT"/*.txt; do
    b=${t%.txt}
    "$REC2XML" -o "$b.xml" "$t" 2>/dev/null || continue
    grep -q '<item ' "$b.xml" || continue # nothing a page would list
    grep -q 'xml:lang="ar' "$b.xml" && arabic=$((arabic + 1))
    docs+=("$b")
done
echo "# round trip: ${#docs[@]} documents ($arabic of them Arabic)"
[ ${#docs[@]} -ge 100 ] && ok "round trip: the sample and the spec examples (${#docs[@]})" ||
    fail "round trip: the sample and the spec examples" "only ${#docs[@]} documents"
export REC2XML DOCBOOK_FO FONTS
printf '%s\0' "${docs[@]}" | xargs -0 -P "$(nproc)" -n 8 sh -c '
    for b; do
        "$REC2XML" -t docbook -o "$b.dbk" "$b.txt" 2>/dev/null &&
        xsltproc --stringparam body.font.family "$FONTS" --stringparam title.font.family "$FONTS" \
            --stringparam symbol.font.family "$FONTS" --stringparam sans.font.family "$FONTS" \
            --stringparam monospace.font.family "$FONTS" \
            -o "$b.fo" "$DOCBOOK_FO" "$b.dbk" 2>/dev/null || echo "$b" >>"$0.failed"
    done' "$RT/fo"
if [ -s "$RT/fo.failed" ]; then
    fail "DocBook XSL makes the FO of every document" "$(head -3 "$RT/fo.failed")"
else
    ok "DocBook XSL makes the FO of every document"
fi
fos=()
for b in "${docs[@]}"; do fos+=("$b.fo"); done
if /usr/bin/python3 tests/gen/fobatch.py merge "$RT/all.fo" "${fos[@]}" &&
    fop -q -c tests/gen/fop.xconf -fo "$RT/all.fo" -at application/pdf "$RT/all.at" >"$WORK/fop.log" 2>&1 &&
    fop -q -c tests/gen/fop.xconf -atin "$RT/all.at" -pdf "$RT/all.pdf" >>"$WORK/fop.log" 2>&1 &&
    /usr/bin/python3 tests/gen/fobatch.py pages "$RT/all.at" "${fos[@]}" >"$RT/pages"; then
    ok "fop prints every document ($(wc -l <"$RT/pages") documents, $(awk 'END { print $2 }' "$RT/pages") pages)"
    args=()
    k=0
    noted=0
    while read -r first last; do
        b=${docs[$k]}
        k=$((k + 1))
        for mode in plain layout; do
            # plain pdftotext prints a superscript where its line happens to
            # fall, often far from its word: notes need -layout (README)
            if [ "$mode" = plain ] && grep -q '<footnote ' "$b.xml"; then
                noted=$((noted + 1))
                continue
            fi
            flag=()
            [ "$mode" = layout ] && flag=(-layout)
            pdftotext "${flag[@]}" -f "$first" -l "$last" "$RT/all.pdf" - |
                "$REC2XML" - >"$b.$mode.xml" 2>"$b.$mode.err"
            args+=("$(basename "$b") $mode" "$b.xml" "$b.$mode.xml" "$b.$mode.err")
        done
    done <"$RT/pages"
    while IFS=$'\t' read -r name why; do
        if [ -z "$why" ]; then ok "printed and read back: $name"; else
            fail "printed and read back: $name" "$why" "$(grep -m2 'error' "$RT/${name% *}.${name##* }.err")"; fi
    done < <(/usr/bin/python3 tests/gen/readback.py "${args[@]}")
    echo "# $noted documents with footnotes read back from pdftotext -layout only"
else
    fail "fop prints every document" "$(grep -v 'WARN\|INFO' "$WORK/fop.log" | head -5)"
fi

summary
