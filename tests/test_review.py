"""Analyst review: the seeds' reviewed stance table, the review actions, bad review files, and agreement."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from peacetalks import load_corpus, tables
from peacetalks.sources.problems import InputError, Problem
from peacetalks.tables.review import agreement, apply_review, load_review
from peacetalks.extract.stances import extract_stances

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
HEADER = "article_id,action,actor,issue,polarity,quote,note\n"

# The seeds' reviewed stance table, row by row: article, actor, issue, polarity, as_of, coded_by, start of quote
# (its first 50 characters, or fewer).
REVIEWED = [
    ("000", "russia", "negotiations", 1, "2014-12-16", "machine, confirmed", 'Russia is optimistic at the prospect of renewed ta'),
    ("000", "russia", "negotiations", 1, "2014-12-16", "machine, confirmed", 'Moscow, an ally of the Syrian government, has push'),
    ("000", "russia", "negotiations", 1, "2014-12-16", "machine, confirmed", '"So far from what we hear from the majority of our'),
    ("000", "united_nations", "ceasefire", 1, "2014-12-16", "machine, confirmed", 'the UN mediator for Syria, Staffan de Mistura, has'),
    ("000", "russia", "assad_role", 1, "2014-12-16", "machine, confirmed", 'Russia has long backed Assad, including with arms '),
    ("001", "russia", "negotiations", 1, "2016-04-05", "machine, confirmed", 'Foreign Minister Sergei Lavrov held talks with UN '),
    ("001", "united_nations", "negotiations", 1, "2016-04-05", "machine, confirmed", 'Foreign Minister Sergei Lavrov held talks with UN '),
    ("001", "united_nations", "negotiations", 1, "2016-04-05", "machine, confirmed", 'De Mistura requested the meeting to discuss prepar'),
    ("001", "united_nations", "negotiations", 1, "2016-04-05", "machine, confirmed", 'The UN-sponsored talks in Switzerland mark the mos'),
    ("001", "united_states", "ceasefire", 1, "2016-02-01", "machine, confirmed", 'The U.S. and Russia in February brokered a partial'),
    ("001", "russia", "ceasefire", 1, "2016-02-01", "machine, confirmed", 'The U.S. and Russia in February brokered a partial'),
    ("001", "russia", "negotiations", 1, "2016-03-24", "machine, confirmed", 'Russian Deputy Foreign Minister Sergei Ryabkov sai'),
    ("001", "syrian_government", "transition", -1, "2016-04-05", "machine, confirmed", 'He said that he didn’t support a transitional body'),
    ("001", "syrian_government", "transition", -1, "2016-04-05", "machine, confirmed", 'Instead, Assad urged the formation of a national u'),
    ("001", "united_states", "assad_role", -1, "2016-04-05", "machine, confirmed", 'While the U.S. has softened its demands for the im'),
    ("001", "united_states", "assad_role", 0, "2016-04-05", "machine, confirmed", 'While the U.S. has softened its demands for the im'),
    ("001", "syrian_opposition", "assad_role", -1, "2016-04-05", "machine, confirmed", 'The opposition continues to demand that the Syrian'),
    ("001", "russia", "transition", 1, "2015-11-01", "machine, confirmed", 'Russia, the U.S. and other key world and regional '),
    ("001", "united_states", "transition", 1, "2015-11-01", "machine, confirmed", 'Russia, the U.S. and other key world and regional '),
    ("002", "russia", "negotiations", 1, "2015-11-03", "machine, confirmed", 'As Russia pushes to broker a political solution to'),
    ("002", "syrian_government", "negotiations", 1, "2015-11-03", "machine, confirmed", 'Syrian government and members of the country’s fra'),
    ("002", "russia", "negotiations", 1, "2015-11-03", "machine, confirmed", 'Interfax news agency quoted Russian Deputy Foreign'),
    ("002", "russia", "engage_opposition", 1, "2015-11-03", "machine, confirmed", 'Interfax news agency quoted Russian Deputy Foreign'),
    ("002", "russia", "engage_opposition", -1, "2015-11-03", "machine, confirmed", 'After initially dismissing Syrian opposition group'),
    ("002", "russia", "engage_opposition", 0, "2015-11-03", "machine, confirmed", 'Moscow has shown increasing flexibility as it step'),
    ("002", "russia", "negotiations", 1, "2015-11-03", "machine, confirmed", 'Russian Foreign Minister Sergei Lavrov will meet U'),
    ("002", "united_nations", "negotiations", 1, "2015-11-03", "machine, confirmed", 'Russian Foreign Minister Sergei Lavrov will meet U'),
    ("002", "russia", "engage_opposition", 1, "2015-11-03", "machine, confirmed", 'Moscow said it wanted opposition groups to partici'),
    ("002", "syrian_opposition", "negotiations", -1, "2015-01-01", "machine, confirmed", 'The coalition boycotted Syria peace talks held in '),
    ("002", "syrian_opposition", "negotiations", 1, "2015-08-01", "machine, confirmed", 'but it sent a delegation to Moscow in August.'),
    ("003", "russia", "engage_opposition", 1, "2017-02-12", "machine, confirmed", 'The Russian foreign minister said Moscow was prepa'),
    ("003", "russia", "engage_opposition", 1, "2017-02-12", "machine, confirmed", '"We are working on the issue of preparation of yet'),
    ("003", "united_nations", "negotiations", 1, "2017-02-12", "machine, confirmed", 'Moscow does not make any attempts to replace the U'),
    ("003", "russia", "negotiations", 1, "2017-02-12", "machine, confirmed", 'Russia sent invitation to the United States to tak'),
    ("003", "russia", "negotiations", 1, "2017-02-12", "machine, confirmed", 'We invited it to send its representatives to parti'),
    ("003", "russia", "ceasefire", 1, "2017-02-12", "machine, confirmed", 'Moscow, Tehran and Ankara have mostly agreed on th'),
    ("003", "iran", "ceasefire", 1, "2017-02-12", "machine, confirmed", 'Moscow, Tehran and Ankara have mostly agreed on th'),
    ("003", "turkey", "ceasefire", 1, "2017-02-12", "machine, confirmed", 'Moscow, Tehran and Ankara have mostly agreed on th'),
    ("003", "russia", "ceasefire", 1, "2017-02-12", "machine, confirmed", 'Russia, Iran and Turkey agreed to establish a tril'),
    ("003", "iran", "ceasefire", 1, "2017-02-12", "machine, confirmed", 'Russia, Iran and Turkey agreed to establish a tril'),
    ("003", "turkey", "ceasefire", 1, "2017-02-12", "machine, confirmed", 'Russia, Iran and Turkey agreed to establish a tril'),
    ("004", "russia", "negotiations", 1, "2015-01-21", "machine, confirmed", "Moscow, one of Assad's top allies, says it still h"),
    ("004", "russia", "engage_opposition", 1, "2015-01-21", "machine, confirmed", "Moscow, one of Assad's top allies, says it still h"),
    ("004", "syrian_opposition", "negotiations", -1, "2015-01-21", "machine, confirmed", 'In rejecting the invitation to Moscow'),
    ("004", "syrian_opposition", "assad_role", -1, "2015-01-07", "machine, confirmed", 'the Western-backed opposition Syrian National Coal'),
    ("004", "russia", "assad_role", 1, "2015-01-21", "machine, confirmed", 'Moscow says the emphasis should be on fighting Isl'),
    ("000", "russia", "ceasefire", 1, "2014-12-16", "analyst", '"We would be supportive of his efforts," Lavrov sa'),
    ("000", "syrian_government", "ceasefire", 0, "2014-11-01", "analyst", 'Syrian President Bashar Assad said in November tha'),
    # the machine now reads these meetings itself (issue 15: a meeting of the parties about the talks): the
    # analyst's added row is the machine's, confirmed, and the review confirms the new ones
    ("001", "united_states", "negotiations", 1, "2016-03-24", "machine, confirmed", 'Russian Deputy Foreign Minister Sergei Ryabkov sai'),
    ("001", "russia", "negotiations", 1, "2016-04-05", "machine, confirmed", 'Russia’s top diplomat met the United Nations offic'),
    ("001", "united_nations", "negotiations", 1, "2016-04-05", "machine, confirmed", 'Russia’s top diplomat met the United Nations offic'),
    ("001", "united_nations", "negotiations", 1, "2016-04-05", "machine, confirmed", 'At the meeting with Lavrov'),
    ("001", "russia", "negotiations", 1, "2016-04-05", "machine, confirmed", 'At the meeting with Lavrov'),
    ("001", "united_nations", "negotiations", 1, "2016-04-05", "analyst", 'de Mistura lauded efforts by Russia and the U.S. t'),
    ("001", "russia", "negotiations", 1, "2016-04-05", "analyst", 'de Mistura lauded efforts by Russia and the U.S. t'),
    ("001", "united_states", "negotiations", 1, "2016-04-05", "analyst", 'de Mistura lauded efforts by Russia and the U.S. t'),
    ("001", "syrian_opposition", "transition", 1, "2016-04-05", "analyst", 'The opposition continues to demand that the Syrian'),
    ("002", "syrian_opposition", "negotiations", 1, "2015-11-03", "analyst", 'Syrian government and members of the country’s fra'),
    ("002", "syrian_opposition", "assad_role", -1, "2015-10-27", "analyst", 'Khoja said last week a Russian campaign of air str'),
    ("003", "russia", "negotiations", 1, "2017-02-12", "analyst", 'we are preparing for the talks under the UN auspic'),
    # the machine now reads taking part as an observer itself (round 5 of the codebook): the analyst's added row is
    # the machine's, confirmed
    ("003", "united_states", "negotiations", 1, "2017-02-12", "machine, confirmed", '"You are right, the US was represented at the firs'),
    ("004", "syrian_opposition", "negotiations", -1, "2015-01-21", "analyst", 'The refusal of prominent opposition figures to att'),
    ("004", "russia", "negotiations", 1, "2015-01-21", "analyst", '"Those who decide not to'),
]


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


@pytest.fixture(scope="module")
def machine(seeds):
    """The machine's own table for the seeds (whatever load_corpus does with the review)."""
    return tables.frame([row for a in seeds.articles.itertuples()
                         for row in extract_stances(a.id, a.body, dt.date.fromisoformat(a.published))],
                        tables.STANCE_COLUMNS)


