"""The one schema of the tables: every table written is checked against it, and a bad value is named."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa
import pytest

from peacetalks import tables
from peacetalks.tables.corpus import load_corpus
from peacetalks.schema import TableSchemaError, validate

ARTICLE = """\
Talks on Syria resume in Geneva

March 15, 2016

The war in Syria has killed more than 270,000 people since it began, monitors said.

Russian Foreign Minister Sergei Lavrov said Moscow supports the peace talks in Geneva.
"""


def _casualty(**changes) -> pd.DataFrame:
    row = {"article_id": "a", "value": 270000, "value_high": None, "qualifier": "at_least",
           "kind": "killed", "subject": "syria_war", "sentence": "More than 270,000 have died in the war so far."}
    row.update(changes)
    return tables.frame([row], tables.CASUALTY_COLUMNS)


def test_a_corpus_read_from_files_fits_the_schema(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert len(corpus.casualties) >= 1 and len(corpus.stances) >= 1
    corpus.validate()  # load_corpus already did; a second look must not object either


@pytest.mark.parametrize("changes, named", [
    ({"kind": "murdered"}, "column kind, row 1: holds 'murdered'"),
    ({"subject": "syria"}, "column subject"),
    ({"qualifier": None}, "column qualifier, row 1: is empty"),
    ({"value": 2.5}, "column value, row 1: holds 2.5, not a whole number"),
])
def test_a_value_outside_the_vocabulary_is_an_error_naming_table_column_and_value(changes, named):
    with pytest.raises(TableSchemaError, match="table casualties") as error:
        validate("casualties", _casualty(**changes))
    assert named in str(error.value)


def test_stances_polarity_and_issue_follow_analysis_md():
    row = {"article_id": "a", "actor": "russia", "issue": "negotiations", "polarity": 1, "quote": "q"}
    validate("stances", tables.frame([row], tables.STANCE_COLUMNS))
    with pytest.raises(TableSchemaError, match="polarity, row 1: holds 2"):
        validate("stances", tables.frame([{**row, "polarity": 2}], tables.STANCE_COLUMNS))
    with pytest.raises(TableSchemaError, match="issue, row 1: holds 'peace'"):
        validate("stances", tables.frame([{**row, "issue": "peace"}], tables.STANCE_COLUMNS))


def test_dates_are_iso_and_the_columns_are_the_schemas():
    article = {"id": "a", "date_basis": "text", "published": "15/03/2016"}
    with pytest.raises(TableSchemaError, match="published, row 1: holds '15/03/2016'"):
        validate("articles", tables.frame([article], tables.ARTICLE_COLUMNS))
    with pytest.raises(TableSchemaError, match="missing \\['kind'"):
        validate("casualties", _casualty().drop(columns=["kind"]))


def test_the_writers_take_their_types_from_the_schema():
    schema = tables.arrow_schema("casualties")
    assert schema.names == tables.CASUALTY_COLUMNS
    assert schema.field("value").type == pa.int64() and schema.field("sentence").type == pa.string()
    arrow = pa.Table.from_pandas(_casualty(kind="burned"), schema=schema, preserve_index=False)
    with pytest.raises(TableSchemaError, match="kind, row 1: holds 'burned'"):
        validate("casualties", arrow)
