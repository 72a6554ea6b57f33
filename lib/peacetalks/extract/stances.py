"""Stances: who held which position on the talks, with the quote that shows it.

A rule-based reader, sentence by sentence (peacetalks.sentences), with all its vocabulary in the
codebook (codebook.yaml). This module reads an article and each cue; its parts are in
`stance_holders` (who holds a stance), `stance_speech` (quotations and reported speech),
`stance_polarity` (negation, overlaps, mixed positions), `stance_dates` (when) and `stance_words`
(the word lists and closed word classes):

1. A sentence is cut into clauses at contrast words ("but", "while", ...) and after a leading
   subordinate phrase ("After initially dismissing ..., Moscow has ...").
2. In each clause every issue cue is matched. Its polarity is reversed by a negator just before
   it or inside it ("would not back an interim authority", "his exit cannot be a condition").
3. The holder is whoever takes the position, not whoever is mentioned:
   - the agents of a passive ("a truce brokered by Egypt and Qatar", "a deal between ..."),
   - else the grammatical subject: the actor named at the start of the clause or right before a verb,
   - in reported speech ("X said ..."), the speaker when the content has no subject of its own or
     refers back to the speaker ("Tehran said it hoped ..."); a speaker's claim about another
     actor ("An opposition leader said a foreign air campaign ... aimed to keep Assad in power") is the speaker's
     claim, so it is not read as the other actor's stance;
   - a clause that starts with a pronoun ("but it later sent envoys") takes the previous subject;
   - a sentence inside a quotation that runs over several sentences is held by the actor its
     attribution names ('"... the dispute needs a negotiated settlement ..." the envoy added');
   - a relative clause is held by its antecedent ("armed groups who want him out"), and a
     qualifier is not a holder ("Saudi-backed rebels", "the regime's allies Russia and Iran", "Russia,
     Assad's main ally, ...");
   - who urges holds what is urged, not who is urged ("called on the government to implement a ceasefire",
     "was urged by Ankara to ..."); the owner of a request or offer holds what it asks for, and rejecting it
     is the opposite ("turned down a Turkish request to open direct talks"); "..., as X has long demanded" is X's;
   - a participle after "while"/"but" has the main clause's subject ("while declining to back demands for ...");
     "it"/"they" before a cue's verb is the subject of an earlier verb of the clause; a subject may stand
     further back with a place phrase or a coordinated verb between; "the two men", "both", "its
     spokesman" take the subject of the sentence before; a person named by surname alone speaks for the
     actor the article introduced them with ("Saudi Foreign Minister Prince Khalid al-Amiri ... Amiri said");
   - a partner of "working with" shares a positive position; who meets or gathers the opposition ("talks
     with opposition figures", "a meeting of opposition groups") engages it;
   - an issue's noun as the subject of a passive is read in the active ("the truce was rejected by Damascus");
     "it" as the object of accept/reject stands for the issue of the clause before ("... but the rebels
     rejected it"); a sentence that welcomes "the decision/move" (or rejects "the proposal/plan") takes the
     issue of the position the sentence before reported.
   Verbs of accusation ("accused each other of violating the truce") stop a cue from counting (but not in a
   later clause with a subject of its own: "he saw a chance after both sides agreed to attend");
   negation also reaches the object of a negated "join/back" and the illustrations of a negated or rejected
   noun ("would not accept any preconditions, including demands for ..."), and "neither ... nor";
   a yes/no question gives nothing; "whether" after indecision ("refused to say whether") gives 0;
   where two cues overlap, the longer one is the reading ("declared the ceasefire over").
4. `as_of` is the publication date, unless the clause places the stance at a date that resolves
   against it (see `resolve_time`). A stance the article places earlier without a date
   ("initially") keeps the publication date and says so in `as_of_basis`.
5. A softened position ("has eased its demand for Assad's immediate removal") yields the
   earlier position and a mixed (0) one at publication; so does "after initially dismissing ...,
   Tehran has grown more flexible".

Dating convention: a month without a day resolves to the first day of that month; a month before
(or equal to) the publication month is in the publication year, a later one in the year before;
"last month" is the first day of the previous month, "last year" January 1 of the previous year,
"last week" seven days before publication. A day and month up to two months after publication is
an announced event ("talks expected on February 20"), not the stance's date, and is ignored; a
phrase after "since", "until", "by", ... is ignored too. `as_of_basis` reads "published",
'text: "in August"' (the phrase resolved), 'published; placed earlier, undated: "initially"', or
"unknown" when the publication date is unknown (then `as_of` is None).
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from typing import Callable

from peacetalks.extract.codebook import Codebook, Cue, CueSpots, load_codebook, Mention
from peacetalks.sentences import Sentence, paragraph_sentences, paragraphs
from peacetalks.extract.words import automaton, fold
from peacetalks.extract.stance_words import (
    _back_words, _is_past_verb, _lists, _Lists, NOBODY, _OPPOSITION, _PARTICIPLE, _preceding_word,
    _PREPOSITIONS, _WORD, _word_lists,
)
from peacetalks.extract.stance_dates import date_stance, EARLIER_BASIS, find_time
from peacetalks.extract.stance_holders import (
    actor_mentions, _added_holder, agent_of_noun, _followed_by_verb, group_mentions, introduced_as, SURNAME_SPEAKS, _analyse, antecedent, carried_subject, Clause,
    _BE_BEFORE, _CLAUSE_LINK, Group, Introduced, _is_object, _passive_agents, _passive_cue, split_clauses,
    subject_of,
)
from peacetalks.extract.stance_speech import (
    _content_holder, _PRONOUN_SAID, _quotation_matches, _REPORTED_VERB_PARTS, speaker_of, Speech, speech_frames,
    _THIRD_PERSON,
)
from peacetalks.extract.stance_polarity import (
    _ATTEMPT, _CONDITIONAL, _FAILED_BEFORE, _FAILURE, _flexibility, Holding, _joined_other, _longest_cues, _merge_mixed, _needed_here,
    _negated_head, _negated_purpose, _REJECTION, _SUBORDINATOR, _TRUCE_BEFORE, _yield_weak,
)

# what other modules import from here: the reader, and the dating of a stance (tables.review, tables.shifts)
__all__ = ["EARLIER_BASIS", "date_stance", "extract_stances", "find_time", "make_row"]


def extract_stances(article_id: str, body: str, published: dt.date | None,
                    *, codebook: Codebook | None = None) -> list[dict]:
    """Rows of the stances table (tables.STANCE_COLUMNS) for one article body, coded by the machine.

    Only the sentences where some cue may match are read (see `Codebook.cue_spots`): an article
    with none is not even cut into sentences, and the subject a sentence hands on to the next one
    ("He said ...") is worked out for the others only when a sentence that is read needs it.
    """
    codebook = codebook or load_codebook()
    spots = codebook.cue_spots(body)
    if not spots:
        return []
    folded_body = fold(body)
    # where the body names another conflict (most bodies do nowhere: then no sentence needs the check below)
    lists = codebook.derived(_word_lists)
    elsewhere: list[int] | None = None  # worked out when the first sentence is read
    sentences = _sentences(body, spots)
    # with no publication date, no dated speaker binds, except one the text itself gives the title of his actor
    bound: dt.date | Introduced | None = published if published is not None else Introduced(body, codebook)
    context = _Context(body, sentences, codebook, bound)
    rows: list[dict] = []
    seen: set[tuple] = set()
    last: tuple[int, list[Holding]] = (-2, [])  # the last sentence that gave stances, and those stances
    for index, sentence in enumerate(sentences):
        cues = spots.within(sentence.start, sentence.end)
        # right after a sentence that gave stances, in its paragraph, one that refers back to them
        follows = last[0] == index - 1 and sentences[index - 1].paragraph == sentence.paragraph
        if not cues and not follows:
            continue
        text = body[sentence.start:sentence.end]
        holdings = _read(text, codebook, published, functools.partial(context.previous, index),
                         functools.partial(context.voice, sentence), cues, bound,
                         functools.partial(context.introduced, sentence)) if cues else []
        if not holdings and follows:
            holdings = _referred_back(text, codebook, bound, last[1])
        if not holdings:
            continue
        # (worked out for the sentences that give a stance, far fewer than those that are read)
        if elsewhere is None:
            elsewhere = codebook.derived(_OtherConflicts).offsets(folded_body)
            if elsewhere and _elsewhere(folded_body, lists):
                return []  # an article that names another conflict and never Syria or its war is about that one
        if elsewhere and bisect.bisect_left(elsewhere, sentence.start) < bisect.bisect_left(elsewhere, sentence.end) \
                and _elsewhere(fold(text), lists):
            continue  # a sentence about another conflict
        last = (index, holdings)
        for h in holdings:
            quote = text[h.start:h.end].strip().strip(",;:").strip()
            key = (h.actor, h.issue, h.polarity, quote)
            if not quote or key in seen:
                continue
            seen.add(key)
            rows.append(make_row(article_id, h, quote, published))
    return rows


# a verb of welcome or rejection whose object refers back to what the sentence before reported ("Moscow welcomed
# the decision", "Damascus rejected the proposal"); group 1 is a rejection, group 2 a thing proposed
_REFERS_BACK = re.compile(
    r"\b(?:welcom(?:ed|es|e|ing)|prais(?:ed|es|e|ing)|hail(?:ed|s|ing)?|endors(?:ed|es|e|ing)|"
    r"(?:back|support|approv)(?:ed|s|ing)?|(?:accept)(?:ed|s|ing)?|(reject(?:ed|s|ing)?|dismiss(?:ed|es|ing)?))"
    r"\s+(?:the|this|that|its|their|his|her)\s+(?:[\w-]+\s+)?(?:decision|move|step|announcement|agreement|deal|accord|"
    r"(plan|initiative|proposal|offer|roadmap|road\s+map|invitation))\b(?!\s+(?:of|by|for|to|from|on)\b)", re.IGNORECASE)


def _referred_back(text: str, codebook: Codebook, bound: dt.date | Introduced | None,
                   before: list[Holding]) -> list[Holding]:
    """The stances of a sentence that welcomes (or rejects) what the sentence before it reported: "Damascus said it
    would attend the talks. Moscow welcomed the decision." gives Moscow the same position on the same issue; a
    rejection gives the opposite. Only a position taken (+1) is referred to, by its main cue (the first), and only
    an actor named as the subject of the verb of welcome holds it."""
    found = _REFERS_BACK.search(text)
    if found is None or _YES_NO_QUESTION.match(text):
        return []
    taken = [h for h in before if h.polarity == 1 and h.actor != NOBODY]
    if not taken:
        return []
    issue = min(taken, key=lambda h: h.cue_start).issue  # (of two at one place, the first read: the cue's own issue)
    folded = fold(text)
    if _lists(codebook, folded).negators.search(folded, _back_words(text, found.start(), 3), found.start()) \
            or _CONDITIONAL.search(folded, 0, found.start()):
        return []  # "did not welcome the move", "if Moscow welcomed the plan"
    groups = group_mentions(text, actor_mentions(text, codebook, folded, on=bound))
    subject = subject_of(text, groups, 0, found.start())
    if subject is None or len(_WORD.findall(text, subject.end, found.start())) > 3:
        return []
    polarity = -1 if found.group(1) else 1
    if polarity == -1 and found.group(2) is None:
        return []  # rejecting another's decision or move says nothing of one's own position; rejecting a proposal does
    holders = {h.actor for h in taken}
    return [Holding(actor, issue, polarity, 0, len(text), subject.speaker(actor), None, None, found.start(), found.end())
            for actor in subject.actors if actor != NOBODY and actor not in holders]


class _OtherConflicts:
    """Where a text may name another conflict: the offsets of the words of `other_conflicts` found (in
    lower case, as whole words) in one pass of an Aho-Corasick automaton, far cheaper than the pattern."""

    def __init__(self, codebook: Codebook):
        words = {w.lower(): len(w) for w in codebook.words["other_conflicts"]}
        self._automaton = automaton(words) if words else None

    def offsets(self, folded: str) -> list[int]:
        """The start offsets, in order, of the words of other conflicts in `folded` (a folded text)."""
        if self._automaton is None:
            return []
        found = []
        for end, length in self._automaton.iter(folded):
            start = end - length + 1
            if (not start or not folded[start - 1].isalnum()) and not folded[end + 1:end + 2].isalnum():
                found.append(start)
        found.sort()
        return found


def _elsewhere(folded: str, lists: _Lists) -> bool:
    """Whether a sentence (folded) is about another conflict: it names one (Yemen, the Houthis, Ukraine,
    ...) and names neither Syria nor its war. Its talks and truces are not the Syrian war's, whoever takes part."""
    return bool(lists.other_conflicts.search(folded)) and not lists.syria.search(folded)


