#!/bin/bash
# SPDX-License-Identifier: MIT
# pathological.sh - inputs built to hurt (issue 5, item 3; the scaling check
# of issue 6): a 10 MB line, 200,000 items, 100,000 footnotes and references,
# nesting 10,000 deep, 1,000,000 blank lines, NUL bytes and every control
# character, every kind of invalid UTF-8, a file of only markers, empty and
# blank files, long runs of blanks inside a line, inputs made of errors.
#
# Everything is generated on the fly (tests/gen/pathological.py and
# tests/gen/badbytes.py) and removed afterwards. Each run is bounded by
# `timeout` (PATHOLOGICAL_TIMEOUT, default 60 s) - a harness bound, not a
# speed assertion: it must finish (exit 0 or 1, never a signal, never the
# timeout), say the right diagnostic kind, and keep its peak memory (GNU
# time's maximum RSS) under 256 MB + 48 x the input size.
#
# Scaling: for each case the input is generated at size N and 10N and the
# instructions rec2xml executes are counted with callgrind (deterministic,
# unlike a clock); the start-up cost, measured on a one-item document, is
# taken off both. The check fails when the cost grows more than 1.5 times as
# fast as the input (more than ~15x for a 10x input): clearly super-linear.
# PATHOLOGICAL_SCALING=0 skips it (it needs valgrind and a few minutes).
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
LIMIT=${PATHOLOGICAL_TIMEOUT:-60}
CG_LIMIT=${PATHOLOGICAL_CG_TIMEOUT:-300}
GEN=("python3" "$TOP/tests/gen/pathological.py")

# GNU time for the peak memory (package "time"); as root, install it
TIME=/usr/bin/time
if [ ! -x "$TIME" ] && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq time >/dev/null 2>&1 || true
fi
[ -x "$TIME" ] || { echo "note: /usr/bin/time missing: peak memory not measured"; TIME=; }

gen() { "${GEN[@]}" "$@"; }
mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
REPORT=()

# run_big NAME FILE WANT KIND [ARGS...]: convert FILE under the harness bound;
# exit WANT, KIND among the diagnostics ("-": no error and no warning at all),
# memory within bounds. Leaves the XML in $WORK/big.xml, stderr in $WORK/big.err.
run_big() {
    local name=$1 file=$2 want=$3 kind=$4
    shift 4
    local got=0 secs=? kb=0 size
    size=$(stat -c %s "$file")
    rm -f "$WORK/big.xml" "$WORK/time"
    if [ -n "$TIME" ]; then
        timeout -k 5 "$LIMIT" "$TIME" -o "$WORK/time" -f '%e %M' \
            "$REC2XML" "$@" -o "$WORK/big.xml" "$file" >/dev/null 2>"$WORK/big.err" || got=$?
        if [ -s "$WORK/time" ]; then
            read -r secs kb < <(tail -1 "$WORK/time")
        fi
    else
        timeout -k 5 "$LIMIT" "$REC2XML" "$@" -o "$WORK/big.xml" "$file" \
            >/dev/null 2>"$WORK/big.err" || got=$?
    fi
    [[ $kb =~ ^[0-9]+$ ]] || kb=0
    local line
    line=$(printf '%-26s %9s bytes  exit %-3s %6s s  peak %7s MB' "$name" "$size" "$got" "$secs" "$(mb "$kb")")
    echo "  $line"
    REPORT+=("$line")
    if [ "$got" -eq 124 ] || [ "$got" -eq 137 ]; then
        fail "$name finishes" "timed out after ${LIMIT}s (harness bound)"
        return 1
    elif [ "$got" -ge 128 ]; then
        fail "$name finishes" "killed by signal $((got - 128))" "$(tail -3 "$WORK/big.err")"
        return 1
    fi
    ok "$name finishes"
    if [ "$got" -eq "$want" ]; then ok "$name exits $want"; else
        fail "$name exits $want" "exit $got" "$(head -3 "$WORK/big.err" | cut -c1-200)"; fi
    if [ "$kind" = - ]; then
        if grep -q ': \(error\|warning\):' "$WORK/big.err"; then
            fail "$name has no diagnostic" "$(head -3 "$WORK/big.err" | cut -c1-200)"
        else ok "$name has no diagnostic"; fi
    elif grep -q "\[$kind\]\$" "$WORK/big.err"; then
        ok "$name says [$kind]"
    else
        fail "$name says [$kind]" "$(head -3 "$WORK/big.err" | cut -c1-200)"
    fi
    if [ "$kb" -gt 0 ]; then
        local limit=$((262144 + 48 * size / 1024))
        if [ "$kb" -le "$limit" ]; then ok "$name peak memory $(mb "$kb") MB"; else
            fail "$name peak memory" "$(mb "$kb") MB, more than $(mb "$limit") MB"; fi
    fi
    return 0
}

