#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""fobatch.py - print many XSL-FO documents with one fop run.

  fobatch.py merge OUT.fo IN.fo...   one FO document holding the page
                                     sequences of every IN, in order
  fobatch.py pages AREATREE IN.fo... for each IN, "FIRST LAST": the pages
                                     of OUT.pdf that IN printed (1-based)

fop starts a Java VM each time (about 1.5 s); the round trip of every spec
example would spend minutes starting it. A page sequence is laid out on
its own (its own pages, its own page numbers, its own footnotes), so the
pages of IN in the merged PDF are those IN prints alone: what pdftotext
reads from them (with -f FIRST -l LAST) is what it reads from IN's own PDF.

Merging: the layout master set is the first document's (every document
comes from the same DocBook XSL, with the same parameters), the root's
properties (font, language, writing mode: all inherited) move to each of
its page sequences, and ids get a per-document prefix so that they stay
unique. The area tree (fop -at) says how many pages each sequence took.
"""
import sys
import xml.etree.ElementTree as ET

FO = "http://www.w3.org/1999/XSL/Format"
ET.register_namespace("fo", FO)
REFS = ("id", "ref-id", "internal-destination")


def sequences(root):
    return root.findall("{%s}page-sequence" % FO)


def merge(out, files):
    merged = None
    for k, name in enumerate(files):
        root = ET.parse(name).getroot()
        prefix = "d%d-" % k
        for e in root.iter():
            for a in REFS:
                if a in e.attrib:
                    e.set(a, prefix + e.get(a))
        if merged is None:
            merged = ET.Element(root.tag)
            merged.append(root.find("{%s}layout-master-set" % FO))
        for ps in sequences(root):
            for a, v in root.attrib.items():
                ps.attrib.setdefault(a, v)
            merged.append(ps)
    ET.ElementTree(merged).write(out, encoding="utf-8", xml_declaration=True)


def pages(areatree, files):
    counts = [len(ps.findall(".//pageViewport"))
              for ps in ET.parse(areatree).getroot().iter("pageSequence")]
    at = 0
    page = 1
    for name in files:
        n = len(sequences(ET.parse(name).getroot()))
        total = sum(counts[at:at + n])
        at += n
        print(page, page + total - 1)
        page += total
    if at != len(counts):
        sys.exit("fobatch.py: %d page sequences printed, %d merged" % (len(counts), at))


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("merge", "pages"):
        sys.exit(__doc__)
    (merge if sys.argv[1] == "merge" else pages)(sys.argv[2], sys.argv[3:])


if __name__ == "__main__":
    main()
