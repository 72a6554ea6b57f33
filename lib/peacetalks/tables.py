"""The columns of the three tables (see ANALYSIS.md) and of the problems list, in one place."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterable

if TYPE_CHECKING:
    import pandas as pd

ARTICLE_COLUMNS = [
    "id", "title", "source", "wire", "url", "published", "date_basis", "date_evidence",
    "date_window_start", "date_window_end", "encoding", "path", "body",
]
CASUALTY_COLUMNS = [
    "article_id", "value", "value_high", "qualifier", "kind", "subject", "sentence",
]
STANCE_COLUMNS = [
    "article_id", "actor", "issue", "polarity", "quote", "speaker", "as_of", "as_of_basis", "coded_by", "note",
]
PROBLEM_COLUMNS = ["file", "problem", "severity"]
PROSE_COLUMNS = frozenset({"title", "url", "path", "body", "date_evidence", "sentence", "quote", "note", "file", "problem"})
"""Columns of free text: nobody selects rows by their smallest or largest value."""

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
KINDS = ("killed", "wounded", "displaced", "refugees")
SUBJECTS = ("syria_war", "syria_event", "other")
DATE_BASES = ("text", "url", "catalog", "inferred", "unknown")


TABLES_META = "tables.json"
"""The file that marks a folder of tables written by `peacetalks extract SOURCE --out FOLDER`."""


def frame(rows: Iterable[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly `columns`, in order, even when there are no rows."""
    import pandas as pd  # here, not above: extraction uses the columns alone, and pandas takes half a second to load

    return pd.DataFrame(list(rows), columns=columns)
