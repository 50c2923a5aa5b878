"""Schematron beyond XSLT 1.0: the TEI's embedded rules, XSD appinfo, .sch with xslt2/xslt3."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from teiedition.cli import cli
from teiedition.validate import Validator

from conftest import CASES, shared_path

FIXTURES = sorted((CASES / "tei_all").glob("*.xml"))
NONFATAL = CASES / "tei_all" / "tei_all-att.datable.w3c-att-datable-w3c-when-constraint-rule-2.001.xml"
_EXPECT = re.compile(r"<!-- expect: (\{.*?\}) -->")
TEI = "http://www.tei-c.org/ns/1.0"
DOC = (f'<TEI xmlns="{TEI}"><teiHeader/><text><body><p n="1">One <hi>two</hi></p>'
       '<p n="1">Three</p></body></text></TEI>').encode()


def expected(path: Path) -> Counter:
    match = _EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} does not say what it expects"
    return Counter(json.loads(match.group(1)))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name.split("-constraint")[0])
def test_each_tei_rule_is_reported_with_its_id_and_line(path: Path, tei_all) -> None:
    report = tei_all.check_bytes(path.read_bytes(), path.name)
    assert Counter(p.rule for p in report.problems) == expected(path), report.problems
    lines = path.read_text(encoding="utf-8").split("\n")
    for problem in report.problems:
        assert problem.schema == "tei_all.rng" and problem.message
        assert problem.line and problem.column
        assert lines[problem.line - 1][problem.column - 1] == "<"


def test_fixtures_cover_ten_rules_with_let_and_xpath2() -> None:
    rules = {rule for path in FIXTURES for rule in expected(path)}
    assert len(rules) >= 10
    assert "tei_all-msDesc-one_ms_singleton_max-constraint-rule-35" in rules  # sch:let, eq
    assert "tei_all-path-pathmustnotbeclosed-constraint-rule-42" in rules  # tokenize, xs:float


def test_roles_are_kept_and_only_errors_fail(tei_all) -> None:
    report = tei_all.check_bytes(NONFATAL.read_bytes(), NONFATAL.name)
    (problem,) = report.problems
    assert (problem.role, problem.severity, report.valid) == ("nonfatal", "warning", True)


def test_the_same_files_pass_without_embedded_rules() -> None:
    grammar_only = Validator([str(shared_path("tei", "tei_all.rng"))], embedded_rules=False)
    assert len(grammar_only.schemas) == 1
    for path in FIXTURES:
        assert grammar_only.check_bytes(path.read_bytes(), path.name).problems == ()


XSLT2_SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="{binding}">
  <ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
  <let name="numbers" value="//t:p/@n"/>
  <pattern id="abstract-unique" abstract="true">
    <rule context="$element">
      <let name="n" value="@n"/>
      <assert id="n-unique" test="count($numbers[. eq $n]) eq 1">n="<value-of select="$n"/>"
        is used <value-of select="count($numbers[. eq $n])"/> times</assert>
    </rule>
  </pattern>
  <pattern id="p-unique" is-a="abstract-unique"><param name="element" value="t:p"/></pattern>
  <pattern id="hi-info">
    <rule context="t:hi"><report test="matches(., '^t')" role="information">hi starts with
      t</report></rule>
  </pattern>
</schema>"""


@pytest.mark.parametrize("binding", ["xslt2", "xslt3"])
def test_standalone_sch_with_xpath2_binding(tmp_path: Path, binding: str) -> None:
    sch = tmp_path / "rules.sch"
    sch.write_text(XSLT2_SCH.format(binding=binding), encoding="utf-8")
    report = Validator([str(sch)]).check_bytes(DOC, "doc.xml")
    found = sorted((p.rule, p.severity, p.role, p.message) for p in report.problems)
    assert found == [("hi-info", "info", "information", "hi starts with t"),
                     ("n-unique", "error", None, 'n="1" is used 2 times'),
                     ("n-unique", "error", None, 'n="1" is used 2 times')]
    strict = Validator([str(sch)], strict=True).check_bytes(DOC, "doc.xml")
    assert {p.severity for p in strict.problems} == {"error"}
    assert {p.role for p in strict.problems} == {None, "information"}


