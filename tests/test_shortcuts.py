"""The extractors' speed shortcuts give exactly what the plain scans give.

The codebook and cue files are edited by analysts; these checks keep the shortcuts (name starts,
cue literals, number starts) honest for any entry they add, on real sentences and arbitrary text.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from peacetalks import load_corpus
from peacetalks.extract.codebook import load_codebook
from peacetalks.extract.numbers import _CORE_FOLDED, _core_pattern, _matches_at_number_starts
from peacetalks.sentences import split_sentences
from peacetalks.extract.words import fold

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev"
CODEBOOK = load_codebook()


def sentences() -> list[str]:
    folders = [ROOT / "seeds"] + ([DEV] if DEV.is_dir() else [])
    found = []
    for folder in folders:
        for body in load_corpus(folder).articles["body"].dropna():
            found.extend(s.text for s in split_sentences(body))
    return found


SENTENCES = sentences()
WORDS = st.sampled_from("Russia Moscow Lavrov Assad Damascus opposition rebels Kerry U.S. U.N. de Mistura "
                        "ceasefire cease-fire truce talks negotiations boycott transition killed 250,000 "
                        "a quarter of a million thousands hundreds more than some not but did said".split()
                        # letters a case-insensitive pattern equates with another ASCII letter: İ ı ſ K(elvin)
                        + ["\u0130ran", "\u0131ran", "Mo\u017fcow", "\u212aerry", "cea\u017fefire"])
PHRASES = st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=25).map(" ".join)


def plain_mentions(text: str) -> list:
    return [CODEBOOK._mention(match) for match in CODEBOOK._mentions.finditer(text)]


def test_real_sentences_are_read():
    assert len(SENTENCES) >= 60  # the seeds alone give 64; the dev corpus, when present, many more


@pytest.mark.parametrize("index", range(0, 400, 7))
def test_mentions_equal_the_plain_scan_on_real_sentences(index):
    sentence = SENTENCES[index % len(SENTENCES)]
    assert CODEBOOK.mentions(sentence) == plain_mentions(sentence)


@settings(max_examples=300, deadline=None)
@given(PHRASES)
def test_mentions_equal_the_plain_scan_on_any_text(text):
    assert CODEBOOK.mentions(text) == plain_mentions(text)


# each cue's expressions compiled case-insensitively: the plain reading the folded patterns must agree with
_PLAIN = [(cue, re.compile(cue.pattern, re.IGNORECASE), re.compile(cue.needs, re.IGNORECASE) if cue.needs else None)
          for cue in CODEBOOK.cues]


def _cues_that_match(text: str) -> list:
    return [cue for cue, pattern, needs in _PLAIN if pattern.search(text) and (needs is None or needs.search(text))]


def test_every_matching_cue_is_a_possible_cue_on_real_sentences():
    for sentence in SENTENCES:
        possible = CODEBOOK.possible_cues(sentence)
        assert all(cue in possible for cue in _cues_that_match(sentence)), sentence


@settings(max_examples=300, deadline=None)
@given(PHRASES)
def test_every_matching_cue_is_a_possible_cue_on_any_text(text):
    possible = CODEBOOK.possible_cues(text)
    assert all(cue in possible for cue in _cues_that_match(text))


def test_a_string_whose_letters_are_in_no_other_cue_still_counts():
    # " to leave" is a string of a set with a two-letter word (" to go"); "leave" is in no other cue
    text = "Riyadh insists that Assad has to leave."
    assert _cues_that_match(text) and all(cue in CODEBOOK.possible_cues(text) for cue in _cues_that_match(text))


BODIES = [" ".join(SENTENCES[i:i + 9]) + "\n\n" + " ".join(SENTENCES[i + 9:i + 15]) for i in range(0, 360, 15)]


@pytest.mark.parametrize("body", BODIES[:24])
def test_cue_spots_of_a_body_allow_every_cue_that_matches_in_a_stretch_of_it(body):
    spots = CODEBOOK.cue_spots(body)
    for sentence in split_sentences(body):
        text = body[sentence.start:sentence.end]
        assert all(cue in spots.within(sentence.start, sentence.end) for cue in _cues_that_match(text)), text
        assert spots.any_within(sentence.start, sentence.end) == bool(spots.within(sentence.start, sentence.end))
    assert bool(spots) == spots.any_within(0, len(body))


@settings(max_examples=200, deadline=None)
@given(st.lists(PHRASES, min_size=1, max_size=6), st.data())
def test_cue_spots_allow_every_cue_that_matches_in_any_stretch(parts, data):
    body = ". ".join(parts)
    spots = CODEBOOK.cue_spots(body)
    start = _word_start(body, data.draw(st.integers(0, len(body))))
    end = data.draw(st.integers(start, len(body)))
    possible = list(CODEBOOK.cues) if spots is None else spots.within(start, end)
    assert all(cue in possible for cue in _cues_that_match(body[start:end]))


LITERALS = st.sampled_from(sorted({s for cue in CODEBOOK.cues for x in cue.literals for s in x}))


def _word_start(text: str, offset: int) -> int:
    """The start of the word `offset` is in (a stretch the reader reads, a sentence, never starts inside a word)."""
    while offset and "a" <= fold(text[offset - 1]) <= "z":
        offset -= 1
    return offset


def _counts(string: str, lowered: str) -> bool:
    """Whether `string` is in `lowered` where it counts: a string that starts with a letter a-z, only where
    no letter a-z comes just before it (it comes from a word of a phrase, which a match has only there)."""
    if "a" <= string[0] <= "z":
        return bool(re.search("(?<![a-z])" + re.escape(string), lowered))
    return string in lowered


def _plain_present(lowered: str) -> list[int]:
    """The cues (indexes) that have a string of each of their literal sets in `lowered`, by plain search."""
    return [index for index, cue in enumerate(CODEBOOK.cues) if all(any(_counts(s, lowered) for s in x) for x in cue.literals)]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LITERALS, WORDS, st.text(max_size=4)), min_size=1, max_size=40).map(" ".join), st.data())
def test_cue_spots_within_a_stretch_are_the_cues_whose_literals_it_has(body, data):
    spots = CODEBOOK.cue_spots(body)
    start = _word_start(body, data.draw(st.integers(0, len(body))))
    end = data.draw(st.integers(start, len(body)))
    plain = [CODEBOOK.cues[index] for index in _plain_present(fold(body)[start:end])]
    assert spots.within(start, end) == plain
    assert spots.any_within(start, end) == bool(plain)


def test_the_cue_filter_checks_each_literal_set_of_each_cue():
    sets = CODEBOOK._cue_filter.sets
    for cue, needs in zip(CODEBOOK.cues, CODEBOOK._cue_filter.needs):
        assert {x for bit, x in enumerate(sets) if needs >> bit & 1} == set(cue.literals), cue.where


def test_the_cue_filter_finds_exactly_the_cues_whose_literals_a_real_sentence_has():
    for sentence in SENTENCES:
        lowered = sentence.lower()
        assert CODEBOOK._cue_filter.present(lowered)[0] == _plain_present(lowered), sentence


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LITERALS, WORDS, st.text(max_size=4)), max_size=30).map(" ".join))
def test_the_cue_filter_finds_exactly_the_cues_whose_literals_a_text_has(text):
    lowered = text.lower()
    present, occurrences = CODEBOOK._cue_filter.present(lowered)
    assert present == _plain_present(lowered)
    sets = CODEBOOK._cue_filter.sets
    wanted = {s for index in present for bit, x in enumerate(sets) if CODEBOOK._cue_filter.needs[index] >> bit & 1
              for s in x}
    # every occurrence of the strings the cues present are checked by, by the offset of its last character
    plain = sorted((i + len(s) - 1, s) for s in wanted for i in range(len(lowered)) if lowered.startswith(s, i)
                   and not ("a" <= s[0] <= "z" and i and "a" <= lowered[i - 1] <= "z"))
    found = [(last, s) for last, (_sets, _length, s, _word) in occurrences]
    assert sorted(found) == plain
    assert [last for last, _s in found] == [last for last, _s in plain]
    # each reported with its length and the sets it is in
    assert all(length == len(s) and in_sets == sum(1 << bit for bit, x in enumerate(sets) if s in x)
               for _last, (in_sets, length, s, _word) in occurrences)


_CORE = re.compile(_core_pattern(with_fractions=True), re.IGNORECASE)  # the plain scan


def _number_matches(text: str) -> list[tuple[int, int]]:
    """What find_quantities scans: the folded pattern tried only at number starts."""
    folded = fold(text)
    return [m.span() for m in _matches_at_number_starts(_CORE_FOLDED, folded, folded)]


def test_number_starts_equal_the_plain_scan_on_real_sentences():
    for sentence in SENTENCES:
        assert _number_matches(sentence) == [m.span() for m in _CORE.finditer(sentence)]


@settings(max_examples=300, deadline=None)
@given(PHRASES)
def test_number_starts_equal_the_plain_scan_on_any_text(text):
    assert _number_matches(text) == [m.span() for m in _CORE.finditer(text)]


def _folded_cue_spans(text: str, lo: int, hi: int) -> list:
    """What the stance reader finds: each cue's (and its `needs`') pattern compiled for the folded text."""
    folded = fold(text)
    return [[m.span() for m in pattern.finditer(folded, lo, hi)]
            for cue in CODEBOOK.cues for pattern in (cue.folded, cue.needs_folded) if pattern is not None]


def _plain_cue_spans(text: str, lo: int, hi: int) -> list:
    return [[m.span() for m in pattern.finditer(text, lo, hi)]
            for _cue, plain, needs in _PLAIN for pattern in (plain, needs) if pattern is not None]


def test_folded_cue_patterns_find_what_the_case_insensitive_ones_find_in_real_sentences():
    for sentence in SENTENCES:
        assert _folded_cue_spans(sentence, 0, len(sentence)) == _plain_cue_spans(sentence, 0, len(sentence)), sentence


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(LITERALS, LITERALS.map(str.upper), LITERALS.map(str.title), WORDS, st.text(max_size=4)),
                max_size=30).map(" ".join), st.data())
def test_folded_cue_patterns_find_what_the_case_insensitive_ones_find_in_any_text(text, data):
    lo = data.draw(st.integers(0, len(text)))
    hi = data.draw(st.integers(lo, len(text)))
    assert _folded_cue_spans(text, lo, hi) == _plain_cue_spans(text, lo, hi)
