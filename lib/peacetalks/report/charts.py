"""The report's charts: pure functions from the corpus tables to the data a chart plots, and from that data to a Figure.

Each chart comes as a pair: `*_data(...)` returns a tidy DataFrame of exactly what the
chart shows (saved beside the figure as CSV, so a recipient can check or redraw it), and
the chart function draws that frame and nothing else. Figures are made with the object
API (`matplotlib.figure.Figure`), never through pyplot, in the style of `style`.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from typing import Iterable

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, Patch, Rectangle
from matplotlib.offsetbox import AnchoredOffsetbox, TextArea, VPacker
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import offset_copy

from peacetalks.report import style
from peacetalks.extract.codebook import load_codebook
from peacetalks.tables import shifts as shifting

UNKNOWN_OUTLET = "outlet not named"
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
WAR_TOLL = {"subject": "syria_war", "kind": "killed"}
"""The figures the toll chart plots: the war's total death toll so far (ANALYSIS.md, section 2)."""


# --- shared helpers -----------------------------------------------------------------------

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


def _shorten(text: object, width: int) -> str:
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


def _crowded(when: pd.Series, group: pd.Series | None = None, share: float = 0.12) -> list[bool]:
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


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _pad_dates(ax, values: Iterable[pd.Timestamp], days: int = 45) -> None:
    values = [v for v in values if not pd.isna(v)]
    if values:
        ax.set_xlim(min(values) - pd.Timedelta(days=days), max(values) + pd.Timedelta(days=days))


def month_start(when: pd.Series) -> pd.Series:
    """The first day of each timestamp's month (NaT stays NaT): the key of every monthly summary."""
    return when.dt.to_period("M").dt.to_timestamp()


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


# --- notebook 01: publication timeline ----------------------------------------------------

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
            below = _crowded(data["published"], data["outlet"])
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
        _date_axis(ax)
        _pad_dates(ax, list(data["published"]) + list(windows["window_start"]) + list(windows["window_end"]))
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
        _date_axis(ax)
        ax.set_xlim(x_edges[0] - 20, x_edges[-1] + 20)
        ax.set_xlabel("month of publication")
        ax.set_ylabel("outlet (articles)")
        handles = [Patch(facecolor=c, label=_bin_label(edges, i)) for i, c in enumerate(colours)]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), title="articles in the month",
                  title_fontproperties={"size": 9, "weight": "bold"}, alignment="left")
        style.frame(fig, top, FIGURE_TITLES["publication_timeline"],
                    takeaway or f"Articles per outlet and month ({int(data['articles'].sum()):,} dated articles).", note)
    return fig


# --- notebook 02: the reported death toll -------------------------------------------------

def describe_figure(value: float, value_high: float | None, qualifier: str) -> str:
    """A casualty figure in words with its hedge: 'about 200,000', 'at least 250,000', '200,000–250,000'."""
    number = f"{int(value):,}"
    if qualifier == "range" and value_high is not None and not pd.isna(value_high):
        return f"{number}–{int(value_high):,}"
    return {"approx": f"about {number}", "at_least": f"at least {number}",
            "at_most": f"up to {number}"}.get(qualifier, number)


