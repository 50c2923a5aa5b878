<?xml version="1.0" encoding="UTF-8"?>
<!-- Names and dates in Typst: semantic calls that edition.typ marks for the index. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName" mode="m:typst">
    <xsl:call-template name="t:typst-name"><xsl:with-param name="call" select="'person'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:placeName | tei:geogName" mode="m:typst">
    <xsl:call-template name="t:typst-name"><xsl:with-param name="call" select="'place'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:orgName" mode="m:typst">
    <xsl:call-template name="t:typst-name"><xsl:with-param name="call" select="'org'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:name[@type = 'event']" mode="m:typst">
    <xsl:call-template name="t:typst-name"><xsl:with-param name="call" select="'event'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:name | tei:rs | tei:roleName" mode="m:typst">
    <xsl:call-template name="t:typst-name"><xsl:with-param name="call" select="'tei-name'"/></xsl:call-template>
  </xsl:template>

  <!-- A name with an entry in the document goes to the index with its key; one without is
       marked with no key (it prints as plain text). -->
  <xsl:template name="t:typst-name">
    <xsl:param name="call"/>
    <xsl:variable name="entry" select="f:entry(.)"/>
    <xsl:text>#</xsl:text><xsl:value-of select="$call"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <xsl:text>(key: </xsl:text><xsl:value-of select="f:typst-string($entry/@xml:id)"/>
        <xsl:text>, name: </xsl:text><xsl:value-of select="f:typst-string(f:preferred($entry))"/>
        <xsl:text>)[</xsl:text>
      </xsl:when>
      <xsl:when test="$call = 'tei-name'">(kind: "name")[</xsl:when>
      <xsl:otherwise>[</xsl:otherwise>
    </xsl:choose>
    <xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:date" mode="m:typst">
    <xsl:text>#tei-date(value: </xsl:text>
    <xsl:value-of select="f:typst-string((f:date-value(.), '')[1])"/>
    <xsl:text>)[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>
</xsl:stylesheet>
