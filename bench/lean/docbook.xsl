<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!-- bench/lean/docbook.xsl: the floor's DocBook (see bench/floor.c): the
     bytes of stylesheets/docbook.xsl for the documents bench/gen.py writes,
     and no more than those need: English words, bullets and arabic,
     alphabetic and roman numbers, items grouped into lists by sibling
     recursion (gen.py's lists are short), a note defined at its first
     citation outside notes. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:r="urn:rec2xml:1.0"
    exclude-result-prefixes="r">

  <xsl:import href="title.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:key name="footnote" match="r:footnote" use="@id"/>
  <xsl:key name="body-cites" match="r:fnref[not(ancestor::r:footnote)]" use="@ref"/>

  <xsl:template match="/">
    <xsl:variable name="title">
      <xsl:call-template name="title"/>
    </xsl:variable>
    <article version="5.0" xml:lang="en">
      <info>
        <xsl:choose>
          <xsl:when test="$title-line">
            <title><xsl:apply-templates select="$title-line/node()"/></title>
          </xsl:when>
          <xsl:otherwise>
            <title><xsl:value-of select="$title"/></title>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="string-length(normalize-space($title-line)) &gt; 40 or (not($title-line) and string-length($title) &gt; 40)">
          <titleabbrev>Recommendations</titleabbrev>
        </xsl:if>
        <pubdate><xsl:value-of select="*/@date"/></pubdate>
      </info>
      <xsl:apply-templates select="*/*"/>
    </article>
  </xsl:template>

  <xsl:template match="r:group">
    <section><xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <title>
        <xsl:if test="r:recipient/@lead">
          <phrase role="lead"><xsl:value-of select="r:recipient/@lead"/></phrase>
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:apply-templates select="r:recipient/node()"/>
      </title>
      <xsl:apply-templates select="*[not(self::r:recipient)]"/>
    </section>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:if test="not(@id = $title-line/@id)">
      <para><xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
        <xsl:if test="@role">
          <xsl:attribute name="role"><xsl:value-of select="@role"/></xsl:attribute>
        </xsl:if>
        <xsl:apply-templates/>
      </para>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:prose[@date]">
    <para><xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute><date><xsl:apply-templates/></date></para>
  </xsl:template>

  <!-- every note of gen.py is cited: it stands at its first citation -->
  <xsl:template match="r:footnote"/>

  <!-- a run of items: the first one opens the list, the others follow it -->
  <xsl:template match="r:item">
    <xsl:if test="not(preceding-sibling::*[1][self::r:item])">
      <xsl:choose>
        <xsl:when test="@numbering = 'bullet'">
          <itemizedlist><xsl:apply-templates select="." mode="run"/></itemizedlist>
        </xsl:when>
        <xsl:otherwise>
          <orderedlist numeration="{@numbering}">
            <xsl:apply-templates select="." mode="run"/>
          </orderedlist>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:item" mode="run">
    <listitem><xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute>
      <para><xsl:apply-templates select="r:text/node()"/></para>
      <xsl:apply-templates select="r:item"/>
    </listitem>
    <xsl:apply-templates select="following-sibling::*[1][self::r:item]" mode="run"/>
  </xsl:template>

  <xsl:template match="r:fnref">
    <xsl:choose>
      <xsl:when test="generate-id() = generate-id(key('body-cites', @ref)[1])">
        <xsl:for-each select="key('footnote', @ref)">
          <footnote><xsl:attribute name="xml:id"><xsl:value-of select="@id"/></xsl:attribute><xsl:attribute name="label"><xsl:value-of select="@label"/></xsl:attribute>
            <para><xsl:apply-templates/></para>
          </footnote>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <footnoteref linkend="{@ref}"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
