"""Stance grammar, round 4: general English constructions the reader missed or misread. Every sentence here is
our own; each mechanism has several phrasings that must give a row and counterexamples that must give nothing
(or not that row)."""
from __future__ import annotations

from helpers import stances_of


def read(body: str, published: str | None = "2016-03-01") -> list[tuple]:
    return stances_of(body, published)


# --- "as" opening a clause with its own subject: that subject holds what it says ---------------------------

def test_an_as_clause_with_its_own_subject_is_not_the_main_subjects():
    assert read("Russia backed the truce as Turkey called for new talks in Geneva.") == [
        ("russia", "ceasefire", 1), ("turkey", "negotiations", 1)]
    assert read("Turkey called for talks, as the opposition rejected a nationwide ceasefire.") == [
        ("syrian_opposition", "ceasefire", -1), ("turkey", "negotiations", 1)]
    assert read("Fighting went on near Homs as the opposition called for a nationwide ceasefire.") == [
        ("syrian_opposition", "ceasefire", 1)]


def test_an_as_that_opens_no_clause_keeps_the_main_subject():
    assert read("Iran, as well as Russia, backed the talks in Astana.") == [
        ("iran", "negotiations", 1), ("russia", "negotiations", 1)]
    assert ("turkey", "ceasefire", 1) in read("Turkey backed the truce as part of a deal reached in Astana last week.")
    assert read("Washington called for a nationwide ceasefire as fighting raged near Aleppo.") == [
        ("united_states", "ceasefire", 1)]
    # "as X has long demanded" still says whose demand it is
    assert read("Russia says Assad should stay in power, as the government has long demanded.") == [
        ("russia", "assad_role", 1)]


def test_an_as_clause_naming_nobody_gives_nobody_a_stance():
    assert read("Russia backed the ceasefire as the weather turned cold over the weekend.") == [
        ("russia", "ceasefire", 1)]
    assert read("Fighting raged as world powers called for a nationwide ceasefire.") == []


# --- a title after a possessive pronoun stands for the actor just named --------------------------------------

def test_a_possessive_title_is_the_actor_named_before():
    assert read("Iran's foreign minister spoke in Tehran on Monday. His deputy called for a nationwide ceasefire.") == [
        ("iran", "ceasefire", 1)]
    assert read("Iran took part in the meeting. Its ambassador called for a nationwide ceasefire.") == [
        ("iran", "ceasefire", 1)]
    assert read("Moscow hosted the meeting. The prime minister called for a nationwide ceasefire.") == [
        ("russia", "ceasefire", 1)]


def test_a_possessive_title_with_nobody_named_before_or_an_ally_gives_nothing():
    assert read("The weather was cold. His deputy called for a nationwide ceasefire.") == []
    # its allies are other actors, not the one named before
    assert read("Moscow hosted the meeting. Its allies called for a nationwide ceasefire.") == []


# --- "the question of X's future": X is the topic, the speaker holds the position ---------------------------

def test_a_topic_noun_before_a_possessive_leaves_the_speaker_holding():
    assert read("Moscow said the question of Assad's future could not be a precondition for talks.") == [
        ("russia", "assad_role", 1)]
    assert read("Russia said that the issue of Assad's fate could not be a precondition for the negotiations.") == [
        ("russia", "assad_role", 1)]
    assert read("Tehran said the matter of Assad's future could not be a condition for talks.") == [
        ("iran", "assad_role", 1)]


def test_a_possessive_that_is_not_the_topic_gives_nothing():
    # another actor's demand about it: a claim about the opposition, not the speaker's own stance
    assert read("Moscow said the opposition's demand on Assad's future could not be a precondition for talks.") == []
    # a question, not a position
    assert read("Will Moscow say the question of Assad's future can be a precondition for talks?") == []


# --- "X said it did A and called for B": "it" is the subject of both verbs, whoever the object names ---------

def test_a_second_verb_after_a_pronoun_subject_is_the_speakers():
    found = read("The United States said on Tuesday it supported the UN envoy's plan for Syria and called on the "
                 "Assad government to implement a ceasefire at once.")
    assert ("united_states", "ceasefire", 1) in found
    assert read("Ankara said on Friday that it welcomed the UN envoy's proposal and urged the regime to respect the "
                "truce.") == [("turkey", "ceasefire", 1)]


def test_a_second_verb_after_another_subject_is_not_the_speakers():
    # the regime is the subject of the content: nobody is known to hold the call
    assert read("Ankara said the regime had rejected the envoy's plan and called for a nationwide ceasefire.") == []
    # a clause of its own opens between the pronoun and the verb
    assert ("turkey", "ceasefire", 1) not in read(
        "Ankara said on Friday it was told that the regime had met the envoy and called for a nationwide ceasefire.")


# --- a cue that itself opens with an offer or request: who rejects it opposes, its owner holds it -------------

def test_rejecting_an_offer_matched_whole_by_a_cue_is_opposing_it():
    assert read("The rebels rejected an offer to broker a truce.") == [("syrian_opposition", "ceasefire", -1)]
    assert read("The rebels rejected a Turkish offer to broker a truce.") == [
        ("syrian_opposition", "ceasefire", -1), ("turkey", "ceasefire", 1)]
    assert read("The rebels accepted a Turkish offer to broker a truce.") == [
        ("syrian_opposition", "ceasefire", 1), ("turkey", "ceasefire", 1)]


def test_accepting_an_offer_with_no_owner_gives_only_the_subject():
    assert read("The rebels accepted an offer to broker a truce.") == [("syrian_opposition", "ceasefire", 1)]


# --- "X did A but did B": a verb right after "but" shares the subject of the clause before -------------------

def test_a_verb_after_but_shares_the_subject():
    assert read("The rebels rejected the truce but said they would attend the talks.") == [
        ("syrian_opposition", "ceasefire", -1), ("syrian_opposition", "negotiations", 1)]
    assert ("russia", "negotiations", 1) in read("Moscow voiced doubts about the deal but called for new talks in Geneva.")
    assert ("united_states", "ceasefire", 1) in read(
        "Washington said it had concerns about the plan but supported any effort to reduce violence.")


def test_a_subject_of_its_own_after_but_holds_its_own_clause():
    found = read("Russia backed the truce but fighting went on and world powers called for new talks.")
    assert found == [("russia", "ceasefire", 1)]
    found = read("Moscow voiced doubts about the deal, but the rebels called for new talks in Geneva.")
    assert ("russia", "negotiations", 1) not in found


# --- an offer to work with a partner: the partner has not said yes ---------------------------------------------

def test_an_offer_to_work_with_a_partner_is_only_the_offerers():
    assert read("Iran is ready to work with Saudi Arabia to keep the truce.") == [("iran", "ceasefire", 1)]
    assert read("Turkey offered to work with Russia on the ceasefire.") == [("turkey", "ceasefire", 1)]


def test_working_with_a_partner_is_both_partners():
    assert read("Iran worked with Saudi Arabia to keep the truce.") == [
        ("iran", "ceasefire", 1), ("saudi_arabia", "ceasefire", 1)]
