"""The notebooks: committed clean and thin, parameterised, and run to the end by papermill."""
from __future__ import annotations

import base64
import io

import nbformat
import pandas as pd
import papermill
import pytest
from PIL import Image

from conftest import REPO, BuiltReport, run_report

NOTEBOOK_PATHS = sorted((REPO / "notebooks").glob("*.ipynb"))
TEXT_ONLY = {"00_summary", "04_accuracy"}
"""The chapters of findings and figures of accuracy: tables and text, no chart."""


def _run(name: str, folder, out, **parameters) -> nbformat.NotebookNode:
    """A notebook of `folder` run by papermill in a real kernel, from `folder` (as JupyterLab runs it)."""
    return papermill.execute_notebook(str(folder / name), str(out), kernel_name="python3", progress_bar=False,
                                      parameters=parameters, resources={"metadata": {"path": str(folder)}})


def _shown(nb: nbformat.NotebookNode) -> str:
    """Everything a reader of the executed notebook sees in its outputs, as text."""
    texts = []
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            texts.append(str(data.get("text/markdown", "")) + str(data.get("text/html", "")) + str(output.get("text", "")))
    return "\n".join(texts)


def test_there_is_a_notebook_per_question():
    assert [p.stem for p in NOTEBOOK_PATHS] == ["00_summary", "01_corpus", "02_casualties", "03_stances", "04_accuracy", "05_review"]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.stem)
def test_notebook_is_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, cell.source[:60]


@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.stem)
def test_notebook_is_thin_and_parameterised(path):
    nb = nbformat.read(path, as_version=4)
    tagged = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1
    assert "figures_dir = None" in tagged[0].source  # by hand, a notebook saves nothing
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert "matplotlib.use" not in code and "%matplotlib" not in code and "pyplot" not in code
    assert "def " not in code and "class " not in code  # logic lives in the library
    assert sum(1 for c in nb.cells if c.cell_type == "markdown") >= 3


@pytest.mark.slow
def test_executed_notebooks_have_no_errors_and_figures_with_alt_text(built_report: BuiltReport):
    for path in sorted((built_report.out / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outputs if o.output_type == "error"], path.name
        images = [o for o in outputs if "image/png" in o.get("data", {})]
        assert images or path.stem in TEXT_ONLY, f"{path.name} shows no figure"
        for image in images:
            assert image.metadata["image/png"]["alt"], path.name
            png = Image.open(io.BytesIO(base64.b64decode(image.data["image/png"])))
            assert png.width > 600


@pytest.mark.slow
def test_casualty_notebook_follows_its_parameters(report_project, tmp_path):
    """Run by papermill with a period and kinds: the chart and table keep to them, undated articles are listed."""
    out = tmp_path / "02.ipynb"
    papermill.execute_notebook(
        str(REPO / "notebooks" / "02_casualties.ipynb"), str(out), kernel_name="python3", progress_bar=False,
        parameters={"corpus": str(report_project / "seeds"), "start": "2015-06-01", "end": "2016-12-31",
                    "kinds": ["killed"], "figures_dir": str(tmp_path / "figures")},
        resources={"metadata": {"path": str(tmp_path)}})
    toll = pd.read_csv(tmp_path / "figures" / "war_toll.csv")
    plotted = toll[toll["shown_as"] == "plotted"]
    assert not plotted.empty
    assert (pd.to_datetime(plotted["published"]) >= "2015-06-01").all()
    assert "004_a01c19d0737ad53c" not in set(toll["article_id"])  # January 2015: outside the period
    for suffix in ("png", "svg", "csv"):
        assert (tmp_path / "figures" / f"war_toll.{suffix}").is_file()
    nb = nbformat.read(out, as_version=4)
    [table_cell] = [c for c in nb.cells if "casualty_table" in c.source]
    html = table_cell.outputs[0].data["text/html"]
    assert ">killed<" in html and ">displaced<" not in html  # kinds = killed only


@pytest.mark.slow
def test_stance_notebook_run_by_hand_shows_its_figure_and_saves_nothing(report_project, tmp_path):
    """As in JupyterLab: run from notebooks/ with the default corpus (../seeds) and figures_dir=None, for one actor."""
    folder = report_project / "notebooks"
    before = sorted(p.name for p in report_project.rglob("*") if "reports" not in p.parts)
    nb = papermill.execute_notebook(
        str(folder / "03_stances.ipynb"), str(tmp_path / "03.ipynb"), kernel_name="python3", progress_bar=False,
        parameters={"actors": ["russia"]}, resources={"metadata": {"path": str(folder)}})
    assert sorted(p.name for p in report_project.rglob("*") if "reports" not in p.parts) == before
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert any("image/png" in o.get("data", {}) for o in outputs)
    [table_cell] = [c for c in nb.cells if c.cell_type == "code" and '"coded_by", "quote", "note"' in c.source]
    html = table_cell.outputs[0].data["text/html"]
    assert ">russia<" in html and ">syrian_opposition<" not in html


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOK_PATHS, ids=lambda p: p.stem)
def test_every_notebook_runs_on_an_empty_period_and_says_so(report_project, tmp_path, path):
    """`-p start 2030-01-01`: no article is that recent. Each chapter runs to the end and says why it is empty."""
    nb = _run(path.name, report_project / "notebooks", tmp_path / path.name, start="2030-01-01",
              figures_dir=str(tmp_path / "figures"))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert "No article falls in this period</strong> (from 2030-01-01)" in _shown(nb) or \
        "**No article falls in this period** (from 2030-01-01)" in _shown(nb)
    for png in (tmp_path / "figures").glob("*.png"):  # an empty chart says so rather than drawing made-up dates
        if png.stem != "accuracy":  # the labelled sets are measured whole, whatever the period
            assert pd.read_csv(png.with_suffix(".csv")).empty


