"""Shifts: the moves of each actor on each issue over time, with the quotes on both sides."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peacetalks import load_corpus, tables
from peacetalks.tables.review import apply_review
from peacetalks.tables.shifts import SHIFT_COLUMNS, change_kind, sequence, shifts
from peacetalks.extract.stances import EARLIER_BASIS, extract_stances

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def seed_shifts():
    corpus = load_corpus(SEEDS_DIR)
    machine = tables.frame([row for a in corpus.articles.itertuples()
                            for row in extract_stances(a.id, a.body, dt.date.fromisoformat(a.published))],
                           tables.STANCE_COLUMNS)
    return shifts(apply_review(machine, corpus.articles, SEEDS_DIR / "review.csv"))


def find(table, actor, issue, change):
    rows = table[(table.actor == actor) & (table.issue == issue) & (table.change == change)]
    assert not rows.empty, f"no {change} for {actor}/{issue}:\n{table[['actor', 'issue', 'change']]}"
    return rows.iloc[0]


def test_moscow_softens_on_engaging_the_opposition(seed_shifts):
    row = find(seed_shifts, "russia", "engage_opposition", "softens")
    assert "initially dismissing" in row.from_quote and "increasing flexibility" in row.to_quote
    assert row.within_article


def test_the_opposition_goes_from_boycott_to_a_delegation_in_august(seed_shifts):
    row = find(seed_shifts, "syrian_opposition", "negotiations", "reverses")
    assert (row.from_polarity, row.to_polarity) == (-1, 1)
    assert row.from_as_of.startswith("2015-01") and row.to_as_of == "2015-08-01"
    assert "sent a delegation" in row.to_quote


def test_washington_softens_on_assads_ouster(seed_shifts):
    row = find(seed_shifts, "united_states", "assad_role", "softens")
    assert (row.from_polarity, row.to_polarity) == (-1, 0)
    assert "softened its demands" in row.from_quote and "can’t be part" in row.to_quote


def test_shift_table_has_its_columns(seed_shifts):
    assert list(seed_shifts.columns) == SHIFT_COLUMNS


@pytest.mark.parametrize("before, after, kind", [(1, -1, "reverses"), (-1, 1, "reverses"), (-1, 0, "softens"),
                                                 (1, 0, "softens"), (0, 1, "firms"), (1, 1, None)])
def test_change_kinds(before, after, kind):
    assert change_kind(before, after) == kind


def stance(article, polarity, as_of, basis="published", quote="q"):
    return {"article_id": article, "actor": "russia", "issue": "negotiations", "polarity": polarity,
            "quote": f"{quote} {article} {polarity}", "speaker": None, "as_of": as_of, "as_of_basis": basis,
            "coded_by": "machine", "note": None}


def test_sequence_orders_by_as_of_and_drops_undated():
    table = tables.frame([stance("b", 1, "2016-01-01"), stance("a", -1, "2015-01-01"), stance("c", 0, None)],
                         tables.STANCE_COLUMNS)
    steps = sequence(table)
    assert list(steps.article_id) == ["a", "b"]
    result = shifts(table)
    assert list(result.change) == ["reverses"] and list(result.to_article) == ["b"]


def test_an_undated_earlier_stance_is_compared_only_within_its_article():
    earlier = f'{EARLIER_BASIS}: "initially"'
    table = tables.frame([
        stance("a", 1, "2015-01-01"),
        stance("b", -1, "2015-06-01", basis=earlier),   # before 2015-06-01, but when? not after a's +1
        stance("b", 1, "2015-06-01"),
    ], tables.STANCE_COLUMNS)
    result = shifts(table)
    assert [(r.from_article, r.to_article, r.change) for r in result.itertuples()] == [("b", "b", "reverses")]


def test_repeated_positions_are_no_shift():
    table = tables.frame([stance("a", 1, "2015-01-01"), stance("b", 1, "2015-02-01"), stance("c", 1, "2015-03-01")],
                         tables.STANCE_COLUMNS)
    assert shifts(table).empty
