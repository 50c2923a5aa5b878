"""The HTML reading edition: golden pages for the seed, links, notes, third-party TEI."""

from __future__ import annotations

import re

from urllib.parse import urlsplit

import pytest
from lxml import etree, html

from teiedition import Provenance, convert, read_register
from teiedition.render import html_pages
from teiedition.xmlparse import parse_tei

from conftest import CASES, GOLDEN, SEED_TEXT, SEEDS

TEI = "{http://www.tei-c.org/ns/1.0}"


@pytest.fixture(scope="module")
def seed_edition(seed_meta):
    register = read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")
    tree = convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta,
                   Provenance(SEED_TEXT.name, "2026-01-15", "0.1.0"), register=register).tree
    return tree, html_pages([("seed", tree)], access_date="2026-01-15")


def normalise(page: str) -> str:
    """Parse and serialise again, so that the comparison does not depend on how the
    serialiser spells equivalent markup."""
    return html.tostring(html.document_fromstring(page), encoding="unicode")


@pytest.mark.parametrize("name", ["seed.html", "index.html", "chronology.html", "persons.html",
                                  "places.html",
                                  "organisations.html", "events.html"])
def test_golden_pages(seed_edition, name: str, update_golden: bool) -> None:
    golden = GOLDEN / "html" / f"seed.001.{name}"
    page = seed_edition[1].pages[name]
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(page, encoding="utf-8")
    assert normalise(page) == normalise(golden.read_text(encoding="utf-8"))


def ids_and_links(pages):
    ids = {name: set(html.document_fromstring(text).xpath("//@id"))
           for name, text in pages.items() if name.endswith(".html")}
    links = [(name, href) for name, text in pages.items() if name.endswith(".html")
             for href in html.document_fromstring(text).xpath("//a/@href | //link/@href")]
    return ids, links


def test_every_internal_link_resolves(seed_edition) -> None:
    pages = seed_edition[1].pages
    ids, links = ids_and_links(pages)
    local = 0
    for page, href in links:
        parts = urlsplit(href)
        if parts.scheme in ("http", "https"):
            continue
        target = parts.path or page
        assert target in pages, f"{page}: {href} names a missing page"
        if parts.fragment:
            assert parts.fragment in ids[target], f"{page}: {href} has no target"
        local += 1
    assert local > 50


def test_every_note_reference_has_its_note_and_back(seed_edition) -> None:
    page = html.document_fromstring(seed_edition[1].pages["seed.html"])
    refs = page.xpath("//a[@role='doc-noteref']")
    assert [r.text for r in refs] == ["63", "64", "65", "66", "67"]
    for ref in refs:
        note = page.get_element_by_id(ref.get("href")[1:])
        assert note.tag == "li" and note.get("value") == ref.text
        back = note.xpath(".//a[@role='doc-backlink']")[0]
        assert back.get("href") == "#" + ref.get("id")
        assert "not in the source" in note.text_content()
        button = ref.getnext()
        popover = page.get_element_by_id(button.get("popovertarget"))
        assert popover.get("popover") == "auto"


def test_names_link_to_their_index_entry_and_back(seed_edition) -> None:
    pages = seed_edition[1].pages
    text = html.document_fromstring(pages["seed.html"])
    zhou = text.xpath("//a[contains(@class, 'person')][. = 'Zhou Enlai']")[0]
    assert zhou.get("href") == "persons.html#zhou-enlai"
    index = html.document_fromstring(pages["persons.html"])
    entry = index.get_element_by_id("zhou-enlai")
    assert [a.get("href") for a in entry.xpath(".//p[@class='mentions']/a")] == ["seed.html#p2"]
    beijing = html.document_fromstring(pages["places.html"]).get_element_by_id("beijing")
    assert [a.get("href") for a in beijing.xpath(".//ul[@class='authorities']//a")] == [
        "https://www.wikidata.org/wiki/Q956", "https://www.geonames.org/1816670"]


