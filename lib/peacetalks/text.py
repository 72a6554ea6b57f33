"""Case folding shared by the stages that match text: `parse` (page furniture, printed dates) and `extract`.

Case-insensitive patterns are compiled in lower case (`folded_pattern`) and matched against
`fold(text)`, which finds exactly what the re.IGNORECASE pattern finds in `text`, at the same
offsets; re.IGNORECASE lower-cases every character it compares, which makes a pattern two to
three times slower. This module sits above the stages, so that `parse` does not depend on the
later `extract` stage for it (`extract/words.py` passes them on to the extractors).
"""
from __future__ import annotations

import re

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
