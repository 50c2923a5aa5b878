"""Checking files from disk, once or each time they are saved (``validate --watch``).

:func:`check_files` reads and checks a list of files with one
:class:`~teiedition.validate.Validator`; :func:`iter_changes` says which files
were saved since it last looked, so a loop of the two re-validates files as an
editor saves them, with the schemas compiled once. Changes are found by
polling the files' modification times and sizes twice a second: it needs no
dependency and works on every file system (network shares and containers too,
where change notifications do not always arrive).
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable, Iterator

from ..errors import InputError
from ..files import expand_paths, read_bytes
from . import Validator
from .problems import FileReport
from .worker import WorkerClient

Stamp = tuple[int, int]


def check_files(validator: Validator | WorkerClient, files: list[Path], *, max_bytes: int
                ) -> tuple[list[FileReport], list[InputError]]:
    """Read and check ``files``; a file that cannot be read, or is larger than ``max_bytes``,
    is an :class:`InputError` instead of a report."""
    reports, unreadable = [], []
    validator.expect(len(files))
    for path in files:
        try:
            data = read_to_check(path, max_bytes)
        except InputError as err:
            unreadable.append(err)
            continue
        reports.append(validator.check_bytes(data, str(path)))
    return reports, unreadable


def read_to_check(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, or an :class:`InputError` when it cannot be read or is larger
    than ``max_bytes`` (checked before reading it)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(f"{size / 1e6:.0f} MB is larger than --max-size "
                             f"{max_bytes // 1_000_000} MB; not validated", path=str(path))
        return read_bytes(path, what="file")
    except OSError as err:
        raise InputError(f"cannot be read: {err.strerror}", path=str(path)) from None


def _stamps(paths: list[str]) -> dict[Path, Stamp]:
    files, _ = expand_paths(paths)
    stamps = {}
    for path in files:
        try:
            status = path.stat()
        except OSError:  # removed between the listing and now
            continue
        stamps[path] = (status.st_mtime_ns, status.st_size)
    return stamps


def iter_changes(paths: list[str], *, interval: float = 0.5,
                 sleep: Callable[[float], None] = time.sleep,
                 rounds: int | None = None) -> Iterator[list[Path]]:
    """Yield the files (of ``paths``: files, folders, globs) added or saved since the last
    look, whenever there are some; look every ``interval`` seconds, ``rounds`` times (None:
    until the caller stops)."""
    seen = _stamps(paths)
    done = 0
    while rounds is None or done < rounds:
        sleep(interval)
        done += 1
        now = _stamps(paths)
        changed = [path for path, stamp in now.items() if seen.get(path) != stamp]
        seen = now
        if changed:
            yield changed
