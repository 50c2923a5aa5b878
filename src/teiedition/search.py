"""The edition's search index (issue 17), made with Pagefind (the ``pagefind`` package from
PyPI and its binary: nothing is downloaded).

Each block of a text page that has a permalink — a paragraph, a note at the foot of the
page, a verse line, a speech, an apparatus entry — is one record, so that a result leads
to the paragraph itself (``NAME.html#p12``). A record carries filters: its text's title,
the persons, places and organisations it names (their preferred names, from the links to
the index pages) and the years of its dates. The index is made from the rendered pages,
so it holds exactly the words a reader sees (the normalised reading).
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Iterator, Mapping

from lxml import html

from .errors import TeieditionError

#: The folder of the index inside the HTML edition.
FOLDER = "pagefind"
#: Where a search result may land: blocks with an id (paragraphs, list items, and these
#: classes: verse lines, speeches...), the outermost ones (a speech, not also each of its
#: lines), and the notes.
_CLASSES = frozenset(("tei-l", "tei-sp", "tei-ab", "tei-u", "tei-item", "note-block"))
_NOTES = "//section[contains(@class, 'notes')]/ol/li[@id]"
#: The names of a block, each marked by its kind (a link, or a name inside a link).
_NAMES = ".//*[self::a or self::span[@data-href]][contains(concat(' ', @class, ' '), ' name ')]"
#: Parts of a page that are not text to find (pop-up copies of notes, buttons, markers).
_SKIP = ("note-popover", "note-open", "permalink", "reading-diplomatic", "line-number")
_KINDS = {"person": "person", "place": "place", "org": "organisation", "event": "event"}


@dataclass(frozen=True)
class Record:
    """One searchable block: where it is, its words, its filters."""

    url: str
    title: str
    content: str
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


def records(pages: Mapping[str, str]) -> list[Record]:
    """The records of the text pages among ``pages`` (file name → HTML): every page with a
    ``main#text``."""
    found: list[Record] = []
    for name, text in sorted(pages.items()):
        if not name.endswith(".html"):
            continue
        page = html.document_fromstring(text)
        if not page.xpath("//main[@id='text']"):
            continue
        title = " ".join(page.findtext(".//title", default=name).split())
        blocks = [block for main in page.xpath("//main") for block in _outermost_blocks(main)]
        for block in blocks + page.xpath(_NOTES):
            content = _words(block)
            if not content:
                continue
            filters: dict[str, tuple[str, ...]] = {"text": (title,)}
            named = [(a.get("class") or "", a) for a in block.xpath(_NAMES)]
            for cls, kind in _KINDS.items():
                names = sorted({a.get("title") or " ".join(a.text_content().split())
                                for classes, a in named if cls in classes})
                if names:
                    filters[kind] = tuple(names)
            years = sorted({value[:4] for value in block.xpath(".//span[@data-value]/@data-value")
                            if value[:4].isdigit()})
            if years:
                filters["year"] = tuple(years)
            found.append(Record(f"{name}#{block.get('id')}", title, content, filters))
    return found


def _outermost_blocks(parent: html.HtmlElement) -> Iterator[html.HtmlElement]:
    """The blocks with an id inside ``parent``, in document order, not those inside another.
    (Walked here: an XPath asking each element for such an ancestor took seconds on a long
    page.)"""
    for child in parent:
        if not isinstance(child.tag, str):
            continue
        if child.get("id") is not None and (
                child.tag in ("p", "li") or not _CLASSES.isdisjoint((child.get("class") or "").split())):
            yield child
        else:
            yield from _outermost_blocks(child)


def _words(element: html.HtmlElement) -> str:
    parts: list[str] = []

    def walk(el: html.HtmlElement) -> None:
        classes = (el.get("class") or "").split() if isinstance(el.tag, str) else []
        if isinstance(el.tag, str) and not any(c in classes for c in _SKIP):
            parts.append(el.text or "")
            for child in el:
                walk(child)
        parts.append(el.tail or "")

    parts.append(element.text or "")
    for child in element:
        walk(child)
    return " ".join("".join(parts).split())


def search_index(pages: Mapping[str, str], *, language: str = "en") -> dict[str, bytes]:
    """The Pagefind bundle for the text pages among ``pages``: path in the edition
    (``pagefind/...``) → bytes, with Pagefind's own search interface."""
    found = records(pages)
    try:
        return _index(found, language)
    except (OSError, ValueError) as err:  # the binary missing, failing, or talking nonsense
        raise TeieditionError(f"the search index could not be made with Pagefind: {err}") \
            from None


def _index(found: list[Record], language: str) -> dict[str, bytes]:
    """Pagefind's files for the records, made by its binary's service.

    (The service is asked directly, in the messages of the Python package's own client,
    because that client reads the answers at most ten a second: an edition of a few
    thousand paragraphs took minutes. Here every record is sent at once, and the files are
    asked for once every record is in.)"""
    from pagefind.service import get_executable

    binary = get_executable()
    if binary is None:
        raise OSError("its binary is not installed (the pagefind[bin] package)")
    with tempfile.TemporaryDirectory(prefix="teiedition-search-") as folder, \
            tempfile.TemporaryFile() as errors:
        service = _Service(binary, cwd=folder, errors=errors)
        try:
            index = service.ask([{"type": "NewIndex", "config": {"force_language": language}}])
            index_id = index[0]["index_id"]
            service.ask([{"type": "AddRecord", "index_id": index_id, "url": record.url,
                          "content": record.content, "language": language,
                          "meta": {"title": record.title}, "sort": None,
                          "filters": {key: list(values) for key, values in record.filters.items()}}
                         for record in found])
            # (The files in the answer, not written to a folder: the service may still be
            # writing some when it answers.)
            made = service.ask([{"type": "GetFiles", "index_id": index_id}])[0]["files"]
        finally:
            service.close()
    files: dict[str, bytes] = {}
    for file in made:
        path = PurePosixPath(str(file["path"]).lstrip("/"))
        if ".." in path.parts or not path.parts:
            raise OSError(f"it named a file outside its folder: {file['path']}")
        files[f"{FOLDER}/{path.as_posix()}"] = base64.b64decode(file["content"])
    return _deterministic(files)


