"""TEI → outputs. ``html_pages`` makes the HTML reading edition of one or more TEI documents.

The stylesheets are the bundled ones (xslt/), compiled once per process; documents are
parsed by lxml before Saxon sees them (see xslt.py). The names below load with their
module when first used (PEP 562): an HTML edition does not load Typst and the PDF code,
nor a PDF the HTML's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..lazy import lazy_exports
from .standards import PDF_STANDARDS

#: Each public name and the module that defines it.
_EXPORTS = {
    "E_NS": "corpus",
    "INDEX_PAGES": "html", "HtmlEdition": "html", "count_unhandled": "html",
    "html_edition_pages": "html", "html_pages": "html", "html_text_page": "html",
    "VOLUME_WORDS": "typeset", "Mark": "typeset", "Pdf": "typeset", "PdfContents": "typeset",
    "edition_book": "typeset", "pdf": "typeset", "pdf_volumes": "typeset",
    "typst_source": "typeset", "usable_images": "typeset",
    "split_volumes": "volumes",
}

__all__ = ["E_NS", "INDEX_PAGES", "PDF_STANDARDS", "VOLUME_WORDS", "HtmlEdition", "Mark", "Pdf",
           "PdfContents", "count_unhandled", "edition_book", "html_edition_pages", "html_pages",
           "html_text_page", "pdf", "pdf_volumes", "split_volumes", "typst_source",
           "usable_images"]

if TYPE_CHECKING:  # what type checkers and editors see
    from .corpus import E_NS
    from .html import (INDEX_PAGES, HtmlEdition, count_unhandled, html_edition_pages,
                       html_pages, html_text_page)
    from .typeset import (VOLUME_WORDS, Mark, Pdf, PdfContents, edition_book, pdf, pdf_volumes,
                          typst_source, usable_images)
    from .volumes import split_volumes


__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
