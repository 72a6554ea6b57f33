"""Stance mechanisms of round 8 (recall on unseen text, issue 15). Every sentence here is our own, written as
general English: each mechanism is tried in paraphrases (other verbs, word order, tense, a name, a capital or a
title, an inserted clause, "told reporters" or "said") and in cases that must give nothing (other conflicts,
questions, hypotheticals, someone else's stance, negation read with the right polarity)."""
from __future__ import annotations

from helpers import stance_reader


read = stance_reader("2016-02-10")


# --- an expletive with a likelihood noun ("no way", "no chance" before a clause): the speaker's claim, negated ----

def test_there_is_no_way_negates_what_follows_and_is_the_speakers():
    assert read("Kerry insisted on Friday there is no way the Syrian leader can be part of any transitional authority.") == [
        ("united_states", "assad_role", -1)]
    assert read("Ankara said there could be no way that the president might stay in power after the vote.") == [
        ("turkey", "assad_role", -1)]
    assert read("Davutoglu told reporters on Monday there is no chance the president can remain in power.") == [
        ("turkey", "assad_role", -1)]
    assert read("The Saudi foreign ministry, in a statement, said there was no possibility that Assad could remain "
                "in power.") == [("saudi_arabia", "assad_role", -1)]


def test_there_is_a_chance_keeps_the_polarity():
    assert read("Lavrov argued there is a real chance the president can be part of the transition.") == [
        ("russia", "assad_role", 1)]


def test_no_way_about_someone_else_or_another_conflict_gives_nothing():
    # nobody is quoted: an analyst's "there is no way" is no actor's stance
    assert read("There is no way the president can be part of a new transitional authority, analysts believe.") == []
    assert read("Washington insisted there is no way Maduro could remain in power in Venezuela.") == []
    assert read("Is there any way Assad could stay in power?") == []


# --- "remain / stay part of" the future, as "be part of" --------------------------------------------------------

def test_remaining_part_of_the_future_is_being_part_of_it():
    assert read("Kerry repeated that the president cannot remain part of the country's future.") == [("united_states", "assad_role", -1)]
    assert read("The Saudi minister argued that the Syrian leader could remain part of a transition for a few "
                "months.") == [("saudi_arabia", "assad_role", 1)]
    assert read("Tehran, according to its envoy, holds that the president must stay part of any settlement.") == [
        ("iran", "assad_role", 1)]


def test_someone_else_remaining_part_of_it_gives_nothing():
    assert read("The envoy said the army cannot remain part of the transition.") == []
    assert read("Kerry said Ukraine's president must remain part of the settlement.") == []


# --- possible / impossible with him in power or at its head -------------------------------------------------------

def test_impossible_with_him_at_its_head_rejects_his_role():
    assert read("The minister restated Ankara's view that a durable political settlement is not possible with "
                "the Syrian president at its head.") == [("turkey", "assad_role", -1)]
    assert read("Davutoglu said a solution was impossible with Assad at the helm.") == [("turkey", "assad_role", -1)]
    assert read("The National Coalition insists no negotiations are possible so long as the president stays in power.") == [
        ("syrian_opposition", "assad_role", -1), ("syrian_opposition", "negotiations", -1)]
    assert read("A lasting deal would be inconceivable so long as the Syrian leader stayed in charge, Riyadh "
                "said.") == [("saudi_arabia", "assad_role", -1)]


def test_possible_with_him_in_office_accepts_his_role():
    assert read("Moscow argues that a settlement is possible with Assad in office.") == [("russia", "assad_role", 1)]


def test_possible_with_someone_else_in_power_or_a_question_gives_nothing():
    assert read("Is a deal possible while Assad remains in power?") == []
    assert read("Peace is impossible as long as Netanyahu remains in power, the Palestinian negotiator said.") == []
    assert read("Ankara said a truce was not possible with the militias in the city.") == []


# --- being there: at the table, in the room, sending someone, staying away, going back to the venue ---------------

