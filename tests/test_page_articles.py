"""Headline and publisher of page dumps written for the test (invented outlets and sentences): menus,
labels, timestamps and banners are never the headline; the publisher is read from what the page prints
(a dateline's credit, a byline, a signature, a copyright line, an app banner, a masthead, a url) and is
None when the page does not say; an agency credited for the content goes in `wire`. The 42 pages of
../shared/corpus/pages are scored too, when present."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from peacetalks.parse.outlets import load_outlets, normalise_outlet
from peacetalks.parse.page import parse_article

from helpers import LEAD, SECOND, TITLE, page

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT.parent / "shared" / "corpus" / "pages"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.mark.parametrize("opening", [
    ["Skip to main content", "Menu", "Middle East"],
    ["\u00d7", "Off the wire"],
    ["ID :", "Information | ||"],
    ["14:05", "Breaking News", "Accessibility links"],
    ["Share this article", "Accept all cookies", "Subscribe now for full access"],
    ["Install the new version of Example News application", "News / World / Middle East"],
    ["Currency converter", "All news", "You can sort your feed,", "by picking just the subjects you want"],
    ["The Valdoria Observatory For Human Rights"],           # a masthead above the headline
    ["Menu", "Trending now"],                                # a teaser label above the headline
    ["Latest headlines", "Most read"],
    ["\u0625\u0642\u0631\u0623 \u0647\u0630\u0627 \u0627\u0644\u062e\u0628\u0631"],  # a link in another script
    ["Front page  World  Region  Economy  Sport  Video"],      # a menu in a row, without bars
    ["Home | Region | Economy | Opinion | Podcasts"],          # a menu in a row, between bars
    ["EXN | Example News Network", "Tue, 3 May 2016 09:12 GMT | Subscribe | Log in"],  # masthead over the site's clock bar
    ["Valdoria Daily Courier", "Weather: Valdoria 18\u00b0C, sunny | Tuesday, May 3, 2016"],
])
def test_menus_labels_and_banners_are_not_the_headline(opening):
    parsed = parse_article(page(*opening, TITLE, "March 3, 2016", LEAD, SECOND))
    assert parsed.title == TITLE


def test_the_headline_printed_twice_with_a_deck_between_is_found_once():
    deck = "Envoys gathered in Valdoria to try again to end the war in the north"
    parsed = parse_article(page("...", TITLE, "World Desk 22 January 2014 12:21", deck, TITLE, deck + ", EXN reported.",
                                SECOND))
    assert parsed.title == TITLE
    assert parsed.body.split("\n\n") == [deck + ", EXN reported.", SECOND]


def test_a_caption_name_glued_to_the_headline_is_cut():
    parsed = parse_article(page(TITLE + " Jane Roe", "Jane Roe", LEAD, SECOND))
    assert parsed.title == TITLE


def test_a_page_that_opens_with_running_text_has_no_headline():
    assert parse_article(page(LEAD, SECOND)).title is None
    assert parse_article(page("VALDORIA: " + LEAD, SECOND)).title is None


@pytest.mark.parametrize("lines, source, wire", [
    (["(EXN) -- " + LEAD], "EXN", None),
    (["VALDORIA (Example News) \u2014 " + LEAD], "Example News", None),
    (["Valdoria (ExampleNews / Agencies) - " + LEAD], "ExampleNews", None),
    (["VALDORIA, March 3 (Reuters) - " + LEAD], None, "Reuters"),
    (["NEW YORK. EXNEWS - " + LEAD], "EXNEWS", None),
    (["VALDORIA (Example Courier / Agency - 9th March, 2021) " + LEAD], "Example Courier", None),  # dated credit
    (["VALDORIA (Example Times, March 9, 2021) " + LEAD], "Example Times", None),
    (["By Jane Roe, Example Post", LEAD], "Example Post", None),
    (["By Jane Roe, Staff Writer", LEAD], None, None),
    (["By Example Staff", LEAD], "Example", None),
    ([LEAD, SECOND, "(Copyright 2015 by Example Media B.V. All rights reserved.)"], "Example Media", None),
    ([LEAD, SECOND, "\u00a9 2016 The Valdoria Herald"], "The Valdoria Herald", None),
    ([LEAD, SECOND, "Copyright Valdoria Herald 2016"], "Valdoria Herald", None),     # the year after the name
    ([LEAD, SECOND, "All rights reserved \u00a9 2016 Valdoria Herald"], "Valdoria Herald", None),
    (["Jane Roe, Valdoria Herald", LEAD], "Valdoria Herald", None),          # a byline without "By"
    (["By Jane Roe, Valdoria Herald staff", LEAD], "Valdoria Herald", None),
    ([LEAD, SECOND, "Valdoria Herald / Agencies"], "Valdoria Herald", None),  # the outlet's sign-off
    ([LEAD, SECOND, "Valdoria Herald with agencies"], "Valdoria Herald", None),
    ([LEAD, SECOND, "Follow the Valdoria Herald on Twitter"], "Valdoria Herald", None),
    (["Valdoria Herald | May 3, 2016", LEAD], "Valdoria Herald", None),       # the outlet, a bar, the date
    ([LEAD, SECOND, "Jane Roe is a correspondent based in Valdoria."], None, None),
    ([LEAD, SECOND, "\u00a9 Valdoria Herald, 2014-2016. All rights reserved."], "Valdoria Herald", None),
    (["VALDORIA \u2013 Example Daily News", LEAD], "Example Daily News", None),
    (["Get our new version of the PressTv application", LEAD], "Press TV", None),  # named as outlets.yaml names it
    (["https://p.dw.com/p/1abc", LEAD], "DW", None),                               # a url printed in the text
    (["Dear Reader,", LEAD], None, None),
    (["Middle East", LEAD], None, None),
    (["NEWS", LEAD], None, None),                  # a menu's section label, not a masthead
    (["Latest News", LEAD], None, None),
    ([LEAD, SECOND], None, None),
])
def test_publisher_as_the_page_names_it(lines, source, wire):
    parsed = parse_article(page(TITLE, *lines, SECOND))
    assert (parsed.source, parsed.wire) == (source, wire)


def test_names_are_normalised_without_legal_suffixes_or_generic_words():
    outlets = load_outlets()
    assert normalise_outlet("Example Media Ltd.", outlets) == "Example Media"
    assert normalise_outlet("the press tv", outlets) == "Press TV"
    assert normalise_outlet("Independent Journalism", outlets) is None


@pytest.mark.skipif(not (PAGES / "gold.json").exists() or not SCORER.exists(), reason="shared pages corpus not present")
def test_pages_rules_were_tuned_on_keep_their_scores_and_no_wrong_date(tmp_path: Path):
    """All 42 pages: at least 9 in 10 headlines, publishers and printed dates right, and no wrong date.
    (The rules were tuned on pA and pB; pC was then read to diagnose which general mechanisms failed, so it
    is no longer a held-out part: see the commit messages for its untuned figure.)"""
    out = tmp_path / "pages.json"
    with out.open("w", encoding="utf-8") as handle:
        subprocess.run([sys.executable, "-m", "peacetalks", "extract", str(PAGES / "articles"), "--json"],
                       stdout=handle, stderr=subprocess.DEVNULL, check=True)
    scored = subprocess.run([sys.executable, str(SCORER), str(PAGES / "gold.json"), str(out), "--max-wrong-dates", "0"],
                            capture_output=True, text=True)
    assert scored.returncode == 0, scored.stdout
    line = next(l for l in scored.stdout.splitlines() if l.startswith("score:")).split()
    figures = dict(zip(line[1::2], line[2::2]))
    for field, least in (("titles", 0.9), ("sources", 0.9), ("dates", 0.9)):
        right, total = map(int, figures[field].split("/"))
        assert right >= least * total, (field, figures[field])
    assert json.loads(out.read_text(encoding="utf-8"))["articles"]


SUB = "Eleven countries send their envoys"


@pytest.mark.parametrize("opening", [
    ["Skip to main content", "Menu", "Middle East"],
    ["Share this article", "Accept all cookies", "Subscribe now for full access"],
    ["Install the new version of Example News application", "News / World / Middle East"],
    ["Currency converter", "All news", "You can sort your feed,", "by picking just the subjects you want"],
])
def test_a_headline_over_a_shorter_sub_headline_is_the_headline(opening):
    """A headline printed over a shorter sub-headline, with no date line: the upper one is the headline,
    and the labels above it are not."""
    assert parse_article(page(*opening, TITLE, SUB, LEAD, SECOND)).title == TITLE
    assert parse_article(page(TITLE, SUB, LEAD, SECOND)).title == TITLE


def test_a_longer_line_under_a_label_is_the_headline_not_its_sub_headline():
    assert parse_article(page("Middle East Politics Today", TITLE, LEAD, SECOND)).title == TITLE


def test_the_headline_of_a_run_on_page_stands_before_its_dated_credit():
    text = (" date 2021-03-01 DAILY BRIEFING Envoys Resume Talks in Valdoria, North March 9, 2021 (EXN)\u2014" + LEAD
            + " " + SECOND + "\n")
    parsed = parse_article(text)
    assert parsed.title == "Envoys Resume Talks in Valdoria, North"
    assert parsed.printed_date.date.isoformat() == "2021-03-09"
    # running words before the credit are not a headline
    text = "Envoys said on Tuesday that they met, as planned, March 9, 2021 (EXN)\u2014" + LEAD + " " + SECOND + "\n"
    assert parse_article(text).title is None


# --- outlets.yaml is checked when it is read ---------------------------------------------------------

@pytest.mark.parametrize("data, named", [
    ({"wires": {"Agency": "Agency"}}, "outlets.yaml: wires['Agency']: Input should be a valid list"),
    ({"domains": {"news.example": ["News"]}}, "outlets.yaml: domains['news.example']: Input should be a valid string"),
    ({"domain": {"news.example": "News"}}, "outlets.yaml: domain: Extra inputs are not permitted"),
    ({"names": {"Newz": " "}}, "outlets.yaml: names: 'Newz': ' ': a key and its outlet must both be non-empty text"),
])
def test_a_bad_entry_of_outlets_yaml_is_an_error_naming_it(data, named):
    from peacetalks.parse.outlets import parse_outlets
    from peacetalks.sources.problems import InputError

    with pytest.raises(InputError) as error:
        parse_outlets(data)
    assert str(error.value) == named


def test_the_packaged_outlets_file_is_valid_and_names_outlets():
    from peacetalks.parse.outlets import load_outlets

    outlets = load_outlets()
    assert outlets.domains["reuters.com"] == "Reuters" and "Reuters" in outlets.wires
