"""The schema cache: in the user's cache folder only, never stale, safe when damaged or shared."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from teiedition.cli import cli
from teiedition.validate import Validator, relaxng, schematron
from teiedition.validate.cache import SchemaCache, default_folder
from teiedition.validate.prune import context_elements

TEI = "http://www.tei-c.org/ns/1.0"
GRAMMAR = f"""<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="{TEI}"
    xmlns:sch="http://purl.oclc.org/dsdl/schematron">
  <sch:ns prefix="tei" uri="{TEI}"/>
  <start><element name="TEI"><oneOrMore><ref name="p"/></oneOrMore></element></start>
  <define name="p"><element name="p">
    <sch:pattern id="p-not-empty"><sch:rule context="tei:p">
      <sch:assert test="normalize-space(.) ne ''">an empty p</sch:assert></sch:rule></sch:pattern>
    <optional><attribute name="n"/></optional><text/></element></define>
  <define name="unused"><element name="div"><text/></element></define>
</grammar>"""
DOC = f'<TEI xmlns="{TEI}"><p n="1">text</p><p/></TEI>'.encode()


@pytest.fixture
def schema(tmp_path: Path) -> Path:
    path = tmp_path / "schemas" / "small.rng"
    path.parent.mkdir()
    path.write_text(GRAMMAR, encoding="utf-8")
    return path


def rules(validator: Validator, data: bytes = DOC) -> list[tuple[str, int | None]]:
    return [(p.rule, p.line) for p in validator.check_bytes(data, "doc.xml").problems]


def test_the_cache_lives_in_xdg_cache_home_and_is_used(schema: Path, tmp_path: Path,
                                                      monkeypatch) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    assert default_folder() == home / "teiedition"
    before = sorted(p for p in tmp_path.rglob("*") if "home" not in p.parts)
    first = Validator([str(schema)])
    assert rules(first) == [("p-not-empty", 1)]
    assert sorted(p for p in tmp_path.rglob("*") if "home" not in p.parts) == before
    entries = sorted(p.parent.name for p in home.rglob("*.entry"))
    assert entries == ["rng-verdict", "schematron", "schematron-xslt"]

    def fail(*args, **kwargs):
        raise AssertionError("derived again although it is in the cache")
    monkeypatch.setattr(schematron, "extract", fail)
    monkeypatch.setattr(schematron, "compile_rules", fail)
    monkeypatch.setattr(relaxng, "reduce_grammar", fail)
    assert rules(Validator([str(schema)])) == [("p-not-empty", 1)]


def test_a_changed_schema_is_never_judged_by_its_old_entries(schema: Path) -> None:
    assert rules(Validator([str(schema)])) == [("p-not-empty", 1)]
    schema.write_text(GRAMMAR.replace('<optional><attribute name="n"/></optional>', "")
                      .replace("normalize-space(.) ne ''", "true()"), encoding="utf-8")
    assert rules(Validator([str(schema)])) == [("small", 1)]


def test_a_damaged_entry_is_reported_and_replaced(schema: Path, cache_home: Path) -> None:
    Validator([str(schema)]).check_bytes(DOC, "doc.xml")
    for entry in (cache_home / "teiedition").rglob("*.entry"):
        entry.write_bytes(entry.read_bytes()[:-20] + b"<broken")
    validator = Validator([str(schema)])
    assert rules(validator) == [("p-not-empty", 1)]
    assert validator.cache.warnings and "damaged" in validator.cache.warnings[0]
    again = Validator([str(schema)])
    assert rules(again) == [("p-not-empty", 1)] and again.cache.warnings == []


def test_an_unusable_cache_folder_is_said_once_and_skipped(schema: Path, tmp_path: Path,
                                                          runner, monkeypatch) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    validator = Validator([str(schema)])
    assert rules(validator) == [("p-not-empty", 1)]
    assert len(validator.cache.warnings) == 1
    assert "not usable" in validator.cache.warnings[0]
    document = tmp_path / "doc.xml"
    document.write_bytes(DOC)
    result = runner.invoke(cli, ["validate", "--schema", str(schema), str(document)])
    assert result.exit_code == 1 and "[p-not-empty]" in result.stdout
    assert "warning: the schema cache is not usable" in result.stderr


def _write_many(folder: str, worker: int) -> None:
    cache = SchemaCache(Path(folder))
    for n in range(200):
        cache.put("race", "same-key", b"x" * (1000 + n % 7))
        data = cache.get("race", "same-key")
        assert data is not None and set(data) == {ord("x")}, (worker, n)
    assert cache.warnings == []


def test_runs_that_race_never_see_a_partial_entry(tmp_path: Path) -> None:
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(str(tmp_path), n)) for n in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(60)
    assert [w.exitcode for w in workers] == [0, 0, 0]
    assert [p.name for p in (tmp_path / "race").iterdir()] == ["same-key.entry"]


@pytest.mark.parametrize("context, expected", [
    ("tei:p", {(TEI, "p")}),
    ("tei:rt/@to", {(TEI, "rt")}),
    ("tei:l//tei:p | tei:ab", {(TEI, "p"), (TEI, "ab")}),
    ("tei:*[@when]", {("@", "when")}),
    ("tei:*[ @minOccurs and not( @maxOccurs ) ]", {("@", "minOccurs")}),
    ("tei:*[@a and b or c]", None),
    ("tei:*[ starts-with( @spanTo, '#') ]", None),
    ("/*[ count( //tei:constraintDecl ) gt 1 ]", None),
    ("(tei:a|tei:b)[@x]", None),
    ("tei:p[a]x[b]", None),
    ("ancestor::tei:p", None),
    ("other:p", None),
])
def test_which_contexts_can_be_judged_from_names(context: str, expected) -> None:
    found = context_elements(context, {"tei": TEI})
    assert (set(found) if found is not None else None) == expected
