"""What validation finds: problems as data (rule id, location), files, and the report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]

#: Schematron roles (the TEI uses all of these) and the severity each is reported with; a role
#: not listed here, or none, is an error.
ROLE_SEVERITY: dict[str, Severity] = {
    "warning": "warning", "warn": "warning", "nonfatal": "warning", "non-fatal": "warning",
    "info": "info", "information": "info", "informational": "info",
}


def severity_of_role(role: str | None) -> Severity:
    """The severity of a Schematron assertion's ``role``: only errors make a file invalid."""
    return ROLE_SEVERITY.get((role or "").strip().lower(), "error")


@dataclass(frozen=True)
class Problem:
    """One finding. ``rule`` is a stable id (``ref-resolves``, ``xsd-content``, ``tei_all``)."""

    rule: str
    message: str
    line: int | None = None
    column: int | None = None
    severity: Severity = "error"
    #: Which schema found it: ``xml`` (reading), ``project``, or a schema file's name.
    schema: str = "project"
    #: The validator's own words, when the message was rewritten for people.
    detail: str | None = None
    xpath: str | None = None
    #: A Schematron assertion's own ``role`` (``nonfatal``, ``warning``…), kept as written.
    role: str | None = None


@dataclass(frozen=True)
class FileReport:
    """The problems of one file (an empty tuple: valid)."""

    path: str
    problems: tuple[Problem, ...] = ()
    #: Seconds spent on the file (parse and all schemas).
    seconds: float = 0.0

    @property
    def valid(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)


@dataclass(frozen=True)
class Report:
    """The result of a validation run over one or more files."""

    files: tuple[FileReport, ...] = field(default=())
    schemas: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        return all(f.valid for f in self.files)

    @property
    def problem_count(self) -> int:
        return sum(len(f.problems) for f in self.files)

    def summary(self) -> str:
        valid = sum(1 for f in self.files if f.valid)
        files = len(self.files)
        count = self.problem_count
        return (f"{files} file{'s' if files != 1 else ''}, {valid} valid, "
                f"{count} problem{'s' if count != 1 else ''}")
