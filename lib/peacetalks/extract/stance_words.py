"""The words the stance reader works with: the codebook's word lists for a sentence (negators, contrast
words, speech verbs, ...; see `_lists`), and the small closed classes of English it needs to read a clause
(determiners, prepositions, auxiliaries, title words), with the helpers that look words up around a place."""
from __future__ import annotations

import re
from typing import NamedTuple

from peacetalks.extract.codebook import Codebook
from peacetalks.extract.words import folded_pattern

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
    """The word lists a sentence is read with (codebook.yaml's negators, speech verbs, ...)."""

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


def _word_lists(codebook: Codebook) -> _Lists:
    """The codebook's word lists as folded patterns (`Codebook.word_pattern`)."""
    return _Lists(*(codebook.word_pattern(name, folded=True) for name in _Lists._fields))


def _lists(codebook: Codebook, folded: str) -> _Lists:
    """The word lists of `codebook` to read the folded sentence `folded` with."""
    return codebook.derived(_word_lists)


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


# the head noun of a noun phrase an actor's name qualifies ("the main opposition coalition", "the government delegation")
_HEAD_NOUNS = {"coalition", "bloc", "alliance", "delegation", "delegations", "delegates", "negotiators", "officials",
               "forces", "troops", "army", "leaders", "leadership", "groups", "factions", "fighters", "representatives",
               "side", "camp", "council", "committee", "ministry", "spokesman", "spokeswoman", "figures", "members"}


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
