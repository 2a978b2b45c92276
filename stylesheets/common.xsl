<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  common.xsl: templates shared by the rec2xml stylesheets.

  It is imported (xsl:import href="common.xsl") by html.xsl and docbook.xsl and
  csv.xsl; it is never applied on its own and has no xsl:output, so every
  importing stylesheet decides its own serialisation.

  Parameters: none. Each importing stylesheet declares and documents its own.

  What it provides
    key 'footnote'      r:footnote by @id
    key 'cites'         r:fnref by @ref (every citation of a footnote)
    split-runs          cuts a list of sibling blocks into runs without sibling
                        recursion (see below) and calls the importer's 'run'
    start-attribute     a numbered list's start attribute when it resumes after
                        prose ("3."), from marker-value: the number an item's
                        marker stands for (3 for "3.", "c)", "(iii)")
    default-title       "Recommendations to the <first recipient>", or
                        "Recommendations" when there is no recipient
    mode 'plain'        a recipient's (or any inline content's) words, whitespace
                        normalised, footnote markers left out; each piece
                        of text is written by the named template 'emit-text'

  Performance rules kept here and in the importers: no count(preceding::...) or
  preceding-sibling::*[...][1] per node (libxml2 collects the whole axis before
  applying a second predicate, so such a step is quadratic); a literal [1] right
  after the step (preceding-sibling::*[1]/self::r:item) stops at the first node.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:set="http://exslt.org/sets"
    exclude-result-prefixes="r set">

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
  -->
  <xsl:template name="split-runs">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="breaks" select="$nodes[not(self::r:item)]"/>
    <xsl:param name="kind" select="'list'"/>
    <xsl:choose>
      <xsl:when test="not($breaks)">
        <xsl:if test="$nodes">
          <xsl:call-template name="run">
            <xsl:with-param name="nodes" select="$nodes"/>
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
    <xsl:variable name="m" select="translate(normalize-space(@marker), '().', '')"/>
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
    nothing when the marker is a bullet or cannot be read ("1." "(1)" "1)" -> 1,
    "c)" -> 3, "(iv)" "IV." -> 4). Called once per list, for its first item.
  -->
  <xsl:template name="marker-value">
    <xsl:variable name="m" select="translate(normalize-space(@marker), '().', '')"/>
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
    default-title: "Recommendations to the Government of Cambodia" from the first
    recipient (its lead decides whether "the" is said), or "Recommendations".
  -->
  <xsl:template name="default-title">
    <xsl:variable name="first" select="(/r:recommendations/r:group/r:recipient[normalize-space()])[1]"/>
    <xsl:text>Recommendations</xsl:text>
    <xsl:if test="$first">
      <xsl:variable name="lead"
          select="concat(' ', translate(normalize-space($first/@lead), 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'))"/>
      <xsl:text> to </xsl:text>
      <xsl:if test="substring($lead, string-length($lead) - 3) = ' the'">
        <xsl:text>the </xsl:text>
      </xsl:if>
      <xsl:apply-templates select="$first/node()" mode="plain"/>
    </xsl:if>
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
