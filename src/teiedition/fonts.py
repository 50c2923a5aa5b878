"""Fonts for the PDF: which fonts cover the characters of a text, and boxes for the rest.

Typst falls back along the font list of ``set text(font: (...))`` character by character;
a character no font in its book has is drawn as the .notdef glyph, which PDF/A forbids
(issue 13: MUFI private-use characters and a Ge'ez chronicle made PDF/A fail). So before
typesetting, :func:`plan_fonts` reads the character maps of the fonts Typst will have (its
embedded fonts, the installed ones, ``--font-path`` folders: fontfiles.py), puts the
fonts that cover what the main fonts lack into the fallback list, and gives every
character that no font covers a glyph of its own in a small generated font
(:func:`box_font`): a box with the code point in hexadecimal, as Unifont and the Last
Resort font draw them. The character itself stays in the PDF's text layer (the glyph maps
to it), and PDF/A stays valid.
"""

from __future__ import annotations

import io
import json
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

from fontTools.fontBuilder import FontBuilder
from fontTools.pens.ttGlyphPen import TTGlyphPen

from .fontfiles import coverage, faces

#: The fonts edition.typ sets the text in, after those of the edition's metadata.
MAIN_FONTS = ("Libertinus Serif", "New Computer Modern")
#: The family of the generated font of boxes (it is last in the font list).
BOX_FAMILY = "Teiedition Boxes"

#: Freely licensed fonts by Unicode range, for the warning when no font has a character:
#: (first, last, what the range is, Debian package (none: no general font has them),
#: families it gives, best first).
#: Families named here are also preferred as fallbacks when installed.
SUGGESTIONS: tuple[tuple[int, int, str, str, tuple[str, ...]], ...] = (
    (0xE000, 0xF8FF, "Private Use Area (MUFI)", "fonts-junicode",
     ("Junicode", "Junicode Two Beta")),
    (0xF0000, 0x10FFFF, "Supplementary Private Use Area", "", ()),
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


#: The Private Use Areas: what a code point there means is agreed per font (MUFI's for
#: medieval Latin), so only fonts meant for it may print it, never whichever has a glyph
#: there (New Computer Modern has ligatures at U+E000 onwards).
PRIVATE_USE = ((0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD))


@dataclass(frozen=True)
class FontPlan:
    """The font list for one PDF: the edition's families, the fallbacks teiedition found,
    the fonts for private-use characters, the characters no font covers (each gets a box)
    with how often the text has each, the folders Typst reads fonts from, and notes for
    the user."""

    families: tuple[str, ...] = ()
    fallbacks: tuple[str, ...] = ()
    private: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    occurrences: tuple[int, ...] = ()
    paths: tuple[Path, ...] = ()
    notes: tuple[str, ...] = ()
    #: The fallbacks that have letters of a right-to-left script the text needs (Arabic):
    #: first in text written right to left, so that its spaces are theirs too.
    rtl: tuple[str, ...] = ()

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
        """The value edition.typ reads from ``sys.inputs`` (key ``teiedition-fonts``):
        fonts for some characters only (``front``: the boxes for the missing ones, the
        fonts for private-use ones), then the edition's families and the fallbacks."""
        private = "[" + "".join(f"\\x{{{a:X}}}-\\x{{{b:X}}}" for a, b in PRIVATE_USE) + "]"
        front = ([{"name": BOX_FAMILY, "covers": _char_class(self.missing)}]
                 if self.missing else []) + [{"name": family, "covers": private}
                                             for family in self.private]
        return json.dumps({"front": front, "first": list(self.families),
                           "fallback": list(self.fallbacks), "rtl": list(self.rtl)})


def plan_fonts(text: str, settings: FontSettings = FontSettings()) -> FontPlan:
    """The fonts to typeset ``text`` (the characters of the Typst document) with."""
    available = faces(settings.paths)
    notes = tuple(f"font '{family}' (edition.fonts) is neither installed nor in --font-path"
                  for family in settings.families if family not in available)
    families = tuple(f for f in settings.families if f in available)
    # ASCII is in the main font: a text without anything else needs no font read.
    needed = {c for c in set(text) if c > "\x7e" and _printable(c)}
    private = {c for c in needed if _private(c)}
    for family in families:
        private -= coverage(family, *available[family])
    private_fonts = _choose(private, _candidates(available, private, settings.paths,
                                                 families, everyone=False), available)
    needed -= {c for c in needed if _private(c)}
    for family in families + MAIN_FONTS:
        if family in available:
            needed -= coverage(family, *available[family])
    right_to_left = {c for c in needed if unicodedata.bidirectional(c) in ("R", "AL")}
    fallbacks = _choose(needed, _candidates(available, needed, settings.paths, families),
                        available)
    rtl = tuple(f for f in fallbacks if right_to_left & coverage(f, *available[f]))
    missing = tuple(sorted(needed | private))
    return FontPlan(families, fallbacks, private_fonts, missing,
                    tuple(text.count(c) for c in missing), settings.paths, notes, rtl)


def _choose(needed: set[str], candidates: Iterable[str],
            available: Mapping[str, tuple[str | None, int]]) -> tuple[str, ...]:
    """The candidates that cover something of ``needed``, tried in order; what they cover
    is taken out of ``needed``."""
    chosen = []
    for family in candidates:
        if not needed:
            break
        covered = needed & coverage(family, *available[family])
        if covered:
            chosen.append(family)
            needed -= covered
    return tuple(chosen)


def _private(char: str) -> bool:
    return any(first <= ord(char) <= last for first, last in PRIVATE_USE)


def _char_class(chars: Iterable[str]) -> str:
    """A regular expression (Typst's, Rust's syntax) matching exactly ``chars``."""
    return "[" + "".join(f"\\x{{{ord(c):X}}}" for c in chars) + "]"


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
                       f"(apt-get install {package})" if package else
                       f"{', '.join(what)}: only the font they were defined for has them"
                       for package, what in by_package.items())
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
                paths: tuple[Path, ...], chosen: tuple[str, ...], *,
                everyone: bool = True) -> list[str]:
    """Families that may cover ``needed``, in the order they are tried: those in the
    user's font folders, those :data:`SUGGESTIONS` names for the characters' ranges, then
    (``everyone``) all others by name."""
    folders = [str(p.resolve()) for p in paths]
    own = sorted(f for f, (path, _) in faces.items()
                 if path and any(path.startswith(folder) for folder in folders))
    suggested = [family for c in sorted(needed) for first, last, _, _, families in SUGGESTIONS
                 if first <= ord(c) <= last for family in families if family in faces]
    rest = sorted(faces) if everyone else []
    skip = set(chosen) | set(MAIN_FONTS)
    return [f for f in dict.fromkeys(own + suggested + rest) if f not in skip]


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
    # A fixed date (the epoch of font dates, 1904), so that the same text gives the same PDF.
    builder.updateHead(created=0, modified=0)
    builder.font.recalcTimestamp = False
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
