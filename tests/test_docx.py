"""Word documents (.docx) to TEI: the shared corpus of real documents, and small documents
made here for what it lacks (tracked changes, comments, custom note marks, nested lists,
merged cells, right-to-left text) and for hostile input."""

from __future__ import annotations

import csv
import io
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition import to_bytes
from teiedition.convert.docx import read_docx
from teiedition.errors import InputError
from teiedition.pipeline import convert_word
from teiedition.tei import Provenance
from teiedition.validate import Validator

from conftest import SHARED, shared_path
from wordfixtures import image_run, make_docx, para

TEI_NS = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI_NS}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
DOCX = SHARED / "docx"
MANIFEST = list(csv.DictReader((DOCX / "MANIFEST.tsv").open(encoding="utf-8"), delimiter="\t")) \
    if (DOCX / "MANIFEST.tsv").exists() else []

#: Where this converter and the manifest's counting script rightly disagree, and why.
HEADING_ADJUST = {
    # "Myheading2" is based on Heading 2: a heading by its outline level (the manifest
    # counts style names that begin with "heading").
    "pandoc_smart_tags.docx": 1,
    # "Author" is based on Title: it heads the document with the title.
    "teic_docx2tei_guide.docx": 1,
}
ITEM_ADJUST = {
    # The manifest counts every paragraph numbered through its style; numbered headings are
    # heads, and the Subtitle's style carries a numPr without a number.
    "teic_rtf2tei_sl.docx": -3,
    "teic_docx2tei_guide.docx": -1,
}


@pytest.fixture(scope="module")
def tei_all() -> Validator:
    return Validator([str(shared_path("tei", "tei_all.rng"))])


@pytest.fixture(scope="module")
def project() -> Validator:
    return Validator(["project"])


def convert_bytes(data: bytes, seed_meta, **options):
    return convert_word(data, seed_meta, Provenance("doc.docx", "2026-01-15", "0.1.0"),
                        **options)


def body_words(tree: etree._ElementTree) -> list[str]:
    """The words of the TEI body in order: notes and image descriptions left out, every
    block and break a word boundary."""
    out: list[str] = []
    blocks = {f"{{{TEI_NS}}}{name}" for name in ("p", "head", "item", "cell", "quote", "row",
                                                  "list", "table", "figure", "div")}

    def walk(el: etree._Element) -> None:
        skip = el.tag in (f"{{{TEI_NS}}}note", f"{{{TEI_NS}}}figDesc")
        if not skip:
            if el.tag in blocks or el.tag in (f"{{{TEI_NS}}}lb", f"{{{TEI_NS}}}pb"):
                out.append(" ")
            out.append(el.text or "")
            for child in el:
                walk(child)
            if el.tag in blocks:
                out.append(" ")
        out.append(el.tail or "")

    walk(tree.getroot().find(f".//{{{TEI_NS}}}body"))
    return "".join(out).split()


def word_words(data: bytes) -> list[str]:
    """The words of a Word body as Word shows them with changes accepted, read directly:
    the text of each paragraph (tabs and breaks are spaces, deleted and moved-away text
    left out, a paragraph whose mark was deleted joined to the next)."""
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
    removed = (W + "del", W + "moveFrom", MC_FALLBACK)

    def owner(el: etree._Element) -> etree._Element | None:
        """The paragraph whose text ``el`` is, None when deleted or in a fallback."""
        for ancestor in el.iterancestors():
            if ancestor.tag in removed:
                return None
            if ancestor.tag == W + "p":
                return ancestor
        return None

    words: list[str] = []
    carried = ""
    for p in root.iter(W + "p"):
        if owner(p) is None and any(a.tag in removed for a in p.iterancestors()):
            continue
        text = carried + "".join((el.text or "") if el.tag == W + "t" else " "
                                 for el in p.iter(W + "t", W + "tab", W + "br", W + "cr")
                                 if owner(el) is p)
        if p.find(f"{W}pPr/{W}rPr/{W}del") is not None:
            carried = text
            continue
        carried = ""
        words.extend(text.split())
    return words


@pytest.mark.parametrize("row", MANIFEST, ids=lambda r: r["file"])
def test_shared_documents_convert_completely_and_validly(row, seed_meta, project, tei_all):
    data = shared_path("docx", row["file"]).read_bytes()
    result = convert_bytes(data, seed_meta)
    out = to_bytes(result.tree)
    assert project.check_bytes(out, row["file"]).problems == ()
    assert tei_all.check_bytes(out, row["file"]).problems == ()
    tree = etree.ElementTree(etree.fromstring(out))
    body = tree.getroot().find(f".//{{{TEI_NS}}}body")

    def count(xpath: str) -> int:
        return len(body.xpath(xpath, namespaces=NS))

    assert count(".//t:note[@place='foot']") == int(row["footnotes"])
    assert count(".//t:note[@place='end']") == int(row["endnotes"])
    assert count(".//t:table") == int(row["tables"])
    assert count(".//t:figure") == int(row["images"])
    assert count(".//t:head[not(@type)]") == int(row["headings"]) + HEADING_ADJUST.get(
        row["file"], 0)
    assert count(".//t:item") == int(row["list_items"]) + ITEM_ADJUST.get(row["file"], 0)
    # Every note has its text.
    assert all("".join(n.itertext()).strip() for n in body.iter(f"{{{TEI_NS}}}note"))
    # Every word of the text, in order (moved text once, at its new place).
    words = body_words(tree)
    assert words == word_words(data)
    moved = re.search(r"words include (\d+) word\(s\) in w:moveFrom", row["notes"])
    assert len(words) == int(row["words"]) - (int(moved.group(1)) if moved else 0) - (
        1 if row["file"] == "pandoc_para_ins_del.docx" else 0)  # two words joined by Word
    # Every image is written beside the TEI and pointed to.
    urls = [g.get("url") for g in body.iter(f"{{{TEI_NS}}}graphic")]
    assert sorted(set(urls)) == sorted(url for url, _ in result.media)
    assert all(url.startswith("media/") and data for url, data in result.media)


