"""Telling footnote reference numbers from the other numbers of a text.

A page of a book carries note numbers that rise by one (63, 64, 65 ...), set
in typical places: alone on a line, after sentence punctuation, at the start
of a line, after a comma or semicolon, now and then with no punctuation at all.
The same text carries years (1954), ranges (1953-1954) and quantities
(``in 1956, 26 enterprises``). Position alone cannot separate them; the
sequence can. Every free-standing number is a *candidate* with a score for how
note-like its position is, and the notes are the best-scoring chain of
candidates whose values rise by one (a single missing number is tolerated and
reported). A chain must hold at least one candidate in a strong position, so
that a page without notes never gets any.

Letters, diaries and newspapers have no note numbers, but numbered days,
years and headings in the same positions (issue 14). So a number is no
candidate at all when it follows a weekday or month word or precedes a month
word (``Saturday 2``, ``Jan. 1858``, ``3 May``), is a year after a day
(``July 1st. 1820``, ``the 3d, 1820``),
follows a page or item abbreviation, or stands in a short line without
sentence punctuation (a heading or a dateline, ``Bath 3``); and a single
candidate is never a chain unless the editor says the text has note numbers
(``note_markers = "numbers"``). With ``"none"`` no number is taken at all.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Iterable, Literal, Sequence

from .dategrammar import calendar_words

#: How note-like a position is. A strong candidate alone outweighs two weak ones.
STRONG = 4
WEAK = 1
#: Cost of a gap of one number in the sequence (a reference the source lost).
GAP_PENALTY = 3

# A number standing free: (?<!\S) at its start. The look-behind follows the first digit so that
# the pattern begins with a character set, which the regular expression engine skips to
# quickly instead of trying the look-behind at every character (issue 18).
_NUMBER = re.compile(r"([1-9](?<!\S[1-9])[0-9]{0,3})(?!\S)")
_SENTENCE_END = ".!?…"
_CLOSERS = "\"'”’)]»"
_OPENERS = "\"'“‘([«"
# A number after these is a page, volume or item number, not a note reference.
_ABBREVIATIONS = frozenset(
    "p. pp. no. nos. vol. vols. art. arts. ch. chap. fig. figs. para. sec. n. nn. fol. ff. "
    "col. cols. pt. bk. doc. item page pages no nr. nr bd. s. l. ll. line lines f. fol "
    "n° no° nº vers verse chapter number item. items art psalm".split())
#: Words before or after which a number is a day or a year (every language's months and
#: weekdays, with or without a dot).
_FULL_NAMES, _ABBREVIATED = calendar_words()
#: A heading or dateline: a line of at most this many words without sentence punctuation.
_HEADING_WORDS = 8
#: Years a text names (a book's long chapter may have notes this high too).
_YEARS = range(1000, 2100)
#: A day of the month as a dateline writes it before its year: ``1st.``, ``3d,``, ``23``.
_DAY = re.compile(r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|d|ten|er|°)?[.,]?", re.IGNORECASE)
NoteMarkers = Literal["auto", "numbers", "none"]


@dataclass(frozen=True)
class Candidate:
    """A free-standing number in a block's joined text."""

    block: int
    start: int  # offset of the marker: the whitespace before the number
    end: int  # offset just after the number
    value: int
    score: int
    line: int
    position: str  # "line", "sentence", "clause", "bare", "sentence-lowercase"

    @property
    def strong(self) -> bool:
        return self.score >= STRONG


@dataclass(frozen=True)
class Chain:
    """The note references chosen, in text order, and what the choice left out."""

    notes: tuple[Candidate, ...]
    missing: tuple[int, ...]
    skipped: tuple[Candidate, ...]


def find_candidates(block: int, text: str, line_starts: Sequence[int],
                    first_line: int) -> Iterable[Candidate]:
    """Yield every number of ``text`` (a block's lines joined by single spaces) that could be a
    note reference. ``line_starts`` are the offsets where the block's source lines begin."""
    line_ends = [s - 1 for s in line_starts[1:]] + [len(text)]
    # Offsets, never copies of the text before or after a number: a paragraph of many
    # numbers would otherwise be copied and split once per number (issue 18).
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        stop = _end_of_word_before(text, start)
        if not stop:
            continue  # a block never begins with its own note reference
        word = text[_start_of_word(text, stop):stop]
        if word.lower() in _ABBREVIATIONS or _is_date_part(
                int(match.group(1)), word, text[end:end + 24]):
            continue
        line_index = _line_of(line_starts, start)
        if len(line_starts) == 1 and _in_heading(text):
            continue
        if start == line_starts[line_index] and end == line_ends[line_index]:
            position, score = "line", STRONG
        else:
            position, score = _position(text, stop, end)
        yield Candidate(block, stop, end, int(match.group(1)), score,
                        first_line + line_index, position)


