"""``teiedition package --check``: is a zipped bag whole, and is what it holds usable?

The zip is untrusted: it is unpacked into a temporary folder only after every member is
checked (no absolute path, no ``..``, no link, one base folder), within limits on the
number of members, their total size and how much each one inflates (a zip bomb), and the
bytes written are counted again while unpacking. Then the bag is validated with ``bagit``
(completeness and every checksum), every TEI file with the project's validator, and the
metadata files are parsed.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import stat
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any, Iterator

import bagit
import yaml
from ..errors import InputError
from ..validate import Validator
from ..validate.formats import problem_line
from ..xmlparse import parse_bytes

DATACITE = "{http://datacite.org/schema/kernel-4}"


@dataclass(frozen=True)
class Limits:
    """How much an untrusted zip may unpack to."""

    members: int = 20_000
    bytes: int = 2_000_000_000
    #: Most a member over 1 MB may inflate (text deflates about 10 to 1; a zip bomb
    #: about 1000 to 1).
    ratio: int = 200


def check_package(path: Path, limits: Limits = Limits()) -> list[str]:
    """The problems of the zipped bag at ``path``, one line each (none: it is valid).

    Raises :class:`InputError` when the file is no zip or is refused unopened."""
    try:
        archive = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile) as err:
        raise InputError(f"not a readable zip file: {err}", path=str(path)) from None
    with archive, tempfile.TemporaryDirectory(prefix="teiedition-check-") as tmp:
        base = _safe_members(archive, limits, str(path))
        _unpack(archive, Path(tmp), limits, str(path))
        return [f"{path}: {line}" for line in check_bag_folder(Path(tmp) / base)]


def _safe_members(archive: zipfile.ZipFile, limits: Limits, where: str) -> str:
    """Refuse a zip that would write outside its folder or unpack to too much; return its
    base folder."""
    members = archive.infolist()
    if len(members) > limits.members:
        raise InputError(f"refused: {len(members)} members, more than the limit of "
                         f"{limits.members}", path=where)
    total = sum(m.file_size for m in members)
    if total > limits.bytes:
        raise InputError(f"refused: unpacks to {total} bytes, more than the limit of "
                         f"{limits.bytes}", path=where)
    bases = set()
    for member in members:
        name = member.filename
        parts = PurePosixPath(name).parts
        if (name.startswith(("/", "\\")) or "\\" in name or ".." in parts or not parts
                or ":" in parts[0]):
            raise InputError(f"refused: member '{name}' would be written outside the folder",
                             path=where)
        if stat.S_ISLNK(member.external_attr >> 16):
            raise InputError(f"refused: member '{name}' is a symbolic link", path=where)
        if member.file_size > 1_000_000 and \
                member.file_size > limits.ratio * max(member.compress_size, 1):
            raise InputError(f"refused: member '{name}' inflates {member.file_size} bytes from "
                             f"{member.compress_size} (a zip bomb?)", path=where)
        bases.add(parts[0])
    if len(bases) != 1:
        raise InputError("refused: a zipped bag holds one base folder, this zip "
                         f"{len(bases)}", path=where)
    return bases.pop()


def _unpack(archive: zipfile.ZipFile, folder: Path, limits: Limits, where: str) -> None:
    written = 0
    for member in archive.infolist():
        target = folder.joinpath(*PurePosixPath(member.filename).parts)
        if member.is_dir():
            target.mkdir(parents=True, exist_ok=True)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            with archive.open(member) as source, target.open("wb") as sink:
                while chunk := source.read(1 << 20):
                    written += len(chunk)
                    if written > limits.bytes:
                        raise InputError("refused: unpacks to more than the limit of "
                                         f"{limits.bytes} bytes", path=where)
                    sink.write(chunk)
        # RuntimeError: an encrypted member; NotImplementedError: an unknown compression.
        except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as err:
            raise InputError(f"cannot unpack '{member.filename}': {err}", path=where) from None


def check_bag_folder(root: Path) -> list[str]:
    """The problems of the bag in ``root``, each a line naming the file (paths relative to
    ``root``)."""
    try:
        with quiet_bagit():
            bag = bagit.Bag(str(root))
            bag.validate(processes=1)
    except bagit.BagValidationError as err:
        # bagit stops at the first failed stage; a Payload-Oxum that does not add up names
        # no file, so the files are then compared with the manifests here to name them.
        named = sorted(_detail(d) for d in err.details) or _changed_files(bag, root)
        return named or [f"not a valid bag: {err.message}"]
    except bagit.BagError as err:
        return [f"not a valid bag: {err}"]
    data = root / "data"
    problems = _tei_problems(data)
    problems += _metadata_problems(data)
    return problems


@contextlib.contextmanager
def quiet_bagit() -> Iterator[None]:
    """Keep bagit's log lines (one per file checked, one per problem) off stderr while it
    works: each problem is reported here, once, as a line of its own."""
    logger = logging.getLogger("bagit")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _changed_files(bag: bagit.Bag, root: Path) -> list[str]:
    """Each file missing, unexpected or changed against the bag's manifests."""
    only_in_manifests, only_on_disk = bag.compare_manifests_with_fs()
    problems = [_detail(bagit.FileMissing(p)) for p in sorted(only_in_manifests)]
    problems += [_detail(bagit.UnexpectedFile(p)) for p in sorted(only_on_disk)]
    for name, sums in sorted(bag.entries.items()):
        path = root / name
        if not path.is_file():
            continue
        for algorithm, expected in sorted(sums.items()):
            with path.open("rb") as handle:
                found = hashlib.file_digest(handle, algorithm).hexdigest()
            if found != expected.lower():
                problems.append(_detail(bagit.ChecksumMismatch(name, algorithm, expected, found)))
    return problems


