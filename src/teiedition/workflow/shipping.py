"""A document as a parcel: what travels to a cluster worker, and its outputs coming back.

A worker need not see the client's file system. The client packs, per document, the files
its steps read (:func:`gather`: the text, its pages, metadata and endnotes, the TEI file,
the files that TEI file includes and the images it names beside it) and, for the outputs
the last build recorded, only their digests. The worker unpacks them into a private scratch
folder laid out like the edition and output folders, builds the document there with
:func:`~.document.build_document` (the same code as a local build), and sends back the
result and the changes to the output folder (:class:`~.outputs.Change`), which the client
applies atomically. Paths in the result are mapped back to the client's, so the report
reads as a local build's. With ``shared_fs`` the worker gathers the files itself from the
client's paths (read only; it never writes there).
"""

from __future__ import annotations

import collections
import contextlib
import dataclasses
import functools
import os
import shutil
import tempfile
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

from ..errors import TeieditionError
from ..files import read_bytes, write_atomic
from ..media import IMAGE_SUFFIXES, MAX_IMAGE_BYTES, image_urls
from ..xinclude import XI, resolve_xincludes
from ..xmlparse import parse_tei
from .document import DocumentResult, Settings, build_document
from .edition import Fingerprints, Member, file_digest, fingerprints
from .outputs import Change, RecordingOutputs, apply_changes

EDITION, OUTPUT = "edition", "output"


@dataclass(frozen=True)
class Parcel:
    """One document's task for a worker; ``files`` is None when the worker reads them
    itself (a shared file system)."""

    member: Member
    edition: Path
    previous: Mapping[str, Any]
    #: (root, path relative to it, bytes): root is EDITION or OUTPUT.
    files: tuple[tuple[str, str, bytes], ...] | None
    #: The digests of the outputs the last build recorded, as they stand at the client.
    known: Mapping[str, str | None]
    #: The client's code, stylesheets and schema: a worker running other code refuses.
    prints: Fingerprints
    #: The client's working folder: with a shared file system, the one relative paths are
    #: read from (a worker's own is anywhere).
    cwd: str = ""


@dataclass(frozen=True)
class Delivery:
    """What a worker sends back: the document's result and its changes to the outputs."""

    result: DocumentResult
    changes: tuple[Change, ...]


class OtherCode(TeieditionError):
    """The worker's teiedition, stylesheets or libraries are not the client's."""


def pack(member: Member, edition: Path, settings: Settings, previous: Mapping[str, Any], *,
         shared_fs: bool) -> Parcel:
    """The parcel of one document (on the client)."""
    if shared_fs:
        return Parcel(member, edition, previous, None, {}, fingerprints(), os.getcwd())
    files, known = gather(member, edition, settings.out, previous)
    return Parcel(member, edition, previous, files, known, fingerprints())


def gather(member: Member, edition: Path, out: Path, previous: Mapping[str, Any]
           ) -> tuple[tuple[tuple[str, str, bytes], ...], dict[str, str | None]]:
    """The files the document's steps read, and the digests of its recorded outputs."""
    files: dict[tuple[str, str], bytes] = {}

    def take(root: str, base: Path, path: Path | None) -> None:
        if path is None:
            return
        try:
            files[(root, path.relative_to(base).as_posix())] = path.read_bytes()
        except OSError:
            pass  # the step that reads it reports it missing, as in a local build

    text = member.text
    if text is not None:
        for path in (*text.sources, text.metadata, text.notes):
            take(EDITION, edition, path)
    take(OUTPUT, out, member.tei)
    data = files.get((OUTPUT, member.tei.relative_to(out).as_posix()))
    if data is not None:
        for path in _beside(data, member.tei):
            take(OUTPUT, out, path)
    known = {name: file_digest(out / name) for step in ("html", "pdf")
             for name in previous.get(step, {}).get("files", {})}
    return tuple((root, name, blob) for (root, name), blob in files.items()), known


def _beside(data: bytes, tei: Path) -> list[Path]:
    """The files a TEI file reads beside it: what it includes, the images it names. It is
    parsed only when it mentions either (as the build's own steps decide)."""
    if XI.encode() not in data and b"url=" not in data:
        return []
    try:
        tree = parse_tei(data, path=str(tei))
    except TeieditionError:
        return []  # the validation step reports it
    folder = tei.parent.resolve()
    found = [inc.path for inc in resolve_xincludes(tree, tei.parent) if inc.path is not None]
    for url in image_urls(tree):
        path = (folder / url).resolve()
        if path.is_relative_to(folder) and path.suffix.lower() in IMAGE_SUFFIXES and \
                path.is_file() and path.stat().st_size <= MAX_IMAGE_BYTES:
            found.append(path)
    # relative to the TEI file's folder as the client names it (not resolved)
    return [tei.parent / path.relative_to(folder) for path in found
            if path.is_relative_to(folder)]


# Saxon and Typst are not known to be safe in several threads of one process; a Dask worker
# has as many threads as cores unless told otherwise, so a worker builds one document at a
# time (workers are meant to be started with --nthreads 1: docs/build.md).
_ONE_AT_A_TIME = threading.Lock()


