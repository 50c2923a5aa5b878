"""A validation worker that stays warm between runs (issue 16: one file faster than Jing).

A run of ``teiedition validate`` pays for compiling its schemas before the first
file: for a 2 MB text against ``tei_all.rng``, the diagnostic grammar alone takes
about a second, as long as Jing's whole run. The worker is a process that keeps
the compiled schemas (a :class:`~teiedition.validate.Validator`) and checks the
files that later runs send it:

- **Started on demand**, by the first run that needs it, and **one per user and
  configuration**: it listens on a Unix socket named after a SHA-256 of the
  schema files' bytes and the options (:func:`worker_key`), so a changed schema
  meets a new worker, never an old verdict. Schemas that include other files are
  checked in the run's own process (the key would not cover those files).
- **Private:** the socket lives in ``$XDG_RUNTIME_DIR/teiedition`` (else in the
  cache folder, ``workers/``), a folder only the user may enter (mode 0700, owned
  by the user; otherwise the worker is not used, and the run says why).
- **Safe when runs race:** a worker holds a lock on its key while it lives; two
  runs that start one at once start two processes, of which one serves and the
  other leaves. Requests are served one at a time.
- **Idle timeout:** it leaves after :data:`IDLE_SECONDS` without a request, or
  within a second once its socket is deleted. :func:`stop_workers` (``python -m
  teiedition.validate.worker stop``) stops them at once.
- **Never needed:** when the worker cannot be reached or answers wrongly, the run
  says so once on standard error and checks the files in its own process, with
  the same result.
"""

from __future__ import annotations

import argparse
import dataclasses
import fcntl
import json
import os
import socket
import stat
import struct
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..resources import resource_dir
from .cache import default_folder, digest
from .problems import FileReport, Problem

#: A worker leaves after this long without a request.
IDLE_SECONDS = 600.0
#: How long a run waits for a worker it started to listen.
START_SECONDS = 20.0
#: Unix socket paths are limited to about 108 bytes.
_MAX_SOCKET_PATH = 100
_HEADER = struct.Struct(">IQ")


class WorkerUnusable(Exception):
    """The worker cannot be used for this run (the reason is the message)."""


@dataclass(frozen=True)
class Settings:
    """What a :class:`~teiedition.validate.Validator` is made from (schema paths absolute)."""

    schemas: tuple[str, ...] = ("project",)
    require_review: bool = False
    embedded_rules: bool = True
    strict: bool = False
    xinclude: bool = True

    def absolute(self) -> "Settings":
        """The same settings with each schema file's path made absolute."""
        return dataclasses.replace(self, schemas=tuple(
            s if s == "project" else str(Path(s).resolve()) for s in self.schemas))

    def validator(self) -> Any:
        """A validator made from these settings, in this process."""
        from . import Validator
        return Validator(self.schemas, require_review=self.require_review,
                         embedded_rules=self.embedded_rules, strict=self.strict,
                         xinclude=self.xinclude)


def runtime_folder() -> Path:
    """``$XDG_RUNTIME_DIR/teiedition``, else ``workers/`` in the user's cache folder."""
    base = os.environ.get("XDG_RUNTIME_DIR")
    return Path(base) / "teiedition" if base else default_folder() / "workers"


def worker_key(settings: Settings) -> str | None:
    """A SHA-256 of the settings, of every schema file's bytes and of the validation code
    (with teiedition's version); None when a schema includes other files (the key would
    not cover them)."""
    from .schemas import SchemaFile
    # The code too (an upgrade, or an edit of an installed checkout): its files' times.
    code = sorted((p.name, p.stat().st_mtime_ns) for p in Path(__file__).parent.glob("*.py"))
    parts: list[bytes | str] = [sys.executable, json.dumps(asdict(settings)), repr(code)]
    for spec in settings.schemas:
        if spec == "project":
            files = sorted(p for p in resource_dir("schema").iterdir() if p.is_file())
        else:
            try:
                source = SchemaFile(Path(spec))
            except Exception:  # not found: the run in this process says so in its words
                return None
            if not source.self_contained:
                return None
            files = [source.path]
        for path in files:
            parts += [str(path), path.read_bytes()]
    return digest("validation-worker", *parts)[:32]


