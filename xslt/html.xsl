<?xml version="1.0" encoding="UTF-8"?>
<!--
  html.xsl: TEI → the HTML reading edition. The table of contents of the HTML output:
  parameters, the shared modules, a module per TEI element family.

  Modes: m:html (the text), m:notes (the notes at the foot of the page), m:meta (the
  header: citation, licence), m:index (the index pages), m:home (the home page). $page
  chooses the page: "text" (a TEI document); "persons", "places", "organisations",
  "events" (an index of every TEI document in a teiCorpus); "home" (the list of the texts
  of a teiCorpus); "edition" (the home page, the indexes and the chronology of a teiCorpus
  of the edition's texts, or of one text, as result documents). With $edition-pages the
  page of a text comes with its edition's pages (html/home.xsl).
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
  <xsl:include href="html/params.xsl"/>
  <xsl:include href="html/behaviours.xsl"/>
  <xsl:include href="html/page.xsl"/>
  <xsl:include href="html/meta.xsl"/>
  <xsl:include href="html/text.xsl"/>
  <xsl:include href="html/names.xsl"/>
  <xsl:include href="html/notes.xsl"/>
  <xsl:include href="html/links.xsl"/>
  <xsl:include href="html/transcription.xsl"/>
  <xsl:include href="html/apparatus.xsl"/>
  <xsl:include href="html/verse.xsl"/>
  <xsl:include href="html/tables.xsl"/>
  <xsl:include href="html/ruby.xsl"/>
  <xsl:include href="html/examples.xsl"/>
  <xsl:include href="html/dictionary.xsl"/>
  <xsl:include href="html/correspondence.xsl"/>
  <xsl:include href="html/bibl.xsl"/>
  <xsl:include href="html/msdesc.xsl"/>
  <xsl:include href="html/index.xsl"/>
  <xsl:include href="html/home.xsl"/>
  <xsl:include href="html/chronology.xsl"/>

  <!-- (URI attributes as written: a link to an id in another script, "#müller", is the id
       itself, as browsers take it, and escaping every href costs 5-7% of a text page.) -->
  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"
              escape-uri-attributes="no"/>

  <xsl:mode name="m:page" on-no-match="shallow-skip"/>
  <xsl:mode name="m:html" on-no-match="text-only-copy"/>
  <xsl:mode name="m:html-start" on-no-match="shallow-skip"/>
  <xsl:mode name="m:name-id" on-no-match="shallow-skip"/>
  <xsl:mode name="m:html-end" on-no-match="shallow-skip"/>
  <xsl:mode name="m:notes" on-no-match="shallow-skip"/>
  <xsl:mode name="m:apparatus" on-no-match="shallow-skip"/>
  <xsl:mode name="m:app-reading" on-no-match="shallow-skip"/>
  <xsl:mode name="m:app-remark" on-no-match="shallow-skip"/>
  <xsl:mode name="m:corpus-member" on-no-match="shallow-skip"/>
  <xsl:mode name="m:html-reading" on-no-match="shallow-skip"/>
  <xsl:mode name="m:html-label" on-no-match="shallow-skip"/>
  <xsl:mode name="m:html-dl" on-no-match="shallow-skip"/>
  <xsl:mode name="m:html-ms-identifier" on-no-match="shallow-skip"/>
  <xsl:mode name="m:note-body" on-no-match="text-only-copy"/>
  <xsl:mode name="m:meta" on-no-match="text-only-copy"/>
  <xsl:mode name="m:cite" on-no-match="text-only-copy"/>
  <xsl:mode name="m:index" on-no-match="shallow-skip"/>
  <xsl:mode name="m:home" on-no-match="shallow-skip"/>
  <xsl:mode name="m:home-page" on-no-match="shallow-skip"/>
  <xsl:mode name="m:index-page" on-no-match="shallow-skip"/>
  <xsl:mode name="m:chronology-page" on-no-match="shallow-skip"/>
  <xsl:mode name="m:search-page" on-no-match="shallow-skip"/>
  <xsl:mode name="m:edition-pages" on-no-match="shallow-skip"/>
</xsl:stylesheet>
