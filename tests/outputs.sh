#!/bin/bash
# SPDX-License-Identifier: MIT
# outputs.sh - what rec2xml writes, and what stops it (issue 11, items 1-3,
# 5, 6, 9, 14, 16).
#
#   - an output directory entry that is a link, a FIFO or a device is refused
#     and never opened: the link's target, the device, the FIFO stay as they
#     were; a file replaced never keeps set-user-ID, set-group-ID, sticky or
#     world-writable bits (item 1, 2);
#   - SIGTERM and SIGINT end rec2xml at once: blocked on a FIFO or on
#     standard input, or in the middle of a transform (a malloc shim raises
#     the signal at a node allocation of the transform and reports whether
#     rec2xml went on allocating nodes afterwards: deterministic, no clock);
#     no temporary is left (item 3);
#   - allocation failures (the shim makes malloc of a node fail from the Nth
#     call on, swept across the run) end in "out of memory" and SIGABRT,
#     never SIGSEGV, and leave no temporary (item 5);
#   - inputs larger than --max-input-size, and a link to /dev/zero, are
#     refused [input-too-large] with bounded memory (item 5);
#   - -u converts an input edited while it was converted (the fault shim
#     moves the input's mtime at the first write of an output) (item 6);
#   - "rec2xml - -o f.txt < f.txt" refuses to replace its input (item 9);
#   - stale temporaries of this run's outputs are removed, nothing else;
#     output names of 248-255 bytes work (item 14);
#   - --files-from (newlines, NUL bytes, standard input) plans the whole
#     batch at once, and the plan is linear: callgrind counts at 4,000 and
#     40,000 inputs (item 16).
#
# Every case fails on the code before issue 11. Timeouts are harness bounds.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=$TOP/input/cambodia-drug-detention-2013.txt
LIMIT=${OUTPUTS_TIMEOUT:-30}
ROOT=0
[ "$(id -u)" -eq 0 ] && ROOT=1

SHIM=$WORK/mallocshim.so
FSHIM=$WORK/faultshim.so
cc -shared -fPIC -o "$SHIM" tests/faults/mallocshim.c 2>"$WORK/cc.err" || SHIM=
cc -shared -fPIC -o "$FSHIM" tests/faults/faultshim.c -ldl 2>>"$WORK/cc.err" || FSHIM=
[ -n "$SHIM" ] && [ -n "$FSHIM" ] || echo "note: a shim does not build: $(head -2 "$WORK/cc.err")"

# run NAME ARGS...: rec2xml under the harness bound; $got is its status
run() {
    local name=$1
    shift
    got=0
    (timeout -k 5 "$LIMIT" "$REC2XML" "$@" >"$WORK/out" 2>"$WORK/err"; exit $?) 2>/dev/null || got=$?
    [ "$got" -eq 124 ] && fail "$name: finishes" "timed out after ${LIMIT}s (harness bound)"
    return 0
}

# spawn ARGS...: run ARGS in the background with SIGINT and SIGTERM at their
# defaults (a script's background job would ignore SIGINT), standard input
# from $SPAWN_STDIN (default /dev/null); $pid is its pid
spawn() {
    python3 -c 'import os, signal, sys
for s in (signal.SIGINT, signal.SIGTERM):
    signal.signal(s, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])' "$@" <"${SPAWN_STDIN:-/dev/null}" 2>/dev/null &
    pid=$!
}

# reap NAME WANT: wait for $pid under the harness bound; exit WANT
reap() {
    local name=$1 want=$2 waited=0
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $((LIMIT * 10)) ]; do
        sleep 0.1
        waited=$((waited + 1))
    done
    kill -KILL "$pid" 2>/dev/null
    got=0
    wait "$pid" 2>/dev/null || got=$?
    if [ "$got" -eq "$want" ]; then ok "$name: exit $want"; else
        fail "$name: exit $want" "exit $got$([ "$got" -eq 137 ] && echo ": still running after ${LIMIT}s, killed by the harness")"
    fi
}

# no_temps NAME DIR: no .NAME.XXXXXX left in DIR
no_temps() {
    local temps
    temps=$(find "$2" -maxdepth 1 -name '.*.??????' -printf '%f ' 2>/dev/null)
    if [ -z "$temps" ]; then ok "$1: no temporary left"; else fail "$1: no temporary left" "$temps"; fi
}

