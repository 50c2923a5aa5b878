"""Inputs → document model: a page of text, a book's pages, Word, Markdown; the endnotes
reader; and (later stages) the taggers."""

from typing import Any

from .endnotes import read_notes
from .pages import read_pages
from .reader import read_text

__all__ = ["read_docx", "read_markdown", "read_notes", "read_pages", "read_text"]


def __getattr__(name: str) -> Any:
    # The Word and Markdown readers (and their libraries) are loaded when first asked for:
    # a conversion of plain text does not pay for them (about 70 ms of each process).
    if name == "read_docx":
        from .docx import read_docx
        return read_docx
    if name == "read_markdown":
        from .markdown import read_markdown
        return read_markdown
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
