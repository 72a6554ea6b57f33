"""Headline, publisher and date of page skeletons in layouts invented for this test (outlets, places and
sentences are made up), round 6 of issue 14: a byline and date under a long deck, a staff byline before the
stamp, a section bar over the headline, liveblogs (a "LIVE" label or badge, "As it happened"), a numeric date
whose time zone settles its order, a reading-time line, a publisher named by an abbreviation, by its parent
company's copyright, by a broadcaster's bar, by a bare domain, and pages that must give NO date (a clock bar,
a weather widget, an age, a date in a teaser list). Each test checks what a reader would: the headline, the
publisher, and the date (None where the page does not settle it: a wrong date is worse than none)."""
from __future__ import annotations

import pytest

from peacetalks.parse.page import parse_article

from helpers import RIVER_HEAD as HEAD, RIVER_LEAD as LEAD, RIVER_MORE as MORE, RIVER_THIRD as THIRD
from helpers import layout_facts, page

# a deck long enough to read as running text (more than 35 words), with no full stop at its end
LONG_DECK = ("Both delegations accepted the plan after a night of bargaining in the old customs house, though neither "
             "would say when the convoys might move; the mediator called it a first step and warned that the hardest "
             "questions, on prisoners and on the border posts, are still open")


read = layout_facts


# --- the date under a long deck --------------------------------------------------------------------

@pytest.mark.parametrize("under", [
    ["Orla Brenn in Kestrin", "Wednesday 4 May 2016 21.10 BST"],   # a byline in a place, then the date
    ["By Orla Brenn, Chief Correspondent", "May 4, 2016"],          # a byline with a job, then the date
    ["By Orla Brenn | 4 May 2016"],                                  # the two in one line
])
def test_the_byline_and_date_under_a_long_deck_date_the_article(under):
    text = page("The Marrow Sentinel", "News | World | Region | Opinion", HEAD, LONG_DECK, *under, LEAD, MORE)
    title, source, date = read(text)
    assert (title, source, date) == (HEAD, "The Marrow Sentinel", "2016-05-04")
    parsed = parse_article(text)
    assert parsed.body.startswith("Both delegations")   # the deck stays with the text
    assert "Orla Brenn" not in parsed.body


