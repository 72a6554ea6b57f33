"""Printed dates of page dumps, form by form, in pages written for the test: the article's date is found;
a clock, weather or current-date widget, a caption's date, a comment's stamp, an age ("7 years ago") never
is; a numeric date nothing settles stays unknown; a date that contradicts the article is a conflict."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from peacetalks import load_corpus
from peacetalks.sources.catalog import Event
from peacetalks.parse.dates import find_dates
from peacetalks.parse.dating import decide_date
from peacetalks.parse.page import parse_article

from helpers import LEAD, SECOND, TITLE, page, printed


@pytest.mark.parametrize("text, expected", [
    ("Sunday 11/09/2016", "2016-09-11"),            # a weekday settles day-first
    ("Tue, 08/04/2015 - 11:25", "2015-08-04"),      # ... or month-first
    ("\u2022 30/10/2015", "2015-10-30"),            # a part over 12 is the day
    ("10/30/2015", "2015-10-30"),
    ("Updated: 2013-11-28 10:22", "2013-11-28"),
    ("Tue Mar 8, 2016 14:52:10", "2016-03-08"),
])
def test_numeric_and_stamped_date_forms(text, expected):
    assert [d.date.isoformat() for d in find_dates(text)][:1] == [expected]


@pytest.mark.parametrize("text", ["08/04/2015", "Monday 08/04/2015", "03/03/2016x"])
def test_a_numeric_date_nothing_settles_is_left_unknown(text):
    """8 April and 4 August 2015 are neither Mondays: nothing says which is meant, so no date."""
    assert [d for d in find_dates(text) if d.text.startswith(("08/04", "03/03/2016x"))] == []


@pytest.mark.parametrize("header, expected", [
    ("Published Saturday, November 9, 2013", "2013-11-09"),
    ("Posted March 2nd, 2014 at 7:40 am (UTC-5)", "2014-03-02"),
    ("Updated October 21, 2015 17:44:03", "2015-10-21"),
    ("Example Media November 10, 2014 News", "2014-11-10"),   # a byline's name before the date
    ("World Desk 9 March 2015 08:47 (UTC +04:00)", "2015-03-09"),
    ("Sunday 11/09/2016", "2016-09-11"),
    ("Tue, 08/04/2015 - 11:25", "2015-08-04"),
    # a labelled stamp with the time before the date, and an update after it (no caption, no clock)
    ("Published 9:05 AM ET Tue, 3 May 2016 Updated 11:40 AM ET Tue, 3 May 2016", "2016-05-03"),
    ("Posted 18:20 GMT 12 June 2014", "2014-06-12"),
    ("Last modified on Wed 4 May 2016 09.15 BST", "2016-05-04"),
    ("Valdoria, Feb 14, 2016 (Example Agency)", "2016-02-14"),   # a place, the date, and its credit
    ("By Jane Roe on May 3, 2016", "2016-05-03"),                 # a byline, then its date
    ("Posted by Jane Roe on 03/05/2016 at 10:20", None),          # ... numeric, and nothing settles which is the day
    ("Author: Jane Roe Posted May 3, 2016", "2016-05-03"),
    ("by Jane Roe, Example Courier - May 3, 2016", "2016-05-03"),  # no caption, though it ends with a date
    ("Jane Roe | 3 May 2016", "2016-05-03"),
    ("Last update: Tuesday 3 May 2016 14:32 UTC", "2016-05-03"),
    ("Latest update : 2016-05-03", "2016-05-03"),
    ("Updated 1244 GMT (2044 HKT) May 3, 2016", "2016-05-03"),     # a time without a colon, two zones
    ("VALDORIA, EXAMPLIA — 28 January 2016", "2016-01-28"),   # a dateline's place in capitals, then the date
])
def test_a_date_line_under_the_headline_is_the_printed_date(header, expected):
    assert printed(page(TITLE, header, LEAD, SECOND)) == expected


@pytest.mark.parametrize("widget", [
    "10:15 AM Valdoria Timing 23-04-2021",         # a clock with its place
    "15:17 GMT +3 28 February 2017",               # a time before the date: a clock
    "Friday, 22 September 2023 Valdoria 31\u00b0",  # a weather widget
    "Published 7 years ago",
])
def test_clock_and_weather_widgets_are_never_the_date(widget):
    assert printed(page(widget, TITLE, LEAD, SECOND)) is None


def test_a_current_date_widget_above_the_headline_gives_way_to_the_article_date():
    text = page("\u2022 Saturday, 03 August 2024", "logo", TITLE, "Example Media November 10, 2014 News", LEAD, SECOND)
    assert printed(text) == "2014-11-10"


def test_a_captions_date_is_not_the_article_date():
    caption = "Delegates gather outside the conference hall in the old city, Valdoria, March 3, 2016."
    assert printed(page(TITLE, caption, LEAD, SECOND)) is None


def test_a_comment_stamp_at_the_foot_is_not_the_article_date():
    assert printed(page(TITLE, LEAD, SECOND, "Comments", "Jane 25 May 2013, 15:48", "Nice piece.")) is None


def test_a_dateline_date_is_read():
    lead = "Valdoria, 3 Rajab 1436/22 April 2015 (EXN) \u2013 Envoys met on Wednesday to revive the stalled talks."
    assert printed(page(TITLE, lead, SECOND)) == "2015-04-22"


def _decide(text: str, events: list[Event] | None = None):
    return decide_date(parse_article(text), None, events or [])


def test_a_printed_date_years_after_everything_the_article_mentions_is_a_conflict_not_a_date():
    body = ("Envoys met in Valdoria on Tuesday, a year after the talks of 2011 collapsed, to agree a truce for 2012. "
            "The mediator said a deal was near.")
    decision = _decide(page(TITLE, "Published Friday, 22 September 2023", body, SECOND))
    assert decision.published is None and decision.basis == "unknown"
    assert any("2023-09-22" in conflict for conflict in decision.conflicts)


def test_a_printed_date_years_after_the_articles_years_is_kept_when_its_address_agrees():
    """An article may look back on events long past: a date that its address states too is not a widget's."""
    body = ("Envoys met in Valdoria on Tuesday, a year after the talks of 2011 collapsed, to agree a truce for 2012. "
            "The mediator said a deal was near.")
    text = page(TITLE, "Published Friday, 22 September 2023", body, SECOND,
                "Original url: https://news.example/world/2023/09/22/valdoria-talks")
    decision = _decide(text)
    assert decision.published == dt.date(2023, 9, 22) and decision.basis == "text" and decision.conflicts == []


