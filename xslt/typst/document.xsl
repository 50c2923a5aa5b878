<?xml version="1.0" encoding="UTF-8"?>
<!-- The document: the library, the title page values from the header, the text, the index.
     A teiCorpus (the whole edition) is one book: the edition's title page, each text a
     part with its title, authors and source, one index of all of them. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="m:typst"/>
  </xsl:template>

  <!-- A TEI element holding TEI documents (TEI P5's corpus without teiCorpus) is a book
       of them too; its own text, if any, comes first. -->
  <xsl:template match="tei:teiCorpus | tei:TEI[tei:TEI]" mode="m:typst">
    <xsl:variable name="docs" select="(self::tei:TEI[tei:text], .//tei:TEI)"/>
    <xsl:variable name="headers" select="$docs/tei:teiHeader/tei:fileDesc"/>
    <xsl:text>#import "edition.typ": *&#10;</xsl:text>
    <xsl:call-template name="t:attachment"/>
    <xsl:text>#show: edition.with(&#10;  title: </xsl:text>
    <!-- A corpus file's own title; else (the edition's corpus has no header) its series'. -->
    <xsl:value-of select="f:typst-string((normalize-space(f:main-title(tei:teiHeader/tei:fileDesc/tei:titleStmt))[.],
                                          ($headers/tei:seriesStmt/tei:title)[1], 'Edition')[1])"/>
    <xsl:text>,&#10;  authors: (),&#10;  editors: (</xsl:text>
    <xsl:value-of select="distinct-values($headers/tei:seriesStmt/tei:editor ! f:responsible-names(.))
                          ! (f:typst-string(.) || ',')" separator=" "/>
    <xsl:text>),&#10;</xsl:text>
    <xsl:for-each select="($headers/tei:publicationStmt/tei:availability/tei:licence)[1]">
      <xsl:text>  licence: [</xsl:text>
      <xsl:value-of select="f:typst-markup((normalize-space()[.], normalize-space(@target))[1])"/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>  lang: </xsl:text>
    <xsl:value-of select="f:typst-string(f:typst-lang($docs/@xml:lang))"/>
    <xsl:text>,&#10;)&#10;&#10;</xsl:text>
    <xsl:for-each select="$docs">
      <xsl:variable name="stmt" select="tei:teiHeader/tei:fileDesc/tei:titleStmt"/>
      <xsl:text>#edition-part(</xsl:text>
      <!-- (A text of the edition that is a teiCorpus begins with its first TEI: links to
           the text arrive there.) -->
      <xsl:for-each select="(@e:file, ancestor::tei:teiCorpus[@e:file][1]
                             [(.//tei:TEI)[1] is current()]/@e:file)[1]" xmlns:e="urn:teiedition">
        <xsl:text>doc: </xsl:text><xsl:value-of select="f:typst-string(.)"/><xsl:text>, </xsl:text>
      </xsl:for-each>
      <xsl:text>title: </xsl:text>
      <xsl:value-of select="f:typst-string((normalize-space(f:main-title($stmt))[.], 'Untitled text')[1])"/>
      <xsl:text>, authors: (</xsl:text>
      <xsl:value-of select="($stmt/tei:author ! f:responsible-names(.)) ! (f:typst-string(.) || ',')" separator=" "/>
      <xsl:text>)</xsl:text>
      <xsl:for-each select="(tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl)[1]">
        <xsl:variable name="citation"><xsl:apply-templates select="." mode="m:cite"/></xsl:variable>
        <xsl:text>, source: [</xsl:text>
        <xsl:value-of select="f:typst-markup(normalize-space($citation))"/>
        <xsl:text>]</xsl:text>
      </xsl:for-each>
      <xsl:text>)&#10;&#10;</xsl:text>
      <!-- (As in a text's own PDF: its letter's correspondence and its manuscript
           description before it.) -->
      <xsl:apply-templates select="tei:teiHeader/tei:profileDesc/tei:correspDesc" mode="m:typst"/>
      <xsl:apply-templates select="tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc" mode="m:typst"/>
      <xsl:apply-templates select="tei:text" mode="m:typst"/>
      <xsl:call-template name="t:end-notes">
        <xsl:with-param name="notes" select="tei:text//tei:note[@place = 'end'][f:note-place(.) = 'foot']"/>
      </xsl:call-template>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:if test="$chronology"><xsl:call-template name="t:chronology"/></xsl:if>
    <xsl:text>&#10;= Index&#10;&#10;#edition-index()&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="t:attachment">
    <xsl:if test="$attachment">
      <xsl:text>#pdf.attach(</xsl:text>
      <xsl:value-of select="f:typst-string($attachment)"/>
      <xsl:text>, relationship: "source", mime-type: "application/tei+xml", description: "The TEI P5 source of this edition")&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="m:typst">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:variable name="stmt" select="$header/tei:fileDesc/tei:titleStmt"/>
    <xsl:text>#import "edition.typ": *&#10;</xsl:text>
    <xsl:call-template name="t:attachment"/>
    <xsl:text>#show: edition.with(&#10;  title: </xsl:text>
    <xsl:value-of select="f:typst-string((normalize-space(f:main-title($stmt))[.], 'Untitled text')[1])"/>
    <xsl:if test="exists(f:subtitles($stmt))">
      <xsl:text>,&#10;  subtitles: (</xsl:text>
      <xsl:value-of select="f:subtitles($stmt) ! (f:typst-string(.) || ',')" separator=" "/>
      <xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:text>,&#10;  authors: (</xsl:text>
    <xsl:value-of select="($stmt/tei:author ! f:responsible-names(.)) ! (f:typst-string(.) || ',')" separator=" "/>
    <xsl:text>),&#10;  editors: (</xsl:text>
    <xsl:value-of select="($stmt/tei:editor ! f:responsible-names(.)) ! (f:typst-string(.) || ',')" separator=" "/>
    <xsl:text>),&#10;</xsl:text>
    <xsl:for-each select="($header/tei:fileDesc/tei:seriesStmt/tei:title)[1]">
      <xsl:text>  series: </xsl:text><xsl:value-of select="f:typst-string(.)"/><xsl:text>,&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($header/tei:fileDesc/tei:sourceDesc/tei:bibl)[1]">
      <xsl:variable name="citation"><xsl:apply-templates select="." mode="m:cite"/></xsl:variable>
      <xsl:text>  source: [</xsl:text>
      <xsl:value-of select="f:typst-markup(normalize-space($citation))"/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($header/tei:fileDesc/tei:publicationStmt/tei:availability)[1]">
      <xsl:text>  licence: [</xsl:text>
      <!-- (A licence with no words is named by its address.) -->
      <xsl:value-of select="f:typst-markup(string-join(* ! (normalize-space()[.], normalize-space(@target))[1][.], ' '))"/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="($header/tei:fileDesc/tei:publicationStmt/tei:date)[1]">
      <xsl:text>  date: </xsl:text><xsl:value-of select="f:typst-string(.)"/><xsl:text>,&#10;</xsl:text>
    </xsl:for-each>
    <xsl:if test="$volume">
      <xsl:text>  volume: </xsl:text><xsl:value-of select="f:typst-string($volume)"/>
      <xsl:text>,&#10;</xsl:text>
    </xsl:if>
    <xsl:text>  lang: </xsl:text>
    <xsl:value-of select="f:typst-string(f:typst-lang((@xml:lang, tei:text/@xml:lang)))"/>
    <xsl:if test="f:right-to-left(($fp:document-language))">,&#10;  rtl: true</xsl:if>
    <xsl:text>,&#10;)&#10;&#10;</xsl:text>
    <xsl:apply-templates select="$header/tei:profileDesc/tei:correspDesc" mode="m:typst"/>
    <xsl:apply-templates select="$header/tei:fileDesc/tei:sourceDesc//tei:msDesc" mode="m:typst"/>
    <xsl:text>= Text&#10;&#10;</xsl:text>
    <xsl:apply-templates select="tei:text" mode="m:typst"/>
    <xsl:call-template name="t:end-notes">
      <xsl:with-param name="notes" select="tei:text//tei:note[@place = 'end'][f:note-place(.) = 'foot']"/>
    </xsl:call-template>
    <xsl:if test="$chronology"><xsl:call-template name="t:chronology"/></xsl:if>
    <xsl:text>&#10;= Index&#10;&#10;#edition-index()&#10;</xsl:text>
  </xsl:template>

  <!-- The language Typst sets the text in (hyphenation is off; it chooses quotation marks,
       the direction and the like): the primary subtag of the first valid tag (the TEI
       element's, else its text's), else English. -->
  <xsl:function name="f:typst-lang" as="xs:string">
    <xsl:param name="values" as="attribute()*"/>
    <xsl:sequence select="(($values ! f:language(.)) ! tokenize(., '-')[1][matches(., '^[a-z]{2,3}$')], 'en')[1]"/>
  </xsl:function>
</xsl:stylesheet>
