<?xml version="1.0" encoding="UTF-8"?>
<!-- Tables, lists and figures in print. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:e="urn:teiedition"
    exclude-result-prefixes="#all">

  <!-- A table: as many columns as its widest row; cells span with @rows and @cols; cells of
       the role "label" are headers. -->
  <xsl:template match="tei:table" mode="m:typst">
    <xsl:variable name="columns" select="max((1, tei:row ! f:row-width(.)))"/>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-table(columns: </xsl:text>
    <xsl:value-of select="$columns"/>
    <xsl:for-each select="tei:head[1]">
      <xsl:text>, caption: [</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
    </xsl:for-each>
    <xsl:text>, </xsl:text>
    <xsl:for-each select="tei:row">
      <xsl:apply-templates select="tei:cell" mode="m:typst-cell">
        <xsl:with-param name="columns" select="$columns"/>
      </xsl:apply-templates>
      <!-- A short row (Word allows them) is filled, so that the next starts its own line. -->
      <xsl:for-each select="1 to $columns - f:row-width(.)"><xsl:text>[], </xsl:text></xsl:for-each>
    </xsl:for-each>
    <xsl:text>)&#10;&#10;</xsl:text>
    <xsl:apply-templates select="tei:head[position() gt 1] | tei:row[@xml:id] | tei:row/node()[not(self::tei:cell)][self::* or normalize-space()] | node()[not(self::tei:row or self::tei:head)][self::* or normalize-space()]" mode="m:typst-table-rest"/>
  </xsl:template>

  <xsl:template match="tei:cell" mode="m:typst-cell">
    <xsl:param name="columns" as="xs:integer"/>
      <xsl:text>table.cell(</xsl:text>
      <xsl:text>colspan: </xsl:text><xsl:value-of select="min((f:span(@cols), $columns))"/>
      <xsl:text>, rowspan: </xsl:text><xsl:value-of select="f:span(@rows)"/>
      <xsl:text>)[</xsl:text>
      <xsl:call-template name="t:typst-anchor"/>
      <xsl:choose>
        <xsl:when test="(@role, ../@role)[1] = 'label'">
          <xsl:text>#strong[</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates mode="m:typst"/></xsl:otherwise>
      </xsl:choose>
      <xsl:text>], </xsl:text>
  </xsl:template>

  <!-- What a table holds besides its cells (a second head, a note, a row's anchor) is
       printed after it. -->
  <xsl:template match="tei:row" mode="m:typst-table-rest">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>

  <xsl:template match="node()" mode="m:typst-table-rest">
    <xsl:apply-templates select="." mode="m:typst"/>
  </xsl:template>


  <xsl:template match="tei:row | tei:cell" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- Lists: numbered when the source says so, terms when they have labels. -->
  <xsl:template match="tei:list" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="tei:head | tei:headLabel | tei:headItem" mode="m:typst"/>
    <xsl:text>#tei-list(numbered: </xsl:text>
    <xsl:value-of select="if (@type = ('ordered', 'numbered', 'decimal') or @rend = ('numbered', 'ordered')) then 'true' else 'false'"/>
    <xsl:text>, </xsl:text>
    <xsl:for-each select="tei:item">
      <xsl:text>[</xsl:text>
      <xsl:call-template name="t:typst-anchor"/>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
        <xsl:text>#strong[</xsl:text><xsl:apply-templates select="." mode="m:typst-label"/><xsl:text>] </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates mode="m:typst"/>
      <xsl:text>], </xsl:text>
    </xsl:for-each>
    <xsl:text>)&#10;&#10;</xsl:text>
    <xsl:apply-templates select="node()[not(self::tei:item or self::tei:head or
                                       self::tei:headLabel or self::tei:headItem)]
                                 [not(self::tei:label[following-sibling::*[1][self::tei:item]])]
                                 [self::* or normalize-space()]" mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:label" mode="m:typst-label">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:label" mode="m:typst">
    <xsl:call-template name="t:typst-call"><xsl:with-param name="function" select="'tei-inline'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:item" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>#linebreak()</xsl:text>
  </xsl:template>

  <!-- A figure: its image when the edition has it, else a labelled placeholder; its heads
       as caption where the source has them: those it begins with above, else those it ends
       with below (as in the HTML); a head between other parts stays in place. -->
  <xsl:template match="tei:figure" mode="m:typst">
    <xsl:variable name="lead" select="tei:head[f:figure-edge(preceding-sibling::node())]"/>
    <xsl:variable name="heads" select="($lead, tei:head[empty($lead)]
                                        [f:figure-edge(following-sibling::node())])"/>
    <xsl:text>#tei-figure(</xsl:text>
    <xsl:if test="$heads">
      <xsl:text>caption: [</xsl:text>
      <xsl:for-each select="$heads">
        <xsl:if test="position() gt 1"><xsl:text>#linebreak()</xsl:text></xsl:if>
        <xsl:apply-templates mode="m:typst"/>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
      <xsl:if test="exists($lead)"><xsl:text>, above: true</xsl:text></xsl:if>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="node() except $heads" mode="m:typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media | tei:binaryObject" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#graphic-missing(</xsl:text>
    <xsl:value-of select="f:typst-string(string(@url))"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:graphic[@e:src] | tei:media[@e:src]" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-image(</xsl:text>
    <xsl:value-of select="f:typst-string(@e:src)"/>
    <xsl:text>, alt: </xsl:text>
    <xsl:value-of select="f:typst-string(normalize-space(string-join(../tei:figDesc, ' ')))"/>
    <xsl:text>)</xsl:text>
  </xsl:template>
</xsl:stylesheet>
