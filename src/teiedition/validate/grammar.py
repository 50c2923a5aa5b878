"""Reading a RELAX NG grammar (XML syntax): the name an element pattern matches, and the
patterns an element's content reaches through its defines. Shared by the messages that
say what an element may hold (expect.py) and which attributes it allows (attributes.py).
"""

from __future__ import annotations

from typing import Iterator

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"


def written_name(pattern: etree._Element) -> tuple[str, etree._Element] | None:
    """The name an ``<element>`` or ``<attribute>`` pattern is written with (its @name, else
    its ``<name>`` child) and the node holding it (whose declarations resolve a prefix), or
    None for a name class."""
    name = pattern.get("name")
    if name is not None:
        return name, pattern
    first = next((c for c in pattern if isinstance(c.tag, str)), None)
    if first is None or first.tag != _R + "name" or not first.text:
        return None
    return first.text.strip(), first


def element_name(element: etree._Element) -> tuple[str, str] | None:
    """The one (namespace, local name) an ``<element>`` matches, or None for a name class."""
    written = written_name(element)
    if written is None:
        return None
    name, holder = written
    if ":" in name:
        prefix, local = name.split(":", 1)
        return holder.nsmap.get(prefix, ""), local
    return inherited_ns(holder), name


def inherited_ns(element: etree._Element) -> str:
    for node in (element, *element.iterancestors()):
        ns = node.get("ns")
        if ns is not None:
            return ns
    return ""


def defines_of(grammar: etree._ElementTree) -> dict[str, list[etree._Element]]:
    """The grammar's defines by name (a name may have several, combined)."""
    defines: dict[str, list[etree._Element]] = {}
    for define in grammar.getroot().iter(_R + "define"):
        defines.setdefault(define.get("name", ""), []).append(define)
    return defines


def reachable_patterns(pattern: etree._Element, defines: dict[str, list[etree._Element]]
                       ) -> Iterator[etree._Element]:
    """The ``<element>`` and ``<attribute>`` patterns the content of an element pattern
    reaches, each ref followed once; those patterns are not entered (what an element inside
    may hold is its own)."""
    todo, seen = list(pattern), set()
    while todo:
        node = todo.pop()
        if not isinstance(node.tag, str):
            continue
        if node.tag in (_R + "element", _R + "attribute"):
            yield node
            continue
        if node.tag == _R + "ref" and node.get("name") not in seen:
            seen.add(node.get("name"))
            todo.extend(c for d in defines.get(node.get("name", ""), []) for c in d)
        todo.extend(node)
