"""Reading an editor's tagged TEI file for the evaluation: its plain text, the names and
dates its editors tagged (with offsets), and an editor's register from its lists.

The encodings differ (see ../shared/tei/tagged/README.md): names are
``persName``/``placeName`` or ``rs type="person|place"``; pointers are ``@ref``
or ``@key``, written ``#id``, ``id``, ``JP-…`` or ``pmb…``; dates carry
``@when``, ``@when-iso``, ``@from``/``@to`` or nothing. Editorial notes and
regularisations are not part of the text; ``lb`` and ``space`` are spaces.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teiedition.register import name_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
#: Elements that make a paragraph of the plain text (the outermost one, when nested).
BLOCKS = {T + n for n in "p head opener closer dateline salute signed ab l item byline "
          "address postscript trailer".split()}
#: Elements whose text is not the source's running text.
SKIP = {T + n for n in "note fw reg expan corr rdg teiHeader figDesc desc".split()}
#: The editors' reading of a choice is left out; the source's is kept.
SPACES = {T + "lb", T + "space", T + "pb", T + "cb"}


@dataclass
class Mention:
    """A tagged stretch of one paragraph of the plain text."""

    kind: str  # person, place, date
    start: int
    end: int
    text: str = ""
    ref: str | None = None
    value: dict[str, str] = field(default_factory=dict)  # a date's normalised attributes
    #: Whether the mention is a form of its entry's name (not ``Vater``, ``Monsieur``).
    named: bool = True
    #: Whether the mention is a proper name: not only role words (``Vater``, ``Vostra
    #: Paternità``, ``M. le cardinal``; see accuracy.py).
    proper: bool = True


@dataclass
class Paragraph:
    text: str
    language: str
    mentions: list[Mention]


def kind_of(element: etree._Element) -> str | None:
    """The kind of a tagged element: person, place, date, or None."""
    tag = etree.QName(element).localname
    if tag == "persName":
        return "person"
    if tag == "placeName":
        return "place"
    if tag == "date":
        return "date"
    if tag == "rs" and element.get("type") in ("person", "place") \
            and element.get("subtype") != "implied":
        return element.get("type")
    return None


def pointer(element: etree._Element) -> str | None:
    value = (element.get("ref") or element.get("key") or "").strip()
    return value.split()[0].lstrip("#") if value else None


def paragraphs(root: etree._Element, default_language: str) -> list[Paragraph]:
    """The paragraphs of the file's body (outermost block elements), with their mentions.
    ``default_language`` is the MANIFEST's: ``de`` or ``de+en`` (original + translation)."""
    languages = default_language.split("+")
    out: list[Paragraph] = []
    for body in root.iter(T + "body"):
        for block in body.iter(*BLOCKS):
            if any(a.tag in BLOCKS or a.tag in SKIP for a in block.iterancestors()):
                continue
            language = next((a.get(XML_LANG) for a in block.iterancestors()
                             if a.get(XML_LANG)), block.get(XML_LANG) or languages[0])
            # The Lili Elbe letters give their English translation as a div of that type,
            # without xml:lang; the MANIFEST names its language second (de+en).
            if len(languages) > 1 and any(a.get("type") == "translation"
                                          for a in block.iterancestors()):
                language = languages[1]
            paragraph = _flatten(block, language)
            if paragraph.text:
                out.append(paragraph)
    return out


def _flatten(block: etree._Element, language: str) -> Paragraph:
    """The block's text with runs of whitespace as one space, and its mentions' offsets."""
    chars: list[str] = []
    pending = False
    mentions: list[Mention] = []

    def put(text: str | None) -> None:
        nonlocal pending
        for ch in text or "":
            if ch.isspace():
                pending = True
            else:
                if pending and chars:
                    chars.append(" ")
                pending = False
                chars.append(ch)

    def walk(element: etree._Element) -> None:
        nonlocal pending
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                put(child.tail)
                continue
            if child.tag in SKIP:
                pass
            elif child.tag in SPACES:
                if child.get("break") != "no":
                    pending = True
            else:
                kind = kind_of(child)
                if kind:
                    if pending and chars:
                        chars.append(" ")
                        pending = False
                    start = len(chars)
                put(child.text)
                walk(child)
                if kind:
                    value = {k: v for k, v in child.attrib.items()
                             if k in ("when", "from", "to", "notBefore", "notAfter")}
                    if child.get("when-iso"):
                        value["when"] = child.get("when-iso")
                    mentions.append(Mention(kind, start, len(chars),
                                            "".join(chars[start:]), pointer(child), value))
            put(child.tail)

    put(block.text)
    walk(block)
    return Paragraph("".join(chars), language, [m for m in mentions if m.end > m.start])


def document_date(root: etree._Element) -> str | None:
    """The letter's or entry's date from the header (correspondence or creation), if any."""
    for path in (".//t:correspAction[@type='sent']/t:date", ".//t:creation/t:date",
                 ".//t:profileDesc//t:date"):
        for date in root.xpath(path, namespaces={"t": TEI_NS}):
            value = date.get("when") or date.get("when-iso") or date.get("notBefore")
            if value and len(value) >= 7:
                return value[:10]
    return None


def editor_register(refs: set[str], sources: list[etree._Element]) -> bytes:
    """A register of the entries ``refs`` names, from ``sources`` (register files and the text
    itself), holding only their name elements (the preferred and listed variant names) and
    a person's sex where the register records it (no form of a name). A
    name two entries of one kind share is kept for the first and marked ``no-match`` for
    the others, as an editor would (teiedition refuses a register with such clashes)."""
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    lists = {"person": etree.SubElement(root, T + "listPerson"),
             "place": etree.SubElement(root, T + "listPlace")}
    names = {"person": (T + "persName",), "place": (T + "placeName", T + "geogName")}
    seen_ids: set[str] = set()
    seen_names: set[tuple[str, str]] = set()
    for source in sources:
        for element in source.iter(T + "person", T + "place"):
            entry_id = element.get(XML_ID)
            if entry_id not in refs or entry_id in seen_ids:
                continue
            seen_ids.add(entry_id)
            kind = etree.QName(element).localname
            entry = etree.SubElement(lists[kind], element.tag)
            entry.set(XML_ID, entry_id)
            # The person's sex, where the register records it, is no form of the name.
            if element.get("sex"):
                entry.set("sex", element.get("sex"))
            for sex in element.iterchildren(T + "sex"):
                entry.append(copy.deepcopy(sex))
            for name in element:
                if name.tag not in names[kind]:
                    continue
                copied = copy.deepcopy(name)
                copied.tail = None
                for attr in ("ref", "key", "subtype"):
                    copied.attrib.pop(attr, None)
                text = name_text(copied)[0]
                if not text or "??" in text:
                    continue
                if (kind, text) in seen_names:
                    copied.set("subtype", "no-match")
                seen_names.add((kind, text))
                entry.append(copied)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


def load(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(remove_comments=False)).getroot()
