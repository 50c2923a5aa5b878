<?xml version="1.0" encoding="UTF-8"?>
<!-- Functions shared by every output: ids, labels, note numbers, authority links. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- An element's id: its xml:id, or one computed from its place among the elements of
       the same name in its TEI document (stable per document: the text page and the
       edition's index pages, which see the document inside a teiCorpus, agree). An xml:id
       the file gives twice (real files do: a paragraph pasted twice) is the first
       bearer's, where links to it arrive; a later one gets a computed id. -->
  <xsl:function name="f:id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="
        if ($node/@xml:id) then (if ($fp:one-scope and not($fp:ids-repeat) and root($node) is $fp:root)
                                 then string($node/@xml:id) else fp:xml-id($node))
        else if ($fp:one-scope and root($node) is $fp:root)
        then fp:free-root-id(local-name($node) || '-' ||
                             fp:root-positions(local-name($node))(generate-id($node)))
        else fp:free-id($node, local-name($node) || '-' || fp:position($node))"/>
  </xsl:function>

  <!-- The document transformed, and whether it is the one scope of its ids and names (not
       the edition's teiCorpus of documents, fp:scope): then an element's id, and a name's
       link (html/names.xsl), need not look for the element's document. (Every paragraph
       asks for its id: the look, with the positions found through it, was a third of a
       novel's page of 1,000,000 words.) -->
  <xsl:variable name="fp:root" as="document-node()?" select="/"/>
  <xsl:variable name="fp:one-scope" as="xs:boolean"
                select="exists($fp:root) and not(fp:has-members($fp:root))"/>
  <!-- Whether the document gives an xml:id twice (asked once: then each bearer's id is
       looked at, fp:xml-id). -->
  <xsl:variable name="fp:ids-repeat" as="xs:boolean"
                select="exists($fp:root) and (let $ids := $fp:root//@xml:id
                        return count($ids) ne count(distinct-values($ids)))"/>

  <!-- (Kept by the element's name: a string is looked up in the cache faster than a node
       and a name.) -->
  <xsl:function name="fp:root-positions" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="fp:positions($fp:root, $name)"/>
  </xsl:function>

  <xsl:function name="fp:free-root-id" as="xs:string">
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (exists(key('f:ids', $id, $fp:root))) then fp:free-root-id($id || '_')
                          else $id"/>
  </xsl:function>

  <!-- An element's own xml:id, unless an element before it has it too: then the xml:id and
       its place among the bearers. -->
  <xsl:function name="fp:xml-id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="first" select="if ($fp:one-scope and root($node) is $fp:root)
                                       then key('f:ids', string($node/@xml:id), $fp:root)[1]
                                       else f:element-by-id($node, $node/@xml:id)"/>
    <xsl:sequence select="if ($first is $node) then string($node/@xml:id)
                          else fp:repeated-id($node)"/>
  </xsl:function>

  <xsl:function name="fp:repeated-id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:variable name="bearers" select="fp:scope($node)/descendant-or-self::*[@xml:id = $node/@xml:id]"/>
    <xsl:sequence select="fp:free-id($node, $node/@xml:id || '-' ||
                          index-of($bearers ! generate-id(), generate-id($node)))"/>
  </xsl:function>

  <!-- A made id that the file does not already use as an xml:id (else with "_" added). -->
  <xsl:function name="fp:free-id" as="xs:string">
    <xsl:param name="node" as="element()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if (exists(f:element-by-id($node, $id))) then fp:free-id($node, $id || '_')
                          else $id"/>
  </xsl:function>

  <!-- The document a node belongs to: the file it came from. In the edition's pages, the
       documents are members of one teiCorpus, each marked with the page it has (e:file);
       elsewhere the file is the whole tree (a teiCorpus file is one page). Ids and
       look-ups are scoped to it, so that the text page and the index pages agree. -->
  <xsl:function name="fp:scope" as="node()">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="if (fp:has-members(root($node)))
                          then ($node/ancestor-or-self::*[@e:file][1], root($node))[1]
                          else root($node)" xmlns:e="urn:teiedition"/>
  </xsl:function>

  <!-- (Asked once per tree: outside the edition's pages there are no members to look for
       above each name.) -->
  <xsl:function name="fp:has-members" as="xs:boolean" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="exists($root/*/*[@e:file])" xmlns:e="urn:teiedition"/>
  </xsl:function>

  <!-- Positions are worked out once per document and element name (counting the preceding
       elements of each would be quadratic in the length of the text), for the names asked
       only: a text of 1,000,000 words asks for its body's, not for its 100,000 names'. -->
  <xsl:function name="fp:position" as="xs:integer">
    <xsl:param name="node" as="element()"/>
    <xsl:sequence select="fp:positions(fp:scope($node), local-name($node))(generate-id($node))"/>
  </xsl:function>

  <xsl:function name="fp:positions" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="name" as="xs:string"/>
    <xsl:variable name="all" select="$scope/descendant-or-self::*[local-name() = $name][not(@xml:id)]"/>
    <xsl:sequence select="map:merge(for $i in 1 to count($all) return map {generate-id($all[$i]): $i})"/>
  </xsl:function>

  <!-- A paragraph's number in the margin: its place among the paragraphs of its text (not
       those in notes or quotations). All numbers of a document are worked out
       in one pass and kept (counting the preceding paragraphs of each would take time
       quadratic in the length of the text: 40 s for 1,000,000 words). -->
  <xsl:function name="f:paragraph-number" as="xs:integer">
    <xsl:param name="p" as="element(tei:p)"/>
    <xsl:sequence select="fp:paragraph-numbers(root($p))(generate-id($p))"/>
  </xsl:function>

  <xsl:function name="fp:paragraph-numbers" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="map:merge(
        for $text in $root/descendant-or-self::tei:TEI
        return (let $ps := $text/tei:text//tei:p[not(ancestor::tei:note or ancestor::tei:quote)]
                return for $i in 1 to count($ps) return map {generate-id($ps[$i]): $i}))"/>
  </xsl:function>

  <!-- A note's key: the source's number (@n), else its place among the notes of the text.
       It names the note for machines (the parity check of teiedition build). (The notes
       are counted only for a note without @n: a text whose notes all have one, as the
       converter writes them, never counts them; asked first, the count was worked out for
       every note, 27 ms of a 1,000,000-word text's page.) -->
  <xsl:function name="f:note-key" as="xs:string" cache="yes">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@n) then string($note/@n)
        else let $before := fp:notes-before($note)
             return string(if (exists($before))
                 then $before[1] - count($note/ancestor::tei:note) + 1
                 else count($note/preceding::tei:note[not(ancestor::tei:teiHeader)]) + 1)"/>
  </xsl:function>

  <!-- A note's label, as the reader sees it: the source's number (@n), else its place among
       the notes referenced from the text (notes printed in the line or in the margin, and
       remarks in an apparatus, have no number to count). -->
  <xsl:function name="f:note-label" as="xs:string" cache="yes">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="if ($note/@n) then string($note/@n)
        else let $before := fp:notes-before($note)
             return string(if (exists($before))
                 then $before[2] - count($note/ancestor::tei:note[f:note-place(.) = 'foot']) + 1
                 else count($note/preceding::tei:note[not(ancestor::tei:teiHeader)]
                            [f:note-place(.) = 'foot']) + 1)"/>
  </xsl:function>

  <!-- For a note outside the header: how many notes, and how many notes at the foot, stand
       before it in document order (its ancestors among them: the callers take those off,
       as the preceding axis leaves them out); () for a note in a header. Worked out in one
       pass over a document's notes, kept per document: counting the preceding notes of
       each took time quadratic in the length of the text (issue 13: a 1,000,000-word text
       whose notes have no @n had not finished after 10 minutes). -->
  <xsl:function name="fp:notes-before" as="xs:integer*">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="fp:note-counts(root($note))(generate-id($note))"/>
  </xsl:function>

  <xsl:function name="fp:note-counts" as="map(xs:string, xs:integer+)" cache="yes">
    <xsl:param name="root" as="node()"/>
    <xsl:variable name="entries" as="map(xs:string, xs:integer+)*">
      <!-- (A position in document order, as xsl:number would give it, in one pass.) -->
      <xsl:iterate select="$root/descendant-or-self::tei:note[not(ancestor::tei:teiHeader)]">
        <xsl:param name="notes" as="xs:integer" select="0"/>
        <xsl:param name="feet" as="xs:integer" select="0"/>
        <xsl:sequence select="map {generate-id(.): ($notes, $feet)}"/>
        <xsl:next-iteration>
          <xsl:with-param name="notes" select="$notes + 1"/>
          <xsl:with-param name="feet" select="$feet + (if (f:note-place(.) = 'foot') then 1 else 0)"/>
        </xsl:next-iteration>
      </xsl:iterate>
    </xsl:variable>
    <xsl:sequence select="map:merge($entries)"/>
  </xsl:function>

  <!-- Where a note is printed: "inline" (in the line, as the source has it), "margin"
       (beside the text), "block" (a note that stands between blocks, where it stands), or
       "foot" (foot, end, or unsaid: referenced from the text). A note inside a note stays
       inside it ("nested"); one that comments on an apparatus entry is said in the entry
       ("apparatus"). (Kept per note: the templates of a note ask it twice to choose one,
       the page's list of notes once, the count of the notes once.) -->
  <xsl:function name="f:note-place" as="xs:string" cache="yes">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if ($note/ancestor::tei:note) then 'nested'
        else if ($note/ancestor::tei:app) then 'apparatus'
        else if ($note/@place = ('inline', 'intra', 'interlinear')) then 'inline'
        else if (matches($note/@place, '^(margin|marg|left|right|opposite|overleaf)', 'i'))
          then 'margin'
        else if (empty($note/(@place | @target)) and fp:between-blocks($note)) then 'block'
        else 'foot'"/>
  </xsl:function>

  <!-- Whether a note stands between blocks: its parent is a division, a speech, a stanza,
       a letter's part... (a section or a block of the element table) with no words of its
       own. Such a note has no place in a line to be referenced from (a parliament's record
       notes the speaker, the time, a vote between the speeches: "MILAN KUČAN:"); a
       reference would stand alone on a line. (Not one among the phrases of an utterance's
       segments; not one that says where it belongs, @place, or what it is about, @target.) -->
  <xsl:function name="fp:between-blocks" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="exists($note/parent::*[f:behaviour(.) = ('section', 'block')]
                                 [not(text()[normalize-space()])][ancestor::tei:text])
                          and empty($note/../*[f:behaviour(.) = ('inline', 'plain') or
                                 self::tei:ref or self::tei:ptr or self::tei:choice or
                                 self::tei:app or self::tei:subst or self::tei:g or self::tei:lb])"/>
  </xsl:function>

  <!-- The register entry a name points to (@ref, @key or @corresp naming "#id" or "id"),
       when the document has it: a person, place, organisation or event (what the index
       pages list). -->
  <xsl:function name="f:entry" as="element()?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="fp:entry-of(fp:scope($name), $name/@ref/string(), $name/@key/string(),
                          $name/@corresp/string())"/>
  </xsl:function>

  <!-- (Worked out once per document and attributes: a text names the same entries again
       and again, 100,000 times in a long one.) -->
  <xsl:function name="fp:entry-of" as="element()?" cache="yes">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="corresp" as="xs:string?"/>
    <xsl:variable name="pointer" select="fp:pointer($ref, $key, $corresp)"/>
    <xsl:sequence select="if ($pointer) then fp:by-id($scope, substring($pointer, 2))[f:is-entry(.)] else ()"/>
  </xsl:function>

  <!-- A name's pointer: the first of @ref, @key and @corresp that names "#id". -->
  <xsl:function name="fp:pointer" as="xs:string?">
    <xsl:param name="ref" as="xs:string?"/>
    <xsl:param name="key" as="xs:string?"/>
    <xsl:param name="corresp" as="xs:string?"/>
    <xsl:sequence select="if (starts-with($ref, '#') and not(contains($ref, ' ')))
        then $ref
        else (tokenize(normalize-space($ref))[1],
              $key ! ('#' || normalize-space(.)),
              tokenize(normalize-space($corresp))[1])[starts-with(., '#')][1]"/>
  </xsl:function>

  <xsl:function name="f:is-entry" as="xs:boolean">
    <xsl:param name="element" as="element()"/>
    <xsl:sequence select="exists($element[@xml:id][self::tei:person or self::tei:personGrp or
                          self::tei:place or self::tei:org or self::tei:event])"/>
  </xsl:function>

  <!-- The element of a document with an xml:id, or (). -->
  <xsl:function name="f:element-by-id" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="fp:by-id(fp:scope($context), $id)"/>
  </xsl:function>

  <!-- The first element with an id in a scope. A document's is found with the key; a
       member's of the edition's teiCorpus in a map made once per member: the key asked
       with an element as its third argument finds the id in every member and then keeps
       those inside this one, and every document carries the register entries it names,
       so the edition's pages took time quadratic in the number of documents (2,000 pages:
       7.4 s, 2.5 times 1,000 pages'). -->
  <xsl:function name="fp:by-id" as="element()?">
    <xsl:param name="scope" as="node()"/>
    <xsl:param name="id" as="xs:string"/>
    <xsl:sequence select="if ($scope instance of document-node()) then key('f:ids', $id, $scope)[1]
                          else fp:ids($scope)($id)"/>
  </xsl:function>

  <xsl:function name="fp:ids" as="map(xs:string, element())" cache="yes">
    <xsl:param name="scope" as="element()"/>
    <xsl:sequence select="map:merge(for $e in $scope/descendant-or-self::*[@xml:id]
                                    return map {string($e/@xml:id): $e},
                                    map {'duplicates': 'use-first'})"/>
  </xsl:function>

  <xsl:key name="f:ids" match="*[@xml:id]" use="string(@xml:id)"/>

  <!-- The authority web address of a name (@ref with http(s)), or (). -->
  <xsl:function name="f:authority-ref" as="xs:string?">
    <xsl:param name="name" as="element()"/>
    <xsl:sequence select="(tokenize(normalize-space($name/@ref)))[matches(., '^https?://')][1]"/>
  </xsl:function>

  <!-- An entry's preferred name: the first name that is not a variant. -->
  <xsl:function name="f:preferred" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="$entry/(tei:persName | tei:placeName | tei:geogName |
                                       tei:orgName | tei:label)"/>
    <xsl:sequence select="normalize-space(string(($names[not(@type = 'variant')], $names,
                          $entry/@xml:id)[1]))"/>
  </xsl:function>

  <!-- The index page of an entry's kind. -->
  <xsl:function name="f:index-page" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="(map {'person': 'persons.html', 'personGrp': 'persons.html',
                               'place': 'places.html', 'org': 'organisations.html',
                               'event': 'events.html'}(local-name($entry)), 'persons.html')[1]"/>
  </xsl:function>

  <!-- The web address of an authority identifier, or () when its type is unknown. -->
  <xsl:function name="f:authority-url" as="xs:string?">
    <xsl:param name="idno" as="element(tei:idno)"/>
    <xsl:variable name="value" select="normalize-space($idno)"/>
    <xsl:sequence select="map {
        'wikidata': 'https://www.wikidata.org/wiki/' || $value,
        'viaf': 'https://viaf.org/viaf/' || $value,
        'geonames': 'https://www.geonames.org/' || $value,
        'URI': f:web-url($value), 'url': f:web-url($value) }(string($idno/@type))"/>
  </xsl:function>

  <xsl:function name="f:authority-label" as="xs:string">
    <xsl:param name="idno" as="element(tei:idno)"/>
    <xsl:sequence select="(map {'wikidata': 'Wikidata', 'viaf': 'VIAF',
                           'geonames': 'GeoNames'}(string($idno/@type)), string($idno/@type))[1]"/>
  </xsl:function>

  <!-- A normalised date for people: "1954", "1953 – 1954", "not before 1950, not after 1959". -->
  <xsl:function name="f:date-value" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="
      if ($date/@when) then string($date/@when)
      else if ($date/@from or $date/@to) then string-join(($date/@from, $date/@to), ' – ')
      else if ($date/@notBefore or $date/@notAfter)
        then string-join((('not before ' || $date/@notBefore)[$date/@notBefore],
                          ('not after ' || $date/@notAfter)[$date/@notAfter]), ', ')
      else ()"/>
  </xsl:function>

  <!-- The columns a table row fills: its cells' spans, and the cells of earlier rows that
       reach down into it (@rows). A table is as wide as its widest row. (A cell reaches
       100 rows down at most, so only the 100 rows above are asked: asking all took time
       quadratic in the rows of a table, minutes for 4,000.) -->
  <xsl:function name="f:row-width" as="xs:integer">
    <xsl:param name="row" as="element(tei:row)"/>
    <xsl:variable name="above" select="$row/preceding-sibling::tei:row[position() le 100]"/>
    <xsl:sequence select="xs:integer(sum(for $cell in $row/tei:cell return f:span($cell/@cols))
      + sum(for $k in 1 to count($above), $cell in $above[last() - $k + 1]/tei:cell
            [f:span(@rows) gt $k] return f:span($cell/@cols)))"/>
  </xsl:function>

  <!-- A cell's @rows or @cols as a number of rows or columns: 1 unless it is a positive
       whole number (at most 100: a table of real TEI, not a hostile one). -->
  <xsl:function name="f:span" as="xs:integer">
    <xsl:param name="value" as="attribute()?"/>
    <xsl:sequence select="if ($value castable as xs:positiveInteger)
                          then min((xs:integer($value), 100)) else 1"/>
  </xsl:function>

  <!-- "1 note", "3 notes": a count with its noun. -->
  <xsl:function name="f:count" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:param name="noun" as="xs:string"/>
    <xsl:sequence select="$n || ' ' || $noun || ('s'[$n != 1])"/>
  </xsl:function>

  <!-- Whether the nodes beside a figure's head are only other heads, its figDesc and white
       space: the head is at an edge of the figure, and the caption goes there (both
       outputs: a map's title above its legend, a plate's caption below it). -->
  <xsl:function name="f:figure-edge" as="xs:boolean">
    <xsl:param name="beside" as="node()*"/>
    <xsl:sequence select="empty($beside[self::* or self::text()[normalize-space()]]
                                       [not(self::tei:head or self::tei:figDesc)])"/>
  </xsl:function>
</xsl:stylesheet>
