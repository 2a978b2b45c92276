#!/bin/bash
# SPDX-License-Identifier: MIT
# translate.sh - the translation round trip end to end: export CSV and XLIFF,
# fill the targets as a translator would, import, and check the translated
# HTML with vnu and the DocBook with jing; a PO made by csv2po and one by
# xliff2po import too; stale, missing and footnote-breaking translations are
# reported and never applied; after items are inserted or deleted in the
# source, no translation lands on the wrong item and moved items keep theirs.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SRC=input/cambodia-drug-detention-2013.txt
cp "$SRC" "$WORK/report.txt"

# --- export, and the readers of each export ---------------------------------
"$REC2XML" -t csv -o "$WORK/report.csv" "$WORK/report.txt"
"$REC2XML" -t xliff --target-lang fr -o "$WORK/report.xlf" "$WORK/report.txt"
segments=$(($(wc -l <"$WORK/report.csv") - 1))
xliff2po "$WORK/report.xlf" "$WORK/from-xliff.po" >/dev/null 2>&1 && ok "xliff2po reads the XLIFF" || fail "xliff2po reads the XLIFF"
entries=$(grep -c '^msgid "[^"]' "$WORK/from-xliff.po"; true)
multi=$(grep -c '^msgid ""$' "$WORK/from-xliff.po"; true)
[ $((entries + multi - 1)) -eq "$segments" ] && ok "xliff2po: one PO entry per segment ($segments)" ||
    fail "xliff2po: one PO entry per segment" "$((entries + multi - 1)) entries, $segments segments"
grep -q 'msgid "To the Government of Cambodia \[1\]"' "$WORK/from-xliff.po" &&
    ok "xliff2po keeps the footnote placeholder" || fail "xliff2po keeps the footnote placeholder"
if [ -d tests/node_modules/xliff ]; then
    node -e '
const xliff = require(process.argv[2]);
const text = require("fs").readFileSync(process.argv[1], "utf8");
xliff.xliff12ToJs(text, (err, res) => {
  if (err) { console.error(err); process.exit(1); }
  const units = Object.values(res.resources).map(r => Object.keys(r).length).reduce((a, b) => a + b, 0);
  if (units !== Number(process.argv[3])) { console.error("units", units); process.exit(1); }
  if (res.targetLanguage !== "fr" || res.sourceLanguage !== "en") { console.error(res.sourceLanguage, res.targetLanguage); process.exit(1); }
});' "$WORK/report.xlf" "$TOP/tests/node_modules/xliff" "$segments" 2>"$WORK/err" &&
        ok "npm xliff reads the XLIFF: $segments units, en -> fr" || fail "npm xliff reads the XLIFF" "$(cat "$WORK/err")"
else
    fail "npm xliff installed (npm ci --prefix tests)"
fi

# --- a translator fills in the targets ----------------------------------------
fill_csv() { # in out
    /usr/bin/python3 "$TOP/tests/gen/fill_csv.py" "$1" "$2"
}
fill_csv "$WORK/report.csv" "$WORK/report.fr.csv"
/usr/bin/python3 - "$WORK/report.xlf" "$WORK/report.fr.xlf" <<'PY'
import sys, xml.dom.minidom as m
doc = m.parse(sys.argv[1])
for unit in doc.getElementsByTagName("trans-unit"):
    source = unit.getElementsByTagName("source")[0]
    target = source.cloneNode(True)
    target.tagName = "target"
    target.insertBefore(doc.createTextNode("FR "), target.firstChild)
    target.setAttribute("state", "translated")
    unit.setAttribute("approved", "yes")  # the translator confirmed it
    unit.insertBefore(target, source.nextSibling)
open(sys.argv[2], "w", encoding="utf-8").write(doc.toxml())
PY
csv2po "$WORK/report.fr.csv" "$WORK/report.fr.po" >/dev/null 2>&1 && ok "csv2po makes a PO of the filled CSV" || fail "csv2po"
xliff2po "$WORK/report.fr.xlf" "$WORK/report.xfr.po" >/dev/null 2>&1 && ok "xliff2po makes a PO of the filled XLIFF" || fail "xliff2po filled"

# --- import each: every segment translated, valid HTML and DocBook -------------
mkdir -p "$WORK/html" "$WORK/dbk"
for t in report.fr.csv report.fr.xlf report.fr.po report.xfr.po; do
    expect_status "import $t" 0 "$REC2XML" --translation "$WORK/$t" --target-lang fr -t html \
        -o "$WORK/html/$t.html" "$WORK/report.txt"
    grep -q "^rec2xml: $WORK/$t: $segments/$segments segments translated, 0 stale, 0 missing$" "$WORK/err" &&
        ok "import $t: full coverage" || fail "import $t: full coverage" "$(tail -2 "$WORK/err")"
    "$REC2XML" --translation "$WORK/$t" --target-lang fr -t docbook -o "$WORK/dbk/$t.dbk" "$WORK/report.txt" 2>/dev/null
