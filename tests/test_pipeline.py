"""Streaming extraction into table files: same tables as the in-memory path, in parallel, resumable, on Dask."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetalks.extract import document as extraction
from peacetalks.tables import fingerprint, pipeline
from peacetalks.tables.chunks import process_chunk
from peacetalks.sources.archives import iter_archive
from peacetalks.cli import main
from peacetalks.tables.corpus import load_corpus, read_corpus
from peacetalks.extract.document import process_document
from peacetalks.sources.problems import InputError, Problem
from peacetalks.sources.reading import RawDocument, read_document
from peacetalks.synthetic import write_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLES = pipeline.TABLES


def records(frame: pd.DataFrame) -> list[dict]:
    """A table as plain records, missing values as None, whatever the dtypes."""
    return frame.astype(object).where(frame.notna(), None).to_dict("records")


def assert_same_tables(left: dict[str, pd.DataFrame], right: dict[str, pd.DataFrame]) -> None:
    for name in TABLES:
        pd.testing.assert_frame_equal(left[name], right[name], check_exact=True, obj=name)


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small generated corpus folder (shared by the tests that only read it)."""
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(24, folder, seed=7)
    return folder


@pytest.fixture(scope="module")
def synthetic_tables(synthetic: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, pd.DataFrame]:
    """The tables of the synthetic corpus from an uninterrupted single-process run."""
    out = tmp_path_factory.mktemp("reference")
    pipeline.extract(synthetic, out, workers=1, chunk_size=5)
    return pipeline.read_tables(out)


def tiny_corpus(folder: Path, n: int) -> Path:
    """`n` short articles (quick to extract), named in order."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        (folder / f"a{i:04d}.txt").write_text(
            f"Talks number {i} on Syria open in Geneva\n\nDelegates met on Monday. Some {1000 + i} people have been "
            f"killed in the fighting, monitors said.\n", encoding="utf-8")
    return folder


# --- the tables ----------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_tables_are_those_of_load_corpus(tmp_path: Path, fmt: str) -> None:
    """The seeds come with a catalog, events and a review: the streamed tables still equal load_corpus's."""
    assert (SEEDS / "review.csv").exists() and (SEEDS / "catalog.csv").exists()
    summary = pipeline.extract(SEEDS, tmp_path / "out", workers=1, fmt=fmt)
    written = pipeline.read_tables(tmp_path / "out")
    in_memory = load_corpus(SEEDS)
    for name in TABLES:
        assert list(written[name].columns) == list(getattr(in_memory, name).columns)
        assert records(written[name]) == records(getattr(in_memory, name)), name
    assert summary.documents == 5 and summary.rows["articles"] == 5
    assert written["articles"]["id"].tolist() == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert not list((tmp_path / "out" / ".work").glob("*.review.parquet"))


def test_read_corpus_gives_a_corpus_like_load_corpus(tmp_path: Path) -> None:
    pipeline.extract(SEEDS, tmp_path / "out", workers=1)
    streamed, in_memory = read_corpus(tmp_path / "out"), load_corpus(SEEDS)
    assert streamed.root == SEEDS.resolve()
    for name in TABLES:
        assert records(getattr(streamed, name)) == records(getattr(in_memory, name)), name


