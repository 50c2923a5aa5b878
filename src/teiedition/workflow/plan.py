"""The work of a build, described once, for whichever executor runs it.

A build is: the edition's documents, each with its record from the last build (the
fingerprints its steps compare against), built independently (:func:`document_batch`);
then the edition-wide steps, in the client, from their results (:mod:`.whole`). The same
fingerprints decide what is up to date wherever a document runs. How a document's inputs
reach it depends only on whether the executor ships the work (:mod:`.shipping`).
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any, Mapping

from ..errors import InputError, TeieditionError
from ..files import read_bytes, total_size
from ..validate.problems import Problem
from .document import DocumentResult, Located, Settings, Step, build_document
from .edition import Edition, Member
from .executors import Batch, Task
from .shipping import build_parcel, deliver, pack


def build_here(member: Member, previous: Mapping[str, Any], settings: Settings
               ) -> DocumentResult:
    """A document built where the client's files are (this process or a local one)."""
    return build_document(member, settings, previous)


def document_batch(edition: Edition, settings: Settings,
                   records: Mapping[str, Mapping[str, Any]], *, ships: bool,
                   shared_fs: bool = False) -> Batch:
    """The documents of ``edition`` as a batch of tasks whose values are DocumentResults."""
    members = {m.stem: m for m in edition.members}

    def failed(task: Task, reason: str) -> DocumentResult:
        member = members[task.key]
        return DocumentResult(member.stem, (Step("build", "failed", 0.0, reason),), (
            Located(str(member.tei), Problem("build-failed", reason, schema="build")),),
            record=dict(records.get(member.stem, {})))

    if not ships:
        return Batch(build_here, (settings,), [
            Task(m.stem, functools.partial(_args, m, records.get(m.stem, {})))
            for m in edition.members], lambda task, value: value, failed)
    if not shared_fs:
        outside = [s for s in settings.schemas if s not in ("project", "none")] + \
            [str(p) for p in settings.fonts.paths]
        if outside:
            raise InputError(f"{', '.join(outside)}: --schema files and --font-path folders "
                             "are read by the workers themselves; on a cluster they need "
                             "--shared-fs (the same path on every worker)")
    register = read_bytes(edition.register, what="register") \
        if edition.register is not None and not shared_fs else None

    def receive(task: Task, value: Any) -> DocumentResult:
        try:
            return deliver(value, settings.out)
        except TeieditionError as err:
            return failed(task, str(err))

    return Batch(build_parcel, (settings, register), [
        Task(m.stem, functools.partial(_parcel, m, edition.folder, settings,
                                       records.get(m.stem, {}), shared_fs), _size(m))
        for m in edition.members], receive, failed)


def _size(member: Member) -> int:
    """The bytes of a document's inputs (its text's files, or its TEI file if added by hand)."""
    text = member.text
    if text is None:
        return total_size([member.tei])
    return total_size([*text.sources, text.metadata, text.notes])


def _args(member: Member, previous: Mapping[str, Any]) -> tuple[Any, ...]:
    return member, previous


def _parcel(member: Member, folder: Path, settings: Settings, previous: Mapping[str, Any],
            shared_fs: bool) -> tuple[Any, ...]:
    return (pack(member, folder, settings, previous, shared_fs=shared_fs),)