def test_a_printed_date_that_fits_the_article_is_kept():
    body = "Envoys met in Valdoria on Tuesday, a year after the talks of 2011 collapsed. The mediator said a deal was near."
    decision = _decide(page("Published March 6, 2012", TITLE, body, SECOND))
    assert decision.published == dt.date(2012, 3, 6) and decision.conflicts == []


def test_a_printed_date_outside_the_window_of_the_articles_events_is_a_conflict():
    summit = Event("valdoria summit", dt.date(2016, 5, 10), dt.date(2016, 5, 11), "Valdoria", ("summit",))
    body = "Envoys gathered for the Valdoria summit next week, officials said. The mediator said a deal was near."
    decision = _decide(page("Published March 6, 2017", TITLE, body, SECOND), [summit])
    assert decision.published is None
    assert any("window" in conflict for conflict in decision.conflicts)


def test_a_conflicting_date_is_a_problem_of_the_corpus(tmp_path: Path):
    body = "Envoys met in Valdoria on Tuesday, after the talks of 2011 collapsed. The mediator said a deal was near."
    (tmp_path / "widget.txt").write_text(page(TITLE, "Published Friday, 22 September 2023", body, SECOND),
                                         encoding="utf-8")
    corpus = load_corpus(tmp_path)
    assert corpus.articles.loc[0, "published"] is None or corpus.articles.loc[0, "published"] != "2023-09-22"
    assert corpus.problems["problem"].str.contains("2023-09-22").any()


def test_a_labelled_stamp_closing_the_page_dates_it_when_nothing_above_does():
    parsed = parse_article(page(TITLE, LEAD, SECOND, "Source: Example News", "VLT: 1430 HRS, JUNE 3, 2016"))
    assert parsed.printed_date.date == dt.date(2016, 6, 3)
    assert "1430" not in parsed.body
    above = parse_article(page(TITLE, "Published March 6, 2016", LEAD, SECOND, "VLT: 1430 HRS, JUNE 3, 2016"))
    assert above.printed_date.date == dt.date(2016, 3, 6)


def test_a_comment_count_cuts_the_comments_and_their_stamps():
    parsed = parse_article(page(TITLE, LEAD, SECOND, "Comments 4", "reader_one 25 May 2013, 15:48",
                                "Nothing will come of it, as usual."))
    assert parsed.printed_date is None and "reader_one" not in parsed.body


