"""Validation: the project schema and rules, tei_all conformance, the corpus, the formats."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from teiedition import convert, to_bytes
from teiedition.validate import Validator, check, is_valid, iter_problems
from teiedition.validate.locate import SourceLines
from teiedition.xmlparse import parse_bytes

from conftest import CASES, SEED_TEXT, SHARED, shared_path

FIXTURES = CASES / "schema"
INVALID = sorted(p for p in FIXTURES.glob("*.xml") if not p.name.startswith("valid-"))
VALID = sorted(FIXTURES.glob("valid-*.xml"))
_EXPECT = re.compile(r"<!-- expect: (\{.*?\})( review)? -->")


@pytest.fixture(scope="session")
def project() -> Validator:
    return Validator(["project"])


@pytest.fixture(scope="session")
def reviewing() -> Validator:
    return Validator(["project"], require_review=True)


def expectation(path: Path) -> tuple[Counter, bool]:
    if path.name.startswith("valid-"):
        return Counter(), False
    match = _EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} does not say what it expects"
    return Counter(json.loads(match.group(1))), bool(match.group(2))


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_reports_exactly_its_problems(path: Path, project, reviewing) -> None:
    expected, review = expectation(path)
    report = (reviewing if review else project).check_bytes(path.read_bytes(), path.name)
    assert Counter(p.rule for p in report.problems) == expected, report.problems
    assert not report.valid
    for problem in report.problems:
        assert problem.line, f"{problem.rule} has no line"
        assert problem.message and "{http" not in problem.message


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.stem)
def test_valid_fixture(path: Path, project, reviewing) -> None:
    assert project.check_bytes(path.read_bytes(), path.name).problems == ()


def test_every_rule_has_a_fixture() -> None:
    sch = etree.parse(str(Path(__file__).parents[1] / "schema" / "teiedition.sch"))
    ids = set(sch.xpath("//sch:assert/@id | //sch:report/@id",
                        namespaces={"sch": "http://purl.oclc.org/dsdl/schematron"}))
    fixtures = {p.name.split(".")[0] for p in INVALID}
    assert len(ids) >= 15
    assert ids <= fixtures, f"rules without an invalid fixture: {sorted(ids - fixtures)}"
    for rule in ("xsd-content", "xsd-attribute", "xsd-value", "xml-id-unique"):
        assert rule in fixtures


def test_problems_point_at_the_offending_element(project) -> None:
    path = FIXTURES / "xsd-value.001.xml"
    lines = path.read_text(encoding="utf-8").split("\n")
    report = project.check_bytes(path.read_bytes(), path.name)
    for problem in report.problems:
        line = lines[problem.line - 1]
        element = re.search(r"<(\w+)>", problem.message).group(1)
        assert line[problem.column - 1:].startswith("<" + element), (problem, line)


def seed_tree(seed_meta, provenance):
    return convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta, provenance).tree


def test_seed_is_valid_against_project_rules_and_tei_all(seed_meta, provenance, tei_all,
                                                         reviewing) -> None:
    data = to_bytes(seed_tree(seed_meta, provenance))
    assert Validator(["project"]).check_bytes(data, "seed.xml").problems == ()
    assert tei_all.check_bytes(data, "seed.xml").problems == ()


def test_library_api(seed_meta, provenance) -> None:
    tree = seed_tree(seed_meta, provenance)
    assert is_valid(tree)
    assert list(iter_problems(tree)) == []
    assert check(tree).valid
    tree.getroot().set("bogus", "1")
    assert not is_valid(tree)
    assert [p.rule for p in iter_problems(tree)] == ["xsd-attribute"]


def _xsd_valid(path: Path) -> bool:
    """Whether a fixture expects no XML or XSD problem (only editorial rules fail)."""
    expected, _ = expectation(path)
    return not any(rule.startswith(("xsd", "xml", "not-tei")) for rule in expected)


@pytest.mark.parametrize("path", VALID + [p for p in INVALID if _xsd_valid(p)],
                         ids=lambda p: p.stem)
def test_project_valid_means_tei_all_valid(path: Path, project, tei_all) -> None:
    """Conformance: whatever the project XSD accepts, the official tei_all accepts too."""
    assert not any(p.rule.startswith(("xsd", "xml")) for p in
                   project.check_bytes(path.read_bytes(), path.name).problems)
    assert tei_all.check_bytes(path.read_bytes(), path.name).problems == ()


def corpus_verdicts() -> list[tuple[str, str, dict[str, int]]]:
    """Jing's verdict on each shared file, and the Schematron verdict recorded here."""
    table = SHARED / "tei" / "corpus" / "VERDICTS.tsv"
    if not table.exists():
        return []
    with (CASES / "corpus-schematron.tsv").open(encoding="utf-8") as handle:
        recorded = {row.pop("file"): {k: int(v) for k, v in row.items()}
                    for row in csv.DictReader(handle, delimiter="\t")}
    with table.open(encoding="utf-8") as handle:
        return [(row["file"], row["valid_tei_all_4.12.0"], recorded[row["file"]])
                for row in csv.DictReader(handle, delimiter="\t")]


