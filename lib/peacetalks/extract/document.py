"""One article to its rows: a pure function of the document and the analyst files.

`process_document` parses a document (parsing), dates it (dating), and extracts its casualty
figures (casualties) and stances (stances). It needs neither pandas nor pyarrow: `load_corpus`
builds DataFrames of its rows, and the workers of `peacetalks extract --out` Arrow tables.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Sequence

from peacetalks import schema
from peacetalks.extract.casualties import extract_casualties
from peacetalks.sources.catalog import NO_ANALYST_FILES, AnalystFiles, CatalogEntry
from peacetalks.extract.codebook import load_codebook
from peacetalks.parse.dating import decide_date
from peacetalks.parse.htmlpages import HtmlArticle, decide_html_date, parse_html
from peacetalks.parse.page import parse_article
from peacetalks.sources.problems import Problem
from peacetalks.sources.documents import RawDocument
from peacetalks.sentences import shared_splits
from peacetalks.extract.stances import extract_stances, names_syria


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


@dataclass
class _ReadArticle:
    """A document parsed and dated: its article row, body and publication date, and its problems so far."""

    doc: RawDocument
    row: dict[str, Any]
    body: str
    published: dt.date | None
    problems: list[Problem]


def _read_article(doc: RawDocument, analyst: AnalystFiles) -> _ReadArticle:
    """Parse a document and decide its date: everything of its article row."""
    problems: list[Problem] = []
    if doc.markup == "html":
        parsed = parse_html(doc.text)
        problems.extend(Problem(doc.path, note) for note in parsed.notes)
    else:
        parsed = parse_article(doc.text)
    if doc.encoding != "utf-8":
        problems.append(Problem(doc.path, f"not UTF-8: read as {doc.encoding}"))
    problems.extend(Problem(doc.path, warning) for warning in doc.warnings)
    entry = analyst.catalog.get(doc.id) or archive_entry(doc)
    title = parsed.title or (entry.title if entry else None)
    if not title:
        problems.append(Problem(doc.path, "no recognisable title: title left empty"))
    source = parsed.source or (entry.source if entry else None)
    if entry and entry.source and parsed.source and entry.source != parsed.source:
        problems.append(Problem(doc.path, f"{entry.origin} source {entry.source!r} differs from the text's {parsed.source!r}; kept the text's"))
    if isinstance(parsed, HtmlArticle):
        decision = decide_html_date(parsed, entry, analyst.events)
    else:
        decision = decide_date(parsed, entry, analyst.events)
    problems.extend(Problem(doc.path, f"date conflict: {conflict}") for conflict in decision.conflicts)
    window = decision.window or (None, None)
    row = {
        "id": doc.id, "title": title, "source": source, "wire": parsed.wire,
        "url": parsed.url, "published": _iso(decision.published), "date_basis": decision.basis,
        "date_evidence": decision.evidence,
        "date_window_start": _iso(window[0]), "date_window_end": _iso(window[1]),
        "encoding": doc.encoding, "path": doc.path, "body": parsed.body,
    }
    return _ReadArticle(doc, row, parsed.body, decision.published, problems)


def process_document(doc: RawDocument, analyst: AnalystFiles = NO_ANALYST_FILES) -> ArticleResult:
    """Parse one document and extract its rows: a pure function of the document and the analyst files."""
    with shared_splits():  # dating (with events.csv) and the two readers cut the same paragraphs: once
        article = _read_article(doc, analyst)
        casualties = extract_casualties(doc.id, article.body, article.row["title"])
        stances = extract_stances(doc.id, article.body, article.published) \
            if names_syria(article.row["title"], article.body) else []
    return ArticleResult(article.row, casualties, stances, article.problems)


BATCH_SIZE = 128
"""Articles run through the stages together (see `process_documents`): enough for the caches to pay."""


def process_documents(docs: Sequence[RawDocument], analyst: AnalystFiles = NO_ANALYST_FILES) -> list[ArticleResult]:
    """`process_document` of each document, in order, where a failure on one article becomes a problem
    naming it, not a crash of the run: the article keeps its row (with its raw text as body), so that
    nothing is silently dropped.

    The batch goes through the stages in turn (every article parsed and dated, then the casualty
    figures of each, then the stances of each), not article by article: one stage's code and
    patterns then stay in the processor's caches from one article to the next, which makes a batch
    of a hundred articles about a tenth faster. The rows are the same. The cuts of the batch's
    paragraphs into sentences are kept until the batch is done (`sentences.shared_splits`): dating
    (when events.csv is given), the casualty reader and the stance reader cut the same paragraphs.
    """
    results: list[ArticleResult | None] = [None] * len(docs)
    with shared_splits():  # dating (with events.csv) and the casualty and stance readers cut the batch's
        # paragraphs into sentences once
        read: list[tuple[int, _ReadArticle]] = []
        for index, doc in enumerate(docs):
            try:
                read.append((index, _read_article(doc, analyst)))
            except Exception as err:  # noqa: BLE001 - one bad article must not stop a corpus
                results[index] = _unprocessed(doc, err)
        casualties: dict[int, list[dict[str, Any]]] = {}
        for index, article in read:
            try:
                casualties[index] = extract_casualties(article.doc.id, article.body, article.row["title"])
            except Exception as err:  # noqa: BLE001
                results[index] = _unprocessed(article.doc, err)
        codebook = load_codebook()  # once for the batch: it looks at the codebook file each time
        for index, article in read:
            if index not in casualties:
                continue
            try:
                stances = extract_stances(article.doc.id, article.body, article.published, codebook=codebook) \
                    if names_syria(article.row["title"], article.body, codebook) else []
            except Exception as err:  # noqa: BLE001
                results[index] = _unprocessed(article.doc, err)
                continue
            results[index] = ArticleResult(article.row, casualties[index], stances, article.problems)
    return results  # type: ignore[return-value] - every index was filled


def _unprocessed(doc: RawDocument, err: Exception) -> ArticleResult:
    """The result of a document whose extraction failed: its row with the raw text, and a problem naming the error."""
    row = {column: None for column in schema.ARTICLE_COLUMNS}
    row.update(id=doc.id, path=doc.path, encoding=doc.encoding, date_basis="unknown", body=doc.text)
    problem = Problem(doc.path, f"could not be processed ({type(err).__name__}: {err}); kept with its raw text")
    return ArticleResult(row, [], [], [problem])
