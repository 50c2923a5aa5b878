"""RELAX NG compiled for the elements a document uses: same verdicts, same messages."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from lxml import etree

from teiedition.validate import Validator
from teiedition.validate.relaxng import RNG, element_names, reduce_grammar, reducible
from teiedition.xmlparse import parse_bytes

from conftest import SHARED, shared_path

TEI = "http://www.tei-c.org/ns/1.0"
GRAMMAR = f"""<grammar xmlns="{RNG}" ns="http://www.tei-c.org/ns/1.0">
  <start><element name="TEI"><zeroOrMore><ref name="block"/></zeroOrMore></element></start>
  <define name="block"><choice><ref name="p"/><ref name="list"/></choice></define>
  <define name="p"><element name="p"><text/></element></define>
  <define name="list"><element name="list"><oneOrMore><ref name="item"/></oneOrMore></element>
  </define>
  <define name="item"><element name="item"><text/></element></define>
  <define name="any"><element><anyName/><text/></element></define>
</grammar>"""


def tree(text: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(text))


def test_absent_elements_become_not_allowed_and_unreachable_defines_go() -> None:
    grammar = tree(GRAMMAR)
    names = element_names(tree('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>a</p></TEI>'))
    reduced = reduce_grammar(grammar, names)
    assert [d.get("name") for d in reduced.getroot().iter(f"{{{RNG}}}define")] == [
        "block", "p", "list"]
    assert reduced.getroot().find(f".//{{{RNG}}}define[@name='list']/{{{RNG}}}notAllowed") \
        is not None
    kept = reduce_grammar(grammar, names, keep_structure=True)
    assert kept.getroot().find(f".//{{{RNG}}}element[@name='list']/{{{RNG}}}empty") is not None
    schema = etree.RelaxNG(reduced)
    assert schema.validate(tree('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>a</p><p>b</p></TEI>'))
    assert not schema.validate(tree('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p><p/></p></TEI>'))


def test_grammars_with_includes_are_compiled_whole(tmp_path: Path) -> None:
    assert reducible(tree(GRAMMAR))
    assert not reducible(tree(f'<grammar xmlns="{RNG}"><include href="x.rng"/></grammar>'))
    assert not reducible(tree(f'<element xmlns="{RNG}" name="a"><empty/></element>'))


def test_one_compile_per_new_set_of_names(tmp_path: Path, monkeypatch) -> None:
    rng = tmp_path / "doc.rng"
    rng.write_text(GRAMMAR, encoding="utf-8")
    calls = []
    original = etree.RelaxNG
    monkeypatch.setattr(etree, "RelaxNG", lambda *a, **k: calls.append(a) or original(*a, **k))
    validator = Validator([str(rng)], xinclude=False)
    for text in ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>a</p></TEI>', '<TEI xmlns="http://www.tei-c.org/ns/1.0"/>',
                 '<TEI xmlns="http://www.tei-c.org/ns/1.0"><list><item>i</item></list></TEI>',
                 '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>b</p><list><item>j</item></list></TEI>'):
        assert validator.check_bytes(text.encode(), "d.xml").problems == ()
    assert len(calls) == 2  # {TEI, p}, then the union with {list, item}
    invalid = b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><item/></TEI>'
    problems = validator.check_bytes(invalid, "d.xml").problems
    assert [(p.rule, p.message) for p in problems] == [
        ("doc", "<item> is not allowed here (inside <TEI>)")]


def invalid_corpus_files() -> list[str]:
    table = SHARED / "tei" / "corpus" / "VERDICTS.tsv"
    if not table.exists():
        return []
    with table.open(encoding="utf-8") as handle:
        return [row["file"] for row in csv.DictReader(handle, delimiter="\t")
                if row["valid_tei_all_4.12.0"] == "invalid"]


@pytest.mark.slow
@pytest.mark.parametrize("name", invalid_corpus_files())
def test_diagnostics_are_those_of_the_whole_grammar(name: str, whole_tei_all) -> None:
    grammar, whole = whole_tei_all
    document = parse_bytes(shared_path("tei", "corpus", name).read_bytes()).tree
    assert not whole.validate(document)
    expected = [(e.line, e.message) for e in whole.error_log]
    reduced = etree.RelaxNG(reduce_grammar(grammar, element_names(document), keep_structure=True))
    assert not reduced.validate(document)
    assert [(e.line, e.message) for e in reduced.error_log] == expected
    assert not etree.RelaxNG(reduce_grammar(grammar, element_names(document))).validate(document)


@pytest.fixture(scope="module")
def whole_tei_all():
    grammar = etree.parse(str(shared_path("tei", "tei_all.rng")))
    return grammar, etree.RelaxNG(grammar)


INCOMPLETE = f"""<TEI xmlns="{TEI}">
  <teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>
    <publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>
  </fileDesc></teiHeader>
  <text>
    <body>
      <lg type="stanza">
        <head>Title</head>
      </lg>
      <list><head>x</head></list>
      <p>text</p> <choice/>
    </body>
  </text>
