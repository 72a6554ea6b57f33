"""The schema of the tables (see ANALYSIS.md) and of the problems list, in one place.

Each table is a list of `Column`s: its name, its Arrow type, whether a row may leave it empty,
and what values it may hold (a closed vocabulary or a pattern). Everything else takes its
columns from here: the rows the extractors build, the DataFrames of `load_corpus`, the
Parquet and CSV writers (`arrow_schema`), and `validate`, which every table passes through
when it is written, so a value outside the vocabulary of ANALYSIS.md is an error naming the
table, the column and the value, never a silent row in a chart.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

import pyarrow as pa

if TYPE_CHECKING:
    import pandas as pd

QUALIFIERS = ("exact", "approx", "at_least", "at_most", "range")
KINDS = ("killed", "wounded", "displaced", "refugees")
SUBJECTS = ("syria_war", "syria_event", "other")
DATE_BASES = ("text", "url", "catalog", "inferred", "unknown")
ISSUES = ("negotiations", "assad_role", "transition", "ceasefire", "engage_opposition")
POLARITIES = (-1, 0, 1)
SEVERITIES = ("skipped", "warning", "error")
CODED_BY = ("machine", "machine, confirmed", "analyst")

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ID = re.compile(r"[a-z][a-z0-9_]*")  # an actor id of the codebook (analysts may add actors)


@dataclass(frozen=True)
class Column:
    """One column: its Arrow type, whether it must be filled, and the values it may take."""

    name: str
    type: pa.DataType = pa.string()
    required: bool = False
    allowed: tuple | None = None
    pattern: re.Pattern[str] | None = None
    prose: bool = False  # free text: nobody selects rows by its smallest or largest value

    def describe(self) -> str:
        if self.allowed is not None:
            return "one of " + ", ".join(repr(v) for v in self.allowed)
        if self.pattern is not None:
            return f"text matching {self.pattern.pattern!r}"
        return str(self.type)


_TEXT, _INT = pa.string(), pa.int64()

SCHEMA: dict[str, list[Column]] = {
    "articles": [
        Column("id", required=True),
        Column("title", prose=True),
        Column("source"),
        Column("wire"),
        Column("url", prose=True),
        Column("published", pattern=_ISO_DATE),
        Column("date_basis", required=True, allowed=DATE_BASES),
        Column("date_evidence", prose=True),
        Column("date_window_start", pattern=_ISO_DATE),
        Column("date_window_end", pattern=_ISO_DATE),
        Column("encoding"),
        Column("path", prose=True),
        Column("body", prose=True),
    ],
    "casualties": [
        Column("article_id", required=True),
        Column("value", _INT, required=True),
        Column("value_high", _INT),
        Column("qualifier", required=True, allowed=QUALIFIERS),
        Column("kind", required=True, allowed=KINDS),
        Column("subject", required=True, allowed=SUBJECTS),
        Column("sentence", required=True, prose=True),
    ],
    "stances": [
        Column("article_id", required=True),
        Column("actor", required=True, pattern=_ID),
        Column("issue", required=True, allowed=ISSUES),
        Column("polarity", _INT, required=True, allowed=POLARITIES),
        Column("quote", required=True, prose=True),
        Column("speaker"),
        Column("as_of", pattern=_ISO_DATE),
        Column("as_of_basis"),
        Column("coded_by", allowed=CODED_BY),
        Column("note", prose=True),
    ],
    "problems": [
        Column("file", required=True, prose=True),
        Column("problem", required=True, prose=True),
        Column("severity", required=True, allowed=SEVERITIES),
    ],
}
SCHEMA["machine_stances"] = SCHEMA["stances"]

ARTICLE_COLUMNS = [c.name for c in SCHEMA["articles"]]
CASUALTY_COLUMNS = [c.name for c in SCHEMA["casualties"]]
STANCE_COLUMNS = [c.name for c in SCHEMA["stances"]]
PROBLEM_COLUMNS = [c.name for c in SCHEMA["problems"]]
COLUMNS = {name: [c.name for c in columns] for name, columns in SCHEMA.items()}
INTEGER_COLUMNS = frozenset(c.name for columns in SCHEMA.values() for c in columns if pa.types.is_integer(c.type))
PROSE_COLUMNS = frozenset(c.name for columns in SCHEMA.values() for c in columns if c.prose)
"""Columns of free text: nobody selects rows by their smallest or largest value."""

TABLES_META = "tables.json"
"""The file that marks a folder of tables written by `peacetalks extract SOURCE --out FOLDER`."""


class TableSchemaError(ValueError):
    """A table holds a value its schema does not allow; the message names the table, column, row and value."""


def arrow_schema(table: str, extra: Iterable[pa.Field] = ()) -> pa.Schema:
    """The Arrow schema of a table, as the Parquet and CSV writers store it."""
    return pa.schema([pa.field(c.name, c.type) for c in SCHEMA[table]] + list(extra))


def frame(rows: Iterable[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    """A DataFrame with exactly `columns`, in order, even when there are no rows."""
    import pandas as pd  # here, not above: extraction uses the columns alone, and pandas takes half a second to load

    return pd.DataFrame(list(rows), columns=columns)


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value) or str(value) in {"<NA>", "NaT", "nan"}


def _problem(column: Column, value: Any) -> str | None:
    """What is wrong with one filled value of a column, or None."""
    if pa.types.is_integer(column.type):
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not float(value).is_integer():
            return f"holds {value!r}, not a whole number"
        value = int(value)
    if column.allowed is not None and value not in column.allowed:
        return f"holds {value!r}, not {column.describe()}"
    if column.pattern is not None and not column.pattern.fullmatch(str(value)):
        return f"holds {value!r}, not {column.describe()}"
    return None


def validate(table: str, data: pd.DataFrame | pa.Table) -> None:
    """Check a table against its schema; raise TableSchemaError naming table, column, row and value.

    The columns must be the schema's, in its order; each value must fit its column (required
    columns filled, vocabulary columns within ANALYSIS.md's vocabulary, dates as ISO dates).
    Each distinct value is checked once, so a large table costs a pass over its columns.
    """
    names = list(data.column_names if isinstance(data, pa.Table) else data.columns)
    expected = COLUMNS[table]
    if names[:len(expected)] != expected:
        missing = [n for n in expected if n not in names]
        raise TableSchemaError(f"table {table}: columns {names} are not the schema's {expected}"
                               + (f" (missing {missing})" if missing else ""))
    for column in SCHEMA[table]:
        if not (column.required or column.allowed or column.pattern or pa.types.is_integer(column.type)):
            continue
        values = (data.column(column.name).to_pylist() if isinstance(data, pa.Table)
                  else data[column.name].tolist())
        seen: set = set()
        for row, value in enumerate(values):
            if _missing(value):
                if column.required:
                    raise TableSchemaError(f"table {table}, column {column.name}, row {row + 1}: "
                                           "is empty, and every row needs it")
                continue
            key = (type(value), value)
            if key in seen:
                continue
            seen.add(key)
            problem = _problem(column, value)
            if problem:
                raise TableSchemaError(f"table {table}, column {column.name}, row {row + 1}: {problem}")


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What a spreadsheet reads as the start of a formula (OWASP, CSV injection)."""
_GUARDED = "'*[=+\\-@\t\r]"
"""A text cell that gets a leading apostrophe in a CSV file: one that starts a formula, and one that already
starts with apostrophes before such a character, so that exactly the apostrophe added can be taken off again
when the tables are read back from CSV (`spreadsheet_text`); every other cell is written as it is."""
_GUARDED_CELL = re.compile(_GUARDED)
_ADDED_APOSTROPHE = re.compile("'" + _GUARDED)


