"""Round 4 of the codebook's vocabulary (issue 15): conditions put on negotiating ("will not negotiate until"),
deals struck on a text, talks that "would continue", speaking at the opening session, rejecting a compromise
with the other side, doubts about the talks, what "leads to" a truce or a
transitional body, agreement from a party to a truce, hoping that a truce holds, hosting the opposition.
Every sentence is our own; each mechanism has several phrasings that must give a row and counterexamples that
must give none (another conflict, a collective of unnamed powers, a question, someone else's stance)."""
from __future__ import annotations


import pytest

from helpers import stances_of


def read(body: str, published: str | None = "2016-03-10") -> list[tuple]:
    return stances_of(body, published)


# --- negotiations -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The Syrian government said it will not negotiate until the rebels lay down their arms.",
     ("syrian_government", "negotiations", -1)),
    ("The National Coalition said it would never negotiate as long as Aleppo was besieged.",
     ("syrian_opposition", "negotiations", -1)),
    ("Damascus said it was ready to negotiate under the auspices of the United Nations in Syria.",
     ("syrian_government", "negotiations", 1)),
])
def test_conditions_on_negotiating(sentence, expected):
    assert read(sentence) == [expected]


def test_negotiating_something_else_is_no_stance():
    assert read("Damascus wants to negotiate a loan from its allies to rebuild Syria.") == []


def test_a_deal_struck_on_a_text_is_held_by_both_parties():
    assert read("Russia and the United States struck a deal on a draft resolution on Syria.") == [
        ("russia", "negotiations", 1), ("united_states", "negotiations", 1)]
    assert read("Moscow and Ankara hammered out an agreement on the final statement on Syria.") == [
        ("russia", "negotiations", 1), ("turkey", "negotiations", 1)]
    # a trade deal is not the talks
    assert read("Russia and Turkey struck a deal on gas prices, weeks after the Syria summit.") == []


def test_talks_that_go_on_are_backed_by_who_says_so():
    assert read("The UN envoy said the talks on Syria would continue next week.") == [
        ("united_nations", "negotiations", 1)]
    assert read("A Kremlin spokesman said the peace talks in Astana would go ahead despite the attack.") == [
        ("russia", "negotiations", 1)]
    assert read("The UN envoy said the Yemen talks in Kuwait would continue next week.") == []


def test_addressing_the_opening_session():
    assert read("The Syrian foreign minister will address the opening session of the talks in Geneva.") == [
        ("syrian_government", "negotiations", 1)]
    assert read("The Syrian foreign minister addressed the opening session of parliament in Damascus.") == []


def test_rejecting_any_compromise_with_the_other_side():
    assert read("The Syrian opposition rejected any compromise with the regime.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("Damascus refused any deal with the rebels in Aleppo.") == [("syrian_government", "negotiations", -1)]
    assert read("The Syrian opposition rejected the government's figures on the dead.") == []


def test_doubts_about_the_talks():
    assert read("The Syrian opposition voiced doubts about the talks in Geneva.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("Tehran expressed misgivings over the peace process in Syria.") == [("iran", "negotiations", -1)]
    assert read("Tehran expressed misgivings over the oil market, a minister in Syria said.") == []


# --- ceasefire and transition --------------------------------------------------------------------------------

def test_what_leads_to_a_truce_or_a_transitional_body():
    assert read("Damascus said the accord could lead to a lasting ceasefire in Syria.") == [
        ("syrian_government", "ceasefire", 1)]
    assert read("Ankara said the Geneva plan should lead to a transitional governing body in Syria.") == [
        ("turkey", "transition", 1)]
    assert read("Russia said the shelling in Syria led to a humanitarian crisis.") == []


def test_agreement_from_a_party_to_a_truce():
    assert read("The envoy said there was consent from Damascus to a truce in Aleppo.") == [
        ("syrian_government", "ceasefire", 1)]
    assert read("The bank said there was consent from Damascus to a loan to farmers.") == []


def test_hoping_that_a_truce_holds():
    assert read("Russia hopes the ceasefire in Syria will hold.") == [("russia", "ceasefire", 1)]
    assert read("Washington wants the truce in Idlib to last.") == [("united_states", "ceasefire", 1)]
    assert read("Russia hopes the bridge in Syria will hold.") == []


# --- engaging the opposition ------------------------------------------------------------------------------

def test_hosting_the_opposition():
    assert read("Riyadh said it would host the Syrian opposition next month.") == [
        ("saudi_arabia", "engage_opposition", 1)]
    assert read("The rebels hosted a press conference in Idlib.") == []


# --- counterexamples: another conflict, a collective, a question ---------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The Yemeni government said it will not negotiate until the Houthis withdraw.",
    "Houthi leaders rejected any compromise with the government in Sanaa.",
    "The Libyan parties said the accord could lead to a lasting ceasefire in Tripoli.",
    "World powers hope the ceasefire in Syria will hold.",
    "Western diplomats voiced doubts about the talks on Syria.",
    "Will the Syrian opposition turn down every compromise offered by Damascus?",
])
def test_no_stance_from_these(sentence):
    assert read(sentence) == []


