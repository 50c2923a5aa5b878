"""The deposit package: a BagIt bag (RFC 8493) of the built edition, zipped byte for byte
the same for the same edition (issue 17).

The bag is made with the ``bagit`` library in a temporary folder, normalised (bag version
1.0, manifest lines sorted), checked like ``--check`` checks it, then zipped with fixed
timestamps, sorted entries and fixed permissions, and written atomically.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import bagit

from .. import __version__
from ..errors import InputError, TeieditionError
from ..files import read_text_file, write_atomic
from ..metadata import Metadata, parse_metadata
from .check import check_bag_folder, quiet_bagit
from .record import EditionRecord, citation_cff, datacite_xml, edition_record, readme

CHECKSUMS = ("sha256", "sha512")
REPORT_NAME = "build.json"
_FORMATS = {"tei": "application/tei+xml", "pdf": "application/pdf", "html": "text/html"}


class PackageError(TeieditionError):
    """The package cannot be made: the edition is not built, or its bag does not check."""


@dataclass(frozen=True)
class PackageResult:
    target: Path
    files: int
    size: int


def make_package(out: Path, target: Path, *, edition: Path | None = None,
                 date: str | None = None) -> PackageResult:
    """Package the edition built in ``out`` (by ``teiedition build``) as the zipped bag
    ``target``.

    ``edition`` (the edition folder, for its metadata and register) and ``date`` (the
    Bagging-Date, and the zip's timestamps) default to what ``out/build.json`` records."""
    check_target(target)
    report = _build_report(out)
    if report.get("status") != "ok":
        raise PackageError(f"the last build's status is '{report.get('status')}': build the "
                           "edition without problems first", path=str(out / REPORT_NAME))
    folder = edition or Path(str(report.get("edition", "")))
    if not folder.is_dir():
        raise InputError("the edition folder recorded in build.json is not there; give it "
                         "with --edition", path=str(folder))
    record = edition_metadata(folder, date or str(report.get("date", "")))
    with tempfile.TemporaryDirectory(prefix="teiedition-package-") as tmp:
        root = Path(tmp) / target.stem
        contents = _stage(out, folder, root, _current_pdfs(report))
        _write_metadata(root, record, contents)
        _bag(root, record)
        problems = check_bag_folder(root)
        if problems:
            raise PackageError("the bag does not check: " + "; ".join(problems))
        data, count = _zip(root, record.date)
    write_atomic(target, data, force=True)
    return PackageResult(target, count, len(data))


def check_target(target: Path) -> None:
    """Refuse a package name that is no ``.zip`` (``build --package`` asks before building)."""
    if target.suffix.lower() != ".zip" or target.is_dir():
        raise InputError("the package must be a .zip file", path=str(target))


def _build_report(out: Path) -> dict[str, object]:
    path = out / REPORT_NAME
    if not path.is_file():
        raise InputError("no build report: run `teiedition build` first", path=str(path))
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise InputError(f"cannot read the build report: {err}", path=str(path)) from None
    if not isinstance(data, dict):
        raise InputError("not a build report", path=str(path))
    return data


def edition_metadata(folder: Path, date: str) -> EditionRecord:
    """The deposit's record of the edition in ``folder``, from every text's metadata file
    (``NAME.toml``, in name order); raises :class:`MetadataError` naming each key that is
    missing or on which the texts disagree. ``build --package`` asks it before building."""
    metas: list[tuple[str, Metadata]] = [
        (str(path), parse_metadata(read_text_file(path, what="metadata"), path=str(path)))
        for path in sorted(folder.glob("*.toml")) if path.is_file()]
    return edition_record(metas, date)


def _current_pdfs(report: dict[str, object]) -> set[str]:
    """The PDFs the last build made or found up to date (``NAME`` of ``pdf/NAME.pdf``, and
    ``edition`` for ``edition.pdf``): a build with ``--no-pdf`` leaves older PDFs behind,
    which may no longer show their texts, so they are not packaged."""
    current = {"done", "up-to-date"}
    names = {str(d.get("name")) for d in _dicts(report.get("documents"))
             if any(s.get("step") == "pdf" and s.get("status") in current
                    for s in _dicts(d.get("steps")))}
    if any(s.get("step") == "edition-pdf" and s.get("status") in current
           for s in _dicts(report.get("edition_steps"))):
        names.add("edition")
    return names


def _dicts(value: object) -> list[dict[str, object]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _stage(out: Path, edition: Path, root: Path, pdfs: set[str]) -> list[tuple[str, str]]:
    """Copy the edition's outputs and register into ``root``; return what each part is."""
    contents = []
    for part, what in (("tei", "the TEI files, the editor's masters (and the images of "
                                "Word documents)"),
                       ("pdf", "the print edition of each text (PDF/A with its TEI embedded)"),
                       ("html", "the HTML reading edition (open `html/index.html`)")):
        files = _files_under(out / part)
        if part == "pdf":  # NAME.pdf, or the volumes NAME.vol-N.pdf
            files = [f for f in files if f.name.split(".")[0] in pdfs]
        if files:
            for path in files:
                _copy(path, root / part / path.relative_to(out / part))
            contents.append((f"{part}/", what))
    if "edition" in pdfs and (out / "edition.pdf").is_file():
        _copy(out / "edition.pdf", root / "edition.pdf")
        contents.append(("edition.pdf", "the whole edition as one book"))
    if (edition / "register.xml").is_file():
        _copy(edition / "register.xml", root / "register.xml")
        contents.append(("register.xml", "the register of persons, places, organisations "
                                         "and events (TEI)"))
    if not (root / "tei").is_dir():
        raise PackageError("no TEI files to package", path=str(out / "tei"))
    return contents


def _files_under(folder: Path) -> list[Path]:
    if not folder.is_dir():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            raise PackageError("a symbolic link; the package holds files only", path=str(path))
        # Temporary files of an interrupted atomic write start with a dot.
        if path.is_file() and not any(p.startswith(".") for p in path.relative_to(folder).parts):
            found.append(path)
    return found


def _copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)


def _write_metadata(root: Path, record: EditionRecord, contents: list[tuple[str, str]]) -> None:
    formats = [_FORMATS[part.rstrip("/")] for part, _ in contents if part.rstrip("/") in _FORMATS]
    (root / "datacite.xml").write_bytes(datacite_xml(record, formats))
    (root / "CITATION.cff").write_bytes(citation_cff(record))
    contents += [("datacite.xml", "the edition's DataCite record (metadata kernel 4)"),
                 ("CITATION.cff", "how to cite the edition (Citation File Format 1.2.0)")]
    (root / "README.md").write_bytes(readme(record, contents))


def _bag(root: Path, record: EditionRecord) -> None:
    """Make ``root`` a bag, then normalise what bagit leaves to chance or to its age: the
    order of manifest lines (it lists folders as the file system does) and the version
    (it writes 0.97; RFC 8493 is 1.0)."""
    meta = record.meta
    info = {"Source-Organization": meta.publisher, "External-Description": meta.edition_title,
            "Bagging-Date": record.date, "Bag-Software-Agent": f"teiedition {__version__}"}
    if meta.doi:
        info["External-Identifier"] = f"https://doi.org/{meta.doi}"
    with quiet_bagit():
        bagit.make_bag(str(root), info, checksums=list(CHECKSUMS))
        for algorithm in CHECKSUMS:
            _sort_lines(root / f"manifest-{algorithm}.txt")
        (root / "bagit.txt").write_text(
            "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", encoding="utf-8")
        bagit.Bag(str(root)).save()
    for algorithm in CHECKSUMS:
        _sort_lines(root / f"tagmanifest-{algorithm}.txt")


def _sort_lines(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("".join(f"{line}\n" for line in sorted(lines, key=lambda s: s.split()[-1])),
                    encoding="utf-8")


def _zip(root: Path, date: str) -> tuple[bytes, int]:
    """The bag as zip bytes: one base folder named as the bag, entries in name order,
    every entry dated ``date`` at midnight with mode 0644, deflated."""
    try:
        year, month, day = (int(part) for part in date.split("-"))
    except ValueError:
        raise InputError(f"the date '{date}' is not a date like 2026-01-15") from None
    stamp = (max(year, 1980), month, day, 0, 0, 0)
    buffer = io.BytesIO()
    files = sorted((path.relative_to(root.parent).as_posix(), path)
                   for path in root.rglob("*") if path.is_file())
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, path in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = (0o100644 << 16)
            archive.writestr(info, path.read_bytes(), compresslevel=9)
    return buffer.getvalue(), len(files)
