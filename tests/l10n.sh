#!/bin/bash
# SPDX-License-Identifier: MIT
# l10n.sh - the outputs in the document's language, checked by their real
# consumers:
#   * the message catalogue has every message in each of the seven
#     languages, and no stylesheet writes a word of its own (a scan that
#     fails on the stylesheets as they were before the catalogue);
#   * documents written in French, Arabic and Chinese (tests/l10n/*.xml) give
#     HTML, DocBook, CSV and XLIFF with no English word a stylesheet
#     generated, pages that say their language and direction, titles from
#     their own words; vnu and jing accept them; DocBook XSL writes its own
#     words in their language; xliff2po carries the notes into "#."
#     comments, translate-toolkit's CSV reader the developer_comments;
#   * pseudo-translations of the sample into French, Arabic and Chinese go
#     through CSV (comma, semicolon, tab), XLIFF, and PO made by csv2po and
#     by xliff2po: every segment arrives, the recipient header whole;
#   * the recommending States of a UPR document are translated too;
#   * each XLIFF file of a batch names its own input.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
PY=/usr/bin/python3
CHECK="$PY tests/l10n/check.py"
LANGS="ar en es fr pt ru zh"
SRC=input/cambodia-drug-detention-2013.txt
VNU=tests/node_modules/vnu-jar/build/dist/vnu.jar
DOCBOOK_RNG=/usr/share/xml/docbook/schema/rng/5.0/docbook.rng
DOCBOOK_XSL=/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl
mkdir -p "$WORK/html" "$WORK/dbk" "$WORK/exports"

# tally LOG: count the ok/FAIL lines a checker printed
tally() {
    local line
    while IFS= read -r line; do
        case $line in
        "ok "*) ok "${line#ok }" ;;
        "FAIL "*) fail "${line#FAIL }" ;;
        esac
    done <"$1"
}

