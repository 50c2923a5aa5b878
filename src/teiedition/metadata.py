"""The edition's metadata file (TOML): what the TEI header says, and nothing from code.

Every key is declared once in :data:`KEYS`; the loader checks a file against
it (unknown keys, missing keys, wrong types, each named) and
``docs/metadata.md`` carries the table that :func:`keys_table` renders from it.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field, replace
from typing import Any

from .errors import MetadataError


@dataclass(frozen=True)
class Key:
    """One metadata key: its dotted path, type, whether it is required, what it means."""

    path: str
    type: type
    required: bool
    doc: str
    tei: str
    #: The values the key may take, when they are few.
    choices: tuple[str, ...] = ()
    #: Not needed to convert a text, but needed for a deposit package (issue 17).
    package: bool = False


#: DataCite's kinds of related identifiers (kernel 4.5, relatedIdentifierType).
RELATED_TYPES = ("ARK", "arXiv", "bibcode", "CSTR", "DOI", "EAN13", "EISSN", "Handle", "IGSN",
                 "ISBN", "ISSN", "ISTC", "LISSN", "LSID", "PMID", "PURL", "RRID", "UPC", "URL",
                 "URN", "w3id")
#: DataCite's relation types (kernel 4.5, relationType).
RELATIONS = ("IsCitedBy", "Cites", "IsCollectedBy", "Collects", "IsSupplementTo",
             "IsSupplementedBy", "IsContinuedBy", "Continues", "IsDescribedBy", "Describes",
             "HasMetadata", "IsMetadataFor", "HasVersion", "IsVersionOf", "IsNewVersionOf",
             "IsPreviousVersionOf", "IsPartOf", "HasPart", "IsPublishedIn", "IsReferencedBy",
             "References", "IsDocumentedBy", "Documents", "IsCompiledBy", "Compiles",
             "IsVariantFormOf", "IsOriginalFormOf", "IsIdenticalTo", "IsReviewedBy", "Reviews",
             "IsDerivedFrom", "IsSourceOf", "IsRequiredBy", "Requires", "IsObsoletedBy",
             "Obsoletes")

#: Every key a metadata file may hold. ``[]`` marks an array of tables.
KEYS: tuple[Key, ...] = (
    Key("edition", dict, True, "The digital edition as a whole.", ""),
    Key("edition.title", str, True, "Title of the edition.",
        "`titleStmt/title[@type='sub']`, `seriesStmt/title`"),
    Key("edition.editors", list, True, "Editors of the digital edition (names).",
        "`titleStmt/editor`"),
    Key("edition.publisher", str, True, "Who publishes the edition.", "`publicationStmt/publisher`"),
    Key("edition.pub_place", str, False, "Where the edition is published.",
        "`publicationStmt/pubPlace`"),
    Key("edition.licence", str, True,
        "Licence of the edition's own encoding, register and apparatus (e.g. `CC BY 4.0`).",
        "`availability/licence`"),
    Key("edition.licence_url", str, False, "URL of that licence's text.", "`licence/@target`",
        package=True),
    Key("edition.url", str, False,
        "Base URL where the edition is published (used in citations; the deposit's "
        "identifier while it has no DOI).",
        "`publicationStmt/idno[@type='URI']`"),
    Key("edition.description", str, False, "What the edition is and why it is made.",
        "`encodingDesc/projectDesc/p`"),
    Key("edition.creators", list, False,
        "Creators of the edition, in the order they are credited (array of tables): the "
        "authors of the deposit package's DataCite record and CITATION.cff.",
        "(none: `package` only)", package=True),
    Key("edition.creators[].name", str, True,
        "A creator's name, family name first for a person (`Westad, Odd Arne`) or an "
        "organisation's name.", "(none: `package` only)"),
    Key("edition.creators[].orcid", str, False,
        "The creator's ORCID iD (`0000-0002-1825-0097`).", "(none: `package` only)"),
    Key("edition.creators[].affiliation", str, False, "The creator's institution.",
        "(none: `package` only)"),
    Key("edition.version", str, False, "Version of the edition (`1.0`, `2026-01`).",
        "(none: `package` only)", package=True),
    Key("edition.year", int, False, "Year the edition (this version) is published.",
        "(none: `package` only)", package=True),
    Key("edition.doi", str, False,
        "DOI of the edition, once a repository has assigned or reserved one "
        "(`10.5281/zenodo.1234`): the deposit's identifier. A package needs it or "
        "`edition.url`.",
        "(none: `package` only)"),
    Key("edition.keywords", list, False, "Subjects of the edition, one a keyword.",
        "(none: `package` only)"),
    Key("edition.related", list, False,
        "Works the edition is related to (array of tables): its source, a website, an "
        "earlier version.", "(none: `package` only)"),
    Key("edition.related[].identifier", str, True,
        "The related work's identifier (`https://…`, `10.…`, an ISBN).",
        "(none: `package` only)"),
    Key("edition.related[].type", str, True, "Kind of that identifier (DataCite's list).",
        "(none: `package` only)", RELATED_TYPES),
    Key("edition.related[].relation", str, True,
        "How the edition relates to it (DataCite's list; `IsDerivedFrom` for its source).",
        "(none: `package` only)", RELATIONS),
    Key("edition.fonts", list, False,
        "Font families the PDF sets the text in before the bundled Libertinus Serif, in "
        "order: installed fonts or fonts in `--font-path` (`[\"Junicode\"]` for MUFI "
        "characters). Read by `pdf` and `build`.", "(none: print only)"),
    Key("text", dict, True, "This text (one source unit: a page, an excerpt, a chapter).", ""),
    Key("text.title", str, True, "Title of this text in the edition.",
        "`titleStmt/title[@type='main']`"),
    Key("text.language", str, True, "Language of the text, a BCP 47 tag (`en`, `de`, `zh-Hant`).",
        "`TEI/@xml:lang`, `langUsage/language/@ident`"),
    Key("text.language_name", str, False, "Name of that language, in English (`English`).",
        "`langUsage/language`"),
    Key("text.starts_mid_paragraph", bool, False,
        "Whether the text begins inside a paragraph. Default: `true` for the reading-site "
        "format (a page of a book), otherwise detected (a lower-case first letter).",
        "first `p/@part`"),
    Key("text.date", str, False,
        "The text's own date, ISO 8601 (`1820-07-01`, `1858-01`): a letter's date, a diary's "
        "first day. Dates the text writes without a year (`Thursday 7th`, `the 3d inst.`) "
        "before any full date take month and year from it.", "dates' `@when`, `@cert`"),
    Key("text.note_markers", str, False,
        "How the text marks note references: `numbers` (plain numbers, as in a book's "
        "page), `none` (the text has no notes: every number stays text) or `auto` (the "
        "default: a chain of at least two rising numbers).", "`note`",
        ("auto", "numbers", "none")),
    Key("text.pages", list, False,
        "The files of this text's pages, in reading order, relative to the metadata file: "
        "the pages are joined into one text (`build` then reads these files, not `NAME.txt`).",
        "`pb/@n`"),
    Key("text.first_page", int, False,
        "Page number of the first page file, when the file names carry no page numbers; "
        "the following files are numbered on from it.", "`pb/@n`"),
    Key("source", dict, True, "The printed source the text comes from.", "`sourceDesc/bibl`"),
    Key("source.book_title", str, True, "Title of the book.", "`bibl/title[@level='m']`"),
    Key("source.book_editors", list, False, "Editors of the book.", "`bibl/editor`"),
    Key("source.book_authors", list, False, "Authors of the whole book, if it has them.",
        "`bibl/author`"),
    Key("source.series", str, False, "Series the book belongs to.", "`bibl/title[@level='s']`"),
    Key("source.imprints", list, False,
        "Places and publishers, in the order the title page gives them (array of tables).",
        "`bibl/pubPlace`, `bibl/publisher`"),
    Key("source.imprints[].place", str, True, "Place of publication.", "`bibl/pubPlace`"),
    Key("source.imprints[].publisher", str, True, "Publisher at that place.", "`bibl/publisher`"),
    Key("source.year", int, True, "Year of publication.", "`bibl/date/@when`"),
    Key("source.extent", str, False, "Extent of the book (`xxii + 404 pp.`).", "`bibl/extent`"),
    Key("source.isbn", list, False, "ISBNs, each with its binding (`0-8047-3484-4 (cloth)`).",
        "`bibl/idno[@type='ISBN']`"),
    Key("source.pages", str, False, "Pages of the text in the printed book, when known.",
        "`bibl/biblScope[@unit='page']`"),
    Key("source.pages_note", str, False, "Why the pages are not given, or how they were found.",
        "`bibl/note[@type='pages']`"),
    Key("source.rights", str, True,
        "Copyright of the source text; the edition's licence does not relicense it.",
        "`availability/p`"),
    Key("source.url", str, False, "Where the text was taken from (the reading site's page).",
        "`bibl/ref/@target`"),
    Key("source.chapter", dict, False, "The chapter (or article) the text belongs to.",
        "`bibl/title[@level='a']`, `bibl/author`"),
    Key("source.chapter.title", str, True, "Title of the chapter.", "`bibl/title[@level='a']`"),
    Key("source.chapter.authors", list, False, "Authors of the chapter.", "`bibl/author`"),
    Key("source.chapter.attributed", bool, False,
        "`true` when title and authors are attributed, not verified: they are then marked "
        "`@cert=\"medium\"` and the attribution note is given.", "`@cert`"),
    Key("source.chapter.attribution_note", str, False,
        "On what grounds the chapter is attributed.", "`bibl/note[@type='attribution']`"),
)

_BY_PATH = {key.path: key for key in KEYS}


@dataclass(frozen=True)
class Imprint:
    place: str
    publisher: str


@dataclass(frozen=True)
class Creator:
    """A creator of the edition, as the deposit package credits them."""

    name: str
    orcid: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Related:
    """A work the edition is related to, in DataCite's terms."""

    identifier: str
    type: str
    relation: str


