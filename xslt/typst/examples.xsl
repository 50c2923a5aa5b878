<?xml version="1.0" encoding="UTF-8"?>
<!-- Examples of markup (egXML) and of anything else (eg) in print: raw text set as code,
     XML highlighted as XML (common/examples.xsl). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="eg:egXML" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-example(lang: "xml", </xsl:text>
    <xsl:if test="f:typst-among-words(.)">inline: true, </xsl:if>
    <xsl:value-of select="f:typst-raw-string(f:example-text(.))"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:eg" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-example(</xsl:text>
    <xsl:if test="f:typst-among-words(.)">inline: true, </xsl:if>
    <xsl:value-of select="f:typst-raw-string(string(.))"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <!-- An example that stands among words is set in the line. -->
  <xsl:function name="f:typst-among-words" as="xs:boolean">
    <xsl:param name="example" as="element()"/>
    <xsl:sequence select="exists($example/../text()[normalize-space()])"/>
  </xsl:function>

</xsl:stylesheet>
