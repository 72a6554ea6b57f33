"""Page furniture: every rule of furniture.yaml on its own examples, and each kind of furniture in a page
dump written for the test (invented outlets and sentences): it leaves the body, and no casualty figure
is read from it, while the article's own deck and bullet summary stay."""
from __future__ import annotations

import re

import pytest

from peacetalks.parse import furniture
from peacetalks.extract.casualties import extract_casualties
from peacetalks.parse.furniture import furniture_rules
from peacetalks.parse.page import parse_article

from helpers import LEAD, SECOND, TITLE, page

RULES = furniture_rules()
SECTIONS = {"line": furniture._FURNITURE_OPENING, "inside": furniture._FURNITURE_INSIDE, "tail": furniture._TAIL,
            "foot_stamp": furniture._FOOT_STAMP}


def test_every_rule_has_a_name_and_examples_both_ways():
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names)), "rule names are unique"
    for rule in RULES:
        assert rule.match and rule.no_match, f"{rule.section}/{rule.name} needs examples it matches and misses"


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: f"{rule.section}-{rule.name}")
def test_rule_matches_its_examples_and_misses_its_counterexamples(rule):
    own = re.compile(rule.pattern, re.I)
    find = own.search if rule.section == "clock" else own.fullmatch
    for example in rule.match:
        assert find(example), f"{rule.name} should match {example!r}"
    for example in rule.no_match:
        assert not find(example), f"{rule.name} should not match {example!r}"


@pytest.mark.parametrize("rule", [r for r in RULES if r.section in SECTIONS], ids=lambda rule: rule.name)
def test_the_compiled_sections_agree_with_each_rule(rule):
    """The patterns the parser runs (all rules of a section in one) match every example of each rule, and
    the counterexamples of the line and tail rules are not furniture at all (whatever rule)."""
    section = SECTIONS[rule.section]
    for example in rule.match:
        assert section.match(example)
    if rule.section in ("line", "tail"):
        for example in rule.no_match:
            assert not section.match(example), example


@pytest.mark.parametrize("rule", [r for r in RULES if r.section == "clock"], ids=lambda rule: rule.name)
def test_clock_rules_through_is_clock(rule):
    for example in rule.match:
        assert furniture.is_clock(example)
    for example in rule.no_match:
        assert not furniture.is_clock(example)


FURNITURE_KINDS = {
    "caption with a credit": "Delegates arrive at the conference hall in Valdoria, where 300,000 people live. (Photo: Example Agency)",
    "dated caption": "Delegates gather outside the hall where more than 120 people died in a blast last year, Valdoria, March 3, 2016.",
    "long caption ending with its credit": (
        "Two men carry a stretcher along a street strewn with rubble after shelling in the old city, where an "
        "estimated 40,000 civilians have died since the war began, the monitor said in a statement issued "
        "late on Monday night after a day of heavy fighting across the region, with more expected "
        "(Photo credit should read JANE ROE/Example/Pictures)"),
    "teaser list": "Read more: 5,000 killed in the northern offensive",
    "related stories": "Related stories: Thousands flee as fighting spreads",
    "menu": "Menu",
    "breadcrumb": "Home / World / Middle East",
    "skip link": "1. Skip to main content",
    "share widget": "Share this article",
    "cookie banner": "We use cookies to give you the best experience on our site",
    "subscription banner": "Subscribe now for unlimited access to our reporting",
    "app banner": "Download the Valdoria Herald app",
    "clock": "10:15 AM Valdoria Timing",
    "ticker": "14:05 Ruritania: 12 killed in an air strike on a market",
    "breaking banner": "Breaking: 40,000 flee the fighting in the south",
    "site notice": "The Example Daily website is kept for archival purposes only and no longer updated",
}


@pytest.mark.parametrize("kind", sorted(FURNITURE_KINDS))
def test_each_kind_of_furniture_leaves_the_body(kind):
    furniture = FURNITURE_KINDS[kind]
    parsed = parse_article(page(TITLE, furniture, LEAD, SECOND))
    assert parsed.title == "Envoys Meet In Valdoria To Revive Stalled Talks"
    assert parsed.body.split("\n\n") == [LEAD, SECOND]
    assert extract_casualties("t", parsed.body) == []  # no figure from the furniture


def test_the_article_deck_and_bullet_summary_stay():
    parsed = parse_article(page(
        "Envoys Meet In Valdoria To Revive Stalled Talks",
        "\u2022 Mediator sees a chance for a deal before the winter",
        "\u2022 Northern rebels still refuse to attend",
        LEAD, SECOND))
    assert parsed.body.split("\n\n") == [
        "Mediator sees a chance for a deal before the winter", "Northern rebels still refuse to attend", LEAD, SECOND]


def test_a_comment_count_above_the_article_cuts_nothing():
    parsed = parse_article(page("Toggle navigation", "Search for:", "Envoys Meet In Valdoria To Revive Stalled Talks",
                                "May 3, 2016", "0 Comments", LEAD, SECOND))
    assert parsed.body.split("\n\n") == [LEAD, SECOND]


def test_a_tail_of_comments_and_teasers_is_cut():
    parsed = parse_article(page("Envoys Meet In Valdoria To Revive Stalled Talks", LEAD, SECOND,
                                "The mediator will report to the council in May.", "Leave a Reply",
                                "Thousands were killed in the spring offensive, a reader wrote."))
    assert "reader" not in parsed.body and "council in May" in parsed.body


@pytest.mark.parametrize("label", ["Related stories", "More on this story", "You may also like", "Trending now",
                                   "Editor's picks", "In other news"])
def test_the_teasers_under_a_related_label_leave_the_body(label):
    parsed = parse_article(page("Envoys Meet In Valdoria To Revive Stalled Talks", LEAD, label,
                                "Thousands flee as fighting spreads in the north",
                                "Valdoria war: 'Nearly 90,000 dead', monitors say", SECOND))
    assert parsed.body.split("\n\n") == [LEAD, SECOND]
    assert extract_casualties("t", parsed.body) == []
