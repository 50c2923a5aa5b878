"""Building one document: convert (unless the TEI is the editor's), validate, render, check.

:func:`build_document` is what a worker process runs for each document; it reads its
inputs, writes its outputs through an :class:`~.outputs.Outputs` (atomically in place, or
recorded for the client on a cluster) and returns a :class:`DocumentResult` with the state
the next build compares against. Each step is redone only when its fingerprint (the
content hashes of what it depends on) changed or its output is missing or altered.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping

from ..convert.names import NameIndex
from ..errors import TeieditionError
from ..files import read_bytes, read_text_file, write_beside
from ..inputs import MARKDOWN_SUFFIXES, convert_sources
from ..media import images_beside
from ..metadata import minimal_metadata, parse_metadata
from ..model import Mention, iter_blocks
from ..parity import check as check_parity
from ..register import Register, read_register
from ..fonts import FontSettings
from ..render import PdfContents, count_unhandled, html_text_page, pdf_volumes
from ..tei import to_bytes
from ..validate import Validator
from ..xinclude import parse_with_includes, resolve_xincludes
from ..xmlparse import parse_tei
from ..validate.problems import Problem
from .edition import Member, Text, content_digest, digest, file_digest, fingerprints
from .outputs import DiskOutputs, Outputs

@dataclass(frozen=True)
class Settings:
    """What every document of a build shares."""

    out: Path
    date: str
    register: Path | None = None
    register_digest: str | None = None
    reconvert: bool = False
    html: bool = True
    pdf: bool = True
    pdf_standard: str = "a-3b"
    #: Font folders and preferred families for the PDFs (``--font-path``, ``edition.fonts``).
    fonts: FontSettings = FontSettings()
    #: Count the elements the stylesheets do not know (``--warn-unhandled``).
    warn_unhandled: bool = False
    #: The stems of the edition's documents: a pointer from one to another links its page.
    documents: tuple[str, ...] = ()
    #: Whether the HTML edition has a search index (BuildOptions.search).
    search: bool = False
    #: The schemas a TEI file must pass to be rendered (BuildOptions.schemas).
    schemas: tuple[str, ...] = ("project",)

    @property
    def tei_folder(self) -> Path:
        return self.out / "tei"


@dataclass(frozen=True)
class Step:
    """One step of a document. ``status``: done (redone), up-to-date, kept (a hand-edited
    TEI file), failed, not-run (an earlier step failed), removed (the outputs of a document
    that is now invalid), skipped (validation with ``--schema none``)."""

    name: str
    status: str
    seconds: float = 0.0
    message: str = ""


@dataclass(frozen=True)
class Located:
    """A problem and the file it is in."""

    path: str
    problem: Problem


@dataclass(frozen=True)
class DocumentResult:
    stem: str
    steps: tuple[Step, ...]
    problems: tuple[Located, ...] = ()
    #: Notes for the editor that are not errors (a kept hand-edited file, conversion
    #: findings).
    warnings: tuple[str, ...] = ()
    #: The state the next build compares against.
    record: Mapping[str, Any] = field(default_factory=dict)
    #: The TEI file's content hash when it is valid (the edition pages are built from it).
    valid_tei: str | None = None
    #: With ``warn_unhandled``: each element without a rendering of its own, and how often
    #: it occurs (in the HTML or the PDF, whichever has more).
    unhandled: Mapping[str, int] = field(default_factory=dict)

    @property
    def status(self) -> str:
        if any(s.status == "failed" for s in self.steps if s.name == "convert"):
            return "failed"
        if any(s.name == "validate" and s.status == "failed" for s in self.steps):
            return "invalid"
        if any(s.status == "failed" for s in self.steps):
            return "failed"
        return "ok"


@functools.lru_cache(maxsize=2)
def load_register(path: Path | None, sha: str | None
                  ) -> tuple[Register | None, NameIndex | None]:
    """The register and its name index, read once per process (and again if it changed)."""
    if path is None:
        return None, None
    register = read_register(read_bytes(path, what="register"), path=str(path))
    return register, NameIndex.build(register)


def _includes_digest(data: bytes, tei: Path) -> str:
    """The contents of the files a TEI file includes, or "" when it includes none (the
    file is parsed only when it mentions XInclude at all)."""
    if b"http://www.w3.org/2001/XInclude" not in data:
        return ""
    tree = parse_tei(data, path=str(tei))
    return digest(*(f"{inc.href}={file_digest(inc.path)}"
                    for inc in resolve_xincludes(tree, tei.parent)))


@functools.cache
def _validator(schemas: tuple[str, ...]) -> Validator:
    """The schemas, compiled once per process (tei_all takes seconds)."""
    return Validator(schemas)


#: ``--schema none``: no validation; every well-formed TEI file is rendered.
NO_SCHEMA = "none"


def _schemas_digest(schemas: tuple[str, ...]) -> str:
    """What the validation depends on besides the project's own schema: the files named."""
    return digest(*(f"{spec}={file_digest(Path(spec))}"
                    if spec not in ("project", NO_SCHEMA) else spec for spec in schemas))


