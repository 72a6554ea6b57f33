"""One sentence to the stances it gives: the cues that match in each clause (less those inside a proper name), the
names and surnames that may hold them, each clause's subject, and what is reconciled across the sentence (a
passive on an issue's noun read in the active, "it" standing for the issue of the clause before, overlapping and
opposite readings). Each match is read by `stance_cue._read_cue`."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from peacetalks.extract.codebook import Codebook, Cue, Mention
from peacetalks.extract.words import fold
from peacetalks.extract.stance_cue import _read_cue
from peacetalks.extract.stance_holders import (
    actor_mentions, _analyse, Clause, Group, Introduced, split_clauses, subject_of, SURNAME_SPEAKS,
)
from peacetalks.extract.stance_polarity import (
    _CONDITIONAL, _flexibility, Holding, _joined_other, _longest_cues, _merge_mixed, _yield_weak,
)
from peacetalks.extract.stance_speech import speech_frames, _THIRD_PERSON
from peacetalks.extract.stance_words import (
    _AGENT_END, _back_words, _DEMAND_CUE, _lists, NOBODY, _PASSIVE_ISSUE, _PRONOUN_OBJECT, _YES_NO_QUESTION,
)


def _read(text: str, codebook: Codebook, published: dt.date | None, previous: Callable[[], Group | None],
          voiced: Callable[[], Group | None], cues: list[Cue], bound: dt.date | Introduced | None = None,
          introduced: Callable[[str, int], str | None] | None = None, passive_read: bool = True) -> list[Holding]:
    """The stances of one sentence, trying `cues`. `previous` gives the subject of the sentence before,
    `voiced` the speaker of the quotation it stands in; they are called only when needed. `introduced(name, pos)`
    gives the actor a person named by surname alone speaks for (see `introduced_as`). `bound` says which dated speakers count (see `actor_mentions`): by
    default, those in office on `published`."""
    if _YES_NO_QUESTION.match(text):
        return []  # "Will Russia back the truce?": a question, not a position
    if passive_read and "by" in text:
        passive = _PASSIVE_ISSUE.search(text)
        if passive is not None:
            return _with_active(text, passive, codebook, published, previous, voiced, cues, bound, introduced)
    folded = fold(text)
    # the cues that match somewhere in the sentence (most candidate sentences have none: then it is not
    # even cut into clauses); a match inside a clause is a match in the sentence
    cues = [cue for cue in cues if cue.folded.search(folded)
            and (cue.needs_folded is None or cue.needs_folded.search(folded))]
    if not cues:
        return []
    clauses = split_clauses(text, folded, codebook)
    matches = _cue_matches(folded, clauses, cues)
    if not any(matches):
        return []  # no cue matches: nothing to analyse
    mentions = actor_mentions(text, codebook, folded, on=published if bound is None else bound)
    if introduced is not None and SURNAME_SPEAKS.search(text):
        mentions = _with_surnames(text, mentions, introduced)
    if mentions:
        matches = _outside_names(text, matches, mentions)
        if not any(matches):
            return []
    voice = voiced()
    if not mentions and voice is None and not (_THIRD_PERSON.search(text) and previous(across=True)):
        return []  # nobody here could hold a stance
    groups, subjects, inherited = _analyse(text, mentions, previous, clauses)
    lists = _lists(codebook, folded)
    holdings: list[Holding] = []
    for clause, subject, found in zip(clauses, inherited, matches):
        if not found:
            continue  # its speech frames would serve no cue
        frames = speech_frames(text, folded, clause, groups, codebook)
        for cue, match in found:
            holdings.extend(_read_cue(text, folded, clause, match, cue, codebook, groups,
                                      subject if voice is None or voice.recalled else subject or voice, frames,
                                      published, lists.negators, lists.softeners, lists.earlier, lists.reservations,
                                      voice if voice is not None and voice.recalled else None))
    holdings = _yield_weak(_joined_other(text, _longest_cues(holdings)))
    if holdings and len(clauses) > 1:
        holdings.extend(_pronoun_objects(text, folded, clauses, groups, subjects, holdings, lists.negators))
    holdings.extend(_flexibility(folded, clauses, subjects, holdings, codebook))
    if holdings:
        concerns = _BUT_CONCERNS.search(folded)
        if concerns is not None:
            # "welcomed the initiative but said it had doubts about ...": a guarded welcome (0)
            holdings = [h._replace(polarity=0) if h.polarity == 1 and h.cue_start < concerns.start() else h
                        for h in holdings]
    return _merge_mixed(text, holdings)


# the same subject's reservations after "but" ("but said it had worries over", "but they voiced doubts about")
_BUT_CONCERNS = re.compile(r"\bbut\s+(?:(?:said|added|warned|noted)\s+)?(?:(?:it|they|he|she)\s+)?(?:had|has|have|expressed|"
                           r"voiced|raised|expresses|voices|raises)\s+(?:\w+\s+){0,2}?(?:concerns?|worries|reservations?|doubts?|"
                           r"misgivings)\b")


def _pronoun_objects(text: str, folded: str, clauses: list[Clause], groups: list[Group],
                     subjects: list[Group | None], holdings: list[Holding], negators: re.Pattern[str]) -> list[Holding]:
    """The stances of a clause that accepts or rejects "it", the issue a cue of the clause before named, with a
    subject of its own ("... but the rebels rejected it"): the sign is the verb's, the issue the earlier cue's."""
    found = []
    for index in range(1, len(clauses)):
        clause, before = clauses[index], clauses[index - 1]
        if any(clause.start <= h.cue_start < clause.end for h in holdings):
            continue
        verb = _PRONOUN_OBJECT.search(text, clause.start, clause.end)
        earlier = [h for h in holdings if before.start <= h.cue_start < before.end]
        if verb is None or not earlier:
            continue
        subject = subject_of(text, groups, clause.start, verb.start()) or subjects[index]
        if subject is None or any(g.start > verb.end() for g in groups if g.start < clause.end and g is subject):
            continue
        polarity = -1 if verb.group(1) else 1
        if negators.search(folded, max(clause.start, _back_words(text, verb.start(), 3)), verb.start()):
            polarity = -polarity
        named = max(earlier, key=lambda h: h.cue_start)  # the last cue before: what "it" stands for
        issue = named.issue
        # "it" for a demand of -1 stands for the demand: accepting it takes its position, rejecting it the opposite
        # ("demanded that Assad leave power, but Russia rejected it": Assad may stay); elsewhere for what the cue
        # names ("rejected the truce but Damascus accepted it": the truce)
        if named.polarity == -1 and _DEMAND_CUE.match(folded, named.cue_start):
            polarity = -polarity
        found.extend(Holding(actor, issue, polarity, clause.start, clause.end, subject.speaker(actor), None, None,
                             verb.start(), verb.end()) for actor in subject.actors if actor != NOBODY)
    return found


def _with_active(text: str, passive: re.Match[str], codebook: Codebook, published: dt.date | None,
                 previous: Callable[[], Group | None], voiced: Callable[[], Group | None], cues: list[Cue],
                 bound: dt.date | Introduced | None, introduced: Callable[[str, int], str | None] | None
                 ) -> list[Holding]:
    """The stances of a sentence with an issue's noun as the subject of a passive: those of the sentence as it
    stands, and those of the passive read in the active ("the truce was rejected by Damascus" as "Damascus
    rejected the truce"), quoting the passive as written."""
    found = _read(text, codebook, published, previous, voiced, cues, bound, introduced, passive_read=False)
    if _CONDITIONAL.search(fold(text), 0, passive.start()):
        return found  # "If the truce was rejected by Damascus, ...": a hypothesis
    # the agent ends at a comma that opens another clause ("by Damascus, the talks would fail"), not a list's
    agent = _AGENT_END.split(passive["agent"], maxsplit=1)[0]
    active = f"{agent} {passive['verb']} {passive['det']} {passive['noun']}."
    held = {(h.actor, h.issue) for h in found}
    for h in _read(active, codebook, published, previous, lambda: None, cues, bound, None, passive_read=False):
        if (h.actor, h.issue) not in held:
            found.append(h._replace(start=passive.start(), end=passive.end(), cue_start=passive.start(),
                                    cue_end=passive.end(), time=None, earlier=None))
    return found


def _with_surnames(text: str, mentions: list[Mention], introduced: Callable[[str, int], str | None]) -> list[Mention]:
    """`mentions` with the persons named by surname alone as speakers ("Amiri said ...") whom the article
    introduced before with a title of their actor (see `introduced_as`)."""
    added = []
    for match in SURNAME_SPEAKS.finditer(text):
        index = 1 if match.group(1) else 2
        start, end = match.span(index)
        if any(m.start <= start < m.end for m in mentions):
            continue
        actor = introduced(match.group(index), start)
        if actor is not None:
            added.append(Mention(actor, start, end, match.group(index)))
    return sorted(mentions + added, key=lambda m: m.start) if added else mentions


def _outside_names(text: str, matches: list[list[tuple[Cue, re.Match[str]]]], mentions: list[Mention]
                   ) -> list[list[tuple[Cue, re.Match[str]]]]:
    """The cue matches less those that end inside a proper name (capitalised) of an actor that starts after
    them: in "Qatar supports the High Negotiations Committee", "Negotiations" is a word of the
    committee's name, not talks. (A common noun phrase stays a cue's: "a congress of opposition figures".)"""
    def inside_name(match: re.Match[str]) -> bool:
        start, end = match.span()
        return any(start < m.start < end < m.end and text[m.start].isupper() for m in mentions)
    return [[(cue, match) for cue, match in found if not inside_name(match)] for found in matches]


def _cue_matches(folded: str, clauses: list[Clause], cues: list[Cue]) -> list[list[tuple[Cue, re.Match[str]]]]:
    """For each clause, the matches of `cues` in it: by cue (in the order given), then left to right.
    They are found in the folded sentence (`folded`) by the cue patterns compiled for it (`Cue.folded`)."""
    patterns = [(cue, cue.folded) for cue in cues]
    return [[(cue, match) for cue, pattern in patterns for match in pattern.finditer(folded, clause.start, clause.end)]
            for clause in clauses]