def test_page_parts(seed_edition) -> None:
    page = html.document_fromstring(seed_edition[1].pages["seed.html"])
    assert page.get("lang") == "en"
    assert page.xpath("//header//dd[@class='source']")[0].text_content().startswith(
        "Chen Jian and Yang Kuisong, “Chinese Politics")
    assert "accessed 2026-01-15" in page.xpath("//dd[@class='how-to-cite']")[0].text_content()
    assert page.xpath("//a[@rel='license']/@href") == [
        "https://creativecommons.org/licenses/by/4.0/"]
    paragraphs = page.xpath("//main//p[@id]")
    assert [p.get("id") for p in paragraphs] == ["p1", "p2", "p3", "p4", "p5"]
    assert all(p.xpath("a[@class='permalink']") for p in paragraphs)
    assert paragraphs[0].xpath("span[contains(@class, 'fragment-start')]")
    assert paragraphs[-1].xpath("span[contains(@class, 'fragment-end')]")
    dates = page.xpath("//span[@class='date']/@data-value")
    assert dates == ["1954", "1954 – 1955", "1953 – 1954"]
    assert not page.xpath("//script | //*[@src] | //link[starts-with(@href, 'http')]")


def test_every_schema_element_has_a_template() -> None:
    """The edge-case document uses every element of the project's schema: none may fall to
    the catch-all."""
    path = CASES / "schema" / "valid-everything.001.xml"
    pages = html_pages([("all", parse_tei(path.read_bytes(), path=str(path)))]).pages
    assert "tei-unhandled" not in pages["all.html"]


WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    return WORD.findall(text)


def is_subsequence(needle: list[str], haystack: list[str]) -> bool:
    it = iter(haystack)
    return all(any(word == w for w in it) for word in needle)


def test_tei_the_converter_never_writes() -> None:
    path = CASES / "tei" / "varied.001.xml"
    tree = parse_tei(path.read_bytes(), path=str(path))
    edition = html_pages([("varied", tree)])
    page = html.document_fromstring(edition.pages["varied.html"])
    rendered = words(" ".join(page.xpath("//main")[0].itertext()))
    source = words(" ".join(t for t in tree.getroot().find(TEI + "text").itertext()
                            if t.strip() != "disputed"))
    assert is_subsequence(source, rendered)
    unknown = page.xpath("//*[contains(@class, 'tei-unhandled')]/@data-tei")
    assert set(unknown) == {"thing"}
    # The apparatus: the lemma in the text with its letter, the other reading in the entry.
    entry = page.xpath("//section[contains(@class, 'apparatus')]//li")[0]
    assert " ".join(entry.text_content().split()) == "a agreed A] disputed B ↩"
    assert page.xpath("//sup[contains(@class, 'appref')]/a/@href") == ["#" + entry.get("id")]


def test_unhandled_elements_can_warn() -> None:
    path = CASES / "tei" / "varied.001.xml"
    tree = parse_tei(path.read_bytes(), path=str(path))
    quiet = html_pages([("varied", tree)])
    assert quiet.messages == ()
    loud = html_pages([("varied", tree)], warn_unhandled=True)
    assert "unhandled: x:thing (its text is kept)" in loud.messages


# Images and links between documents (issue 13).

