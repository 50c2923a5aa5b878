"""The print edition: TEI → Typst (golden) → PDF (text extraction, notes, index, PDF/A)."""

from __future__ import annotations

import io
import re
import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition import Provenance, convert, read_register
from teiedition import parity
from teiedition.render import pdf, typst_source
from teiedition.xmlparse import parse_tei

from conftest import CASES, GOLDEN, SEED_TEXT, SEEDS, SHARED

pypdf = pytest.importorskip("pypdf")
TEI = "{http://www.tei-c.org/ns/1.0}"
WORD = re.compile(r"\w+")


@pytest.fixture(scope="module")
def seed_tree(seed_meta):
    register = read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")
    return convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta,
                   Provenance(SEED_TEXT.name, "2026-01-15", "0.1.0"), register=register).tree


@pytest.fixture(scope="module")
def seed_pdf(seed_tree):
    return pdf(seed_tree)


def pages_of(data: bytes) -> list[str]:
    return [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages]


def test_golden_typst(seed_tree, update_golden: bool) -> None:
    golden = GOLDEN / "typst" / "seed.001.typ"
    source = typst_source(seed_tree, attachment="source.xml")
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(source, encoding="utf-8")
    assert source == golden.read_text(encoding="utf-8")


def test_every_word_of_body_and_notes_is_in_the_pdf(seed_tree, seed_pdf) -> None:
    text = " ".join(pages_of(seed_pdf.data))
    body = seed_tree.getroot().find(f"{TEI}text")
    source = WORD.findall(" ".join(body.itertext()))
    printed = set(WORD.findall(text))
    assert [w for w in source if w not in printed] == []
    assert text.count("The text of this note is not in the source.") == 5


def test_notes_stand_on_the_page_of_their_reference(seed_pdf) -> None:
    pages = pages_of(seed_pdf.data)
    for n, before in (("63", "firm support."), ("64", "at the conference."),
                      ("65", "Viacheslav Molotov."), ("66", "vital for him."),
                      ("67", "international isolation.")):
        [page] = [i for i, p in enumerate(pages) if re.search(re.escape(before) + r"\s*" + n,
                                                              " ".join(p.split()))]
        assert re.search(rf"(^|\n)\s*{n}\s*The text of this note", pages[page]), n


def test_index_page_numbers_are_right(seed_tree, seed_pdf) -> None:
    pages = pages_of(seed_pdf.data)
    index = pages[-1]
    assert index.lstrip().split("\n")[0].endswith("Index") or "Index" in index
    forms: dict[str, set[str]] = {}
    for el in seed_tree.getroot().find(f"{TEI}text").iter():
        if el.get("ref", "").startswith("#"):
            forms.setdefault(el.get("ref")[1:], set()).add("".join(el.itertext()))
    names = {e.get("{http://www.w3.org/XML/1998/namespace}id"): e
             for e in seed_tree.getroot().iter(f"{TEI}person", f"{TEI}place", f"{TEI}org",
                                               f"{TEI}event")}
    checked = 0
    for key, surface in forms.items():
        entry = names[key]
        preferred = " ".join("".join(entry[0].itertext()).split())
        row = re.search(rf"^{re.escape(preferred)}\s+([\d, ]+)$", index, re.M)
        assert row, f"{preferred} is not in the index"
        listed = [int(p) for p in row.group(1).replace(" ", "").split(",")]
        actual = [i + 1 for i, page in enumerate(pages[:-1])
                  if any(f in " ".join(page.split()) for f in surface)]
        assert listed == actual, (preferred, listed, actual)
        checked += 1
    assert checked == len(forms) >= 20


def test_pdf_metadata_attachment_and_determinism(seed_tree, seed_pdf) -> None:
    reader = pypdf.PdfReader(io.BytesIO(seed_pdf.data))
    assert reader.metadata.title.startswith("The Golden Age of the Sino-Soviet Alliance")
    assert reader.metadata.author == "Chen Jian, Yang Kuisong"
    attached = reader.attachments["source.xml"][0]
    assert etree.fromstring(attached).tag == f"{TEI}TEI"
    assert [o.title for o in reader.outline if not isinstance(o, list)] == ["Text", "Index"]
    assert pdf(seed_tree).data == seed_pdf.data
    plain = pypdf.PdfReader(io.BytesIO(pdf(seed_tree, standard="a-2b").data))
    assert dict(plain.attachments) == {}


