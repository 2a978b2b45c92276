#!/bin/bash
# SPDX-License-Identifier: MIT
# hostile.sh - hostile XML and hostile stylesheets (issue 5, item 4).
#
# XML inputs: external entities (file:// and http://), parameter entities,
# external DTDs, billion laughs, quadratic blow-up, 100,000-deep nesting,
# XInclude, an xml-stylesheet PI, xsi:schemaLocation, 100,000 attributes, and
# the same through stdin, a .txt that starts with '<', --check, -d and an
# XLIFF translation. User stylesheets: exsl:document, xsl:document (XSLT 1.1),
# saxon:output, xalan:write, document() of a file, of a path, of a local XML
# file and of a URL, xsl:import of a URL, an external entity, billion laughs,
# endless recursion, and a --param that tries XPath injection.
#
# Each is refused with its diagnostic kind and exit code, nothing from
# /etc/passwd (or the local secret.xml) appears in the output or the
# messages, peak memory stays under 64 MB (GNU time), and - the proof of no
# access - the run under `strace -f` opens no path but the input, the
# stylesheet, the outputs, the shared libraries and /dev, /proc, /sys
# basics, and makes no socket() or connect() call. A local TCP listener on
# the port the files point at also records any connection attempt.
#
# Each case fails if its protection is removed: a DOCTYPE let through either
# names no doctype-not-allowed or shows the file's content; a stylesheet
# allowed to write creates the marker file; allowed to read, copies the
# content into the output or is seen opening it.
set -u
. "$(dirname "$0")/lib.sh"
cd "$TOP"
LIMIT=${HOSTILE_TIMEOUT:-60}
MEM_KB=65536
SAMPLE=$TOP/input/cambodia-drug-detention-2013.txt
D=$WORK/h
mkdir -p "$D" "$WORK/outdir"

if ! command -v strace >/dev/null && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    apt-get install -y -qq strace >/dev/null 2>&1 || true
fi
STRACE=1
if ! command -v strace >/dev/null || ! strace -f -qq -o /dev/null true 2>/dev/null; then
    echo "note: strace is missing or cannot trace here (apt-get install strace):"
    echo "      file and network access is checked by the listener and the outputs only"
    STRACE=0
fi
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "note: /usr/bin/time missing: peak memory not measured"; TIME=; }

# a listener on a free local port: every connection is logged
PORT_FILE=$WORK/port
CONN_LOG=$WORK/connections
python3 - "$PORT_FILE" "$CONN_LOG" <<'PY' &
import socket, sys
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(16)
open(sys.argv[1] + ".tmp", "w").write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
while True:
    c, a = s.accept()
    with open(sys.argv[2], "a") as f:
        f.write(f"connection from {a}\n")
    c.close()
PY
LISTENER=$!
trap 'kill "$LISTENER" 2>/dev/null; wait "$LISTENER" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do [ -s "$PORT_FILE" ] && break; sleep 0.05; done
PORT=$(cat "$PORT_FILE" 2>/dev/null || echo 9)
: >"$CONN_LOG"

python3 tests/gen/hostile.py "$D" "$PORT"
head -c 4096 /etc/passwd | grep -m1 -o '^[^:]*:[^:]*:0:0:' >"$WORK/passwd-marker" || echo "root:x:0:0:" >"$WORK/passwd-marker"
PASSWD_MARK=$(cat "$WORK/passwd-marker")

