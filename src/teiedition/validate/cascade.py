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
the attributes of E or of a following sibling, or about an element deeper than
E inside E or a following sibling of E. (After an element that really is
misplaced libxml2 validates none of its siblings.) A real error further back
(in an earlier sibling) does not make it one: libxml2 goes on past such a
sibling and reports E on its own account.
Text where only elements may stand echoes the same way: libxml2 blames the
children before it. And "Element P failed to validate content" (or
"attributes") only sums up another error about P or inside it.
"""

from __future__ import annotations

from itertools import pairwise
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
    in the log's order), of the errors that only echo another one.

    In time linear in the errors and their depth (an invalid file may have thousands):
    the elements (kept as keys, so that lxml keeps their proxies) are indexed once."""
    structural = [(i, element) for i, (kind, element) in enumerate(errors)
                  if kind in STRUCTURAL and element is not None]
    parents = {element.getparent() for _, element in structural} - {None}
    #: Each such parent's children by position, to compare siblings' order.
    positions = {parent: {child: i for i, child in enumerate(parent)} for parent in parents}
    wrong = {element for kind, element in errors
             if kind == "RELAXNG_ERR_ELEMWRONG" and element is not None}
    own = {element for kind, element in errors if element is not None and
           kind not in STRUCTURAL and kind not in SUMMARIES}
    texts = {element for kind, element in errors if kind == TEXT and element is not None}
    deepest: dict[etree._Element, int] = {}  # parent -> last child with an error below it
    for kind, element in errors:
        if element is None or kind in SUMMARIES:
            continue
        ancestors = list(element.iterancestors())
        if kind not in STRUCTURAL and ancestors:
            # A following sibling's own attributes or text: libxml2 validates no sibling
            # after an element that really is misplaced (it stops there).
            ancestors.insert(0, element)
        for ancestor, parent in pairwise(ancestors):
            if parent in positions:
                deepest[parent] = max(deepest.get(parent, -1), positions[parent][ancestor])
    found: set[int] = set()
    seen: set[tuple[str, etree._Element]] = set()
    for i, (kind, element) in enumerate(errors):
        if kind == TEXT and element is not None:
            if (kind, element) in seen:
                found.add(i)  # the same text, said again
            seen.add((kind, element))
    for i, element in structural:
        kind, parent = errors[i][0], element.getparent()
        if (kind, element) in seen or (kind != "RELAXNG_ERR_ELEMWRONG" and element in wrong):
            found.add(i)  # the same misplaced element, said again
        elif element in own:
            found.add(i)  # its own attributes or text
        elif parent is not None and deepest.get(parent, -1) >= positions[parent][element]:
            found.add(i)  # an error deeper, inside it or a following sibling
        elif parent in texts:
            # Text in the parent, after this element (libxml2 blames the children before it).
            _, _, after = stray_text(parent)
            if after is not None and positions[parent][after] >= positions[parent][element]:
                found.add(i)
        seen.add((kind, element))
    # A summary echoes the errors kept about its element or inside it.
    covered: set[etree._Element] = set()
    for i, (kind, element) in enumerate(errors):
        if element is not None and kind not in SUMMARIES and i not in found:
            covered.add(element)
            covered.update(element.iterancestors())
    found |= {i for i, (kind, element) in enumerate(errors)
              if kind in SUMMARIES and element is not None and element in covered}
    # An echo needs something it echoes: an invalid document keeps at least one error.
    return found if len(found) < len(errors) else set()
