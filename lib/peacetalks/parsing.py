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
from functools import cached_property, lru_cache
from importlib import resources
from typing import Callable
from urllib.parse import urlparse

from .dates import FoundDate, WEEKDAYS, find_dates
from .words import fold, folded_pattern
from .yamlfiles import load_yaml_text

# --- what the page says about itself ------------------------------------------------------------

_URL = re.compile(r"<?(https?://[^\s<>\"]+)>?")
_MARKUP = re.compile(r"[*_`#]+")
_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u00b7\-*]\s+)")

# Lines that are page furniture wherever they stand: those known by how they begin, and captions
# and credits known by a bracket or slash inside them (tried only on lines that have one, as a
# pattern that may start anywhere in a line is tried at every offset of every line).
_FURNITURE_OPENING = re.compile(
    r"^(?:leave a (?:reply|comment)|your email address will not be published.*|required fields are marked.*"
    r"|(?:read|see) (?:more|also)\b.{0,80}|related(?: articles| stories| news)?:?.{0,80}|also read:?.{0,80}"
    r"|advertisement|sponsored|share(?: this| on)?\b.{0,40}|print|e-?mail|tweet|comments?"
    r"|sign up\b.{0,100}|subscribe\b.{0,100}|subscribers agree.{0,100}|privacy policy|cookie.{0,100}"
    r"|register|log ?in|sign ?in|get short url[\d\s]*|original url:?|source url:?|preview"
    r"|support [A-Z].{0,60}!|(?:once|monthly|annual|continue|remind me later\.?|not ready to support today\?)"
    r"|paiment methods|payment methods|follow us\b.{0,60}|click here\b.{0,80}"
    r"|photo:.*|photograph:.*|image:.*|picture:.*|file photo.*|\(?photo\b.{0,60}\)?"
    r"|\u00a9.*|copyright\b.*|all rights reserved.*)$",
    re.I,
)
_FURNITURE_INSIDE = re.compile(
    r"^(?:.*\((?:photo|file photo|afp photo|reuters photo|ap photo)[^)]*\)\s*"
    r"|.{0,40}\b(?:reuters|afp|ap|getty images|epa|sputnik)\s*/\s*\S.{0,60})$",
    re.I,
)


_FURNITURE_OPENING_FOLDED = folded_pattern(_FURNITURE_OPENING.pattern)
_FURNITURE_INSIDE_FOLDED = folded_pattern(_FURNITURE_INSIDE.pattern)


def is_furniture(line: str, folded: str | None = None) -> bool:
    """Whether a (cleaned) line is page furniture: a share button, a sign-up, a photo credit ...

    `folded` is words.fold(line) when the caller has it: the patterns are matched against it,
    compiled for folded text (about three times faster than re.IGNORECASE, same matches).
    """
    if folded is None:
        folded = fold(line)
    return bool(_FURNITURE_OPENING_FOLDED.match(folded)
                or (("(" in line or "/" in line) and _FURNITURE_INSIDE_FOLDED.match(folded)))


