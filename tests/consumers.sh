#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# consumers.sh: render rec2xml XML documents in every output format and feed
# each output to the real program that consumes it.
#
#   tests/consumers.sh DIR          DIR holds rec2xml XML documents (*.xml)
#
# Checks (one "ok ..." or "FAIL ..." line each, then "N passed, M failed";
# the exit status is 1 when anything failed):
#   transform   every document in every format (html docbook csv text)
#   vnu         the Nu Html Checker, ONE run over all HTML files: no error and
#               no warning
#   jing        ONE run over all DocBook files against DocBook 5.0 RELAX NG
#   docbook-xsl DocBook XSL (docbook-xsl-ns, HTML) per file: exit 0, no message
#   docbook-sch the two DocBook 5.0 Schematron rules that our output could
#               break and that jing does not check (footnoteref points to a
#               footnote; no footnote inside a footnote)
#   csv2po      translate-toolkit's csv2po per CSV, then a check that the PO
#               has exactly one entry per CSV row, with the row's id as its
#               location and no two entries with the same msgctxt and msgid
#   csv-parse   ONE node run (tests/csv-parse-check.mjs) over all CSVs: strict
#               RFC 4180 parse, header, CRLF, quoting, unique ids
#   text        UTF-8, LF only, a final newline, no trailing blanks, no
#               doubled blank lines; with REC2XML_ROUNDTRIP set, converting the
#               text back gives the same XML (comments, indentation and the
#               root's xml:lang aside) for every document the converter finds
#               valid
#
# Environment
#   REC2XML_TRANSFORM  command that writes one output to stdout, called as
#                      $REC2XML_TRANSFORM FORMAT FILE.xml, FORMAT being html,
#                      docbook, csv or text. Default: xsltproc --nonet --nowrite
#                      --nomkdir stylesheets/FORMAT.xsl FILE.xml. To test the
#                      converter's in-process transforms: REC2XML_TRANSFORM='./rec2xml -t'
#   REC2XML_TRANSFORM_STATUS  exit statuses that count as a written output
#                      (default "0"); "0 1" for 'rec2xml -f -t', which writes
#                      the output of an invalid document but exits 1
#   REC2XML_ROUNDTRIP  optional command that converts a text file to XML on
#                      stdout (e.g. './rec2xml'), for the text round trip;
#                      exit 1 (an invalid document) skips the comparison
#   VNU_JAR            default tests/node_modules/vnu-jar/build/dist/vnu.jar
#   NODE_PATH          where node finds csv-parse when tests/node_modules lacks it
#   DOCBOOK_RNG        default /usr/share/xml/docbook/schema/rng/5.0/docbook.rng
#   DOCBOOK_XSL        default .../docbook-xsl-ns/html/docbook.xsl
#   CONSUMERS_OUT      keep the outputs in this directory instead of a temp dir
#
# Needs: xsltproc, java, jing, node, csv2po (apt: xsltproc default-jre-headless
# jing docbook5-xml docbook-xsl-ns translate-toolkit nodejs) and the npm
# packages of tests/package.json (npm ci --prefix tests).
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
. "$here/lib.sh"

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
  echo "usage: $0 DIR   (DIR holds rec2xml XML documents)" >&2
  exit 2
fi
indir=$1

VNU_JAR=${VNU_JAR:-$here/node_modules/vnu-jar/build/dist/vnu.jar}
DOCBOOK_RNG=${DOCBOOK_RNG:-/usr/share/xml/docbook/schema/rng/5.0/docbook.rng}
DOCBOOK_XSL=${DOCBOOK_XSL:-/usr/share/xml/docbook/stylesheet/docbook-xsl-ns/html/docbook.xsl}

out=${CONSUMERS_OUT:-$WORK/out}   # lib.sh removes $WORK at the end
mkdir -p "$out/html" "$out/docbook" "$out/csv" "$out/text" "$out/log"

# (ok, fail, tally and summary are lib.sh's)
# Print the first lines of a log, indented, under a FAIL line.
show() { sed -n '1,20s/^/    /p' "$1"; }
have() { command -v "$1" >/dev/null 2>&1; }

