"""One fixture per element family of issue 13, rendered to HTML and to Typst.

Each ``tests/cases/tei/<family>.001.xml`` (valid TEI P5) is golden-tested in both outputs
(``--update-golden`` rewrites the goldens for review) and must render whole: every internal
link arrives, no id is used twice, no element falls to the catch-all, every word of the
text is in the page in order, and the Typst typesets as PDF/A-3b. The table of what each
element is (xslt/common/elements.xsl) names each element once, and every element of the
issue's coverage list is in a fixture.

Rendering bugs found with these fixtures are pinned by strict expected failures that name
the bug, so that the test passes the day it is fixed and its mark must go.
"""

from __future__ import annotations

import functools
import re
from itertools import pairwise
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree, html

from teiedition.render import html_pages, pdf, typst_source
from teiedition.xmlparse import parse_tei

from conftest import CASES, GOLDEN, ROOT
from reading import TEI, contains, html_reading, in_order, tei_reading, words
from test_html import normalise
from test_real_tei import COVERAGE

pymupdf = pytest.importorskip("pymupdf")

FAMILIES = ["title-page", "structure", "verse", "drama", "letter", "tables", "figures",
            "lists", "bibliography", "transcription", "apparatus", "msdesc", "notes",
            "breaks-links", "names", "phrases", "ruby", "examples", "correspondence"]

#: Families whose page loses words as tests/reading.py reads it, with the bug.
WORDS_XFAIL: dict[str, str] = {}

#: Families whose PDF's text layer loses words, with the bug.
PDF_WORDS_XFAIL: dict[str, str] = {}
#: Families whose headings skip a level, with the bug.
HEADINGS_XFAIL: dict[str, str] = {}

#: Families whose rendering makes Saxon warn, with the bug.
WARNINGS_XFAIL: dict[str, str] = {}


def case(family: str) -> Path:
    return CASES / "tei" / f"{family}.001.xml"


@functools.cache
def tree_of(family: str) -> etree._ElementTree:
    path = case(family)
    return parse_tei(path.read_bytes(), path=str(path))


@functools.cache
def edition_of(family: str):
    """The family's edition, with the images found beside its fixture (as the html command
    and the build find them)."""
    from teiedition.media import images_beside
    return html_pages([(family, tree_of(family))], warn_unhandled=True,
                      images={family: images_beside(tree_of(family), case(family).parent)})


@functools.cache
def page_of(family: str) -> html.HtmlElement:
    return html.document_fromstring(edition_of(family).pages[f"{family}.html"])


@functools.cache
def pdf_of(family: str):
    return pdf(tree_of(family), standard="a-3b")


def pdf_text(family: str) -> str:
    return "\n".join(page.get_text() for page in
                     pymupdf.open(stream=pdf_of(family).data, filetype="pdf"))


def marked(table: dict[str, str]) -> list:
    return [pytest.param(f, marks=pytest.mark.xfail(reason=table[f], strict=True))
            if f in table else f for f in FAMILIES]


# Golden files -------------------------------------------------------------------------


@pytest.mark.parametrize("family", FAMILIES)
def test_golden_html(family: str, update_golden: bool) -> None:
    golden = GOLDEN / "html" / f"{family}.001.html"
    page = edition_of(family).pages[f"{family}.html"]
    if update_golden:
        golden.write_text(page, encoding="utf-8")
    assert normalise(page) == normalise(golden.read_text(encoding="utf-8"))


@pytest.mark.parametrize("family", FAMILIES)
def test_golden_typst(family: str, update_golden: bool) -> None:
    golden = GOLDEN / "typst" / f"{family}.001.typ"
    source = typst_source(tree_of(family), attachment="source.xml")
    if update_golden:
        golden.write_text(source, encoding="utf-8")
    assert source == golden.read_text(encoding="utf-8")


# What every page must be ----------------------------------------------------------------


@pytest.mark.parametrize("family", FAMILIES)
def test_links_arrive_and_ids_are_unique(family: str) -> None:
    page = page_of(family)
    ids = page.xpath("//@id")
    assert [i for i, n in Counter(ids).items() if n > 1] == []
    internal = [h for h in page.xpath("//a/@href") if h.startswith("#")]
    assert [h for h in internal if h[1:] not in set(ids)] == []


