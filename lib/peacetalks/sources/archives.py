"""Reading an archive export: a CSV or JSON Lines file with one article per row.

Columns are found by name, with the aliases exports use (FA-KES calls them `unit_id`,
`article_title`, `article_content`, `date` and `source`). Each row becomes the same
`RawDocument` a folder's `.txt` file would: its text is the title, a blank line and the
article text, so a row and the file holding the same title and text read alike (and hash
alike). The file is streamed row by row, so an archive of any size reads in flat memory.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Iterator


from peacetalks.sources.problems import InputError, Problem
from peacetalks.sources.documents import DEFAULT_MAX_BYTES, RawDocument, decode, legacy_encoding, looks_binary, unicode_bom

SUFFIXES = (".csv", ".jsonl", ".ndjson")
"""Archive file types, each optionally gzipped (`.csv.gz`)."""

ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "article_content", "content", "body", "article_text", "article_body",
             "full_text", "fulltext", "story", "article"),
    "title": ("title", "article_title", "headline", "heading", "head"),
    "date": ("date", "published", "publication_date", "pub_date", "published_at", "publish_date",
             "date_published", "datetime", "timestamp"),
    "source": ("source", "publisher", "outlet", "source_name", "site", "media", "newspaper"),
    "url": ("url", "link", "article_url", "href", "address", "uri"),
    "id": ("id", "unit_id", "article_id", "doc_id", "document_id", "uid", "guid"),
    "html": ("html", "raw_html", "page_html", "html_content", "source_html"),
}
"""Column names accepted for each field, in order of preference; matched ignoring case, spaces and dashes."""

FIELDS = ("title", "date", "source", "url")
"""The columns kept in `RawDocument.fields`."""

_SAMPLE_BYTES = 1 << 20
_CSV_FIELD_LIMIT = 2**31 - 1


def is_archive(path: str | Path) -> bool:
    """True for a file that `iter_archive` reads: `.csv`, `.jsonl` or `.ndjson`, optionally gzipped."""
    path = Path(path)
    return path.is_file() and _kind(path) is not None


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    if name.endswith(".csv"):
        return "csv"
    if name.endswith((".jsonl", ".ndjson")):
        return "jsonl"
    return None


def _normalise(name: str) -> str:
    return name.strip().lstrip("\ufeff").lower().replace(" ", "_").replace("-", "_")


def map_columns(names: list[str]) -> dict[str, str]:
    """Which column holds each field: {"text": "article_content", "title": "article_title", ...}.

    Only fields with a matching column appear; the first alias present wins.
    """
    by_norm: dict[str, str] = {}
    for name in names:
        by_norm.setdefault(_normalise(str(name)), name)
    found: dict[str, str] = {}
    for field_name, aliases in ALIASES.items():
        for alias in aliases:
            if alias in by_norm:
                found[field_name] = by_norm[alias]
                break
    return found


def _missing_text(path: Path, names: list[str]) -> InputError:
    shown = ", ".join(repr(str(n)) for n in names[:20]) or "none"
    return InputError(
        f"{path}: no text column: looked for {', '.join(ALIASES['text'])} (or a page's HTML in "
        f"{', '.join(ALIASES['html'])}); the columns are {shown}"
    )


def _has_text(columns: dict[str, str]) -> bool:
    return "text" in columns or "html" in columns


@dataclass
class _Opened:
    stream: IO[str]
    encoding: str


def _sniff_encoding(sample: bytes) -> str:
    """The file's encoding, judged on its first megabyte.

    UTF-8 when it decodes there, or when its valid multi-byte characters outnumber its bad bytes
    (a UTF-8 export with a few damaged characters, like FA-KES); else the best legacy guess.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    bom = unicode_bom(sample)  # a spreadsheet's "Unicode text" export: UTF-16 with its byte order mark
    if bom is not None:
        return bom
    text = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(sample, final=False)
    bad = len(_ESCAPED_BYTE.findall(text))
    if bad == 0:
        return "utf-8"
    valid_multibyte = len(_NON_ASCII.findall(text)) - len(_SURROGATE.findall(text))
    if valid_multibyte >= bad:
        return "utf-8"
    encoding = legacy_encoding(sample)
    # a first megabyte with none of the characters Windows-1252 and Latin-1 differ in says nothing of the rest
    return "cp1252" if encoding == "latin-1" else encoding


