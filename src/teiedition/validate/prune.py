"""Which Schematron patterns can fire on a document, judged from its element names alone.

A pattern is dropped only when every rule's context is a plain path (steps,
predicates, ``/``, ``//``, ``|``, a final ``@attribute``) whose last element
step names, with a namespace prefix the schema declares, an element the
document does not contain: such a context matches no node of the document,
whatever its predicates say. A ``*`` step counts when its first predicate
requires an attribute (``tei:*[@when]``, ``tei:*[@from and …]``) that no
element of the document carries. Anything else (axes, functions, variables,
parentheses, abstract patterns) keeps the pattern.

``names`` holds (namespace, local name) of the document's elements and
("@", local name) of its attributes (see :func:`document_names`).
"""

from __future__ import annotations

import re
from typing import Iterator

from lxml import etree

ISO = "http://purl.oclc.org/dsdl/schematron"
_S = f"{{{ISO}}}"
_STEP = re.compile(r"([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*|\*)((?:\[.*\])*)", re.S)
_REQUIRED_ATTRIBUTE = re.compile(r"\[\s*@([A-Za-z_][\w.-]*)\s*(?:\]|and\s)", re.S)
Names = frozenset[tuple[str, str]]


def document_names(tree: etree._ElementTree) -> Names:
    """The element names and ("@", attribute local name) pairs a document uses."""
    # Distinct tags first, split once each: a QName per element cost a few ms a letter.
    tags: set[str] = set()
    attributes: set[str] = set()
    for element in tree.iter(etree.Element):
        tags.add(element.tag)
        attributes.update(element.keys())
    return frozenset({split_tag(tag) for tag in tags} |
                     {("@", split_tag(name)[1]) for name in attributes})


