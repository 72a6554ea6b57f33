"""How often the machine is right (notebook 04): precision and recall per table and measure, one panel per reference."""
from __future__ import annotations

import textwrap

import pandas as pd
from matplotlib.figure import Figure

from peacetalks.report import style
from peacetalks.report.charts.layout import FIGURE_TITLES, nothing_to_plot

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
