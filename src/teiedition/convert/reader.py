"""Reading a text into the document model: blocks, note references, fragments.

Two layouts are read. The *reading-site* format (see docs/input-format.md):
paragraphs separated by lines that hold only ``|``, indented blocks
(quotations) on lines starting with ``| |``. And plain text: paragraphs
separated by blank lines. Lines inside a paragraph are joined with one space.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from ..model import Block, Document, Finding, Inline, Note, NoteRef, Part
from .notes import Candidate, NoteMarkers, choose_chain, find_candidates

_SENTENCE_END = ".!?…"
_CLOSERS = "\"'”’)]»"
_QUOTE_PREFIX = "| |"


@dataclass
class _RawBlock:
    kind: str
    lines: list[tuple[int, str]] = field(default_factory=list)

    def joined(self) -> tuple[str, list[int]]:
        starts, parts, offset = [], [], 0
        for _, line in self.lines:
            starts.append(offset)
            parts.append(line)
            offset += len(line) + 1
        return " ".join(parts), starts


def read_text(text: str, *, starts_mid_paragraph: bool | None = None,
              notes: Mapping[int, str] | None = None,
              note_markers: NoteMarkers = "auto") -> Document:
    """Read a page of text into a :class:`Document`.

    ``starts_mid_paragraph`` overrides the default (true for the reading-site
    format, else a lower-case first letter decides). ``notes`` maps note
    numbers to their texts (from an endnotes page); notes without a text get
    none, and the TEI says so. ``note_markers`` says how the text marks note
    references (see :func:`.notes.choose_chain`).
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    site_format = any(line.strip() == "|" for line in lines)
    raw = _split_blocks(lines, site_format)
    findings: list[Finding] = []

    joined = [block.joined() for block in raw]
    candidates = [cand for i, (block, (text_, starts)) in enumerate(zip(raw, joined, strict=True))
                  for cand in find_candidates(i, text_, starts, block.lines[0][0])]
    chain = choose_chain(candidates, note_markers)
    for value in chain.missing:
        findings.append(Finding("note-missing", f"note {value} is missing from the sequence "
                                f"{chain.notes[0].value}-{chain.notes[-1].value}"))
    for cand in chain.skipped:
        findings.append(Finding("note-skipped", f"'{cand.value}' looks like a note reference "
                                "but breaks the sequence; kept as text", cand.line))

    by_block: dict[int, list[Candidate]] = {}
    for cand in chain.notes:
        by_block.setdefault(cand.block, []).append(cand)
    blocks = [Block(rb.kind, _inlines(text_, by_block.get(i, [])), rb.lines[0][0])  # type: ignore[arg-type]
              for i, (rb, (text_, _)) in enumerate(zip(raw, joined, strict=True))]
    blocks = _mark_fragments(blocks, site_format, starts_mid_paragraph)

    note_texts = dict(notes or {})
    note_list = []
    for cand in chain.notes:
        body = note_texts.pop(cand.value, None)
        note_list.append(Note(cand.value, (body,) if body is not None else None))
    if notes is not None:
        lacking = [n.n for n in note_list if n.inlines is None]
        if lacking:
            findings.append(Finding("notes-without-text", "the notes file has no text for "
                                    f"note{'s' if len(lacking) > 1 else ''} "
                                    + ", ".join(map(str, lacking))))
        if note_texts:
            findings.append(Finding("notes-unreferenced", "the notes file has notes the text "
                                    "never references: " + ", ".join(map(str, sorted(note_texts)))))
    return Document(tuple(blocks), tuple(note_list), tuple(findings))


def _split_blocks(lines: list[str], site_format: bool) -> list[_RawBlock]:
    blocks: list[_RawBlock] = []
    current: _RawBlock | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped in ("", "|"):
            current = None
            continue
        kind = "p"
        if site_format and stripped.startswith(_QUOTE_PREFIX):
            kind, stripped = "quote", stripped[len(_QUOTE_PREFIX):].strip()
            if not stripped:
                current = None
                continue
        if current is None or current.kind != kind:
            current = _RawBlock(kind)
            blocks.append(current)
        current.lines.append((number, stripped))
    return blocks


def _inlines(text: str, refs: list[Candidate]) -> tuple[Inline, ...]:
    """Cut the block's text at its note markers (the number and the whitespace before it)."""
    out: list[Inline] = []
    pos = 0
    for ref in refs:
        if ref.start > pos:
            out.append(text[pos:ref.start])
        out.append(NoteRef(ref.value, ref.line))
        pos = ref.end
    if pos < len(text):
        out.append(text[pos:])
    return tuple(out)


def _mark_fragments(blocks: list[Block], site_format: bool,
                    starts_mid: bool | None) -> list[Block]:
    if not blocks:
        return blocks
    first, last = blocks[0], blocks[-1]
    begins_inside = first.kind == "p" and (
        starts_mid if starts_mid is not None else site_format or _starts_mid_word(first.text()))
    breaks_off = last.kind == "p" and not _ends_sentence(last.text())
    parts: dict[int, Part] = {}
    if begins_inside:
        parts[0] = "F"
    if breaks_off:
        parts[len(blocks) - 1] = "M" if parts.get(len(blocks) - 1) == "F" else "I"
    return [Block(b.kind, b.inlines, b.line, parts.get(i)) for i, b in enumerate(blocks)]


def _starts_mid_word(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.islower() or (first != "" and first in ",;:.)]-–")


def _ends_sentence(text: str) -> bool:
    tail = text.rstrip().rstrip(_CLOSERS)
    return tail[-1:] in tuple(_SENTENCE_END) if tail else False