class _Steps:
    """Runs the steps of one document, collecting their results."""

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.problems: list[Located] = []
        self.warnings: list[str] = []
        self.unhandled: dict[str, int] = {}

    def run(self, name: str, action: Callable[[], tuple[str, str]]) -> str:
        start = time.perf_counter()
        try:
            status, message = action()
        except TeieditionError as err:
            status, message = "failed", str(err)
            self.problems.append(Located(err.path or "", Problem(
                f"{name}-failed", err.message, err.line, err.column, schema="build")))
        self.steps.append(Step(name, status, round(time.perf_counter() - start, 4), message))
        return status


def build_document(member: Member, settings: Settings, previous: Mapping[str, Any],
                   outputs: Outputs | None = None) -> DocumentResult:
    """Build one document; ``previous`` is its record from the last build (or empty);
    ``outputs``: where its outputs go (default: written in place)."""
    outputs = outputs or DiskOutputs()
    steps = _Steps()
    record: dict[str, Any] = {}
    tei = member.tei
    if member.text is not None:
        status = steps.run("convert", lambda: _convert(member, settings, previous, record,
                                                       steps.warnings, outputs))
        if status == "failed":
            for name in ("validate", "html", "pdf"):
                steps.steps.append(Step(name, "not-run"))
            record.update({k: previous[k] for k in ("html", "pdf") if k in previous})
            return DocumentResult(member.stem, tuple(steps.steps), tuple(steps.problems),
                                  tuple(steps.warnings), record)
    prints = fingerprints()
    try:
        data = read_bytes(tei, what="TEI file")
    except TeieditionError as err:  # unreadable, or gone since the build looked
        steps.run("validate", functools.partial(_raise, err))
        steps.steps.extend(Step(name, "not-run") for name in ("html", "pdf"))
        return DocumentResult(member.stem, tuple(steps.steps), tuple(steps.problems),
                              tuple(steps.warnings), record)
    # Files the document includes (xi:include) are part of what it is.
    tei_sha = digest(content_digest(data), _includes_digest(data, tei))
    record["tei"] = content_digest(data)
    tree_holder: list[Any] = []

    def validate() -> tuple[str, str]:
        key = digest("validate", prints.code, prints.schema, tei_sha,
                     _schemas_digest(settings.schemas))
        old = previous.get("validation", {})
        if settings.schemas == (NO_SCHEMA,):
            # Only well-formed (the safe parse says why not, as a failed step).
            tree_holder.append(parse_with_includes(data, tei)[0])
            record["validation"] = {"key": key, "problems": []}
            return "skipped", "not validated (--schema none)"
        if old.get("key") == key:
            problems = [_problem(p) for p in old.get("problems", [])]
            status = "up-to-date"
        else:
            report, tree = _validator(settings.schemas).check_document(data, str(tei), tei.parent)
            problems = list(report.problems)
            tree_holder.append(tree)
            status = "done"
        record["validation"] = {"key": key, "problems": [_as_dict(p) for p in problems]}
        steps.problems.extend(Located(str(tei), p) for p in problems)
        if any(p.severity == "error" for p in problems):
            errors = sum(p.severity == "error" for p in problems)
            return "failed", f"{errors} error{'s' if errors != 1 else ''}; not rendered"
        return status, ""

    if steps.run("validate", validate) == "failed":
        for name in ("html", "pdf"):
            steps.steps.append(Step(name, *_remove_outputs(previous.get(name), settings.out,
                                                                 outputs)))
        return DocumentResult(member.stem, tuple(steps.steps), tuple(steps.problems),
                              tuple(steps.warnings), record)

    def tree() -> Any:
        if not tree_holder:  # validation was up to date: the file is valid, parse it
            tree_holder.append(parse_with_includes(data, tei)[0])
        return tree_holder[0]

    @functools.cache
    def images() -> dict[str, bytes]:
        """The images the document names that are beside its TEI file (read only when the
        file names an image at all)."""
        return images_beside(tree(), tei.parent) if b"url=" in data else {}

    shown = digest(*(f"{url}={content_digest(blob)}" for url, blob in sorted(images().items())))
    renderings = (("html", settings.html, settings.out / "html" / f"{member.stem}.html",
                digest("html", prints.code, prints.stylesheets, tei_sha, settings.date,
                       str(settings.warn_unhandled), str(settings.search), shown,
                       *settings.documents)),
               ("pdf", settings.pdf, settings.out / "pdf" / f"{member.stem}.pdf",
                digest("pdf", prints.code, prints.stylesheets, tei_sha, settings.pdf_standard,
                       str(settings.warn_unhandled), *map(str, settings.fonts.paths),
                       *settings.fonts.families, shown, *settings.documents)))
    for name, wanted, target, key in renderings:
        if not wanted:
            continue
        steps.run(name, lambda name=name, target=target, key=key: _render(
            name, target, key, tree, settings, previous, record, steps, str(tei), images,
            outputs))
    return DocumentResult(member.stem, tuple(steps.steps), tuple(steps.problems),
                          tuple(steps.warnings), record, valid_tei=tei_sha,
                          unhandled=steps.unhandled)


