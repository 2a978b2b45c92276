# SPDX-License-Identifier: MIT
# lib.sh - sourced by the shell tests: counters, checks and a closing line.
# Every test prints "ok NAME" or "FAIL NAME" (with what went wrong) and the
# script ends with "N passed, M failed", the line tests/run.sh adds up.
REC2XML=${REC2XML:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/rec2xml}
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
passed=0
failed=0
WORK=$(mktemp -d "${TMPDIR:-/tmp}/rec2xml-test.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$WORK"' EXIT

ok() { passed=$((passed + 1)); echo "ok $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; shift; [ $# -gt 0 ] && printf '  %s\n' "$@"; return 0; }

# expect_status NAME WANT CMD... : CMD exits with WANT
expect_status() {
    local name=$1 want=$2; shift 2
    local got=0
    "$@" >"$WORK/out" 2>"$WORK/err" || got=$?
    if [ "$got" -eq "$want" ]; then ok "$name"; else
        fail "$name" "exit $got, expected $want" "$(head -5 "$WORK/err")"; fi
}

# same NAME EXPECTED-FILE ACTUAL-FILE : files are identical
same() {
    if cmp -s "$2" "$3"; then ok "$1"; else
        fail "$1" "$(diff -u "$2" "$3" | head -20)"; fi
}

# tally FILE : the "ok ..." and "FAIL ..." lines a helper printed into FILE
# count as this script's checks, and are printed; its other lines are
# printed indented (the details under a FAIL)
tally() {
    local line
    while IFS= read -r line; do
        case $line in
        "ok "*) passed=$((passed + 1)); echo "$line" ;;
        "FAIL "*) failed=$((failed + 1)); echo "$line" ;;
        [0-9]*" passed, "*" failed") ;;
        *) echo "    $line" ;;
        esac
    done <"$1"
}

# sub_checks NAME CMD... : CMD is a script of checks of its own (ok/FAIL
# lines, then "N passed, M failed"); each of its checks counts here. It must
# reach its result line, and that line and its exit status must agree with
# the lines it printed.
sub_checks() {
    local name=$1 status=0 before_p=$passed before_f=$failed
    shift
    "$@" >"$WORK/sub.log" 2>&1 || status=$?
    tally "$WORK/sub.log"
    local p=$((passed - before_p)) f=$((failed - before_f)) last
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$WORK/sub.log" | tail -1)
    if [ "$last" != "$p passed, $f failed" ]; then
        fail "$name: ends with its result line" "it said '${last:-nothing}', its lines $p passed, $f failed (exit $status)"
    elif [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        fail "$name: exit status" "exit $status with nothing failed"
    fi
}

summary() {
    echo "$passed passed, $failed failed"
    [ "$failed" -eq 0 ]
}

# snapshot DIR: the working tree as a fresh clone would see it, with the
# edits not yet committed - every file git tracks or would track, build
# products left out - copied to DIR and committed there
snapshot() {
    mkdir -p "$1" &&
    (cd "$TOP" && git ls-files -z -c -o --exclude-standard | tar --null -T - --ignore-failed-read -cf - 2>/dev/null) |
        tar -C "$1" -xf - &&
    git -C "$1" init -q && git -C "$1" add -A &&
    git -C "$1" -c user.name=test -c user.email=test@example.org commit -qm snapshot
}
