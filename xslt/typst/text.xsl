<?xml version="1.0" encoding="UTF-8"?>
<!-- The text in Typst: divisions, numbered paragraphs, headings, quotations, highlighting,
     links and breaks. One template per element; text through f:typst-markup(). -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:mml="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="#all">

  <xsl:template match="text()" mode="m:typst">
    <xsl:value-of select="f:typst-markup(.)"/>
  </xsl:template>

  <!-- A mark that falls inside a word (a page number, the letter of a variant's note) is
       printed after the word, which stays whole in print and in the PDF's text layer:
       "Zei<pb n="3" break="no"/>lenbruch" prints "Zeilenbruch [3]", and
       "<choice><sic>teh</sic><corr>the</corr></choice>m" prints "them" with its note. -->
  <xsl:template match="text()[preceding-sibling::node()[1][self::tei:pb or self::tei:cb or
                       self::tei:gb or self::tei:milestone or self::tei:choice or self::tei:app]]"
                mode="m:typst">
    <xsl:variable name="mark" select="preceding-sibling::node()[1][f:typst-defers-mark(.)]"/>
    <xsl:variable name="rest" select="if ($mark) then replace(., '^\w+', '') else ."/>
    <xsl:value-of select="f:typst-markup(substring(., 1, string-length() - string-length($rest)))"/>
    <xsl:apply-templates select="$mark" mode="m:typst-mark"/>
    <xsl:value-of select="f:typst-markup($rest)"/>
  </xsl:template>

  <xsl:function name="f:typst-defers-mark" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="matches($element/following-sibling::node()[1][self::text()], '^\w') and
        (exists($element[self::tei:choice or self::tei:app][matches(normalize-space(), '\w$')]) or
         exists($element[self::tei:pb or self::tei:cb or self::tei:gb or self::tei:milestone]
                [@break = 'no' or matches(preceding-sibling::node()[1][self::text()], '\w$')]))"/>
  </xsl:function>

  <!-- Divisions: their blocks, each on its own. -->
  <xsl:template match="tei:text | tei:body | tei:div | tei:div1 | tei:div2 | tei:div3 |
                       tei:div4 | tei:div5 | tei:div6 | tei:div7" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:for-each select="f:division-label(.)">
      <xsl:text>#division-number(</xsl:text><xsl:value-of select="f:typst-string(.)"/>
      <xsl:text>)&#10;</xsl:text>
    </xsl:for-each>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- A division's heading (level 1 is the text's own title). -->
  <xsl:template match="tei:head" mode="m:typst">
    <xsl:variable name="level" select="count(ancestor::*[f:behaviour(.) = 'section']
                                       [not(self::tei:body)][tei:head]) + 1"/>
    <xsl:text>&#10;#heading(level: </xsl:text>
    <xsl:value-of select="min(($level, 6))"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- A heading of something that is not a division (a title part, a quotation, a cast
       item...) heads that block: a document heading there would be a first-level one,
       which begins a page, and Typst cannot break a page inside a block. -->
  <xsl:template match="tei:head[not(f:behaviour(..) = 'section')]" mode="m:typst" priority="1.5">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-block'"/>
      <xsl:with-param name="kind" select="'head'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- The heading of a stanza, a list, a speech, a figure: a caption-like block. -->
  <xsl:template match="tei:head[parent::tei:lg or parent::tei:sp or parent::tei:castList or
                       parent::tei:listBibl or parent::tei:figure or parent::tei:castGroup or
                       parent::tei:listPerson or parent::tei:listPlace or parent::tei:listWit or
                       parent::tei:listApp or parent::tei:ab or parent::tei:list or
                       parent::tei:table] | tei:head[ancestor::tei:note or ancestor::tei:p]"
                mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-call">
      <xsl:with-param name="function" select="'tei-block'"/>
      <xsl:with-param name="kind" select="'head'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A paragraph of the body: numbered in the margin, with its fragment markers. -->
  <xsl:template match="tei:p" mode="m:typst">
    <xsl:text>#para(n: </xsl:text>
    <xsl:value-of select="f:typst-string(string(f:paragraph-number(.) + $paragraph-offset))"/>
    <xsl:for-each select="@part">
      <xsl:text>, part: </xsl:text><xsl:value-of select="f:typst-string(.)"/>
    </xsl:for-each>
    <xsl:if test="f:typst-rtl(.)">, rtl: true</xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <!-- A paragraph inside a note, a quotation, an item or a cell: a paragraph break, no
       number. -->
  <xsl:template match="tei:p[ancestor::tei:note or ancestor::tei:quote or ancestor::tei:item or
                       ancestor::tei:cell or ancestor::tei:app or ancestor::tei:msDesc or
                       ancestor::tei:p]" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
    <xsl:if test="following-sibling::*"><xsl:text>#parbreak()</xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:quote | tei:q | tei:said" mode="m:typst">
    <xsl:text>#quote[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A quotation set off from the text: marked so, or a block of its own among the blocks
       of a division, a speech, a stanza, a dictionary's entry... (no words around it), as
       the HTML has it (each example of a concordance's entry ran into one paragraph). -->
  <xsl:template match="tei:quote[@rend = 'block'] |
                       (tei:quote[not(parent::tei:cit)] | tei:cit)[f:behaviour(..) = ('section', 'block')]
                       [not(../text()[normalize-space()])]"
                mode="m:typst" priority="2">
    <xsl:text>#blockquote[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/><xsl:text>]&#10;&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('italic', 'italics', 'i')] | tei:emph"
                mode="m:typst">
    <xsl:text>#emph[</xsl:text><xsl:call-template name="t:typst-anchor"/><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('bold', 'b')]" mode="m:typst">
    <xsl:text>#strong[</xsl:text><xsl:call-template name="t:typst-anchor"/><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('sup', 'superscript')]" mode="m:typst">
    <xsl:text>#super[</xsl:text><xsl:call-template name="t:typst-anchor"/><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:hi[tokenize(@rend) = ('sub', 'subscript')]" mode="m:typst">
    <xsl:text>#sub[</xsl:text><xsl:call-template name="t:typst-anchor"/><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Several @rend words ("bold italic smallcaps") matched several of the templates above
       at once (Saxon kept one look and warned): tei-hi applies each of them. -->
  <xsl:template match="tei:hi[tokenize(@rend)[2]]" mode="m:typst" priority="1">
    <xsl:call-template name="t:tei-hi"/>
  </xsl:template>

  <!-- Any other highlighting: edition.typ knows the usual @rend words (small caps,
       underline, strikethrough...); unknown ones print plain. -->
  <xsl:template match="tei:hi" mode="m:typst">
    <xsl:call-template name="t:tei-hi"/>
  </xsl:template>

  <xsl:template name="t:tei-hi">
    <xsl:text>#tei-hi(</xsl:text>
    <xsl:value-of select="f:typst-string(string-join(f:look-words(.), ' '))"/>
    <xsl:text>)[</xsl:text><xsl:call-template name="t:typst-anchor"/><xsl:apply-templates mode="m:typst"/><xsl:text>]</xsl:text>
  </xsl:template>

  <!-- MathML: its text, in the line (Typst does not read MathML). -->
  <xsl:template match="mml:*" mode="m:typst">
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <!-- Links: inside the document to the element's anchor, to the web; anything else is
       its text (a target outside the edition is not made into a dead link). -->
  <xsl:template match="tei:ref | tei:ptr" mode="m:typst">
    <xsl:variable name="to" select="f:resolve(., f:pointer(@target))"/>
    <xsl:variable name="content">
      <xsl:apply-templates mode="m:typst"/>
      <!-- (A pointer's label set apart by thin spaces from the words beside it.) -->
      <xsl:if test="(self::tei:ptr or not(normalize-space() or *)) and normalize-space(@target)">
        <xsl:value-of select="'&#x2009;' || f:typst-markup(f:typst-pointer-label(., $to)) || '&#x2009;'"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:choose>
      <xsl:when test="$to?kind = 'local'">
        <xsl:text>#tei-link(</xsl:text>
        <xsl:value-of select="f:typst-string(f:typst-anchor-key(., substring(f:pointer(@target), 2)))"/>
        <xsl:text>)[</xsl:text><xsl:sequence select="$content"/><xsl:text>]</xsl:text>
      </xsl:when>
      <!-- Another document of the edition: in the edition's book, the place in it (or its
           start); in a document's own PDF, the other's PDF beside it (pdf/NAME.pdf, as
           teiedition build writes them), at the element's named destination. -->
      <xsl:when test="$to?kind = 'document'">
        <xsl:text>#doc-link(</xsl:text>
        <xsl:value-of select="f:typst-string($to?file)"/>
        <xsl:choose>
          <xsl:when test="fp:in-book(.)">
            <xsl:if test="normalize-space($to?fragment)">
              <xsl:text>, id: </xsl:text><xsl:value-of select="f:typst-string($to?fragment)"/>
            </xsl:if>
          </xsl:when>
          <xsl:otherwise>
            <xsl:text>, file: </xsl:text><xsl:value-of select="f:typst-string($to?file || '.pdf')"/>
            <xsl:if test="normalize-space($to?fragment)">
              <xsl:text>, id: </xsl:text><xsl:value-of select="f:typst-string($to?fragment)"/>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>)[</xsl:text><xsl:sequence select="$content"/><xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:when test="$to?kind = 'web'">
        <xsl:text>#link(</xsl:text><xsl:value-of select="f:typst-string($to?url)"/>
        <xsl:text>)[</xsl:text><xsl:sequence select="$content"/><xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ptr[not(normalize-space(@target))]" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>

  <xsl:function name="f:typst-pointer-label" as="xs:string">
    <xsl:param name="ptr" as="element()"/>
    <xsl:param name="to" as="map(*)"/>
    <xsl:variable name="target" select="f:element-by-id($ptr, substring(f:pointer($ptr/@target), 2))"/>
    <xsl:sequence select="if ($to?kind = 'entry') then f:preferred($to?entry)
        else if ($to?kind = 'local' and $target/self::tei:note) then f:note-label($target)
        else if ($to?kind = 'local' and $target/@n) then string($target/@n)
        else normalize-space($ptr/@target)"/>
  </xsl:function>

  <xsl:template match="tei:anchor" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>

  <xsl:template match="tei:lb" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:text>#linebreak()</xsl:text>
  </xsl:template>

  <!-- A line break inside a word: the word goes on. -->
  <xsl:template match="tei:lb[@break = 'no']" mode="m:typst" priority="2">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb | tei:gb | tei:milestone[@n]" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:if test="not(f:typst-defers-mark(.))">
      <xsl:apply-templates select="." mode="m:typst-mark"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:pb | tei:cb | tei:gb | tei:milestone[@n]" mode="m:typst-mark">
    <xsl:text>#tei-break(</xsl:text>
    <xsl:value-of select="f:typst-string(f:break-label(.))"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:milestone | tei:cb[not(@n)] | tei:gb[not(@n)]" mode="m:typst">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>
</xsl:stylesheet>