@dataclass(frozen=True)
class Chapter:
    title: str
    authors: tuple[str, ...] = ()
    attributed: bool = False
    attribution_note: str | None = None


@dataclass(frozen=True)
class Metadata:
    """What a metadata file says, checked against :data:`KEYS`."""

    edition_title: str
    editors: tuple[str, ...]
    publisher: str
    licence: str
    text_title: str
    language: str
    book_title: str
    year: int
    rights: str
    pub_place: str | None = None
    licence_url: str | None = None
    url: str | None = None
    description: str | None = None
    language_name: str | None = None
    starts_mid_paragraph: bool | None = None
    #: The text's own date (ISO 8601), for dates written without a year.
    date: str | None = None
    #: How the text marks note references: "auto", "numbers" or "none".
    note_markers: str = "auto"
    book_editors: tuple[str, ...] = ()
    book_authors: tuple[str, ...] = ()
    series: str | None = None
    imprints: tuple[Imprint, ...] = ()
    extent: str | None = None
    isbn: tuple[str, ...] = ()
    pages: str | None = None
    pages_note: str | None = None
    source_url: str | None = None
    chapter: Chapter | None = None
    fonts: tuple[str, ...] = ()
    creators: tuple[Creator, ...] = ()
    version: str | None = None
    #: The year the edition is published (``source.year`` is the source's).
    edition_year: int | None = None
    doi: str | None = None
    keywords: tuple[str, ...] = ()
    related: tuple[Related, ...] = ()
    page_files: tuple[str, ...] = ()
    first_page: int | None = None
    #: True when no metadata file was given: the header is minimal and says so.
    minimal: bool = field(default=False, compare=False)


