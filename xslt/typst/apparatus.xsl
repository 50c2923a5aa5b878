<?xml version="1.0" encoding="UTF-8"?>
<!-- A critical apparatus in print: the lemma (or the first reading) in the line, the entry
     "lemma] reading witnesses; ..." in a lettered note at the foot of the page. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:app" mode="m:typst">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="shown" select="f:app-text(.)"/>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="$shown/node()" mode="m:typst"/>
    <xsl:if test="not(f:typst-defers-mark(.))">
      <xsl:apply-templates select="." mode="m:typst-mark"/>
    </xsl:if>
  </xsl:template>

  <!-- (Its note, where the word ends: typst/text.xsl.) -->
  <xsl:template match="tei:app" mode="m:typst-mark">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($copy)">
      <xsl:call-template name="t:typst-app-note"/>
    </xsl:if>
  </xsl:template>

  <!-- (An entry inside a lemma that an outer entry's note repeats has its note once,
       where the lemma stands.) -->
  <xsl:template name="t:typst-app-note">
    <xsl:variable name="shown" select="f:app-text(.)"/>
    <xsl:text>#reading-note(</xsl:text>
    <xsl:value-of select="f:typst-string(f:variant-label(.))"/>
    <xsl:value-of select="', inline: true'[current()/(ancestor::tei:note or ancestor::tei:rdg)]"/>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates select="$shown" mode="m:typst-reading">
      <xsl:with-param name="copy" select="true()" tunnel="yes"/>
    </xsl:apply-templates>
    <xsl:text>\] </xsl:text>
    <xsl:for-each select="(.//tei:rdg | .//tei:lem)[not(. is $shown)][ancestor::tei:app[1] is current()]">
      <xsl:apply-templates select="." mode="m:typst-reading"/>
      <xsl:if test="position() != last()"><xsl:text>; </xsl:text></xsl:if>
    </xsl:for-each>
    <xsl:for-each select="tei:note | tei:witDetail">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="m:typst-remark"/>
    </xsl:for-each>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg" mode="m:typst-reading">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:if test="not(node()[normalize-space() or self::*])">#emph[om.]</xsl:if>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:if test="@wit">
      <xsl:text> #emph[</xsl:text><xsl:value-of select="f:typst-markup(f:witnesses(.))"/><xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:for-each select=".//tei:note[f:note-place(.) = 'apparatus'][ancestor::tei:app[1] is current()/ancestor::tei:app[1]]">
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="." mode="m:typst-remark">
        <xsl:with-param name="copy" select="false()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:for-each>
  </xsl:template>

  <!-- An editor's remark in an apparatus entry, marked once for the parity check. -->
  <xsl:template match="tei:note" mode="m:typst-remark">
    <xsl:text>#app-remark(</xsl:text>
    <xsl:value-of select="f:typst-string(f:note-key(.))"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:witDetail" mode="m:typst-remark">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:note[f:note-place(.) = 'apparatus'] | tei:app/tei:witDetail" mode="m:typst" priority="4"/>

  <xsl:template match="tei:lem | tei:rdg | tei:rdgGrp | tei:wit" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>
</xsl:stylesheet>
