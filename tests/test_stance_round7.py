"""Stance mechanisms of round 7 (recall on unseen text, issue 15): who holds a position and how it is named.
Every sentence here is our own, written as general English; each mechanism has cases that must give a row and
cases that must give nothing (other conflicts, questions, hypotheticals, someone else's stance, negated forms)."""
from __future__ import annotations

from helpers import stance_reader


read = stance_reader("2016-02-10")


# --- branding the opposition as terrorists: the speaker dismisses it (engage_opposition -1) ---------------------

def test_describing_the_opposition_as_terrorists_dismisses_it():
    assert read("Syria's ambassador described the rebel negotiators as agents of terrorist groups.") == [
        ("syrian_government", "engage_opposition", -1)]
    assert read("Damascus portrayed several of the rebel groups as terrorist organisations on Monday.") == [
        ("syrian_government", "engage_opposition", -1)]
    assert read("The Syrian foreign minister spent the session denouncing the rebels as terrorists paid from abroad.") == [
        ("syrian_government", "engage_opposition", -1)]


def test_describing_something_else_as_terrorism_or_the_opposition_otherwise_gives_nothing():
    assert read("Damascus described the shelling of opposition districts as a terrorist act.") == []
    assert read("Damascus described the opposition delegation as divided and weak.") == []
    # the opposition calling someone else a terrorist is not a stance on engaging the opposition
    assert read("The National Coalition described the pro-government militias as terrorists.") == []


# --- power handed to a transitional body -------------------------------------------------------------------

def test_handing_power_to_a_transitional_body_backs_a_transition():
    assert read("The National Coalition demanded that the government hand power to a transitional authority.") == [
        ("syrian_opposition", "transition", 1)]
    assert read("The opposition called for the transfer of full authority, over the security services too, to a "
                "transitional governing body.") == [("syrian_opposition", "transition", 1)]


def test_handing_power_to_someone_else_is_no_transition():
    assert read("The governor handed power to his deputy before leaving for Damascus.") == []
    assert read("The opposition approved the transfer of powers to local councils.") == []


# --- the second of two verbs an urging names is the urger's ------------------------------------------------

def test_the_second_urged_verb_belongs_to_who_urges():
    assert read("The opposition coalition urged the government delegation to sign the text immediately and hand "
                "power to a transitional authority.") == [("syrian_opposition", "transition", 1)]
    assert read("The National Coalition challenged the regime to hand over power to a transitional body.") == [
        ("syrian_opposition", "transition", 1)]


def test_a_new_subject_after_and_is_not_urged():
    # "and Turkey backed ..." has a subject of its own: Turkey holds it, not Russia
    assert read("Russia urged the rebels to leave the city and Turkey backed a transitional authority.") == [
        ("turkey", "transition", 1)]


# --- Assad's legitimacy and his fate left to the Syrians -----------------------------------------------------

def test_lost_legitimacy_and_fate_for_the_syrians():
    assert read("The US secretary of state argued again that the Syrian leader had lost the legitimacy to govern.") == [
        ("united_states", "assad_role", -1)]
    assert read("The Kremlin said it was up to the Syrian people to decide Assad's fate.") == [("russia", "assad_role", 1)]
    assert read("Iran said it is for the Syrians alone to settle the president's future.") == [("iran", "assad_role", 1)]


def test_legitimacy_and_fate_of_something_else_give_nothing():
    assert read("The Kremlin said the league had lost the legitimacy to organise the tournament.") == []
    assert read("The Kremlin said it was up to the Syrian people to decide the date of the vote.") == []
    assert read("Is it up to the Syrian people to decide Assad's fate?") == []


# --- talks under the auspices of an actor ------------------------------------------------------------------

def test_talks_under_the_auspices_of_actors_are_theirs():
    assert read("Talks between the two Syrian sides began on Monday in the Kazakh capital under the guarantorship of "
                "Turkey and Russia.") == [("russia", "negotiations", 1), ("turkey", "negotiations", 1)]
    assert read("Negotiations on Syria will resume in Geneva next week under the auspices of the United Nations.") == [
        ("united_nations", "negotiations", 1)]


