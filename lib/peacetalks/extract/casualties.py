"""Casualty figures: every reported number of people killed, wounded, displaced or made refugees.

Each sentence that mentions a casualty word is read for number phrases
(`numbers.find_quantities`). A number is a casualty figure when a casualty verb or noun
governs it: just before it ("killed at least 70", "a death toll of 58"), or after its
noun phrase ("250,000 people have died", "55 wounded", "who have sought refuge").
Numbers that continue a list or a breakdown ("including 14 children", "nine women and
6 rebels were among those who died") take the kind of the figure they belong to. Whose
toll it is (`syria_war`, `syria_event`, `other`) is read from the sentence and the one
before it: words that mark the war's total so far, a part of a larger figure, and the
place the event happened. The cue words live in casualty_cues.yaml, each cue with
examples and counterexamples that tests/test_casualties.py runs.

What is not the Syrian war is told by general rules, not by a list of countries: an
event outside any war (an earthquake, a plane crash) is `other` wherever it happened; a
war named with a place that is neither Syria, a place in it nor a party to its war
("Yemen's war", "the war in Tigray", "the Afghan conflict": any capitalised name) is
another war; and an article that names neither Syria nor a place in it, or names other
wars' places far more often, gives only `other` tolls (`is_about_syria`). A place named
before the war a toll belongs to ("talks in Vienna ... a war which has claimed")
says where talks were held, not where people died.
"""
from __future__ import annotations

import bisect
from collections import Counter
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

import ahocorasick
from peacetalks.sources.yamlfiles import load_yaml_text

from peacetalks.extract.numbers import SIMPLE_NUMBER, Quantity, find_quantities
from peacetalks.extract.sentences import paragraph_sentences, paragraphs
from peacetalks.tables.schema import KINDS
from peacetalks.extract.words import automaton, fold, folded_pattern, letter_runs

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


# Whether a stretch may hold a number: a digit (a fast scan on its own), else a number word.
# (Case-insensitive patterns are `folded_pattern`s, matched against the `fold`ed text: see numbers.py.)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = folded_pattern(
    r"\b(?=[otfsenhdqmb])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|scores|tens|quarter|half|third)")
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_GENERIC_PEOPLE = r"people|persons|individuals|syrians|lives|others|more|souls|humans|human beings"
_GENERIC_PEOPLE_WORD = re.compile(_GENERIC_PEOPLE)
_WORD_START = re.compile(r"[\w'’-]")
_FILLER = r"(?:(?:a total of|another|a further|an additional|the|also|only|some of the|all|all of the|all the)\s+)?[\"“']?"
# (Patterns that end a window are searched at each offset of it: one word boundary before all the
# words lets the engine give up at once inside a word.)
_BREAKDOWN_BEFORE = folded_pattern(
    r"\b(?:including|include[sd]?|among (?:them|whom|those)|of (?:whom|them)|incl\.?|mostly|mainly)\s*,?\s*\Z")
_OF_THEM_AFTER = folded_pattern(r"\s*(?:of (?:them|whom)|of those)\b")
_AMONG_AHEAD = folded_pattern(r"\s*(?:were|was|are|is)\s+(?:also\s+)?among\s+")
_AMONG_NUMBER = folded_pattern(r"\s*,?\s*(?:who\s+)?(?:were|was|are|is)\s+(?:also\s+)?among\s*\Z")
_COMBINED_AFTER = folded_pattern(
    r"\s*(?:or|and|and/or|&|,|/)?\s*(?:were\s+)?(?:killed|dead|died|wounded|injured|hurt|displaced)\b(?!\s+(?:\w+\s+){0,1}\d)")
_COMBINED_BEFORE = folded_pattern(
    r"(?:kill\w*|wound\w*|injur\w*)\s*(?:,|&|/|\s(?:or|and|and/or))?\s+\Z")
_NOT_COUNT_BEFORE = folded_pattern(
    rf"(?:[$£€]|[A-Za-z]-|#|\b(?:(?:us|usd|eur|sp)\s*\$?|{_MONTH}|aged?|ages?\s+(?:of|below|under|between|from)|"
    r"number|no\.|resolution|article|route|highway|brigade|division|page|group of|"
    r"numbered|code|from age|views|comments|shares|likes|population (?:\w+ )?of))\s*\Z")
_NOT_COUNT_AFTER = folded_pattern(
    rf"(?:[\s-]*(?:years?|yrs?|months?)[\s-]*old\b|-(?:year|month|day|week)|\s*(?:%|percent\b|per cent\b)|"
    rf"\s*(?:dollars|euros|pounds|usd)\b|:\d|\s*(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:\s|$|,|\d)|"
    r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b))")
# what may follow the bare object of "claiming eight": a word for people at most, then the clause ends
_LONE_END = folded_pattern(
    rf"(?:\s+(?:more\s+)?(?:{_GENERIC_PEOPLE}|victims|civilians))?\s*(?:[.,;:)!?\"”]|\Z|\s+(?:and|in|on|at|since|"
    r"including|among|so far|overnight|yesterday|today|last|this|during|after)\b)")
