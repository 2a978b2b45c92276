#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# tests/schemas.sh - test schemas/rec2xml.rng and schemas/rec2xml.sch with
# the real tools, on the hand-written documents in tests/schemas/:
#
#   valid/*.xml    accepted by xmllint (RELAX NG + Schematron) and by jing;
#                  a Schematron warning (unreferenced-footnote) is allowed.
#   warning/*.xml  accepted likewise, and the Schematron reports the
#                  unreferenced-footnote warning and nothing else.
#   invalid/*.xml  one broken rule each; the table below says which tool
#                  must reject it, with which message, and that every
#                  other tool must accept it.
#
# Schematron rules are named by their pattern id: the test reads the
# pattern's message out of rec2xml.sch and looks for exactly that message
# in xmllint's output (xmllint prints the message, not the pattern id), so
# removing or renaming a pattern, or breaking its test, fails the test.
#
# Prints one "ok"/"FAIL" line per case and "N passed, M failed"; exits
# non-zero if any case fails.  Needs xmllint (libxml2-utils) and jing.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cd "$TOP"
RNG=schemas/rec2xml.rng
SCH=schemas/rec2xml.sch
DIR=tests/schemas

for tool in xmllint jing; do
    command -v "$tool" >/dev/null || { fail "$tool is not installed"; summary; exit 1; }
done

PATTERNS="item-without-recipient empty-group empty-recipient empty-document unreferenced-footnote duplicate-footnote"

why=""

# The message of the assert of Schematron pattern $1 (whitespace normalized).
sch_message() {
    xmllint --xpath "normalize-space(//*[local-name()='pattern'][@id='$1']//*[local-name()='assert' or local-name()='report'])" "$SCH"
}

WARNING=$(sch_message unreferenced-footnote)

# run_xmllint FILE: runs xmllint with both schemas and sorts its output into
#   X_RNG   RELAX NG errors (ID/IDREF errors included)
#   X_SCH   Schematron errors (messages other than the warning)
#   X_WARN  Schematron warnings
#   X_ODD   anything else (parse errors, schemas that fail to compile, ...)
run_xmllint() {
    local f=$1 out line
    X_RNG="" X_SCH="" X_WARN="" X_ODD=""
    out=$(xmllint --noout --relaxng "$RNG" --schematron "$SCH" "$f" 2>&1) || true
    while IFS= read -r line; do
        case $line in
            "$f validates" | "$f fails to validate" | "") ;;
            /*" line "[0-9]*": "*)
                if [[ ${line#*: } == "$WARNING" ]]; then X_WARN+="$line"$'\n'
                else X_SCH+="$line"$'\n'; fi ;;
            "$f:"[0-9]*": element "*"validity error : "*) X_RNG+="$line"$'\n' ;;
            # libxml2 adds this one without a position when an element's
            # attributes fail as a group (an optional one among them)
            "Relax-NG validity error : Element "*" failed to validate attributes") X_RNG+="$line"$'\n' ;;
            *) X_ODD+="$line"$'\n' ;;
        esac
    done <<<"$out"
}

# run_jing FILE: J_OUT is jing's diagnostics (its classpath warnings about
# optional jars dropped), J_RC its exit status.
run_jing() {
    J_RC=0
    J_OUT=$(jing "$RNG" "$1" 2>&1) || J_RC=$?
    J_OUT=$(grep -v '^\[warning\] .*jing: Unable to locate' <<<"$J_OUT" || true)
}

# need TOOL OUTPUT WANT: WANT is "-" (the tool must report nothing) or a
# fixed string that must appear in OUTPUT.  Appends to $why on mismatch.
need() {
    local tool=$1 out=$2 want=$3
    if [[ $want == - ]]; then
        [[ -z $out ]] || why+="$tool should accept it but said: ${out%%$'\n'*}; "
    else
        grep -qF -- "$want" <<<"$out" || why+="$tool should report '$want' but said: ${out:-nothing}; "
    fi
}

verdict() {
    if [[ -z $why ]]; then
        ok "$1"
    else
        fail "$1: $(tr '\n' ' ' <<<"${why%; }")"
    fi
    why=""
}

# --- the Schematron patterns themselves ----------------------------------
ids=$(xmllint --xpath "//*[local-name()='pattern']/@id" "$SCH" | sed 's/^ *id="\(.*\)"$/\1/' | sort | tr '\n' ' ')
want=$(tr ' ' '\n' <<<"$PATTERNS" | sed '/^$/d' | sort | tr '\n' ' ')
[[ $ids == "$want" ]] || why+="pattern ids are '$ids', expected '$want'; "
msgs=""
for p in $PATTERNS; do
    m=$(sch_message "$p")
    [[ -n $m ]] || why+="pattern $p has no message; "
    msgs+="$m"$'\n'
done
[[ $(sed '/^$/d' <<<"$msgs" | sort | uniq -d) == "" ]] || why+="two patterns share a message; "
verdict "schematron: the six pattern ids, each with its own message"

# --- valid documents ------------------------------------------------------
for f in "$DIR"/valid/*.xml; do
    run_xmllint "$f"; run_jing "$f"
    need "xmllint odd output" "$X_ODD" -
    need "xmllint relaxng" "$X_RNG" -
    need "xmllint schematron" "$X_SCH" -
    need jing "$J_OUT" -
    [[ $J_RC == 0 ]] || why+="jing exit status $J_RC; "
    verdict "valid/${f##*/}"
