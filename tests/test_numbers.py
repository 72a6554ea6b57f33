"""Number phrases as news articles write them: digits, scale words, number words, fractions, vague plurals, hedges, ranges."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from peacetalks.extract.numbers import (_CORE_FOLDED, _CORE_WHOLE_FOLDED, _core_pattern,
                                _matches_at_number_starts, _number_starts, find_quantities, parse_number)
from peacetalks.extract.words import fold, folded_pattern
from peacetalks.schema import QUALIFIERS


@pytest.mark.parametrize("phrase, value", [
    ("200,000", 200_000),
    ("200 000", 200_000),
    ("200\u202f000", 200_000),
    ("230000", 230_000),
    ("2.5 million", 2_500_000),
    ("1.9 million", 1_900_000),
    ("250 thousand", 250_000),
    ("two hundred thousand", 200_000),
    ("Twenty-five", 25),
    ("sixty nine", 69),
    ("one hundred and five", 105),
    ("nine million", 9_000_000),
    ("a hundred", 100),
    ("a dozen", 12),
    ("two dozen", 24),
    ("a quarter of a million", 250_000),
    ("quarter of a million", 250_000),
    ("half a million", 500_000),
    ("a half million", 500_000),
    ("a third of a million", 333_333),
    ("three quarters of a million", 750_000),
    ("one and a half million", 1_500_000),
    ("dozens", 24),
    ("scores", 40),
    ("hundreds", 200),
    ("thousands", 2_000),
    ("tens of thousands", 20_000),
    ("hundreds of thousands", 200_000),
    ("many hundreds of thousands", 200_000),
    ("millions", 2_000_000),
])
def test_parse_number_reads_the_ways_articles_write_numbers(phrase: str, value: int) -> None:
    assert parse_number(phrase) == value


@pytest.mark.parametrize("phrase", ["", "people", "2.5", "the war", "a", "1/2"])
def test_parse_number_rejects_what_is_not_a_whole_count(phrase: str) -> None:
    assert parse_number(phrase) is None


def quantities(text: str) -> list[tuple[int, int | None, str]]:
    return [(q.value, q.value_high, q.qualifier) for q in find_quantities(text)]


@pytest.mark.parametrize("text, expected", [
    ("some 250,000", [(250_000, None, "approx")]),
    ("about 30", [(30, None, "approx")]),
    ("around five million", [(5_000_000, None, "approx")]),
    ("roughly 2,000", [(2_000, None, "approx")]),
    ("nearly 200,000", [(200_000, None, "approx")]),
    ("almost 200000", [(200_000, None, "approx")]),
    ("an estimated 170,000", [(170_000, None, "approx")]),
    ("close to 500000", [(500_000, None, "approx")]),
    ("more than a quarter of a million", [(250_000, None, "at_least")]),
    ("over 200", [(200, None, "at_least")]),
    ("at least 27", [(27, None, "at_least")]),
    ("upwards of 162,000", [(162_000, None, "at_least")]),
    ("100 or more", [(100, None, "at_least")]),
    ("up to 33", [(33, None, "at_most")]),
    ("as many as 200", [(200, None, "at_most")]),
    ("fewer than 50", [(50, None, "at_most")]),
    ("between 200,000 and 250,000", [(200_000, 250_000, "range")]),
    ("200,000-250,000", [(200_000, 250_000, "range")]),
    ("from 400 to well over 900", [(400, 900, "range")]),
    ("thousands", [(2_000, None, "at_least")]),
    ("some hundreds", [(200, None, "at_least")]),
    ("more than 100000people", [(100_000, None, "at_least")]),
    ("killed 18 and wounded 56", [(18, None, "exact"), (56, None, "exact")]),
])
def test_find_quantities_folds_in_hedges_and_ranges(text: str, expected: list) -> None:
    assert quantities(text) == expected


@pytest.mark.parametrize("text", ["the 11th day", "the 1970s", "an A320 airliner", "9/11", "half of 1/2"])
def test_find_quantities_skips_ordinals_decades_and_codes(text: str) -> None:
    assert quantities(text) == []


def test_a_smaller_second_number_is_not_a_range() -> None:
    assert quantities("a 116-15 vote") == [(116, None, "exact"), (15, None, "exact")]


def test_quantity_span_covers_hedge_and_number() -> None:
    text = "the fighting has killed more than 270,000 civilians"
    (q,) = find_quantities(text)
    assert text[q.start:q.end] == "more than 270,000"
    assert text[q.number_start:q.end] == "270,000"


@given(st.text(max_size=300))
def test_any_text_gives_well_formed_quantities(text: str) -> None:
    for q in find_quantities(text):
        assert isinstance(q.value, int) and q.value >= 0
        assert q.qualifier in QUALIFIERS
        assert (q.value_high is None) == (q.qualifier != "range")
        assert 0 <= q.start <= q.number_start < q.end <= len(text)


# Folded matching (numbers.fold, numbers.folded_pattern) is a speed shortcut for re.IGNORECASE: it must
# find exactly what re.IGNORECASE finds, on every character Unicode has.
EVERY_CHARACTER = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code < 0xE000)
EVERY_CHARACTER_FOLDED = fold(EVERY_CHARACTER)
PATTERN_CHARACTERS = [c for c in map(chr, range(32, 127)) if not c.isupper()] + list("’‘“”£€–—\u00a0\u202f\u2009")


def test_fold_keeps_every_offset() -> None:
    assert len(EVERY_CHARACTER_FOLDED) == len(EVERY_CHARACTER)  # (no character folds to fewer than one)


@pytest.mark.parametrize("element", [re.escape(c) for c in PATTERN_CHARACTERS]
                         + [r"[a-z]", r"[A-Za-z]", r"[otfsenhdq]", r"\w", r"\s", r"\d", r"[^\W\d_]", r"\b"])
def test_a_folded_pattern_matches_where_ignorecase_matches(element: str) -> None:
    ignorecase = [m.start() for m in re.finditer(element, EVERY_CHARACTER, re.IGNORECASE)]
    folded = [m.start() for m in folded_pattern(element).finditer(EVERY_CHARACTER_FOLDED)]
    assert folded == ignorecase


def test_folded_pattern_lowers_letters_but_not_escapes_or_group_names() -> None:
    assert folded_pattern(r"(?P<Kind>Killed)\W+\Z").pattern == r"(?P<Kind>killed)\W+\Z"


_CORE = re.compile(_core_pattern(with_fractions=True), re.IGNORECASE)  # the plain patterns, for reference
_CORE_WHOLE = re.compile(_core_pattern(with_fractions=False), re.IGNORECASE)
ODD_LETTERS = st.sampled_from(["ſix", "İ", "ı", "SIX", "Thousands", "İn", "fıve", "ſome 20", "K", "é", "’", "\u00a0"])
NUMBER_WORDS = st.sampled_from("killed 250,000 a quarter of a million thousands hundreds more than some two dozen "
                               "20-30 between and 1.5 million 11th 1970s 100000people A an An-estimated a-dozen few "
                               "half third two-thirds three-quarters sixty-one hundred Twelve tens of 7 one and a "
                               "several many scores x12 4a a4".split())
NUMBER_TEXT = st.lists(st.one_of(NUMBER_WORDS, NUMBER_WORDS, ODD_LETTERS, st.text(max_size=5)), max_size=20)


@settings(max_examples=500, deadline=None)
@given(NUMBER_TEXT.map(" ".join), NUMBER_TEXT.map("".join))
def test_number_starts_hold_every_plain_match_start(spaced: str, glued: str) -> None:
    for text in (spaced, glued, spaced.encode("ascii", "ignore").decode()):
        folded = fold(text)
        starts = set(_number_starts(folded))
        assert all(m.start() in starts for m in _CORE_FOLDED.finditer(folded)), text


@settings(max_examples=300, deadline=None)
@given(NUMBER_TEXT.map(" ".join))
def test_folded_number_scan_finds_what_the_plain_scan_finds(text: str) -> None:
    folded = fold(text)
    for core, plain in [(_CORE_FOLDED, _CORE), (_CORE_WHOLE_FOLDED, _CORE_WHOLE)]:
        assert ([m.span() for m in _matches_at_number_starts(core, folded, folded)]
                == [m.span() for m in plain.finditer(text)])


# --- hyphenated fractions, scales glued to digits, changes that are not ranges ------------------------


@pytest.mark.parametrize("text, expected", [
    ("a half-million people", [(500_000, None, "exact")]),
    ("a quarter-million refugees", [(250_000, None, "exact")]),
    ("more than 5m Syrians", [(5_000_000, None, "at_least")]),
    ("some 6.1mn people", [(6_100_000, None, "approx")]),
    ("nearly 400K people", [(400_000, None, "approx")]),
    ("a wall 5m high", []),
    ("the wall was 5m.", []),
    ("the 11th hour of the 1970s", []),
    ("the toll has climbed from 14,000 to more than 39,000", [(14_000, None, "exact"), (39_000, None, "at_least")]),
    ("the number fell from 300 to 120", [(300, None, "exact"), (120, None, "exact")]),
    ("from 400 to well over 900", [(400, 900, "range")]),
    ("between 200,000 and 250,000", [(200_000, 250_000, "range")]),
])
def test_more_number_phrases(text: str, expected: list[tuple]) -> None:
    assert [(q.value, q.value_high, q.qualifier) for q in find_quantities(text)] == expected
