"""The documents of an edition as one teiCorpus: what the stylesheets are handed for the
pages across documents (HTML) and for the edition's book (PDF)."""

from __future__ import annotations

import copy
import io
from typing import Iterable, Sequence

from lxml import etree

from ..tei import TEI_NS

#: The namespace of teiedition's own attributes on documents handed to the stylesheets.
E_NS = "urn:teiedition"


def corpus(documents: Sequence[tuple[str, etree._ElementTree]], suffix: str = ""
           ) -> etree._ElementTree:
    """The ``documents`` (a file stem and a parsed TEI tree each) as one teiCorpus, each
    member a copy named by its stem and ``suffix`` (``e:file``), so that ids are looked up
    within their own document and a pointer from one to another ("b.xml#p3") arrives."""
    root = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "e": E_NS})
    for stem, tree in documents:
        member = copy.deepcopy(tree.getroot())
        member.set(f"{{{E_NS}}}file", stem + suffix)
        root.append(member)
    return etree.ElementTree(root)


def corpus_text(documents: Iterable[tuple[str, etree._ElementTree]], suffix: str = "") -> str:
    """The teiCorpus of :func:`corpus` as XML text (no declaration), written one document
    at a time: ``documents`` may be a generator that parses each tree only when it is asked
    for, so that no more than one tree is held however large the edition (the text itself
    is what Saxon is handed, :meth:`~teiedition.xslt.Stylesheets.parse_text`). Each member
    is made by :func:`corpus` itself, so Saxon reads the same documents either way."""
    buffer = io.BytesIO()
    with etree.xmlfile(buffer, encoding="utf-8") as out:
        with out.element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "e": E_NS}):
            for stem, tree in documents:
                out.write(corpus([(stem, tree)], suffix).getroot()[0])
    return buffer.getvalue().decode("utf-8")