says() { # NAME PATTERN: stderr holds PATTERN
    if grep -q -- "$2" "$WORK/err"; then ok "$1: says \"$2\""; else
        fail "$1: says \"$2\"" "$(head -3 "$WORK/err" | cut -c1-200)"; fi
}

python3 tests/gen/pathological.py items 3000 "$WORK/big.txt"

# ---- 1, 2: what an output directory holds ----------------------------------
echo "# entries of -d DIR that are not regular files"
D=$WORK/d
mkdir -p "$D"
cp "$SAMPLE" "$WORK/s.txt"
echo "VICTIM" >"$WORK/victim"
ln -s "$WORK/victim" "$D/s.xml"
run "link to a file" -d "$D" -t xml "$WORK/s.txt"
[ "$got" -eq 2 ] && ok "link to a file: exit 2" || fail "link to a file: exit 2" "exit $got"
says "link to a file" "it is a symbolic link"
[ "$(cat "$WORK/victim")" = VICTIM ] && ok "link to a file: its target untouched" ||
    fail "link to a file: its target untouched" "now $(head -c 60 "$WORK/victim")"
[ -L "$D/s.xml" ] && ok "link to a file: the link left as it was" || fail "link to a file: the link left as it was"
rm -f "$D/s.xml"
if [ "$ROOT" -eq 1 ]; then
    # a device node of our own (the null device: nothing to break) behind a link
    mknod "$WORK/dev" c 1 3
    ln -s "$WORK/dev" "$D/s.xml"
    run "link to a device" -d "$D" -t xml "$WORK/s.txt"
    [ "$got" -eq 2 ] && ok "link to a device: exit 2" || fail "link to a device: exit 2" "exit $got"
    [ -c "$WORK/dev" ] && [ -L "$D/s.xml" ] && ok "link to a device: device and link as they were" ||
        fail "link to a device: device and link as they were" "$(ls -l "$WORK/dev" "$D/s.xml" 2>&1)"
    rm -f "$D/s.xml"
    mknod "$D/s.xml" c 1 3
    run "a device in the directory" -d "$D" -t xml "$WORK/s.txt"
    [ "$got" -eq 2 ] && [ -c "$D/s.xml" ] && ok "a device in the directory: refused, still a device" ||
        fail "a device in the directory: refused, still a device" "exit $got; $(ls -l "$D/s.xml")"
    says "a device in the directory" "it is a character device"
    rm -f "$D/s.xml"
else
    echo "  skip the device cases: not root (mknod)"
fi
mkfifo "$D/s.html"
run "a FIFO in the directory" -d "$D" -t html "$WORK/s.txt"
[ "$got" -eq 2 ] && [ -p "$D/s.html" ] && ok "a FIFO in the directory: refused at once, still a FIFO" ||
    fail "a FIFO in the directory: refused at once, still a FIFO" "exit $got"
