#!/bin/bash
# SPDX-License-Identifier: MIT
# voice.sh - one voice, one pipeline. Every failure of a run (outputs that
# collide, an output directory that is a file, -o over the input, a missing
# input, a stylesheet or translation that cannot be used, an invalid
# input) is a diagnostic with a kind in the format asked for: only JSON
# lines with --diagnostics-format=json, one valid SARIF log with sarif.
# And one input says the same, and exits the same, alone or in a batch.
set -u
. "$(dirname "$0")/lib.sh"
MULTITOOL=$TOP/tests/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
cd "$WORK"

printf 'To the Police:\n\n- Act.\n' >a.txt
printf 'To the Police:\n\n- Act [3].\n' >bad.txt              # undefined-footnote
printf 'To the Police:\n\n- Act.\n\n[1] Unused.\n' >warn.txt  # a warning only
cp warn.txt other-warn.txt && cp bad.txt other-bad.txt
mkdir b && cp a.txt b/a.txt
: >plain-file
printf 'nonsense,"\n' >broken.csv
printf 'id,source,target\n' >nolang.csv

# NAME|EXIT|ARGS: each failure, as a run provokes it
cases=(
    "colliding output names|2|-d out a.txt b/a.txt"
    "the same input twice|2|-d out a.txt a.txt"
    "an output directory that is a file|2|-d plain-file a.txt"
    "-o over the input|2|a.txt -o a.txt"
    "a missing input|2|missing.txt"
    "a missing input (--check)|2|--check a.txt missing.txt"
    "a missing stylesheet|2|-t html --stylesheet nope.xsl a.txt"
    "a stylesheet that is not XSLT|2|-t html --stylesheet a.txt a.txt"
    "a broken translation file|2|--translation broken.csv a.txt"
    "a translation without a language|2|--translation nolang.csv a.txt"
    "a missing --files-from list|2|--check --files-from nolist"
    "a missing --diff input|2|--diff missing.txt a.txt"
    "an invalid input|1|bad.txt"
    "an invalid input (-d)|1|-d out bad.txt a.txt"
)

n=0
for c in "${cases[@]}"; do
    IFS='|' read -r name want args <<<"$c"
    n=$((n + 1))
    # shellcheck disable=SC2086 # args are words
    got=0; "$REC2XML" --diagnostics-format=json $args >/dev/null 2>"json.$n" </dev/null || got=$?
    if [ "$got" -ne "$want" ]; then
        fail "json: $name: exit $want" "exit $got" "$(head -3 "json.$n")"
    elif python3 - "json.$n" <<'PY' >"why.$n" 2>&1
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert lines, "nothing said"
for line in lines:
    d = json.loads(line)
    assert d["kind"] and d["severity"] == "error" or d["severity"] == "warning", d
PY
    then ok "json: $name: only JSON lines, each with a kind"
    else fail "json: $name: only JSON lines, each with a kind" "$(tail -1 "why.$n")" "$(head -3 "json.$n")"; fi

    # shellcheck disable=SC2086
    got=0; "$REC2XML" --diagnostics-format=sarif $args >/dev/null 2>"log.$n.sarif" </dev/null || got=$?
    if [ "$got" -eq "$want" ] && python3 - "log.$n.sarif" <<'PY' >"why.$n" 2>&1
import json, sys
log = json.load(open(sys.argv[1], encoding="utf-8"))
rules = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
results = log["runs"][0]["results"]
assert results, "no result"
for r in results:
    assert r["ruleId"] in rules and rules[r["ruleIndex"]] == r["ruleId"], r
    uris = [l["physicalLocation"]["artifactLocation"]["uri"] for l in r.get("locations", [])]
    uris += [r["analysisTarget"]["uri"]] if "analysisTarget" in r else []
    assert uris and all(".." not in u.split("/") for u in uris), r
PY
    then ok "sarif: $name: one log, every result a rule"
    else fail "sarif: $name: one log, every result a rule" "exit $got" "$(tail -1 "why.$n")"; fi
done

# --diff's own summary line is gcc's: with sarif standard error is the log alone
got=0; "$REC2XML" --diff --diagnostics-format=sarif a.txt warn.txt >/dev/null 2>diff.sarif || got=$?
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' diff.sarif 2>/dev/null && [ "$got" -le 1 ] &&
    ok "sarif: --diff writes the log alone" || fail "sarif: --diff writes the log alone" "exit $got" "$(head -2 diff.sarif)"

