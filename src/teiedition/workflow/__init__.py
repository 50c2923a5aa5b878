"""``teiedition build`` and the batch ``validate``: the work across many documents.

:func:`build` finds the edition's documents (:mod:`.edition`), builds each one
(:mod:`.document`) with an executor (:mod:`.executors`: this process, local processes, or
a Dask cluster, :mod:`.cluster`, to which the documents travel as parcels,
:mod:`.shipping`), then the pages across all of them (home page, indexes; optionally one
PDF of the whole edition, :mod:`.whole`), and writes the report, ``build.json``, which is
also the state the next build compares against. :mod:`.plan` describes that work once.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Mapping

from .. import __version__
from ..errors import TeieditionError
from ..files import write_atomic
from ..fonts import FontSettings
from .document import DocumentResult, Located, Settings, Step, load_register
from .edition import Edition, edition_fonts, find_edition, file_digest
from .executors import Task, executor_for
from .plan import document_batch
from .whole import build_edition_pages

__all__ = ["BuildInterrupted", "BuildOptions", "BuildReport", "Progress", "build"]

REPORT_NAME = "build.json"
#: Bumped when the report's layout changes: an older report is then not trusted as state.
REPORT_FORMAT = 1


class BuildInterrupted(TeieditionError):
    """The build was stopped (Ctrl-C). What was finished is kept and recorded."""

    exit_code = 130


@dataclass(frozen=True)
class BuildOptions:
    jobs: int = 1
    #: The address of a Dask scheduler whose workers build the documents (``--scheduler``);
    #: None: local processes (``jobs``).
    scheduler: str | None = None
    #: The workers read the inputs from the client's paths themselves (``--shared-fs``)
    #: instead of receiving them with each document.
    shared_fs: bool = False
    reconvert: bool = False
    html: bool = True
    pdf: bool = True
    pdf_standard: str = "a-3b"
    edition_pdf: bool = False
    #: The edition's book (edition_pdf) gets the chronology as an appendix (``--chronology``).
    chronology: bool = False
    #: Folders of fonts for the PDFs, besides the installed ones (``--font-path``).
    font_paths: tuple[Path, ...] = ()
    warn_unhandled: bool = False
    #: What a TEI file must pass to be rendered: "project" (the project's schema and
    #: rules), or RELAX NG / XML Schema / Schematron files, e.g. tei_all.rng for TEI from
    #: other projects (``--schema``).
    schemas: tuple[str, ...] = ("project",)
    #: Make the search index of the HTML edition, with a search page and a search box on
    #: every page (``--search``). Asked for, not made by default: Pagefind's Python API
    #: takes each record (a paragraph, a note) in a round trip of its own, so the index of
    #: an edition of thousands of pages takes far longer than the edition itself.
    search: bool = False
    #: The date recorded in converted files and shown as the access date of the HTML.
    date: str = field(default_factory=lambda: dt.date.today().isoformat())


@dataclass(frozen=True)
class Progress:
    """One event for a progress display: a document (or the edition's pages) is done."""

    done: int
    total: int
    name: str
    result: DocumentResult | None = None
    steps: tuple[Step, ...] = ()


@dataclass(frozen=True)
class BuildReport:
    edition: Path
    out: Path
    options: BuildOptions
    documents: tuple[DocumentResult, ...]
    edition_steps: tuple[Step, ...] = ()
    edition_problems: tuple[Located, ...] = ()
    seconds: float = 0.0
    interrupted: bool = False
    #: The edition's own state (the pages across documents), for the next build.
    edition_record: Mapping[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.interrupted and all(d.status == "ok" for d in self.documents) and \
            not any(s.status == "failed" for s in self.edition_steps)

    @property
    def problems(self) -> tuple[Located, ...]:
        return tuple(p for d in self.documents for p in d.problems) + self.edition_problems

    def summary(self) -> str:
        counts: dict[str, int] = {}
        for d in self.documents:
            counts[d.status] = counts.get(d.status, 0) + 1
        docs = len(self.documents)
        parts = [f"{counts[s]} {s}" for s in ("ok", "invalid", "failed") if counts.get(s)]
        redone = sum(1 for d in self.documents for s in d.steps if s.status == "done") + \
            sum(1 for s in self.edition_steps if s.status == "done")
        return (f"{docs} document{'s' if docs != 1 else ''}: {', '.join(parts) or 'none'}; "
                f"{redone} step{'s' if redone != 1 else ''} done, the rest up to date; "
                f"{self.seconds:.1f} s" + ("; interrupted" if self.interrupted else ""))

    def to_json(self) -> str:
        return json.dumps({
            "format": REPORT_FORMAT,
            "teiedition": __version__,
            "edition": str(self.edition),
            "output": str(self.out),
            "date": self.options.date,
            "jobs": self.options.jobs,
            "scheduler": self.options.scheduler,
            "status": "interrupted" if self.interrupted else "ok" if self.ok else "failed",
            "seconds": round(self.seconds, 3),
            "documents": [_document_json(d) for d in self.documents],
            "edition_steps": [_step_json(s) for s in self.edition_steps],
            "edition_problems": [_located_json(p) for p in self.edition_problems],
            "edition_state": self.edition_record,
        }, indent=2, ensure_ascii=False) + "\n"


def _step_json(step: Step) -> dict[str, Any]:
    return {"step": step.name, "status": step.status, "seconds": step.seconds,
            "message": step.message}


def _located_json(located: Located) -> dict[str, Any]:
    p = located.problem
    return {"path": located.path, "rule": p.rule, "severity": p.severity, "message": p.message,
            "line": p.line, "column": p.column}


def _document_json(d: DocumentResult) -> dict[str, Any]:
    return {"name": d.stem, "status": d.status, "steps": [_step_json(s) for s in d.steps],
            "problems": [_located_json(p) for p in d.problems], "warnings": list(d.warnings),
            "state": d.record}


def build(folder: Path, out: Path, options: BuildOptions | None = None, *,
          progress: Callable[[Progress], None] | None = None) -> BuildReport:
    """Build the edition in ``folder`` into ``out``; see the module's docstring.

    Raises :class:`BuildInterrupted` on Ctrl-C, after recording what was finished."""
    options = options or BuildOptions()
    start = time.perf_counter()
    edition = find_edition(folder, out / "tei")
    previous = _previous(out)
    register_sha = file_digest(edition.register)
    # A broken register stops the build before any work (and a build in this process
    # reuses what was read).
    load_register(edition.register, register_sha)
    settings = Settings(out=out, date=options.date, register=edition.register,
                        register_digest=register_sha, reconvert=options.reconvert,
                        html=options.html, pdf=options.pdf, pdf_standard=options.pdf_standard,
                        fonts=FontSettings(options.font_paths, edition_fonts(edition)),
                        warn_unhandled=options.warn_unhandled,
                        documents=tuple(m.stem for m in edition.members),
                        schemas=options.schemas, search=options.search)
    results: dict[str, DocumentResult] = {}
    report = BuildReport(folder, out, options, ())
    try:
        _build_documents(edition, settings, previous, options, results, progress)
        edition_steps, edition_problems, edition_record = build_edition_pages(
            edition, [results[m.stem] for m in edition.members], settings,
            previous.get("edition_state", {}), edition_pdf=options.edition_pdf,
            chronology=options.chronology)
        if progress:
            progress(Progress(len(edition.members), len(edition.members), "edition",
                              steps=tuple(edition_steps)))
        report = replace(report, edition_steps=tuple(edition_steps),
                         edition_problems=tuple(edition_problems),
                         edition_record=edition_record)
    except KeyboardInterrupt:
        report = replace(report, interrupted=True,
                         edition_record=previous.get("edition_state", {}))
    documents = tuple(results[m.stem] for m in edition.members if m.stem in results)
    report = replace(report, documents=documents, seconds=time.perf_counter() - start)
    _save(out, report, previous, edition)
    if report.interrupted:
        raise BuildInterrupted(f"interrupted: {len(documents)} of {len(edition.members)} "
                               "documents were finished and are recorded; run the build again "
                               "to do the rest")
    return report


def _build_documents(edition: Edition, settings: Settings, previous: Mapping[str, Any],
                     options: BuildOptions, results: dict[str, DocumentResult],
                     progress: Callable[[Progress], None] | None) -> None:
    records = {d.get("name"): d.get("state", {}) for d in previous.get("documents", [])}
    executor = executor_for(options.jobs, options.scheduler, shared_fs=options.shared_fs)
    batch = document_batch(edition, settings, records, ships=executor.ships,
                           shared_fs=options.shared_fs)
    total = len(edition.members)

    def done(task: Task, result: DocumentResult) -> None:
        results[task.key] = result
        if progress:
            progress(Progress(len(results), total, task.key, result))

    executor.run(batch, done)


def _previous(out: Path) -> dict[str, Any]:
    """The last build's report, when it is one this version can trust as state."""
    path = out / REPORT_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        return {}
    return data


def _save(out: Path, report: BuildReport, previous: Mapping[str, Any], edition: Edition) -> None:
    """Write build.json. Documents not reached (an interrupted build) keep their last
    state, so that the next build still knows which TEI files it wrote."""
    data = json.loads(report.to_json())
    done = {d["name"] for d in data["documents"]}
    current = {m.stem for m in edition.members}
    for old in previous.get("documents", []):
        if old.get("name") in current and old.get("name") not in done:
            data["documents"].append({**old, "status": "not-built"})
    data["documents"].sort(key=lambda d: d["name"])
    write_atomic(out / REPORT_NAME, (json.dumps(data, indent=2, ensure_ascii=False) + "\n")
                 .encode("utf-8"), force=True)
