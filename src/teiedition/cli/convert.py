"""``teiedition convert`` and ``teiedition suggest``: texts to TEI, and names for the register."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path
from typing import Any

import click

from .. import __version__
from ..console import conversion_report
from ..errors import InputError, OutputExistsError
from ..files import read_bytes, read_text_file, write_atomic, write_beside
from ..inputs import MARKDOWN_SUFFIXES, convert_sources
from ..metadata import minimal_metadata, parse_metadata
from ..register import Register, read_register
from ..convert import read_text
from ..convert.ner import load_recognizer
from ..tei import Provenance, build_draft_register, to_bytes
from .options import maps_errors, ner_option, register_option, run_date, verbosity_options


@click.command("convert")
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
        sources, metadata, date=run_date(date),
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



@click.command("suggest")
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
    from ..convert.suggest import suggest_names
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
            sources[0].name, run_date(date), __version__), [s.name for s in sources])
        write_atomic(output, to_bytes(draft), force=force)
    click.echo(f"{len(suggestions)} suggestions from {len(sources)} "
               f"file{'s' if len(sources) != 1 else ''}"
               + (f" -> {output}" if output else ""), err=True)