def _detail(detail: bagit.BagError) -> str:
    if isinstance(detail, bagit.ChecksumMismatch):
        return (f"{detail.path}: its {detail.algorithm} checksum is not the one in the "
                "manifest: the file was changed")
    if isinstance(detail, bagit.FileMissing):
        return f"{detail.path}: in the manifest but missing"
    if isinstance(detail, bagit.UnexpectedFile):
        return f"{detail.path}: in the bag but in no manifest"
    return str(detail)


def _tei_problems(data: Path) -> list[str]:
    files = sorted((data / "tei").glob("*.xml")) if (data / "tei").is_dir() else []
    if not files:
        return ["data/tei/: no TEI files"]
    validator = Validator(("project",))
    problems = []
    for path in files:
        name = path.relative_to(data.parent).as_posix()
        report = validator.check_bytes(path.read_bytes(), name)
        problems += [problem_line(name, p) for p in report.problems if p.severity == "error"]
    return problems


def _given(element: Any) -> bool:
    """Whether a mandatory DataCite property is there and not empty (text or children)."""
    return element is not None and (bool((element.text or "").strip()) or len(element) > 0)


def _metadata_problems(data: Path) -> list[str]:
    problems = []
    for name in ("README.md", "datacite.xml", "CITATION.cff"):
        if not (data / name).is_file():
            problems.append(f"data/{name}: missing")
    if (data / "datacite.xml").is_file():
        parsed = parse_bytes((data / "datacite.xml").read_bytes(), require_tei=False)
        if parsed.tree is None or parsed.problems:
            problems.append(f"data/datacite.xml: not usable XML: {parsed.problems[0].message}")
        else:
            root = parsed.tree.getroot()
            missing = [n for n in ("identifier", "creators", "titles", "publisher",
                                   "publicationYear", "resourceType")
                       if not _given(root.find(DATACITE + n))]
            if root.tag != DATACITE + "resource":
                problems.append("data/datacite.xml: not a DataCite kernel-4 resource")
            elif missing:
                problems.append(f"data/datacite.xml: lacks {', '.join(missing)}")
    if (data / "CITATION.cff").is_file():
        try:
            cff = yaml.safe_load((data / "CITATION.cff").read_text(encoding="utf-8"))
            missing = [k for k in ("cff-version", "message", "title", "authors")
                       if not isinstance(cff, dict) or not cff.get(k)]
            if missing:
                problems.append(f"data/CITATION.cff: lacks {', '.join(missing)}")
        except (yaml.YAMLError, UnicodeDecodeError) as err:
            problems.append(f"data/CITATION.cff: not readable YAML: {err}")
    return problems
