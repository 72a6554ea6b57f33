"""The sign of a stance and how the readings of one sentence are reconciled: negation that reaches a cue
(also through a purpose clause), conditions and failed attempts, the longer of two overlapping cues,
an act outweighing a mere naming, opposite readings merged into a mixed (0) one, and a softened
position."""
from __future__ import annotations

import datetime as dt
import re
from typing import Callable, NamedTuple

from peacetalks.extract.codebook import Codebook
from peacetalks.extract.words import folded_pattern
from peacetalks.extract.stance_words import _lists
from peacetalks.extract.stance_holders import Clause, Group

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


def _yield_weak(holdings: list[Holding]) -> list[Holding]:
    """Where an actor is only named in one cue ("the opposition delegation" at the talks: +1) and said to act
    in another of the same issue in the sentence ("stormed out of the meeting": -1), the act is the reading."""
    if len(holdings) < 2:
        return holdings  # (most sentences) nothing to compare
    return [h for h in holdings if not (h.weak and any(
        not o.weak and o.actor == h.actor and o.issue == h.issue and o.polarity != h.polarity for o in holdings))]


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


# what stands between a negated verb and a cue in its purpose clause: the verb (and an adverb), perhaps a
# place it goes to, and "to" ("will not travel to Vienna to give up office", "is not flying there to sign")
_PURPOSE_GAP = folded_pattern(r"\s+(?!only\b)\w+(?:\s+\w+ly)?(?:\s+(?:to|in|at|for)\s+\w+(?:\s+\w+)?|\s+there)?\s+to\s+\Z")


def _negated_purpose(folded: str, negators: re.Pattern[str], lo: int, start: int) -> re.Match[str] | None:
    """A negator of the verb whose purpose clause the cue at `start` opens: "the envoys will not fly to
    Vienna to give up office" does not back a handover."""
    found = None
    for found in negators.finditer(folded, lo, start):
        pass  # the last one before the cue
    if found is None or not (_PURPOSE_GAP.fullmatch(folded, found.end(), start)
                             or _JOINED_GAP.fullmatch(folded, found.end(), start)):
        return None
    return found


# what stands between a negator and a cue that is the object of the negated verb of joining or backing, with
# up to four words that qualify it ("declining to back the growing European demands for ...", "would not echo
# the demands for ..."); no punctuation, so the cue is still that verb's object
_JOINED_GAP = folded_pattern(r"\s+(?:join|joins|joined|joining|echo|echoes|echoed|echoing|back|backs|backed|backing|"
                             r"support|supports|supported|supporting|endorse|endorses|endorsed|endorsing|heed|heeds|"
                             r"heeded|heeding|share|shares|shared|sharing)(?:\s+[\w'’-]+){0,5}\s+\Z")


# a list that illustrates the noun before it: the cue is a member, in the scope of what governs that noun
# ("would not accept any preconditions, including demands for a transitional body")
_MEMBER_OF = folded_pattern(r",?\s+(?:including|such\s+as|notably|especially|in\s+particular|among\s+them)\s+"
                            r"(?:the\s+|any\s+|all\s+)?\Z")


def _negated_head(folded: str, negators: re.Pattern[str], lo: int, start: int, back: Callable[[int], int]
                  ) -> re.Match[str] | None:
    """A negator of the noun a cue illustrates ("would not accept any preconditions, including demands for a
    transitional body": the demands are refused too; so with "rejects all preconditions, such as ..."), or
    a verb of rejection whose object is the demand the cue opens with ("dismissed the European demands for Assad's
    exit"). `back(pos)` is the offset a few words before `pos`."""
    member = _MEMBER_OF.search(folded, max(lo, start - 40), start)
    if member is not None:
        return negators.search(folded, max(lo, back(member.start())), member.start()) \
            or _REJECTION.search(folded, max(lo, back(member.start())), member.start())
    if _DEMAND.match(folded, start):
        return _REJECTED_DEMAND.search(folded, max(lo, start - 60), start)
    return None


_REJECTION = folded_pattern(r"\b(?:reject|rejects|rejected|rejecting|dismiss|dismisses|dismissed|dismissing|oppose|"
                            r"opposes|opposed|opposing|resist|resists|resisted|resisting|refuse|refuses|refused|refusing|"
                            r"rebuff|rebuffs|rebuffed|rebuffing|spurn|spurns|spurned|spurning|snub|snubs|snubbed|"
                            r"snubbing|turn\s+down|turns\s+down|turned\s+down|turning\s+down)\b")


# a cue that opens with a demand: what is rejected is the demand ("calls for ...", "the demand that ...")
_DEMAND = folded_pattern(r"(?:demand|demands|call|calls|insistence|push|pressure|request|requests)\b")


# a verb of rejection and up to three words of the demand's noun phrase ("dismissed the growing European demands
# for"), no conjunction or punctuation between: the demand is its object
_REJECTED_DEMAND = folded_pattern(r"\b(?:reject|rejects|rejected|rejecting|dismiss|dismisses|dismissed|dismissing|"
                                  r"oppose|opposes|opposed|opposing|resist|resists|resisted|resisting|rebuff|rebuffs|"
                                  r"rebuffed|rebuffing)(?:\s+(?!and\b|but\b|or\b)[\w'’-]+){0,3}\s+\Z")


_TRUCE_BEFORE = folded_pattern(r"\b(?:cease-?fires?|truces?|hostilities|armistice)[\"”’']?\s+\Z")


# matched against the folded sentence
# ("only if ..." and "unless ..." state what the holder demands: they are not conditions that void the cue)
# ("even if/without ...": a concession, a hypothesis too)
_CONDITIONAL = folded_pattern(r"(?<!only )\b(?:if|whether|even without)\b")


_SUBORDINATOR = folded_pattern(r"(?:until|unless|before|till)\b")


_FAILURE = folded_pattern(r"fail(?:s|ed)? to\b")


# "failed on Friday to", "failed again to": a failure a few words before the cue's verb
_FAILED_BEFORE = folded_pattern(r"\bfail(?:s|ed|ing)?\s+(?:\S+\s+){0,3}?to\s+\Z")


_ATTEMPT = folded_pattern(r"(?:negotiat|reach|secur|broker|agree|find|achiev|arrang|conclud|forg|win)\w*\b")


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


# a cue that ends on a verb of joining, whose object may be another cue ("declining to join the demands for ...")
_JOIN_END = re.compile(r"\b(?:join|joins|joined|joining)\W*\Z", re.IGNORECASE)


def _joined_other(text: str, holdings: list[Holding]) -> list[Holding]:
    """Less the readings of a cue that ends on "join" when right after it (a few words, no punctuation) the same
    holder's cue of another issue follows: what is joined is that ("declining to join the European demands for
    Assad's departure" refuses the demands, not the talks)."""
    if len(holdings) < 2:
        return holdings

    def joined(h: Holding) -> bool:
        if not _JOIN_END.search(text, h.cue_start, h.cue_end):
            return False
        return any(o.actor == h.actor and o.issue != h.issue and 0 <= o.cue_start - h.cue_end <= 40
                   and not re.search(r"[,;:.()\"“”]", text[h.cue_end:o.cue_start]) for o in holdings)
    return [h for h in holdings if not joined(h)]


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
