"""Streaming, parallel extraction of a large corpus into table files (Parquet, optionally CSV).

`peacetalks extract SOURCE --out TABLES/` hands chunks of a folder of .txt articles or of a CSV /
JSON Lines export to worker processes (or to a Dask cluster) that run
`extraction.process_documents` on them; each chunk's rows are saved as part files as it is done
(and, on a fresh run, written into the tables themselves). Local workers read a folder's files
and write the part files themselves, so the text does not pass through the main process; an
archive's rows, a resumed run's documents and a Dask cluster's work are read by the main process
and sent. Memory stays flat: only a few chunks are in flight.

Work is keyed by each document's content hash (with its id, path and archive fields), so an
interrupted run resumes where it stopped: a chunk's part files are committed by atomic rename,
then its keys are appended to a manifest, and the next run skips every key in the manifest.
The manifest is tied to a fingerprint of the extraction code and of the analyst's catalog and
events files, so changed extractors or catalog re-extract everything. The tables are written in
document order, one file each: on a fresh run as the chunks come back, on a resumed run from the
parts at the end; the analyst's review.csv is applied to
the stances as load_corpus applies it; each table is written beside the old one and renamed over
it, and `tables.json` (written last) records what the tables were made from, so readers can tell
whether they are complete and current (`tables_current`, `read_tables`, `read_corpus`).

TABLES/ holds:
    articles.parquet  casualties.parquet  stances.parquet  machine_stances.parquet  problems.parquet
                      (and/or .csv; stances is reviewed, machine_stances the machine's own)
    tables.json       source, its fingerprint, code version, files, row counts
    .work/            state.json, manifest.jsonl, parts/<table>/<part>.arrows.lz4 (the resumable work)
"""
from __future__ import annotations

import argparse
import ast
import collections
import contextlib
import datetime as dt
import hashlib
import importlib.metadata
import json
import math
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Sequence

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from . import tables
from .catalog import ANALYST_FILES, CATALOG_FILE, EVENTS_FILE, NO_ANALYST_FILES, REVIEW_FILE, AnalystFiles
from .extraction import BATCH_SIZE, process_documents
from .problems import InputError, Problem
from .reading import (DEFAULT_MAX_BYTES, RawDocument, analyst_folder, article_names, iter_documents, list_articles,
                      read_document)
from .tables import TABLES_META
from .workers import default_workers, worker_context, worker_started

if TYPE_CHECKING:
    import pandas as pd

    from .corpus import Corpus

# pandas, and corpus and review which build on it, are imported where the tables are read back or
# reviewed: extraction itself (this module in the command and in every worker) never needs them,
# and pandas alone takes half a second to load.

PART_TABLES = ("articles", "casualties", "stances", "problems")
"""The tables of each chunk's part files: the machine's rows, document by document."""
TABLES = ("articles", "casualties", "stances", "machine_stances", "problems")
"""The tables written, as in corpus.Corpus: `stances` with the analyst's review.csv applied, `machine_stances` without."""
COLUMNS = tables.COLUMNS
INTEGER_COLUMNS = tables.INTEGER_COLUMNS
"""Columns stored as 64-bit integers (nullable); every other column is stored as text (tables.SCHEMA)."""

KEY = "_key"
"""Hidden column tying each row of a part file to the document it came from."""
PART_CODEC = "lz4"
PART_SUFFIX = ".arrows.lz4"
"""A part file is a table's Arrow IPC stream, LZ4-compressed (see `_write_part`)."""
FIRST_PROBLEMS = 20
"""Problems the command prints as they are found; the problems table has them all."""

FORMATS = ("parquet", "csv", "both")
DEFAULT_CHUNK_SIZE = BATCH_SIZE  # a chunk is one batch of extraction.process_documents
CHUNK_BYTES = 4_000_000
"""A chunk closes at this many articles or this many bytes of text, whichever comes first."""

ROW_GROUP_ROWS = 50_000
ROW_GROUP_BYTES = 64_000_000
"""Rows are gathered into row groups of this size at most before they are written (bounded memory, fast reads)."""

PARQUET_CODEC = "zstd"
"""The tables' compression: half the size of Parquet's default (snappy) at less CPU, read by every Parquet reader."""

META = TABLES_META  # the file that marks a folder of extracted tables
WORK = ".work"


def schema(table: str, with_key: bool = False) -> pa.Schema:
    """The Arrow schema of a table, from tables.SCHEMA (with the hidden key of part files when asked)."""
    return tables.arrow_schema(table, [pa.field(KEY, pa.string())] if with_key else [])


# --- fingerprints: of a document, of the code, of a source ----------------------------------------

