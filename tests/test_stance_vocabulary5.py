"""Round 5 of the codebook's vocabulary (issue 15): general diplomatic English the reader did not know yet.
Talks co-chaired, convened or launched by someone, haggling over a text, sitting down with the other side, voting
to attend, hours of talks, opening the first session, observer status, "whether it would attend" (0), ready for a
political solution, setting preconditions, refusing to negotiate, suspended participation; a truce consolidated,
left, called a sham or "largely holding", the time to stop the killing; Assad "will still have to go", "will not be
part of", "can play no part", lost the ability to lead, seeking (or no longer seeking) his removal, help to him,
regime change, deciding from outside; welcoming the idea of a transitional authority; gathering opposition
politicians, reaching out to them, branding them agents; the opposition's platforms and a few officials.
Every sentence is our own; each mechanism has several phrasings that must give a row and counterexamples that
must give none (another conflict, a collective of unnamed powers, a hypothesis, a question, someone else's stance)."""
from __future__ import annotations

import pytest

from helpers import stances_of


def read(body: str, published: str | None = "2016-03-10") -> list[tuple]:
    return stances_of(body, published)


# --- negotiations -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("The meeting of the support group in a hotel was co-chaired by Russia and the United States.",
     [("russia", "negotiations", 1), ("united_states", "negotiations", 1)]),
    ("The conference on Syria, co-hosted by Ankara and Moscow, opened on Monday.",
     [("russia", "negotiations", 1), ("turkey", "negotiations", 1)]),
    ("The Astana talks, launched by Moscow, Ankara and Tehran, resume next month.",
     [("iran", "negotiations", 1), ("russia", "negotiations", 1), ("turkey", "negotiations", 1)]),
])
def test_talks_co_chaired_or_launched_by_powers(sentence, expected):
    assert read(sentence) == expected


def test_a_co_chaired_report_or_a_meeting_of_another_conflict_is_no_stance():
    assert read("A report on Syria's refugees was co-sponsored by two charities.") == []
    assert read("The Yemen talks in Kuwait, co-chaired by the United Nations, opened on Monday.") == []


def test_haggling_over_the_text_is_taking_part():
    assert read("Kerry and Lavrov, who haggled over the wording until late at night, gave different accounts of "
                "the Syria deal.") == [("russia", "negotiations", 1), ("united_states", "negotiations", 1)]
    assert read("Russian and American diplomats wrangled over the text of the statement on Syria.") == [
        ("russia", "negotiations", 1), ("united_states", "negotiations", 1)]
    assert read("Syrian traders haggled over the price of bread in Damascus.") == []


def test_sitting_down_with_the_other_side():
    assert read("The National Coalition said its envoys will not sit down with officials of the regime.") == [
        ("syrian_opposition", "negotiations", -1)]
    # (meeting the opposition's representatives is engaging it too)
    assert read("The UN envoy sat down with rebel representatives in a Geneva hotel.") == [
        ("united_nations", "engage_opposition", 1), ("united_nations", "negotiations", 1)]
    assert read("The Syrian foreign minister sat down with reporters after the speech.") == []


def test_bringing_the_parties_together():
    assert read("The United States and Russia will bring the Syrian parties together at a conference.") == [
        ("russia", "negotiations", 1), ("united_states", "negotiations", 1)]
    assert read("The festival in Damascus brought the families together.") == []