@pytest.mark.parametrize("family", FAMILIES)
def test_every_element_has_a_rendering(family: str) -> None:
    edition = edition_of(family)
    assert not page_of(family).xpath("//*[contains(@class, 'tei-unhandled')]")
    assert [m for m in edition.messages if m.startswith("unhandled:")] == []


@pytest.mark.parametrize("family", marked(WARNINGS_XFAIL))
def test_the_stylesheets_do_not_warn(family: str, capfd) -> None:
    html_pages([(family, tree_of(family))])
    typst_source(tree_of(family))
    out, err = capfd.readouterr()
    assert "Warning" not in out + err


@pytest.mark.parametrize("family", marked(WORDS_XFAIL))
def test_every_word_is_in_the_page_in_order(family: str) -> None:
    body, notes = tei_reading(tree_of(family).getroot().find(f"{TEI}text"))
    page = page_of(family)
    assert in_order(body, html_reading(page.xpath("//main")[0])) == 1.0
    everything = html_reading(page.body)
    assert [n for n in notes if not contains(n, everything)] == []


@pytest.mark.parametrize("family", FAMILIES)
def test_typst_typesets_as_pdf_a(family: str) -> None:
    assert pdf_of(family).data.startswith(b"%PDF-")
    assert pymupdf.open(stream=pdf_of(family).data, filetype="pdf").page_count >= 2


@pytest.mark.parametrize("family", marked(PDF_WORDS_XFAIL))
def test_every_word_is_in_the_pdf(family: str) -> None:
    """Counted, not in order: a table's spanning cells are laid out in another order than
    the source's."""
    body, _ = tei_reading(tree_of(family).getroot().find(f"{TEI}text"))
    assert Counter(body) - Counter(words(pdf_text(family))) == Counter()


# The table of elements and the coverage of the fixtures ---------------------------------


def element_table() -> list[str]:
    """Every element name of the table in xslt/common/elements.xsl, as often as it is listed."""
    sheet = etree.parse(str(ROOT / "xslt" / "common" / "elements.xsl"))
    return [name for behaviour in sheet.iter("{urn:teiedition:elements}behaviour")
            for name in behaviour.text.split()]


def test_the_table_names_each_element_once() -> None:
    names = element_table()
    assert len(names) > 100
    assert [n for n, count in Counter(names).items() if count > 1] == []


def test_every_element_of_the_coverage_list_is_in_the_table_and_a_fixture() -> None:
    assert COVERAGE - set(element_table()) == set()
    used = {etree.QName(el).localname for family in FAMILIES
            for el in tree_of(family).getroot().iter() if isinstance(el.tag, str)}
    assert COVERAGE - used == set()


# Renderings of each family ----------------------------------------------------------------


def test_verse_numbers_every_fifth_line_or_the_sources_odd_number() -> None:
    """A text that numbers (some of) its lines shows its own numbers, every fifth and the
    odd ones; counting its other lines would mix two numberings."""
    numbers = page_of("verse").xpath("//span[@class='line-number']/text()")
    assert numbers == ["103a", "105"]


def test_a_table_keeps_its_header_cells_and_spans() -> None:
    table = page_of("tables").get_element_by_id("t1")
    assert [th.get("scope") for th in table.xpath(".//th")] == ["col"] * 3 + ["row"] * 2
    assert table.xpath(".//th[@rowspan='2']/text()") == ["St Martin"]
    assert table.xpath(".//td[@colspan='2']/text()") == ["none recorded"]
    assert table.xpath("caption/text()") == ["Burials in the week, by parish"]
    # In print too the caption comes first, above the table, where it is read.
    printed = " ".join(pdf_text("tables").split())
    assert printed.index("Burials in the week, by parish") < printed.index("Parish Plague Other")


def test_a_missing_image_is_a_labelled_placeholder() -> None:
    figure = page_of("figures").get_element_by_id("fig2")
    placeholder = figure.xpath(".//*[@role='img']")[0]
    assert "A long glasshouse with orange trees in tubs." in placeholder.get("aria-label")
    assert figure.xpath("figcaption/text()") == ["Plate 2. The orangery"]


