<?xml version="1.0" encoding="UTF-8"?>
<!-- Examples of markup (egXML) and of anything else (eg): preformatted code, a block of its
     own, or in the line where the example stands among words (common/examples.xsl). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="eg:egXML" mode="m:html">
    <xsl:call-template name="t:example">
      <xsl:with-param name="text" select="f:example-text(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:eg" mode="m:html">
    <xsl:call-template name="t:example">
      <xsl:with-param name="text" select="string(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template name="t:example">
    <xsl:param name="text" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="f:in-phrasing(.)">
        <code class="tei-{local-name()}"><xsl:call-template name="t:id"/><xsl:value-of select="$text"/></code>
      </xsl:when>
      <xsl:otherwise>
        <pre class="tei-{local-name()}"><xsl:call-template name="t:id"/><code><xsl:value-of select="$text"/></code></pre>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