# --- officials bound to their years, and more names of the actors --------------------------------------------

@pytest.mark.parametrize("sentence, published, actor", [
    ("Farhan Haq welcomed the new round of talks on Syria.", "2016-03-10", "united_nations"),
    ("Qassemi welcomed the new round of talks on Syria.", "2017-05-02", "iran"),
    ("Marie Harf welcomed the new round of talks on Syria.", "2014-01-20", "united_states"),
    ("Louay Safi welcomed the new round of talks on Syria.", "2014-01-20", "syrian_opposition"),
    ("Hami Aksoy welcomed the new round of talks on Syria.", "2019-05-02", "turkey"),
    ("Ali Haidar welcomed the new round of talks on Syria.", "2014-01-20", "syrian_government"),
])
def test_more_officials_speak_for_their_actor_while_in_office(sentence, published, actor):
    assert read(sentence, published) == [(actor, "negotiations", 1)]


@pytest.mark.parametrize("sentence, published", [
    ("Qassemi welcomed the new round of talks on Syria.", "2013-05-02"),  # before he was the spokesman
    ("Louay Safi welcomed the new round of talks on Syria.", "2019-01-20"),  # years after he spoke for the council
])
def test_more_officials_outside_their_years_speak_for_nobody(sentence, published):
    assert read(sentence, published) == []


def test_more_names_of_the_actors():
    assert read("The Turks said they would attend the talks on Syria.") == [("turkey", "negotiations", 1)]
    assert read("The Syrian Arab Army said it would observe the truce.") == [("syrian_government", "ceasefire", 1)]
    assert read("The High Negotiating Committee said it would attend the talks in Geneva.") == [
        ("syrian_opposition", "negotiations", 1)]


# --- no military solution, only a political one; talks called doomed; an end to the fighting -----------------

def test_no_military_solution_is_backing_a_political_one():
    assert read("Russia said there was no military solution to the Syrian conflict.") == [
        ("russia", "negotiations", 1)]
    assert read("The United States said a military solution in Syria was impossible.") == [
        ("united_states", "negotiations", 1)]
    assert read("The president of Iran said the crisis in Syria could only be resolved through dialogue.") == [
        ("iran", "negotiations", 1)]
    assert read("The Syrian army said a military solution in Aleppo was within reach.") == []
    assert read("The Ukrainian president said there was no military solution in Donbas.") == []


