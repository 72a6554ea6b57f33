"""Stance grammar, round 5: general English constructions the reader missed or misread. Every sentence here is
our own; each mechanism has several phrasings that must give a row and counterexamples that must give nothing
(or not that row): other conflicts, collectives, hypotheticals, questions, someone else's stance."""
from __future__ import annotations

from helpers import stances_of


def read(body: str, published: str | None = "2016-03-01") -> list[tuple]:
    return stances_of(body, published)


# --- a verb of view with the doubt right after it: the viewer's own view -----------------------------------------

def test_a_view_of_little_hope_is_the_viewers_doubt():
    assert read("The Turkish president saw little hope for the talks.") == [("turkey", "negotiations", -1)]
    assert read("The Turkish foreign minister sees no chance for the talks planned for next month.") == [
        ("turkey", "negotiations", -1)]
    assert read("Tehran saw little prospect of a political settlement this year.") == [("iran", "negotiations", -1)]


def test_a_view_of_something_else_or_of_another_actors_conduct_gives_nothing():
    assert read("The coach saw little hope for the team.") == []
    assert read("Moscow viewed the opposition's demand for Assad's departure as a ploy.") == []
    assert read("Did the Turkish president see little hope for the talks?") == []
    # another conflict's talks
    assert read("The Turkish president saw little hope for the talks on Yemen.") == []


# --- reported speech: what another actor must do, or what must be, is the speaker's demand ------------------------

def test_what_another_actor_must_do_is_the_speakers_demand():
    assert read("Moscow said the rebels should respect the ceasefire.") == [("russia", "ceasefire", 1)]
    assert read("The regime said the opposition must attend the talks without preconditions.") == [
        ("syrian_government", "negotiations", 1)]
    assert read("Ankara said the government will have to accept a nationwide ceasefire.") == [("turkey", "ceasefire", 1)]


def test_what_must_be_naming_no_actor_is_the_speakers_position():
    assert read("Lavrov said any talks must aim at a transitional governing body.") == [("russia", "transition", 1)]
    assert read("The Saudi foreign minister said the conference must establish a transitional governing body.") == [
        ("saudi_arabia", "transition", 1)]
    assert read("Lavrov said a new round of talks should back a nationwide ceasefire.") == [("russia", "ceasefire", 1)]


def test_what_another_actor_did_or_must_not_do_is_not_turned_into_the_speakers_demand():
    # a report of another's act stays that actor's
    assert read("The envoy said the government had agreed to a truce.") == [("syrian_government", "ceasefire", 1)]
    # what another must not do says where the speaker wants that actor, not what it thinks of the talks
    assert read("The Saudi foreign minister said the president should not take part in any talks.") != [
        ("saudi_arabia", "negotiations", -1)]
    assert ("russia", "negotiations", -1) not in read("Moscow said the rebels should not attend the talks.")
    # a claim about something, no obligation: not the speaker's stance
    assert read("An opposition leader said a foreign air campaign aimed to keep Assad in power.") == []
    # a hypothetical, a question, world powers, another conflict
    assert read("If the talks must aim at a transitional governing body, Lavrov said, Moscow will wait.") == []
    assert read("Did Lavrov say any talks must aim at a transitional governing body?") == []
    assert read("Lavrov said world powers must back a nationwide ceasefire in Yemen.") == []


# --- a text as the subject, with the actors who drew it up or back it: they hold what it says --------------------

def test_the_authors_of_a_text_hold_what_it_calls_for():
    assert read("The plan, drafted by Russia, calls for a nationwide ceasefire.") == [("russia", "ceasefire", 1)]
    assert read("A resolution put forward by Moscow and Washington calls for a nationwide ceasefire.") == [
        ("russia", "ceasefire", 1), ("united_states", "ceasefire", 1)]
    assert read("The proposal, backed by the Saudi foreign minister, calls for a transitional governing body.") == [
        ("saudi_arabia", "transition", 1)]
    assert read("The statement, issued by the Turkish foreign ministry, called for a nationwide ceasefire.") == [
        ("turkey", "ceasefire", 1)]


