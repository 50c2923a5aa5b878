"""The outputs across all documents: the HTML home page and indexes, the whole-edition PDF.

They are made from the valid documents only, after every document is built, and redone
only when one of those documents (or the stylesheets, or the code) changed. Outputs of
documents that left the edition are removed here too.
"""

from __future__ import annotations

import functools
import time
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from lxml import etree

from ..errors import TeieditionError
from ..files import read_bytes, write_atomic
from ..parity import check as check_parity
from ..render import PdfContents, edition_book, html_edition_pages, pdf
from ..validate.problems import Problem
from ..xinclude import parse_with_includes
from .document import DocumentResult, Located, Settings, Step
from ..search import search_index
from .edition import Edition, Member, content_digest, digest, file_digest, fingerprints

EDITION_PDF = "edition.pdf"


def build_edition_pages(edition: Edition, results: Sequence[DocumentResult], settings: Settings,
                        previous: Mapping[str, Any], *, edition_pdf: bool = False,
                        chronology: bool = False
                        ) -> tuple[list[Step], list[Located], dict[str, Any]]:
    """Build the edition's pages; returns the steps, problems and the state to record.
    ``chronology``: the edition's book has the chronology as an appendix."""
    valid = [(m, r.valid_tei) for m, r in zip(edition.members, results, strict=True)
             if r.valid_tei]
    shas = [part for m, sha in valid for part in (m.stem, sha)]
    prints = fingerprints()
    steps: list[Step] = []
    problems: list[Located] = []
    record: dict[str, Any] = {}
    documents = functools.partial(_trees, [m for m, _ in valid])

    removed = _remove_departed(edition, previous, settings.out)
    if removed:
        steps.append(Step("clean", "done", 0.0, "removed " + ", ".join(removed)))
    record["documents"] = [m.stem for m in edition.members]
    if settings.html:
        key = digest("edition-html", prints.code, prints.stylesheets, settings.date,
                     str(settings.search), *shas)
        steps.append(_timed("edition-html", lambda: _edition_html(
            key, documents, settings.out, previous.get("html", {}), record, settings.search)))
        if settings.search:
            pages = [settings.out / "html" / f"{m.stem}.html" for m, _ in valid]
            key = digest("search", prints.code, *(f"{p.name}={file_digest(p)}" for p in pages))
            steps.append(_timed("search", lambda: _search(
                key, pages, settings.out, previous.get("search", {}), record)))
    if edition_pdf:
        key = digest("edition-pdf", prints.code, prints.stylesheets, settings.pdf_standard,
                     *map(str, settings.fonts.paths), *settings.fonts.families,
                     str(chronology), *shas)
        step = _timed("edition-pdf", lambda: _edition_pdf(
            key, documents, settings, previous.get("pdf", {}), record, problems, chronology,
            tuple(m.stem for m, _ in valid)))
        steps.append(step)
    return steps, problems, record


def _trees(members: Sequence[Member]) -> Iterator[tuple[str, etree._ElementTree]]:
    """Each document's tree, parsed when it is asked for and not kept: the edition's pages
    take them one at a time (render.corpus_text), so the client holds one tree, not the
    whole edition's (about 0.45 MB a page of 400 words, 27 GB for 60,000 of them)."""
    for member in members:
        yield member.stem, parse_with_includes(read_bytes(member.tei, what="TEI file"),
                                               member.tei)[0]


def _timed(name: str, action: Any) -> Step:
    start = time.perf_counter()
    try:
        status, message = action()
    except TeieditionError as err:
        status, message = "failed", str(err)
    return Step(name, status, round(time.perf_counter() - start, 4), message)


def _up_to_date(old: Mapping[str, Any], key: str, out: Path) -> bool:
    return old.get("key") == key and bool(old.get("files")) and all(
        file_digest(out / name) == sha for name, sha in old["files"].items())


def _edition_html(key: str, documents: Any, out: Path, old: Mapping[str, Any],
                  record: dict[str, Any], search: bool) -> tuple[str, str]:
    if _up_to_date(old, key, out):
        record["html"] = dict(old)
        return "up-to-date", ""
    edition = html_edition_pages(documents(), search=search)
    files = {}
    for name, text in edition.pages.items():
        data = text.encode("utf-8")
        write_atomic(out / "html" / name, data, force=True)
        files[f"html/{name}"] = content_digest(data)
    record["html"] = {"key": key, "files": files}
    return "done", f"{len(files)} files"


def _search(key: str, pages: Sequence[Path], out: Path, old: Mapping[str, Any],
            record: dict[str, Any]) -> tuple[str, str]:
    """The search index of the text pages (issue 17): made again only when a page changed;
    files of an earlier index that the new one has not are removed."""
    if _up_to_date(old, key, out):
        record["search"] = dict(old)
        return "up-to-date", ""
    made = search_index({p.name: p.read_text(encoding="utf-8") for p in pages if p.is_file()})
    files = {}
    for name, data in made.items():
        write_atomic(out / "html" / name, data, force=True)
        files[f"html/{name}"] = content_digest(data)
    for stale in set(old.get("files", {})) - set(files):
        if (out / stale).is_file():
            (out / stale).unlink()
    record["search"] = {"key": key, "files": files}
    return "done", f"{len(files)} files"


def _edition_pdf(key: str, documents: Any, settings: Settings, old: Mapping[str, Any],
                 record: dict[str, Any], problems: list[Located], chronology: bool,
                 stems: tuple[str, ...]) -> tuple[str, str]:
    target = settings.out / EDITION_PDF
    if _up_to_date(old, key, settings.out):
        record["pdf"] = dict(old)
        found = [Problem(**p) for p in old.get("problems", [])]
        status = "up-to-date"
    else:
        whole = edition_book(documents())
        printed = pdf(whole, standard=settings.pdf_standard, fonts=settings.fonts,
                      contents=PdfContents(chronology, stems))
        write_atomic(target, printed.data, force=True)
        found = check_parity(whole, pdf_marks=printed.marks)
        record["pdf"] = {"key": key, "files": {EDITION_PDF: content_digest(printed.data)},
                         "problems": [{"rule": p.rule, "message": p.message, "line": p.line,
                                       "column": p.column} for p in found]}
        status = "done"
    problems.extend(Located(str(target), p) for p in found)
    return ("failed", f"{len(found)} parity problems") if found else (status, "")


def _remove_departed(edition: Edition, previous: Mapping[str, Any], out: Path) -> list[str]:
    """Remove the HTML page and PDF of each document the last build had and this one has
    not (its text and TEI file are gone); never a TEI file."""
    current = {m.stem for m in edition.members}
    removed = []
    for stem in previous.get("documents", []):
        if stem in current:
            continue
        for path in (out / "html" / f"{stem}.html", out / "pdf" / f"{stem}.pdf",
                     *(out / "pdf").glob(f"{stem}.vol-*.pdf")):
            if path.is_file():
                path.unlink()
                removed.append(str(path.relative_to(out)))
    return removed
