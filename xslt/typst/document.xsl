<?xml version="1.0" encoding="UTF-8"?>
<!-- The document: the library, the title page values from the header, the text, the index. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI" mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="m:typst">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="stmt" select="$header/tei:fileDesc/tei:titleStmt"/>
    <xsl:text>#import "edition.typ": *&#10;</xsl:text>
    <xsl:if test="$attachment">
      <xsl:text>#pdf.attach(</xsl:text>
      <xsl:value-of select="f:typst-string($attachment)"/>
      <xsl:text>, relationship: "source", mime-type: "application/tei+xml", description: "The TEI P5 source of this edition")&#10;</xsl:text>
    </xsl:if>
    <xsl:text>#show: edition.with(&#10;  title: </xsl:text>
    <xsl:value-of select="f:typst-string(($stmt/tei:title)[1])"/>
    <xsl:text>,&#10;  authors: (</xsl:text>
    <xsl:value-of select="$stmt/tei:author/f:typst-string(.) ! (. || ',')" separator=" "/>
    <xsl:text>),&#10;  editors: (</xsl:text>
    <xsl:value-of select="$stmt/tei:editor/f:typst-string(.) ! (. || ',')" separator=" "/>
    <xsl:text>),&#10;</xsl:text>
    <xsl:for-each select="($header/tei:fileDesc/tei:seriesStmt/tei:title)[1]">
      <xsl:text>  series: </xsl:text><xsl:value-of select="f:typst-string(.)"/><xsl:text>,&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/tei:bibl)[1]">
      <xsl:variable name="citation"><xsl:apply-templates select="." mode="m:cite"/></xsl:variable>
      <xsl:text>  source: [</xsl:text>
      <xsl:value-of select="f:typst-markup(normalize-space($citation))"/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($header/tei:fileDesc/tei:publicationStmt/tei:availability)[1]">
      <xsl:text>  licence: [</xsl:text>
      <xsl:value-of select="f:typst-markup(string-join(*/normalize-space(), ' '))"/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($header/tei:fileDesc/tei:publicationStmt/tei:date)[1]">
      <xsl:text>  date: </xsl:text><xsl:value-of select="f:typst-string(.)"/><xsl:text>,&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>  lang: </xsl:text>
    <xsl:value-of select="f:typst-string((@xml:lang, 'en')[1])"/>
    <xsl:text>,&#10;)&#10;&#10;= Text&#10;&#10;</xsl:text>
    <xsl:apply-templates select="tei:text" mode="m:typst"/>
    <xsl:text>&#10;= Index&#10;&#10;#edition-index()&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
