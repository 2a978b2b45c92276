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
