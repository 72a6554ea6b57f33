"""The codebook of actors and issues (codebook.yaml): loaded, validated and compiled to patterns.

Analysts edit the YAML file; a mistake in it stops the run with an InputError that names the file
and the entry (``codebook.yaml: issues.ceasefire.cues[3]: ...``), never with a stack trace from deep
inside the matcher.
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import operator
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from pathlib import Path
from typing import Any, Callable, Iterable, NamedTuple, TypeVar

import yaml

from peacetalks.extract.literals import MIN_LITERAL, prefixes, required_literals
from peacetalks.sources.problems import InputError
from peacetalks.extract.words import automaton, fold, folded_pattern
from peacetalks.sources.yamlfiles import load_yaml_text

DEFAULT_PATH = Path(__file__).resolve().with_name("codebook.yaml")
AGENT_MODES = ("subject", "inside", "both")
WORD_LISTS = ("negators", "softeners", "flexibility", "earlier", "contrast", "speech_verbs", "reservations",
              "syria", "other_conflicts", "foreign_qualifiers")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TERM_REF = re.compile(r"\{([a-z_]+)\}")


class Mention(NamedTuple):
    """A place in a text that names an actor: `speaker` is set when it names a person or body speaking for it.

    A named tuple (compared and hashed by its fields, as a frozen dataclass is), which is built
    several times faster than a frozen dataclass."""

    actor: str
    start: int
    end: int
    speaker: str | None


@dataclass(frozen=True)
class Cue:
    """A phrase that signals a position on an issue. `agents` says who holds it (see codebook.yaml)."""

    issue: str
    polarity: int
    pattern: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    agents: str = "subject"
    where: str = ""
    # Sets of lower-case strings such that every text the cue (and its `needs`) matches in contains a
    # string of each set, in lower case: what a text must have to be worth trying (see `cue_literals`).
    literals: tuple[frozenset[str], ...] = ()
    # `pattern` and `needs` compiled to match the folded text (`words.folded_pattern`): the same matches
    # at the same offsets, two to three times faster than the case-insensitive patterns.
    folded: re.Pattern[str] | None = field(default=None, compare=False)
    needs_folded: re.Pattern[str] | None = field(default=None, compare=False)
    # sentences (general English, written for the codebook) the cue must match, and must not match
    examples: tuple[str, ...] = field(default=(), compare=False)
    counterexamples: tuple[str, ...] = field(default=(), compare=False)

    def matches(self, text: str) -> bool:
        """Whether the cue (and its `needs`, if any) matches somewhere in `text`."""
        return bool(self.pattern.search(text)) and (self.needs is None or bool(self.needs.search(text)))


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    cues: tuple[Cue, ...]
    not_held_by: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Actor:
    id: str
    label: str
    names: tuple[str, ...]
    speakers: tuple[str, ...]
    # each speaker's time in office, (from, to): a speaker named outside it (or in an undated
    # article) speaks for nobody; a speaker without dates (a body, an agency) for the actor always
    terms: dict[str, tuple[dt.date, dt.date | None]] = field(default_factory=dict, compare=False)

    def speaks_for(self, speaker: str, on: dt.date | None) -> bool:
        """Whether `speaker` spoke for this actor on the date `on` (None: unknown)."""
        term = self.terms.get(speaker)
        if term is None:
            return True
        if on is None:
            return False
        start, end = term
        return start <= on and (end is None or on <= end)


_T = TypeVar("_T")


@dataclass(frozen=True)
class Codebook:
    """Actors, issues and the word lists the stance reader uses, compiled once."""

    path: Path
    actors: dict[str, Actor]
    issues: dict[str, Issue]
    words: dict[str, tuple[str, ...]]
    _mentions: re.Pattern[str] = field(repr=False, compare=False)
    _groups: dict[str, tuple[str, str | None]] = field(repr=False, compare=False)
    _starts: _NameStarts | None = field(default=None, repr=False, compare=False)  # None: no shortcut
    _cues: tuple[Cue, ...] = field(default=(), repr=False, compare=False)
    _cue_filter: _CueFilter = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
    _word_patterns: dict[tuple[str, bool], re.Pattern[str]] = field(default_factory=dict, repr=False, compare=False)
    _derived: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False, compare=False)

    @property
    def cues(self) -> list[Cue]:
        return list(self._cues)

    def derived(self, build: Callable[[Codebook], _T]) -> _T:
        """What `build` makes of this codebook (a reader's compiled view of it), made once and kept with it."""
        value = self._derived.get(build)
        if value is None:
            value = self._derived.setdefault(build, build(self))
        return value

    def mentions(self, text: str, folded: str | None = None) -> list[Mention]:
        """Every actor mention in `text`, left to right, longest name first where names overlap.
        `folded` is `words.fold(text)`, when the caller has it.

        The names are tried only where a word starts that a name can start with (see `_NameStarts`),
        which is many times faster than the one pattern of all names scanning the text; the result
        is the same.
        """
        if self._starts is None:
            return [self._mention(match) for match in self._mentions.finditer(text)]
        found: list[Mention] = []
        done = 0
        for pos, pattern in self._starts.candidates(fold(text) if folded is None else folded):
            if pos < done:
                continue
            match = pattern.match(text, pos)
            if match:
                actor, speaker = self._groups[match.lastgroup]
                done = match.end()
                found.append(Mention(actor, pos, done, speaker))
        return found

    def _mention(self, match: re.Match[str]) -> Mention:
        actor, speaker = self._groups[match.lastgroup]
        return Mention(actor, match.start(), match.end(), speaker)

    def in_office(self, mention: Mention, on: dt.date | None) -> bool:
        """Whether a mention counts on the date `on`: a name always; a speaker only while in office
        (see `Actor.speaks_for`), so an unknown date binds no dated speaker."""
        return mention.speaker is None or self.actors[mention.actor].speaks_for(mention.speaker, on)

    def possible_cues(self, text: str) -> list[Cue]:
        """The cues (in codebook order) that may match in `text`: those whose `Cue.literals` it has.
        The others cannot match, so a reader need not try them."""
        return self.cue_spots(text).within(0, len(text))

    def cue_spots(self, body: str) -> CueSpots:
        """What tells, for any stretch of `body`, which cues may match in it (see `CueSpots`).
        The strings are looked for in the folded body (`words.fold`), where they stand wherever a
        case-insensitive pattern finds them in the body."""
        cue_filter = self._cue_filter
        candidates, occurrences = cue_filter.present(fold(body))
        cues = [(self._cues[index], cue_filter.needs[index]) for index in candidates]
        return CueSpots(cues, occurrences)

    def word_pattern(self, name: str, *, folded: bool = False) -> re.Pattern[str]:
        """A case-insensitive pattern matching any phrase of one word list, on word boundaries; with
        `folded`, the same pattern compiled to match the folded text (`words.folded_pattern`), where
        it finds the same at the same offsets, two to three times faster."""
        key = (name, folded)
        pattern = self._word_patterns.get(key)  # kept by name: hashing the list each time cost more than a search
        if pattern is None:
            plain = _word_pattern(self.words[name])
            pattern = self._word_patterns[key] = folded_pattern(plain.pattern) if folded else plain
        return pattern


class CueSpots:
    """Which cues may match in the stretches of one text: those that have, inside the stretch, a
    string of each of their `Cue.literals` sets; the others cannot match there.

    Built once per article body, where each cue string is looked for once (see `_CueFilter`), so
    that a sentence (or paragraph) is checked only for the cues the whole body may match, by the
    offsets of their strings. Each set of strings is one bit (see `_CueFilter`): a cue may match
    where the bits of the sets its strings there are in cover the bits of its sets.
    """

    def __init__(self, cues: list[tuple[Cue, int]], occurrences: list[tuple[int, tuple[int, int, str]]]):
        """`cues` are the cues that may match in the whole text, each with the bits of its sets;
        `occurrences` where their strings are in the text, as `_CueFilter.present` gives them:
        (offset of the last character, (bits of the string's sets, length, string)), by that offset."""
        self.cues = cues
        self.occurrences = occurrences
        self.lasts = list(map(_LAST, occurrences))

    def __bool__(self) -> bool:
        return bool(self.cues)

    def within(self, start: int, end: int) -> list[Cue]:
        """The cues (in codebook order) that may match in the text's [start, end)."""
        inside = self._inside(start, end)
        return [cue for cue, needs in self.cues if (inside & needs) == needs] if inside else []

    def any_within(self, start: int, end: int) -> bool:
        """Whether some cue may match in the text's [start, end)."""
        inside = self._inside(start, end)
        if inside:
            for _cue, needs in self.cues:
                if (inside & needs) == needs:
                    return True
        return False

    def _inside(self, start: int, end: int) -> int:
        """The bits of the sets that have a string in [start, end): of the strings that end inside it
        (their last character at start..end-1), the ones that start there too."""
        first = bisect.bisect_left(self.lasts, start)
        stop = bisect.bisect_left(self.lasts, end, first)
        inside = 0
        for last, (sets, length, _string) in self.occurrences[first:stop]:
            if last - length + 1 >= start:
                inside |= sets
        return inside


@lru_cache(maxsize=None)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = sorted(words, key=len, reverse=True)
    whole = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts if not w.startswith(("n'", "n’")))
    suffixes = "|".join(re.escape(w) for w in parts if w.startswith(("n'", "n’")))
    body = f"(?<![\\w'’])(?:{whole})" + (f"|(?<=\\w)(?:{suffixes})" if suffixes else "")
    return re.compile(f"(?:{body})(?![\\w])", re.IGNORECASE)


