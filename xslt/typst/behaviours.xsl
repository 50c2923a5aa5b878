<?xml version="1.0" encoding="UTF-8"?>
<!-- The behaviours of common/elements.xsl in Typst: one template each, calling the
     functions of edition.typ, which decides how each kind of block and phrase looks. An
     element's own template (in its family's module) takes precedence. Every element with
     an xml:id leaves an anchor where links to it arrive. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:m="urn:teiedition:modes"
    xmlns:t="urn:teiedition:templates"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:*[f:behaviour(.) = ('section', 'block')]" mode="m:typst" priority="-1">
    <xsl:call-template name="t:typst-call"><xsl:with-param name="function" select="'tei-block'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = 'line']" mode="m:typst" priority="-1">
    <xsl:call-template name="t:typst-call"><xsl:with-param name="function" select="'tei-line'"/></xsl:call-template>
  </xsl:template>

  <!-- A title page's line among the words of its parent stays in the line. -->
  <xsl:template match="(tei:docAuthor | tei:docDate | tei:docEdition | tei:titlePart)
                       [../text()[normalize-space()]]" mode="m:typst" priority="-0.5">
    <xsl:call-template name="t:typst-call"><xsl:with-param name="function" select="'tei-inline'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = 'inline']" mode="m:typst" priority="-1">
    <xsl:call-template name="t:typst-call"><xsl:with-param name="function" select="'tei-inline'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = 'plain']" mode="m:typst" priority="-1">
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:apply-templates mode="m:typst"/>
  </xsl:template>

  <xsl:template match="tei:*[f:behaviour(.) = 'omit']" mode="m:typst" priority="-1">
    <xsl:call-template name="t:typst-anchor"/>
  </xsl:template>

  <!-- A call of edition.typ: #function("kind")[anchor content]. -->
  <xsl:template name="t:typst-call">
    <xsl:param name="function" as="xs:string"/>
    <xsl:param name="kind" as="xs:string" select="local-name()"/>
    <xsl:param name="content" as="item()*" select="()"/>
    <xsl:text>#</xsl:text><xsl:value-of select="$function"/>
    <xsl:text>(</xsl:text><xsl:value-of select="f:typst-string($kind)"/><xsl:text>)[</xsl:text>
    <xsl:call-template name="t:typst-anchor"/>
    <xsl:sequence select="$content"/>
    <xsl:if test="empty($content)"><xsl:apply-templates mode="m:typst"/></xsl:if>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- Where links to an element arrive: only elements a ref or ptr points to (an anchor at
       every id would slow the typesetting of long texts for nothing): from the same
       document ("#id"), or, in the edition's book, from another ("NAME.xml#id"); and not
       in a copy (a lemma repeated in its apparatus note). In a text's own PDF in an
       edition (which knows the other texts' names, not what they point to), every
       element with an id: each becomes a named destination, where a link from another
       text's PDF ("NAME.pdf#id") opens it (render/destinations.py). -->
  <xsl:key name="k:targets" xmlns:k="urn:teiedition:keys" match="tei:ref[@target] | tei:ptr[@target]"
           use="substring(f:pointer(@target), 2)"/>
  <xsl:key name="k:document-targets" xmlns:k="urn:teiedition:keys"
           match="tei:ref[contains(@target, '.xml#')] | tei:ptr[contains(@target, '.xml#')]"
           use="f:pointer(@target) ! (replace(substring-before(., '#'), '^(.*/)?([^/]+)\.xml$', '$2')
                || '#' || substring-after(., '#'))"/>

  <xsl:template name="t:typst-anchor">
    <xsl:param name="copy" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:if test="@xml:id and not($copy) and (key('k:targets', string(@xml:id)) or
                  (fp:in-book(.) and key('k:document-targets', f:typst-anchor-key(., @xml:id)))
                  or (exists($fp:documents) and not(fp:in-book(.))))"
            xmlns:k="urn:teiedition:keys">
      <xsl:text>#anchor(</xsl:text><xsl:value-of select="f:typst-string(f:typst-anchor-key(., @xml:id))"/><xsl:text>)</xsl:text>
    </xsl:if>
  </xsl:template>

  <!-- The name of the place a link to the element $id of $context's document arrives at: the
       id, and in the edition's book (where ids of different texts may be the same) the
       text's name before it, "NAME#id". -->
  <xsl:function name="f:typst-anchor-key" as="xs:string">
    <xsl:param name="context" as="element()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="string-join(($context/ancestor-or-self::*[@e:file][1]/@e:file, $id), '#')"
                  xmlns:e="urn:teiedition"/>
  </xsl:function>

  <!-- Whether an element is in the edition's book (a teiCorpus of the edition's texts, each
       named by its e:file, a TEI or a teiCorpus), not in a document's own PDF. -->
  <xsl:function name="fp:in-book" as="xs:boolean">
    <xsl:param name="context" as="element()"/>
    <xsl:sequence select="exists($context/ancestor-or-self::*[@e:file])" xmlns:e="urn:teiedition"/>
  </xsl:function>
</xsl:stylesheet>
