"""Sentence segmentation of article bodies.

Uses blingfire's finite-state segmenter: it keeps abbreviations such as U.S., U.N. and
Jan. 7 inside their sentence and runs at >10 MB/s, where pysbd and syntok manage well
under 1 MB/s on the one-paragraph articles of real archives (measured in bench/).
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator, NamedTuple

import blingfire

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


# The paragraphs cut within `shared_splits`: (text, start, index) -> its sentences.
_SHARED: ContextVar[dict[tuple[str, int, int], list[Sentence]] | None] = ContextVar("shared_splits", default=None)


@contextmanager
def shared_splits() -> Iterator[None]:
    """Within it, each paragraph is cut into sentences once: the casualty and stance readers cut the
    same paragraphs of an article (`paragraph_sentences`), and the second gets the first's cut. The
    cut of a paragraph depends on its text alone, so the sentences are the same; the cuts are
    dropped on exit.

    Measured (bench/bench_stages.py --repeat 3, FA-KES): the two readers cut 2.1 MB of paragraphs
    and windows in 2,627 calls of blingfire where the articles hold 1.5 MB; cutting each paragraph
    once took the whole extraction from 0.77 s to 0.71 s."""
    token = _SHARED.set({})
    try:
        yield
    finally:
        _SHARED.reset(token)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the sentences of `text`, by blingfire's segmenter.

    blingfire's public `text_to_sentences` gives the sentences as lines; each is found in the
    text from where the last one ended. Its `text_to_sentences_and_offsets` gives the same
    spans but maps byte offsets to characters in a Python loop over every byte (six times
    slower on FA-KES: 0.31 s against 0.05 s for its 1.5 MB), so it serves only when a sentence
    does not stand in the text as blingfire printed it (it may normalise spaces).

    Cost, measured: the extractors call this once per paragraph (791 calls on FA-KES within
    `shared_splits`; 2,627 when each reader cut its own), and the public function allocates its output buffer on every call, so the whole
    extraction takes about 0.12 s more on FA-KES (0.72 s against 0.60 s) than with the ctypes
    symbol and reused buffers this replaced. That is the price of staying on the public API.
    """
    if not text.strip():
        return []
    spans, pos = [], 0
    for sentence in blingfire.text_to_sentences(text).split("\n"):
        begin = text.find(sentence, pos) if sentence else -1
        if begin < 0:
            return [(int(b), int(e)) for b, e in blingfire.text_to_sentences_and_offsets(text)[1]]
        spans.append((begin, begin + len(sentence)))
        pos = begin + len(sentence)
    return spans


def split_sentences(body: str, only: re.Pattern[str] | None = None) -> list[Sentence]:
    """The sentences of `body`, in order. With `only`, paragraphs the pattern does not match are skipped (a cheap pre-filter for speed)."""
    result: list[Sentence] = []
    for index, (start, _end, text) in enumerate(paragraphs(body)):
        if only is None or only.search(text):
            result.extend(paragraph_sentences(text, start, index))
    return result


def paragraph_sentences(text: str, start: int, index: int) -> list[Sentence]:
    """The sentences of one paragraph (`text`, as `paragraphs` gives it, at offset `start` of the
    body, its `index`-th paragraph), with offsets in the body. Within `shared_splits`, the cut
    already made of the same paragraph (a list the caller must not change)."""
    shared = _SHARED.get()
    if shared is None:
        return _paragraph_sentences(text, start, index)
    key = (text, start, index)
    sentences = shared.get(key)
    if sentences is None:
        sentences = shared[key] = _paragraph_sentences(text, start, index)
    return sentences


def _paragraph_sentences(text: str, start: int, index: int) -> list[Sentence]:
    """The sentences of one paragraph, as `paragraph_sentences` gives them."""
    result = []
    flat = text.replace("\n", " ")
    for begin, finish in sentence_spans(flat):
        piece = flat[begin:finish].strip()  # the text's piece with its line breaks as spaces, as in `flat`
        if piece:
            result.append(Sentence(piece, start + begin, start + finish, index))
    return result
