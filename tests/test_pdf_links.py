"""Links in the PDF to other documents of the edition (issue 13): in the edition's book they
go to the place in the other text (or to its start); in a text's own PDF, to the other's
PDF file beside it, as `teiedition build` names it (pdf/NAME.pdf)."""

from __future__ import annotations

import io

import pytest
from lxml import etree

from teiedition.workflow import BuildOptions, build
from teiedition.render import PdfContents, edition_book, pdf

from conftest import shared_path

pymupdf = pytest.importorskip("pymupdf")
pypdf = pytest.importorskip("pypdf")
HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt>'
        '<title>{}</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>'
        '<p>x</p></sourceDesc></fileDesc></teiHeader><text><body>')
FILLER = "".join(f"<p>Filler paragraph {i} " + "with more words " * 70 + "</p>" for i in range(4))


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, etree._ElementTree]]:
    """Two texts that point at each other, and share an id (each its own element)."""
    one = HEAD.format("One") + (
        '<p>See <ref target="two.xml#far">the far letter</ref>, <ref target="two.xml">the '
        'second text</ref>, <ref target="two.xml#missing">a lost place</ref>, <ref '
        'target="three.xml#x">a text outside</ref> and <ref target="#same">our own</ref>.</p>'
        + FILLER + '<p xml:id="same">The same id in one.</p></body></text></TEI>')
    two = HEAD.format("Two") + (
        '<p xml:id="same">The same id in two. Back to <ref target="one.xml#same">the first'
        '</ref>; <ref target="#same">here</ref>.</p>' + FILLER +
        '<p xml:id="far">The far letter itself.</p></body></text></TEI>')
    return [("one", etree.ElementTree(etree.fromstring(one))),
            ("two", etree.ElementTree(etree.fromstring(two)))]


def page_with(document, text: str) -> int:
    return next(i for i, page in enumerate(document) if text in " ".join(page.get_text().split()))


def links_from(document, text: str) -> dict[str, int]:
    """The links of the page with ``text``: the linked words, and the page (0-based) each
    goes to (a link broken across lines is one; a link to a heading is a named
    destination)."""
    page = document[page_with(document, text)]
    found: dict[str, int] = {}
    last = None
    for link in page.get_links():
        if link["kind"] not in (pymupdf.LINK_GOTO, pymupdf.LINK_NAMED):
            continue
        words = " ".join(page.get_textbox(link["from"]).split())
        if last is not None and last[1] == link["page"] and link["from"].y0 > last[2]:
            del found[last[0]]  # the rest of a link broken across a line
            words = f"{last[0]} {words}"
        found[words] = link["page"]
        last = (words, link["page"], link["from"].y1 - 1)
    return found


def test_in_the_edition_book_links_go_to_the_other_text(texts) -> None:
    printed = pdf(edition_book(texts), standard="a-3b",
                  contents=PdfContents(documents=("one", "two")))
    document = pymupdf.open(stream=printed.data, filetype="pdf")
    two_starts = page_with(document, "The same id in two")
    links = links_from(document, "See the far letter")
    assert links == {"the far letter": page_with(document, "The far letter itself"),
                     "the second text": two_starts, "a lost place": two_starts,
                     "our own": page_with(document, "The same id in one")}
    assert page_with(document, "The far letter itself") > two_starts
    # Back from the second text, and to its own element of the shared id.
    assert links_from(document, "Back to the first") == {
        "the first": page_with(document, "The same id in one"), "here": two_starts}
    # A text outside the edition is no link, and no file link is made in the book.
    page = document[page_with(document, "See the far letter")]
    assert {link["kind"] for link in page.get_links()} == {pymupdf.LINK_GOTO, pymupdf.LINK_NAMED}