def item_key(item: RawDocument | Problem) -> str:
    """The work key of a document: a hash of what its rows depend on (content hash, id, path, fields)."""
    if isinstance(item, Problem):
        parts: list[Any] = ["problem", item.file, item.problem, item.severity]
    else:
        parts = ["doc", item.id, item.path, item.digest, item.encoding, sorted(item.fields.items())]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _imports(module: Path, package: Path) -> set[Path]:
    """The package's own modules that a module imports (relative or `peacetalks.` imports), by file."""
    found = set()
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level == 0 and not base.startswith(package.name + "."):
                continue
            base = base.removeprefix(package.name + ".") if node.level == 0 else base
            names = [base] if base else [alias.name for alias in node.names]
            if base:
                names += [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.removeprefix(package.name + ".") for a in node.names if a.name.startswith(package.name + ".")]
        for name in names:
            path = package.joinpath(*name.split(".")).with_suffix(".py")
            if path.is_file():
                found.add(path)
    return found


EXTRACTING_LIBRARIES = ("trafilatura", "htmldate")
"""Libraries whose version is part of the code fingerprint: they read saved web pages."""


def code_fingerprint() -> str:
    """A hash of the code extraction runs (extraction.py and every package module it imports, transitively)
    and of the package's data files (codebook, cue lists): the rows depend on them, the report's code does not."""
    package = Path(__file__).resolve().parent
    modules, todo = set(), [package / "extraction.py"]
    while todo:
        module = todo.pop()
        if module not in modules:
            modules.add(module)
            todo.extend(_imports(module, package))
    data = {p for p in package.iterdir() if p.suffix in (".yaml", ".yml", ".json", ".csv") and p.is_file()}
    digest = hashlib.sha256()
    for path in sorted(modules | data):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    for library in EXTRACTING_LIBRARIES:  # a saved page's rows depend on how they read it
        try:
            digest.update(f"{library}\0{importlib.metadata.version(library)}\n".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{library}\0-\n".encode())
    return digest.hexdigest()[:24]


LOADED_CODE = code_fingerprint()
"""The fingerprint of the code this process imported; a worker running other code must not mix its rows in."""


def file_states(folder: Path, names: Iterable[str]) -> list[tuple[str, int, int]]:
    """(name, size in bytes, modification time in ns) of each named file of `folder`; 0 and 0 for one that
    cannot be looked at (gone since it was listed, say), which is kept, so that reading it reports the problem.

    Each file is looked at relative to the folder, by name, so a folder of 100,000 articles is looked
    at in a third of a second, not the second that a path object and a stat per file took."""
    states = []
    relative = os.stat in os.supports_dir_fd
    descriptor = os.open(folder, os.O_RDONLY) if relative else None
    prefix = os.path.join(folder, "")
    try:
        for name in names:
            try:
                stat = os.stat(name, dir_fd=descriptor) if relative else os.stat(prefix + name)
            except OSError:
                states.append((name, 0, 0))
            else:
                states.append((name, stat.st_size, stat.st_mtime_ns))
    finally:
        if descriptor is not None:
            os.close(descriptor)
    return states


def source_fingerprint(source: Path, states: list[tuple[str, int, int]] | None = None) -> str:
    """A hash of a source's content (each article file's name and bytes, and the analyst files'), to tell
    whether tables are current. By content, not size and modification time: a file edited so that both
    stay the same (`cp -p`, `rsync -t`, two edits within the clock's granularity) is a change.
    `states` is `file_states(source, article_names(source))` of a folder, when the caller has them already."""
    digest = hashlib.sha256()
    if source.is_dir():
        folder, names = source, [name for name, _size, _mtime in states] if states is not None else article_names(source)
    elif source.is_file():
        folder, names = source.parent, [source.name]
    else:
        raise InputError(f"{source}: no such file or folder")
    analyst = analyst_folder(source)
    files = [(name, os.path.join(folder, name)) for name in names]
    files += [(name, os.path.join(analyst, name)) for name in sorted(ANALYST_FILES) if (analyst / name).is_file()]
    for name, path in files:  # names, not paths: the same folder named relatively or absolutely has one fingerprint
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + content_digest(path) + b"\n")
    return digest.hexdigest()[:24]


