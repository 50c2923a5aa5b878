"""Parsing XML a user hands us, which may be hostile.

lxml's parser is safe against entity bombs and does not expand external
entities, but libxml2 still *opens* a local external DTD named in a DOCTYPE.
Every external resource the parser asks for is therefore answered by
:class:`_Refuse` with nothing, and recorded so that it can be reported.
XInclude is never processed. The parser collects no ids: duplicate
``xml:id`` values are a validity problem the schema reports, not a reason to
refuse the whole file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .errors import InputError

TEI_NS = "http://www.tei-c.org/ns/1.0"
_DECLARED_ENCODING = re.compile(rb"^\s*<\?xml[^>]*encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")


class _Refuse(etree.Resolver):
    """Answer every request for an external DTD or entity with an empty document."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[str] = []

    def resolve(self, system_url, public_id, context):  # type: ignore[override]
        self.requested.append(system_url or public_id or "?")
        return self.resolve_string("", context)


@dataclass(frozen=True)
class XmlProblem:
    """Why a file could not be read as (TEI) XML, or what was refused while reading it."""

    rule: str
    message: str
    line: int | None = None
    column: int | None = None


class XmlInputError(InputError):
    """A file is not well-formed XML, not TEI, or not safe to read."""

    def __init__(self, problem: XmlProblem, *, path: str) -> None:
        super().__init__(problem.message, path=path, line=problem.line, column=problem.column)
        self.problem = problem


@dataclass(frozen=True)
class Parsed:
    """A parsed document, with what was refused while parsing it."""

    tree: etree._ElementTree | None
    problems: tuple[XmlProblem, ...]


def parse_bytes(data: bytes, *, require_tei: bool = True) -> Parsed:
    """Parse ``data`` safely; every reason it cannot be used becomes an :class:`XmlProblem`."""
    if not data or data.isspace():  # (strip() would copy the whole file)
        return Parsed(None, (XmlProblem("xml-empty", "the file is empty", 1, 1),))
    problems: list[XmlProblem] = []
    declared = _DECLARED_ENCODING.match(data)
    if declared and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        lie = _utf8_lie(data, declared.group(1).decode("ascii"))
        if lie:
            problems.append(lie)
    refuse = _Refuse()
    parser = etree.XMLParser(resolve_entities="internal", no_network=True, load_dtd=False,
                             collect_ids=False, huge_tree=False, remove_comments=False)
    parser.resolvers.add(refuse)
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError as err:
        problems.extend(_external(refuse.requested))
        external = _external_entities_of(data) if "not defined" in (err.msg or "") else []
        problems.extend(external)
        if not refuse.requested and not external:
            problems.append(_syntax_problem(err))
        return Parsed(None, tuple(problems))
    problems.extend(_external(refuse.requested))
    problems.extend(_declared_external_entities(tree))
    if require_tei:
        root = tree.getroot()
        if root.tag != f"{{{TEI_NS}}}TEI" and root.tag != f"{{{TEI_NS}}}teiCorpus":
            qname = etree.QName(root)
            where = f"in the namespace {qname.namespace}" if qname.namespace else "in no namespace"
            # (TEI P4, still common in older archives, has the root TEI.2 in no namespace.)
            p4 = "; this is TEI P4, which teiedition does not read: convert it to P5 first " \
                 "(the TEI Consortium's p4top5.xsl)" if qname.localname == "TEI.2" else ""
            problems.append(XmlProblem(
                "not-tei", f"not a TEI document: the root element is <{qname.localname}> {where}; "
                f"TEI needs <TEI xmlns=\"{TEI_NS}\">{p4}", root.sourceline, 1))
    return Parsed(tree, tuple(problems))


def parse_tei(data: bytes, *, path: str) -> etree._ElementTree:
    """Parse a TEI document for rendering; raise :class:`XmlInputError` on any problem."""
    parsed = parse_bytes(data)
    if parsed.problems or parsed.tree is None:
        raise XmlInputError(parsed.problems[0], path=path)
    return parsed.tree


def _syntax_problem(err: etree.XMLSyntaxError) -> XmlProblem:
    line, column = err.position if err.position else (err.lineno, err.offset)
    message = re.sub(r", line \d+, column \d+$", "", err.msg or str(err))
    if "amplification" in message or "entity loop" in message.lower():
        return XmlProblem("xml-entity-expansion", "entity expansion exceeds the safe limit "
                          "(an entity bomb?); the file is not read", line, column)
    if "encoding" in message.lower() or "not proper UTF-8" in message:
        return XmlProblem("xml-encoding", f"not UTF-8, or not in the encoding it declares: "
                          f"{message}", line, column)
    if message == "Document is empty":
        return XmlProblem("xml-empty", "the file holds no XML", line, column)
    return XmlProblem("xml-syntax", f"not well-formed XML: {message}", line, column)


def _external(requested: list[str]) -> list[XmlProblem]:
    return [XmlProblem("xml-external", f"the DOCTYPE asks for the external resource "
                       f"'{url}'; it was not read (external DTDs and entities are refused)", 1, 1)
            for url in dict.fromkeys(requested)]


def _external_entities_of(data: bytes) -> list[XmlProblem]:
    """Name the external entities of a document whose parse stopped at an undefined entity.

    libxml2 does not load external entities, so it reports them as undefined;
    parsing again without entity substitution (and with every external
    resource still refused) recovers their declarations for a clear message.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             collect_ids=False)
    parser.resolvers.add(_Refuse())
    try:
        tree = etree.ElementTree(etree.fromstring(data, parser))
    except etree.XMLSyntaxError:
        return []
    return _declared_external_entities(tree)


def _declared_external_entities(tree: etree._ElementTree) -> list[XmlProblem]:
    dtd = tree.docinfo.internalDTD
    if dtd is None:
        return []
    return [XmlProblem("xml-external", f"the DOCTYPE declares the external entity "
                       f"'{entity.name}' ({entity.system_url}); it was not read", 1, 1)
            for entity in dtd.iterentities() if entity.system_url]


def _utf8_lie(data: bytes, declared: str) -> XmlProblem | None:
    """A file that declares a single-byte encoding but holds UTF-8 would be read as mojibake."""
    if declared.lower() in ("utf-16", "utf16", "utf-16le", "utf-16be", "ascii", "us-ascii"):
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if text.isascii():
        return None
    offset = next(i for i, ch in enumerate(text) if ord(ch) > 127)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return XmlProblem("xml-encoding", f"the file declares encoding=\"{declared}\" but its "
                      "bytes are UTF-8: its text would be misread (declare UTF-8)", line, column)
