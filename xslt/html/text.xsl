<?xml version="1.0" encoding="UTF-8"?>
<!-- The text: divisions, headings, paragraphs with permalinks and fragment markers,
     quotations, highlighting, breaks. One template per element. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:text" mode="m:html">
    <xsl:call-template name="t:anchor"/>
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>

  <!-- The body, and divisions, are sections of the page; the body's is only a wrapper. -->
  <xsl:template match="tei:body" mode="m:html">
    <div class="tei-body" id="{f:id(.)}"><xsl:apply-templates mode="m:html"/></div>
  </xsl:template>

  <!-- A division with a number and no heading begins with its number (common/links.xsl). -->
  <xsl:template match="(tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 |
                       tei:div7)[f:division-label(.)]" mode="m:html">
    <xsl:call-template name="t:block">
      <xsl:with-param name="name" select="'section'"/>
      <xsl:with-param name="content">
        <span class="break division-number">[<xsl:value-of select="f:division-label(.)"/>]</span>
        <xsl:apply-templates mode="m:html"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A division's heading: h2 for the divisions of the body (h1 is the title), deeper
       for deeper ones. -->
  <xsl:template match="tei:head" mode="m:html">
    <xsl:variable name="level" select="count(ancestor::*[f:behaviour(.) = 'section']
                                       [not(self::tei:body)][tei:head]) + 1"/>
    <xsl:element name="{if (f:in-phrasing(.)) then 'span' else 'h' || min(($level, 6))}">
      <xsl:if test="f:in-phrasing(.)"><xsl:attribute name="class" select="'head block'"/></xsl:if>
      <xsl:call-template name="t:id"/>
      <xsl:call-template name="t:lang"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A heading of something that is not a division (a title part, a quotation...) heads
       that block, not the document (it would be an h1, the title's level). -->
  <xsl:template match="tei:head[not(f:behaviour(..) = 'section')]" mode="m:html" priority="1.5">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'head'"/></xsl:call-template>
  </xsl:template>

  <!-- The heading of a list, a stanza, a table or a figure: a caption-like block. -->
  <xsl:template match="tei:head[parent::tei:lg or parent::tei:sp or parent::tei:castList or
                       parent::tei:listBibl or parent::tei:figure or parent::tei:castGroup or
                       parent::tei:listPerson or parent::tei:listPlace or parent::tei:listWit or
                       parent::tei:listApp or parent::tei:ab]" mode="m:html" priority="2">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'head'"/></xsl:call-template>
  </xsl:template>

  <!-- A paragraph: its text, a visible permalink, and markers where the source begins or
       breaks off inside it. -->
  <xsl:template match="tei:p" mode="m:html">
    <xsl:variable name="id" select="f:id(.)"/>
    <!-- (What most paragraphs lack is not asked for: a long text has 40,000.) -->
    <p id="{$id}" class="{if (@rend or @rendition) then string-join(('tei-p', f:rend-classes(.)), ' ')
                          else 'tei-p'}">
      <xsl:if test="@style"><xsl:call-template name="t:style"/></xsl:if>
      <xsl:if test="@xml:lang"><xsl:call-template name="t:lang"/></xsl:if>
      <xsl:if test="@part"><xsl:apply-templates select="@part" mode="m:html-start"/></xsl:if>
      <xsl:apply-templates mode="m:html"/>
      <xsl:if test="@part"><xsl:apply-templates select="@part" mode="m:html-end"/></xsl:if>
      <a class="permalink" href="#{$id}" aria-label="Link to paragraph {$id}">¶</a>
    </p>
  </xsl:template>

  <xsl:template match="@part[. = ('F', 'M')]" mode="m:html-start">
    <span class="fragment fragment-start" title="The source begins inside this paragraph"
          >[…] </span>
  </xsl:template>

  <xsl:template match="@part[. = ('I', 'M')]" mode="m:html-end">
    <span class="fragment fragment-end" title="The source breaks off inside this paragraph"
          > […]</span>
  </xsl:template>

  <xsl:template match="@part" mode="m:html-start m:html-end"/>

  <!-- A paragraph inside a phrase (a note, a quotation in a paragraph, a cell). -->
  <xsl:template match="tei:p[f:in-phrasing(.)]" mode="m:html" priority="2">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'p'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said" mode="m:html">
    <q><xsl:call-template name="t:id"/><xsl:call-template name="t:lang"/><xsl:apply-templates mode="m:html"/></q>
  </xsl:template>

  <!-- A quotation set off from the text (a block of its own, not words among the words of
       a cell or an item): a block quotation. -->
  <xsl:template match="tei:quote[@rend = 'block'] | tei:quote[not(f:in-phrasing(.))]
                       [not(parent::tei:cit)][not(../text()[normalize-space()])] |
                       tei:cit[not(f:in-phrasing(.))][not(../text()[normalize-space()])]"
                mode="m:html" priority="2">
    <xsl:call-template name="t:block">
      <xsl:with-param name="name" select="'blockquote'"/>
      <xsl:with-param name="class" select="'tei-' || local-name()"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:cit" mode="m:html">
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('italic', 'italics', 'i')] | tei:emph"
                mode="m:html">
    <em><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></em>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('bold', 'b')]" mode="m:html">
    <strong><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></strong>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('sup', 'superscript')]" mode="m:html">
    <sup><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></sup>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('sub', 'subscript')]" mode="m:html">
    <sub><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></sub>
  </xsl:template>

  <!-- Several @rend words ("bold italic smallcaps") matched several of the templates above
       at once (Saxon kept one look and warned): all of them as classes. -->
  <xsl:template match="tei:hi[tokenize(@rend)[2]]" mode="m:html" priority="1">
    <xsl:call-template name="t:inline"><xsl:with-param name="class" select="'hi'"/></xsl:call-template>
  </xsl:template>

  <!-- Any other highlighting: its @rend words as classes (the CSS knows the usual ones:
       small caps, underline, strikethrough...; unknown ones show plain). -->
  <xsl:template match="tei:hi" mode="m:html">
    <xsl:call-template name="t:inline"><xsl:with-param name="class" select="'hi'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="m:html">
    <i class="tei-foreign" lang="{(f:language(@xml:lang), 'und')[1]}"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></i>
  </xsl:template>

  <!-- MathML (in a formula, as files converted from LaTeX have it): MathML in the page,
       which browsers draw. Its elements only, without the attributes that could load or
       run anything (href, src, on...). -->
  <xsl:template match="mml:*" mode="m:html">
    <xsl:element name="{local-name()}" namespace="http://www.w3.org/1998/Math/MathML">
      <xsl:copy-of select="@*[not(local-name() = ('href', 'src') or starts-with(lower-case(local-name()), 'on'))]"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:title" mode="m:html">
    <cite><xsl:call-template name="t:id"/><xsl:call-template name="t:lang"/><xsl:apply-templates mode="m:html"/></cite>
  </xsl:template>
</xsl:stylesheet>
