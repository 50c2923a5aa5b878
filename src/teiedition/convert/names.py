"""Finding the register's names in running text.

Text and names are cut into the same tokens: words (letters, with an inner
apostrophe before two or more letters: ``O'Neill``, but ``Beijing`` + ``'s``),
numbers, single CJK ideographs, and single punctuation marks. A name matches
where its tokens stand in the text in a row, whole tokens only, so ``Mao``
never matches inside ``Maoist`` but does inside ``GMD-controlled`` (the
hyphen is a token of its own) and before a possessive ``'s``. Square brackets
of editorial insertions (``[Grigorii] Zinoviev``) are skipped inside a name
and kept in its span.

The index maps a name's first token to the names that begin with it, longest
first: the work at each position of the text is one dictionary look-up and a
few comparisons, whatever the size of the register.

Persons' and places' short forms (:mod:`.shortforms`) are indexed beside the
register's names (issue 14). Where several names match at one position, the
reading that covers more words wins; of readings as long, a person's after a
title (``Mr. Body``: the person, not the organisation ``Body``), then the
register's own name over a derived form. A derived form is held back where the
context cannot support it:

- one that begins with a particle (``de Grignan``) is tagged only after a title;
- one that two persons share is tagged only where exactly one of them has been
  named before in the document;
- a surname or first name alone that is also a common word (``May``,
  ``August``) is tagged at the start of a sentence only after a title or after
  the person has been named before.

A person named before may be written with the beginning of the surname and a
dot (``Br.`` for ``Brandes`` in a diary), when no other person named before has
a surname that begins so, or when the document has already used the same
abbreviation for one of them: a writer keeps his abbreviations, so ``Br.`` read
once as Brandes stays Brandes after a Brahm is named (one sense per document).
Other spellings match: capitals, in a paragraph all in capitals (``CARL
REISSNER`` in a letterhead for the register's ``Carl Reißner``; not ``BEIJING``
in running text) or in three words or more in capitals that open a paragraph (a
letter's heading ``DE MONSIEUR DE COULANGES A MADAME DE SÉVIGNÉ`` run into its
dateline);
``ss`` for ``ß``; and those of :mod:`.spellings`: an ending of the text's
language joined to a name's last word (German ``Schnitzlers``, ``Dräseken``:
the ending stays outside the tag, as an English possessive does), an elided
article before a name (``d’Anversa``), and a long word one letter apart from
exactly one word of the register (``Hasselbach`` for ``Hasselbalch``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from ..register import Entry, Register
from .dategrammar import calendar_words
from .shortforms import (COMMON_WORDS, PARTICLES, SENTENCE_STARTS, TITLES, ShortForms, sex_of,
                         title_sex)
from .titled import (PARTICLE_TITLE_FORMS, TITLE_FORMS, VALEDICTION_FORMS, after_title,
                     signature, valediction_at)
from .spellings import (ENDINGS, RESPELL_MIN, Respeller, cut_elisions, elided, endings,
                        in_capitals_heading, inflected_forms, inflection,
                        one_letter_apart)

#: Words before a saint's name: a first name after them is the saint's (``St. John``).
SAINTS = frozenset("st saint san santa santo sankt ste sainte são s".split())
#: Prepositions of place: of a person and a place as long, the place follows them
#: (``à Grignan``: the château, not the count).
PLACE_PREPOSITIONS = frozenset("in at à a au aux en dans nach zu gen".split())
#: Words a short form at the start of a sentence may be without being a name.
_COMMON = COMMON_WORDS | frozenset().union(*calendar_words())

TOKEN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]"  # one ideograph
    # a word; its letters repeat as one character class (the engine's fast loop), with an
    # apostrophe only before two letters (the same tokens as alternating letter and
    # apostrophe at every character, a fifth faster: issue 18)
    r"|[^\W\d_][^\W_]*(?:['’](?=[^\W\d_]{2})[^\W_]*)*"
    r"|\d+"
    r"|[^\w\s]")
_BRACKETS = frozenset("[]")
#: The fewest letters of a surname's beginning, and at least half of it, that name its
#: person with a dot without a mention before (``Goldschm.``): shorter ones (``Br.``) are
#: read only for a person named before.
TRUNCATED_MIN = 5
#: The fewest letters of a name's first word written short with a dot before the rest of the
#: name (``Zool. Garten``, ``Joh. Paul``): shorter beginnings are initials, read as such.
CUT_MIN = 3
#: Prefix of the ids in ``seen`` of entries named so far in any form (the plain ids are of
#: entries named in full, for ``after-full`` variants).
_NAMED = "named:"
#: Prefix of the abbreviations read so far, with the id of the person each stood for.
_ABBREVIATED = "abbreviated:"
#: Prefix of the ids of entries the whole document names in full (see document_names).
_DOCUMENT = "document:"
#: Put in ``seen`` where a form two persons share was left untagged: the document, read to
#: its end, may name only one of them in full (the caller tags the paragraph again).
PENDING = "pending:"


def document_names(seen: set[str]) -> set[str]:
    """What to add to ``seen`` before a paragraph is read again at the end of the document:
    the entries the document names in full anywhere, for a form two persons share to name
    the one of them the document names so (``Hauptmann`` in a document that names Gerhart
    Hauptmann in full and Margarete only as ``Grete``)."""
    return {_DOCUMENT + i for i in seen if ":" not in i}


def is_shared(text: str, index: NameIndex) -> bool:
    """Whether ``text`` is a form two persons share."""
    return tuple(t for t, _, _ in tokens(text)) in index.sharers


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
                words = tuple(t for t, _, _ in tokens(name.text) if t not in _BRACKETS)
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
                            if word[:k].lower() not in _COMMON:
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
                starts | TITLE_FORMS | PARTICLE_TITLE_FORMS | VALEDICTION_FORMS)
        return self.inflected[key]


@dataclass(frozen=True)
class Inflection:
    """A language's endings of names, and what the index derives from them."""

    endings: tuple[tuple[str, str | None], ...] = ()
    forms: dict[str, tuple[str, int]] = field(default_factory=dict)
    starts: frozenset[str] = frozenset()
    #: The starts and the titles (for persons named after a title, titled.py).
    titled: frozenset[str] = frozenset()


