"""The cue prefilter: which of the codebook's cues may match in a text, and in which stretches of it.

Each cue carries sets of lower-case strings (`Cue.literals`, read from its phrase, see phrases.py): every
text it matches has a string of each set. A body is scanned once for all of those strings (an
Aho-Corasick automaton); its sentences are then tried only with the cues whose strings they have.
Measured on FA-KES, this is what makes the stance reader fast (see bench/bench_stages.py).
"""
from __future__ import annotations

import bisect
import itertools
import operator
from functools import reduce
from typing import Iterable, Protocol

from peacetalks.extract.words import automaton


class Cue(Protocol):
    """What the filter needs of a cue (codebook.Cue has it): the sets of strings every text it
    matches has a string of. (A protocol, so that this module needs nothing from the codebook,
    which builds its filter from this one.)"""

    literals: tuple[frozenset[str], ...]


class CueSpots:
    """Which cues may match in the stretches of one text: those that have, inside the stretch, a
    string of each of their `Cue.literals` sets; the others cannot match there.

    Built once per article body, where each cue string is looked for once (see `CueFilter`), so
    that a sentence (or paragraph) is checked only for the cues the whole body may match, by the
    offsets of their strings. Each set of strings is one bit (see `CueFilter`): a cue may match
    where the bits of the sets its strings there are in cover the bits of its sets.
    """

    def __init__(self, cues: list[tuple[Cue, int]], occurrences: list[tuple[int, tuple[int, int, str]]]):
        """`cues` are the cues that may match in the whole text, each with the bits of its sets;
        `occurrences` where their strings are in the text, as `CueFilter.present` gives them:
        (offset of the last character, (bits of the string's sets, length, string, starts a word)), by that offset."""
        self.cues = cues
        self.occurrences = occurrences
        self.lasts = list(map(_LAST, occurrences))

    def __bool__(self) -> bool:
        return bool(self.cues)

    def within(self, start: int, end: int) -> list[Cue]:
        """The cues (in codebook order) that may match in the text's [start, end)."""
        inside = self._inside(start, end)  # a cue with no strings (needs 0) may match anywhere
        return [cue for cue, needs in self.cues if (inside & needs) == needs]

    def any_within(self, start: int, end: int) -> bool:
        """Whether some cue may match in the text's [start, end)."""
        inside = self._inside(start, end)
        return any((inside & needs) == needs for _cue, needs in self.cues)

    def _inside(self, start: int, end: int) -> int:
        """The bits of the sets that have a string in [start, end): of the strings that end inside it
        (their last character at start..end-1), the ones that start there too."""
        first = bisect.bisect_left(self.lasts, start)
        stop = bisect.bisect_left(self.lasts, end, first)
        inside = 0
        for last, (sets, length, _string, _word) in self.occurrences[first:stop]:
            if last - length + 1 >= start:
                inside |= sets
        return inside


class CueFilter:
    """Which cues may match in a text: those that have a string of each of their `Cue.literals`
    sets; and where those strings are.

    All the cues' strings are found in one pass of an Aho-Corasick automaton. Each distinct set of
    strings is a bit of an integer mask: a string found is reported with the bits of the sets it
    is in, and a cue is a candidate when the bits of the strings found cover its sets' bits (one
    integer test per cue). This is done once per article body; its sentences are then checked only
    for the strings the body has (see `CueSpots`).

    A string that starts with a letter a-z counts only where it starts a word (no letter a-z just
    before it): each comes from a word of a phrase, which a match has only where a word starts, so
    "round" (of "round of talks") is not looked for in "around".
    """

    def __init__(self, cues: tuple[Cue, ...]):
        literals = [cue.literals for cue in cues]
        self.sets = list(dict.fromkeys(x for sets in literals for x in sets))  # distinct sets: set i is bit i
        set_bits = {x: 1 << i for i, x in enumerate(self.sets)}
        self.needs = [_union(set_bits[x] for x in sets) for sets in literals]  # each cue's sets, as bits
        self.strings = sorted({s for x in self.sets for s in x}, key=lambda s: (len(s), s))
        # each string found as (the bits of the sets it is in, its length, itself, whether it starts a word)
        values = {s: (_union(bit for x, bit in set_bits.items() if s in x), len(s), s, "a" <= s[0] <= "z")
                  for s in self.strings}
        self._automaton = automaton(values) if values else None

    def present(self, lowered: str) -> tuple[list[int], list[tuple[int, tuple[int, int, str, bool]]]]:
        """The cues (indexes, in order) that have a string of each of their sets in `lowered` (a text
        in lower case); and the occurrences there of those cues' strings, as the automaton gives them:
        (offset of the last character, (bits of the string's sets, length, string, starts a word)), by that offset.
        """
        if self._automaton is None:
            return list(range(len(self.needs))), []
        occurrences = [item for item in self._automaton.iter(lowered)  # (the word check inlined: one call per item cost 10%)
                       if not item[1][3] or (before := item[0] - item[1][1]) < 0 or not "a" <= lowered[before] <= "z"]
        strings = set(map(_STRING, occurrences))  # the value of each string found
        found = _union(map(_SETS, strings))  # the sets that have a string in the text
        candidates = [index for index, needs in enumerate(self.needs) if (found & needs) == needs]
        wanted = _union(self.needs[index] for index in candidates)
        kept = {string for string in strings if string[0] & wanted}
        if len(kept) < len(strings):
            occurrences = list(itertools.compress(occurrences, map(kept.__contains__, map(_STRING, occurrences))))
        return candidates, occurrences


def _union(masks: Iterable[int]) -> int:
    """The bitwise or of `masks` (0 for none)."""
    return reduce(operator.or_, masks, 0)


_STRING = operator.itemgetter(1)  # of an automaton's (end, value) item, the value
_LAST = operator.itemgetter(0)  # of an automaton's (end, value) item, the end (offset of the last character)
_SETS = operator.itemgetter(0)  # of a cue string's value (sets, length, string), the bits of its sets
