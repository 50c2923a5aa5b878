<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes: a superscript reference in the text that links to the note at the foot of the
     page and opens it in place (HTML popover, no script); the notes with back-links. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note" mode="m:html">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="id" select="f:id(.)"/>
    <xsl:variable name="label" select="f:note-label(.)"/>
    <sup class="noteref">
      <a href="#{$id}" role="doc-noteref" aria-label="Note {$label}">
        <xsl:if test="not($copy)"><xsl:attribute name="id" select="'ref-' || $id"/></xsl:if>
        <xsl:value-of select="$label"/>
      </a>
      <xsl:if test="not($copy)">
        <button type="button" class="note-open" popovertarget="pop-{$id}"
                aria-label="Show note {$label} here">+</button>
      </xsl:if>
    </sup>
    <xsl:if test="not($copy)">
      <span class="note-popover copy" id="pop-{$id}" popover="auto">
        <!-- (HTML allows no note role inside a heading.) -->
        <xsl:if test="not(ancestor::tei:head)"><xsl:attribute name="role" select="'note'"/></xsl:if>
        <span class="note-label"><xsl:value-of select="$label"/>. </span>
        <xsl:apply-templates select="." mode="m:note-body">
          <xsl:with-param name="copy" select="true()" tunnel="yes"/>
        </xsl:apply-templates>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- A note the source prints in the line (@place inline) or in the margin stays where it
       is: in the line in brackets, or beside the text. -->
  <xsl:template match="tei:note[f:note-place(.) = 'inline']" mode="m:html" priority="2">
    <!-- (Set apart from the word before it, as a parenthesis is.) -->
    <xsl:text> </xsl:text>
    <span class="note-inline" role="note" data-label="{f:note-key(.)}">
      <xsl:call-template name="t:id"/>
      <xsl:apply-templates select="." mode="m:note-body"/>
    </span>
  </xsl:template>

  <!-- A note between blocks: a block of its own where it stands. -->
  <xsl:template match="tei:note[f:note-place(.) = 'block']" mode="m:html" priority="2">
    <xsl:variable name="phrasing" select="f:in-phrasing(.)"/>
    <xsl:element name="{if ($phrasing) then 'span' else 'div'}">
      <xsl:attribute name="class" select="string-join(('note-block', 'block'[$phrasing],
                                          @type ! ('note-' || replace(., '\W', '_'))), ' ')"/>
      <xsl:attribute name="role" select="'note'"/>
      <xsl:attribute name="data-label" select="f:note-key(.)"/>
      <xsl:call-template name="t:id"/>
      <xsl:call-template name="t:lang"/>
      <xsl:apply-templates select="." mode="m:note-body"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:note[f:note-place(.) = 'margin']" mode="m:html" priority="2">
    <span class="note-margin block" role="note" data-label="{f:note-key(.)}">
      <xsl:call-template name="t:id"/>
      <xsl:apply-templates select="." mode="m:note-body"/>
    </span>
  </xsl:template>

  <!-- A note inside a note stays in place, in brackets. -->
  <xsl:template match="tei:note//tei:note" mode="m:html" priority="3">
    <span class="inner-note"><xsl:call-template name="t:id"/>(<xsl:apply-templates mode="m:html"/>)</span>
  </xsl:template>

  <!-- A note at the foot of the page; data-label holds its label for machines (the parity
       check). A label that is not a number is printed instead of the list's number. -->
  <xsl:template match="tei:note" mode="m:notes">
    <xsl:variable name="id" select="f:id(.)"/>
    <xsl:variable name="label" select="f:note-label(.)"/>
    <li id="{$id}" data-label="{f:note-key(.)}" class="{string-join(('note', @type ! ('note-' || replace(., '\W', '_'))), ' ')}">
      <xsl:choose>
        <xsl:when test="$label castable as xs:integer">
          <xsl:attribute name="value" select="$label"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:attribute name="class" select="'note labelled'"/>
          <span class="note-label"><xsl:value-of select="$label"/><xsl:text> </xsl:text></span>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:apply-templates select="." mode="m:note-body"/>
      <xsl:text> </xsl:text>
      <a href="#ref-{$id}" role="doc-backlink" aria-label="Back to the text of note {
         $label}">↩</a>
    </li>
  </xsl:template>

  <!-- The text of a note; a note whose text is not in the source says so. -->
  <xsl:template match="tei:note" mode="m:note-body">
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>

  <xsl:template match="tei:note[tei:gap[@reason = 'not-in-source']]
                       [not(normalize-space(string-join(text(), '')))]" mode="m:note-body"
                priority="2">
    <span class="note-missing">The text of this note is not in the source.</span>
  </xsl:template>
</xsl:stylesheet>
