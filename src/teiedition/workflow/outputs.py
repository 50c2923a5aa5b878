"""Where a document's outputs go: straight to the output folder, or recorded to travel back.

A document's steps (:mod:`.document`) write, remove and check their outputs only through an
:class:`Outputs`. A local build uses :class:`DiskOutputs`: each file is written atomically
in place, as it always was. A document built on a cluster worker uses
:class:`RecordingOutputs`: the worker writes into its private scratch folder (so that a
later step of the same document reads what an earlier one wrote, e.g. the converted TEI)
and keeps each change, in order, for the client, which applies them to the real output
folder atomically (:func:`apply_changes`). A worker thus never writes the TEI masters.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Protocol

from ..errors import TeieditionError
from ..files import write_atomic
from .edition import content_digest, file_digest


class Outputs(Protocol):
    def digest(self, path: Path) -> str | None:
        """The SHA-256 of an output file as it stands, None when there is none."""

    def write(self, path: Path, data: bytes, *, force: bool = True) -> None:
        """Write an output file; without ``force`` an existing one is kept as it is."""

    def remove(self, path: Path) -> bool:
        """Remove an output file; whether there was one."""


class DiskOutputs:
    """The output folder itself: atomic writes in place."""

    def digest(self, path: Path) -> str | None:
        return file_digest(path)

    def write(self, path: Path, data: bytes, *, force: bool = True) -> None:
        if force or not path.exists():
            write_atomic(path, data, force=True)

    def remove(self, path: Path) -> bool:
        if not path.is_file():
            return False
        path.unlink()
        return True


@dataclass(frozen=True)
class Change:
    """One change to the output folder: ``path`` is relative to it; ``data`` None removes."""

    path: str
    data: bytes | None
    force: bool = True


class RecordingOutputs:
    """A scratch copy of the output folder (``root``) whose changes are kept for the client.

    ``known`` holds the digests, in the real output folder, of the outputs the last build
    recorded (they are not shipped: only whether they are still what was written matters).
    """

    def __init__(self, root: Path, known: Mapping[str, str | None]) -> None:
        self.root = root
        self.known = dict(known)
        self.changes: list[Change] = []

    def _relative(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()

    def digest(self, path: Path) -> str | None:
        relative = self._relative(path)
        if relative in self.known:
            return self.known[relative]
        return file_digest(path)  # an input shipped into the scratch folder (a TEI file)

    def write(self, path: Path, data: bytes, *, force: bool = True) -> None:
        relative = self._relative(path)
        if not force and self.digest(path) is not None:
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.known[relative] = content_digest(data)
        self.changes.append(Change(relative, data, force))

    def remove(self, path: Path) -> bool:
        if self.digest(path) is None:
            return False
        path.unlink(missing_ok=True)
        relative = self._relative(path)
        self.known[relative] = None
        self.changes.append(Change(relative, None))
        return True


def apply_changes(out: Path, changes: tuple[Change, ...]) -> None:
    """Apply a worker's changes to the output folder, each file atomically, in order.

    The paths come from another machine: each must stay inside ``out``."""
    root = out.resolve()
    for change in changes:
        target = out / change.path
        if not target.resolve().is_relative_to(root) or target.resolve() == root:
            raise TeieditionError("a worker sent a path outside the output folder; nothing "
                                  "of this document was written", path=change.path)
    for change in changes:
        target = out / change.path
        if change.data is None:
            target.unlink(missing_ok=True)
        elif change.force or not target.exists():
            write_atomic(target, change.data, force=True)