def _open(path: Path) -> _Opened:
    """The archive as text. Bytes its encoding cannot decode are kept (surrogateescape) and repaired row by row."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as raw:
            sample = raw.read(_SAMPLE_BYTES)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, EOFError) as err:
        raise InputError(f"{path}: cannot be read: {getattr(err, 'strerror', None) or err}") from None
    if not sample.strip():
        raise InputError(f"{path}: file is empty")
    if looks_binary(sample):
        raise InputError(f"{path}: file is binary, not a CSV or JSON Lines export")
    encoding = _sniff_encoding(sample)
    stream = opener(path, "rt", encoding=encoding, errors="surrogateescape", newline="")
    return _Opened(stream, "utf-8" if encoding == "utf-8-sig" else encoding)


def _raw_bytes(text: str, encoding: str) -> bytes:
    """The bytes a decoded string came from (undecodable bytes included)."""
    try:
        return text.encode(encoding, "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")
_NON_ASCII = re.compile("[^\x00-\x7f]")


def _has_surrogates(text: str) -> bool:
    return _SURROGATE.search(text) is not None


def _repair(text: str, encoding: str) -> tuple[str, str]:
    """A field's text and encoding; a field holding bytes the file's encoding cannot decode is decoded on its own."""
    if not _has_surrogates(text):
        return text, encoding
    repaired, found = decode(_raw_bytes(text, encoding))
    if _has_surrogates(repaired):
        repaired = repaired.encode("utf-8", "replace").decode("utf-8")
    return repaired, found


def _as_text(value: Any) -> str | None:
    """A cell's value as text: strings stripped, numbers written out, anything else (lists, objects) None."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return str(value)
    return None


class _Ids:
    """Article ids, made unique: a repeated id gets `-2`, `-3`, ... (FA-KES repeats a few unit_ids, one per location)."""

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def unique(self, wanted: str) -> str:
        count = self.seen.get(wanted, 0) + 1
        self.seen[wanted] = count
        if count == 1:
            return wanted
        candidate = f"{wanted}-{count}"
        while candidate in self.seen:
            count += 1
            candidate = f"{wanted}-{count}"
        self.seen[candidate] = 1
        self.seen[wanted] = count
        return candidate


def _document(
    path: Path, record: dict[str, Any], columns: dict[str, str], number: int, ids: _Ids,
    encoding: str, max_bytes: int,
) -> RawDocument | Problem:
    """One row as a RawDocument, or the Problem that stops it being read."""
    wanted_id = _as_text(record.get(columns["id"])) if "id" in columns else None
    row_id = ids.unique(wanted_id or str(number))
    name = f"{path}#{row_id}"
    page = _as_text(record.get(columns["html"])) if "html" in columns else None
    if page:  # a saved web page: read with its markup (htmlpages), the row's columns below what it says
        return _html_document(path, record, columns, number, row_id, page, encoding, max_bytes)
    if "text" not in columns:
        return Problem(name, f"row {number}: no HTML in column {columns['html']!r} and no text column", "skipped")
    body = _as_text(record.get(columns["text"]))
    if body is None:
        return Problem(name, f"row {number}: the {columns['text']!r} value is not text", "skipped")
    if not body:
        return Problem(name, f"row {number}: no text in column {columns['text']!r}", "skipped")
    fields: dict[str, str] = {}
    for key in FIELDS:
        if key in columns:
            value = _as_text(record.get(columns[key]))
            if value:
                fields[key] = _repair(value, encoding)[0]
    raw_title = _as_text(record.get(columns["title"])) if "title" in columns else None
    composed = f"{raw_title}\n\n{body}" if raw_title else body
    data = _raw_bytes(composed, encoding)
    if len(data) > max_bytes:
        return Problem(name, f"row {number} is {len(data):,} bytes, over the limit of {max_bytes:,} "
                             "(raise it with --max-bytes)", "skipped")
    text, text_encoding = _repair(composed, encoding)
    return RawDocument(row_id, name, text, text_encoding, hashlib.sha256(data).hexdigest(), fields)


