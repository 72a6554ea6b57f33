"""Saved HTML pages: a web page as a browser saves it, to the same parsed article a page dump gives.

trafilatura reads the page: its main text without menus, footers and teasers, its title, site
name and canonical address. The publication date is htmldate's (which trafilatura runs), but
htmldate alone may answer with a later date than the publication (a modification date, a date
in a "related content" teaser), so its answer is checked against what the page says about its
own publication:

- explicit publication metadata: `article:published_time` and the like in `<meta>`, JSON-LD
  `datePublished` of the article, `itemprop="datePublished"`, `<time pubdate>`;
- a date standing alone as a segment of the page's `<title>` or `og:title` ("... | DW | 19.01.2020");
- the date in the canonical address (`/2023/01/16/`).

A timestamp written with an offset other than UTC is the publisher's local day. One written in
UTC (`Z`, `+00:00`) may be the day before or after locally, so it stands for every day within
ten hours of it (publishers from Hawaii to eastern Australia), and other evidence must settle
which. The date kept is the one day every piece of that evidence allows:

- htmldate's answer when it is that day (the evidence names the page's fields that confirm it);
- the page's own day when htmldate answers another one: htmldate's answer is set aside and said
  so in `problems` (the page's explicit publication metadata is unambiguous, htmldate's heuristic
  found a modification or teaser date);
- no date, and a conflict in `problems`, when the page's own evidence disagrees with itself, or
  allows two days; no date, with a note, when nothing on the page confirms htmldate's answer.

Nothing is fetched: the page is parsed from its text, never from an address.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any, Iterator

from peacetalks.sources.catalog import CatalogEntry, Event
from peacetalks.parse.dates import FoundDate, date_in_url, find_dates
from peacetalks.parse.dating import DateDecision, decide_date
from peacetalks.parse.outlets import load_outlets
from peacetalks.parse.furniture import is_furniture
from peacetalks.parse.page import DATELINE, ParsedArticle

UTC_SPREAD = dt.timedelta(hours=10)
"""How far a publisher's local time may be from a UTC timestamp it writes (see the module's docstring)."""

# Meta tags (property, name or itemprop, lower case) that state the publication, never the modification.
PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "og:published_time", "article:published",
    "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "publication-date", "date_published", "dc.date.issued", "dcterms.issued", "parsely-pub-date",
    "citation_publication_date", "original-publish-date", "article.published", "pub_date",
)
# JSON-LD types whose datePublished is the article's.
_ARTICLE_TYPE = re.compile(r"(?:Article|BlogPosting|Report|Posting)$")
_ISO = re.compile(
    r"^\s*(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ](?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?:[.,]\d+)?\s*(?P<tz>Z+|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_TITLE_SEPARATORS = re.compile(r"\s+[|\u2013\u2014-]\s+|\|")
_DOMAIN_SUFFIX = re.compile(r"\.(?:com|net|org|co\.uk|co|info|news|de|fr|ru|tv)$", re.I)
_MIN_WORDS = 10
"""Fewer words than this in the main text is no article: a menu or a label trafilatura fell back on."""
_MIN_TEXT = 200
"""A main text shorter than this, beside a JSON-LD articleBody at least twice as long, is taken as a failed extraction."""


@dataclass
class DateClue:
    """One thing the page says about its publication date: where, the value as written, and the days it allows."""

    where: str
    value: str
    days: frozenset[dt.date]

    def describe(self) -> str:
        return f'{self.where} "{self.value}"'


@dataclass
class HtmlArticle(ParsedArticle):
    """A saved page read as an article: a ParsedArticle, with how its date was settled and what was noted."""

    published: dt.date | None = None
    date_evidence: str | None = None
    date_conflict: bool = False
    notes: list[str] = field(default_factory=list)


# --- what the page says about itself ------------------------------------------------------------


def _days_of(value: str) -> frozenset[dt.date]:
    """The days a written date or timestamp allows (see UTC_SPREAD); empty when it is not a date."""
    match = _ISO.match(value)
    if match:
        try:
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return frozenset()
        tz = (match["tz"] or "").upper().replace(":", "")
        utc = match["H"] is not None and (tz.startswith("Z") or tz in ("UTC", "GMT", "+0000", "-0000"))
        if not utc:
            return frozenset({day})
        try:
            moment = dt.datetime(day.year, day.month, day.day, int(match["H"]), int(match["M"]))
            return frozenset({(moment - UTC_SPREAD).date(), (moment + UTC_SPREAD).date()})
        except (ValueError, OverflowError):  # no such hour, or a day at the edge of the calendar
            return frozenset()
    found = find_dates(value)
    return frozenset({found[0].date}) if len(found) == 1 else frozenset()


def _json_objects(tree) -> Iterator[dict[str, Any]]:
    """Every object of the page's JSON-LD blocks, nested ones and @graph members included."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content() or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        todo = [data]
        while todo:
            item = todo.pop()
            if isinstance(item, dict):
                yield item
                todo.extend(v for v in item.values() if isinstance(v, (dict, list)))
            elif isinstance(item, list):
                todo.extend(item)


