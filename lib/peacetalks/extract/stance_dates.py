"""When a stance was held: a time phrase in its clause resolved against the publication date, or the
publication date itself (see the dating convention in `peacetalks.extract.stances`)."""
from __future__ import annotations

import datetime as dt
import re

from dateutil.relativedelta import relativedelta

from peacetalks.parse.dates import MONTHS

EARLIER_BASIS = "published; placed earlier, undated"


_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")


_TIME = re.compile(
    rf"(?P<md>\b(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})(?!\d)(?:,?\s+(?P<y1>(?:19|20)\d\d))?)"
    rf"|(?P<dm>\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
    rf"|(?P<inm>\bin\s+(?P<m3>{_MONTH})(?:,?\s+(?P<y3>(?:19|20)\d\d))?\b)"
    r"|(?P<last>\blast\s+(?P<unit>month|year|week)\b)",
)


# every _TIME match has "last" or the first three letters of a month: a search for these, many times
# faster than _TIME's, tells most stretches have no time phrase
_TIME_TOKEN = re.compile(r"last|Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")


_TIME_BLOCKERS = re.compile(r"\b(?:since|until|till|from|by|before|through|began|begun|started|erupted)\s*$", re.IGNORECASE)


_RELATIVE = re.compile(r"\b(?:that|which|who|where)\b", re.IGNORECASE)


def date_stance(published: dt.date | None, time: tuple[dt.date, str] | None,
                earlier: str | None) -> tuple[str | None, str]:
    """(as_of, as_of_basis) for a stance: a resolved date in the text, else the publication date."""
    if time is not None:
        return time[0].isoformat(), f'text: "{time[1]}"'
    if published is None:
        return None, "unknown"
    if earlier:
        return published.isoformat(), f'{EARLIER_BASIS}: "{earlier}"'
    return published.isoformat(), "published"


def resolve_time(match: re.Match[str], published: dt.date) -> dt.date | None:
    """The date a time phrase names, relative to the publication date; None when it is later than publication."""
    if match.group("last"):
        unit = match.group("unit").lower()
        if unit == "week":
            return published - dt.timedelta(days=7)
        if unit == "month":
            return (published.replace(day=1) - relativedelta(months=1))
        return dt.date(published.year - 1, 1, 1)
    month_text = match.group("m1") or match.group("m2") or match.group("m3")
    month = MONTHS[month_text.lower().rstrip(".")]
    year_text = match.group("y1") or match.group("y2") or match.group("y3")
    day_text = match.group("d1") or match.group("d2")
    day = int(day_text) if day_text else 1
    try:
        if year_text:
            date = dt.date(int(year_text), month, day)
        else:
            date = dt.date(published.year, month, day)
            if date > published:
                if day_text and (date - published).days <= 62:
                    return None  # a date just ahead: an announced event, not when the stance was taken
                date = dt.date(published.year - 1, month, day)
    except ValueError:
        return None
    return date if date <= published else None


def find_time(text: str, lo: int, hi: int, cue_end: int, published: dt.date | None) -> tuple[dt.date, str] | None:
    """The first resolvable time phrase between `lo` and `hi` that dates the cue (not one inside a later relative clause)."""
    if published is None or not _TIME_TOKEN.search(text, lo, hi):
        return None
    for match in _TIME.finditer(text, lo, hi):
        if _TIME_BLOCKERS.search(text[max(lo, match.start() - 12):match.start()]):
            continue
        if match.start() > cue_end and _RELATIVE.search(text, cue_end, match.start()):
            break
        date = resolve_time(match, published)
        if date is not None:
            return date, text[match.start():match.end()].strip().removeprefix("in ").strip()
    return None
