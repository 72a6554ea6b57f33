"""The cue grammar of the casualty reader: the cue words of casualty_cues.yaml compiled into the
patterns the reader searches (`Grammar`), and the casualty words a text must hold to be read at all
(`casualty_words`)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import ahocorasick

from peacetalks.extract.words import automaton, folded_pattern
from peacetalks.sources.yamlfiles import load_yaml_text

FILLER = r"(?:(?:a total of|another|a further|an additional|the|also|only|some of the|all|all of the|all the)\s+)?[\"“']?"
_EVENT_NOUN = r"(?:attacks?|bombings?|blasts?|crash|explosions?|shootings?|massacre|earthquake|floods?|stampede|siege)"
_LOCATIVE = r"(?:in|over|across|inside|throughout|at)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|neighbou?ring|parts of|the city of|the town of|the province of)\s+)*"


@lru_cache(maxsize=1)
def cue_data() -> dict:
    """The cue words of casualty_cues.yaml."""
    text = resources.files(__package__).joinpath("casualty_cues.yaml").read_text(encoding="utf-8")
    return load_yaml_text(text, "casualty_cues.yaml")


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
        drive_verbs={  # refugees first: "driven abroad" is more than "driven from their homes"
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


# A cheap test for lower-cased text that may hold a casualty figure: the stems of the cue words
# ("die" only at the end of a word, not in "diet"). No two of them can start at the same offset.
CASUALTY_STEMS = ("dead", "death", "died", "displac", "kill", "wound", "injur", "hurt", "homes", "refuge", "asylum",
                  "fled", "flee", "massacr", "martyr", "murder", "execut", "escap", "lives", "toll", "slain", "shot",
                  "perish", "victim", "behead", "uproot", "fatal", "homel", "claim")


def casualty_words(lowered: str) -> list[int]:
    """Offsets in a lower-case text where a casualty stem starts, left to right, never inside another.

    All stems are found in one pass of an Aho-Corasick automaton (overlapping ones included);
    "die" counts only at the end of a word.
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
    """The casualty stems and "die", each found with (its length, whether it must end a word)."""
    return automaton({**{stem: (len(stem), False) for stem in CASUALTY_STEMS}, "die": (3, True)})


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
