"""`partnerships import-iati` reads IATI files safely, idempotently, into the registry."""

import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from lxml import etree

from partnerships.accounts.models import Profile
from partnerships.accounts.models import Role as UserRole
from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    MoneyLine,
    Participation,
    Place,
    Role,
)
from partnerships.core.actor import ANONYMOUS
from partnerships.interop.iati.export import activities_xml
from partnerships.interop.iati.importer import import_file
from partnerships.interop.iati.inverse import safe_key
from partnerships.interop.iati.mapping import ROLE_CODES, THEME_SECTORS
from partnerships.interop.iati.reader import ReaderError
from partnerships.registry.models import Identifier, Organisation
from partnerships.sources.models import Evidence, Passage, SourceDocument

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "activity-standard-example-annotated.xml"
ORG_EXAMPLE = DATA / "organisation-standard-example-annotated.xml"
MODELS = (
    Engagement,
    Participation,
    Place,
    MoneyLine,
    Organisation,
    Identifier,
    SourceDocument,
    Passage,
    Evidence,
)


def _counts():
    out = {model.__name__: model.objects.count() for model in MODELS}
    for model in MODELS:
        if hasattr(model, "history"):
            out[f"history {model.__name__}"] = model.history.count()
    return out


def _command(*args):
    out = io.StringIO()
    call_command("import_iati", *map(str, args), stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_official_example_imports_with_the_counts_of_the_file():
    before = _counts()
    summary = import_file(EXAMPLE)
    after = _counts()
    # The file: 1 activity, 3 participating-orgs (roles 1, 2, 3), recipient
    # countries AF and AG, regions 489 (vocabulary 1) and A1 (vocabulary 99, not
    # imported), no DAC 5-digit sector (vocabularies 2 and 99), 1 budget and 1
    # transaction (Incoming Funds from BB-BBB-123456789).
    assert (summary.read, summary.created, summary.skipped) == (1, 1, [])
    assert summary.organisations_created == 3
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    assert engagement.kind == "project" and engagement.status == "ongoing"
    assert engagement.title_en == "Activity title"
    assert engagement.title_fr == "Titre de l'activité"
    assert engagement.title_es == "Título de la actividad"
    assert engagement.summary_en.startswith("General activity description")
    assert engagement.start_date == dt.date(2012, 4, 28)  # actual beats planned
    assert engagement.end_date == dt.date(2015, 12, 31)
    # The example's refs (AA-AAA-..., BB-BBB-...) have no registration agency's
    # prefix: placeholders, kept as attributes, never identities (docs/iati.md).
    roles = {(p.organisation.name_en, p.role) for p in engagement.participations.all()}
    assert roles == {
        ("Name of Agency B", Role.FUNDER),
        ("Name of Agency C", Role.LEAD),
        ("Name of Agency A", Role.ORGANISER),
    }
    assert not Identifier.objects.filter(value__startswith="AA-AAA").exists()
    places = set(engagement.places.values_list("country_id", "region_id"))
    assert places == {("AF", None), ("AG", None), (None, "489")}
    assert engagement.themes.count() == 0
    # Each budget, planned disbursement and transaction as what it is.
    money = list(
        engagement.money.values_list(
            "kind", "type_code", "amount", "currency_id", "value_date", "provider_ref"
        )
    )
    assert money == [
        ("budget", "1", Decimal("3000.00"), "EUR", dt.date(2014, 1, 1), ""),
        (
            "planned-disbursement",
            "1",
            Decimal("3000.00"),
            "EUR",
            dt.date(2014, 1, 1),
            "BB-BBB-123456789",
        ),
        (
            "planned-disbursement",
            "1",
            Decimal("3000.00"),
            "EUR",
            dt.date(2014, 1, 1),
            "",
        ),
        (
            "transaction",
            "1",
            Decimal("1000.00"),
            "EUR",
            dt.date(2012, 1, 1),
            "BB-BBB-123456789",
        ),
    ]
    transaction = engagement.money.get(kind="transaction")
    # The provider is kept as published; a placeholder ref names no organisation.
    assert (transaction.provider_ref, transaction.provider) == (
        "BB-BBB-123456789",
        None,
    )
    assert transaction.provider_activity == "BB-BBB-123456789-1234AA"
    assert after["Engagement"] - before["Engagement"] == 1
    assert after["Participation"] - before["Participation"] == 3
    assert after["Place"] - before["Place"] == 3
    assert after["MoneyLine"] - before["MoneyLine"] == 4
    assert after["Organisation"] - before["Organisation"] == 3
    passage = Passage.objects.get(document__symbol=f"IATI:{EXAMPLE.name}", number=1)
    assert passage.chapter_title == "AA-AAA-123456789-ABC123"
    assert "line 8" in passage.text and "sector 2/111" in passage.text
    assert passage.evidence.filter(engagement=engagement).count() == 1
    assert passage.evidence.filter(participation__isnull=False).count() == 3
    assert engagement.history.first().history_change_reason == "import-iati"


def test_importing_the_same_file_twice_writes_nothing_the_second_time():
    import_file(EXAMPLE)
    between = _counts()
    summary = import_file(EXAMPLE)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 0, 1)
    assert summary.writes == 0
    assert _counts() == between


