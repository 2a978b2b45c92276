<?xml version="1.0" encoding="UTF-8"?>
<!-- SPDX-License-Identifier: MIT -->
<!--
  text.xsl: a rec2xml document as canonical plain text in rec2xml's own INPUT
  format (README.md, "The input format"), so that converting the text back
  gives the same XML: the same ids, structure and text.

  Parameters: none.

  Layout (UTF-8, LF line ends, a newline after the last line)
    * one block per line group, blocks separated by one blank line;
    * prose (the date line too): one paragraph per line;
    * a group: its header "lead recipient" (footnote references as [n]; no
      colon: the blank line after it ends the header, so it never continues);
    * items: one per line, "marker text", indented two spaces per level, the
      top level at two; consecutive items stand on consecutive lines (a run of
      items is one list) and prose after items follows a blank line, so it is
      not read as a continuation;
    * footnotes: "[label] text" at column 1, followed by a blank line (a
      definition runs up to one), where they stood: a page-bottom note inside a
      group stays between that group's items, the notes of the report after it;
    * footnote references: "[label]", glued or spaced as the text had them;
    * a recipient the reader derived from a sentence (@from) or that was
      given on the command line is not written: the sentence carries it;
    * numbered prose (findings, headings) keeps its number before its text;
      an item without a marker (a paragraph read as one) is a paragraph;
    * page furniture (page elements) is left out;
    * a line that would read back as something else (prose that starts
      like a header, a marker or a footnote) starts with a backslash, which
      the reader drops.
  Text is written as the XML has it (the converter keeps every character);
  only line breaks inside a text become spaces and whitespace at the ends of
  a line is dropped, as the converter would drop it.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:r="urn:rec2xml:1.0"
    exclude-result-prefixes="r">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:variable name="NL" select="'&#10;'"/>
  <xsl:variable name="WS" select="' &#9;&#10;&#13;'"/>
  <xsl:variable name="ALNUM" select="'0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="NOTDIGIT" select="'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ().-)&#x2022;&#xb7;*'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="*/*"/>
  </xsl:template>

  <!-- ========================================================== blocks -->

  <!-- A blank line before every block but the first of its parent, except
       between two items (one list). What writes nothing (a page, a
       recipient that is not written: see below) is not the block before;
       looking past a page costs a scan of the siblings, paid only where a
       page stands. -->
  <xsl:template name="separator">
    <xsl:variable name="before" select="preceding-sibling::*[1]"/>
    <xsl:variable name="prev"
        select="$before[not(self::r:page)] | $before[self::r:page]/preceding-sibling::*[not(self::r:page)][1]"/>
    <xsl:if test="$prev and not($prev/self::r:recipient[@from or not(@lead)])
                  and not(self::r:item[@marker] and $prev/self::r:item[@marker])">
      <xsl:value-of select="$NL"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="r:group">
    <xsl:call-template name="separator"/>
    <xsl:apply-templates select="*"/>
  </xsl:template>

  <xsl:template match="r:recipient[@from or not(@lead)]"/>

  <xsl:template match="r:recipient">
    <xsl:call-template name="separator"/>
    <!-- an empty lead (a Russian dative header, a heading without "To")
         writes the recipient alone -->
    <xsl:value-of select="normalize-space(@lead)"/>
    <xsl:if test="normalize-space(.) != ''">
      <xsl:if test="normalize-space(@lead) != ''">
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:if>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="r:prose">
    <xsl:call-template name="separator"/>
    <!-- a paragraph that opens with a footnote reference ("[1] is cited
         above") would read back as a footnote definition in column 1:
         indented, it stays prose -->
    <xsl:if test="r:fnref and not(r:fnref[1]/preceding-sibling::text()[normalize-space()])">
      <xsl:text>  </xsl:text>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="normalize-space(@marker) != ''">
        <xsl:value-of select="normalize-space(@marker)"/>
        <xsl:text> </xsl:text>
      </xsl:when>
      <!-- an entry of a table of contents reads back as one by its leaders -->
      <xsl:when test="@role = 'contents'"/>
      <xsl:otherwise>
        <xsl:call-template name="escape"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates/>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- An item the reader made from a paragraph with no marker. -->
  <xsl:template match="r:item[not(@marker)]">
    <xsl:call-template name="separator"/>
    <xsl:for-each select="r:text">
      <xsl:call-template name="escape"/>
      <xsl:apply-templates/>
    </xsl:for-each>
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="r:item | r:page"/>
  </xsl:template>

  <!-- Page furniture is not written: the canonical text is the editor's,
       without the page breaks of a PDF it was extracted from (XSLT 1.0
       could not write the form feed that marks them anyway). -->
  <xsl:template match="r:page"/>

  <!-- A backslash before text that the reader would otherwise take for a
       header, an item or a footnote: "To the Police were sent ...". -->
  <xsl:template name="escape">
    <xsl:variable name="t" select="normalize-space(.)"/>
    <xsl:variable name="w" select="substring-before(concat($t, ' '), ' ')"/>
    <xsl:variable name="c" select="substring($t, 1, 1)"/>
    <xsl:variable name="w2" select="substring-before(concat(substring-after($t, ' '), ' '), ' ')"/>
    <xsl:if test="$c = '\' or $c = '[' or
                  contains('|To|TO|Au|AU|Aux|AUX|À|Al|AL|Ao|AO|Aos|AOS|Às|ÀS|Для|ДЛЯ|إلى|الى|', concat('|', $w, '|')) or
                  (($w = 'A' or $w = 'Para' or $w = 'a') and contains('|la|las|los|La|Las|Los|LA|l’|o|a|os|as|', concat('|', $w2, '|'))) or
                  (contains('|Recommendations|Recommendation|RECOMMENDATIONS|Key|KEY|Main|MAIN|Our|OUR|Principal|Summary|Recommandations|Recomendaciones|Recomendações|Рекомендации|توصيات|التوصيات|', concat('|', $w, '|'))
                    and contains('|to|To|TO|for|For|FOR|au|aux|à|al|a|ao|aos|à|às|para|для|إلى|الى|Recommendations|recommendations|RECOMMENDATIONS|adressées|dirigidas|', concat('|', $w2, '|'))) or
                  starts-with($t, '致') or
                  ($w != '' and contains('•·-–—*o●▪◦■►‣⁃➢✓✔◆◇○∙▶→➔', $w)) or
                  (translate($w, '0123456789.()-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', '') = '' and
                   (contains($w, '.') or contains($w, ')') or contains($w, '-')) and string-length($w) &lt;= 8)">
      <xsl:text>\</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- An item at its indentation: top-level items at column 2, sub-items
       4 deeper than their parent. The reader nests an item whose marker
       shape differs from its previous sibling's when both stand at one
       indentation; so each change of shape among siblings moves the item
       one column left (never to its parent's column): "1." at 6, "-" at 5
       are siblings under a parent at 2. -->
  <xsl:template match="r:item">
    <xsl:param name="at" select="-2"/>
    <xsl:if test="not(parent::r:item)">
      <xsl:call-template name="separator"/>
    </xsl:if>
    <xsl:variable name="changes">
      <xsl:choose>
        <xsl:when test="not(preceding-sibling::r:item[1])">0</xsl:when>
        <xsl:when test="translate(@marker, $ALNUM, '') = translate(../r:item[1]/@marker, $ALNUM, '')
                        and (translate(@marker, $NOTDIGIT, '') = '') = (translate(../r:item[1]/@marker, $NOTDIGIT, '') = '')">0</xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="count((preceding-sibling::r:item | self::r:item)[preceding-sibling::r:item[1]]
            [translate(@marker, $ALNUM, '') != translate(preceding-sibling::r:item[1]/@marker, $ALNUM, '')
             or (translate(@marker, $NOTDIGIT, '') = '') != (translate(preceding-sibling::r:item[1]/@marker, $NOTDIGIT, '') = '')])"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="base" select="$at + 4"/>
    <xsl:variable name="indent">
      <xsl:choose>
        <xsl:when test="$base - $changes &gt; $at">
          <xsl:value-of select="$base - $changes"/>
        </xsl:when>
        <xsl:when test="$at + 1 &gt; 0">
          <xsl:value-of select="$at + 1"/>
        </xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:call-template name="spaces">
      <xsl:with-param name="n" select="$indent"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="normalize-space(@marker) != ''">
        <xsl:value-of select="normalize-space(@marker)"/>
      </xsl:when>
      <xsl:otherwise>&#x2022;</xsl:otherwise>
    </xsl:choose>
    <xsl:if test="normalize-space(r:text) != ''">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="r:text"/>
    </xsl:if>
    <xsl:value-of select="$NL"/>
    <xsl:apply-templates select="r:item | r:page">
      <xsl:with-param name="at" select="$indent"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="r:text">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- a note printed as a symbol ("*") is written as printed -->
  <xsl:template match="r:footnote[translate(@label, '*&#x2020;&#x2021;', '') = '' and @label != '']">
    <xsl:call-template name="separator"/>
    <xsl:value-of select="@label"/>
    <xsl:text> </xsl:text>
    <xsl:apply-templates/>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <xsl:template match="r:footnote">
    <xsl:call-template name="separator"/>
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(@label) != ''">
        <xsl:value-of select="normalize-space(@label)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring-after(@id, 'fn')"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
    <xsl:if test="normalize-space(.) != ''">
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </xsl:if>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- Anything else (schema-invalid): its text, as prose. -->
  <xsl:template match="*">
    <xsl:call-template name="separator"/>
    <xsl:apply-templates/>
    <xsl:value-of select="$NL"/>
  </xsl:template>

  <!-- ========================================================= inlines -->

  <xsl:template match="r:fnref[starts-with(@ref, 'fnx')]">
    <xsl:value-of select="normalize-space(.)"/>
  </xsl:template>

  <xsl:template match="r:fnref">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="normalize-space(.) != ''">
        <xsl:value-of select="normalize-space(.)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="substring-after(@ref, 'fn')"/>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Text as written; line breaks become spaces; whitespace at the start of
       the first and the end of the last piece of a line is dropped. -->
  <xsl:template match="text()">
    <xsl:variable name="t" select="translate(., '&#10;&#13;', '  ')"/>
    <xsl:variable name="first" select="not(preceding-sibling::node())"/>
    <xsl:variable name="last" select="not(following-sibling::node())"/>
    <xsl:choose>
      <xsl:when test="normalize-space($t) = '' and ($first or $last)"/>
      <xsl:when test="normalize-space($t) = ''">
        <xsl:value-of select="$t"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="left"
            select="substring($t, 1 + number($first) * string-length(substring-before($t, substring(normalize-space($t), 1, 1))))"/>
        <xsl:choose>
          <xsl:when test="$last">
            <xsl:call-template name="rtrim">
              <xsl:with-param name="s" select="$left"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$left"/>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ========================================================= helpers -->

  <xsl:template name="rtrim">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="$s != '' and contains($WS, substring($s, string-length($s)))">
        <xsl:call-template name="rtrim">
          <xsl:with-param name="s" select="substring($s, 1, string-length($s) - 1)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$s"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="spaces">
    <xsl:param name="n" select="0"/>
    <xsl:variable name="pad" select="'                                '"/>
    <xsl:choose>
      <xsl:when test="$n &lt;= string-length($pad)">
        <xsl:value-of select="substring($pad, 1, $n)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$pad"/>
        <xsl:call-template name="spaces">
          <xsl:with-param name="n" select="$n - string-length($pad)"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
