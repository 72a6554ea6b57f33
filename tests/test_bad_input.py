"""Bad input: every bad file is named with its reason, the run goes on, and no traceback reaches the user."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from peacetalks import load_corpus
from peacetalks.sources.problems import InputError

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"
GOOD = "Russia Hosts Syria Talks\n\nMoscow said on Tuesday it would host talks between the government and the opposition.\n"


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peacetalks", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    folder = tmp_path / "messy"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "windows.txt").write_bytes("Assad\u2019s Exit \u2013 Not a Precondition\n\nMoscow says the president\u2019s departure cannot be a condition for the talks.\n".encode("cp1252"))
    (folder / "latin.txt").write_bytes("Réunion à Genève\n\nLes négociations reprennent à Genève, a déclaré l'envoyé de l'ONU.\n".encode("latin-1"))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    (folder / "notitle.txt").write_text(" ".join(["The talks went on for another day without any result."] * 12) + "\n", encoding="utf-8")
    with (folder / "huge.txt").open("w", encoding="utf-8") as handle:
        handle.write("A Very Long Page\n\n")
        line = "The delegations met again in Geneva and said nothing new about the talks. " * 20 + "\n"
        while handle.tell() < 50_000_000:
            handle.write(line)
    return folder


def problems_by_file(corpus) -> dict[str, str]:
    return {Path(row.file).name: row.problem for row in corpus.problems.itertuples()}


def test_each_bad_file_is_named_with_its_reason(messy: Path):
    corpus = load_corpus(messy)
    problems = problems_by_file(corpus)
    assert "empty" in problems["empty.txt"]
    assert "empty" in problems["blank.txt"]
    assert "binary" in problems["image.txt"]
    assert "over the limit" in problems["huge.txt"] and "--max-bytes" in problems["huge.txt"]
    assert "no recognisable title" in problems["notitle.txt"]
    assert "good.txt" not in problems


def test_nothing_is_silently_dropped(messy: Path):
    corpus = load_corpus(messy)
    read = {Path(p).name for p in corpus.articles["path"]}
    skipped = {Path(p).name for p in corpus.problems.query("severity == 'skipped'")["file"]}
    assert read | skipped == {p.name for p in messy.glob("*.txt")}
    assert read & skipped == set()


def test_legacy_encodings_are_read_and_noted(messy: Path):
    corpus = load_corpus(messy)
    articles = corpus.articles.set_index("id")
    assert articles.loc["windows", "title"] == "Assad\u2019s Exit \u2013 Not a Precondition"
    assert "the president\u2019s departure cannot be a condition for the talks" in articles.loc["windows", "body"]
    assert articles.loc["latin", "title"] == "Réunion à Genève"
    assert articles.loc["windows", "encoding"] == "cp1252"
    assert articles.loc["latin", "encoding"] == "latin-1"
    problems = problems_by_file(corpus)
    assert "not UTF-8" in problems["windows.txt"] and "not UTF-8" in problems["latin.txt"]


def test_untitled_article_is_read_with_empty_title(messy: Path):
    articles = load_corpus(messy).articles.set_index("id")
    assert pd.isna(articles.loc["notitle", "title"])
    assert "without any result" in articles.loc["notitle", "body"]


def test_size_limit_can_be_raised(tmp_path: Path):
    (tmp_path / "long.txt").write_text(GOOD + "More text about the talks. " * 4000, encoding="utf-8")
    assert load_corpus(tmp_path, max_bytes=10_000).articles.empty
    assert list(load_corpus(tmp_path, max_bytes=1_000_000).articles["id"]) == ["long"]


def test_an_article_over_the_size_limit_is_reported_with_its_size(tmp_path: Path):
    (tmp_path / "long.txt").write_text("x" * 20_000, encoding="utf-8")
    problems = problems_by_file(load_corpus(tmp_path, max_bytes=10_000))
    assert "file is 20,000 bytes, over the limit of 10,000" in problems["long.txt"]


def test_only_visible_txt_files_are_articles(tmp_path: Path):
    for name in ("b.txt", "a.txt", ".hidden.txt", "notes.md", "c.TXT"):
        (tmp_path / name).write_text(GOOD, encoding="utf-8")
    (tmp_path / "folder.txt").mkdir()
    assert list(load_corpus(tmp_path).articles["id"]) == ["a", "b"]


def test_cli_reports_problems_and_goes_on(messy: Path):
    result = run_cli("extract", str(messy), "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("empty.txt", "image.txt", "huge.txt", "notitle.txt"):
        assert name in result.stderr
    output = json.loads(result.stdout)
    assert set(output) == {"articles", "casualties", "stances", "problems"}
    assert {a["id"] for a in output["articles"]} == {"good", "windows", "latin", "notitle"}


def test_cli_missing_folder_is_a_clear_error(tmp_path: Path):
    result = run_cli("extract", str(tmp_path / "nowhere"), "--json")
    assert result.returncode != 0
    assert "nowhere: no such folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_folder_without_articles_fails(tmp_path: Path):
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    result = run_cli("extract", str(tmp_path), "--json")
    assert result.returncode == 1
    assert "no article could be read" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_only_bad_files_fails(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = run_cli("extract", str(tmp_path), "--json")
    assert result.returncode == 1
    assert "empty.txt: file is empty" in result.stderr


def test_cli_writes_one_csv_per_table(tmp_path: Path):
    result = run_cli("extract", str(SEEDS_DIR), "--csv", str(tmp_path / "tables"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "tables").iterdir()) == [
        "articles.csv", "casualties.csv", "problems.csv", "stances.csv"]


def test_missing_folder_in_python_api(tmp_path: Path):
    with pytest.raises(InputError, match="no such folder"):
        load_corpus(tmp_path / "nowhere")


def test_cli_help_explains_both_outputs():
    result = run_cli("extract", "--help")
    assert "--json" in result.stdout and "--csv" in result.stdout


def test_a_number_too_large_for_any_count_does_not_stop_extraction(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "huge.txt").write_text(
        "Garbled figures\n\n" + "1" * 25 + " people have been killed in the war since it began in 2011. "
        "The fighting has left more than 300,000 people dead, monitors say.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "peacetalks", "extract", str(corpus), "--out", str(tmp_path / "t"),
                          "--workers", "1"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    casualties = pd.read_parquet(tmp_path / "t" / "casualties.parquet")
    assert casualties["value"].tolist() == [300_000]
