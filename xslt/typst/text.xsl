<?xml version="1.0" encoding="UTF-8"?>
<!-- The text in Typst: divisions, numbered paragraphs, quotations, lists, highlighting,
     editorial interventions. One template per element; text through f:typst-markup(). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:template match="text()" mode="m:typst">
    <xsl:value-of select="f:typst-markup(.)"/>
  </xsl:template>

  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:group | tei:div"
                mode="m:typst">
    <xsl:apply-templates select="*" mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:head" mode="m:typst">
    <xsl:text>&#10;#heading(level: </xsl:text>
    <xsl:value-of select="min((count(ancestor::tei:div) + 1, 6))"/>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- A paragraph of the body: numbered in the margin, with its fragment markers. -->
  <xsl:template match="tei:p" mode="m:typst">
    <xsl:text>#para(n: </xsl:text>
    <xsl:value-of select="f:typst-string(string(f:paragraph-number(.) + $paragraph-offset))"/>
    <xsl:for-each select="@part">
      <xsl:text>, part: </xsl:text><xsl:value-of select="f:typst-string(.)"/>
    </xsl:for-each>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- A paragraph inside a note, a quotation or an item: a paragraph break, no number. -->
  <xsl:template match="tei:p[ancestor::tei:note or ancestor::tei:quote or ancestor::tei:item]"
                mode="m:typst" priority="2">
    <xsl:apply-templates mode="m:typst"/>
    <xsl:if test="following-sibling::*"><xsl:text>#parbreak()</xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q" mode="m:typst">
    <xsl:text>#quote[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:quote[@rend = 'block'] | tei:div/tei:quote | tei:body/tei:quote"
                mode="m:typst" priority="2">
    <xsl:text>#blockquote[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:cit | tei:bibl | tei:ref[not(@target)] | tei:sic | tei:corr | tei:reg |
                       tei:orig | tei:seg | tei:s | tei:w | tei:c | tei:pc | tei:add |
                       tei:unclear | tei:supplied | tei:abbr | tei:expan | tei:ab | tei:label |
                       tei:opener | tei:closer | tei:address | tei:sp |
                       tei:num | tei:measure | tei:term | tei:mentioned | tei:soCalled |
                       tei:idno | tei:fw | tei:desc | tei:figDesc | tei:figure | tei:damage |
                       tei:space | tei:subst | tei:surplus | tei:handShift | tei:del"
                mode="m:typst">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <!-- Blocks that are not paragraphs keep their own line. -->
  <xsl:template match="tei:div/tei:* [self::tei:cit or self::tei:bibl or self::tei:ab or
                       self::tei:opener or self::tei:closer or self::tei:sp or self::tei:lg or
                       self::tei:list or self::tei:figure]" mode="m:typst" priority="2">
    <xsl:text>#block[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- A table: as many columns as its widest row; spans kept; a short row (Word allows
       them) is filled with empty cells, so that every row starts on its own line. -->
  <xsl:template match="tei:table" mode="m:typst">
    <xsl:variable name="columns" select="max((1, tei:row ! f:row-width(.)))"/>
    <xsl:text>#table(columns: </xsl:text><xsl:value-of select="$columns"/><xsl:text>, </xsl:text>
    <xsl:apply-templates select="tei:row" mode="m:typst">
      <xsl:with-param name="columns" select="$columns"/>
    </xsl:apply-templates>
    <xsl:text>)&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:row" mode="m:typst">
    <xsl:param name="columns" as="xs:integer" select="f:row-width(.)"/>
    <xsl:apply-templates select="tei:cell" mode="m:typst"/>
    <xsl:for-each select="1 to $columns - f:row-width(.)"><xsl:text>[], </xsl:text></xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:cell" mode="m:typst">
    <xsl:text>table.cell(colspan: </xsl:text><xsl:value-of select="(@cols, 1)[1]"/>
    <xsl:text>, rowspan: </xsl:text><xsl:value-of select="(@rows, 1)[1]"/>
    <xsl:text>)[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>], </xsl:text>
  </xsl:template>

  <!-- The image files stay beside the TEI, outside Typst's sandbox: the print edition
       gives the figure's heading and description, not the picture. -->
  <xsl:template match="tei:graphic" mode="m:typst"/>

  <xsl:template match="tei:lg | tei:list" mode="m:typst">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <!-- The lemma of an apparatus entry in the text, the other readings after it in brackets. -->
  <xsl:template match="tei:app" mode="m:typst">
    <xsl:apply-templates select="tei:lem" mode="m:typst"/>
    <xsl:for-each select="tei:rdg">
      <xsl:text> \[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>\]</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg" mode="m:typst">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:l | tei:item | tei:list/tei:head | tei:dateline | tei:salute |
                       tei:signed | tei:addrLine | tei:speaker | tei:stage" mode="m:typst">
    <xsl:apply-templates mode="m:typst"/><xsl:text>#linebreak()</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('italic', 'italics', 'i')] | tei:emph | tei:title |
                       tei:foreign" mode="m:typst">
    <xsl:text>#emph[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('bold', 'b')]" mode="m:typst">
    <xsl:text>#strong[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('sup', 'superscript')]" mode="m:typst">
    <xsl:text>#super[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi" mode="m:typst">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="m:typst">
    <xsl:text>#linebreak()</xsl:text>
  </xsl:template>

  <xsl:template match="tei:pb" mode="m:typst">
    <xsl:text> \[</xsl:text><xsl:value-of select="f:typst-markup(string((@n, 'page')[1]))"/><xsl:text>\] </xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap" mode="m:typst">
    <xsl:text>\[…\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap[*]" mode="m:typst" priority="2">
    <xsl:text>\[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:typst">
    <xsl:variable name="shown" select="(tei:corr, tei:reg, tei:expan, *)[1]"/>
    <xsl:for-each select="*">
      <xsl:choose>
        <xsl:when test=". is $shown"><xsl:apply-templates select="." mode="m:typst"/></xsl:when>
        <xsl:otherwise>
          <xsl:text>\[</xsl:text><xsl:apply-templates select="." mode="m:typst"/><xsl:text>\]</xsl:text>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:ref[@target]" mode="m:typst">
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <xsl:choose>
      <xsl:when test="matches($target, '^https?://')">
        <xsl:text>#link(</xsl:text><xsl:value-of select="f:typst-string($target)"/>
        <xsl:text>)[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="m:typst"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ptr | tei:anchor | tei:milestone | tei:cb" mode="m:typst"/>
</xsl:stylesheet>
