"""The notebooks: committed clean and thin, parameterised, and run to the end by papermill."""
from __future__ import annotations

import base64
import io

import nbformat
import pandas as pd
import papermill
import pytest
from PIL import Image

from conftest import REPO, BuiltReport

NOTEBOOK_PATHS = sorted((REPO / "notebooks").glob("*.ipynb"))


def test_there_is_a_notebook_per_question():
    assert [p.stem for p in NOTEBOOK_PATHS][:3] == ["01_corpus", "02_casualties", "03_stances"]


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
        assert images, f"{path.name} shows no figure"
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