def test_auspices_of_something_else_or_hoped_for_give_no_host():
    assert read("Aid reached the besieged district under the auspices of the Red Crescent.") == []
    # whoever would host talks the speaker is ready for has said nothing
    assert read("Damascus said it was ready to negotiate under the auspices of the United Nations.") == [
        ("syrian_government", "negotiations", 1)]
    # another conflict's talks
    assert read("Talks on Yemen resumed in Kuwait under the auspices of the United Nations.") == []


# --- the opposition recognised in the passive -----------------------------------------------------------------

def test_the_opposition_recognised_by_an_actor_is_engaged_by_it():
    assert read("The National Coalition, which was recognised by the United States as the legitimate representative "
                "of the Syrian people, met in Cairo.") == [("united_states", "engage_opposition", 1)]


def test_recognised_in_another_sense_gives_nothing():
    assert read("The rebels were recognised by Turkish border guards as they crossed at night.") == []


# --- a person named with the title of a body speaks for that body -------------------------------------------

def test_a_title_of_a_body_in_apposition_makes_the_person_speak_for_it():
    assert read("Karim Haddad, the head of the National Coalition, said the opposition would attend the talks.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("Rami Nasser, a spokesman for the Coalition, told reporters that the bloc backs a transitional "
                "authority.") == [("syrian_opposition", "transition", 1)]
    assert read("Karim Haddad, the head of the National Coalition, urged the regime to hand power to a transitional "
                "body.") == [("syrian_opposition", "transition", 1)]


def test_what_the_titled_person_reports_of_another_actor_is_that_actors():
    assert read("Karim Haddad, the head of the National Coalition, said Russia backs the truce.") == [
        ("russia", "ceasefire", 1)]
    assert read("Sami Aziz, a spokesman for the United Nations, said Iran backs the truce.") == [("iran", "ceasefire", 1)]


# --- a short quotation attributed by a pronoun ----------------------------------------------------------------

def test_a_short_quotation_attributed_by_a_pronoun_is_the_speakers():
    body = 'Kerry said the agreement opened a path to a settlement. "Assad will still have to go," he told reporters.'
    assert read(body) == [("united_states", "assad_role", -1)]
    body = 'Lavrov spoke in Moscow on Monday. "The truce must be respected," he said.'
    assert read(body) == [("russia", "ceasefire", 1)]


def test_the_pronoun_is_the_speaker_not_the_person_spoken_of():
    # Assad is named in what Kerry said, so "he" is Kerry, and Assad's government holds nothing
    body = 'Kerry said the plan meant Assad would have to step aside. "The talks must go on," he said.'
    assert ("syrian_government", "negotiations", 1) not in read(body)
    assert ("united_states", "negotiations", 1) in read(body)


def test_a_short_quotation_gives_nothing_for_a_question_another_speaker_or_an_unknown_date():
    assert read('Lavrov spoke in Moscow on Monday. "Will the truce hold?" he asked.') == []
    body = 'Lavrov spoke on Monday. A local mayor, Omar Farid, said the mood was grim. "The truce must hold," he said.'
    assert read(body) == []
    assert read('Lavrov spoke in Moscow. "The truce must be respected," he said.', None) == []


def test_a_quoted_term_is_no_quotation():
    # '"terrorists,"' inside a sentence is a quoted term, not a short quotation of Lavrov's: Damascus holds its own words
    body = 'Lavrov spoke on Monday. Damascus called the rebels "terrorists," he said.'
    assert read(body) == [("syrian_government", "engage_opposition", -1)]


# --- "the deal" refers back to a truce or talks, never to Assad's role ----------------------------------------

def test_the_deal_refers_back_past_a_remark_on_assads_fate():
    body = ("Russia and the United States agreed a cessation of hostilities on Monday. Lavrov stressed that only the "
            "Syrian people can determine the fate of their president.\n\n"
            "The Security Council later backed the deal in a unanimous vote.")
    rows = read(body)
    assert ("united_nations", "ceasefire", 1) in rows
    assert ("united_nations", "assad_role", 1) not in rows


# --- sponsoring a diplomatic event --------------------------------------------------------------------------

