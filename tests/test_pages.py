"""A book's pages as one text: joins across page breaks, hyphenation, note numbers, missing
pages, the command; and a property: a chapter cut into pages anywhere joins back exactly,
with a pb where each page begins."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from teiedition import minimal_metadata, to_bytes
from teiedition.convert.pages import Page, read_pages
from teiedition.model import Break, Gap, NoteRef
from teiedition.tei import Provenance, build_tei
from teiedition.validate import Validator

from conftest import SEED_META

TEI_NS = "http://www.tei-c.org/ns/1.0"


def shape(doc) -> list[str]:
    """The document as lines: each block's kind and text, with [pb N] where pages begin."""
    out = []
    for node in doc.blocks:
        if isinstance(node, Break):
            out.append(f"[pb {node.n}]")
        elif isinstance(node, Gap):
            out.append(f"[gap {node.reason}]")
        else:
            text = "".join(i if isinstance(i, str) else f"[pb {i.n}{'-' if i.within_word else ''}]"
                           if isinstance(i, Break) else f"[{i.n}]" if isinstance(i, NoteRef)
                           else "" for i in node.inlines)
            out.append(f"{node.kind}{'/' + node.part if node.part else ''}: {text}")
    return out


def test_a_paragraph_cut_by_a_page_break_is_one_paragraph():
    doc = read_pages([Page(45, "The rise of the new govern-\n|"),
                      Page(46, "ment was slow. 12\n|\nA new paragraph. 13\n|\n| | A quotation "
                               "that runs\n|"),
                      Page(47, "| | on.\n|\nThe end of the\n|")])
    assert shape(doc) == [
        "[pb 45]", "p/F: The rise of the new govern[pb 46-]ment was slow.[12]",
        "p: A new paragraph.[13]", "quote: A quotation that runs [pb 47]on.",
        "p/I: The end of the"]
    assert [n.n for n in doc.notes] == [12, 13]


def test_note_numbers_that_start_again_are_renumbered_and_keep_their_label():
    doc = read_pages([Page(10, "End of a chapter. 7\n|\nNext chapter.\n|"),
                      Page(11, "First note here. 1 Second there. 2\n|")],
                     starts_mid_paragraph=False)
    assert [(n.n, n.label) for n in doc.notes] == [(1, "7"), (2, "1"), (3, "2")]
    assert [f.code for f in doc.findings] == ["notes-restart"]
    tree = build_tei(doc, minimal_metadata("x"), Provenance("x", "2026-01-15", "0"))
    notes = tree.getroot().findall(f".//{{{TEI_NS}}}note")
    assert [(n.get("{http://www.w3.org/XML/1998/namespace}id"), n.get("n")) for n in notes] \
        == [("n1", "7"), ("n2", "1"), ("n3", "2")]


def test_a_missing_page_is_reported_and_marked_never_joined():
    doc = read_pages([Page(45, "Text that breaks off in the\n|"), Page(47, "middle.\n|")],
                     starts_mid_paragraph=False)
    assert shape(doc) == ["[pb 45]", "p: Text that breaks off in the", "[pb 46]",
                          "[gap missing-page]", "[pb 47]", "p: middle."]
    assert [f.code for f in doc.findings] == ["page-missing"]


def test_notes_continue_across_pages_and_a_gap_in_them_is_reported():
    doc = read_pages([Page(1, "One. 4\n|"), Page(2, "Two. 6\n|")], starts_mid_paragraph=False,
                     notes={4: "Four.", 6: "Six.", 9: "Nine."})
    assert [(n.n, n.inlines) for n in doc.notes] == [(4, ("Four.",)), (6, ("Six.",))]
    assert [f.code for f in doc.findings] == ["note-missing", "notes-unreferenced"]


def test_convert_command_joins_pages(runner, tmp_path):
    from teiedition.cli import cli
    pages = []
    for number, text in ((45, "leaders in Beijing read the speech with alarm, and the govern-"),
                         (46, "ment of China 63 agreed.\n|\nA new paragraph. 64")):
        path = tmp_path / f"page-{number:03d}.txt"
        path.write_text(text + "\n|\n", encoding="utf-8")
        pages.append(str(path))
    (tmp_path / "chapter.toml").write_text(SEED_META.read_text(encoding="utf-8"),
                                           encoding="utf-8")
    out = tmp_path / "chapter.xml"
    result = runner.invoke(cli, ["convert", *pages, "-o", str(out), "--date", "2026-01-15"])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    body = root.find(f".//{{{TEI_NS}}}body")
    p = body.find(f".//{{{TEI_NS}}}p")
    assert p.get("part") == "F"
    assert "".join(p.itertext()).startswith("leaders in Beijing read the speech with alarm, "
                                            "and the government of China")
    assert [(pb.get("n"), pb.get("break")) for pb in body.iter(f"{{{TEI_NS}}}pb")] == [
        ("45", None), ("46", "no")]
    assert Validator(["project"]).check_bytes(out.read_bytes(), "chapter").problems == ()
    several = runner.invoke(cli, ["convert", *pages])
    assert several.exit_code == 2 and "name its TEI file with -o" in several.output


