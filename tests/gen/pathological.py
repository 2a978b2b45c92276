#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""pathological.py CASE N OUT - write a pathological rec2xml input of size N.

Used by tests/pathological.sh; nothing it writes is committed. Every case is
deterministic. N means, per case:
  longline   bytes of a single line (an item's text, no newline inside)
  items      number of items under one recipient
  footnotes  number of footnotes, each defined once and cited once
  refs       number of references, all to one footnote
  deep       nesting depth (each item indented one column deeper)
  blanks     number of blank lines between a header/item and the rest
  prose      number of prose lines in one paragraph (one long text node)
  markers    number of lines that are a marker and nothing else
  nul        number of NUL bytes on one line
  controls   number of lines, each with a different control character
  fnlines    number of continuation lines of one footnote definition
  longword   bytes of a single item line that is one word (no blank inside)
  crblanks   like blanks, with old Mac line ends (CR alone)
  nul        number of NUL bytes inside one item line
  groups     number of recipients, one item each
  undefined  number of items, each citing its own undefined footnote (errors)
  orphans    number of items before any header (item-without-recipient errors)
  wsitem     blanks inside each of 10 item lines ("• a", N blanks, "b")
  wsheader   blanks inside each of 10 header lines ("To the Government", N blanks, "x")
  wsfootnote blanks inside each of 10 footnote definitions ("[n] a", N blanks, "b")
"""
import sys

HEAD = "To the Government of Testland\n\n"


def longline(n, w):
    pre = "  • "
    word = "recommendation "
    body = (word * (n // len(word) + 1))[: max(0, n - len(pre) - 1)]
    w(HEAD + pre + body + "\n")


def longword(n, w):
    w(HEAD + "  • " + "x" * max(1, n - 5) + "\n")


def items(n, w):
    w(HEAD)
    for i in range(n):
        w(f"  • Recommendation number {i} to adopt the measure.\n")


def footnotes(n, w):
    w(HEAD)
    for i in range(1, n + 1):
        w(f"  • Recommendation {i} cites a note.[{i}]\n")
    w("\n")
    for i in range(1, n + 1):
        w(f"[{i}] Note number {i}.\n")


def refs(n, w):
    w(HEAD + "  • Cite: " + "[1] " * n + "\n\n[1] The one note.\n")


def deep(n, w):
    w(HEAD)
    for i in range(n):
        w(" " * i + f"• level {i + 1}\n")


def blanks(n, w):
    w(HEAD + "  • First.\n" + "\n" * n + "  • Second.\n")


def prose(n, w):
    w(HEAD + "  • An item.\n\n")
    for i in range(n):
        w(f"{'A' if i == 0 else 'a'} line of prose number {i}\n")


def markers(n, w):
    kinds = ["•", "-", "*", "o", "1.", "(a)", "a)", "(iv)", "iv)", "1)", "(1)", "–", "▪", "◦", "●", "·"]
    for i in range(n):
        w(kinds[i % len(kinds)] + "\n")


def fnlines(n, w):
    w(HEAD + "  • An item.[1]\n\n[1] The note starts here\n")
    for i in range(n):
        w(f"and goes on, line {i}\n")


def crblanks(n, w):
    w((HEAD + "  • First.\n").replace("\n", "\r") + "\r" * n + "  • Second.\r")


def nul(n, w):
    w(HEAD + "  • a" + "\0" * n + "b\n")


def groups(n, w):
    for i in range(n):
        w(f"To the Ministry number {i}:\n  • Do thing {i}.\n\n")


def undefined(n, w):
    w(HEAD)
    for i in range(1, n + 1):
        w(f"  • Item {i} cites a missing note.[{i}]\n")


def orphans(n, w):
    for i in range(n):
        w(f"  • Orphan item {i}.\n")


def wsitem(n, w):
    w(HEAD)
    for i in range(10):
        w("  • a" + " " * n + "b\n\n")


def wsheader(n, w):
    for i in range(10):
        w("To the Government" + " " * n + f"x{i}\n\n  • a\n\n")


def wsfootnote(n, w):
    w(HEAD + "  • An item." + "".join(f"[{i}]" for i in range(1, 11)) + "\n\n")
    for i in range(1, 11):
        w(f"[{i}] a" + " " * n + "b\n\n")


GEN = {f.__name__: f for f in (longline, items, footnotes, refs, deep, blanks, prose,
                                markers, fnlines, longword, crblanks, nul, groups, undefined, orphans,
                                wsitem, wsheader, wsfootnote)}


def main():
    case, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(out, "w", encoding="utf-8", newline="") as f:
        buf = []
        size = 0

        def w(s):
            nonlocal size
            buf.append(s)
            size += len(s)
            if size > 1 << 20:
                f.write("".join(buf))
                buf.clear()
                size = 0

        GEN[case](n, w)
        f.write("".join(buf))


if __name__ == "__main__":
    main()