def test_sponsoring_a_diplomatic_event_is_taking_part():
    assert read("Ankara and Tehran co-sponsored the event in Sochi and both sent officials.") == [
        ("iran", "negotiations", 1), ("turkey", "negotiations", 1)]
    assert read("Turkey, which was to co-host the forum with Russia, sent two ministers to Sochi.") \
        == [("turkey", "negotiations", 1)]


def test_sponsoring_a_trade_or_military_event_or_refusing_to_gives_no_yes():
    assert read("Iran co-hosted a military exhibition with Russia near the Syrian border.") == []
    assert read("Moscow co-sponsored a business forum with Ankara.") == []
    assert read("Turkey refused to co-sponsor the congress on Syria.") == [("turkey", "negotiations", -1)]


# --- ", which also attended," is taking part in the talks named before, not a question ---------------------------

def test_a_relative_clause_of_attending_takes_part_in_the_talks_named_before():
    body = "The foreign ministers met in Vienna for talks on Syria. Iran, which also attended, said little."
    assert ("iran", "negotiations", 1) in read(body)


def test_which_groups_should_take_part_is_still_a_question():
    body = "The foreign ministers met in Vienna for talks on Syria. They argued over which groups should take part."
    assert read(body) == []


# --- the Astana track, the sponsors of a format ---------------------------------------------------------------------

def test_the_sponsors_of_a_named_track_take_part_in_it():
    assert read("Moscow, Tehran and Ankara, the sponsors of the Astana process, met again in Kazakhstan.") == [
        ("iran", "negotiations", 1), ("russia", "negotiations", 1), ("turkey", "negotiations", 1)]
    assert read("Russia and Iran, the sponsors of the Geneva track, met on Monday.") == [
        ("iran", "negotiations", 1), ("russia", "negotiations", 1)]


def test_a_track_that_is_not_talks_gives_nothing():
    assert read("Russia and Iran, the sponsors of the race track, met on Monday.") == []


# --- keeping what was agreed refers back to a truce -----------------------------------------------------------------

def test_abiding_by_or_respecting_the_agreement_keeps_the_truce_before():
    body = "Russia and Turkey announced a nationwide ceasefire on Thursday. The rebels said they would abide by the agreement."
    assert ("syrian_opposition", "ceasefire", 1) in read(body)
    body = "Russia and Turkey announced a nationwide ceasefire on Thursday. Damascus said it would respect the deal."
    assert ("syrian_government", "ceasefire", 1) in read(body)


def test_keeping_an_agreement_after_talks_or_refusing_to_gives_no_truce():
    body = "The government said it would attend the talks in Geneva. The rebels said they would abide by the agreement."
    assert ("syrian_opposition", "negotiations", 1) not in read(body)
    assert ("syrian_opposition", "ceasefire", 1) not in read(body)
    body = "Russia and Turkey announced a nationwide ceasefire on Thursday. The rebels said they would not abide by the deal."
    assert ("syrian_opposition", "ceasefire", 1) not in read(body)
    body = "Russia and Turkey announced a nationwide ceasefire on Thursday. Will Damascus respect the deal?"
    assert ("syrian_government", "ceasefire", 1) not in read(body)


# --- monitoring "it", a truce named in the same sentence -------------------------------------------------------------

def test_monitoring_a_truce_named_in_the_sentence():
    assert read("The envoy said a ceasefire would start on Monday, with the United Nations monitoring it.") == [
        ("united_nations", "ceasefire", 1)]
    assert read("A truce is due to begin at dawn and the United Nations will oversee its implementation.") == [
        ("united_nations", "ceasefire", 1)]


def test_monitoring_something_else_gives_nothing():
    assert read("The United Nations is monitoring the border crossings, officials said.") == []
    assert read("The envoy said a ceasefire was needed, and the United Nations would discuss it.") == []


def test_a_quoted_term_before_a_short_quotation_does_not_hide_it():
    body = ('Lavrov spoke in Moscow on Monday. He called the plan "flawed," he said. '
            '"The truce must be respected," he said.')
    assert ("russia", "ceasefire", 1) in read(body)