@pytest.mark.slow
def test_a_misspelt_actor_stops_the_notebook_with_the_name_meant(report_project, tmp_path):
    with pytest.raises(papermill.PapermillExecutionError) as failed:
        _run("03_stances.ipynb", report_project / "notebooks", tmp_path / "03.ipynb", actors=["rusia"])
    assert "unknown value 'rusia' (did you mean 'russia'?)" in str(failed.value)
    assert failed.value.cell_index <= 3  # the cell after the parameters, before any table is read


@pytest.mark.slow
def test_summarise_forces_the_summary_or_every_point(report_project, tmp_path):
    folder = report_project / "notebooks"
    _run("03_stances.ipynb", folder, tmp_path / "03.ipynb", summarise="summary", figures_dir=str(tmp_path / "summary"))
    quarters = pd.read_csv(tmp_path / "summary" / "stance_timeline.csv")
    assert "quarter" in quarters and len(quarters) < 41  # the seeds' 41 markers, counted per quarter
    _run("02_casualties.ipynb", folder, tmp_path / "02.ipynb", summarise="points", figures_dir=str(tmp_path / "points"))
    toll = pd.read_csv(tmp_path / "points" / "war_toll.csv")
    assert "month" not in toll and "median" not in toll  # one row per report, not the monthly summary
    assert (toll["shown_as"] == "plotted").sum() == 4  # the seeds' three dated reports and the extra article's


@pytest.mark.slow
def test_the_summary_notebook_shows_the_findings_the_index_leads_with(built_report: BuiltReport):
    import json

    from peacetalks.report import summary

    executed = nbformat.read(built_report.out / "notebooks" / "00_summary.ipynb", as_version=4)
    findings = summary.findings_of(executed)
    assert findings and findings[0].startswith("The reported toll rose from")
    index = (built_report.out / "index.html").read_text()
    import html
    for finding in findings:
        assert f"<li>{html.escape(finding, quote=False)}</li>" in index.replace("&#34;", '"').replace("&#39;", "'")
    assert 'href="00_summary.html"' in index
    json.dumps(findings)  # handed over as plain text


@pytest.mark.slow
def test_a_finding_changed_in_the_notebook_is_the_one_the_index_shows(report_project, tmp_path):
    """An analyst adds a finding in JupyterLab: the next build's overview shows it, escaped."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    nb = nbformat.read(REPO / "notebooks" / "00_summary.ipynb", as_version=4)
    [cell] = [c for c in nb.cells if c.source.startswith("findings = summary.Findings(")]
    cell.source = cell.source.replace("\nfindings", '\nfindings.append("Analysts <b>read</b> every quote.")\nfindings')
    nbformat.write(nb, notebooks / "00_summary.ipynb")
    nbformat.write(nbformat.read(REPO / "notebooks" / "04_accuracy.ipynb", as_version=4), notebooks / "04_accuracy.ipynb")
    out = tmp_path / "out"
    result = run_report("--notebooks", str(notebooks), "--out", str(out), "-p", "labelled", "[]", cwd=report_project)
    assert result.returncode == 0, result.stderr
    index = (out / "index.html").read_text()
    assert "<li>Analysts &lt;b&gt;read&lt;/b&gt; every quote.</li>" in index
    assert "not been tuned on" in index  # the recorded held-out figures are quoted whatever set this build measures
    accuracy_page = (out / "04_accuracy.html").read_text()
    assert "No labelled set given" in accuracy_page