def test_paragraph_mark_deletion_joins_paragraphs_as_word_does(seed_meta):
    data = shared_path("docx", "pandoc_para_ins_del.docx").read_bytes()
    texts = [p.xpath("string()") for p in convert_bytes(data, seed_meta).tree.iter(
        f"{{{TEI_NS}}}p") if p.getparent().tag == f"{{{TEI_NS}}}div"]
    assert texts == ["This is a", " splitParagraph."]


def test_a_drop_cap_is_the_first_letter_of_its_paragraph(seed_meta):
    """Word sets a drop cap in a paragraph of its own (a frame, w:framePr/@w:dropCap): the
    letter belongs to the next paragraph, and the word is whole."""
    def drop_cap(letter: str, where: str) -> str:
        return (f'<w:p><w:pPr><w:framePr w:dropCap="{where}" w:lines="3"/></w:pPr>'
                f'<w:r><w:t>{letter}</w:t></w:r></w:p>')
    body = (drop_cap("D", "drop") + para("rop cap.") + para("Next.") + drop_cap("I", "margin")
            + para("n the margin.") + drop_cap("A", "drop") + "<w:tbl><w:tr><w:tc>"
            + para("cell") + "</w:tc></w:tr></w:tbl>")
    body_el = body_of(tei_of(make_docx(body), seed_meta))
    texts = [el.xpath("string()") for el in body_el.iter(f"{{{TEI_NS}}}p")]
    assert texts == ["Drop cap.", "Next.", "In the margin.", "A"]
    # With nothing to join to, the letter stays in its place, before the table.
    assert body_el.find(f".//{{{TEI_NS}}}div/{{{TEI_NS}}}p[4]").getnext().tag == \
        f"{{{TEI_NS}}}table"


def tei_of(data: bytes, seed_meta, **options) -> etree._Element:
    return etree.fromstring(to_bytes(convert_bytes(data, seed_meta, **options).tree))


def body_of(root: etree._Element) -> etree._Element:
    return root.find(f".//{{{TEI_NS}}}body")


def xml(el: etree._Element) -> str:
    return etree.tostring(el, encoding="unicode", with_tail=False).replace(f' xmlns="{TEI_NS}"', "")


def flat(text: str) -> str:
    """Element-only XML without the indentation between its elements."""
    return re.sub(r">\s+<", "><", text)


def run(text: str, rpr: str = "") -> str:
    return f'<w:r><w:rPr>{rpr}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


TRACKED = ('<w:p><w:r><w:t xml:space="preserve">The </w:t></w:r>'
           '<w:del w:id="1" w:author="Ada Lovelace" w:date="2024-02-01T09:00:00Z"><w:r>'
           '<w:delText>old</w:delText></w:r></w:del>'
           '<w:ins w:id="2" w:author="Ada Lovelace" w:date="2024-02-01T09:05:00Z"><w:r>'
           '<w:t>new</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> text.</w:t></w:r></w:p>')


def test_tracked_changes_are_accepted_by_default(seed_meta):
    body = body_of(tei_of(make_docx(TRACKED), seed_meta))
    assert body.xpath("string(.//t:p)", namespaces=NS) == "The new text."
    assert not body.xpath(".//t:add | .//t:del", namespaces=NS)


def test_tracked_changes_as_markup_name_their_author_and_date(seed_meta, project, tei_all):
    result = convert_bytes(make_docx(TRACKED), seed_meta, changes="markup")
    out = to_bytes(result.tree)
    root = etree.fromstring(out)
    p = body_of(root).find(f".//{{{TEI_NS}}}p")
    assert xml(p).startswith('<p xml:id="p1">The <del resp="#rev-ada-lovelace" change="#ch1">'
                             'old</del><add resp="#rev-ada-lovelace" change="#ch2">new</add>')
    assert root.xpath("//t:titleStmt/t:respStmt/t:name[@xml:id='rev-ada-lovelace']/text()",
                      namespaces=NS) == ["Ada Lovelace"]
    assert root.xpath("//t:revisionDesc/t:change[@xml:id='ch2']/@when", namespaces=NS) == [
        "2024-02-01T09:05:00Z"]
    assert project.check_bytes(out, "changes").problems == ()
    assert tei_all.check_bytes(out, "changes").problems == ()


COMMENTED = ('<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>Commented text.</w:t></w:r>'
             '<w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>')
