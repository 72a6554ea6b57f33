"""The codebook's vocabulary on text nobody tuned on: speakers bound to their years in office, actor aliases,
the words of issues and of positions (participation, support and its -ing forms, doubt, rejection, Assad's
departure, transitional bodies, engaging the opposition). Every sentence here is our own; each mechanism has
several phrasings that must give a row and counterexamples that must give none (another conflict, a collective
of unnamed powers, a stance the sentence reports as someone else's)."""
from __future__ import annotations


import pytest

from helpers import stances_of


def read(body: str, published: str | None = "2016-03-10") -> list[tuple]:
    return stances_of(body, published)


# --- speakers bound to the years they held office ------------------------------------------------------

@pytest.mark.parametrize("sentence, published, actor", [
    ("Pompeo welcomed the new round of talks on Syria.", "2019-05-02", "united_states"),
    ("Pedersen welcomed the new round of talks on Syria.", "2019-05-02", "united_nations"),
    ("Salehi welcomed the new round of talks on Syria.", "2012-09-14", "iran"),
    ("Ghalioun welcomed the new round of talks on Syria.", "2012-01-20", "syrian_opposition"),
    ("Khamis welcomed the new round of talks on Syria.", "2017-06-01", "syrian_government"),
    ("Gerasimov welcomed the new round of talks on Syria.", "2017-06-01", "russia"),
])
def test_an_official_speaks_for_his_actor_while_in_office(sentence, published, actor):
    assert read(sentence, published) == [(actor, "negotiations", 1)]


@pytest.mark.parametrize("sentence, published", [
    ("Pompeo welcomed the new round of talks on Syria.", "2014-05-02"),  # before he was secretary of state
    ("Pedersen welcomed the new round of talks on Syria.", "2015-05-02"),  # before he was the envoy
    ("Ghalioun welcomed the new round of talks on Syria.", "2016-01-20"),  # after he led the council
])
def test_an_official_outside_his_years_speaks_for_nobody(sentence, published):
    assert read(sentence, published) == []


# --- aliases of the actors -----------------------------------------------------------------------------

def test_aliases_name_their_actor():
    assert read("The Syrian leader rejected the talks in Geneva.") == [("syrian_government", "negotiations", -1)]
    assert read("Anti-government negotiators walked out of the talks.") == [("syrian_opposition", "negotiations", -1)]
    assert read("Ahrar al-Sham agreed to join the nationwide ceasefire.") == [("syrian_opposition", "ceasefire", 1)]
    assert read("The Syrian Negotiation Commission boycotted the talks in Sochi.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The UN special envoy welcomed the ceasefire in Syria.") == [("united_nations", "ceasefire", 1)]


def test_a_collective_of_unnamed_powers_holds_nothing():
    assert read("World powers called for a transitional governing body in Syria.") == []
    assert read("Western diplomats were sceptical about the talks on Syria.") == []


# --- issue words and verbs of position -------------------------------------------------------------------

def test_going_to_and_sitting_at_the_talks_is_taking_part():
    assert read("The Syrian delegation will travel to Geneva for the talks.") == [("syrian_government", "negotiations", 1)]
    assert read("Iran sits at the same table as the other powers to discuss the war in Syria.") == [
        ("iran", "negotiations", 1)]
    assert read("Ankara said it saw a window of opportunity for peace talks on Syria.") == [
        ("turkey", "negotiations", 1)]


def test_ing_forms_of_support_and_of_truce_verbs():
    assert read("Moscow has been pressing for a diplomatic track on Syria.") == [("russia", "negotiations", 1)]
    assert ("united_nations", "ceasefire", 1) in read(
        "The Security Council adopted a text calling for a nationwide ceasefire in Syria.")
    assert read("Tehran urged all sides to preserve the ceasefire in Aleppo.") == [("iran", "ceasefire", 1)]
    assert read("Ankara said it would keep working with Moscow on the truce in Idlib.") == [
        ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]


def test_doubt_about_the_talks_is_despair_of_them():
    assert read("The Kremlin was sceptical about the new round of talks on Syria.") == [("russia", "negotiations", -1)]
    assert read("Riyadh said there was little hope for a political settlement in Syria.") == [
        ("saudi_arabia", "negotiations", -1)]
    # not the talks: no stance
    assert read("The Kremlin was sceptical about the casualty figures from Syria.") == []


def test_rejection_verbs():
    assert read("The National Coalition spurned the invitation to the talks in Moscow.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The National Coalition turned down the invitation to the talks in Moscow.") == [
        ("syrian_opposition", "negotiations", -1)]
    # refusing to join a call is no rejection of talks
    assert read("Moscow refused to join the Western calls for sanctions on Syria.") == []


def test_assads_departure_and_his_future():
    assert read("The National Coalition repeated its demand that Assad leave power.") == [
        ("syrian_opposition", "assad_role", -1)]
    assert ("turkey", "assad_role", -1) in read("Ankara wants a transition that secures Assad's departure.")
    assert read("Washington wants a future without Assad in Syria.") == [("united_states", "assad_role", -1)]
    # negated inside the cue: his future kept out of the talks
    assert read("The Kremlin said Assad's future was not up for negotiation.") == [("russia", "assad_role", 1)]


def test_transitional_bodies():
    assert read("Riyadh is pushing for a transitional governing body in Syria.") == [("saudi_arabia", "transition", 1)]
    assert read("Tehran called for the formation of a national unity government in Syria.") == [
        ("iran", "transition", -1)]
    assert read("Kerry said an interim government would bring together figures from both camps.", "2015-11-20") == [
        ("united_states", "transition", 1)]
    # the opposition's own interim government, urged to act, is no transition
    assert read("The National Coalition urged the interim government to keep hospitals in Idlib open.") == []


def test_engaging_the_opposition():
    assert ("saudi_arabia", "engage_opposition", 1) in read(
        "Riyadh supported the opposition's participation in the talks in Geneva.")
    assert ("turkey", "engage_opposition", 1) in read("Turkey will host a meeting of Syrian opposition groups.")
    # a qualifier is no holder, and the opposition does not engage itself
    assert read("Saudi-backed rebels shelled the outskirts of Damascus.") == []


# --- counterexamples: another conflict, a question, someone else's stance ----------------------------

@pytest.mark.parametrize("sentence", [
    "Moscow was sceptical about the talks on Ukraine in Minsk.",
    "Riyadh is pushing for a transitional governing body in Yemen.",
    "The Libyan parties sat at the same table in Geneva.",
    "Turkey will host a meeting of Libyan opposition groups.",
])
def test_another_conflicts_talks_give_nothing(sentence):
    assert read(sentence) == []


def test_a_stance_reported_as_someone_elses_is_not_the_reporters():
    found = read("The National Coalition accused Damascus of spurning the talks in Geneva.")
    assert ("syrian_opposition", "negotiations", -1) not in found
