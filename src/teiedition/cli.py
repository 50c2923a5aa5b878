"""The ``teiedition`` command: a thin layer that parses options, calls the library, maps errors."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import os
import sys
from pathlib import Path
from typing import Any, Callable

import click

from . import __version__
from .console import conversion_report
from .errors import InputError, OutputExistsError, TeieditionError
from .files import expand_paths, read_bytes, read_text_file, write_atomic, write_beside
from .inputs import MARKDOWN_SUFFIXES, convert_sources
from .metadata import minimal_metadata, parse_metadata
from .register import Register, read_register
from .serve import LOOPBACK
from .convert import read_text
from .convert.ner import load_recognizer
from .render import PDF_STANDARDS
from .tei import Provenance, build_draft_register, to_bytes
from .validate import Report, Validator
from .validate.formats import FORMATS
from .validate.watch import iter_changes
from .validate.worker import Settings, WorkerClient, make_validator
# The modules of the other commands (build, HTML and PDF, packages, the server, the
# executors) are imported by the commands that use them: a conversion does not pay for
# loading them (issue 18).

class CommandError(click.ClickException):
    """A :class:`TeieditionError` on its way out, keeping its exit code."""

    def __init__(self, error: TeieditionError) -> None:
        super().__init__(str(error))
        self.exit_code = error.exit_code


def maps_errors(func: Callable[..., Any]) -> Callable[..., Any]:
    """Turn library errors into one clear line on stderr and the right exit code."""
    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except TeieditionError as err:
            raise CommandError(err) from None
    return wrapper


def verbosity_options(verbose: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        func = click.option("-q", "--quiet", is_flag=True,
                            help="Print nothing but errors.")(func)
        return click.option("-v", "--verbose", is_flag=True, help=verbose)(func)
    return decorate


def register_option(purpose: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--register", "register_path", type=click.Path(path_type=Path),
                        help=purpose + " Default: register.xml beside the (first) source, "
                                       "if there is one.")


def ner_option(purpose: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--ner", "ner_model", metavar="MODEL",
                        help=purpose + " MODEL is a spaCy package name or a path; needs the "
                                       "'ner' extra.")


font_path_option = click.option(
    "--font-path", "font_paths", multiple=True, metavar="DIR",
    type=click.Path(path_type=Path, file_okay=False),
    help="Also use the fonts in this folder (repeatable); installed fonts are always used. "
         "Characters no font has print as a box with their code point, with a warning.")


def chronology_option(subject: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    return click.option("--chronology", is_flag=True,
                        help=f"{subject} the chronology as an appendix: every dated mention in "
                             "date order, by year, with its page, and a timeline.")


warn_unhandled_option = click.option(
    "--warn-unhandled", is_flag=True,
    help="List the elements the stylesheets do not know (their text is kept), with how "
         "often each occurs, at the end.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedition")
def cli() -> None:
    """teiedition: turn book-page text into a TEI P5 scholarly edition.

    Build a whole edition (TEI, validation, HTML, PDF) with `teiedition build`;
    each step also has its own command. Each command has its own --help. Exit
    codes: 0 success, 1 failure or problems found, 2 bad input or usage, 130
    interrupted.
    """


def cluster_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--scheduler and --shared-fs: the work on a Dask cluster (issue 18)."""
    func = click.option(
        "--shared-fs", "shared_fs", is_flag=True,
        help="With --scheduler: the workers read the inputs from their paths here (a file "
             "system every worker mounts at the same path) instead of receiving them; they "
             "still write nothing.")(func)
    return click.option(
        "--scheduler", metavar="ADDRESS",
        help="Run the documents on the workers of this Dask scheduler (e.g. "
             "tcp://10.0.0.5:8786) instead of local processes; needs the 'cluster' extra. "
             "Inputs travel with each document and the outputs come back to be written "
             "here.")(func)