def test_voting_to_attend_and_hours_of_talks():
    assert read("The National Coalition voted on Saturday to attend the Geneva conference.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("The National Coalition voted not to attend the Geneva conference.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("Kerry and Lavrov unveiled the Syria agreement after more than thirteen hours of talks in a hotel.") == [
        ("russia", "negotiations", 1), ("united_states", "negotiations", 1)]
    # fighting is not talking, and failed talks are not backed
    assert read("The Syrian army took the town after weeks of fighting.") == []
    assert read("De Mistura left Damascus after months of fruitless talks.") == []


def test_opening_or_addressing_the_first_session():
    assert read("The heads of the Syrian government delegation and of the opposition delegation will address the "
                "opening session.") == [("syrian_government", "negotiations", 1), ("syrian_opposition", "negotiations", 1)]
    assert read("The UN envoy opened the first session of the constitutional committee.") == [
        ("united_nations", "negotiations", 1)]
    assert read("Assad opened the first session of the new parliament in Damascus.") == []


def test_an_observer_or_an_undecided_party_is_mixed():
    assert read("The United States followed the Astana meeting as an observer.") == [
        ("united_states", "negotiations", 1)]
    assert read("Washington sent no delegation; its envoy attended the Astana round merely as an "
                "observer.") == [("united_states", "negotiations", 0)]
    assert ("syrian_opposition", "negotiations", 0) in read(
        "Moscow proposed a new round in Geneva. The National Coalition, gathered in Doha, has not said whether it will attend.")
    # with no talks named, "attend" has nothing to attend
    assert read("The National Coalition, gathered in Doha, has not said whether it will attend.") == []
    assert read("An observer said the fighting in Syria went on.") == []


def test_ready_for_a_solution_a_meeting_to_end_the_crisis_and_a_peace_plan():
    assert read("The Syrian government said it was ready for a political solution.") == [
        ("syrian_government", "negotiations", 1)]
    assert read("Tehran said it is willing to take part in any gathering that might help end the conflict in Syria.") == [
        ("iran", "negotiations", 1)]
    assert read("Moscow put forward a peace plan for Syria.") == [("russia", "negotiations", 1)]
    # an offensive is not a meeting; readiness for dialogue with the opposition is engaging it (round 4)
    assert read("The Syrian army said it was ready for a new offensive to end the war.") == []
    assert read("Damascus said it was ready for dialogue with the opposition.") == [
        ("syrian_government", "engage_opposition", 1)]


def test_preconditions_and_refusals_obstruct_the_talks():
    assert read("Damascus set preconditions for the talks.") == [("syrian_government", "negotiations", -1)]
    assert read("The rebels insisted on preconditions before any talks.") == [("syrian_opposition", "negotiations", -1)]
    assert read("Damascus said it was ready for talks without preconditions.") == [
        ("syrian_government", "negotiations", 1)]
    assert read("The opposition refused to negotiate while the siege of Aleppo continued.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The High Negotiations Committee said it had no interest in talks with the regime.") == [
        ("syrian_opposition", "negotiations", -1)]


def test_suspended_participation_with_the_talks_named_in_the_sentence():
    assert read("The opposition delegation in Geneva suspended its participation on Monday.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The opposition called off its participation in the talks.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The Syrian army suspended its participation in the joint offensive.") == []


def test_mediating_naming_negotiators_and_a_constructive_role():
    assert read("Tehran offered to mediate between Damascus and the rebels.") == [("iran", "negotiations", 1)]
    assert read("The High Negotiations Committee chose its negotiators on Sunday.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("Iran said it would play a constructive role in the talks.") == [("iran", "negotiations", 1)]
    assert read("De Mistura held separate meetings with the two delegations.") == [("united_nations", "negotiations", 1)]
    assert read("The opposition accepted the invitation to Geneva.") == [("syrian_opposition", "negotiations", 1)]
    # someone else's conduct, a question
    assert read("Did the opposition accept the invitation to Geneva?") == []


def test_a_collective_of_unnamed_powers_holds_nothing():
    assert read("World powers co-chaired the meeting on Syria in Vienna.") == []
    assert read("Western diplomats haggled over the text of the Syria statement.") == []


# --- ceasefire --------------------------------------------------------------------------------------------

def test_a_truce_consolidated_or_strengthened_is_backed():
    assert read("Jaafari said his government would consolidate the cessation of hostilities in Syria.",
                "2017-01-24") == [("syrian_government", "ceasefire", 1)]
    assert read("Turkey said it would use its influence to strengthen the truce in Syria.") == [
        ("turkey", "ceasefire", 1)]


def test_a_truce_left_or_called_a_sham_is_rejected():
    assert read("The rebels announced their withdrawal from the truce.") == [("syrian_opposition", "ceasefire", -1)]
    assert read("The opposition said the truce was a sham.") == [("syrian_opposition", "ceasefire", -1)]
    assert read("The opposition called the ceasefire in Syria meaningless.") == [("syrian_opposition", "ceasefire", -1)]
    assert read("The rebels announced their withdrawal from the town.") == []


def test_a_truce_largely_holding_and_the_time_to_stop_the_killing():
    assert read("Moscow said the ceasefire was largely holding.") == [("russia", "ceasefire", 1)]
    assert read("The United States said the time has come to stop the bloodshed in Syria.") == [
        ("united_states", "ceasefire", 1)]
    assert read("Syrian farmers said they must stop the flooding.") == []
    assert read("The Ukrainian government said the time has come to stop the bloodshed in Donbas.") == []


# --- assad_role -------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ('"Assad will still have to go," Kerry told a news conference.', ("united_states", "assad_role", -1)),
    ('"Assad cannot be part of any such transitional government," Kerry said.',
     ("united_states", "assad_role", -1)),
    ("Riyadh said Assad and his inner circle can play no part in the future of the country.",
     ("saudi_arabia", "assad_role", -1)),
    ("Kerry said Assad has lost the capacity to unite his country and lead it.", ("united_states", "assad_role", -1)),
    ("Washington is seeking Assad's removal.", ("united_states", "assad_role", -1)),
    ("The opposition rejected any role for Assad in the transition.", ("syrian_opposition", "assad_role", -1)),
    ("The coalition said there could be no transition with Assad.", ("syrian_opposition", "assad_role", -1)),
    ('"A durable peace with Assad in charge is not possible," Cavusoglu said.', ("turkey", "assad_role", -1)),
    ("The coalition said it would consider any plan only if the removal of Assad was agreed in advance.",
     ("syrian_opposition", "assad_role", -1)),
])
def test_assad_must_go_in_more_words(sentence, expected):
    assert read(sentence) == [expected]


