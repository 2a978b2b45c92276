#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""check.py - the checks of tests/l10n.sh that read the message catalogue.

  check.py catalogue LANG...
      stylesheets/l10n/en.xml lists a file for each LANG (English aside),
      each file says its language and has exactly en.xml's keys, each
      message keeping the English one's {placeholders}, none holding an
      ASCII double quote (the CSV writes messages unescaped); ar fa he ur
      are listed as right to left.

  check.py stylesheets FILE.xsl...
      Every word the stylesheets could write comes from the catalogue: no
      text node with a letter (in xsl:text, literal result elements, or
      xsl:attribute of an attribute a reader sees), no letter in a literal
      result element's visible attribute (aria-label, title, alt...), and no
      XPath string literal with a capital or non-ASCII letter (a word) in a
      select, test or use, except the machine strings listed in MACHINE,
      each with the reason it never reaches a reader, alphabets (tables for
      translate()) and {placeholders}. Not page text either: CSS (the
      house-style template), xsl:message (diagnostics for the user of
      rec2xml, in English like all of rec2xml's diagnostics), and the input
      format's own keywords that text.xsl compares a line with to escape it
      (its escape template: the reader's words, never written).

  check.py english LANG FILE...
      None of the catalogue's English messages (cut at their placeholders)
      appears in what a reader of FILE sees: the text and the visible
      attributes of an HTML page, the text of a DocBook article, the
      developer_comments of a CSV, the notes of an XLIFF file. Messages the
      catalogue spells the same in LANG ("Notes" in French) are allowed.

Each check prints "ok ..." or "FAIL ..." lines, as tests/lib.sh does, and
exits 1 when one failed.
"""
import csv
import os
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
CATALOGUE = os.path.join(HERE, "..", "..", "stylesheets", "l10n")
L = "{urn:rec2xml:l10n}"
XSL = "{http://www.w3.org/1999/XSL/Transform}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# Attributes whose value a reader sees or hears.
VISIBLE = {"aria-label", "aria-description", "aria-roledescription", "title", "alt", "label",
           "placeholder", "summary", "abbr"}

# Strings with letters that the stylesheets write or compare and that are
# not words for a reader, and why.
MACHINE = {
    # the CSV header: csv2po's column names, the file's interface
    '"location","kind","recipient","number","by","source","target","developer_comments"',
    # segment kinds (CSV kind column, XLIFF restype): identifiers
    "dated-prose", "prose", "recipient", "sub-item", "item", "footnote", "state",
    # text direction values and the default language tag
    "rtl", "ltr", "en",
    # alphabets for translate(): case mapping, not text
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ_",
    "ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒŸАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
    "abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœÿабвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_",
    "IVXLCDM",
    "I=1;V=5;X=10;L=50;C=100;D=500;M=1000;",
    # list types of HTML's ol (type="A", "I"), and markers compared with them
    ";arabic=1;loweralpha=a;upperalpha=A;lowerroman=i;upperroman=I;", "A", "I",
    # the prefix of a citation's id (an HTML anchor)
    "ref-",
}

failed = 0


def say(good, what, why=""):
    global failed
    if good:
        print("ok " + what)
    else:
        failed += 1
        print("FAIL " + what + (": " + why if why else ""))


def has_letter(s):
    return any(unicodedata.category(c).startswith("L") for c in s)


def catalogue():
    """en.xml's root, and each listed file's messages by its xml:lang."""
    root = ET.parse(os.path.join(CATALOGUE, "en.xml")).getroot()
    blocks = {"en": {m.get("key"): (m.text or "") for m in root.findall(L + "msg")}}
    for language in root.iter(L + "language"):
        if language.get("file"):
            other = ET.parse(os.path.join(CATALOGUE, language.get("file"))).getroot()
            if other.get(XML_LANG) == language.get("code"):
                blocks[language.get("code")] = {m.get("key"): (m.text or "") for m in other.findall(L + "msg")}
    return root, blocks


def placeholders(s):
    return sorted(re.findall(r"\{[a-z]+\}", s))


def check_catalogue(langs):
    root, blocks = catalogue()
    en = blocks.get("en", {})
    say(bool(en), "catalogue: an English block")
    for lang in langs:
        own = blocks.get(lang)
        if own is None:
            say(False, "catalogue: a file for %s, listed in en.xml, that says it is %s" % (lang, lang))
            continue
        missing = sorted(set(en) - set(own))
        extra = sorted(set(own) - set(en))
        say(not missing and not extra, "catalogue: %s has every key, and no other" % lang,
            "missing %s, unknown %s" % (missing, extra))
        moved = [k for k in en if k in own and placeholders(en[k]) != placeholders(own[k])]
        say(not moved, "catalogue: %s keeps every placeholder" % lang, ", ".join(moved))
        quoted = [k for k, v in own.items() if '"' in v]
        say(not quoted, "catalogue: %s has no double quote in a message" % lang, ", ".join(quoted))
    rtl = [x.get("code") for x in root.iter(L + "language") if x.get("dir") == "rtl"]
    say(all(x in rtl for x in ("ar", "fa", "he", "ur")), "catalogue: ar fa he ur are right to left")


def no_words(lit):
    """Identifiers, {placeholders} and alphabets are no words."""
    return (re.fullmatch(r"[a-z0-9.:;=/ _-]*", lit) is not None
            or re.fullmatch(r"\{[a-z]+\}", lit) is not None
            or (not re.search(r"\s", lit)
                and ("abcdefghijklmnopqrstuvwxyz" in lit or "ABCDEFGHIJKLMNOPQRSTUVWXYZ" in lit)))


def xpath_literals(expr):
    return re.findall(r"'([^']*)'|\"([^\"]*)\"", expr)


def check_stylesheets(files):
    for path in files:
        name = os.path.basename(path)
        found = []
        tree = ET.parse(path)

        def walk(el, machine):
            """machine: el stands inside an xsl:attribute no reader sees."""
            tag = el.tag
            if tag == XSL + "message":
                return
            if tag == XSL + "template" and el.get("name") in ("house-style", "escape"):
                return
            if tag == XSL + "attribute":
                machine = el.get("name", "") not in VISIBLE
            if tag.startswith(XSL):
                for a in ("select", "test", "use"):
                    for lit in xpath_literals(el.get(a, "")):
                        lit = lit[0] or lit[1]
                        if has_letter(lit) and lit not in MACHINE and not no_words(lit):
                            found.append("XPath literal '%s'" % lit)
            else:
                for a, v in el.attrib.items():
                    if a in VISIBLE and has_letter(re.sub(r"\{[^}]*\}", "", v)):
                        found.append('attribute %s="%s"' % (a, v))
            # in XSLT every text node of a template that is not blank is
            # written out, wherever it stands
            if not machine and tag != XSL + "stylesheet":
                for t in [el.text] + [k.tail for k in el]:
                    if t and t.strip() and has_letter(t) and t.strip() not in MACHINE:
                        found.append("text '%s'" % t.strip()[:60])
            for k in el:
                walk(k, machine)

        walk(tree.getroot(), False)
        say(not found, "stylesheet %s: every word from the catalogue" % name, "; ".join(found[:6]))


def english_fragments(lang):
    _, blocks = catalogue()
    en, own = blocks["en"], blocks.get(lang, {})
    frags = set()
    for key, msg in en.items():
        if own.get(key) == msg:
            continue  # the language spells it the same
        for piece in re.split(r"\{[a-z]+\}", msg):
            piece = piece.strip(" :;,.()")
            if has_letter(piece):
                frags.add(piece)
    return sorted(frags, key=len, reverse=True)


def reader_text(path):
    """What a reader of the file sees, as one string per place."""
    if path.endswith(".csv"):
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        col = rows[0].index("developer_comments")
        return [r[col] for r in rows[1:]]
    if path.endswith(".html"):
        import html.parser

        class P(html.parser.HTMLParser):
            def __init__(self):
                super().__init__()
                self.out, self.skip = [], 0

            def handle_starttag(self, tag, attrs):
                if tag in ("style", "script"):
                    self.skip += 1
                self.out += [v for a, v in attrs if a in VISIBLE and v]

            def handle_endtag(self, tag):
                if tag in ("style", "script"):
                    self.skip -= 1

            def handle_data(self, data):
                if not self.skip:
                    self.out.append(data)

        p = P()
        p.feed(open(path, encoding="utf-8").read())
        return p.out
    root = ET.parse(path).getroot()
    if path.endswith(".xlf"):
        return [n.text or "" for n in root.iter("{urn:oasis:names:tc:xliff:document:1.2}note")]
    return ["".join(root.itertext())]


def check_english(lang, files):
    frags = english_fragments(lang)
    for path in files:
        seen = []
        for text in reader_text(path):
            for frag in frags:
                if re.search(r"(?<!\w)" + re.escape(frag) + r"(?!\w)", text):
                    seen.append(frag)
        say(not seen, "no English generated in %s (%s)" % (os.path.basename(path), lang),
            ", ".join(sorted(set(seen))[:8]))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    what, args = sys.argv[1], sys.argv[2:]
    if what == "catalogue":
        check_catalogue(args)
    elif what == "stylesheets":
        check_stylesheets(args)
    elif what == "english":
        check_english(args[0], args[1:])
    else:
        sys.exit(__doc__)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
