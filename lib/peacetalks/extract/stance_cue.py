"""One cue's match in one clause to the stances it gives: who holds it (the subject, a speaker, the antecedent of a
relative clause, the agents of a passive, who urges, who requests, who works with whom, who meets the opposition),
its sign (negation, a refused request, a failed attempt, a condition, indecision) and when (see `_read_cue`)."""
from __future__ import annotations

import datetime as dt
import re

from peacetalks.extract.codebook import Codebook, Cue
from peacetalks.extract.stance_dates import find_time
from peacetalks.extract.stance_holders import (
    _added_holder, agent_of_noun, antecedent, _BE_BEFORE, _CLAUSE_LINK, Clause, _followed_by_verb, Group, _is_object,
    _passive_agents, _passive_cue, subject_of,
)
from peacetalks.extract.stance_polarity import (
    _ATTEMPT, _CONDITIONAL, _FAILED_BEFORE, _FAILURE, Holding, _needed_here, _negated_head, _negated_purpose, _REJECTION,
    _SUBORDINATOR, _TRUCE_BEFORE,
)
from peacetalks.extract.stance_speech import _content_holder, _REPORTED_VERB_PARTS, Speech
from peacetalks.extract.stance_words import (
    _ACCORDING_TO, _IN_VIEW, _AS_DEMANDED_AFTER, _AS_DEMANDED_BEFORE, _back_words, _CONDITION_AFTER, _CONDITIONED_ISSUES, _COOPERATES, _DOCUMENT_BY, _GOVERNMENT, _IN_RELATIVE,
    _is_past_verb, _NEITHER_NOR, _NEW_CLAUSE, _OBJECT_RELATIVE, NOBODY, _PAST_VERB_END, _OFFER_BEFORE, _PROMISE_BEFORE, _OPPOSITION, _PARTICIPLE, _PARTNER_GAP,
    _preceding_word, _PRECONDITION_BEFORE, _PREPOSITIONS, _PRONOUN_BEFORE, _REQUEST_AT, _REQUEST_BEFORE, _SAID_THAT, _UNDECIDED, _URGED,
    _URGED_BY, _VIEW_VERB, _WORD,
)


# what stands between the actors and a role noun: "as", perhaps "its", "their" or "the" and a number word
_AS_ROLE = re.compile(r"\s+as\s+(?:(?:its|their|the)\s+)?(?:(?:two|three|four|joint|main|chief|principal)\s+)?\Z",
                      re.IGNORECASE)