def private_folder(folder: Path) -> Path:
    """``folder``, created with mode 0700; :class:`WorkerUnusable` when anyone but the
    user could enter it."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        status = os.lstat(folder)
    except OSError as err:
        raise WorkerUnusable(f"cannot create {folder}: {err.strerror}") from None
    if not stat.S_ISDIR(status.st_mode) or status.st_uid != os.getuid() or \
            status.st_mode & 0o077:
        raise WorkerUnusable(f"{folder} is not a folder that only you can enter (mode "
                             f"{stat.S_IMODE(status.st_mode):o}; 700 is needed)")
    return folder


def _send(conn: socket.socket, header: dict[str, Any], data: bytes = b"") -> None:
    body = json.dumps(header).encode("utf-8")
    conn.sendall(_HEADER.pack(len(body), len(data)) + body + data)


def _receive(conn: socket.socket) -> tuple[dict[str, Any], bytes]:
    head = _read(conn, _HEADER.size)
    size, data_size = _HEADER.unpack(head)
    header = json.loads(_read(conn, size))
    return header, _read(conn, data_size)


def _read(conn: socket.socket, size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = conn.recv(min(left, 1 << 20))
        if not chunk:
            raise ConnectionError("the connection closed early")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


class WorkerClient:
    """Checks files in the user's warm worker for ``settings``, starting it when needed;
    in this process when the worker cannot be used. Used as a Validator is."""

    def __init__(self, settings: Settings, *, folder: Path | None = None,
                 idle: float = IDLE_SECONDS) -> None:
        self.specs = settings.schemas
        self.settings = settings.absolute()
        self.folder = folder or runtime_folder()
        self.idle = idle
        #: Said once on standard error by the command.
        self.warnings: list[str] = []
        self._key = worker_key(self.settings)
        self._local: Any = None if self._key else self.settings.validator()
        #: A batch's size, told to the worker with the next file (see Validator.expect).
        self._expected = 0

    def expect(self, count: int) -> None:
        """As :meth:`Validator.expect`, for the worker (or this process's validator)."""
        if self._local is not None:
            self._local.expect(count)
        else:
            self._expected = count

    def check_bytes(self, data: bytes, path: str) -> FileReport:
        """Check one file's bytes, as :meth:`Validator.check_bytes` does."""
        if self._local is None:
            try:
                return self._ask(data, path)
            except WorkerUnusable as err:
                self.warnings.append(f"the validation worker is not usable ({err}); "
                                     "validating in this process")
                self._local = self.settings.validator()
        report: FileReport = self._local.check_bytes(data, path)
        self.warnings.extend(w for w in self._local.warnings if w not in self.warnings)
        return report

    def _ask(self, data: bytes, path: str) -> FileReport:
        # The document's own folder, as in this process (absolute: the worker has its own
        # working folder; links are not followed here, as Path(path).parent is not).
        folder = Path(path).absolute().parent if Path(path).is_file() else None
        request = {"path": path, "folder": str(folder) if folder else None}
        if self._expected:
            request["expect"], self._expected = self._expected, 0
        for attempt in (1, 2):  # a worker may leave (idle) just as the run connects
            try:
                with self._connect() as conn:
                    _send(conn, request, data)
                    answer, _ = _receive(conn)
                break
            except (OSError, ValueError) as err:
                if attempt == 2:
                    raise WorkerUnusable(f"no answer: {err}") from None
        if "error" in answer:
            raise WorkerUnusable(answer["error"])
        self.warnings.extend(w for w in answer.get("warnings", []) if w not in self.warnings)
        return FileReport(path, tuple(Problem(**p) for p in answer["problems"]),
                          answer["seconds"])

    def socket_path(self) -> Path:
        """Where this configuration's worker listens."""
        return self.folder / f"{self._key}.sock"

    def _connect(self) -> socket.socket:
        private_folder(self.folder)
        path = self.socket_path()
        if len(str(path)) > _MAX_SOCKET_PATH:
            raise WorkerUnusable(f"the socket path {path} is too long")
        try:
            return _connected(path)
        except (FileNotFoundError, ConnectionRefusedError):
            pass  # no worker listens yet: start one
        self._start()
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                return _connected(path)
            except (FileNotFoundError, ConnectionRefusedError):
                if time.monotonic() > deadline:
                    raise WorkerUnusable(f"it did not start within {START_SECONDS:.0f} s; "
                                         f"see {self.folder / (self._key or '')}.log") from None
                time.sleep(0.01)

    def _start(self) -> None:
        log = os.open(self.folder / f"{self._key}.log", os.O_WRONLY | os.O_CREAT | os.O_TRUNC,
                      0o600)
        try:
            subprocess.Popen(
                [sys.executable, "-m", "teiedition.validate.worker", "serve", str(self.folder),
                 str(self._key), json.dumps(asdict(self.settings)), "--idle", str(self.idle)],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log, cwd=self.folder,
                start_new_session=True)  # not stopped by the run's Ctrl-C or its terminal
        finally:
            os.close(log)


def _connected(path: Path) -> socket.socket:
    conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        conn.connect(str(path))
    except OSError:
        conn.close()
        raise
    return conn


def serve(folder: Path, key: str, settings: Settings, *, idle: float = IDLE_SECONDS) -> None:
    """Run a worker: listen on ``folder/key.sock`` until idle for ``idle`` seconds, until the
    socket is deleted, or until asked to stop. Leaves at once if another worker has the key."""
    private_folder(folder)
    lock = os.open(folder / f"{key}.lock", os.O_WRONLY | os.O_CREAT, 0o600)
    # A worker that is leaving still holds the lock for a moment: wait for it briefly.
    deadline = time.monotonic() + 2.0
    while True:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() > deadline:
                return  # another worker serves this key
            time.sleep(0.05)
    path = folder / f"{key}.sock"
    path.unlink(missing_ok=True)  # left by a worker that was killed
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    os.chmod(path, 0o600)
    server.listen(64)
    server.settimeout(1.0)
    inode = path.stat().st_ino
    try:
        validator = settings.validator()
        last = time.monotonic()
        while True:
            try:
                conn, _ = server.accept()
            except TimeoutError:
                if time.monotonic() - last > idle or not _still_ours(path, inode):
                    break
                continue
            with conn:
                conn.settimeout(None)
                if not _answer(conn, validator):
                    break
            last = time.monotonic()
    finally:
        server.close()
        if _still_ours(path, inode):
            path.unlink()
        os.close(lock)


def _still_ours(path: Path, inode: int) -> bool:
    try:
        return path.stat().st_ino == inode
    except OSError:
        return False


def _answer(conn: socket.socket, validator: Any) -> bool:
    """Answer one request; False when it asks the worker to stop."""
    try:
        request, data = _receive(conn)
    except (OSError, ValueError):
        return True  # the run went away; nothing to answer
    if request.get("stop"):
        _send(conn, {"stopped": os.getpid()})
        return False
    try:
        folder = Path(request["folder"]) if request.get("folder") else None
        if isinstance(request.get("expect"), int):
            validator.expect(request["expect"])
        report, _ = validator.check_document(data, request["path"], folder)
        answer = {"problems": [asdict(p) for p in report.problems],
                  "seconds": report.seconds, "warnings": validator.warnings, "pid": os.getpid()}
    except Exception as err:  # the run checks in its own process and says why
        answer = {"error": f"{type(err).__name__}: {err}"}
    try:
        _send(conn, answer)
    except OSError:
        pass  # the run went away (it checks in its own process)
    return True


def make_validator(settings: Settings, *, worker: bool | None = None) -> Any:
    """A :class:`WorkerClient`, or a Validator in this process when ``worker`` is false
    (by default: when the ``CI`` environment variable is set, as a CI job runs once and
    would leave a worker behind)."""
    if worker is None:
        worker = not os.environ.get("CI")
    return WorkerClient(settings) if worker else settings.validator()


def stop_workers(folder: Path | None = None) -> int:
    """Ask every worker of the user (in ``folder``, by default :func:`runtime_folder`) to
    leave now; the number that did."""
    folder = folder or runtime_folder()
    stopped = 0
    for path in sorted(folder.glob("*.sock")) if folder.is_dir() else ():
        try:
            with _connected(path) as conn:
                _send(conn, {"stop": True})
                _receive(conn)
            stopped += 1
        except (OSError, ValueError):
            path.unlink(missing_ok=True)  # nobody listens there
    return stopped


def main(argv: list[str] | None = None) -> None:
    """``python -m teiedition.validate.worker serve|stop``."""
    parser = argparse.ArgumentParser(prog="python -m teiedition.validate.worker",
                                     description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("serve", help="run a worker (validate starts them itself)")
    run.add_argument("folder", type=Path)
    run.add_argument("key")
    run.add_argument("settings")
    run.add_argument("--idle", type=float, default=IDLE_SECONDS)
    commands.add_parser("stop", help="stop every validation worker of this user now")
    args = parser.parse_args(argv)
    if args.command == "serve":
        settings = json.loads(args.settings)
        settings["schemas"] = tuple(settings["schemas"])
        serve(args.folder, args.key, Settings(**settings), idle=args.idle)
    else:
        print(f"{stop_workers()} validation worker(s) stopped")


if __name__ == "__main__":
    main()
