#!/bin/bash
# SPDX-License-Identifier: MIT
# rtl.sh - an Arabic page is laid out right to left, as a browser really
# lays it out: headless Chromium loads each page with tests/rtl/measure.js
# appended, which measures the boxes it computed (the list indents, the
# numbers written as the document writes them, the first and last line of
# every heading, paragraph and item) and writes its verdict into the title,
# read back with --dump-dom. The pages: the sample translated into Arabic
# (through the CSV) and a UPR document written in Arabic (numbers, States,
# headings). Two controls prove the measure can fail: the same page without
# dir="rtl", and with the house style's logical properties turned back into
# left/right ones. A screenshot of the Arabic sample is taken (the one in
# contrib/html-output-ar.png was made so: make rtl-screenshot).
#
# Chromium is a test dependency (tests/deps.sh installs it as root); where
# it cannot be installed, the test says "skip" and checks nothing else.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
PY=/usr/bin/python3
SRC=input/cambodia-drug-detention-2013.txt

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$CHROMIUM" ] && [ "$(id -u)" -eq 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1
    CHROMIUM=$(command -v chromium || true)
fi
if [ -z "$CHROMIUM" ]; then
    echo "skip rtl: chromium is not installed and cannot be installed here" \
         "(apt-get install chromium); the right-to-left layout is not checked"
    summary
    exit
fi

# chrome ARGS...: headless, no profile, no network of its own, bounded
chrome() {
    timeout -k 5 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --hide-scrollbars --user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" "$@" 2>>"$WORK/chrome.log"
}

# verdict PAGE: the title measure.js wrote for PAGE
verdict() {
    $PY - "$1" tests/rtl/measure.js "$1.measured.html" <<'PY'
import sys
page, script, out = sys.argv[1:]
html = open(page, encoding="utf-8").read()
js = open(script, encoding="utf-8").read()
open(out, "w", encoding="utf-8").write(html.replace("</body>", "<script>\n" + js + "</script>\n</body>"))
PY
    chrome --window-size=900,1400 --dump-dom "file://$1.measured.html" | grep -o '<title>[^<]*</title>' |
        sed 's/<[^>]*>//g'
}

# the pages
"$REC2XML" -t csv -o "$WORK/sample.csv" "$SRC"
$PY tests/gen/fill_translation.py tests/l10n/cambodia.tsv ar "$WORK/sample.csv" "$WORK/ar.csv"
"$REC2XML" --translation "$WORK/ar.csv" --target-lang ar -t html -o "$WORK/sample.ar.html" "$SRC" 2>/dev/null
"$REC2XML" -t html -o "$WORK/upr.ar.html" tests/l10n/upr.ar.xml
for page in sample.ar upr.ar; do
    got=$(verdict "$WORK/$page.html")
    case $got in
    "RTL OK "*) ok "$page.html lays out right to left (${got#RTL OK } measures)" ;;
    *) fail "$page.html lays out right to left" "${got:-no verdict: $(tail -3 "$WORK/chrome.log")}" ;;
    esac
done

# the controls: the measure fails when the page is not right to left
sed 's/<html lang="ar" dir="rtl">/<html lang="ar">/' "$WORK/upr.ar.html" >"$WORK/no-dir.html"
sed 's/padding-inline-start/padding-left/g; s/margin-inline-start/margin-left/g; s/margin-inline-end/margin-right/g' \
    "$WORK/upr.ar.html" >"$WORK/physical.html"
for control in no-dir physical; do
    got=$(verdict "$WORK/$control.html")
    case $got in
    "RTL FAIL"*) ok "control $control: the measure sees a page that is not right to left" ;;
    *) fail "control $control: the measure sees a page that is not right to left" "${got:-no verdict}" ;;
    esac
done

# what a reader sees
chrome --window-size=900,1500 --screenshot="$WORK/sample.ar.png" "file://$WORK/sample.ar.html" >/dev/null
if [ "$(head -c 8 "$WORK/sample.ar.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] &&
   [ "$(stat -c %s "$WORK/sample.ar.png")" -gt 20000 ]; then
    ok "a screenshot of the Arabic page"
else
    fail "a screenshot of the Arabic page" "$(tail -3 "$WORK/chrome.log")"
fi
if [ -n "${RTL_SCREENSHOT:-}" ]; then
    cp "$WORK/sample.ar.png" "$RTL_SCREENSHOT"
fi
[ -s contrib/html-output-ar.png ] && ok "contrib/html-output-ar.png documents it" ||
    fail "contrib/html-output-ar.png documents it"
summary