@pytest.fixture(scope="module")
def reviewed(seeds, machine):
    problems: list[Problem] = []
    table = apply_review(machine, seeds.articles, SEEDS_DIR / "review.csv", problems=problems)
    assert problems == [], "the seeds' review matches the machine's rows"
    return table


def test_the_seeds_reviewed_table_row_by_row(reviewed):
    left = [(r.article_id[:3], r.actor, r.issue, int(r.polarity), r.as_of, r.coded_by, r.quote)
            for r in reviewed.itertuples()]
    missing = []
    for *row, opening in REVIEWED:  # each expected row takes one reviewed row whose quote starts so
        match = next((i for i, got in enumerate(left) if list(got[:-1]) == row and got[-1].startswith(opening)), None)
        if match is None:
            missing.append((*row, opening))
        else:
            left.pop(match)
    assert missing == [] and [(*got[:-1], got[-1][:50]) for got in left] == []


def test_every_reviewed_row_quotes_its_article_and_says_who_coded_it(seeds, reviewed):
    assert list(reviewed.columns) == tables.STANCE_COLUMNS
    bodies = seeds.articles.set_index("id")["body"]
    for row in reviewed.itertuples():
        assert row.quote in bodies[row.article_id]
        assert row.coded_by in ("machine", "machine, confirmed", "analyst")
    assert (reviewed["coded_by"] == "analyst").sum() >= 10
    assert reviewed.loc[reviewed["coded_by"] == "analyst", "note"].notna().all()


