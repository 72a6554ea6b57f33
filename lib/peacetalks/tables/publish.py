"""Publication of extracted tables: written beside the old ones, validated, renamed into place; read back.

`Assembly` writes the five tables (articles, casualties, stances with the analyst's review.csv
applied, machine_stances without it, problems) into temporary files, Parquet (zstd) and/or CSV,
in row groups of bounded size, validating every batch against tables.SCHEMA (`tables.validate`);
a CSV file is safe to open in a spreadsheet (`tables.spreadsheet_safe_arrow`), and the tables read
back from it have the apostrophe it added taken off (`tables.spreadsheet_text`).
`finish` renames them all into place; the caller then writes `tables.json`, which records what
the tables were made from (`fingerprint.digests`) so that readers can tell whether they are
complete and current (`tables_current`, `read_tables`; corpus.read_corpus).
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

import pandas as pd  # pyarrow.dataset (store.py) loads it anyway
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from peacetalks.tables import fingerprint
from peacetalks import tables
from peacetalks.sources.catalog import NO_ANALYST_FILES, AnalystFiles, csv_records, read_analyst_text
from peacetalks.tables.chunks import PART_TABLES, schema, to_arrow
from peacetalks.sources.problems import InputError, Problem
from peacetalks.tables.review import apply_review
from peacetalks.tables.store import WORK, Parts, read_json
from peacetalks.schema import TABLES_META as META

TABLES = ("articles", "casualties", "stances", "machine_stances", "problems")
"""The tables written, as in corpus.Corpus: `stances` with the analyst's review.csv applied, `machine_stances` without."""
FORMATS = ("parquet", "csv", "both")
ROW_GROUP_ROWS = 50_000
ROW_GROUP_BYTES = 64_000_000
"""Rows are gathered into row groups of this size at most before they are written (bounded memory, fast reads)."""
PARQUET_CODEC = "zstd"
"""The tables' compression: half the size of Parquet's default (snappy) at less CPU, read by every Parquet reader."""


class Output:
    """One table being written beside the old output: a temporary file per format, renamed into place at the end."""

    def __init__(self, out: Path, name: str, fmt: str) -> None:
        self.name, self.rows = name, 0
        self.schema = schema(name)
        self.targets: dict[str, Path] = {}
        if fmt in ("parquet", "both"):
            self.targets["parquet"] = out / f"{name}.parquet"
        if fmt in ("csv", "both"):
            self.targets["csv"] = out / f"{name}.csv"
        self.temporary = {kind: path.with_name(f".{path.name}.{os.getpid()}.tmp") for kind, path in self.targets.items()}
        self.writers: list[Any] = []
        self.pending: list[pa.Table] = []
        self.pending_bytes = self.pending_rows = 0
        if "parquet" in self.temporary:
            # min/max statistics only where a reader may filter on them: for prose they cost a third of the writing
            statistics = [name for name in self.schema.names if name not in tables.PROSE_COLUMNS]
            self.writers.append(pq.ParquetWriter(self.temporary["parquet"], self.schema, compression=PARQUET_CODEC,
                                                 write_statistics=statistics))
        if "csv" in self.temporary:
            self.writers.append(pacsv.CSVWriter(self.temporary["csv"], self.schema))

    def write(self, table: pa.Table) -> None:
        """Add rows; they are written in row groups of up to ROW_GROUP_ROWS rows or ROW_GROUP_BYTES bytes."""
        table = table.select(self.schema.names).cast(self.schema)
        tables.validate(self.name, table)
        self.pending.append(table)
        self.pending_bytes += table.nbytes
        self.pending_rows += table.num_rows
        self.rows += table.num_rows
        if self.pending_rows >= ROW_GROUP_ROWS or self.pending_bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self.pending:
            table = pa.concat_tables(self.pending)
            for writer in self.writers:  # a CSV file is safe to open in a spreadsheet; Parquet keeps the text
                writer.write_table(tables.spreadsheet_safe_arrow(table) if isinstance(writer, pacsv.CSVWriter) else table)
        self.pending, self.pending_bytes, self.pending_rows = [], 0, 0

    def close(self) -> None:
        self._flush()
        for writer in self.writers:
            writer.close()
        for path in self.temporary.values():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())

    def discard(self) -> None:
        for writer in self.writers:
            with contextlib.suppress(Exception):
                writer.close()
        for path in self.temporary.values():
            path.unlink(missing_ok=True)

    def commit(self) -> dict[str, Any]:
        for kind, path in self.temporary.items():
            os.replace(path, self.targets[kind])
        return {"rows": self.rows, "files": {kind: path.name for kind, path in self.targets.items()},
                "bytes": {kind: path.stat().st_size for kind, path in self.targets.items()}}


def _reviewed(machine: Path, articles: Path, review_path: Path, problems: list[Problem]) -> pa.Table:
    """The stances with the analyst's review applied, as load_corpus applies it (review.apply_review)."""
    ids = _review_ids(review_path)
    filters = [("id", "in", sorted(ids))] if ids else None
    article_rows = pq.read_table(articles, columns=["id", "published", "body"], filters=filters).to_pylist()
    article_frame = tables.frame(article_rows, ["id", "published", "body"])
    machine_frame = tables.frame(pq.read_table(machine).to_pylist(), tables.STANCE_COLUMNS)
    final = apply_review(machine_frame, article_frame, review_path, problems=problems)
    return to_arrow("stances", final.to_dict("records"))


def _review_ids(review_path: Path) -> set[str] | None:
    """The article ids a review file names (None when it cannot be read: apply_review then says why)."""
    try:
        records = iter(csv_records(review_path, read_analyst_text(review_path)[0]))
        _line, header = next(records, (1, []))
        column = [name.strip() for name in header].index("article_id")
        return {cells[column].strip() for _line, cells in records if len(cells) > column}
    except (InputError, ValueError):
        return None


