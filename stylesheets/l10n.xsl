<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  l10n.xsl: the words the rec2xml stylesheets write, in the document's
  language, from the message catalogue l10n/*.xml (l10n/en.xml says what
  each message is for and how a language is added).

  Imported by common.xsl (so by html.xsl, docbook.xsl, csv.xsl) and by
  xliff.xsl; never applied on its own.

  Parameters
    lang     the language of the generated text, overriding the root's
             xml:lang (html.xsl also writes it as the page's lang).
             Default: the root's xml:lang, else "en".

  What it provides
    l10n.tag        the language tag in use ("fr-CA")
    l10n.lang       its primary subtag, lower case ("fr"): the catalogue's key
    l10n.dir        'rtl' or 'ltr', from the script subtag or the language
    l10n.upper, l10n.lower
                    the capital and small letters of the Latin, Greek and
                    Cyrillic alphabets that translate() can map one to one
                    (a lead "To the", "À la", "TO THE" in running text)
    gentext         (param key) writes the message in the document's language,
                    or in English when the catalogue lacks it there
    gentext.format  (params key or msg, name1/value1, name2/value2) the same,
                    each {name} placeholder replaced by its value (copied: a
                    value may be a result-tree fragment)

  How lookups stay cheap: the language is worked out once, in global
  variables; a transformation parses two small files, English and the
  document's language (one file per language, as DocBook XSL has: a single
  file of every language cost a small document's HTML twice the
  instructions of the transformation itself); a message is found with one
  xsl:key look-up in its file; messages wanted per node (a back-link per
  citation, a note per segment) are looked up once into a global variable
  by the stylesheet that uses them, and filled in with gentext.format's msg
  parameter.

  document('l10n/en.xml') is relative to this stylesheet, and the language
  file relative to en.xml, which lists them: inside rec2xml they are
  rec2xml:/stylesheets/l10n/*.xml, built into the binary (the only
  resources a stylesheet may read); with xsltproc on the source tree or the
  installed stylesheets, the files beside this one.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:l="urn:rec2xml:l10n"
    exclude-result-prefixes="l">

  <xsl:param name="lang" select="''"/>

  <xsl:key name="l10n" match="l:msg" use="@key"/>

  <xsl:variable name="l10n.upper"
      select="'ABCDEFGHIJKLMNOPQRSTUVWXYZÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞŒŸАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ'"/>
  <xsl:variable name="l10n.lower"
      select="'abcdefghijklmnopqrstuvwxyzàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþœÿабвгдеёжзийклмнопрстуфхцчшщъыьэюя'"/>

  <xsl:variable name="l10n.tag">
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

  <!-- "zh-Hant-TW" -> "zh-hant-tw"; gettext's "pt_BR" -> "pt-br" -->
  <xsl:variable name="l10n.subtags"
      select="concat(translate($l10n.tag, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ_', 'abcdefghijklmnopqrstuvwxyz-'), '-')"/>
  <xsl:variable name="l10n.lang" select="substring-before($l10n.subtags, '-')"/>
  <!-- the second subtag when it is a script (four letters): "hant" -->
  <xsl:variable name="l10n.script"
      select="substring-before(substring-after($l10n.subtags, '-'), '-')"/>

  <!-- English (and the list of languages), and the document's language's
       file when the catalogue has one (document() of no node loads nothing;
       of the file attribute, the file beside en.xml) -->
  <xsl:variable name="l10n.en" select="document('l10n/en.xml')"/>
  <xsl:variable name="l10n.language" select="$l10n.en/l:l10n/l:languages/l:language[@code = $l10n.lang]"/>
  <xsl:variable name="l10n.own" select="document($l10n.language/@file)"/>

  <xsl:variable name="l10n.dir">
    <xsl:variable name="scripts" select="concat(' ', normalize-space($l10n.en/l:l10n/l:scripts[@dir = 'rtl']), ' ')"/>
    <xsl:choose>
      <xsl:when test="string-length($l10n.script) = 4">
        <xsl:choose>
          <xsl:when test="contains($scripts, concat(' ', $l10n.script, ' '))">rtl</xsl:when>
          <xsl:otherwise>ltr</xsl:otherwise>
        </xsl:choose>
      </xsl:when>
      <xsl:when test="$l10n.language/@dir = 'rtl'">rtl</xsl:when>
      <xsl:otherwise>ltr</xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <!-- gentext: the message $key, in the document's language or English. -->
  <xsl:template name="gentext">
    <xsl:param name="key"/>
    <xsl:choose>
      <xsl:when test="$l10n.own">
        <xsl:for-each select="$l10n.own">
          <xsl:choose>
            <xsl:when test="key('l10n', $key)">
              <xsl:value-of select="key('l10n', $key)[1]"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="l10n.english">
                <xsl:with-param name="key" select="$key"/>
              </xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="l10n.english">
          <xsl:with-param name="key" select="$key"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="l10n.english">
    <xsl:param name="key"/>
    <xsl:for-each select="$l10n.en">
      <xsl:choose>
        <xsl:when test="key('l10n', $key)">
          <xsl:value-of select="key('l10n', $key)[1]"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:message>the message catalogue has no message '<xsl:value-of select="$key"/>'</xsl:message>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <!--
    gentext.format: the message $key (or the message text $msg, looked up
    before by the caller) with {name1} replaced by value1 and {name2} by
    value2, wherever the translation put them.
  -->
  <xsl:template name="gentext.format">
    <xsl:param name="key" select="''"/>
    <xsl:param name="msg">
      <xsl:call-template name="gentext">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
    </xsl:param>
    <xsl:param name="name1" select="''"/>
    <xsl:param name="value1" select="''"/>
    <xsl:param name="name2" select="''"/>
    <xsl:param name="value2" select="''"/>
    <xsl:call-template name="l10n.fill">
      <xsl:with-param name="s" select="string($msg)"/>
      <xsl:with-param name="name1" select="$name1"/>
      <xsl:with-param name="value1" select="$value1"/>
      <xsl:with-param name="name2" select="$name2"/>
      <xsl:with-param name="value2" select="$value2"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="l10n.fill">
    <xsl:param name="s"/>
    <xsl:param name="name1"/>
    <xsl:param name="value1"/>
    <xsl:param name="name2"/>
    <xsl:param name="value2"/>
    <xsl:variable name="name" select="substring-before(substring-after($s, '{'), '}')"/>
    <xsl:choose>
      <xsl:when test="contains($s, '{') and $name != '' and ($name = $name1 or $name = $name2)">
        <xsl:value-of select="substring-before($s, '{')"/>
        <xsl:choose>
          <xsl:when test="$name = $name1"><xsl:copy-of select="$value1"/></xsl:when>
          <xsl:otherwise><xsl:copy-of select="$value2"/></xsl:otherwise>
        </xsl:choose>
        <xsl:call-template name="l10n.fill">
          <xsl:with-param name="s" select="substring-after(substring-after($s, '{'), '}')"/>
          <xsl:with-param name="name1" select="$name1"/>
          <xsl:with-param name="value1" select="$value1"/>
          <xsl:with-param name="name2" select="$name2"/>
          <xsl:with-param name="value2" select="$value2"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <!-- no (known) placeholder left: the rest as written -->
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
