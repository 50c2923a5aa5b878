<?xml version="1.0" encoding="UTF-8"?>
<!-- Pointers, for every output: where a @target (or a name's @ref) leads. A link is made
     only when it arrives: to an element of the same document that the outputs render
     (every such element keeps its id), to an index entry, to another document of the
     edition, or to the web. Anything else is shown as text with its target. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- The stems of the edition's documents, one per line (a pointer "letter2.xml#p3"
       reaches the page letter2.html). -->
  <xsl:param name="documents" as="xs:string" select="''"/>
  <xsl:variable name="fp:documents" select="tokenize($documents, '&#10;')[. != '']"/>

  <!-- The first pointer of @target, its TEI pointer scheme reduced to where it starts:
       "#range(a,b)" → "#a", "#xpath(//*[@xml:id='a'])" → "#a" when it names an id. -->
  <xsl:function name="f:pointer" as="xs:string?">
    <xsl:param name="target" as="xs:string?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($target))[1]"/>
    <xsl:sequence select="
      if (matches($first, '^#range\(\s*#?([^,\s)]+)')) then
        '#' || replace($first, '^#range\(\s*#?([^,\s)]+).*$', '$1')
      else if (matches($first, '^#xpath\(.*@xml:id\s*=\s*[''&quot;]([^''&quot;]+)')) then
        '#' || replace($first, '^#xpath\(.*@xml:id\s*=\s*[''&quot;]([^''&quot;]+).*$', '$1')
      else $first"/>
  </xsl:function>

  <!-- Where a pointer leads, as a map: kind "local" (id: an element rendered in the text
       of this document), "entry" (the index entry element), "document" (file: the page
       of another document of the edition, fragment), "web" (url), or "none" (it leads
       nowhere the edition has). -->
  <xsl:function name="f:resolve" as="map(*)">
    <xsl:param name="context" as="element()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="target" select="if (starts-with($pointer, '#') and string-length($pointer) gt 1)
                                        then f:element-by-id($context, substring($pointer, 2)) else ()"/>
    <xsl:variable name="file" select="replace(substring-before($pointer || '#', '#'), '^(.*/)?([^/]+)\.xml$', '$2')"/>
    <xsl:sequence select="
      if (empty($pointer) or $pointer = '') then map {'kind': 'none'}
      else if ($target and f:is-entry($target)) then map {'kind': 'entry', 'entry': $target}
      else if ($target and f:is-rendered($target)) then map {'kind': 'local', 'id': f:id($target)}
      else if (matches($pointer, '^(https?|mailto):')) then map {'kind': 'web', 'url': $pointer}
      else if (not(starts-with($pointer, '#')) and $file = $fp:documents)
        then map {'kind': 'document', 'file': $file,
                  'fragment': substring-after($pointer, '#')}
      else map {'kind': 'none'}"/>
  </xsl:function>

  <!-- A web address the file gives, to link to: http(s) only (a file may hold
       "javascript:" or "data:" addresses, which a published page must never follow), else
       (). -->
  <xsl:function name="f:web-url" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="normalize-space($value)[matches(., '^https?://\S+$', 'i')]"/>
  </xsl:function>

  <!-- Whether the text outputs render an element where a link can land: inside the text,
       and not inside something shown only as a property of another (a figure's
       description, an alternative reading's attributes). -->
  <xsl:function name="f:is-rendered" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element/ancestor-or-self::*[self::tei:text or self::tei:msDesc]) and
                          empty($element/ancestor-or-self::tei:figDesc)"/>
  </xsl:function>

  <!-- What a break marker says: the page's number, "col. 2", "line 10", "chapter 3". -->
  <xsl:function name="f:break-label" as="xs:string">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="
      if ($break/self::tei:pb) then normalize-space(($break/@n, 'page')[1])
      else if ($break/self::tei:cb) then 'col. ' || normalize-space($break/@n)
      else if ($break/self::tei:gb) then 'gathering ' || normalize-space($break/@n)
      else normalize-space(string-join(($break/@unit, $break/@n), ' '))"/>
  </xsl:function>

  <!-- The number of a division that has no heading ("section 3"), the way a milestone's is
       shown, so that a text cited by its divisions (Perseus's book, chapter, section) keeps
       its numbers; said once where nested divisions begin together ("book 1, chapter 1"),
       by the innermost. () for a division with a heading or no @n, or whose first part is
       such a division. -->
  <xsl:function name="f:division-label" as="xs:string?">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="if (fp:is-numbered-division($div) and
                                not(fp:is-numbered-division($div/*[1])))
                          then string-join(fp:division-labels($div), ', ') else ()"/>
  </xsl:function>

  <xsl:function name="fp:is-numbered-division" as="xs:boolean">
    <xsl:param name="div" as="element()?"/>
    <xsl:sequence select="exists($div[self::tei:div or self::tei:div1 or self::tei:div2 or
                          self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:div6 or
                          self::tei:div7][normalize-space(@n)][not(tei:head)])"/>
  </xsl:function>

  <xsl:function name="fp:division-labels" as="xs:string*">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="(if (fp:is-numbered-division($div/..) and $div is $div/../*[1])
                           then fp:division-labels($div/..) else ()),
                          normalize-space(string-join((($div/@subtype, $div/@type)
                              [not(. = ('textpart', 'edition'))][1], $div/@n), ' '))"/>
  </xsl:function>

  <xsl:function name="f:break-title" as="xs:string">
    <xsl:param name="break" as="element()"/>
    <xsl:sequence select="map {'pb': 'page break', 'cb': 'column break', 'gb': 'gathering break',
                               'milestone': 'boundary'}(local-name($break)) ||
                          (' (facsimile ' || normalize-space($break/@facs) || ')')[normalize-space($break/@facs)]"/>
  </xsl:function>

  <!-- A verse line's number: its @n when it is a number, else its place among the lines of
       its text; numbers are worked out once per document. -->
  <xsl:function name="f:line-number" as="xs:string">
    <xsl:param name="l" as="element()"/>
    <xsl:sequence select="if (normalize-space($l/@n)) then normalize-space($l/@n)
                          else string(fp:line-numbers(root($l))(generate-id($l)))"/>
  </xsl:function>

  <xsl:function name="fp:line-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="map:merge(
        for $text in $root/descendant-or-self::tei:TEI/tei:text
        return (let $ls := $text//tei:l[not(ancestor::tei:note)]
                return for $i in 1 to count($ls) return map {generate-id($ls[$i]): $i}))"/>
  </xsl:function>

  <!-- Line numbers show every fifth line, and wherever the source numbers a line with
       something that is not a plain number (12a, 100b). A text that numbers its lines
       itself shows only its own numbers (counting lines would disagree with them). -->
  <xsl:function name="f:shows-line-number" as="xs:boolean">
    <xsl:param name="l" as="element()"/>
    <xsl:variable name="n" select="f:line-number($l)"/>
    <xsl:sequence select="if (not(normalize-space($l/@n)) and fp:numbers-lines(root($l))) then false()
                          else if ($n castable as xs:integer) then xs:integer($n) mod 5 = 0
                          else $n != ''"/>
  </xsl:function>

  <xsl:function name="fp:numbers-lines" as="xs:boolean" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="exists(($root//tei:text//tei:l[normalize-space(@n)])[1])"/>
  </xsl:function>
</xsl:stylesheet>
