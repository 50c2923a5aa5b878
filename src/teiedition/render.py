"""TEI → outputs. ``html_pages`` makes the HTML reading edition of one or more TEI documents.

The stylesheets are the bundled ones (xslt/), compiled once per process; documents are
parsed by lxml before Saxon sees them (see xslt.py).
"""

from __future__ import annotations

import copy
import json
import multiprocessing
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterable, Mapping, Sequence

import typst
from lxml import etree

from .errors import TeieditionError
from .media import media_path, with_sources
from .search import search_index
from .fonts import FontPlan, FontSettings, box_font, plan_fonts
from .resources import resource
from .tei import TEI_NS
from .xslt import Parsed, RenderError, Result, Stylesheets, bundled

#: The namespace of teiedition's own attributes on documents handed to the stylesheets.
E_NS = "urn:teiedition"
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
    sheets = stylesheets or bundled()
    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}
    messages: list[str] = []
    stems = [stem for stem, _ in documents]
    parsed = None
    for stem, tree in documents:
        sources = {url: media_path(stem, url) for url in (images or {}).get(stem, {})}
        parsed = sheets.parse(with_sources(tree, sources))
        page = _text_page(stem, parsed, sheets, access_date=access_date,
                          warn_unhandled=warn_unhandled, documents=stems, search=search)
        pages.update(page.pages)
        messages.extend(page.messages)
        files.update({sources[url]: data for url, data in (images or {}).get(stem, {}).items()})
    # One document: its edition pages read the document Saxon already holds.
    edition = html_edition_pages(documents, stylesheets=sheets, search=search,
                                 parsed=parsed if len(documents) == 1 else None)
    pages.update(edition.pages)
    if search:
        files.update(search_index(pages))
    return HtmlEdition(pages, tuple(messages) + edition.messages, files)


def html_text_page(stem: str, tree: etree._ElementTree, *, access_date: str = "",
                   warn_unhandled: bool = False, documents: Sequence[str] = (),
                   images: Mapping[str, bytes] | None = None, search: bool = False,
                   stylesheets: Stylesheets | None = None) -> HtmlEdition:
    """The page of one TEI document, ``stem``.html: its text, notes and header. ``documents``:
    the stems of the edition's documents (pointers to them link their pages); ``images``:
    the document's images by @url (they are shown, and copied to media/STEM/)."""
    sheets = stylesheets or bundled()
    sources = {url: media_path(stem, url) for url in images or {}}
    page = _text_page(stem, sheets.parse(with_sources(tree, sources)), sheets,
                      access_date=access_date, warn_unhandled=warn_unhandled,
                      documents=documents, search=search)
    return replace(page, files={sources[url]: data for url, data in (images or {}).items()})


def _text_page(stem: str, parsed: Parsed, sheets: Stylesheets, *, access_date: str,
               warn_unhandled: bool, documents: Sequence[str], search: bool) -> HtmlEdition:
    name = f"{stem}.html"
    result = sheets.run("html", parsed, {
        "page": "text", "text-file": name, "access-date": access_date,
        "warn-unhandled": warn_unhandled, "documents": "\n".join(documents),
        "search": search})
    return HtmlEdition({name: result.main}, result.messages)


def html_edition_pages(documents: Sequence[tuple[str, etree._ElementTree]], *,
                       stylesheets: Stylesheets | None = None, search: bool = False,
                       parsed: Parsed | None = None) -> HtmlEdition:
    """The pages across all ``documents``: the home page (index.html, the texts with their
    source and counts), index pages of persons, places, organisations and events, the
    chronology (every dated mention in date order, with a timeline), the CSS,
    the search page (with ``search``), and the script that remembers the reader's choice
    of reading across pages and starts the search. All
    pages come from one transformation of the documents (as a teiCorpus; ``parsed``: the
    one document, already handed to Saxon)."""
    sheets = stylesheets or bundled()
    if parsed is None:
        corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "e": E_NS})
        for stem, tree in documents:
            member = copy.deepcopy(tree.getroot())
            member.set(f"{{{E_NS}}}file", f"{stem}.html")
            corpus.append(member)
        parsed = sheets.parse(corpus)
    first = f"{documents[0][0]}.html" if documents else "index.html"
    result = sheets.run("html", parsed, {"page": "edition", "text-file": first,
                                         "search": search})
    pages = {name: result.documents[name] for name in ("index.html", "chronology.html")
             + ("search.html",) * search + tuple(f"{page}.html" for page in INDEX_PAGES)}
    for asset in ("edition.css", "edition.js"):
        pages[asset] = resource("xslt", "html", asset).read_text(encoding="utf-8")
    return HtmlEdition(pages, result.messages)


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


