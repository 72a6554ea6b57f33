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


# English function words and the commonest verbs, in nearly every sentence of news: a set of cue strings with one
# of them tells the prefilter almost nothing (phrases.choose: "led" is rare enough, "with" is not), and they say
# nothing of what a line is about (parse.headline: the words a headline shares with the text)
COMMON_WORDS = frozenset("""
a about above after again against all also am an and any are as at be been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here
hers him his how i if in into is it its itself just may me might more most must my no nor not now of off on
once only or other our out over own same says said say she should so some such than that the their them then
there these they this those through to too under until up very was we were what when where which while who
whom why will with would you your
""".split())


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
