"""The reported death toll of the war (notebooks 00 and 02): each figure drawn as what it is (exact, about,
at least, a range); past `MAX_POINTS` reports, each month's median and spread; and the table of casualty figures."""
from __future__ import annotations

import textwrap
from typing import Iterable

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.offsetbox import AnchoredOffsetbox, TextArea, VPacker
from matplotlib.ticker import FuncFormatter

from peacetalks.report import style
from peacetalks.report.charts.layout import FIGURE_TITLES, MAX_LABELS, crowded, date_axis, nothing_to_plot, pad_dates, summarised
from peacetalks.report.charts.selection import dates, excerpt, month, month_start, outlet_names

WAR_TOLL = {"subject": "syria_war", "kind": "killed"}
"""The figures the toll chart plots: the war's total death toll so far (ANALYSIS.md, section 2)."""


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
        for (_, row), above in zip(ordered.iterrows(), crowded(ordered["published"], share=0.25)):
            lift = 26 if row["qualifier"] == "at_least" else 12
            ax.annotate(f"{row['outlet']}\n{row['reported_as']}", (row["published"], row["value"]),
                        xytext=(8, lift if above else -8), textcoords="offset points", ha="left",
                        va="bottom" if above else "top", fontsize=8.5)
        top = plotted[["value", "value_high"]].max().max() if not plotted.empty else 1
        ax.set_ylim(0, (top if not pd.isna(top) else 1) * 1.3)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: f"{v:,.0f}"))
        date_axis(ax)
        pad_dates(ax, plotted["published"], days=120)
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
        date_axis(counts)
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
