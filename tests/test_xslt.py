"""The Saxon runner: stylesheets compiled once, no file or network access, result documents
kept inside the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teiedition.xslt import RenderError, Stylesheets

from conftest import CASES


@pytest.fixture(scope="module")
def sheets() -> Stylesheets:
    return Stylesheets({"probe": CASES / "xslt" / "probe.xsl"})


DOC = etree.fromstring(b"<a><b/><c/></a>")


def test_runs_with_parameters_and_keeps_messages(sheets) -> None:
    result = sheets.run("probe", DOC)
    assert result.main.strip() == "<out>3</out>"
    assert result.messages == ("hello from xsl",)
    assert sheets.names == ("probe",)


@pytest.mark.parametrize("mode", ["read", "doc"])
def test_files_cannot_be_read(sheets, mode: str, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    with pytest.raises(RenderError) as err:
        sheets.run("probe", DOC, {"mode": mode, "target": secret.as_uri()})
    assert "prohibited" in str(err.value) and "TOPSECRET" not in str(err.value)


def test_result_documents_are_captured_not_written(sheets, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = sheets.run("probe", DOC, {"mode": "write"})
    assert dict(result.documents) == {"persons.html": "<p>persons</p>"}
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("target", ["../../escape.html", "/etc/escape.html",
                                    "file:///tmp/escape.html", "a/../../escape.html"])
def test_result_documents_cannot_leave_the_folder(sheets, target: str) -> None:
    with pytest.raises(RenderError) as err:
        sheets.run("probe", DOC, {"mode": "escape", "target": target})
    assert "outside the output folder" in str(err.value)


def test_a_stylesheet_that_does_not_compile(tmp_path: Path) -> None:
    bad = tmp_path / "bad.xsl"
    bad.write_text("<xsl:stylesheet xmlns:xsl='http://www.w3.org/1999/XSL/Transform' "
                   "version='3.0'><xsl:template match='/'><xsl:value-of select='(('/>"
                   "</xsl:template></xsl:stylesheet>")
    with pytest.raises(RenderError) as err:
        Stylesheets({"bad": bad})
    assert "does not compile" in str(err.value)


def test_each_stylesheet_is_closed_to_files_once_compiled(tmp_path: Path) -> None:
    # Two stylesheets, two processors: the second compiled after the first was closed.
    both = Stylesheets({"one": CASES / "xslt" / "probe.xsl", "two": CASES / "xslt" / "probe.xsl"})
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    for name in both.names:
        with pytest.raises(RenderError) as err:
            both.run(name, DOC, {"mode": "read", "target": secret.as_uri()})
        assert "prohibited" in str(err.value)


def test_a_parsed_document_belongs_to_its_stylesheet() -> None:
    both = Stylesheets({"one": CASES / "xslt" / "probe.xsl", "two": CASES / "xslt" / "probe.xsl"})
    parsed = both.parse(DOC, "one")
    assert both.run("one", parsed).main.strip() == "<out>3</out>"
    with pytest.raises(ValueError):
        both.run("two", parsed)


def test_bundled_compiles_only_what_is_asked_for() -> None:
    from teiedition.xslt import bundled
    assert bundled("html").names == ("html",)
    assert set(bundled().names) == {"html", "typst"}
    with pytest.raises(ValueError):
        bundled("nonexistent")
