<?xml version="1.0" encoding="UTF-8"?>
<!-- A manuscript description (msDesc in the sourceDesc) in the page's front matter: the
     shelfmark, then each part under a heading of its own (contents, physical description,
     history...). Its elements are sections, blocks and phrases of the element table. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:msDesc" mode="m:html">
    <section class="msdesc" id="{f:id(.)}" aria-labelledby="{f:id(.)}-title">
      <h2 id="{f:id(.)}-title">Manuscript description</h2>
      <xsl:apply-templates mode="m:html"/>
    </section>
  </xsl:template>

  <!-- The shelfmark: its parts in the order the file gives them, each with its markup (a
       note, a link), those with nothing to show left out. -->
  <xsl:template match="tei:msIdentifier" mode="m:html">
    <p class="ms-identifier" id="{f:id(.)}">
      <xsl:apply-templates select="." mode="m:html-ms-identifier"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:msIdentifier | tei:altIdentifier" mode="m:html-ms-identifier">
    <xsl:for-each select="*[f:ms-shows(.)]">
      <xsl:if test="position() gt 1">
        <xsl:value-of select="if (self::tei:note) then ' ' else ', '"/>
      </xsl:if>
      <xsl:apply-templates select="self::tei:altIdentifier" mode="m:html-ms-identifier"/>
      <xsl:apply-templates select=".[not(self::tei:altIdentifier)]" mode="m:html"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The parts of a description, each with a heading a reader understands. -->
  <xsl:template match="tei:msDesc/* | tei:msPart/*" mode="m:html" priority="-0.5">
    <xsl:variable name="title" select="map {
        'msContents': 'Contents', 'physDesc': 'Physical description', 'history': 'History',
        'additional': 'Additional information', 'msPart': 'Part', 'msFrag': 'Fragment',
        'head': ''}(local-name())"/>
    <section class="ms-part tei-{local-name()}" id="{f:id(.)}">
      <xsl:if test="$title"><h3><xsl:value-of select="$title"/></h3></xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </section>
  </xsl:template>

  <!-- A heading inside a description (msDesc/head) heads it, not the document. -->
  <xsl:template match="tei:head[ancestor::tei:msDesc]" mode="m:html" priority="2.5">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'head ms-head'"/></xsl:call-template>
  </xsl:template>

  <!-- Inside a description, each element that holds a description names what it is. -->
  <xsl:template match="tei:msItem | tei:objectDesc | tei:supportDesc | tei:support | tei:extent |
                       tei:foliation | tei:collation | tei:condition | tei:layoutDesc |
                       tei:handDesc | tei:decoDesc | tei:bindingDesc | tei:sealDesc |
                       tei:scriptDesc | tei:typeDesc | tei:accMat | tei:origin | tei:provenance |
                       tei:acquisition | tei:adminInfo | tei:surrogates | tei:summary |
                       tei:handNote | tei:decoNote | tei:layout | tei:binding | tei:seal |
                       tei:recordHist | tei:custodialHist | tei:musicNotation | tei:textLang |
                       tei:incipit | tei:explicit | tei:rubric | tei:finalRubric | tei:colophon |
                       tei:filiation | tei:msItemStruct | tei:source | tei:custEvent" mode="m:html">
    <xsl:call-template name="t:block">
      <xsl:with-param name="class" select="'ms-field tei-' || local-name()"/>
      <xsl:with-param name="content">
        <span class="ms-field-name"><xsl:value-of select="f:field-name(.)"/>: </span>
        <xsl:apply-templates mode="m:html"/>
        <xsl:value-of select="f:ms-attributes(.)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A part with nothing to show (an empty <summary/>, a template's <provenance/>) is left
       out; its ids stay, for the links that point at them. -->
  <xsl:template match="tei:*[f:behaviour(.) = ('section', 'block', 'line')]
                       [ancestor::tei:msDesc][not(f:ms-shows(.))]" mode="m:html" priority="3">
    <xsl:for-each select="descendant-or-self::*[@xml:id]"><span id="{f:id(.)}"/></xsl:for-each>
  </xsl:template>

  <!-- An empty element that gives its value in attributes (common/msdesc.xsl). -->
  <xsl:template match="(tei:material | tei:objectType | tei:origDate | tei:date)
                       [ancestor::tei:msDesc][f:ms-attributes(.)]" mode="m:html" priority="2">
    <span class="tei-{local-name()}"><xsl:call-template name="t:id"/>
      <xsl:value-of select="f:ms-attributes(.)"/>
    </span>
  </xsl:template>


  <!-- A note in a description is part of it: said where it stands. -->
  <xsl:template match="tei:msDesc//tei:note" mode="m:html" priority="2.5">
    <span class="ms-note" data-label="{f:note-key(.)}">
      <xsl:call-template name="t:id"/>
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <!-- A locus: the folios it names. -->
  <xsl:template match="tei:locus | tei:locusGrp" mode="m:html">
    <span class="tei-locus"><xsl:call-template name="t:id"/>
      <xsl:choose>
        <xsl:when test="normalize-space()"><xsl:apply-templates mode="m:html"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="f:ms-attributes(.)"/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- Dimensions as a reader writes them: "210 × 170 × 50 mm (outer)". -->
  <xsl:template match="tei:dimensions[f:ms-dimensions(.)]" mode="m:html">
    <span class="tei-dimensions"><xsl:call-template name="t:id"/>
      <xsl:value-of select="f:ms-dimensions(.)"/>
      <xsl:text> </xsl:text>
    </span>
  </xsl:template>

  <!-- Measurements: their values with units when the element says them only in attributes. -->
  <xsl:template match="tei:dimensions | tei:height | tei:width | tei:depth | tei:dim" mode="m:html">
    <span class="tei-{local-name()}"><xsl:call-template name="t:id"/>
      <xsl:apply-templates mode="m:html"/>
      <xsl:if test="not(normalize-space()) and @quantity">
        <xsl:value-of select="string-join((local-name(), @quantity, @unit), ' ')"/>
      </xsl:if>
      <xsl:text> </xsl:text>
    </span>
  </xsl:template>
</xsl:stylesheet>
