"""Joining a book's pages into one text (issue 15).

Each page is read as a page of text (:func:`.reader.read_text`); then the pages are
joined in order. A page break becomes a ``pb`` with the page's number: between blocks
where a page begins a new paragraph, inside the paragraph where the text runs on. The
text runs on when the page before breaks off without sentence punctuation (``part="I"``)
or the page begins in the middle of a word or sentence (a lower-case letter); a quotation
at the foot of one page and the head of the next is one quotation. A word hyphenated
across the break (``govern-`` / ``ment``) is rejoined: the hyphen, which only the page's
layout made, goes, and the ``pb`` says ``break="no"``.

Note numbers run on across pages. Where they start again lower (the book restarts them,
per chapter), the notes are renumbered for their ids and keep the printed number in
``@n``; a gap in the sequence between pages is reported. A page that is missing (its
number skipped) is reported and marked ``<gap reason="missing-page"/>``; nothing is
joined across it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Mapping, Sequence

from ..model import Block, Break, Document, Finding, Gap, Inline, Node, Note, NoteRef, Part
from .notes import NoteMarkers
from .reader import read_text

_HYPHENATED = re.compile(r"(?<=\w)-$")
#: A line of an endnotes page: ``| 69. Text of the note`` (as :mod:`.endnotes` reads it).
_NOTE_LINE = re.compile(r"^\|?\s*\d{1,4}\.\s+\S")


def is_endnotes_page(text: str) -> bool:
    """Whether a page is the book's endnotes page: every line a note (``| 69. Text``) or a
    separator. A page of running text never is: its lines do not all begin with a number."""
    lines = [line.strip() for line in text.splitlines() if line.strip() not in ("", "|")]
    return bool(lines) and all(_NOTE_LINE.match(line) for line in lines)


@dataclass(frozen=True)
class Page:
    """One page of the book: its number as printed, and its text."""

    number: int
    text: str
    name: str = ""


def read_pages(pages: Sequence[Page], *, starts_mid_paragraph: bool | None = None,
               notes: Mapping[int, str] | None = None,
               note_markers: NoteMarkers = "auto") -> Document:
    """Read ``pages`` (in order) into one :class:`Document`. ``starts_mid_paragraph`` is
    about the first page, as for one page; ``notes`` maps note numbers to their texts
    (an endnotes page), when the numbers do not restart. ``note_markers`` as for one
    page; with "auto", the rule that a lone number is no note applies to the text, not to
    each page: a page may hold one note of the book's sequence."""
    if note_markers == "auto":
        joined = _read_pages(pages, starts_mid_paragraph, notes, "numbers")
        if len(joined.notes) >= 2:
            return joined
    return _read_pages(pages, starts_mid_paragraph, notes, note_markers)


def _read_pages(pages: Sequence[Page], starts_mid_paragraph: bool | None,
                notes: Mapping[int, str] | None, note_markers: NoteMarkers) -> Document:
    findings: list[Finding] = []
    nodes: list[Node] = []
    all_notes: list[Note] = []  # with their printed numbers
    previous: Page | None = None
    for index, page in enumerate(pages):
        if previous is not None and page.number != previous.number + 1:
            missing = list(range(previous.number + 1, page.number))
            if page.number <= previous.number or len(missing) > 1000:
                findings.append(Finding("page-order", f"page {page.number} ({page.name}) "
                                        f"follows page {previous.number}"))
            for number in missing[:1000]:
                findings.append(Finding("page-missing", f"page {number} is missing: "
                                        "marked as a gap, nothing joined across it"))
                nodes.extend([Break("pb", str(number)), Gap("missing-page")])
        first = index == 0
        doc = read_text(page.text, starts_mid_paragraph=starts_mid_paragraph if first
                        else False, note_markers=note_markers)
        findings.extend(replace(f, message=f"page {page.number}: {f.message}")
                        for f in doc.findings)
        all_notes.extend(doc.notes)
        blocks = list(doc.blocks)
        joined = bool(nodes) and not isinstance(nodes[-1], Gap) and blocks \
            and _continues(nodes[-1], blocks[0])  # type: ignore[arg-type]
        if joined:
            nodes[-1] = _join(nodes[-1], blocks.pop(0), str(page.number))  # type: ignore[arg-type]
        else:
            nodes.append(Break("pb", str(page.number)))
        nodes.extend(blocks)
        previous = page
    note_list = _sequence(all_notes, findings)
    if any(note.label is not None for note in note_list):
        nodes = _renumber(nodes)
    if notes is not None:
        note_list = _fill(note_list, notes, findings)
    return Document(tuple(_clear_parts_at_gaps(nodes)), tuple(note_list), tuple(findings))


