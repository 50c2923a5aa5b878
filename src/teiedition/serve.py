"""``teiedition serve``: the HTML edition over HTTP on this machine, for a preview (issue 17).

The standard library's ``http.server``, restricted: only files inside the folder are
served (``..`` and its encoded forms are dropped by the handler; a symbolic link that
leads out of the folder, and hidden files, are not found), never a directory listing, with
the content types the edition's files need. It binds to the loopback address unless told
otherwise.
"""

from __future__ import annotations

import http.server
import os
from functools import partial
from pathlib import Path
from typing import Any, Callable

from .errors import InputError

LOOPBACK = "127.0.0.1"


class EditionHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the files of one folder, and nothing else."""

    extensions_map = {
        ".html": "text/html; charset=utf-8", ".htm": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
        ".mjs": "text/javascript; charset=utf-8", ".json": "application/json",
        ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg",
        ".jpeg": "image/jpeg", ".gif": "image/gif", ".webp": "image/webp",
        ".pdf": "application/pdf", ".xml": "application/xml", ".txt": "text/plain; charset=utf-8",
        ".woff2": "font/woff2", ".woff": "font/woff", ".wasm": "application/wasm",
        "": "application/octet-stream",
    }

    def __init__(self, *args: Any, directory: str, log: Callable[[str], None] | None = None,
                 **kwargs: Any) -> None:
        self._log = log
        super().__init__(*args, directory=directory, **kwargs)

    def send_head(self) -> Any:
        root = Path(self.directory).resolve()
        try:
            target = Path(self.translate_path(self.path)).resolve()
        except (ValueError, OSError):  # a NUL byte (%00), a name the system refuses
            self.send_error(404, "File not found")
            return None
        relative = target.relative_to(root).parts if target.is_relative_to(root) else None
        # A link that leads out of the folder, or a hidden file (an atomic write's
        # temporary file), is not there for a reader.
        if relative is None or any(part.startswith(".") for part in relative):
            self.send_error(404, "File not found")
            return None
        return super().send_head()

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(404, "File not found")
        return None

    def end_headers(self) -> None:
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        if self._log:
            self._log(f"{self.address_string()} {format % args}")


def make_server(folder: Path, *, host: str = LOOPBACK, port: int = 0,
                log: Callable[[str], None] | None = None) -> http.server.ThreadingHTTPServer:
    """A server of ``folder`` bound to ``host``:``port`` (0: a free port); call its
    ``serve_forever()``, and ``server_close()`` when done."""
    if not folder.is_dir():
        raise InputError("no such folder to serve (build the edition first)", path=str(folder))
    handler = partial(EditionHandler, directory=str(folder.resolve()), log=log)
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as err:
        raise InputError(f"cannot listen on {host} port {port}: {err.strerror or err}") from None
    server.daemon_threads = True
    return server


def server_url(server: http.server.ThreadingHTTPServer) -> str:
    host, port = server.server_address[:2]
    return f"http://{host}:{port}/"
