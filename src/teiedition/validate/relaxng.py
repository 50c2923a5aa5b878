"""RELAX NG, compiled for the elements a document uses (issue 16: one file faster than Jing).

libxml2 takes 5 s or more to compile the whole of ``tei_all.rng`` (about 600
elements, classes of hundreds of alternatives), and a run that checks one file
paid that every time. A document uses a few dozen elements. So the grammar is
reduced to the element names the documents of the run contain, then compiled:

- *verdict grammar*: every ``<element>`` whose name (a plain name, not a name
  class) is absent from the documents becomes ``<notAllowed/>``, and defines no
  longer reachable from ``start`` are dropped. It decides validity in
  milliseconds, and decides it exactly: such an element pattern can match no
  element of the document, and ``notAllowed`` matches nothing either, so the
  two grammars accept the same documents among those using only these names
  (``choice(p, notAllowed) = p``, ``optional(notAllowed) = empty``, a required
  absent element fails both ways). Tested on every corpus file against Jing.
- *diagnostic grammar*, compiled for an invalid or a large document, or once a
  batch has spent a second on verdict grammars: absent elements keep their name
  with an empty content. This keeps the structure of every choice, so libxml2
  reports the same messages as with the whole grammar (tested on the 15
  invalid corpus files) and validates as fast; it compiles in 1-3 s.

A grammar compiled for a set of names serves every later document whose names
are a subset; a document with new names gets a verdict grammar for the union,
so a batch compiles a few times at its start. A run compiles at most three
diagnostic grammars, each for the union of the names seen so far; a fourth
would cost nearly what the whole grammar costs, which then serves the rest of
the run. Reduced
grammars are kept in the user's cache (cache.py), so a later run with the same
schema and names reads them instead of reducing the whole grammar again.
Grammars with ``include``, ``externalRef``, ``parentRef`` or nested grammars
are compiled whole.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Iterator

from lxml import etree

from ..errors import InputError
from .attributes import AttributeIndex, describe, first_ids
from .cache import SchemaCache
from .cascade import STRUCTURAL, echoes
from .datatypes import JING_PATTERNS, align_datatypes
from .cache import digest as cache_digest
from .expect import MAX_NODES as EXPECT_MAX_NODES
from .expect import expected_children
from .grammar import element_name as _element_name
from .locate import SourceLines, column_of, element_column, stray_text
from .messages import relaxng_message, tidy
from .problems import Problem
from .prune import split_tag

if TYPE_CHECKING:
    from .schemas import SchemaFile

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
Names = frozenset[tuple[str, str]]
#: From this many nodes on, a document is checked with the diagnostic grammar straight away:
#: libxml2 validates against the verdict grammar (whose choices hold notAllowed) about seven
#: times slower (0.1 ms a node), which outweighs the diagnostic grammar's longer compilation
#: (1-2 s) from about 15,000 nodes (1.5 MB of prose TEI) on.
LARGE_DOCUMENT = 15_000
#: For the same reason, a run that has spent this long validating against verdict grammars
#: (a batch of files) switches to the diagnostic grammar, compiled once for the rest.
VERDICT_BUDGET_SECONDS = 1.0
#: A run compiles at most this many diagnostic grammars, for growing sets of names, before
#: it compiles the whole grammar.
MAX_DIAGNOSTIC_GRAMMARS = 3
#: Elements whose text is taken out for a trial (each a validation of the document).
MAX_TEXT_TRIALS = 20
_NAMED = re.compile(r"(?:Did not expect element (\S+) there|Expecting element \S+, got (\S+))")
_EXTRA_CONTENT = re.compile(r"Element (\S+) has extra content: (\S+)")
_INVALID_ATTRIBUTE = re.compile(r"Invalid attribute (\S+) for element ")


def element_names(tree: etree._ElementTree) -> Names:
    """The (namespace, local name) of every element of a document."""
    return frozenset({split_tag(tag) for tag in {e.tag for e in tree.iter(etree.Element)}})


def reducible(grammar: etree._ElementTree) -> bool:
    """Whether the grammar is one flat file whose defines share one scope."""
    root = grammar.getroot()
    if root.tag != _R + "grammar":
        return False
    nested = (_R + "include", _R + "externalRef", _R + "parentRef")
    return not any(e.tag in nested for e in root.iter()) and \
        not any(True for _ in root.iterdescendants(_R + "grammar"))


def reduce_grammar(grammar: etree._ElementTree, names: Names, *,
                   keep_structure: bool = False) -> etree._ElementTree:
    """A copy of a :func:`reducible` grammar for documents using only ``names``.

    Absent elements become ``notAllowed`` (or, with ``keep_structure``, keep
    their name with empty content); unreachable defines are dropped.
    """
    copy = etree.ElementTree(etree.fromstring(etree.tostring(grammar),
                                              base_url=grammar.docinfo.URL))
    root = copy.getroot()
    for element in list(root.iter(_R + "element")):
        name = _element_name(element)
        if name is None or name in names:
            continue
        if keep_structure:
            for child in list(element):
                if child.tag != _R + "name":
                    element.remove(child)
            etree.SubElement(element, _R + "empty")
        else:
            replacement = etree.Element(_R + "notAllowed")
            replacement.tail = element.tail
            element.getparent().replace(element, replacement)
    _drop_unreachable(root)
    return copy


def _drop_unreachable(root: etree._Element) -> None:
    defines: dict[str, list[etree._Element]] = {}
    for define in root.iterchildren(_R + "define"):
        defines.setdefault(define.get("name", ""), []).append(define)
    reached: set[str] = set()
    todo = list(root.iterchildren(_R + "start"))
    while todo:
        for ref in todo.pop().iter(_R + "ref"):
            name = ref.get("name", "")
            if name not in reached:
                reached.add(name)
                todo.extend(defines.get(name, []))
    for name, group in defines.items():
        if name not in reached:
            for define in group:
                root.remove(define)


class _Compiled:
    """Grammars compiled for growing sets of names: the set and its compiled schema."""

    def __init__(self) -> None:
        self.names: Names = frozenset()
        self.schema: etree.RelaxNG | None = None


class RelaxNG:
    """A RELAX NG schema (XML syntax), such as the official TEI P5 ``tei_all.rng``."""

    def __init__(self, source: SchemaFile, cache: SchemaCache) -> None:
        self.name = source.path.name
        self.rule = source.path.stem
        self._source = source
        self._cache = cache
        self._whole: etree.RelaxNG | None = None
        self._verdict = _Compiled()
        self._diagnostic = _Compiled()
        self._verdict_seconds = 0.0
        self._verdict_documents = 0
        #: Documents the run has said are still to come (see :meth:`expect`), this one included.
        self._expected = 0
        self._diagnostic_compiles = 1
        self._aligned: etree._ElementTree | None = None
        #: The attributes each element allows, read from the grammar when a message needs them.
        self._attributes: AttributeIndex | None = None

    def expect(self, count: int) -> None:
        """Hear that ``count`` documents follow (a batch): once the first has shown what
        the verdict grammar costs a document, a batch that would spend the budget on it
        anyway compiles the diagnostic grammar straight away instead of first spending it."""
        self._expected = count

    def _use_verdict(self, nodes: int) -> bool:
        if nodes >= LARGE_DOCUMENT or self._verdict_seconds >= VERDICT_BUDGET_SECONDS:
            return False
        if self._verdict_documents and self._expected > 1:
            projected = self._verdict_seconds / self._verdict_documents * self._expected
            return self._verdict_seconds + projected < VERDICT_BUDGET_SECONDS
        return True

    @property
    def _grammar_tree(self) -> etree._ElementTree:
        """The schema's grammar, with its datatypes checked as Jing checks them
        (datatypes.py)."""
        if self._aligned is None:
            self._aligned = align_datatypes(self._source.tree)
        return self._aligned

    def _compile_whole(self) -> etree.RelaxNG:
        if self._whole is None:
            try:
                self._whole = etree.RelaxNG(self._grammar_tree)
            except etree.RelaxNGParseError as err:
                raise InputError(f"not a usable RELAX NG schema: {err}",
                                 path=str(self._source.path)) from None
        return self._whole

    def _for(self, compiled: _Compiled, names: Names, keep_structure: bool) -> etree.RelaxNG:
        if self._whole is not None:
            return self._whole
        if compiled.schema is not None and names <= compiled.names:
            return compiled.schema
        if keep_structure and compiled.schema is not None:
            # A diagnostic grammar costs a second or two and approaches the whole one as the
            # set grows: after a few, the whole grammar (5 s or more) serves the rest. (In a
            # batch of letters, the first with one more element name would otherwise cost
            # the whole grammar.)
            self._diagnostic_compiles += 1
            if self._diagnostic_compiles > MAX_DIAGNOSTIC_GRAMMARS:
                return self._compile_whole()
        union = compiled.names | names
        kind = "rng-diagnostic" if keep_structure else "rng-verdict"
        key = cache_digest(kind, self._source.data, repr(sorted(JING_PATTERNS.items())),
                           "\n".join(sorted(" ".join(n) for n in union)))
        schema = self._cached(kind, key)
        if schema is None:
            if not reducible(self._grammar_tree):
                return self._compile_whole()
            reduced = reduce_grammar(self._grammar_tree, union, keep_structure=keep_structure)
            try:
                schema = etree.RelaxNG(reduced)
            except etree.RelaxNGParseError:
                # e.g. no start element left (the document's root is not in the grammar):
                # the whole grammar says so in its own words.
                return self._compile_whole()
            self._cache.put(kind, key, etree.tostring(reduced))
        compiled.schema, compiled.names = schema, union
        return schema

    def _cached(self, kind: str, key: str) -> etree.RelaxNG | None:
        data = self._cache.get(kind, key)
        if data is None:
            return None
        try:
            return etree.RelaxNG(etree.fromstring(data))
        except (etree.XMLSyntaxError, etree.RelaxNGParseError):
            return None  # cannot happen with the checksum; compiled afresh and replaced

    def prepare(self, tree: etree._ElementTree, names: Names | None = None) -> "GrammarRun":
        """Everything that needs the interpreter before the verdict (the document's names,
        the grammar for them, compiled if need be); :meth:`GrammarRun.run` then stays in
        libxml2, which lets go of the interpreter lock, so that Saxon can run the rules on
        the other core meanwhile. ``names``: the document's :func:`prune.document_names`,
        when the caller has them already (its attributes are left aside here)."""
        small = self._use_verdict(sum(1 for _ in tree.iter()))
        self._expected = max(self._expected - 1, 0)
        names = element_names(tree) if names is None else \
            frozenset(name for name in names if name[0] != "@")
        schema = self._for(self._verdict, names, False) if small else \
            self._for(self._diagnostic, names, True)
        return GrammarRun(self, tree, schema, small)

    def iter_problems(self, tree: etree._ElementTree,
                      source: SourceLines) -> Iterator[Problem]:
        pending = self.prepare(tree)
        pending.run()
        yield from pending.problems(tree, source)

    def _diagnose(self, tree: etree._ElementTree, source: SourceLines, *,
                  small: bool) -> Iterator[Problem]:
        """The problems of a document that the verdict grammar rejected (or that is large):
        the diagnostic grammar's messages, or the whole grammar's."""
        schema = self._for(self._diagnostic, element_names(tree), True)
        if schema.validate(tree):
            if not small or schema is self._whole:
                return
            # The two reduced grammars disagree, which their equivalence rules out: the
            # whole grammar decides rather than a verdict without messages.
            schema = self._compile_whole()
            if schema.validate(tree):
                return
        yield from self._problems(list(schema.error_log), schema, tree, source)

    def _problems(self, entries: list[etree._LogEntry], schema: etree.RelaxNG,
                  tree: etree._ElementTree, source: SourceLines) -> Iterator[Problem]:
        """libxml2's errors as problems, without those that only echo another
        (cascade.py). ``entries`` is a copy of the log: the trials of expect.py validate
        again."""
        elements = [_subject(entry, _element_at(tree, entry.path)) for entry in entries]
        kinds = [_kind(entry, element) for entry, element in zip(entries, elements, strict=True)]
        dropped = echoes(list(zip(kinds, elements, strict=True)))
        _blame_text(schema, tree, kinds, elements, dropped)
        ids: dict[str, etree._Element] | None = None
        for index, (entry, element) in enumerate(zip(entries, elements, strict=True)):
            if index in dropped:
                continue
            if ids is None and entry.type_name == "RELAXNG_ERR_INVALIDATTR":
                ids = first_ids(tree)
            yield self._problem(entry, element, kinds[index], schema, tree, source, ids or {})

    def _problem(self, entry: etree._LogEntry, element: etree._Element | None, kind: str,
                 schema: etree.RelaxNG, tree: etree._ElementTree, source: SourceLines,
                 ids: dict[str, etree._Element]) -> Problem:
        message = relaxng_message(entry.message)
        line = entry.line or None
        column = entry.column or _tag_column(source, entry.line, entry.message)
        if element is not None and kind == "RELAXNG_ERR_NOELEM":
            # libxml2: "Expecting an element , got nothing"; Jing: 'element "lg" incomplete;
            # expected element "l", ...'. Say which element, where, and what it lacks.
            line, column = element.sourceline, element_column(element, source)
            name = etree.QName(element).localname
            expected = expected_children(schema, self._source.tree, tree, entry.path)
            if expected:
                message = f"<{name}> is incomplete; expected " + ", ".join(
                    f"<{n}>" for n in expected)
            else:
                last = next((c for c in reversed(element) if isinstance(c.tag, str)), None)
                message = f"<{name}> is incomplete: a required child element is missing" + (
                    f" after <{etree.QName(last).localname}>" if last is not None else "")
        elif element is not None and kind == "RELAXNG_ERR_ELEMWRONG" and \
                element.getparent() is not None:
            line, column = element.sourceline, element_column(element, source)
            message += f" (inside <{etree.QName(element.getparent()).localname}>)"
        elif element is not None and kind == "RELAXNG_ERR_INVALIDATTR" and \
                (m := _INVALID_ATTRIBUTE.match(entry.message)):
            if self._attributes is None:
                self._attributes = AttributeIndex(self._source.tree)
            message, written = describe(self._attributes, element, m.group(1), ids) or \
                (message, m.group(1))
            # At the attribute, when it stands on the line of the end of the start tag.
            line, start = element.sourceline, element_column(element, source)
            column = column_of(source, line, f" {written}=", start or 1)
            column = column + 1 if column else start
        elif element is not None and kind == "RELAXNG_ERR_TEXTWRONG":
            # Jing points at the text; libxml2 at the element that holds it.
            text, line, _ = stray_text(element, source)
            column = column_of(source, line, text.split()[0] if text.split() else "")
            message = (f"<{etree.QName(element).localname}> may not contain text here "
                       f"(\"{_shorten(text)}\")")
        return Problem(self.rule, message, line, column, schema=self.name,
                       detail=tidy(entry.message))


class GrammarRun:
    """One document's check by :class:`RelaxNG`, in three steps like the rules'
    (schematron.PendingRun): prepared, :meth:`run` (libxml2 alone), :meth:`problems`."""

    def __init__(self, grammar: RelaxNG, tree: etree._ElementTree, schema: etree.RelaxNG,
                 small: bool) -> None:
        self._grammar = grammar
        self._tree = tree
        self._schema = schema
        self._small = small
        self._valid: bool | None = None

    def run(self) -> None:
        """The verdict of the grammar prepared for the document (the tree is only read)."""
        start = time.perf_counter()
        self._valid = bool(self._schema.validate(self._tree))
        if self._small:
            self._grammar._verdict_seconds += time.perf_counter() - start
            self._grammar._verdict_documents += 1

    def problems(self, tree: etree._ElementTree, source: SourceLines) -> Iterator[Problem]:
        """Nothing for a valid document; else the messages, from a grammar that gives them."""
        if self._valid is None:
            self.run()
        if self._valid:
            return
        if not self._small:
            # The diagnostic (or whole) grammar already said no: its own log has the reasons.
            yield from self._grammar._problems(list(self._schema.error_log), self._schema,
                                               tree, source)
            return
        yield from self._grammar._diagnose(tree, source, small=True)


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    """The element a libxml2 error's path names (``/*/*[2]/*``), if it names one. An element
    in another namespace is named with the document's prefix (``/*/*[2]/ns0:thing``)."""
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        prefixes = {prefix: uri for element in tree.iter(etree.Element)
                    for prefix, uri in element.nsmap.items() if prefix}
        try:
            found = tree.xpath(path, namespaces=prefixes)
        except etree.XPathError:
            return None
    return found[0] if isinstance(found, list) and found and \
        isinstance(found[0], etree._Element) else None