_SEARCH_HELP = ("the search index (Pagefind): a search page and a search box on every page, "
                "with filters by text, person, place, organisation and year. It works when the "
                "edition is served over HTTP (teiedition serve).")
search_option = click.option("--search", is_flag=True, help="Also make " + _SEARCH_HELP)
#: An edition's build makes its search by default (``--no-search`` leaves it out); ``html``,
#: which also renders single files, makes it when asked.
build_search_option = click.option("--search/--no-search", default=True, show_default=True,
                                   help="Make " + _SEARCH_HELP)


@cli.command("convert")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="TEI file to write, or '-' for standard output. "
                   "Default: SOURCE with the suffix .xml (required for several pages).")
@click.option("--meta", type=click.Path(path_type=Path),
              help="Metadata file (TOML, see docs/metadata.md). Default: the .toml beside "
                   "SOURCE with the same name (for pages: beside the output, else the first "
                   "page); for Markdown, else its front matter; without any, a minimal header "
                   "and a warning.")
@click.option("--notes", "notes_path", type=click.Path(path_type=Path),
              help="Endnotes page whose notes ('| 69. Text ...', one a line) fill the notes.")
@register_option("Register of persons, places, organisations and events (TEI, see "
                 "docs/names-and-dates.md) whose names are tagged and linked.")
@ner_option("Also recognise names with this spaCy pipeline. Names it finds that the "
            "register lacks are tagged with cert=\"medium\" and no @ref.")
@click.option("--note-markers", type=click.Choice(["auto", "numbers", "none"]),
              metavar="STYLE",
              help="How SOURCE marks note references: 'numbers' (a book's page), 'none' "
                   "(letters, diaries: every number stays text) or 'auto' (a chain of two "
                   "or more rising numbers). Default: text.note_markers of the metadata, "
                   "else auto.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Date recorded for this run. Default: SOURCE_DATE_EPOCH if set, else today.")
@click.option("--changes", type=click.Choice(["accept", "markup"]), default="accept",
              show_default=True, help="Word: tracked changes accepted (the reading text), or "
                                      "kept as add/del with @resp and @change.")
@click.option("--comments", type=click.Choice(["drop", "keep"]), default="drop",
              show_default=True, help="Word: comments dropped (with a warning), or kept as "
                                      "note type=\"comment\".")
@click.option("--force", is_flag=True, help="Overwrite the output if it exists.")
@verbosity_options("Print every finding, not only a summary.")
@maps_errors
def convert_command(sources: tuple[Path, ...], output: Path | None, meta: Path | None,
                    notes_path: Path | None, register_path: Path | None,
                    ner_model: str | None, note_markers: str | None, date: str | None,
                    changes: str, comments: str, force: bool, verbose: bool,
                    quiet: bool) -> None:
    """Convert SOURCES to a TEI P5 file: a page of text, a book's pages, Word or Markdown.

    A .txt SOURCE is UTF-8 text in the reading-site format (paragraphs separated
    by lines holding only '|', quotations on lines starting with '| |') or plain
    paragraphs separated by blank lines. Several .txt SOURCES are a book's pages,
    in order, joined into one text (page numbers from the file names). A .docx
    (or .docm) is a Word document, whose images are written to the folder
    NAME-media beside the TEI file NAME.xml; a .md file is Markdown. Footnotes
    become notes; the header comes from the metadata. The output is never
    overwritten without --force: once written, the TEI file is the editor's master.
    """
    target = _target(sources, output, force)
    media = f"{(sources[0] if str(target) == '-' else target).stem}-media"
    metadata = _metadata_for(sources, target, meta, quiet)
    if note_markers and metadata is not None:
        metadata = dataclasses.replace(metadata, note_markers=note_markers)
    result = convert_sources(
        sources, metadata, date=_run_date(date),
        notes=notes_path, register=_load_register(sources[0], register_path),
        recognizer=load_recognizer(ner_model) if ner_model else None, changes=changes,
        comments=comments, media_folder=media)
    _write_conversion(sources[0], target, result, force=force, quiet=quiet)
    conversion_report(sources[0], target, result.document, verbose=verbose, quiet=quiet)