_LIST_JOINT = folded_pattern(r"\s(?:and|as well as|plus)\s+\Z|,\s*\Z")
# "five were killed 12 others ...": a passive verb before a number does not take it as its object.
_PASSIVE_BEFORE = folded_pattern(r"\b(?:were|was|been|are|is|be|being|got)\s+(?:\w+ly\s+)?\Z")
_INVARIANT_UNITS = {"km", "kg", "percent", "per cent", "%", "aircraft", "feet", "usd", "police"}
_MAY_HIDE_COUNT = folded_pattern(r"\bold\b|\bage|\d[-./:]\d")
_NOT_COUNT_SPAN = folded_pattern(
    r"\b\d{1,4}[-./]\d{1,2}[-./]\d{1,4}\b|\b\d{1,2}:\d\d\b|"
    rf"(?:\bbetween\s+)?{SIMPLE_NUMBER}(?:\s*(?:and|to|-|or)\s*{SIMPLE_NUMBER})?[\s-]*(?:years?|yrs?|months?)[\s-]*old\b"
    rf"|\baged?\s+(?:between\s+|under\s+|below\s+|over\s+)?{SIMPLE_NUMBER}(?:\s*(?:and|to|-|or)\s*{SIMPLE_NUMBER})?"
    rf"|\bages?\s+(?:of|below|under|between|from|over)\s+{SIMPLE_NUMBER}(?:\s*(?:and|to|-|or)\s*{SIMPLE_NUMBER})?")
_IT_HAS = folded_pattern(
    r"\W*it\s+(?:has|had)\s+(?:so far\s+|now\s+|since\s+|already\s+)*(?:killed|claimed|cost|left|displaced|forced|driven)\b")
_AUXILIARIES = {"are", "were", "is", "was", "have", "has", "had", "will", "would", "could", "may", "might", "remain",
                "remained", "remains"}
# Place names that say where someone speaks, lives or is banned, or name a group, not where people died.
_NOT_WHERE_IT_HAPPENED = folded_pattern(
    r"\b(?:state|banned|outlawed|prohibited|illegal|lives|living|lived|based|exiled?|headquartered|said|says|told|"
    r"speaking|spoke|reporters|met|meeting|talks|conference|summit|visit(?:ing|ed)?|arrived|returned|trip|tour|"
    r"hosted|held|negotiations|envoy|embassy|ambassador|delegates|delegation|gathered|convened|signed|agreed|"
    r"announced|interview|statement|sessions?|rounds?|meetings?|talks)\s*,?\s+\Z")
_SYRIA = folded_pattern(r"\bsyria")
_WITH_SYRIA = folded_pattern(r"\s+and\s+(?:in\s+)?syria\b")
_SOURCE_OR_PART = folded_pattern(r"\b(?:said|says|told|according|including|among them|of whom)\b|;")
_CLAUSE_BREAK = folded_pattern(r"[;:]|\d[\d,.]*|\b(?:including|of whom)\b")  # a stop, or an earlier figure
MAX_HEAD_COUNT = 10_000_000_000
"""No count of people is larger (and the tables' integer columns hold 64 bits)."""
# No single attack, battle or offensive of the war killed or displaced this many: with no cue that narrows
# it, such a figure in an article about Syria is the war's ("511,000 people have been killed, the monitor
# says"). Refugees are left out: a host country's share ("Turkey hosts 3.5 million") is a part.
_WHOLE_POPULATION_KINDS = frozenset({"displaced", "refugees"})
_WAR_SCALE = {"killed": 100_000, "displaced": 3_000_000}
_PLACE_REACH = 150
 # a place named further than this from a number is not where its people died
_SINCE_THEN = folded_pattern(r"\bsince then\b|\b(?:has|have|had) since\b|\bsince that (?:time|day)\b")
_ANAPHORIC_START = folded_pattern(
    r"\A\W*(?:it|they|that|this|the (?:crash|attacks?|bombings?|blasts?|explosions?|shootings?|disaster|incident|"
    r"quake|earthquake|assault|massacre|raid))\b")
# A sentence that opens by pointing back to the one before: read with it even across a paragraph break.
_REFERS_BACK = folded_pattern(
    r"\W*(?:since (?:then|that (?:time|day))\b|(?:it|they|that|this) (?:has|have|had|is|was|were|are|killed|left)\b)")
_EVENT_NOUN = r"(?:attacks?|bombings?|blasts?|crash|explosions?|shootings?|massacre|earthquake|floods?|stampede|siege)"
_LOCATIVE = r"(?:in|over|across|inside|throughout|at)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|north|south|east|west|northeastern|northwestern|southeastern|southwestern|neighbou?ring|parts of|the city of|the town of|the province of)\s+)*"
_TOKEN = re.compile(r"\s*([\w'’.-]+|[^\w\s])")
_STOP_HEAD = {
    "in", "on", "at", "by", "from", "for", "with", "during", "after", "before", "near", "since", "across", "when",
    "while", "and", "or", "as", "to", "into", "over", "under", "who", "that", "which", "were", "was", "are", "is",
    "have", "has", "had", "been",
}


@lru_cache(maxsize=1)
def _cues() -> dict:
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
    war = _cues()["war_nouns"]
    foreign = "|".join(_cues()["foreign_places"])
    cities = "|".join(place for entry in _cues()["places_in_syria"] for place in entry.split("|") if place != "syria")
    whitespace = r"\s+"
    entries = [cue_of(e) for e in entries]
    return [e.replace("WAR", war).replace("FOREIGN", foreign).replace("SYRIAN_CITY", cities).replace(" ", whitespace)
            for e in entries if e]


def cue_of(entry: str | dict) -> str:
    """The expression of a cue entry: the entry itself, or its `cue` when it carries examples."""
    return entry["cue"] if isinstance(entry, dict) else entry


