"""The document model: what the converter reads from a text, before it is TEI.

Frozen dataclasses, so that a stage can only hand on a new model, never change
the one it was given. The flow is text → :class:`Document` → TEI tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Literal, Union

from .register import Entry

#: How a block of text relates to the source unit it comes from (TEI ``@part``):
#: ``F`` the source begins inside it, ``I`` the source breaks off inside it,
#: ``M`` both; ``None`` a whole paragraph.
Part = Literal["F", "I", "M"] | None


@dataclass(frozen=True)
class NoteRef:
    """A footnote reference number found in the running text, consumed as a marker."""

    n: int
    line: int


@dataclass(frozen=True)
class Mention:
    """A tagged stretch of text: a name (person, place, org, event) or a date.

    ``attrs`` holds the TEI attributes the tag carries (``ref``, ``when``,
    ``from``, ``to``, ``notBefore``, ``notAfter``, ``cert`` ...), as pairs so
    that the model stays hashable and its order deterministic.
    """

    kind: Literal["person", "place", "org", "event", "date"]
    text: str
    attrs: tuple[tuple[str, str], ...] = ()

    def attr(self, name: str) -> str | None:
        return dict(self.attrs).get(name)


@dataclass(frozen=True)
class Span:
    """Inline content in an element of its own, named by its TEI tag: ``hi`` (with ``rend``),
    ``foreign`` (with ``xml:lang``), ``title``, ``ref`` (with ``target``), ``add``/``del``
    (tracked changes), or a name a Word character style gives (``persName`` ...).

    Names and dates are :class:`Mention` (the taggers make those); a ``Span`` is formatting or
    markup the source itself carries. ``attrs`` are TEI attribute pairs, as in Mention.
    """

    tag: str
    inlines: tuple["Inline", ...]
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Break:
    """A line break (``lb``) or a page break (``pb``, with the page number in ``n``).

    ``within_word``: the break cuts a word (TEI ``break="no"``), as a page of a book cuts
    ``govern-`` / ``ment``. Between blocks, a break is a page boundary there."""

    kind: Literal["lb", "pb"]
    n: str | None = None
    within_word: bool = False


@dataclass(frozen=True)
class Gap:
    """Text the source does not give (``gap``): a missing page, an image too large to keep."""

    reason: str


Inline = Union[str, NoteRef, Mention, Span, Break, Gap]


def inline_text(inlines: "tuple[Inline, ...]") -> str:
    """The running text of inline content, without note markers and breaks."""
    return "".join(i if isinstance(i, str) else i.text if isinstance(i, Mention)
                   else inline_text(i.inlines) if isinstance(i, Span) else "" for i in inlines)


@dataclass(frozen=True)
class Block:
    """A paragraph (``p``), a block quotation (``quote``) or a heading (``head``)."""

    kind: Literal["p", "quote", "head"]
    inlines: tuple[Inline, ...]
    line: int
    part: Part = None
    #: A kind of heading (``sub`` for a subtitle), as TEI ``head/@type``.
    type: str | None = None

    def text(self) -> str:
        """The block's running text, without note markers."""
        return inline_text(self.inlines)


@dataclass(frozen=True)
class Item:
    """An item of a list: its paragraphs (usually one) and the lists nested in it."""

    blocks: tuple["Node", ...]


@dataclass(frozen=True)
class ListBlock:
    """A list (``list``), numbered (``ordered``) or bulleted."""

    items: tuple[Item, ...]
    ordered: bool = False


@dataclass(frozen=True)
class Cell:
    """A table cell; ``cols``/``rows`` are the columns and rows it spans."""

    blocks: tuple["Node", ...]
    cols: int = 1
    rows: int = 1


@dataclass(frozen=True)
class Row:
    """A table row; ``label`` marks a header row (TEI ``role="label"``)."""

    cells: tuple[Cell, ...]
    label: bool = False


@dataclass(frozen=True)
class Table:
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Figure:
    """An image: ``url`` is where its file is written beside the TEI (None: not kept, and
    ``gap`` says why); ``description`` is its alternative text."""

    url: str | None
    description: str | None = None
    gap: str | None = None


@dataclass(frozen=True)
class Division:
    """A division of a structured text (``div``) under its heading(s); ``level`` is the
    heading level that opened it (1 for Heading 1)."""

    heads: tuple[Block, ...]
    blocks: tuple["Node", ...]
    level: int


#: What a division holds. A page of text holds only blocks; pages joined into one text also
#: page breaks between blocks, and a gap where a page is missing.
Node = Union[Block, ListBlock, Table, Figure, Division, Break, Gap]


@dataclass(frozen=True)
class Note:
    """A note's content. ``inlines`` is None when the source does not give its text.

    ``n`` identifies the note (its ``xml:id`` is ``n`` + n). A Word document numbers its
    footnotes and endnotes separately and may use marks of its own, so its notes carry the
    mark as printed in ``label`` (TEI ``@n``); ``place`` is ``foot`` or ``end``, or None for
    an annotation such as a comment (no ``@n``, no ``@place``). A note of several paragraphs
    has them in ``blocks`` (and empty ``inlines``).
    """

    n: int
    inlines: tuple[Inline, ...] | None
    place: str | None = "foot"
    label: str | None = None
    type: str = "authorial"
    blocks: tuple[Block, ...] = ()
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Finding:
    """Something the reader noticed and the user should hear about (not an error)."""

    code: str
    message: str
    line: int | None = None
    severity: Literal["info", "warning"] = "warning"


@dataclass(frozen=True)
class Suggestion:
    """A name-like sequence the register does not cover (``teiedition suggest``)."""

    name: str
    kind: Literal["person", "place", "org", "event"]
    count: int
    contexts: tuple[str, ...]
    #: For a short form two register entries share (never tagged): their ids.
    ambiguous: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One source unit (a page, an excerpt, a chapter) read from text, Word or Markdown.

    A page of text holds only :class:`Block` s; a structured input (Word, Markdown) also
    divisions, lists, tables and figures.
    """

    blocks: tuple[Node, ...]
    notes: tuple[Note, ...]
    findings: tuple[Finding, ...] = field(default=())
    #: The register entries the document names, in register order (for its standOff).
    entries: tuple[Entry, ...] = ()
    #: The register the names were linked to: (source, date), recorded in the header.
    register: tuple[str, str | None] | None = None
    #: What the body's one division is (``div/@type``): a page's excerpt, a whole document.
    unit: str = "excerpt"
    #: Authors of tracked changes kept as add/del: (xml:id, name), named in the header.
    revisers: tuple[tuple[str, str], ...] = ()
    #: The tracked changes kept as add/del: (xml:id, who's xml:id, ISO date or None).
    revisions: tuple[tuple[str, str, str | None], ...] = ()

    @property
    def note_numbers(self) -> tuple[int, ...]:
        return tuple(note.n for note in self.notes)


def iter_blocks(nodes: tuple[Node, ...]) -> Iterator[Block]:
    """Every paragraph, quotation and heading in ``nodes``, nested ones too, in text order."""
    for node in nodes:
        if isinstance(node, Block):
            yield node
        elif isinstance(node, Division):
            yield from node.heads
            yield from iter_blocks(node.blocks)
        elif isinstance(node, ListBlock):
            for item in node.items:
                yield from iter_blocks(item.blocks)
        elif isinstance(node, Table):
            for row in node.rows:
                for cell in row.cells:
                    yield from iter_blocks(cell.blocks)
