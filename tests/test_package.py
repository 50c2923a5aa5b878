"""`teiedition package`: a deterministic BagIt deposit package, and `--check` of one."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import bagit
import pytest
import yaml
from lxml import etree

from teiedition.cli import cli
from teiedition.deposit import Limits, check_package, datacite_xml, edition_record
from teiedition.errors import InputError, MetadataError
from teiedition.metadata import KEYS, PACKAGE_FIELDS, package_gaps, parse_metadata

from conftest import SEED_META
from test_build import DATE, make_edition

DC = "{http://datacite.org/schema/kernel-4}"
STEM = "alpha"

DEPOSIT_KEYS = '''version = "1.0"
url = "https://example.org/edition/"
year = 2026
keywords = ["Sino-Soviet alliance", "Cold War"]

[[edition.creators]]
name = "Carberry, Josiah"
orcid = "0000-0002-1825-0097"
affiliation = "Brown University"

[[edition.creators]]
name = "teiedition project"

[[edition.related]]
identifier = "https://example.org/source"
type = "URL"
relation = "IsDerivedFrom"

[text]'''


def deposit_edition(folder: Path, names: list[str], keys: str = DEPOSIT_KEYS) -> Path:
    """Copies of the seed page whose metadata carries the deposit keys."""
    make_edition(folder, names)
    for name in names:
        meta = folder / f"{name}.toml"
        meta.write_text(meta.read_text(encoding="utf-8").replace("[text]", keys, 1),
                        encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """An edition of two texts, built once; the tests package it anew."""
    root = tmp_path_factory.mktemp("package")
    edition = deposit_edition(root / "edition", ["alpha", "beta"])
    from click.testing import CliRunner
    result = CliRunner().invoke(cli, ["build", str(edition), "-o", str(root / "output"),
                                      "--date", DATE, "-q"])
    assert result.exit_code == 0, result.output
    return root / "output"


@pytest.fixture
def package(built: Path, tmp_path: Path, runner) -> Path:
    target = tmp_path / f"{STEM}.zip"
    result = runner.invoke(cli, ["package", str(built), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def unpack(package: Path, folder: Path) -> Path:
    with zipfile.ZipFile(package) as archive:
        archive.extractall(folder)
    return folder / package.stem


def rezip(root: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root.parent).as_posix())
    return target


def test_the_package_is_a_valid_bag_of_the_whole_edition(package: Path, tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    bag = bagit.Bag(str(root))
    bag.validate()
    assert (root / "bagit.txt").read_text(encoding="utf-8").startswith("BagIt-Version: 1.0\n")
    assert sorted(bag.algorithms) == ["sha256", "sha512"]
    payload = set(bag.payload_entries())
    for name in ("tei/alpha.xml", "tei/beta.xml", "pdf/alpha.pdf", "pdf/beta.pdf",
                 "html/index.html", "html/alpha.html", "html/persons.html", "html/edition.css",
                 "register.xml", "datacite.xml", "CITATION.cff", "README.md"):
        assert f"data/{name}" in payload, name
    assert bag.info["Bagging-Date"] == DATE
    assert bag.info["Source-Organization"] == "teiedition project"
    assert "Version 1.0, 2026" in (root / "data" / "README.md").read_text(encoding="utf-8")


def test_the_datacite_record_says_what_the_metadata_says(package: Path, tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    record = etree.parse(str(root / "data" / "datacite.xml")).getroot()
    assert record.tag == f"{DC}resource"
    assert record.findtext(f"{DC}titles/{DC}title") == "teiedition: Sino-Soviet Alliance Readings"
    assert record.findtext(f"{DC}publisher") == "teiedition project"
    assert record.findtext(f"{DC}publicationYear") == "2026"
    assert record.findtext(f"{DC}version") == "1.0"
    assert record.find(f"{DC}resourceType").get("resourceTypeGeneral") == "Text"
    creators = record.findall(f"{DC}creators/{DC}creator")
    assert [c.findtext(f"{DC}creatorName") for c in creators] == [
        "Carberry, Josiah", "teiedition project"]
    orcid = creators[0].find(f"{DC}nameIdentifier")
    assert orcid.get("nameIdentifierScheme") == "ORCID"
    assert orcid.text == "https://orcid.org/0000-0002-1825-0097"
    assert creators[0].findtext(f"{DC}affiliation") == "Brown University"
    assert creators[1].find(f"{DC}nameIdentifier") is None
    assert [s.text for s in record.findall(f"{DC}subjects/{DC}subject")] == [
        "Sino-Soviet alliance", "Cold War"]
    rights = record.find(f"{DC}rightsList/{DC}rights")
    assert (rights.text, rights.get("rightsURI")) == (
        "CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    related = record.find(f"{DC}relatedIdentifiers/{DC}relatedIdentifier")
    assert (related.text, related.get("relatedIdentifierType"), related.get("relationType")) == (
        "https://example.org/source", "URL", "IsDerivedFrom")
    # No DOI yet: kernel 4.5 requires an identifier, so the edition's URL is it.
    identifier = record.find(f"{DC}identifier")
    assert (identifier.get("identifierType"), identifier.text) == (
        "URL", "https://example.org/edition/")


def test_the_citation_file_says_what_the_metadata_says(package: Path, tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    cff = yaml.safe_load((root / "data" / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["title"] == "teiedition: Sino-Soviet Alliance Readings"
    assert cff["authors"] == [
        {"family-names": "Carberry", "given-names": "Josiah", "affiliation": "Brown University",
         "orcid": "https://orcid.org/0000-0002-1825-0097"},
        {"name": "teiedition project"}]
    assert cff["version"] == "1.0"
    assert cff["license-url"] == "https://creativecommons.org/licenses/by/4.0/"
    assert cff["keywords"] == ["Sino-Soviet alliance", "Cold War"]
    assert cff["identifiers"][0]["value"] == "https://example.org/source"
    assert "doi" not in cff


def test_an_edition_without_doi_or_url_is_named(tmp_path: Path) -> None:
    text = SEED_META.read_text(encoding="utf-8").replace(
        "[text]", DEPOSIT_KEYS.replace('url = "https://example.org/edition/"\n', ""), 1)
    with pytest.raises(MetadataError, match="missing keys for the deposit package: "
                                            "edition.doi or edition.url"):
        edition_record([("a.toml", parse_metadata(text))], DATE)


def test_an_empty_datacite_identifier_is_named(package: Path, tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    record = root / "data" / "datacite.xml"
    record.write_bytes(record.read_bytes().replace(b">https://example.org/edition/<", b"><"))
    bagit.Bag(str(root)).save(manifests=True)
    problems = check_package(rezip(root, tmp_path / "empty" / f"{STEM}.zip"))
    assert problems == [f"{tmp_path / 'empty' / STEM}.zip: data/datacite.xml: lacks identifier"]


def test_cffconvert_finds_the_citation_file_valid(package: Path, tmp_path: Path) -> None:
    cffconvert = Path(sys.executable).parent / "cffconvert"
    if not cffconvert.exists():
        pytest.skip("cffconvert (a test dependency) is not installed")
    root = unpack(package, tmp_path / "unpacked")
    result = subprocess.run([str(cffconvert), "--validate", "-i",
                             str(root / "data" / "CITATION.cff")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "CITATION.cff"
    broken.write_text((root / "data" / "CITATION.cff").read_text(encoding="utf-8")
                      .replace("date-released: '2026-01-15'", "date-released: 'soon'"),
                      encoding="utf-8")
    result = subprocess.run([str(cffconvert), "--validate", "-i", str(broken)],
                            capture_output=True, text=True)
    assert result.returncode != 0


def test_a_doi_is_the_identifier(tmp_path: Path) -> None:
    text = SEED_META.read_text(encoding="utf-8").replace(
        "[text]", 'doi = "10.5281/zenodo.1234"\n' + DEPOSIT_KEYS, 1)
    record = edition_record([("a.toml", parse_metadata(text))], DATE)
    xml = etree.fromstring(datacite_xml(record, ["application/tei+xml"]))
    assert xml.findtext(f"{DC}identifier") == "10.5281/zenodo.1234"
    assert xml.findtext(f"{DC}formats/{DC}format") == "application/tei+xml"


def test_the_same_edition_gives_the_same_bytes(built: Path, tmp_path: Path, runner) -> None:
    first, second = tmp_path / "one" / f"{STEM}.zip", tmp_path / "two" / f"{STEM}.zip"
    assert runner.invoke(cli, ["package", str(built), "-o", str(first)]).exit_code == 0
    for path in built.rglob("*"):  # new timestamps and modes change nothing
        if path.is_file():
            os.utime(path, (1_900_000_000, 1_900_000_000))
    (built / "tei" / "alpha.xml").chmod(0o600)
    try:
        result = runner.invoke(cli, ["package", str(built), "-o", str(second)])
    finally:
        (built / "tei" / "alpha.xml").chmod(0o644)
    assert result.exit_code == 0, result.output
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        infos = archive.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names) and all(n.startswith(f"{STEM}/") for n in names)
    assert {i.date_time for i in infos} == {(2026, 1, 15, 0, 0, 0)}
    assert {stat.S_IMODE(i.external_attr >> 16) for i in infos} == {0o644}


def test_a_package_checks(package: Path, runner) -> None:
    result = runner.invoke(cli, ["package", "--check", str(package)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"{package}: valid"


@pytest.mark.parametrize("new", [b"Genf", b"GENEVA"], ids=["other-size", "same-size"])
def test_a_changed_file_is_named(package: Path, tmp_path: Path, runner, new: bytes) -> None:
    root = unpack(package, tmp_path / "unpacked")
    page = root / "data" / "html" / "alpha.html"
    page.write_bytes(page.read_bytes().replace(b"Geneva", new))
    tampered = rezip(root, tmp_path / "tampered" / f"{STEM}.zip")
    result = runner.invoke(cli, ["package", "--check", str(tampered)])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines and all("data/html/alpha.html" in line for line in lines), lines
    assert "checksum" in lines[0]


def test_a_missing_and_an_extra_file_are_named(package: Path, tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    (root / "data" / "pdf" / "beta.pdf").unlink()
    (root / "data" / "notes.txt").write_text("not in the manifest", encoding="utf-8")
    problems = check_package(rezip(root, tmp_path / "changed" / f"{STEM}.zip"))
    assert any("data/pdf/beta.pdf" in p and "missing" in p for p in problems), problems
    assert any("data/notes.txt" in p and "no manifest" in p for p in problems), problems


def test_an_invalid_tei_file_is_named_even_with_right_checksums(package: Path,
                                                                tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    tei = root / "data" / "tei" / "beta.xml"
    tei.write_bytes(tei.read_bytes().replace(b"<p ", b"<para ", 1).replace(b"</p>", b"</para>", 1))
    bagit.Bag(str(root)).save(manifests=True)  # a bag made of an invalid file is still a bag
    problems = check_package(rezip(root, tmp_path / "invalid" / f"{STEM}.zip"))
    assert problems and all("data/tei/beta.xml:" in p and ": error: " in p for p in problems)


def test_missing_metadata_files_are_named(package: Path, tmp_path: Path) -> None:
    root = unpack(package, tmp_path / "unpacked")
    (root / "data" / "CITATION.cff").unlink()
    (root / "data" / "datacite.xml").write_text("<resource>", encoding="utf-8")
    bagit.Bag(str(root)).save(manifests=True)
    problems = check_package(rezip(root, tmp_path / "meta" / f"{STEM}.zip"))
    assert any(p.endswith("data/CITATION.cff: missing") for p in problems), problems
    assert any("data/datacite.xml: not usable XML" in p for p in problems), problems


def hostile(path: Path, members: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, data in members:
            archive.writestr(info, data)
    return path


def symlink_member() -> zipfile.ZipInfo:
    info = zipfile.ZipInfo("bag/data/link")
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info


@pytest.mark.parametrize("members, message", [
    ([("bag/bagit.txt", b""), ("bag/../../escaped.txt", b"x")], "outside the folder"),
    ([("/tmp/escaped.txt", b"x")], "outside the folder"),
    ([("bag\\..\\escaped.txt", b"x")], "outside the folder"),
    ([(symlink_member(), b"/etc/passwd")], "symbolic link"),
    ([("bag/data/zeros", bytes(30_000_000))], "zip bomb"),
    ([("one/bagit.txt", b""), ("two/bagit.txt", b"")], "one base folder"),
])
def test_a_hostile_zip_is_refused_in_one_line(tmp_path: Path, runner, members, message) -> None:
    path = hostile(tmp_path / "in" / "hostile.zip", members)
    result = runner.invoke(cli, ["package", "--check", str(path)])
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1 and message in result.output
    assert not (tmp_path / "escaped.txt").exists() and not (tmp_path / "in" / "bag").exists()


def test_too_many_members_are_refused(tmp_path: Path, runner) -> None:
    path = hostile(tmp_path / "many.zip", [(f"bag/data/{n}", b"") for n in range(20_001)])
    result = runner.invoke(cli, ["package", "--check", str(path)])
    assert result.exit_code == 2 and "20001 members" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_the_unpacked_size_is_bounded(tmp_path: Path) -> None:
    path = hostile(tmp_path / "big.zip", [("bag/data/a", os.urandom(3000))])
    with pytest.raises(InputError, match="more than the limit of 2000"):
        check_package(path, Limits(bytes=2000))


def test_not_a_zip_is_an_input_error(tmp_path: Path, runner) -> None:
    path = tmp_path / "edition.zip"
    path.write_bytes(b"not a zip")
    result = runner.invoke(cli, ["package", "--check", str(path)])
    assert result.exit_code == 2 and "not a readable zip file" in result.output


def test_missing_deposit_keys_are_named_before_the_build(tmp_path: Path, runner) -> None:
    edition = make_edition(tmp_path / "edition", ["alpha"])  # the seed's keys only
    result = runner.invoke(cli, ["build", str(edition), "-o", str(tmp_path / "out"),
                                 "--date", DATE, "--package", str(tmp_path / "p.zip")])
    assert result.exit_code == 2
    assert "edition.creators, edition.version, edition.year" in result.output
    assert "alpha.toml" in result.output
    assert not (tmp_path / "out").exists() and not (tmp_path / "p.zip").exists()


def test_texts_that_disagree_are_named(tmp_path: Path, runner) -> None:
    edition = deposit_edition(tmp_path / "edition", ["alpha", "beta"])
    beta = edition / "beta.toml"
    beta.write_text(beta.read_text(encoding="utf-8").replace('version = "1.0"',
                                                             'version = "1.1"'), encoding="utf-8")
    result = runner.invoke(cli, ["build", str(edition), "-o", str(tmp_path / "out"),
                                 "--package", str(tmp_path / "p.zip")])
    assert result.exit_code == 2
    assert "beta.toml: 'edition.version' differs from" in result.output


def test_a_wrong_orcid_is_a_metadata_error() -> None:
    text = SEED_META.read_text(encoding="utf-8").replace(
        "[text]", DEPOSIT_KEYS.replace("0000-0002-1825-0097", "0000-0002-1825-0098"), 1)
    with pytest.raises(MetadataError, match="must be an ORCID iD"):
        parse_metadata(text)


def test_every_package_key_is_checked() -> None:
    assert set(PACKAGE_FIELDS) == {k.path for k in KEYS if k.package}
    seed = parse_metadata(SEED_META.read_text(encoding="utf-8"))
    assert package_gaps(seed) == ["edition.creators", "edition.version", "edition.year"]


def test_a_failed_build_is_not_packaged(built: Path, tmp_path: Path, runner) -> None:
    out = tmp_path / "output"
    shutil.copytree(built, out)
    report = out / "build.json"
    report.write_text(report.read_text(encoding="utf-8").replace('"status": "ok"',
                                                                 '"status": "failed"', 1),
                      encoding="utf-8")
    result = runner.invoke(cli, ["package", str(out), "-o", str(tmp_path / "p.zip")])
    assert result.exit_code == 1 and "status is 'failed'" in result.output
    assert not (tmp_path / "p.zip").exists()


def test_the_package_needs_a_name(built: Path, runner) -> None:
    result = runner.invoke(cli, ["package", str(built)])
    assert result.exit_code == 2 and "-o NAME.zip" in result.output


def test_the_zip_is_written_whole_or_not_at_all(built: Path, tmp_path: Path, runner) -> None:
    target = tmp_path / f"{STEM}.zip"
    target.write_bytes(b"old")
    (built / "tei" / "stray.xml").write_text("<TEI>", encoding="utf-8")
    try:
        result = runner.invoke(cli, ["package", str(built), "-o", str(target)])
    finally:
        (built / "tei" / "stray.xml").unlink()
    assert result.exit_code == 1 and "data/tei/stray.xml" in result.output
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_build_package_dates_the_bag_by_source_date_epoch(tmp_path: Path, runner,
                                                          monkeypatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01T00:00:00Z
    edition = deposit_edition(tmp_path / "edition", ["alpha"])
    out, target = tmp_path / "out", tmp_path / "built" / f"{STEM}.zip"
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--no-pdf", "-q",
                                 "--package", str(target)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(target) as archive:
        assert "Bagging-Date: 2026-01-01\n" in archive.read(f"{STEM}/bag-info.txt").decode()
        assert {i.date_time for i in archive.infolist()} == {(2026, 1, 1, 0, 0, 0)}
        names = archive.namelist()
    assert f"{STEM}/data/html/alpha.html" in names
    assert not any("/data/pdf/" in n for n in names)  # --no-pdf: no PDFs to hold
    again = tmp_path / "again" / f"{STEM}.zip"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert runner.invoke(cli, ["package", str(out), "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == target.read_bytes()
    later = tmp_path / "later" / f"{STEM}.zip"
    assert runner.invoke(cli, ["package", str(out), "-o", str(later),
                               "--date", "2026-02-03"]).exit_code == 0
    with zipfile.ZipFile(later) as archive:
        assert "Bagging-Date: 2026-02-03\n" in archive.read(f"{STEM}/bag-info.txt").decode()


def test_an_encrypted_member_is_refused(package: Path, tmp_path: Path) -> None:
    data = bytearray(package.read_bytes())
    # Set the "encrypted" flag of every member, in its local and its central header.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = 0
        while (start := data.find(signature, start)) >= 0:
            data[start + offset] |= 1
            start += 4
    encrypted = tmp_path / "encrypted" / f"{STEM}.zip"
    encrypted.parent.mkdir()
    encrypted.write_bytes(bytes(data))
    with pytest.raises(InputError, match="cannot unpack"):
        check_package(encrypted)


def test_the_package_must_be_a_zip(tmp_path: Path, runner) -> None:
    edition = deposit_edition(tmp_path / "edition", ["alpha"])
    result = runner.invoke(cli, ["build", str(edition), "-o", str(tmp_path / "out"),
                                 "--package", str(tmp_path / "edition.tar")])
    assert result.exit_code == 2 and "must be a .zip file" in result.output
    assert not (tmp_path / "out").exists()


def test_pdfs_the_last_build_did_not_make_are_left_out(built: Path, tmp_path: Path,
                                                       runner) -> None:
    """After a build with --no-pdf, the PDFs of an earlier build may no longer show their
    texts (docs/build.md): the package holds only what the last build vouches for."""
    out = tmp_path / "output"
    shutil.copytree(built, out)
    (out / "edition.pdf").write_bytes((out / "pdf" / "alpha.pdf").read_bytes())
    edition = Path(json.loads((out / "build.json").read_text(encoding="utf-8"))["edition"])
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--no-pdf", "-q",
                                 "--date", DATE])
    assert result.exit_code == 0, result.output
    assert (out / "pdf" / "alpha.pdf").is_file()  # left as it was by the build
    target = tmp_path / f"{STEM}.zip"
    assert runner.invoke(cli, ["package", str(out), "-o", str(target)]).exit_code == 0
    with zipfile.ZipFile(target) as archive:
        names = archive.namelist()
        readme = archive.read(f"{STEM}/data/README.md").decode("utf-8")
    assert not any(n.endswith(".pdf") for n in names), names
    assert "`pdf/`" not in readme and "`html/`" in readme


def test_check_writes_nothing(package: Path, tmp_path: Path, runner) -> None:
    result = runner.invoke(cli, ["package", "--check", str(package), "-o",
                                 str(tmp_path / "other.zip")])
    assert result.exit_code == 2 and "no -o" in result.output
    assert not (tmp_path / "other.zip").exists()


def test_a_build_with_problems_writes_no_package(tmp_path: Path, runner) -> None:
    edition = deposit_edition(tmp_path / "edition", ["alpha"])
    out, target = tmp_path / "out", tmp_path / "p.zip"
    (out / "tei").mkdir(parents=True)
    (out / "tei" / "stray.xml").write_text("<TEI>", encoding="utf-8")  # added by hand, broken
    result = runner.invoke(cli, ["build", str(edition), "-o", str(out), "--no-pdf",
                                 "--date", DATE, "--package", str(target)])
    assert result.exit_code == 1
    assert f"package: {target} not written: the build has problems" in result.output
    assert not target.exists()


def _datacite_json(record: etree._Element) -> dict:
    """The DataCite record as the kernel's JSON form (what the `datacite` package's JSON
    Schema of kernel 4.5 checks): a reading of the XML, field by field."""
    def texts(path: str) -> list[etree._Element]:
        return record.findall(path.replace("dc:", DC))

    [identifier] = texts("dc:identifier")
    data: dict = {
        # In the JSON form a DOI is "doi", any other identifier is the resource's "url".
        ("doi" if identifier.get("identifierType") == "DOI" else "url"): identifier.text,
        "creators": [{"name": c.findtext(f"{DC}creatorName"),
                      "nameIdentifiers": [{"nameIdentifier": n.text,
                                           "nameIdentifierScheme": n.get("nameIdentifierScheme"),
                                           "schemeUri": n.get("schemeURI")}
                                          for n in c.findall(f"{DC}nameIdentifier")],
                      "affiliation": [{"name": a.text} for a in c.findall(f"{DC}affiliation")]}
                     for c in texts("dc:creators/dc:creator")],
        "titles": [{"title": t.text} for t in texts("dc:titles/dc:title")],
        "publisher": {"name": record.findtext(f"{DC}publisher")},
        "publicationYear": record.findtext(f"{DC}publicationYear"),
        "types": {"resourceTypeGeneral": texts("dc:resourceType")[0].get("resourceTypeGeneral"),
                  "resourceType": texts("dc:resourceType")[0].text},
        "subjects": [{"subject": s.text} for s in texts("dc:subjects/dc:subject")],
        "contributors": [{"name": c.findtext(f"{DC}contributorName"),
                          "contributorType": c.get("contributorType")}
                         for c in texts("dc:contributors/dc:contributor")],
        "relatedIdentifiers": [{"relatedIdentifier": r.text,
                                "relatedIdentifierType": r.get("relatedIdentifierType"),
                                "relationType": r.get("relationType")}
                               for r in texts("dc:relatedIdentifiers/dc:relatedIdentifier")],
        "formats": [f.text for f in texts("dc:formats/dc:format")],
        "version": record.findtext(f"{DC}version"),
        "rightsList": [{"rights": r.text, "rightsUri": r.get("rightsURI")}
                       for r in texts("dc:rightsList/dc:rights")],
        "descriptions": [{"description": d.text, "descriptionType": d.get("descriptionType")}
                         for d in texts("dc:descriptions/dc:description")],
        "schemaVersion": "http://datacite.org/schema/kernel-4",
    }
    if record.findtext(f"{DC}language"):
        data["language"] = record.findtext(f"{DC}language")
    return {key: value for key, value in data.items() if value not in ([], None)}


def test_the_datacite_record_validates_against_the_kernel_schema(package: Path,
                                                                  tmp_path: Path) -> None:
    """Issue 17: the record passes the JSON Schema of DataCite kernel 4.5 (from the
    maintained `datacite` package), read field by field from the XML."""
    schema45 = pytest.importorskip("datacite.schema45")
    root = unpack(package, tmp_path / "unpacked")
    record = etree.parse(str(root / "data" / "datacite.xml")).getroot()
    data = _datacite_json(record)
    errors = [e.message for e in schema45.validator.iter_errors(data)]
    assert errors == []
    assert schema45.validate(data)
    broken = dict(data, publicationYear="twenty-six", types={"resourceTypeGeneral": "Novel"})
    assert not schema45.validate(broken)