def test_the_reviewed_table_holds_the_shifts_the_issue_names(reviewed):
    def has(actor, issue, polarity, words, as_of=None):
        rows = reviewed[(reviewed.actor == actor) & (reviewed.issue == issue) & (reviewed.polarity == polarity)
                        & reviewed.quote.str.contains(words, regex=False)]
        return not rows.empty and (as_of is None or as_of in set(rows.as_of))
    assert has("russia", "engage_opposition", -1, "initially dismissing")
    assert has("russia", "engage_opposition", 0, "increasing flexibility")
    assert has("syrian_opposition", "negotiations", -1, "boycotted", "2015-01-01")
    assert has("syrian_opposition", "negotiations", 1, "sent a delegation", "2015-08-01")
    assert has("united_states", "assad_role", -1, "softened its demands")
    assert has("united_states", "assad_role", 0, "softened its demands")
    assert has("syrian_government", "transition", -1, "support a transitional body")
    assert has("syrian_government", "transition", -1, "national unity government")


def test_machine_precision_and_recall_against_the_seeds_review(machine, reviewed):
    result = agreement(machine, reviewed)
    assert result.machine == len(set(map(tuple, machine[["article_id", "actor", "issue", "polarity"]].values)))
    assert 0.9 <= result.precision <= 1.0
    assert 0.6 <= result.recall < 1.0, "the analyst added stances the machine missed"
    missed = result.disagreements[result.disagreements.side == "review only"]
    assert ("002_4080d963fd1f8c6e", "syrian_opposition", "assad_role", -1) in set(
        map(tuple, missed[["article_id", "actor", "issue", "polarity"]].values))


