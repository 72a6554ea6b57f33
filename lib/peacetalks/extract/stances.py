"""Stances: who held which position on the talks, with the quote that shows it.

A rule-based reader, sentence by sentence (peacetalks.sentences), with all its vocabulary in the
codebook (codebook.yaml). This module reads an article (which sentences, the subject and speaker a
sentence takes from the others, a sentence that refers back to the one before); its parts are
`stance_sentence` (one sentence: its clauses, cues, names and what is reconciled across it),
`stance_cue` (one cue's match: its holders, sign and time), `stance_holders` (who holds a stance),
`stance_speech` (quotations and reported speech), `stance_polarity` (negation, overlaps, mixed
positions), `stance_dates` (when) and `stance_words` (the word lists, closed word classes and the
named patterns of English the reader looks for):

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
     rejected it"), and after a demand for the demand ("demanded that Assad leave, but Russia rejected it");
     a sentence that welcomes "the decision/move" (or rejects "the proposal/plan", signs "the agreement") takes
     the issue of the position the sentence before reported, or, when that gave none, the issue the nearest of
     the six sentences before names as proposed (the nearest naming the same thing first: "plan" ... "the plan");
   - the authors of a text that is the subject hold what it says ("The plan, drafted by Russia, calls for ...");
     the subject of a relative clause on a cue's noun holds it ("the ceasefire, which Russia and Turkey
     brokered"); "a spokesman for X said" is X speaking; in reported speech, what another actor must do (or
     what must be, naming nobody) is the speaker's demand, and "the group", "the kingdom" stand for the
     speaker's own body; '"...," he said' after a person named by an actor's title is that person's; a
     paragraph that opens "He said" / "The envoy told" takes the subject of the paragraph before;
   - a verb of taking part with no object ("The United States stayed away.") is about the talks named in
     the three sentences before.
   Verbs of accusation ("accused each other of violating the truce") stop a cue from counting (but not in a
   later clause with a subject of its own: "he saw a chance after both sides agreed to attend");
   negation also reaches the object of a negated "join/back" and the illustrations of a negated or rejected
   noun ("would not accept any preconditions, including demands for ..."), and "neither ... nor";
   a verb of view right before a doubt is the viewer's own ("saw little hope for the talks");
   a yes/no question gives nothing; "whether" after indecision ("refused to say whether", "did not say
   whether") gives 0; taking part only on a condition not yet met ("only if ...", "provided that ...",
   "demanded ... before returning to talks") gives 0, "will not ... until" stays a refusal;
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

from peacetalks.extract.codebook import Codebook, Cue, CueSpots, load_codebook
from peacetalks.sentences import Sentence, paragraph_sentences, paragraphs
from peacetalks.extract.words import automaton, fold
from peacetalks.extract.stance_words import (
    _PERSON_SAID, _back_words, _FIRST_PERSON_SUBJECT, _lists, _Lists, NOBODY, _OBJECT_OF, _OBJECTLESS, _REFERS_BACK, REFERRED_DONE,
    REFERRED_NOUNS, REFERRED_PROPOSED, TAKING_PART_WORDS, _TALKS_NOUN, _WH_BEFORE, _WORD, _word_lists, _YES_NO_QUESTION,
)
from peacetalks.extract.stance_dates import date_stance, EARLIER_BASIS, find_time
from peacetalks.extract.stance_holders import (
    actor_mentions, carried_subject, Clause, Group, group_mentions, introduced_as, Introduced, subject_of,
)
from peacetalks.extract.stance_speech import _content_holder, _quotation_matches, _PRONOUN_SAID, speaker_of, speech_frames
from peacetalks.extract.stance_polarity import _CONDITIONAL, Holding
from peacetalks.extract.stance_sentence import _read

# what other modules import from here: the reader, and the dating of a stance (tables.review, tables.shifts)
__all__ = ["EARLIER_BASIS", "date_stance", "extract_stances", "find_time", "make_row", "names_syria"]


def names_syria(title: str | None, body: str, codebook: Codebook | None = None) -> bool:
    """Whether an article names Syria, its places, its people or its president anywhere (codebook.yaml's `syria`
    words, in the headline or the body). One that never does is not about the Syrian war: the talks and truces
    it reports (Cyprus, Western Sahara, ...) are another conflict's, whoever takes part in them, so the document
    pipeline reads no stance from it. A list of the other conflicts is not needed for that (it is needed, in
    `extract_stances`, for an article that names Syria in passing)."""
    lists = (codebook or load_codebook()).derived(_word_lists)
    return bool(lists.syria.search(fold(f"{title or ''}\n{body}")))


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
    # where the nouns that may refer back to an earlier stance stand ("the deal", "the plan"), in one pass
    # and where a verb of taking part stands, which may have no object ("The United States stayed away.")
    referring, taking_part = _word_starts(folded_body)
    sentences = _sentences(body, spots, referring, taking_part)
    # with no publication date, no dated speaker binds, except one the text itself gives the title of his actor
    bound: dt.date | Introduced | None = published if published is not None else Introduced(body, codebook)
    context = _Context(body, sentences, codebook, bound)
    rows: list[dict] = []
    seen: set[tuple] = set()
    last: tuple[int, list[Holding]] = (-2, [])  # the last sentence that gave stances, and those stances
    for index, sentence in enumerate(sentences):
        cues = spots.within(sentence.start, sentence.end)
        # right after a sentence that gave stances, in its paragraph or the one before, one that refers back to them
        follows = last[0] == index - 1 and sentences[index - 1].paragraph >= sentence.paragraph - 1
        # or one that refers back to what a sentence shortly before named, with no stance read there ("The envoy
        # proposed a nationwide truce. Ankara welcomed the plan.")
        refers = index > 0 and _refers_back(body, referring, sentence.start, sentence.end)
        objectless = index > 0 and _objectless_at(body, taking_part, sentence.start, sentence.end)
        if not cues and not follows and not refers and not objectless:
            continue
        text = body[sentence.start:sentence.end]
        voiced = functools.partial(context.voice, sentence)
        holdings = _read(text, codebook, published, functools.partial(context.previous, index),
                         voiced, cues, bound, functools.partial(context.introduced, sentence)) if cues else []
        referred: list[Holding] = []
        if follows and (not holdings or refers):
            # (a sentence with stances of its own may also take up what the one before reported: "The envoy
            # welcomed the deal and said he hoped talks would resume")
            referred = _referred_back(text, codebook, bound, last[1], None, voiced)
        if refers and not referred:
            named = _named_before(body, sentences, index, spots, lists)
            if named is not None:
                referred = _referred_back(text, codebook, bound, [], named, voiced)
        holdings = _also(holdings, referred)
        if objectless:
            holdings = _also(holdings, _objectless(text, body, sentences, index, codebook, published, voiced, bound,
                                                   lists, functools.partial(context.previous, index)))
        if not holdings:
            continue
        # (worked out for the sentences that give a stance, far fewer than those that are read)
        if elsewhere is None:
            elsewhere = codebook.derived(_OtherConflicts).offsets(folded_body)
            if elsewhere and _about_elsewhere(folded_body, len(elsewhere), lists):
                return []  # an article about another conflict: none of its talks or truces is the Syrian war's
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


def _also(holdings: list[Holding], referred: list[Holding]) -> list[Holding]:
    """`holdings` with the stances a sentence refers back to (see `_referred_back`) on an actor and issue it does not
    read there itself."""
    if not holdings:
        return referred
    read = {(h.actor, h.issue) for h in holdings}
    return holdings + [h for h in referred if (h.actor, h.issue) not in read]


def _word_starts(folded: str) -> tuple[list[int], list[int]]:
    """The offsets, in order, where the nouns that may refer back (`stance_words.REFERRED_NOUNS`, as whole words or plurals:
    "plans", not "planned"; "accord", not "according") and the words of taking part (`stance_words.TAKING_PART_WORDS`, at a word's
    start) stand in `folded`, found in one pass of an Aho-Corasick automaton."""
    nouns: list[int] = []
    verbs: list[int] = []
    for end, (length, noun) in _REFERRED_OR_TAKING.iter(folded):
        start = end - length + 1
        if start and folded[start - 1].isalpha():
            continue
        if noun:
            after = folded[end + 1:end + 3]
            if after[:1].isalpha() and not (after[:1] == "s" and not after[1:].isalpha()):
                continue
            nouns.append(start)
        else:
            verbs.append(start)
    nouns.sort()
    verbs.sort()
    return nouns, verbs


def _refers_back(body: str, referring: list[int], start: int, end: int) -> bool:
    """Whether the stretch [start, end) of `body` may refer back to what was proposed before it ("Ankara backed the
    plan"): one of the nouns of `_REFERS_BACK` stands in it (`referring`, their offsets, sorted; most stretches have
    none), and the pattern matches."""
    first = bisect.bisect_left(referring, start)
    while first < len(referring) and referring[first] < end:
        noun = referring[first]
        # (the pattern's verb stands a few words before the noun, what may not follow it a few words after)
        if _REFERS_BACK.search(body, max(start, noun - 60), min(end, noun + 40)) is not None:
            return True
        first += 1
    return False


# "take part in good faith": how one takes part, not in what
_IN_MANNER = re.compile(r" in (?:good faith|earnest|person|principle)\b", re.IGNORECASE)


_REFER_REACH = 6  # how many sentences (and paragraphs) back "the deal" may refer


def _objectless(text: str, body: str, sentences: list[Sentence], index: int, codebook: Codebook,
                published: dt.date | None, voiced: Callable[[], Group | None], bound: dt.date | Introduced | None,
                lists: _Lists, previous: Callable[..., Group | None]) -> list[Holding]:
    """The stances of a verb of taking part with no object ("The United States stayed away.", "..., who attended
    alongside ministers", "did not say whether it would attend") when one of the three sentences read before it
    (within three paragraphs) names talks: the sentence read with "the talks" as the verb's object, quoted as
    written. Only its readings on the talks at that verb are kept."""
    verb = _OBJECTLESS.search(text)
    if verb is None or _WH_BEFORE.search(text, 0, verb.start()) \
            or verb["verb"].lower().endswith("part") and text.startswith(" in ", verb.end()) \
            and not _IN_MANNER.match(text, verb.end()):
        return []  # "which groups should take part" asks; "took part in the fighting" has its object
    paragraph = sentences[index].paragraph
    if not any(before.paragraph >= paragraph - 3 and _TALKS_NOUN.search(fold(before.text))
               and not _elsewhere(fold(before.text), lists) for before in sentences[max(0, index - 3):index]):
        return []
    word = verb["verb"].lower()
    inserted = next(obj for stem, obj in _OBJECT_OF if word.startswith(stem))
    completed = text[:verb.end("verb")] + inserted + text[verb.end("verb"):]
    spots = codebook.cue_spots(completed)
    cues = spots.within(0, len(completed)) if spots else []
    if not cues:
        return []
    found = _read(completed, codebook, published, previous, voiced, cues, bound)
    lo, hi = verb.start("verb"), verb.end("verb") + len(inserted)
    return [h._replace(start=0, end=len(text), cue_start=verb.start("verb"), cue_end=verb.end("verb"))
            for h in found if h.issue == "negotiations" and h.cue_start < hi and lo < h.cue_end]


def _named_before(body: str, sentences: list[Sentence], index: int, spots: CueSpots, lists: _Lists) -> str | None:
    """The issue that "the deal", "the plan" in sentence `index` refers to, among the six sentences read before it
    (within six paragraphs: a news article's paragraphs are often one sentence each): the issue the nearest one
    that names the same thing ("plan" ... "the envoy's plan") names as proposed or taken up (see `_issue_named`),
    else the nearest that names one at all; None when that one names it as rejected, or none does."""
    sentence = sentences[index]
    paragraph = sentence.paragraph
    found = _REFERS_BACK.search(body, sentence.start, sentence.end)
    heads = _REFERRED_HEAD.findall(found.group().lower()) if found is not None else []
    noun = heads[-1] if heads else None
    agreed = found is not None and _AGREED_TEXT.search(found.group()) is not None
    nearest: str | None = None
    for before in sentences[max(0, index - _REFER_REACH):index][::-1]:
        if before.paragraph < paragraph - _REFER_REACH:
            break
        cues = spots.within(before.start, before.end)
        if not cues:
            continue
        text = body[before.start:before.end]
        # (a deal or a plan is never about Assad's own role: see `_AGREED_TEXT`)
        named = _issue_named(text, [c for c in cues if c.issue != "assad_role"] if agreed else cues, lists)
        if named is None:
            continue
        if noun is not None and noun in text.lower():
            return named or None  # the same thing named: what "the plan" stands for
        if nearest is None:
            nearest = named
    return nearest or None


# the verbs of keeping what was agreed, at the start of a match of _REFERS_BACK
_KEEPING = re.compile(r"(?:guarantee|implement|respect|uphold|upheld|honou?r|abid|compl)", re.IGNORECASE)


# the nouns of a text agreed or proposed, which may refer back to a deal on talks, a truce or a transition
_AGREED_TEXT = re.compile(r"\b(?:deal|agreement|accord|plan|proposal|initiative|roadmap|road\s+map|resolution|communiqu[eé])s?\b",
                          re.IGNORECASE)


# the head noun of what a sentence refers back to ("the envoy's proposals": "proposal"), to find it named before
_REFERRED_HEAD = re.compile("|".join(noun.replace(" ", r"\s+") for noun in REFERRED_DONE + REFERRED_PROPOSED))


def _issue_named(text: str, cues: list[Cue], lists: _Lists) -> str | None:
    """The issue a sentence names as something proposed or taken up: that of the first cue of +1 that matches in it
    ("The envoy proposed a nationwide truce on Monday": ceasefire); "" when a cue of another sign matches too (what
    was named was rejected or broken) or the sentence is about another conflict; None when no cue matches."""
    folded = fold(text)
    first: tuple[int, str] | None = None
    for cue in cues:
        found = cue.folded.search(folded)
        if found is None or (cue.needs_folded is not None and not cue.needs_folded.search(folded)):
            continue
        if cue.polarity != 1:
            return ""
        if first is None or found.start() < first[0]:
            first = (found.start(), cue.issue)
    if first is None:
        return None
    return "" if _elsewhere(folded, lists) else first[1]


def _referred_back(text: str, codebook: Codebook, bound: dt.date | Introduced | None,
                   before: list[Holding], named: str | None = None,
                   voiced: Callable[[], Group | None] | None = None) -> list[Holding]:
    """The stances of a sentence that welcomes (or rejects) what the sentence before it reported: "Damascus said it
    would attend the talks. Moscow welcomed the decision." gives Moscow the same position on the same issue; a
    rejection gives the opposite. Only a position taken (+1) is referred to, by its main cue (the first), or, when
    the sentence before gave no stance, the issue it `named` (see `_issue_named`: "The envoy proposed a truce.
    Ankara backs the plan."). Only an actor named as the subject of the verb of welcome holds it, or, for "we"
    or "I" inside a quotation, its speaker (`voiced`)."""
    found = _REFERS_BACK.search(text)
    if found is None or _YES_NO_QUESTION.match(text):
        return []
    taken = [h for h in before if h.polarity == 1 and h.actor != NOBODY]
    if _AGREED_TEXT.search(found.group()):
        # "the deal", "the plan": a text the parties agree on, about talks, a truce or a transition, never about Assad's
        # own role ("Lavrov said only Syrians can decide his fate. The Council endorsed the deal.": the truce's deal)
        taken = [h for h in taken if h.issue != "assad_role"]
    if _KEEPING.match(found.group()):
        # what one guarantees, implements, respects or abides by is a truce ("the rebels will respect the deal"
        # after a report on the talks is not about the talks)
        taken = [h for h in taken if h.issue == "ceasefire"]
        named = named if named == "ceasefire" else None
    if taken:
        issue = min(taken, key=lambda h: h.cue_start).issue  # (of two at one place, the first read: the cue's own issue)
    elif named is not None:
        issue = named
    else:
        return []
    folded = fold(text)
    if _lists(codebook, folded).negators.search(folded, _back_words(text, found.start(), 3), found.start()) \
            or _CONDITIONAL.search(folded, 0, found.start()):
        return []  # "did not welcome the move", "if Moscow welcomed the plan"
    groups = group_mentions(text, actor_mentions(text, codebook, folded, on=bound))
    subject = subject_of(text, groups, 0, found.start())
    if subject is not None and len(_WORD.findall(text, subject.end, found.start())) > 3:
        subject = None
    if subject is None:
        # reported speech: "the minister said Ankara backed the plan", '"We back the plan," the minister said'
        frame = next((f for f in speech_frames(text, folded, Clause(0, len(text)), groups, codebook)
                      if f.content_start <= found.start() and found.end() <= f.content_end), None)
        subject = _content_holder(text, frame, groups, found.start()) if frame is not None else None
    if subject is None and voiced is not None and _FIRST_PERSON_SUBJECT.match(text, 0, found.start()):
        subject = voiced()  # '"We fully back this plan," he said': the quotation's speaker (named elsewhere)
    if subject is None:
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


def _about_elsewhere(folded_body: str, named: int, lists: _Lists) -> bool:
    """Whether an article is about another conflict: it names other conflicts' places and peoples (`named` times)
    more than twice as often as Syria, its places and its war, the weighing casualty_subjects.is_about_syria
    makes of a toll. An article on Libya's talks that mentions Syria in passing is about Libya; one on Syria's
    talks that mentions Iraq twice is about Syria."""
    return named > 2 * len(lists.syria.findall(folded_body))


def _elsewhere(folded: str, lists: _Lists) -> bool:
    """Whether a sentence (folded) is about another conflict: it names one (Yemen, the Houthis, Ukraine,
    ...) and names neither Syria nor its war. Its talks and truces are not the Syrian war's, whoever takes part."""
    return bool(lists.other_conflicts.search(folded)) and not lists.syria.search(folded)


def _sentences(body: str, spots: CueSpots, referring: list[int], taking_part: list[int]) -> list[Sentence]:
    """The sentences of `body` (as `split_sentences` cuts them) in the paragraphs where some cue may
    match, or that may refer back to a stance before them ("The UN envoy welcomed the deal.", see `_refers_back`);
    the others can have no stance, nor pass a subject on to one (that stops at a paragraph's end)."""
    sentences = []
    before: tuple[int, int, str] | None = None  # the paragraph before, when it was not read
    for index, (start, end, text) in enumerate(paragraphs(body)):
        if spots.any_within(start, end) or sentences and (
                _refers_back(body, referring, start, end) or _objectless_at(body, taking_part, start, end)):
            if before is not None and index and _PERSON_SAID.match(text.lstrip()):
                # "He said ..." opening a paragraph takes its subject from the paragraph before ("Lavrov spoke in
                # Moscow on Monday. // He said the talks must resume."), which has no cue of its own
                sentences.extend(paragraph_sentences(before[2], before[0], index - 1))
            sentences.extend(paragraph_sentences(text, start, index))
            before = None
        else:
            before = (start, end, text)
    return sentences


def _objectless_at(body: str, taking_part: list[int], start: int, end: int) -> bool:
    """Whether [start, end) of `body` has a verb of taking part with no object (see `_objectless`): one of the
    words every match of the pattern holds stands there (`taking_part`, their offsets, sorted), then the pattern."""
    first = bisect.bisect_left(taking_part, start)
    return first < len(taking_part) and taking_part[first] < end and _OBJECTLESS.search(body, start, end) is not None


# both, in one automaton: each word with its length and whether it is a noun
_REFERRED_OR_TAKING = automaton({**{w: (len(w), False) for w in TAKING_PART_WORDS},
                                 **{w: (len(w), True) for w in REFERRED_NOUNS}})


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


def make_row(article_id: str, h: Holding, quote: str, published: dt.date | None) -> dict:
    """A stances-table row from a holding; dates follow the convention in the module docstring."""
    as_of, basis = date_stance(published, h.time, h.earlier)
    return {
        "article_id": article_id, "actor": h.actor, "issue": h.issue, "polarity": h.polarity,
        "quote": quote, "speaker": h.speaker, "as_of": as_of, "as_of_basis": basis,
        "coded_by": "machine", "note": None,
    }
