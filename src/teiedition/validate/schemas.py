"""The schemas a document can be checked against, each compiled once per run.

- :class:`ProjectXsd`: ``schema/teiedition.xsd``. lxml's XMLSchema decides
  (about a hundred times faster than xmlschema); when a document is invalid,
  xmlschema gives the diagnostics: every error, with the offending element.
- :class:`SchematronRules`: ISO Schematron through lxml's isoschematron;
  ``schema/teiedition.sch`` or any ``.sch`` a user names.
- :class:`relaxng.RelaxNG`: any ``.rng``, e.g. the official TEI P5 ``tei_all.rng``,
  compiled for the elements the documents use.
- :class:`UserXsd`: any other ``.xsd``, through lxml.
- Schematron embedded in a ``.rng`` or ``.xsd``, and ``.sch`` files with an XPath 2.0+
  query binding: :class:`schematron.SaxonSchematron`.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Protocol

from lxml import etree, isoschematron

from ..errors import InputError
from ..resources import resource
from .locate import SourceLines, element_column
from .messages import lxml_schema_message, tidy, xmlschema_message
from . import passes, schematron
from .cache import SchemaCache
from .cache import digest as cache_digest
from .problems import Problem, severity_of_role
from .relaxng import RelaxNG
from .schematron import locate, svrl_text

if TYPE_CHECKING:
    import xmlschema

SVRL = "{http://purl.oclc.org/dsdl/svrl}"
#: Above this many elements, xmlschema's diagnostics would take too long; lxml's are given.
XMLSCHEMA_DIAGNOSTICS_LIMIT = 200_000


class Schema(Protocol):
    """A compiled schema: yields the problems of a parsed document."""

    name: str

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines) -> Iterator[Problem]: ...


def _parse_schema_file(path: Path) -> etree._ElementTree:
    if not path.is_file():
        raise InputError("schema not found", path=str(path))
    try:
        return etree.parse(str(path), etree.XMLParser(no_network=True, resolve_entities=False))
    except etree.XMLSyntaxError as err:
        raise InputError(f"the schema is not well-formed XML: {err.msg}", path=str(path)) from None


def _line_column(element: etree._Element | None, source: SourceLines) -> tuple[int | None,
                                                                                int | None]:
    if element is None or not isinstance(element.tag, str):
        return None, None
    return element.sourceline, element_column(element, source)


class ProjectXsd:
    """The project's XML Schema: structure and datatypes of the TEI subset."""

    name = "project"

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or resource("schema", "teiedition.xsd")
        self._lxml = etree.XMLSchema(_parse_schema_file(self.path))
        self._xmlschema: "xmlschema.XMLSchema | None" = None

    def _diagnostics(self) -> "xmlschema.XMLSchema":
        # Loaded only when a document is invalid (importing xmlschema alone takes 0.1-0.2 s,
        # a third of a quick run); 'local' forbids network access.
        if self._xmlschema is None:
            import xmlschema
            self._xmlschema = xmlschema.XMLSchema(str(self.path.resolve()), allow="local")
        return self._xmlschema

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines) -> Iterator[Problem]:
        if self._lxml.validate(tree):
            return
        lxml_errors = list(self._lxml.error_log)
        problems: list[Problem] = []
        if sum(1 for _ in tree.iter()) <= XMLSCHEMA_DIAGNOSTICS_LIMIT:
            problems = list(self._xmlschema_problems(tree, source))
        if not problems:  # a large file, or xmlschema saw nothing: libxml2's words
            for entry in lxml_errors:
                rule, message = lxml_schema_message(entry.message)
                problems.append(Problem(rule, message, entry.line or None,
                                        entry.column or None, detail=tidy(entry.message)))
        yield from problems

    def _xmlschema_problems(self, tree: etree._ElementTree,
                            source: SourceLines) -> Iterator[Problem]:
        for err in self._diagnostics().iter_errors(tree):
            element = err.invalid_child if err.invalid_child is not None else err.elem
            tag = err.elem.tag if err.elem is not None and isinstance(err.elem.tag, str) else None
            particles = getattr(err, "expected", None) or ()
            expected = [tidy(getattr(e, "name", "") or "") for e in particles
                        if getattr(e, "name", None)]
            rule, message = xmlschema_message(err.reason or str(err), tag, expected)
            line, column = _line_column(element, source)
            yield Problem(rule, message, line, column, detail=tidy(err.reason or ""),
                          xpath=err.path)


class UserXsd:
    """Any XML Schema a user names, validated with lxml."""

    def __init__(self, path: Path, tree: etree._ElementTree | None = None) -> None:
        self.name = path.name
        try:
            self._schema = etree.XMLSchema(tree if tree is not None else _parse_schema_file(path))
        except etree.XMLSchemaParseError as err:
            raise InputError(f"not a usable XML Schema: {err}", path=str(path)) from None

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines) -> Iterator[Problem]:
        if self._schema.validate(tree):
            return
        for entry in self._schema.error_log:
            rule, message = lxml_schema_message(entry.message)
            yield Problem(rule, message, entry.line or None, entry.column or None,
                          schema=self.name, detail=tidy(entry.message))


