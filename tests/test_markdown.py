"""Markdown to TEI: literate cases (tests/cases/markdown/*.md), front matter, the command,
and a property: generated Markdown with footnotes keeps its text and its notes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition import minimal_metadata, to_bytes
from teiedition.convert.markdown import read_markdown
from teiedition.errors import InputError, MetadataError
from teiedition.pipeline import convert_markdown
from teiedition.tei import Provenance, build_tei
from teiedition.validate import Validator

from conftest import CASES, SEEDS

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
MARKDOWN_CASES = sorted((CASES / "markdown").glob("*.md"))
PROVENANCE = Provenance("chapter.md", "2026-01-15", "0.1.0")

FRONT = """---
edition:
  title: Test edition
  editors: [A. Editor]
  publisher: Nobody
  licence: CC BY 4.0
text:
  title: A chapter
  language: en
source:
  book_title: A Book
  year: 1998
  rights: Public domain.
---
"""


def division(text: str) -> etree._Element:
    """The document's division, built without tagging (the cases are about structure)."""
    read = read_markdown(text)
    tree = build_tei(read.document, minimal_metadata("case"), PROVENANCE)
    return tree.getroot().find(f"{T}text/{T}body/{T}div")


def serialise(el: etree._Element) -> str:
    return etree.tostring(el, encoding="unicode", with_tail=False).replace(
        f' xmlns="{TEI_NS}"', "")


@pytest.mark.parametrize("path", MARKDOWN_CASES, ids=lambda p: p.stem)
def test_case(path: Path) -> None:
    text = "\n".join(line for line in path.read_text(encoding="utf-8").split("\n")
                     if not line.startswith("% "))
    source, expected = text.split("\n>>> tei\n")
    got = [serialise(child) for child in division(source)]
    assert got == [line for line in expected.strip().split("\n")]


def test_every_construct_has_a_case() -> None:
    assert {p.name.split(".")[0] for p in MARKDOWN_CASES} >= {
        "footnotes", "headings", "emphasis", "quote", "lists", "tables", "links"}


def test_front_matter_is_the_metadata() -> None:
    result = convert_markdown(FRONT + "# Title\n\nText.\n", None, PROVENANCE)
    root = result.tree.getroot()
    assert root.findtext(f".//{T}titleStmt/{T}title") == "A chapter"
    assert root.findtext(f".//{T}sourceDesc//{T}title[@level='m']") == "A Book"
    assert Validator(["project"]).check_bytes(to_bytes(result.tree), "md").problems == ()


def test_front_matter_keys_are_checked() -> None:
    with pytest.raises(MetadataError, match="unknown key 'text.titel'"):
        convert_markdown(FRONT.replace("  title: A chapter", "  titel: A chapter")
                         + "Text.\n", None, PROVENANCE)


def test_another_programs_front_matter_is_not_refused() -> None:
    """pandoc's front matter (title, author, a bibliography) has none of our sections: the
    text is converted, with its title and language, and a finding says the rest is unused."""
    front = ("---\ntitle: Minutes\nauthor: [A. Writer]\nlang: de\nreferences:\n"
             "- id: doe99\n  title: A book\n---\n")
    result = convert_markdown(front + "Hallo Welt.\n", None, PROVENANCE)
    root = result.tree.getroot()
    assert root.findtext(f".//{T}titleStmt/{T}title") == "Minutes"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert root.findtext(f".//{T}body//{T}p") == "Hallo Welt."
    assert [f.code for f in result.document.findings] == ["front-matter-foreign"]


def test_pandocs_title_block_is_the_title_not_text() -> None:
    """``% Title`` / ``% Authors`` / ``% Date`` opening the file is pandoc's title block:
    metadata, not the text's first paragraph; the text's lines keep their numbers."""
    read = read_markdown("% The Geneva\n  Conference\n% A. Writer; B. Writer\n% 1954\n\n"
                         "Text.\n")
    assert read.front_matter == {"title": "The Geneva Conference",
                                 "author": ["A. Writer", "B. Writer"], "date": "1954"}
    assert [(b.text(), b.line) for b in read.document.blocks] == [("Text.", 6)]
    result = convert_markdown("% Minutes\n\nText.\n", None, PROVENANCE)
    assert result.tree.getroot().findtext(f".//{T}titleStmt/{T}title") == "Minutes"


