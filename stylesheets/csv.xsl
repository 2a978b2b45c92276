<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  csv.xsl: the translatable segments of a rec2xml document as RFC 4180 CSV,
  one row per segment, for translators and for translate-toolkit's csv2po.

  Parameters
    bom   '1' writes the UTF-8 byte order mark (U+FEFF) first, for spreadsheet
          programs that need it to read UTF-8. Default '0'.

  Layout
    UTF-8, CRLF after every row (the last one too), every field in double quotes,
    a double quote inside a field doubled. A header row, then one row per
    segment in document order (segments.xsl: paragraphs by role, recipient
    headers, items, sub-items, recommending States, footnotes). Columns:

      location   the segment's stable id: the element's id (p1, g1.2.1, fn3);
                 for a recipient, its group's id (g1); for a State, the id of
                 the item that names it first + ".by1"
      kind       dated-prose | prose | heading | finding | leadin | recipient |
                 item | sub-item | state | footnote
      recipient  context for the translator: the whitespace-normalised words of
                 the recipient of the group the segment stands in (no footnote
                 markers); empty outside any group
      number     the item's or paragraph's number as the page shows it (its
                 marker: "110.1", "(a)"; nothing for a bullet)
      by         the item's recommending State(s), as the document gives them
      source     the segment's text as the page shows it, whitespace
                 normalised, footnote references shown as [1]; a recipient
                 header with its words: "To the Government of Cambodia [1]"
      target     empty, for the translation
      developer_comments
                 the same context in sentences of the document's language
                 ("Kind: recommendation | Recipient: ... | Number: 2.")

    Why these header names: csv2po (translate-toolkit) recognises its columns
    by name. "source" and "target" are its own; "location" becomes the PO
    entry's "#:" reference, and csv2po's default duplicate style (msgctxt) turns
    the location of every unit whose source is repeated into its msgctxt. So two
    items with the same words under different recipients stay two PO entries,
    each tied to its id. csv2po (translate-toolkit 3.8) keeps nothing else: its
    convertunit copies location, source and target, and drops even the
    columns its own CSV reader knows ("context", "developer_comments"). So
    "kind", "recipient", "number" and "by" are there for people, and
    "developer_comments" for the tools built on translate-toolkit's CSV
    reader (Weblate, Pootle, pogrep...), which show it as the developer's
    comment; a PO file with the context as "#." comments comes from the
    XLIFF export through xliff2po.

    A cell that a spreadsheet would evaluate as a formula (one that starts
    with = + - @, a tab or a CR: =HYPERLINK(...) becomes a live link in Calc
    or Excel) starts with an apostrophe, as OWASP recommends against CSV
    injection; so does a cell made of apostrophes and then one of those, so
    that rec2xml's import takes exactly one apostrophe off (template 'guard').

    A segment whose text is empty (possible only in schema-invalid input) has
    nothing to translate and gets no row: a PO entry with an empty msgid would
    be taken for the PO header.

  What a row costs. libxslt spends some 3,000 instructions on every XPath
  expression it evaluates (a test, a value-of, a parameter), whatever the
  expression does, and much less on the work inside one. So a plain row (an
  item or a paragraph of one text node, with an id as rec2xml writes them,
  no double quote and no cell that needs the guard) is tested once and
  written with one value-of: its fast path. Every other row goes through the
  template 'row', which handles all of them; the fast path writes the same
  bytes as 'row' would. What is the same for every row of a group (the
  recipient's cell and note, the kind's note) is worked out once per group
  and handed down as parameters. No row is built in a variable (result-tree
  fragments are slow in libxslt), and quotes are doubled by the recursive
  template 'quote', called only for text that holds one.

  A conditional piece of a concat() is written substring(S, 1 div C): S when
  the boolean C is true (1 div 1), nothing when it is false (1 div 0 is
  Infinity, and a substring from Infinity is empty).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    xmlns:st="urn:rec2xml:segments.xsl:states"
    exclude-result-prefixes="r st">

  <xsl:import href="common.xsl"/>
  <xsl:import href="segments.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="bom" select="'0'"/>

  <xsl:variable name="CRLF" select="'&#13;&#10;'"/>
  <!-- between the sentences of developer_comments: a CSV field is one line -->
  <xsl:variable name="note-sep" select="' | '"/>

  <xsl:variable name="APOS">'</xsl:variable>
  <xsl:variable name="EVALUATED" select="'=+-@&#9;&#13;'"/>
  <!-- the first characters that call for a closer look (guard); with
       blanks, for a cell whose words start after them -->
  <xsl:variable name="LEADS" select="concat($APOS, $EVALUATED)"/>
  <xsl:variable name="LEADS_WS" select="concat($LEADS, ' &#10;')"/>

  <xsl:template match="/">
    <xsl:if test="$bom = '1'">
      <xsl:text>&#xFEFF;</xsl:text>
    </xsl:if>
    <xsl:text>"location","kind","recipient","number","by","source","target","developer_comments"</xsl:text>
    <xsl:value-of select="$CRLF"/>
    <!-- outside any group: no recipient -->
    <xsl:apply-templates select="*/*">
      <xsl:with-param name="recipient" select="''"/>
      <xsl:with-param name="recipient-cell" select="''"/>
      <xsl:with-param name="recipient-note" select="''"/>
      <xsl:with-param name="head" select="concat('&quot;,&quot;', 'item', '&quot;,&quot;&quot;,&quot;')"/>
      <xsl:with-param name="tail" select="concat('&quot;,&quot;&quot;,&quot;', $item-note)"/>
      <xsl:with-param name="sub-head" select="concat('&quot;,&quot;', 'sub-item', '&quot;,&quot;&quot;,&quot;')"/>
      <xsl:with-param name="sub-tail" select="concat('&quot;,&quot;&quot;,&quot;', $sub-item-note)"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- the kind notes of items and sub-items, and the number note's start,
       for the fast paths -->
  <xsl:variable name="item-note"
      select="concat($note.kind.before, substring-before(substring-after($kinds, concat('|', 'item', '=')), '|'), $note.kind.after)"/>
  <xsl:variable name="sub-item-note"
      select="concat($note.kind.before, substring-before(substring-after($kinds, concat('|', 'sub-item', '=')), '|'), $note.kind.after)"/>
  <xsl:variable name="number-note" select="concat($note-sep, $note.number.before)"/>
  <xsl:variable name="prose-note"
      select="concat($note.kind.before, substring-before(substring-after($kinds, concat('|', 'prose', '=')), '|'), $note.kind.after)"/>
  <xsl:variable name="leadin-note"
      select="concat($note.kind.before, substring-before(substring-after($kinds, concat('|', 'leadin', '=')), '|'), $note.kind.after)"/>
  <!-- whether some text holds a double quote (one test for the document,
       instead of one for each row) -->
  <xsl:variable name="quoted" select="contains(/, '&quot;')"/>

  <!-- ======================================================= segments -->

  <!-- The recipient column is the same for every row of a group: its words
       (mode 'plain'), its cell (after the guard) and its note are worked
       out once here and handed down, with the kind of the group's items.

       The group's rows are written inside an element of their own, which
       the text output method does not write (it writes every text node of
       the result, at any depth). Why: libxslt appends the text of a
       text-method result to one text node, with an amortised buffer that
       building a result-tree fragment (the words, the cell) resets; the
       next append then measures and copies the whole text written so far.
       Inside the group's element that is only the group's rows: without
       it, a 30 MB document spent seconds re-reading its own output. No
       template below builds a result-tree fragment per row. -->
  <xsl:template match="r:group">
    <xsl:variable name="words">
      <xsl:apply-templates select="r:recipient[1]" mode="plain"/>
    </xsl:variable>
    <xsl:variable name="recipient" select="string($words)"/>
    <xsl:variable name="cell">
      <xsl:call-template name="guard">
        <xsl:with-param name="s" select="$recipient"/>
      </xsl:call-template>
      <xsl:value-of select="$recipient"/>
    </xsl:variable>
    <rows>
    <xsl:variable name="recipient-note"
        select="substring(concat($note-sep, $note.recipient.before, $recipient, $note.recipient.after),
                          1 div ($recipient != ''))"/>
    <xsl:apply-templates select="*">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="recipient-cell" select="string($cell)"/>
      <xsl:with-param name="recipient-note" select="$recipient-note"/>
      <xsl:with-param name="head" select="concat('&quot;,&quot;', 'item', '&quot;,&quot;', $cell, '&quot;,&quot;')"/>
      <xsl:with-param name="tail" select="concat('&quot;,&quot;&quot;,&quot;', $item-note, $recipient-note)"/>
      <xsl:with-param name="sub-head" select="concat('&quot;,&quot;', 'sub-item', '&quot;,&quot;', $cell, '&quot;,&quot;')"/>
      <xsl:with-param name="sub-tail" select="concat('&quot;,&quot;&quot;,&quot;', $sub-item-note, $recipient-note)"/>
    </xsl:apply-templates>
    </rows>
  </xsl:template>

  <!-- A paragraph: dated-prose, a role that is a kind (heading, finding,
       leadin), or prose. A plain one (text only, an id with no blank or
       quote, no number, no quote, words that need no guard) is written by
       its fast path; its kind's note is looked up in $kinds. -->
  <xsl:template match="r:prose">
    <xsl:param name="recipient" select="''"/>
    <xsl:param name="recipient-cell" select="''"/>
    <xsl:param name="recipient-note" select="''"/>
    <xsl:choose>
      <xsl:when test="@date or @marker or *
                      or translate(@id, ' &#9;&#10;&#13;&quot;', '') != @id
                      or contains(&quot;'=+-@&#9;&#13;&quot;, substring(@id, 1, 1))
                      or contains(&quot;'=+-@&#9;&#13; &#10;&quot;, substring(., 1, 1))
                      or ($quoted and contains(., '&quot;'))">
        <xsl:call-template name="row">
          <xsl:with-param name="id" select="@id"/>
          <xsl:with-param name="kind"
              select="concat(substring('dated-prose', 1 div boolean(@date)),
                             substring(@role, 1 div (not(@date) and (@role = 'heading' or @role = 'finding' or @role = 'leadin'))),
                             substring('prose', 1 div not(@date or @role = 'heading' or @role = 'finding' or @role = 'leadin')))"/>
          <xsl:with-param name="recipient" select="$recipient"/>
          <xsl:with-param name="number" select="normalize-space(@marker)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="@role = 'leadin'">
        <xsl:value-of select="concat('&quot;', @id, '&quot;,&quot;', 'leadin', '&quot;,&quot;', $recipient-cell,
                                     '&quot;,&quot;&quot;,&quot;&quot;,&quot;', normalize-space(),
                                     '&quot;,&quot;&quot;,&quot;', $leadin-note, $recipient-note, '&quot;&#13;&#10;')"/>
      </xsl:when>
      <xsl:when test="@role = 'heading' or @role = 'finding'">
        <xsl:value-of select="concat('&quot;', @id, '&quot;,&quot;', @role, '&quot;,&quot;', $recipient-cell,
                                     '&quot;,&quot;&quot;,&quot;&quot;,&quot;', normalize-space(),
                                     '&quot;,&quot;&quot;,&quot;', $note.kind.before,
                                     substring-before(substring-after($kinds, concat('|', @role, '=')), '|'),
                                     $note.kind.after, $recipient-note, '&quot;&#13;&#10;')"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat('&quot;', @id, '&quot;,&quot;', 'prose', '&quot;,&quot;', $recipient-cell,
                                     '&quot;,&quot;&quot;,&quot;&quot;,&quot;', normalize-space(),
                                     '&quot;,&quot;&quot;,&quot;', $prose-note, $recipient-note, '&quot;&#13;&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- the header as the page shows it: its words, then the recipient -->
  <xsl:template match="r:recipient">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="row">
      <xsl:with-param name="id" select="../@id"/>
      <xsl:with-param name="kind" select="'recipient'"/>
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="lead" select="normalize-space(@lead)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An item, then its sub-items and the notes printed inside it. Its
       fast path writes the row from $head (the id's end, the kind and the
       recipient's cell) and $tail (the kind's and the recipient's notes),
       the group's for its items and $sub-head, $sub-tail for sub-items. -->
  <xsl:template match="r:item">
    <xsl:param name="recipient" select="''"/>
    <xsl:param name="recipient-cell" select="''"/>
    <xsl:param name="recipient-note" select="''"/>
    <xsl:param name="head" select="concat('&quot;,&quot;', 'item', '&quot;,&quot;&quot;,&quot;')"/>
    <xsl:param name="tail" select="concat('&quot;,&quot;&quot;,&quot;', $item-note)"/>
    <xsl:param name="sub-head" select="concat('&quot;,&quot;', 'sub-item', '&quot;,&quot;&quot;,&quot;')"/>
    <xsl:param name="sub-tail" select="concat('&quot;,&quot;&quot;,&quot;', $sub-item-note)"/>
    <xsl:variable name="text" select="string(r:text)"/>
    <xsl:choose>
      <!-- what only 'row' writes right: States, several texts, ids with a
           blank or a quote, quotes, cells that need the guard -->
      <xsl:when test="@by or r:text[2]
                      or translate(@id, ' &#9;&#10;&#13;&quot;', '') != @id
                      or contains(&quot;'=+-@&#9;&#13;&quot;, substring(@id, 1, 1))
                      or contains(&quot;'=+-@&#9;&#13; &#10;&quot;, substring($text, 1, 1))
                      or ($quoted and contains($text, '&quot;'))
                      or (@numbering != 'bullet'
                          and (contains(@marker, '&quot;')
                               or contains(&quot;'=+-@&#9;&#13;&quot;, substring(normalize-space(@marker), 1, 1))))">
        <xsl:call-template name="row">
          <xsl:with-param name="id" select="@id"/>
          <xsl:with-param name="kind" select="substring('sub-item', 5 - 4 * boolean(parent::r:item))"/>
          <xsl:with-param name="recipient" select="$recipient"/>
          <xsl:with-param name="content" select="r:text"/>
          <xsl:with-param name="number" select="normalize-space(@marker[../@numbering != 'bullet'])"/>
          <xsl:with-param name="by" select="normalize-space(@by)"/>
        </xsl:call-template>
        <xsl:if test="@by">
          <xsl:call-template name="first-states">
            <xsl:with-param name="recipient" select="$recipient"/>
          </xsl:call-template>
        </xsl:if>
      </xsl:when>
      <!-- the fast path: a bulleted item whose text has no footnote
           reference (its first character not blank, as tested above) -->
      <xsl:when test="@numbering = 'bullet' and not(r:text/*)">
        <xsl:value-of select="concat('&quot;', @id, $head, '&quot;,&quot;&quot;,&quot;', normalize-space($text),
                                     $tail, '&quot;&#13;&#10;')"/>
      </xsl:when>
      <!-- numbered, or footnote references in the text: the same row, the
           source by mode 'source' where there are references -->
      <xsl:otherwise>
        <xsl:variable name="number" select="normalize-space(@marker[../@numbering != 'bullet'])"/>
        <xsl:value-of select="concat('&quot;', @id, $head, $number, '&quot;,&quot;&quot;,&quot;')"/>
        <xsl:choose>
          <xsl:when test="r:text/*">
            <xsl:apply-templates select="r:text/node()" mode="source"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="normalize-space($text)"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:value-of select="concat($tail, substring(concat($number-note, $number, $note.number.after), 1 div ($number != '')),
                                     '&quot;&#13;&#10;')"/>
      </xsl:otherwise>
    </xsl:choose>
    <!-- sub-items, and a note printed inside the item (at a page foot) -->
    <xsl:apply-templates select="r:item | r:footnote">
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="recipient-cell" select="$recipient-cell"/>
      <xsl:with-param name="recipient-note" select="$recipient-note"/>
      <xsl:with-param name="head" select="$sub-head"/>
      <xsl:with-param name="tail" select="$sub-tail"/>
      <xsl:with-param name="sub-head" select="$sub-head"/>
      <xsl:with-param name="sub-tail" select="$sub-tail"/>
    </xsl:apply-templates>
  </xsl:template>

  <!-- a recommending State (segments.xsl; the context is in its lookup tree) -->
  <xsl:template match="st:state" mode="state">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="row">
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'state'"/>
      <xsl:with-param name="recipient" select="$recipient"/>
      <xsl:with-param name="content" select="/.."/>
      <xsl:with-param name="words" select="string(@name)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:footnote">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="row">
      <xsl:with-param name="id" select="@id"/>
      <xsl:with-param name="kind" select="'footnote'"/>
      <xsl:with-param name="recipient" select="$recipient"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Anything else (schema-invalid) is no segment. -->
  <xsl:template match="*"/>

  <!-- ============================================================ row -->

  <!-- One CSV row, written straight to the output: a segment whose text is
       $content's (the context's own by default) or, for a State, $words,
       after $lead for a recipient header. Every parameter is a string or a
       node-set: nothing per row is built in a variable. -->
  <xsl:template name="row">
    <xsl:param name="id"/>
    <xsl:param name="kind"/>
    <xsl:param name="content" select="."/>
    <xsl:param name="words" select="''"/>
    <xsl:param name="lead" select="''"/>
    <xsl:param name="recipient" select="''"/>
    <xsl:param name="number" select="''"/>
    <xsl:param name="by" select="''"/>
    <xsl:if test="normalize-space($content) != '' or $words != ''">
      <xsl:text>"</xsl:text>
      <xsl:if test="contains($LEADS_WS, substring($id, 1, 1))">
        <xsl:call-template name="guard">
          <xsl:with-param name="s" select="normalize-space($id)"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="contains($id, '&quot;')">
          <xsl:call-template name="quote">
            <xsl:with-param name="s" select="normalize-space($id)"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="normalize-space($id) != ''">
          <xsl:value-of select="normalize-space($id)"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- no id (schema-invalid input): unique in this file, not stable -->
          <xsl:value-of select="concat('node-', generate-id())"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:text>","</xsl:text>
      <xsl:value-of select="$kind"/>
      <xsl:text>","</xsl:text>
      <xsl:if test="contains($LEADS, substring($recipient, 1, 1))">
        <xsl:call-template name="guard">
          <xsl:with-param name="s" select="$recipient"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:value-of select="$recipient"/>
      <xsl:text>","</xsl:text>
      <xsl:if test="$number != ''">
        <xsl:if test="contains($LEADS, substring($number, 1, 1))">
          <xsl:call-template name="guard">
            <xsl:with-param name="s" select="$number"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="emit-text">
          <xsl:with-param name="s" select="$number"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:text>","</xsl:text>
      <xsl:if test="$by != ''">
        <xsl:if test="contains($LEADS, substring($by, 1, 1))">
          <xsl:call-template name="guard">
            <xsl:with-param name="s" select="$by"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="emit-text">
          <xsl:with-param name="s" select="$by"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:text>","</xsl:text>
      <!-- the source cell starts with the header's words, else with its
           first node that has words ("[" for a footnote reference, which
           no spreadsheet evaluates), else with the recipient's words -->
      <xsl:choose>
        <xsl:when test="$lead != ''">
          <xsl:if test="contains($LEADS, substring($lead, 1, 1))">
            <xsl:call-template name="guard">
              <xsl:with-param name="s" select="$lead"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:call-template name="emit-text">
            <xsl:with-param name="s" select="$lead"/>
          </xsl:call-template>
          <xsl:value-of select="$msg.lead.sep"/>
        </xsl:when>
        <xsl:when test="normalize-space($content) != ''">
          <xsl:if test="contains($LEADS_WS, substring($content, 1, 1))">
            <xsl:call-template name="guard">
              <xsl:with-param name="s" select="normalize-space(
                  $content/node()[not(self::text()) or normalize-space()][1][not(self::r:fnref)])"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:when>
        <xsl:when test="contains($LEADS, substring($words, 1, 1))">
          <xsl:call-template name="guard">
            <xsl:with-param name="s" select="$words"/>
          </xsl:call-template>
        </xsl:when>
      </xsl:choose>
      <xsl:apply-templates select="$content/node()" mode="source"/>
      <xsl:if test="$words != ''">
        <xsl:call-template name="emit-text">
          <xsl:with-param name="s" select="$words"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:text>","","</xsl:text>
      <!-- the context again, in sentences of the document's language, for
           translate-toolkit's readers (segments.xsl); the recipient is
           quoted already, and the catalogue's messages hold no double quote
           (tests/l10n.sh checks) -->
      <xsl:call-template name="kind-note">
        <xsl:with-param name="kind" select="$kind"/>
      </xsl:call-template>
      <xsl:if test="$recipient != '' and $kind != 'recipient'">
        <xsl:value-of select="concat($note-sep, $note.recipient.before, $recipient, $note.recipient.after)"/>
      </xsl:if>
      <xsl:if test="$number != ''">
        <xsl:value-of select="concat($note-sep, $note.number.before)"/>
        <xsl:call-template name="emit-text">
          <xsl:with-param name="s" select="$number"/>
        </xsl:call-template>
        <xsl:value-of select="$note.number.after"/>
      </xsl:if>
      <xsl:if test="$by != ''">
        <xsl:value-of select="concat($note-sep, $note.by.before)"/>
        <xsl:call-template name="emit-text">
          <xsl:with-param name="s" select="$by"/>
        </xsl:call-template>
        <xsl:value-of select="$note.by.after"/>
      </xsl:if>
      <xsl:text>"</xsl:text>
      <xsl:value-of select="$CRLF"/>
    </xsl:if>
  </xsl:template>

  <!--
    mode 'source': inline content as one line. Each text node is whitespace-
    normalised; one space is kept where the text had whitespace next to a
    footnote reference, so "centers <fnref>1</fnref>." gives "centers [1]." and
    "held.<fnref>2</fnref>" gives "held.[2]".
  -->
  <xsl:template match="r:fnref" mode="source">
    <xsl:text>[</xsl:text>
    <xsl:call-template name="quote">
      <xsl:with-param name="s" select="normalize-space(.)"/>
    </xsl:call-template>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="*" mode="source">
    <xsl:apply-templates mode="source"/>
  </xsl:template>

  <xsl:template match="text()" mode="source">
    <xsl:variable name="ws" select="' &#9;&#10;&#13;'"/>
    <xsl:choose>
      <xsl:when test="contains(., '&quot;')">
        <xsl:variable name="core" select="normalize-space(.)"/>
        <xsl:if test="preceding-sibling::node() and contains($ws, substring(., 1, 1))
                      and ($core != '' or following-sibling::node())">
          <xsl:text> </xsl:text>
        </xsl:if>
        <xsl:call-template name="quote">
          <xsl:with-param name="s" select="$core"/>
        </xsl:call-template>
        <xsl:if test="$core != '' and following-sibling::node()
                      and contains($ws, substring(., string-length(.)))">
          <xsl:text> </xsl:text>
        </xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <!-- the same, in one expression -->
        <xsl:value-of select="concat(substring(' ', 1 div (preceding-sibling::node() and contains($ws, substring(., 1, 1))
                                                           and (normalize-space() != '' or following-sibling::node()))),
                                     normalize-space(),
                                     substring(' ', 1 div (normalize-space() != '' and following-sibling::node()
                                                           and contains($ws, substring(., string-length(.))))))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The recipient's words come from mode 'plain' (common.xsl), which hands
       each piece of text to 'emit-text': here, with its quotes doubled. -->
  <xsl:template name="emit-text">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:call-template name="quote">
          <xsl:with-param name="s" select="$s"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- guard: an apostrophe when the cell that $s begins would be evaluated
       by a spreadsheet (its first character after any apostrophes is one of
       $EVALUATED). Called only for a cell that starts with one of $LEADS_WS
       (one cheap test per cell: most cells start with a letter). -->
  <xsl:template name="guard">
    <xsl:param name="s"/>
    <xsl:variable name="first" select="substring(translate($s, $APOS, ''), 1, 1)"/>
    <xsl:if test="$first != '' and contains($EVALUATED, $first)">
      <xsl:text>'</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- quote: $s with every " doubled (RFC 4180). -->
  <xsl:template name="quote">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="substring-before($s, '&quot;')"/>
        <xsl:text>""</xsl:text>
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
