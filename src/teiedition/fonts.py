"""Fonts for the PDF: which fonts cover the characters of a text, and boxes for the rest.

Typst falls back along the font list of ``set text(font: (...))`` character by character;
a character no font in its book has is drawn as the .notdef glyph, which PDF/A forbids
(issue 13: MUFI private-use characters and a Ge'ez chronicle made PDF/A fail). So before
typesetting, :func:`plan_fonts` reads the character maps of the fonts Typst will have
(its embedded fonts, the system's, ``--font-path`` folders), puts the fonts that cover
what the main fonts lack into the fallback list, and gives every character that no font
covers a glyph of its own in a small generated font (:func:`box_font`): a box with the
code point in hexadecimal, as Unifont and the Last Resort font draw them. The character
itself stays in the PDF's text layer (the glyph maps to it), and PDF/A stays valid.
"""

from __future__ import annotations

import functools
import io
import json
import re
import struct
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Iterator, Mapping, Sequence

import typst
from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, TTLibError

#: The fonts edition.typ sets the text in, after those of the edition's metadata.
MAIN_FONTS = ("Libertinus Serif", "New Computer Modern")
#: The family of the generated font of boxes (it is last in the font list).
BOX_FAMILY = "Teiedition Boxes"

#: Freely licensed fonts by Unicode range, for the warning when no font has a character:
#: (first, last, what the range is, Debian package, families it gives, best first).
#: Families named here are also preferred as fallbacks when installed.
SUGGESTIONS: tuple[tuple[int, int, str, str, tuple[str, ...]], ...] = (
    (0xE000, 0xF8FF, "Private Use Area (MUFI)", "fonts-junicode",
     ("Junicode", "Junicode Two Beta")),
    (0xF0000, 0x10FFFF, "Supplementary Private Use Area", "fonts-junicode",
     ("Junicode", "Junicode Two Beta")),
    (0x1DC0, 0x1DFF, "Combining Diacritical Marks Supplement (MUFI)", "fonts-junicode",
     ("Junicode", "Junicode Two Beta")),
    (0xA720, 0xA7FF, "Latin Extended-D (MUFI)", "fonts-junicode",
     ("Junicode", "Junicode Two Beta")),
    (0xAB30, 0xAB6F, "Latin Extended-E (MUFI)", "fonts-junicode",
     ("Junicode", "Junicode Two Beta")),
    (0x16A0, 0x16FF, "Runic", "fonts-junicode", ("Junicode", "Junicode Two Beta")),
    (0x1200, 0x139F, "Ethiopic", "fonts-sil-abyssinica",
     ("Abyssinica SIL", "Noto Serif Ethiopic", "Noto Sans Ethiopic")),
    (0x2D80, 0x2DDF, "Ethiopic Extended", "fonts-sil-abyssinica",
     ("Abyssinica SIL", "Noto Serif Ethiopic", "Noto Sans Ethiopic")),
    (0xAB00, 0xAB2F, "Ethiopic Extended-A", "fonts-sil-abyssinica",
     ("Abyssinica SIL", "Noto Serif Ethiopic", "Noto Sans Ethiopic")),
    (0x1100, 0x11FF, "Hangul Jamo", "fonts-noto-cjk", ("Noto Serif CJK KR",)),
    (0x2E80, 0x9FFF, "CJK", "fonts-noto-cjk",
     ("Noto Serif CJK SC", "Noto Serif CJK TC", "Noto Serif CJK JP", "Noto Sans CJK SC")),
    (0xAC00, 0xD7AF, "Hangul", "fonts-noto-cjk", ("Noto Serif CJK KR", "Noto Sans CJK KR")),
    (0xF900, 0xFAFF, "CJK Compatibility Ideographs", "fonts-noto-cjk",
     ("Noto Serif CJK SC", "Noto Serif CJK TC", "Noto Serif CJK JP")),
    (0xFF00, 0xFFEF, "Halfwidth and Fullwidth Forms", "fonts-noto-cjk",
     ("Noto Serif CJK SC", "Noto Sans CJK SC")),
    (0x20000, 0x3FFFF, "CJK Extensions", "fonts-noto-cjk",
     ("Noto Serif CJK SC", "Noto Serif CJK TC")),
)
#: For a character of any other range.
OTHER_SUGGESTION = ("other scripts", "fonts-noto-core")


