"""Which glyph of the original font a glyph of a subset font in a PDF is (issue 13).

A PDF embeds only the glyphs it uses, renumbered and without the font's character map;
the original font file has the map, and its substitutions (GSUB) say which glyphs stand
for which characters. :func:`outline` and :class:`SubsetOutlines` draw a glyph of either
(the same glyph has the same outline), and :func:`characters` lists the original's
glyphs with the characters each stands for.
"""

from __future__ import annotations

import functools
import io
import struct
import unicodedata

from fontTools.cffLib import CFFFontSet
from fontTools.pens.recordingPen import DecomposingRecordingPen, RecordingPen
from fontTools.ttLib import TTFont, TTLibError
from pypdf.generic import DictionaryObject, NameObject, StreamObject

#: What reading a damaged or unusual font (or glyph) with fontTools may raise.
FONT_ERRORS = (TTLibError, AssertionError, KeyError, ValueError, IndexError, TypeError,
               AttributeError, struct.error)


@functools.lru_cache(maxsize=32)
def characters(font: TTFont) -> dict[str, list[tuple[str, str]]]:
    """The glyphs of a font with the characters each stands for, by each character of
    those (and of their compatibility decomposition): a glyph of the character map stands
    for its character(s), and a glyph that the font's substitutions (GSUB: single,
    alternate, ligature) put for others stands for theirs: a contextual form for its
    letter, a ligature of two marks for both marks."""
    chars: dict[str, list[str]] = {}
    for point, name in sorted((font.getBestCmap() or {}).items()):
        chars.setdefault(name, []).append(chr(point))
    rules: list[tuple[tuple[str, ...], str]] = []
    if "GSUB" in font:
        for lookup in font["GSUB"].table.LookupList.Lookup if font["GSUB"].table.LookupList \
                else ():
            for table in lookup.SubTable:
                kind = lookup.LookupType
                if kind == 7:
                    kind, table = table.ExtensionLookupType, table.ExtSubTable
                if kind == 1:
                    rules += [((source,), target) for source, target in table.mapping.items()]
                elif kind == 3:
                    rules += [((source,), target) for source, targets in
                              table.alternates.items() for target in targets]
                elif kind == 4:
                    rules += [((first, *ligature.Component), ligature.LigGlyph)
                              for first, ligatures in table.ligatures.items()
                              for ligature in ligatures]
    for _ in range(3):  # substitutions of substituted glyphs, a few steps deep
        for sources, target in rules:
            if all(source in chars for source in sources):
                text = "".join(chars[source][0] for source in sources)
                if text not in chars.setdefault(target, []):
                    chars[target].append(text)
    by_part: dict[str, list[tuple[str, str]]] = {}
    for name, texts in chars.items():
        for text in texts:
            for part in set(text + unicodedata.normalize("NFKD", text)):
                by_part.setdefault(part, []).append((name, text))
    return by_part


def outline(glyphs, name: str) -> tuple:
    pen = DecomposingRecordingPen(glyphs)
    glyphs[name].draw(pen)
    return _rounded(pen.value)


def _rounded(value):
    """A recorded outline with its numbers rounded (a subset font may store them
    differently: CFF charstrings are encoded anew)."""
    if isinstance(value, (list, tuple)):
        return tuple(map(_rounded, value))
    return round(value, 2) if isinstance(value, float) else value


class SubsetOutlines:
    """The glyph outlines of a font program embedded in a PDF, by character code (the
    CID of an Identity-H font)."""

    def __init__(self, descendant: DictionaryObject) -> None:
        descriptor = descendant["/FontDescriptor"].get_object()
        self._composite = False
        if "/FontFile2" in descriptor or _subtype(descriptor, "/FontFile3") == "/OpenType":
            key = "/FontFile2" if "/FontFile2" in descriptor else "/FontFile3"
            font = TTFont(io.BytesIO(descriptor[key].get_object().get_data()), lazy=True)
            glyphs, order = font.getGlyphSet(), font.getGlyphOrder()
            to_gid = _cid_to_gid(descendant)

            self._composite = True
            self._glyphs, self._names = glyphs, lambda code: (
                order[g] if (g := to_gid(code)) is not None and 0 < g < len(order) else None)
        elif _subtype(descriptor, "/FontFile3") == "/CIDFontType0C":
            cff = CFFFontSet()
            cff.decompile(io.BytesIO(descriptor["/FontFile3"].get_object().get_data()), None)
            top = cff[cff.fontNames[0]]
            strings = top.CharStrings
            cid_keyed = hasattr(top, "ROS")
            charset = top.charset
            self._glyphs = strings
            self._names = lambda code: (f"cid{code:05d}" if cid_keyed else
                                        (charset[code] if 0 < code < len(charset) else None))
        else:
            self._glyphs, self._names = None, lambda code: None

    def outline(self, code: int) -> tuple:
        name = self._names(code)
        if self._glyphs is None or name is None or name not in self._glyphs:
            return ()
        # A TrueType glyph may be made of others: the pen draws them in.
        pen = DecomposingRecordingPen(self._glyphs) if self._composite else RecordingPen()
        self._glyphs[name].draw(pen)
        return _rounded(pen.value)




def _subtype(descriptor: DictionaryObject, key: str) -> str | None:
    if key not in descriptor:
        return None
    return str(descriptor[key].get_object().get("/Subtype"))


def _cid_to_gid(descendant: DictionaryObject):
    mapping = descendant.get("/CIDToGIDMap", NameObject("/Identity"))
    if isinstance(mapping.get_object(), StreamObject):
        table = mapping.get_object().get_data()
        return lambda code: (int.from_bytes(table[2 * code:2 * code + 2], "big")
                             if 2 * code + 2 <= len(table) else None)
    return lambda code: code
