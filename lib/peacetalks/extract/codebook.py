"""The codebook of actors and issues (codebook.yaml): loaded, validated and compiled to patterns.

Analysts edit the YAML file; a mistake in it stops the run with an InputError that names the file
and the entry (``codebook.yaml: issues.ceasefire.cues[3]: ...``), never with a stack trace from deep
inside the matcher.

What the file may hold is codebook_schema.py (pydantic models); the phrase language of its cues is
phrases.py; the actors' names are matched by names.py; which cues a sentence may match, by cuefilter.py.
"""
from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, NamedTuple, TypeVar

import yaml

from peacetalks.extract.codebook_schema import AGENT_MODES, WORD_LISTS, CueEntry, validated
from peacetalks.extract.cuefilter import CueFilter, CueSpots
from peacetalks.extract.names import NameStarts, mention_pattern, name_regex
from peacetalks.extract.phrases import TERM_REF, Compiled, PhraseError, choose, compile_phrase, compile_term, expand
from peacetalks.extract.words import fold, folded_pattern
from peacetalks.sources.problems import InputError
from peacetalks.sources.yamlfiles import load_yaml_text

__all__ = ["AGENT_MODES", "WORD_LISTS", "Actor", "Codebook", "Cue", "CueSpots", "Issue", "Mention", "load_codebook",
           "parse_codebook"]

DEFAULT_PATH = Path(__file__).resolve().with_name("codebook.yaml")


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
    pattern: str                # a case-insensitive regular expression (the phrase compiled, phrases.py)
    needs: str | None = None    # the same, of what the sentence must also have
    agents: str = "subject"
    where: str = ""
    # Sets of lower-case strings such that every text the cue (and its `needs`) matches in contains a
    # string of each set, in lower case: what a text must have to be worth trying (read from its phrase,
    # see phrases.py and cuefilter.py).
    literals: tuple[frozenset[str], ...] = ()
    # `pattern` and `needs` compiled to match the folded text (`text.folded_pattern`): the same matches at the
    # same offsets as the case-insensitive patterns, two to three times faster; they are all that is compiled.
    folded: re.Pattern[str] | None = field(default=None, compare=False)
    needs_folded: re.Pattern[str] | None = field(default=None, compare=False)
    # sentences (general English, written for the codebook) the cue must match, and must not match
    examples: tuple[str, ...] = field(default=(), compare=False)
    counterexamples: tuple[str, ...] = field(default=(), compare=False)
    # the cue as codebook.yaml writes it (its phrase, with "needs ..." when it has one): what a reader is shown
    written: str = field(default="", compare=False)

    def matches(self, text: str) -> bool:
        """Whether the cue (and its `needs`, if any) matches somewhere in `text`."""
        folded = fold(text)
        return bool(self.folded.search(folded)) and (self.needs_folded is None or bool(self.needs_folded.search(folded)))


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
    _starts: NameStarts | None = field(default=None, repr=False, compare=False)  # None: no shortcut
    _cues: tuple[Cue, ...] = field(default=(), repr=False, compare=False)
    _cue_filter: CueFilter = field(default=None, repr=False, compare=False)  # type: ignore[assignment]
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

        The names are tried only where a word starts that a name can start with (see `names.NameStarts`),
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


@lru_cache(maxsize=None)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = sorted(words, key=len, reverse=True)
    whole = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts if not w.startswith(("n'", "n’")))
    suffixes = "|".join(re.escape(w) for w in parts if w.startswith(("n'", "n’")))
    body = f"(?<![\\w'’])(?:{whole})" + (f"|(?<=\\w)(?:{suffixes})" if suffixes else "")
    return re.compile(f"(?:{body})(?![\\w])", re.IGNORECASE)


def _fail(path: Path, where: str, problem: str) -> InputError:
    return InputError(f"{path}: {where}: {problem}")


def _regex(source: str, path: Path, where: str, flags: int = 0) -> re.Pattern[str]:
    try:
        return re.compile(source, flags)
    except re.error as err:
        raise _fail(path, where, f"bad regular expression ({err}): {source!r}") from None


def _folded_regex(source: str, path: Path, where: str) -> re.Pattern[str]:
    """A case-insensitive expression compiled for the folded text (`folded_pattern`), the one way a cue is
    compiled (compiling it case-insensitively too cost 0.7 s of every process's start, for nothing read)."""
    try:
        return folded_pattern(source)
    except re.error as err:
        raise _fail(path, where, f"bad regular expression ({err}): {source!r}") from None


