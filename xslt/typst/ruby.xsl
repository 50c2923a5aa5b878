<?xml version="1.0" encoding="UTF-8"?>
<!-- Ruby in print: the base in the line, the first gloss set small above it, a further one
     below it (edition.typ, tei-ruby). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:ruby" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-ruby[</xsl:text>
    <xsl:apply-templates select="node() except tei:rt" mode="m:typst"/>
    <xsl:text>]</xsl:text>
    <xsl:for-each select="tei:rt[position() le 2]">
      <xsl:text>[</xsl:text><xsl:apply-templates select="." mode="m:typst"/><xsl:text>]</xsl:text>
    </xsl:for-each>
    <!-- (Glosses beyond two follow in the line, small.) -->
    <xsl:for-each select="tei:rt[position() gt 2]">
      <xsl:text>#tei-rt[</xsl:text><xsl:apply-templates select="." mode="m:typst"/><xsl:text>]</xsl:text>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:rb | tei:ruby/tei:rt" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:rt[not(parent::tei:ruby)]" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-rt[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>
</xsl:stylesheet>
