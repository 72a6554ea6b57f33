"""Stance reading, round 6 (issue 15: recall on unseen text, keeping precision). Every sentence here is our
own; each mechanism has several phrasings that must give a row and counterexamples that must give nothing
(or not that row): other conflicts, collectives, questions, hypotheticals, someone else's stance."""
from __future__ import annotations

from helpers import stances_of


def read(body: str, published: str | None = "2016-03-01") -> list[tuple]:
    return stances_of(body, published)


# --- who works (or will work) with the opposition engages it; the opposition has said nothing ------------------

def test_working_with_the_opposition_engages_it():
    assert read("The Turkish minister said Ankara will cooperate with the opposition in getting ready for the negotiations.") == [
        ("turkey", "engage_opposition", 1), ("turkey", "negotiations", 1)]
    assert read("Washington will work with the rebel groups on a credible delegation, the envoy said.") == [
        ("united_states", "engage_opposition", 1)]
    assert read("Riyadh has cooperated closely with the Syrian opposition for a year.") == [
        ("saudi_arabia", "engage_opposition", 1)]


def test_a_refusal_to_work_with_the_opposition_is_a_dismissal():
    assert read("Damascus refused to work with the opposition.") == [("syrian_government", "engage_opposition", -1)]


def test_working_with_others_or_the_opposition_working_gives_no_engagement():
    assert read("The army will work with the police.") == []
    assert read("The coalition will work with the opposition leaders on a joint list.") == []
    # another conflict: its opposition is not Syria's
    assert read("Kenya's president said he would work with the opposition on electoral reform in Nairobi.") == []


def test_a_promise_to_work_with_the_opposition_is_not_the_oppositions_stance():
    rows = read("Ankara said it would work with the opposition to prepare for the talks.")
    assert ("syrian_opposition", "negotiations", 1) not in rows
    rows = read("Washington said it would work with the rebel groups to prepare for negotiations.")
    assert ("united_states", "engage_opposition", 1) in rows and ("syrian_opposition", "negotiations", 1) not in rows
    # working together now: both hold it
    assert ("syrian_opposition", "ceasefire", 1) in read("Moscow is working with the opposition to keep the truce.")


# --- a speaker introduced by title and a full Arabic name binds in an article of unknown date -------------------

def test_a_titled_speaker_with_a_name_particle_binds_without_a_date():
    assert read("Saudi Foreign Minister Adel al-Jubeir said Assad must leave power.", None) == [
        ("saudi_arabia", "assad_role", -1)]
    assert read("Iranian Foreign Minister Mohammad Javad Zarif said Tehran backed the talks.", None) == [
        ("iran", "negotiations", 1)]


def test_an_untitled_or_former_speaker_does_not_bind_without_a_date():
    assert read("Adel al-Jubeir said Assad must leave power.", None) == []
    assert read("Former Saudi Foreign Minister Adel al-Jubeir said Assad must leave power.", None) == []


# --- his fate for the Syrian people to decide, however far the verb is from "fate" ------------------------------

def test_the_fate_of_the_president_decided_by_syrians_is_assad_may_stay():
    assert read("Lavrov said the future of the Syrian president can only be determined by the Syrian people.") == [
        ("russia", "assad_role", 1)]
    assert read("Tehran says the future of the Syrian leader can only ever be determined by Syrians.") == [
        ("iran", "assad_role", 1)]


def test_the_fate_of_something_else_or_a_question_gives_nothing():
    assert read("Lavrov said the fate of the disputed northern city could only be decided by the Syrian army.") == []
    assert read("Can the fate of the Syrian president only be decided by the Syrian people?") == []
    assert read("The fate of the Afghan president will be decided by Afghans, the minister said.") == []


# --- a speaker introduced by an apposed title binds in an article of unknown date ------------------------------

def test_an_apposed_title_binds_the_speaker_without_a_date():
    assert read("Syria's foreign minister, Walid al-Moualem, arrived on Monday. Moualem said the Syrian people "
                "alone would decide Assad's fate.", None) == [("syrian_government", "assad_role", 1)]
    assert read("The US secretary of state, John Kerry, arrived late. Kerry said Assad must step down.", None) == [
        ("united_states", "assad_role", -1)]
    assert read("Sergei Lavrov, Russia's foreign minister, arrived early. Lavrov said the fate of the Syrian "
                "president could only be decided by the Syrian people.", None) == [("russia", "assad_role", 1)]


def test_an_apposition_that_is_no_title_or_a_former_title_binds_nobody():
    assert read("Lavrov, Russia's old friend, arrived early. Lavrov said the Syrian people alone would decide "
                "Assad's fate.", None) == []
    assert read("Sergei Lavrov, Russia's former foreign minister, arrived early. Lavrov said the Syrian people "
                "alone would decide Assad's fate.", None) == []
    assert read("In Washington, John Kerry arrived late. Kerry said Assad must step down.", None) == []


# --- support for the opposition's taking part, the opposition named after "of" ----------------------------------

def test_support_for_the_participation_of_the_opposition_engages_it():
    assert read("Ankara backed the inclusion of rebel groups.") == [("turkey", "engage_opposition", 1)]
    assert read("Moscow backed the participation of armed rebel factions in next month's negotiations.") == [
        ("russia", "engage_opposition", 1), ("russia", "negotiations", 1)]


