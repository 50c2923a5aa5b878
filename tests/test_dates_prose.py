"""Dates as letters, diaries and newspapers write them, in English, German and French
(issue 14): table-driven, negatives included, and dates without a year resolved from the
document."""

from __future__ import annotations

from dataclasses import replace

import pytest

from teiedition import Provenance, convert, minimal_metadata
from teiedition.convert.datecontext import DateContext
from teiedition.convert.dategrammar import LANGUAGES, language_for
from teiedition.convert.dates import find_dates, resolve_yearless
from teiedition.tei import TEI_NS

W, C = "when", "cert"
# (language, text, [(the date's text, its attributes)]), resolved in a document dated
# DOC (a letter of Saturday 17 April 1819) unless the text has dates of its own.
DOC = "1819-04-17"
TABLE: list[tuple[str, str, list[tuple[str, dict[str, str]]]]] = [
    # English: weekdays, ordinals, old month forms, datelines
    ("en", "Saturday 23 Jan. 1858", [("Saturday 23 Jan. 1858", {W: "1858-01-23"})]),
    ("en", "Bath, July 1st. 1820.", [("July 1st. 1820", {W: "1820-07-01"})]),
    ("en", "Saturday Apl 17th 1819.", [("Saturday Apl 17th 1819", {W: "1819-04-17"})]),
    ("en", "on Feby 3d 1820", [("Feby 3d 1820", {W: "1820-02-03"})]),
    ("en", "on Jany 2d, 1820", [("Jany 2d, 1820", {W: "1820-01-02"})]),
    ("en", "the 22d of Decr 1819", [("22d of Decr 1819", {W: "1819-12-22"})]),
    ("en", "Jan 5 1858", [("Jan 5 1858", {W: "1858-01-05"})]),
    ("en", "Sept 3 1858", [("Sept 3 1858", {W: "1858-09-03"})]),
    ("en", "Octr 12th 1820", [("Octr 12th 1820", {W: "1820-10-12"})]),
    ("en", "Wednesday, the 21st of July, 1820",
     [("Wednesday, the 21st of July, 1820", {W: "1820-07-21"})]),
    ("en", "Monday, March 2d, 1857", [("Monday, March 2d, 1857", {W: "1857-03-02"})]),
    ("en", "on the 23rd of May 1819", [("23rd of May 1819", {W: "1819-05-23"})]),
    ("en", "in Novr 1819", [("Novr 1819", {W: "1819-11"})]),
    ("en", "Sunday, 4 April 1819", [("Sunday, 4 April 1819", {W: "1819-04-04"})]),
    # English: without a year, from the letter's date
    ("en", "your favour of the 3d inst.", [("3d inst.", {W: "1819-04-03", C: "medium"})]),
    ("en", "yours of the 22d ult.", [("22d ult.", {W: "1819-03-22", C: "medium"})]),
    ("en", "on the 2d prox.", [("2d prox.", {W: "1819-05-02", C: "medium"})]),
    ("en", "the 9th instant", [("9th instant", {W: "1819-04-09", C: "medium"})]),
    ("en", "Thursday 22d", [("Thursday 22d", {W: "1819-04-22", C: "high"})]),
    ("en", "Saturday 24", [("Saturday 24", {W: "1819-04-24", C: "high"})]),
    ("en", "Mon. 19", [("Mon. 19", {W: "1819-04-19", C: "high"})]),
    ("en", "Thursday the 15th", [("Thursday the 15th", {W: "1819-04-15", C: "high"})]),
    ("en", "Tuesday 14 Sept.", [("Tuesday 14 Sept.", {W: "1819-09-14", C: "high"})]),
    ("en", "Friday 18 May", [("Friday 18 May", {W: "1819-05-18", C: "low"})]),  # a Tuesday
    ("en", "on May 1st", [("May 1st", {W: "1819-05-01", C: "medium"})]),
    ("en", "Sunday 3", [("Sunday 3", {W: "1819-05-03", C: "low"})]),
    ("en", "on 1/7/32", [("1/7/32", {W: "1832-01-07", C: "medium"})]),
    ("en", "on 12/28/1931", [("12/28/1931", {W: "1931-12-28"})]),
    ("en", "your letter of 12/28", [("12/28", {W: "1818-12-28", C: "medium"})]),
    ("en", "On 4/2 we sailed", [("4/2", {W: "1819-04-02", C: "medium"})]),
    # English: not dates
    ("en", "the 3d chapter", []),
    ("en", "at 6 o'clock", []),
    ("en", "The Sun 4 times", []),
    ("en", "Wed 5 people", []),
    ("en", "May I come on 3 days", []),
    ("en", "12s. 6d. for the cart", []),
    ("en", "No. 4 of the Gazette", []),
    ("en", "St. John 3 16", []),
    ("en", "add 1/2 a cup", []),
    ("en", "le 3 mars 1848", [("1848", {W: "1848"})]),  # French months are not English
    # German
    ("de", "am 3. März 1848", [("3. März 1848", {W: "1848-03-03"})]),
    ("de", "Prag den 17ten July 1815", [("17ten July 1815", {W: "1815-07-17"})]),
    ("de", "den 15.Dezember 1931", [("15.Dezember 1931", {W: "1931-12-15"})]),
    ("de", "im Jenner 1802", [("Jenner 1802", {W: "1802-01"})]),
    ("de", "Donnerstag, den 3. Juni 1819", [("Donnerstag, den 3. Juni 1819", {W: "1819-06-03"})]),
    ("de", "Paris 27 Aug. 1802", [("27 Aug. 1802", {W: "1802-08-27"})]),
    ("de", "am 18.1.1932", [("18.1.1932", {W: "1932-01-18"})]),
    ("de", "im Mai 1848", [("Mai 1848", {W: "1848-05"})]),
    ("de", "am 3ten May", [("3ten May", {W: "1819-05-03", C: "medium"})]),
    ("de", "vom 18.1. nebst", [("18.1.", {W: "1819-01-18", C: "medium"})]),
    ("de", "seit 7.1.32 bereits", [("7.1.32", {W: "1832-01-07", C: "medium"})]),
    # a date that ends with its dot, glued to the next word by the transcription
    ("de", "seit 7.1.fällig", [("7.1.", {W: "1819-01-07", C: "medium"})]),
    ("de", "vom 28.12.bekommen", [("28.12.", {W: "1818-12-28", C: "medium"})]),
    ("de", "Nr. 7.1a", []),
    ("de", "am 1. Xbr 1815", [("1. Xbr 1815", {W: "1815-12-01"})]),
    # spans, with the span words of each language as data
    ("de", "von 1813 bis 1815", [("von 1813 bis 1815", {"from": "1813", "to": "1815"})]),
    ("de", "vom 3. bis 5. März 1848", [("vom 3. bis 5. März 1848",
                                        {"from": "1848-03-03", "to": "1848-03-05"})]),
    ("de", "Vom 3. bis zum 5. März 1848", [("Vom 3. bis zum 5. März 1848",
                                           {"from": "1848-03-03", "to": "1848-03-05"})]),
    ("de", "vom 3. März bis 5. April 1848", [("vom 3. März bis 5. April 1848",
                                             {"from": "1848-03-03", "to": "1848-04-05"})]),
    ("de", "zwischen 1848 und 1850", [("zwischen 1848 und 1850",
                                       {"from": "1848", "to": "1850"})]),
    ("de", "von 10 bis 12 Uhr", []),
    ("de", "am 3. und 5. März 1848", [("5. März 1848", {W: "1848-03-05"})]),
    ("de", "21/8 Skodsborg", [("21/8", {W: "1819-08-21", C: "medium"})]),
    ("de", "die 1/2 Miete", []),
    ("de", "kostet 2.5 Mark", []),
    ("de", "Mit 50 Jahren", []),
    ("de", "Königstrasse 13", []),
    ("de", "So 3 Leute", []),
    # French
    ("fr", "le 3 mars 1848", [("3 mars 1848", {W: "1848-03-03"})]),
    ("fr", "le 1er septembre 1693", [("1er septembre 1693", {W: "1693-09-01"})]),
    ("fr", "Paris, septembre 1693", [("septembre 1693", {W: "1693-09"})]),
    ("fr", "lundi 3 mars 1848", [("lundi 3 mars 1848", {W: "1848-03-03"})]),
    ("fr", "le 12 août", [("12 août", {W: "1819-08-12", C: "medium"})]),
    ("fr", "à Grignan, ce 15 janv. 1696", [("15 janv. 1696", {W: "1696-01-15"})]),
    ("fr", "Décembre 1694", [("Décembre 1694", {W: "1694-12"})]),
    ("fr", "3 brumaire an VII", []),
    ("fr", "le 18 fructidor an V", []),
    ("fr", "la planète Mars 3 fois", []),
    ("fr", "3 mai", [("3 mai", {W: "1819-05-03", C: "medium"})]),
    ("fr", "en 1696", [("1696", {W: "1696"})]),
    ("fr", "du 3 au 5 mars 1848", [("du 3 au 5 mars 1848",
                                    {"from": "1848-03-03", "to": "1848-03-05"})]),
    ("fr", "de 1848 à 1850", [("de 1848 à 1850", {"from": "1848", "to": "1850"})]),
    ("fr", "l'hiver de 1848 à Paris", [("1848", {W: "1848"})]),
    # Italian
    ("it", "dal 3 al 5 marzo 1714", [("dal 3 al 5 marzo 1714",
                                      {"from": "1714-03-03", "to": "1714-03-05"})]),
    ("it", "tra 1714 e 1720", [("tra 1714 e 1720", {"from": "1714", "to": "1720"})]),
    ("it", "da 3 a 5 libri", []),
]


