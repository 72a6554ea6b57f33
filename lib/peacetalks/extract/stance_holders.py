"""Who holds a stance: the actors a sentence names (lists, titles, "Syria" acting, dated speakers), the
clauses it falls into, and each clause's subject - the actor at its start or before its verb, the
antecedent of a relative clause, the agents of a passive, the members named after "including", the
actors of a leading "Besides ..., ... also", or the subject a pronoun takes from the sentence before."""
from __future__ import annotations

import datetime as dt
import functools
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Callable

from peacetalks.extract.codebook import Codebook, Mention
from peacetalks.extract.words import fold, folded_pattern
from peacetalks.parse.page import DATELINE
from peacetalks.extract.stance_words import (
    _AUXILIARIES, _back_words, _DETERMINERS, _GROUP_STOPS, _is_past_verb, _LIST_BREAK, _lists, NOBODY,
    _PARTICIPLE, _PARTITIVE, _PERSON_SAID, _PLURAL_START, _preceding_word, _PRONOUN_START, _PREPOSITIONS, _RELATIONS,
    _TITLE_BREAK, _TITLE_STOPS, _title_word, _TITLE_WORDS, _WORD,
)


# a contrast word and a participle with no subject of its own ("while refusing to ...", "but insisting that ...");
# a preposition in -ing ("including", "following") is not a verb
_PARTICIPIAL_START = re.compile(
    r"^\W*(?:but|while|whereas|yet)?\s*(?:(?:also|still|now|all\s+the\s+while)\s+)?(?!(?:including|according|during|"
    r"concerning|regarding|following|pending|notwithstanding|nothing|something|anything|everything)\b)[a-z]{3,}ing"
    r"\s+(?:to|that|the|a|an|any|all|its|his|her|their|on|for|with|in|from|out|off|up|back)\b")


# a finite verb of the clause itself after the participle: no comma, relative or subordinator opens another before it
_FINITE = re.compile(r"^(?:(?!\b(?:that|which|who|whom|when|because|if|where)\b)[^,;])*?"
                     r"\b(?:is|are|was|were|has|have|had)\b", re.IGNORECASE)




# matched against the folded sentence (see `words.folded_pattern`); every match has "by", "between" or "of"
# ("talks under the auspices of Russia and Turkey")
_BY_AGENTS = folded_pattern(
    r"\b(?:\w+ed|held|put in place|set up|led|drawn up)\s+(?:(?:jointly|mainly|largely|chiefly)\s+)?by\b"
    r"|(?<=\bunder )the\s+(?:auspices|sponsorship|guarantorship|mediation|patronage|aegis|chairmanship)\s+of\b"
    r"|\b(?:deal|agreement|accord|agreed|brokered|signed|reached|struck)\b(?:\s+\S+){0,4}?\s+between\b",
)


_LEADING_SUBORDINATE = re.compile(
    r"^\W*(?:After|Before|Despite|While|Although|Though|Since|Following|Having|In|At|On|During|Instead|"
    r"Unlike|Like|Whereas|Even|As|According\s+to|If|Unless|When|Once|Because)\b[^,;]{3,200}?,\s*",
)


@dataclass
class Clause:
    """A stretch of a sentence read on its own: `start`/`end` are offsets in the sentence text."""

    start: int
    end: int
    inherits_next: bool = False


@dataclass
class Group:
    """Adjacent mentions read as one noun phrase ("Russia and Iran", "Russian Foreign Minister Sergei Lavrov")."""

    mentions: list[Mention] = field(default_factory=list)
    # named before the quotation it speaks ('"...," he said'), not in its attribution: it holds only what
    # the quotation says of nobody else (see `_read_cue`)
    recalled: bool = False

    @property
    def start(self) -> int:
        return self.mentions[0].start

    @property
    def end(self) -> int:
        return self.mentions[-1].end

    @property
    def actors(self) -> list[str]:
        seen: list[str] = []
        for m in self.mentions:
            if m.actor not in seen:
                seen.append(m.actor)
        return seen

    def speaker(self, actor: str) -> str | None:
        return next((m.speaker for m in self.mentions if m.actor == actor and m.speaker), None)


def carried_subject(text: str, codebook: Codebook, previous: Group | None,
                    published: dt.date | Introduced | None = None) -> Group | None:
    """The subject a sentence hands on to the next one: its first clause subject, else the one it took."""
    mentions = actor_mentions(text, codebook, on=published)
    if not mentions:
        return previous
    clauses = split_clauses(text, fold(text), codebook)
    _groups, subjects, _inherited = _analyse(text, mentions, lambda across=False: previous, clauses)
    return next((s for s in subjects if s is not None), previous)


