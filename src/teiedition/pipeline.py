"""The conversion as one call: text, Word or Markdown (and metadata, notes) → document model →
TEI tree."""

from __future__ import annotations

from dataclasses import dataclass, replace

from lxml import etree

from .collector import collector_paused
from .convert import read_notes, read_text
from .convert.names import NameIndex
from .convert.ner import Recognizer
from .convert.pages import Page, read_pages
from .convert.structure import tag_structured
from .convert.taggers import tag_document
from .register import Register
from .errors import InputError
from .metadata import (SECTIONS, Metadata, is_foreign, metadata_from_foreign,
                       metadata_from_mapping, minimal_metadata)
from .model import Document, Finding
from .tei import Provenance, build_tei


@dataclass(frozen=True)
class Conversion:
    """What a conversion produced: the model (with its findings) and the TEI tree."""

    document: Document
    tree: etree._ElementTree
    #: Files to write beside the TEI (images of a Word document): (relative url, bytes).
    media: tuple[tuple[str, bytes], ...] = ()


@collector_paused()
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


@collector_paused()
def convert_word(data: bytes, meta: Metadata, provenance: Provenance, *,
                 changes: str = "accept", comments: str = "drop", media_folder: str = "media",
                 register: Register | None = None, recognizer: Recognizer | None = None,
                 name_index: NameIndex | None = None) -> Conversion:
    """Convert a Word document (.docx, .docm) to TEI: its structure, notes, formatting and
    images (returned as ``media``, to be written under ``media_folder`` beside the TEI);
    names and dates tagged as in a page of text. See :func:`.convert.docx.read_docx`."""
    from .convert.docx import read_docx  # loaded when a Word file is converted
    word = read_docx(data, path=provenance.source_name, changes=changes, comments=comments,
                     media_folder=media_folder)
    return _structured(word.document, meta, provenance, register, recognizer, name_index,
                       word.media)


@collector_paused()
def convert_markdown(text: str, meta: Metadata | None, provenance: Provenance, *,
                     register: Register | None = None, recognizer: Recognizer | None = None,
                     name_index: NameIndex | None = None) -> Conversion:
    """Convert Markdown to TEI. ``meta`` None: the metadata comes from the file's YAML front
    matter (the keys of the metadata file), or, without one, is minimal (and a finding
    says so)."""
    from .convert.markdown import read_markdown  # loaded when Markdown is converted
    read = read_markdown(text, path=provenance.source_name)
    document = read.document
    if meta is None and read.front_matter and is_foreign(read.front_matter):
        # Markdown from the wild has pandoc's or a site generator's front matter: the text
        # is converted all the same, and the header says it is not described.
        meta = metadata_from_foreign(read.front_matter,
                                     provenance.source_name.rsplit(".", 1)[0])
        document = replace(document, findings=document.findings + (Finding(
            "front-matter-foreign", "the front matter (or pandoc's title block) is not "
            "teiedition's metadata (it has "
            "none of " + ", ".join(SECTIONS) + "): only its title and language are used; "
            "the TEI header is minimal and will not pass the editorial rules"),))
    elif meta is None and read.front_matter:
        meta = metadata_from_mapping(read.front_matter,
                                     path=f"{provenance.source_name} (front matter)")
    elif meta is None:
        meta = minimal_metadata(provenance.source_name.rsplit(".", 1)[0])
        document = replace(document, findings=document.findings + (Finding(
            "metadata-minimal", "no metadata file and no front matter: the TEI header is "
            "minimal and will not pass the editorial rules"),))
    return _structured(document, meta, provenance, register, recognizer, name_index)


@collector_paused()
def convert_pages(pages: list[Page], meta: Metadata, provenance: Provenance, *,
                  notes_text: str | None = None, register: Register | None = None,
                  recognizer: Recognizer | None = None,
                  name_index: NameIndex | None = None) -> Conversion:
    """Convert a book's pages, in order, to one TEI text: paragraphs cut by a page break
    joined with a ``pb``, notes numbered on, missing pages marked (see
    :func:`.convert.pages.read_pages`)."""
    notes = read_notes(notes_text, path=provenance.notes_name or "<notes>") \
        if notes_text is not None else None
    document = read_pages(pages, starts_mid_paragraph=meta.starts_mid_paragraph, notes=notes,
                          note_markers=meta.note_markers)
    return _structured(document, meta, provenance, register, recognizer, name_index)


def _structured(document: Document, meta: Metadata, provenance: Provenance,
                register: Register | None, recognizer: Recognizer | None,
                name_index: NameIndex | None, media: tuple = ()) -> Conversion:
    if not document.blocks:
        raise InputError("no text: the document is empty", path=provenance.source_name)
    document = tag_structured(document, register, recognizer, index=name_index)
    return Conversion(document, build_tei(document, meta, provenance), media)