done

# --- documents with only warnings ----------------------------------------
for f in "$DIR"/warning/*.xml; do
    run_xmllint "$f"; run_jing "$f"
    need "xmllint odd output" "$X_ODD" -
    need "xmllint relaxng" "$X_RNG" -
    need "xmllint schematron" "$X_SCH" -
    need "xmllint schematron warning" "$X_WARN" "$WARNING"
    need jing "$J_OUT" -
    [[ $J_RC == 0 ]] || why+="jing exit status $J_RC; "
    verdict "warning/${f##*/}"
done

# --- invalid documents ----------------------------------------------------
# name                       xmllint RELAX NG error                        jing error                               Schematron pattern
EXPECT=(
  "dangling-fnref            |IDREF attribute ref references an unknown ID \"fn9\"|IDREF \"fn9\" without matching ID|-"
  "duplicate-item-id         |ID g1.1 redefined|ID \"g1.1\" has already been defined|-"
  "duplicate-footnote        |ID fn1 redefined|ID \"fn1\" has already been defined|duplicate-footnote"
  "duplicate-footnote-label  |-|-|duplicate-footnote"
  "item-without-recipient    |-|-|item-without-recipient"
  "empty-group               |-|-|empty-group"
  "empty-recipient           |-|-|empty-recipient"
  "empty-document            |-|-|empty-document"
  "wrong-element             |Did not expect element note there|element \"note\" not allowed|-"
  "wrong-namespace           |Expecting a namespace for element recommendations|element \"recommendations\" not allowed|-"
  "unknown-attribute         |Invalid attribute style for element item|attribute \"style\" not allowed|-"
  "bad-numbering             |Invalid attribute numbering for element item|value of attribute \"numbering\" is invalid|-"
  "bad-date                  |Invalid attribute date for element recommendations|value of attribute \"date\" is invalid|-"
  "missing-lang              |Element recommendations failed to validate attributes|missing required attribute \"xml:lang\"|-"
  "missing-text              |Did not expect text in element item content|missing required element \"text\"|-"
  "lead-and-from             |Invalid attribute from for element recipient|found attribute \"from\"|-"
  "dangling-topic            |IDREF attribute topic references an unknown ID \"p9\"|IDREF \"p9\" without matching ID|-"
  "bad-role                  |Invalid attribute role for element prose|value of attribute \"role\" is invalid|-"
  "page-in-text              |Did not expect element page there|element \"page\" not allowed here|-"
)

declare -A listed=()
for row in "${EXPECT[@]}"; do
    IFS='|' read -r name rng_want jing_want pattern <<<"$row"
    name=${name%% *}
    listed[$name]=1
    f=$DIR/invalid/$name.xml
    if [[ ! -f $f ]]; then
        why+="missing file $f; "; verdict "invalid/$name.xml"; continue
    fi
    run_xmllint "$f"; run_jing "$f"
    need "xmllint odd output" "$X_ODD" -
    need "xmllint relaxng" "$X_RNG" "$rng_want"
    need jing "$J_OUT" "$jing_want"
    if [[ $jing_want == - ]]; then
        [[ $J_RC == 0 ]] || why+="jing exit status $J_RC; "
    else
        [[ $J_RC != 0 ]] || why+="jing exit status 0; "
    fi
    if [[ $pattern == - ]]; then
        need "xmllint schematron" "$X_SCH" -
    else
        need "xmllint schematron ($pattern)" "$X_SCH" ": $(sch_message "$pattern")"
    fi
    verdict "invalid/$name.xml"
done

# Every invalid document must have its row in the table.
for f in "$DIR"/invalid/*.xml; do
    name=${f##*/}; name=${name%.xml}
    if [[ -z ${listed[$name]:-} ]]; then
        why+="no expectation for it in tests/schemas.sh; "
        verdict "invalid/$name.xml"
    fi
done

# --- rec2xml in process: the same verdicts --------------------------------
# rec2xml applies the IDREF rules (fnref/@ref, recipient/@from, item/@topic)
# itself, with hash tables: it must still reject what xmllint and jing
# reject, and accept what they accept.
for f in "$DIR"/valid/*.xml "$DIR"/warning/*.xml "$DIR"/invalid/*.xml; do
    want=0; [[ $f == */invalid/* ]] && want=1
    got=0; "$REC2XML" --check -q "$f" >/dev/null 2>&1 || got=$?
    [[ $got == "$want" ]] || why+="rec2xml --check exits $got, expected $want; "
    verdict "rec2xml agrees: ${f#"$DIR"/}"
done

summary
