<?xml version="1.0" encoding="UTF-8"?>
<!-- The parameters of the HTML output, set by teiedition (render.py). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">
  <!-- Which page: "text", an index ("persons", "places", "organisations", "events"), or
       "home" (the list of texts). -->
  <xsl:param name="page" as="xs:string" select="'text'"/>
  <!-- The file name of the text page (its index entries link back to it). -->
  <xsl:param name="text-file" as="xs:string" select="'text.html'"/>
  <!-- The date shown in "how to cite" as the access date (ISO 8601). -->
  <xsl:param name="access-date" as="xs:string" select="''"/>
  <!-- Whether the edition has a search index (search.py): a search page, and a search box
       on every page. -->
  <xsl:param name="search" as="xs:boolean" select="false()"/>
  <!-- With the text page ($page = 'text'), also the edition's pages of that one text, as
       result documents (home.xsl). -->
  <xsl:param name="edition-pages" as="xs:boolean" select="false()"/>
  <!-- The stylesheet the pages link to, in the same folder. -->
  <xsl:param name="css" as="xs:string" select="'edition.css'"/>
</xsl:stylesheet>
