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

A glyph of a right-to-left run that no letter drawn before it in the same text object
gives its direction, and a separator or terminator anywhere in the run, reads as U+200F
RIGHT-TO-LEFT MARK followed by its own text: the mark that Unicode's bidirectional
algorithm (UAX #9) advises for such a neutral in plain text, invisible, no part of a word,
and what gives the glyph its direction in every reader that orders by the characters. A
ToUnicode map has one text per glyph, so these occurrences are shown with a twin of their
font: a Type0 font dictionary with the same descendant font (the same glyph programs and
widths: the page prints the same) and a ToUnicode map whose texts begin with the mark.

Arabic-Indic digits (Unicode's class AN) are right to left to MuPDF, which so turns a
number of them around with the letters (``١٣١٥`` reads back ``٥١٣١``), in whatever order
its glyphs are drawn. Such a number reads, from its first glyph, as U+200E LEFT-TO-RIGHT
MARK and its digits: that glyph is shown with a twin whose map gives it LRM and its own
text (so that it is left to right), inside an /ActualText of LRM and the number (which
MuPDF matches from the front: from the back, it counts bytes for characters and doubles
one), the other glyphs inside an /ActualText of nothing. A reader without /ActualText
(pypdf) reads the mark and each glyph's digit.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Mapping, Sequence

import pypdf
from pypdf.generic import DictionaryObject, IndirectObject, NameObject, PdfObject, StreamObject

from .pdfupdate import stream_like

RLM = "\u200f"
LRM = "\u200e"
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


def number(texts: Sequence[str | None]) -> tuple[int, int] | None:
    """Of the glyphs of a left-to-right run in drawing order, the first and the last of
    those that read as right-to-left digits (Unicode's class AN: Arabic-Indic digits and
    their separators), or None."""
    digits = [index for index, text in enumerate(texts)
              if text and unicodedata.bidirectional(text[0]) == "AN"]
    return (digits[0], digits[-1]) if digits else None


class Twins:
    """The twins of a PDF's fonts: a new Type0 font for each font and mark (RLM, LRM)
    that some of its glyphs need, and its name in each font dictionary of resources that
    shows it."""

    def __init__(self, reader: pypdf.PdfReader) -> None:
        self._reader = reader
        self._next = int(reader.trailer["/Size"])
        self._fonts: dict[tuple[int, str], tuple[IndirectObject, dict[int, str]]] = {}
        self._names: dict[tuple[int, str, str], NameObject] = {}
        self._holders: dict[int, tuple[list[str], dict[str, IndirectObject]]] = {}

    def name(self, holder: tuple[IndirectObject, list[str]] | None, name: str, mark: str,
             *, resources: DictionaryObject, readings: dict[str, dict[int, str] | None]
             ) -> NameObject | None:
        """The name of the twin with ``mark`` of the font ``name`` in ``resources``
        (whose font dictionary ``holder`` holds: an object and the keys to it from
        there; ``readings``: what the glyphs of each font read as); None where there is
        none to give."""
        fonts = (resources.get("/Font") or DictionaryObject()).get_object()
        ref, texts = fonts.raw_get(name), readings.get(name)
        if holder is None or not isinstance(ref, IndirectObject) or texts is None:
            return None
        key = (holder[0].idnum, name, mark)
        if key not in self._names:
            if (ref.idnum, mark) not in self._fonts:
                self._fonts[ref.idnum, mark] = (IndirectObject(self._next, 0, self._reader),
                                                texts)
                self._next += 2  # the font and its ToUnicode map
            path, added = self._holders.setdefault(holder[0].idnum, (holder[1], {}))
            self._names[key] = _free_name(f"{name}.{_SUFFIX[mark]}", set(fonts) | set(added))
            added[self._names[key]] = self._fonts[ref.idnum, mark][0]
        return self._names[key]

    def objects(self, changed: Mapping[int, PdfObject]) -> dict[int, PdfObject]:
        """The new and changed objects: each twin and its map, each font dictionary
        with the twins' names (``changed``: the objects changed so far)."""
        objects: dict[int, PdfObject] = {}
        for (idnum, mark), (ref, texts) in self._fonts.items():
            font = self._reader.get_object(idnum)
            to_unicode = font.raw_get("/ToUnicode")
            base = changed.get(to_unicode.idnum) or to_unicode.get_object()
            objects[ref.idnum + 1] = stream_like(base, _marked_cmap(base.get_data(), texts,
                                                                    mark))
            twin = DictionaryObject({NameObject(key): font.raw_get(key) for key in font})
            twin[NameObject("/ToUnicode")] = IndirectObject(ref.idnum + 1, 0, self._reader)
            objects[ref.idnum] = twin
        for idnum, (path, added) in self._holders.items():
            objects[idnum] = _with_fonts(changed.get(idnum) or self._reader.get_object(idnum),
                                         added, path)
        return objects


_SUFFIX = {RLM: "rtl", LRM: "ltr"}


def _marked_cmap(cmap_data: bytes, texts: dict[int, str], mark: str) -> bytes:
    """A ToUnicode map like ``cmap_data`` with each code's text (``texts``: the mended
    ones) preceded by ``mark``."""
    def entry(match: re.Match[bytes]) -> bytes:
        code = int(match.group(1), 16)
        if code not in texts:
            return match.group(0)
        return b"<%s> <%s>" % (match.group(1), (mark + texts[code]).encode("utf-16-be")
                               .hex().upper().encode())
    return _BFCHAR.sub(lambda block: _ENTRY.sub(entry, block.group(0)), cmap_data)


def _free_name(candidate: str, taken: set[str]) -> NameObject:
    """A resource name like ``candidate`` that is not among ``taken``."""
    name, number = candidate, 1
    while "/" + name.lstrip("/") in taken:
        number += 1
        name = f"{candidate}{number}"
    return NameObject("/" + name.lstrip("/"))


def _with_fonts(holder: PdfObject, fonts: dict[str, PdfObject], path: Sequence[str]
                ) -> PdfObject:
    """A copy of ``holder`` (the object that holds a /Font dictionary at ``path``: [] for
    the /Font dictionary itself, ["/Resources", "/Font"] for a page or a form with
    resources of its own) with ``fonts`` added to that dictionary."""
    if isinstance(holder, StreamObject):
        top: PdfObject = stream_like(holder, holder.get_data())
    else:
        top = DictionaryObject({NameObject(key): holder.raw_get(key) for key in holder})
    node = top
    for key in path:
        inner = DictionaryObject({NameObject(k): v for k, v in node[key].get_object().items()})
        node[NameObject(key)] = inner
        node = inner
    for name, ref in fonts.items():
        node[NameObject(name)] = ref
    return top
