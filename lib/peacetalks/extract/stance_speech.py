"""Quotations and reported speech: who speaks ("X said ...", "..., X said", a quotation's attribution, or
'"...," he said' for the person last named) and whether what is said is the speaker's own stance or
another actor's (see `_content_holder`)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from peacetalks.extract.codebook import Codebook
from peacetalks.extract.stance_words import (
    _OWN_BODY, _OWN_BODY_ACTORS, _PERSON_TITLE, _PRONOUN_START, _OBLIGED, _OBLIGED_CLAIM,     _DETERMINERS, _HEAD_NOUNS, _INTRODUCES, _is_past_verb, _lists, NOBODY, _preceding_word, _QUANTIFIERS, _SPEAKER_BREAK, _THAT,
    _TIME_WORDS, _WORD,
)
from peacetalks.extract.stance_holders import (
    actor_mentions, Clause, Group, group_mentions, Introduced, _is_object, subject_of,
)

@dataclass
class Speech:
    """A reported-speech frame in a clause: who speaks, and where the reported content lies."""

    speaker: Group
    content_start: int
    content_end: int


def speech_frames(text: str, folded: str, clause: Clause, groups: list[Group], codebook: Codebook) -> list[Speech]:
    """Speech frames of a clause: "X said (that) ..." (content after) and "..., X said" / "said X" (content before).
    `folded` is `fold(text)`."""
    frames = []
    in_clause = [g for g in groups if clause.start <= g.start < clause.end]
    for verb in _lists(codebook, folded).speech_verbs.finditer(folded, clause.start, clause.end):
        if text[verb.start()].isupper() and text[clause.start:verb.start()].strip():
            continue  # a word of a name ("the Union of Example States"), not a verb
        if _preceding_word(text, verb.start(), clause.start) in _QUANTIFIERS or \
                _WORD.findall(text, max(clause.start, verb.start() - 12), verb.start())[-1:] in (["the"], ["The"]):
            continue  # a noun after a determiner or a quantifier ("several states", "the reports"), not a verb
        before = [g for g in in_clause if g.end <= verb.start() and verb.start() - g.end <= 45
                  and not _SPEAKER_BREAK.search(text, g.end, verb.start())
                  and not _is_object(text, g, clause.start)]
        if not before:
            # "The Kremlin, which backs Assad, said ...": the speaker before a relative clause between commas
            before = [g for g in in_clause if g.end <= verb.start() and verb.start() - g.end <= 90
                      and _RELATIVE_BETWEEN.fullmatch(text, g.end, verb.start())
                      and not _is_object(text, g, clause.start)][-1:]
        if not before and _NAME_APPOSITION.match(text, clause.start):
            # "Jane Roe, the head of the opposition council, said ...": the body of a person's title in apposition
            before = [g for g in in_clause if g.end <= verb.start() and _APPOSITION_CLOSE.fullmatch(text, g.end, verb.start())
                      and not _is_object(text, g, clause.start)][-1:]
        after = [g for g in in_clause if g.start >= verb.end() and g.start - verb.end() <= 25]
        if before and _is_past_verb(_preceding_word(text, before[-1].start, clause.start)) \
                and _AND_ONLY.fullmatch(text, before[-1].end, verb.start()):
            # "The government snubbed Moscow and said ...": Moscow is the object of the first verb; who said it is the
            # subject of both
            subject = subject_of(text, in_clause, clause.start, before[-1].start)
            before = [subject] if subject is not None else []
            if not before:
                continue
        if before:
            speaker = before[-1]
            rest = text[verb.end():clause.end]
            if len(_WORD.findall(rest)) > 3 and not _ATTRIBUTION_TAIL.match(rest):
                frames.append(Speech(speaker, verb.end(), clause.end))
            else:
                frames.append(Speech(speaker, clause.start, speaker.start))
        elif after and len(_WORD.findall(text[after[0].end:clause.end])) <= 6:
            frames.append(Speech(after[0], clause.start, verb.start()))
    return frames


# a clause that opens with a person's name and a comma ("Jane Roe, the head of ..."), and what closes the apposition
# after the body's name, before the verb of speech (", ", "'s political committee, ")
_NAME_APPOSITION = re.compile(r"\W*(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s")
_APPOSITION_CLOSE = re.compile(r"(?:(?:'s|’s)(?:\s+[\w-]+){0,3})?,\s*")


# what may follow "X said" when what was said came before: the source of the report, not its content
# ('"...," the minister said, as quoted by the agency', '..., he said, according to state media')
_ATTRIBUTION_TAIL = re.compile(r"\s*,\s*(?:as\s+(?:quoted|reported|cited)\b|(?:quoted|cited)\s+by\b|according\s+to\b|"
                               r"in\s+(?:an?\s+)?(?:interview|statement|speech|address|televised)\b)", re.IGNORECASE)


@dataclass(frozen=True)
class Quotation:
    """A quotation in the body (offsets of its text) and the actor the attribution next to it names."""

    start: int
    end: int
    speaker: Group
    # attributed by a pronoun after it ('"...," he said'): its speaker also holds the sentence it closes in
    pronoun: bool = False


_QUOTATION = re.compile(r"[\"“]([^\"“”\n]{40,3000}?)[\"”]")


# a short quotation that opens a sentence and closes with its own punctuation, attributed by a pronoun right after it
# ('"The president must step aside," she said.'); a shorter quoted phrase elsewhere is a scare quote or a term ('"terrorists"')
# (whether it opens a sentence is checked on the characters before it: see `_opens_sentence`)
_QUOTE_MARK = re.compile(r"[\"“]")
_SHORT_QUOTATION = re.compile(r"[\"“]([^\"“”\n]{8,39}?[,.!?])[\"”]")


def _opens_sentence(body: str, pos: int) -> bool:
    """Whether `pos` in `body` starts a paragraph or a sentence (after ". ", "! ", "? ")."""
    return pos == 0 or body[pos - 1] == "\n" or (pos >= 2 and body[pos - 1].isspace() and body[pos - 2] in ".!?")


def _quotation_matches(body: str) -> list[re.Match[str]]:
    """The matches of _QUOTATION in `body`, with those of _SHORT_QUOTATION that a pronoun attributes ('"...," he said')
    and that overlap none of them, in order; each opens with a quotation mark, so a body with none (most generated
    articles) is not scanned."""
    if '"' not in body and "“" not in body:
        return []
    found = list(_QUOTATION.finditer(body))
    # (tried at each quotation mark that opens a sentence, so that a quoted term before one cannot swallow its mark)
    opening = (m for m in (_SHORT_QUOTATION.match(body, mark.start()) for mark in _QUOTE_MARK.finditer(body)
                           if _opens_sentence(body, mark.start())) if m is not None)
    short = [m for m in opening if _PRONOUN_SAID.match(body, m.end())
             and not any(q.start() < m.end() and m.start() < q.end() for q in found)]
    return sorted(found + short, key=lambda m: m.start()) if short else found


def quotations(body: str, codebook: Codebook, published: dt.date | None = None) -> list[Quotation]:
    """Quotations with an attribution that names an actor: '"... ." the UN official concluded', 'Lavrov said: "..."'.

    A sentence inside a quotation that spans several sentences is spoken by that actor ("We ...", "I ...").
    """
    found = []
    for match in _QUOTATION.finditer(body):
        speaker = speaker_of(body, match, codebook, published)
        if speaker is not None:
            found.append(Quotation(match.start(1), match.end(1), speaker,
                                   bool(_PRONOUN_SAID.match(body, match.end()))))
    return found


def speaker_of(body: str, quotation: re.Match[str], codebook: Codebook,
               published: dt.date | Introduced | None = None) -> Group | None:
    """Who speaks a quotation: the actor its attribution names, else, for '"...," he said', the person
    named before it (see `last_person`)."""
    speaker = attribution(body, quotation, codebook, published)
    if speaker is None and _PRONOUN_SAID.match(body, quotation.end()):
        speaker = last_person(body, quotation.start(), codebook, published)
    return speaker


def last_person(body: str, pos: int, codebook: Codebook, published: dt.date | Introduced | None = None) -> Group | None:
    """The person a '"...," he said' refers to: the last one named before the quotation at `pos` (within
    a few paragraphs), when nobody else is introduced as a speaker after that name. Such a speaker is
    `recalled`: it holds only what the quotation says of nobody else (see `_read_cue`)."""
    lo = max(0, pos - _PERSON_REACH)
    text = body[lo:pos]
    mentions = actor_mentions(text, codebook, on=published)
    people = [m for m in mentions if m.speaker]
    if not people:
        # nobody named: a person named by a title of an actor ("the Russian foreign minister", "the US envoy")
        people = [m for m in mentions if _PERSON_TITLE.match(text, m.end)]
    # in the quotation's own paragraph, the last person named as the subject of a verb of speech ("Clinton said the
    # deal meant Assad would go. '...,' she said"): a person named after it in that paragraph is what was said about
    paragraph = text.rfind("\n\n") + 1
    speaking = [m for m in people if m.start >= paragraph and _SPEAKS_NEXT.match(text, m.end)]
    if speaking and people[-1] is not speaking[-1]:
        people = people[:people.index(speaking[-1]) + 1]
    if not people or people[-1].actor == NOBODY:
        return None
    last = people[-1]
    if _OTHER_SPEAKER.search(text, last.end):
        return None
    return Group([last._replace(start=last.start + lo, end=last.end + lo)], recalled=True)


def attribution(body: str, quotation: re.Match[str], codebook: Codebook,
                published: dt.date | Introduced | None = None) -> Group | None:
    """The actor named by the attribution of a quotation (a match of _QUOTATION in `body`), if any."""
    verbs = codebook.word_pattern("speech_verbs")
    # (an attribution stands in the quotation's paragraph)
    after = body[quotation.end():quotation.end() + 90].split(".")[0].split("\n\n")[0]
    before = body[max(0, quotation.start() - 90):quotation.start()].split(".")[-1].split("\n\n")[-1]
    for side, text in (("after", after), ("before", before)):
        verb = verbs.search(text)
        if verb is None or (side == "before" and not _INTRODUCES.fullmatch(text, verb.end())):
            continue
        groups = group_mentions(text, actor_mentions(text, codebook, on=published))
        if groups:
            return groups[0]
    return None


# a title that stands for the person named before, with no actor of its own ("the minister", "the UN envoy" is not:
# its actor is named): '"...," the minister added' is attributed as '"...," he added' is
_BARE_TITLE = (r"the\s+(?:(?:top|chief|foreign|special|senior|peace|prime|deputy)\s+){0,2}(?:minister|envoy|mediator|diplomat|"
               r"spokesman|spokeswoman|president|secretary|ambassador|negotiator)")


# an attribution by a pronoun right after a quotation: '"...," he said', '"...," she told reporters'
_PRONOUN_SAID = re.compile(r"[,.!?]?[\"”]?\s*(?:,\s*)?(?:(?:he|she|" + _BARE_TITLE + r")\s+(?:said|says|added|told|stressed|"
                           r"insisted|warned|argued|explained|noted|declared)|(?:said|added|told)\s+(?:he|she|"
                           + _BARE_TITLE + r"))\b", re.IGNORECASE)


# a verb of speech right after a name, perhaps after a title in apposition ("Clinton said", "Kerry, the US envoy, told")
_SPEAKS_NEXT = re.compile(r"(?:\s*,[^,.;\"“”]{3,60},)?\s+(?:also\s+)?(?:said|says|told|tells|added|adds|stressed|insisted|warned)\b")


_PERSON_REACH = 1500  # how far back (characters) the person a pronoun names is looked for


_AUXILIARY = r"(?:is|was|are|were|has|had|have|will|would|could|should|must|can|may|might)\b"


# somebody else introduced as a speaker between that person and the quotation ("Jamil said", "an aide told")
_OTHER_SPEAKER = re.compile(r"(?:\b[A-Z][\w'’-]+,?|\b(?:an?|the)\s+\w+)\s+(?:said|says|told|added|stressed|insisted|warned)\b"
                            # (the inverted '"...," said the minister.', not a name's own "said the plan was flawed")
                            r"|\b(?:said|says|told|added)\s+(?:an?|the)\s+(?:(?!" + _AUXILIARY + r")[\w'’-]+\s+){0,2}"
                            r"(?!" + _AUXILIARY + r")[\w'’-]+\s*[.,;]")


_THIRD_PERSON = re.compile(r"\b(?:he|she|it|they|both|its|his|her|their|the\s+pair|the\s+(?:two|three|four|five)?\s*(?:countries|"
                           r"states|powers|nations|governments|trio|guarantors|guarantor states|sides|parties|men|women|"
                           r"diplomats|envoys|officials|allies|leaders|ministers|delegations|presidents)|the\s+(?:\w+\s+)?"
                           r"(?:minister|envoy|mediator|diplomat|spokesman|spokeswoman|president|secretary|ambassador|"
                           r"official))\b", re.IGNORECASE)


# what may stand between a reported subject and the verb of a cue: auxiliaries, "not" and a few adverbs
_REPORTED_VERB_PARTS = {"has", "have", "had", "will", "would", "was", "were", "is", "are", "did", "does", "do", "could",
                        "can", "may", "might", "should", "must", "not", "also", "already", "now", "finally", "formally",
                        "officially", "reportedly", "still", "been", "n't"}


# a text the parties draw up or sign, whose content a speaker reports as the speaker's own position
_DOCUMENT = re.compile(r"\W*(?:the|this|that|a|an|our|its|their|his|her)\s+(?:\w+\s+)?(?:agreement|plan|deal|document|"
                       r"proposal|draft|resolution|communiqu[eé]|roadmap|road map|declaration|accord|initiative|wording|text|"
                       r"statement|language|formula|framework|terms)\b",
                       re.IGNORECASE)


# the subject of a general claim about the war or its settlement ("a political solution was ...")
_GENERAL_CLAIM = re.compile(r"\W*(?:a|an|the|any)\s+(?:\w+\s+)?(?:solution|settlement|peace|transition|talks|"
                            r"negotiations|dialogue|ceasefire|truce|war|conflict|crisis)\s+(?:in\s+syria\s+)?"
                            r"(?:is|was|would\s+be|will\s+be|remains|remained|could\s+be|can\s+be)\s+\Z", re.IGNORECASE)


# a noun that names a topic, before the possessive of the one the topic is about ("the question of Assad's future")
_TOPIC_OF = re.compile(r"\W*(?:the|this|that|any)\s+(?:whole\s+)?(?:question|issue|matter|subject|problem|topic)\s+of\s+",
                       re.IGNORECASE)


# a collective the speaker belongs to or addresses, as the subject of what is said
_COLLECTIVE = re.compile(r"\W*(?:the\s+)?(?:(?:world|major|global|great|foreign)\s+powers|all\s+(?:the\s+)?(?:sides|parties)"
                         # (round 7: "the powers", "the two powers", of which the speaker is one)
                         r"|the\s+(?:(?:two|three|four|five|big|main)\s+)?powers"
                         r"|both\s+(?:sides|parties)|all\s+(?:concerned|involved))\s+(?:\w+\s+){0,3}\Z", re.IGNORECASE)


# round 8: the expletive may carry a noun of likelihood before the cue's clause ("insisted there is no way the
# president can stay", "told reporters there is little chance the talks resume"): still nobody else is named
_EXPLETIVE = re.compile(r"\W*(?:(?:on|last|this|late\s+on|early\s+on)\s+\w+,?\s+)?there\s+(?:is|was|are|were|(?:would|will|could|can|may|might|should|must) be|has been|had been)\s+"
                        r"(?:(?:no|little|a|every|some|any|a\s+real|a\s+good|a\s+slim|a\s+small)\s+"
                        r"(?:way|chance|chances|prospect|possibility|likelihood|question|hope)\s+(?:that\s+)?)?\Z",
                        re.IGNORECASE)


_AND_END = re.compile(r"\band\s*\Z")


# a second subject in reported content: a conjunction or relative that opens a clause of its own
_NEW_SUBJECT = re.compile(r"\b(?:that|which|who|because|after|before|while|when|since|if|unless|whether|as)\s+\w+", re.IGNORECASE)


_RELATIVE_BETWEEN = re.compile(r"\s*,\s*(?:which|who)\s+[^,;\"“”]{3,80},\s*", re.IGNORECASE)


_AND_ONLY = re.compile(r"\s*,?\s*and\s+", re.IGNORECASE)


# a verb a speaker does next ("... and urged", "... and called for", "... and vowed to"): a speech act of its own
_SPEAKER_VERB = re.compile(r"(?:urged|called|appealed|pledged|vowed|promised|demanded|pressed|asked|welcomed|praised|"
                           r"rejected|dismissed|offered|proposed)\b", re.IGNORECASE)


def _content_holder(text: str, frame: Speech, groups: list[Group], cue_start: int) -> Group | None:
    """Who holds a cue inside reported speech: the speaker, unless the content is about another actor.

    "Tehran said it hoped ...", "... there is reason for hope, the minister said" and "... that the president's
    going cannot be demanded first" are the speaker's; "An opposition leader said a foreign air campaign ... aimed
    to keep Assad in power" is his claim about another actor (so nobody's stance here); "Washington said
    American and Iranian envoys would hold talks" is held by both, the speaker's side among them.
    """
    content = text[frame.content_start:cue_start]
    if _AND_END.search(content) and _SPEAKER_VERB.match(text, cue_start):
        # "Washington said on Tuesday it backed the envoy's plan and called on ...": "it" stands for the speaker and
        # is the subject of both verbs, whoever is named in the object between them
        first = next((w for w in _WORD.finditer(content) if w.group().lower() not in _TIME_WORDS
                      and w.group().lower() != "that"), None)
        if first is not None and first.group().lower() in {"we", "it", "he", "she", "they"} \
                and not _NEW_SUBJECT.search(content, first.end()):
            return frame.speaker
    own = subject_of(text, groups, frame.content_start, cue_start)
    if own is not None:
        if set(frame.speaker.actors) & set(own.actors):
            return own
        # another actor as the direct subject of the cue's verb: the speaker reports what it did or said
        # ("the envoy said the government had agreed to a truce"); a claim about something else it is tied
        # to ("said a foreign bombing campaign aimed to keep Assad in office") is not its stance
        between = [w.lower() for w in _WORD.findall(text, own.end, cue_start)]
        if between[:1] and between[0] in _HEAD_NOUNS:
            between = between[1:]  # "the main opposition coalition agreed to attend": the name qualifies the subject
        if _OBLIGED.fullmatch(" ".join(between)):
            # "Moscow said the rebels must respect the truce": what another must do is the speaker's demand; what
            # another must not do ("said the president should not join the talks") is about that actor's place, the
            # speaker's position on the issue itself unsaid
            return None if "not" in between or "never" in between else frame.speaker
        if len(between) <= 3 and all(w in _REPORTED_VERB_PARTS for w in between):
            return own
        return None
    if _AND_END.search(content) and _SPEAKER_VERB.match(text, cue_start):
        # "the envoy said the talks would go on and urged all sides to keep the truce": a verb of the speaker's
        # own, in the tense of "said", coordinated with it
        return frame.speaker
    that = list(_THAT.finditer(content))
    tail = content[that[-1].end():] if that else content
    if not that:
        tail = tail[_LISTENER.match(tail).end():]  # "told reporters the group would attend": whom it was said to
    words = [w.lower() for w in _WORD.findall(tail)]
    if _PRONOUN_START.match(tail.lstrip(" ,:\"“")) or any(w in {"we", "i", "it", "he", "she", "they", "our", "its"} for w in words[-4:]):
        return frame.speaker
    # "said on Tuesday it supported the plan and called on ...": the pronoun after a time phrase
    # (or a possessive one: "said on Monday his government was ready to ...", no other actor named)
    first = next((w for w in words if w not in _TIME_WORDS and w != "that"), None)
    if first in {"we", "i", "it", "he", "she", "they", "our", "its", "his", "her", "their"}:
        return frame.speaker
    if _COLLECTIVE.match(tail):
        return frame.speaker  # "... said all sides must respect the truce", "said world powers had agreed to ...": the speaker's side
    if _EXPLETIVE.match(tail):
        return frame.speaker  # "... said there was no point in going to Geneva": nobody else is named
    if _DOCUMENT.match(tail):
        return frame.speaker  # "The minister said the accord would not require Assad's departure": the speaker's reading of a text
        # (also "said the wording meant Assad would have to step aside")
    body = _OWN_BODY.match(tail)
    if body is not None and set(frame.speaker.actors) & _OWN_BODY_ACTORS[body["noun"].lower()] \
            and not any(frame.content_start <= g.start < cue_start for g in groups):
        return frame.speaker  # "A spokesman for the committee said the group would attend": the body the speaker speaks for
    if len([w for w in words if w not in _DETERMINERS and w not in _TIME_WORDS]) <= 1:
        return frame.speaker
    topic = _TOPIC_OF.match(tail)
    if topic is not None:
        # "Moscow said the question of Assad's future could not be a precondition": the name in a possessive
        # right before the cue is the topic the cue is about, not someone who holds it; the speaker does
        named = [g for g in groups if frame.content_start <= g.start < cue_start]
        if len(named) == 1 and text.endswith(("'s", "’s"), named[0].start, named[0].end) \
                and not text[named[0].end:cue_start].strip() \
                and not text[frame.content_start + (len(content) - len(tail)) + topic.end():named[0].start].strip():
            return frame.speaker
    if _GENERAL_CLAIM.match(tail) and not any(frame.content_start <= g.start < cue_start for g in groups):
        # "Erdogan said a political solution was impossible with ...": a claim about the talks or the war
        # themselves, naming no actor before the cue, is the speaker's
        return frame.speaker
    if _OBLIGED_CLAIM.match(tail) and not any(frame.content_start <= g.start < cue_start for g in groups):
        # "Lavrov said any talks must lead to a transitional body": what must be, naming no actor, is the speaker's
        return frame.speaker
    return None


# whom something was told, right after "told" and before what was said ("told reporters", "told the BBC on
# Monday"): not the subject of the content (empty when nothing of the kind opens it)
_LISTENER = re.compile(r"\s*(?:(?:reporters|journalists|the press|the media|parliament|lawmakers|delegates|diplomats|"
                       r"the (?:[A-Z][\w.-]*\s+){0,2}(?:agency|newspaper|paper|channel|broadcaster|radio|television|BBC|CNN)|"
                       r"an? (?:[\w-]+\s+){0,2}(?:agency|newspaper|paper|channel|broadcaster|interview|audience|briefing|conference))"
                       r"(?:\s+(?:on|in|at)\s+[\w-]+)?\s*,?\s+)?")
