#!/bin/sh
# SPDX-License-Identifier: MIT
# replay.sh - run one fuzzer input through rec2xml itself, outside the harness.
#
#   tests/fuzz/replay.sh text|xml|translation FILE [REC2XML OPTION]...
#
# text:        rec2xml --force -t html FILE
# xml:         the same, on a copy named *.xml (the harness reads it as XML)
# translation: the first byte picks the kind (0 CSV, 1 XLIFF, 2 PO, modulo 3);
#              the rest, saved as *.csv/*.xlf/*.po, is applied to the harness's
#              document: rec2xml --force --translation T.EXT --target-lang fr
#              tests/fuzz/translation-base.txt (or $REC_FUZZ_BASE)
# Options given after FILE replace '-t html' (e.g. -t xml, -t docbook).
# $REC2XML names the program (default ./rec2xml); prefix the command with
# 'valgrind --leak-check=full' by setting $REPLAY_WRAP.
set -eu
[ $# -ge 2 ] || { sed -n '3,14s/^# \{0,1\}//p' "$0" >&2; exit 2; }
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
*)
    echo "replay.sh: the kind is text, xml or translation, not '$kind'" >&2
    exit 2 ;;
esac
