"""Stances: who held which position on the talks, with the quote that shows it.

A rule-based reader, sentence by sentence (peacetalks.extract.sentences), with all its vocabulary in the
codebook (codebook.yaml):

1. A sentence is cut into clauses at contrast words ("but", "while", ...) and after a leading
   subordinate phrase ("After initially dismissing ..., Moscow has ...").
2. In each clause every issue cue is matched. Its polarity is reversed by a negator just before
   it or inside it ("did not support a transitional body", "departure must not be a condition").
3. The holder is whoever takes the position, not whoever is mentioned:
   - the agents of a passive ("a truce brokered by Egypt and Qatar", "a deal between ..."),
   - else the grammatical subject: the actor named at the start of the clause or right before a verb,
   - in reported speech ("X said ..."), the speaker when the content has no subject of its own or
     refers back to the speaker ("Moscow said it wanted ..."); a speaker's claim about another
     actor ("Hassan said a foreign air campaign ... was meant to prop up Assad") is the speaker's
     claim, so it is not read as the other actor's stance;
   - a clause that starts with a pronoun ("but it later sent envoys") takes the previous subject;
   - a sentence inside a quotation that runs over several sentences is held by the actor its
     attribution names ('"... the dispute needs a negotiated settlement ..." the envoy added');
   - a relative clause is held by its antecedent ("armed groups who want him out"), and a
     qualifier is not a holder ("Saudi-backed rebels", "the regime's allies Russia and Iran").
   Verbs of accusation ("accused each other of violating the truce") stop a cue from counting;
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
import itertools
import operator
import re
from dataclasses import dataclass, field
from typing import Callable, NamedTuple

from dateutil.relativedelta import relativedelta

from peacetalks.extract.codebook import Codebook, Cue, CueSpots, Mention, load_codebook
from peacetalks.parse.dates import MONTHS
from peacetalks.parse.page import DATELINE
from peacetalks.extract.sentences import Sentence, paragraph_sentences, paragraphs
from peacetalks.extract.words import automaton, fold, folded_pattern

EARLIER_BASIS = "published; placed earlier, undated"

_WORD = re.compile(r"[\w'’.-]+")
# a pronoun, or a title standing for the person just named ("the foreign minister", "the envoy")
_PRONOUN_START = re.compile(
    r"^\W*(?:that\s+)?(?:he|she|it|they|we|i|the\s+(?:(?:top|chief|foreign|special|senior|deputy|peace|UN|U\.N\.)\s+){0,2}"
    r"(?:minister|envoy|mediator|diplomat|spokesman|spokeswoman|president|secretary|ambassador|official))\b", re.IGNORECASE)
# a plural noun standing for the list of actors just named ("the three countries", "the trio")
_PLURAL_START = re.compile(r"^\W*the\s+(?:two|three|four|five|\d)?\s*(?:countries|states|powers|nations|governments|"
                           r"trio|guarantors|guarantor\s+(?:states|countries|powers))\b", re.IGNORECASE)
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
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|Jun\.|July|Jul\.|"
          r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_TIME = re.compile(
    rf"(?P<md>\b(?P<m1>{_MONTH})\s*(?P<d1>\d{{1,2}})(?!\d)(?:,?\s+(?P<y1>(?:19|20)\d\d))?)"
    rf"|(?P<dm>\b(?P<d2>\d{{1,2}})\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?)"
    rf"|(?P<inm>\bin\s+(?P<m3>{_MONTH})(?:,?\s+(?P<y3>(?:19|20)\d\d))?\b)"
    r"|(?P<last>\blast\s+(?P<unit>month|year|week)\b)",
)
# every _TIME match has "last" or the first three letters of a month: a search for these, many times
# faster than _TIME's, tells most stretches have no time phrase
_TIME_TOKEN = re.compile(r"last|Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec")
_TIME_BLOCKERS = re.compile(r"\b(?:since|until|till|from|by|before|through|began|begun|started|erupted)\s*$", re.IGNORECASE)
_RELATIVE = re.compile(r"\b(?:that|which|who|where)\b", re.IGNORECASE)
# matched against the folded sentence (see `words.folded_pattern`); every match has "by" or "between"
_BY_AGENTS = folded_pattern(
    r"\b(?:\w+ed|held|put in place|set up|led|drawn up)\s+(?:(?:jointly|mainly|largely|chiefly)\s+)?by\b"
    r"|\b(?:deal|agreement|accord|agreed|brokered|signed|reached|struck)\b(?:\s+\S+){0,4}?\s+between\b",
)
_LEADING_SUBORDINATE = re.compile(
    r"^\W*(?:After|Before|Despite|While|Although|Though|Since|Following|Having|In|At|On|During|Instead|"
    r"Unlike|Like|Whereas|Even|As)\b[^,;]{3,200}?,\s*",
)


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


class Holding(NamedTuple):
    """One stance read from one sentence, before it becomes a row. (A named tuple: built several times
    faster than a frozen dataclass, with the same fields, equality and hash.)"""

    actor: str
    issue: str
    polarity: int
    start: int
    end: int
    speaker: str | None
    time: tuple[dt.date, str] | None
    earlier: str | None
    cue_start: int = 0
    cue_end: int = 0
    # held only by being named inside the cue ("the opposition delegation", "UN-brokered talks"): what an
    # actor is said to do in the same sentence ("walked out of the talks") outweighs it (see `_yield_weak`)
    weak: bool = False


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
    lists = codebook.derived(_WordLists).patterns
    elsewhere: list[int] | None = None  # worked out when the first sentence is read
    sentences = _sentences(body, spots)
    # with no publication date, no dated speaker binds, except one the text itself gives the title of his actor
    bound: dt.date | Introduced | None = published if published is not None else Introduced(body, codebook)
    context = _Context(body, sentences, codebook, bound)
    rows: list[dict] = []
    seen: set[tuple] = set()
    for index, sentence in enumerate(sentences):
        cues = spots.within(sentence.start, sentence.end)
        if not cues:
            continue
        text = body[sentence.start:sentence.end]
        if text.count(" | ") >= 2:
            continue  # a run of menu items or teaser headlines ("News | Video | ..."), not the article's prose
        holdings = _read(text, codebook, published, functools.partial(context.previous, index),
                         functools.partial(context.voice, sentence), cues, bound)
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
        for h in holdings:
            quote = text[h.start:h.end].strip().strip(",;:").strip()
            key = (h.actor, h.issue, h.polarity, quote)
            if not quote or key in seen:
                continue
            seen.add(key)
            rows.append(make_row(article_id, h, quote, published))
    return rows


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
        self._quoted: list[re.Match[str]] | None = None
        self._quote_starts: list[int] = []
        self._speakers: dict[int, Group | None] = {}  # by quotation start

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

    def previous(self, index: int) -> Group | None:
        """The subject sentence `index` takes from the sentences before it in its paragraph."""
        sentences, paragraph = self.sentences, self.sentences[index].paragraph
        first = index
        while first > 0 and sentences[first - 1].paragraph == paragraph and first - 1 not in self._carried:
            first -= 1
        carry = self._carried.get(first - 1) if first > 0 and sentences[first - 1].paragraph == paragraph else None
        for i in range(first, index):
            sentence = sentences[i]
            carry = self._carried[i] = carried_subject(self.body[sentence.start:sentence.end], self.codebook, carry,
                                                       self.published)
        return carry


def carried_subject(text: str, codebook: Codebook, previous: Group | None,
                    published: dt.date | Introduced | None = None) -> Group | None:
    """The subject a sentence hands on to the next one: its first clause subject, else the one it took."""
    mentions = actor_mentions(text, codebook, on=published)
    if not mentions:
        return previous
    clauses = split_clauses(text, fold(text), codebook)
    _groups, subjects, _inherited = _analyse(text, mentions, lambda: previous, clauses)
    return next((s for s in subjects if s is not None), previous)


def make_row(article_id: str, h: Holding, quote: str, published: dt.date | None) -> dict:
    """A stances-table row from a holding; dates follow the convention in the module docstring."""
    as_of, basis = date_stance(published, h.time, h.earlier)
    return {
        "article_id": article_id, "actor": h.actor, "issue": h.issue, "polarity": h.polarity,
        "quote": quote, "speaker": h.speaker, "as_of": as_of, "as_of_basis": basis,
        "coded_by": "machine", "note": None,
    }


def date_stance(published: dt.date | None, time: tuple[dt.date, str] | None,
                earlier: str | None) -> tuple[str | None, str]:
    """(as_of, as_of_basis) for a stance: a resolved date in the text, else the publication date."""
    if time is not None:
        return time[0].isoformat(), f'text: "{time[1]}"'
    if published is None:
        return None, "unknown"
    if earlier:
        return published.isoformat(), f'{EARLIER_BASIS}: "{earlier}"'
    return published.isoformat(), "published"


def resolve_time(match: re.Match[str], published: dt.date) -> dt.date | None:
    """The date a time phrase names, relative to the publication date; None when it is later than publication."""
    if match.group("last"):
        unit = match.group("unit").lower()
        if unit == "week":
            return published - dt.timedelta(days=7)
        if unit == "month":
            return (published.replace(day=1) - relativedelta(months=1))
        return dt.date(published.year - 1, 1, 1)
    month_text = match.group("m1") or match.group("m2") or match.group("m3")
    month = MONTHS[month_text.lower().rstrip(".")]
    year_text = match.group("y1") or match.group("y2") or match.group("y3")
    day_text = match.group("d1") or match.group("d2")
    day = int(day_text) if day_text else 1
    try:
        if year_text:
            date = dt.date(int(year_text), month, day)
        else:
            date = dt.date(published.year, month, day)
            if date > published:
                if day_text and (date - published).days <= 62:
                    return None  # a date just ahead: an announced event, not when the stance was taken
                date = dt.date(published.year - 1, month, day)
    except ValueError:
        return None
    return date if date <= published else None


def find_time(text: str, lo: int, hi: int, cue_end: int, published: dt.date | None) -> tuple[dt.date, str] | None:
    """The first resolvable time phrase between `lo` and `hi` that dates the cue (not one inside a later relative clause)."""
    if published is None or not _TIME_TOKEN.search(text, lo, hi):
        return None
    for match in _TIME.finditer(text, lo, hi):
        if _TIME_BLOCKERS.search(text[max(lo, match.start() - 12):match.start()]):
            continue
        if match.start() > cue_end and _RELATIVE.search(text, cue_end, match.start()):
            break
        date = resolve_time(match, published)
        if date is not None:
            return date, text[match.start():match.end()].strip().removeprefix("in ").strip()
    return None


def split_clauses(text: str, folded: str, codebook: Codebook) -> list[Clause]:
    """Clauses of a sentence (`folded`: `fold(text)`): cut at contrast words and semicolons, and after
    a leading subordinate phrase."""
    cuts = [0]
    lead = _LEADING_SUBORDINATE.match(text)
    lead_end = lead.end() if lead else 0
    if lead:
        cuts.append(lead_end)
    for match in _lists(codebook, folded).contrast.finditer(folded):
        if match.start() > lead_end + 3:
            cuts.append(match.start())
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


# the gap before the last member of a list named by a title and its actor: "and the special envoy of (the)"
_TITLED_MEMBER = re.compile(r",?\s*and\s+the\s+(?:[\w.-]+\s+){1,5}of\s+(?:the\s+)?")
_ELLIPSIS = re.compile(r"(?:…|\.\.\.)\s*(?=[\"“]?[A-Z])")
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


def group_mentions(text: str, mentions: list[Mention], cuts: tuple[int, ...] = ()) -> list[Group]:
    """Join mentions into noun phrases: same-actor titles ("Russian Foreign Minister Sergei Lavrov") and lists ("Russia, Iran and Turkey").

    A group never spans a clause cut (`cuts`, offsets where clauses begin).
    """
    groups: list[Group] = []
    for m in mentions:
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
    in their title ("Kremlin spokesman Dmitry Peskov", "UN special envoy Maria Lopez"), not as a
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
    return frozenset(bound)


NOBODY = ""  # the actor of a mention that speaks for no actor of the codebook (see `actor_mentions`)
_PHRASE_BREAK = re.compile(r"[,;:()\"“”.!?]|\b(?:and|or|with|to|for|by|that|who|which|said|says)\b")


def _foreign(text: str, folded: str, mention: Mention, foreign: re.Pattern[str]) -> bool:
    """Whether another country's name qualifies the mention within its noun phrase: up to four
    words before it, with no punctuation, conjunction or verb between ("Yemen's Houthi rebels")."""
    if foreign is _NOWHERE:
        return False
    lo = _back_words(text, mention.start, 4)
    breaks = list(_PHRASE_BREAK.finditer(folded, lo, mention.start))
    if breaks:
        lo = breaks[-1].end()
    return bool(foreign.search(folded, lo, mention.end))


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


def _is_object(text: str, group: Group, floor: int) -> bool:
    """True when a group follows a preposition or a verb that takes it as object ("talks with Lavrov").

    "with X observing the truce" is the exception: X is the agent of the -ing verb.
    """
    word = _preceding_word(text, group.start, floor)
    if word == "of" and _preceding_word(text, text.rfind("of", floor, group.start), floor) in _PARTITIVE:
        return False  # "some members of the opposition delegation walked out": the members speak for it
    if word == "with":
        following = [w.lower() for w in _WORD.findall(text[group.end:group.end + 60])[:3]]
        return not any(len(w) > 5 and w.endswith("ing") for w in following)
    return word in _PREPOSITIONS


def _followed_by_verb(text: str, group: Group) -> bool:
    """True when a verb follows the group, perhaps after two nouns ("Russian allies abandoned", "US officials said")."""
    words = [w.lower() for w in _WORD.findall(text[group.end:group.end + 60])[:3]]
    for word in words:
        if word in _AUXILIARIES or (len(word) > 4 and word.endswith("ed")) or (len(word) > 5 and word.endswith("ing")):
            return True
        if word in _PREPOSITIONS or word in _DETERMINERS or word in {"and", "or", "that", "which", "who"}:
            return False
    return False


def subject_of(text: str, groups: list[Group], lo: int, hi: int) -> Group | None:
    """The subject of the stretch [lo, hi): a group at its start, else the last one shortly before `hi` that a verb follows.

    The groups after the first that could be a subject are looked at only when that one is not at the start.
    """
    members = _MEMBERS_OF_SUBJECT.match(text, lo)
    if members is not None:  # "Several countries, including Russia and Iran, backed ...": the members named
        named = next((g for g in groups if g.start >= members.end()), None)
        if named is not None and named.start == members.end() and named.end <= hi \
                and re.match(r",|\s+(?:have|has|had|were|are|will|would|also)\b", text[named.end:]):
            return named
    candidates = (g for g in groups if lo <= g.start and g.end <= hi
                  and not text.startswith("-", g.end)  # "Saudi-backed rebels": a modifier, not a subject
                  and not (_POSSESSIVE.search(text, g.start, g.end) and len(_WORD.findall(text, g.end, hi)) <= 1)
                  and not _is_object(text, g, lo))
    first = next(candidates, None)
    if first is None:
        return None
    if len(_WORD.findall(text, lo, first.start)) <= 4:
        return first
    if not lo and text[:2].isupper():  # after a dateline ("GENEVA, May 2 (Agency) -"), the sentence starts anew
        dateline = DATELINE.match(text)
        if dateline and len(_WORD.findall(text, dateline.end(), first.start)) <= 4:
            return first
    near = [g for g in itertools.chain((first,), candidates)
            if len(_WORD.findall(text, g.end, hi)) <= 12 and _followed_by_verb(text, g)]
    return near[-1] if near else None


# a clause-initial noun phrase with the members it names in apposition ("Several states, including ", "Major
# powers such as ", "Western countries, among them ")
_MEMBERS_OF_SUBJECT = re.compile(r"\W*(?:[\w'’-]+\s+){0,3}[\w'’-]+s,?\s+(?:including|such\s+as|among\s+them|notably)\s+(?:the\s+)?",
                                 re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:'s|’s|s')$")
_NOMINAL = re.compile(
    r"^(?:'s|’s|s)?\s+(?:\w+\s+)?(?:decision|plan|move|efforts?|call|offer|proposal|push|refusal|bid|attempt|"
    r"initiative|insistence|demand|support|backing|readiness|willingness|agreement|invitation)\b", re.IGNORECASE)
# a relative pronoun, then up to four words of its verb phrase before the cue ("... that called for the");
# "that" followed by a subject of its own ("said that the US backs") is a conjunction, not a relative
_RELATIVE_BEFORE = re.compile(
    r"\b(?:who|which|that(?!\s+(?:the|a|an|it|he|she|they|we|i|its|their|his|her|this|these|those|there)\b)"
    r"(?!\s+[A-Z]))\s+(?:[\w'’-]+\s+){0,4}$")
_TIME_WORDS = {"on", "last", "this", "next", "week", "month", "year", "today", "yesterday", "monday", "tuesday",
               "wednesday", "thursday", "friday", "saturday", "sunday", "also", "still", "now"}


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
            continue  # a word of a name ("the League of Arab States"), not a verb
        if _preceding_word(text, verb.start(), clause.start) in _QUANTIFIERS or \
                _WORD.findall(text, max(clause.start, verb.start() - 12), verb.start())[-1:] in (["the"], ["The"]):
            continue  # a noun after a determiner or a quantifier ("several states", "the reports"), not a verb
        before = [g for g in in_clause if g.end <= verb.start() and verb.start() - g.end <= 45
                  and not _SPEAKER_BREAK.search(text, g.end, verb.start())
                  and not _is_object(text, g, clause.start)]
        after = [g for g in in_clause if g.start >= verb.end() and g.start - verb.end() <= 25]
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


def _quotation_matches(body: str) -> list[re.Match[str]]:
    """The matches of _QUOTATION in `body`; each opens with a quotation mark, so a body with none
    (most generated articles) is not scanned."""
    if '"' not in body and "“" not in body:
        return []
    return list(_QUOTATION.finditer(body))


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
    people = [m for m in actor_mentions(text, codebook, on=published) if m.speaker]
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


# an attribution by a pronoun right after a quotation: '"...," he said', '"...," she told reporters'
_PRONOUN_SAID = re.compile(r"[,.!?]?[\"”]?\s*(?:,\s*)?(?:(?:he|she)\s+(?:said|says|added|told|stressed|insisted|warned|"
                           r"argued|explained|noted|declared)|(?:said|added|told)\s+(?:he|she))\b", re.IGNORECASE)
_PERSON_REACH = 1500  # how far back (characters) the person a pronoun names is looked for
# somebody else introduced as a speaker between that person and the quotation ("Jamil said", "an aide told")
_OTHER_SPEAKER = re.compile(r"(?:\b[A-Z][\w'’-]+|\b(?:an?|the)\s+\w+)\s+(?:said|says|told|added|stressed|insisted|warned)\b"
                            r"|\b(?:said|says|told|added)\s+(?:an?|the)\s+\w+")


_THIRD_PERSON = re.compile(r"\b(?:he|she|it|they|the\s+(?:two|three|four|five)?\s*(?:countries|states|powers|nations|"
                           r"governments|trio|guarantors|guarantor states)|the\s+(?:\w+\s+)?(?:minister|envoy|mediator|diplomat|spokesman|"
                           r"spokeswoman|president|secretary|ambassador|official))\b", re.IGNORECASE)


def _read(text: str, codebook: Codebook, published: dt.date | None, previous: Callable[[], Group | None],
          voiced: Callable[[], Group | None], cues: list[Cue], bound: dt.date | Introduced | None = None
          ) -> list[Holding]:
    """The stances of one sentence, trying `cues`. `previous` gives the subject of the sentence before,
    `voiced` the speaker of the quotation it stands in; they are called only when needed. `bound` says which dated speakers count (see `actor_mentions`): by
    default, those in office on `published`."""
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
    if mentions:
        matches = _outside_names(text, matches, mentions)
        if not any(matches):
            return []
    voice = voiced()
    if not mentions and voice is None and not (_THIRD_PERSON.search(text) and previous()):
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
    holdings = _yield_weak(_longest_cues(holdings))
    holdings.extend(_flexibility(folded, clauses, subjects, holdings, codebook))
    return _merge_mixed(text, holdings)


def _outside_names(text: str, matches: list[list[tuple[Cue, re.Match[str]]]], mentions: list[Mention]
                   ) -> list[list[tuple[Cue, re.Match[str]]]]:
    """The cue matches less those that end inside a proper name (capitalised) of an actor that starts after
    them: in "Qatar supports the High Negotiations Committee", "Negotiations" is a word of the
    committee's name, not talks. (A common noun phrase stays a cue's: "a congress of opposition figures".)"""
    def inside_name(match: re.Match[str]) -> bool:
        start, end = match.span()
        return any(start < m.start < end < m.end and text[m.start].isupper() for m in mentions)
    return [[(cue, match) for cue, match in found if not inside_name(match)] for found in matches]


def _yield_weak(holdings: list[Holding]) -> list[Holding]:
    """Where an actor is only named in one cue ("the opposition delegation" at the talks: +1) and said to act
    in another of the same issue in the sentence ("stormed out of the meeting": -1), the act is the reading."""
    if len(holdings) < 2:
        return holdings  # (most sentences) nothing to compare
    return [h for h in holdings if not (h.weak and any(
        not o.weak and o.actor == h.actor and o.issue == h.issue and o.polarity != h.polarity for o in holdings))]


def _cue_matches(folded: str, clauses: list[Clause], cues: list[Cue]) -> list[list[tuple[Cue, re.Match[str]]]]:
    """For each clause, the matches of `cues` in it: by cue (in the order given), then left to right.
    They are found in the folded sentence (`folded`) by the cue patterns compiled for it (`Cue.folded`)."""
    patterns = [(cue, cue.folded) for cue in cues]
    return [[(cue, match) for cue, pattern in patterns for match in pattern.finditer(folded, clause.start, clause.end)]
            for clause in clauses]


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
            taken = subjects[-1] if subjects and subjects[-1] else previous()
        elif subject is None and _PLURAL_START.match(head):
            # "The three countries also agreed ...": the actors named together just before, if a list it was
            taken = subjects[-1] if subjects and subjects[-1] else previous()
            if taken is not None and len([a for a in taken.actors if a != NOBODY]) < 2:
                taken = None
        subjects.append(subject or taken)
        inherited.append(taken)
    for i, clause in enumerate(clauses):
        if clause.inherits_next and i + 1 < len(clauses) and subjects[i + 1] is not None:
            inherited[i] = subjects[i + 1]
    return groups, subjects, inherited


def _read_cue(text: str, folded: str, clause: Clause, match: re.Match[str], cue: Cue, codebook: Codebook,
              groups: list[Group], subject: Group | None, frames: list[Speech], published: dt.date | None,
              negators: re.Pattern[str], softeners: re.Pattern[str], earlier_words: re.Pattern[str],
              reservations: re.Pattern[str], voice: Group | None = None) -> list[Holding]:
    """The holdings one match of a cue gives. `voice` is the speaker of the quotation the sentence stands
    in: it holds the cue when what comes before the cue in the clause names nobody else (see `_content_holder`). `folded` is `fold(text)`, which the word-list patterns
    (see `Codebook.word_pattern`) are matched against."""
    start, end = match.start(), match.end()
    engages: list[str] = []  # who meets the opposition in a meeting cue: it engages it too
    holders: dict[str, str | None] = {}  # each actor holding the cue, with its speaker, in the order found

    def add(group: Group | None) -> None:
        if group is None:
            return
        for actor in group.actors:
            if actor not in holders:
                holders[actor] = group.speaker(actor)

    inside = [g for g in groups if start <= g.start and g.end <= end]
    frame = None
    if cue.agents == "inside":
        # each name inside the cue, also when a list it stands in starts before the cue ("Muallem and the
        # opposition delegate were due to speak": the delegate's is the opposition's)
        for g in groups:
            if g.start < end and start < g.end:
                add(Group([m for m in g.mentions if start <= m.start and m.end <= end]))
    else:
        frame = next((f for f in frames if f.content_start <= start and end <= f.content_end), None)
        head = frame.content_start if frame else clause.start
        if reservations.search(folded, head, start):
            return []
        others = [g for g in groups if g not in inside]
        relative = antecedent(text, others, clause.start, start)
        # "the meeting was boycotted by the coalition", "boycotted the talks hosted by Russia": the subject
        # is not who acts; the agents after "by" hold the cue
        passive = _passive_cue(folded, clause.start, start, end) or folded.endswith(" by", 0, end)
        if passive:
            pass
        elif relative is not None:
            add(relative)
        elif frame is not None:
            add(_content_holder(text, frame, others, start))
        else:
            own = subject_of(text, others, clause.start, start)
            add(own or agent_of_noun(text, others, clause.start, start) or subject
                or (voice and _content_holder(text, Speech(voice, clause.start, clause.end), others, start)))
        add(_added_holder(text, folded, groups, clause.start, start, clause.end))
        agents = _passive_agents(folded, max(start, end - 25), min(clause.end, end + 60))
        if agents and agents.start() > end and any(
                w.endswith(("ing", "ed")) or w.isdigit() for w in _WORD.findall(text[end:agents.start()])):
            agents = None  # "declared the ceasefire over citing violations committed by ...": another verb's agent
        elif agents and agents.start() > end and _CLAUSE_LINK.search(text, end, agents.start()):
            agents = None  # "... to cede power, and that the terms set by ...": another clause's agent
        if agents:
            following = [g for g in groups if g.start >= agents.end() and g.start - agents.end() <= 30]
            if following:
                add(following[0])
        if cue.agents == "both":
            met = set(holders)  # who holds it before its partners are added: the subject's side
            for g in inside:
                if not _is_object(text, g, start) or _preceding_word(text, g.start, start) in {"with", "meet", "met"}:
                    add(g)
            after = [g for g in groups if end <= g.start <= end + 40 and g.start < clause.end
                     and _preceding_word(text, g.start, end) not in _PREPOSITIONS - {"with", "from"}]
            if after:
                add(after[0])
            if _OPPOSITION in holders and _OPPOSITION not in met:
                engages = [a for a in met if a not in (NOBODY, _OPPOSITION)]  # who meets the opposition engages it
    frame_speaker = frame.speaker if cue.agents != "inside" and frame is not None else None
    engages = engages if cue.agents == "both" and frame is None and cue.polarity == 1 else []
    if frame_speaker is not None:
        holders = {a: s or frame_speaker.speaker(a) for a, s in holders.items()}
    issue = codebook.issues[cue.issue]
    held = [(a, s) for a, s in holders.items() if a != NOBODY and a not in issue.not_held_by]
    if not held:
        return []

    # (a word list the sentence has no word of is _NOWHERE: its window is not worked out)
    if cue.needs_folded is not None and not _needed_here(folded, cue.needs_folded, start, end):
        return []  # what the cue needs stands only in a relative clause about someone after it
    if cue.issue != "ceasefire" and _PARTICIPLE.match(folded, start) \
            and _TRUCE_BEFORE.search(folded, max(clause.start, start - 30), start):
        return []  # "the ceasefire mediated under the peace process": what was mediated is the truce (a ceasefire cue's)
    if _CONDITIONAL.search(folded, max(clause.start, _back_words(text, start, 6)), start):
        return []  # "if the rebels stay away", "whether to attend": a hypothesis or a question, not a position
    polarity = cue.polarity
    negated = None
    if cue.agents != "inside" and negators is not _NOWHERE:
        negated = negators.search(folded, max(clause.start, _back_words(text, start, 3)), end)
        if negated is None:
            negated = _negated_purpose(folded, negators, max(clause.start, _back_words(text, start, 9)), start)
    if negated and negated.start() < start and _SUBORDINATOR.match(folded, start):
        negated = None  # "will not sign until Assad goes": the negation is the main verb's, not the cue's
    if negated:
        if _FAILURE.match(folded, negated.start()) and _ATTEMPT.match(folded, start):
            return []  # "failed to negotiate a ceasefire": an attempt that did not succeed, not a refusal
        polarity = -polarity
    time = find_time(text, clause.start, min(clause.end, end + 60), end, published)
    earlier_match = earlier_words.search(folded, clause.start, end)
    earlier = text[earlier_match.start():earlier_match.end()] if earlier_match and time is None else None
    softened = None
    if softeners is not _NOWHERE:
        softened = softeners.search(folded, max(clause.start, _back_words(text, start, 6)), start)
    quote_start, quote_end = clause.start, clause.end
    result = []
    for actor, speaker in held:
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
    return result


_RELATIVE_AFTER = folded_pattern(r",\s*(?:who|which|whose)\b")


def _needed_here(folded: str, needs: re.Pattern[str], start: int, end: int) -> bool:
    """Whether the words a cue needs stand somewhere other than in a relative clause after it: in "to meet
    the king, who then discussed the war with ...", the conflict is what he discussed later,
    not what the meeting was about."""
    found = needs.search(folded)
    if found is None or found.start() < end:
        return True  # (a cue whose needs matched nowhere is not tried at all)
    relative = _RELATIVE_AFTER.search(folded, end)
    if relative is None:
        return True
    return bool(needs.search(folded, end, relative.start())) or needs.search(folded, 0, start) is not None


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


# what stands between a negated verb and a cue in its purpose clause: the verb (and an adverb), perhaps a
# place it goes to, and "to" ("will not go to Geneva to hand over power", "is not travelling there to sign")
_PURPOSE_GAP = folded_pattern(r"\s+(?!only\b)\w+(?:\s+\w+ly)?(?:\s+(?:to|in|at|for)\s+\w+(?:\s+\w+)?|\s+there)?\s+to\s+\Z")


def _negated_purpose(folded: str, negators: re.Pattern[str], lo: int, start: int) -> re.Match[str] | None:
    """A negator of the verb whose purpose clause the cue at `start` opens: "the delegation will not go to
    Geneva to hand over power" does not back a handover."""
    found = None
    for found in negators.finditer(folded, lo, start):
        pass  # the last one before the cue
    if found is None or not _PURPOSE_GAP.fullmatch(folded, found.end(), start):
        return None
    return found


