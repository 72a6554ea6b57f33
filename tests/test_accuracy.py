"""The accuracy measures: the machine against the analyst's review and against hand-labelled sets."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import peacetalks
from conftest import REPO
from peacetalks.tables import accuracy, review
from peacetalks import tables
from peacetalks.extract.codebook import load_codebook

SHARED = REPO.parent / "shared"
PAGES_GOLD = SHARED / "corpus" / "pages" / "gold.json"
SCORER = SHARED / "eval" / "score.py"


def test_precision_and_recall_count_what_was_found_and_what_was_wanted():
    score = accuracy.Score(right=3, gold=4, found=6)
    assert (score.precision, score.recall) == (0.5, 0.75)
    assert score.f1 == pytest.approx(0.6)
    nothing = accuracy.Score(0, 0, 0)
    assert (nothing.precision, nothing.recall) == (1.0, 1.0)  # nothing wanted, nothing found: nothing wrong
    assert accuracy.Score(0, 5, 0).precision == 0.0 and accuracy.Score(0, 5, 0).recall == 0.0


def test_titles_and_sources_are_compared_as_a_reader_would():
    assert accuracy.norm("The  “Talks” on *Syria*") == accuracy.norm('"talks" on syria') == '"talks" on syria'
    assert accuracy.norm(None) == accuracy.norm(float("nan")) == ""


class _Tables:
    """The three tables as `load_corpus` gives them, made by hand."""

    def __init__(self, articles, casualties, stances):
        self.articles = tables.frame(articles, tables.ARTICLE_COLUMNS)
        self.casualties = tables.frame(casualties, tables.CASUALTY_COLUMNS)
        self.stances = tables.frame(stances, tables.STANCE_COLUMNS)
        self.machine_stances = self.stances


def _hand_made():
    gold = [
        {"id": "g1", "title": "Talks resume in Geneva", "source": "Example Times", "published": "2016-03-14",
         "date_basis": "text",
         "casualties": [{"value": 250000, "kind": "killed", "subject": "syria_war", "qualifier": "at_least",
                         "sentence": "The war has now killed more than 250,000 people."},
                        {"value": 12, "kind": "killed", "subject": "syria_event", "qualifier": "exact",
                         "sentence": "Twelve people died in the raid."}],
         "stances": [{"actor": "russia", "issue": "negotiations", "polarity": 1,
                      "quote": "Moscow said it supported the peace talks."},
                     {"actor": "united_states", "issue": "assad_role", "polarity": -1,
                      "quote": "Washington insisted that Assad must go."}]},
        {"id": "g2", "title": "A truce is announced", "source": None, "published": "2016-02-27", "date_basis": "url",
         "casualties": [], "stances": [{"actor": "turkey", "issue": "ceasefire", "polarity": 1, "quote": "Ankara backed the truce."}]},
    ]
    machine = _Tables(
        [{"id": "g1", "title": "the talks resume in  Geneva", "source": "Example Times", "published": "2016-03-15"},
         {"id": "g2", "title": "Menu Home Sport", "source": "Weather", "published": None}],
        [{"article_id": "g1", "value": 250000, "kind": "killed", "subject": "syria_war", "qualifier": "at_least",
          "sentence": "The war has now killed more than 250,000 people."},
         {"article_id": "g1", "value": 2011, "kind": "killed", "subject": "syria_event", "qualifier": "exact",
          "sentence": "Fighting since 2011 killed many."}],
        [{"article_id": "g1", "actor": "russia", "issue": "negotiations", "polarity": 1,
          "quote": "Moscow said it supported the peace talks.", "coded_by": "machine"},
         {"article_id": "g2", "actor": "turkey", "issue": "ceasefire", "polarity": -1,
          "quote": "Ankara said the truce was broken.", "coded_by": "machine"}])
    return gold, machine


def test_the_machine_is_measured_on_every_table_of_a_labelled_set():
    gold, machine = _hand_made()
    evaluation = accuracy.against_gold(gold, machine, "hand-made")
    title, source, date = (evaluation.score("articles", m) for m in ("title", "source", "date"))
    assert (title["right"], title["gold"], title["found"]) == (1, 2, 2)  # case, spaces and "the" do not count
    assert (source["right"], source["gold"], source["found"]) == (1, 1, 2)  # "Weather" is furniture, not g2's source
    assert (date["right"], date["gold"], date["found"]) == (0, 1, 1)  # one day off is wrong; g2's url date is not in the text
    casualties = evaluation.score("casualties")
    assert (casualties["right"], casualties["gold"], casualties["found"]) == (1, 2, 2)
    assert evaluation.score("casualties", "the war's death toll")["f1"] == 1.0
    stances = evaluation.score("stances")
    assert (stances["right"], stances["gold"], stances["found"]) == (1, 3, 2)
    assert evaluation.score("stances", "actor and issue, any polarity")["right"] == 2  # turkey ceasefire, wrong polarity

    by_issue = evaluation.by_issue.set_index("issue")
    assert by_issue.loc["negotiations", "recall"] == 1.0 and by_issue.loc["assad_role", "recall"] == 0.0
    assert by_issue.loc["ceasefire", "precision"] == 0.0 and "transition" not in by_issue.index
    assert evaluation.by_actor.set_index("actor").loc["united_states", "gold"] == 1

    misses = evaluation.misses
    assert {"missed", "false hit", "wrong date", "wrong title", "wrong source"} <= set(misses["side"])
    missed = misses[(misses["table"] == "stances") & (misses["side"] == "missed")]
    assert "Washington insisted that Assad must go." in set(missed["text"])
    false_figure = misses[(misses["table"] == "casualties") & (misses["side"] == "false hit")]
    assert list(false_figure["text"]) == ["Fighting since 2011 killed many."]


def test_each_cue_is_counted_with_how_often_it_is_right():
    codebook = load_codebook()
    name, pattern = accuracy.cue_of(codebook, "negotiations", 1, "Moscow said it supported the peace talks.")
    assert re.fullmatch(r"negotiations #\d+", name)
    # the cue is shown as codebook.yaml writes it, the phrase an analyst reads, not its compiled regex
    index = int(name.split("#")[1]) - 1
    written = codebook.issues["negotiations"].cues[index].written
    assert pattern == written or (pattern.endswith("\u2026") and written.startswith(pattern[:-1]))
    assert "(?" not in pattern and "\\" not in pattern
    assert accuracy.cue_of(codebook, "negotiations", 1, "The weather in Geneva was fine.") == ("no cue in the quote", "")
    gold, machine = _hand_made()
    cues = accuracy.against_gold(gold, machine, "hand-made", codebook).cues.set_index("cue")
    assert cues.loc[name, "fires"] == 1 and cues.loc[name, "right"] == 1
    assert cues["fires"].sum() == 2 and cues["right"].sum() == 1


def test_on_the_seeds_the_review_measure_is_the_reports():
    corpus = peacetalks.load_corpus(REPO / "seeds")
    evaluation = accuracy.against_review(corpus.machine_stances, corpus.stances)
    agreement = review.agreement(corpus.machine_stances, corpus.stances)
    score = evaluation.score("stances")
    assert (score["precision"], score["recall"]) == (round(agreement.precision, 3), round(agreement.recall, 3))
    assert accuracy.has_review(corpus)
    assert len(evaluation.misses) == len(agreement.disagreements)
    assert set(evaluation.by_issue["issue"]) <= set(load_codebook().issues)
    assert "precision 1.00" in accuracy.review_line(evaluation) or "precision 0." in accuracy.review_line(evaluation)


def test_no_labelled_set_is_said_plainly(tmp_path):
    assert accuracy.labelled_sets([]) == []
    assert accuracy.labelled_sets([str(tmp_path / "missing" / "gold.json")]) == []
    assert "No labelled set given" in accuracy.labelled_line([], [])
    assert "None of the labelled sets given exists" in accuracy.labelled_line([], ["x/gold.json"])
    assert "is absent" in accuracy.labelled_line([], None)
    assert accuracy.held_out_rates(tmp_path / "held_out.yaml") == {"measured": False, "where": "", "rows": [], "note": "",
                                                                   "from_other_conflicts": {}}


def test_the_held_out_record_is_what_the_index_quotes(tmp_path):
    """held_out.yaml keeps the figures measured before a held-out set was tuned on; the latest entry is quoted."""
    record = tmp_path / "held_out.yaml"
    record.write_text(
        "measurements:\n"
        "  - {where: old pages, articles: 3, code: aaa, measured: 2026-01-01, tuned_since: null,\n"
        "     rows: [{what: stances, precision: 0.5, recall: 0.1, f1: 0.17, right: 1, gold: 10, found: 2}]}\n"
        "  - {where: new pages, articles: 5, code: bbb, measured: 2026-02-01, tuned_since: 2026-02-02,\n"
        "     from_other_conflicts: {stances: 1},\n"
        "     rows: [{what: stances, precision: 0.6, recall: 0.3, f1: 0.4, right: 3, gold: 10, found: 5}]}\n",
        encoding="utf-8")
    rates = accuracy.held_out_rates(record)
    assert rates["measured"] and rates["where"] == "new pages" and rates["code"] == "bbb"
    assert rates["rows"][0]["precision"] == 0.6
    assert rates["from_other_conflicts"] == {"stances": 1}  # rows coded where none should be are quoted too
    packaged = accuracy.held_out_rates()  # the project's own record names the commit and the command
    assert packaged["measured"] and packaged["code"] and any(r["what"] == "stances" for r in packaged["rows"])


def test_a_labelled_set_is_read_beside_its_gold_file(tmp_path):
    folder = tmp_path / "labelled"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "a1.txt").write_text(
        "Talks to resume in Geneva\n\nMarch 14, 2016\n\n"
        "The war in Syria has killed more than 250,000 people since 2011, monitors said.\n", encoding="utf-8")
    (folder / "gold.json").write_text(
        '{"articles": [{"id": "a1", "title": "Talks to resume in Geneva", "source": null, "published": "2016-03-14",'
        ' "date_basis": "text", "casualties": [{"value": 250000, "kind": "killed", "subject": "syria_war",'
        ' "qualifier": "at_least"}], "stances": []}]}', encoding="utf-8")
    assert accuracy.articles_beside(folder / "gold.json") == folder / "articles"
    [evaluation] = accuracy.measure(folder / "gold.json")
    assert evaluation.score("articles", "title")["right"] == 1
    assert evaluation.score("casualties", "the war's death toll")["right"] == 1


needs_shared = pytest.mark.skipif(not (PAGES_GOLD.is_file() and SCORER.is_file()), reason="../shared is absent")


@needs_shared
@pytest.mark.slow
def test_the_figures_are_those_of_the_projects_scorer(tmp_path):
    """On the pages first held out (pC), the same counts as ../shared/eval/score.py."""
    extracted = tmp_path / "pages.json"
    with extracted.open("w") as out:
        subprocess.run([sys.executable, "-m", "peacetalks", "extract", str(PAGES_GOLD.parent / "articles"), "--json"],
                       stdout=out, stderr=subprocess.DEVNULL, check=True)
    scored = subprocess.run([sys.executable, str(SCORER), str(PAGES_GOLD), str(extracted), "--only", "pC"],
                            capture_output=True, text=True).stdout
    [held_out] = [e for e in accuracy.measure(PAGES_GOLD) if e.held_out]
    assert "pC" in held_out.name and "/work/" not in held_out.name
    row = {label: {**held_out.score(table, name)} for table, name, label in (
        ("stances", "all", "stances"), ("casualties", "all", "casualty figures"),
        ("casualties", "the war's death toll", "the war's death toll"), ("articles", "title", "titles"),
        ("articles", "date", "dates"))}
    stance = re.search(r"stances: P ([\d.]+) R ([\d.]+) F1 ([\d.]+) \((\d+) of (\d+) gold, (\d+) extracted\)", scored)
    assert (f"{row['stances']['precision']:.2f}", f"{row['stances']['recall']:.2f}", f"{row['stances']['f1']:.2f}") == stance.groups()[:3]
    assert (row["stances"]["right"], row["stances"]["gold"], row["stances"]["found"]) == tuple(map(int, stance.groups()[3:]))
    casualty = re.search(r"casualties: P [\d.]+ R [\d.]+ F1 [\d.]+ \((\d+) of (\d+) gold, (\d+) extracted\)", scored)
    figures = row["casualty figures"]
    assert (figures["right"], figures["gold"], figures["found"]) == tuple(map(int, casualty.groups()))
    war = re.search(r"alone \(what the chart plots\): P [\d.]+ R [\d.]+ F1 [\d.]+ \((\d+) of (\d+) gold, (\d+) extracted\)", scored)
    toll = row["the war's death toll"]
    assert (toll["right"], toll["gold"], toll["found"]) == tuple(map(int, war.groups()))
    titles = re.search(r"titles +(\d+)/(\d+)", scored)
    assert (row["titles"]["right"], row["titles"]["gold"]) == tuple(map(int, titles.groups()))
    dates = re.search(r"dates printed in the text found (\d+)/(\d+)", scored)
    assert (row["dates"]["right"], row["dates"]["gold"]) == tuple(map(int, dates.groups()))


@needs_shared
def test_the_default_labelled_sets_are_found_beside_the_repository():
    found = accuracy.default_labelled()
    assert PAGES_GOLD.resolve() in [p.resolve() for p in found]
    assert accuracy.shown_path(PAGES_GOLD) == "../shared/corpus/pages/gold.json"


def test_the_projects_own_labelled_pages_are_always_measured():
    """The pages written for the project (tests/labelled/written_pages) are found with or without ../shared,
    and each labelled page has its text beside the gold."""
    found = accuracy.default_labelled()
    assert accuracy.shown_path(found[0]) == "tests/labelled/written_pages/gold.json"
    gold = accuracy.gold_articles(found[0])
    folder = accuracy.articles_beside(found[0])
    assert len(gold) >= 30 and all((folder / f"{g['id']}.txt").is_file() for g in gold)