def _html_document(
    path: Path, record: dict[str, Any], columns: dict[str, str], number: int, row_id: str, page: str,
    encoding: str, max_bytes: int,
) -> RawDocument | Problem:
    """A row whose html column holds a saved page, as a RawDocument read as a saved web page."""
    name = f"{path}#{row_id}"
    data = _raw_bytes(page, encoding)
    if len(data) > max_bytes:
        return Problem(name, f"row {number} is {len(data):,} bytes, over the limit of {max_bytes:,} "
                             "(raise it with --max-bytes)", "skipped")
    fields = {key: _repair(value, encoding)[0] for key in FIELDS if key in columns
              for value in [_as_text(record.get(columns[key]))] if value}
    text, text_encoding = _repair(page, encoding)
    return RawDocument(row_id, name, text, text_encoding, hashlib.sha256(data).hexdigest(), fields, markup="html")


def _iter_csv(path: Path, opened: _Opened, max_bytes: int) -> Iterator[RawDocument | Problem]:
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    reader = csv.reader(opened.stream)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{path}: file is empty") from None
    except csv.Error as err:
        raise InputError(f"{path}: not a readable CSV header: {err}") from None
    header = [_repair(name, opened.encoding)[0] for name in header]
    columns = map_columns(header)
    if not _has_text(columns):
        raise _missing_text(path, header)
    ids = _Ids()
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            number += 1
            yield Problem(f"{path}#line {reader.line_num}", f"malformed CSV row: {err}", "skipped")
            continue
        if not any(cell.strip() for cell in row):
            continue
        number += 1
        record = dict(zip(header, row))
        yield _document(path, record, columns, number, ids, opened.encoding, max_bytes)


def _iter_jsonl(path: Path, opened: _Opened, max_bytes: int) -> Iterator[RawDocument | Problem]:
    columns: dict[str, str] | None = None
    ids = _Ids()
    number = 0
    for line_number, line in enumerate(opened.stream, start=1):
        if not line.strip():
            continue
        number += 1
        where = f"{path}#line {line_number}"
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as err:
            message = err.msg if isinstance(err, json.JSONDecodeError) else "nested too deeply"
            yield Problem(where, f"line {line_number} is not valid JSON: {message}", "skipped")
            continue
        if not isinstance(record, dict):
            yield Problem(where, f"line {line_number} is not a JSON object", "skipped")
            continue
        if columns is None:
            names = [str(key) for key in record]
            columns = map_columns(names)
            if not _has_text(columns):
                raise _missing_text(path, names)
        yield _document(path, record, columns, line_number, ids, opened.encoding, max_bytes)
    if columns is None and number:
        raise InputError(f"{path}: no line is a JSON object with an article's text")


def iter_archive(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | Problem]:
    """Each row of a CSV or JSON Lines export as a RawDocument, or the Problem that stops it being read.

    Raises InputError (naming the file) when the file cannot be read at all or has no text column.
    Rows without an id column are numbered from 1 (JSON Lines: by line); a repeated id gets a suffix.
    """
    path = Path(path)
    kind = _kind(path)
    if kind is None:
        raise InputError(f"{path}: not an archive export (expected {', '.join(SUFFIXES)}, optionally .gz)")
    if path.is_dir():
        raise InputError(f"{path}: a folder, not an archive file")
    opened = _open(path)
    with opened.stream:
        try:
            if kind == "csv":
                yield from _iter_csv(path, opened, max_bytes)
            else:
                yield from _iter_jsonl(path, opened, max_bytes)
        except (OSError, EOFError) as err:
            raise InputError(f"{path}: cannot be read to the end: {getattr(err, 'strerror', None) or err}") from None
