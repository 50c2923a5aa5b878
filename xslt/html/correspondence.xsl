<?xml version="1.0" encoding="UTF-8"?>
<!-- A letter's correspondence description in the page's header (common/correspondence.xsl):
     a line for each action — "Sent: Goethe · Weimar · 1800-01-02" —, names linked to their
     authority, the letters before and after linked when the edition has them. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:correspDesc" mode="m:meta">
    <xsl:apply-templates select="f:corresp-actions(.)" mode="m:meta"/>
    <xsl:apply-templates select="f:corresp-refs(.)" mode="m:meta"/>
    <xsl:apply-templates select="(tei:note | tei:p)[normalize-space()]" mode="m:meta"/>
  </xsl:template>

  <xsl:template match="tei:correspAction" mode="m:meta">
    <dt><xsl:value-of select="f:corresp-action-label(.)"/></dt>
    <dd class="correspondence">
      <xsl:for-each select="f:corresp-action-parts(.)[f:corresp-part-text(.) != '']">
        <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
        <xsl:variable name="url" select="f:corresp-part-url(.)"/>
        <xsl:choose>
          <xsl:when test="$url"><a href="{$url}"><xsl:value-of select="f:corresp-part-text(.)"/></a></xsl:when>
          <xsl:otherwise><xsl:value-of select="f:corresp-part-text(.)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </dd>
  </xsl:template>

  <!-- The letters before and after: a link where the pointer reaches a page of the edition
       or the web, else the words. -->
  <xsl:template match="tei:correspContext/(tei:ref | tei:ptr)" mode="m:meta">
    <dt><xsl:value-of select="f:corresp-ref-label(.)"/></dt>
    <dd class="correspondence">
      <xsl:variable name="to" select="f:resolve(., f:pointer(@target))"/>
      <xsl:variable name="words" select="(normalize-space()[.], normalize-space(@target))[1]"/>
      <xsl:choose>
        <xsl:when test="$to?kind = 'document'">
          <a href="{$to?file}.html{('#' || $to?fragment)[$to?fragment != '']}"><xsl:value-of select="$words"/></a>
        </xsl:when>
        <xsl:when test="$to?kind = 'web'"><a href="{$to?url}"><xsl:value-of select="$words"/></a></xsl:when>
        <xsl:otherwise><xsl:value-of select="$words"/></xsl:otherwise>
      </xsl:choose>
    </dd>
  </xsl:template>

  <xsl:template match="tei:correspDesc/(tei:note | tei:p)" mode="m:meta">
    <dt>Note</dt>
    <dd class="correspondence"><xsl:value-of select="normalize-space()"/></dd>
  </xsl:template>
</xsl:stylesheet>
