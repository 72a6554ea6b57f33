"""Who published a page: the outlets file (`outlets.yaml`: domains, slogans, wire agencies, other spellings,
validated with pydantic), an outlet's name normalised to it, and the lines that name the publisher (a
dateline's credit, a byline, a signature, a copyright line, an app banner, a masthead)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from peacetalks.parse.lines import FURNITURE_MAX, ends_sentence, is_latin, words_of
from peacetalks.sources.problems import InputError
from peacetalks.sources.yamlfiles import load_yaml_text
from peacetalks.text import fold


@dataclass(frozen=True)
class Outlets:
    """The outlets file: domains and slogans that name an outlet, and the wire agencies."""

    domains: dict[str, str]
    slogans: dict[str, str]
    wires: dict[str, list[str]]
    names: dict[str, str] = field(default_factory=dict)

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

    @cached_property
    def known_names(self) -> dict[str, str]:
        """Each outlet and agency of the file by its squashed name (letters and digits, lower case, no
        leading "the"): how a name printed another way ("PressTv", "the example times") is recognised."""
        names: dict[str, str] = {}
        for name in [*self.domains.values(), *self.slogans.values(), *self.wires, *self.names.values()]:
            names.setdefault(_squash(name), name)
        for variant, name in self.names.items():
            names[_squash(variant)] = name
        return names

    def outlet_of_url(self, url: str | None, known_only: bool = False) -> str | None:
        """The outlet an address belongs to: a known domain, else the domain itself (None with `known_only`:
        a bare domain is no name a reader would give the publisher)."""
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
        return None if known_only else host


class OutletsFile(BaseModel):
    """What outlets.yaml may hold: domains and slogans naming an outlet, wire agencies with the names they
    appear under, and other spellings of an outlet's name. Every key and value is non-empty text."""

    model_config = ConfigDict(extra="forbid")
    domains: dict[str, str] = {}
    slogans: dict[str, str] = {}
    wires: dict[str, list[str]] = {}
    names: dict[str, str] = {}

    @field_validator("domains", "slogans", "wires", "names", mode="before")
    @classmethod
    def _none_is_empty(cls, value: object) -> object:
        return {} if value is None else value

    @field_validator("domains", "slogans", "names")
    @classmethod
    def _filled(cls, value: dict[str, str]) -> dict[str, str]:
        for key, name in value.items():
            if not key.strip() or not name.strip():
                raise ValueError(f"{key!r}: {name!r}: a key and its outlet must both be non-empty text")
        return value


def parse_outlets(data: object, where: str = "outlets.yaml") -> Outlets:
    """Outlets from the data of an outlets file, checked (OutletsFile); a bad entry is an InputError naming it."""
    try:
        checked = OutletsFile.model_validate(data if data is not None else {})
    except ValidationError as err:
        first = err.errors()[0]
        entry = "".join(str(part) if i == 0 else f"[{part!r}]" for i, part in enumerate(first["loc"]))
        raise InputError(f"{where}: {entry}: {first['msg'].removeprefix('Value error, ')}") from None
    return Outlets(checked.domains, checked.slogans, checked.wires, checked.names)


@lru_cache(maxsize=1)
def load_outlets() -> Outlets:
    """The packaged outlets.yaml, checked."""
    text = resources.files(__package__).joinpath("outlets.yaml").read_text(encoding="utf-8")
    return parse_outlets(load_yaml_text(text, "outlets.yaml"), "outlets.yaml")



# --- who published it ---------------------------------------------------------------------------

