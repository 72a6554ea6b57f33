"""Headline, publisher and date of page skeletons in layouts invented for this test (outlets, places and
sentences are made up): AMP and mobile pages, a live blog, a wire story reprinted by a local paper, the
title printed twice, a deck under the headline, breadcrumbs and section labels, a publisher named only in
the footer or only in the address, numeric dates settled (or not) by a weekday or another date of the
page, pages with no printed date, clocks and weather widgets. Each test checks what a reader would: the
headline, the publisher, and the date (None where the page does not settle it: a wrong date is worse)."""
from __future__ import annotations

import pytest

from peacetalks.parse.page import parse_article

from helpers import layout_facts, page

HEAD = "Envoys agree to a new round of talks on the northern provinces"
DECK = "Mediators hope the meeting in Port Selby will open the way to a lasting truce before the winter sets in"
LEAD = ("Envoys from nine countries agreed on Tuesday to hold a new round of talks on the future of the northern "
        "provinces, the mediator told reporters after a day of meetings in Port Selby.")
MORE = ("The last round broke up in March without a deal, and fighting around the river crossings has since "
        "forced thousands of families from their homes, aid groups said.")
THIRD = "A spokesman for the rebel alliance said it would send a delegation if the shelling stopped first."


read = layout_facts


def test_amp_mobile_page_with_a_share_bar_and_read_time():
    text = page("\u2630", "Close", "THE SELBY LEDGER", "Share", HEAD, "By Mara Quist", "May 3, 2016 \u00b7 4 min read",
                LEAD, MORE, "Open in app", "\u00a9 2016 The Selby Ledger")
    assert read(text) == (HEAD, "The Selby Ledger", "2016-05-03")


def test_live_blog_with_timestamped_entries():
    text = page("Selby Daily News", "Home | World | Region | Business | Sport", "LIVE",
                HEAD + " \u2013 live updates", "Last updated 3 May 2016 14:20 GMT",
                "14:05 The mediator arrives at the conference hall with the two delegations.",
                "13:40 Shelling reported near the river crossings, local officials say.", LEAD, MORE)
    assert read(text) == (HEAD + " \u2013 live updates", "Selby Daily News", "2016-05-03")


def test_wire_story_reprinted_by_a_local_paper():
    text = page("Port Selby Evening Gazette", "News  Sport  Business  Opinion  Weather  Obituaries",
                "Published 4:12 p.m. Tuesday, May 3, 2016", HEAD, "By The Associated Press",
                "PORT SELBY, Valdoria (AP) \u2014 " + LEAD, MORE)
    title, source, date = read(text)
    assert (title, source, date) == (HEAD, "Port Selby Evening Gazette", "2016-05-03")
    assert parse_article(text).wire == "AP"


def test_title_printed_twice_as_the_browser_title_names_the_outlet():
    text = page(HEAD + " | The Selby Courier", "Skip to content", "Menu", "Search", HEAD,
                "Mara Quist | 12 March 2015", LEAD, MORE)
    assert read(text) == (HEAD, "The Selby Courier", "2015-03-12")