says "a FIFO in the directory" "it is a FIFO"
no_temps "refused entries" "$D"
rm -f "$D"/*

echo "# permission bits of a replaced file"
if [ "$ROOT" -eq 1 ]; then
    echo "PLANTED" >"$D/s.xml"
    chown nobody "$D/s.xml"
    chmod 7777 "$D/s.xml"
    run "planted 7777 file" -d "$D" -t xml "$WORK/s.txt"
    mode=$(stat -c %a "$D/s.xml")
    [ "$got" -eq 0 ] && [ "$mode" = 775 ] && ok "planted 7777 file: replaced as 775 (no s, t or o+w)" ||
        fail "planted 7777 file: replaced as 775 (no s, t or o+w)" "exit $got, mode $mode"
    echo "PLANTED" >"$WORK/planted"
    chmod 6777 "$WORK/planted"
    echo "PLANTED" >"$WORK/o.xml"
    chmod 4755 "$WORK/o.xml"
    run "-o over a set-user-ID file" -o "$WORK/o.xml" "$WORK/s.txt"
    mode=$(stat -c %a "$WORK/o.xml")
    [ "$got" -eq 0 ] && [ "$mode" = 755 ] && ok "-o over a 4755 file: now 755" ||
        fail "-o over a 4755 file: now 755" "exit $got, mode $mode"
    rm -f "$D"/* "$WORK/o.xml"
else
    echo "  skip: not root (chown)"
fi
# -o through a link the user named: the file at its end is replaced, the
# link stays a link, the mode is the file's own
echo "OLD" >"$WORK/real.xml"
chmod 640 "$WORK/real.xml"
ln -s "$WORK/real.xml" "$WORK/named.xml"
run "-o through a named link" -o "$WORK/named.xml" "$WORK/s.txt"
[ "$got" -eq 0 ] && [ -L "$WORK/named.xml" ] && grep -q '<recommendations' "$WORK/real.xml" &&
    [ "$(stat -c %a "$WORK/real.xml")" = 640 ] && ok "-o through a named link: its file replaced, mode kept" ||
    fail "-o through a named link: its file replaced, mode kept" "exit $got; $(ls -l "$WORK/named.xml" "$WORK/real.xml")"
no_temps "-o through a named link" "$WORK"

# ---- 3: signals end every hang ---------------------------------------------------
echo "# SIGTERM and SIGINT end rec2xml at once"
for sig in TERM:143 INT:130; do
    name=${sig%%:*} want=${sig#*:}
    # a worker blocked reading standard input (a pipe nobody writes to)
    mkfifo "$WORK/stdin.fifo"
    exec 7<>"$WORK/stdin.fifo"
    SPAWN_STDIN=$WORK/stdin.fifo spawn "$REC2XML" --check -j 2 - "$WORK/s.txt"
    sleep 0.5
    kill -"$name" "$pid" 2>/dev/null
    reap "SIG$name, a worker blocked on standard input" "$want"
    exec 7>&-
    rm -f "$WORK/stdin.fifo"
    # -o to a FIFO nobody reads
    mkfifo "$WORK/out.fifo"
    spawn "$REC2XML" -o "$WORK/out.fifo" "$WORK/s.txt"
    sleep 0.5
    kill -"$name" "$pid" 2>/dev/null
    reap "SIG$name, -o to a FIFO nobody reads" "$want"
    rm -f "$WORK/out.fifo"
done
if [ -n "$SHIM" ]; then
    # the transform is long: the signal comes at a node allocation half-way
    # through it; rec2xml must not make 1,000 more
    count() {
        rm -f "$WORK/malloc.log"
        LD_PRELOAD=$SHIM MALLOC_SIZE=120 MALLOC_ACTION=count MALLOC_LOG=$WORK/malloc.log \
            "$REC2XML" "$@" >/dev/null 2>&1
        cat "$WORK/malloc.log" 2>/dev/null || echo 0
    }
    before=$(count --check -q "$WORK/big.txt")
    total=$(count -t html -o "$WORK/count.html" "$WORK/big.txt")
    mid=$(((before + total) / 2))
    echo "  node allocations: $before to validate, $total with the HTML transform; signal at $mid"
    mkdir -p "$WORK/o"
    for sig in 15:TERM:143 2:INT:130; do
        IFS=: read -r num name want <<<"$sig"
        for mode in "-o $WORK/o/big.html" "-d $WORK/o -j 2"; do
            rm -f "$WORK/malloc.log"
            got=0
            (LD_PRELOAD=$SHIM MALLOC_SIZE=120 MALLOC_NTH=$mid MALLOC_ACTION=signal:$num \
                MALLOC_LOG=$WORK/malloc.log timeout -k 5 "$LIMIT" \
                "$REC2XML" -t html $mode "$WORK/big.txt" >/dev/null 2>&1; exit $?) 2>/dev/null || got=$?
            n="SIG$name in the transform (${mode%% *})"
            grep -q 'raising signal' "$WORK/malloc.log" 2>/dev/null || fail "$n: signal raised" "no: $(cat "$WORK/malloc.log" 2>/dev/null)"
            [ "$got" -eq "$want" ] && ok "$n: exit $want" || fail "$n: exit $want" "exit $got"
            if grep -q 'still working' "$WORK/malloc.log"; then
                fail "$n: stops at once" "$(grep 'still working' "$WORK/malloc.log")"
            else ok "$n: stops at once"; fi
            no_temps "$n" "$WORK/o"
            [ -e "$WORK/o/big.html" ] && fail "$n: no output" || ok "$n: no output"
        done
    done
fi

# ---- 5: out of memory, SIGABRT ------------------------------------------------------
echo "# allocation failures: out of memory, never a crash, no temporary"
if [ -n "$SHIM" ]; then
    total=$(count -d "$WORK/o" -t html,csv -j 1 "$WORK/s.txt")
    rm -f "$WORK"/o/*
    crashes=0 others=0 runs=0
    for k in $(seq 1 $((total / 60 + 1)) "$total"); do
        got=0
        (LD_PRELOAD=$SHIM MALLOC_SIZE=120 MALLOC_NTH=$k timeout -k 5 "$LIMIT" \
            "$REC2XML" -d "$WORK/o" -t html,csv -j 1 "$WORK/s.txt" >/dev/null 2>"$WORK/err"; exit $?) 2>/dev/null || got=$?
        runs=$((runs + 1))
        if [ "$got" -eq 134 ] && grep -q 'rec2xml: out of memory' "$WORK/err"; then :
        elif [ "$got" -eq 139 ]; then crashes=$((crashes + 1)); echo "  k=$k: SIGSEGV"
        else others=$((others + 1)); echo "  k=$k: exit $got: $(head -1 "$WORK/err" | cut -c1-120)"; fi
        rm -f "$WORK"/o/*.html "$WORK"/o/*.csv
    done
    [ "$crashes" -eq 0 ] && ok "out of memory: no SIGSEGV ($runs runs over $total node allocations)" ||
        fail "out of memory: no SIGSEGV" "$crashes of $runs runs crashed"
    [ "$others" -eq 0 ] && ok "out of memory: always 'out of memory' and SIGABRT" ||
        fail "out of memory: always 'out of memory' and SIGABRT" "$others of $runs runs ended otherwise"
    no_temps "out of memory" "$WORK/o"
fi

echo "# input size"
ln -s /dev/zero "$WORK/zero.txt"
got=0
(ulimit -v 2000000; timeout -k 5 "$LIMIT" /usr/bin/time -o "$WORK/time" -f '%M' \
    "$REC2XML" --check "$WORK/zero.txt" >/dev/null 2>"$WORK/err"; exit $?) 2>/dev/null || got=$?
kb=$(tail -1 "$WORK/time" 2>/dev/null)
[[ $kb =~ ^[0-9]+$ ]] || kb=0
[ "$got" -eq 2 ] && grep -q '\[input-too-large\]$' "$WORK/err" &&
    ok "a link to /dev/zero: refused [input-too-large]" ||
    fail "a link to /dev/zero: refused [input-too-large]" "exit $got: $(head -2 "$WORK/err" | cut -c1-160)"
[ "$kb" -gt 0 ] && [ "$kb" -le 614400 ] && ok "a link to /dev/zero: peak $((kb / 1024)) MB" ||
    fail "a link to /dev/zero: bounded memory" "peak $kb KB"
run "--max-input-size 1K, a 4 KB file" --check --max-input-size 1K "$WORK/s.txt"
[ "$got" -eq 2 ] && says "--max-input-size 1K" "larger than 1 KiB" || fail "--max-input-size 1K: exit 2" "exit $got"
run "--max-input-size 1M" --check --max-input-size=1M "$WORK/s.txt"
[ "$got" -eq 0 ] && ok "--max-input-size 1M: accepted" || fail "--max-input-size 1M: accepted" "exit $got"
"$REC2XML" -t csv -o "$WORK/s.csv" "$WORK/s.txt"
run "a translation over the limit" --max-input-size 2K -T "$WORK/s.csv" --target-lang fr "$WORK/s.txt"
[ "$got" -eq 2 ] && says "a translation over the limit" "input-too-large" ||
    fail "a translation over the limit: exit 2" "exit $got"
run "--max-input-size nonsense" --max-input-size 12Q "$WORK/s.txt"
[ "$got" -eq 2 ] && says "--max-input-size nonsense" "takes a size" || fail "--max-input-size nonsense: exit 2" "exit $got"

# ---- 6: -u and an edit during the conversion ---------------------------------------
echo "# -u after an edit made during the conversion"
if [ -n "$FSHIM" ]; then
    U=$WORK/u
    mkdir -p "$U"
    cp "$WORK/big.txt" "$WORK/edited.txt"
    touch -d '1 hour ago' "$WORK/edited.txt"
    got=0
    (LD_PRELOAD=$FSHIM FAULT_FUNC=write FAULT_PATH="$U/.*" FAULT_ACTION="touch:$WORK/edited.txt" \
        FAULT_LOG=$WORK/fault.log timeout -k 5 "$LIMIT" "$REC2XML" -d "$U" -t xml,html "$WORK/edited.txt" \
        >/dev/null 2>&1; exit $?) 2>/dev/null || got=$?
    grep -q 'one second later' "$WORK/fault.log" 2>/dev/null && ok "-u: the input was edited mid-conversion" ||
        fail "-u: the input was edited mid-conversion" "the shim did not act"
    run "-u after the edit" -d "$U" -t xml,html -u "$WORK/edited.txt"
    grep -q '1 converted, 0 failed; 2 files written' "$WORK/err" && ok "-u converts the edited input again" ||
        fail "-u converts the edited input again" "$(cat "$WORK/err")"
    run "-u once more" -d "$U" -t xml,html -u "$WORK/edited.txt"
    grep -q '1 up to date; 0 files written' "$WORK/err" && ok "-u: then it is up to date" ||
        fail "-u: then it is up to date" "$(cat "$WORK/err")"
    [ "$(stat -c %Y "$U/edited.xml")" = "$(stat -c %Y "$WORK/edited.txt")" ] &&
        ok "-u: the output has its input's mtime" || fail "-u: the output has its input's mtime"
fi

# ---- 9: standard input is the output ---------------------------------------------
echo "# rec2xml - -o FILE < FILE"
cp "$SAMPLE" "$WORK/self.txt"
got=0
"$REC2XML" - -o "$WORK/self.txt" <"$WORK/self.txt" >/dev/null 2>"$WORK/err" || got=$?
cmp -s "$SAMPLE" "$WORK/self.txt" && ok "stdin as the output: input untouched" ||
    fail "stdin as the output: input untouched" "the input was replaced (exit $got)"
[ "$got" -eq 2 ] && says "stdin as the output" "is the input itself" || fail "stdin as the output: exit 2" "exit $got"

# ---- 14: temporaries ------------------------------------------------------------
echo "# stale temporaries, long names"
T=$WORK/t
mkdir -p "$T"
stale=(.s.xml.AbC123 .s.html.x9Y8z7 .s.csv.qqqqqq)
kept=(.s.xml.AbC12 .other.xml.AbC123 .s.xml.AbC123x s.xml.AbC123 .s.txt.ZZZZZZ)
for f in "${stale[@]}" "${kept[@]}"; do echo stale >"$T/$f"; done
ln -s "$WORK/victim" "$T/.s.dbk.LINKED"
mkdir "$T/.s.xlf.DIRECT"
[ "$ROOT" -eq 1 ] && echo theirs >"$T/.s.xml.THEIRS" && chown nobody "$T/.s.xml.THEIRS"
# a live temporary of another rec2xml: locked
echo live >"$T/.s.xml.LOCKED"
flock "$T/.s.xml.LOCKED" sleep 30 &
locker=$!
sleep 0.2
run "stale temporaries" -d "$T" -t xml,html,csv,docbook,xliff "$WORK/s.txt"
kill "$locker" 2>/dev/null
wait "$locker" 2>/dev/null
left=()
for f in "${stale[@]}"; do [ -e "$T/$f" ] && left+=("$f"); done
[ "$got" -eq 0 ] && [ ${#left[@]} -eq 0 ] && ok "stale temporaries of this run's outputs removed" ||
    fail "stale temporaries of this run's outputs removed" "exit $got; left: ${left[*]}"
gone=()
for f in "${kept[@]}" .s.xml.LOCKED; do [ -e "$T/$f" ] || gone+=("$f"); done
[ -L "$T/.s.dbk.LINKED" ] || gone+=(.s.dbk.LINKED)
[ -d "$T/.s.xlf.DIRECT" ] || gone+=(.s.xlf.DIRECT)
[ "$ROOT" -eq 1 ] && { [ -e "$T/.s.xml.THEIRS" ] || gone+=(.s.xml.THEIRS); }
[ ${#gone[@]} -eq 0 ] && ok "nothing else removed (other names, links, directories, others' and locked files)" ||
    fail "nothing else removed" "removed: ${gone[*]}"
[ "$(cat "$WORK/victim")" = VICTIM ] && ok "the link's target untouched" || fail "the link's target untouched"
echo stale >"$WORK/.o.xml.Q1w2E3"
run "-o: stale temporary" -o "$WORK/o.xml" "$WORK/s.txt"
[ ! -e "$WORK/.o.xml.Q1w2E3" ] && ok "-o: its stale temporary removed" || fail "-o: its stale temporary removed"
L=$WORK/long
mkdir -p "$L"
bad=()
for len in 248 250 252 254 255; do
    stem=$(printf 'r%.0s' $(seq 1 $((len - 4))))
    cp "$SAMPLE" "$L/$stem.txt"
    "$REC2XML" -q -d "$L" -t xml "$L/$stem.txt" 2>"$WORK/err" || bad+=("$len: $(head -1 "$WORK/err" | cut -c1-80)")
    [ -s "$L/$stem.xml" ] || bad+=("$len: no output")
    "$REC2XML" -o "$L/$stem.xml" "$L/$stem.txt" 2>"$WORK/err" || bad+=("-o $len: $(head -1 "$WORK/err" | cut -c1-80)")
    rm -f "$L"/*
done
[ ${#bad[@]} -eq 0 ] && ok "output names of 248 to 255 bytes" || fail "output names of 248 to 255 bytes" "${bad[@]}"
no_temps "long names" "$L"

# ---- 16: --files-from ----------------------------------------------------------------
echo "# --files-from"
F=$WORK/f
mkdir -p "$F/a" "$F/b" "$F/with space" "$WORK/fo"
cp "$SAMPLE" "$F/a/one.txt"
cp "$SAMPLE" "$F/with space/two.txt"
cp "$SAMPLE" "$F/b/three
lines.txt"
printf '%s\n' "$F/a/one.txt" "" "$F/with space/two.txt" >"$WORK/list"
run "--files-from, one per line" -d "$WORK/fo" --files-from "$WORK/list"
[ "$got" -eq 0 ] && [ -s "$WORK/fo/one.xml" ] && [ -s "$WORK/fo/two.xml" ] &&
    ok "--files-from, one per line" || fail "--files-from, one per line" "exit $got: $(head -2 "$WORK/err")"
printf '%s\0' "$F/a/one.txt" "$F/b/three
lines.txt" >"$WORK/list0"
run "--files-from, NUL-separated (found)" --check -q --files-from "$WORK/list0"
[ "$got" -eq 0 ] && ok "--files-from: NUL bytes found, a name with a newline read whole" ||
    fail "--files-from: NUL bytes found" "exit $got: $(head -2 "$WORK/err")"
got=0
"$REC2XML" --check -q -0 --files-from - <"$WORK/list0" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 0 ] && ok "--files-from - -0: the list on standard input" ||
    fail "--files-from - -0" "exit $got: $(head -2 "$WORK/err")"
cp "$SAMPLE" "$F/b/one.txt"
printf '%s\n' "$F/a/one.txt" "$F/b/one.txt" >"$WORK/clash"
run "--files-from: two one.txt" -d "$WORK/fo" --files-from "$WORK/clash"
[ "$got" -eq 2 ] && says "--files-from: two one.txt" "would both be written" ||
    fail "--files-from: two one.txt refused" "exit $got"
run "--files-from: a list that is not there" --check --files-from "$WORK/nolist"
[ "$got" -eq 2 ] && says "--files-from: a missing list" "cannot open" || fail "--files-from: a missing list: exit 2" "exit $got"
got=0
"$REC2XML" --check --files-from - - <"$WORK/list" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 2 ] && says "--files-from - with the input -" "cannot be an input too" ||
    fail "--files-from - with the input -: exit 2" "exit $got"

if command -v valgrind >/dev/null; then
    # the plan of a batch, alone: the inputs need not exist, and a '-' among
    # them makes rec2xml refuse the batch once it is planned
    plan_cost() {
        local names
        mapfile -t names < <(python3 - "$1" <<'PY'
import sys
n = int(sys.argv[1])
for i in range(n):
    print(f"dir{i % 97}/report-{i}.txt")
print("-")
PY
)
        mkdir -p "$WORK/plan"
        rm -f "$WORK/cg.log"
        timeout -k 5 600 valgrind --tool=callgrind --callgrind-out-file=/dev/null --log-file="$WORK/cg.log" \
            "$REC2XML" -q -d "$WORK/plan" -a "${names[@]}" >/dev/null 2>&1
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/cg.log" | tail -1
    }
    a=$(plan_cost 4000)
    b=$(plan_cost 40000)
    if [ -n "$a" ] && [ -n "$b" ]; then
        r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }')
        echo "  plan of 4,000 -> 40,000 inputs: $a -> $b instructions (x$r)"
        awk -v r="$r" 'BEGIN { exit !(r <= 15) }' && ok "batch plan: linear (x$r for 10x the inputs)" ||
            fail "batch plan: linear" "x$r for 10x the inputs"
    else
        fail "batch plan: linear" "callgrind did not finish"
    fi
fi
summary
