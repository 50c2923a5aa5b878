<?xml version="1.0" encoding="UTF-8"?>
<!-- A letter's correspondence description in print, before the text
     (common/correspondence.xsl; edition.typ, correspondence). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:correspDesc" mode="m:typst">
    <xsl:variable name="rows" as="xs:string*">
      <xsl:for-each select="f:corresp-actions(.)">
        <xsl:variable name="parts" as="xs:string*">
          <xsl:for-each select="f:corresp-action-parts(.)[f:corresp-part-text(.) != '']">
            <xsl:variable name="url" select="f:corresp-part-url(.)"/>
            <xsl:sequence select="if ($url) then '#link(' || f:typst-string($url) || ')[' ||
                                  f:typst-markup(f:corresp-part-text(.)) || ']'
                                  else f:typst-markup(f:corresp-part-text(.))"/>
          </xsl:for-each>
        </xsl:variable>
        <xsl:sequence select="'([' || f:typst-markup(f:corresp-action-label(.)) || '], [' ||
                              string-join($parts, ' · ') || '])'"/>
      </xsl:for-each>
      <xsl:for-each select="f:corresp-refs(.)">
        <xsl:sequence select="'([' || f:typst-markup(f:corresp-ref-label(.)) || '], [' ||
                              f:typst-markup((normalize-space()[.], normalize-space(@target))[1]) || '])'"/>
      </xsl:for-each>
      <xsl:for-each select="(tei:note | tei:p)[normalize-space()]">
        <xsl:sequence select="'([Note], [' || f:typst-markup(normalize-space()) || '])'"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($rows)">
      <xsl:text>#correspondence(</xsl:text>
      <xsl:value-of select="$rows" separator=", "/>
      <xsl:text>)&#10;&#10;</xsl:text>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