# access_ok NAME ALLOWED-PATH...: the strace log opens nothing else, no network
access_ok() {
    local name=$1
    shift
    [ "$STRACE" -eq 1 ] || return 0
    local bad
    bad=$(python3 - "$WORK/st.log" "$@" <<'PY'
import os, re, sys
log, allowed = sys.argv[1], set(sys.argv[2:])
allowed |= {os.path.abspath(a) for a in sys.argv[2:]}
dirs = [a.rstrip("/") + "/" for a in allowed if a.endswith("/")]
# the C library's own reads: the loader cache, locale data, the CPU count,
# and the kernel's overcommit policy (glibc's malloc reads it before giving
# back part of a thread's heap)
ok_re = re.compile(r"^(/etc/ld\.so\.(cache|preload)|/dev/(null|urandom|tty)|/proc/self/.*"
                   r"|/proc/sys/vm/overcommit_memory"
                   r"|/sys/devices/system/cpu/.*|/usr/lib/locale/.*|/usr/share/locale/.*"
                   r"|.*/gconv/.*|/usr/share/zoneinfo/.*"
                   r"|(/usr)?/lib(32|64|x32)?/.*\.so(\.[0-9]+)*)$")
bad = []
execs = 0
for line in open(log, errors="replace"):
    # strace -y shows a directory descriptor's path: 3</out>, "name"
    m = re.search(r'\b(open|openat|openat2|creat|mkdir|mkdirat)\((?:AT_FDCWD, |\d+<([^>]*)>, |\d+, )?"([^"]*)"', line)
    if m:
        p = m.group(3)
        if m.group(2) and not p.startswith("/"):
            p = os.path.normpath(os.path.join(m.group(2), p))
        if p in allowed or os.path.abspath(p) in allowed or ok_re.match(p) \
                or any(os.path.abspath(p).startswith(d) for d in dirs):
            continue
        bad.append(f"{m.group(1)} {p}")
    elif re.search(r"\b(socket|connect|bind|sendto)\(", line):
        bad.append(line.split(None, 1)[-1].strip()[:120])
    elif re.search(r"\bexecve\(", line):
        execs += 1
if execs > 1:
    bad.append(f"{execs} execve calls")
print("\n".join(sorted(set(bad))))
PY
)
    if [ -z "$bad" ]; then ok "$name: no file or network access"; else
        fail "$name: no file or network access" $bad; fi
}

