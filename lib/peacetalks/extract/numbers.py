"""Numbers as news articles write them: digits, scale words, number words, fractions, vague plurals, hedges and ranges.

`find_quantities` finds every such phrase in a text with its hedge, as a `Quantity`
(value, value_high, qualifier and the span it covers); `parse_number` reads one bare
number phrase. Number words go through text2num; what it lacks (fractions of a scale
word, "a hundred", "two dozen", vague plurals, digits glued to words, hedges, ranges)
is written here.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import NamedTuple

from text_to_num import text2num

from peacetalks.extract.words import fold, folded_pattern, letter_runs

# Vague plurals count as the least they can mean (qualifier at_least), as the analysis fixes them.
VAGUE = {
    "tens": 20, "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2_000_000,
    "tens of thousands": 20_000, "hundreds of thousands": 200_000,
    "tens of millions": 20_000_000, "hundreds of millions": 200_000_000,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
FRACTIONS = {"quarter": 0.25, "third": 1 / 3, "half": 0.5, "three quarters": 0.75, "two thirds": 2 / 3}

# Hedges before the number, longest first; the qualifier each one gives.
HEDGES_BEFORE = {
    "approx": ["an estimated", "estimated", "approximately", "roughly", "around", "about", "some", "nearly",
               "almost", "close to", "just under", "more or less", "an approximate", "circa"],
    "at_least": ["more than", "well over", "just over", "over", "at least", "upwards of", "in excess of",
                 "no fewer than", "no less than", "not less than", "a minimum of", "well above", "above"],
    "at_most": ["up to", "as many as", "as high as", "fewer than", "less than", "at most", "no more than", "not more than",
                "a maximum of", "under"],
}
HEDGES_AFTER = {"at_least": ["or more", "plus", "-plus", "+"], "approx": ["or so"]}

_UNITS = ("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
          "sixteen seventeen eighteen nineteen").split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_WORD = r"(?:%s)" % "|".join(sorted(_TENS + _UNITS + list(SCALES), key=len, reverse=True))
# A run of number words: "two hundred thousand", "twenty-five", "one hundred and five".
_WORD_RUN = rf"{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD})*"
# A plain number in digits or words, for other modules' patterns ("aged 7", "between 9 and 14 years old").
SIMPLE_NUMBER = rf"(?:\d+|\b{_WORD_RUN}\b)"
# Digits: 200,000 / 200 000 (thin, no-break or plain space) / 2.5 / 230000; never inside a word or a date like 9/11.
_DIGITS = (r"(?<![\w.,/])\d{1,3}(?:(?:,|[ \u00a0\u202f\u2009](?=\d{3}(?!\d)))\d{3})+(?![\d,]\d)(?!/\d)"
           r"|(?<![\w.,/])\d+(?:\.\d+)?(?![\d/])")
_SCALE = r"(?:hundred|thousand|million|billion)"
_FRACTION = (r"(?:(?:a|one)\s+)?(?:quarter|third|half|three[\s-]quarters|two[\s-]thirds)"
             r"(?:\s+of)?(?:\s+an?\s+|\s*-\s*|\s+)(?:million|thousand|billion)(?!s)"
             r"|half\s+a\s+(?:million|thousand|billion|dozen)")
_AND_A_HALF = rf"(?:\d+|{_WORD_RUN})\s+and\s+a\s+(?:half|quarter)\s+(?:million|thousand|billion)"
_VAGUE = (r"(?:(?:many|several)\s+)?(?:tens|hundreds)\s+of\s+(?:thousands|millions)"
          r"|(?:many\s+|several\s+)?(?:dozens|scores|hundreds|thousands|millions)"
          r"|tens(?=\s+of\s)"
          r"|(?:several|a\s+few|many)\s+(?:dozen|hundred|thousand|million)(?!s)")

def _core_pattern(with_fractions: bool) -> str:
    """The number-phrase pattern; fractions of scale words only when the text has one (they are rare and costly)."""
    fractions = (
        rf"(?P<andhalf>(?=[\w-]+(?:[\s-]+[\w-]+)?\s+and\s+a\s+(?:half|quarter)\b){_AND_A_HALF})|"
        if with_fractions else "(?P<andhalf>(?!))|"
    )
    return (
        # Only at the start of a word (never inside "A320"); each alternative is tried in this order.
        r"\b(?=[\dotfsenhmbdqawlOTFSENHMBDQAWL])(?:" + fractions
        + rf"(?P<digits>(?:{_DIGITS})(?:[\s-]*{_SCALE}\b(?!s))?)"
        + (rf"|(?P<fraction>{_FRACTION})" if with_fractions else "|(?P<fraction>(?!))")
        + rf"|(?P<vague>\b(?:{_VAGUE})\b)"
        + rf"|(?P<words>\b(?:an?\s+(?={_SCALE}|dozen))?(?:{_WORD_RUN})(?:[\s-]+dozen)?\b"
        + r"|\b(?:a|one|two|three|four|five|six|seven|eight|nine|ten)[\s-]+dozen\b|\ba\s+dozen\b))"
    )


_CORE_FOLDED = folded_pattern(_core_pattern(with_fractions=True))
_CORE_WHOLE_FOLDED = folded_pattern(_core_pattern(with_fractions=False))


# Where a number phrase can start (see `_core_pattern`) in a lower-case text: a run of digits, or one of
# the words a phrase starts with, "a" and "an" only before a word they can begin a number with
# ("a dozen", "a few hundred", "a quarter of a million"; "an estimated" is not one).
_FIRST_WORDS = [*_UNITS, *_TENS, *SCALES, "many", "several", "tens", "hundreds", "thousands", "millions", "dozens",
                "scores", "quarter", "third", "half"]
_AFTER_A = ["hundred", "thousand", "million", "billion", "dozen", "few", "quarter", "third", "half", "three", "two"]
_A_NUMBER = re.compile(r"\ban?(?=[\s-]+(?:%s))" % "|".join(_AFTER_A))
_NUMBER_START = re.compile(r"\d+|%s|\b(?:%s)\b" % (_A_NUMBER.pattern, "|".join(sorted(_FIRST_WORDS, key=len, reverse=True))))
# (for ASCII text, found faster with C string methods than by the scan of _NUMBER_START)
_FIRST_WORD_BYTES = frozenset(word.encode("ascii") for word in _FIRST_WORDS)
_AFTER_A_BYTES = frozenset(word.encode("ascii") for word in _AFTER_A)
_DIGITS_ONLY = bytes(48 if 48 <= c <= 57 else 32 for c in range(256))  # 0-9 as "0", the rest a space


def _number_starts(lowered: str) -> list[int]:
    """The offsets, in order, where `_NUMBER_START` finds a number start in a lower-case text, or a few more
    (all a number phrase may start at: `_core_pattern` decides)."""
    if not lowered.isascii():
        return [match.start() for match in _NUMBER_START.finditer(lowered)]
    starts = _digit_run_starts(lowered)
    runs = letter_runs(lowered)
    for word in _FIRST_WORD_BYTES.intersection(runs):
        word = word.decode("ascii")
        end = len(word)
        pos = lowered.find(word)
        while pos != -1:
            if not ("a" <= lowered[pos - 1:pos] <= "z" or "a" <= lowered[pos + end:pos + end + 1] <= "z"):
                starts.append(pos)  # the whole word, not a piece of a longer one
            pos = lowered.find(word, pos + 1)
    if not _AFTER_A_BYTES.isdisjoint(runs):
        starts.extend(match.start() for match in _A_NUMBER.finditer(lowered))
    return sorted(starts)


def _digit_run_starts(ascii_text: str) -> list[int]:
    """Where each run of digits 0-9 starts in an ASCII text (what a scan for runs of \\d finds there)."""
    marked = ascii_text.encode("ascii").translate(_DIGITS_ONLY)
    starts = []
    pos = marked.find(b"0")
    while pos != -1:
        starts.append(pos)
        end = marked.find(b" ", pos)
        pos = -1 if end == -1 else marked.find(b"0", end)
    return starts


def _matches_at_number_starts(core: re.Pattern[str], text: str, lowered: str) -> list[re.Match[str]]:
    """`core.finditer(text)`, trying the pattern only at the number starts of `lowered` (`text`
    lower-cased, or the folded text `core` reads when it is `_CORE_FOLDED`). The pattern tried at
    each offset in turn costs far more, as most words start with a letter some number word starts with."""
    matches = []
    done = 0
    for pos in _number_starts(lowered):
        if pos >= done:
            match = core.match(text, pos)
            if match:
                matches.append(match)
                done = match.end()
    return matches


def _has_fraction(folded: str) -> bool:
    """Whether a `fold`ed text names a fraction."""
    return "quarter" in folded or "third" in folded or "half" in folded


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# (Matched against fold(text), as `_CORE_FOLDED` is.)
_HEDGE_BEFORE = folded_pattern(
    r"(?:^|(?<=[\s(\"'“]))(?:%s)\s*\Z" % "|".join(
        f"(?P<{q}>{_alternation(words)})" for q, words in HEDGES_BEFORE.items()))
_HEDGE_AFTER = folded_pattern(
    r"\s*(?:%s)(?!\w)" % "|".join(f"(?P<{q}>{_alternation(words)})" for q, words in HEDGES_AFTER.items()))
_RANGE_JOIN = folded_pattern(
    r"\s*(?:-|–|—|to|and)\s*(?:(?:well|just)\s+)?(?:over\s+|more\s+than\s+|about\s+|some\s+)?")
_RANGE_OPEN = folded_pattern(r"(?:\bbetween|\bfrom)\s+\Z")
# "has climbed from 11,000 to 37,000": a change from one figure to another, two figures, not a range
_CHANGE_FROM = folded_pattern(
    r"\b(?:risen|rose|rise|rises|rising|climbed|climbs|climbing|grown|grew|grows|increased|increases|increasing|"
    r"jumped|jumps|gone\s+up|went\s+up|fallen|fell|falls|dropped|drops|declined|doubled|soared|surged|"
    r"revised(?:\s+\w+)?)\s+from\s+\Z")
_SCALE_WORD = folded_pattern(_SCALE)
# Letters glued to digits that make them not a count: ordinals, decades, units ("11th", "1970s", "5km").
_GLUED_NOT_COUNT = folded_pattern(r"\A(?:st|nd|rd|th|s|am|pm|km|kg|mm|cm|m|h|hrs?|min|d|x|k|bn|mn|mln|b)\b")
_LETTERS = re.compile(r"[^\W\d_]+")
# Scales news writes glued to digits ("5m", "6.1mn", "400k", "2bn"), read as such only before a word
# that is not a measure ("5m Syrians", not "5m high" or "5m from the wall").
_GLUED_SCALES = {"m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "k": 1_000, "bn": 1_000_000_000}
_WORD_AFTER_GLUED = folded_pattern(
    r"[ \t]+(?!(?:high|long|wide|deep|tall|thick|away|from|of|above|below|square|sq|in|on|at|to|and|or|"
    r"metres?|meters?|feet|ft|by|x)\b)[^\W\d_]")
_WHITESPACE_RUN = re.compile(r"\s+")


class Quantity(NamedTuple):
    """A number phrase found in a text: `start`/`end` cover the hedge too, `number_start` the number itself.
    (A NamedTuple: a frozen dataclass took three times as long to build, and a sentence makes one per number.)"""

    value: int
    value_high: int | None
    qualifier: str
    start: int
    end: int
    number_start: int
    vague: bool = False


_SEPARATORS = re.compile(r"[\s-]+")
_SPACES = re.compile(r"\s+")
_LEADING_A = re.compile(r"^an?(?: (?=hundred|thousand|million|billion)|$)")
_VAGUE_LEAD = re.compile(r"^(?:many|several|a few) ")
_DIGITS_AND_SEPARATORS = re.compile(r"[\d,. \u00a0\u202f\u2009]+")
_DIGIT_SEPARATORS = re.compile(r"[,\s\u00a0\u202f\u2009]")


@lru_cache(maxsize=1 << 12)
def _words_value(phrase: str) -> int | None:
    """The value of a run of number words, through text2num ("two hundred thousand" -> 200000);
    kept for the process, as the same few phrases come back in every article and text2num is slow."""
    words = _SEPARATORS.sub(" ", phrase.lower()).strip()
    dozen = words.endswith("dozen")
    if dozen:
        words = words[: -len("dozen")].strip() or "one"
    words = _LEADING_A.sub("one ", words).strip() or "one"
    try:
        value = text2num(words, "en")
    except ValueError:
        return None
    return value * 12 if dozen else value


def parse_number(phrase: str) -> int | None:
    """The integer a bare number phrase stands for, or None if it is not one.

    "200,000", "200 000", "230000", "2.5 million", "250 thousand", "two hundred thousand",
    "a quarter of a million", "half a million", "one and a half million", "a dozen";
    vague plurals give the least they mean ("tens of thousands" -> 20000).
    """
    text = _WHITESPACE_RUN.sub(" ", phrase.strip())
    match = _CORE_FOLDED.fullmatch(fold(text))
    if match is None:
        return None
    value = _core_value(match, text)
    return None if value is None else value[0]


def _core_value(match: re.Match[str], phrase: str) -> tuple[int, bool] | None:
    """(value, is_vague) of a `_CORE_FOLDED` match in folded text, `phrase` being the text it covers as
    written, or None when the phrase is not a whole count."""
    if phrase.isdigit() and phrase.isascii():
        return int(phrase), False  # plain digits, the common case
    text = _SPACES.sub(" ", phrase.lower())
    if match.group("fraction"):
        text = text.replace("-", " ")  # ("a half-million")
        if text.startswith("half a"):
            scale = text.split()[-1]
            return round(0.5 * (12 if scale == "dozen" else SCALES[scale])), False
        scale = SCALES[text.split()[-1]]
        fraction = next(f for name, f in sorted(FRACTIONS.items(), key=lambda kv: -len(kv[0]))
                        if name in text.replace("-", " "))
        return round(fraction * scale), False
    if match.group("andhalf"):
        head, _, rest = text.partition(" and a ")
        whole = int(head) if head.isdigit() else _words_value(head)
        fraction_word, scale = rest.split()[:2]
        if whole is None:
            return None
        return round((whole + FRACTIONS[fraction_word]) * SCALES[scale]), False
    if match.group("vague"):
        words = _VAGUE_LEAD.sub("", text)
        if words in ("dozen", "hundred", "thousand", "million"):
            words += "s"
        return VAGUE[words], True
    if match.group("digits"):
        number = _DIGITS_AND_SEPARATORS.match(text).group(0).strip()
        scale = text[len(number):].strip(" -")
        digits = _DIGIT_SEPARATORS.sub("", number)
        try:
            amount = float(digits)
        except ValueError:
            return None
        if scale:
            amount *= SCALES[scale]
        if not math.isfinite(amount) or amount != int(amount):
            return None  # "2.5" alone is not a head count; nor is a run of hundreds of digits
        return (int(digits) if digits.isdigit() and not scale else int(amount)), False
    value = _words_value(text)
    return None if value is None else (value, False)


def find_quantities(text: str, folded: str | None = None) -> list[Quantity]:
    """Every number phrase in `text`, in order, with its hedge or range folded in. `folded` is
    `fold(text)`, for a caller that has it already."""
    found: list[Quantity] = []
    if folded is None:
        folded = fold(text)
    # (any folded text, ASCII or not, may be scanned at number starts only: its letters are all lower case)
    core = _CORE_FOLDED if _has_fraction(folded) else _CORE_WHOLE_FOLDED
    matches = _matches_at_number_starts(core, folded, folded)
    skip_until = -1
    for index, match in enumerate(matches):
        if match.start() < skip_until:
            continue
        glued = _glued_letters(text, match)
        glued_scale = None
        if glued is not None:
            glued_scale = _GLUED_SCALES.get(fold(glued))
            if glued_scale and not match.group("digits").replace(",", "").replace(".", "").isdigit():
                glued_scale = None
            if glued_scale and not _WORD_AFTER_GLUED.match(folded, match.end() + len(glued)):
                glued_scale = None  # "5m" alone, "5m high": metres, not millions
            if glued_scale is None and _GLUED_NOT_COUNT.match(fold(glued)):
                continue
        if glued_scale:
            # "5m Syrians", "6.1mn people", "400K people": a scale glued to the digits
            parsed = (round(float(match.group("digits").replace(",", "")) * glued_scale), False)
        else:
            parsed = _core_value(match, text[match.start():match.end()])
        if parsed is None:
            continue
        value, vague = parsed
        start, end = match.start(), match.end() + (len(glued) if glued_scale else 0)
        qualifier = "at_least" if vague else "exact"
        value_high = None
        hedge = _hedge_before(folded, start)
        if hedge:
            qualifier = next(q for q in HEDGES_BEFORE if hedge.group(q))
            if vague and qualifier == "approx":
                qualifier = "at_least"
            start = hedge.start()
        after = _HEDGE_AFTER.match(folded, end)
        if after and not vague:
            qualifier = "at_least" if after.group("at_least") else "approx"
            end = after.end()
        # Ranges: "between 200,000 and 250,000", "200,000-250,000", "from 300 to well over 900".
        joined = _RANGE_JOIN.match(folded, match.end())
        if (joined and index + 1 < len(matches) and matches[index + 1].start() == joined.end() and not vague
                and not _CHANGE_FROM.search(folded, max(0, start - 30), start)):
            following = matches[index + 1]
            high_phrase = text[following.start():following.end()]
            high = _core_value(following, high_phrase)
            opener = _RANGE_OPEN.search(folded, max(0, start - 10), start)
            is_and = text[joined.start():joined.end()].strip().lower().startswith("and")
            if high and not high[1] and high[0] > value and (opener or not is_and):
                low = value
                if high[0] >= 1000 * low and _SCALE_WORD.search(following.group(0)):
                    low *= SCALES[high_phrase.split()[-1].lower()]
                value, value_high, qualifier = low, high[0], "range"
                if opener:
                    start = opener.start()
                end = matches[index + 1].end()
                skip_until = end
        found.append(Quantity(value, value_high, qualifier, start, end, match.start(), vague))
    return found


def _hedge_before(folded: str, start: int) -> re.Match[str] | None:
    """The hedge ending (but for spaces) at `start` ("more than", "about"), within 40 characters."""
    return _HEDGE_BEFORE.search(folded, max(0, start - 40), start)


def _glued_letters(text: str, match: re.Match[str]) -> str | None:
    """The letters stuck to the end of a digit match ("people" in "100000people"), else None."""
    if not match.group("digits") or match.end() >= len(text) or not text[match.end()].isalpha():
        return None
    return _LETTERS.match(text, match.end()).group(0)