@dataclass(frozen=True)
class FontSettings:
    """The fonts a user asks for: folders of font files (``--font-path``) and families to
    set the text in before the bundled ones (the metadata key ``edition.fonts``)."""

    paths: tuple[Path, ...] = ()
    families: tuple[str, ...] = ()


@dataclass(frozen=True)
class FontPlan:
    """The font list for one PDF: the edition's families, the fallbacks teiedition found,
    the characters no font covers (each gets a box) with how often the text has each, the
    folders Typst reads fonts from, and notes for the user."""

    families: tuple[str, ...] = ()
    fallbacks: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    occurrences: tuple[int, ...] = ()
    paths: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def warnings(self) -> tuple[str, ...]:
        """The notes, and one warning for all characters no font has."""
        return self.notes + ((missing_warning(self.missing, self.occurrences),)
                             if self.missing else ())

    def with_missing(self, more: Iterable[str]) -> FontPlan:
        """The plan with boxes for ``more`` characters too."""
        counts = dict(zip(self.missing, self.occurrences, strict=True))
        missing = tuple(sorted(set(self.missing) | set(more)))
        return replace(self, missing=missing,
                       occurrences=tuple(counts.get(c, 1) for c in missing))

    def typst_input(self) -> str:
        """The value edition.typ reads from ``sys.inputs`` (key ``teiedition-fonts``)."""
        return json.dumps({"first": list(self.families), "fallback": list(self.fallbacks)
                           + ([BOX_FAMILY] if self.missing else [])})


def plan_fonts(text: str, settings: FontSettings = FontSettings()) -> FontPlan:
    """The fonts to typeset ``text`` (the characters of the Typst document) with."""
    faces = _faces(settings.paths)
    notes = tuple(f"font '{family}' (edition.fonts) is neither installed nor in --font-path"
                  for family in settings.families if family not in faces)
    families = tuple(f for f in settings.families if f in faces)
    # ASCII is in the main font: a text without anything else needs no font read.
    needed = {c for c in set(text) if c > "\x7e" and _printable(c)}
    for family in families + MAIN_FONTS:
        if family in faces:
            needed -= coverage(family, *faces[family])
    fallbacks = []
    for family in _candidates(faces, needed, settings.paths, families):
        if not needed:
            break
        covered = needed & coverage(family, *faces[family])
        if covered:
            fallbacks.append(family)
            needed -= covered
    missing = tuple(sorted(needed))
    return FontPlan(families, tuple(fallbacks), missing, tuple(text.count(c) for c in missing),
                    settings.paths, notes)


def missing_warning(missing: Sequence[str], occurrences: Sequence[int] = ()) -> str:
    """One warning for all characters no font covers: which (code points, and how often
    the text has each), and which freely licensed fonts cover them."""
    counts = list(occurrences) or [1] * len(missing)
    shown = ", ".join(f"U+{ord(c):04X}" + (f" ×{n}" if n > 1 else "")
                      for c, n in list(zip(missing, counts, strict=True))[:12])
    shown += ", …" if len(missing) > 12 else ""
    by_package: dict[str, list[str]] = {}
    for c in missing:
        what, package = _suggestion(c)
        if what not in by_package.setdefault(package, []):
            by_package[package].append(what)
    advice = "; ".join(f"{', '.join(what)}: Debian's {package} covers them "
                       f"(apt-get install {package})" for package, what in by_package.items())
    count = len(missing)
    return (f"{count} character{'s' if count != 1 else ''} no font has "
            f"print{'s' if count == 1 else ''} as a box with the code point ({shown}); "
            f"{advice}; or give a folder of fonts with --font-path")


