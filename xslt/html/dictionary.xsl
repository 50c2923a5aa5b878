<?xml version="1.0" encoding="UTF-8"?>
<!-- Dictionaries: a sense numbered by its @n (TEI Lex-0's "1", "5.1") begins with its
     number, as a dictionary prints it, unless its words begin with it (<num>1.</num>); the
     rest of an entry is blocks and phrases of the element table. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:sense[normalize-space(@n)][not(starts-with(normalize-space(), normalize-space(@n)))]" mode="m:html">
    <xsl:call-template name="t:block">
      <xsl:with-param name="content">
        <span class="sense-n"><xsl:value-of select="normalize-space(@n)"/></span>
        <xsl:text> </xsl:text>
        <xsl:apply-templates mode="m:html"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
