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


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, CSV injection)."""


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` for a CSV file meant to be opened in a spreadsheet: a text cell beginning with
    = + - @, a tab or a carriage return gets a leading apostrophe, as OWASP advises against CSV
    injection (article text is untrusted: `=HYPERLINK(...)` would run). Numbers are left as they are;
    Parquet and HTML keep the text unchanged."""
    import pandas as pd

    safe = df.copy()
    for name in safe.columns:
        column = safe[name]
        if not (pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column)):
            continue
        mask = column.map(lambda value: isinstance(value, str) and value.startswith(FORMULA_STARTS)).astype(bool)
        if mask.any():
            safe[name] = column.astype(object).where(~mask, "'" + column[mask].astype(str))
    return safe
