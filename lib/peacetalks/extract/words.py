"""Text helpers the extractors share: letter runs cut by C string methods, case folding, and
Aho-Corasick automata for finding many strings at once.

The extractors' prefilters ask "which of these words does the text have?" for every sentence;
cutting with bytes.translate and split is many times faster than a regex over the text. Their
case-insensitive patterns are compiled in lower case and matched against folded text, which is
two to three times faster than re.IGNORECASE and finds the same.
"""
from __future__ import annotations

import re
from typing import Any

import ahocorasick

_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z kept, the rest a space


def letter_runs(lowered: str) -> list[bytes]:
    """The runs of letters a-z of a lower-case text, in order (what r"[a-z]+" finds); any other
    character, non-ASCII letters included, separates them."""
    return lowered.encode("ascii", "replace").translate(_LETTERS_ONLY).split()


# re.IGNORECASE lower-cases every character it compares, which makes a pattern two to three times
# slower. The case-insensitive patterns of numbers.py and the casualty modules are compiled case-sensitively
# in lower case (`folded_pattern`) and matched against `fold(text)`, which finds exactly what the
# re.IGNORECASE pattern finds in `text`, at the same offsets.
_ODD_CASES = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s"})  # İ ı ſ
_ESCAPE_OR_NAME = re.compile(r"\\N\{[^}]*\}|\\.|\(\?P[<=]\w+[>)]?", re.DOTALL)


def fold(text: str) -> str:
    """`text` lower-cased, keeping its length, for the patterns of `folded_pattern`.

    str.lower alone would do but for three letters re.IGNORECASE equates with an ASCII letter that is
    not their lower case (dotless i and long s), or that lower-case to two characters (dotted capital I).
    """
    if text.isascii() or not ("\u0130" in text or "\u0131" in text or "\u017f" in text):
        return text.lower()  # (three scans for the odd letters cost far less than str.translate)
    return text.translate(_ODD_CASES).lower()


def folded_pattern(pattern: str) -> re.Pattern[str]:
    """A case-insensitive `pattern` compiled to match `fold`ed text: its letters lower-cased (not those
    of escapes such as \\W or \\Z, nor group names) and compiled without re.IGNORECASE."""
    pieces, done = [], 0
    for kept in _ESCAPE_OR_NAME.finditer(pattern):
        pieces.append(pattern[done:kept.start()].lower())
        pieces.append(kept.group(0))
        done = kept.end()
    pieces.append(pattern[done:].lower())
    return re.compile("".join(pieces))


def automaton(values: dict[str, Any]) -> ahocorasick.Automaton:
    """An Aho-Corasick automaton (pyahocorasick) of the strings of `values`, each found with its value:
    one pass in C over a text finds every occurrence of every string, overlapping ones included,
    however many strings there are (`automaton.iter(text)` gives (offset of the last character, value))."""
    found = ahocorasick.Automaton()
    for text, value in values.items():
        found.add_word(text, value)
    found.make_automaton()
    return found
