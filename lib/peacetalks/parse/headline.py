"""The headline of a page dump, and the stamps around it: which line is the headline (over its deck, a
browser title, a masthead and its slogan), which date stamp is the article's, and the masthead that names the site."""
from __future__ import annotations

import datetime as dt
import re
from functools import cached_property
from typing import Callable

from peacetalks.parse.dates import FoundDate, WEEKDAYS, find_dates, month_day_mentions
from peacetalks.parse.furniture import _BULLET, is_clock, is_furniture
from peacetalks.parse.lines import at_most_words, ends_sentence, is_latin, is_title_case, words_of
from peacetalks.parse.outlets import _JOB_WORDS, OUTLET_WORDS, masthead_and_slogan, masthead_name, staff_signature
from peacetalks.text import COMMON_WORDS

_BYLINE_OPENS = re.compile(r"^(?:by|posted by|written by|words by|text by|story by|author|reporter|reported by)\b:?\s+[A-Z]", re.I)


# --- the headline ---------------------------------------------------------------------------------

_CLOCK_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")
# A label that makes a date line above the headline the article's stamp, not the site's current-date widget.
_STAMP_LABEL = re.compile(r"\b(?:published|updated|posted|date[ds]?|first published|last modified)\b", re.I)
# A line that is only a labelled stamp: "Updated Dec 14, 2016", "Published: 3 May 2016 10:22".
_OPENING_STAMP = re.compile(r"^(?:last\s+)?(?:published|updated|posted|first published|last modified)\b(?:\s+on)?\s*:?\s*"
                            r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?", re.I)
_STAMP_REST = re.compile(r"\W*(?:(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[A-Z]{2,4}(?:\s*[+-]\d{1,2})?)?\W*)?$",
                         re.I)


_PUBLISHED_LABEL = re.compile(r"^\W*(?:first\s+)?(?:published|posted)\b", re.I)
_YEAR_IN_TEXT = re.compile(r"(?<![\w/.-])(?:19|20)\d\d(?![\w/])")


def _text_agrees(date: dt.date, text: str, strict: bool = False, lead_agrees: bool = False) -> bool:
    """Whether the article's text agrees with a date printed above it: it names the date's year, or a
    month and day up to a week before it, and no year after it. `strict`: the year counts only when the
    lead names the date's weekday or the day before's too (`lead_agrees`)."""
    years = {int(year) for year in _YEAR_IN_TEXT.findall(text)}
    if any(year > date.year for year in years):
        return False
    if date.year in years and (lead_agrees or not strict):
        return True
    for month, day, _, _ in month_day_mentions(text):
        for year in (date.year, date.year - 1):
            try:
                mentioned = dt.date(year, month, day)
            except ValueError:
                continue
            if 0 <= (date - mentioned).days <= 7:
                return True
    return False


_PUBLISHED_AT = re.compile(r"\b(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s*", re.I)


def _published_date(header: list[str], dates_in: Callable[[str], list[FoundDate]]) -> FoundDate | None:
    """The date printed right after a "Published"/"Posted" label in the lines under the headline (a clock
    time or a weekday may stand between), or None."""
    for line in header:
        for label in _PUBLISHED_AT.finditer(line):
            for found in dates_in(line[:300]):
                if found.start >= label.end() and _STAMP_GAP.fullmatch(line, label.end(), found.start):
                    return found
    return None


_STAMP_GAP = re.compile(r"(?:(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?\s*,?\s*)?"
                        r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*)?", re.I)
_WEEKDAY_NAMED = re.compile(r"\b(?:on|late|early|last)\s+(" + "|".join(WEEKDAYS) + r")\b", re.I)


def _weekday_agrees(date: dt.date, lead: list[str]) -> bool:
    """Whether the lead (a deck and the first paragraph) names only the weekday of `date` or of the day
    before ("agreed on Tuesday")."""
    named = {match.group(1).lower() for paragraph in lead for match in _WEEKDAY_NAMED.finditer(paragraph[:600])}
    return bool(named) and named <= {WEEKDAYS[date.weekday()], WEEKDAYS[(date.weekday() - 1) % 7]}


def _stamp_line_date(line: str, dates_in: Callable[[str], list[FoundDate]]) -> FoundDate | None:
    """The date of a line that is only a labelled stamp ("Updated Dec 14, 2016", "Published: 3 May 2016
    10:22"): the label, one date right after it and at most a clock time."""
    label = _OPENING_STAMP.match(line)
    if label is None or len(line) > 80:
        return None
    found = dates_in(line)
    if len(found) != 1 or found[0].start != label.end() or not _STAMP_REST.match(line, found[0].end):
        return None
    return found[0]
_HEADER_OPENERS = re.compile(r"^(?:by|posted|published|updated|last updated|first published|written by)\b", re.I)


def _is_paragraph(line: str) -> bool:
    """A line of running text: a sentence of a dozen words or more, or a long line."""
    if not at_most_words(line, 35):
        return True
    return not at_most_words(line, 11) and line.rstrip()[-1:] in ".!?" or line.rstrip()[-2:] in ('."', '.\u201d')


def _is_sentence(line: str) -> bool:
    """A line of running text, or one sentence of six words or more (a deck, a short lead)."""
    return _is_paragraph(line) or (not at_most_words(line, 5) and line.rstrip()[-1:] in ".!?")


def _headline_candidate(line: str, dated: bool) -> bool:
    """Whether a line of the page's opening may be its headline: a short run of words, not a date or
    byline line, not a label ending in a colon or a comma, not cut mid-phrase, in Latin letters."""
    words = line.split()
    if not 3 <= len(words) <= 30 or dated or _CLOCK_TIME.search(line):
        return False
    if line[-1] in ":,;|" or line[:1].islower() or _HEADER_OPENERS.match(line) or not is_latin(line):
        return False
    if "," in line and _byline_with_role(line):
        return False  # an author's name and role: "Dr Jane Roe, Senior Fellow"
    return not _BULLET.match(line)


def _is_headline_stack(line: str, opening: list[str], index: int, first_paragraph: str | None,
                       dated: list[bool], speaks: bool = False) -> bool:
    """Whether a line of four words or more is a headline printed over a sub-headline: the next line is a
    shorter headline-like line (no full stop), or any headline-like line when the first `speaks` of what the
    text speaks of more than the second, and a sentence, a date or a byline follows the two."""
    if at_most_words(line, 3) or masthead_name(line) or index + 1 >= len(opening):
        return False
    sub = opening[index + 1]
    if not _headline_candidate(sub, dated[index + 1]) or sub.endswith(".") or (len(sub) >= len(line) and not speaks):
        return False
    after = opening[index + 2] if index + 2 < len(opening) else first_paragraph
    return after is not None and (dated[index + 2: index + 3] == [True] or bool(_HEADER_OPENERS.match(after))
                                  or _is_sentence(after))


# A section's label in capitals before a bar, on the headline's line.
_TITLE_SUFFIX = re.compile(r"^(?P<head>.+?)\s+(?:\||-|\u2013|\u2014)\s+(?P<name>[A-Z][^|\u2013\u2014]{1,50}?)\s*$")
_SECTION_LABEL = re.compile(r"^[A-Z][A-Z&'\u2019 -]{2,24}\s*\|\s*(?=[A-Z0-9\"'\u2018\u201c])")


# A browser title: the headline, then the site's name (or a section and the name) after a bar or a dash:
# "Envoys Meet In Valdoria | The Example Herald", "Envoys meet in Valdoria - World - Example Post".
_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00bb|\u00b7)\s+")


