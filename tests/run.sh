#!/bin/bash
# SPDX-License-Identifier: MIT
# run.sh - the whole suite: every part prints ok/FAIL lines and closes with
# "N passed, M failed"; this adds them up and fails if any part failed.
set -u
cd "$(dirname "$0")/.."
export REC2XML=${REC2XML:-$PWD/rec2xml}
# the spec compares the XML of invalid examples too
export REC2XML_INVALID_XML_FLAG=--force
total_pass=0
total_fail=0
broken=()

run_part() {
    local name=$1; shift
    echo "=== $name"
    local log
    log=$(mktemp)
    "$@" 2>&1 | tee "$log" | grep -v '^ok ' || true
    local status=${PIPESTATUS[0]}
    local last
    last=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
    rm -f "$log"
    if [ -z "$last" ]; then
        echo "FAIL $name: no result line (exit $status)"
        total_fail=$((total_fail + 1)); broken+=("$name"); return
    fi
    echo "$name: $last"
    local p f
    p=${last%% passed*}; f=${last#*, }; f=${f%% failed*}
    total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
    if [ "$status" -ne 0 ] || [ "$f" -ne 0 ]; then broken+=("$name"); fi
}

if [ "${1:-}" = dist ]; then
    # make dist-check: the package as packagers and new users get it
    run_part licence-install bash tests/dist.sh
    run_part pre-commit bash tests/precommit.sh
    run_part action bash tests/action.sh
    run_part deb bash tests/deb.sh
elif [ "${1:-}" = hardening ]; then
    # make hardening: hostile inputs, injected faults, pathological sizes
    # (minutes: run by CI after make check, not under ASan)
    run_part hostile bash tests/hostile.sh
    run_part faults bash tests/faults.sh
    run_part outputs bash tests/outputs.sh
    run_part untrusted bash tests/untrusted.sh
    run_part pathological bash tests/pathological.sh
else
    run_part spec /usr/bin/python3 tests/spec.py tests/spec.txt
    run_part regressions /usr/bin/python3 tests/spec.py tests/regressions.txt
    run_part mutants /usr/bin/python3 tests/mutants.py
    run_part schemas bash tests/schemas.sh
    run_part diagnostics bash tests/diagnostics.sh
    run_part kinds bash tests/kinds.sh
    run_part libxml2 "${REC2XML_UNIT:-build}/check-libxml2"
    run_part sample bash tests/sample.sh
    run_part cli bash tests/cli.sh
    run_part terminal bash tests/terminal.sh
    run_part install bash tests/install.sh
    run_part batch bash tests/batch.sh
    run_part voice bash tests/voice.sh
    run_part formats bash tests/formats.sh
    run_part pdf bash tests/pdf.sh
    run_part ci bash tests/ci.sh
    run_part translate bash tests/translate.sh
    run_part l10n bash tests/l10n.sh
    run_part rtl bash tests/rtl.sh
    run_part fuzz-regressions bash tests/fuzz/regress.sh
    run_part readme bash tests/readme.sh
fi

echo
[ ${#broken[@]} -gt 0 ] && echo "failing parts: ${broken[*]}"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ] && [ ${#broken[@]} -eq 0 ]
