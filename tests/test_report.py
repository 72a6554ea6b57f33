"""`peacetalks report`: parameters, up-to-date check, atomic build, offline and escaped HTML, figures, repeatability."""
from __future__ import annotations

import json
import re
import shutil

import nbformat
import pandas as pd
import pytest
from PIL import Image

from conftest import MALICIOUS_ID, MALICIOUS_MARKUP, REPO, BuiltReport, make_project, run_report
from peacetalks.report import notebooks, output, build as report
from peacetalks.sources.problems import InputError

NOTEBOOKS = notebooks.find_notebooks(REPO / "notebooks")


# --- parameters: validated before any kernel starts ---------------------------------------------------

def test_parameters_cell_is_read_with_defaults_and_help():
    params = notebooks.parse_parameters_cell(
        'corpus = "../seeds"  # the folder\nstart = None  # first day\nkinds = ["killed"]\n', "nb")
    assert {name: p.default for name, p in params.items()} == {"corpus": "../seeds", "start": None, "kinds": ["killed"]}
    assert params["corpus"].help == "the folder"


def test_parameters_cell_with_code_is_refused():
    with pytest.raises(InputError, match="only assign literals"):
        notebooks.parse_parameters_cell("import os\n", "nb.ipynb")


def test_every_notebook_declares_the_shared_parameters():
    for notebook in NOTEBOOKS:
        assert {"corpus", "start", "end", "figures_dir"} <= set(notebook.parameters), notebook.name


def test_valid_parameters_are_normalised():
    given = {"start": notebooks.parse_cli_value("2015-01-01"), "end": "2016-12-31",
             "kinds": notebooks.parse_cli_value("killed,displaced")}
    assert notebooks.validate_parameters(given, NOTEBOOKS) == {
        "start": "2015-01-01", "end": "2016-12-31", "kinds": ["killed", "displaced"]}
    assert notebooks.validate_parameters({"start": "none"}, NOTEBOOKS) == {"start": None}


@pytest.mark.parametrize("given, message", [
    ({"strat": "2015-01-01"}, r"unknown parameter 'strat' \(did you mean start\?\)"),
    ({"start": notebooks.parse_cli_value("2015-13-01")}, r"parameter start: '2015-13-01' is not a date in the form YYYY-MM-DD"),
    ({"start": "2016-01-01", "end": "2015-01-01"}, r"start is after end"),
    ({"kinds": "killed,maimed"}, r"parameter kinds: unknown value 'maimed'; choose from killed"),
    ({"actors": "russia,rusia"}, r"parameter actors: unknown value 'rusia' \(did you mean 'russia'\?\)"),
    ({"summarise": "sumary"}, r"parameter summarise: expected one of 'auto', 'points', 'summary'"),
    ({"corpus": "elsewhere"}, r"parameter corpus cannot be given: .*--corpus"),
    ({"figures_dir": "x"}, r"parameter figures_dir cannot be given"),
])
def test_bad_parameters_are_refused_with_a_clear_message(given, message):
    with pytest.raises(InputError, match=message):
        notebooks.validate_parameters(given, NOTEBOOKS)


def test_unknown_parameter_on_the_command_line_fails_before_any_kernel(tmp_path):
    project = make_project(tmp_path / "p", malicious=False)
    result = run_report("-p", "strat", "2015-01-01", cwd=project, timeout=60)
    assert result.returncode == 2
    assert "unknown parameter 'strat'" in result.stderr and "Traceback" not in result.stderr
    assert "building" not in result.stdout and [p.name for p in (project / "reports").iterdir()] == ["README.md"]


def test_an_unknown_evidence_article_is_refused_before_any_kernel(tmp_path, capsys):
    from peacetalks.cli import main
    code = main(["report", "-p", "evidence_article", "999_missing", "--corpus", str(REPO / "seeds"),
                 "--notebooks", str(REPO / "notebooks"), "--out", str(tmp_path / "out")])
    assert code == 2 and "no article '999_missing'" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_parameters_file_is_read_and_checked(tmp_path):
    good = tmp_path / "params.yaml"
    good.write_text("start: 2015-01-01\nkinds: [killed]\n")
    assert notebooks.validate_parameters(notebooks.read_parameters_file(good), NOTEBOOKS) == {
        "start": "2015-01-01", "kinds": ["killed"]}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- start\n")
    with pytest.raises(InputError, match="bad.yaml: expected a mapping"):
        notebooks.read_parameters_file(bad)
    bad.write_text("kinds: [killed]\nstart: 2015-13-01\n")
    with pytest.raises(InputError, match=r"bad.yaml, line 2: parameter start: '2015-13-01' is not a date in the form YYYY-MM-DD"):
        notebooks.read_parameters_file(bad)


