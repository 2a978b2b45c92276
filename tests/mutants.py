#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""mutants.py - editors' slips, applied one at a time: none may go unsaid.

Usage: tests/mutants.py [--verbose]

Every valid example of tests/spec.txt and tests/regressions.txt and every
file in input/ is mutated with each slip an editor makes, at each line where
the slip applies: a marker glued to its text, an unknown bullet, a
misspelt header, a header that lost its "To", a switch of bullet, a skipped
or repeated number, an item emptied, a page number glued to an item, a
footnote reference written "[ 1]", "(1)" or "¹", a blank line inside an
item, a recipient spelt another way the second time. A mutant passes when it
reads the same (the same groups, recipients and items) or when rec2xml
reports a diagnostic within one line of the slip that the original did not
have. The counts are printed; the goal is zero silent mutants.

The last line is "N passed, M failed": a silent mutant fails.
"""
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(HERE)
REC2XML = os.environ.get("REC2XML", os.path.join(TOP, "rec2xml"))
NS = "{urn:rec2xml:1.0}"

spec_module = importlib.util.spec_from_file_location("spec", os.path.join(HERE, "spec.py"))
spec = importlib.util.module_from_spec(spec_module)
spec_module.loader.exec_module(spec)

BULLET = re.compile(r"^(\s*)([•·▪◦●\-–*o])(\s+)(\S.*)$")
# "oin", "of1": the bullet o glued to a lower-case word cannot be told from
# a word; only its glue to a capital is a slip the reader can see
GLUEABLE = re.compile(r"^(?!o\s+[a-z])")
NUMBER = re.compile(r"^(\s*)([0-9]{1,3})([.)])(\s+)(\S.*)$")
HEADER = re.compile(r"^(\s*)(To the|TO THE|To)\s+(\S.*?)(\s*:?\s*)$")
FNREF = re.compile(r"\[([0-9]{1,3})\]")


def originals():
    """(name, text) of every valid input: spec examples, input/ files."""
    for path in ("spec.txt", "regressions.txt"):
        for ex in spec.parse_spec(os.path.join(HERE, path)):
            if any(f.startswith("--expect-invalid") for f in ex.flags) or ex.flags:
                continue
            data = spec.input_bytes(ex)
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if "\r" in text or "\ufeff" in text:
                continue
            yield "%s:%d" % (path, ex.number), text
    for name in sorted(os.listdir(os.path.join(TOP, "input"))):
        if name.endswith(".txt"):
            with open(os.path.join(TOP, "input", name), encoding="utf-8") as f:
                yield "input/" + name, f.read()


def mutants(text):
    """(class, line number, mutated text) for every applicable slip."""
    lines = text.split("\n")

    def with_line(i, new):
        return "\n".join(lines[:i] + [new] + lines[i + 1:])

    items = [i for i, l in enumerate(lines) if BULLET.match(l) or NUMBER.match(l)]
    headers = [i for i, l in enumerate(lines) if HEADER.match(l)]
    for i, l in enumerate(lines):
        b, n, h = BULLET.match(l), NUMBER.match(l), HEADER.match(l)
        if b:
            ind, mk, sp, rest = b.groups()
            if not (mk == "o" and rest[:1].islower()):
                yield "glued-marker", i, with_line(i, ind + mk + rest)
            yield "unknown-bullet", i, with_line(i, ind + "+" + sp + rest)
            if i - 1 in items and BULLET.match(lines[i - 1]) and \
                    BULLET.match(lines[i - 1]).group(1) == ind and BULLET.match(lines[i - 1]).group(2) == mk:
                other = "*" if mk != "*" else "•"
                yield "marker-switch", i, with_line(i, ind + other + sp + rest)
            yield "empty-item", i, with_line(i, ind + mk)
        if n:
            ind, num, punct, sp, rest = n.groups()
            yield "glued-marker", i, with_line(i, ind + num + punct + rest)
            if int(num) > 1:
                yield "numbering", i, with_line(i, ind + str(int(num) + 1) + punct + sp + rest)
                yield "numbering", i, with_line(i, ind + str(int(num) - 1) + punct + sp + rest)
        if (b or n) and l.rstrip().endswith(".") and (i + 1 >= len(lines) or not lines[i + 1].strip()):
            yield "page-number", i, with_line(i, l.rstrip() + " 12")
        # a blank line inside an item wrapped mid-sentence (between two
        # sentences it would make a paragraph no reader could tell apart)
        if (b or n) and i + 1 < len(lines) and lines[i + 1].strip() and \
                not BULLET.match(lines[i + 1]) and not NUMBER.match(lines[i + 1]) and \
                not lines[i + 1].lstrip().startswith("[") and \
                (not l.rstrip().endswith((".", ";", ":", "!", "?")) or lines[i + 1].lstrip()[:1].islower()):
            yield "prose-in-list", i + 1, "\n".join(lines[:i + 1] + [""] + lines[i + 1:])
        if h:
            ind, lead, rest, end = h.groups()
            if lead.lower() == "to the":
                yield "near-header", i, with_line(i, ind + "T othe " + rest + end)
                yield "near-header", i, with_line(i, ind + "To teh " + rest + end)
                if len(headers) > 1:
                    yield "near-header", i, with_line(i, ind + rest + end)
        for m in FNREF.finditer(l):
            for form in ("[ %s]", "(%s)"):
                yield "odd-reference", i, with_line(i, l[:m.start()] + form % m.group(1) + l[m.end():])
    # a recipient spelt another way the second time
    seen = {}
    for i in headers:
        rest = HEADER.match(lines[i]).group(3)
        if rest in seen and len(rest) >= 8:
            k = len(rest) // 2
            swapped = rest[:k] + rest[k + 1] + rest[k] + rest[k + 2:]
            if swapped != rest:
                yield "recipient-spelling", i, with_line(i, lines[i].replace(rest, swapped, 1))
        seen[rest] = i


def reading(xml_bytes):
    """What a reader takes from a document: each group's recipient and, for
    each item, its id and its group."""
    try:
        root = ET.fromstring(xml_bytes)
    except ET.ParseError:
        return None
    out = [root.get("layout")]
    for g in root.iter(NS + "group"):
        r = g.find(NS + "recipient")
        out.append(("group", g.get("id"), " ".join("".join(r.itertext()).split()) if r is not None else None))
    for it in root.iter(NS + "item"):
        t = it.find(NS + "text")
        out.append(("item", it.get("id"), " ".join("".join(t.itertext()).split()) if t is not None else None))
    for f in root.iter(NS + "footnote"):
        out.append(("footnote", f.get("id")))
    for fr in root.iter(NS + "fnref"):
        out.append(("fnref", fr.get("ref")))
    return out


def run_batch(files, outdir):
    """XML (with --force) and diagnostics of every file, in two calls."""
    subprocess.run([REC2XML, "-q", "--force", "-d", outdir] + files,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    p = subprocess.run([REC2XML, "--check", "-q", "--diagnostics-format=json"] + files,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    diags = {}
    for line in p.stderr.decode("utf-8", "replace").splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        diags.setdefault(d.get("file"), []).append((d.get("line"), d.get("kind"), d.get("message")))
    return diags


def main():
    verbose = "--verbose" in sys.argv
    with tempfile.TemporaryDirectory() as tmp:
        cases = []  # (name, class, line, original path, mutant path)
        originals_paths = {}
        k = 0
        for name, text in originals():
            k += 1
            opath = os.path.join(tmp, "o%04d.txt" % k)
            with open(opath, "w", encoding="utf-8") as f:
                f.write(text)
            originals_paths[opath] = name
            for j, (cls, line, mutant) in enumerate(mutants(text)):
                if mutant == text:
                    continue
                mpath = os.path.join(tmp, "o%04d-m%03d.txt" % (k, j))
                with open(mpath, "w", encoding="utf-8") as f:
                    f.write(mutant)
                cases.append((name, cls, line + 1, opath, mpath))
        files = list(originals_paths) + [c[4] for c in cases]
        outdir = os.path.join(tmp, "out")
        os.mkdir(outdir)
        diags = {}
        for start in range(0, len(files), 500):
            diags.update(run_batch(files[start:start + 500], outdir))

        def xml_of(path):
            p = os.path.join(outdir, os.path.basename(path)[:-4] + ".xml")
            try:
                with open(p, "rb") as f:
                    return f.read()
            except OSError:
                return b""

        counts = {}
        passed = failed = 0
        for name, cls, line, opath, mpath in cases:
            c = counts.setdefault(cls, [0, 0, 0])  # same, told, silent
            before = set(diags.get(opath, []))
            # a new diagnostic within one line of the slip; a numbering slip
            # may also be told where it collides, naming the slip's line
            told = any(l is not None and (l, kd, msg) not in before and
                       (abs(l - line) <= 1 or (kd == "numbering" and "line %d" % line in msg))
                       for l, kd, msg in diags.get(mpath, []))
            same = reading(xml_of(opath)) == reading(xml_of(mpath)) and reading(xml_of(mpath)) is not None
            if same:
                c[0] += 1
            elif told:
                c[1] += 1
            else:
                c[2] += 1
            if same or told:
                passed += 1
                if verbose:
                    print("ok %s %s line %d" % (name, cls, line))
            else:
                failed += 1
                with open(mpath, encoding="utf-8") as f:
                    mlines = f.read().split("\n")
                print("FAIL silent mutant: %s, %s at line %d: %r" %
                      (name, cls, line, mlines[line - 1] if line - 1 < len(mlines) else ""))
        print("mutants by slip (read the same / diagnosed / silent):")
        for cls in sorted(counts):
            same, told, silent = counts[cls]
            print("  %-20s %4d %4d %4d" % (cls, same, told, silent))
        print("%d passed, %d failed" % (passed, failed))
        return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