def _sentences(body: str, spots: CueSpots) -> list[Sentence]:
    """The sentences of `body` (as `split_sentences` cuts them) in the paragraphs where some cue may
    match; the others can have no stance, nor pass a subject on to one (that stops at a paragraph's end)."""
    sentences = []
    for index, (start, end, text) in enumerate(paragraphs(body)):
        if spots.any_within(start, end):
            sentences.extend(paragraph_sentences(text, start, index))
    return sentences


class _Context:
    """What a sentence takes from the rest of its article, worked out only when asked: the subject
    the sentence before it in its paragraph hands on ("He said ..."), and the speaker of a quotation
    it stands in."""

    def __init__(self, body: str, sentences: list[Sentence], codebook: Codebook,
                 published: dt.date | Introduced | None = None) -> None:
        self.body, self.sentences, self.codebook, self.published = body, sentences, codebook, published
        self._carried: dict[int, Group | None] = {}
        self._across: dict[int, Group | None] = {}  # the subject a paragraph's first sentence takes across its start
        self._quoted: list[re.Match[str]] | None = None
        self._quote_starts: list[int] = []
        self._speakers: dict[int, Group | None] = {}  # by quotation start
        self._introduced: dict[tuple[str, int], str | None] = {}  # by surname and place

    def voice(self, sentence: Sentence) -> Group | None:
        """The speaker of the first attributed quotation (see `quotations`) the sentence stands in;
        only the attributions of the quotations around it are read."""
        if self._quoted is None:
            self._quoted = _quotation_matches(self.body)
            self._quote_starts = [q.start(1) for q in self._quoted]
        # the quotations do not overlap (one scan finds them), so only the last one that opens at or
        # before the sentence can hold it: found by bisection, not by a scan of all (linear in all)
        # (a sentence that opens with the quotation mark stands in the quotation too)
        index = bisect.bisect_right(self._quote_starts, sentence.start + 1) - 1
        if index < 0:
            return None
        quotation = self._quoted[index]
        inside = sentence.end <= quotation.end(1) + 2
        if inside or sentence.start < quotation.end() <= sentence.end and _PRONOUN_SAID.match(self.body, quotation.end()):
            if quotation.start() not in self._speakers:
                self._speakers[quotation.start()] = speaker_of(self.body, quotation, self.codebook, self.published)
            return self._speakers[quotation.start()]
        return None

    def introduced(self, sentence: Sentence, name: str, pos: int) -> str | None:
        """The actor a person named by surname alone at `pos` of the sentence speaks for, as the article
        introduced them before (see `introduced_as`)."""
        key = (name, sentence.start + pos)
        if key not in self._introduced:
            self._introduced[key] = introduced_as(self.body, sentence.start + pos, name, self.codebook, self.published)
        return self._introduced[key]

    def previous(self, index: int, across: bool = False) -> Group | None:
        """The subject sentence `index` takes from the sentences before it in its paragraph; with `across`, a
        paragraph's first sentence takes the subject of the last sentence of the paragraph right before it."""
        sentences, paragraph = self.sentences, self.sentences[index].paragraph
        if across and index > 0 and sentences[index - 1].paragraph == paragraph - 1:
            if index not in self._across:
                before = sentences[index - 1]
                self._across[index] = carried_subject(self.body[before.start:before.end], self.codebook,
                                                      self.previous(index - 1), self.published)
            return self._across[index]
        first = index
        while first > 0 and sentences[first - 1].paragraph == paragraph and first - 1 not in self._carried:
            first -= 1
        carry = self._carried.get(first - 1) if first > 0 and sentences[first - 1].paragraph == paragraph else None
        for i in range(first, index):
            sentence = sentences[i]
            carry = self._carried[i] = carried_subject(self.body[sentence.start:sentence.end], self.codebook, carry,
                                                       self.published)
        return carry