SPECIAL = "#$*_@<>[]\\`~=-+/\"'.:;,!?%&|^{}()"


@pytest.mark.parametrize("char", list(SPECIAL) + ["--", "---", "//", "...", "$x$", "#let a = 1",
                                                   "@ref", "<label>", "= Heading", "- item",
                                                   "+ item", "/ term: x", "\\u{1F600}"])
def test_each_special_text_comes_out_as_it_went_in(char: str) -> None:
    assert extracted(f"Before {char} after") == f"Before {char} after"


def extracted(text: str) -> str:
    tei = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body><div>'
        '<p>MARKER</p></div></body></text></TEI>')
    tei.find(f".//{TEI}body//{TEI}p").text = text
    pages = pages_of(pdf(etree.ElementTree(tei), standard="none").data)
    body = " ".join(pages[1].split())
    start = body.index("1 ") + 2 if "1 " in body else 0
    return body[start:].strip()


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.sampled_from(list(SPECIAL) + list("abcXYZ019 ")), min_size=1,
               max_size=40).filter(lambda s: s.strip()))
def test_arbitrary_text_round_trips_through_the_pdf(text: str) -> None:
    assert extracted("Start " + text + " end") == " ".join(("Start " + text + " end").split())


def test_tei_the_converter_never_writes_typesets_with_its_text() -> None:
    """Verse, drama, a letter, an apparatus: the letters and digits of the text are printed
    (counted as characters: notes move to the foot of the page)."""
    from collections import Counter
    path = CASES / "tei" / "varied.001.xml"
    tree = parse_tei(path.read_bytes(), path=str(path))
    printed = Counter(re.sub(r"\W", "", " ".join(pages_of(pdf(tree, standard="none").data))))
    source = Counter(re.sub(r"\W", "", " ".join(tree.getroot().find(f"{TEI}text").itertext())))
    assert not source - printed


def test_cjk_prints_or_the_missing_font_is_named(seed_tree) -> None:
    import copy
    import subprocess
    tree = copy.deepcopy(seed_tree)
    tree.getroot().find(f".//{TEI}body//{TEI}p").text += " 周恩来"
    result = pdf(tree, standard="none")
    cjk_font = subprocess.run(["fc-list", "Noto Serif CJK SC"], capture_output=True,
                              text=True).stdout.strip() if shutil.which("fc-list") else ""
    if cjk_font:
        assert "周恩来" in pages_of(result.data)[1]
        assert not any("CJK" in w for w in result.warnings)
    else:
        assert any("apt-get install fonts-noto-cjk" in w for w in result.warnings)


def test_register_names_in_other_scripts_do_not_warn(seed_tree) -> None:
    """The seed's register has 周恩来 as a variant: it is in the standOff, not printed."""
    assert not any("CJK" in w for w in pdf(seed_tree, standard="none").warnings)


def test_html_and_pdf_say_the_same(seed_tree) -> None:
    """Every note and every tagged name of the TEI appears in both the HTML and the PDF
    (for the corpus: tests/test_real_tei.py)."""
    from lxml import html as lxml_html
    from teiedition.render import html_pages
    tree = seed_tree
    body = tree.getroot().find(f"{TEI}text")
    names = [" ".join("".join(e.itertext()).split()) for e in body.iter(
        f"{TEI}persName", f"{TEI}placeName", f"{TEI}orgName", f"{TEI}name")]
    notes = [" ".join("".join(e.itertext()).split()) for e in body.iter(f"{TEI}note")]
    html_page = html_pages([("doc", tree)]).pages["doc.html"]
    printed = pdf(tree, standard="none")
    # The build's parity check (names by kind and entry, notes by label) agrees.
    assert parity.check(tree, html_page=html_page, pdf_marks=printed.marks) == []
    page = lxml_html.document_fromstring(html_page)
    in_html = " ".join(" ".join(page.xpath("//main")[0].itertext()).split())
    in_pdf = " ".join(" ".join(pages_of(printed.data)).split())
    from collections import Counter
    flat_html, flat_pdf = re.sub(r"\W", "", in_html), re.sub(r"\W", "", in_pdf)
    for name in [n for n in names if n]:
        assert re.sub(r"\W", "", name) in flat_html, name
        assert re.sub(r"\W", "", name) in flat_pdf, name
    # Notes are compared by their letters: readings of a choice or an apparatus may be
    # arranged differently, and a footnote's text moves to the foot of its page.
    html_letters, pdf_letters = Counter(flat_html), Counter(flat_pdf)
    note_letters = Counter(re.sub(r"\W", "", " ".join(notes)))
    assert not note_letters - html_letters
    assert sum((note_letters - pdf_letters).values()) <= sum(note_letters.values()) // 1000
    assert len(names) == 36 and len(notes) == 5


