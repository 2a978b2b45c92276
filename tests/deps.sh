#!/bin/sh
# SPDX-License-Identifier: MIT
# deps.sh build|test|dist - make sure the Debian packages (and, for tests, the
# npm packages) rec2xml needs are installed: to build it, to run make check,
# or to run make dist-check (the package: install tree, completion, pre-commit,
# the Action, the .deb). As root, install what is missing; otherwise print the
# exact command and fail.
set -eu
build="gcc make pkg-config libxml2-dev libxslt1-dev libpcre2-dev"
test="libxml2-utils xsltproc jing docbook5-xml docbook-xsl-ns translate-toolkit
      default-jre-headless nodejs npm valgrind clang libclang-rt-14-dev cppcheck clang-tidy clang-format
      strace time mandoc groff-base python3-yaml util-linux fop poppler-utils
      fonts-dejavu-core fonts-wqy-microhei"
dist="libxml2-utils xsltproc python3-yaml git man-db binutils dpkg-dev debhelper lintian
      pre-commit bash-completion"
# wanted by the tests, but a test that needs one skips (and says so) where it
# cannot be installed: chromium (tests/rtl.sh) is not built for every
# architecture
optional="chromium"
want=$build
[ "${1:-build}" = test ] && want="$build $test"
[ "${1:-build}" = dist ] && want="$build $dist"

missing=
for p in $want; do
    # a tool installed by other means (nodesource's node carries npm) counts
    case $p in
    nodejs) command -v node >/dev/null 2>&1 && continue ;;
    npm) command -v npm >/dev/null 2>&1 && continue ;;
    default-jre-headless) command -v java >/dev/null 2>&1 && continue ;;
    esac
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done

if [ -n "$missing" ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "rec2xml needs:$missing" >&2
        echo "install them with:  sudo apt-get install -y$missing" >&2
        exit 1
    fi
    echo "installing:$missing" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    # shellcheck disable=SC2086
    apt-get install -y -qq --no-install-recommends $missing >&2
fi

if [ "${1:-build}" = test ]; then
    for p in $optional; do
        dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'ok installed' && continue
        if [ "$(id -u)" -ne 0 ]; then
            echo "rec2xml's tests also use $p (sudo apt-get install -y $p); without it they skip what needs it" >&2
            continue
        fi
        echo "installing: $p" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -qq --no-install-recommends "$p" >&2 ||
            echo "rec2xml: $p cannot be installed here; the tests that need it will say skip" >&2
    done
fi

here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-build}" = test ] && [ -f "$here/package.json" ]; then
    if [ ! -d "$here/node_modules/vnu-jar" ] || [ ! -d "$here/node_modules/csv-parse" ] ||
       [ "$here/package.json" -nt "$here/node_modules/.installed" ]; then
        (cd "$here" && npm install --no-audit --no-fund --silent >&2 && touch node_modules/.installed)
    fi
fi