COMMENTS = {"0": ("Grace Hopper", '<w:p><w:r><w:t>Check this.</w:t></w:r></w:p>')}


def test_comments_are_dropped_with_a_warning(seed_meta):
    result = convert_bytes(make_docx(COMMENTED, comments=COMMENTS), seed_meta)
    assert [f.code for f in result.document.findings] == ["comments-dropped"]
    assert "Check this" not in to_bytes(result.tree).decode()


def test_comments_can_be_kept_as_notes(seed_meta, project):
    result = convert_bytes(make_docx(COMMENTED, comments=COMMENTS), seed_meta, comments="keep")
    out = to_bytes(result.tree)
    note = body_of(etree.fromstring(out)).find(f".//{{{TEI_NS}}}note")
    assert xml(note) == ('<note xml:id="n1" type="comment" resp="#rev-grace-hopper">'
                         'Check this.</note>')
    assert project.check_bytes(out, "comments").problems == ()


def test_notes_stand_at_their_reference_numbered_as_word_numbers_them(seed_meta, project):
    body = ('<w:p><w:r><w:t>First</w:t></w:r><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            '</w:rPr><w:footnoteReference w:id="1"/></w:r>'
            '<w:r><w:t xml:space="preserve"> starred</w:t></w:r>'
            '<w:r><w:footnoteReference w:customMarkFollows="1" w:id="2"/></w:r>'
            '<w:r><w:t>*</w:t></w:r><w:r><w:t xml:space="preserve"> second</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="3"/></w:r><w:r><w:t xml:space="preserve"> end'
            '</w:t></w:r><w:r><w:endnoteReference w:id="1"/></w:r></w:p>')
    note = '<w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {}</w:t></w:r></w:p>'
    data = make_docx(body, footnotes={"1": note.format("One."), "2": note.format("Star."),
                                      "3": note.format("Two.") + note.format("More.")},
                     endnotes={"1": note.format("End.")})
    result = convert_bytes(data, seed_meta)
    p = body_of(etree.fromstring(to_bytes(result.tree))).find(f".//{{{TEI_NS}}}p")
    assert xml(p) == (
        '<p xml:id="p1">First<note xml:id="n1" n="1" place="foot" type="authorial">One.</note>'
        ' starred<note xml:id="n2" n="*" place="foot" type="authorial">Star.</note> second'
        '<note xml:id="n3" n="2" place="foot" type="authorial"><p xml:id="n3p1">Two.</p>'
        '<p xml:id="n3p2">More.</p></note> end<note xml:id="n4" n="i" place="end" '
        'type="authorial">End.</note></p>')
    assert project.check_bytes(to_bytes(result.tree), "notes").problems == ()


def test_headings_nest_divisions_and_quotations_become_quote(seed_meta):
    body = (para("The Title", "Title") + para("Intro.") + para("One", "Berschrift1")
            + para("Text one.") + para("One.One", "Berschrift2") + para("Quoted.", "Zitat")
            + para("Two", "Berschrift1") + para("Text two."))
    div = body_of(tei_of(make_docx(body), seed_meta))[0]
    assert [xml(child) for child in div][:2] == ['<head>The Title</head>',
                                                 '<p xml:id="p1">Intro.</p>']
    assert div.xpath("t:div/t:head/text()", namespaces=NS) == ["One", "Two"]
    assert div.xpath("t:div[1]/t:div/t:head/text()", namespaces=NS) == ["One.One"]
    assert div.xpath("t:div[1]/t:div/t:quote[@rend='block']/text()", namespaces=NS) == [
        "Quoted."]


def test_nested_lists(seed_meta):
    body = (para("First", num=(1, 0)) + para("Bullet", num=(1, 1)) + para("Letter", num=(1, 2))
            + para("Second", num=(1, 0)) + para("After."))
    div = body_of(tei_of(make_docx(body, numbering=True), seed_meta))[0]
    assert flat(xml(div[0])) == (
        '<list rend="numbered"><item><p xml:id="p1">First</p><list rend="bulleted"><item>'
        '<p xml:id="p2">Bullet</p><list rend="numbered"><item>Letter</item></list></item>'
        '</list></item><item>Second</item></list>')
    assert xml(div[1]) == '<p xml:id="p3">After.</p>'


def test_adjacent_lists_of_another_numbering_are_two_lists(seed_meta):
    body = para("A", num=(1, 0)) + para("B", num=(2, 0)) + para("B.a", num=(1, 1))
    div = body_of(tei_of(make_docx(body, numbering=True), seed_meta))[0]
    assert [flat(xml(el)) for el in div] == [
        '<list rend="numbered"><item>A</item></list>',
        '<list rend="numbered"><item><p xml:id="p1">B</p><list rend="bulleted"><item>B.a</item>'
        '</list></item></list>']