def _continues(before: Node, block: Block) -> bool:
    """Whether ``block``, the first of a page, continues ``before``, the last of the page
    before: a paragraph broken off, or a page that begins mid-word; a quotation on both."""
    if not isinstance(before, Block) or before.kind != block.kind:
        return False
    if block.kind == "quote":
        return True
    first = block.text().lstrip()[:1]
    return before.part in ("I", "M") or first.islower() or first in ",;:.)]-–"


def _join(before: Block, block: Block, page: str) -> Block:
    """One block from two cut by a page break, a ``pb`` where the page begins."""
    inlines: list[Inline] = list(before.inlines)
    last, first = inlines[-1] if inlines else None, block.inlines[0] if block.inlines else None
    if isinstance(last, str) and _HYPHENATED.search(last) and isinstance(first, str) \
            and first[:1].islower():
        inlines[-1] = last[:-1]  # the hyphen only the page's layout made
        inlines.append(Break("pb", page, within_word=True))
    else:
        if isinstance(last, str):
            inlines[-1] = last + " "
        else:
            inlines.append(" ")
        inlines.append(Break("pb", page))
    for item in block.inlines:
        if isinstance(item, str) and isinstance(inlines[-1], str):
            inlines[-1] += item
        else:
            inlines.append(item)
    begins, ends = before.part in ("F", "M"), block.part in ("I", "M")
    part: Part = "M" if begins and ends else "F" if begins else "I" if ends else None
    return Block(before.kind, tuple(inlines), before.line, part)


def _sequence(notes: list[Note], findings: list[Finding]) -> list[Note]:
    """The notes of all pages as one sequence: where the printed numbers start again, the
    notes get running numbers (their ids) and keep the printed one as their label."""
    restarts = [i for i in range(1, len(notes)) if notes[i].n <= notes[i - 1].n]
    for i in range(1, len(notes)):
        if notes[i].n > notes[i - 1].n + 1:
            findings.append(Finding("note-missing", f"notes {notes[i - 1].n + 1}-"
                                    f"{notes[i].n - 1} are missing between pages"
                                    if notes[i].n > notes[i - 1].n + 2 else
                                    f"note {notes[i - 1].n + 1} is missing between pages"))
    if not restarts:
        return notes
    for i in restarts:
        findings.append(Finding("notes-restart", f"note numbers start again at {notes[i].n} "
                                f"after {notes[i - 1].n}", severity="info"))
    return [Note(i, note.inlines, label=str(note.n)) for i, note in enumerate(notes, 1)]


def _renumber(nodes: list[Node]) -> list[Node]:
    """Point the note references, in text order, at the running numbers."""
    counter = iter(range(1, 1 << 30))
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, Block):
            node = replace(node, inlines=tuple(NoteRef(next(counter), i.line)
                                               if isinstance(i, NoteRef) else i
                                               for i in node.inlines))
        out.append(node)
    return out


def _fill(notes: list[Note], texts: Mapping[int, str], findings: list[Finding]) -> list[Note]:
    """Give the notes their texts from an endnotes page, by printed number."""
    if any(note.label is not None for note in notes):
        findings.append(Finding("notes-ambiguous", "the note numbers start again, so the "
                                "endnotes page cannot be matched by number; not used"))
        return notes
    remaining = dict(texts)
    filled = [replace(note, inlines=(remaining.pop(note.n),) if note.n in remaining
                      else None) for note in notes]
    lacking = [str(note.n) for note in filled if note.inlines is None]
    if lacking:
        findings.append(Finding("notes-without-text", "the notes file has no text for "
                                "notes " + ", ".join(lacking)))
    if remaining:
        findings.append(Finding("notes-unreferenced", "the notes file has notes the text "
                                "never references: " + ", ".join(map(str, sorted(remaining)))))
    return filled


def _clear_parts_at_gaps(nodes: list[Node]) -> list[Node]:
    """Beside a missing page a paragraph is cut by the gap, which says so: @part is kept
    for the text's own first and last paragraph only."""
    blocks = [i for i, node in enumerate(nodes) if isinstance(node, Block)]
    out = list(nodes)
    for i in blocks[1:-1] if len(blocks) > 2 else []:
        out[i] = replace(nodes[i], part=None)  # type: ignore[arg-type]
    for i in blocks[:1]:
        if nodes[i].part in ("I", "M") and len(blocks) > 1:  # type: ignore[union-attr]
            out[i] = replace(nodes[i], part="F" if nodes[i].part == "M" else None)  # type: ignore
    for i in blocks[-1:]:
        if nodes[i].part in ("F", "M") and len(blocks) > 1:  # type: ignore[union-attr]
            out[i] = replace(nodes[i], part="I" if nodes[i].part == "M" else None)  # type: ignore
    return out
