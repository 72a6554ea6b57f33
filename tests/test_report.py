"""`peacetalks report`: parameters, up-to-date check, atomic build, offline and escaped HTML, figures, repeatability."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from PIL import Image

from conftest import MALICIOUS_ID, MALICIOUS_MARKUP, REPO, BuiltReport, make_project, run_report
from peacetalks import report
from peacetalks.problems import InputError

NOTEBOOKS = report.find_notebooks(REPO / "notebooks")


# --- parameters: validated before any kernel starts ---------------------------------------------------

def test_parameters_cell_is_read_with_defaults_and_help():
    params = report.parse_parameters_cell(
        'corpus = "../seeds"  # the folder\nstart = None  # first day\nkinds = ["killed"]\n', "nb")
    assert {name: p.default for name, p in params.items()} == {"corpus": "../seeds", "start": None, "kinds": ["killed"]}
    assert params["corpus"].help == "the folder"


def test_parameters_cell_with_code_is_refused():
    with pytest.raises(InputError, match="only assign literals"):
        report.parse_parameters_cell("import os\n", "nb.ipynb")


def test_every_notebook_declares_the_shared_parameters():
    for notebook in NOTEBOOKS:
        assert {"corpus", "start", "end", "figures_dir"} <= set(notebook.parameters), notebook.name


def test_valid_parameters_are_normalised():
    given = {"start": report.parse_cli_value("2015-01-01"), "end": "2016-12-31",
             "kinds": report.parse_cli_value("killed,displaced")}
    assert report.validate_parameters(given, NOTEBOOKS) == {
        "start": "2015-01-01", "end": "2016-12-31", "kinds": ["killed", "displaced"]}
    assert report.validate_parameters({"start": "none"}, NOTEBOOKS) == {"start": None}


@pytest.mark.parametrize("given, message", [
    ({"strat": "2015-01-01"}, r"unknown parameter 'strat' \(did you mean start\?\)"),
    ({"start": "2015-13-01"}, r"parameter start: expected a date as YYYY-MM-DD"),
    ({"start": "2016-01-01", "end": "2015-01-01"}, r"start is after end"),
    ({"kinds": "killed,maimed"}, r"parameter kinds: unknown value\(s\) 'maimed'; choose from killed"),
    ({"corpus": "elsewhere"}, r"parameter corpus cannot be given: .*--corpus"),
    ({"figures_dir": "x"}, r"parameter figures_dir cannot be given"),
])
def test_bad_parameters_are_refused_with_a_clear_message(given, message):
    with pytest.raises(InputError, match=message):
        report.validate_parameters(given, NOTEBOOKS)


def test_unknown_parameter_on_the_command_line_fails_before_any_kernel(tmp_path):
    project = make_project(tmp_path / "p", malicious=False)
    result = run_report("-p", "strat", "2015-01-01", cwd=project, timeout=60)
    assert result.returncode == 2
    assert "unknown parameter 'strat'" in result.stderr and "Traceback" not in result.stderr
    assert "building" not in result.stdout and [p.name for p in (project / "reports").iterdir()] == ["README.md"]


def test_parameters_file_is_read_and_checked(tmp_path):
    good = tmp_path / "params.yaml"
    good.write_text("start: 2015-01-01\nkinds: [killed]\n")
    assert report.validate_parameters(report.read_parameters_file(good), NOTEBOOKS) == {
        "start": "2015-01-01", "kinds": ["killed"]}
    bad = tmp_path / "bad.yaml"
    bad.write_text("- start\n")
    with pytest.raises(InputError, match="bad.yaml: expected a mapping"):
        report.read_parameters_file(bad)


# --- what a build depends on -------------------------------------------------------------------

def test_inputs_digest_follows_articles_analyst_files_and_parameters(tmp_path):
    project = make_project(tmp_path / "p", malicious=False)
    corpus, notebooks = project / "seeds", report.find_notebooks(project / "notebooks")
    first = report.inputs_digest(corpus, notebooks, {})
    assert report.inputs_digest(corpus, notebooks, {}) == first
    assert report.inputs_digest(corpus, notebooks, {"start": "2015-01-01"}) != first
    (corpus / "catalog.csv").write_text((corpus / "catalog.csv").read_text() + "\n")
    second = report.inputs_digest(corpus, notebooks, {})
    assert second != first
    (corpus / "005_new.txt").write_text("A new article\n\nIts text.\n")
    assert report.inputs_digest(corpus, notebooks, {}) != second


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
    report.swap_into_place(build, out)
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
    assert {"publication_timeline", "war_toll"} <= set(figures)
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
    assert "up to date" in result.stdout and "Nothing to do" in result.stdout
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
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no build folder left behind
