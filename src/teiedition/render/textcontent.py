"""The content streams' part of mending the PDF's text layer (issue 13; see textlayer.py
and rtlmarks.py): /ActualText spans mended, marks quieted, direction marks given, each
operator rewritten so that every glyph is drawn where and as it was."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable

import pypdf
from pypdf.generic import (ArrayObject, ByteStringObject, ContentStream, DictionaryObject,
                           NameObject, StreamObject, TextStringObject)

from .rtlmarks import LRM, RLM, marked, number

if TYPE_CHECKING:
    from .textlayer import _Font


@dataclass
class _Span:
    """An /ActualText span being read: where its operator is in the new content, its
    text, and the glyphs it holds (font, code)."""

    at: int
    text: str
    glyphs: list[tuple[_Font | None, int]] = field(default_factory=list)


def mend_content(stream: StreamObject, fonts: dict[str, _Font | None],
                  reader: pypdf.PdfReader, readings: dict[str, dict[int, str] | None],
                  twin: Callable[[str, str], NameObject | None]) -> bytes | None:
    """The content stream with what its glyphs read as mended (see the module's
    docstring), or None if nothing changes: an /ActualText around one glyph is dropped
    (the mended map says the same) or says the glyph's reading; a mark outside one that
    should read as nothing gets an empty one; a neutral at the edge of a right-to-left
    run is shown with its font's twin whose map gives it a right-to-left mark, and a
    number of right-to-left digits reads as a left-to-right mark and the number from its
    first glyph (see rtlmarks.py; ``readings``: what each glyph of a Type0 font reads as,
    by the font's name; ``twin``: the name of a font's twin with a mark in these
    resources)."""
    content = ContentStream(stream, reader)
    out: list[tuple[list, bytes] | None] = []
    spans: list[_Span | None] = []
    tags: list[object] = []
    font: _Font | None = None
    name, size = None, None
    directed = False  # whether the glyph drawn before gives a right-to-left run its direction
    changed = False
    for operands, operator in content.operations:
        if operator == b"Tf":
            name, size = operands[0], operands[1]
            font = fonts.get(name)
        elif operator == b"BT":
            directed = False
        elif operator in (b"BDC", b"BMC"):
            actual = (operands[1].get("/ActualText")
                      if operator == b"BDC" and isinstance(operands[1], DictionaryObject)
                      else None)
            spans.append(_Span(len(out), str(actual)) if actual is not None else None)
            tags.append(operands[0])
        elif operator == b"EMC" and spans:
            span = spans.pop()
            tags.pop()
            if span is not None and _mend_span(span, out):
                changed = True
                if out[span.at] is None:
                    continue  # the span is dropped, and so its end
        elif operator in (b"Tj", b"TJ"):
            items = _items(operands[0] if operator == b"TJ" else [operands[0]])
            for span in spans:
                if span is not None:
                    span.glyphs.extend((font, code) for code in items if type(code) is int)
            quiet = ({i for i, code in enumerate(items) if code in font.quiet()}
                     if font is not None else set())
            codes = [i for i, code in enumerate(items) if type(code) is int]
            texts = readings.get(name)
            glyphs = [None if i in quiet or texts is None else texts.get(items[i])
                      for i in codes]
            marks: set[int] = set()
            digits = None
            if "/ReversedChars" in tags and texts is not None:
                found, directed = marked(glyphs, directed)
                marks = {codes[k] for k in found}
            else:
                directed = False
                found_digits = number(glyphs) if not quiet else None
                if found_digits is not None:
                    digits = (codes[found_digits[0]], codes[found_digits[1]])
            if any(spans) or not (quiet or marks or digits):
                out.append((operands, operator))
                continue
            if digits is not None and (twin_as := twin(name, LRM)) is not None:
                out.extend(_digits(items, digits, texts, (name, twin_as, size)))
                changed = True
                continue
            twin_as = twin(name, RLM) if marks else None
            if quiet or twin_as is not None:
                out.extend(_split(items, quiet, marks if twin_as is not None else set(),
                                  (name, twin_as, size)))
                changed = True
                continue
        out.append((operands, operator))
    if not changed:
        return None
    content.operations = [op for op in out if op is not None]
    return content.get_data()


def _mend_span(span: _Span, out: list[tuple[list, bytes] | None]) -> bool:
    """Mend an /ActualText span around one recognised glyph, or around marks alone that
    should read as nothing; whether it changed. (A span around a whole cluster reads it
    once already.)"""
    if not span.glyphs or any(font is None for font, _ in span.glyphs):
        return False
    if len(span.glyphs) > 1:
        if span.text and all(font.reading(code, span.text) == ""
                             for font, code in span.glyphs):
            _say(out, span, "")
            return True
        return False
    font, code = span.glyphs[0]
    reading = font.reading(code, span.text)
    if reading is None or reading == span.text:
        return False
    if reading == font.mapped(code):
        out[span.at] = None
        return True
    _say(out, span, reading)
    return True


def _say(out: list[tuple[list, bytes] | None], span: _Span, text: str) -> None:
    operands, operator = out[span.at]
    properties = DictionaryObject(operands[1])
    properties[NameObject("/ActualText")] = TextStringObject(text)
    out[span.at] = ([operands[0], properties], operator)


def _items(array: list) -> list:
    """The elements of a TJ array with each string split into its glyphs' codes (ints;
    the adjustments stay pypdf's number objects)."""
    items: list = []
    for element in array:
        if isinstance(element, (str, bytes)):
            raw = getattr(element, "original_bytes", element)
            items.extend(int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw) - 1, 2))
        else:
            items.append(element)
    return items


