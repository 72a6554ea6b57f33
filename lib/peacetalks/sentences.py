"""Sentence segmentation of article bodies.

Uses blingfire's finite-state segmenter: it keeps abbreviations such as U.S., U.N. and
Jan. 7 inside their sentence and runs at >10 MB/s, where pysbd and syntok manage well
under 1 MB/s on the one-paragraph articles of real archives (measured in bench/).
"""
from __future__ import annotations

import ctypes
import re
import threading
from typing import Iterator, NamedTuple

import blingfire
import numpy as np

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


class Sentence(NamedTuple):
    """A sentence with its position: `paragraph` is the index of its paragraph in the body, `start`/`end` are offsets in the body.

    A named tuple, which is built several times faster than a frozen dataclass (an article can
    have hundreds of sentences)."""

    text: str
    start: int
    end: int
    paragraph: int


def paragraphs(body: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, text) of each paragraph of a body; paragraphs are separated by blank lines."""
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        text = body[pos:match.start()]
        if text and not text.isspace():  # what text.strip() is truthy for, without the copy
            yield pos, match.start(), text
        pos = match.end()
    text = body[pos:]
    if text and not text.isspace():
        yield pos, len(body), text


class _Buffers(threading.local):
    """blingfire's output buffers, grown as needed and kept per thread: allocating (and zeroing) them
    for every paragraph cost as much as the segmentation itself."""

    capacity = 0

    def at_least(self, capacity: int) -> tuple[ctypes.Array, ctypes.Array, ctypes.Array]:
        if capacity > self.capacity:
            self.capacity = max(capacity, 2 * self.capacity, 1 << 16)
            self.output = ctypes.create_string_buffer(self.capacity)
            self.starts = (ctypes.c_int32 * self.capacity)()
            self.ends = (ctypes.c_int32 * self.capacity)()
        return self.output, self.starts, self.ends


_BUFFERS = _Buffers()
_SEGMENT = blingfire.blingfire.TextToSentencesWithOffsets


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of `text`, by blingfire's segmenter.

    Calls blingfire's C function directly: its Python wrapper maps byte offsets to characters
    in a Python loop over every byte, which made segmentation run at 0.2 MB/s.
    """
    data = text.encode("utf-8")
    if not data:
        return []
    capacity = len(data) * 2 + 16
    output, starts, ends = _BUFFERS.at_least(capacity)
    written = _SEGMENT(data, len(data), output, starts, ends, capacity)  # bytes written, with the closing NUL
    if written <= 0 or written > capacity:
        return [(0, len(text))]
    sentences = ctypes.string_at(output, written - 1).count(b"\n") + 1
    if len(data) == len(text):  # ASCII: bytes are characters (slicing a ctypes array gives a list of ints)
        return list(zip(starts[:sentences], [end + 1 for end in ends[:sentences]]))
    byte_starts = np.frombuffer(starts, dtype=np.int32, count=sentences)
    byte_ends = np.frombuffer(ends, dtype=np.int32, count=sentences) + 1
    is_char_start = (np.frombuffer(data, dtype=np.uint8) & 0xC0) != 0x80
    chars_before = np.concatenate(([0], np.cumsum(is_char_start)))  # characters starting before each byte
    return list(zip(chars_before[byte_starts].tolist(), chars_before[byte_ends].tolist()))


def split_sentences(body: str, only: re.Pattern[str] | None = None) -> list[Sentence]:
    """The sentences of `body`, in order. With `only`, paragraphs the pattern does not match are skipped (a cheap pre-filter for speed)."""
    result: list[Sentence] = []
    for index, (start, _end, text) in enumerate(paragraphs(body)):
        if only is None or only.search(text):
            result.extend(paragraph_sentences(text, start, index))
    return result


def paragraph_sentences(text: str, start: int, index: int) -> list[Sentence]:
    """The sentences of one paragraph (`text`, as `paragraphs` gives it, at offset `start` of the
    body, its `index`-th paragraph), with offsets in the body."""
    result = []
    flat = text.replace("\n", " ")
    for begin, finish in sentence_spans(flat):
        piece = flat[begin:finish].strip()  # the text's piece with its line breaks as spaces, as in `flat`
        if piece:
            result.append(Sentence(piece, start + begin, start + finish, index))
    return result
