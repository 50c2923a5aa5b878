"""The search index (issue 17): a record per block with a permalink, filters by text,
person, place, organisation and year; Pagefind's bundle; build --search keeps it up to
date. (The search itself, in a browser over HTTP: tests/test_browser.py.)"""

from __future__ import annotations

import json

import pytest

from lxml import etree

from teiedition.workflow import BuildOptions, build
from teiedition.render import html_pages, html_text_page
from teiedition.search import records

from conftest import SEEDS

TEI = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>'
       'Letters</title></titleStmt><publicationStmt><p>x</p></publicationStmt><sourceDesc>'
       '<p>x</p></sourceDesc></fileDesc></teiHeader><standOff><listPerson><person xml:id="zh">'
       '<persName>Zhou Enlai</persName></person></listPerson><listPlace><place xml:id="ge">'
       '<placeName>Geneva</placeName></place></listPlace></standOff><text><body>'
       '<p xml:id="p1"><persName ref="#zh">Zhou</persName> went to <placeName ref="#ge">'
       'Geneva</placeName> in <date when="1954-04">April 1954</date>.<note xml:id="n1">A '
       'remark about the delegation.</note></p><p xml:id="p2">Nothing named here.</p>'
       '<lg><l xml:id="l1">A verse line</l></lg></body></text></TEI>')


def test_a_record_per_block_with_its_filters() -> None:
    # (A page made for an edition with a search index: its names carry the preferred name
    # the filters use.)
    pages = html_text_page("letters", etree.ElementTree(etree.fromstring(TEI)),
                           search=True).pages
    found = {r.url: r for r in records(pages)}
    assert set(found) == {"letters.html#p1", "letters.html#p2", "letters.html#l1",
                          "letters.html#n1"}
    first = found["letters.html#p1"]
    assert first.content.startswith("Zhou went to Geneva in April 1954")
    assert "remark" not in first.content  # the note is a record of its own, not a pop-up copy
    assert dict(first.filters) == {"text": ("Letters",), "person": ("Zhou Enlai",),
                                   "place": ("Geneva",), "year": ("1954",)}
    assert found["letters.html#n1"].content.startswith("A remark about the delegation")
    assert dict(found["letters.html#p2"].filters) == {"text": ("Letters",)}


def test_the_bundle_has_the_index_and_the_interface() -> None:
    pages = html_pages([("letters", etree.ElementTree(etree.fromstring(TEI)))],
                       search=True)
    files = pages.files
    for name in ("pagefind/pagefind.js", "pagefind/pagefind-ui.js", "pagefind/pagefind-ui.css",
                 "pagefind/pagefind-entry.json"):
        assert name in files
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    [language] = entry["languages"].values()
    assert language["page_count"] == 4 and f"pagefind/pagefind.{language['hash']}.pf_meta" in files
    assert "search.html" in pages.pages
    assert 'href="search.html"' in pages.pages["letters.html"]
    assert "search.html" not in html_pages(
        [("letters", etree.ElementTree(etree.fromstring(TEI)))]).pages


def test_the_same_pages_give_the_same_index_byte_for_byte() -> None:
    # Many values per filter, so that Pagefind's own order (a hash map's) would show.
    people = "".join(f'<person xml:id="x{i}"><persName>Person {i}</persName></person>'
                     for i in range(40))
    body = "".join(f'<p xml:id="b{i}"><persName ref="#x{i}">Person {i}</persName> wrote in '
                   f'<date when="{1800 + i}">{1800 + i}</date>.</p>' for i in range(40))
    tei = TEI.replace("</listPerson>", people + "</listPerson>").replace(
        '<p xml:id="p2">', body + '<p xml:id="p2">')
    documents = [("letters", etree.ElementTree(etree.fromstring(tei)))]
    first = html_pages(documents, search=True).files
    second = html_pages(documents, search=True).files
    assert first == second
    # Every filter and metadata file is one the entry points to (none left from a first
    # writing).
    entry = json.loads(first["pagefind/pagefind-entry.json"])
    [language] = entry["languages"].values()
    assert [n for n in first if n.endswith(".pf_meta")] == [
        f"pagefind/pagefind.{language['hash']}.pf_meta"]
    assert len([n for n in first if n.endswith(".pf_filter")]) == 4  # text, person, place, year


def test_build_search_is_remade_only_when_a_page_changes(tmp_path) -> None:
    edition = tmp_path / "edition"
    edition.mkdir()
    for source in SEEDS.iterdir():
        (edition / source.name).write_bytes(source.read_bytes())
    out = tmp_path / "out"
    first = build(edition, out, BuildOptions(date="2026-01-15", pdf=False, search=True))
    assert first.ok and (out / "html" / "pagefind" / "pagefind-ui.js").is_file()
    assert {s.name: s.status for s in first.edition_steps}["search"] == "done"
    again = build(edition, out, BuildOptions(date="2026-01-15", pdf=False, search=True))
    assert {s.name: s.status for s in again.edition_steps}["search"] == "up-to-date"


def test_an_edition_of_thousands_of_paragraphs_is_indexed_whole() -> None:
    """Every record reaches the index, in one exchange with Pagefind's service (its Python
    client read ten answers a second: 616 paragraphs of four real texts took a minute)."""
    body = "".join(f'<p xml:id="q{i}">Paragraph number {i} of many.</p>' for i in range(3000))
    tei = TEI.replace('<p xml:id="p2">', body + '<p xml:id="p2">')
    files = html_pages([("letters", etree.ElementTree(etree.fromstring(tei)))],
                       search=True).files
    [language] = json.loads(files["pagefind/pagefind-entry.json"])["languages"].values()
    assert language["page_count"] == 3004


def test_a_failing_pagefind_is_a_clear_error(monkeypatch) -> None:
    from teiedition.errors import TeieditionError
    from teiedition.search import search_index
    pages = html_text_page("letters", etree.ElementTree(etree.fromstring(TEI)),
                           search=True).pages
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/false")
    with pytest.raises(TeieditionError, match="search index could not be made with Pagefind"):
        search_index(pages)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/nonexistent/pagefind")
    with pytest.raises(TeieditionError, match="search index could not be made with Pagefind"):
        search_index(pages)