def _suggestion(char: str) -> tuple[str, str]:
    code = ord(char)
    for first, last, what, package, _ in SUGGESTIONS:
        if first <= code <= last:
            return what, package
    return OTHER_SUGGESTION


def _printable(char: str) -> bool:
    """Whether a character needs a glyph: not a space, control, format character (joiners,
    soft hyphen, bidirectional marks) or variation selector, which Typst does not draw."""
    category = unicodedata.category(char)
    if category[0] in "CZ" and category != "Co" and category != "Cn":
        return False
    return not (0xFE00 <= ord(char) <= 0xFE0F or 0xE0100 <= ord(char) <= 0xE01EF)


def _candidates(faces: Mapping[str, tuple[str | None, int]], needed: set[str],
                paths: tuple[Path, ...], chosen: tuple[str, ...]) -> list[str]:
    """Families that may cover ``needed``, in the order they are tried: those in the
    user's font folders, those :data:`SUGGESTIONS` names for the characters' ranges, then
    all others by name."""
    folders = [str(p.resolve()) for p in paths]
    own = sorted(f for f, (path, _) in faces.items()
                 if path and any(path.startswith(folder) for folder in folders))
    suggested = [family for c in sorted(needed) for first, last, _, _, families in SUGGESTIONS
                 if first <= ord(c) <= last for family in families if family in faces]
    rest = sorted(faces)
    skip = set(chosen) | set(MAIN_FONTS)
    return [f for f in dict.fromkeys(own + suggested + rest) if f not in skip]


def _faces(paths: tuple[Path, ...]) -> dict[str, tuple[str | None, int]]:
    """Each font family Typst will have, with the file (None: embedded in Typst) and index
    of its regular face (upright, weight nearest 400, normal width)."""
    fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=True,
                        font_paths=[str(p) for p in paths]).fonts()
    best: dict[str, tuple[tuple[float, ...], str | None, int]] = {}
    for font in fonts:
        rank = (font.style != "normal", abs(font.weight - 400), abs(font.stretch - 1.0),
                font.path is None)
        if font.family not in best or rank < best[font.family][0]:
            best[font.family] = (rank, font.path, font.index)
    return {family: (path, index) for family, (_, path, index) in best.items()}


def coverage(family: str, path: str | None, index: int = 0) -> frozenset[str]:
    """The characters a font file (or, with ``path`` None, an embedded font) has glyphs
    for. Read once per file, size and modification time."""
    if path is None:
        return _embedded().get(_key(family), _ASSUMED)
    try:
        stat = Path(path).stat()
    except OSError:
        return frozenset()
    return _file_coverage(path, index, stat.st_size, stat.st_mtime_ns)


@functools.lru_cache(maxsize=512)
def _file_coverage(path: str, index: int, size: int, mtime: int) -> frozenset[str]:
    try:
        return frozenset(map(chr, _code_points(TTFont(path, fontNumber=index,
                                                      lazy=True).reader["cmap"])))
    except (OSError, TTLibError, AssertionError, struct.error):
        return frozenset()


#: What an embedded font is assumed to cover if it cannot be read: Latin, Greek, Cyrillic.
_ASSUMED = frozenset(chr(c) for r in ((0x20, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF))
                     for c in range(r[0], r[1] + 1))


@functools.cache
def _embedded() -> dict[str, frozenset[str]]:
    """The character maps of the fonts embedded in Typst, by family. Typst keeps them as
    plain font files inside its extension module (typst-assets), so they are found by their
    table directories and read with fontTools."""
    from typst import _typst  # type: ignore[attr-defined]
    data = Path(_typst.__file__).read_bytes()
    found: dict[str, set[str]] = {}
    seen: set[bytes] = set()
    for offset in _font_offsets(data):
        directory = data[offset:offset + 12 + 16 * data[offset + 5]]
        if directory in seen:  # the module holds each font twice
            continue
        font = _font_at(data, offset)
        if font is None:
            continue
        seen.add(directory)
        family = font["name"].getDebugName(16) or font["name"].getDebugName(1) or ""
        found.setdefault(_key(family), set()).update(map(chr, _code_points(font.reader["cmap"])))
    return {family: frozenset(chars) for family, chars in found.items()}


