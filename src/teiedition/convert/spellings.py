"""Other spellings of the register's names that letters and diaries use (issue 14).

The register holds a name as its editor spells it; the writer of a letter spelled
it as he heard it, declined it, or joined an article to it. Three kinds of
difference are read as the same name, each a general rule of the written
language, never a list of words:

- **inflection**: an ending joined to a name's last word, by language
  (:data:`ENDINGS`): the genitive ``s`` in every language (``Schnitzlers``);
  in German also the weak ``-n``/``-ns`` of names in ``-e`` (``Dräseken``,
  ``Odilien``) and ``-ens`` of names in a sibilant (``Vossens`` of ``Voß``). The
  ending stays outside the tag, as an English possessive does;
- **elision**: an article or preposition elided onto a name (French and Italian
  ``d'Anversa``, ``l'Hôpital``, ``dell'Italia``): the name begins after the
  apostrophe;
- **a letter or two**: a word of six letters or more that differs from one name's
  word by one letter inside it, added, dropped, changed, or two letters swapped
  (``Hasselbach`` for ``Hasselbalch``, ``Stelzhammer`` for ``Stelzhamer``,
  ``Bareuth`` for ``Bayreuth``), by two when one of the words has ten letters or
  more (``Varrenhagen`` for ``Varnhagen``, ``Sinigaglia`` for ``Senigallia``),
  when exactly one word of the register is so close. The first letter and the
  last two stay as they are: a different ending makes another word (``Russian``
  is not ``Russia``, ``Austrians`` not ``Austria``).

Names in capitals are read as such in a paragraph all in capitals and in the
capitals that open a paragraph (a letter's heading run into its dateline).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: Endings that inflect a name's last word: (ending, the letters the word must end in, or
#: None for a word that does not end in a sibilant). ``"*"`` holds those of every language.
ENDINGS: dict[str, tuple[tuple[str, str | None], ...]] = {
    "*": (("s", None),),
    "de": (("n", "e"), ("ns", "e"), ("ens", "sßxz")),
}
_SIBILANTS = "sxzß"
#: The shortest word, in letters, read with one letter more or less: shorter words are too
#: often other words.
RESPELL_MIN = 6
#: The shortest word, in letters, of two that may differ by two letters.
RESPELL_TWO = 10
#: An article or preposition elided onto a capitalised word (``d'``, ``l’``, ``dell'``,
#: ``qu'``): the lower-case letters before the apostrophe.
_ELISION = re.compile(r"(?<![^\W\d_])([^\W\d_]{1,5})['’](?=[^\W\d_])")


def endings(language: str) -> tuple[tuple[str, str | None], ...]:
    """The endings of names in ``language`` (a BCP 47 tag), those of every language first."""
    return ENDINGS["*"] + ENDINGS.get(language.split("-")[0].lower(), ())


def inflection(token: str, word: str, table: tuple[tuple[str, str | None], ...]) -> int:
    """How many characters at the end of ``token`` are an ending joined to the name's word
    ``word`` (``Dräseken`` for ``Dräseke``: 1), or 0 when ``token`` is not ``word`` inflected."""
    if len(word) < 3 or not word[0].isupper():
        return 0
    for ending, after in table:
        if not token.endswith(ending):
            continue
        stem = token[:-len(ending)]
        if stem != word and stem != word.replace("ß", "ss"):
            continue
        if (after is None and word[-1] not in _SIBILANTS) or (after and word[-1] in after):
            return len(ending)
    return 0


def inflected_forms(words, table) -> dict[str, tuple[str, int]]:
    """Every inflected form of ``words``: form -> (the word, the length of its ending)."""
    forms: dict[str, tuple[str, int]] = {}
    for word in words:
        if len(word) < 3 or not word[0].isupper():
            continue
        for stem in {word, word.replace("ß", "ss")}:
            for ending, _ in table:
                form = stem + ending
                if inflection(form, word, table):
                    forms.setdefault(form, (word, len(ending)))
    return forms


def elided(text: str) -> list[int]:
    """The offsets in ``text`` where a name begins after an elided article (``d’Anversa``:
    the offset of ``A``)."""
    if "'" not in text and "’" not in text:
        return []
    return [m.end() for m in _ELISION.finditer(text)
            if m.group(1).islower() and text[m.end()].isupper()]


def letters_apart(a: str, b: str) -> int:
    """How many letters inside the words ``a`` and ``b`` differ (added, dropped, changed, or
    two neighbours swapped: the optimal string alignment distance), up to 3; 3 when the
    first letter or the last two differ."""
    if a == b:
        return 0
    if a[0] != b[0] or a[-2:] != b[-2:] or abs(len(a) - len(b)) > 2:
        return 3
    before = None
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        new = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            new[j] = min(row[j] + 1, new[j - 1] + 1, row[j - 1] + (a[i - 1] != b[j - 1]))
            if before and i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                new[j] = min(new[j], before[j - 2] + 1)
        before, row = row, new
    return min(row[-1], 3)


def allowed(a: str, b: str) -> int:
    """How many letters two spellings of a name may differ by: two when one has ten letters
    or more, else one."""
    return 2 if max(len(a), len(b)) >= RESPELL_TWO else 1


def one_letter_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by one letter inside the word (added, dropped, changed)
    or by two neighbours swapped, with the first letter and the last two the same."""
    if a == b or a[0] != b[0] or a[-2:] != b[-2:]:
        return False
    if len(a) > len(b):
        a, b = b, a
    if len(b) - len(a) > 1:
        return False
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1:]
    if a[i + 1:] == b[i + 1:]:
        return True
    return i + 1 < len(a) and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2:] == b[i + 2:]