def test_tables_keep_merged_cells_and_header_rows(seed_meta, project, tei_all):
    def cell(text: str, tcpr: str = "") -> str:
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(text) if text else '<w:p/>'}</w:tc>"
    body = ('<w:tbl><w:tr><w:trPr><w:tblHeader/></w:trPr>'
            + cell("Wide", '<w:gridSpan w:val="2"/>') + cell("C") + "</w:tr><w:tr>"
            + cell("Tall", '<w:vMerge w:val="restart"/>') + cell("B2") + cell("C2")
            + "</w:tr><w:tr>" + cell("", "<w:vMerge/>") + cell("B3") + cell("C3")
            + "</w:tr></w:tbl>")
    out = to_bytes(convert_bytes(make_docx(body), seed_meta).tree)
    table = etree.fromstring(out).find(f".//{{{TEI_NS}}}table")
    assert flat(xml(table)) == (
        '<table><row role="label"><cell cols="2">Wide</cell><cell>C</cell></row><row>'
        '<cell rows="2">Tall</cell><cell>B2</cell><cell>C2</cell></row><row><cell>B3</cell>'
        '<cell>C3</cell></row></table>')
    assert project.check_bytes(out, "table").problems == ()
    assert tei_all.check_bytes(out, "table").problems == ()


def test_merged_cells_are_found_by_their_column_in_the_grid(seed_meta):
    """A row that begins after a grid column (w:gridBefore) still merges down its column;
    a cell marked as merged with nothing above it to merge into keeps its text."""
    def cell(text: str, tcpr: str = "") -> str:
        return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{para(text) if text else '<w:p/>'}</w:tc>"
    body = ('<w:tbl><w:tr>' + cell("A1") + cell("Tall", '<w:vMerge w:val="restart"/>')
            + '</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>'
            + cell("", "<w:vMerge/>") + '</w:tr><w:tr>' + cell("Orphan", "<w:vMerge/>")
            + cell("B3") + '</w:tr></w:tbl>')
    table = body_of(tei_of(make_docx(body), seed_meta)).find(f".//{{{TEI_NS}}}table")
    assert flat(xml(table)) == ('<table><row><cell>A1</cell><cell rows="2">Tall</cell></row>'
                                '<row><cell>Orphan</cell><cell>B3</cell></row></table>')


def test_rows_and_cells_in_content_controls_are_kept(seed_meta):
    """Word wraps a form field's cell (or a repeating section's rows) in w:sdt: its text is
    the table's like any other cell's."""
    def sdt(inner: str) -> str:
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{inner}</w:sdtContent></w:sdt>"
    body = ("<w:tbl><w:tr><w:tc>" + para("A") + "</w:tc>" + sdt("<w:tc>" + para("Body copy")
            + "</w:tc>") + "<w:tc>" + para("C") + "</w:tc></w:tr>"
            + sdt("<w:tr><w:tc>" + para("Repeated") + "</w:tc></w:tr>") + "</w:tbl>")
    table = body_of(tei_of(make_docx(body), seed_meta)).find(f".//{{{TEI_NS}}}table")
    assert flat(xml(table)) == ('<table><row><cell>A</cell><cell>Body copy</cell><cell>C</cell>'
                                '</row><row><cell>Repeated</cell></row></table>')


def test_symbols_of_the_symbol_font_are_the_characters_it_shows(seed_meta):
    """Word's Symbol font has its own codes: a symbol (w:sym) gives them as the font's
    code or in the private use area, typed text in the private use area. Each is the
    character the font shows; another font's symbol keeps its code."""
    body = ('<w:p><w:r><w:t xml:space="preserve">p </w:t></w:r>'
            '<w:r><w:sym w:font="Symbol" w:char="00DA"/></w:r>'
            '<w:r><w:sym w:font="Symbol" w:char="F061"/></w:r>'
            '<w:r><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr>'
            '<w:t>\uf028b\uf029</w:t></w:r>'
            '<w:r><w:sym w:font="Wingdings" w:char="F04A"/></w:r></w:p>')
    text = body_of(tei_of(make_docx(body), seed_meta)).xpath("string(.//t:p)", namespaces=NS)
    assert text == "p \u2228\u03b1(b)\uf04a"
    from teiedition.convert.symbolfont import SYMBOL
    assert len(SYMBOL) == 256 and SYMBOL[ord("a")] == "\u03b1" and SYMBOL[ord("A")] == "\u0391"


def test_a_diagrams_text_is_kept_after_its_paragraph(seed_meta, tei_all):
    """A SmartArt diagram keeps its text in a data part of its own, not in the body: the
    figure says the diagram is not converted, and its text follows as paragraphs."""
    dgm = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
    a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    data = (f'<dgm:dataModel xmlns:dgm="{dgm}" xmlns:a="{a}"><dgm:ptLst>'
            '<dgm:pt modelId="0" type="doc"><dgm:t><a:p><a:r><a:t>not text</a:t></a:r></a:p>'
            '</dgm:t></dgm:pt><dgm:pt modelId="1"><dgm:t><a:p><a:r><a:t>Top </a:t></a:r>'
            '<a:r><a:t>level</a:t></a:r></a:p></dgm:t></dgm:pt>'
            '<dgm:pt modelId="2" type="pres"><dgm:t><a:p><a:r><a:t>layout</a:t></a:r></a:p>'
            '</dgm:t></dgm:pt><dgm:pt modelId="3" type="node"><dgm:t><a:p><a:r><a:t>Bottom'
            '</a:t></a:r></a:p></dgm:t></dgm:pt></dgm:ptLst></dgm:dataModel>')
    run = ('<w:r><w:drawing><wp:inline><wp:docPr id="1" name="Diagram 1"/><a:graphic>'
           f'<a:graphicData uri="{dgm}"><dgm:relIds xmlns:dgm="{dgm}" r:dm="rDm"/>'
           '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>')
    rel = ('<Relationship Id="rDm" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/diagramData" Target="diagrams/data1.xml"/>')
    docx = make_docx(para("Before:") + f"<w:p>{run}</w:p>" + para("After."), extra_rels=rel,
                     extra_parts={"word/diagrams/data1.xml": data.encode()})
    root = tei_of(docx, seed_meta)
    div = body_of(root).find(f"{{{TEI_NS}}}div")
    assert [(el.tag.split("}")[1], el.xpath("normalize-space()")) for el in div] == [
        ("p", "Before:"), ("figure", ""), ("p", "Top level"), ("p", "Bottom"), ("p", "After.")]
    assert div.find(f".//{{{TEI_NS}}}gap").get("reason") == "diagram-not-converted"
    assert tei_all.check_bytes(etree.tostring(root), "diagram").problems == ()


