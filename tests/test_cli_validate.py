"""`teiedition validate` from the command line: paths, formats, exit codes, schemas."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from teiedition.cli import cli

from conftest import CASES, shared_path

VALID = CASES / "schema" / "valid-minimal.001.xml"
INVALID = CASES / "schema" / "ref-resolves.001.xml"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sub").mkdir()
    shutil.copy(VALID, tmp_path / "a.xml")
    shutil.copy(INVALID, tmp_path / "sub" / "b.xml")
    (tmp_path / "notes.txt").write_text("not XML, not looked at")
    return tmp_path


def run(runner, *args):
    return runner.invoke(cli, ["validate", *[str(a) for a in args]])


def test_valid_file_exits_0(runner) -> None:
    result = run(runner, VALID)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr.strip() == "1 file, 1 valid, 0 problems"


def test_invalid_file_exits_1_with_located_problems(runner) -> None:
    result = run(runner, INVALID)
    assert result.exit_code == 1
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2
    for line in lines:
        match = re.fullmatch(r"(.+):(\d+):(\d+): error: (.+) \[ref-resolves\]", line)
        assert match and match.group(1) == str(INVALID)
    assert "1 file, 0 valid, 2 problems" in result.stderr


def test_folders_and_globs(runner, folder: Path) -> None:
    result = run(runner, folder)
    assert "2 files, 1 valid" in result.stderr
    result = run(runner, str(folder / "**" / "*.xml"))
    assert "2 files, 1 valid" in result.stderr
    result = run(runner, str(folder / "*.xml"))
    assert "1 file, 1 valid" in result.stderr


def test_missing_path_exits_2(runner, folder: Path) -> None:
    result = run(runner, folder / "a.xml", folder / "nope.xml")
    assert result.exit_code == 2
    assert "nope.xml: no such file or folder" in result.stderr
    assert "1 file, 1 valid, 0 problems, 1 unreadable" in result.stderr


def test_usage_errors_exit_2(runner) -> None:
    assert run(runner).exit_code == 2
    result = run(runner, VALID, "--schema", "schema.dtd")
    assert result.exit_code == 2 and "not 'project' nor a .rng" in result.stderr
    result = run(runner, VALID, "--schema", "missing.rng")
    assert result.exit_code == 2 and "missing.rng: schema not found" in result.stderr
    assert run(runner, VALID, "--format", "yaml").exit_code == 2


def test_quiet(runner) -> None:
    result = run(runner, INVALID, "-q")
    assert result.stderr == "" and result.exit_code == 1


def test_json(runner, folder: Path) -> None:
    result = run(runner, folder, "--format", "json")
    data = json.loads(result.stdout)
    assert data["summary"] == {"files": 2, "valid": 1, "problems": 2}
    problem = data["files"][1]["problems"][0]
    assert problem["rule"] == "ref-resolves" and problem["line"] > 0


def test_junit(runner, folder: Path) -> None:
    result = run(runner, folder, "--format", "junit")
    suite = etree.fromstring(result.stdout.encode()).find("testsuite")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    failure = suite.findall("testcase")[1].find("failure")
    assert failure.get("type") == "ref-resolves"


def test_github(runner) -> None:
    result = run(runner, INVALID, "--format", "github")
    line = result.stdout.split("\n")[0]
    assert line.startswith(f"::error file={INVALID},line=")
    assert ",title=ref-resolves::@ref=" in line


def test_sarif(runner) -> None:
    data = json.loads(run(runner, INVALID, "--format", "sarif").stdout)
    assert data["version"] == "2.1.0"
    run_ = data["runs"][0]
    assert run_["tool"]["driver"]["name"] == "teiedition"
    assert run_["tool"]["driver"]["rules"] == [{"id": "ref-resolves"}]
    region = run_["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] > 0 and region["startColumn"] > 0


def test_review_gate(runner) -> None:
    assert run(runner, VALID).exit_code == 0
    result = run(runner, VALID, "--require-review")
    assert result.exit_code == 1 and "[unreviewed]" in result.stdout


def test_schemas_are_compiled_once_per_run(runner, folder: Path, monkeypatch) -> None:
    rng = shared_path("tei", "tei_all.rng")
    calls = []
    original = etree.RelaxNG

    def counting(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)
    monkeypatch.setattr(etree, "RelaxNG", counting)
    for name in ("c.xml", "d.xml", "e.xml"):
        shutil.copy(VALID, folder / name)
    result = run(runner, folder, "--schema", "project", "--schema", rng)
    assert len(calls) == 1
    assert "5 files, 4 valid" in result.stderr


def test_tei_all_alone_and_with_project(runner) -> None:
    rng = shared_path("tei", "tei_all.rng")
    alone = run(runner, INVALID, "--schema", rng)
    assert alone.exit_code == 0  # a dangling @ref is an editorial problem, not a TEI one
    both = run(runner, INVALID, "--schema", "project", "--schema", rng)
    assert both.exit_code == 1 and "[ref-resolves]" in both.stdout


def test_user_xsd_and_schematron(runner, tmp_path: Path) -> None:
    sch = tmp_path / "house.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">'
                   '<ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/><pattern>'
                   '<rule context="tei:p"><report id="no-p" role="warning" test="true()">'
                   'a paragraph</report></rule></pattern></schema>')
    result = run(runner, VALID, "--schema", sch)
    assert result.exit_code == 0  # warnings do not fail
    assert "warning: a paragraph [no-p]" in result.stdout
    xsd = tmp_path / "other.xsd"
    xsd.write_text('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" '
                   'targetNamespace="http://www.tei-c.org/ns/1.0"><xs:element name="TEI"/>'
                   '</xs:schema>')
    assert run(runner, VALID, "--schema", xsd).exit_code == 0


def test_large_file_is_refused_cleanly(runner, tmp_path: Path) -> None:
    big = tmp_path / "big.xml"
    with big.open("wb") as handle:  # 200 MB, sparse: the refusal must not read it
        handle.truncate(200_000_000)
    result = run(runner, big)
    assert result.exit_code == 2
    assert "200 MB is larger than --max-size 100 MB; not validated" in result.stderr
