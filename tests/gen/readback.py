#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""readback.py NAME ORIGINAL.xml READ.xml READ.err [NAME ...]... - does
each document read back from its printed form say what the original says?
Prints one line per document: its NAME, a tab, and what differs (nothing
after the tab when they agree): the recipients (their words, without the header words
and note references), the item texts (without note references), the
footnotes' texts. Markers may differ (DocBook XSL numbers a lettered list
"a.", whatever the source wrote); page furniture, the title, the table of
contents and prose are the printed form's own. A hyphen that the printer
put at a line end and the reader kept, saying so (a [hyphenation] warning
in READ.err: "neither 'pro-hibition' nor 'prohibition'"), is the one
difference the reader owns up to: such a word counts as the joined one.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{urn:rec2xml:1.0}"


def text_of(e):
    """The element's words, leaving out its note references (fnref) and
    its header words (lead)."""
    parts = [e.text or ""]
    for c in e:
        if c.tag not in (NS + "fnref", NS + "lead"):
            parts.append("".join(c.itertext()))
        parts.append(c.tail or "")
    return " ".join("".join(parts).split())


def view(path):
    root = ET.parse(path).getroot()
    recipients = [text_of(r) for g in root.iter(NS + "group")
                  for r in g.findall(NS + "recipient")[:1]]
    items = [text_of(t) for it in root.iter(NS + "item") for t in it.findall(NS + "text")[:1]]
    notes = [text_of(f) for f in root.iter(NS + "footnote")]
    return {"recipients": recipients, "items": items, "footnotes": notes}


KEPT = re.compile(r"neither '([^']+)' nor '([^']+)' elsewhere .*\[hyphenation\]$")


def compare(original, read, err):
    want = view(original)
    try:
        got = view(read)
    except (ET.ParseError, OSError) as e:
        return "not read back: %s" % e
    kept = [m.groups() for m in map(KEPT.search, open(err, encoding="utf-8", errors="replace"))
            if m]
    for what in got:
        for hyphened, joined in kept:
            got[what] = [t.replace(hyphened, joined) for t in got[what]]
    why = []
    for what in ("recipients", "items", "footnotes"):
        a, b = want[what], got[what]
        if a == b:
            continue
        diff = next(((k, x, y) for k, (x, y) in enumerate(zip(a, b)) if x != y), None)
        if diff:
            k, x, y = diff
            at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
            at = max(0, at - 30)
            why.append("%s %d: %r, read %r" % (what[:-1], k + 1, ("…" if at else "") + x[at:at + 70],
                                                ("…" if at else "") + y[at:at + 70]))
        else:
            why.append("%d %s, read %d" % (len(a), what, len(b)))
    return "; ".join(why)


def main():
    args = sys.argv[1:]
    if not args or len(args) % 4:
        sys.exit(__doc__)
    for k in range(0, len(args), 4):
        print("%s\t%s" % (args[k], compare(args[k + 1], args[k + 2], args[k + 3])))


if __name__ == "__main__":
    main()
