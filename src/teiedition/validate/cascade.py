"""libxml2's RELAX NG errors that only echo another one, left out as Jing leaves them out.

When an element's content or attributes are wrong, libxml2 also reports the
failure of every alternative it tried around it: for a bad attribute on a
``<persName>`` inside the second ``<person>`` of a ``<listPerson>`` it says
"Did not expect element person there" and "Expecting element desc, got person"
about the *first* ``<person>``, and "Element listPerson has extra content:
person" about the second, before the real error. Jing reports the real error
alone. A misplaced element it also reports twice ("Did not expect element lbl
there" and "Element ref has extra content: lbl").

An echo is recognised by where the error it echoes stands. libxml2 validates
nothing inside an element it did not expect, and reports an element's own
failure where its parent's content gives up, on it or on an earlier child; so
a structural error (element not expected, other element expected, extra
content) about element E, in parent P, is an echo when another error is about
E's own attributes, or about an element deeper than E inside E or a following
sibling of E. A real error further back (in an earlier sibling) does not make
it one: libxml2 goes on past such a sibling and reports E on its own account.
Text where only elements may stand echoes the same way: libxml2 blames the
children before it. And "Element P failed to validate content" (or
"attributes") only sums up another error about P or inside it.
"""

from __future__ import annotations

from typing import Sequence

from lxml import etree

from .locate import stray_text

#: libxml2's errors about an element standing where its parent's content does not take it.
STRUCTURAL = frozenset({"RELAXNG_ERR_ELEMWRONG", "RELAXNG_ERR_ELEMNAME",
                        "RELAXNG_ERR_EXTRACONTENT"})
#: libxml2's summaries of an element's failure, said after the errors that caused it.
SUMMARIES = frozenset({"RELAXNG_ERR_CONTENTVALID", "RELAXNG_ERR_ATTRVALID"})
#: Text where the content takes only elements (see relaxng._kind).
TEXT = "RELAXNG_ERR_TEXTWRONG"


def echoes(errors: Sequence[tuple[str, etree._Element | None]]) -> set[int]:
    """The positions, among ``errors`` (libxml2's type name and the element its path names,
    in the log's order), of the errors that only echo another one."""
    wrong = {id(element) for kind, element in errors
             if kind == "RELAXNG_ERR_ELEMWRONG" and element is not None}
    found: set[int] = set()
    for index, (kind, element) in enumerate(errors):
        if kind in SUMMARIES and element is not None and any(
                other != index and kind_o not in SUMMARIES and element_o is not None and
                (element_o is element or any(a is element for a in element_o.iterancestors()))
                for other, (kind_o, element_o) in enumerate(errors)):
            found.add(index)
            continue
        if kind not in STRUCTURAL or element is None:
            continue
        if kind == "RELAXNG_ERR_EXTRACONTENT" and id(element) in wrong:
            found.add(index)  # the same misplaced element, said twice
            continue
        if any(other != index and _echoed_by(element, kind_o, element_o)
               for other, (kind_o, element_o) in enumerate(errors)):
            found.add(index)
    return found


def _echoed_by(element: etree._Element, kind: str, cause: etree._Element | None) -> bool:
    """Whether an error of ``kind`` about ``cause`` explains a structural error about
    ``element``."""
    if cause is None:
        return False
    if cause is element:
        return kind not in STRUCTURAL  # its own attributes or text
    parent = element.getparent()
    if parent is None:
        return False
    if kind == TEXT and cause is parent:
        # Text in the parent, after this element (libxml2 blames the children before it).
        _, _, after = stray_text(parent)
        return after is not None and (after is element or _follows(after, element))
    # ``cause`` lies deeper than ``element``, inside it or a following sibling.
    for ancestor in cause.iterancestors():
        if ancestor.getparent() is parent:
            return ancestor is element or _follows(ancestor, element)
    return False


def _follows(sibling: etree._Element, element: etree._Element) -> bool:
    return any(previous is element for previous in sibling.itersiblings(preceding=True))