# A dateline crediting an outlet: "MOSCOW (Sputnik) —", "Damascus (AsiaNews / Agencies) -", "(CNN) --",
# "Moscow, 3 May 2015 (ABC) –": a place (and a date) then the name in brackets, then a dash;
# "CAIRO (Example News / Agency - 18th September, 2019)": the date inside the brackets, no dash needed.
CREDIT_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'\u2019 -]{1,30}?(?:,\s*[^()\n]{1,50}?)?\s*)?\((?P<name>[A-Z][\w .&'\u2019-]{0,40}?)"
    r"(?:\s*/\s*[\w .&-]{1,30}?)?(?:\)\s*(?:--|[-\u2014\u2013:])"
    r"|\s*[-\u2014\u2013,]\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?),?\s+"
    r"(?:19|20)\d\d\))"
)
# "VALDORIA, December 18. /Example News/.": a place in capitals (and a month and day), the outlet between slashes.
SLASH_DATELINE = re.compile(r"^[A-Z][A-Z.'\- ]{2,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[.,]?\s*/(?P<name>[A-Z][\w .&'\u2019-]{1,40}?)/")
# "NEW YORK. NEWSAGENCY -": a place in capitals, a full stop, the agency in capitals.
CAPS_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}\.\s+(?P<name>[A-Z][A-Z-]{2,24})\b(?=\s*[-\u2014\u2013]|\s+[A-Z])")
# A byline crediting the outlet: "By Jane Roe, ABC", "By Jane Roe and John Doe | ABC News".
_BYLINE_CREDIT = re.compile(r"^By\s+[A-Z][^,|]{1,60}?\s*[,|]\s*(?P<name>[A-Z][\w&.'\u2019 -]{1,40}?)"
                            r"(?:\s+(?i:staff|correspondent|reporter|writer))?\s*\.?$")
# A byline written for the outlet: "By Jane Roe for the Example Herald", "Jane Roe, Special to The Example Herald".
_BYLINE_FOR = re.compile(r"^(?:By\s+)?[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}(?:\s+for|,\s*(?i:special) to)\s+"
                         r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*){0,4})\s*\.?$")
# The page's note of where it first ran: "This article was first published in the Example Herald."
_FIRST_PUBLISHED = re.compile(r"^(?i:(?:this (?:article|story|piece|report) )?(?:was )?(?:first|originally) (?:published|appeared) (?:in|by|on))\s+"
                              r"(?P<name>(?:[Tt]he\s+)?[A-Z][\w&'\u2019-]*(?:\s+[A-Z][\w&'\u2019-]*){0,4})\s*\.?$")
# A byline without "By", its outlet after a comma or bar: "Jane Roe, Example Herald" (the outlet has an
# outlet word, see masthead_name).
_NAME_AND_OUTLET = re.compile(r"^(?!By\s)[A-Z][\w.'\u2019-]+(?:\s+[A-Z][\w.'\u2019-]+){1,3}\s*[,|]\s*(?P<name>[A-Z][\w&.'\u2019 -]{1,40}?)\s*$")
# The outlet's sign-off with the agencies it drew on: "Example Herald / Agencies", "Example Herald with agencies".
# ("Example Staff & Agencies": the outlet's staff and the agencies; the name is the outlet's)
_WITH_AGENCIES = re.compile(r"^(?P<name>(?:The\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4}?)"
                            r"(?:\s+(?:staff|team|newsroom|news desk|desk|reporters|writers))?\s*"
                            r"(?:/|\+|&|and|with)\s*(?:news\s+)?agencies\s*\.?$", re.I)
# The publisher under a label: "Source: The Example Times", "Publisher: Example Media" (an agency there is the wire).
_SOURCE_LABEL = re.compile(r"^(?:source|publisher|published by|originally published (?:by|in|at))\s*:?\s+"
                           r"(?P<name>(?:The\s+)?[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,5})\s*\.?$", re.I)
# An appeal to follow the outlet: "Follow the Example Herald on Twitter".
_FOLLOW_US = re.compile(r"^follow\s+(?:the\s+)?(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4})\s+on\s+"
                        r"(?:twitter|facebook|instagram|telegram|youtube|x|social media)\b", re.I)
