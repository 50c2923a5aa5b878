"""Schematron with XPath 2.0 and later: embedded in RELAX NG or XSD, or a standalone ``.sch``.

The rules of the TEI Guidelines travel as ISO Schematron inside ``tei_all.rng``
(and inside every RNG generated from an ODD) and are written in XPath 2.0
(``eq``, sequences, ``if … then``). lxml's isoschematron only runs XSLT 1.0.
So the schema is compiled by the ISO Schematron reference implementation
(the "skeleton" XSLTs that lxml ships: include, abstract-pattern expansion,
SVRL generation; nothing of Schematron is reimplemented here), and the
stylesheet it produces is run by Saxon as XSLT 3.0, so that XPath 2.0/3.1
expressions work.

Safety (see FACTS.md): the skeleton steps run in libxslt with no network
access; the document is parsed by lxml and handed to Saxon as text; file and
URL access is switched off for the Saxon processor once the rules are
compiled; no result document leaves memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from lxml import etree, isoschematron
from saxonche import PySaxonApiError, PySaxonProcessor

from ..errors import InputError
from ..xslt import ALLOWED_PROTOCOLS
from .cache import SchemaCache
from .cache import digest as cache_digest
from .locate import SourceLines, element_column
from .passes import PATTERN, merge_traversals, trim_traversals
from .prune import document_names, kept_patterns, may_fire, pattern_targets, prune
from .problems import Problem, severity_of_role

ISO = "http://purl.oclc.org/dsdl/schematron"
#: Schematron 1.5, still found in older RNG and XSD files.
OLD = "http://www.ascc.net/xml/schematron"
RNG = "http://relaxng.org/ns/structure/1.0"
XSD = "http://www.w3.org/2001/XMLSchema"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
#: Query bindings the XSLT 1.0 path (lxml) runs; any other is run by Saxon.
XSLT1_BINDINGS = (None, "xslt", "xslt1", "XSLT", "XSLT1")
XPATH2_BINDINGS = ("xslt2", "xslt3", "xpath2", "xpath3", "xpath31")

_RESOURCES = Path(isoschematron.__file__).parent / "resources" / "xsl"
#: The skeleton steps may read files a schema includes (sch:include, rng:include), never the
#: network and never write.
_ACCESS = etree.XSLTAccessControl(read_file=True, write_file=False, create_dir=False,
                                  read_network=False, write_network=False)


def _skeleton(*parts: str) -> etree.XSLT:
    return etree.XSLT(etree.parse(str(_RESOURCES.joinpath(*parts))), access_control=_ACCESS)


@dataclass(frozen=True)
class Compiled:
    """A Schematron schema compiled to an XSLT (as text) that writes an SVRL report."""

    xslt: str


def query_binding(schema: etree._ElementTree) -> str | None:
    """The ``queryBinding`` a standalone Schematron schema declares, if any."""
    return schema.getroot().get("queryBinding")


def extract(schema: etree._ElementTree) -> etree._ElementTree | None:
    """The Schematron of a schema: embedded in RELAX NG or XSD, or the schema itself.

    Schematron 1.5 elements are read as ISO Schematron (the vocabulary the two
    share is what embedded rules use). None when there is no pattern.
    """
    root = schema.getroot()
    if any(isinstance(e.tag, str) and e.tag.startswith(f"{{{OLD}}}") for e in root.iter()):
        schema = _old_to_iso(schema)
        root = schema.getroot()
    if root.tag in (f"{{{RNG}}}grammar", f"{{{RNG}}}element"):
        extracted = _skeleton("RNG2Schtrn.xsl")(schema)
    elif root.tag == f"{{{XSD}}}schema":
        extracted = _skeleton("XSD2Schtrn.xsl")(schema)
    elif root.tag == f"{{{ISO}}}schema":
        extracted = schema
    else:
        return None
    if not extracted.getroot().findall(f"{{{ISO}}}pattern"):
        return None
    return extracted


def _old_to_iso(schema: etree._ElementTree) -> etree._ElementTree:
    """A copy of ``schema`` with every Schematron 1.5 element moved to the ISO namespace."""
    copy = etree.ElementTree(etree.fromstring(etree.tostring(schema),
                                              base_url=schema.docinfo.URL))
    for element in copy.getroot().iter(f"{{{OLD}}}*"):
        element.tag = f"{{{ISO}}}{etree.QName(element).localname}"
    etree.cleanup_namespaces(copy)
    return copy


def compile_rules(schematron: etree._ElementTree, *, phase: str | None = None) -> Compiled:
    """Compile ISO Schematron to an XSLT 3.0 stylesheet with the reference skeleton.

    The skeleton refuses query bindings other than XSLT 1.0, although what it
    emits (templates, variables, ``xsl:if`` around each test) is the same for
    XSLT 2.0; the binding is therefore set to ``xslt`` for the skeleton and the
    result declared XSLT 3.0, so Saxon evaluates every test as XPath 3.1.
    """
    tree = etree.ElementTree(etree.fromstring(etree.tostring(schematron),
                                              base_url=schematron.docinfo.URL))
    tree.getroot().set("queryBinding", "xslt")
    # allow-foreign: top-level xsl:function and xsl:key of an XSLT 2.0 schema go into the
    # stylesheet, as the skeleton for XSLT 2.0 passes them.
    params = {"generate-fired-rule": "'false'", "allow-foreign": "'true'"}
    if phase:
        params["phase"] = etree.XSLT.strparam(phase)
    try:
        included = _skeleton("iso-schematron-xslt1", "iso_dsdl_include.xsl")(tree)
        expanded = _skeleton("iso-schematron-xslt1", "iso_abstract_expand.xsl")(included)
        xslt = _skeleton("iso-schematron-xslt1", "iso_svrl_for_xslt1.xsl")(expanded, **params)
    except etree.XSLTApplyError as err:
        raise InputError(f"the Schematron rules do not compile: {err}") from None
    root = xslt.getroot()
    if root is None:
        raise InputError("the Schematron rules do not compile (no stylesheet produced)")
    root.set("version", "3.0")
    trim_traversals(root)
    merge_traversals(root)
    return Compiled(etree.tostring(root, encoding="unicode"))


class SaxonSchematron:
    """Schematron rules run by Saxon; each failed assert or fired report is a problem.

    A problem's rule is the assertion's ``id``, else its pattern's ``id`` (the
    TEI names its constraints on the pattern), and it keeps the Schematron
    ``role``: only an error role (or none) makes a file invalid.

    Each pattern is one pass over the document, and most of the TEI's 93
    patterns concern elements a given document lacks: the rules are compiled
    without the patterns that :func:`prune` shows cannot fire, for the union of
    the element names seen so far (as for RELAX NG, see relaxng.py), and the
    compiled XSLT is kept in the user's cache (cache.py).
    """

    def __init__(self, rules: etree._ElementTree, *, name: str, cache: SchemaCache,
                 key: str) -> None:
        self.name = name
        self._rules = rules
        self._cache = cache
        self._key = key
        self._proc = PySaxonProcessor(license=False)
        # From here on no rule may open a file or a URL (document(), unparsed-text()); the
        # rules are compiled from text, which needs neither.
        self._proc.set_configuration_property(ALLOWED_PROTOCOLS, "")
        self._names: frozenset[tuple[str, str]] = frozenset()
        #: What each pattern needs to fire: a document that meets none needs no Saxon run.
        self._targets = pattern_targets(rules)
        self._executables: dict[tuple[int, ...], Any] = {}
        self._current: Any = None

    def _executable(self, names: frozenset[tuple[str, str]]) -> Any:
        if self._current is not None and names <= self._names:
            return self._current
        self._names |= names
        kept = tuple(kept_patterns(self._rules, self._names))
        if kept not in self._executables:
            key = cache_digest("schematron-xslt", self._key, ",".join(map(str, kept)))
            cached = self._cache.get("schematron-xslt", key)
            xslt = cached.decode("utf-8") if cached is not None else \
                compile_rules(prune(self._rules, kept)).xslt
            if cached is None:
                self._cache.put("schematron-xslt", key, xslt.encode("utf-8"))
            try:
                self._executables[kept] = self._proc.new_xslt30_processor().compile_stylesheet(
                    stylesheet_text=xslt)
            except PySaxonApiError as err:
                raise InputError(f"{self.name}: the Schematron rules do not compile as XSLT "
                                 f"3.0: {str(err).strip()}") from None
        self._current = self._executables[kept]
        return self._current

    def prepare(self, tree: etree._ElementTree,
                names: frozenset[tuple[str, str]] | None = None) -> "PendingRun":
        """Everything that reads the document (its names, its text); :meth:`PendingRun.run`
        then needs nothing but Saxon, so that another schema may check the tree meanwhile.
        ``names``: the document's :func:`prune.document_names`, if the caller has them."""
        if names is None:
            names = document_names(tree)
        if not any(may_fire(targets, names) for targets in self._targets):
            # No rule context can match an element of this document (prune.py): the report
            # would list no finding, so Saxon neither parses nor runs anything.
            return PendingRun(self, None, "")
        executable = self._executable(names).clone()
        executable.set_capture_result_documents(True)
        return PendingRun(self, executable, etree.tostring(tree.getroot(), encoding="unicode"))

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines) -> Iterator[Problem]:
        pending = self.prepare(tree)
        pending.run()
        yield from pending.problems(tree, source)