def find_names(text: str, index: NameIndex, seen: set[str], *,
               fragment_start: bool = False, language: str = "en",
               titled: bool = False, signed: bool = False) -> list[Span]:
    """The names of ``text``, leftmost-longest. ``seen`` holds the ids of entries whose full
    name has occurred so far; it is updated, so that ``after-full`` variants tag only later
    mentions. With ``fragment_start``, a name at the very start that may be the tail of a
    longer name cut by the start of the excerpt is not tagged. ``language`` (a BCP 47 tag)
    chooses the endings a name may take. With ``titled``, persons the register does not know
    named after a title are found too (their spans have no entry); with ``signed`` (the
    paragraph before was a letter's closing formula), the signature that opens the text."""
    toks = tokens(text)
    cuts = elided(text)
    if cuts:
        toks = cut_elisions(toks, cuts)
    spans: list[Span] = []
    in_capitals = in_capitals_heading(toks, text)
    capitals = index.capitals if in_capitals else {}
    lang = index.language(language)
    begin = lang.starts
    known = begin
    if titled:
        begin = lang.titled
    respell = index.respell
    # Only a token that begins a register name (or an opening bracket), or a long capitalised
    # word one letter from a register word, can start a name: one set look-up per token, the
    # matching only where one may begin.
    # (``respell`` keeps its answers: a long text repeats its capitalised words.)
    if capitals:
        starts = [i for i, (t, _, _) in enumerate(toks) if t in begin
                  or (t in capitals and i in in_capitals)
                  or (len(t) >= RESPELL_MIN and t[0].isupper() and respell(t))]
    else:
        starts = [i for i, (t, _, _) in enumerate(toks) if t in begin
                  or (len(t) >= RESPELL_MIN and t[0].isupper() and respell(t))]
    after = 0  # the first token not yet inside a name
    firsts: list[int] = []  # the first token of each span
    signer = signature(toks, 0, known, _COMMON) if signed and titled and toks else None
    if signer:
        spans.append(Span(toks[0][1], toks[signer[1]][2], None))
        firsts.append(0)
        after = signer[1] + 1
    for i in starts:
        if i < after:
            continue
        match = _match_at(toks, i, index, seen, i in in_capitals, lang) \
            or _abbreviation(toks, i, index, seen) or _cut_short(toks, i, index, lang)
        if match is None:
            unknown = None
            if titled and toks[i][0] in VALEDICTION_FORMS and valediction_at(toks, i):
                unknown = signature(toks, i + 1, known, _COMMON)
            elif titled and (toks[i][0] in TITLE_FORMS or toks[i][0] in PARTICLE_TITLE_FORMS):
                sex = title_sex(toks[i][0])
                unknown = after_title(toks, i, known, _COMMON, lambda j, sex=sex: _claimed(
                    toks, j, index, j in in_capitals, lang, sex))
            if unknown:
                spans.append(Span(toks[unknown[0]][1], toks[unknown[1]][2], None))
                firsts.append(unknown[0])
                after = unknown[1] + 1
            continue
        candidate, end_index, trim = match
        start = toks[i][1]
        end = toks[end_index][2] - trim
        after = end_index + 1
        if fragment_start and start == _first_offset(toks) and candidate.words in index.suffixes:
            continue
        if candidate.full:
            seen.add(candidate.entry.id)
        # Named once, a person's short form is a name also where a capital tells nothing.
        seen.add(_NAMED + candidate.entry.id)
        spans.append(Span(start, end, candidate.entry))
        firsts.append(i)
    # Couples of titles (``M. et madame de Nevers``) are looked for only where a name follows
    # a title, a particle or a dot: one look-up per name.
    if titled and any(k > 2 and toks[k - 1][0] in _COUPLE_LEADS for k in firsts):
        return _couples(toks, spans, firsts, index)
    return spans


