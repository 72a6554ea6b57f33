"""From a page dump to an article: title, source, wire, url and the body without page furniture.

Page dumps come in two broad shapes: a page of lines (a heading, a masthead, a date line,
paragraphs, captions, teasers, comment forms, appeals), and an archive row whose content is
one long paragraph that opens with the date and the headline again. Both go through the
same steps: classify lines, pick the title, keep the paragraphs, read the opening for the
date, wire and source.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Callable

from peacetalks.parse.dates import (TIME_ZONES, FoundDate, WEEKDAYS, date_in_url, find_dates, month_day_mentions, numeric_order,
                                   year_of_month_day)
from peacetalks.parse.furniture import _BULLET, _FOOT_STAMP, _TAIL_FOLDED, _TEASER_LABEL, is_clock, is_furniture, only_place_clock
from peacetalks.parse.headline import (_AFTER_DATE_NAME, _BAR_PARTS, _BYLINE_OPENS, _CLOCK_TIME, _HEADER_OPENERS, _OPENING_STAMP,
                                       _PUBLISHED_LABEL, _SECTION_LABEL, _SITE_LABELS, _STAMP_LABEL, _TITLE_SUFFIX, _TextWords,
                                       _is_byline, _is_paragraph, _masthead_in_bar, _pick_headline, _published_date, _stamp_line_date,
                                       _text_agrees, _top_masthead, _weekday_agrees, browser_titles)
from peacetalks.parse.lines import (FURNITURE_MAX, at_most_words, clean_line, clean_lines, ends_sentence,
                                    is_title_case, words_of)
from peacetalks.parse.outlets import (_JOB_WORDS, AGENCY_NAME, CAPS_DATELINE, CREDIT_DATELINE, OUTLET_WORDS, SLASH_DATELINE, Outlets,
                                      _squash, masthead_and_slogan, masthead_name, site_name, source_in_lines, load_outlets,
                                      normalise_outlet, staff_signature)
from peacetalks.parse.publisher import (_ABBREVIATION, _agency_line_of, _agency_on_page, _expansion, _name_in_live_bar, _outlet_of_company,
                                        _printed_name)
from peacetalks.text import fold

# --- what the page says about itself ------------------------------------------------------------

_URL = re.compile(r"<?(https?://[^\s<>\"]+)>?")

# A donation appeal or slogan naming the outlet that printed the page.
_OUTLET_APPEAL = re.compile(
    r"^(?i:support|a message from|by supporting|the journalists of|subscribe to)\s+"
    r"(?P<name>(?:The\s+)?[A-Z][\w'&.-]*(?:\s+[A-Z][\w'&.-]*){0,4})\s*[!:,.]?",
)
# A dateline such as "MOSCOW (Sputnik) —", "BEIRUT, Syria (AP) -", "GENEVA, Jan 26 (Reuters) -" or "GENEVA —";
# `name` is the agency or outlet in brackets, if any.
DATELINE = re.compile(
    r"^\s*[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][A-Za-z0-9.' ]{1,30})?\s*(?:\((?P<name>[A-Z][\w .&'-]{1,40})\)\s*)?"
    r"[-\u2014\u2013:]"
)
_CREDIT = re.compile(
    r"(?:^|[.\s])(?:parts?|content|material|reporting)\s+(?:from|by)\s+(?P<a>[A-Z][\w .&-]{1,40}?)\s*\.?$"
    r"|^(?:with|source:?|sources:?)\s+(?P<b>[A-Z][\w ,.&-]{1,60}?)\s*\.?$"
    r"|^(?P<c>[A-Z][\w .&-]{1,40}?)\s+contributed to this (?:report|story)",
    re.I,
)
_CREDIT_WORDS = ("part", "content", "material", "reporting", "contributed")  # one of them is in every _CREDIT match


def _credit(line: str, folded: str | None = None) -> re.Match[str] | None:
    """A wire credit ("Parts from Reuters", "With AFP", "X contributed to this report") in a short line.

    `folded` is text.fold(line) when the caller has it: a line with none of the words every credit
    has (read as the case-insensitive pattern reads them) is not searched.
    """
    if len(line) > FURNITURE_MAX:
        return None
    if folded is None:
        folded = fold(line)
    if not (folded.startswith(("with", "source")) or any(map(folded.__contains__, _CREDIT_WORDS))):
        return None
    return _CREDIT.search(line)


_HEADER_CUES = {"date", "published", "publication", "of", "last", "latest", "update", "updated", "modified", "posted", "on",
                "at", "by", "first"}
_INLINE_FURNITURE = re.compile(r"\s*Get short URL(?:\s+\d+)*\s*", re.I)
_TIME = re.compile(r"^\s*(?:at\s+)?\d{1,2}[:.]?\d{2}(?:\s*(?:am|pm|gmt|utc))?\b", re.I)
_CAPTION_END_DATE = re.compile(r"\b(?:19|20)\d\d\s*$")
_TITLE_MAX = 250
_SEEN = re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b", re.I)
_SEEN_WORDS = ("seen", "pictured", "shown")  # one of them is in every _SEEN match


@dataclass
class ParsedArticle:
    """What the text itself says about an article; `printed_date` is the date printed in its opening, if any."""

    title: str | None
    source: str | None
    wire: str | None
    url: str | None
    body: str
    printed_date: FoundDate | None = None
    published_label: bool = False  # the printed date stands under a "Published"/"Posted" label, and the
    # text agrees with it (it names the date's year, a day of the week before it, or the date's weekday)


def _opens_stamp_or_byline(line: str) -> bool:
    """Whether a line opens as a labelled stamp ("Published ...") or a byline ("By Jane Roe, ..."): a date
    at its end is the article's, not a caption's."""
    return bool(_OPENING_STAMP.match(line) or _BYLINE_OPENS.match(line))


def _is_caption(line: str, next_line: str | None, folded: str | None = None) -> bool:
    """Whether a line that does not end as a sentence does (see ends_sentence) is a photo caption: one ending
    in a date, 'X is seen in ...', or one followed by a credit.

    `folded` is text.fold(line) when the caller has it. The patterns run only where they can match: a
    year ends the line only if its last four characters (spaces aside) start with 19 or 20, and 'is seen'
    needs one of the verbs (read case-insensitively, as the folded line has them).
    """
    if line.rstrip()[-4:-2] in ("19", "20") and _CAPTION_END_DATE.search(line) and not _opens_stamp_or_byline(line):
        dates = find_dates(line)  # (a stamp or byline, "Published ... Updated 3 May 2016", is no caption)
        if dates and dates[-1].end >= len(line.rstrip()) - 1 and len(line[: dates[-1].start].split()) >= 5 \
                and not line[: dates[-1].start].rstrip().endswith(("|", "\u2022", "\u00b7")):
            return True  # (a stamp's names and bars before the date, "Jane Roe | Example Post | 3 May 2016", are none)
    if folded is None:
        folded = fold(line)
    if any(map(folded.__contains__, _SEEN_WORDS)) and _SEEN.search(line):
        return True
    return bool(next_line) and next_line.lstrip().startswith("\u00a9")


_HEADER_TOKEN = re.compile(r"[\w'\u2019.-]+")
_WEEKDAY_SHORT = {day[:end] for day in WEEKDAYS for end in range(3, len(day) + 1)}  # 'wed', 'wedn', ... 'wednesday'


def _date_opens(text: str, found: FoundDate, title_words: set[str], outlets: Outlets, names: bool = False) -> bool:
    """True when only header words (cues, weekdays, the title, wire names) stand before a date; with `names`
    (a line under the headline), in a short line up to four capitalised words too (a byline's or section's
    name: "Example Media November 10, 2014")."""
    before = text[: found.start]
    if _CAPS_PLACE.fullmatch(before):
        return True  # a dateline's place in capitals, then the date: "VALDORIA, EXAMPLIA — 3 May 2016"
    if names and _PLACE_COMMA.fullmatch(before) and _CREDIT_TO_END.fullmatch(text, found.end):
        return True  # a dateline line of its own under the headline: "Valdoria, 08/05/2016 - EXN"
    stamp = _OPENING_STAMP.match(text) is not None  # "Published 6:00 AM ET Sat, 3 May 2016": a time may come first
    allowed = 0
    if names and len(text) < 120:
        # a name before the date only in a stamp line: the name is an outlet's, or a clock time follows the date
        named = words_of(before)
        if any(word in OUTLET_WORDS for word in named) or _STAMP_TIME.match(text[found.end:]) \
                or _CREDIT_CLOSES.fullmatch(text, found.end) or _NAME_SEPARATOR.search(before) \
                or (len(named) <= 3 and not text[found.end:].strip(" .")):
            allowed = 4  # (a place before a date its credit closes: "Valdoria, Feb 14, 2016 (Example Agency)";
            #             a name and a bar: "Jane Roe | 3 May 2016"; a name, then the date closing the line:
            #             "Jane Roe 3 May 2016")
        if _BYLINE_OPENS.match(text):
            allowed = 6  # a byline, then its date: "By Jane Roe on 3 May 2016", "Author: Jane Roe Posted 3 May 2016"
    live = _LIVE_LABEL.match(before)  # "As it happened \u00b7 22 January 2014": a liveblog's label for its day
    sections = None  # "WORLD | MIDDLE EAST | 13 Dec 2018": the section's labels before a bar (looked for when needed)
    for token in _HEADER_TOKEN.findall(before[live.end():] if live else before):
        bare = token.strip(".").lower()
        if not bare or bare in _HEADER_CUES or bare in title_words or outlets.wire_named(token):
            continue
        if bare in _WEEKDAY_SHORT or not any(map(str.isalnum, bare)):
            continue
        if bare in _SITE_LABELS and sections is None:
            sections = stamp or bool(_BAR_BEFORE.search(before))
        if (sections and bare in _SITE_LABELS) or (stamp and bare == "in") or (allowed and bare in _JOB_WORDS):
            continue  # (a byline's job: "Example Herald staff | 3 May 2016", "Jane Roe, correspondent | ...")
        if (stamp or allowed) and (_CLOCK_TOKEN.fullmatch(bare) or bare in _TIME_WORDS or _ZONE.fullmatch(token)):
            continue  # (a time in a stamp or a byline: "By Jane Roe at 6:10 pm on 3 May 2016")
        if allowed and token[:1].isupper():
            allowed -= 1
            continue
        return False
    return len(before) <= 400


# An item of a list of teasers: a bullet, an arrow or a number opens it ("- ...", "› ...", "2. ..."); or its
# date in brackets closes it ("Envoys meet in Valdoria (3 May 2016)").
_TEASER_ITEM = re.compile(r"\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u00b7\u203a\u00bb>\-*\u2013\u2014]|\d{1,2}[.)])\s+\S")
_TEASER_DATE = re.compile(r"\((?:[^()]{0,12}\d[^()]{0,20}(?:19|20)\d\d|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\)\s*$")
# A wire's revision label before its headline: "UPDATE 3-Envoys meet ...", "REFILE-...", "CORRECTED-..."
_WIRE_REVISION = re.compile(r"(?:UPDATE|REFILE|CORRECTED|RPT|WRAPUP|CORRECTION)(?:\s*\d{1,2})?\s*-\s*(?=[A-Z0-9\"'\u2018\u201c])")
_FOOT_LABEL = re.compile(r"(?:posted|published|first published)(?:\s+on)?\s*:?\s*", re.I)
_LIVE_LABEL = re.compile(r"\W*(?:as it happened|live(?:\s+(?:updates|coverage|blog|report))?)\s*[|\u00b7\u2022:,\u2013\u2014-]\s*", re.I)
_BAR_BEFORE = re.compile(r"[|\u00b7\u2022\u203a>]\s*$")
_STAMP_TIME = re.compile(r"\W{0,3}\d{1,2}:\d{2}\b")
_PLACE_COMMA = re.compile(r"[A-Z][\w'\u2019.-]+(?: [A-Z][\w'\u2019.-]+){0,2},\s*")
_CREDIT_TO_END = re.compile(r"\s*(?:[-\u2013\u2014|]\s*[A-Z][\w .&'\u2019-]{0,30})?\s*")
_NAME_SEPARATOR = re.compile(r"\S\s*[|\u00b7\u2022]\s*$")
_CREDIT_CLOSES = re.compile(r"\s*\([A-Z][^()]{1,40}\)\s*[-\u2014\u2013]?\s*")
# A dateline's place in capitals standing alone before a date: "VALDORIA — ", "PORT EXAMPLE, VALDORIA - ".
_CAPS_PLACE = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,2}(?:, [A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,2})?\s*[-—–:]\s*")
# A clock time and the words that go with one, allowed before the date of a labelled stamp line.
# (the header tokens cut "6:00" into "6" and "00"; "1244 GMT" is a time too)
_CLOCK_TOKEN = re.compile(r"\d{1,4}(?:[ap]m)?")
_ZONE = re.compile(r"[A-Z]{2,4}")  # a time zone's letters: "GMT", "HKT"
_TIME_WORDS = frozenset("am pm a.m p.m local time".split()) | TIME_ZONES
_LONG_CAPTION_CREDIT = re.compile(r"\((?:[^()]*\bphoto\b[^()]*|getty images|afp|reuters|ap|epa)\)$", re.I)
_REPORTED = re.compile(r"\b(?:said|says|told|announced|according)\b|[\"\u201c\u201d]", re.I)


def _is_dated_caption(line: str, dates_in: Callable[[str], list[FoundDate]]) -> bool:
    """A photo caption that ends with its place and date: "Delegates arrive at the hall in Vienna, Austria,
    May 3, 2016." (a comma before the date; five words or more before it; nobody quoted or reported)."""
    stripped = line.rstrip(" .")
    if stripped[-4:-2] not in ("19", "20") or _REPORTED.search(line) or _opens_stamp_or_byline(line):
        return False
    found = dates_in(stripped)
    if not found or found[-1].end != len(stripped):
        return False
    before = stripped[: found[-1].start].rstrip()
    return before.endswith(",") and len(before.split()) >= 5