def test_a_long_text_comes_in_volumes(seed_tree) -> None:
    """Volumes divide the text at block boundaries; paragraph numbers go on from one volume
    to the next; together they hold every name and note (the parity check); each embeds
    the whole TEI source."""
    from teiedition.render import pdf_volumes
    volumes = pdf_volumes(seed_tree, words_per_volume=200, standard="a-3b")
    assert len(volumes) == 4
    numbers = [int(n) for v in volumes for n in re.findall(r'#para\(n: "(\d+)"', v.typst_source)]
    assert numbers == [1, 2, 3, 4, 5]
    assert all(f'volume: "Volume {i} of 4"' in v.typst_source for i, v in enumerate(volumes, 1))
    assert parity.check(seed_tree, pdf_marks=[m for v in volumes for m in v.marks]) == []
    from pypdf import PdfReader
    for volume in volumes:
        reader = PdfReader(io.BytesIO(volume.data))
        assert reader.attachments["source.xml"][0] == etree.tostring(
            seed_tree, xml_declaration=True, encoding="UTF-8")
    assert len(pdf_volumes(seed_tree, standard="none")) == 1


def test_comments_among_the_blocks_travel_with_them() -> None:
    """Issue 13: a comment or processing instruction among the body's blocks crashed the
    split into volumes. Only elements are blocks; each comment goes with the block after it
    (or the last one), so every volume is whole and nothing is lost."""
    from teiedition.render import pdf_volumes, split_volumes
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
        '<!-- before one --><p>one two three</p><?pi four?><p>four five six</p>'
        '<!-- before three --><p>seven eight nine</p><!-- at the end --></body></text></TEI>'))
    volumes = split_volumes(tree, 4)
    assert len(volumes) == 3
    kept = [[n.text if isinstance(n.tag, str) else str(n) for n in v.find(f".//{TEI}body")]
            for v in volumes]
    assert kept == [["<!-- before one -->", "one two three"],
                    ["<?pi four?>", "four five six"],
                    ["<!-- before three -->", "seven eight nine", "<!-- at the end -->"]]
    printed = pdf_volumes(tree, words_per_volume=4, standard="none")
    assert ["seven eight nine" in " ".join(pages_of(v.data)[1].split()) for v in printed] \
        == [False, False, True]