#: Words that join two titles before one name (``M. et madame de Nevers``, ``Mr. and Mrs.
#: Hall``, ``Herr und Frau Diel``): the first title names a person of that name too.
COUPLED = frozenset("et and und e ed y &".split())


#: The tokens that may stand just before the name of a couple: a title or a particle, as
#: written (``madame``, ``Mrs``, ``MADAME``, ``de``), or an abbreviation's dot.
_COUPLE_LEADS = frozenset(f for w in TITLES | PARTICLES for f in (w, w.capitalize(), w.upper())) \
    | {"."}


def _couples(toks: list[tuple[str, int, int]], spans: list[Span], firsts: list[int],
             index: NameIndex) -> list[Span]:
    """The spans with the first title of each couple named by one name (``M. et madame de
    Nevers``: ``M.`` names a Nevers too) added. The title is the person's mention: its
    entry is the one person of its sex who goes by the name (of two who share it, or the
    one the name was found for), else none (a person the register does not know)."""
    out: list[Span] = []
    for span, k in zip(spans, firsts, strict=True):
        j = k - 1
        if j < 2 or toks[j][0] not in _COUPLE_LEADS:  # most names: one look-up
            out.append(span)
            continue
        while j > 0 and toks[j][0].lower().rstrip("'’") in PARTICLES:
            j -= 1
        if j > 0 and toks[j][0] == ".":
            j -= 1
        c = j - 1
        if c > 0 and toks[c][0].lower() in PARTICLES:  # ``M. et de madame de Brinon``
            c -= 1
        t = c - 1
        if t >= 0 and toks[t][0] == ".":
            t -= 1
        if t < 0 or toks[j][0].lower() not in TITLES \
                or toks[c][0].lower() not in COUPLED or toks[t][0].lower() not in TITLES \
                or (out and out[-1].end > toks[t][1]):
            out.append(span)
            continue
        end = toks[t + 1][2] if toks[t + 1][0] == "." else toks[t][2]
        name = tuple(w for w, s, _ in toks[k:] if s < span.end)
        out += [Span(toks[t][1], end, _coupled(span, name, toks[t][0], index)), span]
    return out