def _names_its_weekday(line: str, found: FoundDate) -> bool:
    """Whether the words of `line` before its date name that date's own weekday ("Tue, 3 May 2016")."""
    weekday = WEEKDAYS[found.date.weekday()]
    return any(word in _WEEKDAY_SHORT and weekday.startswith(word) for word in words_of(line[: found.start]))


def printed_date(lines: list[str], title: str | None, outlets: Outlets,
                 dates_in: Callable[[str], list[FoundDate]] = find_dates,
                 names: bool = False) -> tuple[FoundDate | None, int]:
    """The publication date printed in the opening lines, and the index of its line (-1 if none).

    `dates_in` finds the dates of a text (find_dates, or a memo of it the caller keeps); `names` lets a
    name stand before the date (see _date_opens), for the lines under the headline.
    """
    title_words = None
    for index, line in enumerate(lines):
        for found in dates_in(line[:300])[:1]:
            if len(line) < 200 and is_clock(line[max(0, found.start - 60): found.end + 40]):
                continue  # a clock, weather or current-date widget: a short line (read around the date)
            if title_words is None:
                title_words = set(words_of(title or ""))
            if _date_opens(line, found, title_words, outlets, names):
                return found, index
    return None, -1


# A date bound to a credit in brackets: "Jan. 29, 2018 (ABC) -" (the date, then the credit and a dash) or
# "(Example News / Agency - 18th September, 2019)" (the date inside the credit).
_CREDIT_AFTER_DATE = re.compile(r"\s*\([A-Z][^()]{0,40}\)\s*(?:--|[-\u2014\u2013:])")
_CREDIT_BEFORE_DATE = re.compile(r"\([A-Z][^()]{0,60}?(?:\s[-\u2014\u2013]|,)\s*$")


