"""The corpus generator: deterministic articles in the seeds' styles whose truth the extraction can be checked against."""
from __future__ import annotations

import datetime as dt
import json
import re
import statistics
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from peacetalks import tables
from peacetalks.sources.archives import iter_archive
from peacetalks.tables.corpus import load_corpus
from peacetalks.sources.reading import RawDocument
from peacetalks.synthetic import SMALL_NUMBERS, STYLES, generate, make_article, write_corpus

ACTORS = {"russia", "syrian_government", "syrian_opposition", "united_states", "united_nations", "turkey", "iran",
          "saudi_arabia"}
ISSUES = {"negotiations", "assad_role", "transition", "ceasefire", "engage_opposition"}
VAGUE = {"dozens": 24, "millions": 2_000_000, "a quarter of a million": 250_000}


def spellings(value: int) -> set[str]:
    """The ways the generator may print a number."""
    forms = {f"{value:,}", str(value)}
    if value <= 12:
        forms.add(SMALL_NUMBERS[value])
    if value % 100_000 == 0 and value >= 1_000_000:
        forms.add(f"{value / 1_000_000:g} million")
    forms.update(phrase for phrase, meant in VAGUE.items() if meant == value)
    return forms


def test_articles_are_a_pure_function_of_seed_and_index() -> None:
    first = [a.text for a in generate(30, seed=1)]
    assert first == [a.text for a in generate(30, seed=1)]
    assert first[:10] == [a.text for a in generate(10, seed=1)]  # a larger corpus extends a smaller one
    assert make_article(17, seed=1).text == first[17]
    assert first != [a.text for a in generate(30, seed=2)]
    assert len({a.id for a in generate(300)}) == 300


def test_every_style_is_written() -> None:
    styles = Counter(a.style for a in generate(100))
    assert set(styles) == set(STYLES)
    assert min(styles.values()) >= 10


def test_truth_is_in_the_vocabulary_and_verbatim_in_the_text() -> None:
    for article in generate(300, seed=5):
        truth = article.truth
        assert truth["casualties"] or truth["stances"]
        assert truth["stances"], "every article plants at least one stance"
        for row in truth["casualties"]:
            assert row["sentence"] in article.text
            assert row["qualifier"] in tables.QUALIFIERS and row["kind"] in tables.KINDS
            assert row["subject"] in tables.SUBJECTS
            assert isinstance(row["value"], int) and row["value"] > 0
            assert any(form in row["sentence"].lower() for form in spellings(row["value"])), row
            if row["qualifier"] == "range":
                assert row["value_high"] > row["value"]
                assert any(form in row["sentence"] for form in spellings(row["value_high"]))
            else:
                assert row["value_high"] is None
        pairs = [(s["actor"], s["issue"]) for s in truth["stances"]]
        assert len(pairs) == len(set(pairs))
        for stance in truth["stances"]:
            assert stance["quote"] in article.text
            assert stance["actor"] in ACTORS and stance["issue"] in ISSUES and stance["polarity"] in (1, -1)
            assert not re.search(r"\d", stance["quote"]), "stance sentences carry no numbers"


def test_each_style_prints_what_its_truth_says() -> None:
    for article in generate(200, seed=9):
        truth, text = article.truth, article.text
        assert truth["title"] in text
        if truth["url"]:
            assert f"<{truth['url']}>" in text
        if truth["date_basis"] == "text":
            day = dt.date.fromisoformat(truth["published"])
            printed = {
                "moscow_times": f"{day:%B} {day.day}, {day.year}", "bloomberg": f"{day:%B} {day.day}, {day.year}",
                "sputnik": f" date {day.isoformat()} ", "fakes": f"{day:%a %d %b %Y} {truth['title']}.",
            }[article.style]
            assert printed in text
        else:
            assert truth["published"] is None and truth["date_basis"] == "unknown"
            assert article.style in ("bloomberg", "blog")
        if article.style == "fakes":
            assert "\n\n" not in text.partition("\n\n")[2], "FA-KES rows are one paragraph"
            assert not re.search(r"\d,\d{3}", text), "FA-KES drops the commas of numbers"
            assert "'" not in text
        if article.style == "sputnik":
            assert all(line.startswith("    ") for line in text.splitlines()[1:] if line)


