<?xml version="1.0" encoding="UTF-8"?>
<!-- The catch-all: an element no template knows keeps its text, visibly marked, and (with
     $warn-unhandled) says so. Nothing is dropped silently. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:param name="warn-unhandled" as="xs:boolean" select="false()"/>

  <xsl:template match="*" mode="m:html" priority="-10">
    <xsl:if test="$warn-unhandled">
      <xsl:message select="'unhandled: ' || name() || ' (its text is kept)'"/>
    </xsl:if>
    <span class="tei-unhandled" data-tei="{local-name()}">
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <xsl:template match="*" mode="m:typst" priority="-10">
    <xsl:if test="$warn-unhandled">
      <xsl:message select="'unhandled: ' || name() || ' (its text is kept)'"/>
    </xsl:if>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>
</xsl:stylesheet>