default_transform() {
  xsltproc --nonet --nowrite --nomkdir "$root/stylesheets/$1.xsl" "$2"
}
if [ -n "${REC2XML_TRANSFORM:-}" ]; then
  read -r -a transform <<<"$REC2XML_TRANSFORM"
else
  transform=(default_transform)
fi

shopt -s nullglob
inputs=("$indir"/*.xml)
shopt -u nullglob
if [ ${#inputs[@]} -eq 0 ]; then
  fail "inputs: no *.xml in $indir"
  summary
  exit 1
fi

# ---------------------------------------------------------------- transforms
declare -A ext=([html]=html [docbook]=dbk [csv]=csv [text]=txt)
html=() dbk=() csvs=() texts=()
for xml in "${inputs[@]}"; do
  base=$(basename "$xml" .xml)
  for format in html docbook csv text; do
    dest="$out/$format/$base.${ext[$format]}"
    log="$out/log/$base.$format.transform"
    rc=0
    "${transform[@]}" "$format" "$xml" >"$dest" 2>"$log" || rc=$?
    if [[ " ${REC2XML_TRANSFORM_STATUS:-0} " == *" $rc "* ]] && { [ "$rc" -eq 0 ] || [ -s "$dest" ]; }; then
      ok "transform $format $base"
      case $format in
        html) html+=("$dest") ;;
        docbook) dbk+=("$dest") ;;
        csv) csvs+=("$dest") ;;
        text) texts+=("$dest") ;;
      esac
    else
      fail "transform $format $base (exit $rc)"
      show "$log"
    fi
  done
done

# ----------------------------------------------------- HTML: Nu Html Checker
if [ ${#html[@]} -gt 0 ]; then
  if ! have java; then
    fail "vnu: java not found"
  elif [ ! -f "$VNU_JAR" ]; then
    fail "vnu: $VNU_JAR not found (npm ci --prefix tests, or set VNU_JAR)"
  else
    log="$out/log/vnu"
    rc=0
    java -jar "$VNU_JAR" --format gnu "${html[@]}" >"$log" 2>&1 || rc=$?
    attributed=0
    for f in "${html[@]}"; do
      name=$(basename "$f")
      if grep -F "/$name\"" "$log" | grep -Eq ': (error|fatal|(info )?warning):'; then
        attributed=1
        fail "vnu $name"
        grep -F "/$name\"" "$log" | grep -E ': (error|fatal|(info )?warning):' | sed -n '1,20s/^/    /p'
      else
        ok "vnu $name"
      fi
    done
    if [ "$rc" -ne 0 ] && [ "$attributed" -eq 0 ]; then
      fail "vnu: exit $rc"
      show "$log"
    fi
  fi
fi

# --------------------------------------------------------- DocBook: jing, XSL
if [ ${#dbk[@]} -gt 0 ]; then
  if ! have jing; then
    fail "jing: not found"
  else
    log="$out/log/jing"
    rc=0
    # The Debian wrapper warns on stderr about optional jars; only stdout counts.
    jing "$DOCBOOK_RNG" "${dbk[@]}" >"$log" 2>"$log.stderr" || rc=$?
    attributed=0
    for f in "${dbk[@]}"; do
      name=$(basename "$f")
      if grep -Fq "/$name:" "$log"; then
        attributed=1
        fail "jing $name"
        grep -F "/$name:" "$log" | sed -n '1,20s/^/    /p'
      else
        ok "jing $name"
      fi
    done
    if [ "$rc" -ne 0 ] && [ "$attributed" -eq 0 ]; then
      fail "jing: exit $rc"
      show "$log"
      show "$log.stderr"
    fi
  fi

  if ! have xsltproc; then
    fail "docbook-xsl: xsltproc not found"
  elif [ ! -f "$DOCBOOK_XSL" ]; then
    fail "docbook-xsl: $DOCBOOK_XSL not found (apt docbook-xsl-ns)"
  else
    for f in "${dbk[@]}"; do
      name=$(basename "$f")
      log="$out/log/$name.docbook-xsl"
      if xsltproc --nonet "$DOCBOOK_XSL" "$f" >"${f%.dbk}.db.html" 2>"$log" && [ ! -s "$log" ]; then
        ok "docbook-xsl $name"
      else
        fail "docbook-xsl $name"
        show "$log"
      fi
    done
  fi
fi

# ------------------------------------------------------------- CSV: csv2po
pairs=()
if [ ${#csvs[@]} -gt 0 ]; then
  if ! have csv2po; then
    fail "csv2po: not found (apt translate-toolkit)"
  else
    for f in "${csvs[@]}"; do
      name=$(basename "$f")
      po="${f%.csv}.po"
      log="$out/log/$name.csv2po"
      if csv2po --progress=none -i "$f" -o "$po" >"$log" 2>&1 && [ -s "$po" ]; then
        pairs+=("$f")
        if [ -s "$log" ]; then
          echo "    csv2po said:"
          show "$log"
        fi
      else
        fail "csv2po $name"
        show "$log"
      fi
    done
  fi
fi

# ------------------- one Python run: PO entries, DocBook rules, text outputs
# It runs on csv2po's own interpreter, where translate-toolkit is importable.
python=python3
if have csv2po; then
  shebang=$(head -n 1 "$(command -v csv2po)")
  case $shebang in
    '#!'*python*) read -r -a python <<<"${shebang#\#!}" ;;
  esac
fi

roundtrip=()
if [ -n "${REC2XML_ROUNDTRIP:-}" ] && [ ${#texts[@]} -gt 0 ]; then
  read -r -a back <<<"$REC2XML_ROUNDTRIP"
  for t in "${texts[@]}"; do
    base=$(basename "$t" .txt)
    rc=0
    "${back[@]}" "$t" >"${t%.txt}.back.xml" 2>"$out/log/$base.roundtrip" || rc=$?
    if [ "$rc" -eq 0 ]; then
      roundtrip+=("$indir/$base.xml=${t%.txt}.back.xml")
    elif [ "$rc" -eq 1 ]; then
      # An invalid document (items without a recipient...) has no faithful
      # text form; its outputs are still checked above.
      echo "skip text round trip $base: the converter finds it invalid"
    else
      fail "text round trip $base: the converter failed"
      show "$out/log/$base.roundtrip"
    fi
  done
fi

log="$out/log/python"
"${python[@]}" - "${#pairs[@]}" "${pairs[@]}" "${#dbk[@]}" "${dbk[@]}" \
    "${#texts[@]}" "${texts[@]}" "${#roundtrip[@]}" "${roundtrip[@]}" >"$log" 2>&1 <<'PY' || true
import csv, os, sys
import xml.etree.ElementTree as ET

args = sys.argv[1:]
def take():
    n = int(args.pop(0))
    part = args[:n]
    del args[:n]
    return part
csv_files, dbk_files, text_files, roundtrips = take(), take(), take(), take()

def say(good, what, why=""):
    print(("ok " if good else "FAIL ") + what + ("" if good else ": " + why))

# csv2po: one PO entry per CSV row, tied to the row's id.
if csv_files:
    try:
        from translate.storage import po as postore
    except ImportError as e:
        postore = None
        say(False, "csv2po entries", "translate-toolkit not importable: %s" % e)
    for f in csv_files if postore else []:
        name = os.path.basename(f)
        try:
            with open(f, encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.reader(fh, strict=True))[1:]
            with open(f[:-4] + ".po", "rb") as fh:
                units = [u for u in postore.pofile(fh).units if not u.isheader()]
            ids = [r[0] for r in rows]
            locs = [" ".join(u.getlocations()) for u in units]
            keys = [(u.getcontext(), u.source) for u in units]
            if len(units) != len(rows):
                say(False, "csv2po entries " + name, "%d CSV rows but %d PO entries" % (len(rows), len(units)))
            elif sorted(locs) != sorted(ids):
                say(False, "csv2po entries " + name, "PO locations differ from the CSV ids")
            elif len(set(keys)) != len(keys):
                say(False, "csv2po entries " + name, "two PO entries share msgctxt and msgid")
            else:
                say(True, "csv2po entries %s (%d)" % (name, len(rows)))
        except Exception as e:
            say(False, "csv2po entries " + name, repr(e))

# DocBook 5.0 Schematron rules that jing (RELAX NG only) does not check.
DB = "{http://docbook.org/ns/docbook}"
XMLID = "{http://www.w3.org/XML/1998/namespace}id"
for f in dbk_files:
    name = os.path.basename(f)
    try:
        tree = ET.parse(f)
        notes = {e.get(XMLID) for e in tree.iter(DB + "footnote")}
        bad = [r.get("linkend") for r in tree.iter(DB + "footnoteref") if r.get("linkend") not in notes]
        nested = [n for n in tree.iter(DB + "footnote") if n.find(".//" + DB + "footnote") is not None]
        if bad:
            say(False, "docbook-sch " + name, "footnoteref to a non-footnote: %s" % ", ".join(map(str, bad)))
        elif nested:
            say(False, "docbook-sch " + name, "a footnote inside a footnote")
        else:
            say(True, "docbook-sch " + name)
    except Exception as e:
        say(False, "docbook-sch " + name, repr(e))

# Text outputs: the input format's conventions.
for f in text_files:
    name = os.path.basename(f)
    try:
        data = open(f, "rb").read()
        text = data.decode("utf-8")
        lines = text.split("\n")[:-1]
        if not text.endswith("\n"):
            why = "no final newline"
        elif "\r" in text:
            why = "a CR"
        elif any(l != l.rstrip(" \t") for l in lines):
            why = "trailing blanks"
        elif "\n\n\n" in text or text.startswith("\n"):
            why = "a doubled or leading blank line"
        else:
            why = ""
        say(not why, "text " + name, why)
    except Exception as e:
        say(False, "text " + name, repr(e))

# Optional round trip: same elements, attributes and text, whitespace-only
# text between elements and comments aside, and the root's xml:lang (the text
# format does not carry the language: it is the converter's --lang).
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
def same(a, b, path):
    if a.tag != b.tag:
        return "%s: <%s> against <%s>" % (path, a.tag, b.tag)
    if path == "":
        a.attrib.pop(LANG, None)
        b.attrib.pop(LANG, None)
    if a.attrib != b.attrib:
        return "%s: attributes %s against %s" % (path, a.attrib, b.attrib)
    norm = lambda s: (s or "") if (s or "").strip() else ""
    if norm(a.text) != norm(b.text):
        return "%s: text %r against %r" % (path, a.text, b.text)
    ka, kb = list(a), list(b)
    if len(ka) != len(kb):
        return "%s: %d children against %d" % (path, len(ka), len(kb))
    for i, (x, y) in enumerate(zip(ka, kb)):
        if norm(x.tail) != norm(y.tail):
            return "%s/%d: tail %r against %r" % (path, i, x.tail, y.tail)
        why = same(x, y, "%s/%d" % (path, i))
        if why:
            return why
    return ""

for pair in roundtrips:
    orig, back = pair.split("=", 1)
    name = os.path.basename(orig)
    try:
        parser = lambda: ET.XMLParser(target=ET.TreeBuilder(insert_comments=False))
        why = same(ET.parse(orig, parser()).getroot(), ET.parse(back, parser()).getroot(), "")
        say(not why, "text round trip " + name, why)
    except Exception as e:
        say(False, "text round trip " + name, repr(e))
PY
if grep -Eq '^(ok|FAIL) ' "$log"; then
  tally "$log"
elif [ -s "$log" ]; then
  fail "python checks: no result"
  show "$log"
fi

# ---------------------------------------------- CSV: strict RFC 4180 parse
if [ ${#csvs[@]} -gt 0 ]; then
  if ! have node; then
    fail "csv-parse: node not found"
  else
    log="$out/log/csv-parse"
    node "$here/csv-parse-check.mjs" "${csvs[@]}" >"$log" 2>&1 || true
    if grep -Eq '^(ok|FAIL) ' "$log"; then
      tally "$log"
    else
      fail "csv-parse: the checker printed no result"
      show "$log"
    fi
  fi
fi

summary
