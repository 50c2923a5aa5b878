"""Persons the register does not know, named after a title (issue 14).

Letters name people the editor's register has no entry for yet: ``Frau Diel``,
``Mr. Schumann``, ``M. de Poissy``. A title or form of address
(:data:`.shortforms.TITLES`) followed by capitalised words, with a particle
between them or not, names a person; the words are tagged as a person without
``@ref`` and with ``cert="medium"`` (as statistical recognition does), the title
outside the tag (ENCODING.md), for the editor to add to the register or to
link. Words the register knows are left to the register's rules, so a short
form two persons share stays untagged (``Mrs. Hofland``), as issue 14 asks.
Not a person: a title followed by a word of the register, another title
(``Herr Pfarrer``: the second one is looked at in turn), a common word that
begins sentences (``Sir The``), a word in capitals alone, or a pronoun of
address (``Frau Ihres Alters``: :data:`ADDRESS_PRONOUNS`). A title in lower case
(``la duchesse de Villeroi``) names a person only before a particle.

A letter's writer is named so too: the words that follow its closing formula
(``Ihr ganz ergebenster Harry Schumann``; :func:`signature`).
"""

from __future__ import annotations

from collections.abc import Callable

from .shortforms import PARTICLES, TITLES

#: Titles that also begin the names of places, institutions and things (``St. Louis``,
#: ``Sankt Gallen``, ``General Assembly``, ``King Street``, ``Prince Edward Island``, ``Duke
#: University``, ``Father Christmas``, ``Major League``): after them, words the register
#: does not know are not taken for a person. (Names the register knows are found after
#: them as after any title.)
NOT_BEFORE_UNKNOWN = frozenset("""
st saint general gen president king queen kaiser kaiserin könig königin prince princess
prinz prinzessin duke duc earl major master brother sister father mère père fra padre
judge governor gov""".split())
#: The ways a title is written before a name: ``Mr``, ``MR`` (a title in lower case is as
#: often another word: ``fra`` and ``col`` in Italian, ``m`` for ``mein``, ``21st``).
TITLE_FORMS = frozenset(f for t in TITLES - NOT_BEFORE_UNKNOWN
                        for f in (t.capitalize(), t.upper()))
#: Titles that name a person only when a particle follows them (``la duchesse de
#: Villeroi``, ``M. le cardinal de Bouillon``, ``Duca di Bracciano``, ``Prince de Condé``):
#: those of :data:`NOT_BEFORE_UNKNOWN` but a saint's (``St. de`` is rare, ``Saint-Denis``
#: common), and every title in lower case, as French and Italian write them in running
#: text, but the short ones that are as often other words (``fra``, ``col``, ``don``: the
#: French gift, ``le don de Dieu``).
PARTICLE_TITLE_FORMS = frozenset(
    {f for t in NOT_BEFORE_UNKNOWN - {"st", "saint"} for f in (t.capitalize(), t.upper())}
    | {t for t in TITLES if len(t) > 2 and t not in {"fra", "col", "don", "gen", "gov", "rev",
                                                     "cav", "frl", "mgr", "mme", "mrs"}})
#: Particles written short: ``Frau v Reymann``, ``Fr v. Zillinghardt`` (``v.`` for ``von``).
SHORT_PARTICLES = frozenset({"v"})
#: Pronouns of polite address, capitalised in German, Danish and Italian letters: after a
#: word that is also a title (``Frau``, ``Herr``) they are not names.
ADDRESS_PRONOUNS = frozenset("""
sie ihr ihre ihres ihrem ihren ihrer du dein deine deines deinem deinen deiner euer eure
de dem dens deres din dit dine lei loro vostra vostro sua suo vous votre vos yours
your""".split())
#: The most words a name after a title is read to (``Harry Schumann``, ``Saint-Géran``).
MOST_WORDS = 3


