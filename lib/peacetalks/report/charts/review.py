"""The state of the review (notebook 05): per article, its machine rows by what the review made of them,
the analyst's additions, and what still waits."""
from __future__ import annotations

import pandas as pd

from peacetalks.report import style
from peacetalks.report.charts.layout import FIGURE_TITLES, nothing_to_plot

REVIEW_PARTS = [  # (column of review_state, label, colour, hatch): reviewed rows solid, what waits hatched
    ("confirmed", "machine, confirmed", "#0072B2", ""),
    ("corrected", "machine, corrected", "#56B4E9", ""),
    ("rejected", "machine, rejected", "#D55E00", ""),
    ("added by analyst", "added by an analyst", "#009E73", ""),
    ("unreviewed", "machine, not reviewed yet", "#E69F00", "//"),
    ("candidates left", "candidates left", "#DDDDDD", "xx"),
]
MAX_CHART_ARTICLES = 30


def review_state_chart(state: pd.DataFrame, note: str):
    """Per article, a bar of its machine rows by what the review made of them, the analyst's additions,
    and (hatched) what still waits: unreviewed machine rows and candidates. Past MAX_CHART_ARTICLES,
    the articles with most left to review."""
    data = state[state["article_id"] != "all"].copy()
    if data.empty:
        return nothing_to_plot("review_state", "Nothing to review in this period.", note)
    data["_left"] = data["unreviewed"] + data["candidates left"]
    shown = data.sort_values("_left", ascending=False, kind="stable").head(MAX_CHART_ARTICLES) \
        if len(data) > MAX_CHART_ARTICLES else data
    shown = shown.iloc[::-1]
    fig = style.new_figure(10, 2.2 + 0.32 * max(len(shown), 3))
    with style.rc():
        ax = fig.add_subplot()
        left = pd.Series(0, index=shown.index)
        for column, label, colour, hatch in REVIEW_PARTS:
            ax.barh(shown["article_id"], shown[column], left=left, color=colour, hatch=hatch, edgecolor="white",
                    label=label, height=0.7)
            left = left + shown[column]
        ax.set_xlabel("stances and candidates")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
        ax.spines[["top", "right"]].set_visible(False)
        totals = state[state["article_id"] == "all"]
        total = totals.iloc[0] if len(totals) else data.drop(columns="article_id").sum()
        done = int(total["confirmed"] + total["corrected"] + total["rejected"])
        takeaway = (f"{done:,} of {int(total['machine rows']):,} machine rows reviewed; "
                    f"{int(total['added by analyst']):,} added by an analyst; {int(total['candidates left']):,} candidates left")
        if len(data) > len(shown):
            takeaway += f" (the {len(shown)} articles with most left to review)"
        style.frame(fig, ax, FIGURE_TITLES["review_state"], takeaway, note)
    return fig