def _raise(error: TeieditionError) -> tuple[str, str]:
    raise error


def _convert(member: Member, settings: Settings, previous: Mapping[str, Any],
             record: dict[str, Any], warnings: list[str], outputs: Outputs) -> tuple[str, str]:
    """Convert the text unless its TEI file is up to date or is the editor's: edited by hand
    since the last build wrote it, or not written by a build at all (unless it is exactly
    what the conversion gives, as after an interrupted build: then it is adopted)."""
    text = member.text
    assert text is not None
    key = digest("convert", fingerprints().code, *(file_digest(p) for p in text.sources),
                 file_digest(text.metadata), file_digest(text.notes), settings.register_digest)
    old = previous.get("conversion", {})
    current = outputs.digest(member.tei)
    written = old.get("written")
    if current is not None and current == written and old.get("key") == key \
            and not settings.reconvert:
        record["conversion"] = dict(old)
        return "up-to-date", ""
    if current is not None and current != written and written is not None \
            and not settings.reconvert:
        record["conversion"] = dict(old)
        changed = " Its source changed since: --reconvert replaces it (keeping a backup)." \
            if old.get("key") != key else ""
        warnings.append(f"{member.tei}: edited by hand since the last build wrote it; kept "
                        f"as the editor's master.{changed}")
        return "kept", "edited by hand since the last build wrote it"
    data, summary, media = _conversion(text, settings, warnings)
    if current is not None and current != written:
        if content_digest(data) == current:
            record["conversion"] = {"key": key, "written": current}
            return "up-to-date", "the TEI file is what the conversion gives: adopted"
        if not settings.reconvert:
            warnings.append(f"{member.tei}: not written by teiedition build; kept as the "
                            "editor's master (--reconvert replaces it, keeping a backup)")
            return "kept", "not written by teiedition build"
        backup = _backup(member.tei, current, settings.out, outputs)
        summary += f"; the file there before is kept as {backup}"
    write_beside(member.tei.parent, media, write=outputs.write)
    outputs.write(member.tei, data)
    record["conversion"] = {"key": key, "written": content_digest(data)}
    return "done", summary


def _conversion(text: Text, settings: Settings, warnings: list[str]
                ) -> tuple[bytes, str, tuple[tuple[str, bytes], ...]]:
    """The TEI of a text, a summary of what it holds, and the images to write beside it."""
    if text.metadata is not None:
        meta = parse_metadata(read_text_file(text.metadata, what="metadata"),
                              path=str(text.metadata))
    elif text.source.suffix.lower() in MARKDOWN_SUFFIXES:
        meta = None  # its front matter, if it has one
    else:
        warnings.append(f"{text.source}: no metadata file ({text.stem}.toml); the TEI header "
                        "is minimal and will not pass the editorial rules")
        meta = minimal_metadata(text.stem)
    register, index = load_register(settings.register, settings.register_digest)
    result = convert_sources(text.sources, meta, date=settings.date, notes=text.notes,
                             register=register, name_index=index,
                             media_folder=f"{text.stem}-media")
    findings = [f for f in result.document.findings if f.severity != "info"]
    if findings:
        codes = sorted({f.code for f in findings})
        warnings.append(f"{text.source}: {len(findings)} conversion finding"
                        f"{'s' if len(findings) != 1 else ''} ({', '.join(codes)}); "
                        "`teiedition convert --verbose` lists them")
    names = sum(1 for b in iter_blocks(result.document.blocks) for i in b.inlines
                if isinstance(i, Mention) and i.kind != "date")
    return (to_bytes(result.tree), f"{len(result.document.note_numbers)} notes, {names} names",
            result.media)


