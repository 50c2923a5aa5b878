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
