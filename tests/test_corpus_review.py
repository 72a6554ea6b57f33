"""load_corpus applies the analyst's review beside the articles and keeps the machine's own table."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from peacetalks import load_corpus

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


def test_final_stances_say_who_coded_each_row():
    corpus = load_corpus(SEEDS_DIR)
    assert set(corpus.stances["coded_by"]) == {"machine, confirmed", "analyst"}
    assert set(corpus.machine_stances["coded_by"]) == {"machine"}
    analyst_rows = corpus.stances[corpus.stances["coded_by"] == "analyst"]
    assert analyst_rows["note"].notna().all(), "every analyst row carries its note"


def test_without_a_review_the_table_is_the_machines(tmp_path: Path):
    for path in SEEDS_DIR.glob("*.txt"):
        shutil.copy(path, tmp_path)
    corpus = load_corpus(tmp_path)
    assert set(corpus.stances["coded_by"]) == {"machine"}


def test_cli_names_a_bad_review_row(tmp_path: Path):
    folder = tmp_path / "corpus"
    shutil.copytree(SEEDS_DIR, folder)
    with (folder / "review.csv").open("a", encoding="utf-8") as handle:
        handle.write('004_a01c19d0737ad53c,add,russia,assad_role,1,"Assad may stay forever, Moscow says",invented\n')
    result = subprocess.run([sys.executable, "-m", "peacetalks", "extract", str(folder), "--json"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 2
    assert "review.csv" in result.stderr and "Traceback" not in result.stderr
    assert "review.csv, line 65: the quote does not appear verbatim in article 004_a01c19d0737ad53c" in result.stderr