def _blame_text(schema: etree.RelaxNG, tree: etree._ElementTree, kinds: list[str],
                elements: list[etree._Element | None], dropped: set[int]) -> None:
    """Text after the last child of an element that takes only elements, libxml2 may
    report as its children not being allowed ("Did not expect element place there",
    "Element listPlace has extra content: place"), never naming the text. Where the
    children's parent holds such text and nothing deeper explains the errors, the document
    is checked again without that text: when the parent and its children then pass, the
    first of their errors becomes one about the text (its kind, and the parent, set in
    ``kinds`` and ``elements``) and the others are added to ``dropped``. Like the trials
    of expect.py, only in documents of up to ``expect.MAX_NODES`` nodes."""
    suspects: dict[etree._Element, list[int]] = {}
    if not any(kind in STRUCTURAL for kind in kinds) or \
            sum(1 for _ in tree.iter()) > EXPECT_MAX_NODES:
        return  # each trial validates the whole document again: small documents only
    for index, (kind, element) in enumerate(zip(kinds, elements, strict=True)):
        parent = element.getparent() if element is not None else None
        if index not in dropped and kind in STRUCTURAL and parent is not None and \
                parent not in elements and stray_text(parent)[0]:
            suspects.setdefault(parent, []).append(index)
    for parent, indexes in list(suspects.items())[:MAX_TEXT_TRIALS]:
        texts = [parent.text] + [child.tail for child in parent]
        parent.text = _blank(parent.text)
        for child in parent:
            child.tail = _blank(child.tail)
        try:
            schema.validate(tree)
            still = any(found is parent or (found is not None and found.getparent() is parent)
                        for found in (_element_at(tree, e.path) for e in schema.error_log))
        finally:
            parent.text = texts[0]
            for child, tail in zip(parent, texts[1:], strict=True):
                child.tail = tail
        if not still:
            kinds[indexes[0]], elements[indexes[0]] = "RELAXNG_ERR_TEXTWRONG", parent
            dropped.update(indexes[1:])