def browser_titles(opening: list[str]) -> dict[int, tuple[int, str]]:
    """The lines of `opening` that are a browser title repeating another line of it with the site's name
    after a bar or dash: {index of the browser title: (index of the line it repeats, the text after it)}."""
    first_index: dict[str, int] = {}
    for index, line in enumerate(opening):
        first_index.setdefault(line.lower(), index)
    found: dict[int, tuple[int, str]] = {}
    for index, line in enumerate(opening):
        for separator in _TITLE_SEPARATOR.finditer(line):
            head = line[: separator.start()].strip().lower()
            other = first_index.get(head)
            if other is not None and other != index and len(head.split()) >= 3:
                found[index] = (other, line[separator.end():].strip())
                break
    return found


# Words too common to tell a headline's words from a menu's (the rest are compared with the text's words).
_COMMON_WORDS = COMMON_WORDS | {"news"}  # and a page's own word for what it prints


def _content_words(text: str) -> set[str]:
    """The words of `text` that carry its matter, cut to five letters (so "talks" and "talked", "Syria's"
    and "Syrian" compare equal)."""
    return {word[:5] for word in words_of(text) if len(word) >= 4 and word not in _COMMON_WORDS}


_AFTER_DATE_NAME = re.compile(r"\s*[|\u2022\u00b7]\s*(?P<name>[A-Z][^|\u2022\u00b7]{1,50}?)\s*")
_BAR_PARTS = re.compile(r"\s+[|\u00b7\u2022]\s+")


def _masthead_in_bar(line: str) -> str | None:
    """The outlet's name as one part of a short bar over the headline: "Example Post \u00b7 Valdoria \u00b7 3 May 2016",
    "EXN | Example News Network"."""
    parts = _BAR_PARTS.split(line)
    if not 2 <= len(parts) <= 4:
        return None
    return next(filter(None, map(masthead_name, parts)), None)


