"""The one fingerprint of every cache: what a table or a report was made from.

The extracted tables (`peacetalks extract --out`, `.reports.tables/`) and the report's "nothing
changed" check both ask `digests`: a hash of each kind of input, named as the user knows them:

- the articles and the analyst files (every file of the corpus folder and the articles of its
  sub-folders, or an archive export and the analyst files beside it), by content, not by size and
  modification time (`cp -p`, `rsync -t` or two edits within the clock's granularity are changes);
- the library: every file of the package (code, codebook, cue lists, templates), hashed whole
  rather than by following imports, so no module can be missed;
- the versions of Python and of the libraries that change rows (`ROW_LIBRARIES`); the report adds
  its own (pandas, matplotlib, nbconvert...).

`code_digests` is the part that does not depend on the corpus: extraction's work folder and its
workers are tied to it, so an upgraded text2num or an edited cue list means extracting again.
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path
from typing import Iterable

from peacetalks.sources.catalog import ANALYST_FILES, CATALOG_FILE, EVENTS_FILE
from peacetalks.sources.reading import analyst_folder, article_names

PACKAGE_DIR = Path(__file__).resolve().parents[1]  # the whole peacetalks package

ROW_LIBRARIES = ("text2num", "blingfire", "pyahocorasick", "trafilatura", "htmldate", "lxml", "charset-normalizer",
                 "python-dateutil", "pyyaml", "pydantic")
"""Libraries whose version can change the rows: numbers in words, sentences, cue matching, saved pages,
dates, encodings, the analyst's YAML files and their validation."""

ARTICLES = "articles and analyst files"
LIBRARY = "library, codebook and templates"
SOFTWARE = "software versions"


def versions(names: Iterable[str]) -> dict[str, str]:
    """Python's version and each named distribution's ("-" when it is not installed)."""
    found = {"python": sys.version.split()[0]}
    for name in names:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "-"
    return found


def hash_files(files: Iterable[tuple[str, str | os.PathLike[str]]]) -> str:
    """A hash of (name, path) pairs: each name and its file's bytes, read a megabyte at a time. A file that
    cannot be read is hashed by its name and the reason (extraction names it in the problems table)."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0")
        try:
            with open(path, "rb") as handle:
                while block := handle.read(1 << 20):
                    digest.update(block)
        except OSError as err:
            digest.update(f"unreadable: {err.strerror or err}".encode())
        digest.update(b"\0")
    return digest.hexdigest()


def package_files() -> list[Path]:
    """Every file of the package but compiled bytecode."""
    return sorted(p for p in PACKAGE_DIR.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts and p.suffix not in {".pyc", ".pyo"})


def corpus_files(corpus: Path) -> list[Path]:
    """The files a corpus is read from: every file of its folder and the articles of its sub-folders, or an
    archive file and the analyst files beside it."""
    if corpus.is_dir():
        top = [p for p in corpus.iterdir() if p.is_file() or (p.is_symlink() and not p.is_dir())]
        return sorted({*top, *(corpus / name for name in article_names(corpus))})
    return [corpus, *sorted(corpus.parent / n for n in ANALYST_FILES if (corpus.parent / n).is_file())]


def code_digests(libraries: Iterable[str] = ROW_LIBRARIES) -> dict[str, str]:
    """The inputs of a cache that do not depend on the corpus: the package's files and the libraries' versions."""
    return {
        LIBRARY: hash_files((p.relative_to(PACKAGE_DIR).as_posix(), p) for p in package_files()),
        SOFTWARE: hashlib.sha256(json.dumps(versions(libraries), sort_keys=True).encode()).hexdigest(),
    }


def digests(source: Path, libraries: Iterable[str] = ROW_LIBRARIES) -> dict[str, str]:
    """A hash of each kind of input of a cache of `source` (a folder or an archive export), by name."""
    root = source if source.is_dir() else source.parent
    files = ((p.relative_to(root).as_posix(), p) for p in corpus_files(source))  # the same folder named two ways: one hash
    return {ARTICLES: hash_files(files), **code_digests(libraries)}


def analyst_digest(source: Path) -> str:
    """A hash of the analyst files that change a document's rows (catalog, events): extraction's work is
    tied to it. The review is applied to the whole stances table at the end, so it is not part of it."""
    folder = analyst_folder(source)
    return hash_files((name, folder / name) for name in (CATALOG_FILE, EVENTS_FILE) if (folder / name).is_file())


def combined(parts: dict[str, str]) -> str:
    """One hash of named hashes."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode()).hexdigest()[:32]


def code_fingerprint() -> str:
    """The package and the row-changing libraries as installed now."""
    return combined(code_digests())


LOADED_CODE = code_fingerprint()
"""The fingerprint of the code this process imported; a worker running other code must not mix its rows in."""
