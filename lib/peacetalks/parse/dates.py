"""Publication dates and the evidence for them: printed dates, dates in a url, and month-day mentions.

Dates are found with explicit patterns for the forms outlets print, then checked by
`datetime.date`. A general date searcher (dateparser.search_dates) also reads "since 2011"
and footers as dates, and dateutil's `dayfirst` flips ISO dates (2017-02-12 -> 2017-12-02),
so neither decides here: a wrong date is worse than none.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacetalks.text import fold, folded_pattern

MONTHS = {
    name: number
    for number, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"


# Each pattern names its groups year, month, day; the order of the list is the order tried. Each is
# case-insensitive, compiled to match folded text (text.folded_pattern).
_DATE_PATTERNS = [folded_pattern(source) for source in (
    # 2014-12-16, 2014/12/16
    r"\b(?P<year>(?:19|20)\d\d)[-/](?P<mnum>\d{1,2})[-/](?P<day>\d{1,2})(?:\b|(?=t\d\d:))",  # (2014-12-16T09:30)
    # 16.12.2014, 16-12-2014 (day first, as outlets outside the US print them)
    r"\b(?P<day>\d\d?)[.-](?P<mnum>\d{1,2})[.-]" + _YEAR + r"(?!\d)",
    # December 16, 2014; Dec. 16 2014; Nov 022017 (digits run together in some dumps)
    r"\b" + _MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,\s*|\s+|(?=(?:19|20)\d\d))" + _YEAR + r"\b",
    # 16 December 2014; 16 Dec. 2014; 5th of July, 2015
    r"\b(?P<day>\d\d?)(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH + r",?\s+" + _YEAR + r"\b",
    # 11/09/2016: day first or month first, settled by a part over 12 or by a weekday printed before it
    r"\b(?P<first>\d\d?)/(?P<second>\d\d?)/" + _YEAR + r"(?![\d/])",
)]
_WEEKDAY_BEFORE = re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*$")


def _slashed_date(year: str, first: str, second: str, before: str, order: str | None = None) -> dt.date | None:
    """The date of "first/second/year" when the page settles the order; None when it does not.

    One part over 12 is the day. Otherwise a weekday printed just before the date ("Sunday 11/09/2016",
    "Tue, 08/04/2015") settles it when it fits one reading only, and with no weekday before it the page's
    own `order` ("dmy" or "mdy", see numeric_order) does. Anything else stays unresolved: a wrong date is
    worse than none.
    """
    day_first = _make_date(year, second, first)
    month_first = _make_date(year, first, second)
    if day_first is None or month_first is None or day_first == month_first:
        return day_first or month_first
    weekday = _WEEKDAY_BEFORE.search(before[-14:])
    if weekday:
        fits = [d for d in (day_first, month_first) if WEEKDAYS[d.weekday()].startswith(weekday.group(1))]
        if len(fits) == 1:
            return fits[0]
        return None  # a weekday that fits neither reading (or both) settles nothing
    if order == "dmy":
        return day_first
    if order == "mdy":
        return month_first
    return None


# Time zones of regions that print dates day first (the UK and Ireland, continental Europe, Russia, Turkey, Iran,
# India, Pakistan, Hong Kong, Singapore, Australia, New Zealand) or month first (the United States and Canada);
# a time in GMT or UTC says nothing of the order.
_DAY_FIRST_ZONES = frozenset("bst cet cest eet eest wet west msk trt irst ist pkt hkt sgt aest aedt awst nzst nzdt".split())
_MONTH_FIRST_ZONES = frozenset("est edt cdt pst pdt mst mdt akst akdt hst et pt".split())
# every time zone a stamp may print after its time (the two above, and those that say nothing of the order)
TIME_ZONES = _DAY_FIRST_ZONES | _MONTH_FIRST_ZONES | frozenset("gmt utc ct cst ast".split())
_ZONE_AFTER = re.compile(r"\s*(?:,|at|-|\|)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?\s*)?("
                         + "|".join(sorted(_DAY_FIRST_ZONES | _MONTH_FIRST_ZONES, key=len, reverse=True)) + r")\b")
_SLASHED = re.compile(r"\b(\d\d?)/(\d\d?)/((?:19|20)\d\d)(?![\d/])")


def numeric_order(text: str, url_date: dt.date | None = None) -> str | None:
    """How the page prints its numeric dates, "dmy" (08/05/2013 is 8 May) or "mdy" (May 8), when it
    prints a slashed date whose order nothing in it settles and the page's other dates agree on one
    order; None otherwise.

    The evidence: another slashed date with a part over 12 ("Updated 13/05/2013"), one a weekday settles
    ("Mon 07/12/2026"), the date in the page's address when it is one reading of the date, and the order of
    the dates the page spells out ("7 December 2026" day first, "December 7, 2026" month first). Any
    disagreement leaves the order unsettled: a wrong date is worse than none.
    """
    if "/" not in text:
        return None
    evidence: set[str] = set()
    ambiguous = []
    folded = fold(text)
    for match in _SLASHED.finditer(folded):
        first, second, year = int(match.group(1)), int(match.group(2)), match.group(3)
        if first > 12 >= second:
            evidence.add("dmy")
        elif second > 12 >= first:
            evidence.add("mdy")
        elif first != second and first and second:
            settled = _slashed_date(year, match.group(1), match.group(2), folded[max(0, match.start() - 14):match.start()])
            if settled is not None:
                evidence.add("dmy" if settled.day == first else "mdy")
            else:
                ambiguous.append((_make_date(year, second, first), _make_date(year, first, second)))
    if not ambiguous:
        return None
    for match in _SLASHED.finditer(folded):
        zone = _ZONE_AFTER.match(folded, match.end())
        if zone:  # "03/05/2016 18:40 BST": the clock's zone is the region's, and so is its order of dates
            evidence.add("dmy" if zone.group(1) in _DAY_FIRST_ZONES else "mdy")
    if url_date is not None:
        for day_first, month_first in ambiguous:
            if url_date == day_first:
                evidence.add("dmy")
            elif url_date == month_first:
                evidence.add("mdy")
    if _DATE_PATTERNS[2].search(folded):
        evidence.add("mdy")  # December 7, 2026
    if _DATE_PATTERNS[3].search(folded):
        evidence.add("dmy")  # 7 December 2026
    return evidence.pop() if len(evidence) == 1 else None

# A month and day without a year: "Jan. 7", "March 24", "Jan. 26-29", "on 7 January".
MONTH_DAY = re.compile(
    r"\b" + _MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*(?P<day2>\d{1,2}))?\b(?!,?\s*(?:19|20)\d\d)"
    r"|\b(?P<dayfirst>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b(?!\.?,?\s*(?:19|20)\d\d)",
    re.I,
)

_URL_DATE = re.compile(r"/(?P<year>(?:19|20)\d\d)[/-](?P<mnum>\d{1,2})[/-](?P<day>\d{1,2})(?:/|-|$)"
                       r"|/(?P<compact>(?:19|20)\d{6})(?:/|$)")


@dataclass(frozen=True)
class FoundDate:
    """A date found in text, where it stood, and the words that printed it."""

    date: dt.date
    start: int
    end: int
    text: str


def _make_date(year: str, month: int | str, day: str) -> dt.date | None:
    try:
        month_number = int(month) if str(month).isdigit() else MONTHS[str(month).lower().rstrip(".")]
        return dt.date(int(year), month_number, int(day))
    except (ValueError, KeyError):
        return None


_YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


_WITHOUT_SLASHED = _DATE_PATTERNS[:4]
_NUMERIC = [*_DATE_PATTERNS[:2], _DATE_PATTERNS[4]]


def _patterns_that_may_match(text: str) -> list[re.Pattern[str]]:
    """The date patterns worth running on `text`: every one needs a year, those with a month
    name need one of the month stems (checked on ASCII text only, where lower() is exact), and the
    slashed one a slash."""
    if not _YEAR_ANYWHERE.search(text):
        return []
    if text.isascii():
        lowered = text.lower()
        if not any(stem in lowered for stem in _MONTH_STEMS):
            return _NUMERIC if "/" in text else _DATE_PATTERNS[:2]
    return _DATE_PATTERNS if "/" in text else _WITHOUT_SLASHED


def find_dates(text: str, order: str | None = None) -> list[FoundDate]:
    """Every full date (day, month and year) printed in `text`, in order of position, without overlaps;
    `order` ("dmy" or "mdy") is how the page prints numeric dates, when it settles that (numeric_order)."""
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []
    patterns = _patterns_that_may_match(text)
    folded = fold(text) if patterns else text
    for pattern in patterns:
        for match in pattern.finditer(folded):
            start, end = match.span()
            if any(start < taken_end and taken_start < end for taken_start, taken_end in taken):
                continue
            parts = match.groupdict()
            if parts.get("first"):
                date = _slashed_date(parts["year"], parts["first"], parts["second"], folded[max(0, start - 14):start],
                                     order)
            else:
                date = _make_date(parts["year"], parts.get("mnum") or parts.get("month"), parts["day"])
            if date is not None:
                found.append(FoundDate(date, start, end, text[start:end]))
                taken.append((start, end))
    return sorted(found, key=lambda d: d.start)


def date_in_url(url: str | None) -> dt.date | None:
    """The date in an article's address (`/2014/12/16/`, `/2014-12-16-`, `/20141216/`), if any."""
    if not url:
        return None
    match = _URL_DATE.search(url)
    if not match:
        return None
    if match.group("compact"):
        digits = match.group("compact")
        return _make_date(digits[:4], digits[4:6], digits[6:])
    return _make_date(match.group("year"), match.group("mnum"), match.group("day"))