# --- what a build depends on -------------------------------------------------------------------

def test_inputs_digest_follows_articles_analyst_files_and_parameters(tmp_path):
    project = make_project(tmp_path / "p", malicious=False)
    corpus, found = project / "seeds", notebooks.find_notebooks(project / "notebooks")
    first = report.inputs_digest(corpus, found, {})
    assert report.inputs_digest(corpus, found, {}) == first
    assert report.inputs_digest(corpus, found, {"start": "2015-01-01"}) != first
    (corpus / "catalog.csv").write_text((corpus / "catalog.csv").read_text() + "\n")
    second = report.inputs_digest(corpus, found, {})
    assert second != first
    (corpus / "005_new.txt").write_text("A new article\n\nIts text.\n")
    assert report.inputs_digest(corpus, found, {}) != second


def test_labelled_sets_given_are_handed_to_the_kernel_relative_to_where_it_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sets").mkdir()
    build_dir = tmp_path / "out" / ".reports.building-x"
    [accuracy_notebook] = [n for n in NOTEBOOKS if "labelled" in n.parameters]
    given = {"labelled": ["sets/gold.json"], "start": "2015-01-01"}
    assert notebooks.notebook_parameters(given, accuracy_notebook, build_dir) == {
        "labelled": ["../../sets/gold.json"], "start": "2015-01-01"}
    assert given["labelled"] == ["sets/gold.json"]  # as given, for the index and the digest


def test_an_output_folder_that_is_not_a_report_is_never_replaced(tmp_path):
    (tmp_path / "mine.txt").write_text("my notes")
    with pytest.raises(InputError, match="is not a peacetalks report"):
        report._check_output_folder(tmp_path)


def test_swap_keeps_the_readme_and_replaces_the_rest(tmp_path):
    out, build = tmp_path / "reports", tmp_path / "build"
    out.mkdir()
    build.mkdir()
    (out / "README.md").write_text("what goes here")
    (out / "stale.html").write_text("old")
    (build / "index.html").write_text("new")
    output.swap_into_place(build, out)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "index.html"]
    assert not build.exists() and [p.name for p in tmp_path.iterdir()] == ["reports"]


def test_a_page_loading_from_the_network_is_refused():
    with pytest.raises(report.NotebookFailed, match="would load from the network"):
        report.check_offline('<script src="https://cdn.example/require.js"></script>', "x.html")
    report.check_offline('<a href="https://example.org/">a link is fine</a><img src="figures/a.png">', "x.html")


# --- the built report -------------------------------------------------------------------------------

@pytest.mark.slow
def test_build_writes_pages_figures_tables_and_executed_notebooks(built_report: BuiltReport):
    out = built_report.out
    names = [n.name for n in NOTEBOOKS]
    for name in names:
        assert f"done    {name}.ipynb" in built_report.stdout  # one progress line per notebook
        assert (out / f"{name}.html").is_file() and (out / "notebooks" / f"{name}.ipynb").is_file()
    assert (out / "README.md").is_file()  # the committed README survives the swap
    for table in ("articles", "casualties", "stances", "problems"):
        assert (out / "tables" / f"{table}.csv").is_file()
    figures = sorted(p.stem for p in (out / "figures").glob("*.png"))
    assert set(figures) == {"publication_timeline", "war_toll", "stance_timeline", "accuracy", "review_state"}
    index = (out / "index.html").read_text()
    for stem in figures:
        for ext in ("png", "svg", "csv"):
            assert (out / "figures" / f"{stem}.{ext}").is_file()
            assert f'href="figures/{stem}.{ext}"' in index
    for name in names:
        assert f'href="{name}.html"' in index


