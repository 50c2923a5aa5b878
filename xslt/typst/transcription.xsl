<?xml version="1.0" encoding="UTF-8"?>
<!-- Transcription in print: the normalised reading in the line, with the editorial sigla
     (edition.typ draws them); the other reading of a choice in a note lettered like the
     apparatus. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <!-- A choice between the source's and the editor's reading: the editor's in the line,
       the source's in a note. -->
  <xsl:template match="tei:choice[(tei:sic | tei:orig | tei:abbr) and (tei:corr | tei:reg | tei:expan)]"
                mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="tei:corr | tei:reg | tei:expan" mode="m:typst"/>
    <xsl:if test="not(f:typst-defers-mark(.))">
      <xsl:apply-templates select="." mode="m:typst-mark"/>
    </xsl:if>
  </xsl:template>

  <!-- (Its note, where the word ends: typst/text.xsl.) -->
  <xsl:template match="tei:choice[(tei:sic | tei:orig | tei:abbr) and (tei:corr | tei:reg | tei:expan)]"
                mode="m:typst-mark">
    <xsl:text>#reading-note(</xsl:text>
    <xsl:value-of select="f:typst-string(f:variant-label(.))"/>
    <xsl:value-of select="', inline: true'[current()/(ancestor::tei:note or ancestor::tei:rdg)]"/>
    <xsl:text>)[</xsl:text>
    <xsl:for-each select="tei:sic | tei:orig | tei:abbr">
      <xsl:value-of select="f:typst-markup(map {'sic': 'so in the source: ', 'orig': 'the source has: ',
                                                'abbr': 'abbreviated: '}(local-name()))"/>
      <xsl:apply-templates select="." mode="m:typst"/>
      <xsl:if test="position() != last()"><xsl:text>; </xsl:text></xsl:if>
    </xsl:for-each>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Readings of equal standing: the first in the line, the others in the note. -->
  <xsl:template match="tei:choice" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="*[1]" mode="m:typst"/>
    <xsl:if test="not(f:typst-defers-mark(.))">
      <xsl:apply-templates select="." mode="m:typst-mark"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:choice" mode="m:typst-mark">
    <xsl:if test="*[2]">
      <xsl:text>#reading-note(</xsl:text>
      <xsl:value-of select="f:typst-string(f:variant-label(.))"/>
      <xsl:value-of select="', inline: true'[current()/(ancestor::tei:note or ancestor::tei:rdg)]"/>
      <xsl:text>)[or: </xsl:text>
      <xsl:for-each select="*[position() gt 1]">
        <xsl:apply-templates select="." mode="m:typst"/>
        <xsl:if test="position() != last()"><xsl:text>; </xsl:text></xsl:if>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:ex | tei:supplied | tei:surplus | tei:secl | tei:unclear | tei:damage |
                       tei:add | tei:del | tei:restore | tei:sic | tei:corr" mode="m:typst">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-sign'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Abbreviation marks belong to the diplomatic reading, which the print edition does
       not show. -->
  <xsl:template match="tei:am" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>

  <xsl:template match="tei:orig | tei:reg | tei:abbr | tei:expan | tei:subst | tei:mod |
                       tei:retrace | tei:redo | tei:undo" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:gap" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>\[…\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:gap[tei:desc]" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>\[</xsl:text><xsl:apply-templates select="tei:desc/node()" mode="m:typst"/><xsl:text>\]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:space" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#h(1em)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:handShift" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>‖</xsl:text>
  </xsl:template>

  <xsl:template match="tei:g" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:value-of select="f:typst-markup(f:glyph-text(.))"/>
  </xsl:template>

  <!-- A character the file does not give (no text, no mapping; EEBO's end-of-line hyphen,
       char:EOLhyphen, inside nearly every broken word): a mark drawn, no letter in the
       word (a printed ◌ parted "Po◌stures" into two words), as the HTML page does. -->
  <xsl:template match="tei:g[f:glyph-text(.) = '◌']" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#missing-glyph()</xsl:text>
  </xsl:template>

  <xsl:template match="tei:caesura" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#h(1.5em)</xsl:text>
  </xsl:template>

  <!-- The letters of the print edition's variant notes: apparatus entries and choices, in
       one series per text. -->
  <xsl:function name="f:variant-label" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="f:letters(fp:variant-numbers(root($element))(generate-id($element)))"
                  xmlns:fp="urn:teiedition:functions:private"/>
  </xsl:function>

  <xsl:function name="fp:variant-numbers" as="map(xs:string, xs:integer)" cache="yes"
                xmlns:fp="urn:teiedition:functions:private"
                xmlns:map="http://www.w3.org/2005/xpath-functions/map">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="map:merge(
        for $text in $root/descendant-or-self::tei:TEI/tei:text
        return (let $all := $text//(tei:app | tei:choice[*[2]])
                return for $i in 1 to count($all) return map {generate-id($all[$i]): $i}))"/>
  </xsl:function>
</xsl:stylesheet>
