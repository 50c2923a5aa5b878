"""TEI → Typst → PDF (PDF/A with the TEI embedded), in volumes for long texts."""

from __future__ import annotations

import json
import multiprocessing
import re
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Sequence

import typst
from lxml import etree

from ..errors import TeieditionError
from ..media import media_path, with_sources
from ..fonts import FontPlan, FontSettings, box_font, plan_fonts
from ..resources import resource
from ..xslt import RenderError, Result, Stylesheets, bundled
from .corpus import corpus
from .destinations import link_destinations
from .standards import PDF_STANDARDS
from .textlayer import mend_text_layer
from .volumes import paragraphs, split_volumes



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
    return (stylesheets or bundled("typst")).run("typst", tree, {
        "attachment": attachment, "volume": volume, "paragraph-offset": paragraph_offset,
        "warn-unhandled": warn_unhandled, "chronology": contents.chronology,
        "documents": "\n".join(contents.documents)})


def edition_book(documents: Sequence[tuple[str, etree._ElementTree]]) -> etree._ElementTree:
    """The edition's documents (a file stem and a parsed TEI tree each) as one teiCorpus,
    the edition's book: each member named by its stem (e:file), so that ids are looked up
    within their own document and a pointer from one to another ("b.xml#p3") arrives."""
    return corpus(documents)


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
        offset += paragraphs(volume)
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
            # Typst keeps the layout it just made: the queries cost a few milliseconds.
            marks = json.loads(compiler.query("<teiedition-mark>", field="value"))
            anchors = [a for found in json.loads(compiler.query("<teiedition-anchors>",
                                                                field="value")) for a in found]
        except typst.TypstError as err:
            found = _UNDISPLAYED.search(str(err))
            more = set(_typst_text(found.group(1))) - set(plan.missing) if found else set()
            if not more:
                raise RenderError(f"Typst could not typeset the edition: {err}") from None
            plan = plan.with_missing(more)
            continue
        except BaseException as err:  # (pyo3's PanicException: a fault inside Typst)
            if type(err).__name__ != "PanicException":
                raise
            raise RenderError(
                f"Typst failed while laying out the text, a fault in Typst "
                f"{typst.__version__} itself ({str(err).strip().splitlines()[0][:200]}); the "
                "HTML edition of this file is not affected") from None
        # Issue 13: Typst's text layer doubles a letter drawn with a mark and turns
        # Arabic ligatures around in MuPDF (mended without changing what is printed), and
        # Typst names no destination but headings (named for every anchor, so that a
        # link from another PDF of the edition opens at the element).
        return link_destinations(mend_text_layer(data, plan.paths), anchors), \
            [str(getattr(w, "message", w)) for w in warnings] + list(plan.warnings), marks
    raise RenderError("Typst could not typeset the edition: characters no font displays")


def _typst_text(literal: str) -> str:
    """The text of a Typst string literal's inside (as Typst's errors quote it)."""
    return re.sub(r'\\u\{([0-9a-fA-F]+)\}|\\(.)',
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else
                  {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(2), m.group(2)), literal)
