<?xml version="1.0" encoding="UTF-8"?>
<!-- Notes in Typst: footnotes numbered as the source numbers them; notes the source prints
     in the line stay there; margin notes go to the foot of the page, marked as from the
     margin; end notes are printed after the text. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <!-- (A note inside a lemma that its apparatus note repeats is printed once, where the
       lemma stands: not in the copy.) -->
  <xsl:template match="tei:note" mode="m:typst">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($copy)">
      <xsl:text>#tei-note(</xsl:text>
      <xsl:value-of select="f:typst-string(f:note-label(.))"/>
      <xsl:if test="f:note-key(.) != f:note-label(.)">
        <xsl:text>, key: </xsl:text><xsl:value-of select="f:typst-string(f:note-key(.))"/>
      </xsl:if>
      <xsl:if test="f:note-place(.) = 'margin'">, place: "margin"</xsl:if>
      <xsl:text>)[</xsl:text>
      <xsl:call-template name="t:typst-anchor"/>
      <xsl:apply-templates select="." mode="m:typst-note-body"/>
      <xsl:text>]</xsl:text>
      <!-- (A note after a space and before a word, "sobé <note/>de", would print its number
           on that word, "sobé ⁴de": a space after it keeps them apart.) -->
      <xsl:if test="matches(preceding-sibling::node()[1][self::text()], '\s$') and
                    matches((following-sibling::node(), ../following-sibling::node())[1]
                            [self::text()], '^\w')">
        <xsl:text> </xsl:text>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- (Set apart from the word before it, as a parenthesis is: "amet(Inline" read as one
       word. Spaces in a row are one.) -->
  <xsl:template match="tei:note[f:note-place(.) = 'inline']" mode="m:typst" priority="2">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:text> #inline-note(</xsl:text>
    <xsl:if test="$copy">copy: true, </xsl:if>
    <xsl:value-of select="f:typst-string(f:note-key(.))"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="." mode="m:typst-note-body"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A note between blocks: a block of its own where it stands. -->
  <xsl:template match="tei:note[f:note-place(.) = 'block']" mode="m:typst" priority="2">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:text>#block-note(</xsl:text>
    <xsl:if test="$copy">copy: true, </xsl:if>
    <xsl:value-of select="f:typst-string(f:note-key(.))"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates select="." mode="m:typst-note-body"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- An end note: its number here, its text after the text (t:end-notes). -->
  <xsl:template match="tei:note[@place = 'end'][f:note-place(.) = 'foot']" mode="m:typst" priority="2">
    <xsl:text>#endnote-ref(</xsl:text>
    <xsl:value-of select="f:typst-string(f:note-label(.))"/>
    <xsl:text>, </xsl:text>
    <xsl:value-of select="f:typst-string(f:id(.))"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template name="t:end-notes">
    <xsl:param name="notes" as="element()*"/>
    <xsl:if test="$notes">
      <xsl:text>&#10;#endnotes-heading()&#10;&#10;</xsl:text>
      <xsl:for-each select="$notes">
        <xsl:text>#endnote(</xsl:text>
        <xsl:value-of select="f:typst-string(f:note-label(.))"/>
        <xsl:if test="f:note-key(.) != f:note-label(.)">
          <xsl:text>, key: </xsl:text><xsl:value-of select="f:typst-string(f:note-key(.))"/>
        </xsl:if>
        <xsl:text>, </xsl:text>
        <xsl:value-of select="f:typst-string(f:id(.))"/>
        <xsl:text>)[</xsl:text>
        <xsl:call-template name="t:typst-anchor"/>
        <xsl:apply-templates select="." mode="m:typst-note-body"/>
        <xsl:text>]&#10;&#10;</xsl:text>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:note//tei:note" mode="m:typst" priority="3">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>\(</xsl:text><xsl:apply-templates mode="m:typst"/><xsl:text>\)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:typst-note-body">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:note[tei:gap[@reason = 'not-in-source']]
                       [not(normalize-space(string-join(text(), '')))]"
                mode="m:typst-note-body" priority="2">
    <xsl:text>#note-missing</xsl:text>
  </xsl:template>
</xsl:stylesheet>