@pytest.mark.parametrize("name, verdict, recorded", corpus_verdicts())
def test_corpus_verdicts(name: str, verdict: str, recorded: dict[str, int], tei_all) -> None:
    """The RELAX NG verdict is Jing's (with XInclude and fallbacks, as Jing's launcher does);
    the count of problems is not compared: libxml2 stops at the first error inside an element
    where Jing goes on. The embedded Schematron's findings are those recorded in
    tests/cases/corpus-schematron.tsv."""
    path = shared_path("tei", "corpus", name)
    report = tei_all.check_bytes(path.read_bytes(), str(path))
    grammar = [p for p in report.problems if p.rule == "tei_all"]
    assert (not grammar) == (verdict == "valid"), grammar[:3]
    rules = [p for p in report.problems if p.schema == "tei_all.rng" and p.rule != "tei_all"]
    found = {f"schematron_{kind}s" if kind != "info" else "schematron_info":
             sum(p.severity == kind for p in rules) for kind in ("error", "warning", "info")}
    found["xinclude_fallbacks"] = sum(p.rule == "xinclude-fallback" for p in report.problems)
    assert found == recorded
    assert not any(p.rule == "xinclude" for p in report.problems)


# Hostile and broken input.

def rules_of(data: bytes) -> list[str]:
    return [p.rule for p in Validator(["project"]).check_bytes(data, "x.xml").problems]


def test_malformed_xml_gives_line_and_column() -> None:
    data = b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <teiHeader>\n  </teiHeder>\n</TEI>'
    [problem] = Validator(["project"]).check_bytes(data, "x.xml").problems
    assert problem.rule == "xml-syntax"
    assert (problem.line, problem.column) == (3, 14)
    assert "teiHeader" in problem.message


def test_wrong_or_missing_namespace() -> None:
    for data in (b"<TEI><teiHeader/></TEI>", b'<TEI xmlns="http://www.tei-c.org/ns/2.0"/>',
                 b"<html><body/></html>"):
        report = Validator(["project"]).check_bytes(data, "x.xml")
        assert [p.rule for p in report.problems] == ["not-tei"]
        assert "not a TEI document" in report.problems[0].message
        assert "TEI P4" not in report.problems[0].message
    # TEI P4 (older archives) is named, with the way to P5.
    [problem] = Validator(["project"]).check_bytes(b"<TEI.2><teiHeader/></TEI.2>", "x.xml").problems
    assert "this is TEI P4" in problem.message and "p4top5.xsl" in problem.message


def test_empty_file() -> None:
    assert rules_of(b"") == ["xml-empty"]
    assert rules_of(b"  \n ") == ["xml-empty"]


def test_not_utf8_and_lying_about_encoding() -> None:
    tei = '<TEI xmlns="http://www.tei-c.org/ns/1.0">café</TEI>'
    latin1 = ('<?xml version="1.0" encoding="UTF-8"?>' + tei).encode("latin-1")
    [problem] = Validator(["project"]).check_bytes(latin1, "x.xml").problems
    assert problem.rule == "xml-encoding" and problem.line == 1
    lying = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + tei).encode("utf-8")
    problems = Validator(["project"]).check_bytes(lying, "x.xml").problems
    [lie] = [p for p in problems if p.rule == "xml-encoding"]
    assert "bytes are UTF-8" in lie.message
    assert (lie.line, lie.column) == (2, 45)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    """A named pipe: opening it for reading would block, so a test that finishes proves
    nothing opened it."""
    import os
    path = tmp_path / "secret.fifo"
    os.mkfifo(path)
    return path


def test_external_entity_file_is_never_read(fifo: Path, tmp_path: Path) -> None:
    import subprocess
    import sys
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET")
    for target in (fifo, secret):
        doc = tmp_path / "xxe.xml"
        doc.write_text(f'<!DOCTYPE TEI [<!ENTITY s SYSTEM "{target}">]>\n'
                       '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>&s;</text></TEI>')
        dtd = tmp_path / "dtd.xml"
        dtd.write_text(f'<!DOCTYPE TEI SYSTEM "{target}">\n'
                       '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
        xinclude = tmp_path / "xinclude.xml"
        xinclude.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" '
                            'xmlns:xi="http://www.w3.org/2001/XInclude">'
                            f'<xi:include href="{target}" parse="text"/></TEI>')
        result = subprocess.run([sys.executable, "-m", "teiedition", "validate", "--format",
                                 "json", str(doc), str(dtd), str(xinclude)],
                                capture_output=True, text=True, timeout=60)
        assert "TOPSECRET" not in result.stdout + result.stderr
        files = json.loads(result.stdout)["files"]
        assert [p["rule"] for p in files[0]["problems"]] == ["xml-external"]
        assert files[1]["problems"][0]["rule"] == "xml-external"
        assert str(target) in files[0]["problems"][0]["message"]
        assert any(p["rule"] == "xsd-content" for p in files[2]["problems"])
        assert result.returncode == 1