def resolve(language: str, text: str) -> list[tuple[str, dict[str, str]]]:
    context = DateContext.of(DOC)
    spans = [context.resolve(s) for s in resolve_yearless(find_dates(text, language), set())]
    return [(text[s.start:s.end], dict(s.attrs)) for s in spans]


def test_table_is_large_enough() -> None:
    assert len(TABLE) >= 60
    assert sum(1 for _, _, expected in TABLE if not expected) >= 15
    assert {language for language, _, _ in TABLE} >= {"en", "de", "fr"}


@pytest.mark.parametrize("language, text, expected", TABLE, ids=[t for _, t, _ in TABLE])
def test_dates_of_prose(language: str, text: str, expected) -> None:
    assert resolve(language, text) == expected


def test_the_grammar_is_chosen_by_language() -> None:
    assert language_for("de-AT") is LANGUAGES["de"]
    assert language_for("und") is LANGUAGES["en"] and language_for(None) is LANGUAGES["en"]
    assert [s.attrs for s in find_dates("le 3 mars 1848", "fr")] == [(("when", "1848-03-03"),)]
    assert [s.attrs for s in find_dates("3. März 1848", "de")] == [(("when", "1848-03-03"),)]


PROVENANCE = Provenance("diary.txt", "2026-01-15", "0.1.0")
DIARY = """Saturday July 1st. 1820.

Walked to Reading. His picture is to be shown in March 1821.

Sunday 2

Church. Mr. May was married on May 1st.

Monday 31

Hot.

Tues. 1

To Reading, and a letter of the 14th ult.
"""