def test_a_changed_review_is_applied_without_extracting_again(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    (corpus / "review.csv").unlink()
    pipeline.extract(corpus, tmp_path / "out", workers=1)
    unreviewed = pipeline.read_tables(tmp_path / "out")
    assert records(unreviewed["stances"]) == records(unreviewed["machine_stances"])
    shutil.copy(SEEDS / "review.csv", corpus / "review.csv")
    assert not pipeline.tables_current(tmp_path / "out", corpus)
    summary = pipeline.extract(corpus, tmp_path / "out", workers=1)
    assert (summary.resumed, summary.extracted) == (5, 0)
    reviewed = pipeline.read_tables(tmp_path / "out")
    assert records(reviewed["stances"]) == records(load_corpus(corpus).stances)
    assert records(reviewed["machine_stances"]) == records(unreviewed["machine_stances"])


def test_two_worker_processes_give_the_single_process_tables(
        synthetic: Path, synthetic_tables: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    pipeline.extract(synthetic, tmp_path, workers=2, chunk_size=3)
    assert_same_tables(pipeline.read_tables(tmp_path), synthetic_tables)


def test_csv_and_jsonl_exports_extract_like_the_folder(tmp_path: Path) -> None:
    truth_ids = None
    for fmt in ("csv", "jsonl"):
        export = write_corpus(12, tmp_path / fmt, seed=3, fmt=fmt)
        summary = pipeline.extract(export, tmp_path / f"{fmt}-out", workers=1, chunk_size=4)
        articles = pipeline.read_tables(tmp_path / f"{fmt}-out")["articles"]
        truth = json.loads((tmp_path / fmt / "truth.json").read_text())["articles"]
        truth_ids = [a["id"] for a in truth]
        assert articles["id"].tolist() == truth_ids
        assert articles["path"].tolist() == [f"{export}#{i}" for i in truth_ids]
        assert summary.rows["articles"] == 12


def test_csv_format_holds_the_same_rows(synthetic: Path, synthetic_tables: dict[str, pd.DataFrame],
                                        tmp_path: Path) -> None:
    pipeline.extract(synthetic, tmp_path, workers=1, chunk_size=5, fmt="csv")
    assert sorted(p.name for p in tmp_path.glob("*.csv")) == sorted(f"{t}.csv" for t in TABLES)
    assert not list(tmp_path.glob("*.parquet"))
    from_csv = pipeline.read_tables(tmp_path)
    for name in TABLES:
        assert records(from_csv[name]) == records(synthetic_tables[name]), name


def test_read_tables_can_leave_out_the_bodies(synthetic: Path, tmp_path: Path) -> None:
    pipeline.extract(synthetic, tmp_path, workers=1)
    frames = pipeline.read_tables(tmp_path, columns={"articles": ["id", "published"]})
    assert list(frames["articles"].columns) == ["id", "published"]


@pytest.mark.parametrize("workers", [1, 2])  # read by the main process, or by the worker processes
def test_unreadable_files_become_problem_rows(tmp_path: Path, workers: int) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 3)
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    summary = pipeline.extract(corpus, tmp_path / "out", workers=workers, chunk_size=2)
    problems = pipeline.read_tables(tmp_path / "out")["problems"]
    skipped = problems[problems["severity"] == "skipped"]
    assert {Path(f).name for f in skipped["file"]} == {"empty.txt", "binary.txt"}
    assert sorted(line.split(": ")[0].rsplit("/", 1)[-1] for line in summary.first_problems) == ["binary.txt", "empty.txt"]
    assert (summary.rows["articles"], summary.extracted, summary.documents) == (3, 3, 5)


def test_a_file_gone_after_the_folder_was_listed_is_a_problem_row(tmp_path: Path, monkeypatch) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 2)
    listed = pipeline.article_names(corpus)
    monkeypatch.setattr(pipeline, "list_articles", lambda folder: ([*listed, "gone.txt"], []))
    summary = pipeline.extract(corpus, tmp_path / "out", workers=1)
    problems = pipeline.read_tables(tmp_path / "out")["problems"]
    assert [(Path(f).name, p) for f, p in zip(problems["file"], problems["problem"])] == [
        ("gone.txt", "cannot be read: No such file or directory")]
    assert summary.rows["articles"] == 2


@pytest.mark.parametrize("stage", ["parse_article", "extract_casualties", "extract_stances"])
def test_a_document_whose_extraction_raises_is_a_named_problem(tmp_path: Path, monkeypatch, stage: str) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 3)
    real = getattr(extraction, stage)

    def fragile(first: str, *args, **kwargs):  # the text (parse_article) or the article id (the extractors)
        if first == "a0001" or first.startswith("Talks number 1 "):
            raise ValueError("cannot cope")
        return real(first, *args, **kwargs)

    monkeypatch.setattr(extraction, stage, fragile)
    pipeline.extract(corpus, tmp_path / "out", workers=1)
    frames = pipeline.read_tables(tmp_path / "out")
    assert frames["articles"]["id"].tolist() == ["a0000", "a0001", "a0002"]
    problems = records(frames["problems"])
    assert [p["file"] for p in problems if "ValueError: cannot cope" in p["problem"]] == [str(corpus / "a0001.txt")]
    others = frames["articles"].set_index("id").drop(index="a0001")
    assert others["title"].notna().all()  # the other articles are extracted as usual


def test_a_batch_gives_the_rows_of_its_documents_one_by_one() -> None:
    from peacetalks.synthetic import generate

    docs = [RawDocument(a.id, f"{a.id}.txt", a.text, "utf-8", "") for a in generate(60, seed=5)]
    assert extraction.process_documents(docs) == [process_document(doc) for doc in docs]


# --- resuming ------------------------------------------------------------------------------------

class Interrupt(Exception):
    pass


