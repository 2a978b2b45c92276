#!/bin/bash
# SPDX-License-Identifier: MIT
# deb.sh - the Debian package: debian/ agrees with the tree (version,
# Build-Depends and tests/deps.sh); in a copy of the tree (this one is left as
# it was) dpkg-source -b makes the source package and dpkg-buildpackage -us
# -uc -b the binary one, once with nocheck and once running the spec
# examples; lintian finds no error or warning in either; dpkg -i
# installs it and the installed rec2xml, schemas, man page and completion
# work; dpkg --purge leaves nothing. Installing needs root.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
version=$(sed -n 's/^VERSION := //p' Makefile)
arch=$(dpkg --print-architecture)

# ---- debian/ agrees with the tree ------------------------------------------------
[ "$(dpkg-parsechangelog -SVersion 2>/dev/null)" = "$version" ] &&
    ok "debian/changelog: version $version, the Makefile's" ||
    fail "debian/changelog: version $version, the Makefile's" "$(dpkg-parsechangelog -SVersion 2>&1)"
# Build-Depends: tests/deps.sh's build list, less what build-essential brings
deps=$(sed -n 's/^build="\(.*\)"$/\1/p' tests/deps.sh | tr ' ' '\n' | sort)
essential=$(dpkg-query -W -f='${Depends}\n' build-essential 2>/dev/null | tr ',' '\n' | sed 's/^ *//; s/[ (|].*//' | sort)
sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control | sed '$d; s/^Build-Depends://' | tr ',' '\n' |
    sed 's/^ *//; s/ .*//' | grep -v '^$' | sort >"$WORK/bd"
comm -23 <(echo "$deps") <(echo "$essential") >"$WORK/bd.want"
grep -vxE 'debhelper-compat|python3' "$WORK/bd" >"$WORK/bd.got"
same "debian/control: Build-Depends are tests/deps.sh's build list" "$WORK/bd.want" "$WORK/bd.got"
grep -q '^python3 <!nocheck>' <(sed -n '/^Build-Depends:/,/^[A-Z]/p' debian/control | tr ',' '\n' | sed 's/^ *//') &&
    ok "debian/control: python3 only for the tests (<!nocheck>)" || fail "debian/control: python3 only for the tests (<!nocheck>)"

# ---- build, in a copy --------------------------------------------------------------
git status --porcelain --ignored >"$WORK/status.before"
src="$WORK/build/rec2xml-$version"
snapshot "$src" >"$WORK/snap.log" 2>&1 || fail "snapshot of the tree" "$(tail -3 "$WORK/snap.log")"
rm -rf "$src/.git"   # as from a release tarball: the build needs no git
# the source package first, while the copy holds no build products
(cd "$src" && dpkg-source -b .) >"$WORK/source.log" 2>&1 &&
    ok "dpkg-source -b: the source package" || fail "dpkg-source -b: the source package" "$(tail -5 "$WORK/source.log")"
jobs=parallel=$(nproc)
(cd "$src" && DEB_BUILD_OPTIONS="nocheck $jobs" dpkg-buildpackage -us -uc -b) >"$WORK/nocheck.log" 2>&1
status=$?
[ $status -eq 0 ] && ! grep -q 'spec.py' "$WORK/nocheck.log" &&
    ok "dpkg-buildpackage with DEB_BUILD_OPTIONS=nocheck: built, no tests run" ||
    fail "dpkg-buildpackage with DEB_BUILD_OPTIONS=nocheck: built, no tests run" "exit $status" "$(tail -8 "$WORK/nocheck.log")"
(cd "$src" && DEB_BUILD_OPTIONS="$jobs" dpkg-buildpackage -us -uc -b) >"$WORK/build.log" 2>&1
status=$?
deb="$WORK/build/rec2xml_${version}_$arch.deb"
if [ $status -eq 0 ] && [ -f "$deb" ]; then
    ok "dpkg-buildpackage -us -uc -b builds rec2xml_${version}_$arch.deb"
else
    fail "dpkg-buildpackage -us -uc -b builds the .deb" "exit $status" "$(tail -15 "$WORK/build.log")"
fi
[ "$(grep -c '^[0-9]* passed, 0 failed$' "$WORK/build.log")" -eq 2 ] &&
    ok "dpkg-buildpackage: the spec examples and regressions pass in the build" ||
    fail "dpkg-buildpackage: the spec examples and regressions pass in the build" "$(grep -E 'passed|FAIL' "$WORK/build.log" | head -5)"
git status --porcelain --ignored >"$WORK/status.after"
same "dpkg-buildpackage: this tree is left as it was" "$WORK/status.before" "$WORK/status.after"

lintian --fail-on error,warning --display-info --pedantic "$WORK/build/rec2xml_$version.dsc" \
    "$WORK/build/rec2xml_${version}_$arch.changes" >"$WORK/lintian.out" 2>"$WORK/lintian.err"
status=$?
[ $status -eq 0 ] && ok "lintian: no error, no warning" ||
    fail "lintian: no error, no warning" "exit $status" "$(cat "$WORK/lintian.out" "$WORK/lintian.err" | head -10)"
[ -s "$WORK/lintian.out" ] && echo "  lintian says:" && sed 's/^/    /' "$WORK/lintian.out"