_TRUCE_BEFORE = folded_pattern(r"\b(?:cease-?fires?|truces?|hostilities|armistice)[\"”’']?\s+\Z")
_PARTICIPLE = folded_pattern(r"\w+ed\b")
_CLAUSE_LINK = re.compile(r",|\b(?:and|but|that|which|who|while)\b", re.IGNORECASE)
# matched against the folded sentence
# ("only if ..." and "unless ..." state what the holder demands: they are not conditions that void the cue)
_CONDITIONAL = folded_pattern(r"(?<!only )\b(?:if|whether)\b")
_SUBORDINATOR = folded_pattern(r"(?:until|unless|before|till)\b")
_FAILURE = folded_pattern(r"fail(?:s|ed)? to\b")
_ATTEMPT = folded_pattern(r"(?:negotiat|reach|secur|broker|agree|find|achiev|arrang|conclud|forg|win)\w*\b")


def _passive_agents(folded: str, lo: int, hi: int) -> re.Match[str] | None:
    """The first "... by" / "... between" that introduces agents in the folded sentence's [lo, hi);
    looked for only when the stretch has "by" or "between", which every match has."""
    if folded.find("by", lo, hi) == -1 and folded.find("between", lo, hi) == -1:
        return None
    return _BY_AGENTS.search(folded, lo, hi)