</TEI>"""


def test_messages_say_which_element_where_and_what_it_lacks(tei_all) -> None:
    """libxml2 says "Expecting an element , got nothing"; Jing names the element and what
    it expects, and so does teiedition (issue 16)."""
    problems = [p for p in tei_all.check_bytes(INCOMPLETE.encode(), "x.xml").problems
                if p.rule == "tei_all"]
    lg, listing, choice = problems
    assert (lg.line, lg.column) == (7, 7)
    assert lg.message.startswith("<lg> is incomplete; expected <")
    assert {"<l>", "<lg>"} <= set(lg.message.split("expected ")[1].split(", "))
    assert lg.detail == "Expecting an element , got nothing"
    assert (listing.line, listing.column, listing.message) == (
        10, 7, "<list> is incomplete; expected <item>")
    assert (choice.line, choice.column, choice.message) == (
        11, 19, "<choice> is not allowed here (inside <body>)")


def test_a_batch_compiles_a_few_diagnostic_grammars_then_the_whole(tmp_path: Path,
                                                                   monkeypatch) -> None:
    from teiedition.validate import relaxng
    monkeypatch.setattr(relaxng, "VERDICT_BUDGET_SECONDS", 0.0)  # as after a second's batch
    monkeypatch.setattr(relaxng, "MAX_DIAGNOSTIC_GRAMMARS", 2)
    rng = tmp_path / "doc.rng"
    rng.write_text(GRAMMAR, encoding="utf-8")
    grammar = Validator([str(rng)], xinclude=False, use_cache=False).schemas[0]
    seen = []
    for body in ("", "<p>a</p>", "<list><item>i</item></list>"):
        document = tree(f'<TEI xmlns="{TEI}">{body}</TEI>')
        assert not list(grammar.iter_problems(document, None))
        seen.append((len(grammar._diagnostic.names), grammar._whole is not None))
    # {TEI}; then a second diagnostic grammar for {TEI, p}; then the whole grammar.
    assert seen == [(1, False), (2, False), (2, True)]


def test_a_batch_that_says_its_size_skips_the_verdict_grammar_after_the_first(
        tmp_path: Path, monkeypatch) -> None:
    from teiedition.validate import relaxng
    rng = tmp_path / "doc.rng"
    rng.write_text(GRAMMAR, encoding="utf-8")
    document = tree(f'<TEI xmlns="{TEI}"><p>a</p></TEI>')
    invalid = tree(f'<TEI xmlns="{TEI}"><list/></TEI>')

    def kinds(expected: int | None, budget: float) -> list[bool]:
        """For four documents: whether each was checked with the verdict grammar."""
        monkeypatch.setattr(relaxng, "VERDICT_BUDGET_SECONDS", budget)
        validator = Validator([str(rng)], xinclude=False, use_cache=False)
        if expected is not None:
            validator.expect(expected)
        grammar = validator.schemas[0]
        used = []
        for _ in range(4):
            run = grammar.prepare(document)
            run.run()
            assert not list(run.problems(document, None))
            used.append(run._small)
        # The same messages whichever grammar a batch has come to.
        assert [p.message for p in validator.iter_problems(invalid)] == \
            ["<list> is incomplete; expected <item>"]
        return used

    # A budget that four documents cannot spend: the verdict grammar throughout.
    assert kinds(1000, 60.0) == [True] * 4
    # A batch of a billion would spend half a second at a nanosecond each: after the first,
    # the diagnostic grammar.
    assert kinds(10**9, 0.5) == [True, False, False, False]
    # Without the size, the run spends the budget first (here: not yet).
    assert kinds(None, 0.5) == [True] * 4


# One problem for each of Jing's, where Jing puts it (the sweep against Jing, issue 16).

GRAMMAR_CASES = sorted((Path(__file__).parent / "cases" / "grammar").glob("*.xml"))


def jing_lines(path: Path) -> list[int]:
    """The lines of Jing's errors on a fixture, as its second line records them."""
    second = path.read_text(encoding="utf-8").split("\n")[1]
    return json.loads(re.search(r"<!-- jing: (\[.*?\]) -->", second).group(1))


