"""Where a problem is: the element's own line, and its column found in the source text.

lxml gives elements a line but no column; the column is found by looking for
the element's start tag on its line (the n-th one, when the line holds several
elements with the same name).
"""

from __future__ import annotations

import re

from lxml import etree


class SourceLines:
    """The lines of a document's source, decoded lazily, for column look-ups."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._lines: list[str] | None = None

    def line(self, number: int) -> str:
        if self._lines is None:
            self._lines = self._data.decode("utf-8", errors="replace").split("\n")
        return self._lines[number - 1] if 0 < number <= len(self._lines) else ""


def element_column(element: etree._Element, source: SourceLines) -> int | None:
    """The 1-based column of ``element``'s start tag, or None when it cannot be found."""
    line = element.sourceline
    if not line or not isinstance(element.tag, str):
        return None
    qname = etree.QName(element)
    prefix = element.prefix
    name = f"{prefix}:{qname.localname}" if prefix else qname.localname
    text = source.line(line)
    starts = [m.start() + 1 for m in re.finditer(r"<" + re.escape(name) + r"(?=[\s/>])", text)]
    if not starts:
        return None
    # Count the same-named elements that start earlier on the same line.
    scope = element.getparent() if element.getparent() is not None else element
    same_line = [e for e in scope.iter(element.tag) if e.sourceline == line]
    index = same_line.index(element) if element in same_line else 0
    return starts[min(index, len(starts) - 1)]


def stray_text(element: etree._Element, source: SourceLines | None = None
               ) -> tuple[str, int | None, etree._Element | None]:
    """The first text of ``element`` that is not whitespace (its own text or a child's
    tail), the line it starts on (where Jing reports "text not allowed here"), and the
    child whose tail it is (None for the element's own text).

    lxml gives text no line. An element's line is that of the end of its start tag, so
    its own text starts there plus the line ends before it. A tail starts after its
    element's end tag, whose line is not known: its line is counted back from the next
    sibling's, or, for the last child, looked for in ``source`` from the child's last
    element on (the element's own line when it is not found).
    """
    if element.text and element.text.strip():
        text = element.text
        offset = len(text) - len(text.lstrip())
        return text.strip(), (element.sourceline + text.count("\n", 0, offset)
                              if element.sourceline else None), None
    for child in element:
        text = child.tail
        if not text or not text.strip():
            continue
        offset = len(text) - len(text.lstrip())
        following = child.getnext()
        if following is not None and following.sourceline:
            return text.strip(), max(following.sourceline - text.count("\n", offset), 1), child
        return text.strip(), _find_after(child, text.strip(), source) or element.sourceline, child
    return "", element.sourceline, None


def _find_after(child: etree._Element, text: str, source: SourceLines | None) -> int | None:
    """The line, after ``child``'s last element, where ``text`` (its first line) stands."""
    if source is None:
        return None
    start = max((e.sourceline or 0) for e in child.iter())
    first = text.split("\n", 1)[0].strip()
    return next((line for line in range(start, start + 50) if first in source.line(line)),
                None)


def column_of(source: SourceLines, line: int | None, needle: str, start: int = 1
              ) -> int | None:
    """The 1-based column where ``needle`` first stands on ``line`` from column ``start``
    on, or None."""
    if not line or not needle:
        return None
    index = source.line(line).find(needle, start - 1)
    return index + 1 if index >= 0 else None
