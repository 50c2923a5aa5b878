"""The chronology as an appendix of the PDF, on request (issue 17): every dated mention in
date order, grouped by year, each with the page it stands on, and a timeline. Read back
from the PDF: every normalised date is listed once, in order, and its page number is the
page where the date's words are."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from lxml import etree

from teiedition.cli import cli
from teiedition.render import PdfContents, edition_book, pdf
from teiedition.xmlparse import parse_tei

from conftest import shared_path

pymupdf = pytest.importorskip("pymupdf")
TEI = "{http://www.tei-c.org/ns/1.0}"
STARTS = ("when", "from", "notBefore", "when-iso", "from-iso", "notBefore-iso")
ENDS = ("to", "notAfter", "to-iso", "notAfter-iso")
HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>{}'
        '</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p>'
        '</sourceDesc></fileDesc></teiHeader><text><body>')
FILLER = "".join(f"<p>Filler paragraph {i} " + "with more words " * 70 + "</p>" for i in range(5))


def dated(tree: etree._ElementTree) -> list[etree._Element]:
    """The dates of the texts with a normalised value, in chronology order: by year, then
    start, then end (an open end last), else in document order."""
    def value(date: etree._Element, names: tuple[str, ...]) -> str | None:
        return next((date.get(n).strip() for n in names
                     if re.match(r"-?\d{4}", (date.get(n) or "").strip())), None)
    found = [d for text in tree.getroot().iter(f"{TEI}text")
             if text.getparent() is not None and text.getparent().tag == f"{TEI}TEI"
             for d in text.iter(f"{TEI}date") if value(d, STARTS)]
    return sorted(found, key=lambda d: (int(re.match(r"-?\d{4}", value(d, STARTS)).group()),
                                        value(d, STARTS), value(d, ENDS) or "9999"))


def flat(text: str) -> str:
    return " ".join(text.split())


def word_letters(text: str) -> str:
    return "".join(re.findall(r"\w", text))


def appendix(document) -> tuple[int, str]:
    """The first page (0-based) of the chronology and its text up to the index."""
    first = next(i for i, page in enumerate(document)
                 if page.get_text().lstrip().splitlines()[1:2] == ["Chronology"]
                 or "\nChronology\n" in page.get_text())
    last = next(i for i in range(first, len(document))
                if "\nIndex\n" in document[i].get_text() or i == len(document) - 1)
    return first, flat(" ".join(document[i].get_text() for i in range(first, last + 1)))


def page_numbers(document, first: int, rtl: bool = False) -> list[tuple[int, int]]:
    """The chronology's page numbers in reading order: each printed number, and the page
    (1-based) its link goes to. They stand in a column of their own at the end of the
    line: on the right, or on the left in text written right to left."""
    found = []
    for index in range(first, len(document)):
        page = document[index]
        links = sorted((link for link in page.get_links() if link["kind"] == pymupdf.LINK_GOTO),
                       key=lambda link: (round(link["from"].y0), link["from"].x0))
        right = max((link["from"].x1 for link in links), default=0)
        left = min((link["from"].x0 for link in links), default=0)
        for link in links:
            if (link["from"].x0 > left + 1) if rtl else (link["from"].x1 < right - 1):
                continue  # the words, not the page number
            box = link["from"]  # (its middle: the boxes of adjacent lines overlap)
            text = page.get_textbox(pymupdf.Rect(box.x0, box.y0 + box.height / 3, box.x1,
                                                 box.y1 - box.height / 3)).strip()
            if text.isdigit():
                found.append((int(text), link["page"] + 1))
    return found


def check_chronology(tree: etree._ElementTree, data: bytes, rtl: bool = False) -> int:
    """Every normalised date of ``tree`` is one entry of the PDF's chronology, in order
    (its value and words), whose page number is right: its link goes to that page, and
    that page holds the date's words. Returns the number of entries."""
    document = pymupdf.open(stream=data, filetype="pdf")
    first, text = appendix(document)
    numbers = page_numbers(document, first, rtl)
    expected = dated(tree)
    assert len(numbers) == len(expected), "a page number per normalised date"
    at = 0
    for date, (printed, target) in zip(expected, numbers, strict=True):
        words = flat("".join(date.itertext()))
        start = next(date.get(n) for n in STARTS if date.get(n)).strip()
        at = text.index(start if not date.get("notBefore") else "not before", at)
        at = text.index(words, at) + len(words)
        assert printed == target, f"{words}: page {printed} links to page {target}"
        assert 1 <= printed <= first, f"{words}: page {printed} is not a page of the text"
        # (As letters: the page shows editorial signs, "14⸌5⸍. October", among them.)
        assert word_letters(words) in word_letters(document[printed - 1].get_text()), \
            f"{words} is not on page {printed}"
    return len(numbers)


