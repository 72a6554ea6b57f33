"""How a line of a page dump reads: cleaned of markup, its words, whether it is title case, short, or ends
as a sentence, and whether it is in Latin script. The page reader (`page`) and the publisher reader
(`outlets`) classify lines with these."""
from __future__ import annotations

import re

_MARKUP = re.compile(r"[*_`#]+")
FURNITURE_MAX = 300  # furniture, captions and mastheads are short lines; running text is not tested against them


def clean_line(line: str) -> str:
    """A line without markdown markup and with single spaces.

    Runs of whitespace are made single spaces with str.split and str.join, which read whitespace as the
    pattern \\s does: the line re.sub(r"\\s+", " ", ...).strip() gives, at a fifth of the cost on the long
    one-paragraph articles.
    """
    if "*" in line or "#" in line or "_" in line or "`" in line:
        line = _MARKUP.sub("", line)
    if "  " in line or "\t" in line or "\u00a0" in line:
        return " ".join(line.split())
    return line.strip()


_CLEANED_OUT = ("*", "#", "_", "`", "  ", "\t", "\u00a0")  # what clean_line changes in a stripped line


def clean_lines(lines: list[str]) -> list[str]:
    """clean_line of each of the (stripped) lines: the lines themselves when none has anything to clean."""
    page = "\n".join(lines)
    if any(map(page.__contains__, _CLEANED_OUT)):
        return [clean_line(line) for line in lines]
    return lines


_WORD = re.compile(r"[\w'\u2019-]+")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def words_of(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def is_title_case(text: str) -> bool:
    words = [w for w in _LATIN_WORD.findall(text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def at_most_words(text: str, most: int) -> bool:
    """Whether `text` has at most `most` words (as str.split counts them), without splitting all of a long text."""
    return len(text.split(None, most)) <= most


_SENTENCE_END_CHARS = ".!?:;\"'\u201d\u2019)]"


def ends_sentence(text: str) -> bool:
    """True when a line ends as a sentence does (a full stop, a closing quote, a bracket ...)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END_CHARS



def is_latin(text: str) -> bool:
    """Whether most letters of `text` are Latin ones (a line in another script is a link or a label)."""
    if text.isascii():
        return True
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isascii() for c in letters) >= 0.6 * len(letters)
