#!/bin/bash
# SPDX-License-Identifier: MIT
# dist.sh - what a packager and a new user get: the licence and an SPDX line
# in every source file; make install's tree exactly (files, modes, the man
# page naming the installed schemas, the schemas and stylesheets working
# without rec2xml), install-strip; make uninstall removing exactly that; the
# bash completion as bash-completion's own loader finds and runs it.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
SAMPLE=input/cambodia-drug-detention-2013.txt

# ---- licence ------------------------------------------------------------------
# the MIT text, word for word from its copyright line on; debian/copyright
# carries the same text
mit_body() { sed -n '/^Permission is hereby granted/,$p' "$1" | tr -s ' \n' ' '; }
if [ "$(head -1 LICENSE 2>/dev/null)" = "MIT License" ] &&
   grep -qE '^Copyright \(c\) [0-9]{4}(-[0-9]{4})? .+' LICENSE &&
   [ "$(mit_body LICENSE | sha256sum | cut -c1-16)" = 783d6159681f9836 ]; then
    ok "LICENSE: the MIT licence"
else
    fail "LICENSE: the MIT licence" "$(mit_body LICENSE 2>&1 | sha256sum)"
fi
# (the stand-alone License: paragraph, the one with the text)
awk -v RS= '/^License: MIT\n /' debian/copyright 2>/dev/null | sed '1d; s/^ //; s/^\.$//' >"$WORK/copyright.mit"
[ "$(mit_body "$WORK/copyright.mit")" = "$(mit_body LICENSE)" ] && [ -s "$WORK/copyright.mit" ] &&
    ok "debian/copyright: the licence text of LICENSE" || fail "debian/copyright: the licence text of LICENSE"

# every source file: SPDX-License-Identifier: MIT as its first line, or the
# second after a #! line or an XML declaration
git ls-files -z -c -o --exclude-standard >"$WORK/files"
missing=()
while IFS= read -r -d '' f; do
    [ -f "$f" ] || continue
    case $f in
    *.c | *.h | *.sh | *.py | *.mjs | *.mk | *.xsl | *.rng | *.sch | *.yml | *.yaml) ;;
    Makefile | debian/rules | contrib/bash-completion/*) ;;
    *) head -c2 "$f" | grep -q '^#!' || continue ;;
    esac
    first=$(head -1 "$f")
    case $first in '#!'* | '<?xml'*) first=$(sed -n 2p "$f") ;; esac
    case $first in
    '/* SPDX-License-Identifier: MIT */' | '# SPDX-License-Identifier: MIT' | \
    '// SPDX-License-Identifier: MIT' | '<!-- SPDX-License-Identifier: MIT -->') ;;
    *) missing+=("$f") ;;
    esac
