"""A corpus as tables: the articles, casualty figures and stances of every readable article, and the problems of the rest."""
from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from . import tables
from .casualties import extract_casualties
from .catalog import CATALOG_FILE, EVENTS_FILE, CatalogEntry, Event, load_catalog, load_events
from .dating import decide_date
from .parsing import parse_article
from .problems import Problem
from .review import REVIEW_FILE, apply_review
from .reading import DEFAULT_MAX_BYTES, RawDocument, analyst_folder, iter_documents
from .stances import extract_stances


@dataclass
class ArticleResult:
    """Everything extracted from one article: one article row and its casualty and stance rows."""

    article: dict[str, Any]
    casualties: list[dict[str, Any]]
    stances: list[dict[str, Any]]
    problems: list[Problem]


@dataclass(frozen=True)
class AnalystFiles:
    """What the analyst keeps beside the articles: the catalog and the dated events."""

    catalog: dict[str, CatalogEntry]
    events: list[Event]

    @classmethod
    def beside(cls, folder: Path) -> "AnalystFiles":
        """The analyst files of a corpus folder (absent files are empty)."""
        if not folder.is_dir():
            return cls({}, [])
        return cls(load_catalog(folder / CATALOG_FILE), load_events(folder / EVENTS_FILE))


NO_ANALYST_FILES = AnalystFiles({}, [])


def _iso(date) -> str | None:
    return date.isoformat() if date is not None and date not in (dt.date.min, dt.date.max) else None


ARCHIVE_ORIGIN = "archive"
"""The origin of a date or source taken from an archive's own columns (see CatalogEntry.origin)."""
_US_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def archive_entry(doc: RawDocument) -> CatalogEntry | None:
    """An archive row's own date and source columns, weighed like a catalog entry: below what the text prints."""
    value = doc.fields.get("date", "").strip()
    published = None
    if value:
        try:
            published = dt.date.fromisoformat(value[:10])
        except ValueError:
            match = _US_DATE.match(value)  # spreadsheet exports write month/day/year
            if match:
                try:
                    published = dt.date(int(match.group(3)), int(match.group(1)), int(match.group(2)))
                except ValueError:
                    published = None
    if published is None and not doc.fields.get("source"):
        return None
    return CatalogEntry(doc.id, published, doc.fields.get("source"), None, f"the archive's date column ({value})", ARCHIVE_ORIGIN)


def process_document(doc: RawDocument, analyst: AnalystFiles = NO_ANALYST_FILES) -> ArticleResult:
    """Parse one document and extract its rows: a pure function of the document and the analyst files."""
    parsed = parse_article(doc.text)
    problems: list[Problem] = []
    if doc.encoding != "utf-8":
        problems.append(Problem(doc.path, f"not UTF-8: read as {doc.encoding}"))
    entry = analyst.catalog.get(doc.id) or archive_entry(doc)
    title = parsed.title or (entry.title if entry else None)
    if not title:
        problems.append(Problem(doc.path, "no recognisable title: title left empty"))
    source = parsed.source or (entry.source if entry else None)
    if entry and entry.source and parsed.source and entry.source != parsed.source:
        problems.append(Problem(doc.path, f"{entry.origin} source {entry.source!r} differs from the text's {parsed.source!r}; kept the text's"))
    decision = decide_date(parsed, entry, analyst.events)
    problems.extend(Problem(doc.path, f"date conflict: {conflict}") for conflict in decision.conflicts)
    window = decision.window or (None, None)
    article = {
        "id": doc.id, "title": title, "source": source, "wire": parsed.wire,
        "url": parsed.url, "published": _iso(decision.published), "date_basis": decision.basis,
        "date_evidence": decision.evidence,
        "date_window_start": _iso(window[0]), "date_window_end": _iso(window[1]),
        "encoding": doc.encoding, "path": doc.path, "body": parsed.body,
    }
    casualties = extract_casualties(doc.id, parsed.body)
    stances = extract_stances(doc.id, parsed.body, decision.published)
    return ArticleResult(article, casualties, stances, problems)


