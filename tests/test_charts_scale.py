"""Charts that scale: past `charts.MAX_POINTS` markers each chart draws a summary, and its CSV holds exactly that summary.

Every table here is made by hand so that the expected medians and counts can be worked out on paper.
"""
from __future__ import annotations

import pandas as pd
from matplotlib.collections import LineCollection, PathCollection, QuadMesh
from matplotlib.patches import Rectangle
from matplotlib.text import Text

from peacetalks.report import charts, style
from peacetalks import tables


def _articles(n: int, start: str = "2015-01-05", every_days: int = 1,
              outlets: tuple[str, ...] = ("Reuters", "TASS")) -> pd.DataFrame:
    """`n` dated articles, one every `every_days` days, taking turns among `outlets`, all dated from their text."""
    first = pd.Timestamp(start)
    return tables.frame([
        {"id": f"a{i:03d}", "title": f"Article {i}", "source": outlets[i % len(outlets)],
         "published": (first + pd.Timedelta(days=every_days * i)).date().isoformat(), "date_basis": "text"}
        for i in range(n)], tables.ARTICLE_COLUMNS)


def _war(article_id: str, value: float, qualifier: str = "approx", value_high: float | None = None) -> dict:
    return {"article_id": article_id, "value": value, "value_high": value_high, "qualifier": qualifier,
            "kind": "killed", "subject": "syria_war", "sentence": f"{value:,.0f} people have been killed"}


# --- the threshold -------------------------------------------------------------------------------------

def test_the_threshold_lets_the_five_seeds_show_every_point():
    seeds = charts.stance_data(*_seed_tables())
    assert len(seeds) <= charts.MAX_POINTS  # the seeds' 41 stance markers stay whole
    assert charts.stance_view(seeds) is seeds


def _seed_tables() -> tuple[pd.DataFrame, pd.DataFrame]:
    import peacetalks
    from conftest import REPO
    corpus = peacetalks.load_corpus(REPO / "seeds")
    return corpus.stances, corpus.articles


# --- the war's toll -----------------------------------------------------------------------------------

def _many_toll_reports() -> tuple[pd.DataFrame, pd.DataFrame]:
    """61 dated reports of the war's toll over three months of 2015 and one of 2017, plus two figures not plotted.

    January 2015 (20 reports): 100,000 ×10 (about), 120,000 ×5 (at least), 150,000 ×5 (exact): median 110,000.
    February 2015 (20): a range 180,000–220,000 (midpoint 200,000) ×20.
    March 2015 (1): up to 90,000.
    June 2017 (20): 300,000 ×19 (at least) and 500,000 ×1 (at least).
    """
    articles = _articles(61, every_days=1)
    dates = [pd.Timestamp("2015-01-05")] * 20 + [pd.Timestamp("2015-02-03")] * 20 + [pd.Timestamp("2015-03-20")] \
        + [pd.Timestamp("2017-06-02")] * 20
    articles["published"] = [d.date().isoformat() for d in dates]
    rows = ([_war(f"a{i:03d}", 100_000) for i in range(10)]
            + [_war(f"a{i:03d}", 120_000, "at_least") for i in range(10, 15)]
            + [_war(f"a{i:03d}", 150_000, "exact") for i in range(15, 20)]
            + [_war(f"a{i:03d}", 180_000, "range", 220_000) for i in range(20, 40)]
            + [_war("a040", 90_000, "at_most")]
            + [_war(f"a{i:03d}", 300_000, "at_least") for i in range(41, 60)]
            + [_war("a060", 500_000, "at_least")])
    rows.append({"article_id": "a000", "value": 224, "qualifier": "exact", "kind": "killed", "subject": "other",
                 "sentence": "a plane crash in Egypt killed 224"})
    undated = tables.frame([{"id": "u1", "title": "Undated", "source": "Sputnik", "published": None,
                             "date_basis": "unknown"}], tables.ARTICLE_COLUMNS)
    rows.append(_war("u1", 250_000))
    return tables.frame(rows, tables.CASUALTY_COLUMNS), pd.concat([articles, undated], ignore_index=True)


def test_many_toll_reports_are_summarised_per_month_with_median_spread_and_counts():
    casualties, articles = _many_toll_reports()
    toll = charts.toll_data(casualties, articles)
    months = charts.toll_view(toll)
    plotted = months[months["shown_as"] == "plotted"].set_index("month")
    assert list(plotted.index) == [pd.Timestamp(m) for m in ("2015-01-01", "2015-02-01", "2015-03-01", "2017-06-01")]
    jan, feb, mar, jun = (plotted.iloc[i] for i in range(4))
    assert (jan["reports"], jan["median"], jan["q1"], jan["q3"], jan["lowest"], jan["highest"]) == \
        (20, 110_000, 100_000, 127_500, 100_000, 150_000)
    assert (jan["stated"], jan["lower_bounds"], jan["upper_bounds"], jan["outlets"]) == (15, 5, 0, 2)
    assert feb["median"] == 200_000 and feb["lowest"] == feb["highest"] == 200_000  # a range counts at its midpoint
    assert (mar["reports"], mar["median"], mar["upper_bounds"]) == (1, 90_000, 1)
    assert (jun["median"], jun["highest"], jun["lower_bounds"]) == (300_000, 500_000, 20)
    aside = months[months["shown_as"] != "plotted"].set_index("shown_as")["reports"].to_dict()
    assert aside == {"listed: other event": 1, "listed: undated": 1}
    assert charts.toll_takeaway(toll) == charts.toll_takeaway(months) == (
        "The reported toll's monthly median rose from 110,000 (2015) to 300,000 (2017), "
        "lower bounds counted as stated.")


