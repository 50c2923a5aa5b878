"""`teiedition suggest`: names the register does not know, measured on book pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from teiedition import read_register, read_text
from teiedition.cli import cli
from teiedition.convert.suggest import suggest_names
from teiedition.validate import Validator

from conftest import SEED_TEXT, SEEDS, shared_path
from test_names import PAGES, SEED_NAMES, load_page

CASES = [(p.stem, *load_page(p)) for p in PAGES] + [
    ("seed", SEED_TEXT.read_text(encoding="utf-8"), SEED_NAMES)]


def forms(names) -> set[str]:
    return {name.replace("[", "").replace("]", "") for name in names}


@pytest.mark.parametrize("name, page, gold", CASES, ids=[c[0] for c in CASES])
def test_recall_and_precision_without_a_register(name, page, gold) -> None:
    """At least 80% of a page's distinct person, place and organisation names are suggested,
    and at least 70% of the suggestions are real names (events count as names)."""
    suggestions = suggest_names([b.text() for b in read_text(page).blocks])
    suggested = forms(s.name for s in suggestions)
    wanted = forms(text for kind, text, _ in gold if kind in ("person", "place", "org"))
    real = forms(text for _, text, _ in gold)
    recall = len(wanted & suggested) / len(wanted)
    precision = len(suggested & real) / len(suggested)
    assert recall >= 0.8, sorted(wanted - suggested)
    assert precision >= 0.7, sorted(suggested - real)


def test_the_register_removes_what_it_covers() -> None:
    register = read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")
    text = [b.text() for b in read_text(SEED_TEXT.read_text(encoding="utf-8")).blocks]
    names = {s.name for s in suggest_names(text, register)}
    assert not names & {"Beijing", "Zhou Enlai", "CCP", "Soviet Union", "Korean War"}
    assert len(names) <= 3


def test_grouping_counts_contexts_and_kinds() -> None:
    text = ["Chairman Liu Shaoqi spoke in Wuhan. Liu Shaoqi then left Wuhan for the CPSU "
            "Central Committee meeting, and the Korean War went on."]
    by_name = {s.name: s for s in suggest_names(text)}
    assert by_name["Liu Shaoqi"].count == 2 and by_name["Liu Shaoqi"].kind == "person"
    assert by_name["Wuhan"].kind == "place"
    assert by_name["CPSU Central Committee"].kind == "org"
    assert by_name["Korean War"].kind == "event"
    assert "Chairman" not in " ".join(by_name)
    assert "spoke in Wuhan" in by_name["Liu Shaoqi"].contexts[0]


def test_cli_writes_a_draft_register(runner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(load_page(PAGES[0])[0], encoding="utf-8")
    draft = tmp_path / "draft.xml"
    result = runner.invoke(cli, ["suggest", str(page), "-o", str(draft), "--date", "2026-01-15",
                                 "--format", "json"])
    assert result.exit_code == 0, result.stderr
    listed = json.loads(result.stdout)
    assert {"name", "kind", "count", "contexts"} <= set(listed[0])
    register = read_register(draft.read_bytes(), path=str(draft))
    assert {e.preferred for e in register.entries} == {s["name"] for s in listed}
    problems = Validator([str(shared_path("tei", "tei_all.rng"))]).check_bytes(
        draft.read_bytes(), "draft.xml").problems
    assert problems == ()
    entry = etree.parse(str(draft)).getroot().find(".//{http://www.tei-c.org/ns/1.0}person")
    assert entry.get("cert") == "low" and entry.get("resp") == "#teiedition"
    again = runner.invoke(cli, ["suggest", str(page), "-o", str(draft)])
    assert again.exit_code == 1 and "--force" in again.stderr
