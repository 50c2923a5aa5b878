"""What an edition folder holds, and the fingerprints that decide what must be redone.

An edition folder (``seeds/`` by default) holds texts (``NAME.txt``, ``NAME.docx``,
``NAME.md``), their metadata (``NAME.toml``), optional endnotes pages (``NAME.notes.txt``,
which are not texts) and the edition's shared register (``register.xml``). A text made of a
book's pages has a metadata file whose ``text.pages`` names its page files; those are not
texts of their own. The output folder's ``tei/`` may hold more
TEI files, added by hand: they are built like the converted ones.

Fingerprints are SHA-256 hashes of contents, never timestamps: of each input, of the
bundled stylesheets and schema, of teiedition's own code and of the libraries' versions.
"""

from __future__ import annotations

import functools
import hashlib
import platform
import tomllib
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from ..errors import InputError, TeieditionError
from ..inputs import TEXT_SUFFIXES
from ..metadata import parse_metadata
from ..resources import resource_dir

NOTES_SUFFIX = ".notes.txt"
REGISTER_NAME = "register.xml"


@dataclass(frozen=True)
class Text:
    """A text of the edition and the files it is converted from."""

    stem: str
    source: Path
    metadata: Path | None
    notes: Path | None
    #: A text joined from a book's pages: its page files, in order (``source`` is the first).
    pages: tuple[Path, ...] = ()

    @property
    def sources(self) -> tuple[Path, ...]:
        return self.pages or (self.source,)


@dataclass(frozen=True)
class Member:
    """A document of the edition: its TEI file, and the text it is converted from (None for
    a TEI file added by hand)."""

    stem: str
    tei: Path
    text: Text | None


@dataclass(frozen=True)
class Edition:
    folder: Path
    register: Path | None
    members: tuple[Member, ...]


def find_edition(folder: Path, tei_folder: Path) -> Edition:
    """The texts of ``folder`` and the TEI files of ``tei_folder``, in name order."""
    if not folder.is_dir():
        raise InputError("no such edition folder", path=str(folder))
    texts: dict[str, Text] = {}
    paged = _paged_texts(folder)
    page_files = {page for text in paged for page in text.pages}
    for source in sorted(p for p in folder.iterdir() if p.suffix.lower() in TEXT_SUFFIXES):
        if source.name.endswith(NOTES_SUFFIX) or not source.is_file() or source in page_files:
            continue
        stem = source.stem
        if stem in texts:
            raise InputError(f"two texts named {stem}: {texts[stem].source.name} and "
                             f"{source.name}; rename one", path=str(folder))
        meta = source.with_suffix(".toml")
        notes = folder / f"{stem}{NOTES_SUFFIX}"
        texts[stem] = Text(stem, source, meta if meta.is_file() else None,
                           notes if notes.is_file() else None)
    for text in paged:
        if text.stem in texts:
            raise InputError(f"{text.stem}.toml names pages, but {texts[text.stem].source.name} "
                             "is a text of that name too; rename one", path=str(folder))
        texts[text.stem] = text
    stems = set(texts)
    if tei_folder.is_dir():
        stems.update(p.stem for p in tei_folder.glob("*.xml") if p.is_file())
    if not stems:
        raise InputError("no texts (*.txt) in the edition folder and no TEI files in "
                         f"{tei_folder}", path=str(folder))
    register = folder / REGISTER_NAME
    members = tuple(Member(stem, tei_folder / f"{stem}.xml", texts.get(stem))
                    for stem in sorted(stems))
    return Edition(folder, register if register.is_file() else None, members)


def edition_fonts(edition: Edition) -> tuple[str, ...]:
    """The font families the texts' metadata files name (``edition.fonts``), in order,
    each once. A metadata file that cannot be read names none here: converting its text
    reports why."""
    families: list[str] = []
    for member in edition.members:
        if member.text is None or member.text.metadata is None:
            continue
        try:
            meta = parse_metadata(member.text.metadata.read_text(encoding="utf-8"),
                                  path=str(member.text.metadata))
        except (OSError, UnicodeDecodeError, TeieditionError):
            continue
        families.extend(meta.fonts)
    return tuple(dict.fromkeys(families))
def _paged_texts(folder: Path) -> list[Text]:
    """The texts whose metadata file names their pages (``text.pages``). A metadata file
    that cannot be read names none here: converting its text reports the problem."""
    texts = []
    for meta in sorted(folder.glob("*.toml")):
        try:
            pages = tomllib.loads(meta.read_text(encoding="utf-8")).get("text", {}).get("pages")
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, AttributeError):
            continue
        if not isinstance(pages, list) or not pages or not all(isinstance(p, str) for p in pages):
            continue
        paths = tuple(folder / page for page in pages)
        for path in paths:
            if not path.resolve().is_relative_to(folder.resolve()):
                raise InputError(f"text.pages names {path.name}, outside the edition folder",
                                 path=str(meta))
        notes = folder / f"{meta.stem}{NOTES_SUFFIX}"
        texts.append(Text(meta.stem, paths[0], meta, notes if notes.is_file() else None, paths))
    return texts


def digest(*parts: bytes | str | None) -> str:
    """One SHA-256 over several parts (None and empty are told apart)."""
    sha = hashlib.sha256()
    for part in parts:
        if part is None:
            sha.update(b"\x00none")
            continue
        data = part.encode("utf-8") if isinstance(part, str) else part
        sha.update(len(data).to_bytes(8, "big"))
        sha.update(data)
    return sha.hexdigest()


def content_digest(data: bytes) -> str:
    """The SHA-256 of a file's content (the same as :func:`file_digest` of the file)."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: Path | None) -> str | None:
    """The SHA-256 of a file's content, or None when there is no file."""
    if path is None or not path.is_file():
        return None
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


@dataclass(frozen=True)
class Fingerprints:
    """What every step's result depends on besides its own inputs."""

    #: teiedition's code and the versions of Python and of the libraries doing the work.
    code: str
    #: The bundled XSLT stylesheets and Typst library.
    stylesheets: str
    #: The bundled XML Schema and Schematron rules.
    schema: str


@functools.cache
def fingerprints() -> Fingerprints:
    package = Path(__file__).resolve().parents[1]
    versions = [platform.python_version()]
    for lib in ("teiedition", "lxml", "saxonche", "typst", "xmlschema"):
        try:
            versions.append(f"{lib} {version(lib)}")
        except PackageNotFoundError:
            versions.append(f"{lib} -")
    return Fingerprints(code=_tree_digest(package, "*.py", versions),
                        stylesheets=_tree_digest(resource_dir("xslt"), "*"),
                        schema=_tree_digest(resource_dir("schema"), "*"))


def _tree_digest(folder: Path, pattern: str, extra: list[str] | None = None) -> str:
    files = sorted(p for p in folder.rglob(pattern)
                   if p.is_file() and "__pycache__" not in p.parts)
    return digest(*(extra or []), *(part for p in files
                                    for part in (str(p.relative_to(folder)), p.read_bytes())))