_LETTER_RUN = re.compile(r"[a-z]+")


class _CueFilter:
    """Which cues may match in a text: those that have a string of each of their `Cue.literals`
    sets; and where those strings are.

    All the cues' strings are found in one pass of an Aho-Corasick automaton. Each distinct set of
    strings is a bit of an integer mask: a string found is reported with the bits of the sets it
    is in, and a cue is a candidate when the bits of the strings found cover its sets' bits (one
    integer test per cue). This is done once per article body; its sentences are then checked only
    for the strings the body has (see `CueSpots`).

    A cue's set that another of its sets implies is left out (see `_strongest`): the answers are
    the same, and the automaton has fewer strings to report (about 40% fewer matches).
    """

    def __init__(self, cues: tuple[Cue, ...]):
        literals = [_strongest(cue.literals) for cue in cues]
        self.sets = list(dict.fromkeys(x for sets in literals for x in sets))  # distinct sets: set i is bit i
        set_bits = {x: 1 << i for i, x in enumerate(self.sets)}
        self.needs = [_union(set_bits[x] for x in sets) for sets in literals]  # each cue's sets, as bits
        self.strings = sorted({s for x in self.sets for s in x}, key=lambda s: (len(s), s))
        # each string found as (the bits of the sets it is in, its length, itself)
        values = {s: (_union(bit for x, bit in set_bits.items() if s in x), len(s), s) for s in self.strings}
        self._automaton = automaton(values) if values else None

    def present(self, lowered: str) -> tuple[list[int], list[tuple[int, tuple[int, int, str]]]]:
        """The cues (indexes, in order) that have a string of each of their sets in `lowered` (a text
        in lower case); and the occurrences there of those cues' strings, as the automaton gives them:
        (offset of the last character, (bits of the string's sets, length, string)), by that offset.

        The occurrences are listed and filtered in C (map, compress); only the distinct strings found
        and the cues are looked at in Python.
        """
        occurrences = list(self._automaton.iter(lowered)) if self._automaton is not None else []
        strings = set(map(_STRING, occurrences))  # the value of each string found
        found = _union(map(_SETS, strings))  # the sets that have a string in the text
        candidates = [index for index, needs in enumerate(self.needs) if (found & needs) == needs]
        wanted = _union(self.needs[index] for index in candidates)
        kept = {string for string in strings if string[0] & wanted}
        if len(kept) < len(strings):
            occurrences = list(itertools.compress(occurrences, map(kept.__contains__, map(_STRING, occurrences))))
        return candidates, occurrences


