"""The articles table for the seeds: what an analyst checks first (title, source, wire, url, date and basis, body)."""
from __future__ import annotations

from pathlib import Path

import pytest

from peacetalks import load_corpus

SEEDS_DIR = Path(__file__).resolve().parents[1] / "seeds"

SEEDS = {
    "000_31af734b83fe35fd": dict(
        title="Lavrov: Russia 'Optimistic' on Syria Peace Talks Early Next Year", source="The Moscow Times", wire=None,
        url="https://www.themoscowtimes.com/2014/12/16/lavrov-russia-optimistic-on-syria-peace-talks-early-next-year-a42358",
        published="2014-12-16", date_basis="text"),
    "001_f28c59c2abde53d5": dict(
        title="Russia's Lavrov Meets With UN Envoy Over Syrian Peace Talks", source="Bloomberg", wire=None, url=None,
        published="2016-04-05", date_basis="catalog"),
    "002_4080d963fd1f8c6e": dict(
        title="Russia Pushes For Peace Talks to End Syrian Crisis", source=None, wire="Reuters", url=None,
        published="2015-11-03", date_basis="catalog"),
    "003_7fc47b8e35ca04f0": dict(
        title="Russia Preparing Another Meeting Between Syrian Government, Armed Opposition", source="Sputnik",
        wire=None, url=None, published="2017-02-12", date_basis="text"),
    "004_a01c19d0737ad53c": dict(
        title="Russia Warns Syrian Opposition Not to Snub Peace Talks in Moscow", source="The Moscow Times", wire=None,
        url=None, published="2015-01-21", date_basis="catalog"),
}

# The opening words of every real paragraph, in order: the body keeps all of them and nothing else.
PARAGRAPHS = {
    "000_31af734b83fe35fd": [
        "Russia is optimistic at the prospect", "Moscow, an ally of the Syrian government", '"So far from what we hear',
        "Lavrov said he wanted Syrian opposition groups", "In a separate initiative, the UN mediator",
        "Syrian President Bashar Assad said in November", '"We would be supportive of his efforts,"',
        "Russia has long backed Assad", "The Syrian conflict began with street protests"],
    "001_f28c59c2abde53d5": [  # the bullet summary under the headline is the reporter's own: it stays
        "Lavrov sees De Mistura amid optimism", "Assad still sticking to stance", "Russia\u2019s top diplomat met", "Foreign Minister Sergei Lavrov held talks", "The UN-sponsored talks in Switzerland",
        "At the meeting with Lavrov", "Russian Deputy Foreign Minister Sergei Ryabkov", "Assad showed no sign",
        "While the U.S. has softened", "Russia, the U.S. and other key world"],
    "002_4080d963fd1f8c6e": [
        "As Russia pushes to broker", "Interfax news agency quoted", "\u201cThe meeting", "After initially dismissing",
        "Russian Foreign Minister Sergei Lavrov will meet", "At international peace talks in Vienna",
        "The list included mostly", "Among those named", "Khoja said last week", "The SNC has been accused",
        "The coalition boycotted", "Kremlin spokesman Dmitry Peskov"],
    "003_7fc47b8e35ca04f0": [
        "The Russian foreign minister said Moscow", "MOSCOW (Sputnik)", '"We are working on the issue',
        "Moscow does not make any attempts", '"I want to fully clarify', '"In parallel with the Astana process',
        "Russia sent invitation", '"You are right', "The next round of the Astana talks",
        "Moscow, Tehran and Ankara", '"The second meeting in Astana', "The Astana talks on Syrian crisis",
        "Since 2011, Syria has been engulfed"],
    "004_a01c19d0737ad53c": [
        "Russian Foreign Minister Sergei Lavrov said Wednesday", "The refusal of prominent opposition figures",
        '"Those who decide not to', "Moscow, one of Assad's top allies", "Some 200,000 people have been killed",
        "In rejecting the invitation to Moscow", "Moscow says the emphasis"],
}

# Page furniture each seed carries: none of it may reach the body.
FURNITURE = {
    "000_31af734b83fe35fd": ["December 16, 2014", "Moscow Times", "Original url", "https://"],
    "001_f28c59c2abde53d5": ["\u2022", "Assad\u2019s Stance\n", "Bloomberg Terminal"],
    "002_4080d963fd1f8c6e": ["(Photo Internet)", "Bogdanov and\n", "Parts From Reuters", "Leave a Reply",
                             "Your email address"],
    "003_7fc47b8e35ca04f0": ["Register", "A Syrian national flag hangs", "Free Syrian Army fighters are seen",
                             "\u00a9 REUTERS", "Move to Raqqa or Be a Human Shield"],
    "004_a01c19d0737ad53c": ["Support The Moscow Times", "Sign up for our free weekly newsletter", "Dear readers",
                             "Privacy Policy", "Remind me later", "Read more", "A Message from"],
}


