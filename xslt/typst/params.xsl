<?xml version="1.0" encoding="UTF-8"?>
<!-- The parameters of the Typst output, set by teiedition (render.py). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">
  <!-- The file name of the TEI source to embed in the PDF (PDF/A-3b), or '' for none. -->
  <xsl:param name="attachment" as="xs:string" select="''"/>
  <!-- A long text is printed in volumes: "Volume 2 of 4" for the title page ('' for none),
       and the number of paragraphs in the volumes before, so that the numbers go on. -->
  <xsl:param name="volume" as="xs:string" select="''"/>
  <xsl:param name="paragraph-offset" as="xs:integer" select="0"/>
  <!-- Whether the PDF has the chronology as an appendix (issue 17): every dated mention
       in date order, with its page. -->
  <xsl:param name="chronology" as="xs:boolean" select="false()"/>
</xsl:stylesheet>
