"""Patterns of real TEI beyond the shared corpus (issue 13), each reproduced in a small
fixture: files of the TEI Stylesheets' tests, TEI Publisher's samples and the Scholarly
Editing and Cody archives rendered whole lost words or order, or made an HTML page with an
id twice, in these ways."""

from __future__ import annotations

from collections import Counter

import pytest
from lxml import etree, html

from teiedition.render import html_pages, pdf

from reading import TEI, html_reading, in_order, tei_reading, words

pymupdf = pytest.importorskip("pymupdf")

H = ('<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>'
     'x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>')


def tei(body: str, root: str = "TEI") -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(
        f'<{root} xmlns="http://www.tei-c.org/ns/1.0">{H}<text><body>{body}</body></text>'
        f'</{root}>'))


def page_of(tree: etree._ElementTree) -> html.HtmlElement:
    return html.document_fromstring(html_pages([("doc", tree)]).pages["doc.html"])


def printed(tree: etree._ElementTree) -> list[str]:
    return words(" ".join(p.get_text() for p in
                          pymupdf.open(stream=pdf(tree, standard="none").data, filetype="pdf")))


def body_words(tree: etree._ElementTree) -> list[str]:
    found: list[str] = []
    for text in tree.getroot().iter(f"{TEI}text"):
        if text.getparent().tag == f"{TEI}TEI":
            found += tei_reading(text)[0]
    return found


def test_a_captioned_table_longer_than_a_page_keeps_every_row_in_the_pdf() -> None:
    """A table with a head is a figure in Typst, and a figure did not break across pages:
    the rows past the first page's foot were cut off (a table of editions lost 17% of its
    words)."""
    cell = "<cell>{}</cell>"
    rows = "".join(f"<row><cell>{i}</cell>" + cell.format("word%d " % i * 60) * 2 + "</row>"
                   for i in range(12))
    tree = tei(f"<table><head>Editions</head>{rows}</table>")
    assert not Counter(body_words(tree)) - Counter(printed(tree))


