"""What every chart reads from the articles: the period, the outlets by name, dates and months, the
source line under each figure, and excerpts of the sentences a figure came from."""
from __future__ import annotations

import datetime as dt
import textwrap

import pandas as pd

UNKNOWN_OUTLET = "outlet not named"


def dates(values: pd.Series) -> pd.Series:
    """ISO dates (strings, dates or None) as pandas timestamps; anything unparseable becomes NaT."""
    return pd.to_datetime(values, errors="coerce", format="mixed")


def outlet_names(articles: pd.DataFrame) -> pd.Series:
    """Each article's outlet as a reader names it; a wire copy with no outlet named is labelled by its agency."""
    def present(column: str) -> pd.Series:
        values = articles[column].astype("object") if column in articles else pd.Series(None, index=articles.index)
        return values.where(values.notna() & (values != ""), None)
    source, wire = present("source"), present("wire")
    return source.fillna(wire.map(lambda w: f"{w} (wire)" if w else None, na_action="ignore")).fillna(UNKNOWN_OUTLET)


def select_period(articles: pd.DataFrame, start: str | dt.date | None = None,
                  end: str | dt.date | None = None) -> pd.DataFrame:
    """The articles published between `start` and `end` (inclusive; None = open).

    Undated articles are kept: nothing places them outside the period, and every view
    lists them as undated rather than dropping them silently.
    """
    published = dates(articles["published"])
    keep = pd.Series(True, index=articles.index)
    if start is not None:
        keep &= published.isna() | (published >= pd.Timestamp(start))
    if end is not None:
        keep &= published.isna() | (published <= pd.Timestamp(end))
    return articles[keep]


def month(value: pd.Timestamp | None) -> str:
    """'Jan 2015' for a timestamp, 'undated' for none."""
    return "undated" if value is None or pd.isna(value) else value.strftime("%b %Y")


def source_note(articles: pd.DataFrame, max_outlets: int = 4) -> str:
    """The line under every figure: how many articles, over which dates, from which outlets; coded by peacetalks."""
    n = len(articles)
    published = dates(articles["published"]).dropna()
    span = ""
    if not published.empty:
        first, last = published.min(), published.max()
        span = f", {month(first)}" + ("" if month(first) == month(last) else f" to {month(last)}")
    outlets = sorted(set(outlet_names(articles)) - {UNKNOWN_OUTLET})
    named = ", ".join(outlets[:max_outlets])
    if len(outlets) > max_outlets:
        named += f" and {len(outlets) - max_outlets:,} more"
    unnamed = int((outlet_names(articles) == UNKNOWN_OUTLET).sum())
    if unnamed:
        named += (", " if named else "") + f"{unnamed:,} with no outlet named"
    return f"Source: {n:,} article{'s' if n != 1 else ''}{span}" + (f" ({named})" if named else "") + "; coded by peacetalks."


def shorten(text: object, width: int) -> str:
    return textwrap.shorten(str(text or ""), width=width, placeholder=" …")


def excerpt(sentence: object, value: float | None, width: int = 160) -> str:
    """A sentence cut to about `width` characters around the figure it reports (the words that matter)."""
    text = " ".join(str(sentence or "").split())
    if len(text) <= width:
        return text
    at = -1
    if value is not None and not pd.isna(value):
        for written in (f"{int(value):,}", str(int(value))):
            at = text.find(written)
            if at >= 0:
                break
    start = max(0, min(at - width // 2, len(text) - width)) if at >= 0 else len(text) - width
    piece = text[start:start + width]
    if start > 0:
        piece = "… " + piece.split(" ", 1)[-1]
    if start + width < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return piece


def month_start(when: pd.Series) -> pd.Series:
    """The first day of each timestamp's month (NaT stays NaT): the key of every monthly summary."""
    return when.dt.to_period("M").dt.to_timestamp()
