<?xml version="1.0" encoding="UTF-8"?>
<!-- The chronology's data, for every output (issue 17): which dates are placed (those with a
     normalised value in a text), where (a span or a vague date by the start of its range),
     in what order, how many fall in each year, and the years a timeline labels. The HTML
     page (html/chronology.xsl) and the PDF's appendix (typst/chronology.xsl) only draw it. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- The dated mentions of the texts under $root, in date order: by year, then by the
       start of the range, then by its end (an open end last); the document order else. -->
  <xsl:function name="f:dated-mentions" as="element(tei:date)*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="f:chronology($root) ! ?date"/>
  </xsl:function>

  <!-- The same, each date with what places it, worked out once (the sort, the years and the
       page ask for it again and again: 14,000 dates asked a date's start 85,000 times):
       map {'date': the element, 'start': where its range begins, 'year': the year it is
       placed in, 'end': where its range ends, or '9999'}. -->
  <xsl:function name="f:chronology" as="map(*)*">
    <xsl:param name="root" as="node()"/>
    <!-- (Sorted by three keys, not by a key function returning the three: 0.1-0.2 s less
         for the 14,000 dates of a long text; the same order, both sorts being stable.) -->
    <xsl:perform-sort select="
        for $date in $root/descendant-or-self::tei:TEI/tei:text//tei:date,
            $start in f:date-start($date)
        return map {'date': $date, 'start': $start, 'year': f:year($start),
                    'end': (f:date-end($date), '9999')[1]}">
      <xsl:sort select="?year"/>
      <xsl:sort select="?start"/>
      <xsl:sort select="?end"/>
    </xsl:perform-sort>
  </xsl:function>

  <!-- Where a date's range begins and ends (yyyy, yyyy-mm or yyyy-mm-dd), or (). -->
  <xsl:function name="f:date-start" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/@when, $date/@from, $date/@notBefore, $date/@when-iso,
                          $date/@from-iso, $date/@notBefore-iso)[matches(., '^-?\d{4}')][1]
                          ! string(.)"/>
  </xsl:function>

  <xsl:function name="f:date-end" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="($date/@to, $date/@notAfter, $date/@to-iso,
                          $date/@notAfter-iso)[matches(., '^-?\d{4}')][1] ! string(.)"/>
  </xsl:function>

  <!-- The year a date is placed in. -->
  <xsl:function name="f:date-year" as="xs:integer">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="f:year(f:date-start($date))"/>
  </xsl:function>

  <xsl:function name="f:year" as="xs:integer">
    <xsl:param name="value" as="xs:string"/>
    <xsl:sequence select="xs:integer(replace($value, '^(-?\d{4}).*$', '$1'))"/>
  </xsl:function>

  <xsl:function name="f:year-label" as="xs:string">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:sequence select="if ($year lt 0) then abs($year) || ' BCE' else string($year)"/>
  </xsl:function>

  <!-- How many dates each year has, of f:chronology's (only years that have some; they come
       sorted by year, so each year is one run of them). -->
  <xsl:function name="f:chronology-counts" as="map(xs:integer, xs:integer)">
    <xsl:param name="placed" as="map(*)*"/>
    <xsl:map>
      <xsl:for-each-group select="$placed" group-adjacent="?year">
        <xsl:map-entry key="current-grouping-key()" select="count(current-group())"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- How many mentions each year has (only years that have some). -->
  <xsl:function name="f:year-counts" as="map(xs:integer, xs:integer)">
    <xsl:param name="dated" as="element()*"/>
    <xsl:map>
      <xsl:for-each-group select="$dated" group-by="f:date-year(.)">
        <xsl:map-entry key="xs:integer(current-grouping-key())" select="count(current-group())"/>
      </xsl:for-each-group>
    </xsl:map>
  </xsl:function>

  <!-- The years a timeline from $first to $last labels: every 1, 5, 10, 25... years, so
       that there are at most about ten labels. -->
  <xsl:function name="f:timeline-ticks" as="xs:integer*">
    <xsl:param name="first" as="xs:integer"/>
    <xsl:param name="last" as="xs:integer"/>
    <xsl:variable name="span" select="max(($last - $first, 1))"/>
    <xsl:variable name="step" select="((1, 5, 10, 25, 50, 100, 250, 500, 1000)[$span div . le 10][1],
                                       xs:integer(ceiling($span div 10)))[1]"/>
    <xsl:sequence select="(($first idiv $step * $step) to $last)[. ge $first and . mod $step = 0]"/>
  </xsl:function>
</xsl:stylesheet>
