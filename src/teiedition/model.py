"""The document model: what the converter reads from a text, before it is TEI.

Frozen dataclasses, so that a stage can only hand on a new model, never change
the one it was given. The flow is text → :class:`Document` → TEI tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

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


Inline = Union[str, NoteRef, Mention]


@dataclass(frozen=True)
class Block:
    """A paragraph (``p``) or an indented block quotation (``quote``) of the source."""

    kind: Literal["p", "quote"]
    inlines: tuple[Inline, ...]
    line: int
    part: Part = None

    def text(self) -> str:
        """The block's running text, without note markers."""
        return "".join(i if isinstance(i, str) else i.text if isinstance(i, Mention) else ""
                       for i in self.inlines)


@dataclass(frozen=True)
class Note:
    """A note's content. ``inlines`` is None when the source does not give its text."""

    n: int
    inlines: tuple[Inline, ...] | None


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
    """One source unit (a page, an excerpt, a chapter) read from text."""

    blocks: tuple[Block, ...]
    notes: tuple[Note, ...]
    findings: tuple[Finding, ...] = field(default=())
    #: The register entries the document names, in register order (for its standOff).
    entries: tuple[Entry, ...] = ()
    #: The register the names were linked to: (source, date), recorded in the header.
    register: tuple[str, str | None] | None = None

    @property
    def note_numbers(self) -> tuple[int, ...]:
        return tuple(note.n for note in self.notes)
