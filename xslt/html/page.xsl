<?xml version="1.0" encoding="UTF-8"?>
<!-- The page around the text: document, landmarks, navigation. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="m:page"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="m:page">
    <xsl:variable name="title" select="normalize-space((tei:teiHeader//tei:titleStmt/tei:title)[1])"/>
    <html lang="{(@xml:lang, 'und')[1]}">
      <xsl:call-template name="t:head">
        <xsl:with-param name="title" select="($title[.], 'Untitled text')[1]"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="t:nav"/>
        <header class="edition-header">
          <xsl:apply-templates select="tei:teiHeader" mode="m:meta"/>
        </header>
        <main id="text" lang="{(tei:text/@xml:lang, @xml:lang, 'und')[1]}">
          <xsl:apply-templates select="tei:text" mode="m:html"/>
        </main>
        <xsl:variable name="notes" select="tei:text//tei:note[not(ancestor::tei:note)]"/>
        <xsl:if test="$notes">
          <section class="notes" role="doc-endnotes" aria-labelledby="notes-title">
            <h2 id="notes-title">Notes</h2>
            <ol>
              <xsl:apply-templates select="$notes" mode="m:notes"/>
            </ol>
          </section>
        </xsl:if>
        <xsl:call-template name="t:footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template name="t:head">
    <xsl:param name="title"/>
    <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="teiedition"/>
      <title><xsl:value-of select="$title"/></title>
      <link rel="stylesheet" href="{$css}"/>
    </head>
  </xsl:template>

  <xsl:template name="t:nav">
    <nav class="edition-nav" aria-label="Edition">
      <ul>
        <li><a href="index.html">Home</a></li>
        <li><a href="{$text-file}">Text</a></li>
        <li><a href="persons.html">Persons</a></li>
        <li><a href="places.html">Places</a></li>
        <li><a href="organisations.html">Organisations</a></li>
        <li><a href="events.html">Events</a></li>
      </ul>
    </nav>
  </xsl:template>

  <xsl:template name="t:footer">
    <footer class="edition-footer">
      <p>Made with teiedition from TEI P5.</p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