def split_clauses(text: str, folded: str, codebook: Codebook) -> list[Clause]:
    """Clauses of a sentence (`folded`: `fold(text)`): cut at contrast words and semicolons, and after
    a leading subordinate phrase."""
    cuts = [0]
    lead = _LEADING_SUBORDINATE.match(text)
    lead_end = lead.end() if lead else 0
    if lead:
        cuts.append(lead_end)
    for match in _lists(codebook, folded).contrast.finditer(folded):
        if match.start() > lead_end + 3 and not (folded.endswith(", ", 0, match.start())
                                                and folded.startswith(",", match.end())):
            cuts.append(match.start())
        # (a contrast word between commas is parenthetical: "The regime, however, rejected the truce" is one clause)
    if " as " in text:
        # "Russia backed the truce as Turkey called for new talks": a clause of its own, with its own subject
        cuts.extend(m.start() for m in _AS_CLAUSE.finditer(text) if m.start() > lead_end + 3)
    pos = text.find(";")
    while pos != -1:
        cuts.append(pos + 1)
        pos = text.find(";", pos + 1)
    if "…" in text or "..." in text:  # an ellipsis before a capital ends what was said before it
        cuts.extend(m.end() for m in _ELLIPSIS.finditer(text))
    if len(cuts) == 1:  # (most sentences) one clause
        return [Clause(0, len(text))] if text and not text.isspace() else []
    cuts = sorted({c for c in cuts if c < len(text)})
    ends = cuts[1:] + [len(text)]
    return [Clause(start, end, inherits_next=bool(lead) and start == 0)
            for start, end in zip(cuts, ends) if text[start:end].strip()]


# "but" (or "yet") and straight after it a finite verb, with no subject of its own
_BUT_VERB = re.compile(r"\W*(?:but|yet)\s+(?:(?:also|still|then|now|later)\s+)?(?:[a-z]{3,}ed|said|says|told|sent|sought|"
                       r"made|gave|took|went|kept|held|saw|left|would|will|could|did|does|had|has|was|were)\b")


# "as" opening a finite clause with a subject of its own: "the", a capitalised word, then up to four words that are
# not prepositions, a finite verb and at least two more words ("as the rebels have long demanded" stays whole, so
# does "as did Riyadh", "such as", "as well as", "as part of a deal reached ...")
_AS_CLAUSE = re.compile(
    r"(?<!such )(?<!well )(?<!soon )(?<!long )(?<!much )(?<!far )(?<!same )(?<!just )(?<![Aa]nd )\bas\s+"
    r"(?=(?:the\s+[\w'’.-]+|[A-Z][\w'’.-]*)(?:\s+(?!(?:to|for|in|on|at|with|from|by|toward|towards|over|into|a|an|"
    r"part|if|though|well|soon|long|much)\b)[\w'’.-]+){0,4}?"
    r"\s+(?:(?:has|have|had|is|was|were|are|will|would|could|did|does|do)\s+(?:[a-z]+\s+){0,2}?[a-z]+|[a-z]{3,}ed)"
    r"\s+[\w'’-]+\s+[\w'’-]+)")


# what follows the owner in an apposition ("Russia, Assad's main ally, ..."): the relation it names
_APPOSITIVE_OWNER = re.compile(r"\s+(?:[\w-]+\s+){0,2}(?:ally|allies|backer|backers|patron|patrons|partner|partners|"
                               r"supporter|supporters|sponsor|sponsors|friend|friends|protector|neighbour|neighbor|"
                               r"rival|rivals|foe|foes|enemy|enemies|arch-foe|arch-rival)\b", re.IGNORECASE)


# the gap before the last member of a list named by a title and its actor: "and the special envoy of (the)"
_TITLED_MEMBER = re.compile(r",?\s*and\s+the\s+(?:[\w.-]+\s+){1,5}of\s+(?:the\s+)?")