def test_a_deck_that_ends_with_a_full_stop_over_its_byline_and_date():
    text = page("The Marrow Sentinel", HEAD, LONG_DECK + ".", "By Orla Brenn", "4 May 2016", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_lead_paragraph_followed_by_more_text_gives_no_header_line():
    # a short dated sentence inside the text is no date line: the page prints no date
    text = page("The Marrow Sentinel", HEAD, LEAD, "The first convoy is due on 9 May 2016.", MORE, THIRD)
    assert read(text) == (HEAD, "The Marrow Sentinel", None)


# --- a byline's job, a section bar, a liveblog's label before the date --------------------------------

@pytest.mark.parametrize("stamp", [
    "Marrow Sentinel staff | 4 May 2016 18:32 GMT | Last update: 4 May 2016 21:05 GMT",
    "Orla Brenn, diplomatic correspondent \u00b7 4 May 2016",
    "World | Region | 4 May 2016 | 6:10 PM",
    "As it happened \u00b7 May 4, 2016",
])
def test_a_date_after_a_staff_byline_a_section_bar_or_a_liveblog_label(stamp):
    assert read(page("The Marrow Sentinel", HEAD, stamp, LEAD, MORE)) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_section_bar_with_the_date_over_the_headline_when_the_dateline_agrees():
    text = page("Kestrin Wire Service", "WORLD | REGION | May 4, 2016 | 6:10 PM", HEAD,
                "KESTRIN, May 4 (Kestrin Wire) - " + LEAD, MORE)
    assert read(text)[0::2] == (HEAD, "2016-05-04")


def test_a_section_bar_with_the_sites_clock_over_the_headline_gives_no_date():
    # the bar prints today's date: the text, about talks of another year, does not agree with it
    text = page("Kestrin Wire Service", "WORLD | REGION | Dec 7, 2026 | 6:10 PM", HEAD,
                "KESTRIN (Kestrin Wire) - " + LEAD.replace("on Wednesday", "in May 2016"), MORE)
    assert read(text)[0::2] == (HEAD, None)


# --- liveblogs ---------------------------------------------------------------------------------------

def test_a_liveblog_headline_with_its_label_over_the_day_it_covers():
    text = page("ORLAN | LIVE", "Watch live  Listen  News  Sport  Weather", "Mon 7 December 2026 \u00b7 22:10",
                "LIVE: " + HEAD, "As it happened \u00b7 May 4, 2016", "18:40", LEAD, "16:05", MORE,
                "Orlan Broadcasting Corporation \u00a9 2016 \u00b7 Terms \u00b7 Privacy")
    assert read(text) == ("LIVE: " + HEAD, "Orlan Broadcasting Corporation", "2016-05-04")


def test_a_liveblog_badge_before_the_headline_is_not_part_of_it():
    text = page("THE KESTRIN COURIER  \u00b7  World  \u00b7  Live", "LIVE  " + HEAD + " \u2013 as it happened",
                "Last updated: 04/05/2016 22:05 BST", "By Orla Brenn", "21:48", LEAD, "20:15", MORE,
                "Cookies | Terms | \u00a9 2016 Courier Media Ltd")
    assert read(text) == (HEAD + " \u2013 as it happened", "The Kestrin Courier", "2016-05-04")


def test_a_ticker_item_with_a_live_label_over_the_headline_is_still_furniture():
    text = page("The Marrow Sentinel", "LIVE: Ferry services resume across the northern bay", HEAD, "By Orla Brenn",
                "May 4, 2016", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


# --- a numeric date and the zone of its time -------------------------------------------------------------

@pytest.mark.parametrize("stamp, expected", [
    ("Updated 04/05/2016 09:10 CEST", "2016-05-04"),   # a European zone: day first
    ("Updated 04/05/2016 09:10 EDT", "2016-04-05"),    # a zone of the United States: month first
    ("Updated 04/05/2016 09:10 GMT", None),            # GMT is printed either way round: unsettled
    ("Updated 04/05/2016", None),
])
def test_the_time_zone_after_a_numeric_date_settles_its_order(stamp, expected):
    assert read(page("The Marrow Sentinel", HEAD, stamp, LEAD, MORE)) == (HEAD, "The Marrow Sentinel", expected)


# --- pages that print no date of the article --------------------------------------------------------------

@pytest.mark.parametrize("lines", [
    # a clock bar with today's date, its time and the city, over the headline
    ["The Marrow Sentinel", "Menu", "Monday 7 December 2026 | 09:14 Kestrin", HEAD, "By Orla Brenn", LEAD, MORE],
    # a weather widget
    ["The Marrow Sentinel", "Kestrin 14\u00b0C  Mon 7 Dec 2026", HEAD, "By Orla Brenn", LEAD, MORE],
    # today's date, plainly over the headline
    ["The Marrow Sentinel", "Today: Monday, December 7, 2026", HEAD, LEAD, MORE],
    # an age, not a date
    ["The Marrow Sentinel", HEAD, "Last updated 3 hours ago", LEAD, MORE],
    # dates inside a list of teasers, after the text
    ["The Marrow Sentinel", HEAD, "By Orla Brenn", LEAD, MORE, THIRD, "Related stories",
     "Ferry services resume across the bay \u2013 May 4, 2016", "Harbour strike ends \u2013 April 30, 2016"],
])
def test_furniture_dates_are_not_the_articles_date(lines):
    assert read(page(*lines)) == (HEAD, "The Marrow Sentinel", None)


def test_a_teaser_list_with_dates_over_the_headline_gives_no_date():
    text = page("The Marrow Sentinel", "Most read", "1. Ferry services resume across the bay \u00b7 May 2, 2016",
                "2. Harbour strike ends after a fortnight \u00b7 April 30, 2016", HEAD, "By Orla Brenn", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", None)


# --- headlines ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("read_time", ["Estimated reading time: 6 minutes", "Read time: about 7 min",
                                       "Approx. 4 min read"])
def test_a_reading_time_line_is_not_the_headline(read_time):
    text = page("Menu   Search   Subscribe", "ANALYSIS / REGION", HEAD, "Orla Brenn, Senior Fellow", read_time, LEAD,
                MORE, "\u00a9 2016 Kestrin Policy Forum. All rights reserved.")
    assert read(text) == (HEAD, "Kestrin Policy Forum", None)


# --- publishers ---------------------------------------------------------------------------------------

def test_an_abbreviated_masthead_is_the_name_the_footer_spells_out():
    text = page("KT", "Home | Region | World | Opinion", HEAD, "May 4, 2016", "KESTRIN (KT) - " + LEAD, MORE,
                "About | Contact | Advertise", "\u00a9 2016 Kestrin Telegraph")
    assert read(text) == (HEAD, "Kestrin Telegraph", "2016-05-04")


def test_a_dateline_abbreviation_is_the_masthead_it_abbreviates():
    text = page("MARROW DISPATCH", "Agency | English | Contact", HEAD, "4 May 2016 09:14 GMT",
                "KESTRIN (MD) -- " + LEAD, MORE, "All content \u00a9 Marrow Dispatch Press Agency 2016.")
    assert read(text) == (HEAD, "Marrow Dispatch", "2016-05-04")


def test_an_abbreviation_nothing_spells_out_stays_as_printed():
    text = page(HEAD, "May 4, 2016", "KESTRIN (KT) - " + LEAD, MORE)
    assert read(text) == (HEAD, "KT", "2016-05-04")


def test_the_parent_companys_copyright_does_not_replace_the_outlet_at_the_top():
    text = page("THE MARROW SENTINEL  \u00b7  World  \u00b7  Region", HEAD, "By Orla Brenn", "May 4, 2016", LEAD, MORE,
                "\u00a9 2016 Sentinel Media Group Ltd")
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_copyright_naming_another_name_at_the_top_is_kept():
    # the first line is a section's label, not the outlet: the copyright names the publisher
    text = page("World  \u00b7  Region", HEAD, "By Orla Brenn", "May 4, 2016", LEAD, MORE, "\u00a9 2016 Kestrin Media Ltd")
    assert read(text) == (HEAD, "Kestrin Media", "2016-05-04")


def test_a_domain_no_outlet_is_known_by_names_nobody():
    text = page("https://kestrinpost.example/world/2016/05/04/safe-passage", HEAD, "By Orla Brenn", LEAD, MORE)
    assert read(text) == (HEAD, None, "2016-05-04")


def test_a_known_domain_names_its_outlet():
    text = page("Original url: https://www.bbc.co.uk/news/world-2016-05-04", HEAD, "4 May 2016", LEAD, MORE)
    assert read(text) == (HEAD, "BBC", "2016-05-04")


def test_a_dateline_credit_the_footer_names_as_an_agency_is_the_wire():
    text = page("THE MARROW GAZETTE", "Home | Local | World | Sport", "Sat 7 Dec 2026  |  Cloudy 11\u00b0C", "WORLD",
                HEAD, "May 4, 2016", "KESTRIN, May 4 (Tarvel) - " + LEAD, MORE,
                "\u00a9 2016 The Marrow Gazette. Wire copy \u00a9 Tarvel News Agency. All rights reserved.")
    parsed = parse_article(text)
    assert read(text) == (HEAD, "The Marrow Gazette", "2016-05-04")
    assert parsed.wire == "Tarvel News Agency"


def test_the_agencys_own_page_credited_in_its_dateline_is_its_publisher():
    text = page("Tarvel News Agency", "WORLD | REGION | May 4, 2016 | 4:56 PM", HEAD, "By Orla Brenn",
                "KESTRIN, May 4 (Tarvel) - " + LEAD, MORE)
    parsed = parse_article(text)
    assert read(text) == (HEAD, "Tarvel News Agency", "2016-05-04")
    assert parsed.wire is None


def test_a_dateline_credit_in_short_is_the_masthead_in_full():
    text = page("The Marrow Sentinel", "4 May 2016", HEAD, "KESTRIN, May 4 (Sentinel) - " + LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_masthead_printing_its_abbreviation_and_its_name():
    text = page("KTN  Kestrin Television Network", "Live TV | World | Region", HEAD, "By Orla Brenn, KTN",
                "Updated 6:10 PM ET, Wed May 4, 2016", "KESTRIN (KTN) -- " + LEAD, MORE)
    assert read(text) == (HEAD, "Kestrin Television Network", "2016-05-04")


def test_a_byline_with_the_time_and_the_date():
    text = page("The Marrow Sentinel", HEAD, "By Orla Brenn at 6:10 pm on 4 May 2016", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_headline_over_a_deck_of_about_its_length_on_a_mobile_page():
    # the deck has fewer words but more letters than the headline; the headline speaks of what the text says
    deck = "Both delegations accepted the plan after a night of bargaining"
    text = page("\u2630", "The Marrow Sentinel", HEAD, deck, "Orla Brenn \u00b7 4 May 2016 \u00b7 3 min read", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_tag_list_over_the_headline_is_not_the_headline():
    text = page("The Marrow Sentinel", "Tags: talks, convoys, Kestrin", HEAD, "4 May 2016", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_blog_stamp_with_its_category_and_author():
    text = page("The Marrow Sentinel", HEAD, "Posted in World on May 4, 2016 by Orla Brenn", LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


@pytest.mark.parametrize("line", ["By Orla Brenn for the Marrow Sentinel", "Orla Brenn, Special to The Marrow Sentinel"])
def test_a_byline_written_for_the_outlet_names_it(line):
    assert read(page(HEAD, line, "4 May 2016", LEAD, MORE)) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_byline_for_a_person_names_no_outlet():
    assert read(page(HEAD, "By Orla Brenn for Ivo Tarn", "4 May 2016", LEAD, MORE)) == (HEAD, None, "2016-05-04")


def test_a_note_of_first_publication_names_the_outlet():
    text = page(HEAD, "4 May 2016", LEAD, MORE, "This article was first published in the Marrow Sentinel.")
    assert read(text) == (HEAD, "The Marrow Sentinel", "2016-05-04")


def test_a_labelled_source_that_is_no_outlets_name_names_nobody():
    # "Source:" before a name with no outlet word is a credit for the content, not the page's publisher
    assert read(page(HEAD, "4 May 2016", LEAD, MORE, "Source: Kestrin Tarn"))[1] is None


def test_a_printer_friendly_page_the_outlets_name_and_a_label_over_the_headline():
    text = page("Print this page", "The Marrow Sentinel - Printer-friendly version", HEAD,
                "Published on Wednesday, May 4, 2016", LEAD, MORE,
                "Article printed from The Marrow Sentinel: https://marrowsentinel.example")
    assert read(text)[0::2] == (HEAD, "2016-05-04")


def test_a_caches_note_over_the_page_is_not_its_text():
    text = page("This is a search engine's cache of https://marrowsentinel.example/world/safe-passage. It is a snapshot "
                "of the page as it appeared on 7 Dec 2026 10:12:03 GMT.", "The Marrow Sentinel", HEAD, "By Orla Brenn",
                LEAD, MORE)
    assert read(text) == (HEAD, "The Marrow Sentinel", None)


def test_a_place_and_date_under_the_lead_paragraph_is_no_stamp():
    # a photo's place and date between two paragraphs: the lead ends as a sentence and no byline is there
    text = page("The Marrow Sentinel", HEAD, LEAD, "Kestrin, 2 May 2016", MORE, THIRD)
    assert read(text) == (HEAD, "The Marrow Sentinel", None)


@pytest.mark.parametrize("bar, expected", [
    ("ORLAN | LIVE", "ORLAN"),                                           # a broadcaster's name and its label
    ("Orlan One  \u00b7  Watch live  \u00b7  Radio", "Orlan One"),
    ("KESTRIN | LIVE", None),                                            # a kicker: the headline's place, not a name
    ("Orlan One  \u00b7  Ceasefire talks", None),                        # a name and a topic: not a bar of labels
])
def test_a_broadcasters_name_in_a_live_bar_at_the_top(bar, expected):
    head = HEAD.replace("river towns", "Kestrin towns")
    assert read(page(bar, head, "By Orla Brenn", "4 May 2016", LEAD, MORE)) == (head, expected, "2016-05-04")


def test_a_page_with_a_headline_and_no_text():
    assert read(page("The Marrow Sentinel", HEAD))[0] == HEAD


@pytest.mark.parametrize("over, expected", [
    ("By Orla Brenn | 4 May 2016", "2016-05-04"),   # a byline and its date over the headline: the article's
    ("4 May 2016", None),                            # a date alone there may be the site's: the text names no year
])
def test_a_byline_with_its_date_over_the_headline(over, expected):
    assert read(page("The Marrow Sentinel", over, HEAD, LEAD, MORE)) == (HEAD, "The Marrow Sentinel", expected)


@pytest.mark.parametrize("footer, expected", [
    ("Orlan Broadcasting Corporation \u00a9 2016 \u00b7 Terms \u00b7 Privacy", "Orlan Broadcasting Corporation"),
    ("Privacy Policy \u00a9 2016", None),       # a footer's link before the sign names nobody
    ("Contact Us (c) 2016", None),
    ("Terms \u00a9 2016", None),
])
def test_a_name_before_the_copyright_sign(footer, expected):
    assert read(page(HEAD, "4 May 2016", LEAD, MORE, footer)) == (HEAD, expected, "2016-05-04")


def test_the_parent_companys_copyright_under_a_masthead_below_the_account_bar():
    text = page("Sign in | Subscribe", "THE MARROW OBSERVER", "Independent since 1921", "Home  World  Region  Opinion",
                "OPINION", HEAD, "Orla Brenn", "Contributing columnist", "May 6, 2016", LEAD, MORE,
                "\u00a9 2016 Marrow Observer Media Group. All rights reserved.")
    assert read(text) == (HEAD, "The Marrow Observer", "2016-05-06")


def test_a_labelled_stamp_in_local_time_is_no_clock():
    text = page("KTV", HEAD, "Updated 5 May 2016, 09:40 local time", "Posted by Orla Brenn", LEAD, MORE)
    assert read(text)[0::2] == (HEAD, "2016-05-05")


@pytest.mark.parametrize("author", ["Ivo Tarn", "Ivo J. Tarn", "Leila al-Tarn"])
def test_an_author_line_without_by_under_the_headline(author):
    # a blog's masthead and slogan over the site's date (today's: no date of the article), then the headline and
    # its author's name alone
    text = page("Marrow Review \u2014 essays on war and peace", "Dec 7, 2026", HEAD, author, LEAD, MORE)
    assert read(text) == (HEAD, "Marrow Review", None)


def test_a_newsdesk_signature_under_a_posted_by_label_names_the_outlet():
    text = page("Region", HEAD, "Updated 5 May 2016, 09:40 local time", "Posted by KTV Newsdesk", LEAD, MORE)
    assert read(text) == (HEAD, "KTV", "2016-05-05")
