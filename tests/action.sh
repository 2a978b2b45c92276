#!/bin/bash
# SPDX-License-Identifier: MIT
# action.sh - the GitHub Action of action.yml, its steps run here as written
# (tests/gen/action.py plays the runner): from a snapshot of this tree it
# installs the build dependencies, builds, checks the paths given, writes the
# outputs, the step summary and the SARIF log, and would upload the log only
# when asked. A runner reading the log would find only the commands meant,
# with every file name escaped.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt
act="$WORK/action"
snapshot "$act" >"$WORK/snap.log" 2>&1 || fail "snapshot of the tree" "$(tail -3 "$WORK/snap.log")"

# run_action NAME WORKSPACE INPUT=VALUE... : the action's steps, report in $WORK/NAME.json
run_action() {
    local name=$1 ws=$2; shift 2
    /usr/bin/python3 tests/gen/action.py "$act" "$ws" "$WORK/$name.json" "$@" 2>"$WORK/$name.err"
}
# q NAME EXPR : a Python expression over the report r (steps, outputs, uses...)
q() {
    /usr/bin/python3 - "$WORK/$1.json" "$2" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8"))
step = {s["name"]: s for s in r["steps"]}
v = eval(sys.argv[2])
print(v if isinstance(v, str) else json.dumps(v))
PY
}
# commands NAME : the workflow commands a runner would act on in the check
# step's log (leading whitespace ignored, as the runner ignores it)
commands() {
    q "$1" 'step["Check the recommendations"]["log"]' |
        sed 's/^[[:space:]]*//' | grep '^::' || true
}
# every command is one of ours, and no property value holds a raw : or ,
well_formed() {
    ! grep -vE '^::(error|warning|notice)( [a-z]+=[^:,]*(,[a-z]+=[^:,]*)*)?::' "$1"
}

# a good workspace: names with a space, brackets, a comma, a newline
good="$WORK/good"
mkdir -p "$good/input" "$good/reports/2024 q1"
cp "$SAMPLE" "$good/input/report.txt"
cp "$SAMPLE" "$good/input/a, b.txt"
cp "$SAMPLE" "$good/input/two"$'\n'"::error::lines.txt"
cp "$SAMPLE" "$good/reports/2024 q1/notes [draft].txt"
cp "$SAMPLE" "$good/reports/2024 q1/other.txt"
# a glob with a space in it, and a literal name that reads as a glob
paths=$'input/*.txt\nreports/2024 q1/o*.txt\nreports/2024 q1/notes [draft].txt'
if run_action good "$good" paths="$paths"; then ok "action: the runner model reads action.yml"
else fail "action: the runner model reads action.yml" "$(cat "$WORK/good.err")"; fi
[ "$(q good '[s["status"] for s in r["steps"]]')" = '[0, 0, 0, null]' ] &&
    ok "action: deps, build and check pass; no upload unasked" ||
    fail "action: deps, build and check pass; no upload unasked" "$(q good '[(s["name"], s["status"], s.get("log", "")[-300:]) for s in r["steps"]]')"
[ -x "$act/rec2xml" ] && [ "$(q good 'r["path_added"]')" = "[\"$act\"]" ] &&
    ok "action: builds rec2xml in its own tree and puts it on PATH" ||
    fail "action: builds rec2xml in its own tree and puts it on PATH" "$(q good 'r["path_added"]')"
[ "$(q good 'r["outputs"]')" = '{"files": "5", "exit-code": "0", "sarif-file": ""}' ] &&
    ok "action: outputs files and exit-code" || fail "action: outputs files and exit-code" "$(q good 'r["outputs"]')"
q good 'step["Check the recommendations"]["summary"]' | grep -x >/dev/null 'Files checked: 5; errors: 0; warnings: 0; exit status 0.' &&
    ok "action: the step summary counts" || fail "action: the step summary counts" "$(q good 'step["Check the recommendations"]["summary"]')"
commands good >"$WORK/good.cmds"
[ ! -s "$WORK/good.cmds" ] && ok "action: a valid workspace gives no command" ||
    fail "action: a valid workspace gives no command" "$(cat "$WORK/good.cmds")"