def test_an_image_beside_the_tei_file_is_shown_with_its_description() -> None:
    assert case("figures").with_name("figures.001.png").exists()
    edition = edition_of("figures")
    [image] = page_of("figures").get_element_by_id("fig1").xpath(".//img")
    assert image.get("alt") == "A formal garden with four square beds and a fountain."
    assert image.get("src") in edition.files


def test_a_choice_shows_one_reading_and_offers_the_other() -> None:
    page = page_of("transcription")
    assert page.xpath("//input[@name='reading']/@value") == ["normalised", "diplomatic"]
    first = page.xpath("//span[contains(@class, 'tei-choice')]")[0]
    assert first.xpath("span[contains(@class, 'reading-normalised')]/text()") == ["King"]
    assert first.xpath("span[contains(@class, 'reading-diplomatic')]/text()") == ["Kyng"]
    assert page.xpath("//details[@class='legend']")
    source = typst_source(tree_of("transcription"))
    assert 'King#reading-note("a")[abbreviated\\: Kyng]' in source


def test_the_apparatus_lists_every_entry_with_its_witnesses() -> None:
    entries = page_of("apparatus").xpath("//ol[@class='apparatus-entries']/li")
    assert [e.get("data-app") for e in entries] == ["a", "b", "c", "d"]
    assert " ".join(entries[0].text_content().split()) == "a swiftly A B] slowly C ↩"


def test_an_omission_explained_by_a_note_says_so_once() -> None:
    entry = page_of("apparatus").get_element_by_id("app-4")
    assert entry.text_content().count("om.") == 1
    assert pdf_text("apparatus").count("om.") == 1


def test_a_nested_apparatus_entry_is_not_printed_in_the_line() -> None:
    document = pymupdf.open(stream=pdf_of("apparatus").data, filetype="pdf")
    body_words = [span["text"] for page in document for block in page.get_text("dict")["blocks"]
                  for line in block.get("lines", ()) for span in line["spans"]
                  if round(span["size"], 1) == 10.5]
    assert "knight" in " ".join(body_words)
    assert "wide" not in " ".join(body_words)


def test_a_manuscript_description_names_its_parts_for_a_reader() -> None:
    assert [h.text for h in page_of("msdesc").xpath("//section[@class='msdesc']//h3")] == [
        "Contents", "Physical description", "History"]
    printed = pdf_text("msdesc")
    assert not re.search(r"msContents|physDesc|history:", printed)


def test_a_byline_keeps_its_author_in_the_line() -> None:
    page = page_of("title-page")
    assert not page.xpath("//*[contains(@class, 'tei-byline') or "
                          "contains(@class, 'tei-docImprint')]//div")
    assert "By the late John Evelyn, Esq." in pdf_text("title-page")


def test_notes_of_every_place() -> None:
    page = page_of("notes")
    assert len(page.xpath("//a[@role='doc-noteref']")) == 3  # foot, end, with a target
    assert page.xpath("//span[contains(@class, 'note-margin')]/text()") == ["Sir W. Temple"]
    assert page.xpath("//span[@class='note-inline']/text()") == [
        "so the copy; the draft has “thrice”"]
    assert page.xpath("//a[@class='tei-ptr']/span[@class='pointer-label']/text()") == ["1"]
    source = typst_source(tree_of("notes"))
    assert '#endnote("2", "n2")' in source and 'place: "margin"' in source


def test_numbered_notes_are_numbered_in_sequence() -> None:
    assert page_of("notes").xpath("//a[@role='doc-noteref']/text()") == ["1", "2", "3"]


def test_links_by_pointer_scheme_and_to_other_files() -> None:
    page = page_of("breaks-links")
    assert page.xpath("//a[@class='tei-ref']/@href") == [
        "#a1", "#a1", "https://example.org/gardens"]
    [other] = page.xpath("//span[contains(@class, 'unresolved')]")
    assert other.get("title") == "Points to other-text.xml#p3"
    assert page.xpath("//span[contains(@class, 'break')]/text()") == [
        "[12]", "[section II]", "[col. 2]", "[13]"]


def test_names_link_to_the_register_or_an_authority() -> None:
    page = page_of("names")
    assert page.xpath("//a[contains(@class, 'name')]/@href") == [
        "persons.html#evelyn", "places.html#deptford", "organisations.html#royal-society",
        "persons.html#evelyn", "https://www.wikidata.org/wiki/Q84"]
    assert len(page.xpath("//span[contains(@class, 'name')]")) == 3