def interrupt_after(chunks: int):
    def hook(done: int) -> None:
        if done >= chunks:
            raise Interrupt
    return hook


def test_an_interrupted_run_resumes_to_the_same_tables(
        synthetic: Path, synthetic_tables: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    with pytest.raises(Interrupt):
        pipeline.extract(synthetic, tmp_path, workers=1, chunk_size=5, on_commit=interrupt_after(2))
    assert not (tmp_path / "articles.parquet").exists()
    with pytest.raises(InputError, match="no extracted tables"):
        pipeline.read_tables(tmp_path)
    summary = pipeline.extract(synthetic, tmp_path, workers=1, chunk_size=5)
    assert summary.resumed == 10 and summary.extracted == 14
    assert_same_tables(pipeline.read_tables(tmp_path), synthetic_tables)


def test_killed_extraction_resumes_to_the_same_tables(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 150)
    reference = tmp_path / "reference"
    pipeline.extract(corpus, reference, workers=1, chunk_size=1)
    out = tmp_path / "out"
    done_chunks = out / ".work" / "parts" / "keys"  # a chunk's keys file is written last: the chunk is done
    command = [sys.executable, "-m", "peacetalks.cli", "extract", str(corpus), "--out", str(out),
               "--workers", "2", "--chunk-size", "1"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and process.poll() is None:
            if done_chunks.exists() and len(list(done_chunks.glob("*.parquet"))) >= 10:
                break
            time.sleep(0.005)
        assert process.poll() is None, "the extraction ended before it could be killed"
        os.killpg(process.pid, signal.SIGKILL)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    done = len(list(done_chunks.glob("*.parquet")))
    assert 10 <= done < 150
    assert not (out / "articles.parquet").exists()
    summary = pipeline.extract(corpus, out, workers=1, chunk_size=1)
    assert summary.resumed >= 10 and summary.resumed + summary.extracted == 150
    assert_same_tables(pipeline.read_tables(out), pipeline.read_tables(reference))
    assert not [p for p in (out / ".work" / "parts").rglob("*") if p.name.endswith(".tmp")]


def test_a_half_written_chunk_is_ignored(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 6)
    with pytest.raises(Interrupt):
        pipeline.extract(corpus, tmp_path / "out", workers=1, chunk_size=2, on_commit=interrupt_after(1))
    parts = tmp_path / "out" / ".work" / "parts"
    # a run killed while writing a chunk: some of its tables renamed into place, not its keys, and a file half written
    (parts / "articles" / "0000000002-0123456789abcdef.parquet").write_bytes(b"PAR1 half a table")
    (parts / "stances" / ".0000000002-0123456789abcdef.parquet.99999.tmp").write_bytes(b"half")
    summary = pipeline.extract(corpus, tmp_path / "out", workers=1, chunk_size=2)
    assert (summary.resumed, summary.extracted) == (2, 4)
    assert pipeline.read_tables(tmp_path / "out")["articles"]["id"].tolist() == [f"a{i:04d}" for i in range(6)]


def test_only_changed_documents_are_extracted_again(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 8)
    out = tmp_path / "out"
    pipeline.extract(corpus, out, workers=1, chunk_size=3)
    (corpus / "a0004.txt").write_text("A different headline\n\nNew text entirely.\n", encoding="utf-8")
    (corpus / "a0002b.txt").write_text("An added article\n\nIt sorts between a0002 and a0003.\n", encoding="utf-8")
    (corpus / "a0007.txt").unlink()
    summary = pipeline.extract(corpus, out, workers=1, chunk_size=3)
    assert (summary.resumed, summary.extracted) == (6, 2)
    written = pipeline.read_tables(out)
    fresh = tmp_path / "fresh"
    pipeline.extract(corpus, fresh, workers=1, chunk_size=3)
    assert_same_tables(written, pipeline.read_tables(fresh))
    assert written["articles"]["id"].tolist() == ["a0000", "a0001", "a0002", "a0002b", "a0003", "a0004", "a0005",
                                                  "a0006"]
    assert written["articles"].set_index("id").loc["a0004", "title"] is not None


def test_a_failed_rerun_leaves_the_good_tables_in_place(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 6)
    out = tmp_path / "out"
    pipeline.extract(corpus, out, workers=1, chunk_size=2)
    before = pipeline.read_tables(out)
    assert pipeline.tables_current(out, corpus)
    for i in range(6, 12):
        (corpus / f"a{i:04d}.txt").write_text(f"Article {i}\n\nMore text {i}.\n", encoding="utf-8")
    assert not pipeline.tables_current(out, corpus)
    with pytest.raises(Interrupt):
        pipeline.extract(corpus, out, workers=1, chunk_size=2, on_commit=interrupt_after(1))
    assert_same_tables(pipeline.read_tables(out), before)
    assert not pipeline.tables_current(out, corpus)
    pipeline.extract(corpus, out, workers=1, chunk_size=2)
    assert pipeline.tables_current(out, corpus)
    assert len(pipeline.read_tables(out)["articles"]) == 12


def test_tables_current_notices_a_changed_or_damaged_output(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 2)
    out = tmp_path / "out"
    assert not pipeline.tables_current(out, corpus)
    pipeline.extract(corpus, out, workers=1)
    assert pipeline.tables_current(out, corpus)
    assert not pipeline.tables_current(out, SEEDS)
    with (out / "stances.parquet").open("ab") as handle:
        handle.write(b"junk")
    assert not pipeline.tables_current(out, corpus)
    with pytest.raises(InputError, match="incomplete"):
        pipeline.read_tables(out)


def test_a_code_change_means_extracting_again(tmp_path: Path, monkeypatch) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 3)
    pipeline.extract(corpus, tmp_path / "out", workers=1)
    monkeypatch.setattr(fingerprint, "code_digests", lambda *_: {"library": "another version"})  # the code on disk changed
    assert not pipeline.tables_current(tmp_path / "out", corpus)
    monkeypatch.setattr(fingerprint, "LOADED_CODE", "another version")  # and this process runs it
    summary = pipeline.extract(corpus, tmp_path / "out", workers=1)
    assert (summary.resumed, summary.extracted) == (0, 3)


# --- the command line ----------------------------------------------------------------------------

def test_a_worker_running_other_code_is_refused() -> None:
    doc = RawDocument("x", "x.txt", "Title\n\nText.", "utf-8", "0" * 64)
    with pytest.raises(InputError, match="another version of the peacetalks code"):
        process_chunk([("k", doc)], code="not this version")
    assert process_chunk([("k", doc)], code=fingerprint.LOADED_CODE)["articles"].num_rows == 1


def test_cli_writes_tables_and_reports(tmp_path: Path, capsys) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 3)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--workers", "1", "--format", "both"]) == 0
    err = capsys.readouterr().err
    assert "3 articles" in err and "MB/s" in err
    assert {p.name for p in (tmp_path / "out").iterdir()} >= {"articles.parquet", "articles.csv", "tables.json"}


