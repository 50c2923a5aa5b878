"""Document model → TEI tree. The only module that creates TEI elements (with lxml).

What is written follows the encoding policy (docs/encoding.md): a complete
``teiHeader`` from the metadata, ``text/body/div`` with ``p``/``quote`` blocks
that carry stable ids, ``note`` elements at their reference points.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Sequence

from lxml import etree

from .collector import collector_paused
from .metadata import Metadata
from .model import (Block, Break, Division, Document, Figure, Gap, Inline, ListBlock, Mention,
                    Node, Note, NoteRef, Span, Suggestion, Table)

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
T = "{%s}" % TEI_NS
XML_ID = "{%s}id" % XML_NS
XML_LANG = "{%s}lang" % XML_NS
#: The xml:id of the application element that automatic tags point to with @resp.
TOOL_ID = "teiedition"

_MENTION_TAGS = {kind: T + tag for kind, tag in (
    ("person", "persName"), ("place", "placeName"), ("org", "orgName"), ("event", "name"),
    ("date", "date"))}

EDITORIAL_DECL = {
    "normalization": (
        "The lines of a source paragraph are joined with a single space; whitespace at the "
        "ends of lines is dropped. No other character of the source is changed: spelling, "
        "punctuation and typography are kept as the source has them."),
    "correction": "The source text is not corrected; apparent errors are kept.",
    "segmentation": (
        "One div holds the source unit. Each paragraph of the source is a p, each indented "
        "block of the source a quote. A paragraph the source begins inside has part=\"F\", one "
        "it breaks off inside part=\"I\", one it does both for part=\"M\". Every p, quote and "
        "note has a stable xml:id derived from its position (p1, q1, n63), so the same input "
        "gives the same ids."),
    "interpretation": (
        "Footnote reference numbers of the source become note elements at the point of "
        "reference, numbered as the source numbers them (@n), with place=\"foot\" and "
        "type=\"authorial\". Numbers in the running text that do not continue the sequence "
        "of note numbers are not notes. When the text of a note is not in the source, the "
        "note holds gap reason=\"not-in-source\" and no invented text. Persons, places, "
        "organisations and events named in the running text are tagged persName, placeName, "
        "orgName and name type=\"event\" where the register lists them (whole words, "
        "longest name first; possessives, articles and titles outside the tag) and point to "
        "their entry with @ref; the entries used are copied into the standOff. Dates are "
        "tagged date with ISO 8601 values: @when for a point, @from and @to for a span, "
        "@notBefore and @notAfter for a vague period (early 1954: January to April; the "
        "1950s: 1950 to 1959); a day without a year takes the year of its paragraph or "
        "carries cert=\"low\". Elements created by the conversion software carry "
        "@resp=\"#teiedition\" until an editor has reviewed them."),
}


@dataclass(frozen=True)
class Provenance:
    """How this TEI file came about: recorded in the header, so runs are reproducible."""

    source_name: str
    date: str  # ISO 8601 date of the run
    version: str
    notes_name: str | None = None


def build_tei(doc: Document, meta: Metadata, provenance: Provenance) -> etree._ElementTree:
    """Build the TEI tree of ``doc`` with the header ``meta`` describes."""
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, meta.language)
    root.append(_header(meta, provenance, doc))
    if doc.entries:
        root.append(_stand_off(doc))
    text = _sub(root, "text")
    body = _sub(text, "body")
    div = _sub(body, "div", type=doc.unit)
    notes = {note.n: note for note in doc.notes}
    counters = {"p": 0, "quote": 0}
    for node in doc.blocks:
        _node(div, node, counters, notes)
    return etree.ElementTree(root)


#: The tags a :class:`Span` may have: formatting and markup that Word and Markdown carry.
SPAN_TAGS = frozenset(("hi", "foreign", "title", "ref", "add", "del", "persName",
                       "placeName", "orgName", "name", "date", "emph", "q"))


def _node(parent: etree._Element, node: Node, counters: dict[str, int],
          notes: dict[int, Note]) -> None:
    """Append one node of the model (a block, division, list, table or figure) to ``parent``."""
    if isinstance(node, Block):
        if node.kind == "head":
            _fill(_sub(parent, "head", **({"type": node.type} if node.type else {})),
                  node.inlines, notes)
            return
        counters[node.kind] += 1
        parent.append(_block(node, counters[node.kind], notes))
    elif isinstance(node, Division):
        div = _sub(parent, "div")
        for head in node.heads:
            _node(div, head, counters, notes)
        for child in node.blocks:
            _node(div, child, counters, notes)
    elif isinstance(node, ListBlock):
        listing = _sub(parent, "list", rend="numbered" if node.ordered else "bulleted")
        for item in node.items:
            _container(_sub(listing, "item"), item.blocks, counters, notes)
    elif isinstance(node, Table):
        table = _sub(parent, "table")
        for row in node.rows:
            row_el = _sub(table, "row", **({"role": "label"} if row.label else {}))
            for cell in row.cells:
                spans = {k: str(v) for k, v in (("cols", cell.cols), ("rows", cell.rows))
                         if v > 1}
                _container(_sub(row_el, "cell", **spans), cell.blocks, counters, notes)
    elif isinstance(node, Break):
        parent.append(_break(node))
    elif isinstance(node, Gap):
        _sub(parent, "gap", reason=node.reason)
    elif isinstance(node, Figure):
        figure = _sub(parent, "figure")
        if node.url:
            _sub(figure, "graphic", url=node.url)
        if node.gap:
            _sub(figure, "p").append(etree.Element(T + "gap", reason=node.gap))
        if node.description:
            _sub(figure, "figDesc", node.description)


def _container(el: etree._Element, blocks: tuple[Node, ...], counters: dict[str, int],
               notes: dict[int, Note]) -> None:
    """Fill an item or a cell: one paragraph as its text, more (or lists, tables) as blocks."""
    if len(blocks) == 1 and isinstance(blocks[0], Block) and blocks[0].kind == "p":
        _fill(el, blocks[0].inlines, notes)
        return
    for node in blocks:
        _node(el, node, counters, notes)


@collector_paused()
def to_bytes(tree: etree._ElementTree) -> bytes:
    """Serialise a TEI tree as the files teiedition writes: UTF-8, declared, indented.

    Only element-only containers are indented: whitespace added inside mixed
    content (a ``p`` with notes, a ``note`` with a ``gap``) would change the text.
    """
    _indent(tree.getroot(), 0)
    return etree.tostring(tree, xml_declaration=True, encoding="UTF-8") + b"\n"


#: Elements whose content is text: never indented inside.
MIXED_CONTENT = frozenset(T + name for name in (
    "p", "quote", "q", "note", "head", "item", "l", "cell", "label", "title", "bibl",
    "persName", "placeName", "orgName", "name", "date", "hi", "emph", "foreign", "ref",
    "change", "licence", "resp", "language", "desc", "term", "ab", "seg"))


def _indent(el: etree._Element, level: int) -> None:
    # The tag first: listing a paragraph's children makes a Python object for each of them,
    # for nothing (issue 18: 0.07 s of indenting 1,000,000 words became 0.02 s).
    if el.tag in MIXED_CONTENT:
        return
    children = list(el)
    if not children or (el.text and el.text.strip()) or any(
            child.tail and child.tail.strip() for child in children):
        return
    pad = "\n" + "  " * (level + 1)
    el.text = pad
    for child in children:
        _indent(child, level + 1)
        child.tail = pad
    children[-1].tail = "\n" + "  " * level


def _sub(parent: etree._Element, tag: str, text: str | None = None,
         **attrs: str) -> etree._Element:
    el = etree.SubElement(parent, T + tag, {_attr_name(k): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


@functools.cache  # a few names, looked up for every tag (issue 18)
def _attr_name(name: str) -> str:
    # Python keywords and xml: attributes come in as from_, xml_id ...
    name = name.rstrip("_")
    if name == "xml_id":
        return XML_ID
    if name == "xml_lang":
        return XML_LANG
    return name


def _block(block: Block, number: int, notes: dict[int, Note]) -> etree._Element:
    prefix = "p" if block.kind == "p" else "q"
    el = etree.Element(T + block.kind)
    el.set(XML_ID, f"{prefix}{number}")
    if block.kind == "quote":
        el.set("rend", "block")
    if block.part:
        el.set("part", block.part)
    _fill(el, block.inlines, notes)
    return el


def _fill(el: etree._Element, inlines: Iterable[Inline], notes: dict[int, Note]) -> None:
    """Append inline content to ``el``: text, tagged mentions, notes."""
    # Text is gathered in Python and set once per stretch: reading el.text or a tail back
    # from lxml makes a new string each time (issue 18: building the tree of 1,000,000
    # words is a sixth of the conversion).
    last: etree._Element | None = None
    text = el.text
    for item in inlines:
        if isinstance(item, str):
            text = item if text is None else text + item
            continue
        if text is not None:
            if last is None:
                el.text = text
            else:
                last.tail = text
            text = None
        if isinstance(item, Mention):
            last = _mention(el, item)
            continue
        if isinstance(item, NoteRef):
            last = _note(notes[item.n])
        elif isinstance(item, Span):
            last = _span(item, notes)
        elif isinstance(item, Break):
            last = _break(item)
        else:
            last = etree.Element(T + "gap", reason=item.reason)
        el.append(last)
    if text is not None:
        if last is None:
            el.text = text
        else:
            last.tail = text


def _break(item: Break) -> etree._Element:
    el = etree.Element(T + item.kind, {"n": item.n} if item.n else {})
    if item.within_word:
        el.set("break", "no")
    return el


def _span(span: Span, notes: dict[int, Note]) -> etree._Element:
    if span.tag not in SPAN_TAGS:  # the model is built by our readers; guard all the same
        raise ValueError(f"not a TEI element a span may become: {span.tag}")
    el = etree.Element(T + span.tag, {_attr_name(k): v for k, v in span.attrs})
    _fill(el, span.inlines, notes)
    return el


def _mention(parent: etree._Element, mention: Mention) -> etree._Element:
    """The mention's element, appended to ``parent``."""
    attrs = {_attr_name(name): value for name, value in mention.attrs}
    if mention.kind == "event":
        attrs = {"type": "event", **attrs}
    el = etree.SubElement(parent, _MENTION_TAGS[mention.kind], attrs)
    el.text = mention.text
    return el


