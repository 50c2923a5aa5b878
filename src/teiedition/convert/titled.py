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
address (``Frau Ihres Alters``: :data:`ADDRESS_PRONOUNS`).
"""

from __future__ import annotations

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
#: Pronouns of polite address, capitalised in German, Danish and Italian letters: after a
#: word that is also a title (``Frau``, ``Herr``) they are not names.
ADDRESS_PRONOUNS = frozenset("""
sie ihr ihre ihres ihrem ihren ihrer du dein deine deines deinem deinen deiner euer eure
de dem dens deres din dit dine lei loro vostra vostro sua suo vous votre vos yours
your""".split())
#: The most words a name after a title is read to (``Harry Schumann``, ``Saint-Géran``).
MOST_WORDS = 3


def after_title(toks: list[tuple[str, int, int]], i: int, known: frozenset[str],
                common: frozenset[str]) -> tuple[int, int] | None:
    """The first and last token of a name after the title at ``toks[i]``, when none of its
    words is in ``known`` (the tokens that begin a register name), or None."""
    j = i + 1
    if j < len(toks) and toks[j][0] == ".":
        j += 1
    while j < len(toks) and toks[j][0].lower().rstrip("'’") in PARTICLES and j - i < 4:
        j += 1
    first, last, words = j, None, 0
    while j < len(toks) and words < MOST_WORDS:
        word = toks[j][0]
        if not word[:1].isupper() or not word.isalpha() or word in known:
            break
        lower = word.lower()
        hyphenated = j + 2 < len(toks) and toks[j + 1][0] == "-" \
            and toks[j + 2][0][:1].isupper()  # Saint-Géran: a name, whatever its first part
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
