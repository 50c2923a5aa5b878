"""What teiedition derives from a schema, kept between runs in the user's cache folder.

Reducing ``tei_all.rng`` to a document's elements and compiling its embedded
Schematron to XSLT take about 0.2 s, a third of a one-file run; both depend
only on the schema's bytes (and the element names), so they are kept in
``$XDG_CACHE_HOME/teiedition`` (``~/.cache/teiedition`` by default).

- **Never stale:** an entry's key is a SHA-256 of everything it depends on:
  the schema file's bytes, the element names, the kind of entry, and the
  versions of teiedition and lxml (whose ISO Schematron skeleton compiles the
  rules). Schemas that include other files are not cached, since the key
  would not cover those files.
- **Never trusted blindly:** each entry starts with the SHA-256 of its content;
  a damaged entry is reported, ignored and rewritten.
- **Safe when runs race:** an entry is written to a temporary file in the same
  folder, flushed and renamed over the old one, so a reader sees a whole entry
  or none; two runs writing the same key write the same bytes.
- **Optional:** when the folder cannot be created or written, the run says so
  once and goes on without it, with the same result.

Nothing is written outside the cache folder. Delete the folder to clear it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from lxml import etree

#: Bump when what is cached changes shape.
FORMAT = "4"
_MAGIC = b"teiedition-cache "


def default_folder() -> Path:
    """``$XDG_CACHE_HOME/teiedition``, or ``~/.cache/teiedition``."""
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "teiedition"


def digest(*parts: bytes | str) -> str:
    """A SHA-256 of ``parts`` and of the code that derives the cached entries."""
    from .. import __version__
    sha = hashlib.sha256()
    for part in (FORMAT, __version__, etree.__version__, *parts):
        data = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


class SchemaCache:
    """Entries by kind and key in one folder; None as the folder: no cache at all."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        #: What went wrong with the cache, for the caller to show (each said once).
        self.warnings: list[str] = []

    def get(self, kind: str, key: str) -> bytes | None:
        """The entry's content, or None when it is absent or damaged."""
        if self.folder is None:
            return None
        path = self.folder / kind / f"{key}.entry"
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as err:
            self._give_up(f"cannot read {path}: {err.strerror}")
            return None
        head, _, content = data.partition(b"\n")
        if head != _MAGIC + hashlib.sha256(content).hexdigest().encode("ascii"):
            self._warn(f"the cache entry {path} is damaged; it is compiled again and replaced")
            return None
        return content

    def put(self, kind: str, key: str, content: bytes) -> None:
        """Store an entry atomically; a failure only switches the cache off for the run."""
        if self.folder is None:
            return
        folder = self.folder / kind
        data = _MAGIC + hashlib.sha256(content).hexdigest().encode("ascii") + b"\n" + content
        try:
            folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".", suffix=".tmp")
        except OSError as err:
            self._give_up(f"cannot write to {folder}: {err.strerror}")
            return
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(data)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, folder / f"{key}.entry")
        except OSError as err:
            Path(temporary).unlink(missing_ok=True)
            self._give_up(f"cannot write to {folder}: {err.strerror}")

    def _give_up(self, reason: str) -> None:
        self._warn(f"the schema cache is not usable ({reason}); validating without it")
        self.folder = None

    def _warn(self, message: str) -> None:
        if message not in self.warnings:
            self.warnings.append(message)
