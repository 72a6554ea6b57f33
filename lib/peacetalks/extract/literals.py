"""What every match of a regular expression must contain, or start with: literal analysis for prefilters.

A pattern is parsed (Python's own regex parser) and read into (exact, factors): `exact` is the set
of every string it can match (lower case) when that set is small and known, and each factor is a
set of strings one of which every match contains. A prefilter built from them (see codebook's cue
filter and name starts, casualties' gated cue patterns) skips a text only when the pattern cannot
match it, and stays right however analysts edit the patterns in the YAML files.
"""
from __future__ import annotations

import re
from re import _constants as sre_constants, _parser as sre_parse
from typing import Any, Iterable

_MAX_EXACT = 64     # most strings an exact set may hold
MIN_LITERAL = 3     # shorter literals and runs of letters say too little to be worth looking for
_EMPTY = frozenset({""})


def _concat(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    if a is None or b is None or len(a) * len(b) > _MAX_EXACT:
        return None
    return frozenset(x + y for x in a for y in b)


def _useful(factors: Iterable[frozenset[str] | None]) -> list[frozenset[str]]:
    """Factors worth looking for, most selective first (longest shortest string, then fewest strings)."""
    good = {f for f in factors if f and min(map(len, f)) >= MIN_LITERAL}
    return sorted(good, key=lambda f: (-min(map(len, f)), len(f), sorted(f)))


def _sequence(items: Any) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    exact: frozenset[str] | None = _EMPTY
    run = _EMPTY  # the exact strings of the elements read since the last unknown one
    factors: list[frozenset[str]] = []
    for op, av in items:
        element, inner = _element(op, av)
        factors.extend(inner)
        exact = _concat(exact, element)
        joined = _concat(run, element)
        if joined is None:
            factors.append(run)
            run = element if element is not None else _EMPTY
        else:
            run = joined
    factors.append(run)
    return exact, factors


def _element(op: Any, av: Any) -> tuple[frozenset[str] | None, list[frozenset[str]]]:
    if op is sre_constants.LITERAL:
        char = chr(av)
        return (frozenset({char.lower()}) if char.isascii() else None), []
    if op in (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT):
        return _EMPTY, []  # zero width
    if op is sre_constants.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre_constants.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is sre_constants.LITERAL:
                chars.add(chr(value))
            elif kind is sre_constants.RANGE and value[1] - value[0] < 10:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None, []
        return (frozenset(c.lower() for c in chars) if all(c.isascii() for c in chars) else None), []
    if op is sre_constants.BRANCH:
        branches = [_sequence(branch) for branch in av[1]]
        exact = None
        if all(e is not None for e, _ in branches):
            union = frozenset().union(*(e for e, _ in branches))
            exact = union if len(union) <= _MAX_EXACT else None
        picks = [_useful(f + [e]) for e, f in branches]
        return exact, ([frozenset().union(*(p[0] for p in picks))] if all(picks) else [])
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, high, body = av
        element, inner = _sequence(body)
        if low == 0:
            return (element | _EMPTY if high == 1 and element is not None else None), []
        return (element if low == high == 1 else None), inner
    return None, []  # anything else (classes, backreferences, ...) is unknown


def required_literals(pattern: re.Pattern[str]) -> list[frozenset[str]]:
    """Sets of lower-case ASCII strings such that every match of `pattern` contains a string of each
    set (read case-insensitively), most selective first; [] when nothing useful is known.

    Strings that contain another string of their set are dropped: the shorter one is there too.
    """
    try:
        exact, factors = _sequence(sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 - an unforeseen construct only means no prefilter
        return []
    chosen: list[frozenset[str]] = []
    for factor in _useful(factors + [exact]):
        minimal = _minimal(factor)
        if minimal not in chosen:
            chosen.append(minimal)
    return chosen


def _minimal(strings: Iterable[str]) -> frozenset[str]:
    """The strings that contain no other one of the set (any text with a dropped one has a kept one)."""
    strings = set(strings)
    return frozenset(s for s in strings if not any(t != s and t in s for t in strings))


def _starts(items: Any) -> tuple[frozenset[str], bool]:
    """The strings every match of a parsed sequence starts with, and whether they are all it can match."""
    run = _EMPTY
    for op, av in items:
        if op is sre_constants.SUBPATTERN:
            heads, complete = _starts(av[-1])
        elif op is sre_constants.BRANCH:
            branches = [_starts(branch) for branch in av[1]]
            heads = frozenset().union(*(h for h, _ in branches))
            complete = all(c for _, c in branches)
        else:
            element, _ = _element(op, av)
            heads, complete = (element, True) if element is not None else (_EMPTY, False)
        joined = _concat(run, heads)
        if joined is None:
            return run, False
        run = joined
        if not complete:
            return run, False
    return run, True


def prefixes(source: str) -> frozenset[str] | None:
    """The lower-case strings every match of `source` starts with, when known and at least two letters long."""
    try:
        heads, _ = _starts(sre_parse.parse(source))
    except Exception:  # noqa: BLE001 - an unforeseen construct only means no prefilter
        return None
    return heads if min(map(len, heads)) >= 2 else None
