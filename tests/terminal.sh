#!/bin/bash
# SPDX-License-Identifier: MIT
# terminal.sh - diagnostics as a person sees them on a terminal, run on a
# real pseudo-terminal (tests/gen/pty.py): colours as --color, NO_COLOR and
# TERM say, in the diagnostics and in --diff; the caret under the column by
# display width (Chinese, combining accents, tabs) whatever the locale; the
# help line of each kind.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
PTY=(/usr/bin/python3 "$TOP/tests/gen/pty.py")
BAD=tests/diagnostics/undefined-footnote.txt
SAMPLE=input/cambodia-drug-detention-2013.txt
ESC=$'\033'
# the environment of each run is set here, not inherited (CI has no TERM)
clean=(env -u NO_COLOR -u LC_ALL -u LANG -u LC_CTYPE TERM=xterm)

has_sgr() { grep -q "$ESC\[" "$1"; }

# ---- colour ------------------------------------------------------------------
# on a terminal: colour by default, the source line quoted, the help line
"${clean[@]}" "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q "$BAD"
grep -qF "${ESC}[01mtests/diagnostics/undefined-footnote.txt:4:27:${ESC}[m ${ESC}[01;31merror:${ESC}[m footnote [4] is never defined [${ESC}[01;31mundefined-footnote${ESC}[m]" "$WORK/tty" &&
    ok "terminal: gcc's colours (place bold, error red, kind)" || fail "terminal: gcc's colours" "$(cat -v "$WORK/tty")"
grep -qxF "  ${ESC}[01;36mhelp:${ESC}[m Add a line '[n] text' at the end of the document, or correct the reference." "$WORK/tty" &&
    ok "terminal: the help line, coloured as gcc's notes" || fail "terminal: the help line" "$(cat -v "$WORK/tty")"
grep -qxF "$(printf ' %.0s' {1..28})${ESC}[01;32m^${ESC}[m" "$WORK/tty" &&
    ok "terminal: a green caret under the column" || fail "terminal: a green caret under the column" "$(cat -v "$WORK/tty")"
"${clean[@]}" "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q tests/diagnostics/glued-marker.txt
grep -qF "${ESC}[01;35mwarning:${ESC}[m" "$WORK/tty" && grep -qF "[${ESC}[01;35mglued-marker${ESC}[m]" "$WORK/tty" &&
    ok "terminal: a warning magenta" || fail "terminal: a warning magenta" "$(cat -v "$WORK/tty")"

# NO_COLOR set and not empty: no colour, the quote stays; empty: colour
"${clean[@]}" NO_COLOR=1 "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q "$BAD"
! has_sgr "$WORK/tty" && grep -qx ' \{28\}\^' "$WORK/tty" &&
    ok "NO_COLOR=1: no colour, the caret stays" || fail "NO_COLOR=1: no colour, the caret stays" "$(cat -v "$WORK/tty")"
"${clean[@]}" NO_COLOR= "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q "$BAD"
has_sgr "$WORK/tty" && ok "NO_COLOR empty: colour" || fail "NO_COLOR empty: colour" "$(cat -v "$WORK/tty")"
"${clean[@]}" NO_COLOR=1 "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q --color=always "$BAD"
has_sgr "$WORK/tty" && ok "--color=always wins over NO_COLOR" || fail "--color=always wins over NO_COLOR" "$(cat -v "$WORK/tty")"
"${clean[@]}" "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q --color=never "$BAD"
! has_sgr "$WORK/tty" && grep -q '\^' "$WORK/tty" && ok "--color=never on a terminal" || fail "--color=never on a terminal" "$(cat -v "$WORK/tty")"
env -u NO_COLOR TERM=dumb "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q "$BAD"
! has_sgr "$WORK/tty" && ok "TERM=dumb: no colour" || fail "TERM=dumb: no colour" "$(cat -v "$WORK/tty")"
env -u NO_COLOR -u TERM "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q "$BAD"
! has_sgr "$WORK/tty" && ok "no TERM: no colour" || fail "no TERM: no colour" "$(cat -v "$WORK/tty")"
"${clean[@]}" "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q --diagnostics-format=json --color=always "$BAD"
! has_sgr "$WORK/tty" && ok "--color=always leaves JSON alone" || fail "--color=always leaves JSON alone" "$(cat -v "$WORK/tty")"

