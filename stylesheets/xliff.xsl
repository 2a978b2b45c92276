<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  xliff.xsl - rec2xml XML to XLIFF 1.2, the package a translator's CAT tool
  (OmegaT, Trados, memoQ, Poedit through xliff2po, Weblate) opens.

  One trans-unit per translatable segment, in document order (segments.xsl:
  paragraphs by role, recipient headers with their words, items and
  sub-items, recommending States, footnotes). The trans-unit id is the
  segment's id, the same as in the CSV export (a recipient's is its group's
  id), so `rec2xml -\-translation FILE.xlf` puts every target back where it
  belongs; restype says the kind (x-item, x-recipient...). Footnote
  references are inline placeholders the translator moves but cannot break:
  <ph> whose content and equiv-text are the marker as written ([1]). Not
  <x/>: translate-toolkit's xliff2po drops an <x/> and the reference with
  it, while it keeps a <ph>'s content.

  Each unit says, in notes for the translator written in the document's
  language (l10n/*.xml), its kind, its recipient, its number as the page shows
  it and its recommending State(s). The notes are from="developer": that is
  what xliff2po turns into the PO entry's "#." comments (translator notes,
  from="translator", become "# " comments; any other from is dropped).

  Parameters (rec2xml -\-param NAME=VALUE):
    target-lang  the target-language attribute (rec2xml -\-target-lang sets
                 it); empty: left out
    original     the file's original attribute: rec2xml passes the input's
                 file name (each file of a batch its own); default
                 recommendations.xml (standard input)
    lang         the language of the notes, overriding the root's xml:lang
                 (l10n.xsl)
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:st="urn:rec2xml:segments.xsl:states"
    xmlns="urn:oasis:names:tc:xliff:document:1.2"
    exclude-result-prefixes="r st">

  <xsl:import href="l10n.xsl"/>
  <xsl:import href="segments.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="target-lang" select="''"/>
  <xsl:param name="original" select="'recommendations.xml'"/>

  <xsl:variable name="msg.lead.sep">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'lead.sep'"/></xsl:call-template>
  </xsl:variable>

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

  <!-- one segment: its id, its kind, its text ($content's, or for a State
       $words; after $lead for a recipient header), and the translator's
       context notes (segments.xsl). Every parameter is a string or a
       node-set: nothing per unit is built in a variable. -->
  <xsl:template name="unit">
    <xsl:param name="id"/>
    <xsl:param name="kind"/>
    <xsl:param name="content" select="."/>
    <xsl:param name="words" select="''"/>
    <xsl:param name="lead" select="''"/>
    <xsl:param name="recipient" select="''"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="by" select="''"/>
    <trans-unit id="{$id}" resname="{$id}" restype="x-{$kind}">
      <source>
        <xsl:if test="$lead != ''">
          <xsl:value-of select="concat($lead, $msg.lead.sep)"/>
        </xsl:if>
        <xsl:apply-templates select="$content/node()" mode="inline"/>
        <xsl:value-of select="$words"/>
      </source>
      <note from="developer" annotates="source">
        <xsl:call-template name="kind-note">
          <xsl:with-param name="kind" select="$kind"/>
        </xsl:call-template>
      </note>
      <xsl:if test="$recipient != '' and $kind != 'recipient'">
        <note from="developer" annotates="source">
          <xsl:value-of select="concat($note.recipient.before, $recipient, $note.recipient.after)"/>
        </note>
      </xsl:if>
      <xsl:if test="$number != ''">
        <note from="developer" annotates="source">
          <xsl:value-of select="concat($note.number.before, $number, $note.number.after)"/>
        </note>
      </xsl:if>
      <xsl:if test="$by != ''">
        <note from="developer" annotates="source">
          <xsl:value-of select="concat($note.by.before, $by, $note.by.after)"/>
        </note>
      </xsl:if>
    </trans-unit>
  </xsl:template>

  <!-- the header as the page shows it: its words, then the recipient -->
  <xsl:template match="r:recipient">
    <xsl:call-template name="unit">
      <xsl:with-param name="id" select="../@id"/>
      <xsl:with-param name="kind" select="'recipient'"/>
      <xsl:with-param name="lead" select="normalize-space(@lead)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind">
        <xsl:choose>
          <xsl:when test="@date">dated-prose</xsl:when>
          <xsl:when test="@role = 'heading' or @role = 'finding' or @role = 'leadin'">
            <xsl:value-of select="@role"/>
          </xsl:when>
          <xsl:otherwise>prose</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="number" select="normalize-space(@marker)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:item">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind">
        <xsl:choose>
          <xsl:when test="parent::r:item">sub-item</xsl:when>
          <xsl:otherwise>item</xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="content" select="r:text"/>
      <xsl:with-param name="number" select="normalize-space(@marker[../@numbering != 'bullet'])"/>
      <xsl:with-param name="by" select="normalize-space(@by)"/>
    </xsl:call-template>
    <xsl:if test="@by">
      <xsl:call-template name="first-states">
        <xsl:with-param name="recipient" select="$recipient"/>
      </xsl:call-template>
    </xsl:if>
    <!-- sub-items, and a note printed inside the item (at a page foot) -->
    <xsl:apply-templates select="r:item | r:footnote">
      <xsl:with-param name="recipient" select="$recipient"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- a recommending State (segments.xsl; the context is in its lookup tree) -->
  <xsl:template match="st:state" mode="state">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'state'"/>
      <xsl:with-param name="content" select="/.."/>
      <xsl:with-param name="words" select="string(@name)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:footnote">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="unit">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'footnote'"/>
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
