<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions shared by every output: ids, labels, note numbers, authority links. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- An element's id: its xml:id, or one computed from its place (stable per document). -->
  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="($node/@xml:id, local-name($node) || '-' || fp:position($node))[1]"/>
  </xsl:function>

  <xsl:function name="fp:position" as="xs:integer" cache="yes">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="count($node/preceding::*[local-name() = local-name($node)]) + 1"/>
  </xsl:function>

  <!-- A paragraph's number in the margin: its place among the paragraphs of its text (not
       those in notes or quotations). All numbers of a document are worked out
       in one pass and kept (counting the preceding paragraphs of each would take time
       quadratic in the length of the text: 40 s for 1,000,000 words). -->
  <xsl:function name="f:paragraph-number" as="xs:integer">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="fp:paragraph-numbers(root($p))(generate-id($p))"/>
  </xsl:function>

  <xsl:function name="fp:paragraph-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="map:merge(
        for $text in $root/descendant-or-self::tei:TEI
        return (let $ps := $text/tei:text//tei:p[not(ancestor::tei:note or ancestor::tei:quote)]
                return for $i in 1 to count($ps) return map {generate-id($ps[$i]): $i}))"/>
  </xsl:function>

  <!-- A note's label: the source's number (@n), else its position among the notes. -->
  <xsl:function name="f:note-label" as="xs:string" cache="yes">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="($note/@n, string(count($note/preceding::tei:note
                           [not(ancestor::tei:teiHeader)]) + 1))[1]"/>
  </xsl:function>

  <!-- The entry a name points to (@ref="#id"), when the document has it. -->
  <xsl:function name="f:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:variable name="id" select="substring-after(tokenize(normalize-space($name/@ref))[1], '#')"/>
    <xsl:sequence select="if ($id) then ($name/root()//*[@xml:id = $id])[1] else ()"/>
  </xsl:function>

  <!-- An entry's preferred name: the first name that is not a variant. -->
  <xsl:function name="f:preferred" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:geogName |
                                       tei:orgName | tei:label)"/>
    <xsl:sequence select="normalize-space(string(($names[not(@type = 'variant')], $names,
                          $entry/@xml:id)[1]))"/>
  </xsl:function>

  <!-- The index page of an entry's kind. -->
  <xsl:function name="f:index-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="map {'person': 'persons.html', 'place': 'places.html',
                               'org': 'organisations.html', 'event': 'events.html'}
                          (local-name($entry))"/>
  </xsl:function>

  <!-- The web address of an authority identifier, or () when its type is unknown. -->
  <xsl:function name="f:authority-url" as="xs:string?">
    <xsl:param name="idno" as="element(tei:idno)"/>
    <xsl:variable name="value" select="normalize-space($idno)"/>
    <xsl:sequence select="map {
        'wikidata': 'https://www.wikidata.org/wiki/' || $value,
        'viaf': 'https://viaf.org/viaf/' || $value,
        'geonames': 'https://www.geonames.org/' || $value,
        'URI': $value, 'url': $value }(string($idno/@type))"/>
  </xsl:function>

  <xsl:function name="f:authority-label" as="xs:string">
    <xsl:param name="idno" as="element(tei:idno)"/>
    <xsl:sequence select="(map {'wikidata': 'Wikidata', 'viaf': 'VIAF',
                           'geonames': 'GeoNames'}(string($idno/@type)), string($idno/@type))[1]"/>
  </xsl:function>

  <!-- A normalised date for people: "1954", "1953 – 1954", "not before 1950, not after 1959". -->
  <xsl:function name="f:date-value" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then string($date/@when)
      else if ($date/@from or $date/@to) then string-join(($date/@from, $date/@to), ' – ')
      else if ($date/@notBefore or $date/@notAfter)
        then string-join((('not before ' || $date/@notBefore)[$date/@notBefore],
                          ('not after ' || $date/@notAfter)[$date/@notAfter]), ', ')
      else ()"/>
  </xsl:function>

  <!-- The columns a table row fills: its cells' spans, and the cells of earlier rows that
       reach down into it (@rows). A table is as wide as its widest row. -->
  <xsl:function name="f:row-width" as="xs:integer">
    <xsl:param name="row" as="element(tei:row)"/>
    <xsl:variable name="above" select="$row/preceding-sibling::tei:row"/>
    <xsl:sequence select="xs:integer(sum(for $cell in $row/tei:cell return fp:cols($cell))
      + sum(for $k in 1 to count($above), $cell in $above[last() - $k + 1]/tei:cell
            [xs:integer((@rows, 1)[1]) gt $k] return fp:cols($cell)))"/>
  </xsl:function>

  <xsl:function name="fp:cols" as="xs:integer">
    <xsl:param name="cell" as="element(tei:cell)"/>
    <xsl:sequence select="xs:integer(($cell/@cols, 1)[1])"/>
  </xsl:function>

  <!-- "1 note", "3 notes": a count with its noun. -->
  <xsl:function name="f:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $noun || ('s'[$n != 1])"/>
  </xsl:function>
</xsl:stylesheet>