def test_right_to_left_text_keeps_its_order_and_language(seed_meta):
    hebrew = "שלום עולם"
    body = ('<w:p><w:r><w:t xml:space="preserve">Greeting: </w:t></w:r>'
            + run(hebrew, '<w:rtl/><w:lang w:val="en-GB" w:bidi="he-IL"/>') + "</w:p>")
    p = body_of(tei_of(make_docx(body), seed_meta)).find(f".//{{{TEI_NS}}}p")
    assert xml(p) == f'<p xml:id="p1">Greeting: <foreign xml:lang="he-IL">{hebrew}</foreign></p>'


def test_runs_merge_and_formatting_becomes_hi(seed_meta):
    body = ("<w:p>" + run("Word ", "<w:i/>") + run("splits ", "<w:i/>") + run("runs", "<w:i/>")
            + run(" ", "<w:b/>") + run("bold", "<w:b/><w:i w:val='0'/>")
            + run(" and", "") + run(" ", "<w:i/>") + run("caps", "<w:smallCaps/>")
            + run("2", '<w:vertAlign w:val="subscript"/>') + run("x", '<w:u w:val="single"/>')
            + run("Zhou", '<w:rStyle w:val="persName"/>') + run(" stressed", '<w:rStyle '
            'w:val="Emph"/>') + '<w:r><w:t>line</w:t><w:br/><w:t>next</w:t>'
            '<w:br w:type="page"/><w:t>page</w:t></w:r></w:p>')
    p = body_of(tei_of(make_docx(body), seed_meta)).find(f".//{{{TEI_NS}}}p")
    assert xml(p) == (
        '<p xml:id="p1"><hi rend="italic">Word splits runs</hi><hi rend="bold"> bold</hi> and '
        '<hi rend="smallcaps">caps</hi><hi rend="sub">2</hi><hi rend="underline">x</hi>'
        '<persName>Zhou</persName><hi rend="italic"> stressed</hi>line<lb/>next<pb/>page</p>')


def test_a_phonetic_guide_keeps_its_base_text(seed_meta):
    """Furigana (w:ruby): the base text stands in the paragraph; the reading above it is a
    guide to pronouncing it, not more text."""
    body = ('<w:p><w:r><w:t>Read </w:t></w:r><w:r><w:ruby><w:rubyPr/><w:rt><w:r>'
            '<w:t>かんじ</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>漢字</w:t></w:r></w:rubyBase>'
            '</w:ruby></w:r><w:r><w:t xml:space="preserve"> here.</w:t></w:r></w:p>')
    p = body_of(tei_of(make_docx(body), seed_meta)).find(f".//{{{TEI_NS}}}p")
    assert p.xpath("string()") == "Read 漢字 here."


def test_paragraphs_in_alternate_content_are_read_once(seed_meta):
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = (f'<mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="w14">'
            + para("Chosen.") + '</mc:Choice><mc:Fallback>' + para("Chosen.")
            + "</mc:Fallback></mc:AlternateContent>" + para("After."))
    div = body_of(tei_of(make_docx(body), seed_meta)).find(f"{{{TEI_NS}}}div")
    assert [p.xpath("string()") for p in div] == ["Chosen.", "After."]


def test_single_and_double_strikethrough_are_strikethrough(seed_meta):
    body = "<w:p>" + run("once", "<w:strike/>") + run(" twice", "<w:dstrike/>") + "</w:p>"
    p = body_of(tei_of(make_docx(body), seed_meta)).find(f".//{{{TEI_NS}}}p")
    assert xml(p) == '<p xml:id="p1"><hi rend="strikethrough">once twice</hi></p>'


def test_images_are_kept_beside_the_tei(seed_meta):
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    rel = ('<Relationship Id="rImg" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/image" Target="media/image1.png"/>')
    data = make_docx(f"<w:p>{image_run('rImg')}</w:p>", media={"word/media/image1.png": png},
                     extra_rels=rel)
    result = convert_bytes(data, seed_meta, media_folder="doc-media")
    figure = etree.fromstring(to_bytes(result.tree)).find(f".//{{{TEI_NS}}}figure")
    assert flat(xml(figure)) == (
        '<figure><graphic url="doc-media/image1.png"/><figDesc>A picture</figDesc></figure>')
    assert result.media == (("doc-media/image1.png", png),)


