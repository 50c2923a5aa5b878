"""Conversion output stays byte-identical while the converter is made faster (issue 18).

The TEI that ``convert_sources`` writes for the benchmark's generated texts (with the
register of 10,000 extra entries), the seed book, a book of generated pages and the Word
files of ../shared/docx is compared with digests recorded from the converter before the
speed work. A change of behaviour (a better name matcher, say) changes the digests on
purpose: rerun with ``--update-golden`` and say why in the commit.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teiedition import parse_metadata, read_register, to_bytes
from teiedition.errors import InputError
from teiedition.files import decode_text
from teiedition.inputs import convert_sources

from conftest import GOLDEN, ROOT, SEED_META, SEED_TEXT, SHARED

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import big_register, generate  # noqa: E402

DIGESTS = GOLDEN / "tei" / "conversions.json"
DATE = "2026-01-01"
SEED_REGISTER = ROOT / "seeds" / "register.xml"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> dict[str, tuple[list[Path], Path]]:
    """Name → (source files, register) of every conversion whose output is pinned."""
    tmp = tmp_path_factory.mktemp("stable")
    register = big_register(SEED_REGISTER, tmp / "register-10k.xml", extra=10_000)
    cases = {
        # As benchmarks/run.py makes them: one page of N words, seed 1.
        "benchmark-10000-words": (generate(tmp / "10k", words=10_000, pages=1), register),
        "benchmark-100000-words": (generate(tmp / "100k", words=100_000, pages=1), register),
        "book-of-20-pages": (generate(tmp / "pages", words=400, pages=20, seed=2), register),
        "seed-book": ([SEED_TEXT], SEED_REGISTER),
    }
    seed_page = SHARED / "seed" / "000_b3b4d9d5c70c7ea1.txt"
    if seed_page.exists():
        cases["shared-seed-page"] = ([seed_page], SEED_REGISTER)
    for docx in sorted((SHARED / "docx").glob("*.docx")):
        cases[f"docx-{docx.stem}"] = ([docx], SEED_REGISTER)
    return cases


def _digest(sources: list[Path], register_path: Path, tmp: Path) -> str:
    meta = parse_metadata(SEED_META.read_text(encoding="utf-8"), path=str(SEED_META))
    register = read_register(register_path.read_bytes(), path=str(register_path))
    result = convert_sources(sources, meta, date=DATE, register=register,
                             media_folder="media")
    return hashlib.sha256(to_bytes(result.tree)).hexdigest()


def test_conversions_are_byte_identical(inputs, update_golden, tmp_path) -> None:
    found = {name: _digest(sources, register, tmp_path)
             for name, (sources, register) in inputs.items()}
    if update_golden:
        DIGESTS.parent.mkdir(parents=True, exist_ok=True)
        DIGESTS.write_text(json.dumps(found, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    assert len(found) >= 6  # the generated texts, the seed book and the Word files at least
    changed = sorted(name for name in found if found[name] != expected.get(name))
    assert not changed, f"conversion output changed for: {', '.join(changed)}"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([chr(c) for c in range(0, 34)] + list("aé字 \u2028")),
               min_size=1, max_size=120))
def test_control_characters_counted_as_before(text: str) -> None:
    """``decode_text`` refuses a text for its control characters exactly where the former
    character-by-character count did (it became one regular expression, issue 18)."""
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    before = "\0" in text or not text.strip() or controls > max(8, len(text) // 100)
    try:
        decode_text(text.encode("utf-8"), path="t.txt")
        refused = False
    except InputError:
        refused = True
    assert refused == before


def _candidates_before(block: int, text: str, line_starts: list[int], first_line: int):
    """``notes.find_candidates`` as it was before issue 18 (copies of the text around every
    number), the reference for the faster one."""
    from teiedition.convert import notes
    number = re.compile(r"(?<!\S)([1-9][0-9]{0,3})(?!\S)")
    line_ends = [s - 1 for s in line_starts[1:]] + [len(text)]
    for match in number.finditer(text):
        start, end = match.span()
        before = text[:start].rstrip()
        if not before:
            continue
        words = before.split()
        if words[-1].lower() in notes._ABBREVIATIONS or notes._is_date_part(
                int(match.group(1)), words[-1], text[end:end + 24]):
            continue
        line_index = notes._line_of(line_starts, start)
        if len(line_starts) == 1 and notes._in_heading(text):
            continue
        if start == line_starts[line_index] and end == line_ends[line_index]:
            position, score = "line", notes.STRONG
        else:
            last, after = before[-1], text[end:]
            if last in notes._SENTENCE_END or (last in notes._CLOSERS and len(before) > 1
                                               and before[-2] in notes._SENTENCE_END):
                following = after.lstrip().lstrip(notes._OPENERS)[:1]
                position, score = (("sentence", notes.STRONG)
                                   if not following or following.isupper()
                                   else ("sentence-lowercase", notes.WEAK))
            elif last in ",;:":
                position, score = "clause", notes.WEAK
            else:
                position, score = "bare", notes.WEAK
        yield notes.Candidate(block, len(before), end, int(match.group(1)), score,
                              first_line + line_index, position)


_PIECES = st.sampled_from(["1", "12", "63", "1954", "12345", "0", " ", "  ", "\u00a0", "\t",
                           ".", ",", ";", ")", "”", "(", "“", "a", "The", "word", "p.",
                           "May", "Saturday", "Jan.", "3d,", "1st.", "-", "x1", "?", "Ä"])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.lists(_PIECES, max_size=30).map("".join), min_size=1, max_size=4))
def test_note_candidates_as_before(lines: list[str]) -> None:
    """The note reference candidates of a block are those the former implementation found."""
    from teiedition.convert.notes import find_candidates
    starts, offset = [], 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    text = " ".join(lines)
    assert list(find_candidates(3, text, starts, 7)) == list(_candidates_before(3, text,
                                                                                starts, 7))


def test_conversion_resumes_the_garbage_collector(seed_meta, provenance, monkeypatch) -> None:
    """The collector is paused during a conversion (issue 18) and runs again after it, also
    when the conversion fails; a collector the caller turned off stays off."""
    import gc

    from teiedition import convert
    paused: list[bool] = []
    disable = gc.disable
    monkeypatch.setattr(gc, "disable", lambda: (paused.append(True), disable())[1])
    assert gc.isenabled()
    convert("A page.\n", seed_meta, provenance)
    assert paused and gc.isenabled()
    with pytest.raises(InputError):
        convert("|\n|\n", seed_meta, provenance)
    assert len(paused) == 2 and gc.isenabled()
    disable()
    try:
        convert("A page.\n", seed_meta, provenance)
        assert len(paused) == 2 and not gc.isenabled()
    finally:
        gc.enable()


def test_objects_made_during_a_conversion_stay_collectable() -> None:
    """A reference cycle made while the collector is paused is collected afterwards, and the
    program's own frozen objects stay frozen."""
    import gc
    import weakref

    from teiedition.collector import collector_paused

    class Node:
        pass

    with collector_paused():
        node = Node()
        node.self = node  # type: ignore[attr-defined]
        alive = weakref.ref(node)
        del node
    assert gc.isenabled() and gc.get_freeze_count() == 0
    gc.collect()
    assert alive() is None
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abZß é字ア한 _1'’.,-\n\t\u00a0x")), max_size=40))
def test_name_tokens_as_before(text: str) -> None:
    """The name matcher's tokens are those of the former pattern, whose word part alternated
    letter and apostrophe at every character (issue 18)."""
    from teiedition.convert.names import tokens
    before = re.compile(
        r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]"
        r"|[^\W\d_](?:[^\W_]|['’](?=[^\W\d_]{2}))*"
        r"|\d+"
        r"|[^\w\s]")
    assert tokens(text) == [(m.group(), m.start(), m.end()) for m in before.finditer(text)]