_NAME_PART = re.compile(r"\s+(?:\||-|\u2013|\u2014)\s+")
_SMALL_WORDS = frozenset(("of", "for", "and", "the", "&", "on", "in", "al", "el"))


def _top_masthead(cleaned: list[str], folded: list[str], short: list[bool], title: str) -> str | None:
    """The outlet's name printed as the first line of the page, over the site's own furniture: a short run
    of capitalised words ("THE KESTREL", "Example Review | the voice of the north") whose next line is a
    menu, a bar of links, a clock or weather widget, or a slogan over one. None when the first line is
    anything else (a section's label, the headline, a sentence)."""
    if len(cleaned) < 3 or not short[0] or cleaned[0] == title or is_furniture(cleaned[0], folded[0]):
        return None
    name = _NAME_PART.split(cleaned[0])[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 5 or ends_sentence(name) or ": " in name or not is_latin(name) or find_dates(name):
        return None
    if not all(word[:1].isupper() or word[:1].isdigit() or word.lower() in _SMALL_WORDS for word in words):
        return None
    if all(word in _SITE_LABELS for word in words_of(name)):
        return None  # a section's label: "Middle East", "World News"
    after = 1
    if short[1] and not is_title_case(cleaned[1]) and not ends_sentence(cleaned[1]) and at_most_words(cleaned[1], 8) \
            and not is_furniture(cleaned[1], folded[1]) and not find_dates(cleaned[1]):
        after = 2  # its slogan: "Turkey's window on the world"
    following = cleaned[after]
    if is_furniture(following, folded[after]) or (find_dates(following[:300]) and is_clock(following[:200])):
        return name
    return None


# Words of a site's section labels and navigation, which a first line made only of them is (not a name).
_SITE_LABELS = frozenset(
    "news world middle east region regional local national international politics business economy markets sport "
    "sports opinion video videos culture latest breaking home top more live analysis features africa europe asia "
    "americas gulf arab the of and".split())


class _TextWords:
    """The content words of the opening of the text (_content_words), read when first asked for."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def words(self) -> set[str]:
        return _content_words(self.text)


def _is_deck_over(line: str, opening: list[str], index: int, first_paragraph: str | None, dated: list[bool]) -> bool:
    """Whether a headline of five words or more (not a bar of names) stands over its deck (standfirst): the
    next line reads as a headline too but is longer, and a byline, a date or the text follows the deck."""
    if at_most_words(line, 4) or "|" in line or _names_outlet(line) or index + 1 >= len(opening):
        return False
    if any(map(masthead_name, _TITLE_SEPARATOR.split(line))):
        return False  # the outlet's name and a label: "The Example Herald - Printer-friendly version"
    deck = opening[index + 1]
    if not _headline_candidate(deck, dated[index + 1]) or len(deck.split()) <= len(line.split()):
        return False
    after = opening[index + 2] if index + 2 < len(opening) else first_paragraph
    if after is None:
        return False
    return (dated[index + 2: index + 3] == [True] and not is_clock(after)) or bool(_HEADER_OPENERS.match(after)) \
        or _is_paragraph(after) or _is_byline(after)


# A byline without "By": two to four names, then "in" a place or a bar ("Jane Roe in Valdoria").
_BYLINE_IN = re.compile(r"^[A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){1,3}(?: and [A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){1,3})?"
                        r" in [A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){0,2}$")


def _is_byline(line: str) -> bool:
    """A byline: "By Jane Roe", "Jane Roe in Valdoria", "Example Staff", "Dr Jane Roe, Senior Fellow"."""
    return bool(_BYLINE_OPENS.match(line) or _BYLINE_IN.match(line) or staff_signature(line) or _byline_with_role(line))


# Two sentences in one line: a word of three small letters or more, a full stop, then a capital ("... first
# time. That may be ..."); "U.S. Envoy" or "Gen. Roe" are abbreviations, not a sentence's end.
_TWO_SENTENCES = re.compile(r"\b[a-z]{3,}[.!?]\s+[A-Z]")
# An author's name, a comma and the author's role: "Dr Jane Roe, Senior Fellow, Programme on Example Studies",
# "Jane Roe, Diplomatic Correspondent".
_NAME_AND_ROLE = re.compile(r"(?:(?:Dr|Prof|Professor|Mr|Ms|Mrs|Sir|Dame)\.?\s+)?[A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){1,3}"
                            r",\s+(?P<role>[A-Za-z][\w'\u2019 &-]{2,60})(?:,.{0,80})?")
_ROLE_WORDS = frozenset("fellow director professor researcher lecturer associate visiting nonresident non-resident "
                        "head deputy".split())


def _byline_with_role(line: str) -> bool:
    """An author's name and role, without "By": the role's words name a job ("Senior Fellow", "Correspondent")."""
    if len(line) > 160:
        return False
    match = _NAME_AND_ROLE.fullmatch(line)
    if match is None:
        return False
    role = words_of(match.group("role"))
    return len(role) <= 6 and any(word in _JOB_WORDS or word in _ROLE_WORDS for word in role)


_NAME_WORD = re.compile(r"(?:[A-Z][a-z'\u2019-]+|[A-Z]\.|(?:al|el|de|van|von|bin|ibn)-?[A-Z]?[a-z'\u2019-]*)")


def _is_name_line(line: str) -> bool:
    """A person's name alone on a line, as an author line under a headline prints it: two or three capitalised
    words ("Jane Roe", "Ivo J. Brandt"), none of them a word of an outlet's or a section's name."""
    words = line.split()
    if not 2 <= len(words) <= 3 or not all(_NAME_WORD.fullmatch(word) for word in words) or not words[0][:1].isupper():
        return False
    return not set(words_of(line)) & (OUTLET_WORDS | _SITE_LABELS)


def _names_outlet(line: str) -> bool:
    """A masthead: the outlet's name ("Example Evening Gazette"), alone or with its slogan."""
    return bool(masthead_name(line) or masthead_and_slogan(line))


def _pick_headline(opening: list[str], first_paragraph: str | None, counts: dict[str, int],
                   dated: list[bool], text_words: _TextWords | None = None) -> int | None:
    """The index in `opening` (the lines before the first paragraph) of the headline, or None.

    Each candidate is scored by structure: a headline is followed by a date or byline line (not a clock or
    weather widget, which follows a masthead or a menu), a bullet summary, a deck or the lead paragraph or
    by itself again, is often printed twice (or repeated by the browser title, "Headline | Site"), shares
    words with the text under it, is not an outlet's name, and seldom ends with a full stop; a headline over
    a longer deck outranks the deck; earlier lines win ties.
    """
    repeated = browser_titles(opening[:15]) if len(opening) > 1 else {}
    again = {other for other, _ in repeated.values()}
    # the first fifteen lines, and the fifteen over the text when a long list of menu items comes first
    reach = [*range(min(15, len(opening))), *range(max(15, len(opening) - 15), len(opening))]
    candidates = [index for index in reach if index not in repeated and _headline_candidate(opening[index], dated[index])]
    if len(candidates) < 2:
        text_words = None  # (the words in common only rank candidates, and a deck needs a headline over it)
    best, best_score = None, 0.0
    decks: set[int] = set()
    for index in candidates:
        line = opening[index]
        following = opening[index + 1] if index + 1 < len(opening) else first_paragraph
        score = 1.0
        own = _content_words(line) if text_words is not None else set()
        shared = len(own & text_words.words) if own else 0
        speaks = len(own) >= 2 and shared >= max(2, 0.3 * len(own))
        if following is not None and (following == line or dated[index + 1: index + 2] == [True] and not is_clock(following)
                                      or _HEADER_OPENERS.match(following) or _BULLET.match(following)
                                      or _is_sentence(following) or _is_byline(following)):
            score += 3
        elif following is not None and _is_name_line(following):
            score += 2  # an author's name alone under it, a byline without "By" ("Jane Roe")
        elif _is_headline_stack(line, opening, index, first_paragraph, dated,
                                speaks and index + 1 < len(opening)
                                and shared > len(_content_words(opening[index + 1]) & text_words.words)):
            score += 3  # a headline over its sub-headline, the two over the text
        if (shared >= 2 or index in again or counts.get(line, 0) > 1
                or index + 1 < len(opening) and _TWO_SENTENCES.search(opening[index + 1])) \
                and _is_deck_over(line, opening, index, first_paragraph, dated):
            score = max(score, 4.0) + 0.5  # a headline over its deck: the deck is not the headline
            decks.add(index + 1)
        if index in decks:
            score -= 2
        if counts.get(line, 0) > 1 or index in again:
            score += 2
        if 4 <= len(line.split()) <= 25:
            score += 1
        if line.endswith(".") or _TWO_SENTENCES.search(line):
            score -= 2  # headlines seldom end with a full stop or hold two sentences; a deck or a lead sentence does
        if _names_outlet(line):
            score -= 2  # the outlet's name over a stamp: "Example Evening Gazette", "Published ..."
        if speaks:
            score += 1  # it speaks of what the text speaks of (a menu, a slogan or a banner does not)
        score -= 0.2 * min(index, 15)
        if score > best_score:
            best, best_score = index, score
    return best