FIGURE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
<titleStmt><title>Figures</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
<sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader><text><body>
<figure><graphic url="plate.png"/><figDesc>A plate</figDesc><head>Plate 1</head></figure>
<figure><graphic url="missing.png"/><figDesc>Lost</figDesc></figure>
<figure><graphic url="../outside.png"/></figure>
<figure><graphic url="https://example.org/remote.png"/></figure>
<p>See <ref target="other.xml#p2">the other letter</ref> and <ref target="elsewhere.xml">a
file outside the edition</ref>.</p></body></text></TEI>"""

def _png() -> bytes:
    """A one-pixel PNG."""
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


PNG = _png()


def test_images_beside_the_tei_are_shown_and_copied_others_are_placeholders(tmp_path) -> None:
    from teiedition.media import images_beside
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / "plate.png").write_bytes(PNG)
    (tmp_path / "outside.png").write_bytes(PNG)
    tree = etree.ElementTree(etree.fromstring(FIGURE))
    images = images_beside(tree, folder)
    assert list(images) == ["plate.png"]  # not the missing, outside or remote ones
    edition = html_pages([("fig", tree), ("other", tree)], images={"fig": images})
    page = html.document_fromstring(edition.pages["fig.html"])
    [img] = page.xpath("//img")
    assert (img.get("src"), img.get("alt")) == ("media/fig/plate.png", "A plate")
    assert edition.files == {"media/fig/plate.png": PNG}
    placeholders = page.xpath("//*[@class='graphic-missing']")
    assert len(placeholders) == 3
    assert "missing.png" in placeholders[0].text_content()
    assert not page.xpath("//*[@src[starts-with(., 'http')]]")
    # A pointer to another document of the edition reaches its page; one outside the
    # edition is its text, with the target in its title.
    assert page.xpath("//a[. = 'the other letter']/@href") == ["other.html#p2"]
    outside = page.xpath("//*[contains(@class, 'unresolved')]")[0]
    assert outside.get("title") == "Points to elsewhere.xml" and outside.tag == "span"


def test_images_are_printed_in_the_pdf(tmp_path) -> None:
    from teiedition.render import pdf
    tree = etree.ElementTree(etree.fromstring(FIGURE))
    with_image = pdf(tree, standard="none", images={"plate.png": PNG})
    assert "#tei-image(\"media/plate.png\"" in with_image.typst_source
    without = pdf(tree, standard="none")
    assert "#tei-image" not in without.typst_source
    assert without.typst_source.count("#graphic-missing(") == 4
    # A damaged image prints as a placeholder, with a warning; the PDF is made.
    damaged = pdf(tree, standard="a-3b", images={"plate.png": PNG[:40]})
    assert damaged.typst_source.count("#graphic-missing(") == 4
    assert any("cannot be decoded" in w and "plate.png" in w for w in damaged.warnings)


def test_the_chronology_lists_every_dated_mention_in_order_with_a_timeline() -> None:
    """Issue 17: every dated mention of the edition, by year and in date order (spans by
    their start), each linked to its paragraph; an SVG timeline with a link per year."""
    head = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
            '<title>{}</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
            '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>')
    first = etree.ElementTree(etree.fromstring(
        head.format("One") + '<p xml:id="a">On <date when="1954-07-21">21 July 1954</date> and '
        'from <date from="1953" to="1955">1953 to 1955</date>.</p><p xml:id="b">In '
        '<date notBefore="1950" notAfter="1959">the fifties</date>, <date>undated</date>.'
        '</p></body></text></TEI>'))
    second = etree.ElementTree(etree.fromstring(
        head.format("Two") + '<p xml:id="c">In <date when="1954-01">January 1954</date>.</p>'
        '</body></text></TEI>'))
    pages = html_pages([("one", first), ("two", second)]).pages
    page = html.document_fromstring(pages["chronology.html"])
    years = [s.get("id") for s in page.xpath("//section[@class='year']")]
    assert years == ["year-1950", "year-1953", "year-1954"]
    entries = [(li.xpath("string(span[@class='date-value'])"), li.xpath("string(a)"),
                li.xpath("string(a/@href)")) for li in page.xpath("//ol[@class='dated']/li")]
    assert entries == [("not before 1950, not after 1959", "the fifties", "one.html#b"),
                       ("1953 – 1955", "1953 to 1955", "one.html#a"),
                       ("1954-01", "January 1954", "two.html#c"),
                       ("1954-07-21", "21 July 1954", "one.html#a")]
    svg = page.xpath("//figure[@class='timeline']/*[local-name()='svg']")[0]
    assert [a.get("href") for a in svg.xpath(".//*[local-name()='a']")] == [
        "#year-1950", "#year-1953", "#year-1954"]
    assert "chronology.html" in html.document_fromstring(pages["one.html"]).xpath(
        "//nav//a/@href")


@pytest.mark.parametrize("geo, href", [
    ("48,208333 16,373056", "https://www.openstreetmap.org/?mlat=48.208333&mlon=16.373056"
                            "#map=12/48.208333/16.373056"),
    ("37.49223, 15.07041", "https://www.openstreetmap.org/?mlat=37.49223&mlon=15.07041"
                           "#map=12/37.49223/15.07041"),
    ("somewhere near Vienna", None), ("91 200", None)])
def test_a_place_with_coordinates_links_to_a_map(geo: str, href: str | None) -> None:
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
           'G</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x'
           '</p></sourceDesc></fileDesc></teiHeader><standOff><listPlace><place xml:id="w">'
           f'<placeName>Wien</placeName><location><geo>{geo}</geo></location></place>'
           '</listPlace></standOff><text><body><p><placeName ref="#w">Wien</placeName></p>'
           '</body></text></TEI>')
    pages = html_pages([("g", etree.ElementTree(etree.fromstring(tei)))]).pages
    entry = html.document_fromstring(pages["places.html"]).get_element_by_id("w")
    assert entry.xpath(".//p[@class='geo']/a/@href") == ([href] if href else [])
    assert geo.split()[0].rstrip(",") in entry.xpath("string(.//p[@class='geo'])").replace(".", ",") \
        or geo.split()[0].rstrip(",") in entry.xpath("string(.//p[@class='geo'])")


def test_a_link_to_an_id_in_another_script_is_the_id_itself() -> None:
    """URI attributes are written as they are: "#müller" reaches id="müller" as written
    (escaped, it would be "#m%C3%BCller", which only a browser's decoding matches)."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T'
        '</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>'
        '</sourceDesc></fileDesc></teiHeader><text><body><p xml:id="müller">Müller.</p>'
        '<p>See <ref target="#müller">him</ref>.</p></body></text></TEI>'))
    page = html.document_fromstring(html_pages([("t", tree)]).pages["t.html"])
    assert page.xpath("//a[text()='him']/@href") == ["#müller"]
    assert page.get_element_by_id("müller").text_content().startswith("Müller.")


