"""What the context says of a name found: which of the persons who share a form it names
(a gendered title before it, the persons named before, the persons the whole document names
in full), and the persons named by the first of two titles joined before one name (``M. et
madame de Nevers``). See docs/names-and-dates.md.
"""

from __future__ import annotations

from ..register import Entry
from .nameindex import Candidate, NameIndex, Span
from .shortforms import PARTICLES, TITLES, sex_of, title_sex

#: Prefix of the ids in ``seen`` of entries named so far in any form (the plain ids are of
#: entries named in full, for ``after-full`` variants).
NAMED = "named:"
#: Prefix of the ids of entries the whole document names in full (see document_names).
DOCUMENT = "document:"
#: Put in ``seen`` where a form two persons share was left untagged: the document, read to
#: its end, may name only one of them in full (the caller tags the paragraph again).
PENDING = "pending:"


def document_names(seen: set[str]) -> set[str]:
    """What to add to ``seen`` before a paragraph is read again at the end of the document:
    the entries the document names in full anywhere, for a form two persons share to name
    the one of them the document names so (``Hauptmann`` in a document that names Gerhart
    Hauptmann in full and Margarete only as ``Grete``)."""
    return {DOCUMENT + i for i in seen if ":" not in i}


#: Words that join two titles before one name (``M. et madame de Nevers``, ``Mr. and Mrs.
#: Hall``, ``Herr und Frau Diel``): the first title names a person of that name too.
COUPLED = frozenset("et and und e ed y &".split())


#: The tokens that may stand just before the name of a couple: a title or a particle, as
#: written (``madame``, ``Mrs``, ``MADAME``, ``de``), or an abbreviation's dot.
COUPLE_LEADS = frozenset(f for w in TITLES | PARTICLES for f in (w, w.capitalize(), w.upper())) \
    | {"."}


def couples(toks: list[tuple[str, int, int]], spans: list[Span], firsts: list[int],
             index: NameIndex) -> list[Span]:
    """The spans with the first title of each couple named by one name (``M. et madame de
    Nevers``: ``M.`` names a Nevers too) added. The title is the person's mention: its
    entry is the one person of its sex who goes by the name (of two who share it, or the
    one the name was found for), else none (a person the register does not know)."""
    out: list[Span] = []
    for span, k in zip(spans, firsts, strict=True):
        j = k - 1
        if j < 2 or toks[j][0] not in COUPLE_LEADS:  # most names: one look-up
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
        out += [Span(toks[t][1], end, coupled(span, name, toks[t][0], index)), span]
    return out


def coupled(span: Span, name: tuple[str, ...], title: str, index: NameIndex) -> Entry | None:
    """The person a title coupled to a name names (see :func:`couples`): the one person of
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


def fits(candidate: Candidate, sex: str | None, index: NameIndex) -> bool:
    """Whether a derived form may name its person after a title of ``sex``: not when the
    register says the person (each who share it) is of the other sex (``Mrs. Hall`` is not
    John Hall). The register's own names are not questioned."""
    if sex is None or candidate.derived is None or candidate.entry.kind != "person":
        return True
    entries = index.sharers.get(candidate.words, (candidate.entry,)) \
        if candidate.derived == "shared" else (candidate.entry,)
    return any(sex_of(e) in (sex, None) for e in entries)


def before_sex(toks: list[tuple[str, int, int]], i: int) -> str | None:
    """The sex the title just before token ``i`` says, or None."""
    j = i - 1
    if j >= 0 and toks[j][0] == ".":
        j -= 1
    # (a short title in lower case is as often another word: ``m`` for ``mein``)
    return title_sex(toks[j][0]) if j >= 0 and (toks[j][0][:1].isupper()
                                                or len(toks[j][0]) > 2) else None


def choose_sharer(sharers: tuple[Entry, ...], toks: list[tuple[str, int, int]], i: int,
                  seen: set[str], designated: set[str] | None = None) -> Entry | None:
    """Which of the persons who share a short form the one at token ``i`` is: the only one
    the register designates with the title before it (``designated``: ``cardinal de
    Bouillon``, not the chevalier), else the only one a gendered title before it may name
    (``Mrs. Hofland``: of a Barbara and a Thomas whose sex the register records, or whose
    names hold a gendered title), else the only one of those named before in the document,
    else the only one the whole document names in full (when ``seen`` holds
    :func:`document_names`); None when that leaves more than one."""
    if designated:
        chosen = [e for e in sharers if e.id in designated]
        if len(chosen) == 1:
            return chosen[0]
    sex = before_sex(toks, i)
    if sex:
        sharers = tuple(e for e in sharers if sex_of(e) in (sex, None))
        if len(sharers) == 1:
            return sharers[0]
    named = [e for e in sharers if NAMED + e.id in seen]
    if len(named) != 1:
        named = [e for e in sharers if DOCUMENT + e.id in seen]
    if len(named) == 1:
        return named[0]
    seen.add(PENDING)
    return None
