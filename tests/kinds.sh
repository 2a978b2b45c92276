#!/bin/bash
# SPDX-License-Identifier: MIT
# kinds.sh - the diagnostic kinds are one list, src/kinds.def: the enum the
# code reports with and the table of SARIF rules and help come from it.
# Everything else that names kinds must agree with it: the Schematron's
# pattern ids (the kind a pattern reports), the README's table (with each
# kind's severity), the man page's list, and the code (every kind is
# reported somewhere; the binary's SARIF rules are the list, in order).
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"

# ID NAME LEVEL, one kind a line, from the REC_KIND(ID, "name", "level", rows
sed -n 's/^REC_KIND(\([A-Z0-9_]*\), "\([^"]*\)", "\([^"]*\)",.*/\1 \2 \3/p' src/kinds.def >"$WORK/kinds"
cut -d' ' -f2 "$WORK/kinds" | sort >"$WORK/names"
rows=$(grep -c '^REC_KIND(' src/kinds.def)
n=$(wc -l <"$WORK/kinds")
if [ "$n" -gt 30 ] && [ "$n" -eq "$rows" ]; then ok "kinds.def: $n kinds, every row read"; else
    fail "kinds.def: every row read" "$n read of $rows rows"; fi

# the list itself: ID is the name in capitals, levels are error or warning,
# no name twice
bad=$(awk '{ id = toupper($2); gsub(/-/, "_", id); if (id != $1) print $1 " for " $2;
             if ($3 != "error" && $3 != "warning") print $2 ": level " $3 }' "$WORK/kinds")
[ -z "$bad" ] && ok "kinds.def: IDs are the names in capitals, levels error or warning" ||
    fail "kinds.def: IDs are the names in capitals, levels error or warning" "$bad"
dups=$(uniq -d "$WORK/names")
[ -z "$dups" ] && ok "kinds.def: no name twice" || fail "kinds.def: no name twice" "$dups"

# rec2xml.sch: a pattern's id is the kind of what it reports
grep -o '<sch:pattern id="[^"]*"' schemas/rec2xml.sch | sed 's/.*id="//; s/"$//' | sort >"$WORK/patterns"
missing=$(comm -23 "$WORK/patterns" "$WORK/names")
if [ -s "$WORK/patterns" ] && [ -z "$missing" ]; then
    ok "rec2xml.sch: its $(wc -l <"$WORK/patterns") pattern ids are kinds"
else
    fail "rec2xml.sch: its pattern ids are kinds" "not kinds: ${missing:-no patterns found}"
fi

# ... and the severities its comment's table gives them are the kinds' own
sed -n '/pattern id  *severity/,/^ *$/p' schemas/rec2xml.sch | sed 1d |
    awk 'NF >= 2 { print $1, tolower($2) }' | sort >"$WORK/sch-levels"
wrong=$(join "$WORK/sch-levels" <(awk '{ print $2, $3 }' "$WORK/kinds" | sort) |
    awk '$2 != $3 { print $1 ": " $2 " in rec2xml.sch, " $3 " in kinds.def" }')
if [ "$(wc -l <"$WORK/sch-levels")" -eq "$(wc -l <"$WORK/patterns")" ] && [ -z "$wrong" ]; then
    ok "rec2xml.sch: the severity of each pattern is its kind's"
else
    fail "rec2xml.sch: the severity of each pattern is its kind's" "${wrong:-the table does not list every pattern}"
fi

# README.md: the table of '## Diagnostics', | `a`, `b` | error, warning | ...
awk '/^## Diagnostics/ { on = 1; next } /^## / { on = 0 }
     on && /^\| `/ { print }' README.md >"$WORK/readme-rows"
: >"$WORK/readme"
while IFS='|' read -r _ names levels _; do
    mapfile -t ns < <(grep -o '`[^`]*`' <<<"$names" | tr -d '`')
    IFS=',' read -ra ls <<<"$levels"
    for i in "${!ns[@]}"; do
        l=${ls[$i]:-${ls[0]}}
        l=${l// /}
        echo "${ns[$i]} $l" >>"$WORK/readme"
    done
done <"$WORK/readme-rows"
sort -o "$WORK/readme" "$WORK/readme"
awk '{ print $2, $3 }' "$WORK/kinds" | sort >"$WORK/name-level"
if [ -s "$WORK/readme" ] && cmp -s "$WORK/name-level" "$WORK/readme"; then
    ok "README.md: its table lists every kind once, with its severity"
else
    fail "README.md: its table lists every kind once, with its severity" \
        "$(diff "$WORK/name-level" "$WORK/readme" | grep '^[<>]' | head -10)"
fi

# rec2xml.1: the kinds named in bold in DIAGNOSTICS, from "The kinds:" on
# (the words before it name the formats' fields: fix, help, column)
awk '/^\.SH DIAGNOSTICS/ { on = 1; next } /^\.SH/ { on = 0; kinds = 0 } on && /^The kinds:/ { kinds = 1 }
     kinds && /^\.BR? / { print }' rec2xml.1 |
    sed -e 's/"[^"]*"//g' -e 's/^\.BR\{0,1\} //' | tr ' ' '\n' | sed 's/\\-/-/g' |
    grep -E '^[a-z0-9]+(-[a-z0-9]+)*$' | sort -u >"$WORK/man"
if [ -s "$WORK/man" ] && cmp -s "$WORK/names" "$WORK/man"; then
    ok "rec2xml.1: DIAGNOSTICS names every kind"
else
    fail "rec2xml.1: DIAGNOSTICS names every kind" \
        "$(diff "$WORK/names" "$WORK/man" | grep '^[<>]' | head -10)"
fi

# the code: every kind is reported somewhere (a kind nobody reports is
# documented for nothing)
unused=()
while read -r id name _; do
    grep -lw "REC_KIND_$id" src/*.c | grep -qv '^src/kinds\.c$' || unused+=("$name")
done <"$WORK/kinds"
[ ${#unused[@]} -eq 0 ] && ok "every kind is reported by some module" ||
    fail "every kind is reported by some module" "never reported: ${unused[*]}"

# the binary: its SARIF rules are the list, in order (SARIF results index them)
printf 'To the Police:\n\n- Act.\n' >"$WORK/ok.txt"
"$REC2XML" --check --diagnostics-format=sarif "$WORK/ok.txt" 2>"$WORK/sarif" >/dev/null || true
python3 - "$WORK/sarif" "$WORK/kinds" <<'EOF' >"$WORK/rules" 2>&1
import json, sys
log = json.load(open(sys.argv[1]))
rules = [r["id"] for r in log["runs"][0]["tool"]["driver"]["rules"]]
want = [line.split()[1] for line in open(sys.argv[2])]
if rules != want:
    print("rules:", rules[:5], "... expected", want[:5], "...")
    sys.exit(1)
EOF
[ $? -eq 0 ] && ok "the SARIF rules are kinds.def, in order" ||
    fail "the SARIF rules are kinds.def, in order" "$(head -5 "$WORK/rules")"
summary