# count PATTERN: occurrences of PATTERN in the XML written
count() { grep -o "$1" "$WORK/big.xml" 2>/dev/null | wc -l; }

# expect_count NAME WANT PATTERN
expect_count() {
    local got
    got=$(count "$3")
    if [ "$got" -eq "$2" ]; then ok "$1"; else fail "$1" "$got, expected $2"; fi
}

echo "# full-size cases (bound: ${LIMIT}s each)"

gen longline 10000000 "$WORK/in.txt"
if run_big "10 MB single line" "$WORK/in.txt" 0 -; then
    expect_count "10 MB line is one item" 1 '<item '
    len=$(grep -o '<text>[^<]*' "$WORK/big.xml" 2>/dev/null | awk '{ print length($0) }' | sort -n | tail -1)
    [ "${len:-0}" -ge 9999000 ] && ok "10 MB line kept whole" || fail "10 MB line kept whole" "longest text ${len:-0} bytes"
fi

gen longword 10000000 "$WORK/in.txt"
if run_big "10 MB one-word line" "$WORK/in.txt" 0 -; then
    expect_count "10 MB word is one item" 1 '<item '
fi

gen items 200000 "$WORK/in.txt"
run_big "200,000 items" "$WORK/in.txt" 0 - && expect_count "200,000 items kept" 200000 '<item '

gen footnotes 100000 "$WORK/in.txt"
if run_big "100,000 footnotes" "$WORK/in.txt" 0 -; then
    expect_count "100,000 footnotes kept" 100000 '<footnote '
    expect_count "100,000 references to them kept" 100000 '<fnref '
fi

gen refs 100000 "$WORK/in.txt"
run_big "100,000 references" "$WORK/in.txt" 0 - && expect_count "100,000 references kept" 100000 '<fnref '

gen deep 10000 "$WORK/in.txt"
if run_big "nesting 10,000 deep" "$WORK/in.txt" 0 too-deep; then
    n=$(grep -c '\[too-deep\]' "$WORK/big.err")
    [ "$n" -eq 1 ] && ok "too-deep said once" || fail "too-deep said once" "$n times"
    grep -q '^[^:]*:53:51: warning: .*\[too-deep\]$' "$WORK/big.err" &&
        ok "too-deep at the 51st level (53:51)" || fail "too-deep at the 51st level (53:51)" "$(head -2 "$WORK/big.err")"
    depth=$(python3 - "$WORK/big.xml" <<'PY'
import sys, xml.etree.ElementTree as ET
d = m = n = 0
for ev, el in ET.iterparse(sys.argv[1], events=("start", "end")):
    if el.tag.endswith("}item"):
        if ev == "start":
            d += 1; n += 1; m = max(m, d)
        else:
            d -= 1
print(n, m)
PY
)
    [ "$depth" = "10000 50" ] && ok "10,000 items kept, nested 50 deep" ||
        fail "10,000 items kept, nested 50 deep" "items and depth: $depth"
fi

