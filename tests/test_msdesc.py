"""Manuscript descriptions as catalogues write them (issue 13): many records (Beta maṣāḥǝft's
thousands, EpiDoc inscriptions) leave the parts of a description empty and give their values
in attributes. Both outputs show those values, and leave out a part with nothing to show
instead of printing its name with nothing after it."""

from __future__ import annotations

import functools

import pytest
from lxml import etree, html

from teiedition.render import html_pages, pdf
from teiedition.xmlparse import parse_tei

pymupdf = pytest.importorskip("pymupdf")

#: A record in the manner of Beta maṣāḥǝft (Abennat/DLS001.xml, AbbaGarima/AG00002.xml).
RECORD = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
  <teiHeader>
    <fileDesc>
      <titleStmt><title>Dǝggʷā</title></titleStmt>
      <publicationStmt><p>A test fixture of teiedition.</p></publicationStmt>
      <sourceDesc>
        <msDesc xml:id="ms">
          <msIdentifier><collection>ʾAbǝnnat</collection><idno>DLS-001</idno></msIdentifier>
          <msContents>
            <summary/>
            <msItem xml:id="i1">
              <locus target="#128r #128v"/>
              <title>Canon tables</title>
              <textLang mainLang="gez" otherLangs="am"/>
            </msItem>
            <msItem xml:id="i2">
              <locusGrp><locus from="1r" to="6v"/><locus target="#8r"/></locusGrp>
              <title>Matthew</title>
              <textLang xml:lang="gez"></textLang>
            </msItem>
          </msContents>
          <physDesc>
            <objectDesc form="Codex">
              <supportDesc>
                <support><material key="parchment"/></support>
                <extent>
                  <dimensions type="outer" unit="mm"><height>210</height><width>170</width>
                    <depth>50</depth></dimensions>
                  <dimensions type="written"><height unit="cm"/><width unit="cm"/></dimensions>
                </extent>
              </supportDesc>
              <layoutDesc><layout columns="2" writtenLines="23"/></layoutDesc>
            </objectDesc>
            <bindingDesc><binding><decoNote xml:id="b1"/></binding></bindingDesc>
          </physDesc>
          <history>
            <origin><origDate notBefore="1900" notAfter="1950"/></origin>
            <provenance/>
          </history>
          <additional><adminInfo><recordHist><source>Catalogued from photographs.</source>
          </recordHist></adminInfo></additional>
        </msDesc>
      </sourceDesc>
    </fileDesc>
    <profileDesc><langUsage><language ident="gez">Gǝʿǝz</language>
      <language ident="am">Amharic</language></langUsage></profileDesc>
  </teiHeader>
  <text><body><p>See the binding (<ref target="#b1">b1</ref>).</p></body></text>
</TEI>"""


@functools.cache
def tree() -> etree._ElementTree:
    return parse_tei(RECORD.encode(), path="record.xml")


@functools.cache
def edition():
    return html_pages([("doc", tree())], warn_unhandled=True)


@functools.cache
def description() -> html.HtmlElement:
    page = html.document_fromstring(edition().pages["doc.html"])
    return page.xpath("//section[@class='msdesc']")[0]


@functools.cache
def printed() -> str:
    document = pymupdf.open(stream=pdf(tree(), standard="a-3b").data, filetype="pdf")
    return " ".join(" ".join(page.get_text().split()) for page in document)


def field(name: str) -> list[str]:
    """The text of each field of the HTML description with this name, after the name."""
    return [" ".join("".join(div.itertext()).split()).removeprefix(name + ": ")
            for div in description().xpath(f".//div[span[@class='ms-field-name'] = '{name}: ']")]


def test_values_given_in_attributes_are_shown() -> None:
    assert field("Material") == ["parchment"]
    assert field("Layout")[-1] == "2 columns, 23 written lines"
    assert field("Language") == ["Gǝʿǝz, Amharic", "Gǝʿǝz"]
    assert field("Origin") == ["not before 1900, not after 1950"]
    items = field("Item")
    assert items[0].startswith("128r, 128v Canon tables")
    assert items[1].startswith("1r–6v, 8r Matthew")
    assert "210 × 170 × 50 mm (outer)" in field("Extent")[0]
    for words in ("Material: parchment", "Layout: 2 columns, 23 written lines",
                  "Language: Gǝʿǝz, Amharic", "Origin: not before 1900, not after 1950",
                  "128r, 128v", "210 × 170 × 50 mm (outer)", "Source: Catalogued"):
        assert words in printed(), words


def test_a_part_with_nothing_to_show_is_left_out_but_links_to_it_arrive() -> None:
    names = description().xpath(".//span[@class='ms-field-name']/text()")
    assert not {"Summary: ", "Provenance: ", "Decoration: ", "Binding: "} & set(names)
    assert description().xpath(".//*[@id='b1']")
    assert "Summary" not in printed() and "Provenance" not in printed()
    assert edition().pages["doc.html"].count('href="#b1"') == 1


def test_a_record_history_source_is_a_part_of_its_own() -> None:
    assert field("Source") == ["Catalogued from photographs."]
    assert not [m for m in edition().messages if m.startswith("unhandled:")]


def test_the_shelfmark_keeps_every_part_with_its_markup() -> None:
    """The shelfmark line kept only some children's text: a note in it (which the parity
    check counts) and an alternative identifier's other parts were lost."""
    record = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><msDesc><msIdentifier><settlement>Oxford</settlement>'
        '<repository>Bodleian</repository><idno>MS 1</idno><altIdentifier>'
        '<collection>Ashmole</collection><idno>Old 2</idno></altIdentifier>'
        '<note>Formerly in private hands.</note><repository ref="INS1"/></msIdentifier>'
        '</msDesc></sourceDesc></fileDesc></teiHeader><text><body><p>x</p></body></text>'
        '</TEI>'))
    page = html.document_fromstring(html_pages([("doc", record)]).pages["doc.html"])
    line = " ".join(page.xpath("//p[@class='ms-identifier']")[0].text_content().split())
    assert line == "Oxford, Bodleian, MS 1, Ashmole, Old 2 Formerly in private hands."
    document = pymupdf.open(stream=pdf(record, standard="a-3b").data, filetype="pdf")
    assert "Old 2 Formerly in private hands." in " ".join(
        " ".join(p.get_text().split()) for p in document)
