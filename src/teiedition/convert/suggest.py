"""Suggesting names the register does not know: for the editor to review and add.

A name-like sequence is a run of capitalised words (``Liu Shaoqi``), with
``of``/``the`` inside (``Central Committee of the Chinese Communist Party``)
and short hyphenated syllables (``Chiang Kai-shek``), or an acronym
(``CPSU``). Left out: what the register already covers, words that begin a
sentence and are common words, adjectives and peoples (``Soviet``,
``Chinese``, ``Vietnamese``), titles before a name (``Chairman``), months.
Each suggestion's kind is guessed from its words and from the words before
its occurrences; the guess is only a starting point. A short form that two
persons of the register share (``Hofland`` for Barbara and Thomas Hofland) is
never tagged; it is listed with the ids of the entries that share it, for the
editor to tag by hand or to add as a variant of the one it means.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from ..model import Suggestion
from ..register import Register
from .dates import MONTHS
from .names import NameIndex, find_names, tokens
from .shortforms import COMMON_WORDS
from .ner import Recognizer

_COMMON = COMMON_WORDS
_PEOPLES = frozenset("""
soviet soviets chinese korean koreans vietnamese american americans british french german
germans japanese russian russians polish hungarian hungarians yugoslav yugoslavs asian
asians european europeans western eastern communist communists marxist marxists leninist
leninists nationalist nationalists sino socialist socialists bolshevik bolsheviks
albanian albanians mongolian mongolians indian indians czech czechs romanian romanians
bulgarian bulgarians cuban cubans arab arabs african africans latin
""".split())
_TITLES = frozenset("""
chairman premier president general marshal comrade mr mrs ms dr minister ambassador
secretary vice foreign prime defense defence party chief leader professor
""".split())
_ORG_WORDS = frozenset("""
party committee ministry army bureau council politburo association league front
government press university institute commission department office agency academy
secretariat presidium navy force forces federation organization organisation bank
""".split())
_EVENT_WORDS = frozenset("""
war conference revolution crisis campaign movement uprising congress plenum treaty
agreement pact plan incident offensive summit
""".split())
_PLACE_WORDS = frozenset("""
river mountain mountains province city strait sea island islands bay peninsula region
county district lake valley desert gulf ocean
""".split())
_COMPASS = frozenset("west east north south northern southern western eastern inner outer".split())
_PLACE_CUES = frozenset("in at to from into toward towards near across through via".split())
_CONNECTORS = frozenset(("of", "the", "de", "van", "von", "der", "da"))
_SENTENCE_END = frozenset(".!?")


def suggest_names(texts: list[str], register: Register | None = None, *,
                  contexts: int = 3, recognizer: Recognizer | None = None) -> list[Suggestion]:
    """Name-like sequences of ``texts`` (paragraphs) that ``register`` does not cover, most
    frequent first. A ``recognizer`` (statistical recognition) adds the names it finds and
    decides their kind."""
    index = NameIndex.build(register) if register else None
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)  # name -> (cue word, context)
    recognised: dict[str, str] = {}  # name -> kind, from the recognizer
    for text in texts:
        covered = [(s.start, s.end) for s in find_names(text, index, set())] if index else []
        spans = list(_candidates(text))
        for entity in recognizer(text) if recognizer else []:
            name = text[entity.start:entity.end]
            recognised[name] = entity.kind
            # The recognizer's span replaces the heuristic ones it overlaps.
            spans = [c for c in spans if not (c[1] < entity.end and entity.start < c[2])]
            spans.append((name, entity.start, entity.end, ""))
        for name, start, end, cue in spans:
            if any(s < end and start < e for s, e in covered):
                continue
            snippet = text[max(0, start - 40):end + 40].replace("\n", " ")
            found[name].append((cue, snippet.strip()))
    ambiguous = index.ambiguous if index else {}
    kinds = register.by_id() if register else {}
    suggestions = [Suggestion(name, kinds[ambiguous[name][0]].kind if name in ambiguous else
                              recognised.get(name) or _kind(name, [c for c, _ in seen]),
                              len(seen), tuple(dict.fromkeys(c for _, c in seen))[:contexts],
                              ambiguous.get(name, ()))
                   for name, seen in found.items()]
    return sorted(suggestions, key=lambda s: (-s.count, s.name))


def _is_capitalised(word: str) -> bool:
    first = word[:1]
    return first.isupper() or (unicodedata.category(first) == "Lo")  # CJK names too


def _candidates(text: str):
    """Yield (name, start, end, the word before it) for each name-like run of ``text``."""
    toks = tokens(text)
    i = 0
    while i < len(toks):
        word, start, _ = toks[i]
        if not (word[:1].isalpha() and _is_capitalised(word)):
            i += 1
            continue
        j, parts = i, []
        while j < len(toks):
            w = toks[j][0]
            if w[:1].isalpha() and _is_capitalised(w):
                parts.append(j)
                j += 1
            elif w in "[]" or (w == "." and parts and len(toks[j - 1][0]) == 1 and
                                   toks[j - 1][0].isupper()):
                j += 1  # [Grigorii] Zinoviev; the initials of N. S. Khrushchev
            elif w in _CONNECTORS and parts and j + 1 < len(toks) and \
                    _is_capitalised(toks[j + 1][0]) and toks[j + 1][0][:1].isalpha():
                j += 1
            elif w == "-" and parts and j + 1 < len(toks) and toks[j + 1][0].isalpha() and \
                    (_is_capitalised(toks[j + 1][0]) or len(toks[j + 1][0]) <= 4) and \
                    toks[j - 1][2] == toks[j][1] and toks[j][2] == toks[j + 1][1]:
                parts.append(j + 1)  # Kai-shek, Tse-tung, Five-Year
                j += 2
            else:
                break
        sentence_start = i == 0 or toks[i - 1][0] in _SENTENCE_END
        cue = toks[i - 1][0].lower() if i > 0 else ""
        yield from _trim(toks, parts, sentence_start, cue, text)
        i = max(j, i + 1)


def _trim(toks, parts: list[int], sentence_start: bool, cue: str, text: str):  # noqa: ARG001
    """Drop titles, common sentence-initial words, peoples and months from a run's edges."""
    words = [toks[k][0] for k in parts]
    changed = True
    while parts and changed:
        first, last = words[0].lower(), words[-1].lower()
        changed = False
        # A people word begins a longer name (Soviet Union, Korean War) but is not one alone.
        if first in _TITLES or first in _COMMON or first.rstrip(".") in MONTHS or (
                first in _PEOPLES and len(words) == 1):
            cue = first
            parts, words, changed = parts[1:], words[1:], True
        elif last in _PEOPLES or last.rstrip(".") in MONTHS:
            parts, words, changed = parts[:-1], words[:-1], True
    if not parts:
        return
    if len(words) == 1 and (len(words[0]) < 2 or words[0].lower() in _COMMON or
                            (words[0].isupper() and len(words[0]) > 6)):
        return
    start, end = toks[parts[0]][1], toks[parts[-1]][2]
    yield text[start:end], start, end, cue


def _kind(name: str, cues: list[str]) -> str:
    words = [w.lower() for w in re.findall(r"\w+", name)]
    if any(w in _EVENT_WORDS for w in words) and len(words) > 1:
        return "event"
    if any(w in _ORG_WORDS for w in words) or (name.isupper() and 2 <= len(name) <= 6):
        return "org"
    if any(w in _PLACE_WORDS for w in words) or (len(words) > 1 and words[0] in _COMPASS) or \
            (len(words) > 1 and words[-1] in ("union", "republic", "kingdom", "states")):
        return "place"
    cue_counts = Counter(cues)
    place_cues = sum(n for cue, n in cue_counts.items() if cue in _PLACE_CUES)
    title_cues = sum(n for cue, n in cue_counts.items() if cue in _TITLES)
    if title_cues:
        return "person"
    if place_cues * 2 >= len(cues) and place_cues:
        return "place"
    return "person" if len(words) >= 2 else "place"
