"""English back-references and parties named by a short form (docs/ingest.md, "English
back-references"): each rule checked on sentences written for the test (no sentence of
the corpus)."""

from __future__ import annotations

import pytest

from partnerships.ingest.extraction.clauses import clauses
from partnerships.ingest.extraction.en_references import (
    acronym_parties,
    has_head,
    offices_of,
)
from partnerships.ingest.extraction.organisations import OrganisationFinder
from partnerships.ingest.pipeline import place_gazetteer
from tests.ingest.conftest import engagements_of


@pytest.fixture(scope="module")
def places():
    return place_gazetteer()


def _finder(gazetteer, places):
    return OrganisationFinder(gazetteer, "en", places)


def _references(found):
    return [(m.text, m.alias_of.text) for m in found if m.method == "reference"]


@pytest.mark.parametrize(
    ("named", "reference"),
    [
        ("the Lakeside Research Centre", "the Centre"),
        ("the Brussels Office of the Lakeside Trust", "the Office"),
        ("the Nordic Liaison Office of the Lakeside Trust", "the Liaison Office"),
        ("the United Nations Development Programme", "the Programme"),
        ("the Hill Towns Development Agency", "the Agency"),
        ("the Bank of Lakeside", "the Bank"),
        ("the Coastal Resilience Fund", "the Fund"),
    ],
)
def test_a_head_word_after_the_names_the_last_organisation_with_that_head(
    reference_gazetteer, places, named, reference
):
    finder = _finder(reference_gazetteer, places)
    head = reference.removeprefix("the ")
    # Named earlier in the same paragraph.
    found = finder.find(f"The mayor visited {named} in spring. {reference} hosts it.")
    assert _references(found) == [(head, named.removeprefix("the "))]
    # Named in an earlier paragraph, with another name in between.
    finder = _finder(reference_gazetteer, places)
    finder.find(f"The mayor visited {named} in spring.")
    finder.find("The World Health Organization sent a team.")
    found = finder.find(f"Later, {reference} signed a plan.")
    assert _references(found) == [(head, named.removeprefix("the "))]


def test_the_last_of_two_names_with_the_head_is_meant_and_a_name_is_no_reference(
    reference_gazetteer, places
):
    finder = _finder(reference_gazetteer, places)
    finder.find("The Lakeside Research Centre and the Hill Towns Centre met.")
    found = finder.find("The Centre will publish a study.")
    assert _references(found) == [("Centre", "Hill Towns Centre")]
    # Before "of" or a capitalised word the head word starts a name of its own.
    found = finder.find("The Centre of Excellence and the Centre Pompidou met.")
    assert _references(found) == []
    # No organisation named with that head: nothing.
    assert _references(finder.find("The Bank will pay.")) == []


def test_a_liaison_office_is_not_any_office(reference_gazetteer, places):
    finder = _finder(reference_gazetteer, places)
    finder.find("The Nordic Liaison Office met the Brussels Office of the Lake Trust.")
    found = finder.find("The Liaison Office and the Office signed a plan.")
    assert _references(found) == [
        ("Liaison Office", "Nordic Liaison Office"),
        ("Office", "Brussels Office of the Lake Trust"),
    ]


def test_head_words_are_read_before_of_and_for():
    assert has_head("Nordic Liaison Office of the Lake Trust", "Liaison Office")
    assert has_head("Nordic Liaison Office of the Lake Trust", "Office")
    assert not has_head("Brussels Office of the Lake Trust", "Liaison Office")
    assert not has_head("Office for the Coastal Fund", "Fund")
    assert has_head("Coastal Resilience Fund", "Fund")


def test_an_acronym_after_the_is_a_party(reference_gazetteer, places):
    text = (
        "The plan will assist the UAE in its strategy, and the GEF signed it with "
        "the UN; the MOU and the SDGs were cited."
    )
    assert [(a, c) for _, _, a, c in acronym_parties(text)] == [
        ("UAE", "United Arab Emirates"),
        ("GEF", ""),
    ]
    found = {
        m.text: (m.method, m.aliases)
        for m in _finder(reference_gazetteer, places).find(text)
    }
    assert found["UAE"] == ("government", ["United Arab Emirates"])
    assert found["GEF"] == ("pattern", [])
    assert found["UN"][0] == "gazetteer"  # the United Nations, a known name
    assert "MOU" not in found and "SDGs" not in found


def test_an_acronym_before_a_noun_or_a_name_is_no_party():
    text = "It follows the GEF guidelines, the GEF Assembly and the GEF (Facility)."
    assert acronym_parties(text) == []
    assert [a for _, _, a, _ in acronym_parties("It was signed by the GEF.")] == ["GEF"]
    assert [a for _, _, a, _ in acronym_parties("the GEF funded it")] == ["GEF"]


def test_a_countrys_name_before_delegation_names_its_government(
    reference_gazetteer, places
):
    finder = _finder(reference_gazetteer, places)
    found = finder.find(
        "The plan was agreed when the Kenya delegation met the Lakeside Trust."
    )
    government = [m for m in found if m.method == "government"]
    assert [(m.text, m.aliases) for m in government] == [("Kenya", ["Kenya"])]
    # A name that is no country's is no government.
    found = finder.find("The Lakeside delegation met the Lakeside Trust.")
    assert not any(m.method == "government" for m in found)


def test_an_office_for_a_region_is_an_office_of_the_one_named_before_s(
    reference_gazetteer, places
):
    text = (
        "The World Health Organization and Kestrel Homes International’s office "
        "for Northern and Central Africa signed an agreement. Kestrel Homes International builds houses."
    )
    assert [(text[s:e], text[o:p]) for s, e, o, p in offices_of(text)] == [
        (
            "Kestrel Homes International’s office for Northern and Central Africa",
            "Kestrel Homes International",
        )
    ]
    finder = _finder(reference_gazetteer, places)
    found = [(m.text, m.method) for m in finder.find(text)]
    assert (
        "Kestrel Homes International’s office for Northern and Central Africa",
        "pattern",
    ) in found
    # The organisation stays named after its office, here and later.
    assert ("Kestrel Homes International", "acronym") in found
    assert ("Kestrel Homes International", "acronym") in [
        (m.text, m.method) for m in finder.find("Kestrel Homes International paid.")
    ]
    # Without the office, such a name is not found.
    assert (
        _finder(reference_gazetteer, places).find("Kestrel Homes International paid.")
        == []
    )


def test_an_office_of_a_known_organisation_keeps_its_parent(
    reference_gazetteer, places
):
    text = "The United Nations Development Programme's office in Europe met us."
    found = _finder(reference_gazetteer, places).find(text)
    office = next(m for m in found if "office" in m.text)
    assert office.text == "United Nations Development Programme's office in Europe"
    assert office.parent == "UNDP"


def test_a_clause_starting_with_when_is_an_act_of_its_own():
    masked = "The MoU between □ and □ was signed when □ met □ in Nairobi."
    assert [masked[s:e] for s, e in clauses(masked)] == [
        "The MoU between □ and □ was signed",
        "when □ met □ in Nairobi.",
    ]


def test_a_delegation_meeting_at_a_signing_is_not_a_signatory(
    reference_gazetteer,
):
    found = engagements_of(
        reference_gazetteer,
        "The memorandum of understanding between the World Health Organization and "
        "the World Food Programme was signed when the Kenya delegation met the "
        "United Nations Development Programme in Nairobi.",
    )
    agreements = [names for kind, names in found if kind == "agreement"]
    assert agreements == [("World Food Programme", "World Health Organization")]