HEADER = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>H'
          '</title></titleStmt><publicationStmt>{publication}</publicationStmt><sourceDesc>'
          '{source}</sourceDesc></fileDesc></teiHeader>{standoff}<text><body><p>{body}</p>'
          '</body></text></TEI>')


def header_page(publication: str = "<p>x</p>", source: str = "<p>x</p>", standoff: str = "",
                body: str = "Words."):
    tree = etree.ElementTree(etree.fromstring(HEADER.format(
        publication=publication, source=source, standoff=standoff, body=body)))
    return html_pages([("h", tree)]).pages


@pytest.mark.parametrize("bibl, expected", [
    # As most real files give it: a title without @level.
    ("<bibl><title>Grettis saga</title></bibl>", "Grettis saga."),
    # A main title with its subtitle, a date as a range only, a web address.
    ('<bibl><title type="main">Website of the Assembly</title><title type="sub">Hansard</title>'
     '<idno type="URI">https://example.org/hansard</idno><date from="1990-05-08" '
     'to="2018-06-22"/></bibl>',
     "Website of the Assembly: Hansard. 1990-05-08 – 2018-06-22. https://example.org/hansard"),
    ("<bibl><author>Cody, William</author><title level=\"m\">Letter to Beck</title><date "
     "when=\"1896-07-05\">July 5, 1896</date></bibl>", "Cody, William, Letter to Beck. July 5, 1896."),
    ('<bibl><title level="a">A chapter</title><title level="m">A book</title><edition>2nd ed.'
     '</edition><publisher>A Press</publisher><date>1999</date><biblScope unit="page">3-9'
     '</biblScope></bibl>', "“A chapter”, in A book, 2nd ed. A Press; 1999, pp. 3-9."),
    # Only a part's title: no empty title of a whole.
    ('<bibl><title level="a">An article</title></bibl>', "“An article”."),
    ('<bibl><title>What is TEI?</title><date>2001</date></bibl>', "What is TEI? 2001."),
])
def test_a_source_is_cited_from_what_its_bibl_has(bibl: str, expected: str) -> None:
    """Found on real TEI: a bibl whose title has no @level (the usual case), or a main title
    and subtitle, was cited as an empty title and stray full stops (`. .`)."""
    page = html.document_fromstring(header_page(source=bibl)["h.html"])
    [source] = page.xpath("//dd[@class='source']")
    assert " ".join(source.text_content().split()) == expected
    assert all((cite.text or "").strip() for cite in source.iter("cite"))