def test_a_tei_element_holding_tei_documents_prints_them_all() -> None:
    """TEI P5 lets a TEI element hold TEI documents (a corpus without teiCorpus); the PDF
    printed the outer header alone."""
    inner = "".join(f'<TEI>{H}<text><body><p>text {n} of the corpus</p></body></text></TEI>'
                    for n in ("one", "two"))
    tree = etree.ElementTree(etree.fromstring(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{H}{inner}</TEI>'))
    assert in_order(body_words(tree), printed(tree)) == 1.0
    assert in_order(body_words(tree), html_reading(page_of(tree).xpath("//main")[0])) == 1.0


def test_a_figures_heads_stay_where_the_source_has_them() -> None:
    """A map in the Cody archive (heads, then the legend's ab) came out legend first in the
    page, with a figcaption per head (HTML allows one), and its title last in the PDF; a
    letterhead's figure has its text, then its head."""
    tree = tei('<figure><head>CODY</head><head type="sub">being a subdivision</head>'
               '<ab>Scale 50 feet</ab><head>Legend</head><figDesc>A map.</figDesc></figure>'
               '<figure><p>Col. W. F. Cody, President.</p><head>Plate one</head>'
               '<head>second line</head></figure>')
    page = page_of(tree)
    assert html_reading(page.xpath("//main")[0]) == body_words(tree)
    assert in_order(body_words(tree), printed(tree)) == 1.0
    first, second = page.xpath("//figure")
    assert [c.tag for c in first.xpath("figcaption")] == ["figcaption"] == [first[0].tag]
    assert "Legend" not in first[0].text_content()
    assert len(second.xpath("figcaption")) == 1 and second[-1].tag == "figcaption"


def test_several_rend_words_each_give_their_look() -> None:
    """hi rend="bold italic" matched the bold and the italic template at once: Saxon kept
    one of them (and warned)."""
    tree = tei('<p><hi rend="bold italic">both</hi> and <hi rend="italic sup">up</hi></p>')
    classes = page_of(tree).xpath("//main//span[@class][contains(., 'both')]/@class")
    assert {"rend-bold", "rend-italic"} <= set(" ".join(classes).split())
    source = pdf(tree, standard="none").typst_source
    assert '#tei-hi("bold italic")' in source and '#tei-hi("italic sup")' in source


def test_a_note_printed_in_the_line_is_set_apart_from_the_word_before_it() -> None:
    """A note with @place="inline" right after a word ("amet<note place='inline'>Inline
    note</note>") read as one word with the note's first: "ametInline"."""
    tree = tei('<p>dolor sit amet<note place="inline">Inline note</note> ipsum</p>')
    assert "Inline" in html_reading(page_of(tree).xpath("//main")[0])
    assert "Inline" in printed(tree)


@pytest.mark.parametrize("element", [
    '<divGen type="toc"/>',  # a table of contents for the processor (the edition has one)
    '<p><notatedMusic><ptr target="a.mei"/><label>Example 34</label></notatedMusic></p>',
])
def test_elements_real_files_use_are_known(element: str) -> None:
    """Elements of TEI's modules in real files that the element table did not know."""
    tree = tei(element + "<p>text</p>")
    edition = html_pages([("doc", tree)], warn_unhandled=True)
    assert not [m for m in edition.messages if m.startswith("unhandled:")]
    assert in_order(body_words(tree), html_reading(page_of(tree).xpath("//main")[0])) == 1.0


def test_index_entries_are_no_words_of_the_text() -> None:
    """index/term marks a place for a back-of-book index (files converted from Word have one
    after each indexed word): its terms are not read in the line, in either output."""
    tree = tei('<p>about the Web<index indexName="XE"><term>Web</term><index><term>Web '
               'service</term></index></index>, and bugs</p>')
    expected = ["about", "the", "Web", "and", "bugs"]
    assert body_words(tree) == expected
    assert html_reading(page_of(tree).xpath("//main")[0]) == expected
    assert in_order(expected, printed(tree)) == 1.0 and "service" not in printed(tree)


def test_readings_of_equal_standing_are_parted_in_the_text() -> None:
    """A choice of a reading and a segment (a Polish letter's French phrase and its
    translation) showed them as one word: the slash between them was drawn by the CSS."""
    tree = tei('<p>les moyen de <choice><orig>plaire</orig><seg xml:lang="pl">sposoby'
               '</seg></choice> etc</p>')
    shown = html_reading(page_of(tree).xpath("//main")[0])
    assert shown == ["les", "moyen", "de", "plaire", "sposoby", "etc"]


def test_a_correction_inside_a_word_keeps_it_one_word() -> None:
    """The Dantiscus letters indent a choice inside a word ("co" + corr "n" + "fichado"):
    the white space between its readings is layout, in the reading as in the page."""
    tree = tei('<p>por averse co<choice>\n   <corr>n</corr>\n   <sic/>\n  </choice>fichado de'
               ' alla</p>')
    expected = ["por", "averse", "confichado", "de", "alla"]
    assert body_words(tree) == expected
    assert html_reading(page_of(tree).xpath("//main")[0]) == expected


def test_a_table_inside_a_paragraph_keeps_its_cells_words_apart() -> None:
    """A table in a paragraph (the TEI Stylesheets' maria.xml, converted from LaTeX: a
    legend of symbols) is spans with the table's roles; its cells' words ran together."""
    tree = tei('<p>where <table rend="inline"><row><cell>z</cell><cell>charge</cell></row>'
               '<row><cell>N</cell><cell>number</cell></row></table> end</p>')
    assert html_reading(page_of(tree).xpath("//main")[0]) == body_words(tree)


def test_mathml_in_a_formula_is_mathml_in_the_page_and_its_text_in_print() -> None:
    """Files converted from LaTeX (maria.xml) hold MathML in formula: every MathML element
    was an unknown one. The page keeps it as MathML (without what could load or run
    anything), the PDF its text."""
    m = "http://www.w3.org/1998/Math/MathML"
    tree = tei(f'<p>parameter <formula notation="MathML"><math xmlns="{m}"><mrow>'
               '<mi href="javascript:alert(1)" onclick="x()">κ</mi><mo>=</mo><mfrac><mi>ξ</mi>'
               '<mi>E</mi></mfrac></mrow></math></formula> end</p>')
    edition = html_pages([("doc", tree)], warn_unhandled=True)
    assert not [m for m in edition.messages if m.startswith("unhandled:")]
    page = html.document_fromstring(edition.pages["doc.html"])
    math = page.xpath("//main//*[local-name() = 'math']")
    assert len(math) == 1 and math[0].xpath(".//*[local-name() = 'mfrac']")
    assert not math[0].xpath(".//@href | .//@onclick")
    assert in_order(body_words(tree), printed(tree)) == 1.0


def test_a_character_the_file_does_not_give_keeps_its_word_whole_in_print() -> None:
    """EEBO-TCP texts (TEI Simple's tests, the TEI Stylesheets' A54031) mark each line-end
    hyphen as g ref="char:EOLhyphen", a character no charDecl of the file gives: the PDF
    printed a ◌ that parted "Po◌stures" into two words (the page draws its mark with CSS)."""
    tree = tei('<p>showne the Po<g ref="char:EOLhyphen"/>ſtures both, and <g ref="#nope"/>'
               ' alone</p>')
    assert in_order(body_words(tree), printed(tree)) == 1.0
    assert in_order(body_words(tree), html_reading(page_of(tree).xpath("//main")[0])) == 1.0


def test_the_parts_of_a_cast_item_are_words_apart() -> None:
    """A cast item's parts with nothing between them ran together in both outputs: the
    role and its description ("Tom, a boy" since sweep B), the description and the actor
    ("sonMr X")."""
    tree = tei('<castList><castItem><role>ROMEO</role><roleDesc>son</roleDesc><actor>Mr X'
               '</actor></castItem><castItem><role>JULIET</role>, <roleDesc>daughter'
               '</roleDesc></castItem></castList>')
    assert html_reading(page_of(tree).xpath("//main")[0]) == body_words(tree)
    assert in_order(body_words(tree), printed(tree)) == 1.0


def test_the_letter_of_a_correction_inside_a_word_follows_the_word_in_print() -> None:
    """The PDF puts the source's reading of a choice in a lettered note; the letter stood
    inside the word ("con" + "c" + "fichado") and parted it in two, also where the choice
    is indented as the Dantiscus letters indent it (its white space is layout)."""
    tree = tei('<p>por averse co<choice>\n  <corr>n</corr>\n  <sic/>\n </choice>fichado de alla,'
               ' y esta<choice><corr>do</corr><sic/></choice> de <choice><expan>V<ex>uestra</ex>'
               '</expan><abbr>V.</abbr></choice> Señoria</p>')
    assert in_order(body_words(tree), printed(tree)) == 1.0
    source = pdf(tree, standard="none").typst_source
    assert "fichado#reading-note(" in source and source.count("#reading-note(") == 3
