"""Governments named by their country acting as a party, from the third round of
session 9 (docs/ingest.md, "Organisations on unseen text (session 9, third
round)"). Each is checked on sentences written for the test (no sentence of the
corpus or the seed)."""

from __future__ import annotations

from partnerships.ingest.pipeline import extract
from partnerships.sources.paragraphs import split_report


def _proposals(gazetteer, text, lang):
    """{surface: proposed name} of every organisation in the first paragraph."""
    (result,) = extract(split_report(text, lang), gazetteer, lang)
    return {m.text: p.resolution.name for p in result.organisations for m in p.mentions}


def test_a_country_supported_or_joined_before_an_organisation_is_its_government(
    reference_gazetteer,
):
    found = _proposals(
        reference_gazetteer, "联合国开发计划署十年来支持越南推进城市规划。\n", "zh"
    )
    assert "越南" in found
    found = _proposals(
        reference_gazetteer, "越南与联合国开发计划署保持着长期合作。\n", "zh"
    )
    assert "越南" in found
    # A country that is only where the work is done stays a place.
    found = _proposals(
        reference_gazetteer, "联合国开发计划署在越南开展了三个项目。\n", "zh"
    )
    assert "越南" not in found


def test_a_country_an_agreement_is_made_with_or_support_given_to_is_its_government(
    reference_gazetteer,
):
    found = _proposals(
        reference_gazetteer,
        "The World Health Organization signed an agreement with Chile on Monday.\n",
        "en",
    )
    assert "Chile" in found
    found = _proposals(
        reference_gazetteer,
        "UNICEF will go on providing technical support to Peru this year.\n",
        "en",
    )
    assert "Peru" in found
    # "to" before a country is still a place elsewhere.
    found = _proposals(
        reference_gazetteer, "UNICEF sent a mission to Peru this year.\n", "en"
    )
    assert "Peru" not in found
