"""The converter: text pages (tests/cases/convert/*.txt) to TEI blocks, and the seed."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
from lxml import etree

from teiedition import convert, minimal_metadata, read_text, to_bytes
from teiedition.tei import TEI_NS, XML_ID

from conftest import CASES, SEED_TEXT

NS = {"tei": TEI_NS}
CASE_FILES = sorted((CASES / "convert").glob("*.txt"))


def load_case(path: Path) -> tuple[str, str | None, str]:
    """Split a literate case: '%' comment lines, the page, '<<< notes' page, '>>> tei' blocks."""
    text = path.read_text(encoding="utf-8")
    text = "\n".join(line for line in text.split("\n") if not line.startswith("% "))
    page, expected = text.split("\n>>> tei\n")
    notes = None
    if "\n<<< notes\n" in page:
        page, notes = page.split("\n<<< notes\n")
    return page, notes, expected


def blocks_of(tree: etree._ElementTree) -> list[bytes]:
    """The body's blocks, with date tags unwrapped: these cases are about blocks and notes
    (dates are tested in test_dates.py)."""
    div = copy.deepcopy(tree.find(".//tei:body/tei:div", NS))
    etree.strip_tags(div, f"{{{TEI_NS}}}date")
    return [etree.tostring(el, with_tail=False) for el in div]


def expected_blocks(fragment: str) -> list[bytes]:
    div = etree.fromstring(f'<div xmlns="{TEI_NS}">{fragment}</div>')
    return [etree.tostring(el, with_tail=False) for el in div]


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda p: p.stem)
def test_case(path: Path, provenance) -> None:
    page, notes, expected = load_case(path)
    result = convert(page, minimal_metadata("case"), provenance, notes_text=notes)
    assert blocks_of(result.tree) == expected_blocks(expected)


def test_there_are_enough_cases() -> None:
    assert len(CASE_FILES) >= 5


def test_seed_paragraphs_and_notes(seed_meta, provenance) -> None:
    result = convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta, provenance)
    tree = result.tree
    paragraphs = tree.findall(".//tei:body//tei:p", NS)
    assert len(paragraphs) == 5
    assert [p.get("part") for p in paragraphs] == ["F", None, None, None, "I"]
    notes = tree.findall(".//tei:body//tei:note", NS)
    assert [n.get("n") for n in notes] == ["63", "64", "65", "66", "67"]
    assert [n.get(XML_ID) for n in notes] == ["n63", "n64", "n65", "n66", "n67"]
    # Each note stands right after the sentence that carries its number in the source.
    before = [((n.getprevious().tail if n.getprevious() is not None else n.getparent().text)
               or "")[-25:] for n in notes]
    assert before == [
        "with timely and firm support."[-25:], "discussed at the conference."[-25:],
        "Enlai and Viacheslav Molotov."[-25:], "from China was vital for him."[-25:],
        "China's international isolation."[-25:]]
    for note in notes:
        assert [child.tag for child in note] == [f"{{{TEI_NS}}}gap"]
        assert note.find("tei:gap", NS).get("reason") == "not-in-source"
        assert note.get("place") == "foot" and note.get("type") == "authorial"
    assert result.document.findings == ()


def test_seed_keeps_every_character(seed_meta, provenance) -> None:
    """The body's text is the source minus separators and note numbers, lines joined by a space."""
    source = SEED_TEXT.read_text(encoding="utf-8")
    result = convert(source, seed_meta, provenance)
    body = result.tree.find(".//tei:body", NS)
    paragraphs = ["".join(p.itertext()) for p in body.iter(f"{{{TEI_NS}}}p")]
    expected = [re.sub(r"\s+(6[3-7])(?=\s|$)", "", " ".join(block.split("\n")))
                for block in (b.strip() for b in source.split("\n|")) if block.strip("|\n ")]
    assert paragraphs == expected


def test_ids_are_unique_and_stable(seed_meta, provenance) -> None:
    text = SEED_TEXT.read_text(encoding="utf-8")
    first = to_bytes(convert(text, seed_meta, provenance).tree)
    second = to_bytes(convert(text, seed_meta, provenance).tree)
    assert first == second
    ids = etree.fromstring(first).xpath("//@xml:id")
    assert len(ids) == len(set(ids))
    assert {"p1", "p5", "n63", "n67"} <= set(ids)


def test_output_is_well_formed_tei(seed_meta, provenance) -> None:
    data = to_bytes(convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta, provenance).tree)
    root = etree.fromstring(data)
    assert root.tag == f"{{{TEI_NS}}}TEI"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"


def test_sequence_findings(provenance) -> None:
    page, _, _ = load_case(CASES / "convert" / "sequence.001.txt")
    doc = read_text(page)
    codes = [(f.code, f.message) for f in doc.findings]
    assert ("note-missing", "note 43 is missing from the sequence 41-45") in codes
    skipped = [f for f in doc.findings if f.code == "note-skipped"]
    assert len(skipped) == 1 and "'17'" in skipped[0].message and skipped[0].line == 1


def test_endnotes_findings() -> None:
    page, notes, _ = load_case(CASES / "convert" / "endnotes.001.txt")
    from teiedition import read_notes
    doc = read_text(page, notes=read_notes(notes))
    messages = {f.code: f.message for f in doc.findings}
    assert messages["notes-without-text"] == "the notes file has no text for note 70"
    assert messages["notes-unreferenced"].endswith("never references: 72")


@pytest.mark.parametrize("text, part", [
    ("The whole paragraph.", None),
    ("the middle of a paragraph.", "F"),
    ("The start of a paragraph that", "I"),
    ("the middle of a paragraph that", "M"),
    ("He said: \"It is over.\"", None),
])
def test_fragments_in_plain_text(text: str, part: str | None) -> None:
    doc = read_text(text)
    assert doc.blocks[0].part == part


def test_metadata_overrides_the_format_default() -> None:
    page = "The page begins with a whole paragraph.\n|\n"
    assert read_text(page).blocks[0].part == "F"
    assert read_text(page, starts_mid_paragraph=False).blocks[0].part is None
    assert read_text("Whole.\n\nAlso whole.", starts_mid_paragraph=True).blocks[0].part == "F"


def test_a_single_note_in_a_weak_position_is_not_taken() -> None:
    # Without a second number of the sequence, a bare number is a quantity.
    doc = read_text("The delegation had 12 members and stayed a week.")
    assert doc.notes == ()
