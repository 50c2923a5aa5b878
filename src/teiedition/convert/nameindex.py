"""The index of a register's names: every name and short form by its first token.

Text and names are cut into the same tokens: words (letters, with an inner
apostrophe before two or more letters: ``O'Neill``, but ``Beijing`` + ``'s``),
numbers, single CJK ideographs, and single punctuation marks. A name matches
where its tokens stand in the text in a row, whole tokens only (names.py).

The index maps a name's first token to the names that begin with it, longest
first: the work at each position of the text is one dictionary look-up and a
few comparisons, whatever the size of the register. Beside the register's own
names it holds the persons' and places' short forms (:mod:`.shortforms`), the
forms two persons share (with the persons), other spellings of first words
(``ss`` for ``ß``, capitals, inflected forms by language, words one letter
apart), the beginnings of surnames (``Br.``, ``Goldschm.``) and of first words
(``Zool. Garten``), and the register's articles in capitals as running text
writes them (``de l'Hôpital``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..register import Entry, Register
from .dategrammar import calendar_words
from .shortforms import COMMON_WORDS, ShortForms
from .spellings import Respeller, endings, inflected_forms
from .titled import PARTICLE_TITLE_FORMS, TITLE_FORMS, VALEDICTION_FORMS

#: Words a short form at the start of a sentence may be without being a name.
COMMON = COMMON_WORDS | frozenset().union(*calendar_words())
TOKEN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]"  # one ideograph
    # a word; its letters repeat as one character class (the engine's fast loop), with an
    # apostrophe only before two letters (the same tokens as alternating letter and
    # apostrophe at every character, a fifth faster: issue 18)
    r"|[^\W\d_][^\W_]*(?:['’](?=[^\W\d_]{2})[^\W_]*)*"
    r"|\d+"
    r"|[^\w\s]")
BRACKETS = frozenset("[]")
#: The fewest letters of a surname's beginning, and at least half of it, that name its
#: person with a dot without a mention before (``Goldschm.``): shorter ones (``Br.``) are
#: read only for a person named before.
TRUNCATED_MIN = 5
#: The fewest letters of a name's first word written short with a dot before the rest of the
#: name (``Zool. Garten``, ``Joh. Paul``): shorter beginnings are initials, read as such.
CUT_MIN = 3


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The tokens of ``text`` with their offsets."""
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


@dataclass(frozen=True)
class Candidate:
    words: tuple[str, ...]
    entry: Entry
    full: bool  # a preferred or plain variant name, not an after-full one
    derived: str | None = None  # the short-form rule ("surname" ...), for a derived form


@dataclass(frozen=True)
class Span:
    """A name found in a text: ``text[start:end]`` names ``entry``."""

    start: int
    end: int
    #: None for a person the register does not know, named after a title (titled.py).
    entry: Entry | None