def _end_of_word_before(text: str, offset: int) -> int:
    """``len(text[:offset].rstrip())``, without the copy."""
    while offset and text[offset - 1].isspace():
        offset -= 1
    return offset


def _start_of_word(text: str, stop: int) -> int:
    """Where the word ending at ``stop`` begins: ``text[:stop].split()[-1]`` is
    ``text[_start_of_word(text, stop):stop]``."""
    while stop and not text[stop - 1].isspace():
        stop -= 1
    return stop


def _is_date_part(value: int, word_before: str, after: str) -> bool:
    """A day or year next to a weekday or month word (``Saturday 2``, ``Jan. 1858``,
    ``3 May``), or a year after a day (``July 1st. 1820``): part of a date, never a note
    reference."""
    word = word_before.lower().lstrip("(")
    if value in _YEARS and _DAY.fullmatch(word):
        return True
    if word.rstrip(",") in _FULL_NAMES | _ABBREVIATED or word.rstrip(".") in _ABBREVIATED:
        return True
    following = after.split(maxsplit=1)[:1]
    return bool(following) and following[0].lower().strip(".,;:()") in _FULL_NAMES | _ABBREVIATED


def _in_heading(block: str) -> bool:
    """Whether a number of ``block`` stands in a heading or dateline: a block of one short
    line that, without its numbers, does not end with sentence punctuation (``Bath 3``,
    ``Letter 12``; not ``vital for him. 66``)."""
    if len(block) > 20 * _HEADING_WORDS or len(block.split()) > _HEADING_WORDS:
        return False
    rest = _NUMBER.sub("", block).rstrip().rstrip(_CLOSERS)
    return bool(rest) and \
        rest[-1] not in _SENTENCE_END and rest[-1] not in ",;:"


def _position(text: str, stop: int, end: int) -> tuple[str, int]:
    """Where the number ending at ``end`` stands, after the text that ends at ``stop``."""
    last = text[stop - 1]
    after_sentence = last in _SENTENCE_END or (
        last in _CLOSERS and stop > 1 and text[stop - 2] in _SENTENCE_END)
    if after_sentence:
        following = end
        while following < len(text) and text[following].isspace():
            following += 1
        while following < len(text) and text[following] in _OPENERS:
            following += 1
        if following == len(text) or text[following].isupper():
            return "sentence", STRONG
        return "sentence-lowercase", WEAK
    if last in ",;:":
        return "clause", WEAK
    return "bare", WEAK


def _line_of(line_starts: Sequence[int], offset: int) -> int:
    return bisect_right(line_starts, offset) - 1


def choose_chain(candidates: Sequence[Candidate], markers: NoteMarkers = "auto") -> Chain:
    """Choose the note references: the best-scoring chain of rising numbers.

    Dynamic programming over the candidates in text order, linear in their
    number: ``best[v]`` is the best chain so far that ends with value ``v``.
    With ``markers="auto"`` a chain of one number is none (a lone number is more
    often a quantity or a day than a note); ``"numbers"`` accepts it; ``"none"``
    takes no number.
    """
    if markers == "none":
        return Chain((), (), ())
    best: dict[int, tuple[int, bool, int]] = {}  # value -> (score, has_strong, candidate index)
    back: list[int | None] = []
    scores: list[tuple[int, bool]] = []
    for i, cand in enumerate(candidates):
        options = [(cand.score, cand.strong, None)]
        for step, cost in ((1, 0), (2, GAP_PENALTY)):
            prev = best.get(cand.value - step)
            if prev is not None:
                options.append((prev[0] + cand.score - cost, prev[1] or cand.strong, prev[2]))
        score, strong, parent = max(options, key=lambda o: (o[1], o[0]))
        back.append(parent)
        scores.append((score, strong))
        current = best.get(cand.value)
        if current is None or (strong, score) > (current[1], current[0]):
            best[cand.value] = (score, strong, i)
    ends = [i for i, (score, strong) in enumerate(scores) if strong]
    if not ends:
        chosen: list[int] = []
    else:
        end = max(ends, key=lambda i: (scores[i][0], -i))
        chosen = []
        node: int | None = end
        while node is not None:
            chosen.append(node)
            node = back[node]
        chosen.reverse()
    if markers == "auto" and len(chosen) < 2:
        chosen = []
    notes = tuple(candidates[i] for i in chosen)
    missing = tuple(v for a, b in zip(notes, notes[1:], strict=False)
                    for v in range(a.value + 1, b.value))
    picked = set(chosen)
    skipped = tuple(c for i, c in enumerate(candidates) if c.strong and i not in picked)
    return Chain(notes, missing, skipped)
