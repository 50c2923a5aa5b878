"""The errors teiedition raises, each carrying the exit code the CLI gives it.

Exit codes follow click and the validators users know: 0 success, 1 the work
failed or found problems, 2 the input or the invocation is wrong.
"""

from __future__ import annotations


class TeieditionError(Exception):
    """Base class: the work could not be done (exit code 1)."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = [str(x) for x in (self.path, self.line, self.column) if x is not None]
        return f"{':'.join(where)}: {self.message}" if where else self.message


class InputError(TeieditionError):
    """An input file is missing, unreadable or not in a form we accept (exit code 2)."""

    exit_code = 2


class MetadataError(InputError):
    """The edition's metadata file is not valid TOML or does not fit the documented keys."""


class RegisterError(InputError):
    """A register of persons, places and organisations cannot be used."""


class OutputExistsError(TeieditionError):
    """The output exists and ``--force`` was not given: the TEI file is the editor's master."""

    exit_code = 1