def month_day_mentions(text: str) -> list[tuple[int, int, int | None, re.Match[str]]]:
    """(month, day, last day of a range or None, match) for each date printed without a year."""
    mentions = []
    for match in MONTH_DAY.finditer(text):
        if match.group("month"):
            month, day, day2 = MONTHS[match.group("month").lower().rstrip(".")], match.group("day"), match.group("day2")
        else:
            month, day, day2 = MONTHS[match.group("month2").lower()], match.group("dayfirst"), None
        day_number = int(day)
        if 1 <= day_number <= 31:
            mentions.append((month, day_number, int(day2) if day2 else None, match))
    return mentions



# A month, a day or a span of days, and a year: "January 23-24, 2017", "March 3, 2016", "3-5 March 2016".
_DAYS_WITH_YEAR = re.compile(
    r"\b" + _MONTH + r"\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:\s*[-\u2013]\s*(?P<day2>\d{1,2}))?,?\s+" + _YEAR + r"\b"
    r"|\b(?P<dayfirst>\d{1,2})(?:\s*[-\u2013]\s*(?P<dayfirst2>\d{1,2}))?\s+(?P<month2>"
    + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?,?\s+(?P<year2>(?:19|20)\d\d)\b",
    re.I,
)


def year_of_month_day(month: int, day: int, text: str, reach: int = 7) -> dt.date | None:
    """The date of a month and day printed without a year ("TEHRAN, Jan. 24 (Agency) -"), completed with
    the year of a dated mention of the same month within `reach` days in `text` ("the talks of January
    23-24, 2017"); None when there is none, or when such mentions give different years."""
    years = set()
    for match in _DAYS_WITH_YEAR.finditer(text):
        if match.group("month"):
            name, first, last, year = match.group("month"), match.group("day"), match.group("day2"), match.group("year")
        else:
            name, first, last = match.group("month2"), match.group("dayfirst"), match.group("dayfirst2")
            year = match.group("year2")
        if MONTHS[name.lower().rstrip(".")] != month:
            continue
        low, high = int(first), int(last or first)
        if low - reach <= day <= high + reach:
            years.add(int(year))
    if len(years) != 1:
        return None
    return _make_date(str(years.pop()), month, str(day))
