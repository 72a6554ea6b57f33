"""Page furniture: the named rules of furniture.yaml (menus, share buttons, captions, clocks, teaser lists, tails),
each with examples it must and must not match, compiled once; and the tests a page's line is put to."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from peacetalks.sources.yamlfiles import load_yaml_text
from peacetalks.text import fold, folded_pattern

# a bullet opening a line: a list item (a teaser, or the article's own bullet summary)
_BULLET = re.compile(r"^\s*(?:[\u2022\u25cf\u25aa\u2023\u2043\u00b7\-*]\s+)")

# Page furniture: the named rules of furniture.yaml (each with examples it must and must not match).


@dataclass(frozen=True)
class FurnitureRule:
    """One named furniture rule of furniture.yaml: its pattern and the examples it must and must not match."""

    section: str
    name: str
    pattern: str
    match: tuple[str, ...]
    no_match: tuple[str, ...]


@lru_cache(maxsize=1)
def furniture_rules() -> tuple[FurnitureRule, ...]:
    """The packaged furniture.yaml, rule by rule."""
    data = load_yaml_text(resources.files(__package__).joinpath("furniture.yaml").read_text(encoding="utf-8"), "furniture.yaml")
    return tuple(FurnitureRule(section, rule["name"], rule["pattern"], tuple(rule.get("match") or ()),
                               tuple(rule.get("no_match") or ()))
                 for section, rules in data.items() for rule in rules)


def _section(name: str) -> str:
    """The alternation of a section's patterns, each in a group of its own."""
    return "|".join(f"(?:{rule.pattern})" for rule in furniture_rules() if rule.section == name)


# Lines that are page furniture wherever they stand: those known by how they read as a whole, and
# captions and credits known by a bracket or slash inside them (tried only on lines that have one).
_FURNITURE_OPENING = re.compile(f"^(?:{_section('line')})$", re.I)
_FURNITURE_INSIDE = re.compile(f"^(?:{_section('inside')})$", re.I)
# The last line of a page that stamps its date under a label, with a time (furniture.yaml, foot_stamp).
_FOOT_STAMP = re.compile(_section("foot_stamp"), re.I)
# A label that opens a list of teasers ("Related stories", "Read more"): the short lines after it are teasers.
_TEASER_LABEL = re.compile("^(?:" + next(r.pattern for r in furniture_rules() if r.name == "teaser_list") + ")$", re.I)
# A date line that is the page's clock, weather or current-date widget, not the article's date.
_CLOCK = re.compile(_section("clock"), re.I)


# The place clock alone ("02:14 Example time"), and the other clock rules (but the time-then-place one, which reads it too): a stamp under the headline that only the
# place clock reads as a clock may be the article's, when its weekday and the lead's agree (page.py).
_PLACE_CLOCK = re.compile("|".join(f"(?:{r.pattern})" for r in furniture_rules() if r.name == "place_clock"), re.I)
_OTHER_CLOCK = re.compile("|".join(f"(?:{r.pattern})" for r in furniture_rules()
                                    if r.section == "clock" and r.name not in ("place_clock", "time_then_place")), re.I)


def only_place_clock(line: str) -> bool:
    """Whether a line is a clock by the place-clock rule alone (a time and "<place> time"), no other clock rule."""
    return bool(_PLACE_CLOCK.search(line)) and not _OTHER_CLOCK.search(line)


def is_clock(line: str) -> bool:
    """Whether a line holding a date is a clock, weather or current-date widget (furniture.yaml, clock)."""
    return bool(_CLOCK.search(line))


_FURNITURE_OPENING_FOLDED = folded_pattern(_FURNITURE_OPENING.pattern)
_FURNITURE_INSIDE_FOLDED = folded_pattern(_FURNITURE_INSIDE.pattern)


def is_furniture(line: str, folded: str | None = None) -> bool:
    """Whether a (cleaned) line is page furniture: a share button, a sign-up, a photo credit ...

    `folded` is text.fold(line) when the caller has it: the patterns are matched against it,
    compiled for folded text (about three times faster than re.IGNORECASE, same matches).
    """
    if folded is None:
        folded = fold(line)
    return bool(_FURNITURE_OPENING_FOLDED.match(folded)
                or (("(" in line or "/" in line) and _FURNITURE_INSIDE_FOLDED.match(folded)))


# Lines after which the rest of the page is furniture (comment forms, appeals, newsletters).
_TAIL = re.compile(f"^(?:{_section('tail')})$", re.I)
_TAIL_FOLDED = folded_pattern(_TAIL.pattern)
