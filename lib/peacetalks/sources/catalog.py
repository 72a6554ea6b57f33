"""The analyst's files beside the articles: the catalog of known article facts and the table of dated events.

Both are CSV so that an analyst can edit them in a spreadsheet. A malformed row is an error
that names the file and the row, never a silent skip.
"""
from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Iterable, TypeVar

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, ValidationError, field_validator, model_validator

from peacetalks.sources.documents import legacy_encoding
from peacetalks.sources.isodates import IsoDate, OptionalDate
from peacetalks.sources.problems import InputError, Problem
from peacetalks.sources.reading import ID_SEPARATOR

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


def read_analyst_text(path: Path) -> tuple[str, Problem | None]:
    """The text of an analyst's CSV file: UTF-8, or else the encoding a spreadsheet saved it in (Windows-1252
    and the like), with a warning naming the file. A file that cannot be read is an InputError naming it."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot be read: {err.strerror or err}") from None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
    encoding = legacy_encoding(data)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        raise InputError(f"{path}, line {line}: not UTF-8 nor a known encoding: save it as CSV UTF-8") from None
    return text, Problem(str(path), f"not UTF-8 (from line {line}): read as {encoding}; save it as CSV UTF-8 to be sure")


def csv_records(path: Path, text: str) -> Iterable[tuple[int, list[str]]]:
    """(line, cells) of each record of an analyst's CSV text, the line being where the record starts.

    A quote left open swallows the lines after it into one cell (csv reads on to the next quote, or
    to the end of the file): a cell that holds a line break followed by what reads as a whole record
    (as many cells as the header, the first record) is refused, naming the line where the quote opened."""
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    columns = 0
    try:
        for cells in reader:
            columns = columns or len(cells)
            for cell in cells:
                if "\n" not in cell and "\r" not in cell:
                    continue
                for offset, inner in enumerate(cell.splitlines()[1:], start=1):
                    try:
                        inner_cells = next(csv.reader([inner]), [])
                    except csv.Error:
                        continue
                    if len(inner_cells) >= max(2, columns - 1) and inner_cells.count("") < len(inner_cells) - 1:
                        raise InputError(
                            f"{path}, line {start}: a quote (\") opened on this line is not closed where it "
                            f"should be, so it takes in line {start + offset} ({inner[:60]!r}) and what follows "
                            "as one cell; close the quote, or double a quote that is part of the text (\"\")")
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as err:
        raise InputError(f"{path}, line {reader.line_num}: not readable as CSV: {err}") from None


def _rows(path: Path, columns: tuple[str, ...], required: tuple[str, ...],
          warnings: list[Problem] | None = None) -> list[tuple[int, dict[str, str]]]:
    text, warning = read_analyst_text(path)
    if warning is not None and warnings is not None:
        warnings.append(warning)
    records = iter(csv_records(path, text))
    _line, header_cells = next(records, (1, []))
    header = [name.strip() for name in header_cells]
    missing = [name for name in required if name not in header]
    if missing:
        raise InputError(f"{path}: missing column(s) {', '.join(missing)} (expected {', '.join(columns)})")
    unknown = [name for name in header if name and name not in columns]
    if unknown:
        raise InputError(f"{path}: unknown column(s) {', '.join(unknown)} (expected {', '.join(columns)})")
    rows = []
    for line, cells in records:
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header):]):
            raise InputError(f"{path}, line {line}: {len(cells)} cells, more than the {len(header)} columns: "
                             "a comma in a value needs quotes around the value")
        row = {name: "" for name in header if name}
        row.update({name: cell.strip() for name, cell in zip(header, cells) if name})
        rows.append((line, row))
    return rows


# --- one row of each analyst file, as pydantic models: what each cell may be, in one place -------------

_Row = TypeVar("_Row", bound=BaseModel)


def _blank_is_none(value: Any) -> Any:
    return None if isinstance(value, str) and not value.strip() else value


def _filled(what: str):
    """A check that a text cell is not empty, saying `what` is missing."""
    def check(value: str) -> str:
        if not value:
            raise ValueError(what)
        return value
    return check


_Blank = BeforeValidator(_blank_is_none)
OptionalText = Annotated[str | None, _Blank]


class CatalogRow(BaseModel):
    """A row of catalog.csv: an article's date (or none), optionally its source and title, and the evidence."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    id: str
    published: OptionalDate = None
    source: OptionalText = None
    title: OptionalText = None
    evidence: Annotated[str, AfterValidator(_filled("no evidence: say how the date is known"))]

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        value = value.removesuffix(".txt").replace("/", ID_SEPARATOR)
        if not value:
            raise ValueError("no article id")
        return value