def _coupled(span: Span, name: tuple[str, ...], title: str, index: NameIndex) -> Entry | None:
    """The person a title coupled to a name names (see :func:`_couples`): the one person of
    the title's sex the register's names or short forms ``name`` stand for."""
    sex = title_sex(title)
    if sex is None:
        return None
    if span.entry is not None and sex_of(span.entry) == sex:
        return span.entry
    persons = {e.id: e for c in index.first.get(name[0], ()) if c.words == name
               for e in index.sharers.get(c.words, (c.entry,)) if c.derived == "shared"
               or e is c.entry}
    of_sex = [e for e in persons.values() if e.kind == "person" and sex_of(e) == sex]
    return of_sex[0] if len(of_sex) == 1 else None


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


def _abbreviation(toks: list[tuple[str, int, int]], i: int, index: NameIndex,
                  seen: set[str]) -> tuple[Candidate, int, int] | None:
    """``Br.`` for ``Brandes``: the beginning of a surname with a dot, where the document has
    used it before for one person, else where exactly one person whose surname begins so has
    been named before in the document."""
    word = toks[i][0]
    if i + 1 >= len(toks) or toks[i + 1][0] != "." or word not in index.abbreviations \
            or word.lower() in TITLES:
        return None
    entries = index.abbreviations[word]
    kept = {e.id: e for e in entries if f"{_ABBREVIATED}{word} {e.id}" in seen}
    named = kept or {e.id: e for e in entries if _NAMED + e.id in seen}
    if len(named) != 1 and len(index.truncated.get(word, ())) == 1:
        named = {e.id: e for e in entries}
    if len(named) != 1:
        return None
    entry = next(iter(named.values()))
    seen.add(f"{_ABBREVIATED}{word} {entry.id}")
    return Candidate((word, "."), entry, False, "abbreviation"), i + 1, 0


def _cut_short(toks: list[tuple[str, int, int]], i: int, index: NameIndex,
               lang: Inflection) -> tuple[Candidate, int, int] | None:
    """A name whose first word is written short with a dot (``Zool. Garten`` for
    ``Zoologischer Garten``), the rest of it as the register has it: the longest such name,
    when all the names that match so are one entry's."""
    word = toks[i][0]
    if word not in index.cut or i + 2 >= len(toks) or toks[i + 1][0] != ".":
        return None
    found = [(m, c) for c in index.cut[word]
             if (m := _match_words(toks, i + 2, c.words[1:], False, lang.endings))]
    if not found or len({c.entry.id for _, c in found}) != 1:
        return None
    (end, trim), candidate = max(found, key=lambda f: f[0][0])
    return replace(candidate, derived="cut"), end, trim


def _first_offset(toks: list[tuple[str, int, int]]) -> int:
    return next((s for t, s, _ in toks if t not in _BRACKETS), 0)


