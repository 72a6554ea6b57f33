"""Stance mechanisms for recall on unseen text: who holds a position in general English constructions.
Every sentence here is our own; each mechanism has cases that must give a row and cases that must not."""
from __future__ import annotations

from helpers import stance_reader


read = stance_reader("2015-11-03")


# --- a cue in the passive: its subject undergoes the act, the agent after "by" holds it -------------

def test_the_subject_of_a_passive_cue_is_not_its_holder():
    body = "The third round in Tehran, a close partner of President Assad, was boycotted by the National Coalition."
    assert read(body) == [("syrian_opposition", "negotiations", -1)]


def test_an_active_cue_still_belongs_to_its_subject():
    assert read("Damascus boycotted the third round of talks.") == [("syrian_government", "negotiations", -1)]
    assert read("The conference was boycotted.") == []


# --- "Syrian" alone before a party to the talks or an office is the government ------------------------

def test_the_syrian_side_and_the_syrian_delegation_are_the_government():
    assert read("The Syrian delegation arrived in Vienna to attend the talks.") == [
        ("syrian_government", "negotiations", 1)]
    assert read("Syria's foreign minister welcomed the new round of talks.") == [
        ("syrian_government", "negotiations", 1)]


def test_the_syrian_opposition_delegation_stays_the_opposition():
    assert read("The Syrian opposition delegation arrived in Vienna to attend the talks.") == [
        ("syrian_opposition", "negotiations", 1)]


# --- a negated verb negates the purpose clause it governs ---------------------------------------------

def test_a_negated_journey_negates_its_purpose():
    assert read("The regime will not travel to Vienna to hand over power.") == [("syrian_government", "transition", -1)]
    assert read("The regime will travel to Vienna to hand over power.") == [("syrian_government", "transition", 1)]


def test_a_negation_further_back_with_another_verb_between_does_not_reach_the_cue():
    # "not" belongs to "hide"; the purpose "to attend the talks" is what they did
    assert ("syrian_opposition", "negotiations", 1) in read(
        "The rebels did not hide that they had flown to Riyadh and stayed there to attend the talks.")


# --- a name inside an "inside" cue holds it, even when its list starts before the cue -----------------

def test_every_name_inside_a_delegation_cue_holds_it():
    found = read("Lavrov, Kerry and the opposition delegation met before the talks opened.")
    assert ("syrian_opposition", "negotiations", 1) in found


# --- a leading additive phrase: its actors do "also" what the clause says ------------------------------

def test_actors_of_a_leading_additive_phrase_hold_the_clause_stance():
    body = "Aside from Iran, Turkey and Saudi Arabia, delegates of eleven more states are also taking part in the talks."
    assert read(body) == [("iran", "negotiations", 1), ("saudi_arabia", "negotiations", 1),
                          ("turkey", "negotiations", 1)]
    assert read("In addition to Russia, the rebels too back the truce.") == [
        ("russia", "ceasefire", 1), ("syrian_opposition", "ceasefire", 1)]


def test_without_also_or_with_a_negative_the_additive_phrase_holds_nothing():
    assert read("Apart from Iran, no other state is attending the talks.") == []
    assert read("In addition to Russia, the rebels back the truce.") == [("syrian_opposition", "ceasefire", 1)]
    assert read("Unlike Iran, Turkey also attends the talks.") == [("turkey", "negotiations", 1)]


# --- "Syria" as the subject of its own verb is the government ------------------------------------------

def test_syria_acting_is_its_government():
    assert read("Syria will send a delegation to the peace conference in Vienna.") == [
        ("syrian_government", "negotiations", 1)]
    assert read("A week later, Syria agreed to the truce.") == [("syrian_government", "ceasefire", 1)]


def test_syria_as_a_place_or_with_a_modifier_holds_nothing():
    assert read("Talks on Syria will resume in Geneva on Monday.") == []
    assert read("The envoy hoped a united Syria would hold talks.") == []
    assert read("Syria has been at war since 2011 and the talks resumed.") == []


# --- an ellipsis before a capital ends a clause ------------------------------------------------------------

def test_an_ellipsis_parts_a_negation_and_a_subject_from_what_follows():
    body = '"The regime has lost all legitimacy and our view has not moved …There should be a real transition," he said.'
    assert not [r for r in read(body) if r[0] == "syrian_government"]


# --- reported speech: the source of a report after "said" is not what was said --------------------------

