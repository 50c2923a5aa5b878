"""The evaluation of issue 14 (benchmarks/accuracy.py) as a regression test: on the editors'
tagged letters and diaries of ../shared/tei/tagged/ and the English cases, no number becomes
a note and no character is lost, and the scores stay at least where docs/accuracy.md puts
them."""

from __future__ import annotations

import sys

import pytest

from conftest import ROOT, shared_path

sys.path.insert(0, str(ROOT / "benchmarks"))
import accuracy  # noqa: E402


@pytest.fixture(scope="module")
def results():
    shared_path("tei", "tagged", "MANIFEST.tsv")
    return [accuracy.evaluate_file(*entry) for entry in accuracy.manifest()]


def total(results, kind: str) -> accuracy.Score:
    all_files, exhaustive = accuracy.Score(), accuracy.Score()
    for result in results:
        all_files.add(result.scores[kind])
        if result.exhaustive:
            exhaustive.add(result.scores[kind])
    all_files.right, all_files.predicted = exhaustive.right, exhaustive.predicted
    return all_files


def test_no_number_of_a_letter_or_diary_becomes_a_note(results) -> None:
    assert len(results) >= 14
    assert [(r.name, r.notes_made) for r in results if r.notes_made] == []
    assert [r.name for r in results if not r.text_kept] == []


def test_dates_are_found_and_normalised(results) -> None:
    dates = total(results, "date")
    assert dates.found / dates.gold >= 0.90
    assert dates.values_right / dates.values >= 0.85
    assert dates.right / dates.predicted >= 0.95


def test_names_keep_their_precision_and_recall(results) -> None:
    named = total(results, "named")
    recall, precision = named.found / named.gold, named.right / named.predicted
    assert precision >= 0.95 and recall >= 0.91


def test_every_capitalised_mention_and_the_proper_names(results) -> None:
    # Every capitalised mention, role words included: the reading of its target
    # (0.90, not reached: docs/accuracy.md says why), kept where this round put it.
    names = total(results, "names")
    recall, precision = names.found / names.gold, names.right / names.predicted
    assert precision >= 0.95 and recall >= 0.78
    assert 2 * precision * recall / (precision + recall) >= 0.87
    proper = total(results, "proper names")
    recall, precision = proper.found / proper.gold, proper.right / proper.predicted
    assert precision >= 0.95 and recall >= 0.89
    assert 2 * precision * recall / (precision + recall) >= 0.93


def test_role_words_are_not_proper_names() -> None:
    from goldtei import Mention, Paragraph
    cases = [("de", "der Vater und des Vaters Freund Feuerbach", ["Vater", "Vaters", "Feuerbach"],
              [False, False, True]),
             ("fr", "Madame, M. le cardinal et M. de Poissy", ["Madame", "M. le cardinal",
                                                               "M. de Poissy"],
              [False, False, True]),
             ("it", "Vostra Paternità e il Padre Lettore Fiori", ["Vostra Paternità",
                                                                  "Padre Lettore Fiori"],
              [False, True])]
    for language, text, said, proper in cases:
        mentions = [Mention("person", text.index(w), text.index(w) + len(w), w) for w in said]
        accuracy._mark_proper([Paragraph(text, language, mentions)])
        assert [m.proper for m in mentions] == proper, text


def test_the_book_keeps_its_names_and_dates() -> None:
    for name, precision, recall in accuracy.book_rows():
        assert precision >= 0.98 and recall >= 0.98, name