_GOVERNMENT = "syrian_government"


# a speech verb, often a participle, and the conjunction that opens what was said ('..., adding that ')
_SAID_THAT = re.compile(r"\b(?:said|says|adding|added|saying|stressing|stressed|noting|noted|insisting|insisted|"
                        r"warning|warned|arguing|argued)\s*,?\s+that\s+", re.IGNORECASE)


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


# a subordinate clause with a subject of its own after a verb of accusation or view ("he saw hope for the talks
# after both sides agreed to attend"): the verb's reservation does not reach into it (matched in the folded sentence)
_NEW_CLAUSE = re.compile(r"\b(?:after|when|because|since|once|as\s+soon\s+as)\s+(?!(?:\w+ing)\b)")


# "as X is demanding", "as X have long called for", "just as X wants" right after a cue, to the end of its clause
_AS_DEMANDED_BEFORE = re.compile(r"\s*,?\s*(?:just\s+)?as\s+(?:the\s+)?\Z", re.IGNORECASE)
_AS_DEMANDED_AFTER = re.compile(
    r"(?:\s+and\s+(?:[\w-]+\s+){0,4}[\w-]+)?\s+(?:(?:is|are|was|were|has|have|had|also|long|"
    r"repeatedly|been)\s+){0,3}(?:demand|demands|demanded|demanding|want|wants|wanted|insist|insists|insisted|insisting|"
    r"call\s+for|calls\s+for|called\s+for|calling\s+for|urge|urges|urged|urging|seek|seeks|sought|seeking|propose|proposes|"
    r"proposed)\s*(?:[.;,!]|\Z)", re.IGNORECASE)


