"""The PDF's text layer mended after Typst (issue 13): each cluster reads back once.

Typst 0.15 gives every glyph of a shaping cluster the whole cluster's text in the font's
ToUnicode map (typst/typst#8767): a letter and a combining mark that the font draws as two
glyphs read back twice (ɐ̃ as ɐ̃ɐ̃, Arabic with tanwin likewise), and where a glyph recurs
in a cluster of another text, Typst wraps it in /ActualText with that cluster's whole
text, which doubles it the same way. And the Arabic lam-alef ligature maps to its two
letters in logical order, which a reader that turns a right-to-left run around character
by character (MuPDF) reads back as alef-lam.

:func:`mend_text_layer` rewrites what the glyphs read as, never what is printed. A glyph of
the subset font in the PDF is recognised in the original font file: it has the same
outline as the glyph that the font's own character map gives for a character of its text.
Then, in text written left to right, a recognised glyph reads as that character alone (for
a presentation form, the letter it stands for; a ligature keeps its letters). In text
written right to left, a reader that puts a line in order from the glyphs' positions
(MuPDF) needs each piece of text to begin with a letter of that direction, so a mark there
reads as nothing (an empty /ActualText around it) and the glyph it sits on keeps the
cluster's text; and a ligature with a code point of its own (lam-alef, U+FEFB) reads as
that code point, which no reader can turn around and which compatibility normalisation
(NFKC) gives back as its letters. A glyph not recognised keeps what Typst gave it.

In right-to-left lines, the neutrals and separators that a reader would set apart from
their run, and numbers of Arabic-Indic digits, read with a direction mark
(``rtlmarks.py``).

The changed objects are appended as an incremental update: the bytes Typst wrote stay as
they are (its PDF/A metadata and document id too), and the same input gives the same
output. A PDF without such glyphs is returned unchanged.
"""

from __future__ import annotations

import functools
import io
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, Sequence

import pypdf
from fontTools.ttLib import TTFont
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, StreamObject

from ..fontfiles import font_named
from .glyphs import FONT_ERRORS, SubsetOutlines, characters, outline
from .pdfupdate import append_update, stream_like
from .rtlmarks import Twins
from .textcontent import mend_content

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_ENTRY = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>")


