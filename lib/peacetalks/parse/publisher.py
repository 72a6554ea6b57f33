"""The publisher's name as a page prints it, beyond its masthead and credits (outlets.py): an agency a dateline
credits by a short name and the page names in full, an abbreviated name spelled out by the masthead or the
footer, the outlet of a company that holds the copyright, a broadcaster named in its top bar."""
from __future__ import annotations

import re

from peacetalks.parse.dates import find_dates
from peacetalks.parse.furniture import is_furniture
from peacetalks.parse.headline import _BAR_PARTS, _SITE_LABELS
from peacetalks.parse.lines import ends_sentence, is_latin, words_of
from peacetalks.parse.outlets import AGENCY_NAME


def _agency_line_of(credited: str, agency_line: str | None) -> str | None:
    """The agency a dateline credits ("GENEVA, June 30 (Kestrel) -"), when the page names it in full as an agency
    under the byline ("Kestrel Press Agency"): the story is the agency's, printed by the outlet of the page."""
    credited = credited.strip(" .,;:()-\u2014\u2013")
    if agency_line and credited and AGENCY_NAME.fullmatch(agency_line) and agency_line.lower().startswith(credited.lower()):
        return agency_line
    return None


def _agency_on_page(credited: str, cleaned: list[str], short: list[bool]) -> str | None:
    """The agency a dateline credits by a short name ("GENEVA, June 30 (Kestrel) -"), when a short line of the
    page names it in full as an agency ("Wire copy \u00a9 Kestrel News Agency"), or None."""
    credited = credited.strip(" .,;:()-\u2014\u2013")
    if len(credited) < 2:
        return None
    for line, is_short in zip(cleaned, short):
        if is_short and credited in line:
            for match in AGENCY_NAME.finditer(line):
                if match.group(0).startswith(credited + " "):
                    return match.group(0)
    if _ABBREVIATION.fullmatch(credited):  # "(TWS)" and a byline's "Example Wire Service" whose initials spell it
        letters = credited.replace(".", "")
        for line, is_short in zip(cleaned, short):
            if is_short and len(line) <= 80:
                for match in AGENCY_NAME.finditer(line):
                    if _initials(match.group(0)) == letters:
                        return match.group(0)
    return None


def _initials(name: str) -> str:
    """The initials of a name's words, its small words skipped: "Example Wire Service" -> "EWS"."""
    return "".join(word[0] for word in name.split() if word.lower() not in _INITIALS_SKIPPED)


_COPYRIGHT_SIGN = re.compile(r"\u00a9|\(c\)|\bcopyright\b", re.I)
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'\u2019&.-]*(?:\s+(?:of|and|&|for|the|[A-Z][\w'\u2019&.-]*))*")
_INITIALS_SKIPPED = frozenset(("the", "of", "and", "&", "for", "on", "in"))
_ABBREVIATION = re.compile(r"[A-Z](?:\.?[A-Z]){1,4}\.?")


def _printed_name(name: str) -> str:
    """A name printed in capitals, in the case a reader writes it: "THE EXAMPLE COURIER" -> "The Example Courier"
    (short words in capitals, "TV", "ABC", stay as they are)."""
    words = name.split()
    if len(words) < 2 or not name.isupper():
        return name
    return " ".join(word.lower() if word.lower() in _INITIALS_SKIPPED and i else
                    word.capitalize() if len(word) >= 4 or word == "THE" else word for i, word in enumerate(words))


def _expansion(abbreviation: str, cleaned: list[str], short: list[bool]) -> str | None:
    """A name printed in the masthead's or footer's lines or a copyright line whose initials spell an abbreviated
    publisher's name: a dateline "(LP)" or a masthead "LP" and a footer "\u00a9 2016 Levant Post"; None when no
    such name is printed."""
    letters = abbreviation.replace(".", "")
    for index, (line, is_short) in enumerate(zip(cleaned, short)):
        if not is_short or len(line) > 160:
            continue
        if 3 <= index < len(cleaned) - 6 and not _COPYRIGHT_SIGN.search(line):
            continue  # (the masthead's lines, the footer's, and copyright lines: not a headline or sub-heading)
        for run in _CAPITALISED_RUN.findall(line):
            tokens = run.split()
            for start in range(len(tokens)):  # each stretch of the run that starts and ends with a name's word
                if tokens[start].lower() in _INITIALS_SKIPPED:
                    continue
                words = [word for word in tokens[start:] if word.lower() not in _INITIALS_SKIPPED][: len(letters)]
                if len(words) == len(letters) and all(word[0] == letter for word, letter in zip(words, letters)):
                    end = start + tokens[start:].index(words[-1]) + 1
                    if tokens[start:end] != [abbreviation]:
                        return _printed_name(" ".join(tokens[start:end]))
    return None


# The words of a company's name that an outlet's name lacks: "Example Media Ltd" owns "The Example Courier".
_COMPANY_WORDS = frozenset("media group holdings publishing publications publishers company corporation corp inc ltd "
                           "limited plc llc enterprises communications newspapers ventures".split())


def _outlet_of_company(company: str, cleaned: list[str], short: list[bool], folded: list[str],
                       masthead: str | None) -> str | None:
    """The outlet's name printed at the top of the page (the masthead, or the first line that is not furniture,
    alone or as the first part of a bar) when a copyright names its company with a word of it: "THE LONDON
    COURIER \u00b7 World" over "\u00a9 2016 Courier Media Ltd"."""
    named = set(words_of(company)) - _INITIALS_SKIPPED
    first = next((i for i in range(min(4, len(cleaned))) if not (short[i] and is_furniture(cleaned[i], folded[i]))), None)
    tops = [masthead] if masthead else []
    if first is not None and short[first]:
        tops.append(_BAR_PARTS.split(cleaned[first])[0].strip())
    for top in tops:
        words = top.split()
        if not 1 <= len(words) <= 5 or find_dates(top) or ends_sentence(top) \
                or not all(word[:1].isupper() or word.lower() in _INITIALS_SKIPPED for word in words):
            continue
        own = set(words_of(top)) - _INITIALS_SKIPPED
        shared = own & named
        if shared and named - shared and (named - shared) <= _COMPANY_WORDS:
            return _printed_name(top)
    return None


# The labels a broadcaster prints beside its name in the page's top bar: "NAME | LIVE", "Name \u00b7 Watch live \u00b7 Radio".
_BROADCAST_LABELS = frozenset("live watch listen tv radio on air now stream streaming podcasts video videos".split())


def _name_in_live_bar(cleaned: list[str], title: str) -> str | None:
    """The broadcaster's name that opens the page's first line, a bar of its broadcast labels ("NORTHWIND | LIVE"):
    one to three capitalised words with no date, none of them a word of the headline (a kicker such as
    "VALDORIA | LIVE" names the headline's place), before parts that are only such labels."""
    if not cleaned or not any(map(cleaned[0].__contains__, ("|", "\u00b7", "\u2022"))):
        return None
    parts = _BAR_PARTS.split(cleaned[0].strip())
    if len(parts) < 2:
        return None
    name, labels = parts[0].strip(), parts[1:]
    words = name.split()
    if not 1 <= len(words) <= 3 or not all(word[:1].isupper() for word in words) or find_dates(name) \
            or not is_latin(name) or set(words_of(name)) & (set(words_of(title)) | _BROADCAST_LABELS | _SITE_LABELS):
        return None
    if not all(words_of(label) and set(words_of(label)) <= _BROADCAST_LABELS | _SITE_LABELS for label in labels):
        return None
    return _printed_name(name)