def _credit_date(paragraphs: list[str], dates_in: Callable[[str], list[FoundDate]]) -> FoundDate | None:
    """The date of a credit dateline in the opening of the first paragraphs, if one is printed there."""
    for paragraph in paragraphs:
        opening = paragraph[:300]
        for found in dates_in(opening):
            if _CREDIT_AFTER_DATE.match(opening, found.end) or (
                    opening[found.end: found.end + 1] == ")" and _CREDIT_BEFORE_DATE.search(opening[: found.start])):
                return found
    return None


def _dateline_month_day(paragraph: str, end: int) -> FoundDate | None:
    """A dateline's month and day printed without a year ("TEHRAN, Jan. 24 (Agency) -"), dated with the
    year of a mention of the same days in the paragraph (dates.year_of_month_day); None otherwise."""
    mentions = month_day_mentions(paragraph[:end])
    if len(mentions) != 1:
        return None
    month, day, _, match = mentions[0]
    date = year_of_month_day(month, day, paragraph[end:end + 600])
    return FoundDate(date, match.start(), match.end(), match.group(0)) if date else None


_KICKER = re.compile(r"^(?:[A-Z][A-Z&'\u2019-]*\s+){2,6}(?=[A-Z][a-z])")
_STAMP_OPENING = re.compile(r"^\W*(?:(?:date|published|updated|posted)\s*:?\s*)?$", re.I)