def minimal_metadata(title: str) -> Metadata:
    """Metadata for a text that comes without a metadata file: enough for a well-formed header.

    The result is marked ``minimal``; the TEI header says the description is
    incomplete, and the editorial rules flag what is missing.
    """
    return Metadata(
        edition_title=title, editors=(), publisher="unknown", licence="unknown",
        text_title=title, language="und", book_title="unknown", year=0,
        rights="unknown", minimal=True)


#: The sections of a metadata file: a front matter with none of them is another program's.
SECTIONS = tuple(key.path for key in KEYS if "." not in key.path)
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def is_foreign(data: dict[str, Any]) -> bool:
    """Whether a front matter was written for another program (pandoc's ``title``,
    ``author``, ``references``; Jekyll's ``layout``): it has none of our sections."""
    return not any(section in data for section in SECTIONS)


def metadata_from_foreign(data: dict[str, Any], default_title: str) -> Metadata:
    """Minimal metadata from another program's front matter: its ``title`` and its language
    (``lang``, as pandoc writes it, or ``language``) when they are plain values; the rest
    describes nothing TEI's header holds, and is not used."""
    title = data.get("title")
    language = next((value for value in (data.get("lang"), data.get("language"))
                     if isinstance(value, str) and _LANGUAGE_TAG.fullmatch(value.strip())), None)
    return replace(minimal_metadata(title.strip() if isinstance(title, str) and title.strip()
                                    else default_title),
                   language=language.strip() if language else "und")