def test_an_address_from_the_file_is_a_link_only_on_the_web() -> None:
    """Untrusted input: a licence, an edition's address, a source's or an authority's
    identifier may hold a "javascript:" or "data:" address; no page links to one. A
    licence with no words is named by its address (it was an empty link)."""
    pages = header_page(
        publication='<availability><licence target="javascript:alert(1)">Evil</licence>'
                    '<licence target="https://creativecommons.org/licenses/by/4.0/"/>'
                    '</availability><idno type="URI">javascript:alert(2)</idno>',
        source='<bibl><title>B</title><idno type="URI">data:text/html,x</idno></bibl>',
        standoff='<standOff><listPerson><person xml:id="a"><persName>A</persName><idno '
                 'type="URI">javascript:alert(3)</idno><idno type="URI">https://example.org/a'
                 '</idno></person></listPerson></standOff>',
        body='<persName ref="#a">A</persName> <ref target="javascript:alert(4)">x</ref>')
    addresses = [address for page in pages.values() if page.lstrip().startswith("<")
                 for address in html.document_fromstring(page).xpath("//@href | //@src")]
    assert addresses and not [a for a in addresses
                              if re.match(r"\s*(javascript|data|vbscript):", a, re.I)]
    page = html.document_fromstring(pages["h.html"])
    assert [(a.get("href"), a.text) for a in page.xpath("//a[@rel='license']")] == [
        ("https://creativecommons.org/licenses/by/4.0/",
         "https://creativecommons.org/licenses/by/4.0/")]
    assert "https://example.org/a" in pages["persons.html"]


def test_a_teicorpus_among_the_editions_texts_is_one_text_with_one_page() -> None:
    """Found building the shared corpus as one edition: a teiCorpus file (a parliament's
    sessions) was listed on the home page by its first session, linked to another text's
    page, and its dated mentions in the chronology and its names in the indexes pointed
    to that other page."""
    session = ('<TEI><teiHeader><fileDesc><titleStmt><title>Session {n}</title></titleStmt>'
               '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>'
               '</fileDesc></teiHeader><text><body><p>Held on <date when="199{n}">199{n}'
               '</date> with <persName ref="#m">the minister</persName>.</p></body></text></TEI>')
    corpus = ('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
              '<title>The sessions</title></titleStmt><publicationStmt><p>x</p>'
              '</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>'
              '<standOff><listPerson><person xml:id="m"><persName>A minister</persName>'
              '</person></listPerson></standOff>'
              + session.format(n=1) + session.format(n=2) + '</teiCorpus>')
    other = HEADER.format(publication="<p>x</p>", source="<p>x</p>", standoff="",
                          body='Written in <date when="1980">1980</date>.')
    pages = html_pages([("other", etree.ElementTree(etree.fromstring(other))),
                        ("sessions", etree.ElementTree(etree.fromstring(corpus)))]).pages
    home = html.document_fromstring(pages["index.html"])
    assert [(a.get("href"), a.text) for a in home.xpath("//ol[@class='texts']//h3/a")] == [
        ("other.html", "H"), ("sessions.html", "The sessions")]
    assert "2 paragraphs" in home.xpath("//li[h3/a/@href='sessions.html']"
                                        "/p[@class='counts']")[0].text_content()
    chronology = html.document_fromstring(pages["chronology.html"])
    assert [a.get("href").split("#")[0] for a in chronology.xpath("//ol[@class='dated']//a")] \
        == ["other.html", "sessions.html", "sessions.html"]
    persons = html.document_fromstring(pages["persons.html"])
    assert {a.get("href").split("#")[0] for a in persons.xpath("//p[@class='mentions']/a")} \
        == {"sessions.html"}
    ids = {name: set(html.document_fromstring(page).xpath("//@id"))
           for name, page in pages.items() if name.endswith(".html")}
    for name in ("chronology.html", "persons.html"):
        for href in html.document_fromstring(pages[name]).xpath("//main//a/@href"):
            target, _, fragment = href.partition("#")
            if target in ids and fragment:
                assert fragment in ids[target], (name, href)