def test_a_text_by_nobody_named_a_question_or_another_conflict_gives_nothing():
    assert read("The plan, drafted by experts, calls for a nationwide ceasefire.") == []
    assert read("Would a plan drafted by Russia call for a nationwide ceasefire?") == []
    assert read("The plan, drafted by Russia, calls for a ceasefire in Yemen.") == []
    # the text's authors are not who rejects it, nor who a relative clause after it names
    assert ("russia", "ceasefire", 1) not in read(
        "The plan, drafted by Russia, was rejected by the opposition, which called for a nationwide ceasefire.")


# --- "the plan", "this initiative", "the proposals" referring back to what the sentence before proposed ------------

def test_a_plan_referred_back_to_takes_the_issue_the_sentence_before_named():
    before = "The envoy proposed a nationwide ceasefire on Monday. "
    assert read(before + "Ankara backs the plan, the Turkish foreign minister said.") == [("turkey", "ceasefire", 1)]
    assert read(before + "The Turkish foreign minister said Ankara backed the plan.") == [("turkey", "ceasefire", 1)]
    assert read(before + '"We support this initiative," the Turkish foreign minister said.') == [
        ("turkey", "ceasefire", 1)]
    assert read(before + "Damascus agreed to the envoy's proposals.") == [("syrian_government", "ceasefire", 1)]
    assert read(before + "The opposition rejected the proposal.") == [("syrian_opposition", "ceasefire", -1)]
    assert read("The envoy proposed new peace talks in Geneva. The opposition welcomed the initiative.") == [
        ("syrian_opposition", "negotiations", 1)]


def test_a_plan_referred_back_to_gives_nothing_without_a_proposal_before_it_or_as_a_hypothesis():
    before = "The envoy proposed a nationwide ceasefire on Monday. "
    assert read(before + "Did Ankara back the plan?") == []
    assert read(before + "If Ankara backs the plan, the fighting may stop.") == []
    assert read(before + "Ankara did not back the plan.") == []
    assert read(before + "The Turkish foreign minister said a group of experts backed the plan.") == []
    # nothing proposed before, or the sentence before in another paragraph
    assert read("The envoy visited Geneva on Monday. Ankara backed the plan.") == []
    # what was named before was rejected, not proposed: welcoming "the decision" is not backing the truce
    assert ("syrian_government", "ceasefire", 1) not in read(
        "The rebels rejected a ceasefire on Monday. Damascus welcomed the decision.")
    # another conflict's plan
    assert read("The envoy proposed a ceasefire in Yemen on Monday. Saudi Arabia welcomed the plan.") == []


# --- taking part on a condition not yet met: mixed (0); a refusal until then stays a refusal ----------------------

def test_taking_part_only_on_a_condition_is_a_mixed_position():
    assert read("The opposition said it would return to talks only after the sieges were lifted.") == [
        ("syrian_opposition", "negotiations", 0)]
    assert read("The opposition said it would attend the talks provided that the bombing stopped.") == [
        ("syrian_opposition", "negotiations", 0)]
    assert read("The rebels said they would respect the truce only if the government stopped its attacks.") == [
        ("syrian_opposition", "ceasefire", 0)]
    assert read("The rebels demanded an end to the sieges before returning to talks.") == [
        ("syrian_opposition", "negotiations", 0)]


def test_a_refusal_until_a_condition_is_met_is_a_refusal_now():
    assert read("The opposition will not return to talks until the bombing stops.") == [
        ("syrian_opposition", "negotiations", -1)]
    assert read("The opposition refused to return to talks before the sieges were lifted.") == [
        ("syrian_opposition", "negotiations", -1)]