class Assembly:
    """The tables being written beside the old output, in document order, renamed into place by `finish`.

    The parts are read back a part at a time (`add_parts`); only a review (stances) needs the
    stances in memory.
    """

    def __init__(self, out: Path, fmt: str, review_path: Path | None) -> None:
        self.out, self.fmt, self.review_path = out, fmt, review_path
        self.outputs: dict[str, Output] = {}
        try:
            for name in TABLES:
                self.outputs[name] = Output(out, name, fmt)
        except BaseException:
            self.discard()
            raise

    def add_parts(self, parts: Parts, order: dict[str, int]) -> None:
        """The rows of every current document (`order`: key -> place), read back from the parts in document order."""
        for table in PART_TABLES:
            for rows in parts.in_order(table, order):
                self._write(table, rows)

    def _write(self, part_table: str, rows: pa.Table) -> None:
        if part_table == "stances":
            self.outputs["machine_stances"].write(rows)
            if self.review_path is None:  # unreviewed, the stances are the machine's
                self.outputs["stances"].write(rows)
        else:
            self.outputs[part_table].write(rows)

    def finish(self, problems: list[Problem] | None = None, analyst: AnalystFiles = NO_ANALYST_FILES) -> dict[str, Any]:
        """Close every table (applying the review to the stances) and rename them all into place.
        `problems` (of listing the folder, of the analyst files) are added to the problems table, with
        a problem for each catalog entry that matches no article (added to `problems` too, for the summary)."""
        problems = [] if problems is None else problems
        outputs, scratch = self.outputs, []
        try:
            for name in ("articles", "casualties", "machine_stances"):
                outputs[name].close()
            review_problems: list[Problem] = list(problems)
            article_file = None
            if self.review_path is not None or analyst.catalog:
                article_file = outputs["articles"].temporary.get("parquet") or _parquet_copy(outputs["articles"], self.out, scratch)
            if analyst.catalog:
                ids = pq.read_table(article_file, columns=["id"]).column("id").to_pylist()
                unmatched = analyst.unmatched(ids)
                problems.extend(unmatched)
                review_problems.extend(unmatched)
            if self.review_path is not None:
                machine_file = (outputs["machine_stances"].temporary.get("parquet")
                                or _parquet_copy(outputs["machine_stances"], self.out, scratch))
                outputs["stances"].write(_reviewed(machine_file, article_file, self.review_path, review_problems))
            outputs["stances"].close()
            if review_problems:
                outputs["problems"].write(to_arrow("problems", [p.as_row() for p in review_problems]))
            outputs["problems"].close()
        except BaseException:
            self.discard()
            raise
        finally:
            for path in scratch:
                path.unlink(missing_ok=True)
        return {name: output.commit() for name, output in outputs.items()}

    def discard(self) -> None:
        for output in self.outputs.values():
            output.discard()


def _parquet_copy(output: Output, out: Path, scratch: list[Path]) -> Path:
    """A Parquet file of a table written only as CSV (for the review step, which reads Parquet)."""
    path = out / WORK / f"{output.name}.review.parquet"
    scratch.append(path)
    pq.write_table(tables.spreadsheet_text_arrow(pacsv.read_csv(output.temporary["csv"], convert_options=pacsv.ConvertOptions(
        column_types=output.schema, strings_can_be_null=True))), path)
    return path


# --- reading the tables back ---------------------------------------------------------------------

def _meta(folder: Path) -> dict[str, Any] | None:
    meta = read_json(folder / META)
    return meta if isinstance(meta, dict) and isinstance(meta.get("tables"), dict) else None


def _complete(folder: Path, meta: dict[str, Any]) -> bool:
    """Every table file the metadata lists is there, with the size it was written with."""
    for name in TABLES:
        entry = meta["tables"].get(name)
        if not entry:
            return False
        for kind, filename in entry["files"].items():
            path = folder / filename
            if not path.is_file() or path.stat().st_size != entry.get("bytes", {}).get(kind):
                return False
    return True


def tables_current(folder: str | Path, source: str | Path) -> bool:
    """True when `folder` holds complete tables extracted from `source` as it is now, by the current code."""
    folder, source = Path(folder), Path(source)
    meta = _meta(folder)
    if meta is None or not source.exists() or not _complete(folder, meta):
        return False
    try:
        return meta.get("source") == str(source.resolve()) and \
            meta.get("fingerprint") == fingerprint.combined(fingerprint.digests(source))
    except (InputError, OSError):
        return False


def read_tables(folder: str | Path, columns: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """The four tables written by `extract` into `folder`, as DataFrames (Parquet when written, else CSV).

    `columns` optionally limits the columns read per table, e.g. {"articles": ["id", "published"]}:
    at archive scale the articles' bodies are most of the data.
    """
    folder = Path(folder)
    meta = _meta(folder)
    if meta is None:
        raise InputError(f"{folder}: no extracted tables here (run: peacetalks extract SOURCE --out {folder})")
    if not _complete(folder, meta):
        raise InputError(f"{folder}: the tables are incomplete (an extraction was interrupted?): run it again")
    frames = {}
    for name in TABLES:
        files = meta["tables"][name]["files"]
        wanted = (columns or {}).get(name)
        if "parquet" in files:
            frames[name] = pd.read_parquet(folder / files["parquet"], columns=wanted)
        else:
            dtypes = {c: "Int64" for c in tables.COLUMNS[name] if c in tables.INTEGER_COLUMNS}
            frames[name] = tables.spreadsheet_text(pd.read_csv(folder / files["csv"], usecols=wanted, dtype=dtypes,
                                                               keep_default_na=False, na_values=[""]))
    return frames