def test_a_dry_run_changes_nothing():
    before = _counts()
    printed = _command(EXAMPLE, "--dry-run")
    assert "read 1, created 1" in printed and "Dry run" in printed
    assert _counts() == before


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("xxe.xml", "DOCTYPE"),
        ("billion-laughs.xml", "DOCTYPE"),
        ("not-well-formed.xml", "not well-formed XML at line"),
        ("wrong-root.xml", "the root is <html>"),
        ("version-1.xml", "version 1.05 is not supported"),
    ],
)
def test_a_hostile_or_broken_file_is_refused_and_changes_nothing(name, words):
    before = _counts()
    with pytest.raises(ReaderError) as refused:
        import_file(DATA / name)
    assert name in str(refused.value) and words in str(refused.value)
    with pytest.raises(CommandError, match="1 file"):
        _command(DATA / name)
    assert _counts() == before
    assert not Engagement.objects.filter(key__startswith="XM-TEST-1").exists()


def test_the_xxe_file_never_reads_the_entity():
    with pytest.raises(ReaderError):
        import_file(DATA / "xxe.xml")
    assert not Organisation.objects.filter(name_en__contains="root:").exists()


def test_a_refused_file_does_not_stop_the_others():
    with pytest.raises(CommandError, match="xxe.xml"):
        _command(DATA / "xxe.xml", EXAMPLE)
    assert Engagement.objects.filter(key="AA-AAA-123456789-ABC123").exists()


def test_an_invalid_activity_is_skipped_with_its_line_and_the_valid_one_goes_in():
    summary = import_file(DATA / "mixed.xml")
    assert (summary.read, summary.created) == (3, 1)
    assert Engagement.objects.filter(key="XM-TEST-1-good").exists()
    skipped = {line: reason for line, _, reason in summary.skipped}
    assert set(skipped) == {13, 17}
    assert "XSD" in skipped[13] and "reporting-org" in skipped[13]
    assert "country ZZ" in skipped[17]
    printed = _command(DATA / "mixed.xml")
    assert "skipped line 13 (XM-TEST-1-no-reporting-org)" in printed


def test_an_identifier_that_is_no_key_becomes_a_stable_slug():
    assert safe_key("XM-DAC-41120-p034", 120) == "XM-DAC-41120-p034"
    odd = safe_key("XM:DAC/41120+p034", 120)
    assert odd.startswith("XM-DAC-41120-p034-") and odd == safe_key(
        "XM:DAC/41120+p034", 120
    )
    assert len(safe_key("A" * 300, 120)) <= 120


def test_the_official_organisation_file_imports_the_organisation_with_its_id():
    summary = import_file(ORG_EXAMPLE)
    assert (summary.read, summary.created, summary.skipped) == (1, 1, [])
    # AA-AAA- is the example's placeholder, not a registration agency's prefix:
    # the organisation is found by its name, and the ref is no identity.
    org = Organisation.objects.get(name_en="Organisation name")
    assert org.name_fr == "Nom de l'organisme"
    assert not Identifier.objects.filter(value="AA-AAA-123456789").exists()
    assert org.category == "intergovernmental"  # type 40
    assert org.mentions.count() == 1
    assert import_file(ORG_EXAMPLE).writes == 0


