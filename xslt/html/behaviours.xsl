<?xml version="1.0" encoding="UTF-8"?>
<!-- The behaviours of common/elements.xsl in HTML: one template each. An element's own
     template (in its family's module) takes precedence; these give every element the
     table knows a deliberate rendering. Blocks inside a phrase (a list in a paragraph, a
     stanza in a note) become spans shown as blocks, so that the page stays valid HTML. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:*[f:behaviour(.) = 'section']" mode="m:html" priority="-1">
    <xsl:call-template name="t:block"><xsl:with-param name="name" select="'section'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = ('block', 'line')]" mode="m:html" priority="-1">
    <xsl:call-template name="t:block"/>
  </xsl:template>

  <!-- A title page's line among the words of its parent (a docAuthor in a byline: "By the
       late John Evelyn") stays in the line. -->
  <xsl:template match="(tei:docAuthor | tei:docDate | tei:docEdition | tei:titlePart)
                       [../text()[normalize-space()]]" mode="m:html" priority="-0.5">
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = 'inline']" mode="m:html" priority="-1">
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <!-- A plain phrase: its content, in a span only when it has an id to keep or a look
       the file asks for. -->
  <xsl:template match="tei:*[f:behaviour(.) = 'plain']" mode="m:html" priority="-1">
    <xsl:choose>
      <xsl:when test="@xml:id or @rend or @rendition or @style">
        <xsl:call-template name="t:inline"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="m:html"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = 'omit']" mode="m:html" priority="-1">
    <xsl:call-template name="t:anchor"/>
  </xsl:template>

  <!-- A block: a div (or section) where the page allows one, else a span shown as a
       block. -->
  <xsl:template name="t:block">
    <xsl:param name="name" select="'div'"/>
    <xsl:param name="class" select="'tei-' || local-name()"/>
    <xsl:param name="content" as="item()*" select="()"/>
    <xsl:variable name="phrasing" select="f:in-phrasing(.)"/>
    <xsl:element name="{if ($phrasing) then 'span' else $name}">
      <xsl:attribute name="class" select="string-join(($class, 'block'[$phrasing],
                                          f:rend-classes(.)), ' ')"/>
      <xsl:call-template name="t:id"/>
      <xsl:call-template name="t:style"/>
      <xsl:call-template name="t:lang"/>
      <xsl:sequence select="$content"/>
      <xsl:if test="empty($content)"><xsl:apply-templates mode="m:html"/></xsl:if>
    </xsl:element>
  </xsl:template>

  <xsl:template name="t:inline">
    <xsl:param name="class" select="'tei-' || local-name()"/>
    <span class="{string-join(($class, f:rend-classes(.)), ' ')}">
      <xsl:call-template name="t:id"/>
      <xsl:call-template name="t:style"/>
      <xsl:call-template name="t:lang"/>
      <xsl:apply-templates mode="m:html"/>
    </span>
  </xsl:template>

  <!-- An element with no text to show keeps its id, so that links to it arrive. -->
  <xsl:template name="t:anchor">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="@xml:id and not($copy)">
      <span id="{f:id(.)}" class="anchor"/>
    </xsl:if>
  </xsl:template>

  <!-- The id of a rendered element; none in a copy (a note's text shown in place repeats
       the note at the foot of the page, which keeps the ids). -->
  <xsl:template name="t:id">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($copy) and (@xml:id or f:is-anchored-block(.))">
      <xsl:attribute name="id" select="f:id(.)"/>
    </xsl:if>
  </xsl:template>

  <!-- The file's own look: @style, and the CSS of the tagsDecl renditions it points to
       (page.xsl writes the tagsDecl's rules as classes). -->
  <xsl:template name="t:style">
    <!-- (Only CSS: a handNote's @style names a script, "lateinische-kurrent".) -->
    <xsl:if test="matches(@style, '^\s*-?[A-Za-z-]+\s*:')">
      <xsl:attribute name="style" select="f:safe-css(@style)"/>
    </xsl:if>
  </xsl:template>

  <xsl:template name="t:lang">
    <!-- (Most elements have no xml:lang: nothing to ask.) -->
    <xsl:for-each select="@xml:lang ! f:language(.)">
      <xsl:attribute name="lang" select="."/>
    </xsl:for-each>
  </xsl:template>

  <!-- Classes from @rend (each word, as rend-WORD) and @rendition (#id → rendition-id). -->
  <xsl:function name="f:rend-classes" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="(f:look-words($element) !
                           ('rend-' || replace(., '[^\p{L}\p{N}_-]', '_'))),
                          (tokenize(normalize-space($element/@rendition))[starts-with(., '#')] !
                           ('rendition-' || replace(substring(., 2), '[^\p{L}\p{N}_-]', '_')))"/>
  </xsl:function>

  <!-- Whether an element stands inside a phrase of the page (a paragraph, a heading, a
       line, a highlighted word...), where HTML allows no div, list or table. -->
  <xsl:function name="f:in-phrasing" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="top" select="($element/ancestor::*[self::tei:text or self::tei:msDesc])[last()]"/>
    <xsl:sequence select="exists($element/ancestor::*[. >> $top][not(fp:is-flow(.))])"/>
  </xsl:function>

  <xsl:function name="fp:is-flow" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="f:behaviour($element) = ('section', 'block') or
                          exists($element[self::tei:text or self::tei:item or self::tei:cell or
                          self::tei:row or self::tei:table or self::tei:list or
                          self::tei:figure or self::tei:listBibl or self::tei:listPerson or
                          self::tei:listPlace or self::tei:listOrg or self::tei:listEvent or
                          self::tei:person or self::tei:place or self::tei:org or
                          self::tei:event or self::tei:msDesc or self::tei:msItem or
                          self::tei:msContents or self::tei:physDesc or self::tei:history])"/>
  </xsl:function>
</xsl:stylesheet>
