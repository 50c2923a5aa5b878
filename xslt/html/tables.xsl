<?xml version="1.0" encoding="UTF-8"?>
<!-- Tables, lists and figures. Inside a phrase (a table in a paragraph) they keep their
     structure for assistive technology through ARIA roles on spans. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    xmlns:e="urn:teiedition"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:table" mode="m:html">
    <div class="table-wrap">
      <table class="{string-join(('tei-table', f:rend-classes(.)), ' ')}">
        <xsl:call-template name="t:id"/>
        <xsl:for-each select="tei:head[1]">
          <caption><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></caption>
        </xsl:for-each>
        <tbody><xsl:apply-templates select="node() except tei:head[1]" mode="m:html"/></tbody>
      </table>
    </div>
  </xsl:template>

  <xsl:template match="tei:row" mode="m:html">
    <tr class="{string-join(('tei-row', @role ! ('role-' || replace(., '\W', '_'))), ' ')}">
      <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
    </tr>
  </xsl:template>

  <!-- A cell: a header cell when it or its row has the role "label"; @rows and @cols span. -->
  <xsl:template match="tei:cell" mode="m:html">
    <xsl:element name="{if ((@role, ../@role)[1] = 'label') then 'th' else 'td'}">
      <xsl:if test="(@role, ../@role)[1] = 'label'">
        <xsl:attribute name="scope" select="if (../@role = 'label') then 'col' else 'row'"/>
      </xsl:if>
      <xsl:if test="@rows castable as xs:positiveInteger and xs:integer(@rows) gt 1">
        <xsl:attribute name="rowspan" select="@rows"/>
      </xsl:if>
      <xsl:if test="@cols castable as xs:positiveInteger and xs:integer(@cols) gt 1">
        <xsl:attribute name="colspan" select="@cols"/>
      </xsl:if>
      <xsl:call-template name="t:id"/>
      <xsl:call-template name="t:style"/>
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A table inside a phrase: spans with the table's roles. -->
  <xsl:template match="tei:table[f:in-phrasing(.)]" mode="m:html" priority="2">
    <span class="tei-table block" role="table"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>
  <!-- (A space before each row and cell but the first: the table's layout ignores it, and
       its words stay apart when they are copied or read: "z charge", not "zcharge".) -->
  <xsl:template match="tei:row[f:in-phrasing(.)]" mode="m:html" priority="2">
    <xsl:if test="preceding-sibling::tei:row"><xsl:text> </xsl:text></xsl:if>
    <span class="tei-row" role="row"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>
  <xsl:template match="tei:cell[f:in-phrasing(.)]" mode="m:html" priority="2">
    <xsl:if test="preceding-sibling::tei:cell"><xsl:text> </xsl:text></xsl:if>
    <span class="tei-cell" role="cell"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <!-- Lists: numbered when the source says so, a list of terms when it has labels. -->
  <xsl:template match="tei:list" mode="m:html">
    <xsl:apply-templates select="tei:head" mode="m:html"/>
    <xsl:element name="{if (@type = ('ordered', 'numbered', 'decimal') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}">
      <xsl:attribute name="class" select="string-join(('tei-list', @type ! ('list-' || replace(., '\W', '_')), f:rend-classes(.)), ' ')"/>
      <xsl:call-template name="t:id"/>
      <xsl:apply-templates select="node() except tei:head" mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:list[tei:label]" mode="m:html" priority="2">
    <xsl:apply-templates select="tei:head" mode="m:html"/>
    <dl class="tei-list list-labelled">
      <xsl:call-template name="t:id"/>
      <xsl:apply-templates select="(node() except tei:head)[self::* or normalize-space()]"
                           mode="m:html-dl"/>
    </dl>
  </xsl:template>

  <!-- The parts of a list of terms: each label a term, each item its description; the
       list's own headings (headLabel, headItem) a first pair; anything else between them
       (a page break, a note, words) a description of its own, so that nothing is lost. -->
  <xsl:template match="tei:label" mode="m:html-dl">
    <dt><xsl:apply-templates select="." mode="m:html-label"/></dt>
  </xsl:template>

  <xsl:template match="tei:item" mode="m:html-dl">
    <dd><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></dd>
  </xsl:template>

  <xsl:template match="tei:headLabel" mode="m:html-dl">
    <dt class="list-head"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></dt>
  </xsl:template>

  <xsl:template match="tei:headItem" mode="m:html-dl">
    <dd class="list-head"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></dd>
  </xsl:template>

  <xsl:template match="node()" mode="m:html-dl" priority="-1">
    <dd class="list-other"><xsl:apply-templates select="." mode="m:html"/></dd>
  </xsl:template>

  <xsl:template match="tei:label" mode="m:html-label">
    <xsl:if test="@xml:id"><span id="{f:id(.)}" class="anchor"/></xsl:if>
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>

  <xsl:template match="tei:list/tei:head" mode="m:html" priority="3">
    <xsl:call-template name="t:block"><xsl:with-param name="class" select="'head list-head'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:item" mode="m:html">
    <li>
      <xsl:call-template name="t:id"/>
      <xsl:if test="@n and not(../@type = ('ordered', 'numbered'))">
        <span class="item-n"><xsl:value-of select="@n"/><xsl:text> </xsl:text></span>
      </xsl:if>
      <xsl:apply-templates mode="m:html"/>
    </li>
  </xsl:template>

  <!-- A list inside a phrase. -->
  <xsl:template match="tei:list[f:in-phrasing(.)]" mode="m:html" priority="4">
    <span class="tei-list block" role="list"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>
  <xsl:template match="tei:item[f:in-phrasing(.)]" mode="m:html" priority="2">
    <span class="tei-item block" role="listitem"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:label" mode="m:html">
    <xsl:call-template name="t:inline"/>
  </xsl:template>

  <!-- A figure: its image when the edition has it (render.py copies images found beside
       the TEI file and marks them with e:src), else a labelled placeholder; the figDesc
       is the image's alternative text, the head its caption. -->
  <xsl:template match="tei:figure" mode="m:html">
    <!-- The caption goes where the source has it: the heads the figure begins with, first (a
         map's title above its legend), else the heads it ends with, last. A figure has one
         figcaption: several heads are lines of it; a head between other parts stays in
         place. -->
    <xsl:variable name="lead" select="tei:head[f:figure-edge(preceding-sibling::node())]"/>
    <xsl:variable name="heads" select="($lead, tei:head[empty($lead)]
                                        [f:figure-edge(following-sibling::node())])"/>
    <xsl:variable name="caption" as="element()*">
      <xsl:if test="$heads">
        <xsl:call-template name="t:figcaption"><xsl:with-param name="heads" select="$heads"/></xsl:call-template>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="t:block">
      <xsl:with-param name="name" select="'figure'"/>
      <xsl:with-param name="content">
        <xsl:sequence select="$caption[exists($lead)]"/>
        <xsl:for-each select="node() except $heads">
          <xsl:choose>
            <xsl:when test="self::tei:head">
              <span class="figure-head block"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
            </xsl:when>
            <xsl:otherwise><xsl:apply-templates select="." mode="m:html"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:sequence select="$caption[empty($lead)]"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- The figcaption of a figure (the context): its heads. -->
  <xsl:template name="t:figcaption">
    <xsl:param name="heads" as="element(tei:head)+"/>
    <figcaption>
      <xsl:choose>
        <xsl:when test="$heads[2]">
          <xsl:for-each select="$heads">
            <span class="figure-head block"><xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/></span>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <xsl:for-each select="$heads">
            <xsl:call-template name="t:id"/><xsl:apply-templates mode="m:html"/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </figcaption>
  </xsl:template>

  <xsl:template match="tei:figure[f:in-phrasing(.)]" mode="m:html" priority="2">
    <xsl:call-template name="t:block"/>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media" mode="m:html">
    <xsl:variable name="alt" select="normalize-space(string-join((../tei:figDesc, @url), ' '))"/>
    <xsl:choose>
      <xsl:when test="@e:src">
        <img src="{@e:src}" alt="{normalize-space(string-join(../tei:figDesc, ' '))}" loading="lazy">
          <xsl:call-template name="t:id"/>
        </img>
      </xsl:when>
      <xsl:otherwise>
        <span class="graphic-missing" role="img" aria-label="{('Image not included: ' || $alt)}">
          <xsl:call-template name="t:id"/>
          <xsl:text>Image not included</xsl:text>
          <xsl:if test="normalize-space(@url)">
            <xsl:text>: </xsl:text><span class="graphic-url"><xsl:value-of select="@url"/></span>
          </xsl:if>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:binaryObject" mode="m:html">
    <span class="graphic-missing"><xsl:call-template name="t:id"/>Embedded data (<xsl:value-of select="(@mimeType, 'unknown type')[1]"/>) not shown</span>
  </xsl:template>
</xsl:stylesheet>
