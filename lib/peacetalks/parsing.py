"""From a page dump to an article: title, source, wire, url and the body without page furniture.

Page dumps come in two broad shapes: a page of lines (a heading, a masthead, a date line,
paragraphs, captions, teasers, comment forms, appeals), and an archive row whose content is
one long paragraph that opens with the date and the headline again. Both go through the
same steps: classify lines, pick the title, keep the paragraphs, read the opening for the
date, wire and source.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from importlib import resources
from urllib.parse import urlparse

import yaml

from .dates import FoundDate, WEEKDAYS, find_dates

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


def is_furniture(line: str) -> bool:
    """Whether a (cleaned) line is page furniture: a share button, a sign-up, a photo credit ..."""
    return bool(_FURNITURE_OPENING.match(line) or (("(" in line or "/" in line) and _FURNITURE_INSIDE.match(line)))


# Lines after which the rest of the page is furniture (comment forms, appeals, newsletters).
_TAIL = re.compile(
    r"^(?:leave a (?:reply|comment)|a message from\b.*|dear readers,?|sign up for\b.*newsletter.*"
    r"|you may also like.*|more from\b.{0,60}|related (?:articles|stories|coverage):?|comments?"
    r"|before it'?s here, it'?s on the .*terminal\.?|original url:?|share this article.*)$",
    re.I,
)
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


def _credit(line: str) -> re.Match[str] | None:
    """A wire credit ("Parts from Reuters", "With AFP", "X contributed to this report") in a short line."""
    if len(line) > _FURNITURE_MAX:
        return None
    if line.isascii():  # (for ASCII, lower() finds what the case-insensitive pattern would)
        lowered = line.lower()
        if not (lowered.startswith(("with", "source")) or any(word in lowered for word in _CREDIT_WORDS)):
            return None
    return _CREDIT.search(line)


_HEADER_CUES = {"date", "published", "publication", "of", "last", "updated", "posted", "on", "at", "by", "first"}
_INLINE_FURNITURE = re.compile(r"\s*Get short URL(?:\s+\d+)*\s*", re.I)
_TIME = re.compile(r"^\s*(?:at\s+)?\d{1,2}[:.]?\d{2}(?:\s*(?:am|pm|gmt|utc))?\b", re.I)
_CAPTION_END_DATE = re.compile(r"\b(?:19|20)\d\d\s*$")
_TITLE_MAX = 250
_SEEN = re.compile(r"\b(?:is|are) (?:seen|pictured|shown)\b", re.I)


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
    data = yaml.safe_load(resources.files("peacetalks").joinpath("outlets.yaml").read_text(encoding="utf-8"))
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


_SPACES = re.compile(r"\s+")
_FURNITURE_MAX = 300  # furniture, captions and mastheads are short lines; running text is not tested against them


def _clean(line: str) -> str:
    """A line without markdown markup and with single spaces."""
    if "*" in line or "#" in line or "_" in line or "`" in line:
        line = _MARKUP.sub("", line)
    if "  " in line or "\t" in line or "\u00a0" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'\u2019-]+", text.lower())


def _is_title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) / len(words) >= 0.6


_SENTENCE_END_CHARS = ".!?:;\"'\u201d\u2019)]"


def _ends_sentence(text: str) -> bool:
    """True when a line ends as a sentence does (a full stop, a closing quote, a bracket ...)."""
    stripped = text.rstrip()
    return bool(stripped) and stripped[-1] in _SENTENCE_END_CHARS


def _is_caption(line: str, next_line: str | None) -> bool:
    """Photo captions: a line ending in a date without a full stop, 'X is seen in ...', or one followed by a credit."""
    if _ends_sentence(line):
        return False
    if _CAPTION_END_DATE.search(line):
        dates = find_dates(line)
        if dates and dates[-1].end >= len(line.rstrip()) - 1 and len(line[: dates[-1].start].split()) >= 5:
            return True
    if _SEEN.search(line):
        return True
    return bool(next_line) and next_line.lstrip().startswith("\u00a9")


def _date_opens(text: str, found: FoundDate, title_words: set[str], outlets: Outlets) -> bool:
    """True when only header words (cues, weekdays, the title, wire names) stand before a date."""
    before = text[: found.start]
    for token in re.findall(r"[\w'\u2019.-]+", before):
        bare = token.strip(".").lower()
        if not bare or bare in _HEADER_CUES or bare in title_words or outlets.wire_named(token):
            continue
        if any(bare.startswith(day[:3]) and day.startswith(bare) for day in WEEKDAYS):
            continue
        return False
    return len(before) <= 400


def printed_date(lines: list[str], title: str | None, outlets: Outlets) -> tuple[FoundDate | None, int]:
    """The publication date printed in the opening lines, and the index of its line (-1 if none)."""
    title_words = set(_words(title or ""))
    for index, line in enumerate(lines):
        for found in find_dates(line[:300])[:1]:
            if _date_opens(line, found, title_words, outlets):
                return found, index
    return None, -1


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


def _blocks(text: str) -> list[str]:
    """Lines of the page, stripped, with blank lines as empty strings; runs of blank lines folded."""
    blocks: list[str] = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if line or (blocks and blocks[-1]):
            blocks.append(line)
    return blocks


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
        if joined and not _ends_sentence(joined[-1]) and paragraph[:1].islower():
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def parse_article(text: str) -> ParsedArticle:
    """Title, source, wire, url, body and opening of an article page dump."""
    outlets = load_outlets()
    lines = _blocks(_INLINE_FURNITURE.sub(" ", text) if "short url" in text.lower() else text)
    nonblank = [line for line in lines if line]
    cleaned = [_clean(line) for line in nonblank]
    short = [len(line) <= _FURNITURE_MAX for line in cleaned]
    url = _find_url(nonblank)

    # Cut the furniture that closes many pages: everything from a comment form or appeal on.
    cut = len(nonblank)
    for index, line in enumerate(cleaned):
        if index >= 3 and index >= 0.3 * len(nonblank) and short[index] and _TAIL.match(line):
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
        page = text.lower().replace("\u2019", "'")
        source = next((outlet for slogan, outlet in outlets.slogans.items() if slogan.lower() in page), None)

    wire = None
    for line in cleaned[cut:] + cleaned[max(0, cut - 3):cut]:
        credit = _credit(line)
        if credit:
            named = next(g for g in credit.groups() if g)
            wire = outlets.wire_named(named) or named.strip()
            break

    # Classify the lines: furniture and captions go, the title is the first headline-like line.
    title = None
    header: list[str] = []
    paragraphs: list[str] = []
    seen: set[str] = set()
    masthead = None
    for index, line in enumerate(kept):
        clean = cleaned[index]
        following = cleaned[index + 1] if index + 1 < len(kept) else None
        if not clean or clean in seen:
            continue
        if short[index]:
            if is_furniture(clean) or _URL.fullmatch(line):
                continue
            if following and following.startswith(clean) and len(clean) < len(following) < 2 * len(clean) + 20:
                continue  # a line printed twice, the first time cut short
            if _is_caption(clean, following):
                continue
        seen.add(clean)
        if title is None:
            opening = find_dates(clean[:60])
            heading = line.lstrip().startswith("#")
            if not heading and opening and _date_opens(clean, opening[0], set(), outlets) and len(clean) < 80:
                header.append(clean)  # a date line above the headline
                continue
            if len(clean) <= _TITLE_MAX and not (clean.endswith(".") and len(clean.split()) > 25):
                title = clean
                continue
            title = ""  # the page opens with running text: there is no headline to read
        if not paragraphs and len(clean.split()) <= 5 and not _ends_sentence(clean) and _is_title_case(clean) \
                and not find_dates(clean):
            masthead = masthead or clean
            header.append(clean)
            continue
        if not paragraphs and not _ends_sentence(clean) and len(clean) < 80 and find_dates(clean):
            header.append(clean)  # a date line below the headline
            continue
        if paragraphs and not _ends_sentence(clean) and len(clean.split()) <= 25 and _is_title_case(clean) \
                and not clean[:1].islower():
            continue  # a sub-heading or "read more" teaser inside the text
        if _BULLET.match(line) and not paragraphs:
            header.append(_BULLET.sub("", line))
            continue  # the bulleted summary above the text
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
    found, at = printed_date(opening_lines, title, outlets)
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
