<?xml version="1.0" encoding="UTF-8"?>
<!-- Names and dates in Typst: semantic calls that edition.typ marks for the index. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
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
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <!-- A name repeated in an apparatus note is text there: it is marked where it stands. -->
      <xsl:when test="$copy"><xsl:apply-templates mode="m:typst"/></xsl:when>
      <xsl:otherwise><xsl:call-template name="t:typst-name-mark"><xsl:with-param name="call" select="$call"/></xsl:call-template></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="t:typst-name-mark">
    <xsl:param name="call"/>
    <xsl:variable name="entry" select="f:entry(.)"/>
    <xsl:text>#</xsl:text><xsl:value-of select="$call"/>
    <xsl:choose>
      <xsl:when test="$entry">
        <xsl:text>(</xsl:text>
        <!-- A name, rs or roleName is counted as a name and listed in the index under its
             entry's kind. -->
        <xsl:if test="$call = 'tei-name'">
          <xsl:text>kind: "name", index: </xsl:text>
          <xsl:value-of select="f:typst-string(replace(local-name($entry), 'personGrp', 'person'))"/>
          <xsl:text>, </xsl:text>
        </xsl:if>
        <xsl:text>key: </xsl:text><xsl:value-of select="f:typst-string($entry/@xml:id)"/>
        <xsl:text>, name: </xsl:text><xsl:value-of select="f:typst-string(f:preferred($entry))"/>
        <xsl:text>)[</xsl:text>
      </xsl:when>
      <xsl:when test="$call = 'tei-name'">(kind: "name")[</xsl:when>
      <xsl:otherwise>[</xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- (With the chronology, a dated mention leaves a mark for its entry to find its page;
       not in a copy, so that the mark is where the reader finds the words.) -->
  <xsl:template match="tei:date" mode="m:typst">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:text>#tei-date(value: </xsl:text>
    <xsl:value-of select="f:typst-string((f:date-value(.), '')[1])"/>
    <xsl:if test="$chronology and not($copy) and f:date-start(.) and ancestor::tei:text[parent::tei:TEI]">
      <xsl:text>, key: </xsl:text><xsl:value-of select="f:typst-string(f:chronology-key(.))"/>
    </xsl:if>
    <xsl:text>)[</xsl:text><xsl:call-template name="t:typst-anchor"/><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>
</xsl:stylesheet>