def _split(items: list, quiet: set[int], marks: set[int], fonts: tuple
           ) -> list[tuple[list, bytes]]:
    """TJ operators that show ``items`` as before (each glyph moves the pen as it did),
    each glyph of ``quiet`` inside an /ActualText span of no text, each of ``marks`` in
    the twin font (``fonts``: the font's name, its twin's and the size)."""
    name, twin_name, size = fonts
    operations: list[tuple[list, bytes]] = []
    run: list = []
    for index, item in enumerate(items):
        if index not in quiet and index not in marks:
            run.append(item)
            continue
        if run:
            operations.append(([_array(run)], b"TJ"))
            run = []
        if index in marks:
            operations += [([twin_name, size], b"Tf"), ([_array([item])], b"TJ"),
                           ([name, size], b"Tf")]
            continue
        operations += [([NameObject("/Span"), DictionaryObject(
                            {NameObject("/ActualText"): TextStringObject("")})], b"BDC"),
                       ([_array([item])], b"TJ"), ([], b"EMC")]
    if run:
        operations.append(([_array(run)], b"TJ"))
    return operations


def _digits(items: list, digits: tuple[int, int], texts: dict[int, str], fonts: tuple
            ) -> list[tuple[list, bytes]]:
    """TJ operators that show ``items`` as before, the glyphs from ``digits[0]`` to
    ``digits[1]`` (a number of right-to-left digits) reading as LRM and their text: the
    first glyph in the twin font (whose map gives it LRM and its own text) inside an
    /ActualText span of that, the others in one of no text (``fonts``: the font's name,
    its twin's and the size)."""
    name, twin_as, size = fonts
    first, last = digits
    text = LRM + "".join(texts.get(item, "") for item in items[first:last + 1]
                         if type(item) is int)
    operations: list[tuple[list, bytes]] = []
    if first:
        operations.append(([_array(items[:first])], b"TJ"))
    operations += [([NameObject("/Span"), DictionaryObject(
                        {NameObject("/ActualText"): TextStringObject(text)})], b"BDC"),
                   ([twin_as, size], b"Tf"), ([_array([items[first]])], b"TJ"),
                   ([name, size], b"Tf"), ([], b"EMC")]
    if last > first:
        operations += [([NameObject("/Span"), DictionaryObject(
                            {NameObject("/ActualText"): TextStringObject("")})], b"BDC"),
                       ([_array(items[first + 1:last + 1])], b"TJ"), ([], b"EMC")]
    if last + 1 < len(items):
        operations.append(([_array(items[last + 1:])], b"TJ"))
    return operations


def _array(items: list) -> ArrayObject:
    """A TJ array of glyph codes (consecutive ones in one string) and adjustments."""
    array = ArrayObject()
    codes = bytearray()
    for item in items:
        if type(item) is int:
            codes += item.to_bytes(2, "big")
            continue
        if codes:
            array.append(ByteStringObject(bytes(codes)))
            codes = bytearray()
        array.append(item)
    if codes:
        array.append(ByteStringObject(bytes(codes)))
    return array
