<!-- A hostile stylesheet for tests/test_xslt.py: it tries to read and write files. -->
<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="3.0"
                xmlns:xs="http://www.w3.org/2001/XMLSchema" exclude-result-prefixes="xs">
  <xsl:param name="mode" as="xs:string" select="'plain'"/>
  <xsl:param name="target" as="xs:string" select="''"/>
  <xsl:output method="html" html-version="5"/>
  <xsl:template match="/">
    <xsl:message>hello from xsl</xsl:message>
    <xsl:choose>
      <xsl:when test="$mode = 'read'"><out><xsl:value-of select="unparsed-text($target)"/></out></xsl:when>
      <xsl:when test="$mode = 'doc'"><out><xsl:value-of select="document($target)"/></out></xsl:when>
      <xsl:when test="$mode = 'write'">
        <xsl:result-document href="persons.html"><p>persons</p></xsl:result-document>
        <out>main</out>
      </xsl:when>
      <xsl:when test="$mode = 'escape'">
        <xsl:result-document href="{$target}"><p>escape</p></xsl:result-document>
        <out>main</out>
      </xsl:when>
      <xsl:otherwise><out><xsl:value-of select="count(//*)"/></out></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
