#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""hostile.py OUTDIR - hostile XML inputs, translations and stylesheets for
tests/hostile.sh. Nothing here is committed as data: the files are written
into OUTDIR at test time.

Every file that reaches for something ("/etc/passwd", "http://...") would
show that thing in rec2xml's output if the protection were gone: an entity
is used in the text of a recipient, a document() result is copied into the
result, an xsl:document writes a marker file. The network addresses are
127.0.0.1 on port PORT (argv[2], where hostile.sh listens, so a connection
attempt is seen even if strace is missing).
"""
import os
import sys

out = sys.argv[1]
port = sys.argv[2] if len(sys.argv) > 2 else "9"
os.makedirs(out, exist_ok=True)
URL = f"http://127.0.0.1:{port}"

DECL = '<?xml version="1.0" encoding="UTF-8"?>\n'


def doc(recipient="Government of Testland", rootattrs="", extra=""):
    return (
        '<recommendations xmlns="urn:rec2xml:1.0" version="1.0" xml:lang="en"' + rootattrs + ">\n"
        '  <group id="g1">\n'
        f'    <recipient lead="To the">{recipient}</recipient>\n'
        '    <item id="g1.1" marker="•" numbering="bullet"><text>Close the centers.</text></item>\n'
        + extra
        + "  </group>\n"
        "</recommendations>\n"
    )


def write(name, text):
    data = text.encode("utf-8") if isinstance(text, str) else text
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)


# ---- XML inputs ------------------------------------------------------------
write("xxe-file.xml", DECL + '<!DOCTYPE recommendations [\n'
      '  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n' + doc("Government of &x;"))
write("xxe-path.xml", DECL + '<!DOCTYPE recommendations [\n'
      '  <!ENTITY x SYSTEM "/etc/passwd">\n]>\n' + doc("Government of &x;"))
write("xxe-http.xml", DECL + '<!DOCTYPE recommendations [\n'
      f'  <!ENTITY x SYSTEM "{URL}/entity.txt">\n]>\n' + doc("Government of &x;"))
write("param-entity.xml", DECL + '<!DOCTYPE recommendations [\n'
      '  <!ENTITY % p SYSTEM "file:///etc/passwd">\n  %p;\n'
      '  <!ENTITY x "y">\n]>\n' + doc("Government of &x;"))
write("param-entity-http.xml", DECL + '<!DOCTYPE recommendations [\n'
      f'  <!ENTITY % p SYSTEM "{URL}/evil.dtd">\n  %p;\n]>\n' + doc("Government of &x;"))
write("external-dtd-file.xml", DECL +
      '<!DOCTYPE recommendations SYSTEM "file:///etc/passwd">\n' + doc())
write("external-dtd-http.xml", DECL + '<!DOCTYPE recommendations PUBLIC "-//EVIL//DTD x//EN" '
      f'"{URL}/evil.dtd">\n' + doc())
write("internal-subset.xml", DECL + '<!DOCTYPE recommendations [\n'
      '  <!ELEMENT recommendations ANY>\n]>\n' + doc())
laughs = ['<!ENTITY lol0 "lol">'] + [
    f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
write("billion-laughs.xml", DECL + "<!DOCTYPE recommendations [\n  " + "\n  ".join(laughs)
      + "\n]>\n" + doc("Government of &lol9;"))
write("quadratic-blowup.xml", DECL + '<!DOCTYPE recommendations [\n  <!ENTITY a "'
      + "A" * 100000 + '">\n]>\n' + doc("Government of " + "&a;" * 50000))
n = 100000
write("deep-100000.xml", DECL + doc(extra='    <item id="g1.2" marker="•" numbering="bullet">'
                                    "<text>t</text>" + "<item>" * n + "</item>" * n
                                    + "</item>\n"))
write("xinclude.xml", DECL + doc(
    'Government of <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
    'href="file:///etc/passwd" parse="text"/>'))
write("xinclude-http.xml", DECL + doc(
    'Government of <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
    f'href="{URL}/include.xml"/>'))
write("xml-stylesheet-pi.xml", DECL + '<?xml-stylesheet type="text/xsl" '
      'href="file:///etc/passwd"?>\n' + doc())
write("schema-location.xml", DECL + doc(rootattrs=(
    ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    ' xsi:schemaLocation="urn:rec2xml:1.0 file:///etc/passwd"')))
# a .txt file that starts with '<' is read as XML: same refusal
write("doctype-sniffed.txt", '<!DOCTYPE recommendations [\n'
      '  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n' + doc("Government of &x;"))


def many_attributes(count):
    return DECL + doc(rootattrs="".join(f' a{i}="x"' for i in range(count)))


write("attributes-100000.xml", many_attributes(100000))
write("attributes-1000.xml", many_attributes(1000))
write("attributes-10000.xml", many_attributes(10000))

# ---- a translation (XLIFF is XML too) ----------------------------------------
write("xxe.xlf", DECL + '<!DOCTYPE xliff [\n  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
      '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
      '  <file original="r.txt" source-language="en" target-language="fr" datatype="plaintext">\n'
      '    <body>\n'
      '      <trans-unit id="g1"><source>Government of Testland</source>'
      '<target>&x;</target></trans-unit>\n'
      '    </body>\n  </file>\n</xliff>\n')

# ---- user stylesheets ----------------------------------------------------------
XSL = 'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'


def sheet(body, version="1.0", ns="", ext=""):
    return (DECL + f'<xsl:stylesheet version="{version}" {XSL}{ns}'
            + (f' extension-element-prefixes="{ext}"' if ext else "") + ">\n"
            + body + "\n</xsl:stylesheet>\n")


target = os.path.join(os.path.abspath(out), "written")
write("benign.xsl", sheet('<xsl:template match="/"><p>benign stylesheet ran</p></xsl:template>'))
write("param.xsl", sheet('<xsl:param name="p"/>\n'
                         '<xsl:template match="/"><p><xsl:value-of select="$p"/></p></xsl:template>'))
write("exsl-document.xsl", sheet(
    f'<xsl:template match="/"><exsl:document href="{target}-exsl.txt" method="text">'
    "<xsl:text>pwned</xsl:text></exsl:document><p>ok</p></xsl:template>",
    ns=' xmlns:exsl="http://exslt.org/common"', ext="exsl"))
write("exsl-document-dir.xsl", sheet(
    f'<xsl:template match="/"><exsl:document href="{target}-dir/sub/file.txt" method="text">'
    "<xsl:text>pwned</xsl:text></exsl:document><p>ok</p></xsl:template>",
    ns=' xmlns:exsl="http://exslt.org/common"', ext="exsl"))
write("xsl-document.xsl", sheet(
    f'<xsl:template match="/"><xsl:document href="{target}-xsl11.txt" method="text">'
    "<xsl:text>pwned</xsl:text></xsl:document><p>ok</p></xsl:template>", version="1.1"))
write("saxon-output.xsl", sheet(
    f'<xsl:template match="/"><saxon:output href="{target}-saxon.txt" method="text">'
    "pwned</saxon:output><p>ok</p></xsl:template>",
    ns=' xmlns:saxon="http://icl.com/saxon"', ext="saxon"))
write("xalan-write.xsl", sheet(
    f'<xsl:template match="/"><xalan:write file="{target}-xalan.txt">pwned</xalan:write>'
    "<p>ok</p></xsl:template>",
    ns=' xmlns:xalan="org.apache.xalan.xslt.extensions.Redirect"', ext="xalan"))
write("exsl-document-http.xsl", sheet(
    f'<xsl:template match="/"><exsl:document href="{URL}/upload" method="text">'
    "<xsl:text>pwned</xsl:text></exsl:document><p>ok</p></xsl:template>",
    ns=' xmlns:exsl="http://exslt.org/common"', ext="exsl"))
write("document-file.xsl", sheet(
    '<xsl:template match="/"><p><xsl:copy-of select="document(\'file:///etc/passwd\')"/>'
    "</p></xsl:template>"))
write("document-path.xsl", sheet(
    '<xsl:template match="/"><p><xsl:copy-of select="document(\'/etc/passwd\')"/>'
    "</p></xsl:template>"))
write("document-xml.xsl", sheet(
    '<xsl:template match="/"><p><xsl:copy-of select="document(\'secret.xml\')"/>'
    "</p></xsl:template>"))
write("secret.xml", "<secret>TOP-SECRET-MARKER</secret>\n")
write("document-http.xsl", sheet(
    f'<xsl:template match="/"><p><xsl:copy-of select="document(\'{URL}/doc.xml\')"/>'
    "</p></xsl:template>"))
# rec2xml:/ names what is built into the binary; document() may read that
# (the message catalogue) and nothing else, even through the same scheme
write("document-builtin.xsl", sheet(
    '<xsl:template match="/"><p>catalogue: <xsl:value-of select="count(document('
    '\'rec2xml:/stylesheets/l10n/en.xml\')//*)"/></p></xsl:template>'))
write("document-rec2xml.xsl", sheet(
    '<xsl:template match="/"><p><xsl:copy-of select="document(\'rec2xml:/../../../etc/passwd\')"/>'
    '<xsl:copy-of select="document(\'rec2xml:/stylesheets/../../../../etc/passwd\')"/>'
    "</p></xsl:template>"))
write("import-http.xsl", sheet(
    f'<xsl:import href="{URL}/evil.xsl"/>\n'
    '<xsl:template match="/"><p>ok</p></xsl:template>'))
write("entity-file.xsl", DECL + '<!DOCTYPE xsl:stylesheet [\n'
      '  <!ENTITY x SYSTEM "file:///etc/passwd">\n]>\n'
      f'<xsl:stylesheet version="1.0" {XSL}>\n'
      '<xsl:template match="/"><p>&x;</p></xsl:template>\n</xsl:stylesheet>\n')
write("billion-laughs.xsl", DECL + "<!DOCTYPE xsl:stylesheet [\n  " + "\n  ".join(laughs)
      + "\n]>\n" + f'<xsl:stylesheet version="1.0" {XSL}>\n'
      '<xsl:template match="/"><p>&lol9;</p></xsl:template>\n</xsl:stylesheet>\n')
write("recursion.xsl", sheet(
    '<xsl:template match="/"><xsl:call-template name="r"/></xsl:template>\n'
    '<xsl:template name="r"><x><xsl:call-template name="r"/></x></xsl:template>'))
