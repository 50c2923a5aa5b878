"""XInclude as validators do it (Jing, Oxygen), without trusting the document.

Real TEI projects share headers, taxonomies and prefix lists through
``xi:include``, most with an ``xi:fallback`` for readers who lack the target.
Jing and Oxygen process them before validating, so some files are valid only
that way (issue 16). lxml's own ``tree.xinclude()`` would read any local file
and is never used on user input (FACTS.md); here each target is checked first:

- only a relative reference to a file inside the document's folder (after
  resolving ``..`` and symbolic links) is read, never a URL of any scheme;
- the target is parsed with the same safe parser as the document;
- nesting depth, include loops and the total size read are bounded;
- ``parse="text"`` includes the file as text; an ``xpointer`` that is a bare
  name selects the element with that ``xml:id``; other XPointer schemes are
  not supported.

When a target cannot be used, the include is replaced by its ``xi:fallback``;
without one, it is removed and the failure reported as an error, as Jing
stops at it. Every include that was not simply resolved is reported.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from lxml import etree

from .xmlparse import parse_bytes

XI = "http://www.w3.org/2001/XInclude"
XI_INCLUDE = f"{{{XI}}}include"
XI_FALLBACK = f"{{{XI}}}fallback"
MAX_DEPTH = 8
MAX_BYTES = 100_000_000
_NAME = re.compile(r"[^\W\d][\w.-]*")

Outcome = Literal["included", "fallback", "failed"]


@dataclass(frozen=True)
class Inclusion:
    """What became of one ``xi:include`` of the document."""

    href: str
    outcome: Outcome
    line: int | None
    #: Why the target was not used (empty when it was included).
    reason: str = ""
    #: The file that was read (for a build to hash among the document's inputs).
    path: Path | None = None


@dataclass
class _Budget:
    bytes_left: int
    inclusions: list[Inclusion] = field(default_factory=list)


def resolve_xincludes(tree: etree._ElementTree, folder: Path | None, *,
                      max_depth: int = MAX_DEPTH, max_bytes: int = MAX_BYTES
                      ) -> tuple[Inclusion, ...]:
    """Replace the ``xi:include`` elements of ``tree`` in place; say what became of each.

    ``folder`` is the document's folder, the only place targets may come from
    (None: nothing is read, every include falls back). Included elements take
    the line of their ``xi:include``, so problems inside them point at it.
    """
    budget = _Budget(max_bytes)
    root_folder = folder.resolve() if folder is not None else None
    _resolve(tree.getroot(), root_folder, root_folder, (), max_depth, budget)
    return tuple(budget.inclusions)


def _resolve(root: etree._Element, base: Path | None, top: Path | None,
             chain: tuple[Path, ...], depth: int, budget: _Budget) -> None:
    includes = [e for e in root.iter(XI_INCLUDE)
                if not any(a.tag == XI_FALLBACK for a in e.iterancestors())]
    for include in includes:
        href = include.get("href", "")
        line = include.sourceline
        try:
            replacement, path = _target(include, base, top, chain, depth, budget)
        except _Refused as refused:
            _fall_back(include, href, line, str(refused), budget)
            continue
        budget.inclusions.append(Inclusion(href, "included", line, path=path))
        _replace(include, replacement, line)


class _Refused(Exception):
    """A target that is not read or cannot be used; the message says why."""


def _target(include: etree._Element, base: Path | None, top: Path | None,
            chain: tuple[Path, ...], depth: int, budget: _Budget
            ) -> tuple[list[etree._Element | str], Path]:
    href = include.get("href", "")
    parse = include.get("parse", "xml")
    if parse not in ("xml", "text"):
        raise _Refused(f'parse="{parse}" is not XInclude')
    if not href:
        raise _Refused("an include of the document itself is not supported")
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:", href) or href.startswith(("/", "\\")):
        raise _Refused("only files beside the document are read, never a URL or an "
                       "absolute path")
    if base is None or top is None:
        raise _Refused("the document has no folder to read includes from")
    path = (base / href.split("#")[0]).resolve()
    if not path.is_relative_to(top):
        raise _Refused("the target is outside the document's folder")
    if not path.is_file():
        raise _Refused("no such file")
    if path in chain or depth <= 0:
        raise _Refused("includes nest too deep or include themselves")
    size = path.stat().st_size
    if size > budget.bytes_left:
        raise _Refused("the includes are larger than allowed")
    budget.bytes_left -= size
    data = path.read_bytes()
    if parse == "text":
        try:
            return [data.decode(include.get("encoding") or "utf-8")], path
        except (UnicodeDecodeError, LookupError) as err:
            raise _Refused(f"the text cannot be decoded: {err}") from None
    parsed = parse_bytes(data, require_tei=False)
    if parsed.tree is None or parsed.problems:
        raise _Refused(parsed.problems[0].message if parsed.problems else "not XML")
    target = parsed.tree.getroot()
    _resolve(target, path.parent, top, chain + (path,), depth - 1, budget)
    pointer = include.get("xpointer")
    if pointer is None:
        return [target], path
    if not _NAME.fullmatch(pointer):
        raise _Refused(f'xpointer="{pointer}": only a bare xml:id is supported')
    found = target.xpath("descendant-or-self::*[@xml:id = $id][1]", id=pointer)
    if not found:
        raise _Refused(f'xpointer="{pointer}": no element has this xml:id')
    return [found[0]], path


def _fall_back(include: etree._Element, href: str, line: int | None, reason: str,
               budget: _Budget) -> None:
    fallback = include.find(XI_FALLBACK)
    if fallback is None:
        budget.inclusions.append(Inclusion(href, "failed", line, reason))
        _replace(include, [], line)
        return
    budget.inclusions.append(Inclusion(href, "fallback", line, reason))
    content: list[etree._Element | str] = [fallback.text] if fallback.text else []
    for child in fallback:
        tail, child.tail = child.tail, None
        content.append(child)
        if tail:
            content.append(tail)
    _replace(include, content, None)


def _replace(include: etree._Element, content: list[etree._Element | str],
             line: int | None) -> None:
    """Put ``content`` (elements and strings) where ``include`` stands, keeping its tail."""
    parent = include.getparent()
    if parent is None:  # an include as the root element: nothing to put it in
        return
    index = parent.index(include)
    tail = include.tail or ""
    pending = ""
    previous = include.getprevious()
    inserted: etree._Element | None = None
    for item in content:
        if isinstance(item, str):
            pending += item
            continue
        _attach_text(parent, previous if inserted is None else inserted, pending)
        pending = ""
        if line is not None:
            for element in item.iter():
                element.sourceline = line
        parent.insert(index, item)
        index += 1
        inserted = item
    parent.remove(include)
    _attach_text(parent, previous if inserted is None else inserted, pending + tail)


def _attach_text(parent: etree._Element, after: etree._Element | None, text: str) -> None:
    if not text:
        return
    if after is None:
        parent.text = (parent.text or "") + text
    else:
        after.tail = (after.tail or "") + text


def parse_with_includes(data: bytes, path: Path) -> tuple[etree._ElementTree, list[str]]:
    """A TEI file parsed safely (xmlparse.parse_tei) with its ``xi:include`` resolved from its
    own folder as validators do, for the outputs: the tree, and a message for each include
    that was replaced by its fallback or could not be read."""
    from .xmlparse import parse_tei
    tree = parse_tei(data, path=str(path))
    messages = [f'xi:include href="{inc.href}" (line {inc.line}): {inc.outcome}'
                + (f" ({inc.reason})" if inc.reason else "")
                for inc in resolve_xincludes(tree, path.parent) if inc.outcome != "included"]
    return tree, messages
