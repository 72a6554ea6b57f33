"""Articles about other conflicts, written for this test: talks, truces and tolls in Yemen, Ukraine, Libya and
Nagorno-Karabakh, with Russia, the United States, the UN and Turkey taking part. Nothing from them is a stance
of the Syrian war, and their tolls are `other`."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from peacetalks import cli

ARTICLES = {
    "yemen_talks": (
        "UN envoy brings Yemen's warring sides to Sweden\n\n"
        "Published: December 6, 2018\n\n"
        "STOCKHOLM - The United Nations opened peace talks between the Yemeni government and the Houthi rebels "
        "on Thursday, the first in two years. The UN envoy said both delegations had agreed to a prisoner swap "
        "and that he hoped the talks would lead to a ceasefire in Hodeidah.\n\n"
        "Washington welcomed the negotiations and urged the Houthis to respect the truce. Saudi Arabia, which "
        "leads a coalition fighting the rebels, said it backed the UN effort. Four years of war have killed more than "
        "10,000 people since 2015, according to the World Health Organization.\n"),
    "ukraine_truce": (
        "Ukraine and separatists agree new ceasefire in Donbas\n\n"
        "Published: February 12, 2015\n\n"
        "MINSK - Russia, Ukraine, France and Germany agreed on a ceasefire in eastern Ukraine after all-night "
        "talks in Minsk, the Kremlin said. Russian President Vladimir Putin told reporters the truce would take effect on "
        "Sunday and that Moscow backed the withdrawal of heavy weapons.\n\n"
        "The United States welcomed the deal but said Russia must stop arming the rebels in Donetsk and Luhansk. "
        "The conflict in Ukraine has killed more than 5,000 people since April, the UN says.\n"),
    "libya_talks": (
        "Libya's rivals meet in Moscow as Turkey and Russia push for truce\n\n"
        "Published: January 13, 2020\n\n"
        "MOSCOW - Libya's rival leaders held talks in Moscow on Monday on a ceasefire brokered by Russia and "
        "Turkey. Turkish President Recep Tayyip Erdogan said Ankara supported the negotiations and hoped the "
        "Libyan National Army would sign the truce.\n\n"
        "The UN envoy for Libya welcomed the talks. Fighting around Tripoli has killed more than 2,000 people "
        "and displaced 146,000 since April, the United Nations said.\n"),
    "karabakh_truce": (
        "Moscow brokers halt to fighting over Nagorno-Karabakh\n\n"
        "Published: October 10, 2020\n\n"
        "MOSCOW - Armenia and Azerbaijan agreed to a humanitarian ceasefire in Nagorno-Karabakh after ten hours of "
        "talks hosted by Russia, the Russian foreign ministry announced on Saturday. The truce is meant to allow the "
        "exchange of prisoners and bodies.\n\n"
        "Iran and Turkey welcomed the ceasefire, and the United States called on both sides to respect it. The "
        "fighting has killed more than 300 people since late September, officials said.\n"),
    # a conflict whose places are on no list of the library: it names no place of Syria's either
    "sahara_talks": (
        "Envoy gathers Western Sahara's rivals near Geneva\n\n"
        "Published: December 6, 2018\n\n"
        "GENEVA - The United Nations brought Morocco and the Polisario Front to the table on Wednesday for the first "
        "direct talks in six years. The UN envoy said both delegations had agreed to meet again, and the United "
        "States welcomed the talks. Russia backed the UN effort and urged both sides to keep the ceasefire of 1991.\n"),
    "sudan_talks": (
        "Sudan's army and rebels invited to new round in Jeddah\n\n"
        "Published: May 20, 2023\n\n"
        "JEDDAH - Saudi Arabia will host a meeting of Sudanese rebel groups next week and urged the warring parties "
        "to return to the negotiating table, the Saudi foreign ministry said. The United States said it would send a "
        "delegation to the talks and was ready to take part in a dialogue with the rebels.\n\n"
        "Russia and the UN urged both sides to take part. The army said peace was impossible with the militia leader "
        "still in power. Egypt hosted representatives of Sudanese rebel groups to discuss a Russian proposal for peace talks "
        "in Sudan, and Washington rejected a Russian proposal under which the general would remain in power. "
        "Fighting in Khartoum has killed more than 800 people since April, medics said.\n"),
    "ukraine_guarantors": (
        "Ankara offers to act as guarantor of any Ukraine deal\n\n"
        "Published: March 29, 2022\n\n"
        "ISTANBUL - Turkey said it was ready to act as a guarantor of a future peace deal between Ukraine and Russia, "
        "and the United States failed again on Tuesday to agree on a ceasefire with Moscow. Kyiv also declined to attend "
        "a congress organised by Russia. Ukrainian officials said they backed a lasting truce. The war has killed "
        "more than 3,000 civilians since February, the UN says.\n"),
    "libya_with_syria_in_passing": (
        "Berlin hosts Libya summit as Ankara and Moscow trade blame\n\n"
        "Published: January 19, 2020\n\n"
        "BERLIN - Leaders gathered in Berlin on Sunday to shore up a fragile truce in Libya. The Turkish foreign "
        "minister, who attended the summit, said Ankara would keep pushing for a lasting ceasefire, and Russia said it "
        "backed the talks. Turkey, which also has troops in Syria, has sent advisers to Tripoli.\n\n"
        "The United States called on all Libyan parties to respect the ceasefire and return to the negotiating table. "
        "Fighting around Tripoli has killed more than 2,000 people since April, the UN says.\n"),
}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("other_conflicts")
    for name, text in ARTICLES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return folder


def _extract(folder: Path, capsys) -> dict:
    assert cli.main(["extract", str(folder), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_talks_and_truces_of_other_conflicts_give_no_stance(extracted, capsys):
    result = _extract(extracted, capsys)
    assert len(result["articles"]) == len(ARTICLES)
    assert result["stances"] == []


def test_tolls_of_other_conflicts_are_other(extracted, capsys):
    casualties = _extract(extracted, capsys)["casualties"]
    assert casualties, "each article reports a toll"
    assert {row["subject"] for row in casualties} == {"other"}
    assert {row["article_id"] for row in casualties} == set(ARTICLES) - {"sahara_talks"}  # (it reports none)


def test_an_article_about_syria_that_names_another_war_in_passing_gives_stances(tmp_path, capsys):
    text = ("Russia backs Geneva talks on Syria\n\nPublished: March 2, 2016\n\n"
            "GENEVA - Russia said it backed the peace talks on Syria, and the Syrian government agreed to attend. "
            "The opposition, which has fought Assad's forces since 2011, said it would take part. Diplomats compared "
            "the talks with the long negotiations over Iraq and Afghanistan, which took years.\n")
    (tmp_path / "syria_iraq.txt").write_text(text, encoding="utf-8")
    stances = _extract(tmp_path, capsys)["stances"]
    assert {("russia", "negotiations", 1), ("syrian_opposition", "negotiations", 1)} <= {
        (s["actor"], s["issue"], s["polarity"]) for s in stances}


def test_the_same_kind_of_article_about_syria_gives_stances(tmp_path, capsys):
    # the control: the Yemen article's constructions, about Syria, are read
    text = ARTICLES["yemen_talks"].replace("Yemen's", "Syria's").replace("Yemeni government", "Syrian government") \
        .replace("Houthi rebels", "opposition").replace("Houthis", "rebels").replace("Hodeidah", "Aleppo")
    (tmp_path / "syria_talks.txt").write_text(text, encoding="utf-8")
    stances = _extract(tmp_path, capsys)["stances"]
    assert {(s["actor"], s["issue"]) for s in stances} >= {("united_nations", "negotiations"),
                                                          ("united_states", "negotiations")}
