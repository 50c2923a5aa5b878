"""Optional statistical recognition (--ner) with a small spaCy pipeline built here."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from teiedition import Provenance, convert, read_register
from teiedition.cli import cli
from teiedition.convert.ner import load_recognizer
from teiedition.convert.suggest import suggest_names
from teiedition.tei import TEI_NS, to_bytes
from teiedition.validate import Validator

from conftest import SEEDS

spacy = pytest.importorskip("spacy")

PAGE = ("Liu Shaoqi flew from Beijing to Wuhan in 1956, where the Hubei Provincial "
        "Committee met him; Soviet advisers stayed. 4 Liu Shaoqi then saw Zhou Enlai.\n|\n")


@pytest.fixture(scope="module")
def model(tmp_path_factory) -> str:
    """A rule-based pipeline saved to disk: what a user's trained model would give."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([
        {"label": "PERSON", "pattern": "Liu Shaoqi"},
        {"label": "PERSON", "pattern": "Zhou Enlai"},
        {"label": "GPE", "pattern": "Wuhan"},
        {"label": "GPE", "pattern": "Beijing"},
        {"label": "ORG", "pattern": "Hubei Provincial Committee"},
        {"label": "NORP", "pattern": "Soviet"},
        {"label": "DATE", "pattern": "1956"},
    ])
    path = tmp_path_factory.mktemp("ner") / "pipeline"
    nlp.to_disk(path)
    return str(path)


@pytest.fixture(scope="module")
def register():
    return read_register((SEEDS / "register.xml").read_bytes(), path="register.xml")


def test_convert_tags_unregistered_names_with_cert(model, register, seed_meta) -> None:
    result = convert(PAGE, seed_meta, Provenance("p.txt", "2026-01-15", "0.1.0"),
                     register=register, recognizer=load_recognizer(model))
    body = result.tree.find(f".//{{{TEI_NS}}}body")
    tags = [(e.tag.split("}")[1], e.text, e.get("ref"), e.get("cert"))
            for e in body.iter() if e.get("resp") == "#teiedition"]
    assert tags == [
        ("persName", "Liu Shaoqi", "#liu-shaoqi", None),     # the register wins
        ("placeName", "Beijing", "#beijing", None),
        ("placeName", "Wuhan", None, "medium"),              # recognised, not registered
        ("date", "1956", None, None),
        ("orgName", "Hubei Provincial Committee", None, "medium"),
        ("persName", "Liu Shaoqi", "#liu-shaoqi", None),
        ("persName", "Zhou Enlai", "#zhou-enlai", None),
    ]
    assert Validator(["project"]).check_bytes(to_bytes(result.tree), "p.xml").problems == ()


def test_suggest_takes_names_and_kinds_from_the_recognizer(model, register) -> None:
    suggestions = suggest_names([PAGE], register, recognizer=load_recognizer(model))
    kinds = {s.name: s.kind for s in suggestions}
    assert kinds["Wuhan"] == "place"
    assert kinds["Hubei Provincial Committee"] == "org"
    assert "Soviet" not in kinds and "Beijing" not in kinds


def test_cli_ner(runner, model, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(PAGE)
    result = runner.invoke(cli, ["convert", str(page), "-o", "-", "--ner", model,
                                 "--register", str(SEEDS / "register.xml")])
    assert result.exit_code == 0, result.stderr
    assert '<placeName cert="medium" resp="#teiedition">Wuhan</placeName>' in result.stdout
    result = runner.invoke(cli, ["suggest", str(page), "--ner", model])
    assert result.exit_code == 0 and "place\tWuhan" in result.stdout


def test_a_missing_model_is_a_clear_error(runner, tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text(PAGE)
    result = runner.invoke(cli, ["convert", str(page), "-o", "-", "--ner", "no_such_model_x"])
    assert result.exit_code == 2 and "cannot load the spaCy pipeline" in result.stderr


def test_without_spacy_ner_says_how_to_install_and_the_rest_works(runner, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)  # import spacy now fails
    page = tmp_path / "p.txt"
    page.write_text(PAGE)
    result = runner.invoke(cli, ["convert", str(page), "-o", "-", "--ner", "any"])
    assert result.exit_code == 2 and "pip install 'teiedition[ner]'" in result.stderr
    result = runner.invoke(cli, ["convert", str(page), "-o", "-"])
    assert result.exit_code == 0
