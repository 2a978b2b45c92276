<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  segments.xsl: what csv.xsl and xliff.xsl both say about a translatable
  segment besides its text: its kind, its number, the translator's context
  notes, and the recommending States as segments of their own. Imported by
  both, after l10n.xsl (csv.xsl through common.xsl); never applied on its own.

  The segments, in document order (the same ids in CSV and XLIFF, and the
  ones src/translate.c puts translations back by):
    dated-prose | prose | heading | finding | leadin
                 a paragraph (by its role; the date line is dated-prose);
                 id: its id
    recipient    the recipient header AS THE PAGE SHOWS IT: its words and the
                 recipient ("To the Government of Cambodia [1]"), so that the
                 translator writes "Au gouvernement du Cambodge [1]"; id: the
                 group's id
    item, sub-item
                 an item's own text; id: its id
    state        a recommending State (item/@by, several separated by ";"),
                 once per document, right after the first item that names
                 it; id: that item's id + ".by" + its rank in the item's list
                 (g3.2.by1). The page shows the States (html.xsl), so they
                 are translated; the import puts each name's translation in
                 every by that names it.
    footnote     a note's text; id: its id

  What it provides
    note.*.before, note.*.after
                     the translator's context notes in the document's language
                     (l10n/*.xml: note.kind, note.recipient, note.number, by), cut
                     at their one placeholder, so that a note is
                     concat(before, value, after): looked up once per
                     transformation, no template call and no result-tree
                     fragment per segment (libxslt pays dearly for both on a
                     long document)
    kind-names       "|item=recommendation|...|": each kind's word, for
                     kind-name
    first-states     (context: an item with a by) applies templates in mode
                     'state' to each State this item names first (an st:state
                     element of a lookup tree: @id, @name; the context there),
                     with the param recipient passed on

  The kind of a segment is the importer's to say (a literal per template),
  and its number is select="@marker" of a prose, of an item that is not a
  bullet.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:st="urn:rec2xml:segments.xsl:states"
    xmlns:exsl="http://exslt.org/common"
    xmlns:str="http://exslt.org/strings"
    exclude-result-prefixes="r st exsl str">

  <!-- ============================================================ notes -->

  <xsl:variable name="msg.note.kind">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'note.kind'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="msg.note.recipient">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'note.recipient'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="msg.note.number">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'note.number'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="msg.note.by">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'by'"/></xsl:call-template>
  </xsl:variable>
  <xsl:variable name="note.kind.before" select="substring-before($msg.note.kind, '{kind}')"/>
  <xsl:variable name="note.kind.after" select="substring-after($msg.note.kind, '{kind}')"/>
  <xsl:variable name="note.recipient.before" select="substring-before($msg.note.recipient, '{recipient}')"/>
  <xsl:variable name="note.recipient.after" select="substring-after($msg.note.recipient, '{recipient}')"/>
  <xsl:variable name="note.number.before" select="substring-before($msg.note.number, '{number}')"/>
  <xsl:variable name="note.number.after" select="substring-after($msg.note.number, '{number}')"/>
  <xsl:variable name="note.by.before" select="substring-before($msg.note.by, '{states}')"/>
  <xsl:variable name="note.by.after" select="substring-after($msg.note.by, '{states}')"/>

  <xsl:variable name="kind-names">
    <xsl:for-each select="str:split('dated-prose prose heading finding leadin recipient item sub-item state footnote', ' ')">
      <xsl:value-of select="concat('|', ., '=')"/>
      <xsl:call-template name="gentext">
        <xsl:with-param name="key" select="concat('kind.', .)"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>|</xsl:text>
  </xsl:variable>
  <xsl:variable name="kinds" select="string($kind-names)"/>

  <!-- the note that says what a segment of kind $kind is -->
  <xsl:template name="kind-note">
    <xsl:param name="kind"/>
    <xsl:value-of select="concat($note.kind.before,
                                 substring-before(substring-after($kinds, concat('|', $kind, '=')), '|'),
                                 $note.kind.after)"/>
  </xsl:template>

  <!-- =========================================================== states -->

  <!--
    Every State named in a by, once per item and name, in document order:
    built once (one pass over the items that have a by), then asked with
    keys, as docbook.xsl does for first citations. A State's segment stands
    at the item that names it first.
  -->
  <xsl:variable name="states-tree">
    <xsl:for-each select="//r:item[@by]">
      <xsl:variable name="item" select="generate-id()"/>
      <xsl:variable name="id" select="@id"/>
      <xsl:for-each select="str:tokenize(@by, ';')[normalize-space() != '']">
        <st:state item="{$item}" id="{$id}.by{position()}" name="{normalize-space()}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="states" select="exsl:node-set($states-tree)"/>
  <xsl:key name="state-by-item" match="st:state" use="@item"/>
  <xsl:key name="state-by-name" match="st:state" use="@name"/>

  <xsl:template name="first-states">
    <xsl:param name="recipient" select="''"/>
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:for-each select="$states">
      <xsl:for-each select="key('state-by-item', $me)">
        <xsl:if test="generate-id() = generate-id(key('state-by-name', @name)[1])">
          <xsl:apply-templates select="." mode="state">
            <xsl:with-param name="recipient" select="$recipient"/>
          </xsl:apply-templates>
        </xsl:if>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>

</xsl:stylesheet>