def _write_conversion(source: Path, target: Path, result: Any, *, force: bool,
                      quiet: bool) -> None:
    """The TEI file (or standard output), and the images beside it first."""
    if str(target) == "-":
        sys.stdout.buffer.write(to_bytes(result.tree))
        if result.media and not quiet:
            click.echo(f"{source}: warning: {len(result.media)} images not written (the TEI "
                       "went to standard output; give -o FILE to keep them)", err=True)
        return
    write_beside(target.parent, result.media)
    write_atomic(target, to_bytes(result.tree), force=force)


def _target(sources: tuple[Path, ...], output: Path | None, force: bool) -> Path:
    """The TEI file to write, checked before anything is read: it is the editor's master."""
    if output is None and len(sources) > 1:
        raise InputError("several pages make one text: name its TEI file with -o")
    target = output or sources[0].with_suffix(".xml")
    if str(target) != "-" and target.exists() and not force:
        raise OutputExistsError("exists; not overwritten (use --force to replace it)",
                                path=str(target))
    return target


def _metadata_for(sources: tuple[Path, ...], target: Path, meta: Path | None,
                  quiet: bool) -> Any:
    """The metadata file given, or beside the output (for pages), or beside the (first)
    source; None for Markdown without one (its front matter is read)."""
    beside_output = [target.with_suffix(".toml")] if len(sources) > 1 else []
    found = meta or next((c for c in beside_output + [sources[0].with_suffix(".toml")]
                          if c.is_file()), None)
    if found is None and sources[0].suffix.lower() in MARKDOWN_SUFFIXES:
        return None
    return _load_metadata(sources[0], found, quiet)


def _load_metadata(source: Path, meta: Path | None, quiet: bool) -> Any:
    path = meta or source.with_suffix(".toml")
    if meta is None and not path.exists():
        if not quiet:
            click.echo(f"{source}: warning: no metadata file ({path.name}); the TEI header "
                       "is minimal and will not pass the editorial rules", err=True)
        return minimal_metadata(source.stem)
    return parse_metadata(read_text_file(path, what="metadata"), path=str(path))


def _load_register(source: Path, register_path: Path | None) -> Register | None:
    path = register_path or source.parent / "register.xml"
    if register_path is None and not path.exists():
        return None
    return read_register(read_bytes(path, what="register"), path=str(path))


def _run_date(date: str | None) -> str:
    if date:
        try:
            return dt.date.fromisoformat(date).isoformat()
        except ValueError:
            raise InputError(f"--date: '{date}' is not a date like 2026-11-25") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date().isoformat()
        except ValueError:
            raise InputError(f"SOURCE_DATE_EPOCH: '{epoch}' is not a number of seconds") from None
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


@cli.command("suggest")
@click.argument("sources", nargs=-1, required=True, type=click.Path(path_type=Path))
@register_option("Register whose names are left out of the suggestions.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Also write the suggestions as a draft TEI register to this file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Format of the list on standard output.")
@ner_option("Improve the suggestions with this spaCy pipeline: its names are added and "
            "its labels give the kinds.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Date recorded in the draft. Default: SOURCE_DATE_EPOCH if set, else today.")