def _strongest(sets: tuple[frozenset[str], ...]) -> list[frozenset[str]]:
    """`sets` less those another one implies: set A is implied by set B when each string of B contains
    a string of A, so that wherever a string of B occurs, one of A occurs within it ("ould" within
    "would be represented"). Of sets that imply each other, the first is kept. Implication is
    transitive, so each set left out is implied by one kept, and a stretch of text has a string of
    each kept set exactly when it has a string of each set."""
    def implies(b: frozenset[str], a: frozenset[str]) -> bool:
        return all(any(s in t for s in a) for t in b)

    return [a for i, a in enumerate(sets)
            if not any(j != i and implies(b, a) and (j < i or not implies(a, b)) for j, b in enumerate(sets))]


def _union(masks: Iterable[int]) -> int:
    """The bitwise or of `masks` (0 for none)."""
    return reduce(operator.or_, masks, 0)


_STRING = operator.itemgetter(1)  # of an automaton's (end, value) item, the value
_LAST = operator.itemgetter(0)  # of an automaton's (end, value) item, the end (offset of the last character)
_SETS = operator.itemgetter(0)  # of a cue string's value (sets, length, string), the bits of its sets


def _runs(s: str) -> frozenset[str]:
    """The runs of three letters (a-z) or more in `s`."""
    return frozenset(run for run in _LETTER_RUN.findall(s) if len(run) >= MIN_LITERAL)