# hostile NAME WANT KIND ALLOWED... -- ARGS...: run rec2xml ARGS (bounded),
# then the same under strace; exit WANT, [KIND] said, no secret in the
# output or the messages, memory bounded, no access beyond ALLOWED
hostile() {
    local name=$1 want=$2 kind=$3
    shift 3
    local allowed=()
    while [ "$1" != -- ]; do allowed+=("$1"); shift; done
    shift
    local got=0 kb=0
    rm -f "$WORK/time"
    if [ -n "$TIME" ]; then
        timeout -k 5 "$LIMIT" "$TIME" -o "$WORK/time" -f '%M' "$REC2XML" "$@" \
            >"$WORK/out" 2>"$WORK/err" <"${STDIN:-/dev/null}" || got=$?
        kb=$(tail -1 "$WORK/time" 2>/dev/null)
        [[ $kb =~ ^[0-9]+$ ]] || kb=0
    else
        timeout -k 5 "$LIMIT" "$REC2XML" "$@" >"$WORK/out" 2>"$WORK/err" <"${STDIN:-/dev/null}" || got=$?
    fi
    printf '  %-34s exit %-3s peak %6s KB  %s\n' "$name" "$got" "$kb" \
        "$(grep -o '\[[a-z-]*\]$' "$WORK/err" | sort -u | tr '\n' ' ')"
    if [ "$got" -eq "$want" ]; then ok "$name: exit $want"; else
        fail "$name: exit $want" "exit $got" "$(head -3 "$WORK/err" | cut -c1-200)"; fi
    if [ "$kind" != - ]; then
        if grep -q "\[$kind\]\$" "$WORK/err"; then ok "$name: [$kind]"; else
            fail "$name: [$kind]" "$(head -3 "$WORK/err" | cut -c1-200)"; fi
    fi
    if grep -qF -e "$PASSWD_MARK" -e "TOP-SECRET-MARKER" "$WORK/out" "$WORK/err" \
        $(ls "$WORK"/outdir/* 2>/dev/null); then
        fail "$name: nothing leaked" "the output or the messages hold the secret"
    else ok "$name: nothing leaked"; fi
    if [ "$kb" -gt 0 ]; then
        if [ "$kb" -le "$MEM_KB" ]; then ok "$name: memory bounded"; else
            fail "$name: memory bounded" "peak $kb KB"; fi
    fi
    if [ "$STRACE" -eq 1 ]; then
        timeout -k 5 "$LIMIT" strace -f -qq -y -o "$WORK/st.log" \
            -e trace=open,openat,openat2,creat,mkdir,mkdirat,socket,connect,bind,sendto,execve \
            "$REC2XML" "$@" >/dev/null 2>&1 <"${STDIN:-/dev/null}" || true
        access_ok "$name" "${allowed[@]+"${allowed[@]}"}"
    fi
    if [ -s "$CONN_LOG" ]; then
        fail "$name: no connection" "$(cat "$CONN_LOG")"
        : >"$CONN_LOG"
    fi
    rm -rf "$WORK"/outdir/* "$WORK"/outdir/.[!.]* 2>/dev/null
    return 0
}

echo "# hostile XML inputs"
for f in xxe-file xxe-path xxe-http param-entity param-entity-http external-dtd-file \
    external-dtd-http internal-subset billion-laughs quadratic-blowup; do
    hostile "$f" 1 doctype-not-allowed "$D/$f.xml" -- "$D/$f.xml"
    hostile "$f --force" 1 doctype-not-allowed "$D/$f.xml" -- --force "$D/$f.xml"
    [ -s "$WORK/out" ] && fail "$f --force: nothing written" || ok "$f --force: nothing written"
done
hostile "deep-100000" 1 xml-syntax "$D/deep-100000.xml" -- "$D/deep-100000.xml"
hostile "xinclude" 1 invalid-structure "$D/xinclude.xml" -- "$D/xinclude.xml"
hostile "xinclude --force" 1 invalid-structure "$D/xinclude.xml" -- --force "$D/xinclude.xml"
hostile "xinclude-http" 1 invalid-structure "$D/xinclude-http.xml" -- "$D/xinclude-http.xml"
hostile "xinclude, every format" 1 invalid-structure "$D/xinclude.xml" "$WORK/outdir/" -- \
    -d "$WORK/outdir" -a -f "$D/xinclude.xml"
hostile "xml-stylesheet PI not followed" 0 - "$D/xml-stylesheet-pi.xml" -- -t html "$D/xml-stylesheet-pi.xml"
hostile "xsi:schemaLocation" 1 invalid-structure "$D/schema-location.xml" -- "$D/schema-location.xml"
hostile "DOCTYPE in a .txt" 1 doctype-not-allowed "$D/doctype-sniffed.txt" -- "$D/doctype-sniffed.txt"
STDIN=$D/xxe-file.xml hostile "DOCTYPE on stdin" 1 doctype-not-allowed -- -
hostile "DOCTYPE, --check" 1 doctype-not-allowed "$D/xxe-file.xml" "$D/billion-laughs.xml" -- \
    --check "$D/xxe-file.xml" "$D/billion-laughs.xml"
hostile "DOCTYPE, batch" 1 doctype-not-allowed "$D/xxe-file.xml" "$D/xxe-http.xml" "$WORK/outdir/" -- \
    -d "$WORK/outdir" -a "$D/xxe-file.xml" "$D/xxe-http.xml"
hostile "DOCTYPE in a translation" 2 doctype-not-allowed "$SAMPLE" "$D/xxe.xlf" -- \
    -T "$D/xxe.xlf" --target-lang fr "$SAMPLE"
hostile "100,000 attributes" 1 invalid-structure "$D/attributes-100000.xml" -- "$D/attributes-100000.xml"
# libxml2 2.9 checks duplicate attributes pairwise; print (and bound) the cost
if command -v valgrind >/dev/null; then
    cg() {
        timeout -k 5 300 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
            --log-file="$WORK/cg.log" "$REC2XML" --check -q "$1" >/dev/null 2>&1
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$WORK/cg.log" | tail -1
    }
    a=$(cg "$D/attributes-1000.xml")
    b=$(cg "$D/attributes-10000.xml")
    if [ -n "$a" ] && [ -n "$b" ]; then
        r=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.1f", b / a }')
        echo "  attributes 1,000 -> 10,000: $a -> $b instructions (x$r)"
        awk -v r="$r" 'BEGIN { exit !(r <= 15) }' && ok "attributes: cost linear (x$r for 10x)" ||
            fail "attributes: cost linear" "x$r for 10x the attributes (quadratic)"
    else
        fail "attributes: cost linear" "callgrind did not finish"
    fi
fi

echo "# hostile user stylesheets (--stylesheet FILE -t html)"
# the control: a harmless stylesheet runs; if it cannot, the refusals below
# prove nothing (the stylesheet never ran)
hostile "benign stylesheet runs" 0 - "$SAMPLE" "$D/benign.xsl" -- \
    --stylesheet "$D/benign.xsl" -t html "$SAMPLE"
grep -q 'benign stylesheet ran' "$WORK/out" && ok "benign stylesheet output" ||
    fail "benign stylesheet output" "user stylesheets do not run: $(head -1 "$WORK/err" | cut -c1-160)"
never_ran() {
    grep -q 'cannot be read \[stylesheet-error\]' "$WORK/err" &&
        fail "$1: the stylesheet ran" "it was never loaded ($(head -1 "$WORK/err" | cut -c1-120)): this case proves nothing yet"
}
# user_sheet NAME WANT KIND: run stylesheet NAME.xsl over the sample
user_sheet() {
    local name=$1 want=$2 kind=$3
    hostile "$name" "$want" "$kind" "$SAMPLE" "$D/$name.xsl" -- --stylesheet "$D/$name.xsl" -t html "$SAMPLE"
    never_ran "$name"
    if ls "$D"/written* >/dev/null 2>&1; then
        fail "$name: no file written" "$(ls -d "$D"/written*)"
        rm -rf "$D"/written*
    else ok "$name: no file written"; fi
}
# the message catalogue built into the binary is the one thing document()
# reads
hostile "document() of the built-in catalogue" 0 - "$SAMPLE" "$D/document-builtin.xsl" -- \
    --stylesheet "$D/document-builtin.xsl" -t html "$SAMPLE"
grep -q 'catalogue: [1-9]' "$WORK/out" && ok "document() of the built-in catalogue reads it" ||
    fail "document() of the built-in catalogue reads it" "$(head -3 "$WORK/out" "$WORK/err")"
for s in exsl-document exsl-document-dir xsl-document saxon-output xalan-write exsl-document-http \
    document-file document-path document-xml document-http document-rec2xml recursion; do
    user_sheet "$s" 1 transform-error
done
user_sheet import-http 2 stylesheet-error
user_sheet billion-laughs 2 stylesheet-error
# an external entity in the stylesheet reaches for a file: refused, and said
user_sheet entity-file 2 stylesheet-error
# batch workers apply the same security preferences
hostile "exsl:document in a batch" 1 transform-error "$SAMPLE" "$D/exsl-document.xsl" "$WORK/outdir/" -- \
    -d "$WORK/outdir" --stylesheet "$D/exsl-document.xsl" -t html "$SAMPLE"
never_ran "exsl:document in a batch"
ls "$D"/written* >/dev/null 2>&1 && fail "batch: no file written" || ok "batch: no file written"
# a --param is a string, never XPath
inject="') or document('/etc/passwd') or ('"
hostile "--param is not XPath" 0 - "$SAMPLE" "$D/param.xsl" -- \
    --stylesheet "$D/param.xsl" -t html -p "p=$inject" "$SAMPLE"
grep -qF "document('/etc/passwd')" "$WORK/out" && ok "--param kept as text" ||
    fail "--param kept as text" "$(head -3 "$WORK/out")"

summary
