"""The search ranks, tolerates typos, counts, pages and highlights."""

from __future__ import annotations

import pytest

from partnerships.registry.ranking import EXACT, WORD, best_score, rank

pytestmark = pytest.mark.django_db


def _organisations(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    return response, [
        f.organisation.key for f in response.context["results"].organisations.items
    ]


def test_habitat_lists_the_agency_first(client):
    _, keys = _organisations(client, "habitat")
    assert keys[0] == "UN-Habitat"
    assert "FUKUOKA-HABITAT-RESEARCH-INSTITUTE" in keys


def test_a_chinese_short_form_lists_the_agency_before_its_office(client):
    _, keys = _organisations(client, "人居署")
    assert keys.index("UN-Habitat") < keys.index("UN-HABITAT-NY")
    assert keys[0] == "UN-Habitat"


def test_a_typo_finds_the_close_name_and_says_so(client):
    response, keys = _organisations(client, "UN-Habiat")
    assert keys[0] == "UN-Habitat"
    assert response.context["results"].close
    assert "close to it" in response.content.decode()


def test_a_word_in_no_name_and_close_to_none_finds_nothing(client):
    response, keys = _organisations(client, "Qzxwvvy")
    assert keys == []
    assert "Nothing matches" in response.content.decode()


def test_more_than_ten_engagements_are_counted_and_paged_keeping_the_query(client):
    response = client.get("/search/", {"q": "habitat"})
    engagements = response.context["results"].engagements
    assert engagements.count > 10
    assert len(engagements.items) == 10
    page = response.content.decode()
    assert f"({engagements.count})" in page
    assert 'href="?q=habitat&amp;type=engagements"' in page
    first = client.get("/search/", {"q": "habitat", "type": "engagements"})
    second = client.get("/search/", {"q": "habitat", "type": "engagements", "page": 2})
    shown = first.context["results"].engagements.items
    rest = second.context["results"].engagements.items
    assert len(shown) + len(rest) == engagements.count
    assert not {e.pk for e in shown} & {e.pk for e in rest}
    assert 'rel="prev" href="?q=habitat&amp;type=engagements&amp;page=1"' in (
        second.content.decode()
    )


def test_the_page_of_one_type_shows_that_type_alone(client):
    results = client.get("/search/", {"q": "habitat", "type": "engagements"}).context[
        "results"
    ]
    assert results.engagements.items
    assert not results.organisations.items
    assert not results.passages.items


def test_matches_are_highlighted_and_escaped(client):
    page = client.get("/search/", {"q": "habitat"}).content.decode()
    assert '<span lang="en">UN-<mark>Habitat</mark> New York Office</span>' in page
    assert "&lt;mark&gt;" not in page
    page = client.get("/search/", {"q": "<b>habitat"}).content.decode()
    assert "<b>habitat" not in page


def test_an_exact_short_form_ranks_above_a_name_that_starts_with_it():
    named = {1: ["UN-Habitat New York Office"], 2: ["Some name", "UN-Habitat"]}
    assert [pk for pk, _tier in rank("un habitat", named)] == [2, 1]


def test_a_word_most_of_a_name_ranks_above_a_name_that_starts_with_it():
    named = {
        1: ["Habitat III Civil Society Working Group"],
        2: ["UN-Habitat"],
        3: ["Association pour l'habitation"],
    }
    assert [pk for pk, _tier in rank("habitat", named)] == [2, 1, 3]


def test_the_tiers_of_a_name():
    assert best_score("UNDP", ["undp"])[0] == EXACT
    assert best_score("UN Habitat", ["UN-Habitat"])[0] == EXACT
    assert best_score("habitat", ["UN-Habitat"])[0] == WORD
    assert best_score("人居署", ["联合国人居署"])[0] == WORD
