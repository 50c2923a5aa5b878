"""The words of dates, per language: data, not code (issue 14).

A :class:`Language` lists how texts in one language write months, weekdays,
days of the month and the connecting words of spans and vague periods; the
date finder (:mod:`.dates`) builds its patterns from it. Old and abbreviated
forms are listed as letters and diaries wrote them (``Jany``, ``Apl``,
``Septr``, ``Jenner``, ``Xbr``); a form that is an abbreviation may be
followed by a dot. Adding a language is adding a :class:`Language` to
:data:`LANGUAGES`; a text whose language is not listed is read as English.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Language:
    """How one language writes dates."""

    code: str
    #: Full month names, lower-case, in calendar order.
    months: tuple[str, ...]
    #: Abbreviated and old forms of month names (lower-case, without a dot) -> month.
    month_forms: dict[str, int]
    #: Weekday names, lower-case, Monday first.
    weekday_names: tuple[str, ...]
    #: Abbreviated and other forms of weekday names (lower-case, without a dot) -> 0 to 6.
    weekday_forms: dict[str, int]
    #: A regular expression for a day of the month as written, ordinal suffix included.
    day: str
    #: Whether month and weekday names are written in lower case in running text (French);
    #: otherwise only the capitalised form is a date (English ``may`` is a verb).
    lowercase_names: bool = False
    #: Word between a day and the month (``the 3d of July``), if the language has one.
    of: str | None = None
    #: Words between a weekday and its day, kept inside the date (``Thursday the 7th``,
    #: ``Donnerstag, den 3. März``).
    articles: tuple[str, ...] = ()
    #: Words that put a day in the month of the letter's date (``inst.``), the month before
    #: (``ult.``) or after (``prox.``): word (lower-case, without a dot) -> months to add.
    relative: dict[str, int] = field(default_factory=dict)
    #: Whether the forms with the month before the day (``July 21, 1954``) are read.
    month_first: bool = False
    #: Whether numeric day-month-year dates with dots (``18.1.1932``) are read.
    numeric: bool = False
    #: The order of numeric dates with slashes and a year: ``mdy`` (``1/7/32`` is 7 January,
    #: as American letters write), ``dmy``; ``None``: not read.
    slashes: str | None = None
    #: Words after which a day and month in figures without a year (``of 12/28``, ``seit
    #: 7.1``) are a date; at the start of a paragraph (a diary's ``21/8``) they are too.
    #: Elsewhere ``1/2`` is a fraction.
    cues: tuple[str, ...] = ()
    #: What may stand between a day and its month: a space, or nothing after a day's dot
    #: (German ``15.Dezember``).
    day_gap: str = r"\s+"
    #: Words of spans and vague periods (English only so far; see docs/names-and-dates.md).
    periods: bool = False
    #: The words that open a span of days or years and the words that close it, lower-case
    #: (German ``vom 3. bis 5. März 1848``, ``zwischen 1848 und 1850``), for a language
    #: whose periods are not read; the longer words first.
    spans: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())

    def month_names(self) -> dict[str, int]:
        """Every written form of a month (lower-case, without a dot) -> its number."""
        names = {name: i for i, name in enumerate(self.months, 1)}
        names.update(self.month_forms)
        return names

    @property
    def weekdays(self) -> dict[str, int]:
        """Every written form of a weekday (lower-case, without a dot) -> 0 (Monday) to 6."""
        return {name: i for i, name in enumerate(self.weekday_names)} | self.weekday_forms


ENGLISH = Language(
    code="en",
    months=("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december"),
    month_forms={
        "jan": 1, "jany": 1, "janry": 1, "feb": 2, "feby": 2, "febry": 2, "mar": 3,
        "apr": 4, "apl": 4, "aprl": 4, "jun": 6, "jul": 7, "aug": 8, "augt": 8, "sep": 9,
        "sept": 9, "sepr": 9, "septr": 9, "oct": 10, "octr": 10, "nov": 11, "novr": 11,
        "dec": 12, "decr": 12},
    weekday_names=("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                   "sunday"),
    weekday_forms={"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                   "fri": 4, "sat": 5, "sun": 6},
    # 1st 2nd 2d 3rd 3d 4th 23rd 22d: the old ordinals 2d and 3d included.
    day=r"(?:3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th|d)?",
    of="of",
    articles=("the",),
    relative={"inst": 0, "instant": 0, "ult": -1, "ulto": -1, "ultimo": -1, "prox": 1,
              "proximo": 1},
    month_first=True,
    periods=True,
    slashes="mdy",
    cues=("of", "on", "since", "from", "until", "till", "to", "dated", "by", "before", "after",
          "the"),
)

GERMAN = Language(
    code="de",
    months=("januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "dezember"),
    month_forms={
        "jan": 1, "jänner": 1, "jenner": 1, "feb": 2, "febr": 2, "feber": 2, "mär": 3,
        "merz": 3, "märtz": 3, "apr": 4, "aprill": 4, "may": 5, "jun": 6, "jul": 7,
        "july": 7, "aug": 8, "sept": 9, "sep": 9, "7br": 9, "september": 9, "okt": 10,
        "oct": 10, "october": 10, "octob": 10, "octbr": 10, "8br": 10, "nov": 11, "novbr": 11,
        "9br": 11, "dez": 12, "dec": 12, "december": 12, "decbr": 12, "xbr": 12, "10br": 12},
    # The two-letter abbreviations (So, Do, Mi) are left out: they are also common words.
    weekday_names=("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
                   "sonntag"),
    weekday_forms={"sonnabend": 5},
    # 3. | 3ten | 3ter | 3t. | 3sten: the ordinal dot or the old endings.
    day=r"(?:3[01]|[12][0-9]|0?[1-9])(?:\.|ten|ter|te|sten|ste|t\.)?",
    articles=("den", "d."),
    numeric=True,
    slashes="dmy",
    cues=("vom", "am", "seit", "bis", "den", "zum", "ab", "von", "nach", "vor"),
    day_gap=r"\s*",
    spans=(("zwischen", "vom", "von"), ("bis zum", "bis", "und")),
)

FRENCH = Language(
    code="fr",
    months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"),
    month_forms={"janv": 1, "fév": 2, "févr": 2, "fevrier": 2, "avr": 4, "juil": 7,
                 "aout": 8, "sept": 9, "oct": 10, "nov": 11, "déc": 12, "decembre": 12,
                 "7bre": 9, "8bre": 10, "9bre": 11, "xbre": 12},
    weekday_names=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    weekday_forms={},
    day=r"(?:1er|1re|3[01]|[12][0-9]|0?[1-9])",
    lowercase_names=True,
    spans=(("entre", "du", "de"), ("jusqu'au", "jusqu’au", "au", "à", "et")),
)

ITALIAN = Language(
    code="it",
    months=("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
            "settembre", "ottobre", "novembre", "dicembre"),
    month_forms={"genn": 1, "genaro": 1, "febr": 2, "febraro": 2, "apr": 4, "magg": 5,
                 "lug": 7, "ag": 8, "sett": 9, "7bre": 9, "ott": 10, "8bre": 10, "nov": 11,
                 "9bre": 11, "dic": 12, "xbre": 12, "10bre": 12},
    weekday_names=("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato",
                   "domenica"),
    weekday_forms={},
    day=r"(?:1°|1º|3[01]|[12][0-9]|0?[1-9])",
    lowercase_names=True,
    spans=(("dal", "tra", "fra", "da"), ("al", "a", "e")),
)

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (ENGLISH, GERMAN, FRENCH, ITALIAN)}


def language_for(tag: str | None) -> Language:
    """The date grammar of a BCP 47 language tag (``de-AT`` -> German); English otherwise."""
    primary = (tag or "").split("-")[0].lower()
    return LANGUAGES.get(primary, ENGLISH)


def calendar_words() -> tuple[frozenset[str], frozenset[str]]:
    """The month and weekday forms of every language (lower-case, without a dot): the full
    names, and the abbreviations. A number after one of them is a day or a year, never a
    note reference; but a full name with a dot ends a sentence (``in April. 71``)."""
    full: set[str] = set()
    short: set[str] = set()
    for lang in LANGUAGES.values():
        full.update(lang.months)
        short.update(w for w in lang.month_forms if not w[0].isdigit())
        full.update(lang.weekday_names)
        short.update(lang.weekday_forms)
    return frozenset(full), frozenset(short - full)
