"""`partnerships dump` writes the registry; `partnerships load` reads it back."""

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.db import models

from partnerships.cooperation.models import (
    Contribution,
    Engagement,
    MoneyLine,
    Participation,
    Place,
    PublishedActivity,
)
from partnerships.core.languages import UN_LANGUAGES
from partnerships.interop.dump import (
    NOT_DUMPED_FIELDS,
    NOT_DUMPED_MODELS,
    REGISTRY_APPS,
)
from partnerships.reference.models import Currency
from partnerships.registry.models import Identifier, Organisation, OrganisationName
from partnerships.reports.models import Report
from partnerships.sources.models import Evidence, Passage, SourceDocument
from tests.conftest import SEED_SYMBOL

pytestmark = pytest.mark.django_db


def _dump() -> str:
    out = io.StringIO()
    call_command("dump", format="json", stdout=out)
    return out.getvalue()


def _empty_registry():
    MoneyLine.objects.all().delete()
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


# --- every field of every row survives dump, empty, load ---------------------------

# How a row is found again after a load: its natural key, field names (a foreign key
# to a registry row stands for that row's own natural key). A row with no natural key
# of its own is known by all its values.
NATURAL_KEYS: dict[type[models.Model], tuple[str, ...]] = {
    Organisation: ("key",),
    OrganisationName: ("organisation", "kind", "lang", "value"),
    Identifier: ("scheme", "value"),
    Engagement: ("key",),
    Participation: ("engagement", "organisation", "role"),
    SourceDocument: ("symbol", "revision"),
    Passage: ("document", "number"),
    Evidence: ("passage", "engagement", "participation", "organisation"),
    MoneyLine: ("engagement", "position"),
    PublishedActivity: ("engagement",),
}


def _registry_models() -> list[type[models.Model]]:
    found = []
    for label in REGISTRY_APPS:
        for model in apps.get_app_config(label).get_models():
            # simple-history's audit tables: the history of the source database.
            if not model.__name__.startswith("Historical"):
                found.append(model)
    return found


def _dumped_models() -> list[type[models.Model]]:
    return [m for m in _registry_models() if m._meta.label not in NOT_DUMPED_MODELS]


class Rows:
    """Each registry row as {field: value}, with registry references as natural keys."""

    def __init__(self) -> None:
        self.keys: dict[tuple[type[models.Model], Any], tuple[Any, ...]] = {}

    def value(self, row: models.Model, field: models.Field) -> Any:
        value = getattr(row, field.attname)
        target = field.related_model
        dumped = target is not None and target._meta.app_label in REGISTRY_APPS
        if field.is_relation and value is not None and dumped:
            return self.natural_key(target._default_manager.get(pk=value))
        return value

    def fields(self, row: models.Model) -> dict[str, Any]:
        values = {
            f.name: self.value(row, f)
            for f in type(row)._meta.concrete_fields
            if f.name not in NOT_DUMPED_FIELDS
        }
        for m2m in type(row)._meta.many_to_many:
            values[m2m.name] = sorted(
                getattr(row, m2m.name).values_list("pk", flat=True)
            )
        return values

    def natural_key(self, row: models.Model) -> tuple[Any, ...]:
        cached = self.keys.get((type(row), row.pk))
        if cached is None:
            names = NATURAL_KEYS.get(type(row))
            if names is None:
                cached = tuple(sorted(self.fields(row).items(), key=str))
            else:
                fields = {f.name: f for f in type(row)._meta.concrete_fields}
                cached = tuple(self.value(row, fields[name]) for name in names)
            self.keys[(type(row), row.pk)] = cached
        return cached

    def table(self, model: type[models.Model]) -> dict[tuple[Any, ...], Any]:
        return {
            self.natural_key(row): self.fields(row)
            for row in model._default_manager.all()
        }


def _snapshot() -> dict[str, dict[tuple[Any, ...], Any]]:
    rows = Rows()
    return {m._meta.label: rows.table(m) for m in _dumped_models()}


def _unexercised(snapshot: dict[str, dict[tuple[Any, ...], Any]]) -> list[str]:
    """Fields that hold one value in every row, so a load that lost them (wrote the
    default) would not be seen: the data of the test must vary every field."""
    out = []
    for label, rows in snapshot.items():
        for name in next(iter(rows.values())):
            if len({repr(row[name]) for row in rows.values()}) < 2:
                out.append(f"{label}.{name}")
    return out