class PendingRun:
    """One document's run of :class:`SaxonSchematron`, in three steps: prepared (the
    document read), :meth:`run` (in Saxon alone), :meth:`problems` (located in the tree)."""

    def __init__(self, rules: SaxonSchematron, executable: Any, text: str) -> None:
        self._rules = rules
        self._executable = executable
        self._text = text
        self._svrl: str | None = None
        self._failure: str | None = None

    def run(self) -> None:
        """Apply the rules to the document's text; the tree is not touched."""
        if self._executable is None:
            self._svrl = ""
            return
        proc = self._rules._proc
        try:
            node = proc.parse_xml(xml_text=self._text)
            self._svrl = self._executable.transform_to_string(xdm_node=node) or ""
        except PySaxonApiError as err:
            self._failure = str(err).strip()

    def problems(self, tree: etree._ElementTree, source: SourceLines) -> Iterator[Problem]:
        """The findings of :meth:`run`, at their elements' lines and columns."""
        name = self._rules.name
        if self._failure is not None or self._svrl is None:
            yield Problem("schematron-failed", "the Schematron rules could not run on this "
                          f"document: {self._failure or 'not run'}", schema=name)
            return
        if self._svrl:
            yield from svrl_problems(etree.fromstring(self._svrl.encode("utf-8")), tree,
                                     source, name)


