"""teiedition: book-page text to TEI P5, validation, and HTML and PDF editions."""

#: The version, also the package's (pyproject.toml reads it from here): asking the installed
#: package's metadata for it cost each command about 25 ms at start.
__version__ = "0.1.0"

from .convert import read_notes, read_text
from .errors import InputError, MetadataError, RegisterError, TeieditionError
from .metadata import Metadata, minimal_metadata, parse_metadata
from .pipeline import Conversion, convert, convert_markdown, convert_pages, convert_word
from .register import Register, read_register
from .tei import Provenance, build_tei, to_bytes

__all__ = [
    "Conversion", "InputError", "Metadata", "MetadataError", "Provenance", "Register",
    "RegisterError", "TeieditionError", "__version__", "build_tei", "convert",
    "convert_markdown", "convert_pages", "convert_word",
    "minimal_metadata", "parse_metadata", "read_notes", "read_register", "read_text",
    "to_bytes",
]
