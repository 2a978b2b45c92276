<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- bench/lean/html.xsl: the floor's HTML (see bench/floor.c): the bytes of
     stylesheets/html.xsl for the documents bench/gen.py writes, and no more
     than those need: English words, bullets and arabic, alphabetic and roman
     numbers, items grouped into lists by sibling recursion (gen.py's lists
     are short), one note list. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    exclude-result-prefixes="r">

  <xsl:import href="title.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:key name="cites" match="r:fnref" use="@ref"/>

  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:call-template name="title"/>
    </xsl:variable>
    <html lang="en">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <style>
          <xsl:text>
html { background: #fbfaf7; }
body {
  margin: 0;
  color: #1c1c1c;
  font: 1.0625rem/1.6 "Iowan Old Style", "Palatino Linotype", Palatino, Georgia, serif;
}
main { max-width: 42rem; margin: 0 auto; padding: 3rem 1.5rem 4rem; }
h1 { font-size: 2rem; line-height: 1.2; font-weight: 600; margin: 0 0 2rem; }
h2 {
  font: 600 1.05rem/1.4 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #7a1f1f;
  margin: 2.75rem 0 1rem;
  padding-top: .8rem;
  border-top: 1px solid #d8d4cb;
}
h2 .lead { font-weight: 400; color: #5d5d5d; }
h3 {
  font: 600 1rem/1.4 system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  margin: 2rem 0 .75rem;
}
p { margin: 0 0 1rem; }
p.date { color: #5d5d5d; font-style: italic; }
p.finding { color: #3d3d3d; padding-inline-start: .9rem; border-inline-start: 3px solid #d8d4cb; }
p.by { margin: .2rem 0 0; font-size: .88em; color: #5d5d5d; }
ol, ul { margin: 0 0 1.25rem; padding-inline-start: 1.9rem; }
li { margin: .45rem 0; padding-inline-start: .2rem; }
li ol, li ul { margin: .45rem 0 .25rem; }
ol.as-written, ul.as-written { list-style: none; padding-inline-start: 3.6rem; }
.as-written > li > .marker {
  display: inline-block;
  min-width: 3.2rem;
  margin-inline-start: -3.6rem;
  margin-inline-end: .4rem;
  text-align: end;
}
a { color: #1d4f91; }
sup { font-size: .72em; line-height: 0; }
sup.fnref a { text-decoration: none; padding: 0 .1em; }
sup.fnref.next::before { content: ","; }
:target { background: #fff1b8; }
.notes { margin-top: 3.5rem; font-size: .9rem; }
.notes h2 { color: #1c1c1c; border-top: 2px solid #1c1c1c; }
.notes li { padding-inline-start: .35rem; }
a.backref { text-decoration: none; }
@media print {
  html { background: none; }
  body { font-size: 10.5pt; line-height: 1.45; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  h2 { page-break-after: avoid; break-after: avoid; }
  li, p { orphans: 3; widows: 3; }
  a.backref { display: none; }
  :target { background: none; }
}
@page { margin: 2cm 2.2cm; }
</xsl:text>
        </style>
      </head>
      <body>
        <main>
          <header>
            <xsl:choose>
              <xsl:when test="$title-line">
                <h1 id="{$title-line/@id}"><xsl:apply-templates select="$title-line/node()"/></h1>
              </xsl:when>
              <xsl:otherwise>
                <h1><xsl:value-of select="$title"/></h1>
              </xsl:otherwise>
            </xsl:choose>
          </header>
          <xsl:apply-templates select="*/*"/>
          <xsl:if test="*/r:footnote">
            <section id="notes" class="notes" role="doc-endnotes">
              <h2>Notes</h2>
              <ol>
                <xsl:apply-templates select="*/r:footnote" mode="note"/>
              </ol>
            </section>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="r:group">
    <section class="group" id="{@id}">
      <xsl:apply-templates select="*"/>
    </section>
  </xsl:template>

  <xsl:template match="r:recipient">
    <h2>
      <xsl:if test="@lead">
        <span class="lead"><xsl:value-of select="@lead"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </h2>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:if test="not(@id = $title-line/@id)">
      <p id="{@id}">
        <xsl:if test="@role">
          <xsl:attribute name="class"><xsl:value-of select="@role"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates/>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:prose[@date]">
    <p id="{@id}" class="date"><time datetime="{@date}"><xsl:apply-templates/></time></p>
  </xsl:template>

  <xsl:template match="r:footnote"/>

  <!-- a run of items: the first one opens the list, the others follow it -->
  <xsl:template match="r:item">
    <xsl:if test="not(preceding-sibling::*[1][self::r:item])">
      <xsl:choose>
        <xsl:when test="@numbering = 'bullet'">
          <ul><xsl:apply-templates select="." mode="run"/></ul>
        </xsl:when>
        <xsl:otherwise>
          <ol type="{substring('1ai', 1 + (@numbering = 'loweralpha') + 2 * (@numbering = 'lowerroman'), 1)}" class="as-written">
            <xsl:apply-templates select="." mode="run"/>
          </ol>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:item" mode="run">
    <li id="{@id}">
      <xsl:if test="@numbering != 'bullet'">
        <span class="marker"><xsl:value-of select="@marker"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="r:text/node()"/>
      <xsl:apply-templates select="r:item"/>
    </li>
    <xsl:apply-templates select="following-sibling::*[1][self::r:item]" mode="run"/>
  </xsl:template>

  <xsl:template match="r:fnref">
    <sup class="fnref">
      <a href="#{@ref}" role="doc-noteref" id="ref-{ancestor::*[@id][1]/@id}-{count(preceding-sibling::r:fnref) + 1}">
        <xsl:value-of select="."/>
      </a>
    </sup>
  </xsl:template>

  <xsl:template match="r:footnote" mode="note">
    <li id="{@id}" value="{@label}">
      <xsl:apply-templates/>
      <xsl:for-each select="key('cites', @id)">
        <xsl:text> </xsl:text>
        <a class="backref" role="doc-backlink" aria-label="Back to reference {position()}"
           href="#ref-{ancestor::*[@id][1]/@id}-{count(preceding-sibling::r:fnref) + 1}">
          <xsl:text>&#x21A9;&#xFE0E;</xsl:text>
          <xsl:if test="last() &gt; 1">
            <sup><xsl:value-of select="position()"/></sup>
          </xsl:if>
        </a>
      </xsl:for-each>
    </li>
  </xsl:template>

</xsl:stylesheet>
