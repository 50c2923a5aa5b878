"""Opening a Word package (.docx, .docm) safely: a zip of XML parts that may be hostile.

A .docx is an Open Packaging Convention zip. Everything about it is checked before a part
is parsed (issue 15): that it is a zip at all (an encrypted document is an OLE compound
file, so is an old .doc), that it is not truncated, that it holds no more than a sane
number of parts and bytes however small it is compressed (a zip bomb), that no part is
encrypted. Each part is read with a hard byte limit, because the sizes a zip declares can
lie. XML parts are parsed without DTDs, entities or network; a part that declares a
DOCTYPE is refused, since Word never writes one. Part names come from the package and
may climb (``../``): they name parts inside the zip only, never a file on disk.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from dataclasses import dataclass, field

from lxml import etree

from ..errors import InputError

#: Limits that no real Word document comes near; each stops a hostile one early.
MAX_PARTS = 10_000
MAX_XML_PART = 64 * 2**20
MAX_MEDIA = 32 * 2**20
MAX_TOTAL = 512 * 2**20
#: A part that expands more than this many times (and is large) is a zip bomb.
MAX_RATIO = 200

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"


@dataclass(frozen=True)
class Relationship:
    """A relationship of a part: its type (the last segment), target part or URL."""

    type: str
    target: str
    external: bool


@dataclass
class Package:
    """An opened Word package: its parts by name, read on demand within the limits."""

    zip: zipfile.ZipFile
    path: str
    main: str
    macros: bool
    warnings: list[str] = field(default_factory=list)
    _read_total: int = 0

    def has(self, name: str) -> bool:
        return name in self.zip.NameToInfo

    def read(self, name: str, limit: int = MAX_XML_PART) -> bytes:
        """The bytes of part ``name``; refuses more than ``limit`` bytes whatever the zip says."""
        info = self.zip.getinfo(name)
        if info.file_size > limit:
            raise InputError(f"the part {name} is {info.file_size / 2**20:.0f} MB, more than "
                             f"the {limit // 2**20} MB allowed", path=self.path)
        try:
            with self.zip.open(info) as handle:
                data = handle.read(limit + 1)
        except (zipfile.BadZipFile, EOFError, OSError, RuntimeError) as err:
            raise InputError(f"the Word document is damaged or truncated (part {name}: {err})",
                             path=self.path) from None
        if len(data) > limit:
            raise InputError(f"the part {name} expands beyond {limit // 2**20} MB "
                             "(a zip bomb?); not read", path=self.path)
        self._read_total += len(data)
        if self._read_total > MAX_TOTAL:
            raise InputError(f"the document expands beyond {MAX_TOTAL // 2**20} MB "
                             "(a zip bomb?); not read", path=self.path)
        return data

    def xml(self, name: str) -> etree._Element | None:
        """Part ``name`` parsed safely, or None when the package has no such part."""
        if not self.has(name):
            return None
        return parse_part(self.read(name), name=name, path=self.path, warnings=self.warnings)

    def relationships(self, part: str) -> dict[str, Relationship]:
        """The relationships of ``part`` by id, targets resolved to part names."""
        folder, base = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", base + ".rels"))
        found: dict[str, Relationship] = {}
        if rels is None:
            return found
        for rel in rels.iter(f"{{{REL_NS}}}Relationship"):
            target = rel.get("Target") or ""
            external = rel.get("TargetMode") == "External"
            if not external:
                # Targets are relative to the part's folder, or absolute within the package.
                joined = target[1:] if target.startswith("/") else posixpath.join(folder, target)
                target = posixpath.normpath(joined)
            found[rel.get("Id") or ""] = Relationship(
                (rel.get("Type") or "").rsplit("/", 1)[-1], target, external)
        return found


#: libxml2's errors for a part that ends too soon: it is cut off, and what is missing is lost.
_TRUNCATED = {etree.ErrorTypes.ERR_TAG_NOT_FINISHED, etree.ErrorTypes.ERR_DOCUMENT_END,
              etree.ErrorTypes.ERR_LTSLASH_REQUIRED, etree.ErrorTypes.ERR_DOCUMENT_EMPTY}


def parse_part(data: bytes, *, name: str, path: str,
               warnings: list[str] | None = None) -> etree._Element:
    """Parse one XML part: no DTD, no entities, no network; a DOCTYPE is refused.

    A part with a slip of markup inside (``<w:i/ >``, a mismatched end tag: Word reads
    such files, and pandoc's test suite has one) is read with libxml2's recovery, and a
    warning said in ``warnings``; a part that is cut off is refused, and so is every part
    when no list for warnings is given."""
    options = dict(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=False,
                   collect_ids=False, remove_comments=True)
    parser = etree.XMLParser(**options)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as err:
        truncated = any(entry.type in _TRUNCATED for entry in parser.error_log)
        recovered = None if truncated or warnings is None else etree.fromstring(
            data, etree.XMLParser(recover=True, **options))  # type: ignore[arg-type]
        if recovered is None:
            raise InputError(f"the part {name} is not well-formed XML ({err.msg})",
                             path=path) from None
        warnings.append(f"the part {name} is not well-formed XML ({err.msg}); it was read "
                        "with the XML parser's recovery: compare the text with Word's")
        root = recovered
    if any(uri.startswith(_STRICT) for uri in root.nsmap.values() if uri):
        _as_transitional(root)
    if root.getroottree().docinfo.doctype:
        raise InputError(f"the part {name} declares a DTD (DOCTYPE); Word never writes one, "
                         "so the document is refused (its entities are not expanded)", path=path)
    return root


#: Word's "Strict Open XML Document" (ISO/IEC 29500 strict) names its vocabularies here...
_STRICT = "http://purl.oclc.org/ooxml/"
#: ... where the usual (transitional) documents have ``schemas.openxmlformats.org/X/2006/Y``.
_TRANSITIONAL = "http://schemas.openxmlformats.org/"


def _as_transitional(root: etree._Element) -> None:
    """Rename a strict document's namespaces to the transitional ones, which the reader
    knows: the elements and attributes are the same, only their namespaces differ."""
    def renamed(name: str) -> str:
        if not name.startswith("{" + _STRICT):
            return name
        uri, _, local = name[1:].partition("}")
        first, _, rest = uri[len(_STRICT):].partition("/")
        return f"{{{_TRANSITIONAL}{first}/2006/{rest}}}{local}"

    for el in root.iter():
        if isinstance(el.tag, str):
            el.tag = renamed(el.tag)
            if any(name.startswith("{" + _STRICT) for name in el.attrib):
                items = [(renamed(name), value) for name, value in el.attrib.items()]
                el.attrib.clear()
                el.attrib.update(items)


def open_package(data: bytes, *, path: str) -> Package:
    """Open ``data`` as a Word package, or raise one clear :class:`InputError`."""
    if not data.strip(b"\0 \t\r\n"):
        raise InputError("the file is empty", path=path)
    if data.startswith(_OLE):
        if "EncryptionInfo".encode("utf-16-le") in data:
            raise InputError("the Word document is encrypted (password-protected); save it "
                             "without a password and convert it again", path=path)
        raise InputError("an old Word (.doc) or other OLE file, not a .docx: save it as a "
                         "Word document (.docx)", path=path)
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        what = "a truncated or damaged zip" if data.startswith(b"PK") else "not a zip package"
        raise InputError(f"not a Word document (.docx): {what}", path=path) from None
    infos = package.infolist()
    if len(infos) > MAX_PARTS:
        raise InputError(f"the package holds {len(infos)} parts (more than {MAX_PARTS}); "
                         "not read", path=path)
    declared = 0
    for info in infos:
        if info.flag_bits & 0x1:
            raise InputError(f"the part {info.filename} is encrypted; the document cannot be "
                             "read", path=path)
        declared += info.file_size
        if info.file_size > 10 * 2**20 and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise InputError(f"the part {info.filename} expands {ratio} times (a zip bomb?); "
                             "not read", path=path)
    if declared > MAX_TOTAL:
        raise InputError(f"the package expands to {declared / 2**20:.0f} MB, more than "
                         f"{MAX_TOTAL // 2**20} MB (a zip bomb?); not read", path=path)
    pkg = Package(package, path, "", macros=False)
    main = next((rel.target for rel in pkg.relationships("").values()
                 if rel.type == "officeDocument" and not rel.external), None) \
        if pkg.has("_rels/.rels") else None
    main = main or "word/document.xml"
    if not pkg.has(main):
        raise InputError("a zip file, but not a Word document (it has no word/document.xml)",
                         path=path)
    pkg.main = main
    content_types = pkg.read("[Content_Types].xml") if pkg.has("[Content_Types].xml") else b""
    pkg.macros = b"macroEnabled" in content_types or any(
        posixpath.basename(info.filename).lower() == "vbaproject.bin" for info in infos)
    if pkg.macros:
        pkg.warnings.append("the document contains macros: only its text is read; the macros "
                            "are never run or copied")
    return pkg


__all__ = ["MAX_MEDIA", "Package", "Relationship", "open_package", "parse_part"]