#: PDF standards teiedition produces: PDF/A-3b embeds the TEI source, PDF/A-2b cannot.
PDF_STANDARDS = ("a-3b", "a-2b", "none")


@dataclass(frozen=True)
class Mark:
    """A name or note as typeset: its kind ("person", "place", "org", "event", "name" or
    "note") and key (the name's entry id, or None; the note's label)."""

    kind: str
    key: str | None


@dataclass(frozen=True)
class Pdf:
    """A typeset edition: the PDF, the Typst source it was made from, warnings, and the marks
    of every name and note Typst laid out (for the parity check)."""

    data: bytes
    typst_source: str
    warnings: tuple[str, ...]
    marks: tuple[Mark, ...] = ()


@dataclass(frozen=True)
class PdfContents:
    """What a PDF holds beyond the text: ``chronology``, the chronology as an appendix
    (issue 17: every dated mention in date order, with its page); ``documents``, the names
    (file stems) of the edition's documents, so that a pointer to one ("letter2.xml#p3")
    links to its PDF beside this one (``letter2.pdf``, as ``build`` writes it) or, in the
    edition's book (:func:`edition_book`), to the place in it."""

    chronology: bool = False
    documents: tuple[str, ...] = ()


def typst_source(tree: etree._ElementTree, *, attachment: str = "", volume: str = "",
                 paragraph_offset: int = 0, contents: PdfContents = PdfContents(),
                 stylesheets: Stylesheets | None = None) -> str:
    """The Typst document of a TEI tree (it imports edition.typ, which holds the layout)."""
    return _typst_run(tree, attachment=attachment, volume=volume,
                      paragraph_offset=paragraph_offset, contents=contents,
                      stylesheets=stylesheets).main


def _typst_run(tree: etree._ElementTree, *, attachment: str = "", volume: str = "",
               paragraph_offset: int = 0, warn_unhandled: bool = False,
               contents: PdfContents = PdfContents(),
               stylesheets: Stylesheets | None = None) -> Result:
    return (stylesheets or bundled()).run("typst", tree, {
        "attachment": attachment, "volume": volume, "paragraph-offset": paragraph_offset,
        "warn-unhandled": warn_unhandled, "chronology": contents.chronology,
        "documents": "\n".join(contents.documents)})


def edition_book(documents: Sequence[tuple[str, etree._ElementTree]]) -> etree._ElementTree:
    """The edition's documents (a file stem and a parsed TEI tree each) as one teiCorpus,
    the edition's book: each member named by its stem (e:file), so that ids are looked up
    within their own document and a pointer from one to another ("b.xml#p3") arrives."""
    corpus = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS, "e": E_NS})
    for stem, tree in documents:
        member = copy.deepcopy(tree.getroot())
        member.set(f"{{{E_NS}}}file", stem)
        corpus.append(member)
    return etree.ElementTree(corpus)


def pdf(tree: etree._ElementTree, *, standard: str = "a-3b", fonts: FontSettings | None = None,
        warn_unhandled: bool = False, images: Mapping[str, bytes] | None = None,
        contents: PdfContents = PdfContents(), stylesheets: Stylesheets | None = None) -> Pdf:
    """Typeset a TEI tree. The compilation happens in a temporary folder that holds only the
    document, edition.typ and (for PDF/A-3b) the TEI source to embed; the output is the same
    for the same input (a fixed timestamp). ``fonts``: font folders and preferred families
    (see fonts.py: characters no font has print as boxes, with one warning). With
    ``warn_unhandled``, each element the stylesheets do not know gives a warning.
    ``images``: the document's images by @url (media.images_beside), printed in place.
    ``contents``: the chronology, and the edition's other documents (:class:`PdfContents`)."""
    _check_standard(standard)
    images, unusable = usable_images(images)
    run = _typst_run(_with_images(tree, images), attachment=_attachment(standard),
                     warn_unhandled=warn_unhandled, contents=contents, stylesheets=stylesheets)
    plan = plan_fonts(run.main, fonts or FontSettings())
    result = _typeset(run, tree, standard=standard, plan=plan, images=images)
    return replace(result, warnings=unusable + result.warnings)


