#!/bin/bash
# SPDX-License-Identifier: MIT
# readme.sh - every command the README shows runs: each line of its ```sh
# blocks, in a scratch directory holding the files the README talks about
# (report.txt, input/, old.txt, house.xsl, filled-in translations). Every
# command succeeds (exit 0) on these files, but where want_status says why
# it exits otherwise.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
box="$WORK/box"
mkdir -p "$box/bin" "$box/input"
ln -s "$REC2XML" "$box/bin/rec2xml"
cp input/*.txt "$box/input/"
cp -r schemas "$box/"
cp input/cambodia-drug-detention-2013.txt "$box/report.txt"
sed 's/in violation of international law/in breach of international law/' "$box/report.txt" >"$box/old.txt"

# the house stylesheet is the README's own XML block
/usr/bin/python3 - README.md "$box/house.xsl" <<'PY'
import sys, re
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```xml\n(.*?)```", text, re.S).group(1)
open(sys.argv[2], "w", encoding="utf-8").write(block)
PY
# translations as a translator returns them: every target filled in
"$REC2XML" -t xliff --target-lang fr -o "$box/report.xlf" "$box/report.txt"
sed 's|<source>\(.*\)</source>|<source>\1</source><target state="translated">FR \1</target>|' \
    "$box/report.xlf" >"$box/report.fr.xlf"
"$REC2XML" -t csv -o "$box/report.csv" "$box/report.txt"
/usr/bin/python3 "$TOP/tests/gen/fill_csv.py" "$box/report.csv" "$box/report.fr.csv"
csv2po "$box/report.fr.csv" "$box/report.fr.po" >/dev/null 2>&1 || fail "csv2po makes the PO the README imports"

# every line of every ```sh block
/usr/bin/python3 - README.md >"$WORK/commands" <<'PY'
import sys, re
text = open(sys.argv[1], encoding="utf-8").read()
for block in re.findall(r"```sh\n(.*?)```", text, re.S):
    for line in block.splitlines():
        line = line.split("  #")[0].strip()
        if line:
            print(line)
PY
# the README's install lines go to a scratch DESTDIR, never to the system (sudo
# dropped); its /usr/local paths point into an install staged beforehand
make -s install DESTDIR="$box/staged" >"$WORK/cmd.out" 2>&1 || fail "README: a staged install" "$(tail -3 "$WORK/cmd.out")"
# the exit status a command must give on the box's files
want_status() {
    case $1 in
    "rec2xml --diff "*) echo 1 ;;   # old.txt differs from the report: "translators must be told"
    *) echo 0 ;;
    esac
}
count=0
while IFS= read -r cmd; do
    count=$((count + 1))
    case $cmd in
    "make check") continue ;;   # this very suite
    "sudo make "*) (cd "$TOP" && ${cmd#sudo } DESTDIR="$box/root") >"$WORK/cmd.out" 2>&1; status=$? ;;
    make\ *) (cd "$TOP" && $cmd) >"$WORK/cmd.out" 2>&1; status=$? ;;
    *) (cd "$box" && PATH="$box/bin:$PATH" bash -c "${cmd//\/usr\/local\//$box/staged/usr/local/}") >"$WORK/cmd.out" 2>&1; status=$? ;;
    esac
    want=$(want_status "$cmd")
    if [ "$status" -eq "$want" ]; then ok "README: $cmd"; else
        fail "README: $cmd (exit $status, expected $want)" "$(head -5 "$WORK/cmd.out")"; fi
done <"$WORK/commands"
[ "$count" -ge 15 ] && ok "README shows $count commands" || fail "README commands found" "$count"
# what the commands promised is there
for f in report.xml report.html out/cambodia-drug-detention-2013.xlf report.fr.html report.fr.dbk report.fr.xml rec2xml.sarif report.csv; do
    [ -s "$box/$f" ] && ok "README output $f" || fail "README output $f"
done
grep -q 'class="house-style"' "$box/report.html" && ok "README house style applied" || fail "README house style applied"
grep -q 'lang="fr"' "$box/report.fr.html" && grep -q 'FR Release all persons' "$box/report.fr.html" &&
    ok "README translation lands in the HTML" || fail "README translation lands in the HTML"
summary
