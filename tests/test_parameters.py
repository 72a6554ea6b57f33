"""The report's parameters are checked in one place, the same way by `peacetalks report` and by each notebook."""
from __future__ import annotations

import ast
import datetime as dt

import nbformat
import pytest

import peacetalks
from conftest import REPO
from peacetalks.report import notebooks, parameters
from peacetalks.sources.problems import InputError

NOTEBOOKS = notebooks.find_notebooks(REPO / "notebooks")


def test_a_misspelt_actor_or_issue_is_refused_with_the_name_meant():
    with pytest.raises(InputError, match=r"parameter actors: unknown value 'rusia' \(did you mean 'russia'\?\)"):
        peacetalks.check_parameters(actors=["rusia"])
    with pytest.raises(InputError, match=r"parameter issues: unknown value 'cease_fire' \(did you mean 'ceasefire'\?\)"):
        peacetalks.check_parameters(issues=["negotiations", "cease_fire"])
    with pytest.raises(InputError, match=r"unknown value 'martians'; choose from russia, "):
        peacetalks.check_parameters(actors="martians")


def test_values_are_normalised_as_the_notebooks_use_them():
    params = peacetalks.check_parameters(start="2015-01-01", end=dt.date(2016, 12, 31), actors="russia, iran",
                                         kinds=["killed"], summarise="Summary", evidence_article=None)
    assert params.start == dt.date(2015, 1, 1) and params.end == dt.date(2016, 12, 31)
    assert params.actors == ["russia", "iran"] and params.kinds == ["killed"] and params.issues is None
    assert params.summarise == "summary"
    assert params.given() == {"start": "2015-01-01", "end": "2016-12-31", "actors": ["russia", "iran"],
                              "kinds": ["killed"], "summarise": "summary", "evidence_article": None}
    assert peacetalks.check_parameters(start="none", actors=None, summarise=None).given() == {
        "start": None, "actors": None, "summarise": "auto"}


@pytest.mark.parametrize("given, message", [
    ({"start": "2015-13-01"}, r"parameter start: '2015-13-01' is not a date in the form YYYY-MM-DD"),
    ({"end": "15/03/2016"}, r"parameter end: '15/03/2016' is not a date in the form YYYY-MM-DD"),
    ({"start": "2016-01-01", "end": "2015-01-01"}, r"start \(2016-01-01\) and end \(2015-01-01\): start is after end"),
    ({"summarise": "sumary"}, r"parameter summarise: expected one of 'auto', 'points', 'summary', got 'sumary' "
                              r"\(did you mean 'summary'\?\)"),
    ({"kinds": "killed,maimed"}, r"parameter kinds: unknown value 'maimed'"),
    ({"labelled": 3}, r"parameter labelled: expected a list of paths"),
    ({"actor": ["russia"]}, r"unknown parameter 'actor' \(did you mean actors\?\)"),
])
def test_bad_values_are_refused_naming_the_parameter(given, message):
    with pytest.raises(InputError, match=message):
        peacetalks.check_parameters(**given)


@pytest.mark.parametrize("given", [{"actors": ["rusia"]}, {"start": "2015-02-30"}, {"summarise": "all"},
                                   {"start": "2016-01-01", "end": "2015-01-01"}])
def test_the_build_and_the_notebook_give_the_same_message(given):
    with pytest.raises(InputError) as in_notebook:
        peacetalks.check_parameters(**given)
    with pytest.raises(InputError) as in_build:
        notebooks.validate_parameters(given, NOTEBOOKS)
    assert str(in_build.value) == str(in_notebook.value)


def _parameters_and_check(path) -> tuple[set[str], set[str]]:
    """The names a notebook's parameters cell assigns, and the keywords its check_parameters call passes."""
    nb = nbformat.read(path, as_version=4)
    [index] = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    declared = set(notebooks.parse_parameters_cell(nb.cells[index].source, path.name))
    following = next(c for c in nb.cells[index + 1:] if c.cell_type == "code")
    calls = [node for node in ast.walk(ast.parse(following.source))
             if isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "check_parameters"]
    assert len(calls) == 1, f"{path.name}: the cell after the parameters cell does not call check_parameters once"
    passed = {k.arg for k in calls[0].keywords}
    assert all(isinstance(k.value, ast.Name) and k.value.id == k.arg for k in calls[0].keywords), path.name
    return declared, passed


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda n: n.name)
def test_every_notebook_checks_every_parameter_it_takes_with_the_one_model(notebook):
    declared, passed = _parameters_and_check(notebook.path)
    assert declared == passed
    assert declared <= set(parameters.Parameters.model_fields)  # the build checks each with the same model
    checked = parameters.validate({name: p.default for name, p in notebook.parameters.items()})
    assert set(checked.model_fields_set) == declared  # and every default passes


def test_the_summarise_switch_chooses_the_view():
    from peacetalks.report import charts

    assert charts.summarised(charts.MAX_POINTS, "auto") is False
    assert charts.summarised(charts.MAX_POINTS + 1, "auto") is True
    assert charts.summarised(5, "summary") is True and charts.summarised(500, "points") is False
    assert charts.summarised(0, "summary") is False  # nothing to summarise
    with pytest.raises(ValueError, match="summarise"):
        charts.summarised(5, "sometimes")