def test_title_printed_twice_with_a_dash_and_the_outlet():
    text = page(HEAD + " \u2013 Selby Post", "Politics  World  Markets  Tech  Opinion  Podcasts", HEAD,
                "March 12, 2015", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Post", "2015-03-12")


def test_a_deck_under_the_headline_is_not_the_headline():
    text = page("The Valdoria Herald", "EUROPE", HEAD, DECK, "By Mara Quist and Ivo Brandt, The Valdoria Herald",
                "Published April 5, 2016 | Updated 11:32 p.m.", LEAD, MORE)
    assert read(text) == (HEAD, "The Valdoria Herald", "2016-04-05")


def test_a_deck_and_a_byline_in_a_place_over_the_stamp():
    text = page("THE SELBY COURIER", "News | World | Politics | Business | Opinion | Culture", "Mon 7 Dec 2026",
                "World > Europe > Valdoria", HEAD, DECK, "Mara Quist in Port Selby",
                "Tuesday 3 May 2016 20.15 BST", LEAD, MORE)
    assert read(text)[0] == HEAD
    assert read(text)[2] == "2016-05-03"


def test_breadcrumb_and_section_label_above_the_headline():
    text = page("Home \u203a World \u203a Europe", "ANALYSIS", HEAD, "Mara Quist | 12 March 2015", LEAD, MORE,
                "Copyright 2015 Selby Review Media Ltd. Reproduction without permission prohibited.")
    assert read(text) == (HEAD, "Selby Review Media", "2015-03-12")


def test_a_publisher_named_only_in_the_footer():
    text = page(HEAD, "3 May 2016", LEAD, MORE, THIRD,
                "The Selby Ledger is an independent newsroom. (c) 2016 The Selby Ledger. All rights reserved.")
    assert read(text) == (HEAD, "The Selby Ledger", "2016-05-03")


def test_a_publisher_named_only_by_the_address_and_its_date():
    text = page(HEAD, LEAD, MORE, "Original url: https://www.aljazeera.com/news/2016/5/3/envoys-agree-new-round")
    assert read(text) == (HEAD, "Al Jazeera", "2016-05-03")


def test_a_masthead_with_its_slogan_names_the_publisher_and_is_not_the_headline():
    text = page("Selby Monitor \u2014 independent reporting from the north", "Region | Politics | Economy | About",
                HEAD, "By Mara Quist | 14/01/2020", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Monitor", "2020-01-14")


def test_an_edition_picker_and_sign_in_bar_are_not_the_headline():
    text = page("SBN  Selby Broadcast Network", "Live TV | World | Politics | Money | Video",
                "Edition: International   |   Sign in", "Updated 2:47 AM ET, Sat September 10, 2016", HEAD,
                "By Mara Quist, SBN", "Port Selby (SBN) -- " + LEAD, MORE)
    assert read(text) == (HEAD, "Selby Broadcast Network", "2016-09-10")  # (the abbreviation, as the masthead spells it out)


def test_a_ticker_of_headlines_is_not_the_article():
    text = page("SELBY WIRE", "EN | FR | DE | ES", "Port Selby 20:58  Mon, 07.12.2026",
                "LIVE >>> Harbour strike ends after two weeks ... Currency steadies ... Ferry service resumes ...",
                HEAD, "18.12.2015 | 23:41 CET", "PORT SELBY, December 18. /Selby Wire/. " + LEAD, MORE)
    assert read(text) == (HEAD, "Selby Wire", "2015-12-18")


@pytest.mark.parametrize("stamp, other, expected", [
    ("Posted 08/05/2013", "Updated 13/05/2013 at 10:02", "2013-05-08"),    # another date settles day-first
    ("Posted 05/08/2013", "Updated 05/13/2013 at 10:02", "2013-05-08"),    # ... or month-first
    ("Posted Wednesday 08/05/2013", None, "2013-05-08"),                   # a weekday settles it
    ("Posted 08/05/2013", None, None),                                     # nothing settles it: no date
])
def test_a_numeric_date_is_read_only_when_the_page_settles_its_order(stamp, other, expected):
    lines = ["Selby Daily News", HEAD, stamp, LEAD, MORE]
    if other:
        lines.append(other)
    assert read(page(*lines)) == (HEAD, "Selby Daily News", expected)


def test_a_numeric_date_settled_by_the_date_in_the_address():
    text = page(HEAD, "Port Selby, 08/05/2013", LEAD, MORE,
                "https://www.selbytimes.example/world/2013/05/08/envoys-agree")
    assert read(text)[2] == "2013-05-08"


def test_a_page_that_spells_its_dates_day_first_reads_its_numeric_date_day_first():
    text = page("Selby Gazette", "Monday, 7 December 2026 | Port Selby 21\u00b0C", "World", HEAD,
                "Port Selby, 08/05/2013 - SG", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Gazette", "2013-05-08")


def test_no_printed_date_gives_no_date_even_beside_a_clock():
    text = page("The Selby Ledger", "Tuesday, 7 December 2026 | 14:05", HEAD, "By Mara Quist", LEAD, MORE)
    assert read(text) == (HEAD, "The Selby Ledger", None)


def test_a_weather_widget_date_is_never_the_articles():
    text = page("Selby Daily News", "Weather: Port Selby 4\u00b0C, cloudy | Monday, December 7, 2026", HEAD,
                "By Mara Quist, Selby Daily News", "Published April 5, 2016", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Daily News", "2016-04-05")


def test_a_labelled_stamp_under_the_headline_is_kept_when_the_article_looks_back():
    """An article about a war of long ago is no reason to doubt the publication stamp printed under it."""
    body = ("The two armies fought over the valley between 1988 and 1994, and the truce agreed then has often "
            "been broken since, the mediator said on Tuesday.")
    text = page("Selby Daily News", HEAD, "Published April 5, 2016", body, MORE.replace("in March ", ""))
    assert read(text) == (HEAD, "Selby Daily News", "2016-04-05")


def test_a_kicker_above_the_headline_is_not_the_headline():
    text = page("Selby Daily News", "EXCLUSIVE", "Inside the talks", HEAD, "By Mara Quist", "3 May 2016", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Daily News", "2016-05-03")


def test_a_read_time_and_a_staff_byline_under_the_headline():
    text = page("WORLD NEWS", HEAD, "Selby Wire Staff", "3 Min Read", "PORT SELBY (Selby Wire) - " + LEAD, MORE)
    assert read(text)[:2] == (HEAD, "Selby Wire")


@pytest.mark.parametrize("stamps", [
    ["Last Updated: 4 May 2016", "First Published: 3 May 2016"],
    ["Updated 11:40, 4 May 2016 | Published 09:00, 3 May 2016"],
])
def test_the_publication_stamp_outranks_the_update_stamp_printed_before_it(stamps):
    assert read(page("Selby Post", HEAD, *stamps, LEAD, MORE)) == (HEAD, "Selby Post", "2016-05-03")


def test_a_machine_stamp_with_its_time():
    assert read(page("Selby Post", HEAD, "2016-05-03T14:20:00Z", LEAD, MORE)) == (HEAD, "Selby Post", "2016-05-03")


def test_a_blog_with_its_slogan_over_the_headline():
    text = page("Selby Notes", "A blog about the north", HEAD, "Posted on May 3, 2016 by admin", LEAD, MORE,
                "Filed under: Valdoria", "Leave a comment")
    assert read(text) == (HEAD, None, "2016-05-03")   # no outlet's name is printed: none is guessed


def test_an_aggregator_names_its_source_under_a_label():
    parsed = parse_article(page(HEAD, "May 3, 2016", LEAD, MORE, "Source: The Selby Times"))
    assert (parsed.title, parsed.source, parsed.wire) == (HEAD, "The Selby Times", None)
    wire = parse_article(page(HEAD, "May 3, 2016", LEAD, MORE, "Source: Reuters"))
    assert (wire.source, wire.wire) == (None, "Reuters")


def test_a_section_label_before_a_bar_on_the_headline_line_and_a_correspondent_byline():
    text = page("Home / World / Europe", "ANALYSIS | " + HEAD, "By Mara Quist, Selby Post Correspondent",
                "Published: 03 May 2016 14:20 BST", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Post", "2016-05-03")


@pytest.mark.parametrize("top, source", [
    (["THE MERIDIAN", "Home | World | Region | Economy | Opinion"], "THE MERIDIAN"),      # a name over the menu
    (["Selby Lantern", "light on the north since 1921", "Monday, 7 December 2026 | Port Selby 4\u00b0C"], "Selby Lantern"),
    (["Middle East", "Home | World | Region | Economy | Opinion"], None),                  # a section's label
    (["Skip to content", "Home | World | Region | Economy | Opinion"], None),              # furniture, not a name
    (["Selby Lantern", "Port Selby"], None),                                               # no furniture under it
])
def test_the_first_line_over_the_sites_furniture_is_its_masthead(top, source):
    assert read(page(*top, HEAD, "3 May 2016", LEAD, MORE)) == (HEAD, source, "2016-05-03")


@pytest.mark.parametrize("lines, expected", [
    (["News", HEAD, "May 3, 2016 | Selby Post", LEAD, MORE], (HEAD, "Selby Post", "2016-05-03")),   # name after the date
    (["Selby Post", HEAD, "By Mara Quist \u2022 3 May 2016 \u2022 5 min read", LEAD, MORE], (HEAD, "Selby Post", "2016-05-03")),
    (["Selby Post", HEAD, "Published on 03/05/2016", LEAD, MORE], (HEAD, "Selby Post", None)),       # unsettled
    ([HEAD, "3/5/2016", LEAD, MORE, "https://www.selbypost.example/news/2016/05/03/envoys-agree"],
     (HEAD, None, "2016-05-03")),  # the address settles the date; its domain, known to no outlets.yaml entry, names nobody
    (["Selby Post", HEAD, "May 3", LEAD, MORE, "\u00a9 2016 Selby Post"], (HEAD, "Selby Post", None)),  # no year printed
    (["Selby Post", "Advertisement", HEAD, "3h ago", LEAD, MORE], (HEAD, "Selby Post", None)),         # only an age
])
def test_stamp_lines_in_other_forms(lines, expected):
    assert read(page(*lines)) == expected


def test_a_bracketed_image_placeholder_under_the_headline_is_not_the_headline():
    text = page("Selby Post", HEAD, "[Image: Delegates arrive at the hall in Port Selby. Photograph: Ivo Brandt]",
                "By Mara Quist", "3 May 2016", LEAD, MORE)
    assert read(text) == (HEAD, "Selby Post", "2016-05-03")


@pytest.mark.parametrize("stamp, expected", [
    (["Mon 07 Dec 2026 | 18:40 Port Selby"], None),                               # the site's clock, with its place
    (["Mon 07 Dec 2026 | 18:40 Port Selby", "Posted 3 May 2016"], "2016-05-03"),  # ... over the article's stamp
])
def test_a_clock_under_the_headline_is_not_the_date(stamp, expected):
    assert read(page("Selby Post", HEAD, *stamp, LEAD, MORE)) == (HEAD, "Selby Post", expected)


@pytest.mark.parametrize("lines", [
    [HEAD + " | Selby Post", "May 3, 2016", LEAD, MORE],                                      # the browser title alone
    [HEAD + " - Selby Post", "Home | World | Region | Economy | Opinion", "May 3, 2016", LEAD, MORE],
    ["Selby Post", HEAD, "Mara Quist | Selby Post | 3 May 2016", LEAD, MORE],                   # names and bars, then the date
    ["Selby Post", HEAD, "PORT SELBY, Valdoria \u2014 3 May 2016 \u2014 " + LEAD, MORE],          # a dateline with the date
])
def test_more_title_and_stamp_forms(lines):
    assert read(page(*lines)) == (HEAD, "Selby Post", "2016-05-03")


def test_an_archive_row_keeps_its_headline_field_as_it_is():
    """A row of an archive (its headline field, then one paragraph) is not a browser title to cut."""
    parsed = parse_article(HEAD + " | Selby Post\n\n" + LEAD + " " + MORE + "\n")
    assert parsed.title == HEAD + " | Selby Post"


def test_a_copyright_after_the_footer_links_names_the_publisher():
    text = page(HEAD, "May 3, 2016", LEAD, MORE, "About us | Contact | \u00a9 Selby Post 2016")
    assert read(text) == (HEAD, "Selby Post", "2016-05-03")


def test_an_agency_named_alone_under_the_headline_is_the_wire_not_the_text():
    parsed = parse_article(page("Selby Post", HEAD, "AFP", "May 3, 2016", "PORT SELBY: " + LEAD, MORE))
    assert (parsed.title, parsed.source, parsed.wire) == (HEAD, "Selby Post", "AFP")
    assert not parsed.body.startswith("AFP")


def test_a_wire_story_in_a_local_paper_with_the_agencys_copyright():
    text = page("The Selby Evening Star", "Home | News | Sport | Business | Opinion", HEAD, "BY ASSOCIATED PRESS",
                "May 3, 2016", "PORT SELBY, Valdoria (AP) \u2014 " + LEAD, MORE,
                "Copyright 2016 The Associated Press. All rights reserved.")
    parsed = parse_article(text)
    assert read(text) == (HEAD, "The Selby Evening Star", "2016-05-03") and parsed.wire == "AP"


def test_a_byline_name_then_the_date_closing_the_line():
    assert read(page("Selby Post", HEAD, "Mara Quist 3 May 2016", LEAD, MORE)) == (HEAD, "Selby Post", "2016-05-03")


def test_an_agencys_own_page_names_the_agency_as_its_publisher():
    text = page("Advertisement", "World", HEAD, "Associated Press", "Jan. 5, 2014, 4:12 PM", LEAD, MORE)
    assert read(text) == (HEAD, "Associated Press", "2014-01-05")


def test_a_long_menu_one_item_a_line_over_the_headline():
    menu = ["Home", "World", "Middle East", "Africa", "Europe", "Americas", "Asia", "Business", "Markets", "Tech",
            "Science", "Health", "Sport", "Culture", "Opinion", "Video", "Podcasts", "Sign in"]
    assert read(page("Selby Post", *menu, HEAD, "May 3, 2016", LEAD, MORE)) == (HEAD, "Selby Post", "2016-05-03")


def test_audio_buttons_and_a_pictures_credit_under_the_headline_are_not_the_headline():
    text = page("Selby Post", HEAD, "Listen to this article", "AFP via Getty Images", "By Mara Quist", "May 3, 2016",
                LEAD, MORE)
    assert read(text) == (HEAD, "Selby Post", "2016-05-03")


def test_the_outlets_name_in_a_bar_over_the_headline():
    text = page("Selby Post \u00b7 Valdoria \u00b7 3 May 2016", HEAD, LEAD, MORE)
    assert read(text) == (HEAD, "Selby Post", None)   # (a date over the headline with no label or time: not taken)


@pytest.mark.parametrize("lead, expected", [
    # the text reports the talks of the day before the date printed over the headline: it is the article's date
    ("Envoys from nine countries agreed on Monday, May 2, to hold a new round of talks, the mediator said.",
     "2016-05-03"),
    # the year alone does not tell an article's date from the site's current date
    ("Envoys from nine countries agreed in 2016 to hold a new round of talks, the mediator said.", None),
    ("Envoys from nine countries agreed to hold a new round of talks, the mediator said.", None),
])
def test_a_date_over_the_headline_with_no_label_or_time_needs_the_text_to_agree(lead, expected):
    assert read(page("Selby Post", "Tuesday, May 3, 2016", HEAD, lead, MORE)) == (HEAD, "Selby Post", expected)


def test_a_local_paper_reprinting_an_agency_story_is_the_publisher_and_the_agency_the_wire():
    # the agency is named under the byline and credited in the dateline; its copyright closes the story
    text = page("Skip to content", "The Tarnby Courier", "Home | Local | Region | Sport | Opinion", HEAD,
                "Posted May 3, 2016 10:12 AM", "By TOMAS VELL", "Norland News Agency",
                "PORT SELBY, May 3 (Norland) - " + LEAD, MORE, THIRD,
                "Follow Tomas Vell on Twitter.", "Copyright 2016 Norland News Agency. All rights reserved.")
    parsed = parse_article(text)
    assert (parsed.source, parsed.wire) == ("The Tarnby Courier", "Norland News Agency")
    assert read(text) == (HEAD, "The Tarnby Courier", "2016-05-03")


def test_the_agency_s_own_page_is_published_by_the_agency():
    text = page(HEAD, "May 3, 2016", "By Tomas Vell", "Norland News Agency", "PORT SELBY, May 3 (Norland) - " + LEAD,
                MORE, "Copyright 2016 Norland News Agency. All rights reserved.")
    assert parse_article(text).source == "Norland News Agency"


def test_following_a_reporter_does_not_name_the_publisher():
    text = page(HEAD, "May 3, 2016", LEAD, MORE, "Follow Mara Quist on Twitter", "Follow the Selby Ledger on Twitter")
    assert parse_article(text).source == "Selby Ledger"
