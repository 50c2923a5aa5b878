"""What libxml2's "Invalid attribute when for element date" means, said as Jing says it.

libxml2 gives that one message for an attribute the element does not allow, a
value of the wrong datatype or outside an enumeration, and a repeated
``xml:id``, and names the attribute without its namespace. Jing tells them
apart ('value of attribute "when" is invalid; must be an ISO date, ...',
'ID "a" has already been defined'). So the grammar is read for the attributes
the element's pattern allows (through its defines, not into other elements),
and the message says which of the three it is, with the values or datatypes
the grammar expects.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .grammar import defines_of, element_name, reachable_patterns, written_name

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
XML_NS = "http://www.w3.org/XML/1998/namespace"

#: XSD datatypes in words (the forms Jing lists, with an example).
_DATATYPES = {
    "date": "a date (1954-07-21)", "gYear": "a year (1954)",
    "gYearMonth": "a year and month (1954-07)", "gMonth": "a month (--07)",
    "gDay": "a day of the month (---21)", "gMonthDay": "a month and day (--07-21)",
    "time": "a time (10:30:00)", "dateTime": "a date and time (1954-07-21T10:30:00)",
    "duration": "a duration (P1Y2M)", "decimal": "a decimal number", "double": "a number",
    "float": "a number", "integer": "a whole number", "nonNegativeInteger": "a whole number, "
    "0 or more", "positiveInteger": "a whole number, 1 or more", "boolean": "true or false",
    "language": "a language tag (en, de-AT)", "anyURI": "a URI",
    "Name": "an XML name", "NCName": "an XML name without colons",
    "ID": "an XML name without colons",
}


@dataclass(frozen=True)
class AttributePatterns:
    """The attributes an element's pattern allows: their names and, for each, what its
    value may be; ``open`` when a name class (``anyName``, ``nsName``) allows others too."""

    allowed: dict[tuple[str, str], tuple[str, ...]]
    open: bool


class AttributeIndex:
    """The attributes each element of a grammar allows, read from the grammar once each."""

    def __init__(self, grammar: etree._ElementTree) -> None:
        self._grammar = grammar
        self._defines: dict[str, list[etree._Element]] | None = None
        self._found: dict[tuple[str, str], AttributePatterns] = {}

    def patterns(self, element: tuple[str, str]) -> AttributePatterns:
        if element not in self._found:
            self._found[element] = self._read(element)
        return self._found[element]

    def _read(self, element: tuple[str, str]) -> AttributePatterns:
        if self._defines is None:
            self._defines = defines_of(self._grammar)
        allowed: dict[tuple[str, str], list[str]] = {}
        open_ = False
        for pattern in self._grammar.getroot().iter(_R + "element"):
            if element_name(pattern) != element:
                continue
            for node in reachable_patterns(pattern, self._defines):
                if node.tag != _R + "attribute":
                    continue
                name = _attribute_name(node)
                if name is None:
                    open_ = True
                else:
                    allowed.setdefault(name, []).extend(self._values(node))
        return AttributePatterns({k: tuple(dict.fromkeys(v)) for k, v in allowed.items()},
                                 open_)

    def _values(self, attribute: etree._Element) -> list[str]:
        """What an attribute's value may be, in words: its values, else its datatypes."""
        values, types = [], []
        todo, seen = list(attribute), set()
        while todo:
            node = todo.pop(0)
            if not isinstance(node.tag, str):
                continue
            if node.tag == _R + "value":
                values.append(node.text or "")
            elif node.tag == _R + "data":
                if node.find(_R + "param") is None or node.get("type") not in ("token", "string"):
                    types.append(_DATATYPES.get(node.get("type", ""), node.get("type", "")))
            elif node.tag == _R + "ref" and node.get("name") not in seen:
                seen.add(node.get("name"))
                todo.extend(c for d in (self._defines or {}).get(node.get("name", ""), [])
                            for c in d)
            else:
                todo.extend(node)
        return [f'"{v}"' for v in values] + types


def _attribute_name(attribute: etree._Element) -> tuple[str, str] | None:
    """The (namespace, local name) an ``<attribute>`` pattern matches, or None for a name
    class. An unprefixed attribute name is in no namespace, whatever ``ns`` says around it."""
    written = written_name(attribute)
    if written is None:
        return None
    name, holder = written
    if ":" in name:
        prefix, local = name.split(":", 1)
        # lxml's nsmap leaves out the xml prefix, which is bound without a declaration.
        return XML_NS if prefix == "xml" else holder.nsmap.get(prefix, ""), local
    return holder.get("ns", attribute.get("ns", "")), name


def describe(index: AttributeIndex, element: etree._Element, local: str,
             first_ids: dict[str, etree._Element]) -> tuple[str, str] | None:
    """libxml2's "Invalid attribute ``local`` for element ..." about ``element``, said
    plainly, and the attribute's name as written; None when the element has no attribute
    of that local name (nothing to add). ``first_ids``: the first element of the document
    carrying each ``xml:id``."""
    qname = etree.QName(element)
    tag = f"<{qname.localname}>"
    names = [etree.QName(k) for k in element.keys() if etree.QName(k).localname == local]
    if not names:
        return None
    patterns = index.patterns((qname.namespace or "", qname.localname))
    for name in names:
        key = (name.namespace or "", name.localname)
        if key not in patterns.allowed and not patterns.open:
            return (f"{tag} does not allow the attribute @{_written(element, name)}",
                    _written(element, name))
    name = names[0]
    written = _written(element, name)
    value = element.get(name.text)
    if (name.namespace, name.localname) == (XML_NS, "id") and \
            first_ids.get(value) is not None and first_ids[value] is not element:
        first = first_ids[value]
        return (f'{tag} repeats xml:id="{value}" of <{etree.QName(first).localname}> on line '
                f"{first.sourceline}: every xml:id must be unique in the document"), written
    expected = patterns.allowed.get((name.namespace or "", name.localname), ())
    return f'{tag} @{written}="{value}" is not a valid value' + (
        f"; expected {_or(expected)}" if expected else ""), written


def first_ids(tree: etree._ElementTree) -> dict[str, etree._Element]:
    """The first element carrying each ``xml:id`` value, in document order."""
    found: dict[str, etree._Element] = {}
    for element in tree.iter(etree.Element):
        value = element.get(f"{{{XML_NS}}}id")
        if value is not None:
            found.setdefault(value, element)
    return found


def _written(element: etree._Element, name: etree.QName) -> str:
    """An attribute's name as the document writes it (``xml:lang``, ``ex:note``)."""
    if name.namespace == XML_NS:
        return f"xml:{name.localname}"
    if name.namespace:
        prefix = next((p for p, uri in element.nsmap.items() if uri == name.namespace and p),
                      None)
        return f"{prefix}:{name.localname}" if prefix else f"{{{name.namespace}}}{name.localname}"
    return name.localname


def _or(items: tuple[str, ...]) -> str:
    items = tuple(dict.fromkeys(items))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
