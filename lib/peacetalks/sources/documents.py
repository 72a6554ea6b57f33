"""What every source yields, a RawDocument, and how bytes become its text: encodings, stray bytes, binary files.

Kept apart from the reading of folders (reading.py), archives (archives.py) and saved pages
(htmlpages.py), which all decode with it, so that none of them imports another.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from charset_normalizer import from_bytes

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
    warnings: tuple[str, ...] = ()
    """What was read with a caveat (bytes that were not UTF-8, NUL bytes dropped, a file name that was not UTF-8): each a problem row."""


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


_UTF16_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
"""Byte order marks of the Unicode encodings other than UTF-8 (UTF-32 first: its LE mark begins with UTF-16's)."""


def unicode_bom(data: bytes) -> str | None:
    """"utf-16" or "utf-32" for data that opens with that encoding's byte order mark, else None."""
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            return encoding
    return None


_STRAY = "peacetalks-stray-cp1252"


def _stray_as_cp1252(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decoding error handler: the first byte UTF-8 could not decode, read as Windows-1252 (U+FFFD for its
    five unassigned bytes); decoding goes on as UTF-8 from the next byte."""
    byte = err.object[err.start:err.start + 1]
    return byte.decode("cp1252", errors="replace"), err.start + 1


codecs.register_error(_STRAY, _stray_as_cp1252)

_VALID_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _stray_bytes(data: bytes) -> tuple[int, int] | None:
    """(how many bytes are not UTF-8, the line of the first) when the data is UTF-8 with a few stray bytes:
    valid multi-byte characters at least as many as the bad bytes. None when it is not UTF-8 at all."""
    text = data.decode("utf-8", errors="surrogateescape")
    bad = ESCAPED_BYTES.findall(text)
    if not bad or len(_VALID_MULTIBYTE.findall(data)) < len(bad):
        return None
    return len(bad), text.count("\n", 0, ESCAPED_BYTES.search(text).start()) + 1


ESCAPED_BYTES = re.compile("[\udc80-\udcff]")


def decode_with_notes(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """Text, encoding name and warnings: UTF-8 when valid; UTF-16/32 when the data opens with their byte
    order mark; UTF-8 with a few stray bytes (a Windows-1252 quote pasted into a UTF-8 page) decoded as
    UTF-8 with each stray byte read as Windows-1252, and a warning saying where; else the `legacy_encoding`."""
    bom = unicode_bom(data)
    if bom is not None:
        try:
            return data.decode(bom), bom, ()
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8", ()
    except UnicodeDecodeError:
        pass
    stray = _stray_bytes(data)
    if stray is not None:
        count, line = stray
        text = data.decode("utf-8-sig", errors=_STRAY)
        return text, "utf-8", (f"{count:,} byte{'s' if count > 1 else ''} not UTF-8 (the first on line {line}): "
                               "read as Windows-1252, the rest as UTF-8",)
    encoding = legacy_encoding(data)
    try:
        return data.decode(encoding), encoding, ()
    except (UnicodeDecodeError, LookupError):
        return data.decode("cp1252", errors="replace"), "cp1252", ()


def decode(data: bytes) -> tuple[str, str]:
    """Text and encoding name (see `decode_with_notes`)."""
    text, encoding, _notes = decode_with_notes(data)
    return text, encoding


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))  # NUL and the others; not tab, newline, form feed, return


def looks_binary(data: bytes) -> bool:
    """True for data that is not text: mostly control characters (NUL bytes included) in its first 4 KB.
    Text in UTF-16 or UTF-32 with a byte order mark is text. A stray NUL byte does not make a file binary,
    wherever it is (`read_document` drops it, with a warning)."""
    if unicode_bom(data) is not None:
        return False
    head = data[:4096]
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))  # counted in C, not a loop over bytes
    return bool(head) and controls / len(head) > 0.1


_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)


def decode_html(data: bytes) -> tuple[str, str]:
    """A saved page's text and encoding: UTF-8 when valid, else the charset the page declares when it
    decodes the page, else what reading.decode makes of the bytes."""
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _CHARSET.search(head)
    if declared:
        try:
            name = codecs.lookup(declared.group(1).decode("ascii")).name
            return data.decode(name), name
        except (LookupError, UnicodeDecodeError, ValueError):
            pass
    return decode(data)