# --- whose view a clause states ----------------------------------------------------------------------------------

def test_in_an_actors_view_is_that_actors_position():
    assert read("In Washington's view, Assad cannot be part of any unity government.") == [
        ("united_states", "assad_role", -1)]
    assert read("The envoy stressed, though, that in Washington's view Assad cannot be part of any unity "
                "government.") == [("united_states", "assad_role", -1)]
    assert read("In the view of Moscow, the talks must go ahead without preconditions.") == [
        ("russia", "negotiations", 1)]


def test_an_actor_named_after_the_view_holds_its_own_cue():
    assert read("In the view of Moscow, Damascus backs the talks.") == [("syrian_government", "negotiations", 1)]
    assert read("In March, the talks were postponed.") == []


# --- nobody has the right to remove the president -----------------------------------------------------------------

def test_nobody_has_the_right_to_remove_the_president():
    assert read("Muallem said no foreign state had the right to depose an elected Syrian president.") == [
        ("syrian_government", "assad_role", 1)]
    assert read("Tehran said no foreign power has the right to remove the Syrian president.") == [
        ("iran", "assad_role", 1)]


def test_the_right_to_remove_someone_else_or_affirmed_gives_nothing():
    assert read("Nobody has the right to remove the club president, the Syrian coach said.") == []
    assert read("The coalition said Syrians have the right to remove a president.") == []


# --- lists of states: sponsors of a truce, a text they signed, members of a collective ---------------------------

def test_the_sponsors_of_a_truce_in_apposition_back_it():
    assert read("Turkey and Russia, the co-sponsors of the truce, said violations had fallen.") == [
        ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]
    assert read("The sponsors of the football league met in Moscow.") == []


def test_a_truce_text_the_states_signed_is_theirs():
    assert read("The memorandum on de-escalation zones that Russia, Iran and Turkey signed last week is ambitious.") == [
        ("iran", "ceasefire", 1), ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]
    assert read("The memorandum on trade that Russia, Iran and Turkey signed last week is ambitious.") == []


def test_a_member_named_in_a_collective_subject_holds_its_negated_verb():
    assert read("Several regional states including Turkey did not send delegations to the congress.") == [
        ("turkey", "negotiations", -1)]
    # the collective alone is no actor
    assert read("Western governments did not send delegations to the congress.") == []


# --- an accusation of obstruction is the accused's reported stance, not the accuser's -----------------------------

def test_the_accused_obstructs_what_it_is_accused_of_obstructing():
    assert read("The opposition accused the regime of sabotaging the talks.") == [("syrian_government", "negotiations", -1)]
    assert read("Washington accused Moscow of undermining the ceasefire.") == [("russia", "ceasefire", -1)]
    assert read("Ankara blamed Damascus for repeatedly violating the truce.") == [("syrian_government", "ceasefire", -1)]


def test_mutual_accusations_denials_and_accused_support_give_nothing():
    assert read("The two sides accused each other of violating the truce.") == []
    assert read("Moscow denied undermining the ceasefire.") == []
    assert read("The opposition accused the regime of attending the talks only for show.") == []
    assert read("Washington accused Moscow of bombing hospitals.") == []


# --- an undated article: a dated speaker introduced with the office he holds in a body speaks for it ---------------

def test_a_speaker_introduced_as_the_head_of_a_body_binds_in_an_undated_article():
    body = ("Khaled Mansour, the head of the opposition coalition, spoke first.\n\n"
            "Mansour said the coalition backs a transitional governing body.")
    assert ("syrian_opposition", "transition", 1) in read(body, None)
    # a former head speaks for nobody, and a bare name in an undated article binds nobody
    body = ("Ahmad Jarba, the former head of the opposition National Coalition, spoke first.\n\n"
            "Jarba said he backs a transitional governing body.")
    assert read(body, None) == []
    assert read("Jarba said he backs a transitional governing body.", None) == []


# --- negotiating his departure --------------------------------------------------------------------------------