def _backup(tei: Path, sha: str | None, out: Path, outputs: Outputs) -> Path:
    """Keep the editor's file under backup/, named by its content (never overwritten)."""
    target = out / "backup" / f"{tei.stem}.{(sha or '')[:12]}.xml"
    outputs.write(target, read_bytes(tei, what="TEI file"), force=False)
    return target


def _render(name: str, target: Path, key: str, tree: Callable[[], Any], settings: Settings,
            previous: Mapping[str, Any], record: dict[str, Any], steps: _Steps,
            tei_path: str, images: Callable[[], Mapping[str, bytes]], outputs: Outputs
            ) -> tuple[str, str]:
    """Make the HTML page or the PDF (a long text's PDF comes in volumes, NAME.vol-N.pdf),
    unless the files the last build made for the same fingerprint are there unchanged."""
    old = previous.get(name, {})
    files: dict[str, str] = dict(old.get("files", {}))
    if old.get("key") == key and files and all(
            outputs.digest(settings.out / path) == sha for path, sha in files.items()):
        problems = [_problem(p) for p in old.get("problems", [])]
        unhandled = dict(old.get("unhandled", {}))
        status = "up-to-date"
    else:
        made: dict[Path, bytes] = {}
        if name == "html":
            page = html_text_page(target.stem, tree(), access_date=settings.date,
                                  warn_unhandled=settings.warn_unhandled,
                                  documents=settings.documents, images=images(),
                                  search=settings.search)
            made[target] = page.pages[target.name].encode("utf-8")
            made.update((target.parent / path, data) for path, data in page.files.items())
            problems = check_parity(tree(), html_page=page.pages[target.name])
            messages, unhandled = count_unhandled(page.messages)
            steps.warnings.extend(f"{tei_path}: {m}" for m in messages)
        else:
            volumes = pdf_volumes(tree(), standard=settings.pdf_standard, fonts=settings.fonts,
                                  warn_unhandled=settings.warn_unhandled, images=images(),
                                  contents=PdfContents(documents=settings.documents))
            messages, unhandled = count_unhandled(w for v in volumes for w in v.warnings)
            for number, printed in enumerate(volumes, 1):
                path = target if len(volumes) == 1 else \
                    target.with_name(f"{target.stem}.vol-{number}.pdf")
                made[path] = printed.data
            steps.warnings.extend(f"{tei_path}: {w}" for w in dict.fromkeys(messages))
            problems = check_parity(tree(), pdf_marks=[m for v in volumes for m in v.marks])
        for path, data in made.items():
            outputs.write(path, data)
        new = {str(path.relative_to(settings.out)): content_digest(data)
               for path, data in made.items()}
        _unlink(settings.out, set(files) - set(new), outputs)  # volumes no longer made
        files = new
        status = "done"
    record[name] = {"key": key, "files": files, "problems": [_as_dict(p) for p in problems]}
    if unhandled:
        record[name]["unhandled"] = unhandled
    for element, count in unhandled.items():
        steps.unhandled[element] = max(steps.unhandled.get(element, 0), count)
    steps.problems.extend(Located(tei_path, p) for p in problems)
    if problems:
        return "failed", f"{len(problems)} parity problem{'s' if len(problems) != 1 else ''}"
    return status, ""


def _unlink(out: Path, paths: set[str], outputs: Outputs) -> list[str]:
    return [path for path in sorted(paths) if outputs.remove(out / path)]


def _remove_outputs(old: Mapping[str, Any] | None, out: Path, outputs: Outputs
                    ) -> tuple[str, float, str]:
    """An invalid document's outputs from an earlier build are removed: left, they would
    pass for a rendering of the file as it is now."""
    removed = _unlink(out, set((old or {}).get("files", {})), outputs)
    if removed:
        return "removed", 0.0, f"{', '.join(removed)} (from an earlier build) removed"
    return "not-run", 0.0, ""


def _as_dict(problem: Problem) -> dict[str, Any]:
    return {"rule": problem.rule, "message": problem.message, "line": problem.line,
            "column": problem.column, "severity": problem.severity, "schema": problem.schema}


def _problem(data: Mapping[str, Any]) -> Problem:
    return Problem(data["rule"], data["message"], data.get("line"), data.get("column"),
                   data.get("severity", "error"), data.get("schema", "project"))