def content_digest(path: str) -> bytes:
    """The SHA-256 of a file's bytes, read a megabyte at a time; for a file that cannot be read, the reason
    (reading it reports the problem)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
    except OSError as err:
        return f"unreadable: {err.strerror or err}".encode()
    return digest.digest()


def _analyst_fingerprint(source: Path) -> str:
    """A hash of the analyst files that change a document's rows (catalog, events). The review is applied
    to the whole stances table when the tables are assembled, so a changed review needs no re-extraction."""
    digest = hashlib.sha256()
    folder = analyst_folder(source)
    for name in (CATALOG_FILE, EVENTS_FILE):
        path = folder / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:24]


# --- the per-chunk function: pure, the same on every engine ------------------------------------

def _cell(value: Any, integer: bool) -> Any:
    """A value as its column stores it: int or None for integer columns, str or None for the rest."""
    if value is None:
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None  # NaN (pandas' missing value) or an infinity: no number to store
    if integer:
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, (int, np.integer)):
            return int(value)
        if isinstance(value, (float, np.floating)):
            return int(round(float(value))) if math.isfinite(value) else None
        try:
            return int(str(value))
        except ValueError:
            return None
    if isinstance(value, str):
        return value
    if isinstance(value, dt.datetime):
        midnight = (value.hour, value.minute, value.second, value.microsecond) == (0, 0, 0, 0)
        return value.date().isoformat() if midnight else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _to_arrow(table: str, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> pa.Table:
    """Rows of one table (with the key of the document each came from) as an Arrow table of its schema."""
    target = schema(table, with_key=True)
    arrays = []
    for column in target:
        if column.name == KEY:
            arrays.append(pa.array(list(keys), pa.string()))
            continue
        values = _column([row.get(column.name) for row in rows], column.name in INTEGER_COLUMNS)
        arrays.append(pa.array(values, column.type))
    return pa.Table.from_arrays(arrays, schema=target)


_TEXT_TYPES = {str, type(None)}
_INTEGER_TYPES = {int, type(None)}


def _column(values: list[Any], integer: bool) -> list[Any]:
    """One column's values as it stores them (`_cell`, `_clean_text`). The extractors' rows nearly always
    hold them so already (text that encodes, plain integers), which is checked a column at a time in C;
    only a column that fails the check is converted value by value."""
    kinds = set(map(type, values))
    if integer and kinds <= _INTEGER_TYPES:
        return values
    if not integer and kinds <= _TEXT_TYPES:
        try:
            "".join(filter(None, values)).encode("utf-8")  # lone surrogates fail: _clean_text replaces them
        except UnicodeEncodeError:
            pass
        else:
            return values
    return [_clean_text(_cell(value, integer)) for value in values]


def _clean_text(value: Any) -> Any:
    """Text safe to store: lone surrogates (undecodable bytes kept by a reader) become U+FFFD."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "replace").decode("utf-8")
    return value


