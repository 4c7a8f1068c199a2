"""`partnerships dump` writes the registry; `partnerships load` reads it back."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    Participation,
    Place,
)
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.reports.models import Report
from partnerships.sources.models import Evidence, SourceDocument
from tests.conftest import SEED_SYMBOL

pytestmark = pytest.mark.django_db


def _dump() -> str:
    out = io.StringIO()
    call_command("dump", format="json", stdout=out)
    return out.getvalue()


def _empty_registry():
    Evidence.objects.all().delete()
    Contribution.objects.all().delete()
    Participation.objects.all().delete()
    Place.objects.all().delete()
    Engagement.objects.update(parent=None)
    Engagement.objects.all().delete()
    OrganisationName.objects.all().delete()
    Identifier.objects.all().delete()
    Organisation.objects.update(parent=None)
    # Reports name their reporting organisation (protected): they go first.
    Report.objects.all().delete()
    Organisation.objects.all().delete()
    SourceDocument.objects.all().delete()


def test_the_dump_holds_every_organisation_and_engagement_with_its_citation():
    data = json.loads(_dump())
    assert data["format"] == "partnerships-dump"
    assert len(data["organisations"]) == Organisation.objects.count()
    assert len(data["engagements"]) == Engagement.objects.count()
    undp = next(o for o in data["organisations"] if o["id"] == "UNDP")
    assert "开发署" in undp["short_names"]["zh"]
    assert undp["names"]["zh"] == "联合国开发计划署"
    assert undp["iati_type"] == "40"
    for engagement in data["engagements"]:
        cited = [e for e in engagement["evidence"] if e["document"] == SEED_SYMBOL]
        assert cited and all(isinstance(e["paragraph"], int) for e in cited)


def test_the_dump_round_trips_the_seed_data(tmp_path):
    first = _dump()
    _empty_registry()
    assert Engagement.objects.count() == 0
    path = tmp_path / "dump.json"
    path.write_text(first, encoding="utf-8")
    call_command("load", str(path), stdout=io.StringIO())
    assert _dump() == first


def test_a_bad_record_in_a_dump_writes_nothing(tmp_path):
    data = json.loads(_dump())
    data["engagements"][5]["participants"][0]["role"] = "sponsor"
    data["engagements"][0]["title"]["en"] = "A new title"
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    key = data["engagements"][0]["id"]
    with pytest.raises(CommandError, match=r"engagements\[5\].*Nothing was written"):
        call_command("load", str(path), stdout=io.StringIO())
    assert Engagement.objects.get(key=key).title_en != "A new title"


def test_a_file_that_is_not_json_is_refused(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot be read as JSON"):
        call_command("load", str(path), stdout=io.StringIO())