def _longest_cues(holdings: list[Holding]) -> list[Holding]:
    """Where two cues of one issue overlap for one holder ("declared the ceasefire" in "declared the
    ceasefire over"), the longer cue is the reading; of two as long, the one that starts first, as its
    verb governs the other's words ("rejected the invitation" over "invitation to the talks")."""
    if len(holdings) < 2:
        return holdings  # (most sentences) nothing to compare

    def beaten(h: Holding) -> bool:
        return any(o.actor == h.actor and o.issue == h.issue and o.polarity != h.polarity and o.earlier == h.earlier
                   and o.cue_start < h.cue_end and h.cue_start < o.cue_end
                   and (o.cue_end - o.cue_start, h.cue_start) > (h.cue_end - h.cue_start, o.cue_start)
                   for o in holdings)
    return [h for h in holdings if not beaten(h)]


# what may stand between a reported subject and the verb of a cue: auxiliaries, "not" and a few adverbs
_REPORTED_VERB_PARTS = {"has", "have", "had", "will", "would", "was", "were", "is", "are", "did", "does", "do", "could",
                        "can", "may", "might", "should", "must", "not", "also", "already", "now", "finally", "formally",
                        "officially", "reportedly", "still", "been", "n't"}
# a text the parties draw up or sign, whose content a speaker reports as the speaker's own position
_DOCUMENT = re.compile(r"\W*(?:the|this|that|a|an|our|its|their|his|her)\s+(?:\w+\s+)?(?:agreement|plan|deal|document|"
                       r"proposal|draft|resolution|communiqu[eé]|roadmap|road map|declaration|accord|initiative)\b",
                       re.IGNORECASE)
