"""``teiedition validate``: TEI files against the project's schema and rules, or others."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
from typing import Any, Callable

import click

from ..errors import InputError
from ..files import expand_paths
from ..validate import Report, Validator
from ..validate.formats import FORMATS
from ..validate.watch import check_files, iter_changes
from ..validate.worker import Settings, WorkerClient, make_validator
from .options import cluster_options, maps_errors


@click.command("validate")
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
    settings = Settings(tuple(schemas) or ("project",), require_review=require_review,
                        embedded_rules=not no_embedded_rules, strict=strict,
                        xinclude=not no_xinclude)
    # The warm worker serves one run at a time: --jobs and --scheduler compile the schemas
    # in each of their processes instead, and --watch keeps its own compiled.
    spread_out = jobs > 1 or scheduler is not None
    validator = make_validator(settings, worker=False if watch or spread_out else worker)
    if spread_out:
        # The executors (and the build they belong to) load only when the work is spread.
        from ..workflow.checking import check_many
        spread = functools.partial(check_many, options=settings, jobs=jobs, scheduler=scheduler,
                                   shared_fs=shared_fs, validator=validator)
    else:
        spread = functools.partial(check_files, validator)
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
