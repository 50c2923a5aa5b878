<?xml version="1.0" encoding="UTF-8"?>
<!-- Language tags for the outputs: a TEI file's xml:lang as a valid BCP 47 tag (HTML's lang,
     Typst's text language), or nothing. Real files write "lat" or "heb" (ISO 639-2, which
     BCP 47 replaces by the two-letter code) and invented codes ("gr"); a tag a browser or a
     screen reader cannot use is left out rather than passed on. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:f="urn:teiedition:functions"
    xmlns:fp="urn:teiedition:functions:private"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <!-- ISO 639-1, each code with its ISO 639-2 codes (terminology/bibliographic), and the
       deprecated two-letter codes with their replacements. -->
  <xsl:variable name="fp:iso639" as="xs:string" select="'
    aa:aar ab:abk ae:ave af:afr ak:aka am:amh an:arg ar:ara as:asm av:ava ay:aym az:aze
    ba:bak be:bel bg:bul bh:bih bi:bis bm:bam bn:ben bo:bod/tib br:bre bs:bos ca:cat ce:che
    ch:cha co:cos cr:cre cs:ces/cze cu:chu cv:chv cy:cym/wel da:dan de:deu/ger dv:div
    dz:dzo ee:ewe el:ell/gre en:eng eo:epo es:spa et:est eu:eus/baq fa:fas/per ff:ful
    fi:fin fj:fij fo:fao fr:fra/fre fy:fry ga:gle gd:gla gl:glg gn:grn gu:guj gv:glv
    ha:hau he:heb hi:hin ho:hmo hr:hrv ht:hat hu:hun hy:hye/arm hz:her ia:ina id:ind
    ie:ile ig:ibo ii:iii ik:ipk io:ido is:isl/ice it:ita iu:iku ja:jpn jv:jav ka:kat/geo
    kg:kon ki:kik kj:kua kk:kaz kl:kal km:khm kn:kan ko:kor kr:kau ks:kas ku:kur kv:kom
    kw:cor ky:kir la:lat lb:ltz lg:lug li:lim ln:lin lo:lao lt:lit lu:lub lv:lav mg:mlg
    mh:mah mi:mri/mao mk:mkd/mac ml:mal mn:mon mr:mar ms:msa/may mt:mlt my:mya/bur na:nau
    nb:nob nd:nde ne:nep ng:ndo nl:nld/dut nn:nno no:nor nr:nbl nv:nav ny:nya oc:oci
    oj:oji om:orm or:ori os:oss pa:pan pi:pli pl:pol ps:pus pt:por qu:que rm:roh rn:run
    ro:ron/rum ru:rus rw:kin sa:san sc:srd sd:snd se:sme sg:sag si:sin sk:slk/slo sl:slv
    sm:smo sn:sna so:som sq:sqi/alb sr:srp ss:ssw st:sot su:sun sv:swe sw:swa ta:tam
    te:tel tg:tgk th:tha ti:tir tk:tuk tl:tgl tn:tsn to:ton tr:tur ts:tso tt:tat tw:twi
    ty:tah ug:uig uk:ukr ur:urd uz:uzb ve:ven vi:vie vo:vol wa:wln wo:wol xh:xho yi:yid
    yo:yor za:zha zh:zho/chi zu:zul iw:=he in:=id ji:=yi mo:=ro'"/>

  <!-- Every usable primary subtag → the one BCP 47 wants. -->
  <xsl:variable name="fp:languages" as="map(xs:string, xs:string)" select="map:merge(
      for $entry in tokenize(normalize-space($fp:iso639))
      return (let $two := substring-before($entry, ':'), $rest := substring-after($entry, ':')
              return if (starts-with($rest, '=')) then map {$two: substring($rest, 2)}
                     else (map {$two: $two},
                           for $three in tokenize($rest, '/') return map {$three: $two})),
      map {'duplicates': 'use-first'})"/>

  <!-- A TEI language as a BCP 47 tag, or (): the primary subtag made valid (a two-letter
       code must be ISO 639-1; a three-letter code with a two-letter equivalent becomes it;
       other three-letter codes, "und", "mul", "zxx" and private "x-..." tags stay), the
       rest kept when it is well formed. -->
  <xsl:function name="f:language" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:variable name="tag" select="normalize-space($value)"/>
    <xsl:variable name="primary" select="lower-case(tokenize($tag, '[-_]')[1])"/>
    <xsl:variable name="rest" select="substring($tag, string-length($primary) + 2)"/>
    <xsl:variable name="language" select="
        if (not(matches($tag, '^[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*$'))) then ()
        else if ($primary = 'x') then 'x'
        else if (string-length($primary) = 2) then $fp:languages($primary)
        else if (string-length($primary) = 3) then ($fp:languages($primary), $primary)[1]
        else ()"/>
    <xsl:sequence select="$language ! string-join((., replace($rest, '_', '-')[. != '']), '-')"/>
  </xsl:function>
</xsl:stylesheet>