_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*(?=[\"“]?[A-Z])")


def group_mentions(text: str, mentions: list[Mention], cuts: tuple[int, ...] = ()) -> list[Group]:
    """Join mentions into noun phrases: same-actor titles ("Russian Foreign Minister Sergei Lavrov") and lists ("Russia, Iran and Turkey").

    A group never spans a clause cut (`cuts`, offsets where clauses begin).
    """
    groups: list[Group] = []
    for m in mentions:
        if groups and text.startswith(",", groups[-1].end) and _APPOSITIVE_OWNER.match(text, m.end) \
                and text.endswith(("'s", "’s"), m.start, m.end) and not text[groups[-1].end + 1:m.start].strip(" ,"):
            continue  # "Russia, Assad's main ally, ...": the owner qualifies the apposition; it is no member of a list
        if groups and not any(groups[-1].end <= c <= m.start for c in cuts):
            last = groups[-1]
            gap = text[last.end:m.start]
            words = _WORD.findall(gap)
            lowered = {w.lower() for w in words}
            if m.actor == last.mentions[-1].actor and len(words) <= 6 and not lowered & _TITLE_STOPS - {"of"} \
                    and not _TITLE_BREAK.search(gap) and all(_title_word(w) or w == "of" for w in words) \
                    and words[:1] != ["of"] and words[-1:] != ["of"]:
                last.mentions.append(m)
                continue
            same_actor = m.actor == last.mentions[-1].actor
            if not same_actor and _TITLED_MEMBER.fullmatch(gap) and len(words) <= 8 \
                    and all(_title_word(w) or w.lower() in _DETERMINERS | {"of", "and"} for w in words):
                last.mentions.append(m)  # "Kerry and the special envoy of the United Nations": one more in the list
                continue
            if _LIST_BREAK.search(gap) is None and not lowered & _GROUP_STOPS and (
                    ("," in gap and lowered <= _DETERMINERS | {"and", "as", "well"})
                    or ("," not in gap and len(words) <= 3
                        # two actors are one list, not subject and object of a verb in the past:
                        # "Russia Iran and Turkey", "Saudi-backed rebels"; not "Russia dismissed the opposition"
                        and (not any(_is_past_verb(w) for w in words) if not same_actor
                             else all(_title_word(w) or w.lower() in _DETERMINERS | {"and", "or"} for w in words)))):
                if (gap.startswith("-") or words and words[0].lower() in _RELATIONS) and not same_actor:
                    # "the regime's allies Russia and Iran", "Saudi-backed rebels": the first only qualifies the next
                    last.mentions.pop()
                    if not last.mentions:
                        groups.pop()
                        groups.append(Group([m]))
                        continue
                last.mentions.append(m)
                continue
        groups.append(Group([m]))
    return groups


def actor_mentions(text: str, codebook: Codebook, folded: str | None = None, *,
                   on: dt.date | Introduced | None = None) -> list[Mention]:
    """The actor mentions of a sentence (`folded`: `fold(text)`, when known), less
    - the place of a dateline that opens it: in "MOSCOW (Sputnik) — Assad rejected the truce", Moscow
      is where the story was filed, not a speaker;
    - a speaker out of office on the date `on` (the publication date; None, unknown, binds no dated
      speaker: see `Codebook.in_office`; a set, for an article of unknown date, binds the dated speakers
      it names: see `introduced_speakers`);
    - a name qualified by another country's ("Lebanese Prime Minister Saad Hariri", "Yemen's Houthi
      rebels", "the Egyptian government"): the codebook's actors are the Syrian war's."""
    folded = fold(text) if folded is None else folded
    mentions = codebook.mentions(text, folded)
    if "Syria " in text:
        mentions = _country_as_government(text, mentions)
    if not mentions:
        return mentions
    if text.lstrip()[:2].isupper():  # (a dateline opens in capitals)
        dateline = DATELINE.match(text)
        if dateline:
            mentions = [m for m in mentions if m.start >= dateline.end()]
    foreign = _lists(codebook, folded).foreign_qualifiers
    # such a mention still names somebody, who may be the subject or the speaker of the sentence: it is
    # kept, for nobody (actor ""), so that the stance is not handed to another actor named nearby
    if isinstance(on, Introduced):
        return [m if (codebook.in_office(m, None) or m.speaker in on.speakers) and not _foreign(text, folded, m, foreign)
                else m._replace(actor=NOBODY) for m in mentions]
    return [m if codebook.in_office(m, on) and not _foreign(text, folded, m, foreign) else m._replace(actor=NOBODY)
            for m in mentions]


# "Syria" as the subject of a verb of its own ("Syria will send a delegation", "Syria has rejected the
# plan"): the state acting, which is its government. Elsewhere ("peace in Syria", "Syria has been at
# war") the word names the country, which holds nothing.
_SYRIA_ACTS = re.compile(
    r"(?<![\w'’-])Syria(?=\s+(?:(?:has|had|will|would|could|can|cannot|should|must|may|might|does|did|is|was)"
    r"(?:\s+(?:not|also|still|now|already|n't))?\s+(?!been\b|a\b|an\b|the\b|in\b|at\b|under\b|home\b)[a-z]+"
    r"|(?:said|says|told|insisted|agreed|accepted|rejected|refused|declined|welcomed|announced|wants|wanted|"
    r"sent|sends|backed|backs|supported|supports|boycotted|approved|demanded|hopes|hoped|plans|planned)\b))")


_SYRIA_GOVERNMENT = "syrian_government"


# what may stand right before a subject: a clause's start, after punctuation, a conjunction or a speech verb
_CLAUSE_OPENER = re.compile(r"(?:[,;:\"“(—–]|\b(?:and|but|that|while|as|because|since|when|after|said|says|told|added))\s*\Z",
                            re.IGNORECASE)


def _country_as_government(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with "Syria" as the subject of a verb (see `_SYRIA_ACTS`) added, for the government; not
    after a preposition or a determiner ("talks on Syria will resume", "a united Syria")."""
    added = []
    for match in _SYRIA_ACTS.finditer(text):
        before = _WORD.findall(text, max(0, match.start() - 30), match.start())
        if before and not _CLAUSE_OPENER.search(text, max(0, match.start() - 30), match.start()) \
                or any(m.start <= match.start() < m.end for m in mentions):
            continue
        added.append(Mention(_SYRIA_GOVERNMENT, match.start(), match.end(), None))
    if not added:
        return mentions
    return sorted(mentions + added, key=operator.attrgetter("start"))


# a person named by surname alone as the speaker of a sentence ("Amiri said", "Orlov told", "..., said Orlov")
SURNAME_SPEAKS = re.compile(
    r"(?<![\w'’.-])((?:al-|el-)?[A-Z][a-z][\w'’-]+)\s+(?:also\s+|later\s+|then\s+|again\s+)?(?:said|says|told|tells|added|"
    r"stressed|insisted|warned|noted|argued|explained|announced|declared|urged|hoped|wrote)\b"
    r"|\b(?:said|says|added)\s+((?:al-|el-)?[A-Z][a-z][\w'’-]+)(?!\s*[\w'’-]*[A-Z])")


def introduced_as(body: str, pos: int, name: str, codebook: Codebook, on: dt.date | Introduced | None) -> str | None:
    """The actor a person named by surname alone (`name`, at `pos`) speaks for, from where the article named
    them before with a title of that actor: "Saudi Foreign Minister Prince Khalid al-Amiri ... Amiri said" (Saudi
    Arabia), "Russian mediator Pavel Orlov ... Orlov told" (Russia); or a name of the codebook of which the
    surname is the last word. None when the article did not introduce them so."""
    bare = name[3:] if name[:3].lower() in ("al-", "el-") else name
    pattern = re.compile(r"(?<![\w'’-])(?:[Aa]l-|[Ee]l-)?" + re.escape(bare) + r"(?![\w'’-])")
    for occurrence in pattern.finditer(body, 0, pos):
        lo = max(0, occurrence.start() - 120)
        window = body[lo:occurrence.end()]
        offset = occurrence.start() - lo
        mentions = actor_mentions(window, codebook, on=on)
        covering = next((m for m in mentions if m.start <= offset < m.end), None)
        if covering is not None:
            if covering.actor != NOBODY and covering.end == len(window):
                return covering.actor  # the surname ends a name of the codebook ("Khalid al-Amiri", were it one)
            continue
        before = [m for m in mentions if m.end <= offset]
        if not before or before[-1].actor == NOBODY:
            continue
        gap = window[before[-1].end:offset]
        words = _WORD.findall(gap)
        if words[:1] in (["'s"], ["’s"]):
            words = words[1:]
        if 1 <= len(words) <= 7 and not _TITLE_BREAK.search(gap) and all(_title_word(w) for w in words) \
                and any(w.lower() in _TITLE_WORDS for w in words):
            return before[-1].actor
    return None


_FORMER = re.compile(r"\b(?:former|ex|then|late|outgoing|erstwhile)\b", re.IGNORECASE)


class Introduced:
    """The dated speakers an article of unknown date binds (see `introduced_speakers`), worked out the
    first time a sentence names a dated speaker (most articles never do)."""

    def __init__(self, body: str, codebook: Codebook) -> None:
        self.body, self.codebook = body, codebook

    @functools.cached_property
    def speakers(self) -> frozenset[str]:
        return introduced_speakers(self.body, self.codebook)


def introduced_speakers(body: str, codebook: Codebook) -> frozenset[str]:
    """The dated speakers an article of unknown date binds: those it names with a name of their own actor
    in their title ("Russian government spokeswoman Anna Petrova", "UN special envoy Maria Lopez"), not as a
    former holder ("former U.S. Secretary of State John Kerry"). The text says whom they speak for."""
    mentions = codebook.mentions(body, fold(body))
    bound = set()
    for before, m in zip(mentions, mentions[1:]):
        if m.speaker is None or before.speaker is not None or before.actor != m.actor or codebook.in_office(m, None):
            continue
        gap = body[before.end:m.start]
        words = _WORD.findall(gap)
        lo = _back_words(body, before.start, 2)
        if len(words) <= 6 and not _TITLE_BREAK.search(gap) and not _FORMER.search(body, lo, m.start) \
                and all(_title_word(w) or w == "of" for w in words):
            bound.add(m.speaker)
        elif _APPOSED_TITLE_BEFORE.fullmatch(gap) and not _FORMER.search(body, lo, m.start) \
                and _titled(body[before.start:before.end + gap.index(",")]):
            bound.add(m.speaker)  # "Syria's foreign minister, Walid al-Moualem", "the US secretary of state, John Kerry"
    for m, after in zip(mentions, mentions[1:]):
        if m.speaker is None or after.speaker is not None or after.actor != m.actor or codebook.in_office(m, None):
            continue
        office = _APPOSED_OFFICE_OF.match(body, m.end)
        if office is not None and len(_WORD.findall(body, office.end(), after.start)) <= 1 \
                and _APPOSED_TITLE_REST.match(body, after.end) is not None and not _FORMER.search(office.group(0)):
            bound.add(m.speaker)  # "Jane Roe, the head of the opposition council, said"
            continue
        title = _APPOSED_TITLE_AFTER.match(body, m.end)
        if title is not None and title.end("owner") == after.start:
            rest = _APPOSED_TITLE_REST.match(body, after.end)
            if rest is not None and _titled(body[after.start:rest.end()]) and not _FORMER.search(rest.group(0)):
                bound.add(m.speaker)  # "Sergei Lavrov, Russia's foreign minister, said"
    return frozenset(bound)


# an apposed title before the name: "'s foreign minister, Walid al-" (the title, a comma, given names and particles)
_APPOSED_TITLE_BEFORE = re.compile(r"(?:'s|’s)?(?:\s+[\w.]+){0,5},\s+(?:[A-Z][\w'’.-]*\s+|(?:al|bin|ibn|el|de)-?\s*){0,3}")
# an apposed title after the name: ", Russia's foreign minister" / ", the US secretary of state"
_APPOSED_TITLE_AFTER = re.compile(r",\s+(?:the\s+)?(?P<owner>)")
# an apposed office of a body after the name: ", the head of the ", ", a spokesman for the " (the body follows)
_APPOSED_OFFICE_OF = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?(?:head|leader|chief|chairman|chairwoman|president|spokesman|"
    r"spokeswoman|spokesperson|envoy|representative|negotiator|coordinator|secretary|minister|ambassador)\s+(?:of|for|to)\s+"
    r"(?:the\s+)?")
_APPOSED_TITLE_REST = re.compile(r"(?:'s|’s)?(?:\s+[\w.]+){0,5}?(?=\s*[,.;]|\s+(?:said|says|told|who|has|had|was|is)\b)")


def _titled(words_text: str) -> bool:
    """Whether a run of words is a title ("Syria's foreign minister", "the US secretary of state"): all title
    words or names (or "of"), one of them an office's own word."""
    words = [w for w in _WORD.findall(words_text.replace("'s", " ").replace("’s", " ")) if w.lower() != "the"]
    return bool(words) and all(_title_word(w) or w == "of" for w in words) \
        and any(w.lower() in _TITLE_WORDS for w in words)


_PHRASE_BREAK = re.compile(r"[,;:()\"“”.!?]|\b(?:and|or|with|to|for|by|that|who|which|said|says)\b")


def _foreign(text: str, folded: str, mention: Mention, foreign: re.Pattern[str]) -> bool:
    """Whether another country's name qualifies the mention within its noun phrase: up to four
    words before it, with no punctuation, conjunction or verb between ("Yemen's Houthi rebels")."""
    lo = _back_words(text, mention.start, 4)
    breaks = list(_PHRASE_BREAK.finditer(folded, lo, mention.start))
    if breaks:
        lo = breaks[-1].end()
    return bool(foreign.search(folded, lo, mention.end))


def _is_object(text: str, group: Group, floor: int) -> bool:
    """True when a group follows a preposition or a verb that takes it as object ("talks with Lavrov").

    "with X observing the truce" is the exception: X is the agent of the -ing verb.
    """
    word = _preceding_word(text, group.start, floor)
    if word in ("of", "for") and _preceding_word(text, text.rfind(word, floor, group.start), floor) in _PARTITIVE:
        return False  # "some members of the opposition delegation walked out", "a spokesman for the committee said"
    if word == "with":
        following = [w.lower() for w in _WORD.findall(text[group.end:group.end + 60])[:3]]
        return not any(len(w) > 5 and w.endswith("ing") for w in following)
    return word in _PREPOSITIONS


def _followed_by_verb(text: str, group: Group) -> bool:
    """True when a verb follows the group, perhaps after two nouns ("Russian allies abandoned", "US officials said")."""
    words = [w.lower() for w in _WORD.findall(text[group.end:group.end + 80])[:7]]
    nouns = 0
    place = False  # one short phrase of place may stand before the verb ("the rebel delegates at the meeting walked out")
    i = 0
    while i < len(words):
        word = words[i]
        if word in _AUXILIARIES or (len(word) > 4 and word.endswith("ed")) or (len(word) > 5 and word.endswith("ing")):
            return True
        if word in {"in", "at"} and not place and i + 1 < len(words):
            place = True
            determined = words[i + 1] in _DETERMINERS
            i += 2 if determined else 1
            # the phrase's noun (one word): it may not be a verb, unless a determiner says it is a noun ("at the meeting")
            if i < len(words) and (determined or not (words[i] in _AUXILIARIES or words[i].endswith(("ed", "ing")))):
                i += 1
                continue
            return False
        if word in _PREPOSITIONS or word in _DETERMINERS or word in {"and", "or", "that", "which", "who"}:
            return False
        nouns += 1
        if nouns > 2:
            return False
        i += 1
    return False


def subject_of(text: str, groups: list[Group], lo: int, hi: int) -> Group | None:
    """The subject of the stretch [lo, hi): a group at its start, else the last one shortly before `hi` that a verb follows.

    The groups after the first that could be a subject are looked at only when that one is not at the start.
    """
    members = _MEMBERS_OF_SUBJECT.match(text, lo)
    if members is not None:  # "Several countries, including Russia and Iran, backed ...": the members named
        named = next((g for g in groups if g.start >= members.end()), None)
        if named is not None and named.start == members.end() and named.end <= hi \
                and re.match(r",|\s+(?:have|has|had|were|are|will|would|also|did|do|does|could|can|should|must)\b",
                             text[named.end:]):
            return named
    officials = _OFFICIALS_OF_SUBJECT.match(text, lo)
    if officials is not None:  # "The foreign ministers of Iran, Russia and Turkey met ...": the states they serve
        # (the name may take the "the" the title's pattern read: "Officials from the regime")
        named = next((g for g in groups if g.end > officials.end()), None)
        if named is not None and named.end <= hi and (named.start == officials.end() or (
                named.start < officials.end() and text[named.start:officials.end()].strip().lower() == "the")):
            return named
    titled = _TITLED_PERSON_SUBJECT.match(text, lo)
    if titled is not None:  # "Jane Roe, the head of the opposition council, urged ...": the body the person heads
        # (the name may take the "the" the title's pattern read: "the head of the opposition coalition")
        named = next((g for g in groups if g.end > titled.end()), None)
        if named is not None and named.end <= hi and (
                len(_WORD.findall(text, titled.end(), named.start)) <= 1
                or text[named.start:titled.end()].strip().lower() == "the") \
                and _TITLE_CLOSE.match(text, named.end) and not any(named.end < g.start < hi for g in groups):
            return named  # (unless another actor stands before the cue: "..., said Russia backs the truce")
    candidates = (g for g in groups if lo <= g.start and g.end <= hi
                  and not text.startswith("-", g.end)  # "Saudi-backed rebels": a modifier, not a subject
                  and not (_POSSESSIVE.search(text, g.start, g.end) and len(_WORD.findall(text, g.end, hi)) <= 1
                           # "the opposition's delegation walked out": its body acts for it
                           and not _SPEAKS_FOR_OWNER.fullmatch(text, g.end, hi))
                  and not _is_object(text, g, lo))
    first = next(candidates, None)
    if first is None:
        return None
    if len(_WORD.findall(text, lo, first.start)) <= 4:
        # (unless a clause of its own, "and Turkey", stands right before the cue: "Russia urged the rebels to leave
        # and Turkey backed the plan")
        own = [g for g in groups if first.end < g.start and g.end <= hi and _AND_BEFORE.search(text, lo, g.start)
               and not _WORD.findall(text, g.end, hi)]
        if own:
            return own[-1]
        # round 8: the subject of a subordinate clause the cue stands in ("Ankara protested when Tehran rejected the
        # talks", "Washington cut aid after Moscow refused to back the truce"): that clause's subject holds it
        inner = [g for g in groups if first.end < g.start and g.end <= hi
                 and _SUBORDINATE_BEFORE.search(text, max(lo, g.start - 20), g.start)
                 and not _CLAUSE_BREAK.search(text, g.end, hi)]
        return inner[-1] if inner else first
    if not lo and text[:2].isupper():  # after a dateline ("GENEVA, May 2 (Agency) -"), the sentence starts anew
        dateline = DATELINE.match(text)
        if dateline and len(_WORD.findall(text, dateline.end(), first.start)) <= 4:
            return first
    # (further back when a verb coordinated with the subject's first stands between: "the rebel delegates at the
    # meeting turned down the agenda put forward for the week and insisted on ...")
    near = [g for g in itertools.chain((first,), candidates)
            if (len(_WORD.findall(text, g.end, hi)) <= 12 or len(_WORD.findall(text, g.end, hi)) <= 20
                and (_COORDINATED_VERB.search(text, g.end, hi)  # (or the cue opens with that verb: "and insisted on ...")
                     or _AND_BEFORE.search(text, g.end, hi) and _PAST_VERB_AT.match(text, hi)))
            and _followed_by_verb(text, g)]
    return near[-1] if near else None


# a subordinator right before a name: the name is the subject of the clause it opens
_SUBORDINATE_BEFORE = re.compile(r"\b(?:after|when|because|since|while|before|once|until|although|though|whereas)\s+"
                                 r"(?:the\s+)?\Z", re.IGNORECASE)


_CLAUSE_BREAK = re.compile(r"[,;:()\"“”]|\b(?:and|but|or|that|which|who)\b", re.IGNORECASE)


# a second verb in the past coordinated with the first, with no comma or other subject after it
_COORDINATED_VERB = re.compile(r"\band\s+(?:\w+ly\s+)?(?!\w+ed\s+(?:by|that)\b)[a-z]{3,}ed\s+(?:in|to|on|for|the|a|an|its|their)\b")


_AND_BEFORE = re.compile(r"\band\s+\Z")


_PAST_VERB_AT = re.compile(r"[a-z]{3,}ed\b")


# a clause-initial noun phrase with the members it names in apposition ("Several states, including ", "Major
# powers such as ", "Western countries, among them ")
_MEMBERS_OF_SUBJECT = re.compile(r"\W*(?:[\w'’-]+\s+){0,3}[\w'’-]+s,?\s+(?:including|such\s+as|among\s+them|notably)\s+(?:the\s+)?",
                                 re.IGNORECASE)


# a clause-initial title of office holders "of" the states they serve ("The foreign ministers of ", "Envoys of the ")
_OFFICIALS_OF_SUBJECT = re.compile(
    r"\W*(?:the\s+)?(?:[\w'’-]+\s+){0,2}(?:ministers?|leaders?|envoys?|presidents?|heads?|representatives?|delegations?"
    r"|officials?|diplomats?|delegates?|ambassadors?|negotiators?)\s+(?:of|from)\s+(?:the\s+)?", re.IGNORECASE)


# a clause-initial person's name with a title of a body in apposition ("Jane Roe, the head of ", "Maria Zakharova, a
# spokeswoman for the "): the body follows, and the apposition closes with a comma (see `_TITLE_CLOSE`)
_TITLED_PERSON_SUBJECT = re.compile(
    r"\W*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:head|leader|chief|chairman|chairwoman|president|spokesman|spokeswoman|spokesperson|member|envoy|representative"
    r"|negotiator|coordinator|secretary|minister|ambassador)s?\s+(?:of|for|to)\s+(?:the\s+)?")


# what may close that apposition after the body's name: a comma, or the body's own part first ("'s political committee,")
_TITLE_CLOSE = re.compile(r"(?:(?:'s|’s)?(?:\s+[\w-]+){0,3})?,")


# the one word after a possessive owner that names a body or a person acting for it ("the opposition's delegation")
_SPEAKS_FOR_OWNER = re.compile(r"\s+(?:delegation|delegates|negotiators|envoy|envoys|spokesman|spokeswoman|leader|"
                               r"leaders|leadership|government|ministry|minister|president|army|forces|representatives?|"
                               r"officials?|diplomats?|mission|embassy)\s+", re.IGNORECASE)


_POSSESSIVE = re.compile(r"(?:'s|’s|s')$")


_NOMINAL = re.compile(
    r"^(?:'s|’s|s)?\s+(?:\w+\s+)?(?:decision|plan|move|efforts?|call|offer|proposal|push|refusal|bid|attempt|"
    r"initiative|insistence|demand|support|backing|readiness|willingness|agreement|invitation)\b", re.IGNORECASE)


# a relative pronoun, then up to four words of its verb phrase before the cue ("... that called for the");
# "that" followed by a subject of its own ("said that the US backs") is a conjunction, not a relative
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|that(?!\s+(?:the|a|an|it|he|she|they|we|i|its|their|his|her|this|these|those|there)\b)"
    r"(?!\s+[A-Z]))\s+(?:[\w'’-]+\s+){0,4}$")


def agent_of_noun(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """The actor whose decision/plan/refusal the cue continues ("the opposition's decision to bring a delegation")."""
    for g in reversed([g for g in groups if lo <= g.start and g.end <= cue_start]):
        if len(_WORD.findall(text[g.end:cue_start])) <= 4 and _NOMINAL.match(text[g.end:cue_start]):
            return g
    return None


def antecedent(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """For a cue opening a relative clause ("... factions who want him out"), the group the pronoun refers to."""
    rel = _RELATIVE_BEFORE.search(text, lo, cue_start)
    if rel is None or any(rel.end(0) > g.start >= rel.start() for g in groups):
        return None  # (an actor inside the relative clause is its subject, not the antecedent)
    before = [g for g in groups if lo <= g.start and g.end <= rel.start() and len(_WORD.findall(text[g.end:rel.start()])) <= 1]
    return before[-1] if before else None


# a document as the subject of a verb of saying: "The statement said", "A joint communique, read by ..., stated that"
_DOCUMENT_SAID = re.compile(r"\W*(?:the|a|an|their|its)\s+(?:[\w-]+\s+){0,3}?(?:statement|communiqu[eé]|declaration|"
                            r"document|text)\b(?:,[^,;]{0,80},)?\s+(?:said|says|stated|states|added|noted|declared|read)"
                            r"\s+(?:that\s+)?", re.IGNORECASE)
_THEY = re.compile(r"they\b", re.IGNORECASE)


def _analyse(text: str, mentions: list[Mention], previous: Callable[[], Group | None], clauses: list[Clause]
             ) -> tuple[list[Group], list[Group | None], list[Group | None]]:
    """Noun groups, each clause's subject (its own, or the one it takes from a neighbour: "..., but it
    sent a delegation", "After initially dismissing ..., Moscow has ...") and the subject each
    clause's cues are read with."""
    groups = group_mentions(text, mentions, tuple(c.start for c in clauses))
    subjects: list[Group | None] = []
    inherited: list[Group | None] = []
    for clause in clauses:
        subject = subject_of(text, groups, clause.start, clause.end)
        taken = None
        head = text[clause.start:clause.end].lstrip(" ,;:-—").removeprefix("but ")
        if subject is None and _PRONOUN_START.match(head):
            # (a paragraph that opens "He said", "The envoy told": the subject of the paragraph before, as news
            # paragraphs are often one sentence each)
            taken = subjects[-1] if subjects and subjects[-1] else previous() \
                or (not clause.start and _PERSON_SAID.match(head) and previous(across=True))
        elif subject is None and subjects and subjects[-1] and _PARTICIPIAL_START.match(head) \
                and not _FINITE.match(head):
            # "Iran praised the mediator while declining to ...": a participle's subject is the main clause's
            # (not when a finite verb follows in the clause: "X's actions, while representing ..., are designed to")
            taken = subjects[-1]
        elif subject is None and subjects and subjects[-1] and _BUT_VERB.match(text, clause.start, clause.end):
            # "The coalition welcomed the plan but wanted to see ...": a verb with no subject of its own after "but"
            # shares the subject of the clause before
            taken = subjects[-1]
        elif subject is None and _PLURAL_START.match(head):
            # "The three countries also agreed ...": the actors named together just before, if a list it was
            # (also at the end of the paragraph before: "Turkey and Iran held talks. || The two sides said ...")
            taken = subjects[-1] if subjects and subjects[-1] else previous(across=True)
            if taken is not None and len([a for a in taken.actors if a != NOBODY]) < 2:
                taken = None
        elif subject is None and (said := _DOCUMENT_SAID.match(head)) is not None \
                and (_PLURAL_START.match(head[said.end():]) or _THEY.match(head, said.end())):
            # "The statement said the three countries supported ...": a document speaks for those who issued it,
            # the actors named together just before (a list, as for "The three countries ..." above)
            taken = subjects[-1] if subjects and subjects[-1] else previous(across=True)
            if taken is not None and len([a for a in taken.actors if a != NOBODY]) < 2:
                taken = None
        subjects.append(subject or taken)
        inherited.append(taken)
    for i, clause in enumerate(clauses):
        if clause.inherits_next and i + 1 < len(clauses) and subjects[i + 1] is not None:
            inherited[i] = subjects[i + 1]
    return groups, subjects, inherited


# a truce noun right before a participle that opens a cue: a reduced relative ("the truce brokered by ...")
# a leading phrase that adds its actors to what the clause says of others ("Apart from Russia and Iran, ten
# other states are also attending"); "also", "too" or "as well" in the clause says the reading is inclusive
_ADDITIVE = re.compile(r"\W*(?:apart from|aside from|besides|in addition to|along with|alongside|as well as|like)\s+",
                       re.IGNORECASE)


_ALSO = folded_pattern(r"\b(?:also|too|as well|likewise|similarly)\b")


def _added_holder(text: str, folded: str, groups: list[Group], lo: int, cue_start: int, hi: int) -> Group | None:
    """The actors of a leading additive phrase ("Besides Turkey, ...", "In addition to Russia and Iran, ...")
    when the clause [lo, hi) says the others do "also" what the cue says: they hold it too. The phrase opens
    the clause, or the sentence when the clause is what follows it."""
    lead = _ADDITIVE.match(text, lo) or (_ADDITIVE.match(text) if lo else None)
    if lead is None:
        return None
    first = next((g for g in groups if g.start >= lead.end()), None)
    if first is None or first.start != lead.end() and _WORD.findall(text, lead.end(), first.start) != ["the"]:
        return None
    comma = text.find(",", first.end, cue_start)
    if comma == -1 or text[first.end:comma].strip() or (lead.start() < lo and text[comma + 1:lo].strip()) \
            or not _ALSO.search(folded, comma, hi):
        return None
    return first


# a form of "be" right before a participle that opens a cue, with "by" after it: a passive, whose subject
# undergoes the act ("the conference was boycotted by the rebels")
_BE_BEFORE = folded_pattern(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?\Z")


_BY_AFTER = folded_pattern(r"\s+(?:\w+\s+){0,3}?by\b")


def _passive_cue(folded: str, lo: int, start: int, end: int) -> bool:
    """Whether the cue at [start, end) of the folded sentence is a verb in the passive with its agent after
    it ("was boycotted by", "were rejected outright by"): then the subject is not the holder."""
    return bool(_PARTICIPLE.match(folded, start) and _BE_BEFORE.search(folded, max(lo, start - 20), start)
                and _BY_AFTER.match(folded, end))


_CLAUSE_LINK = re.compile(r",|\b(?:and|but|that|which|who|while)\b", re.IGNORECASE)


def _passive_agents(folded: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first "... by" / "... between" / "under the auspices of" that introduces agents in the folded sentence's
    [lo, hi); looked for only when the stretch has "by", "between" or "of", one of which every match has."""
    if folded.find("by", lo, hi) == -1 and folded.find("between", lo, hi) == -1 and folded.find(" of ", lo, hi) == -1:
        return None
    return _BY_AGENTS.search(folded, lo, hi)
