<?xml version="1.0" encoding="UTF-8"?>
<!-- Bibliography: a reference in the text is a phrase; the entries of a listBibl are the
     items of a list; a biblStruct reads as a citation. Register entries that a text
     carries in its back matter (listPerson and the like) read as lists of entries. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:bibl | tei:biblStruct" mode="m:html">
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <xsl:template match="tei:listBibl/tei:bibl | tei:listBibl/tei:biblStruct | tei:listBibl/tei:msDesc |
                       tei:div/tei:bibl | tei:div/tei:biblStruct | tei:body/tei:bibl"
                mode="m:html" priority="2">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'tei-bibl bibl-entry'"/></xsl:call-template>
  </xsl:template>

  <!-- The parts of a structured citation, separated as a reader expects. -->
  <xsl:template match="tei:biblStruct/* | tei:analytic/* | tei:monogr/* | tei:imprint/*"
                mode="m:html" priority="1">
    <xsl:if test="preceding-sibling::*"><xsl:text> </xsl:text></xsl:if>
    <xsl:next-match/>
    <xsl:if test="self::tei:author or self::tei:editor or self::tei:title"><xsl:text>.</xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:analytic | tei:monogr | tei:imprint | tei:series[parent::tei:biblStruct]" mode="m:html">
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>

  <!-- Register lists in the text (a letter's back matter): each entry a block. -->
  <xsl:template match="tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent |
                       tei:listNym | tei:listRelation | tei:listObject" mode="m:html">
    <xsl:call-template name="t:block"><xsl:with-param name="name" select="'section'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event | tei:nym |
                       tei:relation | tei:object" mode="m:html">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'tei-entry-' || local-name()"/></xsl:call-template>
  </xsl:template>

  <!-- The parts of an entry, each on its line. -->
  <xsl:template match="tei:person/* | tei:personGrp/* | tei:place/* | tei:org/* | tei:event/* |
                       tei:relation/*" mode="m:html" priority="-0.5">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'entry-part tei-' || local-name()"/></xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
