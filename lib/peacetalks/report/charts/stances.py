"""Who stood where, and when it shifted (notebooks 00 and 03): the stances of the period, one marker per
actor, issue, date and polarity with the shifts between them; past `MAX_POINTS` markers, counts per quarter."""
from __future__ import annotations

from typing import Iterable

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow, Rectangle
from matplotlib.transforms import offset_copy

from peacetalks.extract.codebook import load_codebook
from peacetalks.report import style
from peacetalks.report.charts.layout import FIGURE_TITLES, date_axis, nothing_to_plot, pad_dates, summarised
from peacetalks.report.charts.selection import dates, month, outlet_names, shorten
from peacetalks.tables import shifts as shifting

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
            f"\u201c{shorten(row.from_quote, 110)}\u201d \u2192 \u201c{shorten(row.to_quote, 110)}\u201d")
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
        date_axis(ax)
        pad_dates(ax, data["as_of"], days=60)
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
        date_axis(ax)
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
