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
import re
from dataclasses import dataclass
from typing import Callable, Iterator

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
               "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12})
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|"
          r"Dec\.)")
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?"
_DASH = r"\s*[-–—]\s*"
_QUAL = r"(?:[Ee]arly|[Mm]id|[Ll]ate)"
_SEASON = r"(?:[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter)"


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    attrs: tuple[tuple[str, str], ...]
    #: True for a day and month without a year (resolved later from the paragraph).
    yearless: tuple[int, int] | None = None


def _m(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


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


def _qualified_month(qual: str, month: str, year: str) -> dict[str, str]:
    y, m = int(year), _m(month)
    first, last = _THIRDS[qual.lower()]
    return _range(_ymd(y, m, first), _ymd(y, m, min(last, _last_day(y, m))))


def _decade(qual: str | None, decade: str) -> dict[str, str]:
    start = int(decade)
    first, last = _DECADE_PARTS[qual.lower()] if qual else (0, 9)
    return _range(f"{start + first:04d}", f"{start + last:04d}")


# (form, normaliser). Group names: Y years, M months, D days, Q qualifiers, S seasons, C decades.
_FORMS: list[tuple[str, Callable[..., dict[str, str]]]] = [
    (rf"from (?P<M1>{_MONTH}) (?P<D1>{_DAY}) (?:to|until) (?P<M2>{_MONTH}) (?P<D2>{_DAY}), "
     rf"(?P<Y1>{_YEAR})",
     lambda M1, D1, M2, D2, Y1: _span(_ymd(int(Y1), _m(M1), _d(D1)),
                                      _ymd(int(Y1), _m(M2), _d(D2)))),
    (rf"from (?P<M1>{_MONTH}) (?P<D1>{_DAY}) (?:to|until) (?P<D2>{_DAY}), (?P<Y1>{_YEAR})",
     lambda M1, D1, D2, Y1: _span(_ymd(int(Y1), _m(M1), _d(D1)), _ymd(int(Y1), _m(M1), _d(D2)))),
    (rf"from (?P<D1>{_DAY}) (?P<M1>{_MONTH}) (?:to|until) (?P<D2>{_DAY}) (?P<M2>{_MONTH}) "
     rf"(?P<Y1>{_YEAR})",
     lambda D1, M1, D2, M2, Y1: _span(_ymd(int(Y1), _m(M1), _d(D1)),
                                      _ymd(int(Y1), _m(M2), _d(D2)))),
    (rf"from (?P<M1>{_MONTH}) (?P<Y1>{_YEAR}) (?:to|until) (?P<M2>{_MONTH}) (?P<Y2>{_YEAR})",
     lambda M1, Y1, M2, Y2: _span(_ym(int(Y1), _m(M1)), _ym(int(Y2), _m(M2)))),
    (rf"from (?P<M1>{_MONTH}) (?:to|until) (?P<M2>{_MONTH}) (?P<Y1>{_YEAR})",
     lambda M1, M2, Y1: _span(_ym(int(Y1), _m(M1)), _ym(int(Y1), _m(M2)))),
    (rf"(?:from|between) (?P<Y1>{_YEAR}) (?:to|until|and|through) (?P<Y2>{_YEAR})",
     lambda Y1, Y2: _span(Y1, Y2)),
    (rf"(?P<M1>{_MONTH}) (?P<D1>{_DAY}){_DASH}(?P<D2>{_DAY}),? (?P<Y1>{_YEAR})",
     lambda M1, D1, D2, Y1: _span(_ymd(int(Y1), _m(M1), _d(D1)), _ymd(int(Y1), _m(M1), _d(D2)))),
    (rf"(?P<D1>{_DAY}){_DASH}(?P<D2>{_DAY}) (?P<M1>{_MONTH}),? (?P<Y1>{_YEAR})",
     lambda D1, D2, M1, Y1: _span(_ymd(int(Y1), _m(M1), _d(D1)), _ymd(int(Y1), _m(M1), _d(D2)))),
    (rf"(?P<M1>{_MONTH}) (?P<D1>{_DAY}),? (?P<Y1>{_YEAR})",
     lambda M1, D1, Y1: {"when": _ymd(int(Y1), _m(M1), _d(D1))}),
    (rf"(?P<D1>{_DAY}) (?P<M1>{_MONTH}),? (?P<Y1>{_YEAR})",
     lambda D1, M1, Y1: {"when": _ymd(int(Y1), _m(M1), _d(D1))}),
    (rf"(?P<Q1>{_QUAL})(?:-| )(?P<M1>{_MONTH}),? (?P<Y1>{_YEAR})",
     lambda Q1, M1, Y1: _qualified_month(Q1, M1, Y1)),
    (rf"(?P<M1>{_MONTH}),? (?P<Y1>{_YEAR})",
     lambda M1, Y1: {"when": _ym(int(Y1), _m(M1))}),
    (rf"(?P<S1>{_SEASON}) of (?P<Y1>{_YEAR})", lambda S1, Y1: _season(S1, int(Y1))),
    (rf"(?P<S1>{_SEASON}) (?P<Y1>{_YEAR})", lambda S1, Y1: _season(S1, int(Y1))),
    (rf"(?P<Q1>{_QUAL})(?:-| )(?P<C1>1[0-9]{{2}}0|20[0-9]0)[’']?s",
     lambda Q1, C1: _decade(Q1, C1)),
    (rf"(?P<Q1>{_QUAL})(?:-| )(?P<Y1>{_YEAR})",
     lambda Q1, Y1: _range(_ym(int(Y1), _QUARTERS[Q1.lower()][0]),
                           _ym(int(Y1), _QUARTERS[Q1.lower()][1]))),
    (r"(?P<C1>1[0-9]{2}0|20[0-9]0)[’']?s", lambda C1: _decade(None, C1)),
    (rf"(?P<Y1>{_YEAR}){_DASH}(?P<Y2>{_YEAR})", lambda Y1, Y2: _span(Y1, Y2)),
    (rf"(?P<Y1>{_YEAR}){_DASH}(?P<Y2>[0-9]{{2}})(?![0-9])",
     lambda Y1, Y2: _span(Y1, f"{_short(Y1, Y2):04d}")),
    (rf"(?P<Y1>{_YEAR}) (?:to|until|through) (?P<Y2>{_YEAR})", lambda Y1, Y2: _span(Y1, Y2)),
    (rf"(?P<Y1>{_YEAR})", lambda Y1: {"when": Y1}),
    (rf"(?P<M1>{_MONTH}) (?P<D1>{_DAY})(?![0-9])", None),  # no year: resolved per paragraph
    (rf"(?P<D1>{_DAY}) (?P<M1>{_MONTH})", None),
]

# Not inside a number, a word, or a page reference; not a number followed by a unit.
_BEFORE = r"(?<![\w.,/$£€-])(?<!p\. )(?<!pp\. )(?<!No\. )(?<!no\. )"
_AFTER = r"(?![\w%/])(?!,\d)(?!\.\d)(?![-–]\d)"
PATTERN = re.compile(_BEFORE + "(?:" + "|".join(
    f"(?P<f{i}>{re.sub(r'[?]P<([A-Z][0-9])>', lambda g, i=i: f'?P<f{i}_{g.group(1)}>', form)})"
    for i, (form, _) in enumerate(_FORMS)) + ")" + _AFTER)


_DIGIT = re.compile(r"\d")
#: For each form, its named groups in PATTERN and their names in the form.
_GROUPS = [[(name, name.split("_", 1)[1]) for name in PATTERN.groupindex
            if name.startswith(f"f{i}_")] for i in range(len(_FORMS))]


#: The most characters a date form has before its first digit ("early-September, 1954":
#: 17); the scan for dates starts this far before each digit (tested).
LEAD = 24


def iter_date_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of :data:`PATTERN` in ``text``, as ``PATTERN.finditer`` gives them, found
    faster: every date form has a digit, so the search starts at most :data:`LEAD`
    characters before the next digit instead of trying every position of the text (the
    leading look-behinds made that a quarter of the conversion's time)."""
    pos = 0
    while True:
        digit = _DIGIT.search(text, pos)
        if digit is None:
            return
        # No match starts in [pos, digit - LEAD): it would need a digit after its lead.
        match = PATTERN.search(text, max(pos, digit.start() - LEAD))
        if match is None:
            return
        yield match
        pos = match.end() if match.end() > match.start() else match.end() + 1


def find_dates(text: str) -> list[DateSpan]:
    """The dates of ``text`` with their normalised attributes."""
    spans = []
    for match in iter_date_matches(text):
        index = int((match.lastgroup or "").removeprefix("f"))
        groups = {short: match.group(name) for name, short in _GROUPS[index]
                  if match.group(name) is not None}
        normalise = _FORMS[index][1]
        if normalise is None:
            spans.append(DateSpan(match.start(), match.end(), (),
                                  yearless=(_m(groups["M1"]), _d(groups["D1"]))))
            continue
        try:
            attrs = normalise(**groups)
        except ValueError:  # 30 February: a date in form only; keep it, flagged
            spans.append(DateSpan(match.start(), match.end(), (("cert", "low"),)))
            continue
        spans.append(DateSpan(match.start(), match.end(), tuple(attrs.items())))
    return spans


def resolve_yearless(spans: list[DateSpan], context_years: set[str]) -> list[DateSpan]:
    """Give dates without a year the paragraph's one year, or ``cert="low"`` and no value."""
    years = set(context_years)
    for span in spans:
        for name, value in span.attrs:
            if name in ("when", "from", "to") and len(value) >= 4 and value[:4].isdigit():
                years.add(value[:4])
    resolved = []
    for span in spans:
        when = _in_year(span.yearless, years) if span.yearless else None
        if span.yearless is None:
            resolved.append(span)
        elif when:
            resolved.append(DateSpan(span.start, span.end, (("when", when),)))
        else:
            resolved.append(DateSpan(span.start, span.end, (("cert", "low"),)))
    return resolved


def _in_year(month_day: tuple[int, int], years: set[str]) -> str | None:
    """The day in the context's one year, or None (no year, several years, 29 February)."""
    if len(years) != 1:
        return None
    month, day = month_day
    try:
        return _ymd(int(next(iter(years))), month, day)
    except ValueError:
        return None