gen blanks 1000000 "$WORK/in.txt"
run_big "1,000,000 blank lines" "$WORK/in.txt" 0 - && expect_count "items around the blanks" 2 '<item '
gen crblanks 1000000 "$WORK/in.txt"
run_big "1,000,000 CR blank lines" "$WORK/in.txt" 0 - && expect_count "items around the CR blanks" 2 '<item '

gen prose 200000 "$WORK/in.txt"
run_big "200,000-line paragraph" "$WORK/in.txt" 0 - && expect_count "one paragraph" 1 '<prose '

gen nul 1000000 "$WORK/in.txt"
if run_big "1,000,000 NUL bytes" "$WORK/in.txt" 1 control-character; then
    grep -q '^[^:]*:3:6: error: control character U+0000 .*(and 999999 more)' "$WORK/big.err" &&
        ok "NULs: one line, first position, count of the others" ||
        fail "NULs: one line, first position, count of the others" "$(head -2 "$WORK/big.err" | cut -c1-200)"
    [ -e "$WORK/big.xml" ] && fail "NULs: nothing written" || ok "NULs: nothing written"
fi

gen markers 20000 "$WORK/in.txt"
run_big "20,000 lines of only markers" "$WORK/in.txt" 1 item-without-recipient
{ echo "To the Government:"; cat "$WORK/in.txt"; } >"$WORK/in2.txt"
# every marker is an empty item, and each change of shape a sub-list: warnings
run_big "markers under a header" "$WORK/in2.txt" 0 empty-item && expect_count "every marker an item" 20000 '<item '

gen wsitem 5000 "$WORK/in.txt"
run_big "items with 5,000 blanks inside" "$WORK/in.txt" 0 - &&
    expect_count "items with blanks inside stay items" 10 '<item '
gen wsheader 1000 "$WORK/in.txt"
run_big "headers with 1,000 blanks inside" "$WORK/in.txt" 0 - &&
    expect_count "headers with blanks inside stay headers" 10 '<group '
gen wsfootnote 10000 "$WORK/in.txt"
run_big "notes with 10,000 blanks inside" "$WORK/in.txt" 0 - &&
    expect_count "notes with blanks inside stay notes" 10 '<footnote '

gen orphans 20000 "$WORK/in.txt"
run_big "20,000 items without recipient" "$WORK/in.txt" 1 item-without-recipient
gen undefined 20000 "$WORK/in.txt"
if run_big "20,000 undefined footnotes" "$WORK/in.txt" 1 undefined-footnote; then
    n=$(grep -c '\[undefined-footnote\]$' "$WORK/big.err")
    [ "$n" -eq 20000 ] && ok "one undefined-footnote per label" || fail "one undefined-footnote per label" "$n"
fi

# empty, blank, BOM only
: >"$WORK/empty.txt"
run_big "empty file" "$WORK/empty.txt" 1 empty-document
printf '   \n\t\t\n\f\n \xc2\xa0 \r\n\r\r\n' >"$WORK/blank.txt"
python3 -c "import sys; sys.stdout.write(' \t\n' * 100000)" >>"$WORK/blank.txt"
run_big "whitespace-only file" "$WORK/blank.txt" 1 empty-document
printf '\xef\xbb\xbf' >"$WORK/bom.txt"
run_big "BOM-only file" "$WORK/bom.txt" 1 empty-document
printf '\n' >"$WORK/nl.txt"
run_big "one newline" "$WORK/nl.txt" 1 empty-document