def _types(item: dict[str, Any]) -> list[str]:
    kind = item.get("@type")
    return [str(k) for k in (kind if isinstance(kind, list) else [kind]) if k]


def _is_article(item: dict[str, Any]) -> bool:
    """A JSON-LD object that is the article: of an article type, or untyped with a headline."""
    types = _types(item)
    return any(_ARTICLE_TYPE.search(t) for t in types) or (not types and "headline" in item)


def date_clues(tree, url: str | None) -> list[DateClue]:
    """What the page says about its own publication date (see the module's docstring)."""
    clues: list[DateClue] = []
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in PUBLISHED_META:
            value = meta.get("content", "").strip()
            days = _days_of(value)
            if days:
                clues.append(DateClue(key, value, days))
    for element in tree.xpath('//*[@itemprop="datePublished"][not(self::meta)] | //time[@pubdate]'):
        value = (element.get("datetime") or element.get("content") or "").strip()
        days = _days_of(value)
        if days:
            kind = "pubdate" if element.get("pubdate") is not None else 'itemprop="datePublished"'
            clues.append(DateClue(f"<{element.tag} {kind}>", value, days))
    for item in _json_objects(tree):
        value = item.get("datePublished")
        if isinstance(value, str) and _is_article(item):
            days = _days_of(value)
            if days:
                clues.append(DateClue("JSON-LD datePublished", value.strip(), days))
    for where, text in (("<title> date", tree.findtext(".//title")), ("og:title date", _meta(tree, "og:title"))):
        for segment in _title_segments(text or "")[1:]:
            found = find_dates(segment)
            if len(found) == 1 and found[0].text.strip() == segment.strip():
                clues.append(DateClue(where, segment.strip(), frozenset({found[0].date})))
    url_date = date_in_url(url)
    if url_date:
        clues.append(DateClue("address", url, frozenset({url_date})))
    unique: dict[tuple[str, str], DateClue] = {}
    for clue in clues:
        unique.setdefault((clue.where, clue.value), clue)
    return list(unique.values())


