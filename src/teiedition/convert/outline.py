"""Nesting a structured text into divisions by its headings (Word, Markdown).

A heading of level L opens a division that runs to the next heading of level L or higher;
a title (level 0) or subtitle before any text heads the whole document. TEI puts a
division's blocks before its subdivisions, which this order of reading guarantees.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Block, Division, Node


@dataclass(frozen=True)
class Heading:
    """A heading as read, before the divisions are built: level 1-9, 0 for a title."""

    inlines: tuple
    level: int
    subtitle: bool = False


def nest_divisions(items: list, finish: Callable[[list], list[Node]] = list) -> list[Node]:
    """The document's nodes: ``items`` (blocks and :class:`Heading` s, in order) nested into
    divisions. ``finish`` turns the blocks of one division into nodes (Word groups its list
    paragraphs into lists there)."""
    root: list = []
    stack: list[tuple[int, list, list]] = [(-1, [], root)]  # (level, heads, content)
    for item in items:
        if not isinstance(item, Heading):
            stack[-1][2].append(item)
            continue
        top = stack[-1]
        if (item.subtitle or item.level == 0) and not top[2]:
            # A title before any text heads the document; a subtitle joins the heads above.
            top[1].append(Block("head", item.inlines, 0, type="sub" if item.subtitle else None))
            continue
        if item.subtitle:  # a subtitle after text heads nothing: it is a paragraph
            top[2].append(Block("p", item.inlines, 0))
            continue
        level = max(item.level, 1)
        while stack[-1][0] >= level:
            _close(stack, finish)
        stack.append((level, [Block("head", item.inlines, 0)], []))
    while len(stack) > 1:
        _close(stack, finish)
    return stack[0][1] + finish(root)


def _close(stack: list, finish: Callable[[list], list[Node]]) -> None:
    level, heads, content = stack.pop()
    blocks = finish([c for c in content if not isinstance(c, Division)])
    divisions = [c for c in content if isinstance(c, Division)]
    stack[-1][2].append(Division(tuple(heads), tuple(blocks + divisions), level))
