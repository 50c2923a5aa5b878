<?xml version="1.0" encoding="UTF-8"?>
<!-- Names and dates: marked by kind, linked to their index entry, dates with their value. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fp="urn:teiedition:functions:private"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:persName" mode="m:html">
    <xsl:call-template name="t:name"><xsl:with-param name="kind" select="'person'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:placeName | tei:geogName" mode="m:html">
    <xsl:call-template name="t:name"><xsl:with-param name="kind" select="'place'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:orgName" mode="m:html">
    <xsl:call-template name="t:name"><xsl:with-param name="kind" select="'org'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:name[@type = 'event']" mode="m:html">
    <xsl:call-template name="t:name"><xsl:with-param name="kind" select="'event'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:name | tei:rs | tei:roleName" mode="m:html">
    <xsl:call-template name="t:name"><xsl:with-param name="kind" select="'name'"/></xsl:call-template>
  </xsl:template>

  <!-- A name: a link to its index entry when the document has the entry, to the element
       it points to when the text has it, to its authority on the web; else a mark. -->
  <xsl:template name="t:name">
    <xsl:param name="kind"/>
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="link" select="fp:name-link(fp:scope(.), @ref/string(), @key/string(),
                                      @corresp/string())"/>
    <xsl:variable name="href" select="$link?href"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a class="name {$kind}" href="{$href}">
          <xsl:if test="exists($link?title)"><xsl:attribute name="title" select="$link?title"/></xsl:if>
          <xsl:if test="@xml:id and not($copy)"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:apply-templates mode="m:html"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="name {$kind}">
          <xsl:if test="@xml:id and not($copy)"><xsl:attribute name="id" select="@xml:id"/></xsl:if>
          <xsl:apply-templates mode="m:html"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Where a name links, and its title (the entry's preferred name): the same for every
       name of a document with the same attributes, so worked out once for them (a long
       text has 100,000 names and a few hundred entries). -->
  <xsl:function name="fp:name-link" as="map(*)" cache="yes">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="corresp" as="xs:string?"/>
    <!-- (Pointers resolve in the scope: any element of it stands for the name.) -->
    <xsl:variable name="context" select="($scope/self::element(), $scope/*)[1]"/>
    <xsl:variable name="entry" select="fp:entry-of($scope, $ref, $key, $corresp)"/>
    <xsl:sequence select="if ($entry) then map {'href': f:index-page($entry) || '#' || $entry/@xml:id,
                                               'title': f:preferred($entry)}
        else map {'href': f:href(f:resolve($context, (tokenize(normalize-space($ref))[1],
                                                      $key ! ('#' || .))[1]))}"/>
  </xsl:function>

  <!-- A date shows its normalised value on hover and on focus (CSS, from data-value). -->
  <xsl:template match="tei:date[f:date-value(.)]" mode="m:html">
    <span class="date" tabindex="0" data-value="{f:date-value(.)}">
      <xsl:apply-templates mode="m:html"/>
      <span class="visually-hidden"> (<xsl:value-of select="f:date-value(.)"/>)</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:date" mode="m:html">
    <span class="date"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>
</xsl:stylesheet>