def dates_of(text: str, **meta) -> list[tuple[str, dict[str, str]]]:
    tree = convert(text, replace(minimal_metadata("diary"), language="en", **meta),
                   PROVENANCE).tree
    return [("".join(d.itertext()), {k: v for k, v in d.attrib.items() if k != "resp"})
            for d in tree.find(f".//{{{TEI_NS}}}body").iter(f"{{{TEI_NS}}}date")]


def test_a_diary_dates_its_entries_from_the_headings_before() -> None:
    assert dates_of(DIARY) == [
        ("Saturday July 1st. 1820", {W: "1820-07-01"}),
        ("March 1821", {W: "1821-03"}),  # running text: it does not move the context
        ("Sunday 2", {W: "1820-07-02", C: "high"}),
        ("May 1st", {W: "1820-05-01", C: "medium"}),
        ("Monday 31", {W: "1820-07-31", C: "high"}),
        ("Tues. 1", {W: "1820-08-01", C: "high"}),  # the month turns
        ("14th ult.", {W: "1820-07-14", C: "medium"}),
    ]


def test_without_a_context_a_date_without_a_year_has_no_value() -> None:
    assert dates_of("Sunday 2\n\nChurch.") == [("Sunday 2", {C: "low"})]
    assert dates_of("Sunday 2\n\nChurch.", date="1820-07") == [
        ("Sunday 2", {W: "1820-07-02", C: "high"})]
