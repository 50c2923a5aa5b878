<?xml version="1.0" encoding="UTF-8"?>
<!-- The edition's home page: every text of the edition (a teiCorpus of its documents), with
     its title, authors, source and what it holds. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:e="urn:teiedition"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:template match="/*[$page = 'home']" mode="m:page">
    <xsl:apply-templates select="." mode="m:home-page"/>
  </xsl:template>

  <!-- The edition's pages of one text come from the transformation that makes its page
       ($edition-pages, params.xsl): what both need (the text's element ids, its names'
       entries, the list of its elements...) is worked out once. -->

  <xsl:template match="/" priority="1">
    <xsl:next-match/>
    <xsl:if test="$edition-pages">
      <xsl:apply-templates select="*" mode="m:edition-pages"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/*[$page = 'edition']" mode="m:page" priority="3">
    <xsl:apply-templates select="." mode="m:edition-pages"/>
  </xsl:template>

  <!-- The edition's pages from one transformation: the home page, the chronology and the
       four indexes as result documents (the document is read, and its keys built, once for
       all six). Each is serialized here as HTML, since captured result documents are
       delivered as trees (xslt.py takes a document of text as that text). -->
  <xsl:template match="/*" mode="m:edition-pages">
    <xsl:variable name="root" select="."/>
    <xsl:result-document href="index.html" method="text">
      <xsl:variable name="home"><xsl:apply-templates select="$root" mode="m:home-page"/></xsl:variable>
      <xsl:value-of select="serialize($home, $v:html-output)" xmlns:v="urn:teiedition:variables"/>
    </xsl:result-document>
    <xsl:if test="$search">
      <xsl:result-document href="search.html" method="text">
        <xsl:variable name="page"><xsl:apply-templates select="$root" mode="m:search-page"/></xsl:variable>
        <xsl:value-of select="serialize($page, $v:html-output)" xmlns:v="urn:teiedition:variables"/>
      </xsl:result-document>
    </xsl:if>
    <xsl:result-document href="chronology.html" method="text">
      <xsl:variable name="chronology"><xsl:apply-templates select="$root" mode="m:chronology-page"/></xsl:variable>
      <xsl:value-of select="serialize($chronology, $v:html-output)" xmlns:v="urn:teiedition:variables"/>
    </xsl:result-document>
    <xsl:for-each select="('persons', 'places', 'organisations', 'events')">
      <xsl:result-document href="{.}.html" method="text">
        <xsl:variable name="index">
          <xsl:apply-templates select="$root" mode="m:index-page">
            <xsl:with-param name="index" select="current()"/>
          </xsl:apply-templates>
        </xsl:variable>
        <xsl:value-of select="serialize($index, $v:html-output)" xmlns:v="urn:teiedition:variables"/>
      </xsl:result-document>
    </xsl:for-each>
  </xsl:template>

  <!-- The search page: Pagefind's interface (its files come with the index, pagefind/),
       started by edition.js, which also says how to serve the edition when the page is
       opened from the disk (Pagefind needs HTTP). -->
  <xsl:template match="/*" mode="m:search-page">
    <html lang="{((descendant-or-self::tei:TEI/@xml:lang ! f:language(.)), 'en')[1]}">
      <xsl:call-template name="t:head">
        <xsl:with-param name="title" select="'Search'"/>
        <xsl:with-param name="search" select="true()"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="t:nav"/>
        <main id="search-page">
          <h1>Search</h1>
          <div id="search" data-pagefind-ui="">
            <p class="search-needs-server">The search works when the edition is served over
            HTTP: run <code>teiedition serve</code> on the edition's folder and open the
            address it prints.</p>
          </div>
        </main>
        <xsl:call-template name="t:footer"/>
      </body>
    </html>
  </xsl:template>

  <!-- As html.xsl's xsl:output. -->
  <xsl:variable name="v:html-output" xmlns:v="urn:teiedition:variables"
                select="map {'method': 'html', 'html-version': 5, 'indent': false(),
                             'encoding': 'UTF-8', 'escape-uri-attributes': false()}"/>

  <xsl:template match="/*" mode="m:home-page">
    <xsl:variable name="docs" select="descendant-or-self::tei:TEI"/>
    <xsl:variable name="title" select="(($docs/tei:teiHeader//tei:seriesStmt/tei:title)[1]
                                        /normalize-space()[.], 'Edition')[1]"/>
    <html lang="{(($docs/@xml:lang ! f:language(.)), 'en')[1]}">
      <xsl:call-template name="t:head">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="t:nav"/>
        <main id="home">
          <h1><xsl:value-of select="$title"/></h1>
          <xsl:apply-templates select="($docs/tei:teiHeader//tei:projectDesc)[1]" mode="m:home"/>
          <h2>Texts</h2>
          <!-- The texts: the members of the edition's corpus (render/corpus.py, which has
               no header of its own), else the one document; a member that is a teiCorpus
               (a parliament's sessions) is one text with one page. -->
          <xsl:variable name="texts" select="if (self::tei:teiCorpus[not(tei:teiHeader)])
                                             then *[@e:file] else ."/>
          <xsl:if test="empty($texts)">
            <p>The edition has no texts yet.</p>
          </xsl:if>
          <ol class="texts">
            <xsl:apply-templates select="$texts" mode="m:home"/>
          </ol>
        </main>
        <xsl:call-template name="t:footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:projectDesc" mode="m:home">
    <xsl:for-each select="tei:p">
      <p class="project"><xsl:value-of select="normalize-space()"/></p>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="tei:TEI | tei:teiCorpus" mode="m:home">
    <xsl:variable name="header" select="tei:teiHeader/tei:fileDesc"/>
    <xsl:variable name="title" select="normalize-space(f:main-title($header))"/>
    <xsl:variable name="text" select="descendant-or-self::tei:TEI/tei:text"/>
    <li class="text">
      <h3><a href="{(@e:file, $text-file)[1]}"><xsl:value-of select="($title[.], 'Untitled text')[1]"/></a></h3>
      <xsl:if test="f:name-list($header/tei:titleStmt/tei:author)">
        <p class="authors"><xsl:value-of select="f:name-list($header/tei:titleStmt/tei:author)"/></p>
      </xsl:if>
      <xsl:for-each select="$header/tei:sourceDesc/tei:bibl">
        <p class="source">From <xsl:apply-templates select="." mode="m:cite"/></p>
      </xsl:for-each>
      <!-- The names not inside another name: all of them less those inside one (asking
           each of 100,000 names for its ancestors cost a sixth of the edition's pages). -->
      <xsl:variable name="names" select="$text//(tei:persName | tei:placeName | tei:geogName |
                                         tei:orgName | tei:name | tei:rs)"/>
      <xsl:variable name="outer" select="if ($text/ancestor::*[self::tei:persName or
                                         self::tei:placeName or self::tei:orgName or
                                         self::tei:name or self::tei:rs]) then 0
          else count($names) - count($names[not(self::tei:geogName)]//(tei:persName |
                                     tei:placeName | tei:geogName | tei:orgName | tei:name |
                                     tei:rs))"/>
      <p class="counts">
        <xsl:value-of select="f:count(count($text//tei:p), 'paragraph'),
            f:count(count($text//tei:note[not(ancestor::tei:note)]), 'note'),
            f:count($outer, 'name'), f:count(count($text//tei:date), 'date')" separator=", "/>
      </p>
    </li>
  </xsl:template>
</xsl:stylesheet>