class SchematronRules:
    """ISO Schematron rules; each failed assertion or successful report is a problem."""

    def __init__(self, path: Path, *, phase: str | None = None, name: str | None = None) -> None:
        self.name = name or path.name
        try:
            # No svrl:fired-rule per matched element: with a `*` rule that would be a
            # report node for every element of the document.
            compiled = isoschematron.Schematron(
                _parse_schema_file(path), store_xslt=True, phase=phase,
                error_finder=isoschematron.Schematron.ASSERTS_AND_REPORTS,
                compile_params={"generate-fired-rule": "'false'"})
        except etree.SchematronParseError as err:
            raise InputError(f"not a usable Schematron schema: {err}", path=str(path)) from None
        # lxml compiles (and checks) the schema with the ISO skeleton; its stylesheet is then
        # rewired (passes.py): without the skeleton's second walk of every node per
        # pattern, without visiting attributes, comments and processing instructions that
        # no rule context can match, and with a rule's assertions tested together first
        # (issue 16: the project's rules, 1,000,000 words, 0.92 s -> 0.81 s). The same
        # findings in the same order. The patterns keep a walk each: one walk for all
        # (as for Saxon) saves nothing in libxslt and would interleave their findings.
        stylesheet = copy.deepcopy(compiled.validator_xslt.getroot())
        passes.trim_traversals(stylesheet)
        passes.guard_assertions(stylesheet)
        self._xslt = etree.XSLT(stylesheet)

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines) -> Iterator[Problem]:
        report = self._xslt(tree).getroot()
        if report is None:
            return
        for node in report.iter(SVRL + "failed-assert", SVRL + "successful-report"):
            rule = node.get("id") or "schematron"
            role = node.get("role")
            location = node.get("location")
            line, column = _line_column(locate(tree, location), source)
            text = svrl_text(node)
            yield Problem(rule, text, line, column, severity=severity_of_role(role),
                          schema=self.name, xpath=location, role=role)


class SchemaFile:
    """A schema file's bytes (the key of what the cache keeps), parsed on first use."""

    #: Elements that pull in other files, which a cache key on this file's bytes misses.
    _INCLUDES = re.compile(rb"<(?:[\w.-]+:)?(?:include|externalRef|import|redefine|override)\b")

    def __init__(self, path: Path) -> None:
        if not path.is_file():
            raise InputError("schema not found", path=str(path))
        self.path = path
        self.data = path.read_bytes()
        self._tree: etree._ElementTree | None = None

    @property
    def tree(self) -> etree._ElementTree:
        if self._tree is None:
            self._tree = _parse_schema_file(self.path)
        return self._tree

    @property
    def self_contained(self) -> bool:
        """Whether the file includes or imports nothing (a conservative look at its tags)."""
        return self._INCLUDES.search(self.data) is None


def load_schemas(spec: str, *, require_review: bool = False, embedded_rules: bool = True,
                 cache: SchemaCache | None = None) -> list[Schema]:
    """Compile what ``--schema SPEC`` names: ``project``, or a .rng, .xsd or .sch file.

    A RELAX NG or XML Schema file's embedded Schematron is compiled with it
    unless ``embedded_rules`` is false. ``cache`` keeps derived grammars and
    compiled rules between runs (see cache.py).
    """
    cache = cache or SchemaCache(None)
    if spec == "project":
        return [ProjectXsd(), SchematronRules(resource("schema", "teiedition.sch"),
                                              phase="publication" if require_review else None,
                                              name="project")]
    path = Path(spec)
    suffix = path.suffix.lower()
    if suffix not in (".rng", ".xsd", ".sch"):
        raise InputError(f"--schema: '{spec}' is not 'project' nor a .rng, .xsd or .sch file "
                         "(RELAX NG compact syntax, .rnc, is not supported: convert it with "
                         "trang)")
    source = SchemaFile(path)
    if suffix == ".sch":
        binding = schematron.query_binding(source.tree)
        if binding in schematron.XSLT1_BINDINGS:
            return [SchematronRules(path)]
        if binding not in schematron.XPATH2_BINDINGS:
            raise InputError(f"the Schematron query binding '{binding}' is not supported "
                             "(xslt, xslt2 and xslt3 are)", path=str(path))
    grammar: list[Schema] = []
    if suffix == ".rng":
        grammar = [RelaxNG(source, cache)]
    elif suffix == ".xsd":
        grammar = [UserXsd(path, source.tree)]
    if not embedded_rules and suffix != ".sch":
        return grammar
    rules = _extracted_rules(source, cache)
    if rules is None:
        if suffix == ".sch":
            raise InputError("not a usable Schematron schema: no pattern", path=str(path))
        return grammar
    key = cache_digest("schematron", source.data) if source.self_contained else ""
    no_cache = SchemaCache(None)  # rules from other files: the key would not cover them
    return grammar + [schematron.SaxonSchematron(rules, name=path.name, key=key,
                                                 cache=cache if key else no_cache)]


def _extracted_rules(source: SchemaFile, cache: SchemaCache) -> etree._ElementTree | None:
    """The schema's Schematron (embedded, or the schema itself), from the cache when it is
    there: extracting it from tei_all.rng means reading 1 MB of RELAX NG."""
    if not source.self_contained:
        return schematron.extract(source.tree)
    key = cache_digest("schematron", source.data)
    cached = cache.get("schematron", key)
    if cached is not None:
        return etree.ElementTree(etree.fromstring(cached)) if cached else None
    rules = schematron.extract(source.tree)
    cache.put("schematron", key, etree.tostring(rules) if rules is not None else b"")
    return rules
