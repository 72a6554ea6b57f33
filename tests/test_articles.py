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
    "001_f28c59c2abde53d5": [
        "Russia\u2019s top diplomat met", "Foreign Minister Sergei Lavrov held talks", "The UN-sponsored talks in Switzerland",
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
        '"Those who decide not to take part', "Moscow, one of Assad's top allies", "Some 200,000 people have been killed",
        "In rejecting the invitation to Moscow", "Moscow says the emphasis"],
}

# Page furniture each seed carries: none of it may reach the body.
FURNITURE = {
    "000_31af734b83fe35fd": ["December 16, 2014", "Moscow Times", "Original url", "https://"],
    "001_f28c59c2abde53d5": ["\u2022", "Lavrov sees De Mistura amid optimism", "Assad\u2019s Stance\n", "Bloomberg Terminal"],
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
    for furniture in FURNITURE[article_id]:
        assert furniture not in body


def test_paragraph_broken_across_lines_is_joined(seeds):
    body = seeds.articles.set_index("id").loc["000_31af734b83fe35fd", "body"]
    assert 'Staffan de Mistura, has proposed an "action plan" to implement local cease-fires' in body
