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
The whole-document passes of text extracted from PDFs (form feeds):
  treatypages  pages of UN concluding observations: running head, symbol and
               job number, numbered paragraphs across the breaks, hyphenated
               line ends; N pages
  uprpages     pages of a UPR report: decimal items with recommending States;
               N pages
  layoutnotes  pdftotext -layout pages: superscript lines over items, notes at
               each page's foot; N pages
  plainpages   plain pdftotext pages: no blank lines, short last lines; N pages
  contents     a table of contents of N entries (some wrapped), then N groups
  gluedlists   N lists whose wider labels are glued ("iii.text")
  rtlpages     pdftotext -layout pages of an Arabic report: bidi embeddings,
               labels after their text; N pages
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


def treatypages(n, w):
    w("CCPR/C/TST/CO/2\n\nConcluding observations on the second periodic report of Testland\n\n")
    k = 0
    for p in range(1, n + 1):
        for _ in range(3):
            k += 1
            w(f"{k}.\tThe State party should review the law on pretrial deten-\n"
              f"tion and report on the measures taken under paragraph {k} to the\n"
              "Committee in its next periodic report;\n\n")
        k += 1
        w(f"{k}.\tThe Committee notes with concern that the information provided\n")
        w(f"GE.21-{10000 + p:05d}\n\n{p}\n\fCCPR/C/TST/CO/2\n\n")
        w("on detention remains incomplete.\n\n")


def uprpages(n, w):
    w("A/HRC/99/1\n\nReport of the Working Group on the Universal Periodic Review*\n\nTestland\n\n")
    w("120.\tThe following recommendations have been examined by Testland and enjoy its\nsupport:\n\n")
    k = 0
    for p in range(1, n + 1):
        for _ in range(8):
            k += 1
            w(f"\t120.{k}\tStrengthen the independence of the national institution number {k}\n"
              f"(Chile) (Portugal);\n\n")
        w(f"GE.21-{10000 + p:05d}\n\n{p}\n\fA/HRC/99/1\n\n")


def layoutnotes(n, w):
    w("To the Government of Testland\n\n")
    k = 0
    for p in range(1, n + 1):
        first = k + 1
        for _ in range(4):
            k += 1
            w(" " * 37 + f"{k}\n    • Close the two detention centers and open an inquiry into the deaths\n"
              "      in custody.\n\n")
        w("\n\n")
        for j in range(first, k + 1):
            w(f"{j}\n The centers named in the report of the monitors, number {j}.\n")
        w(" " * 50 + f"{p}\n\f")


def plainpages(n, w):
    w("To the Government of Testland\n")
    for p in range(1, n + 1):
        for _ in range(4):
            w("• Release all persons held without trial in the detention centers of the\n"
              "capital and of the provinces.\nThese steps are urgent.\n")
        w(f"{p}\n\f")


def contents(n, w):
    w("Recommendations to the ministries\nContents\n")
    for i in range(n):
        if i % 3 == 0:
            w(f"To the Ministry number {i} and the Inspectorate of\nPlaces of Detention " + "." * 40
              + f" {i // 10 + 1}\n")
        else:
            w(f"To the Ministry number {i} " + "." * 50 + f" {i // 10 + 1}\n")
    w("\n")
    for i in range(n):
        w(f"To the Ministry number {i}\n• Publish the census.\n\n")


def rtlpages(n, w):
    R, P, L = "\u202b", "\u202c", "\u202a"
    w(R + "الملاحظات الختامية بشأن التقرير الدوري الثالث لفريدونيا" + P + "\n")
    k = 0
    for p in range(1, n + 1):
        k += 1
        w("      " + R + L + f" -{k}" + P + "ينبغي للدولة الطرف ما يلي" + L + ":" + P + P + "\n")
        for letter in "أبج":
            w("  " + R + "تقليص عدد المحتجزين رهن المحاكمة؛" + P + "          " + R + ")" + letter + "(" + P + "\n")
        w(" " * 40 + R + L + f"{p}" + P + P + "\n\f")


def gluedlists(n, w):
    w(HEAD)
    for i in range(n):
        w(f"{i + 1}. Reform the law:\n   i. limit it;\n   ii. review it;\n   iii.compensate the detained.\n")


GEN = {f.__name__: f for f in (treatypages, uprpages, layoutnotes, plainpages, contents, gluedlists, rtlpages,
                                longline, items, footnotes, refs, deep, blanks, prose,
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
