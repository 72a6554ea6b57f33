"""The analyst's files beside the articles: the catalog of known article facts and the table of dated events.

Both are CSV so that an analyst can edit them in a spreadsheet. A malformed row is an error
that names the file and the row, never a silent skip.
"""
from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .problems import InputError

CATALOG_FILE = "catalog.csv"
EVENTS_FILE = "events.csv"
REVIEW_FILE = "review.csv"
"""The analyst's review of the machine's stances (read by review.py)."""
ANALYST_FILES = (CATALOG_FILE, EVENTS_FILE, REVIEW_FILE)
CATALOG_COLUMNS = ("id", "published", "source", "title", "evidence")
EVENTS_COLUMNS = ("event", "start", "end", "place", "keywords", "note")


@dataclass(frozen=True)
class CatalogEntry:
    """What an analyst recorded about one article: its date, and optionally its source or title, with the evidence."""

    id: str
    published: dt.date | None
    source: str | None
    title: str | None
    evidence: str
    origin: str = "catalog"
    """Who recorded it: the analyst's `catalog`, or an `archive` export's own columns."""


@dataclass(frozen=True)
class Event:
    """A dated event that articles refer to. An article refers to it when one sentence names the `place` and one of the `keywords`, or prints its month and day."""

    name: str
    start: dt.date
    end: dt.date
    place: str
    keywords: tuple[str, ...]


def _rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in (reader.fieldnames or [])]
        missing = [name for name in required if name not in header]
        if missing:
            raise InputError(f"{path}: missing column(s) {', '.join(missing)} (expected {', '.join(columns)})")
        unknown = [name for name in header if name not in columns]
        if unknown:
            raise InputError(f"{path}: unknown column(s) {', '.join(unknown)} (expected {', '.join(columns)})")
        return [(number, {k.strip(): (v or "").strip() for k, v in row.items() if k}) for number, row in enumerate(reader, start=2)]


def _date(value: str, path: Path, line: int, column: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{path}, line {line}: {column} {value!r} is not a date in the form YYYY-MM-DD") from None


def load_catalog(path: Path) -> dict[str, CatalogEntry]:
    """Catalog entries by article id; an absent file is an empty catalog."""
    if not path.exists():
        return {}
    entries: dict[str, CatalogEntry] = {}
    for line, row in _rows(path, CATALOG_COLUMNS, ("id", "published", "evidence")):
        if not row["id"]:
            raise InputError(f"{path}, line {line}: no article id")
        if row["id"] in entries:
            raise InputError(f"{path}, line {line}: article {row['id']} is listed twice")
        if not row["evidence"]:
            raise InputError(f"{path}, line {line}: article {row['id']} has no evidence; say how the date is known")
        published = _date(row["published"], path, line, "published") if row["published"] else None
        entries[row["id"]] = CatalogEntry(row["id"], published, row.get("source") or None, row.get("title") or None, row["evidence"])
    return entries


def load_events(path: Path) -> list[Event]:
    """The dated reference events; an absent file is an empty table."""
    if not path.exists():
        return []
    events = []
    for line, row in _rows(path, EVENTS_COLUMNS, ("event", "start", "place", "keywords")):
        start = _date(row["start"], path, line, "start")
        end = _date(row["end"], path, line, "end") if row.get("end") else start
        if end < start:
            raise InputError(f"{path}, line {line}: event {row['event']!r} ends before it starts")
        keywords = tuple(k.strip().lower() for k in row["keywords"].split("|") if k.strip())
        if not row["place"] or not keywords:
            raise InputError(f"{path}, line {line}: event {row['event']!r} needs a place and at least one keyword")
        events.append(Event(row["event"], start, end, row["place"], keywords))
    return events


@dataclass(frozen=True)
class AnalystFiles:
    """What the analyst keeps beside the articles that changes their rows: the catalog and the dated events."""

    catalog: dict[str, CatalogEntry]
    events: list[Event]

    @classmethod
    def beside(cls, folder: Path) -> "AnalystFiles":
        """The analyst files of a corpus folder (absent files are empty)."""
        if not folder.is_dir():
            return cls({}, [])
        return cls(load_catalog(folder / CATALOG_FILE), load_events(folder / EVENTS_FILE))


NO_ANALYST_FILES = AnalystFiles({}, [])