def toll_data(casualties: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """The figures the toll chart shows, one row each, with `shown_as` saying how.

    `plotted`: the war's death toll (syria_war + killed) from a dated article;
    `listed: undated`: the same from an undated article, listed beside the chart;
    `listed: other event`: a figure about an event outside the war, listed beside the chart, never plotted.
    """
    meta = pd.DataFrame({"article_id": articles["id"], "published": dates(articles["published"]),
                         "outlet": outlet_names(articles)})
    rows = casualties.merge(meta, on="article_id", how="inner")
    war = (rows["subject"] == WAR_TOLL["subject"]) & (rows["kind"] == WAR_TOLL["kind"])
    other = rows["subject"] == "other"
    rows = rows[war | other].copy()
    rows["shown_as"] = "plotted"
    rows.loc[war & rows["published"].isna(), "shown_as"] = "listed: undated"
    rows.loc[other, "shown_as"] = "listed: other event"
    rows["reported_as"] = [describe_figure(v, h, q) for v, h, q in
                           zip(rows["value"], rows["value_high"], rows["qualifier"])]
    columns = ["shown_as", "article_id", "published", "outlet", "value", "value_high", "qualifier",
               "kind", "subject", "reported_as", "sentence"]
    rows = rows[columns].sort_values(["shown_as", "published", "article_id", "value"], kind="stable", na_position="last")
    return rows.reset_index(drop=True)


HEDGES = {
    "stated": ("exact", "approx", "range"),
    "lower_bounds": ("at_least",),
    "upper_bounds": ("at_most",),
}
"""How the monthly toll summary counts reports by hedge: a figure given as a value (a range at its midpoint),
a lower bound ("more than") or an upper bound ("up to"); bounds enter the median at their stated value."""

HEDGE_BARS = {
    "stated": {"label": "a figure (exact, about, range)", "color": style.TOLL_COLOR, "hatch": None},
    "lower_bounds": {"label": "lower bound (more than)", "color": "white", "hatch": "////"},
    "upper_bounds": {"label": "upper bound (up to)", "color": "white", "hatch": "\\\\"},
}
"""How the count panel of the monthly toll summary draws each hedge: a bound is hatched, never solid."""


def toll_months(data: pd.DataFrame) -> pd.DataFrame:
    """The summarised toll chart: per month, the median and spread of the war's reported toll and how many reports.

    From `toll_data`: one `plotted` row per month with any dated report: `reports`, their
    `median`, `q1`/`q3` (the middle half) and `lowest`/`highest`, the reports per hedge (see
    `HEDGES`) and how many `outlets` they come from. A bound counts at its stated value, a range
    at its midpoint, so a month of lower bounds has a median that is itself a lower bound: the
    chart says so. Then one row per kind of figure that is not plotted (`listed: undated`,
    `listed: other event`) with its count, which the chart gives beside it.
    """
    plotted = data[data["shown_as"] == "plotted"]
    midpoint = (plotted["value"] + plotted["value_high"]) / 2
    reports = plotted.assign(month=month_start(plotted["published"]),
                             figure=plotted["value"].where(plotted["qualifier"] != "range", midpoint))
    groups = reports.groupby("month")["figure"]
    summary = groups.agg(reports="size", median="median", q1=lambda v: v.quantile(0.25),
                         q3=lambda v: v.quantile(0.75), lowest="min", highest="max")
    for name, qualifiers in HEDGES.items():
        summary[name] = reports["qualifier"].isin(qualifiers).groupby(reports["month"]).sum()
    summary["outlets"] = reports.groupby("month")["outlet"].nunique()
    summary = summary.reset_index()
    summary.insert(0, "shown_as", "plotted")
    listed = data.loc[data["shown_as"] != "plotted", "shown_as"].value_counts().sort_index()
    aside = pd.DataFrame({"shown_as": listed.index, "reports": listed.to_numpy()})
    summary = pd.concat([summary, aside], ignore_index=True) if len(aside) else summary
    counts = ["reports", *HEDGES, "outlets"]
    summary[counts] = summary[counts].astype("Int64")
    return summary


def toll_view(data: pd.DataFrame, summarise: str = "auto") -> pd.DataFrame:
    """What the toll chart draws: every report (`toll_data`), or (past `MAX_POINTS` reports, or asked) the monthly summary."""
    if "month" in data:
        return data
    return toll_months(data) if summarised(int((data["shown_as"] == "plotted").sum()), summarise) else data


def _figure_words(value: float) -> str:
    return f"{round(value):,}"


def toll_takeaway(data: pd.DataFrame, summarise: str = "auto") -> str:
    """One line on how the reported war death toll moved, from the first dated report to the last.

    Past `MAX_POINTS` reports (or given `toll_months`), from the first year's monthly medians to the last year's.
    """
    months = toll_view(data, summarise)
    if "month" in months:
        return _toll_months_takeaway(months)
    plotted = data[data["shown_as"] == "plotted"].sort_values("published", kind="stable")
    if plotted.empty:
        return "No dated article reports the war's death toll."
    first, last = plotted.iloc[0], plotted.iloc[-1]
    if len(plotted) == 1 or first["published"] == last["published"]:
        return f"One dated report of the war's toll: {first['reported_as']} ({month(first['published'])})."
    verb = "rose" if last["value"] > first["value"] else "fell" if last["value"] < first["value"] else "held"
    return (f"The reported toll {verb} from {first['reported_as']} ({month(first['published'])}) "
            f"to {last['reported_as']} ({month(last['published'])}).")


def _toll_months_takeaway(months: pd.DataFrame) -> str:
    plotted = months[months["shown_as"] == "plotted"]
    if plotted.empty:
        return "No dated article reports the war's death toll."
    yearly = plotted.groupby(plotted["month"].dt.year)["median"].median()
    n, bounds = int(plotted["reports"].sum()), int(plotted["lower_bounds"].sum())
    hedge = ("" if not bounds else ", lower bounds counted as stated" if 2 * bounds <= n
             else "; most reports are lower bounds, counted as stated")
    first, last = yearly.index[0], yearly.index[-1]
    if first == last:
        return f"The reported toll's monthly median was {_figure_words(yearly.iloc[0])} in {first}{hedge}."
    verb = "rose" if yearly.iloc[-1] > yearly.iloc[0] else "fell" if yearly.iloc[-1] < yearly.iloc[0] else "held"
    return (f"The reported toll's monthly median {verb} from {_figure_words(yearly.iloc[0])} ({first}) "
            f"to {_figure_words(yearly.iloc[-1])} ({last}){hedge}.")


def toll_chart(data: pd.DataFrame, note: str, takeaway: str | None = None) -> Figure:
    """The war's reported death toll against publication date, each figure drawn as what it is.

    Exact: filled dot; approximate: open ring; at least / at most: a bar with an arrow
    pointing where the true number may lie; a range: a vertical span. Up to `MAX_LABELS`
    reports, each is labelled with its outlet. Undated reports and other events' figures are
    listed beside the chart. Given `toll_months` (see `toll_view`), it draws the monthly summary.
    """
    if "month" in data:
        return _toll_summary_chart(data, note, takeaway)
    plotted = data[data["shown_as"] == "plotted"]
    listed = data[data["shown_as"] != "plotted"]
    if data.empty:
        return nothing_to_plot("war_toll", takeaway or toll_takeaway(data, "points"), note)
    fig = style.new_figure(11 if not listed.empty else 9, 5.2)
    with style.rc():
        if listed.empty:
            ax = fig.add_subplot()
        else:
            ax, side = fig.subplots(1, 2, width_ratios=[2.3, 1])
            _listing(side, listed)
        color = style.TOLL_COLOR
        for qualifier, spec in style.QUALIFIER.items():
            rows = plotted[plotted["qualifier"] == qualifier]
            if rows.empty:
                continue
            if qualifier == "range":
                ax.vlines(rows["published"], rows["value"], rows["value_high"], color=color, lw=3)
            ax.plot(rows["published"], rows["value"], linestyle="none", marker=spec["marker"],
                    markersize=11 if qualifier in ("exact", "approx") else 22, fillstyle=spec["fill"],
                    markeredgewidth=2, color=color, zorder=3)
            if qualifier == "range":
                ax.plot(rows["published"], rows["value_high"], linestyle="none", marker="_",
                        markersize=14, markeredgewidth=2, color=color, zorder=3)
        ordered = plotted.sort_values("published", kind="stable") if len(plotted) <= MAX_LABELS else plotted.iloc[:0]
        for (_, row), above in zip(ordered.iterrows(), _crowded(ordered["published"], share=0.25)):
            lift = 26 if row["qualifier"] == "at_least" else 12
            ax.annotate(f"{row['outlet']}\n{row['reported_as']}", (row["published"], row["value"]),
                        xytext=(8, lift if above else -8), textcoords="offset points", ha="left",
                        va="bottom" if above else "top", fontsize=8.5)
        top = plotted[["value", "value_high"]].max().max() if not plotted.empty else 1
        ax.set_ylim(0, (top if not pd.isna(top) else 1) * 1.3)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
        _date_axis(ax)
        _pad_dates(ax, plotted["published"], days=120)
        ax.set_xlabel("publication date of the article")
        ax.set_ylabel("people killed in the war, as reported")
        handles = [Line2D([], [], linestyle="none", marker=spec["marker"], fillstyle=spec["fill"],
                          markersize=9 if q in ("exact", "approx") else 16, markeredgewidth=2,
                          color=color, label=spec["label"])
                   for q, spec in style.QUALIFIER.items() if q in set(plotted["qualifier"])]
        if handles:
            ax.legend(handles=handles, loc="upper left")
        style.frame(fig, ax, FIGURE_TITLES["war_toll"],
                    takeaway or toll_takeaway(data, "points"), note)
    return fig


def _toll_summary_chart(data: pd.DataFrame, note: str, takeaway: str | None) -> Figure:
    """Each month's reports of the war's toll: median, middle half and range above, the count by hedge below."""
    months = data[data["shown_as"] == "plotted"].sort_values("month")
    aside = data[data["shown_as"] != "plotted"]
    color = style.TOLL_COLOR
    fig = style.new_figure(11, 6.4)
    with style.rc():
        ax, counts = fig.subplots(2, 1, sharex=True, height_ratios=[3.2, 1])
        x = mdates.date2num(months["month"] + pd.Timedelta(days=14))
        ax.vlines(x, months["lowest"], months["highest"], color=color, lw=1, alpha=0.55, zorder=2)
        ax.vlines(x, months["q1"], months["q3"], color=color, lw=5, alpha=0.35, zorder=2)
        every = pd.date_range(months["month"].min(), months["month"].max(), freq="MS") if len(months) else []
        line = months.set_index("month")["median"].reindex(every)  # a month without reports breaks the line
        ax.plot(mdates.date2num(line.index + pd.Timedelta(days=14)), line.to_numpy(), color=color, lw=1, zorder=3)
        ax.plot(x, months["median"], linestyle="none", marker="o", markersize=4.5, color=color, zorder=4)
        top = months["highest"].max() if len(months) else 1
        ax.set_ylim(0, (top if not pd.isna(top) else 1) * 1.08)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
        ax.set_ylabel("people killed in the war, as reported")
        handles = [Line2D([], [], color=color, lw=1, marker="o", markersize=4.5, label="median report of the month"),
                   Line2D([], [], color=color, lw=5, alpha=0.35, label="middle half of its reports"),
                   Line2D([], [], color=color, lw=1, alpha=0.55, label="lowest to highest report")]
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), alignment="left",
                  title="Each month's reports\n(a lower bound counts at its\nstated value, a range at\nits midpoint)",
                  title_fontproperties={"size": 9, "weight": "bold"})
        bottom = pd.Series(0.0, index=months.index)
        for name, spec in HEDGE_BARS.items():
            if months[name].any():
                counts.bar(x, months[name], width=24, bottom=bottom, label=spec["label"], color=spec["color"],
                           hatch=spec["hatch"], edgecolor=color, linewidth=0.6)
                bottom = bottom + months[name]
        counts.plot(x, months["outlets"], linestyle="none", marker="D", markersize=3.5, color=style.OKABE_ITO["black"],
                    label="outlets they come from", zorder=3)
        counts.yaxis.get_major_locator().set_params(integer=True, nbins=3)
        counts.set_ylabel("reports\nper month")
        counts.grid(axis="x", visible=False)
        handles, names = counts.get_legend_handles_labels()
        counts.legend(handles[1:] + handles[:1], names[1:] + names[:1], loc="upper left", bbox_to_anchor=(1.01, 1.1),
                      alignment="left", title="Reports per month, by hedge", title_fontproperties={"size": 9, "weight": "bold"})
        _date_axis(counts)
        counts.set_xlabel("month of publication of the article")
        if len(aside):
            words = {"listed: undated": "undated report{} of the war's toll",
                     "listed: other event": "figure{} about other events"}
            listed = "; ".join(f"{int(n):,} " + words.get(kind, kind).format("" if n == 1 else "s")
                               for kind, n in zip(aside["shown_as"], aside["reports"]))
            ax.text(1.01, 0.0, "Not plotted (listed in the\nnotebook): " + "\n".join(textwrap.wrap(listed, 34)),
                    transform=ax.transAxes, fontsize=8.5, color=style.GREY, va="bottom", ha="left")
        style.frame(fig, ax, FIGURE_TITLES["war_toll"], takeaway or toll_takeaway(data), note)
    return fig


