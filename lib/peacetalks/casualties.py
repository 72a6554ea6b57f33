"""Casualty figures: every reported number of people killed, wounded, displaced or made refugees."""
from __future__ import annotations


def extract_casualties(article_id: str, body: str) -> list[dict]:
    """Rows of the casualties table (tables.CASUALTY_COLUMNS) for one article body."""
    return []