def _zip(entries: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buffer.getvalue()


_DTD_DOCUMENT = (
    '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY boom "BOOM">]>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:body><w:p><w:r><w:t>&boom;</w:t></w:r></w:p></w:body></w:document>')

_CUT_OFF_DOCUMENT = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="'
                     'http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                     '<w:p><w:r><w:t>The text breaks o')

HOSTILE = {
    "not-a-zip": (lambda: b"Dear Sir, this is a letter in plain text.", "not a zip package"),
    "empty": (lambda: b"", "the file is empty"),
    "truncated": (lambda: make_docx(para("Text."))[:300], "truncated or damaged zip"),
    "not-word": (lambda: _zip({"hello.txt": b"hello"}), "not a Word document"),
    "encrypted": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64
                  + "EncryptionInfo".encode("utf-16-le") + b"\0" * 64, "encrypted"),
    "old-doc": (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512, "old Word (.doc)"),
    "zip-bomb": (lambda: make_docx(para("Text."), extra_parts={
        "word/media/bomb.bin": b"\0" * (24 * 2**20)}), "zip bomb"),
    "dtd": (lambda: make_docx("", document=_DTD_DOCUMENT), "declares a DTD"),
    "cut-off-xml": (lambda: make_docx("", document=_CUT_OFF_DOCUMENT), "not well-formed XML"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_documents_are_refused_in_one_line(case, runner, tmp_path):
    from teiedition.cli import cli
    make, expected = HOSTILE[case]
    source = tmp_path / "letter.docx"
    source.write_bytes(make())
    with pytest.raises(InputError, match=re.escape(expected)):
        read_docx(source.read_bytes(), path=str(source))
    result = runner.invoke(cli, ["convert", str(source), "-o", str(tmp_path / "out.xml")])
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert lines[-1].startswith("Error: ") and expected in lines[-1]
    assert "Traceback" not in result.output
    # Nothing is written: no TEI, no media folder.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["letter.docx"]


def test_a_slip_of_markup_is_read_with_recovery_and_a_warning(seed_meta):
    """``<w:i/ >`` and a mismatched end tag: the part is not well-formed, but not cut off
    either; libxml2's recovery reads it, the text is whole, and a finding says so."""
    body = ('<w:p><w:r><w:rPr><w:i/ ></w:rPr><w:t>Slanted</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> text.</w:t></w:r></w:p>'
            '<w:p><w:r><w:t>Second</w:t></w:rPr></w:r></w:p>')
    result = convert_bytes(make_docx(body), seed_meta)
    texts = [p.xpath("string()") for p in result.tree.iter(f"{{{TEI_NS}}}p")
             if p.getparent().tag == f"{{{TEI_NS}}}div"]
    assert texts == ["Slanted text.", "Second"]
    [warning] = [f.message for f in result.document.findings if f.code == "docx"]
    assert warning.startswith("the part word/document.xml is not well-formed XML (error "
                              "parsing attribute name, line 1") and "recovery" in warning


MHT = (b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="B"\r\n\r\n--B\r\n'
       b'Content-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: '
       b'quoted-printable\r\n\r\n<html><body><p>From a web archive, caf=C3=A9.</p>'
       b'</body></html>\r\n--B--\r\n')


def test_imported_parts_give_their_text(seed_meta):
    """Programs that export to Word import HTML whole (w:altChunk), which Word converts
    when it opens the file: its text is read in its place; a format not read (RTF) leaves
    a warning, never a silent gap."""
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/aFChunk"
    rels = "".join(f'<Relationship Id="{rid}" Type="{rel}" Target="{target}"/>' for rid, target
                   in (("c1", "chunk1.html"), ("c2", "chunk2.mht"), ("c3", "chunk3.rtf")))
    html = (b'<html><head><title>Not text</title></head><body><h1>Report</h1>'
            b'<p>An <b>imported</b> paragraph.</p></body></html>')
    body = (para("Before.") + '<w:altChunk r:id="c1"/><w:altChunk r:id="c2"/>'
            '<w:altChunk r:id="c3"/>' + para("After."))
    result = convert_bytes(make_docx(body, extra_rels=rels, extra_parts={
        "word/chunk1.html": html, "word/chunk2.mht": MHT,
        "word/chunk3.rtf": b"{\\rtf1 Rich text.}"}), seed_meta)
    div = etree.fromstring(to_bytes(result.tree)).find(f".//{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert [p.xpath("string()") for p in div] == [
        "Before.", "Report", "An imported paragraph.", "From a web archive, caf\u00e9.",
        "After."]
    assert any("chunk3.rtf (rtf) is not read" in f.message for f in result.document.findings)


def test_a_strict_open_xml_document_is_read(seed_meta):
    """Word's "Strict Open XML Document" has the same elements in other namespaces (and
    relationship types): its text, formatting, notes and links are read alike."""
    strict_w = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    strict_r = "http://purl.oclc.org/ooxml/officeDocument/relationships"
    body = ('<w:p><w:r><w:rPr><w:i w:val="true"/></w:rPr><w:t>Strict</w:t></w:r>'
            '<w:r><w:t xml:space="preserve"> text</w:t></w:r>'
            '<w:r><w:footnoteReference w:id="1"/></w:r>'
            '<w:hyperlink r:id="rLink"><w:r><w:t xml:space="preserve"> here</w:t></w:r>'
            '</w:hyperlink></w:p>')
    strict = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{strict_w}" '
              f'xmlns:r="{strict_r}"><w:body>{body}</w:body></w:document>')
    link = (f'<Relationship Id="rLink" Type="{strict_r}/hyperlink" '
            'Target="https://example.org/" TargetMode="External"/>')
    docx = make_docx("", document=strict, extra_rels=link,
                     footnotes={"1": '<w:p><w:r><w:t>A note.</w:t></w:r></w:p>'})
    p = body_of(tei_of(docx, seed_meta)).find(f".//{{{TEI_NS}}}p")
    assert flat(xml(p)) == (
        '<p xml:id="p1"><hi rend="italic">Strict</hi> text<note xml:id="n1" n="1" '
        'place="foot" type="authorial">A note.</note><ref target="https://example.org/"> '
        'here</ref></p>')


def test_the_entities_of_a_part_are_never_expanded(seed_meta):
    with pytest.raises(InputError) as err:
        read_docx(make_docx("", document=_DTD_DOCUMENT))
    assert "BOOM" not in str(err.value)


def test_macros_are_never_copied_and_the_text_is_read(runner, tmp_path):
    from teiedition.cli import cli
    source = tmp_path / "letter.docm"
    source.write_bytes(make_docx(para("Text with macros."), macro=True, extra_parts={
        "word/vbaProject.bin": b"Attribute VB_Name = \"Evil\""}))
    out = tmp_path / "out" / "letter.xml"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(out), "--verbose"])
    assert result.exit_code == 0, result.output
    assert "contains macros: only its text is read" in result.output
    assert "Text with macros." in out.read_text(encoding="utf-8")
    assert [p.name for p in out.parent.rglob("*")] == ["letter.xml"]