# Lines after which the rest of the page is furniture (comment forms, appeals, newsletters).
_TAIL = re.compile(
    r"^(?:leave a (?:reply|comment)|a message from\b.*|dear readers,?|sign up for\b.*newsletter.*"
    r"|you may also like.*|more from\b.{0,60}|related (?:articles|stories|coverage):?|comments?"
    r"|before it'?s here, it'?s on the .*terminal\.?|original url:?|share this article.*)$",
    re.I,
)
_TAIL_FOLDED = folded_pattern(_TAIL.pattern)
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

    `folded` is words.fold(line) when the caller has it: a line with none of the words every credit
    has (read as the case-insensitive pattern reads them) is not searched.
    """
    if len(line) > _FURNITURE_MAX:
        return None
    if folded is None:
        folded = fold(line)
    if not (folded.startswith(("with", "source")) or any(map(folded.__contains__, _CREDIT_WORDS))):
        return None
    return _CREDIT.search(line)


_HEADER_CUES = {"date", "published", "publication", "of", "last", "updated", "posted", "on", "at", "by", "first"}
_INLINE_FURNITURE = re.compile(r"\s*Get short URL(?:\s+\d+)*\s*", re.I)
_TIME = re.compile(r"^\s*(?:at\s+)?\d{1,2}[:.]?\d{2}(?:\s*(?:am|pm|gmt|utc))?\b", re.I)
_CAPTION_END_DATE = re.compile(r"\b(?:19|20)\d\d\s*$")
_TITLE_MAX = 250
_SEEN = re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b", re.I)
_SEEN_WORDS = ("seen", "pictured", "shown")  # one of them is in every _SEEN match


@dataclass(frozen=True)
class Outlets:
    """The outlets file: domains and slogans that name an outlet, and the wire agencies."""

    domains: dict[str, str]
    slogans: dict[str, str]
    wires: dict[str, list[str]]

    def wire_named(self, text: str) -> str | None:
        """The agency `text` names exactly (case as printed), or None."""
        return self._agency_of_name.get(text.strip(" .,;:()-\u2014\u2013"))

    @cached_property
    def _agency_of_name(self) -> dict[str, str]:
        """Each name of a wire agency, with the first agency in the file that has it."""
        agencies: dict[str, str] = {}
        for agency, names in self.wires.items():
            for name in names:
                agencies.setdefault(name, agency)
        return agencies

    def outlet_of_url(self, url: str | None) -> str | None:
        """The outlet an address belongs to: a known domain, else the domain itself."""
        if not url:
            return None
        host = urlparse(url).netloc.lower().split(":")[0]
        host = host[4:] if host.startswith("www.") else host
        if not host:
            return None
        parts = host.split(".")
        for i in range(len(parts) - 1):
            if ".".join(parts[i:]) in self.domains:
                return self.domains[".".join(parts[i:])]
        return host


@lru_cache(maxsize=1)
def load_outlets() -> Outlets:
    """The packaged outlets.yaml."""
    data = load_yaml_text(resources.files("peacetalks").joinpath("outlets.yaml").read_text(encoding="utf-8"), "outlets.yaml")
    return Outlets(data.get("domains") or {}, data.get("slogans") or {}, data.get("wires") or {})


@dataclass
class ParsedArticle:
    """What the text itself says about an article; `printed_date` is the date printed in its opening, if any."""

    title: str | None
    source: str | None
    wire: str | None
    url: str | None
    body: str
    printed_date: FoundDate | None = None


# --- line classification ------------------------------------------------------------------------


_FURNITURE_MAX = 300  # furniture, captions and mastheads are short lines; running text is not tested against them


def _clean(line: str) -> str:
    """A line without markdown markup and with single spaces.

    Runs of whitespace are made single spaces with str.split and str.join, which read whitespace as the
    pattern \\s does: the line re.sub(r"\\s+", " ", ...).strip() gives, at a fifth of the cost on the long
    one-paragraph articles.
    """
    if "*" in line or "#" in line or "_" in line or "`" in line:
        line = _MARKUP.sub("", line)
    if "  " in line or "\t" in line or "\u00a0" in line:
        return " ".join(line.split())
    return line.strip()


_CLEANED_OUT = ("*", "#", "_", "`", "  ", "\t", "\u00a0")  # what _clean changes in a stripped line


def _clean_lines(lines: list[str]) -> list[str]:
    """_clean of each of the (stripped) lines: the lines themselves when none has anything to clean."""
    page = "\n".join(lines)
    if any(map(page.__contains__, _CLEANED_OUT)):
        return [_clean(line) for line in lines]
    return lines


_WORD = re.compile(r"[\w'\u2019-]+")
_LATIN_WORD = re.compile(r"[A-Za-z][\w'\u2019-]*")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _is_title_case(text: str) -> bool:
    words = [w for w in _LATIN_WORD.findall(text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


def _at_most_words(text: str, most: int) -> bool:
    """Whether `text` has at most `most` words (as str.split counts them), without splitting all of a long text."""
    return len(text.split(None, most)) <= most


_SENTENCE_END_CHARS = ".!?:;\"'\u201d\u2019)]"


def _ends_sentence(text: str) -> bool:
    """True when a line ends as a sentence does (a full stop, a closing quote, a bracket ...)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END_CHARS


