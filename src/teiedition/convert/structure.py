"""Tagging a structured document (Word, Markdown, joined pages) with the text taggers.

The taggers (:func:`.taggers.tag_document`) read a flat list of paragraphs. A structured
document has its text in headings, paragraphs, list items, table cells, notes of several
paragraphs, and inside formatting (``hi``, ``foreign``, links). Each such run of inline
content is handed to the taggers as a paragraph of its own, in text order, and the tagged
content is put back where it came from: a name is never tagged across a note, a
formatting boundary or a block (issue 15), and the names inside a TEI-named element
(``persName`` from a Word character style) or a deletion are left as the source has them.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable

from ..model import (Block, Cell, Division, Document, Inline, Item, ListBlock, Node, Row,
                     Span, Table)
from ..register import Register
from .names import NameIndex
from .ner import Recognizer
from .taggers import tag_document

#: Spans whose text the taggers read: formatting, links, additions.
TAGGED_INSIDE = frozenset(("hi", "foreign", "ref", "add", "emph", "q"))

Rewrite = Callable[[tuple[Inline, ...]], tuple[Inline, ...]]


def tag_structured(doc: Document, register: Register | None,
                   recognizer: Recognizer | None = None, *,
                   index: NameIndex | None = None) -> Document:
    """Tag names and dates in every run of text of ``doc``, as :func:`tag_document` does."""
    runs: list[tuple[Inline, ...]] = []

    def collect(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
        runs.append(inlines)
        return inlines

    _rewrite_document(doc, collect)
    # A text that begins inside its first paragraph (a page) does not tag a name cut there.
    first = doc.blocks[0] if doc.blocks else None
    part = first.part if isinstance(first, Block) and first.kind == "p" else None
    flat = Document(tuple(Block("p", inlines, number, part if number == 1 else None)
                          for number, inlines in enumerate(runs, 1)),
                    doc.notes, entries=doc.entries, register=doc.register)
    tagged = tag_document(flat, register, recognizer, index=index)
    results = iter(block.inlines for block in tagged.blocks)  # type: ignore[union-attr]
    rewritten = _rewrite_document(replace(doc, notes=tagged.notes), lambda _: next(results))
    return replace(rewritten, entries=tagged.entries, register=tagged.register)


def _rewrite_document(doc: Document, fn: Rewrite) -> Document:
    blocks = tuple(_node(node, fn) for node in doc.blocks)
    notes = tuple(replace(note, blocks=tuple(_block(b, fn) for b in note.blocks))
                  if note.blocks else note for note in doc.notes)
    return replace(doc, blocks=blocks, notes=notes)


def _node(node: Node, fn: Rewrite) -> Node:
    if isinstance(node, Block):
        return _block(node, fn)
    if isinstance(node, Division):
        return replace(node, heads=tuple(_block(h, fn) for h in node.heads),
                       blocks=tuple(_node(n, fn) for n in node.blocks))
    if isinstance(node, ListBlock):
        return replace(node, items=tuple(Item(tuple(_node(n, fn) for n in item.blocks))
                                         for item in node.items))
    if isinstance(node, Table):
        return Table(tuple(Row(tuple(Cell(tuple(_node(n, fn) for n in cell.blocks), cell.cols,
                                          cell.rows) for cell in row.cells), row.label)
                           for row in node.rows))
    return node


def _block(block: Block, fn: Rewrite) -> Block:
    return replace(block, inlines=_inlines(block.inlines, fn))


def _inlines(inlines: tuple[Inline, ...], fn: Rewrite) -> tuple[Inline, ...]:
    """The run itself first, then the spans of the result, in order (both passes alike)."""
    result = fn(inlines)
    return tuple(replace(item, inlines=_inlines(item.inlines, fn))
                 if isinstance(item, Span) and item.tag in TAGGED_INSIDE else item
                 for item in result)