def test_a_report_source_after_the_speech_verb_leaves_the_content_before_it():
    body = ('"There will be no role for Assad in a free Syria, with due respect to our partners," Jubeir said, '
            'as quoted by a news agency.')
    assert read(body) == [("saudi_arabia", "assad_role", -1)]


# --- '"...," he said': the pronoun is the person last named -------------------------------------------------

def test_a_pronoun_attribution_is_the_person_named_before():
    body = ('Cavusoglu met reporters in Ankara on Monday.\n\n'
            '"We are going to attend the talks in Geneva next week with our partners," he said.')
    assert read(body) == [("turkey", "negotiations", 1)]
    two = ('Cavusoglu met reporters in Ankara on Monday.\n\n'
           '"Let me be quite clear about it: there’s no future for Assad in the country," she said.')
    assert read(two) == [("turkey", "assad_role", -1)]


def test_a_pronoun_attribution_after_another_speaker_or_about_others_holds_nothing():
    other = ('Cavusoglu met reporters in Ankara on Monday. A local mayor, Omar Haddad, said the mood was grim.\n\n'
             '"We are going to attend the talks in Geneva next week with our partners," he said.')
    assert read(other) == []
    about_others = ('Cavusoglu met reporters in Ankara on Monday.\n\n'
                    '"Most ordinary families in the region want peace more than anything else," he said.')
    assert read(about_others) == []
    unknown_date = ('Cavusoglu met reporters in Ankara.\n\n'
                    '"We are going to attend the talks in Geneva next week with our partners," he said.')
    assert read(unknown_date, None) == []


def test_a_quotation_in_the_next_paragraph_is_not_attributed_to_a_name_there():
    body = ('"A negotiated settlement remains the only way out of this war for everyone."\n\n'
            'Russia said on Friday it would send more aid.')
    assert read(body) == []


# --- lists: a member named by title and body, a dateline before the subject, a name that holds a verb ------

def test_a_list_member_named_by_a_title_of_its_body_joins_the_list():
    body = ("Lavrov, Kerry and the special representative of the United Nations are to meet in Vienna next week.")
    assert read(body) == [("russia", "negotiations", 1), ("united_nations", "negotiations", 1),
                          ("united_states", "negotiations", 1)]


def test_a_dateline_does_not_push_the_subject_away():
    body = "VIENNA, May 4 (Wire Agency) - Lavrov and Kerry will meet in Vienna next week before the talks."
    assert read(body) == [("russia", "negotiations", 1), ("united_states", "negotiations", 1)]


def test_a_capitalised_speech_verb_inside_a_name_is_no_verb():
    body = ("Kerry and the joint representative of the United Nations and of the Organization of American States, "
            "Tom Gray, are to meet in Vienna.")
    assert ("united_states", "negotiations", 1) in read(body)


# --- a relative clause with a verb phrase before the cue is held by its antecedent --------------------------

def test_a_relative_clause_is_held_by_its_antecedent_across_its_verb():
    body = ("The envoy hopes to revive an accord signed in May by several powers, including the United States "
            "and Russia, which urged the formation of an interim government.")
    assert read(body) == [("russia", "transition", 1), ("united_states", "transition", 1)]


def test_that_with_a_subject_of_its_own_is_no_relative_pronoun():
    # Lavrov is the one told, not the one who backs the talks
    assert not [r for r in read("Kerry told Lavrov that the rebels backed the talks.") if r[0] == "russia"]


# --- talks in an actor's capital are talks it hosts ----------------------------------------------------------

def test_talks_in_a_capital_are_hosted_by_its_actor():
    assert ("russia", "negotiations", 1) in read("Several rebel groups attended the talks held in Moscow in May.")
    # talks that may happen there are not yet hosted
    assert ("russia", "negotiations", 1) not in read("The two camps may hold talks in Moscow at some point.")
    assert ("saudi_arabia", "negotiations", 1) in read("Opposition factions gathered at a conference held in Riyadh.")


def test_talks_elsewhere_or_about_another_conflict_give_no_host():
    assert read("The talks in Geneva resumed on Monday.") == []
    assert read("The peace talks on Ukraine in Moscow ended without a deal.") == []


def test_a_run_of_menu_items_or_teasers_is_not_read():
    body = "News | Video | Opinion | Talks in Tehran open a new chance for peace | Sport"
    assert read(body) == []


# --- the members a clause-initial subject names in apposition hold its stance ------------------------------