# The outlet's own signature: "By Example Staff", "Example Management", "The Example Editorial Board".
_STAFF = re.compile(r"^(?:(?:(?i:posted|written|reported)\s+)?(?i:by)\s+)?(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,4})\s+"
                    r"(?:Staff|Team|Management|Editorial(?: Board| Team| Staff)?|Editors|Newsroom|Newsdesk|News Desk|Desk)\s*\.?$")
# "© 2018 Sample Wire", "(Copyright 2012 by Sample Press GmbH, all rights reserved)", "Copyright Sample Wire 2016"
_COPYRIGHT = re.compile(r"^(?:.{0,200}?(?:[.!]|\s[|\u00b7\u2022])\s+)?(?:all rights reserved\.?\s*)?\(?(?:\u00a9|copyright|\(c\))\s*(?:\u00a9\s*)?(?:(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?\s*,?\s*)?"
                        r"(?:by\s+)?(?!all rights\b)(?P<name>[A-Z][\w&.'\u2019 -]{1,50}?)\s*(?:,?\s*(?:19|20)\d\d(?:\s*[-\u2013]\s*(?:19|20)\d\d)?\s*)?"
                        r"(?:[.,;]\s*(?:all rights|info|$)|all rights|\)|$|\.\s+(?=[A-Z]))",
                        re.I)
# The rights reserved for the outlet by name: "All rights reserved for the Example Herald \u00a9 2016".
_RIGHTS_FOR = re.compile(r"^(?i:all rights (?:are )?reserved (?:for|to|by))\s+(?:(?i:the)\s+)?"
                         r"(?P<name>[A-Z][\w&'\u2019-]*(?:\.[\w&'\u2019-]+)*(?:\s+(?:of|and|&|[A-Z][\w&'\u2019-]*(?:\.[\w&'\u2019-]+)*)){0,5})")
# The name before the sign: "Example Broadcasting Corporation \u00a9 2014 \u00b7 Terms", "Example Post (c) 2016".
# (two capitalised words at least, or a masthead's name: "Terms \u00a9 2016" is a link, not a name)
_COPYRIGHT_AFTER_NAME = re.compile(r"^(?P<name>(?:The\s+)?[A-Z][\w&.'\u2019-]*(?:\s+(?:of|and|&|[A-Z][\w&.'\u2019-]*)){0,5})\s*"
                                   r"(?:\u00a9|\((?i:c)\)|(?i:copyright))\s*(?:19|20)\d\d\b")
# Words of a footer's links, which no outlet's name has: "Privacy Policy", "Contact Us", "Terms of Use".
_FOOTER_LINK_WORDS = frozenset("privacy policy terms conditions cookies cookie contact about us help sitemap advertise "
                               "advertising careers jobs faq rss feedback imprint legal accessibility settings notice "
                               "disclaimer use".split())
# An app banner naming the outlet: "Get our new version of the Sample application", "Download the Sample app".
_APP_BANNER = re.compile(r"^(?:install|download|get)\s+(?:the\s+|our\s+)?(?:new\s+version\s+of\s+(?:the\s+)?)?"
                         r"(?P<name>[A-Z][\w&.'\u2019-]*(?:\s+[A-Z][\w&.'\u2019-]*){0,3})\s+app(?:lication)?\b", re.I)
_LEGAL_SUFFIX = re.compile(r"[\s,]+(?:B\.?V\.?|Inc\.?|Ltd\.?|LLC|L\.L\.C\.|Corp\.?|Co\.|GmbH|S\.A\.|plc|PLC|Limited|AG)\s*\.?$")
# Words that name a kind of outlet: a short title-case line with one is a masthead, not a section label.
OUTLET_WORDS = frozenset(
    "news media times post press agency observatory tv radio daily herald tribune journal gazette network online "
    "monitor telegraph guardian chronicle broadcasting television channel weekly observer express mail review "
    "magazine newspaper wire today courier ledger dispatch bulletin examiner inquirer sentinel standard mirror "
    "messenger".split())
