#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""spec.py - run the examples of the text format's specification.

Usage:
    tests/spec.py [--example N] [--pattern TEXT] [--verbose] [SPEC_FILE]

SPEC_FILE defaults to tests/spec.txt (beside this script); tests/regressions.txt
uses the same format. The converter is $REC2XML (default ./rec2xml).

Each example's input is written (bytes exact, stand-ins replaced) to a
temporary file and converted. An example passes when

  * a valid example (no --expect-invalid flag): rec2xml exits 0 and prints
    exactly the expected XML (root start tag and the root's children), and
    the "nothing lost" property holds on its output;
  * an invalid example (flags: --expect-invalid[=KIND,...]): rec2xml --check
    exits 1 and reports every listed diagnostic kind, the plain conversion
    exits 1 and writes nothing on standard output; and, when the example
    shows the XML, that XML is itself rejected by rec2xml --check for the
    same kinds and the "nothing lost" property holds on it. rec2xml writes
    no XML for invalid input, so the XML shown cannot be compared with the
    program's; if $REC2XML_INVALID_XML_FLAG names an option that makes
    rec2xml write the XML of an invalid input anyway, it is compared too.

The format of the examples and the "nothing lost" property are described at
the top of tests/spec.txt.

The last line printed is exactly "N passed, M failed"; the exit status is 0
when nothing failed, 1 when an example failed, 2 on a usage or format error.
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

FENCE = "`" * 32
OPEN_FENCE = FENCE + " example"
XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>'
DEFAULT_ROOT = '<recommendations xmlns="urn:rec2xml:1.0" version="1.0" xml:lang="en" layout="headers">'
NS = "{urn:rec2xml:1.0}"
TIMEOUT = 60

# Stand-ins valid anywhere in an example (input and expected XML).
INLINE = {
    "\u2192": "\t",      # → tab
    "\u2420": " ",       # ␠ space (a significant trailing one)
    "\u237d": "\u00a0",  # ⍽ no-break space
    "\u240c": "\f",      # ␌ form feed
}
CODEPOINT = re.compile(r"\u27e8U\+([0-9A-Fa-f]{4,6})\u27e9")   # ⟨U+XXXX⟩
RAWBYTE = re.compile(r"\u27e80x([0-9A-Fa-f]{2})\u27e9")        # ⟨0xXX⟩ (input only)
BOM = "\u2402"        # ␂ at the very start of the input: a UTF-8 byte order mark
CRLF = "\u21b5"       # ↵ at a line end: the line ends with CR LF
CR = "\u240d"         # ␍ at a line end: the line ends with a lone CR
NO_EOL = "\u2404"     # ␄ at the end of the last line: no line end at all


class SpecError(Exception):
    pass


class Example:
    def __init__(self, number, section, line, flags, source, expected):
        self.number = number
        self.section = section
        self.line = line            # line of the opening fence in the spec file
        self.flags = flags          # list of words after "flags:"
        self.source = source        # list of input lines (stand-ins not replaced)
        self.expected = expected    # list of expected lines (stand-ins not replaced)


def parse_spec(path):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise SpecError("cannot read %s: %s" % (path, e.strerror))
    lines = text.split("\n")
    examples = []
    section = ""
    i = 0
    while i < len(lines):
        line = lines[i]
        if line == OPEN_FENCE:
            start = i + 1
            flags = []
            if i > 0 and lines[i - 1].startswith("flags:"):
                flags = lines[i - 1][len("flags:"):].split()
            j = start
            while j < len(lines) and lines[j] != FENCE:
                if lines[j] == OPEN_FENCE:
                    raise SpecError("%s:%d: example opened inside the example of line %d"
                                    % (path, j + 1, start))
                j += 1
            if j == len(lines):
                raise SpecError("%s:%d: example never closed" % (path, start))
            body = lines[start:j]
            if "." not in body:
                raise SpecError("%s:%d: example has no '.' line between input and XML"
                                % (path, start))
            dot = body.index(".")
            examples.append(Example(len(examples) + 1, section, start, flags,
                                    body[:dot], body[dot + 1:]))
            i = j + 1
            continue
        if line.startswith("#"):
            section = line.lstrip("#").strip()
        elif line.startswith(FENCE):
            raise SpecError("%s:%d: fence outside an example" % (path, i + 1))
        i += 1
    return examples


# ---- stand-ins ---------------------------------------------------------------

def replace_inline(s):
    for k, v in INLINE.items():
        s = s.replace(k, v)
    return CODEPOINT.sub(lambda m: chr(int(m.group(1), 16)), s)


def input_bytes(ex):
    """The example's input, bytes exact."""
    out = bytearray()
    for n, line in enumerate(ex.source):
        last = n == len(ex.source) - 1
        if n == 0 and line.startswith(BOM):
            out += b"\xef\xbb\xbf"
            line = line[1:]
        if line.endswith(CRLF):
            line, eol = line[:-1], b"\r\n"
        elif line.endswith(CR):
            line, eol = line[:-1], b"\r"
        elif line.endswith(NO_EOL):
            if not last:
                raise SpecError("example %d: %s only ends the last input line" % (ex.number, NO_EOL))
            line, eol = line[:-1], b""
        else:
            eol = b"\n"
        pos = 0
        for m in RAWBYTE.finditer(line):
            out += replace_inline(line[pos:m.start()]).encode("utf-8")
            out.append(int(m.group(1), 16))
            pos = m.end()
        out += replace_inline(line[pos:]).encode("utf-8")
        out += eol
    return bytes(out)


def visible(s):
    """Show the invisible characters of s with their stand-ins (for diffs)."""
    s = s.replace("\t", "\u2192").replace("\u00a0", "\u237d").replace("\f", "\u240c")
    s = s.replace("\r", "\u240d")
    if s.endswith(" "):
        s = s.rstrip(" ") + "\u2420" * (len(s) - len(s.rstrip(" ")))
    return "".join(c if c in "\n" or ord(c) >= 0x20 and not 0x7f <= ord(c) < 0xa0
                   else "\u27e8U+%04X\u27e9" % ord(c) for c in s)


# ---- the documents compared ----------------------------------------------------

def expected_document(ex):
    """(root start tag, children text) of the expected part."""
    lines = [replace_inline(l) for l in ex.expected]
    while lines and lines[-1] == "":
        lines.pop()
    if lines and lines[0].startswith("<recommendations"):
        root, children = lines[0], lines[1:]
        if root.endswith("/>"):
            if children:
                raise SpecError("example %d: an empty root element has no children" % ex.number)
            root = root[:-2] + ">"
    else:
        root, children = DEFAULT_ROOT, lines
    return root, "\n".join(children)


def actual_document(out):
    """(root start tag, children text) of rec2xml's output, or raise ValueError."""
    text = out.decode("utf-8")
    if not text.startswith(XML_DECL + "\n"):
        raise ValueError("the output does not start with the XML declaration")
    lines = text[len(XML_DECL) + 1:].split("\n")
    while lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise ValueError("the output has no root element")
    root = lines[0]
    if root.endswith("/>") and len(lines) == 1:
        return root[:-2] + ">", ""
    if lines[-1] != "</recommendations>":
        raise ValueError("the output does not end with </recommendations>")
    return root, "\n".join(lines[1:-1])


def whole(root, children):
    """The document as the runner compares it: root start tag, then children."""
    return root + "\n" + children if children else root


def wrap(root, children):
    """A complete XML document from a root start tag and children."""
    if children:
        return XML_DECL + "\n" + root + "\n" + children + "\n</recommendations>\n"
    return XML_DECL + "\n" + root[:-1] + "/>\n"


def udiff(expected, actual):
    return "".join(difflib.unified_diff(
        [visible(l) + "\n" for l in expected.split("\n")],
        [visible(l) + "\n" for l in actual.split("\n")],
        "expected", "actual", lineterm="\n"))


# ---- nothing lost ----------------------------------------------------------------

def xml_stream(elem, furniture):
    """The characters of the document in document order: recipient: @lead then
    its content (a recipient derived from text that stands elsewhere, or given
    on the command line, adds nothing); item and prose: @marker then the
    content; footnote: "[" @label "]" then its content; fnref: "[" label "]";
    page: nothing here, its furniture lines are appended to furniture; other
    text as is."""
    tag = elem.tag[len(NS):] if elem.tag.startswith(NS) else elem.tag
    parts = []
    if tag == "fnref":
        label = "".join(elem.itertext())
        return "[" + label + "]" if label.isdigit() else label
    if tag == "page":
        furniture.extend("".join(f.itertext()) for f in elem)
        return ""
    if tag == "recipient":
        if elem.get("lead") is None:
            return ""
        parts.append(elem.get("lead", ""))
    elif tag in ("item", "prose"):
        parts.append(elem.get("marker", ""))
    elif tag == "footnote":
        label = elem.get("label", "")
        parts.append("[" + label + "]" if label.isdigit() else label)
    parts.append(elem.text or "")
    for child in elem:
        parts.append(xml_stream(child, furniture))
        parts.append(child.tail or "")
    return "".join(parts)


LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
             "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}


def squeeze(s):
    """Drop every whitespace character (str.isspace: space, tab, line ends, FF,
    VT, NBSP, ...), every ':', every '-' (a hyphen at a line end may be
    joined away), soft hyphens and brackets (a note cited [12] and one
    printed as a superscript 12 are both an fnref labelled 12); spell out
    ligatures."""
    return "".join(LIGATURES.get(c, c) for c in s
                   if not c.isspace() and c not in ":\uff1a-\u00ad[]")


def without_furniture(text, furniture):
    """The text without the lines the XML keeps as page furniture, each
    taken once, in order."""
    if not furniture:
        return text
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    at = 0
    for f in furniture:
        want = squeeze(f)
        for i in range(at, len(lines)):
            if squeeze(lines[i]) == want:
                lines[i] = "\f" if "\f" in lines[i] else ""
                at = i + 1
                break
    return "\n".join(lines)


def nothing_lost(source, xml_text):
    """None when every character of source (whitespace and ':' aside) is in the
    XML in the same order and nothing else is; otherwise an explanation."""
    try:
        text = source.decode("utf-8")
    except UnicodeDecodeError:
        return None  # not UTF-8: no XML is written for such input
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        root = ET.fromstring(xml_text.encode("utf-8"))
    except ET.ParseError as e:
        return "the XML is not well-formed: %s" % e
    furniture = []
    got = squeeze(xml_stream(root, furniture))
    # a backslash that starts a line is the text form's escape
    text = re.sub(r"(?m)^([ \t\f\u00a0]*)\\", r"\1", text)
    want = squeeze(without_furniture(text, furniture))
    if want == got:
        return None
    # a note's number that pdftotext -layout set on a line of its own
    # moves to the word it stands after: the same digits, elsewhere
    digits = re.compile(r"[0-9]")
    if digits.sub("", want) == digits.sub("", got) and \
            sorted(digits.findall(want)) == sorted(digits.findall(got)):
        return None
    # pdftotext's right-to-left text: its bidi embeddings are debris, and
    # labels written as the page shows them (".1", ")أ(") are turned round
    # and brought to the start of their text: the same characters, the
    # embeddings aside, in another order
    bidi = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
    if bidi.search(want) and \
            sorted(squeeze(without_furniture(bidi.sub("", text), furniture))) == sorted(got):
        return None
    k = 0
    while k < min(len(want), len(got)) and want[k] == got[k]:
        k += 1
    return ("nothing-lost: input and XML differ at character %d:\n"
            "  input: …%s…\n  XML:   …%s…" % (k, visible(want[max(0, k - 20):k + 30]),
                                                visible(got[max(0, k - 20):k + 30])))


# ---- running -------------------------------------------------------------------------

def run(cmd):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, b"", b"timed out after %d s" % TIMEOUT
    except OSError as e:
        return None, b"", ("cannot run %s: %s" % (cmd[0], e.strerror)).encode()
    return p.returncode, p.stdout, p.stderr


def error_kinds(stderr):
    kinds = set()
    for line in stderr.decode("utf-8", "replace").splitlines():
        m = re.search(r": error: .*\[([a-z0-9-]+)\]$", line)
        if m:
            kinds.add(m.group(1))
    return kinds


def indent(text):
    return "".join("    " + l + "\n" for l in text.rstrip("\n").split("\n"))


def check_example(ex, rec2xml, tmp):
    """A list of failure messages (empty when the example passes)."""
    invalid, kinds, flags = False, [], []
    for f in ex.flags:
        if f == "--expect-invalid" or f.startswith("--expect-invalid="):
            invalid = True
            if "=" in f:
                kinds = [k for k in f.split("=", 1)[1].split(",") if k]
        else:
            flags.append(f)
    source = input_bytes(ex)
    path = os.path.join(tmp, "example-%d.txt" % ex.number)
    with open(path, "wb") as f:
        f.write(source)
    exp_root, exp_children = expected_document(ex)
    expected = whole(exp_root, exp_children)
    failures = []

    def compare(out, what):
        try:
            act_root, act_children = actual_document(out)
        except (UnicodeDecodeError, ValueError) as e:
            failures.append("%s: %s:\n%s" % (what, e, indent(out.decode("utf-8", "replace"))))
            return
        actual = whole(act_root, act_children)
        if actual != expected:
            failures.append("%s differs:\n%s" % (what, udiff(expected, actual)))
        lost = nothing_lost(source, wrap(act_root, act_children))
        if lost:
            failures.append(lost)

    if not invalid:
        rc, out, err = run([rec2xml] + flags + [path])
        if rc != 0:
            failures.append("rec2xml exited %s, expected 0 (a valid example):\n%s"
                            % (rc, indent(err.decode("utf-8", "replace") or "(no message)")))
            return failures
        compare(out, "the XML")
        return failures

    # an invalid example: the verdict, then the XML shown in the example
    rc, out, err = run([rec2xml, "--check"] + flags + [path])
    if rc != 1:
        failures.append("rec2xml --check exited %s, expected 1 (an invalid example):\n%s"
                        % (rc, indent(err.decode("utf-8", "replace") or "(no message)")))
    else:
        missing = [k for k in kinds if k not in error_kinds(err)]
        if missing:
            failures.append("rec2xml --check did not report %s:\n%s"
                            % (", ".join(missing), indent(err.decode("utf-8", "replace"))))
    rc, out, err = run([rec2xml] + flags + [path])
    if rc != 1 or out:
        failures.append("rec2xml exited %s and wrote %d bytes, expected 1 and nothing"
                        % (rc, len(out)))
    force = os.environ.get("REC2XML_INVALID_XML_FLAG")
    if force and any(l.strip() for l in ex.expected):
        rc, out, err = run([rec2xml, force] + flags + [path])
        compare(out, "the XML (%s)" % force)
    if any(l.strip() for l in ex.expected):
        doc = wrap(exp_root, exp_children)
        xml_path = os.path.join(tmp, "example-%d-expected.xml" % ex.number)
        with open(xml_path, "w", encoding="utf-8") as f:
            f.write(doc)
        rc, out, err = run([rec2xml, "--check", xml_path])
        if rc != 1:
            failures.append("the example's XML is not rejected by rec2xml --check (exit %s):\n%s"
                            % (rc, indent(err.decode("utf-8", "replace") or "(no message)")))
        else:
            missing = [k for k in kinds if k not in error_kinds(err)]
            if missing:
                failures.append("rec2xml --check does not report %s on the example's XML:\n%s"
                                % (", ".join(missing), indent(err.decode("utf-8", "replace"))))
        lost = nothing_lost(source, doc)
        if lost:
            failures.append("the example's XML: " + lost)
    return failures


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description="Run the examples of a rec2xml spec file.")
    ap.add_argument("spec", nargs="?", default=os.path.join(here, "spec.txt"),
                    help="the spec file (default: tests/spec.txt)")
    ap.add_argument("--example", type=int, metavar="N", help="run example N only")
    ap.add_argument("--pattern", metavar="TEXT",
                    help="run the examples whose section contains TEXT (any case)")
    ap.add_argument("-v", "--verbose", action="store_true", help="also list passing examples")
    ap.add_argument("--extract", metavar="DIR",
                    help="write each example's input, bytes exact, as DIR/example-NNN.txt "
                         "(valid ones only with --valid) and run nothing")
    ap.add_argument("--valid", action="store_true", help="with --extract: the valid examples only")
    args = ap.parse_args(argv)
    if args.extract:
        try:
            examples = parse_spec(args.spec)
        except SpecError as e:
            print("spec.py: %s" % e, file=sys.stderr)
            return 2
        os.makedirs(args.extract, exist_ok=True)
        for ex in examples:
            if args.valid and ex.flags:
                continue
            with open(os.path.join(args.extract, "example-%03d.txt" % ex.number), "wb") as f:
                f.write(input_bytes(ex))
        return 0
    rec2xml = os.environ.get("REC2XML", "./rec2xml")
    found = shutil.which(rec2xml) if os.sep not in rec2xml else rec2xml
    if not found or not os.access(found, os.X_OK) or os.path.isdir(found):
        print("spec.py: cannot run %s (build it with make, or set REC2XML)" % rec2xml,
              file=sys.stderr)
        return 2

    try:
        examples = parse_spec(args.spec)
    except SpecError as e:
        print("spec.py: %s" % e, file=sys.stderr)
        return 2
    if args.example is not None:
        if not 1 <= args.example <= len(examples):
            print("spec.py: no example %d (the file has %d)" % (args.example, len(examples)),
                  file=sys.stderr)
            return 2
        examples = [examples[args.example - 1]]
    if args.pattern is not None:
        examples = [e for e in examples if args.pattern.lower() in e.section.lower()]

    passed = failed = 0
    name = os.path.basename(args.spec)
    with tempfile.TemporaryDirectory(prefix="rec2xml-spec.") as tmp:
        for ex in examples:
            try:
                failures = check_example(ex, rec2xml, tmp)
            except SpecError as e:
                failures = [str(e)]
            if failures:
                failed += 1
                print("FAIL example %d (%s) [%s:%d]" % (ex.number, ex.section, name, ex.line))
                for f in failures:
                    print(indent(f), end="")
            else:
                passed += 1
                if args.verbose:
                    print("ok   example %d (%s)" % (ex.number, ex.section))
            sys.stdout.flush()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
