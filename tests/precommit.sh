#!/bin/bash
# SPDX-License-Identifier: MIT
# precommit.sh - the hooks of .pre-commit-hooks.yaml under Debian's pre-commit,
# in a scratch repository of reports, offline: pre-commit try-repo with a
# valid report (passes, and rec2xml saw every file whole, spaces and all) and
# a broken one (fails with rec2xml's diagnostics), for both the installed
# binary (language: system) and the one built from the pinned revision
# (language: script); then the configuration contrib/README.md shows,
# installed as a git hook, blocking a real commit.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt
export PRE_COMMIT_HOME="$WORK/pre-commit-home" PRE_COMMIT_COLOR=never
hooks="$WORK/rec2xml"
snapshot "$hooks" >"$WORK/snap.log" 2>&1 || fail "snapshot of the tree" "$(tail -3 "$WORK/snap.log")"
rev=$(git -C "$hooks" rev-parse HEAD)

# rec2xml on PATH for the system hook; a PATH without it for the rest (the
# tools pre-commit and the build need, linked one by one)
mkdir -p "$WORK/bin" "$WORK/sysbin"
ln -s "$REC2XML" "$WORK/bin/rec2xml"
for t in git pre-commit sh bash env make cc gcc pkg-config cat mkdir rm mv sed tr dirname uname flock \
    x86_64-linux-gnu-gcc-12 as ld ld.bfd collect2 expr basename; do
    p=$(PATH=/usr/local/bin:/usr/bin:/bin command -v "$t") && [ "${p##*/}" != rec2xml ] && ln -sf "$p" "$WORK/sysbin/$t"
done
with_rec2xml="$WORK/bin:$WORK/sysbin" without="$WORK/sysbin"
PATH=$without command -v rec2xml >/dev/null && fail "the PATH without rec2xml has none"

repo="$WORK/reports"
mkdir -p "$repo/reports/2024 q1" "$repo/input"
git -C "$repo" init -q
git -C "$repo" config user.email test@example.org
git -C "$repo" config user.name test
odd="reports/2024 q1/it's [draft], v2.txt"
cp "$SAMPLE" "$repo/$odd"
cp "$SAMPLE" "$repo/input/report.txt"
cp "$SAMPLE" "$repo/notes.txt"   # outside the hooks' files: never checked
git -C "$repo" add -A

# try HOOK PATH : pre-commit try-repo on what is staged, verbose
try() {
    (cd "$repo" && PATH=$2 pre-commit try-repo --verbose "$hooks" "$1") >"$WORK/try.out" 2>&1
}
for hook in rec2xml rec2xml-build; do
    p=$with_rec2xml
    [ $hook = rec2xml-build ] && p=$without
    git -C "$repo" checkout -q -- . 2>/dev/null
    cp "$SAMPLE" "$repo/$odd" && git -C "$repo" add -A
    if try $hook "$p"; then
        grep -q 'rec2xml: 2 files checked: 2 valid' "$WORK/try.out" &&
            ok "pre-commit try-repo $hook: valid reports pass, each file whole" ||
            fail "pre-commit try-repo $hook: valid reports pass, each file whole" "$(cat "$WORK/try.out")"
    else
        fail "pre-commit try-repo $hook: valid reports pass" "$(tail -15 "$WORK/try.out")"
    fi
    printf '\n  • One more thing.[9]\n' >>"$repo/$odd"
    git -C "$repo" add -A
    if try $hook "$p"; then
        fail "pre-commit try-repo $hook: a broken report fails" "$(cat "$WORK/try.out")"
    else
        grep -qF "$odd:31:20: error: footnote [9] is never defined [undefined-footnote]" "$WORK/try.out" &&
            ok "pre-commit try-repo $hook: a broken report fails with rec2xml's diagnostics" ||
            fail "pre-commit try-repo $hook: a broken report fails with rec2xml's diagnostics" "$(cat "$WORK/try.out")"
    fi
done
# without a compiler, the build hook says what it needs
cp -a "$WORK/sysbin" "$WORK/nocc"
rm -f "$WORK/nocc/make" "$WORK/nocc/cc" "$WORK/nocc/gcc" "$WORK/nocc/pkg-config"
try rec2xml-build "$WORK/nocc"
grep -q 'rec2xml-build: cannot build rec2xml .*needs gcc make' "$WORK/try.out" && ! grep -q 'Passed' "$WORK/try.out" &&
    ok "pre-commit: rec2xml-build without a compiler says what it needs" ||
    fail "pre-commit: rec2xml-build without a compiler says what it needs" "$(cat "$WORK/try.out")"
try rec2xml "$without"
grep -q 'Executable `rec2xml` not found' "$WORK/try.out" &&
    ok "pre-commit: the system hook without rec2xml says it is not found" ||
    fail "pre-commit: the system hook without rec2xml says it is not found" "$(cat "$WORK/try.out")"

# the configuration of contrib/README.md, as a git hook: it blocks the commit
/usr/bin/python3 - contrib/README.md "$hooks" "$rev" >"$repo/.pre-commit-config.yaml" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
block = re.search(r"```yaml\n(.*?)```", text, re.S).group(1)
block = re.sub(r"(?m)^(\s*- repo: ).*$", r"\g<1>" + sys.argv[2], block)
block = re.sub(r"(?m)^(\s*rev: ).*$", r"\g<1>" + sys.argv[3], block)
print(block, end="")
PY
(cd "$repo" && PATH=$with_rec2xml pre-commit install) >"$WORK/install.out" 2>&1 ||
    fail "pre-commit install" "$(cat "$WORK/install.out")"
git -C "$repo" add -A
if (cd "$repo" && PATH=$with_rec2xml git commit -qm broken) >"$WORK/commit.out" 2>&1; then
    fail "pre-commit: the README's configuration blocks a broken commit" "$(cat "$WORK/commit.out")"
else
    grep -qF "$odd:31:20: error: footnote [9] is never defined" "$WORK/commit.out" &&
        [ -z "$(git -C "$repo" rev-list --all 2>/dev/null)" ] &&
        ok "pre-commit: the README's configuration blocks a broken commit" ||
        fail "pre-commit: the README's configuration blocks a broken commit" "$(cat "$WORK/commit.out")"
fi
cp "$SAMPLE" "$repo/$odd"
git -C "$repo" add -A
(cd "$repo" && PATH=$with_rec2xml git commit -qm fixed) >"$WORK/commit.out" 2>&1 &&
    [ "$(git -C "$repo" rev-list --count HEAD)" -eq 1 ] &&
    ok "pre-commit: and lets the fixed one through" || fail "pre-commit: and lets the fixed one through" "$(cat "$WORK/commit.out")"
summary
