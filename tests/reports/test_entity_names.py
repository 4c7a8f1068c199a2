"""The UN system entities of the demo data are named in every language, each name
with its source."""

from __future__ import annotations

import pytest

from partnerships.registry.models import Organisation
from partnerships.reports.realise import Writer

pytestmark = pytest.mark.django_db

UN_SYSTEM = {
    "un_principal_organ",
    "secretariat",
    "fund_programme",
    "specialized_agency",
    "related_organization",
    "regional_commission",
    "inter_agency_mechanism",
    "other_un_entity",
}


def test_every_un_system_entity_of_the_report_is_named_in_its_language(
    stored_snapshot,
):
    entities = [
        key
        for key, org in stored_snapshot["organisations"].items()
        if org["category"] in UN_SYSTEM
    ]
    assert len(entities) >= 45
    for lang in ("fr", "es", "ru", "ar"):
        writer = Writer(stored_snapshot, lang)
        for key in entities:
            assert not writer.org_name(key).fallback, (lang, key)
            assert stored_snapshot["organisations"][key]["name"].get(lang), (lang, key)


def test_each_name_keeps_its_source_and_unverified_ones_say_so():
    undp = Organisation.objects.get(key="UNDP")
    reasons = dict(
        undp.history.filter(name_fr__gt="")
        .order_by("history_date")
        .values_list("name_fr", "history_change_reason")[:1]
    )
    assert reasons == {
        "Programme des Nations Unies pour le développement": (
            "terminology: OECD CRS channel 41114"
        )
    }
    ilo = Organisation.objects.get(key="ITU")
    first_ru = ilo.history.filter(name_ru__gt="").order_by("history_date").first()
    assert first_ru.history_change_reason == "terminology: unverified"