def test_links_inside_the_document_go_to_the_right_page() -> None:
    """A ref to an anchor, a note or a paragraph reaches the page where its target is; a
    pointer scheme goes to its start; a target the document does not have is no link."""
    pymupdf = pytest.importorskip("pymupdf")
    filler = "".join(f"<p>Filler paragraph {i} " + "with words " * 60 + "</p>" for i in range(12))
    tei = f"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>
    <titleStmt><title>Links</title></titleStmt><publicationStmt><p>Test.</p></publicationStmt>
    <sourceDesc><p>Test.</p></sourceDesc></fileDesc></teiHeader><text><body>
    <p>See <ref target="#far">the far place</ref>, <ref target="#range(far,end)">the
    range</ref> and <ref target="#nowhere">nothing</ref>.</p>{filler}
    <p xml:id="far">The far place<anchor xml:id="end"/>.</p></body></text></TEI>"""
    tree = etree.ElementTree(etree.fromstring(tei))
    document = pymupdf.open(stream=pdf(tree, standard="none").data, filetype="pdf")
    target_page = next(i for i, page in enumerate(document) if "The far place" in page.get_text())
    source_page = next(i for i, page in enumerate(document) if "the far place" in page.get_text())
    assert target_page > source_page
    links = [link for link in document[source_page].get_links()
             if link["kind"] == pymupdf.LINK_GOTO]
    assert [link["page"] for link in links] == [target_page, target_page]


def test_the_edition_book_describes_each_text_as_its_own_pdf_does() -> None:
    """A text's manuscript description and its letter's correspondence stand before it in
    the whole edition's book as in its own PDF (found building an edition of real TEI: the
    book left them out, so the names of an inscription's description failed the parity
    check)."""
    from teiedition.render import edition_book
    stems = ("isic000781", "schnitzler-l01516")
    texts = [(stem, parse_tei((SHARED / "tei" / "corpus" / f"{stem}.xml").read_bytes(),
                              path=stem)) for stem in stems]
    book = edition_book(texts)
    printed = pdf(book, standard="none")
    assert parity.check(book, pdf_marks=printed.marks) == []
    text = " ".join(" ".join(pages_of(printed.data)).split())
    described = sum(len(tree.findall(f".//{TEI}sourceDesc//{TEI}msDesc")) for _, tree in texts)
    assert described >= 1 and text.count("Manuscript description") == described
    assert "Correspondence" in text
    # (The inscription's place of origin, named in its description only.)
    assert "Catina" in text


def test_the_edition_book_of_texts_with_descriptions_and_nested_notes_passes_parity() -> None:
    """Found building the 36 real files of the shared corpus as one book: the parity check
    numbered the notes of every manuscript description before every text, counted no note
    inside a note, and found a name's entry in another text, where the stylesheets number
    the notes of the book in order (a description, then its text, text by text) and look for
    an entry in the name's own text. 19 problems in a book with nothing missing."""
    from teiedition.render import edition_book
    head = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
            '<titleStmt><title>{0}</title></titleStmt><publicationStmt><p>x</p>'
            '</publicationStmt><sourceDesc>{1}</sourceDesc></fileDesc></teiHeader>')
    one = head.format("One", '<msDesc><msIdentifier><idno>MS 1</idno></msIdentifier>'
                      '<physDesc><p>Worn<note>A remark.</note>.</p></physDesc></msDesc>') + (
        '<text><body><p>First<note>A note<note>inside it</note>.</note> about '
        '<persName ref="#x">X</persName>.</p></body></text></TEI>')
    two = head.format("Two", "<p>x</p>") + (
        '<standOff><listPerson><person xml:id="x"><persName>X</persName></person>'
        '</listPerson></standOff><text><body><p>Second<note>Its note.</note> and '
        '<persName ref="#x">X</persName><note>Another.</note>.</p></body></text></TEI>')
    book = edition_book([("one", etree.ElementTree(etree.fromstring(one))),
                         ("two", etree.ElementTree(etree.fromstring(two)))])
    printed = pdf(book, standard="none")
    assert parity.check(book, pdf_marks=printed.marks) == []
    assert sorted(str(key) for kind, key in parity.pdf_items(printed.marks)
                  if kind == "person") == ["None", "x"]


def test_a_mark_inside_a_word_is_printed_after_the_word() -> None:
    """A page break inside a word, or a variant whose note letter would fall inside one
    (a choice or an apparatus entry on part of a word), leaves the word whole in print and
    in the text layer; the mark follows the word."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
        '<p>A Zei<pb n="3" break="no"/>lenbruch, <w><choice><sic>teh</sic><corr>the</corr>'
        '</choice>m</w> and ca<app><lem>n</lem><rdg wit="#B">nn</rdg></app>o; then a '
        '<pb n="4"/>break between words.</p></body></text></TEI>'))
    source = typst_source(tree)
    assert "Zeilenbruch#tei-break(\"3\")" in source
    assert "#tei-break(\"4\")" in source.split("a ")[-1]
    from reading import words
    printed = words(" ".join(pages_of(pdf(tree, standard="none").data)))
    assert {"Zeilenbruch", "them", "cano"} <= set(printed)  # (the sigla ⟨⟩ are not letters)


def test_a_note_between_a_space_and_a_word_leaves_the_word_whole() -> None:
    """A note set after a space and before the next word ("sobé <note/>de", as DraCor's
    glossaries have it) printed its number on that word ("⁴de" in the text layer)."""
    tree = etree.ElementTree(etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="es"><teiHeader><fileDesc>'
        '<titleStmt><title>T</title></titleStmt><publicationStmt><p>x</p></publicationStmt>'
        '<sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader><text><body>'
        '<l>y hoy lo <term>sobé <note>agotar</note></term>de mañana</l>'
        '<l>Meta el <term>redomón<note>caballo</note></term>, ya</l></body></text></TEI>'))
    from reading import words
    printed = words(" ".join(pages_of(pdf(tree, standard="none").data)))
    sobe, redomon = words("sobé redomón")  # (as the text layer is read: marks apart)
    assert printed[printed.index(sobe):][:3] == [sobe, "1", "de"]
    assert redomon + "2" not in printed and redomon in printed