def test_the_files_own_look_and_unknown_looks() -> None:
    page = page_of("phrases")
    assert ".rendition-sc { font-variant: small-caps; }" in page.xpath("//style/text()")[0]
    assert page.xpath("//span[contains(@class, 'rend-sparkly')]/text()") == ["an unknown look"]
    assert page.xpath("//i[@lang='la']/text()") == ["hortus conclusus"]


@pytest.mark.parametrize("family", marked(HEADINGS_XFAIL))
def test_headings_do_not_skip_a_level(family: str) -> None:
    """Each heading's level is at most one below the heading before it (WCAG 1.3.1)."""
    levels = [int(h.tag[1]) for h in page_of(family).xpath(
        "//h1 | //h2 | //h3 | //h4 | //h5 | //h6")]
    assert all(b <= a + 1 for a, b in pairwise(levels)), levels


def test_how_to_cite_leaves_out_what_the_header_does_not_say() -> None:
    cite = page_of("verse").xpath("//dd[@class='how-to-cite']")[0].text_content()
    assert not re.search(r",\s*[,.]", cite), cite


def test_ruby_sets_each_gloss_over_its_base() -> None:
    page = page_of("ruby")
    assert page.get_element_by_id("r1").xpath("ruby/span[@class='tei-rb']/text()") == ["激怒"]
    assert page.get_element_by_id("r1").xpath("ruby/rt/text()") == ["げきど"]
    # Two glosses: the first over the base, the second over that ruby (HTML nests them).
    nested = page.xpath("//ruby[ruby]")[0]
    assert nested.xpath("ruby/rt/text()") == ["Běijīng"]
    assert nested.xpath("rt/text()") == ["northern capital"]
    assert "#tei-ruby[北京][Běijīng][northern capital]" in pdf_of("ruby").typst_source


def test_ruby_the_schema_does_not_allow_keeps_its_words() -> None:
    """A base without rb and a gloss outside a ruby (real files have both) keep their words
    in both outputs."""
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>R</title></titleStmt>'
        '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>'
        '</fileDesc></teiHeader><text><body><p>Bare <ruby>東京<rt>とうきょう</rt><rt/></ruby> '
        'and <seg xml:id="b">漢字</seg> <rt>kanji</rt> end.</p></body></text></TEI>'))
    body, _ = tei_reading(tree.getroot().find(f"{TEI}text"))
    shown = html_reading(html.document_fromstring(
        html_pages([("r", tree)]).pages["r.html"]).xpath("//main")[0])
    assert in_order(body, shown) == 1.0
    printed = words(" ".join(page.get_text() for page in pymupdf.open(
        stream=pdf(tree, standard="a-3b").data, filetype="pdf")))
    assert Counter(body) - Counter(printed) == Counter()


def test_examples_of_markup_show_the_markup() -> None:
    """egXML (the Guidelines' and the Journal of the TEI's examples) is shown as the XML it
    is, without the examples' namespace and with the indentation its lines share taken
    off; eg as it is; each in the line where it stands among words."""
    page = page_of("examples")
    shown = page.get_element_by_id("eg1")
    assert shown.tag == "pre" and shown.get("class") == "tei-egXML"
    assert shown.text_content().splitlines() == [
        '<p>A letter from <persName ref="#ed">Edward</persName> in',
        "  <placeName>Rome</placeName>, written &amp; sent.</p>",
        "<!-- the register entry is elsewhere -->"]
    assert page.xpath("//p/code/text()") == ["<lb/>", "if x < 3: print(x)"]
    assert page.xpath("//pre[@class='tei-eg']/code/text()") == [
        "def count(words):\n    return len(words)"]
    printed = pdf_text("examples")
    assert '<persName ref="#ed">Edward</persName>' in printed
    assert "def count(words):\n    return len(words)" in printed