# A news agency's name as agencies print it under a byline ("Kestrel Press Agency", "Example News Service"): the
# words of an agency's kind close a short capitalised name
AGENCY_NAME = re.compile(r"(?:[A-Z][\w'\u2019.&-]*\s+){1,4}(?:Press\s+Agency|News\s+Agency|News\s+Service|Press\s+Service|"
                         r"Wire\s+Service|Press\s+Association|Telegraph\s+Agency)")
# Words of an appeal that are not an outlet's name ("Dear Reader", "Independent Journalism").
_NOT_A_NAME = frozenset("dear reader readers our your us you this independent journalism quality free the today".split())


def _squash(name: str) -> str:
    """A name's letters and digits, lower case, without a leading "the": how two spellings are compared."""
    folded = fold(name.strip())
    return re.sub(r"[^0-9a-z]", "", folded[4:] if folded.startswith("the ") else folded)


def normalise_outlet(name: str | None, outlets: Outlets) -> str | None:
    """An outlet's name as printed, made the name outlets.yaml gives it ("PressTv" -> "Press TV"), without a
    legal suffix ("Example Media B.V." -> "Example Media"); None for an empty or generic name."""
    if not name:
        return None
    name = _LEGAL_SUFFIX.sub("", name.strip(" .,;:()-\u2014\u2013|")).strip(" .,;:")
    if name.startswith("the ") and name[4:5].isupper():
        name = "The " + name[4:]  # ("for the Example Herald")
    if not name or all(word in _NOT_A_NAME for word in words_of(name)):
        return None
    lead = _LEADING_ABBREVIATION.match(name)
    if lead and "".join(word[0] for word in name[lead.end():].split()
                        if word.lower() not in ("the", "of", "and", "&", "for", "on", "in")) == lead.group(1):
        name = name[lead.end():]  # the abbreviation, then the name it abbreviates: "EMN Example Media Network"
    return outlets.known_names.get(_squash(name), name)


_LEADING_ABBREVIATION = re.compile(r"([A-Z]{2,5})\s+(?=[A-Z][a-z])")


# A masthead with its slogan: "Example Monitor - independent news from the north" (the slogan in lower case).
_MASTHEAD_SLOGAN = re.compile(r"^(?P<name>[^|:\u2013\u2014]{2,50}?)\s*(?:\||:|\s-|\u2013|\u2014)\s*(?P<slogan>[a-z][^|]{5,80})$")


def masthead_and_slogan(line: str) -> str | None:
    """The outlet's name of a masthead printed with its slogan after a dash, bar or colon, or None."""
    match = _MASTHEAD_SLOGAN.match(line)
    if match is None or ends_sentence(line):
        return None
    return masthead_name(match.group("name").strip())


def masthead_name(line: str) -> str | None:
    """A short title-case line with a word naming a kind of outlet ("Example Daily News"), or None."""
    words = line.split()
    if not 1 <= len(words) <= 7 or ends_sentence(line) or not is_latin(line) or ": " in line:
        return None  # (a label and its value, "Source: Example Times", is no masthead)
    if not all(word[:1].isupper() or word.lower() in ("of", "for", "and", "the", "&", "on", "in") for word in words):
        return None
    named = words_of(line)
    if not any(word in OUTLET_WORDS for word in named):
        return None
    if (len(named) == 1 and named[0] in _SECTION_WORDS) or (
            any(word in _NAV_WORDS for word in named) and all(word in _SECTION_WORDS | _NAV_WORDS for word in named)):
        return None  # a menu or section label: "NEWS", "Video", "Latest News", "World Video"
    return line


# A menu or section label with an outlet word in it names no outlet: one such word alone ("NEWS", "TV";
# the outlet words that are names alone, "Times", "Herald", are not here), or such words with a word of
# navigation ("Latest News", "Top Videos", "Press Releases").
_SECTION_WORDS = frozenset(
    "news media press video videos tv radio online today review magazine newspaper wire daily weekly network "
    "channel television broadcasting agency".split())