LISTED_MAX = 3
"""The side panel of the toll chart quotes this many listed figures of each kind at most (it has the chart's height)."""


def _listing(ax, listed: pd.DataFrame) -> None:
    """The side panel of the toll chart: figures that are listed, not plotted, each with the words it came from."""
    ax.set_axis_off()
    boxes = []
    for heading, kind in (("Undated reports of the war's toll\n(not plotted)", "listed: undated"),
                          ("Figures about other events\n(not the war's toll, not plotted)", "listed: other event")):
        rows = listed[listed["shown_as"] == kind]
        if rows.empty:
            continue
        boxes.append(TextArea(heading, textprops={"fontweight": "bold", "fontsize": 9}))
        if len(rows) > LISTED_MAX:
            boxes.append(TextArea(f"{len(rows):,}, all in the notebook's table; the first {LISTED_MAX}:",
                                  textprops={"fontsize": 8.5}))
        for _, row in rows.head(LISTED_MAX).iterrows():
            boxes.append(TextArea(f"{row['reported_as']} {row['kind']} · {row['outlet']}, {month(row['published'])}",
                                  textprops={"fontsize": 8.5}))
            quote = "\n".join(textwrap.wrap(f"“{excerpt(row['sentence'], row['value'])}”", 46))
            boxes.append(TextArea(quote, textprops={"fontsize": 8, "color": style.GREY, "style": "italic"}))
    panel = AnchoredOffsetbox(loc="upper left", child=VPacker(children=boxes, align="left", pad=0, sep=5),
                              frameon=False, bbox_to_anchor=(0.0, 1.0), bbox_transform=ax.transAxes, borderpad=0)
    ax.add_artist(panel)