def cue_literals(pattern: re.Pattern[str], most: int = 4) -> tuple[frozenset[str], ...]:
    """Some of `required_literals`, the most selective first: the two whose shortest string is longest,
    and the `most` whose weakest string has the longest run of letters (see `_CueFilter`)."""
    found = required_literals(pattern)
    # a set with a string of three letters or fewer ("the", "for", "met") is found almost everywhere, and
    # looking for it costs more than it saves: left out when the cue has a better one (each set alone is
    # a condition every match meets, so any of them may be left out)
    better = [strings for strings in found if min(map(len, strings)) > 3]
    found = better or found
    usable = [strings for strings in found if all(_runs(s) for s in strings)]
    usable.sort(key=lambda strings: (-min(max(map(len, _runs(s))) for s in strings), len(strings)))
    return tuple(dict.fromkeys(found[:2] + usable[:most]))


class _NameStarts:
    """Where in a text a name may start, and the pattern of the names that can start there.

    Each name starts with a known string of two letters or more (see `literals.prefixes`); of these, the
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
    def of(cls, alternatives: list[str], suffix: str) -> _NameStarts | None:
        """For the names (regular expressions) of the one pattern of all names; None when some name's
        start is not known letters."""
        starts = [prefixes(src) for src in alternatives]
        if any(s is None or not all(_LETTER_RUN.match(p) for p in s) for s in starts):
            return None
        shortest = {p for s in starts for p in s}
        shortest = {p for p in shortest if not any(q != p and p.startswith(q) for q in shortest)}
        heads = {}
        for head in sorted(shortest):
            members = [i for i, s in enumerate(starts) if any(p.startswith(head) for p in s)]
            names = "|".join(f"(?P<m{i}>{alternatives[i]})" for i in members)
            heads[head] = re.compile(rf"(?<![\w.])(?:{names}){suffix}")
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


class _Checker:
    """Collects the location of the entry being read, so every error names it."""

    def __init__(self, path: Path):
        self.path = path

    def fail(self, where: str, problem: str) -> InputError:
        return InputError(f"{self.path}: {where}: {problem}")

    def mapping(self, value: Any, where: str) -> dict:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a mapping, got {type(value).__name__}")
        return value

    def entry(self, entry_id: Any, entry: Any, where: str, kind: str, keys: set[str]) -> dict:
        """An actor's or issue's mapping, with a valid id and only the keys it may have."""
        if not isinstance(entry_id, str) or not _ID.match(entry_id):
            raise self.fail(where, f"an {kind} id is lower case letters, digits and _")
        entry = self.mapping(entry, where)
        extra = set(entry) - keys
        if extra:
            raise self.fail(where, f"unknown key(s) {', '.join(sorted(extra))}")
        return entry

    def strings(self, value: Any, where: str, allow_regex: bool = False) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, got {type(value).__name__}")
        for i, item in enumerate(value):
            if isinstance(item, str) and item.strip():
                continue
            if allow_regex and isinstance(item, dict) and set(item) == {"regex"} and isinstance(item["regex"], str):
                continue
            raise self.fail(f"{where}[{i}]", f"expected a non-empty string, got {item!r}")
        return value

    def regex(self, source: str, where: str, flags: int = 0) -> re.Pattern[str]:
        try:
            return re.compile(source, flags)
        except re.error as err:
            raise self.fail(where, f"bad regular expression ({err}): {source!r}") from None


def _name_regex(name: Any, exact: bool = False) -> str:
    """A name in any case; an acronym (US, SNC, U.N.) or a person's name only as written.

    The word boundaries and the possessive ending are added once around all names (see parse_codebook).
    """
    if isinstance(name, dict):
        return name["regex"]
    text = r"\s+".join(re.escape(word) for word in name.split())
    if not exact and not name.isupper() and "." not in name:
        text = f"(?i:{text})"
    return text


def _expand(source: str, terms: dict[str, str], check: _Checker, where: str) -> str:
    def replace(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in terms:
            raise check.fail(where, f"unknown term {{{name}}} (known: {', '.join(sorted(terms))})")
        return f"(?:{terms[name]})"
    return _TERM_REF.sub(replace, source)


_GAP = re.compile(r"\{(\d+)-(\d+)\}")
# between two words: white space, perhaps after a comma or a closing quotation mark, or before an opening one
_SEP = r"[,;]?[\"”’']?\s+[\"“‘']?"
_PHRASE_TOKEN = re.compile(r"\((?P<group>[^()]*)\)(?P<optional>\?)?|(?P<word>\S+)")


def phrase_regex(phrase: str, terms: dict[str, str], check: _Checker, where: str, bounded: bool = True) -> str:
    """The regular expression of a cue written as a phrase an analyst can read: words separated by
    spaces (any run of white space in the text, perhaps after a comma or around a quotation mark), where

    - ``a|b|c`` is one of these words, ``support*`` a word that starts so (support, supports, supported);
    - ``(call for | urge | agree on)`` is one of these phrases;
    - ``{talks}`` is a named slot: one of the phrases of the term `talks` (also as one of ``a|{talks}``);
    - ``{0-5}`` is a gap of that many words (as few as possible);
    - a word, slot or group ending in ``?`` may be left out; an apostrophe matches ' and ’.

    All in any case. With `bounded`, the phrase starts and ends at word boundaries.
    """
    tokens = [(m.group("group"), bool(m.group("optional")), m.group("word")) for m in _PHRASE_TOKEN.finditer(phrase)]
    if not tokens:
        raise check.fail(where, "an empty phrase")
    out, pending = [], False
    for index, (group, optional, token) in enumerate(tokens):
        gap = _GAP.fullmatch(token) if token else None
        if gap:
            low, high = int(gap.group(1)), int(gap.group(2))
            if low > high or index in (0, len(tokens) - 1):
                raise check.fail(where, f"bad gap {token} in phrase {phrase!r}")
            out.append(rf"(?:{_SEP}\S+){{{low},{high}}}?")
            continue
        if group is not None:
            parts = [part.strip() for part in group.split(" | ")]
            if not all(parts):
                raise check.fail(where, f"an empty alternative in ({group}) of phrase {phrase!r}")
            regex = "(?:" + "|".join(phrase_regex(part, terms, check, where, bounded=False)
                                     for part in sorted(parts, key=len, reverse=True)) + ")"
        else:
            optional = len(token) > 1 and token.endswith("?")
            token = token[:-1] if optional else token
            alternatives = []
            for word in token.split("|"):
                if not word:
                    raise check.fail(where, f"an empty word in {token!r} of phrase {phrase!r}")
                if word.startswith("{") and word.endswith("}"):
                    alternatives.append(_expand(word, terms, check, where))
                    continue
                stem = word[:-1] if word.endswith("*") and len(word) > 1 else word
                text = re.sub("['’]", "['’]", re.escape(stem))
                alternatives.append(text + (r"[\w'’-]*" if stem is not word else ""))
            regex = "(?:" + "|".join(sorted(alternatives, key=len, reverse=True)) + ")"
        # each word after the first brings the separator before it (inside its group, when optional)
        if pending:
            out.append(f"(?:{_SEP}{regex})?" if optional else f"{_SEP}{regex}")
        elif optional:
            out.append(f"(?:{regex}{_SEP})?")
        else:
            out.append(regex)
            pending = True
    source = "".join(out)
    return rf"\b{source}(?![\w])" if bounded else source


def _speakers(check: _Checker, value: Any, where: str) -> tuple[list[str], dict[str, tuple[dt.date, dt.date | None]]]:
    """The speakers of an actor: plain names, or {name, from, to} with the dates of their time in office
    (`to` left out or null while in office)."""
    if value is None:
        return [], {}
    if not isinstance(value, list):
        raise check.fail(where, f"expected a list, got {type(value).__name__}")
    names: list[str] = []
    terms: dict[str, tuple[dt.date, dt.date | None]] = {}
    for i, item in enumerate(value):
        if isinstance(item, str) and item.strip():
            names.append(item)
            continue
        if isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip() \
                and set(item) <= {"name", "from", "to"}:
            start, end = item.get("from"), item.get("to")
            if not isinstance(start, dt.date) or not (end is None or isinstance(end, dt.date)) \
                    or (end is not None and end < start):
                raise check.fail(f"{where}[{i}]", "`from` (and `to`, if given) must be dates YYYY-MM-DD, from <= to")
            names.append(item["name"])
            terms[item["name"]] = (start, end)
            continue
        raise check.fail(f"{where}[{i}]", f"expected a name or {{name, from, to}}, got {item!r}")
    return names, terms


def _read_term(name: str, source: Any, terms: dict[str, str], check: _Checker) -> None:
    """Compile one term into `terms`: a list of phrases (see `phrase_regex`), longest first, or a regular expression."""
    if isinstance(source, list) and source and all(isinstance(p, str) and p.strip() for p in source):
        source = "|".join(phrase_regex(p, terms, check, f"terms.{name}", bounded=False)
                          for p in sorted(source, key=len, reverse=True))
    elif not isinstance(source, str):
        raise check.fail(f"terms.{name}", "expected a list of phrases or a regular expression string")
    else:
        source = _expand(source, terms, check, f"terms.{name}")
    check.regex(source, f"terms.{name}")
    terms[name] = source


def parse_codebook(data: Any, path: Path) -> Codebook:
    """Validate the parsed YAML and compile it; raises InputError naming the bad entry."""
    check = _Checker(path)
    data = check.mapping(data, "top level")
    unknown = set(data) - {"actors", "terms", "issues", *WORD_LISTS}
    if unknown:
        raise check.fail("top level", f"unknown section(s) {', '.join(sorted(unknown))}")
    for section in ("actors", "issues"):
        if not data.get(section):
            raise check.fail(section, "missing or empty")

    actors: dict[str, Actor] = {}
    alternatives: list[tuple[str, str, str | None]] = []
    for actor_id, entry in check.mapping(data["actors"], "actors").items():
        where = f"actors.{actor_id}"
        entry = check.entry(actor_id, entry, where, "actor", {"label", "names", "speakers"})
        names = check.strings(entry.get("names"), f"{where}.names", allow_regex=True)
        speakers, terms = _speakers(check, entry.get("speakers"), f"{where}.speakers")
        if not names:
            raise check.fail(f"{where}.names", "an actor needs at least one name")
        for i, name in enumerate(names):
            check.regex(_name_regex(name), f"{where}.names[{i}]")
            alternatives.append((_name_regex(name), actor_id, None))
        for speaker in speakers:
            alternatives.append((_name_regex(speaker, exact=True), actor_id, speaker))
        actors[actor_id] = Actor(actor_id, str(entry.get("label") or actor_id),
                                 tuple(str(n) if isinstance(n, str) else n["regex"] for n in names), tuple(speakers),
                                 terms)

    terms_raw = data.get("terms") or {}
    check.mapping(terms_raw, "terms")
    terms: dict[str, str] = {}
    # a term may use others ({name}), in any order of the file: each is read once those it uses are
    waiting = dict(terms_raw)
    while waiting:
        ready = [name for name, source in waiting.items()
                 if not set(_TERM_REF.findall(str(source))) & (set(waiting) - {name})]
        if not ready:  # a cycle, or a term used before it is defined: the first one names the problem
            ready = [next(iter(waiting))]
        for name in ready:
            _read_term(name, waiting.pop(name), terms, check)

    issues: dict[str, Issue] = {}
    for issue_id, entry in check.mapping(data["issues"], "issues").items():
        where = f"issues.{issue_id}"
        entry = check.entry(issue_id, entry, where, "issue", {"label", "cues", "not_held_by"})
        not_held = check.strings(entry.get("not_held_by"), f"{where}.not_held_by")
        for actor_id in not_held:
            if actor_id not in actors:
                raise check.fail(f"{where}.not_held_by", f"unknown actor {actor_id!r}")
        raw_cues = entry.get("cues")
        if not isinstance(raw_cues, list) or not raw_cues:
            raise check.fail(f"{where}.cues", "an issue needs a list of cues")
        cues = []
        for i, raw in enumerate(raw_cues):
            cue_where = f"{where}.cues[{i}]"
            raw = check.mapping(raw, cue_where)
            extra = set(raw) - {"cue", "phrase", "polarity", "needs", "agents", "examples", "counterexamples"}
            if extra:
                raise check.fail(cue_where, f"unknown key(s) {', '.join(sorted(extra))}")
            if isinstance(raw.get("phrase"), str) and raw["phrase"].strip() and "cue" not in raw:
                raw = dict(raw, cue=phrase_regex(raw["phrase"], terms, check, cue_where))
            if not isinstance(raw.get("cue"), str) or not raw["cue"].strip():
                raise check.fail(cue_where, "missing `phrase` (or `cue`, a regular expression)")
            polarity = raw.get("polarity")
            if isinstance(polarity, bool) or polarity not in (1, -1, 0):
                raise check.fail(cue_where, f"polarity must be 1, -1 or 0, got {polarity!r}")
            agents = raw.get("agents", "subject")
            if agents not in AGENT_MODES:
                raise check.fail(cue_where, f"agents must be one of {', '.join(AGENT_MODES)}, got {agents!r}")
            source = _expand(raw["cue"], terms, check, cue_where)
            if source.startswith(r"\b"):  # a cue never starts inside a hyphenated word ("UN-backed")
                source = r"(?<![-\w])" + source[2:]
            pattern = check.regex(source, cue_where, re.IGNORECASE)
            needs = None
            if raw.get("needs") is not None:
                if not isinstance(raw["needs"], str):
                    raise check.fail(cue_where, "`needs` must be a regular expression string")
                needs = check.regex(_expand(raw["needs"], terms, check, cue_where), f"{cue_where}.needs", re.IGNORECASE)
            literals = cue_literals(pattern) + (cue_literals(needs, 1) if needs is not None else ())
            examples = tuple(check.strings(raw.get("examples"), f"{cue_where}.examples"))
            counterexamples = tuple(check.strings(raw.get("counterexamples"), f"{cue_where}.counterexamples"))
            cues.append(Cue(issue_id, int(polarity), pattern, needs, agents, cue_where, literals,
                            folded_pattern(pattern.pattern), folded_pattern(needs.pattern) if needs else None,
                            examples, counterexamples))
        issues[issue_id] = Issue(issue_id, str(entry.get("label") or issue_id), tuple(cues), frozenset(not_held))

    words = {name: tuple(str(w) for w in check.strings(data.get(name), name)) for name in WORD_LISTS}

    # One alternation for all mentions; longer names first so "Syrian National Coalition" beats "SNC".
    alternatives.sort(key=lambda alt: len(alt[0]), reverse=True)
    groups = {f"m{i}": (actor, speaker) for i, (_src, actor, speaker) in enumerate(alternatives)}
    names = "|".join(f"(?P<m{i}>{src})" for i, (src, _a, _s) in enumerate(alternatives))
    suffix = r"(?:'s|’s|s'|s)?(?![\w])"
    mention_re = re.compile(rf"(?<![\w.])(?:{names}){suffix}")
    starts = _NameStarts.of([src for src, _a, _s in alternatives], suffix)

    all_cues = tuple(cue for issue in issues.values() for cue in issue.cues)
    return Codebook(path, actors, issues, words, mention_re, groups, starts, all_cues, _CueFilter(all_cues))


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The codebook at `path` (default: the one shipped with the package), validated.

    Compiled once and kept; read again only when the file changes (one stat per call).
    """
    path = DEFAULT_PATH if path is None else Path(path).resolve()
    try:
        mtime = os.stat(path).st_mtime
    except OSError:
        mtime = 0.0
    return _load_cached(path, mtime)


@lru_cache(maxsize=8)
def _load_cached(path: Path, _mtime: float) -> Codebook:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read the codebook: {err.strerror or err}") from None
    try:
        data = load_yaml_text(text, path)  # a repeated key (a second actor `russia:`) is an error, not a silent replacement
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML: {err}") from None
    return parse_codebook(data, path)
