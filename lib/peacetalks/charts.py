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
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerPatch
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrow
from matplotlib.offsetbox import AnchoredOffsetbox, TextArea, VPacker
from matplotlib.ticker import FuncFormatter
from matplotlib.transforms import offset_copy

from . import style

UNKNOWN_OUTLET = "outlet not named"
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
        named += f" and {len(outlets) - max_outlets} more"
    unnamed = int((outlet_names(articles) == UNKNOWN_OUTLET).sum())
    if unnamed:
        named += (", " if named else "") + f"{unnamed} with no outlet named"
    return f"Source: {n} article{'s' if n != 1 else ''}{span}" + (f" ({named})" if named else "") + "; coded by peacetalks."


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


def _date_axis(ax) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=8)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))


def _pad_dates(ax, values: Iterable[pd.Timestamp], days: int = 45) -> None:
    values = [v for v in values if not pd.isna(v)]
    if values:
        ax.set_xlim(min(values) - pd.Timedelta(days=days), max(values) + pd.Timedelta(days=days))


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
    if data.empty:
        return f"None of the {len(articles)} articles could be dated."
    counts = data["date_basis"].value_counts()
    bases = ", ".join(f"{counts[b]} {style.DATE_BASIS[b]['label']}" for b in style.DATE_BASIS if b in counts)
    text = f"{len(data)} dated articles, {month(data['published'].min())} to {month(data['published'].max())}: {bases}"
    return text + (f"; {undated} undated, not plotted." if undated else ".")


def publication_timeline(data: pd.DataFrame, note: str, takeaway: str = "") -> Figure:
    """When each article was published, one row per outlet, marked by where its date comes from.

    An inferred date window (the dates the article's references allow) is drawn as a line.
    """
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
        if len(data) <= 40:
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


def toll_takeaway(data: pd.DataFrame) -> str:
    """One line on how the reported war death toll moved, from the first dated report to the last."""
    plotted = data[data["shown_as"] == "plotted"].sort_values("published", kind="stable")
    if plotted.empty:
        return "No dated article reports the war's death toll."
    first, last = plotted.iloc[0], plotted.iloc[-1]
    if len(plotted) == 1 or first["published"] == last["published"]:
        return f"One dated report of the war's toll: {first['reported_as']} ({month(first['published'])})."
    verb = "rose" if last["value"] > first["value"] else "fell" if last["value"] < first["value"] else "held"
    return (f"The reported toll {verb} from {first['reported_as']} ({month(first['published'])}) "
            f"to {last['reported_as']} ({month(last['published'])}).")


def toll_chart(data: pd.DataFrame, note: str, takeaway: str | None = None) -> Figure:
    """The war's reported death toll against publication date, each figure drawn as what it is.

    Exact: filled dot; approximate: open ring; at least / at most: a bar with an arrow
    pointing where the true number may lie; a range: a vertical span. Each is labelled
    with its outlet. Undated reports and other events' figures are listed beside the chart.
    """
    plotted = data[data["shown_as"] == "plotted"]
    listed = data[data["shown_as"] != "plotted"]
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
        ordered = plotted.sort_values("published", kind="stable")
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
                    takeaway or toll_takeaway(data), note)
    return fig


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
        for _, row in rows.iterrows():
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
}
"""The title of each saved figure, by its stable file name (the index page captions them with it)."""



# --- notebook 03: stances and their shifts ---------------------------------------------------------

POLARITY_WORDS = {1: "supporting", -1: "opposing", 0: "mixed"}


def labels() -> tuple[dict[str, str], dict[str, str]]:
    """The readers' names of actors and issues, from the codebook (one place for them)."""
    from .codebook import load_codebook

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


def stance_data(stances: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """One row per marker of the stance timeline, in sequence order, with the shift it completes.

    A marker stands for the stances of one actor and issue with the same date and polarity
    (`stances` counts them; their articles, outlets and quotes are joined with " | ").
    `earlier_undated` marks a stance its article places earlier without a date. `shift` names
    the change ("reverses", "softens", "firms") this marker makes from the one before, and
    `shift_from` the date of that one. Stances without a date are left out (the notebook lists them).
    """
    from . import shifts as shifting

    actor_names, issue_names = labels()
    order = shifting.sequence(stances)
    order["shift"], order["shift_from"] = "", None
    for change in shifting.shifts(stances).itertuples(index=False):
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


def stance_takeaway(data: pd.DataFrame) -> str:
    """One line: how many stances, and the clearest shift."""
    if data.empty:
        return "No dated stance in these articles."
    moved = data[data["shift"] != ""]
    text = f"{int(data['stances'].sum())} dated stances; {len(moved)} shift{'' if len(moved) == 1 else 's'}"
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
    gives them; a stance the article places earlier without a date is drawn hollow. A shift is an
    arrow from the stance before to the one after, named (reverses, softens, firms).
    """
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
        actors = [row.split(" · ")[0] for row in rows]
        for i in range(1, len(rows)):
            if actors[i] != actors[i - 1]:
                ax.axhline(i - 0.5, color=style.LIGHT_GREY, lw=0.8)
        _date_axis(ax)
        _pad_dates(ax, data["as_of"], days=60)
        ax.set_xlabel("date the stance belongs to (as the article places it)")
        handles = [Line2D([], [], linestyle="none", marker=spec["marker"], color=spec["color"], markersize=8,
                          label=spec["label"]) for spec in style.POLARITY.values()]
        handles.append(Line2D([], [], linestyle="none", marker="v", color=style.OKABE_ITO["vermillion"],
                              fillstyle="none", markersize=8, label="placed earlier by the\narticle, undated"))
        handles.append(FancyArrow(0, 0, 1, 0, color="#333333", label="shift: reverses,\nsoftens or firms"))
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0),
                  handler_map={FancyArrow: HandlerPatch(patch_func=_legend_arrow)})
        style.frame(fig, ax, FIGURE_TITLES["stance_timeline"], takeaway or stance_takeaway(data), note)
    return fig


def _legend_arrow(legend, orig_handle, xdescent, ydescent, width, height, fontsize) -> FancyArrow:
    return FancyArrow(0, height / 2, width, 0, width=0.8, head_width=5, head_length=6, length_includes_head=True,
                      color="#333333")
