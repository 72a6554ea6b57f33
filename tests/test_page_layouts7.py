"""Headline, publisher, printed date and furniture of page skeletons in layouts invented for this test (outlets,
places and sentences are made up), round 7 of issue 14: a photo caption over the text, a deck of two sentences
under a short headline, an author's name and role without "By", a two-part breadcrumb, a wire's revision label
("UPDATE 2-"), a paper's slogan under its masthead, copyright lines that name nobody ("(c) 2016 All rights
reserved") or name the outlet after "reserved for", an update's age after the date of a stamp, a stamp naming
its own weekday, and teaser lists (bullets, arrows, numbers, dates in brackets) whose figures are no casualty
rows. Each test checks what a reader would: the headline, the publisher and the date (None where the page does
not settle it: a wrong date is worse than none)."""
from __future__ import annotations

import pytest

from peacetalks.extract.document import process_document
from peacetalks.parse.page import parse_article
from peacetalks.sources.documents import RawDocument

from helpers import RIVER_HEAD as HEAD, RIVER_LEAD as LEAD, RIVER_MORE as MORE, RIVER_THIRD as THIRD
from helpers import layout_facts, page


read = layout_facts


def casualty_sentences(text: str) -> list[str]:
    """The sentences the casualty rows of a page dump were read from."""
    result = process_document(RawDocument("page", "page.txt", text, "utf-8", "0"))
    return [row["sentence"] for row in result.casualties]


# --- headlines ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("caption", [
    "Photo caption: A fighter walks through the old market of Kestrin, where shelling killed 14 people on Sunday. Photo: Agency",
    "Caption: Families queue for bread in the river towns",
    "Image caption: The mediator arrives at the customs house",
])
def test_a_photo_caption_over_the_text_is_neither_the_headline_nor_the_text(caption):
    text = page("The Marrow Sentinel", "News | World | Region | Opinion", HEAD, "4 May 2016", caption, LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")
    assert "caption" not in parse_article(text).body.lower()


def test_a_captions_toll_gives_no_casualty_row():
    caption = "Photo caption: A fighter in the old market of Kestrin, where shelling killed 14 people on Sunday. Photo: Agency"
    text = page("The Marrow Sentinel", HEAD, "4 May 2016", caption, LEAD, MORE)
    assert not any("14 people" in sentence for sentence in casualty_sentences(text))


@pytest.mark.parametrize("deck", [
    "Both sides accepted the plan after a night of bargaining. Neither would say when the convoys might move",
    "Four years into the siege, the towns may finally be fed. That may be the only result of the week",
])
@pytest.mark.parametrize("under", [["By Orla Brenn", "4 May 2016"], ["Orla Brenn | 4 May 2016"]])
def test_a_deck_of_two_sentences_under_a_short_headline_is_not_the_headline(deck, under):
    head = "What the river towns can expect"
    text = page("The Marrow Sentinel", "ANALYSIS", head, deck, *under, LEAD, MORE)
    assert read(text) == (head, "The Marrow Sentinel", "2016-05-04")


def test_a_headline_repeated_by_the_browser_title_over_a_longer_deck():
    head = "What is left to agree in Kestrin"
    deck = "Both delegations will sit in one hall for the first time, and the mediators hope for little more than that"
    text = page(f"{head} | The Marrow Sentinel", "News | World | Region | Opinion", head, deck, "By Orla Brenn",
                "Published 4 May 2016", LEAD, MORE)
    assert read(text) == (head, "The Marrow Sentinel", "2016-05-04")


@pytest.mark.parametrize("author", [
    "Dr Orla Brenn, Senior Fellow, Programme on River Basin Studies",
    "Orla Brenn, Diplomatic Correspondent",
    "Prof. Ivo Marsh, Visiting Researcher",
])
def test_an_authors_name_and_role_without_by_is_not_the_headline(author):
    head = "A pledge is not a peace: reading the river towns deal"
    text = page("Kestrin Institute of Policy Review", "About | Research | Events | Commentary", "Commentary", head, author,
                "4 May 2016", LEAD, MORE)
    title, _, date = read(text)
    assert (title, date) == (head, "2016-05-04")
    assert "Brenn" not in parse_article(text).body and "Marsh" not in parse_article(text).body


def test_a_headline_with_a_name_and_a_comma_is_still_a_headline():
    head = "Orla Brenn, the mediator, wins a pledge for the towns"
    text = page("The Marrow Sentinel", head, "4 May 2016", LEAD, MORE)
    assert read(text)[0] == head


@pytest.mark.parametrize("crumb", ["Newsletters > The Evening Brief", "Opinion \u203a Columnists", "Region \u00bb Kestrin"])
def test_a_two_part_breadcrumb_is_not_the_headline(crumb):
    head = "Five things to know this morning"
    text = page("The Marrow Sentinel", crumb, head, "Wednesday 4 May 2016", "Compiled by Orla Brenn", LEAD, MORE)
    assert read(text) == (head, "The Marrow Sentinel", "2016-05-04")


@pytest.mark.parametrize("label", ["UPDATE 2-", "UPDATE 3 - ", "REFILE-", "CORRECTED-"])
def test_a_wires_revision_label_is_not_part_of_the_headline(label):
    text = page("KESTREL PRESS AGENCY", label + HEAD, "By Orla Brenn", "KESTRIN, May 4 (Kestrel) - " + LEAD, MORE)
    assert read(text)[0] == HEAD


def test_a_headline_that_opens_with_update_as_a_word_keeps_it():
    head = "Update on the river towns: convoys wait at the border"
    text = page("The Marrow Sentinel", head, "4 May 2016", LEAD, MORE)
    assert read(text)[0] == head


@pytest.mark.parametrize("slogan", [
    "Serving Marrow and the valley towns since 1902",
    "The county's independent daily since 1958",
])
def test_a_papers_slogan_under_its_masthead_is_not_the_headline(slogan):
    text = page("The Marrow Sentinel", slogan, "Local | Nation | World | Opinion", "NATION/WORLD", HEAD, "By Orla Brenn",
                LEAD, MORE)
    title, source, date = read(text)
    assert (title, source, date) == (HEAD, "The Marrow Sentinel", None)  # (no date printed)


# --- publishers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("footer", [
    "(c) 2016 All rights reserved",
    "Terms | Privacy | Contact | (c) 2016 All rights reserved",
    "Kestrin Institute is an independent research institute. (c) 2016 All rights reserved.",
])
def test_a_copyright_line_with_no_name_names_nobody(footer):
    text = page("Subscribe | Current issue | Archive | Essays | Search", "LONG READ", HEAD, "4 May 2016", LEAD, MORE, THIRD,
                footer)
    assert read(text) == (HEAD, None, "2016-05-04")


