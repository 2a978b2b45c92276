#!/bin/bash
# SPDX-License-Identifier: MIT
# sample.sh - every file in input/ converts, and its XML passes the project's
# schemas in the command-line validators on their own (xmllint, jing), not
# only rec2xml's in-process check. The real sample's counts are checked.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
RNG=schemas/rec2xml.rng
SCH=schemas/rec2xml.sch

for input in input/*.txt; do
    name=$(basename "$input" .txt)
    xml="$WORK/$name.xml"
    expect_status "convert $name" 0 "$REC2XML" -o "$xml" "$input"
    if xmllint --noout --relaxng "$RNG" --schematron "$SCH" "$xml" 2>"$WORK/lint"; then
        ok "xmllint accepts $name"
    else
        fail "xmllint accepts $name" "$(head -5 "$WORK/lint")"
    fi
    if jing "$RNG" "$xml" >"$WORK/jing" 2>&1; then ok "jing accepts $name"; else
        fail "jing accepts $name" "$(head -5 "$WORK/jing")"; fi
done

# The Cambodia report of December 2013: 5 recipients, 11 items, one footnote
# cited from the first recipient, dated 2013-12-09.
xml="$WORK/cambodia-drug-detention-2013.xml"
xp() { xmllint --xpath "$1" "$xml" 2>/dev/null; }
e() { printf '*[local-name()="%s"]' "$1"; }
check_xpath() {
    local name=$1 expr=$2 want=$3 got
    got=$(xp "$expr")
    if [ "$got" = "$want" ]; then ok "$name"; else fail "$name" "got '$got', expected '$want'"; fi
}
check_xpath "sample has 5 recipients" "count(//$(e recipient))" 5
check_xpath "sample has 5 groups" "count(/$(e recommendations)/$(e group))" 5
check_xpath "sample has 11 items" "count(//$(e item))" 11
check_xpath "sample items all in groups" "count(//$(e group)/$(e item))" 11
check_xpath "sample has 1 footnote" "count(//$(e footnote))" 1
check_xpath "sample footnote cited from the first recipient" \
    "string(//$(e group)[1]/$(e recipient)/$(e fnref)/@ref = //$(e footnote)/@id)" true
check_xpath "sample footnote cited once" "count(//$(e fnref))" 1
check_xpath "sample date" "string(/$(e recommendations)/@date)" 2013-12-09
check_xpath "sample first recipient" "normalize-space(//$(e group)[1]/$(e recipient))" \
    "Government of Cambodia 1"
check_xpath "sample last recipient" "string(//$(e group)[5]/$(e recipient)/@lead)" "To"
summary