def test_being_at_the_table_is_taking_part():
    assert read("Riyadh and Ankara were both at the table on the opening day.") == [
        ("saudi_arabia", "negotiations", 1), ("turkey", "negotiations", 1)]
    assert read("For the first time, Iran's foreign minister is at the negotiating table.") == [
        ("iran", "negotiations", 1)]
    assert read("The Americans, officials conceded, had not been in the room when the ministers agreed the text.") == [
        ("united_states", "negotiations", -1)]


def test_being_in_a_room_or_at_a_table_elsewhere_gives_nothing():
    assert read("Russian officers were in the room when the blast hit.") == []
    assert read("Will Iran be at the table?") == []
    assert read("If Washington were at the table, the deal would look different.") == []
    assert read("Everything is on the table, Lavrov said.") == []


def test_staying_away_from_an_event_of_any_name_rejects_it():
    assert read("Washington and several European capitals stayed away from the whole event.") == [
        ("united_states", "negotiations", -1)]
    assert read("Riyadh stayed away from last month's gathering on the coast.") == [
        ("saudi_arabia", "negotiations", -1)]
    assert read("Ankara, its officials said, will skip the congress.") == [("turkey", "negotiations", -1)]


def test_staying_away_from_something_else_or_another_conflicts_event_gives_nothing():
    assert read("Israel stayed away from the summit on Gaza.") == []
    assert read("The Russian team skipped the football event.") == []


def test_sending_a_representative_or_not():
    assert read("Washington refused to send so much as an envoy.") == [("united_states", "negotiations", -1)]
    assert read("Tehran will send only a representative, the foreign ministry told reporters.") == [
        ("iran", "negotiations", 1)]
    assert read("The Kremlin sent no envoy at all.") == [("russia", "negotiations", -1)]


def test_sending_someone_unrelated_gives_nothing():
    assert read("Moscow sent a team of doctors to the field hospital.") == []
    assert read("The agency sent a reporter to Damascus.") == []


def test_going_back_to_where_the_talks_are_held():
    assert read("The opposition won't go back to Geneva before the sieges end, its spokesman said.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The HNC told reporters it would return to Geneva next week.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("Damascus, its envoy said, is ready to come back to Astana for another round.") == [
        ("syrian_government", "negotiations", 1)]


def test_going_back_elsewhere_or_someone_else_going_gives_nothing():
    assert read("Assad's wife returned to Vienna.") == []
    assert read("The envoy went back to Damascus.") == []
    assert read("Should the rebels return to Geneva?") == []


# --- "with A and B as (its) guarantors / sponsors": the actors the role is given to hold it -----------------------

def test_with_actors_as_guarantors_or_sponsors_they_hold_the_role():
    assert read("Putin declared a nationwide truce on Thursday, with Moscow and Ankara as its guarantors.") == [
        ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]
    assert read("The cessation of hostilities began at dawn with Moscow, Ankara and Tehran as the three "
                "guarantors.") == [("iran", "ceasefire", 1), ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]
    assert read("The dialogue congress opened on Monday with Tehran, Moscow, Ankara as sponsors.") == [
        ("iran", "negotiations", 1), ("russia", "negotiations", 1), ("turkey", "negotiations", 1)]
    assert read("The conference in Geneva, with Washington and Moscow as its co-sponsors, opened on Wednesday.") == [
        ("russia", "negotiations", 1), ("united_states", "negotiations", 1)]


def test_a_sponsor_in_apposition_holds_it():
    assert read("Iran, the third sponsor of the congress, said little in public.") == [
        ("iran", "negotiations", 1)]
    assert read("Turkey, on paper one of its sponsors, kept a low profile at the congress.") == [
        ("turkey", "negotiations", 1)]


def test_other_roles_or_other_wars_give_nothing():
    assert read("A truce was declared with the rebels as its main beneficiaries.") == []
    assert read("The talks opened in Geneva with France and Britain as observers.") == []
    assert read("The Yemen talks opened in Kuwait with Oman and Qatar as sponsors.") == []