def test_the_correspondence_description_heads_the_letter() -> None:
    """profileDesc/correspDesc (letters, CMIF files): each action with its persons, places
    and date (its value where it has no words), names linked to their authority, the
    letters before and after; in print before the text."""
    page = page_of("correspondence")
    rows = [(dt.text_content(), " ".join(dt.getnext().text_content().split()))
            for dt in page.xpath("//dl[@class='edition-meta']/dt")]
    assert rows[2:8] == [
        ("Sent", "Goethe, Johann Wolfgang von · Weimar · 1800-01-02"),
        ("Received", "Schiller, Friedrich · Jena"),
        ("Previous letter", "Goethe to Schiller, 30 December 1799"),
        ("Next letter", "Schiller to Goethe, spring 1800"),
        ("Sent", "Schiller, Friedrich · not before 1800-02, not after 1800-03"),
        ("Received", "Goethe, Johann Wolfgang von")]
    assert page.xpath("//dd[@class='correspondence']/a/@href")[:2] == [
        "http://viaf.org/viaf/123", "http://www.geonames.org/2812482"]
    printed = " ".join(pdf_text("correspondence").split())
    assert printed.index("Sent Goethe, Johann Wolfgang von · Weimar · 1800-01-02") < \
        printed.index("The first letter of the year")


def test_a_real_letters_context_names_each_neighbour_once() -> None:
    from conftest import SHARED
    path = SHARED / "tei" / "corpus" / "schnitzler-l01516.xml"
    page = html.document_fromstring(html_pages([("l", parse_tei(
        path.read_bytes(), path=str(path)))]).pages["l.html"])
    labels = page.xpath("//dl[@class='edition-meta']/dt/text()")
    # Its own title (level="a"), not the series' (level="s"), which the file gives first.
    assert " ".join(page.xpath("//h1")[0].text_content().split()) == \
        "Arthur Schnitzler an Richard Beer-Hofmann, 11. 5. 1905"
    # Its two editors, each a name of the form "Surname, Forename": apart, by a semicolon.
    assert page.xpath("//dl[@class='edition-meta']/dd[1]/text()") == [
        "Müller, Martin Anton; Susen, Gerd-Hermann"]
    title_page = pymupdf.open(stream=pdf(parse_tei(path.read_bytes(), path=str(path)),
                                         standard="none").data, filetype="pdf")[0]
    assert "Edited by Müller, Martin Anton; Susen, Gerd-Hermann" in " ".join(
        title_page.get_text().split())
    assert labels[1:8] == ["Sent", "Received", "Correspondence",
                           "Previous letter (within collection)", "Next letter (within collection)",
                           "Previous letter (within correspondence)",
                           "Next letter (within correspondence)"]


def test_a_correspondence_description_with_gaps_says_only_what_it_has() -> None:
    """Actions without words or values, a type left empty, a pointer to nothing: no empty
    rows; a paragraph of the description is kept."""
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>T</title>'
        '</titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>'
        '</sourceDesc></fileDesc><profileDesc><correspDesc><correspAction><persName '
        'ref="http://x.org/1"/><date/></correspAction><correspAction type=""><persName>Anna'
        '</persName></correspAction><correspContext><ref/><ptr target="other.xml"/>'
        '</correspContext><p>Some words.</p></correspDesc><correspDesc/></profileDesc>'
        '</teiHeader><text><body><p>x</p></body></text></TEI>'))
    page = html.document_fromstring(html_pages([("t", tree)]).pages["t.html"])
    assert [(dt.text_content(), dt.getnext().text_content()) for dt in
            page.xpath("//dl[@class='edition-meta']/dt")][:3] == [
        ("Correspondence", "Anna"), ("Related letter", "other.xml"), ("Note", "Some words.")]
    assert "#correspondence(([Correspondence], [Anna]), ([Related letter], [other\\.xml]), " \
           "([Note], [Some words\\.]))" in pdf(tree, standard="none").typst_source


@pytest.mark.parametrize("name, authors, editors", [
    ("moliere-medecin-volant.xml", ["Molière (Jean-Baptiste Poquelin)"], []),
    ("sophocles-ichneutae.xml", ["Σοφοκλῆς (Sophocles)"], ["Arthur S. Hunt"]),
    ("gez-salam-laki.xml", [], []),  # (editors named only by @key: no empty row)
])
def test_authors_and_editors_are_their_names(name: str, authors: list[str],
                                             editors: list[str]) -> None:
    """A header's author or editor shows its names, not its identifiers (idno), and one
    person's several names as one."""
    from conftest import SHARED
    path = SHARED / "tei" / "corpus" / name
    page = html.document_fromstring(html_pages([("d", parse_tei(
        path.read_bytes(), path=str(path)))]).pages["d.html"])
    assert page.xpath("//p[@class='authors']/text()") == authors
    assert [dt.getnext().text_content() for dt in page.xpath("//dl/dt")
            if dt.text_content() == "Edited by"] == editors