def _terms(raw: dict[str, list[str] | str], path: Path) -> dict[str, Compiled]:
    """The terms compiled: a term may use others ({name}), in any order of the file, so each is read once
    those it uses are; a cycle, or a term used before it is defined, is named by the first one."""
    terms: dict[str, Compiled] = {}
    waiting = dict(raw)
    while waiting:
        ready = [name for name, source in waiting.items()
                 if not set(TERM_REF.findall(str(source))) & (set(waiting) - {name})]
        for name in ready or [next(iter(waiting))]:
            try:
                term = compile_term(waiting.pop(name), terms)
            except PhraseError as err:
                raise _fail(path, f"terms.{name}", str(err)) from None
            _regex(term.regex, path, f"terms.{name}")
            terms[name] = term
    return terms


def _cue(entry: CueEntry, issue_id: str, where: str, terms: dict[str, Compiled], path: Path) -> Cue:
    """One cue compiled; its examples must match and its counterexamples must not."""
    try:
        if entry.phrase is not None:
            compiled = compile_phrase(entry.phrase, terms)
        else:  # a regular expression: nothing is known of what its matches contain, so it is always tried
            compiled = Compiled(expand(entry.cue or "", terms))
        needs = compile_phrase(entry.needs, terms) if entry.needs is not None else None
    except PhraseError as err:
        raise _fail(path, where, str(err)) from None
    source = compiled.regex
    if source.startswith(r"\b"):  # a cue never starts inside a hyphenated word ("UN-backed")
        source = r"(?<![-\w])" + source[2:]
    literals = choose(compiled.literals, 3) + (choose(needs.literals, 1) if needs is not None else ())
    cue = Cue(issue_id, entry.polarity, source, needs.regex if needs is not None else None, entry.agents, where, literals,
              _folded_regex(source, path, where),
              _folded_regex(needs.regex, path, f"{where}.needs") if needs is not None else None,
              tuple(entry.examples), tuple(entry.counterexamples),
              (entry.phrase or entry.cue or "") + (f"  (needs {entry.needs})" if entry.needs else ""))
    for sentence in entry.examples:
        if not cue.matches(sentence):
            raise _fail(path, where, f"the cue does not match its example {sentence!r}")
    for sentence in entry.counterexamples:
        if cue.matches(sentence):
            raise _fail(path, where, f"the cue matches its counterexample {sentence!r}")
    return cue


def parse_codebook(data: Any, path: Path) -> Codebook:
    """Validate the parsed YAML (codebook_schema.py) and compile it; raises InputError naming the bad entry."""
    book = validated(data, path)
    actors: dict[str, Actor] = {}
    alternatives: list[tuple[str, str, str, str | None]] = []  # (regex, first word, actor, speaker)
    for actor_id, entry in book.actors.items():
        where = f"actors.{actor_id}"
        for i, name in enumerate(entry.names):
            source = _regex(name_regex(name.name, not_after=name.not_after), path, f"{where}.names[{i}]").pattern
            alternatives.append((source, name.name.split()[0], actor_id, None))
        for speaker in entry.speakers:
            alternatives.append((name_regex(speaker.name, exact=True), speaker.name.split()[0], actor_id, speaker.name))
        terms = {s.name: (s.start, s.end) for s in entry.speakers if s.start is not None}
        actors[actor_id] = Actor(actor_id, entry.label or actor_id, tuple(n.name for n in entry.names),
                                 tuple(s.name for s in entry.speakers), terms)

    terms = _terms(dict(book.terms), path)
    issues: dict[str, Issue] = {}
    for issue_id, entry in book.issues.items():
        cues = tuple(_cue(cue, issue_id, f"issues.{issue_id}.cues[{i}]", terms, path) for i, cue in enumerate(entry.cues))
        issues[issue_id] = Issue(issue_id, entry.label or issue_id, cues, frozenset(entry.not_held_by))
    words = {name: tuple(getattr(book, name)) for name in WORD_LISTS}

    # One alternation for all mentions; longer names first so "Syrian National Coalition" beats "SNC".
    alternatives.sort(key=lambda alt: len(alt[0]), reverse=True)
    groups = {f"m{i}": (actor, speaker) for i, (_src, _first, actor, speaker) in enumerate(alternatives)}
    sources = [src for src, _first, _a, _s in alternatives]
    starts = NameStarts.of(sources, [first for _src, first, _a, _s in alternatives])
    all_cues = tuple(cue for issue in issues.values() for cue in issue.cues)
    return Codebook(path, actors, issues, words, mention_pattern(sources), groups, starts, all_cues, CueFilter(all_cues))


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
