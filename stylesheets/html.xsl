<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html.xsl: a rec2xml document as one standalone HTML5 page.

  Parameters
    title         the page title (<title> and <h1>). Default: "Recommendations
                  to the <first recipient>", or "Recommendations".
    css-url       URL of an external stylesheet, linked after the embedded one
                  (so its rules win). Default: none.
    embed-css     '1' (default) embeds the house style in a <style> element;
                  '0' leaves it out when css-url is given (an external
                  stylesheet instead of the embedded one).
    number-items  '1' shows each item's marker as written ("(a)", "iv.", "•")
                  instead of list bullets and browser numbering. Default '0'.
    lang          language of the page, overriding the root's xml:lang.
                  Default: the root's xml:lang, else "en".
    notes-title   heading of the notes section. Default "Notes".

  Output decisions
    * <!DOCTYPE html>: method="html" with doctype-system="about:legacy-compat"
      (the system id the HTML standard reserves for XSLT output). libxslt
      1.1.35 recognises it and writes the plain <!DOCTYPE html>; a processor
      that does not would write <!DOCTYPE html SYSTEM "about:legacy-compat">,
      which is still conforming HTML. No disable-output-escaping trick.
    * The charset is declared with <meta http-equiv="Content-Type">, written
      here as the first child of <head>. libxslt's html serialiser adds (or
      updates) exactly that element itself, so writing it keeps it single and
      first; a <meta charset> would make a second declaration.
    * Ids: items, prose, groups and notes keep their XML ids (report.html#g1.2).
      Each citation gets "ref-" + the citing element's id + "-" + its rank among
      the citations in that element (ref-g1.1-1; a recipient uses its group's
      id), so every note can link back to every place that cites it.
    * Footnotes, wherever they stood (root or inside a group), are rendered
      once, in the notes section at the end of the page, in label order (a
      page-bottom note from the middle of a group takes its place by number).
    * Items outside any group render as a list where they stood; a group
      without a recipient heading renders as a <div> (a <section> needs one).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    exclude-result-prefixes="r">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="css-url" select="''"/>
  <xsl:param name="embed-css" select="'1'"/>
  <xsl:param name="number-items" select="'0'"/>
  <xsl:param name="lang" select="''"/>
  <xsl:param name="notes-title" select="'Notes'"/>

  <xsl:variable name="page-lang">
    <xsl:choose>
      <xsl:when test="normalize-space($lang) != ''">
        <xsl:value-of select="normalize-space($lang)"/>
      </xsl:when>
      <xsl:when test="normalize-space(/*/@xml:lang) != ''">
        <xsl:value-of select="normalize-space(/*/@xml:lang)"/>
      </xsl:when>
      <xsl:otherwise>en</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space($title) != ''">
        <xsl:value-of select="normalize-space($title)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="default-title"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:variable name="footnotes"
      select="/r:recommendations/r:footnote | /r:recommendations/r:group/r:footnote"/>

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <html lang="{$page-lang}">
      <head>
        <meta http-equiv="Content-Type" content="text/html; charset=UTF-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$page-title"/></title>
        <xsl:if test="$embed-css != '0' or normalize-space($css-url) = ''">
          <style>
            <xsl:call-template name="house-style"/>
          </style>
        </xsl:if>
        <xsl:if test="normalize-space($css-url) != ''">
          <link rel="stylesheet" href="{normalize-space($css-url)}"/>
        </xsl:if>
      </head>
      <body>
        <main>
          <header>
            <h1><xsl:value-of select="$page-title"/></h1>
          </header>
          <xsl:call-template name="split-runs">
            <xsl:with-param name="nodes" select="/*/*"/>
          </xsl:call-template>
          <xsl:if test="$footnotes">
            <section id="notes" class="notes" role="doc-endnotes">
              <h2><xsl:value-of select="$notes-title"/></h2>
              <ol>
                <xsl:apply-templates select="$footnotes" mode="note">
                  <xsl:sort select="@label" data-type="number"/>
                </xsl:apply-templates>
              </ol>
            </section>
          </xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>

  <!-- ========================================================== blocks -->

  <xsl:template match="r:group">
    <xsl:variable name="heading" select="r:recipient[normalize-space(concat(@lead, .)) != ''][1]"/>
    <xsl:choose>
      <xsl:when test="$heading">
        <section class="group">
          <xsl:call-template name="id"/>
          <xsl:apply-templates select="$heading"/>
          <xsl:call-template name="split-runs">
            <xsl:with-param name="nodes" select="*[count(. | $heading) != 1]"/>
          </xsl:call-template>
        </section>
      </xsl:when>
      <xsl:otherwise>
        <div class="group">
          <xsl:call-template name="id"/>
          <xsl:call-template name="split-runs">
            <xsl:with-param name="nodes" select="*[not(self::r:recipient)]"/>
          </xsl:call-template>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:recipient">
    <h2>
      <xsl:if test="normalize-space(@lead) != ''">
        <span class="lead"><xsl:value-of select="normalize-space(@lead)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </h2>
  </xsl:template>

  <xsl:template match="r:prose">
    <p>
      <xsl:call-template name="id"/>
      <xsl:choose>
        <xsl:when test="@date and string-length(@date) = 10
                        and translate(@date, '0123456789', '9999999999') = '9999-99-99'
                        and substring(@date, 6, 2) &gt;= 1 and substring(@date, 6, 2) &lt;= 12
                        and substring(@date, 9, 2) &gt;= 1 and substring(@date, 9, 2) &lt;= 31">
          <xsl:attribute name="class">date</xsl:attribute>
          <time datetime="{@date}"><xsl:apply-templates/></time>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- Notes are gathered at the end of the page (mode 'note'). -->
  <xsl:template match="r:footnote"/>

  <!-- A run of consecutive items (see split-runs in common.xsl): one list. -->
  <xsl:template name="run">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="kind"/>
    <xsl:variable name="first" select="$nodes[1]"/>
    <xsl:variable name="type"
        select="substring-before(substring-after(';arabic=1;loweralpha=a;upperalpha=A;lowerroman=i;upperroman=I;',
                                                 concat(';', $first/@numbering, '=')), ';')"/>
    <xsl:choose>
      <xsl:when test="$type = ''">
        <ul>
          <xsl:call-template name="list-class"/>
          <xsl:apply-templates select="$nodes"/>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <ol type="{$type}">
          <xsl:for-each select="$first">
            <xsl:call-template name="start-attribute">
              <xsl:with-param name="name" select="'start'"/>
            </xsl:call-template>
          </xsl:for-each>
          <xsl:call-template name="list-class"/>
          <xsl:apply-templates select="$nodes"/>
        </ol>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list-class">
    <xsl:if test="$number-items = '1'">
      <xsl:attribute name="class">as-written</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:item">
    <li>
      <xsl:call-template name="id"/>
      <xsl:if test="$number-items = '1' and normalize-space(@marker) != ''">
        <span class="marker"><xsl:value-of select="normalize-space(@marker)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="r:text"/>
      <xsl:variable name="subs" select="*[not(self::r:text)]"/>
      <xsl:if test="$subs">
        <xsl:call-template name="split-runs">
          <xsl:with-param name="nodes" select="$subs"/>
        </xsl:call-template>
      </xsl:if>
    </li>
  </xsl:template>

  <xsl:template match="r:text">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ========================================================= inlines -->

  <xsl:template match="r:fnref">
    <xsl:choose>
      <xsl:when test="key('footnote', @ref)">
        <sup class="fnref">
          <xsl:if test="preceding-sibling::node()[1]/self::r:fnref">
            <!-- glued to the previous reference: the house style puts a comma between -->
            <xsl:attribute name="class">fnref next</xsl:attribute>
          </xsl:if>
          <a href="#{@ref}" role="doc-noteref">
            <xsl:attribute name="id">
              <xsl:call-template name="citation-id"/>
            </xsl:attribute>
            <xsl:value-of select="normalize-space(.)"/>
          </a>
        </sup>
      </xsl:when>
      <xsl:otherwise>
        <!-- A reference to a note that does not exist (schema-invalid). -->
        <sup class="fnref missing"><xsl:value-of select="normalize-space(.)"/></sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    citation-id (context: r:fnref): "ref-" + the id of the nearest element that
    has one (item, prose, footnote; the group for a recipient) + "-" + the rank
    of this reference among the references in its parent. The count only looks
    at the few siblings inside one text, never across the document.
  -->
  <xsl:template name="citation-id">
    <xsl:variable name="owner" select="ancestor::*[@id][1]"/>
    <xsl:text>ref-</xsl:text>
    <xsl:choose>
      <xsl:when test="$owner">
        <xsl:value-of select="$owner/@id"/>
        <xsl:text>-</xsl:text>
        <xsl:value-of select="count(preceding-sibling::r:fnref) + 1"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="generate-id()"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- =========================================================== notes -->

  <xsl:template match="r:footnote" mode="note">
    <li>
      <xsl:call-template name="id"/>
      <xsl:if test="translate(@label, '0123456789', '') = '' and string-length(@label) &gt; 0
                    and string-length(@label) &lt; 10">
        <xsl:attribute name="value"><xsl:value-of select="number(@label)"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:for-each select="key('cites', @id)">
        <xsl:text> </xsl:text>
        <a class="backref" role="doc-backlink" aria-label="Back to reference {position()}">
          <xsl:attribute name="href">
            <xsl:text>#</xsl:text>
            <xsl:call-template name="citation-id"/>
          </xsl:attribute>
          <xsl:text>&#x21A9;&#xFE0E;</xsl:text>
          <xsl:if test="last() &gt; 1">
            <sup><xsl:value-of select="position()"/></sup>
          </xsl:if>
        </a>
      </xsl:for-each>
    </li>
  </xsl:template>

  <!-- ========================================================= helpers -->

  <xsl:template name="id">
    <xsl:if test="normalize-space(@id) != ''">
      <xsl:attribute name="id"><xsl:value-of select="normalize-space(@id)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <xsl:template name="house-style">
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
p { margin: 0 0 1rem; }
p.date { color: #5d5d5d; font-style: italic; }
ol, ul { margin: 0 0 1.25rem; padding-left: 1.9rem; }
li { margin: .45rem 0; padding-left: .2rem; }
li ol, li ul { margin: .45rem 0 .25rem; }
ol.as-written, ul.as-written { list-style: none; padding-left: 2.6rem; }
.as-written > li > .marker {
  display: inline-block;
  width: 2.2rem;
  margin-left: -2.6rem;
  margin-right: .4rem;
  text-align: right;
}
a { color: #1d4f91; }
sup { font-size: .72em; line-height: 0; }
sup.fnref a { text-decoration: none; padding: 0 .1em; }
sup.fnref.next::before { content: ","; }
:target { background: #fff1b8; }
.notes { margin-top: 3.5rem; font-size: .9rem; }
.notes h2 { color: #1c1c1c; border-top: 2px solid #1c1c1c; }
.notes li { padding-left: .35rem; }
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
  </xsl:template>

</xsl:stylesheet>
