"""Words of a lower-case text as runs of ASCII letters, cut by C string methods.

The extractors' prefilters ask "which of these words does the text have?" for every sentence;
cutting with bytes.translate and split is many times faster than a regex over the text.
"""
from __future__ import annotations

_LETTERS_ONLY = bytes(c if 97 <= c <= 122 else 32 for c in range(256))  # a-z kept, the rest a space


def letter_runs(lowered: str) -> list[bytes]:
    """The runs of letters a-z of a lower-case text, in order (what r"[a-z]+" finds); any other
    character, non-ASCII letters included, separates them."""
    return lowered.encode("ascii", "replace").translate(_LETTERS_ONLY).split()