# --- the catalogue and the stylesheets ----------------------------------------
$CHECK catalogue $LANGS >"$WORK/log" 2>&1; tally "$WORK/log"
$CHECK stylesheets stylesheets/*.xsl >"$WORK/log" 2>&1; tally "$WORK/log"
# the scan fails on a word written into a stylesheet: an h2 "Notes" and an
# English aria-label, as html.xsl had them before the catalogue
sed 's|<h2>|<h2>Notes|; s|role="doc-backlink">|role="doc-backlink" aria-label="Back to reference">|' \
    stylesheets/html.xsl >"$WORK/html.xsl"
if $CHECK stylesheets "$WORK/html.xsl" >"$WORK/log" 2>&1; then
    fail "the stylesheet scan finds words written in a stylesheet" "$(cat "$WORK/log")"
elif grep -q "text 'Notes'" "$WORK/log" && grep -q 'aria-label="Back to reference"' "$WORK/log"; then
    ok "the stylesheet scan finds words written in a stylesheet"
else
    fail "the stylesheet scan finds words written in a stylesheet" "$(cat "$WORK/log")"
fi

# --- documents written in French, Arabic, Chinese -------------------------------
for lang in fr ar zh; do
    for doc in headers upr; do
        in=tests/l10n/$doc.$lang.xml
        for fmt in html docbook csv xliff; do
            ext=$(case $fmt in docbook) echo dbk ;; xliff) echo xlf ;; *) echo "$fmt" ;; esac)
            dir=$WORK/exports
            case $fmt in html) dir=$WORK/html ;; docbook) dir=$WORK/dbk ;; esac
            "$REC2XML" -t "$fmt" -o "$dir/$doc.$lang.$ext" "$in" 2>"$WORK/err" ||
                fail "$doc.$lang: -t $fmt" "$(head -3 "$WORK/err")"
        done
    done
    $CHECK english "$lang" "$WORK"/html/*."$lang".html "$WORK"/dbk/*."$lang".dbk \
        "$WORK"/exports/*."$lang".csv "$WORK"/exports/*."$lang".xlf >"$WORK/log" 2>&1
    tally "$WORK/log"
done
# the check sees English when there is some: the French document with its
# generated words in English
"$REC2XML" -t html -p lang=en -o "$WORK/en-words.html" tests/l10n/upr.fr.xml
"$REC2XML" -t xliff -p lang=en -o "$WORK/en-words.xlf" tests/l10n/upr.fr.xml
if $CHECK english fr "$WORK/en-words.html" "$WORK/en-words.xlf" >"$WORK/log" 2>&1; then
    fail "the English check finds generated English" "$(cat "$WORK/log")"
else
    grep -q 'FAIL no English generated in en-words.html (fr): .*Recommended by' "$WORK/log" &&
        grep -q 'FAIL no English generated in en-words.xlf (fr): .*Kind' "$WORK/log" &&
        ok "the English check finds generated English" ||
        fail "the English check finds generated English" "$(cat "$WORK/log")"
fi

# language, direction and title, as a reader of each language expects them
page() { grep -o "$2" "$WORK/html/$1.html" | head -1; }
[ "$(page headers.ar '<html[^>]*>')" = '<html lang="ar" dir="rtl">' ] &&
    [ "$(page headers.fr '<html[^>]*>')" = '<html lang="fr">' ] &&
    [ "$(page headers.zh '<html[^>]*>')" = '<html lang="zh">' ] &&
    ok "pages say their language, and Arabic its direction" ||
    fail "pages say their language and direction" "$(grep -ho '<html[^>]*>' "$WORK"/html/headers.*.html)"
for want in "headers.fr|Recommandations au gouvernement de la Freedonie et aux donateurs" \
            "headers.ar|توصيات إلى حكومة فريدونيا وإلى الجهات المانحة" \
            "headers.zh|致弗里多尼亚政府和致捐助方的建议" \
            "upr.fr|Recommandations : Freedonie ; Au ministère de la Justice"; do
    name=${want%%|*} title=${want#*|}
    got=$(page "$name" '<title>[^<]*</title>' | sed 's/<[^>]*>//g; s/\xc2\xa0/ /g')
    [ "$got" = "$title" ] && ok "title of $name names every recipient in its language" ||
        fail "title of $name" "got '$got'"
done
grep -q '<a class="backref" role="doc-backlink" aria-label="العودة إلى موضع الإحالة 2" href="#ref-g1.2-1">↪︎<sup>2</sup></a>' \
    "$WORK/html/headers.ar.html" && ok "Arabic back-links: name and arrow of the language" ||
    fail "Arabic back-links" "$(grep -o '<a class="backref"[^>]*>[^<]*' "$WORK/html/headers.ar.html" | head -2)"
# (French puts a no-break space before a colon: read as a space here)
nbsp() { sed 's/\xc2\xa0/ /g' "$1"; }
nbsp "$WORK/html/upr.fr.html" | grep -q '<p class="by">Recommandée par : République de Corée; Espagne</p>' &&
    grep -q '<span class="marker">110.2</span>' "$WORK/html/upr.fr.html" &&
    grep -q '<h3 class="heading" id="p4">' "$WORK/html/upr.fr.html" &&
    grep -q '<p id="p2" class="finding">' "$WORK/html/upr.fr.html" &&
    ! grep -q 'A/HRC/99/1' "$WORK/html/upr.fr.html" &&
    ok "UPR page: numbers, recommending States, heading, finding, no page furniture" ||
    fail "UPR page: numbers, recommending States, heading, finding, no page furniture"
# one list goes on over a page break
[ "$(grep -c '<ol' "$WORK/html/upr.fr.html")" -eq 3 ] && ok "a page break does not cut a list" ||
    fail "a page break does not cut a list" "$(grep -c '<ol' "$WORK/html/upr.fr.html") ordered lists"

# DocBook XSL writes its own words in the article's language
"$REC2XML" -t docbook -o "$WORK/dbk/sample.en.dbk" "$SRC"
for want in "sample.en|Table of Contents|" "headers.fr|Table des matières|" "headers.ar|قائمة المحتويات|rtl" \
            "headers.zh|目录|"; do
    IFS='|' read -r name toc dir <<<"$want"
    xsltproc --nonet "$DOCBOOK_XSL" "$WORK/dbk/$name.dbk" >"$WORK/$name.db.html" 2>"$WORK/err"
    got=$($PY - "$WORK/$name.db.html" <<'PY'
import html, re, sys
page = html.unescape(open(sys.argv[1], "rb").read().decode("latin-1"))
toc = re.findall(r'<div class="toc"><p><b>([^<]*)</b>', page)
body = re.search(r"<body[^>]*>", page).group(0)
print((toc or ["(no table of contents)"])[0] + "|" + ("rtl" if 'dir="rtl"' in body else ""))
PY
)
    [ "$got" = "$toc|$dir" ] && ok "DocBook XSL writes its own words in the article's language: $name ($toc)" ||
        fail "DocBook XSL in the article's language: $name" "got '$got', want '$toc|$dir'" "$(head -3 "$WORK/err")"
done

# the CSV of documents with the new kinds (headings, findings, lead-ins,
# States) and the other languages: strict RFC 4180, and one PO entry per row
"$REC2XML" -t csv -o "$WORK/exports/vocabulary.en.csv" tests/schemas/valid/vocabulary-12-14.xml
node tests/csv-parse-check.mjs "$WORK"/exports/*.csv >"$WORK/log" 2>&1; tally "$WORK/log"
for f in "$WORK"/exports/*.csv; do
    csv2po --progress=none "$f" "${f%.csv}.po" >/dev/null 2>&1
    $PY - "$f" "${f%.csv}.po" >"$WORK/log" 2>&1 <<'PY'
import csv, os, sys
from translate.storage import po
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))[1:]
units = [u for u in po.pofile(open(sys.argv[2], "rb")).units if not u.isheader()]
good = sorted(u.getlocations()[0] for u in units) == sorted(r[0] for r in rows)
print(("ok" if good else "FAIL") + " csv2po: one PO entry per row of " + os.path.basename(sys.argv[1])
      + ("" if good else ": %d rows, %d entries" % (len(rows), len(units))))
PY
    tally "$WORK/log"
done

# the translator's context reaches PO comments (xliff2po) and translate-
# toolkit's CSV reader (developer_comments), in the document's language
xliff2po "$WORK/exports/upr.fr.xlf" "$WORK/upr.fr.po" >/dev/null 2>&1
for note in "Type : recommandation" "Destinataire : Freedonie" "Numéro : 110.2" \
            "Recommandée par : République de Corée; Espagne" "Type : État auteur de la recommandation"; do
    nbsp "$WORK/upr.fr.po" | grep -q "^#\. $note\$" && ok "xliff2po carries the note '$note'" ||
        fail "xliff2po carries the note '$note'" "$(grep '^#\.' "$WORK/upr.fr.po" | head -5)"
done
$PY - "$WORK/exports/upr.fr.csv" >"$WORK/log" 2>&1 <<'PY'
import sys
from translate.storage import csvl10n
store = csvl10n.csvfile(open(sys.argv[1], "rb"))
units = {u.location: u for u in store.units}
note = units["g1.2"].getnotes("developer").replace("\u00a0", " ")
want = "Type : recommandation | Destinataire : Freedonie | Numéro : 110.2 | Recommandée par : République de Corée; Espagne"
print(("ok" if note == want else "FAIL") + " translate-toolkit's CSV reader: developer comment of g1.2"
      + ("" if note == want else ": %r" % note))
PY
tally "$WORK/log"

# --- pseudo-translations of the sample ------------------------------------------
"$REC2XML" -t csv -o "$WORK/sample.csv" "$SRC"
"$REC2XML" -t xliff -o "$WORK/sample.xlf" "$SRC"
xliff2po "$WORK/sample.xlf" "$WORK/sample.po" >/dev/null 2>&1 || fail "xliff2po reads the sample's XLIFF"
segments=$(($(wc -l <"$WORK/sample.csv") - 1))
grep -q '^msgid "To the Government of Cambodia \[1\]"$' "$WORK/sample.po" &&
    grep -q '^#\. Kind: recipient header$' "$WORK/sample.po" &&
    ok "the recipient header is one segment, with its words" || fail "the recipient header is one segment"
fill() { "$PY" tests/gen/fill_translation.py tests/l10n/cambodia.tsv "$@"; }
for lang in fr ar zh; do
    fill "$lang" "$WORK/sample.csv" "$WORK/$lang.csv"
    fill "$lang" "$WORK/sample.xlf" "$WORK/$lang.xlf"
    fill "$lang" "$WORK/sample.po" "$WORK/$lang.xliff2po.po"
    csv2po "$WORK/$lang.csv" "$WORK/$lang.csv2po.po" >/dev/null 2>&1 || fail "csv2po reads the $lang CSV"
    files="$lang.csv $lang.xlf $lang.csv2po.po $lang.xliff2po.po"
    case $lang in
    fr) fill fr "$WORK/sample.csv" "$WORK/fr.semicolon.csv" --delimiter=';' --sep-line
        files="$files fr.semicolon.csv" ;;
    ar) fill ar "$WORK/sample.csv" "$WORK/ar.tab.csv" --delimiter=tab
        files="$files ar.tab.csv" ;;
    esac
    for t in $files; do
        note=""
        case $t in *semicolon*) note="; CSV columns separated by semicolons" ;; *tab*) note="; CSV columns separated by tabs" ;; esac
        expect_status "import $t" 0 "$REC2XML" --translation "$WORK/$t" --target-lang "$lang" -t html \
            -o "$WORK/html/sample.$t.html" "$SRC"
        grep -qx "rec2xml: $WORK/$t: $segments/$segments segments translated, 0 stale, 0 missing$note" "$WORK/err" &&
            ok "import $t: every segment${note:+, and the separator said}" ||
            fail "import $t: every segment" "$(tail -2 "$WORK/err")"
    done
    "$REC2XML" --translation "$WORK/$lang.xlf" --target-lang "$lang" -t docbook \
        -o "$WORK/dbk/sample.$lang.dbk" "$SRC" 2>/dev/null
    "$REC2XML" --translation "$WORK/$lang.xlf" --target-lang "$lang" -o "$WORK/sample.$lang.xml" "$SRC" 2>/dev/null
    $CHECK english "$lang" "$WORK"/html/sample."$lang".*.html "$WORK/dbk/sample.$lang.dbk" >"$WORK/log" 2>&1
    tally "$WORK/log"
done
# the translated header is split by the French header words of the reader
# (src/lang.c): "Au" is its lead, the rest the recipient; the text form
# writes it as written
leads=$(xmllint --xpath 'count(//*[local-name()="recipient"][@lead != ""])' "$WORK/sample.fr.xml")
lead=$(xmllint --xpath 'string(//*[local-name()="recipient"]/@lead)' "$WORK/sample.fr.xml")
first=$(xmllint --xpath 'normalize-space(//*[local-name()="recipient"])' "$WORK/sample.fr.xml")
[ "$leads" = 5 ] && [ "$lead" = "Au" ] && [ "$first" = "gouvernement du Cambodge 1" ] &&
    "$REC2XML" --check -q "$WORK/sample.fr.xml" 2>/dev/null &&
    ok "a translated header is split into its lead and its recipient, and the document is valid" ||
    fail "a translated header is split into lead and recipient" "$leads leads, first lead '$lead', recipient '$first'"
"$REC2XML" -t text -o "$WORK/sample.fr.txt" "$WORK/sample.fr.xml"
grep -qx 'Au gouvernement du Cambodge \[1\]' "$WORK/sample.fr.txt" && ! grep -q '^To ' "$WORK/sample.fr.txt" &&
    ok "the text form writes the translated header as its header line" ||
    fail "the text form writes the translated header" "$(head -4 "$WORK/sample.fr.txt")"
grep -q 'Au</span> gouvernement du Cambodge <sup' "$WORK/html/sample.fr.xlf.html" &&
    ok "the French page shows the translated header as written" ||
    fail "the French page shows the translated header" "$(grep -A1 '<h2' "$WORK/html/sample.fr.xlf.html" | head -3)"
grep -q '<html lang="ar" dir="rtl">' "$WORK/html/sample.ar.xlf.html" &&
    grep -q '<p id="p1" class="date"><time datetime="2013-12-09">9 ديسمبر 2013</time></p>' "$WORK/html/sample.ar.xlf.html" &&
    ok "the Arabic page: right to left, the date as translated, the ISO date kept" ||
    fail "the Arabic page: direction and date" "$(grep -o '<html[^>]*>\|<p id="p1".*' "$WORK/html/sample.ar.xlf.html")"
# a comma CSV says nothing about its separator
grep -qx "rec2xml: $WORK/fr.csv: $segments/$segments segments translated, 0 stale, 0 missing" <(
    "$REC2XML" --translation "$WORK/fr.csv" --target-lang fr -o /dev/null "$SRC" 2>&1) &&
    ok "a comma-separated CSV: no note" || fail "a comma-separated CSV: no note"

# --- recommending States are segments, translated wherever they stand ----------
UPR=tests/schemas/valid/vocabulary-12-14.xml
"$REC2XML" -t csv -o "$WORK/upr.csv" "$UPR"
grep -q '^"g1.2.by2","state","Freedonia","","","Spain","",' "$WORK/upr.csv" &&
    [ "$(grep -c '","state","' "$WORK/upr.csv")" -eq 3 ] &&
    ok "each recommending State is one segment, at its first item" ||
    fail "each recommending State is one segment" "$(grep state "$WORK/upr.csv")"
$PY tests/gen/fill_csv.py "$WORK/upr.csv" "$WORK/upr.fr.csv" 'FR {source}'
expect_status "import the UPR translation" 0 "$REC2XML" --translation "$WORK/upr.fr.csv" --target-lang fr \
    -o "$WORK/upr.fr.xml" "$UPR"
rows=$(($(wc -l <"$WORK/upr.csv") - 1))
grep -q "$rows/$rows segments translated, 0 stale, 0 missing" "$WORK/err" &&
    [ "$(xmllint --xpath 'string(//*[@id="g1.2"]/@by)' "$WORK/upr.fr.xml")" = "FR Republic of Korea; FR Spain" ] &&
    ok "the States' translations land in every by that names them" ||
    fail "the States' translations land in every by" "$(tail -1 "$WORK/err")" \
        "$(xmllint --xpath 'string(//*[@id="g1.2"]/@by)' "$WORK/upr.fr.xml")"
"$REC2XML" -t html -o "$WORK/upr.fr.html" "$WORK/upr.fr.xml"
nbsp "$WORK/upr.fr.html" | grep -q '<p class="by">Recommandée par : FR Republic of Korea; FR Spain</p>' &&
    ok "the page shows the translated States" || fail "the page shows the translated States"

# --- a batch: each XLIFF file names its own input ----------------------------------
mkdir -p "$WORK/in"
cp "$SRC" "$WORK/in/cambodia.txt"
cp tests/golden/edge-cases.src.txt "$WORK/in/edge.txt"
"$REC2XML" -d "$WORK/batch" -t xliff "$WORK/in/cambodia.txt" "$WORK/in/edge.txt" 2>/dev/null
grep -q '<file original="cambodia.txt"' "$WORK/batch/cambodia.xlf" &&
    grep -q '<file original="edge.txt"' "$WORK/batch/edge.xlf" &&
    ok "batch XLIFF files carry their own original" ||
    fail "batch XLIFF files carry their own original" "$(grep -h '<file' "$WORK"/batch/*.xlf)"
"$REC2XML" -t xliff -p original=report.docx -o "$WORK/given.xlf" "$SRC"
grep -q '<file original="report.docx"' "$WORK/given.xlf" && ok "--param original wins" || fail "--param original wins"

# --- document() reads the built-in catalogue, and only what is built in ------------
cat >"$WORK/reads.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:rec2xml:l10n">
  <xsl:template match="/">
    <p><xsl:value-of select="document('rec2xml:/stylesheets/l10n/fr.xml')//l:msg[@key='notes']"/>
      <xsl:value-of select="document('rec2xml:/stylesheets/../../../../etc/hostname')"/></p>
  </xsl:template>
</xsl:stylesheet>
XSL
expect_status "a stylesheet reading outside the built-in resources fails" 1 \
    "$REC2XML" --stylesheet "$WORK/reads.xsl" -t html "$SRC"
grep -q 'Network file read for rec2xml:/stylesheets/../../../../etc/hostname refused' "$WORK/err" &&
    ! grep -q 'l10n/fr.xml' "$WORK/err" && ok "the catalogue is read, the rest refused" ||
    fail "the catalogue is read, the rest refused" "$(head -3 "$WORK/err")"
# --- the real consumers, once over every page and article above ------------------
# (the documents in three languages, the translated samples, the vocabulary
# of issues 12-14 with its unmarked items and notes inside items)
"$REC2XML" -t html -o "$WORK/html/vocabulary.html" tests/schemas/valid/vocabulary-12-14.xml
"$REC2XML" -t docbook -o "$WORK/dbk/vocabulary.dbk" tests/schemas/valid/vocabulary-12-14.xml
grep -q '<li id="fn3" value="3">' "$WORK/html/vocabulary.html" &&
    ok "a note printed inside an item is in the notes" || fail "a note printed inside an item is in the notes"
pages=$(ls "$WORK"/html/*.html | wc -l)
if java -jar "$VNU" --errors-only --format gnu "$WORK"/html/*.html >"$WORK/vnu" 2>&1; then
    ok "vnu accepts every page ($pages: French, Arabic, Chinese, translated, UPR)"
else
    fail "vnu accepts every page" "$(head -5 "$WORK/vnu")"
fi
articles=$(ls "$WORK"/dbk/*.dbk | wc -l)
jing "$DOCBOOK_RNG" "$WORK"/dbk/*.dbk >"$WORK/jing" 2>/dev/null &&
    ok "jing accepts every DocBook article ($articles)" || fail "jing accepts every DocBook article" "$(head -5 "$WORK/jing")"
summary
