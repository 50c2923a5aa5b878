<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes in Typst: footnotes numbered as the source numbers them. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note" mode="m:typst">
    <xsl:text>#tei-note(</xsl:text>
    <xsl:value-of select="f:typst-string(f:note-label(.))"/>
    <xsl:text>)[</xsl:text>
    <xsl:apply-templates select="." mode="m:typst-note-body"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note//tei:note" mode="m:typst" priority="2">
    <xsl:text>\(</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>\)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:typst-note-body">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:note[tei:gap[@reason = 'not-in-source']]
                       [not(normalize-space(string-join(text(), '')))]"
                mode="m:typst-note-body" priority="2">
    <xsl:text>#note-missing</xsl:text>
  </xsl:template>
</xsl:stylesheet>
