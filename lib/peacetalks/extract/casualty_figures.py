"""Reading a figure in a sentence: which numbers are counts of people, and what each counts.

A number is a casualty figure when a casualty verb or noun governs it: just before it ("killed at
least 70", "a death toll of 58"), or after its noun phrase ("250,000 people have died", "55
wounded", "who found shelter abroad"). Numbers that continue a list or a breakdown ("including 14
children", "nine women and 6 rebels were among those who died") take the kind of the figure they
belong to (`inherit_kinds`). Years, dates, ages, money and clock times are not counts.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from peacetalks.extract.casualty_grammar import Grammar, compiled_grammar
from peacetalks.extract.numbers import SIMPLE_NUMBER, Quantity, find_quantities
from peacetalks.extract.words import fold, folded_pattern
from peacetalks.schema import KINDS

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_GENERIC_PEOPLE = r"people|persons|individuals|syrians|lives|others|more|souls|humans|human beings"
_GENERIC_PEOPLE_WORD = re.compile(_GENERIC_PEOPLE)
_WORD_START = re.compile(r"[\w'’-]")
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
_AUXILIARIES = {"are", "were", "is", "was", "have", "has", "had", "will", "would", "could", "may", "might", "remain",
                "remained", "remains"}
_TOKEN = re.compile(r"\s*([\w'’.-]+|[^\w\s])")
_STOP_HEAD = {
    "in", "on", "at", "by", "from", "for", "with", "during", "after", "before", "near", "since", "across", "when",
    "while", "and", "or", "as", "to", "into", "over", "under", "who", "that", "which", "were", "was", "are", "is",
    "have", "has", "had", "been",
}


@dataclass
class Figure:
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


class ReadSentence(NamedTuple):
    """A sentence being read: as written (for capitals and tokens) and `fold`ed (for the cue patterns)."""

    text: str
    folded: str
    quantities: list[Quantity]   # its counts (numbers that are not years, ages, money...)


def read_figures(sentence: str) -> tuple[ReadSentence, list[Figure]] | None:
    """The sentence as read (ages, numeric dates and clock times blanked out, and folded) and a `Figure`
    for each of its counts, with the kinds of list items and breakdowns filled in; None when it has no
    count."""
    grammar = compiled_grammar()
    masked, folded = _mask_not_counts(sentence, fold(sentence))
    quantities = [q for q in find_quantities(masked, folded) if _is_count(masked, folded, q)]
    if not quantities:
        return None
    read = ReadSentence(masked, folded, quantities)
    figures = [_read_figure(read, i, grammar) for i in range(len(quantities))]
    _inherit_kinds(read, figures)
    return read, figures


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


class WordFacts(NamedTuple):
    """What the cue lists say of one lower-case word."""

    predicate: bool    # it is a predicate on its own ("killed", "wounded")
    not_people: bool   # it counts things or time ("strikes", "years")
    restricted: bool   # it names a part of a population ("children", "fighters")
    generic: bool      # it names people in general ("people", "lives")
    breaks: bool       # it ends a noun phrase ("said", "while")


@lru_cache(maxsize=1 << 16)
def word_facts(word: str) -> WordFacts:
    """What the cue lists say of `word`, read once per process: the same words come back in every article."""
    grammar = compiled_grammar()
    folded = fold(word)
    return WordFacts(bool(grammar.predicate.match(" " + folded)), bool(grammar.not_people.match(folded)),
                 bool(grammar.restricted.match(folded)), bool(_GENERIC_PEOPLE_WORD.fullmatch(word)),
                 bool(grammar.breaks.match(folded)))


def _is_thing(word: str, original: str, value: int, facts: WordFacts) -> bool:
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
        facts = word_facts(word)
        if facts.predicate:
            break
        if _is_thing(word, original, q.value, facts):
            return tuple(words), True
        words.append(word)
        if facts.generic or facts.restricted:
            break
        pos = token.end()
    return tuple(words), False


def _read_figure(sentence: ReadSentence, i: int, grammar: Grammar) -> Figure:
    """What one number counts, from the words around it (kind None when it is not a casualty figure)."""
    q = sentence.quantities[i]
    head, not_people = _head_words(sentence.text, q)
    figure = Figure(q, head=head)
    if not_people:
        return figure
    left = sentence.folded[max(0, q.start - 80):q.start]
    of_them = _OF_THEM_AFTER.match(sentence.folded, q.end)
    figure.breakdown = _is_breakdown_before(left)
    after = _predicate_after(sentence, i, grammar)
    if of_them:
        # "15 of them children" is a part; "8 of them are still unnamed" is not a figure
        rest = _TOKEN.match(sentence.text, of_them.end())
        if after.kind is None and not (rest and word_facts(rest.group(1).lower()).restricted):
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


def _kind_of_verb(verb: str, grammar: Grammar) -> str | None:
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


def _predicate_after(read: ReadSentence, i: int, grammar: Grammar) -> _After:
    """The kind named after a number's noun phrase ("250,000 people have died", "55 wounded",
    "40 villagers including 14 children died", "who found shelter abroad")."""
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
        facts = word_facts(word)
        if facts.breaks or _is_thing(word, original, quantities[i].value, facts):
            return _After()
        pos = min(token.end(), next_start)
        words += 1
    return _After()


def _start_of(index: int, quantities: list[Quantity], sentence: str) -> int:
    """Where quantity `index` of a sentence starts; the sentence's end past the last."""
    return quantities[index].start if index < len(quantities) else len(sentence)


def _takes_object(folded: str, verb_end: int, quantities: list[Quantity], following: int,
                  grammar: Grammar) -> bool:
    """Whether the verb ending at verb_end is followed by its own object number ("killed at least
    nine"), unlike a list of tolls ("4 persons dead 17 hurt")."""
    if following >= len(quantities) or folded[verb_end:quantities[following].start].strip():
        return False
    nxt = quantities[following]
    return not grammar.predicate.match(folded, nxt.end)


def _inherit_kinds(sentence: ReadSentence, figures: list[Figure]) -> None:
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


def _nearest_with_kind(figures: list[Figure], i: int) -> int | None:
    for j in range(i - 1, -1, -1):
        if figures[j].kind and not figures[j].combined:
            return j
    return None
