"""``teiedition validate`` over many files: in local processes (``--jobs``) or on a Dask
cluster (``--scheduler``), with the same reports as one process gives.

Each file is one task. Its schemas are compiled once per process from
:class:`CheckOptions` (a Validator itself does not travel). On a cluster the client reads
each file (and the files it includes, which must be beside it) and ships the bytes, unless
``shared_fs`` says the workers can read the client's paths; a worker writes nothing.
"""

from __future__ import annotations

import functools
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from ..errors import InputError, TeieditionError
from ..files import total_size
from ..validate import FileReport, Validator
from ..validate.watch import check_files, read_to_check
from ..validate.worker import Settings
from ..xinclude import XI, resolve_xincludes
from ..xmlparse import parse_bytes
from .executors import Batch, Executor, Task, executor_for


#: What a validator is made from: the settings the warm worker is keyed by (one class, so a
#: worker, a process of --jobs and a cluster's worker make the same validator).
CheckOptions = Settings


@functools.cache
def _validator(options: CheckOptions) -> Validator:
    """The schemas, compiled once per process."""
    return options.validator()


@dataclass(frozen=True)
class Sheet:
    """One file as it travels: its path as the client names it and its bytes, with the
    files it includes (relative to its folder); or why it could not be read."""

    path: str
    data: bytes | None
    includes: tuple[tuple[str, bytes], ...] = ()
    error: str | None = None


def check_many(files: Sequence[Path], options: CheckOptions, *, max_bytes: int,
               jobs: int = 1, scheduler: str | None = None, shared_fs: bool = False,
               validator: Validator | None = None
               ) -> tuple[list[FileReport], list[InputError]]:
    """Check ``files``: their reports in the order given, and an error for each that could
    not be read (or is larger than ``max_bytes``). One process uses ``validator`` (or one
    made from ``options``)."""
    if scheduler is None and (jobs <= 1 or len(files) <= 1):
        return check_files(validator or _validator(options), list(files), max_bytes=max_bytes)
    executor: Executor = executor_for(jobs, scheduler, shared_fs=shared_fs)
    if executor.ships and not shared_fs and any(s != "project" for s in options.schemas):
        raise InputError("--schema files are read by the workers themselves; on a cluster "
                         "they need --shared-fs (the same path on every worker)")
    here = not executor.ships or shared_fs
    batch = Batch(check_path if here else check_sheet, (options, max_bytes), [
        Task(str(i), functools.partial(_here, path) if here else
             functools.partial(_sheet, path, max_bytes, options.xinclude),
             total_size([path]))
        for i, path in enumerate(files)], lambda task, value: value,
        lambda task, reason: (f"not checked: {reason}", str(files[int(task.key)])))
    found: dict[int, Any] = {}
    executor.run(batch, lambda task, value: found.__setitem__(int(task.key), value))
    reports, unreadable = [], []
    for i in range(len(files)):
        value = found[i]
        if isinstance(value, FileReport):
            reports.append(value)
        else:
            message, path = value
            unreadable.append(InputError(message, path=path))
    return reports, unreadable


def _here(path: Path) -> tuple[Any, ...]:
    return (path,)


def check_path(path: Path, options: CheckOptions, max_bytes: int
               ) -> FileReport | tuple[str, str]:
    """Read and check one file where its path can be read: its report, or (why it could
    not be read, its path)."""
    reports, unreadable = check_files(_validator(options), [path], max_bytes=max_bytes)
    if unreadable:
        return unreadable[0].message, str(path)
    return reports[0]


def _sheet(path: Path, max_bytes: int, xinclude: bool) -> tuple[Any, ...]:
    """The file as a :class:`Sheet` (on the client): read with the checks of a local run."""
    try:
        data = read_to_check(path, max_bytes)
    except InputError as err:
        return (Sheet(str(path), None, error=err.message),)
    return (Sheet(str(path), data, _included(data, path) if xinclude else ()),)


def _included(data: bytes, path: Path) -> tuple[tuple[str, bytes], ...]:
    """The files ``data`` includes, as the validator will resolve them (only a file that
    mentions XInclude is parsed)."""
    if XI.encode() not in data:
        return ()
    parsed = parse_bytes(data)
    if parsed.tree is None:
        return ()
    folder = path.parent.resolve()
    found = []
    for inc in resolve_xincludes(parsed.tree, path.parent):
        if inc.path is not None and inc.path.is_relative_to(folder):
            try:
                found.append((inc.path.relative_to(folder).as_posix(), inc.path.read_bytes()))
            except OSError:
                continue
    return tuple(found)


def check_sheet(sheet: Sheet, options: CheckOptions, max_bytes: int
                ) -> FileReport | tuple[str, str]:
    """Check a file that travelled to this worker; its includes are unpacked into a private
    folder, the only place they are read from."""
    if sheet.data is None:
        return sheet.error or "cannot be read", sheet.path
    validator = _validator(options)
    if XI.encode() not in sheet.data:  # nothing to include
        return validator.check_bytes(sheet.data, sheet.path)
    with tempfile.TemporaryDirectory(prefix="teiedition-check-") as scratch:
        root = Path(scratch).resolve()
        for name, blob in sheet.includes:
            target = root / name
            if not target.resolve().is_relative_to(root):
                raise TeieditionError(f"a file names an include outside its folder: {name}")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(blob)
        return validator.check_document(sheet.data, sheet.path, root)[0]