def test_a_huge_image_is_not_kept(seed_meta, monkeypatch):
    from teiedition.convert import wordruns
    monkeypatch.setattr(wordruns, "MAX_MEDIA", 16)
    rel = ('<Relationship Id="rImg" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/image" Target="media/big.png"/>')
    data = make_docx(f"<w:p>{image_run('rImg')}</w:p>",
                     media={"word/media/big.png": b"\x89PNG" + bytes(range(256)) * 4},
                     extra_rels=rel)
    result = convert_bytes(data, seed_meta)
    figure = body_of(etree.fromstring(to_bytes(result.tree))).find(f".//{{{TEI_NS}}}figure")
    assert flat(xml(figure)) == ('<figure><p><gap reason="image-too-large"/></p>'
                                 '<figDesc>A picture</figDesc></figure>')
    assert result.media == ()
    assert any("more than" in f.message for f in result.document.findings)


def test_part_names_that_climb_never_write_outside_the_output_folder(runner, tmp_path):
    from teiedition.cli import cli
    rel = ('<Relationship Id="rImg" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/image" Target="../../../evil.png"/>')
    source = tmp_path / "in" / "letter.docx"
    source.parent.mkdir()
    source.write_bytes(make_docx(f"<w:p>{image_run('rImg')}</w:p>", extra_rels=rel,
                                 media={"../../evil.png": b"\x89PNG evil"}))
    out = tmp_path / "out" / "letter.xml"
    result = runner.invoke(cli, ["convert", str(source), "-o", str(out)])
    assert result.exit_code == 0, result.output
    written = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file())
    assert written == ["in/letter.docx", "out/letter-media/evil.png", "out/letter.xml"]
    assert 'url="letter-media/evil.png"' in out.read_text(encoding="utf-8")


def test_media_are_never_written_outside_their_folder(tmp_path):
    from teiedition.files import write_beside
    with pytest.raises(InputError, match="outside the output folder"):
        write_beside(tmp_path / "out", (("media/../../escape.png", b"x"),))
    assert not (tmp_path / "escape.png").exists()


def test_names_and_dates_are_tagged_in_paragraphs_notes_headings_and_cells(seed_meta):
    from teiedition import read_register
    from conftest import SEEDS
    register = read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")
    note = '<w:p><w:r><w:t>Mao wrote in 1954.</w:t></w:r></w:p>'
    body = (para("Zhou Enlai in Geneva", "Berschrift1")
            + '<w:p><w:r><w:t xml:space="preserve">Zhou Enlai met </w:t></w:r>'
            + '<w:r><w:rPr><w:i/></w:rPr><w:t>Mao</w:t></w:r>'
            + '<w:r><w:t xml:space="preserve"> in 1954; Zhou </w:t></w:r>'
            + '<w:r><w:rPr><w:b/></w:rPr><w:t>Enlai</w:t></w:r>'
            + '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>'
            + f"<w:tbl><w:tr><w:tc>{para('Moscow')}</w:tc></w:tr></w:tbl>")
    result = convert_word(make_docx(body, footnotes={"1": note}), seed_meta,
                          Provenance("doc.docx", "2026-01-15", "0.1.0"), register=register)
    text = body_of(etree.fromstring(to_bytes(result.tree)))
    assert text.xpath(".//t:head/t:persName/@ref", namespaces=NS) == ["#zhou-enlai"]
    p = text.find(f".//{{{TEI_NS}}}p")
    # A name inside formatting is tagged inside it; no tag crosses a formatting boundary:
    # "Zhou" and a bold "Enlai" are each tagged on their side (each is a short form of the
    # register's "Zhou Enlai", issue 14), never as one persName around the bold.
    assert xml(p).startswith(
        '<p xml:id="p1"><persName ref="#zhou-enlai" resp="#teiedition">Zhou Enlai</persName> '
        'met <hi rend="italic"><persName ref="#mao-zedong" resp="#teiedition">Mao</persName>'
        '</hi> in <date when="1954" resp="#teiedition">1954</date>; <persName '
        'ref="#zhou-enlai" resp="#teiedition">Zhou</persName> <hi rend="bold"><persName '
        'ref="#zhou-enlai" resp="#teiedition">Enlai</persName></hi><note')
    assert text.xpath(".//t:note//t:persName/@ref", namespaces=NS) == ["#mao-zedong"]
    assert text.xpath(".//t:cell/t:placeName/@ref", namespaces=NS) == ["#moscow"]