def _code_points(cmap: bytes) -> set[int]:
    """The code points a raw ``cmap`` table maps to a glyph, from its Unicode subtables of
    format 4 (the Basic Multilingual Plane) and 12 (all planes). Read here rather than with
    fontTools' getBestCmap, which also looks up every glyph's name: ten times slower."""
    codes: set[int] = set()
    (count,) = struct.unpack(">H", cmap[2:4])
    for i in range(count):
        platform, encoding, offset = struct.unpack(">HHI", cmap[4 + 8 * i:12 + 8 * i])
        if not (platform == 0 or (platform == 3 and encoding in (1, 10))):
            continue
        (kind,) = struct.unpack(">H", cmap[offset:offset + 2])
        if kind == 4:
            codes |= _format_4(cmap, offset)
        elif kind == 12:
            (groups,) = struct.unpack(">I", cmap[offset + 12:offset + 16])
            for start, end, glyph in struct.iter_unpack(
                    ">III", cmap[offset + 16:offset + 16 + 12 * groups]):
                codes.update(range(start + (glyph == 0), end + 1))
    return codes


def _format_4(cmap: bytes, offset: int) -> set[int]:
    (segments,) = struct.unpack(">H", cmap[offset + 6:offset + 8])
    segments //= 2
    def array(at: int) -> tuple[int, ...]:
        return struct.unpack(f">{segments}H", cmap[at:at + 2 * segments])
    # endCode, a reserved word, startCode, idDelta, idRangeOffset, then the glyph ids.
    ends = array(offset + 14)
    starts, deltas, ranges = (array(offset + 16 + 2 * segments * n) for n in (1, 2, 3))
    ranges_at = offset + 16 + 6 * segments
    codes: set[int] = set()
    for i in range(segments):
        for code in range(starts[i], ends[i] + 1):
            if code == 0xFFFF:
                continue
            if ranges[i] == 0:
                glyph = (code + deltas[i]) & 0xFFFF
            else:
                at = ranges_at + 2 * i + ranges[i] + 2 * (code - starts[i])
                (glyph,) = struct.unpack(">H", cmap[at:at + 2])
                glyph = (glyph + deltas[i]) & 0xFFFF if glyph else 0
            if glyph:
                codes.add(code)
    return codes


def _font_offsets(data: bytes) -> Iterator[int]:
    """Where a font's table directory may start: its version (OpenType with CFF outlines,
    or TrueType) and a plausible number of tables. (bytes.find is three times faster than
    a regular expression over the module's 80 MB.)"""
    for signature in (b"OTTO\x00", b"\x00\x01\x00\x00\x00"):
        offset = data.find(signature)
        while offset != -1:
            if 5 <= data[offset + 5] <= 0x30:
                yield offset
            offset = data.find(signature, offset + 1)


def _key(family: str) -> str:
    """A family name as compared with the fonts' own: Typst says "New Computer Modern" for
    the font that calls itself "NewComputerModern"."""
    return re.sub(r"\s+", "", family).lower()


def _font_at(data: bytes, offset: int) -> TTFont | None:
    """The font whose table directory starts at ``offset``, if one does."""
    (count,) = struct.unpack(">H", data[offset + 4:offset + 6])
    end = 0
    tags = set()
    for i in range(count):
        tag, _, start, length = struct.unpack(">4sIII", data[offset + 12 + 16 * i:
                                                             offset + 28 + 16 * i])
        if not re.fullmatch(rb"[A-Za-z0-9/ ]{4}", tag):
            return None
        tags.add(tag)
        end = max(end, start + length)
    if not {b"cmap", b"name"} <= tags or end > 50_000_000:
        return None
    try:
        font = TTFont(io.BytesIO(data[offset:offset + end]), lazy=True)
        font["name"]
        return font
    except (TTLibError, AssertionError, struct.error, KeyError):
        return None