def test_coming_to_negotiate_assads_departure_wants_him_gone():
    assert read("The coalition said it would go to Geneva only to negotiate Assad's departure.") == [
        ("syrian_opposition", "assad_role", -1)]
    assert ("syrian_government", "assad_role", 1) in read("Damascus refused to negotiate the president's departure.")
    assert read("The envoy negotiated the departure of the fighters from the city.") == []


# --- not being invited is no position; a demand in the subjunctive is the demander's -------------------------------

def test_not_being_invited_is_no_refusal():
    assert read("Qatar and Iran were not invited to the conference.") == []
    assert read("Iran had not been invited to the talks in Vienna.") == []
    # who does not invite holds a position: the inviter
    assert read("The UN did not invite Iran to the talks.") == [("united_nations", "negotiations", -1)]


def test_a_demand_that_another_actor_act_is_the_demanders():
    assert read("Moscow demanded that the rebels respect the truce.") == [("russia", "ceasefire", 1)]
    # the one of whom it is demanded holds nothing
    assert ("syrian_government", "transition", 1) not in read(
        "The opposition leader demanded that Assad hand over power to a transitional body.")


# --- working for a truce, bringing one about; "the powers" the speaker is one of ------------------------------------

def test_working_for_or_bringing_about_a_truce_backs_it():
    assert read("Kerry said Washington would work to bring about a truce within days.") == [
        ("united_states", "ceasefire", 1)]
    assert read("Ankara said it would work for a nationwide truce in Syria.") == [("turkey", "ceasefire", 1)]


def test_working_or_the_powers_elsewhere_give_nothing():
    assert read("The army worked for hours to end the fighting.") == []
    assert read("Lavrov said the Western powers had wrecked the truce.") == []


# --- backing the opposition's delegation; taking part in good faith; Syria's state news agency ---------------------

def test_backing_the_opposition_delegation_engages_the_opposition():
    assert read("The Saudi foreign minister strongly backs the opposition delegation, his office said.") == [
        ("saudi_arabia", "engage_opposition", 1)]
    assert read("The Saudi foreign minister has backed the rebel fighters in Aleppo.") == []


def test_taking_part_in_good_faith_is_taking_part_in_the_talks_named_before():
    body = ("The Geneva talks on a new constitution open on Monday. The National Coalition said it would take part "
            "in good faith.")
    assert ("syrian_opposition", "negotiations", 1) in read(body)
    body = "The Geneva talks on a new constitution open on Monday. The rebels took part in the fighting near Idlib."
    assert ("syrian_opposition", "negotiations", 1) not in read(body)


def test_syrias_state_news_agency_speaks_for_the_government():
    assert read("Syria's state news agency said the government backs the truce.") == [
        ("syrian_government", "ceasefire", 1)]


# --- "He said" opening a paragraph after one that only names the speaker; a quotation attributed by a bare title ----

def test_he_said_opening_a_paragraph_is_the_person_of_the_paragraph_before():
    assert read("Lavrov spoke in Moscow on Monday.\n\nHe said the talks must resume.") == [("russia", "negotiations", 1)]
    assert read("Lavrov spoke in Moscow on Monday.\n\nThe minister said the talks must resume.") == [
        ("russia", "negotiations", 1)]


def test_he_said_after_someone_else_or_nobody_gives_nothing():
    assert read("The mayor of Homs spoke on Monday.\n\nHe said the talks must resume.") == []
    assert read("Lavrov spoke in Moscow on Monday.\n\nA local mayor spoke too.\n\nHe said the talks must resume.") == []


def test_a_quotation_attributed_by_a_bare_title_is_the_person_named_before():
    assert read('Lavrov spoke in Moscow on Monday. "The truce must be respected," the minister added.') == [
        ("russia", "ceasefire", 1)]
    assert read('Lavrov spoke in Moscow on Monday. "The truce must be respected," said the foreign minister.') == [
        ("russia", "ceasefire", 1)]


def test_a_bare_title_after_another_person_gives_nothing():
    body = 'Lavrov met the mayor on Monday. A local mayor, Omar Farid, spoke. "The truce must be respected," the mayor said.'
    assert read(body) == []


# --- bringing the parties to the table; the efforts of an actor to do so ---------------------------------------------

