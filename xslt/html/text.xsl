<?xml version="1.0" encoding="UTF-8"?>
<!-- The text: divisions, paragraphs with permalinks and fragment markers, quotations, lists,
     highlighting, editorial interventions, references. One template per element. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:m="urn:teiedition:modes"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:group" mode="m:html">
    <xsl:apply-templates mode="m:html"/>
  </xsl:template>

  <xsl:template match="tei:div" mode="m:html">
    <section class="div" id="{f:id(.)}">
      <xsl:apply-templates mode="m:html"/>
    </section>
  </xsl:template>

  <xsl:template match="tei:head" mode="m:html">
    <xsl:element name="h{min((count(ancestor::tei:div) + 1, 6))}">
      <xsl:apply-templates mode="m:html"/>
    </xsl:element>
  </xsl:template>

  <!-- A paragraph: its text, a visible permalink, and markers where the source begins or
       breaks off inside it. -->
  <xsl:template match="tei:p" mode="m:html">
    <p id="{f:id(.)}">
      <xsl:apply-templates select="@part" mode="m:html-start"/>
      <xsl:apply-templates mode="m:html"/>
      <xsl:apply-templates select="@part" mode="m:html-end"/>
      <a class="permalink" href="#{f:id(.)}" aria-label="Link to paragraph {f:id(.)}">¶</a>
    </p>
  </xsl:template>

  <xsl:template match="@part[. = ('F', 'M')]" mode="m:html-start">
    <span class="fragment fragment-start" title="The source begins inside this paragraph"
          >[…] </span>
  </xsl:template>

  <xsl:template match="@part[. = ('I', 'M')]" mode="m:html-end">
    <span class="fragment fragment-end" title="The source breaks off inside this paragraph"
          > […]</span>
  </xsl:template>

  <xsl:template match="@part" mode="m:html-start m:html-end"/>

  <!-- A paragraph inside a paragraph-like element (a note, a quotation, an item). -->
  <xsl:template match="tei:p[ancestor::tei:note or ancestor::tei:quote or ancestor::tei:item]"
                mode="m:html" priority="2">
    <span class="p" id="{f:id(.)}"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:quote" mode="m:html">
    <q class="quote"><xsl:apply-templates mode="m:html"/></q>
  </xsl:template>

  <xsl:template match="tei:quote[@rend = 'block'] | tei:div/tei:quote | tei:body/tei:quote"
                mode="m:html" priority="2">
    <blockquote id="{f:id(.)}"><xsl:apply-templates mode="m:html"/></blockquote>
  </xsl:template>

  <xsl:template match="tei:q" mode="m:html">
    <q><xsl:apply-templates mode="m:html"/></q>
  </xsl:template>

  <xsl:template match="tei:cit" mode="m:html">
    <span class="cit"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:div/tei:cit | tei:body/tei:cit" mode="m:html" priority="2">
    <figure class="cit"><xsl:apply-templates mode="m:html"/></figure>
  </xsl:template>

  <xsl:template match="tei:list" mode="m:html">
    <ul><xsl:apply-templates mode="m:html"/></ul>
  </xsl:template>

  <xsl:template match="tei:list/tei:head" mode="m:html" priority="2">
    <li class="list-head"><xsl:apply-templates mode="m:html"/></li>
  </xsl:template>

  <xsl:template match="tei:item" mode="m:html">
    <li><xsl:apply-templates mode="m:html"/></li>
  </xsl:template>

  <xsl:template match="tei:table" mode="m:html">
    <table><xsl:apply-templates mode="m:html"/></table>
  </xsl:template>

  <xsl:template match="tei:row" mode="m:html">
    <tr><xsl:apply-templates mode="m:html"/></tr>
  </xsl:template>

  <xsl:template match="tei:cell" mode="m:html">
    <td><xsl:apply-templates select="@cols, @rows" mode="m:html-span"/><xsl:apply-templates mode="m:html"/></td>
  </xsl:template>

  <xsl:template match="tei:row[@role = 'label']/tei:cell" mode="m:html" priority="2">
    <th><xsl:apply-templates select="@cols, @rows" mode="m:html-span"/><xsl:apply-templates mode="m:html"/></th>
  </xsl:template>

  <xsl:template match="@cols" mode="m:html-span">
    <xsl:attribute name="colspan" select="."/>
  </xsl:template>

  <xsl:template match="@rows" mode="m:html-span">
    <xsl:attribute name="rowspan" select="."/>
  </xsl:template>

  <!-- The edition does not carry the image files (they stay beside the TEI): the figure says
       which file it shows and what it shows. -->
  <xsl:template match="tei:graphic" mode="m:html">
    <span class="graphic">[image: <xsl:value-of select="@url"/>]</span>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('italic', 'italics', 'i')] | tei:emph" mode="m:html">
    <em><xsl:apply-templates mode="m:html"/></em>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('bold', 'b')]" mode="m:html">
    <strong><xsl:apply-templates mode="m:html"/></strong>
  </xsl:template>

  <xsl:template match="tei:hi[@rend = ('sup', 'superscript')]" mode="m:html">
    <sup><xsl:apply-templates mode="m:html"/></sup>
  </xsl:template>

  <xsl:template match="tei:hi" mode="m:html">
    <span class="hi {@rend}"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:foreign" mode="m:html">
    <i lang="{(@xml:lang, 'und')[1]}"><xsl:apply-templates mode="m:html"/></i>
  </xsl:template>

  <xsl:template match="tei:title" mode="m:html">
    <cite><xsl:apply-templates mode="m:html"/></cite>
  </xsl:template>

  <xsl:template match="tei:lb" mode="m:html">
    <br/>
  </xsl:template>

  <xsl:template match="tei:pb" mode="m:html">
    <span class="pb" title="page break">[<xsl:value-of select="(@n, 'page')[1]"/>]</span>
  </xsl:template>

  <xsl:template match="tei:gap" mode="m:html">
    <span class="gap" title="{('omitted: ' || @reason)[exists(current()/@reason)]}">[…]</span>
  </xsl:template>

  <!-- A gap that describes what is missing says it. -->
  <xsl:template match="tei:gap[*]" mode="m:html" priority="2">
    <span class="gap">[<xsl:apply-templates mode="m:html"/>]</span>
  </xsl:template>

  <!-- Editorial interventions: every reading in the source's order, so that no word is lost;
       the corrected or regular reading plain, the others in brackets. -->
  <xsl:template match="tei:choice" mode="m:html">
    <xsl:variable name="shown" select="(tei:corr, tei:reg, tei:expan, *)[1]"/>
    <span class="choice">
      <xsl:for-each select="*">
        <xsl:choose>
          <xsl:when test=". is $shown"><xsl:apply-templates select="." mode="m:html"/></xsl:when>
          <xsl:otherwise>
            <span class="alt">[<xsl:apply-templates select="." mode="m:html"/>]</span>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="position() != last()"><xsl:text> </xsl:text></xsl:if>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:reg | tei:orig | tei:seg | tei:s | tei:w |
                       tei:c | tei:pc | tei:add | tei:unclear | tei:supplied | tei:abbr |
                       tei:expan | tei:ab | tei:label | tei:signed | tei:opener |
                       tei:closer | tei:salute | tei:dateline | tei:address | tei:addrLine |
                       tei:l | tei:lg | tei:sp | tei:speaker | tei:stage | tei:num |
                       tei:measure | tei:term | tei:mentioned | tei:soCalled | tei:idno | tei:fw |
                       tei:desc | tei:figDesc | tei:figure | tei:damage | tei:space |
                       tei:subst | tei:surplus | tei:handShift"
                mode="m:html">
    <span class="{local-name()}"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <!-- The lemma of an apparatus entry in the text, the other readings after it in brackets
       with their witnesses. -->
  <xsl:template match="tei:app" mode="m:html">
    <span class="app">
      <xsl:apply-templates select="tei:lem" mode="m:html"/>
      <xsl:for-each select="tei:rdg">
        <xsl:text> </xsl:text>
        <span class="rdg" title="{('reading of ' || @wit)[exists(current()/@wit)]}"
          >[<xsl:apply-templates mode="m:html"/>]</span>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="tei:lem" mode="m:html">
    <span class="lem"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:del" mode="m:html">
    <del><xsl:apply-templates mode="m:html"/></del>
  </xsl:template>

  <xsl:template match="tei:ref[@target]" mode="m:html">
    <a href="{tokenize(normalize-space(@target))[1]}"><xsl:apply-templates mode="m:html"/></a>
  </xsl:template>

  <xsl:template match="tei:ref" mode="m:html">
    <span class="ref"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <xsl:template match="tei:ptr[@target]" mode="m:html">
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <a href="{$target}"><xsl:value-of select="$target"/></a>
  </xsl:template>

  <xsl:template match="tei:bibl" mode="m:html">
    <span class="bibl"><xsl:apply-templates mode="m:html"/></span>
  </xsl:template>

  <!-- Facsimile references and other pointers without text: nothing to read. -->
  <xsl:template match="tei:ptr | tei:anchor | tei:milestone | tei:cb" mode="m:html"/>
</xsl:stylesheet>
