"""Organisation mentions: gazetteer, patterns, short forms, resolution."""

from __future__ import annotations

from partnerships.ingest.extraction.organisations import OrganisationFinder
from partnerships.ingest.gazetteer import Gazetteer, NameEntry, normalise
from partnerships.ingest.resolve import FUZZY_THRESHOLD, Resolver


def _texts(finder, text):
    return [(m.text, m.method) for m in finder.find(text)]


def test_it_finds_known_names_and_their_short_forms_in_brackets(reference_gazetteer):
    finder = OrganisationFinder(reference_gazetteer, "zh")
    found = finder.find(
        "参与的实体为联合国开发计划署（开发署）和国际电信联盟（国际电联）。"
    )
    assert [(m.text, m.entries[0].key) for m in found] == [
        ("联合国开发计划署", "UNDP"),
        ("开发署", "UNDP"),
        ("国际电信联盟", "ITU"),
        ("国际电联", "ITU"),
    ]
    assert found[1].alias_of is found[0]


def test_it_finds_unknown_chinese_names_by_their_organisation_word(reference_gazetteer):
    finder = OrganisationFinder(reference_gazetteer, "zh")
    found = _texts(
        finder, "人居署与海滨城镇发展协会和蓝色港湾基金会合作，帮助地方政府。"
    )
    assert ("海滨城镇发展协会", "pattern") in found
    assert ("蓝色港湾基金会", "pattern") in found
    # Kinds of actor are not organisations.
    assert not any(text == "地方政府" for text, _ in found)


def test_it_finds_english_names_acronyms_and_later_uses(reference_gazetteer):
    finder = OrganisationFinder(reference_gazetteer, "en")
    first = _texts(
        finder,
        "The Coastal Youth Network and the Harbour Women Association (HWA) met.",
    )
    assert ("Coastal Youth Network", "pattern") in first
    assert ("Harbour Women Association", "pattern") in first
    assert ("HWA", "bracket") in first
    assert ("HWA", "acronym") in _texts(finder, "Later HWA trained planners.")


def test_the_gazetteer_matches_whole_words_and_acronyms_in_their_case():
    gazetteer = Gazetteer()
    gazetteer.add(NameEntry("ACT", "ACT", "en", "acronym", "registry"))
    gazetteer.add(NameEntry("SB", "Seaside Bank", "en", "name", "registry"))
    found = gazetteer.find("We act with the SEASIDE BANK; ACT and ACTION.")
    assert [(m.text, m.entries[0].key) for m in found] == [
        ("SEASIDE BANK", "SB"),
        ("ACT", "ACT"),
    ]


def test_normalisation_ignores_quotes_case_and_spaces_next_to_chinese():
    assert normalise("“联合国一体化” 基金") == normalise("联合国一体化基金")
    assert normalise("Bourj  Hammoud 市") == "bourj hammoud市"


def test_the_resolver_links_exact_and_fuzzy_names_and_proposes_new_ones():
    gazetteer = Gazetteer()
    gazetteer.add(NameEntry("SB", "Seaside Development Bank", "en", "name", "registry"))
    gazetteer.add(NameEntry("SB", "海滨开发银行", "zh", "name", "registry"))
    finder = OrganisationFinder(gazetteer, "en")
    resolver = Resolver(gazetteer)
    exact, fuzzy, new = (
        finder.find(text)[0]
        for text in (
            "The Seaside Development Bank paid.",
            "The Seaside Developement Bank paid.",
            "The Hill Towns Foundation paid.",
        )
    )
    assert resolver.resolve(exact, {}).key == "SB"
    linked = resolver.resolve(fuzzy, {})
    assert (linked.key, linked.method) == ("SB", "fuzzy")
    assert linked.confidence < resolver.resolve(exact, {}).confidence
    proposed = resolver.resolve(new, {})
    assert (proposed.key, proposed.name) == ("", "Hill Towns Foundation")
    assert FUZZY_THRESHOLD >= 85
    # Across languages: the Chinese name resolves to the same key.
    zh = OrganisationFinder(gazetteer, "zh").find("由海滨开发银行供资")[0]
    assert resolver.resolve(zh, {}).key == "SB"


def test_a_defined_short_form_at_the_end_of_a_longer_name_is_not_a_use_of_it(
    reference_gazetteer,
):
    finder = OrganisationFinder(reference_gazetteer, "en")
    finder.find("The Agency for Coastal Towns (ACT) reports.")
    later = _texts(finder, "The Nordic Cooperation Agency paid the Agency.")
    assert later == [("Nordic Cooperation Agency", "pattern"), ("Agency", "acronym")]
