#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""badbytes.py OUTDIR - small inputs with every kind of bad (and tricky but
good) byte, for tests/pathological.sh. Writes OUTDIR/NAME.txt (or .xml) and
OUTDIR/MANIFEST, one case a line, tab-separated:

    NAME  STATUS  KIND  LINE:COL  WHAT

STATUS is the exit code rec2xml must give, KIND the diagnostic kind in
brackets ("-" for none), LINE:COL where it must point ("-" for anywhere),
WHAT a word the message must hold ("byte 0xC0", "U+0000"; "-" for none).
"""
import os
import sys

HEAD = b"To the Government\n\n  \xe2\x80\xa2 a"   # the bad bytes land at 3:6
TAIL = b"b\n"


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    rows = []

    def case(name, data, status, kind="-", where="-", what="-", ext="txt"):
        with open(os.path.join(out, f"{name}.{ext}"), "wb") as f:
            f.write(data)
        rows.append(f"{name}.{ext}\t{status}\t{kind}\t{where}\t{what}")

    # control characters XML cannot hold, and the ones rec2xml refuses
    for c in list(range(0x00, 0x20)) + [0x7F]:
        if c in (0x09, 0x0A, 0x0C, 0x0D):
            continue
        case(f"control-{c:02x}", HEAD + bytes([c]) + TAIL, 1, "control-character", "3:6",
             f"U+{c:04X}")
    for c in range(0x80, 0xA0):  # C1 controls, as UTF-8
        case(f"c1-{c:02x}", HEAD + chr(c).encode() + TAIL, 1, "control-character", "3:6",
             f"U+{c:04X}")
    case("nonchar-fffe", HEAD + "\ufffe".encode() + TAIL, 1, "control-character", "3:6", "U+FFFE")
    case("nonchar-ffff", HEAD + "\uffff".encode() + TAIL, 1, "control-character", "3:6", "U+FFFF")
    # one of each, many times: one line with the count of the others
    case("control-many", HEAD + b"\x00\x01\x1b\x7f" * 1000 + TAIL, 1, "control-character",
         "3:6", "and 3999 more")

    # good, though unusual: tab, form feed, NBSP, BOM in the middle, U+FFFD,
    # the highest code point, a 4-byte emoji
    for name, ch in [("ok-tab", b"\t"), ("ok-formfeed", b"\x0c"), ("ok-nbsp", b"\xc2\xa0"),
                     ("ok-zwnbsp", b"\xef\xbb\xbf"), ("ok-fffd", b"\xef\xbf\xbd"),
                     ("ok-10ffff", b"\xf4\x8f\xbf\xbf"), ("ok-emoji", b"\xf0\x9f\x98\x80"),
                     ("ok-fdd0", "\ufdd0".encode())]:
        case(name, HEAD + ch + TAIL, 0)
    case("ok-bom", b"\xef\xbb\xbf" + HEAD + TAIL, 0)
    case("ok-crlf", HEAD.replace(b"\n", b"\r\n") + b"b\r\n", 0)
    case("ok-cr", HEAD.replace(b"\n", b"\r") + b"b\r", 0)

    # every kind of invalid UTF-8; the message names the first bad byte
    bad = {
        "overlong-2-c0": b"\xc0\xaf",
        "overlong-2-c1": b"\xc1\xbf",
        "overlong-3": b"\xe0\x80\xaf",
        "overlong-3-max": b"\xe0\x9f\xbf",
        "overlong-4": b"\xf0\x80\x80\xaf",
        "overlong-4-max": b"\xf0\x8f\xbf\xbf",
        "overlong-nul": b"\xc0\x80",
        "surrogate-high": b"\xed\xa0\x80",
        "surrogate-low": b"\xed\xbf\xbf",
        "surrogate-pair-cesu": b"\xed\xa0\xbd\xed\xb2\xa9",
        "above-10ffff": b"\xf4\x90\x80\x80",
        "lone-continuation-80": b"\x80",
        "lone-continuation-bf": b"\xbf",
        "continuations": b"\x80\x81\x82",
        "truncated-2-midline": b"\xc3",
        "truncated-3-midline": b"\xe2\x82",
        "truncated-4-midline": b"\xf0\x9f\x98",
        "lead-then-lead": b"\xe2\xe2\x82\xac",
    }
    for b in range(0xF5, 0x100):
        bad[f"byte-{b:02x}"] = bytes([b, 0x80, 0x80, 0x80]) if b < 0xF8 else bytes([b])
    for name, seq in bad.items():
        case(f"utf8-{name}", HEAD + seq + TAIL, 1, "invalid-utf8", "3:6", f"0x{seq[0]:02X}")
    # cut short by the end of the file, no newline after
    for name, seq in [("truncated-2-eof", b"\xc3"), ("truncated-3-eof", b"\xe2\x82"),
                      ("truncated-4-eof", b"\xf0\x9f\x98")]:
        case(f"utf8-{name}", HEAD + seq, 1, "invalid-utf8", "3:6", f"0x{seq[0]:02X}")
    # in the header, after a BOM (columns count characters, the BOM is none)
    case("utf8-in-header-after-bom", b"\xef\xbb\xbfTo the G\xffx\n\n  \xe2\x80\xa2 a\n", 1,
         "invalid-utf8", "1:9", "0xFF")
    case("utf8-in-footnote", HEAD + b"[1]\n\n[1] note \xe9t\xe9\n", 1, "invalid-utf8", "5:10",
         "0xE9")
    case("utf8-latin1-file", "To the Gouvernement fran\u00e7ais\n\n  \u2022 \u00c9tudier.\n"
         .replace("\u2022", "-").encode("latin-1"), 1, "invalid-utf8", "1:25", "0xE7")
    case("utf8-many", HEAD + b"\xff" * 5000 + TAIL, 1, "invalid-utf8", "3:6", "and 4999 more")
    case("utf8-and-control", HEAD + b"\xff\x00" + TAIL, 1, "invalid-utf8", "3:6", "0xFF")
    case("utf16-file", "To the Government\n\n  - a\n".encode("utf-16"), 1, "invalid-utf8", "1:1",
         "0xFF")

    # the XML input path: libxml2 judges the bytes
    xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<recommendations xmlns="urn:rec2xml:1.0" '
           'version="1.0" xml:lang="en"><group id="g1"><recipient lead="To the">G{}</recipient>'
           '<item id="g1.1" marker="-" numbering="bullet"><text>t</text></item></group>'
           '</recommendations>\n')
    case("xml-nul", xml.format("\0").encode(), 1, "xml-syntax", "-", "-", ext="xml")
    case("xml-control", xml.format("\x1b").encode(), 1, "xml-syntax", "-", "-", ext="xml")
    case("xml-bad-utf8", xml.format("").encode().replace(b">G<", b">G\xff<"), 1, "xml-syntax",
         "-", "-", ext="xml")
    case("xml-overlong", xml.format("").encode().replace(b">G<", b">G\xc0\xaf<"), 1,
         "xml-syntax", "-", "-", ext="xml")
    case("xml-surrogate", xml.format("").encode().replace(b">G<", b">G\xed\xa0\x80<"), 1,
         "xml-syntax", "-", "-", ext="xml")
    case("xml-truncated", xml.format("").encode()[:150], 1, "xml-syntax", "-", "-", ext="xml")
    case("xml-charref-nul", xml.format("&#0;").encode(), 1, "xml-syntax", "-", "-", ext="xml")
    case("xml-empty", b"", 1, "xml-syntax", "-", "-", ext="xml")

    with open(os.path.join(out, "MANIFEST"), "w") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
