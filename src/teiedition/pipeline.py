"""The conversion as one call: text (and metadata, notes) → document model → TEI tree."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .convert import read_notes, read_text
from .convert.names import NameIndex
from .convert.ner import Recognizer
from .convert.taggers import tag_document
from .register import Register
from .errors import InputError
from .metadata import Metadata
from .model import Document
from .tei import Provenance, build_tei


@dataclass(frozen=True)
class Conversion:
    """What a conversion produced: the model (with its findings) and the TEI tree."""

    document: Document
    tree: etree._ElementTree


def convert(text: str, meta: Metadata, provenance: Provenance, *,
            notes_text: str | None = None, register: Register | None = None,
            recognizer: Recognizer | None = None,
            name_index: NameIndex | None = None) -> Conversion:
    """Convert a page of text to TEI: paragraphs, notes, names (linked to ``register`` when one
    is given) and dates. ``notes_text`` is an endnotes page, if the notes are known;
    ``name_index`` is the register's index, built once for many conversions."""
    notes = read_notes(notes_text, path=provenance.notes_name or "<notes>") \
        if notes_text is not None else None
    document = read_text(text, starts_mid_paragraph=meta.starts_mid_paragraph, notes=notes,
                         note_markers=meta.note_markers)
    if not document.blocks:
        raise InputError("no text: the file holds only paragraph separators",
                         path=provenance.source_name)
    document = tag_document(document, register, recognizer, index=name_index,
                            language=meta.language, date=meta.date)
    return Conversion(document, build_tei(document, meta, provenance))