# not a terminal: no colour unless asked; asked, no quote (that is for terminals)
"${clean[@]}" "$REC2XML" --check -q "$BAD" 2>"$WORK/err"
! has_sgr "$WORK/err" && ok "not a terminal: no colour" || fail "not a terminal: no colour" "$(cat -v "$WORK/err")"
"${clean[@]}" "$REC2XML" --check -q --color=always "$BAD" 2>"$WORK/err"
grep -qF "${ESC}[01;31merror:${ESC}[m" "$WORK/err" && ! grep -q '\^' "$WORK/err" &&
    ok "--color=always into a pipe: colours, no quote" || fail "--color=always into a pipe" "$(cat -v "$WORK/err")"
"${clean[@]}" "$REC2XML" --check -q --color=always -j 2 "$BAD" tests/diagnostics/glued-marker.txt 2>"$WORK/err"
[ "$(grep -c "${ESC}\[01m" "$WORK/err")" -eq 2 ] && ok "--color=always in a batch check" ||
    fail "--color=always in a batch check" "$(cat -v "$WORK/err")"
expect_status "--color=sometimes is a usage error" 2 "$REC2XML" --color=sometimes "$BAD"
grep -qF "rec2xml: --color takes auto, always or never, not 'sometimes'" "$WORK/err" && ok "--color names its values" ||
    fail "--color names its values" "$(cat "$WORK/err")"

# --diff: the same option, for standard output
sed 's/in violation of international law/in breach of international law/' "$SAMPLE" >"$WORK/new.txt"
"${clean[@]}" "${PTY[@]}" stdout "$WORK/tty" "$REC2XML" --diff -q "$SAMPLE" "$WORK/new.txt"
grep -qF "${ESC}[31m[-violation-]${ESC}[m ${ESC}[32m{+breach+}${ESC}[m" "$WORK/tty" &&
    ok "--diff on a terminal: coloured" || fail "--diff on a terminal: coloured" "$(cat -v "$WORK/tty")"
"${clean[@]}" NO_COLOR=1 "${PTY[@]}" stdout "$WORK/tty" "$REC2XML" --diff -q "$SAMPLE" "$WORK/new.txt"
! has_sgr "$WORK/tty" && grep -q '\[-violation-\] {+breach+}' "$WORK/tty" && ok "--diff: NO_COLOR" ||
    fail "--diff: NO_COLOR" "$(cat -v "$WORK/tty")"
"${clean[@]}" "${PTY[@]}" stdout "$WORK/tty" "$REC2XML" --diff -q --color=never "$SAMPLE" "$WORK/new.txt"
! has_sgr "$WORK/tty" && ok "--diff --color=never on a terminal" || fail "--diff --color=never on a terminal" "$(cat -v "$WORK/tty")"
"${clean[@]}" "$REC2XML" --diff -q --color=always "$SAMPLE" "$WORK/new.txt" >"$WORK/out"
grep -qF "${ESC}[31m[-violation-]" "$WORK/out" && ok "--diff --color=always into a pipe" ||
    fail "--diff --color=always into a pipe" "$(cat -v "$WORK/out")"
"${clean[@]}" "$REC2XML" --diff -q --diff-format=json --color=always "$SAMPLE" "$WORK/new.txt" >"$WORK/out"
! has_sgr "$WORK/out" && /usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$WORK/out" &&
    ok "--diff JSON stays JSON with --color=always" || fail "--diff JSON stays JSON with --color=always"

# ---- the caret by display width ------------------------------------------------
# Chinese (two columns each), combining accents (none), tabs (to the next
# multiple of 8), and a line long enough to be quoted in part: in each, the
# caret must stand under the '[' of the undefined reference, counted as a
# terminal counts (Python's Unicode tables stand for the terminal), in the
# C locale as in a UTF-8 one
/usr/bin/python3 - "$WORK" <<'PY'
import sys
w = sys.argv[1]
lines = {
    "zh": "- 释放所有被拘留者。[4]",
    "comb": "- Libe\u0301rer les de\u0301tenus et les de\u0301tenues.[4]",
    "tabs": "-\tRelease\tall\tdetainees.\t[4]",
    "mixed": "\t- 关闭 Cle\u0301ment\t中心。[4]",
    "long": "- " + "释放被拘留者，" * 40 + "[4] " + "关闭中心。" * 40,
}
for name, line in lines.items():
    with open("%s/%s.txt" % (w, name), "w", encoding="utf-8") as f:
        f.write("To the Government:\n%s\n" % line)
PY
for name in zh comb tabs mixed long; do
    for locale in C C.UTF-8; do
        env -u NO_COLOR -u LANG -u LC_CTYPE TERM=xterm LC_ALL=$locale "${PTY[@]}" stderr "$WORK/tty" \
            "$REC2XML" --check -q --color=never "$WORK/$name.txt"
        if /usr/bin/python3 - "$WORK/tty" <<'PY'
import sys, unicodedata
out = open(sys.argv[1], encoding="utf-8").read().split("\n")
quote, caret = out[1], out[2]
assert quote.startswith("  ") and caret.startswith("  ") and caret.endswith("^"), out
assert "\t" not in quote, "tabs are written as spaces"
def width(s):
    n = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n
at = quote.index("[4]")
assert len(caret) - 1 == width(quote[:at]), (width(quote[:at]), len(caret) - 1)
PY
        then ok "caret by display width: $name, LC_ALL=$locale"
        else fail "caret by display width: $name, LC_ALL=$locale" "$(cat "$WORK/tty")"; fi
    done
done
# a tab before the caret runs to the next multiple of 8 from the quote's start
env -u NO_COLOR TERM=xterm LC_ALL=C "${PTY[@]}" stderr "$WORK/tty" "$REC2XML" --check -q --color=never "$WORK/tabs.txt"
sed -n 2,3p "$WORK/tty" >"$WORK/tabs.got"
printf '  -       Release all     detainees.      [4]\n  %40s^\n' '' >"$WORK/tabs.want"
same "tabs expanded to stops of 8" "$WORK/tabs.want" "$WORK/tabs.got"

# ---- help lines ----------------------------------------------------------------------
# once per kind and file, after the kind's first diagnostic, as the kinds table says
printf 'To the Government:\n-Release all detainees.\n-Close the centers.\n\n- Open the files.[7]\n' >"$WORK/helps.txt"
cp "$WORK/helps.txt" "$WORK/helps2.txt"
"$REC2XML" --check -q "$WORK/helps.txt" "$WORK/helps2.txt" 2>"$WORK/err" >/dev/null
[ "$(grep -c '^  help: Put a space between the marker' "$WORK/err")" -eq 2 ] &&
    [ "$(grep -c '^  help: Add a line' "$WORK/err")" -eq 2 ] && [ "$(grep -c '\[glued-marker\]' "$WORK/err")" -ge 4 ] &&
    ok "help: once per kind and file" || fail "help: once per kind and file" "$(cat "$WORK/err")"
# the sentence is the kind's help, as the SARIF log's rules carry it
"$REC2XML" --check --diagnostics-format=sarif "$BAD" 2>"$WORK/rules.sarif" >/dev/null
if /usr/bin/python3 - "$WORK/err" "$WORK/rules.sarif" <<'PY'
import json, re, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
rules = json.load(open(sys.argv[2], encoding="utf-8"))["runs"][0]["tool"]["driver"]["rules"]
helps = {r["id"]: r["help"]["text"] for r in rules}
seen = set()
for i, line in enumerate(lines):
    m = re.search(r"\[([a-z-]+)\]$", line)
    if not m or line.startswith(" "):
        continue
    key = (line.split(":")[0], m.group(1))
    following = lines[i + 1] if i + 1 < len(lines) else ""
    if key in seen:
        assert not following.startswith("  help:"), following
    else:
        seen.add(key)
        assert following == "  help: " + helps[m.group(1)], (following, helps[m.group(1)])
assert len(seen) == 4, seen
PY
then ok "help: the kind's help, right after its first diagnostic in each file"
else fail "help: the kind's help, right after its first diagnostic in each file" "$(cat "$WORK/err")"; fi

summary
