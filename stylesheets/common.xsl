<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  common.xsl: templates shared by the rec2xml stylesheets.

  It is imported (xsl:import href="common.xsl") by html.xsl and docbook.xsl and
  csv.xsl; it is never applied on its own and has no xsl:output, so every
  importing stylesheet decides its own serialisation. It imports l10n.xsl:
  every word a stylesheet writes comes from the message catalogue l10n/*.xml.

  Parameters: lang (l10n.xsl). Each importing stylesheet declares and
  documents its own.

  What it provides
    key 'footnote'      r:footnote by @id
    key 'cites'         r:fnref by @ref (every citation of a footnote)
    split-runs          cuts a list of sibling blocks into runs without sibling
                        recursion (see below) and calls the importer's 'run';
                        page breaks (r:page) neither end a run nor join one
    start-attribute     a numbered list's start attribute when it resumes after
                        prose ("3."), from marker-value: the number an item's
                        marker stands for (3 for "3.", "c)", "(iii)")
    title-prose         the document's title line, when it has one (see
                        document-title), which the importers render as the
                        title instead of where it stood
    document-title      the title, from the document's own words
    mode 'plain'        a recipient's (or any inline content's) words, whitespace
                        normalised, footnote markers left out; each piece
                        of text is written by the named template 'emit-text'
    msg.lead.sep        the catalogue's words between a header's words and
                        the recipient

  Performance rules kept here and in the importers: no count(preceding::...) or
  preceding-sibling::*[...][1] per node (libxml2 collects the whole axis before
  applying a second predicate, so such a step is quadratic); a literal [1] right
  after the step (preceding-sibling::*[1]/self::r:item) stops at the first node.
  libxslt spends some 3,000 instructions on each XPath expression it evaluates
  (a test, a value-of, a parameter, a variable), whatever it does: what is done
  per node is counted in expressions, and a plain node takes the path with the
  fewest. Every global variable is evaluated for every document, used or not.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="r set">

  <xsl:import href="l10n.xsl"/>

  <!-- between a header's words and the recipient: every importer writes
       headers -->
  <xsl:variable name="msg.lead.sep">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'lead.sep'"/></xsl:call-template>
  </xsl:variable>

  <xsl:key name="footnote" match="r:footnote" use="@id"/>
  <xsl:key name="cites" match="r:fnref" use="@ref"/>

  <!--
    split-runs: render a list of sibling blocks ($nodes, in document order) in
    which maximal runs of consecutive non-break nodes are grouped (a run of items
    becomes one list) and each break ($breaks, a subset of $nodes: prose, a
    footnote, a group...) is rendered on its own with apply-templates.

    Divide and conquer on the breaks: split at the middle break with EXSLT
    set:leading/set:trailing. A break never lies inside a run, so no run is ever
    cut in two; the recursion is log2(breaks) deep and the work O(n log breaks).
    (Sibling recursion, one template call per item, hits libxslt's depth limit
    of 3000 on a group of a few thousand items.)

    For each run it calls the named template 'run' (defined by the importing
    stylesheet, which has higher import precedence) with $nodes and $kind.

    A page break (r:page, the furniture of a PDF page) is neither a break nor
    part of a run: a list that goes on over a page stays one list, and the
    page is left out of what 'run' is given (outputs for readers show no page
    furniture).
  -->
  <xsl:template name="split-runs">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="breaks" select="$nodes[not(self::r:item or self::r:page)]"/>
    <xsl:param name="kind" select="'list'"/>
    <xsl:choose>
      <!-- A few breaks (a group's lead-in and headings): one pass over
           them, the run after each between it and the next. Each step
           costs what the run's nodes cost to copy, so the pass is
           O(n x breaks): only for a few. -->
      <xsl:when test="$breaks and not($breaks[9])">
        <xsl:variable name="before" select="set:leading($nodes, $breaks[1])[not(self::r:page)]"/>
        <xsl:if test="$before">
          <xsl:call-template name="run">
            <xsl:with-param name="nodes" select="$before"/>
            <xsl:with-param name="kind" select="$kind"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:for-each select="$breaks">
          <xsl:variable name="next" select="position() + 1"/>
          <xsl:apply-templates select="."/>
          <xsl:variable name="run" select="set:leading(set:trailing($nodes, .), $breaks[$next])[not(self::r:page)]"/>
          <xsl:if test="$run">
            <xsl:call-template name="run">
              <xsl:with-param name="nodes" select="$run"/>
              <xsl:with-param name="kind" select="$kind"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:for-each>
      </xsl:when>
      <xsl:when test="not($breaks)">
        <xsl:variable name="run" select="$nodes[not(self::r:page)]"/>
        <xsl:if test="$run">
          <xsl:call-template name="run">
            <xsl:with-param name="nodes" select="$run"/>
            <xsl:with-param name="kind" select="$kind"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="pivot" select="$breaks[floor((last() + 1) div 2)]"/>
        <xsl:call-template name="split-runs">
          <xsl:with-param name="nodes" select="set:leading($nodes, $pivot)"/>
          <xsl:with-param name="breaks" select="set:leading($breaks, $pivot)"/>
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
        <xsl:apply-templates select="$pivot"/>
        <xsl:call-template name="split-runs">
          <xsl:with-param name="nodes" select="set:trailing($nodes, $pivot)"/>
          <xsl:with-param name="breaks" select="set:trailing($breaks, $pivot)"/>
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Fallback for 'run'; every importer that calls split-runs overrides it. -->
  <xsl:template name="run">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="kind"/>
    <xsl:apply-templates select="$nodes"/>
  </xsl:template>

  <!--
    start-attribute (context: the first r:item of a numbered list): writes the
    attribute $name (start, startingnumber) with the number its marker stands
    for, unless that is 1 or unreadable. Markers meaning 1 are answered without
    building a result-tree fragment; only a list that resumes after prose
    ("3.") pays for one.
  -->
  <xsl:template name="start-attribute">
    <xsl:param name="name"/>
    <xsl:variable name="m" select="translate(normalize-space(@marker), '().-', '')"/>
    <xsl:if test="not($m = '1' or $m = 'a' or $m = 'A' or $m = 'i' or $m = 'I')">
      <xsl:variable name="value">
        <xsl:call-template name="marker-value"/>
      </xsl:variable>
      <xsl:if test="string($value) != '' and $value != 1">
        <xsl:attribute name="{$name}"><xsl:value-of select="$value"/></xsl:attribute>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!--
    marker-value (context: an r:item): the integer its marker stands for, or
    nothing when the marker is a bullet or cannot be read ("1." "(1)" "1)" "1-" -> 1,
    "c)" -> 3, "(iv)" "IV." -> 4). Called once per list, for its first item.
  -->
  <xsl:template name="marker-value">
    <xsl:variable name="m" select="translate(normalize-space(@marker), '().-', '')"/>
    <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
    <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
    <xsl:choose>
      <xsl:when test="$m = ''"/>
      <xsl:when test="@numbering = 'arabic'">
        <xsl:if test="translate($m, '0123456789', '') = '' and string-length($m) &lt; 10">
          <xsl:value-of select="number($m)"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@numbering = 'loweralpha' or @numbering = 'upperalpha'">
        <xsl:if test="string-length($m) = 1 and contains($lower, translate($m, $upper, $lower))">
          <xsl:value-of select="string-length(substring-before($lower, translate($m, $upper, $lower))) + 1"/>
        </xsl:if>
      </xsl:when>
      <xsl:when test="@numbering = 'lowerroman' or @numbering = 'upperroman'">
        <xsl:variable name="roman" select="translate($m, 'ivxlcdm', 'IVXLCDM')"/>
        <xsl:if test="translate($roman, 'IVXLCDM', '') = '' and string-length($roman) &lt; 16">
          <xsl:call-template name="roman-value">
            <xsl:with-param name="s" select="$roman"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- roman-value: value of an upper-case roman numeral (subtractive rule). -->
  <xsl:template name="roman-value">
    <xsl:param name="s"/>
    <xsl:param name="total" select="0"/>
    <xsl:variable name="table" select="'I=1;V=5;X=10;L=50;C=100;D=500;M=1000;'"/>
    <xsl:choose>
      <xsl:when test="$s = ''">
        <xsl:value-of select="$total"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="this"
            select="number(substring-before(substring-after($table, concat(substring($s, 1, 1), '=')), ';'))"/>
        <xsl:variable name="next"
            select="number(substring-before(substring-after($table, concat(substring($s, 2, 1), '=')), ';'))"/>
        <xsl:call-template name="roman-value">
          <xsl:with-param name="s" select="substring($s, 2)"/>
          <xsl:with-param name="total"
              select="$total + $this - 2 * $this * number(string-length($s) &gt; 1 and $this &lt; $next)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!--
    The document's title line: the first paragraph of its front matter (the
    root's prose before the first group or item) that is not the date line,
    when it reads as a title: a heading (role="heading"), or not a lead-in or
    a finding, at most 150 characters and not ending as a sentence does
    (. : ; ! ? and their CJK and Arabic forms). "Recommendations" above the
    first header is one; "Human Rights Watch urges the government to:" is
    not. Only a date line may stand before it: a title is never taken from
    the middle of the text.
  -->
  <xsl:variable name="title-prose-candidate"
      select="set:leading(/r:recommendations/*,
                          /r:recommendations/*[self::r:group or self::r:item][1])
              [self::r:prose and not(@date) and not(@role = 'contents')][1]"/>
  <xsl:variable name="title-prose-words" select="normalize-space($title-prose-candidate)"/>
  <xsl:variable name="title-prose"
      select="$title-prose-candidate[$title-prose-words != ''
                and (@role = 'heading'
                     or (not(@role = 'leadin' or @role = 'finding')
                         and string-length($title-prose-words) &lt;= 150
                         and not(contains('.:;!?。：；！？؟…',
                                          substring($title-prose-words, string-length($title-prose-words))))))]"/>

  <!--
    Distinct recipients, for the title: a recipient that heads several
    groups is named once (same header words, same first words).
  -->
  <xsl:key name="recipient-name" match="r:group/r:recipient[1]"
      use="concat(normalize-space(@lead), '|', normalize-space(concat(text()[1], ' ', text()[2], ' ', text()[3])))"/>

  <!--
    document-title: the title in plain words (footnote markers left out):
      1. the document's title line (title-prose), when it has one;
      2. else every recipient, each once, in the catalogue's phrase: title.to
         with their header words ("Recommendations to the Government of X,
         to the Ministry of Y, and to donors"), or title.for with the whole
         headers as written when some recipient has no header words of its
         own ("Recommendations: State party; Au gouvernement du Cambodge");
      3. else the catalogue's title ("Recommendations").
  -->
  <xsl:template name="document-title">
    <xsl:choose>
      <xsl:when test="$title-prose">
        <xsl:apply-templates select="$title-prose/node()" mode="plain"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="recipients-title">
          <xsl:with-param name="named"
              select="/r:recommendations/r:group/r:recipient[1][normalize-space() != '']
                      [generate-id() = generate-id(key('recipient-name',
                        concat(normalize-space(@lead), '|',
                               normalize-space(concat(text()[1], ' ', text()[2], ' ', text()[3]))))[1])]"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the title from the distinct recipients ($named), when there is no
       title line -->
  <xsl:template name="recipients-title">
    <xsl:param name="named"/>
    <xsl:choose>
      <xsl:when test="$named and not($named[normalize-space(@lead) = ''])">
        <xsl:call-template name="gentext.format">
          <xsl:with-param name="key" select="'title.to'"/>
          <xsl:with-param name="name1" select="'recipients'"/>
          <xsl:with-param name="value1">
            <xsl:call-template name="recipient-list">
              <xsl:with-param name="named" select="$named"/>
            </xsl:call-template>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$named">
        <xsl:variable name="between">
          <xsl:call-template name="gentext">
            <xsl:with-param name="key" select="'list.items'"/>
          </xsl:call-template>
        </xsl:variable>
        <xsl:call-template name="gentext.format">
          <xsl:with-param name="key" select="'title.for'"/>
          <xsl:with-param name="name1" select="'recipients'"/>
          <xsl:with-param name="value1">
            <xsl:for-each select="$named">
              <xsl:if test="position() &gt; 1">
                <xsl:value-of select="$between"/>
              </xsl:if>
              <xsl:if test="normalize-space(@lead) != ''">
                <xsl:value-of select="concat(normalize-space(@lead), $msg.lead.sep)"/>
              </xsl:if>
              <xsl:apply-templates select="node()" mode="plain"/>
            </xsl:for-each>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="gentext">
          <xsl:with-param name="key" select="'title'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- recipient-list: "to the Government of X, to the Ministry of Y and to
       donors": each recipient after its header words in running text (in
       small letters, less a leading "Recommendations"), joined as the
       language joins a list. -->
  <xsl:template name="recipient-list">
    <xsl:param name="named"/>
    <!-- the words a list of this length joins with, and only those -->
    <xsl:variable name="sep">
      <xsl:if test="$named[3]">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'list.sep'"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="pair">
      <xsl:if test="$named[2] and not($named[3])">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'list.pair'"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="last">
      <xsl:if test="$named[3]">
        <xsl:call-template name="gentext"><xsl:with-param name="key" select="'list.last'"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:variable name="title-word">
      <xsl:call-template name="gentext"><xsl:with-param name="key" select="'title'"/></xsl:call-template>
    </xsl:variable>
    <xsl:variable name="lower-title" select="concat(translate($title-word, $l10n.upper, $l10n.lower), ' ')"/>
    <xsl:for-each select="$named">
      <xsl:choose>
        <xsl:when test="position() = 1"/>
        <xsl:when test="position() = last() and last() = 2"><xsl:value-of select="$pair"/></xsl:when>
        <xsl:when test="position() = last()"><xsl:value-of select="$last"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$sep"/></xsl:otherwise>
      </xsl:choose>
      <xsl:variable name="lead" select="translate(normalize-space(@lead), $l10n.upper, $l10n.lower)"/>
      <xsl:choose>
        <xsl:when test="starts-with($lead, $lower-title)">
          <xsl:value-of select="substring-after($lead, $lower-title)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$lead"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:value-of select="$msg.lead.sep"/>
      <xsl:apply-templates select="node()" mode="plain"/>
    </xsl:for-each>
  </xsl:template>

  <!--
    mode 'plain': the words of inline content (recipient, text, prose) with
    whitespace normalised and footnote markers left out: "Government of
    Cambodia <fnref>1</fnref>" gives "Government of Cambodia". Streams: no
    string is built in a variable.
  -->
  <xsl:template match="r:fnref" mode="plain"/>

  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>

  <xsl:template match="text()" mode="plain">
    <xsl:variable name="core" select="normalize-space(.)"/>
    <xsl:if test="$core != ''">
      <xsl:variable name="prev" select="preceding-sibling::text()[1]"/>
      <xsl:if test="preceding-sibling::text()[normalize-space()]
                    and (translate(substring(., 1, 1), ' &#9;&#10;&#13;', '') = ''
                         or translate(substring($prev, string-length($prev)), ' &#9;&#10;&#13;', '') = '')">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:call-template name="emit-text">
        <xsl:with-param name="s" select="$core"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- emit-text: how mode 'plain' writes a piece of text; an importer may
       override it (csv.xsl doubles quotes). -->
  <xsl:template name="emit-text">
    <xsl:param name="s"/>
    <xsl:value-of select="$s"/>
  </xsl:template>

</xsl:stylesheet>
