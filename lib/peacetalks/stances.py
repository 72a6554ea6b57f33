"""Stances: who held which position on the talks, with the quote that shows it."""
from __future__ import annotations

import datetime as dt


def extract_stances(article_id: str, body: str, published: dt.date | None) -> list[dict]:
    """Rows of the stances table (tables.STANCE_COLUMNS) for one article body, coded by the machine."""
    return []