# invalid reports, one under a name a command property must escape; SARIF asked
bad="$WORK/bad"
cp -r "$good" "$bad"
printf '\n  • One more thing.[9]\n' >>"$bad/input/a, b.txt"
printf '\n  • Another thing.[8]\n' >>"$bad/input/two"$'\n'"::error::lines.txt"
run_action bad "$bad" paths="$paths" sarif=true 2>/dev/null
[ "$(q bad '[s["status"] for s in r["steps"]]')" = '[0, 0, 1, null]' ] &&
    ok "action: invalid reports fail the check step" || fail "action: invalid reports fail the check step" "$(q bad '[s["status"] for s in r["steps"]]')"
commands bad >"$WORK/bad.cmds"
grep -qx '::error file=input/a%2C b.txt,line=31,col=20,title=undefined-footnote::footnote \[9\] is never defined' "$WORK/bad.cmds" &&
    grep -qx '::error file=input/two%0A%3A%3Aerror%3A%3Alines.txt,line=31,col=19,title=undefined-footnote::footnote \[8\] is never defined' "$WORK/bad.cmds" &&
    [ "$(wc -l <"$WORK/bad.cmds")" -eq 2 ] &&
    ok "action: one annotation per problem, file names escaped" || fail "action: one annotation per problem, file names escaped" "$(cat "$WORK/bad.cmds")"
well_formed "$WORK/bad.cmds" && ok "action: every command well-formed" || fail "action: every command well-formed"
[ "$(q bad 'r["outputs"]')" = '{"files": "5", "exit-code": "1", "sarif-file": "rec2xml.sarif"}' ] &&
    ok "action: outputs after a failure" || fail "action: outputs after a failure" "$(q bad 'r["outputs"]')"
[ "$(q bad 'r["uses"]')" = '[{"uses": "github/codeql-action/upload-sarif@v3", "with": {"sarif_file": "rec2xml.sarif", "category": "rec2xml"}}]' ] &&
    ok "action: the SARIF upload runs after the failure, when asked" || fail "action: the SARIF upload runs after the failure, when asked" "$(q bad 'r["uses"]')"
/usr/bin/python3 - "$bad/rec2xml.sarif" <<'PY' && ok "action: the SARIF log names the files and lines" || fail "action: the SARIF log names the files and lines"
import json, sys, urllib.parse
run = json.load(open(sys.argv[1], encoding="utf-8"))["runs"][0]
found = {(urllib.parse.unquote(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]),
          r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run["results"]}
assert len(found) == 2 and all(line == 31 for _, line in found), found
assert {uri for uri, _ in found} == {"input/a, b.txt", "input/two\n::error::lines.txt"}, found
PY

# paths that match nothing, and a bad sarif input: errors, not a green check
run_action none "$good" paths=$'nothing/*.txt\n::warning::forged*' 2>/dev/null
[ "$(q none 'step["Check the recommendations"]["status"]')" = 2 ] && [ "$(q none 'r["outputs"]["files"]')" = 0 ] &&
    ok "action: paths matching nothing fail the check" || fail "action: paths matching nothing fail the check" "$(q none 'step["Check the recommendations"]["log"]')"
commands none >"$WORK/none.cmds"
grep -qx "::warning title=rec2xml::no file matches 'nothing/\*.txt'" "$WORK/none.cmds" &&
    grep -qx '::error title=rec2xml::no file to check: the paths input matches nothing' "$WORK/none.cmds" &&
    [ "$(wc -l <"$WORK/none.cmds")" -eq 3 ] &&
    ! grep -q '^::warning::forged' "$WORK/none.cmds" && well_formed "$WORK/none.cmds" &&
    ok "action: says which pattern matched nothing, forging nothing" || fail "action: says which pattern matched nothing, forging nothing" "$(cat "$WORK/none.cmds")"
run_action yes "$good" sarif=yes 2>/dev/null
[ "$(q yes 'step["Check the recommendations"]["status"]')" = 2 ] && [ "$(q yes 'r["uses"]')" = '[]' ] &&
    ok "action: sarif is 'true' or 'false'" || fail "action: sarif is 'true' or 'false'" "$(q yes 'step["Check the recommendations"]["log"]')"

# a missing file named as such is rec2xml's I/O error, not "nothing to check"
run_action missing "$good" paths=input/gone.txt 2>/dev/null
commands missing >"$WORK/missing.cmds"
[ "$(q missing 'r["outputs"]["exit-code"]')" = 2 ] && grep -q '^::error file=input/gone.txt,title=io-error::' "$WORK/missing.cmds" &&
    ok "action: a missing file is an I/O error at that file" || fail "action: a missing file is an I/O error at that file" "$(cat "$WORK/missing.cmds")"
summary
