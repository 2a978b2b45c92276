<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- bench/lean/title.xsl: the title of bench/lean/html.xsl and docbook.xsl
     (stylesheets/common.xsl, document-title, for the documents bench/gen.py
     writes: English words, recipients of one text node). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    exclude-result-prefixes="r">

  <xsl:key name="recipient" match="r:recipient" use="concat(@lead, '|', normalize-space(text()))"/>

  <!-- the title line: the first paragraph before the first group, when it
       is short and does not end as a sentence does -->
  <xsl:variable name="first" select="/*/r:prose[not(@date)][1][not(preceding-sibling::r:group)]"/>
  <xsl:variable name="title-line"
      select="$first[string-length() &lt;= 150 and not(contains('.:;!?', substring(., string-length())))]"/>

  <xsl:template name="title">
    <xsl:variable name="named"
        select="/*/r:group/r:recipient[generate-id() = generate-id(key('recipient', concat(@lead, '|', normalize-space(text())))[1])]"/>
    <xsl:choose>
      <xsl:when test="$title-line"><xsl:value-of select="normalize-space($title-line/text())"/></xsl:when>
      <xsl:when test="not($named[not(@lead)])">
        <xsl:text>Recommendations </xsl:text>
        <xsl:for-each select="$named">
          <xsl:choose>
            <xsl:when test="position() = 1"/>
            <xsl:when test="position() = last() and last() = 2"> and </xsl:when>
            <xsl:when test="position() = last()">, and </xsl:when>
            <xsl:otherwise>, </xsl:otherwise>
          </xsl:choose>
          <xsl:variable name="lead" select="translate(@lead, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
          <xsl:value-of select="concat(substring($lead, 1 + 16 * starts-with($lead, 'recommendations ')), ' ', normalize-space(text()))"/>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>Recommendations: </xsl:text>
        <xsl:for-each select="$named">
          <xsl:if test="position() &gt; 1">; </xsl:if>
          <xsl:if test="@lead"><xsl:value-of select="concat(@lead, ' ')"/></xsl:if>
          <xsl:value-of select="normalize-space(text())"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