_NAV_WORDS = frozenset(
    "latest breaking top world local more business sport sports international national regional live all our "
    "featured related popular trending recent other releases release front page home".split())


# A place in capitals, a dash, then a masthead: "VALDORIA – Example Daily News" (the place is not the name).
_PLACE_MASTHEAD = re.compile(r"^[A-Z][A-Z .'-]{2,30}\s*[-\u2014\u2013]\s*(?P<name>[^\s].{1,60})$")
# What follows a byline's comma that is a job, not an outlet: "By Jane Roe, Staff Writer".
_JOB_WORDS = frozenset("staff writer reporter correspondent editor contributor columnist senior chief special "
                       "foreign political diplomatic bureau producer analyst contributing associated".split())


def source_in_lines(lines: list[str], outlets: Outlets) -> str | None:
    """The outlet a byline, signature, sign-off ("Example Herald with agencies"), appeal to follow it, app
    banner, copyright line or place-and-masthead line names, in that order of trust (a copyright line may
    name the company that owns the outlet, so the outlet's own sign-offs come first)."""
    short = [line for line in lines if len(line) <= FURNITURE_MAX]
    for pattern in (_BYLINE_CREDIT, _BYLINE_FOR, _STAFF, _WITH_AGENCIES, _FOLLOW_US, _APP_BANNER, _SOURCE_LABEL,
                    _FIRST_PUBLISHED, _COPYRIGHT, _RIGHTS_FOR, _COPYRIGHT_AFTER_NAME, _PLACE_MASTHEAD, _NAME_AND_OUTLET):
        for line in short:
            match = pattern.match(line)
            if not match:
                continue
            named = match.group("name")
            if pattern is _BYLINE_CREDIT and any(word in _JOB_WORDS for word in words_of(named)):
                continue
            if pattern in (_PLACE_MASTHEAD, _NAME_AND_OUTLET, _SOURCE_LABEL) and not masthead_name(named.strip()):
                continue
            if pattern in (_BYLINE_FOR, _FIRST_PUBLISHED) \
                    and not (masthead_name(named.strip()) or _squash(named) in outlets.known_names):
                continue
            if pattern is _COPYRIGHT_AFTER_NAME and ((len(named.split()) < 2 and not masthead_name(named.strip()))
                                                     or set(words_of(named)) & _FOOTER_LINK_WORDS):
                continue  # ("Privacy Policy \u00a9 2016": a footer's link, not a name)
            if pattern is _FOLLOW_US and not (masthead_name(named.strip()) or _squash(named) in outlets.known_names):
                continue  # "Follow Jane Roe on Twitter": a reporter, not the outlet
            name = normalise_outlet(named, outlets)
            if name and not outlets.wire_named(name):
                return name
    return None


def site_name(tail: str, outlets: Outlets) -> str | None:
    """The site's name that closes a browser title ("| The Example Herald", "- World - Example Post"): the
    last part after a bar or dash, a short run of capitalised words that is not only a section's name."""
    part = re.split(r"\s+(?:\||-|\u2013|\u2014|::|\u00bb|\u00b7)\s+", tail)[-1].strip()
    words = part.split()
    if not 1 <= len(words) <= 5 or not is_latin(part) or ends_sentence(part):
        return None
    if not all(word[:1].isupper() or word[:1].isdigit() or word.lower() in ("of", "for", "and", "the", "&", "on", "in")
               for word in words):
        return None
    named = words_of(part)
    if all(word in _SECTION_WORDS | _NAV_WORDS for word in named):
        return None
    if len(named) == 1 and _squash(part) not in outlets.known_names and not part.isupper() and len(part) > 12:
        return None
    return normalise_outlet(part, outlets)


def staff_signature(line: str) -> bool:
    """Whether a line is the outlet's own signature as a byline: "Example Staff", "By Example Newsroom"."""
    return len(line) <= 80 and _STAFF.match(line) is not None