def mend_text_layer(data: bytes, font_paths: Sequence[Path] = ()) -> bytes:
    """The PDF with what its glyphs read as mended (see the module's docstring);
    ``font_paths``: the folders Typst read fonts from, besides the installed and embedded
    fonts."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    fonts: dict[int, _Font | None] = {}
    readings: dict[int, dict[int, str] | None] = {}
    twins = Twins(reader)
    changed: dict[int, StreamObject] = {}
    for page in reader.pages:
        for resources, contents, holder in _content_streams(page):
            page_fonts = {name: _font(ref, fonts, tuple(font_paths))
                          for name, ref in _fonts_of(resources)}
            if contents.idnum in changed:
                continue
            stream = contents.get_object()
            # Reading a content stream is the slow part: only where a span may need
            # mending, a font has marks to quiet, or text is written right to left.
            raw = stream.get_data()
            if b"/ActualText" not in raw and b"/ReversedChars" not in raw and not any(
                    font.quiet() for font in page_fonts.values() if font is not None):
                continue
            page_readings = {name: _readings(ref, fonts, readings)
                             for name, ref in _fonts_of(resources)}
            mended = mend_content(
                stream, page_fonts, reader, page_readings,
                functools.partial(twins.name, holder, resources=resources,
                                  readings=page_readings))
            if mended is not None:
                changed[contents.idnum] = stream_like(stream, mended)
    for idnum, font in fonts.items():
        cmap = font.mended_cmap() if font is not None else None
        if cmap is not None:
            changed[idnum] = stream_like(reader.get_object(idnum), cmap)
    changed.update(twins.objects(changed))
    if not changed:
        return data
    return append_update(data, reader, changed)


def _readings(ref, fonts: dict[int, _Font | None],
              cache: dict[int, dict[int, str] | None]) -> dict[int, str] | None:
    """What each glyph of a Type0 font reads as (mended), None for another font."""
    font = ref.get_object()
    to_unicode = font.get("/ToUnicode")
    if not isinstance(to_unicode, IndirectObject):
        return None
    idnum = to_unicode.idnum
    if idnum not in cache:
        cache[idnum] = None
        if font.get("/Subtype") == "/Type0" and font.get("/Encoding") == "/Identity-H":
            mended = fonts.get(idnum)
            texts = (mended.texts if mended is not None
                     else _texts(to_unicode.get_object().get_data()))
            cache[idnum] = {code: mended.mapped(code) or "" if mended is not None else text
                            for code, text in texts.items()}
    return cache[idnum]


@dataclass
class _Font:
    """A Type0 font of the PDF: its ToUnicode map, the subset font program it embeds and
    the original font file it came from."""

    cmap_data: bytes
    texts: dict[int, str]
    subset: SubsetOutlines
    original: TTFont
    _known: dict[tuple[int, str], str | None] = field(default_factory=dict)
    _outlines: dict[str, tuple] = field(default_factory=dict)
    _quiet: frozenset[int] | None = None

    def glyph(self, code: int, text: str) -> str | None:
        """The characters the glyph ``code`` stands for in the original font (its own
        character, or what its glyph is substituted for: see :func:`_characters`), found
        among those of ``text`` and the presentation forms made of them; None when the
        glyph is not recognised."""
        key = (code, text)
        if key not in self._known:
            try:
                self._known[key] = self._recognise(code, text)
            except FONT_ERRORS:  # a glyph fontTools cannot draw: left as Typst wrote it
                self._known[key] = None
        return self._known[key]

    def _recognise(self, code: int, text: str) -> str | None:
        drawn = self.subset.outline(code)
        if not drawn:  # a space or an empty glyph: nothing to recognise it by
            return None
        by_part = characters(self.original)
        # Counters: the marks of a cluster may come in another order once decomposed.
        folded = Counter(unicodedata.normalize("NFKD", text))
        tried: set[tuple[str, str]] = set()
        for part in dict.fromkeys(text + "".join(folded)):
            for name, chars in by_part.get(part, ()):
                if (name, chars) in tried:
                    continue
                tried.add((name, chars))
                if (chars in text or Counter(unicodedata.normalize("NFKD", chars)) <= folded) \
                        and self._outline(name) == drawn:
                    return chars
        return None

    def _outline(self, name: str) -> tuple:
        if name not in self._outlines:
            self._outlines[name] = outline(self.original.getGlyphSet(), name)
        return self._outlines[name]

    def reading(self, code: int, text: str) -> str | None:
        """What the glyph ``code`` should read as where Typst gave it ``text`` (its
        cluster's); "" for nothing; None: as Typst gave it (see the module's docstring)."""
        chars = self.glyph(code, text) if text else None
        if chars is None:
            return None
        parts = unicodedata.normalize("NFKD", chars)
        if _right_to_left(text):
            if _marks_only(parts) and not _marks_only(text):
                return ""
            letters, composed = (unicodedata.normalize("NFC", t) for t in (parts, text))
            ligature = (len(chars) == 1 and len(letters) > 1
                        and unicodedata.decomposition(chars).startswith("<"))
            if ligature and letters in composed:
                return composed.replace(letters, chars, 1)
            return None
        if chars in text:
            return chars
        return parts if len(parts) == 1 else None

    def quiet(self) -> frozenset[int]:
        """The glyphs (marks) that read as nothing where they stand outside a span."""
        if self._quiet is None:
            self._quiet = frozenset(code for code, text in self.texts.items()
                                    if _clustered(text) and self.reading(code, text) == "")
        return self._quiet

    def mapped(self, code: int) -> str | None:
        """What the glyph ``code`` reads as from the mended ToUnicode map."""
        text = self.texts.get(code)
        if text is None or not _clustered(text):
            return text
        return self.reading(code, text) or text

    def mended_cmap(self) -> bytes | None:
        """The ToUnicode map with each recognised glyph's reading; None if it stays."""
        new = {code: mapped for code, text in self.texts.items()
               if (mapped := self.mapped(code)) != text}
        if not new:
            return None

        def entry(match: re.Match[bytes]) -> bytes:
            code = int(match.group(1), 16)
            if code not in new:
                return match.group(0)
            return b"<%s> <%s>" % (match.group(1), new[code].encode("utf-16-be").hex()
                                   .upper().encode())
        return _BFCHAR.sub(lambda block: _ENTRY.sub(entry, block.group(0)), self.cmap_data)


def _clustered(text: str) -> bool:
    """Whether a glyph's text may be a cluster's, drawn with more glyphs than this one:
    more than one character, one that decomposes (é drawn as e and an accent), or a mark
    (whose glyph recurs in clusters of other texts)."""
    return (len(text) > 1 or unicodedata.normalize("NFKD", text) != text
            or bool(unicodedata.combining(text)))


