"""Streaming, parallel extraction of a large corpus into table files: `peacetalks extract SOURCE --out TABLES/`.

The documents of a folder of articles or of a CSV / JSON Lines export are cut into chunks
(`chunks`), which an engine (`engines`: local processes or a Dask cluster) extracts, writing each
chunk's rows as Parquet part files (`store`); only a few chunks are in flight, so memory stays
flat. Work is keyed by each document's content hash, so an interrupted run resumes where it
stopped and a changed article alone is extracted again; the parts are tied to the code and the
analyst files they were made with (`fingerprint`), so changed code or catalog re-extracts
everything. When every chunk is done the parts are read back in document order into the final
tables, which replace the old ones only when complete (`publish`); `tables.json`, written last,
records what they were made from.

TABLES/ holds:
    articles.parquet  casualties.parquet  stances.parquet  machine_stances.parquet  problems.parquet
                      (and/or .csv; stances is reviewed, machine_stances the machine's own)
    tables.json       source, its fingerprint, files, row counts
    .work/            state.json, parts/<table>/<part>.parquet (the resumable work, see store.py)
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from peacetalks.tables import engines, fingerprint
from peacetalks.sources.catalog import REVIEW_FILE, AnalystFiles
from peacetalks.tables.chunks import CHUNK_BYTES, DEFAULT_CHUNK_SIZE, FIRST_PROBLEMS, Chunk, batched, item_key
from peacetalks.sources.problems import InputError, Problem
from peacetalks.tables.publish import FORMATS, TABLES, Assembly, read_tables, tables_current
from peacetalks.sources.reading import DEFAULT_MAX_BYTES, RawDocument, analyst_folder, article_names, iter_documents, list_articles, \
    read_document
from peacetalks.tables.store import WORK, Parts, lock, write_atomic
from peacetalks.schema import TABLES_META as META
from peacetalks.tables.workers import default_workers

__all__ = ["extract", "read_tables", "tables_current", "article_names", "Summary", "TABLES", "FORMATS",
           "DEFAULT_CHUNK_SIZE", "CHUNK_BYTES", "add_arguments", "run"]


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
    names, listing_problems = list_articles(source) if source.is_dir() else (None, [])
    digest = fingerprint.combined(fingerprint.digests(source))  # what the tables will be made from
    prefix = os.path.join(source, "")  # the folder with its separator: a file's path is prefix + name
    out.mkdir(parents=True, exist_ok=True)
    with lock(out / WORK):
        parts = Parts(out, {"code": fingerprint.LOADED_CODE, "analyst": fingerprint.analyst_digest(source)}, force)
        if parts.restarted and progress:
            progress("the code or analyst files changed since the last run: extracting everything again")
        # A fresh run of a folder on local workers hands them file names; otherwise documents with their keys.
        by_path = not parts.keys and names is not None and engine == "local"
        order: dict[str, int] = {}  # each document's key -> its place in the corpus

        def to_extract() -> Iterator[tuple[tuple[str, RawDocument | Problem], int]]:
            """Each document not done yet, with its key, and its size in characters."""
            items = (iter_documents(source, max_bytes) if names is None
                     else (read_document(prefix + name, max_bytes, name) for name in names))
            for item in items:
                key = item_key(item)
                while key in order:  # the same document twice: keep both
                    key = hashlib.sha256(key.encode()).hexdigest()[:32]
                order[key] = len(order)
                if key in parts.done:
                    summary.resumed += 1
                    continue
                yield (key, item), len(item.text) if isinstance(item, RawDocument) else 0

        def chunks() -> Iterator[Chunk]:
            if by_path:
                first = 0
                for paths in batched(((name, _size(prefix + name)) for name in names), chunk_size):
                    yield Chunk(first, paths=paths, prefix=prefix)
                    first += len(paths)
                return
            for items in batched(to_extract(), chunk_size):
                yield Chunk(order[items[0][0]], items=items)

        analyst = AnalystFiles.beside(analyst_folder(source))
        run_chunks = (engines.dask(workers, scheduler, analyst, parts.folder) if engine == "dask"
                      else engines.local(workers, analyst, parts.folder, max_bytes))
        last_report = time.perf_counter()
        with run_chunks as run:
            for done in run(chunks()):
                parts.add(done.part, done.keys)
                if by_path:  # a folder's keys are distinct: each has its file's path
                    for key in done.keys:
                        order[key] = len(order)
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
        for stale in out.glob(".*.tmp"):  # tables a killed run was writing (this run holds the lock)
            stale.unlink()
        review_path = analyst_folder(source) / REVIEW_FILE
        assembly = Assembly(out, fmt, review_path if review_path.is_file() else None)
        try:
            assembly.add_parts(parts, order)
            extra = [*listing_problems, *analyst.problems]
            written = assembly.finish(extra, analyst)
        except BaseException:
            assembly.discard()
            raise
        summary.first_problems.extend(str(p) for p in extra[:max(0, FIRST_PROBLEMS - len(summary.first_problems))])
        parts.remove_unused(order)
        meta = {
            "source": str(source.resolve()), "fingerprint": digest, "max_bytes": max_bytes, "format": fmt,
            "created": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "documents": summary.documents, "tables": written,
        }
        write_atomic(out / META, json.dumps(meta, indent=1).encode())
        for name in TABLES:  # a table file of a format no longer written is stale: remove it
            for kind in ("parquet", "csv"):
                stale = out / f"{name}.{kind}"
                if kind not in written[name]["files"] and stale.exists():
                    stale.unlink()
    summary.rows = {name: written[name]["rows"] for name in TABLES}
    summary.seconds = time.perf_counter() - started
    return summary


def _size(path: str) -> int:
    """A file's size in bytes; 0 for one that cannot be looked at (reading it reports the problem)."""
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


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
