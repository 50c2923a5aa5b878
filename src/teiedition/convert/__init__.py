"""Inputs → document model: a page of text, a book's pages, Word, Markdown; the endnotes
reader; and (later stages) the taggers."""

from .docx import read_docx
from .endnotes import read_notes
from .markdown import read_markdown
from .pages import read_pages
from .reader import read_text

__all__ = ["read_docx", "read_markdown", "read_notes", "read_pages", "read_text"]
