#!/bin/bash
# SPDX-License-Identifier: MIT
# faults.sh - nothing is lost on faults (issue 5, item 5).
#
# Every output path - standard output, -o FILE, batch -d DIR with every
# format - meets a full disk (/dev/full, a tiny tmpfs), a read-only file
# system (a read-only tmpfs and a read-only bind mount: chmod does not stop
# root), failures injected by tests/faults/faultshim.c (an LD_PRELOAD shim
# making write/close/fclose/rename/fsync fail with ENOSPC or EIO on the Nth
# call or for matching paths, writing short, raising a signal or removing
# the output directory at a chosen moment), a closed standard output, a
# closed pipe and SIGINT/SIGTERM/SIGHUP in the middle of the work.
#
# After each: exit 2 with the system's reason in the message (a signal: a
# non-zero exit), every output either the previous complete file or a
# complete new one (byte-identical to a clean run) or absent - never a
# truncated file - and no temporary (DIR/.NAME.XXXXXX) left behind. Input
# files are never modified (checksums before and after). The mounts need
# root; without it those cases are skipped with the reason printed.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt
LIMIT=${FAULTS_TIMEOUT:-60}
IN=$WORK/in
mkdir -p "$IN"
MOUNTS=()
cleanup() {
    for m in "${MOUNTS[@]+"${MOUNTS[@]}"}"; do umount -l "$m" 2>/dev/null; done
    rm -rf "$WORK"
}
trap cleanup EXIT

# ---- inputs and clean reference outputs -------------------------------------
cp "$SAMPLE" "$IN/small.txt"
python3 tests/gen/pathological.py items 3000 "$IN/big.txt"   # ~400 KB of XML: many write()s
for i in $(seq -w 1 12); do cp "$SAMPLE" "$IN/r$i.txt"; done
(cd "$IN" && md5sum -- *.txt) >"$WORK/inputs.md5"

# every format when the stylesheets are there, else XML only
if "$REC2XML" -t html "$SAMPLE" >/dev/null 2>&1; then
    ALL=(-a)
else
    ALL=(-t xml)
    echo "note: the stylesheets do not work yet: batch cases use -t xml only"