def _is_caption(line: str, next_line: str | None, folded: str | None = None) -> bool:
    """Whether a line that does not end as a sentence does (see _ends_sentence) is a photo caption: one ending
    in a date, 'X is seen in ...', or one followed by a credit.

    `folded` is words.fold(line) when the caller has it. The patterns run only where they can match: a
    year ends the line only if its last four characters (spaces aside) start with 19 or 20, and 'is seen'
    needs one of the verbs (read case-insensitively, as the folded line has them).
    """
    if line.rstrip()[-4:-2] in ("19", "20") and _CAPTION_END_DATE.search(line):
        dates = find_dates(line)
        if dates and dates[-1].end >= len(line.rstrip()) - 1 and len(line[: dates[-1].start].split()) >= 5:
            return True
    if folded is None:
        folded = fold(line)
    if any(map(folded.__contains__, _SEEN_WORDS)) and _SEEN.search(line):
        return True
    return bool(next_line) and next_line.lstrip().startswith("\u00a9")


_HEADER_TOKEN = re.compile(r"[\w'\u2019.-]+")
_WEEKDAY_SHORT = {day[:end] for day in WEEKDAYS for end in range(3, len(day) + 1)}  # 'wed', 'wedn', ... 'wednesday'


def _date_opens(text: str, found: FoundDate, title_words: set[str], outlets: Outlets) -> bool:
    """True when only header words (cues, weekdays, the title, wire names) stand before a date."""
    before = text[: found.start]
    for token in _HEADER_TOKEN.findall(before):
        bare = token.strip(".").lower()
        if not bare or bare in _HEADER_CUES or bare in title_words or outlets.wire_named(token):
            continue
        if bare in _WEEKDAY_SHORT:
            continue
        return False
    return len(before) <= 400


def printed_date(lines: list[str], title: str | None, outlets: Outlets,
                 dates_in: Callable[[str], list[FoundDate]] = find_dates) -> tuple[FoundDate | None, int]:
    """The publication date printed in the opening lines, and the index of its line (-1 if none).

    `dates_in` finds the dates of a text (find_dates, or a memo of it the caller keeps).
    """
    title_words = None
    for index, line in enumerate(lines):
        for found in dates_in(line[:300])[:1]:
            if title_words is None:
                title_words = set(_words(title or ""))
            if _date_opens(line, found, title_words, outlets):
                return found, index
    return None, -1


