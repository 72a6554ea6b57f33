"""Text helpers the extractors share: letter runs cut by C string methods, case folding (from
`peacetalks.text`, which `parse` shares), and Aho-Corasick automata for finding many strings at once.

The extractors' prefilters ask "which of these words does the text have?" for every sentence;
cutting with bytes.translate and split is many times faster than a regex over the text. Their
case-insensitive patterns are compiled in lower case and matched against folded text, which is
two to three times faster than re.IGNORECASE and finds the same.
"""
from __future__ import annotations

from typing import Any

import ahocorasick

from peacetalks.text import fold, folded_pattern  # noqa: F401 - the extractors' case folding, shared with parse

_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z kept, the rest a space


def letter_runs(lowered: str) -> list[bytes]:
    """The runs of letters a-z of a lower-case text, in order (what r"[a-z]+" finds); any other
    character, non-ASCII letters included, separates them."""
    return lowered.encode("ascii", "replace").translate(_LETTERS_ONLY).split()


def automaton(values: dict[str, Any]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton (pyahocorasick) of the strings of `values`, each found with its value:
    one pass in C over a text finds every occurrence of every string, overlapping ones included,
    however many strings there are (`automaton.iter(text)` gives (offset of the last character, value))."""
    found = ahocorasick.Automaton()
    for text, value in values.items():
        found.add_word(text, value)
    found.make_automaton()
    return found
