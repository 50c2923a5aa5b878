"""Dates: recognition and ISO 8601 normalisation, table-driven (issue 3 asks for 80+ rows)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from teiedition.convert.dates import (LEAD, PATTERN, find_dates, iter_date_matches,
                                     resolve_yearless)

W = "when"
# (text, [(the date's text, its attributes)]); an empty list: no date in the text.
TABLE: list[tuple[str, list[tuple[str, dict[str, str]]]]] = [
    # years
    ("in 1954 the alliance", [("1954", {W: "1954"})]),
    ("the Geneva Conference of 1954.", [("1954", {W: "1954"})]),
    ("By 1957, the advisers", [("1957", {W: "1957"})]),
    ("(1949)", [("1949", {W: "1949"})]),
    ("in 2001 and 1999", [("2001", {W: "2001"}), ("1999", {W: "1999"})]),
    ("since 1917", [("1917", {W: "1917"})]),
    # spans of years
    ("in 1953-1954 the", [("1953-1954", {"from": "1953", "to": "1954"})]),
    ("in 1953–1954 the", [("1953–1954", {"from": "1953", "to": "1954"})]),
    ("the 1953–54 talks", [("1953–54", {"from": "1953", "to": "1954"})]),
    ("in 1954-55", [("1954-55", {"from": "1954", "to": "1955"})]),
    ("in 1999-00", [("1999-00", {"from": "1999", "to": "2000"})]),
    ("The years of 1954 to 1955", [("1954 to 1955", {"from": "1954", "to": "1955"})]),
    ("from 1954 to 1955", [("from 1954 to 1955", {"from": "1954", "to": "1955"})]),
    ("from 1954 until 1956", [("from 1954 until 1956", {"from": "1954", "to": "1956"})]),
    ("between 1951 and 1956", [("between 1951 and 1956", {"from": "1951", "to": "1956"})]),
    ("1945 through 1949", [("1945 through 1949", {"from": "1945", "to": "1949"})]),
    # months and days
    ("in July 1954", [("July 1954", {W: "1954-07"})]),
    ("in May 1954", [("May 1954", {W: "1954-05"})]),
    ("in Sept. 1956", [("Sept. 1956", {W: "1956-09"})]),
    ("on 21 July 1954", [("21 July 1954", {W: "1954-07-21"})]),
    ("on July 21, 1954,", [("July 21, 1954", {W: "1954-07-21"})]),
    ("on July 21 1954", [("July 21 1954", {W: "1954-07-21"})]),
    ("on 1 October 1949", [("1 October 1949", {W: "1949-10-01"})]),
    ("on October 1st, 1949", [("October 1st, 1949", {W: "1949-10-01"})]),
    ("on 2nd February 1950", [("2nd February 1950", {W: "1950-02-02"})]),
    ("on 14 Feb. 1950", [("14 Feb. 1950", {W: "1950-02-14"})]),
    ("on July 21-22, 1954", [("July 21-22, 1954", {"from": "1954-07-21", "to": "1954-07-22"})]),
    ("on 21–22 July 1954", [("21–22 July 1954", {"from": "1954-07-21", "to": "1954-07-22"})]),
    ("from June 20 to June 25, 1960",
     [("from June 20 to June 25, 1960", {"from": "1960-06-20", "to": "1960-06-25"})]),
    ("from June 20 to 25, 1960", [("from June 20 to 25, 1960",
                                   {"from": "1960-06-20", "to": "1960-06-25"})]),
    ("from 20 June to 25 June 1960", [("from 20 June to 25 June 1960",
                                       {"from": "1960-06-20", "to": "1960-06-25"})]),
    ("from March to June 1954", [("from March to June 1954", {"from": "1954-03", "to": "1954-06"})]),
    ("from March 1954 to June 1955", [("from March 1954 to June 1955",
                                       {"from": "1954-03", "to": "1955-06"})]),
    ("from December 1949 until February 1950", [("from December 1949 until February 1950",
                                                 {"from": "1949-12", "to": "1950-02"})]),
    # vague periods
    ("early 1954", [("early 1954", {"notBefore": "1954-01", "notAfter": "1954-04"})]),
    ("Early 1954", [("Early 1954", {"notBefore": "1954-01", "notAfter": "1954-04"})]),
    ("in mid-1956", [("mid-1956", {"notBefore": "1956-05", "notAfter": "1956-08"})]),
    ("late 1958", [("late 1958", {"notBefore": "1958-09", "notAfter": "1958-12"})]),
    ("mid-December 1945", [("mid-December 1945",
                            {"notBefore": "1945-12-11", "notAfter": "1945-12-20"})]),
    ("early March 1953", [("early March 1953", {"notBefore": "1953-03-01", "notAfter": "1953-03-10"})]),
    ("late February 1956", [("late February 1956",
                             {"notBefore": "1956-02-21", "notAfter": "1956-02-29"})]),
    ("late February 1957", [("late February 1957",
                             {"notBefore": "1957-02-21", "notAfter": "1957-02-28"})]),
    ("spring 1955", [("spring 1955", {"notBefore": "1955-03", "notAfter": "1955-05"})]),
    ("in the summer of 1958", [("summer of 1958", {"notBefore": "1958-06", "notAfter": "1958-08"})]),
    ("autumn 1957", [("autumn 1957", {"notBefore": "1957-09", "notAfter": "1957-11"})]),
    ("the fall of 1957", [("fall of 1957", {"notBefore": "1957-09", "notAfter": "1957-11"})]),
    ("winter 1955", [("winter 1955", {"notBefore": "1954-12", "notAfter": "1955-02"})]),
    ("the 1950s", [("1950s", {"notBefore": "1950", "notAfter": "1959"})]),
    ("the 1950's", [("1950's", {"notBefore": "1950", "notAfter": "1959"})]),
    ("the mid-1950s", [("mid-1950s", {"notBefore": "1954", "notAfter": "1956"})]),
    ("the early 1960s", [("early 1960s", {"notBefore": "1960", "notAfter": "1963"})]),
    ("the late 1950s", [("late 1950s", {"notBefore": "1957", "notAfter": "1959"})]),
    ("in the 1900s", [("1900s", {"notBefore": "1900", "notAfter": "1909"})]),
    # several in one sentence
    ("between 1951 and 1956, and again in 1958",
     [("between 1951 and 1956", {"from": "1951", "to": "1956"}), ("1958", {W: "1958"})]),
    ("in July 1954 and in 1955", [("July 1954", {W: "1954-07"}), ("1955", {W: "1955"})]),
    ("from 1954 to 1955 and 1953-1954", [("from 1954 to 1955", {"from": "1954", "to": "1955"}),
                                         ("1953-1954", {"from": "1953", "to": "1954"})]),
    # a day without a year: the paragraph's one year, else no value and cert="low"
    ("On August 23 and on 1 July 1954", [("August 23", {W: "1954-08-23"}),
                                        ("1 July 1954", {W: "1954-07-01"})]),
    ("On August 23 the delegation left", [("August 23", {"cert": "low"})]),
    ("On 23 August, in 1954 or 1955", [("23 August", {"cert": "low"}), ("1954", {W: "1954"}),
                                       ("1955", {W: "1955"})]),
    # impossible dates keep their tag, flagged
    ("on 30 February 1954", [("30 February 1954", {"cert": "low"})]),
    # not dates
    ("five years of being excluded", []),
    ("the First Five-Year Plan", []),
    ("the Twentieth Congress", []),
    ("the seventeenth parallel", []),
    ("156 projects", []),
    ("in 1956, 26 enterprises", [("1956", {W: "1956"})]),
    ("some 1,390 advisers", []),
    ("11,000 Soviet specialists", []),
    ("a ratio of 1954.5", []),
    ("see p. 1954", []),
    ("see pp. 1953-1954", []),
    ("document No. 1955", []),
    ("cost $1954", []),
    ("a 1954%", []),
    ("item 1954/55", []),
    ("the 300-day campaign", []),
    ("20 to 30 members", []),
    ("they may 12 times", []),
    ("March on", []),
    ("May we go", []),
    ("in 999", []),
    ("in 3000", []),
    ("phone 19541955", []),
    ("version 1954b", []),
    ("the Long March", []),
    ("ISBN 0-8047-3484-4", []),
]


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 80
    assert sum(1 for _, expected in TABLE if not expected) >= 20


@pytest.mark.parametrize("text, expected", TABLE, ids=[t for t, _ in TABLE])
def test_dates(text: str, expected) -> None:
    spans = resolve_yearless(find_dates(text), set())
    assert [(text[s.start:s.end], dict(s.attrs)) for s in spans] == expected


def test_year_from_context_is_only_taken_when_unambiguous() -> None:
    spans = resolve_yearless(find_dates("On August 23"), {"1960"})
    assert [dict(s.attrs) for s in spans] == [{W: "1960-08-23"}]
    spans = resolve_yearless(find_dates("On August 23"), {"1960", "1961"})
    assert [dict(s.attrs) for s in spans] == [{"cert": "low"}]


# The date scan starts near digits (iter_date_matches); it must find exactly what trying
# every position finds (PATTERN.finditer).
_PIECES = ["1954", "5", "12th", "21", "1950s", "’s", "-", " - ", "–", "—", " to ", " until ",
           " and ", "from ", "between ", "early", "mid", "Late", "-", " ", "  ", "   ", ",",
           ".", "p. ", "No. ", "$", "%", "/", "September", "Sept.", "March", "May", "spring",
           "Autumn", " of ", "word", "Mao", "the", "1", "19", "x", "\n"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_the_scan_near_digits_finds_what_a_full_scan_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    full = [(m.start(), m.end(), m.lastgroup) for m in PATTERN.finditer(text)]
    assert [(m.start(), m.end(), m.lastgroup) for m in iter_date_matches(text)] == full


@pytest.mark.parametrize("text", ["early-September, 1954", "from September 30 to October 2, "
                                  "1954", "between 1954 and 1956", "Autumn of 1954",
                                  "late September 1954", "mid-1950s"])
def test_the_longest_leads_are_within_the_bound(text: str) -> None:
    """LEAD bounds the characters a form has before its first digit."""
    match = PATTERN.fullmatch(text)
    assert match is not None, text
    first_digit = next(i for i, ch in enumerate(text) if ch.isdigit())
    assert first_digit <= LEAD
    padded = "x " * 40 + text
    assert [m.group() for m in iter_date_matches(padded)] == [text]