@pytest.mark.parametrize("footer, expected", [
    ("All rights reserved for Kestrin Evening Mirror. Reproduction with credit only.", "Kestrin Evening Mirror"),
    ("All rights reserved to the Marrow Sentinel \u00a92016", "Marrow Sentinel"),
])
def test_the_rights_reserved_for_an_outlet_name_it(footer, expected):
    text = page("Home | Region | World | Opinion", HEAD, "4 May 2016", LEAD, MORE, THIRD, footer)
    assert read(text) == (HEAD, expected, "2016-05-04")


# --- dates ----------------------------------------------------------------------------------------

@pytest.mark.parametrize("stamp, expected", [
    ("24/05/2016 | Updated 2 hours ago", "2016-05-24"),
    ("May 4, 2016 / 9:48 PM / Updated 32 minutes ago", "2016-05-04"),
    ("04/05/2016 | Updated 2 hours ago", None),  # (day and month in an order nothing on the page settles)
])
def test_an_updates_age_after_the_stamps_date_keeps_the_date(stamp, expected):
    text = page("The Marrow Sentinel", "News | World | Region | Opinion", HEAD, stamp, LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", expected)


@pytest.mark.parametrize("line", ["Updated 2 hours ago 4 May 2016", "3 hours ago | 4 May 2016"])
def test_an_age_before_the_date_is_still_a_clock(line):
    text = page("The Marrow Sentinel", line, HEAD, LEAD, MORE)
    assert read(text)[2] is None


OLD_LEAD = ("Mediators won a pledge on Wednesday that convoys may cross into the river towns, cut off since a war "
            "that ended in 1994 left the border closed.")


def test_a_stamp_naming_its_own_weekday_that_the_lead_agrees_with_dates_an_article_about_the_past():
    # 4 May 2016 was a Wednesday, the lead's day; the text names only 1994
    text = page("The Marrow Sentinel", HEAD, "Wednesday 4 May 2016 - 21:40", OLD_LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


@pytest.mark.parametrize("stamp", [
    "Friday 6 May 2016 - 21:40",      # the lead's Wednesday is not the day of the stamp nor the day before
    "4 May 2016 - 21:40",             # no weekday printed: nothing ties the stamp to the lead
    "Thursday 4 May 2016 - 21:40",    # a weekday that is not the date's own
])
def test_without_both_weekdays_agreeing_the_years_gap_still_refuses_the_date(stamp):
    text = page("The Marrow Sentinel", HEAD, stamp, OLD_LEAD, MORE)
    assert read(text)[2] is None


# --- teaser lists ---------------------------------------------------------------------------------

BORDER_LEAD = ("Troops of the two neighbours agreed on Tuesday to halt the fighting in the mountain province of "
               "Varnia, after four days of clashes that killed at least 40 soldiers.")
BORDER_MORE = "The truce took effect at noon, and monitors reported the front largely quiet through the evening."


@pytest.mark.parametrize("label, items", [
    ("Related news", ["- Envoys discuss Syria and the border in Kestrin (29 March 2016)",
                      "- Air strikes in Syria killed 30 people, monitors say (2 April 2016)"]),
    ("RELATED", ["\u203a Air strikes in Syria killed 30 people, monitors say.", "\u203a Envoys meet in Kestrin"]),
    ("MOST READ", ["1. Air strikes in Syria killed 30 people, monitors say.", "2. Envoys meet in Kestrin"]),
])
def test_a_teaser_list_after_the_text_is_not_the_text(label, items):
    # an article about another conflict: its teasers name Syria and a toll, which must not become rows
    head = "Border truce agreed in Kestrin"
    text = page("The Marrow Sentinel", head, "Tuesday 5 April 2016", BORDER_LEAD, BORDER_MORE, label, *items,
                "Comments (3)", "Reza | 6 April 2016 - 09:15", "Good news.")
    parsed = parse_article(text)
    assert "Syria" not in parsed.body and "30 people" not in parsed.body
    assert not any("30 people" in sentence for sentence in casualty_sentences(text))
    result = process_document(RawDocument("page", "page.txt", text, "utf-8", "0"))
    assert result.stances == []


def test_the_articles_own_numbered_points_stay_in_the_text():
    text = page("The Marrow Sentinel", "Five things to know this morning", "Wednesday 4 May 2016",
                "Good morning. Here is what you need to know to start your day.",
                "1. A pledge for the river towns", LEAD, "2. Convoys wait", MORE)
    assert "Mediators from four countries" in parse_article(text).body
    assert "convoys wait" in parse_article(text).body.lower()


@pytest.mark.parametrize("signature", ["Sentinel Staff & Agencies", "Sentinel Staff with agencies"])
def test_the_staff_and_agencies_signature_under_a_masthead_is_the_masthead(signature):
    text = page("THE MARROW SENTINEL", "Home | Region | World | Opinion", HEAD, "May 4, 2016 | 10:12 AM", signature, LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_the_staff_and_agencies_signature_alone_names_the_outlet():
    text = page("Home | Region | World | Opinion", HEAD, "May 4, 2016", "Marrow Sentinel Staff & Agencies", LEAD, MORE)
    assert read(text)[1] == "Marrow Sentinel"


@pytest.mark.parametrize("masthead, expected", [
    ("KMN Kestrin Media Network - English Service", "Kestrin Media Network"),
    ("KMN Kestrin Daily News", "KMN Kestrin Daily News"),   # (the letters are not the name's initials)
])
def test_an_abbreviation_printed_before_the_name_it_abbreviates(masthead, expected):
    text = page(masthead, "Home | Region | World | Opinion", HEAD, "4 May 2016", LEAD, MORE)
    assert read(text)[1] == expected


@pytest.mark.parametrize("agency, wire", [
    ("Kestrel Wire Service", "Kestrel Wire Service"),
    ("Kestrel Wire Service of Valdoria", "Kestrel Wire Service"),
])
def test_a_local_paper_printing_a_wire_credited_by_its_initials(agency, wire):
    text = page("The Marrow Courier-Times", "Local | Sports | Nation/World | Opinion", "NATION/WORLD", HEAD, "By Orla Brenn", agency,
                "KESTRIN (KWS) - " + LEAD, MORE, "Copyright 2016, The Marrow Courier-Times. All rights reserved.")
    parsed = parse_article(text)
    assert (parsed.title, parsed.wire) == (HEAD, wire)
    if wire:
        assert parsed.source == "The Marrow Courier-Times"


# --- more dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize("byline", ["Words by Orla Brenn", "Text by Orla Brenn"])
def test_a_byline_and_date_under_a_deck_of_full_sentences(byline):
    deck = "The bargaining over the towns was done far from the capital. The mediators were not in the room."
    caption = "Families wait for buses in the old market. At least 30 civilians died in the final month, a council said."
    text = page("Subscribe | Current issue | Archive | Essays", "LONG READ", HEAD, deck, byline, "May 4, 2016 - 14 min read",
                caption, LEAD, MORE)
    assert read(text) == (HEAD, None, "2016-05-04")


@pytest.mark.parametrize("stamp, expected", [
    ("Sunday 08/05/2016 - 02:14 Kestrin time", "2016-05-08"),   # the lead's Saturday is the day before
    ("Monday 09/05/2016 - 02:14 Kestrin time", None),           # the lead's Saturday is two days before
    ("08/05/2016 - 02:14 Kestrin time", None),                   # no weekday printed
])
def test_a_stamp_with_its_place_time_under_the_headline(stamp, expected):
    lead = ("Mediators won a pledge on Saturday that convoys of food and medicine may cross into the river towns, "
            "the chief negotiator told reporters in Kestrin after talks that ran through the night.")
    text = page("The Marrow Sentinel", "Home | Region | World | Opinion", "Kestrin 16\u00b0C | Monday 7 December 2026",
                HEAD, stamp, "Delegates leave the customs house in Kestrin, 30/04/2016. (Agencies)", lead, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", expected)


def test_the_same_place_clock_over_the_headline_gives_no_date():
    lead = ("Mediators won a pledge on Sunday that convoys of food and medicine may cross into the river towns, "
            "the chief negotiator told reporters in Kestrin after talks that ran through the night.")
    text = page("The Marrow Sentinel", "Sunday 08/05/2016 - 02:14 Kestrin time", HEAD, lead, MORE)
    assert read(text)[2] is None


@pytest.mark.parametrize("footer, expected", [
    ("Kestrin Monitor | Posted 24.05.2016 | Section: Region", "2016-05-24"),
    ("Kestrin Monitor | Published: May 24, 2016 | Section: Region", "2016-05-24"),
    ("Kestrin Monitor | Section: Region", None),
    ("Reza | 24.05.2016 13:40", None),   # a comment's stamp: a name, not a label
])
def test_a_footers_bar_with_the_articles_stamp(footer, expected):
    text = page("Kestrin Monitor", "Home | Region | World | Opinion", "REGION", HEAD, LEAD, MORE, THIRD,
                "Share this story: Facebook Twitter", footer, "\u00a9 2016 Kestrin Monitor. Reproduction permitted with a link.")
    assert read(text) == (HEAD, "Kestrin Monitor", expected)


@pytest.mark.parametrize("teaser", [
    "VIDEO: Inside the old market of Kestrin, where aid workers say 46 people have died since May (2:14)",
    "WATCH: Jets strike near the river towns; monitors say 45 dead (1:38)",
])
def test_a_video_teaser_with_its_running_time_is_not_the_text(teaser):
    text = page("The Marrow Sentinel", HEAD, "By Orla Brenn", "Published 4 May 2016", teaser, LEAD, MORE, THIRD)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")
    assert "46 people" not in parse_article(text).body and "45 dead" not in parse_article(text).body
    assert not any("46 people" in sentence or "45 dead" in sentence for sentence in casualty_sentences(text))
