"""What a repository reads about the edition: a DataCite record, a CITATION.cff, a README.

The edition-level metadata lives in the ``[edition]`` table of each text's metadata file
(``docs/metadata.md``); every text repeats it, so the texts must agree on the keys a
deposit needs. Each output is built as data: the DataCite XML with lxml, the CFF with
PyYAML, never by pasting strings into markup (STYLE.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import yaml
from lxml import etree

from ..errors import MetadataError
from ..metadata import Creator, Metadata, package_gaps

DATACITE_NS = "http://datacite.org/schema/kernel-4"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
DATACITE_SCHEMA = "https://schema.datacite.org/meta/kernel-4.5/metadata.xsd"
ORCID = "https://orcid.org/"
#: The ``[edition]`` values the texts of one edition must agree on for a deposit.
SHARED = ("edition_title", "editors", "publisher", "licence", "licence_url", "url",
          "description", "creators", "version", "edition_year", "doi", "keywords", "related")
_KEY_OF = {"edition_title": "title", "edition_year": "year"}


@dataclass(frozen=True)
class EditionRecord:
    """The edition as a deposit describes it: its shared metadata and its texts' languages."""

    meta: Metadata
    languages: tuple[str, ...]
    date: str


def edition_record(metas: Sequence[tuple[str, Metadata]], date: str) -> EditionRecord:
    """The edition's record from its texts' metadata (``(path, metadata)`` pairs).

    Raises :class:`MetadataError` naming every key a deposit needs that is missing, and
    every key on which two texts disagree."""
    if not metas:
        raise MetadataError("no text of the edition has a metadata file: a deposit package "
                            "needs the [edition] keys (see docs/metadata.md)")
    path, first = metas[0]
    problems = []
    gaps = package_gaps(first)
    if not first.doi and not first.url:
        # DataCite's kernel 4.4 and later require a non-empty identifier.
        gaps.append("edition.doi or edition.url")
    if gaps:
        problems.append(f"{path}: missing keys for the deposit package: {', '.join(gaps)}")
    for other_path, other in metas[1:]:
        for name in SHARED:
            if getattr(other, name) != getattr(first, name):
                key = f"edition.{_KEY_OF.get(name, name)}"
                problems.append(f"{other_path}: '{key}' differs from {path}; the texts of an "
                                "edition must agree on it")
    if problems:
        raise MetadataError("; ".join(problems))
    languages = tuple(sorted({meta.language for _, meta in metas}))
    return EditionRecord(first, languages, date)