def _differences(before: dict, after: dict) -> list[str]:
    out = []
    for label, rows in before.items():
        for key in rows.keys() - after[label].keys():
            out.append(f"{label} {key}: lost")
        for key in after[label].keys() - rows.keys():
            out.append(f"{label} {key}: appeared")
        for key in rows.keys() & after[label].keys():
            for name, value in rows[key].items():
                if after[label][key][name] != value:
                    new = after[label][key][name]
                    out.append(f"{label} {key} {name}: {value!r} became {new!r}")
    return out


def _hide_some_records() -> None:
    now = dt.datetime(2025, 3, 4, 5, 6, 7, 123456, tzinfo=dt.UTC)
    engagement = Engagement.objects.order_by("key").first()
    Engagement.objects.filter(pk=engagement.pk).update(
        is_confidential=True, is_published=False, deleted_at=now, version=4
    )
    organisation = Organisation.objects.order_by("key").last()
    Organisation.objects.filter(pk=organisation.pk).update(
        is_published=False, deleted_at=now, version=7
    )
    document = SourceDocument.objects.order_by("symbol").first()
    SourceDocument.objects.filter(pk=document.pk).update(is_published=False)
    for subject in ("participation", "organisation"):
        evidence = Evidence.objects.filter(**{f"{subject}__isnull": False}).first()
        Evidence.objects.filter(pk=evidence.pk).update(quote=f"words on a {subject}")


def _vary_the_rest() -> None:
    """Values the demo data holds in no row: every language, a website, synthetic
    records, a second contribution unlike the first."""
    for model, prefix in (
        (Organisation, "name"),
        (Engagement, "title"),
        (Engagement, "summary"),
        (Place, "city"),
        (SourceDocument, "title"),
    ):
        row = model.objects.order_by("pk").first()
        texts = {f"{prefix}_{lang}": f"{prefix} in {lang}" for lang in UN_LANGUAGES}
        model.objects.filter(pk=row.pk).update(**texts)
    Organisation.objects.filter(key="UNDP").update(
        website="https://example.org/undp", is_synthetic=True
    )
    Engagement.objects.filter(pk=Engagement.objects.order_by("-key")[0].pk).update(
        is_synthetic=True
    )
    taken = Contribution.objects.get()
    Contribution.objects.create(
        participation=Participation.objects.exclude(pk=taken.participation_id)[0],
        amount=Decimal("1234.56"),
        currency=Currency.objects.exclude(pk=taken.currency_id)[0],
        value_date=dt.date(2024, 6, 1),
        value_precision="month",
    )
    _money_and_kept_elements(taken)
    _a_second_revision()


def _a_second_revision() -> None:
    """A later revision of a document, unpublished and not current, with a
    paragraph cited for a participation (the demo data has one revision each)."""
    first = SourceDocument.objects.order_by("symbol").last()
    second = SourceDocument.objects.create(
        symbol=first.symbol,
        revision=2,
        replaces=first,
        is_current=False,
        is_published=False,
        language=first.language,
        title_en="read again",
    )
    passage = Passage.objects.create(document=second, number=1, text="read again")
    Evidence.objects.create(
        passage=passage,
        participation=Participation.objects.order_by("pk").last(),
        quote="cited from revision 2",
    )


def _money_and_kept_elements(contribution: Contribution) -> None:
    """Two money lines and two kept IATI activities unlike each other in every field
    (the demo data holds none: they come from IATI imports)."""
    second = contribution.participation.engagement
    first = Engagement.objects.exclude(pk=second.pk).order_by("key")[0]
    orgs = list(Organisation.objects.order_by("key")[:2])
    currencies = list(Currency.objects.order_by("code")[:2])
    MoneyLine.objects.create(
        engagement=first,
        position=1,
        kind="budget",
        type_code="1",
        period_start=dt.date(2018, 1, 1),
        period_end=dt.date(2018, 12, 31),
        amount=Decimal("-33700000.00"),
        currency=currencies[0],
    )
    MoneyLine.objects.create(
        engagement=second,
        position=2,
        kind="transaction",
        type_code="2",
        status="2",
        date=dt.date(2018, 3, 4),
        amount=Decimal("0.01"),
        currency=currencies[1],
        value_date=dt.date(2018, 3, 1),
        provider=orgs[0],
        provider_ref="XM-DAC-41301",
        provider_name="Giver",
        provider_activity="XM-DAC-41301-1",
        receiver=orgs[1],
        receiver_ref="22000",
        receiver_name="Taker",
        receiver_activity="T-1",
        is_repeat=True,
        contribution=contribution,
        extras={"published": "<x/>"},
    )
    PublishedActivity.objects.create(engagement=first, identifier="XM-DAC-1 A")
    PublishedActivity.objects.create(
        engagement=second, identifier="XM-DAC-2", elements=["<sector code='1'/>"]
    )  # fmt: skip


