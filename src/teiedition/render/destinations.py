"""Links between the PDFs of an edition that open at the element (issue 13).

Typst 0.15 writes named destinations only for labelled headings, and a link to a file
("letter2.pdf#p3") as a URI action, which PDF readers open, if at all, at its start. So
after Typst, :func:`link_destinations`

- names a destination for each anchor of the text (an element with an xml:id, where
  edition.typ reports the place it was set: page and position), named by the id, in the
  document catalog's name tree (besides Typst's own, for headings); and
- turns each link to another PDF beside this one (a relative URI ending in ".pdf", which
  only a pointer to another text of the edition becomes) into a remote go-to action
  (/GoToR) to that file at the named destination after the "#" (or its first page).

The changed and new objects are appended as an incremental update (pdfupdate.py).
"""

from __future__ import annotations

import io
from typing import Iterable, Mapping, TypedDict
from urllib.parse import unquote, urlsplit

import pypdf
from pypdf.generic import (ArrayObject, DictionaryObject, FloatObject, IndirectObject,
                           NameObject, NullObject, NumberObject, PdfObject, TextStringObject)

from .pdfupdate import append_update

#: Names per leaf of the name tree (PDF readers search it by its leaves' /Limits).
_LEAF = 512


class Anchor(TypedDict):
    """Where an anchor was set: its id, page (from 1) and point from the page's top left."""

    id: str
    page: int
    x: float
    y: float


def link_destinations(data: bytes, anchors: Iterable[Anchor]) -> bytes:
    """The PDF with a named destination for each of ``anchors`` and its links to other PDFs
    beside it made remote go-to actions (see the module's docstring); unchanged when there
    is neither."""
    anchors = list(anchors)
    # Reading every page's annotations is most of the cost: a PDF without anchors whose
    # objects all lie open (no object streams) and name no URI has nothing to change.
    if not anchors and b"/URI" not in data and b"/ObjStm" not in data:
        return data
    reader = pypdf.PdfReader(io.BytesIO(data))
    objects: dict[int, PdfObject] = {}
    _remote_links(reader, objects)
    destinations = _destinations(reader, anchors)
    if destinations:
        _name(reader, destinations, objects)
    if not objects:
        return data
    return append_update(data, reader, objects)


def _destinations(reader: pypdf.PdfReader, anchors: Iterable[Anchor]
                  ) -> dict[str, ArrayObject]:
    pages = reader.pages
    found: dict[str, ArrayObject] = {}
    for anchor in anchors:
        if not 1 <= anchor["page"] <= len(pages) or anchor["id"] in found:
            continue
        page = pages[anchor["page"] - 1]
        top = float(page.mediabox.top)
        found[anchor["id"]] = ArrayObject([
            page.indirect_reference, NameObject("/XYZ"), FloatObject(round(anchor["x"], 2)),
            FloatObject(round(top - anchor["y"], 2)), NullObject()])
    return found


def _name(reader: pypdf.PdfReader, destinations: Mapping[str, PdfObject],
          objects: dict[int, PdfObject]) -> None:
    """A new document catalog whose /Names /Dests tree holds ``destinations`` and the names
    Typst gave (ours first where a name is both)."""
    catalog = reader.trailer["/Root"]
    names: dict[bytes, tuple[TextStringObject, PdfObject]] = {}
    for name, value in _existing(catalog):
        names[_key(name)] = (name, value)
    for name, value in destinations.items():
        text = TextStringObject(name)
        names[_key(text)] = (text, value)
    ordered = [names[key] for key in sorted(names)]  # name trees are sorted by bytes
    number = int(reader.trailer["/Size"])
    kids = ArrayObject()
    for start in range(0, len(ordered), _LEAF):
        leaf = ordered[start:start + _LEAF]
        objects[number] = DictionaryObject({
            NameObject("/Limits"): ArrayObject([leaf[0][0], leaf[-1][0]]),
            NameObject("/Names"): ArrayObject(item for pair in leaf for item in pair)})
        kids.append(IndirectObject(number, 0, reader))
        number += 1
    objects[number] = DictionaryObject({NameObject("/Kids"): kids})
    tree = IndirectObject(number, 0, reader)
    new_catalog = DictionaryObject(catalog)
    name_dictionary = DictionaryObject(catalog.get("/Names", DictionaryObject()))
    name_dictionary[NameObject("/Dests")] = tree
    new_catalog[NameObject("/Names")] = name_dictionary
    objects[reader.trailer.raw_get("/Root").idnum] = new_catalog


def _existing(catalog: DictionaryObject) -> list[tuple[TextStringObject, PdfObject]]:
    """The named destinations of the catalog's name tree (Typst's, for headings)."""
    tree = (catalog.get("/Names") or DictionaryObject()).get("/Dests")
    found: list[tuple[TextStringObject, PdfObject]] = []
    stack = [tree.get_object()] if tree is not None else []
    while stack:
        node = stack.pop()
        items = node.get("/Names", [])
        found += [(items[i], items[i + 1]) for i in range(0, len(items) - 1, 2)]
        stack += [kid.get_object() for kid in node.get("/Kids", [])]
    return found


def _key(name: TextStringObject) -> bytes:
    """A name as the name tree compares it: the bytes of its string."""
    return name.get_original_bytes()


def _remote_links(reader: pypdf.PdfReader, objects: dict[int, PdfObject]) -> None:
    """Each link annotation to a relative "NAME.pdf#id", as a /GoToR action."""
    for page in reader.pages:
        for ref in page.get("/Annots", []):
            if not isinstance(ref, IndirectObject):
                continue
            annotation = ref.get_object()
            action = annotation.get("/A")
            action = action.get_object() if action is not None else None
            if annotation.get("/Subtype") != "/Link" or action is None \
                    or action.get("/S") != "/URI":
                continue
            target = urlsplit(str(action.get("/URI", "")))
            if target.scheme or target.netloc or not target.path.lower().endswith(".pdf") \
                    or target.path.startswith("/"):
                continue
            remote = DictionaryObject({
                NameObject("/S"): NameObject("/GoToR"),
                NameObject("/F"): TextStringObject(unquote(target.path)),
                NameObject("/D"): TextStringObject(unquote(target.fragment))
                if target.fragment else ArrayObject([NumberObject(0), NameObject("/Fit")])})
            changed = DictionaryObject(annotation)
            changed[NameObject("/A")] = remote
            objects[ref.idnum] = changed
