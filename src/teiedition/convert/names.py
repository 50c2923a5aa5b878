"""Finding the register's names in running text.

Text and names are cut into the same tokens (:mod:`.nameindex`). A name matches
where its tokens stand in the text in a row, whole tokens only, so ``Mao``
never matches inside ``Maoist`` but does inside ``GMD-controlled`` (the
hyphen is a token of its own) and before a possessive ``'s``. Square brackets
of editorial insertions (``[Grigorii] Zinoviev``) are skipped inside a name
and kept in its span. What the context says of a name (persons who share a
form, couples of titles) is :mod:`.namecontext`.

Persons' and places' short forms (:mod:`.shortforms`) are indexed beside the
register's names (issue 14). Where several names match at one position, the
reading that covers more words wins; of readings as long, a person's after a
title (``Mr. Body``: the person, not the organisation ``Body``), then the
register's own name over a derived form. A derived form is held back where the
context cannot support it:

- one that begins with a particle (``de Grignan``) is tagged only after a title;
- one that two persons share is tagged only where the context leaves exactly one
  of them: a gendered title before it, the persons named before, the persons the
  whole document names in full (:mod:`.namecontext`);
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

from dataclasses import replace

from .namecontext import (COUPLE_LEADS, DOCUMENT, NAMED, PENDING, before_sex, choose_sharer,
                          couples, document_names, fits)
from .nameindex import (BRACKETS, COMMON, Candidate, Inflection, NameIndex, Span, tokens)
from .shortforms import PARTICLES, SENTENCE_STARTS, TITLES, title_sex
from .spellings import (ENDINGS, RESPELL_MIN, cut_elisions, elided, in_capitals_heading,
                        inflection, one_letter_apart)
from .titled import (PARTICLE_TITLE_FORMS, TITLE_FORMS, VALEDICTION_FORMS, after_title,
                     signature, valediction_at)

__all__ = ["DOCUMENT", "NAMED", "PENDING", "Candidate", "Inflection", "NameIndex", "Span",
           "document_names", "find_names", "is_shared", "tokens"]

#: Words before a saint's name: a first name after them is the saint's (``St. John``).
SAINTS = frozenset("st saint san santa santo sankt ste sainte são s".split())
#: Prepositions of place: of a person and a place as long, the place follows them
#: (``à Grignan``: the château, not the count).
PLACE_PREPOSITIONS = frozenset("in at à a au aux en dans nach zu gen".split())
#: Words for a family before its name (``di Casa Orsini``, ``la maison de Grignan``, ``the
#: House of Orange``, ``die Familie Mendelssohn``): a surname after them names the family,
#: not a person of the register who bears it. Data: extend it.
FAMILY_WORDS = frozenset("""
casa famiglia family house familie haus geschlecht maison famille dynasty dynastie
dinastia""".split())
#: Prefix of the abbreviations read so far, with the id of the person each stood for.
_ABBREVIATED = "abbreviated:"


def is_shared(text: str, index: NameIndex) -> bool:
    """Whether ``text`` is a form two persons share."""
    return tuple(t for t, _, _ in tokens(text)) in index.sharers


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
                  or (len(t) >= RESPELL_MIN and t[0].isupper() and (respell(t) or (
                      t[-1] in lang.ending_letters and _respelled(t, respell, lang)[0])))]
    else:
        starts = [i for i, (t, _, _) in enumerate(toks) if t in begin
                  or (len(t) >= RESPELL_MIN and t[0].isupper() and (respell(t) or (
                      t[-1] in lang.ending_letters and _respelled(t, respell, lang)[0])))]
    after = 0  # the first token not yet inside a name
    firsts: list[int] = []  # the first token of each span
    coupled = False  # whether a name follows a title, a particle or a dot
    signer = signature(toks, 0, known, COMMON) if signed and titled and toks else None
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
                unknown = signature(toks, i + 1, known, COMMON)
            elif titled and (toks[i][0] in TITLE_FORMS or toks[i][0] in PARTICLE_TITLE_FORMS):
                sex = title_sex(toks[i][0])
                unknown = after_title(toks, i, known, COMMON, lambda j, sex=sex: _claimed(
                    toks, j, index, j in in_capitals, lang, sex))
            if unknown:
                spans.append(Span(toks[unknown[0]][1], toks[unknown[1]][2], None))
                firsts.append(unknown[0])
                coupled = True
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
        seen.add(NAMED + candidate.entry.id)
        spans.append(Span(start, end, candidate.entry))
        firsts.append(i)
        # Couples of titles (``M. et madame de Nevers``) are looked for only where a name
        # follows a title, a particle or a dot: one look-up per name.
        coupled = coupled or (i > 2 and toks[i - 1][0] in COUPLE_LEADS)
    return couples(toks, spans, firsts, index) if titled and coupled else spans


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
    named = kept or {e.id: e for e in entries if NAMED + e.id in seen}
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
    return next((s for t, s, _ in toks if t not in BRACKETS), 0)


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
    ending = 0  # the characters of an ending after a respelled word (``Uhlefelders``)
    if not candidates and len(word) >= RESPELL_MIN:
        spelled, ending = _respelled(word, index.respell, lang)
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
        if titled and not fits(candidate, before_sex(toks, i), index):
            continue
        if candidate.derived == "shared":
            chosen = choose_sharer(index.sharers[candidate.words], toks, i, seen,
                                   index.designated.get((candidate.words, toks[i - 1][0].lower()))
                                   if i and index.designated else None)
            if chosen is None:
                continue
            candidate = replace(candidate, entry=chosen)
        if candidate.derived and candidate.words[0][:1].islower() and not titled:
            continue  # ``di Ravenna`` is a place as often as a person: only ``M. de Grignan``
        if candidate.derived in ("surname", "shared") and _after_family(toks, i):
            continue  # ``di Casa Orsini``: the family, not the person
        if candidate.derived in ("surname", "forename") and not titled \
                and NAMED + candidate.entry.id not in seen \
                and candidate.words[0].lower() in COMMON and _sentence_start(toks, i):
            continue
        if start == i and spelled is None and candidate.words == (word,):
            end, trim = i, 0  # a name of one word, as written: most names of a text
        else:
            if ending and len(candidate.words) > 1:
                continue  # an ending ends a name: only one of one word takes it
            matched = _match_words(toks, start, candidate.words, caps, lang.endings, spelled)
            if matched is None:
                continue
            end, trim = matched[0], matched[1] or ending
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


def _respelled(word: str, respell, lang: Inflection) -> tuple[str | None, int]:
    """The register's word ``word`` is a spelling of, and the length of an ending of the
    language after it (``Uhlefelders``: ``Uhlfelder`` and 1), or (None, 0)."""
    spelled = respell(word)
    if spelled:
        return spelled, 0
    for ending, _ in lang.endings:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= RESPELL_MIN:
            spelled = respell(stem)
            if spelled and inflection(spelled + ending, spelled, lang.endings):
                return spelled, len(ending)
    return None, 0


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
    return any(fits(c, sex, index) and _match_words(toks, j, c.words, caps, lang.endings)
               is not None for c in candidates)


def _after_title(toks: list[tuple[str, int, int]], i: int,
                 words: frozenset[str] = TITLES) -> bool:
    """Whether a title (or another of ``words``) stands just before token ``i`` (``Mr.``,
    ``Sir``, ``Frau``)."""
    j = i - 1
    if j >= 0 and toks[j][0] == ".":
        j -= 1
    return j >= 0 and toks[j][0].lower() in words


def _after_family(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether a word for a family stands before token ``i``, a particle between them or
    not (``Casa Orsini``, ``maison de Grignan``, ``House of Orange``)."""
    j = i - 1
    if j > 0 and toks[j][0].lower() in PARTICLES | {"of"}:
        j -= 1
    return j >= 0 and toks[j][0].lower() in FAMILY_WORDS


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
        while k and j < len(toks) and toks[j][0] in BRACKETS:
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
