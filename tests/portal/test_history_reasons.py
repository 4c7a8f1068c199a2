"""Reasons the system writes in a history, and the network's names, in the
reader's language."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.utils import translation

from partnerships.portal.history_reasons import reason_in_words
from partnerships.registry.models import Organisation

LOCALE = Path(__file__).parents[2] / "partnerships" / "portal" / "locale"
FOLDERS = {"ar": "ar", "es": "es", "fr": "fr", "ru": "ru", "zh-hans": "zh_Hans"}


def _catalogue(lang: str) -> dict[str, str]:
    path = LOCALE / FOLDERS[lang] / "LC_MESSAGES" / "django.po"
    with path.open("rb") as handle:
        return {m.id: m.string for m in read_po(handle) if isinstance(m.id, str)}


@pytest.mark.parametrize("lang", sorted(FOLDERS))
def test_system_reasons_are_said_in_the_readers_language(lang):
    words = _catalogue(lang)
    role = _catalogue(lang)["funder"]
    cases = {
        "merged UNDP-DUPLICATE into UNDP": words["merged %(source)s into %(target)s"]
        % {"source": "UNDP-DUPLICATE", "target": "UNDP"},
        "merged into UNDP": words["merged into %(target)s"] % {"target": "UNDP"},
        "participant UNDP (funder) added": words["participant %(key)s (%(role)s) added"]
        % {"key": "UNDP", "role": role},
        "place KE removed": words["place %(place)s removed"] % {"place": "KE"},
        "import-iati": words["imported from an IATI file"],
        "USD 1000.00 from UNDP added": words[
            "%(currency)s %(amount)s from %(key)s added"
        ]
        % {"currency": "USD", "amount": "1000.00", "key": "UNDP"},
    }
    with translation.override(lang):
        for written, said in cases.items():
            assert reason_in_words(written) == said
            assert said != written
        # What a person typed stays as typed, after the system's words.
        typed = reason_in_words("merged A into B: same agency")
        assert typed.endswith("same agency") and typed != "merged A into B: same agency"
        # A reason typed by hand, or cut short, is shown as it was written.
        assert reason_in_words("typo in the title") == "typo in the title"
        assert reason_in_words("merged UNDP into UN") != ""


@pytest.mark.django_db
def test_the_merge_reads_in_arabic_in_the_history(cast):
    from django.test import Client

    from partnerships.accounts.actors import actor_for
    from partnerships.curation.merge import organisation_merge

    admin = cast["administrator"]
    target = Organisation.objects.get(key="UNDP")
    source = Organisation.objects.exclude(pk=target.pk).filter(deleted_at__isnull=True)
    source = source.order_by("key").first()
    organisation_merge(
        actor=actor_for(admin),
        source=source,
        target=target,
        expected_version=source.version,
        reason="duplicate",
    )
    client = Client()
    client.force_login(admin)
    client.cookies["django_language"] = "ar"
    page = client.get("/staff/organisation/UNDP/history/").content.decode()
    said = _catalogue("ar")["merged %(source)s into %(target)s"] % {
        "source": source.key,
        "target": "UNDP",
    }
    assert said in page
    assert f"merged {source.key} into UNDP" not in page


@pytest.mark.django_db
def test_the_network_names_its_nodes_in_the_readers_language(client):
    graph = client.get("/dashboards/network.json").json()
    with_arabic = [n for n in graph["nodes"] if n["names"].get("ar")]
    assert with_arabic, "the demo data names some organisations in Arabic"
    node = with_arabic[0]
    org = Organisation.objects.get(key=node["key"])
    assert node["names"] == {
        lang: getattr(org, f"name_{lang}")
        for lang in ("ar", "zh", "en", "fr", "ru", "es")
        if getattr(org, f"name_{lang}")
    }
    client.cookies["django_language"] = "ar"
    page = client.get("/dashboards/").content.decode()
    assert f'lang="ar">{org.name_ar}</a>' in page