@click.option("--force", is_flag=True, help="Overwrite the draft register if it exists.")
@maps_errors
def suggest_command(sources: tuple[Path, ...], register_path: Path | None, output: Path | None,
                    fmt: str, ner_model: str | None, date: str | None, force: bool) -> None:
    """List names in SOURCES (pages of text) that the register does not cover.

    Name-like sequences (capitalised words, acronyms) are grouped, counted, shown
    in context and given a guessed kind (person, place, org, event). A short form
    that two persons of the register share is listed with their ids ('ambiguous'):
    it is never tagged. With -o, the new names are also written as a draft TEI
    register for the editor to review and merge into the edition's register:
    nothing is added to the register itself.
    """
    from .convert.suggest import suggest_names
    texts = [block.text() for source in sources
             for block in read_text(read_text_file(source)).blocks]
    register = _load_register(sources[0], register_path)
    recognizer = load_recognizer(ner_model) if ner_model else None
    suggestions = suggest_names(texts, register, recognizer=recognizer)
    if fmt == "json":
        click.echo(json.dumps([{"name": s.name, "kind": s.kind, "count": s.count,
                                "contexts": list(s.contexts), "ambiguous": list(s.ambiguous)}
                               for s in suggestions], indent=2, ensure_ascii=False))
    else:
        for s in suggestions:
            shared = f"\tambiguous: {' '.join(s.ambiguous)}" if s.ambiguous else ""
            click.echo(f"{s.count}\t{s.kind}\t{s.name}\t{s.contexts[0]}{shared}")
    if output:  # an ambiguous short form is no new entry: the register has its persons
        draft = build_draft_register([s for s in suggestions if not s.ambiguous], Provenance(
            sources[0].name, _run_date(date), __version__), [s.name for s in sources])
        write_atomic(output, to_bytes(draft), force=force)
    click.echo(f"{len(suggestions)} suggestions from {len(sources)} "
               f"file{'s' if len(sources) != 1 else ''}"
               + (f" -> {output}" if output else ""), err=True)


@cli.command("html")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("html"),
              show_default=True, help="Folder to write the edition into.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Access date shown in 'how to cite'. Default: SOURCE_DATE_EPOCH if set, "
                   "else today.")
@warn_unhandled_option
@search_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@maps_errors
def html_command(files: tuple[Path, ...], output: Path, date: str | None, warn_unhandled: bool,
                 search: bool, quiet: bool) -> None:
    """Make the HTML reading edition of TEI FILES in one self-contained folder.

    Each file becomes a page (its text with permalinks, notes that open in place
    and at the foot of the page, names linked to the index); index.html lists
    the texts with their source and counts; persons.html, places.html,
    organisations.html and events.html index the names of all FILES;
    edition.css styles them. Images the TEI names that are beside its file are
    copied to media/. Nothing is loaded from elsewhere: the folder works opened
    from the disk. Pages in the folder are replaced.
    """
    from .console import rendering_report
    from .media import images_beside
    from .render import html_pages
    from .xinclude import parse_with_includes
    parsed = [parse_with_includes(read_bytes(path, what="TEI file"), path) for path in files]
    documents = [(path.stem, tree) for path, (tree, _) in zip(files, parsed, strict=True)]
    if not quiet:
        for path, (_, messages) in zip(files, parsed, strict=True):
            for message in messages:
                click.echo(f"{path}: warning: {message}", err=True)
    images = {path.stem: images_beside(tree, path.parent)
              for path, (_, tree) in zip(files, documents, strict=True)}
    edition = html_pages(documents, access_date=_run_date(date), warn_unhandled=warn_unhandled,
                         images=images, search=search)
    for name, text in edition.pages.items():
        write_atomic(output / name, text.encode("utf-8"), force=True)
    for name, data in edition.files.items():
        write_atomic(output / name, data, force=True)
    if not quiet:
        rendering_report(edition.messages)
        click.echo(f"{len(files)} file{'s' if len(files) != 1 else ''} -> {output}/ "
                   f"({len(edition.pages)} files)", err=True)


@cli.command("pdf")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="PDF to write. Default: FILE with the suffix .pdf.")
@click.option("--pdf-standard", type=click.Choice(PDF_STANDARDS), default="a-3b",
              show_default=True,
              help="a-3b: PDF/A-3b with the TEI source embedded (one self-describing file for "
                   "archives); a-2b: PDF/A-2b, no attachment; none: plain PDF.")