class _DatesMemo(dict):
    """find_dates of each text looked up, found once: the parser asks about some lines twice."""

    def __missing__(self, text: str) -> list[FoundDate]:
        found = self[text] = find_dates(text)
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
        clean_title = _clean(title).rstrip(". ")
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
        if joined and paragraph[:1].islower() and not _ends_sentence(joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def parse_article(text: str) -> ParsedArticle:
    """Title, source, wire, url, body and opening of an article page dump."""
    outlets = load_outlets()
    lowered = text.lower()
    nonblank = _nonblank_lines(_INLINE_FURNITURE.sub(" ", text) if "short url" in lowered else text)
    cleaned = _clean_lines(nonblank)
    short = [len(line) <= _FURNITURE_MAX for line in cleaned]
    # Short lines are tested against case-insensitive patterns: each is folded once (words.fold).
    folded = [fold(line) if is_short else "" for line, is_short in zip(cleaned, short)]
    # (a line with an address or a url label has 'http' or 'url': the page has one too)
    url = _find_url(nonblank) if "http" in text or "url" in lowered else None

    # Cut the furniture that closes many pages: everything from a comment form or appeal on.
    cut = len(nonblank)
    for index in range(max(3, math.ceil(0.3 * len(nonblank))), len(nonblank)):
        if short[index] and _TAIL_FOLDED.match(folded[index]):
            cut = index
            break
    kept = nonblank[:cut]

    source = None
    for index, line in enumerate(cleaned):
        appeal = short[index] and _OUTLET_APPEAL.match(line)
        if appeal:
            source = appeal.group("name").rstrip(".!:,")
            break
    if source is None and outlets.slogans:
        page = lowered.replace("\u2019", "'")
        source = next((outlet for slogan, outlet in outlets.slogans.items() if slogan.lower() in page), None)

    wire = None
    for index in [*range(cut, len(nonblank)), *range(max(0, cut - 3), cut)]:
        credit = _credit(cleaned[index], folded[index])
        if credit:
            named = next(g for g in credit.groups() if g)
            wire = outlets.wire_named(named) or named.strip()
            break

    # Classify the lines: furniture and captions go, the title is the first headline-like line.
    dates_in = _DatesMemo()
    title = None
    header: list[str] = []
    paragraphs: list[str] = []
    seen: set[str] = set()
    masthead = None
    for index, line in enumerate(kept):
        clean = cleaned[index]
        if not clean or clean in seen:
            continue
        following = cleaned[index + 1] if index + 1 < len(kept) else None
        ends = _ends_sentence(clean)
        if short[index]:
            if is_furniture(clean, folded[index]) or ("http" in line and _URL.fullmatch(line)):
                continue
            if following and following.startswith(clean) and len(clean) < len(following) < 2 * len(clean) + 20:
                continue  # a line printed twice, the first time cut short
            if not ends and _is_caption(clean, following, folded[index]):
                continue
        seen.add(clean)
        if title is None:
            opening = dates_in[clean[:60]]
            heading = line.lstrip().startswith("#")
            if not heading and opening and _date_opens(clean, opening[0], set(), outlets) and len(clean) < 80:
                header.append(clean)  # a date line above the headline
                continue
            if len(clean) <= _TITLE_MAX and not (clean.endswith(".") and not _at_most_words(clean, 25)):
                title = clean
                continue
            title = ""  # the page opens with running text: there is no headline to read
        if not paragraphs:
            if not ends and _at_most_words(clean, 5) and _is_title_case(clean) and not dates_in[clean]:
                masthead = masthead or clean
                header.append(clean)
                continue
            if not ends and len(clean) < 80 and dates_in[clean]:
                header.append(clean)  # a date line below the headline
                continue
            if _BULLET.match(line):
                header.append(_BULLET.sub("", line))
                continue  # the bulleted summary above the text
        elif not ends and not clean[:1].islower() and _at_most_words(clean, 25) and _is_title_case(clean):
            continue  # a sub-heading or "read more" teaser inside the text
        paragraphs.append(clean)
    paragraphs = _join_broken(paragraphs)

    if masthead and source is None:
        source = masthead
    for paragraph in paragraphs[:3]:
        dateline = DATELINE.match(paragraph)
        if dateline and dateline.group("name"):
            agency = outlets.wire_named(dateline.group("name"))
            if agency:
                wire = wire or agency
            elif source is None:
                source = dateline.group("name").strip()
            break
    if source is None:
        source = outlets.outlet_of_url(url)

    opening_lines = header + paragraphs[:1]
    found, at = printed_date(opening_lines, title, outlets, dates_in.__getitem__)
    if found is not None and at == len(header) and paragraphs:
        first, opening_wire, full_title = _strip_opening(paragraphs[0], title, found, outlets)
        paragraphs[0] = first
        wire = wire or opening_wire
        if full_title:
            title = full_title
    elif paragraphs and title:
        first, _, full_title = _strip_opening(paragraphs[0], title, None, outlets)
        paragraphs[0] = first
        if full_title:
            title = full_title

    return ParsedArticle(
        title=title or None, source=source, wire=wire, url=url, body="\n\n".join(paragraphs),
        printed_date=found,
    )
