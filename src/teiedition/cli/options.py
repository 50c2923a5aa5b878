"""What the commands share: their common options, the mapping of library errors to exit
codes, the run's date."""

from __future__ import annotations

import datetime as dt
import functools
import os
from pathlib import Path
from typing import Any, Callable

import click

from ..errors import InputError, TeieditionError


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


def run_date(date: str | None) -> str:
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