def test_members_named_after_including_hold_the_subjects_stance():
    assert read("Several states, including Russia and Iran, backed the ceasefire.") == [
        ("iran", "ceasefire", 1), ("russia", "ceasefire", 1)]
    assert read("Western governments, among them the United States, have called for Assad to step down.") == [
        ("united_states", "assad_role", -1)]


def test_members_named_after_including_in_an_object_are_not_the_subject():
    # the rebels criticise the states that attended: the attending is the states', not the rebels'
    assert ("syrian_opposition", "negotiations", 1) not in read(
        "The rebels criticised several states, including Russia and Iran, that attended the talks.")


def test_a_speech_verb_after_a_determiner_or_quantifier_is_a_noun():
    assert read("Several states, including Russia, attended the talks.") == [("russia", "negotiations", 1)]
    # the noun "states" after a quantifier does not make the rebels the speaker of the relative clause
    assert read("The rebels named several states, including Russia and Iran, that attended the talks.") == [
        ("iran", "negotiations", 1), ("russia", "negotiations", 1)]


# --- reported speech: what another actor did, reported as the direct subject of the cue's verb -------------

def test_a_speaker_reporting_another_actors_act_gives_that_actors_stance():
    assert read("The UN envoy said the government had agreed to a ceasefire in Aleppo.") == [
        ("syrian_government", "ceasefire", 1)]


def test_a_speakers_claim_about_something_tied_to_another_actor_is_not_its_stance():
    assert read("Jarba said on Monday a Russian wave of air raids on Idlib was meant to prop up Assad.") == []


# --- the usual words: "cease fire", "a halt in the fighting", "national dialogue", an opposition group ---------

def test_more_usual_words_for_a_truce_and_for_talks():
    assert read("Damascus said it would back a cease fire during the holiday.") == [("syrian_government", "ceasefire", 1)]
    assert read("Annan's plan calls for a daily halt in fighting to let aid in.", "2012-04-10") == [
        ("united_nations", "ceasefire", 1)]
    assert read("Assad said he was ready to convene a broad reconciliation conference.", "2013-01-07") == [
        ("syrian_government", "negotiations", 1)]


def test_an_invitation_to_a_named_opposition_group_engages_it():
    assert read("Moscow said it had invited the chairman of the main opposition group for a visit.") == [
        ("russia", "engage_opposition", 1)]
    assert read("The fighting did not halt in the city, residents said.") == []


# --- who meets the opposition engages it -----------------------------------------------------------------------

def test_meeting_the_opposition_engages_it():
    assert read("Lavrov met opposition figures in Moscow to discuss the crisis.") == [
        ("russia", "engage_opposition", 1), ("russia", "negotiations", 1), ("syrian_opposition", "negotiations", 1)]


def test_meeting_another_party_or_refusing_to_meet_the_opposition_engages_nobody():
    assert not [r for r in read("Lavrov met Kerry in Geneva to discuss the ceasefire.") if r[1] == "engage_opposition"]
    assert not [r for r in read("Lavrov refused to meet the opposition before the talks.")
                if r[1] == "engage_opposition" and r[2] == 1]
    # the opposition does not engage itself
    assert not [r for r in read("The opposition met Lavrov to discuss the talks.") if r[1] == "engage_opposition"]


def test_a_headline_names_the_opposition_without_the_possessive():
    assert ("syrian_opposition", "assad_role", -1) in read(
        "Assad must go at the start of any transition, say Syria opposition groups at a meeting in Riyadh.")


# --- round 2: polarity of refusals and failures, agents of the object, officials of a state ---------------

def test_a_refusal_verb_that_opens_the_cue_is_not_a_negation_of_it():
    assert read("Iran likewise declined to attend.") == [("iran", "negotiations", -1)]
    assert read("Ankara refused to join the negotiations in Vienna.") == [("turkey", "negotiations", -1)]


def test_failing_to_agree_a_few_words_on_is_no_position_on_the_truce():
    assert read("Russia and the United States failed again on Sunday to agree on a truce for Syria.") == []
    assert read("Russia and the United States failed to reach a truce for Syria.") == []


def test_the_organiser_of_what_is_boycotted_keeps_a_positive_reading():
    got = read("The Syrian opposition said it would shun and boycott a peace conference organised by Iran next week.")
    assert ("syrian_opposition", "negotiations", -1) in got
    assert ("iran", "negotiations", -1) not in got and ("iran", "negotiations", 0) not in got


