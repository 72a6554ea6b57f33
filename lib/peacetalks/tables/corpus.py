"""A corpus as tables: the articles, casualty figures and stances of every readable article, and the problems of the rest."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from peacetalks.tables import pipeline
from peacetalks import tables
from peacetalks.sources.catalog import REVIEW_FILE, AnalystFiles
from peacetalks.extract.document import BATCH_SIZE, process_documents
from peacetalks.sources.problems import Problem
from peacetalks.tables.publish import read_tables
from peacetalks.tables.review import apply_review
from peacetalks.sources.reading import DEFAULT_MAX_BYTES, RawDocument, analyst_folder, iter_documents
from peacetalks.schema import TABLES_META


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

    def validate(self) -> None:
        """Check every table against tables.SCHEMA; a violation raises TableSchemaError naming table, column and value."""
        for name in ("articles", "casualties", "stances", "problems", "machine_stances"):
            table = getattr(self, name)
            if table is not None:
                tables.validate(name, table)

    def write_csv(self, folder: Path) -> list[Path]:
        """One CSV per table in `folder`, checked against its schema first and safe to open in a spreadsheet
        (`tables.spreadsheet_safe`); returns the paths written."""
        self.validate()
        folder.mkdir(parents=True, exist_ok=True)
        written = []
        for name in ("articles", "casualties", "stances", "problems"):
            path = folder / f"{name}.csv"
            tables.spreadsheet_safe(getattr(self, name)).to_csv(path, index=False)
            written.append(path)
        return written


def is_tables_folder(path: Path) -> bool:
    """True for a folder of tables written by `peacetalks extract SOURCE --out FOLDER`."""
    return path.is_dir() and (path / TABLES_META).is_file()


def read_extracted(folder: Path) -> Corpus:
    """The tables of an `extract --out` folder, brought up to date first when their source has changed."""

    meta = json.loads((folder / TABLES_META).read_text(encoding="utf-8"))
    source = Path(meta.get("source", ""))
    if source.exists() and not pipeline.tables_current(folder, source):
        pipeline.extract(source, folder, workers=1, fmt=meta.get("format", "parquet"),
                         max_bytes=meta.get("max_bytes", DEFAULT_MAX_BYTES))
    return read_corpus(folder)


def read_corpus(folder: str | Path, columns: dict[str, list[str]] | None = None) -> Corpus:
    """The tables written into `folder` by `peacetalks extract --out` as a Corpus, as load_corpus returns it
    for the same source (`columns` as in publish.read_tables)."""
    frames = read_tables(folder, columns)
    meta = json.loads((Path(folder) / TABLES_META).read_text(encoding="utf-8"))
    return Corpus(root=Path(meta.get("source", folder)), articles=frames["articles"],
                  casualties=frames["casualties"], stances=frames["stances"], problems=frames["problems"],
                  machine_stances=frames["machine_stances"])


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
    batch: list[RawDocument] = []

    def extract_batch() -> None:  # a batch at a time: stage by stage, without holding every raw text
        for result in process_documents(batch, analyst):
            articles.append(result.article)
            casualties.extend(result.casualties)
            stances.extend(result.stances)
            problems.extend(result.problems)
        batch.clear()

    for doc in iter_documents(root, max_bytes):
        if isinstance(doc, Problem):
            extract_batch()  # the problems stay in the order of the files
            problems.append(doc)
            continue
        batch.append(doc)
        if len(batch) == BATCH_SIZE:
            extract_batch()
    extract_batch()
    problems.extend(analyst.problems)
    problems.extend(analyst.unmatched(article["id"] for article in articles))
    article_table = tables.frame(articles, tables.ARTICLE_COLUMNS)
    machine = tables.frame(stances, tables.STANCE_COLUMNS)
    review_path = analyst_folder(root) / REVIEW_FILE
    final = apply_review(machine, article_table, review_path, problems=problems) if review_path.exists() else machine
    corpus = Corpus(
        root=root,
        articles=article_table,
        casualties=tables.frame(casualties, tables.CASUALTY_COLUMNS),
        stances=final,
        problems=tables.frame((p.as_row() for p in problems), tables.PROBLEM_COLUMNS),
        machine_stances=machine,
    )
    corpus.validate()
    return corpus
