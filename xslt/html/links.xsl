<?xml version="1.0" encoding="UTF-8"?>
<!-- Links and breaks: ref and ptr (where they lead: common/links.xsl), anchors, line,
     page and column breaks, milestones. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:fp="urn:teiedition:functions:private"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:ref" mode="m:html">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="to" select="f:resolve(., f:pointer(@target))"/>
    <xsl:call-template name="t:link">
      <xsl:with-param name="to" select="$to"/>
      <xsl:with-param name="content">
        <xsl:apply-templates mode="m:html">
          <xsl:with-param name="in-link" tunnel="yes"
                          select="$in-link or (exists(f:href($to)) and fp:may-link(.))"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Whether an element that leads somewhere may be a link: not when it holds a note's or
       an apparatus entry's number, which is a link of its own (HTML allows no link inside
       a link; the inner one is kept, as the more particular). -->
  <xsl:function name="fp:may-link" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="empty($element//(tei:note | tei:app))"/>
  </xsl:function>

  <!-- A reference with no words shows where it leads, as a pointer does (a link needs a
       name a reader can follow). -->
  <xsl:template match="tei:ref[not(normalize-space())][not(*)][normalize-space(@target)]" mode="m:html"
                priority="1">
    <xsl:variable name="to" select="f:resolve(., f:pointer(@target))"/>
    <xsl:call-template name="t:link">
      <xsl:with-param name="to" select="$to"/>
      <xsl:with-param name="content">
        <span class="pointer-label"><xsl:value-of select="f:pointer-label(., $to)"/></span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A pointer has no text: it shows where it leads. -->
  <xsl:template match="tei:ptr" mode="m:html">
    <xsl:variable name="to" select="f:resolve(., f:pointer(@target))"/>
    <xsl:call-template name="t:link">
      <xsl:with-param name="to" select="$to"/>
      <xsl:with-param name="content">
        <span class="pointer-label"><xsl:value-of select="f:pointer-label(., $to)"/></span>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A pointer to a note is a note reference. -->
  <xsl:template match="tei:ptr[f:element-by-id(., substring(f:pointer(@target), 2))/self::tei:note]"
                mode="m:html" priority="1">
    <sup class="noteref"><xsl:next-match/></sup>
  </xsl:template>

  <!-- A pointer (or an empty reference) to nothing at all has nothing to read (the white
       space a reference holds still parts the words around it). -->
  <xsl:template match="tei:ptr[not(normalize-space(@target))] |
                       tei:ref[not(normalize-space())][not(*)][not(normalize-space(@target))]"
                mode="m:html" priority="2">
    <xsl:call-template name="t:anchor"/>
    <xsl:if test="string(.)"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- What a pointer shows, set apart from the words beside it by thin spaces (a pointer
       written between two words is none of them). -->
  <xsl:function name="f:pointer-label" as="xs:string">
    <xsl:param name="ptr" as="element()"/>
    <xsl:param name="to" as="map(*)"/>
    <!-- (A pointer to a note is a note's number, set apart as a superscript.) -->
    <xsl:variable name="apart" select="if (f:element-by-id($ptr, substring(f:pointer($ptr/@target), 2))
                                           /self::tei:note) then '' else '&#x2009;'"/>
    <xsl:sequence select="$apart || fp:pointer-text($ptr, $to) || $apart"
                  xmlns:fp="urn:teiedition:functions:private"/>
  </xsl:function>

  <xsl:function name="fp:pointer-text" as="xs:string" xmlns:fp="urn:teiedition:functions:private">
    <xsl:param name="ptr" as="element()"/>
    <xsl:param name="to" as="map(*)"/>
    <xsl:variable name="target" select="f:element-by-id($ptr, substring(f:pointer($ptr/@target), 2))"/>
    <xsl:sequence select="if ($to?kind = 'entry') then f:preferred($to?entry)
        else if ($to?kind = 'local' and $target/@n) then string($target/@n)
        else if ($to?kind = 'local' and $target/self::tei:note) then f:note-label($target)
        else normalize-space($ptr/@target)"/>
  </xsl:function>

  <xsl:template name="t:link">
    <xsl:param name="to" as="map(*)"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="href" select="f:href($to)"/>
    <xsl:choose>
      <xsl:when test="exists($href) and not($in-link) and fp:may-link(.)">
        <a href="{$href}" class="tei-{local-name()}">
          <xsl:if test="@xml:id and not($copy)"><xsl:attribute name="id" select="f:id(.)"/></xsl:if>
          <xsl:sequence select="$content"/>
        </a>
      </xsl:when>
      <xsl:when test="exists($href)">
        <!-- Inside a link, or around a note's number: the words, and where they lead. -->
        <span class="tei-{local-name()}" title="Leads to {$href}">
          <xsl:if test="@xml:id and not($copy)"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <!-- A target outside the edition: the text, and where it pointed. -->
        <span class="tei-{local-name()} unresolved">
          <xsl:if test="@xml:id and not($copy)"><xsl:attribute name="id" select="f:id(.)"/></xsl:if>
          <xsl:if test="normalize-space(@target)">
            <xsl:attribute name="title" select="'Points to ' || normalize-space(@target)"/>
          </xsl:if>
          <xsl:sequence select="$content"/>
        </span>
        <xsl:if test="$warn-unhandled and normalize-space(@target)">
          <xsl:message select="'unresolved: ' || local-name() || ' target ' || normalize-space(@target)"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The web address of where a pointer leads (f:resolve), or () when it leads nowhere. -->
  <xsl:function name="f:href" as="xs:string?">
    <xsl:param name="to" as="map(*)"/>
    <xsl:sequence select="
        if ($to?kind = 'local') then '#' || $to?id
        else if ($to?kind = 'entry') then f:index-page($to?entry) || '#' || $to?entry/@xml:id
        else if ($to?kind = 'document') then $to?file || '.html' || ('#' || $to?fragment)[$to?fragment]
        else if ($to?kind = 'web') then $to?url
        else ()"/>
  </xsl:function>

  <xsl:template match="tei:anchor" mode="m:html">
    <xsl:call-template name="t:anchor"/>
  </xsl:template>

  <!-- A line break: a new line, except inside a word (@break="no"), where the word goes
       on and the break shows only in the diplomatic reading. -->
  <xsl:template match="tei:lb" mode="m:html">
    <br class="lb"><xsl:call-template name="t:id"/></br>
  </xsl:template>

  <xsl:template match="tei:lb[@break = 'no']" mode="m:html" priority="2">
    <span class="lb-in-word reading-diplomatic" aria-hidden="true">|</span>
    <xsl:call-template name="t:anchor"/>
  </xsl:template>

  <!-- Page and column breaks and milestones: a marker with the number, linking to the
       facsimile when it is on the web. -->
  <xsl:template match="tei:pb | tei:cb | tei:gb | tei:milestone" mode="m:html">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="label" select="f:break-label(.)"/>
    <xsl:variable name="facs" select="tokenize(normalize-space(@facs))[1][matches(., '^https?://')]"/>
    <span class="break tei-{local-name()}" title="{f:break-title(.)}">
      <xsl:if test="not($copy)"><xsl:attribute name="id" select="f:id(.)"/></xsl:if>
      <xsl:choose>
        <xsl:when test="$facs and not($in-link)"><a href="{$facs}">[<xsl:value-of select="$label"/>]</a></xsl:when>
        <xsl:otherwise>[<xsl:value-of select="$label"/>]</xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <!-- A milestone with no number marks only a place: an anchor. -->
  <xsl:template match="tei:milestone[not(@n)] | tei:cb[not(@n)] | tei:gb[not(@n)]" mode="m:html" priority="2">
    <xsl:call-template name="t:anchor"/>
  </xsl:template>
</xsl:stylesheet>
