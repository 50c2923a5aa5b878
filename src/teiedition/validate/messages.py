"""Validator messages rewritten for people: the element, the attribute, what is expected.

Each function takes a validator's own text and returns ``(rule, message)``;
the original is kept as the problem's ``detail``.
"""

from __future__ import annotations

import re

_NS = re.compile(r"\{http://www\.tei-c\.org/ns/1\.0\}")
_XML_NS = re.compile(r"\{http://www\.w3\.org/XML/1998/namespace\}")
_ANY_NS = re.compile(r"\{[^}]*\}")

_TYPE_HINTS = {
    "temporal.w3c": "an ISO 8601 date such as 1954, 1954-07 or 1954-07-21",
    "xs:ID": "an XML name (a letter first, no spaces) used once in the document",
    "pointers": "one or more URIs such as #zhou-enlai",
    "word": "a single word without spaces",
    "certainty": "high, medium, low, unknown or a probability between 0 and 1",
}


def tidy(text: str) -> str:
    """Drop the TEI namespace from names, write xml: attributes with their prefix."""
    text = _XML_NS.sub("xml:", _NS.sub("", text))
    return " ".join(text.split())


# The phrases both rewriters use, so that one problem reads the same from either validator.

def _not_allowed(element: str, expected: str = "", where: str = "") -> tuple[str, str]:
    return "xsd-content", f"{element} is not allowed here{where}" + (
        f"; expected {expected}" if expected else "")


def _incomplete(element: str, needs: str = "") -> tuple[str, str]:
    return "xsd-content", f"{element} is incomplete" + (f"; it needs {needs}" if needs else "")


def _attribute_not_allowed(element: str, attribute: str) -> tuple[str, str]:
    return "xsd-attribute", f"{element} does not allow the attribute @{tidy(attribute)}"


def _attribute_missing(element: str, attribute: str) -> tuple[str, str]:
    return "xsd-attribute", f"{element} needs the attribute @{tidy(attribute)}"


def _not_one_of(element: str, attribute: str, value: str, choices: str) -> tuple[str, str]:
    return "xsd-value", (f"{element} @{attribute}=\"{value}\" is not one of "
                         f"{choices.replace(chr(39), '')}")


def _elements(names: list[str]) -> str:
    return ", ".join(f"<{n}>" for n in names)


def _names(expected: str) -> str:
    names = [n.strip() for n in _ANY_NS.sub("", expected).split(",") if n.strip()]
    return ", ".join(f"<{n}>" for n in names)


def lxml_schema_message(message: str) -> tuple[str, str]:
    """Rewrite a libxml2 XML Schema message (used for large files and user schemas)."""
    element = re.match(r"Element '([^']+)'(?:, attribute '([^']+)')?: (.*)", message)
    if not element:
        return "xsd", tidy(message)
    name, attribute, rest = element.groups()
    name = f"<{tidy(name)}>"
    attribute = tidy(attribute) if attribute else None
    if m := re.match(r"This element is not expected\. Expected is(?: one of)? \( (.*) \)", rest):
        return _not_allowed(name, _names(m.group(1)))
    if rest.startswith("This element is not expected"):
        return _not_allowed(name)
    if m := re.match(r"Missing child element\(s\)\. Expected is(?: one of)? \( (.*) \)", rest):
        return _incomplete(name, _names(m.group(1)))
    if m := re.match(r"The attribute '([^']+)' is not allowed", rest):
        return _attribute_not_allowed(name, m.group(1))
    if m := re.match(r"The attribute '([^']+)' is required but missing", rest):
        return _attribute_missing(name, m.group(1))
    if attribute:
        if m := re.search(r"\[facet 'enumeration'\] The value '([^']*)' is not an element of the "
                          r"set \{(.*)\}", rest):
            return _not_one_of(name, attribute, m.group(1), m.group(2))
        if m := re.search(r"'([^']*)' is not a valid value of the atomic type 'xs:ID'", rest):
            if attribute == "xml:id" and re.fullmatch(r"[^\W\d][\w.-]*", m.group(1)):
                # libxml2 words a repeated id as an invalid one: a well-formed name is repeated.
                return "xml-id-unique", (f"{name} repeats xml:id=\"{m.group(1)}\": every "
                                         "xml:id must be unique in the document")
        if m := re.search(r"'([^']*)' is not a valid value of the (?:union|atomic|list) type "
                          r"'([^']+)'", rest):
            hint = _TYPE_HINTS.get(m.group(2).split(":")[-1], _TYPE_HINTS.get(m.group(2)))
            expected = f"; expected {hint}" if hint else ""
            return "xsd-value", f"{name} @{attribute}=\"{m.group(1)}\" is not valid{expected}"
        return "xsd-value", f"{name} @{attribute}: {tidy(rest)}"
    if "Character content other than whitespace is not allowed" in rest:
        return "xsd-content", f"{name} may not contain text directly"
    return "xsd", f"{name}: {tidy(rest)}"


