"""Sentence splitting: abbreviations stay inside their sentence, and offsets point into the body."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from peacetalks.sentences import sentence_spans, split_sentences


@pytest.mark.parametrize("text, expected", [
    ("The U.S. and the U.N. met on Jan. 7 in Moscow. It went well.",
     ["The U.S. and the U.N. met on Jan. 7 in Moscow.", "It went well."]),
    ('Assad said the proposal was "worth studying." Lavrov agreed.',
     ['Assad said the proposal was "worth studying."', "Lavrov agreed."]),
    ("Mr. Kerry arrived at 5 p.m. Friday. He left.", ["Mr. Kerry arrived at 5 p.m. Friday.", "He left."]),
    ("Russia\u2019s top diplomat \u2014 \u201cmet\u201d him. He said \u00e9t\u00e9.",
     ["Russia\u2019s top diplomat \u2014 \u201cmet\u201d him.", "He said \u00e9t\u00e9."]),
])
def test_sentences(text, expected):
    assert [s.text for s in split_sentences(text)] == expected


def test_offsets_point_into_the_body_across_paragraphs():
    body = "First paragraph here. Second sentence \u00e9.\n\nThe U.N. envoy spoke. Done."
    sentences = split_sentences(body)
    assert [s.paragraph for s in sentences] == [0, 0, 1, 1]
    for sentence in sentences:
        assert body[sentence.start:sentence.end] == sentence.text


@given(st.text(max_size=300))
def test_spans_cover_text_in_order(text):
    spans = sentence_spans(text)
    assert all(0 <= start <= end <= len(text) for start, end in spans)
    assert [start for start, _ in spans] == sorted(start for start, _ in spans)


def _blingfire_spans(text: str) -> list[tuple[int, int]]:
    """Character spans by blingfire's own Python wrapper (slow, but the reference)."""
    import blingfire
    _, offsets = blingfire.text_to_sentences_and_offsets(text)
    return [(start, end) for start, end in offsets]


@given(st.text(alphabet=st.sampled_from("ab. ?!\u00e9\u2019\u201c\nUS"), max_size=200))
def test_spans_equal_blingfires_wrapper(text):
    # the ASCII shortcut (offsets read straight from the C arrays) and the non-ASCII byte mapping alike
    if text.strip():
        assert sentence_spans(text) == _blingfire_spans(text)


@given(st.text(alphabet=st.sampled_from("ab. \n\u00e9U"), max_size=200))
def test_paragraph_sentences_are_the_body_sentences_of_that_paragraph(text):
    from peacetalks.sentences import paragraph_sentences, paragraphs
    pieces = [paragraph_sentences(part, start, index) for index, (start, _end, part) in enumerate(paragraphs(text))]
    assert [s for piece in pieces for s in piece] == split_sentences(text)


@given(st.text(alphabet=st.sampled_from("a \n\t\u00a0\u2003."), max_size=80))
def test_paragraphs_are_the_non_blank_stretches_between_blank_lines(text):
    import re
    from peacetalks.sentences import paragraphs
    cuts = [0] + [i for m in re.finditer(r"\n\s*\n", text) for i in m.span()] + [len(text)]
    stretches = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    assert list(paragraphs(text)) == [(a, b, text[a:b]) for a, b in stretches if text[a:b].strip()]


@given(st.text(alphabet=st.sampled_from("ab. \n\u00e9U"), max_size=200))
def test_shared_splits_give_the_sentences_each_reader_would_cut(text):
    from peacetalks.sentences import paragraph_sentences, paragraphs, shared_splits
    alone = split_sentences(text)
    with shared_splits():
        first = split_sentences(text)
        again = [s for index, (start, _end, part) in enumerate(paragraphs(text))
                 for s in paragraph_sentences(part, start, index)]
    assert first == again == alone


def test_shared_splits_cut_each_paragraph_once(monkeypatch):
    import peacetalks.sentences as sentences
    calls = []
    cut = sentences.sentence_spans
    monkeypatch.setattr(sentences, "sentence_spans", lambda text: calls.append(text) or cut(text))
    body = "Talks resumed in Geneva. Envoys met.\n\nA strike killed 20 people. It was condemned."
    with sentences.shared_splits():
        split_sentences(body)
        split_sentences(body)
    assert len(calls) == 2  # two paragraphs, each cut once
    split_sentences(body)
    assert len(calls) == 4  # outside, the cuts are not kept


def test_extraction_cuts_each_paragraph_of_a_batch_once(monkeypatch):
    """The casualty and stance readers both read these paragraphs (a toll, and talks): one cut each."""
    import peacetalks.sentences as sentences
    from peacetalks.extract.document import process_documents
    from peacetalks.sources.documents import RawDocument
    cuts = []
    cut = sentences.sentence_spans
    monkeypatch.setattr(sentences, "sentence_spans", lambda text: cuts.append(text) or cut(text))
    text = ("Envoys gather for talks on Syria\n\nRussia said it supported the peace talks in Geneva on Syria. "
            "The war has killed more than 300,000 people.\n\nThe opposition rejected the ceasefire, and shelling "
            "killed 20 people in Aleppo on Monday.\n")
    docs = [RawDocument(f"a{i}", f"a{i}.txt", text, "utf-8", "") for i in range(2)]
    results = process_documents(docs)
    assert all(r.casualties and r.stances for r in results)
    assert len(cuts) == len(set(cuts))  # no paragraph cut twice