def test_guarantors_of_a_deal_between_two_sides_are_not_those_sides():
    got = read("Russia and Iran said they were ready to act as guarantors of any peace deal between the Syrian government and the opposition.")
    assert {a for a, _, _ in got} == {"russia", "iran"}


def test_officials_of_listed_states_are_those_states():
    got = read("The defence ministers of Turkey, Iran and Russia met on Monday and said they backed the Syria talks.")
    assert {a for a, i, p in got if i == "negotiations" and p == 1} == {"turkey", "iran", "russia"}


def test_the_government_holds_a_position_on_assads_role_when_he_speaks():
    assert read("Assad told a newspaper on Monday that he would never leave office under foreign pressure.") == [
        ("syrian_government", "assad_role", 1)]
    assert read("President Assad ruled out stepping down before the next election.") == [
        ("syrian_government", "assad_role", 1)]


def test_what_a_speaker_says_of_assad_is_the_speakers_position_not_his():
    assert read("Washington insisted that Assad cannot be part of the country's future.") == [
        ("united_states", "assad_role", -1)]
    assert read("Tehran says the fate of the president must be decided by the Syrian people alone.") == [
        ("iran", "assad_role", 1)]


def test_new_vocabulary_of_participation_and_support():
    # hosting the opposition's meeting is organising talks and inviting the opposition (engage_opposition)
    assert read("Riyadh will host a meeting of the Syrian rebel groups next week.") == [
        ("saudi_arabia", "engage_opposition", 1), ("saudi_arabia", "negotiations", 1)]
    assert set(read("Ankara and Moscow agreed to press the Syrian sides to return to the negotiating table.")) == {
        ("turkey", "negotiations", 1), ("russia", "negotiations", 1)}
    assert ("syrian_government", "engage_opposition", 1) in read(
        "Damascus said it was ready to discuss a new charter with the opposition.")
    assert ("iran", "negotiations", 1) in read("Tehran said it would send a delegation to the Vienna meeting.")


def test_the_subject_after_adding_that_holds_the_cue_not_a_name_in_the_quotation_before():
    got = read('"Assad must answer for the sieges," the spokeswoman said, adding that Washington still backed '
               'the talks in Geneva.')
    assert ("united_states", "negotiations", 1) in got
    assert not [r for r in got if r[0] == "syrian_government"]


def test_the_two_sides_at_a_paragraphs_start_are_the_pair_named_just_before():
    body = ("Russian and Turkish diplomats held talks in Ankara on Monday about the fighting near Idlib.\n\n"
            "The two sides said they supported a lasting truce.")
    assert {r for r in read(body) if r[1] == "ceasefire"} == {("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)}
    # one actor named before is no pair: nobody holds it
    alone = "Turkish diplomats held talks in Ankara on Monday.\n\nThe two sides said they supported a lasting truce."
    assert not [r for r in read(alone) if r[1] == "ceasefire"]


def test_what_a_speaker_says_all_sides_or_the_powers_must_do_is_the_speakers_position():
    assert read("Iran's foreign minister said all parties must observe the truce in Aleppo.") == [("iran", "ceasefire", 1)]
    assert read("Moscow said on Monday that world powers had agreed to seek a truce in Syria.") == [
        ("russia", "ceasefire", 1)]


def test_the_author_of_a_plan_that_keeps_assad_and_who_rejects_it():
    got = read("Paris rejected an Iranian plan under which Assad would stay in power for two more years.")
    assert ("iran", "assad_role", 1) in got
    assert not [r for r in got if r[0] == "syrian_government"]


def test_hosting_opposition_envoys_engages_them_and_a_states_proposal_for_talks_is_its_own():
    got = read("Ankara hosted a delegation of the Syrian opposition to discuss a Russian proposal for new talks.")
    assert ("turkey", "engage_opposition", 1) in got and ("russia", "negotiations", 1) in got


def test_a_speakers_general_claim_about_the_settlement_is_the_speakers():
    assert read("Ankara said on Monday that a lasting settlement was unthinkable with Assad still in power.") == [
        ("turkey", "assad_role", -1)]
    # another actor named before the cue makes it a report about that actor, not the speaker's claim
    assert ("turkey", "assad_role", -1) not in read(
        "Ankara said on Monday that Russian officials think a lasting settlement was unthinkable with Assad in power.")
