"""What a Word document's styles, numbering and settings say about its paragraphs and runs.

Word names its built-in styles in English in ``w:name`` ("heading 1", "Quote") whatever
the language of the user interface, while style ids are localised ("Überschrift1", "1"):
so styles are recognised by name, then by id, and through ``w:basedOn``. Lists are
paragraphs with numbering (``w:numPr``), direct or from their style; whether a list is
numbered or bulleted is the format of its level in ``numbering.xml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS

#: Character styles named like a TEI element become that element (issue 15).
TEI_STYLES = {name.lower(): name for name in (
    "persName", "placeName", "orgName", "name", "date", "foreign", "title")}
_QUOTE_STYLES = ("quote", "intense quote", "block text", "quotation", "block quote",
                 "blockquote", "zitat", "citation")
_HEADING = re.compile(r"^(?:heading|berschrift|titre|kop|rubrik|naslov)\s*(\d)$")


def wval(el: etree._Element | None, child: str, attr: str = "val") -> str | None:
    """``w:val`` (or another w: attribute) of ``el``'s child ``w:child``, if any."""
    if el is None:
        return None
    found = el.find(W + child)
    return None if found is None else found.get(W + attr)


def is_on(el: etree._Element | None, child: str) -> bool | None:
    """A Word toggle property: True, False (``w:val="0"``), or None when not set."""
    if el is None:
        return None
    found = el.find(W + child)
    if found is None:
        return None
    return found.get(W + "val", "true").lower() not in ("0", "false", "off", "none")


def rends(rpr: etree._Element | None) -> set[str]:
    """The TEI ``hi/@rend`` values of a run's (or style's) formatting."""
    out: set[str] = set()
    if rpr is None:
        return out
    for child, rend in (("i", "italic"), ("b", "bold"), ("smallCaps", "smallcaps"),
                        ("strike", "strikethrough"), ("dstrike", "strikethrough")):
        if is_on(rpr, child):
            out.add(rend)
    underline = wval(rpr, "u")
    if underline and underline != "none":
        out.add("underline")
    align = wval(rpr, "vertAlign")
    if align in ("superscript", "subscript"):
        out.add("sup" if align == "superscript" else "sub")
    return out


@dataclass(frozen=True)
class Style:
    id: str
    name: str
    type: str
    based_on: str | None
    ppr: etree._Element | None
    rpr: etree._Element | None


