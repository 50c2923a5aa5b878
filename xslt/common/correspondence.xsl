<?xml version="1.0" encoding="UTF-8"?>
<!-- A letter's correspondence description (profileDesc/correspDesc: who sent it from where
     and when, who received it; the letters before and after), for every output. Letters
     and the Correspondence Metadata Interchange Format (CMIF) carry it in the header;
     a CMIF file is nothing else. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    exclude-result-prefixes="#all">

  <!-- What an action is called for a reader: "Sent", "Received", else its @type as written. -->
  <xsl:function name="f:corresp-action-label" as="xs:string">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:variable name="type" select="normalize-space($action/@type)"/>
    <xsl:sequence select="(map {'sent': 'Sent', 'received': 'Received', 'transmitted':
        'Transmitted', 'redirected': 'Redirected', 'forwarded': 'Forwarded'}($type),
        upper-case(substring($type, 1, 1)) || substring($type, 2), 'Correspondence')[. != ''][1]"/>
  </xsl:function>

  <!-- The parts of an action, each a phrase: the persons and organisations, the places,
       the date (its words, or its normalised value where it has none), anything else. -->
  <xsl:function name="f:corresp-action-parts" as="element()*">
    <xsl:param name="action" as="element(tei:correspAction)"/>
    <xsl:sequence select="$action/(tei:persName | tei:orgName | tei:name | tei:rs),
                          $action/(tei:placeName | tei:settlement | tei:country | tei:address),
                          $action/tei:date, $action/*[not(self::tei:persName or self::tei:orgName
                          or self::tei:name or self::tei:rs or self::tei:placeName or
                          self::tei:settlement or self::tei:country or self::tei:address or
                          self::tei:date)]"/>
  </xsl:function>

  <!-- The actions that say something: a person, place or date with words or a value. -->
  <xsl:function name="f:corresp-actions" as="element(tei:correspAction)*">
    <xsl:param name="desc" as="element(tei:correspDesc)"/>
    <xsl:sequence select="$desc/tei:correspAction[some $part in f:corresp-action-parts(.)
                                                  satisfies f:corresp-part-text($part) != '']"/>
  </xsl:function>

  <xsl:function name="f:corresp-part-text" as="xs:string">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="(normalize-space($part)[.],
                           $part/self::tei:date ! f:date-value(.),
                           '')[1] => string()"/>
  </xsl:function>

  <!-- Where a name's @ref leads outside the edition (an authority's web address). -->
  <xsl:function name="f:corresp-part-url" as="xs:string?">
    <xsl:param name="part" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space($part/@ref))[matches(., '^https?://')][1]"/>
  </xsl:function>

  <!-- What a pointer of correspContext is for a reader: "Previous letter", "Next letter"
       (from @type or @subtype: "prev", "previous_letter", "next"...), "Correspondence",
       else "Related letter"; where the file gives a further kind ("withinCollection"),
       it follows in parentheses. -->
  <xsl:function name="f:corresp-ref-label" as="xs:string">
    <xsl:param name="ref" as="element()"/>
    <xsl:variable name="kinds" select="lower-case(string-join(($ref/@type, $ref/@subtype), ' '))"/>
    <xsl:variable name="label" select="
        if (matches($kinds, 'prev')) then 'Previous letter'
        else if (matches($kinds, 'next|follow')) then 'Next letter'
        else if (matches($kinds, 'correspondence|belongs')) then 'Correspondence'
        else 'Related letter'"/>
    <xsl:variable name="more" select="($ref/@type[not(matches(lower-case(.), '^(prev|previous|next|belongstocorrespondence)$'))]
        ! lower-case(replace(replace(normalize-space(.), '([a-z])([A-Z])', '$1 $2'), '[_-]', ' ')))[. != ''][1]"/>
    <xsl:sequence select="$label || (' (' || $more || ')')[$label = ('Previous letter', 'Next letter') and exists($more)]"/>
  </xsl:function>

  <!-- The pointers of correspContext, each once (files give the same letter twice, as the
       next in the collection and in the correspondence). -->
  <xsl:function name="f:corresp-refs" as="element()*">
    <xsl:param name="desc" as="element(tei:correspDesc)"/>
    <xsl:for-each-group select="$desc/tei:correspContext/(tei:ref | tei:ptr)
                                [normalize-space() or normalize-space(@target)]"
                        group-by="f:corresp-ref-label(.) || ' → ' || normalize-space(@target)">
      <xsl:sequence select="current-group()[1]"/>
    </xsl:for-each-group>
  </xsl:function>
</xsl:stylesheet>
