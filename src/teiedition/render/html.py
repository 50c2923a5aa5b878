"""TEI → the HTML reading edition: the text pages and the pages across documents."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Mapping, Sequence

from lxml import etree

from ..media import media_path, with_sources
from ..resources import resource
from ..xslt import Parsed, Result, Stylesheets, bundled
from .corpus import corpus_text


INDEX_PAGES = ("persons", "places", "organisations", "events")


@dataclass(frozen=True)
class HtmlEdition:
    """The pages of an HTML edition: file name → text, the stylesheet, and any messages;
    ``files``: the images the pages show (path in the edition → bytes)."""

    pages: Mapping[str, str]
    messages: tuple[str, ...]
    files: Mapping[str, bytes] = field(default_factory=dict)


def html_pages(documents: Sequence[tuple[str, etree._ElementTree]], *, access_date: str = "",
               warn_unhandled: bool = False, images: Mapping[str, Mapping[str, bytes]] | None = None,
               search: bool = False, stylesheets: Stylesheets | None = None) -> HtmlEdition:
    """The HTML edition of ``documents`` (a file stem and a parsed TEI tree each): a page per
    document (:func:`html_text_page`) and the edition's pages (:func:`html_edition_pages`).
    Pointers from one document to another ("letter2.xml#p3") link their pages. ``images``:
    for a stem, the images found beside its TEI file (media.images_beside). With
    ``warn_unhandled``, each element the stylesheets do not know (its text is kept) gives a
    message. With ``search``, the files also hold the search index (search.py)."""
    sheets = stylesheets or bundled("html")
    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}
    messages: list[str] = []
    stems = [stem for stem, _ in documents]
    # One document: its edition pages come from the transformation that makes its page
    # (what both need, such as its element ids and its names' entries, is worked out once);
    # several: from one transformation of them all, after their pages.
    single = len(documents) == 1
    for stem, tree in documents:
        sources = {url: media_path(stem, url) for url in (images or {}).get(stem, {})}
        page = _text_page(stem, sheets.parse(with_sources(tree, sources), "html"), sheets,
                          access_date=access_date, warn_unhandled=warn_unhandled,
                          documents=stems, search=search, edition_pages=single)
        pages.update(page.pages)
        messages.extend(page.messages)
        files.update({sources[url]: data for url, data in (images or {}).get(stem, {}).items()})
    if not single:
        edition = html_edition_pages(documents, stylesheets=sheets, search=search)
        pages.update(edition.pages)
        messages.extend(edition.messages)
    if search:
        # (Imported here: the search index's modules cost the start of every command.)
        from ..search import search_index
        files.update(search_index(pages))
    return HtmlEdition(pages, tuple(messages), files)


def html_text_page(stem: str, tree: etree._ElementTree, *, access_date: str = "",
                   warn_unhandled: bool = False, documents: Sequence[str] = (),
                   images: Mapping[str, bytes] | None = None, search: bool = False,
                   stylesheets: Stylesheets | None = None) -> HtmlEdition:
    """The page of one TEI document, ``stem``.html: its text, notes and header. ``documents``:
    the stems of the edition's documents (pointers to them link their pages); ``images``:
    the document's images by @url (they are shown, and copied to media/STEM/)."""
    sheets = stylesheets or bundled("html")
    sources = {url: media_path(stem, url) for url in images or {}}
    page = _text_page(stem, sheets.parse(with_sources(tree, sources), "html"), sheets,
                      access_date=access_date, warn_unhandled=warn_unhandled,
                      documents=documents, search=search)
    return replace(page, files={sources[url]: data for url, data in (images or {}).items()})


def _text_page(stem: str, parsed: Parsed, sheets: Stylesheets, *, access_date: str,
               warn_unhandled: bool, documents: Sequence[str], search: bool,
               edition_pages: bool = False) -> HtmlEdition:
    """The page of a text, and with ``edition_pages`` the edition's pages of that one text
    (as :func:`html_edition_pages` makes them) from the same transformation."""
    name = f"{stem}.html"
    result = sheets.run("html", parsed, {
        "page": "text", "text-file": name, "access-date": access_date,
        "warn-unhandled": warn_unhandled, "documents": "\n".join(documents),
        "search": search, "edition-pages": edition_pages})
    return HtmlEdition({name: result.main, **(_edition_pages(result, search)
                                                if edition_pages else {})}, result.messages)


def html_edition_pages(documents: Iterable[tuple[str, etree._ElementTree]], *,
                       stylesheets: Stylesheets | None = None, search: bool = False,
                       parsed: Parsed | None = None) -> HtmlEdition:
    """The pages across all ``documents``: the home page (index.html, the texts with their
    source and counts), index pages of persons, places, organisations and events, the
    chronology (every dated mention in date order, with a timeline), the CSS,
    the search page (with ``search``), and the script that remembers the reader's choice
    of reading across pages and starts the search. All pages come from one transformation
    of the documents (as a teiCorpus; ``parsed``: the same already handed to Saxon, a
    teiCorpus of them or the one document). ``documents`` may be a generator that parses
    each tree when asked for: each is handed on as text as it comes (:func:`corpus_text`),
    so that no more than one lxml tree is held however large the edition."""
    sheets = stylesheets or bundled("html")
    items = iter(documents)
    head = next(items, None)
    first = f"{head[0]}.html" if head else "index.html"
    if parsed is None:
        named = itertools.chain((head,) if head else (), items)
        del head  # the corpus text drops the first tree with the others, once written
        parsed = sheets.parse_text(corpus_text(named, ".html"), "html")
    result = sheets.run("html", parsed, {"page": "edition", "text-file": first,
                                         "search": search})
    return HtmlEdition(_edition_pages(result, search), result.messages)


def _edition_pages(result: Result, search: bool) -> dict[str, str]:
    """The edition's pages a transformation made (result documents), and the assets."""
    pages = {name: result.documents[name] for name in ("index.html", "chronology.html")
             + ("search.html",) * search + tuple(f"{page}.html" for page in INDEX_PAGES)}
    for asset in ("edition.css", "edition.js"):
        pages[asset] = resource("xslt", "html", asset).read_text(encoding="utf-8")
    return pages


_UNHANDLED = re.compile(r"unhandled: (\S+) \(its text is kept\)")


def count_unhandled(messages: Iterable[str]) -> tuple[tuple[str, ...], dict[str, int]]:
    """The messages of a rendering apart from those the stylesheets give for each element
    they do not know (``--warn-unhandled``), and how often each such element occurred: the
    commands print these as one table (issue 13), not a line per occurrence."""
    others: list[str] = []
    counts: dict[str, int] = {}
    for message in messages:
        found = _UNHANDLED.search(message)
        if found:
            counts[found.group(1)] = counts.get(found.group(1), 0) + 1
        else:
            others.append(message)
    return tuple(others), counts
