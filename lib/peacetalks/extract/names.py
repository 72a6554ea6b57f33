"""Actor mentions: the one pattern of all names and speakers, and where in a text a name may start.

A name is matched in any case, an acronym (US, SNC, U.N.) or a person's name only as written. The names
are tried only where a word starts that a name can start with (`NameStarts`), which is about twice as
fast as the one pattern of all names scanning the text, with the same result.
"""
from __future__ import annotations

import operator
import re
from typing import Iterable

from peacetalks.extract.words import automaton

_LETTER_RUN = re.compile(r"[a-z]+")
SUFFIX = r"(?:'s|’s|s'|s)?(?![\w])"  # the possessive or plural ending a name may carry


def name_regex(name: str, exact: bool = False, not_after: Iterable[str] = ()) -> str:
    """A name in any case; an acronym (US, SNC, U.N.) or, with `exact`, a person's name only as written;
    never right after one of the words `not_after` (as written).

    The word boundaries and the possessive ending are added once around all names (see `mention_pattern`).
    """
    text = r"\s+".join(re.escape(word) for word in name.split())
    if not exact and not name.isupper() and "." not in name:
        text = f"(?i:{text})"
    return "".join(f"(?<!{re.escape(word)} )" for word in not_after) + text


def mention_pattern(alternatives: list[str]) -> re.Pattern[str]:
    """The one pattern of all names (in this order), the i-th as group m<i>."""
    names = "|".join(f"(?P<m{i}>{src})" for i, src in enumerate(alternatives))
    return re.compile(rf"(?<![\w.])(?:{names}){SUFFIX}")


class NameStarts:
    """Where in a text a name may start, and the pattern of the names that can start there.

    Each name starts with its first word, as written (two letters or more); of these, the
    shortest are kept ("syrian" for "Syrian government" and "Syrian regime"). None of them starts
    another, so at most one occurs at any offset, and its pattern tries, in the order of the one
    pattern of all names, every name that one could match there (with the same group names).
    A name starts a word, so a head counts only where no letter a-z comes before it; all heads
    are found in one pass of an Aho-Corasick automaton.
    """

    def __init__(self, heads: dict[str, re.Pattern[str]]):
        self.heads = list(heads.values())
        self._automaton = automaton({head: (index, len(head)) for index, head in enumerate(heads)})

    @classmethod
    def of(cls, alternatives: list[str], firsts: list[str]) -> NameStarts | None:
        """For the names (regular expressions) of the one pattern of all names, each with its first word
        (`firsts`, as written); None when some name does not start with two letters."""
        starts = [first.lower() for first in firsts]
        if any(len(start) < 2 or not _LETTER_RUN.match(start) for start in starts):
            return None
        shortest = {p for p in starts if not any(q != p and p.startswith(q) for q in starts)}
        heads = {}
        for head in sorted(shortest):
            members = [i for i, start in enumerate(starts) if start.startswith(head)]
            names = "|".join(f"(?P<m{i}>{alternatives[i]})" for i in members)
            heads[head] = re.compile(rf"(?<![\w.])(?:{names}){SUFFIX}")
        return cls(heads)

    def candidates(self, lowered: str) -> list[tuple[int, re.Pattern[str]]]:
        """(offset, pattern) of each place in `lowered` (a text in lower case) where a name may start, in order."""
        found = []
        for end, (index, length) in self._automaton.iter(lowered):
            pos = end - length + 1
            if not (pos and "a" <= lowered[pos - 1] <= "z"):
                found.append((pos, self.heads[index]))
        found.sort(key=operator.itemgetter(0))  # by offset
        return found
