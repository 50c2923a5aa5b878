"""Real TEI from other projects, rendered whole (issue 13): every file of
``../shared/tei/corpus/`` becomes an HTML page and a PDF without error, keeps its words in
order (as a reader sees them: tests/reading.py), keeps every note's words, has no broken
internal link, leaves no element of the coverage list unhandled, and says the same in
both outputs (the parity check of names and notes).

Files that do not pass a check yet are listed below with the reason; the lists are strict
(a listed file that passes fails the test, so that the list shrinks as the work lands).
"""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from lxml import etree, html

from teiedition import parity
from teiedition.render import html_pages, pdf
from teiedition.xmlparse import parse_tei

from conftest import SHARED
from reading import TEI, contains, html_reading, in_order, links_in_links, tei_reading, words

pymupdf = pytest.importorskip("pymupdf")

CORPUS = sorted((SHARED / "tei" / "corpus").glob("*.xml"))

#: The elements the issue asks for, each with a rendering of its own in both outputs.
COVERAGE = set("""titlePage docTitle titlePart byline docAuthor docImprint docDate epigraph
front back group floatingText lg l rhyme caesura castList castItem role sp speaker stage
opener closer dateline salute signed postscript address table row cell figure graphic
figDesc list item label head bibl biblStruct listBibl biblScope citedRange ptr ref choice
abbr expan orig reg sic corr ex am add del subst unclear supplied gap damage space
handShift g app lem rdg listWit msDesc note pb cb milestone fw persName placeName orgName
rs name term gloss mentioned soCalled q said foreign""".split())

#: Files whose PDF does not read back as the words were written, with the reason. Typst's
#: own text layer doubles letters under marks, turns Arabic ligatures around and leaves
#: the direction of a space or separator at the edge of a right-to-left run to the reader;
#: that is mended (render/textlayer.py, render/rtlmarks.py).
PDF_ORDER_XFAIL: dict[str, str] = {}
PDF_NOTES_XFAIL: dict[str, str] = {}
#: Files that cannot be typeset as PDF/A yet, with the reason.
PDF_XFAIL: dict[str, str] = {}


def corpus_ids(path: Path) -> str:
    return path.stem


@functools.cache
def tree_of(path: Path) -> etree._ElementTree:
    return parse_tei(path.read_bytes(), path=str(path))


@functools.cache
def html_of(path: Path):
    return html_pages([("doc", tree_of(path))], warn_unhandled=True)


@functools.cache
def pdf_of(path: Path):
    return pdf(tree_of(path), standard="a-3b")


def texts_of(tree: etree._ElementTree) -> list[etree._Element]:
    """The texts of a document: its text, or those of the TEI documents of a teiCorpus."""
    return [t for t in tree.getroot().iter(f"{TEI}text")
            if t.getparent() is not None and t.getparent().tag == f"{TEI}TEI"]


def source_reading(tree: etree._ElementTree) -> tuple[list[str], list[list[str]]]:
    body: list[str] = []
    notes: list[list[str]] = []
    for text in texts_of(tree):
        words_of_text, notes_of_text = tei_reading(text)
        body += words_of_text
        notes += notes_of_text
    return body, notes


def xfail_marks(table: dict[str, str]):
    return [pytest.param(p, marks=pytest.mark.xfail(reason=table[p.name], strict=True))
            if p.name in table else p for p in CORPUS]


@pytest.mark.parametrize("path", CORPUS, ids=corpus_ids)
def test_html_keeps_every_word_in_order(path: Path) -> None:
    page = html.document_fromstring(html_of(path).pages["doc.html"])
    body, notes = source_reading(tree_of(path))
    shown = html_reading(page.xpath("//main")[0])
    assert in_order(body, shown) >= 0.995, f"{path.name}: words lost or out of order"
    everything = html_reading(page.body)
    lost = [note for note in notes if not contains(note, everything)]
    assert not lost, f"{path.name}: notes lost: {lost[:3]}"


@pytest.mark.parametrize("path", CORPUS, ids=corpus_ids)
def test_html_links_arrive_and_every_element_is_handled(path: Path) -> None:
    edition = html_of(path)
    page = html.document_fromstring(edition.pages["doc.html"])
    ids = page.xpath("//@id")
    assert len(ids) == len(set(ids)), "an id is used twice"
    broken = [h for h in page.xpath("//a/@href") if h.startswith("#") and h[1:] not in set(ids)]
    assert not broken, f"{path.name}: internal links that go nowhere: {broken[:5]}"
    unhandled = {m.split()[1] for m in edition.messages if m.startswith("unhandled:")}
    assert not unhandled & COVERAGE, f"{path.name}: unhandled {sorted(unhandled & COVERAGE)}"
    assert links_in_links(edition.pages["doc.html"]) == [], "a link inside a link"


@pytest.mark.parametrize("path", xfail_marks({**PDF_XFAIL, **PDF_NOTES_XFAIL}), ids=corpus_ids)
def test_pdf_typesets_as_pdf_a_with_every_note(path: Path) -> None:
    result = pdf_of(path)
    printed = words(" ".join(page.get_text() for page in
                             pymupdf.open(stream=result.data, filetype="pdf")))
    _, notes = source_reading(tree_of(path))
    lost = [note for note in notes if in_order(note, printed) < 0.99]
    assert not lost, f"{path.name}: notes lost: {lost[:3]}"


@pytest.mark.parametrize("path", xfail_marks({**PDF_XFAIL, **PDF_ORDER_XFAIL}), ids=corpus_ids)
def test_pdf_keeps_every_word_in_order(path: Path) -> None:
    printed = words(" ".join(page.get_text() for page in
                             pymupdf.open(stream=pdf_of(path).data, filetype="pdf")))
    body, _ = source_reading(tree_of(path))
    assert in_order(body, printed) >= 0.99, f"{path.name}: words lost or out of order"


@pytest.mark.parametrize("path", xfail_marks(PDF_XFAIL), ids=corpus_ids)
def test_html_and_pdf_name_and_note_the_same(path: Path) -> None:
    """Every note and every tagged name of the TEI is in the HTML page and in what Typst
    laid out (the build's parity check)."""
    tree = tree_of(path)
    assert parity.check(tree, html_page=html_of(path).pages["doc.html"],
                        pdf_marks=pdf_of(path).marks) == []


def _normalised_dates(tree: etree._ElementTree) -> list[str]:
    """The dates of the texts with a normalised value (where the chronology places them)."""
    starts = []
    for text in texts_of(tree):
        for date in text.iter(f"{TEI}date"):
            for attr in ("when", "from", "notBefore", "when-iso", "from-iso", "notBefore-iso"):
                value = (date.get(attr) or "").strip()
                if value[:1] == "-" and value[1:5].isdigit() or value[:4].isdigit():
                    starts.append(value)
                    break
    return starts


@pytest.mark.parametrize("path", CORPUS, ids=corpus_ids)
def test_the_chronology_has_every_normalised_date_once_in_order(path: Path) -> None:
    """Issue 17: the chronology of an edition of each corpus file lists each of its dates
    with a normalised value once, in date order, linked to a place of the page."""
    page = html.document_fromstring(html_of(path).pages["chronology.html"])
    listed = page.xpath("//ol[@class='dated']/li")
    assert len(listed) == len(_normalised_dates(tree_of(path)))
    years = [int(s.get("id").removeprefix("year-")) for s in page.xpath("//section[@class='year']")]
    assert years == sorted(years)
    ids = set(html.document_fromstring(html_of(path).pages["doc.html"]).xpath("//@id"))
    assert all(a.get("href").split("#")[1] in ids for li in listed for a in li.xpath("a"))
