"""The fonts Typst will have and the characters each covers (for fonts.py).

The fonts are those Typst finds (``typst.Fonts``): embedded in Typst, installed, and in
``--font-path`` folders. A font file's character map is read once per process (per file,
size and modification time); the fonts embedded in Typst are read from its extension
module, where they are stored as plain font files.
"""

from __future__ import annotations

import functools
import io
import re
import struct
from pathlib import Path
from typing import Iterator

import typst
from fontTools.ttLib import TTFont, TTLibError


def faces(paths: tuple[Path, ...]) -> dict[str, tuple[str | None, int]]:
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
    """The character maps of the fonts embedded in Typst, by family."""
    found: dict[str, set[str]] = {}
    for font in _embedded_fonts().values():
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


def font_named(postscript: str, paths: tuple[Path, ...] = ()) -> TTFont | None:
    """The font Typst has (embedded, installed or in ``paths``) whose PostScript name
    (name ID 6) is ``postscript``, as a PDF names the fonts it embeds (without the subset
    prefix); None if there is none. Each file is opened once per process."""
    if postscript in _embedded_fonts():
        return _embedded_fonts()[postscript]
    fonts = typst.Fonts(include_system_fonts=True, include_embedded_fonts=False,
                        font_paths=[str(p) for p in paths]).fonts()
    # A PostScript name mostly begins with the family's name: those files first.
    likely = [f for f in fonts if _key(postscript).startswith(_key(f.family))]
    for font in likely + [f for f in fonts if f not in likely]:
        found = _font_file(font.path, font.index)
        if found is not None and found["name"].getDebugName(6) == postscript:
            return found
    return None


@functools.lru_cache(maxsize=256)
def _font_file(path: str, index: int) -> TTFont | None:
    try:
        font = TTFont(path, fontNumber=index, lazy=True)
        font["name"]
        return font
    except (OSError, TTLibError, AssertionError, struct.error, KeyError):
        return None


@functools.cache
def _embedded_fonts() -> dict[str, TTFont]:
    """The fonts embedded in Typst, by PostScript name. Typst keeps them as plain font
    files inside its extension module (typst-assets), so they are found by their table
    directories and read with fontTools (the module holds each font twice)."""
    from typst import _typst  # type: ignore[attr-defined]
    data = Path(_typst.__file__).read_bytes()
    found: dict[str, TTFont] = {}
    for offset in _font_offsets(data):
        font = _font_at(data, offset)
        name = font["name"].getDebugName(6) if font is not None else None
        if name:
            found.setdefault(name, font)
    return found
