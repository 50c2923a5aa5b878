<?xml version="1.0" encoding="UTF-8"?>
<!-- The chronology as an appendix of the PDF, on request ($chronology, issue 17): every
     dated mention in date order, grouped by year, each with the page it stands on, and a
     timeline of the years. The data (which dates, their order, the counts by year, the
     years labelled) is common/chronology.xsl's, shared with the HTML page; edition.typ
     draws it and finds each mention's page from the mark its date leaves in the text. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:t="urn:teiedition:templates"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- The appendix of the whole document (the context: the TEI or teiCorpus element). -->
  <xsl:template name="t:chronology">
    <xsl:variable name="dated" select="f:dated-mentions(.)"/>
    <xsl:variable name="counts" select="f:year-counts($dated)"/>
    <xsl:variable name="years" select="sort(map:keys($counts))"/>
    <xsl:text>&#10;#chronology-heading()&#10;</xsl:text>
    <xsl:if test="exists($years)">
      <xsl:text>#chronology-timeline(first: </xsl:text>
      <xsl:value-of select="$years[1]"/>
      <xsl:text>, last: </xsl:text>
      <xsl:value-of select="$years[last()]"/>
      <xsl:text>, ticks: (</xsl:text>
      <xsl:value-of select="f:timeline-ticks($years[1], $years[last()]) !
                            ('(year: ' || . || ', label: ' || f:typst-string(f:year-label(.)) || '),')"
                    separator=" "/>
      <xsl:text>), years: (</xsl:text>
      <xsl:value-of select="$years ! ('(year: ' || . || ', count: ' || $counts(.) || ', label: '
                            || f:typst-string(f:year-label(.)) || '),')" separator=" "/>
      <xsl:text>))&#10;</xsl:text>
    </xsl:if>
    <xsl:for-each-group select="$dated" group-adjacent="f:date-year(.)">
      <xsl:text>#chronology-year(</xsl:text>
      <xsl:value-of select="current-grouping-key()"/>
      <xsl:text>, </xsl:text>
      <xsl:value-of select="f:typst-string(f:year-label(current-grouping-key()))"/>
      <xsl:text>)&#10;</xsl:text>
      <xsl:for-each select="current-group()">
        <xsl:text>#chronology-entry(</xsl:text>
        <xsl:value-of select="f:typst-string(f:chronology-key(.))"/>
        <xsl:text>, value: </xsl:text>
        <xsl:value-of select="f:typst-string((f:date-value(.), f:date-start(.))[1])"/>
        <!-- (In a book of several texts, each mention says which text it is in.) -->
        <xsl:for-each select="ancestor::tei:TEI[1][parent::tei:teiCorpus]/f:main-title(tei:teiHeader)">
          <xsl:text>, title: </xsl:text><xsl:value-of select="f:typst-string(.)"/>
        </xsl:for-each>
        <xsl:text>)[</xsl:text>
        <xsl:value-of select="f:typst-markup((normalize-space()[.], '(no words)')[1])"/>
        <xsl:text>]&#10;</xsl:text>
      </xsl:for-each>
    </xsl:for-each-group>
    <xsl:if test="empty($years)">
      <xsl:text>The edition has no dated mentions.&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The name of the mark a dated mention leaves in the text: its number among the dates
       of the document (a number, not generate-id(), so that the PDF is the same from one
       run to the next). -->
  <xsl:function name="f:chronology-key" as="xs:string">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="string(fp:date-numbers(root($date))(generate-id($date)))"/>
  </xsl:function>

  <xsl:function name="fp:date-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="dates" select="$root//tei:date"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($dates)
                                    return map {generate-id($dates[$i]): $i})"/>
  </xsl:function>
</xsl:stylesheet>
