"""XInclude resolved safely before validation, as Jing's launcher and Oxygen do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from lxml import etree

from teiedition.cli import cli
from teiedition.validate import Validator
from teiedition.xinclude import resolve_xincludes
from teiedition.xmlparse import parse_bytes

from conftest import shared_path

TEI = "http://www.tei-c.org/ns/1.0"
XI = "http://www.w3.org/2001/XInclude"


def document(body: str) -> bytes:
    return (f'<TEI xmlns="{TEI}" xmlns:xi="{XI}"><teiHeader/><text><body>\n{body}\n'
            '</body></text></TEI>').encode()


def resolve(folder: Path, body: str, **limits):
    tree = parse_bytes(document(body)).tree
    inclusions = resolve_xincludes(tree, folder, **limits)
    return tree, [(i.href, i.outcome) for i in inclusions]


def texts(tree) -> list[str]:
    return [p.text for p in tree.iter(f"{{{TEI}}}p")]


def part(folder: Path, name: str, *paragraphs: str) -> None:
    (folder / name).parent.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(f'<div xmlns="{TEI}">' + "".join(
        f'<p xml:id="{p}">{p}</p>' for p in paragraphs) + "</div>", encoding="utf-8")


def test_local_file_text_and_xpointer_are_included(tmp_path: Path) -> None:
    part(tmp_path, "parts/one.xml", "a", "b")
    (tmp_path / "parts" / "note.txt").write_text("plain & simple", encoding="utf-8")
    tree, outcomes = resolve(tmp_path, '<xi:include href="parts/one.xml"/>'
                             '<p>x <xi:include href="parts/note.txt" parse="text"/> y</p>'
                             '<xi:include href="parts/one.xml" xpointer="b"/>')
    assert outcomes == [("parts/one.xml", "included"), ("parts/note.txt", "included"),
                        ("parts/one.xml", "included")]
    assert texts(tree) == ["a", "b", "x plain & simple y", "b"]
    assert not list(tree.iter(f"{{{XI}}}include"))
    assert {e.sourceline for e in tree.iter(f"{{{TEI}}}div")} == {2}  # the include's line
    inclusions = resolve_xincludes(parse_bytes(document(
        '<xi:include href="parts/one.xml"/>')).tree, tmp_path)
    assert [i.path for i in inclusions] == [(tmp_path / "parts" / "one.xml").resolve()]


@pytest.mark.parametrize("href", ["https://example.org/part.xml", "file:///etc/hostname",
                                  "/etc/hostname", "../outside.xml", "missing.xml",
                                  "link/outside.xml"])
def test_unusable_targets_fall_back(tmp_path: Path, href: str) -> None:
    folder = tmp_path / "edition"
    folder.mkdir()
    part(tmp_path, "outside.xml", "secret")
    os.symlink(tmp_path, folder / "link")
    tree, outcomes = resolve(folder, f'<xi:include href="{href}"><xi:fallback><p>fallback</p>'
                             '</xi:fallback></xi:include>')
    assert outcomes == [(href, "fallback")]
    assert texts(tree) == ["fallback"]


def test_no_fallback_is_a_failure_and_the_include_goes(tmp_path: Path) -> None:
    tree, outcomes = resolve(tmp_path, '<p>kept</p><xi:include href="../x.xml"/>')
    assert outcomes == [("../x.xml", "failed")]
    assert texts(tree) == ["kept"] and not list(tree.iter(f"{{{XI}}}include"))


def test_loops_depth_and_size_are_bounded(tmp_path: Path) -> None:
    (tmp_path / "loop.xml").write_text(f'<div xmlns="{TEI}" xmlns:xi="{XI}"><p>loop</p>'
                                       '<xi:include href="loop.xml"/></div>', encoding="utf-8")
    tree, outcomes = resolve(tmp_path, '<xi:include href="loop.xml"/>')
    assert outcomes == [("loop.xml", "failed"), ("loop.xml", "included")]
    assert texts(tree) == ["loop"]
    part(tmp_path, "big.xml", *[f"p{n}" for n in range(100)])
    _, outcomes = resolve(tmp_path, '<xi:include href="big.xml"/>', max_bytes=100)
    assert outcomes == [("big.xml", "failed")]
    _, outcomes = resolve(tmp_path, '<xi:include href="big.xml"/>', max_depth=0)
    assert outcomes == [("big.xml", "failed")]


def test_included_files_are_parsed_safely(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("hunter2", encoding="utf-8")
    (tmp_path / "xxe.xml").write_text('<!DOCTYPE p [<!ENTITY s SYSTEM "secret.txt">]>'
                                      f'<p xmlns="{TEI}">&s;</p>', encoding="utf-8")
    tree, outcomes = resolve(tmp_path, '<xi:include href="xxe.xml"><xi:fallback><p>no</p>'
                             '</xi:fallback></xi:include>')
    assert outcomes == [("xxe.xml", "fallback")]
    assert b"hunter2" not in etree.tostring(tree)


def test_validator_reports_fallbacks_and_failures(tmp_path: Path) -> None:
    path = tmp_path / "doc.xml"
    path.write_bytes(document('<xi:include href="https://example.org/x.xml"><xi:fallback>'
                              '<p>f</p></xi:fallback></xi:include><xi:include href="gone.xml"/>'))
    sch = tmp_path / "none.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron"><pattern><rule '
                   'context="/"><assert test="true()">never</assert></rule></pattern></schema>')
    report = Validator([str(sch)]).check_bytes(path.read_bytes(), str(path))
    assert [(p.rule, p.severity, p.line) for p in report.problems] == [
        ("xinclude-fallback", "info", 2), ("xinclude", "error", 2)]
    off = Validator([str(sch)], xinclude=False).check_bytes(path.read_bytes(), str(path))
    assert off.problems == ()


def test_corpus_inscription_is_valid_only_with_xinclude(runner) -> None:
    rng = shared_path("tei", "tei_all.rng")
    inscription = shared_path("tei", "corpus", "isic000781.xml")
    args = ["validate", "--schema", str(rng), "--no-embedded-rules", str(inscription)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("[xinclude-fallback]") == 2
    refused = runner.invoke(cli, args + ["--no-xinclude"])
    assert refused.exit_code == 1 and "include" in refused.stdout
