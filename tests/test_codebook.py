"""The codebook: the shipped file covers ANALYSIS.md's vocabulary, and a bad entry is named on load."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peacetalks.extract.codebook import DEFAULT_PATH, load_codebook
from peacetalks.sources.problems import InputError

ACTORS = {"russia", "syrian_government", "syrian_opposition", "united_states", "united_nations",
          "turkey", "iran", "saudi_arabia"}
ISSUES = {"negotiations", "assad_role", "transition", "ceasefire", "engage_opposition"}


def test_shipped_codebook_has_the_vocabulary_of_the_analysis():
    codebook = load_codebook()
    assert set(codebook.actors) == ACTORS
    assert set(codebook.issues) == ISSUES
    for issue in codebook.issues.values():
        assert issue.cues, issue.id
        assert {cue.polarity for cue in issue.cues} >= {1, -1}, f"{issue.id} needs cues both ways"


@pytest.mark.parametrize("text, actor, speaker", [
    ("Sergei Lavrov said", "russia", "Lavrov"),
    ("the Kremlin said", "russia", None),
    ("Peskov told reporters", "russia", "Peskov"),
    ("Walid Muallem arrived", "syrian_government", "Muallem"),
    ("Damascus rejected it", "syrian_government", None),
    ("Khaled Khoja said", "syrian_opposition", "Khoja"),
    ("the High Negotiations Committee said", "syrian_opposition", None),
    ("the Free Syrian Army fought", "syrian_opposition", None),
    ("John Kerry said", "united_states", "Kerry"),
    ("Washington said", "united_states", None),
    ("Staffan de Mistura said", "united_nations", "de Mistura"),
    ("the Security Council met", "united_nations", None),
])
def test_people_and_bodies_count_for_the_actor_they_speak_for(text, actor, speaker):
    mentions = load_codebook().mentions(text)
    assert [(m.actor, m.speaker) for m in mentions] == [(actor, speaker)]


def test_acronyms_match_as_written_only():
    codebook = load_codebook()
    assert codebook.mentions("let us talk to them") == []
    assert [m.actor for m in codebook.mentions("the U.S. and the UN")] == ["united_states", "united_nations"]


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "codebook.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture
def shipped() -> dict:
    return yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mutate, where, problem", [
    (lambda d: d["issues"]["ceasefire"]["cues"][0].update(polarity=2), "issues.ceasefire.cues[0]", "polarity must be 1, -1 or 0"),
    (lambda d: d["issues"]["transition"]["cues"][1].pop("phrase") and d["issues"]["transition"]["cues"][1].update(cue="(unclosed"),
     "issues.transition.cues[1]", "bad regular expression"),
    (lambda d: d["issues"]["negotiations"]["cues"][0].update(phrase="{nosuchterm} talks"), "issues.negotiations.cues[0]", "unknown term {nosuchterm}"),
    (lambda d: d["issues"]["negotiations"]["cues"][4].update(needs="{nosuchterm}"), "issues.negotiations.cues[4]", "unknown term {nosuchterm}"),
    (lambda d: d["issues"]["negotiations"]["cues"][1].update(cue="talks"), "issues.negotiations.cues[1]", "only one"),
    (lambda d: d["issues"]["negotiations"]["cues"][1].update(examples=["The weather was fine."]), "issues.negotiations.cues[1]",
     "does not match its example 'The weather was fine.'"),
    (lambda d: d["issues"]["negotiations"]["cues"][1].update(counterexamples=["They support the peace talks."]),
     "issues.negotiations.cues[1]", "matches its counterexample"),
    (lambda d: d["terms"].update(talks=["{nosuchterm} talks"]), "terms.talks", "unknown term {nosuchterm}"),
    (lambda d: d["actors"]["russia"]["speakers"].insert(0, {"name": "Ivanov", "from": "last spring"}), "actors.russia.speakers[0]",
     "expected a date YYYY-MM-DD"),
    (lambda d: d["actors"]["russia"]["speakers"].insert(0, {"name": "Ivanov", "from": "2016-01-01", "to": "2015-01-01"}),
     "actors.russia.speakers[0]", "from <= to"),
    (lambda d: d["actors"]["russia"]["names"].append({"name": "Rus", "after": ["x"]}), "actors.russia.names[6]", "unknown key(s) after"),
    (lambda d: d["issues"]["ceasefire"]["cues"][0].update(polarity=True), "issues.ceasefire.cues[0]", "polarity must be 1, -1 or 0"),
    (lambda d: d.update(extras=["x"]), "top level", "unknown key(s) extras"),
    (lambda d: d["issues"]["engage_opposition"].update(not_held_by=["narnia"]), "issues.engage_opposition.not_held_by", "unknown actor 'narnia'"),
    (lambda d: d["actors"]["iran"].update(names=[]), "actors.iran.names", "at least one name"),
    (lambda d: d["actors"]["turkey"].update(nicknames=["x"]), "actors.turkey", "unknown key(s) nicknames"),
    (lambda d: d["issues"]["ceasefire"]["cues"][2].update(agents="everyone"), "issues.ceasefire.cues[2]", "agents must be one of"),
    (lambda d: d["actors"].update({"Bad Id": {"names": ["X"]}}), "actors.Bad Id", "lower case"),
    (lambda d: d["issues"]["assad_role"].update(cues=[]), "issues.assad_role.cues", "needs a list of cues"),
])
def test_a_bad_entry_is_named_in_the_error(tmp_path, shipped, mutate, where, problem):
    mutate(shipped)
    path = _write(tmp_path, shipped)
    with pytest.raises(InputError) as err:
        load_codebook(path)
    message = str(err.value)
    assert str(path) in message and where in message and problem in message


def test_a_file_that_is_not_yaml_is_refused_with_its_name(tmp_path):
    path = tmp_path / "codebook.yaml"
    path.write_text("actors: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="not valid YAML"):
        load_codebook(path)


def test_an_edited_codebook_changes_what_is_read(tmp_path, shipped):
    from peacetalks.extract.stances import extract_stances
    sentence = "Qatar backed the peace talks."
    assert extract_stances("x", sentence, None) == []
    shipped["actors"]["qatar"] = {"label": "Qatar", "names": ["Qatar", "Doha"]}
    codebook = load_codebook(_write(tmp_path, shipped))
    rows = extract_stances("x", sentence, None, codebook=codebook)
    assert [(r["actor"], r["issue"], r["polarity"]) for r in rows] == [("qatar", "negotiations", 1)]
