"""Reading article files from disk: encodings, size limits and unreadable files, each reported by name."""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from charset_normalizer import from_bytes

from .problems import InputError, Problem

DEFAULT_MAX_BYTES = 5_000_000
"""Larger files are skipped with a problem; raise it with `--max-bytes` or `load_corpus(max_bytes=...)`."""



@dataclass
class RawDocument:
    """An article's text as read, before parsing. `fields` carries columns of an archive row (title, date, source, url)."""

    id: str
    path: str
    text: str
    encoding: str
    digest: str
    fields: dict[str, str] = field(default_factory=dict)
    markup: str = "text"
    """`text` for a page dump, `html` for a saved web page (read by htmlpages)."""


_WINDOWS_RANGE = re.compile(rb"[\x80-\x9f]")  # where Windows-1252 has letters and punctuation, Latin-1 controls


def legacy_encoding(data: bytes) -> str:
    """The encoding of bytes that are not UTF-8: Windows-1252 when they decode as such (named latin-1
    when they use none of the characters the two differ in), else charset-normalizer's best guess,
    with cp1252 preferred among equally good ones.

    Western news pages that are not UTF-8 are nearly always Windows-1252 or Latin-1, and a detector
    guessing among all code pages misreads short texts (Latin-1 French as Central European cp1250,
    "à Genève" as "ŕ Genčve"), so those two are tried first. Used for article files and archives alike.
    """
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        pass
    else:
        return "cp1252" if _WINDOWS_RANGE.search(data) else "latin-1"
    matches = list(from_bytes(data))
    if not matches:
        return "cp1252"
    best = matches[0]
    if any(m.encoding == "cp1252" and (m.chaos, m.coherence) == (best.chaos, best.coherence) for m in matches):
        return "cp1252"
    return best.encoding


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name: UTF-8 when valid, else the `legacy_encoding` of the bytes."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = legacy_encoding(data)
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252"


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # not tab, newline, form feed, return


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: NUL bytes, or mostly control characters."""
    head = data[:4096]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C, not a loop over bytes
    return bool(head) and controls / len(head) > 0.1


def _read_all(descriptor: int, size: int) -> bytes:
    """All the bytes of an open file, `size` the size it had when opened (a growing file is read to its end)."""
    blocks = []
    while block := os.read(descriptor, size + 1 if not blocks else 1 << 20):
        blocks.append(block)
    return b"".join(blocks)


def read_document(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument | Problem:
    """One article file, or the Problem that stops it being read."""
    name = os.fspath(path)
    try:
        descriptor = os.open(name, os.O_RDONLY)  # no file object: a third of the time for a small file
        try:
            size = os.fstat(descriptor).st_size
            if size > max_bytes:
                return Problem(name, f"file is {size:,} bytes, over the limit of {max_bytes:,} (raise it with --max-bytes)", "skipped")
            data = _read_all(descriptor, size)
        finally:
            os.close(descriptor)
    except OSError as err:
        return Problem(name, f"cannot be read: {err.strerror or err}", "skipped")
    if not data.strip():
        return Problem(name, "file is empty", "skipped")
    if looks_binary(data):
        return Problem(name, "file is binary, not text", "skipped")
    markup = "html" if name.endswith(HTML_SUFFIXES) else "text"
    if markup == "html":
        from .htmlpages import decode_html  # a saved page declares its charset
        text, encoding = decode_html(data)
    else:
        text, encoding = decode(data)
    return RawDocument(os.path.splitext(os.path.basename(name))[0], name, text, encoding,
                       hashlib.sha256(data).hexdigest(), markup=markup)


HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = (".txt", *HTML_SUFFIXES)
"""The article files of a corpus folder: page dumps (.txt) and saved web pages (.html, .htm), in lower case as .txt always was."""


def article_names(folder: Path) -> list[str]:
    """The names of the article files of a corpus folder: every .txt, .html and .htm file, sorted.

    Names, not paths: a Path per file cost more than listing the folder (100,000 files)."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of .txt articles nor an archive export (.csv, .jsonl)")
    with os.scandir(folder) as entries:  # what glob("*.txt") lists, by the directory's file types: no stat per file
        return sorted(entry.name for entry in entries
                      if entry.name.endswith(ARTICLE_SUFFIXES) and not entry.name.startswith(".") and entry.is_file())


def article_files(folder: Path) -> list[Path]:
    """The article files of a corpus folder: every .txt, .html and .htm file, sorted by name."""
    return [folder / name for name in article_names(folder)]


def iter_documents(source: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Problem]:
    """Each article of a folder of .txt files or of an archive export (CSV, JSON Lines), or the Problem that stopped it."""
    from .archives import is_archive, iter_archive  # archives imports this module

    if source.is_file() and is_archive(source):
        yield from iter_archive(source, max_bytes)
        return
    for path in article_files(source):
        yield read_document(path, max_bytes)


def analyst_folder(source: Path) -> Path:
    """Where the analyst files for a corpus live: the folder itself, or the folder holding an archive file."""
    return source.parent if source.is_file() else source
