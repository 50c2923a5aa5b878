<?xml version="1.0" encoding="UTF-8"?>
<!--
  typst.xsl: TEI → Typst for the print edition. The table of contents of the Typst output.
  The result is a Typst document that imports edition.typ (all layout lives there) and
  calls its functions with text escaped by typst/escape.xsl.

  Modes: m:typst (the text), m:typst-note-body (a note's content).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:import href="common/functions.xsl"/>
  <xsl:include href="common/unhandled.xsl"/>
  <xsl:include href="common/citation.xsl"/>
  <xsl:include href="common/elements.xsl"/>
  <xsl:include href="common/links.xsl"/>
  <xsl:include href="common/readings.xsl"/>
  <xsl:include href="common/languages.xsl"/>
  <xsl:include href="common/chronology.xsl"/>
  <xsl:include href="common/examples.xsl"/>
  <xsl:include href="common/correspondence.xsl"/>
  <xsl:include href="common/msdesc.xsl"/>
  <xsl:include href="typst/params.xsl"/>
  <xsl:include href="typst/escape.xsl"/>
  <xsl:include href="typst/behaviours.xsl"/>
  <xsl:include href="typst/document.xsl"/>
  <xsl:include href="typst/text.xsl"/>
  <xsl:include href="typst/names.xsl"/>
  <xsl:include href="typst/notes.xsl"/>
  <xsl:include href="typst/transcription.xsl"/>
  <xsl:include href="typst/apparatus.xsl"/>
  <xsl:include href="typst/verse.xsl"/>
  <xsl:include href="typst/tables.xsl"/>
  <xsl:include href="typst/ruby.xsl"/>
  <xsl:include href="typst/examples.xsl"/>
  <xsl:include href="typst/dictionary.xsl"/>
  <xsl:include href="typst/correspondence.xsl"/>
  <xsl:include href="typst/bibl.xsl"/>
  <xsl:include href="typst/chronology.xsl"/>
  <xsl:include href="typst/direction.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:mode name="m:typst" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-note-body" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-reading" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-remark" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-mark" on-no-match="deep-skip"/>
  <xsl:mode name="m:typst-ms-identifier" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-label" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-table-rest" on-no-match="shallow-skip"/>
  <xsl:mode name="m:typst-cell" on-no-match="shallow-skip"/>
  <xsl:mode name="m:cite" on-no-match="text-only-copy"/>
</xsl:stylesheet>
