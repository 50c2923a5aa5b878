"""The register of persons, places, organisations and events: a TEI file the editor keeps.

Entries are ``person``, ``place``, ``org`` and ``event`` elements with an
``xml:id``, anywhere in a TEI file (a ``standOff``, a ``listPerson``...).
Their names are the ``persName`` / ``placeName`` (or ``geogName``) /
``orgName`` / ``label`` children: the first that is not ``type="variant"`` is
the preferred name, the others are variants. A variant may carry
``subtype="after-full"`` (tag it only after the entry's full name has occurred
in the text: a surname that could be someone else's) or
``subtype="no-match"`` (never tag it automatically: a name that is also a
common word). Matching is always case-sensitive. A name given in parts
(``forename``, ``nameLink``, ``surname``, ``genName`` children) reads in that
natural order whatever the order of the parts, and its ``surname`` is kept for
the short forms (:mod:`.convert.shortforms`); ``roleName`` and ``addName`` are
not part of the name a text is matched against. The token ``no-short-forms``
in the ``subtype`` of any of an entry's names turns off the short forms of the
whole entry.

The register is the editor's: teiedition reads it and never rewrites it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Literal

from lxml import etree

from .errors import RegisterError
from .xmlparse import TEI_NS, parse_bytes

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
Kind = Literal["person", "place", "org", "event"]
#: Entry element → the elements that hold its names.
KINDS: dict[str, tuple[Kind, tuple[str, ...]]] = {
    T + "person": ("person", (T + "persName",)),
    T + "place": ("place", (T + "placeName", T + "geogName")),
    T + "org": ("org", (T + "orgName",)),
    T + "event": ("event", (T + "label",)),
}


@dataclass(frozen=True)
class Name:
    """One form under which an entry may appear in a text."""

    text: str
    preferred: bool = False
    after_full: bool = False
    disabled: bool = False
    #: The surname, when the register marks it (``<surname>``).
    surname: str | None = None
    #: The texts of its ``roleName`` and ``addName`` parts, which the name's text leaves out
    #: (``duchesse de Villeroy``, ``Grand Dauphin``): a person goes by some of them
    #: (shortforms.designations).
    additions: tuple[str, ...] = ()


@dataclass(frozen=True)
class Entry:
    """A register entry, with its TEI element serialised (copied into the document's standOff)."""

    id: str
    kind: Kind
    names: tuple[Name, ...]
    xml: bytes
    line: int | None = None
    #: Whether short forms may be derived from the names (a person's surname alone ...).
    short_forms: bool = True
    #: A person's sex as the register records it (``@sex`` or ``<sex>``): ``"f"``, ``"m"``
    #: or None. A gendered title chooses between persons who share a short form.
    sex: str | None = None

    @property
    def preferred(self) -> str:
        return next((n.text for n in self.names if n.preferred), self.names[0].text
                    if self.names else self.id)


@dataclass(frozen=True)
class Register:
    """The entries of a register file, in file order, and where they come from."""

    entries: tuple[Entry, ...]
    source: str
    date: str | None = None

    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


def read_register(data: bytes, *, path: str) -> Register:
    """Read a register file; refuse one that cannot be used, naming the entries at fault."""
    parsed = parse_bytes(data, require_tei=False)
    if parsed.tree is None or parsed.problems:
        problem = parsed.problems[0]
        raise RegisterError(f"the register cannot be read: {problem.message}", path=path,
                            line=problem.line, column=problem.column)
    root = parsed.tree.getroot()
    entries = list(_entries(root, path))
    if not entries:
        raise RegisterError("the register has no entries (person, place, org or event "
                            "elements in the TEI namespace)", path=path)
    _refuse_duplicates(entries, path)
    return Register(tuple(entries), path, _register_date(root))


def _entries(root: etree._Element, path: str) -> Iterator[Entry]:
    for element in root.iter(*KINDS):
        kind, name_tags = KINDS[element.tag]
        entry_id = element.get(XML_ID)
        if not entry_id:
            raise RegisterError(f"a {kind} entry has no xml:id", path=path,
                                line=element.sourceline)
        names = []
        preferred_seen = False
        short_forms = True
        for child in element:
            if child.tag not in name_tags:
                continue
            text, surname = name_text(child)
            if not text:
                continue
            variant = child.get("type") == "variant"
            preferred = not variant and not preferred_seen
            preferred_seen = preferred_seen or preferred
            subtypes = set((child.get("subtype") or "").split())
            short_forms = short_forms and "no-short-forms" not in subtypes
            additions = tuple(" ".join("".join(part.itertext()).split())
                              for part in child.iter(T + "roleName", T + "addName"))
            names.append(Name(text, preferred, "after-full" in subtypes, "no-match" in subtypes,
                              surname, additions))
        yield Entry(entry_id, kind, tuple(names), etree.tostring(element, with_tail=False),
                    element.sourceline, short_forms, _sex(element))


#: How registers write a sex (TEI ``data.sex``: ISO 5218 codes, letters, words): the first
#: character of the value, lower-cased, read as female or male.
_SEXES = {"f": "f", "w": "f", "2": "f", "m": "m", "1": "m"}


def _sex(element: etree._Element) -> str | None:
    """A person's sex from ``@sex`` or its ``<sex>`` child (``value`` or text), or None."""
    value = element.get("sex")
    if value is None:
        child = element.find(T + "sex")
        if child is not None:
            value = child.get("value") or child.text
    return _SEXES.get((value or "").strip()[:1].lower())


#: The parts of a name in the order a text writes them; others (roleName, addName) are left out.
_PARTS = {T + "forename": 0, T + "nameLink": 1, T + "surname": 2, T + "genName": 3}


#: The parts of a place name from the most specific: a place given as its country, region
#: and settlement is named in texts by the settlement.
_PLACE_PARTS = tuple(T + n for n in ("name", "settlement", "district", "geogName", "bloc",
                                      "region", "country"))


def name_text(element: etree._Element) -> tuple[str, str | None]:
    """A name's text and its surname: the parts in natural order when it is given in parts
    (``<surname>Ahlefeld</surname><forename>Ferdinand</forename>``); for a place given in
    parts (``country``, ``region``, ``settlement``) its most specific part; else its text."""
    parts = [child for child in element if child.tag in _PARTS]
    places = {child.tag: child for child in element if child.tag in _PLACE_PARTS}
    if not parts and places:
        specific = next(places[tag] for tag in _PLACE_PARTS if tag in places)
        return " ".join("".join(specific.itertext()).split()), None
    if not parts:
        return " ".join("".join(element.itertext()).split()), None
    ordered = sorted(parts, key=lambda c: _PARTS[c.tag])  # stable: forenames keep their order
    text = " ".join(" ".join("".join(c.itertext()).split()) for c in ordered)
    surnames = [" ".join("".join(c.itertext()).split()) for c in parts if c.tag == T + "surname"]
    return " ".join(text.split()), " ".join(surnames) if surnames else None


def _refuse_duplicates(entries: list[Entry], path: str) -> None:
    seen: dict[str, Entry] = {}
    problems = []
    for entry in entries:
        if entry.id in seen:
            problems.append(f"xml:id '{entry.id}' is used by two entries (lines "
                            f"{seen[entry.id].line} and {entry.line})")
        seen.setdefault(entry.id, entry)
    forms: dict[tuple[str, str], Entry] = {}
    for entry in entries:
        for name in entry.names:
            if name.disabled:
                continue
            key = (entry.kind, name.text)
            other = forms.get(key)
            if other is not None and other.id != entry.id:
                problems.append(f"the {entry.kind} name '{name.text}' belongs to both "
                                f"'{other.id}' (line {other.line}) and '{entry.id}' "
                                f"(line {entry.line}); mark one subtype=\"no-match\" or "
                                "remove it")
            forms.setdefault(key, entry)
    if problems:
        raise RegisterError("; ".join(problems), path=path)


def _register_date(root: etree._Element) -> str | None:
    """The register's own date: its last recorded change, else its publication date."""
    changes = [c.get("when") for c in root.iter(T + "change") if c.get("when")]
    if changes:
        return max(changes)
    for date in root.iter(T + "date"):
        if date.getparent() is not None and date.getparent().tag == T + "publicationStmt":
            return date.get("when") or (date.text or "").strip() or None
    return None