def _run_on_headline(paragraph: str, dates_in: Callable[[str], list[FoundDate]]) -> str | None:
    """The headline of a page printed as one run-on paragraph: the words before a dated credit dateline
    ("... Talks Open in Valdoria March 9, 2021 (EXN)—The talks ..."), after a leading stamp and a kicker
    in capitals; None unless they read as a headline (3 to 20 words, no sentence, no quote)."""
    opening = paragraph[:300]
    found = dates_in(opening)
    start = 0
    if found and _STAMP_OPENING.match(opening[: found[0].start]):
        start, found = found[0].end, found[1:]
    credit = next((d for d in found if _CREDIT_AFTER_DATE.match(opening, d.end)), None)
    if credit is None:
        return None
    words = opening[start: credit.start].strip(" ,.-\u2014\u2013|")
    words = _KICKER.sub("", words)
    if not 3 <= len(words.split()) <= 20 or _REPORTED.search(words) or re.search(r"[.!?]\s", words):
        return None
    return words if is_title_case(words) else None


class _DatesMemo(dict):
    """find_dates of each text looked up, found once: the parser asks about some lines twice. `order` is
    how the page prints numeric dates, when it settles that (dates.numeric_order)."""

    def __init__(self, order: str | None = None) -> None:
        super().__init__()
        self.order = order

    def __missing__(self, text: str) -> list[FoundDate]:
        found = self[text] = find_dates(text, self.order)
        return found


# --- the opening of a one-paragraph article -------------------------------------------------------


def _strip_opening(paragraph: str, title: str | None, found: FoundDate | None, outlets: Outlets) -> tuple[str, str | None, str | None]:
    """Remove a leading date, headline reprint and wire credit from the first paragraph.

    Returns the paragraph, the wire named there, and the full headline when the reprint is a longer
    version of a cut-off title.
    """
    wire = None
    full_title = None
    rest = paragraph
    if found is not None and paragraph[found.start:found.end] == found.text:
        before = paragraph[: found.start]
        for token in re.findall(r"[\w.&-]+", before):
            wire = wire or outlets.wire_named(token)
        rest = paragraph[found.end:]
        rest = _TIME.sub("", rest, count=1)
    rest = rest.lstrip(" ,.-\u2014\u2013|")
    if title:
        clean_title = clean_line(title).rstrip(". ")
        if rest.lower().startswith(clean_title.lower()):
            after = rest[len(clean_title):]
            stop = re.match(r"[^.!?]{0,120}[.!?](?=\s|$)", after)
            if len(clean_title) >= 90 and stop and not after.startswith((".", " .")):
                full_title = clean_title + after[: stop.end() - 1]
                after = after[stop.end():]
            rest = after.lstrip(" .")
            first_word = re.match(r"([\w&.-]+)\s+", rest)
            if first_word and outlets.wire_named(first_word.group(1)):
                wire = wire or outlets.wire_named(first_word.group(1))
                rest = rest[first_word.end():]
    return (rest.strip() if rest.strip() else paragraph), wire, full_title


# --- the article ----------------------------------------------------------------------------------


def _nonblank_lines(text: str) -> list[str]:
    """The lines of the page that are not blank, stripped (a line ends at \\n, \\r\\n or \\r)."""
    if "\r" in text:
        text = text.replace("\r", "\n")  # (\r\n gives a blank line more, which is dropped)
    return list(filter(None, map(str.strip, text.split("\n"))))


_URL_LABEL = re.compile(r"^(?:original|source)\s+url:?\s*$", re.I)
_URL_LABELLED = re.compile(r"^(?:original|source)\s+url:?\s*" + _URL.pattern, re.I)


