"""What an incomplete element lacks: libxml2 says only "Expecting an element , got nothing".

Jing says ``element "lg" incomplete; expected element "l", "lg", ...``. libxml2
gives no list, so it is found by trial: each element the grammar allows
inside the incomplete one is appended to it in turn, and kept in the list
when libxml2 then no longer finds it incomplete. Only for documents small
enough that this costs little (a validation per candidate); otherwise the
message names the element and its last child without a list.
"""

from __future__ import annotations

from lxml import etree

from .grammar import defines_of, element_name, reachable_patterns

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
#: Trials cost one validation each: only for documents and content models up to this size.
MAX_NODES = 5_000
MAX_CANDIDATES = 400


def child_names(grammar: etree._ElementTree, element: tuple[str, str]) -> list[tuple[str, str]]:
    """Every element name a grammar's pattern for ``element`` may hold as a child."""
    defines = defines_of(grammar)
    found: dict[tuple[str, str], None] = {}
    for pattern in grammar.getroot().iter(_R + "element"):
        if element_name(pattern) != element:
            continue
        for node in reachable_patterns(pattern, defines):
            name = element_name(node) if node.tag == _R + "element" else None
            if name is not None:
                found[name] = None
    return list(found)


def expected_children(schema: etree.RelaxNG, grammar: etree._ElementTree,
                      tree: etree._ElementTree, path: str) -> list[str] | None:
    """The names of the elements that, appended to the element at ``path``, complete it;
    None when the document or the content model is too large to try."""
    if sum(1 for _ in tree.iter()) > MAX_NODES:
        return None
    found = tree.xpath(path)
    if not found or not isinstance(found[0], etree._Element):
        return None
    element = found[0]
    qname = etree.QName(element)
    candidates = child_names(grammar, (qname.namespace or "", qname.localname))
    if not candidates or len(candidates) > MAX_CANDIDATES:
        return None
    expected = []
    for namespace, local in candidates:
        trial = etree.SubElement(element, f"{{{namespace}}}{local}" if namespace else local)
        try:
            schema.validate(tree)
            # Completed: libxml2 finds nothing wrong with the element, nor with the trial child
            # standing there (that the empty trial child is itself incomplete, or what is
            # wrong inside it, does not count).
            if not any(_names(tree, e.path, (element,)) or (
                    e.type_name != "RELAXNG_ERR_NOELEM" and _names(tree, e.path, (trial,)))
                       for e in schema.error_log):
                expected.append(local)
        finally:
            element.remove(trial)
    return sorted(expected)


def _names(tree: etree._ElementTree, path: str | None,
           elements: tuple[etree._Element, ...]) -> bool:
    """Whether a libxml2 error path names one of ``elements``."""
    if not path:
        return False
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return False
    return bool(found) and any(found[0] is e for e in elements)
