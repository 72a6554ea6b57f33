"""The analyst's review loop: the queue (machine rows and candidates), the review panel driven through
ipywidgets' own API, the review file it writes (atomically, never over another's edit, undone byte for
byte), and the notebook 05_review run by papermill. Every test writes to a copy, never to seeds/."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest

import peacetalks
from peacetalks.tables import candidates
from peacetalks import cli
from peacetalks.report import reviewpanel
from peacetalks.tables.review import REVIEW_COLUMNS, apply_review, load_review

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
HEADER = ",".join(REVIEW_COLUMNS) + "\n"

ARTICLE = """\
Moscow backs new round of Syria talks

March 15, 2016

Russian Foreign Minister Sergei Lavrov said Moscow supports the peace talks in Geneva and hopes they succeed.

Ankara was still mulling the truce on Tuesday, Turkey's foreign minister said.

The weather in the city was cold <script>alert(1)</script> and the delegates stayed indoors.

Iran has not said whether Tehran will send anyone to the next meeting of the envoys.
"""
LAVROV = "Russian Foreign Minister Sergei Lavrov said Moscow supports the peace talks in Geneva and hopes they succeed."
TURKEY = "Ankara was still mulling the truce on Tuesday, Turkey's foreign minister said."


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def own_corpus(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("own")
    (folder / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    corpus = peacetalks.load_corpus(folder)
    # the tests need one machine row (Lavrov) and a candidate the machine did not code (Turkey): if the
    # machine learns to code TURKEY, write a sentence it still misses rather than loosen the tests
    assert list(zip(corpus.machine_stances.actor, corpus.machine_stances.quote)) == [("russia", LAVROV)]
    return corpus


@pytest.fixture
def review_file(tmp_path: Path) -> Path:
    path = tmp_path / "review.csv"
    path.write_text(HEADER, encoding="utf-8")
    return path


def rows_of(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# --- the queue ---------------------------------------------------------------------------------

def test_the_queue_lists_the_unreviewed_machine_row_first_then_candidates(own_corpus, review_file):
    queue = candidates.review_queue(own_corpus, review_file)
    assert list(queue.columns) == candidates.QUEUE_COLUMNS
    first = queue.iloc[0]
    assert (first.kind, first.actor, first.issue, first.polarity, first.quote) == (
        "machine", "russia", "negotiations", 1, LAVROV)
    machine = queue[queue["kind"] == "machine"]
    assert (queue["kind"] == "machine").tolist() == sorted((queue["kind"] == "machine").tolist(), reverse=True)
    cands = queue[queue["kind"] == "candidate"]
    # the machine did not code Turkey's undecided answer on the truce: the likeliest candidate, undecided
    top = cands.iloc[0]
    assert (top.actor, top.issue, top.polarity, top.quote) == ("turkey", "ceasefire", 0, TURKEY)
    # nor Iran's silence on the next meeting: a candidate too
    assert "iran" in set(cands["actor"])
    assert list(cands["score"]) == sorted(cands["score"], reverse=True)
    coded = set(zip(machine["actor"], machine["issue"]))
    assert not coded & set(zip(cands["actor"], cands["issue"])), "what the machine already has is no candidate"
    assert not cands["quote"].str.contains("weather").any(), "a sentence without an actor is no candidate"


def test_a_sentence_with_no_actor_or_no_issue_word_gives_no_candidate():
    body = ("The weather was cold and the city was quiet. The minister of Narnia praised the harvest. "
            "Turkey opened a new airport on Monday.")
    assert candidates.article_candidates("x", body, set()) == []


def test_the_queue_on_the_seeds(tmp_path: Path):
    corpus_dir = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus_dir)
    out = tmp_path / "queue.csv"
    assert cli.main(["review", str(corpus_dir), "--queue", str(out)]) == 0
    queue = pd.read_csv(out, dtype={"polarity": int})
    assert list(queue.columns) == candidates.QUEUE_COLUMNS
    corpus = peacetalks.load_corpus(corpus_dir)
    bodies = {r.id: " ".join(r.body.split()) for r in corpus.articles.itertuples()}
    # the seeds' review confirms every machine row: only candidates are left
    assert set(queue["kind"]) == {"candidate"}
    assert queue.groupby("article_id").size().max() <= candidates.PER_ARTICLE
    for row in queue.itertuples():
        assert " ".join(row.quote.split()) in bodies[row.article_id], "every quote is verbatim"
    reviewed = {(r.article_id, r.actor, r.issue) for r in load_review(corpus_dir / "review.csv", corpus.articles)}
    assert not reviewed & set(zip(queue["article_id"], queue["actor"], queue["issue"])), \
        "an actor and issue the review already decided never comes back"
    # without the review, every machine row waits in the queue, first in its article
    (corpus_dir / "review.csv").unlink()
    assert cli.main(["review", str(corpus_dir), "--queue", str(out)]) == 0
    queue = pd.read_csv(out)
    assert (queue["kind"] == "machine").sum() == len(corpus.machine_stances)
    for _, group in queue.groupby("article_id", sort=False):
        kinds = list(group["kind"])
        assert kinds == sorted(kinds, key=lambda k: k != "machine")


def test_queue_cells_cannot_run_as_formulas():
    queue = pd.DataFrame([{"article_id": "a1", "kind": "candidate", "actor": "russia", "issue": "ceasefire",
                           "polarity": -1, "quote": '=HYPERLINK("http://x.example","click")', "score": 0.5},
                          {"article_id": "@a2", "kind": "candidate", "actor": "iran", "issue": "negotiations",
                           "polarity": 1, "quote": "+1 more -- said the envoy", "score": 0.4}])
    out = io.StringIO()
    candidates.write_queue(queue, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["quote"].startswith("'=HYPERLINK") and rows[0]["polarity"] == "-1"
    assert rows[1]["quote"] == "'+1 more -- said the envoy" and rows[1]["article_id"] == "'@a2"


def test_candidate_word_examples_show_their_words():
    words = candidates.load_words()
    lists = {f"issues.{iw.issue}": iw.pattern for iw in words.issues}
    lists.update({f"positions.{p}": pattern for p, pattern in words.positions})
    lists["speech"] = words.speech
    for name, pattern in lists.items():
        assert words.examples[name], f"{name} has examples"
        for example in words.examples[name]:
            assert pattern.search(example), f"{name}: {example!r}"


# --- the panel ---------------------------------------------------------------------------------

def test_confirming_and_changing_a_candidate_writes_add_rows(own_corpus, review_file):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    panel.skip_button.click()  # the machine row waits at the end
    assert panel.current.kind == "candidate" and panel.current.actor == "turkey"
    panel.confirm_button.click()
    # the next candidate: change its code with the drop-downs, narrow the quote, then confirm
    panel.actor.value, panel.issue.value, panel.polarity.value = "iran", "negotiations", 0
    panel.quote.value = "Ankara was still mulling the truce"
    panel.confirm_button.click()
    rows = rows_of(review_file)
    assert rows[0] == {"article_id": "a1", "action": "add", "actor": "turkey", "issue": "ceasefire",
                       "polarity": "0", "quote": TURKEY, "note": ""}
    assert rows[1]["action"] == "add" and (rows[1]["actor"], rows[1]["issue"], rows[1]["polarity"]) == (
        "iran", "negotiations", "0")
    assert rows[1]["quote"] == "Ankara was still mulling the truce"
    # the build reads the file: the additions are analyst rows of the final table
    final = apply_review(own_corpus.machine_stances, own_corpus.articles, review_file)
    assert {("turkey", "ceasefire", 0), ("iran", "negotiations", 0)} <= {
        (r.actor, r.issue, r.polarity) for r in final.itertuples() if r.coded_by == "analyst"}


def test_machine_row_confirm_correct_recode_and_reject(own_corpus, tmp_path):
    def decide(action) -> list[dict[str, str]]:
        path = tmp_path / f"{action.__name__}.csv"
        path.write_text(HEADER, encoding="utf-8")
        panel = reviewpanel.review_panel(own_corpus, path)
        assert panel.current.kind == "machine"
        action(panel)
        return rows_of(path)

    def confirm(panel): panel.confirm_button.click()
    def correct(panel): panel.polarity.value = -1; panel.confirm_button.click()
    def recode(panel): panel.issue.value = "ceasefire"; panel.confirm_button.click()
    def reject(panel): panel.reject_button.click()

    assert [(r["action"], r["polarity"]) for r in decide(confirm)] == [("confirm", "1")]
    assert [(r["action"], r["polarity"]) for r in decide(correct)] == [("correct", "-1")]
    assert [(r["action"], r["issue"]) for r in decide(recode)] == [("reject", "negotiations"), ("add", "ceasefire")]
    assert [(r["action"], r["actor"], r["quote"]) for r in decide(reject)] == [("reject", "russia", LAVROV)]
    # the state of review says what became of the machine's row
    states = {}
    for name in ("confirm", "correct", "recode", "reject"):
        state = candidates.review_state(own_corpus, tmp_path / f"{name}.csv").set_index("article_id").loc["a1"]
        states[name] = (state["confirmed"], state["corrected"], state["rejected"], state["unreviewed"])
    assert states == {"confirm": (1, 0, 0, 0), "correct": (0, 1, 0, 0), "recode": (0, 1, 0, 0), "reject": (0, 0, 1, 0)}


def test_a_quote_not_in_the_article_is_refused(own_corpus, review_file):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    before = review_file.read_bytes()
    panel.quote.value = "Lavrov said Moscow will never talk again."
    panel.confirm_button.click()
    assert review_file.read_bytes() == before
    assert "verbatim" in panel.message.value


def test_decisions_made_never_come_back(own_corpus, review_file):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    total = panel.remaining
    panel.confirm_button.click()  # the machine row
    panel.reject_button.click()  # the best candidate: set aside
    assert panel.remaining == total - 2
    again = reviewpanel.review_panel(own_corpus, review_file)
    assert again.remaining == total - 2
    keys = {(i.kind, i.actor, i.issue) for i in again.items}
    assert ("machine", "russia", "negotiations") not in keys and ("candidate", "turkey", "ceasefire") not in keys
    # a set-aside candidate is a standing decision, not a problem of the build
    problems: list = []
    apply_review(own_corpus.machine_stances, own_corpus.articles, review_file, problems=problems)
    assert problems == []


def test_undo_restores_the_file_byte_for_byte(own_corpus, tmp_path):
    path = tmp_path / "review.csv"
    shutil.copy(SEEDS / "review.csv", path)  # the seeds' file, with its CRLF line endings
    corpus = peacetalks.load_corpus(SEEDS)
    original = path.read_bytes()
    panel = reviewpanel.review_panel(corpus, path)
    first = panel.current
    panel.confirm_button.click()
    after_one = path.read_bytes()
    assert after_one.startswith(original) and after_one.endswith(b"\r\n")
    panel.reject_button.click()
    panel.undo_button.click()
    assert path.read_bytes() == after_one
    panel.undo_button.click()
    assert path.read_bytes() == original
    assert panel.current == first, "the undone card is shown again"
    assert panel.undo_button.disabled


def test_undo_of_the_first_decision_removes_a_file_the_panel_created(own_corpus, tmp_path):
    path = tmp_path / "new-review.csv"
    panel = reviewpanel.review_panel(own_corpus, path)
    panel.confirm_button.click()
    assert rows_of(path)[0]["action"] == "confirm"
    panel.undo_button.click()
    assert not path.exists()


def test_an_edit_made_meanwhile_is_detected_and_not_overwritten(own_corpus, review_file):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    panel.confirm_button.click()
    # someone else adds a row by hand while the panel is open
    with review_file.open("a", encoding="utf-8") as handle:
        handle.write(f'a1,add,iran,negotiations,0,"{ARTICLE.splitlines()[-1]}",typed by hand\n')
    edited = review_file.read_bytes()
    panel.reject_button.click()
    assert review_file.read_bytes() == edited, "the other edit is kept"
    assert "changed by someone else" in panel.message.value and "NOT written" in panel.message.value
    panel.undo_button.click()  # undo would overwrite the other edit: refused
    assert review_file.read_bytes() == edited
    # the panel has taken the file as it is: the next decision is appended after the other edit
    panel.reject_button.click()
    assert review_file.read_bytes().startswith(edited) and len(rows_of(review_file)) == 3
    assert not any(i.actor == "iran" and i.issue == "negotiations" for i in
                   (panel.items[j] for j in panel.order)), "the hand-typed decision took its card out"


def test_a_failed_write_leaves_the_file_as_it_was(own_corpus, review_file, monkeypatch):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    before = review_file.read_bytes()

    def crash(*_args):
        raise OSError("disk gone")
    monkeypatch.setattr(reviewpanel.os, "replace", crash)
    panel.confirm_button.click()
    assert review_file.read_bytes() == before
    assert [p.name for p in review_file.parent.iterdir()] == ["review.csv"], "no temporary file is left behind"
    assert "could not write" in panel.message.value and panel.current.kind == "machine"


def test_the_review_file_survives_a_killed_kernel(tmp_path: Path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a1.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "review.csv").write_text(HEADER, encoding="utf-8")
    script = textwrap.dedent(f"""
        import os, signal, peacetalks
        panel = peacetalks.review_panel({str(folder)!r})
        panel.confirm_button.click()
        panel.skip_button.click()
        panel.quote.value = "Ankara was still mulling the truce"
        os.kill(os.getpid(), signal.SIGKILL)  # killed while the analyst edits the next card
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert result.returncode == -9
    corpus = peacetalks.load_corpus(folder)
    rows = load_review(folder / "review.csv", corpus.articles)
    assert [(r.action, r.actor, r.issue) for r in rows] == [("confirm", "russia", "negotiations")]
    assert corpus.stances["coded_by"].tolist() == ["machine, confirmed"]