def _text_columns(df: pd.DataFrame) -> list[str]:
    import pandas as pd  # here, not at the top: the extraction workers import this module to validate Arrow
    # tables and load neither pandas nor pyarrow.compute (measured: pyarrow.compute adds 0.07 s to pyarrow's 0.29 s)

    return [name for name in df.columns
            if pd.api.types.is_object_dtype(df[name]) or pd.api.types.is_string_dtype(df[name])]


def spreadsheet_safe(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` for a CSV file meant to be opened in a spreadsheet: a text cell beginning with
    = + - @, a tab or a carriage return gets a leading apostrophe, as OWASP advises against CSV
    injection (article text is untrusted: `=HYPERLINK(...)` would run). Numbers are left as they are;
    Parquet and HTML keep the text unchanged. `spreadsheet_safe_arrow` does the same to an Arrow table."""
    safe = df.copy()
    for name in _text_columns(safe):
        column = safe[name]
        mask = column.map(lambda value: isinstance(value, str) and _GUARDED_CELL.match(value) is not None).astype(bool)
        if mask.any():
            safe[name] = column.astype(object).where(~mask, "'" + column[mask].astype(str))
    return safe


def spreadsheet_text(df: pd.DataFrame) -> pd.DataFrame:
    """`df` read back from a CSV file written with `spreadsheet_safe`: the apostrophe it added taken off, so the
    text is the table's own again."""
    text = df.copy()
    for name in _text_columns(text):
        column = text[name]
        mask = column.map(lambda value: isinstance(value, str) and _ADDED_APOSTROPHE.match(value) is not None).astype(bool)
        if mask.any():
            text[name] = column.astype(object).where(~mask, column[mask].astype(str).str[1:])
    return text


def spreadsheet_safe_arrow(table: pa.Table) -> pa.Table:
    """`spreadsheet_safe` for an Arrow table (the streaming writer's CSV files): each text cell that would start a
    formula gets a leading apostrophe."""
    import pyarrow.compute as pc  # (see _text_columns)

    for i, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = table.column(i)
            guarded = pc.match_substring_regex(column, pattern="^" + _GUARDED)
            if pc.any(guarded).as_py():
                table = table.set_column(i, field, pc.if_else(guarded, pc.binary_join_element_wise("'", column, ""), column))
    return table


def spreadsheet_text_arrow(table: pa.Table) -> pa.Table:
    """`spreadsheet_text` for an Arrow table read back from such a CSV file."""
    import pyarrow.compute as pc  # (see _text_columns)

    for i, field in enumerate(table.schema):
        if pa.types.is_string(field.type) or pa.types.is_large_string(field.type):
            column = table.column(i)
            added = pc.match_substring_regex(column, pattern="^'" + _GUARDED)
            if pc.any(added).as_py():
                table = table.set_column(i, field, pc.if_else(added, pc.utf8_slice_codeunits(column, 1), column))
    return table