def test_a_time_or_a_step_of_ones_own_is_no_condition():
    assert read("The opposition said it would attend the talks after the holiday.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("The opposition said it would attend the talks only after consulting its members.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("The UN envoy hopes the talks will resume only after the holiday.") == [
        ("united_nations", "negotiations", 1)]
    # a hypothesis about someone else is nobody's condition
    assert read("If the opposition attends the talks only after the sieges are lifted, the envoy will wait.") == []


# --- '"...," he said' after a person named only by a title of an actor -----------------------------------------

def test_a_pronoun_attribution_refers_to_the_titled_person_named_before():
    quote = '"We want every side to respect the nationwide ceasefire in full," he said.'
    assert read("The Russian foreign minister spoke in Geneva on Monday.\n\n" + quote) == [("russia", "ceasefire", 1)]
    assert read("The US secretary of state spoke in Geneva on Monday. " + quote) == [("united_states", "ceasefire", 1)]
    # Assad named in the quotation is what the speaker speaks of, not who holds the position
    assert read('The US secretary of state spoke in Geneva on Monday. "Assad can have no role in the future of '
                'Syria, none at all," he said.') == [("united_states", "assad_role", -1)]


def test_a_pronoun_attribution_with_no_titled_person_or_another_speaker_gives_nothing():
    quote = '"We want every side to respect the nationwide ceasefire in full," '
    assert read("Russian troops arrived in the town on Monday.\n\n" + quote + "he said.") == []
    assert read("The Russian foreign minister met rebel leaders on Monday.\n\n" + quote + "a rebel commander said.") == []


# --- "did not say whether": undecided (0) --------------------------------------------------------------------------

def test_not_saying_whether_is_undecided():
    assert read("The opposition did not say whether it would attend the talks.") == [
        ("syrian_opposition", "negotiations", 0)]
    assert read("The opposition has not yet said whether it will attend the talks in Geneva.") == [
        ("syrian_opposition", "negotiations", 0)]
    # someone else deciding later is nobody's position now
    assert read("Russia said the opposition would decide whether to attend the talks.") == []


def test_a_deal_referred_back_to_across_one_sentence_paragraphs():
    # news paragraphs are often one sentence each: the deal may stand a few paragraphs before
    assert read("Russia and the United States agreed on a nationwide ceasefire on Friday.\n\n"
                "The UN envoy welcomed the deal.") == [
        ("russia", "ceasefire", 1), ("united_nations", "ceasefire", 1), ("united_states", "ceasefire", 1)]
    assert read("The envoy proposed a nationwide ceasefire on Monday.\n\nFighting went on in Aleppo on Tuesday.\n\n"
                "The opposition signed the agreement on Wednesday.") == [("syrian_opposition", "ceasefire", 1)]
    # a sentence with a stance of its own may also take up the deal
    assert ("united_nations", "ceasefire", 1) in read(
        "Russia and the United States agreed on a nationwide ceasefire on Friday.\n\nThe UN envoy welcomed the deal "
        "and said he hoped to bring the two sides back to Geneva for talks.")
    # (round 3 read only the same paragraph: one-sentence paragraphs refer back too)
    assert read("The rebels said they would attend the talks.\n\nDamascus welcomed the decision.") == [
        ("syrian_government", "negotiations", 1), ("syrian_opposition", "negotiations", 1)]
    assert read("Moscow hosted peace talks on Monday.\n\nThe UN envoy welcomed the final statement.") == [
        ("russia", "negotiations", 1), ("united_nations", "negotiations", 1)]


def test_a_deal_referred_back_to_gives_nothing_when_the_nearest_one_named_was_rejected_or_far_away():
    assert read("Moscow proposed talks in Geneva.\n\nThe rebels rejected a ceasefire on Monday.\n\n"
                "Damascus welcomed the decision.") == [("russia", "negotiations", 1),
                                                         ("syrian_opposition", "ceasefire", -1)]
    far = "The envoy proposed a nationwide ceasefire on Monday.\n\n" + "".join(
        f"Aid convoy number {n} reached the town of Example.\n\n" for n in range(8))
    assert read(far + "The opposition accepted the plan on Wednesday.") == []
    # "the plan on" a topic is not the plan proposed
    assert read("The envoy proposed a nationwide ceasefire on Monday.\n\n"
                "The opposition accepted the plan on Syria's future.") == []


# --- a paragraph that opens "He said", "The envoy told ...": the person the paragraph before spoke of ---------------

def test_a_paragraph_opening_with_he_said_takes_the_subject_of_the_paragraph_before():
    lead = "The UN envoy said on Sunday he saw a chance for peace.\n\n"
    assert ("united_nations", "transition", 1) in read(
        lead + "He said the talks would aim to form a transitional government with full executive powers.")
    assert ("united_nations", "transition", 1) in read(
        lead + "The envoy told reporters the talks would aim to form a transitional government.")


def test_a_paragraph_opening_with_he_said_and_nobody_before_or_another_speaker_gives_nothing():
    assert read("Aid reached the town on Sunday.\n\nHe said the talks would aim to form a transitional government.") == []
    # a possessive title names somebody else (the deputy of some body), not the person before
    assert ("united_nations", "transition", 1) not in read(
        "The UN envoy said on Sunday he saw a chance for peace.\n\n"
        "His deputy told reporters the talks would aim to form a transitional government.")


def test_the_plan_refers_to_the_sentence_that_named_a_plan_not_merely_the_nearest():
    assert ("syrian_government", "ceasefire", 1) in read(
        "The United States said it supported the UN envoy's plan and called on the government to implement a "
        "ceasefire immediately.\n\nThe US secretary of state said Assad should step aside. "
        "Syria said it had accepted the envoy's plan.")
    # a communiqué (with its accent) referred back to
    assert read("Moscow hosted peace talks on Monday.\n\nThe UN envoy welcomed the communiqué.") == [
        ("russia", "negotiations", 1), ("united_nations", "negotiations", 1)]


# --- "it" after a demand stands for the demand: rejecting it is the opposite position ----------------------------

def test_rejecting_a_demand_is_the_opposite_of_the_demand():
    assert ("russia", "assad_role", 1) in read("The opposition demanded that Assad leave power, but Russia rejected it.")
    assert ("iran", "assad_role", 1) in read("The opposition called for Assad's departure, but Iran dismissed it.")
    assert ("russia", "assad_role", -1) in read("The opposition demanded that Assad leave power, but Russia accepted it.")


def test_it_after_a_rejected_thing_stands_for_the_thing():
    assert read("The rebels rejected the truce but Damascus accepted it.") == [
        ("syrian_government", "ceasefire", 1), ("syrian_opposition", "ceasefire", -1)]
    assert read("Damascus agreed to the truce but the rebels rejected it.") == [
        ("syrian_government", "ceasefire", 1), ("syrian_opposition", "ceasefire", -1)]


def test_endorsing_a_truce_backs_it():
    assert read("The UN Security Council unanimously endorsed the ceasefire.") == [("united_nations", "ceasefire", 1)]
    assert read("Russia formally endorsed the truce on Monday.") == [("russia", "ceasefire", 1)]
    assert read("Did Russia endorse the truce?") == []
    assert read("Russia endorsed the truce in Yemen.") == []


# --- "a spokesman for X said": X speaks; "the group", "the kingdom" in what it says is X itself ------------------

def test_a_spokesman_for_an_actor_speaks_for_it():
    assert read("A spokesman for the High Negotiations Committee said it would attend the talks.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("A spokeswoman for the State Department said the United States backed the ceasefire.") == [
        ("united_states", "ceasefire", 1)]
    assert read("A spokeswoman for the High Negotiations Committee told reporters the group will go to the talks.") == [
        ("syrian_opposition", "negotiations", 1)]
    assert read("The Saudi foreign minister said the kingdom had backed the ceasefire.") == [("saudi_arabia", "ceasefire", 1)]


def test_a_body_that_cannot_be_the_speakers_or_someone_met_gives_nothing():
    assert read("The UN envoy said the group would not attend the talks.") == []
    assert read("The UN envoy said the country would not attend the talks.") == []
    assert read("A spokeswoman for the High Negotiations Committee told reporters the group of experts will go to the talks.") == []
    assert read("The envoy met a spokesman for the opposition and called for a ceasefire.") == []


# --- "the ceasefire, which X brokered": X did what the relative clause says ---------------------------------------

def test_the_subject_of_a_relative_clause_on_the_truce_holds_it():
    assert read("The ceasefire, which Russia and Turkey brokered last week, largely held.") == [
        ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]
    assert read("The truce that Moscow and Ankara agreed in December collapsed.") == [
        ("russia", "ceasefire", 1), ("turkey", "ceasefire", 1)]


def test_a_content_clause_after_a_demand_is_no_relative_clause():
    assert read("The opposition demanded that Assad leave power.") == [("syrian_opposition", "assad_role", -1)]
    assert read("Was the ceasefire, which Russia and Turkey brokered, a success?") == []


# --- a verb of taking part with no object: the talks named shortly before ---------------------------------------

def test_taking_part_or_staying_away_with_no_object_is_about_the_talks_named_before():
    assert ("united_states", "negotiations", -1) in read(
        "Russia hosted peace talks in Sochi on Tuesday.\n\nThe United States, Britain and France stayed away.")
    assert ("turkey", "negotiations", 1) in read(
        "Foreign ministers met in Geneva for talks on Saturday.\n\nThe Turkish foreign minister, who attended alongside "
        "ministers from other states, called the outcome a minimum.")
    assert ("syrian_opposition", "negotiations", 0) in read(
        "The United States and Russia announced a peace conference.\n\nThe opposition did not say whether it would attend.")
    assert read("Talks resumed in Geneva.\n\nThe opposition walked out on Monday.") == [
        ("syrian_opposition", "negotiations", -1)]


def test_taking_part_with_no_talks_before_or_as_a_question_gives_nothing():
    assert read("The weather was cold.\n\nThe United States stayed away.") == []
    assert read("Talks on Yemen resumed in Geneva.\n\nThe Saudi delegation walked out on Monday.") == []
    assert read("Talks resumed in Geneva.\n\nDid the opposition take part?") == []
    assert read("Talks resumed in Geneva.\n\nIf the opposition takes part, the envoy will be pleased.") == []
    assert read("Talks resumed in Geneva.\n\nThe envoy did not say which opposition groups would take part.") == []
    # the verb has its own object
    assert read("Talks resumed in Geneva.\n\nRebels who took part in the fighting were wounded.") == []


# --- the shortcuts that find where a sentence may refer back or take part: the patterns' own answer ---------------

def test_the_word_positions_give_the_patterns_answer():
    from peacetalks.extract.stance_words import _OBJECTLESS, _REFERS_BACK
    from peacetalks.extract.stances import _objectless_at, _refers_back, _word_starts
    sentences = [
        "Ankara backed the plan.", "Ankara backed the plans on Monday.", "According to Ankara, the accord holds.",
        "The government approved the agreement.", "Damascus agreed to the envoy's proposals for a truce.",
        "The opposition signed the accord in Ankara after days of talks, officials said on Friday evening.",
        "The planned meeting was moved.", "The rebels rejected the invitation to Moscow.", "They welcomed the road map.",
        "Moscow welcomed the communiqué.", "The United States stayed away.", "The rebels attended alongside others.",
        "Attendance was low.", "The group took part.", "They walked out on Monday.", "Nobody boycotted.",
        "A long sentence in which nothing at all is referred back to, nor anybody said to have taken part in anything.",
    ]
    for text in sentences:
        nouns, verbs = _word_starts(text.lower())
        assert _refers_back(text, nouns, 0, len(text)) == (_REFERS_BACK.search(text) is not None), text
        assert _objectless_at(text, verbs, 0, len(text)) == (_OBJECTLESS.search(text) is not None), text
