"""The publication timeline (notebook 01): when each article was published, by outlet and by where its
date comes from; past `MAX_POINTS` articles, a heat strip of articles per outlet and month."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from peacetalks.report import style
from peacetalks.report.charts.layout import FIGURE_TITLES, MAX_LABELS, crowded, date_axis, nothing_to_plot, pad_dates, summarised
from peacetalks.report.charts.selection import dates, month, month_start, outlet_names

COUNT_CLASSES = (1, 2, 5, 10, 20, 50, 100, 200, 500)
"""Lower edges of the classes of a count (articles per outlet and month), as many as the largest count reaches."""


def _count_bins(highest: int) -> list[int]:
    """The lower edges of the count classes up to `highest`: 1, 2, 5, 10, … (at most one per colour of the ramp)."""
    return [edge for edge in COUNT_CLASSES if edge <= max(highest, 1)][:len(style.COUNT_RAMP)]


def _ramp(n: int) -> list[str]:
    """`n` colours of the count ramp, light to dark, spread over its whole length (a single class gets a middle tone)."""
    ramp = style.COUNT_RAMP
    if n == 1:
        return [ramp[len(ramp) // 2]]
    return [ramp[round(i * (len(ramp) - 1) / (n - 1))] for i in range(n)]


def _bin_label(edges: list[int], i: int) -> str:
    low = edges[i]
    if i == len(edges) - 1:
        return f"{low}" if low == 1 else f"{low} or more"
    high = edges[i + 1] - 1
    return f"{low}" if high == low else f"{low}–{high}"


def publication_data(articles: pd.DataFrame) -> pd.DataFrame:
    """One row per dated article, as the publication timeline plots it (undated articles are listed, not plotted)."""
    data = pd.DataFrame({
        "article_id": articles["id"],
        "outlet": outlet_names(articles),
        "published": dates(articles["published"]),
        "date_basis": articles["date_basis"],
        "window_start": dates(articles.get("date_window_start", pd.Series(None, index=articles.index))),
        "window_end": dates(articles.get("date_window_end", pd.Series(None, index=articles.index))),
        "title": articles["title"],
    })
    data = data[data["published"].notna()].sort_values(["published", "article_id"], kind="stable")
    return data.reset_index(drop=True)


def publication_takeaway(articles: pd.DataFrame) -> str:
    """One line: how many articles over which span, and how their dates are known."""
    data = publication_data(articles)
    undated = len(articles) - len(data)
    if articles.empty:
        return "No article in this period."
    if data.empty:
        return f"None of the {len(articles):,} articles could be dated."
    counts = data["date_basis"].value_counts()
    bases = ", ".join(f"{counts[b]:,} {style.DATE_BASIS[b]['label']}" for b in style.DATE_BASIS if b in counts)
    text = f"{len(data):,} dated articles, {month(data['published'].min())} to {month(data['published'].max())}: {bases}"
    return text + (f"; {undated:,} undated, not plotted." if undated else ".")


def publication_months(data: pd.DataFrame) -> pd.DataFrame:
    """The summarised publication timeline: articles per outlet and month, split by where their dates come from.

    One row per outlet and month with any article (`articles`, then one count per date basis);
    outlets in the order they first publish, as in the timeline of every article.
    """
    data = data.assign(month=month_start(data["published"]))
    counts = (data.groupby(["outlet", "month", "date_basis"]).size().unstack("date_basis", fill_value=0)
              .reindex(columns=list(style.DATE_BASIS), fill_value=0))
    counts.insert(0, "articles", data.groupby(["outlet", "month"]).size())
    order = {name: i for i, name in enumerate(dict.fromkeys(data["outlet"]))}
    counts = counts.reset_index()
    counts = counts.sort_values(["outlet", "month"], key=lambda c: c.map(order) if c.name == "outlet" else c, kind="stable")
    counts.columns.name = None
    return counts.reset_index(drop=True)


def publication_view(data: pd.DataFrame, summarise: str = "auto") -> pd.DataFrame:
    """What the publication timeline draws: every dated article, or (past `MAX_POINTS` of them, or asked) the monthly counts."""
    return publication_months(data) if "published" in data and summarised(len(data), summarise) else data


def publication_timeline(data: pd.DataFrame, note: str, takeaway: str = "") -> Figure:
    """When each article was published, one row per outlet, marked by where its date comes from.

    An inferred date window (the dates the article's references allow) is drawn as a line.
    Given `publication_months` (see `publication_view`), it draws the monthly counts instead.
    """
    if "month" in data:
        return _publication_heat(data, note, takeaway)
    if data.empty:
        return nothing_to_plot("publication_timeline", takeaway or "No dated article in this period.", note)
    outlets = list(dict.fromkeys(data["outlet"]))
    fig = style.new_figure(10.5, 2.2 + 0.42 * max(len(outlets), 3))
    with style.rc():
        ax = fig.add_subplot()
        rows = {name: i for i, name in enumerate(outlets)}
        y = data["outlet"].map(rows)
        windows = data.dropna(subset=["window_start", "window_end"])
        for _, row in windows.iterrows():
            ax.plot([row["window_start"], row["window_end"]], [rows[row["outlet"]]] * 2,
                    color=style.OKABE_ITO["orange"], lw=5, alpha=0.35, solid_capstyle="butt", zorder=1)
        for basis, spec in style.DATE_BASIS.items():
            mask = data["date_basis"] == basis
            if mask.any():
                ax.scatter(data.loc[mask, "published"], y[mask], marker=spec["marker"], s=70,
                           color=spec["color"], edgecolor="white", linewidth=0.8, zorder=3,
                           label=spec["label"])
        if len(data) <= MAX_LABELS:
            below = crowded(data["published"], data["outlet"])
            for (_, row), yy, low in zip(data.iterrows(), y, below):
                ax.annotate(str(row["article_id"]).split("_")[0], (row["published"], yy),
                            xytext=(0, -10 if low else 8), textcoords="offset points", ha="center",
                            va="top" if low else "bottom", fontsize=7.5, color=style.GREY)
        if not windows.empty:
            ax.plot([], [], color=style.OKABE_ITO["orange"], lw=5, alpha=0.35, label="dates its references allow")
        ax.set_yticks(range(len(outlets)), outlets)
        ax.set_ylim(-0.7, len(outlets) - 0.3)
        ax.invert_yaxis()
        ax.grid(axis="y", visible=False)
        date_axis(ax)
        pad_dates(ax, list(data["published"]) + list(windows["window_start"]) + list(windows["window_end"]))
        ax.set_xlabel("publication date")
        ax.set_ylabel("outlet")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), title="where the date comes from",
                  title_fontproperties={"size": 9, "weight": "bold"}, alignment="left")
        style.frame(fig, ax, FIGURE_TITLES["publication_timeline"], takeaway or "Each marker is one article.", note)
    return fig


def _publication_heat(data: pd.DataFrame, note: str, takeaway: str) -> Figure:
    """The summarised timeline: a heat strip of articles per outlet and month, under the monthly totals by date basis."""
    outlets = list(dict.fromkeys(data["outlet"]))
    months = pd.date_range(data["month"].min(), data["month"].max(), freq="MS")
    grid = (data.pivot_table(index="outlet", columns="month", values="articles", aggfunc="sum", fill_value=0)
            .reindex(index=outlets, columns=months, fill_value=0))
    totals = data.groupby("outlet")["articles"].sum()
    edges = _count_bins(int(grid.to_numpy().max()))
    colours = _ramp(len(edges))
    cmap = ListedColormap(colours).with_extremes(under="white")
    norm = BoundaryNorm(edges + [max(edges[-1] + 1, int(grid.to_numpy().max()) + 1)], cmap.N)
    x_edges = mdates.date2num(list(months) + [months[-1] + pd.offsets.MonthBegin(1)])
    fig = style.new_figure(10.5, 3.4 + 0.3 * max(len(outlets), 3))
    with style.rc():
        top, ax = fig.subplots(2, 1, sharex=True, height_ratios=[1.1, 0.3 * max(len(outlets), 3)])
        by_month = data.groupby("month")[list(style.DATE_BASIS)].sum().reindex(months, fill_value=0)
        base = pd.Series(0, index=months)
        mid = mdates.date2num(months + pd.Timedelta(days=15))
        for basis, spec in style.DATE_BASIS.items():
            if by_month[basis].any():
                top.bar(mid, by_month[basis], width=26, bottom=base, color=spec["color"], label=spec["label"])
                base = base + by_month[basis]
        top.set_ylabel("articles\nper month")
        top.yaxis.get_major_locator().set_params(integer=True, nbins=3)
        top.grid(axis="x", visible=False)
        top.legend(loc="upper left", bbox_to_anchor=(1.01, 1.05), title="where the date comes from",
                   title_fontproperties={"size": 9, "weight": "bold"}, alignment="left")
        counts = grid.to_numpy().astype(float)
        ax.pcolormesh(x_edges, range(len(outlets) + 1), counts, cmap=cmap, norm=norm, edgecolors="white", linewidth=0.3)
        ax.set_yticks([i + 0.5 for i in range(len(outlets))], [f"{o} ({totals[o]:,})" for o in outlets])
        ax.set_ylim(len(outlets), 0)
        ax.grid(visible=False)
        ax.tick_params(axis="y", length=0)
        date_axis(ax)
        ax.set_xlim(x_edges[0] - 20, x_edges[-1] + 20)
        ax.set_xlabel("month of publication")
        ax.set_ylabel("outlet (articles)")
        handles = [Patch(facecolor=c, label=_bin_label(edges, i)) for i, c in enumerate(colours)]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="articles in the month",
                  title_fontproperties={"size": 9, "weight": "bold"}, alignment="left")
        style.frame(fig, top, FIGURE_TITLES["publication_timeline"],
                    takeaway or f"Articles per outlet and month ({int(data['articles'].sum()):,} dated articles).", note)
    return fig
