<?xml version="1.0" encoding="UTF-8"?>
<!-- The page around the text: document, landmarks, navigation. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:apply-templates select="*" mode="m:page"/>
  </xsl:template>

  <!-- The page of a text: its header, the manuscript description, the reading tools, the
       text, the apparatus and the notes. A teiCorpus (a parliamentary session, a
       collection in one file) is one page: its header, then each text under its title. -->
  <xsl:template match="tei:TEI[$page = 'text'] | tei:teiCorpus[$page = 'text']" mode="m:page" priority="1">
    <xsl:variable name="title" select="normalize-space(f:main-title(tei:teiHeader))"/>
    <html lang="{(f:language(@xml:lang), 'und')[1]}">
      <xsl:call-template name="t:head">
        <xsl:with-param name="title" select="($title[.], 'Untitled text')[1]"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="t:nav"/>
        <header class="edition-header">
          <xsl:apply-templates select="tei:teiHeader" mode="m:meta"/>
        </header>
        <xsl:apply-templates select="tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc" mode="m:html"/>
        <xsl:call-template name="t:reading-tools"/>
        <main id="text" lang="{((tei:text/@xml:lang, @xml:lang) ! f:language(.), 'und')[1]}">
          <xsl:apply-templates select="tei:text" mode="m:html"/>
          <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="m:corpus-member"/>
        </main>
        <xsl:variable name="apps" select=".//tei:text//tei:app"/>
        <xsl:if test="$apps">
          <section class="apparatus notes" aria-labelledby="apparatus-title">
            <h2 id="apparatus-title">Apparatus</h2>
            <ol class="apparatus-entries">
              <xsl:apply-templates select="$apps" mode="m:apparatus"/>
            </ol>
          </section>
        </xsl:if>
        <xsl:variable name="notes" select=".//tei:text//tei:note[f:note-place(.) = 'foot']"/>
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

  <!-- A text of a teiCorpus page: its title, then its text. -->
  <xsl:template match="tei:TEI | tei:teiCorpus" mode="m:corpus-member">
    <article class="corpus-member" id="{(@xml:id, 'text-' || fp:members-before(.))[1]}">
      <h2><xsl:value-of select="(normalize-space(f:main-title(tei:teiHeader))[.], 'Untitled text')[1]"/></h2>
      <xsl:apply-templates select="tei:text" mode="m:html"/>
      <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="m:corpus-member"/>
    </article>
  </xsl:template>

  <!-- How many texts (TEI or teiCorpus) begin before a text of a teiCorpus: its place among
       them all, worked out once per file (counting the texts on the preceding axis for
       each read the whole file before it, for each of hundreds of sessions). -->
  <xsl:function name="fp:members-before" as="xs:integer">
    <xsl:param name="member" as="element()"/>
    <xsl:sequence select="fp:member-positions(root($member))(generate-id($member)) - 1"/>
  </xsl:function>

  <xsl:function name="fp:member-positions" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="all" select="$root/descendant-or-self::*[self::tei:TEI or self::tei:teiCorpus]"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($all) return map {generate-id($all[$i]): $i})"/>
  </xsl:function>

  <xsl:template name="t:head">
    <xsl:param name="title"/>
    <xsl:param name="search" as="xs:boolean" select="false()"/>
    <head>
      <meta charset="utf-8"/>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <meta name="generator" content="teiedition"/>
      <title><xsl:value-of select="$title"/></title>
      <link rel="stylesheet" href="{$css}"/>
      <xsl:if test="$search">
        <link rel="stylesheet" href="pagefind/pagefind-ui.css"/>
        <script src="pagefind/pagefind-ui.js" defer="defer"></script>
      </xsl:if>
      <xsl:if test="$search or f:has-readings(ancestor-or-self::*[last()])">
        <script src="edition.js" defer="defer"></script>
      </xsl:if>
      <xsl:variable name="renditions" select="(/*/tei:teiHeader, /*/tei:TEI/tei:teiHeader)
                                               /tei:encodingDesc/tei:tagsDecl//tei:rendition[@xml:id][normalize-space()]
                                               [not(@scheme) or @scheme = 'css']"/>
      <xsl:if test="$renditions">
        <style>
          <xsl:for-each select="$renditions">
            <xsl:value-of select="'.rendition-' || replace(@xml:id, '[^\p{L}\p{N}_-]', '_') ||
                                  ' { ' || f:safe-css(.) || ' }&#10;'"/>
          </xsl:for-each>
        </style>
      </xsl:if>
    </head>
  </xsl:template>

  <!-- The reading switch (normalised or diplomatic text; the script keeps the choice
       across the edition's pages, the CSS shows it without any script) and the legend of
       the editorial signs the page uses. Only for texts with alternative readings or
       signs. -->
  <xsl:template name="t:reading-tools">
    <xsl:variable name="signs" select="$v:signs[f:uses-sign(current(), @for)]" xmlns:v="urn:teiedition:variables"/>
    <xsl:if test="f:has-readings(.)">
      <fieldset class="reading-switch">
        <legend>Reading</legend>
        <label><input type="radio" name="reading" id="reading-normalised" value="normalised"
                      checked="checked"/> Normalised</label>
        <label><input type="radio" name="reading" id="reading-diplomatic" value="diplomatic"/>
          Diplomatic</label>
      </fieldset>
    </xsl:if>
    <xsl:if test="$signs">
      <details class="legend">
        <summary>Editorial signs</summary>
        <dl>
          <xsl:for-each select="$signs">
            <dt><span class="{@class}"><xsl:value-of select="@sample"/></span></dt>
            <dd><xsl:value-of select="."/></dd>
          </xsl:for-each>
        </dl>
      </details>
    </xsl:if>
  </xsl:template>

  <xsl:variable name="v:signs" xmlns:v="urn:teiedition:variables" as="element()*">
    <sign for="supplied" class="tei-supplied" sample="abc">letters supplied by the editor</sign>
    <sign for="unclear" class="tei-unclear" sample="abc">letters that are hard to read</sign>
    <sign for="gap" class="tei-gap" sample="[…]">text omitted or lost (hover for what)</sign>
    <sign for="del" class="tei-del" sample="abc">deleted in the source</sign>
    <sign for="add" class="tei-add" sample="abc">added in the source</sign>
    <sign for="ex" class="tei-ex reading-normalised" sample="abc">letters of an abbreviation expanded by the editor</sign>
    <sign for="am" class="tei-am" sample="abc">an abbreviation mark (diplomatic reading)</sign>
    <sign for="sic" class="tei-sic" sample="abc">so in the source (with the correction in the normalised reading)</sign>
    <sign for="corr" class="tei-corr" sample="abc">corrected by the editor</sign>
    <sign for="surplus" class="tei-surplus" sample="abc">superfluous letters in the source</sign>
    <sign for="damage" class="tei-damage" sample="abc">damaged in the source</sign>
    <sign for="handShift" class="tei-handShift" sample="‖">a new hand begins</sign>
    <sign for="space" class="tei-space" sample="␣">a space left in the source</sign>
    <sign for="app" class="appref" sample="a">a reading with variants in the apparatus</sign>
  </xsl:variable>

  <xsl:function name="f:uses-sign" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$name = fp:text-elements($tei)"/>
  </xsl:function>

  <xsl:function name="f:has-readings" as="xs:boolean">
    <xsl:param name="tei" as="element()"/>
    <xsl:sequence select="fp:text-elements($tei) = ('choice', 'ex', 'am', 'lb-in-word')"/>
  </xsl:function>

  <!-- The names of the elements of a document's text, found in one pass (the legend and
       the reading switch ask about a dozen of them); a line break inside a word counts as
       "lb-in-word", a gap for a note's missing text not at all. -->
  <xsl:function name="fp:text-elements" as="xs:string*" cache="yes">
    <xsl:param name="tei" as="element()"/>
    <!-- (The names in one pass that asks nothing else of each element; line breaks and
         gaps, when there are any, sorted out by a search for them: asking each element
         whether it was one took half the time.) -->
    <xsl:variable name="texts" select="$tei//tei:text"/>
    <xsl:variable name="names" select="distinct-values($texts//*/local-name())"/>
    <xsl:sequence select="$names[not(. = ('lb', 'gap'))],
        'lb'[$names = 'lb'][exists($texts//*:lb[not(self::tei:lb[@break = 'no'])])],
        'lb-in-word'[$names = 'lb'][exists($texts//tei:lb[@break = 'no'])],
        'gap'[$names = 'gap'][exists($texts//*:gap[not(self::tei:gap[@reason = 'not-in-source'])])]"/>
  </xsl:function>

  <!-- CSS a TEI file declares, made safe for a self-contained page: no markup, no rule
       that loads anything (url(), @import) or runs anything. -->
  <xsl:function name="f:safe-css" as="xs:string">
    <xsl:param name="css" as="xs:string"/>
    <xsl:sequence select="normalize-space(replace($css, '[&lt;&gt;@\{}]|url\s*\(|expression\s*\(|image-set\s*\(|javascript:', '', 'i'))"/>
  </xsl:function>

  <xsl:template name="t:nav">
    <nav class="edition-nav" aria-label="Edition">
      <ul>
        <li><a href="index.html">Home</a></li>
        <li><a href="{$text-file}">Text</a></li>
        <li><a href="persons.html">Persons</a></li>
        <li><a href="places.html">Places</a></li>
        <li><a href="organisations.html">Organisations</a></li>
        <li><a href="events.html">Events</a></li>
        <li><a href="chronology.html">Chronology</a></li>
        <xsl:if test="$search"><li><a href="search.html">Search</a></li></xsl:if>
      </ul>
      <xsl:if test="$search">
        <form class="search-box" role="search" action="search.html" method="get">
          <label for="edition-search-box" class="visually-hidden">Search the edition</label>
          <input type="search" id="edition-search-box" name="q" placeholder="Search"/>
          <button type="submit">Search</button>
        </form>
      </xsl:if>
    </nav>
  </xsl:template>

  <xsl:template name="t:footer">
    <footer class="edition-footer">
      <p>Made with teiedition from TEI P5.</p>
    </footer>
  </xsl:template>
</xsl:stylesheet>