def _note(note: Note) -> etree._Element:
    el = etree.Element(T + "note", {XML_ID: f"n{note.n}"})
    if note.place:
        el.set("n", note.label if note.label is not None else str(note.n))
        el.set("place", note.place)
    el.set("type", note.type)
    for name, value in note.attrs:
        el.set(_attr_name(name), value)
    if note.inlines is None:
        etree.SubElement(el, T + "gap", reason="not-in-source")
    else:
        _fill(el, note.inlines, {})
    for number, block in enumerate(note.blocks, 1):
        p = _sub(el, "p", xml_id=f"n{note.n}p{number}")
        _fill(p, block.inlines, {})
    return el


_LISTS = (("person", "listPerson"), ("place", "listPlace"), ("org", "listOrg"),
          ("event", "listEvent"))


def _stand_off(doc: Document) -> etree._Element:
    """The register entries the document names, copied so that the file stands alone."""
    stand_off = etree.Element(T + "standOff")
    for kind, list_tag in _LISTS:
        entries = [e for e in doc.entries if e.kind == kind]
        if entries:
            listing = _sub(stand_off, list_tag)
            for entry in entries:
                listing.append(etree.fromstring(entry.xml))
    return stand_off


def _header(meta: Metadata, prov: Provenance, doc: Document) -> etree._Element:
    header = etree.Element(T + "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _title_stmt(file_desc, meta, prov, doc.revisers)
    _publication_stmt(file_desc, meta, prov)
    if not meta.minimal:
        # The edition is the series this text is published in.
        series = _sub(file_desc, "seriesStmt")
        _sub(series, "title", meta.edition_title, level="s")
        for editor in meta.editors:
            _sub(series, "editor", editor)
    _source_desc(file_desc, meta, prov)
    _encoding_desc(header, meta, prov, doc)
    profile = _sub(header, "profileDesc")
    usage = _sub(profile, "langUsage")
    _sub(usage, "language", meta.language_name or meta.language, ident=meta.language)
    revision = _sub(header, "revisionDesc")
    change = _sub(revision, "change", when=prov.date, who="#" + TOOL_ID)
    register = ""
    if doc.register:
        source, date = doc.register
        register = (f" Names linked to the register {source.rsplit('/', 1)[-1]}"
                    f" ({'dated ' + date if date else 'undated'}).")
    change.text = (f"Converted from {prov.source_name}"
                   + (f" with the notes of {prov.notes_name}" if prov.notes_name else "")
                   + f" by teiedition {prov.version}; dates tagged and normalised.{register}")
    for change_id, who, when in doc.revisions:
        _sub(revision, "change", "A change tracked in the source document, kept as add or "
             "del.", xml_id=change_id, who="#" + who, **({"when": when} if when else {}))
    return header


def _title_stmt(file_desc: etree._Element, meta: Metadata, prov: Provenance,
                revisers: tuple[tuple[str, str], ...] = ()) -> None:
    stmt = _sub(file_desc, "titleStmt")
    _sub(stmt, "title", meta.text_title, type="main")
    authors = meta.chapter.authors if meta.chapter and meta.chapter.authors else meta.book_authors
    for author in authors:
        _sub(stmt, "author", author)
    for editor in meta.editors:
        _sub(stmt, "editor", editor)
    resp = _sub(stmt, "respStmt")
    _sub(resp, "resp", "TEI encoding by automatic conversion")
    _sub(resp, "name", f"teiedition {prov.version}", ref="#" + TOOL_ID)
    if revisers:
        resp = _sub(stmt, "respStmt")
        _sub(resp, "resp", "Tracked changes (add, del) and comments in the source document")
        for reviser_id, name in revisers:
            _sub(resp, "name", name, xml_id=reviser_id)


def _publication_stmt(file_desc: etree._Element, meta: Metadata, prov: Provenance) -> None:
    stmt = _sub(file_desc, "publicationStmt")
    _sub(stmt, "publisher", meta.publisher)
    if meta.pub_place:
        _sub(stmt, "pubPlace", meta.pub_place)
    _sub(stmt, "date", prov.date, when=prov.date)
    if meta.url:
        _sub(stmt, "idno", meta.url, type="URI")
    if meta.minimal:
        availability = _sub(stmt, "availability", status="unknown")
        _sub(availability, "p", "Unknown: the text was converted without a metadata file.")
        return
    availability = _sub(stmt, "availability", status="restricted")
    licence = _sub(availability, "licence",
                   f"The edition's encoding, register and apparatus: {meta.licence}.")
    if meta.licence_url:
        licence.set("target", meta.licence_url)
    _sub(availability, "p", f"The source text: {meta.rights} The edition's licence does "
                            "not apply to the source text.")


def _source_desc(file_desc: etree._Element, meta: Metadata, prov: Provenance) -> None:
    desc = _sub(file_desc, "sourceDesc")
    if meta.minimal:
        _sub(desc, "p", f"Converted from {prov.source_name}; no metadata file described "
                        "its source.")
        return
    bibl = _sub(desc, "bibl")
    chapter = meta.chapter
    cert = {"cert": "medium"} if chapter and chapter.attributed else {}
    if chapter:
        for author in chapter.authors:
            _sub(bibl, "author", author, **cert)
        _sub(bibl, "title", chapter.title, level="a", **cert)
    for author in meta.book_authors:
        _sub(bibl, "author", author)
    _sub(bibl, "title", meta.book_title, level="m")
    for editor in meta.book_editors:
        _sub(bibl, "editor", editor)
    if meta.series:
        _sub(bibl, "title", meta.series, level="s")
    for imprint in meta.imprints:
        _sub(bibl, "pubPlace", imprint.place)
        _sub(bibl, "publisher", imprint.publisher)
    _sub(bibl, "date", str(meta.year), when=f"{meta.year:04d}")
    if meta.pages:
        _sub(bibl, "biblScope", meta.pages, unit="page")
    if meta.extent:
        _sub(bibl, "extent", meta.extent)
    for isbn in meta.isbn:
        _sub(bibl, "idno", isbn, type="ISBN")
    if meta.source_url:
        _sub(bibl, "ref", meta.source_url, target=meta.source_url)
    if chapter and chapter.attribution_note:
        _sub(bibl, "note", chapter.attribution_note, type="attribution")
    if meta.pages_note:
        _sub(bibl, "note", meta.pages_note, type="pages")


AUTHORITIES = (
    "Authority identifiers in the standOff: idno type=\"wikidata\" (a Wikidata item id, "
    "Q956), type=\"viaf\" (a VIAF id), type=\"geonames\" (a GeoNames id); they are given "
    "only where the register's editors verified them.")


def _encoding_desc(header: etree._Element, meta: Metadata, prov: Provenance,
                   doc: Document) -> None:
    enc = _sub(header, "encodingDesc")
    project = _sub(enc, "projectDesc")
    _sub(project, "p", meta.description or (
        "Converted without a metadata file: the edition is not described." if meta.minimal
        else f"{meta.edition_title}: a TEI edition made with teiedition."))
    decl = _sub(enc, "editorialDecl")
    for part, text in EDITORIAL_DECL.items():
        element = _sub(decl, part)
        _sub(element, "p", text)
        if part == "interpretation" and doc.entries:
            _sub(element, "p", AUTHORITIES)
    app_info = _sub(enc, "appInfo")
    app = _sub(app_info, "application", ident="teiedition", version=prov.version,
               xml_id=TOOL_ID, when=prov.date)
    _sub(app, "label", "teiedition")
    _sub(app, "p", "Converts book-page text to TEI, tags names and dates, validates and "
                   "renders editions.")


_ENTRY = {"person": ("listPerson", "person", "persName"), "place": ("listPlace", "place",
          "placeName"), "org": ("listOrg", "org", "orgName"), "event": ("listEvent", "event",
                                                                         "label")}


def build_draft_register(suggestions: Sequence[Suggestion], prov: Provenance,
                         sources: Sequence[str]) -> etree._ElementTree:
    """A draft TEI register of suggested names, for the editor to review and merge.

    Each entry carries ``cert="low"`` and ``resp="#teiedition"``, its count and the contexts
    it was found in; its kind is a guess.
    """
    root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
    root.set(XML_LANG, "en")
    header = _sub(root, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", "Draft register: names suggested by teiedition")
    publication = _sub(file_desc, "publicationStmt")
    _sub(publication, "publisher", "unpublished draft")
    _sub(publication, "date", prov.date, when=prov.date)
    _sub(_sub(file_desc, "sourceDesc"), "bibl", "Name-like sequences found in "
         + ", ".join(sources) + " that the register did not cover.")
    app = _sub(_sub(_sub(header, "encodingDesc"), "appInfo"), "application", ident="teiedition",
               version=prov.version, xml_id=TOOL_ID)
    _sub(app, "label", "teiedition")
    _sub(_sub(header, "revisionDesc"), "change", f"Suggested by teiedition {prov.version}.",
         when=prov.date, who="#" + TOOL_ID)
    stand_off = _sub(root, "standOff")
    lists: dict[str, etree._Element] = {}
    used: set[str] = set()
    for suggestion in suggestions:
        list_tag, entry_tag, name_tag = _ENTRY[suggestion.kind]
        if suggestion.kind not in lists:
            lists[suggestion.kind] = _sub(stand_off, list_tag)
        entry = _sub(lists[suggestion.kind], entry_tag, xml_id=_unique_id(suggestion.name, used),
                     cert="low", resp="#" + TOOL_ID)
        _sub(entry, name_tag, suggestion.name)
        note = _sub(entry, "note", f"{suggestion.count} occurrence"
                                   f"{'s' if suggestion.count != 1 else ''}; kind guessed. ")
        for context in suggestion.contexts:
            _sub(note, "quote", context)
    body = _sub(_sub(root, "text"), "body")
    _sub(body, "p", "A draft register: review each entry, correct its kind, add variants and "
                    "authority identifiers, then merge it into the edition's register.")
    # Keep the lists in the order TEI users expect.
    order = [tag for tag, _, _ in _ENTRY.values()]
    stand_off[:] = sorted(stand_off, key=lambda el: order.index(etree.QName(el).localname))
    return etree.ElementTree(root)


def _unique_id(name: str, used: set[str]) -> str:
    """An xml:id made from a name: ``Liu Shaoqi`` → ``liu-shaoqi`` (ASCII, unique)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    base = "-".join(re.findall(r"[a-z0-9]+", ascii_name.lower())) or "name"
    if not base[0].isalpha():
        base = "n-" + base
    candidate, n = base, 2
    while candidate in used:
        candidate, n = f"{base}-{n}", n + 1
    used.add(candidate)
    return candidate