@pytest.mark.slow
def test_index_states_findings_and_methods_from_the_data(built_report: BuiltReport):
    index = (built_report.out / "index.html").read_text()
    toll = pd.read_csv(built_report.out / "figures" / "war_toll.csv")
    plotted = toll[toll["shown_as"] == "plotted"].sort_values("published")
    first, last = plotted.iloc[0], plotted.iloc[-1]
    assert f"The reported toll rose from {first['reported_as']}" in index
    assert f"to {last['reported_as']}" in index
    for heading in ("Headline findings", "Sections", "Figures", "Tables to download", "Methods",
                    "Where each date comes from", "How casualty figures are coded", "what the analyst reviewed"):
        assert heading in index


@pytest.mark.slow
def test_index_names_the_main_shift_and_the_machines_error_rates(built_report: BuiltReport):
    import peacetalks
    from peacetalks.tables import review, shifts

    index = (built_report.out / "index.html").read_text()
    seeds = built_report.project / "seeds"
    corpus = peacetalks.load_corpus(seeds)
    reviewed = corpus.stances  # the review applied
    changes = shifts.shifts(reviewed)
    reversal = changes[changes["change"] == "reverses"].iloc[0]
    assert f"{reversal['change']}, from opposing" in index or f"{reversal['change']}, from supporting" in index
    agreement = review.agreement(corpus.machine_stances, reviewed)
    assert agreement.recall < 1  # the seeds' review adds stances the machine missed
    assert f"precision <strong>{agreement.precision:.2f}</strong> and recall <strong>{agreement.recall:.2f}</strong>" in index
    assert pd.read_csv(built_report.out / "tables" / "stances.csv").shape[0] == len(reviewed)


@pytest.mark.slow
def test_figures_are_200_dpi_png_and_svg_without_dates(built_report: BuiltReport):
    for png in (built_report.out / "figures").glob("*.png"):
        dpi = Image.open(png).info["dpi"]
        assert min(dpi) >= 199.5, (png.name, dpi)
        svg = png.with_suffix(".svg").read_text()
        assert "<dc:date>" not in svg


@pytest.mark.slow
def test_toll_csv_is_exactly_what_the_chart_shows(built_report: BuiltReport):
    toll = pd.read_csv(built_report.out / "figures" / "war_toll.csv")
    articles = pd.read_csv(built_report.out / "tables" / "articles.csv")
    casualties = pd.read_csv(built_report.out / "tables" / "casualties.csv")
    war = casualties[(casualties["subject"] == "syria_war") & (casualties["kind"] == "killed")]
    dated = set(articles.loc[articles["published"].notna(), "id"])
    plotted = toll[toll["shown_as"] == "plotted"]
    assert sorted(plotted["article_id"]) == sorted(war.loc[war["article_id"].isin(dated), "article_id"])
    assert set(toll.loc[toll["subject"] == "other", "shown_as"]) <= {"listed: other event"}


@pytest.mark.slow
def test_html_loads_nothing_from_the_network_and_has_no_scripts(built_report: BuiltReport):
    for page in built_report.html_pages():
        html = page.read_text()
        assert "<script" not in html.lower(), page.name
        assert not re.search(r"<(link|img|iframe|source)[^>]+(src|href)=\"(https?:)?//", html), page.name
        assert "Content-Security-Policy" in html


@pytest.mark.slow
def test_article_markup_is_escaped(built_report: BuiltReport):
    pages = {p.name: p.read_text() for p in built_report.html_pages()}
    assert any(MALICIOUS_ID in html for html in pages.values())  # the article did reach the report
    for name, html in pages.items():
        for markup in MALICIOUS_MARKUP:
            assert markup not in html, name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in pages["01_corpus.html"]


@pytest.mark.slow
def test_no_path_of_the_building_machine_in_the_html(built_report: BuiltReport):
    for page in built_report.html_pages():
        html = page.read_text()
        for path in (str(built_report.project), str(REPO), "/tmp/", "/home/", "/root/"):
            assert path not in html, (page.name, path)


@pytest.mark.slow
def test_executed_notebooks_carry_no_run_times(built_report: BuiltReport):
    for path in (built_report.out / "notebooks").glob("*.ipynb"):
        nb = nbformat.read(path, as_version=4)
        assert "start_time" not in json.dumps(nb.metadata.get("papermill", {}))
        assert all("execution" not in cell.metadata and "papermill" not in cell.metadata for cell in nb.cells)


