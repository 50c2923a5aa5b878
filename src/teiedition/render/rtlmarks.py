"""Right-to-left marks in the PDF's text layer (issue 13): the neutral characters at the
edge of a right-to-left run read in its direction.

Typst draws a run of right-to-left text in visual order, inside /ReversedChars marked
content, and a number in it as a run of its own. A reader has to put such a line back in
logical order, and none is told the direction of a space or a colon: MuPDF (what pymupdf
reads with) gives each glyph the direction of the first character its ToUnicode map gives,
a neutral one (a space, a colon) that of the glyph drawn before it, a European separator
or terminator (``- + % #``) left to right always; then it turns each run of right-to-left
glyphs around. So the space and colon that begin a run in drawing order (its logical end,
where a number follows it) take the number's direction and stay where they were drawn:
``عدد: 22`` reads back `` :عدد22``, and the ``-`` between two parts of a bibliography entry
sends the part after it before the one ahead of it.

A glyph of a right-to-left run that no letter of the run before it (in drawing order)
gives its direction, and a separator or terminator anywhere in the run, reads as U+200F
RIGHT-TO-LEFT MARK followed by its own text: the mark that Unicode's bidirectional
algorithm (UAX #9) advises for such a neutral in plain text, invisible, no part of a word,
and what gives the glyph its direction in every reader that orders by the characters. A
ToUnicode map has one text per glyph, so these occurrences are shown with a twin of their
font: a Type0 font dictionary with the same descendant font (the same glyph programs and
widths: the page prints the same) and a ToUnicode map whose texts begin with the mark.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Iterable, Sequence

from pypdf.generic import DictionaryObject, NameObject, PdfObject, StreamObject

RLM = "\u200f"
#: Directions a reader that orders by characters gives a glyph of its own: right to left
#: (letters, Arabic-Indic digits) and left to right (letters, European digits, their
#: separators and terminators); anything else takes the direction of what comes before.
_RIGHT_TO_LEFT = {"R", "AL", "AN"}
_LEFT_TO_RIGHT = {"L", "EN", "ES", "ET"}
_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)


def marked(texts: Sequence[str | None], directed: bool) -> tuple[set[int], bool]:
    """Of glyphs of a right-to-left run in drawing order (``texts``: what each reads as;
    None or "": nothing), the indices of those that read as RLM and their text (see the
    module's docstring), and whether the glyph after them has its direction from them;
    ``directed``: whether the glyph before them gives the run's direction."""
    indices: set[int] = set()
    for index, text in enumerate(texts):
        if not text:
            continue
        kind = unicodedata.bidirectional(text[0])
        if kind in _RIGHT_TO_LEFT:
            directed = True
        elif kind in _LEFT_TO_RIGHT or not directed:
            indices.add(index)
            directed = True
    return indices, directed


def marked_cmap(cmap_data: bytes, texts: dict[int, str]) -> bytes:
    """A ToUnicode map like ``cmap_data`` with each code's text (``texts``: the mended
    ones) preceded by RLM."""
    def entry(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        if code not in texts:
            return match.group(0)
        return b"<%s> <%s>" % (match.group(1), (RLM + texts[code]).encode("utf-16-be")
                               .hex().upper().encode())
    return _BFCHAR.sub(lambda block: _ENTRY.sub(entry, block.group(0)), cmap_data)


def twin_font(font: DictionaryObject, to_unicode: PdfObject) -> DictionaryObject:
    """A Type0 font dictionary like ``font`` (sharing its descendant font) with another
    ToUnicode map."""
    twin = DictionaryObject({NameObject(key): font.raw_get(key) for key in font})
    twin[NameObject("/ToUnicode")] = to_unicode
    return twin


def twin_name(name: str, taken: Iterable[str]) -> NameObject:
    """A resource name for the twin of the font named ``name``, not among ``taken``."""
    taken = set(taken)
    candidate, number = f"{name}.rtl", 1
    while candidate in taken:
        number += 1
        candidate = f"{name}.rtl{number}"
    return NameObject(candidate)


def with_fonts(holder: DictionaryObject | StreamObject, fonts: dict[str, PdfObject],
               path: Sequence[str], copy: Callable[[PdfObject], PdfObject]) -> PdfObject:
    """A copy of ``holder`` (the object whose dictionary holds a /Font dictionary at
    ``path``: [] for the /Font dictionary itself, ["/Resources", "/Font"] for a page or a
    form) with ``fonts`` added to that dictionary."""
    top = copy(holder)
    node = top
    for key in path:
        inner = DictionaryObject({NameObject(k): v for k, v in node[key].get_object().items()})
        node[NameObject(key)] = inner
        node = inner
    for name, ref in fonts.items():
        node[NameObject(name)] = ref
    return top
