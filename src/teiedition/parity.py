"""The parity check: every note and every tagged name of a TEI document is in its outputs.

A name is counted by its kind (person, place, org, event, or name for ``name``, ``rs``,
``roleName``) and its register entry (the ``person``, ``personGrp``, ``place``, ``org`` or
``event`` whose ``xml:id`` its ``@ref``, ``@key`` or ``@corresp`` names, when the document
has it: what the stylesheets link to an index page, common/functions.xsl ``f:entry``); a
note by its label (``@n``, else its position). The HTML page is read
back with lxml; the PDF's side is what Typst laid out, queried from the typeset document
(:attr:`teiedition.render.Pdf.marks`). Missing items are reported as problems at the TEI
element, like validation errors; so are items the output has more of than the TEI.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable, Sequence
from urllib.parse import urlsplit

from lxml import etree, html

from .render import Mark
from .tei import TEI_NS
from .validate.problems import Problem

_T = f"{{{TEI_NS}}}"
_KINDS = {f"{_T}persName": "person", f"{_T}placeName": "place", f"{_T}geogName": "place",
          f"{_T}orgName": "org", f"{_T}name": "name", f"{_T}rs": "name",
          f"{_T}roleName": "name"}

_ENTRIES = tuple(f"{_T}{name}" for name in ("person", "personGrp", "place", "org", "event"))
_INDEX_PAGES = {"persons.html", "places.html", "organisations.html", "events.html"}

Item = tuple[str, "str | None"]
_FILE = "{urn:teiedition}file"
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def tei_items(tree: etree._ElementTree) -> list[tuple[Item, etree._Element]]:
    """The names and notes of the document's text, each with the element it comes from.

    Keys as the stylesheets give them (common/functions.xsl): a note's is its @n, else one
    more than the notes outside a header before it, its own ancestors left out, counted
    through the whole tree (the edition's book numbers on from text to text); a name's
    entry is looked for in its own document, a member of the edition's teiCorpus
    (``e:file``) or the whole tree."""
    root = tree.getroot()
    scopes = [root] + [member for member in root if member.get(_FILE) is not None]
    ids = {id(scope): {el.get(_XML_ID) for el in scope.iter(*_ENTRIES)} for scope in scopes}
    keys = _note_keys(root)
    items: list[tuple[Item, etree._Element]] = []
    # The text, and the manuscript description both outputs print before it, in document
    # order (each document of a teiCorpus: its description, then its text).
    described = {ms for header in root.iter(f"{_T}teiHeader")
                 for ms in header.iterfind(f"{_T}fileDesc/{_T}sourceDesc//{_T}msDesc")}
    parts = [el for el in root.iter(f"{_T}msDesc", f"{_T}text")
             if el in described or (el.tag == f"{_T}text" and not _inside(el, f"{_T}text"))]
    for part in parts:
        scope = next((a for a in part.iterancestors() if a.get(_FILE) is not None), root)
        for el in part.iter(f"{_T}note", *_KINDS):
            if el.tag == f"{_T}note":
                if not _inside_note(el, part):
                    items.append((("note", keys[el]), el))
                continue
            kind = "event" if el.tag == f"{_T}name" and el.get("type") == "event" \
                else _KINDS[el.tag]
            items.append(((kind, _entry(el, ids[id(scope)])), el))
    return items


def _note_keys(root: etree._Element) -> dict[etree._Element, str]:
    """Each note's key (f:note-key): its @n, else one more than the notes outside a header
    that stand before it, less its own ancestors."""
    keys: dict[etree._Element, str] = {}
    seen = 0
    for note in root.iter(f"{_T}note"):
        header = _inside(note, f"{_T}teiHeader")
        ancestors = 0 if header else sum(1 for a in note.iterancestors(f"{_T}note"))
        keys[note] = note.get("n") or str(seen - ancestors + 1)
        if not header:
            seen += 1
    return keys


def _inside(el: etree._Element, tag: str) -> bool:
    return next(el.iterancestors(tag), None) is not None


def _inside_note(el: etree._Element, text: etree._Element) -> bool:
    parent = el.getparent()
    while parent is not None and parent is not text:
        if parent.tag == f"{_T}note":
            return True
        parent = parent.getparent()
    return False


def _entry(el: etree._Element, ids: set[str | None]) -> str | None:
    """The register entry a name points to (the first pointer that starts with "#", from
    @ref, @key or @corresp, as f:entry reads them)."""
    pointers = [(el.get("ref") or "").split()[:1], ["#" + el.get("key").strip()]
                if (el.get("key") or "").strip() else [],
                (el.get("corresp") or "").split()[:1]]
    first = next((p[0] for p in pointers if p and p[0].startswith("#")), None)
    target = first[1:] if first else None
    return target if target in ids else None


def html_items(page: str) -> Counter[Item]:
    """The names and notes of an HTML text page (names in copies, the note pop-ups that
    repeat the notes at the foot of the page and the lemmata repeated in the apparatus,
    are not counted twice)."""
    doc = html.document_fromstring(page)
    found: Counter[Item] = Counter()
    for el in doc.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' name ')]"
                        "[not(ancestor::*[contains(concat(' ', @class, ' '), ' copy ')])]"):
        kind = (el.get("class") or "").split()[-1]
        # (A name inside a link is no link itself: where it would lead is data-href.)
        href = urlsplit(el.get("href") or el.get("data-href") or "")
        entry = href.fragment if href.path in _INDEX_PAGES and href.fragment else None
        found[(kind, entry)] += 1
    # Notes at the foot of the page, and notes printed in the line or in the margin: each
    # carries its label once (the pop-ups that repeat a note carry none).
    for note in doc.xpath("//*[@data-label][not(ancestor::*[contains(concat(' ', @class, ' '),"
                          " ' copy ')])]"):
        found[("note", note.get("data-label"))] += 1
    return found


def pdf_items(marks: Iterable[Mark]) -> Counter[Item]:
    """The names and notes Typst laid out (variant notes, which have no TEI note, are not
    counted)."""
    return Counter((m.kind, m.key) for m in marks if m.kind != "variant")


def check(tree: etree._ElementTree, *, html_page: str | None = None,
          pdf_marks: Sequence[Mark] | None = None) -> list[Problem]:
    """Problems for each name or note of ``tree`` missing from (or extra in) the outputs
    given."""
    items = tei_items(tree)
    expected = Counter(item for item, _ in items)
    problems: list[Problem] = []
    for output, found in (("HTML", html_items(html_page) if html_page is not None else None),
                          ("PDF", pdf_items(pdf_marks) if pdf_marks is not None else None)):
        if found is None:
            continue
        rule = f"parity-{output.lower()}"
        for item in sorted(expected.keys() | found.keys(), key=lambda i: (i[0], i[1] or "")):
            want, got = expected[item], found[item]
            if want == got:
                continue
            elements = [el for i, el in items if i == item]
            where = elements[min(got, len(elements) - 1)] if elements else None
            what = _describe(item)
            message = (f"{what}: {want} in the TEI, {got} in the {output}" if got < want
                       else f"{what}: {got} in the {output}, only {want} in the TEI")
            problems.append(Problem(rule, message, where.sourceline if where is not None
                                    else None, None, schema="parity"))
    return problems


def _describe(item: Item) -> str:
    kind, key = item
    if kind == "note":
        return f"note {key}"
    return f"{kind} name" + (f" of #{key}" if key else " without an entry")