def split_tag(tag: str) -> tuple[str, str]:
    """(namespace, local name) of lxml's ``{namespace}local`` (or plain ``local``)."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def kept_patterns(schematron: etree._ElementTree, names: Names) -> Iterator[int]:
    """The positions (among the schema's patterns) of the patterns that may fire."""
    for index, targets in enumerate(pattern_targets(schematron)):
        if may_fire(targets, names):
            yield index


def pattern_targets(schematron: etree._ElementTree) -> list[Names | None]:
    """For each pattern, the names one of which a document needs for the pattern to fire
    (see :func:`context_elements`); None for a pattern that may fire on any document."""
    prefixes = {ns.get("prefix"): ns.get("uri") for ns in schematron.getroot().iter(_S + "ns")}
    return [_targets(pattern, prefixes)
            for pattern in schematron.getroot().iterchildren(_S + "pattern")]


def may_fire(targets: Names | None, names: Names) -> bool:
    """Whether a pattern with these :func:`pattern_targets` may fire on a document with
    these names."""
    return targets is None or not targets.isdisjoint(names)


def prune(schematron: etree._ElementTree, kept: tuple[int, ...]) -> etree._ElementTree:
    """A copy of the schema with only the patterns at the positions ``kept``."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(schematron),
                                              base_url=schematron.docinfo.URL))
    patterns = list(copy.getroot().iterchildren(_S + "pattern"))
    for index, pattern in enumerate(patterns):
        if index not in kept:
            copy.getroot().remove(pattern)
    return copy


def _targets(pattern: etree._Element, prefixes: dict[str | None, str | None]) -> Names | None:
    if pattern.get("abstract") == "true" or pattern.get("is-a"):
        return None
    rules = list(pattern.iter(_S + "rule"))
    if not rules:
        return None
    found: set[tuple[str, str]] = set()
    for rule in rules:
        targets = context_elements(rule.get("context", ""), prefixes)
        if targets is None:
            return None
        found |= targets
    return frozenset(found)


def context_elements(context: str, prefixes: dict[str | None, str | None]) -> Names | None:
    """The elements a rule context can match (the last element step of each branch), or
    ("@", name) for ``prefix:*[@name…]``; None when the context is not a plain path whose
    steps name them."""
    found: set[tuple[str, str]] = set()
    for branch in _split(context, "|"):
        steps = [step.strip() for step in _split(branch.strip(), "/")]
        steps = [step for step in steps if step]
        if steps and steps[-1].startswith("@") and re.fullmatch(r"@[\w.:-]+", steps[-1]):
            steps = steps[:-1]
        match = _STEP.fullmatch(steps[-1]) if steps else None
        if match is None or not _balanced(match.group(3)):
            return None
        uri = prefixes.get(match.group(1))
        if uri is None:
            return None
        if match.group(2) != "*":
            found.add((uri, match.group(2)))
            continue
        required = _REQUIRED_ATTRIBUTE.match(match.group(3))
        if required is None or re.search(r"\bor\b", match.group(3)):
            return None  # "[@a and b or c]" does not need @a
        found.add(("@", required.group(1)))
    return frozenset(found) if found else None


def _outside_quotes(text: str) -> Iterator[tuple[int, str, int]]:
    """Each character outside quotes, with its index and the depth of brackets and
    parentheses it stands at (the scan both helpers below share)."""
    depth, quote = 0, ""
    for i, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
            yield i, char, depth
        elif char in "[(":
            yield i, char, depth
            depth += 1
        elif char in "])":
            depth -= 1
            yield i, char, depth
        else:
            yield i, char, depth
    if quote or depth:
        yield len(text), "", -1  # unbalanced: an end that no caller accepts


def _balanced(predicates: str) -> bool:
    """Whether ``predicates`` is nothing but whole bracketed groups (``[a][b]``)."""
    return all(depth > 0 or (depth == 0 and char in "[]")
               for _, char, depth in _outside_quotes(predicates))


def _split(text: str, separator: str) -> list[str]:
    """``text`` split on ``separator`` where it stands outside brackets, parentheses and
    quotes."""
    parts, start = [], 0
    for i, _, depth in _outside_quotes(text):
        if depth == 0 and i >= start and text.startswith(separator, i):
            parts.append(text[start:i])
            start = i + len(separator)
    parts.append(text[start:])
    return parts


def _outside_predicates(context: str) -> str | None:
    """A pattern without its predicates (and the quoted strings in them), or None when its
    brackets or quotes do not close."""
    outside, depth, quote = [], 0, ""
    for char in context:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0:
            outside.append(char)
    return None if quote or depth else "".join(outside)


#: Node tests and kinds that never match an attribute (``node()`` in a pattern is a child).
_NON_ATTRIBUTE_TESTS = re.compile(
    r"(?:node|text|comment|processing-instruction|element|document-node)\s*\(\s*[^()]*\)")


def may_match_other_than_element(context: str) -> bool:
    """Whether a rule context (an XSLT pattern) might match a node that is not an element:
    a comment, a processing instruction, text, an attribute or the document.

    Conservative: outside predicates and quotes, only name tests (``tei:p``, ``*``,
    ``tei:*``), ``/``, ``//`` and ``|`` are understood to match elements alone; any other
    sign (a node test such as ``node()``, a function, a variable, ``@``, a bare ``/``)
    counts as a possible match.
    """
    steps = _outside_predicates(context)
    if steps is None:
        return True
    alternatives = [a.strip() for a in steps.split("|")]
    return not all(_ELEMENT_PATH.fullmatch(a) for a in alternatives)


#: A path of name tests: ``tei:p``, ``*``, ``tei:*``, ``tei:div/tei:head``, ``//tei:note``.
_ELEMENT_PATH = re.compile(r"(?://?)?(?:[\w.-]+:)?(?:[\w.-]+|\*)"
                           r"(?:\s*//?\s*(?:[\w.-]+:)?(?:[\w.-]+|\*))*")


def may_match_attribute(context: str) -> bool:
    """Whether a rule context (an XSLT pattern) might match an attribute node.

    Conservative: outside predicates and quotes, any ``@``, ``attribute``, variable or
    function call (``key()``, ``id()``...) counts; plain element paths such as
    ``tei:ptr``, ``tei:*[@when]`` or ``(tei:a | tei:b)[@c]`` do not.
    """
    outside = _outside_predicates(context)
    if outside is None:
        return True  # not a pattern this scan understands
    steps = _NON_ATTRIBUTE_TESTS.sub("", outside)
    return "@" in steps or "attribute" in steps or "$" in steps or \
        re.search(r"[\w.-]\s*\(", steps) is not None