@pytest.mark.parametrize("sentence, expected", [
    ("Ankara said Assad could be part of the settlement for a while.", ("turkey", "assad_role", 1)),
    ("Washington said it was no longer seeking Assad's removal.", ("united_states", "assad_role", 1)),
    ("Moscow sent jets to help Assad regain lost ground.", ("russia", "assad_role", 1)),
    ("Iranian advisers have helped Assad's government survive the revolt.", ("iran", "assad_role", 1)),
    ("Moscow has always opposed any regime change in Damascus.", ("russia", "assad_role", 1)),
    ('"Any attempt from abroad to decide who has to leave and who can stay is unacceptable to us," Lavrov said.',
     ("russia", "assad_role", 1)),
])
def test_assad_may_stay_in_more_words(sentence, expected):
    assert read(sentence) == [expected]


def test_regime_change_sought_and_softened_demands():
    assert read("The senator said Washington should pursue regime change in Damascus.") == [
        ("united_states", "assad_role", -1)]
    # a demand dropped: the earlier demand and a mixed position now
    assert read("Ankara dropped its demand for Assad's immediate departure.") == [
        ("turkey", "assad_role", -1), ("turkey", "assad_role", 0)]


def test_what_is_not_a_position_on_assad():
    assert read("Assad told the paper that foreign powers had no part in the matter.") == []
    assert read("The jets helped Assad's opponents retake the town.") == []
    assert read("The minister said any attempt to decide from outside the price of Syrian oil was unacceptable.") == []
    assert read("Western leaders said Assad will still have to go.") == []
    assert read("Will Assad still have to go?") == []


# --- transition and engaging the opposition ---------------------------------------------------------------

def test_welcoming_the_idea_of_a_transitional_authority():
    assert read("The Syrian National Council said it welcomed the idea of a transitional authority.", "2012-06-30") == [
        ("syrian_opposition", "transition", 1)]
    assert read("The Syrian National Council said it welcomed the idea of a new stadium in Homs.", "2012-06-30") == []


def test_gathering_reaching_out_to_and_branding_the_opposition():
    assert read("Saudi Arabia gathered more than 100 Syrian opposition politicians and rebel commanders in Riyadh.") == [
        ("saudi_arabia", "engage_opposition", 1)]
    assert read("Moscow reached out to the Syrian armed opposition for the first time.") == [
        ("russia", "engage_opposition", 1)]
    assert read("In his address, the Syrian foreign minister denounced the opposition as tools of foreign powers.") == [
        ("syrian_government", "engage_opposition", -1)]
    # a conference of both sides is the talks, not engaging one of them; police work is no stance
    assert read("The Syrian police gathered evidence against opposition figures.") == []
    assert read("The Libyan government reached out to the rebels in Benghazi.") == []


# --- actors -----------------------------------------------------------------------------------------------

def test_the_opposition_platforms_are_not_the_capitals_they_are_named_after():
    assert read("The Moscow platform said it would attend the talks in Geneva.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("Members of the Cairo platform backed the talks on Syria.") == [
        ("syrian_opposition", "negotiations", 1)]


def test_officials_speak_for_their_country_while_in_office():
    assert read("Turkish intelligence chief Hakan Fidan attended the talks on Syria.") == [("turkey", "negotiations", 1)]
    # the Moscow consultations' moderator spoke for Russia in 2015 only
    assert read("Naumkin said the talks on Syria would continue.", "2015-04-09") == [("russia", "negotiations", 1)]
    assert read("Naumkin said the talks on Syria would continue.", "2019-04-09") == []


