"""``teiedition html`` and ``teiedition pdf``: TEI files rendered one by one."""

from __future__ import annotations

from pathlib import Path

import click

from ..files import read_bytes, read_text_file, write_atomic
from ..metadata import parse_metadata
from ..render import PDF_STANDARDS
from .options import (chronology_option, font_path_option,
    maps_errors, run_date, search_option, warn_unhandled_option)


@click.command("html")
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
    from ..console import rendering_report
    from ..media import images_beside
    from ..render import html_pages
    from ..xinclude import parse_with_includes
    parsed = [parse_with_includes(read_bytes(path, what="TEI file"), path) for path in files]
    documents = [(path.stem, tree) for path, (tree, _) in zip(files, parsed, strict=True)]
    if not quiet:
        for path, (_, messages) in zip(files, parsed, strict=True):
            for message in messages:
                click.echo(f"{path}: warning: {message}", err=True)
    images = {path.stem: images_beside(tree, path.parent)
              for path, (_, tree) in zip(files, documents, strict=True)}
    edition = html_pages(documents, access_date=run_date(date), warn_unhandled=warn_unhandled,
                         images=images, search=search)
    for name, text in edition.pages.items():
        write_atomic(output / name, text.encode("utf-8"), force=True)
    for name, data in edition.files.items():
        write_atomic(output / name, data, force=True)
    if not quiet:
        rendering_report(edition.messages)
        click.echo(f"{len(files)} file{'s' if len(files) != 1 else ''} -> {output}/ "
                   f"({len(edition.pages)} files)", err=True)


@click.command("pdf")
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
    from ..console import rendering_report
    from ..fonts import FontSettings
    from ..media import images_beside
    from ..render import PdfContents, pdf_volumes
    from ..xinclude import parse_with_includes
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
