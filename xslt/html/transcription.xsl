<?xml version="1.0" encoding="UTF-8"?>
<!-- Transcription: alternative readings (choice), abbreviations and their expansions,
     corrections, regularisations, additions, deletions, gaps, damage, characters.
     Both readings stay in the page; the reading switch (page.xsl) shows the normalised
     one (the default) or the diplomatic one. The sigla are drawn by the CSS, so that the
     text copies as words; the legend (page.xsl) explains those the page uses. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:choice" mode="m:html">
    <span class="tei-choice"><xsl:call-template name="t:id"/><xsl:apply-templates select="*" mode="m:html-reading"/></span>
  </xsl:template>

  <!-- In a choice, each reading belongs to one view: the source's spelling to the
       diplomatic, the editor's to the normalised. -->
  <xsl:template match="tei:sic | tei:orig | tei:abbr" mode="m:html-reading">
    <xsl:call-template name="t:reading"><xsl:with-param name="view" select="'diplomatic'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:corr | tei:reg | tei:expan" mode="m:html-reading">
    <xsl:call-template name="t:reading"><xsl:with-param name="view" select="'normalised'"/></xsl:call-template>
  </xsl:template>

  <!-- Readings of equal standing (two unclear readings, two segments): the first in the
       text, the others after it as alternatives, parted from it by a slash in the text
       itself (drawn by the CSS, it left "plaire" and "sposoby" one word to copy and to
       read). -->
  <xsl:template match="*" mode="m:html-reading">
    <xsl:choose>
      <xsl:when test="preceding-sibling::*">
        <span class="alternative" title="alternative reading"><xsl:text> / </xsl:text><xsl:apply-templates select="." mode="m:html"/></span>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="." mode="m:html"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A choice with readings of only one view shows them in both. -->
  <xsl:template match="*[not(../(tei:sic | tei:orig | tei:abbr)) or
                         not(../(tei:corr | tei:reg | tei:expan))]
                        [self::tei:sic or self::tei:orig or self::tei:abbr or self::tei:corr or
                         self::tei:reg or self::tei:expan]" mode="m:html-reading" priority="2">
    <xsl:apply-templates select="." mode="m:html"/>
  </xsl:template>

  <xsl:template name="t:reading">
    <xsl:param name="view" as="xs:string"/>
    <span class="reading reading-{$view} tei-{local-name()}">
      <xsl:call-template name="t:id"/>
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <!-- Expanded letters show in the normalised reading, in parentheses; abbreviation marks
       in the diplomatic one. -->
  <xsl:template match="tei:ex" mode="m:html">
    <span class="reading reading-normalised tei-ex"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:am" mode="m:html">
    <span class="reading reading-diplomatic tei-am"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:add" mode="m:html">
    <ins class="{string-join(('tei-add', @place ! ('place-' || replace(., '\W', '_'))), ' ')}"
         title="{string-join(('added', @place ! ('(' || . || ')'), @hand ! ('by ' || .)), ' ')}">
      <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
    </ins>
  </xsl:template>

  <xsl:template match="tei:del" mode="m:html">
    <del class="tei-del" title="{string-join(('deleted', @rend ! ('(' || . || ')')), ' ')}">
      <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
    </del>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="m:html">
    <span class="tei-unclear" title="{string-join(('unclear', @reason ! ('(' || . || ')')), ' ')}">
      <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:supplied | tei:surplus | tei:secl | tei:damage | tei:restore"
                mode="m:html">
    <span class="tei-{local-name()}" title="{f:describe(.)}">
      <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <!-- A correction or a regularisation outside a choice: the editor's reading. -->
  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan" mode="m:html">
    <span class="tei-{local-name()}" title="{f:describe(.)}">
      <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <xsl:template match="tei:subst | tei:mod | tei:retrace | tei:redo | tei:undo" mode="m:html">
    <span class="tei-{local-name()}"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <!-- Text that is not there: an ellipsis in brackets, what is missing said in its title. -->
  <xsl:template match="tei:gap" mode="m:html">
    <span class="tei-gap" title="{f:describe(.)}"><xsl:call-template name="t:id"/>[…]</span>
  </xsl:template>

  <xsl:template match="tei:gap[tei:desc]" mode="m:html" priority="2">
    <span class="tei-gap" title="{f:describe(.)}"><xsl:call-template name="t:id"/>[<xsl:apply-templates select="tei:desc/node()" mode="m:html"/>]</span>
  </xsl:template>

  <xsl:template match="tei:space" mode="m:html">
    <span class="tei-space" title="{f:describe(.)}"><xsl:call-template name="t:id"/><xsl:text>   </xsl:text></span>
  </xsl:template>

  <xsl:template match="tei:handShift" mode="m:html">
    <span class="tei-handShift" title="{f:describe(.)}"><xsl:call-template name="t:id"/>‖</span>
  </xsl:template>

  <!-- A character or glyph: its text, else what the charDecl says it is (its standard
       mapping, else its name). -->
  <xsl:template match="tei:g" mode="m:html">
    <span class="tei-g" title="{f:glyph-name(.)}"><xsl:call-template name="t:id"/><xsl:value-of select="f:glyph-text(.)"/></span>
  </xsl:template>

  <!-- A character the file does not give (no text, no mapping): a mark drawn by the CSS,
       its name in the title, no letter added to the word. -->
  <xsl:template match="tei:g[f:glyph-text(.) = '◌']" mode="m:html" priority="2">
    <span class="tei-g missing-glyph" title="{f:glyph-name(.)}"><xsl:call-template name="t:id"/></span>
  </xsl:template>
</xsl:stylesheet>