def test_a_subtitle_stands_under_the_title() -> None:
    from conftest import SHARED
    path = SHARED / "tei" / "corpus" / "moliere-medecin-volant.xml"
    tree = parse_tei(path.read_bytes(), path=str(path))
    page = html.document_fromstring(html_pages([("d", tree)]).pages["d.html"])
    assert page.xpath("//h1/text()") == ["Le Médecin Volant"]
    assert page.xpath("//h1/following-sibling::p[1][@class='subtitle']/text()") == ["Comédie"]
    title_page = pymupdf.open(stream=pdf(tree, standard="none").data, filetype="pdf")[0]
    assert title_page.get_text().split("\n")[:2] == ["Le Médecin Volant", "Comédie"]


def test_code_reaches_print_as_written() -> None:
    """f:typst-raw-string: backslashes, quotes, tabs and line ends of an example survive
    Typst's string literal; the lines stay lines."""
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="{TEI[1:-1]}"><teiHeader><fileDesc><titleStmt><title>C</title></titleStmt>'
        '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>'
        '</fileDesc></teiHeader><text><body><eg>path = "C:\\\\tmp\\n" # [x]\r\n\tend #{y}'
        '</eg></body></text></TEI>'))
    lines = [" ".join(line.split()) for line in " ".join(
        page.get_text() for page in pymupdf.open(stream=pdf(tree, standard="none").data,
                                                 filetype="pdf")).splitlines()]
    assert 'path = "C:\\\\tmp\\n" # [x]' in lines and "end #{y}" in lines


def test_a_role_and_its_description_written_together_stay_apart() -> None:
    """A cast item whose role description follows the role with nothing between them
    (DraCor writes both ways) reads "Tom, a boy" in both outputs, not "Toma boy"."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><front><castList>'
        '<castItem><role>Tom</role><roleDesc>a boy</roleDesc></castItem>'
        '<castItem><role>Ann</role> <roleDesc>his sister</roleDesc></castItem>'
        '</castList></front><body><p>x</p></body></text></TEI>'))
    page = html.document_fromstring(html_pages([("doc", tree)]).pages["doc.html"])
    items = [" ".join("".join(i.itertext()).split())
             for i in page.xpath("//*[contains(@class, 'tei-castItem')]")]
    assert items == ["Tom, a boy", "Ann his sister"]
    source = typst_source(tree)
    assert 'Tom], #tei-inline("roleDesc")[a boy]' in source


def test_a_division_without_a_heading_shows_its_number() -> None:
    """A text cited by its divisions (Perseus: book, chapter, section, numbered by @n and
    without headings) keeps its numbers in both outputs, as a milestone's are shown; where
    nested divisions begin together, the innermost says them all."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="la"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
        '<div type="edition"><div type="textpart" subtype="book" n="1">'
        '<div type="textpart" subtype="chapter" n="1">'
        '<div type="textpart" subtype="section" n="1"><p>Gallia est omnis</p></div>'
        '<div type="textpart" subtype="section" n="2"><l>divisa in partes tres</l></div>'
        '</div></div><div n="9"><head>Liber nonus</head><p>quarum unam</p></div>'
        '</div></body></text></TEI>'))
    page = html.document_fromstring(html_pages([("doc", tree)]).pages["doc.html"])
    assert page.xpath("//span[contains(@class, 'division-number')]/text()") == [
        "[book 1, chapter 1, section 1]", "[section 2]"]
    source = typst_source(tree)
    assert source.count("#division-number(") == 2
    printed = " ".join(page.get_text() for page in pymupdf.open(
        stream=pdf(tree, standard="none").data, filetype="pdf"))
    assert "[book 1, chapter 1, section 1]" in printed and "[section 2]" in printed


