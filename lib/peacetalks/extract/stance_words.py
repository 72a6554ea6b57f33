"""The words the stance reader works with: the codebook's word lists for a sentence (negators, contrast
words, speech verbs, ...; see `_lists`), and the small closed classes of English it needs to read a clause
(determiners, prepositions, auxiliaries, title words), with the helpers that look words up around a place."""
from __future__ import annotations

import functools
import operator
import re
from typing import NamedTuple

from peacetalks.extract.codebook import Codebook
from peacetalks.extract.words import automaton, folded_pattern

_WORD = re.compile(r"[\w'’.-]+")


_DETERMINERS = {"the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "some"}


_PREPOSITIONS = {
    "of", "to", "in", "from", "with", "against", "on", "at", "for", "over", "into", "toward", "towards",
    "about", "between", "among", "by", "under", "through", "across", "near", "inside", "outside", "within",
    "without", "around", "behind", "beyond", "via", "like", "than", "including",
    # verbs whose actor after them is their object, not a subject ("rebels fighting Assad")
    "meet", "met", "invited", "inviting", "urged", "urging", "called", "accused", "accusing", "blamed", "blaming",
    "fighting", "dismissing", "backing", "supporting", "opposing", "attacking", "targeting", "bombing",
    "condemning", "criticising", "criticizing", "rejecting", "excluding", "isolating", "pressing", "pressuring",
    "arming", "funding", "topple", "toppling", "oust", "ousting", "overthrow", "overthrowing", "remove", "removing",
}


_AUXILIARIES = {
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "can", "may", "might",
    "should", "must", "did", "does", "do", "continues", "continued", "remains", "remained", "also", "still",
    "broke", "sent", "met", "held", "said", "told", "took", "led", "began", "gave", "made", "brought", "kept",
    "sought", "won", "set", "put", "spoke", "says", "wants", "hopes", "calls", "urges", "backs", "supports",
    "rejects", "agreed", "vetoed", "declared", "welcomed", "boycotted", "abandoned", "approved",
}


_RELATIONS = {"ally", "allies", "backer", "backers", "patron", "patrons", "partner", "partners", "supporter", "supporters"}


_TITLE_BREAK = re.compile(r"[,;:()\"“”]")  # between two names of one actor, it ends the title


_LIST_BREAK = re.compile(r"[;:()\"“”|]|\s[-–—]\s")  # between two names, it ends the list


_SPEAKER_BREAK = re.compile(r"[,;\"“”]")  # between a name and a speech verb, it is not the speaker


_INTRODUCES = re.compile(r"\s*(?:that\s*)?[:,]?\s*")  # what may follow a speech verb before a quotation


_THAT = re.compile(r"\bthat\b")


class _Lists(NamedTuple):
    """The word lists a sentence is read with (see `_WordLists`)."""

    contrast: re.Pattern[str]
    speech_verbs: re.Pattern[str]
    negators: re.Pattern[str]
    softeners: re.Pattern[str]
    earlier: re.Pattern[str]
    reservations: re.Pattern[str]
    flexibility: re.Pattern[str]
    syria: re.Pattern[str]
    other_conflicts: re.Pattern[str]
    foreign_qualifiers: re.Pattern[str]


_NOWHERE = re.compile(r"\A(?!)")  # matches nowhere, and gives up at once wherever a search starts


class _WordLists:
    """The codebook's word lists (`Codebook.word_pattern`, folded), and which of them a sentence may have a phrase of.

    A phrase of a list matches only where its first word stands as written (folded): the pattern is
    the phrase with each space a run of white space (see `Codebook.word_pattern`). So in a sentence
    whose folded text has the first word of no phrase of a list, no stretch has a match of the list,
    and the sentence is read with `_NOWHERE` in its place. The first words of all the lists are found
    in one pass of an Aho-Corasick automaton, which costs about one search of a list and rules out
    the contrast words, softeners and flexibility in most sentences and the speech verbs in half.
    """

    def __init__(self, codebook: Codebook):
        self.patterns = _Lists(*(codebook.word_pattern(name, folded=True) for name in _Lists._fields))
        heads: dict[str, int] = {}  # each first word, with the bits of the lists (bit i: field i) it opens a phrase of
        self.always = 0  # the bits of the lists with no phrase, whose pattern matches the empty string
        for bit, name in enumerate(_Lists._fields):
            if not codebook.words[name]:
                self.always |= 1 << bit
            for phrase in codebook.words[name]:
                head = phrase.split()[0].lower()
                heads[head] = heads.get(head, 0) | 1 << bit
        self._automaton = automaton(heads) if heads else None
        self._by_bits: dict[int, _Lists] = {}
        self._last: tuple[str, _Lists] | None = None

    def of_sentence(self, folded: str) -> _Lists:
        """The lists to read the folded sentence `folded` with: a list it has no first word of is
        `_NOWHERE`. (The last sentence's answer is kept: its clauses and cues ask again.)"""
        last = self._last  # read once: another thread may replace it meanwhile
        if last is not None and last[0] is folded:
            return last[1]
        bits = self.always
        if self._automaton is not None:  # the or of the bits of each first word found, in C
            bits = functools.reduce(operator.or_, map(_FOUND, self._automaton.iter(folded)), bits)
        lists = self._by_bits.get(bits)
        if lists is None:
            lists = self._by_bits[bits] = _Lists(*(pattern if bits >> bit & 1 else _NOWHERE
                                                   for bit, pattern in enumerate(self.patterns)))
        self._last = (folded, lists)
        return lists


_FOUND = operator.itemgetter(1)  # of an automaton's (end, value) item, the value


def _lists(codebook: Codebook, folded: str) -> _Lists:
    """The word lists of `codebook` to read the folded sentence `folded` with (see `_WordLists`)."""
    return codebook.derived(_WordLists).of_sentence(folded)


_GROUP_STOPS = _AUXILIARIES | (_PREPOSITIONS - {"including"}) | {"that", "which", "who"}  # between two names, they part them


_TITLE_STOPS = _GROUP_STOPS | {"and"}  # between two names of one actor, they part them


_TITLE_WORDS = {"foreign", "minister", "ministry", "deputy", "president", "prime", "envoy", "special", "spokesman",
                "spokeswoman", "spokesperson", "ambassador", "chief", "secretary", "general", "state", "defence", "defense",
                "official", "officials", "leader", "head", "senior", "top", "representative", "mediator", "negotiator",
                "lead", "deputy", "presidential", "adviser", "advisor", "aide", "army", "military", "delegate", "mr",
                "mr.", "ms", "ms.", "dr", "dr.", "al", "bin", "de", "van", "von"}


def _title_word(word: str) -> bool:
    """A word that may stand in a title or name between two names of one actor ("Russian Foreign Minister
    Sergei Lavrov"): capitalised, or a title's own word; a verb in lower case ("heads", "told") ends it."""
    return word[:1].isupper() or word.lower().strip("'’.") in _TITLE_WORDS or word[:1].isdigit()


NOBODY = ""  # the actor of a mention that speaks for no actor of the codebook (see `actor_mentions`)


def _is_past_verb(word: str) -> bool:
    """A lower-case word in -ed, not a hyphen's second half ("dismissed", "rejected"; not "-backed")."""
    return len(word) > 4 and word.endswith("ed") and word.islower() and not word.startswith("-")


def _preceding_word(text: str, pos: int, floor: int) -> str:
    """The word before `pos` (after `floor`), skipping determiners."""
    words = _WORD.findall(text, floor, pos)
    while words and words[-1].lower() in _DETERMINERS:
        words.pop()
    return words[-1].lower() if words else ""


_OPPOSITION = "syrian_opposition"


_QUANTIFIERS = {"several", "many", "some", "few", "other", "both", "all", "most", "member", "two", "three", "four", "five",
                "these", "those", "such", "various", "numerous", "media", "press", "news", "earlier", "recent"}


_PARTITIVE = {"members", "member", "officials", "official", "leaders", "leader", "head", "heads", "representatives",
              "representative", "delegates", "delegate", "spokesman", "spokeswoman", "some", "many", "most", "several"}


_TIME_WORDS = {"on", "last", "this", "next", "week", "month", "year", "today", "yesterday", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday", "also", "still", "now"}


_PARTICIPLE = folded_pattern(r"\w+ed\b")


def _back_words(text: str, pos: int, n: int) -> int:
    """The offset `n` words (runs of non-space) before `pos`; 0 when there are fewer."""
    words = text[:pos].rsplit(None, n)  # the last n words, after the rest (if any) unsplit
    if len(words) < n:
        return 0
    start = pos
    for word in reversed(words[-n:]):
        start = text.rfind(word, 0, start)  # the word itself: only spaces follow it before `start`
    return start
