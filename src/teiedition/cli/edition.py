"""``teiedition build``, ``package`` and ``serve``: the whole edition, its deposit package
and its preview."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..serve import LOOPBACK
from ..render import PDF_STANDARDS
from .options import (search_option, chronology_option, cluster_options, font_path_option,
    maps_errors, run_date, verbosity_options, warn_unhandled_option)


@click.command("build")
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
                   "Schema or Schematron file, e.g. tei_all.rng for TEI from other projects; "
                   "'none' (alone): render every well-formed file unvalidated, for TEI whose "
                   "schema you do not have.")
@click.option("--date", "date", metavar="YYYY-MM-DD",
              help="Date recorded in converted files and shown as the HTML's access date. "
                   "Default: SOURCE_DATE_EPOCH if set, else today.")
@search_option
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
    if "none" in schemas and len(schemas) > 1:
        raise click.UsageError("--schema none renders without validating: it cannot be "
                               "combined with another --schema")
    if chronology and not edition_pdf:
        raise click.UsageError("--chronology is an appendix of the edition's book: add "
                               "--edition-pdf")
    from ..workflow import BuildOptions, build
    from ..console import build_report, progress_display
    from ..deposit import check_target, edition_metadata, make_package
    options = BuildOptions(jobs=jobs, scheduler=scheduler, shared_fs=shared_fs,
                           reconvert=reconvert, pdf=not no_pdf,
                           edition_pdf=edition_pdf, chronology=chronology,
                           pdf_standard=pdf_standard,
                           font_paths=font_paths, warn_unhandled=warn_unhandled,
                           schemas=schemas or ("project",), search=search,
                           date=run_date(date))
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


@click.command("package")
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
    from ..deposit import check_package, make_package
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
    result = make_package(path, output, edition=edition, date=date and run_date(date))
    click.echo(f"{path} -> {result.target} ({result.files} files, {result.size} bytes)", err=True)


@click.command("serve")
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

    from ..serve import make_server, server_url
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