# every control character and every kind of invalid UTF-8, one file each
echo "# bad bytes (tests/gen/badbytes.py)"
python3 tests/gen/badbytes.py "$WORK/bytes"
nbad=0
while IFS=$'\t' read -r name want kind where what; do
    f="$WORK/bytes/$name"
    got=0
    timeout -k 5 "$LIMIT" "$REC2XML" --check -q "$f" >"$WORK/out" 2>"$WORK/err" || got=$?
    problems=()
    [ "$got" -eq "$want" ] || problems+=("exit $got, expected $want")
    [ "$kind" = - ] || grep -q "\[$kind\]\$" "$WORK/err" || problems+=("no [$kind]")
    [ "$where" = - ] || grep -q "^$f:$where: " "$WORK/err" || problems+=("not at $where")
    [ "$what" = - ] || grep -qF "$what" "$WORK/err" || problems+=("does not say '$what'")
    if [ "$kind" = - ] && grep -q ': error:' "$WORK/err"; then problems+=("unexpected error"); fi
    if [ ${#problems[@]} -eq 0 ]; then ok "bytes $name"; else
        fail "bytes $name" "${problems[@]}" "$(head -2 "$WORK/err" | cut -c1-200)"; fi
    nbad=$((nbad + 1))
done <"$WORK/bytes/MANIFEST"
echo "  $nbad bad-byte inputs"
rm -rf "$WORK/bytes" "$WORK"/in*.txt "$WORK/big.xml"

# ---- scaling ----------------------------------------------------------------
if [ "${PATHOLOGICAL_SCALING:-1}" = 0 ]; then
    echo "skip scaling (PATHOLOGICAL_SCALING=0)"
elif ! command -v valgrind >/dev/null; then
    echo "skip scaling: valgrind is not installed (apt-get install valgrind)"
else
    echo "# scaling: instructions (callgrind) at N and 10N, start-up cost taken off"
    # instr FILE [ARGS...]: instructions executed, or empty when over the bound
    instr() {
        local file=$1
        shift
        rm -f "$WORK/cg.log"
        timeout -k 5 "$CG_LIMIT" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
            --log-file="$WORK/cg.log" "$REC2XML" "$@" "$file" >/dev/null 2>&1
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/cg.log" 2>/dev/null | tail -1
    }
    printf 'To the Government\n\n  \xe2\x80\xa2 One.\n' >"$WORK/base.txt"
    BASE=$(instr "$WORK/base.txt" -o /dev/null)
    echo "  start-up (one-item document): $BASE instructions"
    SCALING=()
    # scale NAME CASE N BIG [ARGS...]: input CASE at N and BIG (10N, or what
    # makes the input 10x larger)
    scale() {
        local name=$1 case=$2 n=$3 big=$4
        shift 4
        gen "$case" "$n" "$WORK/a.txt"
        gen "$case" "$big" "$WORK/b.txt"
        local sa sb ca cb
        sa=$(stat -c %s "$WORK/a.txt")
        sb=$(stat -c %s "$WORK/b.txt")
        ca=$(instr "$WORK/a.txt" "$@")
        cb=$(instr "$WORK/b.txt" "$@")
        if [ -z "$ca" ] || [ -z "$cb" ]; then
            SCALING+=("$(printf '%-22s N=%-7s 10N=%-8s over the %ss bound under callgrind' "$name" "$n" "$big" "$CG_LIMIT")")
            echo "  ${SCALING[-1]}"
            fail "scaling $name" "callgrind did not finish in ${CG_LIMIT}s"
            return
        fi
        local line verdict
        line=$(awk -v name="$name" -v n="$n" -v big="$big" -v sa="$sa" -v sb="$sb" \
            -v ca="$ca" -v cb="$cb" -v base="${BASE:-0}" 'BEGIN {
                ma = ca - base; mb = cb - base
                if (ma <= 0 || mb <= 0) { ma = ca; mb = cb }
                inr = sb / sa; cr = mb / ma
                printf "%-22s N=%-7s %8.1fM instr   10N=%-8s %9.1fM instr   input x%5.1f  cost x%7.1f %s\n",
                    name, n, ca / 1e6, big, cb / 1e6, inr, cr, (cr > 1.5 * inr ? "SUPER-LINEAR" : "linear")
            }')
        SCALING+=("$line")
        echo "  $line"
        case $line in
            *SUPER-LINEAR) fail "scaling $name" "10x input costs ${line##*cost x}" ;;
            *) ok "scaling $name" ;;
        esac
    }
    scale "items" items 1000 10000 -o /dev/null
    # every output format rec2xml offers (from --help), one by one
    formats=$("$REC2XML" --help | sed -n '/--to=FORMAT/,/several/p' | sed 's/.*FORMAT\[,\.\.\.\]//' |
        tr -c 'a-z\n' ' ' | tr ' ' '\n' | grep -v -e '^$' -e '^default$' -e '^several$' -e '^with$' -e '^xml$' | grep -E '^[a-z]{2,}$' | sort -u)
    for f in $formats; do
        scale "items as $f" items 500 5000 -t "$f" -o /dev/null
    done
    scale "footnotes" footnotes 100 1000 -o /dev/null
    scale "references" refs 1000 10000 -o /dev/null
    scale "single line" longline 100000 1000000 -o /dev/null
    scale "one-word line" longword 100000 1000000 -o /dev/null
    scale "blank lines" blanks 100000 1000000 -o /dev/null
    scale "paragraph lines" prose 10000 100000 -o /dev/null
    scale "nesting (bytes x10)" deep 300 949 -o /dev/null
    scale "recipients" groups 1000 10000 -o /dev/null
    scale "NUL bytes" nul 100000 1000000 -o /dev/null
    scale "items w/o recipient" orphans 1000 10000 -o /dev/null
    scale "undefined footnotes" undefined 2000 20000 -o /dev/null
    scale "blanks inside items" wsitem 300 3000 -o /dev/null
    scale "blanks inside headers" wsheader 30 300 -o /dev/null
    scale "blanks inside notes" wsfootnote 200 2000 -o /dev/null
    # the whole-document passes of a PDF's text (issue 13)
    scale "PDF: treaty-body pages" treatypages 50 500 -o /dev/null
    scale "PDF: UPR pages" uprpages 50 500 -o /dev/null
    scale "PDF: -layout notes" layoutnotes 50 500 -o /dev/null
    scale "PDF: plain pages" plainpages 50 500 -o /dev/null
    scale "PDF: table of contents" contents 300 3000 -o /dev/null
    scale "PDF: glued labels" gluedlists 300 3000 -o /dev/null
    scale "PDF: right to left" rtlpages 50 500 -o /dev/null
    rm -rf "$WORK/fmt" "$WORK/a.txt" "$WORK/b.txt"

    # --diff: the four shapes of issue 11, item 4 (identical big files; many
    # unrelated items; one huge item; many recipients), two versions each
    echo "# --diff scaling: instructions (callgrind) at N and 10N"
    diff_instr() { # OLD NEW
        rm -f "$WORK/cg.log"
        timeout -k 5 "$CG_LIMIT" valgrind --tool=callgrind --callgrind-out-file=/dev/null \
            --log-file="$WORK/cg.log" "$REC2XML" --diff -q --diff-format=json "$1" "$2" >/dev/null 2>&1
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/cg.log" 2>/dev/null | tail -1
    }
    printf 'To the Government\n\n  \xe2\x80\xa2 One.\n' >"$WORK/base2.txt"
    DIFF_BASE=$(diff_instr "$WORK/base.txt" "$WORK/base2.txt")
    diff_scale() { # NAME SHAPE N BIG
        local name=$1 shape=$2 n=$3 big=$4
        python3 tests/gen/diffshapes.py "$shape" "$n" "$WORK/a.old" "$WORK/a.new"
        python3 tests/gen/diffshapes.py "$shape" "$big" "$WORK/b.old" "$WORK/b.new"
        local sa sb ca cb line
        sa=$(( $(stat -c %s "$WORK/a.old") + $(stat -c %s "$WORK/a.new") ))
        sb=$(( $(stat -c %s "$WORK/b.old") + $(stat -c %s "$WORK/b.new") ))
        ca=$(diff_instr "$WORK/a.old" "$WORK/a.new")
        cb=$(diff_instr "$WORK/b.old" "$WORK/b.new")
        if [ -z "$ca" ] || [ -z "$cb" ]; then
            SCALING+=("$(printf '%-22s N=%-7s 10N=%-8s over the %ss bound under callgrind' "$name" "$n" "$big" "$CG_LIMIT")")
            echo "  ${SCALING[-1]}"
            fail "scaling $name" "callgrind did not finish in ${CG_LIMIT}s (or rec2xml died)"
            return
        fi
        line=$(awk -v name="$name" -v n="$n" -v big="$big" -v sa="$sa" -v sb="$sb" \
            -v ca="$ca" -v cb="$cb" -v base="${DIFF_BASE:-0}" 'BEGIN {
                ma = ca - base; mb = cb - base
                if (ma <= 0 || mb <= 0) { ma = ca; mb = cb }
                inr = sb / sa; cr = mb / ma
                printf "%-22s N=%-7s %8.1fM instr   10N=%-8s %9.1fM instr   input x%5.1f  cost x%7.1f %s\n",
                    name, n, ca / 1e6, big, cb / 1e6, inr, cr, (cr > 1.5 * inr ? "SUPER-LINEAR" : "linear")
            }')
        SCALING+=("$line")
        echo "  $line"
        case $line in
            *SUPER-LINEAR) fail "scaling $name" "10x input costs ${line##*cost x}" ;;
            *) ok "scaling $name" ;;
        esac
    }
    diff_scale "diff: identical files" identical 1000 10000
    diff_scale "diff: unrelated items" unrelated 100 1000
    diff_scale "diff: one huge item" huge 10000 100000
    diff_scale "diff: many recipients" recipients 1000 10000
    rm -f "$WORK"/a.old "$WORK"/a.new "$WORK"/b.old "$WORK"/b.new
