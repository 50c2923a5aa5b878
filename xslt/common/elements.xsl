<?xml version="1.0" encoding="UTF-8"?>
<!--
  What each TEI element is, once, for every output (issue 13). The table below is data:
  each behaviour lists the elements that have it, and each output implements the small set
  of behaviours (html/behaviours.xsl, typst/behaviours.xsl). Elements with a structure of
  their own (notes, tables, lists, verse lines, readings, names, links) have templates in
  the module of their family, which take precedence; the table still says what they are,
  so that the tests can list every element teiedition knows.

  Behaviours:
    section   a division of the text (its head is a heading)
    block     a block of its own: letter parts, title page parts, speeches, stage directions
    line      a block of one line: verse lines, addresses, salutes, signatures
    inline    a phrase marked by its kind (its class): terms, foreign words, titles
    plain     a phrase whose markup does not show: words, segments, numbers
    omit      not part of the text to read: links between parts, analyses, alternatives
              kept elsewhere (its id stays, as an anchor)
    structured an element with a template of its own in its family's module
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:e="urn:teiedition:elements"
    exclude-result-prefixes="#all">

  <xsl:variable name="fp:element-table" as="element(e:behaviour)+">
    <e:behaviour name="section">
      div div1 div2 div3 div4 div5 div6 div7 front back body group floatingText titlePage
      argument castList listBibl listWit listApp postscript entry superEntry entryFree hom
      msContents physDesc history additional msPart msFrag
    </e:behaviour>
    <e:behaviour name="block">
      ab opener closer epigraph trailer byline docImprint docTitle address castGroup sp
      lg u incident kinesic vocal writing sense re form gramGrp dictScrap def etym usg xr
      respStmt imprimatur performance set prologue epilogue spGrp
      msItem msItemStruct objectDesc supportDesc support foliation collation condition
      layoutDesc layout handDesc handNote decoDesc decoNote bindingDesc binding sealDesc seal
      scriptDesc scriptNote typeDesc typeNote accMat origin provenance acquisition adminInfo
      surrogates summary recordHist custodialHist musicNotation filiation additions
      witness source custEvent relatedItem notatedMusic
    </e:behaviour>
    <e:behaviour name="line">
      l dateline salute signed addrLine speaker titlePart docAuthor docDate docEdition
      castItem meeting stage fw msIdentifier textLang incipit explicit rubric finalRubric
      colophon headLabel headItem
    </e:behaviour>
    <e:behaviour name="inline">
      emph term gloss mentioned soCalled foreign title said q quote cit distinct
      orth pron hyph gram lbl oRef pRef roleDesc role actor ex am
      syll stress gen number case per tns mood iType pos subc colloc oVar pVar
      sic corr reg orig abbr expan add del unclear supplied surplus damage secl
      code ident gi att val tag
    </e:behaviour>
    <e:behaviour name="plain">
      seg s w c pc phr cl m num measure measureGrp time rhyme unit formula
      author editor publisher pubPlace biblScope citedRange edition extent series
      forename surname addName genName nameLink roleName affiliation occupation
      country region settlement district bloc geogFeat offset location geo
      street postCode postBox email idno desc label
      restore retrace mod redo undo sourceDoc metamark
      persName placeName orgName geogName name rs date origDate origPlace
      hi repository collection institution altIdentifier msName locus locusGrp dimensions
      height width depth dim material objectType stamp lang catchwords signatures
      secFol heraldry watermark eventName objectName objectIdentifier ellipsis
    </e:behaviour>
    <e:behaviour name="omit">
      interp interpGrp link linkGrp join joinGrp alt altGrp fs fLib fvLib f certainty
      precision respons index span spanGrp timeline when figDesc addSpan delSpan damageSpan
      lacunaStart lacunaEnd witStart witEnd move pause shift divGen
    </e:behaviour>
    <e:behaviour name="structured">
      text p head note noteGrp ref ptr anchor lb pb cb gb milestone list item table row cell
      figure graphic media binaryObject choice app lem rdg rdgGrp wit subst gap space
      handShift g caesura bibl biblStruct msDesc ruby rb rt eg
    </e:behaviour>
  </xsl:variable>

  <xsl:variable name="fp:behaviours" as="map(xs:string, xs:string)" select="map:merge(
      for $b in $fp:element-table, $name in tokenize($b)
      return map {$name: string($b/@name)})"/>

  <!-- The words an element's look is given in: its @rend, and its @style where that is not
       CSS ("italic", "bold smallcaps": files use it as @rend). -->
  <xsl:function name="f:look-words" as="xs:string*">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="tokenize(normalize-space($element/@rend)),
                          $element/@style[not(matches(., ':'))] ! tokenize(normalize-space(.))"/>
  </xsl:function>

  <!-- The behaviour of a TEI element, or () for an element the table does not know. -->
  <xsl:function name="f:behaviour" as="xs:string?">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="if (namespace-uri($element) = 'http://www.tei-c.org/ns/1.0')
                          then $fp:behaviours(local-name($element)) else ()"/>
  </xsl:function>

  <!-- Blocks that keep an id in every output, so that links and index entries can reach
       them: paragraphs, heads, notes, items, cells, and every section, block and line. -->
  <xsl:function name="f:is-anchored-block" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[self::tei:p or self::tei:head or self::tei:note or
                          self::tei:item or self::tei:cell or self::tei:table or
                          self::tei:list or self::tei:figure]) or
                          f:behaviour($element) = ('section', 'block', 'line')"/>
  </xsl:function>

  <!-- What a part of a manuscript description is called for a reader. -->
  <xsl:function name="f:field-name" as="xs:string">
    <xsl:param name="element" as="element()"/>
    <xsl:variable name="name" select="local-name($element)"/>
    <xsl:sequence select="(map {'msItem': 'Item', 'objectDesc': 'Object', 'supportDesc': 'Support',
        'support': 'Material', 'extent': 'Extent', 'foliation': 'Foliation',
        'collation': 'Collation', 'condition': 'Condition', 'layoutDesc': 'Layout',
        'layout': 'Layout', 'handDesc': 'Hands', 'handNote': 'Hand', 'decoDesc': 'Decoration',
        'decoNote': 'Decoration', 'bindingDesc': 'Binding', 'binding': 'Binding',
        'sealDesc': 'Seals', 'seal': 'Seal', 'scriptDesc': 'Script', 'typeDesc': 'Type',
        'accMat': 'Accompanying material', 'origin': 'Origin', 'provenance': 'Provenance',
        'acquisition': 'Acquisition', 'adminInfo': 'Administrative information',
        'surrogates': 'Surrogates', 'summary': 'Summary', 'recordHist': 'Record history',
        'custodialHist': 'Custodial history', 'musicNotation': 'Music notation',
        'textLang': 'Language', 'incipit': 'Incipit', 'explicit': 'Explicit',
        'rubric': 'Rubric', 'finalRubric': 'Final rubric', 'colophon': 'Colophon',
        'filiation': 'Filiation', 'msItemStruct': 'Item', 'msContents': 'Contents',
        'physDesc': 'Physical description', 'history': 'History',
        'additional': 'Additional information', 'msPart': 'Part', 'msFrag': 'Fragment',
        'source': 'Source', 'custEvent': 'Event'}($name),
        $name)[1] ||
        (' ' || normalize-space($element/@n))[normalize-space($element/@n)]"/>
  </xsl:function>
</xsl:stylesheet>