def remote_links(data: bytes, text: str) -> list[tuple[str, object]]:
    """The links to other PDFs of the page with ``text``: file and destination (a name, or
    a page and fit)."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    page = next(p for p in reader.pages if text in " ".join(p.extract_text().split()))
    actions = [a.get_object().get("/A", {}) for a in page.get("/Annots", [])]
    return [(a["/F"], a["/D"]) for a in actions if a.get("/S") == "/GoToR"]


def test_in_a_texts_own_pdf_links_go_to_the_element_in_the_other_pdf(texts) -> None:
    """Typst 0.15 names only labelled headings: teiedition names a destination for each
    element with an id (render/destinations.py), and a link to another text's element is a
    remote go-to to that file and name; without a fragment, to its first page."""
    contents = PdfContents(documents=("one", "two"))
    one = pdf(texts[0][1], standard="a-3b", contents=contents)
    assert remote_links(one.data, "See the far letter") == [
        ("two.pdf", "far"), ("two.pdf", [0, "/Fit"]), ("two.pdf", "missing")]
    two = pymupdf.open(stream=pdf(texts[1][1], standard="a-3b", contents=contents).data,
                       filetype="pdf")
    names = two.resolve_names()
    assert names["far"]["page"] == page_with(two, "The far letter itself")
    assert names["same"]["page"] == page_with(two, "The same id in two")
    assert "missing" not in names  # (a reader opens the file at its start)
    link = next(link for link in pymupdf.open(stream=one.data, filetype="pdf")[
        page_with(pymupdf.open(stream=one.data, filetype="pdf"), "See the far letter")
    ].get_links() if "far" in link.get("file", ""))
    assert link["file"] == "two.pdf#nameddest=far"  # as MuPDF reads a remote named go-to
    # Without the edition's documents (`teiedition pdf` of one file), the text only.
    alone = pdf(texts[0][1], standard="none")
    assert "two.pdf" not in alone.typst_source and "#doc-link" not in alone.typst_source
    # (It names only the places its own links go to: in an edition, every id.)
    assert set(pymupdf.open(stream=alone.data, filetype="pdf").resolve_names()) == {"same"}


def test_build_links_the_texts_pdfs_and_the_book(texts, tmp_path) -> None:
    """`build`: each text's PDF links the other's PDF file, the book the place in it, and
    the book has the chronology with --chronology (the TEI files are the editor's own,
    valid against tei_all)."""
    tei_all = shared_path("tei", "tei_all.rng")
    out = tmp_path / "out"
    (out / "tei").mkdir(parents=True)
    (tmp_path / "edition").mkdir()
    for stem, tree in texts:
        tree.write(str(out / "tei" / f"{stem}.xml"), xml_declaration=True, encoding="UTF-8")
    options = BuildOptions(date="2026-01-15", edition_pdf=True, chronology=True,
                           schemas=(str(tei_all),))
    report = build(tmp_path / "edition", out, options)
    assert report.ok, report.problems
    assert [file for file, _ in remote_links((out / "pdf" / "one.pdf").read_bytes(),
                                             "See the far letter")] == ["two.pdf"] * 3
    second = pymupdf.open(out / "pdf" / "two.pdf")
    assert second.resolve_names()["far"]["page"] == page_with(second, "The far letter itself")
    book = pymupdf.open(out / "edition.pdf")
    assert links_from(book, "See the far letter")["the far letter"] == page_with(
        book, "The far letter itself")
    assert any(page.get_text().lstrip("0123456789 \n").startswith("Edition\nChronology")
               or "\nChronology\n" in page.get_text() for page in book)


def test_named_destinations_join_typsts_own_in_one_sorted_tree() -> None:
    """Many names (more than a leaf of the name tree holds) and Typst's own name for a
    labelled heading are all found; a name keeps its page and point."""
    import typst
    from teiedition.render.destinations import link_destinations
    data = typst.compile(io.BytesIO(b"= Start <start>\nOne\n#pagebreak()\nTwo").getvalue(),
                         format="pdf")
    anchors = [{"id": f"p{i}", "page": 1 + i % 2, "x": 10.0, "y": 20.0 + i % 50}
               for i in range(1200)] + [{"id": "lost", "page": 9, "x": 0.0, "y": 0.0}]
    named = link_destinations(data, anchors)
    assert named.startswith(data) and named == link_destinations(data, anchors)
    names = pymupdf.open(stream=named, filetype="pdf").resolve_names()
    assert set(names) == {f"p{i}" for i in range(1200)} | {"start"}
    assert names["p7"]["page"] == 1 and names["p8"]["page"] == 0
    page_height = pymupdf.open(stream=named, filetype="pdf")[0].rect.height
    # (Typst measures from the page's top, a PDF from its bottom.)
    assert names["p8"]["to"] == pytest.approx((10.0, page_height - 28.0), abs=0.01)
    assert link_destinations(data, []) == data


def test_in_the_edition_book_a_link_reaches_a_text_that_is_a_teicorpus() -> None:
    """A text of the edition may be a teiCorpus (a parliament's sessions): a link to it
    arrives at its first session, a link to an element of it at that element."""
    session = ('<TEI><teiHeader><fileDesc><titleStmt><title>Session {n}</title></titleStmt>'
               '<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>'
               '</fileDesc></teiHeader><text><body><p xml:id="s{n}">Session {n} opened.</p>'
               + FILLER + '</body></text></TEI>')
    sessions = ('<teiCorpus xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc>'
                '<titleStmt><title>The sessions</title></titleStmt><publicationStmt><p>x</p>'
                '</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>'
                + session.format(n=1) + session.format(n=2) + '</teiCorpus>')
    one = HEAD.format("One") + ('<p>See <ref target="sessions.xml">the sessions</ref> and '
                                '<ref target="sessions.xml#s2">the second</ref>.</p>'
                                '</body></text></TEI>')
    texts = [("one", etree.ElementTree(etree.fromstring(one))),
             ("sessions", etree.ElementTree(etree.fromstring(sessions)))]
    printed = pdf(edition_book(texts), standard="none",
                  contents=PdfContents(documents=("one", "sessions")))
    document = pymupdf.open(stream=printed.data, filetype="pdf")
    assert links_from(document, "See the sessions") == {
        "the sessions": page_with(document, "Session 1 opened"),
        "the second": page_with(document, "Session 2 opened")}