@pytest.fixture(scope="module")
def seeds():
    return load_corpus(SEEDS_DIR)


def test_every_seed_is_read_without_problems(seeds):
    assert sorted(seeds.articles["id"]) == sorted(SEEDS)
    assert seeds.problems.empty, seeds.problems.to_dict("records")


@pytest.mark.parametrize("article_id", sorted(SEEDS))
def test_seed_metadata(seeds, article_id):
    row = seeds.articles.set_index("id").loc[article_id]
    got = {field: (None if row[field] is None or row[field] != row[field] else row[field]) for field in SEEDS[article_id]}
    assert got == SEEDS[article_id]
    assert row["date_evidence"], "every date says where it came from"


@pytest.mark.parametrize("article_id", sorted(PARAGRAPHS))
def test_body_keeps_every_paragraph_in_order(seeds, article_id):
    body = seeds.articles.set_index("id").loc[article_id, "body"]
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == len(PARAGRAPHS[article_id]), paragraphs
    for paragraph, opening in zip(paragraphs, PARAGRAPHS[article_id]):
        assert paragraph.startswith(opening)


@pytest.mark.parametrize("article_id", sorted(FURNITURE))
def test_body_drops_the_furniture(seeds, article_id):
    body = seeds.articles.set_index("id").loc[article_id, "body"] + "\n"
    for line in FURNITURE[article_id]:
        assert line not in body


def test_paragraph_broken_across_lines_is_joined(seeds):
    body = seeds.articles.set_index("id").loc["000_31af734b83fe35fd", "body"]
    assert 'Staffan de Mistura, has proposed an "action plan" to implement local cease-fires' in body


# --- the parser's shortcuts give what the plain patterns give ------------------------------------------

from hypothesis import given, settings, strategies as st  # noqa: E402

from peacetalks.parse import furniture, page as parsing  # noqa: E402
from peacetalks.parse.dates import WEEKDAYS, find_dates  # noqa: E402
from peacetalks.text import fold  # noqa: E402

LINE_WORDS = st.sampled_from(
    "Leave a Reply|comments|Comment|Read more|see also|Related:|Sign up|Subscribe|Support The Times !|Photo:"
    "|(AFP Photo)|(Reuters photo by X)|Reuters / Omar|AFP/Getty Images|©|Copyright|all rights reserved|share this"
    "|Parts from Reuters|With AFP|Source:|Reporting by Tom Perry|Material from|content by|X contributed to this report"
    "|is seen|are pictured|is shown|A man|in Aleppo|,|Syria|June 3, 2016|2016|1999|19|20|Monday|Wed|.|?|\"|)"
    "|url|URL|http://|https://example.com/a|Original url:|Get short URL 12|dear readers,|Tuesday|the".split("|")
    # letters a case-insensitive pattern equates with another ASCII letter: İ ı ſ K(elvin)
    + ["\u0130s \u017feen", "\u0131s", "\u017feen", "\u017fupport", "\u212aerry", "\u017fhare", "w\u0131th",
       "\u00a0", "\t", "*", "#", "_", "`", "  ", "20\u0661\u0662", "\u00b9\u00b9"])
LINES = st.one_of(st.lists(st.one_of(LINE_WORDS, st.text(max_size=5)), max_size=16).map(" ".join),
                  st.lists(LINE_WORDS, min_size=1, max_size=4).map(" ".join))  # short lines, as furniture is
