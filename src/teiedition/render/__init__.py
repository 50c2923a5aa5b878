"""TEI → outputs. ``html_pages`` makes the HTML reading edition of one or more TEI documents.

The stylesheets are the bundled ones (xslt/), compiled once per process; documents are
parsed by lxml before Saxon sees them (see xslt.py).
"""

from .corpus import E_NS
from .html import INDEX_PAGES, HtmlEdition, count_unhandled, html_edition_pages, html_pages, \
    html_text_page
from .typeset import PDF_STANDARDS, VOLUME_WORDS, Mark, Pdf, PdfContents, edition_book, pdf, \
    pdf_volumes, typst_source, usable_images
from .volumes import split_volumes

__all__ = ["E_NS", "INDEX_PAGES", "PDF_STANDARDS", "VOLUME_WORDS", "HtmlEdition", "Mark", "Pdf",
           "PdfContents", "count_unhandled", "edition_book", "html_edition_pages", "html_pages",
           "html_text_page", "pdf", "pdf_volumes", "split_volumes", "typst_source",
           "usable_images"]