def after_title(toks: list[tuple[str, int, int]], i: int, known: frozenset[str],
                common: frozenset[str],
                matches: Callable[[int], bool] | None = None) -> tuple[int, int] | None:
    """The first and last token of a name after the title at ``toks[i]``, when none of its
    words is in ``known`` (the tokens that begin a register name), or None. A title of
    :data:`PARTICLE_TITLE_FORMS` needs a particle after it. ``matches(j)`` tells whether a
    register name matches at token ``j``: a word that begins a register name
    (``Saint-Géran``, ``Brinon``, the register knowing ``Saint-Gelais`` and
    ``Brinon-Senneterre``) is the register's only where one of its names matches."""
    j = i + 1
    if j < len(toks) and toks[j][0] == ".":
        j += 1
    particles, lead = 0, j
    while j < len(toks) and j - i < 5:
        word = toks[j][0]
        if word.lower().rstrip("'’") in PARTICLES:
            j += 1
        elif word in SHORT_PARTICLES:
            j += 2 if j + 1 < len(toks) and toks[j + 1][0] == "." else 1
        else:
            break
        particles += 1
    if not particles and toks[i][0] not in TITLE_FORMS:
        return None
    if particles and matches is not None and matches(lead):
        return None  # ``madame de Nevers``: the register's ``de Nevers`` (a designation)
    first, last, words = j, None, 0
    while j < len(toks) and words < MOST_WORDS:
        word = toks[j][0]
        hyphenated = j + 2 < len(toks) and toks[j + 1][0] == "-" \
            and toks[j + 2][0][:1].isupper()  # Saint-Géran: a name, whatever its first part
        if not word[:1].isupper() or not word.isalpha() or (
                word in known and (matches is None or matches(j))):
            break
        lower = word.lower()
        if not hyphenated and (lower in TITLES or lower in common or lower in ADDRESS_PRONOUNS):
            break
        last, words = j, words + 1
        j += 2 if hyphenated else 1
    if last is None or (words == 1 and len(toks[last][0]) < 2):
        return None
    if toks[first][0].isupper() and words == 1 and len(toks[first][0]) > 1 \
            and not toks[i][0].isupper():
        return None
    return first, last


#: The words that end a letter's closing formula, by language (``Yours sincerely``, ``Ihr
#: ganz ergebenster``, ``Votre très humble serviteur``, ``Suo devotissimo servitore``): the
#: paragraph after one that ends so opens with the writer's signature. Data: extend it.
VALEDICTIONS = frozenset("""
sincerely faithfully truly affectionately respectfully obediently servant
ergebenster ergebenste ergebener ergebene ergebenst gehorsamster gehorsamste treuer treue
diener dienerin
dévoué dévouée obéissant obéissante serviteur servante
devotissimo devotissima obbligatissimo obbligatissima umilissimo umilissima
affezionatissimo affezionatissima servitore serva""".split())
#: The most words of a closing formula, and the most characters.
VALEDICTION_WORDS = 8
VALEDICTION_CHARS = 120
#: The possessives that open a closing formula (``Yours``, ``Ihr``, ``Votre``, ``Suo``): in
#: running text a word of :data:`VALEDICTIONS` is a signature's cue only after one of them.
CLOSING_POSSESSIVES = frozenset("""
yours your ihr ihre jhr dein deine euer eure votre vôtre ton vostro vostra suo sua tuo
tua""".split())
VALEDICTION_FORMS = frozenset(f for v in VALEDICTIONS for f in (v, v.capitalize()))


def closes_letter(text: str) -> bool:
    """Whether ``text`` (a paragraph) is a closing formula: a few words, the last of
    :data:`VALEDICTIONS` (``Yours sincerely.``, ``Jhr ergebenster``)."""
    if len(text) > VALEDICTION_CHARS:  # a paragraph of running text: not split at all
        return False
    words = text.replace(",", " ").replace(".", " ").split()
    return 0 < len(words) <= VALEDICTION_WORDS and words[-1].lower() in VALEDICTIONS


def signature(toks: list[tuple[str, int, int]], i: int, known: frozenset[str],
              common: frozenset[str]) -> tuple[int, int] | None:
    """The first and last token of a signature at token ``i``, after a closing formula:
    two capitalised words, three when they end the paragraph (``Harry Schumann`` of
    ``Harry Schumann Inhaber des Verlages``; ``Samuel Taylor Coleridge`` alone), none of
    them the register's, a title or a common word."""
    while i < len(toks) and toks[i][0] in ",.:":
        i += 1
    last = i - 1
    for j in range(i, min(len(toks), i + MOST_WORDS)):
        word = toks[j][0]
        if not word[:1].isupper() or not word.isalpha() or len(word) < 2 or word in known \
                or word.lower() in TITLES or word.lower() in common:
            break
        last = j
    if last - i + 1 > 2 and last + 1 < len(toks):
        last = i + 1
    return (i, last) if last - i + 1 >= 2 else None


def valediction_at(toks: list[tuple[str, int, int]], i: int) -> bool:
    """Whether token ``i`` ends a closing formula: a word of :data:`VALEDICTIONS` after a
    possessive that opens one (``Yours sincerely``, ``Ihr ganz ergebenster``)."""
    return toks[i][0].lower() in VALEDICTIONS and any(
        t.lower() in CLOSING_POSSESSIVES for t, _, _ in toks[max(0, i - 6):i])