def process_chunk(chunk: Sequence[tuple[str, RawDocument | Problem]],
                  analyst: AnalystFiles = NO_ANALYST_FILES, code: str | None = None) -> dict[str, pa.Table]:
    """The four tables of a chunk of (key, document) pairs; every row carries its document's key.

    Runs `extraction.process_documents` on its documents, as `load_corpus` does: a document whose
    extraction fails keeps its row and gets a problem naming the error. A reading Problem becomes a
    problems row. With `code`, refuses to run unless this process imported that version of the code
    (a cluster worker with another peacetalks installed, or a file edited during a run).
    """
    if code is not None and code != LOADED_CODE:
        raise InputError(f"a worker runs another version of the peacetalks code ({LOADED_CODE}) than the run "
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
    return {name: _to_arrow(name, rows[name], keys[name]) for name in PART_TABLES}


# --- a chunk of work, and what becomes of it ------------------------------------------------------

@dataclass
class _Chunk:
    """A unit of work: the files of a fresh run of a folder, which the worker reads itself (the text then
    never passes through the main process), or documents read already, with their keys (an archive's
    rows, a resumed run, which must know each document's key to skip it, and a Dask cluster, whose
    workers may not see the corpus's disk)."""

    paths: list[str] = field(default_factory=list)
    """Names of files relative to the corpus folder `prefix` (which ends with a separator)."""
    prefix: str = ""
    items: list[tuple[str, RawDocument | Problem]] = field(default_factory=list)


@dataclass
class _Done:
    """A chunk's outcome: its part files, written, and what the run's summary needs of it. `tables` are
    kept when the chunk was extracted in the main process (so that they need not be read back)."""

    keys: list[str]
    part: str
    extracted: int
    text_bytes: int
    problems: list[str]  # the first "file: problem" lines of the chunk
    tables: dict[str, pa.Table] | None = None


def _chunk_items(chunk: _Chunk, max_bytes: int) -> list[tuple[str, RawDocument | Problem]]:
    """The chunk's (key, document) pairs, reading its files when it has them."""
    if not chunk.paths:
        return chunk.items
    documents = (read_document(chunk.prefix + name, max_bytes, name) for name in chunk.paths)
    return [(item_key(document), document) for document in documents]


def _save(parts: Path, items: Sequence[tuple[str, RawDocument | Problem]], result: dict[str, pa.Table],
          keep: bool) -> _Done:
    """Write a chunk's part tables into `parts` and sum up what it did."""
    keys = [key for key, _ in items]
    documents = [item for _, item in items if isinstance(item, RawDocument)]
    problems = result["problems"].slice(0, FIRST_PROBLEMS)
    return _Done(
        keys, _write_parts(parts, keys, result), len(documents),
        sum(len(document.text.encode("utf-8", "surrogatepass")) for document in documents),
        [f"{file}: {problem}" for file, problem in zip(problems.column("file").to_pylist(),
                                                      problems.column("problem").to_pylist())],
        result if keep else None,
    )


def _extract_chunk(chunk: _Chunk, parts: Path, max_bytes: int, analyst: AnalystFiles,
                   code: str | None = None, keep: bool = True) -> _Done:
    """Read, extract and save one chunk (in the main process, or in a local worker with `keep` False)."""
    items = _chunk_items(chunk, max_bytes)
    return _save(parts, items, process_chunk(items, analyst, code), keep)


def _batched(sized: Iterable[tuple[Any, int]], chunk_size: int) -> Iterator[list[Any]]:
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


# --- engines: run the chunks, in order, with a bounded number in flight -------------------------

def _bounded(submit: Callable[[Any], Any], result: Callable[[Any], Any], chunks: Iterable[Any],
             window: int) -> Iterator[tuple[Any, Any]]:
    """(chunk, result) for each chunk in order, keeping at most `window` chunks submitted and not yet taken."""
    pending: collections.deque[tuple[Any, Any]] = collections.deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        while len(pending) >= window:
            done, future = pending.popleft()
            yield done, result(future)
    while pending:
        done, future = pending.popleft()
        yield done, result(future)


_WORKER_ANALYST: AnalystFiles = NO_ANALYST_FILES


def _set_worker_analyst(analyst: AnalystFiles) -> None:
    """Pool initializer: the analyst files travel to each worker once, not with every chunk; the worker
    dies with the process it was forked from and leaves Ctrl-C to the command (workers.worker_started)."""
    global _WORKER_ANALYST
    _WORKER_ANALYST = analyst
    worker_started()


def _extract_in_worker(chunk: _Chunk, parts: Path, max_bytes: int, code: str) -> _Done:
    """A local worker reads, extracts and writes its chunk's part files itself: only the summary travels back."""
    return _extract_chunk(chunk, parts, max_bytes, _WORKER_ANALYST, code, keep=False)


Engine = Callable[[Iterable[_Chunk]], Iterator[_Done]]
"""Runs chunks and gives what became of each, in the chunks' order."""


@contextlib.contextmanager
def _local_engine(workers: int, analyst: AnalystFiles, parts: Path, max_bytes: int) -> Iterator[Engine]:
    """In-process for one worker; a pool of `workers` processes otherwise."""
    if workers <= 1:
        yield lambda chunks: (_extract_chunk(chunk, parts, max_bytes, analyst) for chunk in chunks)
        return
    from concurrent.futures import ProcessPoolExecutor

    executor = ProcessPoolExecutor(max_workers=workers, mp_context=worker_context(),  # fork with patterns compiled
                                   initializer=_set_worker_analyst, initargs=(analyst,))
    try:
        yield lambda chunks: (done for _chunk, done in _bounded(
            lambda c: executor.submit(_extract_in_worker, c, parts, max_bytes, LOADED_CODE), lambda f: f.result(),
            chunks, 2 * workers))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def _dask_engine(workers: int, scheduler: str | None, analyst: AnalystFiles, parts: Path) -> Iterator[Engine]:
    """The same chunks on a dask.distributed cluster: the one at `scheduler`, or a local one of `workers` processes.

    The workers need peacetalks installed (the same version); the documents and the analyst files
    are sent to them, and the rows come back, so they need no access to the corpus's disk.
    """
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise InputError("--engine dask needs dask.distributed, an optional extra: "
                         "pip install 'peacetalks[dask]' (or pip install 'dask[distributed]')") from None
    with contextlib.ExitStack() as stack:
        if scheduler:
            try:
                client = stack.enter_context(Client(scheduler))  # waits distributed.comm.timeouts.connect
            except (OSError, TimeoutError) as err:
                raise InputError(f"cannot connect to the Dask scheduler at {scheduler}: {err}") from None
        else:
            cluster = stack.enter_context(LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                                       dashboard_address=None))
            client = stack.enter_context(Client(cluster))
        slots = max(1, sum(client.nthreads().values()))
        shared = client.scatter(analyst, broadcast=True)

        def run(chunks: Iterable[_Chunk]) -> Iterator[_Done]:
            submitted = _bounded(lambda c: client.submit(process_chunk, c.items, shared, LOADED_CODE, pure=False),
                                 lambda f: f.result(), chunks, 2 * slots)
            return (_save(parts, chunk.items, result, keep=True) for chunk, result in submitted)

        yield run