def test_entity_bomb_is_refused_at_once() -> None:
    import resource
    import time
    entities = "".join(f'<!ENTITY e{i} "{("&e" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
    bomb = (f'<!DOCTYPE TEI [<!ENTITY e0 "lol">{entities}]>'
            '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>&e9;</text></TEI>').encode()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    assert rules_of(bomb) == ["xml-entity-expansion"]
    assert time.perf_counter() - start < 1.0
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 50_000  # KiB


def test_parse_keeps_internal_entities() -> None:
    data = (b'<!DOCTYPE TEI [<!ENTITY ed "teiedition">]>'
            b'<TEI xmlns="http://www.tei-c.org/ns/1.0">&ed;</TEI>')
    parsed = parse_bytes(data)
    assert parsed.problems == () and parsed.tree.getroot().text == "teiedition"


@pytest.mark.parametrize("name", ["xsd-attribute.001", "xsd-value.001", "xsd-content.002",
                                  "xml-id-unique.001"])
def test_large_file_path_reports_the_same_kinds_of_problem(name: str, monkeypatch) -> None:
    """Above XMLSCHEMA_DIAGNOSTICS_LIMIT elements the XSD problems come from libxml2's words
    instead of xmlschema's. libxml2 may stop at the first error of an element, so the check
    is on the kinds of problem, each located and rewritten for people."""
    from teiedition.validate import schemas
    path = FIXTURES / f"{name}.xml"
    full = Validator(["project"]).check_bytes(path.read_bytes(), path.name)
    monkeypatch.setattr(schemas, "XMLSCHEMA_DIAGNOSTICS_LIMIT", 0)
    fast = Validator(["project"]).check_bytes(path.read_bytes(), path.name)
    xsd = [p for p in fast.problems if p.rule.startswith("xsd") or p.rule == "xml-id-unique"]
    assert xsd, "the libxml2 path found nothing"
    assert {p.rule for p in xsd} <= {p.rule for p in full.problems}
    for problem in xsd:
        assert problem.line and "{http" not in problem.message and problem.message.startswith("<")


NOTES = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>
<div><p>a<note n="1"/>b<note n="i" place="end"/><note n="2">x<note n="3" place="end"/></note>
<note n="ii" place="end"/></p>
<div><p><note n="3"/><note place="margin" n="1"/></p></div>
<p><note n="5"/><note n="iii" place="end"><note n="9"/></note><note n="4" place="end"/></p></div>
</body></text></TEI>"""


def test_note_sequence_finds_the_previous_note_of_its_place_as_before() -> None:
    """The rule's look back to the nearest note first (issue 16: the search through every
    preceding note was quadratic) finds the note the plain search finds: mixed places,
    notes in notes, nested divisions."""
    from lxml import etree
    tree = etree.ElementTree(etree.fromstring(NOTES))
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    plain = etree.XPath("preceding::tei:note[string(@place) = $place][1]", namespaces=ns)
    quick = etree.XPath("$last[string(@place) = $place] | self::*[not($last[string(@place) = "
                        "$place])]/preceding::tei:note[string(@place) = $place][1]",
                        namespaces=ns)
    nearest = etree.XPath("preceding::tei:note[1]", namespaces=ns)
    notes = tree.findall(".//tei:note", ns)
    found = [quick(n, last=nearest(n), place=n.get("place", "")) for n in notes]
    assert found == [plain(n, place=n.get("place", "")) for n in notes]
    assert sum(1 for f in found if f) == 8


@pytest.mark.parametrize("phase", [None, "publication"])
def test_project_rules_with_one_walk_find_what_the_skeleton_finds(phase) -> None:
    """The project's rules run with the skeleton's stylesheet rewired (validate/passes.py);
    lxml's own Schematron, unchanged, must find the same on every schema fixture."""
    from lxml import isoschematron

    from teiedition.resources import resource
    from teiedition.validate.schemas import SchematronRules
    path = resource("schema", "teiedition.sch")
    ours = SchematronRules(path, phase=phase)
    skeleton = isoschematron.Schematron(
        etree.parse(str(path)), phase=phase, store_report=True,
        error_finder=isoschematron.Schematron.ASSERTS_AND_REPORTS,
        compile_params={"generate-fired-rule": "'false'"})
    svrl = "{http://purl.oclc.org/dsdl/svrl}"
    fixtures = sorted((CASES / "schema").glob("*.xml"))
    found_any = False
    for fixture in fixtures:
        tree = parse_bytes(fixture.read_bytes()).tree
        if tree is None:
            continue  # not XML (the fixtures include an entity bomb)
        skeleton.validate(tree)
        expected = [(n.get("id"), n.get("location")) for n in skeleton.validation_report.iter(
            svrl + "failed-assert", svrl + "successful-report")]
        assert [(p.rule, p.xpath) for p in ours.iter_problems(tree, SourceLines(
            fixture.read_bytes()))] == [(r or "schematron", loc) for r, loc in expected]
        found_any = found_any or bool(expected)
    assert found_any


