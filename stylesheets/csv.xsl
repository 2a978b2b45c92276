<?xml version="1.0" encoding="UTF-8"?>
<!--
  csv.xsl: the translatable segments of a rec2xml document as RFC 4180 CSV,
  one row per segment, for translators and for translate-toolkit's csv2po.

  Parameters
    bom   '1' writes the UTF-8 byte order mark (U+FEFF) first, for spreadsheet
          programs that need it to read UTF-8. Default '0'.

  Layout
    UTF-8, CRLF after every row (the last one too), every field in double quotes,
    a double quote inside a field doubled. A header row, then one row per
    segment in document order: dated prose, prose, recipient, item, sub-item,
    footnote. Columns:

      location   the segment's stable id: the element's id (p1, g1.2.1, fn3);
                 for a recipient, its group's id (g1)
      kind       dated-prose | prose | recipient | item | sub-item | footnote
      recipient  context for the translator: the whitespace-normalised words of
                 the recipient of the group the segment stands in (no footnote
                 markers); empty outside any group
      source     the segment's text, whitespace normalised, footnote references
                 shown as [1]
      target     empty, for the translation

    Why these header names: csv2po (translate-toolkit) recognises its columns
    by name. "source" and "target" are its own; "location" becomes the PO
    entry's "#:" reference, and csv2po's default duplicate style (msgctxt) turns
    the location of every unit whose source is repeated into its msgctxt. So two
    items with the same words under different recipients stay two PO entries,
    each tied to its id. "kind" and "recipient" are not csv2po names: it ignores
    them, and they are there for people. (A "context" column would not help:
    csv2po does not carry it into the PO file.)

    A cell that a spreadsheet would evaluate as a formula (one that starts
    with = + - @, a tab or a CR: =HYPERLINK(...) becomes a live link in Calc
    or Excel) starts with an apostrophe, as OWASP recommends against CSV
    injection; so does a cell made of apostrophes and then one of those, so
    that rec2xml's import takes exactly one apostrophe off (template 'guard').

    A segment whose text is empty (possible only in schema-invalid input) has
    nothing to translate and gets no row: a PO entry with an empty msgid would
    be taken for the PO header.

  Rows are written directly with xsl:text and xsl:value-of (no row is built in
  a variable: result-tree fragments per row are slow in libxslt), and quotes
  are doubled per text node by the recursive template 'quote', called only
  for text that holds one (a template call costs more than the row's other
  work).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    exclude-result-prefixes="r">

  <xsl:import href="common.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="bom" select="'0'"/>

  <xsl:variable name="CRLF" select="'&#13;&#10;'"/>
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
    <xsl:text>"location","kind","recipient","source","target"</xsl:text>
    <xsl:value-of select="$CRLF"/>
    <xsl:apply-templates select="*/*"/>
  </xsl:template>

  <!-- ======================================================= segments -->

  <!-- The recipient column is the same for every row of a group: its words
       are worked out once here and handed down. -->
  <xsl:template match="r:group">
    <xsl:variable name="recipient">
      <xsl:apply-templates select="r:recipient[1]" mode="plain"/>
    </xsl:variable>
    <xsl:apply-templates select="*">
      <xsl:with-param name="recipient" select="string($recipient)"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:param name="recipient" select="''"/>
    <xsl:choose>
      <xsl:when test="@date">
        <xsl:call-template name="row">
          <xsl:with-param name="id" select="@id"/>
          <xsl:with-param name="kind" select="'dated-prose'"/>
          <xsl:with-param name="recipient" select="$recipient"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="row">
          <xsl:with-param name="id" select="@id"/>
          <xsl:with-param name="kind" select="'prose'"/>
          <xsl:with-param name="recipient" select="$recipient"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="r:recipient">
    <xsl:param name="recipient" select="''"/>
    <xsl:call-template name="row">
      <xsl:with-param name="id" select="../@id"/>
      <xsl:with-param name="kind" select="'recipient'"/>
      <xsl:with-param name="recipient" select="$recipient"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="r:item">
    <xsl:param name="recipient" select="''"/>
    <xsl:choose>
      <xsl:when test="parent::r:item">
        <xsl:call-template name="row">
          <xsl:with-param name="id" select="@id"/>
          <xsl:with-param name="kind" select="'sub-item'"/>
          <xsl:with-param name="recipient" select="$recipient"/>
          <xsl:with-param name="content" select="r:text"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="row">
          <xsl:with-param name="id" select="@id"/>
          <xsl:with-param name="kind" select="'item'"/>
          <xsl:with-param name="recipient" select="$recipient"/>
          <xsl:with-param name="content" select="r:text"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates select="r:item">
      <xsl:with-param name="recipient" select="$recipient"/>
    </xsl:apply-templates>
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

  <!-- One CSV row, written straight to the output. -->
  <xsl:template name="row">
    <xsl:param name="id"/>
    <xsl:param name="kind"/>
    <xsl:param name="content" select="."/>
    <xsl:param name="recipient" select="''"/>
    <xsl:if test="normalize-space($content) != ''">
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
      <!-- the cell starts with its first node that has words: "[" for a
           footnote reference, which no spreadsheet evaluates -->
      <xsl:if test="contains($LEADS_WS, substring($content, 1, 1))">
        <xsl:call-template name="guard">
          <xsl:with-param name="s" select="normalize-space(
              $content/node()[not(self::text()) or normalize-space()][1][not(self::r:fnref)])"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="$content/node()" mode="source"/>
      <xsl:text>",""</xsl:text>
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
    <xsl:variable name="core" select="normalize-space(.)"/>
    <xsl:variable name="ws" select="' &#9;&#10;&#13;'"/>
    <xsl:if test="preceding-sibling::node() and contains($ws, substring(., 1, 1))
                  and ($core != '' or following-sibling::node())">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="contains($core, '&quot;')">
        <xsl:call-template name="quote">
          <xsl:with-param name="s" select="$core"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$core"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="$core != '' and following-sibling::node()
                  and contains($ws, substring(., string-length(.)))">
      <xsl:text> </xsl:text>
    </xsl:if>
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
