"""Kinds and roles from the clause that names the organisation, one engagement per act
(docs/ingest.md, "Clauses"): each rule checked on sentences written for the test (no
sentence of the corpus)."""

from __future__ import annotations

from partnerships.ingest.extraction.clauses import acts, clauses
from partnerships.ingest.extraction.engagements import kinds_of, one_act
from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report
from tests.ingest.conftest import engagements_of


def _pieces(masked):
    return [masked[s:e] for s, e in clauses(masked)]


def test_a_sentence_is_cut_at_semicolons_conjunctions_and_relative_clauses():
    masked = "□ signed an MoU with □; □ and □ held a workshop, while □ funded it."
    assert _pieces(masked) == [
        "□ signed an MoU with □",
        "□ and □ held a workshop",
        "while □ funded it.",
    ]
    assert _pieces("□ met □, who leads □.") == ["□ met □", "who leads □."]
    # A list of names before ", and" is one clause.
    assert _pieces("□, □, □, and □ have partnered.") == [
        "□, □, □, and □ have partnered."
    ]
    # Offsets are kept.
    assert clauses("ab; cd", 10) == [(10, 12), (14, 16)]


def test_a_clause_with_fewer_than_two_organisations_belongs_to_the_one_before():
    spans = [(0, 10), (12, 20), (22, 30), (32, 40)]
    assert acts(spans, [{"A", "B"}, set(), {"C", "D"}, {"E"}]) == [(0, 20), (22, 40)]
    # The first clause joins the next when it names fewer than two.
    assert acts(spans[:2], [{"A"}, {"B", "C"}]) == [(0, 20)]


def test_each_act_of_a_sentence_has_its_own_kind_and_partners(reference_gazetteer):
    found = engagements_of(
        reference_gazetteer,
        "The United Nations Children's Fund signed a memorandum of understanding with the World Health "
        "Organization; the United Nations Development Programme and the World Food "
        "Programme held a workshop in Rome.",
    )
    assert found == [
        ("agreement", ("United Nations Children's Fund", "World Health Organization")),
        ("event", ("United Nations Development Programme", "World Food Programme")),
    ]


def test_funding_and_a_project_told_together_are_one_act():
    found = [("funding", "funded"), ("project", "project")]
    # Money told: the money is the act; none: the project is.
    assert one_act(found, "□ funded the project with □.", money=True) == [found[0]]
    assert one_act(found, "□ funded the project with □.", money=False) == [found[1]]


def test_projects_in_the_plural_beside_another_act_are_what_it_is_for():
    found = [("agreement", "signed"), ("project", "programmes")]
    plural = "□ signed an MoU with □ to develop training programmes."
    assert one_act(found, plural, money=False) == [found[0]]
    singular = "□ signed an MoU with □ to implement a one-year project."
    assert one_act(found, singular, money=False) == found


def test_cue_words_read_in_their_sense():
    # The kind of an agreement is no money given.
    assert [k for k, _ in kinds_of("□ and □ signed a grant agreement.", [])] == [
        "agreement"
    ]
    # Two organisations after "between" are no subject of a verb of cooperation.
    assert kinds_of("Views converge between □ and the □.", []) == []
    assert kinds_of("□ and the □ confirmed plans.", []) == [("project", "")]
    assert kinds_of("□ and □ discussed ways to cooperate.", [])[0][0] == "coordination"
    assert kinds_of("□ and □ agreed on working together.", [])[0][0] == "agreement"
    assert kinds_of("Officers of □ and □ were present at the event.", [])[0][0] == (
        "event"
    )


def test_an_envoy_of_an_organisation_is_a_title_not_a_party(reference_gazetteer):
    found = engagements_of(
        reference_gazetteer,
        "The agreement was signed by the Executive Director of the United Nations Children's Fund and the "
        "Director of the United Nations Development Programme and Envoy of the Secretary-General on Youth.",
    )
    assert found == [
        (
            "agreement",
            ("United Nations Children's Fund", "United Nations Development Programme"),
        )
    ]


def test_a_unit_under_its_parent_is_no_second_party(reference_gazetteer):
    found = engagements_of(
        reference_gazetteer,
        "The Office of Legal Affairs, a department under the United Nations "
        "Secretariat, will lead the work with the World Health Organization.",
    )
    assert found == [
        ("project", ("Office of Legal Affairs", "World Health Organization"))
    ]


def test_with_names_a_funder_only_before_money():
    from partnerships.ingest.extraction.engagements import role_of

    sentence = "The Centre will work with □ on housing, with □ funding."
    first = sentence.index("□")
    second = sentence.index("□", first + 1)
    assert role_of(sentence, first, first + 1) == "partner"
    assert role_of(sentence, second, second + 1) == "funder"
    support = "Built with □'s support."
    assert role_of(support, support.index("□"), support.index("□") + 1) == "funder"