def _find_url(lines: list[str]) -> str | None:
    """The article's own address: after an "Original url:" label, else a line that is only an address."""
    candidates = [(index, line) for index, line in enumerate(lines) if "url" in line.lower() or "http" in line]
    for index, line in candidates:
        if _URL_LABEL.match(line):
            for follow in lines[index + 1: index + 3]:
                match = _URL.search(follow)
                if match:
                    return match.group(1).rstrip(".,)")
        match = _URL_LABELLED.match(line)
        if match:
            return match.group(1).rstrip(".,)")
    for _, line in candidates:
        match = _URL.fullmatch(line)
        if match:
            return match.group(1).rstrip(".,)")
    return None


def _join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph cut mid-sentence with the next one when that continues in lower case."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and paragraph[:1].islower() and not ends_sentence(joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


# A liveblog's headline under its label: "LIVE: Envoys meet in Valdoria" (the ticker rule of furniture.yaml reads
# such a line as a ticker's item; above the text and over a date or byline, it is the headline).
_LIVE_HEADLINE = re.compile(r"(?:live|live updates|live blog)\s*:\s*[A-Z0-9\"'\u2018\u201c]\S*(?:\s+\S+){3,}", re.I)
# A badge before the headline, in capitals with no colon or bar: "LIVE  Envoys meet in Valdoria", "EXCLUSIVE Envoys ...".
_LIVE_BADGE = re.compile(r"(?:LIVE|BREAKING|EXCLUSIVE|WATCH|VIDEO|UPDATED)\s+(?=[A-Z][a-z])")


def _live_headline(line: str, following: str | None, dates_in: Callable[[str], list[FoundDate]]) -> bool:
    """Whether a line that reads as a ticker's item ("LIVE: ...") is a liveblog's headline: a byline or a date
    line (not a clock) follows it."""
    if following is None or not _LIVE_HEADLINE.fullmatch(line):
        return False
    if _is_byline(following) or _HEADER_OPENERS.match(following):
        return True
    return len(following) < 120 and bool(dates_in(following[:300])) and not is_clock(following)


def _lines_under_deck(lines: list[tuple[str, str]], first: int,
                      dates_in: Callable[[str], list[FoundDate]]) -> set[int]:
    """The indices of the byline and date lines (one to three short lines, a date among them) printed right
    under the first line of running text when more running text follows them: that first line is a deck, and
    they are the article's header. A deck that ends as a sentence does needs a byline among them (a place and a
    date alone under a paragraph may be a photo's)."""
    if first + 2 >= len(lines):
        return set()  # (no running text, or none after the deck and one line)
    found: set[int] = set()
    dated = False
    deck = lines[first][0].rstrip()[-1:] not in ".!?\"\u201d"  # (a standfirst without a full stop)
    for index in range(first + 1, min(first + 4, len(lines))):
        clean = lines[index][0]
        if _is_paragraph(clean):
            return found if dated and deck else set()
        if len(clean) >= 120 or ends_sentence(clean) and not dates_in(clean[:300]):
            return set()
        byline = bool(_is_byline(clean) or _HEADER_OPENERS.match(clean))
        deck = deck or byline
        if dates_in(clean[:300]):
            if is_clock(clean):
                return set()
            dated = True
        elif not byline:
            return set()
        found.add(index)
    return set()