@pytest.mark.parametrize("above, expected", [
    ("Saturday, 03 August 2024", None),                  # the site's current-date widget
    ("Sunday 11/09/2016", None),
    ("Last updated: 25 December, 2012", "2012-12-25"),   # the article's stamp
    ("October 14, 2013 - 16:05 AMT", None),              # a date and a time, unlabelled: a clock, unless ...
    ("Monday, 7 December 2026 | 14:05", None),
])
def test_above_the_headline_only_a_stamp_dates_the_article(above, expected):
    assert printed(page(above, TITLE, LEAD, SECOND)) == expected


@pytest.mark.parametrize("lead, expected", [
    ("Envoys met in Valdoria on Sunday, Oct. 13, to revive the talks, officials said.", "2013-10-14"),  # a day before
    ("Envoys met in Valdoria to revive the talks of 2013, officials said on Monday.", "2013-10-14"),       # its year
    ("Envoys met in Valdoria to revive the talks of 2011 and 2015, officials said.", None),   # a later year: no
])
def test_an_unlabelled_date_and_time_above_the_headline_dates_the_article_when_the_text_agrees(lead, expected):
    assert printed(page("October 14, 2013 - 16:05 AMT", TITLE, lead, SECOND)) == expected


@pytest.mark.parametrize("text", [
    # a stamp above a one-paragraph page, then the headline and a dated credit dateline
    " date 2021-01-01 " + TITLE + " March 9, 2021 (VNS)\u2014Envoys from eleven countries met on Tuesday. " + SECOND,
    # a stamp on a standfirst line, then a credit line that carries the date inside its brackets
    page("date 2021-03-10 Envoys from eleven countries met in Valdoria on Tuesday to revive the stalled talks on "
         "the future of the northern provinces",
         "VALDORIA (Example News / Agency - 9th March, 2021) " + LEAD, SECOND),
])
def test_a_dated_credit_dateline_outranks_a_stamp_that_disagrees(text):
    """A stamp printed above the article (a crawl, update or placeholder date) is not its date when the
    article's own dateline prints another one."""
    assert printed(text) == "2021-03-09"


def test_a_stamp_the_dateline_agrees_with_or_does_not_date_stays():
    agrees = page("date 2021-03-09 " + LEAD, "VALDORIA (Example News - 9th March, 2021) " + SECOND)
    undated = page("date 2021-03-10", TITLE, "VALDORIA (Example News) \u2014 " + LEAD, SECOND)
    assert printed(agrees) == "2021-03-09"
    assert printed(undated) == "2021-03-10"


def test_a_date_in_brackets_that_is_not_a_credit_does_not_override():
    text = page(TITLE, "Updated: 2021-03-10 10:22", LEAD + " The last round (held on March 2, 2021) failed.", SECOND)
    assert printed(text) == "2021-03-10"


@pytest.mark.parametrize("stamp", ["Updated Dec 14, 2021", "Published: 3 March 2021 10:22", "Last updated March 3, 2021"])
def test_a_labelled_stamp_after_a_deck_and_a_caption_is_the_printed_date(stamp):
    deck = "The envoys hope to end the stalemate. A vote on the plan is due within a month."
    caption = "Delegates gather outside the conference hall in the old city, Valdoria, March 3, 2016. (File photo)"
    text = page(TITLE, deck, caption, stamp, LEAD, SECOND)
    parsed = parse_article(text)
    assert parsed.printed_date is not None and parsed.printed_date.date == find_dates(stamp)[0].date
    assert stamp not in parsed.body


def test_a_stamp_label_inside_running_text_is_not_a_stamp():
    text = page(TITLE, LEAD, "Updated figures from March 3, 2021 show the talks have stalled for a year now.", SECOND)
    assert printed(text) is None


def test_a_dateline_without_a_year_is_dated_by_the_same_days_printed_with_one():
    lead = ("The envoys of eleven countries support the talks held in Valdoria, March 8-9, 2021, said a statement "
            "read by the host's foreign minister on Tuesday.")
    assert printed(page(TITLE, "VALDORIA, March 9 (EXN) \u2013 " + lead, SECOND)) == "2021-03-09"
    # with no such mention the year stays unknown: nothing is guessed
    assert printed(page(TITLE, "VALDORIA, March 9 (EXN) \u2013 " + LEAD, SECOND)) is None
