"""The evidence view: an article with its casualty figures and stance quotes marked, its text escaped."""
from __future__ import annotations

from pathlib import Path

from peacetalks import load_corpus, tables
from peacetalks.report.evidence import EvidenceView, evidence

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"


def test_seed_article_marks_every_casualty_sentence_and_stance_quote():
    corpus = load_corpus(SEEDS_DIR)
    article_id = "002_4080d963fd1f8c6e"
    view = evidence(corpus, article_id)
    page = view._repr_html_()
    n_casualties = (corpus.casualties.article_id == article_id).sum()
    n_stances = (corpus.stances.article_id == article_id).sum()
    assert n_casualties >= 1 and n_stances >= 5
    assert view.unplaced == []
    assert page.count('class="pt-label"') == n_casualties + n_stances
    assert page.count("pt-casualty") >= n_casualties and "pt-stance" in page
    assert "russia · engage_opposition -1" in page
    assert "syrian_opposition · negotiations +1 · 2015-08-01" in page


HOSTILE = 'Russia <script>alert("x")</script> backed the truce & more. The "end" <img src=x onerror=alert(1)>.'


def test_article_text_is_escaped_everywhere():
    article = {"id": "evil", "title": "<b>Title</b>", "body": HOSTILE, "source": None, "published": None}
    casualties = tables.frame([{"article_id": "evil", "value": 5, "value_high": None, "qualifier": "exact",
                                "kind": "killed", "subject": "syria_event",
                                "sentence": 'The "end" <img src=x onerror=alert(1)>.'}], tables.CASUALTY_COLUMNS)
    stances = tables.frame([{"article_id": "evil", "actor": "russia", "issue": "ceasefire", "polarity": 1,
                             "quote": 'Russia <script>alert("x")</script> backed the truce & more.',
                             "speaker": None, "as_of": None, "as_of_basis": "unknown", "coded_by": "machine",
                             "note": None}], tables.STANCE_COLUMNS)
    page = EvidenceView(article, casualties, stances)._repr_html_()
    assert "<script" not in page and "<img" not in page and "<b>Title" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page and "&amp; more" in page
    assert page.count('class="pt-label"') == 2


def test_overlapping_marks_and_missing_quotes():
    article = {"id": "a", "title": "t", "body": "One two three four five.\n\nSix seven.", "published": "2016-01-01"}
    stances = tables.frame([
        {"article_id": "a", "actor": "iran", "issue": "negotiations", "polarity": 1, "quote": "two three four",
         "as_of": "2016-01-01", "coded_by": "machine"},
        {"article_id": "a", "actor": "turkey", "issue": "negotiations", "polarity": -1, "quote": "three four five.",
         "as_of": "2016-01-01", "coded_by": "analyst"},
        {"article_id": "a", "actor": "iran", "issue": "ceasefire", "polarity": 0, "quote": "not in the text",
         "as_of": "2016-01-01", "coded_by": "analyst"},
    ], tables.STANCE_COLUMNS)
    view = EvidenceView(article, tables.frame([], tables.CASUALTY_COLUMNS), stances)
    page = view._repr_html_()
    assert view.unplaced == ["iran · ceasefire 0 · 2016-01-01"]
    assert 'title="iran · negotiations +1 · 2016-01-01; turkey · negotiations -1 · 2016-01-01">three four</mark>' in page
    assert page.count("<p>") >= 2