def test_support_for_others_taking_part_gives_no_engagement():
    assert read("Ankara backed the inclusion of women in the process.") == []
    assert read("The rebels welcomed the participation of the opposition groups in the talks.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("Nairobi backed the inclusion of opposition parties in the Kenyan cabinet.") == []


# --- a document's statement speaks for the actors named together before it ------------------------------------

def test_a_statement_speaks_for_the_list_named_before():
    lead = "Turkey, Russia and Iran met in Astana. "
    expected = [("iran", "ceasefire", 1), ("iran", "negotiations", 1), ("russia", "ceasefire", 1),
                ("russia", "negotiations", 1), ("turkey", "ceasefire", 1), ("turkey", "negotiations", 1)]
    assert read(lead + "The joint statement said the three countries supported the truce.") == expected
    assert read(lead + "A final communique, read by the host, said they would back the truce.") == expected


def test_a_statement_after_a_single_actor_or_people_saying_gives_it_to_nobody_else():
    assert read("Moscow met the envoy. The statement said they backed a truce.") == [("russia", "negotiations", 1)]
    # officials can be "they" themselves: not read as the list's
    assert read("Turkey, Russia and Iran met in Astana. Officials said they backed the truce.") == [
        ("iran", "negotiations", 1), ("russia", "negotiations", 1), ("turkey", "negotiations", 1)]
    # another conflict's statement
    assert read("Ethiopia, Sudan and Egypt met in Khartoum. The statement said the three countries supported "
                "the truce in Tigray.") == []


# --- a refusal to sit or meet with a partner is the refuser's alone ---------------------------------------------

def test_a_refusal_to_sit_with_the_other_side_is_not_the_other_sides():
    # (round 7: refusing the same table, not the talks, is mixed (0), as the labelled written pages code it)
    assert read("The opposition negotiators declined to sit at the same table as Damascus's envoys.") == [
        ("syrian_opposition", "negotiations", 0)]
    assert read("The rebels turned up but would not sit at the same table with officials of the government.") == [
        ("syrian_opposition", "negotiations", 0)]
    assert read("The regime delegation would not sit at the same table with the rebels.") == [
        ("syrian_government", "negotiations", 0)]


def test_sitting_together_is_still_both_sides():
    assert read("The opposition delegation sat at the same table with the regime delegation.") == [
        ("syrian_government", "negotiations", 1), ("syrian_opposition", "negotiations", 1)]
    assert read("The two delegations refused to sit at the same table.") == []


# --- the speaker's reading of a text ("said the wording meant ...") is the speaker's -----------------------------

def test_a_reading_of_the_texts_wording_is_the_speakers_position():
    assert read("The US secretary of state said the text meant that Assad would, in effect, have to step aside.") == [
        ("united_states", "assad_role", -1)]
    assert read("Lavrov said the statement meant Assad could stay.") == [("russia", "assad_role", 1)]
    assert read("The Saudi minister said the text meant Assad would in the end have to go.") == [
        ("saudi_arabia", "assad_role", -1)]


def test_a_reading_about_something_else_gives_nothing():
    assert read("The US secretary of state said the wording meant the rebels would have to leave the city.") == []
    assert read("Did the US secretary of state say the wording meant Assad would have to step aside?") == []
    assert read("The minister said the wording meant Maduro would in practice have to step aside.") == []


# --- assad_role: no part in the transitional government; a settlement that must begin with his going --------------

def test_no_part_in_the_transitional_government_and_a_solution_beginning_with_his_exit():
    assert read("Kerry repeated that Assad cannot be part of the transitional government.", "2013-05-07") == [
        ("united_states", "assad_role", -1)]
    assert read("The coalition's chief said any settlement has to start with the exit of the president.") == [
        ("syrian_opposition", "assad_role", -1)]
    assert read("Riyadh said a settlement can only start with the exit of Assad.") == [("saudi_arabia", "assad_role", -1)]


def test_other_departures_and_other_presidents_give_nothing():
    assert read("Ankara said any solution must begin with the departure of the foreign fighters.") == []
    assert read("The opposition said the process must begin with the removal of checkpoints.") == []
    assert read("Washington said any solution in Venezuela must begin with the departure of Maduro.") == []


# --- who governs Syria is for the Syrians alone; forcing him out from outside is a mistake (Assad may stay) ------

def test_syrians_alone_decide_who_governs_and_forcing_him_out_is_a_mistake():
    assert read("Lavrov said it was for Syrians alone to decide who rules them.") == [("russia", "assad_role", 1)]
    assert read("Tehran said the Syrian people themselves must choose who leads them.") == [("iran", "assad_role", 1)]
    assert read("Russian officials said any attempt to force Assad out from the outside would be a mistake.") == [
        ("russia", "assad_role", 1)]
    assert read("Tehran said efforts to topple the Syrian president were illegitimate.") == [("iran", "assad_role", 1)]


def test_elections_without_him_other_targets_and_other_countries_give_nothing():
    assert read("Washington said the Syrian people should decide who leads them in free elections without Assad.") == []
    assert read("Moscow said any attempt to force the rebels out of the city would be a mistake.") == []
    assert read("Syrians alone will decide who wins the football cup, the minister joked.") == []
    assert read("Moscow said any attempt to force Maduro out of Venezuela would be a mistake.") == []