def test_the_card_escapes_article_text_and_marks_the_quote():
    body = "First <b>bold</b> sentence here. Russia backs the <script>alert(1)</script> truce now. Last one & done."
    card = reviewpanel.card_html(body, "Russia backs the <script>alert(1)</script> truce now.", "Title <i>x</i>")
    assert "<script>" not in card and "<b>bold" not in card and "<i>x" not in card
    assert "<mark>Russia backs the &lt;script&gt;alert(1)&lt;/script&gt; truce now.</mark>" in card
    assert "First &lt;b&gt;bold&lt;/b&gt; sentence here." in card and "Last one &amp; done." in card


def test_the_panel_card_shows_neighbours(own_corpus, review_file):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    panel.skip_button.click()
    assert panel.current.quote == TURKEY
    assert f"<mark>{TURKEY.replace(chr(39), '&#x27;')}</mark>" in panel.card.value
    assert "Lavrov" in panel.card.value and "weather" in panel.card.value  # the sentences either side


# --- the notebook ------------------------------------------------------------------------------

@pytest.mark.slow
def test_notebook_05_runs_headless_with_papermill(tmp_path: Path):
    import papermill

    corpus_dir = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus_dir)
    review = tmp_path / "review-copy.csv"
    shutil.copy(SEEDS / "review.csv", review)
    seeds_hash = sha(SEEDS / "review.csv")
    out = tmp_path / "05.ipynb"
    papermill.execute_notebook(str(REPO / "notebooks" / "05_review.ipynb"), str(out), kernel_name="python3",
                               progress_bar=False, cwd=str(REPO / "notebooks"),
                               parameters={"corpus": str(corpus_dir), "review_file": str(review)})
    cells = json.loads(out.read_text(encoding="utf-8"))["cells"]
    outputs = [o for c in cells for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    state = next(o for o in outputs if "text/html" in o.get("data", {}))
    assert "candidates left" in "".join(state["data"]["text/html"])
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs), "the panel is drawn"
    assert review.read_bytes() == (SEEDS / "review.csv").read_bytes() and sha(SEEDS / "review.csv") == seeds_hash


