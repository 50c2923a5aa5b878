<?xml version="1.0" encoding="UTF-8"?>
<!-- Writing direction in Typst: a part of the text whose language is written right to left
     (Arabic, Hebrew, Persian...) inside one written left to right, or the other way round,
     is set in its language (Typst then lays it out in its direction) and with the fonts
     for right-to-left scripts first, so that its spaces come from the same font as its
     letters: a line of one run reads back from the PDF in the order it was written
     (issue 13, al-manar). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:*[@xml:lang][fp:turns(.)]" mode="m:typst" priority="20">
    <xsl:text>#tei-lang(</xsl:text>
    <xsl:value-of select="f:typst-string(f:typst-lang(@xml:lang))"/>
    <xsl:if test="f:right-to-left(@xml:lang)">, rtl: true</xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:next-match/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Whether an element's language is written in the other direction than its context's
       (the nearest language above it, else the document's). -->
  <xsl:function name="fp:turns" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="outer" select="($element/ancestor::*/@xml:lang)[last()]"/>
    <xsl:sequence select="f:right-to-left($element/@xml:lang) ne
                          f:right-to-left(($outer, $fp:document-language)[1])"/>
  </xsl:function>

  <!-- Whether an element stands in text written right to left (its number in the margin
       then goes to the right). -->
  <xsl:function name="f:typst-rtl" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="f:right-to-left((($element/ancestor-or-self::*/@xml:lang)[last()],
                                           $fp:document-language)[1])"/>
  </xsl:function>

  <!-- (The language the document is set in, as document.xsl finds it.) -->
  <xsl:variable name="fp:document-language" as="xs:string"
                select="string((/*/@xml:lang, /tei:TEI/tei:text/@xml:lang, 'en')[1])"/>

  <!-- Whether a language tag names a language written right to left: by its script
       subtag (Arab, Hebr, Syrc, Thaa, Nkoo, Adlm...), else by the language. -->
  <xsl:function name="f:right-to-left" as="xs:boolean">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(lower-case(normalize-space($tag)), '[-_]')"/>
    <xsl:variable name="script" select="$parts[position() gt 1][string-length(.) = 4][1]"/>
    <xsl:sequence select="if ($script) then $script = ('arab', 'hebr', 'syrc', 'thaa', 'nkoo',
                                                        'adlm', 'mand', 'samr', 'rohg')
                          else $parts[1] = ('ar', 'ara', 'he', 'heb', 'iw', 'fa', 'fas', 'per',
                                            'ur', 'urd', 'ps', 'pus', 'yi', 'yid', 'ji',
                                            'syr', 'arc', 'dv', 'div', 'ug', 'uig', 'sd', 'snd',
                                            'ckb', 'ota', 'lad')"/>
  </xsl:function>
</xsl:stylesheet>