# --- the work folder: committed parts and their manifest ---------------------------------------

class WorkDir:
    """Part files committed so far and the manifest of the document keys they hold."""

    def __init__(self, out: Path, fingerprint: str, force: bool = False) -> None:
        self.root = out / WORK
        self.parts = self.root / "parts"
        self.manifest = self.root / "manifest.jsonl"
        state_path = self.root / "state.json"
        state = {"fingerprint": fingerprint}
        self.restarted = False
        if self.root.exists() and (force or _read_json(state_path) != state):
            self.restarted = self.manifest.exists() and not force
            self._clear()
        for name in PART_TABLES:
            (self.parts / name).mkdir(parents=True, exist_ok=True)
        if _read_json(state_path) != state:
            _write_atomic(state_path, json.dumps(state).encode())
        self.part_keys: dict[str, list[str]] = {}
        self.done: dict[str, str] = {}
        self._load()

    def _clear(self) -> None:
        for name in PART_TABLES:
            for path in (self.parts / name).glob("*"):
                path.unlink()
        with contextlib.suppress(FileNotFoundError):
            self.manifest.unlink()

    def _load(self) -> None:
        """Read the manifest; a torn last line (a run killed while appending) is ignored."""
        if not self.manifest.exists():
            return
        with self.manifest.open("r", encoding="utf-8") as handle:
            for line in handle:
                try:
                    entry = json.loads(line)
                    part, keys = entry["part"], entry["keys"]
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
                if all(self.part_path(name, part).exists() for name in PART_TABLES):
                    self.part_keys[part] = keys
                    for key in keys:
                        self.done[key] = part

    def part_path(self, table: str, part: str) -> Path:
        return _part_file(self.parts, table, part)

    def record(self, done: _Done) -> None:
        """Record a chunk whose part files are written in the manifest: from then on its keys are done."""
        with self.manifest.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps({"part": done.part, "keys": done.keys}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        self.part_keys[done.part] = done.keys
        for key in done.keys:
            self.done[key] = done.part

    def read_parts(self, part: str) -> dict[str, pa.Table]:
        return {name: _read_part(self.part_path(name, part)) for name in PART_TABLES}

    def remove_orphans(self) -> None:
        """Delete part files no manifest line refers to (left by a run killed mid-commit)."""
        for name in PART_TABLES:
            for path in (self.parts / name).iterdir():
                if not path.name.endswith(PART_SUFFIX) or path.name.removesuffix(PART_SUFFIX) not in self.part_keys:
                    path.unlink()


def _part_file(parts: Path, table: str, part: str) -> Path:
    return parts / table / f"{part}{PART_SUFFIX}"


def _write_parts(parts: Path, keys: list[str], result: dict[str, pa.Table]) -> str:
    """Write a chunk's part files into `parts` (each renamed into place when complete); the part's name."""
    part = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:24]
    for name in PART_TABLES:
        target = _part_file(parts, name, part)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        _write_part(result[name], temporary)
        os.replace(temporary, target)
    return part


def _write_part(table: pa.Table, path: Path) -> None:
    """A part file: the Arrow IPC stream of the table in one LZ4 frame. Compressing the whole stream at
    once costs half as much as the IPC file format's compression of each buffer, and the files are smaller."""
    with pa.CompressedOutputStream(str(path), PART_CODEC) as sink, pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)