_EXPLETIVE = re.compile(r"\W*there\s+(?:is|was|are|were|(?:would|will|could|can|may|might|should|must) be|has been|had been)\s+\Z",
                        re.IGNORECASE)


def _content_holder(text: str, frame: Speech, groups: list[Group], cue_start: int) -> Group | None:
    """Who holds a cue inside reported speech: the speaker, unless the content is about another actor.

    "Moscow said it wanted ...", "... we can be optimistic, Lavrov said" and "... that Assad's departure must
    not be a condition" are the speaker's; "Hassan said a foreign campaign ... was meant to prop up
    Assad" is Khoja's claim about Russia (so nobody's stance here); "The State Department said U.S. and
    Russian diplomats would meet" is held by both, the speaker's side among them.
    """
    own = subject_of(text, groups, frame.content_start, cue_start)
    if own is not None:
        if set(frame.speaker.actors) & set(own.actors):
            return own
        # another actor as the direct subject of the cue's verb: the speaker reports what it did or said
        # ("the envoy said the government had agreed to a truce"); a claim about something else it is tied
        # to ("said a Russian campaign of strikes was meant to prop up Assad") is not its stance
        between = _WORD.findall(text, own.end, cue_start)
        if len(between) <= 3 and all(w.lower() in _REPORTED_VERB_PARTS for w in between):
            return own
        return None
    content = text[frame.content_start:cue_start]
    that = list(_THAT.finditer(content))
    tail = content[that[-1].end():] if that else content
    words = [w.lower() for w in _WORD.findall(tail)]
    if _PRONOUN_START.match(tail.lstrip(" ,:\"“")) or any(w in {"we", "i", "it", "he", "she", "they", "our", "its"} for w in words[-4:]):
        return frame.speaker
    if _EXPLETIVE.match(tail):
        return frame.speaker  # "... said there was no point in going to Geneva": nobody else is named
    if _DOCUMENT.match(tail):
        return frame.speaker  # "The minister said the accord would not require Assad's departure": the speaker's reading of a text
    if len([w for w in words if w not in _DETERMINERS and w not in _TIME_WORDS]) <= 1:
        return frame.speaker
    return None


