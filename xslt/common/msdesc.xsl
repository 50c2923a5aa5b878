<?xml version="1.0" encoding="UTF-8"?>
<!-- What the parts of a manuscript description say in their attributes, for both outputs.
     Catalogues (Beta maṣāḥǝft's thousands of records, EpiDoc's inscriptions) leave many of
     them empty and give the value as attributes: <locus target="#128r"/>,
     <textLang mainLang="gez"/>, <layout columns="2" writtenLines="23"/>,
     <material key="parchment"/>, an <origDate notBefore="1900" notAfter="1950"/>, a
     <dimensions> of <height unit="mm">210</height>... A reader sees those values; a part
     with nothing to show is left out instead of printing a name with nothing after it. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:mp="urn:teiedition:modes:private"
    exclude-result-prefixes="#all">

  <xsl:mode name="mp:ms-attributes" on-no-match="deep-skip"/>

  <!-- The words an empty element of a description says in its attributes, or (). -->
  <xsl:function name="f:ms-attributes" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="said" as="xs:string*">
      <xsl:apply-templates select="$element[not(normalize-space())]" mode="mp:ms-attributes"/>
    </xsl:variable>
    <xsl:sequence select="string-join($said[normalize-space()], ', ')[normalize-space()]"/>
  </xsl:function>

  <!-- Whether a part of a description has anything to show: words, values in attributes,
       an image, or a name or note (which both outputs must carry, parity.py). -->
  <xsl:function name="f:ms-shows" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="normalize-space($element) != '' or
        exists($element/descendant-or-self::*[f:ms-attributes(.)]) or
        exists($element//(tei:graphic | tei:figure | tei:note | tei:persName | tei:placeName |
                          tei:orgName | tei:geogName | tei:name | tei:rs | tei:roleName))"/>
  </xsl:function>

  <xsl:template match="tei:locus[@from or @to]" mode="mp:ms-attributes">
    <xsl:sequence select="string-join((@from, @to), '–')"/>
  </xsl:template>

  <!-- A locus that points at its folios ("#128r #128v") names them. -->
  <xsl:template match="tei:locus[@target]" mode="mp:ms-attributes" priority="-0.5">
    <xsl:sequence select="string-join(tokenize(@target) ! replace(., '^#', ''), ', ')"/>
  </xsl:template>

  <xsl:template match="tei:locusGrp" mode="mp:ms-attributes">
    <xsl:sequence select="tei:locus ! f:ms-attributes(.)"/>
  </xsl:template>

  <!-- A text's languages by the names the file's langUsage gives them, else their codes. -->
  <xsl:template match="tei:textLang[@mainLang or @otherLangs]" mode="mp:ms-attributes">
    <xsl:variable name="usage" select="root()//tei:langUsage/tei:language"/>
    <xsl:sequence select="for $code in (@mainLang, tokenize(@otherLangs))
        return ($usage[@ident = $code][normalize-space()][1]/normalize-space(), $code)[1]"/>
  </xsl:template>

  <!-- (An empty textLang's xml:lang cannot be the language of its words: it names the
       text's, as Beta maṣāḥǝft writes it.) -->
  <xsl:template match="tei:textLang[@xml:lang]" mode="mp:ms-attributes" priority="-0.5">
    <xsl:variable name="code" select="string(@xml:lang)"/>
    <xsl:sequence select="(root()//tei:langUsage/tei:language[@ident = $code][normalize-space()]
                           [1]/normalize-space(), $code)[1]"/>
  </xsl:template>

  <xsl:template match="tei:layout" mode="mp:ms-attributes">
    <xsl:sequence select="@columns ! (. || ' column' || 's'[. != '1']),
                          @writtenLines ! (. || ' written line' || 's'[. != '1']),
                          @ruledLines ! (. || ' ruled line' || 's'[. != '1'])"/>
  </xsl:template>

  <!-- A controlled value given only as a key ("parchment"). -->
  <xsl:template match="tei:material[@key] | tei:objectType[@key]" mode="mp:ms-attributes">
    <xsl:sequence select="string(@key)"/>
  </xsl:template>

  <xsl:template match="tei:origDate | tei:date" mode="mp:ms-attributes">
    <xsl:sequence select="f:date-value(.)"/>
  </xsl:template>

  <!-- Height × width × depth in their unit, and which dimensions they are: "210 × 170 mm
       (outer)". (Empty children, as in templates of catalogues, say nothing.) -->
  <xsl:function name="f:ms-dimensions" as="xs:string?">
    <xsl:param name="dimensions" as="element(tei:dimensions)"/>
    <xsl:variable name="values" select="$dimensions/(tei:height, tei:width, tei:depth)
        [normalize-space() or @quantity]"/>
    <xsl:variable name="unit" select="($dimensions/@unit, $values/@unit)[1]"/>
    <xsl:sequence select="if (empty($values)) then () else
        string-join($values ! (normalize-space()[.], string(@quantity))[1], ' × ') ||
        (' ' || $unit)[$unit] || (' (' || $dimensions/@type || ')')[$dimensions/@type]"/>
  </xsl:function>
</xsl:stylesheet>