def test_talks_called_doomed():
    assert read("Iran said the talks in Geneva were doomed to fail.") == [("iran", "negotiations", -1)]
    assert read("The National Coalition called the negotiations in Sochi a farce.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("Iran said the new dam in Syria was doomed to fail.") == []


def test_calling_for_an_end_to_the_fighting():
    assert read("Russia called for an end to the fighting in Syria.") == [("russia", "ceasefire", 1)]
    assert read("Washington demanded an end to the bloodshed in Syria.") == [("united_states", "ceasefire", 1)]
    assert read("Russia called for an end to the sanctions on Syria.") == []
    assert read("Russia called for an end to the fighting in Libya.") == []


def test_assads_own_part_in_the_talks_or_the_transition():
    assert ("saudi_arabia", "assad_role", -1) in read("Saudi Arabia said Assad should not take part in any negotiations.")
    assert read("Moscow said President Assad must take part in the transition in Syria.") == [
        ("russia", "assad_role", 1)]
    assert read("The rebels said the Syrian president could not be involved in the transition.") == [
        ("syrian_opposition", "assad_role", -1)]
    # the rebels taking part say nothing of Assad
    assert ("saudi_arabia", "assad_role", -1) not in read("Saudi Arabia said the rebels should not take part in any negotiations.")


# --- ruling out; weight, blessing and readiness behind the talks ------------------------------------------------

def test_ruling_out_talks_or_a_truce():
    assert ("syrian_government", "negotiations", -1) in read("Damascus ruled out talks with the armed opposition.")
    assert read("The opposition ruled out any negotiations with Assad.") == [("syrian_opposition", "negotiations", -1)]
    assert read("Moscow ruled out a ceasefire in Aleppo.") == [("russia", "ceasefire", -1)]
    # negated: not ruling them out is openness to them
    assert ("russia", "negotiations", 1) in read("Moscow did not rule out talks with the Syrian opposition.")
    assert read("The doctors in Damascus ruled out surgery for the minister.") == []
    assert read("Russia ruled out a ceasefire in Ukraine.") == []


def test_weight_blessing_and_readiness_behind_the_talks():
    assert read("Iran threw its weight behind the peace talks on Syria.") == [("iran", "negotiations", 1)]
    assert read("The United States gave its blessing to the talks in Astana.") == [("united_states", "negotiations", 1)]
    assert read("Saudi Arabia voiced its willingness to join the peace talks on Syria.") == [
        ("saudi_arabia", "negotiations", 1)]
    assert read("Iran threw its weight behind the football team in Syria.") == []
    assert read("World powers threw their weight behind the peace talks on Syria.") == []


# --- the transitional body: its powers, its start, the very idea rejected -------------------------------------

def test_the_transitional_bodys_powers_and_start():
    assert read("The United States said a transitional government should exercise full executive powers.") == [
        ("united_states", "transition", 1)]
    assert read("Washington said the transition should begin within six months.") == [
        ("united_states", "transition", 1)]
    assert read("Ankara called for a transitional body holding full executive powers in Syria.") == [
        ("turkey", "transition", 1)]
    assert read("Ankara called for a president with full executive powers in Turkey.") == []


def test_rejecting_any_talk_of_a_transition():
    assert read("Damascus rejected any talk of a transitional period.") == [("syrian_government", "transition", -1)]
    assert read("Damascus rejected any talk of a truce with the jihadists, officials in Syria said.") != [
        ("syrian_government", "transition", -1)]
    assert read("Tripoli rejected any talk of a transitional period in Libya.") == []


# --- engaging the opposition: readiness for dialogue, contacts, refusing to recognise, branding ---------------

def test_readiness_and_contacts_with_the_opposition():
    assert read("Damascus said it was ready for dialogue with the patriotic opposition.") == [
        ("syrian_government", "engage_opposition", 1)]
    assert read("Moscow said it was in contact with the Syrian opposition.") == [("russia", "engage_opposition", 1)]
    assert read("Moscow said it was in contact with the families of the crew in Syria.") == []


def test_refusing_to_recognise_or_branding_the_opposition():
    assert read("The Syrian government refused to recognise the opposition coalition.") == [
        ("syrian_government", "engage_opposition", -1)]
    assert read("Damascus called the opposition delegation terrorists.") == [
        ("syrian_government", "engage_opposition", -1)]
    # the opposition does not engage itself
    assert read("The Syrian opposition called the rebel commanders traitors.") == []
    assert read("The Yemeni government called the Houthi rebels terrorists.") == []


# --- a mediator named by his country, dismissed offers, terrorist lists, a gathering -------

def test_a_mediator_named_by_his_country():
    assert read("The Russian mediator opened the second round of talks on Syria in Moscow.") == [
        ("russia", "negotiations", 1)]
    assert read("A mediator opened the second round of talks on Syria.") == []


def test_dismissing_offers_of_concessions_or_dialogue():
    assert read("The Syrian opposition dismissed the president's offers of political concessions.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The Syrian opposition dismissed the talks in Sochi as a charade.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The Syrian opposition dismissed the minister's remarks.") == []


def test_listing_the_opposition_as_terrorists():
    assert read("The Syrian government added several opposition negotiators to a terrorist list.") == [
        ("syrian_government", "engage_opposition", -1)]
    assert read("The Syrian government added several jihadist commanders to a terrorist list.") == []


def test_the_opposition_gathering_in_a_capital_is_hosted_by_it():
    assert read("Dozens of Syrian opposition groups gathered at a conference in Riyadh.") == [
        ("saudi_arabia", "engage_opposition", 1)]
    assert read("Dozens of Libyan opposition groups gathered at a conference in Riyadh.") == []
    # rejecting an invitation to talks in a capital is not being hosted there
    assert ("russia", "engage_opposition", 1) not in read(
        "The Syrian opposition bloc on Monday rejected an invitation to talks in Moscow.")


# --- confirming attendance, withdrawal as a noun, participation on hold, talks judged useful, a truce that must hold

def test_confirming_attendance_and_withdrawing():
    assert read("The opposition confirmed its participation in the talks in Geneva.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("Tehran confirmed its attendance at the Astana meeting on Syria.") == [("iran", "negotiations", 1)]
    assert read("The rebels announced their withdrawal from the talks in Astana.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The opposition put its participation in the talks in Geneva on hold.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("Damascus announced the withdrawal of its troops from the town in Syria.") == []
    assert read("Tehran confirmed its attendance at the trade fair in Syria.") == []


def test_talks_judged_useful():
    assert read("The United States said the Astana talks were a positive step.") == [("united_states", "negotiations", 1)]
    assert read("Ankara said the talks on Syria were a step in the right direction.") == [("turkey", "negotiations", 1)]
    assert read("Ankara said the harvest in Syria was a step in the right direction.") == []
    assert read("Ankara said the talks on Libya were a step in the right direction.") == []


def test_a_truce_that_must_be_respected():
    assert read("Iran said the truce in Aleppo must be respected.") == [("iran", "ceasefire", 1)]
    assert read("Washington said the ceasefire in Syria must be maintained.") == [("united_states", "ceasefire", 1)]
    assert read("Washington said the ceasefire in Ukraine must be maintained.") == []
    assert read("World powers said the ceasefire in Syria must be maintained.") == []


# --- Assad: departure non-negotiable or off the agenda, his legitimacy, his fate for Syrians -------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The opposition said Assad's departure was non-negotiable.", ("syrian_opposition", "assad_role", -1)),
    ("Moscow said the removal of Assad was not on the agenda.", ("russia", "assad_role", 1)),
    ("Russia said Assad was the legitimate president of Syria.", ("russia", "assad_role", 1)),
    ("Russia said the Syrian people should decide Assad's fate.", ("russia", "assad_role", 1)),
    ("Washington said Assad had no role in the future of Syria.", ("united_states", "assad_role", -1)),
    ("Ankara said it could accept Assad staying during a transition.", ("turkey", "assad_role", 1)),
])
def test_assads_place(sentence, expected):
    assert read(sentence) == [expected]


@pytest.mark.parametrize("sentence", [
    "The Syrian president said the minister's departure was non-negotiable.",
    "Moscow said the removal of rubble in Aleppo was on the agenda.",
    "Assad met the elected president of Lebanon in Damascus.",
    "World powers said the Syrian people should decide Assad's fate.",
])
def test_assads_place_not_read_into_these(sentence):
    assert read(sentence) == []