def parse_article(text: str) -> ParsedArticle:
    """Title, source, wire, url, body and opening of an article page dump."""
    outlets = load_outlets()
    lowered = text.lower()
    nonblank = _nonblank_lines(_INLINE_FURNITURE.sub(" ", text) if "short url" in lowered else text)
    cleaned = clean_lines(nonblank)
    short = [len(line) <= FURNITURE_MAX for line in cleaned]
    # Short lines are tested against case-insensitive patterns: each is folded once (text.fold).
    folded = [fold(line) if is_short else "" for line, is_short in zip(cleaned, short)]
    # (a line with an address or a url label has 'http' or 'url': the page has one too)
    url = _find_url(nonblank) if "http" in text or "url" in lowered else None

    # Cut the furniture that closes many pages: everything from a comment form or appeal on.
    cut = len(nonblank)
    first_text = next((i for i, line in enumerate(cleaned) if _is_paragraph(line)), len(cleaned))
    for index in range(max(3, math.ceil(0.3 * len(nonblank))), len(nonblank)):
        if short[index] and _TAIL_FOLDED.match(folded[index]) and first_text < index:  # (after some running text)
            cut = index
            break
    kept = nonblank[:cut]

    source = None
    for index, line in enumerate(cleaned):
        appeal = short[index] and _OUTLET_APPEAL.match(line)
        if appeal:
            source = normalise_outlet(appeal.group("name").rstrip(".!:,"), outlets)
            if source:
                break
    if source is None and outlets.slogans:
        page = lowered.replace("\u2019", "'")
        source = next((outlet for slogan, outlet in outlets.slogans.items() if slogan.lower() in page), None)

    wire = None
    for index in [*range(cut, len(nonblank)), *range(max(0, cut - 3), cut)]:
        credit = _credit(cleaned[index], folded[index])
        if credit and credit.group("b") and folded[index].startswith("source") \
                and not outlets.wire_named(credit.group("b")) and masthead_name(credit.group("b").strip()):
            continue  # "Source: The Example Times": the outlet it is taken from (the publisher), not an agency
        if credit:
            named = next(g for g in credit.groups() if g)
            wire = outlets.wire_named(named) or named.strip()
            break

    # The lines that are not furniture, in order (a line printed twice is kept once, but counted).
    dates_in = _DatesMemo(numeric_order(text, date_in_url(url)) if "/" in text else None)
    lines: list[tuple[str, str]] = []  # (clean, raw)
    counts: dict[str, int] = {}
    teasers = False  # inside a list of teasers, after its label
    lines_of_text = False  # whether a paragraph of running text has been kept yet
    for index, line in enumerate(kept):
        clean = cleaned[index]
        if not clean:
            continue
        following = cleaned[index + 1] if index + 1 < len(kept) else None
        if teasers:
            if short[index] and at_most_words(clean, 25) and (not ends_sentence(clean) or _TEASER_ITEM.match(clean)
                                                              or _TEASER_DATE.search(clean)):
                continue  # a teaser's headline (a list's item, or one that closes with its date in brackets)
            teasers = False
        if short[index]:
            furniture = is_furniture(clean, folded[index])
            if furniture and not lines_of_text and _live_headline(clean, following, dates_in.__getitem__):
                furniture = False  # "LIVE: Envoys meet ..." over its stamp: the headline, not a ticker's item
            if furniture or ("http" in line and _URL.fullmatch(line)):
                # (above the article's first paragraph the lines after such a label may be the headline: only
                # the label goes there)
                teasers = lines_of_text and at_most_words(clean, 5) and bool(_TEASER_LABEL.match(clean))
                continue
            if any(later.startswith(clean) and len(clean) < len(later) < 2 * len(clean) + 20
                   for later in cleaned[index + 1: min(index + 4, len(kept))]):
                continue  # a line printed twice, the first time cut short
            if not ends_sentence(clean) and _is_caption(clean, following, folded[index]):
                continue
            if _is_dated_caption(clean, dates_in.__getitem__):
                continue
        elif clean.endswith(")") and _LONG_CAPTION_CREDIT.search(clean[-120:]):
            continue  # a long caption that ends with its photo credit
        counts[clean] = counts.get(clean, 0) + 1
        if counts[clean] == 1:
            lines.append((clean, line))
            lines_of_text = lines_of_text or _is_paragraph(clean)

    # The opening: the lines before the first paragraph of running text; the headline is one of them.
    first = next((i for i, (clean, _) in enumerate(lines) if _is_paragraph(clean)), len(lines))
    opening = [clean for clean, _ in lines[:first]]
    dated = [bool(dates_in[clean[:300]]) for clean in opening]
    text_words = _TextWords(" ".join(clean[:1500] for clean, _ in lines[first: first + 3])[:2500])
    pick = _pick_headline(opening, lines[first][0] if first < len(lines) else None, counts, dated, text_words)
    title = opening[pick] if pick is not None else None
    titled_suffix = None
    if title is not None:
        suffix = _TITLE_SUFFIX.match(title)
        if suffix and len(lines) > 2 and masthead_name(suffix.group("name")) and not at_most_words(suffix.group("head"), 3):
            # (a page of lines; an archive row, its headline field and one paragraph, keeps its field as it is)
            title, titled_suffix = suffix.group("head"), suffix.group("name")  # a browser title: "Headline | Example Post"
        badge = _LIVE_BADGE.match(title)
        if badge and not at_most_words(title[badge.end():], 2):
            title = title[badge.end():]  # "LIVE Envoys meet ...": a liveblog's badge printed before the headline
        revision = _WIRE_REVISION.match(title)
        if revision and not at_most_words(title[revision.end():], 2):
            title = title[revision.end():]
        label = _SECTION_LABEL.match(title)
        if label and not at_most_words(title[label.end():], 2):
            title = title[label.end():]  # "ANALYSIS | Envoys meet ...": the section's label, then the headline
    if title is not None and pick + 1 < len(opening) and title.endswith(" " + opening[pick + 1]) \
            and len(opening[pick + 1]) < len(title) // 2:
        title = title[: -len(opening[pick + 1]) - 1]  # a caption's name glued to the headline

    # A deck long enough to read as running text, with the byline and the date printed under it: those
    # lines belong to the header, not the text ("Headline / a long standfirst / By Jane Roe / 3 May 2016").
    under_deck = _lines_under_deck(lines, first, dates_in.__getitem__) if pick is not None and pick == first - 1 else set()
    before = opening[:pick] if pick is not None else []
    header: list[str] = []
    paragraphs: list[str] = []
    late_stamps: list[str] = []
    agency_line = None
    masthead = next(filter(None, (masthead_name(line) or masthead_and_slogan(line) or _masthead_in_bar(line)
                                  for line in before)), None)
    masthead_above = masthead  # (the name over the headline, not a signature under it)
    for index, (clean, line) in enumerate(lines[(pick + 1) if pick is not None else 0:],
                                          start=(pick + 1) if pick is not None else 0):
        ends = ends_sentence(clean)
        if index in under_deck:
            header.append(clean)
            continue
        if index < first:
            if dates_in[clean[:300]] and len(clean) < 120:
                header.append(clean)  # a date or byline line below the headline
                continue
            if _HEADER_OPENERS.match(clean) and at_most_words(clean, 12) or "," in clean and _is_byline(clean):
                header.append(clean)  # (a byline, or an author's name and role: "Dr Jane Roe, Senior Fellow")
                continue
            if at_most_words(clean, 3) and outlets.wire_named(clean) or at_most_words(clean, 6) and AGENCY_NAME.fullmatch(clean):
                header.append(clean)  # the agency's name alone: "AFP", "Associated Press", "Kestrel Press Agency"
                agency_line = agency_line or clean
                masthead = masthead or masthead_name(clean)
                continue
            if not ends and at_most_words(clean, 7) and is_title_case(clean):
                masthead = masthead or masthead_name(clean)
                header.append(clean)
                continue
        if len(paragraphs) < 4 and len(clean) <= 80 and _stamp_line_date(clean, dates_in.__getitem__):
            late_stamps.append(clean)  # "Updated Dec 14, 2016" after a deck or a caption: a stamp, not text
            continue
        if _BULLET.match(clean):
            paragraphs.append(_BULLET.sub("", clean).strip())  # the article's own bullet summary
            continue
        if paragraphs and not ends and not clean[:1].islower() and at_most_words(clean, 25) and is_title_case(clean):
            continue  # a sub-heading or "read more" teaser inside the text
        paragraphs.append(clean)
    paragraphs = _join_broken(paragraphs)
    if title is None and len(lines) <= 3 and paragraphs:
        title = _run_on_headline(paragraphs[0], dates_in.__getitem__)

    # The publisher: a dateline's credit, a byline or signature, a copyright line, a masthead, a url.
    dateline_source = credited_agency = None
    for paragraph in paragraphs[:3]:
        dateline = CREDIT_DATELINE.match(paragraph) or SLASH_DATELINE.match(paragraph) or CAPS_DATELINE.match(paragraph)
        if dateline:
            agency = outlets.wire_named(dateline.group("name")) or _agency_line_of(dateline.group("name"), agency_line)
            if agency:
                wire = wire or agency
            else:
                credited_agency = _agency_on_page(dateline.group("name"), cleaned, short)
                if credited_agency is None:
                    dateline_source = normalise_outlet(dateline.group("name"), outlets)
            break
    titled = None  # the site's name after the headline in the browser title: "Headline | Example Herald"
    if pick is not None:
        titled = next((site_name(tail, outlets) for other, tail in browser_titles(opening[:15]).values()
                       if other == pick), None) or normalise_outlet(titled_suffix, outlets)
    if source is None:
        named_in_lines = source_in_lines(cleaned, outlets)
        if named_in_lines is not None and masthead and named_in_lines in (wire, agency_line):
            named_in_lines = None  # the agency's copyright over its story, on the page of the outlet that prints it
        if named_in_lines is not None and masthead_above and not staff_signature(masthead_above) \
                and set(words_of(named_in_lines)) < set(words_of(masthead_above)):
            named_in_lines = normalise_outlet(_printed_name(masthead_above), outlets)  # "Example Staff" under "THE EXAMPLE HERALD"
        if named_in_lines is not None and not (dateline_source or titled):
            # a copyright naming the company that owns the outlet whose name tops the page
            named_in_lines = _outlet_of_company(named_in_lines, cleaned, short, folded, masthead) or named_in_lines
        if dateline_source and masthead and not _ABBREVIATION.fullmatch(dateline_source) and not staff_signature(masthead) \
                and set(words_of(dateline_source)) < set(words_of(masthead)):
            dateline_source = normalise_outlet(masthead, outlets)  # "(Sentinel)" under "The Example Sentinel"
        source = (dateline_source or titled or named_in_lines or normalise_outlet(masthead, outlets)
                  or outlets.outlet_of_url(url, known_only=True))
    if credited_agency is not None:  # the dateline credits an agency the page names in full
        if source is None or fold(source).startswith(fold(credited_agency.split()[0])):
            source = source or credited_agency  # the agency's own page
        else:
            wire = wire or credited_agency  # the agency's story, printed by the outlet of the page
    if source is None:
        for clean in header:  # "Example Media November 10, 2014": an outlet's name before the date
            found = dates_in[clean[:300]]
            named = clean[: found[0].start].strip().rstrip("|\u2022\u00b7-\u2013\u2014:").strip() if found else ""
            after = _AFTER_DATE_NAME.fullmatch(clean, found[-1].end) if found else None
            if after and not named:  # "May 3, 2016 | Example Post": the outlet's name after the date and a bar
                named = after.group("name")
            if named and masthead_name(named):
                source = normalise_outlet(named, outlets)
                break
    if source is None and title is not None:
        source = normalise_outlet(_top_masthead(cleaned, folded, short, title) or _name_in_live_bar(cleaned, title),
                                  outlets)

    if wire is None and agency_line and source is not None and outlets.wire_named(source) is None and source != agency_line:
        # an agency named alone under the headline of an outlet's page
        wire = outlets.wire_named(agency_line) or (agency_line if AGENCY_NAME.fullmatch(agency_line) else None)
    if source is None and agency_line:
        source = agency_line  # the agency's own page: nothing else names the publisher
    if source is not None and _ABBREVIATION.fullmatch(source) and _squash(source) not in outlets.known_names:
        source = _expansion(source, cleaned, short) or source  # "LP" and a masthead "LEVANT POST"

    # The printed date: a date line below the headline, else the first paragraph's opening or dateline,
    # and only then a line above the headline (where clocks and current-date widgets stand).
    found, at = printed_date(header, title, outlets, dates_in.__getitem__, names=True)
    published_label = found is not None and bool(_PUBLISHED_LABEL.match(header[at]))
    if found is not None:
        labelled = _published_date(header, dates_in.__getitem__)
        if labelled is not None:  # "Last updated 4 May 2016 | First published 3 May 2016": the publication's
            found, published_label = labelled, True
    if published_label:
        opening_text = " ".join(paragraphs[:8])
        published_label = _text_agrees(found.date, opening_text) or _weekday_agrees(found.date, paragraphs[:2])
    if found is not None and not published_label and 0 <= at < len(header) and _names_its_weekday(header[at], found) \
            and _weekday_agrees(found.date, paragraphs[:2]):
        published_label = True  # a stamp under the headline naming its date's own weekday, and a lead that speaks of
        # that day or the day before ("Tuesday 3 May 2016" over "... agreed on Tuesday"): no widget's date
    if found is None and header and paragraphs and len(header[0]) < 120 and only_place_clock(header[0]):
        # the line right under the headline, a date with a time and "<place> time", naming the date's own weekday,
        # and a lead speaking of that day or the day before: the article's stamp ("Sunday 3 May 2016 - 02:14 Example time")
        stamp = dates_in[header[0][:300]][:1]
        if stamp and _names_its_weekday(header[0], stamp[0]) and _weekday_agrees(stamp[0].date, paragraphs[:2]):
            found, at = stamp[0], 0
    if found is None and paragraphs:
        found, at = printed_date(paragraphs[:1], title, outlets, dates_in.__getitem__)
        at = len(header) if found is not None else -1
        if found is None:
            dateline = CREDIT_DATELINE.match(paragraphs[0])
            if dateline:
                in_dateline = [d for d in dates_in[paragraphs[0][:300]] if d.end <= dateline.end()]
                found = in_dateline[0] if in_dateline else _dateline_month_day(paragraphs[0], dateline.end())
    if found is None and late_stamps:  # a labelled stamp printed after a deck or a caption
        found = _stamp_line_date(late_stamps[0], dates_in.__getitem__)
    if found is None:  # above the headline, only a stamp: a date with a time or a label ("Updated: ...")
        # (an unlabelled date, with or without a time, is the site's clock unless the text agrees with it)
        stamps = [line for line in before if dates_in[line[:300]]]
        bylines = [line for line in stamps if _BYLINE_OPENS.match(line)]
        # a byline and its date over the headline, "By Jane Roe | 3 May 2016", is the article's: no clock has one
        found = printed_date(bylines, title, outlets, dates_in.__getitem__, names=True)[0] if bylines else None
        by_byline = found is not None
        if found is None:
            found, index = printed_date(stamps, title, outlets, dates_in.__getitem__)
        if found is not None and not by_byline and not _STAMP_LABEL.search(stamps[index]):
            timed = bool(_CLOCK_TIME.search(stamps[index]))
            if not _text_agrees(found.date, " ".join(paragraphs[:8]), strict=not timed,
                                lead_agrees=_weekday_agrees(found.date, paragraphs[:2])):
                found = None  # (without a time either, the year alone does not settle it)
    if found is None and lines and len(lines) > 1 and len(lines[-1][0]) <= 60 and _FOOT_STAMP.match(lines[-1][0]):
        stamped = dates_in[lines[-1][0]]
        found = stamped[0] if len(stamped) == 1 else None  # a labelled stamp closing the page
        if found is not None and paragraphs and paragraphs[-1] == lines[-1][0]:
            paragraphs.pop()
    if found is None and len(lines) > 2:
        # a footer's bar with the article's stamp as one of its parts, in the page's last lines: "Example Monitor |
        # Posted 3.5.2016 | Section: Region" (one such part alone; a comment's stamp has a name, not a label)
        parts = [part for line in cleaned[-4:] if len(line) <= 120 and _BAR_PARTS.search(line)
                 for part in _BAR_PARTS.split(line) if _FOOT_LABEL.match(part)]
        if len(parts) == 1:
            stamped = dates_in[parts[0]]
            if len(stamped) == 1 and _FOOT_LABEL.fullmatch(parts[0], 0, stamped[0].start) \
                    and not parts[0][stamped[0].end:].strip(" ."):
                found = stamped[0]
    stamped_at = found
    if found is not None and at == len(header) and paragraphs:
        first_paragraph, opening_wire, full_title = _strip_opening(paragraphs[0], title, found, outlets)
        paragraphs[0] = first_paragraph
        wire = wire or opening_wire
        if full_title:
            title = full_title
    elif paragraphs and title:
        first_paragraph, _, full_title = _strip_opening(paragraphs[0], title, None, outlets)
        paragraphs[0] = first_paragraph
        if full_title:
            title = full_title

    if stamped_at is not None and paragraphs:
        # The article's own dateline outranks a stamp the page or its archive printed: when the dateline's
        # date differs, the stamp (a crawl, update or placeholder date) is not the article's.
        credited = _credit_date(paragraphs[:2], dates_in.__getitem__)
        if credited is not None and credited.date != stamped_at.date:
            found = credited

    return ParsedArticle(
        title=title or None, source=source, wire=wire, url=url, body="\n\n".join(paragraphs),
        printed_date=found, published_label=published_label and found is stamped_at,
    )