def svrl_problems(report: etree._Element, tree: etree._ElementTree, source: SourceLines,
                  schema: str) -> Iterator[Problem]:
    """The problems an SVRL report lists, located at their element's line and column."""
    pattern: str | None = None
    for node in report:
        if node.tag == SVRL + "active-pattern":
            pattern = node.get("id") or node.get("name")
        elif node.tag in (SVRL + "failed-assert", SVRL + "successful-report"):
            role = node.get("role")
            location = node.get("location")
            element = locate(tree, location)
            line = element.sourceline if element is not None else None
            column = element_column(element, source) if element is not None else None
            text = svrl_text(node)
            rule = node.get("id") or node.get(PATTERN) or pattern or "schematron"
            yield Problem(rule, text, line, column,
                          severity=severity_of_role(role), schema=schema, xpath=location,
                          role=role)


def svrl_text(node: etree._Element) -> str:
    """An SVRL finding's text, whitespace normalised (with the text of any markup in it)."""
    text = node.find(SVRL + "text")
    return " ".join("".join(text.itertext()).split()) if text is not None else ""


def locate(tree: etree._ElementTree, location: str | None) -> etree._Element | None:
    """The element an SVRL location names (for an attribute or text, its element)."""
    if not location:
        return None
    try:
        found = tree.xpath(location)
    except etree.XPathError:
        return None
    if not isinstance(found, list) or not found:
        return None
    first = found[0]
    if isinstance(first, etree._Element):
        return first
    parent = getattr(first, "getparent", None)
    return parent() if parent else None
