"""TEI → outputs. ``html_pages`` makes the HTML reading edition of one or more TEI documents.

The stylesheets are the bundled ones (xslt/), compiled once per process; documents are
parsed by lxml before Saxon sees them (see xslt.py).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Mapping, Sequence

from lxml import etree

from .resources import resource
from .tei import TEI_NS
from .xslt import Stylesheets, bundled

#: The namespace of teiedition's own attributes on documents handed to the stylesheets.
E_NS = "urn:teiedition"
INDEX_PAGES = ("persons", "places", "organisations", "events")


@dataclass(frozen=True)
class HtmlEdition:
    """The pages of an HTML edition: file name → text, the stylesheet, and any messages."""

    pages: Mapping[str, str]
    messages: tuple[str, ...]


def html_pages(documents: Sequence[tuple[str, etree._ElementTree]], *, access_date: str = "",
               warn_unhandled: bool = False,
               stylesheets: Stylesheets | None = None) -> HtmlEdition:
    """The HTML edition of ``documents`` (a file stem and a parsed TEI tree each): a page per
    document, index pages of persons, places, organisations and events across all of them,
    and the CSS. With ``warn_unhandled``, each element the stylesheets do not know (its text
    is kept) gives a message."""
    sheets = stylesheets or bundled()
    pages: dict[str, str] = {}
    messages: list[str] = []
    corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "e": E_NS})
    for stem, tree in documents:
        name = f"{stem}.html"
        result = sheets.run("html", tree, {"page": "text", "text-file": name,
                                           "access-date": access_date,
                                           "warn-unhandled": warn_unhandled})
        pages[name] = result.main
        messages.extend(result.messages)
        member = copy.deepcopy(tree.getroot())
        member.set(f"{{{E_NS}}}file", name)
        corpus.append(member)
    for page in INDEX_PAGES:
        result = sheets.run("html", corpus, {"page": page,
                                             "text-file": f"{documents[0][0]}.html"})
        pages[f"{page}.html"] = result.main
        messages.extend(result.messages)
    pages["edition.css"] = resource("xslt", "html", "edition.css").read_text(encoding="utf-8")
    return HtmlEdition(pages, tuple(messages))
