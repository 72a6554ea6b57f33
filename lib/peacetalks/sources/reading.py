"""Reading article files from disk: encodings, size limits and unreadable files, each reported by name."""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path
from typing import Iterator

from peacetalks.sources.archives import is_archive, iter_archive
from peacetalks.sources.documents import (DEFAULT_MAX_BYTES, ESCAPED_BYTES, RawDocument, decode, decode_html, decode_with_notes,
                        looks_binary)
from peacetalks.sources.problems import InputError, Problem


def _read_all(descriptor: int, size: int) -> bytes:
    """All the bytes of an open file, `size` the size it had when opened (a growing file is read to its end)."""
    blocks = []
    while block := os.read(descriptor, size + 1 if not blocks else 1 << 20):
        blocks.append(block)
    return b"".join(blocks)


HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)
"""The article files of a corpus folder: page dumps (.txt) and saved web pages (.html, .htm), in lower case as .txt always was."""

ID_SEPARATOR = "__"
"""What stands for a folder separator in the id of an article in a sub-folder: `bbc/2015/talks.txt` is `bbc__2015__talks`."""


def article_id(name: str) -> str:
    """The id of the article file `name` (relative to the corpus folder, `/` between folders): the name
    without its suffix, folders joined by ID_SEPARATOR."""
    return printable(os.path.splitext(name)[0]).replace("/", ID_SEPARATOR).replace(os.sep, ID_SEPARATOR)


def printable(name: str) -> str:
    """A file name as text that can be written anywhere: a name that is not UTF-8 (its bytes kept by Python
    as lone surrogates, as old zip archives leave them) decoded as its likely legacy encoding instead."""
    if ESCAPED_BYTES.search(name) is None:
        return name
    return decode(os.fsencode(name))[0]


def _name_warning(name: str) -> tuple[str, ...]:
    if ESCAPED_BYTES.search(name) is None:
        return ()
    return (f"the file name is not UTF-8: read as {decode(os.fsencode(name))[1]}",)


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES, name: str | None = None) -> RawDocument | Problem:
    """One article file, or the Problem that stops it being read. `name` is its path relative to the
    corpus folder (default: its file name), which gives its id."""
    raw_path = os.fspath(path)
    shown = printable(raw_path)
    try:
        descriptor = os.open(raw_path, os.O_RDONLY)  # no file object: a third of the time for a small file
        try:
            size = os.fstat(descriptor).st_size
            if size > max_bytes:
                return Problem(shown, f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)", "skipped")
            data = _read_all(descriptor, size)
        finally:
            os.close(descriptor)
    except OSError as err:
        hint = ""
        if os.path.islink(raw_path):
            hint = " (a symbolic link to nothing: fix or remove the link)" if not os.path.exists(raw_path) else \
                   " (a symbolic link in a loop: fix or remove the link)" if err.errno == errno.ELOOP else ""
        elif isinstance(err, PermissionError):
            hint = " (give yourself read permission: chmod u+r)"
        return Problem(shown, f"cannot be read: {err.strerror or err}{hint}", "skipped")
    if not data.strip():
        return Problem(shown, "file is empty", "skipped")
    if looks_binary(data):
        return Problem(shown, "file is binary, not text", "skipped")
    markup = "html" if raw_path.endswith(HTML_SUFFIXES) else "text"
    if markup == "html":
        text, encoding = decode_html(data)
        warnings: tuple[str, ...] = ()
    else:
        text, encoding, warnings = decode_with_notes(data)
    if "\x00" in text:
        count = text.count("\x00")
        text = text.replace("\x00", "")
        warnings += (f"{count:,} NUL byte{'s' if count > 1 else ''} dropped from the text",)
    warnings = _name_warning(raw_path) + warnings
    doc_id = article_id(name if name is not None else os.path.basename(raw_path))
    return RawDocument(doc_id, shown, text, encoding, hashlib.sha256(data).hexdigest(), warnings=warnings,
                       markup=markup)


def list_articles(folder: Path) -> tuple[list[str], list[Problem]]:
    """The article files of a corpus folder and its sub-folders, as names relative to it (`/` between
    folders), sorted; and the problems of what could not be looked into: a symbolic link in a loop, a
    sub-folder that cannot be listed, two files that would have the same id. Hidden files and folders
    (a leading dot) are left out. A symbolic link to nothing named like an article is listed, so that
    reading it reports it.

    Names, not paths: a Path per file cost more than listing the folder (100,000 files)."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of .txt articles nor an archive export (.csv, .jsonl)")
    names: list[str] = []
    problems: list[Problem] = []
    seen_folders = {(st.st_dev, st.st_ino) for st in [os.stat(folder)]}
    pending = [""]
    while pending:
        relative = pending.pop()
        where = os.path.join(folder, relative) if relative else os.fspath(folder)
        try:
            entries = list(os.scandir(where))  # what glob("*.txt") lists, by the directory's file types: no stat per file
        except OSError as err:
            problems.append(Problem(printable(where), f"folder cannot be read: {err.strerror or err}; "
                                                      "its articles were not read", "skipped"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            name = f"{relative}/{entry.name}" if relative else entry.name
            try:
                is_dir = entry.is_dir()
                is_file = not is_dir and entry.is_file()
            except OSError as err:  # a symbolic link in a loop
                problems.append(Problem(printable(entry.path), f"cannot be read: {err.strerror or err} "
                                                               "(a symbolic link in a loop: fix or remove the link)", "skipped"))
                continue
            if is_dir:
                try:
                    st = entry.stat()
                except OSError as err:
                    problems.append(Problem(printable(entry.path), f"folder cannot be read: {err.strerror or err}", "skipped"))
                    continue
                if (st.st_dev, st.st_ino) in seen_folders:
                    problems.append(Problem(printable(entry.path), "a symbolic link to a folder already read "
                                                                   "(a loop, or a second way in): not read again", "warning"))
                    continue
                seen_folders.add((st.st_dev, st.st_ino))
                pending.append(name)
            elif entry.name.endswith(ARTICLE_SUFFIXES) and (is_file or entry.is_symlink()):
                names.append(name)
    names.sort()
    by_id: dict[str, str] = {}
    kept = []
    for name in names:
        doc_id = article_id(name)
        if doc_id in by_id:
            problems.append(Problem(printable(os.path.join(folder, name)),
                                    f"has the id {doc_id!r} of {printable(by_id[doc_id])}, read already: rename one of them", "skipped"))
            continue
        by_id[doc_id] = name
        kept.append(name)
    return kept, problems


def article_names(folder: Path) -> list[str]:
    """The names of the article files of a corpus folder and its sub-folders (see `list_articles`)."""
    return list_articles(folder)[0]


def article_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder and its sub-folders, sorted by name."""
    return [folder / name for name in article_names(folder)]


def iter_documents(source: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Problem]:
    """Each article of a folder of .txt files or of an archive export (CSV, JSON Lines), or the Problem that stopped it."""

    if source.is_file() and is_archive(source):
        yield from iter_archive(source, max_bytes)
        return
    names, problems = list_articles(source)
    for name in names:
        yield read_document(os.path.join(source, name), max_bytes, name)
    yield from problems


def analyst_folder(source: Path) -> Path:
    """Where the analyst files for a corpus live: the folder itself, or the folder holding an archive file."""
    return source.parent if source.is_file() else source