def _as_demanded(text: str, groups: list[Group], end: int, hi: int) -> Group | None:
    """The actors that a clause ending "..., as X is demanding" names as holding the cue that ends at `end`."""
    if text.find("as", end, min(hi, end + 12)) == -1:
        return None  # (most cues)
    for g in groups:
        if end < g.start <= min(hi, end + 16) and _AS_DEMANDED_BEFORE.search(text, end, g.start) \
                and _AS_DEMANDED_AFTER.match(text, g.end, hi):
            return g
    return None


# a pronoun subject right before a cue's verb, with its auxiliaries ("... and repeated it would never negotiate")
_PRONOUN_BEFORE = re.compile(r"\b(?:it|they)\s+(?:(?:would|will|could|can|should|must|had|has|have|did|does|do|was|"
                             r"were|is|are|not|never|also|still|firmly|now)\s+){0,3}\Z", re.IGNORECASE)


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


# a relative clause opened after the last comma before a name: the name is inside it ("The Kremlin, which backs Assad,")
_IN_RELATIVE = re.compile(r"\b(?:which|who|whose|whom)\b", re.IGNORECASE)


# a verb of working together right before a partner ("working with", "cooperate closely with", "together with")
_COOPERATES = re.compile(r"\b(?:work|works|worked|working|cooperat\w*|co-operat\w*|coordinat\w*|co-ordinat\w*|partner\w*|"
                         r"together|jointly)(?:\s+\w+ly)?\s+with\s+(?:the\s+)?\Z", re.IGNORECASE)