@pytest.mark.parametrize("extra,message", [
    (["--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs --engine dask"),
    (["--workers", "0", "--chunk-size", "0"], "at least 1"),
])
def test_cli_rejects_bad_options(tmp_path: Path, capsys, extra: list[str], message: str) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 1)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), *extra]) == 2
    assert message in capsys.readouterr().err


def test_cli_names_an_export_without_text_column(tmp_path: Path, capsys) -> None:
    export = tmp_path / "export.csv"
    export.write_text("id,title\n1,Hello\n", encoding="utf-8")
    assert main(["extract", str(export), "--out", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert str(export) in err and "no text column" in err


# --- arbitrary input: tables or a named problem, never an exception ------------------------------

# Pieces of news text the parser and the extractors react to, mixed with arbitrary text.
CUES = ["killed", "wounded", "displaced", "refugees", "more than", "some", "at least", "up to", "between", "and",
        "250,000", "230000", "a quarter of a million", "hundreds of thousands", "dozens", "1.5 million", "12",
        "people", "civilians", "including", "children", "the war", "has killed", "since 2011", "Lavrov", "said",
        "Assad", "must go", "the opposition", "boycott", "talks", "in Geneva", "ceasefire", "truce", "Moscow",
        "de Mistura", "transitional", "body", "not", "\n\n", "\n", ".", ",", '"', "# ", "**", "  \u2022 ",
        "December 16, 2014", "Wed 05 Apr 2017", " date 2017-02-12 Register", "Original url:",
        "<https://www.themoscowtimes.com/2016/02/11/x-a1>", "(Photo Internet)", "Parts From Reuters", "Jan. 7"]
article_like = st.lists(st.one_of(st.sampled_from(CUES), st.text(max_size=8)), max_size=300).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=3000), article_like))
def test_process_document_takes_any_text(text: str) -> None:
    doc = RawDocument("x", "x.txt", text, "utf-8", "0" * 64)
    result = process_document(doc)
    tables = process_chunk([("k", doc)])
    assert tables["articles"].num_rows == 1
    assert tables["casualties"].num_rows == len(result.casualties)
    assert tables["stances"].num_rows == len(result.stances)
    assert set(tables["problems"].column("problem").to_pylist()) == {p.problem for p in result.problems}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4000))