# --- the actions on a small table -----------------------------------------------------------

BODY = ("The U.S. and Russia brokered a truce. Iran rejected the talks. Turkey hosted the talks. "
        "Saudi Arabia said nothing.")
ARTICLES = pd.DataFrame([{"id": "a1", "body": BODY, "published": "2016-04-05"}])


def machine_row(actor, issue, polarity, quote):
    return {"article_id": "a1", "actor": actor, "issue": issue, "polarity": polarity, "quote": quote,
            "speaker": None, "as_of": "2016-04-05", "as_of_basis": "published", "coded_by": "machine", "note": None}


MACHINE = tables.frame([
    machine_row("united_states", "ceasefire", 1, "The U.S. and Russia brokered a truce."),
    machine_row("russia", "ceasefire", 1, "The U.S. and Russia brokered a truce."),
    machine_row("iran", "negotiations", 1, "Iran rejected the talks."),
    machine_row("turkey", "negotiations", -1, "Turkey hosted the talks."),
], tables.STANCE_COLUMNS)


def write_review(tmp_path, lines: str) -> Path:
    path = tmp_path / "review.csv"
    path.write_text(HEADER + lines, encoding="utf-8")
    return path


def test_confirm_reject_correct_and_add(tmp_path):
    path = write_review(tmp_path, (
        "a1,confirm,united_states,ceasefire,1,The U.S. and Russia brokered a truce.,right\n"
        "a1,reject,iran,negotiations,,Iran rejected the talks.,wrong polarity and better added\n"
        "a1,add,iran,negotiations,-1,Iran rejected the talks,the machine missed the negation\n"
        "a1,correct,turkey,negotiations,1,Turkey hosted the talks,hosting is support\n"
    ))
    result = apply_review(MACHINE, ARTICLES, path)
    got = {(r.actor, r.issue, r.polarity, r.coded_by, None if pd.isna(r.note) else r.note) for r in result.itertuples()}
    assert got == {
        ("united_states", "ceasefire", 1, "machine, confirmed", "right"),
        ("russia", "ceasefire", 1, "machine", None),
        ("iran", "negotiations", -1, "analyst", "the machine missed the negation"),
        ("turkey", "negotiations", 1, "analyst", "hosting is support"),
    }
    added = result[result.actor == "iran"].iloc[0]
    assert (added.as_of, added.as_of_basis) == ("2016-04-05", "published")