def _deletions(word: str, twice: bool = False) -> set[str]:
    """The word with one letter inside it left out (and with two, when ``twice``)."""
    once = {word[:k] + word[k + 1:] for k in range(1, len(word) - 2)}
    if not twice:
        return once
    return once | {w[:k] + w[k + 1:] for w in once for k in range(1, len(w) - 2)}


@dataclass
class Respeller:
    """The register's words of :data:`RESPELL_MIN` letters or more, found again under a
    spelling one letter apart. Each word is indexed under itself and each of its inner
    letters left out, so that a text's word is looked up under the same few keys (the
    symmetric deletion of SymSpell), whatever the size of the register."""

    keys: dict[str, set[str]] = field(default_factory=dict)
    #: The answers given so far: a long text repeats its words.
    known: dict[str, str | None] = field(default_factory=dict)
    #: Word -> what it names (the ids of its entries): two words close to a text's word that
    #: name the same (``Bayreuth`` and ``Baireuth`` for ``Bareuth``) are no ambiguity.
    owners: dict[str, frozenset[str]] = field(default_factory=dict)

    @classmethod
    def of(cls, words, owners: dict[str, frozenset[str]] | None = None) -> "Respeller":
        speller = cls(owners=owners or {})
        for word in words:
            if len(word) >= RESPELL_MIN and word.isalpha() and word[0].isupper() \
                    and not word.isupper():
                for key in _deletions(word, len(word) >= RESPELL_TWO) | {word}:
                    speller.keys.setdefault(key, set()).add(word)
        return speller

    def __call__(self, token: str) -> str | None:
        """The one register word ``token`` is a spelling of, or None (none, or several)."""
        if token in self.known:
            return self.known[token]
        keys = _deletions(token, len(token) >= RESPELL_TWO - 2) | {token}
        found = {word for key in keys for word in self.keys.get(key, ())
                 if letters_apart(token, word) <= allowed(token, word)}
        if len(found) > 1 and len({self.owners.get(w, frozenset((w,))) for w in found}) == 1:
            found = {min(found, key=lambda w: (letters_apart(token, w), w))}
        answer = found.pop() if len(found) == 1 else None
        self.known[token] = answer
        return answer


#: Three words or more in capitals that open a paragraph (Latin letters): a heading in
#: capitals that the transcription ran into its paragraph. Only the opening is looked at, so
#: the test costs the same whatever the paragraph's length.
_OPENING_CAPITALS = re.compile(r"(?:\W*[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]*\b){3,}")


def in_capitals_heading(toks: list[tuple[str, int, int]], text: str) -> range:
    """The indices of the tokens written in capitals as a heading is: every token of a
    paragraph all in capitals, else those of the capitals that open it."""
    if text.upper() == text:
        return range(len(toks))
    opening = _OPENING_CAPITALS.match(text)
    if opening is None:
        return range(0)
    return range(next((k for k, (_, start, _) in enumerate(toks) if start >= opening.end()),
                      len(toks)))


def cut_elisions(toks: list[tuple[str, int, int]], cuts: list[int]) -> list[tuple[str, int, int]]:
    """The tokens with those that hold an elided article (``d’Anversa``) cut in two where
    the name begins."""
    out = []
    for token, start, end in toks:
        cut = next((c for c in cuts if start < c < end), None)
        if cut is None:
            out.append((token, start, end))
        else:
            out += [(token[:cut - start], start, cut), (token[cut - start:], cut, end)]
    return out


#: How the languages of the texts write a name the register gives in the scholarly
#: transliteration of Cyrillic (``Čechov``, ``Puškin``, ``Dostoevskij``): letters and what
#: each language writes for them, in lower case (a capital stays a capital), replaced in one
#: pass, the longest first. German writes ``Tschechow``, English ``Chekhov``, French
#: ``Tchekhov``. Data: extend it.
TRANSLITERATIONS: dict[str, dict[str, str]] = {
    "de": {"šč": "schtsch", "č": "tsch", "š": "sch", "ž": "sch", "ch": "ch", "c": "z",
           "ij": "i", "yj": "i", "v": "w"},
    "en": {"šč": "shch", "č": "ch", "š": "sh", "ž": "zh", "ch": "kh", "c": "ts", "ij": "y",
           "yj": "y"},
    "fr": {"šč": "chtch", "č": "tch", "š": "ch", "ž": "j", "ch": "kh", "c": "ts", "ij": "i",
           "yj": "i"},
}
_TRANSLITERATE = {language: re.compile("|".join(sorted(map(re.escape, table), key=len,
                                                       reverse=True)))
                  for language, table in TRANSLITERATIONS.items()}
#: The letters that show a scholarly transliteration.
_SCHOLARLY = frozenset("čšžČŠŽ")


def transliterations(name: str) -> list[str]:
    """The name as the languages of :data:`TRANSLITERATIONS` write it, when the register
    gives it in the scholarly transliteration (it has one of ``č``, ``š``, ``ž``), else
    none: ``Anton Pavlovič Čechov`` -> ``Anton Pawlowitsch Tschechow``, ``Anton Pavlovich
    Chekhov``, ``Anton Pavlovitch Tchekhov``."""
    if not _SCHOLARLY & set(name):
        return []
    out = []
    for language, table in TRANSLITERATIONS.items():
        words = []
        for word in name.split():
            lower = _TRANSLITERATE[language].sub(lambda m, t=table: t[m.group()],
                                                 word.lower())
            words.append(lower[:1].upper() + lower[1:] if word[:1].isupper() else lower)
        out.append(" ".join(words))
    return list(dict.fromkeys(out))