@dataclass
class Styles:
    """The styles of a document, with what the reader asks of them."""

    by_id: dict[str, Style] = field(default_factory=dict)
    default_lang: str | None = None
    #: numId → abstract levels: ilvl → numFmt
    formats: dict[str, dict[int, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, styles: etree._Element | None, numbering: etree._Element | None) -> "Styles":
        result = cls()
        if styles is not None:
            for el in styles.iter(W + "style"):
                sid = el.get(W + "styleId") or ""
                result.by_id[sid] = Style(sid, (wval(el, "name") or sid), el.get(W + "type")
                                          or "paragraph", wval(el, "basedOn"),
                                          el.find(W + "pPr"), el.find(W + "rPr"))
            defaults = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr")
            result.default_lang = wval(defaults, "lang")
        if numbering is not None:
            abstract = {a.get(W + "abstractNumId"): {
                _level(lvl.get(W + "ilvl")): wval(lvl, "numFmt") or "decimal"
                for lvl in a.iter(W + "lvl")} for a in numbering.iter(W + "abstractNum")}
            for num in numbering.iter(W + "num"):
                levels = dict(abstract.get(wval(num, "abstractNumId"), {}))
                for override in num.iter(W + "lvlOverride"):
                    lvl = override.find(W + "lvl")
                    if lvl is not None:
                        levels[_level(override.get(W + "ilvl"))] = wval(lvl, "numFmt") or "decimal"
                result.formats[num.get(W + "numId") or ""] = levels
        return result

    def chain(self, style_id: str | None):
        """The style and the styles it is based on, nearest first (cycles stopped)."""
        seen: set[str] = set()
        while style_id and style_id in self.by_id and style_id not in seen:
            seen.add(style_id)
            style = self.by_id[style_id]
            yield style
            style_id = style.based_on

    def heading_level(self, style_id: str | None, ppr: etree._Element | None) -> int | None:
        """1-9 for a heading, 0 for a title, None for any other paragraph.

        The nearest word wins: the paragraph's own outline level, then each style up the
        chain, by its name (``heading 2``, ``Title``) or its outline level (a "TOC Heading"
        based on Heading 1 sets level 9, body text). A style id that reads like a heading
        but is not defined (``Heading7``) is taken at its word."""
        outline = wval(ppr, "outlineLvl")
        if outline is not None:
            return _outline(outline)
        for style in self.chain(style_id):
            key = style.name.lower().strip()
            if key == "title":
                return 0
            match = _HEADING.match(key) or _HEADING.match(style.id.lower())
            if match:
                return int(match.group(1))
            own = wval(style.ppr, "outlineLvl")
            if own is not None:
                return _outline(own)
        match = _HEADING.match((style_id or "").lower())
        if match and style_id not in self.by_id:
            return int(match.group(1))
        return None

    def is_subtitle(self, style_id: str | None) -> bool:
        return any(s.name.lower() == "subtitle" for s in self.chain(style_id))

    def is_quote(self, style_id: str | None) -> bool:
        return any(s.name.lower() in _QUOTE_STYLES or s.id.lower() in _QUOTE_STYLES
                   for s in self.chain(style_id))

    def numbering(self, style_id: str | None, ppr: etree._Element | None
                  ) -> tuple[int, bool, str] | None:
        """(level, numbered, numbering id) for a list paragraph, None for any other."""
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = wval(num_pr, "numId"), wval(num_pr, "ilvl")
        for style in self.chain(style_id):
            if num_id is not None:
                break
            style_num = style.ppr.find(W + "numPr") if style.ppr is not None else None
            num_id = wval(style_num, "numId")
            ilvl = ilvl or wval(style_num, "ilvl")
        if num_id is None or num_id == "0":
            return None
        level = _level(ilvl)
        fmt = self.formats.get(num_id, {}).get(level, "decimal")
        return level, fmt not in ("bullet", "none"), num_id

    def tei_element(self, style_id: str | None) -> str | None:
        """The TEI element a character style is named after (``persName`` ...), if any."""
        for style in self.chain(style_id):
            for key in (style.name, style.id):
                name = TEI_STYLES.get(key.lower().replace(" ", "").removeprefix("tei:"))
                if name:
                    return name
        return None

    def char_rends(self, style_id: str | None) -> set[str]:
        """The formatting a character style gives its runs (nearest definition wins)."""
        out: set[str] = set()
        decided: set[str] = set()
        for style in self.chain(style_id):
            for child, rend in (("i", "italic"), ("b", "bold"), ("smallCaps", "smallcaps")):
                value = is_on(style.rpr, child)
                if value is not None and rend not in decided:
                    decided.add(rend)
                    if value:
                        out.add(rend)
            out |= rends(style.rpr) - {"italic", "bold", "smallcaps"}
        return out


def _level(value: str | None) -> int:
    """A list level (0-8); anything else a document may hold is level 0."""
    return int(value) if value and value.isdigit() and int(value) < 9 else 0


def _outline(value: str) -> int | None:
    """A heading level from a Word outline level (0-8; 9 is body text)."""
    return int(value) + 1 if value.isdigit() and int(value) < 9 else None


def format_number(number: int, fmt: str) -> str:
    """A note number as Word prints it in the format ``fmt`` (decimal, lowerRoman ...)."""
    if fmt in ("lowerRoman", "upperRoman"):
        numerals = (("m", 1000), ("cm", 900), ("d", 500), ("cd", 400), ("c", 100),
                    ("xc", 90), ("l", 50), ("xl", 40), ("x", 10), ("ix", 9), ("v", 5),
                    ("iv", 4), ("i", 1))
        out, rest = "", number
        for numeral, value in numerals:
            while rest >= value:
                out, rest = out + numeral, rest - value
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "chicago":
        symbols = "*†‡§"
        return symbols[(number - 1) % 4] * ((number - 1) // 4 + 1)
    return str(number)
