"""The portal's merge preview counts the stakeholder records a merge would move,
in the reader's language."""

from __future__ import annotations

import html
import re

from django.utils import translation

from partnerships.stakeholders.models import Accreditation, Application
from partnerships.stakeholders.services.sessions import session_upsert
from tests.factories import TESTER, organisation
from tests.stakeholders.test_merge import _apply


def _preview(client, source, target) -> str:
    asked = {"source": source.key, "target": target.key, "reason": "a duplicate"}
    response = client.post("/staff/merge/", asked)
    assert response.status_code == 200
    return response.content.decode()


def _row(page: str, label: str) -> str:
    found = re.search(rf'<th scope="row">{label}</th><td>([^<]*)</td>', page)
    assert found, label
    return html.unescape(found.group(1))


def test_the_preview_names_the_application_and_accreditation_moving(client, cast):
    source = organisation(key="WLL", en="Women's Land Link")
    target = organisation(key="WLLA", en="Women's Land Link Africa")
    session = session_upsert(
        actor=TESTER, key="p-1", values={"title": "1", "body": "A"}
    )
    _apply(session[0], "Women's Land Link", source)
    # Read independently of the preview: what names the merged organisation.
    assert Application.objects.filter(organisation=source).count() == 1
    assert Accreditation.objects.filter(organisation=source).count() == 1
    client.force_login(cast["administrator"])
    page = _preview(client, source, target)
    assert _row(page, "Stakeholder engagement") == (
        "1 accreditation application, 1 accreditation"
    )
    client.cookies["django_language"] = "fr"
    page = _preview(client, source, target)
    with translation.override("fr"):
        label = str(translation.gettext("Stakeholder engagement"))
    assert label != "Stakeholder engagement"
    assert "1 demande d'accréditation" in _row(page, label)
    # Nothing moved yet.
    assert Application.objects.filter(organisation=source).count() == 1


def test_an_organisation_without_stakeholder_records_has_no_such_row(client, cast):
    source = organisation(key="DUP", en="Duplicate")
    target = organisation(key="ORIG", en="Original")
    client.force_login(cast["administrator"])
    assert "Stakeholder engagement" not in _preview(client, source, target)
