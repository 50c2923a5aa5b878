<?xml version="1.0" encoding="UTF-8"?>
<!-- Source citations, shared by every output: mode m:cite writes a bibl as a reader expects
     it (text, with the book's title in <cite>; outputs that need plain text take the string
     value). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:m="urn:teiedition:modes"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:teiedition:functions"
    exclude-result-prefixes="#all">

  <!-- A document's own title among those of its titleStmt: the main title where one is
       marked, else its analytic title (`level="a"`: a letter in a series, whose title the
       edition often gives first, `level="s"`), else the first that is neither a series'
       or journal's title nor one of a kind of its own (a subtitle, a short title, a date:
       `type="iso-date"`), else the first. -->
  <xsl:function name="f:main-title" as="element()?">
    <xsl:param name="header" as="element()?"/>
    <xsl:variable name="titles" select="($header/descendant-or-self::tei:titleStmt)[1]/tei:title"/>
    <xsl:sequence select="($titles[@type = 'main'], $titles[@level = 'a'],
                           $titles[not(@level = ('s', 'j', 'u'))][not(@type)], $titles)[1]"/>
  </xsl:function>

  <!-- A document's subtitles (titleStmt/title[@type = "sub"]: "Comédie"), for under its title. -->
  <xsl:function name="f:subtitles" as="xs:string*">
    <xsl:param name="header" as="element()?"/>
    <xsl:sequence select="($header/descendant-or-self::tei:titleStmt)[1]/tei:title[@type = ('sub', 'subtitle')]
                          ! normalize-space()[. != '']"/>
  </xsl:function>

  <!-- The names an author or editor element gives, for a reader: its words without what is
       not the name (an e-mail address, an affiliation, an identifier, a note), name parts
       kept apart ("<forename>Ann</forename><surname>Lee</surname>": "Ann Lee"). Several
       persNames are one person's names, the first with the others after it ("Molière
       (Jean-Baptiste Poquelin)"); several names or orgNames are several people
       (<editor><name>Müller, M.</name><name>Susen, G.</name></editor>). -->
  <xsl:function name="f:responsible-names" as="xs:string*">
    <xsl:param name="who" as="element()"/>
    <xsl:variable name="aliases" select="distinct-values($who/tei:persName ! f:name-words(.)[. != ''])"/>
    <xsl:variable name="names" select="$who/(tei:name | tei:orgName)"/>
    <xsl:sequence select="
        if (count($aliases) gt 1)
          then head($aliases) || ' (' || string-join(tail($aliases), ', ') || ')'
        else if (count($names) gt 1) then $names ! f:name-words(.)[. != '']
        else f:name-words($who)[. != '']"/>
  </xsl:function>

  <!-- Names for a reader, parted by commas, or by semicolons where a name has a comma of
       its own ("Müller, Martin Anton; Susen, Gerd-Hermann"). -->
  <xsl:function name="f:name-list" as="xs:string">
    <xsl:param name="who" as="element()*"/>
    <xsl:variable name="names" select="$who ! f:responsible-names(.)"/>
    <xsl:sequence select="string-join($names, if (some $n in $names satisfies contains($n, ','))
                                               then '; ' else ', ')"/>
  </xsl:function>

  <xsl:function name="f:name-words" as="xs:string">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="normalize-space(string-join($name/node() ! (
        if (. instance of text()) then string(.)
        else if (self::tei:email or self::tei:affiliation or self::tei:idno or self::tei:note
                 or self::tei:address or self::tei:ptr) then ' '
        else if (. instance of element()) then ' ' || f:name-words(.) || ' '
        else '')))"/>
  </xsl:function>

  <!-- A source citation, in the order a reader expects, from a structured bibl: who, the
       part's title, the title of the whole (a book's, a journal's; a title without @level,
       as most files give it, is that) with its subtitle, editors, edition, series; then
       where, by whom and when it was published, and its pages; then its web address. A
       part the bibl lacks leaves no mark (no empty title, no stray full stop). -->
  <xsl:template match="tei:bibl[tei:title]" mode="m:cite">
    <xsl:variable name="certain" select="tei:title[@level = 'a'][@cert = ('low', 'medium')]"/>
    <xsl:variable name="main" select="(tei:title[@level = ('m', 'j', 'u')][not(@type = 'sub')],
                                       tei:title[not(@level)][not(@type = 'sub')])[normalize-space()][1]"/>
    <xsl:variable name="what">
      <xsl:value-of select="tei:author ! f:responsible-names(.)" separator=" and "/>
      <xsl:if test="tei:author">, </xsl:if>
      <xsl:for-each select="tei:title[@level = 'a']">
        <xsl:text>“</xsl:text><xsl:value-of select="normalize-space()"/><xsl:text>”</xsl:text>
        <xsl:if test="$certain"> (attributed)</xsl:if>
        <xsl:if test="$main">, in </xsl:if>
      </xsl:for-each>
      <xsl:if test="$main">
        <cite>
          <xsl:value-of select="string-join((normalize-space($main), tei:title[@type = 'sub']
              [string(@level) = string($main/@level)] ! normalize-space()[.]), ': ')"/>
        </cite>
      </xsl:if>
      <xsl:if test="tei:editor">
        <xsl:text>, ed. </xsl:text>
        <xsl:value-of select="tei:editor ! f:responsible-names(.)" separator=" and "/>
      </xsl:if>
      <xsl:for-each select="(tei:edition/normalize-space()[.])[1]">
        <xsl:text>, </xsl:text><xsl:value-of select="."/>
      </xsl:for-each>
      <xsl:for-each select="tei:title[@level = 's']">
        <xsl:text> (</xsl:text><xsl:value-of select="normalize-space()"/><xsl:text>)</xsl:text>
      </xsl:for-each>
    </xsl:variable>
    <xsl:copy-of select="$what/node()"/>
    <!-- (No full stop after one: "2nd ed.", a title that asks "...?".) -->
    <xsl:if test="not(matches(normalize-space($what), '[.?!]$'))">.</xsl:if>
    <!-- Where, by whom, when: "Washington, D.C.: Woodrow Wilson Center Press; 1998". -->
    <xsl:variable name="imprint" select="string-join((
        tei:pubPlace ! string-join((normalize-space(), normalize-space(following-sibling::tei:publisher[1])[.]), ': '),
        tei:publisher[empty(../tei:pubPlace)] ! normalize-space(),
        tei:date[1] ! (normalize-space()[.], f:date-value(.))[1])[.], '; ')
        || string-join(tei:biblScope[@unit = 'page'] ! (', pp. ' || normalize-space()))"/>
    <xsl:if test="$imprint != ''">
      <xsl:text> </xsl:text><xsl:value-of select="$imprint"/>
      <xsl:if test="not(matches($imprint, '[.?!]$'))">.</xsl:if>
    </xsl:if>
    <xsl:for-each select="(tei:idno[f:web-url(.)] | tei:ptr[f:web-url(@target)])[1]">
      <xsl:variable name="url" select="f:web-url((@target, .)[1])"/>
      <xsl:text> </xsl:text><a href="{$url}"><xsl:value-of select="$url"/></a>
    </xsl:for-each>
    <xsl:for-each select="tei:note">
      <span class="bibl-note"><xsl:text> </xsl:text><xsl:value-of select="normalize-space()"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- A bibl that is plain text: as it is. -->
  <xsl:template match="tei:bibl" mode="m:cite">
    <xsl:value-of select="normalize-space()"/>
  </xsl:template>

</xsl:stylesheet>