def _back_words(text: str, pos: int, n: int) -> int:
    """The offset `n` words (runs of non-space) before `pos`; 0 when there are fewer."""
    words = text[:pos].rsplit(None, n)  # the last n words, after the rest (if any) unsplit
    if len(words) < n:
        return 0
    start = pos
    for word in reversed(words[-n:]):
        start = text.rfind(word, 0, start)  # the word itself: only spaces follow it before `start`
    return start


def _flexibility(folded: str, clauses: list[Clause], subjects: list[Group | None], holdings: list[Holding],
                 codebook: Codebook) -> list[Holding]:
    """"After initially dismissing X, Moscow has shown flexibility": a mixed (0) position now, on the
    issue of the earlier one. `folded` is the sentence, folded."""
    pattern = _lists(codebook, folded).flexibility
    extra = []
    for clause, subject in zip(clauses, subjects):
        if subject is None or not pattern.search(folded, clause.start, clause.end):
            continue
        for h in holdings:
            if h.earlier and h.actor in subject.actors and h.polarity != 0 and \
                    not any(o.actor == h.actor and o.issue == h.issue and not o.earlier for o in holdings):
                extra.append(Holding(h.actor, h.issue, 0, clause.start, clause.end, subject.speaker(h.actor), None, None))
    return extra


def _merge_mixed(text: str, holdings: list[Holding]) -> list[Holding]:
    """One sentence that gives one actor opposite positions on one issue at one time is a mixed (0) position."""
    if len(holdings) < 2:
        return holdings  # (most sentences) nothing to merge
    merged: list[Holding] = []
    by_key: dict[tuple, list[Holding]] = {}
    for h in holdings:
        by_key.setdefault((h.actor, h.issue, h.time, h.earlier), []).append(h)
    for (actor, issue, time, earlier), group in by_key.items():
        polarities = {h.polarity for h in group}
        if len(polarities) > 1:
            first = group[0]
            merged.append(Holding(actor, issue, 0, 0, len(text), first.speaker or next((h.speaker for h in group if h.speaker), None),
                                  time, earlier))
        else:
            merged.extend(group)
    return merged
