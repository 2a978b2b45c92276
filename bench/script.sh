#!/bin/sh
# SPDX-License-Identifier: MIT
# bench/script.sh - the peer "xmllint + 3 x xsltproc script" of issue 6: what a
# user would write instead of rec2xml, over rec2xml's own XML, schemas and
# stylesheets.  Per file: one xmllint (RELAX NG + Schematron), then one
# xsltproc per format; a process per file and format.  The XML itself is
# rec2xml's (xmllint cannot read the text format), so no XML is written here.
#
#   sh bench/script.sh OUTDIR SCHEMADIR STYLESHEETDIR FORMATS FILE.xml...
#
# FORMATS: comma-separated, among html, docbook, csv (xml is ignored).
# Writes OUTDIR/NAME.html, .dbk, .csv (rec2xml's names).  Exit 1 when a file
# is invalid or a transform fails; the other files are still processed.
out=$1 schemas=$2 sheets=$3 formats=$4
shift 4
list=$(echo "$formats" | tr ',' ' ')   # once: no extra process per file
status=0
for f in "$@"; do
    if ! xmllint --noout --relaxng "$schemas/rec2xml.rng" \
            --schematron "$schemas/rec2xml.sch" "$f" 2>/dev/null; then
        echo "script.sh: $f: invalid" >&2
        status=1
        continue
    fi
    name=${f##*/}
    name=${name%.xml}
    for fmt in $list; do
        case $fmt in
        html) ext=html ;;
        docbook) ext=dbk ;;
        csv) ext=csv ;;
        *) continue ;;
        esac
        xsltproc -o "$out/$name.$ext" "$sheets/$fmt.xsl" "$f" || status=1
    done
done
exit $status