def test_the_whole_extraction_takes_any_bytes(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    folder = tmp_path_factory.mktemp("bytes")
    corpus = folder / "corpus"
    corpus.mkdir()
    path = corpus / "doc.txt"
    path.write_bytes(data)
    item = read_document(path)
    assert isinstance(item, (RawDocument, Problem))
    summary = pipeline.extract(corpus, folder / "out", workers=1)
    frames = pipeline.read_tables(folder / "out")
    if isinstance(item, RawDocument):
        assert frames["articles"]["id"].tolist() == ["doc"]
    else:
        assert frames["articles"].empty
        assert frames["problems"]["file"].tolist() == [str(path)]
    assert summary.documents == 1


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".jsonl"]),
       header=st.sampled_from([b"", b"id,title,text\n", b'{"text": "first"}\n']))
def test_an_export_of_any_bytes_reads_or_is_refused_by_name(tmp_path_factory: pytest.TempPathFactory, data: bytes,
                                                           suffix: str, header: bytes) -> None:
    path = tmp_path_factory.mktemp("export") / f"export{suffix}"
    path.write_bytes(header + data)
    try:
        items = list(iter_archive(path))
    except InputError as err:
        assert str(path) in str(err)
        return
    for item in items:
        assert isinstance(item, (RawDocument, Problem))
        if isinstance(item, RawDocument):
            item.text.encode("utf-8")  # no undecodable bytes left in the text
    process_chunk([(str(i), item) for i, item in enumerate(items)])


# --- Dask --------------------------------------------------------------------------------------

def test_dask_cluster_gives_the_local_tables_row_for_row(
        synthetic: Path, synthetic_tables: dict[str, pd.DataFrame], tmp_path: Path) -> None:
    distributed = pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed "
                                      "(pip install 'peacetalks[dask]')")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        summary = pipeline.extract(synthetic, tmp_path, engine="dask", scheduler=cluster.scheduler_address,
                                   chunk_size=5)
    assert summary.extracted == 24
    assert_same_tables(pipeline.read_tables(tmp_path), synthetic_tables)


def test_dask_engine_without_scheduler_starts_its_own_cluster(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    corpus = tiny_corpus(tmp_path / "corpus", 4)
    pipeline.extract(corpus, tmp_path / "out", engine="dask", workers=2, chunk_size=2)
    assert pipeline.read_tables(tmp_path / "out")["articles"]["id"].tolist() == [f"a{i:04d}" for i in range(4)]


def test_unreachable_scheduler_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed")
    import dask

    corpus = tiny_corpus(tmp_path / "corpus", 1)
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        with pytest.raises(InputError, match="cannot connect to the Dask scheduler at tcp://127.0.0.1:9"):
            pipeline.extract(corpus, tmp_path / "out", engine="dask", scheduler="tcp://127.0.0.1:9")


def test_threads_extracting_at_once_give_the_rows_of_one_at_a_time() -> None:
    """The extractors keep caches (compiled codebook, word lists, sentence buffers): a notebook or a
    Dask worker with threads must get from each article the same rows as a single thread does."""
    from concurrent.futures import ThreadPoolExecutor

    from peacetalks.synthetic import generate

    docs = [RawDocument(a.id, f"{a.id}.txt", a.text, "utf-8", "") for a in generate(120, seed=3)]
    docs += [doc for doc in map(read_document, sorted(SEEDS.glob("*.txt"))) if isinstance(doc, RawDocument)]
    alone = [process_document(doc) for doc in docs]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads take turns as often as they can, so that a race shows
    try:
        with ThreadPoolExecutor(max_workers=4) as pool:
            together = list(pool.map(process_document, docs * 3))
    finally:
        sys.setswitchinterval(interval)
    assert together == alone * 3


def test_a_killed_runs_half_written_tables_are_cleared_by_the_next_run(tmp_path: Path) -> None:
    corpus = tiny_corpus(tmp_path / "corpus", 3)
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".articles.parquet.99999.tmp"  # what a run killed while writing its tables leaves
    stale.write_bytes(b"half a table")
    pipeline.extract(corpus, out, workers=1)
    assert not stale.exists()
    assert pipeline.read_tables(out)["articles"]["id"].tolist() == ["a0000", "a0001", "a0002"]