def _round_trip_engagements():
    pledge = Engagement.objects.get(key="p040-ec-psup-pledge")
    pledge.start_date, pledge.start_precision = dt.date(2018, 2, 7), "day"
    pledge.save()
    Contribution.objects.filter(participation__engagement=pledge).update(
        value_date=dt.date(2018, 2, 7), value_precision="day"
    )
    return Engagement.objects.filter(start_date__isnull=False)


def _iati_roles(engagement):
    return {
        (p.organisation_id, ROLE_CODES[p.role])
        for p in engagement.participations.all()
        if p.role in ROLE_CODES
    }


def _sectors(engagement):
    return {
        THEME_SECTORS[code]
        for code in engagement.themes.values_list("code", flat=True)
        if code in THEME_SECTORS
    }


def test_iati_to_registry_to_iati_keeps_orgs_roles_places_sectors_and_money(tmp_path):
    engagements = _round_trip_engagements()
    data = activities_xml(
        engagements=engagements,
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2019, 3, 6, 12, 0, tzinfo=dt.UTC),
    )
    path = tmp_path / "un-habitat.xml"
    path.write_bytes(data)
    identifiers = etree.fromstring(data).xpath("iati-activity/iati-identifier/text()")
    assert len(identifiers) > 10
    summary = import_file(path)
    assert summary.skipped == [] and summary.created == len(identifiers)
    assert summary.organisations_created == 0  # every one found by @ref or name
    for identifier in identifiers:
        original = Engagement.objects.get(key=identifier.removeprefix("XM-DAC-41120-"))
        imported = Engagement.objects.get(key=identifier)
        assert _iati_roles(imported) == _iati_roles(original), identifier
        for field in ("country_id", "region_id"):
            assert set(imported.places.values_list(field, flat=True)) == set(
                original.places.values_list(field, flat=True)
            ), identifier
        assert _sectors(imported) == _sectors(original), identifier
        assert set(imported.sdg_targets.all()) == set(original.sdg_targets.all())
        assert imported.title_en == original.title_en
        assert (imported.start_date, imported.start_precision) == (
            original.start_date,
            original.start_precision,
        ), identifier
    money = MoneyLine.objects.get(engagement__key="XM-DAC-41120-p040-ec-psup-pledge")
    assert (money.amount, money.currency_id) == (Decimal("10000000.00"), "EUR")
    assert (money.kind, money.type_code) == ("transaction", "11")
    assert money.provider == Organisation.objects.get(key="EC")
    assert import_file(path).writes == 0


def test_every_row_written_in_bulk_has_its_history_with_user_and_reason(
    django_user_model,
):
    editor = django_user_model.objects.create_user(username="iati-bulk", password="x")
    Profile.objects.create(user=editor, role=UserRole.EDITOR)
    import_file(EXAMPLE, user=editor)
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    rows = [
        engagement,
        *engagement.places.all(),
        *engagement.participations.all(),
        *engagement.money.all(),
        *Evidence.objects.filter(passage__document__symbol=f"IATI:{EXAMPLE.name}"),
    ]
    assert len(rows) == 1 + 3 + 3 + 4 + 4
    for row in rows:
        (history,) = row.history.all()
        assert (history.history_type, history.history_change_reason) == (
            "+",
            "import-iati",
        ), row
        assert history.history_user == editor, row
        assert history.instance == row or history.id == row.pk


def test_a_changed_activity_is_updated_in_place_with_its_history(tmp_path):
    import_file(EXAMPLE)
    engagement = Engagement.objects.get(key="AA-AAA-123456789-ABC123")
    text = EXAMPLE.read_text(encoding="utf-8")
    changed = tmp_path / EXAMPLE.name
    changed.write_text(
        text.replace("Activity title", "Activity title, revised").replace(
            'code="AG"', 'code="KE"'
        ),
        encoding="utf-8",
    )
    summary = import_file(changed)
    assert (summary.created, summary.updated, summary.unchanged) == (0, 1, 0)
    engagement.refresh_from_db()
    assert engagement.title_en == "Activity title, revised"
    assert engagement.version == 2
    assert [h.history_type for h in engagement.history.all()] == ["~", "+"]
    assert {"AF", "AG", "KE"} <= set(
        engagement.places.values_list("country_id", flat=True)
    )
    assert import_file(changed).writes == 0


