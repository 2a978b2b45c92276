#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""fill_translation.py - play the translator into a real language (tests only).

usage: fill_translation.py TABLE LANG IN OUT [--delimiter=;|tab] [--sep-line]

TABLE is a tab-separated file (tests/l10n/*.tsv): a header "location" LANG...
then one segment a line, by its id. IN is one of rec2xml's exports, or a PO
file made from one by translate-toolkit (csv2po, xliff2po); OUT is IN with
every target filled with the LANG column, as a translator's tool writes it:

  .csv   the target column (found by its header name); --delimiter writes
         the columns separated as a spreadsheet of another locale does
         (';' or a tab), --sep-line adds Excel's "sep=;" first line
  .xlf   a <target state="translated"> after each <source>, the unit
         approved; footnote markers [n] become copies of the source's <ph>
  .po    msgstr, found by the entry's location (#:) or msgctxt

A segment the table does not know is an error (exit 1): the export has
changed and the table must follow.
"""
import csv
import re
import sys
import xml.dom.minidom as minidom


def table(path, lang):
    rows = {}
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                continue
            rows[cells[0]] = cells[header.index(lang)]
    return rows


def need(rows, location):
    if location not in rows:
        sys.exit("fill_translation.py: no translation for segment %r" % location)
    return rows[location]


def fill_csv(rows, src, out, delimiter, sep_line):
    with open(src, encoding="utf-8-sig", newline="") as f:
        records = list(csv.reader(f))
    header = records[0]
    where, target = header.index("location"), header.index("target")
    with open(out, "w", encoding="utf-8", newline="") as f:
        if sep_line:
            f.write("sep=%s\r\n" % delimiter)
        w = csv.writer(f, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        w.writerow(header)
        for r in records[1:]:
            r[target] = need(rows, r[where])
            w.writerow(r)


def fill_xliff(rows, src, out):
    doc = minidom.parse(src)
    for unit in doc.getElementsByTagName("trans-unit"):
        source = unit.getElementsByTagName("source")[0]
        placeholders = {ph.getAttribute("equiv-text"): ph for ph in source.getElementsByTagName("ph")}
        target = doc.createElement("target")
        target.setAttribute("state", "translated")
        for piece in re.split(r"(\[[^\]]+\])", need(rows, unit.getAttribute("id"))):
            if piece in placeholders:
                target.appendChild(placeholders[piece].cloneNode(True))
            elif piece:
                target.appendChild(doc.createTextNode(piece))
        unit.insertBefore(target, source.nextSibling)
        unit.setAttribute("approved", "yes")
    with open(out, "w", encoding="utf-8") as f:
        f.write(doc.toxml())


def fill_po(rows, src, out):
    from translate.storage import po

    with open(src, "rb") as f:
        store = po.pofile(f)
    for unit in store.units:
        if unit.isheader():
            continue
        locations = unit.getlocations()
        location = locations[0] if locations else unit.getcontext()
        unit.target = need(rows, location)
        unit.markfuzzy(False)
    with open(out, "wb") as f:
        store.serialize(f)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    opts = [a for a in sys.argv[1:] if a.startswith("--")]
    if len(args) != 4:
        sys.exit(__doc__)
    path, lang, src, out = args
    rows = table(path, lang)
    delimiter = ","
    for o in opts:
        if o.startswith("--delimiter="):
            delimiter = {"tab": "\t"}.get(o.split("=", 1)[1], o.split("=", 1)[1])
    if src.endswith(".csv"):
        fill_csv(rows, src, out, delimiter, "--sep-line" in opts)
    elif src.endswith(".xlf"):
        fill_xliff(rows, src, out)
    elif src.endswith(".po"):
        fill_po(rows, src, out)
    else:
        sys.exit("fill_translation.py: IN ends in .csv, .xlf or .po")


if __name__ == "__main__":
    main()