# --- bringing the parties to the talks, by whatever name the talks have ---------------------------------------------

def test_bringing_the_parties_to_a_conference_backs_the_talks():
    assert read("Both foreign ministers told reporters they hoped to bring the regime and the rebels to an "
                "international conference before June.") == []  # no actor named before "they"
    assert read("Kerry and Lavrov told reporters they hoped to bring the regime and the rebels to an "
                "international conference before June.") == [
        ("russia", "negotiations", 1), ("united_states", "negotiations", 1)]
    assert read("Moscow has drawn the regime and the armed factions into a congress on the coast.") == [
        ("russia", "negotiations", 1)]
    assert read("Washington and Moscow agreed on Tuesday to get both sides back to a new round by the end of "
                "May.") == [("russia", "negotiations", 1), ("united_states", "negotiations", 1)]


def test_bringing_people_elsewhere_or_a_question_gives_nothing():
    assert read("The convoy brought the wounded rebels to the city hospital.") == []
    assert read("Would Kerry bring the opposition to the conference?") == []
    assert read("Washington tried to bring the Kurdish factions into the Baghdad talks on Iraq.") == []


# --- subject and verb inverted: "Around the table sat A, B and C" -------------------------------------------------

def test_who_sat_around_the_table_took_part():
    assert read("Around the table in the hotel sat Kerry, Lavrov and the Saudi foreign minister.") == [
        ("russia", "negotiations", 1), ("saudi_arabia", "negotiations", 1), ("united_states", "negotiations", 1)]
    assert read("At the negotiating table on Monday were the envoys of Iran and Turkey.") == [
        ("iran", "negotiations", 1), ("turkey", "negotiations", 1)]
    assert read("Around the table sat Russia's Lavrov, Turkey's Davutoglu and Clinton.", "2012-06-30") == [
        ("russia", "negotiations", 1), ("turkey", "negotiations", 1), ("united_states", "negotiations", 1)]


def test_a_table_with_nobody_of_ours_gives_nothing():
    assert read("At the table the waiters were busy.") == []
    assert read("Around the table in Brussels sat the ministers of Serbia and Kosovo.") == []


# --- no outsider may decide his fate: he may stay (assad_role +1) ---------------------------------------------------

def test_no_outsider_may_decide_his_fate():
    assert read("Zarif said outsiders had no right to dictate the future of Syria's leader.") == [
        ("iran", "assad_role", 1)]
    assert read("Lavrov told the Duma that no foreign power could dictate the fate of Syria's leader.") == [
        ("russia", "assad_role", 1)]
    assert read("Tehran insists that foreign governments have no right to choose Syria's president.") == [
        ("iran", "assad_role", 1)]


def test_outsiders_deciding_elsewhere_or_allowed_to_gives_nothing():
    assert read("Kerry said foreign powers may well dictate the future of Syria's leader.") == []
    assert read("Zarif said no foreign power can decide the fate of the Venezuelan president.") == []
    assert read("Lavrov asked whether any outside state may remove Assad.") == []


# --- the subject of a subordinate clause holds the cue in it, not the main clause's subject ------------------------

def test_the_subordinate_clauses_subject_holds_its_cue():
    assert read("Ankara protested when Tehran rejected the talks.") == [("iran", "negotiations", -1)]
    assert read("Riyadh was furious because Moscow had vetoed the truce.") == [("russia", "ceasefire", -1)]
    assert read("The envoy cancelled the invitation after Tehran declined to back a transitional body.") == [
        ("iran", "transition", -1)]


def test_the_main_subject_keeps_its_own_cue():
    assert read("Russia backed the truce after Turkey did.") == [("russia", "ceasefire", 1)]
    assert read("Moscow will attend the talks once Ankara agrees.") == [("russia", "negotiations", 1)]
    assert read("Iran said it backed the ceasefire because Damascus had asked it to.") == [("iran", "ceasefire", 1)]
