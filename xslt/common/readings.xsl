<?xml version="1.0" encoding="UTF-8"?>
<!-- Transcription, for every output: what an editorial sign means, characters from the
     charDecl, apparatus labels and witnesses. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- A reader's description of an editorial sign: "omitted: 2 lines (illegible)". -->
  <xsl:function name="f:describe" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="what" select="map {
        'gap': 'omitted', 'space': 'space in the source', 'supplied': 'supplied by the editor',
        'surplus': 'superfluous in the source', 'secl': 'secluded by the editor',
        'damage': 'damaged', 'restore': 'restored', 'handShift': 'the hand changes',
        'sic': 'so in the source', 'corr': 'corrected by the editor',
        'orig': 'as in the source', 'reg': 'regularised by the editor',
        'abbr': 'abbreviation', 'expan': 'expansion'}(local-name($element))"/>
    <xsl:variable name="extent" select="normalize-space(string-join((
        $element/@quantity, $element/@extent, $element/@unit,
        ('from ' || $element/@atLeast)[$element/@atLeast],
        ('to ' || $element/@atMost)[$element/@atMost]), ' '))"/>
    <xsl:sequence select="string-join((($what, local-name($element))[1],
        ($extent)[. != ''], ('(' || normalize-space($element/@reason) || ')')[normalize-space($element/@reason)],
        ('(' || normalize-space($element/@agent) || ')')[normalize-space($element/@agent)],
        ('new hand: ' || normalize-space($element/@new))[normalize-space($element/@new)],
        ('source: ' || normalize-space($element/@source))[normalize-space($element/@source)]), ' ')"/>
  </xsl:function>

  <!-- The character a g stands for: its own text, else the standard (or normalised, or any)
       mapping of the char or glyph it points to, else a dotted circle (its name is in the
       title: no word is added to the one it stands in). -->
  <xsl:function name="f:glyph-text" as="xs:string">
    <xsl:param name="g" as="element()"/>
    <xsl:variable name="decl" select="fp:glyph-decl($g)"/>
    <xsl:sequence select="(string($g)[normalize-space(.)],
        ($decl/tei:mapping[@type = ('standard', 'normalized', 'normalised')],
         $decl/tei:mapping)[1] ! string(.),
        '◌')[1]"/>
  </xsl:function>

  <xsl:function name="f:glyph-name" as="xs:string">
    <xsl:param name="g" as="element()"/>
    <xsl:variable name="decl" select="fp:glyph-decl($g)"/>
    <xsl:sequence select="normalize-space((
        $decl/(tei:charName, tei:glyphName, tei:localProp[@name = 'Name']/@value,
               tei:localName, tei:desc)[1], $g/@ref, $g/@type, 'character')[1])"/>
  </xsl:function>

  <xsl:function name="fp:glyph-decl" as="element()?">
    <xsl:param name="g" as="element()"/>
    <xsl:variable name="pointer" select="tokenize(normalize-space($g/@ref))[1]"/>
    <xsl:sequence select="if (starts-with($pointer, '#'))
                          then f:element-by-id($g, substring($pointer, 2)) else ()"/>
  </xsl:function>

  <!-- An apparatus entry's number among the entries of its text (a, b, ... z, aa...). -->
  <xsl:function name="f:app-label" as="xs:string">
    <xsl:param name="app" as="element()"/>
    <xsl:variable name="n" select="fp:app-numbers(root($app))(generate-id($app))"/>
    <xsl:sequence select="f:letters($n)"/>
  </xsl:function>

  <xsl:function name="f:letters" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="if ($n le 26) then codepoints-to-string(96 + $n)
                          else f:letters(($n - 1) idiv 26) || codepoints-to-string(97 + ($n - 1) mod 26)"/>
  </xsl:function>

  <xsl:function name="fp:app-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="map:merge(
        for $text in $root/descendant-or-self::tei:TEI/tei:text
        return (let $apps := $text//tei:app
                return for $i in 1 to count($apps) return map {generate-id($apps[$i]): $i}))"/>
  </xsl:function>

  <!-- The sigla of a reading's witnesses: each witness's @n or its id, else the pointer. -->
  <xsl:function name="f:witnesses" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(
        for $w in tokenize(normalize-space($reading/@wit))
        return (let $decl := if (starts-with($w, '#')) then f:element-by-id($reading, substring($w, 2)) else ()
                return normalize-space(($decl/@n, $decl/tei:abbr[@type = 'siglum'],
                                        $decl/@xml:id, replace($w, '^#', ''))[1])), ' ')"/>
  </xsl:function>

  <!-- The reading an apparatus entry puts in the text: its lemma, else its first reading. -->
  <xsl:function name="f:app-text" as="element()?">
    <xsl:param name="app" as="element()"/>
    <xsl:sequence select="($app/tei:lem, $app/tei:rdg, $app/tei:rdgGrp//tei:lem, $app/tei:rdgGrp//tei:rdg)[1]"/>
  </xsl:function>
</xsl:stylesheet>
