#!/bin/bash
# SPDX-License-Identifier: MIT
# ci.sh - rec2xml as the check on every edit: machine-readable diagnostics
# (JSON lines, GitHub commands, SARIF checked by Microsoft's validator), the
# semantic diff, the pre-commit hook and the GitHub workflow run for real,
# and the man page (clean under groff -ww and mandoc -Tlint, same options
# as --help).
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt
DIAG=(tests/diagnostics/*.txt tests/diagnostics/*.xml)

# JSON lines: one object per diagnostic, every field there
"$REC2XML" --check --diagnostics-format=json "${DIAG[@]}" missing.txt >"$WORK/out" 2>"$WORK/json" || true
if /usr/bin/python3 - "$WORK/json" <<'PY'
import json, sys
n = 0
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    assert set(d) == {"file", "line", "column", "severity", "kind", "message", "help", "fix"}, d
    assert d["severity"] in ("error", "warning") and d["kind"] and d["message"]
    assert d["help"] or d["kind"] == "schema", d
    assert d["fix"] is None or set(d["fix"]) == {"line", "column", "endColumn", "text"}, d
    n += 1
assert n >= 14, n
PY
then ok "json: every line parses"; else fail "json: every line parses" "$(head -3 "$WORK/json")"; fi
grep -q '"kind":"undefined-footnote"' "$WORK/json" && grep -q '"line":4,"column":27' "$WORK/json" &&
    ok "json: position and kind" || fail "json: position and kind"
grep -q 'rec2xml:.*checked' "$WORK/json" && fail "json: no summary line mixed in" || ok "json: no summary line mixed in"

# GitHub workflow commands
"$REC2XML" --check --diagnostics-format=github "${DIAG[@]}" >/dev/null 2>"$WORK/gh" || true
bad=$(grep -cvE '^::(error|warning) file=[^,:]+(,line=[0-9]+)?(,col=[0-9]+)?,title=[a-z0-9-]+::.+$' "$WORK/gh")
[ "$bad" -eq 0 ] && ok "github: every line is a workflow command" || fail "github: every line is a workflow command" "$(grep -vE '^::' "$WORK/gh" | head -3)"
grep -qx '::error file=tests/diagnostics/undefined-footnote.txt,line=4,col=27,title=undefined-footnote::footnote \[4\] is never defined' "$WORK/gh" &&
    ok "github: annotation at the line" || fail "github: annotation at the line"

# SARIF: one log for the run, validated by the SARIF multitool
"$REC2XML" --check --diagnostics-format=sarif "${DIAG[@]}" "$TOP/$SAMPLE" >/dev/null 2>"$WORK/run.sarif" || true
MULTITOOL=tests/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ -f "$MULTITOOL" ]; then
    chmod u+x "$MULTITOOL"   # its postinstall (chmod) may not have run
    (cd "$WORK" && "$TOP/$MULTITOOL" validate run.sarif --output validation.sarif) >"$WORK/mt.log" 2>&1
    # rec2xml has no web home, so it gives no informationUri (optional in
    # SARIF 2.1.0); the validator's advice to add one is the only finding allowed
    if /usr/bin/python3 -c "import json,sys; d=json.load(open(sys.argv[1]))
r=[x for x in d['runs'][0]['results'] if x['message'].get('id') != 'Warning_ProvideToolnformationUri']
sys.exit(1 if r else 0)" "$WORK/validation.sarif" 2>/dev/null; then
        ok "sarif: the SARIF validator finds nothing"
    else
        fail "sarif: the SARIF validator finds nothing" "$(grep -E 'error|warning' "$WORK/mt.log" | head -5)"
    fi
else
    fail "sarif: the SARIF validator is installed (npm ci --prefix tests)"
fi
/usr/bin/python3 - "$WORK/run.sarif" <<'PY' && ok "sarif: rules with help, results with regions" || fail "sarif: rules with help, results with regions"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
run = d["runs"][0]
rules = run["tool"]["driver"]["rules"]
assert d["version"] == "2.1.0" and len(rules) >= 20
assert all(r["help"]["text"] for r in rules)
res = run["results"]
ids = {r["ruleId"] for r in res}
assert {"undefined-footnote", "duplicate-footnote", "unreferenced-footnote", "invalid-utf8"} <= ids, ids
for r in res:
    assert rules[r["ruleIndex"]]["id"] == r["ruleId"]
u = [r for r in res if r["ruleId"] == "undefined-footnote"][0]
reg = u["locations"][0]["physicalLocation"]["region"]
assert reg == {"startLine": 4, "startColumn": 27}, reg
PY

# fix-its: JSON and SARIF carry the same suggested edit, and making it, as
# each format describes it, takes the warning away from its line
mkdir -p "$WORK/fix"
cp tests/diagnostics/*.txt "$WORK/fix/"
printf 'To the Government:\n- Release all detainees.\n-close the centers.\n' >"$WORK/fix/glued-text.txt"
printf 'To the Government:\n1.Investigate the deaths.\n2. Close the centers.\n' >"$WORK/fix/glued-number.txt"
printf 'To the Government:\n\n- Release all detainees.\n\nMinistry of Health:\n\n- Close the centers.\n' >"$WORK/fix/missing-to.txt"
printf 'To the Government:\n- Libérer tous les détenus. 12\n- 释放所有被拘留者 [ 1]。\n\n[1] 注。\n' >"$WORK/fix/accents.txt"
(cd "$WORK/fix" && "$REC2XML" --check -q --diagnostics-format=json ./*.txt >/dev/null 2>../fix.json;
 "$REC2XML" --check -q --diagnostics-format=sarif ./*.txt >/dev/null 2>../fix.sarif)
if /usr/bin/python3 - "$WORK/fix" "$WORK/fix.json" "$WORK/fix.sarif" "$REC2XML" <<'PY'
import json, os, subprocess, sys, urllib.parse
work, rec2xml = sys.argv[1], sys.argv[4]
diags = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8")]
fixed = [d for d in diags if d["fix"]]
run = json.load(open(sys.argv[3], encoding="utf-8"))["runs"][0]
assert run["columnKind"] == "unicodeCodePoints"
sarif = {}
for r in run["results"]:
    loc = r["locations"][0]["physicalLocation"]
    # SARIF's URIs are normalised ("./a.txt" is "a.txt"); JSON keeps the path as given
    key = (os.path.normpath(urllib.parse.unquote(loc["artifactLocation"]["uri"])),
           loc["region"]["startLine"], r["ruleId"])
    sarif.setdefault(key, []).append(r.get("fixes"))

def apply(text, line, start, end, new):
    """Replace code points [start, end) (1-based) of line."""
    lines = text.split("\n")
    s = lines[line - 1]
    lines[line - 1] = s[:start - 1] + new + s[end - 1:]
    return "\n".join(lines)

def check(path):
    p = subprocess.run([rec2xml, "--check", "-q", "--diagnostics-format=json", path],
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return [json.loads(l) for l in p.stderr.decode("utf-8").splitlines()]

kinds = set()
for n, d in enumerate(fixed):
    f = d["fix"]
    name = d["file"]
    text = open(os.path.join(work, name), encoding="utf-8").read()
    by_json = apply(text, f["line"], f["column"], f["endColumn"], f["text"])
    # the SARIF result at the same place names the same edit
    fixes = [x for x in sarif[(os.path.normpath(name), d["line"], d["kind"])] if x]
    assert len(fixes) == 1, (name, fixes)
    rep = fixes[0][0]["artifactChanges"][0]["replacements"][0]
    assert urllib.parse.unquote(fixes[0][0]["artifactChanges"][0]["artifactLocation"]["uri"]) == \
        os.path.normpath(name)
    reg = rep["deletedRegion"]
    by_sarif = apply(text, reg["startLine"], reg["startColumn"], reg.get("endColumn", reg["startColumn"]),
                     rep.get("insertedContent", {}).get("text", ""))
    assert by_sarif == by_json, (name, by_sarif, by_json)
    assert by_json != text, (name, f)
    out = os.path.join(work, "fixed-%d.txt" % n)
    open(out, "w", encoding="utf-8").write(by_json)
    left = [e for e in check(out) if e["kind"] == d["kind"] and e["line"] == d["line"]]
    assert not left, (name, d["message"], f, left)
    kinds.add(d["kind"])
want = {"glued-marker", "unknown-bullet", "near-header", "marker-switch", "page-number", "odd-reference"}
assert kinds == want, kinds
assert len(fixed) >= 10, len(fixed)
print("  %d fixes applied, kinds: %s" % (len(fixed), ", ".join(sorted(kinds))))
PY
then ok "fix-its: JSON and SARIF agree, and each edit removes its warning"
else fail "fix-its: JSON and SARIF agree, and each edit removes its warning"; fi

# the semantic diff: renumbering and re-wrapping are not changes
/usr/bin/python3 - "$SAMPLE" "$WORK" <<'PY'
import sys
src, work = sys.argv[1], sys.argv[2]
s = open(src, encoding="utf-8").read()
open(f"{work}/old.txt", "w", encoding="utf-8").write(s)
# re-wrapped only: the same words on other lines
w = s.replace("as they hold people in violation of international law.",
              "as they hold people\n    in violation of international law.")
open(f"{work}/rewrapped.txt", "w", encoding="utf-8").write(w)
# one item inserted at the top of the first group: every id after it shifts
i = s.replace("  • Release all persons", "  • Publish the list of detainees.\n  • Release all persons", 1)
open(f"{work}/inserted.txt", "w", encoding="utf-8").write(i)
# a change of words, a removal and a move to another recipient
c = s.replace("in violation of international law", "in breach of international law")
c = c.replace("  • Immediately suspend all preparations to build a new “national” drug detention center.\n", "")
line = "  • Publicly call for the immediate release of all persons held in Cambodian drug detention centers.\n"
c = c.replace(line, "").replace("To the Ministry of Health\n\n", "To the Ministry of Health\n\n" + line)
open(f"{work}/changed.txt", "w", encoding="utf-8").write(c)
PY
expect_status "--diff of the same text" 0 "$REC2XML" --diff "$WORK/old.txt" "$WORK/old.txt"
expect_status "--diff after re-wrapping only" 0 "$REC2XML" --diff "$WORK/old.txt" "$WORK/rewrapped.txt"
[ -s "$WORK/out" ] && fail "re-wrapping reports nothing" || ok "re-wrapping reports nothing"
expect_status "--diff after an insertion" 1 "$REC2XML" --diff "$WORK/old.txt" "$WORK/inserted.txt"
[ "$(grep -c '^  added' "$WORK/out")" -eq 1 ] && [ "$(grep -cE '^  (changed|removed|moved)' "$WORK/out")" -eq 0 ] &&
    ok "an insertion is one addition, whatever the renumbering" || fail "an insertion is one addition" "$(cat "$WORK/out")"
expect_status "--diff after edits" 1 "$REC2XML" --diff "$WORK/old.txt" "$WORK/changed.txt"
grep -q '^  changed  g1.2 .*\[-violation-\] {+breach+}' "$WORK/out" && ok "a change shows a word diff" ||
    fail "a change shows a word diff" "$(cat "$WORK/out")"
grep -q '^  removed  g1.3' "$WORK/out" && ok "a removal is reported" || fail "a removal is reported"
grep -q '^  moved .*from "Country Offices' "$WORK/out" && ok "a move to another recipient is reported" ||
    fail "a move to another recipient is reported" "$(cat "$WORK/out")"
"$REC2XML" -o "$WORK/changed.xml" "$WORK/changed.txt"
expect_status "--diff text against XML" 1 "$REC2XML" --diff --diff-format=json "$WORK/old.txt" "$WORK/changed.xml"
/usr/bin/python3 -c "
import json,sys; d=json.load(open(sys.argv[1])); s=d['summary']
assert (s['changed'], s['removed'], s['moved'], s['added']) == (1, 1, 1, 0), s
assert [c for c in d['changes'] if c['type'] == 'changed'][0]['diff']" "$WORK/out" &&
    ok "--diff JSON parses and counts" || fail "--diff JSON parses and counts" "$(head -c 300 "$WORK/out")"
expect_status "--diff of an unreadable file" 2 "$REC2XML" --diff "$WORK/old.txt" "$WORK/nope.txt"

# a UPR recommendation is cited by its number: rewritten under the same
# number it changed; the same words under another number are a new one
printf '110.\tThe following recommendations have been examined by Freedonia and enjoy its\nsupport:\n\n\t110.1\tRatify the Second Optional Protocol to the Covenant (Chile);\n\n\t110.2\tStrengthen the national preventive mechanism (Spain);\n' >"$WORK/upr-old.txt"
sed 's/Ratify the Second Optional Protocol to the Covenant/Consider acceding soon to that Protocol as recommended/' \
    "$WORK/upr-old.txt" >"$WORK/upr-new.txt"
sed 's/^\t110\.1\t/\t110.9\t/' "$WORK/upr-new.txt" >"$WORK/upr-renumbered.txt"
expect_status "--diff of a rewritten UPR recommendation" 1 "$REC2XML" --diff "$WORK/upr-old.txt" "$WORK/upr-new.txt"
grep -q '^rec2xml: 0 added, 0 removed, 1 changed' "$WORK/err" &&
    ok "--diff pairs UPR items by their number" || fail "--diff pairs UPR items by their number" "$(cat "$WORK/out" "$WORK/err")"
"$REC2XML" --diff "$WORK/upr-old.txt" "$WORK/upr-renumbered.txt" >"$WORK/out" 2>"$WORK/err"
grep -q '^rec2xml: 1 added, 1 removed, 0 changed' "$WORK/err" &&
    ok "--diff: few words in common under another number are another recommendation" ||
    fail "--diff: few words in common under another number are another recommendation" "$(cat "$WORK/err")"

# the pre-commit hook in a real repository: a good commit passes, a bad fails
repo="$WORK/reports"
mkdir -p "$repo/input" "$WORK/bin"
ln -s "$REC2XML" "$WORK/bin/rec2xml"
git -C "$repo" init -q
git -C "$repo" config user.email test@example.org
git -C "$repo" config user.name test
cp contrib/pre-commit "$repo/.git/hooks/pre-commit"
cp "$SAMPLE" "$repo/input/report.txt"
git -C "$repo" add input/report.txt
if PATH="$WORK/bin:$PATH" git -C "$repo" commit -qm good >"$WORK/hook" 2>&1; then
    ok "pre-commit: a good commit passes"
else
    fail "pre-commit: a good commit passes" "$(cat "$WORK/hook")"
fi
printf '\n  • One more thing.[9]\n' >>"$repo/input/report.txt"
git -C "$repo" add input/report.txt
if PATH="$WORK/bin:$PATH" git -C "$repo" commit -qm bad >"$WORK/hook" 2>&1; then
    fail "pre-commit: a bad commit is refused"
else
    grep -q 'input/report.txt:.*footnote \[9\] is never defined' "$WORK/hook" &&
        ok "pre-commit: a bad commit is refused, naming the line" || fail "pre-commit names the line" "$(cat "$WORK/hook")"
fi
[ "$(git -C "$repo" rev-list --count HEAD)" -eq 1 ] && ok "pre-commit: the bad commit did not land" ||
    fail "pre-commit: the bad commit did not land"

# the hook with names that word splitting or revision syntax would break:
# spaces, a quote, brackets, a colon, a leading dash
odd=("reports/2024 q1/it's [draft]: v2.txt" "-first.txt")
mkdir -p "$repo/reports/2024 q1"
git -C "$repo" reset -q --hard
for f in "${odd[@]}"; do cp "$SAMPLE" "$repo/$f"; done
git -C "$repo" add -- "${odd[@]}"
if PATH="$WORK/bin:$PATH" REC2XML_FILES='\.txt$' git -C "$repo" commit -qm odd >"$WORK/hook" 2>&1; then
    grep -q '2 files checked: 2 valid' "$WORK/hook" && ok "pre-commit: odd file names are checked, each whole" ||
        fail "pre-commit: odd file names are checked, each whole" "$(cat "$WORK/hook")"
else
    fail "pre-commit: odd file names pass when valid" "$(cat "$WORK/hook")"
fi
printf '\n  • One more thing.[9]\n' >>"$repo/${odd[0]}"
git -C "$repo" add -- "${odd[0]}"
if PATH="$WORK/bin:$PATH" git -C "$repo" commit -qm bad >"$WORK/hook" 2>&1; then
    fail "pre-commit: a bad file under a path with spaces is refused"
else
    grep -qF "${odd[0]}:31:20: error: footnote [9] is never defined" "$WORK/hook" &&
        ok "pre-commit: a bad file under a path with spaces is refused, naming it" ||
        fail "pre-commit: a bad file under a path with spaces is refused, naming it" "$(cat "$WORK/hook")"
fi
# it checks what is staged, not the working tree
git -C "$repo" reset -q -- "${odd[0]}"
if PATH="$WORK/bin:$PATH" git -C "$repo" commit -q --allow-empty -m unstaged >"$WORK/hook" 2>&1; then
    ok "pre-commit: an unstaged bad edit does not block"
else
    fail "pre-commit: an unstaged bad edit does not block" "$(cat "$WORK/hook")"
fi
git -C "$repo" add -- "${odd[0]}"
if REC2XML=rec2xml-not-installed git -C "$repo" commit -qm missing >"$WORK/hook" 2>&1; then
    fail "pre-commit: a missing rec2xml blocks the commit"
else
    grep -q "cannot run 'rec2xml-not-installed': not found" "$WORK/hook" && ! grep -q 'found problems' "$WORK/hook" &&
        ok "pre-commit: a missing rec2xml is reported as missing" ||
        fail "pre-commit: a missing rec2xml is reported as missing" "$(cat "$WORK/hook")"
fi
git -C "$repo" reset -q --hard
[ -f contrib/README.md ] && grep -q 'contrib/README.md' contrib/pre-commit &&
    grep -q '^## `pre-commit`' contrib/README.md && ok "pre-commit: the README it names exists and describes it" ||
    fail "pre-commit: the README it names exists and describes it"

# the GitHub workflow: valid YAML, using the action of this tree with inputs
# the action declares (tests/action.sh runs the action's steps); its diff
# step runs here as written against a base branch, and a runner reading its
# output would find exactly the notices it means, escaped
/usr/bin/python3 - contrib/github/rec2xml.yml action.yml "$WORK/diffstep" "$WORK/paths" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
action = yaml.safe_load(open(sys.argv[2]))
steps = wf["jobs"]["check"]["steps"]
uses = [s for s in steps if s.get("uses") == "./rec2xml"]
assert len(uses) == 1, "the workflow uses the action from the rec2xml submodule"
assert set(uses[0]["with"]) <= set(action["inputs"]), uses[0]["with"]
assert wf["permissions"]["security-events"] == "write"
checkout = [s for s in steps if str(s.get("uses", "")).startswith("actions/checkout@")][0]
assert checkout["with"]["submodules"] is True
step = [s for s in steps if s.get("name") == "What changed for translators"][0]
assert "${{" not in step["run"], "inputs reach the script through env only"
assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
open(sys.argv[3], "w").write(step["run"])
open(sys.argv[4], "w").write(wf["env"]["REC2XML_PATHS"])
assert "example.org" not in open(sys.argv[1]).read()
PY
[ $? -eq 0 ] && ok "workflow: valid YAML, uses the action with its inputs" || fail "workflow: valid YAML, uses the action with its inputs"
base="$WORK/origin.git" pr="$WORK/pr"
git init -q --bare -b main "$base"
git clone -q "$base" "$pr" 2>/dev/null
git -C "$pr" config user.email test@example.org
git -C "$pr" config user.name test
mkdir -p "$pr/input"
changed=("input/a, b:c 100%.txt" "input/-first.txt")
for f in "${changed[@]}" input/same.txt; do printf 'To the Police\n\n  • Old.\n' >"$pr/$f"; done
git -C "$pr" add -A && git -C "$pr" commit -qm base && git -C "$pr" push -q origin HEAD:main 2>/dev/null
git -C "$pr" checkout -qb feature
# a recipient and an item whose words are workflow commands
printf 'To ::error::pwned\n\n  • Old.\n  • ::warning::new item.\n' >"$pr/${changed[0]}"
printf 'To the Police\n\n  • Old.\n  • New.\n' >"$pr/${changed[1]}"
git -C "$pr" commit -qam change
(cd "$pr" && PATH="$WORK/bin:$PATH" BASE_REF=main REC2XML_PATHS=$(cat "$WORK/paths") \
    bash --noprofile --norc -eo pipefail "$WORK/diffstep") >"$WORK/wf.out" 2>&1
[ $? -eq 0 ] && ok "workflow: the diff step runs" || fail "workflow: the diff step runs" "$(tail -5 "$WORK/wf.out")"
# what a runner would act on: commands outside ::stop-commands:: regions,
# leading whitespace ignored as the runner ignores it
/usr/bin/python3 - "$WORK/wf.out" >"$WORK/wf.commands" <<'PY'
import sys
stopped = None
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    t = line.rstrip("\n").lstrip()
    if stopped:
        if t == "::%s::" % stopped:
            stopped = None
    elif t.startswith("::stop-commands::"):
        stopped = t[len("::stop-commands::"):]
    elif t.startswith("::"):
        print(t)
PY
printf '%s\n' '::notice file=input/-first.txt::recommendations changed: translators must be told' \
    '::notice file=input/a%2C b%3Ac 100%25.txt::recommendations changed: translators must be told' >"$WORK/wf.want"
sort "$WORK/wf.commands" >"$WORK/wf.got"
same "workflow: the diff step's only commands are escaped notices" "$WORK/wf.want" "$WORK/wf.got"
grep -q '^  added .*::warning::new item' "$WORK/wf.out" && grep -q '^::error::pwned' "$WORK/wf.out" &&
    ok "workflow: the diff itself is shown, with commands stopped" ||
    fail "workflow: the diff itself is shown, with commands stopped" "$(cat "$WORK/wf.out")"

# the man page renders cleanly and lists the options --help lists
groff -ww -man -Tutf8 -z rec2xml.1 >"$WORK/groff" 2>&1 && [ ! -s "$WORK/groff" ] &&
    ok "man: groff -ww clean" || fail "man: groff -ww clean" "$(cat "$WORK/groff")"
if command -v mandoc >/dev/null; then
    mandoc -Tlint rec2xml.1 >"$WORK/mandoc" 2>&1 && ok "man: mandoc -Tlint clean" ||
        fail "man: mandoc -Tlint clean" "$(cat "$WORK/mandoc")"
fi
"$REC2XML" --help | grep -oE -- '--[a-z][a-z-]+' | sort -u >"$WORK/help.opts"
groff -man -Tascii -rLL=1000n -rHY=0 rec2xml.1 2>/dev/null | col -b |
    sed -n '/^OPTIONS/,/^INPUT FORMAT/p' | sed 's/xsltproc --stringparam//' |
    grep -oE -- '--[a-z][a-z-]+' | sort -u >"$WORK/man.opts"
same "man and --help list the same options" "$WORK/help.opts" "$WORK/man.opts"
summary
