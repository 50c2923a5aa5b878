"""The ``teiedition`` command: a thin layer that parses options, calls the library, maps errors.

One module per family of commands, each loaded when its command runs (click's lazily
loaded subcommands): a command pays for importing its own library only. `validate` of
one file no longer loads the converter, Saxon's HTML and Typst's PDF code, nor the
server (issue 16: 0.2 s of a whole process that validates 1,000,000 words in 1.7 s).
"""

from __future__ import annotations

import importlib

import click

from .. import __version__

__all__ = ["cli", "main"]

#: Each command, and where it is defined ("module:attribute", relative to this package).
COMMANDS = {
    "convert": "convert:convert_command",
    "suggest": "convert:suggest_command",
    "html": "render:html_command",
    "pdf": "render:pdf_command",
    "validate": "validate:validate_command",
    "build": "edition:build_command",
    "package": "edition:package_command",
    "serve": "edition:serve_command",
}


class LazyGroup(click.Group):
    """A group whose commands are imported when asked for (listed, run or helped)."""

    def __init__(self, *args, lazy: dict[str, str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = lazy

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.lazy or cmd_name in self.commands:
            return super().get_command(ctx, cmd_name)
        module, attribute = self.lazy[cmd_name].split(":")
        command = getattr(importlib.import_module(f".{module}", __name__), attribute)
        self.add_command(command, cmd_name)
        return command


@click.group(cls=LazyGroup, lazy=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="teiedition")
def cli() -> None:
    """teiedition: turn book-page text into a TEI P5 scholarly edition.

    Build a whole edition (TEI, validation, HTML, PDF) with `teiedition build`;
    each step also has its own command. Each command has its own --help. Exit
    codes: 0 success, 1 failure or problems found, 2 bad input or usage, 130
    interrupted.
    """


def command(name: str) -> click.Command:
    """The command called ``name`` (loaded if it was not yet): for documentation and tests."""
    found = cli.get_command(click.Context(cli), name)
    if found is None:
        raise KeyError(name)
    return found


def main() -> None:
    cli(prog_name="teiedition")