@pytest.mark.parametrize("path", GRAMMAR_CASES, ids=lambda p: p.stem)
def test_grammar_errors_are_jings_one_for_one(path: Path, tei_all) -> None:
    """libxml2 reports the failure of each alternative around a bad element as well
    (cascade.py), and text where only elements stand at the element holding it: each
    grammar problem here is one of Jing's errors, on its line."""
    problems = [p for p in tei_all.check_bytes(path.read_bytes(), path.name).problems
                if p.rule == "tei_all"]
    assert [p.line for p in problems] == jing_lines(path), problems
    text = path.read_text(encoding="utf-8").split("\n")
    for problem in problems:
        assert problem.column and problem.column <= len(text[problem.line - 1])


def messages(tei_all, name: str) -> list[str]:
    path = Path(__file__).parent / "cases" / "grammar" / name
    return [p.message for p in tei_all.check_bytes(path.read_bytes(), name).problems
            if p.rule == "tei_all"]


def test_a_bad_value_is_not_called_an_attribute_not_allowed(tei_all) -> None:
    """libxml2 says "Invalid attribute when for element date" for a value of the wrong
    datatype as for an attribute the element does not allow; Jing tells them apart."""
    when, level, cert, colour, cols, lang = messages(tei_all, "attribute-value.001.xml")
    assert when.startswith('<date> @when="1901-13-01" is not a valid value; expected a date')
    assert level == '<title> @level="q" is not a valid value; expected "a", "m", "j", "s" or "u"'
    assert cert.startswith('<persName> @cert="maybe" is not a valid value; expected "high"')
    assert colour == "<hi> does not allow the attribute @colour"
    assert cols.startswith('<table> @cols="two" is not a valid value; expected a whole number')
    assert lang.startswith('<p> @xml:lang="en GB" is not a valid value')


def test_a_repeated_xml_id_is_named_with_its_first_use(tei_all) -> None:
    repeated, malformed = messages(tei_all, "xml-id.001.xml")
    assert repeated == ('<p> repeats xml:id="a" of <p> on line 13: every xml:id must be '
                        "unique in the document")
    assert malformed.startswith('<p> @xml:id="3c" is not a valid value')


def test_text_where_only_elements_stand_is_quoted(tei_all) -> None:
    assert messages(tei_all, "text-not-allowed.001.xml") == [
        '<list> may not contain text here ("and")',
        '<listPerson> may not contain text here ("stray")',
        '<listPlace> may not contain text here ("and the rest")']


def test_datatypes_jing_rejects_are_rejected_by_a_facet_only_where_xsd_types_stand() -> None:
    """24:00:00 and 1e pass libxml2's time and double, not Jing's (datatypes.py): a pattern
    facet is added to XSD data patterns without parameters of their own, nowhere else."""
    from teiedition.validate.datatypes import align_datatypes
    xsd = "http://www.w3.org/2001/XMLSchema-datatypes"
    grammar = tree(f"""<element name="r" xmlns="{RNG}" datatypeLibrary="{xsd}">
      <attribute name="t"><data type="time"/></attribute>
      <attribute name="d"><data type="double"/></attribute>
      <attribute name="p"><data type="time"><param name="minInclusive">01:00:00</param></data>
      </attribute>
      <attribute name="o"><data type="time" datatypeLibrary="urn:other"/></attribute>
    </element>""")
    aligned = align_datatypes(grammar)
    params = [len(d) for d in aligned.getroot().iter(f"{{{RNG}}}data")]
    assert params == [1, 1, 1, 0]
    assert [len(d) for d in grammar.getroot().iter(f"{{{RNG}}}data")] == [0, 0, 1, 0]
    schema = etree.RelaxNG(align_datatypes(tree(f"""<element name="r" xmlns="{RNG}"
      datatypeLibrary="{xsd}"><attribute name="t"><data type="time"/></attribute>
      <attribute name="d"><data type="double"/></attribute></element>""")))
    for t, d, valid in (("23:00:00", "1e3", True), (" 23:00:00 ", " 2. ", True),
                        ("24:00:00", "1", False), ("12:00:00", "1e", False)):
        assert schema.validate(tree(f'<r t="{t}" d="{d}"/>')) == valid, (t, d)