def test_the_war_toll_grows_with_the_date() -> None:
    by_year: dict[int, list[int]] = {}
    for article in generate(600, seed=3):
        for row in article.truth["casualties"]:
            if (row["kind"], row["subject"]) == ("killed", "syria_war"):
                by_year.setdefault(int(article.truth["generated_date"][:4]), []).append(row["value"])
    medians = [statistics.median(by_year[year]) for year in sorted(by_year)]
    assert sorted(by_year) == list(range(2012, 2019))
    assert medians == sorted(medians)
    assert medians[0] < 50_000 < 300_000 < medians[-1]


def test_write_corpus_writes_files_and_a_truth_in_gold_format(tmp_path: Path) -> None:
    folder = write_corpus(15, tmp_path / "corpus", seed=4)
    truth = json.loads((tmp_path / "corpus" / "truth.json").read_text(encoding="utf-8"))
    assert (truth["generator"], truth["seed"], truth["n"]) == ("peacetalks.synthetic", 4, 15)
    ids = [a["id"] for a in truth["articles"]]
    assert sorted(p.stem for p in folder.glob("*.txt")) == sorted(ids)
    for entry, article in zip(truth["articles"], generate(15, seed=4)):
        assert entry == article.truth
        assert (folder / f"{entry['id']}.txt").read_text(encoding="utf-8") == article.text
        assert {"id", "title", "source", "published", "date_basis", "casualties", "stances"} <= set(entry)


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_exports_read_back_as_the_same_articles(tmp_path: Path, fmt: str) -> None:
    export = write_corpus(25, tmp_path, seed=2, fmt=fmt)
    assert export.name == f"articles.{fmt}"
    docs = list(iter_archive(export))
    articles = list(generate(25, seed=2))
    assert all(isinstance(d, RawDocument) for d in docs)
    assert [d.id for d in docs] == [a.id for a in articles]
    for doc, article in zip(docs, articles):
        assert doc.text == article.text.strip()
        assert doc.fields["date"] == article.truth["generated_date"]
        if article.style == "fakes":
            assert doc.fields["title"] == article.truth["title"]


def test_command_line(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "peacetalks.synthetic", "7", str(tmp_path / "out"), "--seed", "3"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out").glob("*.txt"))) == 7
    assert "wrote 7 articles" in result.stderr


# --- what the extraction finds of what was planted -------------------------------------------
# The bars below are floors under what the extractors find today (casualties: P 1.00 R 0.98-1.00; stances:
# P 1.00, R 0.77-0.87 on generated articles of three seeds, Nov 2026); raise them as the extractors improve.

@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory):
    folder = write_corpus(60, tmp_path_factory.mktemp("planted"), seed=11)
    truth = json.loads((folder / "truth.json").read_text(encoding="utf-8"))["articles"]
    return truth, load_corpus(folder)


def precision_recall(gold: Counter, found: Counter) -> tuple[float, float]:
    hits = sum((gold & found).values())
    return hits / max(1, sum(found.values())), hits / max(1, sum(gold.values()))


def test_extraction_reads_titles_sources_and_printed_dates(extracted) -> None:
    truth, corpus = extracted
    articles = corpus.articles.set_index("id")
    assert sorted(articles.index) == sorted(a["id"] for a in truth)
    for entry in truth:
        row = articles.loc[entry["id"]]
        assert row["title"] == entry["title"], entry["style"]
        if entry["date_basis"] == "text":
            assert row["published"] == entry["published"], entry["id"]
        if isinstance(row["published"], str):
            assert row["published"] == entry["generated_date"], f"{entry['id']}: a wrong date"


def test_extraction_finds_the_planted_casualty_figures(extracted) -> None:
    truth, corpus = extracted
    gold = Counter((a["id"], c["value"], c["kind"], c["subject"]) for a in truth for c in a["casualties"])
    found = Counter((c.article_id, int(c.value), c.kind, c.subject) for c in corpus.casualties.itertuples())
    precision, recall = precision_recall(gold, found)
    assert precision >= 0.95 and recall >= 0.9, (precision, recall)
    war = lambda counter: Counter({k: n for k, n in counter.items() if k[2:] == ("killed", "syria_war")})  # noqa: E731
    assert precision_recall(war(gold), war(found))[0] >= 0.9


def test_extraction_finds_the_planted_stances(extracted) -> None:
    truth, corpus = extracted
    gold = Counter({(a["id"], s["actor"], s["issue"], s["polarity"]) for a in truth for s in a["stances"]})
    found = Counter({(s.article_id, s.actor, s.issue, int(s.polarity)) for s in corpus.stances.itertuples()})
    precision, recall = precision_recall(gold, found)
    assert precision >= 0.9 and recall >= 0.65, (precision, recall)
