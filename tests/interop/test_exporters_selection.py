"""An empty selection exports nothing: the IATI exporters registered by interop
once took an empty queryset for "every record" (its truth is False) and wrote
the whole registry for a filter that matched nothing."""

from __future__ import annotations

import io

import pytest

from partnerships.cooperation.models import Engagement
from partnerships.core.actor import system_actor
from partnerships.core.exporters import exporter
from partnerships.registry.models import Organisation

pytestmark = pytest.mark.django_db
ADMIN = system_actor("test")


def _write(identifier: str, **options) -> bytes:
    out = io.BytesIO()
    export = exporter(identifier)
    with pytest.raises(export.refusals) as refusal:
        export.write(out, ADMIN, **options)
    assert "can be exported" in str(refusal.value)
    return out.getvalue()


def test_an_empty_selection_of_engagements_writes_no_activity():
    assert Engagement.objects.filter(start_date__isnull=False).exists()
    written = _write(
        "iati-activities",
        engagements=Engagement.objects.none(),
        reporting_org=Organisation.objects.get(key="UN-Habitat"),
    )
    assert b"<iati-activity " not in written


def test_an_empty_selection_of_organisations_writes_no_organisation():
    assert Organisation.objects.filter(identifiers__scheme="IATI").exists()
    written = _write("iati-organisations", organisations=Organisation.objects.none())
    assert b"<iati-organisation " not in written


def test_no_selection_still_means_every_record():
    out = io.BytesIO()
    count = exporter("iati-organisations").write(out, ADMIN)
    assert count == Organisation.objects.filter(identifiers__scheme="IATI").count()
