"""Staff see which names of an organisation no published source confirms
(data/reference/un_entity_names.csv, source `unverified`); the public does not."""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client

from partnerships.registry.models import Organisation
from partnerships.registry.selectors import unverified_names

pytestmark = pytest.mark.django_db

NAMES = Path(settings.BASE_DIR) / "data" / "reference" / "un_entity_names.csv"


def _rows(organisation: str) -> list[dict[str, str]]:
    with open(NAMES, encoding="utf-8") as fh:
        return [r for r in csv.DictReader(fh) if r["organisation"] == organisation]


def _marked(page: str) -> set[str]:
    """The names a profile's Names list shows with the unverified mark."""
    found = re.findall(
        r'<dd><span lang="[^"]*">([^<]*)</span> <span class="unverified"', page
    )
    return {html.unescape(text) for text in found}


def test_the_demo_names_read_from_an_unverified_source_are_marked_for_staff(
    admin_client,
):
    rows = _rows("UN-Habitat")
    expected = {r["value"] for r in rows if r["source"] == "unverified"}
    sourced = {r["value"] for r in rows if r["source"] != "unverified"}
    assert expected, "the reference file marks some UN-Habitat names unverified"
    page = admin_client.get("/organisations/UN-Habitat/").content.decode()
    assert _marked(page) == expected - sourced
    public = Client().get("/organisations/UN-Habitat/").content.decode()
    assert 'class="unverified"' not in public


def test_a_sourced_import_takes_the_mark_away(admin_client, tmp_path):
    unep = _rows("UNEP")
    acronym = next(r for r in unep if r["kind"] == "acronym" and r["lang"] == "fr")
    named = next(r for r in unep if r["kind"] == "name" and r["lang"] == "fr")
    assert (acronym["source"], named["source"] != "unverified") == ("unverified", True)
    org = Organisation.objects.get(key="UNEP")
    languages, other = unverified_names(org)
    assert "fr" not in languages
    assert org.other_names.get(lang="fr", value=acronym["value"]).pk in other

    path = tmp_path / "names.csv"
    path.write_text(
        "organisation,lang,kind,value,source\n"
        "UNEP,ru,name,Программа ООН по окружающей среде (проверка),unverified\n",
        encoding="utf-8",
    )
    call_command("terminology", str(path), stdout=io.StringIO())
    assert "ru" in unverified_names(Organisation.objects.get(key="UNEP"))[0]
    path.write_text(
        "organisation,lang,kind,value,source\n"
        "UNEP,ru,name,Программа ООН по окружающей среде,UNTERM (test)\n",
        encoding="utf-8",
    )
    call_command("terminology", str(path), stdout=io.StringIO())
    assert "ru" not in unverified_names(Organisation.objects.get(key="UNEP"))[0]
    page = admin_client.get("/organisations/UNEP/").content.decode()
    assert acronym["value"] in _marked(page)
    assert "Программа ООН по окружающей среде" not in _marked(page)
