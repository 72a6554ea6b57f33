"""The resumable work of streaming extraction: one Parquet file per chunk per table.

    TABLES/.work/state.json                   the code and analyst files the parts were made with
    TABLES/.work/parts/<table>/<part>.parquet  a chunk's rows of articles, casualties, stances, problems
    TABLES/.work/parts/keys/<part>.parquet     the chunk's document keys, written last

Each file is written beside its place and renamed into it (`os.replace`), and the keys file last:
a chunk whose keys file exists is done, and a run killed at any moment leaves at most a chunk's
files without one, which the next run removes. A part is named by the place of its first document
in the corpus, zero-padded, so that in a fresh run the names' order is the documents' order.
When the corpus changed between runs (an article added, edited or removed), the parts of the
documents still there are read back in the current documents' order (`in_order`).
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path
from typing import Any, Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from peacetalks.tables.chunks import KEY, PART_TABLES, schema
from peacetalks.sources.problems import InputError

WORK = ".work"
KEYS = "keys"
"""The table of a chunk's document keys: its file, written last, says the chunk is done."""
PART_CODEC = "lz4"
"""The parts' compression: the cheapest to write; the final tables are compressed harder."""


def part_name(first: int, keys: list[str]) -> str:
    """A chunk's name: the place of its first document, zero-padded, and a hash of its keys."""
    return f"{first:010d}-{hashlib.sha256(chr(10).join(keys).encode()).hexdigest()[:16]}"


def write_part(folder: Path, name: str, result: dict[str, pa.Table], keys: list[str]) -> None:
    """Write a chunk's tables into `folder`, each renamed into place when complete, the keys last."""
    tables = {**result, KEYS: pa.table({KEY: pa.array(keys, pa.string())})}
    for table in (*PART_TABLES, KEYS):
        target = folder / table / f"{name}.parquet"
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        pq.write_table(tables[table], temporary, compression=PART_CODEC, write_statistics=False)
        os.replace(temporary, target)


class Parts:
    """The committed parts of an output folder, and the document keys each holds."""

    def __init__(self, out: Path, state: dict[str, Any], force: bool = False) -> None:
        self.root = out / WORK
        self.folder = self.root / "parts"
        state_path = self.root / "state.json"
        self.restarted = False
        if self.folder.exists() and (force or read_json(state_path) != state):
            self.restarted = not force and any((self.folder / KEYS).glob("*.parquet"))
            for path in self.folder.glob("*/*"):
                path.unlink()
        for table in (*PART_TABLES, KEYS):
            (self.folder / table).mkdir(parents=True, exist_ok=True)
        if read_json(state_path) != state:
            write_atomic(state_path, json.dumps(state).encode())
        self.keys: dict[str, list[str]] = {}
        """The keys of each part done, by part name."""
        for path in sorted((self.folder / KEYS).glob("*.parquet")):
            self.keys[path.stem] = pq.read_table(path).column(KEY).to_pylist()
        self.done = {key: name for name, keys in self.keys.items() for key in keys}
        """The part holding each document done."""
        for path in self.folder.glob("*/*"):  # what a killed run was writing
            if path.name.endswith(".tmp") or path.stem not in self.keys:
                path.unlink()

    def path(self, table: str, name: str) -> Path:
        return self.folder / table / f"{name}.parquet"

    def add(self, name: str, keys: list[str]) -> None:
        """Note a part written (by `write_part`)."""
        self.keys[name] = keys
        for key in keys:
            self.done[key] = name

    def remove_unused(self, order: dict[str, int]) -> None:
        """Delete the parts that hold no current document (their articles were removed or changed)."""
        for name in [n for n, keys in self.keys.items() if not any(self.done.get(k) == n and k in order for k in keys)]:
            for table in (KEYS, *PART_TABLES):
                self.path(table, name).unlink(missing_ok=True)
            del self.keys[name]

    def in_order(self, table: str, order: dict[str, int]) -> Iterator[pa.Table]:
        """A table's rows of the current documents (`order`: key -> place), in document order, without keys.

        Parts are taken in the order of their documents' places; a part holding exactly the documents
        of its place, in order (every part of a run that was not changed since), is read as it is, a
        part at a time (pyarrow.dataset, in the order of its files). Parts whose places interleave
        (documents added or changed since) are read together and their rows sorted."""
        columns = schema(table).names
        for group, whole in self._plan(order):
            files = [str(self.path(table, name)) for name in group]
            dataset = ds.dataset(files, format="parquet", schema=schema(table, with_key=True))
            if whole:
                for fragment in dataset.get_fragments():  # the files' order
                    yield fragment.to_table(columns=columns, schema=dataset.schema)
                continue
            rows = dataset.to_table()
            keys = rows.column(KEY).to_pylist()
            current = [i for i, key in enumerate(keys) if key in order and self.done.get(key) in group]
            places = pa.array([order[keys[i]] for i in current], pa.int64())
            index = pc.take(pa.array(current, pa.int64()), pc.sort_indices(places))
            yield rows.take(index).select(columns)

    def _plan(self, order: dict[str, int]) -> list[tuple[list[str], bool]]:
        """Groups of parts to read in turn, each with whether its parts are read as they are (see `in_order`)."""
        spans = []
        for name, keys in self.keys.items():
            places = [order[k] for k in keys if k in order and self.done.get(k) == name]
            if places:
                spans.append((min(places), max(places), name, len(places) == len(keys) and places == sorted(places)))
        clusters: list[tuple[list[str], bool]] = []  # parts whose places interleave, together
        end = -1
        for low, high, name, whole in sorted(spans):
            if clusters and low <= end:
                clusters[-1] = (clusters[-1][0] + [name], False)
            else:
                clusters.append(([name], whole))
            end = max(end, high)
        plan: list[tuple[list[str], bool]] = []
        for group, whole in clusters:  # and runs of parts read as they are, one dataset
            if whole and plan and plan[-1][1]:
                plan[-1][0].extend(group)
            else:
                plan.append((group, whole))
        return plan


def read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temporary.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


@contextlib.contextmanager
def lock(root: Path) -> Iterator[None]:
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
