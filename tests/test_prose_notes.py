"""Texts without note numbers (letters, diaries, newspapers) lose no number (issue 14).

Generated diary and letter pages: entry headings (``Saturday 2``, ``Mon. 4``),
datelines (``Bath, July 1st. 1820``), years, days, sums, page and item numbers,
quantities. Converted with the default ``note_markers`` ("auto"), every
character of the source is in the body and no note is made; with ``"none"``,
that holds for any text at all.
"""

from __future__ import annotations

import re

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teiedition import Provenance, convert, minimal_metadata, read_text
from teiedition.metadata import parse_metadata
from teiedition.errors import MetadataError
from teiedition.tei import TEI_NS

PROVENANCE = Provenance("generated.txt", "2026-01-15", "0.1.0")
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "Mon.", "Tues.", "Wed.", "Thurs.", "Fri.", "Sat.", "Sun."]
MONTHS = ["January", "Jany", "Feby", "Feb.", "March", "Apl", "April", "May", "June", "July",
          "Aug.", "Sept.", "Sept", "Oct.", "Novr", "Dec."]
WORDS = ["went", "to", "town", "with", "my", "sister", "and", "dined", "at", "home", "the",
         "rain", "letter", "from", "walked", "read", "wrote", "a", "long", "day", "of"]
PLACES = ["Bath", "London", "Plymouth", "Salem"]


@st.composite
def sentence(draw) -> str:
    words = " ".join(draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=7)))
    n = draw(st.integers(1, 31))
    year = draw(st.integers(1790, 1899))
    extra = draw(st.sampled_from([
        "", f" in {year}", f" {n} miles", f" at {n % 12 + 1} o'clock", f", paid {n}s. 6d",
        f" (see p. {n * 3})", f" No. {n} of the Gazette", f" on the {n}th", f" since {year}",
        f" {draw(st.sampled_from(MONTHS))} {n}", f" {n} {draw(st.sampled_from(MONTHS))}",
        f" till {draw(st.sampled_from(WEEKDAYS))} {n}", f", item {n}", f" page {n}"]))
    return words[0].upper() + words[1:] + extra + "."


@st.composite
def heading(draw) -> str:
    n = draw(st.integers(1, 31))
    weekday, month = draw(st.sampled_from(WEEKDAYS)), draw(st.sampled_from(MONTHS))
    year = draw(st.integers(1790, 1899))
    return draw(st.sampled_from([
        f"{weekday} {n}", f"{weekday} {n}th", str(n), f"{weekday} {month} {n} {year}.",
        f"{draw(st.sampled_from(PLACES))}, {month} {n}st. {year}", f"{weekday} {n} {month}",
        f"{month} {year}", f"Letter {n}", f"{weekday} the {n}d"]))


@st.composite
def diary(draw) -> tuple[str, list[str]]:
    """Return the source and its expected paragraphs."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        paragraphs.append(draw(heading()))
        paragraphs.append(" ".join(draw(st.lists(sentence(), min_size=1, max_size=4))))
    if draw(st.booleans()):  # an entry that runs on from its heading
        paragraphs[0] = f"{paragraphs[0]} {paragraphs.pop(1)}"
    return "\n\n".join(paragraphs) + "\n", paragraphs


def body_paragraphs(source: str, markers: str = "auto") -> tuple[list[str], int]:
    meta = replace(minimal_metadata("diary"), note_markers=markers, starts_mid_paragraph=False)
    tree = convert(source, meta, PROVENANCE).tree
    ns = {"tei": TEI_NS}
    return ["".join(p.itertext()) for p in tree.findall(".//tei:body//tei:p", ns)], \
        len(tree.findall(".//tei:note", ns))


@settings(max_examples=300, deadline=None)
@given(diary())
def test_a_diary_keeps_every_number(sample) -> None:
    source, paragraphs = sample
    assert body_paragraphs(source) == (paragraphs, 0)


_TOKENS = ["Saturday", "Jan.", "1820", "2", "3d", "12", "13", ".", ". ", " ", "  ", ",",
           "\n", "\n\n", "p.", "It", "rained", "and", "We", "(", ")"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_TOKENS), min_size=1, max_size=40))
def test_with_no_note_markers_every_character_stays(tokens: list[str]) -> None:
    source = "".join(tokens)
    doc = read_text(source, note_markers="none")
    # A line of spaces separates paragraphs as an empty one does (Hypothesis found
    # "Saturday\n \nSaturday": two paragraphs for the reader, one for the old oracle).
    paragraphs = [" ".join(line.strip() for line in block.split("\n") if line.strip())
                  for block in re.split(r"\n[ \t]*\n", source)]
    assert [b.text() for b in doc.blocks] == [p for p in paragraphs if p]
    assert doc.notes == ()


@pytest.mark.parametrize("text", [
    "Saturday 2\n\nWent to town.\n\nSunday 3\n\nAt church.\n\nMon. 4\n\nRain.",
    "Bath, July 1st. 1820\n\nMy dear Sir, your letter came. 2 Guests dined.",
    "Saturday 23 Jan. 1858. Snow. 24 Sunday. Frost.",
    "2\n\nA day at home.\n\n3\n\nAnother.",
    "We read p. 12 and p. 13 of the book. See No. 4. And No. 5.",
    "The alliance held. 1",
])
def test_numbers_of_prose_are_not_notes(text: str) -> None:
    assert read_text(text).notes == ()


def test_a_lone_number_is_a_note_only_when_the_text_has_note_numbers() -> None:
    assert read_text("The alliance held. 1").notes == ()
    assert [n.n for n in read_text("The alliance held. 1", note_markers="numbers").notes] == [1]
    assert [n.n for n in read_text("It held. 1 It broke. 2").notes] == [1, 2]
    assert read_text("It held. 1 It broke. 2", note_markers="none").notes == ()


TOML = """[edition]\ntitle = "E"\neditors = ["A"]\npublisher = "P"\nlicence = "CC BY 4.0"
[text]\ntitle = "T"\nlanguage = "en"\n{extra}
[source]\nbook_title = "B"\nyear = 1820\nrights = "public domain"
"""


def test_metadata_keys_for_prose() -> None:
    meta = parse_metadata(TOML.format(extra='note_markers = "none"\ndate = "1820-07-01"'))
    assert (meta.note_markers, meta.date) == ("none", "1820-07-01")
    assert parse_metadata(TOML.format(extra="")).note_markers == "auto"
    with pytest.raises(MetadataError, match="must be one of auto, numbers, none"):
        parse_metadata(TOML.format(extra='note_markers = "roman"'))
    with pytest.raises(MetadataError, match="ISO 8601"):
        parse_metadata(TOML.format(extra='date = "1 July 1820"'))
