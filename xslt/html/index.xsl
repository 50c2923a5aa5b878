<?xml version="1.0" encoding="UTF-8"?>
<!-- Index pages: every entry of one kind in the documents' standOff, with its variants,
     authority links, and links back to each paragraph that names it. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:e="urn:teiedition"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <xsl:variable name="v:kinds" xmlns:v="urn:teiedition:variables" select="map {
      'persons': map {'entry': 'person', 'title': 'Persons'},
      'places': map {'entry': 'place', 'title': 'Places'},
      'organisations': map {'entry': 'org', 'title': 'Organisations'},
      'events': map {'entry': 'event', 'title': 'Events'}}"/>

  <!-- The mentions of each entry, by "#id" (one look-up per entry, not a search of every
       document for each). A mention's key is its pointer, which names its entry's id when
       it has an entry: finding the entry of each of 100,000 mentions while the key is
       built cost a quarter of the edition's pages; fp:mentions checks the few
       pointers that do not lead to the entry. The usual pointer, a plain "#id" in @ref, is
       read here without a call of fp:pointer for each of the 100,000 mentions. -->
  <xsl:key name="k:mentions" xmlns:k="urn:teiedition:keys"
           match="tei:text//*[@ref or @key or @corresp]"
           use="if (starts-with(@ref, '#') and not(contains(@ref, ' '))) then string(@ref)
                else fp:pointer(@ref/string(), @key/string(), @corresp/string())"/>

  <!-- The mentions of an entry: those whose pointer names its id and leads to an entry
       (in a document of its own; in one document, whatever the first element with that
       id is, for every mention alike). -->
  <xsl:function name="fp:mentions" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="mentions" select="key('k:mentions', '#' || $entry/@xml:id, root($entry))"
                  xmlns:k="urn:teiedition:keys"/>
    <!-- (In one document the first mention answers for all: asked once, not per mention.) -->
    <xsl:sequence select="if (fp:has-members(root($entry))) then $mentions[f:entry(.)]
                          else if (empty($mentions)) then ()
                          else if (exists(f:entry(head($mentions)))) then $mentions
                          else ()"/>
  </xsl:function>

  <!-- The register entries by the kind their index page lists (one pass over the
       documents for the four pages). -->
  <xsl:key name="k:entries" xmlns:k="urn:teiedition:keys"
           match="tei:person | tei:personGrp | tei:place | tei:org | tei:event"
           use="replace(local-name(), 'personGrp', 'person')"/>

  <!-- An index page: the input is a teiCorpus of the edition's documents (or one TEI). -->
  <xsl:template match="/*" mode="m:page" priority="-1">
    <xsl:apply-templates select="." mode="m:index-page">
      <xsl:with-param name="index" select="$page"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template match="/*" mode="m:index-page">
    <xsl:param name="index" as="xs:string"/>
    <xsl:variable name="kind" select="$v:kinds($index)" xmlns:v="urn:teiedition:variables"/>
    <xsl:variable name="docs" select="descendant-or-self::tei:TEI"/>
    <xsl:variable name="lang" select="(($docs/@xml:lang ! f:language(.)), 'en')[1]"/>
    <html lang="{$lang}">
      <xsl:call-template name="t:head">
        <xsl:with-param name="title" select="$kind?title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="t:nav"/>
        <main id="index">
          <h1><xsl:value-of select="$kind?title"/></h1>
          <xsl:variable name="entries" select="key('k:entries', $kind?entry, root(.))[@xml:id]
              [f:is-entry(.)]" xmlns:k="urn:teiedition:keys"/>
          <xsl:if test="empty($entries)">
            <p>The edition names no <xsl:value-of select="lower-case($kind?title)"/>.</p>
          </xsl:if>
          <xsl:for-each-group select="$entries" group-by="@xml:id">
            <xsl:sort select="lower-case(f:preferred(.))"/>
            <xsl:apply-templates select="." mode="m:index">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:apply-templates>
          </xsl:for-each-group>
        </main>
        <xsl:call-template name="t:footer"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event" mode="m:index">
    <xsl:param name="docs"/>
    <xsl:variable name="id" select="string(@xml:id)"/>
    <section class="entry" id="{$id}">
      <h2><xsl:value-of select="f:preferred(.)"/></h2>
      <xsl:variable name="variants" select="(tei:persName | tei:placeName | tei:geogName |
          tei:orgName | tei:label)[normalize-space() != f:preferred(current())]"/>
      <xsl:if test="$variants">
        <p class="variants">Also: <xsl:value-of select="$variants/normalize-space()"
                                                separator="; "/></p>
      </xsl:if>
      <xsl:apply-templates select="tei:birth, tei:death, tei:note" mode="m:index"/>
      <xsl:apply-templates select="(tei:location/tei:geo)[1]" mode="m:index"/>
      <xsl:if test="tei:idno[f:authority-url(.)]">
        <ul class="authorities">
          <xsl:apply-templates select="tei:idno" mode="m:index"/>
        </ul>
      </xsl:if>
      <xsl:variable name="mentions" select="fp:mentions(.)"/>
      <p class="mentions">
        <xsl:text>Named in: </xsl:text>
        <xsl:for-each-group select="$mentions" group-by="generate-id(f:mention-block(.))">
          <xsl:variable name="target" select="f:mention-target(.)"/>
          <a href="{$target}">
            <xsl:value-of select="substring-after($target, '#')"/>
          </a>
          <xsl:if test="position() != last()">, </xsl:if>
        </xsl:for-each-group>
      </p>
    </section>
  </xsl:template>

  <!-- Where a mention stands: its page and the nearest block holding it (a paragraph, a
       verse line, a note, an item...: each has an id in the text page). -->
  <xsl:function name="f:mention-target" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:variable name="block" select="f:mention-block($mention)"/>
    <xsl:sequence select="fp:file($mention) || '#' || (if ($block) then f:id($block) else 'text')"/>
  </xsl:function>

  <!-- The page a mention is on: its text's in the edition's teiCorpus, else the page of the
       one text. -->
  <xsl:function name="fp:file" as="xs:string">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="if ($v:members) then ($mention/ancestor::*[@e:file][1]/@e:file, $text-file)[1]
                          else $text-file" xmlns:v="urn:teiedition:variables"/>
  </xsl:function>

  <!-- Whether the document transformed holds texts marked with their page (the members of
       the edition's teiCorpus): else no mention needs to look for its text's page (asked
       for each of 100,000 links, that was a tenth of the index pages). -->
  <xsl:variable name="v:members" xmlns:v="urn:teiedition:variables" as="xs:boolean"
                select="exists(/*/*[@e:file])"/>

  <!-- (Most names stand right in a paragraph: asked first.) -->
  <xsl:function name="f:mention-block" as="element()?">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="($mention/parent::tei:p, $mention/ancestor::*[f:is-anchored-block(.)][1])[1]"/>
  </xsl:function>

  <!-- A place's coordinates ("latitude longitude", decimal, as TEI's geo has them by
       default) link to the place on OpenStreetMap. Anything else is shown as it is. -->
  <xsl:template match="tei:geo" mode="m:index">
    <!-- "37.49223, 15.07041", "48,208333 16,373056" (decimal commas), "48.2 16.4". -->
    <xsl:variable name="point" select="if (matches(., ',\s')) then tokenize(normalize-space(), '\s*,\s*')
                                       else tokenize(normalize-space()) ! replace(., ',', '.')"/>
    <p class="geo">
      <xsl:text>Coordinates: </xsl:text>
      <xsl:choose>
        <xsl:when test="count($point) = 2 and (every $n in $point satisfies $n castable as xs:decimal)
                        and abs(xs:decimal($point[1])) le 90 and abs(xs:decimal($point[2])) le 180">
          <a href="https://www.openstreetmap.org/?mlat={$point[1]}&amp;mlon={$point[2]}#map=12/{
             $point[1]}/{$point[2]}"><xsl:value-of select="$point" separator=", "/> (map)</a>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space()"/></xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>

  <xsl:template match="tei:birth | tei:death" mode="m:index">
    <p class="{local-name()}">
      <xsl:value-of select="if (self::tei:birth) then 'Born ' else 'Died '"/>
      <xsl:value-of select="(normalize-space()[.], @when, @notBefore)[1]"/>
    </p>
  </xsl:template>

  <xsl:template match="tei:note" mode="m:index">
    <p class="entry-note"><xsl:value-of select="normalize-space()"/></p>
  </xsl:template>

  <xsl:template match="tei:idno[f:authority-url(.)]" mode="m:index">
    <li><a href="{f:authority-url(.)}"><xsl:value-of select="f:authority-label(.)"/>
      <xsl:text> </xsl:text><xsl:value-of select="normalize-space()"/></a></li>
  </xsl:template>
</xsl:stylesheet>