@dataclass(frozen=True)
class _Grammar:
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
def _grammar() -> _Grammar:
    cues = _cues()
    kinds = cues["kinds"]
    active = {
        kind: folded_pattern(rf"(?<![\w-])(?:{_alt(spec['active'])})\s+{_FILLER}\Z")
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
    return _Grammar(
        active=active,
        active_far=folded_pattern(
            rf"(?<![\w-])(?P<verb>{any_active})\s+(?:a|an|the|one|another)\s+[\w-]+\s+(?:[\w-]+\s+)?(?:and|,)\s+\Z"),
        lives_verb=folded_pattern(rf"(?<![\w-])(?:{_alt(kinds['killed']['active_with_lives'])})\s+{_FILLER}\Z"),
        lone_verb=folded_pattern(rf"(?<![\w-])(?:{_alt(kinds['killed']['active_alone'])})\s+{_FILLER}\Z"),
        drive_verbs={  # refugees first: "driven abroad" is more than "driven from their homes"
            kind: (folded_pattern(rf"(?<![\w-])(?:{_alt(kinds[kind]['active_with_completion'])})\s+{_FILLER}\Z"),
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


@dataclass
class _Figure:
    """A number read as a casualty figure, before its subject is known."""

    quantity: Quantity
    kind: str | None = None
    head: tuple[str, ...] = ()
    breakdown: bool = False
    parent: int | None = None      # index of the figure this one is a part of
    link_next: bool = False        # "9 women and 6 rebels were among those who died": takes the next one's kind
    among_next: bool = False       # "Four medics were among 38 villagers killed"
    combined: bool = False         # "killed or injured": not one kind
    shared: bool = False           # its kind comes after its noun phrase, so list items before it share it
    own_clause: bool = False       # subject of a verb that is not a casualty verb ("60000 are missing")


def extract_casualties(article_id: str, body: str) -> list[dict]:
    """Rows of the casualties table (tables.CASUALTY_COLUMNS) for one article body.

    A figure repeated in the article (same value, kind and subject) is listed once,
    from the first sentence that gives it. An article that is not about Syria (`is_about_syria`)
    gives no figure of the Syrian war: its tolls are `other`.
    """
    rows: list[dict] = []
    seen: set[tuple[int, str, str]] = set()
    about_syria: bool | None = None
    for text, previous in candidate_sentences(body):
        for value, value_high, qualifier, kind, subject in figures_in_sentence(text, previous):
            if subject != "other":
                if about_syria is None:
                    about_syria = is_about_syria(body)
                if not about_syria:
                    subject = "other"
            key = (value, kind, subject)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "article_id": article_id, "value": value, "value_high": value_high, "qualifier": qualifier,
                "kind": kind, "subject": subject, "sentence": text,
            })
    return rows


def is_about_syria(body: str, folded: str | None = None) -> bool:
    """Whether an article is about Syria: it names Syria, a place in it or Assad, and names the places and
    peoples of other wars (`other_conflicts` of casualty_cues.yaml) no more than twice as often. A bare toll of
    "the conflict" in an article about Yemen or Ukraine is that conflict's toll."""
    grammar = _grammar()
    if folded is None:
        folded = fold(body)
    runs = letter_runs(folded)
    if ("syria" in folded or "assad" in folded) and _other_conflict_words().isdisjoint(runs):
        return True  # (the common case, without counting)
    runs = Counter(runs)
    syria = sum(runs[word] for word in _syria_words())
    if not syria:
        if grammar.syria_marker.search(folded) is None:  # (names of more than one word: "deir ez-zor")
            return False
        syria = 1
    return sum(runs[word] for word in _other_conflict_words()) <= 2 * syria


@lru_cache(maxsize=1)
def _syria_words() -> frozenset[bytes]:
    """Syria, Syrian(s), Assad and the one-word names of places in Syria."""
    names = {"syria", "syrian", "syrians", "assad"}
    names.update(name for entry in _cues()["places_in_syria"] for name in entry.split("|") if name.isalpha())
    return frozenset(name.encode("ascii") for name in names)


@lru_cache(maxsize=1)
def _other_conflict_words() -> frozenset[bytes]:
    """The words of other_conflicts (casualty_cues.yaml)."""
    return frozenset(word.encode("ascii") for entry in _cues()["other_conflicts"] for word in entry.split("|"))


def candidate_sentences(body: str) -> list[tuple[str, str]]:
    """(sentence, previous sentence) for every sentence of `body` with a casualty word and a number.

    Only the paragraphs with a casualty word are cut into sentences (`paragraph_sentences`, the cut
    the stances reader makes of the same paragraphs: within `sentences.shared_splits` it is made
    once). The previous sentence is the one before in the paragraph; a sentence that opens a
    paragraph by pointing back ("Since then, ...", "It has killed ...") reads the last sentence
    of the paragraph before.
    """
    folded = fold(body)
    hits = casualty_words(folded)
    if not hits:
        return []
    result: list[tuple[str, str]] = []
    previous_paragraph: tuple[int, int, str] | None = None
    for index, (start, end, text) in enumerate(paragraphs(body)):
        if _has_hit(hits, start, end):
            sentences = paragraph_sentences(text, start, index)
            for place, sentence in enumerate(sentences):
                if not _has_hit(hits, sentence.start, sentence.end) or not _has_number(fold(sentence.text)):
                    continue
                if place:
                    previous = sentences[place - 1].text
                elif previous_paragraph is not None and _REFERS_BACK.match(fold(sentence.text[:40])):
                    before = paragraph_sentences(previous_paragraph[2], previous_paragraph[0], index - 1)
                    previous = before[-1].text if before else ""
                else:
                    previous = ""
                result.append((sentence.text, previous))
        previous_paragraph = (start, end, text)
    return result


def _has_hit(hits: list[int], start: int, end: int) -> bool:
    """Whether one of the (sorted) offsets `hits` lies in [start, end)."""
    position = bisect.bisect_left(hits, start)
    return position < len(hits) and hits[position] < end


def _has_number(folded: str) -> bool:
    """Whether a folded text holds a digit or a number word."""
    return _DIGIT.search(folded) is not None or _NUMBER_WORD.search(folded) is not None


class _Sentence(NamedTuple):
    """A sentence being read: as written (for capitals and tokens) and `fold`ed (for the cue patterns)."""

    text: str
    folded: str
    quantities: list[Quantity]   # its counts (numbers that are not years, ages, money...)


def figures_in_sentence(sentence: str, previous: str = "") -> list[tuple[int, int | None, str, str, str]]:
    """(value, value_high, qualifier, kind, subject) of every casualty figure in one sentence;
    `previous` is the sentence before it, read for the place and the start of the war."""
    grammar = _grammar()
    masked, folded = _mask_not_counts(sentence, fold(sentence))
    quantities = [q for q in find_quantities(masked, folded) if _is_count(masked, folded, q)]
    if not quantities:
        return []
    read = _Sentence(masked, folded, quantities)
    figures = [_read_figure(read, i, grammar) for i in range(len(quantities))]
    _inherit_kinds(read, figures)
    result = []
    context = _Context(folded, fold(previous), grammar, masked, previous)
    for i, figure in enumerate(figures):
        if figure.kind is None or figure.combined:
            continue
        q = figure.quantity
        if q.value > MAX_HEAD_COUNT or (q.value_high or 0) > MAX_HEAD_COUNT:
            continue  # more people than live on Earth: a typo, a serial number, not a figure
        if q.value == 0 or q.value == 1 and not figure.head:
            continue  # "one was killed": a single victim is not a figure
        subject = _subject(context, figures, i)
        result.append((q.value, q.value_high, q.qualifier, figure.kind, subject))
    return result


def _mask_not_counts(sentence: str, folded: str) -> tuple[str, str]:
    """The sentence with ages, numeric dates and clock times blanked out, so that "five pupils
    aged 9 to 14 died" reads as "five pupils ... died" (offsets are kept);
    and that `fold`ed. `folded` is the sentence folded."""
    if not _MAY_HIDE_COUNT.search(folded):
        return sentence, folded
    pieces, done = [], 0
    for span in _NOT_COUNT_SPAN.finditer(folded):
        pieces += [sentence[done:span.start()], " " * (span.end() - span.start())]
        done = span.end()
    if not pieces:
        return sentence, folded
    masked = "".join(pieces) + sentence[done:]
    return masked, fold(masked)


_YEAR = re.compile(r"(?:19|20)\d\d")
_PEOPLE_AFTER_YEAR = re.compile(r"\s+(?:of\s+)?(?:people|persons|civilians|soldiers|fighters|children|refugees)\b")


def _is_count(sentence: str, folded: str, q: Quantity) -> bool:
    """False for years, dates, ages, money, percentages and clock times."""
    if _is_not_count_before(folded[max(0, q.start - 20):q.start]) or _NOT_COUNT_AFTER.match(folded, q.end):
        return False
    if _YEAR.fullmatch(sentence, q.number_start, q.end) and q.qualifier == "exact":
        return bool(_PEOPLE_AFTER_YEAR.match(sentence[q.end:]))  # (case-sensitive: "2000 people", not "2000 People")
    return True


def _is_not_count_before(window: str) -> bool:
    """Whether a folded window ends (but for spaces) with what makes the number after it not a count
    (`_NOT_COUNT_BEFORE`: "$", "aged", "resolution")."""
    return _NOT_COUNT_BEFORE.search(window) is not None


class _Word(NamedTuple):
    """What the cue lists say of one lower-case word."""

    predicate: bool    # it is a predicate on its own ("killed", "wounded")
    not_people: bool   # it counts things or time ("strikes", "years")
    restricted: bool   # it names a part of a population ("children", "fighters")
    generic: bool      # it names people in general ("people", "lives")
    breaks: bool       # it ends a noun phrase ("said", "while")


@lru_cache(maxsize=1 << 16)
def _word(word: str) -> _Word:
    """What the cue lists say of `word`, read once per process: the same words come back in every article."""
    grammar = _grammar()
    folded = fold(word)
    return _Word(bool(grammar.predicate.match(" " + folded)), bool(grammar.not_people.match(folded)),
                 bool(grammar.restricted.match(folded)), bool(_GENERIC_PEOPLE_WORD.fullmatch(word)),
                 bool(grammar.breaks.match(folded)))


def _is_thing(word: str, original: str, value: int, facts: _Word) -> bool:
    """Whether a word after a number makes it a count of things or time, not people ("60 strikes",
    "3 times"). Capitalised words are names ("40 Islamic State fighters"), and a singular noun
    after a plural number is a modifier ("13 rocket shells", "six school children")."""
    if original[:1].isupper() or not facts.not_people:
        return False
    return value == 1 or word.endswith("s") or word in _INVARIANT_UNITS


def _head_words(sentence: str, q: Quantity) -> tuple[tuple[str, ...], bool]:
    """The noun words right after a number ("civilians" in "53 civilians including ...") and whether
    they make it a count of something other than people ("60 strikes", "four makeshift hospitals")."""
    words: list[str] = []
    pos = q.end
    for _ in range(4):
        token = _TOKEN.match(sentence, pos)
        if token is None or not _WORD_START.match(token.group(1)):
            break
        original = token.group(1).strip(".")
        word = original.lower()
        if word == "of" and not words:
            pos = token.end()
            continue
        if word in _STOP_HEAD:
            break
        facts = _word(word)
        if facts.predicate:
            break
        if _is_thing(word, original, q.value, facts):
            return tuple(words), True
        words.append(word)
        if facts.generic or facts.restricted:
            break
        pos = token.end()
    return tuple(words), False


def _read_figure(sentence: _Sentence, i: int, grammar: _Grammar) -> _Figure:
    """What one number counts, from the words around it (kind None when it is not a casualty figure)."""
    q = sentence.quantities[i]
    head, not_people = _head_words(sentence.text, q)
    figure = _Figure(q, head=head)
    if not_people:
        return figure
    left = sentence.folded[max(0, q.start - 80):q.start]
    of_them = _OF_THEM_AFTER.match(sentence.folded, q.end)
    figure.breakdown = _is_breakdown_before(left)
    after = _predicate_after(sentence, i, grammar)
    if of_them:
        # "15 of them children" is a part; "8 of them are still unnamed" is not a figure
        rest = _TOKEN.match(sentence.text, of_them.end())
        if after.kind is None and not (rest and _word(rest.group(1).lower()).restricted):
            return figure
        figure.breakdown = True
    if after.kind and after.words <= 1:
        figure.kind, figure.combined, figure.shared = after.kind, after.combined, True  # "4 persons dead 17 hurt"
        return figure
    for kind, pattern in grammar.active.items():
        verb = pattern.search(left)
        if verb and not _PASSIVE_BEFORE.search(left, 0, verb.start()):
            figure.kind = kind
            figure.combined = bool(_COMBINED_BEFORE.search(left, 0, verb.start()))
            return figure
    if head and head[-1] == "lives" and grammar.lives_verb.search(left):
        figure.kind = "killed"  # "claimed more than 100 civilian lives"
        return figure
    if "claim" in left and grammar.lone_verb.search(left) and _LONE_END.match(sentence.folded, q.end):
        figure.kind = "killed"  # "a blast in the market, claiming eight"
        return figure
    for kind, (verb, completion) in grammar.drive_verbs.items():
        if verb.search(left) and completion.match(sentence.folded, q.end):
            figure.kind = kind  # "driving tens of thousands from their homes", "drove millions abroad"
            return figure
    if after.kind:
        figure.kind, figure.combined, figure.shared = after.kind, after.combined, True
        return figure
    figure.among_next, figure.link_next, figure.own_clause = after.among_next, after.link_next, after.own_clause
    if figure.among_next:
        figure.breakdown = True
    if not (figure.link_next or figure.among_next):
        far = grammar.active_far.search(left)
        if far and not _PASSIVE_BEFORE.search(left, 0, far.start()):
            figure.kind = _kind_of_verb(far.group("verb"), grammar)
    return figure


def _is_breakdown_before(window: str) -> bool:
    """Whether a folded window ends with a word that opens a breakdown ("including", "of whom")."""
    return _BREAKDOWN_BEFORE.search(window) is not None


def _kind_of_verb(verb: str, grammar: _Grammar) -> str | None:
    for kind, pattern in grammar.active.items():
        if pattern.search(verb + " "):
            return kind
    return None


@dataclass
class _After:
    """What follows a number's noun phrase."""

    kind: str | None = None
    words: int = 0             # noun-phrase words before the predicate
    combined: bool = False
    among_next: bool = False   # "... were among <number>"
    link_next: bool = False    # one item of a list whose next item follows
    own_clause: bool = False   # the number is the subject of a verb of its own ("60000 are missing")


def _predicate_after(read: _Sentence, i: int, grammar: _Grammar) -> _After:
    """The kind named after a number's noun phrase ("250,000 people have died", "55 wounded",
    "40 villagers including 14 children died", "who have sought refuge")."""
    sentence, folded, quantities = read
    pos = quantities[i].end
    following = i + 1
    next_start = _start_of(following, quantities, sentence)
    words = 0
    skipped_at = -1  # where a skipped parenthetical number ended: a predicate right there is its noun ("47 wounded")
    while words <= 8:
        if pos >= next_start:
            if following >= len(quantities):
                return _After()
            gap = folded[max(0, next_start - 60):next_start]
            if _AMONG_NUMBER.search(gap):
                return _After(among_next=True)
            if _is_breakdown_before(gap):
                # skip the parenthetical part: "11 people including six children were killed"
                pos = skipped_at = quantities[following].end
                following += 1
                next_start = _start_of(following, quantities, sentence)
                continue
            joint = _LIST_JOINT.search(folded, quantities[i].end, next_start)
            return _After(link_next=words <= 6 and joint is not None)
        match = grammar.predicate.match(folded, pos)
        if match and pos == skipped_at:
            pos = match.end()
            words += 1
            continue
        if match:
            kind = next(k for k in KINDS if match.group(k))
            if _takes_object(folded, match.end(), quantities, following, grammar):
                return _After()  # "the raid on March 3 killed at least nine": the verb has its own object
            combined = bool(_COMBINED_AFTER.match(folded, match.end()))
            return _After(kind=kind, words=words, combined=combined)
        token = _TOKEN.match(sentence, pos)
        if token is None:
            return _After()
        original = token.group(1)
        word = original.lower()
        if word in _AUXILIARIES and not original.isupper():  # "17 IS fighters": a name, not the verb
            among = _AMONG_AHEAD.match(folded, pos)
            if among and among.end() == next_start:
                return _After(among_next=True)  # "Four medics were among 38 villagers killed"
            return _After(own_clause=True)
        if original in ".;:!?()[]\"“”":
            return _After()
        facts = _word(word)
        if facts.breaks or _is_thing(word, original, quantities[i].value, facts):
            return _After()
        pos = min(token.end(), next_start)
        words += 1
    return _After()


def _start_of(index: int, quantities: list[Quantity], sentence: str) -> int:
    """Where quantity `index` of a sentence starts; the sentence's end past the last."""
    return quantities[index].start if index < len(quantities) else len(sentence)


def _takes_object(folded: str, verb_end: int, quantities: list[Quantity], following: int,
                  grammar: _Grammar) -> bool:
    """Whether the verb ending at verb_end is followed by its own object number ("killed at least
    nine"), unlike a list of tolls ("4 persons dead 17 hurt")."""
    if following >= len(quantities) or folded[verb_end:quantities[following].start].strip():
        return False
    nxt = quantities[following]
    return not grammar.predicate.match(folded, nxt.end)


def _inherit_kinds(sentence: _Sentence, figures: list[_Figure]) -> None:
    """Give list items and breakdowns the kind of the figure they belong to."""
    # Right to left: "Nine women and 6 rebels were among those who died", "Four medics were among 38 killed".
    for i in range(len(figures) - 2, -1, -1):
        figure, following = figures[i], figures[i + 1]
        if figure.kind is None and (figure.among_next or figure.link_next and following.shared) and following.kind:
            figure.kind = following.kind
            figure.combined = following.combined
            figure.shared = True
            if figure.among_next:
                figure.parent = i + 1
            elif following.breakdown:
                figure.breakdown = True
                figure.parent = following.parent
    # Left to right: "killed 64 villagers including 22 children", "33 children 19 women four medics".
    for i in range(1, len(figures)):
        figure, before = figures[i], figures[i - 1]
        # "33 children 19 women", "18 children and 9 women", "four medics and six": nouns, then a joint
        listed = _is_list_gap(sentence.text[before.quantity.end:figure.quantity.start])
        parent = _nearest_with_kind(figures, i)
        if figure.breakdown and parent is not None:
            own = figure.kind
            if own is None or own == figures[parent].kind:
                figure.kind = figures[parent].kind
                figure.parent = parent
            else:
                figure.breakdown = False  # "including 2.6 million refugees" among the displaced: a figure of its own kind
                figure.parent = parent
        elif figure.kind is None and listed and before.kind and not before.combined and not figure.own_clause and (
                before.breakdown or before.parent is not None or _LIST_JOINT.search(sentence.folded, 0, figure.quantity.start)):
            # "killing three militants and 13 civilians": the second item shares the verb
            figure.kind = before.kind
            figure.breakdown = before.breakdown
            figure.parent = before.parent


# (case-sensitive: "And" does not join a list)
_LISTED = re.compile(r"(?:\s*(?!and\b)[\w'’-]+){0,2}\s*(?:,|\band\b|\bas well as\b|\bplus\b)?\s*")


def _is_list_gap(gap: str) -> bool:
    """Whether the text between two numbers is at most two words and a joint (_LISTED). A gap of more
    than five words (two, and "as well as") cannot be one: counted first, as the pattern tries every way
    of cutting each word of a long gap before it fails."""
    return len(gap.split()) <= 5 and _LISTED.fullmatch(gap) is not None


def _nearest_with_kind(figures: list[_Figure], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if figures[j].kind and not figures[j].combined:
            return j
    return None


class _Context:
    """What a sentence and the one before it (both folded) say about place and time, worked out only when asked."""

    def __init__(self, sentence: str, previous: str, grammar: _Grammar, original: str = "",
                 previous_original: str = "") -> None:
        self.sentence, self.previous, self.grammar = sentence, previous, grammar
        self.original = original or sentence
        self.previous_original = previous_original or previous
        self._war: bool | None = None
        self._places: list[tuple[int, int, bool]] | None = None
        self._wars: list[tuple[int, int, bool]] | None = None
        self._outside: list[tuple[int, int]] | None = None

    @property
    def outside(self) -> list[tuple[int, int]]:
        """(start, end) of each word for an event outside the war (an earthquake, a plane crash)."""
        if self._outside is None:
            self._outside = [match.span() for match in self.grammar.outside.finditer(self.sentence)]
        return self._outside

    @property
    def wars(self) -> list[tuple[int, int, bool]]:
        """(start, end, is_foreign) of each war noun of the sentence ("Yemen's war" is foreign); when it
        names none and starts with "it" or "they", the last war noun of the sentence before, at 0."""
        if self._wars is None:
            self._wars = _war_nouns(self.original, self.sentence, self.grammar)
            if not self._wars and _ANAPHORIC_START.match(self.sentence):
                before = _war_nouns(self.previous_original, self.previous, self.grammar)
                self._wars = [(0, 0, before[-1][2])] if before else []
        return self._wars

    @property
    def war(self) -> bool:
        """Whether the sentence speaks of the war's total so far."""
        if self._war is None:
            self._war = _war_context(self.sentence, self.previous, self.grammar)
        return self._war

    @property
    def places(self) -> list[tuple[int, int, bool]]:
        """(start, end, is_foreign) of each place named as where something happened."""
        if self._places is None:
            self._places = _places(self.sentence, self.grammar)
            if not self._places and _ANAPHORIC_START.match(self.sentence):
                # "It killed 224 people": where "it" happened was said in the sentence before
                before = _places(self.previous, self.grammar)
                self._places = [(0, 0, before[-1][2])] if before else []
        return self._places


def _war_context(sentence: str, previous: str, grammar: _Grammar) -> bool:
    """Whether the sentence speaks of the war's total so far."""
    text = sentence.replace("’", "'")
    if grammar.war.search(text):
        return True
    war_before = grammar.war_noun.search(previous)
    if _IT_HAS.match(text) and war_before:
        return True  # "... the war. It has cost over 190,000 Syrians their lives"
    if grammar.perfect_total.search(text) and (war_before or grammar.country_scope.search(text)):
        return True  # "Over 310,000 Syrians have died and millions were forced from their homes."
    return bool(_SINCE_THEN.search(text) and grammar.war_start.search(previous) and war_before)


def _places(text: str, grammar: _Grammar) -> list[tuple[int, int, bool]]:
    """(start, end, is_foreign) of the places a folded `text` names as where something happened; empty
    when it names no place outside Syria (places in Syria matter only as rivals of those)."""
    if not text or grammar.foreign_keys.isdisjoint(letter_runs(text)):
        return []
    found = []
    for match in grammar.place.finditer(text):
        name = match.group("loc") or match.group("mod")
        if _NOT_WHERE_IT_HAPPENED.search(text, max(0, match.start() - 40), match.start()):
            continue  # "said in Turkey", "lives in Europe", "Islamic State in Iraq", "(banned in Russia)"
        foreign = bool(grammar.foreign.match(name)) and not _WITH_SYRIA.match(text, match.end())
        found.append((match.start(), match.end(), foreign))
    return found


def _subject(context: _Context, figures: list[_Figure], i: int) -> str:
    """syria_war, syria_event or other for figure i of a sentence."""
    figure = figures[i]
    q = figure.quantity
    if _outside_event(context, figures, i):
        return "other"  # "an earthquake in Nepal killed 8,000": outside the war wherever it happened
    # (a war's own place is looked for only for figures of its size: a smaller one is an event's)
    war = _nearest(context.wars, q) if q.value >= 1000 else None
    if war is not None and war[2]:
        return "other"  # "Yemen's war has killed 10,000", "the war in Ukraine, which has killed 13,000"
    # places named before the war the figure belongs to say where talks were held, not where people died
    after = war[0] - 15 if war is not None and war[0] < q.start else -1
    if war is None and context.places and context.war:
        cue = context.grammar.war.search(context.sentence)  # "the number of those killed has climbed"
        after = cue.start() - 15 if cue and cue.start() < q.start else -1
    if _nearest_place_is_foreign(context, q, after) and not (
            figure.kind == "refugees" and _SYRIA.search(context.sentence)):
        return "other"  # ("Syrian refugees in Turkey" are the war's refugees)
    if figure.breakdown or figure.parent is not None and figure.kind == figures[figure.parent].kind:
        parent = figure.parent
        if parent is not None and parent != i and _subject(context, figures, parent) == "other":
            return "other"
        return "syria_event"
    if q.value < 1000:
        return "syria_event"  # no total of the war below a thousand was reported after its first weeks
    if any(_word(word).restricted and not (word == "civilians" and figure.kind in _WHOLE_POPULATION_KINDS)
           for word in figure.head):
        return "syria_event"  # (the civilians displaced or made refugees are the whole population's count)
    window = _SOURCE_OR_PART.split(context.sentence[q.end:q.end + 80])[0]
    if context.grammar.event.search(window) or not (context.war or q.value >= _WAR_SCALE.get(figure.kind, q.value + 1)):
        return "syria_event"
    clause = _CLAUSE_BREAK.split(context.sentence[max(0, q.start - 120):q.start])[-1]
    if context.grammar.narrowing.search(f"{clause}{context.sentence[q.start:q.end]}{window}"):
        return "syria_event"  # "12,000 tortured to death since 2011": one cause of death, not the whole toll
    return "syria_war"


def _nearest_place_is_foreign(context: _Context, q: Quantity, after: int = -1) -> bool:
    """Whether the place named nearest to a number is outside Syria ("a crash in Egypt", "the Paris attacks");
    places ending before `after` are not looked at."""
    best, best_distance = False, None
    for start, end, foreign in context.places:
        if 0 < end < after:
            continue
        distance = q.start - end if end <= q.start else start - q.end
        if distance < 0 or distance > _PLACE_REACH and end > 0:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = foreign, distance
    return best


def _nearest(spans: list[tuple[int, int, bool]], q: Quantity) -> tuple[int, int, bool] | None:
    """The span nearest to a number (within _PLACE_REACH, or the sentence before's at 0), or None."""
    best, best_distance = None, None
    for span in spans:
        start, end, _ = span
        distance = q.start - end if end <= q.start else start - q.end
        if distance < 0 or distance > _PLACE_REACH and end > 0:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = span, distance
    return best


# A war noun's place, as written: "Yemen's (long civil) war", "the Gaza war", "the war in (eastern) Ukraine".
_NAME = r"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|al-[\w'’-]+))?"
# (between the place and the noun, only words that describe a war: "Yemen's long civil war")
_WAR_ADJECTIVES = (r"(?:(?:civil|bloody|brutal|long|ongoing|protracted|separatist|sectarian|devastating|deadly|"
                   r"current|internal|armed|grinding|intractable|[\w]+-(?:year|month|day|week)(?:-old)?|[\w]+-long)\s+){0,3}")
_OWNER_BEFORE = re.compile(rf"(?P<x>{_NAME})(?:'s|’s|'|’)\s+{_WAR_ADJECTIVES}\Z")
_MODIFIER_BEFORE = re.compile(rf"\b[Tt]he\s+(?P<x>{_NAME})\s+{_WAR_ADJECTIVES}\Z")
_WHERE_BEFORE = re.compile(rf"(?P<x>{_NAME}),?\s+where\s+(?:the|a|its)\s+{_WAR_ADJECTIVES}\Z")
_PLACE_AFTER = re.compile(
    rf"\s+(?:in|on|over|across|inside)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+(?:of\s+)?)?(?P<x>{_NAME})")
_NOT_A_PLACE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b|the\b|a\b|an\b|its\b|"
    r"this\b|that\b|their\b|his\b|her\b|our\b|it\b|in\b|on\b|as\b|but\b|and\b|since\b|after\b|during\b|"
    r"world\b|cold\b|civil\b|great\b|first\b|second\b")


def _war_nouns(text: str, folded: str, grammar: _Grammar) -> list[tuple[int, int, bool]]:
    """(start, end, is_foreign) of each war noun of a sentence: foreign when it is named with a place that
    is neither Syria, a place in it, nor a party to its war ("Yemen's war", "the Afghan conflict", "the war
    in Tigray"): any capitalised name, with no list of countries."""
    found = []
    if not text:
        return found
    for match in grammar.war_noun.finditer(folded):
        start, end = match.span()
        names = []
        window = text[max(0, start - 60):start]
        for pattern, needs in ((_OWNER_BEFORE, "'’"), (_MODIFIER_BEFORE, "hH"), (_WHERE_BEFORE, "w")):
            if any(char in window for char in needs):  # (the word each pattern cannot match without)
                owner = pattern.search(window)
                if owner:
                    names.append(owner.group("x"))
        place = _PLACE_AFTER.match(text, end) if text[end:end + 1].isspace() else None
        if place:
            names.append(place.group("x"))
        foreign = any(not _NOT_A_PLACE.match(fold(name)) and not grammar.syrian.search(fold(name)) for name in names)
        found.append((start, end, foreign))
    if found and _older_than_the_war(folded, grammar):
        found = [(start, end, True) for start, end, _ in found]
    return found


# A conflict older than the Syrian war (which began in 2011): "for decades", "a decades-old conflict",
# "since 1984", "the insurgency that began in 1999"; "the worst war since 1945" compares, it does not date.
_OLDER_WAR = folded_pattern(
    r"\b(?:for|over|across|through|in|during) (?:(?:the|several|many|two|three|four|five|six|seven|past|last|nearly|"
    r"almost|more than|over|some) )*(?:decades|half a century|a century)\b|\bdecades?[- ](?:long|old)\b"
    r"|\b(?:since|began in|started in|erupted in|broke out in|launched in|from) (?:(?:early|late|mid-?) )?(?:19\d\d|200\d|2010)\b")
_COMPARED_SINCE = folded_pattern(r"(?:est|worst|most|largest|biggest|greatest)\b[^.;]{0,40}\Z")
_YEAR_OF_THE_WAR = folded_pattern(r"\b20(?:1[1-9]|2\d)\b")


def _older_than_the_war(folded: str, grammar: _Grammar) -> bool:
    """Whether a sentence dates its conflict to before the Syrian war and names neither Syria nor a place
    in it, nor a year of the war: that conflict is another one ("For decades the army has fought the
    rebels in the hills, in a conflict which has cost 40,000 lives")."""
    for match in _OLDER_WAR.finditer(folded):
        if match.group(0).startswith("since") and _COMPARED_SINCE.search(folded, max(0, match.start() - 60),
                                                                            match.start()):
            continue
        return not grammar.syria_marker.search(folded) and not _YEAR_OF_THE_WAR.search(folded)
    return False


def _outside_event(context: _Context, figures: list[_Figure], i: int) -> bool:
    """Whether the clause of figure i names an event outside the war (an earthquake, a plane crash): in the
    words before it back to the figure before or a semicolon, or after it up to a comma or a stop."""
    if not context.outside:
        return False
    folded = context.sentence
    q = figures[i].quantity
    begin = max(figures[i - 1].quantity.end if i else 0, q.start - 100, folded.rfind(";", 0, q.start) + 1)
    stop = q.end + 80
    for mark in ",;.":
        at = folded.find(mark, q.end, stop)
        if at != -1:
            stop = at
    return any(begin <= start and end <= q.start or q.end <= start and end <= stop for start, end in context.outside)