def test_old_schematron_namespace_in_relax_ng(tmp_path: Path) -> None:
    rng = tmp_path / "old.rng"
    rng.write_text(f"""<grammar xmlns="http://relaxng.org/ns/structure/1.0"
        xmlns:sch="http://www.ascc.net/xml/schematron" ns="{TEI}">
      <sch:ns prefix="t" uri="{TEI}"/>
      <start><element name="TEI"><sch:pattern name="body-needs-p" id="body-needs-p">
        <sch:rule context="t:body"><sch:assert test="t:div">a body needs a div</sch:assert>
        </sch:rule></sch:pattern>
        <ref name="any"/></element></start>
      <define name="any"><zeroOrMore><choice><attribute><anyName/></attribute><text/>
        <element><anyName/><ref name="any"/></element></choice></zeroOrMore></define>
    </grammar>""", encoding="utf-8")
    report = Validator([str(rng)]).check_bytes(DOC, "doc.xml")
    assert [(p.rule, p.message, p.line) for p in report.problems] == [
        ("body-needs-p", "a body needs a div", 1)]


def test_schematron_in_xsd_appinfo(tmp_path: Path) -> None:
    xsd = tmp_path / "appinfo.xsd"
    xsd.write_text(f"""<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"
        xmlns:sch="http://purl.oclc.org/dsdl/schematron" targetNamespace="{TEI}">
      <xs:annotation><xs:appinfo>
        <sch:ns prefix="t" uri="{TEI}"/>
        <sch:pattern id="no-hi"><sch:rule context="t:hi">
          <sch:report test="exists(.)" role="warning">hi is discouraged</sch:report>
        </sch:rule></sch:pattern>
      </xs:appinfo></xs:annotation>
      <xs:element name="TEI"/>
    </xs:schema>""", encoding="utf-8")
    report = Validator([str(xsd)]).check_bytes(DOC, "doc.xml")
    assert [(p.rule, p.severity) for p in report.problems] == [("no-hi", "warning")]
    assert report.valid
    assert Validator([str(xsd)], embedded_rules=False).check_bytes(DOC, "d.xml").problems == ()