def datacite_xml(record: EditionRecord, formats: Sequence[str]) -> bytes:
    """The DataCite record (metadata kernel 4.5) of the edition, UTF-8 XML.

    Its identifier is the DOI (``edition.doi``). Kernel 4.5 requires an identifier that is
    not empty, so an edition without a DOI yet is identified by its URL (``edition.url``,
    ``identifierType="URL"``); the repository that assigns the DOI puts it there."""
    meta = record.meta
    root = etree.Element(f"{{{DATACITE_NS}}}resource", nsmap={None: DATACITE_NS, "xsi": XSI_NS})
    root.set(f"{{{XSI_NS}}}schemaLocation", f"{DATACITE_NS} {DATACITE_SCHEMA}")

    def add(parent: etree._Element, name: str, text: str | None = None,
            **attributes: str) -> etree._Element:
        element = etree.SubElement(parent, f"{{{DATACITE_NS}}}{name}", attributes)
        element.text = text
        return element

    if meta.doi:
        add(root, "identifier", meta.doi, identifierType="DOI")
    else:
        add(root, "identifier", meta.url, identifierType="URL")
    creators = add(root, "creators")
    for creator in meta.creators:
        element = add(creators, "creator")
        add(element, "creatorName", creator.name)
        if creator.orcid:
            add(element, "nameIdentifier", ORCID + creator.orcid, nameIdentifierScheme="ORCID",
                schemeURI="https://orcid.org")
        if creator.affiliation:
            add(element, "affiliation", creator.affiliation)
    add(add(root, "titles"), "title", meta.edition_title)
    add(root, "publisher", meta.publisher)
    add(root, "publicationYear", str(meta.edition_year))
    add(root, "resourceType", "TEI scholarly edition", resourceTypeGeneral="Text")
    if meta.keywords:
        subjects = add(root, "subjects")
        for keyword in meta.keywords:
            add(subjects, "subject", keyword)
    if meta.editors:
        contributors = add(root, "contributors")
        for editor in meta.editors:
            add(add(contributors, "contributor", contributorType="Editor"),
                "contributorName", editor)
    if len(record.languages) == 1:
        add(root, "language", record.languages[0])
    if meta.related:
        related = add(root, "relatedIdentifiers")
        for item in meta.related:
            add(related, "relatedIdentifier", item.identifier,
                relatedIdentifierType=item.type, relationType=item.relation)
    if formats:
        element = add(root, "formats")
        for media_type in formats:
            add(element, "format", media_type)
    add(root, "version", meta.version)
    rights = add(add(root, "rightsList"), "rights", meta.licence)
    rights.set("rightsURI", meta.licence_url or "")
    if meta.description:
        add(add(root, "descriptions"), "description", " ".join(meta.description.split()),
            descriptionType="Abstract")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def citation_cff(record: EditionRecord) -> bytes:
    """The edition's CITATION.cff (Citation File Format 1.2.0)."""
    meta = record.meta
    data: dict[str, object] = {
        "cff-version": "1.2.0",
        "message": "If you use this edition, please cite it as below.",
        "type": "dataset",
        "title": meta.edition_title,
        "authors": [_cff_author(c) for c in meta.creators],
        "version": meta.version,
        "date-released": record.date,
        "license-url": meta.licence_url,
    }
    if meta.doi:
        data["doi"] = meta.doi
    if meta.url:
        data["url"] = meta.url
    if meta.description:
        data["abstract"] = " ".join(meta.description.split())
    if meta.keywords:
        data["keywords"] = list(meta.keywords)
    if meta.related:
        data["identifiers"] = [{"type": _CFF_TYPES.get(r.type, "other"), "value": r.identifier,
                                "description": f"{r.relation} ({r.type})"}
                               for r in meta.related]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88).encode("utf-8")


_CFF_TYPES = {"DOI": "doi", "URL": "url"}


def _cff_author(creator: Creator) -> dict[str, str]:
    """A person when the name is written 'Family, Given' (docs/metadata.md), else an entity
    (CFF gives entities no affiliation)."""
    family, comma, given = creator.name.partition(",")
    author: dict[str, str]
    if comma and family.strip() and given.strip():
        author = {"family-names": family.strip(), "given-names": given.strip()}
        if creator.affiliation:
            author["affiliation"] = creator.affiliation
    else:
        author = {"name": creator.name}
    if creator.orcid:
        author["orcid"] = ORCID + creator.orcid
    return author


def readme(record: EditionRecord, contents: Sequence[tuple[str, str]]) -> bytes:
    """The package's README: what the edition is, how to cite it, what each folder holds."""
    meta = record.meta
    names = "; ".join(c.name for c in meta.creators)
    lines = [f"# {meta.edition_title}", "", f"Version {meta.version}, {meta.edition_year}. "
             f"Published by {meta.publisher}.", "", f"Creators: {names}.", ""]
    if meta.description:
        lines += [" ".join(meta.description.split()), ""]
    if meta.doi:
        lines += [f"DOI: https://doi.org/{meta.doi}", ""]
    lines += [f"Licence of the edition: {meta.licence} ({meta.licence_url}). The sources "
              "keep their own rights, stated in each TEI file's header.", "",
              "## Contents", ""]
    lines += [f"- `{path}`: {what}" for path, what in contents]
    lines += ["", "This folder is the payload of a BagIt bag (RFC 8493): `manifest-sha256.txt` "
              "and `manifest-sha512.txt` beside it hold the checksum of every file. Check it "
              "with `teiedition package --check` or `bagit.py --validate`.", ""]
    return "\n".join(lines).encode("utf-8")
