"""Names: the register, the matcher, the seed's tags, precision and recall on book pages."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from teiedition import RegisterError, convert, minimal_metadata, read_text
from teiedition.convert.names import NameIndex, find_names
from teiedition.convert.taggers import tag_document
from teiedition.register import read_register
from teiedition.tei import TEI_NS

from conftest import CASES, SEED_TEXT, SEEDS

NAMES = CASES / "names"
PAGES = sorted(NAMES.glob("*.txt"))
ELEMENTS = {"persName": "person", "placeName": "place", "orgName": "org", "name": "event"}


@pytest.fixture(scope="module")
def seed_register():
    path = SEEDS / "register.xml"
    return read_register(path.read_bytes(), path=str(path))


@pytest.fixture(scope="module")
def test_register():
    path = NAMES / "register.xml"
    return read_register(path.read_bytes(), path=str(path))


def tags_of(tree) -> list[tuple[str, str, str]]:
    """(kind, text, ref id) of every name tag in the body, in order."""
    body = tree.find(f".//{{{TEI_NS}}}body")
    return [(ELEMENTS[etree.QName(e).localname], "".join(e.itertext()), e.get("ref")[1:])
            for e in body.iter(*(f"{{{TEI_NS}}}{n}" for n in ELEMENTS)) if e.get("ref")]


# The seed, tagged as ENCODING.md says: every name and date, nothing else.
SEED_NAMES = [
    ("place", "West Germany", "west-germany"), ("place", "Austria", "austria"),
    ("place", "Yugoslavia", "yugoslavia"), ("place", "Beijing", "beijing"),
    ("place", "Moscow", "moscow"),
    ("place", "Beijing", "beijing"), ("place", "Moscow", "moscow"),
    ("event", "Geneva Conference", "geneva-conference-1954"),
    ("person", "Zhou Enlai", "zhou-enlai"), ("place", "Moscow", "moscow"),
    ("place", "Indochina", "indochina"), ("place", "Geneva", "geneva"),
    ("place", "Indochina", "indochina"), ("person", "Zhou Enlai", "zhou-enlai"),
    ("person", "Viacheslav Molotov", "viacheslav-molotov"),
    ("place", "Moscow", "moscow"), ("place", "Beijing", "beijing"),
    ("person", "Khrushchev", "nikita-khrushchev"), ("person", "Stalin", "joseph-stalin"),
    ("person", "Khrushchev", "nikita-khrushchev"), ("place", "China", "china"),
    ("place", "Beijing", "beijing"), ("place", "Moscow", "moscow"), ("org", "CCP", "ccp"),
    ("place", "China", "china"), ("event", "Korean War", "korean-war"),
    ("org", "Central Committee", "ccp-central-committee"), ("org", "GMD", "gmd"),
    ("place", "Taiwan", "taiwan"), ("place", "Beijing", "beijing"),
    ("person", "Mao", "mao-zedong"), ("place", "China", "china"), ("place", "China", "china"),
    ("place", "Soviet Union", "soviet-union"), ("place", "China", "china"),
    ("person", "Mao", "mao-zedong"),
]
SEED_DATES = [("1954", {"when": "1954"}), ("1954 to 1955", {"from": "1954", "to": "1955"}),
              ("1953-1954", {"from": "1953", "to": "1954"})]


def seed_tree(seed_meta, provenance, register):
    return convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta, provenance,
                   register=register).tree


def test_seed_names(seed_meta, provenance, seed_register) -> None:
    tree = seed_tree(seed_meta, provenance, seed_register)
    assert tags_of(tree) == SEED_NAMES
    body = tree.find(f".//{{{TEI_NS}}}body")
    dates = [(e.text, {k: v for k, v in e.attrib.items() if k != "resp"})
             for e in body.iter(f"{{{TEI_NS}}}date")]
    assert dates == SEED_DATES
    for element in body.iter(*(f"{{{TEI_NS}}}{n}" for n in (*ELEMENTS, "date"))):
        assert element.get("resp") == "#teiedition"


def test_seed_standoff_holds_exactly_the_entries_used(seed_meta, provenance,
                                                      seed_register) -> None:
    tree = seed_tree(seed_meta, provenance, seed_register)
    ids = tree.getroot().xpath("tei:standOff//@xml:id", namespaces={"tei": TEI_NS})
    assert sorted(ids) == sorted({ref for _, _, ref in SEED_NAMES})
    beijing = tree.getroot().xpath("//tei:place[@xml:id='beijing']/tei:idno[@type='wikidata']",
                                   namespaces={"tei": TEI_NS})
    assert beijing[0].text == "Q956"
    change = tree.getroot().xpath("//tei:revisionDesc/tei:change",
                                  namespaces={"tei": TEI_NS})[0].text
    assert "register.xml (dated 2026-11-25)" in change


def test_seed_is_not_tagged_without_a_register(seed_meta, provenance) -> None:
    tree = convert(SEED_TEXT.read_text(encoding="utf-8"), seed_meta, provenance).tree
    assert tags_of(tree) == []
    assert tree.getroot().find(f"{{{TEI_NS}}}standOff") is None


def load_page(path: Path) -> tuple[str, list[tuple[str, str, str]]]:
    text = "\n".join(line for line in path.read_text(encoding="utf-8").split("\n")
                     if not line.startswith("% "))
    page, gold = text.split("\n>>> names\n")
    return page, [tuple(line.split("\t")) for line in gold.strip().split("\n")]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_precision_and_recall_on_book_pages(path: Path, test_register, provenance) -> None:
    page, gold = load_page(path)
    found = tags_of(convert(page, minimal_metadata("page"), provenance,
                            register=test_register).tree)
    hits = sum((Counter(found) & Counter(gold)).values())
    precision = hits / len(found) if found else 1.0
    recall = hits / len(gold)
    assert precision >= 0.98 and recall >= 0.98, (
        f"precision {precision:.2f} recall {recall:.2f}\nmissing: "
        f"{list((Counter(gold) - Counter(found)).elements())}\nextra: "
        f"{list((Counter(found) - Counter(gold)).elements())}")


def test_there_are_enough_pages() -> None:
    assert len(PAGES) >= 3
    assert sum(len(load_page(p)[1]) for p in PAGES) >= 50


def test_tagging_is_idempotent(seed_register, seed_meta) -> None:
    doc = read_text(SEED_TEXT.read_text(encoding="utf-8"))
    once = tag_document(doc, seed_register)
    twice = tag_document(once, seed_register)
    assert twice == once
    # Tagging dates alone, then names, gives the same as both at once.
    assert tag_document(tag_document(doc, None), seed_register).blocks == once.blocks


def spans(text: str, register, *, fragment: bool = False) -> list[tuple[str, str]]:
    found = find_names(text, NameIndex.build(register), set(), fragment_start=fragment)
    return [(text[s.start:s.end], s.entry.id) for s in found]


def register_of(xml: str):
    data = (f'<TEI xmlns="{TEI_NS}"><standOff>{xml}</standOff></TEI>').encode()
    return read_register(data, path="r.xml")


def test_longest_match_first(seed_register) -> None:
    assert spans("the Soviet Union and Soviet leaders", seed_register) == [
        ("Soviet Union", "soviet-union")]
    assert spans("Zhou Enlai", seed_register) == [("Zhou Enlai", "zhou-enlai")]


def test_whole_words_and_case(seed_register) -> None:
    assert spans("Maoist china Moscowite BEIJING", seed_register) == []


def test_a_name_cut_by_the_start_of_the_excerpt_is_not_tagged() -> None:
    register = register_of('<listPlace><place xml:id="su"><placeName>Soviet Union</placeName>'
                           '<placeName type="variant">Union</placeName></place></listPlace>')
    assert spans("Union and Union", register, fragment=True) == [("Union", "su")]
    assert spans("Union and Union", register) == [("Union", "su"), ("Union", "su")]


def test_other_scripts_and_diacritics() -> None:
    register = register_of('<listPerson><person xml:id="z"><persName>周恩来</persName></person>'
                           '<person xml:id="r"><persName>József Révai</persName></person>'
                           '</listPerson>')
    assert spans("总理周恩来访问了 and József Révai's", register) == [
        ("周恩来", "z"), ("József Révai", "r")]


REGISTER_ERRORS = [
    ("<listPerson><person xml:id='a'><persName>A</persName></person>"
     "<person xml:id='a'><persName>B</persName></person></listPerson>",
     "xml:id 'a' is used by two entries"),
    ("<listPerson><person xml:id='a'><persName>Zhou</persName></person>"
     "<person xml:id='b'><persName>Li</persName><persName type='variant'>Zhou</persName>"
     "</person></listPerson>",
     "the person name 'Zhou' belongs to both 'a' (line 1) and 'b' (line 1)"),
    ("<listPlace><place><placeName>Nowhere</placeName></place></listPlace>",
     "a place entry has no xml:id"),
    ("<p>No entries.</p>", "the register has no entries"),
]


@pytest.mark.parametrize("xml, message", REGISTER_ERRORS)
def test_register_is_refused_with_a_reason(xml: str, message: str) -> None:
    with pytest.raises(RegisterError) as err:
        register_of(xml)
    assert message in str(err.value)
    assert err.value.exit_code == 2


def test_same_name_for_different_kinds_is_allowed() -> None:
    register = register_of("<listPlace><place xml:id='a'><placeName>Georgia</placeName></place>"
                           "</listPlace><listPerson><person xml:id='b'><persName>Georgia"
                           "</persName></person></listPerson>")
    assert len(register.entries) == 2


def test_malformed_register() -> None:
    with pytest.raises(RegisterError) as err:
        read_register(b"<TEI><listPerson>", path="bad.xml")
    assert "bad.xml" in str(err.value) and "cannot be read" in str(err.value)


def test_cli_register_option(runner, tmp_path: Path) -> None:
    from teiedition.cli import cli
    page = tmp_path / "p.txt"
    page.write_text("Zhou Enlai met Mao in Beijing in 1954. 1\n|\n")
    result = runner.invoke(cli, ["convert", str(page), "-o", "-", "--date", "2026-01-15",
                                 "--register", str(SEEDS / "register.xml")])
    assert result.exit_code == 0, result.stderr
    assert "3 names, 1 dates" in result.stderr
    assert '<persName ref="#zhou-enlai" resp="#teiedition">Zhou Enlai</persName>' in result.stdout
    bad = tmp_path / "register.xml"  # the default: register.xml beside the source
    bad.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><listPerson>")
    result = runner.invoke(cli, ["convert", str(page), "-o", "-"])
    assert result.exit_code == 2 and "register.xml" in result.stderr