# A chapter: paragraphs and (never two in a row) quotations of lower-case words, each
# beginning with a capital and ending with the block's only full stop.
WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=9)
BLOCK = st.tuples(st.sampled_from(["p", "quote"]), st.lists(WORD, min_size=1, max_size=25))


@st.composite
def chapters(draw):
    blocks = draw(st.lists(BLOCK, min_size=1, max_size=6))
    out = []
    for i, (kind, words) in enumerate(blocks):
        if kind == "quote" and (i == 0 or out[-1][0] == "quote"):
            kind = "p"
        words = [words[0].capitalize()] + words[1:]
        words[-1] += "."
        out.append((kind, words))
    tokens = [(b, w) for b, (_, words) in enumerate(out) for w in range(len(words))]
    # A cut: before token t (offset 0) or inside its word (offset k): a hyphen is printed.
    cuts = draw(st.lists(st.tuples(st.integers(1, len(tokens) - 1) if len(tokens) > 1
                                   else st.nothing(), st.integers(0, 8)),
                         max_size=min(8, len(tokens) - 1), unique_by=lambda c: c[0]))
    cuts = sorted((t, offset % len(out[tokens[t][0]][1][tokens[t][1]].rstrip("."))
                   if len(out[tokens[t][0]][1][tokens[t][1]].rstrip(".")) > 1 else 0)
                  for t, offset in cuts)
    return out, tokens, cuts


def render(blocks) -> str:
    """Blocks in the reading-site format: '|' between blocks, quotations as '| |' lines."""
    lines = []
    for kind, words in blocks:
        rows = [" ".join(words[i:i + 7]) for i in range(0, len(words), 7)] or [""]
        lines.extend(("| | " + row) if kind == "quote" else row for row in rows)
        lines.append("|")
    return "\n".join(lines) + "\n"


@settings(max_examples=120, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(chapter=chapters())
def test_a_chapter_cut_into_pages_anywhere_joins_back_exactly(chapter, seed_meta, project):
    blocks, tokens, cuts = chapter
    cut_at = dict(cuts)
    pages: list[list[tuple[str, list[str]]]] = [[]]
    order: list = ["[pb 1]"]  # the expected shape: page breaks and block numbers
    pieces: dict[int, list[str]] = {b: [] for b in range(len(blocks))}
    page = 1
    for index, (b, w) in enumerate(tokens):
        kind, word = blocks[b][0], blocks[b][1][w]
        space = " " if w else ""
        offset = cut_at.get(index)
        if offset == 0:  # the page begins before this word
            page += 1
            pages.append([])
            if w == 0:
                order.append(f"[pb {page}]")
            else:
                pages[-1].append((kind, []))
                pieces[b].append(f" [pb {page}]")
                space = ""
        if w == 0:
            pages[-1].append((kind, []))
            order.append(b)
        if offset:  # the page begins inside this word: the page before prints a hyphen
            pages[-1][-1][1].append(word[:offset] + "-")
            page += 1
            pages.append([(kind, [])])
            pieces[b].append(f"{space}{word[:offset]}[pb {page}-]")
            word, space = word[offset:], ""
        pages[-1][-1][1].append(word)
        pieces[b].append(space + word)
    doc = read_pages([Page(n, render(p)) for n, p in enumerate(pages, 1)],
                     starts_mid_paragraph=False)
    assert shape(doc) == [item if isinstance(item, str) else
                          f"{blocks[item][0]}: {''.join(pieces[item])}" for item in order]
    tei = to_bytes(build_tei(doc, seed_meta, Provenance("x", "2026-01-15", "0")))
    assert project.check_bytes(tei, "pages").problems == ()


@pytest.fixture(scope="module")
def project() -> Validator:
    return Validator(["project"])


def test_an_endnotes_page_given_last_fills_the_notes(runner, tmp_path):
    from teiedition.cli import cli
    (tmp_path / "p-045.txt").write_text("The Politburo agreed. 12\n|\n", encoding="utf-8")
    (tmp_path / "p-046.txt").write_text("Liu Shaoqi objected. 13\n|\n", encoding="utf-8")
    (tmp_path / "p-301.txt").write_text("| 12. Minutes of the meeting.\n| 13. His diary, "
                                        "1956.\n", encoding="utf-8")
    out = tmp_path / "chapter.xml"
    result = runner.invoke(cli, ["convert", *(str(tmp_path / f"p-{n}.txt")
                                              for n in ("045", "046", "301")), "-o", str(out)])
    assert result.exit_code == 0, result.output
    root = etree.parse(str(out)).getroot()
    notes = root.findall(f".//{{{TEI_NS}}}body//{{{TEI_NS}}}note")
    assert ["".join(n.itertext()) for n in notes] == ["Minutes of the meeting.",
                                                      "His diary, 1956."]
    assert [pb.get("n") for pb in root.iter(f"{{{TEI_NS}}}pb")] == ["45", "46"]
    assert "with the notes of p-301.txt" in "".join(
        root.find(f".//{{{TEI_NS}}}revisionDesc").itertext())


def test_a_page_of_running_text_is_never_an_endnotes_page():
    from teiedition.convert.pages import is_endnotes_page
    assert is_endnotes_page("| 69. One of the authors.\n|\n| 70. Telegram.\n")
    assert not is_endnotes_page("1954. The year began.\nIt went on.\n")
    assert not is_endnotes_page("|\n|\n")
