<?xml version="1.0" encoding="UTF-8"?>
<!-- Dictionaries in print: a sense numbered by its @n begins with its number (the layout
     is edition.typ's numbered-sense). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:sense[normalize-space(@n)][not(starts-with(normalize-space(), normalize-space(@n)))]" mode="m:typst">
    <xsl:text>#numbered-sense(</xsl:text>
    <xsl:value-of select="f:typst-string(normalize-space(@n))"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]</xsl:text>
  </xsl:template>
</xsl:stylesheet>