done
grep -q '<html lang="fr">' "$WORK/html/report.fr.xlf.html" && grep -q 'FR Release all persons' "$WORK/html/report.fr.xlf.html" &&
    ok "translated HTML says lang=fr and holds the French" || fail "translated HTML says lang=fr"
VNU=tests/node_modules/vnu-jar/build/dist/vnu.jar
java -jar "$VNU" --errors-only "$WORK"/html/*.html >"$WORK/vnu" 2>&1 && ok "vnu accepts every translated HTML" ||
    fail "vnu accepts every translated HTML" "$(head -5 "$WORK/vnu")"
jing /usr/share/xml/docbook/schema/rng/5.0/docbook.rng "$WORK"/dbk/*.dbk >"$WORK/jing" 2>&1 &&
    ok "jing accepts every translated DocBook" || fail "jing accepts every translated DocBook" "$(head -5 "$WORK/jing")"
grep -q 'xml:lang="fr"' "$WORK/dbk/report.fr.csv.dbk" && ok "translated DocBook says xml:lang=fr" || fail "translated DocBook lang"

# --- spreadsheets of other locales write ; or tabs between columns ---------------
/usr/bin/python3 - "$WORK/report.fr.csv" "$WORK" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
for name, sep, first in (("semicolon", ";", ""), ("tab", "\t", ""), ("excel", ";", "sep=;\r\n")):
    with open("%s/report.fr.%s.csv" % (sys.argv[2], name), "w", encoding="utf-8", newline="") as f:
        f.write(first)
        csv.writer(f, delimiter=sep, lineterminator="\r\n").writerows(rows)
PY
for t in semicolon:semicolons tab:tabs excel:semicolons; do
    name=${t%%:*} said=${t#*:}
    expect_status "import a CSV separated by $said ($name)" 0 "$REC2XML" --translation "$WORK/report.fr.$name.csv" \
        --target-lang fr -o "$WORK/$name.xml" "$WORK/report.txt"
    grep -q "^rec2xml: $WORK/report.fr.$name.csv: $segments/$segments segments translated, 0 stale, 0 missing; CSV columns separated by $said$" "$WORK/err" &&
        ok "the $name CSV: every segment, and the separator said" || fail "the $name CSV" "$(tail -2 "$WORK/err")"
done

# --- the report changes after the export ----------------------------------------
/usr/bin/python3 - "$WORK/report.txt" "$WORK/edited.txt" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
# an item inserted first in group 1: every later id in the group shifts
s = s.replace("  • Release all persons", "  • Publish the list of detainees.\n  • Release all persons", 1)
# an item deleted in group 1
s = s.replace("  • Immediately suspend all preparations to build a new “national” drug detention center.\n", "")
# an item edited: its translation is stale
s = s.replace("comports with international standards", "complies with international standards")
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
expect_status "import into an edited report" 0 "$REC2XML" --translation "$WORK/report.fr.csv" -t xml \
    --target-lang fr -o "$WORK/edited.fr.xml" "$WORK/edited.txt"
xp() { xmllint --xpath "$1" "$WORK/edited.fr.xml" 2>/dev/null; }
item() { printf 'normalize-space(//*[local-name()="item"][@id="%s"]/*[local-name()="text"])' "$1"; }
[ "$(xp "$(item g1.1)")" = "Publish the list of detainees." ] && ok "the inserted item keeps its source (no translation attached)" ||
    fail "inserted item" "$(xp "$(item g1.1)")"
[ "$(xp "$(item g1.2)")" = "FR Release all persons currently held in Cambodian drug detention centers, as their continued detention cannot be justified on legal or health grounds." ] &&
    ok "a shifted item keeps its own translation" || fail "shifted item" "$(xp "$(item g1.2)")"
[ "$(xp "$(item g1.4)")" = "FR Ensure a prompt, thorough, and impartial investigation and appropriate prosecutions of those responsible for serious abuses in connection with drug detention centers, including arbitrary arrests, torture, cruel, inhuman or degrading treatment or punishment, and forced labor." ] &&
    ok "an item after the deletion keeps its own translation" || fail "item after deletion" "$(xp "$(item g1.4)")"
case "$(xp "$(item g2.1)")" in FR*) fail "the edited item is not translated" ;; *complies*) ok "the edited item keeps its new source" ;; *) fail "edited item" ;; esac
grep -q "edited.txt:14:5: warning: the translation of g2.1 (line .* of $WORK/report.fr.csv) is for a text that has changed since the export; the source text is kept \[stale-translation\]" "$WORK/err" &&
    ok "stale translation reported at the source line" || fail "stale translation reported" "$(grep stale "$WORK/err")"
grep -q "g1.1 has no translation; the source text is kept \[missing-translation\]" "$WORK/err" &&
    ok "missing translation reported" || fail "missing translation reported"
grep -q "segments translated, 1 stale, 1 missing$" "$WORK/err" && ok "coverage summary counts stale and missing" ||
    fail "coverage summary" "$(tail -1 "$WORK/err")"

# --- a translation that drops or invents a footnote reference --------------------
sed 's/"FR To the Government of Cambodia \[1\]"/"FR Au gouvernement du Cambodge"/' "$WORK/report.fr.csv" >"$WORK/dropped.csv"
expect_status "a dropped footnote reference is an error" 1 "$REC2XML" --translation "$WORK/dropped.csv" \
    --target-lang fr -o "$WORK/dropped.xml" "$WORK/report.txt"
grep -q 'the translation of g1 cites footnotes \[\] where the source cites \[1\]; the source text is kept \[translation-footnotes\]' "$WORK/err" &&
    ok "the footnote error names the segment" || fail "footnote error" "$(grep footnotes "$WORK/err")"
[ -e "$WORK/dropped.xml" ] && fail "no output after an error" || ok "no output after an error"
sed 's/"FR Stop the arbitrary/"FR [7] Stop the arbitrary/' "$WORK/report.fr.csv" >"$WORK/invented.csv"
expect_status "an invented footnote reference is an error" 1 "$REC2XML" --translation "$WORK/invented.csv" \
    --target-lang fr -o "$WORK/invented.xml" "$WORK/report.txt"

# --- unconfirmed (fuzzy) translations are not applied --------------------------
sed 's/ approved="yes"//' "$WORK/report.fr.xlf" >"$WORK/unconfirmed.xlf"
xliff2po "$WORK/unconfirmed.xlf" "$WORK/unconfirmed.po" >/dev/null 2>&1
expect_status "a PO of fuzzy entries imports" 0 "$REC2XML" --translation "$WORK/unconfirmed.po" --target-lang fr \
    -o "$WORK/fuzzy.xml" "$WORK/report.txt"
grep -q "0/$segments segments translated, 0 stale, $segments missing" "$WORK/err" &&
    grep -q 'has only a fuzzy translation, not confirmed by the translator' "$WORK/err" &&
    ok "fuzzy entries are reported and not applied" || fail "fuzzy entries" "$(tail -2 "$WORK/err")"

# --- the same words under two recipients: each gets its own translation -------
printf 'To the Government\n\n  • Ratify the Convention.\n\nTo Donors\n\n  • Ratify the Convention.\n' >"$WORK/twins.txt"
"$REC2XML" -t csv -o "$WORK/twins.csv" "$WORK/twins.txt"
"$REC2XML" -t xliff --target-lang fr -o "$WORK/twins.xlf" "$WORK/twins.txt"
/usr/bin/python3 "$TOP/tests/gen/fill_csv.py" "$WORK/twins.csv" "$WORK/twins.fr.csv" '{source} ({location})'
sed 's|<trans-unit id="\([^"]*\)"\(.*\)|<trans-unit approved="yes" id="\1"\2|; s|<source>\(.*\)</source>|<source>\1</source><target>\1 (ID)</target>|' \
    "$WORK/twins.xlf" | awk '/<trans-unit/ {match($0, /id="[^"]*"/); id=substr($0, RSTART+4, RLENGTH-5)} {gsub(/\(ID\)/, "(" id ")"); print}' >"$WORK/twins.fr.xlf"
csv2po "$WORK/twins.fr.csv" "$WORK/twins.fr.po" >/dev/null 2>&1
for t in twins.fr.csv twins.fr.xlf twins.fr.po; do
    "$REC2XML" --translation "$WORK/$t" --target-lang fr -o "$WORK/$t.xml" "$WORK/twins.txt" 2>/dev/null
    if grep -q '<text>Ratify the Convention. (g1.1)</text>' "$WORK/$t.xml" &&
       grep -q '<text>Ratify the Convention. (g2.1)</text>' "$WORK/$t.xml"; then
        ok "identical sources keep their own translations ($t)"
    else
        fail "identical sources keep their own translations ($t)" "$(grep '<text>' "$WORK/$t.xml" 2>/dev/null)"
    fi
done

# --- files that are not translations ---------------------------------------------
printf 'id,source\n' >"$WORK/bad.csv"
expect_status "a CSV without the columns" 2 "$REC2XML" --translation "$WORK/bad.csv" --target-lang fr "$WORK/report.txt"
expect_status "a translation without a language" 2 "$REC2XML" --translation "$WORK/report.fr.csv" "$WORK/report.txt"
grep -q 'does not say its language; give --target-lang' "$WORK/err" && ok "the missing language is named" || fail "missing language named"
expect_status "XLIFF names its language" 0 "$REC2XML" --translation "$WORK/report.fr.xlf" -o "$WORK/x.xml" "$WORK/report.txt"
summary
