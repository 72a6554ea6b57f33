"""A generator of synthetic articles with known answers, for tests and benchmarks at any size.

Each article is written in the style of one of the seed outlets (a Moscow Times markdown dump
with a masthead and address, a Bloomberg page with bullet summaries, an indented Sputnik dump,
a blog repost crediting Reuters, a one-paragraph FA-KES row) and has casualty figures and
stances planted in it. The truth is written beside the articles as `truth.json`, in the format
of the dev set's `gold.json`, so `../shared/eval/score.py` scores an extraction against it.

The truth follows ANALYSIS.md and the dev set's labelling conventions: a figure repeated from
the headline is listed once, breakdowns ("including 7 children") are rows of their own, and
numbers of troops, delegates, names, years and ages, photo captions and other page furniture
are planted as distractors that are not listed. Undated styles have `published: null`; the
date the generator used is kept in `generated_date`.

Article `i` depends only on the seed and `i`, so a larger corpus extends a smaller one.

    python -m peacetalks.synthetic N OUTDIR [--seed S] [--format txt|csv|jsonl]
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

STYLES = ("moscow_times", "bloomberg", "sputnik", "blog", "fakes")
FIRST_DAY = dt.date(2012, 1, 1)
LAST_DAY = dt.date(2018, 6, 30)

# The war's death toll as widely reported at each date (rounded, after UN and SOHR counts): figures
# planted as the war's total are drawn around this curve, so a casualty chart shows it grow.
TOLL_CURVE = [
    (dt.date(2012, 1, 1), 6_000), (dt.date(2012, 7, 1), 17_000), (dt.date(2013, 1, 1), 60_000),
    (dt.date(2013, 7, 1), 100_000), (dt.date(2014, 1, 1), 130_000), (dt.date(2014, 7, 1), 170_000),
    (dt.date(2015, 1, 1), 210_000), (dt.date(2015, 7, 1), 240_000), (dt.date(2016, 1, 1), 260_000),
    (dt.date(2016, 7, 1), 290_000), (dt.date(2017, 1, 1), 310_000), (dt.date(2017, 7, 1), 330_000),
    (dt.date(2018, 1, 1), 345_000), (dt.date(2018, 7, 1), 355_000),
]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
TOWNS = ("Aleppo", "Douma", "Homs", "Idlib", "Deir al-Zor", "Raqqa", "Hama", "Daraa", "Maarat al-Numan",
         "Jisr al-Shughour", "Palmyra", "Manbij", "al-Bab", "Qamishli", "Zabadani", "Madaya", "Ghouta")
VENUES = ("Geneva", "Vienna", "Astana", "Moscow", "Riyadh", "Sochi", "Lausanne", "Munich")
SMALL_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve")


@dataclass(frozen=True)
class Speaker:
    """A way of naming an actor: `pronoun` is how the text refers back to it."""

    actor: str
    name: str
    short: str
    pronoun: str = "it"
    start: dt.date = FIRST_DAY
    end: dt.date = LAST_DAY


SPEAKERS = [
    Speaker("russia", "Russian Foreign Minister Sergei Lavrov", "Lavrov", "he"),
    Speaker("russia", "Kremlin press secretary Dmitry Peskov", "Kremlin", "he"),
    Speaker("russia", "Russia's deputy top diplomat Mikhail Bogdanov", "Russia", "he"),
    Speaker("russia", "Moscow", "Russia"),
    Speaker("syrian_government", "President Bashar al-Assad", "Assad", "he"),
    Speaker("syrian_government", "Syria's top diplomat Walid Muallem", "Damascus", "he"),
    Speaker("syrian_government", "Damascus", "Damascus"),
    Speaker("syrian_opposition", "the opposition's HNC", "Opposition", "it",
            dt.date(2015, 12, 10), LAST_DAY),
    Speaker("syrian_opposition", "the National Coalition", "Syrian Coalition"),
    Speaker("syrian_opposition", "rebel groups", "Opposition", "they"),
    Speaker("united_states", "U.S. Secretary of State John Kerry", "Kerry", "he",
            dt.date(2013, 2, 1), dt.date(2017, 1, 20)),
    Speaker("united_states", "America's top diplomat Hillary Clinton", "Clinton", "she",
            FIRST_DAY, dt.date(2013, 2, 1)),
    Speaker("united_states", "U.S. Secretary of State Rex Tillerson", "Tillerson", "he",
            dt.date(2017, 2, 1), dt.date(2018, 3, 31)),
    Speaker("united_states", "Washington", "U.S."),
    Speaker("united_nations", "U.N. envoy Staffan de Mistura", "De Mistura", "he",
            dt.date(2014, 7, 10), LAST_DAY),
    Speaker("united_nations", "U.N. envoy Lakhdar Brahimi", "Brahimi", "he",
            dt.date(2012, 8, 17), dt.date(2014, 5, 31)),
    Speaker("united_nations", "the U.N. Security Council", "U.N."),
    Speaker("turkey", "Turkish President Tayyip Erdogan", "Erdogan", "he"),
    Speaker("turkey", "Ankara", "Turkey"),
    Speaker("iran", "Iranian Foreign Minister Mohammad Javad Zarif", "Zarif", "he",
            dt.date(2013, 8, 15), LAST_DAY),
    Speaker("iran", "Tehran", "Iran"),
    Speaker("saudi_arabia", "Saudi Arabia's top diplomat Adel al-Jubeir", "Saudi Arabia", "he",
            dt.date(2015, 4, 29), LAST_DAY),
    Speaker("saudi_arabia", "Riyadh", "Saudi Arabia"),
]

# (issue, polarity) -> the actors who plausibly hold it, sentence templates, headline templates.
# {s} is the speaker's name, {p} its pronoun, {v} a venue. Templates carry no numbers.
STANCES: dict[tuple[str, int], tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    ("negotiations", 1): (
        ("russia", "united_nations", "united_states", "syrian_opposition", "syrian_government", "iran", "turkey"),
        ("{S} said {p} was optimistic that the peace talks in {v} would make progress.",
         "{S} said {p} would send a delegation to the coming round of peace talks in {v}.",
         "{S} welcomed the resumption of the negotiations in {v} and urged all sides to attend.",
         "\"We are ready to sit down at the table in {v},\" {s} told reporters."),
        ("{short} Hopeful About Syria Peace Talks", "{short} Backs New Round of Syria Talks in {v}"),
    ),
    ("negotiations", -1): (
        ("syrian_opposition", "syrian_government", "saudi_arabia", "turkey"),
        ("{S} said {p} would boycott the talks in {v}.",
         "{S} rejected the invitation to the talks in {v}, calling them a waste of time.",
         "{S} said there was no point in going to {v} while the bombing continued."),
        ("{short} to Boycott Syria Talks in {v}", "{short} Rejects Invitation to {v} Talks"),
    ),
    ("assad_role", 1): (
        ("russia", "iran", "syrian_government"),
        ("{S} said Assad could play a role in whatever settlement the talks produced.",
         "{S} insisted that only the Syrian people could decide Assad's fate.",
         "{S} said Assad should be allowed to stay in power during any transition."),
        ("{short} Says Assad's Exit Cannot Be a Condition for Peace", "{short} Rejects Calls for Assad to Go"),
    ),
    ("assad_role", -1): (
        ("united_states", "syrian_opposition", "turkey", "saudi_arabia"),
        ("{S} said Assad would have to stand down once a transition got under way.",
         "{S} said there could be no place for Assad in Syria's future.",
         "{S} repeated that Assad had lost all legitimacy and had to leave power."),
        ("{short} Insists Assad Must Go", "{short}: Assad Cannot Be Part of Syria's Future"),
    ),
    ("transition", 1): (
        ("united_states", "syrian_opposition", "united_nations", "saudi_arabia", "turkey"),
        ("{S} called for an interim authority that would hold full executive powers.",
         "{S} said a transitional government with full executive authority was the only way forward."),
        ("{short} Calls for Transitional Government in Syria",),
    ),
    ("transition", -1): (
        ("syrian_government",),
        ("{S} rejected a transitional governing body and offered a national unity government under Assad instead.",
         "{S} dismissed the idea of a transitional body, proposing a unity government that would keep Assad in office."),
        ("{short} Rejects Transitional Body, Offers Unity Government",),
    ),
    ("ceasefire", 1): (
        ("russia", "united_states", "united_nations", "turkey", "iran", "syrian_government", "syrian_opposition"),
        ("{S} said {p} would respect the cease-fire that took effect at midnight.",
         "{S} welcomed the truce and offered to help monitor it.",
         "{S} called on all sides to observe the cessation of hostilities."),
        ("{short} Backs Syria Cease-Fire", "{short} Welcomes Truce in Syria"),
    ),
    ("ceasefire", -1): (
        ("syrian_opposition", "syrian_government"),
        ("{S} said {p} would no longer abide by the truce.",
         "{S} rejected the cease-fire proposal as a trap."),
        ("{short} Rejects Syria Truce",),
    ),
    ("engage_opposition", 1): (
        ("russia", "united_nations", "united_states", "turkey"),
        ("{S} said the opposition groups had to be part of any political settlement.",
         "{S} urged that the armed opposition groups be included in the political process.",
         "{S} said {p} was ready to work with all opposition groups."),
        ("{short} Reaches Out to Syrian Opposition",),
    ),
    ("engage_opposition", -1): (
        ("syrian_government", "russia", "iran"),
        ("{S} dismissed the opposition delegation as terrorists and refused to meet it.",
         "{S} said the groups invited to {v} did not represent the Syrian opposition and should be excluded."),
        ("{short} Dismisses Syrian Opposition Groups",),
    ),
}

BACKGROUND = (
    "The war grew out of peaceful demonstrations against the Assad family in March 2011.",
    "Islamic State militants still hold large parts of the country's east.",
    "Diplomats said the agenda for the meeting had not been agreed.",
    "The talks are expected to focus on humanitarian access and the release of detainees.",
    "Aid agencies have warned that food and medicine are running out in besieged areas.",
    "Previous rounds of negotiations ended without a breakthrough.",
    "Western diplomats said the coming weeks would be decisive.",
    "The delegations were due to meet separately with the mediator before any direct talks.",
    "Kurdish groups were not invited to the meeting.",
    "Analysts said neither side was ready to make concessions on the battlefield.",
    "Humanitarian convoys reached several besieged towns this week.",
    "The meeting took place behind closed doors.",
    "Officials said the draft document would be circulated before the next session.",
    "The fighting has devastated cities across the country and destroyed much of its infrastructure.",
    "Observers said the announcement was unlikely to change the situation on the ground.",
    "Foreign ministers are expected to discuss the issue at a conference later this month.",
    "Residents described long queues for bread and fuel in the city.",
    "Power cuts have become a daily routine in much of the north.",
    "The road linking the two cities has been closed for weeks.",
    "Mediators shuttled between the delegations' hotels late into the night.",
    "The agenda includes a draft constitution and the timing of elections.",
    "Journalists were kept outside the venue for most of the day.",
    "The diplomatic push comes as winter approaches and relief supplies run low.",
    "Prices of basic goods have soared since the start of the year.",
    "The statement did not say when the next meeting would take place.",
    "Satellite images published by rights groups show whole districts reduced to rubble.",
    "The border crossings remain the main route for relief supplies.",
    "The working groups on security and humanitarian issues met for the first time.",
    "Many families have moved several times in search of safety.",
    "Officials from neighbouring countries attended as observers.",
    "Hospitals in the area report shortages of fuel for their generators.",
    "Negotiators said the wording of the final statement was still being discussed.",
    "The conference hall was decked with the flags of the participating countries.",
    "Farmers in the region say they have not been able to plant their fields.",
    "A spokesman for the mediator would not say what had been agreed at the meeting.",
    "Schools in several districts have been turned into shelters.",
    "The envoy's office said preparations for the next round were under way.",
    "Water supplies to the city were cut again this week.",
    "Commentators in the regional press were sceptical about the outcome.",
    "The sessions are scheduled to last several days.",
)

# Numbers that are not casualty figures (troops, delegates, names, resolutions, ages, rounds).
DISTRACTORS = (
    "Some {n:,} Russian troops are deployed in the country, according to Western estimates.",
    "A delegation of {small} members arrived in {v} on the eve of the meeting.",
    "Moscow and Riyadh traded lists of {small2} names before the talks opened.",
    "The talks are based on the Geneva communique agreed by world powers in June 2012.",
    "The {age}-year-old diplomat has been in charge of the effort since last spring.",
    "Around {n:,} fighters are thought to be holding out in the area.",
)


# Tolls of events outside the war (date, sentence, value), reported in articles on the talks.
OTHER_EVENTS = (
    (dt.date(2015, 10, 31), "Investigators were still examining the crash of a Russian airliner over Egypt's Sinai "
                            "in which all 224 people on board died.", 224),
    (dt.date(2015, 11, 13), "The talks took place in the shadow of the attacks in Paris that killed 130 people.", 130),
    (dt.date(2016, 3, 22), "The meeting came days after the bombings in Brussels that killed 32 people.", 32),
    (dt.date(2016, 7, 14), "Delegates observed a minute's silence for the 86 people killed in the truck attack in Nice.", 86),
)


@dataclass
class Figure:
    """A planted casualty figure: the sentence that states it and its row in the truth."""

    sentence: str
    rows: list[dict[str, Any]]


@dataclass
class SyntheticArticle:
    """One generated article: its file name, its text and the truth about it (gold.json format)."""

    id: str
    style: str
    text: str
    truth: dict[str, Any]


def _toll_on(day: dt.date) -> int:
    """The reported death toll of the war on `day`, interpolated on TOLL_CURVE."""
    for (d0, v0), (d1, v1) in zip(TOLL_CURVE, TOLL_CURVE[1:]):
        if d0 <= day <= d1:
            return int(v0 + (v1 - v0) * (day - d0).days / (d1 - d0).days)
    return TOLL_CURVE[-1][1]


def _casualty(value: int, qualifier: str, kind: str, subject: str, sentence: str,
              value_high: int | None = None) -> dict[str, Any]:
    return {"value": value, "value_high": value_high, "qualifier": qualifier, "kind": kind,
            "subject": subject, "sentence": sentence}


def _number(rng: random.Random, value: int) -> str:
    """A count as an article would print it: words up to twelve (sometimes), else digits with commas."""
    if value <= 12 and rng.random() < 0.5:
        return SMALL_NUMBERS[value]
    return f"{value:,}"


def _war_toll(rng: random.Random, day: dt.date) -> Figure:
    """A sentence giving the war's total death toll so far, hedged as outlets hedge it."""
    base = _toll_on(day) * rng.uniform(0.85, 1.15)
    magnitude = 10_000 if base >= 100_000 else 1_000
    value = max(magnitude, int(base // magnitude) * magnitude)
    hedges = [("more than ", "at_least"), ("over ", "at_least"), ("at least ", "at_least"),
              ("some ", "approx"), ("about ", "approx"), ("nearly ", "approx"), ("an estimated ", "approx"),
              ("", "exact")]
    word, qualifier = rng.choice(hedges)
    amount = f"{word}{value:,}"
    if value == 250_000 and rng.random() < 0.7:
        amount = f"{word}a quarter of a million"
    kind_of_sentence = rng.randrange(5)
    high = None
    if kind_of_sentence == 4 and value >= 20_000:
        high = value + magnitude * rng.choice((2, 3, 5))
        qualifier, amount = "range", f"between {value:,} and {high:,}"
    templates = (
        "Since March 2011 the conflict has cost {a} lives.",
        "{A} people have been killed in Syria since the uprising began, the Syrian Observatory for Human Rights reports.",
        "The war has claimed {a} lives, according to United Nations estimates.",
        "The talks are the latest attempt to end a war that has left {a} people dead.",
        "According to monitoring groups, the fighting has killed {a} people.",
    )
    template = templates[kind_of_sentence]
    sentence = template.format(a=amount, A=amount[:1].upper() + amount[1:])
    return Figure(sentence, [_casualty(value, qualifier, "killed", "syria_war", sentence, high)])


def _event_toll(rng: random.Random, day: dt.date) -> Figure:
    """A sentence reporting one attack's dead (and sometimes wounded, or a breakdown of the dead)."""
    town, weekday = rng.choice(TOWNS), WEEKDAYS[(day.weekday() - rng.randrange(1, 3)) % 7]
    killed = rng.choice((3, 5, 7, 8, 11, 12, 16, 19, 23, 27, 31, 42, 53, 61, 84, 112))
    choice = rng.randrange(5)
    if choice == 0:
        wounded = killed * rng.choice((2, 3)) + rng.randrange(1, 9)
        sentence = (f"A car bomb in {town} killed {_number(rng, killed)} people and wounded "
                    f"{wounded:,} others on {weekday}, state media said.")
        return Figure(sentence, [_casualty(killed, "exact", "killed", "syria_event", sentence),
                                 _casualty(wounded, "exact", "wounded", "syria_event", sentence)])
    if choice == 1:
        children = max(1, killed // 3)
        sentence = (f"Air strikes on a market in {town} killed {killed:,} civilians, including "
                    f"{_number(rng, children)} children, the Syrian Observatory for Human Rights said.")
        return Figure(sentence, [_casualty(killed, "exact", "killed", "syria_event", sentence),
                                 _casualty(children, "exact", "killed", "syria_event", sentence)])
    if choice == 2:
        sentence = f"At least {killed:,} people were killed in shelling of {town} on {weekday}, activists said."
        return Figure(sentence, [_casualty(killed, "at_least", "killed", "syria_event", sentence)])
    if choice == 3:
        sentence = f"Dozens of people were killed in clashes near {town} on {weekday}, a monitoring group said."
        return Figure(sentence, [_casualty(24, "at_least", "killed", "syria_event", sentence)])
    sentence = f"Heavy fighting around {town} has forced some {killed * 1000:,} people to flee their homes since {weekday}."
    return Figure(sentence, [_casualty(killed * 1000, "approx", "displaced", "syria_event", sentence)])


def _displacement(rng: random.Random) -> Figure:
    """A sentence on the war's displaced or refugees."""
    if rng.random() < 0.5:
        millions = rng.choice((4, 5, 6.5, 7))
        value = int(millions * 1_000_000)
        sentence = f"The war has driven more than {millions:g} million Syrians abroad as refugees."
        return Figure(sentence, [_casualty(value, "at_least", "refugees", "syria_war", sentence)])
    sentence = "The conflict has displaced millions of people inside the country."
    return Figure(sentence, [_casualty(2_000_000, "at_least", "displaced", "syria_war", sentence)])


def _other_event(rng: random.Random, day: dt.date) -> Figure | None:
    """A toll from outside the war that an article of the following weeks reports, or None when none is recent."""
    recent = [(sentence, value) for when, sentence, value in OTHER_EVENTS
              if dt.timedelta(days=1) <= day - when <= dt.timedelta(days=30)]
    if not recent:
        return None
    sentence, value = rng.choice(recent)
    return Figure(sentence, [_casualty(value, "exact", "killed", "other", sentence)])


def _distractor(rng: random.Random, venue: str) -> str:
    template = rng.choice(DISTRACTORS)
    return template.format(n=rng.choice((2000, 3000, 4000, 5000)), small=rng.randrange(13, 40),
                           small2=rng.randrange(20, 60), age=rng.randrange(55, 80), v=venue)


def _speakers_on(day: dt.date, actor: str) -> list[Speaker]:
    return [s for s in SPEAKERS if s.actor == actor and s.start <= day <= s.end]


def _stances(rng: random.Random, day: dt.date, venue: str, count: int) -> list[tuple[Speaker, str, int, str, str]]:
    """`count` stances, each a different (actor, issue): (speaker, issue, polarity, sentence, headline)."""
    chosen: list[tuple[Speaker, str, int, str, str]] = []
    used: set[tuple[str, str]] = set()
    keys = list(STANCES)
    while len(chosen) < count:
        issue, polarity = rng.choice(keys)
        actors, sentences, headlines = STANCES[(issue, polarity)]
        actor = rng.choice(actors)
        if (actor, issue) in used:
            continue
        used.add((actor, issue))
        speakers = [s for s in _speakers_on(day, actor) if not (s.short == "Assad" and "Assad" in "".join(sentences))]
        speaker = rng.choice(speakers)
        name = speaker.name
        sentence = rng.choice(sentences).format(S=name[:1].upper() + name[1:], s=name, p=speaker.pronoun, v=venue)
        headline = rng.choice(headlines).format(short=speaker.short, v=venue)
        chosen.append((speaker, issue, polarity, sentence, headline))
    return chosen


# --- styles: each turns (title, paragraphs of sentences, date) into the text of a page dump ---------

def _curly(text: str) -> str:
    text = re.sub(r'"(?=\w)', "\u201c", text)
    return text.replace('"', "\u201d").replace("'", "\u2019")


def _strip_punctuation(text: str) -> str:
    """FA-KES's damage: apostrophes dropped and the commas of numbers removed."""
    text = text.replace("'", "").replace("\u2019", "")
    return re.sub(r"(?<=\d),(?=\d{3})", "", text)


@dataclass
class Draft:
    """An article before styling: headline, paragraphs (lists of sentences), date and venue."""

    title: str
    paragraphs: list[list[str]]
    day: dt.date
    venue: str
    lede: str
    slug_number: int


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def _moscow_times(rng: random.Random, d: Draft, fix: Callable[[str], str]) -> tuple[str, dict[str, Any]]:
    url = f"https://www.themoscowtimes.com/{d.day:%Y/%m/%d}/{_slug(d.title)}-a{d.slug_number}"
    body = "\n\n".join(" ".join(p) for p in d.paragraphs)
    text = (f"\n\n# {d.title}\n\n{d.day:%B} {d.day.day}, {d.day.year}\n\n**The**  **Moscow Times**\n\n{body}\n\n"
            f"Original url:\n\n<{url}>")
    if rng.random() < 0.4:
        text = ("Subscribe to The Moscow Times: our readers keep this newsroom open.\n" + text + "\n\nSign up for the Friday newsletter\n\n"
                "A short digest of the week's reporting, analysis and opinion pieces, chosen by our editors "
                "and sent to your inbox once a week, free of charge.\n"
                "By subscribing you accept our terms of use\n")
    return text, {"source": "The Moscow Times", "wire": None, "url": url,
                  "published": d.day.isoformat(), "date_basis": "text"}


def _bloomberg(rng: random.Random, d: Draft, fix: Callable[[str], str]) -> tuple[str, dict[str, Any]]:
    bullets = [fix(sentence).rstrip(".") for sentence in rng.sample(BACKGROUND, 2)]
    head = f"{d.title}\n\n" + "".join(f"  \u2022 {b}\n" for b in bullets)
    dated = rng.random() < 0.5
    if dated:
        hour = rng.randrange(1, 12)
        head = f"{d.title}\n\n{d.day:%B} {d.day.day}, {d.day.year}, {hour}:{rng.randrange(60):02d} AM EDT\n\n" + \
            "".join(f"  \u2022 {b}\n" for b in bullets)
    middle = len(d.paragraphs) // 2
    body = "\n\n".join(" ".join(p) for p in d.paragraphs[:middle])
    rest = "\n\n".join(" ".join(p) for p in d.paragraphs[middle:])
    text = f"{head}\n{body}\n\n{rng.choice(('What Comes Next', 'Diplomatic Push', 'Sticking Points'))}\n\n{rest}\n\n" \
        f"\u00a9{d.day.year} Bloomberg. All rights reserved.\n"
    return fix(text), {"source": "Bloomberg", "wire": None, "url": None,
                       "published": d.day.isoformat() if dated else None,
                       "date_basis": "text" if dated else "unknown"}


def _sputnik(rng: random.Random, d: Draft, fix: Callable[[str], str]) -> tuple[str, dict[str, Any]]:
    indent = "    "
    shot = d.day - dt.timedelta(days=rng.randrange(1, 20))
    caption = f"Smoke rises over a street of shuttered shops in {rng.choice(TOWNS)}, Syria {shot:%B} {shot.day}, {shot.year}"
    paragraphs = [" ".join(p) for p in d.paragraphs]
    paragraphs[0] = "MOSCOW (Sputnik) \u2014 " + paragraphs[0]
    teaser = [f"Rebel fighters stand guard at a checkpoint on the edge of {rng.choice(TOWNS)}, Syria",
              "\u00a9 REUTERS/ Omar Haddad",
              "'We Left With Nothing but Our Papers': A Family\u2019s Long Road Out of the Besieged City"]
    cut = min(len(paragraphs), 3)
    lines = ([f" date {d.day.isoformat()} Register", indent + caption, "", indent + d.title, "",
              indent + d.lede, ""]
             + [indent + p + "\n" for p in paragraphs[:cut]]
             + [indent + t for t in teaser]
             + [indent + p + "\n" for p in paragraphs[cut:]])
    return "\n".join(lines), {"source": "Sputnik", "wire": None, "url": None,
                              "published": d.day.isoformat(), "date_basis": "text"}


def _blog(rng: random.Random, d: Draft, fix: Callable[[str], str]) -> tuple[str, dict[str, Any]]:
    caption = f"Syrian men inspect a damaged building in {rng.choice(TOWNS)} (Photo Internet)"
    body = "\n\n".join(" ".join(p) for p in d.paragraphs)
    text = (f"{d.title}\n\n{caption}\n\n{body}\n\nParts From Reuters\n\nLeave a Reply\n\n"
            "Your comment will appear once a moderator has approved it.")
    return fix(text), {"source": None, "wire": "Reuters", "url": None, "published": None, "date_basis": "unknown"}


def _fakes(rng: random.Random, d: Draft, fix: Callable[[str], str]) -> tuple[str, dict[str, Any]]:
    title = d.title
    sentences = " ".join(" ".join(p) for p in d.paragraphs)
    text = f"{title}\n\n{d.day:%a %d %b %Y} {title}. {sentences}"
    return text, {"source": None, "wire": None, "url": None, "published": d.day.isoformat(), "date_basis": "text"}


_STYLE_FUNCTIONS = {"moscow_times": _moscow_times, "bloomberg": _bloomberg, "sputnik": _sputnik,
                    "blog": _blog, "fakes": _fakes}


def make_article(index: int, seed: int = 0) -> SyntheticArticle:
    """Article number `index` of the corpus generated from `seed` (a pure function of both)."""
    rng = random.Random(f"peacetalks-synthetic:{seed}:{index}")
    style = STYLES[rng.randrange(len(STYLES))]
    day = FIRST_DAY + dt.timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    venue = rng.choice(VENUES)
    fix: Callable[[str], str]
    if style == "fakes":
        fix = _strip_punctuation
    elif style == "bloomberg":
        fix = _curly
    else:
        fix = str

    stances = _stances(rng, day, venue, rng.choice((1, 2, 2, 3)))
    figures: list[Figure] = []
    if rng.random() < 0.7:
        figures.append(_war_toll(rng, day))
    for _ in range(rng.choice((0, 1, 1, 2))):
        figures.append(_event_toll(rng, day))
    if rng.random() < 0.25:
        figures.append(_displacement(rng))
    other = _other_event(rng, day)
    if other is not None and rng.random() < 0.6:
        figures.append(other)

    title = fix(stances[0][4])
    headline_toll = None
    if style == "fakes":
        events = [f for f in figures if f.rows[0]["subject"] == "syria_event" and f.rows[0]["kind"] == "killed"
                  and f.rows[0]["qualifier"] == "exact"]
        if events and rng.random() < 0.5:
            headline_toll = events[0].rows[0]["value"]
            title = f"{headline_toll} killed in attacks in Syria"
        title = _strip_punctuation(title)

    pieces: list[tuple[str, str, Any]] = [("stance", s[3], s) for s in stances[1:]]
    pieces += [("figure", f.sentence, f) for f in figures]
    pieces += [("filler", fix(s), None) for s in rng.sample(BACKGROUND, rng.randrange(9, 21))]
    if rng.random() < 0.5:
        pieces.append(("filler", _distractor(rng, venue), None))
    rng.shuffle(pieces)
    lede = stances[0][3]
    ordered = [("stance", lede, stances[0])] + pieces

    paragraphs: list[list[str]] = []
    truth_casualties: list[dict[str, Any]] = []
    truth_stances: list[dict[str, Any]] = []
    for kind, sentence, payload in ordered:
        sentence = fix(sentence)
        if not paragraphs or len(paragraphs[-1]) >= rng.choice((1, 2, 3)):
            paragraphs.append([])
        paragraphs[-1].append(sentence)
        if kind == "stance":
            speaker, issue, polarity = payload[0], payload[1], payload[2]
            truth_stances.append({"actor": speaker.actor, "issue": issue, "polarity": polarity, "quote": sentence})
        elif kind == "figure":
            for row in payload.rows:
                truth_casualties.append({**row, "sentence": sentence})

    draft = Draft(title, paragraphs, day, venue, fix(lede), rng.randrange(40000, 70000))
    text, meta = _STYLE_FUNCTIONS[style](rng, draft, fix)
    article_id = f"{index:06d}_{rng.getrandbits(64):016x}"
    truth = {"id": article_id, "style": style, "title": title, **meta, "generated_date": day.isoformat(),
             "casualties": truth_casualties, "stances": truth_stances}
    return SyntheticArticle(article_id, style, text, truth)


def generate(n: int, seed: int = 0) -> Iterator[SyntheticArticle]:
    """The first `n` articles of the corpus generated from `seed`."""
    for index in range(n):
        yield make_article(index, seed)


def write_corpus(n: int, outdir: str | Path, seed: int = 0, fmt: str = "txt") -> Path:
    """Write `n` articles into `outdir` (one .txt file each, or one articles.csv/.jsonl export) and truth.json.

    Streams: neither the articles nor the truth are held in memory. Returns the corpus path to extract:
    the folder for txt, the export file for csv/jsonl.
    """
    if fmt not in ("txt", "csv", "jsonl"):
        raise ValueError(f"unknown format {fmt!r}: use txt, csv or jsonl")
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    target = out if fmt == "txt" else out / f"articles.{fmt}"
    columns = ["id", "title", "text", "date", "source", "url"]
    with contextlib.ExitStack() as stack:
        truth_file = stack.enter_context(open(out / "truth.json", "w", encoding="utf-8"))
        export = stack.enter_context(open(target, "w", encoding="utf-8", newline="")) if fmt != "txt" else None
        writer = csv.writer(export) if fmt == "csv" else None
        if writer is not None:
            writer.writerow(columns)
        header = json.dumps({"generator": "peacetalks.synthetic", "seed": seed, "n": n, "format": fmt})
        truth_file.write(header[:-1] + ', "articles": [\n')
        for number, article in enumerate(generate(n, seed)):
            if export is None:
                (out / f"{article.id}.txt").write_text(article.text, encoding="utf-8")
            else:
                row = _export_row(article)
                if writer is not None:
                    writer.writerow([row[c] for c in columns])
                else:
                    export.write(json.dumps(row, ensure_ascii=False) + "\n")
            truth_file.write((",\n" if number else "") + json.dumps(article.truth, ensure_ascii=False))
        truth_file.write("\n]}\n")
    return target


def _export_row(article: SyntheticArticle) -> dict[str, str]:
    """The article as an export row. Like FA-KES, the one-paragraph style has its title in a column of its own;
    the page dumps keep theirs in the text. `date` is the generated date (a catalogue's, not the text's)."""
    title, text = "", article.text
    if article.style == "fakes":
        title, _, text = article.text.partition("\n\n")
    return {"id": article.id, "title": title, "text": text, "date": article.truth["generated_date"],
            "source": article.truth["source"] or "", "url": article.truth["url"] or ""}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m peacetalks.synthetic",
        description="Write N synthetic articles with planted casualty figures and stances, and their truth.json.",
    )
    parser.add_argument("n", type=int, metavar="N", help="number of articles")
    parser.add_argument("outdir", type=Path, metavar="OUTDIR", help="folder to write into (created if needed)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0): same seed, same articles")
    parser.add_argument("--format", choices=("txt", "csv", "jsonl"), default="txt",
                        help="one .txt file per article (default), or one articles.csv / articles.jsonl export")
    args = parser.parse_args(argv)
    if args.n < 0:
        parser.error("N must be 0 or more")
    target = write_corpus(args.n, args.outdir, args.seed, args.format)
    print(f"wrote {args.n:,} articles to {target} and their truth to {args.outdir / 'truth.json'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
