"""One date parser for every date an analyst gives: catalog.csv and events.csv, the report's parameters
(a notebook's cell, `-p`, a parameters file) and the articles table the review dates its quotes by.

Each path refuses a date that is no date with the same words, quoting the value, and says where it
stands: the file and line, or the parameter."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

import peacetalks
from peacetalks import tables
from peacetalks.report import notebooks
from peacetalks.sources.catalog import load_catalog, load_events
from peacetalks.sources.isodates import iso_date
from peacetalks.sources.problems import InputError
from peacetalks.tables.review import apply_review

BAD = ["15/03/2016", "2016-02-30", "March 2016", "2016-3-1"]
REVIEW_HEADER = "article_id,action,actor,issue,polarity,quote,note\n"
BODY = "Ankara said it would host the next round of talks. The mayor opened a bridge."


def refusal(value: str) -> str:
    return re.escape(f"'{value}' is not a date in the form YYYY-MM-DD")


def test_what_is_read_as_a_date_and_what_is_nothing():
    assert iso_date("2016-03-15") == iso_date(" 2016-03-15 ") == dt.date(2016, 3, 15)
    assert iso_date(dt.date(2016, 3, 15)) == dt.date(2016, 3, 15)
    assert iso_date(dt.datetime(2016, 3, 15, 23, 59)) == iso_date(pd.Timestamp("2016-03-15 08:00")) == dt.date(2016, 3, 15)
    assert [iso_date(v) for v in (None, "", "  ", float("nan"), pd.NaT)] == [None] * 5
    for value in [*BAD, 20160315, True]:
        with pytest.raises(ValueError, match=re.escape(f"{value!r} is not a date in the form YYYY-MM-DD")):
            iso_date(value)


@pytest.mark.parametrize("value", BAD)
def test_a_catalog_and_an_events_file_refuse_it_naming_file_and_line(tmp_path: Path, value: str):
    catalog = tmp_path / "catalog.csv"
    catalog.write_text(f"id,published,evidence\n001,2016-01-01,a note\n002,{value},a note\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{catalog}, line 3: published: ") + refusal(value)):
        load_catalog(catalog)
    events = tmp_path / "events.csv"
    events.write_text(f"event,start,end,place,keywords\nthe bridge,2016-01-01,{value},Ankara,bridge\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{events}, line 2: end: ") + refusal(value)):
        load_events(events)


@pytest.mark.parametrize("value", BAD)
def test_the_parameters_refuse_it_in_a_notebook_on_the_command_line_and_in_a_file(tmp_path: Path, value: str):
    with pytest.raises(InputError, match="parameter start: " + refusal(value)):
        peacetalks.check_parameters(start=value)
    with pytest.raises(InputError, match="parameter end: " + refusal(value)):
        notebooks.validate_parameters({"end": notebooks.parse_cli_value(value)}, notebooks.find_notebooks(
            Path(__file__).resolve().parents[1] / "notebooks"))
    params = tmp_path / "params.yaml"
    params.write_text(f"actors: [turkey]\n\nend: {value}\n", encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(f"{params}, line 3: parameter end: ") + refusal(value)):
        notebooks.read_parameters_file(params)


def test_a_parameters_file_keeps_good_dates_and_none():
    assert peacetalks.check_parameters(start=notebooks.parse_cli_value("2016-03-15"), end="none").given() == {
        "start": "2016-03-15", "end": None}


def _review(tmp_path: Path) -> Path:
    path = tmp_path / "review.csv"
    path.write_text(REVIEW_HEADER + "t1,add,turkey,negotiations,1,Ankara said it would host the next round of talks.,\n",
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("value", BAD)
def test_the_review_refuses_an_article_date_that_is_no_date_naming_file_line_and_article(tmp_path: Path, value: str):
    articles = pd.DataFrame([{"id": "t1", "body": BODY, "published": value}])
    path = _review(tmp_path)
    no_rows = tables.frame([], tables.STANCE_COLUMNS)
    with pytest.raises(InputError, match=re.escape(f"{path}, line 2: article t1: published: ") + refusal(value)):
        apply_review(no_rows, articles, path)


@pytest.mark.parametrize("published, as_of", [("2016-03-15", "2016-03-15"), (pd.Timestamp("2016-03-15"), "2016-03-15"),
                                              (None, None), (pd.NaT, None)])
def test_the_review_dates_a_quote_by_its_article_written_any_way_a_table_holds_it(tmp_path: Path, published, as_of):
    articles = pd.DataFrame([{"id": "t1", "body": BODY, "published": published}])
    row = apply_review(tables.frame([], tables.STANCE_COLUMNS), articles, _review(tmp_path)).iloc[0]
    assert (row.actor, row.as_of) == ("turkey", as_of)