@dataclass
class NameIndex:
    """The register's names, indexed by first token."""

    first: dict[str, list[Candidate]] = field(default_factory=dict)
    #: Proper suffixes of multi-token names: a page starting with one may have cut a name.
    suffixes: set[tuple[str, ...]] = field(default_factory=set)
    #: Short forms two persons share: form -> their ids (``suggest`` lists them).
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The entries behind those forms, by the form's tokens: a form is tagged only where
    #: exactly one of them was named before.
    sharers: dict[tuple[str, ...], tuple[Entry, ...]] = field(default_factory=dict)
    #: Designations by the form's tokens and the title they were given with -> the ids
    #: (``de Bouillon``, ``cardinal``: the cardinal de Bouillon).
    designated: dict[tuple[tuple[str, ...], str], set[str]] = field(default_factory=dict)
    #: First words with ``ss`` for ``ß`` -> the names they begin.
    spellings: dict[str, list[Candidate]] = field(default_factory=dict)
    #: First words in capitals -> the names they begin (for paragraphs in capitals).
    capitals: dict[str, list[Candidate]] = field(default_factory=dict)
    #: Every token a name may begin with (``[`` of an insertion included).
    starts: frozenset[str] = frozenset()
    #: Words of the register one letter apart from a text's word (``Hasselbach``).
    respell: Respeller = field(default_factory=Respeller)
    #: By language: the endings of names, the inflected forms of first words
    #: (``Schnitzlers``: names of one word may end so) -> (the word, the ending's length),
    #: and the tokens that may begin a name.
    inflected: dict[str, Inflection] = field(default_factory=dict)
    #: Beginnings of persons' surnames (``Br`` of ``Brandes``) -> the entries: a diarist
    #: writes ``Br.`` for a person named before.
    abbreviations: dict[str, list[Entry]] = field(default_factory=dict)
    #: Those beginnings that are long (``Goldschm`` of ``Goldschmidt``) -> the ids of the
    #: persons whose surnames begin so: one person's needs no mention before.
    truncated: dict[str, set[str]] = field(default_factory=dict)
    #: Beginnings of the first word of names of two words or more (``Zool`` of ``Zoologischer
    #: Garten``, ``Friedr`` of ``Friedrich Schlegel``) -> those names.
    cut: dict[str, list[Candidate]] = field(default_factory=dict)
    #: First words whose names need the context to choose among them: a derived form, or
    #: names of different kinds; for the others the longest match is taken at once.
    contextual: frozenset[str] = frozenset()

    @classmethod
    def build(cls, register: Register) -> "NameIndex":
        index = cls()
        for entry in register.entries:
            for name in entry.names:
                if name.disabled:
                    continue
                words = tuple(t for t, _, _ in tokens(name.text) if t not in BRACKETS)
                if not words:
                    continue
                index.first.setdefault(words[0], []).append(
                    Candidate(words, entry, not name.after_full))
                for i in range(1, len(words)):
                    index.suffixes.add(words[i:])
        short = ShortForms.build(register)
        for text, entry, rule in short.forms:
            words = tuple(t for t, _, _ in tokens(text))
            index.first.setdefault(words[0], []).append(Candidate(words, entry, False, rule))
        # ``M. de l'Hôpital`` for the register's ``de L'Hôpital``: after a title only, as
        # every form that begins in lower case.
        for candidate in [c for candidates in index.first.values() for c in candidates
                          if any("'" in w or "’" in w for w in c.words)]:
            lowered = _lowered_article(candidate.words)
            if lowered:
                index.first.setdefault(lowered[0], []).append(
                    Candidate(lowered, candidate.entry, False, "elided"))
        index.ambiguous = short.ambiguous
        index.designated = {(tuple(t for t, _, _ in tokens(text)), title): ids
                            for (text, title), ids in short.titled.items()}
        for text, entries in short.sharers:
            # One candidate stands for all who share the form; the one the document has
            # named is chosen when it matches.
            words = tuple(t for t, _, _ in tokens(text))
            if words not in index.sharers:
                index.first.setdefault(words[0], []).append(
                    Candidate(words, entries[0], False, "shared"))
            index.sharers[words] = index.sharers.get(words, ()) + entries
        for word, candidates in index.first.items():
            candidates.sort(key=lambda c: (-len(c.words), c.derived is not None))
            if "ß" in word:
                index.spellings.setdefault(word.replace("ß", "ss"), []).extend(candidates)
            index.capitals.setdefault(word.upper(), []).extend(candidates)
        for table in (index.spellings, index.capitals):
            for candidates in table.values():
                candidates.sort(key=lambda c: (-len(c.words), c.derived is not None))
        named = {word: candidates for word, candidates in index.first.items()
                 if any(c.entry.kind in ("person", "place") for c in candidates)}
        index.respell = Respeller.of(named, {
            word: frozenset(e.id for c in candidates
                            for e in index.sharers.get(c.words, (c.entry,)))
            for word, candidates in named.items()})
        surnames = [(text, entry) for text, entry, rule in short.forms if rule == "surname"] + [
            (text, entry) for text, entries in short.sharers for entry in entries
            if entry.kind == "person" and " " not in text]
        for text, entry in surnames:
            if text.isalpha() and text[:1].isupper():
                for k in range(2, len(text) - 1):
                    index.abbreviations.setdefault(text[:k], []).append(entry)
                    if k >= TRUNCATED_MIN and 2 * k >= len(text):
                        index.truncated.setdefault(text[:k], set()).add(entry.id)
        for word, candidates in index.first.items():
            if len(word) >= CUT_MIN + 2 and word.isalpha() and word[:1].isupper():
                for candidate in candidates:
                    if len(candidate.words) > 1 and candidate.words[1][:1].isupper():
                        for k in range(CUT_MIN, len(word) - 1):
                            if word[:k].lower() not in COMMON:
                                index.cut.setdefault(word[:k], []).append(candidate)
        index.starts = frozenset(index.first) | frozenset(index.spellings) | {"["} \
            | frozenset(index.abbreviations) | frozenset(index.cut)
        index.contextual = frozenset(
            word for table in (index.first, index.spellings, index.capitals)
            for word, candidates in table.items()
            if any(c.derived for c in candidates) or len({c.entry.kind for c in candidates}) > 1)
        return index

    def language(self, language: str) -> "Inflection":
        """The endings of names in ``language``, the inflected forms of the first words, and
        every token that may begin a name there (computed once per language)."""
        key = language.split("-")[0].lower()
        if key not in self.inflected:
            table = endings(key)
            forms = inflected_forms(self.first, table)
            starts = self.starts | frozenset(forms)
            self.inflected[key] = Inflection(
                table, forms, starts,
                starts | TITLE_FORMS | PARTICLE_TITLE_FORMS | VALEDICTION_FORMS,
                frozenset(ending[-1] for ending, _ in table))
        return self.inflected[key]


@dataclass(frozen=True)
class Inflection:
    """A language's endings of names, and what the index derives from them."""

    endings: tuple[tuple[str, str | None], ...] = ()
    forms: dict[str, tuple[str, int]] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()
    #: The starts and the titles (for persons named after a title, titled.py).
    titled: frozenset[str] = frozenset()
    #: The last letters of the endings: a word that ends otherwise has none of them.
    ending_letters: frozenset[str] = frozenset()


#: A name's word that begins with an article elided onto it in capitals (``L'Hôpital``).
_CAPITAL_ARTICLE = re.compile(r"([A-Z][a-z]?)(['’])([^\W\d_][^\W_]*)")


def _lowered_article(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """The words of a name whose article the register writes in capitals (``de
    L'Hôpital``) as running text writes and cuts them (``de l' Hôpital``), or None."""
    out: list[str] = []
    for word in words:
        match = _CAPITAL_ARTICLE.fullmatch(word)
        if match and match.group(3)[:1].isupper():
            out += [match.group(1).lower() + match.group(2), match.group(3)]
        else:
            out.append(word)
    return tuple(out) if len(out) > len(words) else None
