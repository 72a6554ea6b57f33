"""The codebook's cues do what their own examples say, and the reader stays on the Syrian war.

Every cue carries sentences it must match (`examples`) and sentences it must not (`counterexamples`),
written as general English in codebook.yaml; this file runs them all. It also keeps the general rules
of who may hold a stance (speakers bound by their time in office, actors and issues of the Syrian war
only) and keeps floors on the labelled pages and the FA-KES dev rows when ../shared is present.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from peacetalks.extract.codebook import load_codebook
from peacetalks.extract.phrases import Compiled, choose, compile_phrase
from peacetalks.extract.stances import extract_stances

CODEBOOK = load_codebook()
CUES = CODEBOOK.cues
SHARED = Path(__file__).resolve().parents[2] / "shared"


def read(body: str, published: str | None = "2016-03-01") -> set[tuple]:
    date = dt.date.fromisoformat(published) if published else None
    return {(r["actor"], r["issue"], r["polarity"]) for r in extract_stances("a", body, date)}


# --- every cue against its own examples -----------------------------------------------------------

@pytest.mark.parametrize("cue", CUES, ids=[cue.where for cue in CUES])
def test_every_cue_matches_its_examples_and_not_its_counterexamples(cue):
    assert cue.examples and cue.counterexamples, f"{cue.where} needs examples and counterexamples"
    for sentence in cue.examples:
        assert cue.matches(sentence), f"{cue.where} should match: {sentence}"
    for sentence in cue.counterexamples:
        assert not cue.matches(sentence), f"{cue.where} should not match: {sentence}"


def test_cues_are_short_enough_to_read():
    # a cue is a phrase with slots, not a 300-character regular expression
    raw = (Path(CODEBOOK.path).read_text(encoding="utf-8"))
    for line in raw.splitlines():
        if line.strip().startswith(("phrase:", "cue:")):
            assert len(line.split(":", 1)[1].strip()) <= 400, line


@pytest.mark.parametrize("phrase", [
    "extensive round of meetings", "tries to revitali", "lauded", "will be represented\\b",
])
def test_no_cue_is_lifted_from_one_article(phrase):
    raw = Path(CODEBOOK.path).read_text(encoding="utf-8")
    cues_only = "\n".join(line for line in raw.splitlines() if line.strip().startswith(("phrase:", "cue:")))
    assert not re.search(phrase, cues_only)


# --- the phrase syntax ---------------------------------------------------------------------------------

def _phrase(source: str, **terms: str) -> re.Pattern[str]:
    return re.compile(compile_phrase(source, {name: Compiled(regex) for name, regex in terms.items()}).regex, re.IGNORECASE)


def test_phrase_words_alternatives_stems_gaps_and_optional_words():
    pattern = _phrase("support*|back the? {0-2} talks")
    assert pattern.search("They supported the new direct talks")
    assert pattern.search("They back talks")
    assert not pattern.search("They back the idea of new direct talks")  # a gap of three words
    assert not pattern.search("They backpedal on talks")  # back is a whole word, only support* a stem


def test_phrase_groups_and_slots():
    pattern = _phrase("(call for | urge) a? {truce}", truce="cease-?fire|truce")
    assert pattern.search("They urge a ceasefire")
    assert pattern.search("Both sides call for a truce")
    assert not pattern.search("Both sides call a truce")


def test_phrase_apostrophes_commas_and_quotation_marks():
    pattern = _phrase("Assad's removal")
    assert pattern.search("Assad’s removal") and pattern.search("Assad's removal")
    assert _phrase("talks {0-2} hosted by").search("The talks, hosted by Kazakhstan, opened")
    assert _phrase("support the talks").search('They support the "talks" fully')


def test_phrase_hyphenated_endings_gaps_before_and_excluded_words():
    pattern = _phrase("*-brokered|*-led talks")
    assert pattern.search("The UN-brokered talks resumed") and pattern.search("Russian-led talks")
    assert not pattern.search("The talks were brokered")
    before = _phrase("{1-2} delegation")
    assert before.search("The opposition delegation").group(0) == "The opposition delegation"
    assert not before.search("delegation")  # at least one word before
    skipping = _phrase("observe {0-3 except end|collapse} truce")
    assert skipping.search("They observe the truce") and not skipping.search("They observe the end of the truce")
    not_after = _phrase("!High|Higher negotiations")
    assert not_after.search("The negotiations began") and not not_after.search("The High Negotiations Committee")


def test_what_every_match_of_a_phrase_contains_is_read_from_its_words():
    terms = {"truce": compile_phrase("ceasefire|truce", {}, bounded=False)}
    compiled = compile_phrase("support*|back the? {0-2} {truce} (now | at once)", terms)
    assert set(compiled.literals) == {frozenset({"support", "back"}), frozenset({"ceasefire", "truce"}),
                                      frozenset({"now", "once"})}
    assert compile_phrase("a? {0-2} Assad's", {}).literals == (frozenset({"assad"}),)
    assert compile_phrase("*-brokered talks", {}).literals == (frozenset({"-brokered"}), frozenset({"talks"}))
    # a regular expression term says nothing of its matches: a slot of it adds no set
    assert compile_phrase("back {truce}", {"truce": Compiled("cease-?fire")}).literals == (frozenset({"back"}),)


def test_the_prefilter_looks_for_the_rare_word_of_a_phrase_not_the_common_one():
    # "with" and "by" are in almost every sentence: a group of verbs is judged by its rare words
    group = compile_phrase("(sided|siding with | stood|stands by) {assad}",
                           {"assad": compile_phrase("Assad|al-Assad", {}, bounded=False)})
    assert frozenset({"sided", "siding", "stood", "stands"}) in group.literals
    # a set with a common word is looked for only after the sets without one; short content words count
    chosen = choose(compile_phrase("lead|led to a? {0-2} truce|ceasefire", {}).literals, 3)
    assert chosen[0] == frozenset({"truce", "ceasefire"}) and frozenset({"lead", "led"}) in chosen
    assert choose((frozenset({"for"}), frozenset({"assad"})), 1) == (frozenset({"assad"}),)


@pytest.mark.parametrize("cue", CUES, ids=[cue.where for cue in CUES])
def test_every_cue_contains_a_string_of_each_of_its_sets_wherever_it_matches(cue):
    for sentence in cue.examples:
        lowered = sentence.lower()
        assert all(any(s in lowered for s in strings) for strings in cue.literals), (cue.where, sentence)


# --- speakers bound by their time in office ----------------------------------------------------------

def test_a_speaker_speaks_for_the_actor_only_while_in_office():
    body = "Kerry said Washington supports the peace talks on Syria."
    assert ("united_states", "negotiations", 1) in read(body, "2015-06-01")
    only_kerry = "Kerry said he supports the peace talks on Syria."
    assert read(only_kerry, "2015-06-01") == {("united_states", "negotiations", 1)}
    assert read(only_kerry, "2019-06-01") == set()  # out of office
    assert read(only_kerry, None) == set()  # an unknown date binds nobody


def test_a_bare_name_from_another_country_is_not_a_syrian_actor():
    body = "Lebanese Prime Minister Saad Hariri said he supported the peace talks on Syria."
    assert not {r for r in read(body, "2018-01-10") if r[0] == "syrian_opposition"}


def test_rebels_and_governments_of_other_conflicts_are_not_the_syrian_ones():
    assert read("In Syria news, Yemen's Houthi rebels rejected the ceasefire.") == set()
    assert not read("Syria's war goes on; the Libyan government backed the truce.") & {("syrian_government", "ceasefire", 1)}


@pytest.mark.parametrize("body", [
    "Russia and the United States backed the ceasefire in eastern Ukraine, officials in Kiev said.",
    "The United Nations brokered a truce between the Houthis and the government in Yemen.",
    "The UN envoy welcomed peace talks on Libya in Geneva.",
    "The United States supported the peace talks between Colombia and the FARC rebels in Havana.",
    "Russia hosted talks on Afghanistan with Taliban representatives.",
])
def test_talks_and_truces_of_other_conflicts_give_no_row(body):
    # even in an article that is also about Syria, the sentence about another conflict gives nothing
    assert read("Syria's war entered its sixth year. " + body) == set()
    assert read(body) == set()


def test_the_same_sentences_about_syria_do_give_rows():
    assert ("united_states", "ceasefire", 1) in read("Russia and the United States backed the ceasefire in Syria.")
    assert ("united_nations", "negotiations", 1) in read("The UN envoy welcomed peace talks on Syria in Geneva.")


# --- the general mechanisms --------------------------------------------------------------------------

def test_every_member_of_a_list_of_brokers_joins_the_talks():
    found = read("The Syria talks, spearheaded by Russia, Turkey and Iran, opened in the Kazakh capital.")
    assert {("russia", "negotiations", 1), ("turkey", "negotiations", 1), ("iran", "negotiations", 1)} <= found


def test_delegations_arriving_for_talks_join_them():
    found = read("Delegations from the Syrian government and the opposition are arriving in Geneva for talks.")
    assert {("syrian_government", "negotiations", 1), ("syrian_opposition", "negotiations", 1)} <= found


def test_guarantors_of_a_truce_back_it():
    found = read("The de-escalation zones in Syria took effect, with Russia, Turkey and Iran acting as guarantors.")
    assert {("russia", "ceasefire", 1), ("turkey", "ceasefire", 1), ("iran", "ceasefire", 1)} <= found


def test_siding_with_assad_and_insisting_on_his_removal():
    found = read("While Russia and Iran sided with Assad, the United States insisted upon his removal.")
    assert {("russia", "assad_role", 1), ("iran", "assad_role", 1), ("united_states", "assad_role", -1)} <= found


def test_a_negated_cue_is_reversed():
    assert ("syrian_opposition", "negotiations", -1) in read(
        "The Syrian opposition said it would not negotiate with the regime while the bombing went on.")


# --- floors on labelled text the rules were not written from ----------------------------------------

def _score(corpus: Path, gold: Path, tmp_path: Path, only: str | None = None) -> tuple[float, float]:
    out = tmp_path / f"{corpus.name}.json"
    run = subprocess.run([sys.executable, "-m", "peacetalks", "extract", str(corpus), "--json"],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    out.write_text(run.stdout, encoding="utf-8")
    args = [sys.executable, str(SHARED / "eval" / "score.py"), str(gold), str(out)] + (["--only", only] if only else [])
    scored = subprocess.run(args, capture_output=True, text=True, timeout=300).stdout
    line = next(line for line in scored.splitlines() if line.startswith("stances:"))
    precision, f1 = re.search(r"P ([\d.]+) R [\d.]+ F1 ([\d.]+)", line).groups()
    return float(precision), float(f1)


@pytest.mark.skipif(not (SHARED / "corpus" / "pages" / "gold.json").exists(), reason="../shared is not present")
def test_stance_floors_on_the_labelled_pages(tmp_path):
    pages = SHARED / "corpus" / "pages"
    precision, f1 = _score(pages / "articles", pages / "gold.json", tmp_path)
    assert precision >= 0.7 and f1 >= 0.35
    precision, f1 = _score(pages / "articles", pages / "gold.json", tmp_path, only="pC")  # the part the rules were not tuned on
    assert precision >= 0.6 and f1 >= 0.3


@pytest.mark.skipif(not (SHARED / "corpus" / "dev" / "gold.json").exists(), reason="../shared is not present")
def test_stance_floors_on_the_fakes_dev_rows(tmp_path):
    dev = SHARED / "corpus" / "dev"
    precision, f1 = _score(dev, dev / "gold.json", tmp_path)
    assert precision >= 0.9 and f1 >= 0.9


def test_a_speaker_out_of_office_still_holds_the_sentence_for_nobody():
    # with no date, Kerry binds nobody: his stance must not pass to Russia, named in the next clause
    body = "While Kerry insisted that Assad must go, Russia said nothing about the talks on Syria."
    assert not {r for r in read(body, None) if r[0] == "russia" and r[1] == "assad_role"}
    assert ("united_states", "assad_role", -1) in read(body, "2015-06-01")


def test_a_hypothesis_is_not_a_position_but_a_demand_is():
    assert read("If the rebels boycott the talks in Syria, they will lose influence, the minister said.") == set()
    assert ("syrian_opposition", "assad_role", -1) in read(
        "The Syrian opposition said it would join talks only if they led to Assad giving up power.")


def test_failing_to_reach_a_truce_is_not_rejecting_it():
    assert read("Previous UN envoys failed to negotiate a ceasefire in Syria.") == set()
    assert ("syrian_opposition", "ceasefire", -1) in read("The Syrian rebels failed to observe the ceasefire.")


def test_the_agent_of_another_clause_does_not_hold_the_cue():
    found = read("The Syrian delegation will not hand over power in Geneva, and the condition set by the opposition "
                 "was rejected.")
    assert ("syrian_opposition", "transition", 1) not in found


def test_a_title_stands_for_the_person_just_named():
    body = ("Russian Foreign Minister Sergei Lavrov arrived in Geneva on Monday. "
            "The foreign minister backed the peace talks on Syria.")
    assert ("russia", "negotiations", 1) in read(body)
    # with nobody named before, the title binds nobody
    assert read("The foreign minister backed the peace talks on Syria.") == set()


def test_a_speakers_reading_of_an_agreement_is_the_speakers_position():
    assert ("russia", "assad_role", 1) in read(
        "Russian Foreign Minister Sergei Lavrov said that the deal would not require Assad's removal.", "2016-03-01")
    # a claim about another actor stays that actor's business, not the speaker's
    assert not {r for r in read("Lavrov said the rebels would not attend the talks in Syria.", "2016-03-01")
                if r[0] == "russia"}