def casualty_table(casualties: pd.DataFrame, articles: pd.DataFrame,
                   kinds: Iterable[str] | None = None) -> pd.DataFrame:
    """Every casualty figure of the given kinds with its article's date and outlet, its hedge in words and its sentence."""
    meta = pd.DataFrame({"article_id": articles["id"], "published": dates(articles["published"]).dt.date,
                         "outlet": outlet_names(articles)})
    rows = casualties.merge(meta, on="article_id", how="inner")
    if kinds is not None:
        rows = rows[rows["kind"].isin(list(kinds))]
    rows = rows.assign(reported_as=[describe_figure(v, h, q) for v, h, q in
                                    zip(rows["value"], rows["value_high"], rows["qualifier"])])
    columns = ["article_id", "published", "outlet", "reported_as", "kind", "subject", "qualifier", "value", "sentence"]
    return rows[columns].sort_values(["published", "article_id"], kind="stable", na_position="last").reset_index(drop=True)


FIGURE_TITLES = {
    "publication_timeline": "When the articles were published",
    "war_toll": "The war's death toll as the press reported it",
    "stance_timeline": "Who stood where, and when it shifted",
    "accuracy": "How often the machine is right",
    "review_state": "The state of the review",
}
"""The title of each saved figure, by its stable file name (the index page captions them with it)."""



# --- notebook 03: stances and their shifts ---------------------------------------------------------

POLARITY_WORDS = {1: "supporting", -1: "opposing", 0: "mixed"}


def labels() -> tuple[dict[str, str], dict[str, str]]:
    """The readers' names of actors and issues, from the codebook (one place for them)."""

    codebook = load_codebook()
    return ({a.id: a.label for a in codebook.actors.values()}, {i.id: i.label for i in codebook.issues.values()})


def select_stances(stances: pd.DataFrame, articles: pd.DataFrame, actors: Iterable[str] | None = None,
                   issues: Iterable[str] | None = None) -> pd.DataFrame:
    """The stances of the given articles, actors and issues (None = all)."""
    keep = stances["article_id"].isin(articles["id"])
    if actors is not None:
        keep &= stances["actor"].isin(list(actors))
    if issues is not None:
        keep &= stances["issue"].isin(list(issues))
    return stances[keep]


