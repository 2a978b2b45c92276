<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  html.xsl: a rec2xml document as one standalone HTML5 page.

  Parameters
    title         the page title (<title> and <h1>). Default: the document's
                  title line, else its recipients in the catalogue's phrase
                  ("Recommendations to the Government of X and to donors"),
                  else "Recommendations" (common.xsl, document-title).
    css-url       URL of an external stylesheet, linked after the embedded one
                  (so its rules win). Default: none.
    embed-css     '1' (default) embeds the house style in a <style> element;
                  '0' leaves it out when css-url is given (an external
                  stylesheet instead of the embedded one).
    number-items  which item markers are shown as written ("110.1", "(a)",
                  "iv.", "•") instead of list bullets and browser numbering:
                  '' (default) every number and letter, bullets drawn by CSS;
                  '1' every marker, bullets too; '0' only those a browser
                  cannot draw (decimal "110.1", other scripts' numbers).
    lang          language of the page and of its generated words, overriding
                  the root's xml:lang (l10n.xsl). Default: the root's
                  xml:lang, else "en".
    notes-title   heading of the notes section. Default: the catalogue's
                  "Notes" in the page's language.

  Language
    * Every word this stylesheet writes comes from the message catalogue
      (l10n/*.xml) in the page's language: the title, "Notes", the back-links'
      accessible names, "Recommended by". The page says its language (lang)
      and direction (dir="rtl" for Arabic, Persian, Hebrew, Urdu...); the
      house style uses only logical properties (margin-inline-start,
      text-align: start...), so a right-to-left page mirrors as a whole.

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
    * A recipient with header words shows them ("To the" + recipient); one
      without (named by a lead-in, or a translated header) shows its words.
    * An item's recommending State(s) (by) follow its text; prose keeps its
      role: a heading is an h3, a finding and a lead-in are paragraphs of
      their class; a numbered paragraph shows its number. Page breaks of the
      source (page) show nothing and never cut a list, and a printed table
      of contents (prose role="contents") shows nothing either.
    * The document's title line, when it has one, is the h1 (with its id)
      and is not repeated where it stood.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="r set">

  <xsl:import href="common.xsl"/>

  <xsl:output method="html" encoding="UTF-8" indent="yes"
      doctype-system="about:legacy-compat"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="css-url" select="''"/>
  <xsl:param name="embed-css" select="'1'"/>
  <xsl:param name="number-items" select="''"/>
  <xsl:param name="notes-title" select="''"/>

  <!-- the title line stands as the h1 only when no title is given -->
  <xsl:variable name="title-line" select="$title-prose[normalize-space($title) = '']"/>

  <xsl:variable name="page-title">
    <xsl:choose>
      <xsl:when test="normalize-space($title) != ''">
        <xsl:value-of select="normalize-space($title)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="document-title"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- Messages wanted once per node, looked up once. -->
  <xsl:variable name="msg.backref">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'backref'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="msg.backref.symbol">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'backref.symbol'"/></xsl:call-template>
  </xsl:variable>
  <!-- the back-link's name, cut at its placeholder, when it has one {n}
       and no other brace (as every language has it): filled in place -->
  <xsl:variable name="backref.before" select="substring-before($msg.backref, '{n}')"/>
  <xsl:variable name="backref.after" select="substring-after($msg.backref, '{n}')"/>
  <xsl:variable name="backref.simple"
      select="contains($msg.backref, '{n}') and not(contains($backref.before, '{'))
              and not(contains($backref.after, '{'))"/>
  <xsl:variable name="msg.by">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'by'"/></xsl:call-template>
  </xsl:variable>

  <!-- every note, also one printed at the foot of a page inside an item -->
  <xsl:variable name="footnotes" select="//r:footnote"/>
  <xsl:variable name="labels-as-written"
      select="boolean($footnotes[translate(normalize-space(@label), '0123456789', '') != ''])"/>

  <!-- ============================================================ page -->

  <xsl:template match="/">
    <html lang="{$l10n.tag}">
      <xsl:if test="$l10n.dir = 'rtl'">
        <xsl:attribute name="dir">rtl</xsl:attribute>
      </xsl:if>
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
            <xsl:choose>
              <xsl:when test="$title-line">
                <h1>
                  <xsl:for-each select="$title-line">
                    <xsl:call-template name="id"/>
                    <xsl:call-template name="marker"/>
                    <xsl:apply-templates/>
                  </xsl:for-each>
                </h1>
              </xsl:when>
              <xsl:otherwise>
                <h1><xsl:value-of select="$page-title"/></h1>
              </xsl:otherwise>
            </xsl:choose>
          </header>
          <xsl:call-template name="split-runs">
            <xsl:with-param name="nodes" select="/*/*"/>
          </xsl:call-template>
          <xsl:if test="$footnotes">
            <section id="notes" class="notes" role="doc-endnotes">
              <h2>
                <xsl:choose>
                  <xsl:when test="normalize-space($notes-title) != ''">
                    <xsl:value-of select="normalize-space($notes-title)"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:call-template name="gentext">
                      <xsl:with-param name="key" select="'notes'"/>
                    </xsl:call-template>
                  </xsl:otherwise>
                </xsl:choose>
              </h2>
              <ol>
                <!-- a label no list can count (*, †) is written as it is,
                     and then every label is -->
                <xsl:if test="$labels-as-written">
                  <xsl:attribute name="class">as-written</xsl:attribute>
                </xsl:if>
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
            <xsl:with-param name="nodes" select="set:difference(*, $heading)"/>
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
        <xsl:value-of select="$msg.lead.sep"/>
      </xsl:if>
      <xsl:apply-templates/>
    </h2>
  </xsl:template>

  <!-- A table of contents read from a printed report is its apparatus,
       like page furniture: the page lists its recipients itself makes its own. -->
  <xsl:template match="r:prose[@role = 'contents']"/>

  <xsl:template match="r:prose">
    <xsl:choose>
      <!-- the title line is the h1 (see the page) -->
      <xsl:when test="generate-id() = generate-id($title-line)"/>
      <!-- a thematic sub-heading (the topic of the items after it) -->
      <xsl:when test="@role = 'heading'">
        <h3 class="heading">
          <xsl:call-template name="id"/>
          <xsl:call-template name="marker"/>
          <xsl:apply-templates/>
        </h3>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="paragraph"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph in a group (never the title line, which stands before
       the first group): a plain one (no date, number or heading role, an
       id) is written directly, the others as at the root. -->
  <xsl:template match="r:group/r:prose" priority="0.25">
    <xsl:choose>
      <xsl:when test="@date or @marker or @role = 'heading' or not(normalize-space(@id))">
        <xsl:choose>
          <xsl:when test="@role = 'heading'">
            <h3 class="heading">
              <xsl:call-template name="id"/>
              <xsl:call-template name="marker"/>
              <xsl:apply-templates/>
            </h3>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="paragraph"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="@role = 'finding' or @role = 'leadin'">
        <p id="{normalize-space(@id)}" class="{@role}"><xsl:apply-templates/></p>
      </xsl:when>
      <xsl:otherwise>
        <p id="{normalize-space(@id)}"><xsl:apply-templates/></p>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="paragraph">
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
          <!-- a finding (a concern of a UN body: not a recommendation) and a
               lead-in (the sentence that names the addressee) keep their role
               as their class -->
          <xsl:if test="@role = 'finding' or @role = 'leadin'">
            <xsl:attribute name="class"><xsl:value-of select="@role"/></xsl:attribute>
          </xsl:if>
          <xsl:call-template name="marker"/>
          <xsl:apply-templates/>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <!-- A paragraph's or heading's number as written ("14.", "D."). -->
  <xsl:template name="marker">
    <xsl:if test="normalize-space(@marker) != ''">
      <span class="marker"><xsl:value-of select="normalize-space(@marker)"/></span>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- Notes are gathered at the end of the page (mode 'note'). -->
  <xsl:template match="r:footnote"/>

  <!--
    A run of consecutive items (see split-runs in common.xsl): one list. A
    bulleted run is a ul, any numbered one an ol (with type and start when a
    browser can number it: arabic, alphabetic, roman). Whether the markers
    are shown as written (class as-written) is decided per list, by its
    first item, as number-items says.
  -->
  <xsl:template name="run">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="kind"/>
    <xsl:choose>
      <!-- the common list: bullets, drawn by CSS (as-written false) -->
      <xsl:when test="$nodes[1]/@numbering = 'bullet' and $number-items != '1'">
        <ul>
          <xsl:apply-templates select="$nodes">
            <xsl:with-param name="as-written" select="false()"/>
          </xsl:apply-templates>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="list">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list">
    <xsl:param name="nodes"/>
    <xsl:variable name="first" select="$nodes[1]"/>
    <xsl:variable name="type"
        select="substring-before(substring-after(';arabic=1;loweralpha=a;upperalpha=A;lowerroman=i;upperroman=I;',
                                                 concat(';', $first/@numbering, '=')), ';')"/>
    <!-- paragraphs read as items ("none": no marker) are a list without
         bullets: their markers, none, as written -->
    <xsl:variable name="bullets"
        select="$first/@numbering = 'bullet' or $first/@numbering = 'none' or not($first/@numbering)"/>
    <xsl:variable name="as-written"
        select="$number-items = '1' or $first/@numbering = 'none'
                or (not($bullets) and ($number-items != '0' or $type = ''))"/>
    <xsl:choose>
      <xsl:when test="$bullets">
        <ul>
          <xsl:call-template name="list-class">
            <xsl:with-param name="as-written" select="$as-written"/>
          </xsl:call-template>
          <xsl:apply-templates select="$nodes">
            <xsl:with-param name="as-written" select="$as-written"/>
          </xsl:apply-templates>
        </ul>
      </xsl:when>
      <xsl:otherwise>
        <ol>
          <xsl:if test="$type != ''">
            <xsl:attribute name="type"><xsl:value-of select="$type"/></xsl:attribute>
            <xsl:for-each select="$first">
              <xsl:call-template name="start-attribute">
                <xsl:with-param name="name" select="'start'"/>
              </xsl:call-template>
            </xsl:for-each>
          </xsl:if>
          <xsl:call-template name="list-class">
            <xsl:with-param name="as-written" select="$as-written"/>
          </xsl:call-template>
          <xsl:apply-templates select="$nodes">
            <xsl:with-param name="as-written" select="$as-written"/>
          </xsl:apply-templates>
        </ol>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="list-class">
    <xsl:param name="as-written"/>
    <xsl:if test="$as-written">
      <xsl:attribute name="class">as-written</xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- An item with an id (as rec2xml writes them, an attribute value
       template) is written directly; one without takes the helper. -->
  <xsl:template match="r:item">
    <xsl:param name="as-written" select="false()"/>
    <xsl:choose>
      <xsl:when test="not(normalize-space(@id))">
        <li>
          <xsl:if test="$as-written and normalize-space(@marker) != ''">
            <span class="marker"><xsl:value-of select="normalize-space(@marker)"/></span>
            <xsl:text> </xsl:text>
          </xsl:if>
          <xsl:call-template name="item-content"/>
        </li>
      </xsl:when>
      <xsl:when test="$as-written and normalize-space(@marker) != ''">
        <li id="{normalize-space(@id)}">
          <span class="marker"><xsl:value-of select="normalize-space(@marker)"/></span>
          <xsl:text> </xsl:text>
          <xsl:call-template name="item-content"/>
        </li>
      </xsl:when>
      <xsl:otherwise>
        <li id="{normalize-space(@id)}"><xsl:call-template name="item-content"/></li>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An item's text, its recommending States and its sub-items; a note
       printed inside the item (at a page foot) is in the notes, and does
       not cut the sub-list: the sub-items are one run. -->
  <xsl:template name="item-content">
    <xsl:apply-templates select="r:text"/>
    <xsl:if test="@by or r:item">
      <xsl:if test="normalize-space(@by) != ''">
        <p class="by">
          <xsl:call-template name="gentext.format">
            <xsl:with-param name="msg" select="$msg.by"/>
            <xsl:with-param name="name1" select="'states'"/>
            <xsl:with-param name="value1" select="normalize-space(@by)"/>
          </xsl:call-template>
        </p>
      </xsl:if>
      <xsl:if test="r:item">
        <xsl:call-template name="run">
          <xsl:with-param name="nodes" select="r:item"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:text">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- ========================================================= inlines -->

  <xsl:template match="r:fnref">
    <xsl:choose>
      <!-- a reference to a note, not glued to another, in an element with
           an id: its citation id (see citation-id) as a template -->
      <xsl:when test="key('footnote', @ref) and ancestor::*[@id] and not(preceding-sibling::node()[1]/self::r:fnref)">
        <sup class="fnref">
          <a href="#{@ref}" role="doc-noteref" id="ref-{ancestor::*[@id][1]/@id}-{count(preceding-sibling::r:fnref) + 1}">
            <xsl:value-of select="normalize-space(.)"/>
          </a>
        </sup>
      </xsl:when>
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
      <xsl:if test="$labels-as-written">
        <span class="marker"><xsl:value-of select="normalize-space(@label)"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
      <xsl:for-each select="key('cites', @id)">
        <xsl:text> </xsl:text>
        <xsl:choose>
          <!-- the message's one placeholder filled in place (the others:
               gentext.format), a citation in an element with an id -->
          <xsl:when test="$backref.simple and ancestor::*[@id]">
            <a class="backref" role="doc-backlink" aria-label="{$backref.before}{position()}{$backref.after}"
               href="#ref-{ancestor::*[@id][1]/@id}-{count(preceding-sibling::r:fnref) + 1}">
              <xsl:value-of select="$msg.backref.symbol"/>
              <xsl:if test="last() &gt; 1">
                <sup><xsl:value-of select="position()"/></sup>
              </xsl:if>
            </a>
          </xsl:when>
          <xsl:otherwise>
        <a class="backref" role="doc-backlink">
          <xsl:attribute name="aria-label">
            <xsl:call-template name="gentext.format">
              <xsl:with-param name="msg" select="$msg.backref"/>
              <xsl:with-param name="name1" select="'n'"/>
              <xsl:with-param name="value1" select="position()"/>
            </xsl:call-template>
          </xsl:attribute>
          <xsl:attribute name="href">
            <xsl:text>#</xsl:text>
            <xsl:call-template name="citation-id"/>
          </xsl:attribute>
          <xsl:value-of select="$msg.backref.symbol"/>
          <xsl:if test="last() &gt; 1">
            <sup><xsl:value-of select="position()"/></sup>
          </xsl:if>
        </a>
          </xsl:otherwise>
        </xsl:choose>
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
  </xsl:template>

</xsl:stylesheet>