def usable_images(images: Mapping[str, bytes] | None) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The images Typst can decode, and a warning for the others (a damaged or hostile file
    prints as a placeholder instead of stopping the PDF). All are tried at once; only when
    that fails, each on its own."""
    images = dict(images or {})
    if not images or _decodes(images):
        return images, ()
    bad = sorted(url for url in images if not _decodes({url: images[url]}))
    warning = ("images that cannot be decoded print as placeholders: " + ", ".join(bad))
    return {url: data for url, data in images.items() if url not in bad}, (warning,)


def _decodes(images: Mapping[str, bytes]) -> bool:
    with tempfile.TemporaryDirectory(prefix="teiedition-images-") as folder:
        root = Path(folder)
        calls = []
        for index, (url, data) in enumerate(images.items()):
            (root / f"{index}{Path(url).suffix.lower()}").write_bytes(data)
            calls.append(f'#image("{index}{Path(url).suffix.lower()}", width: 1cm)')
        (root / "main.typ").write_text("\n".join(calls), encoding="utf-8")
        try:
            typst.compile(str(root / "main.typ"), root=str(root), format="pdf")
        except typst.TypstError:
            return False
    return True


def _with_images(tree: etree._ElementTree, images: Mapping[str, bytes] | None
                 ) -> etree._ElementTree:
    return with_sources(tree, {url: media_path("", url) for url in images or {}})


#: Texts longer than this are printed in volumes of about this many words: Typst needs
#: about 3.3 GB to typeset 1,000,000 words at once, and keeps it until its process ends.
VOLUME_WORDS = 250_000


def pdf_volumes(tree: etree._ElementTree, *, standard: str = "a-3b",
                words_per_volume: int | None = None, fonts: FontSettings | None = None,
                warn_unhandled: bool = False, images: Mapping[str, bytes] | None = None,
                contents: PdfContents = PdfContents(),
                stylesheets: Stylesheets | None = None) -> list[Pdf]:
    """Typeset a TEI tree as one PDF or, when it is long, as volumes: the text's blocks
    divided at block boundaries, each volume with the title page (saying which volume it
    is), its part of the text (``words_per_volume`` words at most, :data:`VOLUME_WORDS`
    by default), paragraph numbers that go on from the volume before, and an
    index of its own pages; each embeds the whole TEI source. Each volume is typeset in a
    process of its own, so that memory is given back after each. All volumes share one
    font plan (its warnings come with the first); with the chronology, each volume has
    that of its own pages."""
    volumes = split_volumes(tree, words_per_volume or VOLUME_WORDS)
    if len(volumes) == 1:
        return [pdf(tree, standard=standard, fonts=fonts, warn_unhandled=warn_unhandled,
                    images=images, contents=contents, stylesheets=stylesheets)]
    _check_standard(standard)
    images, unusable = usable_images(images)
    runs = []
    offset = 0
    for number, volume in enumerate(volumes, 1):
        runs.append(_typst_run(_with_images(volume, images), attachment=_attachment(standard),
                               volume=f"Volume {number} of {len(volumes)}",
                               paragraph_offset=offset, warn_unhandled=warn_unhandled,
                               contents=contents, stylesheets=stylesheets))
        offset += _paragraphs(volume)
    plan = plan_fonts("".join(set("".join(run.main for run in runs))), fonts or FontSettings())
    results = [_typeset(run, tree, standard=standard, plan=plan, isolated=True, images=images)
               for run in runs]
    later = set(plan.warnings)
    return [replace(results[0], warnings=unusable + results[0].warnings)] + [
        replace(r, warnings=tuple(w for w in r.warnings if w not in later)) for r in results[1:]]


def _check_standard(standard: str) -> None:
    if standard not in PDF_STANDARDS:
        raise TeieditionError(f"unknown PDF standard '{standard}': use one of "
                              + ", ".join(PDF_STANDARDS))


def _attachment(standard: str) -> str:
    return "source.xml" if standard == "a-3b" else ""


def _typeset(run: Result, source_tree: etree._ElementTree, *, standard: str, plan: FontPlan,
             isolated: bool = False, images: Mapping[str, bytes] | None = None) -> Pdf:
    attachment = _attachment(standard)
    with tempfile.TemporaryDirectory(prefix="teiedition-typst-") as folder:
        root = Path(folder)
        for url, data in (images or {}).items():  # media.py keeps each url inside the folder
            target = root / media_path("", url)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        (root / "main.typ").write_text(run.main, encoding="utf-8")
        (root / "edition.typ").write_text(
            resource("xslt", "typst", "edition.typ").read_text(encoding="utf-8"),
            encoding="utf-8")
        if attachment:
            (root / attachment).write_bytes(etree.tostring(source_tree, xml_declaration=True,
                                                           encoding="UTF-8"))
        if isolated:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(max_workers=1, mp_context=context) as child:
                data, warnings, marks = child.submit(_compile, str(root), standard,
                                                     plan).result()
        else:
            data, warnings, marks = _compile(str(root), standard, plan)
    return Pdf(data, run.main, tuple(dict.fromkeys(run.messages + tuple(warnings))),
               tuple(Mark(m["kind"], m["key"]) for m in marks))


#: How often a PDF/A error about a character no font displays is answered by giving the
#: character a box and typesetting again (a safety net: fonts.py should have found them).
_RETRIES = 3
_UNDISPLAYED = re.compile(r'the text `?"((?:[^"\\]|\\.)*)"`? could not be displayed')


def _compile(root: str, standard: str, plan: FontPlan) -> tuple[bytes, list[str], list[dict]]:
    """Compile main.typ in ``root`` with the fonts of ``plan``; the PDF, the warnings and
    the marks laid out."""
    boxes = Path(root) / "fonts"
    for _ in range(_RETRIES + 1):
        if plan.missing:
            boxes.mkdir(exist_ok=True)
            (boxes / "boxes.ttf").write_bytes(box_font(plan.missing))
        try:
            compiler = typst.Compiler(
                str(Path(root) / "main.typ"), root=root,
                font_paths=[str(p) for p in plan.paths] + ([str(boxes)] if plan.missing else []),
                sys_inputs={"teiedition-fonts": plan.typst_input()})
            data, warnings = compiler.compile_with_warnings(
                format="pdf", timestamp=0,
                pdf_standards=[standard] if standard != "none" else [])
            # Typst keeps the layout it just made: the query costs a few milliseconds.
            marks = json.loads(compiler.query("<teiedition-mark>", field="value"))
        except typst.TypstError as err:
            found = _UNDISPLAYED.search(str(err))
            more = set(_typst_text(found.group(1))) - set(plan.missing) if found else set()
            if not more:
                raise RenderError(f"Typst could not typeset the edition: {err}") from None
            plan = plan.with_missing(more)
            continue
        return data, [str(getattr(w, "message", w)) for w in warnings] + list(plan.warnings), \
            marks
    raise RenderError("Typst could not typeset the edition: characters no font displays")


def _typst_text(literal: str) -> str:
    """The text of a Typst string literal's inside (as Typst's errors quote it)."""
    return re.sub(r'\\u\{([0-9a-fA-F]+)\}|\\(.)',
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else
                  {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(2), m.group(2)), literal)


def split_volumes(tree: etree._ElementTree, words_per_volume: int
                  ) -> list[etree._ElementTree]:
    """The tree itself when its text is short enough; else one copy per volume, each
    keeping the header, the standOff and one run of the text's blocks (the element children
    of the first element of the text with more than one: the body, or its only div).
    Comments and processing instructions are not blocks: each goes with the block after
    it, or with the last block (issue 13: one among the blocks crashed the split)."""
    root = tree.getroot()
    container = root.find(f"{{{TEI_NS}}}text")
    while container is not None and len(_elements(container)) == 1:
        container = _elements(container)[0]
    if container is None or len(_elements(container)) < 2:
        return [tree]
    blocks = _elements(container)
    sizes = [len("".join(block.itertext()).split()) for block in blocks]
    if sum(sizes) <= words_per_volume:
        return [tree]
    runs: list[set[int]] = [set()]
    words = 0
    for index, size in enumerate(sizes):
        if runs[-1] and words + size > words_per_volume:
            runs.append(set())
            words = 0
        runs[-1].add(index)
        words += size
    owners = _block_of_each_child(container)
    path = tree.getpath(container)
    volumes = []
    for run in runs:
        copy_root = copy.deepcopy(root)
        box = copy_root.getroottree().xpath(path)[0]
        for child, owner in reversed(list(zip(box, owners, strict=True))):
            if owner not in run:
                box.remove(child)
        volumes.append(copy_root.getroottree())
    return volumes


def _elements(parent: etree._Element) -> list[etree._Element]:
    return [child for child in parent if isinstance(child.tag, str)]


def _block_of_each_child(parent: etree._Element) -> list[int]:
    """For each child node of ``parent``, the number of the block (element child) it goes
    with: an element is its own block; a comment or processing instruction goes with the
    next element, or with the last one when none follows."""
    owners: list[int] = []
    waiting: list[int] = []  # positions of the comments before the next element
    count = 0
    for position, child in enumerate(parent):
        if isinstance(child.tag, str):
            for other in waiting:
                owners[other] = count
            waiting = []
            owners.append(count)
            count += 1
        else:
            waiting.append(position)
            owners.append(-1)
    for other in waiting:
        owners[other] = count - 1
    return owners


def _paragraphs(tree: etree._ElementTree) -> int:
    """The paragraphs the print edition numbers (as f:paragraph-number counts them)."""
    text = tree.getroot().find(f"{{{TEI_NS}}}text")
    skip = {f"{{{TEI_NS}}}note", f"{{{TEI_NS}}}quote"}
    return sum(1 for p in text.iter(f"{{{TEI_NS}}}p")
               if not any(a.tag in skip for a in p.iterancestors())) if text is not None else 0