_OFFER_BEFORE = re.compile(r"\b(?:ready|willing|prepared|eager|keen|offer\w*|want\w*|wish\w*|hop\w*|seek\w*|sought|"
                           r"propos\w*|invit\w*|ask\w*|urg\w*)\s+(?:\w+\s+)?to\s+\Z", re.IGNORECASE)


_PARTNER_GAP = {"to", "on", "in", "over", "for", "the", "a", "an"}  # between a partner and the cue ("with Russia to keep")


_ACCORDING_TO = re.compile(r"\W*according\s+to\s+", re.IGNORECASE)


# a frame of indecision right before "whether" (matched in the folded clause): the holder has not decided
_UNDECIDED = re.compile(
    r"(?:(?:refus|declin)\w*\s+to\s+(?:be\s+drawn|say|comment|speculate|commit\s+(?:itself|himself|herself|themselves))|"
    r"(?:yet|not|still)\s+(?:\w+\s+){0,2}?(?:decided|decide|sure|clear)|to\s+decide|deciding|undecided|unsure|"
    r"uncertain|debating|weighing|considering|mulling|pondering)\s+(?:on\s+|about\s+|over\s+)?\Z")


# a subject that names its members with "neither ... nor" (matched in the folded clause before the cue)
_NEITHER_NOR = re.compile(r"\bneither\b[^,;]{1,80}?\bnor\b")