done <"$WORK/files"
[ ${#missing[@]} -eq 0 ] && ok "SPDX: every source file starts with its licence line" ||
    fail "SPDX: every source file starts with its licence line" "${missing[@]:0:10}"

# ---- make install ------------------------------------------------------------
root="$WORK/root" share=opt/r2x/share
if make -s install DESTDIR="$root" PREFIX=/opt/r2x >"$WORK/make.log" 2>&1; then
    ok "make install DESTDIR PREFIX"
else
    fail "make install DESTDIR PREFIX" "$(tail -5 "$WORK/make.log")"
fi
{
    echo "755 opt/r2x/bin/rec2xml"
    echo "644 $share/man/man1/rec2xml.1"
    echo "644 $share/bash-completion/completions/rec2xml"
    echo "644 $share/rec2xml/rec2xml.rng"
    echo "644 $share/rec2xml/rec2xml.sch"
    for x in stylesheets/*.xsl stylesheets/l10n/*.xml; do echo "644 $share/rec2xml/$x"; done
    echo "755 $share/rec2xml/contrib/pre-commit"
    echo "644 $share/rec2xml/contrib/README.md"
    echo "644 $share/rec2xml/contrib/github/rec2xml.yml"
} | sort -k2 >"$WORK/tree.want"
(cd "$root" && find . ! -type d -printf '%m %P\n') | sort -k2 >"$WORK/tree.got"
same "install: exactly the binary, man page, completion, schemas, stylesheets, hooks" "$WORK/tree.want" "$WORK/tree.got"
bad=
for pair in schemas/rec2xml.rng:rec2xml/rec2xml.rng schemas/rec2xml.sch:rec2xml/rec2xml.sch \
    contrib/pre-commit:rec2xml/contrib/pre-commit contrib/README.md:rec2xml/contrib/README.md \
    contrib/github/rec2xml.yml:rec2xml/contrib/github/rec2xml.yml \
    contrib/bash-completion/rec2xml:bash-completion/completions/rec2xml \
    $(for x in stylesheets/*.xsl stylesheets/l10n/*.xml; do echo "$x:rec2xml/$x"; done); do
    cmp -s "${pair%%:*}" "$root/$share/${pair#*:}" || bad="$bad ${pair%%:*}"
done
[ -z "$bad" ] && ok "install: the files are the tree's" || fail "install: the files are the tree's" "$bad"

man="$root/$share/man/man1/rec2xml.1"
grep -q '/opt/r2x/share/rec2xml/rec2xml.rng' "$man" && ! grep -q '/usr/local/share/rec2xml' "$man" &&
    MANWIDTH=80 man -l "$man" 2>/dev/null | grep -q 'xmllint --noout --relaxng /opt/r2x/share/rec2xml/rec2xml.rng' &&
    ok "install: the man page names the installed schemas" || fail "install: the man page names the installed schemas"

# the installed schemas and stylesheets work without rec2xml
"$REC2XML" -o "$WORK/sample.xml" "$SAMPLE"
xmllint --noout --relaxng "$root/$share/rec2xml/rec2xml.rng" --schematron "$root/$share/rec2xml/rec2xml.sch" \
    "$WORK/sample.xml" >"$WORK/xmllint.out" 2>&1 &&
    ok "install: xmllint --relaxng with the installed schemas accepts rec2xml's XML" ||
    fail "install: xmllint --relaxng with the installed schemas accepts rec2xml's XML" "$(head -3 "$WORK/xmllint.out")"
xmllint --noout --relaxng "$root/$share/rec2xml/rec2xml.rng" tests/schemas/invalid/wrong-element.xml >/dev/null 2>&1 &&
    fail "install: the installed RELAX NG schema rejects an invalid document" ||
    ok "install: the installed RELAX NG schema rejects an invalid document"
bad=
for f in html docbook csv text xliff; do
    # (rec2xml gives an XLIFF file its input's name; xsltproc is told it)
    xsltproc --stringparam original "$(basename "$SAMPLE")" \
        "$root/$share/rec2xml/stylesheets/$f.xsl" "$WORK/sample.xml" >"$WORK/xsltproc.$f" 2>/dev/null &&
        "$REC2XML" -t "$f" "$SAMPLE" >"$WORK/rec2xml.$f" && cmp -s "$WORK/xsltproc.$f" "$WORK/rec2xml.$f" || bad="$bad $f"
done
[ -z "$bad" ] && ok "install: xsltproc with the installed stylesheets writes what rec2xml writes" ||
    fail "install: xsltproc with the installed stylesheets writes what rec2xml writes" "differ:$bad"

# not stripped by default (the debug information stays for a packager's
# dh_strip); install-strip strips; PREFIX defaults to /usr/local
bin="$root/opt/r2x/bin/rec2xml"
readelf -S "$bin" 2>/dev/null | grep -q '\.symtab' && ok "install: keeps the symbols" || fail "install: keeps the symbols"
if make -s install-strip DESTDIR="$WORK/stripped" >"$WORK/make.log" 2>&1 &&
   [ -x "$WORK/stripped/usr/local/bin/rec2xml" ] && ! readelf -S "$WORK/stripped/usr/local/bin/rec2xml" | grep -q '\.symtab'; then
    "$WORK/stripped/usr/local/bin/rec2xml" --version >/dev/null && ok "install-strip: a stripped binary that runs, under /usr/local"
else
    fail "install-strip: a stripped binary that runs, under /usr/local" "$(tail -3 "$WORK/make.log")"
fi

# ---- bash completion, through bash-completion's loader -------------------------
box="$WORK/box"
mkdir -p "$box/sub" "$WORK/home"
touch "$box/report.txt" "$box/house.xsl" "$box/report.fr.po" "$box/report.fr.xlf" "$box/notes.md"
cat >"$WORK/complete.bash" <<'EOF'
# comp LINE: what Tab offers at the end of LINE, one per line, sorted; the
# words split as bash splits them ('=' is a word of its own). compopt works
# only inside a real Tab: here it notes "nospace" (rec2xml's own choice;
# bash-completion's helpers set others) after the candidates.
compopt() { [[ " $* " == *" nospace "* ]] && opts=" -o nospace"; return 0; }
comp() {
    local line=$1 w
    COMP_LINE=$line COMP_POINT=${#line} COMP_WORDS=()
    set -f
    for w in $line; do
        while [[ $w == *=* ]]; do
            [ -n "${w%%=*}" ] && COMP_WORDS+=("${w%%=*}")
            COMP_WORDS+=("=")
            w=${w#*=}
        done
        [ -n "$w" ] && COMP_WORDS+=("$w")
    done
    set +f
    [[ $line == *' ' ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMPREPLY=() opts=
    local fn
    fn=$(complete -p rec2xml | sed -n 's/.*-F \([^ ]*\) .*/\1/p')
    "$fn" rec2xml "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf '%s\n' "$line" "${COMPREPLY[@]}" | { IFS= read -r l; echo "[$l]"; sort; }
    [ -z "$opts" ] || echo "(compopt$opts)"
}
source /usr/share/bash-completion/bash_completion || exit 3
_completion_loader rec2xml
[ $? -eq 124 ] || { echo "the loader found nothing"; exit 4; }
shopt -s extdebug
declare -F "$(complete -p rec2xml | sed -n 's/.*-F \([^ ]*\) .*/\1/p')" | cut -d' ' -f3-
shopt -u extdebug
comp 'rec2xml --to=ht'
comp 'rec2xml -t '
comp 'rec2xml -t xml,c'
comp 'rec2xml --diagnostics-format='
comp 'rec2xml --diff-format '
comp 'rec2xml --par'
comp 'rec2xml -p n'
comp 'rec2xml --stylesheet '
comp 'rec2xml -T report'
comp 'rec2xml -d '
comp 'rec2xml '
comp 'rec2xml --version '
comp 'rec2xml -Wno-gl'
comp 'rec2xml --color='
comp 'rec2xml -Werror=gl'
comp 'rec2xml -Wer'
comp 'rec2xml -' >"$OPTIONS"
EOF
(cd "$box" && env -i PATH="$PATH" HOME="$WORK/home" XDG_DATA_DIRS="$root/$share" OPTIONS="$WORK/options" \
    bash --norc --noprofile "$WORK/complete.bash") >"$WORK/complete.got" 2>&1
cat >"$WORK/complete.want" <<EOF
$root/$share/bash-completion/completions/rec2xml
[rec2xml --to=ht]
html
[rec2xml -t ]
csv
docbook
html
text
xliff
xml
[rec2xml -t xml,c]
xml,csv
[rec2xml --diagnostics-format=]
gcc
github
json
sarif
[rec2xml --diff-format ]
json
text
[rec2xml --par]
--param=
(compopt -o nospace)
[rec2xml -p n]
notes-title=
number-items=
(compopt -o nospace)
[rec2xml --stylesheet ]
house.xsl
sub
[rec2xml -T report]
report.fr.po
report.fr.xlf
[rec2xml -d ]
sub
[rec2xml ]
report.txt
sub
[rec2xml --version ]
[rec2xml -Wno-gl]
-Wno-glued-marker
[rec2xml --color=]
always
auto
never
[rec2xml -Werror=gl]
glued-marker
[rec2xml -Wer]
-Werror
-Werror=
EOF
same "completion: bash-completion's loader finds the installed file; formats, values, files by kind" \
    "$WORK/complete.want" "$WORK/complete.got"
"$REC2XML" --help | grep -oE -- '(^|[ ,])--?[A-Za-z][a-z-]+' | grep -oE -- '--[a-z][a-z-]+|-Werror' | sort -u >"$WORK/help.opts"
sed '1d; s/=$//' "$WORK/options" | sort -u >"$WORK/complete.opts"
same "completion: offers exactly the options --help lists" "$WORK/help.opts" "$WORK/complete.opts"

# ---- make uninstall ------------------------------------------------------------
# exactly what install put there: someone else's files in the same
# directories stay, and so does a directory that still holds one
touch "$root/opt/r2x/bin/other-tool" "$root/$share/man/man1/other.1"
if make -s uninstall DESTDIR="$root" PREFIX=/opt/r2x >"$WORK/make.log" 2>&1; then
    ok "make uninstall"
else
    fail "make uninstall" "$(tail -5 "$WORK/make.log")"
fi
(cd "$root" && find . ! -type d -printf '%P\n' | sort) >"$WORK/left.got"
printf '%s\n' opt/r2x/bin/other-tool "$share/man/man1/other.1" >"$WORK/left.want"
same "uninstall: removes exactly what install put there" "$WORK/left.want" "$WORK/left.got"
[ ! -e "$root/$share/rec2xml" ] && ok "uninstall: removes rec2xml's own directories" ||
    fail "uninstall: removes rec2xml's own directories" "$(cd "$root" && find "$share/rec2xml")"
make -s install DESTDIR="$root" PREFIX=/opt/r2x >/dev/null 2>&1
touch "$root/$share/rec2xml/house.xsl"
make -s uninstall DESTDIR="$root" PREFIX=/opt/r2x >"$WORK/make.log" 2>&1
[ -f "$root/$share/rec2xml/house.xsl" ] && [ "$(find "$root/$share/rec2xml" ! -type d | wc -l)" -eq 1 ] &&
    grep -q "$share/rec2xml holds other files: kept" "$WORK/make.log" &&
    ok "uninstall: keeps a user's file in rec2xml's directory, and says so" ||
    fail "uninstall: keeps a user's file in rec2xml's directory, and says so" "$(cat "$WORK/make.log")"
summary