@pytest.fixture(scope="module")
def letters() -> list[tuple[str, etree._ElementTree]]:
    one = etree.ElementTree(etree.fromstring(
        HEAD.format("One") + '<p>On <date when="1954-07-21">21 July 1954</date> and from '
        '<date from="1953" to="1955">1953 to 1955</date>.</p>' + FILLER + '<p>In '
        '<date notBefore="1950" notAfter="1959">the fifties</date>, <date>undated</date>, '
        'and on <date when="-0044-03-15">the Ides of March</date>.<note>Written '
        '<date when="1954-07-20">the day before</date>.</note></p></body></text></TEI>'))
    two = etree.ElementTree(etree.fromstring(
        HEAD.format("Two") + FILLER + '<p>In <date when="1954-01">January 1954</date> and '
        '<date when-iso="1953-02">early 1953</date>.</p></body></text></TEI>'))
    return [("one", one), ("two", two)]


def test_a_text_gets_its_chronology_with_pages(letters) -> None:
    _, tree = letters[0]
    printed = pdf(tree, standard="a-3b", contents=PdfContents(chronology=True))
    assert check_chronology(tree, printed.data) == 5
    # The timeline draws a mark per year, each a link to its year's heading.
    document = pymupdf.open(stream=printed.data, filetype="pdf")
    first, _ = appendix(document)
    assert "#chronology-timeline(first: -44, last: 1954" in printed.typst_source
    years = [link for link in document[first].get_links() if link["kind"] == pymupdf.LINK_NAMED]
    assert len(years) == 4 and {link["page"] for link in years} <= {first, first + 1}


def test_without_the_option_there_is_no_chronology(letters) -> None:
    _, tree = letters[0]
    printed = pdf(tree, standard="none")
    assert "chronology" not in printed.typst_source
    assert "Chronology" not in " ".join(p.get_text() for p in
                                        pymupdf.open(stream=printed.data, filetype="pdf"))


def test_the_edition_book_gets_the_chronology_of_every_text(letters) -> None:
    book = edition_book(letters)
    printed = pdf(book, standard="a-3b", contents=PdfContents(chronology=True))
    assert check_chronology(book, printed.data) == 7
    # In a book of several texts, each entry names its text.
    assert 'title: "Two")[January 1954]' in printed.typst_source


def test_an_edition_of_real_files_gets_its_chronology() -> None:
    """Corpus files with many dates (letters, a diary, a parliamentary session) as one book."""
    names = ["schnitzler-l02753.xml", "russia.xml", "1937-1945.xml", "siparl-session-1998.xml"]
    trees = [(name.removesuffix(".xml"), parse_tei(shared_path("tei", "corpus", name).read_bytes(),
                                                   path=name)) for name in names]
    book = edition_book(trees)
    printed = pdf(book, standard="none", contents=PdfContents(chronology=True))
    assert check_chronology(book, printed.data) == len(dated(book)) > 40


def test_the_commands_take_the_option(letters, tmp_path) -> None:
    source = tmp_path / "one.xml"
    source.write_bytes(etree.tostring(letters[0][1]))
    result = CliRunner().invoke(cli, ["pdf", str(source), "--chronology", "--pdf-standard",
                                      "none", "-q"])
    assert result.exit_code == 0, result.output
    assert check_chronology(letters[0][1], (tmp_path / "one.pdf").read_bytes()) == 5
    refused = CliRunner().invoke(cli, ["build", str(tmp_path), "-o", str(tmp_path / "out"),
                                       "--chronology"])
    assert refused.exit_code == 2 and "--edition-pdf" in refused.output


def test_a_text_written_right_to_left_gets_its_chronology() -> None:
    """al-manar (Arabic): the appendix is laid out right to left, its page numbers on the
    left; the timeline's years still run from the left."""
    path = shared_path("tei", "corpus", "al-manar-v0-i2.xml")
    tree = parse_tei(path.read_bytes(), path=path.name)
    printed = pdf(tree, standard="none", contents=PdfContents(chronology=True))
    assert check_chronology(tree, printed.data, rtl=True) == len(dated(tree)) == 7
    document = pymupdf.open(stream=printed.data, filetype="pdf")
    first, _ = appendix(document)
    # (A named destination's point counts from the foot of the page: the lower, the later.)
    marks = sorted((link["from"].x0, link["page"], -link["to"].y) for link in
                   document[first].get_links() if link["kind"] == pymupdf.LINK_NAMED)
    assert len(marks) == 6  # 1898, 1935, 1939, 1940, 1977, 1992
    assert all(link["from"] in document[first].rect for link in document[first].get_links()
               if link["kind"] == pymupdf.LINK_NAMED), "the timeline is on the page"
    assert [(page, y) for _, page, y in marks] == sorted((page, y) for _, page, y in marks), \
        "the leftmost mark is the earliest year, whose heading comes first"