@click.option("--typst", "typst_path", type=click.Path(path_type=Path),
              help="Also write the Typst source the PDF is made from.")
@font_path_option
@click.option("--meta", type=click.Path(path_type=Path),
              help="Metadata file whose edition.fonts the text is set in first (see "
                   "docs/metadata.md). Default: the .toml beside FILE with the same name, if "
                   "there is one.")
@chronology_option("The PDF gets")
@warn_unhandled_option
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@maps_errors
def pdf_command(file: Path, output: Path | None, pdf_standard: str, typst_path: Path | None,
                font_paths: tuple[Path, ...], meta: Path | None, chronology: bool,
                warn_unhandled: bool, quiet: bool) -> None:
    """Typeset TEI FILE as a print edition (PDF) with Typst.

    A title page from the header; the text with paragraph numbers in the margin and
    fragment markers; notes at the foot of the page, numbered as the source numbers
    them; running heads; an index of persons, places, organisations and events with
    page numbers; PDF metadata and bookmarks. The PDF is archival (PDF/A) by default.
    """
    from .console import rendering_report
    from .fonts import FontSettings
    from .media import images_beside
    from .render import PdfContents, pdf_volumes
    from .xinclude import parse_with_includes
    tree, messages = parse_with_includes(read_bytes(file, what="TEI file"), file)
    if not quiet:
        for message in messages:
            click.echo(f"{file}: warning: {message}", err=True)
    fonts = FontSettings(font_paths, _edition_fonts(file, meta))
    volumes = pdf_volumes(tree, standard=pdf_standard, fonts=fonts, warn_unhandled=warn_unhandled,
                          images=images_beside(tree, file.parent),
                          contents=PdfContents(chronology=chronology))
    target = output or file.with_suffix(".pdf")
    targets = [target] if len(volumes) == 1 else [
        target.with_name(f"{target.stem}.vol-{n}.pdf") for n in range(1, len(volumes) + 1)]
    for path, result in zip(targets, volumes, strict=True):
        write_atomic(path, result.data, force=True)
        if typst_path:
            typst_target = typst_path if len(volumes) == 1 else \
                typst_path.with_name(f"{typst_path.stem}{path.suffixes[-2]}.typ")
            write_atomic(typst_target, result.typst_source.encode("utf-8"), force=True)
    if not quiet:
        rendering_report((w for result in volumes for w in result.warnings), prefix=f"{file}: ")
        click.echo(f"{file} -> {', '.join(str(t) for t in targets)}", err=True)


def _edition_fonts(file: Path, meta: Path | None) -> tuple[str, ...]:
    path = meta or file.with_suffix(".toml")
    if meta is None and not path.exists():
        return ()
    return parse_metadata(read_text_file(path, what="metadata"), path=str(path)).fonts


@cli.command("validate")
@click.argument("paths", nargs=-1, required=True)
@click.option("--schema", "schemas", multiple=True, metavar="SCHEMA",
              help="Schema to check against, repeatable: 'project' (the default: the project's "
                   "XML Schema and editorial rules), or a RELAX NG (.rng), XML Schema (.xsd) or "
                   "Schematron (.sch) file, e.g. the official TEI P5 tei_all.rng.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text",
              show_default=True, help="Report format, written to standard output.")
@click.option("--require-review", is_flag=True,
              help="Also fail while tags made by teiedition remain unreviewed (the project's "
                   "rule 'unreviewed'), for editors who gate publication on review.")
@click.option("--max-size", type=click.IntRange(min=1), default=100, show_default=True,
              metavar="MB", help="Refuse files larger than this many megabytes (a parsed "
                                 "file takes about 20 times its size in memory).")
@click.option("--no-embedded-rules", "no_embedded_rules", is_flag=True,
              help="Do not run the Schematron rules embedded in a RELAX NG or XML Schema file "
                   "(such as the TEI's own constraints in tei_all.rng).")
