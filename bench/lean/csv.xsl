<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- bench/lean/csv.xsl: the floor's CSV (see bench/floor.c): the bytes of
     stylesheets/csv.xsl for the documents bench/gen.py writes, and no more
     than those need: English words, no States, no pages, a quote doubled
     only where one stands, no formula guard (gen.py writes no cell that
     starts with = + - @). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:template match="/">
    <xsl:text>"location","kind","recipient","number","by","source","target","developer_comments"&#13;&#10;</xsl:text>
    <xsl:apply-templates select="*/*"/>
  </xsl:template>

  <xsl:template match="r:group">
    <xsl:apply-templates select="*">
      <xsl:with-param name="to" select="normalize-space(r:recipient/text())"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="r:recipient">
    <xsl:param name="to"/>
    <xsl:value-of select="concat('&quot;', ../@id, '&quot;,&quot;recipient&quot;,&quot;', $to, '&quot;,&quot;&quot;,&quot;&quot;,&quot;')"/>
    <xsl:if test="@lead">
      <xsl:value-of select="concat(@lead, ' ')"/>
    </xsl:if>
    <xsl:apply-templates mode="source"/>
    <xsl:text>","","Kind: recipient header"&#13;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:param name="to"/>
    <xsl:value-of select="concat('&quot;', @id, '&quot;,&quot;')"/>
    <xsl:choose>
      <xsl:when test="@date">dated-prose</xsl:when>
      <xsl:when test="@role">leadin</xsl:when>
      <xsl:otherwise>prose</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat('&quot;,&quot;', $to, '&quot;,&quot;&quot;,&quot;&quot;,&quot;')"/>
    <xsl:apply-templates mode="source"/>
    <xsl:text>","","Kind: </xsl:text>
    <xsl:choose>
      <xsl:when test="@date">date line</xsl:when>
      <xsl:when test="@role">lead-in</xsl:when>
      <xsl:otherwise>paragraph</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$to != ''">
      <xsl:value-of select="concat(' | Recipient: ', $to)"/>
    </xsl:if>
    <xsl:text>"&#13;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="r:item">
    <xsl:param name="to"/>
    <xsl:param name="kind" select="'item'"/>
    <xsl:param name="says" select="'recommendation'"/>
    <xsl:variable name="number" select="@marker[../@numbering != 'bullet']"/>
    <xsl:value-of select="concat('&quot;', @id, '&quot;,&quot;', $kind, '&quot;,&quot;', $to, '&quot;,&quot;', $number, '&quot;,&quot;&quot;,&quot;')"/>
    <xsl:apply-templates select="r:text/node()" mode="source"/>
    <xsl:value-of select="concat('&quot;,&quot;&quot;,&quot;Kind: ', $says)"/>
    <xsl:if test="$to != ''">
      <xsl:value-of select="concat(' | Recipient: ', $to)"/>
    </xsl:if>
    <xsl:if test="$number">
      <xsl:value-of select="concat(' | Number: ', $number)"/>
    </xsl:if>
    <xsl:text>"&#13;&#10;</xsl:text>
    <xsl:apply-templates select="r:item">
      <xsl:with-param name="to" select="$to"/>
      <xsl:with-param name="kind" select="'sub-item'"/>
      <xsl:with-param name="says" select="'part of a recommendation'"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="r:footnote">
    <xsl:value-of select="concat('&quot;', @id, '&quot;,&quot;footnote&quot;,&quot;&quot;,&quot;&quot;,&quot;&quot;,&quot;')"/>
    <xsl:apply-templates mode="source"/>
    <xsl:text>","","Kind: footnote"&#13;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="text()" mode="source">
    <xsl:choose>
      <xsl:when test="contains(., '&quot;')">
        <xsl:call-template name="quote">
          <xsl:with-param name="s" select="normalize-space()"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="normalize-space()"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="following-sibling::node() and contains(' &#9;&#10;&#13;', substring(., string-length()))">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:fnref" mode="source">
    <xsl:value-of select="concat('[', ., ']')"/>
  </xsl:template>

  <xsl:template name="quote">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="concat(substring-before($s, '&quot;'), '&quot;&quot;')"/>
        <xsl:call-template name="quote">
          <xsl:with-param name="s" select="substring-after($s, '&quot;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
