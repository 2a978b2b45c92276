#!/bin/sh
# SPDX-License-Identifier: MIT
# seeds.sh - build the fuzzers' seed corpora from the repository's inputs.
#
#   sh tests/fuzz/seeds.sh [DIR]      (DIR defaults to build/fuzz)
#
# DIR/corpus-text         input/*.txt, the inputs of tests/spec.txt and
#                         tests/regressions.txt, tests/diagnostics/*.txt
# DIR/corpus-xml          tests/schemas/**/*.xml, tests/diagnostics/*.xml,
#                         tests/samples/*.xml, the spec's expected XML, and
#                         what ./rec2xml --force makes of every text seed
# DIR/corpus-diff         pairs of versions (OLD, a line "=====", NEW): each
#                         text seed against itself, against an edited copy
#                         (a word changed, an item dropped, one moved to the
#                         next recipient) and against its XML
# DIR/corpus-translation  tests/fuzz/seeds/*.{csv,xlf,po} and the exports of
#                         tests/fuzz/translation-base.txt, each behind the
#                         byte that picks its kind (0 CSV, 1 XLIFF, 2 PO)
#
# Seeds are added next to what the fuzzers found before; nothing is removed.
set -eu
cd "$(dirname "$0")/../.."
dir=${1:-build/fuzz}
text=$dir/corpus-text xml=$dir/corpus-xml tr=$dir/corpus-translation diff=$dir/corpus-diff
mkdir -p "$text" "$xml" "$tr" "$diff"

# ---- text ----
for f in input/*.txt tests/diagnostics/*.txt tests/fuzz/translation-base.txt; do
    [ -f "$f" ] && cp "$f" "$text/seed-$(basename "$f")"
done
# the examples, bytes exact (stand-ins replaced) by the spec runner's own code
python3 - "$text" "$xml" <<'PY'
import os, sys
sys.path.insert(0, "tests")
import spec
text_dir, xml_dir = sys.argv[1], sys.argv[2]
for path in ("tests/spec.txt", "tests/regressions.txt"):
    if not os.path.exists(path):
        continue
    name = os.path.splitext(os.path.basename(path))[0]
    for ex in spec.parse_spec(path):
        with open(os.path.join(text_dir, "seed-%s-%03d" % (name, ex.number)), "wb") as f:
            f.write(spec.input_bytes(ex))
        if ex.expected:
            root, children = spec.expected_document(ex)
            with open(os.path.join(xml_dir, "seed-%s-%03d.xml" % (name, ex.number)), "wb") as f:
                f.write(spec.wrap(root, children).encode("utf-8"))
PY

# ---- XML ----
for f in tests/schemas/*/*.xml tests/diagnostics/*.xml tests/samples/*.xml; do
    [ -f "$f" ] && cp "$f" "$xml/seed-$(echo "$f" | tr / -)"
done
if [ -x ./rec2xml ]; then
    for f in "$text"/seed-*; do
        ./rec2xml --force "$f" >"$xml/seed-out-$(basename "$f").xml" 2>/dev/null ||
            [ -s "$xml/seed-out-$(basename "$f").xml" ] || rm -f "$xml/seed-out-$(basename "$f").xml"
    done
fi

# ---- translations ----
kind() {
    case $1 in
    *.csv) printf '\000' ;;
    *.xlf | *.xliff) printf '\001' ;;
    *.po) printf '\002' ;;
    esac
}
for f in tests/fuzz/seeds/*; do
    [ -f "$f" ] || continue
    { kind "$f"; cat "$f"; } >"$tr/seed-$(basename "$f")"
done
if [ -x ./rec2xml ]; then
    for fmt in xliff csv; do
        ext=$([ $fmt = xliff ] && echo xlf || echo csv)
        out=$tr/seed-export.$ext
        { kind "x.$ext"; ./rec2xml -t $fmt --target-lang fr tests/fuzz/translation-base.txt 2>/dev/null; } \
            >"$out" || rm -f "$out"
    done
fi

# ---- diff ----
for f in input/*.txt tests/diagnostics/*.txt tests/fuzz/translation-base.txt; do
    [ -f "$f" ] || continue
    b=$(basename "$f")
    { cat "$f"; printf '\n=====\n'; cat "$f"; } >"$diff/seed-same-$b"
    { cat "$f"; printf '\n=====\n'; sed -e '0,/ the / s// a /' -e '0,/^  \(•\|-\|\*\) .*$/ {//d}' \
        -e '0,/^To / s/^To \(.*\)$/To the other \1/' "$f"; } >"$diff/seed-edited-$b"
    if [ -x ./rec2xml ]; then
        { cat "$f"; printf '\n=====\n'; ./rec2xml --force "$f" 2>/dev/null || true; } >"$diff/seed-xml-$b"
    fi
done

echo "seeds: $(ls "$text" | wc -l) text, $(ls "$xml" | wc -l) xml, $(ls "$tr" | wc -l) translation," \
    "$(ls "$diff" | wc -l) diff in $dir"
