"""Text → document model: the reader, the endnotes reader, and (later stages) the taggers."""

from .endnotes import read_notes
from .reader import read_text

__all__ = ["read_notes", "read_text"]
