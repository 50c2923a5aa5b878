<?xml version="1.0" encoding="UTF-8"?>
<!-- Verse and drama in print: lines with their numbers in the margin (every fifth, or as
     the source numbers them); stage directions inside a line stay in it. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:l" mode="m:typst">
    <xsl:text>#verse-line(</xsl:text>
    <xsl:value-of select="if (f:shows-line-number(.)) then f:typst-string(f:line-number(.)) else 'none'"/>
    <xsl:if test="f:typst-rtl(.)">, rtl: true</xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:stage[ancestor::tei:l or ancestor::tei:p or ancestor::tei:ab]" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-inline'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A role's description right after the role: "Tom, a boy". -->
  <xsl:template match="tei:roleDesc[preceding-sibling::node()[1][self::tei:role]]" mode="m:typst">
    <xsl:text>, </xsl:text>
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-inline'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Other parts of a cast item given with nothing between them (a description, then the
       actor) are words apart too: "son Mr X", not "sonMr X". -->
  <xsl:template match="tei:castItem/*[preceding-sibling::node()[1][self::*]]
                       [not(self::tei:roleDesc and preceding-sibling::node()[1][self::tei:role])]"
                mode="m:typst" priority="5">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>
</xsl:stylesheet>