def _with_as_role(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """The actors of "with A and B as (its) guarantors|sponsors|..." when the cue starts at that role noun ("a
    truce took effect with Moscow and Ankara as guarantors"): they hold the role, not the clause's subject."""
    before = [g for g in groups if lo <= g.start and g.end <= cue_start]
    if not before:
        return None
    if text[cue_start:cue_start + 3].lower() == "as ":
        # the cue opens with "as" itself ("with Iran and Turkey as sponsors"): nothing else between
        if text[before[-1].end:cue_start].strip():
            return None
    elif not _AS_ROLE.fullmatch(text, before[-1].end, cue_start):
        return None
    first = len(before) - 1
    while first and _LIST_GAP.fullmatch(text, before[first - 1].end, before[first].start):
        first -= 1  # "with Tehran, Ankara, Moscow as hosts": a list read as separate names
    if _preceding_word(text, before[first].start, lo) != "with":
        return None
    return Group([m for g in before[first:] for m in g.mentions])


_PEOPLE_OF = re.compile(r"\b(?:envoys?|ministers?|delegations?|delegates?|representatives?|leaders?|diplomats?|"
                        r"officials?|negotiators?)\s+of\s+(?:the\s+)?\Z", re.IGNORECASE)


_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def _document_agents(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """The actors by whom the text that is the clause's subject was drawn up, proposed or backed ("The plan, drafted
    by Russia, calls for a ceasefire", "A resolution put forward by Moscow and Washington backs ..."): what the text
    says is their position. The cue follows the agents within a few words, with nobody else named between."""
    opening = _DOCUMENT_BY.match(text, lo, cue_start)
    if opening is None:
        return None
    agents = next((g for g in groups if g.start >= opening.end()), None)
    if agents is None or agents.end > cue_start or _WORD.findall(text, opening.end(), agents.start) \
            or len(_WORD.findall(text, agents.end, cue_start)) > 5 \
            or any(agents.end <= g.start and g.end <= cue_start for g in groups):
        return None
    return agents


# a demand with its addressee right before the cue, in the subjunctive ("insists the president step aside", "demanded
# that the rebels respect the truce"): the one who demands holds what is demanded
# (a verb, not the noun: "the opposition's demands on Assad's future")
_DEMANDED = re.compile(r"\b(?<!'s\s)(?<!’s\s)(?<!the\s)(?<!its\s)(?<!their\s)(?<!his\s)(?<!her\s)(?:demands|demanded|demanding)\s+"
                       r"(?!(?:on|for|of|by|from|to|in|at|with|and|or)\b)(?:that\s+)?"
                       r"(?:the\s+)?[\w'’.-]+(?:\s+[\w'’.-]+)?\s+\Z")


# a refusal of direct talks only, not of the talks ("would not share a table with the other side")
_SAME_TABLE = re.compile(r"\bsame\s+table\b")


# a negated passive right before "invited" ("were not invited", "had not been invited", "was never invited")
_NOT_INVITED = re.compile(r"\b(?:is|are|was|were|been|be|isn't|aren't|wasn't|weren't)\s+(?:not\s+|never\s+)?(?:yet\s+|been\s+)?\Z")


# a verb of accusation (among the reservations) whose object is who did it, and what stands between that object and
# the cue ("... of ", "... for ", "... of repeatedly ")
_ACCUSING = re.compile(r"accus(?:ed|es|ing)|blam(?:ed|es|ing)|charg(?:ed|es|ing)")
_ACCUSED_OF = re.compile(r"(?:'s|’s)?\s+(?:of|for)\s+(?:\w+ly\s+)?(?:trying\s+to\s+|seeking\s+to\s+|working\s+to\s+)?")


def _accused(text: str, folded: str, groups: list[Group], verb: re.Match[str], cue_start: int) -> Group | None:
    """The actor a verb of accusation names as doing what a cue of -1 says: "accused the regime of sabotaging the
    talks", "blamed Moscow for undermining the truce" (the object right after the verb, then "of" or "for", then
    the cue); nobody for "accused each other of ...". `verb` is the match of the accusation in `folded`."""
    if not _ACCUSING.fullmatch(folded, verb.start(), verb.end()):
        return None
    accused = next((g for g in groups if g.start >= verb.end()), None)
    if accused is None or accused.end > cue_start or _WORD.findall(text, verb.end(), accused.start) not in ([], ["the"]) \
            or not _ACCUSED_OF.fullmatch(text, accused.end, cue_start):
        return None
    return accused


def _efforts_of(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """The actors whose efforts, bid or push the cue is the aim of ("praised the efforts of Lavrov and the UN envoy to
    push the two sides to the table"): they hold it, beside the clause's own subject."""
    for g in groups:
        if lo <= g.start and g.end <= cue_start and _TO_CUE.fullmatch(text, g.end, cue_start) \
                and _EFFORTS_OF.search(text, lo, g.start):
            return g
    return None


# "the efforts of ", "a bid by the " right before the actors, and " to " between them and the cue
_EFFORTS_OF = re.compile(r"\b(?:efforts?|bids?|attempts?|push|drive|campaign)\s+(?:by|of)\s+(?:the\s+)?\Z", re.IGNORECASE)
_TO_CUE = re.compile(r"\s+to\s+")


def _viewer(text: str, groups: list[Group], lo: int, cue_start: int, about_assad: bool) -> Group | None:
    """The actor whose view the clause states before the cue: "in Washington's view", "in the eyes of Moscow",
    "in Tehran's opinion" (the actor right after "in" or "of", nobody else named before the cue; on Assad's role, he
    or his government may be named: "in Washington's view, Assad cannot stay" is Washington's)."""
    found = _IN_VIEW.search(text, lo, cue_start)
    if found is None and lo:
        # a leading "In Washington's view, ..." is a clause of its own before the one the cue stands in
        found = _IN_VIEW.match(text, text.find("In", 0, lo)) if text.lstrip().startswith("In ") else None
        if found is not None and text[found.end():lo].strip(" ,"):
            found = None
        lo = 0
    if found is None:
        return None
    owner = next((g for g in groups if found.start() <= g.start < found.end()), None)
    if owner is None or any(owner.end <= g.start and g.end <= cue_start and g is not owner
                            and g.start > found.end() + 1 and not (about_assad and _GOVERNMENT in g.actors) for g in groups):
        return None
    # (only the names inside the phrase: "in Washington's view Assad ..." may be read as one list)
    return Group([m for m in owner.mentions if found.start() <= m.start < found.end()])


def _said_that_subject(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """The actor that is the direct subject of the cue's verb right after 'said/adding that' in the clause
    ('"...," the spokesman said, adding that Washington still backed the talks': Washington, not a name in
    the quotation before)."""
    found = None
    for found in _SAID_THAT.finditer(text, lo, cue_start):
        pass
    if found is None:
        return None
    own = next((g for g in groups if g.start == found.end() or
                (found.end() <= g.start and not _WORD.findall(text, found.end(), g.start)[1:])), None)
    if own is None or own.end > cue_start:
        return None
    between = _WORD.findall(text, own.end, cue_start)
    if len(between) <= 3 and all(w.lower() in _REPORTED_VERB_PARTS for w in between):
        return own
    # further on, with no other actor named before the cue: the content's subject still holds what its
    # clause goes on to say ('adding that Washington backed a settlement based on a text which calls for ...')
    return own if not any(own.end <= g.start and g.end <= cue_start for g in groups) else None


def _as_demanded(text: str, groups: list[Group], end: int, hi: int) -> Group | None:
    """The actors that a clause ending "..., as X is demanding" names as holding the cue that ends at `end`."""
    if text.find("as", end, min(hi, end + 12)) == -1:
        return None  # (most cues)
    for g in groups:
        if end < g.start <= min(hi, end + 16) and _AS_DEMANDED_BEFORE.search(text, end, g.start) \
                and _AS_DEMANDED_AFTER.match(text, g.end, hi):
            return g
    return None


def _pronoun_subject(text: str, groups: list[Group], lo: int, cue_start: int) -> Group | None:
    """For a cue whose subject is "it" or "they" inside a clause, after an actor that is the subject of an earlier
    verb of that clause ("the opposition coalition turned down an overture and said it would never negotiate"):
    that actor, the last such before the pronoun. Not an object, nor a possessive."""
    pronoun = _PRONOUN_BEFORE.search(text, lo, cue_start)
    if pronoun is None or not _WORD.findall(text, lo, pronoun.start()):
        return None
    found = None
    for g in groups:
        if lo <= g.start and g.end <= pronoun.start() and not _is_object(text, g, lo) \
                and not text.endswith(("'s", "’s"), g.start, g.end) and _followed_by_verb(text, g) \
                and not _IN_RELATIVE.search(text, max(lo, text.rfind(",", lo, g.start)), g.start):
            found = g
    return found


def _request_noun(folded: str, lo: int, cue_start: int, cue_end: int | None = None) -> int | None:
    """Where the noun of a request or offer stands, right before the cue ("a Turkish request to" + cue) or in the
    cue's first words ("an offer to broker a truce", "accepted a Turkish offer to broker a truce" matched whole);
    None when there is none."""
    if cue_end is not None:
        inside = _REQUEST_AT.search(folded, cue_start, min(cue_end, cue_start + 40))
        if inside is not None:
            return inside.start()
    request = _REQUEST_BEFORE.search(folded, max(lo, cue_start - 60), cue_start)
    return request.start("noun") if request is not None else None


def _requester(text: str, folded: str, groups: list[Group], lo: int, cue_start: int,
               cue_end: int | None = None) -> Group | None:
    """The actor named as the owner of a request or proposal right before the cue ("a Turkish request to open direct
    talks", "Moscow's offer to host talks"): it holds what the cue says, whoever rejects or accepts it."""
    noun = _request_noun(folded, lo, cue_start, cue_end)
    if noun is None:
        return None
    for g in reversed(groups):
        if g.end <= noun and noun - g.end <= 20:
            between = _WORD.findall(text, g.end, noun)
            if len(between) <= 2 and not any(_is_past_verb(w) for w in between):
                return g
            return None
    return None


def _with_opposition(text: str, groups: list[Group], start: int, end: int, hi: int) -> bool:
    """Whether the opposition is what a talks cue at [start, end) is held with or of: named after "with" or "of"
    inside the cue or a few words after it ("consultations in Moscow with opposition figures", "a meeting of
    Syrian opposition groups"), with no punctuation between, and not together with the government."""
    for g in groups:
        if _OPPOSITION not in g.actors or not start < g.start <= min(hi, end + 40):
            continue
        if g.start > end and re.search(r"[,;:()\"“”]", text[end:g.start]):
            continue
        if _preceding_word(text, g.start, start) in {"with", "of"}:
            # not both sides named together ("representatives of the opposition and the regime"): that is the talks
            return not any(_GOVERNMENT in o.actors and g.start <= o.start <= g.end + 40 for o in groups)
    return False


def _read_cue(text: str, folded: str, clause: Clause, match: re.Match[str], cue: Cue, codebook: Codebook,
              groups: list[Group], subject: Group | None, frames: list[Speech], published: dt.date | None,
              negators: re.Pattern[str], softeners: re.Pattern[str], earlier_words: re.Pattern[str],
              reservations: re.Pattern[str], voice: Group | None = None) -> list[Holding]:
    """The holdings one match of a cue gives. `voice` is the speaker of the quotation the sentence stands
    in: it holds the cue when what comes before the cue in the clause names nobody else (see `_content_holder`). `folded` is `fold(text)`, which the word-list patterns
    (see `Codebook.word_pattern`) are matched against."""
    start, end = match.start(), match.end()
    engages: list[str] = []  # who meets the opposition in a meeting cue: it engages it too
    trailing: list[str] = []  # the agents of a participle after the cue ("talks hosted by X"), see above
    rejecting = False  # whether that participle rejects ("was rejected by X")
    holders: dict[str, str | None] = {}  # each actor holding the cue, with its speaker, in the order found

    def add(group: Group | None) -> None:
        if group is None:
            return
        for actor in group.actors:
            if actor not in holders:
                holders[actor] = group.speaker(actor)

    inside = [g for g in groups if start <= g.start and g.end <= end]
    if cue.agents != "inside":
        demanding = _as_demanded(text, groups, end, clause.end)
        if demanding is not None:
            # "whether Assad should step aside, as the rebels have long demanded": the position is theirs, stated
            # as a fact about them (not a hypothesis of the clause, nor its subject's)
            polarity = -cue.polarity if negators.search(folded, max(clause.start, _back_words(text, start, 3)), end) \
                else cue.polarity
            time = find_time(text, clause.start, min(clause.end, end + 60), end, published)
            not_held = codebook.issues[cue.issue].not_held_by
            return [Holding(actor, cue.issue, polarity, clause.start, clause.end, demanding.speaker(actor), time, None,
                            start, end) for actor in demanding.actors if actor != NOBODY and actor not in not_held]
    frame = None
    if cue.agents == "inside":
        # each name inside the cue, also when a list it stands in starts before the cue ("Muallem and the
        # opposition delegate were due to speak": the delegate's is the opposition's)
        for g in groups:
            if g.start < end and start < g.end:
                add(Group([m for m in g.mentions if start <= m.start and m.end <= end
                           # (Assad named in a cue on his role is its topic: "a plan under which Assad would stay")
                           and not (cue.issue == "assad_role" and m.actor == _GOVERNMENT)]))
    else:
        frame = next((f for f in frames if f.content_start <= start and end <= f.content_end), None)
        head = frame.content_start if frame else clause.start
        reserved = None
        for reserved in reservations.finditer(folded, head, start):
            pass  # the last one before the cue
        if reserved is not None and _VIEW_VERB.fullmatch(folded, reserved.start(), reserved.end()) \
                and not folded[reserved.end():start].strip():
            reserved = None  # "saw little hope for the talks": the cue is the view itself, the viewer's own
        if reserved is not None:
            # unless a subordinate clause with a subject named in it stands between ("... after both sides agreed to")
            opened = _NEW_CLAUSE.search(folded, reserved.end(), start)
            if opened is None or "," in folded[opened.end():start] \
                    or not any(opened.end() <= g.start and g.end <= start for g in groups):
                # "the opposition accused the regime of sabotaging the talks": the accused's obstruction, as the
                # accuser reports it (the accusation itself is no stance of the accuser's)
                accused = _accused(text, folded, groups, reserved, start) if cue.polarity == -1 else None
                if accused is None:
                    return []
                not_held = codebook.issues[cue.issue].not_held_by
                time = find_time(text, clause.start, min(clause.end, end + 60), end, published)
                return [Holding(actor, cue.issue, -1, clause.start, clause.end, accused.speaker(actor), time, None,
                                start, end) for actor in accused.actors if actor != NOBODY and actor not in not_held]
        others = [g for g in groups if g not in inside]
        relative = antecedent(text, others, clause.start, start)
        # "the meeting was boycotted by the coalition", "boycotted the talks hosted by Russia": the subject
        # is not who acts; the agents after "by" hold the cue
        passive = _passive_cue(folded, clause.start, start, end) or folded.endswith(" by", 0, end)
        # "called on the government to implement a ceasefire": the one who calls holds it, not who is called on
        urged = _URGED.search(folded, head, start) or _DEMANDED.search(folded, head, start)
        before = urged.start() if urged is not None else start
        urger: Group | None = None  # "was urged by Turkey to attend": the agent urges, the subject is urged
        if urged is not None:
            if _BE_BEFORE.search(folded, max(head, urged.start() - 20), urged.start()):
                urger = next((g for g in others if urged.start() < g.start < start
                              and _preceding_word(text, g.start, urged.start()) == "by"), None)
                if urger is None:
                    return []
            others = [g for g in others if g.end <= urged.start() or g.start >= start]
        elif _URGED_BY.match(folded, start) and _BE_BEFORE.search(folded, max(head, start - 20), start):
            # a cue that opens with the urging in the passive ("was urged by Ankara to respect the truce"); with
            # no agent, nobody named holds it ("the regime was urged to ...")
            urger = next((g for g in groups if start < g.start < end
                          and _preceding_word(text, g.start, start) == "by"), None)
            if urger is None:
                return []
        object_relative = next((g for g in inside if _OBJECT_RELATIVE.search(text, start, g.start)
                                and _PAST_VERB_END.fullmatch(text, g.end, end)), None)
        viewer = _viewer(text, others, clause.start, before, cue.issue == "assad_role")
        # round 8: "a truce, with Moscow and Ankara as its guarantors", "opens with three capitals as sponsors": the
        # actors named between "with" and "as" hold the role the cue names, whoever announced it
        role = _with_as_role(text, others, clause.start, start)
        if role is not None:
            add(role)
        elif passive:
            pass
        elif viewer is not None:
            add(viewer)  # "in Paris's view, the president has no future in ...": whose view it is
        elif object_relative is not None:
            add(object_relative)  # "the ceasefire, which Russia and Turkey brokered": who did what the relative says
        elif urger is not None:
            add(urger)
        elif relative is not None and relative.end <= before:
            add(relative)
        elif frame is not None:
            # (a demand that is itself the verb of speech, "the bloc insists the president step aside": its speaker)
            add(_content_holder(text, frame, others, before) if before >= frame.content_start else frame.speaker)
        else:
            own = _document_agents(text, others, clause.start, before) \
                or _said_that_subject(text, others, clause.start, before) or _pronoun_subject(text, others, clause.start, before) \
                or subject_of(text, others, clause.start, before)
            add(own or agent_of_noun(text, others, clause.start, start) or subject
                or (voice and _content_holder(text, Speech(voice, clause.start, clause.end), others, start)))
        add(_added_holder(text, folded, groups, clause.start, start, clause.end))
        add(_efforts_of(text, others, clause.start, start))
        if not holders and clause.start and _ACCORDING_TO.match(text):
            # "According to Lavrov, the talks will resume in May": with no subject of its own, the source's claim
            add(next((g for g in groups if g.end <= clause.start), None))
        agents = _passive_agents(folded, max(start, end - 25), min(clause.end, end + 60))
        if agents and agents.start() > end and any(
                w.endswith(("ing", "ed")) or w.isdigit() for w in _WORD.findall(text[end:agents.start()])):
            agents = None  # "declared the ceasefire over citing violations committed by ...": another verb's agent
        elif agents and agents.start() > end and _CLAUSE_LINK.search(text, end, agents.start()):
            agents = None  # "... to cede power, and that the terms set by ...": another clause's agent
        if agents and agents.start() >= end and agents.group().startswith("the "):
            agents = None  # "ready to negotiate under the aegis of the League": who would host them, not who holds the cue
        if agents and "guarantor" in folded[start:agents.start()]:
            agents = None  # "guarantors of a deal between X and Y": the guarantors are a third party, not X and Y
            # (but "under the guarantorship of X and Y" names X and Y as the guarantors)
        if agents:
            following = [g for g in groups if g.start >= agents.end() and g.start - agents.end() <= 30]
            if following:
                before = set(holders)
                add(following[0])
                if agents.start() > end:
                    # the agents of what the cue's object undergoes ("boycott a congress organised by X"): they
                    # share a positive reading only, never the subject's rejection (see below)
                    trailing = [a for a in holders if a not in before]
                    # ("an offer to host talks was rejected by the rebels": the agents reject what the cue says)
                    rejecting = bool(_REJECTION.match(folded, agents.start()))
        if cue.agents == "both":
            met = set(holders)  # who holds it before its partners are added: the subject's side
            # an offer to work with a partner is the offer's ("Iran is ready to work with Saudi Arabia to keep the
            # truce"): the partner has not said yes (the opposition stays, for who engages it)
            offered = _OFFER_BEFORE.search(text, max(clause.start, start - 30), start) is not None
            # a refusal to sit or meet with a partner is the refuser's alone ("the rebels refused to sit at the same
            # table with the regime delegation": the regime refused nothing)
            refused = negators.search(folded, max(clause.start, _back_words(text, start, 3)), start) is not None
            for g in inside:
                partner = _preceding_word(text, g.start, start) in {"with", "meet", "met"}
                if (offered or refused) and partner and _OPPOSITION not in g.actors:
                    continue
                if not _is_object(text, g, start) or partner:
                    add(g)
            after = [g for g in groups if end <= g.start <= end + 40 and g.start < clause.end
                     and (_preceding_word(text, g.start, end) not in _PREPOSITIONS - {"with", "from"}
                          # round 8: "sat the envoys of Iran and Turkey": the people of an actor are that actor
                          or (not refused and not offered
                              and _PEOPLE_OF.search(text, max(end, g.start - 40), g.start) is not None))
                     and not (refused and _preceding_word(text, g.start, start) in {"with", "as"})]
            if after:
                add(after[0])
                # round 8: a list read as separate names ("the envoys of Tehran, Ankara and Moscow") is one partner
                chained = after[0]
                for g in [g for g in groups if g.start > chained.end and g.start < clause.end]:
                    if not _LIST_GAP.fullmatch(text, chained.end, g.start):
                        break
                    add(g)
                    chained = g
            if _OPPOSITION in holders and _OPPOSITION not in met:
                engages = [a for a in met if a not in (NOBODY, _OPPOSITION)]  # who meets the opposition engages it
    if cue.issue == "assad_role" and frame is not None and NOBODY in holders and len(holders) == 1 \
            and any(m.speaker == "Assad" for g in groups for m in g.mentions if m.actor == NOBODY and clause.start <= m.start < end) \
            and NOBODY not in frame.speaker.actors:
        # in an undated article Assad binds nobody, but he is still what the speaker speaks of ("Washington insists
        # that the president has no role in the transition"): the speaker holds it, as below
        del holders[NOBODY]
        add(frame.speaker)
    if cue.issue == "assad_role" and frame is not None and _GOVERNMENT in holders \
            and _GOVERNMENT not in frame.speaker.actors:
        # "London insists that the president has no role in the future": Assad is what the speaker speaks of, not
        # who holds the position (he holds one on his role only when he or his government speaks)
        del holders[_GOVERNMENT]
        add(frame.speaker)
    elif cue.issue == "assad_role" and frame is None and voice is not None and _GOVERNMENT in holders \
            and _GOVERNMENT not in voice.actors and len(holders) == 1:
        # '"Assad will not be part of any transitional government," he said': the quotation's speaker speaks of him
        del holders[_GOVERNMENT]
        add(Group(voice.mentions))
    frame_speaker = frame.speaker if cue.agents != "inside" and frame is not None else None
    engages = engages if cue.agents == "both" and frame is None and cue.polarity == 1 else []
    if not engages and cue.issue == "negotiations" and cue.polarity == 1 and cue.agents != "inside" \
            and _OPPOSITION not in holders and _with_opposition(text, groups, start, end, clause.end):
        # "will take part in consultations with opposition figures", "will host a meeting of opposition groups":
        # who meets the opposition, or gathers it, engages it
        engages = [a for a in holders if a != NOBODY]
    if frame_speaker is not None:
        holders = {a: s or frame_speaker.speaker(a) for a, s in holders.items()}
    issue = codebook.issues[cue.issue]
    held = [(a, s) for a, s in holders.items() if a != NOBODY and a not in issue.not_held_by]
    if not held:
        return []

    if cue.needs_folded is not None and not _needed_here(folded, cue.needs_folded, start, end):
        return []  # what the cue needs stands only in a relative clause about someone after it
    if cue.issue != "ceasefire" and _PARTICIPLE.match(folded, start) \
            and _TRUCE_BEFORE.search(folded, max(clause.start, start - 30), start):
        return []  # "the ceasefire mediated under the peace process": what was mediated is the truce (a ceasefire cue's)
    conditional = _CONDITIONAL.search(folded, max(clause.start, _back_words(text, start, 6)), start)
    undecided = False
    if conditional is not None:
        # "declined to say whether it would take part", "gathered to decide whether to join": undecided (0); any other
        # "if" or "whether" is a hypothesis or a question, not a position
        undecided = conditional.group() == "whether" and _UNDECIDED.search(
            folded, max(clause.start, conditional.start() - 50), conditional.start()) is not None
        if not undecided:
            return []
    polarity = cue.polarity
    negated = None
    if cue.agents == "inside":
        negated = negators.search(folded, start, end)  # "Russia sent no delegation": a negation among the cue's own words
    else:
        negated = negators.search(folded, max(clause.start, _back_words(text, start, 3)), end)
        if negated is None:
            negated = _negated_purpose(folded, negators, max(clause.start, _back_words(text, start, 9)), start)
        if negated is None:
            negated = _negated_head(folded, negators, clause.start, start, lambda pos: _back_words(text, pos, 5))
        if negated is None:
            negated = _NEITHER_NOR.search(folded, clause.start, start)  # "Neither Russia nor Iran backed the truce"
        if negated is None:
            # "turned down a Turkish request to open direct talks": the subject rejects what was requested
            noun = _request_noun(folded, clause.start, start, end)
            if noun is not None:
                negated = _REJECTION.search(folded, max(clause.start, noun - 35), noun)
    if negated and negated.start() < start and _SUBORDINATOR.match(folded, start):
        negated = None  # "will not sign until Assad goes": the negation is the main verb's, not the cue's
    if negated and negated.start() == start and polarity == -1:
        negated = None  # "declined to attend": the refusal is the cue's own first word, not a negation of it
    if _FAILED_BEFORE.search(folded, max(clause.start, _back_words(text, start, 6)), start) and _ATTEMPT.match(folded, start):
        return []  # "failed on Friday to agree on a truce": an attempt that did not succeed, not a refusal
    if negated and folded.startswith("invit", start) and _NOT_INVITED.search(folded, max(clause.start, start - 30), start):
        return []  # "Cairo and Amman were not invited to the meeting": left out by others, no position of theirs
    if negated:
        if _FAILURE.match(folded, negated.start()) and _ATTEMPT.match(folded, start):
            return []  # "failed to negotiate a ceasefire": an attempt that did not succeed, not a refusal
        polarity = -polarity
        if polarity == -1 and cue.issue == "negotiations" and _SAME_TABLE.search(folded, start, end):
            polarity = 0  # "would not face the other side across one table": there, but not face to face
    if undecided:
        polarity = 0
    elif polarity == 1 and cue.issue in _CONDITIONED_ISSUES and cue.agents != "inside" \
            and (_CONDITION_AFTER.match(folded, end, clause.end) or _PRECONDITION_BEFORE.search(folded, clause.start, start)):
        # "will attend the talks only if the bombing stops", "demanded an end to the sieges before returning to talks":
        # taking part on a condition not yet met is a mixed position (0), not a yes (a refusal until then, "will not
        # attend until ...", is a negation, read above)
        polarity = 0
    time = find_time(text, clause.start, min(clause.end, end + 60), end, published)
    earlier_match = earlier_words.search(folded, clause.start, end)
    earlier = text[earlier_match.start():earlier_match.end()] if earlier_match and time is None else None
    softened = softeners.search(folded, max(clause.start, _back_words(text, start, 6)), start)
    if polarity == 1:
        # "working with Russia on the ceasefire": who the holder works with holds it too
        # (or right before it: "cooperate with Russia to keep the truce")
        for g in groups:
            within = start < g.start and g.end <= end
            before_cue = g.end <= start and {w.lower() for w in _WORD.findall(text, g.end, start)} <= _PARTNER_GAP
            works = _COOPERATES.search(text, max(clause.start, g.start - 30), g.start) if within or before_cue else None
            # an offer to work with somebody is the offer's ("Iran is ready to work with Saudi Arabia to ..."): the
            # partner has not said yes
            if works and not _OFFER_BEFORE.search(text, max(clause.start, works.start() - 30), works.start()):
                # the opposition an actor promises to work with has said nothing ("Ankara would work with the
                # opposition to prepare for talks": Ankara engages it, see the codebook); a state partner shares it
                promised = _PROMISE_BEFORE.search(text, max(clause.start, works.start() - 30), works.start())
                held.extend((a, g.speaker(a)) for a in g.actors
                            if a != NOBODY and a not in issue.not_held_by and a not in dict(held)
                            and not (promised and a == _OPPOSITION))
    if polarity != 1 and trailing:
        held = [(a, s) for a, s in held if a not in trailing]
        if not held:
            return []
    # the one who requests or proposes what the cue says ("a Turkish request to open direct talks")
    requester = _requester(text, folded, groups, clause.start, start, end) if cue.agents != "inside" else None
    quote_start, quote_end = clause.start, clause.end
    result = []
    for actor, speaker in held:
        if trailing and rejecting and actor in trailing:
            result.append(Holding(actor, cue.issue, -polarity, quote_start, quote_end, speaker, time, earlier, start, end))
            continue
        if requester is not None and actor in requester.actors:
            continue  # (read below, with the cue's own sign)
        if softened and polarity != 0:
            result.append(Holding(actor, cue.issue, polarity, quote_start, quote_end, speaker, None,
                                  text[softened.start():softened.end()], start, end))
            result.append(Holding(actor, cue.issue, 0, quote_start, quote_end, speaker, time, None, start, end))
        else:
            result.append(Holding(actor, cue.issue, polarity, quote_start, quote_end, speaker, time, earlier, start, end,
                                  cue.agents == "inside"))
    if polarity == 1 and cue.issue == "negotiations":
        result.extend(Holding(actor, "engage_opposition", 1, quote_start, quote_end, holders[actor], time, earlier,
                              start, end) for actor in engages)
    if requester is not None:
        result.extend(Holding(actor, cue.issue, cue.polarity, quote_start, quote_end, requester.speaker(actor), time,
                              earlier, start, end) for actor in requester.actors
                      if actor != NOBODY and actor not in issue.not_held_by)
    return result