class EventRow(BaseModel):
    """A row of events.csv: a dated event, where it happened and the words that name it (`|` between them)."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="ignore")
    event: str
    start: IsoDate
    end: OptionalDate = None
    place: Annotated[str, AfterValidator(_filled("an event needs a place"))]
    keywords: tuple[str, ...]

    @field_validator("keywords", mode="before")
    @classmethod
    def _keywords(cls, value: Any) -> Any:
        words = tuple(k.strip().lower() for k in str(value or "").split("|") if k.strip())
        if not words:
            raise ValueError("an event needs at least one keyword (`|` between several)")
        return words

    @model_validator(mode="after")
    def _order(self) -> "EventRow":
        self.end = self.end or self.start
        if self.end < self.start:
            raise ValueError(f"event {self.event!r} ends before it starts")
        return self


def validated_row(model: type[_Row], row: dict[str, str], path: Path, line: int,
                  context: dict[str, Any] | None = None) -> _Row:
    """`row` (cells by column) as `model`; a cell it refuses is an InputError naming the file, the line, the column
    and the problem (the first, in the order of the columns)."""
    try:
        return model.model_validate(row, context=context)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "is empty"
        column = f"{where}: " if where else ""
        raise InputError(f"{path}, line {line}: {column}{message}") from None


def load_catalog(path: Path, warnings: list[Problem] | None = None) -> dict[str, CatalogEntry]:
    """Catalog entries by article id; an absent file is an empty catalog. An id may name an article in a
    sub-folder with `/` (`bbc/talks`) or as its id (`bbc__talks`)."""
    if not path.exists():
        return {}
    entries: dict[str, CatalogEntry] = {}
    for line, row in _rows(path, CATALOG_COLUMNS, ("id", "published", "evidence"), warnings):
        entry = validated_row(CatalogRow, row, path, line)
        if entry.id in entries:
            raise InputError(f"{path}, line {line}: article {entry.id} is listed twice")
        entries[entry.id] = CatalogEntry(entry.id, entry.published, entry.source, entry.title, entry.evidence)
    return entries


def load_events(path: Path, warnings: list[Problem] | None = None) -> list[Event]:
    """The dated reference events; an absent file is an empty table."""
    if not path.exists():
        return []
    events = []
    for line, row in _rows(path, EVENTS_COLUMNS, ("event", "start", "place", "keywords"), warnings):
        event = validated_row(EventRow, row, path, line)
        events.append(Event(event.event, event.start, event.end or event.start, event.place, event.keywords))
    return events


@dataclass(frozen=True)
class AnalystFiles:
    """What the analyst keeps beside the articles that changes their rows: the catalog and the dated events."""

    catalog: dict[str, CatalogEntry]
    events: list[Event]
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    """Warnings about the files themselves (an encoding that is not UTF-8), for the problems table."""
    folder: str = field(default="", compare=False)

    @classmethod
    def beside(cls, folder: Path) -> "AnalystFiles":
        """The analyst files of a corpus folder (absent files are empty)."""
        if not folder.is_dir():
            return cls({}, [])
        warnings: list[Problem] = []
        catalog = load_catalog(folder / CATALOG_FILE, warnings)
        events = load_events(folder / EVENTS_FILE, warnings)
        return cls(catalog, events, tuple(warnings), str(folder))

    def unmatched(self, ids: Iterable[str]) -> list[Problem]:
        """A problem for each catalog entry whose id is no article's, naming the nearest id (a typo leaves
        an article undated without a word otherwise)."""
        return unmatched_catalog_ids(self.catalog, ids, str(Path(self.folder) / CATALOG_FILE))


def unmatched_catalog_ids(catalog: dict[str, CatalogEntry], ids: Iterable[str], where: str = CATALOG_FILE) -> list[Problem]:
    """A problem for each catalog id that matches no article id, with the nearest article id as a suggestion."""
    known = set(ids)
    missing = [entry_id for entry_id in catalog if entry_id not in known]
    if not missing:
        return []
    choices = sorted(known - set(catalog))
    problems = []
    for entry_id in missing:
        near = difflib.get_close_matches(entry_id, choices, n=1, cutoff=0.6)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        problems.append(Problem(where, f"id {entry_id!r} matches no article: its date is not used{hint}"))
    return problems


NO_ANALYST_FILES = AnalystFiles({}, [])
