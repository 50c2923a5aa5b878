"""The content of a Word paragraph: runs, their formatting, notes, breaks, changes, images.

Word cuts text into runs anywhere (spell checks, revision ids, bookmarks). Each piece of
text is read with the *wrappers* its formatting gives it, outermost first (a tracked
change, a link, a TEI-named character style, a language, one ``hi`` per formatting), and
:func:`nest` then groups neighbours that share wrappers: adjacent runs with the same
formatting become one element, and no ``hi`` is left around whitespace alone (issue 15).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from ..model import Block, Break, Figure, Inline, Note, NoteRef, Span
from .package import MAX_MEDIA, Package
from .symbolfont import SYMBOL
from .wordstyles import W, Styles, format_number, is_on, rends, wval

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
WP_NS = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart"
V_NS = "urn:schemas-microsoft-com:vml"
DGM_NS = "http://schemas.openxmlformats.org/drawingml/2006/diagram"

#: Formatting as hi/@rend, in the order the elements nest (outermost first).
REND_ORDER = ("italic", "bold", "underline", "smallcaps", "strikethrough", "sup", "sub")
#: Containers whose content is read as if it stood in the paragraph.
_TRANSPARENT = {"smartTag", "customXml", "sdtContent", "fldSimple", "bdo", "dir", "sdt"}

Wrapper = tuple[str, tuple[tuple[str, str], ...]]
Piece = tuple[tuple[Wrapper, ...], object]


@dataclass
class Options:
    """How to read: tracked changes accepted or kept as add/del; comments dropped or kept."""

    changes: Literal["accept", "markup"] = "accept"
    comments: Literal["drop", "keep"] = "drop"
    media_folder: str = "media"


@dataclass(frozen=True)
class NoteNumbering:
    """How Word numbers footnotes or endnotes: the format, the first number, and whether
    the numbers start again in each section."""

    format: str = "decimal"
    start: int = 1
    restart_each_section: bool = False


@dataclass
class WordState:
    """What reading a document collects besides its blocks: notes, media, revisions."""

    pkg: Package
    styles: Styles
    options: Options
    language: str | None
    note_parts: dict[str, dict[str, etree._Element]]
    note_formats: dict[str, NoteNumbering]
    comments: dict[str, etree._Element]
    notes: list[Note] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    media: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    revisers: dict[str, str] = field(default_factory=dict)
    revisions: list[tuple[str, str, str | None]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: Set by a note reference with a custom mark: the mark is the next run's text.
    pending_mark: int | None = None


class Paragraph:
    """Reads the inline content of one paragraph (of the body, a note, a cell, a comment).

    ``blocks_after`` collects what Word anchors inside a paragraph but TEI places after it:
    figures and the paragraphs of text boxes. ``read_blocks`` reads those text boxes.
    """

    def __init__(self, state: WordState, rels: dict, read_blocks, depth: int = 0) -> None:
        self.state, self.rels, self.read_blocks, self.depth = state, rels, read_blocks, depth
        self.pieces: list[Piece] = []
        self.blocks_after: list = []

    def read(self, p: etree._Element, wrappers: tuple[Wrapper, ...] = ()) -> None:
        for child in p:
            if not isinstance(child.tag, str):
                continue
            ns, _, tag = child.tag[1:].partition("}")
            if ns == MC_NS and tag == "AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                if choice is not None:
                    self.read(choice, wrappers)
            elif ns == M_NS:
                self.pieces.append((wrappers, "".join(child.itertext())))
            elif ns != W[1:-1]:
                continue
            elif tag == "r":
                self._run(child, wrappers)
            elif tag in _TRANSPARENT:
                self.read(child, wrappers)
            elif tag == "hyperlink":
                target = self._link(child)
                self.read(child, wrappers + ((("ref", (("target", target),)),) if target else ()))
            elif tag in ("ins", "moveTo", "del", "moveFrom"):
                self._change(child, tag, wrappers)

    def _link(self, el: etree._Element) -> str | None:
        """A link's URL. Links to bookmarks (a table of contents) point to nothing in the
        TEI, which keeps no bookmarks: their text stays, without a ref."""
        rel = self.rels.get(el.get(f"{{{R_NS}}}id") or "")
        return rel.target.strip().replace(" ", "%20") if rel is not None and rel.external \
            and rel.target.strip() else None

    def _change(self, el: etree._Element, tag: str, wrappers: tuple[Wrapper, ...]) -> None:
        removed = tag in ("del", "moveFrom")
        if self.state.options.changes == "accept":
            if not removed:
                self.read(el, wrappers)
            return
        attrs = self._revision(el)
        self.read(el, wrappers + (("del" if removed else "add", attrs),))

    def _revision(self, el: etree._Element) -> tuple[tuple[str, str], ...]:
        """Record a tracked change and its author; the add/del attributes that point there."""
        state = self.state
        who = reviser_id(state, el.get(W + "author") or "unknown")
        change_id = f"ch{len(state.revisions) + 1}"
        when = el.get(W + "date")
        state.revisions.append((change_id, who, when if when and _ISO.match(when) else None))
        return (("resp", "#" + who), ("change", "#" + change_id))

    def _run(self, r: etree._Element, wrappers: tuple[Wrapper, ...]) -> None:
        rpr = r.find(W + "rPr")
        mine = wrappers + self._formatting(rpr)
        for child in r:
            ns, _, tag = child.tag[1:].partition("}") if isinstance(child.tag, str) else ("", "", "")
            if ns == MC_NS and tag == "AlternateContent":
                choice = child.find(f"{{{MC_NS}}}Choice")
                for drawing in choice if choice is not None else ():
                    self._drawing(drawing)
                continue
            if ns != W[1:-1]:
                continue
            if tag in ("t", "delText"):
                text = child.text or ""
                if self.state.pending_mark is not None and text.strip():
                    index, self.state.pending_mark = self.state.pending_mark, None
                    note = self.state.notes[index]
                    self.state.notes[index] = Note(note.n, note.inlines, note.place,
                                                   text.strip(), note.type, note.blocks)
                    continue
                self.pieces.append((mine, symbol_text(wval(rpr, "rFonts", "ascii"), text)))
            elif tag in ("tab", "ptab"):
                self.pieces.append((mine, "\t"))
            elif tag in ("br", "cr"):
                page = child.get(W + "type") == "page"
                self.pieces.append((mine, Break("pb" if page else "lb")))
            elif tag == "noBreakHyphen":
                self.pieces.append((mine, "\u2011"))
            elif tag == "sym":
                code = child.get(W + "char") or ""
                if re.fullmatch(r"[0-9A-Fa-f]{1,6}", code) and _xml_char(int(code, 16)):
                    self.pieces.append((mine, symbol_text(child.get(W + "font"),
                                                          chr(int(code, 16)), True)))
            elif tag in ("footnoteReference", "endnoteReference"):
                self._note_ref(child, tag[:-9], wrappers)
            elif tag == "commentReference" and self.state.options.comments == "keep":
                self._comment(child, wrappers)
            elif tag in ("drawing", "pict", "object"):
                self._drawing(child)
            elif tag == "ruby":  # phonetic guide (furigana): the text is its base
                base = child.find(W + "rubyBase")
                if base is not None:
                    self.read(base, wrappers)

    def _formatting(self, rpr: etree._Element | None) -> tuple[Wrapper, ...]:
        styles = self.state.styles
        style = wval(rpr, "rStyle")
        out: list[Wrapper] = []
        tei = styles.tei_element(style)
        if tei:
            out.append((tei, ()))
        lang = wval(rpr, "lang", "bidi") if is_on(rpr, "rtl") else wval(rpr, "lang")
        if lang and _LANGUAGE.fullmatch(lang) and self.state.language \
                and lang.lower() != self.state.language.lower() and tei != "foreign":
            out.append(("foreign", (("xml_lang", lang),)))
        found = (styles.char_rends(style) | rends(rpr))
        for child, rend in (("i", "italic"), ("b", "bold"), ("smallCaps", "smallcaps")):
            if is_on(rpr, child) is False:
                found.discard(rend)
        if tei == "title":
            found.discard("italic")  # the title is the meaning; the italic only shows it
        out.extend(("hi", (("rend", rend),)) for rend in REND_ORDER if rend in found)
        return tuple(out)

    def _note_ref(self, ref: etree._Element, kind: str, wrappers: tuple[Wrapper, ...]) -> None:
        state = self.state
        body = state.note_parts.get(kind, {}).get(ref.get(W + "id") or "")
        if body is None or self.depth > 0:
            where = "inside a note" if self.depth > 0 else f"pointing to no {kind}"
            state.warnings.append(f"a {kind} reference {where} is left out")
            return
        custom = (ref.get(W + "customMarkFollows") or "").lower() in ("1", "true", "on")
        label = None
        if not custom:
            numbering = state.note_formats.get(kind, NoteNumbering())
            state.counters[kind] = state.counters.get(kind, 0) + 1
            label = format_number(state.counters[kind] + numbering.start - 1, numbering.format)
        n = len(state.notes) + 1
        state.notes.append(Note(n, (), "foot" if kind == "footnote" else "end", label))
        index = n - 1
        inlines, blocks = note_content(state, body, kind + "s", self.read_blocks)
        note = state.notes[index]
        state.notes[index] = Note(n, inlines, note.place, note.label, note.type, blocks)
        if custom:
            state.pending_mark = index
        self.pieces.append((wrappers, NoteRef(n, 0)))

    def _comment(self, ref: etree._Element, wrappers: tuple[Wrapper, ...]) -> None:
        state = self.state
        body = state.comments.get(ref.get(W + "id") or "")
        if body is None or self.depth > 0:
            return
        n = len(state.notes) + 1
        who = reviser_id(state, body.get(W + "author") or "unknown")
        state.notes.append(Note(n, ()))
        inlines, blocks = note_content(state, body, "comments", self.read_blocks)
        state.notes[n - 1] = Note(n, inlines, None, None, "comment", blocks,
                                  (("resp", "#" + who),))
        self.pieces.append((wrappers, NoteRef(n, 0)))

    def _drawing(self, el: etree._Element) -> None:
        for box in el.iter(W + "txbxContent"):
            self.blocks_after.extend(self.read_blocks(box, self.rels))
        docpr = next(el.iter(f"{{{WP_NS}}}docPr"), None)
        described = None if docpr is None else (docpr.get("descr") or docpr.get("title") or None)
        blip = next(el.iter(f"{{{A_NS}}}blip", f"{{{V_NS}}}imagedata"), None)
        if blip is not None:
            rel_id = blip.get(f"{{{R_NS}}}embed") or blip.get(f"{{{R_NS}}}id") \
                or blip.get(f"{{{R_NS}}}link") or ""
            self.blocks_after.append(self._image(self.rels.get(rel_id), described))
        elif next(el.iter(f"{{{C_NS}}}chart"), None) is not None:
            self.blocks_after.append(Figure(None, described, "chart-not-converted"))
        elif (diagram := next(el.iter(f"{{{DGM_NS}}}relIds"), None)) is not None:
            self.blocks_after.append(Figure(None, described, "diagram-not-converted"))
            self.blocks_after.extend(self._diagram_text(diagram))

    def _diagram_text(self, rel_ids: etree._Element) -> list[Block]:
        """The text of a SmartArt diagram, a paragraph for each of its paragraphs: the
        diagram's data part holds it (its points of type ``node``, Word's default), in the
        order that part keeps; the drawing Word caches beside it is only its layout."""
        rel = self.rels.get(rel_ids.get(f"{{{R_NS}}}dm") or "")
        data = None if rel is None or rel.external else self.state.pkg.xml(rel.target)
        out: list[Block] = []
        for point in data.iter(f"{{{DGM_NS}}}pt") if data is not None else ():
            if point.get("type", "node") != "node":
                continue
            for paragraph in point.iter(f"{{{A_NS}}}p"):
                text = "".join(t.text or "" for t in paragraph.iter(f"{{{A_NS}}}t"))
                if text.strip():
                    out.append(Block("p", (text.strip(),), 0))
        return out

    def _image(self, rel, described: str | None) -> Figure:
        state = self.state
        if rel is None or rel.external or not state.pkg.has(rel.target):
            return Figure(None, described, "image-not-in-document")
        if rel.target in state.media:
            return Figure(state.media[rel.target][0], described)
        size = state.pkg.zip.getinfo(rel.target).file_size
        if size > MAX_MEDIA:
            state.warnings.append(f"the image {rel.target} is {size / 2**20:.0f} MB, more than "
                                  f"{MAX_MEDIA // 2**20} MB: not kept")
            return Figure(None, described, "image-too-large")
        url = f"{state.options.media_folder}/{media_name(rel.target, state.media)}"
        state.media[rel.target] = (url, state.pkg.read(rel.target, MAX_MEDIA))
        return Figure(url, described)


def symbol_text(font: str | None, text: str, symbol: bool = False) -> str:
    """Text in Word's Symbol font as the characters it shows (``a`` is an alpha there).

    Word writes such characters in the private use area (U+F020-U+F0FF) or, in a symbol
    (``w:sym``), also as the font's own code (00DA): both are the code of the font, which
    Adobe's Symbol encoding maps to Unicode. Other characters of a run in that font are
    kept as they are: only a symbol or a private-use character is certainly the font's."""
    if (font or "").strip().lower() != "symbol":
        return text

    def shown(char: str) -> str:
        code = ord(char)
        if 0xF020 <= code <= 0xF0FF or symbol and 0x20 <= code <= 0xFF:
            mapped = SYMBOL[code & 0xFF]
            # Codes the font leaves empty are their own Latin-1 character in the table.
            return mapped if mapped != chr(code & 0xFF) or code & 0xFF < 0x7F else char
        return char
    return "".join(shown(char) for char in text)