def test_every_name_and_speaker_of_the_codebook_is_found_as_written():
    # a name whose first letter is not a-z (Ç...) turns off the fast search of name starts for every article,
    # and one with a dotless i (Yı...) is never found there: both are caught here
    from peacetalks.extract.codebook import load_codebook
    codebook = load_codebook()
    assert codebook._starts is not None
    for actor in codebook.actors.values():
        for name in actor.names + actor.speakers:
            found = codebook.mentions(f"On Monday {name} spoke.")
            assert any(m.actor == actor.id for m in found), (actor.id, name)


# --- second batch: walking out, skipping, progress, preconditions' opposite, his fate ------------------------

def test_walking_out_in_protest_and_skipping_the_talks():
    assert read("The opposition delegation walked out in protest.") == [("syrian_opposition", "negotiations", -1)]
    assert read("The opposition said it would skip the talks in Astana.") == [("syrian_opposition", "negotiations", -1)]
    assert read("The Syrian rebels walked out of the prison in Idlib.") == []


def test_progress_made_and_a_chance_given_are_optimism():
    assert read("The UN envoy said the talks had made progress.") == [("united_nations", "negotiations", 1)]
    assert read("The UN envoy said progress had been made at the talks.") == [("united_nations", "negotiations", 1)]
    assert read("The rebels said they were willing to give the talks a chance.") == [
        ("syrian_opposition", "negotiations", 1)]
    # no progress is no optimism; the army's progress is not the talks'
    assert read("The UN envoy said the talks made no progress.") == []
    assert read("The Syrian army made progress on the front near Aleppo.") == []


def test_not_serious_about_the_talks():
    assert read("Damascus said it was serious about the negotiations.") == [("syrian_government", "negotiations", 1)]
    assert read("The opposition said it was not serious about the talks, a defector claimed.") == [
        ("syrian_opposition", "negotiations", -1)]


def test_the_talks_to_focus_on_a_transition_and_refusing_to_discuss_one():
    assert read("The opposition demanded that the talks focus on a political transition.") == [
        ("syrian_opposition", "transition", 1)]
    assert read("The government delegation refused to discuss a transition.") == [
        ("syrian_government", "transition", -1)]
    assert read("The Syrian government said the talks should focus on terrorism.") == []


@pytest.mark.parametrize("sentence, expected", [
    ("The Kremlin said Assad's fate was for Syrians to decide.", ("russia", "assad_role", 1)),
    ("Ankara said the Syrian people would decide Assad's future.", ("turkey", "assad_role", 1)),
    ("Tehran said it would never abandon Assad.", ("iran", "assad_role", 1)),
    ("Assad vowed to stay in power.", ("syrian_government", "assad_role", 1)),
    ("Moscow wants Assad to stay until the vote.", ("russia", "assad_role", 1)),
    ("The coalition called for Assad and his aides to be excluded from the transitional body.",
     ("syrian_opposition", "assad_role", -1)),
])
def test_his_fate_his_friends_and_his_exclusion(sentence, expected):
    assert read(sentence) == [expected]


def test_another_president_staying_or_another_fate_is_no_stance_on_assad():
    assert read("The Turkish president vowed to stay in power.") == []
    assert read("The Syrian minister said the fate of the city was for the army to decide.") == []
    # wanting him at the talks backs the talks, and says nothing of his staying
    assert read("Moscow wants Assad to attend the talks.") == [("russia", "negotiations", 1)]


def test_a_demilitarised_zone_is_a_truce():
    assert read("Russia and Turkey agreed to set up a demilitarised zone in Idlib.", "2018-09-20") == [
        ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]
    assert read("The Syrian rebels rejected the demilitarized zone.", "2018-09-20") == [
        ("syrian_opposition", "ceasefire", -1)]
    assert read("North Korea and South Korea agreed to set up a demilitarised zone.", "2018-09-20") == []


def test_officials_who_stayed_in_other_offices_still_speak_for_their_side():
    # Jubeir, foreign minister until December 2018, then minister of state for foreign affairs
    assert read("Jubeir said the kingdom backed the talks in Geneva.", "2019-06-01") == [
        ("saudi_arabia", "negotiations", 1)]
    # Bahra, head of the coalition in 2014, later a negotiator and co-chair of the constitutional committee
    assert read("Bahra said the talks in Geneva would continue.", "2019-11-01") == [
        ("syrian_opposition", "negotiations", 1)]
