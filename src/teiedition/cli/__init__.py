"""The ``teiedition`` command: a thin layer that parses options, calls the library, maps errors.

One module per family of commands; the modules of the other commands' libraries (build,
HTML and PDF, packages, the server, the executors) are imported by the commands that use
them, so a conversion does not pay for loading them (issue 18).
"""

from __future__ import annotations

import click

from .. import __version__
from .convert import convert_command, suggest_command
from .edition import build_command, package_command, serve_command
from .render import html_command, pdf_command
from .validate import validate_command

__all__ = ["cli", "main"]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedition")
def cli() -> None:
    """teiedition: turn book-page text into a TEI P5 scholarly edition.

    Build a whole edition (TEI, validation, HTML, PDF) with `teiedition build`;
    each step also has its own command. Each command has its own --help. Exit
    codes: 0 success, 1 failure or problems found, 2 bad input or usage, 130
    interrupted.
    """



for _command in (convert_command, suggest_command, html_command, pdf_command, validate_command,
                 build_command, package_command, serve_command):
    cli.add_command(_command)


def main() -> None:
    cli(prog_name="teiedition")