def test_toll_chart_of_a_summary_draws_each_month_once_and_says_how_hedges_count(tmp_path):
    casualties, articles = _many_toll_reports()
    months = charts.toll_view(charts.toll_data(casualties, articles))
    fig = charts.toll_chart(months, charts.source_note(articles))
    top, counts = fig.axes[:2]
    medians = [line for line in top.get_lines() if line.get_marker() == "o"]
    assert len(medians) == 1 and list(medians[0].get_ydata()) == [110_000, 200_000, 90_000, 300_000]
    spans = [c for c in top.collections if isinstance(c, LineCollection)]
    assert sorted(seg[1, 1] for seg in spans[0].get_segments()) == [90_000, 150_000, 200_000, 500_000]  # highest
    stacked = {}
    for bar in counts.patches:
        stacked[round(bar.get_x(), 3)] = stacked.get(round(bar.get_x(), 3), 0) + bar.get_height()
    assert sorted(stacked.values()) == [1, 20, 20, 20]
    legend = " ".join(t.get_text() for t in top.get_legend().get_texts()) + top.get_legend().get_title().get_text()
    assert "lower bound counts at its\nstated value" in legend and "median" in legend
    assert any("lower bound" in t.get_text() for t in counts.get_legend().get_texts())
    assert "1 figure about other events" in " ".join(t.get_text() for t in top.texts)
    assert fig.axes[0].get_title("left").startswith("The reported toll's monthly median rose")
    csv = style.save_figure(fig, "war_toll", months, tmp_path)[2]
    assert len(pd.read_csv(csv)) == 4 + 2  # the four months drawn and the two counts beside the chart


def test_few_toll_reports_show_every_report_and_label_outlets_only_while_few():
    casualties, articles = _many_toll_reports()
    toll = charts.toll_data(casualties, articles)
    ids = [f"a{i:03d}" for i in range(charts.MAX_LABELS)]
    few = toll[toll["article_id"].isin(ids) | (toll["shown_as"] != "plotted")]
    assert charts.toll_view(few) is few  # every report drawn
    labelled = charts.toll_chart(few, "note").axes[0].texts
    assert len(labelled) == charts.MAX_LABELS and all("\n" in t.get_text() for t in labelled)  # outlet and figure
    some = toll[(toll["shown_as"] != "plotted") | toll["article_id"].isin([f"a{i:03d}" for i in range(0, 60, 2)])]
    assert charts.toll_view(some) is some  # 30 reports: still every one, but no label piles up
    assert len(charts.toll_chart(some, "note").axes[0].texts) == 0


# --- the publication timeline ---------------------------------------------------------------------------

def test_many_articles_are_counted_per_outlet_and_month():
    articles = _articles(90, start="2016-01-01", every_days=1, outlets=("Reuters", "TASS", "Reuters"))
    articles.loc[articles.index[-3:], "date_basis"] = "catalog"
    data = charts.publication_data(articles)
    months = charts.publication_view(data)
    assert list(months.columns) == ["outlet", "month", "articles", *style.DATE_BASIS]
    counts = months.set_index(["outlet", "month"])["articles"]
    # January 2016: days 0-30, TASS on every third day from day 1: 10 of 31; Reuters the other 21.
    assert counts[("Reuters", pd.Timestamp("2016-01-01"))] == 21 and counts[("TASS", pd.Timestamp("2016-01-01"))] == 10
    assert int(months["articles"].sum()) == 90 and list(dict.fromkeys(months["outlet"])) == ["Reuters", "TASS"]
    assert int(months["catalog"].sum()) == 3 and (months["articles"] == months[list(style.DATE_BASIS)].sum(axis=1)).all()
    fig = charts.publication_timeline(months, "note")
    heat = [c for ax in fig.axes for c in ax.collections if isinstance(c, QuadMesh)][0]
    assert heat.get_array().sum() == 90
    labels = [t.get_text() for ax in fig.axes for t in ax.get_yticklabels()]
    assert "Reuters (60)" in labels and "TASS (30)" in labels


def test_few_articles_keep_one_marker_each_labelled_only_while_few():
    data = charts.publication_data(_articles(charts.MAX_LABELS))
    assert charts.publication_view(data) is data
    ax = charts.publication_timeline(data, "note").axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection)) == charts.MAX_LABELS
    assert len(ax.texts) == charts.MAX_LABELS  # each labelled with its id
    more = charts.publication_data(_articles(charts.MAX_POINTS))
    assert charts.publication_view(more) is more
    ax = charts.publication_timeline(more, "note").axes[0]
    assert sum(len(c.get_offsets()) for c in ax.collections if isinstance(c, PathCollection)) == charts.MAX_POINTS
    assert len(ax.texts) == 0