@pytest.mark.parametrize("context, others", [
    ("tei:p", False), ("*", False), ("tei:*", False), ("tei:div/tei:head", False),
    ("//tei:note", False), ("tei:persName | tei:placeName |\n tei:rs", False),
    ("tei:p[comment()]", False), ('tei:a["]"]', False),
    ("node()", True), ("comment()", True), ("processing-instruction()", True),
    ("text()", True), ("@when", True), ("/", True), ("key('k', 'v')", True), ("$x", True),
    ("tei:p | node()", True), ("tei:p[", True),
])
def test_which_rule_contexts_may_match_other_than_elements(context: str, others: bool) -> None:
    from teiedition.validate.prune import may_match_other_than_element
    assert may_match_other_than_element(context) is others


RULES_WITH_COMMENTS = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt">
  <ns prefix="tei" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern id="p">
    <rule context="{context}">
      <assert id="a1" test="not(@a)">a1</assert>
      <assert id="a2" test="not(@b)">a2</assert>
      <report id="r1" test="@c">r1</report>
      <assert id="a3" test="not(@d)">a3</assert>
      <assert id="a4" test="not(@e)">a4</assert>
    </rule>
  </pattern>
</schema>"""


@pytest.mark.parametrize("context", ["tei:p", "node()"])
def test_rules_tested_together_find_what_each_finds(tmp_path: Path, context: str) -> None:
    """passes.guard_assertions and the walk without comments: the same findings, in order,
    as lxml's own Schematron; a run of assertions is one test until one fails."""
    from lxml import isoschematron

    import copy

    from teiedition.validate import passes
    from teiedition.validate.schemas import SchematronRules
    schema = tmp_path / "rules.sch"
    schema.write_text(RULES_WITH_COMMENTS.format(context=context), encoding="utf-8")
    ours = SchematronRules(schema)
    skeleton = isoschematron.Schematron(etree.parse(str(schema)), store_report=True,
                                        store_xslt=True,
                                        error_finder=isoschematron.Schematron.ASSERTS_AND_REPORTS,
                                        compile_params={"generate-fired-rule": "'false'"})
    xsl = "{http://www.w3.org/1999/XSL/Transform}"

    def walks(stylesheet: etree._Element) -> str:
        return " ".join(w.get("select") for w in stylesheet.iter(xsl + "apply-templates")
                        if (w.get("mode") or "").startswith("M"))
    # The skeleton walks comments and processing instructions when no context has a "("
    # (and, wrongly, not when one has, e.g. node()): the pass takes them out in the
    # first case only because no context there can match them.
    assert ("comment()" in walks(skeleton.validator_xslt.getroot())) is (context == "tei:p")
    rewired = copy.deepcopy(skeleton.validator_xslt.getroot())
    passes.trim_traversals(rewired)
    passes.guard_assertions(rewired)
    guards = [g.get("test") for g in rewired.iter(xsl + "if") if g.get("test").startswith("not((")]
    assert len(guards) == 2 and "(not(@a)) and (not(@b))" in guards[0]
    assert "comment()" not in walks(rewired)
    svrl = "{http://purl.oclc.org/dsdl/svrl}"
    doc = etree.ElementTree(etree.XML(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><!-- c --><p a="1" e="1"/><p/>'
        b'<p c="1" d="1"/><?pi x?><p b="1"/></TEI>'))
    skeleton.validate(doc)
    expected = [(n.get("id"), n.get("location")) for n in skeleton.validation_report.iter(
        svrl + "failed-assert", svrl + "successful-report")]
    assert [(p.rule, p.xpath) for p in ours.iter_problems(doc, SourceLines(
        etree.tostring(doc)))] == expected
    assert [rule for rule, _ in expected] == ["a1", "a4", "r1", "a3", "a2"]
