"""The cue grammar of the casualty reader: casualty_cues.yaml, checked when read (`CueFile`), its cue
words compiled into the patterns the reader searches (`Grammar`), and the casualty words a text must
hold to be read at all (`casualty_words`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any, Iterator

import ahocorasick
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from peacetalks.extract.words import automaton, fold, folded_pattern
from peacetalks.sources.problems import InputError
from peacetalks.sources.yamlfiles import load_yaml_text
from peacetalks.schema import KINDS

FILLER = r"(?:(?:a total of|another|a further|an additional|the|also|only|some of the|all|all of the|all the)\s+)?[\"“']?"
_EVENT_NOUN = r"(?:attacks?|bombings?|blasts?|crash|explosions?|shootings?|massacre|earthquake|floods?|stampede|siege)"
_LOCATIVE = r"(?:in|over|across|inside|throughout|at)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|neighbou?ring|parts of|the city of|the town of|the province of)\s+)*"


# --- casualty_cues.yaml, as pydantic models: what each entry may be, in one place ---------------------

# What the place-holders of a cue stand for when it is checked on its own (the reader puts in the lists).
_STAND_INS = {"WAR": "war", "FOREIGN": "france", "SYRIAN_CITY": "aleppo"}


def _expression(value: str) -> str:
    """A cue's regular expression, checked: not blank, and it compiles (WAR, FOREIGN and SYRIAN_CITY
    standing for a word of their lists)."""
    if not value.strip():
        raise ValueError("an empty expression would match everywhere")
    stood_in = value
    for name, word in _STAND_INS.items():
        stood_in = stood_in.replace(name, word)
    try:
        re.compile(stood_in)
    except re.error as err:
        raise ValueError(f"not a valid regular expression ({err}): {value!r}") from None
    return value


def _first_word_names(value: str) -> str:
    """A list of place names (`|` between them) whose every name starts with a word of letters a-z: the
    reader looks for that word in a sentence before it tries the names (`Grammar.foreign_keys`)."""
    for name in value.split("|"):
        if not re.match(r"[a-z]+", name):
            raise ValueError(f"the name {name!r} must start with a word in lower-case letters a-z "
                             "(no group or class first): the reader looks for that word first")
    return value


def _plain_words(value: str) -> str:
    """Words in lower-case letters a-z, `|` between them (counted as whole words, not as patterns)."""
    for word in value.split("|"):
        if not re.fullmatch(r"[a-z]+", word):
            raise ValueError(f"{word!r} is not a word in lower-case letters a-z (these are counted, not patterns)")
    return value


def _lower_letters(value: str) -> str:
    if not re.fullmatch(r"[a-z]+", value):
        raise ValueError(f"{value!r} must be lower-case letters a-z")
    return value


Expression = Annotated[str, AfterValidator(_expression)]


class Cue(BaseModel):
    """One cue: its expression, with the sentences it must and must not be read in (see the file's head)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    cue: Expression
    examples: list[str] = []
    counterexamples: list[str] = []


# An entry is the expression alone or a `Cue` mapping.
Entry = Annotated[Cue, BeforeValidator(lambda value: {"cue": value} if isinstance(value, str) else value)]


class KindCues(BaseModel):
    """The cues of one kind of figure (see the file's head for what each list holds)."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    active: list[Entry] = []
    active_with_lives: list[Entry] = []
    active_alone: list[Entry] = []
    active_with_completion: list[Entry] = []
    completion: list[Entry] = []
    predicate: list[Entry] = Field(min_length=1)


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    examples: list[str] = []
    counterexamples: list[str] = []


class CasualtyWords(BaseModel):
    """The words a sentence must hold to be read for figures: `stems` where any word part starts,
    `word_endings` only where a word ends ("die", not "diet")."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    stems: list[Annotated[str, AfterValidator(_lower_letters)]] = Field(min_length=1)
    word_endings: list[Annotated[str, AfterValidator(_lower_letters)]] = []

    def found_in(self, text: str) -> bool:
        """Whether `text` holds one of the words, as `casualty_words` finds them."""
        lowered = fold(text)
        return any(stem in lowered for stem in self.stems) or any(
            re.search(rf"{re.escape(ending)}(?!\w)", lowered) for ending in self.word_endings)


# (the kinds whose lists the reader needs, beyond `predicate`)
_NEEDED = {"killed": ("active", "active_with_lives", "active_alone"), "displaced": ("active_with_completion", "completion"),
           "refugees": ("active_with_completion", "completion")}


class CueFile(BaseModel):
    """casualty_cues.yaml."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kinds: dict[str, KindCues]
    phrase_breaks: list[Expression]
    not_people: list[Expression]
    restricted_people: list[Expression]
    war_nouns: Expression
    war_cues: list[Entry]
    event_cues: list[Entry]
    narrowing_cues: list[Entry]
    perfect_total: Expression
    country_scope: Expression
    foreign_places: list[Annotated[Expression, AfterValidator(_first_word_names)]]
    war_parties: list[Expression]
    outside_events: list[Entry]
    foreign_war_examples: Examples
    other_conflicts: list[Annotated[str, AfterValidator(_plain_words)]]
    places_in_syria: list[Expression]
    casualty_words: CasualtyWords

    @model_validator(mode="after")
    def _kinds_and_examples(self) -> "CueFile":
        unknown = sorted(set(self.kinds) - set(KINDS))
        if unknown:
            raise ValueError(f"kinds.{unknown[0]}: unknown kind (the kinds are {', '.join(KINDS)})")
        missing = [kind for kind in KINDS if kind not in self.kinds]
        if missing:
            raise ValueError(f"kinds.{missing[0]}: missing (every kind of {', '.join(KINDS)} needs its cues)")
        for kind, names in _NEEDED.items():
            for name in names:
                if not getattr(self.kinds[kind], name):
                    raise ValueError(f"kinds.{kind}.{name}: needs at least one entry (the reader uses it)")
        for where, example in self.examples():
            if not self.casualty_words.found_in(example):
                raise ValueError(f"{where}: {example!r} holds none of casualty_words, so the reader never reads it: "
                                 "add the word its figure hangs on to casualty_words")
        return self

    def examples(self) -> Iterator[tuple[str, str]]:
        """(where, sentence) of every example of every cue ("kinds.killed.active[0].examples[1]")."""
        for where, _section, sentence, is_example in self.cases():
            if is_example:
                yield where, sentence

    def cases(self) -> Iterator[tuple[str, str, str, bool]]:
        """(where, section, sentence, is_example) of every example and counterexample of every cue: where
        is "kinds.killed.active[0].counterexamples[1]", section "kinds.killed" or "war_cues"."""
        sections: list[tuple[str, str, list[Cue] | list[Examples]]] = [
            (f"kinds.{kind}", f"kinds.{kind}.{name}", getattr(cues, name)) for kind, cues in self.kinds.items()
            for name in KindCues.model_fields]
        sections += [(name, name, getattr(self, name))
                     for name in ("war_cues", "event_cues", "narrowing_cues", "outside_events")]
        for section, path, entries in sections:
            for index, cue in enumerate(entries):
                for key, is_example in (("examples", True), ("counterexamples", False)):
                    for number, sentence in enumerate(getattr(cue, key)):
                        yield f"{path}[{index}].{key}[{number}]", section, sentence, is_example
        for key, is_example in (("examples", True), ("counterexamples", False)):
            for number, sentence in enumerate(getattr(self.foreign_war_examples, key)):
                yield f"foreign_war_examples.{key}[{number}]", "foreign_war_examples", sentence, is_example


def check_cue_file(data: Any, where: str) -> CueFile:
    """The data of a casualty cues file, checked (`CueFile`); a bad entry is an InputError naming the file,
    the entry ("kinds.killed.active[3].cue") and what is wrong with it."""
    try:
        return CueFile.model_validate(data if data is not None else {})
    except ValidationError as err:
        first = err.errors()[0]
        entry = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in first["loc"]).lstrip(".")
        message = first["msg"].removeprefix("Value error, ")
        if first["type"] == "missing":
            message = "missing"
        elif first["type"] == "extra_forbidden":
            message = "not a key of this file (a typo?)"
        raise InputError(f"{where}: {entry + ': ' if entry else ''}{message}") from None


@lru_cache(maxsize=1)
def cue_data() -> dict:
    """The cue words of the packaged casualty_cues.yaml, checked (`check_cue_file`)."""
    text = resources.files(__package__).joinpath("casualty_cues.yaml").read_text(encoding="utf-8")
    data = load_yaml_text(text, "casualty_cues.yaml")
    check_cue_file(data, "casualty_cues.yaml")
    return data


def _alt(entries: list[str] | str) -> str:
    """One regex alternation of YAML entries; WAR and FOREIGN stand for those word lists, a space for any whitespace."""
    return "|".join(f"(?:{part})" for part in _alt_parts(entries))


def _alt_parts(entries: list[str] | str) -> list[str]:
    """The regex of each YAML entry, as `_alt` joins them."""
    if isinstance(entries, str):
        entries = [entries]
    war = cue_data()["war_nouns"]
    foreign = "|".join(cue_data()["foreign_places"])
    cities = "|".join(place for entry in cue_data()["places_in_syria"] for place in entry.split("|") if place != "syria")
    whitespace = r"\s+"
    entries = [cue_of(e) for e in entries]
    return [e.replace("WAR", war).replace("FOREIGN", foreign).replace("SYRIAN_CITY", cities).replace(" ", whitespace)
            for e in entries if e]


def cue_of(entry: str | dict) -> str:
    """The expression of a cue entry: the entry itself, or its `cue` when it carries examples."""
    return entry["cue"] if isinstance(entry, dict) else entry


@dataclass(frozen=True)
class Grammar:
    """The compiled cue patterns."""

    active: dict[str, re.Pattern[str]]
    active_far: re.Pattern[str]
    drive_verbs: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]  # kind -> (verb before, completion after)
    lives_verb: re.Pattern[str]
    lone_verb: re.Pattern[str]
    predicate: re.Pattern[str]
    breaks: re.Pattern[str]
    not_people: re.Pattern[str]
    restricted: re.Pattern[str]
    war: re.Pattern[str]
    event: re.Pattern[str]
    narrowing: re.Pattern[str]
    war_start: re.Pattern[str]
    foreign: re.Pattern[str]
    foreign_keys: frozenset[bytes]   # the first letters of each place outside Syria
    place: re.Pattern[str]
    war_noun: re.Pattern[str]
    perfect_total: re.Pattern[str]
    country_scope: re.Pattern[str]
    outside: re.Pattern[str]                  # events outside the war wherever they happen (an earthquake)
    syrian: re.Pattern[str]             # a name of Syria, of a place in it, or of a party to its war
    syria_marker: re.Pattern[str]       # a word that ties a text to Syria


@lru_cache(maxsize=1)
def compiled_grammar() -> Grammar:
    cues = cue_data()
    kinds = cues["kinds"]
    active = {
        kind: folded_pattern(rf"(?<![\w-])(?:{_alt(spec['active'])})\s+{FILLER}\Z")
        for kind, spec in kinds.items() if spec.get("active")
    }
    any_active = "|".join(_alt(spec["active"]) for spec in kinds.values() if spec.get("active"))
    aux = (r"(?:(?:who|that|which|have|has|had|were|was|are|is|been|being|be|got|get|gotten|reportedly|reported|also|"
           r"all|now|so far|confirmed|later|allegedly|already|since|still|either|both|each|believed to have|"
           r"said to have|feared|thought to have|estimated to have|to have|then|subsequently|eventually|themselves|"
           r"either|just)\s+)*").replace(" ", r"\s+")
    predicate = "|".join(f"(?P<{kind}>{_alt(spec['predicate'])})" for kind, spec in kinds.items())
    places_foreign = _alt(cues["foreign_places"])
    places_syria = _alt(cues["places_in_syria"])
    return Grammar(
        active=active,
        active_far=folded_pattern(
            rf"(?<![\w-])(?P<verb>{any_active})\s+(?:a|an|the|one|another)\s+[\w-]+\s+(?:[\w-]+\s+)?(?:and|,)\s+\Z"),
        lives_verb=folded_pattern(rf"(?<![\w-])(?:{_alt(kinds['killed']['active_with_lives'])})\s+{FILLER}\Z"),
        lone_verb=folded_pattern(rf"(?<![\w-])(?:{_alt(kinds['killed']['active_alone'])})\s+{FILLER}\Z"),
        drive_verbs={  # refugees first: "driven abroad" is more than "forced out of their villages"
            kind: (folded_pattern(rf"(?<![\w-])(?:{_alt(kinds[kind]['active_with_completion'])})\s+{FILLER}\Z"),
                   folded_pattern(rf"(?:[^.;:]{{0,120}}?)\b(?:{_alt(kinds[kind]['completion'])})\b"))
            for kind in ("refugees", "displaced")},
        predicate=folded_pattern(rf"\s*,?\s*{aux}(?:{predicate})(?![\w-])"),
        breaks=folded_pattern(rf"(?:{_alt(cues['phrase_breaks'])})\Z"),
        not_people=folded_pattern(rf"(?:{_alt(cues['not_people'])})\Z"),
        restricted=folded_pattern(rf"(?:{_alt(cues['restricted_people'])})\Z"),
        war=folded_pattern(_alt(cues["war_cues"])),
        event=folded_pattern(_alt(cues["event_cues"])),
        narrowing=folded_pattern(_alt(cues["narrowing_cues"])),
        war_start=folded_pattern(r"\b2011\b|\b(?:began|started|erupted|broke out)\b"),
        foreign=folded_pattern(rf"(?:{places_foreign})\Z"),
        foreign_keys=frozenset(re.match(r"[a-z]+", name).group(0).encode("ascii")
                               for entry in cues["foreign_places"] for name in entry.split("|")),
        war_noun=folded_pattern(rf"\b(?:{cues['war_nouns']})\b"),
        perfect_total=folded_pattern(_alt(cues["perfect_total"])),
        country_scope=folded_pattern(_alt(cues["country_scope"])),
        outside=folded_pattern(rf"\b(?:{_alt(cues['outside_events'])})\b"),
        syrian=folded_pattern(rf"(?:{places_syria}|{_alt(cues['war_parties'])})\b"),
        syria_marker=folded_pattern(rf"\b(?:{places_syria}|assad)"),
        place=folded_pattern(
            rf"\b(?:{_LOCATIVE}(?P<loc>{places_foreign}|{places_syria})\b"
            rf"|(?P<mod>(?!(?:{_alt(cues['war_parties'])})\b)(?:{places_foreign}))(?:'s)?\s+{_EVENT_NOUN})"),
    )


def casualty_words(lowered: str) -> list[int]:
    """Offsets in a lower-case text where a casualty word (`casualty_words` of casualty_cues.yaml) starts,
    left to right, never inside another: a stem anywhere, a word ending ("die") only where a word ends.

    A text without one is not read for figures. All the words are found in one pass of an Aho-Corasick
    automaton (overlapping ones included): measured on FA-KES, reading every stretch with a number
    instead took the whole extraction from 0.82 s to 1.23 s.
    """
    found = []
    for last, (length, ends_word) in _stem_automaton().iter(lowered):
        if ends_word and _is_word_char(lowered[last + 1:last + 2]):
            continue
        found.append((last - length + 1, length))
    found.sort()
    starts, done = [], 0
    for pos, length in found:
        if pos >= done:
            starts.append(pos)
            done = pos + length
    return starts


@lru_cache(maxsize=1)
def _stem_automaton() -> ahocorasick.Automaton:
    """The casualty words, each found with (its length, whether it must end a word)."""
    words = cue_data()["casualty_words"]
    return automaton({**{stem: (len(stem), False) for stem in words["stems"]},
                      **{ending: (len(ending), True) for ending in words.get("word_endings", [])}})


def _is_word_char(char: str) -> bool:
    """Whether `char` (one character, or none at the end of a text) is what a regex's \\w matches."""
    return bool(char) and (char.isalnum() or char == "_")


@lru_cache(maxsize=1)
def syria_words() -> frozenset[bytes]:
    """Syria, Syrian(s), Assad and the one-word names of places in Syria."""
    names = {"syria", "syrian", "syrians", "assad"}
    names.update(name for entry in cue_data()["places_in_syria"] for name in entry.split("|") if name.isalpha())
    return frozenset(name.encode("ascii") for name in names)


@lru_cache(maxsize=1)
def other_conflict_words() -> frozenset[bytes]:
    """The words of other_conflicts (casualty_cues.yaml)."""
    return frozenset(word.encode("ascii") for entry in cue_data()["other_conflicts"] for word in entry.split("|"))