@click.option("--strict", is_flag=True,
              help="Fail on Schematron warnings and information too (roles warning, warn, "
                   "nonfatal, information), not only on errors.")
@click.option("--no-xinclude", "no_xinclude", is_flag=True,
              help="Validate xi:include elements as they stand instead of resolving them "
                   "(by default, files inside the document's folder are included and an "
                   "include that cannot be read is replaced by its xi:fallback).")
@click.option("--watch", is_flag=True,
              help="After checking PATHS, keep watching them and check each file again as it "
                   "is saved (the schemas stay compiled); stop with Ctrl-C (exit code 130).")
@click.option("--worker/--no-worker", default=None,
              help="Check the files in a worker process that keeps the schemas compiled "
                   "between runs, started on demand (the default, except when CI is set, "
                   "with --watch, --jobs or --scheduler); see docs/validation.md.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Check this many files at once, in separate processes.")
@cluster_options
@click.option("-q", "--quiet", is_flag=True, help="No summary on standard error.")
@maps_errors
def validate_command(paths: tuple[str, ...], schemas: tuple[str, ...], fmt: str,
                     require_review: bool, max_size: int, no_embedded_rules: bool,
                     strict: bool, no_xinclude: bool, watch: bool, worker: bool | None,
                     jobs: int, scheduler: str | None, shared_fs: bool, quiet: bool) -> None:
    """Validate TEI files against the project's schema and rules, or other schemas.

    PATHS are files, folders (searched recursively for *.xml) or glob patterns.
    Each problem is reported as `path:line:col: error: message [rule-id]`;
    --format json, junit, github or sarif give machine-readable reports. A RELAX
    NG or XML Schema file's embedded Schematron rules (the TEI's own constraints
    in tei_all.rng) are checked too, and xi:include is resolved first, as Jing
    does, from files in the document's folder only. What is derived from a schema
    is kept in the user's cache folder (see docs/validation.md). Exit code 0 when
    every file is valid, 1 when any is invalid, 2 when a path cannot be read or
    the usage is wrong.
    """
    files, missing = expand_paths(list(paths))
    from .workflow.checking import check_many
    settings = Settings(tuple(schemas) or ("project",), require_review=require_review,
                        embedded_rules=not no_embedded_rules, strict=strict,
                        xinclude=not no_xinclude)
    # The warm worker serves one run at a time: --jobs and --scheduler compile the schemas
    # in each of their processes instead, and --watch keeps its own compiled.
    spread_out = jobs > 1 or scheduler is not None
    validator = make_validator(settings, worker=False if watch or spread_out else worker)
    spread = functools.partial(check_many, options=settings, jobs=jobs, scheduler=scheduler,
                               shared_fs=shared_fs, validator=validator)
    code = _report(validator, files, list(missing), max_size, fmt, quiet, spread)
    try:
        for changed in iter_changes(list(paths)) if watch else ():
            _report(validator, changed, [], max_size, fmt, quiet, spread)
    except KeyboardInterrupt:
        sys.exit(130)
    sys.exit(code)


def _report(validator: Validator | WorkerClient, files: list[Path],
            unreadable: list[InputError], max_size: int, fmt: str, quiet: bool,
            check: Callable[..., Any]) -> int:
    """Check ``files`` (with ``check``: check_many), write the report; the exit code."""
    reports, failed = check(files, max_bytes=max_size * 1_000_000)
    unreadable += failed
    report = Report(tuple(reports), validator.specs)
    click.echo(FORMATS[fmt](report), nl=False)
    for err in unreadable:
        click.echo(f"{err}", err=True)
    for warning in validator.warnings:
        click.echo(f"warning: {warning}", err=True)
    if not quiet:
        click.echo(report.summary() + (f", {len(unreadable)} unreadable" if unreadable else ""),
                   err=True)
    return 2 if unreadable else 0 if report.valid else 1


