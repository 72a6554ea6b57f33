"""Deciding an article's publication date, with the evidence and any conflict between sources.

Precedence: a date printed in the text, then one in the url, then the analyst's catalog,
then inference from dated events the article refers to. Inference gives a window of
possible dates; it settles the date only when the window is a single day. A catalog
date outside that window, or one that contradicts a printed date, is a conflict.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from peacetalks.sources.catalog import CatalogEntry, Event
from peacetalks.parse.dates import WEEKDAYS, date_in_url, month_day_mentions
from peacetalks.parse.page import ParsedArticle
from peacetalks.sentences import split_sentences

OPEN_START = dt.date.min
OPEN_END = dt.date.max
Interval = tuple[dt.date, dt.date]

_DAY = dt.timedelta(days=1)
_CONTEXT_BEFORE, _CONTEXT_AFTER = 70, 40
_WEEKDAY_CUE = re.compile(r"\b(?:on |last )?(" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIONS: list[tuple[str, re.Pattern[str]]] = [
    ("last month", re.compile(r"\blast month", re.I)),
    ("the weekend", re.compile(r"\b(?:over|at|during|last) the weekend|\blast weekend", re.I)),
    ("yesterday", re.compile(r"\byesterday", re.I)),
    ("last week", re.compile(r"\blast week", re.I)),
    ("a week to go", re.compile(r"\b(?:about |around |some )?a week (?:to go|before|ahead)", re.I)),
    ("next week", re.compile(r"\b(?:next|coming) week", re.I)),
    ("upcoming", re.compile(r"\b(?:next|upcoming|planned|scheduled|due to|expected to|will|to attend|ahead of|forthcoming)\b", re.I)),
]
_PAST_SAYING = re.compile(r"\b(?:said|says|announced|told|stated|declared|met|held|on)\s*$", re.I)


@dataclass(frozen=True)
class Constraint:
    """Where the publication date may lie by one reference in the text: one interval per event it may mean."""

    options: tuple[tuple[Interval, str], ...]
    quote: str
    relation: str

    @property
    def intervals(self) -> tuple[Interval, ...]:
        return tuple(sorted(interval for interval, _ in self.options))

    def width(self) -> int:
        return sum(min((end - start).days, 100_000) for start, end in self.intervals)

    def describe(self, window: Interval | None = None) -> str:
        """The quote, how it places the article, and the events it can mean (within `window`, if given)."""
        names = [name for (start, end), name in self.options
                 if window is None or (start <= window[1] and window[0] <= end)]
        return f'"{self.quote}" ({self.relation}: {" or ".join(dict.fromkeys(names))})'


@dataclass
class DateDecision:
    """The publication date with its basis and evidence; the inferred window when there is one; conflicts found."""

    published: dt.date | None
    basis: str
    evidence: str | None
    window: Interval | None = None
    conflicts: list[str] = field(default_factory=list)


def _intersect(a: tuple[Interval, ...], b: tuple[Interval, ...]) -> tuple[Interval, ...]:
    result = []
    for a_start, a_end in a:
        for b_start, b_end in b:
            start, end = max(a_start, b_start), min(a_end, b_end)
            if start <= end:
                result.append((start, end))
    return tuple(sorted(set(result)))


def _shift(date: dt.date, days: int) -> dt.date:
    try:
        return date + dt.timedelta(days=days)
    except OverflowError:
        return OPEN_END if days > 0 else OPEN_START


def _month_after(date: dt.date) -> Interval:
    first = (date.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    last = (first + dt.timedelta(days=32)).replace(day=1) - _DAY
    return first, last


def _relation_interval(relation: str, event: Event) -> Interval:
    """Where publication lies for an event referred to with `relation`."""
    start, end = event.start, event.end
    return {
        "last month": _month_after(start),
        "the weekend": (_shift(end, 1), _shift(end, 7)),
        "yesterday": (_shift(end, 1), _shift(end, 1)),
        "last week": (_shift(end, 1), _shift(end, 13)),
        "weekday": (_shift(end, 1), _shift(end, 6)),
        "a week to go": (_shift(start, -10), _shift(start, -4)),
        "next week": (_shift(start, -13), _shift(start, -1)),
        "upcoming": (OPEN_START, _shift(start, -1)),
        "past": (start, OPEN_END),
    }[relation]


def _context(sentence: str, start: int, end: int) -> tuple[str, str]:
    """The clause around a mention: up to the nearest comma or semicolon, within a few words."""
    before = re.split(r"[,;(\u2014]", sentence[max(0, start - _CONTEXT_BEFORE):start])[-1]
    after = re.split(r"[,;)\u2014]", sentence[end:end + _CONTEXT_AFTER])[0]
    return before, after


def _quote(sentence: str, start: int, end: int) -> str:
    """A few whole words around a mention, for the evidence."""
    left = re.search(r"(?:\S+\s+){0,6}$", sentence[:start])
    right = re.match(r"(?:\s*\S+){0,4}", sentence[end:])
    return (left.group(0) + sentence[start:end] + right.group(0)).strip()


def _relation(before: str, after: str, event: Event) -> str:
    around = f"{before} | {after}"
    for name, pattern in _RELATIONS:
        if pattern.search(around):
            return name
    weekday = _WEEKDAY_CUE.search(after) or _WEEKDAY_CUE.search(before)
    if weekday and WEEKDAYS[event.end.weekday()] == weekday.group(1).lower():
        return "weekday"
    return "past"


def _event_constraints(sentence: str, events: list[Event]) -> list[Constraint]:
    constraints = []
    lowered = sentence.lower()
    by_place: dict[str, list[Event]] = {}
    for event in events:
        by_place.setdefault(event.place.lower(), []).append(event)
    for place, candidates in by_place.items():
        for match in re.finditer(r"\b" + re.escape(place) + r"\b", lowered):
            near = lowered[max(0, match.start() - 40):match.end() + 40]
            relations: dict[str, list[tuple[Interval, str]]] = {}
            for event in candidates:
                if not any(re.search(r"\b" + re.escape(k), near) for k in event.keywords):
                    continue
                before, after = _context(sentence, match.start(), match.end())
                relation = _relation(before, after, event)
                relations.setdefault(relation, []).append((_relation_interval(relation, event), event.name))
            for relation, options in relations.items():
                constraints.append(Constraint(tuple(options), _quote(sentence, match.start(), match.end()), relation))
    for month, day, day2, match in month_day_mentions(sentence):
        for event in events:
            if (event.start.month, event.start.day) == (month, day) and (day2 is None or event.end.day == day2):
                before, after = _context(sentence, match.start(), match.end())
                relation = _relation(before, after, event)
                constraints.append(Constraint(((_relation_interval(relation, event), event.name),),
                                              _quote(sentence, match.start(), match.end()), relation))
    return constraints


def _bare_dates(sentences: list[str], window: Interval) -> list[Constraint]:
    """Month-day dates said to be past ("said on Jan. 7"), placed in the year the window allows."""
    constraints = []
    if window[1] == OPEN_END:
        return constraints
    for sentence in sentences:
        for month, day, day2, match in month_day_mentions(sentence):
            if not _PAST_SAYING.search(sentence[:match.start()]):
                continue
            for year in (window[1].year, window[1].year - 1):
                try:
                    date = dt.date(year, month, day2 or day)
                except ValueError:
                    break
                if date < window[1]:
                    constraints.append(Constraint((((_shift(date, 1), OPEN_END), f"{date.isoformat()} is past"),),
                                                  _quote(sentence, match.start(), match.end()), "a date said to be past"))
                    break
    return constraints


def infer_window(body: str, events: list[Event]) -> tuple[Interval | None, list[str]]:
    """The window of publication dates the article's references to dated events allow, and the evidence.

    Evidence is combined from the most specific to the least; a reference that contradicts
    what is already established (an event the table lacks, say) is set aside and said so.
    """
    if not events:
        return None, []  # every piece of evidence is a reference to a dated event
    sentences = [s.text for s in split_sentences(body)]
    constraints = [c for sentence in sentences for c in _event_constraints(sentence, events)]
    if not constraints:
        return None, []
    window: tuple[Interval, ...] = ((OPEN_START, OPEN_END),)
    used: list[Constraint] = []
    unused: list[Constraint] = []

    def combine(candidates: list[Constraint]) -> None:
        nonlocal window
        for constraint in sorted(candidates, key=Constraint.width):
            narrowed = _intersect(window, constraint.intervals)
            if narrowed:
                window = narrowed
                used.append(constraint)
            else:
                unused.append(constraint)

    combine(constraints)
    combine(_bare_dates(sentences, (window[0][0], window[-1][1])))
    hull = (window[0][0], window[-1][1])
    evidence = [f"refers to {c.describe(hull)}" for c in used]
    evidence += [f"set aside, as it contradicts the rest: {c.describe()}" for c in unused]
    return hull, evidence


def describe_window(window: Interval) -> str:
    start, end = window
    if start == OPEN_START:
        return f"on or before {end.isoformat()}"
    if end == OPEN_END:
        return f"on or after {start.isoformat()}"
    return f"between {start.isoformat()} and {end.isoformat()}"


_YEAR_REFERENCE = re.compile(r"(?:19|20)\d\d(?!\w)")  # (opens with a digit sre skips to; the start is checked below)
LATEST_YEAR_GAP = 8
"""A printed date more years than this after every year the article itself mentions is not its date: a
current-date widget or a crawl date (an article of 2019 may still name only 2011, the war's first year)."""


def _printed_date_conflict(printed: dt.date, body: str, events: list[Event], corroborated: bool = False) -> str | None:
    """Why a printed date contradicts what the article reports, or None when it does not.

    A date `corroborated` by a second, independent statement of the page (the date in its address, a
    saved page's own publication metadata) is not doubted for the years the article mentions: an
    article may well be about events long past. The window of dated events still applies."""
    years = [int(match.group()) for match in _YEAR_REFERENCE.finditer(body)
             if not match.start() or not body[match.start() - 1].isalnum() and body[match.start() - 1] != "_"]
    if years and not corroborated and printed.year > max(years) + LATEST_YEAR_GAP:
        return (f"printed date {printed} is {printed.year - max(years)} years after the latest year the article "
                f"mentions ({max(years)}): taken for page furniture, not as the article's date")
    if events:
        window, evidence = infer_window(body, events)
        if window and not window[0] <= printed <= window[1]:
            return (f"printed date {printed} is outside the window the article's dated events allow "
                    f"({describe_window(window)}: {'; '.join(evidence)}): not taken as its date")
    return None


def decide_date(parsed: ParsedArticle, catalog: CatalogEntry | None, events: list[Event],
                corroborated: bool = False) -> DateDecision:
    """The publication date of one article by the precedence above, with conflicts named.

    A printed date that contradicts the article itself (years long after every year it mentions, or
    outside the window its dated events allow) is a conflict, and the date is decided without it.
    `corroborated`: the printed date was confirmed by the page's own metadata (a saved HTML page).
    """
    conflicts: list[str] = []
    url_date = date_in_url(parsed.url)
    printed = parsed.printed_date
    if printed is not None:
        # (a date under a "Published" label is the publication stamp, not a widget's: the years the article
        # looks back to do not make it doubtful; the window of its dated events still applies)
        contradiction = _printed_date_conflict(printed.date, parsed.body, events,
                                               corroborated or printed.date == url_date or parsed.published_label)
        if contradiction:
            conflicts.append(contradiction)
            printed = None
    catalog_date = catalog.published if catalog else None
    if printed is not None:
        decision = DateDecision(printed.date, "text", f'printed "{printed.text}"')
        if url_date and url_date != printed.date:
            conflicts.append(f"printed date {printed.date} differs from the date in its url {url_date}")
    elif url_date is not None:
        decision = DateDecision(url_date, "url", f"in its url {parsed.url}")
    else:
        decision = DateDecision(None, "unknown", None)
    if catalog_date and decision.published and catalog_date != decision.published:
        conflicts.append(f"{catalog.origin} date {catalog_date} contradicts the {decision.basis} date {decision.published}")
    if decision.published is None:
        window, evidence = infer_window(parsed.body, events)
        decision.window = window
        summary = "; ".join(evidence)
        if catalog_date is not None:
            decision = DateDecision(catalog_date, "catalog", f"{catalog.origin}: {catalog.evidence}", window)
            if window and not window[0] <= catalog_date <= window[1]:
                conflicts.append(f"{catalog.origin} date {catalog_date} is outside the window the text allows "
                                 f"({describe_window(window)}: {summary})")
        elif window and window[0] == window[1]:
            decision = DateDecision(window[0], "inferred", summary, window)
        if window:
            note = f"inferred window {describe_window(window)}: {summary}"
            decision.evidence = f"{decision.evidence}; {note}" if decision.evidence else note
    decision.conflicts = conflicts
    return decision
