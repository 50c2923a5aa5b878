"""A text's source files, read by their kind and converted: shared by ``convert`` and
``build`` (the filesystem edge, as :mod:`.files`).

One ``.txt`` file is a page of text; several are a book's pages, joined into one text; a
``.docx`` (or ``.docm``) is a Word document; a ``.md`` file is Markdown.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Sequence

from . import __version__
from .convert.names import NameIndex
from .convert.ner import Recognizer
from .convert.pages import Page, is_endnotes_page
from .errors import InputError
from .files import read_bytes, read_text_file
from .metadata import Metadata, minimal_metadata
from .pipeline import Conversion, convert, convert_markdown, convert_pages, convert_word
from .register import Register
from .tei import Provenance

WORD_SUFFIXES = (".docx", ".docm")
MARKDOWN_SUFFIXES = (".md", ".markdown")
#: Every suffix a text of an edition may have.
TEXT_SUFFIXES = (".txt",) + WORD_SUFFIXES + MARKDOWN_SUFFIXES
_NUMBER = re.compile(r"(\d+)(?!.*\d)")


def convert_sources(sources: Sequence[Path], meta: Metadata | None, *, date: str,
                    notes: Path | None = None, register: Register | None = None,
                    recognizer: Recognizer | None = None, name_index: NameIndex | None = None,
                    changes: str = "accept", comments: str = "drop",
                    media_folder: str = "media") -> Conversion:
    """Read and convert a text from ``sources``. ``meta`` None: Markdown takes its front
    matter, any other input a minimal header."""
    first = sources[0]
    provenance = Provenance(_source_name(sources), date, __version__,
                            notes.name if notes else None)
    tagging = {"register": register, "recognizer": recognizer, "name_index": name_index}
    suffix = first.suffix.lower()
    if len(sources) > 1:
        if any(p.suffix.lower() in WORD_SUFFIXES + MARKDOWN_SUFFIXES for p in sources):
            raise InputError("only pages of text (.txt) can be joined into one text",
                             path=str(first))
    elif suffix in MARKDOWN_SUFFIXES:
        return convert_markdown(read_text_file(first), meta, provenance, **tagging)
    meta = meta or minimal_metadata(first.stem)
    if suffix in WORD_SUFFIXES and len(sources) == 1:
        return convert_word(read_bytes(first, what="Word document"), meta, provenance,
                            changes=changes, comments=comments, media_folder=media_folder,
                            **tagging)
    notes_text = read_text_file(notes, what="notes") if notes else None
    if len(sources) == 1:
        return convert(read_text_file(first), meta, provenance, notes_text=notes_text, **tagging)
    texts = [read_text_file(path, what="page") for path in sources]
    if notes_text is None and is_endnotes_page(texts[-1]):
        # The book's endnotes page, given last with the pages, fills the notes.
        notes_text, texts, notes_name = texts[-1], texts[:-1], sources[-1].name
        sources = sources[:-1]
        provenance = Provenance(_source_name(sources), date, __version__, notes_name)
    pages = [Page(number, text, path.name) for number, text, path in
             zip(page_numbers(sources, meta.first_page), texts, sources, strict=True)]
    return convert_pages(pages, meta, provenance, notes_text=notes_text, **tagging)


def page_numbers(paths: Sequence[Path], first_page: int | None = None) -> list[int]:
    """The page number of each file: ``first_page`` and on, or the last number in each file
    name (``page-045.txt`` → 45)."""
    if first_page is not None:
        return list(range(first_page, first_page + len(paths)))
    numbers = []
    for path in paths:
        match = _NUMBER.search(path.stem)
        if match is None:
            raise InputError("the file name carries no page number; name the pages like "
                             "page-045.txt or give text.first_page in the metadata",
                             path=str(path))
        numbers.append(int(match.group(1)))
    return numbers


def _source_name(sources: Sequence[Path]) -> str:
    if len(sources) == 1:
        return sources[0].name
    return f"{sources[0].name} to {sources[-1].name} ({len(sources)} pages)"
