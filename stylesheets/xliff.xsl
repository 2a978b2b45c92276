<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  xliff.xsl - rec2xml XML to XLIFF 1.2, the package a translator's CAT tool
  (OmegaT, Trados, memoQ, Poedit through xliff2po, Weblate) opens.

  One trans-unit per translatable segment, in document order: the date line
  and other prose, each recipient, each item and sub-item, each footnote.
  The trans-unit id is the segment's id, the same as in the CSV export (a
  recipient's is its group's id), so `rec2xml -\-translation FILE.xlf` puts
  every target back where it belongs. Footnote references are inline
  placeholders the translator moves but cannot break: <ph> whose content
  and equiv-text are the marker as written ([1]). Not <x/>: translate-
  toolkit's xliff2po drops an <x/> and the reference with it, while it
  keeps a <ph>'s content. The recipient a segment belongs to is a note,
  for context.

  Parameters (rec2xml -\-param NAME=VALUE):
    target-lang  the target-language attribute (rec2xml -\-target-lang sets
                 it); empty: left out
    original     the file's original attribute (default: recommendations.xml)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns="urn:oasis:names:tc:xliff:document:1.2"
    exclude-result-prefixes="r">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="target-lang" select="''"/>
  <xsl:param name="original" select="'recommendations.xml'"/>

  <xsl:template match="/r:recommendations">
    <xliff version="1.2">
      <file original="{$original}" datatype="plaintext" source-language="{@xml:lang}">
        <xsl:if test="string($target-lang)">
          <xsl:attribute name="target-language">
            <xsl:value-of select="$target-lang"/>
          </xsl:attribute>
        </xsl:if>
        <header>
          <tool tool-id="rec2xml" tool-name="rec2xml"/>
        </header>
        <body>
          <!-- select="*", not a union: libxml2 merges a union's node-sets
               with a linear search per node (quadratic on a long list) -->
          <xsl:apply-templates select="*"/>
        </body>
      </file>
    </xliff>
  </xsl:template>

  <!-- trans-units stand flat in the body: the npm xliff reader (and other
       simple tools) do not look into <group> -->
  <!-- the recipient's words, computed once per group and handed down:
       looking them up from each item would scan the group per item -->
  <xsl:template match="r:group">
    <xsl:apply-templates select="*">
      <xsl:with-param name="recipient" select="normalize-space(*[1][self::r:recipient]/text())"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- anything else (schema-invalid) is not a segment -->
  <xsl:template match="*" priority="-1"/>

  <!-- one segment: its id, what it is, its text, the recipient as context -->
  <xsl:template name="unit">
    <xsl:param name="id"/>
    <xsl:param name="kind"/>
    <xsl:param name="content"/>
    <xsl:param name="recipient" select="''"/>
    <trans-unit id="{$id}" resname="{$id}" restype="x-{$kind}">
      <source>
        <xsl:apply-templates select="$content/node()" mode="inline"/>
      </source>
      <xsl:if test="$recipient != '' and $kind != 'recipient'">
        <note from="rec2xml" annotates="source">
          <xsl:text>Recipient: </xsl:text>
          <xsl:value-of select="$recipient"/>
        </note>
      </xsl:if>
    </trans-unit>
  </xsl:template>

  <xsl:template match="r:recipient">
    <xsl:call-template name="unit">
      <xsl:with-param name="id" select="../@id"/>
      <xsl:with-param name="kind" select="'recipient'"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'prose'"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:item">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'item'"/>
      <xsl:with-param name="content" select="r:text"/>
    </xsl:call-template>
    <xsl:apply-templates select="r:item">
      <xsl:with-param name="recipient" select="$recipient"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="r:footnote">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'footnote'"/>
      <xsl:with-param name="content" select="."/>
    </xsl:call-template>
  </xsl:template>

  <!-- Text with its spaces normalised as XPath normalize-space() does over
       the whole segment (a marker counts as a word): the same source as the
       CSV, placeholders aside. -->
  <xsl:template match="text()" mode="inline">
    <xsl:variable name="core" select="normalize-space(.)"/>
    <xsl:variable name="lead" select="translate(substring(., 1, 1), '&#9;&#10;&#13;', '   ') = ' '"/>
    <xsl:variable name="trail"
        select="translate(substring(., string-length(.)), '&#9;&#10;&#13;', '   ') = ' '"/>
    <xsl:if test="$lead and preceding-sibling::node() and ($core or following-sibling::node())">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:value-of select="$core"/>
    <xsl:if test="$core and $trail and following-sibling::node()">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:fnref" mode="inline">
    <!-- unique within the segment without counting earlier siblings -->
    <ph id="{position()}" ctype="x-fnref" equiv-text="[{.}]">
      <xsl:value-of select="concat('[', ., ']')"/>
    </ph>
  </xsl:template>

</xsl:stylesheet>