def test_themes_and_targets_written_in_bulk_are_in_the_history_snapshot(tmp_path):
    data = activities_xml(
        engagements=_round_trip_engagements(),
        actor=ANONYMOUS,
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
        generated=dt.datetime(2019, 3, 6, 12, 0, tzinfo=dt.UTC),
    )
    path = tmp_path / "themes.xml"
    path.write_bytes(data)
    import_file(path)
    imported = Engagement.objects.filter(
        key__startswith="XM-DAC-41120-", themes__isnull=False
    ).distinct()
    assert imported.exists()
    for engagement in imported:
        (history,) = engagement.history.all()
        assert set(history.themes.values_list("theme_id", flat=True)) == set(
            engagement.themes.values_list("code", flat=True)
        )
        assert set(history.sdg_targets.values_list("sdgtarget_id", flat=True)) == set(
            engagement.sdg_targets.values_list("code", flat=True)
        )


def _broken_status(monkeypatch):
    from partnerships.interop.iati import chunk

    real = chunk.engagement_values

    def broken(spec):
        return {**real(spec), "status": "not-a-status"}  # what a bug could write

    monkeypatch.setattr(chunk, "engagement_values", broken)


def test_a_row_the_services_refuse_rolls_the_whole_file_back(monkeypatch):
    _broken_status(monkeypatch)
    before = _counts()
    with pytest.raises(ReaderError, match="engagements refused .* not a valid choice"):
        import_file(EXAMPLE)
    assert _counts() == before


def test_a_row_the_database_constraints_refuse_rolls_the_whole_file_back(monkeypatch):
    from partnerships.cooperation import bulk

    _broken_status(monkeypatch)
    monkeypatch.setattr(bulk, "check_rows", lambda *args, **kwargs: None)
    before = _counts()
    with pytest.raises(ReaderError, match="the database refused a row"):
        import_file(EXAMPLE)
    assert _counts() == before


def test_an_amount_the_registry_cannot_hold_skips_its_activity(tmp_path):
    text = EXAMPLE.read_text(encoding="utf-8")
    odd = tmp_path / "odd-amount.xml"
    odd.write_text(text.replace(">1000</value>", ">1000.555</value>"), encoding="utf-8")
    before = _counts()
    summary = import_file(odd)
    assert (summary.read, summary.created) == (1, 0)
    ((line, identifier, reason),) = summary.skipped
    assert (line, identifier) == (8, "AA-AAA-123456789-ABC123")
    assert "amount 1000.555" in reason and "2 decimal places" in reason
    after = _counts()
    assert {k: v for k, v in after.items() if "Source" not in k} == {
        k: v for k, v in before.items() if "Source" not in k
    }


def test_an_activity_nesting_too_deep_is_skipped_and_a_shallower_one_goes_in(
    tmp_path,
):
    text = (DATA / "mixed.xml").read_text(encoding="utf-8")
    good = text[text.index("  <iati-activity") : text.index("</iati-activity>") + 16]

    def extended(key, depth):
        nested = '<x:e xmlns:x="http://example.org/ext">' * depth + "</x:e>" * depth
        body = good.replace("XM-TEST-1-good", key)
        return body.replace("</iati-activity>", nested + "</iati-activity>")

    path = tmp_path / "deep.xml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n'
        + extended("XM-TEST-1-deep", 40)
        + "\n"
        + extended("XM-TEST-1-shallow", 31)
        + "\n</iati-activities>\n",
        encoding="utf-8",
    )
    summary = import_file(path)
    assert (summary.read, summary.created) == (2, 1)
    ((line, identifier, reason),) = summary.skipped
    assert (line, identifier) == (3, "XM-TEST-1-deep")
    assert reason == "it nests deeper than 32 elements"
    assert Engagement.objects.filter(key="XM-TEST-1-shallow").exists()