#: Hexadecimal digits, 3 × 5 pixels each, row by row from the top.
_DIGITS = {
    "0": "111101101101111", "1": "010110010010111", "2": "111001111100111",
    "3": "111001111001111", "4": "101101111001001", "5": "111100111001111",
    "6": "111100111101111", "7": "111001001001001", "8": "111101111101111",
    "9": "111101111001111", "A": "111101111101101", "B": "110101110101110",
    "C": "111100100100111", "D": "110101101101110", "E": "111100111100111",
    "F": "111100111100100",
}
_PIXEL = 60  # font units; the em is 1000


def box_font(chars: Iterable[str]) -> bytes:
    """A TrueType font (family :data:`BOX_FAMILY`) with a glyph for each of ``chars``: a box
    holding its code point in hexadecimal, in two rows (``EF`` over ``91``). Each glyph maps
    to its own character, so the PDF's text layer keeps the character."""
    chars = sorted(set(chars))
    names = [".notdef"] + [f"u{ord(c):04X}" for c in chars]
    glyphs = {".notdef": _box_glyph("")}
    metrics = {".notdef": (500, 0)}
    for name, char in zip(names[1:], chars, strict=True):
        glyphs[name] = _box_glyph(f"{ord(char):04X}")
        metrics[name] = (_box_width(f"{ord(char):04X}"), 0)
    builder = FontBuilder(1000, isTTF=True)
    builder.setupGlyphOrder(names)
    builder.setupCharacterMap({ord(c): name for c, name in zip(chars, names[1:], strict=True)})
    builder.setupGlyf(glyphs)
    builder.setupHorizontalMetrics(metrics)
    builder.setupHorizontalHeader(ascent=800, descent=-200)
    builder.setupNameTable({"familyName": BOX_FAMILY, "styleName": "Regular",
                            "fullName": f"{BOX_FAMILY} Regular",
                            "psName": BOX_FAMILY.replace(" ", "") + "-Regular",
                            "uniqueFontIdentifier": BOX_FAMILY, "version": "Version 1.0"})
    builder.setupOS2(sTypoAscender=800, sTypoDescender=-200, usWinAscent=800, usWinDescent=200)
    builder.setupPost()
    out = io.BytesIO()
    builder.save(out)
    return out.getvalue()


def _box_width(hexa: str) -> int:
    columns = (len(hexa) + 1) // 2
    return (columns * 4 + 3) * _PIXEL + 2 * _PIXEL // 2


def _box_glyph(hexa: str):  # -> fontTools glyph
    pen = TTGlyphPen(None)
    columns = max(2, (len(hexa) + 1) // 2)
    left, right = _PIXEL // 2, _PIXEL // 2 + (columns * 4 + 3) * _PIXEL
    bottom, top = -_PIXEL, 13 * _PIXEL
    line = _PIXEL // 3
    _rectangle(pen, left, bottom, right, top)  # the box: outer clockwise, inner counter
    _rectangle(pen, left + line, bottom + line, right - line, top - line, inner=True)
    rows = (hexa[:columns], hexa[columns:]) if hexa else ()
    for row, digits in enumerate(rows):
        base_y = top - (3 + row * 12) * _PIXEL // 2  # top edge of the row's digits
        for column, digit in enumerate(digits):
            base_x = left + (2 + column * 4) * _PIXEL
            for y in range(5):
                for x in range(3):
                    if _DIGITS[digit][y * 3 + x] == "1":
                        _rectangle(pen, base_x + x * _PIXEL, base_y - (y + 1) * _PIXEL,
                                   base_x + (x + 1) * _PIXEL, base_y - y * _PIXEL)
    return pen.glyph()


def _rectangle(pen: TTGlyphPen, x0: int, y0: int, x1: int, y1: int, *,
               inner: bool = False) -> None:
    points = [(x0, y0), (x0, y1), (x1, y1), (x1, y0)]
    if inner:
        points.reverse()
    pen.moveTo(points[0])
    for point in points[1:]:
        pen.lineTo(point)
    pen.closePath()