CREDITS = st.tuples(  # wire credits and near misses: what opens them, the cue, the name, what may follow
    st.sampled_from(["", "The story.", "Text", "\u0130n"]),
    st.sampled_from(["Parts from", "part by", "Content from", "material by", "Reporting by", "REPORTING FROM", "with",
                     "Source:", "sources", "\u017fource", "w\u0131th", "Repor\u0165ing by", "contributed to this report"]),
    st.sampled_from(["Reuters", "AFP", "Tom Perry", "\u017fyria", "\u0130stanbul bureau", "a"]),
    st.sampled_from(["", ".", " contributed to this story", " contributed to this report", "!"]),
).map(" ".join)
OPENINGS = st.tuples(  # furniture as it opens a line, some with the odd letters, and what may follow
    st.sampled_from(["\u017fhare", "\u017fupport Syria", "\u0130mage:", "photo:", "Leave a reply", "\u0130ELATED:",
                     "Related articles", "comments", "\u017fign up", "Dear readers", "A Me\u017f\u017fage from",
                     "More from", "Original URL", "get short url", "(Photo", "\u00a9 AFP"]),
    st.sampled_from(["", " this", "!", " \u0130dlib", " Reuters / AP", " 1 2", " newsletter", ")", " x" * 30]),
).map("".join)
CAPTIONS = st.tuples(  # captions and near misses: a subject, 'is seen' (or not), a place, a date (or not)
    st.sampled_from(["A man", "Free Syrian Army fighters", "Lavrov", ""]),
    st.sampled_from(["is seen", "are pictured", "\u0130s \u017feen", "\u0131s shown", "ARE SHOWN", "is", "seen", "walks"]),
    st.sampled_from(["in Aleppo, Syria,", "in", "near Idlib on"]),
    st.sampled_from(["June 3, 2016", "3 June 2016", "2016", "20\u0661\u0662", "19", "3 May 1999 ", "2016.", ""]),
).map(" ".join)
PAGES = st.lists(st.one_of(LINES, st.sampled_from(["", " ", "\r", "\r\n", "\n", "\t"])), max_size=12).map("\n".join)


def plain_is_caption(line: str, next_line: str | None) -> bool:
    """_is_caption as written before its shortcuts (with the sentence-end check it leaves to the caller)."""
    if parsing.ends_sentence(line):
        return False
    if parsing._CAPTION_END_DATE.search(line):
        dates = find_dates(line)
        if dates and dates[-1].end >= len(line.rstrip()) - 1 and len(line[: dates[-1].start].split()) >= 5:
            return True
    if parsing._SEEN.search(line):
        return True
    return bool(next_line) and next_line.lstrip().startswith("\u00a9")


def plain_blocks(text: str) -> list[str]:
    """The page's lines as the parser once split them: blank lines kept, as empty strings."""
    return [raw.strip() for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


def spans(match):
    return match and (match.span(), match.groups())


@settings(max_examples=600, deadline=None)
@given(st.one_of(LINES, CREDITS, OPENINGS))
def test_folded_furniture_tail_and_credit_patterns_match_as_the_plain_ones(line):
    folded = fold(line)
    plain = furniture._FURNITURE_OPENING.match(line) or furniture._FURNITURE_INSIDE.match(line)
    assert furniture.is_furniture(line) == furniture.is_furniture(line, folded) == bool(plain)
    assert spans(furniture._TAIL_FOLDED.match(folded)) == spans(furniture._TAIL.match(line))
    plain_credit = parsing._CREDIT.search(line) if len(line) <= parsing.FURNITURE_MAX else None
    assert spans(parsing._credit(line, folded)) == spans(parsing._credit(line)) == spans(plain_credit)


@settings(max_examples=400, deadline=None)
@given(st.one_of(LINES, CAPTIONS), st.one_of(st.none(), LINES))
def test_caption_shortcuts_give_the_plain_answer(line, next_line):
    line = parsing.clean_line(line)
    if line and not parsing.ends_sentence(line):
        assert parsing._is_caption(line, next_line, fold(line)) == plain_is_caption(line, next_line)


@settings(max_examples=300, deadline=None)
@given(PAGES)
def test_lines_cleaning_and_url_precheck_give_the_plain_answer(page):
    lines = parsing._nonblank_lines(page)
    assert lines == [line for line in plain_blocks(page) if line]
    assert parsing.clean_lines(lines) == [parsing.clean_line(line) for line in lines]
    if parsing._find_url(lines) is not None:  # parse_article looks for an address only on such pages
        assert "http" in page or "url" in page.lower()


@settings(max_examples=300, deadline=None)
@given(LINES, st.integers(0, 30))
def test_word_count_bound_equals_the_count(text, most):
    assert parsing.at_most_words(text, most) == (len(text.split()) <= most)


@given(st.one_of(st.text(alphabet="montuewdhrsayfi", max_size=10),
                 st.builds(lambda day, end, more: day[:end] + more, st.sampled_from(WEEKDAYS), st.integers(0, 10),
                           st.sampled_from(["", "s", "day", "."]))))
def test_weekday_forms_are_the_plain_ones(bare):
    plain = any(bare.startswith(day[:3]) and day.startswith(bare) for day in WEEKDAYS)
    assert (bare in parsing._WEEKDAY_SHORT) == plain
