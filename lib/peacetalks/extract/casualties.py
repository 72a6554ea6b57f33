"""Casualty figures: every reported number of people killed, wounded, displaced or made refugees.

`extract_casualties` reads an article body. Each sentence that holds a casualty word
(`casualty_grammar.casualty_words`) and a number is read for its figures (`casualty_figures`:
which numbers count people, and what each counts), and each figure gets whose toll it is
(`casualty_subjects`: the war's, one event's in it, or another's). The cue words live in
casualty_cues.yaml, validated when read (`casualty_grammar`), each cue with examples and
counterexamples that tests/test_casualties.py runs.
"""
from __future__ import annotations

import bisect
import re

from peacetalks.extract.casualty_figures import read_figures
from peacetalks.extract.casualty_grammar import CueFile, casualty_words, check_cue_file, compiled_grammar, cue_data
from peacetalks.extract.casualty_subjects import Context, is_about_syria, subject_of
from peacetalks.sentences import paragraph_sentences, paragraphs
from peacetalks.extract.words import fold, folded_pattern

__all__ = ["MAX_HEAD_COUNT", "candidate_sentences", "cue_example_problems", "example_problem", "extract_casualties",
           "figures_in_sentence", "is_about_syria"]

# Whether a stretch may hold a number: a digit (a fast scan on its own), else a number word.
# (Case-insensitive patterns are `folded_pattern`s, matched against the `fold`ed text: see numbers.py.)
_DIGIT = re.compile(r"\d")
_NUMBER_WORD = folded_pattern(
    r"\b(?=[otfsenhdqmb])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|twenty|thirty|"
    r"forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion|dozens?|scores|tens|quarter|half|third)")
MAX_HEAD_COUNT = 10_000_000_000
"""No count of people is larger (and the tables' integer columns hold 64 bits)."""
# A sentence that opens by pointing back to the one before: read with it even across a paragraph break.
_REFERS_BACK = folded_pattern(
    r"\W*(?:since (?:then|that (?:time|day))\b|(?:it|they|that|this) (?:has|have|had|is|was|were|are|killed|left)\b)")


def extract_casualties(article_id: str, body: str, title: str | None = None) -> list[dict]:
    """Rows of the casualties table (tables.CASUALTY_COLUMNS) for one article body.

    A figure repeated in the article (same value, kind and subject) is listed once,
    from the first sentence that gives it. An article that is not about Syria (`is_about_syria`, on its
    headline and body: a body may name only a town when the headline names Syria) gives no figure of the
    Syrian war: its tolls are `other`.
    """
    rows: list[dict] = []
    seen: set[tuple[int, str, str]] = set()
    about_syria: bool | None = None
    for text, previous in candidate_sentences(body):
        for value, value_high, qualifier, kind, subject in figures_in_sentence(text, previous):
            if subject != "other":
                if about_syria is None:
                    about_syria = is_about_syria(f"{title}\n\n{body}" if title else body)
                if not about_syria:
                    subject = "other"
            key = (value, kind, subject)
            if key in seen:
                continue
            seen.add(key)
            rows.append({
                "article_id": article_id, "value": value, "value_high": value_high, "qualifier": qualifier,
                "kind": kind, "subject": subject, "sentence": text,
            })
    return rows


def candidate_sentences(body: str) -> list[tuple[str, str]]:
    """(sentence, previous sentence) for every sentence of `body` with a casualty word and a number.

    Only the paragraphs with a casualty word are cut into sentences (`paragraph_sentences`, the cut
    the stances reader makes of the same paragraphs: within `sentences.shared_splits` it is made
    once). The previous sentence is the one before in the paragraph; a sentence that opens a
    paragraph by pointing back ("Since then, ...", "It has killed ...") reads the last sentence
    of the paragraph before.
    """
    folded = fold(body)
    hits = casualty_words(folded)
    if not hits:
        return []
    result: list[tuple[str, str]] = []
    previous_paragraph: tuple[int, int, str] | None = None
    for index, (start, end, text) in enumerate(paragraphs(body)):
        if _has_hit(hits, start, end):
            sentences = paragraph_sentences(text, start, index)
            for place, sentence in enumerate(sentences):
                if not _has_hit(hits, sentence.start, sentence.end) or not _has_number(fold(sentence.text)):
                    continue
                if place:
                    previous = sentences[place - 1].text
                elif previous_paragraph is not None and _REFERS_BACK.match(fold(sentence.text[:40])):
                    before = paragraph_sentences(previous_paragraph[2], previous_paragraph[0], index - 1)
                    previous = before[-1].text if before else ""
                else:
                    previous = ""
                result.append((sentence.text, previous))
        previous_paragraph = (start, end, text)
    return result


