<?xml version="1.0" encoding="UTF-8"?>
<!-- Examples of markup (TEI's egXML, in the namespace http://www.tei-c.org/ns/Examples, as
     the Guidelines, ODD customisations and articles of the Journal of the TEI use them):
     shown as the XML they are, for every output. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <!-- The example as its author wrote it: its content serialised, the examples' namespace
       left out (it is what marks the example, not part of it), the indentation its lines
       share taken off. -->
  <xsl:function name="f:example-text" as="xs:string">
    <xsl:param name="example" as="element()"/>
    <xsl:variable name="plain" as="node()*">
      <xsl:apply-templates select="$example/node()" mode="m:example-plain"/>
    </xsl:variable>
    <xsl:variable name="text" select="serialize($plain, map {'method': 'xml', 'omit-xml-declaration': true()})"/>
    <xsl:variable name="lines" select="tokenize(replace($text, '^\s*\n|\s+$', ''), '\n')"/>
    <!-- (A first line that began beside the start tag has no indentation to share.) -->
    <xsl:variable name="indented" select="if (matches($text, '^\s*\n')) then $lines else tail($lines)"/>
    <xsl:variable name="shared" select="(min($indented[normalize-space()] ! (string-length(.) - string-length(replace(., '^[ \t]+', '')))), 0)[1]"/>
    <xsl:sequence select="string-join(if ($shared gt 0) then $lines ! replace(., '^[ \t]{1,' || $shared || '}', '')
                                      else $lines, '&#10;')"/>
  </xsl:function>

  <xsl:template match="*" mode="m:example-plain">
    <xsl:element name="{local-name()}" namespace="{if (namespace-uri() = 'http://www.tei-c.org/ns/Examples') then '' else namespace-uri()}">
      <xsl:copy-of select="@*"/>
      <xsl:apply-templates mode="m:example-plain"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="comment() | processing-instruction() | text()" mode="m:example-plain">
    <xsl:copy/>
  </xsl:template>
</xsl:stylesheet>