def test_no_link_inside_a_link() -> None:
    """HTML allows no link inside a link (a browser breaks the outer one and leaves an empty
    link: found in a real letter, an organisation named by a work's name). A name inside a
    linked name or reference is marked, with where it would lead; a linked name or
    reference around a note's number (a link and a button of its own) is marked only; a
    page break's facsimile link inside a reference is its label. Names and notes are all
    there (the parity check)."""
    from teiedition import parity
    from reading import links_in_links
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>N'
           '</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>'
           '</sourceDesc></fileDesc></teiHeader><standOff><listOrg><org xml:id="o"><orgName>'
           'Paper</orgName></org></listOrg><listPerson><person xml:id="a"><persName>A'
           '</persName></person></listPerson></standOff><text><body><p xml:id="p1">In the '
           '<rs type="org" ref="#o"><rs type="work" ref="#w">Neue Presse</rs></rs>, <ref '
           'target="#p2">see <persName ref="#a">A</persName> there</ref>, <persName ref="#a">A'
           '<note>A note on A.</note></persName>, <ref target="https://example.org">a page '
           '<pb n="3" facs="https://example.org/3.jpg"/> on</ref>, <ref target="#p2">here'
           '<note>And a note.</note></ref>.</p><p xml:id="p2">Second.</p><listBibl><bibl '
           'xml:id="w">A work</bibl></listBibl></body></text></TEI>')
    tree = etree.ElementTree(etree.fromstring(tei))
    page = html_pages([("n", tree)]).pages["n.html"]
    assert links_in_links(page) == []
    doc = html.document_fromstring(page)
    assert [a.get("href") for a in doc.xpath("//main//a[not(@class='permalink')]")
            if not a.get("role")] == ["organisations.html#o", "#p2", "https://example.org"]
    assert [s.get("data-href") for s in doc.xpath("//main//span[@data-href]")] == [
        "#w", "persons.html#a", "persons.html#a"]
    assert parity.check(tree, html_page=page) == []
    assert len(doc.xpath("//main//sup[@class='noteref']/a")) == 2


def test_notes_between_blocks_stand_where_they_are() -> None:
    """A parliament's record notes the speaker, the time, a vote between the speeches
    (Parla-CLARIN: `<note type="speaker">MILAN KUČAN:</note>` among the `u`s): each was a
    footnote whose number stood alone on a line. A note between blocks that says neither
    where it belongs nor what it is about is printed where it stands."""
    from conftest import SHARED
    path = SHARED / "tei" / "corpus" / "parla-clarin-exemplar.xml"
    page = html.document_fromstring(html_pages(
        [("doc", parse_tei(path.read_bytes(), path=str(path)))]).pages["doc.html"])
    speakers = page.xpath("//main//div[contains(@class, 'note-speaker')]")
    assert [" ".join(s.text_content().split()) for s in speakers][:2] == [
        "MILAN KUČAN:", "MILAN KUČAN:"]
    assert all("note-block" in s.get("class") for s in speakers)
    assert not page.xpath("//section[@class='notes']//li[contains(@class, 'note-speaker')]")


def test_an_empty_reference_keeps_the_space_it_holds() -> None:
    """Found by the property test: `a<ref> </ref>a` (a reference to nothing holding a space)
    read "aa" in the HTML, its space dropped with the reference."""
    tree = etree.ElementTree(etree.fromstring(HEADER.format(
        publication="<p>x</p>", source="<p>x</p>", standoff="",
        body="a<placeName><ref> </ref></placeName>a and b<ref/>c")))
    page = html.document_fromstring(html_pages([("h", tree)]).pages["h.html"])
    assert " ".join(page.xpath("//main//p")[0].text_content().split()).startswith("a a and bc")


def test_a_style_that_is_not_css_is_read_as_rend_words() -> None:
    """Files use @style as @rend (`<hi style="italic">`): its words give the look, in both
    outputs; CSS in @style stays CSS."""
    from teiedition.render import typst_source
    tree = etree.ElementTree(etree.fromstring(HEADER.format(
        publication="<p>x</p>", source="<p>x</p>", standoff="",
        body='<hi style="italic">slanted</hi>, <hi style="color: blue">blue</hi>, '
             '<hi rend="smallcaps" style="bold">both</hi>')))
    page = html.document_fromstring(html_pages([("s", tree)]).pages["s.html"])
    assert [(h.get("class"), h.get("style")) for h in page.xpath("//main//span[@class]")
            if "hi" in h.get("class").split()] == [
        ("hi rend-italic", None), ("hi", "color: blue"), ("hi rend-smallcaps rend-bold", None)]
    source = typst_source(tree)
    assert '#tei-hi("italic")[slanted]' in source and '#tei-hi("smallcaps bold")[both]' in source