@pytest.mark.slow
def test_rebuild_with_nothing_changed_does_no_work(built_report: BuiltReport):
    before = {p: p.stat().st_mtime_ns for p in built_report.out.rglob("*")}
    result = run_report(cwd=built_report.project)
    assert result.returncode == 0
    assert "up to date" in result.stdout and "Nothing to do" in result.stdout, result.stdout
    assert {p: p.stat().st_mtime_ns for p in built_report.out.rglob("*")} == before


@pytest.mark.slow
def test_two_builds_give_identical_html_and_svg(built_report: BuiltReport):
    again = built_report.project / "reports-again"
    result = run_report("--out", "reports-again", cwd=built_report.project)
    assert result.returncode == 0, result.stderr
    files = [p.relative_to(built_report.out) for p in built_report.out.rglob("*")
             if p.suffix in {".html", ".svg", ".png", ".csv"}]
    assert len(files) >= 6
    for name in files:
        assert (again / name).read_bytes() == (built_report.out / name).read_bytes(), name
    shutil.rmtree(again)


@pytest.mark.slow
def test_failing_notebook_leaves_the_last_good_report_and_names_the_cell(built_report: BuiltReport, tmp_path):
    out = tmp_path / "reports"
    shutil.copytree(built_report.out, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    broken = nbformat.v4.new_notebook()
    broken.cells = [nbformat.v4.new_markdown_cell("# Broken"),
                    nbformat.v4.new_code_cell("corpus = None\nfigures_dir = None", metadata={"tags": ["parameters"]}),
                    nbformat.v4.new_code_cell("raise ValueError('the data is not what this cell expects')")]
    nbformat.write(broken, notebooks / "09_broken.ipynb")
    result = run_report("--notebooks", str(notebooks), "--out", str(out), cwd=built_report.project)
    assert result.returncode == 1
    assert "09_broken.ipynb: cell 3 failed" in result.stderr
    assert "ValueError: the data is not what this cell expects" in result.stderr
    assert "left as it was" in result.stderr
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if ".building-" in p.name] == []  # no build folder left behind (the tables cache stays)


# --- the charts, from small hand-made tables -----------------------------------------------------

def _articles() -> pd.DataFrame:
    from peacetalks import tables
    return tables.frame([
        {"id": "a1", "title": "One", "source": "The Moscow Times", "published": "2015-01-21", "date_basis": "catalog",
         "date_window_start": "2015-01-08", "date_window_end": "2015-01-25"},
        {"id": "a2", "title": "Two", "source": None, "wire": "Reuters", "published": "2015-11-03", "date_basis": "catalog"},
        {"id": "a3", "title": "Three", "source": "Bloomberg", "published": "2016-04-05", "date_basis": "text"},
        {"id": "a4", "title": "Four", "source": "Sputnik", "published": None, "date_basis": "unknown"},
    ], tables.ARTICLE_COLUMNS)


def _casualties() -> pd.DataFrame:
    from peacetalks import tables
    war = {"kind": "killed", "subject": "syria_war"}
    return tables.frame([
        {"article_id": "a1", "value": 200000, "qualifier": "approx", "sentence": "Roughly 200,000 lives have been lost so far.", **war},
        {"article_id": "a2", "value": 250000, "qualifier": "approx", "sentence": "has killed some 250,000", **war},
        {"article_id": "a2", "value": 200, "qualifier": "at_least", "kind": "killed", "subject": "other",
         "sentence": "a ferry that sank off the coast, when over 200 passengers drowned, costing $5 million and $2 more"},
        {"article_id": "a2", "value": 2000000, "qualifier": "at_least", "kind": "displaced", "subject": "syria_war",
         "sentence": "displaced millions"},
        {"article_id": "a3", "value": 250000, "qualifier": "at_least", "sentence": "over a quarter of a million dead", **war},
        {"article_id": "a3", "value": 7, "qualifier": "exact", "kind": "killed", "subject": "syria_event", "sentence": "seven killed"},
        {"article_id": "a4", "value": 300000, "value_high": 400000, "qualifier": "range", "sentence": "300,000-400,000 dead", **war},
    ], tables.CASUALTY_COLUMNS)