def stance_data(stances: pd.DataFrame, articles: pd.DataFrame, shift_table: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per marker of the stance timeline, in sequence order, with the shift it completes.

    A marker stands for the stances of one actor and issue with the same date and polarity
    (`stances` counts them; their articles, outlets and quotes are joined with " | ").
    `earlier_undated` marks a stance its article places earlier without a date. `shift` names
    the change ("reverses", "softens", "firms") this marker makes from the one before, and
    `shift_from` the date of that one. Stances without a date are left out (the notebook lists them).
    `shift_table` is `shifts.shifts(stances)` when the caller has it already.
    """

    actor_names, issue_names = labels()
    order = shifting.sequence(stances)
    order["shift"], order["shift_from"] = "", None
    changes = shifting.shifts(stances) if shift_table is None else shift_table
    for change in changes.itertuples(index=False):
        hit = order.index[(order["actor"] == change.actor) & (order["issue"] == change.issue)
                          & (order["article_id"] == change.to_article) & (order["quote"] == change.to_quote)
                          & (order["polarity"] == change.to_polarity) & (order["shift"] == "")]
        if len(hit):
            order.loc[hit[0], ["shift", "shift_from"]] = change.change, change.from_as_of
    outlet_of = dict(zip(articles["id"], outlet_names(articles)))
    order["outlet"] = order["article_id"].map(outlet_of)
    key = ["actor", "issue", "as_of", "polarity", "earlier_undated"]

    def joined(values: pd.Series) -> str:
        return " | ".join(dict.fromkeys(str(v) for v in values if v is not None and not pd.isna(v) and v != ""))

    data = order.groupby(key, sort=False).agg(
        stances=("quote", "size"), shift=("shift", joined), shift_from=("shift_from", "first"),
        articles=("article_id", joined), outlets=("outlet", joined), coded_by=("coded_by", joined),
        quotes=("quote", joined)).reset_index()
    data.insert(0, "row", data["actor"].map(actor_names).fillna(data["actor"]) + " · "
                + data["issue"].map(issue_names).fillna(data["issue"]))
    data["as_of"] = dates(data["as_of"])
    data["shift_from"] = dates(data["shift_from"])
    rank = {a: i for i, a in enumerate(actor_names)}
    data["_rank"] = data["actor"].map(rank).fillna(len(rank))
    data = data.sort_values(["_rank", "issue"], kind="stable").drop(columns="_rank")
    return data.reset_index(drop=True)


SHIFT_KINDS = ("reverses", "softens", "firms")
POLARITY_COLUMNS = {1: "supports", -1: "opposes", 0: "mixed"}
"""The count columns of the stance summary, by polarity."""


def stance_quarters(data: pd.DataFrame) -> pd.DataFrame:
    """The summarised stance timeline: per actor and issue and quarter, the stances of each polarity and the shifts.

    From `stance_data`: one row per row of the chart and quarter with any stance: `supports`,
    `opposes` and `mixed` count stances (a stance its article places earlier without a date
    counts in the quarter of its article), and `reverses`, `softens` and `firms` the shifts that
    end in that quarter. Rows keep the order of the timeline of every stance.
    """
    data = data.assign(quarter=data["as_of"].dt.to_period("Q"))
    key = ["row", "actor", "issue", "quarter"]
    counts = (data.groupby([*key, "polarity"], sort=False)["stances"].sum().unstack("polarity", fill_value=0)
              .reindex(columns=list(POLARITY_COLUMNS), fill_value=0).rename(columns=POLARITY_COLUMNS))
    named = data["shift"].fillna("").str.split(r"\s*\|\s*", regex=True)
    for kind in SHIFT_KINDS:
        counts[kind] = named.map(lambda names, k=kind: names.count(k)).groupby([data[c] for c in key], sort=False).sum()
    counts = counts.reset_index()
    counts.columns.name = None
    rows = {row: i for i, row in enumerate(dict.fromkeys(data["row"]))}
    counts = counts.sort_values(["row", "quarter"], key=lambda c: c.map(rows) if c.name == "row" else c, kind="stable")
    counts.insert(counts.columns.get_loc("quarter") + 1, "quarter_start", counts["quarter"].dt.start_time)
    counts["quarter"] = counts["quarter"].astype(str)
    return counts.reset_index(drop=True)


def stance_view(data: pd.DataFrame, summarise: str = "auto") -> pd.DataFrame:
    """What the stance timeline draws: every marker (`stance_data`), or (past `MAX_POINTS` markers, or asked) the quarterly counts."""
    return stance_quarters(data) if "as_of" in data and summarised(len(data), summarise) else data


def stance_takeaway(data: pd.DataFrame, summarise: str = "auto") -> str:
    """One line: how many stances, and the clearest shift (past `MAX_POINTS` markers: the row with most shifts)."""
    data = stance_view(data, summarise)
    if data.empty:
        return "No dated stance in these articles."
    if "quarter" in data:
        moved = data[list(SHIFT_KINDS)].sum(axis=1)
        total, shifted = int(data[list(POLARITY_COLUMNS.values())].to_numpy().sum()), int(moved.sum())
        text = f"{total:,} dated stances, counted per quarter; {shifted:,} shift{'' if shifted == 1 else 's'}"
        by_row = moved.groupby(data["row"], sort=False).sum()
        if shifted:
            text += f", most in {by_row.idxmax()} ({int(by_row.max()):,})"
        return text + "."
    moved = data[data["shift"] != ""]
    text = f"{int(data['stances'].sum()):,} dated stances; {len(moved):,} shift{'' if len(moved) == 1 else 's'}"
    reverse = moved[moved["shift"].str.contains("reverses")]
    if not reverse.empty:
        first = reverse.iloc[0]
        text += (f", e.g. {first['row']}: reverses to {POLARITY_WORDS[int(first['polarity'])]} "
                 f"({month(first['shift_from'])} → {month(first['as_of'])})")
    return text + "."


def shift_findings(shift_table: pd.DataFrame, limit: int = 4) -> list[str]:
    """Sentences for the report's headline: the main shifts (reversals first), each with the quotes on both sides."""
    actor_names, issue_names = labels()
    ranked = shift_table.assign(_rank=shift_table["change"].map({"reverses": 0, "softens": 1, "firms": 2}))
    ranked = ranked.sort_values(["_rank", "to_as_of"], kind="stable").head(limit)
    found = []
    for row in ranked.itertuples(index=False):
        before, after = POLARITY_WORDS[int(row.from_polarity)], POLARITY_WORDS[int(row.to_polarity)]
        to_month = month(pd.Timestamp(row.to_as_of))
        if row.within_article and row.from_as_of == row.to_as_of:
            move = f"from {before} to {after} (within one article, {to_month})"
        else:
            move = f"from {before} ({month(pd.Timestamp(row.from_as_of))}) to {after} ({to_month})"
        found.append(
            f"{actor_names.get(row.actor, row.actor)} · {issue_names.get(row.issue, row.issue)}: {row.change}, {move}: "
            f"\u201c{_shorten(row.from_quote, 110)}\u201d \u2192 \u201c{_shorten(row.to_quote, 110)}\u201d")
    return found


def stance_timeline(data: pd.DataFrame, note: str, takeaway: str | None = None) -> Figure:
    """One row per actor and issue, a marker per stance at the date it belongs to, shifts marked.

    Polarity is drawn by colour and shape (▲ supports, ▼ opposes, ◆ mixed); "×3" counts stances
    that share a marker. Markers of one row and date sit side by side in the order the article
    gives them; a stance the article places earlier without a date is drawn hollow, and a marker holding a
    machine row no analyst has reviewed yet is ringed in grey ("machine's, not reviewed yet"). A shift is an
    arrow from the stance before to the one after, named (reverses, softens, firms).
    Given `stance_quarters` (see `stance_view`), it draws the quarterly counts instead.
    """
    if "quarter" in data:
        return _stance_quarters_chart(data, note, takeaway)
    if data.empty:
        return nothing_to_plot("stance_timeline", takeaway or stance_takeaway(data, "points"), note)
    rows = list(dict.fromkeys(data["row"]))
    fig = style.new_figure(11, 2.6 + 0.36 * max(len(rows), 3))
    with style.rc():
        ax = fig.add_subplot()
        y_of = {row: i for i, row in enumerate(rows)}
        groups = data.groupby(["row", "as_of"], sort=False)
        data = data.assign(_y=data["row"].map(y_of), _slot=groups.cumcount(), _size=groups["row"].transform("size"))
        data["_dx"] = (data["_slot"] - (data["_size"] - 1) / 2) * 13.0  # points between markers of one row and date
        for _row, group in data.groupby("row", sort=False):
            ax.plot(group["as_of"], group["_y"], color=style.LIGHT_GREY, lw=1, zorder=1)

        def at(dx: float, dy: float = 0):
            return offset_copy(ax.transData, fig=fig, x=dx, y=dy, units="points")

        for _, stance in data.iterrows():
            spec = style.POLARITY[int(stance["polarity"])]
            ax.plot([stance["as_of"]], [stance["_y"]], linestyle="none", marker=spec["marker"], markersize=9,
                    color=spec["color"], markeredgewidth=1.5, fillstyle="none" if stance["earlier_undated"] else "full",
                    transform=at(stance["_dx"]), zorder=3)
            if not_reviewed(stance["coded_by"]):  # a ring: the machine coded it and no analyst has looked yet
                ax.plot([stance["as_of"]], [stance["_y"]], linestyle="none", marker="o", markersize=16,
                        fillstyle="none", color=style.GREY, markeredgewidth=0.9, transform=at(stance["_dx"]), zorder=2)
            if stance["stances"] > 1:
                ax.text(mdates.date2num(stance["as_of"]), stance["_y"], f"×{stance['stances']}", fontsize=6.5,
                        color=style.GREY, ha="center", va="top", transform=at(stance["_dx"], -7))
        labelled: dict[tuple[str, float], int] = {}
        for index, stance in data[data["shift"] != ""].iterrows():
            before = data[(data["row"] == stance["row"]) & (data.index < index) & (data["as_of"] == stance["shift_from"])]
            if before.empty:
                continue
            start, x1 = mdates.date2num(before.iloc[-1]["as_of"]), mdates.date2num(stance["as_of"])
            same_date = start == x1
            ax.annotate("", xy=(x1, stance["_y"]), xytext=(start, stance["_y"]), xycoords=at(stance["_dx"]),
                        textcoords=at(before.iloc[-1]["_dx"]),
                        arrowprops={"arrowstyle": "-|>", "color": "#333333", "lw": 1.1, "shrinkA": 5, "shrinkB": 5,
                                    "connectionstyle": f"arc3,rad={-1.2 if same_date else -0.35}"}, zorder=2)
            stacked = labelled.get((stance["row"], x1), 0)
            labelled[(stance["row"], x1)] = stacked + 1
            ax.text(x1, stance["_y"], stance["shift"], fontsize=7.5, color="#333333", ha="center", va="bottom",
                    transform=at(stance["_dx"], 11 + 10 * stacked))
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(len(rows) - 0.4, -0.8)
        ax.grid(axis="y", visible=False)
        _actor_rules(ax, rows)
        _date_axis(ax)
        _pad_dates(ax, data["as_of"], days=60)
        ax.set_xlabel("date the stance belongs to (as the article places it)")
        handles = [Line2D([], [], linestyle="none", marker=spec["marker"], color=spec["color"], markersize=8,
                          label=spec["label"]) for spec in style.POLARITY.values()]
        handles.append(Line2D([], [], linestyle="none", marker="v", color=style.OKABE_ITO["vermillion"],
                              fillstyle="none", markersize=8, label="placed earlier by the\narticle, undated"))
        if data["coded_by"].map(not_reviewed).any():
            handles.append(Line2D([], [], linestyle="none", marker="o", markersize=12, fillstyle="none",
                                  color=style.GREY, label="machine's, not\nreviewed yet"))
        handles.append(FancyArrow(0, 0, 1, 0, color="#333333", label="shift: reverses,\nsoftens or firms"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  handler_map={FancyArrow: HandlerPatch(patch_func=_legend_arrow)})
        style.frame(fig, ax, FIGURE_TITLES["stance_timeline"], takeaway or stance_takeaway(data, "points"), note)
    return fig


def not_reviewed(coded_by: object) -> bool:
    """Whether a marker of the stance timeline holds a row the machine coded and no analyst has reviewed yet
    (`coded_by` "machine"; "machine, confirmed" and "analyst" rows are reviewed). `coded_by` joins a marker's rows with " | "."""
    return isinstance(coded_by, str) and "machine" in coded_by.split(" | ")


def _actor_rules(ax, rows: list[str]) -> None:
    """A thin line between the rows of one actor and the next."""
    actors = [row.split(" · ")[0] for row in rows]
    for i in range(1, len(rows)):
        if actors[i] != actors[i - 1]:
            ax.axhline(i - 0.5, color=style.LIGHT_GREY, lw=0.8)


QUARTERS_WITH_COUNTS = 20
"""The quarterly stance timeline writes each marker's count beside it while it spans at most this many quarters
(about 20 points of width each); beyond, the marker's size alone says how many, with a size key."""


def _stance_size(count: int | pd.Series, largest: int) -> float | pd.Series:
    """A stance marker's width in points: 4.5 for one stance, 10 for the quarter with most; its area grows with the count."""
    return 4.5 + 5.5 * ((count - 1) / max(largest - 1, 1)) ** 0.5


def _stance_quarters_chart(data: pd.DataFrame, note: str, takeaway: str | None) -> Figure:
    """Per actor and issue and quarter: ▲ supports above, ◆ mixed, ▼ opposes below, sized by count; shifts boxed."""
    rows = list(dict.fromkeys(data["row"]))
    fig = style.new_figure(11, 2.6 + 0.42 * max(len(rows), 3))
    columns = list(POLARITY_COLUMNS.values())
    largest = max(int(data[columns].to_numpy().max()), 1)
    quarters = pd.PeriodIndex(data["quarter"], freq="Q")
    numbered = (quarters.max() - quarters.min()).n + 1 <= QUARTERS_WITH_COUNTS if len(data) else False
    with style.rc():
        ax = fig.add_subplot()
        y = data["row"].map({row: i for i, row in enumerate(rows)})
        start = pd.Series(mdates.date2num(data["quarter_start"]), index=data.index)
        end = pd.Series(mdates.date2num(data["quarter_start"] + pd.offsets.QuarterBegin(1, startingMonth=1)),
                        index=data.index)
        middle = (start + end) / 2
        for _row, cells in data.assign(_y=y, _x=middle).groupby("row", sort=False):
            ax.plot(cells["_x"], cells["_y"], color=style.LIGHT_GREY, lw=1, zorder=1)
        shifted = offset_copy(ax.transData, fig=fig, x=-4 if numbered else 0, units="points")  # room for the count
        for (polarity, column), dy in zip(POLARITY_COLUMNS.items(), (-0.21, 0.21, 0.0)):
            spec, n = style.POLARITY[polarity], data[column]
            shown = n > 0
            ax.scatter(middle[shown], y[shown] + dy, s=_stance_size(n[shown], largest) ** 2, marker=spec["marker"],
                       color=spec["color"], linewidths=0, zorder=3, transform=shifted)
            for xx, yy, count in zip(middle[shown], y[shown] + dy, n[shown]):
                if numbered and count > 1:
                    ax.annotate(str(count), (xx, yy), xytext=(2, 0), textcoords="offset points", fontsize=6.5,
                                color="#444444", va="center", ha="left", zorder=4)
        moved = data[list(SHIFT_KINDS)].sum(axis=1)
        for i in data.index[moved > 0]:
            reversal = data.at[i, "reverses"] > 0
            ax.add_patch(Rectangle((start[i] + 3, y[i] - 0.45), end[i] - start[i] - 6, 0.9, fill=False, lw=0.8,
                                   edgecolor="#444444", linestyle="-" if reversal else "--", zorder=2))
        ax.set_yticks(range(len(rows)), rows)
        ax.set_ylim(len(rows) - 0.5, -0.5)
        ax.grid(axis="y", visible=False)
        _actor_rules(ax, rows)
        _date_axis(ax)
        ax.set_xlim(start.min() - 30, end.max() + 30)
        ax.set_xlabel("quarter the stances belong to (as the articles place them)")
        handles = [Line2D([], [], linestyle="none", marker=spec["marker"], color=spec["color"], markersize=8,
                          label=spec["label"]) for spec in style.POLARITY.values()]
        keys = sorted({1, round((1 + largest) / 2), largest}) if largest > 1 else [1]
        handles += [Line2D([], [], linestyle="none", marker="^", color=style.GREY, markersize=_stance_size(k, largest),
                           label=f"{k} stance{'' if k == 1 else 's'} in the quarter") for k in keys]
        handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor="#444444", lw=0.8,
                                 label="a quarter with a shift that\nreverses (+1 ↔ −1)"))
        handles.append(Rectangle((0, 0), 1, 1, fill=False, edgecolor="#444444", lw=0.8, linestyle="--",
                                 label="one that only softens\n(to 0) or firms (from 0)"))
        title = "Stances per quarter\n(the bigger the marker,\nthe more stances" + ("; the\nnumber beside it counts\nthem)" if numbered else ")")
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), alignment="left", title=title,
                  title_fontproperties={"size": 9, "weight": "bold"})
        style.frame(fig, ax, FIGURE_TITLES["stance_timeline"], takeaway or stance_takeaway(data), note)
    return fig


