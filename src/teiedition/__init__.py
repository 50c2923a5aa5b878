"""teiedition: book-page text to TEI P5, validation, and HTML and PDF editions.

The library's entry points below are imported when first used (PEP 562), so that a
command, or a program that needs one part, does not load the converter with it.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING, Any

from .lazy import lazy_exports

#: The version, also the package's (pyproject.toml reads it from here): asking the installed
#: package's metadata for it cost each command about 25 ms at start.
__version__ = "0.1.0"

#: Each public name and the module that defines it.
_EXPORTS = {
    "read_notes": "convert", "read_text": "convert",
    "InputError": "errors", "MetadataError": "errors", "RegisterError": "errors",
    "TeieditionError": "errors",
    "Metadata": "metadata", "minimal_metadata": "metadata", "parse_metadata": "metadata",
    "Conversion": "pipeline", "convert": "pipeline", "convert_markdown": "pipeline",
    "convert_pages": "pipeline", "convert_word": "pipeline",
    "Register": "register", "read_register": "register",
    "Provenance": "tei", "build_tei": "tei", "to_bytes": "tei",
}

__all__ = [
    "Conversion", "InputError", "Metadata", "MetadataError", "Provenance", "Register",
    "RegisterError", "TeieditionError", "__version__", "build_tei", "convert",
    "convert_markdown", "convert_pages", "convert_word",
    "minimal_metadata", "parse_metadata", "read_notes", "read_register", "read_text",
    "to_bytes",
]

if TYPE_CHECKING:  # what type checkers and editors see
    from .convert import read_notes, read_text
    from .errors import InputError, MetadataError, RegisterError, TeieditionError
    from .metadata import Metadata, minimal_metadata, parse_metadata
    from .pipeline import Conversion, convert, convert_markdown, convert_pages, convert_word
    from .register import Register, read_register
    from .tei import Provenance, build_tei, to_bytes


class _Package(types.ModuleType):
    """This package's module. ``teiedition.convert`` is the library's function, as it has
    always been, although a subpackage has the same name: the import system sets a
    subpackage on its parent when it first loads it, which used to happen before the
    function was bound here and now happens whenever something first needs the converter."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name == "convert" and isinstance(value, types.ModuleType):
            return  # the subpackage stays reachable as sys.modules["teiedition.convert"]
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
