"""Images of a TEI document: the files its graphic and media elements name, found beside
the TEI file (issue 13).

Only files inside the TEI file's folder count: a @url with a scheme (http:, data:,
file:), an absolute path, or one that climbs out of the folder is never read, and nothing
is fetched from the network. The outputs copy what is found into the edition (HTML:
``media/STEM/...`` beside the page; PDF: into Typst's compile folder); an element whose
image is not there prints a labelled placeholder.
"""

from __future__ import annotations

import posixpath
from copy import deepcopy
from pathlib import Path
from typing import Mapping
from urllib.parse import unquote, urlsplit

from lxml import etree

from .tei import TEI_NS

#: Image formats both outputs can show (Typst: PNG, JPEG, GIF, SVG, WebP).
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
#: A larger file is not copied into the edition (it would not be read on the web either).
MAX_IMAGE_BYTES = 50 * 1024 * 1024
#: The attribute (in teiedition's own namespace) by which the stylesheets learn where an
#: element's image is in the output.
E_SRC = "{urn:teiedition}src"

_GRAPHICS = (f"{{{TEI_NS}}}graphic", f"{{{TEI_NS}}}media")


def image_urls(tree: etree._ElementTree | etree._Element) -> list[str]:
    """The local, relative image addresses a document names, in order, each once."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    urls = (_local(el.get("url") or "") for el in root.iter(*_GRAPHICS))
    return list(dict.fromkeys(u for u in urls if u))


def images_beside(tree: etree._ElementTree, folder: Path) -> dict[str, bytes]:
    """The images of ``tree`` that are files in ``folder`` (the TEI file's folder): its
    @url → the file's bytes. Missing, unreadable, oversized or unsupported files are left
    out (their elements print a placeholder)."""
    base = folder.resolve()
    found: dict[str, bytes] = {}
    for url in image_urls(tree):
        path = (base / url).resolve()
        if not path.is_relative_to(base) or path.suffix.lower() not in IMAGE_SUFFIXES:
            continue
        try:
            if not path.is_file() or path.stat().st_size > MAX_IMAGE_BYTES:
                continue
            found[url] = path.read_bytes()
        except OSError:
            continue
    return found


def media_path(stem: str, url: str) -> str:
    """Where an image of document ``stem`` goes in the output: media/STEM/URL."""
    return posixpath.join("media", stem, url)


def with_sources(tree: etree._ElementTree, images: Mapping[str, str]) -> etree._ElementTree:
    """A copy of ``tree`` whose graphic and media elements carry e:src, the place of their
    image in the output, for each @url in ``images``; the tree itself when there is none."""
    if not images:
        return tree
    copy = deepcopy(tree.getroot()).getroottree()
    for el in copy.getroot().iter(*_GRAPHICS):
        src = images.get(_local(el.get("url") or ""))
        if src:
            el.set(E_SRC, src)
    return copy


def _local(url: str) -> str:
    """A relative address inside the folder, normalised ("./a/../b.png" → "b.png"), or ""
    for one with a scheme, an absolute path, a query, or one that leaves the folder."""
    parts = urlsplit(url.strip())
    if parts.scheme or parts.netloc or parts.query or not parts.path:
        return ""
    path = unquote(parts.path).replace("\\", "/")
    if path.startswith("/"):
        return ""
    normal = posixpath.normpath(path)
    return "" if normal.startswith("..") or normal == "." else normal