# the package holds what make install puts under /usr, and the Debian files
dpkg-deb -c "$deb" 2>/dev/null | awk '$1 !~ /^d/ {print substr($1, 2, 9), $6}' | sort -k2 >"$WORK/deb.got"
{
    echo "rwxr-xr-x ./usr/bin/rec2xml"
    echo "rw-r--r-- ./usr/share/man/man1/rec2xml.1.gz"
    echo "rw-r--r-- ./usr/share/bash-completion/completions/rec2xml"
    echo "rw-r--r-- ./usr/share/rec2xml/rec2xml.rng"
    echo "rw-r--r-- ./usr/share/rec2xml/rec2xml.sch"
    for x in stylesheets/*.xsl stylesheets/l10n/*.xml; do echo "rw-r--r-- ./usr/share/rec2xml/$x"; done
    echo "rwxr-xr-x ./usr/share/rec2xml/contrib/pre-commit"
    echo "rw-r--r-- ./usr/share/rec2xml/contrib/README.md"
    echo "rw-r--r-- ./usr/share/rec2xml/contrib/github/rec2xml.yml"
    echo "rw-r--r-- ./usr/share/doc/rec2xml/changelog.gz"
    echo "rw-r--r-- ./usr/share/doc/rec2xml/copyright"
    echo "rw-r--r-- ./usr/share/lintian/overrides/rec2xml"
} | sort -k2 >"$WORK/deb.want"
same "the .deb holds the program, man page, completion, schemas, stylesheets, hooks" "$WORK/deb.want" "$WORK/deb.got"
dpkg-deb -x "$deb" "$WORK/x"
readelf -d "$WORK/x/usr/bin/rec2xml" 2>/dev/null | grep -q 'FLAGS.*BIND_NOW' &&
    readelf -h "$WORK/x/usr/bin/rec2xml" | grep -q 'DYN (Position-Independent' &&
    readelf -W --dyn-syms "$WORK/x/usr/bin/rec2xml" | grep -q '__[a-z]*_chk@' &&
    ! readelf -S "$WORK/x/usr/bin/rec2xml" | grep -q '\.symtab' &&
    ok "the packaged binary: PIE, bind now, fortified, stripped" || fail "the packaged binary: PIE, bind now, fortified, stripped"

# ---- installed --------------------------------------------------------------------
if [ "$(id -u)" -ne 0 ]; then
    fail "dpkg -i: needs root"
    summary; exit
fi
if dpkg-query -W -f='${Status}' rec2xml 2>/dev/null | grep -q 'ok installed'; then
    fail "dpkg -i: a rec2xml package is installed already (dpkg --purge rec2xml, then run again)"
    summary; exit
fi
if dpkg -i "$deb" >"$WORK/dpkg.log" 2>&1; then
    ok "dpkg -i installs it"
else
    fail "dpkg -i installs it" "$(tail -5 "$WORK/dpkg.log")"
fi
[ "$(/usr/bin/rec2xml --version 2>&1)" = "rec2xml $version" ] && ok "installed: rec2xml --version says $version" ||
    fail "installed: rec2xml --version says $version" "$(/usr/bin/rec2xml --version 2>&1)"
mkdir -p "$WORK/use"
(cd "$WORK/use" && /usr/bin/rec2xml -d out --all "$TOP"/input/*.txt) >"$WORK/use.log" 2>&1 &&
    [ "$(ls "$WORK/use/out" | wc -l)" -eq $(( $(ls input/*.txt | wc -l) * 6 )) ] &&
    ok "installed: converts input/*.txt to every format" || fail "installed: converts input/*.txt to every format" "$(cat "$WORK/use.log")"
xmllint --noout --relaxng /usr/share/rec2xml/rec2xml.rng --schematron /usr/share/rec2xml/rec2xml.sch \
    "$WORK"/use/out/*.xml >"$WORK/xmllint.log" 2>&1 &&
    ok "installed: xmllint with /usr/share/rec2xml's schemas accepts the XML" ||
    fail "installed: xmllint with /usr/share/rec2xml's schemas accepts the XML" "$(head -3 "$WORK/xmllint.log")"
xsltproc /usr/share/rec2xml/stylesheets/html.xsl "$WORK"/use/out/cambodia-drug-detention-2013.xml 2>/dev/null |
    cmp -s - "$WORK/use/out/cambodia-drug-detention-2013.html" &&
    ok "installed: xsltproc with /usr/share/rec2xml's html.xsl writes rec2xml's HTML" ||
    fail "installed: xsltproc with /usr/share/rec2xml's html.xsl writes rec2xml's HTML"
[ "$(man -w rec2xml 2>/dev/null)" = /usr/share/man/man1/rec2xml.1.gz ] &&
    MANWIDTH=100 man rec2xml 2>/dev/null | grep -q 'relaxng /usr/share/rec2xml/rec2xml.rng' &&
    ok "installed: man rec2xml names /usr/share/rec2xml" || fail "installed: man rec2xml names /usr/share/rec2xml"
env -i PATH=/usr/bin:/bin HOME="$WORK" bash --norc --noprofile -c '
    source /usr/share/bash-completion/bash_completion
    _completion_loader rec2xml; complete -p rec2xml' 2>&1 | grep -q -- '-F _rec2xml rec2xml$' &&
    ok "installed: bash-completion loads the completion" || fail "installed: bash-completion loads the completion"

if dpkg --purge rec2xml >"$WORK/dpkg.log" 2>&1 && [ ! -e /usr/bin/rec2xml ] && [ ! -e /usr/share/rec2xml ] &&
   [ ! -e /usr/share/bash-completion/completions/rec2xml ]; then
    ok "dpkg --purge removes it"
else
    fail "dpkg --purge removes it" "$(tail -5 "$WORK/dpkg.log")"
fi
summary