def _match_at(toks: list[tuple[str, int, int]], i: int, index: NameIndex,
              seen: set[str], caps: bool = False,
              lang: Inflection | None = None) -> tuple[Candidate, int, int] | None:
    """The best name that starts at token ``i``: (candidate, its last token, characters of
    that token left outside the name: an ending such as a genitive ``s``)."""
    start = i + 1 if toks[i][0] == "[" else i
    if start >= len(toks):
        return None
    word = toks[start][0]
    lang = lang or Inflection(ENDINGS["*"])
    inflected = lang.forms
    spelled = None  # the register's word that ``word`` respells
    candidates = index.first.get(word) or index.spellings.get(word) or (
        index.capitals.get(word, ()) if caps else ()) or (
        index.first.get(inflected[word][0], ()) if word in inflected else ())
    if not candidates and len(word) >= RESPELL_MIN:
        spelled = index.respell(word)
        candidates = index.first.get(spelled, ()) if spelled else ()
    contextual = (spelled or word) in index.contextual
    titled = contextual and _after_title(toks, i)
    saint = located = None  # looked at only where a candidate needs them
    best: tuple[tuple[int, bool, bool, bool], Candidate, int, int] | None = None
    for candidate in candidates:
        if not candidate.full and candidate.derived is None and candidate.entry.id not in seen:
            continue
        if candidate.derived == "forename" and contextual:
            if saint is None:
                saint = _after_title(toks, i, SAINTS)
            if saint:
                continue  # ``St. John``, ``San Filippo``: a saint, not the person so called
        if titled and not _fits(candidate, _before_sex(toks, i), index):
            continue
        if candidate.derived == "shared":
            chosen = _sharer(index.sharers[candidate.words], toks, i, seen)
            if chosen is None:
                continue
            candidate = replace(candidate, entry=chosen)
        if candidate.derived and candidate.words[0][:1].islower() and not titled:
            continue  # ``di Ravenna`` is a place as often as a person: only ``M. de Grignan``
        if candidate.derived in ("surname", "forename") and not titled \
                and _NAMED + candidate.entry.id not in seen \
                and candidate.words[0].lower() in _COMMON and _sentence_start(toks, i):
            continue
        if start == i and spelled is None and candidate.words == (word,):
            end, trim = i, 0  # a name of one word, as written: most names of a text
        else:
            matched = _match_words(toks, start, candidate.words, caps, lang.endings, spelled)
            if matched is None:
                continue
            end, trim = matched
        opened = 0 if end == i else sum(1 for t, _, _ in toks[i:end + 1] if t == "[") - sum(
            1 for t, _, _ in toks[i:end + 1] if t == "]")
        if opened > 0 and end + 1 < len(toks) and toks[end + 1][0] == "]":
            end += 1  # keep the closing bracket of an insertion inside the name
        elif opened > 0 and toks[i][0] == "[":
            continue  # "[Mao" with no closing bracket: not an insertion
        if not contextual:  # one kind, the register's names only: the longest wins
            return candidate, end, trim
        # The longer reading, then a person after a title, a place after a preposition of
        # place, then the register's own name.
        if located is None and candidate.entry.kind == "place":
            located = _after_title(toks, i, PLACE_PREPOSITIONS)
        key = (end, titled and candidate.entry.kind == "person",
               bool(located) and candidate.entry.kind == "place", candidate.derived is None)
        if best is None or key > best[0]:
            best = (key, candidate, end, trim)
    return best[1:] if best else None


def _claimed(toks: list[tuple[str, int, int]], j: int, index: NameIndex, caps: bool,
             lang: Inflection, sex: str | None = None) -> bool:
    """Whether one of the register's names or short forms, shared ones too, stands at token
    ``j`` as written, whatever the context says of it (``Hofland`` of two Hoflands is the
    register's, ``Brinon`` of a ``Brinon-Senneterre`` is not), and may name its person after
    a title of ``sex``."""
    word = toks[j][0]
    if word in index.abbreviations and j + 1 < len(toks) and toks[j + 1][0] == ".":
        return True  # ``Co.``: the beginning of a register's surname, or a title cut short
    candidates = index.first.get(word) or index.spellings.get(word) or (
        index.first.get(lang.forms[word][0], ()) if word in lang.forms else ())
    return any(_fits(c, sex, index) and _match_words(toks, j, c.words, caps, lang.endings)
               is not None for c in candidates)