def _xml_char(code: int) -> bool:
    """Whether a symbol's code is a character XML can hold (a symbol font's private-use
    codes are; control characters and surrogates are not)."""
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD \
        or 0x10000 <= code <= 0x10FFFF


#: A language tag as xml:lang takes it (``en-GB``, ``he-IL``); Word writes nothing else.
_LANGUAGE = re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*")
_ISO = re.compile(r"^\d{4}-\d\d-\d\d(T\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?)?$")


def reviser_id(state: WordState, author: str) -> str:
    """The xml:id of a reviser (``rev-jason-seeley``), named in the header."""
    if author not in state.revisers:
        slug = "-".join(re.findall(r"[a-z0-9]+", author.lower())) or "unknown"
        base = candidate = f"rev-{slug}"
        n = 2
        while candidate in state.revisers.values():
            candidate, n = f"{base}-{n}", n + 1
        state.revisers[author] = candidate
    return state.revisers[author]


def media_name(part: str, taken: dict[str, tuple[str, bytes]]) -> str:
    """A safe file name for a media part: its base name, with only harmless characters.

    The part name comes from the package and may climb (``../../x``); only its last
    segment, cleaned, is ever used, so the file lands in the media folder."""
    base = re.sub(r"[^A-Za-z0-9._-]", "_", posixpath.basename(part)).lstrip(".") or "image"
    used = {url.rsplit("/", 1)[-1] for url, _ in taken.values()}
    name, n = base, 2
    while name in used:
        stem, dot, ext = base.rpartition(".")
        name = f"{stem or ext}-{n}{dot}{ext if stem else ''}"
        n += 1
    return name