def test_applying_a_review_twice_changes_nothing(seeds, reviewed):
    again = apply_review(reviewed, seeds.articles, SEEDS_DIR / "review.csv")
    pd.testing.assert_frame_equal(again, reviewed)


def test_an_added_row_is_dated_by_its_quote(tmp_path):
    articles = pd.DataFrame([{"id": "a1", "body": "Damascus backed the truce in February. Nothing else.",
                              "published": "2016-04-05"}])
    path = write_review(tmp_path, "a1,add,syrian_government,ceasefire,1,Damascus backed the truce in February.,\n")
    row = apply_review(MACHINE.iloc[0:0], articles, path).iloc[0]
    assert (row.as_of, row.as_of_basis) == ("2016-02-01", 'text: "February"')


def test_a_review_row_that_matches_nothing_is_a_problem_not_an_error(tmp_path):
    path = write_review(tmp_path, "a1,confirm,turkey,ceasefire,1,Turkey hosted the talks.,\n"
                                  "a1,reject,russia,negotiations,,Turkey hosted the talks.,\n")
    problems: list[Problem] = []
    result = apply_review(MACHINE, ARTICLES, path, problems=problems)
    assert len(problems) == 2 and all(str(path) in p.file for p in problems)
    assert "line 2" in problems[0].problem and "kept as an analyst row" in problems[0].problem
    assert ("turkey", "ceasefire", "analyst") in {(r.actor, r.issue, r.coded_by) for r in result.itertuples()}
    assert len(result) == len(MACHINE) + 1


@pytest.mark.parametrize("line, problem", [
    ("a1,add,russia,ceasefire,1,Russia never brokered anything.,", "does not appear verbatim in article a1"),
    ("a1,add,narnia,ceasefire,1,Turkey hosted the talks.,", "unknown actor 'narnia'"),
    ("a1,add,russia,airspace,1,Turkey hosted the talks.,", "unknown issue 'airspace'"),
    ("a1,approve,russia,ceasefire,1,Turkey hosted the talks.,", "action: 'approve' is not one of"),
    ("a1,add,russia,ceasefire,2,Turkey hosted the talks.,", "polarity must be 1, -1 or 0"),
    ("a1,add,russia,ceasefire,,Turkey hosted the talks.,", "polarity must be 1, -1 or 0"),
    ("a9,add,russia,ceasefire,1,Turkey hosted the talks.,", "article 'a9' is not in the corpus"),
    ("a1,add,russia,ceasefire,1,,", "the quote is empty"),
])
def test_a_bad_review_row_is_an_error_naming_file_and_line(tmp_path, line, problem):
    path = write_review(tmp_path, "a1,confirm,united_states,ceasefire,1,The U.S. and Russia brokered a truce.,\n" + line + "\n")
    with pytest.raises(InputError) as err:
        load_review(path, ARTICLES)
    message = str(err.value)
    assert str(path) in message and "line 3" in message and problem in message


def test_a_review_file_without_the_columns_is_refused(tmp_path):
    path = tmp_path / "review.csv"
    path.write_text("article,what\na1,confirm\n", encoding="utf-8")
    with pytest.raises(InputError, match="missing column"):
        load_review(path, ARTICLES)


def test_agreement_counts_keys_like_the_scorer():
    reviewed = tables.frame([
        machine_row("united_states", "ceasefire", 1, "x"), machine_row("russia", "ceasefire", 1, "x"),
        machine_row("iran", "negotiations", -1, "x"), machine_row("turkey", "negotiations", -1, "x"),
        machine_row("saudi_arabia", "negotiations", 0, "x"),
    ], tables.STANCE_COLUMNS)
    result = agreement(MACHINE, reviewed)
    assert (result.agreed, result.machine, result.reviewed) == (3, 4, 5)
    assert result.precision == pytest.approx(0.75) and result.recall == pytest.approx(0.6)
    assert set(result.disagreements.side) == {"machine only", "review only"}
