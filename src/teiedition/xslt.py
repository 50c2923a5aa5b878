"""Running XSLT 3.0 with Saxon (saxonche), safely.

Saxon will read files and URLs a stylesheet or a document asks for
(``unparsed-text``, ``document``, external entities) and write anywhere
``xsl:result-document`` says. So: documents are parsed by lxml (see
xmlparse.py) and handed to Saxon as text with no DOCTYPE; the trusted
stylesheets are compiled first, then file and network access is switched off
for the processor; result documents are captured in memory, and each must
name a path inside the output folder. Writing them is the caller's business.

Each stylesheet is compiled once, in a Saxon processor of its own that is closed to
files and the network as soon as it is compiled (a compiled stylesheet cannot be added
to a closed processor). :func:`bundled` gives the stylesheets shipped in ``xslt/``,
each compiled on first use, never at import: ``teiedition html`` compiles the HTML
stylesheet only, not the Typst one too (a tenth of a second of every command).
"""

from __future__ import annotations

import functools
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import unquote, urlsplit

from lxml import etree
from saxonche import PyXdmValue, PySaxonApiError, PySaxonProcessor

from .errors import TeieditionError
from .resources import resource_dir

ALLOWED_PROTOCOLS = "http://saxon.sf.net/feature/allowedProtocols"
#: A base URI no file system has: result documents resolve against it, so their paths can be
#: checked as plain relative paths.
OUTPUT_BASE = "file:///teiedition-output/"


class RenderError(TeieditionError):
    """A stylesheet failed, or tried to do what teiedition does not allow."""


@dataclass(frozen=True)
class Parsed:
    """A document as Saxon holds it: parse once with :meth:`Stylesheets.parse`, run several
    transformations with ``stylesheet`` on it (the text page and the edition's pages).
    (A node belongs to the processor of the stylesheet it was parsed for.)"""

    node: Any
    stylesheet: str


@dataclass(frozen=True)
class Result:
    """What one transformation produced."""

    main: str
    #: Result documents: relative path inside the output folder → serialised text.
    documents: Mapping[str, str]
    messages: tuple[str, ...]


@dataclass(frozen=True)
class _Compiled:
    """One stylesheet compiled in a Saxon processor of its own, closed to files and URLs."""

    processor: Any
    executable: Any


def _compile(path: Path) -> _Compiled:
    processor = PySaxonProcessor(license=False)
    try:
        executable = processor.new_xslt30_processor().compile_stylesheet(
            stylesheet_file=str(path))
    except PySaxonApiError as err:
        raise RenderError(f"stylesheet {path} does not compile: {err}") from None
    # From here on no stylesheet and no document of this processor may open a file or a URL.
    processor.set_configuration_property(ALLOWED_PROTOCOLS, "")
    return _Compiled(processor, executable)


class Stylesheets:
    """Stylesheets compiled once, each in its own Saxon processor with files and network
    switched off after."""

    def __init__(self, stylesheets: Mapping[str, Path | _Compiled]) -> None:
        self._compiled = {name: path if isinstance(path, _Compiled) else _compile(path)
                          for name, path in stylesheets.items()}

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(self._compiled)

    def parse(self, tree: etree._ElementTree | etree._Element, stylesheet: str) -> Parsed:
        """Hand a document parsed by lxml to Saxon (as text, with no DOCTYPE), to be
        transformed by ``stylesheet``."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        processor = self._compiled[stylesheet].processor
        return Parsed(processor.parse_xml(xml_text=etree.tostring(root, encoding="unicode")),
                      stylesheet)

    def parse_text(self, text: str, stylesheet: str) -> Parsed:
        """Hand Saxon a document serialised by lxml (as :meth:`parse` does, with no DOCTYPE),
        to be transformed by ``stylesheet``: for a document written piece by piece that was
        never one lxml tree."""
        return Parsed(self._compiled[stylesheet].processor.parse_xml(xml_text=text), stylesheet)

    def run(self, name: str, tree: etree._ElementTree | etree._Element | Parsed,
            params: Mapping[str, str | bool | int] | None = None) -> Result:
        """Transform a document (parsed by lxml, or handed to Saxon with :meth:`parse`)
        with the stylesheet ``name``."""
        if isinstance(tree, Parsed) and tree.stylesheet != name:
            raise ValueError(f"a document parsed for {tree.stylesheet!r} run with {name!r}")
        executable = self._compiled[name].executable.clone()
        for key, value in (params or {}).items():
            executable.set_parameter(key, self._value(self._compiled[name].processor, value))
        executable.set_capture_result_documents(True)
        executable.set_base_output_uri(OUTPUT_BASE)
        executable.set_save_xsl_message(True)
        node = (tree if isinstance(tree, Parsed) else self.parse(tree, name)).node
        try:
            main = executable.transform_to_string(xdm_node=node) or ""
        except PySaxonApiError as err:
            raise RenderError(f"{name}: {str(err).strip()}") from None
        documents = {_inside(uri): _text(value)
                     for uri, value in (executable.get_result_documents() or {}).items()}
        messages = tuple(str(m) for m in (executable.get_xsl_messages() or []))
        return Result(main, documents, messages)

    @staticmethod
    def _value(processor: Any, value: str | bool | int) -> PyXdmValue:
        if isinstance(value, bool):
            return processor.make_boolean_value(value)
        if isinstance(value, int):
            return processor.make_integer_value(value)
        return processor.make_string_value(str(value))


#: Saxon's node kinds: element and text.
_ELEMENT, _TEXT = 1, 3


def _text(value: PyXdmValue) -> str:
    """A captured result document as text. Saxon captures the tree, not its serialization:
    a document that holds only text (a stylesheet serialized the page itself with
    serialize(), as the edition's pages are) is that text; one with elements is written
    as XML."""
    node = value.head
    children = node.children if node is not None else []
    if children and all(child.node_kind == _TEXT for child in children):
        return node.string_value
    return str(value)


def _inside(uri: str) -> str:
    """The relative path of a result document, or an error if it would leave the folder."""
    parsed, base = urlsplit(uri), urlsplit(OUTPUT_BASE)
    path = unquote(parsed.path)
    inside = parsed.scheme == "file" and parsed.netloc in ("", "localhost") and \
        path.startswith(base.path)
    normal = posixpath.normpath(path[len(base.path):]) if inside else None
    if not normal or normal.startswith(("..", "/")) or normal == ".":
        raise RenderError(f"a stylesheet tried to write outside the output folder: {uri}")
    return normal


def bundled(*names: str) -> Stylesheets:
    """The stylesheets shipped in ``xslt/`` (each entry stylesheet at its top: "html",
    "typst"), or only ``names`` of them; each compiled once per process, when first asked
    for."""
    return Stylesheets({name: _bundled(name) for name in names or _bundled_names()})


@functools.cache
def _bundled_names() -> tuple[str, ...]:
    return tuple(path.stem for path in sorted(resource_dir("xslt").glob("*.xsl")))


@functools.cache
def _bundled(name: str) -> _Compiled:
    if name not in _bundled_names():
        raise ValueError(f"no bundled stylesheet {name!r}: {', '.join(_bundled_names())}")
    return _compile(resource_dir("xslt") / f"{name}.xsl")