def build_parcel(parcel: Parcel, settings: Settings, register: bytes | None) -> Delivery:
    """Build one document on a worker (see the module's docstring)."""
    if fingerprints() != parcel.prints:
        raise OtherCode("this worker runs other code than the client (teiedition, its "
                        "stylesheets, schema or the libraries differ): install the same "
                        "version on every worker")
    with _ONE_AT_A_TIME:
        cwd = Path(parcel.cwd)
        files, known = (parcel.files, parcel.known) if parcel.files is not None else \
            gather(_move(parcel.member, {Path("."): cwd}), cwd / parcel.edition,
                   cwd / settings.out, parcel.previous)
        with _scratch_folder(sum(len(data) for _, _, data in files)) as scratch:
            roots = {EDITION: Path(scratch) / EDITION, OUTPUT: Path(scratch) / OUTPUT}
            for root, name, data in files:
                target = roots[root] / name
                if not target.resolve().is_relative_to(roots[root].resolve()):
                    raise TeieditionError(f"a parcel names a file outside its folder: {name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
            roots[OUTPUT].mkdir(exist_ok=True)
            moves = {parcel.edition: roots[EDITION], settings.out: roots[OUTPUT]}
            local_register = _register_file(settings.register_digest, register,
                                            cwd / settings.register) \
                if settings.register is not None else None
            if local_register is not None:
                moves[settings.register] = local_register
            member = _move(parcel.member, moves)
            outputs = RecordingOutputs(roots[OUTPUT], known)
            result = build_document(member, dataclasses.replace(
                settings, out=roots[OUTPUT], register=local_register), parcel.previous, outputs)
            back = {str(there): str(here) for here, there in moves.items()}
            return Delivery(_map_strings(result, back), tuple(outputs.changes))


#: A file system in memory (Linux's), where a worker has one: a small document's scratch
#: folder goes there when it has ``MEMORY_ROOM`` free, as files written and removed on a
#: disk wait on its journal (measured: 2 to 3 ms of a worker's processor time for a page
#: of 400 words, which takes about 17 ms to build). Larger documents use the temporary
#: folder (TMPDIR): their outputs (PDF volumes) could fill a small one (64 MB in a
#: container by default).
MEMORY_FS = Path("/dev/shm")
MEMORY_ROOM = 256 * 1024 * 1024
#: Documents with at most this much input count as small (the cluster groups them too).
SMALL_INPUT = 256 * 1024


@contextlib.contextmanager
def _scratch_folder(size: int) -> Iterator[str]:
    """A private scratch folder for a document of ``size`` bytes of input, removed after it
    by :func:`_remover`'s thread."""
    folder = tempfile.mkdtemp(prefix="teiedition-doc-", dir=_memory_fs() if
                              size <= SMALL_INPUT else None)
    try:
        yield folder
    finally:
        _remover().remove(folder)


def _memory_fs() -> str | None:
    """The memory file system, when it is there, writable and has room; else None."""
    try:
        roomy = shutil.disk_usage(MEMORY_FS).free >= MEMORY_ROOM
    except OSError:
        return None
    return str(MEMORY_FS) if roomy and os.access(MEMORY_FS, os.W_OK) else None


class _Remover:
    """Removes finished documents' scratch folders in a thread of its own: removing files
    waits on the file system's journal (measured: 5 ms a document on a busy disk, a
    quarter of building a small page), which need not hold up the next document. At most
    ``backlog`` wait; the thread finishes them before the process exits."""

    def __init__(self, backlog: int = 8) -> None:
        self.backlog = backlog
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="teiedition-scratch")
        self.pending: collections.deque[Future[None]] = collections.deque()
        self.lock = threading.Lock()

    def remove(self, folder: str) -> None:
        with self.lock:
            while len(self.pending) >= self.backlog:
                self.pending.popleft().result()
            self.pending.append(self.pool.submit(shutil.rmtree, folder, ignore_errors=True))


@functools.cache
def _remover() -> _Remover:
    return _Remover()


def deliver(delivery: Delivery, out: Path) -> DocumentResult:
    """Apply a worker's changes to the output folder (on the client)."""
    apply_changes(out, delivery.changes)
    return delivery.result


@functools.cache
def _worker_folder() -> Path:
    """A folder of this worker process, for what its documents share (the register)."""
    folder = Path(tempfile.mkdtemp(prefix=f"teiedition-worker-{os.getpid()}-"))
    import atexit
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    return folder


def _register_file(sha: str | None, data: bytes | None, shared: Path) -> Path:
    """The register at a path that stays the same for its content, so that it is read and
    indexed once per worker (document.load_register keeps it by path and digest); without
    ``data`` (a shared file system) it is read from the client's path ``shared``."""
    path = _worker_folder() / str(sha) / shared.name  # its name is recorded in the TEI
    if not path.is_file():
        write_atomic(path, data if data is not None else read_bytes(shared, what="register"),
                     force=True)
    return path


def _move(member: Member, moves: Mapping[Path, Path]) -> Member:
    def moved(path: Path | None) -> Path | None:
        if path is None:
            return None
        # the deepest folder first: the output folder may lie inside the edition's
        for here, there in sorted(moves.items(), key=lambda m: -len(m[0].parts)):
            if path.is_relative_to(here):
                return there / path.relative_to(here)
        return path

    text = member.text
    if text is not None:
        text = dataclasses.replace(text, source=moved(text.source), metadata=moved(text.metadata),
                                   notes=moved(text.notes),
                                   pages=tuple(moved(p) for p in text.pages))
    return dataclasses.replace(member, tei=moved(member.tei), text=text)


def _map_strings(value: Any, back: Mapping[str, str]) -> Any:
    """``value`` with every path of the scratch folder in its strings given as the client's."""
    if isinstance(value, str):
        for there, here in back.items():
            if there in value:
                value = value.replace(there + "/", "" if here == "." else here + "/")
                value = value.replace(there, here)
        return value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _map_strings(getattr(value, f.name), back)
                                             for f in dataclasses.fields(value) if f.init})
    if isinstance(value, tuple):
        return tuple(_map_strings(v, back) for v in value)
    if isinstance(value, list):
        return [_map_strings(v, back) for v in value]
    if isinstance(value, dict):
        return {_map_strings(k, back): _map_strings(v, back) for k, v in value.items()}
    return value
