<?xml version="1.0" encoding="UTF-8"?>
<!-- The header of a page from the teiHeader: title, people, source, licence, how to cite. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:teiHeader" mode="m:meta">
    <xsl:variable name="stmt" select="tei:fileDesc/tei:titleStmt"/>
    <h1><xsl:apply-templates select="f:main-title(.)" mode="m:meta"/></h1>
    <xsl:for-each select="f:subtitles(.)">
      <p class="subtitle"><xsl:value-of select="."/></p>
    </xsl:for-each>
    <xsl:if test="f:name-list($stmt/tei:author)">
      <p class="authors"><xsl:value-of select="f:name-list($stmt/tei:author)"/></p>
    </xsl:if>
    <dl class="edition-meta">
      <xsl:if test="f:name-list($stmt/tei:editor)">
        <dt>Edited by</dt>
        <dd><xsl:value-of select="f:name-list($stmt/tei:editor)"/></dd>
      </xsl:if>
      <xsl:for-each select="tei:fileDesc/tei:sourceDesc/tei:bibl">
        <dt>Source</dt>
        <dd class="source"><xsl:apply-templates select="." mode="m:cite"/></dd>
      </xsl:for-each>
      <xsl:apply-templates select="tei:profileDesc/tei:correspDesc" mode="m:meta"/>
      <xsl:apply-templates select="tei:fileDesc/tei:publicationStmt/tei:availability"
                           mode="m:meta"/>
      <dt>How to cite</dt>
      <dd class="how-to-cite"><xsl:call-template name="t:how-to-cite"/></dd>
    </dl>
  </xsl:template>

  <xsl:template match="tei:availability" mode="m:meta">
    <dt>Licence</dt>
    <dd class="licence"><xsl:apply-templates select="*" mode="m:meta"/></dd>
  </xsl:template>

  <!-- A licence links to its web address (named by it where the licence has no words). -->
  <xsl:template match="tei:licence[f:web-url(@target)]" mode="m:meta">
    <p><a href="{f:web-url(@target)}" rel="license"><xsl:value-of
        select="(normalize-space()[.], f:web-url(@target))[1]"/></a></p>
  </xsl:template>

  <xsl:template match="tei:licence | tei:availability/tei:p" mode="m:meta">
    <xsl:for-each select="(normalize-space()[.], normalize-space(@target)[.])[1]">
      <p><xsl:value-of select="."/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="t:how-to-cite">
    <xsl:variable name="header" select="ancestor-or-self::tei:teiHeader"/>
    <xsl:variable name="url" select="f:web-url(($header//tei:publicationStmt/tei:idno[@type = 'URI'])[1])"/>
    <!-- Only what the header says: real files often name no publisher or date. -->
    <xsl:value-of select="(normalize-space(f:main-title($header)),
                           normalize-space(($header//tei:seriesStmt/tei:title,
                                            $header//tei:publicationStmt/tei:publisher)[1]),
                           normalize-space(($header//tei:publicationStmt/tei:date)[1]))[. != '']"
                  separator=", "/>
    <xsl:if test="$url">
      <xsl:text>, </xsl:text><a href="{$url}"><xsl:value-of select="$url"/></a>
    </xsl:if>
    <xsl:if test="$access-date">
      <xsl:text> (accessed </xsl:text><xsl:value-of select="$access-date"/><xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:text>.</xsl:text>
  </xsl:template>
</xsl:stylesheet>
