"""Finding dates in English running text and normalising them to ISO 8601.

One regular expression with an alternative per form, most specific first, so
that the leftmost, longest reading wins (``from 1954 to 1955`` is one span,
not two years). Each form has a normaliser that returns the TEI attributes:
``when`` for a point, ``from``/``to`` for a span, ``notBefore``/``notAfter``
for a vague period. The meanings of vague periods are in docs/names-and-dates.md:

- early / mid / late YEAR: months 01-04 / 05-08 / 09-12
- early / mid / late MONTH YEAR: days 1-10 / 11-20 / 21-end
- spring / summer / autumn (fall) YEAR: months 03-05 / 06-08 / 09-11;
  winter YEAR: December of YEAR-1 to February of YEAR
- the 1950s: 1950-1959; early / mid / late 1950s: 1950-1953 / 1954-1956 / 1957-1959

A day and month without a year (``August 23``) takes the year of the full
dates of the same paragraph when they all share one; otherwise it gets no
value and ``cert="low"``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from .dategrammar import ENGLISH, Language, language_for

MONTHS = ENGLISH.month_names()
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DASH = r"\s*[-–—]\s*"
_QUAL = r"(?:[Ee]arly|[Mm]id|[Ll]ate)"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"


def _names(forms: dict[str, int], full: tuple[str, ...], lowercase: bool) -> str:
    """A pattern for the written forms: capitalised (and lower-case where the language
    writes them so), abbreviations with an optional dot (or, given ``dot``, a required one),
    the longest first so that ``Sept.`` is not read as ``Sep``."""
    words: dict[str, str] = {}
    for form in forms:
        for case in {form[:1].upper() + form[1:]} | ({form} if lowercase else set()):
            words[case] = "" if form in full else r"\.?"
    return _trie(words)


def _trie(words: dict[str, str]) -> str:
    """An alternation of ``words`` (word -> the pattern that follows it) written as a trie:
    ``(?:J(?:an(?:uary|[.]?)|...)``. The regular expression engine tries alternatives one by
    one; sharing prefixes makes a date search near each digit several times faster."""
    root: dict = {}
    for word, suffix in words.items():
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = suffix  # the end of a word; "" sorts first, so it is emitted last

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in sorted(node.items())
                    if ch != ""]
        if "" in node:
            branches.append(node[""])  # the shorter word after the longer ones
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"
    return emit(root)


@dataclass(frozen=True)
class Partial:
    """What a date without a year says: the rest comes from the document (see
    :func:`resolve_partial`)."""

    month: int | None  # None: a weekday and a day (``Thursday 7th``) or ``3d inst.``
    day: int
    weekday: int | None = None  # 0 Monday .. 6 Sunday
    relative: int | None = None  # months after the letter's own date: inst. 0, ult. -1
    short_year: int | None = None  # ``7.1.32``: the year's last two digits

@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...]
    #: A date without a year (resolved later from the paragraph and the document).
    yearless: Partial | None = None


def _d(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _ymd(y: int, m: int, d: int) -> str:
    dt.date(y, m, d)  # raises ValueError for 30 February
    return f"{y:04d}-{m:02d}-{d:02d}"


def _ym(y: int, m: int) -> str:
    return f"{y:04d}-{m:02d}"


def _short(first: str, second: str) -> int:
    """The end year of ``1953-54`` (1954) or ``1999-00`` (2000): the first later year that
    ends in those digits."""
    end = int(first[:4 - len(second)] + second)
    return end if end >= int(first) else end + 10 ** len(second)


def _last_day(y: int, m: int) -> int:
    return calendar.monthrange(y, m)[1]


def _span(a: str, b: str) -> dict[str, str]:
    return {"from": a, "to": b}


def _range(a: str, b: str) -> dict[str, str]:
    return {"notBefore": a, "notAfter": b}


_QUARTERS = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}
_THIRDS = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_DECADE_PARTS = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def _season(season: str, year: int) -> dict[str, str]:
    season = season.lower()
    if season == "winter":
        return _range(_ym(year - 1, 12), _ym(year, 2))
    first, last = _SEASONS[season]
    return _range(_ym(year, first), _ym(year, last))


def _qualified_month(qual: str, m: int, year: str) -> dict[str, str]:
    y = int(year)
    first, last = _THIRDS[qual.lower()]
    return _range(_ymd(y, m, first), _ymd(y, m, min(last, _last_day(y, m))))


def _decade(qual: str | None, decade: str) -> dict[str, str]:
    start = int(decade)
    first, last = _DECADE_PARTS[qual.lower()] if qual else (0, 9)
    return _range(f"{start + first:04d}", f"{start + last:04d}")


Form = tuple[str, Callable[..., dict[str, str]] | None]


def _forms(lang: Language) -> list[Form]:
    """The date forms of ``lang``, most specific first: at a position the first form that
    matches is taken, so that ``from 1954 to 1955`` is one span, not two years. Each form
    has a normaliser to TEI attributes; ``None`` marks a date without a year (group ``W``
    a weekday, ``R`` a word such as ``inst.``), resolved from its context later.
    Group names: Y years, M months, D days, Q qualifiers, S seasons, C decades."""
    months = lang.month_names()
    M = _names(months, lang.months, lang.lowercase_names)
    WD = _names(lang.weekdays, lang.weekday_names, lang.lowercase_names)
    D = lang.day
    articles = "".join(rf"(?:{re.escape(a)}\s+)?" for a in lang.articles)
    # A weekday before a day belongs to the date (``Saturday 23 Jan. 1858``).
    wd = rf"(?:{WD},?\s+{articles})?"
    of = rf"(?:{lang.of}\s+)?" if lang.of else ""
    dy = r"[.,]?\s+"  # ``July 1st. 1820``, ``July 21, 1954``, ``3. März 1848``

    def m(text: str) -> int:
        return months[text.lower().rstrip(".")]

    def day(y: str, mo: str, d: str) -> dict[str, str]:
        return {"when": _ymd(int(y), m(mo), _d(d))}

    forms: list[Form] = []
    numeric = r"(?P<D1>3[01]|[12][0-9]|0?[1-9])\.\s?(?P<N1>1[0-2]|0?[1-9])\."
    if lang.numeric:
        forms.append((rf"{numeric}\s?(?P<Y1>{_YEAR})",
                      lambda D1, N1, Y1: {"when": _ymd(int(Y1), int(N1), int(D1))}))
    if lang.periods:
        forms += [
            (rf"from (?P<M1>{M}) (?P<D1>{D}) (?:to|until) (?P<M2>{M}) (?P<D2>{D}), "
             rf"(?P<Y1>{_YEAR})",
             lambda M1, D1, M2, D2, Y1: _span(day(Y1, M1, D1)["when"], day(Y1, M2, D2)["when"])),
            (rf"from (?P<M1>{M}) (?P<D1>{D}) (?:to|until) (?P<D2>{D}), (?P<Y1>{_YEAR})",
             lambda M1, D1, D2, Y1: _span(day(Y1, M1, D1)["when"], day(Y1, M1, D2)["when"])),
            (rf"from (?P<D1>{D}) (?P<M1>{M}) (?:to|until) (?P<D2>{D}) (?P<M2>{M}) "
             rf"(?P<Y1>{_YEAR})",
             lambda D1, M1, D2, M2, Y1: _span(day(Y1, M1, D1)["when"], day(Y1, M2, D2)["when"])),
            (rf"from (?P<M1>{M}) (?P<Y1>{_YEAR}) (?:to|until) (?P<M2>{M}) (?P<Y2>{_YEAR})",
             lambda M1, Y1, M2, Y2: _span(_ym(int(Y1), m(M1)), _ym(int(Y2), m(M2)))),
            (rf"from (?P<M1>{M}) (?:to|until) (?P<M2>{M}) (?P<Y1>{_YEAR})",
             lambda M1, M2, Y1: _span(_ym(int(Y1), m(M1)), _ym(int(Y1), m(M2)))),
            (rf"(?:from|between) (?P<Y1>{_YEAR}) (?:to|until|and|through) (?P<Y2>{_YEAR})",
             lambda Y1, Y2: _span(Y1, Y2)),
        ]
    if lang.spans[0]:  # the span words of a language as data (issue 14: vom 3. bis 5. März)
        opens, closes = (r"(?:%s)" % "|".join(re.escape(w) for word in words
                                             for w in (word, word.capitalize()))
                         for words in lang.spans)
        forms += [
            (rf"{opens}\s+(?P<D1>{D}){lang.day_gap}{closes}\s+(?P<D2>{D}){lang.day_gap}{of}(?P<M1>{M})"
             rf"{dy}(?P<Y1>{_YEAR})",
             lambda D1, D2, M1, Y1: _span(day(Y1, M1, D1)["when"], day(Y1, M1, D2)["when"])),
            (rf"{opens}\s+(?P<D1>{D}){lang.day_gap}{of}(?P<M1>{M})\s+{closes}\s+(?P<D2>{D}){lang.day_gap}{of}"
             rf"(?P<M2>{M}){dy}(?P<Y1>{_YEAR})",
             lambda D1, M1, D2, M2, Y1: _span(day(Y1, M1, D1)["when"], day(Y1, M2, D2)["when"])),
            (rf"{opens}\s+(?P<Y1>{_YEAR})\s+{closes}\s+(?P<Y2>{_YEAR})",
             lambda Y1, Y2: _span(Y1, Y2)),
        ]
    if lang.month_first:
        forms.append((rf"(?P<M1>{M}) (?P<D1>{D}){_DASH}(?P<D2>{D}),? (?P<Y1>{_YEAR})",
                      lambda M1, D1, D2, Y1: _span(day(Y1, M1, D1)["when"],
                                                   day(Y1, M1, D2)["when"])))
    forms.append((rf"(?P<D1>{D}){_DASH}(?P<D2>{D}) (?P<M1>{M}),? (?P<Y1>{_YEAR})",
                  lambda D1, D2, M1, Y1: _span(day(Y1, M1, D1)["when"], day(Y1, M1, D2)["when"])))
    if lang.month_first:
        forms.append((rf"{wd}(?P<M1>{M}),?\s+(?P<D1>{D}){dy}(?P<Y1>{_YEAR})",
                      lambda M1, D1, Y1: day(Y1, M1, D1)))
    gap = lang.day_gap
    forms.append((rf"{wd}(?P<D1>{D}){gap}{of}(?P<M1>{M}){dy}(?P<Y1>{_YEAR})",
                  lambda D1, M1, Y1: day(Y1, M1, D1)))
    if lang.periods:
        forms.append((rf"(?P<Q1>{_QUAL})(?:-| )(?P<M1>{M}),? (?P<Y1>{_YEAR})",
                      lambda Q1, M1, Y1: _qualified_month(Q1, m(M1), Y1)))
    forms.append((rf"(?P<M1>{M}),? (?P<Y1>{_YEAR})", lambda M1, Y1: {"when": _ym(int(Y1), m(M1))}))
    if lang.periods:
        forms += [
            (rf"(?P<S1>{_SEASON}) of (?P<Y1>{_YEAR})", lambda S1, Y1: _season(S1, int(Y1))),
            (rf"(?P<S1>{_SEASON}) (?P<Y1>{_YEAR})", lambda S1, Y1: _season(S1, int(Y1))),
            (rf"(?P<Q1>{_QUAL})(?:-| )(?P<C1>1[0-9]{{2}}0|20[0-9]0)[’']?s",
             lambda Q1, C1: _decade(Q1, C1)),
            (rf"(?P<Q1>{_QUAL})(?:-| )(?P<Y1>{_YEAR})",
             lambda Q1, Y1: _range(_ym(int(Y1), _QUARTERS[Q1.lower()][0]),
                                   _ym(int(Y1), _QUARTERS[Q1.lower()][1]))),
            (r"(?P<C1>1[0-9]{2}0|20[0-9]0)[’']?s", lambda C1: _decade(None, C1)),
        ]
    forms += [
        (rf"(?P<Y1>{_YEAR}){_DASH}(?P<Y2>{_YEAR})", lambda Y1, Y2: _span(Y1, Y2)),
        (rf"(?P<Y1>{_YEAR}){_DASH}(?P<Y2>[0-9]{{2}})(?![0-9])",
         lambda Y1, Y2: _span(Y1, f"{_short(Y1, Y2):04d}")),
    ]
    if lang.periods:
        forms.append((rf"(?P<Y1>{_YEAR}) (?:to|until|through) (?P<Y2>{_YEAR})",
                      lambda Y1, Y2: _span(Y1, Y2)))
    forms.append((rf"(?P<Y1>{_YEAR})", lambda Y1: {"when": Y1}))
    # Dates without a year: resolved from the paragraph, then from the document.
    if lang.relative:
        rel = _names(lang.relative, ("instant", "ultimo", "proximo"), True)
        forms.append((rf"(?P<D1>{D})\s+(?P<R1>{rel})", None))
    if lang.slashes:
        first, second = ("N1", "D1") if lang.slashes == "mdy" else ("D1", "N1")
        slash = rf"(?P<{first}>[0-3]?[0-9])/(?P<{second}>[0-3]?[0-9])/"
        forms.append((rf"{slash}(?P<Y1>{_YEAR})",
                      lambda D1, N1, Y1: {"when": _ymd(int(Y1), int(N1), int(D1))}))
        forms.append((rf"{slash}(?P<Z1>[0-9]{{2}})(?![0-9])", None))
        # Without a year only after a cue word or at the paragraph's start: ``1/2`` is a
        # fraction elsewhere. (Each look-behind has one width; Python allows their union.)
        cue = "|".join([r"^"] + [rf"(?<=\b{re.escape(c)} )" for w in lang.cues
                                 for c in (w, w[:1].upper() + w[1:])])
        forms.append((rf"(?:{cue}){slash[:-1]}(?![0-9/])", None))
    if lang.numeric:
        # ``7.1.32`` (the century from the context) and ``28.12.`` (the year from it); the
        # closing dot is required: ``2.5`` is a number.
        forms.append((rf"{numeric}(?P<Z1>[0-9]{{2}})(?![0-9])", None))
        forms.append((numeric, None))
    # The weekday of a date without a year helps to find the year (datecontext.py).
    wdg = rf"(?:(?P<W1>{WD}),?\s+{articles})?"
    if lang.month_first:
        forms.append((rf"{wdg}(?P<M1>{M}),?\s+(?P<D1>{D})(?![0-9])", None))
    forms.append((rf"{wdg}(?P<D1>{D}){gap}{of}(?P<M1>{M})", None))
    # A weekday and a day alone (``Saturday 2``, ``Mon. 4``): a diary's entry heading. An
    # abbreviated weekday needs its dot here: ``Sun 4`` is more often the sun than Sunday.
    strict = _trie({c: "" if w in lang.weekday_names else r"\."
                    for w in lang.weekdays
                    for c in {w[:1].upper() + w[1:]} | ({w} if lang.lowercase_names else set())})
    forms.append((rf"(?P<W1>{strict}),?\s+{articles}(?P<D1>{D})(?![0-9])", None))
    return forms


# Not inside a number, a word, or a page reference; not a number followed by a unit. A date
# that ends with its dot may be glued to the next word, as transcriptions lose a space
# (``seit 7.1.fällig``: issue 14).
_BEFORE = r"(?<![\w.,/$£€-])(?<!p\. )(?<!pp\. )(?<!No\. )(?<!no\. )"
_AFTER = r"(?:(?<=\.)(?=[^\W\d_])|(?![\w%/]))(?!,\d)(?!\.\d)(?![-–]\d)"
_DIGIT = re.compile(r"\d")


class Grammar:
    """The compiled date forms of one language."""

    def __init__(self, lang: Language) -> None:
        self.language = lang
        self.months = lang.month_names()
        self.forms = _forms(lang)
        self.pattern = re.compile(_BEFORE + "(?:" + "|".join(
            f"(?P<f{i}>{re.sub(r'[?]P<([A-Z][0-9])>', lambda g, i=i: f'?P<f{i}_{g.group(1)}>', form)})"
            for i, (form, _) in enumerate(self.forms)) + ")" + _AFTER)
        #: For each form, its named groups in the pattern and their names in the form.
        self.groups = [[(name, name.split("_", 1)[1]) for name in self.pattern.groupindex
                        if name.startswith(f"f{i}_")] for i in range(len(self.forms))]


@functools.cache
def grammar(code: str = "en") -> Grammar:
    """The compiled grammar of a language tag (compiled once per language)."""
    return Grammar(language_for(code))


PATTERN = grammar("en").pattern

#: The most characters a date form has before its first digit ("Wednesday, the 21st":
#: 15; "early-September, 1954": 17); the scan for dates starts this far before each digit
#: (tested).
LEAD = 24


def iter_date_matches(text: str, language: str = "en") -> Iterator[re.Match[str]]:
    """The matches of the language's pattern in ``text``, as ``finditer`` gives them, found
    faster: every date form has a digit, so the search starts at most :data:`LEAD`
    characters before the next digit instead of trying every position of the text (the
    leading look-behinds made that a quarter of the conversion's time)."""
    pattern = grammar(language).pattern
    pos = 0
    while True:
        digit = _DIGIT.search(text, pos)
        if digit is None:
            return
        # No match starts in [pos, digit - LEAD): it would need a digit after its lead.
        match = pattern.search(text, max(pos, digit.start() - LEAD))
        if match is None:
            return
        yield match
        pos = match.end() if match.end() > match.start() else match.end() + 1


def find_dates(text: str, language: str = "en") -> list[DateSpan]:
    """The dates of ``text`` (written in ``language``, a BCP 47 tag) with their normalised
    attributes; dates without a year carry what they say in ``yearless``."""
    g = grammar(language)
    spans = []
    for match in iter_date_matches(text, language):
        index = int((match.lastgroup or "").removeprefix("f"))
        groups = {short: match.group(name) for name, short in g.groups[index]
                  if match.group(name) is not None}
        normalise = g.forms[index][1]
        if normalise is None:
            spans.append(DateSpan(match.start(), match.end(), (), yearless=_partial(g, groups)))
            continue
        try:
            attrs = normalise(**groups)
        except ValueError:  # 30 February: a date in form only; keep it, flagged
            spans.append(DateSpan(match.start(), match.end(), (("cert", "low"),)))
            continue
        spans.append(DateSpan(match.start(), match.end(), tuple(attrs.items())))
    return spans


def _partial(g: Grammar, groups: dict[str, str]) -> Partial:
    lang = g.language
    month = g.months[groups["M1"].lower().rstrip(".")] if "M1" in groups else \
        int(groups["N1"]) if "N1" in groups else None
    weekday = lang.weekdays.get(groups["W1"].lower().rstrip(".")) if "W1" in groups else None
    relative = lang.relative.get(groups["R1"].lower().rstrip(".")) if "R1" in groups else None
    return Partial(month, _d(groups["D1"]), weekday, relative,
                   int(groups["Z1"]) if "Z1" in groups else None)


def resolve_yearless(spans: list[DateSpan], context_years: set[str]) -> list[DateSpan]:
    """Give a day and month without a year the paragraph's one year; leave the others
    (and those of a paragraph with no or several years) without a value, ``cert="low"``."""
    years = set(context_years)
    for span in spans:
        for name, value in span.attrs:
            if name in ("when", "from", "to") and len(value) >= 4 and value[:4].isdigit():
                years.add(value[:4])
    resolved = []
    for span in spans:
        partial = span.yearless
        when = _in_year(partial, years) if partial and partial.month \
            and partial.short_year is None else None
        if partial is None:
            resolved.append(span)
        elif when:
            resolved.append(DateSpan(span.start, span.end, (("when", when),)))
        else:
            resolved.append(DateSpan(span.start, span.end, (("cert", "low"),), yearless=partial))
    return resolved


def _in_year(partial: Partial, years: set[str]) -> str | None:
    """The day in the context's one year, or None (no year, several years, 29 February)."""
    if len(years) != 1 or partial.month is None:
        return None
    try:
        return _ymd(int(next(iter(years))), partial.month, partial.day)
    except ValueError:
        return None
