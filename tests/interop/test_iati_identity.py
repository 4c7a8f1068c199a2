"""An IATI activity is found by its identifier, never by our key (issue 16, item 1).

Written as the attack: a hand-made engagement whose key happens to equal the
identifier of an activity in a file. Before, the import matched `key =
iati-identifier` and took the engagement over (title replaced, themes wiped)
whenever its actor might change it: an administrator, the console, an editor
in charge. Now the file makes a new engagement and the hand-made one stays.
"""

import datetime as dt
import importlib
import io
import json

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import connection
from lxml import etree

from partnerships.accounts.models import Profile
from partnerships.cooperation.models import Engagement, Place, PublishedActivity
from partnerships.core.actor import Role
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.registry.models import Organisation
from tests.interop.iati_import_helpers import EXAMPLE, engagement_state

pytestmark = pytest.mark.django_db

IDENTIFIER = etree.parse(str(EXAMPLE)).findtext(".//iati-identifier").strip()
MIGRATION = "partnerships.interop.migrations.0004_engagement_identifiers"


def _hand_made(country="KE"):
    engagement = Engagement.objects.create(
        key=IDENTIFIER, kind="project", title_en="Made by hand"
    )
    engagement.themes.set(["housing"])
    Place.objects.create(engagement=engagement, country_id=country)
    return engagement


def _imported():
    return PublishedActivity.objects.get(identifier=IDENTIFIER).engagement


def test_the_console_does_not_take_over_a_hand_made_engagement():
    hand_made = _hand_made()
    before = engagement_state(hand_made)
    summary = import_file(EXAMPLE)
    assert (summary.created, summary.updated) == (1, 0)
    assert engagement_state(hand_made) == before
    imported = _imported()
    assert imported.pk != hand_made.pk
    assert imported.key.startswith(f"{IDENTIFIER}-")
    assert len(imported.key) == len(IDENTIFIER) + 5  # a suffix of four
    assert imported.title_en == "Activity title"


def test_an_editor_in_charge_does_not_take_it_over_either(django_user_model):
    hand_made = _hand_made("KE")
    before = engagement_state(hand_made)
    user = django_user_model.objects.create_user(username="ed", password="x" * 16)
    Profile.objects.create(user=user, role=Role.EDITOR).regions.set(["002"])
    import_file(EXAMPLE, user=user)
    assert engagement_state(hand_made) == before
    assert _imported().pk != hand_made.pk


def test_a_second_import_finds_the_activity_by_its_identifier():
    _hand_made()
    import_file(EXAMPLE)
    imported = _imported()
    again = import_file(EXAMPLE)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 1)
    assert Engagement.objects.filter(key__startswith=IDENTIFIER).count() == 2
    assert _imported().pk == imported.pk


def test_a_new_activity_keeps_its_identifier_as_key_when_nobody_holds_it():
    import_file(EXAMPLE)
    assert _imported().key == IDENTIFIER


def test_the_export_writes_the_identifier_not_the_key():
    hand_made = _hand_made()
    import_file(EXAMPLE)
    imported = _imported()
    un_habitat = Organisation.objects.get(key="UN-Habitat")
    data = activities_xml(
        engagements=Engagement.objects.filter(pk__in=[hand_made.pk, imported.pk]),
        actor=_console(),
        reporting_org=un_habitat,
        generated=dt.datetime(2026, 12, 4, tzinfo=dt.UTC),
    )
    written = etree.fromstring(data).findall(".//iati-identifier")
    ours = un_habitat.identifiers.get(scheme="IATI").value
    # The hand-made engagement has no participant: left out of IATI. The
    # imported one carries the identifier it was published under, not its key.
    assert [w.text for w in written] == [IDENTIFIER]
    assert f"{ours}-{imported.key}" not in data.decode()


def _console():
    from partnerships.core.actor import system_actor

    return system_actor("test")


def test_the_migration_gives_an_earlier_import_its_identifier_and_a_hand_made_none():
    """An engagement imported before identifiers were kept (provenance: its
    passage in an `IATI:` document) gets its identifier; a hand-made one whose
    key is an identifier's shape gets none."""
    import_file(EXAMPLE)
    imported = _imported()
    PublishedActivity.objects.filter(engagement=imported).delete()  # as before 0008
    lookalike = Engagement.objects.create(
        key="XM-DAC-41120-hand-made", kind="project", title_en="By hand"
    )
    migration = importlib.import_module(MIGRATION)
    migration.fill(apps, connection.schema_editor())
    assert _imported().pk == imported.pk
    assert not PublishedActivity.objects.filter(engagement=lookalike).exists()
    history = PublishedActivity.history.filter(engagement=imported).first()
    assert history.history_change_reason == migration.REASON


def test_a_dump_keeps_the_identifier_and_gives_it_to_one_engagement_only(tmp_path):
    """The dump carries the identifier apart from the key; a dump that gives an
    identifier held by another engagement to a second one is refused, naming
    it, and writes nothing (else the next import would find either)."""
    _hand_made()
    import_file(EXAMPLE)
    imported = _imported()
    out = io.StringIO()
    call_command("dump", format="json", stdout=out)
    data = json.loads(out.getvalue())
    records = {record["id"]: record for record in data["engagements"]}
    assert records[imported.key]["published"]["identifier"] == IDENTIFIER
    assert records[IDENTIFIER].get("published") is None
    records[IDENTIFIER]["published"] = {"identifier": IDENTIFIER, "elements": []}
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    refused = f"already kept with the engagement {imported.key}"
    with pytest.raises(CommandError, match=refused):
        call_command("load", str(path), stdout=io.StringIO())
    assert _imported().pk == imported.pk


def test_loading_a_dump_without_identifiers_gives_an_earlier_import_its_own(
    tmp_path,
):
    import_file(EXAMPLE)
    imported = _imported()
    out = io.StringIO()
    call_command("dump", format="json", stdout=out)
    data = json.loads(out.getvalue())
    for record in data["engagements"]:
        record.pop("published", None)  # as a dump of version 2 holds them
    PublishedActivity.objects.all().delete()
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    call_command("load", str(path), stdout=io.StringIO())
    assert _imported().pk == imported.pk
    assert PublishedActivity.objects.count() == 1