def test_what_is_not_dumped_is_named_and_exists():
    labels = {m._meta.label for m in _registry_models()}
    assert NOT_DUMPED_MODELS <= labels
    assert {"registry.Organisation", "cooperation.Place", "sources.Evidence"} <= {
        m._meta.label for m in _dumped_models()
    }
    for model in _dumped_models():
        names = {f.name for f in model._meta.concrete_fields}
        assert NOT_DUMPED_FIELDS <= names, model


def test_dump_empty_load_keeps_every_field_of_every_row(tmp_path):
    _hide_some_records()
    _vary_the_rest()
    before = _snapshot()
    assert _unexercised(before) == [], "\n".join(_unexercised(before))
    path = tmp_path / "dump.json"
    path.write_text(_dump(), encoding="utf-8")
    _empty_registry()
    assert all(not rows for rows in _snapshot().values())
    call_command("load", str(path), stdout=io.StringIO())
    assert _differences(before, _snapshot()) == []
    again = io.StringIO()
    call_command("load", str(path), stdout=again)
    assert "; 0 rows written" in again.getvalue()


VERSION_1 = {
    "format": "partnerships-dump",
    "version": 1,
    "source_documents": [
        {"symbol": "OLD/1", "title": {"en": "Old"}, "language": "en",
         "passages": [{"number": 4, "text": "The Old Partner helped."}]},
    ],
    "organisations": [
        {"id": "OLD-PARTNER", "names": {"en": "Old Partner"}, "category": "ngo",
         "mentions": [{"document": "OLD/1", "paragraphs": [4]}]},
    ],
    "engagements": [
        {"id": "old-work", "kind": "project", "title": {"en": "Old work"},
         "start": "2019", "end": None, "status": "completed",
         "evidence": [{"document": "OLD/1", "paragraph": 4, "quote": "helped"}],
         "participants": [{"organisation": "OLD-PARTNER", "role": "partner",
                           "evidence": [{"document": "OLD/1", "paragraphs": [4]}]}]},
    ],
}  # fmt: skip


def test_a_version_1_dump_still_loads_with_the_flags_a_new_record_has(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps(VERSION_1), encoding="utf-8")
    call_command("load", str(path), stdout=io.StringIO())
    engagement = Engagement.objects.get(key="old-work")
    assert engagement.is_published and not engagement.is_confidential
    assert engagement.deleted_at is None and engagement.version == 1
    assert Organisation.objects.get(key="OLD-PARTNER").is_published
    cited = Evidence.objects.filter(passage__document__symbol="OLD/1")
    assert cited.count() == 3
    assert cited.get(engagement=engagement).quote == "helped"
    # A version-1 dump says nothing of the flags: a row's own are kept.
    Engagement.objects.filter(pk=engagement.pk).update(is_published=False)
    call_command("load", str(path), stdout=io.StringIO())
    assert not Engagement.objects.get(pk=engagement.pk).is_published


def test_a_dump_of_an_unknown_version_is_refused(tmp_path):
    path = tmp_path / "new.json"
    path.write_text(json.dumps({**VERSION_1, "version": 4}), encoding="utf-8")
    with pytest.raises(CommandError, match="version 1 or 2 or 3"):
        call_command("load", str(path), stdout=io.StringIO())


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("deleted_at", "2025-01-02T03:04:05", "has no time zone"),
        ("is_confidential", "false", "not true or false"),
    ],
)
def test_a_malformed_flag_or_time_is_refused_naming_the_record(
    tmp_path, field, value, message
):
    data = json.loads(_dump())
    data["engagements"][3][field] = value
    data["engagements"][1]["is_published"] = False
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    key = data["engagements"][3]["id"]
    with pytest.raises(CommandError, match=rf"engagements\[3\] \({key}\).*{message}"):
        call_command("load", str(path), stdout=io.StringIO())
    engagement = Engagement.objects.get(key=key)
    assert engagement.deleted_at is None and not engagement.is_confidential
    assert Engagement.objects.get(key=data["engagements"][1]["id"]).is_published