def _blank(text: str | None) -> str | None:
    """Only the line ends of ``text`` (so that lines stay where they are)."""
    return None if text is None else "\n" * text.count("\n")


def _subject(entry: etree._LogEntry, element: etree._Element | None
             ) -> etree._Element | None:
    """The element an error is about. libxml2's path names the element that was not
    expected, or its parent (when its first child was not): then the first child of that
    name."""
    named = _NAMED.match(entry.message)
    name = named and (named.group(1) or named.group(2))
    if element is None or not name or etree.QName(element).localname == name:
        return element
    return next((child for child in element.iterchildren(etree.Element)
                 if etree.QName(child).localname == name), element)


def _kind(entry: etree._LogEntry, element: etree._Element | None) -> str:
    """libxml2's type of error, except that text where only elements may stand is always
    ``RELAXNG_ERR_TEXTWRONG``: libxml2 also says "Expecting an element got text", or
    "Element list has extra content: text" about the element that holds it."""
    if entry.type_name == "RELAXNG_ERR_NOTELEM":
        return "RELAXNG_ERR_TEXTWRONG"
    # The path names the extra child element, or the element itself when the extra is text.
    extra = _EXTRA_CONTENT.match(entry.message)
    if entry.type_name == "RELAXNG_ERR_EXTRACONTENT" and extra and element is not None and \
            extra.group(2) == "text" and etree.QName(element).localname == extra.group(1) and \
            extra.group(1) != "text":
        return "RELAXNG_ERR_TEXTWRONG"
    return entry.type_name


def _shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _tag_column(source: SourceLines, line: int | None, message: str) -> int | None:
    """Find the start tag a RELAX NG message names on its line."""
    if not line:
        return None
    text = source.line(line)
    for word in tidy(message).split():
        word = word.strip(":,")
        if word and word.replace(":", "").replace("_", "").replace("-", "").isalnum():
            index = text.find("<" + word)
            if index >= 0:
                return index + 1
    stripped = len(text) - len(text.lstrip())
    return stripped + 1 if text.strip() else None
