"""Dates without a year, resolved from the document they stand in (issue 14).

Diaries and letters leave out what the reader knows: an entry heading says
``Thursday 7th`` or ``Tuesday 14 Sept.``, a letter answers ``yours of the 3d
inst.``. Such a date takes its month and year from the nearest heading or
dateline date before it in the document (``Saturday July 1st. 1820``, ``Salem,
Apl 17th 1819.``, and the entry headings resolved so: ``Sunday 2``), or, before
any, from the document's own date (the metadata key ``text.date``). A date the
running text mentions (``shown in March 1821``) resolves from that context but
does not move it: it is about another time. How sure the value is, is said in
``@cert``:

- ``high``: a weekday was written and the date found falls on it;
- ``medium``: taken from the context with nothing to confirm it;
- ``low``: a weekday was written and no date near the context falls on it (the
  nearest is given), or there is no context at all (no value then).

A two-digit year (``7.1.32``) takes the century that puts it nearest the
context. A day and month alone take the year that puts them nearest the context date
(``Dec. 28`` after ``Jan. 2 1858`` is 1857). A weekday and a day take the
month that puts them nearest after the context date (``Monday 2`` after
``Saturday 31 Jan.`` is 2 February). ``inst.``, ``ult.`` and ``prox.`` count
months from the context: a letter's dateline, else the document's own date.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from .dates import DateSpan, Partial

#: The farthest a weekday and day may lie from the context date (days): a diary rarely
#: skips more than a couple of months between two dated entries.
_WINDOW = 75


@dataclass
class DateContext:
    """The date a document has reached so far (year, month and perhaps day)."""

    last: dt.date | None = None
    #: The document's own date (metadata ``text.date``), for ``inst.`` and before any date.
    document: dt.date | None = None

    @classmethod
    def of(cls, document_date: str | None) -> "DateContext":
        """A context that starts at the document's date (``YYYY``, ``YYYY-MM`` or a day)."""
        start = parse_iso(document_date) if document_date else None
        return cls(start, start)

    def advance(self, attrs: tuple[tuple[str, str], ...]) -> None:
        """Move the context to a date that names at least a month and a year; a year alone
        (``born in 1790``) is too vague to date the entries after it."""
        values = dict(attrs)
        value = values.get("when") or values.get("from")
        if value and len(value) >= 7:
            self.last = parse_iso(value)

    def resolve(self, span: DateSpan, anchor: bool = True) -> DateSpan:
        """The span with a value from the context (and ``cert``), or ``cert="low"`` and none.
        An ``anchor`` (a heading's or dateline's date) moves the context to its date."""
        partial = span.yearless
        if partial is None:
            if anchor:
                self.advance(span.attrs)
            return span
        base = self.last or self.document
        found = _resolve(partial, base) if base else None
        if found is None:
            return replace(span, attrs=(("cert", "low"),), yearless=None)
        day, cert = found
        if anchor:
            self.last = day
        return replace(span, attrs=(("when", day.isoformat()), ("cert", cert)), yearless=None)


def parse_iso(value: str) -> dt.date:
    """The first day an ISO date stands for (``1820`` -> 1820-01-01, ``1820-07`` -> 07-01)."""
    parts = [int(p) for p in value[:10].split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _resolve(partial: Partial, base: dt.date) -> tuple[dt.date, str] | None:
    if partial.short_year is not None and partial.month is not None:
        # ``7.1.32``: the century that puts the year nearest the context's.
        years = [c + partial.short_year for c in (base.year // 100 * 100 - 100,
                                                   base.year // 100 * 100,
                                                   base.year // 100 * 100 + 100)]
        day = _day(min(years, key=lambda y: abs(y - base.year)), partial.month, partial.day)
        return (day, "medium") if day else None
    if partial.relative is not None:
        day = _day(base.year, base.month + partial.relative, partial.day)
        return (day, "medium") if day else None
    if partial.month is not None:
        options = [d for y in (base.year - 1, base.year, base.year + 1)
                   if (d := _day(y, partial.month, partial.day))]
        if not options:
            return None
        nearest = min(options, key=lambda d: abs((d - base).days))
        if partial.weekday is not None:
            matching = [d for d in options if d.weekday() == partial.weekday]
            if matching:
                return min(matching, key=lambda d: abs((d - base).days)), "high"
            return nearest, "low"  # the weekday contradicts every year near the context
        return nearest, "medium"
    # A weekday and a day: the nearest such day after the context (a few days back allowed:
    # a diary may date an entry written up later).
    options = [d for shift in (-1, 0, 1, 2)
               if (d := _day(base.year, base.month + shift, partial.day))
               and -7 <= (d - base).days <= _WINDOW]
    if not options:
        return None
    matching = [d for d in options if partial.weekday is None or d.weekday() == partial.weekday]
    if matching:
        return min(matching, key=lambda d: abs((d - base).days)), "high"
    return min(options, key=lambda d: (d < base, abs((d - base).days))), "low"


def _day(year: int, month: int, day: int) -> dt.date | None:
    """The date, with months beyond 1-12 carried into the next or previous year; None when
    the month has no such day."""
    year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
    if day > calendar.monthrange(year, month)[1]:
        return None
    return dt.date(year, month, day)
