#!/bin/bash
# SPDX-License-Identifier: MIT
# bench/goals.sh - the goals of issue 18, measured in one run (`make bench`
# runs it after bench/run.sh; `make bench-goals` runs it alone):
#
#   1. instructions of `rec2xml -j 1` writing XML, HTML, DocBook and CSV,
#      against the fair floor (bench/floor.c with bench/lean/: rec2xml's
#      validation and stylesheets that write rec2xml's bytes and nothing
#      else), at 1 MB and over 200 documents of about 3 KB: <= 1.5x;
#   2. peak memory of that conversion at 30 MB, against the source DOM:
#      <= 2x;
#   3. peak memory of `rec2xml --diff` between two versions of 30 MB: < 1 GiB.
#
# Instructions are counted by callgrind (all threads), which load on this
# shared machine does not change; peaks are /usr/bin/time's maximum
# resident set.  "The source DOM" is what libxml2 holds for the same
# document's XML: the peak of `xmllint --noout` on it, less xmllint's peak
# on the 3 KB document (the program, its libraries and a small tree).
# Before counting, the floor's outputs are compared with rec2xml's: a
# floor that writes other bytes is no yardstick, and the row says so.
#
# Prints a markdown table and writes it to bench/GOALS.md.  Like run.sh, a
# benchmark, not a test: exits 0 whatever the numbers.
#
# Environment: BENCH_WORK (default bench/work, shared with run.sh),
#   REC2XML (a binary to measure instead of ./rec2xml),
#   GOALS_SKIP_30M=1 (only the instruction counts).
set -u
trap 'exit 0' EXIT
cd "$(dirname "$0")/.." || exit 0
TOP=$PWD
WORK=${BENCH_WORK:-bench/work}
case $WORK in /*) ;; *) WORK=$TOP/$WORK ;; esac
mkdir -p "$WORK" || exit 0
OUT=$(mktemp -d "${TMPDIR:-/tmp}/rec2xml-goals.XXXXXX") || exit 0
trap 'rm -rf "$OUT"; exit 0' EXIT
log() { printf 'bench-goals: %s\n' "$*" >&2; }
FORMATS=xml,html,docbook,csv
ROWS=()
row() { ROWS+=("| $1 | $2 | $3 | $4 | $5 |"); }

for tool in valgrind python3 xmllint cc pkg-config; do
    command -v "$tool" >/dev/null || { log "$tool is missing (apt-get install valgrind python3 libxml2-utils gcc pkg-config): nothing measured"; exit 0; }
done
[ -x /usr/bin/time ] || { log "/usr/bin/time is missing (apt-get install time): nothing measured"; exit 0; }

if [ -n "${REC2XML:-}" ]; then
    REC=$REC2XML
else
    make --no-print-directory rec2xml >"$OUT/make.log" 2>&1 || { log "make rec2xml failed"; exit 0; }
    REC=$TOP/rec2xml
fi
# measure a copy: another make in this tree must not swap the binary mid-run
cp -p "$REC" "$OUT/rec2xml" && REC=$OUT/rec2xml
FLOOR=$WORK/floor
if [ ! -x "$FLOOR" ] || [ bench/floor.c -nt "$FLOOR" ]; then
    # shellcheck disable=SC2046
    cc -O2 -g -std=c11 -Wall -Wextra $(pkg-config --cflags libxml-2.0 libxslt libexslt) \
        bench/floor.c -o "$FLOOR" $(pkg-config --libs libxml-2.0 libxslt libexslt) ||
        { log "bench/floor.c does not build"; exit 0; }
fi

# workloads: gen.py's, as run.sh writes them (fixed seed)
need=()
[ -f "$WORK/txt/doc-1m.txt" ] || need+=(1m)
[ -f "$WORK/folder/txt/doc-0200.txt" ] || need+=(folder)
[ -n "${GOALS_SKIP_30M:-}" ] || [ -f "$WORK/txt/doc-30m.txt" ] || need+=(30m)
[ ${#need[@]} -eq 0 ] || python3 bench/gen.py "$WORK" --only "$(
    IFS=,
    echo "${need[*]}"
)" || { log "gen.py failed"; exit 0; }
DOC1M=$WORK/txt/doc-1m.txt
SMALL=("$WORK"/folder/txt/doc-0[01][0-9][0-9].txt "$WORK"/folder/txt/doc-0200.txt)
SMALL=("${SMALL[@]:1}") # doc-0001 .. doc-0200

# instructions of one command (all threads), or "" when it failed
count() {
    local log=$OUT/callgrind.log
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" >/dev/null 2>"$log" || { log "failed: $* ($(tail -c 300 "$log"))"; return 1; }
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$log" | tail -1
}
# the same bytes from rec2xml and the floor, in directories A and B
same() {
    local a=$1 b=$2 f n=0
    for f in "$a"/*; do
        cmp -s "$f" "$b/${f##*/}" || { log "differs: ${f##*/}"; return 1; }
        n=$((n + 1))
    done
    [ "$n" -gt 0 ]
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
millions() { awk -v a="$1" 'BEGIN { printf "%\047.0f M", a / 1e6 }'; }
peak() { # VAR CMD...: VAR = KiB of the maximum resident set of CMD; its exit status in PEAK_RC
    local var=$1
    shift
    /usr/bin/time -f %M -o "$OUT/time" "$@" >/dev/null 2>"$OUT/peak.err"
    PEAK_RC=$?
    printf -v "$var" '%s' "$(tail -1 "$OUT/time")"
}
mib() { awk -v k="$1" 'BEGIN { printf "%.0f MiB", k / 1024 }'; }

# ---- 1. instructions against the fair floor ---------------------------------

instructions() { # LABEL FILES...
    local label=$1 r f ok=yes
    shift
    rm -rf "$OUT/r" "$OUT/f"
    mkdir -p "$OUT/r" "$OUT/f"
    log "$label: rec2xml -j 1 under callgrind"
    r=$(count "$REC" -q -j 1 -d "$OUT/r" -t "$FORMATS" "$@") || r=
    log "$label: the fair floor under callgrind"
    f=$(count "$FLOOR" -d "$OUT/f" -t "$FORMATS" --schemas schemas --stylesheets bench/lean "$@") || f=
    if [ -z "$r" ] || [ -z "$f" ]; then
        row "$label" "instructions, rec2xml -j 1 / fair floor" "not measured (see above)" "≤ 1.5×" "—"
        return
    fi
    same "$OUT/r" "$OUT/f" || ok="no: the floor's bytes differ, the ratio compares unlike work"
    local q
    q=$(ratio "$r" "$f")
    row "$label" "instructions, rec2xml -j 1 ($FORMATS) / fair floor" \
        "$(millions "$r") / $(millions "$f") = ${q}× (same bytes: $ok)" "≤ 1.5×" \
        "$(awk -v q="$q" 'BEGIN { print (q <= 1.5) ? "**yes**" : "**no**" }')"
}
instructions "1 MB" "$DOC1M"
instructions "200 × 3 KB" "${SMALL[@]}"

# ---- 2. and 3. memory at 30 MB ----------------------------------------------

if [ -z "${GOALS_SKIP_30M:-}" ]; then
    DOC30=$WORK/txt/doc-30m.txt
    log "30 MB: the XML, and the DOM xmllint builds of it"
    "$REC" -q -o "$OUT/doc-30m.xml" "$DOC30" 2>/dev/null
    "$REC" -q -o "$OUT/doc-3k.xml" "${SMALL[0]}" 2>/dev/null
    peak big xmllint --noout "$OUT/doc-30m.xml"
    peak small xmllint --noout "$OUT/doc-3k.xml"
    dom=$((big - small))
    rm -rf "$OUT/r" && mkdir -p "$OUT/r"
    log "30 MB: rec2xml -j 1 -t $FORMATS"
    peak conv "$REC" -q -j 1 -d "$OUT/r" -t "$FORMATS" "$DOC30"
    q=$(ratio "$conv" "$dom")
    row "30 MB" "peak memory, rec2xml -j 1 ($FORMATS) / source DOM" \
        "$(mib "$conv") / $(mib "$dom") = ${q}×" "≤ 2×" \
        "$(awk -v q="$q" -v rc="$PEAK_RC" 'BEGIN { print (rc == 0 && q <= 2) ? "**yes**" : "**no**" }')"
    rm -rf "$OUT/r" "$OUT/doc-30m.xml"
    # the second version: one item in 40 reworded, one in 97 gone
    awk 'NR % 40 == 0 { sub(/the /, "every ") } NR % 97 == 0 && /^ *[-*] / { next } { print }' \
        "$DOC30" >"$OUT/doc-30m-v2.txt"
    log "30 MB: rec2xml --diff"
    peak d "$REC" --diff "$DOC30" "$OUT/doc-30m-v2.txt"
    row "30 MB" "peak memory, rec2xml --diff of two versions" "$(mib "$d") (exit $PEAK_RC)" "< 1 GiB" \
        "$(awk -v k="$d" -v rc="$PEAK_RC" 'BEGIN { print (rc <= 1 && k < 1048576) ? "**yes**" : "**no**" }')"
fi

# ---- the table --------------------------------------------------------------

{
    printf '# The goals of issue 18\n\n%s, `bench/goals.sh` on %s (%s cores; load %s)\n\n' \
        "$(date -u '+%Y-%m-%d %H:%M UTC')" "$("$REC" --version 2>&1 | head -1)" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '| workload | measured | figure | goal | met? |\n|---|---|---|---|---|\n'
    printf '%s\n' "${ROWS[@]}"
} | tee "$OUT/table.md"
[ -n "${GOALS_NO_RECORD:-}" ] || cp "$OUT/table.md" bench/GOALS.md