# SARIF URIs: no '..' segment, escaped (a space, '#', ':')
mkdir -p 'sub/x y' && cp bad.txt 'sub/x y/b#:1.txt'
"$REC2XML" --check --diagnostics-format=sarif 'sub/../sub/x y/b#:1.txt' ../"$(basename "$WORK")"/bad.txt \
    >/dev/null 2>uris.sarif
python3 - uris.sarif "$WORK" <<'PY' >uris 2>&1
import json, sys
log = json.load(open(sys.argv[1]))
print("\n".join(sorted({l["physicalLocation"]["artifactLocation"]["uri"]
                        for r in log["runs"][0]["results"] for l in r["locations"]})))
PY
printf '%s\n' "file://$(pwd -P | sed 's/ /%20/g')/bad.txt" 'sub/x%20y/b%23%3A1.txt' | sort >uris.want
same "sarif: file URIs normalised and escaped" uris.want uris

# the SARIF validator, on every log above (as ci.sh runs it)
if [ -f "$MULTITOOL" ]; then
    chmod u+x "$MULTITOOL" 2>/dev/null
    for f in log.*.sarif uris.sarif; do
        "$MULTITOOL" validate "$f" --output "$f.v" >"$f.mt" 2>&1
        if python3 -c "import json,sys; d=json.load(open(sys.argv[1]))
r=[x for x in d['runs'][0]['results'] if x['message'].get('id') != 'Warning_ProvideToolnformationUri']
sys.exit(1 if r else 0)" "$f.v" 2>/dev/null; then
            ok "sarif: the validator finds nothing in $f"
        else
            fail "sarif: the validator finds nothing in $f" "$(grep -E 'error|warning' "$f.mt" | head -3)"
        fi
    done
else
    fail "sarif: the SARIF validator is installed (npm ci --prefix tests)"
fi

# ---- one input, alone or in a batch -------------------------------------------

# the JSON lines about FILE in ERR
about() { python3 -c 'import json,sys
for line in open(sys.argv[1]):
    if json.loads(line)["file"] == sys.argv[2]: print(line, end="")' "$1" "$2"; }

for f in a.txt bad.txt warn.txt missing.txt; do
    a=0; "$REC2XML" --diagnostics-format=json --check "$f" 2>alone >/dev/null || a=$?
    b=0; "$REC2XML" --diagnostics-format=json --check other-warn.txt "$f" other-bad.txt 2>batch >/dev/null || b=$?
    about alone "$f" >alone.f; about batch "$f" >batch.f
    want=$(python3 -c 'import sys; print(max(int(x) for x in sys.argv[1:]))' "$a" 1)
    if cmp -s alone.f batch.f && [ "$b" -eq "$want" ]; then
        ok "--check $f: the same diagnostics alone and in a batch, exit $a / $b"
    else
        fail "--check $f: the same diagnostics alone and in a batch" "exit $a alone, $b in the batch" \
            "$(diff alone.f batch.f | head -5)"
    fi

    rm -rf o d && mkdir d
    a=0; "$REC2XML" --diagnostics-format=json "$f" -o o 2>alone >/dev/null || a=$?
    b=0; "$REC2XML" --diagnostics-format=json -d d "$f" 2>batch >/dev/null || b=$?
    if cmp -s alone batch && [ "$a" -eq "$b" ]; then
        ok "$f: the same diagnostics and exit ($a) with -o and with -d"
    else
        fail "$f: the same diagnostics and exit with -o and with -d" "exit $a with -o, $b with -d" \
            "$(diff alone batch | head -5)"
    fi
    if [ -e o ] || [ -e "d/${f%.txt}.xml" ]; then
        cmp -s o "d/${f%.txt}.xml" && ok "$f: -o and -d write the same bytes" ||
            fail "$f: -o and -d write the same bytes"
    fi
done

# standard input is <stdin> alone and in a batch
"$REC2XML" --diagnostics-format=json --check - <bad.txt 2>alone >/dev/null
"$REC2XML" --diagnostics-format=json --check - a.txt <bad.txt 2>batch >/dev/null
about batch '<stdin>' >batch.f
[ -s alone ] && cmp -s alone batch.f && ok "standard input: the same name alone and in a batch" ||
    fail "standard input: the same name alone and in a batch" "$(cat alone batch | head -4)"
summary