fi

# --diff of two 30 MB versions of a report: under 1 GiB (one tree at a time)
echo "# --diff of two 30 MB versions"
python3 tests/gen/diffshapes.py report 30000000 "$WORK/r.old" "$WORK/r.new"
got=0 kb=0
if [ -n "$TIME" ]; then
    timeout -k 5 "$LIMIT" "$TIME" -o "$WORK/time" -f '%e %M' "$REC2XML" --diff -q --diff-format=json \
        "$WORK/r.old" "$WORK/r.new" >"$WORK/r.json" 2>"$WORK/r.err" || got=$?
    read -r secs kb < <(tail -1 "$WORK/time" 2>/dev/null)
    [[ $kb =~ ^[0-9]+$ ]] || kb=0
    line=$(printf '%-26s %9s bytes  exit %-3s %6s s  peak %7s MB' "--diff 30 MB + 30 MB" \
        "$(stat -c %s "$WORK/r.old")" "$got" "${secs:-?}" "$(mb "$kb")")
    echo "  $line"
    REPORT+=("$line")
    [ "$got" -eq 1 ] && ok "--diff of two 30 MB versions: exit 1 (changes)" ||
        fail "--diff of two 30 MB versions: exit 1" "exit $got$([ "$got" -eq 124 ] && echo ": over the ${LIMIT}s harness bound")"
    [ "$kb" -gt 0 ] && [ "$kb" -le 1048576 ] && ok "--diff of two 30 MB versions: peak $(mb "$kb") MB, under 1 GiB" ||
        fail "--diff of two 30 MB versions: under 1 GiB" "peak $(mb "$kb") MB"
    python3 -c 'import json, sys; s = json.load(open(sys.argv[1], encoding="utf-8"))["summary"]
assert s["changed"] > 0 and s["removed"] > 0 and s["added"] > 0, s' "$WORK/r.json" 2>/dev/null &&
        ok "--diff of two 30 MB versions: changes, removals and additions found" ||
        fail "--diff of two 30 MB versions: changes found" "$(head -c 300 "$WORK/r.json")"
fi
rm -f "$WORK"/r.old "$WORK"/r.new "$WORK"/r.json

echo "# summary"
for l in "${REPORT[@]}"; do echo "  $l"; done
for l in "${SCALING[@]+"${SCALING[@]}"}"; do echo "  $l"; done
summary
