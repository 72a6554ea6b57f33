"""A chunk of work of streaming extraction, and the rows it gives: the same on every engine.

`process_chunk` runs `extraction.process_documents` on a list of (key, document) pairs, as
`load_corpus` does, and returns the four tables (articles, casualties, stances, problems) as
Arrow tables whose rows carry the key of the document they came from. A document's key is a
hash of what its rows depend on (its content hash, id, path and fields): `item_key`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa

from peacetalks import tables
from peacetalks.sources.catalog import NO_ANALYST_FILES, AnalystFiles
from peacetalks.extract.document import BATCH_SIZE, process_documents
from peacetalks.tables import fingerprint
from peacetalks.sources.problems import InputError, Problem
from peacetalks.sources.reading import RawDocument, read_document

PART_TABLES = ("articles", "casualties", "stances", "problems")
"""The tables of a chunk: the machine's rows, document by document."""
KEY = "_key"
"""Hidden column tying each row of a chunk's tables to the document it came from."""
DEFAULT_CHUNK_SIZE = BATCH_SIZE  # a chunk is one batch of extraction.process_documents
CHUNK_BYTES = 4_000_000
"""A chunk closes at this many articles or this many bytes of text, whichever comes first."""
FIRST_PROBLEMS = 20
"""Problems the command prints as they are found; the problems table has them all."""


def schema(table: str, with_key: bool = False) -> pa.Schema:
    """The Arrow schema of a table, from tables.SCHEMA (with the hidden key of a chunk's tables when asked)."""
    return tables.arrow_schema(table, [pa.field(KEY, pa.string())] if with_key else [])


def item_key(item: RawDocument | Problem) -> str:
    """The work key of a document: a hash of what its rows depend on (content hash, id, path, fields)."""
    if isinstance(item, Problem):
        parts: list[Any] = ["problem", item.file, item.problem, item.severity]
    else:
        parts = ["doc", item.id, item.path, item.digest, item.encoding, sorted(item.fields.items())]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _cell(value: Any, integer: bool) -> Any:
    """A value as its column stores it: int or None for integer columns, str or None for the rest; text
    safe to store (lone surrogates, undecodable bytes kept by a reader, become U+FFFD)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return None  # NaN (pandas' missing value) or an infinity: no number to store
    if integer:
        if isinstance(value, (bool, int, np.integer)):
            return int(value)
        if isinstance(value, (float, np.floating)):
            return int(round(float(value))) if math.isfinite(value) else None
        try:
            return int(str(value))
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        value = value.date().isoformat() if midnight else value.isoformat()
    elif isinstance(value, dt.date):
        value = value.isoformat()
    elif not isinstance(value, str):
        value = str(value)
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-8", "replace").decode("utf-8")
    return value


def to_arrow(table: str, rows: Sequence[dict[str, Any]], keys: Sequence[str] | None = None) -> pa.Table:
    """Rows of one table as an Arrow table of its schema (with the key of the document each came from)."""
    target = schema(table, with_key=keys is not None)
    arrays = []
    for column in target:
        if column.name == KEY:
            arrays.append(pa.array(list(keys or ()), pa.string()))
            continue
        integer = column.name in tables.INTEGER_COLUMNS
        arrays.append(pa.array([_cell(row.get(column.name), integer) for row in rows], column.type))
    return pa.Table.from_arrays(arrays, schema=target)


def process_chunk(chunk: Sequence[tuple[str, RawDocument | Problem]],
                  analyst: AnalystFiles = NO_ANALYST_FILES, code: str | None = None) -> dict[str, pa.Table]:
    """The four tables of a chunk of (key, document) pairs; every row carries its document's key.

    A document whose extraction fails keeps its row and gets a problem naming the error. A reading
    Problem becomes a problems row. With `code`, refuses to run unless this process imported that
    version of the code (a cluster worker with another peacetalks installed, or a file edited during a run).
    """
    if code is not None and code != fingerprint.LOADED_CODE:
        raise InputError(f"a worker runs another version of the peacetalks code ({fingerprint.LOADED_CODE}) than the run "
                         f"({code}): install the same version on every worker, or run again")
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in PART_TABLES}
    keys: dict[str, list[str]] = {name: [] for name in PART_TABLES}

    def add(table: str, key: str, new_rows: Iterable[dict[str, Any]]) -> None:
        for row in new_rows:
            rows[table].append(row)
            keys[table].append(key)

    results = iter(process_documents([item for _, item in chunk if isinstance(item, RawDocument)], analyst))
    for key, item in chunk:
        if isinstance(item, Problem):
            add("problems", key, [item.as_row()])
            continue
        result = next(results)
        add("articles", key, [result.article])
        add("casualties", key, result.casualties)
        add("stances", key, result.stances)
        add("problems", key, (p.as_row() for p in result.problems))
    return {name: to_arrow(name, rows[name], keys[name]) for name in PART_TABLES}


@dataclass
class Chunk:
    """A unit of work: the files of a fresh run of a folder, which a local worker reads itself (the text
    then never passes through the main process), or documents read already, with their keys (an archive's
    rows, a resumed run, which must know each document's key to skip it, and a Dask cluster, whose
    workers may not see the corpus's disk). `first` is the place of its first document in the corpus."""

    first: int
    paths: list[str] = field(default_factory=list)
    """Names of files relative to the corpus folder `prefix` (which ends with a separator)."""
    prefix: str = ""
    items: list[tuple[str, RawDocument | Problem]] = field(default_factory=list)

    def read(self, max_bytes: int) -> list[tuple[str, RawDocument | Problem]]:
        """The chunk's (key, document) pairs, reading its files when it has them."""
        if not self.paths:
            return self.items
        documents = (read_document(self.prefix + name, max_bytes, name) for name in self.paths)
        return [(item_key(document), document) for document in documents]


@dataclass
class Done:
    """What became of a chunk: its part name, its keys, and what the run's summary needs of it."""

    part: str
    keys: list[str]
    extracted: int
    text_bytes: int
    problems: list[str]  # the first "file: problem" lines of the chunk


def summarise(part: str, items: Sequence[tuple[str, RawDocument | Problem]], result: dict[str, pa.Table]) -> Done:
    documents = [item for _, item in items if isinstance(item, RawDocument)]
    problems = result["problems"].slice(0, FIRST_PROBLEMS)
    return Done(part, [key for key, _ in items], len(documents),
                sum(len(document.text.encode("utf-8", "surrogatepass")) for document in documents),
                [f"{file}: {problem}" for file, problem in zip(problems.column("file").to_pylist(),
                                                              problems.column("problem").to_pylist())])


def batched(sized: Iterable[tuple[Any, int]], chunk_size: int) -> Iterator[list[Any]]:
    """The items of (item, size) pairs in lists that close at `chunk_size` items or CHUNK_BYTES of size."""
    batch: list[Any] = []
    size = 0
    for item, item_size in sized:
        batch.append(item)
        size += item_size
        if len(batch) >= chunk_size or size >= CHUNK_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch
