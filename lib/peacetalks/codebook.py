"""The codebook of actors and issues (codebook.yaml): loaded, validated and compiled to patterns.

Analysts edit the YAML file; a mistake in it stops the run with an InputError that names the file
and the entry (``codebook.yaml: issues.ceasefire.cues[3]: ...``), never with a stack trace from deep
inside the matcher.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from .problems import InputError

DEFAULT_PATH = Path(__file__).with_name("codebook.yaml")
AGENT_MODES = ("subject", "inside", "both")
WORD_LISTS = ("negators", "softeners", "flexibility", "earlier", "contrast", "speech_verbs", "reservations")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
_TERM_REF = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class Mention:
    """A place in a text that names an actor: `speaker` is set when it names a person or body speaking for it."""

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


@dataclass(frozen=True)
class Codebook:
    """Actors, issues and the word lists the stance reader uses, compiled once."""

    path: Path
    actors: dict[str, Actor]
    issues: dict[str, Issue]
    words: dict[str, tuple[str, ...]]
    _mentions: re.Pattern[str] = field(repr=False, compare=False)
    _groups: dict[str, tuple[str, str | None]] = field(repr=False, compare=False)

    @property
    def cues(self) -> list[Cue]:
        return [cue for issue in self.issues.values() for cue in issue.cues]

    def mentions(self, text: str) -> list[Mention]:
        """Every actor mention in `text`, left to right, longest name first where names overlap."""
        found = []
        for match in self._mentions.finditer(text):
            actor, speaker = self._groups[match.lastgroup]
            found.append(Mention(actor, match.start(), match.end(), speaker))
        return found

    def word_pattern(self, name: str) -> re.Pattern[str]:
        """A case-insensitive pattern matching any phrase of one word list, on word boundaries."""
        return _word_pattern(self.words[name])


@lru_cache(maxsize=None)
def _word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    parts = sorted(words, key=len, reverse=True)
    whole = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in parts if not w.startswith(("n'", "n’")))
    suffixes = "|".join(re.escape(w) for w in parts if w.startswith(("n'", "n’")))
    body = f"(?<![\\w'’])(?:{whole})" + (f"|(?<=\\w)(?:{suffixes})" if suffixes else "")
    return re.compile(f"(?:{body})(?![\\w])", re.IGNORECASE)


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
        if not isinstance(actor_id, str) or not _ID.match(actor_id):
            raise check.fail(where, "an actor id is lower case letters, digits and _")
        entry = check.mapping(entry, where)
        extra = set(entry) - {"label", "names", "speakers"}
        if extra:
            raise check.fail(where, f"unknown key(s) {', '.join(sorted(extra))}")
        names = check.strings(entry.get("names"), f"{where}.names", allow_regex=True)
        speakers = check.strings(entry.get("speakers"), f"{where}.speakers")
        if not names:
            raise check.fail(f"{where}.names", "an actor needs at least one name")
        for i, name in enumerate(names):
            check.regex(_name_regex(name), f"{where}.names[{i}]")
            alternatives.append((_name_regex(name), actor_id, None))
        for speaker in speakers:
            alternatives.append((_name_regex(speaker, exact=True), actor_id, speaker))
        actors[actor_id] = Actor(actor_id, str(entry.get("label") or actor_id),
                                 tuple(str(n) if isinstance(n, str) else n["regex"] for n in names), tuple(speakers))

    terms_raw = data.get("terms") or {}
    check.mapping(terms_raw, "terms")
    terms: dict[str, str] = {}
    for name, source in terms_raw.items():
        if not isinstance(source, str):
            raise check.fail(f"terms.{name}", "expected a regular expression string")
        check.regex(source, f"terms.{name}")
        terms[name] = source

    issues: dict[str, Issue] = {}
    for issue_id, entry in check.mapping(data["issues"], "issues").items():
        where = f"issues.{issue_id}"
        if not isinstance(issue_id, str) or not _ID.match(issue_id):
            raise check.fail(where, "an issue id is lower case letters, digits and _")
        entry = check.mapping(entry, where)
        extra = set(entry) - {"label", "cues", "not_held_by"}
        if extra:
            raise check.fail(where, f"unknown key(s) {', '.join(sorted(extra))}")
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
            extra = set(raw) - {"cue", "polarity", "needs", "agents"}
            if extra:
                raise check.fail(cue_where, f"unknown key(s) {', '.join(sorted(extra))}")
            if not isinstance(raw.get("cue"), str) or not raw["cue"].strip():
                raise check.fail(cue_where, "missing `cue` (a regular expression)")
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
            cues.append(Cue(issue_id, int(polarity), pattern, needs, agents, cue_where))
        issues[issue_id] = Issue(issue_id, str(entry.get("label") or issue_id), tuple(cues), frozenset(not_held))

    words = {name: tuple(str(w) for w in check.strings(data.get(name), name)) for name in WORD_LISTS}

    # One alternation for all mentions; longer names first so "Syrian National Coalition" beats "SNC".
    alternatives.sort(key=lambda alt: len(alt[0]), reverse=True)
    groups = {f"m{i}": (actor, speaker) for i, (_src, actor, speaker) in enumerate(alternatives)}
    names = "|".join(f"(?P<m{i}>{src})" for i, (src, _a, _s) in enumerate(alternatives))
    mention_re = re.compile(rf"(?<![\w.])(?:{names})(?:'s|’s|s'|s)?(?![\w])")
    return Codebook(path, actors, issues, words, mention_re, groups)


def load_codebook(path: str | Path | None = None) -> Codebook:
    """The codebook at `path` (default: the one shipped with the package), validated."""
    path = Path(path) if path is not None else DEFAULT_PATH
    return _load_cached(path.resolve(), path.stat().st_mtime if path.exists() else 0.0)


@lru_cache(maxsize=8)
def _load_cached(path: Path, _mtime: float) -> Codebook:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot read the codebook: {err.strerror or err}") from None
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as err:
        raise InputError(f"{path}: not valid YAML: {err}") from None
    return parse_codebook(data, path)
