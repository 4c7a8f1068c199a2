"""What a careful reader sees around a name: governments acting as parties,
back-references, what is no organisation, tracked changes, fuzzy matches that never
cross a distinguishing word, cue words used in another sense."""

from __future__ import annotations

from partnerships.ingest.extraction.engagements import kinds_of, role_of
from partnerships.ingest.extraction.facts import place_gazetteer
from partnerships.ingest.extraction.mending import mend
from partnerships.ingest.extraction.organisations import OrganisationFinder
from partnerships.ingest.gazetteer import Gazetteer, NameEntry
from partnerships.ingest.resolve import Resolver


def _finder(gazetteer, lang):
    return OrganisationFinder(gazetteer, lang, place_gazetteer())


def _found(finder, text):
    return [(m.text, m.method) for m in finder.find(text)]


def test_a_country_is_a_government_only_where_it_acts_as_a_party(
    reference_gazetteer,
):
    finder = _finder(reference_gazetteer, "en")
    acting = _found(finder, "Japan and the United Nations have signed an agreement.")
    assert ("Japan", "government") in acting
    assert ("United Nations", "gazetteer") in acting
    assert ("Sweden", "government") in _found(finder, "Sweden is a top contributor.")
    place = _found(finder, "UN-Habitat has projects in Japan and in Kenya.")
    assert not any(method == "government" for _, method in place)
    titled = _found(finder, "The notes were signed by the Ambassador of Japan.")
    assert ("Japan", "government") in titled


def test_a_chinese_country_is_a_government_before_what_a_party_does(
    reference_gazetteer,
):
    finder = _finder(reference_gazetteer, "zh")
    assert ("肯尼亚", "government") in _found(
        finder, "肯尼亚将向联合国人居署捐赠100万美元。"
    )
    assert ("中方", "government") in _found(finder, "执行主任感谢中方的支持。")
    place = _found(finder, "会议在肯尼亚首都内罗毕举行，探讨城市方法。")
    assert not any(method == "government" for _, method in place)


def test_a_back_reference_names_the_organisation_named_before(reference_gazetteer):
    finder = _finder(reference_gazetteer, "en")
    first = finder.find(
        "The Brussels Office of the United Nations Human Settlements Programme "
        "(UN-Habitat) was established in 2001."
    )
    office = next(m for m in first if m.text.startswith("Brussels Office"))
    later = finder.find("The Office focuses on policy dialogue.")
    assert [(m.text, m.alias_of.text) for m in later] == [("Office", office.text)]
    assert {m.entries[0].key for m in first if m.entries} == {"UN-Habitat"}


def test_what_is_no_organisation(reference_gazetteer):
    english = _finder(reference_gazetteer, "en")
    assert _found(english, "Ms Rossbach, Under-Secretary-General, spoke.") == []
    assert (
        _found(english, "It is part of Singapore’s Sustainable Development Programme.")
        == []
    )
    chinese = _finder(reference_gazetteer, "zh")
    assert _found(chinese, "新华社内罗毕6月9日电，会议闭幕。") == []
    assert _found(chinese, "各方出席了第五届地方政府联盟大会。") == []
    assert _found(chinese, "联合国系统各实体正在共同努力。") == []
    assert ("联合国", "gazetteer") in _found(chinese, "联合国将组建一个专家组。")
    person = _found(chinese, "会议由人居署区域间顾问 Dyfed Aubrey 主持。")
    assert person == [("人居署", "gazetteer")]


def test_tracked_changes_are_read_as_the_text_they_left():
    assert mend("role of UNUnited Nations-Habitat in") == (
        "role of   United Nations-Habitat in"
    )
    assert mend("partner in UN-HABITATUN-Habitat projects") == (
        "partner in           UN-Habitat projects"
    )
    assert mend("the UNDP and UN-Habitat") == "the UNDP and UN-Habitat"


def test_a_fuzzy_match_never_crosses_a_distinguishing_word():
    gazetteer = Gazetteer()
    gazetteer.add(
        NameEntry("AFDB", "African Development Bank", "en", "name", "registry")
    )
    gazetteer.add(
        NameEntry(
            "UNDP", "United Nations Development Programme", "en", "name", "registry"
        )
    )
    finder = OrganisationFinder(gazetteer, "en")
    resolver = Resolver(gazetteer)
    asian = finder.find("The Asian Development Bank signed it.")[0]
    assert resolver.resolve(asian, {}).key == ""
    typo = finder.find("The United Nations Developement Programme signed it.")[0]
    assert resolver.resolve(typo, {}).key == "UNDP"


def test_cue_words_count_only_in_their_sense():
    assert kinds_of("□ and □ have a MoU.", []) == [("agreement", "mou")]
    training = kinds_of("□'s training infrastructure reached 161,000 officials.", [])
    assert training == []  # no cue, and no word of working together
    assert kinds_of("□ and □ work together on housing.", []) == [("project", "")]
    setting = kinds_of("□ signed on the sidelines of the Habitat III conference.", [])
    assert [kind for kind, _ in setting] == ["agreement"]
    assert kinds_of("□ works with migrant communities.", []) == [("project", "")]
    assert [k for k, _ in kinds_of("With □ funding, □ built it.", [])] == ["funding"]
    sentence = "With EU funding, UN-Habitat built it."
    assert role_of(sentence, 5, 7) == "funder"


def test_a_name_without_organisation_word_is_one_by_its_apposition(
    reference_gazetteer,
):
    finder = _finder(reference_gazetteer, "en")
    found = _found(finder, "It works with Blue Harbour, a Danish non-profit group.")
    assert ("Blue Harbour", "pattern") in found
    signed = _found(finder, "UNEP signed a letter of intent with Acme Mobility.")
    assert ("Acme Mobility", "pattern") in signed
    assert ("Lisbon", "pattern") not in _found(finder, "It met in Lisbon, a city.")
