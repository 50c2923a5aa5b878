<?xml version="1.0" encoding="UTF-8"?>
<!-- Bibliography, register lists in the text, and the manuscript description in print. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:bibl | tei:biblStruct" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:listBibl/tei:bibl | tei:listBibl/tei:biblStruct | tei:listBibl/tei:msDesc |
                       tei:div/tei:bibl | tei:div/tei:biblStruct | tei:body/tei:bibl"
                mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-block'"/>
      <xsl:with-param name="kind" select="'bibl'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:biblStruct/* | tei:analytic/* | tei:monogr/* | tei:imprint/*" mode="m:typst"
                priority="1">
    <xsl:if test="preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:next-match/>
    <xsl:if test="self::tei:author or self::tei:editor or self::tei:title"><xsl:text>.</xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:analytic | tei:monogr | tei:imprint | tei:series[parent::tei:biblStruct]" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent |
                       tei:listNym | tei:listRelation | tei:listObject | tei:person |
                       tei:personGrp | tei:place | tei:org | tei:event | tei:nym | tei:relation |
                       tei:object" mode="m:typst">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-block'"/>
      <xsl:with-param name="kind" select="'entry'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:person/* | tei:personGrp/* | tei:place/* | tei:org/* | tei:event/* |
                       tei:relation/*" mode="m:typst" priority="-0.5">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-line'"/>
      <xsl:with-param name="kind" select="'entry-part'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A manuscript description: before the text, each part under its heading. -->
  <xsl:template match="tei:msDesc" mode="m:typst">
    <xsl:text>#ms-description[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:msIdentifier" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#tei-line("msIdentifier")[</xsl:text>
    <xsl:apply-templates select="." mode="m:typst-ms-identifier"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- (Its parts in the file's order, with their markup; those with nothing to show left
       out: html/msdesc.xsl.) -->
  <xsl:template match="tei:msIdentifier | tei:altIdentifier" mode="m:typst-ms-identifier">
    <xsl:for-each select="*[f:ms-shows(.)]">
      <xsl:if test="position() gt 1">
        <xsl:value-of select="f:typst-markup(if (self::tei:note) then ' ' else ', ')"/>
      </xsl:if>
      <xsl:apply-templates select="self::tei:altIdentifier" mode="m:typst-ms-identifier"/>
      <xsl:apply-templates select=".[not(self::tei:altIdentifier)]" mode="m:typst"/>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:msItem | tei:objectDesc | tei:supportDesc | tei:support | tei:extent[ancestor::tei:msDesc] |
                       tei:foliation | tei:collation | tei:condition | tei:layoutDesc |
                       tei:handDesc | tei:decoDesc | tei:bindingDesc | tei:sealDesc |
                       tei:scriptDesc | tei:typeDesc | tei:accMat | tei:origin | tei:provenance |
                       tei:acquisition | tei:adminInfo | tei:surrogates | tei:summary |
                       tei:handNote | tei:decoNote | tei:layout | tei:binding | tei:seal |
                       tei:recordHist | tei:custodialHist | tei:musicNotation | tei:textLang |
                       tei:incipit | tei:explicit | tei:rubric | tei:finalRubric | tei:colophon |
                       tei:filiation | tei:msItemStruct | tei:msContents | tei:physDesc |
                       tei:history | tei:additional | tei:msPart | tei:msFrag | tei:source |
                       tei:custEvent" mode="m:typst">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'ms-field'"/>
      <xsl:with-param name="kind" select="f:field-name(.)"/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="m:typst"/>
        <xsl:value-of select="f:ms-attributes(.) ! f:typst-markup(.)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A part with nothing to show is left out; links to its ids still arrive
       (common/msdesc.xsl). -->
  <xsl:template match="tei:*[f:behaviour(.) = ('section', 'block', 'line')]
                       [ancestor::tei:msDesc][not(f:ms-shows(.))]" mode="m:typst" priority="3">
    <xsl:for-each select="descendant-or-self::*[@xml:id]">
      <xsl:call-template name="t:typst-anchor"/>
    </xsl:for-each>
  </xsl:template>

  <!-- An empty element that gives its value in attributes. -->
  <xsl:template match="(tei:material | tei:objectType | tei:origDate | tei:date)
                       [ancestor::tei:msDesc][f:ms-attributes(.)]" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:value-of select="f:typst-markup(f:ms-attributes(.))"/>
  </xsl:template>

  <xsl:template match="tei:dimensions[f:ms-dimensions(.)]" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:value-of select="f:typst-markup(f:ms-dimensions(.))"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- A heading inside a description heads it, not the document (a document heading is a
       chapter, which begins a page: Typst refuses a page break inside the description). -->
  <xsl:template match="tei:head[ancestor::tei:msDesc]" mode="m:typst" priority="2.5">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-block'"/>
      <xsl:with-param name="kind" select="'head'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A note in a description is part of it. -->
  <xsl:template match="tei:msDesc//tei:note" mode="m:typst" priority="2.5">
    <xsl:text>#inline-note(</xsl:text>
    <xsl:value-of select="f:typst-string(f:note-key(.))"/>
    <xsl:text>, brackets: false)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:locus | tei:locusGrp" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:value-of select="f:ms-attributes(.) ! f:typst-markup(.)"/>
  </xsl:template>
</xsl:stylesheet>
