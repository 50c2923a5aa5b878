"""XSD datatypes as Jing checks them, where libxml2 accepts more.

libxml2 accepts ``24:00:00`` as a ``time`` and in a ``dateTime`` (the end of a
day, which the second edition of XSD 1.0 allows) and ``1e`` as a ``double``;
Jing, whose verdict teiedition gives, rejects both (the sweep against Jing: a
``@when``, ``@from`` or ``@notBefore`` at midnight's end was the one way a
broken file passed). A pattern facet on those datatypes in the grammar
libxml2 compiles rejects these forms too; everything else of the datatype is
libxml2's own check, unchanged. The forms where libxml2 rejects what Jing
accepts cannot be added by a facet; docs/validation.md lists them.
"""

from __future__ import annotations

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
XSD_DATATYPES = "http://www.w3.org/2001/XMLSchema-datatypes"

#: Patterns (XSD regular expressions, anchored, matched against the value as written, so
#: spaces around it are let through) each value of the datatype must match as well.
#: Kept in the cache keys of grammars derived with them (relaxng.py).
JING_PATTERNS = {
    "time": r"\s*([01][0-9]|2[0-3]):.*",
    "dateTime": r".*T([01][0-9]|2[0-3]):.*",
    "double": r".*[0-9NF.]\s*",
}


def align_datatypes(grammar: etree._ElementTree) -> etree._ElementTree:
    """A copy of ``grammar`` whose XSD ``time``, ``dateTime`` and ``double`` data patterns
    also carry :data:`JING_PATTERNS` (the grammar itself when it has none)."""
    if not any(_aligned(data) for data in grammar.getroot().iter(_R + "data")):
        return grammar
    copy = etree.ElementTree(etree.fromstring(etree.tostring(grammar),
                                              base_url=grammar.docinfo.URL))
    for data in copy.getroot().iter(_R + "data"):
        if _aligned(data):
            param = etree.Element(_R + "param", name="pattern")
            param.text = JING_PATTERNS[data.get("type", "")]
            data.insert(0, param)  # parameters come before an except
    return copy


def _aligned(data: etree._Element) -> bool:
    # A datatype with parameters of its own is left as it is (several patterns would be
    # one more way for validators to differ).
    if data.get("type") not in JING_PATTERNS or data.find(_R + "param") is not None:
        return False
    library = next((node.get("datatypeLibrary") for node in (data, *data.iterancestors())
                    if node.get("datatypeLibrary") is not None), "")
    return library == XSD_DATATYPES