CHANGED = [row for row in MANIFEST if int(row["comments"]) or int(row["tracked_changes"])
           or "moveFrom" in row["notes"]]


@pytest.mark.parametrize("row", CHANGED, ids=lambda r: r["file"])
def test_shared_documents_with_changes_and_comments_kept_are_valid(row, seed_meta, project,
                                                                  tei_all):
    data = shared_path("docx", row["file"]).read_bytes()
    result = convert_bytes(data, seed_meta, changes="markup", comments="keep")
    out = to_bytes(result.tree)
    assert project.check_bytes(out, row["file"]).problems == ()
    assert tei_all.check_bytes(out, row["file"]).problems == ()
    body = etree.fromstring(out).find(f".//{{{TEI_NS}}}body")
    assert len(body.xpath(".//t:note[@type='comment']", namespaces=NS)) == int(row["comments"])
    if "moveFrom" in row["notes"]:  # moved text: deleted at its old place, added at its new
        assert [el.tag.split("}")[1] for el in body.iter(f"{{{TEI_NS}}}add", f"{{{TEI_NS}}}del")
                ] == ["add", "del"]


def test_note_numbers_follow_the_documents_numbering(seed_meta):
    """Footnotes as upper-case letters from C, starting again in each section."""
    ref = '<w:r><w:footnoteReference w:id="{}"/></w:r>'
    note = '<w:p><w:r><w:t>Note.</w:t></w:r></w:p>'
    pr = ('<w:footnotePr><w:numFmt w:val="upperLetter"/><w:numStart w:val="3"/>'
          '<w:numRestart w:val="eachSect"/></w:footnotePr>')
    body = (f'<w:p><w:pPr><w:sectPr>{pr}</w:sectPr></w:pPr><w:r><w:t>One</w:t></w:r>'
            f'{ref.format(1)}<w:r><w:t>two</w:t></w:r>{ref.format(2)}</w:p>'
            f'<w:p><w:r><w:t>Three</w:t></w:r>{ref.format(3)}</w:p><w:sectPr>{pr}</w:sectPr>')
    data = make_docx(body, footnotes={"1": note, "2": note, "3": note})
    notes = body_of(tei_of(data, seed_meta)).iter(f"{{{TEI_NS}}}note")
    assert [n.get("n") for n in notes] == ["C", "D", "C"]


RPR = st.lists(st.sampled_from(["<w:i/>", "<w:b/>", '<w:u w:val="single"/>', "<w:smallCaps/>",
                                '<w:vertAlign w:val="superscript"/>', '<w:lang w:val="de-DE"/>',
                                '<w:rStyle w:val="persName"/>', "<w:i w:val='0'/>"]),
               unique=True, max_size=3).map("".join)
RUNS = st.lists(st.tuples(st.one_of(st.just(" "), st.text(alphabet="ab Zé.,", max_size=6)), RPR),
                min_size=1, max_size=8)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(paragraphs=st.lists(RUNS, min_size=1, max_size=4))
def test_any_formatting_keeps_the_text_and_gives_valid_tei(paragraphs, seed_meta, project):
    """Runs cut anywhere with any formatting: each paragraph's text is kept exactly, no hi
    holds only whitespace, and the TEI passes the project's schema and rules."""
    body = "".join("<w:p>" + "".join(run(text, rpr) for text, rpr in runs) + "</w:p>"
                   for runs in paragraphs)
    texts = ["".join(text for text, _ in runs) for runs in paragraphs]
    expected = [t for t in texts if t.strip()]
    if not expected:
        with pytest.raises(InputError, match="no text"):
            convert_bytes(make_docx(body), seed_meta)
        return
    out = to_bytes(convert_bytes(make_docx(body), seed_meta).tree)
    text = body_of(etree.fromstring(out))
    assert ["".join(p.itertext()) for p in text.iter(f"{{{TEI_NS}}}p")] == expected
    assert all("".join(el.itertext()).strip() for el in text.iter(
        f"{{{TEI_NS}}}hi", f"{{{TEI_NS}}}persName", f"{{{TEI_NS}}}foreign"))
    assert project.check_bytes(out, "runs").problems == ()