def test_a_bad_word_list_is_an_error_naming_the_entry(tmp_path: Path):
    from peacetalks.sources.problems import InputError

    path = tmp_path / "words.yaml"
    path.write_text("issues:\n  airspace:\n    words: [no-fly zone]\nspeech:\n  words: [said]\n", encoding="utf-8")
    with pytest.raises(InputError, match="issues.airspace: not an issue of the codebook"):
        candidates.load_words(path)
    path.write_text("issues:\n  ceasefire:\n    words: [tru*ce]\nspeech:\n  words: [said]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"issues.ceasefire.words\[0\]"):
        candidates.load_words(path)


def test_one_key_decides(own_corpus, review_file):
    panel = reviewpanel.review_panel(own_corpus, review_file)
    panel.keys.value = "s"  # skip the machine row
    assert (panel.current.kind, panel.current.actor, panel.current.issue) == ("candidate", "turkey", "ceasefire")
    panel.keys.value = "c"  # confirm the candidate
    assert panel.keys.value == ""
    following = panel.current
    panel.keys.value = "R"  # reject the next one
    rows = rows_of(review_file)
    assert [(r["action"], r["actor"], r["issue"], r["quote"]) for r in rows] == [
        ("add", "turkey", "ceasefire", TURKEY), ("reject", following.actor, following.issue, following.quote)]
    panel.keys.value = "u"
    assert rows_of(review_file) == rows[:1]


# --- the stance chart tells reviewed rows from the machine's unreviewed ones -------------------------

def _legend_labels(figure) -> list[str]:
    return [text.get_text() for ax in figure.axes if ax.get_legend() for text in ax.get_legend().get_texts()]


def test_the_stance_timeline_rings_rows_no_analyst_has_reviewed(own_corpus):
    from peacetalks.report import charts

    articles = own_corpus.articles
    unreviewed = own_corpus.machine_stances  # coded_by "machine": nobody has looked at them
    figure = charts.stance_timeline(charts.stance_data(unreviewed, articles), "note")
    assert "machine's, not\nreviewed yet" in _legend_labels(figure)
    reviewed = unreviewed.assign(coded_by="machine, confirmed")
    figure = charts.stance_timeline(charts.stance_data(reviewed, articles), "note")
    assert not [label for label in _legend_labels(figure) if "not\nreviewed" in label]
    assert charts.not_reviewed("machine | analyst") and not charts.not_reviewed("machine, confirmed | analyst")
