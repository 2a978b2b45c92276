#!/bin/bash
# SPDX-License-Identifier: MIT
# bench/run.sh - `make bench` (issue 6): rec2xml side by side with the library
# floor and with what users would run instead, in one run, on workloads from
# bench/gen.py.  Prints one markdown table and writes it to bench/BENCH.md with
# the machine, the date and the command.  A benchmark is not a test: this
# script always exits 0, whatever the numbers (and whatever is missing).
#
# Environment:
#   BENCH_QUICK=1        only the 3 KB and 1 MB documents and the folder, fewer runs
#   BENCH_SIZES="3k 1m"  the single documents to measure (among 3k 1m 10m 30m)
#   BENCH_FN_PER_MB=N    distinct footnotes per MB in the large documents
#                        (default 0: one; see FN_PER_MB in bench/gen.py)
#   BENCH_TIMEOUT=S      bound of each pandoc run (default 120 s)
#   REC2XML=PATH         measure this binary instead of building ./rec2xml
#                        (e.g. an older build, for a before/after comparison)
#   BENCH_STYLESHEETS=D  stylesheets for the floor and the script (default
#                        stylesheets/; rec2xml uses its built-in copies)
#   BENCH_WORK=D         workloads, binaries and results (default bench/work)
#   BENCH_OUT=D          where the measured commands write their outputs
#                        (default: a fresh folder on the tmpfs /dev/shm, removed
#                        at the end; see below)
#
# Needs (installed here with apt-get when missing and run as root): hyperfine,
# time (/usr/bin/time -v for peak memory), pandoc, cmark, xmllint, xsltproc,
# pkg-config and the libxml2/libxslt headers (for bench/floor.c), python3.
set -u
trap 'exit 0' EXIT # a benchmark is not a test: exit 0 whatever happens
cd "$(dirname "$0")/.." || exit 0
TOP=$PWD
WORK=${BENCH_WORK:-bench/work}
case $WORK in /*) ;; *) WORK=$TOP/$WORK ;; esac
QUICK=${BENCH_QUICK:-0}
[ "$QUICK" = 0 ] && QUICK=
FNPM=${BENCH_FN_PER_MB:-0}
TIMEOUT=${BENCH_TIMEOUT:-120}
SHEETS=${BENCH_STYLESHEETS:-stylesheets}
case $SHEETS in /*) ;; *) SHEETS=$TOP/$SHEETS ;; esac
SCHEMAS=$TOP/schemas
NPROC=$(nproc 2>/dev/null || echo 1)
START=$(date +%s)
RES=$WORK/results
NOTES=$RES/notes
COMMAND="${BENCH_QUICK:+BENCH_QUICK=$BENCH_QUICK }${BENCH_FN_PER_MB:+BENCH_FN_PER_MB=$BENCH_FN_PER_MB }${REC2XML:+REC2XML=$REC2XML }make bench"

# Sampling: each command first runs once under /usr/bin/time -v (peak memory,
# exit status, a first duration); then hyperfine takes enough runs to fill
# BUDGET seconds: at least MIN samples (SLOW_MIN for commands of SLOW seconds
# or more; MIN_PEER for pandoc and cmark), at most MAX.  The runs of a
# workload's commands are interleaved (A B C A B C ...: one run per round for
# commands of a second or more, fast ones spread over ROUNDS rounds), so a
# burst of load on this shared machine hits them all alike.
# Commands of SINGLE seconds or more are run once (their first run).
if [ -n "$QUICK" ]; then
    BUDGET=3 MIN=3 SLOW=10 SLOW_MIN=1 MIN_PEER=1 MAX=15 ROUNDS=2 PEER_SINGLE=5 SINGLE=30
else
    BUDGET=12 MIN=3 SLOW=10 SLOW_MIN=2 MIN_PEER=1 MAX=40 ROUNDS=5 PEER_SINGLE=15 SINGLE=30
fi

log() { printf 'bench: %s\n' "$*" >&2; }
note() {
    printf '%s\n' "$*" >>"$NOTES"
    log "note: $*"
}
finish() { # print what we have and leave with 0
    printf '%s\n' "$TOP" >"$RES/top"
    table
    exit 0
}

mkdir -p "$WORK" || exit 0
rm -rf "$RES" "$WORK/out"
mkdir -p "$RES"
: >"$NOTES"
# Outputs go to a tmpfs: on this machine's ext4 (mounted with discard),
# rewriting thousands of files that exist already (a truncate, or rec2xml's
# rename over the old file) makes ext4 flush each one on close
# (auto_da_alloc): the second run of a batch took 10x the first, for every
# tool alike.  That is the disk, not the work; BENCH_OUT=DIR measures it anyway.
if [ -n "${BENCH_OUT:-}" ]; then
    OUT=$BENCH_OUT/rec2xml-bench.$$
elif [ -d /dev/shm ] && [ -w /dev/shm ] && [ "$(stat -f -c %T /dev/shm 2>/dev/null)" = tmpfs ]; then
    OUT=/dev/shm/rec2xml-bench.$$
else
    OUT=$WORK/out
fi
mkdir -p "$OUT" || exit 0
trap 'rm -rf "$OUT"; exit 0' EXIT
echo "$OUT" >"$RES/outdir"
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)

# ---- the table (also on an early exit) -------------------------------------

table() {
    if ! command -v python3 >/dev/null; then
        log "python3 is missing: no table"
        return
    fi
    local elapsed=$(($(date +%s) - START))
    python3 "$TOP/bench/table.py" "$RES" "$TOP/bench/BENCH.md" \
        --command "$COMMAND" --elapsed "$elapsed" --quick "${QUICK:-0}" \
        --load "$LOAD_START / $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)" \
        --fn-per-mb "$FNPM" --timeout "$TIMEOUT" || log "table.py failed"
}

# ---- tools ------------------------------------------------------------------

missing=()
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
command -v pandoc >/dev/null || missing+=(pandoc)
command -v cmark >/dev/null || missing+=(cmark)
command -v xmllint >/dev/null || missing+=(libxml2-utils)
command -v xsltproc >/dev/null || missing+=(xsltproc)
command -v python3 >/dev/null || missing+=(python3)
command -v cc >/dev/null || missing+=(gcc)
command -v pkg-config >/dev/null || missing+=(pkg-config)
pkg-config --exists libxml-2.0 libxslt libexslt 2>/dev/null || missing+=(libxml2-dev libxslt1-dev)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        log "installing ${missing[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq "${missing[@]}" >"$RES/apt.log" 2>&1 ||
            { apt-get update -qq >>"$RES/apt.log" 2>&1 &&
                apt-get install -y -qq "${missing[@]}" >>"$RES/apt.log" 2>&1; } ||
            note "apt-get install ${missing[*]} failed (see $RES/apt.log)"
    else
        note "missing: ${missing[*]}; as root: apt-get install ${missing[*]}"
    fi
fi
if ! command -v hyperfine >/dev/null || [ ! -x /usr/bin/time ] || ! command -v python3 >/dev/null; then
    log "hyperfine, /usr/bin/time and python3 are required; nothing measured"
    exit 0
fi
HAVE_PANDOC=$(command -v pandoc)
HAVE_CMARK=$(command -v cmark)
HAVE_XMLTOOLS=$(command -v xsltproc >/dev/null && command -v xmllint)

# ---- build ------------------------------------------------------------------

REC=
if [ -n "${REC2XML:-}" ]; then
    REC=$(cd "$(dirname "$REC2XML")" && pwd)/$(basename "$REC2XML")
    [ -x "$REC" ] || { note "REC2XML=$REC2XML is not an executable"; REC=; }
    [ -n "$REC" ] && note "measured binary: REC2XML=$REC2XML"
else
    log "building rec2xml"
    if make --no-print-directory rec2xml >"$RES/make.log" 2>&1; then
        REC=$TOP/rec2xml
    elif [ -x rec2xml ]; then
        REC=$TOP/rec2xml
        note "make rec2xml failed (see $RES/make.log); measured the ./rec2xml already built"
    else
        note "make rec2xml failed and there is no ./rec2xml: no rec2xml rows (see $RES/make.log)"
    fi
fi
# measure a copy: another make in this tree must not swap the binary mid-run
if [ -n "$REC" ] && cp -p "$REC" "$WORK/rec2xml.measured" 2>/dev/null; then
    REC=$WORK/rec2xml.measured
fi
[ -n "$REC" ] && "$REC" --version >"$RES/version" 2>&1

FLOOR=$WORK/floor
if [ ! -x "$FLOOR" ] || [ bench/floor.c -nt "$FLOOR" ]; then
    log "building the library floor"
    # shellcheck disable=SC2046
    if ! cc -O2 -g -std=c11 -Wall -Wextra $(pkg-config --cflags libxml-2.0 libxslt libexslt) \
        bench/floor.c -o "$FLOOR" $(pkg-config --libs libxml-2.0 libxslt libexslt) \
        >"$RES/floor-build.log" 2>&1; then
        note "bench/floor.c does not build (see $RES/floor-build.log): no floor rows"
        rm -f "$FLOOR"
    fi
fi
[ -x "$FLOOR" ] || FLOOR=

# ---- workloads (cached: regenerated when gen.py or the density changes) -----

if [ -n "${BENCH_SIZES:-}" ]; then
    SIZES=$BENCH_SIZES
elif [ -n "$QUICK" ]; then
    SIZES="3k 1m"
else
    SIZES="3k 1m 10m 30m"
fi
GENKEY="$(sha256sum bench/gen.py | cut -c1-16) fn$FNPM"
generate() { # NAME [gen.py options...] -> the text files, checked by rec2xml
    local name=$1 stamp=$WORK/.gen-$1
    shift
    [ "$(cat "$stamp" 2>/dev/null)" = "$GENKEY $*" ] && return 0
    log "generating $name"
    rm -f "$stamp"
    python3 bench/gen.py "$WORK" "$@" || { note "gen.py failed for $name"; return 1; }
    local files
    if [ "$name" = folder ]; then files=("$WORK"/folder/txt/*.txt); else files=("$WORK/txt/doc-$name.txt"); fi
    if [ -n "$REC" ]; then
        # every generated document must be valid, without a warning
        if "$REC" --check -q "${files[@]}" >"$RES/gen-$name.check" 2>&1 && [ ! -s "$RES/gen-$name.check" ]; then
            echo "$GENKEY $*" >"$stamp"
        else
            note "generated $name does not pass rec2xml --check cleanly: $(head -c 300 "$RES/gen-$name.check")"
        fi
    fi
}
for s in $SIZES; do generate "$s" --only "$s" --fn-per-mb "$FNPM"; done
generate folder --only folder
case " $SIZES " in *" 10m "*) generate 10m-fn1 --only 10m --fn-per-mb 1 --suffix -fn1 ;; esac

TXT=$WORK/txt
MD=$WORK/md
FOLDER=$WORK/folder
bytes() { stat -c %s "$1" 2>/dev/null || echo 0; }

# ---- what rec2xml, the floor and the script can do today --------------------

FORMATS=xml
SFORMATS=
PROBE=$OUT/probe
mkdir -p "$PROBE"
DOC3K=$TXT/doc-3k.txt
JOBS=
CHECK_OK=
if [ -n "$REC" ]; then
    "$REC" -q -d "$PROBE" -t xml "$DOC3K" >"$RES/probe.log" 2>&1 ||
        note "rec2xml -d DIR -t xml fails on the 3 KB document: $(head -c 300 "$RES/probe.log")"
    if "$REC" -q -d "$PROBE" -t xml -j "$NPROC" "$DOC3K" >/dev/null 2>&1; then
        JOBS="-j $NPROC"
    else
        note "rec2xml has no -j: batch measured without it"
    fi
    if "$REC" --check -q "$DOC3K" >/dev/null 2>&1; then
        CHECK_OK=1
    else
        note "rec2xml --check fails: no --check row"
    fi
fi
if [ -n "$REC" ]; then
    "$REC" -o "$PROBE/doc-3k.xml" "$DOC3K" 2>/dev/null
elif [ -n "$FLOOR" ]; then
    "$FLOOR" -t xml -d "$PROBE" --schemas "$SCHEMAS" "$DOC3K" 2>/dev/null
fi
for f in html docbook csv; do
    if [ ! -f "$SHEETS/$f.xsl" ]; then
        note "$f: ${SHEETS#"$TOP"/}/$f.xsl is not there yet: the $f format is left out of every row"
        continue
    fi
    if [ -n "$REC" ] && ! "$REC" -q -d "$PROBE" -t "$f" "$DOC3K" >"$RES/probe-$f.log" 2>&1; then
        note "rec2xml -t $f fails: the $f format is left out of every row ($(head -c 200 "$RES/probe-$f.log"))"
        continue
    fi
    if [ -n "$FLOOR" ] && ! "$FLOOR" -d "$PROBE" -t "$f" --schemas "$SCHEMAS" --stylesheets "$SHEETS" \
        "$DOC3K" >"$RES/probe-floor-$f.log" 2>&1; then
        note "the floor cannot apply $f.xsl: the $f format is left out of every row ($(head -c 200 "$RES/probe-floor-$f.log"))"
        continue
    fi
    FORMATS=$FORMATS,$f
    if [ -n "$HAVE_XMLTOOLS" ] && xsltproc -o "$PROBE/script.$f" "$SHEETS/$f.xsl" "$PROBE/doc-3k.xml" >"$RES/probe-xsltproc-$f.log" 2>&1; then
        SFORMATS=${SFORMATS:+$SFORMATS,}$f
    else
        note "xsltproc cannot apply $f.xsl to rec2xml's XML: the script does without $f ($(head -c 200 "$RES/probe-xsltproc-$f.log"))"
    fi
done
echo "$FORMATS" >"$RES/formats"
echo "${SFORMATS:-none}" >"$RES/script-formats"
[ "$FORMATS" = xml ] && note "only the xml format can be measured: the rows are rec2xml -t xml against a floor that writes only the XML, and the script only validates"

# the script starts from rec2xml's own XML (xmllint cannot read the text format)
XML=$WORK/xml
mkdir -p "$XML" "$FOLDER/xml"
if [ -n "$REC" ]; then
    for s in $SIZES; do
        [ "$XML/doc-$s.xml" -nt "$TXT/doc-$s.txt" ] && [ "$XML/doc-$s.xml" -nt "$REC" ] ||
            "$REC" -o "$XML/doc-$s.xml" "$TXT/doc-$s.txt" 2>/dev/null
    done
    [ "$FOLDER/xml/doc-1000.xml" -nt "$FOLDER/txt/doc-1000.txt" ] && [ "$FOLDER/xml/doc-1000.xml" -nt "$REC" ] ||
        "$REC" -q -d "$FOLDER/xml" -t xml "$FOLDER"/txt/*.txt 2>/dev/null
fi

# ---- measuring --------------------------------------------------------------

# A group of commands is registered with add, then measured by run_group.
# add KEY KIND LABEL INPUT_BYTES DOCS CMD   (KIND: main or peer; @OUT@ in CMD
# is the command's own output directory)
G_KEYS=()
add() {
    local key=$1 kind=$2 label=$3 size=$4 docs=$5 cmd=$6
    local out=$OUT/$key
    mkdir -p "$out"
    printf '%s\n' "${cmd//@OUT@/$out}" >"$RES/$key.cmd"
    printf 'kind\t%s\nlabel\t%s\nbytes\t%s\ndocs\t%s\n' "$kind" "$label" "$size" "$docs" >"$RES/$key.meta"
    G_KEYS+=("$key")
}
skip() { # KEY LABEL REASON: a row that is reported but not measured
    printf 'kind\tpeer\nlabel\t%s\nbytes\t0\ndocs\t0\nstatus\tskipped\nwhy\t%s\n' "$2" "$3" >"$RES/$1.meta"
}

# probe KEY: one run under /usr/bin/time -v; sets P_SECS
probe() {
    local key=$1 t0 t1 rc
    t0=$(date +%s%N)
    /usr/bin/time -v -o "$RES/$key.time" sh -c "$(cat "$RES/$key.cmd")" >/dev/null 2>"$RES/$key.err"
    rc=$?
    t1=$(date +%s%N)
    P_SECS=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.6f", (b - a) / 1e9 }')
    printf 'probe\t%s\nrc\t%s\n' "$P_SECS" "$rc" >>"$RES/$key.meta"
    if [ "$rc" -eq 124 ]; then
        printf 'status\ttimeout\n' >>"$RES/$key.meta"
    elif [ "$rc" -ne 0 ]; then
        printf 'status\tfailed\nwhy\texit %s: %s\n' "$rc" "$(tail -c 200 "$RES/$key.err" | tr '\n\t' '  ')" >>"$RES/$key.meta"
    fi
    return "$rc"
}

meta() { awk -F'\t' -v k="$2" '$1==k{print $2}' "$RES/$1.meta"; }

run_group() {
    local name=$1 key kind n r per warm other rounds=$ROUNDS
    declare -A left=() chunk=()
    log "measuring: $name"
    for key in "${G_KEYS[@]}"; do
        kind=$(meta "$key" kind)
        other=$(meta "$key" unless_timeout)
        if [ -n "$other" ] && [ "$(meta "$other" status)" = timeout ]; then
            printf 'status\tskipped\nwhy\tnot run: %s timed out at this size\n' \
                "$(meta "$other" label)" >>"$RES/$key.meta"
            continue
        fi
        log "  $key (first run)"
        probe "$key" || continue
        # how many hyperfine runs, and how many per round
        n=$(awk -v t="$P_SECS" -v b="$BUDGET" -v min="$MIN" -v slow="$SLOW" -v slow_min="$SLOW_MIN" \
            -v peer="$([ "$kind" = peer ] && echo 1)" -v peer_min="$MIN_PEER" -v hi="$MAX" \
            -v single="$PEER_SINGLE" -v once="$SINGLE" \
            'BEGIN { if ((peer && t >= single) || t >= once) { print 0; exit }
                     lo = peer ? peer_min : (t >= slow ? slow_min : min)
                     n = int(b / (t > 0.001 ? t : 0.001)); if (n < lo) n = lo; if (n > hi) n = hi
                     if (t >= 1) n--   # the first run counts as a sample
                     print n }')
        if awk -v t="$P_SECS" 'BEGIN { exit !(t >= 1) }'; then
            printf 'probe_is_sample\t1\n' >>"$RES/$key.meta"
            chunk[$key]=1
            [ "$n" -gt "$rounds" ] && rounds=$n
        else
            chunk[$key]=$(((n + ROUNDS - 1) / ROUNDS))
        fi
        [ "$n" -gt 0 ] && left[$key]=$n
    done
    for ((r = 1; r <= rounds; r++)); do
        for key in "${G_KEYS[@]}"; do
            n=${left[$key]:-0}
            [ "$n" -gt 0 ] || continue
            per=${chunk[$key]}
            [ "$per" -gt "$n" ] && per=$n
            left[$key]=$((n - per))
            warm=0
            [ "$r" -eq 1 ] && [ "$(meta "$key" probe_is_sample)" != 1 ] && warm=1
            log "  $key (round $r: $per run$([ "$per" -gt 1 ] && echo s))"
            hyperfine --style basic --runs "$per" --warmup "$warm" --export-json "$RES/$key.$r.json" \
                --command-name "$key" "$(cat "$RES/$key.cmd")" >>"$RES/hyperfine.log" 2>&1 ||
                printf 'hyperfine_failed\t%s\n' "$r" >>"$RES/$key.meta"
        done
    done
    G_KEYS=()
}

floor_cmd() { # floor options... files
    printf '%q -t %s --schemas %q --stylesheets %q %s' "$FLOOR" "$FORMATS" "$SCHEMAS" "$SHEETS" "$*"
}
script_cmd() { # OUT files
    local out=$1
    shift
    printf 'sh %q %s %q %q %s %s' "$TOP/bench/script.sh" "$out" "$SCHEMAS" "$SHEETS" "${SFORMATS:-none}" "$*"
}

# ---- one document at each size ---------------------------------------------

prev_pandoc_html=
prev_pandoc_docbook=
prev_size=
for s in $SIZES; do
    doc=$TXT/doc-$s.txt md=$MD/doc-$s.md xml=$XML/doc-$s.xml
    size=$(bytes "$doc")
    if [ -n "$REC" ]; then
        add "rec-all-$s" main "rec2xml -d DIR -t $FORMATS" "$size" 1 "$(printf '%q -q -d @OUT@ -t %s %q' "$REC" "$FORMATS" "$doc")"
        # the formats one at a time: the linearity of each (1 MB and 30 MB)
        if [ "$s" = 1m ] || [ "$s" = 30m ]; then
            for f in ${FORMATS//,/ }; do
                add "rec-$f-$s" main "rec2xml -d DIR -t $f" "$size" 1 "$(printf '%q -q -d @OUT@ -t %s %q' "$REC" "$f" "$doc")"
            done
        fi
    fi
    [ -n "$FLOOR" ] && add "floor-$s" main "library floor ($FORMATS)" "$size" 1 "$(floor_cmd -d @OUT@ "$(printf %q "$doc")")"
    if [ -n "$HAVE_XMLTOOLS" ] && [ -f "$xml" ]; then
        add "script-$s" main "xmllint + xsltproc script (${SFORMATS:-validate only})" "$size" 1 "$(script_cmd @OUT@ "$(printf %q "$xml")")"
    fi
    if [ -n "$HAVE_PANDOC" ]; then
        for f in html docbook; do
            key=pandoc-$f-$s
            label="pandoc md→$f"
            prev=$([ $f = html ] && echo "$prev_pandoc_html" || echo "$prev_pandoc_docbook")
            # a size after one that timed out: not run; 10 MB: not run when the
            # 1 MB CPU time scaled up exceeds the bound (30 MB is run, bounded,
            # once: it is the issue's own row)
            if [ -n "$prev" ] && [ "$(meta "$prev" status)" = timeout ]; then
                skip "$key" "$label" "not run: timed out at a smaller size"
                continue
            fi
            if [ "$s" = 10m ] && [ -n "$prev" ]; then
                # CPU seconds (user + system) of the smaller run, scaled by the
                # size: wall time on this shared machine would double it
                t=$(awk -F': ' '/User time|System time/ { c += $2 } END { printf "%.1f", c }' "$RES/$prev.time" 2>/dev/null)
                if awk -v t="${t:-0}" -v b="$TIMEOUT" -v k="$(awk -v a="$size" -v p="$(bytes "$TXT/doc-$prev_size.txt")" 'BEGIN{print a/p}')" \
                    'BEGIN { exit !(t * k > b) }'; then
                    skip "$key" "$label" "not run: ${t} s of CPU at ${prev_size^^}B, so > ${TIMEOUT} s predicted"
                    continue
                fi
            fi
            pf=$f
            [ $f = docbook ] && pf=docbook5
            add "$key" peer "$label" "$size" 1 "$(printf 'timeout %q pandoc -f markdown -t %q -o @OUT@/out.%q %q' "$TIMEOUT" "$pf" "$f" "$md")"
            # md→docbook is no faster than md→html: not run where that timed out
            [ $f = docbook ] && printf 'unless_timeout\tpandoc-html-%s\n' "$s" >>"$RES/$key.meta"
            [ $f = html ] && prev_pandoc_html=$key || prev_pandoc_docbook=$key
        done
    fi
    [ -n "$HAVE_CMARK" ] && add "cmark-$s" peer "cmark md→html (no footnotes)" "$size" 1 "$(printf 'cmark %q > @OUT@/out.html' "$md")"
    # the Schematron's cost per footnote: the same 10 MB with 10 footnotes
    if [ "$s" = 10m ] && [ -n "$CHECK_OK" ] && [ -f "$TXT/doc-10m-fn1.txt" ]; then
        add "check-10m" main "rec2xml --check (1 footnote)" "$size" 1 "$(printf '%q --check -q %q' "$REC" "$doc")"
        add "check-10m-fn1" main "rec2xml --check (1 footnote per MB)" "$(bytes "$TXT/doc-10m-fn1.txt")" 1 \
            "$(printf '%q --check -q %q' "$REC" "$TXT/doc-10m-fn1.txt")"
    fi
    run_group "$s"
    prev_size=$s
done

# ---- the folder of 1,000 small documents ------------------------------------

ftxt=("$FOLDER"/txt/*.txt)
ndocs=${#ftxt[@]}
fbytes=$(cat "${ftxt[@]}" | wc -c)
TXTS="$FOLDER/txt/*.txt" # expanded by the shell of each command
XMLS="$FOLDER/xml/*.xml"
MDS="$FOLDER/md/*.md"
if [ -n "$REC" ]; then
    add rec-batch main "rec2xml -d DIR -t $FORMATS ${JOBS} (one call)" "$fbytes" "$ndocs" \
        "$(printf '%q -q -d @OUT@ -t %s %s %s' "$REC" "$FORMATS" "$JOBS" "$TXTS")"
    [ -n "$CHECK_OK" ] && add rec-check main "rec2xml --check (one call)" "$fbytes" "$ndocs" \
        "$(printf '%q --check -q %s' "$REC" "$TXTS")"
fi
if [ -n "$FLOOR" ]; then
    add floor-batch main "library floor, one process" "$fbytes" "$ndocs" "$(floor_cmd -d @OUT@ "$TXTS")"
    add floor-check main "library floor --validate-only, one process" "$fbytes" "$ndocs" "$(floor_cmd --validate-only "$TXTS")"
fi
if [ -n "$HAVE_XMLTOOLS" ] && [ -f "$FOLDER/xml/doc-1000.xml" ]; then
    add script-batch main "xmllint + xsltproc script, a process per file and format" "$fbytes" "$ndocs" "$(script_cmd @OUT@ "$XMLS")"
    add xmllint-check main "xmllint --relaxng --schematron, one process" "$fbytes" "$ndocs" \
        "$(printf 'xmllint --noout --relaxng %q --schematron %q %s 2>/dev/null' "$SCHEMAS/rec2xml.rng" "$SCHEMAS/rec2xml.sch" "$XMLS")"
fi
if [ -n "$HAVE_PANDOC" ]; then
    # pandoc starts slowly (0.2 s to 0.7 s a file here): 100 of the files stand
    # for the 1,000 (docs/s, and the ratio is per document)
    if [ -n "$QUICK" ]; then
        skip pandoc-batch "pandoc md→html, a process per file" "not run with BENCH_QUICK"
    else
        sample="$FOLDER/md/doc-00[0-9][0-9].md $FOLDER/md/doc-0100.md"
        # shellcheck disable=SC2086
        add pandoc-batch peer "pandoc md→html, a process per file (100 of the files)" \
            "$(cat $sample | wc -c)" 100 \
            "$(printf 'timeout %q sh -c '\''for f in %s; do b=${f##*/}; pandoc -f markdown -t html -o @OUT@/${b%%.md}.html "$f" || exit 1; done'\''' "$TIMEOUT" "$sample")"
    fi
fi
[ -n "$HAVE_CMARK" ] && add cmark-batch peer "cmark md→html, a process per file" "$fbytes" "$ndocs" \
    "$(printf 'for f in %s; do b=${f##*/}; cmark "$f" > @OUT@/${b%%.md}.html || exit 1; done' "$MDS")"
run_group folder

finish
