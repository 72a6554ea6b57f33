"""What the tests share: an invented article (headline and two paragraphs, no real outlet or event), a
page dump made of lines, the printed date the parser reads from a page, and the stances read from a text."""
from __future__ import annotations

import datetime as dt

from peacetalks.extract.stances import extract_stances
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
