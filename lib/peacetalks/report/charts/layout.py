"""What every chart draws the same way: the points-or-summary switch (`MAX_POINTS`, `summarise`), the
figure titles, the figure of an empty period, date axes, and labels that do not touch."""
from __future__ import annotations

from typing import Iterable

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure

from peacetalks.report import style

MAX_POINTS = 60
"""The one threshold of every chart: up to this many markers a chart draws every point; beyond it, a summary.

Past it, the publication timeline counts articles per outlet and month, the toll chart summarises
each month's reports (median, spread, count) and the stance timeline counts stances per actor,
issue and quarter. Each `*_view` function applies it; the five seeds (41 stance markers) stay whole."""
SUMMARISE = ("auto", "points", "summary")
"""The `summarise` parameter of every chart: `auto` draws every point up to `MAX_POINTS` and a summary
past it; `points` always every point; `summary` always the summary (when there is anything to summarise)."""


def summarised(count: int, summarise: str = "auto") -> bool:
    """Whether a chart of `count` points draws its summary instead of every point."""
    if summarise not in SUMMARISE:
        raise ValueError(f"summarise: expected one of {', '.join(SUMMARISE)}, got {summarise!r}")
    if count == 0:
        return False
    return summarise == "summary" or (summarise == "auto" and count > MAX_POINTS)


MAX_LABELS = 10
"""A chart of every point labels each one (article id, or outlet and figure) only up to this many, so labels never pile up."""

FIGURE_TITLES = {
    "publication_timeline": "When the articles were published",
    "war_toll": "The war's death toll as the press reported it",
    "stance_timeline": "Who stood where, and when it shifted",
    "accuracy": "How often the machine is right",
    "review_state": "The state of the review",
}
"""The title of each saved figure, by its stable file name (the index page captions them with it)."""


def crowded(when: pd.Series, group: pd.Series | None = None, share: float = 0.12) -> list[bool]:
    """For labels along a date axis: True for each point whose label would touch the previous one's.

    Points closer than `share` of the whole span (within the same `group`) alternate, so a
    caller can put every other label on the other side of its marker.
    """
    when = pd.Series(list(when))
    group = pd.Series([None] * len(when)) if group is None else pd.Series(list(group))
    span = (when.max() - when.min()) if len(when) > 1 else pd.Timedelta(days=1)
    span = span if span > pd.Timedelta(0) else pd.Timedelta(days=1)
    flags: list[bool] = []
    last: dict[object, tuple[pd.Timestamp, bool]] = {}
    for moment, key in zip(when, group):
        previous = last.get(key)
        flag = previous is not None and (moment - previous[0]) < span * share and not previous[1]
        flags.append(flag)
        last[key] = (moment, flag)
    return flags


def nothing_to_plot(name: str, takeaway: str, note: str) -> Figure:
    """The figure of a chart with nothing to draw (no dated article or stance in the period): its title,
    its one-line takeaway saying so, and an empty frame, rather than an axis of made-up dates."""
    fig = style.new_figure(9, 2.6)
    with style.rc():
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.text(0.5, 0.5, "nothing to plot in this period", ha="center", va="center", color=style.GREY,
                fontsize=11, transform=ax.transAxes)
        style.frame(fig, ax, FIGURE_TITLES[name], takeaway, note)
    return fig


def date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def pad_dates(ax, values: Iterable[pd.Timestamp], days: int = 45) -> None:
    values = [v for v in values if not pd.isna(v)]
    if values:
        ax.set_xlim(min(values) - pd.Timedelta(days=days), max(values) + pd.Timedelta(days=days))
