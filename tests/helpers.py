"""What the tests share: an invented article (headline and two paragraphs, no real outlet or event), a
page dump made of lines, the printed date the parser reads from a page, and the stances read from a text."""
from __future__ import annotations

import datetime as dt

from typing import Callable

from peacetalks.extract.stances import extract_stances
from peacetalks.parse.dating import decide_date
from peacetalks.parse.page import parse_article

TITLE = "Envoys Meet In Valdoria To Revive Stalled Talks"
LEAD = ("Envoys from eleven countries met in Valdoria on Tuesday to revive the stalled talks on the future of "
        "the northern provinces, officials said.")
SECOND = "The talks are expected to resume next month after a pause for consultations, the mediator said."


def page(*lines: str) -> str:
    """A page dump: each line a paragraph of its own, as a saved page's text gives them."""
    return "\n\n".join(lines) + "\n"


def printed(text: str) -> str | None:
    """The printed publication date the parser finds in `text` (ISO), or None."""
    found = parse_article(text).printed_date
    return found.date.isoformat() if found else None


def stances_of(body: str, published: str | None) -> list[tuple]:
    """The distinct (actor, issue, polarity) the stance reader finds in `body`, in order, for an article
    published on `published` (ISO) or of unknown date (None)."""
    date = dt.date.fromisoformat(published) if published else None
    return sorted({(r["actor"], r["issue"], r["polarity"]) for r in extract_stances("a", body, date)})


def layout_facts(text: str) -> tuple[str | None, str | None, str | None]:
    """(headline, publisher, publication date ISO or None) as the reader decides them for a page dump."""
    parsed = parse_article(text)
    decision = decide_date(parsed, None, [])
    return parsed.title, parsed.source, decision.published.isoformat() if decision.published else None


def stance_reader(published: str) -> Callable[..., list[tuple]]:
    """`read(body, published=...)`: every (actor, issue, polarity) row the stance reader gives for `body`, sorted
    (a row given twice appears twice), for an article published on `published` (ISO) unless another date or None
    (date unknown) is given."""
    default = published

    def read(body: str, published: str | None = default) -> list[tuple]:
        date = dt.date.fromisoformat(published) if published else None
        return sorted((r["actor"], r["issue"], r["polarity"]) for r in extract_stances("a", body, date))

    return read


# An invented article about a truce for "the river towns", for the page layouts' tests
RIVER_HEAD = "Mediators win a pledge of safe passage for the river towns"
RIVER_LEAD = ("Mediators from four countries won a pledge on Wednesday that convoys of food and medicine may cross into "
              "the river towns, the chief negotiator told reporters in Kestrin after talks that ran through the night.")
RIVER_MORE = ("The towns have been cut off since the spring, and aid groups say their clinics ran out of fuel weeks ago, "
              "leaving families to cook on open fires in the courtyards.")
RIVER_THIRD = "A spokeswoman for the northern council said it would open its checkpoints once the first convoy was named."