def test_rules_cannot_read_files_or_urls(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("hunter2", encoding="utf-8")
    sch = tmp_path / "leak.sch"
    sch.write_text(f"""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
      <pattern id="leak"><rule context="/*"><report test="true()">
        <value-of select="unparsed-text('{secret.as_uri()}')"/></report></rule></pattern>
    </schema>""", encoding="utf-8")
    report = Validator([str(sch)]).check_bytes(DOC, "doc.xml")
    assert [p.rule for p in report.problems] == ["schematron-failed"]
    assert "hunter2" not in report.problems[0].message


def test_cli_strict_and_no_embedded_rules(runner) -> None:
    rng = shared_path("tei", "tei_all.rng")
    nonfatal = NONFATAL
    error = CASES / "tei_all" / "tei_all-s-noNestedS-constraint-rule-30.001.xml"
    result = runner.invoke(cli, ["validate", "--schema", str(rng), str(nonfatal), str(error)])
    assert result.exit_code == 1
    assert "warning: The @when attribute" in result.stdout and ", nonfatal]" in result.stdout
    assert "[tei_all-s-noNestedS-constraint-rule-30]" in result.stdout
    assert runner.invoke(cli, ["validate", "--schema", str(rng), str(nonfatal)]).exit_code == 0
    assert runner.invoke(cli, ["validate", "--schema", str(rng), "--strict",
                               str(nonfatal)]).exit_code == 1
    off = runner.invoke(cli, ["validate", "--schema", str(rng), "--no-embedded-rules",
                              str(nonfatal), str(error)])
    assert off.exit_code == 0 and off.stdout == ""


def test_xslt2_schema_may_define_functions(tmp_path: Path) -> None:
    sch = tmp_path / "functions.sch"
    sch.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"
        xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:f="urn:f"
        xmlns:xs="http://www.w3.org/2001/XMLSchema">
      <ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
      <ns prefix="f" uri="urn:f"/>
      <xsl:function name="f:twice" as="xs:integer">
        <xsl:param name="n" as="xs:integer"/><xsl:sequence select="2 * $n"/>
      </xsl:function>
      <pattern id="fn"><rule context="t:hi"><report test="f:twice(1) eq 2">twice one is
        <value-of select="f:twice(1)"/></report></rule></pattern>
    </schema>""", encoding="utf-8")
    report = Validator([str(sch)]).check_bytes(DOC, "doc.xml")
    assert [(p.rule, p.message) for p in report.problems] == [("fn", "twice one is 2")]


WALKS = """<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <sch:ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
  <sch:ns prefix="xs" uri="http://www.w3.org/2001/XMLSchema"/>
  <sch:pattern id="first-match">
    <sch:rule context="t:p[@rend]"><sch:assert test="false()" id="p-rend">rend</sch:assert></sch:rule>
    <sch:rule context="t:p"><sch:assert test="@n">no n</sch:assert></sch:rule>
  </sch:pattern>
  <sch:pattern id="attributes">
    <sch:rule context="@n"><sch:assert test=". castable as xs:integer">n: a number</sch:assert>
    </sch:rule>
  </sch:pattern>
  <sch:pattern id="root">
    <sch:rule context="/"><sch:report test="count(//t:p) gt 2">many p</sch:report></sch:rule>
    <sch:rule context="t:TEI"><sch:report test="true()">the root element</sch:report>
    </sch:rule>
  </sch:pattern>
</sch:schema>"""
WALKED = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<p n="1">a</p>
<p rend="x">b
<p n="x">c</p></p>
</TEI>"""


def test_one_walk_for_all_patterns_finds_what_one_walk_each_finds(tmp_path: Path,
                                                                  monkeypatch) -> None:
    from teiedition.validate import schematron
    schema = tmp_path / "walks.sch"
    schema.write_text(WALKS)
    def findings() -> list[tuple]:
        report = Validator([str(schema)], use_cache=False).check_bytes(WALKED.encode(), "w.xml")
        return sorted((p.rule, p.message, p.line) for p in report.problems)
    merged = findings()
    # The outer <p rend> lacks @n, but its pattern's first matching rule is the one for
    # @rend: each pattern keeps its own first match in the shared walk.
    assert [(rule, message) for rule, message, _ in merged] == [
        ("attributes", "n: a number"), ("p-rend", "rend"), ("root", "many p"),
        ("root", "the root element")]
    monkeypatch.setattr(schematron, "merge_traversals", lambda stylesheet: None)
    assert findings() == merged
    monkeypatch.setattr(schematron, "trim_traversals", lambda stylesheet: None)
    assert findings() == merged


def test_a_document_that_no_rule_context_can_match_needs_no_saxon_run(tmp_path: Path) -> None:
    from teiedition.validate.schematron import SaxonSchematron
    sch = tmp_path / "rules.sch"
    sch.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="t" uri="http://www.tei-c.org/ns/1.0"/>
  <pattern id="hi-info">
    <rule context="t:hi"><report test="matches(., '^t')">hi starts with t</report></rule>
  </pattern>
  <pattern id="dated">
    <rule context="t:*[@when and @notBefore]"><report test="true()">both</report></rule>
  </pattern>
</schema>""", encoding="utf-8")
    validator = Validator([str(sch)], use_cache=False)
    rules = validator.schemas[0]
    assert isinstance(rules, SaxonSchematron)
    without = tree_of(f'<TEI xmlns="{TEI}"><text><p n="1900">two</p></text></TEI>')
    pending = rules.prepare(without)
    assert pending._executable is None  # neither <hi> nor @when: nothing to run
    assert list(validator.iter_problems(without)) == []
    for body, rule in (("<hi>two</hi>", "hi-info"), ('<p when="1" notBefore="1">x</p>', "dated")):
        document = tree_of(f'<TEI xmlns="{TEI}"><text>{body}</text></TEI>')
        assert rules.prepare(document)._executable is not None
        assert [p.rule for p in validator.iter_problems(document)] == [rule]


def tree_of(text: str):
    from lxml import etree
    return etree.ElementTree(etree.fromstring(text))