def parse_metadata(text: str, *, path: str = "<metadata>") -> Metadata:
    """Parse and check a metadata file's text; raise :class:`MetadataError` naming each problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        raise MetadataError(f"not valid TOML: {err}", path=path) from None
    return metadata_from_mapping(data, path=path)


def metadata_from_mapping(data: dict[str, Any], *, path: str = "<metadata>") -> Metadata:
    """Check and build metadata given as a mapping of the same keys (a Markdown file's YAML
    front matter); raise :class:`MetadataError` naming each problem."""
    if not isinstance(data, dict):
        raise MetadataError("the metadata must be a table of keys", path=path)
    problems = list(_check(data, ""))
    if problems:
        raise MetadataError("; ".join(problems), path=path)
    return _build(data)


def _check(table: dict[str, Any], prefix: str) -> Any:
    for name, value in table.items():
        path = f"{prefix}{name}"
        key = _BY_PATH.get(path)
        if key is None:
            yield f"unknown key '{path}'"
            continue
        yield from _check_value(key, value, path)
    for key in KEYS:
        parent, _, leaf = key.path.rpartition(".")
        if key.required and (parent + "." if parent else "") == prefix and leaf not in table:
            yield f"missing key '{key.path}' ({key.doc.rstrip('.')})"


def _check_value(key: Key, value: Any, path: str) -> Any:
    # bool is an int in Python; a year of `true` is still a mistake.
    if not isinstance(value, key.type) or (key.type is int and isinstance(value, bool)):
        yield f"'{path}' must be {_type_name(key.type)}, not {_type_name(type(value))}"
        return
    if key.type is dict:
        yield from _check(value, path + ".")
    elif key.type is list:
        if any(k.path.startswith(path + "[].") for k in KEYS):
            for i, item in enumerate(value):
                if not isinstance(item, dict):
                    yield f"'{path}[{i}]' must be a table"
                else:
                    yield from _check(item, path + "[].")
        elif not all(isinstance(item, str) and item.strip() for item in value):
            yield f"'{path}' must be a list of non-empty strings"
    elif key.type is str and not value.strip():
        yield f"'{path}' is empty"
    elif key.choices and value not in key.choices:
        yield f"'{path}' must be one of {', '.join(key.choices)}, not '{value}'"
    elif path == "edition.creators[].orcid" and not is_orcid(value):
        yield f"'{path}' must be an ORCID iD like 0000-0002-1825-0097, not '{value}'"
    elif path == "text.date" and not _is_iso_date(value):
        yield f"'{path}' must be an ISO 8601 date (1820, 1820-07, 1820-07-01), not '{value}'"


def is_orcid(value: str) -> bool:
    """Whether ``value`` is an ORCID iD (four groups of four digits, the last character
    an ISO 7064 11,2 check digit, which may be X)."""
    digits = value.replace("-", "")
    if len(value) != 19 or [len(g) for g in value.split("-")] != [4, 4, 4, 4] \
            or not digits[:-1].isdigit() or digits[-1] not in "0123456789X":
        return False
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


#: The package keys and the :class:`Metadata` fields that hold them.
PACKAGE_FIELDS = {"edition.licence_url": "licence_url", "edition.creators": "creators",
                  "edition.version": "version", "edition.year": "edition_year"}


def package_gaps(meta: Metadata) -> list[str]:
    """The keys a deposit package needs that ``meta`` lacks, in the order of :data:`KEYS`."""
    return [key.path for key in KEYS if key.package and not getattr(meta, PACKAGE_FIELDS[key.path])]


def _is_iso_date(value: str) -> bool:
    parts = value.split("-")
    if not (1 <= len(parts) <= 3 and len(parts[0]) == 4
            and all(p.isdigit() and len(p) in (2, 4) for p in parts)):
        return False
    try:
        dt.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                int(parts[2]) if len(parts) > 2 else 1)
    except ValueError:
        return False
    return True


def _type_name(t: type) -> str:
    return {str: "a string", int: "an integer", bool: "true or false", list: "a list",
            dict: "a table"}.get(t, t.__name__)


def _build(data: dict[str, Any]) -> Metadata:
    ed, text, src = data["edition"], data["text"], data["source"]
    chapter = src.get("chapter")
    return Metadata(
        edition_title=ed["title"], editors=tuple(ed["editors"]), publisher=ed["publisher"],
        licence=ed["licence"], pub_place=ed.get("pub_place"), licence_url=ed.get("licence_url"),
        url=ed.get("url"), description=ed.get("description"), fonts=tuple(ed.get("fonts", ())),
        creators=tuple(Creator(c["name"], c.get("orcid"), c.get("affiliation"))
                       for c in ed.get("creators", ())),
        version=ed.get("version"), edition_year=ed.get("year"), doi=ed.get("doi"),
        keywords=tuple(ed.get("keywords", ())),
        related=tuple(Related(r["identifier"], r["type"], r["relation"])
                      for r in ed.get("related", ())),
        text_title=text["title"], language=text["language"],
        language_name=text.get("language_name"),
        starts_mid_paragraph=text.get("starts_mid_paragraph"),
        date=text.get("date"), note_markers=text.get("note_markers", "auto"),
        page_files=tuple(text.get("pages", ())), first_page=text.get("first_page"),
        book_title=src["book_title"], year=src["year"], rights=src["rights"],
        book_editors=tuple(src.get("book_editors", ())),
        book_authors=tuple(src.get("book_authors", ())), series=src.get("series"),
        imprints=tuple(Imprint(i["place"], i["publisher"]) for i in src.get("imprints", ())),
        extent=src.get("extent"), isbn=tuple(src.get("isbn", ())), pages=src.get("pages"),
        pages_note=src.get("pages_note"), source_url=src.get("url"),
        chapter=Chapter(chapter["title"], tuple(chapter.get("authors", ())),
                        chapter.get("attributed", False), chapter.get("attribution_note"))
        if chapter else None,
    )


def keys_table() -> str:
    """The Markdown table of every key, as ``docs/metadata.md`` carries it."""
    rows = ["| key | type | required | meaning | TEI |", "| --- | --- | --- | --- | --- |"]
    for key in KEYS:
        required = "yes" if key.required else "for `package`" if key.package else "no"
        rows.append(f"| `{key.path}` | {_type_name(key.type)} | {required}"
                    f" | {key.doc} | {key.tei} |")
    return "\n".join(rows) + "\n"
