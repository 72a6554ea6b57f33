"""Whose toll a casualty figure is: the Syrian war's so far (`syria_war`), one attack's or place's
within it (`syria_event`), or an event or war outside it (`other`).

Read from the sentence and the one before it: words that mark the war's total so far, a part of a
larger figure, and the place the event happened. What is not the Syrian war is told by general
rules, not by a list of countries: an event outside any war (an earthquake, a plane crash) is
`other` wherever it happened; a war named with a place that is neither Syria, a place in it nor a
party to its war ("Yemen's war", "the war in Tigray", "the Afghan conflict": any capitalised name)
is another war; and an article that names neither Syria nor a place in it, or names other wars'
places far more often, gives only `other` tolls (`is_about_syria`). A place named before the war
a toll belongs to ("talks in Vienna ... a war which has claimed") says where talks were held, not
where people died.
"""
from __future__ import annotations

import re

from peacetalks.extract.casualty_figures import Figure, word_facts
from peacetalks.extract.casualty_grammar import Grammar, compiled_grammar, other_conflict_words, syria_words
from peacetalks.extract.numbers import Quantity
from peacetalks.extract.words import fold, folded_pattern, letter_runs

_IT_HAS = folded_pattern(
    r"\W*it\s+(?:has|had)\s+(?:so far\s+|now\s+|since\s+|already\s+)*(?:killed|claimed|cost|left|displaced|forced|driven)\b")
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


class Context:
    """What a sentence and the one before it (both folded) say about place and time, worked out only when asked."""

    def __init__(self, sentence: str, previous: str, grammar: Grammar, original: str = "",
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


def _war_context(sentence: str, previous: str, grammar: Grammar) -> bool:
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


def _places(text: str, grammar: Grammar) -> list[tuple[int, int, bool]]:
    """(start, end, is_foreign) of the places a folded `text` names as where something happened; empty
    when it names no place outside Syria (places in Syria matter only as rivals of those)."""
    if not text or grammar.foreign_keys.isdisjoint(letter_runs(text)):
        return []
    found = []
    for match in grammar.place.finditer(text):
        name = match.group("loc") or match.group("mod")
        if _NOT_WHERE_IT_HAPPENED.search(text, max(0, match.start() - 40), match.start()):
            continue  # "said in Turkey", "lives in Europe", "the militia in Libya", "(banned in Russia)"
        foreign = bool(grammar.foreign.match(name)) and not _WITH_SYRIA.match(text, match.end())
        found.append((match.start(), match.end(), foreign))
    return found


def subject_of(context: Context, figures: list[Figure], i: int, inside: frozenset[int] = frozenset()) -> str:
    """syria_war, syria_event or other for figure i of a sentence. `inside` holds the figures whose
    subject is being decided from this one's (a part takes its whole's): the links of a list may loop
    ("dozens including 0 were among a million"), and a figure met again is not followed."""
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
        if parent is not None and parent != i and parent not in inside \
                and subject_of(context, figures, parent, inside | {i}) == "other":
            return "other"
        return "syria_event"
    if q.value < 1000:
        return "syria_event"  # no total of the war below a thousand was reported after its first weeks
    if any(word_facts(word).restricted and not (word == "civilians" and figure.kind in _WHOLE_POPULATION_KINDS)
           for word in figure.head):
        return "syria_event"  # (the civilians displaced or made refugees are the whole population's count)
    window = _SOURCE_OR_PART.split(context.sentence[q.end:q.end + 80])[0]
    if context.grammar.event.search(window) or not (context.war or q.value >= _WAR_SCALE.get(figure.kind, q.value + 1)):
        return "syria_event"
    clause = _CLAUSE_BREAK.split(context.sentence[max(0, q.start - 120):q.start])[-1]
    if context.grammar.narrowing.search(f"{clause}{context.sentence[q.start:q.end]}{window}"):
        return "syria_event"  # "12,000 tortured to death since 2011": one cause of death, not the whole toll
    return "syria_war"


def _nearest_place_is_foreign(context: Context, q: Quantity, after: int = -1) -> bool:
    """Whether the place named nearest to a number is outside Syria ("a crash in Egypt", "the Paris attacks");
    places ending before `after` are not looked at, nor a place after the number in a clause of its own ("the war
    has killed 400,000, and the peace on offer was drafted in Moscow": where the peace was written)."""
    nearest = _nearest([span for span in context.places if not 0 < span[1] < after
                        and not (span[0] >= q.end and _NEW_CLAUSE.search(context.sentence, q.end, span[0]))], q)
    return nearest is not None and nearest[2]


_NEW_CLAUSE = folded_pattern(r",\s*(?:and|but|while|whereas|although|though|yet)\b|;|\s[-\u2013\u2014]\s")


def _nearest(spans: list[tuple[int, int, bool]], q: Quantity) -> tuple[int, int, bool] | None:
    """The span nearest to a number (within _PLACE_REACH, or the sentence before's at 0), or None; of two
    as near, the first."""
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


def _war_nouns(text: str, folded: str, grammar: Grammar) -> list[tuple[int, int, bool]]:
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
        for pattern in (_OWNER_BEFORE, _MODIFIER_BEFORE, _WHERE_BEFORE):
            owner = pattern.search(window)
            if owner:
                names.append(owner.group("x"))
        place = _PLACE_AFTER.match(text, end)
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


def _older_than_the_war(folded: str, grammar: Grammar) -> bool:
    """Whether a sentence dates its conflict to before the Syrian war and names neither Syria nor a place
    in it, nor a year of the war: that conflict is another one ("For decades the army has fought the
    rebels in the hills, in a conflict which has cost 40,000 lives")."""
    for match in _OLDER_WAR.finditer(folded):
        if match.group(0).startswith("since") and _COMPARED_SINCE.search(folded, max(0, match.start() - 60),
                                                                            match.start()):
            continue
        return not grammar.syria_marker.search(folded) and not _YEAR_OF_THE_WAR.search(folded)
    return False


def _outside_event(context: Context, figures: list[Figure], i: int) -> bool:
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


def is_about_syria(body: str, folded: str | None = None) -> bool:
    """Whether an article is about Syria: it names Syria, a place in it or Assad, and names the places and
    peoples of other wars (`other_conflicts` of casualty_cues.yaml) no more than twice as often. A bare toll of
    "the conflict" in an article about Yemen or Ukraine is that conflict's toll."""
    grammar = compiled_grammar()
    if folded is None:
        folded = fold(body)
    runs = letter_runs(folded)
    syria = sum(map(syria_words().__contains__, runs))  # (how many of the words are Syria's names)
    if not syria:
        if grammar.syria_marker.search(folded) is None:  # (names of more than one word: "deir ez-zor")
            return False
        syria = 1
    return sum(map(other_conflict_words().__contains__, runs)) <= 2 * syria