def _read_part(path: Path) -> pa.Table:
    with pa.CompressedInputStream(pa.OSFile(str(path)), PART_CODEC) as source:
        return pa.ipc.open_stream(source).read_all()


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One extraction at a time per output folder."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    root.mkdir(parents=True, exist_ok=True)
    with (root / "lock").open("w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise InputError(f"{root.parent}: another extraction is writing into this folder") from None
        yield


# --- assembling the final tables -----------------------------------------------------------------

def _clusters(spans: list[tuple[int, int, str]]) -> Iterator[list[str]]:
    """Parts grouped so that no two groups interleave in document order (usually one part per group)."""
    group: list[str] = []
    end = -1
    for low, high, part in sorted(spans):
        if group and low > end:
            yield group
            group = []
        group.append(part)
        end = max(end, high)
    if group:
        yield group


class _Output:
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
            for writer in self.writers:
                writer.write_table(table)
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


@dataclass
class _Group:
    """Parts whose rows are assembled together (see `_clusters`); `whole` when it is one part holding only
    current documents of its own, in document order, so that its rows are taken as they are."""

    parts: list[str]
    whole: bool


def _plan(work: WorkDir, order: dict[str, int]) -> list[_Group]:
    """The groups of parts to read, in document order, for every table (worked out once, from the manifest)."""
    spans, whole = [], set()
    for part, keys in work.part_keys.items():
        ordinals = [order[k] for k in keys if k in order and work.done.get(k) == part]
        if ordinals:
            spans.append((min(ordinals), max(ordinals), part))
            if len(ordinals) == len(keys) and all(a < b for a, b in zip(ordinals, ordinals[1:])):
                whole.add(part)
    return [_Group(group, len(group) == 1 and group[0] in whole) for group in _clusters(spans)]


def _in_order(work: WorkDir, order: dict[str, int], plan: list[_Group], table: str) -> Iterator[pa.Table]:
    """A part table's rows for the current documents, in document order, a group of parts at a time."""
    for group in plan:
        merged = pa.concat_tables([_read_part(work.part_path(table, part)) for part in group.parts])
        if group.whole:  # a fresh run's parts always are
            yield merged.drop_columns([KEY])
            continue
        keys = merged.column(KEY).to_pylist()
        wanted = [i for i, k in enumerate(keys) if k in order and work.done.get(k) in group.parts]
        ordinals = np.array([order[keys[i]] for i in wanted], dtype=np.int64)
        index = np.array(wanted, dtype=np.int64)[np.argsort(ordinals, kind="stable")]
        yield merged.take(pa.array(index, pa.int64())).drop_columns([KEY])


def _reviewed(machine: Path, articles: Path, review_path: Path, problems: list[Problem]) -> pa.Table:
    """The stances with the analyst's review applied, as load_corpus applies it (review.apply_review)."""
    from .review import apply_review

    ids = _review_ids(review_path)
    filters = [("id", "in", sorted(ids))] if ids else None
    article_rows = pq.read_table(articles, columns=["id", "published", "body"], filters=filters).to_pylist()
    article_frame = tables.frame(article_rows, ["id", "published", "body"])
    machine_frame = tables.frame(pq.read_table(machine).to_pylist(), tables.STANCE_COLUMNS)
    final = apply_review(machine_frame, article_frame, review_path, problems=problems)
    return _to_arrow("stances", final.to_dict("records"), [""] * len(final)).drop_columns([KEY])


def _review_ids(review_path: Path) -> set[str] | None:
    """The article ids a review file names (None when it cannot be read: apply_review then says why)."""
    from .catalog import csv_records, read_analyst_text

    try:
        records = iter(csv_records(review_path, read_analyst_text(review_path)[0]))
        _line, header = next(records, (1, []))
        column = [name.strip() for name in header].index("article_id")
        return {cells[column].strip() for _line, cells in records if len(cells) > column}
    except (InputError, ValueError):
        return None


class _Assembly:
    """The tables being written beside the old output, in document order, renamed into place by `finish`.

    On a fresh run the chunks come back in document order, so their rows are written as they come
    (`add`), while the workers go on; otherwise the committed parts are read back in order at the
    end (`add_parts`). Only a review (stances) needs the stances in memory.
    """

    def __init__(self, out: Path, fmt: str, review_path: Path | None) -> None:
        self.out, self.fmt, self.review_path = out, fmt, review_path
        self.outputs: dict[str, _Output] = {}
        try:
            for name in TABLES:
                self.outputs[name] = _Output(out, name, fmt)
        except BaseException:
            self.discard()
            raise

    def add(self, result: dict[str, pa.Table]) -> None:
        """One chunk's part tables (rows with their key), next in document order."""
        for table in PART_TABLES:
            self._write(table, result[table].drop_columns([KEY]))

    def add_parts(self, work: WorkDir, order: dict[str, int]) -> None:
        """Every committed part, read back in document order."""
        plan = _plan(work, order)
        for table in PART_TABLES:
            for rows in _in_order(work, order, plan, table):
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
                outputs["problems"].write(_to_arrow("problems", [p.as_row() for p in review_problems],
                                                    [""] * len(review_problems)).drop_columns([KEY]))
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


def _parquet_copy(output: _Output, out: Path, scratch: list[Path]) -> Path:
    """A Parquet file of a table written only as CSV (for the review step, which reads Parquet)."""
    path = out / WORK / f"{output.name}.review.parquet"
    scratch.append(path)
    pq.write_table(pacsv.read_csv(output.temporary["csv"], convert_options=pacsv.ConvertOptions(
        column_types=output.schema, strings_can_be_null=True)), path)
    return path


# --- running an extraction -----------------------------------------------------------------------

@dataclass
class Summary:
    """What a run did: documents seen, how many were already done, rows written, time taken."""

    documents: int = 0
    resumed: int = 0
    extracted: int = 0
    text_bytes: int = 0
    chunks: int = 0
    seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    first_problems: list[str] = field(default_factory=list)


def extract(
    source: str | Path, out: str | Path, *, workers: int | None = None, fmt: str = "parquet",
    engine: str = "local", scheduler: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES,
    chunk_size: int = DEFAULT_CHUNK_SIZE, on_commit: Callable[[int], None] | None = None,
    progress: Callable[[str], None] | None = None, force: bool = False,
) -> Summary:
    """Extract the tables of `source` (a folder or an archive export) into `out`, resuming earlier work.

    `on_commit(n)` is called after the n-th chunk of this run is committed (a hook for progress and
    for tests that interrupt a run). With `force`, work saved by earlier runs is discarded and every
    document extracted again. Raises InputError for unusable input or options.
    """
    source, out = Path(source), Path(out)
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if engine not in ("local", "dask"):
        raise InputError(f"unknown engine {engine!r}: use local or dask")
    if scheduler and engine != "dask":
        raise InputError("--scheduler needs --engine dask")
    workers = workers or default_workers()
    if workers < 1 or chunk_size < 1:
        raise InputError("--workers and --chunk-size must be at least 1")
    if not source.exists():
        raise InputError(f"{source}: no such file or folder")
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: exists and is not a folder")
    started = time.perf_counter()
    summary = Summary()
    code = LOADED_CODE
    fingerprint = hashlib.sha256(f"{code}:{_analyst_fingerprint(source)}".encode()).hexdigest()[:24]
    names, listing_problems = list_articles(source) if source.is_dir() else (None, [])
    articles = file_states(source, names) if names is not None else None  # listed and looked at once
    prefix = os.path.join(source, "")  # the folder with its separator: a file's path is prefix + name
    source_state = source_fingerprint(source, articles)
    out.mkdir(parents=True, exist_ok=True)
    with _lock(out / WORK):
        work = WorkDir(out, fingerprint, force)
        if work.restarted and progress:
            progress("the code or analyst files changed since the last run: extracting everything again")
        fresh = not work.part_keys  # nothing to resume: the chunks come back in document order
        # A fresh run of a folder on local workers hands them file names; otherwise documents with their keys.
        by_path = fresh and articles is not None and engine == "local"
        order: dict[str, int] = {}

        def to_extract() -> Iterator[tuple[tuple[str, RawDocument | Problem], int]]:
            """Each document not done yet, with its key, and its size in characters."""
            items = (iter_documents(source, max_bytes) if articles is None
                     else (read_document(prefix + name, max_bytes, name) for name, _size, _mtime in articles))
            for item in items:
                key = item_key(item)
                while key in order:  # the same document twice: keep both
                    key = hashlib.sha256(key.encode()).hexdigest()[:32]
                order[key] = len(order)
                if key in work.done:
                    summary.resumed += 1
                    continue
                yield (key, item), len(item.text) if isinstance(item, RawDocument) else 0

        def chunks() -> Iterator[_Chunk]:
            if by_path:
                files = ((name, size) for name, size, _mtime in articles)
                return (_Chunk(paths=paths, prefix=prefix) for paths in _batched(files, chunk_size))
            return (_Chunk(items=items) for items in _batched(to_extract(), chunk_size))

        analyst = AnalystFiles.beside(analyst_folder(source))
        engine_context = (_dask_engine(workers, scheduler, analyst, work.parts) if engine == "dask"
                          else _local_engine(workers, analyst, work.parts, max_bytes))
        last_report = time.perf_counter()
        review_path = analyst_folder(source) / REVIEW_FILE
        for stale in out.glob(".*.tmp"):  # tables a killed run was writing (this run holds the lock)
            stale.unlink()
        assembly = _Assembly(out, fmt, review_path if review_path.is_file() else None)
        try:
            with engine_context as run_chunks:
                for done in run_chunks(chunks()):
                    work.record(done)
                    if by_path:  # a folder's keys are distinct: each has its file's path
                        for key in done.keys:
                            order[key] = len(order)
                    if fresh:
                        assembly.add(done.tables or work.read_parts(done.part))
                    summary.chunks += 1
                    summary.extracted += done.extracted
                    summary.text_bytes += done.text_bytes
                    summary.first_problems.extend(done.problems[:FIRST_PROBLEMS - len(summary.first_problems)])
                    if on_commit is not None:
                        on_commit(summary.chunks)
                    if progress and time.perf_counter() - last_report > 10:
                        last_report = time.perf_counter()
                        progress(f"{len(order):,} documents read, {summary.extracted:,} extracted so far")
            summary.documents = len(order)
            if not fresh:
                assembly.add_parts(work, order)
            extra = [*listing_problems, *analyst.problems]
            written = assembly.finish(extra, analyst)
            summary.first_problems.extend(str(p) for p in extra[:max(0, FIRST_PROBLEMS - len(summary.first_problems))])
        except BaseException:
            assembly.discard()
            raise
        work.remove_orphans()
        meta = {
            "source": str(source.resolve()), "source_fingerprint": source_state,
            "fingerprint": fingerprint, "code": code, "max_bytes": max_bytes, "format": fmt,
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "documents": summary.documents, "tables": written,
        }
        _write_atomic(out / META, json.dumps(meta, indent=1).encode())
        for name in TABLES:  # a table file of a format no longer written is stale: remove it
            for kind in ("parquet", "csv"):
                stale = out / f"{name}.{kind}"
                if kind not in written[name]["files"] and stale.exists():
                    stale.unlink()
    summary.rows = {name: written[name]["rows"] for name in TABLES}
    summary.seconds = time.perf_counter() - started
    return summary


# --- reading the tables back ---------------------------------------------------------------------

def _meta(folder: Path) -> dict[str, Any] | None:
    meta = _read_json(folder / META)
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
        same_source = meta.get("source") == str(source.resolve()) and \
            meta.get("source_fingerprint") == source_fingerprint(source)
    except InputError:
        return False
    return same_source and meta.get("code") == code_fingerprint()


def read_tables(folder: str | Path, columns: dict[str, list[str]] | None = None) -> dict[str, pd.DataFrame]:
    """The four tables written by `extract` into `folder`, as DataFrames (Parquet when written, else CSV).

    `columns` optionally limits the columns read per table, e.g. {"articles": ["id", "published"]}:
    at archive scale the articles' bodies are most of the data.
    """
    import pandas as pd

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
            dtypes = {c: "Int64" for c in COLUMNS[name] if c in INTEGER_COLUMNS}
            frames[name] = pd.read_csv(folder / files["csv"], usecols=wanted, dtype=dtypes, keep_default_na=False,
                                       na_values=[""])
    return frames


def read_corpus(folder: str | Path, columns: dict[str, list[str]] | None = None) -> Corpus:
    """The tables written into `folder` as a corpus.Corpus, as load_corpus returns it for the same source."""
    from .corpus import Corpus

    frames = read_tables(folder, columns)
    meta = _meta(Path(folder)) or {}
    return Corpus(root=Path(meta.get("source", folder)), articles=frames["articles"],
                  casualties=frames["casualties"], stances=frames["stances"], problems=frames["problems"],
                  machine_stances=frames["machine_stances"])


# --- the command line ----------------------------------------------------------------------------

def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `peacetalks extract` that only streaming extraction (--out) uses."""
    group = parser.add_argument_group("streaming extraction (with --out)")
    group.add_argument("--workers", type=int, default=None, metavar="N",
                       help=f"worker processes (default: all cores, here {default_workers()})")
    group.add_argument("--format", choices=FORMATS, default="parquet", dest="table_format",
                       help="table files to write into TABLES (default parquet)")
    group.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local processes (default) or a dask.distributed cluster (pip install 'peacetalks[dask]')")
    group.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler to use with --engine dask, e.g. tcp://10.0.0.5:8786 "
                            "(default: start a local cluster of --workers processes)")
    group.add_argument("--force", action="store_true",
                       help="extract every document again, discarding the work saved by earlier runs")
    group.add_argument("--chunk-size", type=int, default=DEFAULT_CHUNK_SIZE, metavar="N",
                       help=f"articles per unit of work (default {DEFAULT_CHUNK_SIZE})")


def run(args: argparse.Namespace) -> int:
    """`peacetalks extract SOURCE --out TABLES/`; returns the exit code."""
    def say(message: str) -> None:
        print(f"peacetalks: {message}", file=sys.stderr, flush=True)

    summary = extract(
        args.corpus, args.out, workers=args.workers, fmt=args.table_format, engine=args.engine,
        scheduler=args.scheduler, max_bytes=args.max_bytes, chunk_size=args.chunk_size, progress=say,
        force=args.force,
    )
    for line in summary.first_problems:
        say(line)
    if summary.rows["problems"] > len(summary.first_problems):
        say(f"{summary.rows['problems']:,} problems in all: see {args.out / 'problems'}.*")
    if summary.resumed:
        say(f"resumed: {summary.resumed:,} of {summary.documents:,} documents were already extracted")
    rate = summary.text_bytes / 1e6 / summary.seconds if summary.seconds else 0.0
    say(f"{summary.rows['articles']:,} articles, {summary.rows['casualties']:,} casualty figures, "
        f"{summary.rows['stances']:,} stances, {summary.rows['problems']:,} problems in {args.out} "
        f"({summary.extracted:,} extracted in {summary.seconds:.1f} s, {rate:.1f} MB/s)")
    if summary.rows["articles"] == 0:
        say(f"{args.corpus}: no article could be read")
        return 1
    return 0