def test_toll_data_plots_dated_war_deaths_and_lists_the_rest():
    from peacetalks.report import charts
    data = charts.toll_data(_casualties(), _articles())
    shown = {(row.article_id, row.value): row.shown_as for row in data.itertuples()}
    assert shown == {("a1", 200000): "plotted", ("a2", 250000): "plotted", ("a3", 250000): "plotted",
                     ("a4", 300000): "listed: undated", ("a2", 200): "listed: other event"}
    assert data.loc[data["article_id"] == "a2", "outlet"].iloc[0] == "Reuters (wire)"
    assert list(data.loc[data["shown_as"] == "plotted", "reported_as"]) == ["about 200,000", "about 250,000", "at least 250,000"]
    assert charts.toll_takeaway(data) == "The reported toll rose from about 200,000 (Jan 2015) to at least 250,000 (Apr 2016)."


def test_toll_chart_draws_each_hedge_as_what_it_is():
    from matplotlib.collections import LineCollection
    from peacetalks.report import charts, style
    articles = _articles()
    casualties = _casualties()
    casualties.loc[casualties["article_id"] == "a4", "article_id"] = "a3"  # the range gets a date: a span
    data = charts.toll_data(casualties, articles)
    fig = charts.toll_chart(data, charts.source_note(articles))
    ax = fig.axes[0]
    lines = [line for line in ax.get_lines() if len(line.get_xdata())]
    markers = {(line.get_marker() if isinstance(line.get_marker(), str) else "bound", line.get_fillstyle(), len(line.get_xdata()))
               for line in lines}
    assert ("o", "none", 2) in markers  # two approximate figures: open rings
    assert ("bound", "none", 1) in markers and any(line.get_marker() is style.LOWER_BOUND_MARKER for line in lines)
    spans = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert spans and spans[0].get_segments()[0][:, 1].tolist() == [300000, 400000]
    texts = " ".join(t.get_text() for t in ax.texts)
    assert "Bloomberg\nat least 250,000" in texts and "Reuters (wire)\nabout 250,000" in texts
    side = " ".join(t.get_text() for a in fig.axes[1:] for t in a.findobj(match=lambda o: hasattr(o, "get_text")))
    assert "ferry that sank off the coast" in side  # listed beside the chart, not in it
    assert fig.get_suptitle() and "coded by peacetalks" in fig.get_supxlabel()


def test_source_note_says_how_many_articles_from_which_outlets():
    from peacetalks.report import charts
    assert charts.source_note(_articles()) == (
        "Source: 4 articles, Jan 2015 to Apr 2016 (Bloomberg, Reuters (wire), Sputnik, The Moscow Times); "
        "coded by peacetalks.")


def test_publication_data_plots_dated_articles_only():
    from peacetalks.report import charts
    data = charts.publication_data(_articles())
    assert list(data["article_id"]) == ["a1", "a2", "a3"]
    assert "1 undated, not plotted" in charts.publication_takeaway(_articles())
    fig = charts.publication_timeline(data, charts.source_note(_articles()))
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()] == ["The Moscow Times", "Reuters (wire)", "Bloomberg"]


def _stances() -> pd.DataFrame:
    from peacetalks import tables
    def row(article, actor, issue, polarity, as_of, quote, basis="published"):
        return {"article_id": article, "actor": actor, "issue": issue, "polarity": polarity, "quote": quote,
                "as_of": as_of, "as_of_basis": basis, "coded_by": "machine"}
    return tables.frame([
        row("a1", "syrian_opposition", "negotiations", -1, "2015-01-21", "refused to attend"),
        row("a2", "syrian_opposition", "negotiations", 1, "2015-08-01", "sent a delegation in August", 'text: "August"'),
        row("a2", "russia", "engage_opposition", -1, "2015-11-03", "initially dismissing",
            'published; placed earlier, undated: "initially"'),
        row("a2", "russia", "engage_opposition", 0, "2015-11-03", "increasing flexibility"),
        row("a3", "russia", "negotiations", 1, "2016-04-05", "talks go on"),
        row("a3", "russia", "negotiations", 1, "2016-04-05", "talks will go on"),
        row("a4", "iran", "ceasefire", 1, None, "undated"),
    ], tables.STANCE_COLUMNS)