def xmlschema_message(reason: str, tag: str | None, expected: list[str]) -> tuple[str, str]:
    """Rewrite an xmlschema error reason (the project schema's diagnostics)."""
    name = f"<{tidy(tag)}>" if tag else "the element"
    if m := re.match(r"Unexpected child with tag '([^']+)' at position \d+\.", reason):
        return _not_allowed(f"<{tidy(m.group(1))}>", _elements(expected),
                            f" inside {name}" if tag else "")
    if reason.startswith("The content of element") and "is not complete" in reason:
        return _incomplete(name, _elements(expected))
    if m := re.match(r"'([^']+)' attribute not allowed", reason):
        return _attribute_not_allowed(name, m.group(1))
    if m := re.match(r"missing required attribute '([^']+)'", reason):
        return _attribute_missing(name, m.group(1))
    if m := re.match(r"attribute ([^=]+)='([^']*)': duplicated xs:ID value", reason):
        return "xml-id-unique", (f"{name} repeats xml:id=\"{m.group(2)}\": every xml:id must be "
                                 "unique in the document")
    if m := re.match(r"attribute ([^=]+)='([^']*)': value must be one of \[(.*)\]", reason):
        return _not_one_of(name, tidy(m.group(1)), m.group(2), m.group(3))
    if m := re.match(r"attribute ([^=]+)='([^']*)': (.*)", reason):
        attribute = tidy(m.group(1))
        hint = {"when": "temporal.w3c", "from": "temporal.w3c", "to": "temporal.w3c",
                "notBefore": "temporal.w3c", "notAfter": "temporal.w3c", "xml:id": "xs:ID",
                "ref": "pointers", "target": "pointers", "cert": "certainty"}.get(attribute)
        expected_text = f"; expected {_TYPE_HINTS[hint]}" if hint else f" ({tidy(m.group(3))})"
        return "xsd-value", f"{name} @{attribute}=\"{m.group(2)}\" is not valid{expected_text}"
    if "character data between child elements not allowed" in reason or \
            "not allowed in element-only" in reason or "text content not allowed" in reason:
        return "xsd-content", f"{name} may not contain text directly"
    return "xsd", f"{name}: {tidy(reason)}"


def relaxng_message(message: str) -> str:
    """Tidy a libxml2 RELAX NG message ("Did not expect element p there")."""
    message = tidy(message)
    if m := re.match(r"Did not expect element (\S+) there", message):
        return f"<{m.group(1)}> is not allowed here"
    if m := re.match(r"Element (\S+) has extra content: (\S+)", message):
        return f"<{m.group(1)}> does not allow <{m.group(2)}> where it stands"
    if m := re.match(r"Expecting element (\S+), got (\S+)", message):
        return f"expected <{m.group(1)}>, found <{m.group(2)}>"
    if m := re.match(r"Invalid attribute (\S+) for element (\S+)", message):
        return f"<{m.group(2)}> does not allow the attribute @{m.group(1)}"
    if m := re.match(r"Element (\S+) failed to validate attributes", message):
        return f"<{m.group(1)}> has an attribute value the schema does not allow"
    if m := re.match(r"Element (\S+) failed to validate content", message):
        return f"the content of <{m.group(1)}> does not match the schema"
    return message