def note_content(state: WordState, body: etree._Element, part: str, read_blocks
                 ) -> tuple[tuple[Inline, ...], tuple]:
    """A note's paragraphs: one as inlines, several as blocks of a note."""
    rels = state.pkg.relationships(f"word/{part}.xml")
    paragraphs = []
    for p in body.iter(W + "p"):
        reader = Paragraph(state, rels, read_blocks, depth=1)
        reader.read(p)
        inlines = nest(reader.pieces)
        if any(not isinstance(i, str) or i.strip() for i in inlines):
            paragraphs.append(strip_edges(inlines))
    if len(paragraphs) == 1:
        return paragraphs[0], ()
    return (), tuple(Block("p", inlines, 0) for inlines in paragraphs)


def strip_edges(inlines: tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Drop the space a note's text begins with (Word puts one after the note mark)."""
    if inlines and isinstance(inlines[0], str):
        first = inlines[0].lstrip()
        return ((first,) if first else ()) + inlines[1:]
    return inlines


def nest(pieces: list[Piece], depth: int = 0) -> tuple[Inline, ...]:
    """Group pieces that share their wrappers into nested spans, merging adjacent text."""
    out: list[Inline] = []

    def add(item) -> None:
        if isinstance(item, str) and out and isinstance(out[-1], str):
            out[-1] += item
        elif not (isinstance(item, str) and item == ""):
            out.append(item)

    i = 0
    while i < len(pieces):
        wrappers, item = pieces[i]
        if len(wrappers) <= depth:
            add(item)
            i += 1
            continue
        key, j = wrappers[depth], i
        while j < len(pieces) and len(pieces[j][0]) > depth and pieces[j][0][depth] == key:
            j += 1
        children = nest(pieces[i:j], depth + 1)
        tag, attrs = key
        # Formatting (or a style, a link) around whitespace alone means nothing: the text
        # stays, the element goes. An inserted or deleted space is a change of its own.
        if tag not in ("add", "del") and all(isinstance(c, str) for c in children) \
                and not "".join(children).strip():  # type: ignore[arg-type]
            for child in children:
                add(child)
        elif children:
            add(Span(tag, children, attrs))
        i = j
    return tuple(out)
