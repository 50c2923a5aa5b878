<?xml version="1.0" encoding="UTF-8"?>
<!-- The chronology (issue 17): every dated mention of the edition's texts in date order,
     grouped by year, with the words of the text and a link to the paragraph; spans and
     vague dates placed by the start of their range. Above it a timeline drawn as SVG in
     the page (no script): a mark per year, its size by the number of mentions, each a link
     to its year. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:svg="http://www.w3.org/2000/svg"
    xmlns:math="http://www.w3.org/2005/xpath-functions/math"
    exclude-result-prefixes="#all">

  <xsl:template match="/*" mode="m:chronology-page">
    <xsl:variable name="docs" select="descendant-or-self::tei:TEI"/>
    <xsl:variable name="dated" select="f:chronology(.)"/>
    <html lang="{(($docs/@xml:lang ! f:language(.)), 'en')[1]}">
      <xsl:call-template name="t:head">
        <xsl:with-param name="title" select="'Chronology'"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="t:nav"/>
        <main id="chronology">
          <h1>Chronology</h1>
          <xsl:if test="empty($dated)">
            <p>The edition has no dated mentions.</p>
          </xsl:if>
          <xsl:if test="exists($dated)">
            <xsl:call-template name="t:timeline">
              <xsl:with-param name="dated" select="$dated"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:for-each-group select="$dated" group-adjacent="?year">
            <section class="year" id="year-{current-grouping-key()}"
                     aria-labelledby="year-{current-grouping-key()}-title">
              <h2 id="year-{current-grouping-key()}-title">
                <xsl:value-of select="f:year-label(current-grouping-key())"/>
              </h2>
              <ol class="dated">
                <xsl:for-each select="current-group() ! ?date">
                  <li>
                    <span class="date-value"><xsl:value-of select="f:date-value(.)"/></span>
                    <xsl:text> </xsl:text>
                    <a href="{f:mention-target(.)}">
                      <xsl:value-of select="(normalize-space()[.], '(no words)')[1]"/>
                    </a>
                    <!-- (The text's title where the edition has several, as in the PDF's
                         chronology: on every date of a single text it only repeated it.) -->
                    <xsl:for-each select="ancestor::tei:TEI[1][parent::tei:teiCorpus] ! fp:titles(.)">
                      <span class="date-text"> (<xsl:value-of select="."/>)</span>
                    </xsl:for-each>
                  </li>
                </xsl:for-each>
              </ol>
            </section>
          </xsl:for-each-group>
        </main>
        <xsl:call-template name="t:footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- The timeline: years on a line from the first to the last, a circle for each year with
       mentions (its area by their number), a label every so many years. It scales with
       the page (viewBox), so it stays readable at phone width and in print. -->
  <xsl:template name="t:timeline">
    <xsl:param name="dated" as="map(*)*"/>
    <xsl:variable name="counts" select="f:chronology-counts($dated)"/>
    <xsl:variable name="years" select="sort(map:keys($counts))"
                  xmlns:map="http://www.w3.org/2005/xpath-functions/map"/>
    <xsl:variable name="first" select="$years[1]"/>
    <xsl:variable name="last" select="$years[last()]"/>
    <xsl:variable name="span" select="max(($last - $first, 1))"/>
    <xsl:variable name="most" select="max($years ! $counts(.))"/>
    <figure class="timeline">
      <!-- (A group, not an image: it holds a link per year.) -->
      <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 120" role="group"
           aria-labelledby="timeline-title">
        <title id="timeline-title">
          <xsl:value-of select="'Dated mentions by year, ' || f:year-label($first) || ' to ' ||
                                f:year-label($last)"/>
        </title>
        <line x1="20" y1="60" x2="980" y2="60" stroke="#595959" stroke-width="1"/>
        <xsl:for-each select="f:timeline-ticks($first, $last)">
          <xsl:variable name="x" select="round(20 + 960 * (. - $first) div $span, 1)"/>
          <line x1="{$x}" y1="60" x2="{$x}" y2="68" stroke="#595959" stroke-width="1"/>
          <text x="{$x}" y="86" font-size="14" text-anchor="middle" fill="#1f1f1f">
            <xsl:value-of select="f:year-label(.)"/>
          </text>
        </xsl:for-each>
        <xsl:for-each select="$years">
          <xsl:variable name="x" select="if ($first = $last) then 500
                                         else round(20 + 960 * (. - $first) div $span, 1)"/>
          <a href="#year-{.}">
            <circle cx="{$x}" cy="60" r="{round(3 + 12 * math:sqrt($counts(.) div $most), 1)}"
                    fill="#5c4a00" fill-opacity="0.55" stroke="#5c4a00">
              <title><xsl:value-of select="f:year-label(.) || ': ' || f:count($counts(.), 'mention')"/></title>
            </circle>
          </a>
        </xsl:for-each>
      </svg>
      <figcaption>Dated mentions by year: select a year to go to it.</figcaption>
    </figure>
  </xsl:template>

  <!-- The titles a text's dates are listed with (asked once per text, not once per date: its
       header is searched for it). -->
  <xsl:function name="fp:titles" as="xs:string*" cache="yes">
    <xsl:param name="tei" as="element(tei:TEI)"/>
    <xsl:sequence select="f:main-title($tei/tei:teiHeader) ! normalize-space()"/>
  </xsl:function>
</xsl:stylesheet>