@cli.command("build")
@click.argument("edition", type=click.Path(path_type=Path), default=Path("seeds"))
@click.option("-o", "--output", type=click.Path(path_type=Path), default=Path("output"),
              show_default=True, help="Folder to build into: tei/, html/, pdf/, build.json.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Build this many documents at once, in separate processes.")
@click.option("--reconvert", is_flag=True,
              help="Convert every text again, also where its TEI file was edited by hand (the "
                   "edited file is kept in OUTPUT/backup/ first).")
@click.option("--no-pdf", "no_pdf", is_flag=True,
              help="Make no PDFs (existing ones are left as they are).")
@click.option("--edition-pdf", is_flag=True,
              help="Also typeset the whole edition as one book: OUTPUT/edition.pdf.")
@chronology_option("With --edition-pdf, the book gets")
@click.option("--pdf-standard", type=click.Choice(PDF_STANDARDS), default="a-3b",
              show_default=True, help="PDF standard of the PDFs (see `teiedition pdf`).")
@font_path_option
@warn_unhandled_option
@click.option("--schema", "schemas", multiple=True, metavar="SCHEMA",
              help="What a TEI file must pass to be rendered, repeatable: 'project' (the "
                   "default: the project's schema and editorial rules), or a RELAX NG, XML "
                   "Schema or Schematron file, e.g. tei_all.rng for TEI from other projects.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Date recorded in converted files and shown as the HTML's access date. "
                   "Default: SOURCE_DATE_EPOCH if set, else today.")
@build_search_option
@click.option("--package", "package", type=click.Path(path_type=Path), metavar="NAME.zip",
              help="After a build without problems, also write the deposit package (see "
                   "`teiedition package`).")
@cluster_options
@verbosity_options("A line per document (no progress bar) with each step's time and "
                   "message.")
@maps_errors
def build_command(edition: Path, output: Path, jobs: int, reconvert: bool, no_pdf: bool,
                  edition_pdf: bool, chronology: bool, pdf_standard: str,
                  font_paths: tuple[Path, ...],
                  warn_unhandled: bool, schemas: tuple[str, ...], date: str | None,
                  search: bool, package: Path | None, scheduler: str | None, shared_fs: bool,
                  verbose: bool, quiet: bool) -> None:
    """Build the edition in EDITION (default: seeds/) into OUTPUT (default: output/).

    Each NAME.txt (with NAME.toml, its metadata, and NAME.notes.txt, its endnotes, if
    any) is converted with the edition's register.xml to OUTPUT/tei/NAME.xml. From then
    on the TEI file is the editor's: a file edited by hand is never overwritten
    (--reconvert does, keeping a backup), and TEI files added to OUTPUT/tei/ by hand
    are built too. Every TEI file is validated (against the project's schema and rules,
    or --schema: tei_all.rng for TEI from other projects); a valid one becomes
    OUTPUT/html/NAME.html and OUTPUT/pdf/NAME.pdf, and every note and name is checked to
    be in both (the parity check). OUTPUT/html/ also gets the home page (index.html) and
    the indexes of all texts. What has not changed since the last build (content hashes
    of inputs, register, stylesheets, code) is not redone. OUTPUT/build.json reports
    each document and step. Exit code 0 when everything is built and valid, 1 when a
    document failed or is invalid, 2 for bad input, 130 when interrupted.
    """
    if chronology and not edition_pdf:
        raise click.UsageError("--chronology is an appendix of the edition's book: add "
                               "--edition-pdf")
    from .workflow import BuildOptions, build
    from .console import build_report, progress_display
    from .deposit import check_target, edition_metadata, make_package
    options = BuildOptions(jobs=jobs, scheduler=scheduler, shared_fs=shared_fs,
                           reconvert=reconvert, pdf=not no_pdf,
                           edition_pdf=edition_pdf, chronology=chronology,
                           pdf_standard=pdf_standard,
                           font_paths=font_paths, warn_unhandled=warn_unhandled,
                           schemas=schemas or ("project",), search=search,
                           date=_run_date(date))
    if package:  # a wrong name or missing metadata keys are named before any work
        check_target(package)
        edition_metadata(edition, options.date)
    with progress_display(quiet=quiet, verbose=verbose) as show:
        report = build(edition, output, options, progress=show)
    build_report(report, quiet=quiet)
    if not report.ok:
        if package:
            click.echo(f"package: {package} not written: the build has problems", err=True)
        sys.exit(1)
    if package:
        result = make_package(output, package, edition=edition)
        if not quiet:
            click.echo(f"package: {result.target} ({result.files} files)", err=True)


