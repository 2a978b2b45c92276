<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  docbook.xsl: a rec2xml document as a DocBook 5.0 article.

  Parameters
    title               the article title (info/title). Default: the document's
                        title line, else its recipients in the catalogue's
                        phrase, else "Recommendations" (common.xsl,
                        document-title).
    lang                xml:lang of the article and language of its generated
                        words, overriding the root's xml:lang (l10n.xsl).
                        Default: the root's xml:lang, else "en".
    notes-title         title of the section that holds root-level text standing
                        after the first group (the report's end matter: notes no
                        one cites, page noise). Default: the catalogue's "Notes".
    no-recipient-title  section title for a group that has no recipient
                        (schema-invalid input). Default: the catalogue's
                        "(No recipient)".

  Language
    The article carries xml:lang, so DocBook XSL writes its own words (table
    of contents, "Note"...) in the document's language, and dir="rtl" for a
    right-to-left one. Every word this stylesheet writes comes from the
    message catalogue (l10n/*.xml).

  Mapping
    recommendations  article version="5.0", info (title, pubdate when dated)
    group            section xml:id=group id, title = the recipient's header:
                     its words (phrase role="lead") and the recipient
    prose            para xml:id=prose id (a date line as para/date)
    item runs        itemizedlist (bullets) or orderedlist numeration=arabic|
                     loweralpha|upperalpha|lowerroman|upperroman, startingnumber
                     when a numbered list resumes after prose ("3."); any other
                     numbering (UPR decimal "110.1", other scripts' numbers),
                     which DocBook cannot count, a variablelist whose terms
                     are the markers as written
    item             listitem xml:id=item id, its text as para, its
                     recommending State(s) as para role="by", sub-item lists
    prose roles      heading: bridgehead; finding, leadin: para role=...; a
                     paragraph number (marker) stays at the start of its text
    page             nothing (page furniture is not the report's text)
    prose role=contents  nothing (a printed table of contents: DocBook XSL
                     prints its own)
    long title       info/titleabbrev, the catalogue's title, for the running
                     heads of the printed pages (a long title there would
                     wrap into the text)
    title line       the document's title line is info/title, not repeated
    footnote         footnote xml:id=fnN label=N (with a para) at the FIRST
                     citation in document order outside any footnote, and
                     footnoteref linkend=fnN at every later one

  Footnote placement
    * A footnote in a section title is allowed by the DocBook 5.0 schema (title
      holds db.all.inlines, which include footnote; no Schematron rule of
      docbook.rng forbids it), and the DocBook XSL stylesheets number it and
      keep it out of the table of contents. So when a recipient header cites a
      note first ("To the Government of Cambodia [1]"), the footnote goes into
      the section title, where the citation stood.
    * DocBook forbids a footnote inside a footnote, so citations inside a note
      never define one: they become footnoteref when the cited note is defined
      at a citation elsewhere, and link (to the note rendered as a para where it
      stood) when the note is cited only from inside other notes.
    * A note no one cites outside notes is not lost: it is a para with its
      xml:id where it stood (in its group's section, before the first section,
      or in the closing notes section).
    * "First citation" is found with key('body-cites') and generate-id(), one
      key look-up per citation; nothing counts preceding nodes.

  DocBook structure rules kept: article content is blocks then sections and
  nothing after them, so root-level text standing after the first group is
  gathered in a closing section (notes-title) at its place; a section needs a
  title and some content (an empty para when a group renders nothing else).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="http://docbook.org/ns/docbook"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:exsl="http://exslt.org/common"
    xmlns:lookup="urn:rec2xml:docbook.xsl:lookup"
    exclude-result-prefixes="r exsl lookup">

  <xsl:import href="common.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="title" select="''"/>
  <xsl:param name="notes-title" select="''"/>
  <xsl:param name="no-recipient-title" select="''"/>

  <!-- the title line stands as the title only when no title is given -->
  <xsl:variable name="title-line" select="$title-prose[normalize-space($title) = '']"/>

  <xsl:variable name="msg.by">
    <xsl:call-template name="gentext"><xsl:with-param name="key" select="'by'"/></xsl:call-template>
  </xsl:variable>

  <!-- Citations that may define a footnote: those not inside a footnote. -->
  <xsl:key name="body-cites" match="r:fnref[not(ancestor::r:footnote)]" use="@ref"/>

  <!--
    Which citation defines each footnote. The obvious test at every citation,
    generate-id(.) = generate-id(key('body-cites', @ref)[1]), costs one copy of
    the note's whole citation list per citation (libxslt's key() copies its
    node-set), so a note cited 100 000 times takes hours. Instead one small
    tree, built once by one key look-up per footnote, lists the generate-id()
    of every first citation (and the note it defines); a citation then asks
    key('first-cite') and key('defined-note') in O(1).
  -->
  <xsl:variable name="first-cites-tree">
    <xsl:for-each select="//r:footnote">
      <xsl:for-each select="key('body-cites', @id)[1]">
        <lookup:first id="{generate-id()}" ref="{@ref}"/>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:variable>
  <xsl:variable name="first-cites" select="exsl:node-set($first-cites-tree)"/>
  <xsl:key name="first-cite" match="lookup:first" use="@id"/>
  <xsl:key name="defined-note" match="lookup:first" use="@ref"/>

  <!-- ========================================================= article -->

  <xsl:template match="/">
    <xsl:variable name="title-text">
      <xsl:choose>
        <xsl:when test="normalize-space($title) != ''"><xsl:value-of select="$title"/></xsl:when>
        <xsl:when test="$title-line"><xsl:value-of select="$title-line"/></xsl:when>
        <xsl:otherwise><xsl:call-template name="document-title"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <article version="5.0" xml:lang="{$l10n.tag}">
      <xsl:if test="$l10n.dir = 'rtl'">
        <xsl:attribute name="dir">rtl</xsl:attribute>
      </xsl:if>
      <info>
        <title>
          <xsl:choose>
            <xsl:when test="normalize-space($title) != ''">
              <xsl:value-of select="normalize-space($title)"/>
            </xsl:when>
            <xsl:when test="$title-line">
              <xsl:for-each select="$title-line">
                <xsl:call-template name="marker"/>
                <xsl:apply-templates/>
              </xsl:for-each>
            </xsl:when>
            <xsl:otherwise>
              <!-- worked out once, above -->
              <xsl:copy-of select="$title-text"/>
            </xsl:otherwise>
          </xsl:choose>
        </title>
        <xsl:if test="string-length(normalize-space($title-text)) &gt; 40">
          <titleabbrev>
            <xsl:call-template name="gentext"><xsl:with-param name="key" select="'title'"/></xsl:call-template>
          </titleabbrev>
        </xsl:if>
        <xsl:if test="normalize-space(/*/@date) != ''">
          <pubdate><xsl:value-of select="normalize-space(/*/@date)"/></pubdate>
        </xsl:if>
      </info>
      <!-- Root content, cut at the groups: each group is a section, the text
           between them is rendered by 'run' with kind 'part'. -->
      <xsl:call-template name="split-runs">
        <xsl:with-param name="nodes" select="/*/*"/>
        <xsl:with-param name="breaks" select="/*/r:group"/>
        <xsl:with-param name="kind" select="'part'"/>
      </xsl:call-template>
      <xsl:if test="not(/*/r:group) and not(/*/*[self::r:prose[generate-id() != generate-id($title-line)]
                    or self::r:item or self::r:recipient
                    or (self::r:footnote and not(key('body-cites', @id)))])">
        <para/>
      </xsl:if>
    </article>
  </xsl:template>

  <xsl:template name="run">
    <xsl:param name="nodes" select="/.."/>
    <xsl:param name="kind"/>
    <xsl:choose>
      <!-- Root text before the first group: blocks of the article. (A
           literal [1] right after the step stops at the nearest group.) -->
      <xsl:when test="$kind = 'part' and not($nodes[1]/preceding-sibling::r:group[1])">
        <xsl:call-template name="split-runs">
          <xsl:with-param name="nodes" select="$nodes"/>
        </xsl:call-template>
      </xsl:when>
      <!-- Root text after a group: DocBook allows no blocks after a section. -->
      <xsl:when test="$kind = 'part'">
        <xsl:if test="$nodes[self::r:prose or self::r:item or self::r:recipient
                      or (self::r:footnote and not(key('body-cites', @id)))]">
          <section>
            <title>
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
            </title>
            <xsl:call-template name="split-runs">
              <xsl:with-param name="nodes" select="$nodes"/>
            </xsl:call-template>
          </section>
        </xsl:if>
      </xsl:when>
      <!-- A run of consecutive items: one list. -->
      <xsl:otherwise>
        <xsl:variable name="first" select="$nodes[1]"/>
        <xsl:choose>
          <xsl:when test="not($first/@numbering) or $first/@numbering = 'bullet'">
            <itemizedlist>
              <xsl:apply-templates select="$nodes"/>
            </itemizedlist>
          </xsl:when>
          <!-- paragraphs read as items: a list with no mark -->
          <xsl:when test="$first/@numbering = 'none'">
            <itemizedlist mark="none">
              <xsl:apply-templates select="$nodes"/>
            </itemizedlist>
          </xsl:when>
          <xsl:when test="not(contains(';arabic;loweralpha;upperalpha;lowerroman;upperroman;',
                                       concat(';', $first/@numbering, ';')))">
            <!-- numbers DocBook cannot count (110.1, а), 一、): the markers
                 as written label the entries -->
            <variablelist>
              <xsl:apply-templates select="$nodes" mode="labelled"/>
            </variablelist>
          </xsl:when>
          <xsl:otherwise>
            <orderedlist numeration="{$first/@numbering}">
              <xsl:for-each select="$first">
                <xsl:call-template name="start-attribute">
                  <xsl:with-param name="name" select="'startingnumber'"/>
                </xsl:call-template>
              </xsl:for-each>
              <xsl:apply-templates select="$nodes"/>
            </orderedlist>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================== blocks -->

  <xsl:template match="r:group">
    <xsl:variable name="recipient" select="r:recipient[1]"/>
    <xsl:variable name="body" select="*[not(self::r:recipient)] | r:recipient[position() &gt; 1]"/>
    <section>
      <xsl:call-template name="xml-id"/>
      <title>
        <xsl:choose>
          <xsl:when test="normalize-space($recipient) != ''">
            <!-- the header as the page shows it: its words, then the recipient -->
            <xsl:if test="normalize-space($recipient/@lead) != ''">
              <phrase role="lead"><xsl:value-of select="normalize-space($recipient/@lead)"/></phrase>
              <xsl:value-of select="$msg.lead.sep"/>
            </xsl:if>
            <xsl:apply-templates select="$recipient/node()"/>
          </xsl:when>
          <xsl:when test="normalize-space($no-recipient-title) != ''">
            <xsl:value-of select="normalize-space($no-recipient-title)"/>
            <xsl:apply-templates select="$recipient/r:fnref"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="gentext">
              <xsl:with-param name="key" select="'no-recipient'"/>
            </xsl:call-template>
            <!-- an empty recipient's footnote references still count -->
            <xsl:apply-templates select="$recipient/r:fnref"/>
          </xsl:otherwise>
        </xsl:choose>
      </title>
      <xsl:call-template name="split-runs">
        <xsl:with-param name="nodes" select="$body"/>
      </xsl:call-template>
      <xsl:if test="not($body[self::r:prose or self::r:item or self::r:recipient
                    or (self::r:footnote and not(key('body-cites', @id)))])">
        <para/>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- A recipient that is not its group's title (schema-invalid). -->
  <xsl:template match="r:recipient">
    <para role="recipient">
      <xsl:value-of select="normalize-space(@lead)"/>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </para>
  </xsl:template>

  <!-- A table of contents read from a printed report is its apparatus,
       like page furniture: DocBook XSL prints its own makes its own. -->
  <xsl:template match="r:prose[@role = 'contents']"/>

  <xsl:template match="r:prose">
    <!-- the title line is the article's title -->
    <xsl:if test="generate-id() != generate-id($title-line)">
      <xsl:call-template name="prose"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="prose">
    <xsl:choose>
      <xsl:when test="@role = 'heading'">
        <bridgehead>
          <xsl:call-template name="xml-id"/>
          <xsl:call-template name="marker"/>
          <xsl:apply-templates/>
        </bridgehead>
      </xsl:when>
      <xsl:otherwise>
        <para>
          <xsl:call-template name="xml-id"/>
          <xsl:if test="@role = 'finding' or @role = 'leadin'">
            <xsl:attribute name="role"><xsl:value-of select="@role"/></xsl:attribute>
          </xsl:if>
          <xsl:choose>
            <xsl:when test="normalize-space(@date) != '' and not(*)">
              <date><xsl:apply-templates/></date>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="marker"/>
              <xsl:apply-templates/>
            </xsl:otherwise>
          </xsl:choose>
        </para>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph in a group: never the title line (which stands before
       the first group); a plain one (no date, number or heading role) is
       written directly. -->
  <xsl:template match="r:group/r:prose" priority="0.25">
    <xsl:choose>
      <xsl:when test="@role = 'heading' or @marker or normalize-space(@date) != ''">
        <xsl:call-template name="prose"/>
      </xsl:when>
      <xsl:when test="@role = 'finding' or @role = 'leadin'">
        <para>
          <xsl:call-template name="xml-id"/>
          <xsl:attribute name="role"><xsl:value-of select="@role"/></xsl:attribute>
          <xsl:apply-templates/>
        </para>
      </xsl:when>
      <xsl:otherwise>
        <para>
          <xsl:call-template name="xml-id"/>
          <xsl:apply-templates/>
        </para>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A paragraph's number as written ("14.", "D."), at its start. -->
  <xsl:template name="marker">
    <xsl:if test="normalize-space(@marker) != ''">
      <phrase role="marker"><xsl:value-of select="normalize-space(@marker)"/></phrase>
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:item">
    <listitem>
      <xsl:call-template name="xml-id"/>
      <xsl:call-template name="item-body"/>
    </listitem>
  </xsl:template>

  <!-- An item of a variablelist: its marker as the term. -->
  <xsl:template match="r:item" mode="labelled">
    <varlistentry>
      <term><xsl:value-of select="normalize-space(@marker)"/></term>
      <listitem>
        <xsl:call-template name="xml-id"/>
        <xsl:call-template name="item-body"/>
      </listitem>
    </varlistentry>
  </xsl:template>

  <xsl:template name="item-body">
    <para><xsl:apply-templates select="r:text/node()"/></para>
    <xsl:if test="@by or *[not(self::r:text)]">
      <xsl:if test="normalize-space(@by) != ''">
        <para role="by">
          <xsl:call-template name="gentext.format">
            <xsl:with-param name="msg" select="$msg.by"/>
            <xsl:with-param name="name1" select="'states'"/>
            <xsl:with-param name="value1" select="normalize-space(@by)"/>
          </xsl:call-template>
        </para>
      </xsl:if>
      <xsl:choose>
        <!-- sub-items (and pages) only: one run, nothing to cut at -->
        <xsl:when test="r:item and not(*[not(self::r:text or self::r:item or self::r:page)])">
          <xsl:call-template name="run">
            <xsl:with-param name="nodes" select="r:item"/>
            <xsl:with-param name="kind" select="'list'"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="*[not(self::r:text)]">
          <xsl:call-template name="split-runs">
            <xsl:with-param name="nodes" select="*[not(self::r:text)]"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:template>

  <!-- A footnote where it stood: nothing when a citation defines it,
       otherwise a para so that it is not lost. -->
  <xsl:template match="r:footnote">
    <xsl:if test="not(key('body-cites', @id))">
      <para role="footnote">
        <xsl:call-template name="xml-id"/>
        <phrase role="label">
          <xsl:text>[</xsl:text>
          <xsl:value-of select="@label"/>
          <xsl:text>]</xsl:text>
        </phrase>
        <xsl:text> </xsl:text>
        <xsl:apply-templates/>
      </para>
    </xsl:if>
  </xsl:template>

  <!-- ========================================================= inlines -->

  <xsl:template match="r:fnref">
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:variable name="ref" select="string(@ref)"/>
    <xsl:variable name="citation" select="."/>
    <xsl:variable name="note" select="key('footnote', @ref)[1]"/>
    <xsl:choose>
      <xsl:when test="not($note)">
        <!-- a reference to a note that does not exist (schema-invalid) -->
        <superscript><xsl:value-of select="normalize-space(.)"/></superscript>
      </xsl:when>
      <xsl:otherwise>
        <!-- key() looks in the document of the context node: step into the
             lookup tree to ask, and back to the citation to write. -->
        <xsl:for-each select="$first-cites">
          <xsl:choose>
            <xsl:when test="key('first-cite', $me)">
              <!-- the first citation outside notes: the footnote itself -->
              <xsl:for-each select="$note">
                <footnote>
                  <xsl:call-template name="xml-id"/>
                  <!-- label is an NMTOKEN: a digit label is one, a symbol
                       label (*, †) is not and is left to DocBook's numbering -->
                  <xsl:if test="normalize-space(@label) != ''
                                and translate(normalize-space(@label), '0123456789', '') = ''">
                    <xsl:attribute name="label"><xsl:value-of select="normalize-space(@label)"/></xsl:attribute>
                  </xsl:if>
                  <para><xsl:apply-templates/></para>
                </footnote>
              </xsl:for-each>
            </xsl:when>
            <xsl:when test="key('defined-note', $ref)">
              <!-- a later citation of a note defined at its first one -->
              <footnoteref linkend="{$ref}"/>
            </xsl:when>
            <xsl:otherwise>
              <!-- the note is cited only from inside notes: it stands as a
                   para (see r:footnote), and this is a link to it -->
              <link linkend="{$ref}">
                <superscript><xsl:value-of select="normalize-space($citation)"/></superscript>
              </link>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================= helpers -->

  <!-- xml:id from @id when it can be an NCName (a letter or _ first, no
       space or colon), as the converter's ids always are. -->
  <xsl:template name="xml-id">
    <xsl:variable name="id" select="normalize-space(@id)"/>
    <xsl:if test="$id != '' and not(contains($id, ' ')) and not(contains($id, ':'))
                  and contains('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_', substring($id, 1, 1))">
      <xsl:attribute name="xml:id"><xsl:value-of select="$id"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
