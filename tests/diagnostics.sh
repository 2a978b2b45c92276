#!/bin/bash
# diagnostics.sh - one golden .err (exact stderr) and .status (exit code) per
# diagnostic kind: the sentence an editor reads is part of the interface.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
for input in tests/diagnostics/*.txt tests/diagnostics/*.xml; do
    base=${input%.*}
    name=$(basename "$base")
    got=0
    "$REC2XML" --check -q "$input" >"$WORK/out" 2>"$WORK/err" || got=$?
    same "diagnostic $name" "$base.err" "$WORK/err"
    want=$(cat "$base.status")
    if [ "$got" -eq "$want" ]; then ok "diagnostic $name exit $want"; else
        fail "diagnostic $name exit" "exit $got, expected $want"; fi
    [ -s "$WORK/out" ] && fail "diagnostic $name stdout" "--check wrote to stdout"
done
# the kind in brackets is stable: every golden names its own kind
for err in tests/diagnostics/*.err; do
    kind=$(basename "$err" .err)
    if grep -q "\[$kind\]" "$err"; then ok "kind $kind reported"; else fail "kind $kind reported"; fi
done
summary
