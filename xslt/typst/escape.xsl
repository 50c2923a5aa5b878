<?xml version="1.0" encoding="UTF-8"?>
<!-- The only way text reaches Typst: f:typst-markup() for text in markup, f:typst-string()
     for string literals, f:typst-raw-string() for a literal that keeps its lines (code).
     In markup every ASCII character that Typst markup may read as syntax is escaped with a
     backslash, wherever it stands (so no line-start rule is needed: - + = /
     and the rest are always escaped); runs of whitespace become one space, so that a blank
     line in a text node can never start a new paragraph. Tested character by character in
     tests/test_typst.py. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    exclude-result-prefixes="#all">

  <xsl:function name="f:typst-markup" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <!-- Whitespace is collapsed with normalize-space() and the ends put back, not with a
         regular expression: replace($text, '\s+', ' ') took four fifths of the escaping
         time (issue 7, the PDF's overhead over Typst). -->
    <xsl:variable name="inner" select="normalize-space($text)"/>
    <xsl:sequence select="
        if ($inner = '') then (if ($text = '') then '' else ' ')
        else replace(
          (if (fp:is-space(substring($text, 1, 1))) then ' ' else '') || $inner ||
          (if (fp:is-space(substring($text, string-length($text)))) then ' ' else ''),
          '[\\#$*_@&lt;&gt;\[\]`~&quot;''=\-+/.:;,!?%&amp;|^{}()]', '\\$0')"/>
  </xsl:function>

  <xsl:function name="fp:is-space" as="xs:boolean">
    <xsl:param name="char" as="xs:string"/>
    <xsl:sequence select="$char = (' ', '&#9;', '&#10;', '&#13;')"/>
  </xsl:function>

  <xsl:function name="f:typst-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace(normalize-space($text), '\\', '\\\\'),
                          '&quot;', '\\&quot;') || '&quot;'"/>
  </xsl:function>
  <!-- A Typst string of the text as it is, lines and spaces kept (f:typst-string joins
       them): backslashes, quotes, line ends and tabs escaped. -->
  <xsl:function name="f:typst-raw-string" as="xs:string">
    <xsl:param name="text" as="xs:string"/>
    <xsl:sequence select="'&quot;' || replace(replace(replace(replace(replace($text, '\\', '\\\\'),
                          '&quot;', '\\&quot;'), '&#13;?&#10;', '\\n'), '&#9;', '\\t'), '&#13;', '\\n')
                          || '&quot;'"/>
  </xsl:function>
</xsl:stylesheet>