# a request or proposal right before the cue it asks for ("a Turkish request to", "Moscow's offer to", "the Saudi
# call for"); group "noun" is its noun (matched in the folded sentence)
_REQUEST_NOUN = (r"(?:request|requests|proposal|proposals|offer|offers|invitation|invitations|bid|suggestion|suggestions|"
                 r"initiative)")
_REQUEST_BEFORE = re.compile(rf"\b(?:a|an|the)?\s*(?:[\w.'’-]+\s+){{0,3}}?(?P<noun>{_REQUEST_NOUN})\s+(?:to|for)\s+\Z")


# a cue that itself opens with the noun of a request or offer ("offer to broker a truce")
_REQUEST_AT = re.compile(rf"{_REQUEST_NOUN}\s+(?:to|for)\b")


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


# a verb of urging and whom it urges, right before the cue ("called on the government to", "urged both sides
# not to"): what follows is the urger's position, not the addressee's (matched in the folded sentence)
_URGED = re.compile(r"\b(?:call(?:s|ed|ing)?\s+(?:on|upon)|urg(?:e|es|ed|ing)|press(?:es|ed|ing)?|ask(?:s|ed|ing)?|"
                    r"encourag(?:e|es|ed|ing)|appeal(?:s|ed|ing)?\s+to|demand(?:s|ed|ing)?\s+that|exhort(?:s|ed|ing)?)"
                    r"\s+(?:[\w'’.-]+\s+){1,8}?(?:to\s+|not\s+to\s+|should\s+(?:not\s+)?)\Z")


_URGED_BY = re.compile(r"(?:urged|called\s+(?:on|upon)|pressed|asked|encouraged|exhorted)\b")


def make_row(article_id: str, h: Holding, quote: str, published: dt.date | None) -> dict:
    """A stances-table row from a holding; dates follow the convention in the module docstring."""
    as_of, basis = date_stance(published, h.time, h.earlier)
    return {
        "article_id": article_id, "actor": h.actor, "issue": h.issue, "polarity": h.polarity,
        "quote": quote, "speaker": h.speaker, "as_of": as_of, "as_of_basis": basis,
        "coded_by": "machine", "note": None,
    }


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
    return _merge_mixed(text, holdings)


# a question that asks whether (it opens with an auxiliary and ends with a question mark)
_YES_NO_QUESTION = re.compile(r"\W*(?:will|would|can|could|should|shall|does|do|did|is|are|was|were|has|have|had|may|might)"
                              r"(?:n't|n’t|\s+not)?\s[^?]*\?[\"”’']?\s*\Z", re.IGNORECASE)


# a verb of acceptance or rejection with "it" as its object, standing for the issue of the clause before
# ("Damascus agreed to the truce but the rebels rejected it"); group 1 is a rejection
_PRONOUN_OBJECT = re.compile(
    r"\b(?:(?:accept|back|support|welcom|endors)(?:ed|es|s|e|ing)?|(reject|oppos|dismiss|denounc)(?:ed|es|s|e|ing)?)"
    r"\s+(?:it|them)\b(?!\s+(?:was|is|were|would|will|had|has|could|can|should|must)\b)", re.IGNORECASE)


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
        issue = max(earlier, key=lambda h: h.cue_start).issue  # the last cue before: what "it" stands for
        found.extend(Holding(actor, issue, polarity, clause.start, clause.end, subject.speaker(actor), None, None,
                             verb.start(), verb.end()) for actor in subject.actors if actor != NOBODY)
    return found


# an issue's noun as the subject of a passive with its agent ("the truce was rejected by Damascus", "the talks were
# attended by Russia, Turkey and Iran"), up to the end of the clause
_PASSIVE_ISSUE = re.compile(
    r"\b(?P<det>the|a|an|this|that|its|their|any)\s+(?P<noun>(?:[\w-]+\s+){0,2}?(?:truce|truces|ceasefire|ceasefires|"
    r"cease-fire|cease-fires|talks|negotiations|plan|proposal|deal|agreement|conference|invitation|initiative|"
    r"transitional\s+(?:government|governing\s+body|body))(?:\s+(?:in|at|on|for|with|between|over|of)\s+(?:[\w'’-]+\s+){0,3}?"
    r"[\w'’-]+)?)\s+(?:was|were|has\s+been|have\s+been|had\s+been|is|are|"
    r"is\s+being|was\s+being|will\s+be|would\s+be)\s+(?:\w+ly\s+)?(?P<verb>[a-z]{3,}ed)\s+by\s+"
    r"(?P<agent>[^.;:!?\"“”()]+?)(?=\s*(?:[.;:!?\"”]|,\s+(?:which|who|after|when|as|but|while|saying|amid)\b|\Z))",
    re.IGNORECASE)


