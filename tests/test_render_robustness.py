"""Rendering never fails on well-formed TEI (issue 13): odd documents that real files and
hand edits produce — no text, empty elements, nesting the schema forbids, pointers to
nowhere, bad attribute values, comments and processing instructions anywhere, teiCorpus
inside teiCorpus — give an HTML page with unique ids and no broken link, and a PDF/A."""

from __future__ import annotations

import pytest
from lxml import etree, html

from teiedition.render import html_pages, pdf

H = ('<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>'
     'x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>')
CASES = {
 "bare": '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
 "no-text": f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}</TEI>',
 "empty-body": f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body/></text></TEI>',
 "nesting": (
     f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body><p>a<note>n<table>'
     '<row><cell>c<note>inner</note></cell></row></table><list><item><lg><l>x</l>'
     '</lg></item></list></note><hi rend="zz"><hi rend="smallcaps"><hi>deep</hi>'
     '</hi></hi></p><figure><head>H<note>fn</note></head><graphic/></figure>'
     '<head>late head</head></body></text></TEI>'),
 "pointers": (
     f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body><p xml:id="a">'
     'x <ref target="#range(">bad</ref><ref target="#xpath(//x)">xp</ref>'
     '<ptr target="#a #b"/><ref target=" "/><ptr/>'
     '<ref target="javascript:alert(1)">js</ref><persName ref="#a">'
     'self</persName><persName key="">k</persName><rs ref="http://x.org/1">u</rs>'
     '</p></body></text></TEI>'),
 "attrs": (
     '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="!!">'
     f'{H}<text xml:lang=""><body><table><row role="label">'
     '<cell rows="0" cols="-1">a</cell><cell cols="99999">b</cell></row><row/>'
     '</table><list type="ordered"><head>h</head><label>l</label></list>'
     '<l n="x5">v</l><l n="10">w</l>'
     '<p style="color:red;background:url(http://evil)">s</p><gap quantity="x"/>'
     '<space extent="9"/><g ref="#nope"/><g/></body></text></TEI>'),
 "readings": (
     f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body><p><choice/>'
     '<choice><sic/></choice><choice><abbr>a</abbr><expan>b</expan><corr>c</corr>'
     '</choice><app/><app><rdg/></app><app><lem><app><lem>in</lem><rdg>out</rdg>'
     '</app></lem><rdg wit="#nope"><note>om.</note></rdg></app><subst><del>'
     'd</del></subst></p></body></text></TEI>'),
 "corpus": (
     f'<teiCorpus xmlns="http://www.tei-c.org/ns/1.0">{H}<teiCorpus>{H}<TEI>'
     f'{H}<text><body><p>deep one</p></body></text></TEI></teiCorpus><TEI>'
     f'{H}<text><group><text><body><p>grouped</p></body></text><text><front>'
     '<titlePage><docTitle><titlePart>TP</titlePart></docTitle></titlePage>'
     '</front><body><p>two</p></body></text></group></text></TEI></teiCorpus>'),
 "comments-pi": (
     f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><!--c--><?pi x?><body>'
     '<!--c--><p>a<!--c-->b<?pi?></p><?pi?><div><!--x--></div></body></text>'
     '</TEI>'),
 "repeated-ids": (
     f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body><p xml:id="p1">a<note '
     'xml:id="n1">n</note></p><p xml:id="p1">a<note xml:id="n1">n</note><anchor '
     'xml:id="p1"/><ref xml:id="p1" target="#n1">r</ref><persName xml:id="n1">P'
     '</persName></p></body></text></TEI>'),
 "notes-places": (
     f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body><p>'
     'a<note place="margin">m</note><note place="inline">i</note>'
     '<note place="end" n="e1">end</note><note place="foot" n="*">star</note>'
     '<note type="editorial" target="#x">t</note></p></body></text></TEI>'),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_odd_tei_renders(name: str) -> None:
    # (Parsed as xmlparse.py does: an xml:id given twice is no reason to refuse a file.)
    tree = etree.ElementTree(etree.fromstring(CASES[name], etree.XMLParser(collect_ids=False)))
    page = html.document_fromstring(html_pages([("doc", tree)]).pages["doc.html"])
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "an id is used twice"
    assert [h for h in page.xpath("//a/@href") if h.startswith("#") and h[1:] not in ids] == []
    assert not page.xpath("//a[starts-with(normalize-space(@href), 'javascript')]")
    assert pdf(tree, standard="a-3b").data.startswith(b"%PDF")


def test_a_reference_to_nothing_adds_no_word() -> None:
    """An empty ref or ptr with no target (found by the property test) shows nothing: the
    letters around it stay one word."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).parent))
    from reading import TEI, html_reading, tei_reading
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body><lg><l><term>a</term><ref/>'
        '<g>r</g> and b<ptr/>c</l></lg></body></text></TEI>'))
    page = html.document_fromstring(html_pages([("doc", tree)]).pages["doc.html"])
    assert html_reading(page.xpath("//main")[0]) == tei_reading(
        tree.getroot().find(f"{TEI}text"))[0] == ["ar", "and", "bc"]
    assert "\u2009" not in pdf(tree, standard="none").typst_source  # no pointer label