@cli.command("package")
@click.argument("path", type=click.Path(path_type=Path), default=Path("output"))
@click.option("-o", "--output", type=click.Path(path_type=Path), metavar="NAME.zip",
              help="The package to write (replaced if it exists).")
@click.option("--check", is_flag=True,
              help="Check the package PATH instead: unpack it safely, validate the bag's "
                   "checksums and completeness, every TEI file and the metadata files.")
@click.option("--edition", type=click.Path(path_type=Path, file_okay=False),
              help="The edition folder (metadata and register). Default: the one "
                   "PATH/build.json records.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Bagging date and the zip's timestamps. Default: the build's date.")
@maps_errors
def package_command(path: Path, output: Path | None, check: bool, edition: Path | None,
                    date: str | None) -> None:
    """Package the edition built in PATH (default: output/) for a repository, or check one.

    The package NAME.zip is a BagIt bag (RFC 8493) of the TEI files, PDFs, HTML
    edition and register, with a DataCite record (datacite.xml), a CITATION.cff and a
    README made from the [edition] keys of the texts' metadata, and SHA-256 and
    SHA-512 manifests. The same edition gives the same bytes. With --check, PATH is a
    package: each problem is printed on a line; exit code 0 valid, 1 problems found,
    2 unreadable or refused (a path outside the folder, too many or too large members).
    """
    from .deposit import check_package, make_package
    if check and output:
        raise click.UsageError("--check reads a package; it writes none (no -o)")
    if check:
        problems = check_package(path)
        for line in problems:
            click.echo(line)
        click.echo(f"{path}: {len(problems)} problems" if problems else f"{path}: valid",
                   err=True)
        sys.exit(1 if problems else 0)
    if output is None:
        raise click.UsageError("name the package with -o NAME.zip (or give --check)")
    result = make_package(path, output, edition=edition, date=date and _run_date(date))
    click.echo(f"{path} -> {result.target} ({result.files} files, {result.size} bytes)", err=True)


@cli.command("serve")
@click.argument("output", type=click.Path(path_type=Path), default=Path("output"))
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port to listen on. Default: a free one.")
@click.option("--host", default=LOOPBACK, show_default=True,
              help="Address to listen on; anything but the loopback address lets other "
                   "machines read the edition.")
@click.option("--open", "open_browser", is_flag=True,
              help="Open the edition in the web browser.")
@click.option("-q", "--quiet", is_flag=True, help="Log no requests.")
@maps_errors
def serve_command(output: Path, port: int, host: str, open_browser: bool, quiet: bool) -> None:
    """Serve the HTML edition in OUTPUT/html (default: output/) on this machine.

    A preview over HTTP (what the search of an edition needs), at the address printed:
    only the files of that folder, no directory listings, with their content types.
    Ctrl-C stops it.
    """
    import webbrowser

    from .serve import make_server, server_url
    server = make_server(output / "html", host=host, port=port,
                         log=None if quiet else lambda line: click.echo(line, err=True))
    url = server_url(server)
    click.echo(f"Serving {output / 'html'} at {url} (Ctrl-C to stop)")
    if open_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
    finally:
        server.server_close()


def main() -> None:
    cli(prog_name="teiedition")