fi
mkdir "$WORK/ref"
"$REC2XML" -q -d "$WORK/ref" "${ALL[@]}" -j 1 "$IN"/*.txt 2>"$WORK/err" ||
    { fail "clean reference run" "$(head -3 "$WORK/err")"; summary; exit 1; }
"$REC2XML" "$IN/big.txt" >"$WORK/ref-big.xml"
"$REC2XML" "$IN/small.txt" >"$WORK/ref-small.xml"
EXTS=$(ls "$WORK/ref" | sed 's/.*\.//' | sort -u | tr '\n' ' ')
echo "formats: $EXTS"

# ---- the shim ------------------------------------------------------------------
SHIM=
if command -v cc >/dev/null &&
    cc -shared -fPIC -o "$WORK/faultshim.so" tests/faults/faultshim.c -ldl 2>"$WORK/cc.err"; then
    SHIM=$WORK/faultshim.so
else
    echo "skip the injected faults: the shim does not build ($(head -1 "$WORK/cc.err" 2>/dev/null))"
fi

# ---- helpers ---------------------------------------------------------------------
# run NAME ENV... -- ARGS...: rec2xml ARGS under the harness bound, with the
# shim preloaded when ENV sets FAULT_FUNC; $got is the exit status
run() {
    local name=$1
    shift
    local envs=()
    while [ "$1" != -- ]; do envs+=("$1"); shift; done
    shift
    rm -f "$WORK/fault.log"
    got=0
    # the shim goes into rec2xml only (timeout writes and closes too); the
    # subshell keeps bash's "Terminated" notices out of the log
    if [ ${#envs[@]} -gt 0 ]; then
        (timeout -k 5 "$LIMIT" env LD_PRELOAD="$SHIM" FAULT_LOG="$WORK/fault.log" "${envs[@]}" \
            "$REC2XML" "$@" >"$WORK/out" 2>"$WORK/err"; exit $?) 2>/dev/null || got=$?
    else
        (timeout -k 5 "$LIMIT" "$REC2XML" "$@" >"$WORK/out" 2>"$WORK/err"; exit $?) 2>/dev/null || got=$?
    fi
    if [ "$got" -eq 124 ]; then fail "$name: finishes" "timed out after ${LIMIT}s"; fi
}

# injected NAME: the shim really injected the fault
injected() {
    if [ -s "$WORK/fault.log" ]; then ok "$1: fault injected ($(head -1 "$WORK/fault.log" | cut -c1-90))"; return 0; fi
    fail "$1: fault injected" "no matching call was made: the fault never happened"
    return 1
}

# exit2 NAME REASON: exit 2 and the message gives the reason
exit2() {
    if [ "$got" -eq 2 ]; then ok "$1: exit 2"; else
        fail "$1: exit 2" "exit $got" "$(head -3 "$WORK/err")"; fi
    if grep -q "$2" "$WORK/err"; then ok "$1: says \"$2\""; else
        fail "$1: says \"$2\"" "$(head -3 "$WORK/err")"; fi
}

# seed DIR: the previous version of every output, complete but different
seed() {
    mkdir -p "$1"
    local f
    for f in "$WORK"/ref/*; do echo "PREVIOUS $(basename "$f")" >"$1/$(basename "$f")"; done
}

# settled NAME DIR: no temporary left; every file previous or complete
settled() {
    local name=$1 dir=$2 f b bad=() temps
    if [ ! -d "$dir" ]; then ok "$name: no temporary left (directory gone)"; return; fi
    temps=$(find "$dir" -mindepth 1 -maxdepth 1 -name '.*' -printf '%f ')
    if [ -z "$temps" ]; then ok "$name: no temporary left"; else
        fail "$name: no temporary left" "$temps"; fi
    for f in "$dir"/*; do
        [ -f "$f" ] || continue
        b=$(basename "$f")
        if [ "$(cat "$f")" = "PREVIOUS $b" ] || [ "$(cat "$f")" = "PREVIOUS" ]; then continue; fi
        if [ -f "$WORK/ref/$b" ] && cmp -s "$f" "$WORK/ref/$b"; then continue; fi
        if cmp -s "$f" "$WORK/ref-big.xml" || cmp -s "$f" "$WORK/ref-small.xml"; then continue; fi
        bad+=("$b ($(stat -c %s "$f") bytes)")
    done
    if [ ${#bad[@]} -eq 0 ]; then ok "$name: every file previous or complete ($(ls "$dir" | wc -l) files)"; else
        fail "$name: every file previous or complete" "truncated or foreign: ${bad[*]}"; fi
}

# previous NAME FILE: FILE still holds what it held before
previous() {
    if [ "$(cat "$2" 2>/dev/null)" = "PREVIOUS" ]; then ok "$1: previous file kept"; else
        fail "$1: previous file kept" "$(head -c 80 "$2" 2>&1)"; fi
}

# ---- standard output -----------------------------------------------------------
echo "# standard output"
got=0; timeout -k 5 "$LIMIT" "$REC2XML" "$IN/small.txt" >/dev/full 2>"$WORK/err" || got=$?
exit2 "stdout to /dev/full" "No space left on device"
run "-o /dev/full" -- -o /dev/full "$IN/small.txt"
exit2 "-o /dev/full" "No space left on device"
got=0; timeout -k 5 "$LIMIT" "$REC2XML" "$IN/small.txt" >&- 2>"$WORK/err" || got=$?
exit2 "stdout closed" "Bad file descriptor"
got=0
(trap '' PIPE; timeout -k 5 "$LIMIT" "$REC2XML" "$IN/big.txt" 2>"$WORK/err" | head -c 1 >/dev/null; exit "${PIPESTATUS[0]}") || got=$?
exit2 "stdout pipe closed early (SIGPIPE ignored)" "Broken pipe"
if [ -n "$SHIM" ]; then
    run "stdout write ENOSPC" FAULT_FUNC=write FAULT_FD=1 -- "$IN/small.txt"
    injected "stdout write ENOSPC" && exit2 "stdout write ENOSPC" "No space left on device"
    run "stdout 3rd write EIO" FAULT_FUNC=write FAULT_FD=1 FAULT_NTH=3 FAULT_ERRNO=EIO -- "$IN/big.txt"
    injected "stdout 3rd write EIO" && exit2 "stdout 3rd write EIO" "Input/output error"
    run "stdout short writes" FAULT_FUNC=write FAULT_FD=1 FAULT_SHORT=5 -- "$IN/big.txt"
    [ "$got" -eq 0 ] && cmp -s "$WORK/out" "$WORK/ref-big.xml" && ok "stdout short writes: complete output" ||
        fail "stdout short writes: complete output" "exit $got"
    # a failure reported only at close (NFS, quotas): rec2xml must close
    # standard output itself and check it
    run "stdout close EIO" FAULT_FUNC=close,fclose FAULT_FD=1 FAULT_ERRNO=EIO -- "$IN/small.txt"
    if injected "stdout close EIO"; then exit2 "stdout close EIO" "Input/output error"; else
        echo "  (rec2xml never closes standard output: an error the system reports at close is lost)"; fi
fi

# ---- -o FILE ---------------------------------------------------------------------
echo "# -o FILE"
O=$WORK/o
mkdir -p "$O"
# o_fault NAME REASON ENV...: -o over an existing file, with the fault; then
# the same with no file there before
o_fault() {
    local name=$1 reason=$2
    shift 2
    echo "PREVIOUS" >"$O/out.xml"
    run "$name" "$@" FAULT_PATH="$O/*" -- -o "$O/out.xml" "$IN/big.txt"
    injected "$name" || return
    exit2 "$name" "$reason"
    previous "$name" "$O/out.xml"
    rm -f "$O/out.xml"
    run "$name, no previous file" "$@" FAULT_PATH="$O/*" -- -o "$O/out.xml" "$IN/big.txt"
    [ -e "$O/out.xml" ] && fail "$name, no previous file: nothing created" || ok "$name, no previous file: nothing created"
    settled "$name" "$O"
}
if [ -n "$SHIM" ]; then
    o_fault "-o first write ENOSPC" "No space left on device" FAULT_FUNC=write
    o_fault "-o 5th write ENOSPC" "No space left on device" FAULT_FUNC=write FAULT_NTH=5
    o_fault "-o short write then EIO" "Input/output error" FAULT_FUNC=write FAULT_NTH=2 FAULT_PARTIAL=1 FAULT_ERRNO=EIO
    o_fault "-o close EIO" "Input/output error" FAULT_FUNC=close,fclose FAULT_ERRNO=EIO
    o_fault "-o close ENOSPC" "No space left on device" FAULT_FUNC=close,fclose
    o_fault "-o rename EIO" "Input/output error" FAULT_FUNC=rename FAULT_ERRNO=EIO
    echo "PREVIOUS" >"$O/out.xml"
    run "-o fsync EIO" FAULT_FUNC=fsync,fdatasync FAULT_PATH="$O/*" FAULT_ERRNO=EIO -- -o "$O/out.xml" "$IN/big.txt"
    if [ -s "$WORK/fault.log" ]; then
        exit2 "-o fsync EIO" "Input/output error"
        previous "-o fsync EIO" "$O/out.xml"
    else
        echo "  note: rec2xml does not fsync the temporary before renaming it: after a crash or"
        echo "        power loss the renamed file may be empty (the rename can reach the disk first)"
    fi
    settled "-o fsync EIO" "$O"
    run "-o short writes" FAULT_FUNC=write FAULT_PATH="$O/*" FAULT_SHORT=3 -- -o "$O/out.xml" "$IN/small.txt"
    [ "$got" -eq 0 ] && cmp -s "$O/out.xml" "$WORK/ref-small.xml" && ok "-o short writes: complete output" ||
        fail "-o short writes: complete output" "exit $got"
    for sig in 15:TERM 2:INT 1:HUP 6:ABRT; do
        echo "PREVIOUS" >"$O/out.xml"
        run "-o SIG${sig#*:} while writing" FAULT_FUNC=write FAULT_PATH="$O/.*" FAULT_NTH=3 \
            FAULT_ACTION="signal:${sig%%:*}" -- -o "$O/out.xml" "$IN/big.txt"
        injected "-o SIG${sig#*:} while writing" || continue
        [ "$got" -ne 0 ] && ok "-o SIG${sig#*:}: non-zero exit ($got)" || fail "-o SIG${sig#*:}: non-zero exit"
        previous "-o SIG${sig#*:}" "$O/out.xml"
        settled "-o SIG${sig#*:}" "$O"
        rm -f "$O"/.out.xml.* 2>/dev/null
    done
fi
run "-o into a missing directory" -- -o "$WORK/nowhere/out.xml" "$IN/small.txt"
exit2 "-o into a missing directory" "No such file or directory"
mkdir -p "$O/adir"
run "-o onto a directory" -- -o "$O/adir" "$IN/small.txt"
[ "$got" -eq 2 ] && ok "-o onto a directory: exit 2" || fail "-o onto a directory: exit 2" "exit $got"
settled "-o onto a directory" "$O"
# the output is the input: refused, the input untouched
cp "$SAMPLE" "$WORK/self.txt"
run "-o the input itself" -- -o "$WORK/self.txt" "$WORK/self.txt"
cmp -s "$SAMPLE" "$WORK/self.txt" && ok "-o the input itself: input untouched" ||
    fail "-o the input itself: input untouched" "the input was replaced by the output (exit $got)"
[ "$got" -eq 2 ] && ok "-o the input itself: exit 2" || fail "-o the input itself: exit 2" "exit $got"
# replacing a file does not widen its permissions
echo "PREVIOUS" >"$O/private.xml"
chmod 600 "$O/private.xml"
run "-o over a private file" -- -o "$O/private.xml" "$IN/small.txt"
mode=$(stat -c %a "$O/private.xml")
[ "$mode" = 600 ] && ok "-o over a private file keeps mode 600" ||
    fail "-o over a private file keeps mode 600" "now $mode: readable by others"
rm -f "$O/private.xml"

# ---- batch -d DIR --------------------------------------------------------------------
echo "# batch -d DIR (${ALL[*]})"
B=$WORK/b
BATCH=("$IN/small.txt" "$IN/big.txt" "$IN/r01.txt")
if [ -n "$SHIM" ]; then
    for ext in $EXTS; do
        for spec in "write:ENOSPC:No space left on device" "close,fclose:EIO:Input/output error" \
            "rename:EIO:Input/output error"; do
            IFS=: read -r func errno reason <<<"$spec"
            name="batch $ext: $func $errno"
            rm -rf "$B"
            seed "$B"
            pat="$B/.big.$ext.*"
            [ "$func" = rename ] && pat="*big.$ext"
            run "$name" FAULT_FUNC="$func" FAULT_ERRNO="$errno" FAULT_PATH="$pat" -- \
                -q -d "$B" "${ALL[@]}" -j 2 "${BATCH[@]}"
            injected "$name" || continue
            exit2 "$name" "$reason"
            settled "$name" "$B"
        done
    done
    rm -rf "$B"
    seed "$B"
    run "batch: every write from the 10th fails" FAULT_FUNC=write FAULT_NTH=10 FAULT_PATH="$B/*" -- \
        -q -d "$B" "${ALL[@]}" -j 2 "$IN"/*.txt
    injected "batch: every write from the 10th fails" &&
        exit2 "batch: every write from the 10th fails" "No space left on device"
    settled "batch: every write from the 10th fails" "$B"
    rm -rf "$B"
    mkdir "$B"
    run "batch: short writes" FAULT_FUNC=write FAULT_PATH="$B/*" FAULT_SHORT=7 -- -q -d "$B" "${ALL[@]}" -j 2 "${BATCH[@]}"
    [ "$got" -eq 0 ] && ok "batch: short writes: exit 0" || fail "batch: short writes: exit 0" "exit $got"
    settled "batch: short writes" "$B"
    # the output directory disappears, or is replaced, in the middle
    for action in rmdir replace; do
        rm -rf "$B"
        mkdir "$B"
        run "batch: directory ${action}d midway" FAULT_FUNC=rename FAULT_NTH=5 FAULT_ACTION="$action:$B" -- \
            -q -d "$B" "${ALL[@]}" -j 2 "$IN"/*.txt
        injected "batch: directory ${action}d midway" || continue
        exit2 "batch: directory ${action}d midway" "No such file or directory"
        settled "batch: directory ${action}d midway" "$B"
    done
    # a signal in the middle: what was written is complete, no temporary
    for sig in 15:TERM 2:INT 1:HUP 6:ABRT; do
        rm -rf "$B"
        mkdir "$B"
        run "batch: SIG${sig#*:} midway" FAULT_FUNC=write FAULT_PATH="$B/.r05.*" FAULT_NTH=1 \
            FAULT_ACTION="signal:${sig%%:*}" -- -q -d "$B" "${ALL[@]}" -j 2 "$IN"/*.txt
        injected "batch: SIG${sig#*:} midway" || continue
        [ "$got" -ne 0 ] && ok "batch: SIG${sig#*:} midway: non-zero exit ($got)" ||
            fail "batch: SIG${sig#*:} midway: non-zero exit"
        settled "batch: SIG${sig#*:} midway" "$B"
        ls "$B"/r05.* >/dev/null 2>&1 && fail "batch: SIG${sig#*:}: the input in hand is not written" "$(ls "$B")" ||
            ok "batch: SIG${sig#*:}: the input in hand is not written"
    done
fi
# a real kill from outside, at whatever moment it lands
rm -rf "$B"
mkdir -p "$B" "$WORK/many"
for i in $(seq -w 1 40); do cp "$IN/big.txt" "$WORK/many/m$i.txt"; done
timeout -k 5 "$LIMIT" "$REC2XML" -q -d "$B" "${ALL[@]}" -j 2 "$WORK"/many/*.txt 2>"$WORK/err" &
pid=$!
sleep 1
kill -TERM "$pid" 2>/dev/null
got=0
wait "$pid" || got=$?
echo "  external SIGTERM after 1 s: exit $got, $(ls "$B" | wc -l) files written"
temps=$(find "$B" -mindepth 1 -maxdepth 1 -name '.*' -printf '%f ')
[ -z "$temps" ] && ok "batch: external SIGTERM leaves no temporary" || fail "batch: external SIGTERM leaves no temporary" "$temps"
mkdir -p "$WORK/refmany"
"$REC2XML" -q -d "$WORK/refmany" "${ALL[@]}" "$WORK/many/m01.txt" 2>/dev/null
bad=0
for f in "$B"/*; do
    [ -f "$f" ] || continue
    b=$(basename "$f")
    # the copies differ only in the name an XLIFF file gives its input
    cmp -s <(sed 's/ original="m[0-9]*\.txt"//' "$f") \
        <(sed 's/ original="m01\.txt"//' "$WORK/refmany/m01.${b##*.}") || bad=$((bad + 1))
done
[ "$bad" -eq 0 ] && ok "batch: external SIGTERM: every file complete" ||
    fail "batch: external SIGTERM: every file complete" "$bad truncated"
rm -rf "$WORK/many" "$WORK/refmany"
# ... and while other threads are still creating temporaries: a batch of
# many small documents, killed at twenty moments (a thread used to create
# one after the handler had removed the others)
mkdir -p "$WORK/small"
for i in $(seq -w 1 300); do cp input/cambodia-drug-detention-2013.txt "$WORK/small/s$i.txt"; done
left=0
for k in $(seq 1 20); do
    rm -rf "$B"
    mkdir -p "$B"
    timeout -k 5 "$LIMIT" "$REC2XML" -q -d "$B" "${ALL[@]}" -j 2 "$WORK"/small/*.txt 2>/dev/null &
    pid=$!
    sleep "0.$((k % 9 + 1))$((RANDOM % 10))"
    kill -TERM "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    [ -n "$(find "$B" -mindepth 1 -maxdepth 1 -name '.*' -print -quit)" ] && left=$((left + 1))
done
[ "$left" -eq 0 ] && ok "batch: SIGTERM at 20 moments among 300 inputs leaves no temporary" ||
    fail "batch: SIGTERM at 20 moments among 300 inputs leaves no temporary" "$left of 20 runs left some"
rm -rf "$WORK/small"

# ---- mounts: a full disk, read-only file systems (root only) ------------------------
echo "# mounts"
mount_tmpfs() { # DIR SIZE
    mkdir -p "$1"
    mount -t tmpfs -o "size=$2" tmpfs "$1" 2>/dev/null && MOUNTS+=("$1")
}
if [ "$(id -u)" -ne 0 ]; then
    echo "skip full-disk and read-only mounts: not root"
elif ! mount_tmpfs "$WORK/full" 64k; then
    echo "skip full-disk and read-only mounts: cannot mount tmpfs here"
else
    F=$WORK/full
    echo "PREVIOUS" >"$F/out.xml"
    run "full disk, -o" -- -o "$F/out.xml" "$IN/big.txt"
    exit2 "full disk, -o" "No space left on device"
    previous "full disk, -o" "$F/out.xml"
    settled "full disk, -o" "$F"
    run "full disk, -o, small input fits" -- -o "$F/out.xml" "$IN/small.txt"
    [ "$got" -eq 0 ] && cmp -s "$F/out.xml" "$WORK/ref-small.xml" && ok "full disk: the space came back" ||
        fail "full disk: the space came back" "exit $got: $(head -2 "$WORK/err")"
    rm -f "$F"/* "$F"/.[!.]* 2>/dev/null
    for jobs in 1 2; do
        run "full disk, batch -j $jobs" -- -q -d "$F" "${ALL[@]}" -j "$jobs" "$IN"/*.txt
        exit2 "full disk, batch -j $jobs" "No space left on device"
        settled "full disk, batch -j $jobs" "$F"
        rm -f "$F"/* "$F"/.[!.]* 2>/dev/null
    done
    umount "$F" && MOUNTS=("${MOUNTS[@]/$F}")

    if mount_tmpfs "$WORK/ro" 1m; then
        R=$WORK/ro
        seed "$R"
        echo "PREVIOUS" >"$R/out.xml"
        if mount -o remount,ro "$R" 2>/dev/null; then
            run "read-only tmpfs, -o" -- -o "$R/out.xml" "$IN/small.txt"
            exit2 "read-only tmpfs, -o" "Read-only file system"
            previous "read-only tmpfs, -o" "$R/out.xml"
            run "read-only tmpfs, batch" -- -q -d "$R" "${ALL[@]}" "${BATCH[@]}"
            exit2 "read-only tmpfs, batch" "Read-only file system"
            settled "read-only tmpfs, batch" "$R"
        else
            echo "skip read-only tmpfs: remount,ro refused"
        fi
        umount "$R" && MOUNTS=("${MOUNTS[@]/$R}")
    fi
    mkdir -p "$WORK/rw" "$WORK/bind"
    seed "$WORK/rw"
    echo "PREVIOUS" >"$WORK/rw/out.xml"
    if mount --bind "$WORK/rw" "$WORK/bind" 2>/dev/null; then
        MOUNTS+=("$WORK/bind")
        if mount -o remount,bind,ro "$WORK/bind" 2>/dev/null; then
            run "read-only bind mount, -o" -- -o "$WORK/bind/out.xml" "$IN/small.txt"
            exit2 "read-only bind mount, -o" "Read-only file system"
            previous "read-only bind mount, -o" "$WORK/bind/out.xml"
            run "read-only bind mount, batch" -- -q -d "$WORK/bind" "${ALL[@]}" "${BATCH[@]}"
            exit2 "read-only bind mount, batch" "Read-only file system"
            settled "read-only bind mount, batch" "$WORK/rw"
        else
            echo "skip read-only bind mount: remount refused"
        fi
        umount "$WORK/bind" && MOUNTS=("${MOUNTS[@]/$WORK\/bind}")
    else
        echo "skip read-only bind mount: bind mount refused"
    fi
fi

# ---- the inputs ---------------------------------------------------------------------------
(cd "$IN" && md5sum -c --quiet "$WORK/inputs.md5") >"$WORK/md5.out" 2>&1 &&
    ok "inputs never modified ($(wc -l <"$WORK/inputs.md5") files)" ||
    fail "inputs never modified" "$(cat "$WORK/md5.out")"
summary