def _legend_arrow(legend, orig_handle, xdescent, ydescent, width, height, fontsize) -> FancyArrow:
    return FancyArrow(0, height / 2, width, 0, width=0.8, head_width=5, head_length=6, length_includes_head=True,
                      color="#333333")


# --- notebook 04: accuracy ---------------------------------------------------------------------------

ACCURACY_BARS = {"precision": {"label": "precision: share of what it found that is right", "color": style.OKABE_ITO["blue"]},
                 "recall": {"label": "recall: share of the reference it found", "color": style.OKABE_ITO["orange"]}}


def accuracy_takeaway(data: pd.DataFrame) -> str:
    """One line: the machine's precision and recall per table on the articles first held out from tuning (else on the first reference)."""
    if data.empty:
        return "Nothing measured: no review and no labelled set."
    sets = list(dict.fromkeys(data["measured_on"]))
    chosen = next((s for s in sets if "first held out" in s), sets[0])
    rows = data[(data["measured_on"] == chosen) & (data["measure"] == "all")]
    parts = [f"{r['table']} precision {r['precision']:.2f}, recall {r['recall']:.2f}" for _, r in rows.iterrows()]
    return f"{chosen}: " + "; ".join(parts) + "."


def accuracy_chart(data: pd.DataFrame, note: str, takeaway: str | None = None) -> Figure:
    """Precision and recall of each table and measure, one panel per reference (the review, each labelled set).

    `data` has one row per reference (`measured_on`), table and measure, with `precision` and
    `recall` between 0 and 1 and the counts behind them (`right`, `gold`, `found`), as
    `accuracy.side_by_side(evaluations, "tables")` gives it. Beside each pair of bars: right / wanted.
    """
    if data.empty:
        return nothing_to_plot("accuracy", takeaway or accuracy_takeaway(data), note)
    sets = list(dict.fromkeys(data["measured_on"]))
    rows = list(dict.fromkeys(f"{t} · {m}" for t, m in zip(data["table"], data["measure"])))
    fig = style.new_figure(min(3.3 * len(sets) + 2.6, 16), 2.6 + 0.45 * len(rows))
    with style.rc():
        grid = fig.add_gridspec(2, len(sets), height_ratios=[0.02, 1])
        head = fig.add_subplot(grid[0, :])  # carries the takeaway over every panel
        head.set_axis_off()
        axes = [fig.add_subplot(grid[1, 0])]
        axes += [fig.add_subplot(grid[1, i], sharey=axes[0]) for i in range(1, len(sets))]
        where = {row: i for i, row in enumerate(rows)}
        for ax, name in zip(axes, sets):
            part = data[data["measured_on"] == name]
            y = [where[f"{t} · {m}"] for t, m in zip(part["table"], part["measure"])]
            for offset, (measure, spec) in zip((-0.19, 0.19), ACCURACY_BARS.items()):
                ax.barh([v + offset for v in y], part[measure], height=0.36, color=spec["color"], label=spec["label"])
            for yy, (_, r) in zip(y, part.iterrows()):
                ax.text(1.03, yy, f"{int(r['right'])}/{int(r['gold'])}", va="center", fontsize=7.5, color=style.GREY)
            ax.set_xlim(0, 1.25)
            ax.set_xticks([0, 0.5, 1], ["0", "0.5", "1"])
            ax.set_xlabel("\n".join(textwrap.fill(piece, 34) for piece in name.split(": ")), fontsize=8.5)
            ax.grid(axis="y", visible=False)
            if ax is not axes[0]:
                ax.tick_params(axis="y", labelleft=False)
        axes[0].set_yticks(range(len(rows)), rows)
        axes[0].set_ylim(len(rows) - 0.5, -0.5)
        fig.legend(*axes[0].get_legend_handles_labels(), loc="outside upper right", fontsize=8, ncols=2)
        style.frame(fig, head, FIGURE_TITLES["accuracy"], takeaway or accuracy_takeaway(data), note)
    return fig


# --- the state of the review (05_review.ipynb) ---------------------------------------------------------

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
