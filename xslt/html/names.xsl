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
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- A name: a link to its index entry when the document has the entry, to the element
       it points to when the text has it, to its authority on the web; else a mark. Its
       class says its kind. (One template for every kind, writing its element directly,
       its class and link worked out without a function call: a long text has 100,000
       names, and each call per name cost a few percent of the page.) -->
  <xsl:template match="tei:persName | tei:placeName | tei:geogName | tei:orgName | tei:name |
                       tei:rs | tei:roleName" mode="m:html">
    <xsl:param name="in-link" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="href" as="xs:string" select="
        if (@key or @corresp or not($fp:one-scope) or not(root(.) is $fp:root))
        then string(fp:name-link(fp:scope(.), @ref/string(), @key/string(), @corresp/string()))
        else $fp:ref-links(string(@ref))"/>
    <xsl:choose>
      <!-- (No link inside a link, which HTML does not allow: a name inside a linked name
           or reference is marked only; and none around a note's or an apparatus entry's
           number, which is a link of its own: fp:may-link, links.xsl.) -->
      <xsl:when test="$href and not($in-link) and (not(*) or fp:may-link(.))">
        <!-- (The class written out in each branch: a variable for it, evaluated lazily,
             cost more.) -->
        <a class="{if (self::tei:persName) then 'name person'
                   else if (self::tei:placeName or self::tei:geogName) then 'name place'
                   else if (self::tei:orgName) then 'name org'
                   else if (self::tei:name[@type = 'event']) then 'name event'
                   else 'name name'}" href="{$href}">
          <!-- The entry's preferred name, which the search index files the name under
               (search.py); without a search index the link's target says it. -->
          <xsl:if test="$search">
            <xsl:for-each select="fp:name-title(fp:scope(.), @ref/string(),
                                  @key/string(), @corresp/string())">
              <xsl:attribute name="title" select="."/>
            </xsl:for-each>
          </xsl:if>
          <xsl:if test="@xml:id"><xsl:apply-templates select="@xml:id" mode="m:name-id"/></xsl:if>
          <!-- (Words alone, as most names are, need not be told they are in a link.) -->
          <xsl:choose>
            <xsl:when test="*">
              <xsl:apply-templates mode="m:html">
                <xsl:with-param name="in-link" select="true()" tunnel="yes"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates mode="m:html"/></xsl:otherwise>
          </xsl:choose>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="{if (self::tei:persName) then 'name person'
                      else if (self::tei:placeName or self::tei:geogName) then 'name place'
                      else if (self::tei:orgName) then 'name org'
                      else if (self::tei:name[@type = 'event']) then 'name event'
                      else 'name name'}">
          <!-- (Where it would lead, for the parity check and the search index's filters.) -->
          <xsl:if test="$href">
            <xsl:attribute name="data-href" select="$href"/>
            <xsl:if test="$search">
              <xsl:for-each select="fp:name-title(fp:scope(.), @ref/string(),
                                    @key/string(), @corresp/string())">
                <xsl:attribute name="title" select="."/>
              </xsl:for-each>
            </xsl:if>
          </xsl:if>
          <xsl:if test="@xml:id"><xsl:apply-templates select="@xml:id" mode="m:name-id"/></xsl:if>
          <xsl:apply-templates mode="m:html"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A name's id, kept but in a copy (a note shown in place). (Asked only of the names
       that have one.) -->
  <xsl:template match="@xml:id" mode="m:name-id">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="not($copy)"><xsl:attribute name="id" select="f:id(..)"/></xsl:if>
  </xsl:template>

  <!-- The links of the names that point with @ref alone (as nearly all do), by @ref ("" for
       none, as for no @ref): worked out once per pointer of the document, before the text,
       rather than asked of the cached function per name (the cache's look-up by four
       arguments cost a tenth of the page for 100,000 names). Only where the document is
       the one scope of its names (fp:scope), not for the members of the edition's corpus. -->
  <!-- ($fp:root and $fp:one-scope: common/functions.xsl.) -->
  <xsl:variable name="fp:ref-links" as="map(xs:string, xs:string)" select="map:merge(
      for $ref in ('', distinct-values($fp:root//(tei:persName | tei:placeName | tei:geogName |
                   tei:orgName | tei:name | tei:rs | tei:roleName)[not(@key or @corresp)]/@ref))
      return map {string($ref): string(fp:name-link($fp:root, string($ref), (), ()))},
      map {'duplicates': 'use-first'})"/>

  <!-- Where a name links: the same for every name of a document with the same attributes,
       so worked out once for them (a long text has 100,000 names and a few hundred
       entries). (A title with the entry's preferred name only for the search index: on
       each of 100,000 names it repeated what the index entry says, a tenth of the text
       page's time and size; issue 13.) -->
  <xsl:function name="fp:name-link" as="xs:string?" cache="yes">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="corresp" as="xs:string?"/>
    <!-- (Pointers resolve in the scope: any element of it stands for the name.) -->
    <xsl:variable name="context" select="($scope/self::element(), $scope/*)[1]"/>
    <xsl:variable name="entry" select="fp:entry-of($scope, $ref, $key, $corresp)"/>
    <xsl:sequence select="if ($entry) then f:index-page($entry) || '#' || $entry/@xml:id
        else f:href(f:resolve($context, (tokenize(normalize-space($ref))[1],
                                         $key ! ('#' || .))[1]))"/>
  </xsl:function>

  <xsl:function name="fp:name-title" as="xs:string?" cache="yes">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="corresp" as="xs:string?"/>
    <xsl:sequence select="fp:entry-of($scope, $ref, $key, $corresp) ! f:preferred(.)"/>
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
