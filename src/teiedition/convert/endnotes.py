"""Reading an endnotes page: ``| 69. One of the authors has argued ...``, one note a line."""

from __future__ import annotations

import re

from ..errors import InputError

_NOTE_LINE = re.compile(r"^\|?\s*(\d{1,4})\.\s+(\S.*)$")


def read_notes(text: str, *, path: str = "<notes>") -> dict[int, str]:
    """Map each note number of an endnotes page to its text.

    A line that does not start a note continues the one before it (long notes
    wrap on some pages). ``|`` and blank lines are ignored.
    """
    notes: dict[int, str] = {}
    current: int | None = None
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = line.strip()
        if stripped in ("", "|"):
            continue
        match = _NOTE_LINE.match(stripped)
        if match:
            current = int(match.group(1))
            if current in notes:
                raise InputError(f"note {current} is given twice", path=path, line=number)
            notes[current] = match.group(2).strip()
        elif current is None:
            raise InputError("expected a note line such as '| 69. Text of the note'",
                             path=path, line=number)
        else:
            notes[current] += " " + stripped.lstrip("|").strip()
    if not notes:
        raise InputError("no notes found (expected lines such as '| 69. Text of the note')",
                         path=path)
    return notes
