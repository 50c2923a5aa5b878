<?xml version="1.0" encoding="UTF-8"?>
<!-- A critical apparatus as notes: the lemma (or the first reading) in the text with a
     letter that links to its entry in the apparatus at the foot of the page and opens it
     in place; each entry gives the lemma and the other readings with their witnesses. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:app" mode="m:html">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="id" select="f:id(.)"/>
    <xsl:variable name="label" select="f:app-label(.)"/>
    <span class="tei-app">
      <xsl:apply-templates select="f:app-text(.)" mode="m:html"/>
    </span>
    <sup class="noteref appref">
      <a href="#{$id}" role="doc-noteref" aria-label="Apparatus entry {$label}">
        <xsl:if test="not($copy)"><xsl:attribute name="id" select="'ref-' || $id"/></xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </sup>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg | tei:rdgGrp" mode="m:html">
    <span class="tei-{local-name()}"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:wit" mode="m:html">
    <span class="tei-wit"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <!-- The entry in the apparatus: "lemma A B] reading C; om. D", each reading with its
       witnesses and the editor's remarks on it (notes inside an apparatus entry). -->
  <xsl:template match="tei:app" mode="m:apparatus">
    <xsl:variable name="id" select="f:id(.)"/>
    <xsl:variable name="shown" select="f:app-text(.)"/>
    <li id="{$id}" data-app="{f:app-label(.)}">
      <span class="app-label"><xsl:value-of select="f:app-label(.)"/></span>
      <xsl:text> </xsl:text>
      <xsl:apply-templates select="$shown" mode="m:app-reading">
        <xsl:with-param name="copy" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
      <xsl:text>] </xsl:text>
      <xsl:for-each select="(.//tei:rdg | .//tei:lem)[not(. is $shown)][ancestor::tei:app[1] is current()]">
        <xsl:apply-templates select="." mode="m:app-reading"/>
        <xsl:if test="position() != last()"><xsl:text>; </xsl:text></xsl:if>
      </xsl:for-each>
      <xsl:apply-templates select="tei:note | tei:witDetail" mode="m:app-remark"/>
      <xsl:text> </xsl:text>
      <a href="#ref-{$id}" role="doc-backlink" aria-label="Back to the text of apparatus entry {f:app-label(.)}">↩</a>
    </li>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg" mode="m:app-reading">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <span class="{if ($copy) then 'app-reading copy' else 'app-reading'}">
      <!-- (A reading with only the editor's remark, "om.", says it in the remark.) -->
      <xsl:if test="not(node()[normalize-space() or self::*])">
        <span class="omission">om.</span>
      </xsl:if>
      <xsl:apply-templates select="node()" mode="m:html"/>
      <xsl:if test="@wit"><xsl:text> </xsl:text><span class="wit"><xsl:value-of select="f:witnesses(.)"/></span></xsl:if>
      <xsl:apply-templates select=".//tei:note[f:note-place(.) = 'apparatus'][ancestor::tei:app[1] is current()/ancestor::tei:app[1]]" mode="m:app-remark">
        <xsl:with-param name="copy" select="false()" tunnel="yes"/>
      </xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- An editor's remark in an apparatus entry, said once (with its label for the parity
       check) where the entry is listed. -->
  <xsl:template match="tei:note" mode="m:app-remark">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:text> </xsl:text>
    <span class="app-note">
      <xsl:if test="not($copy)">
        <xsl:attribute name="data-label" select="f:note-key(.)"/>
        <xsl:call-template name="t:id"/>
      </xsl:if>
      <xsl:apply-templates select="node()" mode="m:html"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:witDetail" mode="m:app-remark">
    <xsl:text> </xsl:text>
    <span class="app-note"><xsl:apply-templates select="node()" mode="m:html"/></span>
  </xsl:template>

  <!-- Remarks inside an apparatus entry are said in the entry, not in the line. -->
  <xsl:template match="tei:note[f:note-place(.) = 'apparatus'] | tei:app/tei:witDetail" mode="m:html" priority="4"/>
</xsl:stylesheet>
