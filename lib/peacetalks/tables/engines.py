"""Engines of streaming extraction: they run chunks, write each chunk's parts, and give what became of
each in the chunks' order, with a bounded number in flight (so memory stays flat).

- local, one worker: in this process;
- local, N workers: a pool of processes forked from a server that has imported the extractors
  (workers.worker_context); each worker reads its chunk's files and writes its parts itself, so
  neither the text nor the rows pass through the main process;
- dask: a dask.distributed cluster, the one at `scheduler` or a local one of N processes; the
  documents and the analyst files are sent to its workers and the rows come back, so the workers
  need peacetalks installed (the same version: `process_chunk` refuses another) but no access to
  the corpus's disk. A local cluster's worker processes die with the command without help from
  here: Dask starts each one with a pipe whose other end only the parent holds, and the worker
  exits when it closes (tests/test_faults.py kills the command and finds none left). A second
  guard (prctl in a worker plugin, as workers.die_with_parent does for our own pool) would tie each
  worker to the helper thread of Dask's that started it, not to the command, so there is none.
"""
from __future__ import annotations

import collections
import contextlib
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

from peacetalks.tables import fingerprint
from peacetalks.sources.catalog import NO_ANALYST_FILES, AnalystFiles
from peacetalks.tables.chunks import Chunk, Done, process_chunk, summarise
from peacetalks.sources.problems import InputError
from peacetalks.tables.store import part_name, write_part
from peacetalks.tables.workers import worker_context, worker_started

Engine = Callable[[Iterable[Chunk]], Iterator[Done]]
"""Runs chunks and gives what became of each, in the chunks' order."""


def extract_chunk(chunk: Chunk, parts: Path, max_bytes: int, analyst: AnalystFiles, code: str | None = None) -> Done:
    """Read, extract and write one chunk's parts."""
    items = chunk.read(max_bytes)
    result = process_chunk(items, analyst, code)
    return save(chunk, items, result, parts)


def save(chunk: Chunk, items: list, result: dict, parts: Path) -> Done:
    keys = [key for key, _ in items]
    name = part_name(chunk.first, keys)
    write_part(parts, name, result, keys)
    return summarise(name, items, result)


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


def _extract_in_worker(chunk: Chunk, parts: Path, max_bytes: int, code: str) -> Done:
    return extract_chunk(chunk, parts, max_bytes, _WORKER_ANALYST, code)


@contextlib.contextmanager
def local(workers: int, analyst: AnalystFiles, parts: Path, max_bytes: int) -> Iterator[Engine]:
    """In this process for one worker; a pool of `workers` processes otherwise."""
    if workers <= 1:
        yield lambda chunks: (extract_chunk(chunk, parts, max_bytes, analyst) for chunk in chunks)
        return
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=worker_context(),
                                   initializer=_set_worker_analyst, initargs=(analyst,))
    try:
        code = fingerprint.LOADED_CODE
        yield lambda chunks: (done for _chunk, done in _bounded(
            lambda c: executor.submit(_extract_in_worker, c, parts, max_bytes, code), lambda f: f.result(),
            chunks, 2 * workers))
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


@contextlib.contextmanager
def dask(workers: int, scheduler: str | None, analyst: AnalystFiles, parts: Path) -> Iterator[Engine]:
    """The same chunks on a dask.distributed cluster: the one at `scheduler`, or a local one of `workers` processes."""
    try:
        from dask.distributed import Client, LocalCluster  # an optional extra: imported only when asked for
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
        code = fingerprint.LOADED_CODE

        def run(chunks: Iterable[Chunk]) -> Iterator[Done]:
            submitted = _bounded(lambda c: client.submit(process_chunk, c.items, shared, code, pure=False),
                                 lambda f: f.result(), chunks, 2 * slots)
            return (save(chunk, chunk.items, result, parts) for chunk, result in submitted)

        yield run