def test_a_numbered_sense_begins_with_its_number() -> None:
    """A dictionary's senses numbered by @n (TEI Lex-0: "1", "5.1") show their numbers, once
    (a sense whose words begin with its number, <num>2.</num>, is not numbered again); the
    grammatical phrases of an entry (pos, gen, number, syll...) are phrases of their own."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="pt"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
        '<entry><form type="lemma"><orth>neve</orth><syll>ne.ve</syll></form>'
        '<gramGrp><pos>Nome</pos> <gen>Feminino</gen> <number>Singular</number></gramGrp>'
        '<sense n="1"><usg type="domain">met</usg><def>precipitação</def></sense>'
        '<sense n="2"> <num>2.</num> <def>floco</def></sense>'
        '<sense n="5.1"><def>cabeleira branca</def></sense><sense><def>frio</def></sense>'
        '</entry></body></text></TEI>'))
    edition = html_pages([("doc", tree)], warn_unhandled=True)
    assert not [m for m in edition.messages if m.startswith("unhandled:")]
    page = html.document_fromstring(edition.pages["doc.html"])
    assert page.xpath("//*[contains(@class, 'tei-sense')]/span[@class='sense-n']/text()") \
        == ["1", "5.1"]
    assert typst_source(tree).count("#numbered-sense(") == 2
    printed = " ".join(" ".join(page.get_text().split()) for page in pymupdf.open(
        stream=pdf(tree, standard="none").data, filetype="pdf"))
    assert "1 met precipitação" in printed and "5.1 cabeleira" in printed


def test_a_list_of_terms_keeps_its_headings_and_what_stands_between_its_items() -> None:
    """A list of labels and items kept only its labels and items: its headLabel/headItem,
    and a page break or a note between two items, were lost. Spanning markers (delSpan,
    addSpan...), pauses and the names of events and objects are in the element table."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
        '<list type="gloss"><headLabel>Term</headLabel><headItem>Meaning</headItem>'
        '<label>Alpha</label><item>first</item><pb n="7" xml:id="pb7"/>'
        '<note>a remark</note><label>Beta</label><item>second</item></list>'
        '<p>A <eventName>battle</eventName>, a <objectName>sword</objectName>, '
        '<delSpan spanTo="#e"/>struck<anchor xml:id="e"/> and <pause/> on.</p>'
        '</body></text></TEI>'))
    edition = html_pages([("doc", tree)], warn_unhandled=True)
    assert not [m for m in edition.messages if m.startswith("unhandled:")]
    page = html.document_fromstring(edition.pages["doc.html"])
    dl = page.xpath("//main//dl")[0]
    assert [" ".join("".join(c.itertext()).split()) for c in dl][:3] == ["Term", "Meaning", "Alpha"]
    assert dl.xpath(".//*[@id='pb7']") and "a remark" in " ".join(page.body.itertext())
    printed = " ".join(" ".join(page.get_text().split()) for page in pymupdf.open(
        stream=pdf(tree, standard="none").data, filetype="pdf"))
    assert printed.index("Term") < printed.index("Alpha")


def test_a_heading_of_a_block_heads_the_block_and_the_pdf_typesets() -> None:
    """A head inside a manuscript description or a title part became a first-level
    heading, which begins a page: Typst refused it inside a block and the PDF failed
    ("pagebreaks are not allowed inside of containers"). It heads its block."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><msDesc><msIdentifier><idno>MS 1</idno></msIdentifier>'
        '<head>The Book of Hours</head><p>A description in prose.</p></msDesc></sourceDesc>'
        '</fileDesc></teiHeader><text><front><titlePage><docTitle><titlePart>'
        '<head>Odd title head</head></titlePart></docTitle></titlePage></front>'
        '<body><div><head>Chapter</head><p>x</p></div></body></text></TEI>'))
    page = html.document_fromstring(html_pages([("doc", tree)]).pages["doc.html"])
    assert [" ".join(h.text_content().split()) for h in page.xpath("//h1 | //h2")] == [
        "T", "Manuscript description", "Chapter"]
    printed = " ".join(" ".join(page.get_text().split()) for page in pymupdf.open(
        stream=pdf(tree, standard="a-3b").data, filetype="pdf"))
    assert "The Book of Hours" in printed and "Odd title head" in printed
