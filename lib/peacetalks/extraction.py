"""One article to its rows: a pure function of the document and the analyst files.

`process_document` parses a document (parsing), dates it (dating), and extracts its casualty
figures (casualties) and stances (stances). It needs neither pandas nor pyarrow: `load_corpus`
builds DataFrames of its rows, and the workers of `peacetalks extract --out` Arrow tables.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from . import tables
from .casualties import extract_casualties
from .catalog import NO_ANALYST_FILES, AnalystFiles, CatalogEntry
from .dating import decide_date
from .parsing import parse_article
from .problems import Problem
from .reading import RawDocument
from .stances import extract_stances


@dataclass
class ArticleResult:
    """Everything extracted from one article: one article row and its casualty and stance rows."""

    article: dict[str, Any]
    casualties: list[dict[str, Any]]
    stances: list[dict[str, Any]]
    problems: list[Problem]


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