def _has_hit(hits: list[int], start: int, end: int) -> bool:
    """Whether one of the (sorted) offsets `hits` lies in [start, end)."""
    position = bisect.bisect_left(hits, start)
    return position < len(hits) and hits[position] < end


def _has_number(folded: str) -> bool:
    """Whether a folded text holds a digit or a number word."""
    return _DIGIT.search(folded) is not None or _NUMBER_WORD.search(folded) is not None


def figures_in_sentence(sentence: str, previous: str = "") -> list[tuple[int, int | None, str, str, str]]:
    """(value, value_high, qualifier, kind, subject) of every casualty figure in one sentence;
    `previous` is the sentence before it, read for the place and the start of the war."""
    found = read_figures(sentence)
    if found is None:
        return []
    read, figures = found
    result = []
    context = Context(read.folded, fold(previous), compiled_grammar(), read.text, previous)
    for i, figure in enumerate(figures):
        if figure.kind is None or figure.combined:
            continue
        q = figure.quantity
        if q.value > MAX_HEAD_COUNT or (q.value_high or 0) > MAX_HEAD_COUNT:
            continue  # more people than live on Earth: a typo, a serial number, not a figure
        if q.value == 0 or q.value == 1 and not figure.head:
            continue  # "one was killed": a single victim is not a figure
        subject = subject_of(context, figures, i)
        result.append((q.value, q.value_high, q.qualifier, figure.kind, subject))
    return result


# --- the examples of casualty_cues.yaml, read ----------------------------------------------------------

# An opening paragraph that makes an example a sentence of an article about Syria (an article that names
# neither Syria nor a place in it is about something else: its tolls are `other`).
EXAMPLE_OPENING = "Envoys met again on the future of Syria.\n\n"
# What an example of each section must give, and a counterexample must not.
_EXPECTED = {"war_cues": "a syria_war figure", "event_cues": "a syria_event figure and no syria_war one",
             "narrowing_cues": "a syria_event figure and no syria_war one",
             "outside_events": "an `other` figure and no syria_* one",
             "foreign_war_examples": "an `other` figure and no syria_* one"}


def example_problem(where: str, section: str, sentence: str, is_example: bool) -> str | None:
    """What is wrong with one example (or counterexample) of the cue file, read as a sentence of an article
    about Syria: under kinds.<kind> an example gives a figure of that kind, under war_cues a syria_war
    figure, under event_cues and narrowing_cues a syria_event figure and no syria_war one, under
    outside_events and foreign_war_examples an `other` figure and no syria_* one; a counterexample does
    not. None when it reads as it should."""
    rows = extract_casualties("example", EXAMPLE_OPENING + sentence)
    subjects = {row["subject"] for row in rows}
    if section.startswith("kinds."):
        kind = section.split(".", 1)[1]
        gives, expected = any(row["kind"] == kind for row in rows), f"a {kind} figure"
    elif section == "war_cues":
        gives, expected = "syria_war" in subjects, _EXPECTED[section]
    elif section in ("event_cues", "narrowing_cues"):
        gives, expected = "syria_event" in subjects and "syria_war" not in subjects, _EXPECTED[section]
    else:
        gives, expected = "other" in subjects and subjects <= {"other"}, _EXPECTED[section]
    if gives == is_example:
        return None
    read = ", ".join(f"{row['value']} {row['kind']} ({row['subject']})" for row in rows) or "no figure"
    return f"{where}: {sentence!r} {'does not give' if is_example else 'gives'} {expected} (read: {read})"


def cue_example_problems(cue_file: CueFile | None = None, where: str = "casualty_cues.yaml") -> list[str]:
    """What is wrong with the examples and counterexamples of a cue file (by default the packaged one),
    each naming the file and the entry: `example_problem` of each, read by the packaged reader."""
    if cue_file is None:
        cue_file = check_cue_file(cue_data(), where)
    problems = (example_problem(path, section, sentence, is_example)
                for path, section, sentence, is_example in cue_file.cases())
    return [f"{where}: {problem}" for problem in problems if problem]