# --- the stance timeline -------------------------------------------------------------------------------

def _many_stances() -> tuple[pd.DataFrame, pd.DataFrame]:
    """80 stances, each its own marker: Russia on peace talks one a day from 2015-01-01, the opposition in July.

    Russia, all in Q1 2015: days 0-59 support, days 60-64 oppose (a reversal), days 65-69 support
    again (a second one). The opposition, Q3 2015: 5 support, then 5 mixed (a softening).
    """
    articles = _articles(80, start="2015-01-01")
    rows = []
    for i in range(70):
        polarity = -1 if 60 <= i < 65 else 1
        rows.append({"article_id": f"a{i:03d}", "actor": "russia", "issue": "negotiations", "polarity": polarity,
                     "quote": f"quote {i}", "as_of": articles.at[i, "published"], "as_of_basis": "published",
                     "coded_by": "machine"})
    for i in range(70, 80):
        day = (pd.Timestamp("2015-07-01") + pd.Timedelta(days=i - 70)).date().isoformat()
        rows.append({"article_id": f"a{i:03d}", "actor": "syrian_opposition", "issue": "negotiations",
                     "polarity": 1 if i < 75 else 0, "quote": f"quote {i}", "as_of": day, "as_of_basis": "published",
                     "coded_by": "machine"})
    return tables.frame(rows, tables.STANCE_COLUMNS), articles


def test_many_stances_are_counted_per_actor_issue_and_quarter_with_their_shifts():
    data = charts.stance_data(*_many_stances())
    assert len(data) == 80
    quarters = charts.stance_view(data)
    table = quarters.set_index(["actor", "quarter"])
    russia = table.loc[("russia", "2015Q1")]
    assert (russia["supports"], russia["opposes"], russia["mixed"]) == (65, 5, 0)
    assert (russia["reverses"], russia["softens"], russia["firms"]) == (2, 0, 0)  # to opposing, and back
    opposition = table.loc[("syrian_opposition", "2015Q3")]
    assert (opposition["supports"], opposition["mixed"], opposition["softens"]) == (5, 5, 1)
    assert list(quarters["row"]) == ["Russia · Peace talks", "Syrian opposition · Peace talks"]
    assert quarters.loc[0, "quarter_start"] == pd.Timestamp("2015-01-01")
    assert charts.stance_takeaway(data) == charts.stance_takeaway(quarters) == (
        "80 dated stances, counted per quarter; 3 shifts, most in Russia · Peace talks (2).")


def test_stance_chart_of_quarters_sizes_markers_by_count_and_boxes_the_shifts(tmp_path):
    data = charts.stance_view(charts.stance_data(*_many_stances()))
    fig = charts.stance_timeline(data, "note")
    ax = fig.axes[0]
    markers = [c for c in ax.collections if isinstance(c, PathCollection) and len(c.get_offsets())]
    assert sum(len(c.get_offsets()) for c in markers) == 4  # ▲ and ▼ for Russia, ▲ and ◆ for the opposition
    sizes = sorted(s for c in markers for s in c.get_sizes())
    assert sizes[0] < sizes[-1]  # 5 stances draw a smaller marker than 65
    assert {t.get_text() for t in ax.texts} == {"65", "5"}
    boxes = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(boxes) == 2 and {b.get_linestyle() for b in boxes} == {"-", "--"}  # a reversal; a softening
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Russia · Peace talks", "Syrian opposition · Peace talks"]
    csv = style.save_figure(fig, "stance_timeline", data, tmp_path)[2]
    assert pd.read_csv(csv)[["supports", "opposes", "mixed"]].to_numpy().sum() == 80


def test_few_stances_keep_every_marker_and_its_shift_arrow():
    stances, articles = _many_stances()
    data = charts.stance_data(stances[stances["article_id"].isin([f"a{i:03d}" for i in (0, 1, 60, 61, 70, 76)])],
                              articles)
    assert charts.stance_view(data) is data
    ax = charts.stance_timeline(data, "note").axes[0]
    assert {"reverses", "softens"} <= {t.get_text() for t in ax.texts}


def test_the_side_panel_of_every_report_quotes_a_few_listed_figures_and_counts_the_rest():
    casualties, articles = _many_toll_reports()
    others = tables.frame([{"article_id": f"a{i:03d}", "value": 10 + i, "qualifier": "exact", "kind": "killed",
                            "subject": "other", "sentence": f"a bomb abroad killed {10 + i}"} for i in range(5)],
                          tables.CASUALTY_COLUMNS)
    toll = charts.toll_data(pd.concat([casualties.iloc[:3], others], ignore_index=True), articles)
    assert charts.toll_view(toll) is toll
    side = charts.toll_chart(toll, "note").axes[1]
    texts = [t.get_text() for t in side.findobj(match=Text)]
    assert "5, all in the notebook's table; the first 3:" in texts
    assert sum("a bomb abroad" in t for t in texts) == charts.LISTED_MAX