def test_bringing_the_parties_to_the_table_backs_the_talks():
    assert read("Lavrov is trying to bring the parties to the negotiating table.") == [("russia", "negotiations", 1)]
    assert read("Moscow and Washington vowed to press the government and the opposition toward the "
                "negotiating table.") == [("russia", "engage_opposition", 1), ("russia", "negotiations", 1),
                                          ("united_states", "engage_opposition", 1), ("united_states", "negotiations", 1)]


def test_bringing_something_else_to_a_table_gives_nothing():
    assert read("Russian waiters brought the dishes to the table.") == []
    assert read("Russia will push the government towards the negotiating table.") == [("russia", "negotiations", 1)]


def test_the_efforts_of_actors_to_bring_about_talks_are_theirs():
    assert read("Tehran praised a bid by the United Nations to revive the talks.") == [
        ("iran", "negotiations", 1), ("united_nations", "negotiations", 1)]
    assert read("The efforts of Russia to bring the parties to the negotiating table failed.") == [
        ("russia", "negotiations", 1)]
    # an effort to do something else
    assert read("Tehran praised a bid by the United Nations to deliver aid.") == []


# --- a committee named by its task is a track of the talks ---------------------------------------------------------

def test_a_committee_to_draft_a_constitution_is_part_of_the_talks():
    assert read("The government and the opposition agreed to set up a committee to rewrite the constitution.") == [
        ("syrian_government", "negotiations", 1), ("syrian_opposition", "negotiations", 1)]
    assert read("The government and the opposition agreed on a committee to draft a new budget.") == []


# --- refusing only direct talks while there ------------------------------------------------------------------------

def test_refusing_to_sit_at_the_same_table_is_mixed():
    assert read("The rebel negotiators refused to sit at the same table as the government's envoys.") == [
        ("syrian_opposition", "negotiations", 0)]


def test_refusing_the_negotiating_table_is_still_a_refusal():
    assert read("The opposition refused to sit at the negotiating table with the regime.") == [
        ("syrian_opposition", "negotiations", -1)]


# --- backing another's call for a transition ---------------------------------------------------------------------

def test_backing_anothers_call_for_a_transition_backs_the_transition():
    assert ("turkey", "transition", 1) in read("Ankara endorsed the opposition's demand for a transition without Assad.")
    # in an undated article the unbound speaker does not hide the state named as the subject
    body = "Mevlut Cavusoglu told the press that Ankara endorsed the opposition's demand for a transition."
    assert read(body, None) == [("turkey", "transition", 1)]
    assert ("turkey", "transition", 1) not in read("Ankara endorsed the opposition's demand for a ceasefire in Aleppo.")


# --- a welcome with the same subject's reservations after "but" is guarded (0) -----------------------------------

def test_a_welcome_with_reservations_is_mixed():
    assert read("Washington welcomed the truce but said it had worries about Iran's part in it.") == [
        ("united_states", "ceasefire", 0)]
    assert read("Ankara welcomed the truce but voiced serious doubts about its monitoring.") == [("turkey", "ceasefire", 0)]


def test_someone_elses_reservations_or_none_leave_the_welcome():
    assert read("Russia backed the truce but Turkey voiced concerns about violations.") == [("russia", "ceasefire", 1)]
    assert read("Ankara welcomed the truce and said it had no concerns.") == [("turkey", "ceasefire", 1)]


# --- "Assad must stay"; Assad as the topic of reported speech in an undated article ----------------------------------

def test_assad_must_stay_is_a_position_for_him():
    assert read("Russia said Assad must stay in power.") == [("russia", "assad_role", 1)]
    assert read("Russia said the monitors must stay in Aleppo.") == []


def test_assad_spoken_of_in_an_undated_article_leaves_the_position_to_the_speaker():
    assert read("Washington maintains that Assad cannot be part of any transition.", None) == [
        ("united_states", "assad_role", -1)]
    # an unbound speaker holds nothing, nor does an unbound person spoken of
    assert read("Kerry said Assad cannot be part of the transition.", None) == []
    assert read("Washington insists that Kerry cannot be part of the transition.", None) == []
