<?xml version="1.0" encoding="UTF-8"?>
<!-- Ruby: a base text with a gloss set beside it (furigana over Japanese kanji, a reading
     over Chinese characters), TEI's ruby, rb and rt. HTML has the same element: the base in
     the line, each gloss over it (the first; a further one, such as a translation, under
     the ruby of the first, by nesting). No parentheses for browsers without ruby: every
     browser has it, and the text copies as the source reads, base then gloss. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:ruby" mode="m:html">
    <xsl:variable name="glosses" select="tei:rt"/>
    <span class="tei-ruby">
      <xsl:call-template name="t:id"/>
      <xsl:call-template name="t:ruby">
        <xsl:with-param name="base" select="node() except $glosses"/>
        <xsl:with-param name="glosses" select="$glosses"/>
      </xsl:call-template>
    </span>
  </xsl:template>

  <!-- The base with its glosses, the last one outermost. -->
  <xsl:template name="t:ruby">
    <xsl:param name="base" as="node()*"/>
    <xsl:param name="glosses" as="element()*"/>
    <xsl:choose>
      <xsl:when test="empty($glosses)">
        <xsl:apply-templates select="$base" mode="m:html"/>
      </xsl:when>
      <xsl:otherwise>
        <ruby>
          <xsl:call-template name="t:ruby">
            <xsl:with-param name="base" select="$base"/>
            <xsl:with-param name="glosses" select="$glosses[position() lt last()]"/>
          </xsl:call-template>
          <xsl:apply-templates select="$glosses[last()]" mode="m:html"/>
        </ruby>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:rb" mode="m:html">
    <span class="tei-rb"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:rt" mode="m:html">
    <rt class="tei-rt"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></rt>
  </xsl:template>

  <!-- A gloss outside a ruby (TEI allows rt to point at its base with @target) stays in
       the line, set smaller. -->
  <xsl:template match="tei:rt[not(parent::tei:ruby)]" mode="m:html">
    <span class="tei-rt"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>
</xsl:stylesheet>