def _marks_only(text: str) -> bool:
    """Whether a text is combining marks alone, or one's presentation form (a mark with a
    space or a tatweel to sit on: U+FE70, U+FC60)."""
    marks = [c for c in text if unicodedata.combining(c)]
    return bool(marks) and all(c in " \u0640" for c in text if c not in marks)


def _right_to_left(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def _font(ref, fonts: dict[int, _Font | None], paths: tuple[Path, ...]) -> _Font | None:
    """The font a page's resources name, read once per PDF (None: nothing to mend)."""
    font = ref.get_object()
    to_unicode = font.get("/ToUnicode")
    if not isinstance(to_unicode, IndirectObject):
        return None
    if to_unicode.idnum in fonts:
        return fonts[to_unicode.idnum]
    fonts[to_unicode.idnum] = None
    if font.get("/Subtype") != "/Type0" or font.get("/Encoding") != "/Identity-H":
        return None
    cmap_data = to_unicode.get_object().get_data()
    texts = _texts(cmap_data)
    if not any(map(_clustered, texts.values())):
        return None
    descendant = font["/DescendantFonts"][0].get_object()
    original = font_named(_SUBSET.sub("", str(descendant["/BaseFont"])[1:]), paths)
    if original is None:
        return None
    try:
        subset = SubsetOutlines(descendant)
        characters(original)
    except FONT_ERRORS:  # a font fontTools cannot read: its text stays as Typst wrote it
        return None
    fonts[to_unicode.idnum] = _Font(cmap_data, texts, subset, original)
    return fonts[to_unicode.idnum]


def _texts(cmap_data: bytes) -> dict[int, str]:
    """The text of each code in a ToUnicode map's bfchar entries (Typst writes no ranges)."""
    texts = {}
    for block in _BFCHAR.finditer(cmap_data):
        for code, text in _ENTRY.findall(block.group(1)):
            try:
                texts[int(code, 16)] = bytes.fromhex(text.decode()).decode("utf-16-be")
            except (ValueError, UnicodeDecodeError):
                continue
    return texts


def _fonts_of(resources: DictionaryObject) -> Iterator[tuple[str, IndirectObject]]:
    for name, ref in (resources.get("/Font") or DictionaryObject()).get_object().items():
        if isinstance(ref, IndirectObject):
            yield name, ref


#: Where a font dictionary is: the object that holds it and the keys to it from there.
_Holder = tuple[IndirectObject, list[str]]


def _content_streams(page) -> Iterator[tuple[DictionaryObject, IndirectObject,
                                             _Holder | None]]:
    """Each content stream of a page and of the form XObjects it draws, with the resources
    its names refer to and where their font dictionary is (a page's contents only when
    they are one stream, as Typst writes them: a marked-content span may not be split
    across streams)."""
    resources = (page.get("/Resources") or DictionaryObject()).get_object()
    holder = _holder(page.indirect_reference, page)
    contents = page.get("/Contents")
    if isinstance(contents, IndirectObject) and not isinstance(contents.get_object(),
                                                                 ArrayObject):
        yield resources, contents, holder
    yield from _forms(resources, holder, set())


def _forms(resources: DictionaryObject, holder: _Holder | None, seen: set[int]
           ) -> Iterator[tuple[DictionaryObject, IndirectObject, _Holder | None]]:
    for ref in (resources.get("/XObject") or DictionaryObject()).get_object().values():
        if not isinstance(ref, IndirectObject) or ref.idnum in seen:
            continue
        seen.add(ref.idnum)
        form = ref.get_object()
        if form.get("/Subtype") != "/Form":
            continue
        own = (form.get("/Resources") or resources).get_object()
        own_holder = _holder(ref, form) if form.get("/Resources") is not None else holder
        yield own, ref, own_holder
        yield from _forms(own, own_holder, seen)


def _holder(ref, owner: DictionaryObject) -> _Holder | None:
    """Where the font dictionary of the resources of a page or form ``owner`` is."""
    resources = owner.get("/Resources")
    if resources is None or ref is None:
        return None
    if isinstance(resources, IndirectObject):
        fonts = resources.get_object().get("/Font")
        return (fonts, []) if isinstance(fonts, IndirectObject) else (resources, ["/Font"])
    fonts = resources.get("/Font")
    return (fonts, []) if isinstance(fonts, IndirectObject) else \
        (ref, ["/Resources", "/Font"])