def test_stance_data_marks_shifts_and_leaves_out_undated_stances():
    from peacetalks.report import charts
    data = charts.stance_data(_stances(), _articles())
    assert "Iran · Cease-fire" not in set(data["row"])
    shifts = data[data["shift"] != ""].set_index("row")
    assert shifts.loc["Syrian opposition · Peace talks", "shift"] == "reverses"
    assert shifts.loc["Syrian opposition · Peace talks", "shift_from"] == pd.Timestamp("2015-01-21")
    assert shifts.loc["Russia · Engaging the opposition", "shift"] == "softens"
    talks = data[data["row"] == "Russia · Peace talks"]
    assert len(talks) == 1 and talks["stances"].iloc[0] == 2  # two stances, one marker
    assert "reverses to supporting (Jan 2015 → Aug 2015)" in charts.stance_takeaway(data)


def test_stance_timeline_has_a_row_per_actor_and_issue_and_marks_shifts():
    from peacetalks.report import charts
    data = charts.stance_data(_stances(), _articles())
    fig = charts.stance_timeline(data, charts.source_note(_articles()))
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == list(dict.fromkeys(data["row"]))
    assert {"reverses", "softens"} <= {t.get_text() for t in ax.texts}
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    unreviewed = data["coded_by"].map(charts.not_reviewed).any()  # the machine's rows no analyst has seen are ringed
    assert len(labels) == 5 + unreviewed and (("machine's, not\nreviewed yet" in labels) == unreviewed)


def test_save_figure_writes_png_svg_and_csv_the_same_every_time(tmp_path):
    from peacetalks.report import charts, style
    data = charts.toll_data(_casualties(), _articles())
    assert style.save_figure(charts.toll_chart(data, "note"), "toll", data, None) == []
    first = style.save_figure(charts.toll_chart(data, "note"), "toll", data, tmp_path / "a")
    second = style.save_figure(charts.toll_chart(data, "note"), "toll", data, tmp_path / "b")
    assert [p.name for p in first] == ["toll.png", "toll.svg", "toll.csv"]
    for one, two in zip(first, second):
        assert one.read_bytes() == two.read_bytes(), one.name
    assert min(Image.open(first[0]).info["dpi"]) >= 199.5
    assert pd.read_csv(first[2]).shape[0] == len(data)
    assert "DejaVu" in first[1].read_text() or "<path" in first[1].read_text()


def test_figure_for_a_notebook_carries_alt_text():
    from peacetalks.report import charts, style
    data = charts.toll_data(_casualties(), _articles())
    image = style.show(charts.toll_chart(data, "note"))
    assert image.metadata["alt"].startswith("The war's death toll as the press reported it. The reported toll rose")


def test_a_long_sentence_is_cut_around_its_figure():
    from peacetalks.report.charts import excerpt
    sentence = ("A government spokesman said on Monday it was wrong to tie the air campaign in the north to the "
                "findings of an inquiry into a ferry that sank off the coast last month, when more than 200 "
                "passengers drowned.")
    cut = excerpt(sentence, 200, width=90)
    assert cut.startswith("… ") and cut.endswith("more than 200 passengers drowned.") and len(cut) <= 95
    assert excerpt("Roughly 200,000 lives have been lost so far.", 200000) == "Roughly 200,000 lives have been lost so far."


@pytest.mark.slow
def test_index_quotes_the_error_rates_on_text_not_tuned_on(built_report: BuiltReport):
    """The methods give the machine's precision and recall on the labelled pages kept aside from tuning, or say
    they are not measured (../shared absent)."""
    from peacetalks.tables import accuracy

    index = (built_report.out / "index.html").read_text()
    assert 'id="accuracy"' in index
    rates = accuracy.held_out_rates()
    if not rates["measured"]:
        assert "<strong>not measured</strong>" in index
        return
    assert "not been tuned on" in index and rates["code"] in index and "held_out.yaml" in index
    stances = next(r for r in rates["rows"] if r["what"] == "stances")
    assert (f"<tr><td>stances</td><td class=\"num\">{stances['precision']:.2f}</td>"
            f"<td class=\"num\">{stances['recall']:.2f}</td>") in index