def _names(gazetteer, text):
    results = extract(split_report(text, "en"), gazetteer, "en")
    return [p.resolution.name for r in results for p in r.organisations]


def test_a_name_ends_before_a_person_named_by_a_title(reference_gazetteer):
    found = _names(
        reference_gazetteer,
        "The Nordic Housing Agency (NHA) signed it. Later, the NHA Kenya Office and "
        "Jane Doe, Head of UNICEF Kenya, met.",
    )
    assert "NHA Kenya Office" in found
    assert not any("Jane" in name for name in found)
    listed = _names(
        reference_gazetteer,
        "It was signed by Gustav Lund, Administrator of UNDP and Maria Berg, "
        "Executive Director of UNEP.",
    )
    assert not any("Maria" in name for name in listed)
    assert len(listed) == 2


def test_an_office_in_a_country_is_the_office(reference_gazetteer):
    found = _names(
        reference_gazetteer,
        "UNICEF Kenya receives support from the Nordic Housing Agency office in Kenya.",
    )
    assert found == ["UNICEF Kenya", "Nordic Housing Agency office in Kenya"]


def test_a_ministry_named_by_its_minister_is_proposed_as_the_ministry(
    reference_gazetteer,
):
    found = _names(
        reference_gazetteer,
        "It was signed by the Minister of Housing and Urban Affairs of Kenya Mr. "
        "Otieno and UNICEF.",
    )
    assert found[0] == "Ministry of Housing and Urban Affairs of Kenya"


def test_a_division_or_a_governing_body_of_an_organisation_is_a_unit(
    reference_gazetteer,
):
    division = engagements_of(
        reference_gazetteer,
        "It was signed by the Director of the Water and Energy Division of UNICEF "
        "and UNDP.",
    )
    assert division == [("agreement", ("UNDP", "Water and Energy Division of UNICEF"))]
    council = _names(
        reference_gazetteer,
        "The forty-first meeting of the Governing Council of UNICEF closed.",
    )
    assert "Governing Council of UNICEF" in council


def test_the_united_nations_as_a_place_or_in_a_title_is_no_party(
    reference_gazetteer,
):
    compound = _names(
        reference_gazetteer,
        "The signing took place at the United Nations Compound with UNDP and UNICEF.",
    )
    assert "United Nations" not in compound
    title = _names(
        reference_gazetteer,
        "United Nations Under-Secretary-General Jane Doe and UNICEF signed a deal.",
    )
    assert title == ["UNICEF"]
    place = _names(reference_gazetteer, "Delegates met at UN Headquarters with UNDP.")
    assert place == ["UNDP"]


def test_decision_makers_take_no_decision_and_a_giver_gives_money(
    reference_gazetteer,
):
    assert kinds_of("□ advises decision-makers with □.", []) == [("project", "")]
    from partnerships.ingest.extraction.engagements import role_of

    assert role_of("□ provides solutions to decision-makers.", 0, 1) == "partner"
    assert role_of("□ provides USD 2 million to cities.", 0, 1) == "funder"
    money = engagements_of(
        reference_gazetteer, "UNICEF provides funding of USD 2 million to cities."
    )
    assert [kind for kind, _ in money] == ["funding"]


def test_a_country_by_the_place_of_its_inverted_name(reference_gazetteer):
    found = _names(reference_gazetteer, "UNICEF and Korea signed an agreement.")
    assert found == ["UNICEF", "Government of Korea"]


def test_a_project_owning_an_event_is_no_project_of_its_own():
    found = [("event", "workshop"), ("project", "project")]
    owning = "□ attended the final workshop of the □ Housing project in Geneva."
    assert one_act(found, owning, money=False) == [found[0]]
    both = "□ held a workshop and launched a new project with □."
    assert one_act(found, both, money=False) == found


def test_names_after_between_are_no_subject_whatever_their_length():
    assert kinds_of("Views converge between the □□ and the □□.", []) == []
    assert kinds_of("The □□ and the □□ confirmed plans.", []) == [("project", "")]


def test_receiving_money_is_funding():
    assert kinds_of("□ receives support from □.", [])[0][0] == "funding"


def test_a_short_form_in_brackets_repeats_the_parent_it_follows(reference_gazetteer):
    found = engagements_of(
        reference_gazetteer,
        "The Executive Board of the United Nations Children's Fund (UNICEF) met in "
        "a hybrid format with delegates from across the globe.",
    )
    assert found == []
