<?xml version="1.0" encoding="UTF-8"?>
<!-- Verse and drama: stanzas, lines with their numbers (every fifth, or as the source
     numbers them), caesurae; cast lists, speeches, speakers, stage directions. Stanzas,
     speeches and cast lists are blocks (common/elements.xsl). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:l" mode="m:html">
    <xsl:call-template name="t:block">
      <xsl:with-param name="content">
        <xsl:if test="f:shows-line-number(.)">
          <span class="line-number" aria-hidden="true"><xsl:value-of select="f:line-number(.)"/></span>
        </xsl:if>
        <xsl:apply-templates mode="m:html"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:caesura" mode="m:html">
    <span class="tei-caesura" title="caesura"><xsl:call-template name="t:id"/><xsl:text> </xsl:text></span>
  </xsl:template>

  <!-- A stage direction within a line or a speech's sentence stays in the line. -->
  <xsl:template match="tei:stage[f:in-phrasing(.)]" mode="m:html">
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <!-- A role's description right after the role, with nothing between them in the file:
       "Tom, a boy", not "Toma boy". -->
  <xsl:template match="tei:roleDesc[preceding-sibling::node()[1][self::tei:role]]" mode="m:html">
    <xsl:text>, </xsl:text>
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <!-- A cast list item: the role and its description on one line. -->
  <xsl:template match="tei:castItem" mode="m:html">
    <xsl:call-template name="t:block"/>
  </xsl:template>

  <!-- Other parts of a cast item given with nothing between them (a description, then the
       actor) are words apart too: "son Mr X", not "sonMr X". -->
  <xsl:template match="tei:castItem/*[preceding-sibling::node()[1][self::*]]
                       [not(self::tei:roleDesc and preceding-sibling::node()[1][self::tei:role])]"
                mode="m:html" priority="5">
    <xsl:text> </xsl:text>
    <xsl:next-match/>
  </xsl:template>
</xsl:stylesheet>