def _fits(candidate: Candidate, sex: str | None, index: NameIndex) -> bool:
    """Whether a derived form may name its person after a title of ``sex``: not when the
    register says the person (each who share it) is of the other sex (``Mrs. Hall`` is not
    John Hall). The register's own names are not questioned."""
    if sex is None or candidate.derived is None or candidate.entry.kind != "person":
        return True
    entries = index.sharers.get(candidate.words, (candidate.entry,)) \
        if candidate.derived == "shared" else (candidate.entry,)
    return any(sex_of(e) in (sex, None) for e in entries)


def _before_sex(toks: list[tuple[str, int, int]], i: int) -> str | None:
    """The sex the title just before token ``i`` says, or None."""
    j = i - 1
    if j >= 0 and toks[j][0] == ".":
        j -= 1
    # (a short title in lower case is as often another word: ``m`` for ``mein``)
    return title_sex(toks[j][0]) if j >= 0 and (toks[j][0][:1].isupper()
                                                or len(toks[j][0]) > 2) else None


def _sharer(sharers: tuple[Entry, ...], toks: list[tuple[str, int, int]], i: int,
            seen: set[str]) -> Entry | None:
    """Which of the persons who share a short form the one at token ``i`` is: the only one
    a gendered title before it may name (``Mrs. Hofland``: of a Barbara and a Thomas whose
    sex the register records, or whose names hold a gendered title), else the only one of
    those named before in the document, else the only one the whole document names in full
    (when ``seen`` holds :func:`document_names`); None when that leaves more than one."""
    sex = _before_sex(toks, i)
    if sex:
        sharers = tuple(e for e in sharers if sex_of(e) in (sex, None))
        if len(sharers) == 1:
            return sharers[0]
    named = [e for e in sharers if _NAMED + e.id in seen]
    if len(named) != 1:
        named = [e for e in sharers if _DOCUMENT + e.id in seen]
    if len(named) == 1:
        return named[0]
    seen.add(PENDING)
    return None


def _after_title(toks: list[tuple[str, int, int]], i: int,
                 words: frozenset[str] = TITLES) -> bool:
    """Whether a title (or another of ``words``) stands just before token ``i`` (``Mr.``,
    ``Sir``, ``Frau``)."""
    j = i - 1
    if j >= 0 and toks[j][0] == ".":
        j -= 1
    return j >= 0 and toks[j][0].lower() in words


def _sentence_start(toks: list[tuple[str, int, int]], i: int) -> bool:
    return i == 0 or toks[i - 1][0] in SENTENCE_STARTS


def _match_words(toks: list[tuple[str, int, int]], start: int,
                 words: tuple[str, ...], caps: bool = False,
                 table: tuple[tuple[str, str | None], ...] = (),
                 spelled: str | None = None) -> tuple[int, int] | None:
    """The index of the last token of ``words`` matched from ``start``, brackets skipped, and
    the characters of it that are an ending of ``table`` (a genitive ``s``: 1). With
    ``spelled``, the first token is read as that word (a spelling one letter apart)."""
    j = start
    trim = 0
    for k, word in enumerate(words):
        while k and j < len(toks) and toks[j][0] in _BRACKETS:
            j += 1
        if j >= len(toks):
            return None
        token = toks[j][0]
        if k == 0 and spelled is not None:
            token = spelled
        if token != word and not _same(token, word, caps):
            ending = inflection(token, word, table) if k == len(words) - 1 else 0
            if ending:
                trim = ending
            elif not (k and len(word) >= RESPELL_MIN and one_letter_apart(token, word)):
                return None  # a later word of a name may be spelled one letter apart
        j += 1
    return j - 1, trim


def _same(token: str, word: str, caps: bool) -> bool:
    """The same word in capitals (``REISSNER`` for ``Reißner``, in a paragraph in capitals)
    or with ``ss`` for ``ß``."""
    if caps and token.isupper():
        return token == word.upper()
    return "ß" in word and token == word.replace("ß", "ss")