def _meta(tree, key: str) -> str | None:
    for meta in tree.xpath("//meta[@content]"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == key:
            return meta.get("content")
    return None


def _title_segments(title: str) -> list[str]:
    return [part.strip() for part in _TITLE_SEPARATORS.split(title) if part.strip()]


def settle_date(clues: list[DateClue], htmldate: dt.date | None) -> tuple[dt.date | None, str | None, list[str], bool]:
    """The publication date, its evidence, the notes for `problems`, and whether the page's evidence conflicts."""
    if not clues:
        if htmldate is None:
            return None, None, [], False
        return None, None, [f"htmldate's date {htmldate} is confirmed by nothing on the page "
                            "(no publication metadata, title date or dated address): left undated"], False
    allowed = frozenset.intersection(*(clue.days for clue in clues))
    named = ", ".join(clue.describe() for clue in clues)
    if not allowed:
        by_day = "; ".join(f"{clue.describe()} says {' or '.join(sorted(map(str, clue.days)))}" for clue in clues)
        return None, None, [f"date conflict: the page's own publication dates disagree ({by_day}); left undated"], True
    if len(allowed) > 1:
        days = " or ".join(sorted(map(str, allowed)))
        return None, None, [f"date conflict: the page's publication time ({named}) may fall on {days} "
                            "in the publisher's time zone, and nothing on the page settles which; left undated"], True
    (day,) = allowed
    if htmldate == day:
        return day, f"htmldate {day}, confirmed by the page's {named}", [], False
    notes = []
    if htmldate is not None:
        notes.append(f"htmldate's date {htmldate} (a modification or other date of the page) set aside: "
                     f"the page's own publication dates say {day} ({named})")
    return day, f"the page's {named}" + (f" (htmldate's {htmldate} set aside)" if htmldate else ""), notes, False


# --- title, publisher, body -------------------------------------------------------------------------


def _letters(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _names_site(name: str, host: str) -> bool:
    """Whether a site name matches the page's host: its letters, or its initials, in the host's."""
    letters = _letters(re.sub(r"^the\s+", "", name, flags=re.I))
    host_letters = _letters(host.split(".")[-2] if host.count(".") >= 1 else host)
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", name) if word.lower() != "the").lower()
    return len(letters) >= 3 and (letters in _letters(host) or host_letters in letters
                                  or (len(initials) >= 2 and initials == host_letters))


def _clean_site_name(name: str) -> str:
    """A site name without a domain ending ("Salon.com" -> "Salon", "DW.COM" -> "DW")."""
    name = " ".join(name.split())
    return _DOMAIN_SUFFIX.sub("", name) if " " not in name else name


def publisher(tree, sitename: str | None, url: str | None) -> str | None:
    """The outlet: outlets.yaml's name for the page's domain, else the page's site name (the one that
    matches its domain when several are given), else the domain."""
    outlets = load_outlets()
    host = outlets.outlet_of_url(url)
    known = host if host and host in outlets.domains.values() else None
    if known:
        return known
    candidates = [item["publisher"].get("name") for item in _json_objects(tree)
                  if _is_article(item) and isinstance(item.get("publisher"), dict)]
    candidates += [_meta(tree, "og:site_name"), sitename, _meta(tree, "application-name")]
    names = [_clean_site_name(c) for c in candidates if isinstance(c, str) and c.strip()]
    if host:
        matching = [n for n in names if _names_site(n, host)]
        if matching:
            return matching[0]
    return names[0] if names else host


def clean_title(title: str | None, site_names: list[str]) -> str | None:
    """The headline without trailing segments that are the site's name or a date ("... | DW | 19.01.2020")."""
    if not title:
        return None
    parts = re.split(r"(\s+[|\u2013\u2014-]\s+|\s*\|\s*)", title.strip())
    names = {_letters(n) for n in site_names if n}
    while len(parts) >= 3:
        last = parts[-1].strip()
        found = find_dates(last)
        if _letters(last) in names or (found and found[0].text.strip() == last) or not last:
            parts = parts[:-2]
        else:
            break
    return "".join(parts).strip() or None


def _paragraphs(text: str) -> list[str]:
    """The main text's paragraphs, without furniture lines (captions, credits, share buttons) and repeats."""
    kept: list[str] = []
    seen: set[str] = set()
    for line in text.splitlines():
        line = " ".join(line.split())
        if not line or line in seen or (len(line) <= 300 and is_furniture(line)):
            continue
        seen.add(line)
        kept.append(line)
    return kept


def _article_body(tree) -> str | None:
    """The JSON-LD articleBody of the page's article, if it gives one."""
    for item in _json_objects(tree):
        body = item.get("articleBody")
        if isinstance(body, str) and body.strip() and _is_article(item):
            return body
    return None


def parse_html(text: str) -> HtmlArticle:
    """Title, publisher, wire, canonical url, body and publication date of a saved web page.

    Never raises for a bad page: an unreadable page, or one without main text, is an article
    without body, with a note saying so.
    """
    import trafilatura  # imported here: text corpora never pay for loading it

    tree = trafilatura.load_html(text) if text.strip() else None
    if tree is None:
        return HtmlArticle(None, None, None, None, "", notes=["not readable as HTML: no article read"])
    # bare_extraction gets a tree of its own (it prunes what it is given), never the text: htmldate
    # would fetch a text that is only an address
    notes: list[str] = []
    try:
        document = trafilatura.bare_extraction(
            trafilatura.load_html(text), with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"original_date": True, "extensive_search": True},
        )
        meta = document if document is not None else trafilatura.extract_metadata(tree)
    except Exception as err:  # noqa: BLE001 - a page trafilatura cannot read is a problem, not a crash
        document = meta = None
        notes.append(f"trafilatura could not read the page ({type(err).__name__}): no main text or metadata from it")
    url = getattr(meta, "url", None) if meta is not None else None
    url = url if isinstance(url, str) and url.startswith(("http://", "https://")) else None
    sitename = getattr(meta, "sitename", None) if meta is not None else None
    source = publisher(tree, sitename, url)
    raw_title = getattr(meta, "title", None) if meta is not None else None
    title = clean_title(raw_title, [n for n in (source, sitename, _meta(tree, "og:site_name")) if n])
    main = (getattr(document, "text", None) or "") if document is not None else ""
    json_body = _article_body(tree)
    if json_body and len(main) < _MIN_TEXT and len(json_body) >= 2 * len(main):
        main = json_body
    paragraphs = _paragraphs(main)
    headings = {_letters(t) for t in (title, raw_title) if t}
    while paragraphs and _letters(paragraphs[0]) in headings:  # the headline printed above the text
        paragraphs.pop(0)
    if sum(len(p.split()) for p in paragraphs) < _MIN_WORDS:  # a menu item or a stray label, not an article
        paragraphs = []
    if not paragraphs:
        notes.append("no main text found in the HTML: body left empty")
    wire = None
    outlets = load_outlets()
    for paragraph in paragraphs[:3]:
        dateline = DATELINE.match(paragraph)
        if dateline and dateline.group("name"):
            wire = outlets.wire_named(dateline.group("name"))
            break
    htmldate = None
    raw_date = getattr(meta, "date", None) if meta is not None else None
    if raw_date:
        try:
            htmldate = dt.date.fromisoformat(str(raw_date)[:10])
        except ValueError:
            htmldate = None
    clues = date_clues(tree, url)
    published, evidence, date_notes, conflict = settle_date(clues, htmldate)
    notes.extend(date_notes)
    printed = FoundDate(published, 0, 0, published.isoformat()) if published else None
    return HtmlArticle(title, source, wire, url, "\n\n".join(paragraphs), printed,
                       published=published, date_evidence=evidence, date_conflict=conflict, notes=notes)


def decide_html_date(page: HtmlArticle, entry: CatalogEntry | None, events: list[Event]) -> DateDecision:
    """dating.decide_date for a saved page: the page's settled date (basis `text`, its evidence saying
    where on the page it was found); when the page's own dates conflict, its address is not used either."""
    parsed = dataclasses.replace(page, url=None) if page.date_conflict else page
    decision = decide_date(parsed, entry, events, corroborated=True)  # settle_date kept only a confirmed day
    if decision.basis == "text" and page.date_evidence:
        decision.evidence = page.date_evidence
    return decision