@pytest.mark.parametrize("front, message", [
    ("---\nedition: [unclosed\n---\n", "not valid YAML"),
    ("---\n- a list\n---\n", "must be a mapping"),
    ("---\n!!python/object:os.system 'ls'\n---\n", "not valid YAML"),
])
def test_bad_front_matter_is_refused(front: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_markdown(front + "Text.\n")


def test_unreferenced_footnotes_are_reported() -> None:
    read = read_markdown("Text.[^1]\n\n[^1]: Used.\n[^2]: Never used.\n")
    assert [f.code for f in read.document.findings] == ["notes-unreferenced"]


def test_convert_command_reads_markdown(runner, tmp_path) -> None:
    from teiedition.cli import cli
    source = tmp_path / "chapter.md"
    source.write_text(FRONT + "# Zhou Enlai in Geneva\n\nZhou Enlai went to Geneva in 1954."
                      "[^1]\n\n[^1]: A note.\n", encoding="utf-8")
    result = runner.invoke(cli, ["convert", str(source), "--register",
                                 str(SEEDS / "register.xml")])
    assert result.exit_code == 0, result.output
    text = (tmp_path / "chapter.xml").read_text(encoding="utf-8")
    assert '<persName ref="#zhou-enlai" resp="#teiedition">Zhou Enlai</persName> went' in text
    assert '<note xml:id="n1" n="1" place="foot" type="authorial">A note.</note>' in text
    check = runner.invoke(cli, ["validate", str(tmp_path / "chapter.xml")])
    assert check.exit_code == 0, check.output


# Words without Markdown syntax, and paragraphs of words and note references.
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzÄéß", min_size=1, max_size=8)
TOKEN = st.one_of(WORDS, st.just(None))  # None: a footnote reference here
PARAGRAPHS = st.lists(st.lists(TOKEN, min_size=1, max_size=12), min_size=1, max_size=5)


@settings(max_examples=60, deadline=None)
@given(paragraphs=PARAGRAPHS, note_words=st.lists(st.lists(WORDS, min_size=1, max_size=5),
                                                  min_size=12 * 5, max_size=12 * 5))
def test_markdown_with_footnotes_keeps_its_text_and_notes(paragraphs, note_words) -> None:
    source, texts, notes = [], [], []
    for tokens in paragraphs:
        words, line = [], ""
        for token in tokens:
            if token is None:
                notes.append(" ".join(note_words[len(notes)]))
                line += f"[^n{len(notes)}]"
            else:
                words.append(token)
                line += (" " if line else "") + token
        source.append(line)
        texts.append(" ".join(words))
    definitions = [f"[^n{i}]: {text}" for i, text in enumerate(notes, 1)]
    markdown = "\n\n".join(source + definitions) + "\n"
    body = division(markdown)
    paragraphs_out = [p for p in body.iter(f"{T}p") if p.getparent().tag != f"{T}note"]
    got_texts = [re.sub(r"\s+", " ", "".join(_text_without_notes(p))).strip()
                 for p in paragraphs_out]
    assert got_texts == texts
    got_notes = [n.xpath("string()") for n in body.iter(f"{T}note")]
    assert got_notes == notes
    assert [n.get("n") for n in body.iter(f"{T}note")] == [str(i) for i in
                                                          range(1, len(notes) + 1)]


def _text_without_notes(el: etree._Element):
    yield el.text or ""
    for child in el:
        if child.tag != f"{T}note":
            yield from _text_without_notes(child)
        yield child.tail or ""


MARKDOWN_SOUP = st.lists(st.sampled_from(list("ab Zé1.\n#*_~`>-+|[]()!^:<&\\\"'") + [
    "\n\n", "[^1]", "\n\n[^1]: ", "](", "![", "\n- ", "\n  - ", "\n1. ", "\n> ",
    "\n| a | b |\n|---|---|\n", "http://x.org/a b", "\n```\n", "    ", "<b>", "&amp;",
    "\n----  -----\n", "\n-------------\n", "<div>\n", "<!-- c -->", "\n+---+---+\n",
    "\n| a | b |\n", "\n+===+===+\n"]),
    max_size=80).map("".join)


@pytest.fixture(scope="module")
def project() -> Validator:
    return Validator(["project"])


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKDOWN_SOUP)
def test_any_markdown_converts_to_valid_tei(text, seed_meta, project) -> None:
    """Whatever the Markdown, the TEI passes the project's schema and rules, or the input is
    refused with a clear error (a document without text)."""
    try:
        result = convert_markdown(text, seed_meta, PROVENANCE)
    except InputError as err:
        assert "no text" in str(err)
        return
    assert project.check_bytes(to_bytes(result.tree), "md").problems == ()