def process_document_safely(doc: RawDocument, analyst: AnalystFiles = NO_ANALYST_FILES) -> ArticleResult:
    """`process_document`, but a failure on one article becomes a problem naming it, not a crash of the run.

    The article keeps its row (title and body as far as read) so that nothing is silently dropped.
    """
    try:
        return process_document(doc, analyst)
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a corpus
        row = {column: None for column in tables.ARTICLE_COLUMNS}
        row.update(id=doc.id, path=doc.path, encoding=doc.encoding, date_basis="unknown", body=doc.text)
        problem = Problem(doc.path, f"could not be processed ({type(err).__name__}: {err}); kept with its raw text")
        return ArticleResult(row, [], [], [problem])


@dataclass
class Corpus:
    """The tables of a corpus as pandas DataFrames."""

    root: Path
    articles: pd.DataFrame
    casualties: pd.DataFrame
    stances: pd.DataFrame
    """The final stances: the machine's, with the analyst's review (review.csv beside the articles) applied."""
    problems: pd.DataFrame
    machine_stances: pd.DataFrame | None = None
    """The machine's own stances before review, for measuring it against the review."""

    def to_dict(self) -> dict[str, list[dict[str, Any]]]:
        """The tables as lists of records, JSON-ready (NaN becomes null)."""
        def records(df: pd.DataFrame) -> list[dict[str, Any]]:
            return json.loads(df.to_json(orient="records", date_format="iso", force_ascii=False))
        return {
            "articles": records(self.articles), "casualties": records(self.casualties),
            "stances": records(self.stances), "problems": records(self.problems),
        }

    def write_csv(self, folder: Path) -> list[Path]:
        """One CSV per table in `folder`; returns the paths written."""
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in ("articles", "casualties", "stances", "problems"):
            path = folder / f"{name}.csv"
            getattr(self, name).to_csv(path, index=False)
            written.append(path)
        return written


TABLES_META = "tables.json"


def is_tables_folder(path: Path) -> bool:
    """True for a folder of tables written by `peacetalks extract SOURCE --out FOLDER`."""
    return path.is_dir() and (path / TABLES_META).is_file()


def read_extracted(folder: Path) -> Corpus:
    """The tables of an `extract --out` folder, brought up to date first when their source has changed."""
    from . import pipeline  # pipeline builds on this module

    meta = json.loads((folder / TABLES_META).read_text(encoding="utf-8"))
    source = Path(meta.get("source", ""))
    if source.exists() and not pipeline.tables_current(folder, source):
        pipeline.extract(source, folder, workers=1, fmt=meta.get("format", "parquet"),
                         max_bytes=meta.get("max_bytes", DEFAULT_MAX_BYTES))
    return pipeline.read_corpus(folder)


def load_corpus(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Corpus:
    """Read every article of a corpus folder (or a CSV / JSON Lines export) into tables; unreadable files are listed in `problems`.

    Given a folder of tables that `peacetalks extract SOURCE --out FOLDER` wrote, reads those
    instead of extracting again (refreshing them first if SOURCE changed since).
    """
    root = Path(path)
    if is_tables_folder(root):
        return read_extracted(root)
    analyst = AnalystFiles.beside(analyst_folder(root))
    articles, casualties, stances, problems = [], [], [], []
    for doc in iter_documents(root, max_bytes):
        if isinstance(doc, Problem):
            problems.append(doc)
            continue
        result = process_document_safely(doc, analyst)
        articles.append(result.article)
        casualties.extend(result.casualties)
        stances.extend(result.stances)
        problems.extend(result.problems)
    article_table = tables.frame(articles, tables.ARTICLE_COLUMNS)
    machine = tables.frame(stances, tables.STANCE_COLUMNS)
    review_path = analyst_folder(root) / REVIEW_FILE
    final = apply_review(machine, article_table, review_path, problems=problems) if review_path.exists() else machine
    return Corpus(
        root=root,
        articles=article_table,
        casualties=tables.frame(casualties, tables.CASUALTY_COLUMNS),
        stances=final,
        problems=tables.frame((p.as_row() for p in problems), tables.PROBLEM_COLUMNS),
        machine_stances=machine,
    )