_AGENT_END = re.compile(r",\s+(?=(?!and\b|or\b|the\s+[A-Z])[a-z])")


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
        if reserved is not None:
            # unless a subordinate clause with a subject named in it stands between ("... after both sides agreed to")
            opened = _NEW_CLAUSE.search(folded, reserved.end(), start)
            if opened is None or "," in folded[opened.end():start] \
                    or not any(opened.end() <= g.start and g.end <= start for g in groups):
                return []
        others = [g for g in groups if g not in inside]
        relative = antecedent(text, others, clause.start, start)
        # "the meeting was boycotted by the coalition", "boycotted the talks hosted by Russia": the subject
        # is not who acts; the agents after "by" hold the cue
        passive = _passive_cue(folded, clause.start, start, end) or folded.endswith(" by", 0, end)
        # "called on the government to implement a ceasefire": the one who calls holds it, not who is called on
        urged = _URGED.search(folded, head, start)
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
        if passive:
            pass
        elif urger is not None:
            add(urger)
        elif relative is not None and relative.end <= before:
            add(relative)
        elif frame is not None:
            add(_content_holder(text, frame, others, before))
        else:
            own = _said_that_subject(text, others, clause.start, before) or _pronoun_subject(text, others, clause.start, before) \
                or subject_of(text, others, clause.start, before)
            add(own or agent_of_noun(text, others, clause.start, start) or subject
                or (voice and _content_holder(text, Speech(voice, clause.start, clause.end), others, start)))
        add(_added_holder(text, folded, groups, clause.start, start, clause.end))
        if not holders and clause.start and _ACCORDING_TO.match(text):
            # "According to Lavrov, the talks will resume in May": with no subject of its own, the source's claim
            add(next((g for g in groups if g.end <= clause.start), None))
        agents = _passive_agents(folded, max(start, end - 25), min(clause.end, end + 60))
        if agents and agents.start() > end and any(
                w.endswith(("ing", "ed")) or w.isdigit() for w in _WORD.findall(text[end:agents.start()])):
            agents = None  # "declared the ceasefire over citing violations committed by ...": another verb's agent
        elif agents and agents.start() > end and _CLAUSE_LINK.search(text, end, agents.start()):
            agents = None  # "... to cede power, and that the terms set by ...": another clause's agent
        if agents and "guarantor" in folded[start:end]:
            agents = None  # "guarantors of a deal between X and Y": the guarantors are a third party, not X and Y
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
            for g in inside:
                partner = _preceding_word(text, g.start, start) in {"with", "meet", "met"}
                if offered and partner and _OPPOSITION not in g.actors:
                    continue
                if not _is_object(text, g, start) or partner:
                    add(g)
            after = [g for g in groups if end <= g.start <= end + 40 and g.start < clause.end
                     and _preceding_word(text, g.start, end) not in _PREPOSITIONS - {"with", "from"}]
            if after:
                add(after[0])
            if _OPPOSITION in holders and _OPPOSITION not in met:
                engages = [a for a in met if a not in (NOBODY, _OPPOSITION)]  # who meets the opposition engages it
    if cue.issue == "assad_role" and frame is not None and _GOVERNMENT in holders \
            and _GOVERNMENT not in frame.speaker.actors:
        # "the US insists that Assad cannot be part of the future": Assad is what the speaker speaks of, not
        # who holds the position (he holds one on his role only when he or his government speaks)
        del holders[_GOVERNMENT]
        add(frame.speaker)
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
    if cue.agents != "inside":
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
    if negated:
        if _FAILURE.match(folded, negated.start()) and _ATTEMPT.match(folded, start):
            return []  # "failed to negotiate a ceasefire": an attempt that did not succeed, not a refusal
        polarity = -polarity
    if undecided:
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
                held.extend((a, g.speaker(a)) for a in g.actors
                            if a != NOBODY and a not in issue.not_held_by and a not in dict(held))
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