class _Service:
    """Pagefind's binary run as a service: requests and answers as base64 JSON messages, each
    ended by a comma, on its standard input and output."""

    def __init__(self, binary: Path, *, cwd: str, errors: Any) -> None:
        self._process = subprocess.Popen([str(binary), "--service"], cwd=cwd,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=errors)
        self._errors = errors
        self._next = 0
        self._pending = b""

    def ask(self, requests: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send the requests and wait for an answer to each (in the order of the requests).
        They are written from a thread of their own while the answers are read: the service
        answers as it goes, and a full pipe either way would stop both."""
        first = self._next
        self._next += len(requests)
        data = b"".join(base64.b64encode(json.dumps(
            {"message_id": first + number, "payload": request}).encode("utf-8")) + b","
            for number, request in enumerate(requests))
        assert self._process.stdin is not None and self._process.stdout is not None
        stdin = self._process.stdin

        def write() -> None:
            try:
                stdin.write(data)
                stdin.flush()
            except BrokenPipeError:  # it ended; what it said is read below
                pass

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answers: dict[int, dict[str, Any]] = {}
        while len(answers) < len(requests):
            chunk = self._process.stdout.read1(1 << 20)
            if not chunk:
                raise OSError(f"Pagefind ended: {self._said()}")
            *messages, self._pending = (self._pending + chunk).split(b",")
            for message in messages:
                answer = json.loads(base64.b64decode(message))
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    raise OSError(f"Pagefind: {payload.get('message')}")
                answers[answer.get("message_id")] = payload
        writer.join()
        return [answers[first + number] for number in range(len(requests))]

    def _said(self) -> str:
        self._errors.seek(0)
        return self._errors.read().decode("utf-8", "replace").strip()[-500:] or "no message"

    def close(self) -> None:
        if self._process.stdin is not None:
            self._process.stdin.close()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()


#: The header Pagefind puts before the CBOR of its compressed files.
_HEADER = b"pagefind_dcd"


def _deterministic(files: dict[str, bytes]) -> dict[str, bytes]:
    """The same edition gives the same index, byte for byte.

    Pagefind lists a filter's values in the order of a hash map, which changes from run to
    run, names each filter file by a hash of those bytes, and gzips the index's metadata
    (which names the filter files) with the time of the run. So each filter's values are
    put in order and the file named by a hash of its content, and the metadata, its
    filters in order and pointing to the new names, is compressed again without a time,
    named by its content and pointed to from ``pagefind-entry.json``. Only the order
    changes: Pagefind's script reads the values into a map."""
    import cbor2

    renamed: dict[str, str] = {}
    for name in sorted(n for n in files if n.endswith(".pf_filter")):
        folder, old = name.rsplit("/", 1)
        old = old.removesuffix(".pf_filter")
        filter_name, values = _cbor(files.pop(name))
        content = _HEADER + cbor2.dumps([filter_name, sorted(values, key=lambda v: v[0])])
        new = f"{old.split('_', 1)[0]}_{hashlib.sha256(content).hexdigest()[:7]}"
        files[f"{folder}/{new}.pf_filter"] = gzip.compress(content, mtime=0)
        renamed[old] = new
    entry_name = f"{FOLDER}/pagefind-entry.json"
    entry = files.get(entry_name, b"").decode("utf-8")
    for name in [n for n in files if n.endswith(".pf_meta")]:
        meta = _cbor(files.pop(name))
        # [version, pages, index chunks, filters: [[name, file], ...], sorts, meta fields]
        if not (isinstance(meta, list) and len(meta) > 3 and all(
                isinstance(f, list) and len(f) == 2 and f[1] in renamed for f in meta[3])):
            raise TeieditionError("Pagefind wrote an index this version of teiedition cannot read")
        meta[3] = sorted([[f, renamed.get(file, file)] for f, file in meta[3]])
        content = _HEADER + cbor2.dumps(meta)
        old = name.rsplit("/", 1)[1].removeprefix("pagefind.").removesuffix(".pf_meta")
        new = f"{old.split('_', 1)[0]}_{hashlib.sha256(content).hexdigest()[:10]}"
        files[f"{FOLDER}/pagefind.{new}.pf_meta"] = gzip.compress(content, mtime=0)
        entry = entry.replace(f'"{old}"', f'"{new}"')
    if entry:
        files[entry_name] = entry.encode("utf-8")
    return dict(sorted(files.items()))


def _cbor(data: bytes) -> Any:
    """The CBOR value of one of Pagefind's compressed files."""
    import cbor2

    content = gzip.decompress(data)
    if not content.startswith(_HEADER):
        raise TeieditionError("Pagefind wrote an index this version of teiedition cannot read")
    return cbor2.loads(content[len(_HEADER):])
