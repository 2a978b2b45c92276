#!/bin/sh
# SPDX-License-Identifier: MIT
# replay.sh - run one fuzzer input through rec2xml itself, outside the harness.
#
#   tests/fuzz/replay.sh text|xml|translation|diff FILE [REC2XML OPTION]...
#
# text:        rec2xml --force -t html FILE
# xml:         the same, on a copy named *.xml (the harness reads it as XML)
# translation: the first byte picks the kind (0 CSV, 1 XLIFF, 2 PO, modulo 3);
#              the rest, saved as *.csv/*.xlf/*.po, is applied to the harness's
#              document: rec2xml --force --translation T.EXT --target-lang fr
#              tests/fuzz/translation-base.txt (or $REC_FUZZ_BASE)
# diff:        FILE is OLD, a line "=====", NEW (without it, the same twice):
#              rec2xml --diff --diff-format=json OLD NEW (no options)
# Options given after FILE replace '-t html' (e.g. -t xml, -t docbook).
# $REC2XML names the program (default ./rec2xml); prefix the command with
# 'valgrind --leak-check=full' by setting $REPLAY_WRAP.
set -eu
[ $# -ge 2 ] || { sed -n '3,16s/^# \{0,1\}//p' "$0" >&2; exit 2; }
kind=$1 file=$2
shift 2
[ $# -gt 0 ] || set -- -t html
here=$(cd "$(dirname "$0")" && pwd)
rec2xml=${REC2XML:-./rec2xml}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
case $kind in
text)
    ${REPLAY_WRAP:-} "$rec2xml" --force "$@" "$file" ;;
xml)
    cp "$file" "$tmp/input.xml"
    ${REPLAY_WRAP:-} "$rec2xml" --force "$@" "$tmp/input.xml" ;;
translation)
    byte=$(head -c 1 "$file" | od -An -tu1 | tr -d ' ')
    case $(( ${byte:-0} % 3 )) in 0) ext=csv ;; 1) ext=xlf ;; *) ext=po ;; esac
    tail -c +2 "$file" >"$tmp/translation.$ext"
    ${REPLAY_WRAP:-} "$rec2xml" --force --translation "$tmp/translation.$ext" --target-lang fr \
        "$@" "${REC_FUZZ_BASE:-$here/translation-base.txt}" ;;
diff)
    python3 - "$file" "$tmp" <<'PY'
import sys
data = open(sys.argv[1], "rb").read()
at = data.find(b"\n=====\n")
old, new = (data, data) if at < 0 else (data[:at + 1], data[at + 7:])
for name, part in (("old", old), ("new", new)):
    ext = ".xml" if part.lstrip(b" \t\r\n\xef\xbb\xbf")[:1] == b"<" else ".txt"
    open(f"{sys.argv[2]}/{name}{ext}", "wb").write(part)
PY
    ${REPLAY_WRAP:-} "$rec2xml" --diff --diff-format=json "$tmp"/old.* "$tmp"/new.* ;;
*)
    echo "replay.sh: the kind is text, xml, translation or diff, not '$kind'" >&2
    exit 2 ;;
esac
